"""Convert many releases: each into ``OUT/<release stem>/``, in parallel processes, with a summary.

    >>> from converter.cli.batch import convert_many
    >>> batch = convert_many(["releases/"], Path("out"), jobs=2)
    >>> batch.exit_status, [r.facts for r in batch.releases]

One bad release never stops the batch: a release that cannot be read, maps to nothing, or even
crashes the converter is reported in its outcome and the others go on. The outcomes are sorted
by release path and ``OUT/summary.json`` lists them (see :meth:`BatchResult.to_json`).

The batch's exit status follows what it wrote: when some release has outputs in OUT (converted
now or up to date), the batch is exit 1 at worst, the releases that could not be converted
reported as findings (each keeps exit status 2 in the summary); when none has, it is exit 2 and
nothing is written: no ``summary.json``, no manifest, earlier outputs in OUT untouched.

The unit of work is a filing (a release file, an EDGAR submission, a filing folder): its
exhibits are read together in one worker. ``OUT/manifest.json`` (:mod:`converter.cli.manifest`)
records what each release folder was made from, so running a batch again converts only what is
new or changed, and a batch that was killed resumes where it stopped (``force`` converts all).

Parallelism is by processes: ``jobs=N`` starts N (``ProcessPoolExecutor``, ``spawn``), or any
``concurrent.futures.Executor`` is given (a Dask client's, see :mod:`converter.cli.dask_executor`).
Arelle is not thread-safe: each worker process keeps its own Arelle session for all the
releases it validates, one at a time. ``jobs=1`` converts in this process.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from converter import __version__
from converter.cli import manifest
from converter.cli.release_summary import (
    STANDINGS,
    ReleaseOutcome,
    crashed_outcome,
    failed_outcome,
    outcome_of,
    skipped_outcome,
)
from converter.diagnostics import CONVERT_CRASHED, InputError
from converter.inputs.releases import collect_releases
from converter.inputs.sources import Filing, filing_in
from converter.model import NO_OVERRIDES
from converter.pipeline import ConvertOptions, convert_filing
from converter.serialize.output_files import recover_staged, write_file_atomically
from converter.validation.findings import EXIT_FINDINGS, exit_status

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
        jobs: Worker processes used (1: converted in the calling process, or on an executor).
        seconds: Wall time of the whole batch.
    """

    out_dir: Path
    releases: tuple[ReleaseOutcome, ...]
    jobs: int
    seconds: float

    @property
    def wrote(self) -> bool:
        """Whether some release has outputs in ``out_dir`` (converted now, or up to date)."""
        return any(r.out is not None for r in self.releases)

    @property
    def exit_status(self) -> int:
        """0 when every release is valid (or skipped), 1 when some has findings or could not be
        converted while another has outputs, 2 when some could not be converted and none has outputs."""
        worst = exit_status(r.findings() for r in self.releases)
        return min(worst, EXIT_FINDINGS) if self.wrote else worst

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
                "skipped": sum(1 for r in outcomes if r.skipped),
                "up_to_date": sum(1 for r in outcomes if r.up_to_date),
                "facts": sum(r.facts for r in outcomes),
            },
            "releases": [r.to_json() for r in outcomes],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """Releases of one filing to convert, read together (see :mod:`converter.inputs.filing`).

    Attributes:
        path: The filing (a release file, submission or filing folder) as shown to the user.
        source: Where to read it (absolute: a worker may run in another folder, or machine).
        outs: (release number in the filing, output folder) of each release to convert.
        options: Conversion options.
        size: Bytes to read (the biggest filings are sent first: they take longest).
    """

    path: str
    source: str
    outs: tuple[tuple[int, Path], ...]
    options: ConvertOptions
    size: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Planned:
    """One release a plan converts: its folder name, path and what it is read from."""

    name: str
    release: str
    digest: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """What a batch will do.

    Attributes:
        tasks: One per filing (an EDGAR submission or filing folder gives one for all its
            exhibits).
        releases: Every release the tasks convert, by output folder name.
        known: Outcomes already known: files that cannot be read, folders or patterns that
            name no release, exhibits that are no text.
        expanded: A folder or a glob pattern was given.
        options: The conversion options (as the manifest records them).
    """

    tasks: tuple[Task, ...]
    releases: dict[str, Planned]
    known: tuple[ReleaseOutcome, ...]
    expanded: bool
    options: dict[str, object]

    @property
    def size(self) -> int:
        """How many outcomes the batch will have."""
        return len(self.releases) + len(self.known)


