"""Body rows of a fixed-width table: wrapped labels joined, figures paired with their label.

A row's label may take several lines. EDGAR text wraps it with a hanging indent, the figures on
the last line::

    Income before income taxes, minority
     interest and cumulative effect of
     change in accounting principle         89      502

Text renderings of HTML print a label cell and its figure cells on different lines when they
are not as tall: the label above a line of figures only, the figures above their label, or a
label wrapped below the line of figures. A line indented further under a label is its
continuation, not a child row, when it starts in lower case, when the label ends in a word that
needs one ("and", "of", a comma), or when it is the last line of a short hanging indent that
no sibling follows; a line with children of its own, a label ending in ``:`` and a heading in
capitals are never continued.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from converter.model import GridRow, Rule, SourceSpan, TextCell
from converter.readers.html_tokens import Kind, kind_of
from converter.readers.text_columns import Columns
from converter.readers.text_lines import FOOTNOTE_MARK, Chunk, Line, LineKind, is_figure

_TOTAL = re.compile(r"total\b", re.IGNORECASE)  # a total's label, never a heading: wrapped above its figures
_CONNECTOR = re.compile(r"(?:,|&|\b(?:of|a|an|and|the|to|in|for|from|on|by|with|or|before|after))$", re.IGNORECASE)
# A label cut inside a period phrase ("Three Months" / "Ended March" / "31, 2022 -"): it goes on.
_PERIOD_OPEN = re.compile(r"\b(?:months|weeks|ended|ending|january|february|march|april|may|june|july|august|september"
                          r"|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.)$", re.IGNORECASE)
_MAX_HANGING_INDENT = 3
_DASHES = ("-", "\u2013", "\u2014")  # a label ending in a dash goes on below its figures
_MAX_SHIFT = 2  # a figure whose column is taken goes this far at most (no scan over all columns)


@dataclass(frozen=True, slots=True)
class _Logical:
    """One row as printed: its label lines and the line holding its figures."""

    labels: tuple[Line, ...]
    figures: Line | None
    next: int  # index of the line after the row


def body_rows(body: Sequence[Line], columns: Columns, path: str, index: int) -> tuple[GridRow, ...]:
    """Body rows with wrapped labels joined and rules attached to the rows they underline."""
    body = [_unspilled(ln, columns) for ln in body]
    width = max((ln.indent + len(ln.label) for ln in body if ln.label), default=0)  # of the widest label line
    rows: list[GridRow] = []
    pending_rule = Rule.NONE
    i = 0
    while i < len(body):
        ln = body[i]
        if ln.kind is LineKind.BLANK:
            i += 1
            continue
        if ln.kind is LineKind.RULE:
            rule = Rule.DOUBLE if any(double for _, _, double in ln.rules) else Rule.SINGLE
            if rows and pending_rule is Rule.NONE and body[i - 1].kind is not LineKind.BLANK:
                rows[-1] = replace(rows[-1], rule_below=rule)
            if rule is Rule.SINGLE:  # a double rule closes the total above it; it opens nothing
                pending_rule = rule
            i += 1
            continue
        logical = _logical_row(body, i, columns.spans[0].start, width)
        row = _grid_row(logical, columns, path, index, len(rows) + 1, pending_rule)
        if not row.label and rows and _second_line(rows[-1], row, body, i):
            rows[-1] = replace(rows[-1], cells=tuple(a or b for a, b in zip(rows[-1].cells, row.cells, strict=True)))
        else:
            rows.append(row)
        pending_rule = Rule.NONE
        i = logical.next
    return tuple(rows)


def _second_line(above: GridRow, row: GridRow, body: Sequence[Line], i: int) -> bool:
    """Figures without a label right under a labelled row's, each in a column that row leaves
    empty: the rest of that row, its cells printed over two lines ("OPERATING MARGIN %  (231) bp."
    over "43%  51%" where a rendering sets the figures of its cells at different heights)."""
    return (i > 0 and body[i - 1].kind is LineKind.DATA and bool(body[i - 1].label)
            and all(a is None or b is None for a, b in zip(above.cells, row.cells, strict=True)))


def _unspilled(line: Line, columns: Columns) -> Line:
    """A data line whose label ran into the figures (``... at February 3, 508     504``): the
    label's last word is a figure of the column it stands in when that column has no other."""
    if line.kind is not LineKind.DATA or not line.label:
        return line
    head = line.text[: line.values[0].start].rstrip()
    at = head.rfind(" ") + 1
    word = head[at:]
    if not at or not is_figure(word) or not word[-1:].isdigit():
        return line
    k = columns.nearest(at, len(head))
    col = columns.spans[k]
    if not (col.start < len(head) and at < col.end) or k >= columns.nearest(line.values[0].start, line.values[0].end):
        return line
    figure_at = at
    before = head[:at].rstrip()
    sign_at = before.rfind(" ") + 1
    if sign_at and kind_of(before[sign_at:]) is Kind.PREFIX:  # "... Synfuels $ 0.25"
        word, at = f"{before[sign_at:]} {word}", sign_at
    value = Chunk(word, at, len(head), len(head) - 1, figure_at)
    return replace(line, label=head[:at].strip(), values=(value, *line.values))


