"""Cell accounting: every figure of a table ends as a fact or as a located reason why not (issue 8)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from converter import diagnostics as dx
from converter.cli.commands import main
from converter.model import (
    Document,
    InputFormat,
    RawTable,
    Severity,
    SourceSpan,
    TableCells,
)
from converter.pipeline import ConvertOptions, convert
from converter.validation.accounting import account_cells
from tests.support.tables import raw_table

RELEASE = b"""ACME CORPORATION
CONSOLIDATED STATEMENTS OF OPERATIONS
(In thousands)

                               Three Months Ended
                                  December 31,
                               2024        2023      Change    % Change    Pro Forma
Net sales                    1,214       1,100         114       10.4%        1,300
Restructuring charges           --          25         (25)        n/m           --
Other income, net             (40)        1.5%          6         n/m           --
Net income                     514         450          64       14.2%          600
Gross margin                  42.3%       40.9%       1.4%
"""


def test_every_figure_is_a_fact_or_left_out_by_reason() -> None:
    result = convert(RELEASE, name="acme.txt", options=ConvertOptions(validate=False))
    assert result.report is not None
    (cells,) = result.cells
    assert (cells.table, cells.figures, cells.facts) == (1, 21, 9)  # gross margin: pure facts
    assert cells.left_out == (
        (dx.PARSE_CELL_RATIO, 1),  # 1.5% in a row of amounts
        (dx.PARSE_COLUMN_CHANGE, 5),  # 114, (25), 6, 64, 1.4%
        (dx.PARSE_COLUMN_PERCENT, 2),  # 10.4%, 14.2% ("n/m" prints no figure)
        (dx.PARSE_PERIOD_UNKNOWN, 4),  # the "Pro Forma" column has no period
    )
    nil = [f for f in result.report.facts if f.printed == "--"]
    assert [(f.span.row, f.span.column, f.value) for f in nil] == [(2, 1, Decimal(0))]  # a nil cell is a fact of zero
    located = {(d.code, d.spans[0].row, d.spans[0].column) for d in result.diagnostics}
    assert {(dx.PARSE_COLUMN_CHANGE, None, 3), (dx.PARSE_COLUMN_PERCENT, None, 4), (dx.PARSE_PERIOD_UNKNOWN, None, 5),
            (dx.PARSE_CELL_RATIO, 3, 2)} <= located
    assert not [d for d in result.diagnostics if d.code == dx.ACCOUNT_FIGURE_UNPLACED]


def _document(*tables: RawTable) -> Document:
    return Document(path="release.txt", format=InputFormat.TEXT, text="", tables=tables)


def test_a_figure_no_stage_explains_is_warned_at_its_cell() -> None:
    table = raw_table([[("2024", 0, 0), ("2023", 1, 1)]], rows=[("Net sales", ["1,214", "1,100"]), ("Note", ["n/a", None])])
    cells, found = account_cells(_document(table), (), ())
    assert cells == (TableCells(table=1, span=table.span, figures=2, facts=0,
                                left_out=((dx.ACCOUNT_FIGURE_UNPLACED, 2),)),)
    assert [(d.code, d.severity, d.spans[0].row, d.spans[0].column) for d in found] == [
        (dx.ACCOUNT_FIGURE_UNPLACED, Severity.WARNING, 1, 1), (dx.ACCOUNT_FIGURE_UNPLACED, Severity.WARNING, 1, 2)]


def test_the_reason_most_specific_to_the_cell_wins() -> None:
    table = raw_table([[("2024", 0, 0), ("2023", 1, 1)]], rows=[("Net sales", ["1,214", "1,100"]),
                                                              ("Net income", ["514", "450"])])
    at = SourceSpan(path="release.txt", table=1)
    diags = [
        dx.info("stage.table", "the table", at),
        dx.info("stage.column", "column 2", SourceSpan(path="release.txt", table=1, column=2)),
        dx.info("stage.row", "row 2", SourceSpan(path="release.txt", table=1, row=2)),
        dx.info("stage.cell", "one cell", SourceSpan(path="release.txt", table=1, row=2, column=2)),
        dx.info("stage.other-table", "another table", SourceSpan(path="release.txt", table=2)),
    ]
    cells, found = account_cells(_document(table), (), diags)
    assert cells[0].left_out == (("stage.cell", 1), ("stage.column", 1), ("stage.row", 1), ("stage.table", 1))
    assert found == []


def test_convert_json_reports_figures_per_table(tmp_path: Path) -> None:
    release = tmp_path / "acme.txt"
    release.write_bytes(RELEASE)
    run = CliRunner().invoke(main, ["convert", str(release), "-o", str(tmp_path / "out"), "--no-validate", "--json"])
    assert run.exit_code == 0, run.output
    cells = json.loads(run.stdout)["cells"]
    assert (cells["figures"], cells["facts"]) == (21, 9)
    assert cells["left_out"] == {dx.PARSE_CELL_RATIO: 1, dx.PARSE_COLUMN_CHANGE: 5, dx.PARSE_COLUMN_PERCENT: 2,
                                 dx.PARSE_PERIOD_UNKNOWN: 4}
    assert cells["tables"] == [{"table": 1, "line": cells["tables"][0]["line"], "figures": 21, "facts": 9,
                                "left_out": cells["left_out"]}]


def test_batch_summary_reports_figures_per_release(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_bytes(RELEASE)
    run = CliRunner().invoke(main, ["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-validate", "-q"])
    assert run.exit_code == 0, run.output
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert [(r["cells"]["figures"], r["cells"]["facts"]) for r in summary["releases"]] == [(21, 9), (21, 9)]


# --- "valid, no findings" only when nothing was guessed ------------------------------------------

UNNAMED = RELEASE.split(b"\n", 1)[1]  # the same release without its letterhead
PLACED = b"\n".join(line[:72].rstrip() for line in RELEASE.split(b"\n"))  # without the "Pro Forma" column


def test_an_entity_named_by_a_fallback_is_a_warning() -> None:
    result = convert(UNNAMED, name="acme.txt", options=ConvertOptions(validate=False))
    assert result.report is not None and result.report.entity.name == "Unknown entity"
    warned = [d for d in result.diagnostics if d.code == dx.MAP_ENTITY_UNNAMED]
    assert [(d.severity, d.spans[0].path) for d in warned] == [(Severity.WARNING, "acme.txt")]
    named = convert(UNNAMED, name="acme.txt", options=ConvertOptions(validate=False, entity_name="Acme Corporation"))
    assert not [d for d in named.diagnostics if d.code == dx.MAP_ENTITY_UNNAMED]
    found = convert(RELEASE, name="acme.txt", options=ConvertOptions(validate=False))
    assert not [d for d in found.diagnostics if d.code == dx.MAP_ENTITY_UNNAMED]


def test_a_warning_is_never_valid_no_findings_but_does_not_fail(tmp_path: Path) -> None:
    unnamed, named = tmp_path / "in" / "unnamed.txt", tmp_path / "in" / "named.txt"
    unnamed.parent.mkdir()
    named.write_bytes(PLACED)
    unnamed.write_bytes(PLACED.split(b"\n", 1)[1])  # only the entity's name is guessed
    single = CliRunner().invoke(main, ["convert", str(unnamed), "-o", str(tmp_path / "a"), "--no-validate", "--json"])
    assert single.exit_code == 0, single.output
    assert json.loads(single.stdout)["status"] == "1 warning(s)"
    text = CliRunner().invoke(main, ["convert", str(unnamed), "-o", str(tmp_path / "b"), "--no-validate"])
    assert text.exit_code == 0 and text.stdout.rstrip().endswith("; 1 warning(s)")
    clean = CliRunner().invoke(main, ["convert", str(named), "-o", str(tmp_path / "c"), "--no-validate", "--json"])
    assert json.loads(clean.stdout)["status"] == "valid, no findings"
    batch = CliRunner().invoke(main, ["convert", str(unnamed.parent), "-o", str(tmp_path / "d"), "--no-validate"])
    assert batch.exit_code == 0
    assert batch.stdout.splitlines()[-1].startswith("2 release(s): 1 valid, 1 with warnings, 0 with findings, ")
