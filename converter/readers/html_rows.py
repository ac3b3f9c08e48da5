"""Body rows of an HTML table: label, merged cells, rules between rows, indentation levels.

A rule between two body rows (the upper row's bottom border, the lower row's top border, or a
border on empty spacer rows between them) is the upper row's ``rule_below``; a single rule is
also the lower row's ``rule_above`` (the line a total sits under), while a double rule only
closes the total above it. Indentation in points becomes a level: 0 for the least-indented
label of the table, +1 for each distinct deeper offset.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from converter.model import GridRow, Rule, SourceSpan, TextCell
from converter.readers.html_columns import Columns, Token, group_text, merge_row
from converter.readers.html_tokens import strip_footnote_marks

_INDENT_TOLERANCE_PT = 1.5
_SLOT_PT = 10.0


@dataclass(frozen=True, slots=True)
class Row:
    """A physical row as tokens, with the rules its ``<tr>`` style draws (0-2)."""

    tokens: tuple[Token, ...]
    line: int
    top: int
    bottom: int


@dataclass(slots=True)
class _Draft:
    """A body row before rules and indentation levels are settled (filled in as rows follow)."""

    label: str
    label_span: SourceSpan
    cells: tuple[TextCell | None, ...]
    bold: bool
    indent_pt: float
    top: int
    bottom: int
    above: int | None = None
    below: int | None = None


def body_rows(
    rows: Sequence[Row], spans: Columns, data_start: int, repeats: Callable[[Row], bool], path: str, index: int
) -> list[GridRow]:
    """``GridRow``s for the rows from the first figure row on (blank and repeated headers dropped)."""
    drafts: list[_Draft] = []
    pending = 0
    for row in rows:
        data = [t for t in row.tokens if t.start >= data_start]
        data_texts = tuple(t.text for t in data if t.text)
        top, bottom = _edges(row, data)
        if not data_texts and not any(t.text for t in row.tokens):
            pending = max(pending, top, bottom)
            continue
        if repeats(row):
            continue
        draft = _draft(row, data, spans, data_start, path, index, len(drafts) + 1, (top, bottom))
        if drafts:
            gap = max(pending, drafts[-1].bottom, top)
            drafts[-1].below = gap
            draft.above = gap if gap == Rule.SINGLE.value else 0
        drafts.append(draft)
        pending = 0
    if drafts:
        drafts[-1].below = max(pending, drafts[-1].bottom)
    return _levels(drafts)


def _edges(row: Row, data: Sequence[Token]) -> tuple[int, int]:
    """Rules on the top and bottom edges of a row's data cells (0 none, 1 single, 2 double)."""
    top = max([row.top, *(t.top for t in data)])
    bottom = max([row.bottom, *(t.bottom for t in data)])
    return top, bottom


def _draft(
    row: Row, data: Sequence[Token], spans: Columns, data_start: int, path: str, index: int, number: int,
    edges: tuple[int, int],
) -> _Draft:
    """The row's label and merged cells; rules and level still to come."""
    label_tokens = [t for t in row.tokens if t.start < data_start and t.text]
    label = strip_footnote_marks(" ".join(t.text for t in label_tokens))
    line = label_tokens[0].line if label_tokens else row.line
    cells: list[TextCell | None] = []
    for col, group in enumerate(merge_row(data, spans)):
        if not group:
            cells.append(None)
            continue
        span = SourceSpan(path=path, line=group[0].line, table=index, row=number, column=col + 1)
        cells.append(TextCell(text=group_text(group), span=span))
    # Indentation by style, plus by empty cells before the label (each slot counts as an em).
    indent = label_tokens[0].indent + label_tokens[0].start * _SLOT_PT if label_tokens else 0.0
    return _Draft(
        label=label,
        label_span=SourceSpan(path=path, line=line, table=index, row=number),
        cells=tuple(cells),
        bold=bool(label_tokens) and all(t.bold for t in label_tokens),
        indent_pt=indent,
        top=edges[0],
        bottom=edges[1],
    )


def _levels(drafts: Sequence[_Draft]) -> list[GridRow]:
    """Indentation levels from the labelled rows' offsets in points; the rows built once, complete."""
    offsets = sorted({d.indent_pt for d in drafts if d.label})
    steps: list[float] = []
    for value in offsets:
        if not steps or value - steps[-1] > _INDENT_TOLERANCE_PT:
            steps.append(value)
    out: list[GridRow] = []
    for d in drafts:
        level = sum(1 for s in steps[1:] if d.indent_pt >= s - _INDENT_TOLERANCE_PT / 2) if d.label else 0
        out.append(GridRow(
            label=d.label, label_span=d.label_span, indent=level, cells=d.cells,
            rule_above=Rule.NONE if d.above is None else Rule(d.above),
            rule_below=Rule.NONE if d.below is None else Rule(d.below),
            bold=d.bold,
        ))
    return out
