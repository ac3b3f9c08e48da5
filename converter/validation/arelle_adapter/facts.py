"""The facts of a report Arelle loaded, as plain values that compare across formats.

An XML instance, an Inline XBRL document and an xBRL-JSON file holding the same facts give equal
tuples of :class:`LoadedFact`: concepts and dimensions are Clark names (prefixes differ between
formats), periods are calendar days, values are ``Decimal`` with trailing zeros dropped, and
fact ids are carried but not compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadedFact:
    """One fact as Arelle read it.

    Attributes:
        concept: Clark name of the concept, ``{namespace}local``.
        entity: Entity identifier as ``{scheme}identifier``.
        start: First day of a duration period.
        end: Last day of a duration period (inclusive: XBRL's ``2025-01-01T00:00`` end is 2024-12-31).
        instant: The day of an instant period (end of that day).
        dims: (axis, member) Clark names, sorted; a typed member is its text.
        unit: ``USD``, ``USD/shares``, ``shares``, ``pure`` (measure local names), None if non-numeric.
        value: The numeric value (None for nil and non-numeric facts).
        decimals: The ``decimals`` attribute as written (``-3``, ``INF``), when there is one.
        text: The value of a non-numeric fact.
        nil: True for a nil fact.
        id: The fact's XML id (not compared).
    """

    concept: str
    entity: str
    start: dt.date | None
    end: dt.date | None
    instant: dt.date | None
    dims: tuple[tuple[str, str], ...]
    unit: str | None
    value: Decimal | None
    decimals: str | None
    text: str | None = None
    nil: bool = False
    id: str | None = field(default=None, compare=False)


def loaded_facts(models: Sequence[Any]) -> tuple[LoadedFact, ...]:
    """Every fact with a context in ``models``, sorted deterministically."""
    found = [fact for model in models for fact in _facts_of(model)]
    return tuple(sorted(found, key=_sort_key))


def _facts_of(model: Any) -> Iterable[LoadedFact]:
    for fact in getattr(model, "factsInInstance", None) or getattr(model, "facts", ()) or ():
        context = getattr(fact, "context", None)
        if context is None or fact.qname is None:
            continue
        start, end, instant = _period(context)
        numeric = bool(fact.isNumeric)
        yield LoadedFact(
            concept=fact.qname.clarkNotation,
            entity="{{{}}}{}".format(*context.entityIdentifier),
            start=start,
            end=end,
            instant=instant,
            dims=_dims(context),
            unit=_unit(fact.unit) if numeric else None,
            value=_number(fact) if numeric and not fact.isNil else None,
            decimals=fact.decimals or None,
            text=None if numeric or fact.isNil else str(fact.value),
            nil=bool(fact.isNil),
            id=fact.id,
        )


def _period(context: Any) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
    if context.isInstantPeriod:
        return None, None, _day_ending(context.instantDatetime)
    if context.isStartEndPeriod:
        return context.startDatetime.date(), _day_ending(context.endDatetime), None
    return None, None, None  # forever


def _day_ending(moment: dt.datetime) -> dt.date:
    """The calendar day a period ends on: a midnight end closes the day before."""
    if moment.time() == dt.time(0):
        return (moment - dt.timedelta(days=1)).date()
    return moment.date()


def _dims(context: Any) -> tuple[tuple[str, str], ...]:
    pairs = []
    for axis, value in context.qnameDims.items():
        if value.isExplicit:
            member = value.memberQname.clarkNotation if value.memberQname is not None else ""
        else:
            member = str(getattr(value.typedMember, "stringValue", "") or "").strip()
        pairs.append((axis.clarkNotation, member))
    return tuple(sorted(pairs))


def _unit(unit: Any) -> str | None:
    if unit is None:
        return None
    numerators, denominators = unit.measures
    text = "*".join(sorted(m.localName for m in numerators))
    if denominators:
        text += "/" + "*".join(sorted(m.localName for m in denominators))
    return text


def _number(fact: Any) -> Decimal | None:
    try:
        value = Decimal(str(fact.xValue if fact.xValue is not None else fact.value))
    except InvalidOperation:
        return None
    if not value.is_finite():
        return value
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _sort_key(fact: LoadedFact) -> tuple[str, ...]:
    return (
        fact.concept,
        fact.entity,
        *(d.isoformat() if d else "" for d in (fact.start, fact.end, fact.instant)),
        repr(fact.dims),
        fact.unit or "",
        str(fact.value),
        fact.decimals or "",
        fact.text or "",
        fact.id or "",
    )
