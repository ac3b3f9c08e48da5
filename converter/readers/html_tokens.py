"""What a cell's text is: a figure, a nil dash, a figure's split-off prefix/suffix, or text.

Releases print one figure across several cells: ``$`` | ``1,214``; ``(1,214`` | ``)``;
``(3`` | ``%)``. The kinds here let the column builder glue those pieces back together.
"""

from __future__ import annotations

import enum
import re

_UNIT = r"(?:%|pts?\.?|bps?\.?|bp\.?|x)"
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_CUR = r"[$€£¥]"
_NUMBER = re.compile(
    rf"^{_CUR}?\s*\(?\s*{_CUR}?\s*[-+−–]?\s*(?:{_NUM})\s*{_UNIT}?\s*\)?\s*{_UNIT}?$", re.IGNORECASE
)
_NIL = re.compile(rf"^{_CUR}?\s*\(?\s*(?:[-–—−]+|-0-)\s*\)?\s*%?$")
_PREFIX = re.compile(rf"^(?:{_CUR}|\(|{_CUR}\s*\()$")
_SUFFIX = re.compile(rf"^(?=.*[)%a-z])\)?\s*{_UNIT}?\s*\)?\s*%?$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_LETTER_MARK = re.compile(r"(?:\s*\([a-z]\)|\s*\*+|\s*[†‡§]+)\s*$")
_LABEL_TAIL_MARK = re.compile(r"(?:\s*(?:\((?:[a-z]|\d{1,2})\)|\*+|[†‡§]+))+$")
_LABEL_HEAD_MARK = re.compile(r"^\((?:[a-z]|\d{1,2})\)\s+(?=[A-Za-z])")
_CELL_MARK = re.compile(r"^(?:\(?[a-z]\)?|\*+|[†‡§]+)$")
_SPACE_IN = re.compile(r"(?<=\()\s+|\s+(?=[)%])")
_CUR_SPACE = re.compile(rf"^({_CUR})\s*")
_CUR_ALONE = re.compile(rf"^{_CUR}$")
_TAIL = 64  # markers are looked for in the last characters only: a ``$`` search from every start is quadratic


class Kind(enum.Enum):
    """The role of a cell's text in a figure."""

    EMPTY = "empty"
    NUMBER = "number"  # a figure with digits: 1,214 / (18 / 12.5% / $.16 / (231) bp.
    NIL = "nil"  # a dash printed for zero or nothing
    PREFIX = "prefix"  # $ or ( printed in its own cell before the figure
    SUFFIX = "suffix"  # ) or % or %) printed in its own cell after the figure
    TEXT = "text"  # anything else: labels, headers, "NM", "n/a"


def clean_cell(text: str) -> str:
    """Cell text without trailing footnote markers (``)(a)`` -> ``)``, ``12 *`` -> ``12``, ``(c)`` -> ``""``)."""
    text = _strip_tail(_LETTER_MARK, text)
    return "" if _CELL_MARK.match(text) else text


def kind_of(text: str) -> Kind:
    """Classify a cleaned cell text."""
    if not text:
        return Kind.EMPTY
    if _NUMBER.match(text):
        return Kind.NUMBER
    if _NIL.match(text):
        return Kind.NIL
    if _PREFIX.match(text):
        return Kind.PREFIX
    if _SUFFIX.match(text):
        return Kind.SUFFIX
    return Kind.TEXT


def is_currency(text: str) -> bool:
    """A currency sign alone (``$``): a prefix that is no parenthesis."""
    return _CUR_ALONE.match(text) is not None


def is_year(text: str) -> bool:
    """A bare four-digit year such as ``2004`` (a header, not a figure)."""
    return _YEAR.match(text) is not None


def strip_footnote_marks(text: str) -> str:
    """A row label without footnote markers before or after it (``(1)``, ``(a)``, ``*``)."""
    text = _strip_tail(_LABEL_TAIL_MARK, text).strip()
    return _LABEL_HEAD_MARK.sub("", text).strip()


def _strip_tail(pattern: re.Pattern[str], text: str) -> str:
    """``text`` without the matches of the end-anchored ``pattern``, cut off one after another.

    Each search looks at the last ``_TAIL`` characters only, so a cell of ten thousand ``*``
    costs linear time instead of quadratic.
    """
    end = len(text)
    while (match := pattern.search(text, max(0, end - _TAIL), end)) is not None and match.start() < end:
        end = match.start()
    return text[:end]


def figure_text(parts: list[str]) -> str:
    """Glue the pieces of one printed figure: ``["$", "(1,214", ")"]`` -> ``"$ (1,214)"``."""
    text = "".join(parts)
    text = _SPACE_IN.sub("", " ".join(text.split()))
    return _CUR_SPACE.sub(r"\1 ", text)
