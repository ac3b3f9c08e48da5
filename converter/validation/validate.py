"""Check XBRL with Arelle, offline, and get its findings as diagnostics; also the viewer and OIM.

This module and :mod:`converter.validation.arelle_adapter` are the only code that touches Arelle. Everything
runs in-process on one lazily created ``arelle.api.Session`` (runs are serialised by a lock),
always with ``workOffline`` and no persistent configuration: a file that is not on disk, in
Arelle's bundled cache or in a given taxonomy package is reported (``IOerror``), never fetched.

Arelle's message codes pass through unchanged (``calc11e:inconsistentCalculationUsingRounding``,
``xbrl.5.2.5.2:calcInconsistency``, ``xbrldie:...``, ``utre:...``); xbrlify adds
``validate.unreadable``, ``validate.not-xbrl``, ``validate.calc.stopped-by-duplicate``,
``validate.arelle-failed`` and, for the writers here, ``output.write-failed``.

Example::

    found = validate(["out/acme-20241231.xbrl"], packages=[base_package],
                     sources={"f-12": (SourceSpan(path="release.htm", line=212),)})
    for d in found:
        print(d.render())
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from converter.defects import TRACEBACK
from converter.diagnostics import (
    OUTPUT_WRITE_FAILED,
    VALIDATE_ARELLE_FAILED,
    VALIDATE_NOT_XBRL,
    VALIDATE_UNREADABLE,
)
from converter.inputs.entry_points import is_url
from converter.model import Diagnostic, Severity, SourceSpan
from converter.validation.arelle_adapter import records, runner
from converter.validation.arelle_adapter.duplicates import with_calc_notes
from converter.validation.arelle_adapter.facts import LoadedFact, loaded_facts
from converter.validation.arelle_adapter.loaded import Loaded, summarize
from converter.validation.arelle_adapter.outputs import Derived, oim_targets, save_derived

__all__ = [
    "CALC_MODES", "Derived", "LoadedFact", "check", "check_calc", "close", "load_facts", "save_oim", "save_viewer",
    "validate",
]

#: Calculation checks: Calc 1.1 round-to-nearest, classic XBRL 2.1, or none.
CALC_MODES = ("c11r", "c10", "none")

Sources = Mapping[str, Sequence[SourceSpan]]

_ARELLE_IO_ERROR = "IOerror"


def validate(
    paths: Sequence[str | Path],
    *,
    calc: str = "c11r",
    packages: Sequence[Path] = (),
    sources: Sources | None = None,
) -> tuple[Diagnostic, ...]:
    """Validate entry points: XBRL 2.1, dimensions, UTR, inconsistent duplicates, calculations.

    Args:
        paths: Entry points: XBRL instances (.xml/.xbrl), Inline XBRL (.htm/.xhtml), xBRL-JSON,
            taxonomy schemas, report packages (.xbr/.xbri/.zip): whatever Arelle loads; also
            absolute URLs that a package in ``packages`` serves.
        calc: ``c11r`` (Calc 1.1 round-to-nearest), ``c10`` (XBRL 2.1) or ``none``.
        packages: Taxonomy packages (zips) that serve absolute schema URLs offline.
        sources: Fact XML id -> release spans; every fact a message names adds its spans.

    Returns:
        Arelle's findings (progress chatter dropped) for each path in turn; an unreadable or
        non-XBRL path gives exactly one ``validate.*`` diagnostic. Never raises for bad input.

    Raises:
        ValueError: ``calc`` is not one of :data:`CALC_MODES`.
    """
    check_calc(calc)
    found: list[Diagnostic] = []
    for path in paths:
        found.extend(_validate_one(str(path), calc, _absolute(packages), sources or {}))
    return tuple(found)


def load_facts(path: str | Path, *, packages: Sequence[Path] = ()) -> tuple[LoadedFact, ...]:
    """The facts of an XML instance, Inline XBRL document or xBRL-JSON file, sorted.

    Loading problems are not reported here (use :func:`validate`); a file that cannot be
    loaded gives no facts.
    """
    entry = _entry(path)
    if _unreadable(entry, str(path)) is not None:
        return ()
    request = runner.Request(entry=entry, packages=_absolute(packages))
    return runner.run(request, loaded_facts).value or ()


def check(
    path: str | Path,
    *,
    calc: str = "c11r",
    validate: bool = True,
    sources: Sources | None = None,
    derived: Derived | None = None,
    packages: Sequence[Path] = (),
) -> tuple[Diagnostic, ...]:
    """Load one report once: validate it, and write xBRL-JSON/CSV and the viewer from the same model.

    Args:
        path: The entry point (as for :func:`validate`).
        calc: Calculation mode (when validating).
        validate: Validate (else the report is only loaded, for ``derived``).
        sources: Fact XML id -> release spans (see :func:`validate`).
        derived: The OIM files and viewer folder to write (the viewer shows this run's findings).
        packages: Taxonomy packages that serve absolute schema URLs offline.

    Returns:
        The findings (when validating; loading problems always), plus ``output.write-failed``
        for every file of ``derived`` that was not written.
    """
    check_calc(calc)
    shown, entry = str(path), _entry(path)
    problem = _unreadable(entry, shown)
    if problem is not None:
        return (problem,)
    request = runner.Request(entry=entry, validate=validate, calcs=calc if validate else "none",
                             packages=_absolute(packages))
    making = derived or Derived()
    outcome = runner.run(request, lambda models: (summarize(models), save_derived(models, making)))
    loaded = runner.Outcome(records=outcome.records, value=outcome.value[0] if outcome.value else None,
                            failure=outcome.failure, trace=outcome.trace)
    found = _findings(loaded, entry, shown, calc if validate else "none", sources or {})
    if outcome.value is not None and (loaded.value is None or loaded.value.is_xbrl):
        found += [_write_failed(shown, why) for why in outcome.value[1]]
    return tuple(found)


def save_viewer(
    ixbrl_path: str | Path,
    out_dir: str | Path,
    *,
    packages: Sequence[Path] = (),
    calc: str = "c11r",
) -> tuple[Diagnostic, ...]:
    """Write the ixbrl-viewer for an Inline XBRL document into ``out_dir`` (created if needed).

    The viewer is the document under its own file name with ``ixbrlviewer.js`` copied beside it
    (no network needed to open it), showing the validation messages of the same run.

    Returns:
        The validation findings of the document, plus ``output.write-failed`` when the viewer
        was not written (not Inline XBRL, ``out_dir`` is the document's own folder, ...).
    """
    check_calc(calc)
    shown, entry, out = str(ixbrl_path), _entry(ixbrl_path), Path(os.path.abspath(out_dir))
    problem = _unreadable(entry, shown) or _prepare_dir(out, entry)
    if problem is not None:
        return (problem,)
    return check(ixbrl_path, calc=calc, derived=Derived(viewer=out), packages=packages)


def save_oim(
    instance_path: str | Path,
    out_path: str | Path,
    *,
    packages: Sequence[Path] = (),
) -> tuple[Diagnostic, ...]:
    """Save an instance (XML or Inline XBRL) as xBRL-JSON (``.json``) or xBRL-CSV (``.csv``).

    A ``.csv`` target writes ``<stem>-metadata.json`` and ``<stem>-facts.csv``. The taxonomy is
    referenced as the instance references it, so with a relative ``schemaRef`` write the files
    beside the instance (or the schema) to keep them loadable.

    Returns:
        Loading problems of the instance, plus ``output.write-failed`` for any file not written.
    """
    shown, entry, out = str(instance_path), _entry(instance_path), Path(os.path.abspath(out_path))
    if not oim_targets(out):
        return (_write_failed(shown, f"{out_path}: xBRL-JSON needs .json, xBRL-CSV needs .csv"),)
    problem = _unreadable(entry, shown) or _prepare_dir(out.parent, None)
    if problem is not None:
        return (problem,)
    return check(instance_path, validate=False, derived=Derived(oim=(out,)), packages=packages)


def close() -> None:
    """Close Arelle's session (optional: a later call opens a new one)."""
    runner.close()


def _validate_one(shown: str, calc: str, packages: tuple[Path, ...], sources: Sources) -> list[Diagnostic]:
    return list(check(shown, calc=calc, sources=sources, packages=packages))


def _findings(
    outcome: runner.Outcome[Loaded],
    entry: str,
    shown: str,
    calc: str,
    sources: Sources,
) -> list[Diagnostic]:
    """Arelle's findings of one run, or the one diagnostic saying it could not run or load."""
    found = records.convert(outcome.records, records.Where(entry=entry, shown=shown), sources)
    if outcome.failure is not None:
        failed = _diagnostic(VALIDATE_ARELLE_FAILED, f"Arelle failed: {outcome.failure}", shown)
        found.append(replace(failed, data=((TRACEBACK, outcome.trace),)) if outcome.trace else failed)
        return found
    if outcome.value is None or not outcome.value.is_xbrl:
        return [_not_loaded(shown, found)]
    return with_calc_notes(found, calc=calc, calc_fact_ids=outcome.value.calc_fact_ids)


def _not_loaded(shown: str, found: Sequence[Diagnostic]) -> Diagnostic:
    """One diagnostic for an entry point Arelle loaded nothing XBRL from (quoting Arelle's reason).

    It is ``validate.unreadable`` when Arelle could not read it (``IOerror``: a URL neither
    cached nor in a package) and ``validate.not-xbrl`` otherwise.
    """
    cause = next((d for d in found if d.severity is Severity.ERROR), None)
    if cause is not None and cause.code == _ARELLE_IO_ERROR:
        code, message = VALIDATE_UNREADABLE, f"cannot read {shown}"
    else:
        code, message = VALIDATE_NOT_XBRL, f"{shown} is not an XBRL document Arelle can load"
    if cause is None:
        return _diagnostic(code, message, shown)
    return Diagnostic(
        code=code,
        severity=Severity.ERROR,
        message=f"{message}: {cause.message}",
        data=(("arelle_code", cause.code),),
        file=shown,
        file_line=cause.file_line,
    )


def _unreadable(entry: str, shown: str) -> Diagnostic | None:
    """``validate.unreadable`` for a local file that cannot be read (URLs are left to Arelle)."""
    if is_url(entry):
        return None
    try:
        with open(entry, "rb") as handle:
            handle.read(1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return _diagnostic(VALIDATE_UNREADABLE, f"cannot read {shown}: {reason}", shown)
    return None


def _prepare_dir(folder: Path, entry: str | None) -> Diagnostic | None:
    shown = str(folder)
    if entry is not None and _entry(folder) == os.path.dirname(entry):
        return _write_failed(shown, "the viewer rewrites the document under its own name: use another folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _write_failed(shown, f"cannot create {shown}: {exc.strerror or type(exc).__name__}")
    return None


def _write_failed(shown: str, message: str) -> Diagnostic:
    return _diagnostic(OUTPUT_WRITE_FAILED, message, shown)


def _diagnostic(code: str, message: str, shown: str) -> Diagnostic:
    return Diagnostic(code=code, severity=Severity.ERROR, message=message, file=shown)


def check_calc(calc: str) -> None:
    """Raise ``ValueError`` unless ``calc`` is one of :data:`CALC_MODES`."""
    if calc not in CALC_MODES:
        raise ValueError(f"calc must be one of {', '.join(CALC_MODES)}, not {calc!r}")


def _entry(path: str | Path) -> str:
    """What Arelle is given: a URL as is, a file as a normalised absolute path."""
    text = str(path)
    return text if is_url(text) else os.path.abspath(text)


def _absolute(packages: Sequence[Path | str]) -> tuple[Path, ...]:
    return tuple(Path(os.path.abspath(p)) for p in packages)
