"""Scale captions: "(In thousands, except per share amounts)" -> ``Scale(monetary=3, shares=3)``.

``parse_scale_info`` reads the caption lines of one table (its title and header texts -- never
narrative) and finds:

* the monetary scale: "in thousands", "($ in millions", "Dollars in millions", "Millions of
  dollars", "(thousands)", "$000s", "€m", "in billions" (3, 6, 9);
* the share scale: the monetary one, unless the caption excepts share amounts ("except share
  and per share amounts" -> 0) or scales them separately ("number of shares, which are
  reflected in thousands", "shares in thousands" -> 3); per-share amounts are never scaled;
* a non-monetary unit with its scale ("In Millions of KWHs" -> ``KWh``, 6), which is not a
  monetary scale;
* the currency: ISO code from symbols and names in the caption ("C$", "€", "in thousands of
  Canadian dollars", "RMB"); USD by default.

``parse_scale`` returns just the ``Scale``. ``row_scale`` reads a scale printed in a row label
("Average Shares Outstanding (in millions)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from converter.model import Scale
from converter.parse.units import other_unit

_I = re.IGNORECASE
_EXPONENTS = {"thousand": 3, "million": 6, "billion": 9, "000": 3, "k": 3, "m": 6, "mm": 6, "mn": 6, "bn": 9, "b": 9}
_MAG = r"(thousands?|millions?|billions?)"
_CURRENCY_WORD = (
    r"(?:(?:u\.?\s?s\.?|us|canadian|australian|hong\s+kong|new\s+zealand|singapore|new\s+taiwan)\s+)?"
    r"(?:dollars?|euros?|yen|pounds(?:\s+sterling)?|sterling|francs?|pesos?|reais|rupees?|renminbi|yuan|kronor)\b"
)
_SHARE_CLAUSE = re.compile(
    rf"(?<!per\s)(?<!per-)\bshares?\b(?:\s+(?:amounts?|data|counts?))?[^()]{{0,40}}?"
    rf"\b(?:in|reflected\s+in|are\s+in|expressed\s+in|stated\s+in)\s+{_MAG}"
    rf"|\b{_MAG}\s+of\s+shares\b",
    _I,
)
_OTHER_CLAUSE = re.compile(rf"\b{_MAG}\s+of\s+((?:[a-z][\w.-]*)(?:\s+[a-z][\w-]*)?)", _I)
_MONETARY: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, _I)
    for p in (
        rf"\bin\s+(?:(?:u\.?s\.?\s*)?(?:[a-z]{{3}}|[$€£¥])\s*)?{_MAG}\b",  # in millions / in EUR millions
        rf"\b{_MAG}\s+of\s+{_CURRENCY_WORD}",  # Millions of dollars
        rf"\(\s*{_MAG}\s*[,)]",  # (Millions), (millions, except earnings per common share)
        r"[$€£¥]\s*'?(000|k|m|mm|mn|bn|b)'?s?\b",  # $000s, €m, $bn
        rf"[$€£¥]\s*{_MAG}\b",  # ($ millions, except per share data)
        r"\(\s*(?:in\s+)?(000)'?s?\s*\)|\b(000)'?s\s+omitted\b",  # (000s), 000's omitted
    )
)
_EXCEPT = re.compile(r"\bexcept(?:ing)?\b([^()]*)", _I)
_PER_SHARE = re.compile(r"\bper[\s-]+(?:\w+\s+)?shares?\b", _I)
_CURRENCIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, _I), code)
    for p, code in (
        (r"\bus\$|\bu\.\s?s\.\s+dollars?|\busd\b|\bus\s+dollars?", "USD"),
        (r"\bc\$|\bcdn\$?|\bcanadian\s+dollars?|\bcad\b", "CAD"),
        (r"\ba\$|\baustralian\s+dollars?|\baud\b", "AUD"),
        (r"\bhk\$|\bhong\s+kong\s+dollars?|\bhkd\b", "HKD"),
        (r"\bnz\$|\bnew\s+zealand\s+dollars?|\bnzd\b", "NZD"),
        (r"\bs\$|\bsingapore\s+dollars?|\bsgd\b", "SGD"),
        (r"\bnt\$|\bnew\s+taiwan\s+dollars?|\btwd\b", "TWD"),
        (r"\br\$|\breais\b|\bbrl\b", "BRL"),
        (r"€|\beuros?\b|\beur\b", "EUR"),
        (r"£|\bpounds?\s+sterling\b|\bsterling\b|\bgbp\b|\bbritish\s+pounds?\b", "GBP"),
        (r"\brmb\b|\brenminbi\b|\byuan\b|\bcny\b", "CNY"),
        (r"¥|\byen\b|\bjpy\b", "JPY"),
        (r"₹|\brupees?\b|\binr\b", "INR"),
        (r"\bswiss\s+francs?\b|\bchf\b", "CHF"),
        (r"\bmexican\s+pesos?\b|\bmxn\b", "MXN"),
        (r"₩|\bkrw\b", "KRW"),
        (r"\bsek\b|\bswedish\s+kronor\b", "SEK"),
    )
)
_ROW_SCALE = re.compile(
    rf"\(\s*(?:in\s+)?(?:[$€£¥]\s*)?{_MAG}(?:\s+of\s+[^)]*)?\s*\)|\bin\s+{_MAG}\b|\(\s*(?:in\s+)?[$]?(000)'?s?\s*\)",
    _I,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ScaleInfo:
    """What a table's captions say about scale.

    Attributes:
        scale: Monetary and share scales and the currency.
        other_unit: A non-monetary unit the caption names ("KWh" for "In Millions of KWHs").
        other_exponent: The scale of figures in ``other_unit`` (6 for "In Millions of KWHs").
        money: The captions speak of money: a monetary scale or a currency.
    """

    scale: Scale
    other_unit: str | None = None
    other_exponent: int = 0
    money: bool = False


@dataclass(slots=True)
class _Found:
    monetary: int | None = None
    shares: int | None = None
    exempt: bool = False
    other: tuple[str, int] | None = None
    currency: str | None = None


def parse_scale(lines: Sequence[str]) -> Scale | None:
    """The scale a table's captions state.

    Args:
        lines: The table's title lines and header texts.

    Returns:
        The scale, or None when the captions state none (the caller's default applies).
    """
    info = parse_scale_info(lines)
    return None if info is None else info.scale


def parse_scale_info(lines: Sequence[str]) -> ScaleInfo | None:
    """The scale, currency and any non-monetary unit a table's captions state.

    Args:
        lines: The table's title lines and header texts.

    Returns:
        What was found, or None when the captions state no scale, unit or currency.
    """
    found = _Found()
    for line in lines:
        _read_line(" ".join(line.split()), found)
    if found.monetary is None and found.shares is None and found.other is None and found.currency is None:
        return None
    monetary = found.monetary or 0
    if found.shares is not None:
        shares = found.shares
    else:
        shares = 0 if found.exempt else monetary
    scale = Scale(monetary=monetary, shares=shares, currency=found.currency or "USD")
    name, exponent = found.other if found.other is not None else (None, 0)
    money = found.monetary is not None or found.currency is not None
    return ScaleInfo(scale=scale, other_unit=name, other_exponent=exponent, money=money)


def _read_line(line: str, found: _Found) -> None:
    """Add what one caption line says to ``found`` (earlier lines win)."""
    rest = line
    said = False
    for m in _SHARE_CLAUSE.finditer(line):
        exponent = _exponent(m.group(1) or m.group(2))
        if found.shares is None:
            found.shares = exponent
        if re.search(rf"(?:dollars|amounts|[$€£¥])\s+and\s+shares?\s+in\s+{_MAG}", line, _I) and found.monetary is None:
            found.monetary = exponent
        rest, said = rest.replace(m.group(0), " "), True
    for m in _OTHER_CLAUSE.finditer(rest):
        if re.match(rf"{_CURRENCY_WORD}|(?:the|which|its|our|shares?)\b", m.group(2), _I):
            continue
        name = other_unit(m.group(2), strong_only=True) or m.group(2).split()[0].lower()
        if found.other is None:
            found.other = (name, _exponent(m.group(1)))
        rest, said = rest.replace(m.group(0), " "), True
    monetary = _monetary(rest)
    if monetary is not None:
        said = True
        if found.monetary is None:
            found.monetary = monetary
    if _excepts_shares(line):
        found.exempt = True
    currency = _currency(line if said else " ".join(re.findall(r"\([^()]*\)", line)))
    if currency is not None and found.currency is None:
        found.currency = currency


def _monetary(text: str) -> int | None:
    """The monetary exponent of the earliest scale phrase in ``text``."""
    hits = [(m.start(), next(g for g in m.groups() if g)) for p in _MONETARY for m in p.finditer(text)]
    return _exponent(min(hits)[1]) if hits else None


def _excepts_shares(line: str) -> bool:
    """True for "except share and per share amounts" (share counts unscaled)."""
    m = _EXCEPT.search(line)
    return m is not None and re.search(r"\bshares?\b", _PER_SHARE.sub(" ", m.group(1)), _I) is not None


def _currency(text: str) -> str | None:
    for pattern, code in _CURRENCIES:
        if pattern.search(text):
            return code
    return None


def _exponent(word: str) -> int:
    key = word.lower().strip("'s")
    return _EXPONENTS.get(key, _EXPONENTS.get(key.rstrip("s"), 0))


def row_scale(label: str) -> int | None:
    """The scale a row label prints for its own figures.

    Args:
        label: A row label or heading ("Average Shares Outstanding (in millions)").

    Returns:
        3, 6 or 9, or None when the label prints no scale.
    """
    m = _ROW_SCALE.search(label)
    if m is None:
        return None
    return _exponent(next(g for g in m.groups() if g))


_POWERS = {0: "units", 3: "thousands", 6: "millions", 9: "billions"}


def scale_words(power: int) -> str:
    """A power of ten in words, as a scale reads: 6 -> "millions"."""
    return _POWERS.get(power, f"10^{power}")
