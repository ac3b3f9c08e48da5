"""Text of an HTML table cell: styled runs, footnote markers, indentation, borders.

A cell is walked once into ``Run``s (text with bold / size / superscript flags). Footnote
markers (``(1)``, ``(a)``, ``*``) printed raised or in a markedly smaller font are dropped when
the cell text is resolved; the table's dominant font size is the reference for "smaller".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from converter.model import Rule
from converter.readers import html_dom as dom

BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "address", "center",
     "blockquote", "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "hr", "caption", "section"}
)
_ONE_MARK = r"\(?(?:\d{1,2}|[a-z]|[*†‡§]+)\)?"
MARKER = re.compile(rf"^{_ONE_MARK}(?:[,\s]+{_ONE_MARK})*$", re.IGNORECASE)
_SPACE_WIDTHS = {"\xa0": 1, "\u2002": 2, "\u2003": 4, "\u2009": 1, "\u2007": 2}
_WS = re.compile(r"[\s\xa0\u2000-\u200b\u202f\u205f\u3000]+")
_NBSP_PT = 2.5
_STYLED_TAGS = frozenset({"b", "strong", "font", "sup"})
_SMALL = 0.8


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with the style it is printed in."""

    text: str
    bold: bool
    size: float
    raised: bool


@dataclass(frozen=True, slots=True)
class CellText:
    """What a cell prints, before footnote markers are resolved.

    Attributes:
        runs: The text runs in order (block breaks are runs of one newline).
        indent: Left offset of the first text line in points (styles only).
        top: Rule drawn by the cell (or a block inside it) on its top edge.
        bottom: Rule drawn on its bottom edge.
    """

    runs: tuple[Run, ...]
    indent: float
    top: Rule
    bottom: Rule


@dataclass(frozen=True, slots=True)
class Resolved:
    """A cell's text with markers removed and whitespace normalised."""

    text: str
    bold: bool
    indent: float


class _Walk:
    """Accumulates runs, the first-line offset and borders while walking a cell."""

    def __init__(self) -> None:
        self.runs: list[Run] = []
        self.indent: float | None = None
        self.top = Rule.NONE
        self.bottom = Rule.NONE

    def add(self, text: str | None, bold: bool, size: float, raised: bool, offset: float) -> None:
        if not text:
            return
        if self.indent is None and _WS.sub("", text):
            self.indent = offset
        self.runs.append(Run(text, bold, size, raised))


def read_cell(cell: etree._Element, inherited_size: float = 10.0) -> CellText:
    """Walk a ``<td>``/``<th>`` (nested tables excluded) into a ``CellText``."""
    walk = _Walk()
    stack: list[_Ctx] = [_Ctx(False, inherited_size, False, 0.0)]
    walker = etree.iterwalk(cell, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            ctx = _enter(el, stack[-1], walk)
            stack.append(ctx)
            if ctx.skip:
                walker.skip_subtree()
                continue
            if el.tag in BLOCK_TAGS:
                walk.add("\n", False, ctx.size, False, ctx.offset)
            walk.add(el.text, ctx.bold, ctx.size, ctx.raised, ctx.offset)
            continue
        ctx = stack.pop()
        if not ctx.skip and el.tag in BLOCK_TAGS:
            walk.add("\n", False, ctx.size, False, ctx.offset)
        if el is not cell:
            parent = stack[-1]
            walk.add(el.tail, parent.bold, parent.size, parent.raised, parent.offset)
    return CellText(tuple(walk.runs), walk.indent or 0.0, walk.top, walk.bottom)


@dataclass(frozen=True, slots=True)
class _Ctx:
    """Inherited text style at one element of the walk."""

    bold: bool
    size: float
    raised: bool
    offset: float
    skip: bool = False


def _enter(el: etree._Element, parent: _Ctx, walk: _Walk) -> _Ctx:
    """The style context inside ``el``; ``skip`` for hidden, non-text and nested-table content."""
    if not isinstance(el.tag, str) or el.tag in dom.SKIPPED_TAGS or el.tag == "table":
        return _Ctx(parent.bold, parent.size, parent.raised, parent.offset, True)
    if el.get("style") is None and el.tag not in _STYLED_TAGS:
        return parent
    style = dom.style_of(el)
    if dom.is_hidden(style):
        return _Ctx(parent.bold, parent.size, parent.raised, parent.offset, True)
    walk.top = max(walk.top, dom.border_rule(style, "top"), key=lambda r: r.value)
    walk.bottom = max(walk.bottom, dom.border_rule(style, "bottom"), key=lambda r: r.value)
    return _Ctx(
        dom.is_bold(el, style, parent.bold),
        dom.font_size_pt(el, style, parent.size),
        parent.raised or dom.is_superscript(el, style),
        parent.offset + dom.box_left(style),
    )


def dominant_size(cells: Iterable[CellText]) -> float:
    """The font size most characters of digits are printed in (10pt when there are none)."""
    counts: Counter[float] = Counter()
    for cell in cells:
        for run in cell.runs:
            digits = sum(ch.isdigit() for ch in run.text)
            if digits and not run.raised:
                counts[round(run.size, 2)] += digits
    return counts.most_common(1)[0][0] if counts else 10.0


def resolve(cell: CellText, reference: float) -> Resolved:
    """Cell text without footnote markers, whitespace collapsed; plus bold and indent (pt)."""
    kept = [run for run in cell.runs if not _is_marker(run, reference)]
    raw = "".join(run.text for run in kept)
    lead = _leading_spaces(raw)
    text = normalise(raw)
    inked = [run for run in kept if _WS.sub("", run.text)]
    bold = bool(inked) and all(run.bold for run in inked)
    return Resolved(text, bold, cell.indent + lead * _NBSP_PT)


def _is_marker(run: Run, reference: float) -> bool:
    """A raised or small run that reads like a footnote reference."""
    stripped = normalise(run.text)
    if not stripped or MARKER.match(stripped) is None:
        return False
    return run.raised or run.size < reference * _SMALL


def _leading_spaces(raw: str) -> int:
    """Width (in non-breaking spaces) of hard spaces before the first printed character."""
    width = 0
    for ch in raw:
        if ch == "\n":  # a block break: spaces before it are in another paragraph
            width = 0
        elif ch in _SPACE_WIDTHS:
            width += _SPACE_WIDTHS[ch]
        elif not ch.isspace():
            break
    return width


def normalise(text: str) -> str:
    """Non-breaking and other odd spaces to one plain space; trimmed."""
    return _WS.sub(" ", text).strip()
