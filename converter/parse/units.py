"""The unit of a row's figures: money, per-share amounts, share counts, ratios or other units.

``classify_row`` reads a row label, then the headings it sits under (innermost first), and
stops at the first text that says something:

* MONETARY for share *capital* lines ("Common stock, $.01 par value; 50,000 shares
  authorized"), which name shares but hold money;
* PURE for ratios ("as a percentage of", "% of revenues", "margin %", "effective tax rate",
  "growth rate", a trailing "%");
* SHARES for share counts ("shares used in computing earnings per share", "weighted average
  shares", "average shares outstanding", "number of shares", "diluted shares");
* PER_SHARE for per-share amounts ("per share", "per common share", "per diluted share",
  "EPS", "earnings per share", "dividends declared per share");
* OTHER with a unit name for non-financial counts and volumes ("kilowatt-hour sales" -> KWh,
  "headcount" -> employees, "number of stores" -> stores, "units sold" -> units).

A heading that names no unit but speaks of money ("Net sales by segment:") ends the search of
headings. Then a unit named in the table title ("Kilowatt-Hour Sales (In Millions of KWHs)")
makes the row OTHER (a count such as "Headcount" only when no heading spoke of money), a title
about per-share amounts and nothing else ("Significant Factors Impacting EPS") PER_SHARE;
otherwise the row is MONETARY.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from converter.model import UnitKind
from converter.parse.unit_tokens import label_unit

_I = re.IGNORECASE
_CAPITAL = re.compile(
    r"\bpar\s+value\b|\bauthori[sz]ed\b|\bpaid[\s-]+in\b|\bstated\s+value\b|\btreasury\s+stock\b"
    r"|\b(?:stockholders|shareholders)['’]?\s+equity\b|\bshares?\s+issued\s+and\b",
    _I,
)
_PURE = re.compile(
    r"%\s*\)?\s*:?\s*$|\(%\)|\bas\s+a\s+(?:%|percent(?:age)?)\s+of\b|\b(?:%|percent(?:age)?)\s+of\b"
    r"|\bmargin\s*(?:%|percent(?:age)?|rate|ratio)|%\s+margin\b|\b(?:tax|growth|utili[sz]ation|payout)\s+rates?\b"
    r"|\bratio\b|\breturn\s+on\b|\bbasis\s+points\b|\bbps\b|\bpercentage\s+points\b"
    r"|\b(?:average|avg\.?|annuali[sz]ed|effective|dividend|portfolio)\s+(?:annuali[sz]ed\s+)?(?:yield|cost)\b|^yields?\b",
    _I,
)
# An exchange rate is a ratio, unless the label speaks of money ("Effect of exchange rate changes on cash").
_RATE = re.compile(r"\b(?:foreign\s+)?(?:currency\s+)?exchange\s+rates?\b(?!\s+(?:changes?|fluctuations?|movements?|effects?|impacts?))", _I)
_PERCENT_WORDS = re.compile(
    r"%|\bpercent(?:age)?\b|\brates?\b|\byields?\b|\bmargin\b|\breturn\s+on\b|\bcost\b|\bgrowth\b", _I
)
_UNIT_RATIOS = re.compile(r"\bratio\b|\bcoverage\b|\bmultiple\b|\btimes\b", _I)
_SHARES = re.compile(
    r"\bshares\s+used\b|\bweighted[\s-]+average\b(?:\s+[\w-]+){0,4}?\s+shares\b|\baverage\s+shares\b"
    r"|\baverage\s+(?:number\s+of\s+)?(?:common\s+|ordinary\s+)?shares\b|\bshares\s+outstanding\b"
    r"|\bnumber\s+of\s+(?:common\s+|ordinary\s+)?shares\b|\bshare\s+count\b"
    r"|\b(?:basic|diluted|dilutive)\s+(?:common\s+)?shares\b"
    r"|\bcommon\s+shares\s+(?:used|outstanding)\b|\bshares\s*\((?:in\s+)?(?:thousands|millions)\)",
    _I,
)
_PER_SHARE = re.compile(
    r"\bper[\s-]+(?:(?:basic|diluted|common|ordinary|weighted)\s+)*(?:share|ads|adr)s?\b"
    r"|\bper\s+(?:limited\s+partner(?:ship)?\s+)?unit\b|\beps\b|\bearnings\s+per\b|\bloss\s+per\b",
    _I,
)
_MONEY_WORDS = re.compile(
    r"\b(?:revenues?|sales|income|costs?|expenses?|profit|cash|price|fees?|margin|ebitda|dollars?"
    r"|amounts?|compensation|benefits?|payments?|per|spend(?:ing)?|capital|value"
    r"|assets?|liabilit(?:y|ies)|equity|debt|borrowings?|earnings|loss(?:es)?|tax(?:es)?|interest|dividends?"
    r"|receivables?|payables?|inventor(?:y|ies)|commissions?|proceeds|expenditures?|investments?|deposits?"
    r"|balances?|goodwill|provisions?|charges?|reserves?|allowances?|funds?|financing|premiums?)\b|[$€£¥]",
    _I,
)
_ACCOUNTS = (
    r"\b(?:funded|active|open|new|client|customer|brokerage|total)\s+accounts\b"
    r"|\bnumber\s+of\s+(?:\w+\s+)?accounts\b"
)
_DAYS = (
    r"\b(?:trading|business|selling|calendar|working)\s+days\b|\bnumber\s+of\s+days\b"
    r"|\bdays\s+(?:sales|payables?|inventory|in\s+inventory)\b"
)
# (pattern, unit name, strong): strong units hold whatever money words the label also has.
_OTHER_UNITS: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (re.compile(pattern, _I), name, strong)
    for pattern, name, strong in (
        (r"\bkilowatt[\s-]*hours?\b|\bkwhs?\b", "KWh", True),
        (r"\bmegawatt[\s-]*hours?\b|\bmwhs?\b", "MWh", True),
        (r"\bgigawatt[\s-]*hours?\b|\bgwhs?\b", "GWh", True),
        (r"\bheadcount\b|\bnumber\s+of\s+employees\b|\bemployees\b", "employees", False),
        (r"\bsquare\s+(?:feet|foot|footage)\b|\bsq\.?\s*ft\b", "sqft", True),
        (r"\bbarrels\b|\bboe\b|\bbbls?\b", "barrels", True),
        (r"\b(?:metric\s+)?(?:tons|tonnes)\b", "tons", True),
        (r"\b(?:number\s+of\s+)?(?:stores|restaurants)\b|\bstore\s+count\b", "stores", False),
        (r"\b(?:number\s+of\s+)?(?:customers|subscribers)\b", "customers", False),
        (r"\btrades\b", "trades", True),
        (_ACCOUNTS, "accounts", False),
        (_DAYS, "days", True),
        (r"\bunits?\s+(?:sold|shipped)\b|\bunit\s+(?:sales|shipments|volume)\b|\bcpu\s+units\b|\(units\)", "units", True),
    )
)


def classify_row(label: str, headings: Sequence[str], title: str) -> tuple[UnitKind, str | None]:
    """The kind of unit of a row's figures.

    Args:
        label: The row label (footnote markers may remain).
        headings: Labels of the headings the row sits under, innermost first.
        title: The table's title (statement title and caption lines).

    Returns:
        The unit kind, and for OTHER a unit name ("KWh", "employees", "stores").
    """
    found = _classify_text(label)
    if found is not None:
        return found
    money = False
    for heading in headings:
        found = _classify_text(heading)
        if found is not None:
            return found
        if _MONEY_WORDS.search(heading):  # "Net sales by reportable segment:" holds money
            money = True
            break
    name = other_unit(title, strong_only=True) or (None if money else other_unit(title))
    if name is not None:
        return UnitKind.OTHER, name
    if not money and _PER_SHARE.search(title) and not names_money(_PER_SHARE.sub(" ", title)):
        return UnitKind.PER_SHARE, None  # "Significant Factors Impacting EPS"
    return UnitKind.MONETARY, None


@lru_cache(maxsize=4096)
def _classify_text(text: str) -> tuple[UnitKind, str | None] | None:
    """What one label or heading says about the unit, or None when it says nothing.

    Cached, as ``other_unit``: the same labels, headings and titles come back row after row.
    """
    if not text.strip():
        return None
    printed = label_unit(text)
    if printed is not None:
        return printed.kind, printed.name
    if _CAPITAL.search(text):
        return UnitKind.MONETARY, None
    strong = other_unit(text, strong_only=True)
    if strong is not None:
        return UnitKind.OTHER, strong
    if _PURE.search(text) or (_RATE.search(text) and not names_money(_RATE.sub(" ", text))):
        return UnitKind.PURE, None
    if _SHARES.search(text):
        return UnitKind.SHARES, None
    if _PER_SHARE.search(text):
        return UnitKind.PER_SHARE, None
    name = other_unit(text, strong_only=False)
    if name is not None:
        return UnitKind.OTHER, name
    return None


def names_money(text: str) -> bool:
    """Whether a label or heading speaks of money ("Net sales", "Average balance", "$")."""
    return _MONEY_WORDS.search(text) is not None


def ratio_exponent(label: str, headings: Sequence[str] = ()) -> int:
    """The power of ten of a ratio row's bare figures, as its label (or headings) tell.

    "%" or a rate, yield, margin or return prints percentages (-2), "basis points" -4,
    "percentage points" -2; ratios, coverages and exchange rates are printed as they are (0).

    Args:
        label: The row label.
        headings: The headings it sits under, innermost first.

    Returns:
        -4, -2 or 0.
    """
    for text in (label, *headings):
        printed = label_unit(text)
        if printed is not None and printed.kind is UnitKind.PURE and printed.exponent is not None:
            return printed.exponent
        if re.search(r"\bbasis\s+points\b|\bbps\b", text, _I):
            return -4
        if _RATE.search(text) or _UNIT_RATIOS.search(text):
            return 0
        if _PERCENT_WORDS.search(text):
            return -2
    return 0


@lru_cache(maxsize=4096)
def other_unit(text: str, *, strong_only: bool = False) -> str | None:
    """The non-financial unit a text names ("Kilowatt-Hour Sales" -> ``KWh``), if any.

    Args:
        text: A label, heading or title.
        strong_only: Only units that no money word can override (kWh, square feet, units sold);
            otherwise also counts such as "employees" or "stores" in texts without money words.

    Returns:
        The unit name, or None.
    """
    money = _MONEY_WORDS.search(text) is not None
    for pattern, name, strong in _OTHER_UNITS:
        if pattern.search(text) and (strong or (not strong_only and not money)):
            return name
    return None
