"""What one conversion came to, small enough to send between processes and to print as JSON.

A :class:`ReleaseOutcome` keeps the counts and the findings of a ``ConversionResult`` (not the
document, statements or report), its exit status and its time. The batch summary
(``OUT/summary.json``) lists one per release.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from converter import diagnostics as dx
from converter.cli.render_diagnostics import diag_json, severity_counts
from converter.defects import defect
from converter.model import ConversionResult, Diagnostic, Severity, SourceSpan, TableCells
from converter.serialize.mapping_csv import mapping_json, narrative_json
from converter.validation.findings import EXIT_INPUT, EXIT_OK, FileFindings, count_text, diagnostics_exit_status

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
        up_to_date: Not converted again: a batch found its outputs current (the outcome is the
            one its manifest kept).
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
    up_to_date: bool = False

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

    @property
    def skipped(self) -> bool:
        """True for an exhibit of a filing left out on purpose (no financial table, no text)."""
        return self.out is None and any(d.code == dx.INPUT_EXHIBIT_SKIPPED for d in self.diagnostics)

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
            "up_to_date": self.up_to_date,
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> ReleaseOutcome:
        """The outcome :meth:`to_json` gave (as a batch manifest keeps it).

        Raises:
            KeyError, TypeError, ValueError: ``raw`` is not such an entry.
        """
        release = str(raw["release"])
        return cls(
            release=release, name=str(raw["name"]), out=None if raw["out"] is None else str(raw["out"]),
            tables=int(raw["tables"]), statements=int(raw["statements"]), facts=int(raw["facts"]),
            contexts=int(raw["contexts"]), diagnostics=tuple(_diagnostic(d) for d in raw["diagnostics"]),
            exit_status=int(raw["exit_status"]), seconds=float(raw["seconds"]),
            files=tuple(str(f) for f in raw["files"]), cells=_cells(raw["cells"], release),
            up_to_date=bool(raw.get("up_to_date", False)),
        )


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
        exit_status=diagnostics_exit_status(result.diagnostics, failed=report is None and not _skipped(result)),
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


def skipped_outcome(release: str, note: Diagnostic, *, name: str) -> ReleaseOutcome:
    """The outcome of an exhibit left out on purpose (``note`` says why): nothing written, exit 0."""
    return ReleaseOutcome(release=release, name=name, out=None, tables=0, statements=0, facts=0, contexts=0,
                          diagnostics=(note,), exit_status=0, seconds=0.0)


def crashed_outcome(release: str, exc: BaseException, seconds: float, *, name: str | None = None) -> ReleaseOutcome:
    """The outcome of a conversion that raised: ``convert.crashed`` with where it raised."""
    diagnostic = defect(dx.CONVERT_CRASHED, "conversion failed", exc, release, exception=type(exc).__name__)
    return failed_outcome(release, diagnostic, seconds, name=name)


def _skipped(result: ConversionResult) -> bool:
    return bool(result.diagnostics) and all(d.code == dx.INPUT_EXHIBIT_SKIPPED for d in result.diagnostics)


def _diagnostic(raw: Mapping[str, Any]) -> Diagnostic:
    """A diagnostic from its JSON (``diag_json``)."""
    spans = tuple(
        SourceSpan(path=str(s["path"]), line=int(s["line"] or 0), table=s["table"], row=s["row"], column=s["column"])
        for s in raw["release"]
    )
    return Diagnostic(
        code=str(raw["code"]), severity=Severity(raw["severity"]), message=str(raw["message"]), spans=spans,
        data=tuple((str(k), str(v)) for k, v in raw["data"].items()), file=raw["file"], file_line=raw["file_line"],
    )


def _cells(raw: Mapping[str, Any], release: str) -> tuple[TableCells, ...]:
    """Cell accounting from its JSON (``cells_json``)."""
    return tuple(
        TableCells(table=int(t["table"]), span=SourceSpan(path=release, line=int(t["line"] or 0), table=int(t["table"])),
                   figures=int(t["figures"]), facts=int(t["facts"]),
                   left_out=tuple((str(k), int(v)) for k, v in t["left_out"].items()))
        for t in raw["tables"]
    )


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
        "mapping": mapping_json(report.mapping, report.narrative) if report is not None else [],
        "narrative": narrative_json(report.narrative) if report is not None else [],
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
