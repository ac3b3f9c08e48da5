"""The mapping report as ``mapping.csv`` (written with every conversion) and as JSON (``convert --json``).

Columns: ``table``, ``part``, ``title``, ``row``, ``label``, ``member`` (a breakdown row's
member), ``concept`` (``prefix:Local``), ``source`` (``base`` or ``extension``), ``us_gaap``
(the suggested US-GAAP element, ``us-gaap:Local``), ``refines`` (the base concept an extension
concept rolls up to), ``confidence`` (``high``, ``medium``, ``low`` or empty; see
``converter.mapping.mapping_report``) and ``lines`` (the release lines of the row label, ``183``
or ``183-184``). UTF-8, ``\\n`` line ends, rows in table and row order: the same conversion gives
the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from converter.model import ConceptMapping

MAPPING_FILE = "mapping.csv"
COLUMNS = ("table", "part", "title", "row", "label", "member", "concept", "source", "us_gaap", "refines",
           "confidence", "lines")


def mapping_json(rows: Sequence[ConceptMapping]) -> list[dict[str, object]]:
    """The mapping report as JSON objects, one per row (keys as the CSV columns)."""
    return [
        {
            "table": r.table, "part": r.part, "title": r.title, "row": r.row, "label": r.label, "member": r.member,
            "concept": str(r.concept), "source": "base" if r.base else "extension",
            "us_gaap": str(r.us_gaap) if r.us_gaap is not None else "",
            "refines": str(r.refines) if r.refines is not None else "",
            "confidence": r.confidence, "lines": _lines(r),
        }
        for r in rows
    ]


def render_mapping_csv(rows: Sequence[ConceptMapping]) -> bytes:
    """``mapping.csv``: a header and one line per mapped row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(mapping_json(rows))
    return out.getvalue().encode("utf-8")


def _lines(row: ConceptMapping) -> str:
    end = row.span.end_line
    return f"{row.span.line}-{end}" if end is not None and end != row.span.line else str(row.span.line)
