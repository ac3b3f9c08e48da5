"""Row hierarchy of a table: which heading a row sits under, and which rows are members.

A heading ("Net sales:", "Other income (expense):") opens a group; deeper-indented rows belong
to it; a total (a row under a rule, or labelled "Total ...") closes it. A group is a *member
breakdown* when its rows name parts of the company (segments, regions, products) rather than
line items: the names recur under several headings of the table ("Rubber Group" under net sales,
income from operations, capital expenditures), or none of them uses financial vocabulary and the
group ends in a "Total" row.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from converter.model import RowRole, Statement

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
    figures: tuple[str, ...] = ()  # the digits of its cells, column by column ("" where empty)
    amounts: tuple[Decimal | None, ...] = ()  # its figures as printed, signed (None where empty or nil)


@dataclass(frozen=True, slots=True)
class Hierarchy:
    """Parents of rows (row index -> heading index) and groups closed by totals (total -> heading)."""

    parent: dict[int, int] = field(default_factory=dict)
    closes: dict[int, int] = field(default_factory=dict)


def hierarchy(rows: Sequence[Row]) -> Hierarchy:
    """Assign each row to the heading it sits under.

    A heading opens a group of the deeper-indented rows below it (or of rows at its own indent
    when it is printed with a trailing colon or dash); a total closes the group, except a bare
    "Total" inside a colon group, which is a subtotal of the rows above it, and a total naming a
    part of the heading's line item that a total of the heading itself follows in the group
    ("Software and Cloud Revenues" ... "Total Revenues" under "REVENUES"), which is a subtotal of
    a group of its rows. A heading less indented than the rows of the open group starts a new
    group rather than nesting in it.
    """
    result = Hierarchy()
    stack: list[Row] = []
    deepest: dict[int, int] = {}  # heading index -> indent of its deepest row so far
    for at, row in enumerate(rows):
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
        if row.total and stack and _inner_total(rows, at, stack[-1]):
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


def summed_totals(rows: Sequence[Row]) -> list[Row]:
    """Rows of a table printed without rules (a rendering drops the cells' borders), each marked a
    total where, in every column it prints (two at least), its figures are the sum of the two or
    more rows right above it, a subtotal found so standing for its parts ("Machinery, Energy &
    Transportation" under its segments, "Consolidated Operating Profit" under it, "Financial
    Products" and "Consolidating Adjustments"), but in a heading's group (up to its total), whose
    rows the heading places."""
    out = list(rows)
    units: list[Row] = []  # the rows above, subtotals in place of their parts
    heading = False  # inside a heading's group (up to a total): its rows are placed by the heading
    for at, row in enumerate(rows):
        if not row.has_values:
            units, heading = [], True
            continue
        k = 0 if heading else _summed_by(units, row)
        if k:
            out[at] = replace(row, total=True)
            units = units[:-k]
        elif row.total:
            units, heading = [], False
        units.append(out[at])
    return out


def _summed_by(units: Sequence[Row], row: Row) -> int:
    """How many of the last ``units`` (two at least, fewest first, ``_MAX_PARTS`` at most) add up
    to ``row`` in every column it prints (a part printing nothing there counts nought); 0 when
    none do."""
    columns = [n for n, a in enumerate(row.amounts) if a is not None]
    if len(columns) < 2 or all(row.amounts[n] == 0 for n in columns):
        return 0
    sums = [Decimal(0)] * len(columns)
    for k, unit in enumerate(reversed(units[-_MAX_PARTS:]), start=1):
        sums = [total + ((unit.amounts[n] if n < len(unit.amounts) else None) or Decimal(0))
                for total, n in zip(sums, columns, strict=True)]
        if k >= 2 and all(total == row.amounts[n] for total, n in zip(sums, columns, strict=True)):
            return k
    return 0


def named_closers(rows: Sequence[Row]) -> list[Row]:
    """Rows with each heading that a total naming it closes at its own indent marked ``opens``
    ("REVENUES" / "New software licenses" / ... / "Total Revenues", all at one indent, as a text
    rendering of an HTML table prints them without the cells' padding): its rows sit under it as
    under "Net sales:"."""
    out = list(rows)
    for at, row in enumerate(rows):
        if row.has_values or row.opens:
            continue
        for later in rows[at + 1:]:
            if later.indent < row.indent or (not later.has_values and later.indent == row.indent):
                break
            if later.total and later.indent == row.indent:
                if _totals(later.label, row.label):
                    out[at] = replace(row, opens=True)
                break
    return out


def _inner_total(rows: Sequence[Row], at: int, heading: Row) -> bool:
    """Whether the total ``rows[at]`` is a subtotal inside ``heading``'s group: it names a part of
    the line item of a total printed further down in the group that names the heading ("Software
    and Cloud Revenues" or a ruled "Hardware systems products", then "Total Revenues", under
    "REVENUES"), so the group goes on past it."""
    row = rows[at]
    if _totals(row.label, heading.label):
        return False
    for later in rows[at + 1:]:
        if not later.has_values and later.indent <= heading.indent:
            return False  # the next heading at its level: the group has ended
        if later.total and _totals(later.label, heading.label):
            return group_name(row.label, later.label) is not None
        if not later.total and (later.indent < heading.indent or (later.indent == heading.indent and not heading.opens)):
            return False
    return False


@dataclass(frozen=True, slots=True)
class Blocks:
    """Heading-per-member blocks: the member each of their rows belongs to ("Alabama Power"), the
    headings that name one, and the labels left once a member prefix is cut off."""

    member: dict[int, str] = field(default_factory=dict)
    headings: set[int] = field(default_factory=set)
    label: dict[int, str] = field(default_factory=dict)

    def parents(self, tree: Hierarchy) -> dict[int, int]:
        """The rows' parents past the headings that name a member (their rows sit where they do)."""
        out: dict[int, int] = {}
        for index, up in tree.parent.items():
            at: int | None = up
            while at is not None and at in self.headings:
                at = tree.parent.get(at)
            if at is not None:
                out[index] = at
        return out


_PREFIX = re.compile(r"^(?P<name>\S.*?)\s+[-\u2013\u2014]+\s+(?P<item>\S.*)$")
_SECTION = re.compile(r"\bactivities\b|\bnotes?\b|\bgrowth\b|\brates?\b|\bratios?\b|\bpercent|%", re.IGNORECASE)
_WHOLE = re.compile(r"^(?:total )?(?:company|consolidated|worldwide)(?: total)?$", re.IGNORECASE)  # its block is the default
_GENERIC = re.compile(r"^(?:all )?others?(?: segments?)?$|^corporate(?: and other)?$|^eliminations?$", re.IGNORECASE)
_QUALIFIER = re.compile(r"^(?:net|total|other|gross|and other)$", re.IGNORECASE)


def member_blocks(rows: Sequence[Row]) -> Blocks:
    """Blocks of rows that repeat the same line items, one block per part of the company.

    The transpose of a member breakdown: a heading naming a subsidiary, segment or business unit
    ("Alabama Power -", no financial words; or the whole: "Consolidated -", "Total company") followed by line items ("Operating Revenues", "Net
    Income"), or rows whose label starts with the name ("Alabama Power - Operating Revenues")
    followed by deeper-indented line items. They are blocks only where at least two of them
    repeat the same financial line items, each at least half of its rows.
    """
    found: list[tuple[int | None, str, list[int]]] = []  # (heading row, member, rows)
    for row in rows:
        prefix = _PREFIX.match(row.label) if row.has_values else None
        if not row.has_values and (names_part(row.label) or _WHOLE.match(row.label.rstrip(" :-\u2013\u2014"))):
            found.append((row.index, row.label.rstrip(" :-\u2013\u2014"), _block(rows, row, same_indent=row.opens or _flat(rows, row))))
        elif prefix and _is_prefixed(prefix):
            found.append((None, prefix["name"], [row.index, *_block(rows, row, same_indent=False)]))
    found = _outermost_dropped(found)
    labels = {i: _item_label(rows[i]) for _, _, block in found for i in block}
    count = Counter(key for _, _, block in found for key in {labels[i].lower() for i in block})
    kept = [(h, name, block) for h, name, block in found if block and 2 * sum(
        1 for i in block if count[labels[i].lower()] >= 2 and _FINANCIAL.search(labels[i])) >= len(block)]
    if len({name.lower() for _, name, _ in kept}) < 2:
        return Blocks()
    result = Blocks()
    for heading, name, block in kept:
        if heading is not None:
            result.headings.add(heading)
            result.member[heading] = name
        for i in block:
            result.member[i] = name
            if labels[i] != rows[i].label:
                result.label[i] = labels[i]
    return result


def _outermost_dropped(found: list[tuple[int | None, str, list[int]]]) -> list[tuple[int | None, str, list[int]]]:
    """Candidate blocks without those that hold another candidate: a heading over headings
    ("Proforma effects on the prior year:" / "Divested Businesses:" / rows) opens a section of the
    statement, and the rows it shares with the inner block are no second part's line items."""
    starts = [h if h is not None else (block[0] if block else -1) for h, _, block in found]
    return [
        (h, name, block) for (h, name, block), start in zip(found, starts)
        if not block or not any(start < other <= block[-1] for other in starts)
    ]


def prefixed_members(statements: Sequence[Statement]) -> list[Statement]:
    """Rows under a heading that starts with the name of a part the release breaks its figures
    down by elsewhere (a column, a member row, a block) are that part's line items: under
    "Domestic Inventories:", "Domestic Inventories - LIFO" -> member "Domestic", "Inventories - LIFO".

    Only a heading whose name is followed by financial words, in a statement that is not itself
    broken down by that name, and never a name of the whole ("Consolidated").
    """
    known: dict[str, str] = {}
    for st in statements:
        names = [c.member for c in st.columns if c.member] + [st.member or ""]
        names += [i.member or (i.label if i.role is RowRole.MEMBER else "") for i in st.items]
        for name in names:
            if name and names_part(name) and not _WHOLE.match(name) and not _GENERIC.match(name):
                known.setdefault(name.lower(), name)
    if not known:
        return list(statements)
    pattern = re.compile(r"^(" + "|".join(map(re.escape, sorted(known, key=len, reverse=True))) + r")\s+(?P<item>\S.*)$",
                         re.IGNORECASE)
    return [_prefixed(st, pattern, known) for st in statements]


def _prefixed(st: Statement, pattern: re.Pattern[str], known: dict[str, str]) -> Statement:
    own = {c.member.lower() for c in st.columns if c.member} | {(st.member or "").lower()}
    headings = {i.row: i.label.rstrip(": ") for i in st.items if i.role is RowRole.HEADING}
    items = []
    for item in st.items:
        heading = headings.get(item.parent, "") if item.parent is not None else ""
        found = pattern.match(heading) if heading and item.member is None else None
        if (found is None or found.group(1).lower() in own or not _FINANCIAL.search(found["item"])
                or item.role not in (RowRole.ITEM, RowRole.TOTAL) or not item.label.lower().startswith(heading.lower())):
            items.append(item)
            continue
        label = found["item"] + item.label[len(heading):]
        items.append(replace(item, member=known[found.group(1).lower()], label=label))
    return replace(st, items=tuple(items))


_BASIS_PREFIX = re.compile(r"^(?P<basis>adjusted|non[\s-]?gaap|pro[\s-]forma)\s+(?P<item>\S.*)$", re.IGNORECASE)
_BASIS_NAMES = {"adj": "Adjusted", "non": "Non-GAAP", "pro": "Pro forma"}


def basis_members(statement: Statement) -> Statement:
    """A row "Adjusted <line item>" (or "Non-GAAP ...", "Pro forma ...") beside the row of that
    line item, in the same unit, is the line item's adjusted member ("Adjusted Profit Per Share"
    under "Profit Per Share"), as an "Adjusted" column of a reconciliation is."""
    reported = {(i.label.lower(), i.unit, i.unit_name) for i in statement.items if i.values and i.member is None}
    items = []
    for item in statement.items:
        found = _BASIS_PREFIX.match(item.label) if item.values and item.member is None else None
        if found is None or (found["item"].lower(), item.unit, item.unit_name) not in reported:
            items.append(item)
            continue
        label = found["item"][:1].upper() + found["item"][1:]
        items.append(replace(item, label=label, member=_BASIS_NAMES[found["basis"][:3].lower()]))
    return replace(statement, items=tuple(items))


def parts_named(titles: Sequence[str], labels: Sequence[Sequence[str]]) -> list[str | None]:
    """The part of the company each statement is about, where its title is a name (no financial
    words) that rows of another statement print too ("Construction Industries" over the sales of
    that segment, beside a table listing every segment).

    Args:
        titles: The statements' titles.
        labels: Each statement's row labels (rows with figures).

    Returns:
        Per statement, the title it names a part by, or None.
    """
    out: list[str | None] = []
    for n, title in enumerate(titles):
        text = title.strip().rstrip(":").strip()
        elsewhere = any(text.lower() in (x.lower() for x in rows) for m, rows in enumerate(labels) if m != n)
        out.append(text if elsewhere and names_part(text) and not _QUALIFIER.match(text) and not _GENERIC.match(text)
                   else None)
    return out


def names_part(label: str) -> bool:
    """A heading that may name a part of the company: a name, no financial or section words."""
    text = label.rstrip(" :-\u2013\u2014")
    return bool(text) and not _FINANCIAL.search(text) and not _SECTION.search(text) and not _BARE_TOTAL.match(text)


def _block(rows: Sequence[Row], start: Row, *, same_indent: bool) -> list[int]:
    """Rows with figures after ``start`` that sit under it: deeper-indented ones (or at its own
    indent when it is printed with a trailing colon or dash), up to the next heading at its level."""
    out: list[int] = []
    for row in rows[start.index + 1:]:
        if row.indent < start.indent or (row.indent == start.indent and (not same_indent or not row.has_values)):
            break
        if row.has_values:
            out.append(row.index)
    return out


def _flat(rows: Sequence[Row], heading: Row) -> bool:
    """The rows under ``heading`` print at its own indent (a rendering without the cells' padding):
    the next row has figures and is not indented further."""
    after = rows[heading.index + 1] if heading.index + 1 < len(rows) else None
    return after is not None and after.has_values and after.indent == heading.indent


def _item_label(row: Row) -> str:
    """The line item of a block row: the label without its member prefix."""
    prefix = _PREFIX.match(row.label)
    return prefix["item"] if prefix and _is_prefixed(prefix) else row.label


def _is_prefixed(prefix: re.Match[str]) -> bool:
    """"Alabama Power - Operating Revenues": a name, then a line item (not a bare "net")."""
    item = prefix["item"]
    return names_part(prefix["name"]) and bool(_FINANCIAL.search(item)) and not _QUALIFIER.match(item)


# A sentence that introduces a breakdown: "... was included in the following categories:", "... as follows:".
LEAD_IN = re.compile(r"\b(?:as\s+follows|in\s+the\s+following\b[^:]*|the\s+following\s+\w+(?:\s+\w+)?)\s*:\s*$", re.IGNORECASE)


def member_rows(rows: Sequence[Row], tree: Hierarchy, monetary: set[int] | None = None, blocks: Blocks | None = None) -> set[int]:
    """Indexes of rows that are members of a breakdown (segments, regions, products).

    ``monetary`` are the rows in money (only money is broken down by line item); rows of
    heading-per-member ``blocks`` are line items, never members.
    """
    children: dict[int, list[Row]] = {}
    for row in rows:
        up = tree.parent.get(row.index)
        if up is not None and row.has_values and not row.total and (blocks is None or row.index not in blocks.member):
            children.setdefault(up, []).append(row)
    recurring = Counter(r.label.lower() for kids in children.values() for r in kids)
    heading_count = Counter(
        r.label.lower() for up, kids in children.items() for r in {k.label.lower(): k for k in kids}.values()
    )
    members: set[int] = set()
    for up, kids in children.items():
        if len(kids) < 2:
            continue
        closer = _closer(rows, tree, up)
        named = all(not _FINANCIAL.search(k.label) or (closer is not None and group_name(k.label, closer.label))
                    for k in kids)
        recur = all(heading_count[k.label.lower()] >= 2 for k in kids) and recurring
        by_item = monetary is not None and all(k.index in monetary for k in kids) and (
            _relabelled(kids, rows, tree) or (closer is not None and bool(LEAD_IN.search(rows[up].label))))
        if (named and (closer is not None or recur or rows[up].opens)) or by_item:
            members.update(k.index for k in kids)
            members.update(i for i in _subtotals(rows, tree, up) if closer is not None)
    return members


def _closer(rows: Sequence[Row], tree: Hierarchy, heading: int) -> Row | None:
    """The total that closes a heading's group and names it ("Total net sales" for "Net sales:")."""
    return next((rows[t] for t, h in tree.closes.items() if h == heading and _totals(rows[t].label, rows[heading].label)),
                None)


def _subtotals(rows: Sequence[Row], tree: Hierarchy, heading: int) -> list[int]:
    """The totals inside a heading's group that do not close it, but for bare "Total" rows: the
    subtotals of the parts the group is broken down into ("Software and Cloud Revenues")."""
    return [r.index for r in rows if tree.parent.get(r.index) == heading and r.total and r.has_values
            and r.index not in tree.closes and not _BARE_TOTAL.match(r.label)]


def _relabelled(kids: Sequence[Row], rows: Sequence[Row], tree: Hierarchy) -> bool:
    """Rows that repeat the labels of line items elsewhere in the table, under a heading naming
    another measure ("Includes stock-based compensation expense: / Cost of sales / Research and
    development"): a breakdown of that measure by line item."""
    group = tree.parent.get(kids[0].index)
    earlier = {r.label.lower(): r.figures for r in rows[: kids[0].index] if r.has_values and tree.parent.get(r.index) != group}
    if not all(k.label.lower() in earlier for k in kids):
        return False
    return any(earlier[k.label.lower()] != k.figures for k in kids)  # the same figures: the same facts reprinted


def member_runs(rows: Sequence[Row], taken: set[int], monetary: set[int]) -> tuple[dict[int, int], dict[int, str]]:
    """Breakdowns printed without a heading: rows that name parts of the company (no financial
    words) adding up to the total under them ("Retail Business" / "Competitive Generation" /
    ... / "Net Income - As Reported"); subtotals between them ("Total", "Subtotal CPUs") are left
    as they are. Rows naming periods ("Fiscal 2024", "Thereafter") are not parts of the company.

    Under a total that only names the whole ("Total Apple", "Total company") the parts may print
    financial words ("Software, Service and Other Sales") when their figures add up to it in
    every column (subtotals left out of the sum) and at least half of them are names ("iPod").
    Subtotals naming a group of parts ("Machinery, Energy & Transportation" under its segments)
    are passed over too when the parts add up to the total; a part printed in two groups
    ("Corporate Items and Eliminations") is named with its group's.

    Args:
        rows: The table's rows.
        taken: Rows already placed (members of a heading's breakdown, rows of member blocks).
        monetary: The rows in money (only money is broken down).

    Returns:
        Member row index -> index of the total row they add up to; member row index -> its
        label qualified by its group, where it needs one.
    """
    out: dict[int, int] = {}
    labels: dict[int, str] = {}
    for total in reversed(rows):
        whole = _names_whole(total.label)
        if not (total.total and total.index in monetary and (whole or _FINANCIAL.search(total.label))) \
                or total.index in out or _SUBTOTAL.match(total.label):
            continue
        run, groups = _run_above(rows, total, taken | out.keys(), monetary, whole)
        if groups and not _adds_up([rows[i] for i in run], total):
            run, groups = [i for i in run if i > groups[0]], []  # the parts under the last group only
        if not _adds_up([rows[i] for i in run], total):
            continue
        if whole and 2 * sum(names_part(rows[i].label) for i in run) < len(run):
            continue
        qualified = _qualified(rows, run, groups, total.label)
        if len(run) >= 2 and qualified is not None:
            out.update((i, total.index) for i in run)
            labels.update(qualified)
    return out, labels


def parts_below(rows: Sequence[Row], taken: set[int], monetary: set[int]) -> dict[int, int]:
    """Breakdowns printed under their total: rows indented under a total (or at its indent, the
    fewest that add up to it), naming parts (no financial words but the total's line item), that
    add up to it in every column it prints ("TOTAL SOFTWARE AND CLOUD REVENUES" over "New
    software licenses", "Cloud infrastructure-as-a-service", ...). Those rows are parts of the
    total above them, never of one printed after them.

    Returns:
        Member row index -> index of the total row above them.
    """
    out: dict[int, int] = {}
    for total in rows:
        if not (total.total and total.has_values and total.index in monetary) or total.index in taken or total.index in out:
            continue
        parts = _printed_under(rows, total)
        if len(parts) < 2 or any(p.index in taken or p.index not in monetary or p.total for p in parts):
            continue
        if all(not _FINANCIAL.search(p.label) or group_name(p.label, total.label) for p in parts) \
                and _adds_up(parts, total):
            out.update((p.index, total.index) for p in parts)
    return out


def _printed_under(rows: Sequence[Row], total: Row) -> list[Row]:
    """The rows right under a total that may be its parts: those indented further; where they
    print at its own indent (a rendering without the cells' padding), the fewest that add up to
    it in every column, up to the next total or heading."""
    after = rows[total.index + 1:]
    if after and after[0].indent == total.indent:
        flat = list(itertools.takewhile(lambda r: r.indent == total.indent and r.has_values and not r.total,
                                        after[:_MAX_PARTS]))
        k = _summed_by(flat[::-1], total)  # the fewest from the top
        return flat[:k]
    return list(itertools.takewhile(lambda r: r.indent > total.indent and r.has_values, after))


def _run_above(rows: Sequence[Row], total: Row, taken: set[int] | dict[int, int], monetary: set[int],
               whole: bool) -> tuple[list[int], list[int]]:
    """The rows above ``total`` that may be its parts (bottom up), and the group subtotals passed over."""
    run: list[int] = []
    groups: list[int] = []
    for row in reversed(rows[: total.index]):
        if row.index in taken or not row.has_values or row.index not in monetary:
            break
        if _SUBTOTAL.match(row.label):
            continue
        if row.total and group_name(row.label, total.label) is not None:
            groups.append(row.index)
            continue
        if row.total or (_FINANCIAL.search(row.label) and not whole) or _PERIOD.search(row.label):
            break
        run.append(row.index)
    return run, groups


def _qualified(rows: Sequence[Row], run: Sequence[int], groups: Sequence[int], total: str) -> dict[int, str] | None:
    """Labels for parts printed in more than one group: "<group> - <part>"; None when a repeated
    part has no group subtotal under it to be named by."""
    count = Counter(rows[i].label.lower() for i in run)
    out: dict[int, str] = {}
    for i in run:
        if count[rows[i].label.lower()] < 2:
            continue
        group = min((g for g in groups if g > i), default=None)
        if group is None:
            return None
        out[i] = f"{group_name(rows[group].label, total) or rows[group].label} - {rows[i].label}"
    return out


def group_name(label: str, total: str) -> str | None:
    """The part a group subtotal names: its label ("Machinery, Energy & Transportation"), or its
    label less the total's line item it ends with ("Financial Products Revenues" under
    "Consolidated Sales and Revenues": "Financial Products"); None when it names no part."""
    if names_part(label):
        return label
    words = label.split()
    item = {w.lower() for w in re.findall(r"[A-Za-z]+", total)}
    while words and words[-1].lower().strip(",") in item:
        words.pop()
    rest = " ".join(words)
    return rest if rest and rest != label and names_part(rest) else None


def _names_whole(label: str) -> bool:
    """"Total Apple", "Total company": a total naming the whole, no line item."""
    rest = re.sub(r"^total\s+", "", label.strip(), flags=re.IGNORECASE)
    return rest != label.strip() and (bool(_WHOLE.match(label.strip())) or names_part(rest))


def _adds_up(parts: Sequence[Row], total: Row) -> bool:
    """The parts' figures add up to the total's in every column the total prints."""
    columns = [n for n, a in enumerate(total.amounts) if a is not None]
    return bool(parts) and bool(columns) and all(
        sum((p.amounts[n] or Decimal(0) for p in parts if n < len(p.amounts)), Decimal(0)) == total.amounts[n]
        for n in columns)


_MAX_PARTS = 40  # rows a total found by its figures may sum (no search over a whole tall table for each row)
_BARE_TOTAL = re.compile(r"^(?:sub)?total$", re.IGNORECASE)
_SUBTOTAL = re.compile(r"^(?:sub)?total$|^subtotal\b", re.IGNORECASE)
_PERIOD = re.compile(r"\b(?:19|20)\d{2}\b|\bthereafter\b|\bfiscal\b|\bquarters?\b|\byears?\b", re.IGNORECASE)


def _totals(total: str, heading: str) -> bool:
    """Whether a total's label names its heading ("Total net sales" for "Net sales:")."""
    t = re.sub(r"^total\s+", "", total.lower()).strip(" :")
    h = heading.lower().strip(" :")
    if not total.lower().startswith("total"):
        return False
    words_t = {w.removesuffix("s") for w in re.findall(r"[a-z]+", t)}  # "revenues" names "REVENUE GROWTH RATES"
    words_h = {w.removesuffix("s") for w in re.findall(r"[a-z]+", h)}
    return bool(words_t) and len(words_t & words_h) >= min(len(words_t), 2) * 0.5
