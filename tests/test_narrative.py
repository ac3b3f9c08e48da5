"""The narrative cross-check: figures of the prose matched to the facts of the tables (corpus-free)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from lxml import etree

from converter import diagnostics as dx
from converter.model import ConversionResult, Diagnostic, NarrativeMatch
from converter.pipeline import ConvertOptions, convert
from converter.serialize.ixbrl import render_ixbrl
from converter.serialize.ixbrl_facts import NON_FRACTION
from converter.serialize.mapping_csv import render_mapping_csv
from converter.serialize.output_files import OutputFormat, render_outputs
from taxonomy import ns
from tests.support.releases import HEADER, release, report_of

BODY = """\
    Net sales:
      Rubber Group                               $ 21,219    $ 20,000
      Metals Group                                  3,173       3,000
                                                 ---------   ---------
      Total net sales                              24,392      23,000
    Cost of sales                                  20,000      19,000
                                                 ---------   ---------
    Net income                                   $  3,183    $  2,900
                                                 =========   =========
    Diluted earnings per share                   $    .65    $    .60
"""


def with_prose(prose: str) -> ConversionResult:
    """The small release with ``prose`` printed above its table."""
    return release(BODY, header=prose + "\n\n" + HEADER)


def agreements(result: ConversionResult) -> list[tuple[str, str, str, Decimal]]:
    return [(m.printed, m.fact.concept.local, m.member, m.value) for m in result.narrative]


def disagreements(result: ConversionResult) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.code == dx.NARRATIVE_DISAGREES]


QUARTER = "for the fourth quarter ended December 31, 2024"


def test_a_sentence_that_agrees_with_the_table() -> None:
    result = with_prose(f"Example Widgets reported net income of $3,183,000 {QUARTER}, compared to\n"
                        "net income of $2,900,000 for the fourth quarter of 2023.")
    assert agreements(result) == [("$3,183,000", "NetIncomeLoss", "", Decimal(3183000)),
                                  ("$2,900,000", "NetIncomeLoss", "", Decimal(2900000))]
    match = result.narrative[0]
    assert (match.span.line, match.span.col) == (1, 41) and match.core == "3,183,000"
    assert match.decimals == -3 and match.scale == 0 and match.item == "net income"
    periods = {c.id: c.period for c in report_of(result).contexts}
    assert periods[result.narrative[1].fact.context_id].end.year == 2023
    assert not disagreements(result)


def test_a_sentence_that_disagrees_is_an_inconsistency_at_both_places() -> None:
    result = with_prose(f"Example Widgets reported net income of $3,100,000 {QUARTER}.")
    assert not result.narrative
    [found] = disagreements(result)
    assert found.severity.value == "inconsistency" and not result.ok
    prose, table = found.spans
    assert (prose.line, prose.col) == (1, 41) and prose.table is None
    assert table.table == 1 and "3,183" in result.document.text.split("\n")[table.line - 1]  # type: ignore[union-attr]
    assert dict(found.data)["concept"].endswith("NetIncomeLoss")


def test_a_member_named_in_the_sentence() -> None:
    result = with_prose(f"Net sales of the Rubber Group were $21,219,000 {QUARTER}, while net sales\n"
                        "of the Metals Group were $3,173,000.")
    assert agreements(result) == [("$21,219,000", "Revenues", "Rubber Group", Decimal(21219000)),
                                  ("$3,173,000", "Revenues", "Metals Group", Decimal(3173000))]


def test_a_rounded_figure_agrees_within_its_decimals() -> None:
    result = with_prose(f"Net sales of the Rubber Group were $21.2 million {QUARTER}.")
    [match] = result.narrative
    assert (match.value, match.decimals, match.scale, match.core) == (Decimal("21.2E6"), -5, 6, "21.2")
    assert match.fact.value == Decimal(21219000)
    wrong = with_prose(f"Net sales of the Rubber Group were $21.3 million {QUARTER}.")
    assert not wrong.narrative and len(disagreements(wrong)) == 1


def test_cents_per_diluted_share() -> None:
    result = with_prose(f"Net income was $3,183,000, or 65 cents per diluted share, {QUARTER}.")
    assert agreements(result) == [("$3,183,000", "NetIncomeLoss", "", Decimal(3183000)),
                                  ("65 cents per diluted share", "EarningsPerShareDiluted", "", Decimal("0.65"))]
    assert (result.narrative[1].scale, result.narrative[1].decimals, result.narrative[1].core) == (-2, 2, "65")


def test_no_finding_when_the_period_is_not_known() -> None:
    for prose in ("Net income was $3,100,000.",  # no period anywhere
                  "Net income was $3,100,000 for the fourth quarters of 2024 and 2023.",  # two periods
                  "Net income was $3,100,000 for 2024."):  # no year-long column in the tables
        result = with_prose(prose)
        assert not result.narrative and not disagreements(result), prose


def test_no_finding_for_a_line_item_the_table_does_not_name_or_a_change() -> None:
    result = with_prose(f"Operating expenses were $9,999,000 {QUARTER}. Net income increased by $283,000 {QUARTER}.")
    assert not result.narrative and not disagreements(result)


def test_a_period_named_earlier_in_the_paragraph_matches_but_cannot_disagree() -> None:
    agreeing = with_prose(f"Net sales were $24,392,000 {QUARTER}. Net income was $3,183,000.")
    assert [m.printed for m in agreeing.narrative] == ["$24,392,000", "$3,183,000"]
    other = with_prose(f"Net sales were $24,392,000 {QUARTER}. Net income was $3,100,000.")
    assert not disagreements(other)


def test_agreements_are_tagged_in_the_inline_document_on_the_same_fact() -> None:
    result = with_prose(f"Net sales of the Rubber Group were $21.2 million {QUARTER}.")
    report, [match] = report_of(result), result.narrative
    tags = list(etree.fromstring(render_ixbrl(report, result.document, "x.xsd")).iter(NON_FRACTION))  # type: ignore[arg-type]
    assert len(tags) == len(report.facts) + 1
    [prose] = [t for t in tags if t.text == "21.2"]
    table = next(t for t in tags if t.text == "21,219")
    assert [prose.get(a) for a in ("name", "contextRef", "unitRef")] == [table.get(a) for a in ("name", "contextRef", "unitRef")]
    assert (prose.get("scale"), prose.get("decimals")) == ("6", "-5")
    assert isinstance(match, NarrativeMatch)


def test_the_xml_instance_is_the_same_with_or_without_prose() -> None:
    def instance(result: ConversionResult) -> bytes:
        files = render_outputs(report_of(result), formats=frozenset({OutputFormat.XBRL})).files
        return next(data for name, data in files.items() if name.endswith(".xml") and "_" not in name)

    prose = with_prose(f"Net sales of the Rubber Group were $21.2 million {QUARTER}.")
    assert prose.narrative and instance(prose) == instance(with_prose("Results of the quarter."))


def test_the_mapping_report_lists_the_prose_figures_of_a_row() -> None:
    result = with_prose(f"Net income was $3,183,000, or 65 cents per diluted share, {QUARTER}.")
    rows = render_mapping_csv(report_of(result).mapping, result.narrative).decode().splitlines()
    assert rows[0].endswith(",lines,prose")
    net_income = next(r for r in rows if ",Net income," in r)
    assert net_income.endswith(",1:17")
    assert next(r for r in rows if ",Diluted earnings per share," in r).endswith(",1:31")
    assert next(r for r in rows if ",Cost of sales," in r).endswith(",")


def test_a_year_ago_comparison_and_dollars_per_share() -> None:
    result = with_prose(f"Net income was $3,183,000, or $.65 per diluted share, {QUARTER}. These results compare\n"
                        "to net income of $2,900,000, or $0.60 per diluted share, in the year-ago quarter.")
    assert [(m.printed, m.value) for m in result.narrative] == [
        ("$3,183,000", Decimal(3183000)), ("$.65 per diluted share", Decimal("0.65")),
        ("$2,900,000", Decimal(2900000)), ("$0.60 per diluted share", Decimal("0.60"))]
    periods = {c.id: c.period for c in report_of(result).contexts}
    assert [periods[m.fact.context_id].end.year for m in result.narrative] == [2024, 2024, 2023, 2023]


HTML_RELEASE = """<html><body>
<p>Example Widgets reported net income of $3,183,000, or 65 cents per diluted share, for the
fourth quarter ended December 31, 2024, compared to $2,900,000 for the fourth quarter of 2023.</p>
<p>Example Widgets Corporation</p><p>Consolidated Statements of Operations</p><p>(In thousands, except per share amounts)</p>
<table>
<tr><td></td><td>Quarter Ended December 31,</td><td></td></tr>
<tr><td></td><td>2024</td><td>2023</td></tr>
<tr><td>Net sales</td><td>$ 24,392</td><td>$ 23,000</td></tr>
<tr><td>Cost of sales</td><td>21,209</td><td>20,100</td></tr>
<tr><td>Net income</td><td>$ 3,183</td><td>$ 2,900</td></tr>
<tr><td>Diluted earnings per share</td><td>$ .65</td><td>$ .60</td></tr>
</table></body></html>
"""


def test_html_prose_is_tagged_in_its_paragraph_and_validates(tmp_path: Path) -> None:
    source = tmp_path / "widgets.htm"
    source.write_text(HTML_RELEASE, encoding="utf-8")
    result = convert(source, out_dir=tmp_path / "out", options=ConvertOptions(formats=frozenset({OutputFormat.IXBRL})))
    assert [m.printed for m in result.narrative] == ["$3,183,000", "65 cents per diluted share", "$2,900,000"]
    assert [(m.span.line, m.span.col) for m in result.narrative] == [(2, 41), (2, 55), (2, 144)]
    assert not [d for d in result.diagnostics if d.severity.rank <= 1], [d.render() for d in result.diagnostics]
    inline = next((tmp_path / "out").glob("*.htm"))
    root = etree.parse(str(inline)).getroot()
    paragraph = [t for t in root.iter(NON_FRACTION) if any(a.tag == f"{{{ns.XHTML}}}p" for a in t.iterancestors())]
    assert [t.text for t in paragraph] == ["3,183,000", "65", "2,900,000"]
    assert paragraph[1].get("name") == "xfy:EarningsPerShareDiluted" and paragraph[1].get("scale") == "-2"


def test_parentheses_are_set_aside() -> None:
    result = with_prose(f"Net income (after a charge of $500,000 (pre-tax)) was $3,183,000 {QUARTER}.")
    assert [m.printed for m in result.narrative] == ["$3,183,000"] and not disagreements(result)
    deep = with_prose("(" * 5000 + f"net income of $3,100,000 {QUARTER}" + ")" * 5000)
    assert not deep.narrative and not disagreements(deep)


def test_convert_json_lists_the_agreements() -> None:
    from converter.cli.release_summary import result_json

    result = with_prose(f"Net income was $3,183,000 {QUARTER}.")
    summary = result_json(result, None)
    assert summary["narrative"] == [{"line": 1, "column": 17, "printed": "$3,183,000", "item": "Net income",
                                     "member": "", "concept": "xfy:NetIncomeLoss", "context": "D20241001-20241231",
                                     "value": "3183000", "table_line": 19, "table": 1, "row": 6}]
    assert [m["prose"] for m in summary["mapping"] if m["label"] == "Net income"] == ["1:17"]  # type: ignore[attr-defined]


def test_a_clause_that_names_something_else_takes_no_line_item() -> None:
    plain = with_prose(f"Net sales were $24,392,000 {QUARTER}, of which $1,000,000 came from services.")
    assert [m.printed for m in plain.narrative] == ["$24,392,000"] and not disagreements(plain)


def test_a_qualified_figure_cannot_disagree() -> None:
    result = with_prose(f"Net income was $3,183,000, or 68 cents per diluted share excluding a charge, {QUARTER}.")
    assert [m.printed for m in result.narrative] == ["$3,183,000"] and not disagreements(result)
    for prose in (f"Net income was approximately $3.1 million {QUARTER}.", f"The company expects net income of $4,000,000 {QUARTER}."):
        assert not disagreements(with_prose(prose)), prose
