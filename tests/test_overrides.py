"""Mapping files (``--mapping``): every override kind on a tiny inline release, every mistake located."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import diagnostics as dx
from converter.cli.commands import main
from converter.inputs.mapping_file import MappingError, parse_mapping, read_mapping
from converter.model import ConversionResult, Diagnostic
from converter.pipeline import ConvertOptions, convert
from taxonomy import ns
from tests.support.releases import HEADER, facts, report_of

BODY = """\
    Net sales:
         Widgets                                 $    700    $    600
         Gadgets                                      300         300
                                                 ---------   ---------
         Total net sales                         $  1,000    $    900
    Cost of sales                                     600         500
    Operating income:
         Widgets segment                              150         120
         Gadgets segment                              (30)         10
                                                 ---------   ---------
         Total operating income                       120         130
    Weighted average shares outstanding                50          48
"""  # rows 1-10 of table 1: "Cost of sales" is row 5, "Total operating income" row 9


def converted(mapping: str, body: str = BODY, header: str = HEADER, **options: object) -> ConversionResult:
    """The inline release converted with the mapping file ``mapping`` (TOML, dedented)."""
    overrides = parse_mapping(textwrap.dedent(mapping), "map.toml")
    text = header + textwrap.dedent(body)
    return convert(text.encode(), name="release.txt",
                   options=ConvertOptions(validate=False, mapping=overrides, **options))  # type: ignore[arg-type]


def problems(mapping: str) -> list[tuple[int, str]]:
    """(line, key) of each error the mapping file ``mapping`` has."""
    with pytest.raises(MappingError) as caught:
        parse_mapping(textwrap.dedent(mapping), "map.toml")
    assert {d.code for d in caught.value.diagnostics} == {dx.MAPPING_INVALID}
    return [(d.spans[0].line, dict(d.data)["key"]) for d in caught.value.diagnostics]


def coded(result: ConversionResult, code: str) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.code == code]


# Reading the file ------------------------------------------------------------------------------

def test_every_override_kind_is_read() -> None:
    overrides = parse_mapping(textwrap.dedent("""\
        [entity]
        cik = 320193
        name = "Example Widgets Inc."
        fiscal_year_end = "--09-30"

        [[concept]]
        label = "Cost of sales"
        name = "PinnedCostOfGoodsSold"

        [[concept]]
        table = 2
        row = 7
        name = "Revenues"

        [[member]]
        labels = ["Widgets", "Widgets segment"]
        name = "Widget Products"

        [[table]]
        table = 3
        scale = "millions"
        shares_scale = 3

        [[skip]]
        table = 4

        [[skip]]
        label = "Pro forma net income"
        """), "map.toml")
    assert (overrides.cik, overrides.entity_name, overrides.fiscal_year_end) == ("320193", "Example Widgets Inc.", (9, 30))
    assert [(p.label, p.table, p.row, p.name, p.at.line) for p in overrides.concepts] == [
        ("Cost of sales", None, None, "PinnedCostOfGoodsSold", 6), (None, 2, 7, "Revenues", 10)]
    assert [(m.labels, m.name) for m in overrides.members] == [(("Widgets", "Widgets segment"), "Widget Products")]
    assert [(s.table, s.monetary, s.shares) for s in overrides.scales] == [(3, 6, 3)]
    assert [(s.table, s.row, s.label, s.whole_table) for s in overrides.skips] == [
        (4, None, None, True), (None, None, "Pro forma net income", False)]


def test_a_toml_syntax_error_is_located_at_its_line_and_column() -> None:
    with pytest.raises(MappingError) as caught:
        parse_mapping('[[concept]]\nlabel = "Cost of sales"\nname = \n', "map.toml")
    (diag,) = caught.value.diagnostics
    assert (diag.code, diag.spans[0].path, diag.spans[0].line) == (dx.MAPPING_INVALID, "map.toml", 3)
    assert diag.render().startswith("map.toml:3 error mapping.invalid: not valid TOML")


def test_unknown_sections_and_keys_are_located() -> None:
    assert problems("""\
        [entity]
        cik = "320193"

        [[concept]]
        label = "Cost of sales"
        nmae = "PinnedCostOfGoodsSold"

        [[concepts]]
        label = "Net sales"
        """) == [(8, "concepts"), (6, "nmae"), (4, "concept")]  # the misspelt key, then the name it lacks


def test_wrong_values_are_located_at_their_keys() -> None:
    assert problems("""\
        [entity]
        cik = "12ab"
        fiscal_year_end = "13-01"

        [[concept]]
        row = 5
        name = "Pinned"

        [[concept]]
        label = "Segment"
        name = "SegmentAxis"

        [[member]]
        label = "Widgets"
        labels = ["Widgets segment"]
        name = "Widgets"

        [[table]]
        table = 0
        scale = "lots"

        [[table]]
        table = 3
        scale = 6

        [[table]]
        table = 3
        scale = 3

        [[skip]]
        row = 2
        """) == [(2, "cik"), (3, "fiscal_year_end"), (6, "row"), (11, "name"), (13, "member"),
                 (19, "table"), (20, "scale"), (27, "table"), (31, "row")]


def test_a_mapping_file_that_cannot_be_read_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(MappingError) as caught:
        read_mapping(tmp_path / "missing.toml")
    (diag,) = caught.value.diagnostics
    assert diag.code == dx.MAPPING_INVALID and diag.spans[0].path.endswith("missing.toml")


def test_convert_with_an_invalid_mapping_file_exits_2_with_every_located_error(tmp_path: Path) -> None:
    mapping = tmp_path / "map.toml"
    mapping.write_text('[[concept]]\nlabel = "Cost of sales"\n\n[[skip]]\nrow = 2\n', encoding="utf-8")
    release = tmp_path / "release.txt"
    release.write_text(HEADER + textwrap.dedent(BODY), encoding="utf-8")
    run = CliRunner().invoke(main, ["convert", str(release), "-o", str(tmp_path / "out"), "--mapping", str(mapping)])
    assert run.exit_code == 2
    assert f"{mapping}:1 error mapping.invalid: [[concept]] #1: name is missing" in run.output
    assert f"{mapping}:5 error mapping.invalid: [[skip]] #1 row: a row needs its table" in run.output
    assert not (tmp_path / "out").exists()


# Applying it -----------------------------------------------------------------------------------

def test_a_pinned_row_label_gets_the_pinned_concept() -> None:
    result = converted("""\
        [[concept]]
        label = "cost of  SALES"
        name = "PinnedCostOfGoodsSold"
        """)
    assert not facts(result, "CostOfRevenue")
    pinned = facts(result, "PinnedCostOfGoodsSold")
    assert {f.value for f in pinned} == {Decimal(600000), Decimal(500000)}
    assert pinned[0].concept.namespace != ns.BASE
    assert not coded(result, dx.OVERRIDE_UNMATCHED)


def test_a_pinned_table_row_may_name_a_base_concept() -> None:
    result = converted("""\
        [[concept]]
        table = 1
        row = 5
        name = "SellingGeneralAndAdministrativeExpense"
        """)
    assert {(f.concept.namespace, f.value) for f in facts(result, "SellingGeneralAndAdministrativeExpense")} == {
        (ns.BASE, Decimal(600000)), (ns.BASE, Decimal(500000))}
    assert not facts(result, "CostOfRevenue")


def test_a_pinned_row_of_a_breakdown_pins_its_line_item() -> None:
    result = converted("""\
        [[concept]]
        table = 1
        row = 7
        name = "SegmentProfit"
        """)
    assert len(facts(result, "SegmentProfit")) == 6 and not facts(result, "OperatingIncomeLoss")


def test_a_base_concept_of_another_kind_is_not_applied() -> None:
    result = converted("""\
        [[concept]]
        label = "Weighted average shares outstanding"
        name = "Revenues"
        """)
    (said,) = coded(result, dx.OVERRIDE_NOT_APPLIED)
    assert said.severity.value == "warning" and said.spans[0].line == 21 and said.spans[1].path == "map.toml"
    assert len(facts(result, "WeightedAverageSharesOutstanding")) == 2


def test_a_pin_whose_rows_contradict_each_other_is_split_and_said() -> None:
    result = converted("""\
        [[concept]]
        label = "Cost of sales"
        name = "Pinned"

        [[concept]]
        label = "Weighted average shares outstanding"
        name = "Pinned"
        """)
    (split,) = coded(result, dx.OVERRIDE_CONCEPT_SPLIT)
    assert split.spans[1].line == 5
    pinned = {f.concept.local for f in report_of(result).facts if f.span.row in (5, 10)}
    assert len(pinned) == 2 and "Pinned" in pinned


def test_overrides_that_match_nothing_are_warnings_at_their_lines() -> None:
    result = converted("""\
        [[concept]]
        label = "Nothing like it"
        name = "Pinned"

        [[member]]
        label = "Nowhere"
        name = "Somewhere"

        [[table]]
        table = 9
        scale = "millions"

        [[skip]]
        table = 1
        row = 99
        """)
    found = coded(result, dx.OVERRIDE_UNMATCHED)
    assert sorted((d.spans[0].path, d.spans[0].line) for d in found) == [
        ("map.toml", 1), ("map.toml", 5), ("map.toml", 9), ("map.toml", 13)]
    assert {d.severity.value for d in found} == {"warning"}


def test_members_are_renamed_and_merged() -> None:
    result = converted("""\
        [[member]]
        labels = ["Widgets", "Widgets segment"]
        name = "Widget Products"
        """)
    members = {m for c in report_of(result).contexts for _, m in c.members}
    assert {m.local for m in members} == {"WidgetProductsMember", "GadgetsMember", "GadgetsSegmentMember"}
    labels = {c.qname.local: c.label for c in report_of(result).taxonomy.concepts}
    assert labels["WidgetProductsMember"] == "Widget Products"
    assert {f.context_id for f in facts(result, "OperatingIncomeLoss") if f.value == 150000} == {
        "D20241001-20241231_WidgetProducts"}


def test_the_entity_comes_from_the_mapping_file_and_the_command_line_wins() -> None:
    mapping = """\
        [entity]
        cik = "320193"
        name = "Example Widgets Inc."
        """
    entity = report_of(converted(mapping)).entity
    assert (entity.scheme, entity.identifier, entity.name) == (ns.SEC_CIK_SCHEME, "0000320193", "Example Widgets Inc.")
    entity = report_of(converted(mapping, cik="789", entity_name="Widgets Holdings")).entity
    assert (entity.identifier, entity.name) == ("0000000789", "Widgets Holdings")


FISCAL_QUARTERS = """\
                         EXAMPLE WIDGETS CORPORATION
                    CONSOLIDATED STATEMENTS OF OPERATIONS
                   (IN THOUSANDS, EXCEPT PER SHARE AMOUNTS)

                                                FIRST QUARTER
                                              ----------------------
                                               FISCAL 2024  FISCAL 2023
                                              -----------  -----------
