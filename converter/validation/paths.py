"""Validate files and folders for a pipeline: one :class:`FileFindings` per entry point.

``xbrlify validate`` calls :func:`validate_paths`; the entry points of folders are chosen by
:mod:`converter.inputs.entry_points`, and each one is validated by :func:`converter.validation.validate.validate`
with xbrlify's base taxonomy package active (so instances that reference the base taxonomy by
its URL validate offline too). Works on XBRL made by any tool.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from converter import diagnostics as dx
from converter.defects import defect
from converter.inputs.entry_points import find_entry_points, is_url
from converter.model import Diagnostic, Severity
from converter.validation.findings import FileFindings

#: Codes that mean an entry point could not be read, loaded or checked at all (exit code 2).
UNREADABLE_CODES = frozenset({
    dx.VALIDATE_UNREADABLE,
    dx.VALIDATE_NOT_XBRL,
    dx.VALIDATE_ARELLE_FAILED,
    dx.VALIDATE_NO_ENTRY_POINT,
    dx.INTERNAL_ERROR,
})


def validate_paths(paths: Sequence[str | Path], *, calc: str = "c11r") -> tuple[FileFindings, ...]:
    """Validate every entry point ``paths`` name (files as given, folders searched).

    Args:
        paths: Instances, Inline XBRL documents, report packages, xBRL-JSON files, folders.
        calc: ``c11r``, ``c10`` or ``none``.

    Returns:
        The findings of each entry point in order, then one unreadable entry per folder that
        holds no entry point.

    Raises:
        ValueError: ``calc`` is not a known mode.
    """
    from converter.serialize.output_files import base_package_path
    from converter.validation.validate import check_calc, validate  # Arelle loads only when validating

    check_calc(calc)
    entries, problems = find_entry_points(paths)
    packages = [base_package_path()]
    reports = []
    for entry in entries:
        started = time.perf_counter()
        try:
            found = _located(entry, validate([entry], calc=calc, packages=packages))
        except Exception as exc:  # noqa: BLE001 - a defect on one file is its finding; the others go on
            found = (defect(dx.INTERNAL_ERROR, "xbrlify failed on this file", exc, entry),)
        reports.append(FileFindings(
            path=entry, diagnostics=found, unreadable=is_unreadable(found), seconds=time.perf_counter() - started,
        ))
    reports.extend(
        FileFindings(path=p.file or "", diagnostics=(p,), unreadable=True) for p in problems
    )
    return tuple(reports)


def _located(entry: str, found: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    """Findings about a file that is not on disk (a member of a report package, the virtual
    instance of an xBRL-JSON report) point at the entry point; the name Arelle gave is kept in
    ``data`` as ``reported_file``."""
    if is_url(entry):
        return tuple(found)
    return tuple(
        replace(d, file=entry, file_line=None, data=(*d.data, ("reported_file", _where(d))))
        if d.file and not is_url(d.file) and not Path(d.file).is_file() else d
        for d in found
    )


def _where(d: Diagnostic) -> str:
    return f"{d.file}:{d.file_line}" if d.file_line else str(d.file)


def is_unreadable(found: Sequence[Diagnostic]) -> bool:
    """True when ``found`` says the entry point could not be read, loaded or checked."""
    return any(d.code in UNREADABLE_CODES and d.severity is Severity.ERROR for d in found)
