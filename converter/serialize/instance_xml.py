"""Write a report as an XBRL 2.1 instance document.

The instance holds the schemaRef, the report's contexts and units in order, then one fact per
distinct (concept, context, unit, value): a figure printed in two tables becomes one fact,
while two printed figures that disagree become two facts so that a validator sees (and
reports) the inconsistent duplicate. Fact ids are ``f1``, ``f2``, ... in order of first
occurrence; the spans map gives, for each id, every printed cell the fact stands for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from lxml import etree

from converter.model import Context, MergedFact, QName, Report, SourceSpan, Unit, merge_facts
from taxonomy import ns
from taxonomy.xmlout import clark, qname_text, sub, to_bytes, xlink

FIXED_PREFIXES = (
    ("xbrli", ns.XBRLI),
    ("link", ns.LINK),
    ("xlink", ns.XLINK),
    ("xbrldi", ns.XBRLDI),
    ("iso4217", ns.ISO4217),
    (ns.BASE_PREFIX, ns.BASE),
)

def render_instance(report: Report, schema_href: str) -> tuple[bytes, dict[str, tuple[SourceSpan, ...]]]:
    """Render ``report`` as an XBRL 2.1 instance.

    Args:
        report: Taxonomy, entity, contexts, units and every tagged cell.
        schema_href: The ``link:schemaRef`` href (usually the extension schema's file name).

    Returns:
        The instance bytes, and for each fact id the spans of every printed cell it stands for
        (in the order the cells appear in ``report.facts``).
    """
    merged = merge_facts(report.facts)
    prefixes = namespace_prefixes(report, (m.fact.concept for m in merged), FIXED_PREFIXES)
    nsmap = {prefix: namespace for namespace, prefix in prefixes.items()}
    if any(m.fact.value is None for m in merged):
        nsmap["xsi"] = ns.XSI
    root = etree.Element(clark(ns.XBRLI, "xbrl"), nsmap=nsmap)
    sub(root, ns.LINK, "schemaRef", {xlink("type"): "simple", xlink("href"): schema_href})
    for context in report.contexts:
        context_element(root, context, prefixes)
    for unit in report.units:
        unit_element(root, unit, prefixes)
    spans: dict[str, tuple[SourceSpan, ...]] = {}
    for number, item in enumerate(merged, start=1):
        fact_id = f"f{number}"
        _fact(root, fact_id, item)
        spans[fact_id] = item.spans
    return to_bytes(root), spans


def namespace_prefixes(report: Report, concepts: Iterable[QName], fixed: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Namespace to prefix: the ``fixed`` (prefix, namespace) ones, the extension's, then any other
    used by ``concepts``, members or measures (sorted)."""
    prefixes = {namespace: prefix for prefix, namespace in fixed}
    prefixes.setdefault(report.taxonomy.namespace, report.taxonomy.prefix)
    used = list(concepts)
    used += [q for c in report.contexts for pair in c.members for q in pair]
    used += [q for u in report.units for q in (*u.numerators, *u.denominators)]
    taken = set(prefixes.values())
    for qname in sorted(set(used)):
        if qname.namespace not in prefixes and qname.prefix not in taken:
            prefixes[qname.namespace] = qname.prefix
            taken.add(qname.prefix)
    return prefixes


def context_element(root: etree._Element, context: Context, prefixes: Mapping[str, str]) -> None:
    """Append ``context`` as an ``xbrli:context`` to ``root`` (instance or ``ix:resources``)."""
    elt = sub(root, ns.XBRLI, "context", {"id": context.id})
    entity = sub(elt, ns.XBRLI, "entity")
    sub(entity, ns.XBRLI, "identifier", {"scheme": context.entity.scheme}, text=context.entity.identifier)
    if context.members:
        segment = sub(entity, ns.XBRLI, "segment")
        for axis, member in context.members:
            sub(segment, ns.XBRLDI, "explicitMember",
                {"dimension": qname_text(axis, prefixes)}, text=qname_text(member, prefixes))
    period = sub(elt, ns.XBRLI, "period")
    if context.period.start is None:
        sub(period, ns.XBRLI, "instant", text=context.period.end.isoformat())
    else:
        sub(period, ns.XBRLI, "startDate", text=context.period.start.isoformat())
        sub(period, ns.XBRLI, "endDate", text=context.period.end.isoformat())


def unit_element(root: etree._Element, unit: Unit, prefixes: Mapping[str, str]) -> None:
    """Append ``unit`` as an ``xbrli:unit`` to ``root`` (instance or ``ix:resources``)."""
    elt = sub(root, ns.XBRLI, "unit", {"id": unit.id})
    if not unit.denominators:
        for measure in unit.numerators:
            sub(elt, ns.XBRLI, "measure", text=qname_text(measure, prefixes))
        return
    divide = sub(elt, ns.XBRLI, "divide")
    for part, measures in (("unitNumerator", unit.numerators), ("unitDenominator", unit.denominators)):
        holder = sub(divide, ns.XBRLI, part)
        for measure in measures:
            sub(holder, ns.XBRLI, "measure", text=qname_text(measure, prefixes))


def _fact(root: etree._Element, fact_id: str, item: MergedFact) -> None:
    fact = item.fact
    attrs = {"id": fact_id, "contextRef": fact.context_id, "unitRef": fact.unit_id}
    if fact.value is None:
        attrs[clark(ns.XSI, "nil")] = "true"
        sub(root, fact.concept.namespace, fact.concept.local, attrs)
        return
    attrs["decimals"] = str(item.decimals)
    sub(root, fact.concept.namespace, fact.concept.local, attrs, text=decimal_text(fact.value))


def decimal_text(value: Decimal) -> str:
    """A decimal as plain xsd:decimal text: no exponent, ``0`` for negative zero."""
    text = format(value, "f")
    return "0" if text.lstrip("-").strip("0.") == "" else text
