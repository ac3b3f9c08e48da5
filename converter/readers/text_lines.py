"""Line-level analysis of fixed-width text: rules, figure tokens, labels.

A line of a fixed-width table is a label followed by figure chunks separated by two or more
spaces: ``Net sales        $  24,392       $  27,806``. This module classifies lines and cuts them
into such chunks, keeping character positions so columns can be aligned and cells located.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

_CHUNK = re.compile(r"\S+(?: \S+)*")
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?"
_FIGURE = re.compile(
    r"""^\$?\s*[(\-\u2013\u2212]?\s*\$?\s*(?=[\d.])""" + _NUMBER + r"""\s*%?\s*\)?\s*%?(?:\s*\([a-z\d]\))?$""",
)
_NIL = re.compile(r"^(?:-{1,3}|\u2014|\u2013|-0-|nil)$", re.IGNORECASE)
_NONFIGURE = re.compile(r"^(?:n/?m|n/?a|nmf|\*+)$", re.IGNORECASE)
_RULE_GROUP = re.compile(r"[-=_]{3,}")
_RULE_LINE = re.compile(r"^[\s\-=_]*$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
PAGE_NUMBER = re.compile(r"^\s*(?:-\s*\d+\s*-|page \d+(?: of \d+)?|#(?:\s*#)+)\s*$", re.IGNORECASE)


class LineKind(enum.Enum):
    """What a line of text is, as far as tables go."""

    BLANK = "blank"
    RULE = "rule"  # dashes / equals signs only: underlines of figures
    DATA = "data"  # a label (maybe empty) followed by figures
    TEXT = "text"  # anything else: headings, headers, titles, narrative


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of text on a line with single spaces inside, and its 0-based character span."""

    text: str
    start: int
    end: int  # exclusive

    @property
    def last_digit(self) -> int:
        """Position of the last digit (right alignment of figures); ``end - 1`` when none.

        Counted from the end: a merged ``$`` chunk's text has its inner spaces collapsed.
        """
        for i in range(len(self.text) - 1, -1, -1):
            if self.text[i].isdigit():
                return self.end - len(self.text) + i
        return self.end - 1

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


def chunks(text: str) -> tuple[Chunk, ...]:
    """Cut ``text`` into runs separated by two or more spaces."""
    return tuple(Chunk(m.group(), m.start(), m.end()) for m in _CHUNK.finditer(text))


def is_figure(text: str) -> bool:
    """True for a printed figure, nil dash or n/m marker as found in a value column."""
    return bool(_FIGURE.match(text) and any(ch.isdigit() for ch in text)) or bool(
        _NIL.match(text) or _NONFIGURE.match(text)
    )


def is_year(text: str) -> bool:
    """True for a bare four-digit year such as ``2004``."""
    return bool(_YEAR.match(text))


def classify(number: int, raw: str) -> Line:
    """Classify one line of text (tabs already expanded)."""
    text = raw.rstrip()
    stripped = text.lstrip()
    indent = len(text) - len(stripped)
    if not stripped:
        return Line(number, text, LineKind.BLANK, "", 0)
    if _RULE_LINE.match(text) and _RULE_GROUP.search(text):
        rules = tuple((m.start(), m.end(), m.group()[0] == "=") for m in _RULE_GROUP.finditer(text))
        return Line(number, text, LineKind.RULE, "", indent, rules=rules)
    parts = _merge_currency(chunks(text))
    first = next((i for i, c in enumerate(parts) if is_figure(c.text)), None)
    if first is None or not all(is_figure(c.text) for c in parts[first:]):
        return Line(number, text, LineKind.TEXT, stripped, indent)
    label = " ".join(c.text for c in parts[:first])
    values = parts[first:]
    if not label and all(is_year(v.text) for v in values):
        return Line(number, text, LineKind.TEXT, "", indent)
    # "Principle  --  --" style rows are data; a lone dash after words is text ("Contact -").
    if label and not any(ch.isdigit() for v in values for ch in v.text) and len(values) == 1 and len(label) > 40:
        return Line(number, text, LineKind.TEXT, stripped, indent)
    return Line(number, text, LineKind.DATA, label, indent, values=values)


def _merge_currency(parts: tuple[Chunk, ...]) -> tuple[Chunk, ...]:
    """Join a lone ``$`` (or ``$ (`` / ``(``) chunk with the figure that follows it."""
    out: list[Chunk] = []
    pending: Chunk | None = None
    for chunk in parts:
        if chunk.text in {"$", "$(", "(", "$ ("}:
            pending = chunk if pending is None else Chunk(pending.text + " " + chunk.text, pending.start, chunk.end)
            continue
        if pending is not None:
            chunk = Chunk(f"{pending.text} {chunk.text}", pending.start, chunk.end)
            pending = None
        out.append(chunk)
    if pending is not None:
        out.append(pending)
    return tuple(out)
