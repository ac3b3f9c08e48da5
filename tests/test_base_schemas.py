"""The shipped base taxonomy (schemas/): freshness, content, package, Arelle offline."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from converter.model import ConceptRole
from converter.serialize.output_files import base_package
from taxonomy import ns
from taxonomy.base import CATALOGUE
from taxonomy.build_base import DEFINITION_FILE, LABEL_FILE, REFERENCE_FILE, SCHEMAS_DIR, render_base
from taxonomy.package import ZIP_DATE_TIME
from tests.support.writer_samples import arelle_findings

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
XS = f"{{{ns.XSD}}}"
XBRLI = f"{{{ns.XBRLI}}}"
LINK = f"{{{ns.LINK}}}"
XL = f"{{{ns.XLINK}}}"


@pytest.fixture(scope="module")
def generated() -> dict[str, bytes]:
    return render_base()


def _elements(generated: dict[str, bytes]) -> dict[str, etree._Element]:
    root = etree.fromstring(generated[ns.BASE_SCHEMA_FILE])
    return {e.get("name"): e for e in root.iter(f"{XS}element") if e.get("substitutionGroup") != "link:part"}


def test_committed_files_equal_regenerated(generated: dict[str, bytes]) -> None:
    stale = [rel for rel, data in generated.items() if not (SCHEMAS / rel).is_file()
             or (SCHEMAS / rel).read_bytes() != data]
    assert not stale, (
        f"schemas/ is stale for {stale}: regenerate with `python -m taxonomy.build_base` and commit"
    )
    assert sorted(generated) == sorted([
        ns.BASE_SCHEMA_FILE, LABEL_FILE, REFERENCE_FILE, DEFINITION_FILE, "META-INF/catalog.xml",
        "META-INF/taxonomyPackage.xml",
    ])
    assert SCHEMAS_DIR == SCHEMAS  # `python -m taxonomy.build_base` writes where the package ships them


def test_schema_declares_every_catalogue_concept(generated: dict[str, bytes]) -> None:
    root = etree.fromstring(generated[ns.BASE_SCHEMA_FILE])
    assert root.get("targetNamespace") == ns.BASE
    elements = _elements(generated)
    assert list(elements) == [c.name for c in CATALOGUE]
    for entry in CATALOGUE:
        elt = elements[entry.name]
        assert elt.get("id") == f"xfy_{entry.name}"
        assert elt.get(f"{XBRLI}periodType") == entry.period_type
        assert elt.get("nillable") == "true"
        balance = entry.balance.value if entry.balance else None
        assert elt.get(f"{XBRLI}balance") == balance


def test_schema_types_and_groups_by_role(generated: dict[str, bytes]) -> None:
    elements = _elements(generated)
    expected = {
        ConceptRole.AXIS: ("xbrldt:dimensionItem", "xbrli:stringItemType", "true"),
        ConceptRole.HYPERCUBE: ("xbrldt:hypercubeItem", "xbrli:stringItemType", "true"),
        ConceptRole.MEMBER: ("xbrli:item", "dtr-types:domainItemType", "true"),
    }
    for entry in CATALOGUE:
        elt = elements[entry.name]
        got = (elt.get("substitutionGroup"), elt.get("type"), elt.get("abstract"))
        if entry.role is ConceptRole.ITEM:
            assert got == ("xbrli:item", entry.item_type.value, None)  # type: ignore[union-attr]
        else:
            assert got == expected[entry.role]
    assert elements["EarningsPerShareBasic"].get("type") == "dtr-types:perShareItemType"


def test_schema_imports_and_links_label_linkbase(generated: dict[str, bytes]) -> None:
    root = etree.fromstring(generated[ns.BASE_SCHEMA_FILE])
    imports = [(i.get("namespace"), i.get("schemaLocation")) for i in root.iter(f"{XS}import")]
    assert imports == [(ns.XBRLI, ns.XBRLI_XSD), (ns.XBRLDT, ns.XBRLDT_XSD), (ns.DTR_TYPES, ns.DTR_TYPES_XSD),
                       (ns.LINK, ns.LINKBASE_XSD)]
    assert root.nsmap["dtr-types"] == ns.DTR_TYPES
    refs = [(r.get(f"{XL}href"), r.get(f"{XL}role")) for r in root.iter(f"{LINK}linkbaseRef")]
    assert refs == [(LABEL_FILE, ns.LABEL_LINKBASE_REF), (REFERENCE_FILE, ns.REFERENCE_LINKBASE_REF),
                    (DEFINITION_FILE, ns.DEFINITION_LINKBASE_REF)]


def test_schema_declares_the_us_gaap_reference_role_part_and_refines_arcrole(generated: dict[str, bytes]) -> None:
    root = etree.fromstring(generated[ns.BASE_SCHEMA_FILE])
    role = root.find(f".//{LINK}roleType")
    assert (role.get("roleURI"), role.get("id"), role.findtext(f"{LINK}usedOn")) == (
        ns.USGAAP_REFERENCE_ROLE, ns.USGAAP_REFERENCE_ROLE_ID, "link:reference")
    arcrole = root.find(f".//{LINK}arcroleType")
    assert (arcrole.get("arcroleURI"), arcrole.get("id"), arcrole.get("cyclesAllowed"),
            arcrole.findtext(f"{LINK}usedOn")) == (ns.REFINES, ns.REFINES_ID, "none", "link:definitionArc")
    part = next(e for e in root.iter(f"{XS}element") if e.get("name") == ns.USGAAP_PART)
    assert (part.get("type"), part.get("substitutionGroup")) == ("xs:QName", "link:part")


def test_every_us_gaap_concept_has_one_reference_naming_its_element(generated: dict[str, bytes]) -> None:
    root = etree.fromstring(generated[REFERENCE_FILE])
    named = {}
    for link in root.iter(f"{LINK}referenceLink"):
        locs = {loc.get(f"{XL}label"): loc.get(f"{XL}href").split("#xfy_")[1] for loc in link.iter(f"{LINK}loc")}
        refs = {ref.get(f"{XL}label"): ref for ref in link.iter(f"{LINK}reference")}
        for arc in link.iter(f"{LINK}referenceArc"):
            ref = refs[arc.get(f"{XL}to")]
            assert ref.get(f"{XL}role") == ns.USGAAP_REFERENCE_ROLE
            part = ref.find(f"{{{ns.BASE}}}{ns.USGAAP_PART}")
            prefix, local = part.text.split(":")
            assert part.nsmap[prefix] == ns.US_GAAP
            named[locs[arc.get(f"{XL}from")]] = local
    assert named == {c.name: c.name for c in CATALOGUE if c.gaap}
    assert {"Revenues", "CostOfRevenue", "OperatingIncomeLoss", "EarningsPerShareDiluted",
            "WeightedAverageNumberOfDilutedSharesOutstanding", "NetCashProvidedByUsedInOperatingActivities"} <= set(named)
    assert "EBITDA" not in named and "FreeCashFlow" not in named  # non-GAAP: no element rather than a wrong one


def test_refinements_of_base_concepts_are_definition_arcs_in_the_refines_arcrole(generated: dict[str, bytes]) -> None:
    root = etree.fromstring(generated[DEFINITION_FILE])
    [ref] = list(root.iter(f"{LINK}arcroleRef"))
    assert (ref.get("arcroleURI"), ref.get(f"{XL}href")) == (ns.REFINES, f"{ns.BASE_SCHEMA_FILE}#{ns.REFINES_ID}")
    locs = {loc.get(f"{XL}label"): loc.get(f"{XL}href").split("#xfy_")[1] for loc in root.iter(f"{LINK}loc")}
    arcs = {(locs[a.get(f"{XL}from")], locs[a.get(f"{XL}to")]) for a in root.iter(f"{LINK}definitionArc")
            if a.get(f"{XL}arcrole") == ns.REFINES}
    assert arcs == {(c.name, c.refines) for c in CATALOGUE if c.refines}
    assert ("SellingExpense", "SellingAndMarketingExpense") in arcs


def test_label_linkbase_has_one_standard_english_label_each(generated: dict[str, bytes]) -> None:
    root = etree.fromstring(generated[LABEL_FILE])
    labels = list(root.iter(f"{LINK}label"))
    assert [lab.text for lab in labels] == [c.label for c in CATALOGUE]
    assert {lab.get(f"{XL}role") for lab in labels} == {ns.LABEL_ROLE}
    assert {lab.get("{http://www.w3.org/XML/1998/namespace}lang") for lab in labels} == {"en-US"}
    hrefs = [loc.get(f"{XL}href") for loc in root.iter(f"{LINK}loc")]
    assert hrefs == [f"{ns.BASE_SCHEMA_FILE}#xfy_{c.name}" for c in CATALOGUE]


def test_catalog_maps_base_url_onto_package_folder(generated: dict[str, bytes]) -> None:
    rewrite = etree.fromstring(generated["META-INF/catalog.xml"])[0]
    assert (rewrite.get("uriStartString"), rewrite.get("rewritePrefix")) == (f"{ns.BASE}/", "../")
    tp = etree.fromstring(generated["META-INF/taxonomyPackage.xml"])
    hrefs = [e.get("href") for e in tp.iter(f"{{{ns.TP}}}entryPointDocument")]
    assert hrefs == [ns.BASE_SCHEMA_URL]


def test_dtr_types_schema_is_in_arelles_cache() -> None:
    spec = importlib.util.find_spec("arelle")
    assert spec is not None and spec.submodule_search_locations
    cache = Path(next(iter(spec.submodule_search_locations))) / "resources" / "cache"
    scheme, rest = ns.DTR_TYPES_XSD.split("://", 1)
    types = etree.parse(str(cache / scheme / rest)).getroot()
    assert types.get("targetNamespace") == ns.DTR_TYPES
    declared = {e.get("name") for e in types.iter(f"{XS}complexType")}
    assert {"perShareItemType", "percentItemType", "domainItemType"} <= declared


def test_base_package_is_deterministic_single_folder(tmp_path: Path) -> None:
    first = base_package(tmp_path / "a").read_bytes()
    second = base_package(tmp_path / "b").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a" / f"{ns.BASE_PACKAGE_NAME}.zip") as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names)
        assert {n.split("/")[0] for n in names} == {ns.BASE_PACKAGE_NAME}
        assert {i.date_time for i in infos} == {ZIP_DATE_TIME}
        assert archive.read(f"{ns.BASE_PACKAGE_NAME}/{ns.BASE_SCHEMA_FILE}") == (
            SCHEMAS / ns.BASE_SCHEMA_FILE).read_bytes()
        assert f"{ns.BASE_PACKAGE_NAME}/META-INF/catalog.xml" in names


def test_base_schema_validates_offline_through_package(tmp_path: Path) -> None:
    package = base_package(tmp_path)
    assert arelle_findings(ns.BASE_SCHEMA_URL, packages=(package,)) == []
