"""HTML as parsed by ``lxml.html`` copied into XHTML 1.1 elements, as Inline XBRL requires.

Tags outside XHTML 1.1 are renamed (``font`` -> ``span``, ``center`` -> ``div``) or unwrapped
(unknown tags keep their content); scripts, forms, frames and embedded objects are dropped;
``<style>`` sheets are collected for the head. Presentational attributes (``align``, ``width``,
``bgcolor``, ``face``, ``nowrap`` ...) become CSS declarations placed before the element's own
``style``, so the page looks as it did. Only attributes XHTML 1.1 allows, with valid values,
are kept. Content-model repairs (a table inside a paragraph ...) are done afterwards by
:mod:`converter.serialize.ixbrl_xhtml_fix`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from urllib.parse import quote

from lxml import etree

from converter.serialize.ixbrl_css import presentational_css
from converter.serialize.ixbrl_facts import NON_FRACTION
from converter.serialize.ixbrl_text import XML_INVALID
from taxonomy import ns

X = f"{{{ns.XHTML}}}"
KEEP = frozenset(
    "a abbr acronym address b bdo big blockquote br caption cite code col colgroup dd del dfn div dl dt em "
    "h1 h2 h3 h4 h5 h6 hr i img ins kbd li ol p pre q samp small span strong sub sup table tbody td tfoot "
    "th thead tr tt ul var".split()
)
RENAME = {
    "font": "span", "center": "div", "u": "span", "s": "span", "strike": "span", "nobr": "span",
    "blink": "span", "mark": "span", "label": "span", "legend": "span", "time": "span", "basefont": "span",
    "section": "div", "article": "div", "header": "div", "footer": "div", "nav": "div", "aside": "div",
    "main": "div", "figure": "div", "figcaption": "div", "form": "div", "fieldset": "div", "details": "div",
    "summary": "div", "hgroup": "div", "multicol": "div", "marquee": "div",
    "dir": "ul", "menu": "ul", "listing": "pre", "xmp": "pre", "plaintext": "pre",
}
DROP = frozenset(
    "script noscript style template iframe object embed applet input select textarea button option optgroup "
    "map area svg math head title meta link base param frame frameset noframes canvas audio video source "
    "track datalist output progress meter dialog".split()
)
XML_LANG = f"{{{ns.XML}}}lang"
_DIGITS = re.compile(r"^[0-9]+\Z")
_RESERVED_ID = re.compile(r"^f[0-9]+\Z")
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*\Z")
_LANGUAGE = re.compile(r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*\Z")
_LENGTH = re.compile(r"^(?:[0-9]+|[0-9]+%|[0-9]*\.[0-9]+%)\Z")
_ENUMS = {
    "dir": frozenset({"ltr", "rtl"}),
    "frame": frozenset({"void", "above", "below", "hsides", "lhs", "rhs", "vsides", "box", "border"}),
    "rules": frozenset({"none", "groups", "rows", "cols", "all"}),
    "scope": frozenset({"row", "col", "rowgroup", "colgroup"}),
}
_COUNTS = {"colspan", "rowspan", "span"}
_OWN = {
    "table": ("border", "cellpadding", "cellspacing", "summary", "frame", "rules"),
    "td": ("colspan", "rowspan", "abbr", "axis", "scope"),
    "th": ("colspan", "rowspan", "abbr", "axis", "scope"),
    "col": ("span",),
    "colgroup": ("span",),
    "a": ("href",),
    "img": ("src", "alt", "width", "height"),
    "q": ("cite",),
    "blockquote": ("cite",),
    "ins": ("cite",),
    "del": ("cite",),
}
_CORE_ONLY = {"br": ("id", "class", "title"), "bdo": ("id", "class", "title", "dir")}
_LENGTH_ATTRS = {"border", "cellpadding", "cellspacing", "width", "height"}
_URI_ATTRS = {"href", "src", "cite"}


@dataclass(slots=True)
class Copied:
    """The result of copying a ``body``.

    Attributes:
        body: The new ``body`` element (XHTML namespace), not yet repaired.
        copies: For each wanted source element, its copy.
        styles: Text of the ``<style>`` sheets met, in order.
    """

    body: etree._Element
    copies: dict[etree._Element, etree._Element] = field(default_factory=dict)
    styles: list[str] = field(default_factory=list)


def copy_body(body: etree._Element, wanted: Collection[etree._Element], reserved: Collection[str] = ()) -> Copied:
    """Copy ``body`` (an lxml.html element) into XHTML 1.1 elements.

    Ids are kept when they are valid, unique, not ``f<n>`` (fact ids) and not ``reserved``.

    Args:
        body: The source ``body`` (or the root when the document has none).
        wanted: Source elements whose copies the caller needs back.
        reserved: Ids taken by the document's other parts (contexts, units).

    Returns:
        The copy, the copies of ``wanted`` elements and the style sheets found.
    """
    copied = Copied(body=etree.Element(X + "body"))
    copier = _Copier(copied, set(wanted), set(reserved))
    copier.children(body, copied.body)
    return copied


def sheets(root: etree._Element) -> Iterator[str]:
    """The text of every ``<style>`` element of the document, in order."""
    for style in root.iter("style"):
        text = clean_text(style.text_content())
        if text and text.strip():
            yield text


def clean_text(text: str | None) -> str | None:
    """``text`` without characters XML cannot hold (None stays None)."""
    return XML_INVALID.sub("", text) if text else text


def add_text(parent: etree._Element, text: str | None) -> None:
    """Append ``text`` after the last child of ``parent`` (or to its text)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


