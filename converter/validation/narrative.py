"""The narrative cross-check: figures of the release's prose against the facts of its tables.

Each figure the prose states (:mod:`converter.validation.narrative_figures`) is compared with the
facts of the same period and member (the company as a whole when the sentence names none) whose
line item the sentence names: the row's label (or, for a breakdown row, its heading's, or the
concept's label) has the same significant words (``"net sales"`` and ``"Total net sales"``; ``"a
net loss"`` and ``"Net income (loss)"``). An amount is compared with amounts, a per-share figure
with per-share facts of its kind (diluted, basic) whose row names the line item (``"Continuing
operations"`` under an earnings-per-share heading for ``income from continuing operations``; a
plain ``"Diluted earnings per share"`` for ``net income``).

The values agree when they are equal once both are rounded to the coarser of their decimals
(``$21.2 million`` and 21,219 thousands); the sign is the table's (the prose says ``net loss of
$3,643,000``), unless the prose prints ``negative`` or ``positive``. An agreement is a
:class:`~converter.model.NarrativeMatch`; a figure whose line item, period and member its
sentence all names, with a fact to compare but no agreeing one, is a ``narrative.disagrees``
inconsistency located at the prose and at the table cell. A figure without a fact to compare is
left alone.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from converter import diagnostics as dx
from converter.model import (
    ConceptRole,
    Diagnostic,
    Document,
    Fact,
    NarrativeMatch,
    Period,
    Report,
    RowRole,
    Statement,
)
from converter.readers import prose_sentences
from converter.validation.narrative_figures import Periods, Stated, stated_figures, words

_SHARE_WORDS = frozenset({"per", "share", "common", "stock", "basic", "diluted", "fully", "dilutive", "class"})
_INCOME = frozenset({"income"})
_NET_INCOME = frozenset({"net", "income"})
_ABBREVIATION = re.compile(r"\(([A-Z]{2,})\)")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Candidate:
    """A fact with what the prose may call it."""

    fact: Fact
    period: Period
    member: str
    per_share: bool
    names: tuple[frozenset[str], ...]
    share_kinds: frozenset[str]


def cross_check(document: Document, statements: Sequence[Statement],
                report: Report) -> tuple[tuple[NarrativeMatch, ...], list[Diagnostic]]:
    """The prose figures that agree with a table fact, and the findings for those that contradict one.

    Args:
        document: The release as read (its prose).
        statements: The statements the facts were read from (row labels, headings).
        report: The report (facts, contexts, units, member labels).

    Returns:
        The agreements in printed order, and a ``narrative.disagrees`` inconsistency per disagreement.
    """
    candidates = _candidates(statements, report)
    if not candidates:
        return (), []
    periods = Periods(durations=tuple(sorted({c.period for c in candidates if c.period.start is not None},
                                             key=Period.key)),
                      instants=tuple(sorted({c.period for c in candidates if c.period.start is None}, key=Period.key)))
    members = sorted({c.member for c in candidates if c.member})
    sentences, read = itertools.tee(prose_sentences(document))  # one pass: the two stay a sentence apart
    stated = stated_figures(((s.text, s.paragraph) for s in read), periods, members)
    matches: list[NarrativeMatch] = []
    found: list[Diagnostic] = []
    by_place: dict[tuple[Period, str, bool], list[_Candidate]] = {}
    for candidate in candidates:
        by_place.setdefault((candidate.period, candidate.member.lower(), candidate.per_share), []).append(candidate)
    for sentence, figures in zip(sentences, stated, strict=True):
        for figure in figures:
            if figure.period is None:
                continue
            place = by_place.get((figure.period, figure.member.lower(), bool(figure.per_share)), [])
            fitting = [c for c in place if _fits(figure, c)]
            if not fitting:
                continue
            span = sentence.span(document.path, figure.start)
            agreeing = [c for c in fitting if _agrees(figure, c.fact)]
            if agreeing:
                fact = agreeing[0].fact
                assert fact.value is not None
                value = abs(figure.value) if fact.value >= 0 else -abs(figure.value)
                matches.append(NarrativeMatch(
                    span=span, printed=figure.printed, core=sentence.text[figure.start : figure.end],
                    scale=figure.scale, decimals=_decimals(figure, fact), value=value,
                    item=figure.item_text, member=agreeing[0].member, fact=fact))
            elif figure.stated:
                fact = fitting[0].fact
                found.append(dx.inconsistency(
                    dx.NARRATIVE_DISAGREES,
                    f"the prose states {figure.item_text or 'the line item'} of {figure.printed!r}"
                    f"{' (' + fitting[0].member + ')' if fitting[0].member else ''} for {figure.period.key() if figure.period else '?'}"
                    f", the table prints {fact.printed.strip()!r} ({fact.concept})",
                    span, fact.span, concept=str(fact.concept), prose=figure.printed, table=fact.printed.strip()))
    return tuple(matches), found


def _fits(figure: Stated, candidate: _Candidate) -> bool:
    """Same period, member, kind of unit and line item."""
    if figure.period != candidate.period or figure.member.lower() != candidate.member.lower() or not figure.item:
        return False
    if bool(figure.per_share) != candidate.per_share:
        return False
    if not figure.per_share:
        return figure.item in candidate.names
    kinds = candidate.share_kinds
    if (figure.per_share == "any" and len(kinds) == 1) or figure.per_share not in ("any", *kinds):
        return False
    item = figure.item - _SHARE_WORDS
    if candidate.names and all(name <= _INCOME for name in candidate.names):  # "Diluted earnings per share"
        return item == _NET_INCOME
    return any(item == name or (name - _INCOME and item - _INCOME == name - _INCOME) for name in candidate.names)


def _decimals(figure: Stated, fact: Fact) -> int:
    """The prose figure's decimals, as printed; a whole number's trailing zeros may be the table's
    rounding (``$3,183,000`` of 3,183 thousands: -3), never more than that."""
    digits = figure.printed
    whole = re.sub(r"\D", "", digits.split("$")[-1].split()[0]) if "$" in digits else ""
    zeros = len(whole) - len(whole.rstrip("0")) if whole and "." not in digits else 0
    return max(fact.decimals, figure.decimals - zeros) if fact.decimals < figure.decimals else figure.decimals


def _agrees(figure: Stated, fact: Fact) -> bool:
    """Equal once rounded to the coarser decimals (the table's sign, unless the prose prints one)."""
    if fact.value is None:
        return False
    if "negative" in figure.printed.lower()[:9] and fact.value >= 0:
        return False
    if "positive" in figure.printed.lower()[:9] and fact.value < 0:
        return False
    quantum = Decimal(1).scaleb(-min(figure.decimals, fact.decimals))
    return (abs(figure.value).quantize(quantum, rounding=ROUND_HALF_UP)
            == abs(fact.value).quantize(quantum, rounding=ROUND_HALF_UP))


def _names(label: str) -> list[frozenset[str]]:
    """What a label may be called: its words, and an abbreviation it defines with what follows it
    (``"Earnings before interest, taxes, ... (EBITDA) from operations"``: also ``{"ebitda", "operation"}``)."""
    names = [words(label)]
    short = _ABBREVIATION.search(label)
    if short is not None:
        names.append(words(short.group(1) + " " + label[short.end() :]))
    return names


def _candidates(statements: Sequence[Statement], report: Report) -> list[_Candidate]:
    concepts = {c.qname: c for layer in (report.taxonomy, *report.taxonomy.layers) for c in layer.concepts}
    contexts = {c.id: c for c in report.contexts}
    units = {u.id: u for u in report.units}
    items = {(s.table, s.part, i.row): i for s in statements for i in s.items}
    parents = {(s.table, s.part): {i.row: i for i in s.items} for s in statements}
    out: list[_Candidate] = []
    for fact in report.facts:
        context, unit, item = contexts[fact.context_id], units[fact.unit_id], items.get((*fact.statement, fact.row))
        if fact.value is None or item is None or len(context.members) > 1 or len(unit.numerators) != 1:
            continue
        per_share = [d.local for d in unit.denominators] == ["shares"]
        if (unit.denominators and not per_share) or unit.numerators[0].prefix != "iso4217":
            continue
        member = ""
        if context.members:
            concept = concepts.get(context.members[0][1])
            if concept is None or concept.role is not ConceptRole.MEMBER:
                continue
            member = concept.label
        heading = parents[fact.statement].get(item.parent) if item.parent is not None else None
        label = words(item.label)
        texts = [*_names(item.label), *(_names(concepts[fact.concept].label) if fact.concept in concepts else ())]
        breakdown = item.role is RowRole.MEMBER or (member and label == words(member))
        if heading is not None and breakdown:
            texts.extend(_names(heading.label))
        elif heading is not None and per_share:
            texts.append(label | words(heading.label))
        all_words = frozenset().union(*texts)
        if per_share:
            texts = [t - _SHARE_WORDS for t in texts]
        out.append(_Candidate(fact=fact, period=context.period, member=member, per_share=per_share,
                              names=tuple(t for t in texts if t), share_kinds=all_words & {"basic", "diluted"}))
    return out
