"""The mapping report: one line per mapped row, in mapping.csv and in ``convert --json``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from converter.cli.commands import main
from converter.model import ConceptMapping
from converter.serialize.mapping_csv import COLUMNS, MAPPING_FILE, mapping_json, render_mapping_csv
from tests.support.releases import HEADER, release, report_of

BODY = """\
    Net sales:
         Rubber group                            $    600    $    500
         Metals group                                 400         400
                                                 ---------   ---------
              Total net sales                       1,000         900
    Cost of services                                  300         250
    Store opening and other
      pre-opening costs                               10          10
    Operating expenses:
         Technology and content                       100          90
         Research and development                      50          40
    Earnings per share:
         Basic                                   $   0.40    $   0.35
"""


def rows_by_label(body: str = BODY) -> dict[tuple[str, str], ConceptMapping]:
    return {(r.label, r.member): r for r in report_of(release(body)).mapping}


def test_each_row_says_its_concept_source_us_gaap_element_refinement_and_confidence() -> None:
    rows = rows_by_label()
    total = rows[("Total net sales", "")]
    assert (str(total.concept), total.base, str(total.us_gaap), total.refines, total.confidence) == (
        "xfy:Revenues", True, "us-gaap:Revenues", None, "high")
    member = rows[("Rubber group", "Rubber group")]
    assert str(member.concept) == "xfy:Revenues" and member.span.line == 11  # a member row: the total's concept
    basic = rows[("Basic", "")]
    assert (str(basic.concept), basic.confidence) == ("xfy:EarningsPerShareBasic", "medium")  # needs its heading
    services = rows[("Cost of services", "")]
    assert (services.base, str(services.us_gaap), str(services.refines), services.confidence) == (
        False, "us-gaap:CostOfRevenue", "xfy:CostOfRevenue", "medium")  # narrower: an extension that rolls up
    content = rows[("Technology and content", "")]
    assert (content.us_gaap, str(content.refines), content.confidence) == (
        None, "xfy:OperatingExpenses", "low")  # only its heading says: a part of operating expenses, no element
    opening = rows[("Store opening and other pre-opening costs", "")]
    assert (opening.us_gaap, opening.refines, opening.confidence) == (None, None, "")
    assert opening.span.line == 16 and opening.span.end_line == 17


def test_mapping_csv_has_the_columns_one_line_per_row_and_the_same_bytes_every_time() -> None:
    mapping = report_of(release(BODY)).mapping
    data = render_mapping_csv(mapping)
    assert data == render_mapping_csv(report_of(release(BODY)).mapping)
    lines = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert tuple(lines[0]) == COLUMNS and len(lines) == len(mapping)
    opening = next(line for line in lines if line["label"].startswith("Store opening"))
    assert (opening["source"], opening["us_gaap"], opening["lines"]) == ("extension", "", "16-17")
    assert [(int(line["table"]), int(line["row"])) for line in lines] == sorted(
        (int(line["table"]), int(line["row"])) for line in lines)
    assert b"\r" not in data


def test_convert_writes_mapping_csv_and_json_gives_the_same_rows(tmp_path: Path) -> None:
    source = tmp_path / "release.txt"
    source.write_text(HEADER + "\n".join(line[4:] for line in BODY.splitlines()) + "\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out), "--no-validate", "--format", "xbrl",
                                       "--json"])
    data = json.loads(result.stdout)
    written = list(csv.DictReader(io.StringIO((out / MAPPING_FILE).read_text(encoding="utf-8"))))
    assert [{k: str(v) for k, v in row.items()} for row in data["mapping"]] == written
    assert MAPPING_FILE in data["files"]
    assert mapping_json(()) == [] and render_mapping_csv(()) == (",".join(COLUMNS) + "\n").encode()
