"""Small hand-built taxonomy and report for the writer tests (not collected by pytest).

An income statement in thousands: product + service revenues = revenues (a total), revenues -
cost of sales (negated label) = gross profit, basic EPS (per share) and weighted shares; revenues
broken down by a segment axis with two members and a default; one figure printed twice.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from converter.model import (
    Arc,
    Balance,
    Concept,
    ConceptRole,
    Context,
    Entity,
    Fact,
    ItemType,
    Label,
    LabelRole,
    LinkRole,
    Period,
    QName,
    Report,
    SourceSpan,
    StatementKind,
    Taxonomy,
    Unit,
)
from taxonomy import ns
from taxonomy.base import BY_NAME

EXT_NS = f"{ns.EXTENSION_BASE}/tst/20241231"
PREFIX = "tst"
NAME = "tst-20241231"
ROLE_URI = f"{EXT_NS}/role/IncomeStatement"


def base(name: str) -> QName:
    """A base concept's QName."""
    return QName(ns.BASE, ns.BASE_PREFIX, name)


def ext(name: str) -> QName:
    """An extension concept's QName."""
    return QName(EXT_NS, PREFIX, name)


def _ext_concept(local: str, role: ConceptRole, item_type: ItemType | None, *labels: Label) -> Concept:
    balance = Balance.CREDIT if item_type is ItemType.MONETARY else None
    return Concept(qname=ext(local), role=role, item_type=item_type, period_type="duration",
                   balance=balance, labels=labels)


def _std(text: str) -> Label:
    return Label(role=LabelRole.STANDARD, text=text)


def _base_concept(name: str, *extra: Label) -> Concept:
    concept = BY_NAME[name].concept()
    return replace(concept, labels=concept.labels + extra)


def sample_concepts() -> tuple[Concept, ...]:
    """Base and extension concepts, sorted by QName as the mapper does."""
    concepts = (
        _base_concept("Revenues", Label(role=LabelRole.TOTAL, text="Total revenues")),
        _base_concept("CostOfRevenue", Label(role=LabelRole.NEGATED, text="Cost of sales")),
        _base_concept("GrossProfit"),
        _base_concept("EarningsPerShareBasic"),
        _base_concept("WeightedAverageNumberOfSharesOutstandingBasic"),
        _base_concept("SegmentAxis"),
        _base_concept("SegmentDomain"),
        _base_concept("SegmentTable"),
        _ext_concept("ProductRevenue", ConceptRole.ITEM, ItemType.MONETARY, _std("Product revenue"),
                     Label(role=LabelRole.TERSE, text="Product")),
        _ext_concept("ServiceRevenue", ConceptRole.ITEM, ItemType.MONETARY, _std("Service revenue")),
        _ext_concept("IncomeStatementAbstract", ConceptRole.ABSTRACT, None, _std("Income statement")),
        _ext_concept("IncomeStatementLineItems", ConceptRole.ABSTRACT, None, _std("Line items")),
        _ext_concept("ConsumerMember", ConceptRole.MEMBER, ItemType.DOMAIN, _std("Consumer")),
        _ext_concept("EnterpriseMember", ConceptRole.MEMBER, ItemType.DOMAIN, _std("Enterprise")),
    )
    return tuple(sorted(concepts, key=lambda c: c.qname))


def _arcs(parent: QName, *children: QName, **kw: object) -> tuple[Arc, ...]:
    return tuple(Arc(source=parent, target=c, order=i, **kw) for i, c in enumerate(children, 1))  # type: ignore[arg-type]


def sample_role() -> LinkRole:
    """The income statement role with presentation, calculation and definition arcs."""
    head = ext("IncomeStatementAbstract")
    presentation = (
        *_arcs(head, ext("ProductRevenue"), ext("ServiceRevenue")),
        Arc(source=head, target=base("Revenues"), order=3, preferred_label=LabelRole.TOTAL),
        Arc(source=head, target=base("CostOfRevenue"), order=4, preferred_label=LabelRole.NEGATED),
        *(Arc(source=head, target=t, order=i) for i, t in (
            (5, base("GrossProfit")), (6, base("EarningsPerShareBasic")),
            (7, base("WeightedAverageNumberOfSharesOutstandingBasic")))),
    )
    calculation = (
        *_arcs(base("Revenues"), ext("ProductRevenue"), ext("ServiceRevenue"), weight=Decimal(1)),
        Arc(source=base("GrossProfit"), target=base("Revenues"), order=1, weight=Decimal(1)),
        Arc(source=base("GrossProfit"), target=base("CostOfRevenue"), order=2, weight=Decimal(-1)),
    )
    items = ext("IncomeStatementLineItems")
    definition = (
        Arc(source=items, target=base("SegmentTable"), order=1, arcrole=ns.ALL),
        Arc(source=base("SegmentTable"), target=base("SegmentAxis"), order=1, arcrole=ns.HYPERCUBE_DIMENSION),
        Arc(source=base("SegmentAxis"), target=base("SegmentDomain"), order=1, arcrole=ns.DIMENSION_DOMAIN),
        Arc(source=base("SegmentAxis"), target=base("SegmentDomain"), order=1, arcrole=ns.DIMENSION_DEFAULT),
        *_arcs(base("SegmentDomain"), ext("ConsumerMember"), ext("EnterpriseMember"), arcrole=ns.DOMAIN_MEMBER),
        *_arcs(items, ext("ProductRevenue"), ext("ServiceRevenue"), base("Revenues"), arcrole=ns.DOMAIN_MEMBER),
    )
    return LinkRole(uri=ROLE_URI, role_id="IncomeStatement", definition="Income statement",
                    kind=StatementKind.INCOME, presentation=presentation, calculation=calculation,
                    definition_arcs=definition)


