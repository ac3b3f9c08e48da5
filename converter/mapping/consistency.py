"""The last step before writing: a report that XBRL 2.1 and XDT accept, whatever the input was.

The stages before decide concepts, contexts and relationships one table at a time; a release
can still combine them into XBRL a validator rejects. This pass over the whole report is the one
place that guarantees it cannot, and says what it changed (each with a stable code):

* a context that names one axis twice (``xbrldie:RepeatedDimensionInInstanceError``): its
  facts are left out (``map.context.dimension-repeated``);
* facts of one concept in instant and duration contexts (``xbrl.4.7.2:contextPeriodType``):
  an extension concept of this release whose facts all have the other period type takes it
  (``map.concept.period-type-fixed``); else the facts of the period type the concept does not
  have are left out (``map.fact.period-type-conflict``);
* a calculation weight that contradicts the balances of its two concepts
  (``xbrl.5.1.1.2:balanceCalcWeightIllegal*``): the relationship is left out
  (``map.calc.balance-conflict``);
* a presentation or domain-member relationship that closes a directed cycle (parent-child and
  domain-member relationships may not cycle): left out (``map.relationship.cycle``).

    >>> report, found = consistent(report)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from converter import diagnostics as dx
from converter.mapping.reconcile import conflicts
from converter.model import Diagnostic, Fact, Report, SourceSpan
from taxonomy import ns
from taxonomy.model import Arc, Balance, Concept, LinkRole, QName, Taxonomy

INSTANT, DURATION = "instant", "duration"


def consistent(report: Report) -> tuple[Report, list[Diagnostic]]:
    """``report`` as XBRL 2.1 and XDT allow it to be written, and what was changed to get there."""
    diags: list[Diagnostic] = []
    facts = _one_member_per_axis(report, diags)
    taxonomy, facts = _one_period_type(report, facts, diags)
    taxonomy = replace(taxonomy, roles=tuple(_acyclic(_balanced(role, taxonomy, diags), diags) for role in taxonomy.roles))
    used = {f.context_id for f in facts}
    contexts = tuple(c for c in report.contexts if c.id in used)
    if len(facts) == len(report.facts) and taxonomy == report.taxonomy:
        return report, diags
    return replace(report, taxonomy=taxonomy, facts=tuple(facts), contexts=contexts), diags


def declared(taxonomy: Taxonomy) -> dict[QName, Concept]:
    """Every concept the report's taxonomy and the layers it imports declare (the report's own first)."""
    out: dict[QName, Concept] = {}
    for tax in (taxonomy, *taxonomy.layers):
        for concept in tax.concepts:
            out.setdefault(concept.qname, concept)
    return out


def _one_member_per_axis(report: Report, diags: list[Diagnostic]) -> list[Fact]:
    repeated = {c.id: sorted({str(a) for a, _ in c.members if sum(1 for b, _ in c.members if b == a) > 1})
                for c in report.contexts}
    repeated = {k: v for k, v in repeated.items() if v}
    if not repeated:
        return list(report.facts)
    for context_id, axes in sorted(repeated.items()):
        left = [f for f in report.facts if f.context_id == context_id]
        if left:
            diags.append(dx.warning(
                dx.MAP_CONTEXT_DIMENSION_REPEATED, f"context {context_id} would name the axis {', '.join(axes)} twice "
                f"(XDT allows one member per axis): its {len(left)} fact(s) are left out", *_spans(left),
                context=context_id))
    return [f for f in report.facts if f.context_id not in repeated]


def _one_period_type(report: Report, facts: list[Fact], diags: list[Diagnostic]) -> tuple[Taxonomy, list[Fact]]:
    taxonomy = report.taxonomy
    concepts = declared(taxonomy)
    kind = {c.id: INSTANT if c.period.start is None else DURATION for c in report.contexts}
    kinds: dict[QName, set[str]] = {}
    for fact in facts:
        kinds.setdefault(fact.concept, set()).add(kind[fact.context_id])
    own = {c.qname for c in taxonomy.concepts if c.qname.namespace == taxonomy.namespace}
    own -= {c.qname for layer in taxonomy.layers for c in layer.concepts}
    fixed: dict[QName, str] = {}
    wrong: set[QName] = set()
    for qname, found in kinds.items():
        concept = concepts.get(qname)
        if concept is None or found == {concept.period_type}:
            continue
        if qname in own and len(found) == 1:
            fixed[qname] = next(iter(found))
            where = [f for f in facts if f.concept == qname]
            diags.append(dx.info(
                dx.MAP_CONCEPT_PERIOD_TYPE_FIXED, f"{qname} is reported only for {fixed[qname]} periods: declared "
                f"with period type {fixed[qname]}, not {concept.period_type}", *_spans(where[:1]), concept=str(qname)))
        else:
            wrong.add(qname)
    kept = [f for f in facts if f.concept not in wrong or kind[f.context_id] == concepts[f.concept].period_type]
    for qname in sorted(wrong):
        left = [f for f in facts if f.concept == qname and kind[f.context_id] != concepts[qname].period_type]
        other = INSTANT if concepts[qname].period_type == DURATION else DURATION
        diags.append(dx.warning(
            dx.MAP_FACT_PERIOD_TYPE_CONFLICT, f"{qname} has period type {concepts[qname].period_type}, but {len(left)} "
            f"figure(s) of it are for {other} periods: left out", *_spans(left), concept=str(qname)))
    if fixed:
        taxonomy = replace(taxonomy, concepts=tuple(
            replace(c, period_type=fixed[c.qname]) if c.qname in fixed else c for c in taxonomy.concepts))
    return taxonomy, kept


def _balanced(role: LinkRole, taxonomy: Taxonomy, diags: list[Diagnostic]) -> LinkRole:
    """``role`` without the calculation arcs whose weight contradicts the balances."""
    if not role.calculation:
        return role
    concepts = declared(taxonomy)
    balances: dict[QName, Balance | None] = {q: c.balance for q, c in concepts.items()}
    kept: list[Arc] = []
    for arc in role.calculation:
        weight = int(arc.weight or 0)
        if conflicts([(arc.source, ((arc.target, weight),))], balances):
            diags.append(dx.info(
                dx.MAP_CALC_BALANCE_CONFLICT, f"{arc.source} ({_balance(balances, arc.source)}) would sum "
                f"{arc.target} ({_balance(balances, arc.target)}) with weight {weight:+d}, which the balances "
                f"contradict: the calculation relationship is left out", concept=str(arc.source)))
        else:
            kept.append(arc)
    return role if len(kept) == len(role.calculation) else replace(role, calculation=tuple(kept))


def _acyclic(role: LinkRole, diags: list[Diagnostic]) -> LinkRole:
    """``role`` without the presentation and domain-member arcs that close a directed cycle."""
    presentation = _without_cycles(role.presentation, "presentation", role, diags)
    members = [a for a in role.definition_arcs if a.arcrole == ns.DOMAIN_MEMBER]
    kept_members = set(map(id, _without_cycles(members, "domain-member", role, diags)))
    definition = tuple(a for a in role.definition_arcs if a.arcrole != ns.DOMAIN_MEMBER or id(a) in kept_members)
    if len(presentation) == len(role.presentation) and len(definition) == len(role.definition_arcs):
        return role
    return replace(role, presentation=tuple(presentation), definition_arcs=definition)


def _without_cycles(arcs: Sequence[Arc], kind: str, role: LinkRole, diags: list[Diagnostic]) -> list[Arc]:
    """``arcs`` in order, each one left out that would close a directed cycle with those kept."""
    children: dict[QName, set[QName]] = {}
    kept: list[Arc] = []
    for arc in arcs:
        if _reaches(children, arc.target, arc.source):
            diags.append(dx.warning(
                dx.MAP_RELATIONSHIP_CYCLE, f"the {kind} relationship {arc.source} -> {arc.target} of {role.definition!r} "
                f"would close a cycle: left out", concept=str(arc.source)))
            continue
        children.setdefault(arc.source, set()).add(arc.target)
        kept.append(arc)
    return kept


def _reaches(children: dict[QName, set[QName]], start: QName, goal: QName) -> bool:
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        for child in children.get(node, ()):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return False


def _balance(balances: dict[QName, Balance | None], qname: QName) -> str:
    found = balances.get(qname)
    return found.value if found is not None else "no balance"


def _spans(facts: Iterable[Fact]) -> tuple[SourceSpan, ...]:
    return tuple(dict.fromkeys(f.span for f in facts))
