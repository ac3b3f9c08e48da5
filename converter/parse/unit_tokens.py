"""Units printed at the end of a row label: "Revenue $ MM", "EPS $/share", "Production (MBD)".

Tables with a unit column print each row's unit beside its label; the readers join that column
to the label, so the unit is the label's last word(s), bare or in parentheses. ``label_unit``
reads it: the unit kind, for other units a name, and the power of ten of the figures (None when
the token names the unit but not a scale, as a bare "$" does: the table's scale applies).

* money: "$", "$ MM", "$MM", "$ B", "$ billions", "US$ m", "USD millions", "$000";
* per share: "$/share", "$ per share", "$/sh";
* ratios: "%" (figures are percentages: 10^-2), "bps"/"basis points" (10^-4), "pts"/"percentage
  points" (10^-2), "x"/"times" (10^0);
* volumes: barrels and barrels of oil equivalent (per day), cubic feet (per day), with the
  industry's M (thousand) and MM (million) prefixes: "MBD", "MBOE/D", "MMcf/d", "Bcf".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from converter.model import UnitKind

_I = re.IGNORECASE
_MAGNITUDES = {"k": 3, "000": 3, "thousand": 3, "m": 6, "mm": 6, "mn": 6, "million": 6, "b": 9, "bn": 9, "billion": 9}
_CURRENCY = r"(?:us\s?\$|c\$|a\$|[$€£¥]|usd|eur|gbp|cad|jpy)"
_MAG = r"(k|000|thousands?|mm|mn|m|millions?|bn|b|billions?)"
_MONEY = re.compile(rf"^{_CURRENCY}\s*'?{_MAG}?'?s?$", _I)
_PER_SHARE = re.compile(rf"^{_CURRENCY}\s*(?:/|per)\s*(?:share|sh\.?)$", _I)
_RATIOS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(p, _I), exponent)
    for p, exponent in (
        (r"^(?:%|percent|pct\.?)$", -2),
        (r"^(?:bps|bp|basis\s+points)$", -4),
        (r"^(?:pts|ppts?|percentage\s+points)$", -2),
        (r"^(?:(?-i:x)|times)$", 0),  # a lowercase "x": "Series X" is no multiple
    )
)
_BARRELS_PER_DAY = {"BPD": 0, "B/D": 0, "BBL/D": 0, "MBD": 3, "MB/D": 3, "KBD": 3, "MBBL/D": 3, "MMBD": 6}
_BOE_PER_DAY = {"BOE/D": 0, "BOED": 0, "MBOE/D": 3, "MBOED": 3, "MMBOE/D": 6}
_CUBIC_FEET_PER_DAY = {"MCF/D": 3, "MCFD": 3, "MMCF/D": 6, "MMCFD": 6, "BCF/D": 9}
_VOLUMES: dict[str, tuple[str, int]] = {
    **{token: ("barrelsPerDay", e) for token, e in _BARRELS_PER_DAY.items()},
    **{token: ("boePerDay", e) for token, e in _BOE_PER_DAY.items()},
    **{token: ("cubicFeetPerDay", e) for token, e in _CUBIC_FEET_PER_DAY.items()},
    **{token: ("barrels", e) for token, e in {"BBL": 0, "BBLS": 0, "MBBL": 3, "MBBLS": 3, "MMBBL": 6, "MMBBLS": 6}.items()},
    **{token: ("boe", e) for token, e in {"BOE": 0, "MBOE": 3, "MMBOE": 6}.items()},
    **{token: ("cubicFeet", e) for token, e in {"MCF": 3, "MMCF": 6, "BCF": 9, "TCF": 12}.items()},
}


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelUnit:
    """A unit printed at the end of a label.

    Attributes:
        kind: The unit kind.
        name: For OTHER units, the unit's name ("barrelsPerDay").
        exponent: Power of ten of the figures, or None when the token states no scale.
    """

    kind: UnitKind
    name: str | None = None
    exponent: int | None = None


@lru_cache(maxsize=4096)
def label_unit(label: str) -> LabelUnit | None:
    """The unit a label prints at its end, if any.

    Args:
        label: A row label or heading ("Capital spending $ B", "Production (MBD)").

    Returns:
        The unit, or None when the label ends in no unit token.
    """
    text = " ".join(label.split())
    for words in (2, 1):  # "basis points", "$ MM" before "points", "MM"
        token = _last_words(text, words)
        if token is None:
            continue
        found = _token_unit(token)
        if found is not None and found.kind is UnitKind.OTHER and _per_unit(text, token):
            return None  # "Production costs per BOE": money per unit, not a volume
        if found is not None:
            return found
    return None


def _per_unit(text: str, token: str) -> bool:
    """Whether the label ends in "per <token>" or "/<token>"."""
    return re.search(rf"(?:\bper|/)\s*\(?\s*{re.escape(token)}\s*\)?\s*:?$", text, _I) is not None


def _last_words(text: str, words: int) -> str | None:
    """The last ``words`` words of ``text`` (without parentheses around them), when the label
    has words before them."""
    body = text.rstrip(" :")
    parenthesised = body.endswith(")") and "(" in body
    if parenthesised:
        inner = body[body.rindex("(") + 1 : -1].strip()
        return inner if len(inner.split()) == words and body[: body.rindex("(")].strip() else None
    parts = body.split()
    if len(parts) <= words:
        return None
    return " ".join(parts[-words:])


def _token_unit(token: str) -> LabelUnit | None:
    """The unit one token names."""
    if _PER_SHARE.match(token):
        return LabelUnit(kind=UnitKind.PER_SHARE, exponent=0)
    money = _MONEY.match(token)
    if money:
        mag = money.group(1)
        return LabelUnit(kind=UnitKind.MONETARY, exponent=_magnitude(mag) if mag else None)
    for pattern, exponent in _RATIOS:
        if pattern.match(token):
            return LabelUnit(kind=UnitKind.PURE, exponent=exponent)
    volume = _VOLUMES.get(token.upper().replace(" ", ""))
    if volume is not None:
        return LabelUnit(kind=UnitKind.OTHER, name=volume[0], exponent=volume[1])
    return None


def _magnitude(word: str) -> int:
    key = word.lower()
    return _MAGNITUDES.get(key, _MAGNITUDES.get(key.rstrip("s"), 0))
