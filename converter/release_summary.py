"""What one conversion came to, small enough to send between processes and to print as JSON.

A :class:`ReleaseOutcome` keeps the counts and the findings of a ``ConversionResult`` (not the
document, statements or report), its exit status and its time. The batch summary
(``OUT/summary.json``) lists one per release.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from converter import diagnostics as dx
from converter.defects import defect
from converter.findings import EXIT_INPUT, EXIT_OK, FileFindings, count_text, diagnostics_exit_status
from converter.model import ConversionResult, Diagnostic, Severity, TableCells
from converter.render_diagnostics import diag_json, severity_counts

STANDINGS = ("valid", "with_warnings", "with_findings", "not_converted")  # ReleaseOutcome.standing, in order


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseOutcome:
    """The outcome of converting one release.

    Attributes:
        release: The release path as given (an EDGAR submission's, for each of its exhibits).
        name: The release's output folder name (its stem, made unique in the batch).
        out: The folder its outputs were written to (None when nothing was written).
        tables: Raw tables read.
        statements: Statements understood.
        facts: Facts tagged.
        contexts: Contexts used.
        diagnostics: Every finding, in order (file names relative to ``out``).
        exit_status: 0 valid, 1 findings, 2 not converted (unreadable, nothing to map, crashed).
        seconds: Wall time of the conversion (validation included).
        files: Output files written, relative to ``out``.
        cells: Per raw table, how its figures ended (facts, or left out by reason).
    """

    release: str
    name: str
    out: str | None
    tables: int
    statements: int
    facts: int
    contexts: int
    diagnostics: tuple[Diagnostic, ...]
    exit_status: int
    seconds: float
    files: tuple[str, ...] = ()
    cells: tuple[TableCells, ...] = ()

    @property
    def converted(self) -> bool:
        """True when the release was converted (outputs made, whatever the findings)."""
        return self.exit_status != EXIT_INPUT

    @property
    def standing(self) -> str:
        """One of ``STANDINGS``: ``valid`` (not even a warning), ``with_warnings`` (exit 0 all the
        same), ``with_findings`` or ``not_converted``; the batch totals count releases by it."""
        if not self.converted:
            return "not_converted"
        if self.exit_status != EXIT_OK:
            return "with_findings"
        return "with_warnings" if any(d.severity is Severity.WARNING for d in self.diagnostics) else "valid"

    def findings(self) -> FileFindings:
        """The outcome as findings about the release, output file names joined to ``out``."""
        diags = self.diagnostics
        if self.out is not None:
            diags = tuple(
                replace(d, file=os.path.join(self.out, d.file)) if d.file and not os.path.isabs(d.file) else d
                for d in diags
            )
        return FileFindings(
            path=self.release, diagnostics=diags, unreadable=not self.converted, seconds=self.seconds, kind="convert",
        )

    def to_json(self) -> dict[str, object]:
        """The outcome as a JSON object (the summary entry of the release)."""
        return {
            "release": self.release,
            "name": self.name,
            "out": self.out,
            "tables": self.tables,
            "statements": self.statements,
            "facts": self.facts,
            "contexts": self.contexts,
            "cells": cells_json(self.cells),
            "status": count_text(self.diagnostics) if self.converted else "not converted",
            "findings": severity_counts(self.diagnostics),
            "exit_status": self.exit_status,
            "seconds": round(self.seconds, 3),
            "files": list(self.files),
            "diagnostics": [diag_json(d) for d in self.diagnostics],
        }


def outcome_of(result: ConversionResult, *, out: Path | None, seconds: float) -> ReleaseOutcome:
    """Summarise ``result``; ``out`` is the folder it was written to (if it was)."""
    report = result.report
    return ReleaseOutcome(
        release=result.source,
        name=out.name if out is not None else Path(result.source).stem,
        out=str(out) if out is not None and result.files else None,
        tables=len(result.document.tables) if result.document else 0,
        statements=len(result.statements),
        facts=len(report.facts) if report else 0,
        contexts=len(report.contexts) if report else 0,
        diagnostics=result.diagnostics,
        exit_status=diagnostics_exit_status(result.diagnostics, failed=report is None),
        seconds=seconds,
        files=result.files,
        cells=result.cells,
    )


def failed_outcome(release: str, diagnostic: Diagnostic, seconds: float = 0.0, *, name: str | None = None) -> ReleaseOutcome:
    """The outcome of a release that produced nothing: ``diagnostic`` says why."""
    return ReleaseOutcome(
        release=release, name=name or Path(release).stem, out=None, tables=0, statements=0, facts=0, contexts=0,
        diagnostics=(diagnostic,), exit_status=EXIT_INPUT, seconds=seconds,
    )


def crashed_outcome(release: str, exc: BaseException, seconds: float, *, name: str | None = None) -> ReleaseOutcome:
    """The outcome of a conversion that raised: ``convert.crashed`` with where it raised."""
    diagnostic = defect(dx.CONVERT_CRASHED, "conversion failed", exc, release, exception=type(exc).__name__)
    return failed_outcome(release, diagnostic, seconds, name=name)


def result_json(result: ConversionResult, out_dir: Path | None) -> dict[str, object]:
    """A single conversion result as JSON (``xbrlify convert --json`` with one release)."""
    report = result.report
    return {
        "release": result.source,
        "ok": result.ok and report is not None,
        "out": str(out_dir) if out_dir and result.files else None,
        "files": list(result.files),
        "tables": len(result.document.tables) if result.document else 0,
        "statements": [
            {"table": s.table, "part": s.part, "title": s.title, "kind": s.kind.value} for s in result.statements
        ],
        "facts": len(report.facts) if report else 0,
        "contexts": len(report.contexts) if report else 0,
        "cells": cells_json(result.cells),
        "status": count_text(result.diagnostics) if report is not None else "not converted",
        "diagnostics": [diag_json(d) for d in result.diagnostics],
    }


def cells_json(cells: Sequence[TableCells]) -> dict[str, object]:
    """How the figures of the tables ended: totals, then per table (``left_out`` by reason)."""
    left_out: Counter[str] = Counter()
    for table in cells:
        left_out.update(dict(table.left_out))
    return {
        "figures": sum(t.figures for t in cells),
        "facts": sum(t.facts for t in cells),
        "left_out": dict(sorted(left_out.items())),
        "tables": [
            {"table": t.table, "line": t.span.line, "figures": t.figures, "facts": t.facts, "left_out": dict(t.left_out)}
            for t in cells
        ],
    }
