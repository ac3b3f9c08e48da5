"""The last pass before writing (converter.mapping.consistency): never XBRL that XBRL 2.1 or XDT rejects.

Each class of invalid report is built from the writer's sample report in a line or two, shown to
be rejected by Arelle as it is, and accepted once the pass has fixed it (with the change said).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from converter import diagnostics as dx
from converter.mapping.consistency import consistent
from converter.model import Arc, Context, Period, Report
from converter.pipeline import ConvertOptions, convert
from converter.serialize.output_files import OutputFormat, render_outputs
from tests.support.releases import HEADER
from tests.support.writer_samples import ENTITY, arelle_findings, base, ext, fact, sample_report, write_files

AT_2024 = Context(id="i-2024", entity=ENTITY, period=Period(end=dt.date(2024, 12, 31)))


def _repeated_axis(report: Report) -> Report:
    """A context naming the segment axis twice (two member-naming paths giving one axis)."""
    twice = Context(id="c-2024-twice", entity=ENTITY, period=report.contexts[0].period,
                    members=((base("SegmentAxis"), ext("ConsumerMember")), (base("SegmentAxis"), ext("EnterpriseMember"))))
    return replace(report, contexts=(*report.contexts, twice),
                   facts=(*report.facts, fact(ext("ProductRevenue"), "c-2024-twice", "7", row=9)))


def _both_period_types(report: Report) -> Report:
    """A base (duration) concept reported for an instant too."""
    return replace(report, contexts=(*report.contexts, AT_2024),
                   facts=(*report.facts, fact(base("Revenues"), "i-2024", "5", row=9)))


def _weight_against_balances(report: Report) -> Report:
    """Gross profit (credit) summing cost of revenue (debit) with weight +1."""
    role = report.taxonomy.roles[0]
    calculation = tuple(replace(a, weight=Decimal(1)) if a.target == base("CostOfRevenue") else a for a in role.calculation)
    return _with_role(report, replace(role, calculation=calculation))


def _presentation_cycle(report: Report) -> Report:
    """Revenues presented as the parent of the statement's root, which is its own parent."""
    role = report.taxonomy.roles[0]
    back = Arc(source=base("Revenues"), target=ext("IncomeStatementAbstract"), order=1)
    return _with_role(report, replace(role, presentation=(*role.presentation, back)))


def _with_role(report: Report, role: object) -> Report:
    return replace(report, taxonomy=replace(report.taxonomy, roles=(role,)))  # type: ignore[arg-type]


BROKEN: dict[str, tuple[Callable[[Report], Report], str, str]] = {
    "repeated-dimension": (_repeated_axis, "xbrldie:RepeatedDimensionInInstanceError", dx.MAP_CONTEXT_DIMENSION_REPEATED),
    "context-period-type": (_both_period_types, "xbrl.4.7.2:contextPeriodType", dx.MAP_FACT_PERIOD_TYPE_CONFLICT),
    "calc-weight-balance": (_weight_against_balances, "xbrl.5.1.1.2:balanceCalcWeightIllegalPositive",
                            dx.MAP_CALC_BALANCE_CONFLICT),
    "presentation-cycle": (_presentation_cycle, "xbrl.5.2.4.2", dx.MAP_RELATIONSHIP_CYCLE),
}


def _arelle_codes(folder: Path, report: Report) -> set[str]:
    folder.mkdir()
    write_files(folder, render_outputs(report, None, frozenset({OutputFormat.XBRL})).files)
    return {code for level, code in arelle_findings(folder / f"{report.taxonomy.name}.xml") if level == "error"}


def test_the_sample_report_is_left_as_it_is() -> None:
    report = sample_report()
    assert consistent(report) == (report, [])


@pytest.mark.parametrize("kind", BROKEN)
def test_a_report_arelle_rejects_is_fixed_and_the_change_said(tmp_path: Path, kind: str) -> None:
    breaking, arelle_code, said = BROKEN[kind]
    broken = breaking(sample_report())
    assert any(code.startswith(arelle_code) for code in _arelle_codes(tmp_path / "broken", broken))
    fixed, found = consistent(broken)
    assert [d.code for d in found] == [said]
    assert _arelle_codes(tmp_path / "fixed", fixed) == set()


def test_a_repeated_axis_leaves_out_that_contexts_facts_only() -> None:
    broken = _repeated_axis(sample_report())
    fixed, (said,) = consistent(broken)
    assert list(fixed.facts) == [f for f in broken.facts if f.context_id != "c-2024-twice"]
    assert "c-2024-twice" not in {c.id for c in fixed.contexts} and said.spans[0].row == 9


def test_the_other_period_type_facts_of_a_base_concept_are_left_out_with_their_cells() -> None:
    fixed, (said,) = consistent(_both_period_types(sample_report()))
    assert fixed.facts == sample_report().facts and "i-2024" not in {c.id for c in fixed.contexts}
    assert said.severity.value == "warning" and [s.row for s in said.spans] == [9]


def test_an_extension_concept_reported_only_for_instants_is_declared_instant() -> None:
    report = sample_report()
    moved = tuple(replace(f, context_id="i-2024") if f.concept == ext("ServiceRevenue") else f for f in report.facts)
    fixed, (said,) = consistent(replace(report, contexts=(*report.contexts, AT_2024), facts=moved))
    assert said.code == dx.MAP_CONCEPT_PERIOD_TYPE_FIXED and fixed.facts == moved
    assert fixed.taxonomy.concept(ext("ServiceRevenue")).period_type == "instant"
    assert fixed.taxonomy.concept(ext("ProductRevenue")).period_type == "duration"


def test_only_the_arc_that_closes_a_cycle_is_left_out() -> None:
    broken = _presentation_cycle(sample_report())
    fixed, _ = consistent(broken)
    assert fixed.taxonomy.roles[0].presentation == sample_report().taxonomy.roles[0].presentation


FLOW_AND_BALANCE = HEADER + """\
    Net sales                                    $  1,000    $    900
    Cost of sales                                     600         500
                                                 ---------   ---------
         Gross profit                                 400         400
    Cash and cash equivalents                         300         200


                         EXAMPLE WIDGETS CORPORATION
                        CONSOLIDATED BALANCE SHEETS

                                                DECEMBER 31,
                                                 2024        2023
                                              ---------   ---------
    Cash and cash equivalents                    $    300    $    200
    Net sales                                          50          40
                                                 ---------   ---------
         Total assets                                 350         240
"""


def test_a_release_with_instant_concepts_in_duration_columns_validates(tmp_path: Path) -> None:
    """Balance sheet rows printed under columns read as durations (and "Net sales" in a balance
    sheet): those figures are left out, each said at its cell, and the rest validates."""
    result = convert(FLOW_AND_BALANCE.encode(), name="release.txt", options=ConvertOptions(validate=False))
    conflicts = [d for d in result.diagnostics if d.code == dx.MAP_FACT_PERIOD_TYPE_CONFLICT]
    assert conflicts and all(s.path == "release.txt" and s.column is not None for d in conflicts for s in d.spans)
    assert result.report is not None
    assert _arelle_codes(tmp_path / "out", result.report) == set()
