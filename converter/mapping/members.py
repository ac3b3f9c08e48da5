"""Members of breakdowns and the axes they belong to, shared by all tables of a release.

"Rubber Group" is the same member whichever table prints it. The axis of a breakdown is chosen
from what its members are and where they are printed:

* rows: segments where the heading says so ("Net sales by reportable segment"), regions
  (Americas, Europe, ...) on the geography axis, product and service kinds ("Products",
  "Services") on the product-or-service axis, product lines and categories on the product line
  axis, the lines of the income statement an expense is charged to ("Cost of sales", "Research
  and development") on the income statement location axis, everything else (segments, business
  units, subsidiaries) on the segment axis;
* columns: "Low" / "High" on the range axis, "As reported" / "Adjustments" / "Non-GAAP" on the
  reporting basis axis, consolidating columns (with eliminations or adjustments) on the legal
  entity axis, else as rows are; the consolidated (or as reported) column is the default;
* a statement whose title names a part of the company ("Construction Industries" over its own
  sales table) gives every fact of it that part's member on the segment axis.

A domain never double counts: a line item broken down twice on one axis into different sets of
members (Products / Services beside iPhone / Mac / Services) gets the second breakdown on an axis
of its own, named after its heading. No context repeats an axis: a breakdown inside a statement
that already has a member on an axis goes on another one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from converter.labels import camel, display_case
from converter.model import Concept, ConceptRole, Label, LabelRole, QName
from taxonomy.base import BY_NAME

_I = re.IGNORECASE
_GEOGRAPHY = re.compile(
    r"\b(?:americas?|north america|south america|latin america|europe|emea|eame|asia|pacific|japan|china|"
    r"greater china|united states|u\.s\.|domestic|international|foreign|canada|mexico|africa|"
    r"middle east|rest of (?:the )?world|india|germany|united kingdom|france)\b",
    _I,
)
_PRODUCT = re.compile(r"\bproducts?\b|\bcategor(?:y|ies)\b|\bline of business\b|\bservices\b|\bofferings?\b", _I)
_PRODUCT_NAME = re.compile(r"\bproducts?\b|\bservices?\b|\blicen[cs]es?\b|\bhardware\b|\bsoftware\b|\bsubscriptions?\b", _I)
_KIND = re.compile(r"^(?:net )?(?:products?|services?|licen[cs]es?|subscriptions?|hardware|software)$", _I)
_SEGMENT = re.compile(r"\bsegments?\b", _I)
# A breakdown by the expense lines it was recorded in: "... included in the following GAAP operating expense categories".
_LOCATION_CONTEXT = re.compile(r"\bexpense\s+(?:categories|line\s+items|lines|captions)\b|\bfollowing\s+(?:line\s+items|captions)\b",
                               re.IGNORECASE)
_EXPENSE_LINE = re.compile(  # the income statement lines an expense is charged to ("Cost of sales", "R&D")
    r"^(?:total )?(?:cost of (?:sales|revenues?|goods sold|services)|research and development|research, development"
    r"|(?:selling|sales|marketing)(?:,? general)?(?: and (?:marketing|administrative))?(?: expenses?)?"
    r"|general and administrative(?: expenses?)?|technology and development|operating expenses)$", _I)
_REGION = re.compile(r"geograph|region", _I)
_ENTITY = re.compile(r"eliminat|consolidating|guarantor|subsidiar|parent company|holding company", _I)
_BASIS = re.compile(r"\bgaap\b|\badj(?:\.|ustments?|usted)|\breported\b|\bexcluding\b|\bpro forma\b", _I)
_DEFAULT = re.compile(r"^(?:(?:u\.?s\.? )?gaap|as reported|reported|total|(?:total )?(?:company|consolidated|worldwide)(?: total)?)$", _I)
_RANGE = {"low": "MinimumMember", "minimum": "MinimumMember", "min": "MinimumMember", "from": "MinimumMember",
          "high": "MaximumMember", "maximum": "MaximumMember", "max": "MaximumMember", "to": "MaximumMember"}
AXES = {
    "segment": "Segment", "geography": "Geography", "product": "ProductLine", "kind": "ProductOrService",
    "entity": "LegalEntity", "basis": "ReportingBasis", "range": "Range", "location": "IncomeStatementLocation",
}
_ROW_AXES = ("segment", "product", "geography", "kind")  # where a row breakdown may go instead
Alias = Callable[[str], "tuple[str, str] | None"]  # a printed member label -> (local name, label) it is given, if any


@dataclass(frozen=True, slots=True)
class Axis:
    """An axis with its domain (which is its default) and the hypercube that holds it.

    Attributes:
        key: "segment", "geography", ... for the base axes; the camel-cased heading for an
            extension axis of its own.
        axis: The axis concept's QName.
        domain: Its domain (and default member).
        table: The hypercube.
        concepts: The axis, domain and hypercube concepts.
    """

    key: str
    axis: QName
    domain: QName
    table: QName
    concepts: tuple[Concept, ...]


@dataclass(frozen=True, slots=True)
class Dim:
    """A member on its axis, and the member it is part of (a breakdown of a member)."""

    axis: Axis
    member: QName
    label: str
    parent: Dim | None = None


def base_axis(key: str) -> Axis:
    """One of xbrlify's base axes (``AXES``)."""
    name = AXES[key]
    entries = [BY_NAME[f"{name}{part}"] for part in ("Axis", "Domain", "Table")]
    return Axis(key=key, axis=entries[0].qname, domain=entries[1].qname, table=entries[2].qname,
                concepts=tuple(e.concept() for e in entries))


