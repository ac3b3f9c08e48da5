"""Line-level analysis of fixed-width text: rules, figure tokens, labels.

A line of a fixed-width table is a label followed by figure chunks separated by two or more
spaces: ``Net sales        $  24,392       $  27,806``. This module classifies lines and cuts them
into such chunks, keeping character positions so columns can be aligned and cells located.

Text renderers of HTML print a figure's pieces apart: ``$`` and ``(`` before it, ``)`` and ``%``
after it, in cells of their own (``$ (435   )``, ``10      %``); such pieces are glued back onto
their figure here.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from converter.readers.html_tokens import Kind, is_currency, kind_of

_CHUNK = re.compile(r"\S+(?: \S+)*")
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?"
_FIGURE = re.compile(
    r"^\$?\s*[(\-\u2013\u2212]?\s*\$?\s*(?=[\d.])" + _NUMBER
    + r"\s*%?\s*\)?\s*(?:%|(?:pts?|bps?)\.?)?(?:\s*\([a-z\d]\))?$",
    re.IGNORECASE,
)
_NIL = re.compile(r"^(?:\$\s*)?(?:-{1,3}|\u2014|\u2013|-0-|nil)%?$", re.IGNORECASE)
FOOTNOTE_MARK = re.compile(r"^\((?:\d{1,2}|[a-z])\)$")  # "(2)", "(a)" printed alone
_REFERENCES = re.compile(r"^\d{1,2}(?:,\s?\d{1,2})+$")  # footnote numbers after the figures: "2,3"
_NONFIGURE = re.compile(r"^(?:n/?m|n/?a|nmf|\*+)$", re.IGNORECASE)
_RULE_GROUP = re.compile(r"[-=_\u2500-\u257f]{3,}")
_RULE_LINE = re.compile(r"^[\s\-=_\u2500-\u257f]*$")
_DOUBLE = frozenset("=\u2550")
_SIGNS = frozenset("-\u2013\u2212")
_MAX_SUFFIX_GAP = 3  # a unit printed apart from its figure ("(231)  bp.") is this close to it (")" and "%" may be further)
_MAX_LABEL = 90  # a row label printed on one line is no longer than this (a paragraph's line is)
# What a sentence says and a line item never does: "was", "increased", "compared with".
_STATEMENT = re.compile(r"\b(?:was|were|is|are|will|increased|decreased|rose|fell|compared(?: with| to)?)\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d(?:\s*\(\w\)|\*{1,2})?$")
PAGE_NUMBER = re.compile(r"^\s*(?:-\s*\d+\s*-|page \d+(?: of \d+)?|#(?:\s*#)+)\s*$", re.IGNORECASE)
# An image a text rendering of HTML prints by its file name or a placeholder (a page's letterhead or logo).
IMAGE_NAME = re.compile(r"^\s*\[?(?:[^\s\[\]]+\.(?:jpe?g|gif|png|bmp|tiff?|svg|webp)|image|img|logo)\]?\s*$", re.IGNORECASE)


class LineKind(enum.Enum):
    """What a line of text is, as far as tables go."""

    BLANK = "blank"
    RULE = "rule"  # dashes / equals signs only: underlines of figures
    DATA = "data"  # a label (maybe empty) followed by figures
    TEXT = "text"  # anything else: headings, headers, titles, narrative


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of text on a line with single spaces inside, and its 0-based character span.

    Attributes:
        text: The text (pieces of one figure glued: ``"$ (435)"``).
        start: Column of the first character.
        end: Column after the last character.
        last_digit: Column of the last digit (right alignment of figures); ``end - 1`` when none.
        figure_start: Column where the figure itself starts, after a ``$`` printed apart
            (left alignment of figures); ``start`` when nothing was glued before it.
    """

    text: str
    start: int
    end: int  # exclusive
    last_digit: int
    figure_start: int

    @property
    def center(self) -> float:
        """Middle of the chunk."""
        return (self.start + self.end - 1) / 2


