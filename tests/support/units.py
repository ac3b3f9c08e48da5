"""Small HTML releases for the unit and scale tests, and what became of each row's figures."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from converter.model import ConversionResult, Fact, LineItem, Statement
from converter.pipeline import ConvertOptions, convert


def html_table(title: Sequence[str], header: Sequence[Sequence[str]], rows: Sequence[Sequence[str]]) -> str:
    """An HTML table: title paragraphs, header rows (first cell the label column's), body rows."""
    paras = "".join(f"<p>{t}</p>" for t in title)
    head = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"{paras}<table>{head}{body}</table>"


def convert_html(*tables: str) -> ConversionResult:
    """Convert a release made of ``tables`` (in order, nothing between them)."""
    html = f"<html><body>{''.join(tables)}</body></html>"
    return convert(html.encode(), name="release.htm", options=ConvertOptions(validate=False))


def item_of(result: ConversionResult, fact: Fact) -> tuple[Statement, LineItem]:
    """The statement and line item a fact was read from (by the cell it was read from: a table read
    on its side has line items across its printed rows)."""
    for st in result.statements:
        if (st.table, st.part) == fact.statement:
            return st, next(i for i in st.items if any(v.span == fact.span for v in i.values))
    raise KeyError(fact.statement)


def by_label(result: ConversionResult) -> dict[str, list[tuple[str, Decimal | None, int]]]:
    """Row label -> (unit id, value, decimals) of each of its facts, in printed order."""
    assert result.report is not None, [d.render() for d in result.diagnostics]
    out: dict[str, list[tuple[str, Decimal | None, int]]] = {}
    for fact in result.report.facts:
        _, item = item_of(result, fact)
        out.setdefault(item.label, []).append((fact.unit_id, fact.value, fact.decimals))
    return out


def codes_at(result: ConversionResult, code: str) -> list[tuple[int | None, int | None]]:
    """(row, column) of every diagnostic with ``code``."""
    return [(d.spans[0].row, d.spans[0].column) if d.spans else (None, None) for d in result.diagnostics if d.code == code]