"""


def test_the_fiscal_year_end_dates_fiscal_quarters() -> None:
    body = """\
    Net sales                                    $  1,000    $    900
    Cost of sales                                     600         500
    """
    assumed = converted("", body, FISCAL_QUARTERS)
    assert coded(assumed, dx.PARSE_PERIOD_ASSUMED)
    told = converted('[entity]\nfiscal_year_end = "09-30"\n', body, FISCAL_QUARTERS)
    assert {(c.period.start.isoformat() if c.period.start else "", c.period.end.isoformat())
            for c in report_of(told).contexts} == {("2023-10-01", "2023-12-31"), ("2022-10-01", "2022-12-31")}
    assert not coded(told, dx.PARSE_PERIOD_ASSUMED)


def test_a_table_scale_replaces_the_stated_one() -> None:
    result = converted("""\
        [[table]]
        table = 1
        scale = "millions"
        shares_scale = "units"
        """)
    assert {f.value for f in facts(result, "CostOfRevenue")} == {Decimal(600_000_000), Decimal(500_000_000)}
    assert {f.value for f in facts(result, "WeightedAverageSharesOutstanding")} == {Decimal(50), Decimal(48)}
    (said,) = coded(result, dx.OVERRIDE_SCALE)
    assert said.severity.value == "info" and "the table states amounts in thousands" in said.message


def test_skipped_rows_are_left_out_and_accounted_for() -> None:
    result = converted("""\
        [[skip]]
        label = "Cost of sales"

        [[skip]]
        table = 1
        row = 10
        """)
    assert not facts(result, "CostOfRevenue") and not facts(result, "WeightedAverageSharesOutstanding")
    assert len(coded(result, dx.OVERRIDE_ROW_SKIPPED)) == 2
    assert dict(result.cells[0].left_out) == {dx.OVERRIDE_ROW_SKIPPED: 4}
    assert len(facts(result, "Revenues")) == 6


TWO_TABLES = """\
<html><body><p>EXAMPLE WIDGETS CORPORATION</p><p>STATEMENTS OF OPERATIONS</p><p>(In thousands)</p>
<table><tr><td></td><td>Three Months Ended December 31, 2024</td><td>Three Months Ended December 31, 2023</td></tr>
<tr><td>Net sales</td><td>1,000</td><td>900</td></tr></table>
<p>OTHER DATA</p><p>(In thousands)</p>
<table><tr><td></td><td>Three Months Ended December 31, 2024</td><td>Three Months Ended December 31, 2023</td></tr>
<tr><td>Backlog orders</td><td>70</td><td>60</td></tr></table></body></html>
"""


def test_a_skipped_table_is_left_out_and_accounted_for() -> None:
    overrides = parse_mapping("[[skip]]\ntable = 2\n", "map.toml")
    result = convert(TWO_TABLES.encode(), name="release.htm", options=ConvertOptions(validate=False, mapping=overrides))
    assert {f.span.table for f in report_of(result).facts} == {1}
    (said,) = coded(result, dx.OVERRIDE_TABLE_SKIPPED)
    assert said.spans[0].table == 2 and said.spans[1].path == "map.toml"
    assert dict(result.cells[1].left_out) == {dx.OVERRIDE_TABLE_SKIPPED: 2}


def test_no_mapping_file_changes_nothing() -> None:
    plain = convert((HEADER + textwrap.dedent(BODY)).encode(), name="release.txt", options=ConvertOptions(validate=False))
    assert converted("").report == plain.report
