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

from converter.diagnostics import InputError
from converter.findings import exit_status
from converter.pipeline import ConvertOptions, convert
from converter.release_summary import (
    STANDINGS,
    ReleaseOutcome,
    crashed_outcome,
    failed_outcome,
    outcome_of,
)
from converter.releases import collect_releases
from converter.sources import releases_in

SUMMARY_NAME = "summary.json"
DEFAULT_OPTIONS = ConvertOptions()

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
                **{standing: sum(1 for r in outcomes if r.standing == standing) for standing in STANDINGS},
                "facts": sum(r.facts for r in outcomes),
            },
            "releases": [r.to_json() for r in outcomes],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """One release to convert into ``out``: exhibit ``index`` of the releases ``path`` holds."""

    path: str
    index: int
    out: Path
    options: ConvertOptions


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """What a batch will do.

    Attributes:
        tasks: One per release to convert (an EDGAR submission gives one per EX-99 exhibit).
        failed: Outcomes already known: files that cannot be read, folders or patterns that
            name no release.
        expanded: A folder or a glob pattern was given.
    """

    tasks: tuple[Task, ...]
    failed: tuple[ReleaseOutcome, ...]
    expanded: bool


def convert_many(
    paths: Sequence[str | Path],
    out_dir: Path,
    *,
    jobs: int = 1,
    options: ConvertOptions = DEFAULT_OPTIONS,
    progress: Progress | None = None,
) -> BatchResult:
    """Convert every release ``paths`` name, each into ``out_dir/<release stem>/``.

    Args:
        paths: Release files, EDGAR submission files (one release per EX-99 exhibit), folders
            (searched recursively for .txt/.htm/.html) and glob patterns; see
            :mod:`converter.releases`. A ``str`` is always a path, never release text.
        out_dir: The output folder; ``summary.json`` is written there too.
        jobs: Worker processes; 0 or less means one per CPU.
        options: Conversion options, the same for every release.
        progress: Called in this process with each outcome as it completes.

    Returns:
        The outcomes sorted by release path. Never raises for a bad release.

    Raises:
        OSError: ``out_dir/summary.json`` cannot be written.
    """
    return run_plan(plan_batch(paths, out_dir, options), out_dir, jobs=jobs, progress=progress)


def plan_batch(paths: Sequence[str | Path], out_dir: Path, options: ConvertOptions = DEFAULT_OPTIONS) -> Plan:
    """The releases ``paths`` name, each with its own output folder under ``out_dir``."""
    inputs = collect_releases(paths, exclude=out_dir)
    failed = [failed_outcome(name, problem) for name, problem in inputs.problems]
    found: list[tuple[str, int, str]] = []
    for path in inputs.releases:
        try:
            found.extend((path, n, r.stem) for n, r in enumerate(releases_in(Path(path))))
        except InputError as exc:
            failed.append(failed_outcome(path, exc.diagnostic))
        except Exception as exc:  # noqa: BLE001 - one bad release never stops the batch
            failed.append(crashed_outcome(path, exc, 0.0))
    names = folder_names([stem for _, _, stem in found])
    tasks = tuple(Task(path=p, index=n, out=out_dir / name, options=options) for (p, n, _), name in zip(found, names))
    return Plan(tasks=tasks, failed=tuple(failed), expanded=inputs.expanded)


def run_plan(plan: Plan, out_dir: Path, *, jobs: int = 1, progress: Progress | None = None) -> BatchResult:
    """Carry out ``plan`` (see :func:`convert_many`) and write ``out_dir/summary.json``."""
    started = time.perf_counter()
    workers = max(1, min(jobs if jobs > 0 else os.cpu_count() or 1, len(plan.tasks)))
    for outcome in plan.failed:
        _report(progress, outcome)
    done = _run_here(plan.tasks, progress) if workers == 1 else _run_parallel(plan.tasks, workers, progress)
    batch = BatchResult(
        out_dir=out_dir,
        releases=tuple(sorted((*plan.failed, *done), key=lambda o: (o.release, o.name))),
        jobs=workers,
        seconds=time.perf_counter() - started,
    )
    write_summary(batch.to_json(), out_dir / SUMMARY_NAME)
    return batch


def folder_names(stems: Sequence[str]) -> list[str]:
    """A unique output folder name per stem, in order: the stem, else ``-2``, ``-3``... appended."""
    names: list[str] = []
    taken: set[str] = set()
    for stem in stems:
        base = stem or "release"
        name, n = base, 1
        while name.lower() in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name.lower())
        names.append(name)
    return names


def convert_release(task: Task) -> ReleaseOutcome:
    """Convert one release (in a worker process or here); a crash becomes its outcome."""
    started = time.perf_counter()
    try:
        release = releases_in(Path(task.path))[task.index]
        result = convert(release, options=task.options, out_dir=task.out)
    except InputError as exc:  # the file changed since the batch was planned
        return failed_outcome(task.path, exc.diagnostic, time.perf_counter() - started, name=task.out.name)
    except Exception as exc:  # noqa: BLE001 - one bad release never stops the batch
        return crashed_outcome(task.path, exc, time.perf_counter() - started, name=task.out.name)
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
    ordered = sorted(tasks, key=lambda t: (-_size(t.path), t.path, t.index))
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
        return crashed_outcome(task.path, exc, 0.0, name=task.out.name)


def _report(progress: Progress | None, outcome: ReleaseOutcome) -> None:
    if progress is not None:
        progress(outcome)


def _size(release: str) -> int:
    try:
        return os.path.getsize(release)
    except OSError:
        return 0
