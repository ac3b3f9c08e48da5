"""The map stage: statements in, an XBRL report (taxonomy, contexts, units, facts) out.

Steps, each in its own module:
 1. ``series``      rows and member breakdowns as series of figures;
 2. ``concepts``    a concept per series (base concept by label, else extension) and members;
 3. ``arithmetic``  totals the printed figures support, with printed weights;
 4. ``signs``       the sign each series' figures take as facts;
 5. ``calculations`` balances from meaning and arithmetic, the relationships to write;
 6. here            contexts, units, facts, duplicate checks;
 7. ``linkbase``    the extension taxonomy with presentation, calculation and definition links.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from converter import diagnostics as dx
from converter.labels import camel, slug
from converter.mapping import contexts as cx
from converter.mapping.base_match import balance_sheet_section
from converter.mapping.breakdowns import fold_member_rows
from converter.mapping.calc_check import half_unit
from converter.mapping.calculations import Calculations, broken_totals, printed_relations
from converter.mapping.company.recall import member_alias, recall, settle
from converter.mapping.company.state import CompanyTaxonomy
from converter.mapping.concepts import ConceptChoice, LineContext, choose, unlabelled
from converter.mapping.extension import MappedStatement, build_taxonomy
from converter.mapping.identity import distinguish, qualify_under_things
from converter.mapping.mapping_report import mapping_rows
from converter.mapping.members import Members, is_default
from converter.mapping.pins import pin_concepts, split_pins, unmatched_members
from converter.mapping.refinement import refinements
from converter.mapping.series import DEFAULT, Series, series_of
from converter.mapping.signs import decide_signs, visiting_order
from converter.model import (
    NO_OVERRIDES,
    ConceptPin,
    Context,
    Diagnostic,
    Entity,
    Fact,
    ItemType,
    Overrides,
    Period,
    QName,
    Report,
    Statement,
    StatementKind,
    Unit,
)
from taxonomy import ns


@dataclass(frozen=True, slots=True, kw_only=True)
class MapOptions:
    """Who reports, as the user or the document tells.

    Attributes:
        company: Company name found in the release.
        cik: SEC CIK (``--cik``), if any.
        entity_name: Display name override (``--entity-name``).
        overrides: A mapping file's concept pins and member names.
        company_taxonomy: The company's taxonomy to reuse (``--taxonomy-dir``): its namespace,
            concepts and members; None: the release's own namespace.
        released: Date of the release, when found: the period it reports ended by then.
    """

    company: str | None = None
    cik: str | None = None
    entity_name: str | None = None
    overrides: Overrides = NO_OVERRIDES
    company_taxonomy: CompanyTaxonomy | None = None
    released: dt.date | None = None


def reported_end(statements: Sequence[Statement], released: dt.date | None) -> dt.date:
    """The end of the period a release reports, which dates its taxonomy and instance: the latest
    period of its primary statements (else of every table) that had ended when it was released.
    Guidance and the years of a maturity schedule ("Fiscal 2027") end later."""
    primary = [st for st in statements if st.kind.primary] or statements
    ends = [c.period.end for st in primary for c in st.columns if c.period is not None]
    return max([end for end in ends if released is None or end <= released] or ends)


def map_report(statements: Sequence[Statement], options: MapOptions) -> tuple[Report | None, list[Diagnostic]]:
    """Map statements to a report; None when no statement yields a fact."""
    diags: list[Diagnostic] = []
    series = [s for n, st in enumerate(statements) for s in series_of(n, st)]
    if not series:
        return None, [dx.error(dx.MAP_NO_FACTS, "no line item with figures of a known period")]
    ent = cx.entity(options.company, options.cik, options.entity_name)
    period_end = reported_end(statements, options.released)
    company = options.company_taxonomy  # its namespace is the company's, the same for every release
    prefix = company.prefix if company else cx.prefix_for(ent.name)
    namespace = company.namespace if company else f"{ns.EXTENSION_BASE}/{slug(ent.name) or 'entity'}/{period_end:%Y%m%d}"
    lines = [_line_context(statements, s) for s in series]
    choices, pinned, found = _choices(statements, series, lines, options)
    diags.extend(found)
    qnames = [c.qname(namespace, prefix) for c in choices]
    folded, across = fold_member_rows(series, qnames, {n for n, st in enumerate(statements) if st.member})
    for i, (j, _) in folded.items():
        choices[i], qnames[i] = choices[j], qnames[j]
    members = _members(statements, series, qnames, folded, across,
                       Members(namespace, prefix, member_alias(company, options.overrides)))
    for i, (j, _) in across.items():
        choices[i], qnames[i] = choices[j], qnames[j]
    identities = [_identity(statements[s.statement], s, across[i][1] if i in across else None) for i, s in enumerate(series)]
    order = visiting_order(series, [st.kind for st in statements])
    distinguish(series, order, choices, qnames, lambda i: identities[i], [st.title for st in statements],
                lambda choice: choice.qname(namespace, prefix))
    if company is not None:
        choices[:] = settle(company, choices)
        qnames[:] = [c.qname(namespace, prefix) for c in choices]
    diags.extend(split_pins(series, pinned, qnames))
    signs = decide_signs(series, order, lambda i: choices[i].two_sided,
                         lambda i: {k: (qnames[i], *v) for k, v in identities[i].items()})
    relations = printed_relations(statements, series)
    calc = Calculations(series=series, qnames=qnames, relations=relations)
    settled = calc.settle_balances(statements, order, lines, choices, signs)
    signs = [-sign if qnames[i] in settled.flipped else sign for i, sign in enumerate(signs)]
    choices = [c if c.base is not None or c.item_type is not ItemType.MONETARY else replace(c, balance=settled.balances.get(qnames[i]))
               for i, c in enumerate(choices)]
    facts, contexts, units = _facts(statements, series, qnames, signs, members, ent)
    facts, found = _apart(facts)
    diags.extend(found)
    used = {f.context_id for f in facts}
    contexts = [c for c in contexts if c.id in used]
    diags.extend(_duplicates(facts))
    diags.extend(broken_totals(statements, relations))
    mapped = []
    for n, st in enumerate(statements):
        summations, found = calc.written(n, st, signs, settled.balances, facts)
        diags.extend(found)
        mapped.append(MappedStatement(
            statement=st,
            series=[(s, choices[i], qnames[i], signs[i]) for i, s in enumerate(series) if s.statement == n],
            calculation=summations,
        ))
    refined = refinements(order, lines, choices, qnames, [c for n in range(len(statements)) for c in calc.summations(n, signs)])
    taxonomy = build_taxonomy(mapped, members, prefix=prefix, namespace=namespace, name=f"{prefix}-{period_end:%Y%m%d}",
                              refinements={q: r.target.qname for q, r in refined.items()})
    report = Report(
        taxonomy=taxonomy, entity=ent,
        contexts=tuple(sorted(contexts, key=lambda c: (c.period.end, c.period.start or dt.date.min, c.id))),
        units=tuple(sorted(units, key=lambda u: u.id)),
        facts=tuple(facts), period_end=period_end,
        mapping=mapping_rows(statements, series, choices, qnames, refined),
    )
    return report, diags


def _choices(statements: Sequence[Statement], series: Sequence[Series], lines: Sequence[LineContext],
             options: MapOptions) -> tuple[list[ConceptChoice], dict[int, ConceptPin], list[Diagnostic]]:
    """A concept per series: by its label, as the mapping file pins it, as the company's taxonomy recalls it."""
    choices = [choose(line) for line in lines]
    pinned, diags = pin_concepts(statements, series, lines, choices, options.overrides.concepts)
    qualify_under_things(series, choices, frozenset(pinned))
    diags += unmatched_members(statements, series, options.overrides.members)
    if options.company_taxonomy is not None:
        choices = recall(options.company_taxonomy, statements, series, choices, frozenset(pinned))
    return choices, pinned, diags


