"""Hostile input at scale (issue 12): work that grows linearly with the input, memory within a small
multiple of it, and early refusals of what is too large, each with its minimal input.

No clock: the work of a conversion is counted as the lines of converter code it runs (a trace
hook), at two sizes; linear work grows as the input does, quadratic work four times faster. The
timings themselves are in ``benchmarks/scaling.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import converter
from converter import diagnostics as dx
from converter.model import InputFormat
from converter.readers import html as html_reader
from converter.readers.decode import MAX_CELLS, MAX_LINE, MAX_ROWS
from converter.readers.filer import company_name
from converter.readers.text import numbered_lines
from tests.support.fuzz import HTML_RELEASE, TEXT_RELEASE, converted, facts_of, peak_bytes

PACKAGE = str(Path(converter.__file__).parent)


def work(func: Callable[..., Any], *args: Any) -> int:
    """Lines of converter code ``func(*args)`` runs (loops in comprehensions counted per round)."""
    count = 0

    def trace(frame: FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        nonlocal count
        if not frame.f_code.co_filename.startswith(PACKAGE):
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        func(*args)
    finally:
        sys.settrace(None)
    return count


def growth(make: Callable[[int], bytes], small: int, name: str) -> float:
    """How much more work four times the input takes (4 when linear, 16 when quadratic)."""
    return work(converted, make(4 * small), name) / work(converted, make(small), name)


def html_wide(n: int) -> bytes:
    units = "".join(f"<td>Unit {i}</td>" for i in range(n))
    rows = "".join(f"<tr><td>{label}</td>" + "".join(f"<td>{(i + k) % 90 + 10}</td>" for i in range(n)) + "</tr>"
                   for k, label in enumerate(("Net sales", "Cost of sales", "Gross profit")))
    return f"<html><body><table><tr><td></td>{units}</tr><tr><td></td>{'<td>2024</td>' * n}</tr>{rows}</table>".encode()


def html_row(n: int) -> bytes:
    return HTML_RELEASE.replace("<tr><td>Cost", "<tr><td>Net sales</td>" + "<td>5</td>" * n + "</tr><tr><td>Cost").encode()


def text_wide(n: int) -> bytes:
    units = " " * 20 + "".join(f"{'U' + str(i):>7}" for i in range(n))
    years = " " * 20 + "   2024" * n
    rules = " " * 20 + "  -----" * n
    rows = [f"{label:<20}" + "".join(f"{(i + k) % 90 + 10:>7}" for i in range(n))
            for k, label in enumerate(("Net sales", "Cost of sales", "Gross profit"))]
    return "\n".join(["EXAMPLE WIDGETS CORPORATION", "(In thousands)", "", units, years, rules, *rows, ""]).encode()


# ---------------------------------------------------------------------------------------------
# Quadratic time
# ---------------------------------------------------------------------------------------------


def test_a_text_table_of_many_columns_takes_work_linear_in_its_columns() -> None:
    assert len(facts_of(converted(text_wide(40), "wide.txt"))) == 120
    assert growth(text_wide, 100, "wide.txt") < 5


def test_an_html_table_of_many_columns_takes_work_linear_in_its_columns() -> None:
    assert len(facts_of(converted(html_wide(40), "wide.htm"))) == 120
    assert growth(html_wide, 100, "wide.htm") < 5


def test_an_html_row_of_many_figures_takes_work_linear_in_its_cells() -> None:
    assert ("Revenues", Decimal(1000000)) in facts_of(converted(html_row(2_000), "row.htm"))
    assert growth(html_row, 500, "row.htm") < 5


def html_tall(n: int, label: str | None = None) -> bytes:
    """``n`` rows of one ``label``, else of labels of their own (new to the label caches at each size)."""
    rows = "".join(f"<tr><td>{label or f'Widget line {n} {i}'}</td><td>{i % 997 + 1},000</td><td>{i % 991 + 1}</td></tr>"
                   for i in range(n))
    return f"<html><body><p>(In thousands)</p><table><tr><td></td><td>2024</td><td>2023</td></tr>{rows}</table>".encode()


@pytest.mark.parametrize("label", [None, "Widget line"], ids=["labels", "one-label"])
def test_a_tall_table_takes_work_linear_in_its_rows(label: str | None) -> None:
    assert len(facts_of(converted(html_tall(30, label), "tall.htm"))) == 60
    assert growth(lambda n: html_tall(n, label), 100, "tall.htm") < 5


def test_blank_lines_before_a_release_take_no_work_per_line() -> None:
    padded: Callable[[int], bytes] = lambda n: b"\n" * (1000 * n) + TEXT_RELEASE.encode()  # noqa: E731
    assert len(facts_of(converted(padded(1_000), "blank.txt"))) == 6
    assert growth(padded, 10, "blank.txt") < 1.1


def test_a_run_of_blank_lines_is_cut_to_eight_and_later_lines_keep_their_numbers() -> None:
    numbers, lines = numbered_lines("a\n\n\n\nb\n" + " \n" * 20 + "  c\n\n")
    assert lines == ["a", "", "", "", "b", *[""] * 8, "  c", "", ""]
    assert numbers == [1, 2, 3, 4, 5, *range(6, 14), 26, 27, 28]


def test_the_letterhead_is_found_after_blank_lines_without_scanning_them_again() -> None:
    from converter.readers.filer import _COMPANY_CAPS

    assert company_name("\n" * 15_000 + "   EXAMPLE WIDGETS CORPORATION\n", InputFormat.TEXT) == "Example Widgets Corporation"
    match = _COMPANY_CAPS.search("\n\n\n  EXAMPLE WIDGETS CORPORATION  \n")
    assert match is not None and match.start() == 3  # a match starts on the name's line, not at a blank line above


# ---------------------------------------------------------------------------------------------
# Memory: refused early, or read within a small multiple of the input
# ---------------------------------------------------------------------------------------------


def test_a_megabytes_long_line_of_figures_is_refused_before_it_is_cut_up() -> None:
    data = TEXT_RELEASE.encode() + b"Net sales  " + b"  1,234" * (MAX_LINE // 5) + b"\n"
    result, peak = peak_bytes(converted, data, "line.txt")
    (diag,) = result.diagnostics  # type: ignore[attr-defined]
    assert diag.code == dx.INPUT_TOO_LARGE and f"{MAX_LINE:,}" in diag.message
    assert diag.spans[0].line == TEXT_RELEASE.count("\n") + 1
    assert peak < 10 * len(data)


def test_lines_of_figures_past_the_cell_limit_are_refused_as_they_are_read() -> None:
    line = "Net sales  " + "  1,234" * 10_000 + "\n"
    data = (TEXT_RELEASE + line * (MAX_CELLS // 10_000 + 1)).encode()
    result, peak = peak_bytes(converted, data, "lines.txt")
    (diag,) = result.diagnostics  # type: ignore[attr-defined]
    assert diag.code == dx.INPUT_TOO_LARGE and f"{MAX_CELLS:,} figures" in diag.message
    assert diag.spans[0].line == TEXT_RELEASE.count("\n") + MAX_CELLS // 10_000  # the release's own six figures count
    assert peak < 100_000_000  # what the limit lets in: a few hundred bytes a figure


def test_megabytes_of_blank_lines_are_read_in_memory_a_small_multiple_of_the_input() -> None:
    data = b"\n" * 5_000_000 + TEXT_RELEASE.encode()
    result, peak = peak_bytes(converted, data, "blank.txt")
    assert len(facts_of(result)) == 6  # type: ignore[arg-type]
    assert peak < 5 * len(data)


@pytest.mark.parametrize(("unit", "count", "limit"), [
    ("<tr><td>Widget</td><td>1</td></tr>\n", MAX_ROWS + 1, f"{MAX_ROWS:,} table rows"),
    ("<td>1</td>\n", MAX_CELLS + 1, f"{MAX_CELLS:,} table cells"),
    ("<table><tr><td>", MAX_ROWS + 1, f"{MAX_ROWS:,} table rows"),  # nested: the parser would drop most
], ids=["rows", "cells", "nested-tables"])
def test_html_past_the_row_or_cell_limit_is_refused_before_it_is_parsed(
    unit: str, count: int, limit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_parsed(text: str) -> None:
        raise AssertionError("the tree was built")

    monkeypatch.setattr(html_reader, "parse_html", not_parsed)
    data = ("<html><body><table>\n" + unit * count + "</table></body></html>").encode()
    result = converted(data, "big.htm")
    (diag,) = result.diagnostics
    assert diag.code == dx.INPUT_TOO_LARGE and limit in diag.message
    assert diag.spans[0].line == (count if unit.endswith("\n") else 1) + 1


def test_a_refusal_inside_a_pre_block_is_located_at_its_line_in_the_html_file() -> None:
    pre = TEXT_RELEASE + "Net sales  " + "  1,234" * (MAX_LINE // 5) + "\n"
    data = f"<html><body>\n<p>Results</p>\n\n<pre>{pre}</pre></body></html>".encode()
    result = converted(data, "pre.htm")
    (diag,) = result.diagnostics
    assert diag.code == dx.INPUT_TOO_LARGE and diag.spans[0].line == 4 + TEXT_RELEASE.count("\n")


def test_megabytes_of_prose_are_read_as_sentences_in_memory_a_small_multiple_of_the_input() -> None:
    from converter.readers import prose_sentences, read_document

    prose = "The company reported strong results for the quarter and expects continued growth next year.\n"
    data = (prose * 20_000 + "\n\n" + TEXT_RELEASE).encode()
    document, _ = read_document(data, "prose.txt")
    sentences, peak = peak_bytes(lambda d: list(prose_sentences(d)), document)
    assert len(sentences) == 20_000 and sentences[-1].span("prose.txt", 4).line == 20_000  # type: ignore[arg-type, index]
    assert sentences[1].span("prose.txt", 0).col == 1  # type: ignore[index]
    assert peak < 10 * len(data)