def convert_many(
    paths: Sequence[str | Path],
    out_dir: Path,
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    options: ConvertOptions = DEFAULT_OPTIONS,
    progress: Progress | None = None,
    force: bool = False,
) -> BatchResult:
    """Convert every release ``paths`` name, each into ``out_dir/<release stem>/``.

    Args:
        paths: Release files, EDGAR submission files (one release per EX-99 exhibit), filing
            folders, folders (searched recursively for .txt/.htm/.html) and glob patterns; see
            :mod:`converter.inputs.releases`. A ``str`` is always a path, never release text.
        out_dir: The output folder; ``summary.json`` and ``manifest.json`` are written there too.
        jobs: Worker processes; 0 or less means one per CPU. With ``options.taxonomy_dir`` the
            releases are converted here, one after the other in path order (jobs and
            ``executor`` are not used), so that a company's taxonomy grows the same way every run.
        executor: Where to convert instead (any ``concurrent.futures.Executor``, a Dask
            client's ``get_executor()`` included); it must run each call in a process of its own
            with one thread (Arelle is not thread-safe). It is not shut down here.
        options: Conversion options, the same for every release.
        progress: Called in this process with each outcome as it completes.
        force: Convert every release, even those the manifest says are up to date.

    Returns:
        The outcomes sorted by release path. Never raises for a bad release.

    Raises:
        OSError: ``out_dir/summary.json`` or the manifest cannot be written.
    """
    plan = plan_batch(paths, out_dir, options)
    return run_plan(plan, out_dir, jobs=jobs, executor=executor, progress=progress, force=force)


def plan_batch(paths: Sequence[str | Path], out_dir: Path, options: ConvertOptions = DEFAULT_OPTIONS) -> Plan:
    """The filings ``paths`` name, each release with its own output folder under ``out_dir``."""
    inputs = collect_releases(paths, exclude=out_dir)
    known = [failed_outcome(name, problem) for name, problem in inputs.problems]
    filings: list[tuple[str, Filing]] = []
    for path in inputs.releases:
        try:
            filings.append((path, filing_in(Path(path))))
        except InputError as exc:
            known.append(failed_outcome(path, exc.diagnostic))
        except Exception as exc:  # noqa: BLE001 - one bad release never stops the batch
            known.append(crashed_outcome(path, exc, 0.0))
    stems = [s for _, f in filings for s in (*(r.stem for r in f.releases), *(s for s, _ in f.skipped))]
    names = iter(folder_names(stems))
    tasks, releases = [], {}
    for path, filing in filings:
        outs = []
        for n, release in enumerate(filing.releases):
            name = next(names)
            outs.append((n, out_dir / name))
            releases[name] = Planned(name=name, release=release.name, digest=filing.digest)
        known.extend(skipped_outcome(filing.name, note, name=next(names)) for _, note in filing.skipped)
        if outs:
            tasks.append(Task(path=path, source=os.path.abspath(path), outs=tuple(outs), options=options,
                              size=sum(len(r.text) for r in filing.releases)))
    return Plan(tasks=tuple(tasks), releases=releases, known=tuple(known), expanded=inputs.expanded,
                options=options_json(options))


