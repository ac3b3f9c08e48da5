"""Figure columns of a fixed-width table, whatever the alignment of its figures.

EDGAR text right-aligns figures; text renderings of HTML tables print them left-aligned or
centred in their cells. Whatever the alignment, the figures of one column overlap each other
and never those of another column, so columns are the runs of overlapping figure chunks. A
sloppily aligned figure that bridges two columns is caught because a line then puts two figures
into one run; such a run is cut again by the right alignment of its figures.

Every lookup here is a binary search over the columns, so laying a table out is linear in its
size (up to a log factor), however many columns it has.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from converter.readers.text_lines import Chunk, Line

_ALIGN_TOLERANCE = 2
_JITTER = 1


@dataclass(frozen=True, slots=True)
class Column:
    """A figure column: the character span its figures cover."""

    start: int
    end: int  # exclusive


@dataclass(frozen=True, slots=True)
class Columns:
    """The figure columns of a table, left to right, and how their figures are aligned.

    Attributes:
        spans: The columns.
        starts: Where each column starts (for binary searches).
        right_aligned: Figures share their last digit's position (EDGAR style); False when
            they are left-aligned or centred (text renderings of HTML).
    """

    spans: tuple[Column, ...]
    right_aligned: bool
    starts: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(c.start for c in self.spans))

    def __len__(self) -> int:
        return len(self.spans)

    def nearest(self, start: int, end: int) -> int:
        """Index of the column the span ``[start, end)`` overlaps most, else the nearest one."""
        k = bisect_right(self.starts, start) - 1
        candidates = [j for j in (k - 1, k, k + 1, k + 2) if 0 <= j < len(self.spans)]
        return max(candidates, key=lambda j: (_overlap(start, end, self.spans[j]), -_gap(start, end, self.spans[j]), -j))

    def gap_around(self, at: float) -> tuple[int, int] | None:
        """The two neighbouring columns whose gap holds position ``at``, if it lies in one."""
        k = bisect_right(self.starts, at) - 1
        if 0 <= k < len(self.spans) - 1 and self.spans[k].end <= at < self.spans[k + 1].start:
            return k, k + 1
        return None

    def overlapped(self, start: int, end: int) -> range:
        """Indexes of the columns the span ``[start, end)`` overlaps (maybe empty)."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        if first < len(self.spans) and self.spans[first].end <= start:
            first += 1
        last = bisect_right(self.starts, end - 1) - 1
        return range(first, max(first, last + 1))


def find_columns(data: Sequence[Line]) -> Columns:
    """The figure columns of the data lines given (figures with digits define them)."""
    figures = [[c for c in ln.values if any(ch.isdigit() for ch in c.text)] for ln in data]
    runs = _joined_jitter(_overlap_runs([c for line in figures for c in line]), figures)
    spans: list[Column] = []
    for run in _split_crowded(runs, figures):
        spans.append(Column(start=min(c.start for c in run), end=max(c.end for c in run)))
    return Columns(spans=tuple(spans), right_aligned=_right_aligned(runs))


def _overlap_runs(figures: Sequence[Chunk]) -> list[list[Chunk]]:
    """Runs of chunks whose spans overlap, left to right."""
    runs: list[list[Chunk]] = []
    end = -1
    for chunk in sorted(figures, key=lambda c: (c.start, c.end)):
        if runs and chunk.start < end:
            runs[-1].append(chunk)
            end = max(end, chunk.end)
        else:
            runs.append([chunk])
            end = chunk.end
    return runs


def _joined_jitter(runs: list[list[Chunk]], figures: Sequence[Sequence[Chunk]]) -> list[list[Chunk]]:
    """Neighbouring runs at most one character apart that no line has figures in both of: one
    column printed with a jitter from line to line (some renderings shift a row's cells)."""
    line_of = {id(c): i for i, line in enumerate(figures) for c in line}
    out: list[list[Chunk]] = []
    used: list[set[int]] = []
    end = -1
    for run in runs:
        lines = {line_of[id(c)] for c in run}
        if out and min(c.start for c in run) - end <= _JITTER and not lines & used[-1]:
            out[-1].extend(run)
            used[-1] |= lines
        else:
            out.append(list(run))
            used.append(lines)
        end = max(end, max(c.end for c in run))
    return out


def _split_crowded(runs: list[list[Chunk]], figures: Sequence[Sequence[Chunk]]) -> list[list[Chunk]]:
    """Runs where no line has two figures; a crowded run is cut between the figures that lines
    print side by side in it, else by the right alignment of its figures."""
    run_of = {id(c): k for k, run in enumerate(runs) for c in run}
    together: dict[int, list[list[Chunk]]] = {}
    for line in figures:
        by_run: dict[int, list[Chunk]] = {}
        for c in line:
            by_run.setdefault(run_of[id(c)], []).append(c)
        for k, mine in by_run.items():
            if len(mine) > 1:
                together.setdefault(k, []).append(mine)
    out: list[list[Chunk]] = []
    for k, run in enumerate(runs):
        if k not in together:
            out.append(run)
            continue
        out.extend(_cut_between(run, together[k]) or _by_right_edge(run))
    return out


def _cut_between(run: Sequence[Chunk], together: Sequence[Sequence[Chunk]]) -> list[list[Chunk]] | None:
    """``run`` cut into columns at the fewest last-digit positions that part every two figures
    a line prints side by side, each cut just right of the left figure; None when a line then
    still has two figures in one column."""
    gaps = sorted(
        ((a.last_digit, b.last_digit) for line in together
         for a, b in pairwise(sorted(line, key=lambda c: c.last_digit))),
        reverse=True,
    )
    cuts: list[int] = []
    for low, high in gaps:
        if not cuts or cuts[-1] > high:  # cuts so far all lie right of ``low``
            cuts.append(low + 1)
    cuts.reverse()
    groups: list[list[Chunk]] = [[] for _ in range(len(cuts) + 1)]
    for chunk in run:
        groups[bisect_right(cuts, chunk.last_digit)].append(chunk)
    for line in together:
        if len({bisect_right(cuts, c.last_digit) for c in line}) < len(line):
            return None
    return [g for g in groups if g]


def _by_right_edge(run: Sequence[Chunk]) -> list[list[Chunk]]:
    groups: list[list[Chunk]] = []
    for chunk in sorted(run, key=lambda c: c.last_digit):
        if groups and chunk.last_digit - groups[-1][-1].last_digit <= _ALIGN_TOLERANCE:
            groups[-1].append(chunk)
        else:
            groups.append([chunk])
    return sorted(groups, key=lambda g: min(c.start for c in g))


def _right_aligned(runs: Sequence[Sequence[Chunk]]) -> bool:
    """More figures share their column's most common last digit than its most common start
    (of the chunk, or of the figure after a ``$`` printed apart) or middle."""

    def share(anchor: Callable[[Chunk], float]) -> int:
        return sum(Counter(anchor(c) for c in run).most_common(1)[0][1] for run in runs if run)

    right = share(lambda c: c.last_digit)
    return right >= max(share(lambda c: c.start), share(lambda c: c.figure_start), share(lambda c: c.center))


def _overlap(start: int, end: int, col: Column) -> int:
    return max(0, min(end, col.end) - max(start, col.start))


def _gap(start: int, end: int, col: Column) -> int:
    return max(col.start - end, start - col.end, 0)
