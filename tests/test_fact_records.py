"""The analyst's view: ``to_records()``, ``to_dataframe()`` and ``xbrlify facts``, on a tiny inline release."""

from __future__ import annotations

import datetime as dt
import json
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli.commands import main
from converter.model import ConversionResult
from converter.pipeline import ConvertOptions, convert
from tests.support.releases import HEADER

BODY = """\
    Net sales:
         Widgets                                 $    700    $    600
         Gadgets                                      300         300
                                                 ---------   ---------
         Total net sales                         $  1,000    $    900
    Cost of sales                                     600         500
    Diluted earnings per share                   $   0.42    $  (0.05)
    Net sales                                       1,000         900
"""  # the last row repeats the total: one fact, printed on two lines


def converted() -> ConversionResult:
    return convert((HEADER + textwrap.dedent(BODY)).encode(), name="release.txt", options=ConvertOptions(validate=False))


def test_one_record_per_fact_with_its_period_members_unit_value_and_line() -> None:
    records = converted().to_records()
    assert len(records) == 10  # 12 figures: the repeated total is the same two facts
    first = records[0]
    assert list(first) == ["concept", "label", "us_gaap", "start", "end", "instant", "xfy:SegmentAxis", "unit", "value",
                           "decimals", "line"]
    assert first == {"concept": "xfy:Revenues", "label": "Revenues", "us_gaap": "us-gaap:Revenues", "start": dt.date(2024, 10, 1),
                     "end": dt.date(2024, 12, 31), "instant": None, "xfy:SegmentAxis": "ewc:WidgetsMember",
                     "unit": "USD", "value": Decimal(700000), "decimals": -3, "line": 11}
    total = [r for r in records if r["concept"] == "xfy:Revenues" and r["xfy:SegmentAxis"] is None]
    assert [(r["value"], r["line"]) for r in total] == [(Decimal(1000000), 14), (Decimal(900000), 14)]
    eps = [r for r in records if r["unit"] == "USDPerShare"]
    assert [(r["value"], r["decimals"]) for r in eps] == [(Decimal("0.42"), 2), (Decimal("-0.05"), 2)]


def test_a_result_without_a_report_has_no_records() -> None:
    assert convert(b"no tables here", name="empty.txt", options=ConvertOptions(validate=False)).to_records() == []


def test_the_facts_command_prints_the_records_as_csv_and_json(tmp_path: Path) -> None:
    release = tmp_path / "release.txt"
    release.write_text(HEADER + textwrap.dedent(BODY), encoding="utf-8")
    csv_run = CliRunner().invoke(main, ["facts", str(release)])
    assert csv_run.exit_code == 0, csv_run.output
    lines = csv_run.stdout.splitlines()
    assert lines[0] == "concept,label,us_gaap,start,end,instant,xfy:SegmentAxis,unit,value,decimals,line"
    assert lines[1] == "xfy:Revenues,Revenues,us-gaap:Revenues,2024-10-01,2024-12-31,,ewc:WidgetsMember,USD,700000,-3,11"
    assert len(lines) == 11
    json_run = CliRunner().invoke(main, ["facts", str(release), "--format", "json"])
    rows = json.loads(json_run.stdout)
    assert rows[0] == {"concept": "xfy:Revenues", "label": "Revenues", "us_gaap": "us-gaap:Revenues", "start": "2024-10-01",
                       "end": "2024-12-31", "instant": None, "xfy:SegmentAxis": "ewc:WidgetsMember", "unit": "USD",
                       "value": "700000", "decimals": -3, "line": 11}
    assert CliRunner().invoke(main, ["facts", str(release), "--format", "json"]).stdout == json_run.stdout


def test_the_facts_command_reads_a_mapping_file(tmp_path: Path) -> None:
    release = tmp_path / "release.txt"
    release.write_text(HEADER + textwrap.dedent(BODY), encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text('[[skip]]\nlabel = "Cost of sales"\n', encoding="utf-8")
    run = CliRunner().invoke(main, ["facts", str(release), "--mapping", str(mapping)])
    assert run.exit_code == 0 and "CostOfRevenue" not in run.stdout and "xfy:Revenues" in run.stdout


def test_the_facts_command_of_an_unreadable_release_exits_2(tmp_path: Path) -> None:
    run = CliRunner().invoke(main, ["facts", str(tmp_path / "missing.txt")])
    assert run.exit_code == 2 and run.stdout == "" and "input.missing" in run.stderr


def test_to_dataframe_has_a_row_per_record() -> None:
    pd = pytest.importorskip("pandas", reason="pandas is the optional extra xbrlify[pandas]")
    frame = converted().to_dataframe()
    assert len(frame) == 10 and list(frame.columns)[:3] == ["concept", "label", "us_gaap"]
    quarter = frame[(frame.start == pd.Timestamp("2024-10-01")) & frame["xfy:SegmentAxis"].isna()]
    assert dict(zip(quarter.concept, quarter.value)) == {
        "xfy:Revenues": Decimal(1000000), "xfy:CostOfRevenue": Decimal(600000), "xfy:EarningsPerShareDiluted": Decimal("0.42")}


def test_to_dataframe_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas then raises ImportError
    with pytest.raises(ImportError, match=r"pip install 'xbrlify\[pandas\]'"):
        converted().to_dataframe()
