"""Inline XBRL: every figure that becomes a fact is tagged where it is printed, whatever the markup."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from lxml import etree

from converter.model import Document, Report
from converter.pipeline import ConvertOptions, convert
from converter.readers.html_dom import parse_html
from converter.readers.html_locate import locate_cells
from converter.serialize.ixbrl import render_inline
from converter.serialize.ixbrl_cell import wrap_in_text
from converter.serialize.ixbrl_facts import figure_pattern
from converter.serialize.output_files import OutputFormat, base_package_path, render_outputs
from converter.validation.validate import validate
from taxonomy import ns

NON_FRACTION = f"{{{ns.IX}}}nonFraction"
TITLE = "<p>ACME CORPORATION</p><p>CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>(In thousands)</p>"
HEADER = ("<tr><td></td><td>Three Months Ended December 31, 2024</td>"
          "<td>Three Months Ended December 31, 2023</td></tr>")


def _release(tmp_path: Path, body: str) -> tuple[Report, Document, bytes, list[str]]:
    """Convert an HTML release; its report and document, Inline XBRL, codes of hidden-fact warnings."""
    source = tmp_path / "acme.htm"
    source.write_text(f"<html><body>{body}</body></html>\n", encoding="utf-8")
    result = convert(source, options=ConvertOptions(validate=False))
    assert result.report is not None and result.document is not None
    inline = render_inline(result.report, result.document, f"{result.report.taxonomy.name}.xsd")
    return result.report, result.document, inline.data, [d.code for d in inline.diagnostics]


def _tagged(data: bytes) -> dict[str, str]:
    """Tagged text -> concept, for the tags printed in the body (not in ix:hidden)."""
    root = etree.fromstring(data)
    hidden = root.find(f".//{{{ns.IX}}}hidden")
    shown = [t for t in root.iter(NON_FRACTION) if hidden is None or t not in hidden.iter()]
    return {t.text or "": t.get("name", "") for t in shown}


def _valid(tmp_path: Path, report: Report, data: bytes) -> None:
    """No Arelle error on the Inline XBRL document (with its taxonomy beside it)."""
    for name, content in render_outputs(report, formats=frozenset({OutputFormat.XBRL})).files.items():
        (tmp_path / name).write_bytes(content)
    inline = tmp_path / f"{report.taxonomy.name}.htm"
    inline.write_bytes(data)
    errors = [d.render() for d in validate([inline], calc="none", packages=[base_package_path()])
              if d.severity.value == "error"]
    assert errors == []


def test_a_table_ending_in_a_row_without_figures_is_tagged_in_place(tmp_path: Path) -> None:
    body = (f"{TITLE}<table>{HEADER}"
            "<tr><td>Net sales</td><td>1,214</td><td>1,100</td></tr>"
            "<tr><td>Net income</td><td>514</td><td>450</td></tr>"
            '<tr><td colspan="3">(1) The provision for income taxes was lower in 2023.</td></tr></table>')
    report, _, data, hidden = _release(tmp_path, body)
    assert hidden == []
    assert len(report.facts) == 4 and set(_tagged(data)) == {"1,214", "1,100", "514", "450"}


def test_a_figure_split_over_inline_elements_is_tagged_whole(tmp_path: Path) -> None:
    body = (f"{TITLE}<table>{HEADER}"
            '<tr><td>Net sales</td><td><span style="color:black">1,</span><span>214</span></td>'
            "<td><b>$</b>1,100</td></tr>"
            "<tr><td>Cost of sales</td><td><font>7</font><font>0</font>0</td><td>650</td></tr></table>")
    report, _, data, hidden = _release(tmp_path, body)
    assert hidden == []
    assert set(_tagged(data)) == {"1,214", "1,100", "700", "650"}
    _valid(tmp_path, report, data)


def _cell(markup: str) -> etree._Element:
    return etree.fromstring(f'<td xmlns="{ns.XHTML}">{markup}</td>')


def test_a_figure_is_joined_over_inline_elements_only() -> None:
    pattern = figure_pattern("1,214")
    joined = _cell("<span>$ 1,</span><b>2</b>14 (a)")
    assert wrap_in_text(joined, pattern, etree.Element(NON_FRACTION))
    assert "".join(joined.itertext()) == "$ 1,214 (a)" and joined.find(f".//{NON_FRACTION}").text == "1,214"
    for markup in ("1,<br/>214", "<div>1,</div>214", "<p>1,2</p><p>14</p>"):
        cell = _cell(markup)
        assert not wrap_in_text(cell, pattern, etree.Element(NON_FRACTION)), markup
        assert cell.find(f".//{NON_FRACTION}") is None


def test_a_figure_split_over_inline_elements_in_a_pre_block_is_tagged(tmp_path: Path) -> None:
    table = ("                          Three Months Ended\n"
             "                             December 31,\n"
             "                          2024          2023\n"
             "Net sales             $  1,214       $ 1,100\n"
             "Net income                 514           450\n")
    printed = html.escape(table).replace("1,214", "<b>1,</b>214")
    _, _, data, hidden = _release(tmp_path, f"<p>ACME CORPORATION</p><p>(In thousands)</p><pre>{printed}</pre>")
    assert hidden == []
    assert set(_tagged(data)) == {"1,214", "1,100", "514", "450"}


def test_cells_are_located_when_the_reader_numbers_rows_differently(tmp_path: Path) -> None:
    body = (f"{TITLE}\n<table>{HEADER}"
            "<tr><td>Net sales</td><td>1,214</td><td>1,100</td></tr>"
            "<tr><td>Cost of sales</td><td>700</td><td>650</td></tr>"
            "<tr><td>Gross profit</td><td>514</td><td>450</td></tr></table>")
    _, document, _, _ = _release(tmp_path, body)
    table = document.tables[0]
    fewer = replace(table, rows=table.rows[1:])  # a reader that no longer reads the first row
    root, _ = parse_html(document.text)
    cells = locate_cells(root, [fewer])
    texts = {key: "".join(t for e in elements for t in e.itertext()).strip() for key, elements in cells.items()}
    assert texts == {(1, 1, 1): "700", (1, 1, 2): "650", (1, 2, 1): "514", (1, 2, 2): "450"}
    elsewhere = replace(fewer, span=replace(fewer.span, line=fewer.span.line + 1))  # read from another block
    assert locate_cells(root, [elsewhere]) == {}