def _grid_row(row: _Logical, columns: Columns, path: str, index: int, number: int, rule_above: Rule) -> GridRow:
    first = row.labels[0] if row.labels else row.figures
    assert first is not None
    lines = [ln.number for ln in row.labels] + ([row.figures.number] if row.figures is not None else [])
    label = " ".join(ln.label for ln in row.labels if ln.label)
    span = SourceSpan(
        path=path, line=first.number, col=first.indent + 1,
        end_line=max(lines) if max(lines) != first.number else None, table=index, row=number,
    )
    cells = cells_of(row.figures, columns, path, index, number) if row.figures is not None else (None,) * len(columns)
    return GridRow(label=label, label_span=span, indent=first.indent, cells=cells, rule_above=rule_above)


def cells_of(line: Line, columns: Columns, path: str, index: int, row: int | None) -> tuple[TextCell | None, ...]:
    """The cells of a data line: each figure in the column it overlaps (a taken column passes it on)."""
    cells: list[TextCell | None] = [None] * len(columns)
    for chunk in line.values:
        near = columns.nearest(chunk.start, chunk.end)
        k = _free_near(cells, near, chunk.center >= _middle(columns, near))
        if k is None:
            continue
        cells[k] = TextCell(
            text=chunk.text,
            span=SourceSpan(path=path, line=line.number, col=chunk.start + 1, table=index, row=row, column=k + 1),
        )
    return tuple(cells)


def _middle(columns: Columns, k: int) -> float:
    col = columns.spans[k]
    return (col.start + col.end - 1) / 2


def _free_near(cells: Sequence[TextCell | None], k: int, rightwards: bool) -> int | None:
    """``k`` when free, else a free neighbour (up to two columns away), first on the side the
    figure leans to."""
    if cells[k] is None:
        return k
    for step in range(1, _MAX_SHIFT + 1):
        for j in ((k + step, k - step) if rightwards else (k - step, k + step)):
            if 0 <= j < len(cells) and cells[j] is None:
                return j
    return None


def _logical_row(body: Sequence[Line], i: int, zone: int, width: int) -> _Logical:
    ln = body[i]
    if ln.kind is LineKind.DATA and ln.label:
        return _figures_then_wrap(body, i, zone)
    if ln.kind is LineKind.DATA:
        below = _adjacent(body, i + 1)
        if below is not None and _label_below_figures(body, i, below):
            return _Logical(labels=(below,), figures=ln, next=i + 2)
        return _Logical(labels=(), figures=ln, next=i + 1)
    return _wrapped(body, i, width)


