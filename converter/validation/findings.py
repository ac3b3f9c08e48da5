"""Findings per input file, the ``--fail-on`` threshold, and exit codes: the error policy at the edge.

Stages return diagnostics as values; this module is where the command line decides what they
mean for a pipeline: exit **0** when nothing reaches the threshold, **1** when a finding does,
**2** when an input could not be read or loaded at all (the worst file decides).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from converter.model import Diagnostic, Severity

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


class FailOn(enum.Enum):
    """The mildest severity that still fails a run (``--fail-on``).

    ``ERROR`` fails on errors only; ``INCONSISTENCY`` (the default) on errors and
    inconsistencies; ``WARNING`` on warnings too. INFO never fails.
    """

    ERROR = "error"
    INCONSISTENCY = "inconsistency"
    WARNING = "warning"

    def fails(self, severity: Severity) -> bool:
        """True when a finding of ``severity`` makes the run fail."""
        return severity.rank <= Severity(self.value).rank


@dataclass(frozen=True, slots=True, kw_only=True)
class FileFindings:
    """The findings about one input: an instance validated or a release converted.

    Attributes:
        path: The input as the user named it.
        diagnostics: Every finding about it, in order.
        unreadable: True when it could not be read or loaded at all (exit code 2).
        seconds: Wall time spent on it.
        kind: What was done to it, ``validate`` or ``convert`` (JUnit's class name).
    """

    path: str
    diagnostics: tuple[Diagnostic, ...]
    unreadable: bool = False
    seconds: float = 0.0
    kind: str = "validate"

    def failing(self, fail_on: FailOn) -> tuple[Diagnostic, ...]:
        """The findings at or above the threshold."""
        return tuple(d for d in self.diagnostics if fail_on.fails(d.severity))

    def exit_status(self, fail_on: FailOn = FailOn.INCONSISTENCY) -> int:
        """2 when unreadable, 1 when a finding reaches ``fail_on``, else 0."""
        if self.unreadable:
            return EXIT_INPUT
        return EXIT_FINDINGS if self.failing(fail_on) else EXIT_OK


def exit_status(reports: Iterable[FileFindings], fail_on: FailOn = FailOn.INCONSISTENCY) -> int:
    """The worst exit status among ``reports`` (0 when there are none)."""
    return max((r.exit_status(fail_on) for r in reports), default=EXIT_OK)


def diagnostics_exit_status(
    diags: Sequence[Diagnostic], *, failed: bool = False, fail_on: FailOn = FailOn.INCONSISTENCY
) -> int:
    """2 when the input could not be processed (``failed``), 1 for findings, else 0."""
    return FileFindings(path="", diagnostics=tuple(diags), unreadable=failed).exit_status(fail_on)


def counts(diags: Iterable[Diagnostic]) -> dict[Severity, int]:
    """How many findings of each severity (every severity present, in rank order)."""
    found = dict.fromkeys(Severity, 0)
    for d in diags:
        found[d.severity] += 1
    return found


def count_text(diags: Sequence[Diagnostic]) -> str:
    """``valid, no findings`` or ``2 error(s), 1 warning(s)`` (INFO not counted)."""
    by = counts(diags)
    shown = [f"{n} {s.value}(s)" for s, n in by.items() if n and s is not Severity.INFO]
    return ", ".join(shown) if shown else "valid, no findings"
