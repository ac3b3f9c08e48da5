"""Time and memory of xbrlify on hostile inputs of growing size (not a test: run it by hand).

Each input is generated here and converted without validation (``convert(..., validate=False)``)
in a fresh child process, which reports its wall time and peak RSS (imports included: about
the first 100 MB); a case past the timeout is reported as such and the next sizes of that
family are skipped. The families:

* ``html-row``: one HTML table row of N figure cells (10^3..10^5);
* ``html-rows``: an HTML table of N rows (10^3..10^4: the row limit);
* ``html-cols``: an HTML table of N columns (headers naming a unit and a year, three rows of figures);
* ``text-cols``: a fixed-width text table of N columns (the same in fixed-width text);
* ``blank-lines``: megabytes of newlines before the bundled example release;
* ``50MB``: inputs of about 50 MB, each refused or read: one line of figures, HTML table rows,
  small HTML tables, blank lines, HTML prose around one table, lines of 25,000 figures.

For each family it prints time and peak RSS per size and the growth exponent between
consecutive sizes (``log(t2/t1) / log(n2/n1)``: 1 is linear, 2 quadratic; meaningless for times
under a few tenths of a second, which process start-up dominates).

Usage::

    python benchmarks/scaling.py [--family NAME ...] [--timeout SECONDS] [--quick]
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "lexington-2004q4-ex99-1.txt"
MB = 1_000_000

_HTML_HEAD = "<html><body><p>EXAMPLE WIDGETS CORPORATION</p><p>STATEMENTS OF OPERATIONS (In thousands)</p>\n<table>\n"
_TEXT_HEAD = "                 EXAMPLE WIDGETS CORPORATION\n            STATEMENTS OF OPERATIONS\n           (IN THOUSANDS)\n\n"

_CHILD = """\
import resource, sys, time
from converter.pipeline import ConvertOptions, convert
data = open(sys.argv[1], "rb").read()
t0 = time.perf_counter()
r = convert(data, name=sys.argv[2], options=ConvertOptions(validate=False))
seconds = time.perf_counter() - t0
codes = sorted({d.code for d in r.diagnostics if d.severity.value == "error"})
facts = len(r.report.facts) if r.report is not None else 0
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, facts, ",".join(codes) or "-")
"""


def html_row(n: int) -> tuple[bytes, str]:
    """A table whose one labelled row prints ``n`` figures."""
    row = "<tr><td>Net sales</td>" + "".join(f"<td>{i % 900 + 100}</td>" for i in range(n)) + "</tr>\n"
    rest = "<tr><td>Cost of sales</td><td>600</td><td>500</td></tr>\n</table></body></html>\n"
    return (_HTML_HEAD + "<tr><td></td><td>2024</td><td>2023</td></tr>\n" + row + rest).encode(), "row.htm"


def html_rows(n: int) -> tuple[bytes, str]:
    """A table of ``n`` rows of two figures (the row limit is 10,000)."""
    rows = "".join(f"<tr><td>Widget line {i}</td><td>{i % 997 + 1},000</td><td>{i % 991 + 1}</td></tr>\n" for i in range(n))
    return (_HTML_HEAD + "<tr><td></td><td>2024</td><td>2023</td></tr>\n" + rows + "</table></body></html>\n").encode(), "rows.htm"


def html_columns(n: int) -> tuple[bytes, str]:
    """A table of ``n`` columns: a header row naming a unit of the company per column, a row of years, three
    rows of figures (a fact per cell, a member per column)."""
    units = "<tr><td></td>" + "".join(f"<td>Unit {i}</td>" for i in range(n)) + "</tr>\n"
    years = units + "<tr><td></td>" + "<td>2024</td>" * n + "</tr>\n"
    rows = "".join(f"<tr><td>{label}</td>" + "".join(f"<td>{(i * 7 + k) % 900 + 100}</td>" for i in range(n)) + "</tr>\n"
                   for k, label in enumerate(("Net sales", "Cost of sales", "Gross profit")))
    return (_HTML_HEAD + years + rows + "</table></body></html>\n").encode(), "cols.htm"


def text_columns(n: int) -> tuple[bytes, str]:
    """A fixed-width table of ``n`` columns (a unit of the company and a year over each), three rows of figures."""
    width = 8
    label = 30
    years = " " * label + "".join(f"{'U' + str(i):>{width}}" for i in range(n)) + "\n" + " " * label + f"{2024:>{width}}" * n
    rule = " " * label + ("  ------" * n)
    rows = [f"{name:<{label}}" + "".join(f"{(i * 7 + k) % 900 + 100:>{width}}" for i in range(n))
            for k, name in enumerate(("Net sales", "Cost of sales", "Gross profit"))]
    return (_TEXT_HEAD + "\n".join([years, rule, *rows]) + "\n").encode(), "cols.txt"


def blank_lines(megabytes: int) -> tuple[bytes, str]:
    """``megabytes`` MB of newlines before the bundled example release."""
    return b"\n" * (megabytes * MB) + EXAMPLE.read_bytes(), "blank.txt"


def fifty_mb(kind: int) -> tuple[bytes, str]:
    """About 50 MB of what ``FIFTY_MB_KINDS`` names."""
    if kind == 0:
        return (_TEXT_HEAD + "Net sales  " + "  1,234" * (50 * MB // 7) + "\n").encode(), "line.txt"
    if kind == 1:
        row = "<tr><td>Widget line</td><td>1,000</td><td>900</td></tr>\n"
        return (_HTML_HEAD + row * (50 * MB // len(row)) + "</table></body></html>\n").encode(), "rows.htm"
    if kind == 2:
        table = "<table><tr><td></td><td>2024</td><td>2023</td></tr><tr><td>Sales</td><td>1</td><td>2</td></tr></table>\n"
        return ("<html><body>" + table * (50 * MB // len(table)) + "</body></html>\n").encode(), "tables.htm"
    if kind == 3:
        return b"\n" * (50 * MB) + EXAMPLE.read_bytes(), "blank.txt"
    if kind == 4:
        prose = "<p>The company reported strong results for the quarter and expects growth next year.</p>\n"
        padding = prose * (25 * MB // len(prose))
        table = html_columns(2)[0].decode().split("<table>", 1)[1]
        return ("<html><body>" + padding + "<table>" + table.split("</body>")[0] + padding + "</body></html>").encode(), "prose.htm"
    line = "Net sales  " + "  1,234" * 25_000 + "\n"
    return (_TEXT_HEAD + line * (50 * MB // len(line))).encode(), "lines.txt"


FIFTY_MB_KINDS = ("one line of figures", "HTML table rows", "small HTML tables", "blank lines",
                  "HTML prose, one table", "long lines of figures")


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    make: Callable[[int], tuple[bytes, str]]
    sizes: tuple[int, ...]
    quick: tuple[int, ...]
    unit: str


FAMILIES = (
    Family("html-row", html_row, (1_000, 3_000, 10_000, 30_000, 100_000), (1_000, 10_000), "cells"),
    Family("html-rows", html_rows, (1_000, 3_000, 9_000), (1_000, 3_000), "rows"),
    Family("html-cols", html_columns, (1_000, 3_000, 10_000), (1_000, 3_000), "columns"),
    Family("text-cols", text_columns, (1_000, 2_000, 4_000, 10_000), (1_000, 4_000), "columns"),
    Family("blank-lines", blank_lines, (1, 2, 4, 8, 16), (1, 8), "MB"),
    Family("50MB", fifty_mb, (0, 1, 2, 3, 4, 5), (0, 1, 2, 3, 4, 5), "kind"),
)


@dataclass(frozen=True, slots=True)
class Measured:
    seconds: float | None  # None: timed out
    rss: int
    facts: int
    errors: str
    size: int


def measure(data: bytes, name: str, timeout: float) -> Measured:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        try:
            run = subprocess.run([sys.executable, "-c", _CHILD, str(path), name], capture_output=True, text=True,
                                 timeout=timeout, cwd=ROOT, env=env, check=False)
        except subprocess.TimeoutExpired:
            return Measured(None, 0, 0, "timeout", len(data))
    if run.returncode != 0:
        return Measured(None, 0, 0, f"exit {run.returncode}: {run.stderr.strip().splitlines()[-1:]}", len(data))
    seconds, rss, facts, errors = run.stdout.split()
    return Measured(float(seconds), int(rss), int(facts), errors, len(data))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--family", action="append", choices=[f.name for f in FAMILIES])
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--quick", action="store_true", help="two sizes per family")
    args = parser.parse_args()
    chosen = [f for f in FAMILIES if not args.family or f.name in args.family]
    print(f"{'family':<12} {'size':>22} {'input MB':>9} {'seconds':>8} {'growth':>7} {'peak MB':>8} {'facts':>6}  errors")
    for family in chosen:
        previous: tuple[int, float] | None = None
        for n in family.quick if args.quick else family.sizes:
            data, name = family.make(n)
            m = measure(data, name, args.timeout)
            shown = FIFTY_MB_KINDS[n] if family.name == "50MB" else f"{n:,} {family.unit}"
            growth = ""
            if m.seconds is not None and previous is not None and family.name != "50MB" and previous[1] > 0:
                growth = f"{math.log(m.seconds / previous[1]) / math.log(n / previous[0]):.2f}"
            secs = "timeout" if m.seconds is None else f"{m.seconds:.2f}"
            print(f"{family.name:<12} {shown:>22} {m.size / MB:>9.1f} {secs:>8} {growth:>7} {m.rss / MB:>8.0f} "
                  f"{m.facts:>6}  {m.errors}", flush=True)
            if m.seconds is None:
                break
            previous = (n, m.seconds)
            del data


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"total {time.perf_counter() - start:.0f} s")
