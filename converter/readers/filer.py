"""What a release says about its filer: company name and release date."""

from __future__ import annotations

import datetime as dt
import re

from converter.labels import unescape_html
from converter.model import InputFormat

_SUFFIX = r"(?:Corporation|Corp\.?|Incorporated|Inc\.?|Company|Co\.|Ltd\.?|Limited|LLC|plc|N\.V\.|S\.A\.|Holdings)"
_COMPANY = re.compile(rf"\b((?:[A-Z][A-Za-z&.,'\-]*\s+){{1,5}}{_SUFFIX})(?![A-Za-z])")
_HEADLINE = re.compile(r"\b([A-Z][A-Za-z&.'\-]+(?: [A-Z][A-Za-z&.'\-]+){0,3}) (?:Reports|Announces|Posts|Delivers)\b")
_NOT_A_NAME = {"the", "our", "this", "its", "such", "each", "a", "an", "for", "immediate", "release", "exhibit"}
# Spaces around the name, not ``\s``: from each of a run of blank lines ``\s*`` would scan the whole run again.
_COMPANY_CAPS = re.compile(r"^[^\S\n]*([A-Z][A-Z&.,'\- ]{2,60}(?:CORPORATION|CORP\.?|INC\.?|COMPANY|CO\.|LTD\.?|LLC|PLC))[^\S\n]*$",
                           re.MULTILINE)
_TAGS = re.compile(r"<[^>]+>")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b({_MONTHS})\s+(\d{{1,2}}),\s+(\d{{4}})\b")


def company_name(text: str, fmt: InputFormat) -> str | None:
    """The company's name: a letterhead line in capitals, else the first name with a legal suffix."""
    plain = unescape_html(_TAGS.sub(" ", text)) if fmt is InputFormat.HTML else text
    head = plain[:20000]
    caps = _COMPANY_CAPS.search(head)
    if caps:
        return _title(caps.group(1).strip().rstrip(","))
    for match in _COMPANY.finditer(head):
        words = re.sub(r"\s+", " ", match.group(1)).strip().rstrip(",").split(" ")
        cut = max((k + 1 for k, w in enumerate(words) if w.lower().strip(",.") in _NOT_A_NAME), default=0)
        words = words[cut:]
        if len(words) >= 2:
            return " ".join(words)
    headline = _HEADLINE.search(head[:5000])
    return headline.group(1) if headline else None


def release_date(text: str, first_table_line: int) -> dt.date | None:
    """The first full date in the release's opening (its dateline): the text before its first
    table, that table's line included (an HTML release may be a few long lines). A date printed
    only below a table (a footnote's "sold on January 4, 2006") dates no release."""
    head = text[:60000]
    if head.count("\n") >= first_table_line:  # cut at the end of the table's line
        head = "\n".join(head.split("\n", first_table_line)[:first_table_line])
    plain = unescape_html(_TAGS.sub(" ", head))
    match = _DATE.search(plain)
    if not match:
        return None
    month, year = _MONTHS.split("|").index(match.group(1)) + 1, int(match.group(3))
    if not 1800 <= year <= 2200:  # as parse.dates: periods counted back from it stay in range
        return None
    try:
        return dt.date(year, month, int(match.group(2)))
    except ValueError:
        return None


def _title(text: str) -> str:
    return " ".join(w if len(w) <= 1 else w[0] + w[1:].lower() for w in text.split())
