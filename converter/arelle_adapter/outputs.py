"""Checking that Arelle's plugins wrote what they were asked to (they fail quietly)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

VIEWER_SCRIPT = "ixbrlviewer.js"
_PAGE_SUFFIXES = (".htm", ".html", ".xhtml")


def oim_targets(out: Path) -> tuple[Path, ...]:
    """The files saveLoadableOIM writes for ``out`` (none for an unsupported suffix)."""
    suffix = out.suffix.lower()
    if suffix == ".json":
        return (out,)
    if suffix == ".csv":
        return (out.with_name(f"{out.stem}-metadata.json"), out.with_name(f"{out.stem}-facts.csv"))
    return ()


def snapshot(folder: Path) -> dict[str, int]:
    """Modification times (ns) of the files in ``folder`` (empty when it does not exist)."""
    if not folder.is_dir():
        return {}
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.is_file()}


def changed(folder: Path, before: dict[str, int]) -> frozenset[str]:
    """Names of the files in ``folder`` that are new or rewritten since ``before``."""
    return frozenset(name for name, mtime in snapshot(folder).items() if before.get(name) != mtime)


def viewer_problem(records: Iterable[logging.LogRecord], written: frozenset[str]) -> str | None:
    """Why the viewer is missing from ``written``, or None when its page and script are there.

    The ixbrl-viewer plugin reports failures at INFO level (``viewer:error``) or not at all, so
    the files are what counts; its own words are quoted when it left any.
    """
    pages = [n for n in written if n.lower().endswith(_PAGE_SUFFIXES)]
    if pages and VIEWER_SCRIPT in written:
        return None
    said = [
        r.getMessage()
        for r in records
        if str(getattr(r, "messageCode", "")).startswith("viewer:")
        and getattr(r, "messageCode", "") != "viewer:info"
    ]
    return "; ".join(said) or f"no page and {VIEWER_SCRIPT} were written"
