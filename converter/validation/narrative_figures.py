"""What a sentence of the prose states: its figures, each with a line item, a period and a member named.

A sentence is cut into clauses at ``compared to``, ``while``, ``, and``, ``;`` and at ``from``
printed just before a figure (``decreased to $1,463,000 from $2,585,000``); parentheses are set
aside. In a clause, a money figure (``$3,183,000``, ``$21.2 million``, ``negative $301,000``)
names its line item by the words before it (``net income of``, ``Net sales ... were``,
``EBITDA for the Rubber Group decreased to``), and a per-share figure that follows it (``, or 65
cents per diluted common share``) is that line item per share. A clause that names no line item
(``compared to $27,806,000 for the fourth quarter of 2003``, ``from $2,585,000``) takes the one
of the clause before it, with its member; one whose words before its figure name something else
(``of which $4,000,000 came from services``) has none. A clause's period is the one it names, else: for a comparison (``compared
to``, ``from``) the same period a year earlier, for a first clause the period the paragraph last
named (a year earlier when the clause says ``year-ago quarter``, ``prior year``). Whether each part was named in the figure's own sentence is kept: only figures whose line
item, period and member are all stated there, in a sentence that does not qualify its figures
(``excluding``, ``adjusted``, ``approximately``, ``expects``...), can contradict a table.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from converter.model import Period

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_DATE = rf"({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})"
_ORDINAL = r"(first|second|third|fourth|1st|2nd|3rd|4th)"
_LENGTH_WORDS = {"quarter": "quarter", "three months": "quarter", "six months": "half", "nine months": "nine",
                 "twelve months": "year", "year": "year", "fiscal year": "year", "52 weeks": "year", "53 weeks": "year"}
_LENGTHS = {"quarter": (80, 100), "half": (170, 190), "nine": (260, 280), "year": (350, 380)}
PERIOD_PHRASE = re.compile(
    rf"(?P<length>quarter|three months|six months|nine months|twelve months|fiscal year|year|5[23] weeks)"
    rf"\s+ended\s+{_DATE}"
    rf"|{_ORDINAL}\s+(?:fiscal\s+)?quarters?(?:\s+of)?(?:\s+fiscal)?(?:\s+year)?\s+(\d{{4}})(?!\s+and\b)"
    rf"|(?:the|this)\s+{_ORDINAL}\s+(?:fiscal\s+)?quarter(?!s)(?!\s+(?:of|ended))"
    rf"|(?:for|in|during)\s+(?:fiscal\s+(?:year\s+)?)?(\d{{4}})(?!\d|,\d|\s+and\b)"
    rf"|(?:for|in|during)\s+the\s+(quarter|(?:full\s+|fiscal\s+)?year)(?!\s+ended)(?![\w-])"
    rf"|(?:at|as\s+of)\s+{_DATE}",
    re.IGNORECASE,
)
_SCALES = {"thousand": 3, "million": 6, "billion": 9}
FIGURE = re.compile(
    r"(?P<sign>(?:negative|positive)\s+)?\$\s?(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s+(?P<scale>thousand|million|billion)\b)?"
    r"(?P<share>\s+per\s+(?:(?P<kind>basic|diluted|fully\s+diluted)\s+)?(?:common\s+)?share(?:,?\s+(?P<after>basic|diluted))?)?"
    r"|(?P<cents>\d{1,3})\s+cents?\s+per\s+(?:(?P<ckind>basic|diluted|fully\s+diluted)\s+)?(?:common\s+)?share"
    r"(?:,?\s+(?P<cafter>basic|diluted))?",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r",?\s*\b(?:as\s+)?compared?\s+(?:to|with)\b|,?\s*\bversus\b|,\s*while\b|;\s*|,\s*and\s+(?=[a-z]+\s+(?!\$))"
    r"|\s+from\s+(?=(?:negative\s+|positive\s+)?\$)"
    r"|(?<=\d),\s+(?!or\b|and\b|compared\b|respectively\b|an?\s+(?:decrease|increase|decline|gain)\b)(?=[A-Za-z])",
    re.IGNORECASE,
)
_COMPARISON = re.compile(r"compare|versus|from", re.IGNORECASE)
_VERB = re.compile(
    r"(?:,\s*)?\b(?:totaled|totalled|totaling|totalling|were|was|of|amounted\s+to|reached|(?:decreased|increased|rose|"
    r"fell|declined|grew|improved)(?:\s+by\s+[\d.]+\s*%)?\s+to)\s*$",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^.*\b(?:reported|recorded|posted|had|generated|compared?\s+(?:to|with))\s+", re.IGNORECASE)
_YEAR_AGO = re.compile(r"\b(?:year[- ]ago|prior[- ]year|previous[- ]year|a\s+year\s+(?:ago|earlier)|last\s+year)\b",
                       re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Stated:
    """A figure of the prose with what its sentence says about it.

    Attributes:
        start: Offset of its digits in the sentence.
        end: One past them.
        printed: The figure as printed.
        value: Its value in base units (positive unless printed ``negative``).
        decimals: Its XBRL decimals (-5 for ``$21.2 million``).
        scale: The power of ten its digits are multiplied by.
        per_share: ``""`` for an amount, else ``"diluted"``, ``"basic"`` or ``"any"`` (per share, unqualified).
        item: The line item's words (normalized by :func:`words`), empty when none could be read.
        item_text: The line item as the sentence names it (``"net sales"``).
        period: The period it is of, None when unknown or ambiguous.
        member: The member label the clause names, "" for none.
        stated: The line item, period and member are all named in its own sentence.
    """

    start: int
    end: int
    printed: str
    value: Decimal
    decimals: int
    scale: int
    per_share: str
    item: frozenset[str]
    item_text: str
    period: Period | None
    member: str
    stated: bool


@dataclass(frozen=True, slots=True)
class Periods:
    """The durations and instants of the report's contexts, for resolving the prose's period phrases."""

    durations: tuple[Period, ...]
    instants: tuple[Period, ...]

    def of_length(self, length: str) -> list[Period]:
        low, high = _LENGTHS[length]
        return [p for p in self.durations if p.start is not None and low <= (p.end - p.start).days + 1 <= high]

    def current(self, length: str) -> Period | None:
        found = self.of_length(length)
        latest = max((p.end for p in found), default=None)
        at = [p for p in found if p.end == latest]
        return at[0] if len(at) == 1 else None

    def year_earlier(self, period: Period) -> Period | None:
        if period.start is None:
            found = [p for p in self.instants if 358 <= (period.end - p.end).days <= 372]
        else:
            days = (period.end - period.start).days
            found = [p for p in self.durations if p.start is not None and abs((p.end - p.start).days - days) <= 7
                     and 358 <= (period.end - p.end).days <= 372]
        return found[0] if len(found) == 1 else None

    def resolve(self, match: re.Match[str]) -> Period | None:
        """The period a :data:`PERIOD_PHRASE` match names, None when none or more than one fits."""
        g = match.groups()
        if g[0] is not None:  # "quarter ended December 31, 2004"
            end = _date(g[1], g[2], g[3])
            length = _LENGTH_WORDS[" ".join(g[0].lower().split())] if not g[0][0].isdigit() else "year"
            return _one([p for p in self.of_length(length) if end is not None and abs((p.end - end).days) <= 3])
        if g[4] is not None:  # "fourth quarter of 2004"
            year = int(g[5])
            return _one([p for p in self.of_length("quarter") if p.end.year == year and self._ordinal_fits(g[4], p)])
        if g[6] is not None:  # "the fourth quarter"
            current = self.current("quarter")
            return current if current is not None and self._ordinal_fits(g[6], current) else None
        if g[7] is not None:  # "for 2004"
            return _one([p for p in self.of_length("year") if p.end.year == int(g[7])])
        if g[8] is not None:  # "for the quarter", "for the year"
            return self.current("quarter" if g[8].lower() == "quarter" else "year")
        end = _date(g[9], g[10], g[11])  # "at December 31, 2004"
        return _one([p for p in self.instants if p.end == end])

    def _ordinal_fits(self, ordinal: str, quarter: Period) -> bool:
        """A fourth quarter ends with a year the tables show, another quarter does not (when they show years)."""
        years = self.of_length("year")
        if not years:
            return True
        ends_year = any(abs((y.end - quarter.end).days) <= 3 for y in years)
        return ends_year == (ordinal.lower() in ("fourth", "4th"))


def _one(found: Sequence[Period]) -> Period | None:
    distinct = set(found)
    return next(iter(distinct)) if len(distinct) == 1 else None


def _date(month: str, day: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), MONTHS.index(month.lower()) + 1, int(day))
    except ValueError:
        return None


_STOP = frozenset({"the", "a", "an", "of", "from", "and", "total", "its", "our", "s", "company", "companys", "to",
                   "in", "for", "on"})
_SAME = {"loss": "income", "losses": "income", "earnings": "income", "profit": "income", "revenue": "revenues"}


def words(text: str) -> frozenset[str]:
    """The significant words of a label or a line item named in prose, as comparable sets:
    ``"Net income (loss)"`` and ``"a net loss"`` both give ``{"net", "income"}``."""
    found = set()
    for word in re.findall(r"[a-z]+", text.lower().replace("'", "")):
        word = _SAME.get(word, word)
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word not in _STOP:
            found.add(word)
    return frozenset(found)


def stated_figures(sentences: Iterable[tuple[str, int]], periods: Periods,
                   members: Sequence[str]) -> Iterator[list[Stated]]:
    """The figures of each sentence (text, paragraph), in order (as they are asked for: the
    sentences of a long release are read one at a time).

    Args:
        sentences: Each sentence's text and its paragraph's number.
        periods: The report's periods.
        members: The member labels of the report (the names a sentence may give a part of the company).

    Returns:
        Per sentence, its figures.
    """
    member_pattern = _member_pattern(members)
    paragraph, carried = -1, None
    for text, number in sentences:
        if number != paragraph:
            paragraph, carried = number, None
        found, carried = _sentence_figures(text, periods, member_pattern, carried)
        yield found


def _member_pattern(members: Sequence[str]) -> re.Pattern[str] | None:
    names = sorted({m for m in members if len(m) > 2}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Clause:
    start: int
    end: int
    comparison: bool


_PARENTHESIS = re.compile(r"[()]")


def _without_parentheses(text: str) -> str:
    """``text`` with what balanced parentheses enclose (them included) blanked out, offsets kept."""
    if "(" not in text:
        return text
    pairs: list[tuple[int, int]] = []
    opened: list[int] = []
    for match in _PARENTHESIS.finditer(text):
        if match.group() == "(":
            opened.append(match.start())
        elif opened:
            pairs.append((opened.pop(), match.end()))
    out: list[str] = []
    done = 0
    for start, end in sorted(pairs):
        if end <= done:
            continue  # inside a pair already blanked
        start = max(start, done)
        out += [text[done:start], " " * (end - start)]
        done = end
    return "".join([*out, text[done:]])


def _clauses(masked: str, starts: Sequence[int]) -> list[_Clause]:
    """The clauses of a sentence; one without a figure is joined to the next (a list of words, not of clauses)."""
    clauses, start, comparison = [], 0, False
    for match in _CLAUSE_BREAK.finditer(masked):
        if bisect_left(starts, start) < bisect_left(starts, match.start()):
            clauses.append(_Clause(start=start, end=match.start(), comparison=comparison))
            start, comparison = match.end(), bool(_COMPARISON.search(match.group()))
    clauses.append(_Clause(start=start, end=len(masked), comparison=comparison))
    return clauses


def _sentence_figures(text: str, periods: Periods, member_pattern: re.Pattern[str] | None,
                      carried: Period | None) -> tuple[list[Stated], Period | None]:
    masked = _without_parentheses(text)
    figures = list(FIGURE.finditer(masked))
    starts = [f.start() for f in figures]
    if not figures:
        return [], _first_period(masked, periods) or carried
    found: list[Stated] = []
    previous_item: tuple[frozenset[str], str] = (frozenset(), "")
    previous_member = ""
    main_period: Period | None = None
    main_stated = False
    any_member = member_pattern is not None and member_pattern.search(masked) is not None
    qualified = _QUALIFIED.search(text) is not None
    for index, clause in enumerate(_clauses(masked, starts)):
        body = masked[clause.start : clause.end]
        mine = figures[bisect_left(starts, clause.start) : bisect_left(starts, clause.end)]
        named = list(PERIOD_PHRASE.finditer(body))
        resolved = {periods.resolve(m) for m in named}
        period: Period | None
        if named:
            period, period_stated = (resolved.pop() if len(resolved) == 1 else None), True
        elif clause.comparison or _YEAR_AGO.search(body):
            earlier = main_period if main_period is not None else carried
            period = periods.year_earlier(earlier) if earlier is not None else None
            period_stated = main_stated and clause.comparison
        elif index == 0:
            period, period_stated = carried, False
        else:
            period, period_stated = main_period, main_stated
        if not clause.comparison:
            main_period, main_stated = period, period_stated
        member_names = {m.group().lower() for m in member_pattern.finditer(body)} if member_pattern else set()
        money = [f for f in mine if f.group("cents") is None and f.group("share") is None]
        item_text = _item_text(masked[clause.start : money[0].start()]) if money else ""
        item = words(item_text)
        own_member = bool(member_names)
        if item and item == previous_item[0] and not member_names:  # the line item named again, of the same member
            member = previous_member
        elif item and not item < previous_item[0]:  # "a loss" after "a loss from operations" names that one
            member = member_names.pop() if len(member_names) == 1 else ("?" if member_names else "")
        elif item or _only_connectors(masked[clause.start : mine[0].start()] if mine else ""):
            item, item_text = previous_item
            member = previous_member if not member_names else (member_names.pop() if len(member_names) == 1 else "?")
        else:  # words before the figure that name nothing known ("of which $4,000,000 came from services")
            item, item_text, member = frozenset(), "", ""
        if index == 0 and named:
            carried = period
        previous_item, previous_member = (item, item_text), member
        for figure in mine:
            if figure in money[1:]:
                continue  # a second amount in one clause names no line item that can be read
            found.append(_stated(figure, item, item_text, period, member,
                                 period_stated and (own_member or not any_member) and member != "?"
                                 and not qualified))
    return found, carried


_QUALIFIED = re.compile(
    r"\b(?:excluding|exclusive\s+of|adjusted|non-gaap|pro\s+forma|would\s+have|approximately|about|nearly|"
    r"more\s+than|less\s+than|up\s+to|guidance|outlook|expects?|expected|estimated?|range|between)\b",
    re.IGNORECASE,
)
_CONNECTORS = frozenset({"and", "while", "a", "an", "the", "compared", "compare", "to", "with", "from", "versus",
                         "negative", "positive", "or", "of", "respectively"})


def _only_connectors(before: str) -> bool:
    """The words before a clause's figure say only how it relates to the clause before (``compared to``, ``from``)."""
    return set(re.findall(r"[a-z]+", PERIOD_PHRASE.sub(" ", before).lower())) <= _CONNECTORS