def _wrapped(body: Sequence[Line], i: int, width: int) -> _Logical:
    """A label line and its continuations, up to the line that holds the figures."""
    labels = [body[i]]
    j = i + 1
    while (nxt := _adjacent(body, j)) is not None:
        if nxt.kind is LineKind.DATA and not nxt.label:
            if _ends_in_colon(labels):
                break
            return _Logical(labels=tuple(labels), figures=nxt, next=j + 1)
        if nxt.kind not in (LineKind.TEXT, LineKind.DATA) or not _continues(body, labels, j, width):
            break
        labels.append(nxt)
        j += 1
        if nxt.kind is LineKind.DATA:
            return _figures_then_wrap(body, j - 1, None, above=labels[:-1])
    return _Logical(labels=tuple(labels), figures=None, next=j)


def _continues(body: Sequence[Line], labels: Sequence[Line], j: int, width: int) -> bool:
    """Whether ``body[j]`` carries on the label printed on ``labels`` (``width``: where the widest
    label line of the table ends)."""
    first, nxt = labels[0], body[j]
    text = " ".join(ln.label for ln in labels)
    if not nxt.label or _ends_in_colon(labels) or (_capitals(first.label) and not _capitals(nxt.label)):
        return False
    if FOOTNOTE_MARK.match(nxt.label) and nxt.kind is LineKind.TEXT:
        return True  # "Acquisition related and other" / "(2)": its footnote marker, wrapped
    if nxt.indent < first.indent or (len(labels) > 1 and nxt.indent != labels[1].indent):
        return False
    if nxt.label[0].islower():
        return True
    if nxt.kind is LineKind.TEXT and _has_children(body, j):
        return False
    if nxt.indent == first.indent:
        return _filled(labels[-1], nxt, width) or _open(text) or (nxt.kind is LineKind.DATA and bool(_TOTAL.match(text)))
    if _CONNECTOR.search(text.rstrip()) or nxt.label[0] == "(":
        return True
    hanging = nxt.indent - first.indent <= _MAX_HANGING_INDENT
    return hanging and nxt.kind is LineKind.DATA and not _has_sibling(body, j)


def _figures_then_wrap(body: Sequence[Line], i: int, zone: int | None, above: Sequence[Line] = ()) -> _Logical:
    """A labelled data line (after the lines of its label printed ``above`` it) and the lines of
    its label printed below the figures."""
    first = body[i]
    labels = [*above, first]
    j = i + 1
    while (nxt := _adjacent(body, j)) is not None and nxt.kind is LineKind.TEXT:
        after = _adjacent(body, j + 1)
        if after is not None and after.kind is LineKind.DATA and not after.label:
            break  # the label of the figures below
        lower = nxt.label[:1].islower()  # "balance (in billions)" goes on, whatever is indented below it
        if not goes_on_below(labels, nxt, zone) or (not lower and (_starts_own_row(body, j) or _has_children(body, j)
                                                                   or _heading_from(body, j))):
            break
        labels.append(nxt)
        j += 1
    return _Logical(labels=tuple(labels), figures=first, next=j)


def goes_on_below(labels: Sequence[Line], nxt: Line, zone: int | None) -> bool:
    """Whether text line ``nxt`` carries on the label of a data line printed above it (``labels``:
    that line and the label lines already joined to it), as renderings of HTML print a label cell
    taller than its figures: it starts in lower case, or the label ends open (a connector, a dash,
    an open parenthesis), or its first word would not have fitted before the figures (``zone``;
    None: not asked, for a label whose first lines were printed above its figures)."""
    text = " ".join(ln.label for ln in labels)
    shift = nxt.indent - labels[0].indent  # a cell's padding indents its first line only: "  Average ..." / "balance"
    if not nxt.label or text.endswith(":") or not (shift >= 0 or nxt.label[0].islower()) or abs(shift) > _MAX_HANGING_INDENT:
        return False
    open_end = _open(text) or text.endswith(_DASHES) or text.count("(") > text.count(")")
    return nxt.label[0].islower() or open_end or (zone is not None and _no_room(labels[-1], nxt, zone))


