"""Safe HTML parsing and the few CSS facts the HTML reader needs (lengths, borders, weight).

The parser never touches the network, never expands external entities and keeps lxml's
``huge_tree`` protection on; a truncated document is recovered as far as libxml2 can, and the
caller is told why it looks broken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from lxml import etree
from lxml import html as lxml_html

from converter.model import Rule

# Tags whose content is never text of the release.
SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template", "object", "iframe"})

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# One way only to split a number (``\d*\.?\d+`` backtracks quadratically on a long run of digits).
_LENGTH = re.compile(r"^\s*(-?(?:\d+(?:\.\d+)?|\.\d+))\s*(pt|px|em|rem|in|cm|mm|pc|ex)?\s*$", re.IGNORECASE)
_UNIT_PT = {"pt": 1.0, "px": 0.75, "em": 10.0, "rem": 10.0, "ex": 5.0, "in": 72.0, "cm": 28.35, "mm": 2.835, "pc": 12.0}
_FONT_SIZES_PT = {1: 7.5, 2: 10.0, 3: 12.0, 4: 13.5, 5: 18.0, 6: 24.0, 7: 36.0}
_BORDER_WIDTH_WORDS = {"thin": 0.75, "medium": 2.25, "thick": 3.75}
_STYLE_WORDS = frozenset({"solid", "double", "dotted", "dashed", "groove", "ridge", "inset", "outset"})


_PARSER_OPTIONS: dict[str, bool] = {
    "recover": True, "no_network": True, "huge_tree": False, "remove_comments": True, "remove_pis": True,
    "default_doctype": False, "collect_ids": False,
}
_CHUNK = 1 << 20  # characters fed to the pull parser at a time


def _without_xml_declaration(text: str) -> str:
    """``text`` with an XML declaration (which lxml refuses in a ``str``) blanked out, line numbers kept."""
    return _XML_DECL.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text, count=1)


def html_events(text: str) -> Iterator[tuple[str, etree._Element]]:
    """The ("start" / "end", element) events of parsing ``text`` as :func:`parse_html` does, as the
    parser reads it: a caller that removes the elements it is done with holds a small part of a
    long document's tree at a time."""
    cleaned = _without_xml_declaration(text)
    if not cleaned.strip():
        return
    parser = etree.HTMLPullParser(events=("start", "end"), **_PARSER_OPTIONS)
    for at in range(0, len(cleaned), _CHUNK):
        parser.feed(cleaned[at : at + _CHUNK])
        yield from parser.read_events()
    try:
        parser.close()
    except etree.XMLSyntaxError:
        return
    yield from parser.read_events()


def parse_html(text: str) -> tuple[etree._Element | None, list[str]]:
    """Parse ``text`` into an lxml HTML tree.

    Line numbers of elements (``sourceline``) are those of ``text``: an XML declaration, which
    lxml refuses in a ``str``, is blanked out rather than cut.

    Args:
        text: The decoded release.

    Returns:
        The ``<html>`` root element (None for an empty or unparseable document), and the
        parser's fatal errors (content it had to drop, such as nesting beyond its depth limit).
    """
    cleaned = _without_xml_declaration(text)
    if not cleaned.strip():
        return None, []
    parser = lxml_html.HTMLParser(**_PARSER_OPTIONS)
    try:
        root = lxml_html.document_fromstring(cleaned, parser=parser)
    except (etree.ParserError, ValueError):
        return None, []
    fatal = [f"line {e.line}: {e.message}" for e in parser.error_log if e.level_name == "FATAL"]
    return root, fatal


def broken_reasons(text: str) -> list[str]:
    """Signs that an HTML document was cut off or is malformed (empty when it looks whole)."""
    lowered = text.lower()
    reasons: list[str] = []
    opened, closed = lowered.count("<table"), lowered.count("</table")
    if opened != closed:
        reasons.append(f"{opened} <table> but {closed} </table>")
    tail = lowered.rstrip()
    if tail.rfind("<") > tail.rfind(">"):
        reasons.append("ends inside a tag")
    for tag in ("body", "html"):
        if f"<{tag}" in lowered and f"</{tag}" not in lowered:
            reasons.append(f"no </{tag}>")
    return reasons


def style_of(el: etree._Element) -> dict[str, str]:
    """The inline ``style`` declarations of ``el`` as a lower-cased property map."""
    raw = el.get("style")
    if not raw:
        return {}
    out: dict[str, str] = {}
    for decl in raw.split(";"):
        name, sep, value = decl.partition(":")
        if sep:
            out[name.strip().lower()] = value.strip().lower()
    return out


