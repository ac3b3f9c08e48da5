"""The release the project started from, end to end: every figure, sign, relationship, finding."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from converter.model import ConversionResult, Severity
from converter.pipeline import ConvertOptions, convert
from converter.validation.validate import LoadedFact, load_facts
from taxonomy import ns
from tests.support.facts_csv import matches, missing, read_expected
from tests.support.paths import LEXINGTON

BASE = "{https://xbrlify.dev/taxonomy/base/2024}"


@pytest.fixture(scope="module")
def facts(lexington_out: tuple[ConversionResult, Path]) -> tuple[LoadedFact, ...]:
    result, out = lexington_out
    assert result.report is not None
    return load_facts(out / f"{result.report.taxonomy.name}.xml")


def _value(facts: tuple[LoadedFact, ...], local: str, start: str, end: str, dims: bool = False) -> Decimal | None:
    found = [f.value for f in facts if f.concept == BASE + local and str(f.start) == start and str(f.end) == end
             and bool(f.dims) == dims]
    assert len(set(found)) <= 1, found
    return found[0] if found else None


def test_every_listed_fact_is_found(facts: tuple[LoadedFact, ...], corpus: Path) -> None:
    rows = read_expected(corpus / "lexington-2004q4-ex99-1.facts.csv")
    assert len(rows) == 168
    assert missing(rows, facts) == []


def test_signs_follow_the_concept_not_the_printing(facts: tuple[LoadedFact, ...]) -> None:
    q4 = ("2004-10-01", "2004-12-31")
    assert _value(facts, "InterestExpense", *q4) == Decimal("2242000")  # "(2,242)" and "Add: 2,242"
    assert _value(facts, "GainsLossesOnExtinguishmentOfDebt", *q4) == Decimal("5346000")  # reconciliation prints (5,346)
    assert _value(facts, "IncomeLossFromDiscontinuedOperationsNetOfTax", *q4) == Decimal("-567000")
    assert _value(facts, "IncomeTaxExpenseBenefit", *q4) == Decimal("-282000")
    assert _value(facts, "CumulativeEffectOfChangeInAccountingPrinciple", "2003-01-01", "2003-12-31") == Decimal("-247000")
    assert _value(facts, "NetIncomeLoss", "2003-10-01", "2003-12-31") == Decimal("-3643000")


def test_segment_rows_are_members_of_the_heading_concept(facts: tuple[LoadedFact, ...]) -> None:
    rubber = [f for f in facts if f.dims and f.dims[0][1].endswith("}RubberGroupMember")]
    assert {f.concept.split("}")[1] for f in rubber} == {
        "Revenues", "OperatingIncomeLoss", "DepreciationAndAmortization", "EBITDA", "PaymentsToAcquirePropertyPlantAndEquipment",
    }
    assert all(f.dims[0][0] == BASE + "SegmentAxis" for f in rubber)
    corporate = {f.concept.split("}")[1] for f in facts if f.dims and "CorporateOffice" in f.dims[0][1]}
    assert "Revenues" not in corporate and "PaymentsToAcquirePropertyPlantAndEquipment" in corporate
    # Total net sales (segment table) and Net sales (statement) are one fact.
    assert [f.value for f in facts if f.concept == BASE + "Revenues" and not f.dims and str(f.end) == "2004-12-31"
            and str(f.start) == "2004-10-01"] == [Decimal("24392000")]


def test_units_and_decimals(facts: tuple[LoadedFact, ...]) -> None:
    eps = [f for f in facts if f.concept == BASE + "EarningsPerShareBasicAndDiluted"]
    assert {f.unit for f in eps} == {"USD/shares"} and {f.decimals for f in eps} == {"2"}
    values = sorted(f.value for f in eps if f.value is not None)
    assert len(values) == len(eps) and values == [Decimal("-1.36"), Decimal("-0.77"), Decimal("0.32"), Decimal("0.65")]
    sales = [f for f in facts if f.concept == BASE + "Revenues"]
    assert {f.unit for f in sales} == {"USD"} and {f.decimals for f in sales} == {"-3"}


def test_only_the_release_own_inconsistency_is_reported(lexington_out: tuple[ConversionResult, Path]) -> None:
    result, _ = lexington_out
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assert errors == []
    findings = [d for d in result.diagnostics if d.severity is Severity.INCONSISTENCY]
    assert {d.code for d in findings} <= {"map.duplicate.inconsistent", "calc11e:inconsistentCalculationUsingRounding"}
    duplicate = next(d for d in findings if d.code == "map.duplicate.inconsistent")
    assert [s.line for s in duplicate.spans] == [183, 207]  # (1,549) in the statement, (1,796) in the reconciliation
    for d in findings:
        assert {183, 207} <= {s.line for s in d.spans}, d.render()
        assert "D20030101-20031231" in d.message


def _calc_arcs(out: Path) -> dict[str, dict[str, str]]:
    tree = etree.parse(str(out / "lpc-20041231_cal.xml"))
    labels = {loc.get(f"{{{ns.XLINK}}}label"): loc.get(f"{{{ns.XLINK}}}href").split("#")[1].split("_", 1)[1]
              for loc in tree.iter(f"{{{ns.LINK}}}loc")}
    arcs: dict[str, dict[str, str]] = {}
    for arc in tree.iter(f"{{{ns.LINK}}}calculationArc"):
        source, target = labels[arc.get(f"{{{ns.XLINK}}}from")], labels[arc.get(f"{{{ns.XLINK}}}to")]
        arcs.setdefault(source, {})[target] = arc.get("weight")
    return arcs


def test_calculation_relationships_come_from_the_figures(lexington_out: tuple[ConversionResult, Path]) -> None:
    arcs = _calc_arcs(lexington_out[1])
    assert arcs["GrossProfit"] == {"Revenues": "1", "CostOfRevenue": "-1"}
    assert arcs["OperatingIncomeLoss"] == {"GrossProfit": "1", "SellingGeneralAndAdministrativeExpense": "-1",
                                           "GoodwillImpairmentLoss": "-1"}
    pretax = "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
    assert arcs[pretax] == {"OperatingIncomeLoss": "1", "GainsLossesOnExtinguishmentOfDebt": "1", "InterestExpense": "-1"}
    assert arcs["IncomeLossFromContinuingOperations"] == {pretax: "1", "IncomeTaxExpenseBenefit": "-1"}
    assert arcs["EBITDA"] == {"OperatingIncomeLoss": "1", "DepreciationAndAmortization": "1"}  # segment table, every member
    assert arcs["EBITDAFromContinuingOperations"] == {
        "IncomeLossFromContinuingOperations": "1", "DepreciationAndAmortization": "1", "InterestExpense": "1",
        "IncomeTaxExpenseBenefit": "1", "GainsLossesOnExtinguishmentOfDebt": "-1",
        "CumulativeEffectOfChangeInAccountingPrinciple": "-1",
    }
    assert arcs["EarningsPerShareBasicAndDiluted"] == {
        "IncomeLossFromContinuingOperationsPerBasicAndDilutedShare": "1",
        "IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicAndDilutedShare": "1",
        "CumulativeEffectOfChangeInAccountingPrinciplePerBasicAndDilutedShare": "1",
    }


def test_classic_calc_mode_on_request(tmp_path: Path) -> None:
    result = convert(LEXINGTON, out_dir=tmp_path / "c10", options=ConvertOptions(calc="c10"))
    assert not [d for d in result.diagnostics if d.code.startswith(("calc11e", "xbrl.5.2.5.2")) and "D2004" in d.message]


def test_convert_twice_gives_identical_bytes(tmp_path: Path) -> None:
    first = convert(LEXINGTON, out_dir=tmp_path / "a", options=ConvertOptions(validate=False))
    convert(LEXINGTON, out_dir=tmp_path / "b", options=ConvertOptions(validate=False))
    assert first.files
    for name in first.files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_every_fact_keeps_its_release_cell(lexington_out: tuple[ConversionResult, Path]) -> None:
    result, _ = lexington_out
    assert result.report is not None
    lines = LEXINGTON.read_text().splitlines()
    for fact in result.report.facts:
        line = lines[fact.span.line - 1]
        assert line[fact.span.col - 1:].lstrip("$ ").startswith(fact.printed.lstrip("$ ")[:2]), (fact, line)


def test_csv_matcher_needs_magnitude_and_member(facts: tuple[LoadedFact, ...], corpus: Path) -> None:
    row = read_expected(corpus / "lexington-2004q4-ex99-1.facts.csv")[0]
    assert matches(row, facts)
    assert not matches(row.__class__(**{**row.__dict__, "value": row.value + 1}), facts)
    assert not matches(row.__class__(**{**row.__dict__, "member": "Rubber Group"}), facts)


# Each checked by hand against the release: the prose line, the figure, the concept, the period's end and the member.
NARRATIVE_CHECKED = [
    (14, "$3,183,000", "NetIncomeLoss", "2004-10-01_2004-12-31", ""),
    (14, "65 cents per diluted common share", "EarningsPerShareBasicAndDiluted", "2004-10-01_2004-12-31", ""),
    (15, "$3,643,000", "NetIncomeLoss", "2003-10-01_2003-12-31", ""),
    (27, "$21,219,000", "Revenues", "2004-10-01_2004-12-31", "Rubber Group"),
    (33, "$2,585,000", "OperatingIncomeLoss", "2003-10-01_2003-12-31", "Rubber Group"),
    (34, "$361,000", "OperatingIncomeLoss", "2003-10-01_2003-12-31", "Metals Group"),
    (43, "negative $301,000", "EBITDA", "2004-10-01_2004-12-31", "Metals Group"),
    (54, "$1.36 per diluted common share", "EarningsPerShareBasicAndDiluted", "2003-01-01_2003-12-31", ""),
    (72, "$99,565,000", "Revenues", "2004-01-01_2004-12-31", "Rubber Group"),
    (108, "96 cents per diluted common share", "IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicAndDilutedShare",
     "2003-01-01_2003-12-31", ""),
]


def test_the_prose_agrees_with_the_tables(lexington_out: tuple[ConversionResult, Path]) -> None:
    result, out = lexington_out
    assert result.report is not None
    periods = {c.id: c.period.key() for c in result.report.contexts}
    found = [(m.span.line, m.printed, m.fact.concept.local, periods[m.fact.context_id], m.member)
             for m in result.narrative]
    assert len(found) == 67 and len(set(found)) == 67  # at least 30 wanted; every one checked by hand
    assert set(NARRATIVE_CHECKED) <= set(found)
    assert all(m.fact.value is not None and m.value == m.fact.value for m in result.narrative)
    assert not [d for d in result.diagnostics if d.code.startswith("narrative.")]
    mapping = (out / "mapping.csv").read_text(encoding="utf-8").splitlines()
    assert next(r for r in mapping if ",Net income (loss),," in r).endswith(",14:5 15:53 52:37 54:2")
