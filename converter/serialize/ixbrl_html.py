"""HTML releases as Inline XBRL: the release's own page rebuilt as XHTML, figures tagged in cells.

The release is parsed with the HTML reader's parser (so elements are those the reader saw),
each fact's ``<td>`` is found from its span (:mod:`converter.readers.html_locate`), the page
is copied into XHTML 1.1 (:mod:`converter.serialize.ixbrl_xhtml`) and repaired
(:mod:`converter.serialize.ixbrl_xhtml_fix`), then each figure is wrapped where it is printed in
the copy of its cell. Figures of fixed-width tables inside ``<pre>`` blocks are found by line and
column, as in a text release.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import PurePath

from lxml import etree

from converter.model import Document
from converter.readers import block_text, locate_cells, parse_html, prose_blocks
from converter.serialize.ixbrl_cell import slot_text, wrap_in_text, wrap_range
from converter.serialize.ixbrl_css import presentational_css
from converter.serialize.ixbrl_facts import Page, Task
from converter.serialize.ixbrl_pre import tag_in_pre
from converter.serialize.ixbrl_xhtml import clean_text, copy_body, sheets, text_slots
from converter.serialize.ixbrl_xhtml_fix import repair


def html_page(
    document: Document, tasks: Sequence[Task], prefixes: Mapping[str, str], reserved: Collection[str] = ()
) -> Page:
    """The release as XHTML with each locatable fact tagged.

    Args:
        document: The HTML release (``document.text``) and the tables the reader found.
        tasks: The facts that can be tagged, with their figures.
        prefixes: Namespace URI to declared prefix.
        reserved: Ids the release's own elements must not take (contexts, units).

    Returns:
        The page; ``placed`` lists the facts tagged (the others belong in ``ix:hidden``).
    """
    root, _ = parse_html(document.text)
    if root is None:
        return Page(title=PurePath(document.path).name, blocks=(), placed=frozenset())
    cells = locate_cells(root, document.tables)
    source = root.find("body")
    if source is None:
        source = root
    pres = list(source.iter("pre"))
    blocks = list(prose_blocks(root)) if any(t.fact.span.table is None for t in tasks) else []
    copied = copy_body(source, {el for els in cells.values() for el in els} | set(pres) | set(blocks), reserved)
    repair(copied.body)
    prose = [t for t in tasks if t.fact.span.table is None]
    tasks = [t for t in tasks if t.fact.span.table is not None]
    placed = _tag_prose(blocks, copied.copies, prose, prefixes)
    for task in tasks:
        span = task.fact.span
        for element in cells.get((span.table or 0, span.row or 0, span.column or 0), ()):
            copy = copied.copies.get(element)
            if copy is not None and wrap_figure(copy, task, prefixes):
                placed.add(task.index)
                break
    pending = [t for t in tasks if t.index not in placed]
    placed |= tag_in_pre([(pre, copied.copies[pre]) for pre in pres if pre in copied.copies], pending, prefixes)
    return Page(
        title=_title(root, document),
        blocks=tuple(copied.body),
        placed=frozenset(placed),
        styles=tuple(sheets(root)),
        body_style=_body_style(source),
    )


def _tag_prose(blocks: Sequence[etree._Element], copies: Mapping[etree._Element, etree._Element],
               tasks: Sequence[Task], prefixes: Mapping[str, str]) -> set[int]:
    """Tag prose figures in the copies of their blocks: the block on the figure's line whose text
    (:func:`block_text`) prints the figure at its column; there the figure's n-th occurrence is the
    n-th in the copy too (figures of one block tagged from the last, so that the earlier stay put)."""
    by_line: dict[int, list[etree._Element]] = {}
    for block in blocks:
        by_line.setdefault(block.sourceline or 0, []).append(block)
    placed: set[int] = set()
    for task in sorted(tasks, key=lambda t: (t.fact.span.line, t.fact.span.col), reverse=True):
        offset, core = task.fact.span.col - 1, task.figure.core
        for block in by_line.get(task.fact.span.line, ()):
            text, copy = block_text(block), copies.get(block)
            if copy is None or text[offset : offset + len(core)] != core:
                continue
            nth = sum(1 for m in task.figure.pattern.finditer(text) if m.start() < offset)
            slots = list(text_slots(copy))
            found = list(task.figure.pattern.finditer("".join(slot_text(slot) for slot in slots)))
            if nth < len(found) and wrap_range(slots, found[nth].start(), found[nth].end(), task.element(prefixes)):
                placed.add(task.index)
            break
    return placed


def wrap_figure(cell: etree._Element, task: Task, prefixes: Mapping[str, str]) -> bool:
    """Wrap the first occurrence of ``task``'s figure in the text of ``cell``.

    Args:
        cell: The XHTML copy of the cell (text inside nested tables and tags is not searched).
        task: The fact and its figure.
        prefixes: Namespace URI to declared prefix.

    Returns:
        True when the figure was found and wrapped.
    """
    return wrap_in_text(cell, task.figure.pattern, task.element(prefixes))


def _title(root: etree._Element, document: Document) -> str:
    """The release's own ``<title>``, else the company and file name."""
    found = root.find(".//title")
    text = " ".join((clean_text(found.text_content()) or "").split()) if found is not None else ""
    if text:
        return text
    name = PurePath(document.path).name
    return f"{document.company} - {name}" if document.company else name


def _body_style(body: etree._Element) -> str | None:
    """CSS for ``body`` from its attributes (``bgcolor``, ``text``, margins) and own style."""
    if body.tag != "body":
        return None
    attrib = {str(k).lower(): clean_text(str(v)) or "" for k, v in body.attrib.items()}
    return presentational_css("body", "body", attrib, ())