class Members:
    """Registry of breakdowns -> axis, and member labels -> member QNames, for one conversion.

    Breakdowns are keyed by where they are printed: a series of rows by ``(statement, row)``,
    the columns of a statement and a statement's title by the statement's position.
    """

    def __init__(self, namespace: str, prefix: str, alias: Alias | None = None) -> None:
        self.namespace = namespace
        self.prefix = prefix
        self._alias = alias
        self._rows: dict[tuple[int, int], Axis] = {}
        self._columns: dict[int, Axis] = {}
        self._parts: dict[int, tuple[Axis, str]] = {}
        self._labels: dict[str, str] = {}
        self._sets: dict[tuple[QName, QName, str], list[frozenset[str]]] = {}
        self._placed: dict[tuple[QName, str], Axis] = {}  # (concept, member) -> axis it is on
        self._parents: dict[tuple[str, str], str] = {}  # (axis key, member key) -> label of the whole it is part of
        self._own: set[str] = set()
        self._across: dict[tuple[int, int], Dim] = {}  # a breakdown of a member across another axis -> that member

    def add_part(self, statement: int, label: str) -> None:
        """A statement whose title names a part of the company: each of its facts is that part's."""
        self._parts[statement] = (base_axis(_ranked([label], "")[0]), label)
        self._remember([label])

    def add(self, key: tuple[int, int], labels: Sequence[str], headings: Sequence[str], line_label: str,
            concept: QName | None = None, part_of: str | None = None, wholes: Mapping[str, str] | None = None,
            *, section: str | None = None) -> None:
        """Register the members of one row breakdown (their axis is decided by the whole set).

        Args:
            key: (statement, row) of the series that presents the breakdown.
            labels: Its member labels.
            headings: The headings it sits under, innermost first.
            line_label: The line item it breaks down.
            concept: The line item's concept (a domain never holds two breakdowns of it).
            part_of: The member of the concept it breaks down further ("Cloud services" into
                "Applications" and "Infrastructure"): its members go under that one, on its axis.
            wholes: Its members that are parts of another of its members, with that member's
                label ("New software licenses" of "Software and Cloud Revenues"): they go under it.
            section: The heading printed right above the breakdown ("Product Summary"): where it
                names what the members are (products, segments, regions), that decides their axis.
        """
        upper = self._placed.get((concept, _key(part_of))) if concept is not None and part_of else None
        if upper is not None:  # the row prints that member's figures; its own members are parts of it
            self._rows[key] = upper
            self._parents.update({(upper.key, _key(m)): part_of or "" for m in labels})
        if not labels:
            return
        taken = {self._parts[key[0]][0].key} if key[0] in self._parts else set()
        taken |= {self._across[key].axis.key} if key in self._across else set()
        axis = upper or base_axis(_row_axis(labels, " ".join([*headings, line_label]), taken, section or ""))
        if concept is not None:
            axis = self._apart(concept, axis, labels, headings[0] if headings else line_label, _key(part_of or ""))
            self._placed.update({(concept, _key(m)): axis for m in labels})
        self._rows[key] = axis
        self._remember(labels)
        self._parents.update({(axis.key, _key(m)): whole for m, whole in (wholes or {}).items()})

    def add_across(self, key: tuple[int, int], concept: QName, label: str) -> bool:
        """A series of rows that breaks a member of the concept's breakdown down across another axis
        ("Software and cloud revenues" by region): each of its facts is that member's too.
        False where the member is on no axis (the series is then left as it is)."""
        axis = self._placed.get((concept, _key(label)))
        if axis is None:
            return False
        self._across[key] = self._dim(axis, label)
        return True

    def across(self, key: tuple[int, int]) -> Dim | None:
        """The member every fact of a series of rows is of, besides its own (``add_across``)."""
        return self._across.get(key)

    def add_columns(self, statement: int, labels: Sequence[str], title: str) -> None:
        """Register the members of a statement's column breakdown."""
        named = [_total_of(m) or m for m in dict.fromkeys(labels) if not is_default(m)]
        if not named:
            return
        taken = {a.key for (n, _), a in self._rows.items() if n == statement}
        taken |= {self._parts[statement][0].key} if statement in self._parts else set()
        key = _column_axis(labels, named, title)
        if key in taken:  # another base axis, else one of the columns' own: a context never repeats an axis
            key = next((k for k in _ROW_AXES if k not in taken), "")
        axis = base_axis(key) if key else self._own_axis(title)
        self._columns[statement] = axis
        self._remember(named)
        whole = next((t for t in map(_total_of, labels) if t), None)  # "Total Domestic" over its parts
        if whole is not None:
            self._parents.update({(axis.key, _key(m)): whole for m in named if _key(m) != _key(whole)})

    def row(self, key: tuple[int, int], label: str) -> Dim:
        """The member of a registered row breakdown."""
        return self._dim(self._rows[key], label)

    def column(self, statement: int, label: str) -> Dim:
        """The member of a registered column of a statement."""
        return self._dim(self._columns[statement], _total_of(label) or label)

    def part(self, statement: int) -> Dim | None:
        """The part of the company a statement's title names, if it names one."""
        found = self._parts.get(statement)
        return self._dim(*found) if found else None

    def _dim(self, axis: Axis, label: str) -> Dim:
        if axis.key == "range":
            return Dim(axis=axis, member=BY_NAME[_RANGE[label.strip().lower()]].qname, label=label)
        whole = self._parents.get((axis.key, _key(label)))
        parent = Dim(axis, *self._named(whole)) if whole else None
        return Dim(axis, *self._named(label), parent=parent)

    def _named(self, label: str) -> tuple[QName, str]:
        """A member's QName and label: those the alias gives (a mapping file's name, a member of the
        company's taxonomy), else made from the label."""
        shown = self._labels.get(_key(label), label)
        given = self._alias(label) if self._alias is not None else None
        if given is not None:
            return QName(self.namespace, self.prefix, given[0]), given[1]
        return QName(self.namespace, self.prefix, f"{camel(shown)}Member"), shown

    def _remember(self, labels: Sequence[str]) -> None:
        for label in labels:
            self._labels.setdefault(_key(label), display_case(label))

    def _apart(self, concept: QName, axis: Axis, labels: Sequence[str], heading: str, under: str) -> Axis:
        """The axis itself, or one of the breakdown's own where the concept already has another
        set of members on it (under the same member): a domain would count one total twice."""
        keys = frozenset(_key(m) for m in labels)
        chosen = axis
        while any(not (keys <= other or other <= keys) for other in self._sets.get((concept, chosen.axis, under), [])):
            chosen = self._own_axis(heading)
        self._sets.setdefault((concept, chosen.axis, under), []).append(keys)
        return chosen

    def _own_axis(self, heading: str) -> Axis:
        """A new extension axis named after the breakdown's heading ("Net sales by category")."""
        text = heading.rstrip(": ") or "Breakdown"
        base = stem = camel(text, limit=60) or "Breakdown"
        n = 2
        while stem in self._own:
            stem, n = f"{base}{n}", n + 1
        self._own.add(stem)
        made = {
            part: Concept(qname=QName(self.namespace, self.prefix, f"{stem}{part}"),
                          role=ConceptRole.MEMBER if part == "Domain" else
                          ConceptRole.AXIS if part == "Axis" else ConceptRole.HYPERCUBE,
                          item_type=BY_NAME[f"Segment{part}"].item_type, period_type="duration", balance=None,
                          labels=(Label(role=LabelRole.STANDARD, text=f"{text} [{part.lower()}]"),))
            for part in ("Axis", "Domain", "Table")
        }
        return Axis(key=stem, axis=made["Axis"].qname, domain=made["Domain"].qname, table=made["Table"].qname,
                    concepts=tuple(made.values()))