@dataclass(frozen=True, slots=True)
class Line:
    """A classified line: label chunk and value chunks for DATA lines.

    Attributes:
        number: 1-based line number in the document.
        text: The line, trailing spaces removed.
        kind: Its classification.
        label: The label text (empty for an unlabelled data line).
        indent: Column of the first non-space character.
        values: Figure chunks (with ``$`` merged in) of a DATA line.
        rules: Spans of rule groups on a RULE line (``-----`` / ``=====``) and whether double.
    """

    number: int
    text: str
    kind: LineKind
    label: str
    indent: int
    values: tuple[Chunk, ...] = ()
    rules: tuple[tuple[int, int, bool], ...] = ()

    def chunks(self) -> tuple[Chunk, ...]:
        """Every chunk of the line (single-space-joined runs)."""
        return chunks(self.text)

    @property
    def end(self) -> int:
        """Column after the last character."""
        return len(self.text)


def chunks(text: str) -> tuple[Chunk, ...]:
    """Cut ``text`` into runs separated by two or more spaces."""
    return tuple(_chunk(m.group(), m.start(), m.end()) for m in _CHUNK.finditer(text))


def _figure_chunks(chunk: Chunk) -> list[Chunk]:
    """A chunk of figures printed one space apart (``(839) $``, ``1,234 5,678``) cut into one
    chunk per figure (a ``$`` at its end stays alone, for the figure after it); any other
    chunk as it is."""
    if " " not in chunk.text or is_figure(chunk.text):
        return [chunk]
    words = chunk.text.split(" ")
    if len(words) > 2 and kind_of(words[-2]) is Kind.PREFIX and is_figure(words[-1]) and any(ch.isalpha() for ch in words[0]):
        # "Net income and diluted $ 604": a label run up to its first figure, the currency sign between them
        label = " ".join(words[:-2])
        sign_at = chunk.start + len(label) + 1
        return [_chunk(label, chunk.start, chunk.start + len(label)),
                _piece([(words[-2], sign_at), (words[-1], sign_at + len(words[-2]) + 1)])]
    pieces: list[list[tuple[str, int]]] = []
    pending: list[tuple[str, int]] = []
    at = chunk.start
    for k, word in enumerate(words):
        kind = kind_of(word)
        sign = word in _SIGNS and k + 1 < len(words) and kind_of(words[k + 1]) is Kind.NUMBER
        if kind is Kind.PREFIX or sign:
            pending.append((word, at))
        elif kind is Kind.SUFFIX and pieces and not pending:
            pieces[-1].append((word, at))
        elif is_figure(word):
            pieces.append([*pending, (word, at)])
            pending = []
        else:
            return [chunk]
        at += len(word) + 1
    if pending:
        pieces.append(pending)
    if len(pieces) < 2:
        return [chunk]
    return [_piece(piece) for piece in pieces]


def _piece(words: Sequence[tuple[str, int]]) -> Chunk:
    """One figure of a chunk cut by ``_figure_chunks``: its words and where each starts."""
    chunk = _chunk(" ".join(w for w, _ in words), words[0][1], words[-1][1] + len(words[-1][0]))
    figure = next((at for w, at in words if kind_of(w) is not Kind.PREFIX), chunk.start)
    return replace(chunk, figure_start=figure)


def cut_chunk(chunk: Chunk, at: int, resume: int) -> tuple[Chunk, Chunk]:
    """``chunk`` cut in two: its text before offset ``at``, and from offset ``resume`` on."""
    return (_chunk(chunk.text[:at], chunk.start, chunk.start + at),
            _chunk(chunk.text[resume:], chunk.start + resume, chunk.end))


def _chunk(text: str, start: int, end: int) -> Chunk:
    last = next((start + i for i in range(len(text) - 1, -1, -1) if text[i].isdigit()), end - 1)
    return Chunk(text, start, end, last, start)


def is_figure(text: str) -> bool:
    """True for a printed figure, nil dash or n/m marker as found in a value column."""
    return bool(_FIGURE.match(text) and any(ch.isdigit() for ch in text)) or bool(
        _NIL.match(text) or _NONFIGURE.match(text)
    )


def is_reference(text: str) -> bool:
    """True for footnote numbers printed in a column of their own after the figures: ``2,3``, ``1``."""
    return bool(_REFERENCES.match(text)) or (text.isdigit() and len(text) <= 2)


def is_year(text: str) -> bool:
    """True for a bare four-digit year such as ``2004``."""
    return bool(_YEAR.match(text))


