"""Convert many releases: each into ``OUT/<release stem>/``, in parallel processes, with a summary.

    >>> from converter.batch import convert_many
    >>> batch = convert_many(["releases/"], Path("out"), jobs=2)
    >>> batch.exit_status, [r.facts for r in batch.releases]

One bad release never stops the batch: a release that cannot be read, maps to nothing, or even
crashes the converter is reported in its outcome and the others go on. The outcomes are sorted
by release path and ``OUT/summary.json`` lists them (see :meth:`BatchResult.to_json`).

Parallelism is by processes (``ProcessPoolExecutor`` with the ``spawn`` start method): Arelle
is not thread-safe, and each worker process keeps its own Arelle session for all the releases
it validates. ``jobs=1`` converts in this process.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from converter.findings import exit_status
from converter.pipeline import ConvertOptions, convert
from converter.release_summary import ReleaseOutcome, crashed_outcome, failed_outcome, outcome_of
from converter.releases import collect_releases

SUMMARY_NAME = "summary.json"

Progress = Callable[[ReleaseOutcome], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchResult:
    """What :func:`convert_many` returns.

    Attributes:
        out_dir: The output folder (one sub-folder per converted release, ``summary.json``).
        releases: One outcome per release (and per folder or pattern that named none), sorted
            by release path.
        jobs: Worker processes used (1: converted in the calling process).
        seconds: Wall time of the whole batch.
    """

    out_dir: Path
    releases: tuple[ReleaseOutcome, ...]
    jobs: int
    seconds: float

    @property
    def exit_status(self) -> int:
        """2 if a release could not be converted, else 1 if any has findings, else 0."""
        return exit_status(r.findings() for r in self.releases)

    def to_json(self) -> dict[str, object]:
        """The batch summary: totals, then each release (see ``ReleaseOutcome.to_json``)."""
        outcomes = self.releases
        return {
            "out": str(self.out_dir),
            "jobs": self.jobs,
            "seconds": round(self.seconds, 3),
            "exit_status": self.exit_status,
            "totals": {
                "releases": len(outcomes),
                "valid": sum(1 for r in outcomes if r.exit_status == 0),
                "with_findings": sum(1 for r in outcomes if r.exit_status == 1),
                "not_converted": sum(1 for r in outcomes if not r.converted),
                "facts": sum(r.facts for r in outcomes),
            },
            "releases": [r.to_json() for r in outcomes],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """One release to convert into ``out``."""

    release: str
    out: Path
    options: ConvertOptions


def convert_many(
    paths: Sequence[str | Path],
    out_dir: Path,
    *,
    jobs: int = 1,
    options: ConvertOptions = ConvertOptions(),
    progress: Progress | None = None,
) -> BatchResult:
    """Convert every release ``paths`` name, each into ``out_dir/<release stem>/``.

    Args:
        paths: Release files, folders (searched recursively for .txt/.htm/.html) and glob
            patterns; see :mod:`converter.releases`. A ``str`` is always a path.
        out_dir: The output folder; ``summary.json`` is written there too.
        jobs: Worker processes; 0 or less means one per CPU.
        options: Conversion options, the same for every release.
        progress: Called in this process with each outcome as it completes.

    Returns:
        The outcomes sorted by release path. Never raises for a bad release.

    Raises:
        OSError: ``out_dir/summary.json`` cannot be written.
    """
    started = time.perf_counter()
    inputs = collect_releases(paths, exclude=out_dir)
    tasks = [Task(release=r, out=out_dir / name, options=options) for r, name in folder_names(inputs.releases).items()]
    workers = max(1, min(jobs if jobs > 0 else os.cpu_count() or 1, len(tasks)))
    outcomes = [failed_outcome(name, problem) for name, problem in inputs.problems]
    for outcome in outcomes:
        _report(progress, outcome)
    outcomes += _run_here(tasks, progress) if workers == 1 else _run_parallel(tasks, workers, progress)
    batch = BatchResult(
        out_dir=out_dir,
        releases=tuple(sorted(outcomes, key=lambda o: o.release)),
        jobs=workers,
        seconds=time.perf_counter() - started,
    )
    write_summary(batch.to_json(), out_dir / SUMMARY_NAME)
    return batch


def folder_names(releases: Sequence[str]) -> dict[str, str]:
    """Release -> output folder name: its stem, made unique with ``-2``, ``-3``... in sorted order."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for release in sorted(releases):
        stem = Path(release).stem or "release"
        name, n = stem, 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name.lower())
        names[release] = name
    return names


def convert_release(task: Task) -> ReleaseOutcome:
    """Convert one release (in a worker process or here); a crash becomes its outcome."""
    started = time.perf_counter()
    try:
        result = convert(task.release, options=task.options, out_dir=task.out)
    except Exception as exc:  # noqa: BLE001 - one bad release never stops the batch
        return crashed_outcome(task.release, exc, time.perf_counter() - started)
    return outcome_of(result, out=task.out, seconds=time.perf_counter() - started)


def write_summary(summary: dict[str, object], target: Path) -> None:
    """Write ``summary`` as indented, key-sorted JSON, atomically (temp file, then rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    staged.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(staged, target)


def _run_here(tasks: Sequence[Task], progress: Progress | None) -> list[ReleaseOutcome]:
    outcomes = []
    for task in tasks:
        outcome = convert_release(task)
        _report(progress, outcome)
        outcomes.append(outcome)
    return outcomes


def _run_parallel(tasks: Sequence[Task], workers: int, progress: Progress | None) -> list[ReleaseOutcome]:
    """Convert ``tasks`` in ``workers`` processes, biggest releases first (they take longest)."""
    ordered = sorted(tasks, key=lambda t: (-_size(t.release), t.release))
    outcomes = []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(convert_release, task): task for task in ordered}
        for future in as_completed(futures):
            outcome = _collect(future, futures[future])
            _report(progress, outcome)
            outcomes.append(outcome)
    return outcomes


def _collect(future: Future[ReleaseOutcome], task: Task) -> ReleaseOutcome:
    try:
        return future.result()
    except BrokenExecutor as exc:  # a worker died (killed, out of memory): its releases fail
        return crashed_outcome(task.release, exc, 0.0)


def _report(progress: Progress | None, outcome: ReleaseOutcome) -> None:
    if progress is not None:
        progress(outcome)


def _size(release: str) -> int:
    try:
        return os.path.getsize(release)
    except OSError:
        return 0
