"""Compare the facts of an instance with an expected-facts CSV (FACTS-FORMAT.md in the corpus).

A row is found when a numeric fact has the same unit, end date, start date (within 7 days, or
both instants), the same magnitude and the right member (none for a consolidated total). Signs
are compared separately: the CSV has signs as printed, facts the sign of their concept.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from converter.validation.validate import LoadedFact


@dataclass(frozen=True)
class Expected:
    """One row of a facts CSV."""

    table: str
    row: str
    member: str
    start: dt.date | None
    end: dt.date
    unit: str
    value: Decimal


def read_expected(path: Path) -> list[Expected]:
    """The rows of a facts CSV."""
    with path.open(encoding="utf-8") as handle:
        return [
            Expected(
                table=r["table"], row=r["row"], member=r["member"],
                start=dt.date.fromisoformat(r["start"]) if r["start"] else None,
                end=dt.date.fromisoformat(r["end"]), unit=r["unit"], value=Decimal(r["value"]),
            )
            for r in csv.DictReader(handle)
        ]


def _letters(text: str) -> str:
    """A name reduced to its letters and digits, without articles: "Rest of the World" -> "restofworld"."""
    words = re.findall(r"[A-Za-z0-9]+", text.replace("&", " and "))
    return "".join(w.lower() for w in words if w.lower() not in {"a", "an", "the"})


def _member_ok(want: str, fact: LoadedFact) -> bool:
    if not want:
        return not fact.dims
    return any(_letters(want) == _letters(member.split("}")[-1].removesuffix("Member")) for _, member in fact.dims)


def matches(row: Expected, facts: Sequence[LoadedFact]) -> list[LoadedFact]:
    """Facts that stand for ``row`` (any sign)."""
    out = []
    for f in facts:
        if f.value is None or f.unit != row.unit or abs(f.value) != abs(row.value):
            continue
        if row.start is None:
            if f.instant != row.end:
                continue
        elif f.end != row.end or f.start is None or abs((f.start - row.start).days) > 7:
            continue
        if _member_ok(row.member, f):
            out.append(f)
    return out


def missing(rows: Sequence[Expected], facts: Sequence[LoadedFact]) -> list[Expected]:
    """Rows no fact stands for."""
    return [r for r in rows if not matches(r, facts)]


def _same_time(row: Expected, fact: LoadedFact) -> bool:
    if fact.unit != row.unit:
        return False
    if row.start is None:
        return fact.instant == row.end
    return fact.end == row.end and fact.start is not None and abs((fact.start - row.start).days) <= 7


def misjudged(rows: Sequence[Expected], facts: Sequence[LoadedFact]) -> tuple[int, list[str]]:
    """Precision as ``score_facts.py`` judges it: the facts an expected row matches exactly, and
    those whose figure is listed but not as they have it (another period or unit: misplaced; no
    member where every listed one has one: member missing; off by 10^3/10^6/10^9: misscaled).
    Facts whose figure is not listed (tables out of the file's scope) are not judged."""
    by_value: dict[Decimal, list[Expected]] = {}
    for r in rows:
        by_value.setdefault(abs(r.value), []).append(r)
    correct, wrong = 0, []
    for f in facts:
        if f.value is None:
            continue
        value = abs(f.value)
        listed = by_value.get(value, [])
        if any(_same_time(r, f) and _member_ok(r.member, f) for r in listed):
            correct += 1
        elif value and listed and _digits(value) >= 3 and not any(_same_time(r, f) for r in listed):
            wrong.append(f"misplaced {_where(f)}")
        elif value and listed and _digits(value) >= 3 and not f.dims and all(r.member for r in listed if _same_time(r, f)):
            wrong.append(f"member missing {_where(f)}")
        elif value and _digits(value) >= 2 and any(r.unit == f.unit for k in (3, 6, 9, -3, -6, -9) for r in by_value.get(value.scaleb(k), [])):
            wrong.append(f"misscaled {_where(f)}")
    return correct, wrong


def _where(fact: LoadedFact) -> str:
    period = f"{fact.start}..{fact.end}" if fact.instant is None else str(fact.instant)
    members = ",".join(m.split("}")[-1] for _, m in fact.dims)
    return f"{fact.concept.split('}')[-1]} {period} {members} {fact.unit} {fact.value}"


def _digits(value: Decimal) -> int:
    """The significance ``score_facts.py`` gives a figure (its normalized text without point and
    outer zeros: "6E+6" counts 4)."""
    return len(str(value.normalize()).replace(".", "").lstrip("0").rstrip("0"))


def derived_input_faults(rows: Sequence[Expected], facts: Sequence[LoadedFact]) -> list[str]:
    """What keeps facts read from an input derived from a release (a text rendering, the HTML
    without its styles) from those of the release: more than 1% of the listed facts not found,
    or any figure off by a power of ten from the one listed (the scale is what a derived input
    most easily loses)."""
    lost = missing(rows, facts)
    faults = [f"not found: {r.table} | {r.row} | {r.member} | {r.end} | {r.value}" for r in lost] if len(lost) > len(rows) // 100 else []
    return faults + [w for w in misjudged(rows, facts)[1] if w.startswith("misscaled")]
