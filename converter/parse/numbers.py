"""Printed figures: ``"$  24,392"``, ``"(2,242)"``, ``"--"``, ``"(.11)"``, ``"-30.1%"`` -> ``Number``.

``parse_number`` reads the text of one table cell as printed in a release and returns the
figure it shows, signed as printed, in the printed scale (no thousands/millions applied):

* currency signs and codes (``$``, ``€``, ``£``, ``¥``, ``₹``, ``US$``, ``C$``, ``USD``...) are
  dropped; so are thousands separators (groups of three only) and spaces around signs;
* parentheses mean negative, also when one of them was split off into another cell
  (``"(1,214"`` and ``"1,214)"``); a leading ``-``, ``−`` (minus sign) or ``–`` (en dash) too;
* a trailing ``%`` sets ``percent``; ``pts``/``bps``/``x`` are kept in ``suffix``;
* footnote markers after the figure (``(a)``, ``(1)``, ``[2]``, ``*``, ``†``) go to ``footnote``;
* a dash alone (``-``, ``--``, ``—``, ``–``) is a nil figure: ``amount`` is None;
* anything else (words, ``n/m``, ``1,2,3``, ``12.3.4``, ``((5))``, > 30 digits) is None.

It never raises and never uses floats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

MAX_DIGITS = 30
_MAX_TEXT = 120

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_MINUSES = "-\u2212\u2013\u2012\u2010\u2011\ufe63\uff0d"  # hyphen, minus, en dash, figure dash...
_NIL = re.compile(r"^(?:[-\u2212\u2013\u2014\u2015\u2012\u2010\u2011\ufe63\uff0d_]\s*){1,5}$")
_ZERO_DASHED = re.compile(r"^-\s*0\s*-$")
_CURRENCY = re.compile(
    r"(?:(?<![A-Za-z])(?:US|USD|CDN|CA|NZ|HK|NT|RM|R|C|A|S)\$"
    r"|[$€£¥₹₩]"
    r"|(?<![A-Za-z])(?:USD|EUR|GBP|JPY|CAD|AUD|CHF|CNY|RMB|HKD|INR|SEK|NOK|DKK|BRL|MXN|KRW|SGD|NZD)"
    r"(?![A-Za-z]))"
)
_FOOTNOTE = re.compile(
    r"(?:\s*\(\s*([a-z]|[ivx]{1,4}|\d{1,2}|\*{1,3})\s*\)"  # (a) (iv) (1) (*)
    r"|\s*\[\s*(\w{1,3})\s*\]"  # [1]
    r"|\s*(\*{1,3}|[†‡§¶]{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}))$",  # * † ¹
    re.IGNORECASE,
)
_SUFFIX = re.compile(
    r"\s*(%|pts?\.?|ppts?\.?|points?|bps|bp|basis points|x)$",
    re.IGNORECASE,
)
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_CORE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$", re.ASCII)
_SUFFIX_NAMES = {"pt": "pts", "ppt": "pts", "ppts": "pts", "point": "pts", "points": "pts"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Number:
    """A figure as printed in a cell.

    Attributes:
        amount: The value, signed as printed, in the printed scale; None for a nil dash.
        percent: The figure was printed with a ``%`` sign.
        places: Digits printed after the decimal point (``0.76`` -> 2, ``24,392`` -> 0).
        footnote: A footnote marker printed after the figure (``a`` for ``1,234 (a)``).
        suffix: Another unit suffix printed after the figure: ``pts``, ``bps`` or ``x``.
    """

    amount: Decimal | None
    percent: bool = False
    places: int = 0
    footnote: str | None = None
    suffix: str | None = None

    @property
    def is_nil(self) -> bool:
        """True for a dash printed instead of a figure."""
        return self.amount is None


def parse_number(text: str) -> Number | None:
    """Read the figure printed in a cell.

    Args:
        text: The cell text as printed (``"$ (1,214)"``, ``"12.5%"``, ``"—"``).

    Returns:
        The figure, or None when the text is not a number (words, ``n/m``, garbage).
    """
    if not isinstance(text, str) or len(text) > _MAX_TEXT:
        return None
    return _parse(text)


@lru_cache(maxsize=4096)
def _parse(text: str) -> Number | None:
    """``parse_number`` of a short string (cached: "$", dashes and many figures recur)."""
    body = _SPACES.sub(" ", text).strip()
    body, footnote = _strip_footnotes(body)
    if not body:
        return None
    body = _CURRENCY.sub(" ", body).strip()
    body, suffix = _strip_suffix(body)
    if body.startswith("(") and body.endswith(")"):
        inner, inner_suffix = _strip_suffix(body[1:-1].strip())  # "(3%)"
        if inner_suffix is not None:
            if suffix is not None:
                return None
            body, suffix = f"({inner})", inner_suffix
    percent = suffix == "%"
    extra = None if suffix in (None, "%") else suffix
    if _NIL.match(body) or body in ("", "()"):
        if not body and suffix is None and footnote is None:
            return None
        return Number(amount=None, percent=percent, footnote=footnote, suffix=extra)
    if _ZERO_DASHED.match(body):
        return Number(amount=Decimal(0), percent=percent, footnote=footnote, suffix=extra)
    parsed = _signed_amount(body)
    if parsed is None:
        return None
    amount, places = parsed
    return Number(amount=amount, percent=percent, places=places, footnote=footnote, suffix=extra)


def decimals_for(number: Number, scale_exponent: int) -> int:
    """XBRL ``decimals`` of a printed figure once multiplied by ``10 ** scale_exponent``.

    Printed places minus the scale: ``24,392`` in thousands -> -3, ``0.76`` unscaled -> 2,
    ``1.5`` in millions -> -5. For a percentage stored as a ratio pass ``-2`` (``12.5%`` -> 3).

    Args:
        number: The printed figure.
        scale_exponent: Power of ten the printed figure is multiplied by.

    Returns:
        The ``decimals`` attribute value.
    """
    return number.places - scale_exponent


def scaled(number: Number, scale_exponent: int) -> Decimal | None:
    """The figure times ``10 ** scale_exponent`` (None for a nil figure)."""
    if number.amount is None:
        return None
    sign, digits, exponent = number.amount.as_tuple()
    return Decimal((sign, digits, int(exponent) + scale_exponent))  # exact: scaleb rounds to 28 digits


def _strip_footnotes(body: str) -> tuple[str, str | None]:
    """Drop footnote markers printed after a figure; return the rest and the first marker."""
    marks: list[str] = []
    for _ in range(2):
        match = _FOOTNOTE.search(body)
        if match is None:
            break
        rest = body[: match.start()].rstrip()
        if not _has_figure(rest):
            break
        marks.insert(0, next(g for g in match.groups() if g).translate(_SUPERSCRIPTS))
        body = rest
    return body, (marks[0] if marks else None)


def _has_figure(text: str) -> bool:
    """True when ``text`` holds a digit or is a nil dash (so a marker may follow it)."""
    if any(ch.isdigit() for ch in text):
        return True
    bare = _CURRENCY.sub("", text).strip()
    return bool(bare) and bool(_NIL.match(bare))


def _strip_suffix(body: str) -> tuple[str, str | None]:
    """Split a trailing ``%``/``pts``/``bps``/``x`` (before or after a closing parenthesis)."""
    closing = body.endswith(")")
    core = body[:-1].rstrip() if closing else body
    match = _SUFFIX.search(core)
    if match is None or not _has_figure(core[: match.start()]):
        return body, None
    word = match.group(1).lower().rstrip(".")
    name = "%" if word == "%" else _SUFFIX_NAMES.get(word, "bps" if word.startswith("b") else word)
    rest = core[: match.start()].rstrip()
    return (rest + ")" if closing else rest), name


def _signed_amount(body: str) -> tuple[Decimal, int] | None:
    """Parse sign, parentheses and digits; None when the text is not one figure."""
    if body.count("(") > 1 or body.count(")") > 1:
        return None
    negative = False
    if body.startswith("(") or body.endswith(")"):
        if ("(" in body and not body.startswith("(")) or (")" in body and not body.endswith(")")):
            return None
        negative = True
        body = body.strip("()").strip()
        body = _CURRENCY.sub(" ", body).strip()
    if body[:1] in _MINUSES or body[:1] in "\u2014+":
        if negative and body[:1] != "+":
            return None
        negative = negative or body[:1] != "+"
        body = _CURRENCY.sub(" ", body[1:]).strip()
    match = _CORE.match(body)
    if match is None or not (match.group(1) or match.group(2)):
        return None
    whole = (match.group(1) or "0").replace(",", "")
    fraction = match.group(2) or ""
    if len(whole.lstrip("0")) + len(fraction) > MAX_DIGITS:
        return None
    try:
        amount = Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:
        return None
    if negative and amount:
        amount = amount.copy_negate()  # exact: unary minus rounds to the context's 28 digits
    return amount, len(fraction)
