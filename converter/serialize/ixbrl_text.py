"""Plain-text releases as Inline XBRL: the whole release in one ``<pre>``, figures tagged in place.

Every line of the release is kept character for character (SGML markers such as ``<TABLE>`` or
``<S>`` included, as text). A fact is found on its line (``span.line``) from the column where its
printed cell starts (``span.col``): the first occurrence of its figure there, with only currency
signs, parentheses, minus signs and spaces before it, is wrapped in its tag.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import PurePath

from lxml import etree

from converter.model import Document
from converter.serialize.ixbrl_facts import FIXED_ZERO, Page, Task
from taxonomy import ns
from taxonomy.xmlout import clark

# Characters XML 1.0 cannot hold; each becomes a space so columns stay aligned.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_BEFORE_NUMBER = frozenset(" \u00a0$\u20ac\u00a3\u00a5(-\u2212\u2013")
_BEFORE_DASH = frozenset(" \u00a0$\u20ac\u00a3\u00a5(")
_PRE_STYLE = "font-family:'Courier New',Courier,monospace;font-size:10pt;white-space:pre"

Placement = tuple[int, int, Task]  # start, end (0-based, exclusive) on the line, task


def text_page(document: Document, tasks: Sequence[Task], prefixes: Mapping[str, str]) -> Page:
    """The release as one ``<pre>`` with each locatable fact tagged.

    Args:
        document: The text release (``document.text`` holds its decoded lines).
        tasks: The facts that can be tagged, with their figures.
        prefixes: Namespace URI to declared prefix.

    Returns:
        The page; ``placed`` lists the facts tagged (the others belong in ``ix:hidden``).
    """
    lines = XML_INVALID.sub(" ", document.text).split("\n")
    by_line: dict[int, list[Placement]] = {}
    for task in tasks:
        line = task.fact.span.line
        if 1 <= line <= len(lines):
            found = locate(lines[line - 1], task, by_line.get(line, []))
            if found is not None:
                by_line.setdefault(line, []).append(found)
    pre = etree.Element(clark(ns.XHTML, "pre"), {"style": _PRE_STYLE})
    last: etree._Element | None = None
    pending: list[str] = []
    for number, text in enumerate(lines, start=1):
        cursor = 0
        for start, end, task in sorted(by_line.get(number, []), key=lambda p: p[0]):
            pending.append(text[cursor:start])
            last = _append(pre, last, "".join(pending), task.element(prefixes))
            pending = []
            cursor = end
        pending.append(text[cursor:])
        pending.append("\n" if number < len(lines) else "")
    _set_tail(pre, last, "".join(pending))
    placed = frozenset(p[2].index for found in by_line.values() for p in found)
    return Page(title=_title(document), blocks=(pre,), placed=placed)


def locate(line: str, task: Task, taken: Sequence[Placement]) -> Placement | None:
    """Where ``task``'s figure is printed on ``line``: from ``span.col``, not overlapping ``taken``.

    Args:
        line: The release line the fact was read on.
        task: The fact and the figure to find.
        taken: Figures already placed on the line.

    Returns:
        (start, end, task) with 0-based character offsets, or None when it is not there.
    """
    col = max(task.fact.span.col - 1, 0)
    allowed = _BEFORE_DASH if task.figure.transform == FIXED_ZERO else _BEFORE_NUMBER
    for match in task.figure.pattern.finditer(line, col):
        if not set(line[col : match.start()]) <= allowed:
            return None
        if not any(match.start() < end and start < match.end() for start, end, _ in taken):
            return match.start(), match.end(), task
    return None


def _append(pre: etree._Element, last: etree._Element | None, before: str, child: etree._Element) -> etree._Element:
    """Add ``child`` to ``pre`` after the text ``before``."""
    _set_tail(pre, last, before)
    pre.append(child)
    return child


def _set_tail(pre: etree._Element, last: etree._Element | None, text: str) -> None:
    if last is None:
        pre.text = text
    else:
        last.tail = text


def _title(document: Document) -> str:
    """The page title: the company name when known, else the release file name."""
    name = PurePath(document.path).name
    return f"{document.company} - {name}" if document.company else name