def may_be_parts(parts: Sequence[str], whole: Sequence[str]) -> bool:
    """Whether a breakdown's members may be parts of a member of another breakdown: not where
    they name another kind of part ("Americas", "Asia Pacific" under the product line "Software
    and cloud"), which would put them on that member's axis."""
    if not parts or not whole:
        return True
    best = _ranked(parts, "")[0]
    return best == "segment" or best in _ranked(whole, "")


def _row_axis(labels: Sequence[str], context: str, taken: set[str], section: str = "") -> str:
    """The base axis of a breakdown of rows, never one of ``taken``: the reporting basis where
    every member names one ("Adjusted"), else the axis its ``section`` heading names ("Product
    Summary", "Operating Segments", "Geographic data"), else the axis the names fit."""
    if labels and "basis" not in taken and all(_BASIS.search(m) for m in labels):
        return "basis"
    ranked = [*_section_axis(section), *_ranked(labels, context)]
    return next((k for k in (*ranked, *_ROW_AXES) if k not in taken), ranked[0])


def _ranked(labels: Sequence[str], context: str) -> list[str]:
    """Axes a breakdown fits, best first."""
    out: list[str] = []
    if len(labels) >= 2 and (_most(labels, _EXPENSE_LINE) or _LOCATION_CONTEXT.search(context)):
        out.append("location")
    if _SEGMENT.search(context):
        out.append("segment")
    if _most(labels, _GEOGRAPHY) or _REGION.search(context):
        out.append("geography")
    if any(_SEGMENT.search(m) for m in labels):
        out.append("segment")
    if len(labels) >= 2 and all(_KIND.match(m.strip()) for m in labels):
        out.append("kind")
    if _PRODUCT.search(context) or _most(labels, _PRODUCT_NAME):
        out.append("product")
    return [*out, "segment"]


