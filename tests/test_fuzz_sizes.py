"""Fuzz tests of sizes: deep, wide and huge releases, and inputs that once took quadratic time.

Sizes are chosen so that an unbounded or quadratic reader would not finish: the time bound is
by construction, with no clock in the assertions; memory peaks are measured with tracemalloc
(Python allocations) or, for the 50 MB release, the child process's peak RSS.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from converter import diagnostics as dx
from converter.inputs.edgar import parse_submission
from converter.model import InputFormat
from converter.readers.decode import MAX_BYTES, MAX_ROWS
from tests.support.fuzz import (
    HTML_RELEASE,
    TEXT_RELEASE,
    converted,
    facts_of,
    peak_bytes,
    read_or_refuse,
)
from tests.support.paths import ROOT
from tests.support.releases import HEADER

# ---------------------------------------------------------------------------------------------
# Deep, wide and huge documents
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("opening", "closing"), [("<div>", "</div>"), ("<table><tr><td>", "</td></tr></table>"),
                                                  ("<blockquote><font>", "</font></blockquote>")])
def test_ten_thousand_nested_elements_are_refused_with_the_reason_in_bounded_memory(opening: str, closing: str) -> None:
    table = "<table><tr><td>Net sales</td><td>1,000</td><td>900</td></tr><tr><td>Cost</td><td>5</td><td>4</td></tr></table>"
    depth = MAX_ROWS - 2  # ten thousand, but as many rows as the table inside makes within the row limit
    html = f"<html><body>{opening * depth}{table}{closing * depth}</body></html>".encode()
    result, peak = peak_bytes(converted, html, "deep.htm")
    (diag,) = result.diagnostics  # type: ignore[attr-defined]
    assert diag.code == dx.INPUT_NO_TABLES and "Excessive depth" in diag.message
    assert peak < 50 * len(html)


def test_a_table_nested_two_hundred_deep_is_read() -> None:
    html = HTML_RELEASE.replace("<table>", "<div>" * 200 + "<table>").replace("</table>", "</table>" + "</div>" * 200)
    assert ("Revenues", Decimal(1000000)) in facts_of(converted(html.encode(), "deep.htm"))


def _html_rows(count: int) -> bytes:
    rows = "".join(f"<tr><td>Widget line {i}</td><td>{i % 997 + 1},000</td><td>{i % 991 + 1}</td></tr>\n"
                   for i in range(count))
    return (HTML_RELEASE.split("<tr><td>Net sales")[0] + rows + "</table></body></html>").encode()


def _text_rows(count: int) -> bytes:
    rows = "".join(f"    Widget line {i:<30}{i % 997 + 1:>10,}  {i % 991 + 1:>10,}\n" for i in range(count))
    return (HEADER + rows).encode()


@pytest.mark.parametrize("make", [_html_rows, _text_rows], ids=["html", "text"])
def test_a_table_of_twenty_thousand_rows_is_refused_as_too_large(make: object) -> None:
    data = make(20_000)  # type: ignore[operator]
    result, peak = peak_bytes(converted, data, "huge.x")
    (diag,) = result.diagnostics  # type: ignore[attr-defined]
    assert diag.code == dx.INPUT_TOO_LARGE and f"{MAX_ROWS:,}" in diag.message and diag.spans[0].line > 0
    assert peak < 40 * len(data)


def test_a_table_of_two_thousand_rows_converts() -> None:
    result = converted(_html_rows(2_000), "big.htm")
    assert len(facts_of(result)) == 4_000


def test_a_cell_ten_thousand_columns_wide_is_read() -> None:
    row = "<tr><td>Net sales</td>" + '<td colspan="200">1</td>' * 50 + "</tr>"
    read_or_refuse(HTML_RELEASE.replace("<tr><td>Cost", row + "<tr><td>Cost").encode(), "wide.htm")


DAGGERS = "\u2020 " * 100_000
LINE = b"    Widget line                                  $  1,000    $    900\n"
PROSE = b"The company reported strong results for the quarter and expects continued growth next year.\n"


def test_a_fifty_megabyte_release_of_figures_is_refused_early() -> None:
    data = HEADER.encode() + LINE * (50_000_000 // len(LINE))
    result, peak = peak_bytes(converted, data, "fifty.txt")
    (diag,) = result.diagnostics  # type: ignore[attr-defined]
    assert diag.code == dx.INPUT_TOO_LARGE and diag.spans[0].line == MAX_ROWS + HEADER.count("\n") + 1
    assert peak < 6 * len(data)


def test_a_fifty_megabyte_release_of_prose_around_one_table_converts_in_bounded_memory(tmp_path: Path) -> None:
    """In a child process (tracemalloc would slow it tenfold): peak RSS, imports included, as the
    kernel counts it for the child's own image (``VmHWM``: ``ru_maxrss`` would count the test
    process it was forked from, which a long test session makes large)."""
    release = tmp_path / "fifty.txt"
    prose = PROSE * (25_000_000 // len(PROSE))
    release.write_bytes(prose + TEXT_RELEASE.encode() + prose)
    script = (
        "import resource, sys\n"
        "from converter.pipeline import ConvertOptions, convert\n"
        "r = convert(sys.argv[1], options=ConvertOptions(validate=False))\n"
        "print(len(r.report.facts), len(r.document.tables), [d.code for d in r.diagnostics])\n"
        "status = open('/proc/self/status').read() if sys.platform == 'linux' else ''\n"
        "hwm = [int(line.split()[1]) for line in status.splitlines() if line.startswith('VmHWM:')]\n"
        "print(hwm[0] * 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)\n"
    )
    run = subprocess.run([sys.executable, "-c", script, str(release)], capture_output=True, text=True, check=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    summary, peak = run.stdout.splitlines()
    assert summary == "6 1 ['map.entity.unnamed']"  # the letterhead is past where a company name is looked for
    assert int(peak) < 10 * release.stat().st_size


def test_input_over_the_byte_limit_is_refused_before_decoding() -> None:
    data = b"a" * (MAX_BYTES + 1)
    result, peak = peak_bytes(converted, data, "big.txt")
    assert [d.code for d in result.diagnostics] == [dx.INPUT_TOO_LARGE]  # type: ignore[attr-defined]
    assert peak < MAX_BYTES // 4


# ---------------------------------------------------------------------------------------------
# Inputs that once took quadratic time (sizes at which the old code ran for minutes)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("html", [
    HTML_RELEASE.replace("<td>Cost of sales</td>", f"<td style='padding-left:{'9' * 200_000}x'>Cost of sales</td>"),
    HTML_RELEASE.replace("<td>600</td>", f"<td>600 {'* ' * 100_000}</td>"),
    HTML_RELEASE.replace("<td>Cost of sales</td>", f"<td>Cost of sales {'(a) ' * 50_000}</td>"),
    HTML_RELEASE.replace("<td>Cost of sales</td>", f"<td>Cost of sales {DAGGERS}!</td>"),
], ids=["css-length", "cell-stars", "label-marks", "label-daggers"])
def test_long_runs_in_cells_and_styles_are_read_in_linear_time(html: str) -> None:
    assert ("Revenues", Decimal(1000000)) in facts_of(converted(html.encode(), "long.htm"))


def test_long_runs_in_text_labels_are_cleaned_in_linear_time() -> None:
    from converter.parse.statements import bare_label

    assert bare_label("Net sales" + "*" * 200_000 + "x").startswith("Net sales")
    assert bare_label("Net sales " + "." * 200_000 + ")").startswith("Net sales")
    assert bare_label("Net sales (a) *") == "Net sales"


def test_an_edgar_submission_of_many_exhibits_is_parsed_in_linear_memory() -> None:
    exhibit = b"<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n" + TEXT_RELEASE.encode() + b"</TEXT>\n</DOCUMENT>\n"
    data = b"<SEC-DOCUMENT>\nCOMPANY CONFORMED NAME: EXAMPLE WIDGETS CORP\n" + exhibit * 4_000
    submission, peak = peak_bytes(parse_submission, data)
    assert submission is not None and len(submission.releases) == 4_000  # type: ignore[attr-defined]
    last = submission.releases[-1]  # type: ignore[attr-defined]
    assert last.first_line == data[: data.rindex(b"<TEXT>") + len(b"<TEXT>")].count(b"\n")
    assert last.data.endswith(last.text) and last.data.count(b"\n") == last.first_line + last.text.count(b"\n")
    assert peak < 4 * len(data)


def test_a_release_padded_like_an_edgar_exhibit_is_still_sniffed_and_checked() -> None:
    padding = b"\n" * 70_000
    html = read_or_refuse(padding + HTML_RELEASE.encode(), "exhibit.htm")
    assert html is not None and html.format is InputFormat.HTML and len(html.tables) == 1
    assert read_or_refuse(padding + bytes(random.Random(5).randrange(256) for _ in range(4000)), "image.gif") is None
