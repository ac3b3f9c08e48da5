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
from converter.readers import locate_cells, parse_html
from converter.serialize.ixbrl_cell import wrap_in_text
from converter.serialize.ixbrl_css import presentational_css
from converter.serialize.ixbrl_facts import Page, Task
from converter.serialize.ixbrl_pre import tag_in_pre
from converter.serialize.ixbrl_xhtml import clean_text, copy_body, sheets
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
    copied = copy_body(source, {el for els in cells.values() for el in els} | set(pres), reserved)
    repair(copied.body)
    placed: set[int] = set()
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
