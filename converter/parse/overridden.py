"""What a mapping file changes in the parse stage: tables and rows left out, table scales.

A skipped table or row is not parsed at all; its figures are accounted for by an
``override.table.skipped`` / ``override.row.skipped`` info at the table or row. A scale the
user sets replaces what the table's captions state (or the statement it continues). Each
entry that names no table or row of the release is an ``override.unmatched`` warning at the
entry in the mapping file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from converter import diagnostics as dx
from converter.model import Diagnostic, Document, GridRow, Overrides, RawTable, Scale, Skip, SourceSpan, TableScale
from converter.parse.captions import Caption
from converter.parse.scale import ScaleInfo, scale_words


def laid_out(document: Document, overrides: Overrides,
             clean: Callable[[str], str]) -> tuple[list[RawTable], list[Diagnostic]]:
    """The tables to parse: skipped ones left out, skipped rows taken out of the others.

    Args:
        document: The release as read.
        overrides: The mapping file's overrides.
        clean: The row label as line items have it (footnote markers dropped).

    Returns:
        The tables, and an info per skipped table and row, a warning per skip that names none.
    """
    diags: list[Diagnostic] = []
    used: set[int] = set()
    tables: list[RawTable] = []
    for table in document.tables:
        whole = next((n for n, s in enumerate(overrides.skips) if s.whole_table and s.table == table.index), None)
        if whole is not None:
            used.add(whole)
            where = replace(table.span, table=table.index, row=None, column=None)
            diags.append(dx.info(dx.OVERRIDE_TABLE_SKIPPED, f"table {table.index} is skipped by the mapping file",
                                 where, overrides.skips[whole].at, table=table.index))
            continue
        rows, found = _rows_kept(table, overrides.skips, used, clean)
        diags.extend(found)
        tables.append(replace(table, rows=rows) if len(rows) != len(table.rows) else table)
    diags.extend(_unmatched(s, "skip") for n, s in enumerate(overrides.skips) if n not in used)
    return tables, diags


def _rows_kept(table: RawTable, skips: Sequence[Skip], used: set[int],
               clean: Callable[[str], str]) -> tuple[tuple[GridRow, ...], list[Diagnostic]]:
    kept = []
    diags: list[Diagnostic] = []
    for number, row in enumerate(table.rows, start=1):
        at = row.label_span.row or number
        hit = next((n for n, s in enumerate(skips) if s.matches_row(table.index, at, clean(row.label))), None)
        if hit is None:
            kept.append(row)
            continue
        used.add(hit)
        where = replace(row.label_span, table=table.index, row=at, column=None)
        diags.append(dx.info(dx.OVERRIDE_ROW_SKIPPED, f"row {where.row} of table {table.index} ({row.label!r}) is "
                             f"skipped by the mapping file", where, skips[hit].at, table=table.index, row=where.row))
    return tuple(kept), diags


def scaled_caption(caption: Caption, inherited: list[Diagnostic], table: RawTable,
                   overrides: Overrides) -> tuple[Caption, list[Diagnostic]]:
    """``caption`` with the scale the mapping file sets for ``table`` (and an info saying so in
    place of ``inherited``, the warning that the scale was taken from the table before)."""
    entry = next((s for s in overrides.scales if s.table == table.index), None)
    if entry is None:
        return caption, inherited
    info = caption.info or ScaleInfo(scale=Scale())
    stated = "no scale" if caption.info is None else _stated(caption.info.scale)
    scale = replace(info.scale, monetary=entry.monetary, shares=entry.shares)
    said = dx.info(dx.OVERRIDE_SCALE, f"table {table.index}: amounts in {scale_words(entry.monetary)}, shares in "
                   f"{scale_words(entry.shares)}, as the mapping file says (the table states {stated})",
                   entry.at, SourceSpan(path=table.span.path, line=table.span.line), table=table.index)
    return replace(caption, info=replace(info, scale=scale), inherited=False), [said]


def unmatched_scales(overrides: Overrides, parsed: set[int]) -> list[Diagnostic]:
    """A warning for each scale the mapping file sets for a table the release has none of
    (or none that was parsed: ``parsed`` holds the tables that were)."""
    return [_unmatched(s, "table") for s in overrides.scales if s.table not in parsed]


def _unmatched(entry: Skip | TableScale, section: str) -> Diagnostic:
    return dx.warning(dx.OVERRIDE_UNMATCHED, f"this [[{section}]] entry matches nothing in the release", entry.at,
                      section=section)


def _stated(scale: Scale) -> str:
    return f"amounts in {scale_words(scale.monetary)}, shares in {scale_words(scale.shares)}"
