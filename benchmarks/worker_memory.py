"""A batch worker's resident memory over a long batch (target: under 50 MB of growth from its 20th to its 500th release).

One worker process (``spawn``, as ``--jobs`` starts them) converts ``--releases`` small
synthetic releases one after another, exactly as a batch task does (``converter.cli.batch.
convert_task``: every output, validated, its own Arelle session kept), and reads its resident
set size (``VmRSS``) after each. Printed: the RSS after the 1st, 20th and last release and the
growth from the 20th on (the first releases fill Arelle's and xbrlify's caches).

Usage::

    python benchmarks/worker_memory.py [--releases N]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RELEASE = """\
                         EXAMPLE WIDGETS CORPORATION {n}
                    CONSOLIDATED STATEMENTS OF OPERATIONS
                   (IN THOUSANDS, EXCEPT PER SHARE AMOUNTS)

                                                   QUARTER ENDED
                                                    DECEMBER 31
                                              ----------------------
                                                 2024        2023
                                              ---------   ---------
    Net sales                                   {sales:>6}       900
    Cost of sales                                 {cost:>4}       500
                                              ---------   ---------
         Gross profit                              {gross:>3}       400
    Operating expenses                             {opex:>3}       300
                                              ---------   ---------
         Operating income                          {income:>3}       100
"""


def write_releases(folder: Path, count: int) -> list[Path]:
    """``count`` releases, each with figures of its own (so no output is the same)."""
    paths = []
    for n in range(count):
        sales, cost, opex = 1000 + n % 900, 600, 300
        text = RELEASE.format(n=n, sales=f"{sales:,}", cost=cost, gross=sales - cost, opex=opex,
                              income=sales - cost - opex)
        path = folder / f"release-{n:04d}.txt"
        path.write_text(text)
        paths.append(path)
    return paths


def rss_mb() -> float:
    """This process's resident set size in MB (Linux ``/proc``)."""
    with open("/proc/self/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kb / 1024


def convert_all(paths: list[Path], out: Path) -> list[float]:
    """In the worker: convert each release as a batch task does; the RSS after each."""
    from converter.cli.batch import DEFAULT_OPTIONS, Task, convert_task

    found = []
    for path in paths:
        task = Task(path=str(path), source=str(path), outs=((0, out / path.stem),), options=DEFAULT_OPTIONS)
        (outcome,) = convert_task(task)
        if outcome.exit_status != 0:
            raise RuntimeError(f"{path}: {[d.render() for d in outcome.diagnostics]}")
        found.append(rss_mb())
    return found


def main(argv: list[str] | None = None) -> int:
    """Run the worker and print its memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=500)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="xbrlify-memory-") as tmp:
        paths = write_releases(Path(tmp), args.releases)
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            rss = pool.submit(convert_all, paths, Path(tmp) / "out").result()
    early = rss[min(19, len(rss) - 1)]
    print(f"worker RSS after release 1: {rss[0]:.0f} MB, 20: {early:.0f} MB, {len(rss)}: {rss[-1]:.0f} MB, "
          f"peak {max(rss):.0f} MB; growth 20 -> {len(rss)}: {rss[-1] - early:+.1f} MB (target < 50)")
    for n in (50, 100, 200, 300, 400):
        if n < len(rss):
            print(f"  after {n}: {rss[n - 1]:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
