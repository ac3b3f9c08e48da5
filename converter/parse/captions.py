"""Where a table's scale comes from: its own captions, else the statement it continues.

A table states its scale in its title lines ("In millions, except per share amounts"), over
its columns, or in a first label-only row printing nothing but a scale ("($ in millions)").
A table that prints none and opens no statement of its own (no title at all, or only a lead-in
sentence, a sub-heading ending in a colon, footnote lines, "(continued)") continues the table
before it: a second reconciliation printed under the first one's title, a breakdown introduced
by "Stock-based compensation was included in the following categories:". It takes that
table's scale (and, when it prints no title at all, its title), and where that scale applies to
an amount or a share count, xbrlify says so with a ``parse.scale.inherited`` warning: the scale
was inferred, not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from converter import diagnostics as dx
from converter.model import Diagnostic, RawTable
from converter.parse.scale import ScaleInfo, parse_scale_info

_I = re.IGNORECASE
_NOTE = re.compile(r"^\(?\s*(?:unaudited|continued|cont'?d\.?)\s*\)?\.?$", _I)
_CONTINUED = re.compile(r"\(\s*(?:continued|cont'?d\.?)\s*\)|\bcontinued\s*$", _I)
_FOOTNOTE = re.compile(r"^(?:\*+|[†‡§]+|\(\s*(?:\d{1,2}|[a-z])\s*\)|\d{1,2}[.)]?\s)", _I)
_LEAD_IN = re.compile(r":\s*(?:\(\s*\w{1,2}\s*\)\s*)*$")  # "Summary of Certain Significant Items:(1)"
_COLUMN_GAP = re.compile(r"\S {3,}\S")  # column headings of a text table read as a title line
_SCALE_ROW = re.compile(
    r"^\(?\s*(?:[$€£¥]|dollars\b|amounts\b|in\s+(?:thousands|millions|billions)\b|(?:thousands|millions|billions)\b)", _I
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Caption:
    """What a table's captions say about it, or what the statement it continues says.

    Attributes:
        title: The title lines the statement is named from.
        info: The stated scale; None when neither the table nor a statement it continues states one.
        inherited: ``info`` (and maybe ``title``) came from the table before.
    """

    title: tuple[str, ...]
    info: ScaleInfo | None
    inherited: bool = False


def table_caption(table: RawTable, previous: Caption | None) -> tuple[Caption, list[Diagnostic]]:
    """The caption of ``table``: its own scale, else that of the statement it continues.

    Args:
        table: The raw table.
        previous: The caption of the table before it in the document, if any.

    Returns:
        The caption, and a ``parse.scale.inherited`` warning when the scale was taken from
        the table before.
    """
    title = tuple(cell.text for cell in table.title)
    own = parse_scale_info([*title, *(h.text for row in table.header for h in row), *_scale_rows(table)])
    if own is not None or previous is None or previous.info is None or not continues_statement(title):
        return Caption(title=title, info=own), []
    caption = Caption(title=title or previous.title, info=previous.info, inherited=True)
    where = f"table {table.index - 1}" if table.index > 1 else "the table before"
    warn = dx.warning(
        dx.PARSE_SCALE_INHERITED,
        f"the table states no scale; the scale of the statement it continues ({where}) is assumed",
        table.span,
        monetary=previous.info.scale.monetary,
        shares=previous.info.scale.shares,
    )
    return caption, [warn]


def continues_statement(title: Sequence[str]) -> bool:
    """Whether title lines open no statement of their own (or say the statement continues)."""
    lines = [" ".join(line.split()) for line in title]
    if any(_CONTINUED.search(line) for line in lines):
        return True
    return not any(_is_heading(raw, line) for raw, line in zip(title, lines))


def _is_heading(raw: str, line: str) -> bool:
    """A line that names a statement or a company (not a note, footnote, lead-in or header)."""
    if not line or _NOTE.match(line) or _FOOTNOTE.match(line) or _LEAD_IN.search(line):
        return False
    if _COLUMN_GAP.search(raw.strip()):
        return False
    words = line.split()
    sentence = line.endswith(".") and len(words) >= 6 and any(w[:1].islower() for w in words)
    return not sentence


def _scale_rows(table: RawTable) -> list[str]:
    """Labels of the label-only rows above the first figures that print just a scale."""
    out: list[str] = []
    for row in table.rows:
        if any(cell is not None for cell in row.cells):
            break
        if _SCALE_ROW.match(row.label.strip()):
            out.append(row.label)
    return out