def _open(text: str) -> bool:
    """A label cut where it cannot end: after a connector ("and", "of", ",") or inside a period
    phrase ("Three Months Ended March")."""
    return bool(_CONNECTOR.search(text.rstrip()) or _PERIOD_OPEN.search(text.rstrip()))


def _heading_from(body: Sequence[Line], j: int) -> bool:
    """A heading that starts at ``body[j]``: its line, or it and the lines carrying it on in lower
    case, end in a colon (a heading wrapped in a narrow label column: "Operating" / "costs:"), not
    the end of the label above."""
    k = j
    while not _ends_in_colon(body[k:k + 1]) and (nxt := _adjacent(body, k + 1)) is not None \
            and nxt.kind is LineKind.TEXT and nxt.label[:1].islower():
        k += 1
    return _ends_in_colon(body[k:k + 1])


def _starts_own_row(body: Sequence[Line], j: int) -> bool:
    """``body[j]`` heads rows or begins a label wrapped onto the next line (indented further)."""
    after = _adjacent(body, j + 1)
    return body[j].label.endswith(":") or (after is not None and after.indent > body[j].indent and bool(after.label))


def _no_room(line: Line, nxt: Line, zone: int) -> bool:
    """The first word of ``nxt`` would not have fitted on ``line`` before the figures: a label
    wrapped because its column was full (``... March 31, 2022 - U.S.  $ 1,855`` / ``GAAP``). A
    line with a figure in it (``First Quarter 2021``) heads the rows below it instead."""
    end = line.indent + len(line.label)
    return end + 1 + len(nxt.label.split(" ", 1)[0]) >= zone - 1 and not any(ch.isdigit() for ch in nxt.label)


def _filled(line: Line, nxt: Line, width: int) -> bool:
    """A heading wrapped at the width of a narrow label column (``WEIGHTED`` / ``AVERAGE COMMON``
    / ``SHARES`` / ``OUTSTANDING:``): two lines without figures starting at one indent, where the
    next line's first word would have made ``line`` wider than any label line of the table."""
    if line.kind is not LineKind.TEXT or nxt.kind is not LineKind.TEXT or any(ch.isdigit() for ch in nxt.label):
        return False
    return line.indent + len(line.label) + 1 + len(nxt.label.split(" ", 1)[0]) > width


def _label_below_figures(body: Sequence[Line], i: int, below: Line) -> bool:
    """Figures with no label, right above a label line without figures, after another row's figures."""
    above = _adjacent_above(body, i)
    if above is None or above.kind is not LineKind.DATA or below.kind is not LineKind.TEXT or not below.label:
        return False
    after = _adjacent(body, i + 2)
    return not below.label.endswith(":") and not (after is not None and after.kind is LineKind.DATA and not after.label)


def _has_children(body: Sequence[Line], j: int) -> bool:
    """The next line is indented further and is not a lower-case continuation."""
    after = _adjacent(body, j + 1)
    return after is not None and after.indent > body[j].indent and bool(after.label) and not after.label[0].islower()


def _has_sibling(body: Sequence[Line], j: int) -> bool:
    """The next printed line (past blank lines and rules) starts where ``body[j]`` does."""
    k = j + 1
    while k < len(body) and body[k].kind in (LineKind.BLANK, LineKind.RULE):
        k += 1
    return k < len(body) and body[k].indent == body[j].indent


def _adjacent(body: Sequence[Line], j: int) -> Line | None:
    """``body[j]`` when it is printed (not blank, not a rule)."""
    return body[j] if j < len(body) and body[j].kind in (LineKind.TEXT, LineKind.DATA) else None


def _adjacent_above(body: Sequence[Line], i: int) -> Line | None:
    return body[i - 1] if i > 0 and body[i - 1].kind in (LineKind.TEXT, LineKind.DATA) else None


def _ends_in_colon(labels: Sequence[Line]) -> bool:
    """The label so far ends in a colon: a heading, whatever follows."""
    return labels[-1].label.rstrip().endswith(":")


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 1 and all(ch.isupper() for ch in letters)