def _section_axis(section: str) -> list[str]:
    """The axis a section heading names, when it names one kind of part only."""
    named = [k for k, pattern in (("segment", _SEGMENT), ("product", _PRODUCT), ("geography", _REGION)) if pattern.search(section)]
    return named if len(named) == 1 else []


def _most(labels: Sequence[str], pattern: re.Pattern[str]) -> bool:
    """Whether more than half of the labels match."""
    return 2 * sum(1 for m in labels if pattern.search(m)) > len(labels)


def _column_axis(labels: Sequence[str], named: Sequence[str], title: str) -> str:
    """Range for "Low" / "High", reporting basis for GAAP / adjustments, legal entity for
    consolidating columns, else the axis the names fit."""
    if all(m.strip().lower() in _RANGE for m in named):
        return "range"
    if any(_ENTITY.search(m) for m in labels):
        return "entity"
    if any(_BASIS.search(m) for m in labels):
        return "basis"
    return _ranked(named, title)[0]


def _total_of(label: str) -> str | None:
    """"Domestic" for a "Total Domestic" column: the whole its neighbours are parts of."""
    found = re.match(r"^total\s+(\S.*)$", label.strip(), _I)
    return found.group(1) if found else None


def _key(label: str) -> str:
    """Labels that make the same member name, but for the words joining their parts, are one member
    ("Retail" and "RETAIL"; "Europe, Middle East & Africa" and "EUROPE / MIDDLE EAST / AFRICA")."""
    return camel(re.sub(r"\band\b|&", " ", label, flags=re.IGNORECASE)).lower()


def is_default(label: str) -> bool:
    """Whether a column member is the consolidated / as-reported figure (no dimension)."""
    return bool(_DEFAULT.match(label.strip()))