def run_plan(
    plan: Plan,
    out_dir: Path,
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> BatchResult:
    """Carry out ``plan`` (see :func:`convert_many`): skip what the manifest says is up to date,
    convert the rest, then write ``out_dir/manifest.json`` and ``out_dir/summary.json``."""
    started = time.perf_counter()
    recover_staged(out_dir)
    entries = manifest.load(out_dir)
    current = {} if force else _up_to_date(plan, entries, out_dir)
    tasks = [t for t in (_still_to_do(task, current) for task in plan.tasks) if t is not None]
    if any(t.options.taxonomy_dir is not None for t in tasks):  # a company's taxonomy grows one release after the other
        jobs, executor = 1, None
    workers = 1 if executor is not None else max(1, min(jobs if jobs > 0 else os.cpu_count() or 1, len(tasks)))
    for outcome in (*plan.known, *current.values()):
        _report(progress, outcome)
    journal = manifest.Journal(out_dir)  # opened at its first entry: a batch that writes nothing leaves OUT as it was
    try:
        record = _recorder(plan, entries, journal, progress)
        if executor is not None:
            done = _run_on(executor, tasks, record)
        elif workers == 1:
            done = [record(o) for task in tasks for o in convert_task(task)]
        else:
            done = _run_parallel(tasks, workers, record)
    finally:
        journal.close()
    batch = BatchResult(
        out_dir=out_dir,
        releases=tuple(sorted((*plan.known, *current.values(), *done), key=lambda o: (o.release, o.name))),
        jobs=workers,
        seconds=time.perf_counter() - started,
    )
    if not batch.wrote:  # nothing converted: exit 2, and OUT is left as it was
        journal.undo()
        return batch
    manifest.save(out_dir, entries.values())
    write_summary(batch.to_json(), out_dir / SUMMARY_NAME)
    return batch


def options_json(options: ConvertOptions) -> dict[str, object]:
    """The options as the manifest records them (every field that changes the outputs)."""
    recorded: dict[str, object] = {"cik": options.cik, "entity_name": options.entity_name, "validate": options.validate,
                                   "calc": options.calc, "formats": sorted(f.value for f in options.formats)}
    if options.mapping != NO_OVERRIDES:
        recorded["mapping"] = options.mapping.fingerprint()
    if options.taxonomy_dir is not None:
        recorded["taxonomy_dir"] = os.path.abspath(options.taxonomy_dir)
    return recorded


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


_FILINGS_BEFORE = 0  # filings this process converted (a process that converts one never waits for a collection)


def convert_task(task: Task) -> tuple[ReleaseOutcome, ...]:
    """Convert the releases of one task (in a worker process or here); a crash becomes their outcome."""
    global _FILINGS_BEFORE
    if _FILINGS_BEFORE:
        gc.collect()  # Arelle's models of the filings before hold reference cycles: free them first
    _FILINGS_BEFORE += 1
    started = time.perf_counter()
    try:
        filing = filing_in(Path(task.source), task.path)
        numbers = [n for n, _ in task.outs]
        results = convert_filing(filing, options=task.options, outs=dict(task.outs), only=numbers)
    except InputError as exc:  # the file changed since the batch was planned
        return tuple(failed_outcome(task.path, exc.diagnostic, time.perf_counter() - started, name=out.name)
                     for _, out in task.outs)
    except Exception as exc:  # noqa: BLE001 - one bad release never stops the batch
        return tuple(crashed_outcome(task.path, exc, time.perf_counter() - started, name=out.name)
                     for _, out in task.outs)
    seconds = (time.perf_counter() - started) / max(1, len(results))
    return tuple(outcome_of(r, out=out, seconds=seconds) for r, (_, out) in zip(results, task.outs))


def write_summary(summary: dict[str, object], target: Path) -> None:
    """Write ``summary`` as indented, key-sorted JSON, atomically (temp file, then rename)."""
    write_file_atomically(target, (json.dumps(summary, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def _up_to_date(plan: Plan, entries: dict[str, manifest.Entry], out_dir: Path) -> dict[str, ReleaseOutcome]:
    """The planned releases whose manifest entry matches and whose folder is still there."""
    current = {}
    for name, planned in plan.releases.items():
        entry = entries.get(name)
        if entry is None or not entry.matches(planned.release, planned.digest, plan.options):
            continue
        try:
            outcome = ReleaseOutcome.from_json(entry.outcome)
        except (KeyError, TypeError, ValueError):
            continue
        if outcome.out is not None and not (out_dir / name).is_dir():
            continue
        out = str(out_dir / name) if outcome.out is not None else None
        current[name] = replace(outcome, out=out, up_to_date=True)
    return current


def _still_to_do(task: Task, current: dict[str, ReleaseOutcome]) -> Task | None:
    outs = tuple((n, out) for n, out in task.outs if out.name not in current)
    return replace(task, outs=outs) if outs else None


def _recorder(plan: Plan, entries: dict[str, manifest.Entry], journal: manifest.Journal,
              progress: Progress | None) -> Callable[[ReleaseOutcome], ReleaseOutcome]:
    """A callback that journals each new outcome (not a crash: that release is tried again) and
    reports it."""
    def record(outcome: ReleaseOutcome) -> ReleaseOutcome:
        planned = plan.releases.get(outcome.name)
        if planned is not None and not any(d.code == CONVERT_CRASHED for d in outcome.diagnostics):
            entry = manifest.Entry(name=planned.name, release=planned.release, digest=planned.digest,
                                   options=plan.options, version=__version__, outcome=outcome.to_json())
            entries[entry.name] = entry
            journal.add(entry)
        _report(progress, outcome)
        return outcome
    return record


def _run_parallel(tasks: Sequence[Task], workers: int, record: Callable[[ReleaseOutcome], ReleaseOutcome]
                  ) -> list[ReleaseOutcome]:
    """Convert ``tasks`` in ``workers`` processes of our own (``spawn``: no state inherited)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return _run_on(pool, tasks, record)


def _run_on(executor: Executor, tasks: Sequence[Task], record: Callable[[ReleaseOutcome], ReleaseOutcome]
            ) -> list[ReleaseOutcome]:
    """Convert ``tasks`` on ``executor``, biggest filings first (they take longest)."""
    ordered = sorted(tasks, key=lambda t: (-t.size, t.path))
    futures = {executor.submit(convert_task, task): task for task in ordered}
    return [record(outcome) for future in as_completed(futures) for outcome in _collect(future, futures[future])]


def _collect(future: Future[tuple[ReleaseOutcome, ...]], task: Task) -> tuple[ReleaseOutcome, ...]:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a worker died (killed, out of memory, machine lost): its releases fail
        return tuple(crashed_outcome(task.path, exc, 0.0, name=out.name) for _, out in task.outs)


def _report(progress: Progress | None, outcome: ReleaseOutcome) -> None:
    if progress is not None:
        progress(outcome)
