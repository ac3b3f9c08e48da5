"""The map stage with a company's taxonomy: line items and members recalled, names kept apart.

Before rows are told apart (:mod:`converter.mapping.identity`), :func:`recall` gives each
line item that would get an extension concept the company's concept for it: the one its label
key names, else the one of its name, else the one whose reported figures (without members)
its own repeat, for every period they share, when exactly one concept does. A recalled
concept keeps what the company's taxonomy declares (its name, type and balance), as a base
concept does. After rows are told apart, :func:`settle` recalls the concepts whose names were
made meanwhile, and renames those whose name the company's taxonomy declares as something else
(an amount where it has a share count): never two declarations of one name.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from converter.labels import camel
from converter.mapping import contexts as cx
from converter.mapping.company.state import CompanyTaxonomy, KnownConcept, line_key, member_key
from converter.mapping.concepts import ConceptChoice
from converter.mapping.members import Alias, is_default
from converter.mapping.series import DEFAULT, Series
from converter.model import ConceptRole, Overrides, QName, Statement, UnitKind
from taxonomy.base import BaseConcept


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyConcept(BaseConcept):
    """A concept the company's taxonomy declares, fixed as a base concept is (name, type, balance)."""

    namespace: str
    prefix: str

    @property
    def qname(self) -> QName:
        """The concept's QName in the company's namespace."""
        return QName(self.namespace, self.prefix, self.name)


def company_choice(company: CompanyTaxonomy, known: KnownConcept, two_sided: bool) -> ConceptChoice:
    """The choice of a concept the company's taxonomy declares (``two_sided`` as the row's label says)."""
    assert known.item_type is not None, "only line items are recalled"
    base = CompanyConcept(name=known.local, label=known.label, item_type=known.item_type, period_type=known.period_type,
                          balance=known.balance, two_sided=two_sided, namespace=company.namespace, prefix=company.prefix)
    return ConceptChoice(local=known.local, label=known.label, item_type=known.item_type, period_type=known.period_type,
                         balance=known.balance, two_sided=two_sided, base=base)


def recall(company: CompanyTaxonomy, statements: Sequence[Statement], series: Sequence[Series],
           choices: Sequence[ConceptChoice], pinned: frozenset[int]) -> list[ConceptChoice]:
    """The choices with the company's concepts recalled for extension line items.

    Args:
        company: The company's taxonomy.
        statements: The release's statements.
        series: Its line items.
        choices: The concept chosen for each (by label, or pinned by the mapping file).
        pinned: Series a mapping file pins: recalled by their pinned name only.
    """
    out = list(choices)
    claimed = {c.local for c in choices if c.base is None}
    by_figures: list[int] = []
    for i, choice in enumerate(choices):
        if choice.base is not None:
            continue
        labels = () if i in pinned else (choice.label, series[i].printed_label)
        known = next(_by_labels(company, choice, labels), None) or _of_kind(company, choice.local, choice)
        if known is not None:
            out[i] = company_choice(company, known, choice.two_sided)
            claimed.add(known.local)
        elif i not in pinned:
            by_figures.append(i)
    for i in by_figures:
        known = _by_figures(company, statements[series[i].statement], series[i], choices[i], claimed)
        if known is not None:
            out[i] = company_choice(company, known, choices[i].two_sided)
            claimed.add(known.local)
    return out


def settle(company: CompanyTaxonomy, choices: Sequence[ConceptChoice]) -> list[ConceptChoice]:
    """The choices once rows are told apart: names the company declares recalled, or renamed
    (numbered) where it declares them as another kind of concept."""
    taken = {c.local for c in choices if c.base is None}
    renamed: dict[tuple[str, object, str], str] = {}
    out = list(choices)
    for i, choice in enumerate(choices):
        if choice.base is not None or choice.local not in company.concepts:
            continue
        known = _of_kind(company, choice.local, choice)
        if known is not None:
            out[i] = company_choice(company, known, choice.two_sided)
            continue
        key = (choice.local, choice.item_type, choice.period_type)
        if key not in renamed:
            n = 2
            while f"{choice.local}{n}" in company.concepts or f"{choice.local}{n}" in taken:
                n += 1
            renamed[key] = f"{choice.local}{n}"
            taken.add(renamed[key])
        out[i] = replace(choice, local=renamed[key])
    return out


def member_alias(company: CompanyTaxonomy | None, overrides: Overrides) -> Alias | None:
    """The (local name, label) a printed member label is given: the mapping file's name, and
    the company's member for it (or for that name)."""
    if company is None and not overrides.members:
        return None

    def alias(label: str) -> tuple[str, str] | None:
        named = overrides.member_name(label)
        shown = named or label
        local = company.members.get(member_key(shown)) if company is not None else None
        if local is not None and company is not None and local in company.concepts:
            return local, company.concepts[local].label
        return (f"{camel(named)}Member", named) if named else None

    return alias


def _by_labels(company: CompanyTaxonomy, choice: ConceptChoice, labels: Sequence[str]) -> Iterator[KnownConcept]:
    for label in labels:
        key = line_key(choice.item_type, choice.period_type, label)
        known = _of_kind(company, company.labels.get(key), choice) if key else None
        if known is not None:
            yield known


def _of_kind(company: CompanyTaxonomy, local: str | None, choice: ConceptChoice) -> KnownConcept | None:
    """The company's line item concept named ``local``, when it is of the choice's type and period type."""
    known = company.concepts.get(local) if local else None
    if known is None or known.role is not ConceptRole.ITEM:
        return None
    return known if (known.item_type, known.period_type) == (choice.item_type, choice.period_type) else None


def _by_figures(company: CompanyTaxonomy, statement: Statement, s: Series, choice: ConceptChoice,
                claimed: set[str]) -> KnownConcept | None:
    """The one concept of the choice's kind, not claimed by another row, whose figures for the
    periods this row shares with it are this row's (in magnitude), one of them not zero."""
    mine = dict(_figures(statement, s))
    if not mine:
        return None
    found = []
    for local, theirs in company.figures.items():
        known = _of_kind(company, local, choice)
        shared = [k for k in mine if k in theirs]
        if known is None or local in claimed or not shared:
            continue
        if all(abs(Decimal(theirs[k])) == mine[k] for k in shared) and any(mine[k] for k in shared):
            found.append(known)
    return found[0] if len(found) == 1 else None


def _figures(statement: Statement, s: Series) -> Iterator[tuple[str, Decimal]]:
    """A row's figures without members, in magnitude, by ``period key|unit id`` (as facts are recorded)."""
    if s.unit is UnitKind.OTHER or s.balance_at is not None or statement.member:
        return
    unit = cx.unit_for(s.unit, statement.scale.currency).id
    for (member, column), value in s.cells.items():
        col = statement.columns[column]
        if member == DEFAULT and (col.member is None or is_default(col.member)) and col.period is not None:
            yield f"{col.period.key()}|{unit}", abs(s.scaled(value))
