"""Render a release as Inline XBRL 1.1: the release itself, each printed figure tagged in place.

Text releases become one ``<pre>`` (:mod:`converter.serialize.ixbrl_text`); HTML releases are
rebuilt as XHTML 1.1 (:mod:`converter.serialize.ixbrl_html`). Every fact of ``report.facts`` (each
printed cell, duplicates included) is an ``ix:nonFraction`` around its digits where it is
printed; a fact whose cell cannot be found or read back to its value is written in
``ix:hidden`` instead (and reported), so the document always carries exactly the report's facts.
Fact ids are ``f1``, ``f2``, ... in document order.

Example::

    data = render_ixbrl(result.report, result.document, "lpc-20041231.xsd")
    Path("out/lpc-20041231.htm").write_bytes(data)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from lxml import etree

from converter import diagnostics as dx
from converter.model import Diagnostic, Document, Fact, InputFormat, NarrativeMatch, Report, SourceSpan
from converter.serialize.ixbrl_facts import NON_FRACTION, TEMP_ID, Page, Task, figure_of, hidden_tag, prose_pattern
from converter.serialize.ixbrl_header import build_header, prefixes_for
from converter.serialize.ixbrl_html import html_page
from converter.serialize.ixbrl_links import Place, keep_self_contained
from converter.serialize.ixbrl_text import text_page
from taxonomy import ns
from taxonomy.xmlout import XML_DECLARATION, clark, sub


@dataclass(frozen=True, slots=True, kw_only=True)
class InlineDocument:
    """An Inline XBRL rendering with what it tells about its facts.

    Attributes:
        data: The XHTML document bytes.
        sources: For each fact id, the printed cell it tags (one span, as a tuple to match the
            instance writer's map).
        diagnostics: ``output.ixbrl.fact-hidden`` for each fact not tagged where it is printed.
    """

    data: bytes
    sources: dict[str, tuple[SourceSpan, ...]]
    diagnostics: tuple[Diagnostic, ...]


def render_ixbrl(report: Report, document: Document, schema_href: str) -> bytes:
    """Render ``report`` as an Inline XBRL 1.1 document of the release ``document``.

    Args:
        report: Taxonomy, contexts, units and every tagged cell.
        document: The release as read (its text and format).
        schema_href: The ``link:schemaRef`` href (usually the extension schema's file name).

    Returns:
        Well-formed XHTML bytes (UTF-8), the same for the same input.
    """
    return render_inline(report, document, schema_href).data


def render_inline(report: Report, document: Document, schema_href: str, place: Place | None = None) -> InlineDocument:
    """Like :func:`render_ixbrl`, also giving each fact id's source cell and hidden facts.

    Args:
        report: Taxonomy, contexts, units and every tagged cell.
        document: The release as read.
        schema_href: The ``link:schemaRef`` href.
        place: Puts an image the release refers to by relative path beside the document (the
            name it gets, or None); without it, such images are dropped (``ixbrl_links``).

    Returns:
        The document, its fact sources and diagnostics.
    """
    prefixes = prefixes_for(report, report.facts)
    tagged = (*report.facts, *(prose_fact(m) for m in report.narrative))
    tasks = []
    for index, fact in enumerate(tagged):
        figure = figure_of(fact)
        if figure is not None and index >= len(report.facts):
            figure = replace(figure, pattern=prose_pattern(figure.core))
        if figure is not None:
            tasks.append(Task(index=index, fact=fact, figure=figure))
    if document.format is InputFormat.HTML:
        reserved = {c.id for c in report.contexts} | {u.id for u in report.units}
        page = html_page(document, tasks, prefixes, reserved)
    else:
        page = text_page(document, tasks, prefixes)
    hidden = [hidden_tag(f, i, prefixes) for i, f in enumerate(report.facts) if i not in page.placed]
    header = build_header(report, schema_href, prefixes, hidden)
    root = _root(page, header, prefixes, nil=any(f.value is None for f in report.facts))
    dropped = keep_self_contained(root, place or (lambda _src: None))
    sources = _number_facts(root, tagged)
    diags = tuple(
        dx.warning(dx.OUTPUT_IXBRL_FACT_HIDDEN, f"{fact.printed!r} ({fact.concept}) is not tagged where it is "
                   "printed: written in ix:hidden", fact.span, concept=str(fact.concept))
        for i, fact in enumerate(report.facts) if i not in page.placed
    ) + tuple(
        dx.info(dx.OUTPUT_REFERENCE_DROPPED, f"{target!r} is not in the output folder: reference dropped",
                SourceSpan(path=document.path), target=target)
        for target in dropped
    )
    # ASCII only, anything else as a character reference (EDGAR accepts no other bytes in a filing)
    data = XML_DECLARATION + etree.tostring(root, encoding="unicode").encode("ascii", "xmlcharrefreplace") + b"\n"
    return InlineDocument(data=data, sources=sources, diagnostics=diags)


def _root(page: Page, header: etree._Element, prefixes: dict[str, str], *, nil: bool) -> etree._Element:
    """``html`` with the namespaces declared, ``head`` and ``body`` (header first)."""
    nsmap: dict[str | None, str] = {None: ns.XHTML}
    nsmap.update({prefix: namespace for namespace, prefix in prefixes.items()})
    if nil:
        nsmap["xsi"] = ns.XSI
    root = etree.Element(clark(ns.XHTML, "html"), nsmap=nsmap)
    head = sub(root, ns.XHTML, "head")
    head.text = "\n"
    sub(head, ns.XHTML, "meta", {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"}).tail = "\n"
    sub(head, ns.XHTML, "title", text=page.title).tail = "\n"
    for css in page.styles:
        sub(head, ns.XHTML, "style", {"type": "text/css"}, text=css).tail = "\n"
    head.tail = "\n"
    body = sub(root, ns.XHTML, "body", {"style": page.body_style} if page.body_style else None)
    body.text = "\n"
    header.tail = "\n"
    body.append(header)
    for block in page.blocks:
        body.append(block)
    body.tail = "\n"
    return root


def prose_fact(match: NarrativeMatch) -> Fact:
    """A prose figure as a fact to tag: the concept, context and unit of the table fact it agrees with,
    its own value, decimals and scale (``$21.2 million``: scale 6, decimals -5), printed in the prose."""
    fact = match.fact
    return replace(fact, value=match.value, decimals=match.decimals, span=match.span, printed=match.core,
                   scale=match.scale, negated=False)


def _number_facts(root: etree._Element, tagged: Sequence[Fact]) -> dict[str, tuple[SourceSpan, ...]]:
    """Give every fact tag its id (``f1``.. in document order); each id's source span."""
    sources: dict[str, tuple[SourceSpan, ...]] = {}
    for number, elt in enumerate(root.iter(NON_FRACTION), start=1):
        index = int(elt.attrib.pop(TEMP_ID))
        fact_id = f"f{number}"
        _set_first(elt, "id", fact_id)
        sources[fact_id] = (tagged[index].span,)
    return sources


def _set_first(elt: etree._Element, name: str, value: str) -> None:
    """Set an attribute so that it is written first (ids lead, for readability)."""
    attrs = list(elt.attrib.items())
    elt.attrib.clear()
    elt.set(name, value)
    for key, val in attrs:
        elt.set(key, val)
