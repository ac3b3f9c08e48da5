"""The mapping report as ``mapping.csv`` (written with every conversion) and as JSON (``convert --json``).

Columns: ``table``, ``part``, ``title``, ``row``, ``label``, ``member`` (a breakdown row's
member), ``concept`` (``prefix:Local``), ``source`` (``base`` or ``extension``), ``us_gaap``
(the suggested US-GAAP element, ``us-gaap:Local``), ``refines`` (the base concept an extension
concept rolls up to), ``confidence`` (``high``, ``medium``, ``low`` or empty; see
``converter.mapping.mapping_report``) and ``lines`` (the release lines of the row label, ``183``
or ``183-184``), ``prose`` (where the release's prose states a figure of the row that agrees with
its fact, ``line:column`` each, space-separated: the narrative cross-check). UTF-8, ``\\n`` line
ends, rows in table and row order: the same conversion gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from converter.model import ConceptMapping, NarrativeMatch, fold_label

MAPPING_FILE = "mapping.csv"
COLUMNS = ("table", "part", "title", "row", "label", "member", "concept", "source", "us_gaap", "refines",
           "confidence", "lines", "prose")


def mapping_json(rows: Sequence[ConceptMapping], narrative: Sequence[NarrativeMatch] = ()) -> list[dict[str, object]]:
    """The mapping report as JSON objects, one per row (keys as the CSV columns)."""
    prose = _prose_places(rows, narrative)
    return [
        {
            "table": r.table, "part": r.part, "title": r.title, "row": r.row, "label": r.label, "member": r.member,
            "concept": str(r.concept), "source": "base" if r.base else "extension",
            "us_gaap": str(r.us_gaap) if r.us_gaap is not None else "",
            "refines": str(r.refines) if r.refines is not None else "",
            "confidence": r.confidence, "lines": _lines(r), "prose": " ".join(prose.get(k, [])),
        }
        for k, r in enumerate(rows)
    ]


def narrative_json(narrative: Sequence[NarrativeMatch]) -> list[dict[str, object]]:
    """The prose figures that agree with a fact (``convert --json``'s ``narrative``), in printed order."""
    return [
        {"line": m.span.line, "column": m.span.col, "printed": m.printed, "item": m.item, "member": m.member,
         "concept": str(m.fact.concept), "context": m.fact.context_id, "value": str(m.value),
         "table_line": m.fact.span.line, "table": m.fact.statement[0], "row": m.fact.row}
        for m in narrative
    ]


def _prose_places(rows: Sequence[ConceptMapping], narrative: Sequence[NarrativeMatch]) -> dict[int, list[str]]:
    """For each row (by index), the ``line:column`` of the prose figures agreeing with one of its facts:
    the row of the fact's table, part, row and concept, and of its member when the row has one."""
    places: dict[int, list[str]] = {}
    for match in narrative:
        fact = match.fact
        same = [k for k, r in enumerate(rows)
                if (r.table, r.part, r.row, r.concept) == (*fact.statement, fact.row, fact.concept)]
        exact = [k for k in same if fold_label(rows[k].member) == fold_label(match.member)]
        for k in exact or same[:1]:
            places.setdefault(k, []).append(f"{match.span.line}:{match.span.col}")
    return places


def render_mapping_csv(rows: Sequence[ConceptMapping], narrative: Sequence[NarrativeMatch] = ()) -> bytes:
    """``mapping.csv``: a header and one line per mapped row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(mapping_json(rows, narrative))
    return out.getvalue().encode("utf-8")


def _lines(row: ConceptMapping) -> str:
    end = row.span.end_line
    return f"{row.span.line}-{end}" if end is not None and end != row.span.line else str(row.span.line)
