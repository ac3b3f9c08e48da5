"""Rows a mapping file pins to concepts (``[[concept]]``), before rows are told apart; its members.

A pin names a base concept (``Revenues``) or an extension concept's local name. The most
specific pin that matches a line item wins: a table row, then a label in a table, then a label
anywhere. A base concept of another item or period type than the row's figures is not applied
(``override.not-applied``); a pin that matches no line item is ``override.unmatched``. Pinned
rows still go through :mod:`converter.mapping.identity`: a pinned row whose figures contradict
another row of that concept's gets a concept of its own, and ``override.concept.split`` says so.
Members are named as the mapping file says in :class:`converter.mapping.members.Members`; an
entry that names no printed member is ``override.unmatched`` too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from converter import diagnostics as dx
from converter.mapping.concepts import ConceptChoice, LineContext, extension
from converter.mapping.series import Series
from converter.model import ConceptPin, ConceptRole, Diagnostic, MemberName, QName, Statement
from taxonomy.base import BY_NAME


def pin_concepts(statements: Sequence[Statement], series: Sequence[Series], lines: Sequence[LineContext],
                 choices: list[ConceptChoice], pins: Sequence[ConceptPin]) -> tuple[dict[int, ConceptPin], list[Diagnostic]]:
    """Give pinned line items their pinned concept (``choices`` in place).

    Returns:
        The pin applied to each series it applies to, and the diagnostics of pins not applied
        or matching nothing.
    """
    applied: dict[int, ConceptPin] = {}
    diags: list[Diagnostic] = []
    hit: set[int] = set()
    ranked = sorted(range(len(pins)), key=lambda n: pins[n].rank)
    for i, s in enumerate(series):
        rows = frozenset({s.item.row, *(v.span.row for v in s.cells.values() if v.span.row is not None)})
        table = statements[s.statement].table
        n = next((n for n in ranked if any(pins[n].matches(table, rows, label) for label in (s.printed_label, s.label))),
                 None)
        if n is None:
            continue
        hit.add(n)
        pinned = _pinned(pins[n], lines[i])
        if isinstance(pinned, Diagnostic):
            diags.append(replace(pinned, spans=(s.item.span, pins[n].at)))
            continue
        choices[i], applied[i] = pinned, pins[n]
    diags.extend(dx.warning(dx.OVERRIDE_UNMATCHED, f"this [[concept]] entry ({pin.name}) matches no line item of the "
                            "release", pin.at, section="concept") for n, pin in enumerate(pins) if n not in hit)
    return applied, diags


def split_pins(series: Sequence[Series], applied: dict[int, ConceptPin], qnames: Sequence[QName]) -> list[Diagnostic]:
    """An ``override.concept.split`` warning for each pinned row that got another concept than its
    pin's: its figures contradict those of another row of the pinned concept."""
    return [
        dx.warning(dx.OVERRIDE_CONCEPT_SPLIT, f'"{series[i].printed_label}" is pinned to {pin.name}, but its figures '
                   f"contradict another row's of that concept: it is {qnames[i]}", series[i].item.span, pin.at,
                   concept=str(qnames[i]))
        for i, pin in sorted(applied.items()) if qnames[i].local != pin.name
    ]


def _pinned(pin: ConceptPin, line: LineContext) -> ConceptChoice | Diagnostic:
    """The pinned concept for a line item, or why it cannot be (a base concept of another kind)."""
    own = extension(line)
    base = BY_NAME.get(pin.name)
    if base is None or base.role is not ConceptRole.ITEM:
        return replace(own, local=pin.name)
    if (base.item_type, base.period_type) != (own.item_type, own.period_type):
        kind = f"{base.item_type.value if base.item_type else 'no'} {base.period_type}"
        return dx.warning(dx.OVERRIDE_NOT_APPLIED, f"{pin.name} is a {kind} concept; this row's figures are "
                          f"{own.item_type.value} {own.period_type}: the pin is not applied", concept=pin.name)
    two_sided = own.two_sided if base.two_sided is None else base.two_sided  # as the printed label says, where it decides
    return replace(own, local=base.name, label=base.label, balance=base.balance, two_sided=two_sided, base=base)


def unmatched_members(statements: Sequence[Statement], series: Sequence[Series],
                      names: Sequence[MemberName]) -> list[Diagnostic]:
    """An ``override.unmatched`` warning for each ``[[member]]`` entry no member of the release
    is printed as (a row of a breakdown, a column heading, a part a table's title names)."""
    printed = [m for s in series for m in s.members]
    printed += [c.member for st in statements for c in st.columns if c.member]
    printed += [st.member for st in statements if st.member]
    printed += [m[len("total "):] for m in printed if m.lower().startswith("total ")]
    return [dx.warning(dx.OVERRIDE_UNMATCHED, f"this [[member]] entry ({entry.name}) matches no member of the release",
                       entry.at, section="member")
            for entry in names if not any(entry.matches(m) for m in printed)]
