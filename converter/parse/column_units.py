"""Tables whose columns are in different units ("CPU Units k" beside "Rev $m", "Amount" beside
"Diluted EPS").

Units are decided per row, so a table that prints units and revenue side by side is read as one
statement per unit: each keeps its own columns (the others are set aside) with the unit and scale
its column headers state. A reconciliation that prints an amount and a per-share figure for each
period ("Amount | Diluted EPS", "Pretax | Per Share") is read likewise as a statement of amounts
and one of per-share amounts, so each row gives a fact in each unit; the captions are the
columns' units, not members (a column whose caption is its unit loses its member where no other
column of its statement shares its period).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from converter.model import Column, ColumnKind, Scale, UnitKind
from converter.parse.scale import ScaleInfo, parse_scale_info
from converter.parse.units import other_unit

_PER_SHARE_CAPTION = re.compile(
    r"\bper\s+(?:(?:basic|diluted|common|ordinary)\s+)*share\b|\beps\b|[$€£¥]\s*/\s*share\b", re.IGNORECASE
)
_AMOUNT_CAPTION = re.compile(
    r"^\W*(?:amounts?|dollars|[$€£¥]|pre-?\s?tax(?:\s+amounts?)?|(?:in\s+)?[$€£¥]\s*(?:thousands|millions|billions|m|mm|k|b|bn))\W*$",
    re.IGNORECASE,
)
_HEADER_MAGNITUDE = re.compile(r"(?:^|\s|\$|\()(k|000s?|m|mm|mn|bn|b)\)?\s*$", re.IGNORECASE)
_EXPONENT = {"k": 3, "000": 3, "000s": 3, "m": 6, "mm": 6, "mn": 6, "bn": 9, "b": 9}


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnGroup:
    """Columns in one unit: the table's columns with those of other units set aside.

    Attributes:
        columns: Every column of the table; columns of other groups have kind OTHER.
        info: Scale of the group (the table's, or what its headers state).
        unit: The unit the group's headers name: every row is in it (a share count or ratio row
            of an amount / per-share group keeps its own), or None.
        suffix: Text added to the statement title to tell the groups apart ("" for the main one).
    """

    columns: tuple[Column, ...]
    info: ScaleInfo
    unit: tuple[UnitKind, str | None] | None = None
    suffix: str = ""


def column_unit(header: str) -> UnitKind | None:
    """The unit a column's lowest caption names: MONETARY ("Amount", "$", "Pretax"), PER_SHARE
    ("Diluted EPS", "Per Share"), or None.

    Args:
        header: The column's header texts, top to bottom, joined by " / ".
    """
    parts = [p.strip() for p in header.split(" / ") if p.strip()]
    if not parts:
        return None
    lowest = " ".join(parts[-2:]) if len(parts) > 1 and parts[-1].lower().startswith("share") else parts[-1]
    if _PER_SHARE_CAPTION.search(lowest):
        return UnitKind.PER_SHARE
    return UnitKind.MONETARY if _AMOUNT_CAPTION.match(lowest) else None


def unit_groups(columns: Sequence[Column], info: ScaleInfo) -> list[ColumnGroup]:
    """One group per unit the value columns' headers name; a single group when they name one."""
    units = {c.index: other_unit(c.header, strong_only=True) for c in columns if c.kind is ColumnKind.VALUE}
    names = sorted({u for u in units.values() if u is not None})
    if not names or len(set(units.values())) == 1:
        return _per_share_groups(columns, info)
    groups: list[ColumnGroup] = []
    for name in [None, *names]:
        own = [c for c in columns if units.get(c.index, "-") == name]
        if not own:
            continue
        kept = tuple(c if units.get(c.index, "-") == name else replace(c, kind=ColumnKind.OTHER) for c in columns)
        exponent = _exponent(own[0].header)
        if name is None:
            stated = parse_scale_info([own[0].header])
            scale = stated.scale if stated is not None else info.scale
            groups.append(ColumnGroup(columns=kept, info=ScaleInfo(scale=scale)))
        else:
            group_info = ScaleInfo(scale=Scale(currency=info.scale.currency), other_unit=name, other_exponent=exponent)
            groups.append(ColumnGroup(columns=kept, info=group_info, unit=(UnitKind.OTHER, name), suffix=f" ({name})"))
    return groups


def _per_share_groups(columns: Sequence[Column], info: ScaleInfo) -> list[ColumnGroup]:
    """Amount and per-share columns as a group each; one group where no column is per share."""
    dated = [c for c in columns if c.kind is ColumnKind.VALUE and c.period is not None]
    units = {c.index: column_unit(c.header) for c in dated}
    per_share = {i for i, u in units.items() if u is UnitKind.PER_SHARE}
    if not per_share:
        return [ColumnGroup(columns=tuple(columns), info=info)]
    amounts = {c.index for c in dated} - per_share
    groups: list[ColumnGroup] = []
    for own, unit, suffix in ((amounts, UnitKind.MONETARY, ""), (per_share, UnitKind.PER_SHARE, " (per share)")):
        if not own:
            continue
        stated = all(units[i] is unit for i in own)
        kept = [c if c.index in own or c.kind is not ColumnKind.VALUE or c.period is None
                else replace(c, kind=ColumnKind.OTHER) for c in columns]
        groups.append(ColumnGroup(columns=_without_unit_members(kept, own, units), info=info,
                                  unit=(unit, None) if stated else None, suffix=suffix if amounts else ""))
    return groups


def _without_unit_members(columns: list[Column], own: set[int], units: dict[int, UnitKind | None]) -> tuple[Column, ...]:
    """Columns whose caption is their unit lose their member where no other column of the group
    has their period."""
    periods = Counter(columns[i].period for i in own)
    return tuple(
        replace(c, member=None) if c.index in own and units[c.index] is not None and periods[c.period] == 1 else c
        for c in columns
    )


def _exponent(header: str) -> int:
    match = _HEADER_MAGNITUDE.search(header)
    return _EXPONENT.get(match.group(1).lower(), 0) if match else 0