TextSlot = tuple[etree._Element, bool]  # (element, False) is its text; (element, True) its tail


def text_slots(element: etree._Element) -> Iterator[TextSlot]:
    """The text nodes inside ``element`` in document order (not inside nested tables or tags)."""
    yield element, False
    for child in element:
        if isinstance(child.tag, str) and child.tag not in (NON_FRACTION, X + "table"):
            yield from text_slots(child)
        yield child, True


class _Copier:
    """Recursive copy, remembering the ids already used."""

    def __init__(self, copied: Copied, wanted: set[etree._Element], ids: set[str]) -> None:
        self.copied = copied
        self.wanted = wanted
        self.ids = ids
        self.others: dict[tuple[str, str, tuple[tuple[str, str], ...]], tuple[dict[str, str], tuple[tuple[str, str], ...]]] = {}

    def children(self, src: etree._Element, dst: etree._Element) -> None:
        add_text(dst, clean_text(src.text))
        for child in src:
            tag = child.tag.lower() if isinstance(child.tag, str) else None
            if tag is None or tag in DROP or (tag == "img" and not _valid("src", (child.get("src") or "").strip())):
                pass
            elif tag in KEEP or tag in RENAME:
                self.element(child, tag, dst)
            else:
                self.children(child, dst)  # unknown tag: keep its content
            add_text(dst, clean_text(child.tail))

    def element(self, src: etree._Element, tag: str, parent: etree._Element) -> None:
        new_tag = RENAME.get(tag, tag)
        new = etree.SubElement(parent, X + new_tag)
        for name, value in self.attributes(src, tag, new_tag):
            new.set(name, value)
        if src in self.wanted:
            self.copied.copies[src] = new
        self.children(src, new)

    def attributes(self, src: etree._Element, tag: str, new_tag: str) -> list[tuple[str, str]]:
        """Attributes to keep, in source order, with the presentational ones turned into CSS.

        All but the id depend on the tag and the attributes alone: they are worked out once per
        distinct (tag, attributes), which a release repeats on thousands of cells.
        """
        key = (tag, new_tag, tuple(src.attrib.items()))
        found = self.others.get(key)
        if found is None:
            found = self.others[key] = _other_attributes(tag, new_tag, key[2])
        attrib, others = found
        ident = attrib.get("id") or (attrib.get("name") if tag == "a" else None)
        ident = ident.strip() if ident else None
        if ident and _NCNAME.match(ident) and not _RESERVED_ID.match(ident) and ident not in self.ids:
            self.ids.add(ident)
            if new_tag not in _CORE_ONLY or "id" in _CORE_ONLY[new_tag]:
                return [("id", ident), *others]
        return list(others)


def _other_attributes(
    tag: str, new_tag: str, items: tuple[tuple[str, str], ...]
) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """The cleaned attribute map, and the attributes kept besides the id, in order (style last)."""
    attrib = {str(k).lower(): clean_text(str(v)) or "" for k, v in items}
    kept: list[tuple[str, str]] = []
    for name, value in attrib.items():
        value = value.strip()
        if name in _OWN.get(new_tag, ()) and _valid(name, value):
            kept.append((name, _normal(name, value)))
        elif name in ("class", "title") and value:
            kept.append((name, " ".join(value.split()) if name == "class" else value))
        elif name == "dir" and value.lower() in _ENUMS["dir"]:
            kept.append(("dir", value.lower()))
        elif name in ("lang", "xml:lang") and _LANGUAGE.match(value):
            kept.append((XML_LANG, value))
    if new_tag == "img":
        kept += [("alt", "")] if "alt" not in dict(kept) else []
    if new_tag == "bdo" and "dir" not in dict(kept):
        kept.append(("dir", "ltr"))
    if new_tag in _CORE_ONLY:  # no style, no language
        return attrib, tuple((n, v) for n, v in kept if n in _CORE_ONLY[new_tag])
    style = presentational_css(tag, new_tag, attrib, {n for n, _ in kept})
    if style:
        kept.append(("style", style))
    return attrib, tuple(kept)


def _valid(name: str, value: str) -> bool:
    """Whether ``value`` is valid XHTML 1.1 for attribute ``name``."""
    if name in _COUNTS:
        return _DIGITS.match(value) is not None and 1 <= int(value) <= 1000
    if name in _LENGTH_ATTRS:
        return bool(_LENGTH.match(value))
    if name in _ENUMS:
        return value.lower() in _ENUMS[name]
    if name in _URI_ATTRS:
        return bool(value) and not value.lower().startswith(("javascript:", "vbscript:", "data:text"))
    return True


def _normal(name: str, value: str) -> str:
    """An attribute value as written: URIs percent-encoded where needed, keywords in lower case."""
    if name in _URI_ATTRS:
        return quote(value, safe=":/?#[]@!$&'()*+,;=%~-._")
    return value.lower() if name in _ENUMS else value
