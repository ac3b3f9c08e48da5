"""Benchmark xbrlify on the development corpus (not a test: run it by hand, it takes ~1 minute).

For each release (``../shared/corpus`` beside the repository, plus the bundled example) it times:

* **floor**: reading the file and parsing it with lxml alone (``lxml.html`` for HTML, a
  ``splitlines`` for text): what any converter must at least spend;
* **convert**: xbrlify's conversion without validation, outputs rendered in memory
  (``convert(path, options=ConvertOptions(validate=False))``) and its peak Python memory
  (``tracemalloc``);
* **validate**: Arelle validating the written result alone (``converter.validation.validate.validate`` of
  the instance, Calc 1.1, in a warm session);
* **command**: the whole ``xbrlify convert`` command in a fresh process (``python -m
  converter.cli``, so the checkout is measured, not an installed copy), with its peak RSS;

and prints the ratios convert/validate (target < 0.5) and convert/floor, then the batch
throughput of ``xbrlify convert --jobs 2`` against ``--jobs 1`` on the whole corpus.

A release that fails is reported in its row (status and first error), never stops the run.

Usage::

    python benchmarks/bench.py [--corpus DIR] [--repeat N] [--no-batch]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lxml.html

from converter.model import ConversionResult, Severity
from converter.serialize.output_files import OutputFormat
from converter.pipeline import ConvertOptions, convert
from converter.validation.validate import validate

CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLE = ROOT / "examples" / "lexington-2004q4-ex99-1.txt"
RELEASE_SUFFIXES = (".txt", ".htm", ".html")


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """The measurements of one release (seconds; memory in MB; None where a step failed)."""

    name: str
    kb: float
    floor: float
    convert: float | None
    validate: float | None
    command: float
    command_mb: float
    python_mb: float | None
    facts: int
    status: str


def median_time(step: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` calls of ``step``."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def lxml_floor(path: Path) -> None:
    """Read ``path`` and parse it as cheaply as a converter could."""
    data = path.read_bytes()
    if path.suffix.lower() in (".htm", ".html"):
        lxml.html.document_fromstring(data)
    else:
        data.decode("utf-8", errors="replace").splitlines()


def python_peak_mb(path: Path) -> float:
    """Peak Python memory (tracemalloc) of one conversion without validation."""
    tracemalloc.start()
    try:
        convert(path, options=ConvertOptions(validate=False))
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


_PEAK_WRAPPER = """
import atexit, runpy, sys
def _peak():
    try:
        with open("/proc/self/status") as status:  # VmHWM: this process's own peak (Linux)
            kb = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    except (OSError, StopIteration):
        import resource
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stderr.write(f"\\nPEAK_KB {kb}\\n")
atexit.register(_peak)
sys.argv[0] = "xbrlify"
runpy.run_module("converter.cli", run_name="__main__")
"""


def run_command(args: Sequence[str]) -> tuple[float, float, int]:
    """Run ``xbrlify ARGS`` from the checkout in a fresh process: wall seconds, peak RSS MB, exit code.

    The peak is the child's own (``VmHWM``): ``getrusage`` of a child would also count the
    memory of this benchmark process it was forked from.
    """
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PEAK_WRAPPER, *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - started
    peaks = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("PEAK_KB ")]
    return seconds, int(peaks[-1]) / 1024 if peaks else 0.0, done.returncode


def status_of(result: ConversionResult) -> str:
    """``ok``, ``findings`` or the first error code."""
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if result.report is None or errors:
        return errors[0].code if errors else "not converted"
    return "ok" if result.ok else "findings"


def measure(path: Path, scratch: Path, repeat: int) -> Row:
    """Every measurement of one release; a failing step is reported, not raised."""
    floor = median_time(lambda: lxml_floor(path), repeat)
    command, command_mb, code = run_command(["convert", str(path), "-o", str(scratch / "cmd" / path.stem)])
    try:
        result = convert(path, options=ConvertOptions(validate=False))
        converting = median_time(lambda: convert(path, options=ConvertOptions(validate=False)), repeat)
        python_mb: float | None = python_peak_mb(path)
    except Exception as exc:  # noqa: BLE001 - a benchmark reports a crash and goes on
        return Row(name=path.name, kb=path.stat().st_size / 1024, floor=floor, convert=None, validate=None,
                   command=command, command_mb=command_mb, python_mb=None, facts=0,
                   status=f"crash {type(exc).__name__}: {exc}")
    validating = None
    if result.report is not None:
        out = scratch / "out" / path.stem
        convert(path, options=ConvertOptions(validate=False, formats=frozenset({OutputFormat.XBRL})), out_dir=out)
        instance = out / f"{result.report.taxonomy.name}.xml"
        validating = median_time(lambda: validate([instance], calc="c11r"), repeat)
    return Row(name=path.name, kb=path.stat().st_size / 1024, floor=floor, convert=converting,
               validate=validating, command=command, command_mb=command_mb, python_mb=python_mb,
               facts=len(result.report.facts) if result.report else 0, status=f"{status_of(result)} (exit {code})")


def batch_throughput(releases: Sequence[Path], scratch: Path, repeat: int) -> dict[int, tuple[float, float]]:
    """``xbrlify convert RELEASES --jobs N`` for N = 1 and 2: the fastest of ``repeat`` runs, as
    (wall seconds, CPU seconds of the command and its workers)."""
    found = {}
    for jobs in (1, 2):
        runs = []
        for n in range(repeat):
            out = scratch / f"batch-{jobs}-{n}"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall = run_command(["convert", *map(str, releases), "-o", str(out), "--jobs", str(jobs), "--quiet"])[0]
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            runs.append((wall, cpu))
        found[jobs] = min(runs)
    return found


def _ms(value: float | None) -> str:
    return "error" if value is None else f"{value * 1000:.0f}"


def _ratio(top: float | None, bottom: float | None) -> str:
    return "-" if top is None or not bottom else f"{top / bottom:.2f}"


def table(rows: Sequence[Row]) -> list[str]:
    """The results as a Markdown table, with a total row."""
    lines = [
        ("| release | KB | lxml floor ms | convert ms | validate ms | convert/validate | convert/floor "
         "| `xbrlify convert` s | peak RSS MB | Python peak MB | facts | status |"),
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for r in rows:
        python_mb = "-" if r.python_mb is None else f"{r.python_mb:.1f}"
        lines.append(
            f"| {r.name} | {r.kb:.0f} | {_ms(r.floor)} | {_ms(r.convert)} | {_ms(r.validate)} "
            f"| {_ratio(r.convert, r.validate)} | {_ratio(r.convert, r.floor)} | {r.command:.2f} "
            f"| {r.command_mb:.0f} | {python_mb} | {r.facts} | {r.status} |"
        )
    both = [r for r in rows if r.convert is not None and r.validate is not None]
    conv, val = sum(r.convert or 0 for r in both), sum(r.validate or 0 for r in both)
    floor = sum(r.floor for r in both)
    lines.append(
        f"| **total** ({len(rows)}) | {sum(r.kb for r in rows):.0f} | {_ms(floor)} | {_ms(conv)} | {_ms(val)} "
        f"| {_ratio(conv, val)} | {_ratio(conv, floor)} | {sum(r.command for r in rows):.2f} "
        f"| {max(r.command_mb for r in rows):.0f} | - | {sum(r.facts for r in rows)} | |"
    )
    return lines


def machine() -> str:
    """CPU model, cores and Python version."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def releases_in(corpus: Path) -> list[Path]:
    """The corpus releases (sorted) and the bundled example, each once."""
    found = sorted(p for p in corpus.glob("*") if p.suffix.lower() in RELEASE_SUFFIXES) if corpus.is_dir() else []
    if not any(p.name == EXAMPLE.name for p in found):
        found.insert(0, EXAMPLE)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of releases (default ../shared/corpus)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--no-batch", action="store_true", help="skip the --jobs 1 / --jobs 2 comparison")
    args = parser.parse_args(argv)
    releases = releases_in(args.corpus)
    print(f"machine: {machine()}")
    print(f"releases: {len(releases)} from {args.corpus if args.corpus.is_dir() else 'the example only'}\n")
    validate([EXAMPLE.parent / EXAMPLE.stem / "lpc-20041231.xml"])  # warm Arelle up once
    with tempfile.TemporaryDirectory(prefix="xbrlify-bench-") as tmp:
        rows = [measure(path, Path(tmp), args.repeat) for path in releases]
        print("\n".join(table(rows)))
        if not args.no_batch:
            batch = batch_throughput(releases, Path(tmp), args.repeat)
            print(f"\nbatch of {len(releases)} releases (`xbrlify convert ... --quiet`, every output, validation "
                  f"included; fastest of {args.repeat}):")
            for jobs, (wall, cpu) in batch.items():
                print(f"  --jobs {jobs}: {wall:.2f} s wall, {cpu:.2f} s CPU (parallelism {cpu / wall:.2f}), "
                      f"{len(releases) / wall:.2f} releases/s")
            print(f"  speed-up --jobs 2 / --jobs 1: {batch[1][0] / batch[2][0]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