def length_pt(value: str | None) -> float | None:
    """A CSS length in points (``1.5em`` counts 10pt per em); None when not a length."""
    if not value:
        return None
    match = _LENGTH.match(value)
    if match is None:
        return None
    unit = (match.group(2) or "px").lower()
    return float(match.group(1)) * _UNIT_PT[unit]


def box_left(style: Mapping[str, str]) -> float:
    """Left offset of the first text line: margin-left + padding-left + text-indent, in points."""
    total = 0.0
    for prop in ("margin-left", "padding-left", "text-indent"):
        total += length_pt(style.get(prop)) or 0.0
    for prop, index in (("margin", 3), ("padding", 3)):
        if prop in style and f"{prop}-left" not in style:
            total += _side_of_shorthand(style[prop], index)
    return total


def _side_of_shorthand(value: str, index: int) -> float:
    """One side (0 top, 1 right, 2 bottom, 3 left) of a ``margin``/``padding`` shorthand."""
    parts = value.split()
    if not parts:
        return 0.0
    order = {1: (0, 0, 0, 0), 2: (0, 1, 0, 1), 3: (0, 1, 2, 1), 4: (0, 1, 2, 3)}.get(len(parts), (0, 1, 2, 3))
    return length_pt(parts[order[index]]) or 0.0


def border_rule(style: Mapping[str, str], side: str) -> Rule:
    """The rule drawn on ``side`` (``top``/``bottom``) by ``border-<side>`` or ``border``."""
    value = style.get(f"border-{side}")
    if value is None:
        value = style.get("border")
    if value is None:
        return _longhand_rule(style, side)
    words = value.replace(",", " ").split()
    if not words or "none" in words or "hidden" in words:
        return Rule.NONE
    if not any(w in _STYLE_WORDS for w in words) and f"border-{side}-style" not in style:
        return Rule.NONE
    if any(_width_pt(w) == 0.0 for w in words if _width_pt(w) is not None):
        return Rule.NONE
    return Rule.DOUBLE if "double" in words else Rule.SINGLE


def _longhand_rule(style: Mapping[str, str], side: str) -> Rule:
    """``border-<side>-style`` (and width) without the shorthand."""
    kind = style.get(f"border-{side}-style") or style.get("border-style")
    if kind is None or kind.split()[0] in ("none", "hidden"):
        return Rule.NONE
    width = _width_pt(style.get(f"border-{side}-width", "1px"))
    if width == 0.0:
        return Rule.NONE
    return Rule.DOUBLE if "double" in kind else Rule.SINGLE


def _width_pt(word: str) -> float | None:
    """Width of a border word in points, None when the word is not a width."""
    if word in _BORDER_WIDTH_WORDS:
        return _BORDER_WIDTH_WORDS[word]
    return length_pt(word) if _LENGTH.match(word) else None


def is_hidden(style: Mapping[str, str]) -> bool:
    """``display:none`` or ``visibility:hidden``."""
    return style.get("display", "").startswith("none") or style.get("visibility", "").startswith("hidden")


def is_bold(el: etree._Element, style: Mapping[str, str], inherited: bool) -> bool:
    """Whether text inside ``el`` is bold, given whether its parent's text is."""
    if el.tag in ("b", "strong"):
        return True
    weight = style.get("font-weight")
    if weight is None:
        return inherited
    if weight in ("bold", "bolder"):
        return True
    if weight in ("normal", "lighter"):
        return False
    return weight.isascii() and weight.isdigit() and int(weight) >= 600  # not "²"


def font_size_pt(el: etree._Element, style: Mapping[str, str], inherited: float) -> float:
    """Font size of text inside ``el`` in points (CSS ``font-size`` or ``<font size>``)."""
    size = length_pt(style.get("font-size"))
    if size is not None and size > 0:
        return size
    if el.tag == "font":
        raw = (el.get("size") or "").strip()
        if raw.isascii() and raw.isdigit() and int(raw) in _FONT_SIZES_PT:
            return _FONT_SIZES_PT[int(raw)]
    return inherited


def is_superscript(el: etree._Element, style: Mapping[str, str]) -> bool:
    """``<sup>``, ``vertical-align:super`` or a run raised with ``position:relative; top:-..``."""
    if el.tag == "sup":
        return True
    if style.get("vertical-align", "").startswith("super"):
        return True
    top = length_pt(style.get("top"))
    bottom = length_pt(style.get("bottom"))
    raised = (top is not None and top < 0) or (bottom is not None and bottom > 0)
    return raised and style.get("position", "") == "relative"
