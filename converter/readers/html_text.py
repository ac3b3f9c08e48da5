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
from typing import NamedTuple, TypeVar

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
_INK = re.compile(r"[^\s\xa0\u2000-\u200b\u202f\u205f\u3000]")  # a character _WS does not match
_NBSP_PT = 2.5
_STYLED_TAGS = frozenset({"b", "strong", "font", "sup"})
_SMALL = 0.8
_T = TypeVar("_T")
_EFFECTS_MAX = 4096
_NO_RULE = Rule.NONE.value


class Run(NamedTuple):
    """A piece of text with the style it is printed in.

    A NamedTuple rather than a frozen dataclass: a large release has tens of thousands of runs,
    and a tuple is built several times faster.
    """

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
        top: Rule value (0-2) drawn by the cell (or a block inside it) on its top edge.
        bottom: Rule value (0-2) drawn on its bottom edge.
    """

    runs: tuple[Run, ...]
    indent: float
    top: int
    bottom: int


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
        self.top = _NO_RULE
        self.bottom = _NO_RULE

    def add(self, text: str | None, bold: bool, size: float, raised: bool, offset: float) -> None:
        if not text:
            return
        if self.indent is None and _INK.search(text):
            self.indent = offset
        self.runs.append(Run(text, bold, size, raised))


def read_cell(cell: etree._Element, inherited_size: float = 10.0) -> CellText:
    """Walk a ``<td>``/``<th>`` (nested tables excluded) into a ``CellText``."""
    walk = _Walk()
    ctx = _enter(cell, _Ctx(False, inherited_size, False, 0.0), walk)
    if not ctx.skip:
        _walk_inside(cell, ctx, walk)
    return CellText(tuple(walk.runs), walk.indent or 0.0, walk.top, walk.bottom)


def _walk_inside(el: etree._Element, ctx: _Ctx, walk: _Walk) -> None:
    """Add the text of ``el`` (printed in ``ctx``), its children and their tails to ``walk``.

    Recursive: libxml2 stops parsing HTML nested deeper than 256 elements, far below Python's
    recursion limit.
    """
    block = el.tag in BLOCK_TAGS
    if block:
        walk.add("\n", False, ctx.size, False, ctx.offset)
    if el.text:
        walk.add(el.text, ctx.bold, ctx.size, ctx.raised, ctx.offset)
    for child in el:
        inner = _enter(child, ctx, walk)
        if not inner.skip:
            _walk_inside(child, inner, walk)
        if child.tail:
            walk.add(child.tail, ctx.bold, ctx.size, ctx.raised, ctx.offset)
    if block:
        walk.add("\n", False, ctx.size, False, ctx.offset)


class _Ctx(NamedTuple):
    """Inherited text style at one element of the walk (a NamedTuple, as ``Run``)."""

    bold: bool
    size: float
    raised: bool
    offset: float
    skip: bool = False


_SKIP = _Ctx(False, 0.0, False, 0.0, True)  # hidden, non-text or nested-table content


@dataclass(frozen=True, slots=True)
class _Effect:
    """What an element's tag and attributes do to the style inside it (None: inherited)."""

    hidden: bool
    top: int
    bottom: int
    bold: bool | None
    size: float | None
    raised: bool
    left: float


_EFFECTS: dict[tuple[str, str | None, str | None], _Effect] = {}


def hides(el: etree._Element) -> bool:
    """Whether the inline style of ``el`` hides it (cached like the styles of a cell walk)."""
    style = el.get("style")
    return style is not None and isinstance(el.tag, str) and _effect(el, el.tag, style).hidden


def _enter(el: etree._Element, parent: _Ctx, walk: _Walk) -> _Ctx:
    """The style context inside ``el``; ``skip`` for hidden, non-text and nested-table content."""
    tag = el.tag
    if not isinstance(tag, str) or tag in dom.SKIPPED_TAGS or tag == "table":
        return _SKIP
    style = el.get("style")
    if style is None and tag not in _STYLED_TAGS:
        return parent
    effect = _effect(el, tag, style)
    if effect.hidden:
        return _SKIP
    walk.top = max(walk.top, effect.top)
    walk.bottom = max(walk.bottom, effect.bottom)
    return _Ctx(
        parent.bold if effect.bold is None else effect.bold,
        parent.size if effect.size is None else effect.size,
        parent.raised or effect.raised,
        parent.offset + effect.left,
    )


def _effect(el: etree._Element, tag: str, style: str | None) -> _Effect:
    """The ``_Effect`` of ``el``, computed once per distinct tag, ``style`` and ``<font size>``.

    The ``html_dom`` style rules read nothing else of an element, and a release repeats the
    same few styles on thousands of cells.
    """
    key = (tag, style, el.get("size") if tag == "font" else None)
    found = _EFFECTS.get(key)
    if found is None:
        if len(_EFFECTS) >= _EFFECTS_MAX:
            _EFFECTS.clear()
        found = _EFFECTS[key] = _compute_effect(el)
    return found


def _compute_effect(el: etree._Element) -> _Effect:
    style = dom.style_of(el)
    return _Effect(
        hidden=dom.is_hidden(style),
        top=dom.border_rule(style, "top").value,
        bottom=dom.border_rule(style, "bottom").value,
        bold=_override(dom.is_bold(el, style, False), dom.is_bold(el, style, True)),
        size=_override(dom.font_size_pt(el, style, -1.0), dom.font_size_pt(el, style, -2.0)),
        raised=dom.is_superscript(el, style),
        left=dom.box_left(style),
    )


def _override(when_a: _T, when_b: _T) -> _T | None:
    """What a style sets whatever it inherits (same result for two inherited values), else None."""
    return when_a if when_a == when_b else None


def dominant_size(cells: Iterable[CellText]) -> float:
    """The font size most characters of digits are printed in (10pt when there are none)."""
    # A CellText shared by many cells (``build_grid`` reads identical cells once) is counted
    # once, times the number of cells: same counts, same first-seen order of sizes.
    every = list(cells)
    times = Counter(map(id, every))
    distinct = {id(cell): cell for cell in every}  # keys stay in first-seen order
    counts: Counter[float] = Counter()
    for cell in distinct.values():
        for run in cell.runs:
            if run.raised:
                continue
            digits = sum(map(str.isdigit, run.text))
            if digits:
                counts[round(run.size, 2)] += digits * times[id(cell)]
    return counts.most_common(1)[0][0] if counts else 10.0


def resolve(cell: CellText, reference: float) -> Resolved:
    """Cell text without footnote markers, whitespace collapsed; plus bold and indent (pt)."""
    small = reference * _SMALL
    kept = [run for run in cell.runs if not ((run.raised or run.size < small) and _reads_as_marker(run.text))]
    raw = "".join([run.text for run in kept])
    lead = _leading_spaces(raw)
    text = plain_spaces(raw)
    # Bold when every run with ink is bold; there is ink exactly when the normalised text is not empty.
    bold = bool(text) and all(run.bold or not _INK.search(run.text) for run in kept)
    return Resolved(text, bold, cell.indent + lead * _NBSP_PT)


def _reads_as_marker(text: str) -> bool:
    """Text that reads like a footnote reference (``(1)``, ``a``, ``*``), whatever its style."""
    stripped = plain_spaces(text)
    return bool(stripped) and MARKER.match(stripped) is not None


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


def plain_spaces(text: str) -> str:
    """Non-breaking and other odd spaces to one plain space; trimmed."""
    return _WS.sub(" ", text).strip()
