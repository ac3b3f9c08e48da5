"""The data model shared by every stage of xbrlify.

Immutable, stage-agnostic, and free of any stage code: readers, parsers, the mapper, the
serializers and the validator all import this module and never each other's internals.

The flow of types through the pipeline::

    bytes --read--> Document(RawTable...)            readers/
          --parse--> Statement(Column, LineItem...)  parse/
          --map----> Report(Taxonomy, Facts...)      mapping/
          --write--> files                           serialize/, taxonomy/ (which knows only taxonomy.model)
          --check--> Diagnostic...                   validate.py

Numbers are ``decimal.Decimal`` everywhere; every value that came from the release keeps the
``SourceSpan`` it was read from, so any message can point back at the release.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from taxonomy.model import (  # the taxonomy's types, part of this model
    Arc as Arc,
)
from taxonomy.model import (
    Balance as Balance,
)
from taxonomy.model import (
    Concept as Concept,
)
from taxonomy.model import (
    ConceptRole as ConceptRole,
)
from taxonomy.model import (
    ItemType as ItemType,
)
from taxonomy.model import (
    Label as Label,
)
from taxonomy.model import (
    LabelRole as LabelRole,
)
from taxonomy.model import (
    LinkRole as LinkRole,
)
from taxonomy.model import (
    QName as QName,
)
from taxonomy.model import (
    StatementKind as StatementKind,
)
from taxonomy.model import (
    Taxonomy as Taxonomy,
)

if TYPE_CHECKING:
    import pandas as pd

# ---------------------------------------------------------------------------------------------
# Locations and diagnostics
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceSpan:
    """Where something was read in the release.

    Attributes:
        path: The release file as given by the user.
        line: 1-based line in the (decoded) release file; 0 when unknown.
        col: 1-based character column on that line; 0 when unknown.
        end_line: Last line of a multi-line item (wrapped label), or None for one line.
        table: 1-based index of the table in the document.
        row: 1-based index of the row in the table body.
        column: 1-based index of the data column in the table.
    """

    path: str
    line: int = 0
    col: int = 0
    end_line: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None

    def render(self) -> str:
        """``release.txt:212 [table 3, row 7, column 2]`` (only the parts that are known)."""
        path = self.path if self.path.isprintable() else repr(self.path)[1:-1]  # one line, whatever the name
        where = f"{path}:{self.line}" if self.line else path
        parts = [
            f"{name} {value}"
            for name, value in (("table", self.table), ("row", self.row), ("column", self.column))
            if value is not None
        ]
        return f"{where} [{', '.join(parts)}]" if parts else where


class Severity(enum.Enum):
    """How bad a diagnostic is; ordered from worst to mildest."""

    ERROR = "error"
    INCONSISTENCY = "inconsistency"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for ERROR .. 3 for INFO, for sorting and thresholds."""
        return list(Severity).index(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """A finding of any stage, as a value.

    Attributes:
        code: Stable namespaced code (``parse.table.none-found``, or Arelle's own code such as
            ``calc11e:inconsistentCalculationUsingRounding``). Tests assert on codes.
        severity: How bad it is.
        message: Human-readable text.
        spans: Release locations it concerns (first is the primary one).
        data: Structured arguments (JSON-serialisable scalars).
        file: The output file the finding concerns (instance, schema), when there is one.
        file_line: Line in ``file``.
    """

    code: str
    severity: Severity
    message: str
    spans: tuple[SourceSpan, ...] = ()
    data: tuple[tuple[str, str], ...] = ()
    file: str | None = None
    file_line: int | None = None

    def render(self) -> str:
        """One line: ``release.txt:212 [table 3, row 7] error map.x: message (also: ...)``."""
        where = self.spans[0].render() if self.spans else (self.file or "")
        if not self.spans and self.file and self.file_line:
            where = f"{self.file}:{self.file_line}"
        more = "; ".join(s.render() for s in self.spans[1:])
        tail = f" (also {more})" if more else ""
        prefix = f"{where} " if where else ""
        return f"{prefix}{self.severity.value} {self.code}: {self.message}{tail}"


# ---------------------------------------------------------------------------------------------
# Reader output: the document as a set of raw tables
# ---------------------------------------------------------------------------------------------


class InputFormat(enum.Enum):
    """The kinds of release the readers understand."""

    TEXT = "text"  # plain text, fixed-width tables, with or without SGML <TABLE> tags
    HTML = "html"


class Rule(enum.Enum):
    """A horizontal rule drawn under or over a row (dashes, equals signs, borders)."""

    NONE = 0
    SINGLE = 1
    DOUBLE = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class TextCell:
    """A piece of text read from the release, with its location."""

    text: str
    span: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class HeaderCell:
    """A header text above the data columns.

    Attributes:
        text: The header text (one line of a multi-line header).
        first: 0-based index of the first data column it covers.
        last: 0-based index of the last data column it covers (inclusive).
        span: Where it was read.
    """

    text: str
    first: int
    last: int
    span: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class GridRow:
    """One body row of a raw table: a label and one optional cell per data column.

    Wrapped labels are already joined by the reader (``label`` holds the full text and
    ``label_span.end_line`` the last line); value cells hold the printed text of the cell with
    currency signs and split parentheses already merged (``"(1,214)"``, ``"--"``, ``"12.5%"``).

    Attributes:
        label: Row label as printed (wrapped lines joined by one space), may be empty.
        label_span: Where the label starts (and ends, for wrapped labels).
        indent: Visual indentation of the label (characters in text, a level in HTML).
        cells: One entry per data column, None where the row has nothing in that column.
        rule_above: Rule drawn just above the row (a subtotal line).
        rule_below: Rule drawn just below the row (a total's double underline).
        bold: The label is printed bold or in capitals (HTML emphasis; a hint for headings).
    """

    label: str
    label_span: SourceSpan
    indent: int
    cells: tuple[TextCell | None, ...]
    rule_above: Rule = Rule.NONE
    rule_below: Rule = Rule.NONE
    bold: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class RawTable:
    """A table as the reader found it: title lines, header rows, body rows.

    Attributes:
        index: 1-based position among the document's tables.
        title: Lines above the table that belong to it (company name, statement title, scale
            line such as "(In thousands, except per share amounts)", "(Unaudited)"), in order.
        header: Header rows, top to bottom; each a tuple of cells over data columns.
        rows: Body rows, top to bottom.
        ncols: Number of data columns.
        span: Where the table starts.
    """

    index: int
    title: tuple[TextCell, ...]
    header: tuple[tuple[HeaderCell, ...], ...]
    rows: tuple[GridRow, ...]
    ncols: int
    span: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A release as read: its tables plus what the reader learned about the filer.

    Attributes:
        path: The release file.
        format: Which reader produced it.
        text: The decoded release text (for rendering and provenance).
        tables: The raw tables, in document order.
        company: Company name, when the reader found it (SEC header, letterhead).
        cik: SEC CIK from an EDGAR header, when present.
        document_date: Date of the release (SEC header or dateline), when found.
    """

    path: str
    format: InputFormat
    text: str
    tables: tuple[RawTable, ...]
    company: str | None = None
    cik: str | None = None
    document_date: dt.date | None = None


# ---------------------------------------------------------------------------------------------
# Parse output: statements with periods, scales, typed line items
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """An XBRL period: a duration (start..end, both inclusive days) or an instant (end only)."""

    end: dt.date
    start: dt.date | None = None

    @property
    def is_instant(self) -> bool:
        """True for a balance-sheet date."""
        return self.start is None

    def key(self) -> str:
        """Compact stable text, e.g. ``2004-10-01_2004-12-31`` or ``2004-12-31``."""
        return self.end.isoformat() if self.start is None else f"{self.start}_{self.end}"


class ColumnKind(enum.Enum):
    """What a data column holds."""

    VALUE = "value"  # figures of a period: these become facts
    CHANGE = "change"  # difference between periods
    PERCENT = "percent"  # % change, % of revenue, growth rates
    OTHER = "other"  # anything else we do not tag


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    """A data column with its meaning.

    Attributes:
        index: 0-based data column index in the raw table.
        kind: Value, change or percent column.
        period: The period of a VALUE column (None when it could not be read).
        header: The header texts above the column, top to bottom, joined by " / ".
        member: A member label where the column is a breakdown (consolidating columns).
    """

    index: int
    kind: ColumnKind
    period: Period | None
    header: str
    member: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Scale:
    """Powers of ten that printed figures are multiplied by, read from the table's heading.

    ``(In thousands, except per share amounts)`` is ``Scale(monetary=3, shares=3)`` with
    per-share figures unscaled.
    """

    monetary: int = 0
    shares: int = 0
    currency: str = "USD"


class UnitKind(enum.Enum):
    """The kind of unit a line item's figures are in."""

    MONETARY = "monetary"
    PER_SHARE = "per-share"
    SHARES = "shares"
    PURE = "pure"
    OTHER = "other"  # a non-financial metric (kWh, stores); its unit is in ``LineItem.unit_name``


class RowRole(enum.Enum):
    """The part a row plays in the statement's hierarchy."""

    HEADING = "heading"  # no figures; introduces the rows below it ("Other income (expense):")
    ITEM = "item"  # an ordinary line item
    MEMBER = "member"  # a breakdown row under a heading ("Rubber Group" under "Net sales:")
    TOTAL = "total"  # sums rows above it (rule above, "Total ..." label)


@dataclass(frozen=True, slots=True, kw_only=True)
class Value:
    """A printed figure of a line item in one column.

    Attributes:
        column: 0-based data column index.
        printed: The cell as printed (``"$ (1,214)"``, ``"--"``).
        amount: The printed number, signed as printed, in the printed scale (``-1214``), or None
            for a nil cell (dash, em dash).
        decimals: XBRL decimals of the figure once scaled (-3 for thousands, 2 for cents).
        span: Where the cell was read.
    """

    column: int
    printed: str
    amount: Decimal | None
    decimals: int
    span: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class LineItem:
    """A row of a statement with its place in the hierarchy.

    Attributes:
        row: 1-based row index in the table body (first row of a wrapped label).
        label: The label as printed, wrapped lines joined, footnote markers dropped.
        role: Heading, item, member or total.
        level: Nesting depth (0 = top level).
        parent: ``row`` of the heading this row sits under, if any; for a member of a breakdown
            printed without a heading, ``row`` of the total its figures add up to.
        unit: Kind of unit its figures are in.
        unit_name: For OTHER units, a name of the unit ("KWh", "stores").
        scale: Power of ten the printed figures are multiplied by.
        values: The figures of VALUE columns (nil cells included, empty cells left out).
        span: Where the label was read.
        member: Where a heading (or a label prefix) names a part of the company and the rows
            under it repeat the line items of the other parts ("Alabama Power -" / "Operating
            Revenues"): on those rows the member their figures belong to, on the heading the
            member it names; None elsewhere.
    """

    row: int
    label: str
    role: RowRole
    level: int
    parent: int | None
    unit: UnitKind
    values: tuple[Value, ...]
    span: SourceSpan
    unit_name: str | None = None
    scale: int = 0
    member: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    """A financial table understood: title, kind, columns with periods, line items.

    One raw table may yield several statements (a statement of operations followed by an
    EBITDA reconciliation printed under the same column headings).

    Attributes:
        table: 1-based index of the raw table it came from.
        part: 1-based part within that table.
        title: Title as printed (shortened: company name and scale line removed).
        kind: Income statement, balance sheet, ...
        columns: Every data column, with kind and period.
        scale: The table's scale.
        items: Line items in printed order.
        span: Where the table (part) starts.
        member: The part of the company the whole statement is about, where its title names one
            that rows of other tables name too ("Construction Industries" over that segment's
            sales table); None for the company as a whole.
    """

    table: int
    part: int
    title: str
    kind: StatementKind
    columns: tuple[Column, ...]
    scale: Scale
    items: tuple[LineItem, ...]
    span: SourceSpan
    member: str | None = None


# ---------------------------------------------------------------------------------------------
# Mapping output: facts (the taxonomy's types are taxonomy.model's)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """Who reports: identifier scheme and value, and a display name."""

    scheme: str
    identifier: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """An XBRL context: entity, period, and explicit members (axis, member) sorted by axis."""

    id: str
    entity: Entity
    period: Period
    members: tuple[tuple[QName, QName], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    """An XBRL unit: numerator and denominator measures (``iso4217:USD`` / ``xbrli:shares``)."""

    id: str
    numerators: tuple[QName, ...]
    denominators: tuple[QName, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """A numeric fact with where it came from and how it was printed.

    Attributes:
        concept: The concept's QName.
        context_id: Its context.
        unit_id: Its unit.
        value: The value in base units, signed as the concept means it (None for nil).
        decimals: XBRL decimals.
        span: The release cell it was read from.
        printed: The cell as printed.
        scale: Power of ten applied to the printed figure.
        negated: True when the printed sign is the opposite of the value's
            (an expense printed in parentheses): Inline XBRL writes ``sign="-"`` tricks from it.
        statement: (table, part) of the statement it was read in.
        row: The line item row it was read in.
    """

    concept: QName
    context_id: str
    unit_id: str
    value: Decimal | None
    decimals: int
    span: SourceSpan
    printed: str
    scale: int
    negated: bool
    statement: tuple[int, int]
    row: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ConceptMapping:
    """How one printed row was mapped to a concept (a line of the mapping report).

    Attributes:
        table: 1-based index of the raw table.
        part: 1-based part of the statement within that table.
        title: The statement's title.
        row: The row in the table body.
        label: The row label as printed.
        member: The member the row's figures belong to, for a breakdown row ("" for none).
        concept: The concept its facts use.
        base: The concept is a base taxonomy concept (else an extension concept).
        us_gaap: The suggested US-GAAP element: a base concept's own, or for an extension
            concept whose words name the base concept it refines, that one's; None otherwise.
        refines: For an extension concept, the base concept it refines (rolls up to), if any.
        confidence: "high" (a base concept by its label), "medium" (a base concept by its label
            with its heading, or an extension refining one by its label), "low" (an extension
            refining one by the arithmetic or heading it is printed under), or "" (none).
        span: Where the row's label was read (``line`` to ``end_line``).
    """

    table: int
    part: int
    title: str
    row: int
    label: str
    member: str
    concept: QName
    base: bool
    us_gaap: QName | None
    refines: QName | None
    confidence: str
    span: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class NarrativeMatch:
    """A figure of the release's prose that agrees with a table fact (the narrative cross-check).

    Attributes:
        span: Where the figure's digits are printed in the prose: line and column (in an HTML
            release, the line of the paragraph's element and the character in its text).
        printed: The figure as printed (``"$21.2 million"``, ``"65 cents"``).
        core: The digits the Inline XBRL tag wraps (``"21.2"``, ``"65"``).
        scale: Power of ten the digits are multiplied by (6 for millions, -2 for cents).
        decimals: XBRL decimals of the prose figure (-5 for ``$21.2 million``).
        value: The prose figure's value in base units, signed as the fact is.
        item: The line item the sentence names (``"net sales"``).
        member: The member the sentence names (its label), "" for none.
        fact: The table fact it agrees with (its concept, context and unit tag the figure too).
    """

    span: SourceSpan
    printed: str
    core: str
    scale: int
    decimals: int
    value: Decimal
    item: str
    member: str
    fact: Fact


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """Everything the writers need: taxonomy, entity, contexts, units, facts.

    ``facts`` holds every tagged cell, duplicates included (Inline XBRL tags each printed
    figure); the XML instance writes one fact per (concept, context, unit). ``mapping`` says
    how each printed row was mapped (the mapping report); ``narrative`` lists the figures of the
    release's prose that agree with a fact (tagged in the Inline XBRL too, never in the instance).
    """

    taxonomy: Taxonomy
    entity: Entity
    contexts: tuple[Context, ...]
    units: tuple[Unit, ...]
    facts: tuple[Fact, ...]
    period_end: dt.date
    mapping: tuple[ConceptMapping, ...] = ()
    narrative: tuple[NarrativeMatch, ...] = ()


FactKey = tuple[QName, str, str, Decimal | None]


@dataclass(frozen=True, slots=True, kw_only=True)
class MergedFact:
    """One fact to write and the printed cells it stands for.

    Attributes:
        fact: The first printed cell with this concept, context, unit and value.
        decimals: The highest ``decimals`` among those cells.
        spans: Where each of those cells was read, in report order.
    """

    fact: Fact
    decimals: int
    spans: tuple[SourceSpan, ...]


def merge_facts(facts: Iterable[Fact]) -> list[MergedFact]:
    """Group printed cells into the facts to write, in order of first occurrence.

    Cells with the same concept, context, unit and (numerically equal) value become one fact
    carrying the highest ``decimals`` among them; cells whose values differ stay separate.

    Args:
        facts: Every tagged cell, duplicates included.

    Returns:
        The distinct facts, in order of first occurrence.
    """
    groups: dict[FactKey, list[Fact]] = {}
    for fact in facts:
        groups.setdefault((fact.concept, fact.context_id, fact.unit_id, fact.value), []).append(fact)
    return [
        MergedFact(
            fact=cells[0],
            decimals=max(cell.decimals for cell in cells),
            spans=tuple(cell.span for cell in cells),
        )
        for cells in groups.values()
    ]


@dataclass(frozen=True, slots=True, kw_only=True)
class TableCells:
    """How the figures printed in one raw table ended: as facts, or left out and why.

    Attributes:
        table: 1-based index of the raw table.
        span: Where the table starts.
        figures: Body cells that print a figure (a number, a nil dash, a percentage).
        facts: Those that became at least one fact.
        left_out: (reason, count) for the others, sorted by reason. A reason is the code of the
            diagnostic located at the cell, else at its row, its column or its table
            (``parse.column.change``); ``account.figure.unplaced`` where none is.
    """

    table: int
    span: SourceSpan
    figures: int
    facts: int
    left_out: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ConversionResult:
    """What ``converter.convert`` returns.

    Attributes:
        source: The release path (or ``<text>``).
        document: The document as read (None when reading failed).
        statements: The statements understood.
        report: The XBRL report (None when nothing could be mapped).
        diagnostics: Every finding of every stage, in order.
        files: Output files written (relative names), when written.
        cells: Per raw table, how its figures ended (facts, or left out by reason).
    """

    source: str
    document: Document | None
    statements: tuple[Statement, ...]
    report: Report | None
    diagnostics: tuple[Diagnostic, ...]
    files: tuple[str, ...] = field(default=())
    cells: tuple[TableCells, ...] = field(default=())

    @property
    def narrative(self) -> tuple[NarrativeMatch, ...]:
        """The prose figures that agree with a table fact (disagreements are ``narrative.disagrees`` findings)."""
        return self.report.narrative if self.report is not None else ()

    @property
    def ok(self) -> bool:
        """True when nothing at ERROR or INCONSISTENCY level was found."""
        return not any(d.severity.rank <= Severity.INCONSISTENCY.rank for d in self.diagnostics)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per fact (as the XML instance has them: a figure printed twice with one
        value is one fact), in printed order; none when nothing was converted::

            {"concept": "xfy:Revenues", "label": "Revenues", "us_gaap": "us-gaap:Revenues",
             "start": date(2004, 10, 1), "end": date(2004, 12, 31), "instant": None,
             "xfy:SegmentAxis": None, "unit": "USD", "value": Decimal("24392000"), "decimals": -3, "line": 165}

        with a key per axis any fact uses (the member's QName, None for a fact without one);
        ``us_gaap`` is the element the mapping report suggests for the concept (None where none fits);
        ``start`` / ``end`` for a duration, ``instant`` for a balance; ``line`` is the release line
        the figure was printed on (the first, for a figure printed twice).
        """
        if self.report is None:
            return []
        report = self.report
        concepts = {c.qname: c for c in report.taxonomy.concepts}
        suggested = {m.concept: str(m.us_gaap) for m in report.mapping if m.us_gaap is not None}
        contexts = {c.id: c for c in report.contexts}
        axes = sorted({axis for c in report.contexts for axis, _ in c.members})
        records: list[dict[str, Any]] = []
        for merged in merge_facts(report.facts):
            fact, context = merged.fact, contexts[merged.fact.context_id]
            period, members = context.period, dict(context.members)
            records.append({
                "concept": str(fact.concept), "label": concepts[fact.concept].label,
                "us_gaap": suggested.get(fact.concept),
                "start": period.start, "end": None if period.is_instant else period.end,
                "instant": period.end if period.is_instant else None,
                **{str(axis): str(members[axis]) if axis in members else None for axis in axes},
                "unit": fact.unit_id, "value": fact.value, "decimals": merged.decimals, "line": fact.span.line,
            })
        return records

    def to_dataframe(self) -> pd.DataFrame:
        """``to_records()`` as a pandas DataFrame, dates as datetimes (``pip install 'xbrlify[pandas]'``).

        Raises:
            ImportError: pandas is not installed.
        """
        try:
            import pandas as pd
        except ImportError as exc:
            raise ImportError("to_dataframe() needs pandas: pip install 'xbrlify[pandas]'") from exc
        frame = pd.DataFrame.from_records(self.to_records())
        for column in ("start", "end", "instant"):
            if column in frame:
                frame[column] = pd.to_datetime(frame[column])
        return frame


# ---------------------------------------------------------------------------------------------
# Overrides: what a mapping file (``--mapping FILE``, ``converter.inputs.mapping_file``) fixes
# ---------------------------------------------------------------------------------------------
#
# Rows and tables are numbered as diagnostics and the mapping report show them: tables 1-based
# in the release, rows 1-based in the table's body (``release.htm:212 [table 3, row 7]``). A label
# matches a row whose label reads the same once case, spacing, dot leaders and a trailing colon
# are set aside (footnote markers are already gone from line items).

_LEADERS = re.compile(r"[.\u2026]{3,}\s*$")


def fold_label(text: str) -> str:
    """A label as overrides compare it: ``"Cost of  Sales:"`` -> ``"cost of sales"``."""
    return " ".join(_LEADERS.sub("", text).casefold().split()).rstrip(" :")


@dataclass(frozen=True, slots=True, kw_only=True)
class ConceptPin:
    """A row label or a table row pinned to a concept.

    Attributes:
        name: The concept's local name: a base concept's (``Revenues``) or an extension's.
        at: Where the entry is written in the mapping file.
        label: Rows with this label, or None (then ``table`` and ``row`` name the row).
        table: Only rows of this table, or None (every table).
        row: Only this row of ``table``, or None.
    """

    name: str
    at: SourceSpan
    label: str | None = None
    table: int | None = None
    row: int | None = None

    def matches(self, table: int, rows: frozenset[int], label: str) -> bool:
        """Whether a line item of ``table`` printed on ``rows`` with ``label`` is pinned."""
        if self.table is not None and self.table != table:
            return False
        if self.row is not None and self.row not in rows:
            return False
        return self.label is None or fold_label(self.label) == fold_label(label)

    @property
    def rank(self) -> int:
        """0 for a table row, 1 for a label in a table, 2 for a label anywhere: the most specific wins."""
        return 0 if self.row is not None else 1 if self.table is not None else 2


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberName:
    """Members renamed, or merged into one: each of ``labels`` is the member named ``name``.

    Attributes:
        labels: Member labels as printed (rows of a breakdown, column headings, a table's title).
        name: The member's name: its label, from which its QName is made (``Americas`` ->
            ``AmericasMember``).
        at: Where the entry is written in the mapping file.
    """

    labels: tuple[str, ...]
    name: str
    at: SourceSpan

    def matches(self, label: str) -> bool:
        """Whether a printed member label is one of ``labels``."""
        folded = fold_label(label)
        return any(fold_label(own) == folded for own in self.labels)


@dataclass(frozen=True, slots=True, kw_only=True)
class TableScale:
    """The scale of a table's figures, set by the user (powers of ten).

    Attributes:
        table: The table.
        monetary: Power of ten of its amounts (6 for millions).
        shares: Power of ten of its share counts.
        at: Where the entry is written in the mapping file.
    """

    table: int
    monetary: int
    shares: int
    at: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class Skip:
    """Tables or rows left out: a whole table, a table's row, or rows with a label.

    Attributes:
        at: Where the entry is written in the mapping file.
        table: The table (all of it when neither ``row`` nor ``label`` is given).
        row: The row of ``table``.
        label: Rows with this label (in ``table``, or anywhere).
    """

    at: SourceSpan
    table: int | None = None
    row: int | None = None
    label: str | None = None

    @property
    def whole_table(self) -> bool:
        """True when the entry skips a whole table."""
        return self.table is not None and self.row is None and self.label is None

    def matches_row(self, table: int, row: int, label: str) -> bool:
        """Whether the row ``row`` of ``table`` printed with ``label`` is skipped."""
        if self.whole_table or (self.table is not None and self.table != table):
            return False
        if self.row is not None and self.row != row:
            return False
        return self.label is None or fold_label(self.label) == fold_label(label)


@dataclass(frozen=True, slots=True, kw_only=True)
class Overrides:
    """Everything a mapping file fixes about a conversion.

    Attributes:
        path: The mapping file ("" when made in code).
        cik: The filer's CIK.
        entity_name: The filer's name.
        fiscal_year_end: (month, day) the fiscal year ends on.
        concepts: Rows pinned to concepts.
        members: Members renamed or merged.
        scales: Table scales.
        skips: Tables and rows left out.
    """

    path: str = ""
    cik: str | None = None
    entity_name: str | None = None
    fiscal_year_end: tuple[int, int] | None = None
    concepts: tuple[ConceptPin, ...] = ()
    members: tuple[MemberName, ...] = ()
    scales: tuple[TableScale, ...] = ()
    skips: tuple[Skip, ...] = ()

    def fingerprint(self) -> str:
        """A digest of what the overrides say (the batch manifest records it: a changed file converts again)."""
        said = (self.cik, self.entity_name, self.fiscal_year_end,
                [(p.name, p.label, p.table, p.row) for p in self.concepts],
                [(m.labels, m.name) for m in self.members],
                [(s.table, s.monetary, s.shares) for s in self.scales],
                [(s.table, s.row, s.label) for s in self.skips])
        return hashlib.sha256(repr(said).encode()).hexdigest()

    def member_name(self, label: str) -> str | None:
        """The name the user gives the member printed as ``label``, if any."""
        return next((m.name for m in self.members if m.matches(label)), None)


NO_OVERRIDES = Overrides()  # a conversion without a mapping file
