"""Figures of fixed-width tables inside HTML ``<pre>`` blocks, found by line and column.

The HTML reader hands a ``<pre>`` block's text to the text reader and shifts its line numbers
by the block's source line, so a fact there is found as in a text release: on line
``span.line - (pre.sourceline - 1)`` of the block's text, from column ``span.col``. The offset
is then followed through the text nodes of the block's XHTML copy to wrap the figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lxml import etree

from converter.serialize.ixbrl_cell import wrap_range
from converter.serialize.ixbrl_facts import Task
from converter.serialize.ixbrl_text import locate
from converter.serialize.ixbrl_xhtml import text_slots

PrePair = tuple[etree._Element, etree._Element]  # the source <pre> and its XHTML copy


def tag_in_pre(pairs: Sequence[PrePair], tasks: Sequence[Task], prefixes: Mapping[str, str]) -> set[int]:
    """Tag the facts of ``tasks`` printed in one of the ``<pre>`` blocks.

    Args:
        pairs: Each source ``<pre>`` with its copy, in document order.
        tasks: Facts not tagged elsewhere.
        prefixes: Namespace URI to declared prefix.

    Returns:
        Indexes of the facts tagged.
    """
    placed: set[int] = set()
    for number, (source, copy) in enumerate(pairs):
        text = source.text_content()
        if not tasks or _copy_text(copy) != text:
            continue
        first = max((source.sourceline or 1) - 1, 0)
        after = (pairs[number + 1][0].sourceline or 0) - 1 if number + 1 < len(pairs) else None
        mine = [t for t in tasks if t.index not in placed and first < t.fact.span.line <= (after or t.fact.span.line)]
        spots = _spots(text.split("\n"), first, mine)
        for start, end, task in sorted(spots, key=lambda s: s[0], reverse=True):
            if _wrap_at(copy, start, end, task, prefixes):
                placed.add(task.index)
    return placed


def _spots(lines: list[str], first: int, tasks: Sequence[Task]) -> list[tuple[int, int, Task]]:
    """(start, end, task) as offsets into the block's text, for the tasks found on their line."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    taken: dict[int, list[tuple[int, int, Task]]] = {}
    spots: list[tuple[int, int, Task]] = []
    for task in tasks:
        k = task.fact.span.line - first - 1
        if not 0 <= k < len(lines):
            continue
        found = locate(lines[k], task, taken.get(k, []))
        if found is not None:
            taken.setdefault(k, []).append(found)
            spots.append((starts[k] + found[0], starts[k] + found[1], task))
    return spots


def _wrap_at(copy: etree._Element, start: int, end: int, task: Task, prefixes: Mapping[str, str]) -> bool:
    """Wrap characters ``start:end`` of the block's text (split over inline elements or not)."""
    return wrap_range(list(text_slots(copy)), start, end, task.element(prefixes))


def _copy_text(copy: etree._Element) -> str:
    """The text of the copied block as ``text_content`` would give it."""
    return "".join(copy.itertext())