def _members(statements: Sequence[Statement], series: Sequence[Series], qnames: list[QName],
             folded: dict[int, tuple[int, str]], across: dict[int, tuple[int, str]], members: Members) -> Members:
    """Register every breakdown: statements naming a part, rows (by concept), columns. A breakdown
    of a member across another axis whose member is on none stays a line item of its own (it
    is dropped from ``across``)."""
    for n, st in enumerate(statements):
        if st.member:
            members.add_part(n, st.member)
    for i in sorted(range(len(series)), key=lambda i: i in folded or i in across):  # the wholes first, then their parts
        s, part_of = series[i], folded[i][1] if i in folded else None
        if i in across:
            j, whole = across[i]
            if not members.add_across((s.statement, s.item.row), qnames[j], whole):
                del across[i]
            else:
                qnames[i] = qnames[j]
        labels = [m for m in s.members if m != part_of]
        members.add((s.statement, s.item.row), labels, [s.printed_label, *s.headings], s.label, qnames[i], part_of,
                    s.wholes, section=s.section)
    for n, st in enumerate(statements):
        members.add_columns(n, [c.member for c in st.columns if c.member], st.title)
    return members


def _identity(statement: Statement, s: Series, whole: str | None = None) -> dict[tuple[str, int], tuple[str, str, str]]:
    """Each cell's fact identity but for the concept: (part|row member|column member, period, unit);
    the row member of a breakdown of the member ``whole`` across another axis is both."""
    def row(m: str) -> str:
        return m if whole is None else whole if m == DEFAULT else f"{whole}|{m}"

    return {
        (m, c): (f"{statement.member or ''}|{row(m)}|{_column_member(statement, c)}", _period(statement, c, s).key(),
                 s.unit.value)
        for (m, c) in s.cells
    }


