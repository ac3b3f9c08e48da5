"""Repair XHTML content models the way a browser would show them, so the schema accepts them.

HTML parsers keep what browsers tolerate: a table inside a ``<font>`` or ``<p>``, text directly
in ``<body>``, stray text or ``<font>`` wrappers between table rows, a ``<td>`` outside any row.
XHTML 1.1 (and thus Inline XBRL) rejects these, so, in order:

1. tables are normalised (rows wrapped in one kind of section, cells in rows; anything else is
   moved just before the table, where a browser would draw it);
2. lists get ``li``/``dd`` wrappers, and elements outside their required parent become ``div``;
3. an inline element (``span``, ``p``, ``a`` ...) that holds a block becomes a ``div``;
4. inline content directly in ``body`` or ``blockquote`` is wrapped in a ``div``.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from converter.serialize.ixbrl_xhtml import XML_LANG, X, add_text

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = frozenset({"address", "blockquote", "div", "dl", "hr", "ol", "p", "pre", "table", "ul"}) | HEADINGS
INLINE_ONLY = frozenset(
    "p address pre dt span a b i em strong big small sub sup tt abbr acronym cite code dfn kbd q samp var bdo".split()
) | HEADINGS
SECTIONS = frozenset({"thead", "tbody", "tfoot"})
TABLE_PARTS = SECTIONS | {"caption", "col", "colgroup", "tr"}
_PARENTS = {
    "li": frozenset({"ul", "ol"}), "dt": frozenset({"dl"}), "dd": frozenset({"dl"}),
    "tr": frozenset({"table"}) | SECTIONS, "td": frozenset({"tr"}), "th": frozenset({"tr"}),
    "caption": frozenset({"table"}), "col": frozenset({"table", "colgroup"}), "colgroup": frozenset({"table"}),
    "thead": frozenset({"table"}), "tbody": frozenset({"table"}), "tfoot": frozenset({"table"}),
}
_NOT_IN_PRE = frozenset({"img", "object", "big", "small", "sub", "sup"})
_COMMON = frozenset({"id", "class", "title", "style", "dir", XML_LANG})


def blank(text: str) -> bool:
    """Only XML white space (a no-break space is content, as in a browser)."""
    return not text.strip(" \t\r\n")


def local(el: etree._Element) -> str | None:
    """The local name of an XHTML element (None for anything else)."""
    tag = el.tag
    return tag[len(X):] if isinstance(tag, str) and tag.startswith(X) else None


def repair(body: etree._Element) -> None:
    """Make the content of ``body`` valid XHTML 1.1 (in place)."""
    for table in reversed(list(body.iter(X + "table"))):
        _table(table)
    for el in list(body.iter(X + "ul", X + "ol", X + "dl")):
        _list(el)
    for el in list(body.iter()):
        name = local(el)
        if name in _PARENTS and local(el.getparent()) not in _PARENTS[name]:
            _misplaced(el, name)
    for el in reversed(list(body.iter())):
        _inline(el)
    for el in [body, *body.iter(X + "blockquote")]:
        regroup(el, lambda c: local(c) in BLOCKS or local(c) in ("ins", "del"), wrap="div")


def retag(el: etree._Element, name: str) -> None:
    """Rename ``el`` to XHTML ``name``, keeping only the attributes every element may have."""
    el.tag = X + name
    for key in [k for k in el.attrib if k not in _COMMON]:
        del el.attrib[key]


def unwrap(el: etree._Element) -> None:
    """Replace ``el`` by its content (text, children, tail) in its parent."""
    parent = el.getparent()
    position = parent.index(el)
    previous = parent[position - 1] if position else None
    children = list(el)
    text, tail = el.text, el.tail
    _append_at(parent, previous, text)
    for offset, child in enumerate(children, start=1):
        parent.insert(position + offset, child)
    parent.remove(el)
    _append_at(parent, children[-1] if children else previous, tail)


def _append_at(parent: etree._Element, after: etree._Element | None, text: str | None) -> None:
    if not text:
        return
    if after is None:
        parent.text = (parent.text or "") + text
    else:
        after.tail = (after.tail or "") + text


def remove(el: etree._Element) -> None:
    """Remove ``el`` and its content, keeping the text that follows it."""
    parent = el.getparent()
    tail = el.tail
    el.tail = None
    position = parent.index(el)
    _append_at(parent, parent[position - 1] if position else None, tail)
    parent.remove(el)


def regroup(
    container: etree._Element,
    keep: Callable[[etree._Element], bool],
    *,
    wrap: str | None = None,
    foster: etree._Element | None = None,
) -> None:
    """Leave only kept children (and blank text) in ``container``.

    Runs of other children and non-blank text are wrapped in a new ``wrap`` element, or, without
    ``wrap``, moved into a ``div`` placed just before ``foster``.
    """
    items: list[str | etree._Element] = [container.text or ""]
    for child in list(container):
        tail, child.tail = child.tail, None
        items += [child, tail or ""]
    container.text = None
    run: list[str | etree._Element] = []
    for item in items:
        if isinstance(item, str):
            if not blank(item) or run:
                run.append(item)
            else:
                add_text(container, item)
        elif keep(item):
            _flush(container, run, wrap, foster)
            container.append(item)
        else:
            run.append(item)
    _flush(container, run, wrap, foster)


def _flush(
    container: etree._Element, run: list[str | etree._Element], wrap: str | None, foster: etree._Element | None
) -> None:
    if all(isinstance(i, str) and blank(i) for i in run):
        for item in run:
            add_text(container, item if isinstance(item, str) else None)
        run.clear()
        return
    if wrap is not None:
        holder = etree.SubElement(container, X + wrap)
    else:
        holder = etree.Element(X + "div")
        target = foster if foster is not None else container
        target.addprevious(holder)
    for item in run:
        if isinstance(item, str):
            add_text(holder, item)
        else:
            holder.append(item)
    run.clear()


def _table(table: etree._Element) -> None:
    """Caption, columns, head, foot, then rows in sections of one kind; stray content before it."""
    _unwrap_wrappers(table, TABLE_PARTS | {"td", "th"})
    _cells_in_rows(table)
    regroup(table, lambda c: local(c) in TABLE_PARTS, foster=table)
    for section in [c for c in table if local(c) in SECTIONS]:
        _unwrap_wrappers(section, {"tr", "td", "th"})
        _cells_in_rows(section)
        regroup(section, lambda c: local(c) == "tr", foster=table)
    rows = [c for c in table if local(c) == "tr"]
    rows += [r for s in table if local(s) in SECTIONS for r in s if local(r) == "tr"]
    for row in rows:
        _unwrap_wrappers(row, {"td", "th"})
        regroup(row, lambda c: local(c) in ("td", "th"), foster=table)
        if not len(row):
            remove(row)
    _order(table)


def _unwrap_wrappers(container: etree._Element, wanted: frozenset[str] | set[str]) -> None:
    """Unwrap children that are not ``wanted`` but hold wanted elements (a ``<font>`` round rows)."""
    changed = True
    while changed:
        changed = False
        for child in list(container):
            if local(child) not in wanted and any(local(d) in wanted for d in child.iter()):
                unwrap(child)
                changed = True


def _cells_in_rows(container: etree._Element) -> None:
    """Wrap runs of ``td``/``th`` found directly in a table or section in a new ``tr``."""
    row: etree._Element | None = None
    for child in list(container):
        if local(child) in ("td", "th"):
            if row is None:
                row = etree.Element(X + "tr")
                child.addprevious(row)
            row.append(child)
        elif local(child) is not None:
            row = None


def _order(table: etree._Element) -> None:
    """caption?, (col*|colgroup*), (thead?, tfoot?, tbody+ | tr+); a table without rows becomes a div."""
    parts = list(table)
    captions = [c for c in parts if local(c) == "caption"]
    for extra in captions[1:]:
        retag(extra, "div")
        table.addprevious(extra)
    cols = [c for c in parts if local(c) in ("col", "colgroup")]
    if len({local(c) for c in cols}) > 1:
        for col in [c for c in cols if local(c) == "col"]:
            remove(col)
        cols = [c for c in cols if local(c) == "colgroup"]
    for group in cols:
        regroup(group, lambda c: local(c) == "col", foster=table)
    heads = [c for c in parts if local(c) == "thead" and len(c)]
    feet = [c for c in parts if local(c) == "tfoot" and len(c)]
    body = [c for c in parts if local(c) in SECTIONS | {"tr"} and c not in heads[:1] + feet[:1] and len(c)]
    if not body and (heads or feet):
        body, heads, feet = heads + feet, [], []
    for section in body:
        if local(section) in ("thead", "tfoot"):
            section.tag = X + "tbody"
    kinds = {local(c) for c in body}
    if "tr" in kinds and ("tbody" in kinds or heads or feet):
        body = _rows_in_bodies(body)
    for child in list(table):
        if child not in captions[:1] + cols + heads[:1] + feet[:1] + body:
            remove(child)
    if not body:
        for child in list(table):
            if local(child) == "caption":
                retag(child, "div")
            else:
                remove(child)
        retag(table, "div")
        return
    for child in captions[:1] + cols + heads[:1] + feet[:1] + body:
        table.append(child)


def _rows_in_bodies(body: list[etree._Element]) -> list[etree._Element]:
    """Bare rows next to ``tbody`` sections wrapped in their own ``tbody``."""
    out: list[etree._Element] = []
    holder: etree._Element | None = None
    for child in body:
        if local(child) != "tr":
            holder = None
            out.append(child)
            continue
        if holder is None:
            holder = etree.Element(X + "tbody")
            child.addprevious(holder)
            out.append(holder)
        holder.append(child)
    return out


def _list(el: etree._Element) -> None:
    """``ul``/``ol`` hold only ``li``, ``dl`` only ``dt``/``dd``; an empty list is removed."""
    name = local(el)
    if name == "dl":
        regroup(el, lambda c: local(c) in ("dt", "dd"), wrap="dd")
    else:
        regroup(el, lambda c: local(c) == "li", wrap="li")
    if not len(el):
        remove(el)


def _misplaced(el: etree._Element, name: str) -> None:
    """An element outside its required parent: columns are dropped, the rest become ``div``."""
    if name in ("col", "colgroup"):
        remove(el)
    else:
        retag(el, "div")


def _inline(el: etree._Element) -> None:
    """Content-model fixes of one element (called children first)."""
    name = local(el)
    if name is None:
        return
    if name in INLINE_ONLY and any(local(c) in BLOCKS for c in el):
        style = "white-space:pre" if name == "pre" else None
        retag(el, "dd" if name == "dt" else "div")
        if style:
            el.set("style", f"{style};{el.get('style')}" if el.get("style") else style)
        return
    if name == "caption" and any(local(c) in BLOCKS for c in el):
        retag(el, "div")
        el.getparent().addprevious(el)
        return
    if name == "a" and any(local(a) == "a" for a in el.iterancestors()):
        retag(el, "span")
    if name == "pre":
        for inner in [d for d in el.iterdescendants() if local(d) in _NOT_IN_PRE]:
            if local(inner) in ("img", "object"):
                remove(inner)
            else:
                retag(inner, "span")
