"""Row hierarchy of a table: which heading a row sits under, and which rows are members.

A heading ("Net sales:", "Other income (expense):") opens a group; deeper-indented rows belong
to it; a total (a row under a rule, or labelled "Total ...") closes it. A group is a *member
breakdown* when its rows name parts of the company (segments, regions, products) rather than
line items: the names recur under several headings of the table ("Rubber Group" under net sales,
income from operations, capital expenditures), or none of them uses financial vocabulary and the
group ends in a "Total" row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

_FINANCIAL = re.compile(
    r"\b(?:income|loss(?:es)?|expenses?|costs?|sales|revenues?|profit|earnings|tax(?:es)?|interest|"
    r"depreciation|amortization|operations|operating|shares?|cash|assets?|liabilit(?:y|ies)|equity|"
    r"gains?|charges?|provision|benefit|dividends?|capital|debt|impairment|restructuring|accounting|"
    r"effect|net|margin|ebitda|compensation|expenditures?|receivables?|payables?|inventor(?:y|ies)|"
    r"goodwill|discontinued|continuing|total|before|after|per|excluding|reported|adjusted|basic|diluted|"
    r"weighted|average|outstanding|purchases?|proceeds|payments?|repurchases?|borrowings?|accrued|"
    r"research|development|selling|general|administrative|marketing|advertising|provisions?|"
    r"deferred|prepaid|notes|securities|investments?|property|plant|equipment|intangibles?|stock|"
    r"shareholders|stockholders|retained|deficit|comprehensive|payable|receivable|leases?|royalt(?:y|ies))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """What the hierarchy needs to know of a row."""

    index: int
    label: str
    indent: int
    has_values: bool
    total: bool
    opens: bool = False  # printed with a trailing ":" or "-": its rows may sit at its own indent


@dataclass(frozen=True, slots=True)
class Hierarchy:
    """Parents of rows (row index -> heading index) and groups closed by totals (total -> heading)."""

    parent: dict[int, int] = field(default_factory=dict)
    closes: dict[int, int] = field(default_factory=dict)


def hierarchy(rows: Sequence[Row]) -> Hierarchy:
    """Assign each row to the heading it sits under.

    A heading opens a group of the deeper-indented rows below it (or of rows at its own indent
    when it is printed with a trailing colon or dash); a total closes the group, except a bare
    "Total" inside a colon group, which is a subtotal of the rows above it. A heading less
    indented than the rows of the open group starts a new group rather than nesting in it.
    """
    result = Hierarchy()
    stack: list[Row] = []
    deepest: dict[int, int] = {}  # heading index -> indent of its deepest row so far
    for row in rows:
        if not row.has_values:
            while stack and (stack[-1].indent >= row.indent or row.indent < deepest.get(stack[-1].index, -1)):
                stack.pop()
            if stack:
                result.parent[row.index] = stack[-1].index
            stack.append(row)
            continue
        if stack and stack[-1].opens and _BARE_TOTAL.match(row.label):
            result.parent[row.index] = stack[-1].index
            continue
        if row.total and stack:
            heading = stack.pop()
            result.closes[row.index] = heading.index
            if _totals(row.label, heading.label):
                result.parent[row.index] = heading.index
            elif heading.index in result.parent:
                result.parent[row.index] = result.parent[heading.index]
            continue
        while stack and (row.indent < stack[-1].indent or (row.indent == stack[-1].indent and not stack[-1].opens)):
            stack.pop()
        if stack:
            result.parent[row.index] = stack[-1].index
            deepest[stack[-1].index] = max(deepest.get(stack[-1].index, 0), row.indent)
    return result


def member_rows(rows: Sequence[Row], tree: Hierarchy, monetary: set[int] | None = None) -> set[int]:
    """Indexes of rows that are members of a breakdown (segments, regions, products).

    ``monetary`` are the rows in money (only money is broken down by line item).
    """
    children: dict[int, list[Row]] = {}
    for row in rows:
        up = tree.parent.get(row.index)
        if up is not None and row.has_values and not row.total:
            children.setdefault(up, []).append(row)
    recurring = Counter(r.label.lower() for kids in children.values() for r in kids)
    heading_count = Counter(
        r.label.lower() for up, kids in children.items() for r in {k.label.lower(): k for k in kids}.values()
    )
    members: set[int] = set()
    for up, kids in children.items():
        if len(kids) < 2:
            continue
        named = all(not _FINANCIAL.search(k.label) for k in kids)
        closing = any(t for t, h in tree.closes.items() if h == up and _totals(rows[t].label, rows[up].label))
        recur = all(heading_count[k.label.lower()] >= 2 for k in kids) and recurring
        by_item = monetary is not None and all(k.index in monetary for k in kids) and _relabelled(kids, rows, tree)
        if (named and (closing or recur or rows[up].opens)) or by_item:
            members.update(k.index for k in kids)
    return members


def _relabelled(kids: Sequence[Row], rows: Sequence[Row], tree: Hierarchy) -> bool:
    """Rows that repeat the labels of line items elsewhere in the table, under a heading naming
    another measure ("Includes stock-based compensation expense: / Cost of sales / Research and
    development"): a breakdown of that measure by line item."""
    group = tree.parent.get(kids[0].index)
    earlier = {r.label.lower() for r in rows[: kids[0].index] if r.has_values and tree.parent.get(r.index) != group}
    return all(k.label.lower() in earlier for k in kids)


_BARE_TOTAL = re.compile(r"^(?:sub)?total$", re.IGNORECASE)


def _totals(total: str, heading: str) -> bool:
    """Whether a total's label names its heading ("Total net sales" for "Net sales:")."""
    t = re.sub(r"^total\s+", "", total.lower()).strip(" :")
    h = heading.lower().strip(" :")
    if not total.lower().startswith("total"):
        return False
    words_t = set(re.findall(r"[a-z]+", t))
    words_h = set(re.findall(r"[a-z]+", h))
    return bool(words_t) and len(words_t & words_h) >= min(len(words_t), 2) * 0.5
