"""A company's taxonomy found, extended by a report, and the report's taxonomy split into two layers.

:func:`find_company` picks the company's taxonomy among those of a taxonomy directory (by CIK,
else by name), or starts one (a folder named after it: ``apple-inc``, ``-2`` when taken).
:func:`extended` adds what a report defines to the company's taxonomy, never changing what it
declared before: new concepts and members, the labels its line items were printed with (the
next release recalls them by those), the figures it reported, the release itself.
:func:`layered` makes the report's taxonomy the release's own (namespace
``<company namespace>/<yyyymmdd>``, declaring no concepts: its roles and relationships) importing
the company's layer, which declares every concept the company's releases used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from converter.labels import slug
from converter.mapping import contexts as cx
from converter.mapping.company.state import CompanyTaxonomy, CompanyTaxonomyError, KnownConcept, line_key, member_key
from converter.model import ConceptRole, Entity, LabelRole, Report, Taxonomy
from taxonomy import ns


def find_company(indexes: Sequence[tuple[str, Mapping[str, Any]]], taken: set[str], entity: Entity) -> CompanyTaxonomy:
    """The taxonomy of ``entity``'s company among a taxonomy directory's ``indexes`` (folder,
    ``company.json``), else a new one in a folder named after it that is none of ``taken``.

    A company is the one whose index records the entity's CIK; else, when neither records a CIK
    that differs, the one converted under the entity's name.

    Raises:
        CompanyTaxonomyError: An index is not one xbrlify wrote.
    """
    cik = entity.identifier if entity.scheme == ns.SEC_CIK_SCHEME else None
    name = slug(entity.name)
    known = []
    for folder, raw in indexes:
        try:
            known.append(CompanyTaxonomy.from_json(folder, raw))
        except ValueError as exc:
            raise CompanyTaxonomyError(f"{folder}/company.json: not a company taxonomy xbrlify can read: {exc}") from exc
    by_cik = next((c for c in known if cik is not None and c.cik == cik), None)
    found = by_cik or next((c for c in known if name in c.names and (cik is None or c.cik is None)), None)
    if found is not None:
        return found
    base = folder = name or "company"
    n = 2
    while folder in taken:
        folder, n = f"{base}-{n}", n + 1
    return new_company(folder, entity.name, cik)


def new_company(folder: str, name: str, cik: str | None) -> CompanyTaxonomy:
    """An empty taxonomy for a company first met, kept in ``folder``."""
    return CompanyTaxonomy(folder=folder, name=name, cik=cik, names=(slug(name),), prefix=cx.prefix_for(name),
                           namespace=f"{ns.EXTENSION_BASE}/{folder}", concepts={}, labels={}, members={}, figures={})


def extended(company: CompanyTaxonomy, report: Report, release: str) -> CompanyTaxonomy:
    """``company`` with what ``report`` (converted from the file named ``release``) adds.

    Raises:
        CompanyTaxonomyError: The report declares a name of the company's otherwise (a defect:
            the map stage recalls or renames every such name).
    """
    own = [c for c in report.taxonomy.concepts if c.qname.namespace == company.namespace]
    concepts = dict(company.concepts)
    labels = dict(company.labels)
    members = dict(company.members)
    for c in own:
        made = KnownConcept(local=c.qname.local, role=c.role, item_type=c.item_type, period_type=c.period_type,
                            balance=c.balance, label=c.label)
        declared = concepts.setdefault(made.local, made)
        if replace(declared, label=made.label) != made:  # recall and settle keep this from happening: never write it
            raise CompanyTaxonomyError(f"{company.folder}: {made.local} is declared as {_kind(declared)}; the release "
                                       f"would make it {_kind(made)}")
        if c.role is ConceptRole.ITEM and c.item_type is not None:
            keys = (line_key(c.item_type, c.period_type, label.text) for label in c.labels
                    if label.role is not LabelRole.DOCUMENTATION)
            for key in keys:
                if key is not None:
                    labels.setdefault(key, c.qname.local)
        elif c.role is ConceptRole.MEMBER and not c.qname.local.endswith("Domain") and member_key(c.label):
            members.setdefault(member_key(c.label), c.qname.local)
    ent = report.entity
    cik = company.cik or (ent.identifier if ent.scheme == ns.SEC_CIK_SCHEME else None)
    names = tuple(sorted({*company.names, slug(ent.name)}))
    releases = (*(r for r in company.releases if r[0] != report.taxonomy.name), (report.taxonomy.name, release))
    return replace(company, cik=cik, names=names, concepts=concepts, labels=labels, members=members,
                   figures=_figures(company, report), releases=releases)


def _kind(concept: KnownConcept) -> str:
    balance = f", {concept.balance.value}" if concept.balance else ""
    return f"{concept.role.value} ({concept.item_type.value if concept.item_type else 'no type'}, {concept.period_type}{balance})"


def _figures(company: CompanyTaxonomy, report: Report) -> dict[str, dict[str, str]]:
    """The company's figures with the report's facts without members (by period and unit), the
    report's figure winning where a later release restates one."""
    out = {local: dict(found) for local, found in company.figures.items()}
    contexts = {c.id: c for c in report.contexts}
    for fact in report.facts:
        context = contexts[fact.context_id]
        if fact.concept.namespace == company.namespace and not context.members and fact.value is not None:
            out.setdefault(fact.concept.local, {})[f"{context.period.key()}|{fact.unit_id}"] = str(fact.value)
    return out


def company_layer(company: CompanyTaxonomy) -> Taxonomy:
    """The company's taxonomy as a model taxonomy: every concept it declares, with its label."""
    concepts = tuple(k.concept(company.namespace, company.prefix) for _, k in sorted(company.concepts.items()))
    return Taxonomy(prefix=company.prefix, namespace=company.namespace, name=company.prefix, concepts=concepts,
                    roles=(), imports=())


def layered(report: Report, company: CompanyTaxonomy) -> Report:
    """``report`` with its taxonomy the release's own, importing the company's layer (``company``
    extended by the report already)."""
    tax = report.taxonomy
    release = replace(tax, namespace=f"{company.namespace}/{report.period_end:%Y%m%d}", prefix=tax.name,
                      imports=(*tax.imports, (company.namespace, f"{company.prefix}.xsd")),
                      layers=(company_layer(company),))
    return replace(report, taxonomy=release)
