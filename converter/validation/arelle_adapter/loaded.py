"""What a validation run loaded: whether it was XBRL at all, and which facts are in calculations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from taxonomy.ns import SUMMATION_ITEM_11, SUMMATION_ITEM_21


@dataclass(frozen=True, slots=True, kw_only=True)
class Loaded:
    """A summary of the models of one run, taken before they are closed.

    Attributes:
        is_xbrl: True when some model holds an XBRL document (not unknown XML, HTML or nothing).
        calc_fact_ids: Ids of facts whose concept is the source or target of a summation-item
            relationship (Calc 1.1 or XBRL 2.1).
    """

    is_xbrl: bool
    calc_fact_ids: frozenset[str]


def summarize(models: Sequence[Any]) -> Loaded:
    """Summarise the open ``models`` of a run."""
    kinds = _xbrl_types()
    xbrl = [m for m in models if _doc_type(m) in kinds]
    ids: set[str] = set()
    for model in xbrl:
        concepts = _calc_concepts(model)
        ids.update(
            f.id for f in getattr(model, "factsInInstance", None) or () if f.id and f.qname in concepts
        )
    return Loaded(is_xbrl=bool(xbrl), calc_fact_ids=frozenset(ids))


def _xbrl_types() -> frozenset[int]:
    """Arelle's document types that are XBRL (schema, linkbase, instance, inline, entry set, IXDS)."""
    from arelle.ModelDocument import Type

    return frozenset(
        {
            Type.SCHEMA,
            Type.LINKBASE,
            Type.INSTANCE,
            Type.INLINEXBRL,
            Type.DTSENTRIES,
            Type.INLINEXBRLDOCUMENTSET,
        }
    )


def _doc_type(model: Any) -> int | None:
    document = getattr(model, "modelDocument", None)
    return getattr(document, "type", None) if document is not None else None


def _calc_concepts(model: Any) -> set[Any]:
    qnames: set[Any] = set()
    for arcrole in (SUMMATION_ITEM_11, SUMMATION_ITEM_21):
        for rel in model.relationshipSet(arcrole).modelRelationships:
            for concept in (rel.fromModelObject, rel.toModelObject):
                if concept is not None:
                    qnames.add(concept.qname)
    return qnames