def _first_period(text: str, periods: Periods) -> Period | None:
    match = PERIOD_PHRASE.search(text)
    return periods.resolve(match) if match is not None else None


def _item_text(before: str) -> str:
    """The line item named by the words before a clause's first amount, "" when they do not end in a verb."""
    cut = _VERB.search(before)
    if cut is None:
        return ""
    text = before[: cut.start()]
    text = PERIOD_PHRASE.sub(" ", text)
    text = re.sub(r"\b(?:of|at|for)\s+the\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*", " ", text)  # "of the Rubber Group"
    text = _LEAD.sub("", text)
    text = re.sub(r"(?:\s+(?:for|of|at|in|the|during))+\s*$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^\W*(?:during|in|for)\b[^,]*,", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\bof\s+continuing\s+operations\b", " ", text, flags=re.IGNORECASE)
    return " ".join(text.replace(",", " ").split())


def _stated(figure: re.Match[str], item: frozenset[str], item_text: str, period: Period | None, member: str,
            stated: bool) -> Stated:
    if figure.group("cents") is not None:
        digits, scale = figure.group("cents"), -2
        kind = figure.group("ckind") or figure.group("cafter") or ""
        start, end = figure.start("cents"), figure.end("cents")
    else:
        digits = figure.group("digits")
        scale = _SCALES[figure.group("scale").lower()] if figure.group("scale") else 0
        kind = (figure.group("kind") or figure.group("after") or "") if figure.group("share") else ""
        start, end = figure.start("digits"), figure.end("digits")
    per_share = ("diluted" if "diluted" in kind.lower() else kind.lower() or "any") if (
        figure.group("cents") is not None or figure.group("share")) else ""
    number = Decimal(digits.replace(",", ""))
    exponent = number.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) else 0
    value = number.scaleb(scale)
    if figure.group("sign") and figure.group("sign").lower().startswith("negative"):
        value = -value
    return Stated(start=start, end=end, printed=figure.group().strip(), value=value, decimals=places - scale,
                  scale=scale, per_share=per_share, item=item, item_text=item_text, period=period, member=member,
                  stated=stated and bool(item))
