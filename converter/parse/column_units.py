"""Tables whose columns are in different units ("CPU Units k" beside "Rev $m").

Units are decided per row, so a table that prints units and revenue side by side is read as one
statement per unit: each keeps its own columns (the others are set aside) with the unit and scale
its column headers state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from converter.model import Column, ColumnKind, Scale, UnitKind
from converter.parse.scale import ScaleInfo, parse_scale_info
from converter.parse.units import other_unit

_HEADER_MAGNITUDE = re.compile(r"(?:^|\s|\$|\()(k|000s?|m|mm|mn|bn|b)\)?\s*$", re.IGNORECASE)
_EXPONENT = {"k": 3, "000": 3, "000s": 3, "m": 6, "mm": 6, "mn": 6, "bn": 9, "b": 9}


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnGroup:
    """Columns in one unit: the table's columns with those of other units set aside.

    Attributes:
        columns: Every column of the table; columns of other groups have kind OTHER.
        info: Scale of the group (the table's, or what its headers state).
        unit: The unit every row of the group is in, when the headers name one.
        suffix: Text added to the statement title to tell the groups apart ("" for the main one).
    """

    columns: tuple[Column, ...]
    info: ScaleInfo
    unit: tuple[UnitKind, str | None] | None = None
    suffix: str = ""


def unit_groups(columns: Sequence[Column], info: ScaleInfo) -> list[ColumnGroup]:
    """One group per unit the value columns' headers name; a single group when they name one."""
    units = {c.index: other_unit(c.header, strong_only=True) for c in columns if c.kind is ColumnKind.VALUE}
    names = sorted({u for u in units.values() if u is not None})
    if not names or len(set(units.values())) == 1:
        return [ColumnGroup(columns=tuple(columns), info=info)]
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


def _exponent(header: str) -> int:
    match = _HEADER_MAGNITUDE.search(header)
    return _EXPONENT.get(match.group(1).lower(), 0) if match else 0