def classify(number: int, raw: str) -> Line:
    """Classify one line of text (tabs already expanded).

    A line whose figures are all bare years (``2004   2003``) is a column header, also when a
    label is printed before them (``common share)        2004     2003``).
    """
    text = raw.rstrip()
    stripped = text.lstrip()
    indent = len(text) - len(stripped)
    if not stripped or not stripped.strip(")% "):  # a renderer's spill of a figure's ")" onto a line alone
        return Line(number, text, LineKind.BLANK, "", 0)
    if _RULE_LINE.match(text) and _RULE_GROUP.search(text):
        rules = tuple((m.start(), m.end(), m.group()[0] in _DOUBLE) for m in _RULE_GROUP.finditer(text))
        return Line(number, text, LineKind.RULE, "", indent, rules=rules)
    parts = _glued(tuple(piece for chunk in chunks(text) for piece in _figure_chunks(chunk)))
    if len(parts) > 1 and not parts[-1].text.strip(")") and not any(is_figure(c.text) for c in parts[:-1]):
        text = text[: parts[-1].start].rstrip()  # "Gain on sales of non-current   )": the spill after a label
        stripped, parts = text.lstrip(), parts[:-1]
    first = next((i for i, c in enumerate(parts) if is_figure(c.text)), None)
    if first is not None:  # "43%   51%   bp.   bp.": the units of the figures printed above these ("(231)")
        parts = parts[:first] + tuple(c for c in parts[first:] if kind_of(c.text) is not Kind.SUFFIX)
    if first is None or not all(is_figure(c.text) or is_reference(c.text) for c in parts[first:]):
        return Line(number, text, LineKind.TEXT, stripped, indent)
    label = " ".join(c.text for c in parts[:first])
    values = parts[first:]
    if all(is_year(v.text) for v in values) and (not label or len(values) > 1):
        return Line(number, text, LineKind.TEXT, label, indent)
    if label and len(values) == 1 and len(label) > 40 and not any(ch.isdigit() for ch in values[0].text):
        # "Principle  --  --" style rows are data; a lone dash after words is text ("Contact -").
        return Line(number, text, LineKind.TEXT, stripped, indent)
    if len(values) == 1 and is_sentence(label):
        # A justified paragraph's line that happens to end in a figure: "Net income ... was $44.2 million,
        # or $0.89 per share, compared with ... or  $1.05".
        return Line(number, text, LineKind.TEXT, stripped, indent)
    return Line(number, text, LineKind.DATA, label, indent, values=values)


def is_sentence(text: str) -> bool:
    """A line of a paragraph, not a label or a column header: longer than a label printed on one
    line, and saying what a sentence says."""
    return len(text) > _MAX_LABEL and _STATEMENT.search(text) is not None


def _glued(parts: tuple[Chunk, ...]) -> tuple[Chunk, ...]:
    """Glue a lone ``$`` / ``(`` / ``$ (`` onto the figure after it, ``)`` / ``%`` onto the one before."""
    out: list[Chunk] = []
    pending: Chunk | None = None
    for chunk in parts:
        kind = kind_of(chunk.text)
        if kind is Kind.PREFIX:
            if pending is not None and is_currency(pending.text):
                pending = None  # "$     $ 33": the sign of a cell whose figure (a dash) the rendering lost
            pending = chunk if pending is None else replace(chunk, text=f"{pending.text} {chunk.text}", start=pending.start)
            continue
        if pending is not None:
            chunk = replace(chunk, text=f"{pending.text} {chunk.text}", start=pending.start)
            pending = None
        elif (kind is Kind.SUFFIX and out and is_figure(out[-1].text) and not _NONFIGURE.match(out[-1].text)
              and (chunk.start - out[-1].end <= _MAX_SUFFIX_GAP or not chunk.text[0].isalpha())):
            before = out.pop()
            space = " " if chunk.text[0].isalpha() else ""
            chunk = replace(before, text=f"{before.text}{space}{chunk.text}", end=chunk.end)
        out.append(chunk)
    if pending is not None and not (out and is_currency(pending.text)):  # "... (33 )   $": as above
        out.append(pending)
    return tuple(out)
