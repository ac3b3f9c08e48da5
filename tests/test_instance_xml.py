"""XBRL 2.1 instance writer: contexts, units, fact merging, spans, and Arelle offline."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from converter.model import Report, SourceSpan
from converter.serialize.instance_xml import decimal_text, render_instance
from converter.serialize.output_files import base_package
from taxonomy import ns
from taxonomy.files import render_taxonomy
from tests.support.writer_samples import (
    EXT_NS,
    NAME,
    arelle_findings,
    base,
    ext,
    fact,
    sample_report,
    write_files,
)

XBRLI = f"{{{ns.XBRLI}}}"
XL = f"{{{ns.XLINK}}}"
NIL = f"{{{ns.XSI}}}nil"


def _render(report: Report) -> tuple[etree._Element, dict[str, tuple[SourceSpan, ...]]]:
    data, spans = render_instance(report, f"{NAME}.xsd")
    return etree.fromstring(data), spans


def _facts(root: etree._Element) -> list[etree._Element]:
    return [e for e in root if etree.QName(e).namespace in (ns.BASE, EXT_NS)]


def test_header_namespaces_and_schema_ref() -> None:
    data, _ = render_instance(sample_report(), f"{NAME}.xsd")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<xbrli:xbrl ')
    root = etree.fromstring(data)
    for prefix, uri in (("xbrli", ns.XBRLI), ("link", ns.LINK), ("xlink", ns.XLINK), ("xbrldi", ns.XBRLDI),
                        ("iso4217", ns.ISO4217), ("xfy", ns.BASE), ("tst", EXT_NS)):
        assert root.nsmap[prefix] == uri
    ref = root[0]
    assert etree.QName(ref).localname == "schemaRef" and ref.get(f"{XL}href") == f"{NAME}.xsd"


def test_contexts_in_order_with_explicit_members() -> None:
    root, _ = _render(sample_report())
    contexts = root.findall(f"{XBRLI}context")
    assert [c.get("id") for c in contexts] == ["c-2024", "c-2024-consumer", "c-2024-enterprise", "c-2023"]
    ident = contexts[0].find(f"{XBRLI}entity/{XBRLI}identifier")
    assert (ident.get("scheme"), ident.text) == (ns.SEC_CIK_SCHEME, "0000123456")
    assert contexts[0].find(f"{XBRLI}entity/{XBRLI}segment") is None
    [member] = contexts[1].iter(f"{{{ns.XBRLDI}}}explicitMember")
    assert (member.get("dimension"), member.text) == ("xfy:SegmentAxis", "tst:ConsumerMember")
    period = contexts[1].find(f"{XBRLI}period")
    assert [(etree.QName(p).localname, p.text) for p in period] == [
        ("startDate", "2024-01-01"), ("endDate", "2024-12-31")]


def test_instant_period() -> None:
    report = sample_report()
    instant = replace(report.contexts[0], id="i", period=replace(report.contexts[0].period, start=None))
    root, _ = _render(replace(report, contexts=(instant,)))
    assert root.find(f"{XBRLI}context/{XBRLI}period/{XBRLI}instant").text == "2024-12-31"


def test_units_simple_and_divide() -> None:
    root, _ = _render(sample_report())
    units = {u.get("id"): u for u in root.findall(f"{XBRLI}unit")}
    assert list(units) == ["usd", "usd-per-share", "shares"]
    assert [m.text for m in units["usd"]] == ["iso4217:USD"]
    num = units["usd-per-share"].find(f"{XBRLI}divide/{XBRLI}unitNumerator/{XBRLI}measure")
    den = units["usd-per-share"].find(f"{XBRLI}divide/{XBRLI}unitDenominator/{XBRLI}measure")
    assert (num.text, den.text) == ("iso4217:USD", "xbrli:shares")
    assert [m.text for m in units["shares"]] == ["xbrli:shares"]


def test_equal_duplicates_merge_keeping_highest_decimals_and_all_spans() -> None:
    root, spans = _render(sample_report())
    facts = _facts(root)
    assert [f.get("id") for f in facts] == [f"f{i}" for i in range(1, 15)]
    revenues = [f for f in facts if etree.QName(f).localname == "Revenues" and f.get("contextRef") == "c-2024"]
    assert len(revenues) == 1
    [rev] = revenues
    assert (rev.get("id"), rev.text, rev.get("decimals"), rev.get("unitRef")) == ("f3", "150000000", "-3", "usd")
    assert [(s.table, s.line) for s in spans["f3"]] == [(1, 13), (3, 51)]
    assert all(len(v) == 1 for k, v in spans.items() if k != "f3")


def test_inconsistent_duplicate_writes_each_value_once() -> None:
    report = sample_report(revenues_again="151,000")
    extra = fact(base("Revenues"), "c-2024", "151,000", table=4, line=70)
    root, spans = _render(replace(report, facts=(*report.facts, extra)))
    revenues = [(f.get("id"), f.text) for f in _facts(root)
                if etree.QName(f).localname == "Revenues" and f.get("contextRef") == "c-2024"]
    assert revenues == [("f3", "150000000"), ("f15", "151000000")]
    assert [s.line for s in spans["f15"]] == [51, 70]


def test_fact_values_types_and_nil() -> None:
    root, _ = _render(sample_report())
    by_id = {f.get("id"): f for f in _facts(root)}
    eps, shares, nil = by_id["f6"], by_id["f7"], by_id["f8"]
    assert (etree.QName(eps).localname, eps.text, eps.get("unitRef"), eps.get("decimals")) == (
        "EarningsPerShareBasic", "1.23", "usd-per-share", "2")
    assert (shares.text, shares.get("unitRef")) == ("10000000", "shares")
    assert (nil.get(NIL), nil.get("decimals"), nil.text, nil.get("unitRef")) == ("true", None, None, "usd")
    assert etree.QName(by_id["f1"]).namespace == EXT_NS


def test_no_xsi_without_nil_facts() -> None:
    report = sample_report()
    root, _ = _render(replace(report, facts=tuple(f for f in report.facts if f.value is not None)))
    assert "xsi" not in root.nsmap


def test_deterministic() -> None:
    assert render_instance(sample_report(), "x.xsd") == render_instance(sample_report(), "x.xsd")


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("1.5E+8"), "150000000"), (Decimal("-1214000"), "-1214000"), (Decimal("-0"), "0"),
    (Decimal("0.00"), "0"), (Decimal("1.230"), "1.230"), (Decimal("-0.5"), "-0.5"),
])
def test_decimal_text(value: Decimal, text: str) -> None:
    assert decimal_text(value) == text


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return base_package(tmp_path_factory.mktemp("pkg"))


def _validate(tmp_path: Path, package: Path, report: Report, calc: str = "c11r") -> list[tuple[str, str]]:
    write_files(tmp_path, render_taxonomy(report.taxonomy, ns.BASE_SCHEMA_URL))
    data, _ = render_instance(report, f"{NAME}.xsd")
    (tmp_path / f"{NAME}.xbrl").write_bytes(data)
    return arelle_findings(tmp_path / f"{NAME}.xbrl", packages=(package,), calc=calc)


@pytest.mark.parametrize("calc", ["c11r", "c10"])
def test_arelle_consistent_report_has_no_findings(tmp_path: Path, package: Path, calc: str) -> None:
    assert _validate(tmp_path, package, sample_report(), calc) == []


@pytest.mark.parametrize(("calc", "code"), [
    ("c11r", "calc11e:inconsistentCalculationUsingRounding"), ("c10", "xbrl.5.2.5.2:calcInconsistency"),
])
def test_arelle_reports_planted_calc_inconsistency(tmp_path: Path, package: Path, calc: str, code: str) -> None:
    assert _validate(tmp_path, package, sample_report(gross_profit="95,000"), calc) == [("inconsistency", code)]


def test_arelle_reports_inconsistent_duplicate(tmp_path: Path, package: Path) -> None:
    codes = {code for _, code in _validate(tmp_path, package, sample_report(revenues_again="151,000"))}
    assert "arelle:duplicateFacts" in codes
    assert codes <= {"arelle:duplicateFacts", "oime:disallowedDuplicateFacts", "validate.calc.stopped-by-duplicate"}


def test_arelle_checks_segment_dimension(tmp_path: Path, package: Path) -> None:
    report = sample_report()
    stray = replace(report.contexts[1], members=((base("SegmentAxis"), ext("ProductRevenue")),))
    report = replace(report, contexts=(report.contexts[0], stray, *report.contexts[2:]))
    codes = {code for _, code in _validate(tmp_path, package, report)}
    assert codes == {"xbrldie:PrimaryItemDimensionallyInvalidError"}
