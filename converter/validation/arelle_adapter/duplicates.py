"""Say so when duplicate facts keep Arelle's calculation check from covering a total.

What Arelle 2.47.3 does with inconsistent duplicates (same concept, context and unit, values that
disagree), checked against its source and by the tests:

* Calc 1.1 (``c11r``) stops the check of the calculations that bind them and says so with
  ``oime:disallowedDuplicateFacts`` ("Calculations check stopped for duplicate fact values"). It
  does this only when the duplicates' decimals differ. When they share decimals, a bug in
  ``consistentFactValueInterval`` overwrites the flag, the check goes on with the *first* fact
  only, and nothing is said beyond the ``arelle:duplicateFacts`` warning.
* Classic XBRL 2.1 (``c10``) silently skips every calculation that binds a duplicate fact.

So each such case gets a ``validate.calc.stopped-by-duplicate`` diagnostic next to Arelle's
message, carrying the same release spans. A duplicate of a concept that is in no calculation gets
no note.
"""

from __future__ import annotations

from collections.abc import Sequence

from converter.diagnostics import VALIDATE_CALC_STOPPED
from converter.model import Diagnostic, Severity
from converter.validation.arelle_adapter.records import fact_ids

STOP_CODES = frozenset({"oime:disallowedDuplicateFacts", "calc11e:disallowedDuplicateFactsUsingTruncation"})
DUPLICATE_CODE = "arelle:duplicateFacts"

_WHY = {
    "arelle-stopped": "Arelle stopped the calculation check for these inconsistent duplicate facts",
    "c11-first-only": (
        "Calc 1.1 check of calculations binding these inconsistent duplicate facts used only the "
        "first of them (Arelle 2.47.3 does so when their decimals are equal)"
    ),
    "c10-skipped": "the XBRL 2.1 calculation check skips calculations binding these duplicate facts",
}


def with_calc_notes(
    diagnostics: Sequence[Diagnostic],
    *,
    calc: str,
    calc_fact_ids: frozenset[str],
) -> list[Diagnostic]:
    """``diagnostics`` with a note after each duplicate that kept a calculation from being checked.

    Args:
        diagnostics: Converted Arelle findings of one entry point, in order.
        calc: The calculation mode the run used (``c11r``, ``c10``, ``none``).
        calc_fact_ids: Ids of the facts whose concept is in some summation-item relationship.

    Returns:
        The same diagnostics, each followed by its ``validate.calc.stopped-by-duplicate`` note.
    """
    if calc == "none":
        return list(diagnostics)
    stopped = [fact_ids(d) for d in diagnostics if d.code in STOP_CODES]
    out: list[Diagnostic] = []
    for diagnostic in diagnostics:
        out.append(diagnostic)
        reason = _reason(diagnostic, calc, calc_fact_ids, stopped)
        if reason is not None:
            out.append(_note(diagnostic, reason))
    return out


def _reason(
    diagnostic: Diagnostic,
    calc: str,
    calc_fact_ids: frozenset[str],
    stopped: Sequence[frozenset[str]],
) -> str | None:
    if diagnostic.code in STOP_CODES:
        return "arelle-stopped" if calc != "c10" else None  # under c10 only OIM loading says it
    if diagnostic.code != DUPLICATE_CODE:
        return None
    ids = fact_ids(diagnostic)
    if not ids & calc_fact_ids or any(ids <= s for s in stopped):
        return None
    return "c10-skipped" if calc == "c10" else "c11-first-only"


def _note(diagnostic: Diagnostic, reason: str) -> Diagnostic:
    facts = dict(diagnostic.data).get("facts", "")
    data = {"arelle_code": diagnostic.code, "reason": reason}
    if facts:
        data["facts"] = facts
    return Diagnostic(
        code=VALIDATE_CALC_STOPPED,
        severity=Severity.WARNING,
        message=f"{_WHY[reason]}: {diagnostic.message}",
        spans=diagnostic.spans,
        data=tuple(sorted(data.items())),
        file=diagnostic.file,
        file_line=diagnostic.file_line,
    )
