"""A figure wrapped in its tag inside the XHTML copy of a cell or a ``<pre>`` block.

A figure's characters are usually one text node. Some generators split them over inline
elements (``<span>1,</span><span>214</span>``: a change of style or a revision mark inside a
number); an ``ix:nonFraction`` holds text only, so the tag then takes the whole figure as its
text where the figure starts, and the characters are taken out of the nodes after it (their
elements stay, emptied of the figure). A figure is never joined across a block boundary (a line
break, a paragraph, a nested table) or across a figure already tagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from converter.serialize.ixbrl_xhtml import TextSlot, X, text_slots

_INLINE_NAMES = {"a", "abbr", "acronym", "b", "bdo", "big", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "q",
                 "samp", "small", "span", "strong", "sub", "sup", "tt", "var"}
INLINE = frozenset(X + name for name in _INLINE_NAMES)  # elements a figure may be split over


def wrap_in_text(root: etree._Element, pattern: re.Pattern[str], tag: etree._Element) -> bool:
    """Wrap the first occurrence of ``pattern`` in the text of ``root`` with ``tag``.

    An occurrence within one text node is preferred; one split over inline elements is taken
    when there is none.

    Args:
        root: The XHTML copy of a cell (text inside nested tables and tags is not searched).
        pattern: The figure standing alone.
        tag: The fact's ``ix:nonFraction``; its text is set to the figure.

    Returns:
        True when the figure was found and wrapped.
    """
    slots = list(text_slots(root))
    texts = [slot_text(slot) for slot in slots]
    offset = 0
    for text in texts:
        match = pattern.search(text)
        if match is not None:
            return wrap_range(slots, offset + match.start(), offset + match.end(), tag)
        offset += len(text)
    return any(wrap_range(slots, m.start(), m.end(), tag) for m in pattern.finditer("".join(texts)))


def wrap_range(slots: Sequence[TextSlot], start: int, end: int, tag: etree._Element) -> bool:
    """Wrap characters ``start:end`` of the joined text of ``slots`` with ``tag``.

    Args:
        slots: The text nodes of an element, as :func:`text_slots` gives them.
        start: First character of the figure in the joined text.
        end: One past its last character.
        tag: The fact's tag; its text becomes the figure.

    Returns:
        False (nothing changed) when the range crosses a block boundary or a tagged figure.
    """
    texts = [slot_text(slot) for slot in slots]
    first, last = _slot_at(texts, start, end=False), _slot_at(texts, end, end=True)
    if first is None or last is None or not all(slots[k][0].tag in INLINE for k in range(first + 1, last + 1)):
        return False
    starts = [sum(len(t) for t in texts[:k]) for k in (first, last)]
    tag.text = "".join(texts)[start:end]
    tag.tail = texts[first][end - starts[0] :] if first == last else ""
    _insert(slots[first], texts[first][: start - starts[0]], tag)
    if first != last:
        for k in range(first + 1, last):
            _set(slots[k], "")
        _set(slots[last], texts[last][end - starts[1] :])
    return True


def _slot_at(texts: Sequence[str], offset: int, *, end: bool) -> int | None:
    """The slot holding character ``offset`` (or, for ``end``, the one holding ``offset - 1``)."""
    position = 0
    for k, text in enumerate(texts):
        if (position <= offset < position + len(text)) if not end else (position < offset <= position + len(text)):
            return k
        position += len(text)
    return None


def slot_text(slot: TextSlot) -> str:
    """The text of a text node (empty for none)."""
    element, is_tail = slot
    return (element.tail if is_tail else element.text) or ""


def _set(slot: TextSlot, text: str) -> None:
    element, is_tail = slot
    if is_tail:
        element.tail = text
    else:
        element.text = text


def _insert(slot: TextSlot, before: str, tag: etree._Element) -> None:
    """Put ``tag`` where the slot's text was, after ``before``."""
    element, is_tail = slot
    if is_tail:
        element.tail = before
        element.addnext(tag)
    else:
        element.text = before
        element.insert(0, tag)