def sample_taxonomy() -> Taxonomy:
    """The sample extension taxonomy."""
    return Taxonomy(prefix=PREFIX, namespace=EXT_NS, name=NAME, concepts=sample_concepts(),
                    roles=(sample_role(),), imports=())


ENTITY = Entity(scheme=ns.SEC_CIK_SCHEME, identifier="0000123456", name="Test Corp")
FY2024 = Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
FY2023 = Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31))
CONTEXTS = (
    Context(id="c-2024", entity=ENTITY, period=FY2024),
    Context(id="c-2024-consumer", entity=ENTITY, period=FY2024,
            members=((base("SegmentAxis"), ext("ConsumerMember")),)),
    Context(id="c-2024-enterprise", entity=ENTITY, period=FY2024,
            members=((base("SegmentAxis"), ext("EnterpriseMember")),)),
    Context(id="c-2023", entity=ENTITY, period=FY2023),
)
USD = QName(ns.ISO4217, "iso4217", "USD")
SHARES = QName(ns.XBRLI, "xbrli", "shares")
UNITS = (
    Unit(id="usd", numerators=(USD,)),
    Unit(id="usd-per-share", numerators=(USD,), denominators=(SHARES,)),
    Unit(id="shares", numerators=(SHARES,)),
)


def fact(concept: QName, context: str, printed: str, *, table: int = 1, row: int = 1,
         unit: str = "usd", decimals: int = -3, scale: int = 3, line: int = 10) -> Fact:
    """A fact from a printed figure (thousands by default); ``"--"`` is nil."""
    amount = None if printed == "--" else Decimal(printed.replace(",", "")).scaleb(scale)
    span = SourceSpan(path="release.txt", line=line, table=table, row=row, column=1)
    return Fact(concept=concept, context_id=context, unit_id=unit, value=amount, decimals=decimals,
                span=span, printed=printed, scale=scale, negated=False, statement=(table, 1), row=row)


def sample_facts(*, gross_profit: str = "90,000", revenues_again: str = "150,000") -> tuple[Fact, ...]:
    """The printed cells; ``revenues_again`` is revenues printed a second time (table 2, millions)."""
    return (
        fact(ext("ProductRevenue"), "c-2024", "100,000", row=1, line=11),
        fact(ext("ServiceRevenue"), "c-2024", "50,000", row=2, line=12),
        fact(base("Revenues"), "c-2024", "150,000", row=3, line=13),
        fact(base("CostOfRevenue"), "c-2024", "60,000", row=4, line=14),
        fact(base("GrossProfit"), "c-2024", gross_profit, row=5, line=15),
        fact(base("EarningsPerShareBasic"), "c-2024", "1.23", row=6, line=16, unit="usd-per-share",
             decimals=2, scale=0),
        fact(base("WeightedAverageNumberOfSharesOutstandingBasic"), "c-2024", "10,000", row=7, line=17, unit="shares"),
        fact(base("Revenues"), "c-2023", "--", row=3, line=13),
        fact(ext("ProductRevenue"), "c-2024-consumer", "60,000", table=2, row=1, line=31),
        fact(ext("ServiceRevenue"), "c-2024-consumer", "30,000", table=2, row=2, line=32),
        fact(base("Revenues"), "c-2024-consumer", "90,000", table=2, row=3, line=33),
        fact(ext("ProductRevenue"), "c-2024-enterprise", "40,000", table=2, row=4, line=34),
        fact(ext("ServiceRevenue"), "c-2024-enterprise", "20,000", table=2, row=5, line=35),
        fact(base("Revenues"), "c-2024-enterprise", "60,000", table=2, row=6, line=36),
        fact(base("Revenues"), "c-2024", revenues_again,
             table=3, row=1, line=51, decimals=-6),
    )


def sample_report(**kw: str) -> Report:
    """The sample report (see ``sample_facts`` for the knobs)."""
    return Report(taxonomy=sample_taxonomy(), entity=ENTITY, contexts=CONTEXTS, units=UNITS,
                  facts=sample_facts(**kw), period_end=dt.date(2024, 12, 31))


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Write rendered files into ``folder``."""
    for file_name, data in files.items():
        (folder / file_name).write_bytes(data)


def arelle_findings(entry: Path | str, *, packages: tuple[Path, ...] = (), calc: str = "c11r") -> list[tuple[str, str]]:
    """Validate ``entry`` with real Arelle offline; (level, code) of findings at warning or worse.

    Uses ``converter.validation.validate.validate`` when it exists, else ``arelleCmdLine --workOffline`` with
    a JSON log (the CLI runs in a temporary XDG config home, so nothing is written to ``~``).
    """
    try:
        from converter.validation.validate import validate
    except ImportError:
        return _arelle_cli(entry, packages=packages, calc=calc)
    found = validate([entry], calc=calc, packages=packages)
    return [(d.severity.value, d.code) for d in found if d.severity.value in _LEVELS]


_LEVELS = ("error", "inconsistency", "warning")


def _arelle_cli(entry: Path | str, *, packages: tuple[Path, ...], calc: str) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "log.json"
        cmd = [sys.executable, "-c", "from arelle.CntlrCmdLine import main; main()", "--workOffline",
               "--file", str(entry), "--validate", f"--calc={calc}", f"--logFile={log}"]
        if packages:
            cmd += ["--packages", "|".join(str(p) for p in packages)]
        env = {**os.environ, "XDG_CONFIG_HOME": tmp, "ARELLE_WORK_OFFLINE": "true"}
        subprocess.run(cmd, check=True, capture_output=True, env=env, timeout=120)
        records = json.loads(log.read_text(encoding="utf-8"))["log"]
    return [(r["level"], r["code"]) for r in records if r["level"] in _LEVELS]
