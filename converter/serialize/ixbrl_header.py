"""The hidden ``ix:header`` of an Inline XBRL document: hidden facts, schemaRef, contexts, units."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from lxml import etree

from converter.model import Fact, Report
from converter.serialize.instance_xml import FIXED_PREFIXES, context_element, namespace_prefixes, unit_element
from taxonomy import ns
from taxonomy.xmlout import clark, sub, xlink

_FIXED_PREFIXES = (("ix", ns.IX), ("ixt", ns.IXT), *FIXED_PREFIXES)


def prefixes_for(report: Report, facts: Iterable[Fact]) -> dict[str, str]:
    """Namespace to prefix: the fixed ones, the extension's, then any other in use (sorted).

    Args:
        report: The report (taxonomy prefix, contexts, units).
        facts: The facts to be written.

    Returns:
        Namespace URI to the prefix declared for it on the root element.
    """
    return namespace_prefixes(report, (f.concept for f in facts), _FIXED_PREFIXES)


def build_header(
    report: Report, schema_href: str, prefixes: Mapping[str, str], hidden: Sequence[etree._Element]
) -> etree._Element:
    """A ``div`` (not displayed) holding the ``ix:header``.

    Args:
        report: Contexts and units to declare.
        schema_href: The ``link:schemaRef`` href.
        prefixes: Namespace URI to declared prefix.
        hidden: Fact elements to place in ``ix:hidden`` (none: no ``ix:hidden``).

    Returns:
        The ``div`` element, indented for reading.
    """
    div = etree.Element(clark(ns.XHTML, "div"), {"style": "display:none"})
    header = sub(div, ns.IX, "header")
    if hidden:
        holder = sub(header, ns.IX, "hidden")
        holder.extend(hidden)
    references = sub(header, ns.IX, "references")
    sub(references, ns.LINK, "schemaRef", {xlink("type"): "simple", xlink("href"): schema_href})
    resources = sub(header, ns.IX, "resources")
    for context in report.contexts:
        context_element(resources, context, prefixes)
    for unit in report.units:
        unit_element(resources, unit, prefixes)
    etree.indent(div, space="  ")
    return div
