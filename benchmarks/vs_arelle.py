"""The whole ``xbrlify convert`` command against Arelle's own command-line validation of its instance.

For each release: convert it once (``--format xbrl``) to get its instance, then, in fresh
processes, interleaved run by run so that a busy machine slows all three alike:

* **arelle**: ``python -m arelle.CntlrCmdLine --file INSTANCE --validate --calc c11r --workOffline``;
* **default**: ``xbrlify convert RELEASE -o OUT`` (every output: instance, Inline XBRL, viewer,
  xBRL-JSON/CSV, packages; validated);
* **xbrl**: ``xbrlify convert RELEASE -o OUT --format xbrl`` (the instance and taxonomy, validated).

Medians of ``--repeat`` runs, wall time and CPU time (user + system of the process), and the
ratios to Arelle (targets: default within 1.5, ``--format xbrl`` within 1.2). Both sides run
with Python's bytecode cache on (a private ``PYTHONPYCACHEPREFIX``, warmed first), as installed
copies do. ``--repo`` measures another checkout of xbrlify (to compare before and after).

Usage::

    python benchmarks/vs_arelle.py [--repo DIR] [--repeat N] [RELEASE ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_RELEASES = (ROOT / "examples" / "lexington-2004q4-ex99-1.txt", CORPUS / "oracle-2022q4-ex99-1.htm")
SIDES = ("arelle", "default", "xbrl")


def timed(command: Sequence[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of ``command`` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instance_of(release: Path, repo: Path, env: dict[str, str], scratch: Path) -> Path:
    """Convert ``release`` once and return its XML instance."""
    out = scratch / f"{release.stem}-instance"
    subprocess.run([sys.executable, "-m", "converter.cli", "convert", str(release), "-o", str(out), "--format", "xbrl",
                    "--no-validate", "-q"], env=env, cwd=repo, check=False, capture_output=True)
    found = [p for p in out.glob("*.xml") if not p.stem.endswith(("_lab", "_pre", "_cal", "_def"))
             and not p.name.startswith("xbrlify-base")]
    if len(found) != 1:
        raise SystemExit(f"{release}: no instance written in {out}")
    return found[0]


def commands(release: Path, instance: Path, scratch: Path, n: int) -> dict[str, list[str]]:
    xbrlify = [sys.executable, "-m", "converter.cli", "convert", str(release), "-q"]
    return {
        "arelle": [sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(instance), "--validate", "--calc", "c11r",
                   "--workOffline"],
        "default": [*xbrlify, "-o", str(scratch / f"{release.stem}-default-{n}")],
        "xbrl": [*xbrlify, "-o", str(scratch / f"{release.stem}-xbrl-{n}"), "--format", "xbrl"],
    }


def measure(release: Path, repo: Path, repeat: int, scratch: Path) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) per side."""
    env = {**os.environ, "PYTHONPATH": str(repo), "PYTHONPYCACHEPREFIX": str(scratch / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    instance = instance_of(release, repo, env, scratch)
    for command in commands(release, instance, scratch, -1).values():  # warm the bytecode and file caches
        timed(command, env, repo)
    runs: dict[str, list[tuple[float, float]]] = {side: [] for side in SIDES}
    for n in range(repeat):
        for side, command in commands(release, instance, scratch, n).items():
            runs[side].append(timed(command, env, repo))
    return {side: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r)) for side, r in runs.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Print one Markdown row per release."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("releases", nargs="*", type=Path, default=[p for p in DEFAULT_RELEASES if p.is_file()])
    parser.add_argument("--repo", type=Path, default=ROOT, help="the xbrlify checkout to measure (default: this one)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (median)")
    args = parser.parse_args(argv)
    print(f"xbrlify from {args.repo}; medians of {args.repeat} interleaved runs, wall s (CPU s)\n")
    print("| release | Arelle validate | `xbrlify convert` | ratio | `--format xbrl` | ratio |")
    print("|---|--:|--:|--:|--:|--:|")
    with tempfile.TemporaryDirectory(prefix="xbrlify-vs-arelle-") as tmp:
        for release in args.releases:
            got = measure(release.resolve(), args.repo.resolve(), args.repeat, Path(tmp))
            (aw, ac), (dw, dc), (xw, xc) = (got[s] for s in SIDES)
            print(f"| {release.name} | {aw:.2f} ({ac:.2f}) | {dw:.2f} ({dc:.2f}) | {dw / aw:.2f} ({dc / ac:.2f}) "
                  f"| {xw:.2f} ({xc:.2f}) | {xw / aw:.2f} ({xc / ac:.2f}) |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
