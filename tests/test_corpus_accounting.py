"""Every figure of every table of every corpus release is a fact or left out for a stated reason (issue 8).

Runs where ../shared/corpus is present (CI); skips with a reason elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from converter import diagnostics as dx
from converter.validation.accounting import is_figure
from tests.support.corpus_conversions import RELEASES, converted


@pytest.mark.parametrize("name", RELEASES)
def test_every_figure_is_accounted_for(name: str, corpus: Path) -> None:
    result = converted(name)
    assert result.report is not None and result.document is not None
    figures = {(t.index, c.span.row, c.span.column) for t in result.document.tables for r in t.rows for c in r.cells
               if c is not None and is_figure(c.text)}
    made = {(f.span.table, f.span.row, f.span.column) for f in result.report.facts}
    assert made <= figures  # every fact comes from a figure printed in a table
    assert [t.table for t in result.cells] == [t.index for t in result.document.tables]
    for table in result.cells:
        mine = {cell for cell in figures if cell[0] == table.table}
        assert table.figures == len(mine)
        assert table.facts == len(made & mine)
        assert table.facts + sum(n for _, n in table.left_out) == table.figures
        assert dx.ACCOUNT_FIGURE_UNPLACED not in dict(table.left_out), table
    assert not [d.render() for d in result.diagnostics if d.code == dx.ACCOUNT_FIGURE_UNPLACED]
