"""Extension taxonomy writer and packages: rendered content, determinism, Arelle offline."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from converter.model import Arc, Label, LabelRole, Taxonomy
from converter.serialize.instance_xml import render_instance
from converter.serialize.output_files import base_package
from taxonomy import ns
from taxonomy.files import render_taxonomy
from taxonomy.package import report_package, taxonomy_package
from tests.support.writer_samples import (
    EXT_NS,
    NAME,
    ROLE_URI,
    arelle_findings,
    base,
    ext,
    sample_report,
    sample_taxonomy,
)

XS = f"{{{ns.XSD}}}"
LINK = f"{{{ns.LINK}}}"
XL = f"{{{ns.XLINK}}}"
XBRLDT = f"{{{ns.XBRLDT}}}"
BASE_HREF = f"{ns.BASE_SCHEMA_URL}#xfy_"


def _render(tax: Taxonomy) -> dict[str, bytes]:
    """These tests resolve the base taxonomy through its package, by absolute URL."""
    return render_taxonomy(tax, ns.BASE_SCHEMA_URL)


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return _render(sample_taxonomy())


def _root(files: dict[str, bytes], suffix: str) -> etree._Element:
    return etree.fromstring(files[f"{NAME}{suffix}"])


def _arcs(root: etree._Element, arc: str) -> list[tuple[str, str, dict[str, str]]]:
    """(from href, to href, other attributes) of every arc, resolving locator labels."""
    hrefs = {loc.get(f"{XL}label"): loc.get(f"{XL}href") for loc in root.iter(f"{LINK}loc")}
    out = []
    for a in root.iter(f"{LINK}{arc}"):
        attrs = {k: v for k, v in a.attrib.items() if k not in (f"{XL}from", f"{XL}to", f"{XL}type")}
        out.append((hrefs[a.get(f"{XL}from")], hrefs[a.get(f"{XL}to")], attrs))
    return out


def test_file_names_in_order(files: dict[str, bytes]) -> None:
    assert list(files) == [f"{NAME}.xsd", f"{NAME}_lab.xml", f"{NAME}_pre.xml", f"{NAME}_cal.xml", f"{NAME}_def.xml"]


def test_output_is_deterministic_and_pretty(files: dict[str, bytes]) -> None:
    assert _render(sample_taxonomy()) == files
    for data in files.values():
        assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<')
        assert b"\n  <" in data and data.endswith(b">\n")


def test_schema_imports_roles_linkbases(files: dict[str, bytes]) -> None:
    root = _root(files, ".xsd")
    assert root.get("targetNamespace") == EXT_NS and root.nsmap["tst"] == EXT_NS
    imports = {i.get("namespace"): i.get("schemaLocation") for i in root.iter(f"{XS}import")}
    assert imports == {ns.XBRLI: ns.XBRLI_XSD, ns.XBRLDT: ns.XBRLDT_XSD, ns.DTR_TYPES: ns.DTR_TYPES_XSD,
                       ns.BASE: ns.BASE_SCHEMA_URL}
    [role] = root.iter(f"{LINK}roleType")
    assert (role.get("roleURI"), role.get("id")) == (ROLE_URI, "IncomeStatement")
    assert role.findtext(f"{LINK}definition") == "Income statement"
    assert [u.text for u in role.iter(f"{LINK}usedOn")] == [
        "link:presentationLink", "link:calculationLink", "link:definitionLink"]
    refs = [r.get(f"{XL}href") for r in root.iter(f"{LINK}linkbaseRef")]
    assert refs == [f"{NAME}_lab.xml", f"{NAME}_pre.xml", f"{NAME}_cal.xml", f"{NAME}_def.xml"]


def test_schema_declares_only_extension_concepts(files: dict[str, bytes]) -> None:
    elements = {e.get("name"): e for e in _root(files, ".xsd").iter(f"{XS}element")}
    assert sorted(elements) == ["ConsumerMember", "EnterpriseMember", "IncomeStatementAbstract",
                                "IncomeStatementLineItems", "ProductRevenue", "ServiceRevenue"]
    product = elements["ProductRevenue"]
    assert (product.get("id"), product.get("type"), product.get(f"{{{ns.XBRLI}}}balance")) == (
        "tst_ProductRevenue", "xbrli:monetaryItemType", "credit")
    member = elements["ConsumerMember"]
    assert (member.get("type"), member.get("abstract")) == ("dtr-types:domainItemType", "true")
    assert elements["IncomeStatementAbstract"].get("abstract") == "true"


def test_labels_all_for_extension_only_extra_roles_for_base(files: dict[str, bytes]) -> None:
    root = _root(files, "_lab.xml")
    by_label: dict[str, list[tuple[str, str]]] = {}
    for lab in root.iter(f"{LINK}label"):
        by_label.setdefault(lab.get(f"{XL}label"), []).append((lab.get(f"{XL}role"), lab.text))
    assert by_label["lab_tst_ProductRevenue"] == [(ns.LABEL_ROLE, "Product revenue"),
                                                  (LabelRole.TERSE.value, "Product")]
    assert by_label["lab_xfy_CostOfRevenue"] == [(LabelRole.NEGATED.value, "Cost of sales")]
    assert by_label["lab_xfy_Revenues"] == [(LabelRole.TOTAL.value, "Total revenues")]
    assert "lab_xfy_GrossProfit" not in by_label  # only its standard label, in the base linkbase
    hrefs = {loc.get(f"{XL}label"): loc.get(f"{XL}href") for loc in root.iter(f"{LINK}loc")}
    assert hrefs["loc_xfy_CostOfRevenue"] == f"{BASE_HREF}CostOfRevenue"
    assert hrefs["loc_tst_ProductRevenue"] == f"{NAME}.xsd#tst_ProductRevenue"
    role_refs = [(r.get("roleURI"), r.get(f"{XL}href")) for r in root.iter(f"{LINK}roleRef")]
    assert role_refs == [(LabelRole.NEGATED.value, f"{ns.LRR_NEGATED_XSD}#negatedLabel")]


def test_one_label_resource_per_concept_and_role() -> None:
    tax = sample_taxonomy()
    doubled = tuple(
        replace(c, labels=(*c.labels, Label(role=LabelRole.STANDARD, text="Again"))) for c in tax.concepts)
    root = etree.fromstring(_render(replace(tax, concepts=doubled))[f"{NAME}_lab.xml"])
    texts = [lab.text for lab in root.iter(f"{LINK}label")]
    assert "Again" not in texts and "Product revenue" in texts


def test_presentation_arcs_in_order_with_preferred_labels(files: dict[str, bytes]) -> None:
    root = _root(files, "_pre.xml")
    arcs = _arcs(root, "presentationArc")
    head = f"{NAME}.xsd#tst_IncomeStatementAbstract"
    assert [(a[0], a[1], a[2]["order"]) for a in arcs][:4] == [
        (head, f"{NAME}.xsd#tst_ProductRevenue", "1"), (head, f"{NAME}.xsd#tst_ServiceRevenue", "2"),
        (head, f"{BASE_HREF}Revenues", "3"), (head, f"{BASE_HREF}CostOfRevenue", "4")]
    assert {a[2][f"{XL}arcrole"] for a in arcs} == {ns.PARENT_CHILD}
    preferred = {a[1]: a[2].get("preferredLabel") for a in arcs}
    assert preferred[f"{BASE_HREF}Revenues"] == LabelRole.TOTAL.value
    assert preferred[f"{BASE_HREF}CostOfRevenue"] == LabelRole.NEGATED.value
    assert preferred[f"{BASE_HREF}GrossProfit"] is None
    [link] = root.iter(f"{LINK}presentationLink")
    assert link.get(f"{XL}role") == ROLE_URI
    assert [r.get(f"{XL}href") for r in root.iter(f"{LINK}roleRef")] == [f"{NAME}.xsd#IncomeStatement"]


def test_calculation_uses_2003_summation_item_with_weights(files: dict[str, bytes]) -> None:
    arcs = _arcs(_root(files, "_cal.xml"), "calculationArc")
    assert {a[2][f"{XL}arcrole"] for a in arcs} == {ns.SUMMATION_ITEM_21}
    assert [(a[0].rsplit("#", 1)[1], a[1].rsplit("#", 1)[1], a[2]["weight"]) for a in arcs] == [
        ("xfy_Revenues", "tst_ProductRevenue", "1"), ("xfy_Revenues", "tst_ServiceRevenue", "1"),
        ("xfy_GrossProfit", "xfy_Revenues", "1"), ("xfy_GrossProfit", "xfy_CostOfRevenue", "-1")]


def test_definition_dimensions_without_duplicate_arcs(files: dict[str, bytes]) -> None:
    root = _root(files, "_def.xml")
    arcs = _arcs(root, "definitionArc")
    by_role = {a[2][f"{XL}arcrole"]: a for a in arcs}
    all_arc = by_role[ns.ALL]
    assert (all_arc[2][f"{XBRLDT}contextElement"], all_arc[2][f"{XBRLDT}closed"]) == ("segment", "true")
    assert by_role[ns.DIMENSION_DEFAULT][:2] == (f"{BASE_HREF}SegmentAxis", f"{BASE_HREF}SegmentDomain")
    for link in root.iter(f"{LINK}definitionLink"):
        pairs = [(a.get(f"{XL}from"), a.get(f"{XL}to")) for a in link.iter(f"{LINK}definitionArc")]
        assert len(pairs) == len(set(pairs))
    refs = [r.get("arcroleURI") for r in root.iter(f"{LINK}arcroleRef")]
    assert refs == [ns.ALL, ns.HYPERCUBE_DIMENSION, ns.DIMENSION_DOMAIN, ns.DOMAIN_MEMBER, ns.DIMENSION_DEFAULT]
    assert root.find(f"{LINK}arcroleRef").get(f"{XL}href") == f"{ns.XBRLDT_XSD}#all"


def test_repeated_presentation_pair_gets_fresh_locator() -> None:
    tax = sample_taxonomy()
    role = tax.roles[0]
    again = Arc(source=ext("IncomeStatementAbstract"), target=base("Revenues"), order=8)
    tax = replace(tax, roles=(replace(role, presentation=(*role.presentation, again)),))
    root = etree.fromstring(_render(tax)[f"{NAME}_pre.xml"])
    pairs = [(a.get(f"{XL}from"), a.get(f"{XL}to")) for a in root.iter(f"{LINK}presentationArc")]
    assert len(pairs) == len(set(pairs))
    assert ("loc_tst_IncomeStatementAbstract", "loc_xfy_Revenues_2") in pairs


def test_unknown_namespace_and_arcrole_are_rejected() -> None:
    tax = sample_taxonomy()
    role = tax.roles[0]
    stray = Arc(source=ext("IncomeStatementAbstract"), target=replace(base("Revenues"), namespace="urn:x"), order=9)
    with pytest.raises(ValueError, match="urn:x"):
        _render(replace(tax, roles=(replace(role, presentation=(stray,)),)))
    bad = Arc(source=base("SegmentAxis"), target=base("SegmentDomain"), order=1, arcrole="urn:nope")
    with pytest.raises(ValueError, match="urn:nope"):
        _render(replace(tax, roles=(replace(role, definition_arcs=(bad,)),)))


def test_empty_taxonomy_still_writes_valid_empty_linkbases() -> None:
    tax = Taxonomy(prefix="e", namespace="https://example.com/e", name="e-1", concepts=(), roles=(), imports=())
    files = _render(tax)
    assert len(files) == 5
    assert len(etree.fromstring(files["e-1_cal.xml"])) == 0


def _absolute(instance: bytes) -> bytes:
    return instance.replace(f'xlink:href="{NAME}.xsd"'.encode(), f'xlink:href="{EXT_NS}/{NAME}.xsd"'.encode())


def test_taxonomy_package_resolves_extension_offline(tmp_path: Path, files: dict[str, bytes]) -> None:
    data = taxonomy_package(files, name=NAME, identifier=f"{EXT_NS}/package",
                            entry_point=f"{EXT_NS}/{NAME}.xsd", rewrite_prefix=f"{EXT_NS}/")
    assert data == taxonomy_package(files, name=NAME, identifier=f"{EXT_NS}/package",
                                    entry_point=f"{EXT_NS}/{NAME}.xsd", rewrite_prefix=f"{EXT_NS}/")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == sorted(
            [f"{NAME}/{f}" for f in files] + [f"{NAME}/META-INF/catalog.xml", f"{NAME}/META-INF/taxonomyPackage.xml"])
    (tmp_path / "ext.zip").write_bytes(data)
    instance, _ = render_instance(sample_report(), f"{EXT_NS}/{NAME}.xsd")
    (tmp_path / "report.xbrl").write_bytes(instance)
    packages = (base_package(tmp_path), tmp_path / "ext.zip")
    assert arelle_findings(tmp_path / "report.xbrl", packages=packages) == []
    with pytest.raises(ValueError):
        taxonomy_package({"META-INF/x.xml": b""}, name="n", identifier="urn:n", entry_point="urn:e",
                         rewrite_prefix="urn:p/")


def test_report_package_xbr_layout_and_arelle(tmp_path: Path, files: dict[str, bytes]) -> None:
    instance, _ = render_instance(sample_report(gross_profit="95,000"), f"{NAME}.xsd")
    data = report_package({**files, f"{NAME}.xbrl": instance}, name=NAME, inline=False)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read(f"{NAME}/META-INF/reportPackage.json"))
    assert manifest == {"documentInfo": {"documentType": ns.REPORT_PACKAGE_XBR}}
    assert f"{NAME}/reports/{NAME}.xbrl" in names and f"{NAME}/reports/{NAME}_cal.xml" in names
    assert f"{NAME}/taxonomies/{ns.BASE_PACKAGE_NAME}/{ns.BASE_SCHEMA_FILE}" in names
    path = tmp_path / f"{NAME}.xbr"
    path.write_bytes(data)
    # self-contained: the bundled base taxonomy resolves without any other package
    assert arelle_findings(path) == [("inconsistency", "calc11e:inconsistentCalculationUsingRounding")]


def test_report_package_checks_report_kind() -> None:
    with pytest.raises(ValueError):
        report_package({"r.xbrl": b""}, name="r", inline=True)
    with pytest.raises(ValueError):
        report_package({"a.xbrl": b"", "b.xbrl": b""}, name="r", inline=False)
    data = report_package({"r.xhtml": b"<html/>"}, name="r", inline=True, include_base=False)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["r/META-INF/reportPackage.json", "r/reports/r.xhtml"]
        assert ns.REPORT_PACKAGE_XBRI in archive.read("r/META-INF/reportPackage.json").decode()


def test_missing_preferred_label_is_filled_from_standard_label() -> None:
    tax = sample_taxonomy()
    stripped = tuple(replace(c, labels=tuple(lab for lab in c.labels if lab.role is not LabelRole.NEGATED))
                     for c in tax.concepts)
    root = etree.fromstring(_render(replace(tax, concepts=stripped))[f"{NAME}_lab.xml"])
    cost = [(lab.get(f"{XL}role"), lab.text) for lab in root.iter(f"{LINK}label")
            if lab.get(f"{XL}label") == "lab_xfy_CostOfRevenue"]
    assert cost == [(LabelRole.NEGATED.value, "Cost of revenue")]