def _facts(
    statements: Sequence[Statement],
    series: Sequence[Series],
    qnames: Sequence[QName],
    signs: Sequence[int],
    members: Members,
    ent: Entity,
) -> tuple[list[Fact], list[Context], list[Unit]]:
    """A fact per printed cell, with the contexts and units they use (each once)."""
    contexts: dict[str, Context] = {}
    units: dict[str, Unit] = {}
    facts: list[Fact] = []
    for i, s in enumerate(series):
        st = statements[s.statement]
        measure = QName(qnames[i].namespace, qnames[i].prefix, camel(s.unit_name)) if s.unit_name else None
        unit = cx.unit_for(s.unit, st.scale.currency, measure)
        units.setdefault(unit.id, unit)
        part = members.part(s.statement)
        for (member, column), value in s.cells.items():
            col = _column_member(st, column)
            dims = [part] if part is not None else []
            dims += [] if (whole := members.across((s.statement, s.item.row))) is None else [whole]
            dims += [members.row((s.statement, s.item.row), member)] if member != DEFAULT else []
            dims += [members.column(s.statement, col)] if col != DEFAULT else []
            pairs = tuple(sorted((d.axis.axis, d.member) for d in dims))
            ctx = cx.make_context(ent, _period(st, column, s), pairs)
            contexts.setdefault(ctx.id, ctx)
            amount = None if value.amount is None else value.amount.scaleb(s.scale) * signs[i]
            facts.append(Fact(
                concept=qnames[i], context_id=ctx.id, unit_id=unit.id,
                value=Decimal(0) if amount is None else _tidy(amount), decimals=value.decimals,
                span=value.span, printed=value.printed, scale=s.scale,
                negated=signs[i] < 0 and value.amount is not None and value.amount != 0,
                statement=(st.table, st.part), row=value.span.row or s.item.row,
            ))
    return facts, list(contexts.values()), list(units.values())


def _line_context(statements: Sequence[Statement], s: Series) -> LineContext:
    st = statements[s.statement]
    if s.balance_at is not None:
        return LineContext(label=s.balance_label, unit=s.unit, headings=s.headings, instant=True)
    printed = {k[1] for k in s.cells}  # once, not once per column: a wide table costs no more per cell
    instant = any(c.period is not None and c.period.is_instant for c in st.columns if c.index in printed)
    label = s.label or unlabelled(st.items, s.item.row)
    section = balance_sheet_section(st.items, s.item.row) if st.kind is StatementKind.BALANCE else ""
    return LineContext(label=label, unit=s.unit, headings=s.headings, instant=instant, section=section)


def _column_member(statement: Statement, column: int) -> str:
    """The member a column stands for ("Financial Products"), DEFAULT for consolidated / as reported."""
    member = statement.columns[column].member
    return DEFAULT if member is None or is_default(member) else member


def _period(statement: Statement, column: int, series: Series | None = None) -> Period:
    """The period of a cell: its column's, or for a balance in a flow statement the instant
    before the period starts ("beginning balances") or at its end ("end of period")."""
    period = statement.columns[column].period
    assert period is not None, "series only hold cells of period columns"
    at = series.balance_at if series is not None else None
    if at is None or period.start is None:
        return period
    return Period(end=period.start - dt.timedelta(days=1)) if at == "start" else Period(end=period.end)


def _tidy(value: Decimal) -> Decimal:
    """Drop exponent noise: 24392E+3 -> 24392000, -0.110 stays -0.110."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _apart(facts: Sequence[Fact]) -> tuple[list[Fact], list[Diagnostic]]:
    """Leave out the cells of a row that nothing tells apart: columns of one period with no
    member, whose figures would be one fact (a header misread). A warning names the columns."""
    cells: dict[tuple[QName, str, str, tuple[int, int], int], list[Fact]] = {}
    for fact in facts:
        cells.setdefault((fact.concept, fact.context_id, fact.unit_id, fact.statement, fact.row), []).append(fact)
    clashing = {id(f) for same in cells.values() if len({f.span.column for f in same}) > 1 for f in same}
    diags: list[Diagnostic] = []
    for same in cells.values():
        if id(same[0]) in clashing:
            columns = ", ".join(str(f.span.column) for f in same)
            diags.append(dx.warning(
                dx.PARSE_COLUMN_SKIPPED, f"columns {columns} of this row share the period {same[0].context_id} and "
                f"nothing in their headers tells them apart: left out", *(f.span for f in same)))
    return [f for f in facts if id(f) not in clashing], diags


def _duplicates(facts: Sequence[Fact]) -> list[Diagnostic]:
    """An INCONSISTENCY for every fact printed twice with values that differ beyond the coarser
    one's rounding ("$13.6" billion and "13,589" millions are one value, as XBRL's duplicates)."""
    seen: dict[tuple[QName, str, str], Fact] = {}
    out: list[Diagnostic] = []
    for fact in facts:
        key = (fact.concept, fact.context_id, fact.unit_id)
        first = seen.setdefault(key, fact)
        if first is not fact and not _consistent(first, fact):
            out.append(
                dx.inconsistency(
                    dx.MAP_DUPLICATE_INCONSISTENT,
                    f"{fact.concept} for {fact.context_id} is printed as {first.printed} and as {fact.printed}",
                    first.span, fact.span, concept=str(fact.concept), context=fact.context_id,
                )
            )
    return out


def _consistent(a: Fact, b: Fact) -> bool:
    """Whether two cells of one fact agree within the rounding of the coarser one."""
    if a.value is None or b.value is None:
        return a.value == b.value
    return abs(a.value - b.value) <= half_unit(min(a.decimals, b.decimals))
