"""The narrative cross-check over the corpus: the prose figures agreeing with a table, each checked by hand
against its release, and no disagreement (none of the corpus releases contradicts its tables in its prose).

Runs where ../shared/corpus is present (CI); skips with a reason elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from converter import diagnostics as dx
from tests.support.corpus_conversions import RELEASES, converted

# Release -> (prose line, figure, concept, period) of every agreement outside Lexington (tests/test_lexington.py
# holds Lexington's 67), each checked by hand: the sentence names that line item, period and member.
CHECKED: dict[str, list[tuple[int, str, str, str, str]]] = {
    "apple-2004q3-ex99-1.htm": [
        (28, "$61 million", "NetIncomeLoss", "2004-03-28_2004-06-26", ""),
        (28, "$.16 per diluted share", "EarningsPerShareDiluted", "2004-03-28_2004-06-26", ""),
        (28, "$19 million", "NetIncomeLoss", "2003-03-30_2003-06-28", ""),  # "in the year-ago quarter"
        (28, "$.05 per diluted share", "EarningsPerShareDiluted", "2003-03-30_2003-06-28", ""),
        (28, "$2.014 billion", "Revenues", "2004-03-28_2004-06-26", ""),
    ],
    "apple-2011q1-ex99-1.htm": [(9, "$15.68 billion", "Revenues", "2009-09-27_2009-12-26", "")],  # "compare to"
    "buckle-2024q3-ex99-1.htm": [
        (4, "$44.2 million", "NetIncomeLoss", "2024-08-04_2024-11-02", ""),
        (4, "$51.8 million", "NetIncomeLoss", "2023-07-30_2023-10-28", ""),
    ],
    "caterpillar-2022q1-ex99-1.htm": [
        (4, "$13.589 billion", "Revenues", "2022-01-01_2022-03-31", ""),  # the table's 13.6 billion, rounded
        (4, "$11.887 billion", "Revenues", "2021-01-01_2021-03-31", ""),
        (4, "$1.855 billion", "OperatingIncomeLoss", "2022-01-01_2022-03-31", ""),
        (4, "$1.814 billion", "OperatingIncomeLoss", "2021-01-01_2021-03-31", ""),
    ],
    "sears-2004q2-ex99.txt": [
        (7, "$53 million", "NetIncomeLoss", "2004-04-04_2004-07-03", ""),
        (9, "$309 million", "NetIncomeLoss", "2003-03-30_2003-06-28", ""),
        (36, "$42 million", "OperatingIncomeLoss", "2004-04-04_2004-07-03", "Domestic"),
        (37, "$466 million", "OperatingIncomeLoss", "2003-03-30_2003-06-28", "Domestic"),  # of the segment, too
        (80, "$11 million", "OperatingIncomeLoss", "2004-04-04_2004-07-03", "Sears Canada"),
        (81, "$23 million", "OperatingIncomeLoss", "2003-03-30_2003-06-28", "Sears Canada"),
    ],
}


@pytest.mark.parametrize("name", [n for n in RELEASES if not n.startswith("lexington")])
def test_prose_figures_agree_as_checked_and_none_disagrees(name: str, corpus: Path) -> None:
    result = converted(name)
    assert result.report is not None
    periods = {c.id: c.period.key() for c in result.report.contexts}
    found = [(m.span.line, m.printed, m.fact.concept.local, periods[m.fact.context_id], m.member)
             for m in result.narrative]
    assert found == CHECKED.get(name, [])
    assert not [d.render() for d in result.diagnostics if d.code == dx.NARRATIVE_DISAGREES]
