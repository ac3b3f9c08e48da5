"""One taxonomy per company (``--taxonomy-dir``): two tiny releases a year apart whose labels drift."""

from __future__ import annotations

import json
import shutil
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from converter import diagnostics as dx
from converter.cli.batch import convert_many
from converter.mapping.company.layer import extended, new_company
from converter.mapping.company.state import CompanyTaxonomyError, KnownConcept, line_key, member_key
from converter.model import ConceptRole, ConversionResult, ItemType, QName, Report
from converter.pipeline import ConvertOptions, convert
from converter.serialize.output_files import OutputFormat

XBRL = frozenset({OutputFormat.XBRL})


def statement(year: int, body: str, title: str = "CONSOLIDATED STATEMENTS OF OPERATIONS",
              heading: str = "QUARTER ENDED") -> str:
    """A text release of one table: columns for ``year`` and the year before, rows ``body``."""
    lines = ["EXAMPLE WIDGETS CORPORATION".center(80), title.center(80), "(IN THOUSANDS, EXCEPT PER SHARE AMOUNTS)".center(80),
             "", " " * 51 + heading, " " * 52 + "DECEMBER 31", " " * 46 + "-" * 22, " " * 49 + f"{year}        {year - 1}",
             " " * 46 + "---------   ---------"]
    return "\n".join(line.rstrip() for line in lines) + "\n" + textwrap.dedent(body)


FIRST = statement(2024, """\
    Subscription revenue                         $  1,000    $    900
    Hosting costs                                     300         250
    Membership fees                                   120         100
    Revenue by segment:
         Widgets segment                              600         500
         Gadgets                                      400         400
                                                 ---------   ---------
         Total revenue by segment                   1,000         900
""")
NEXT = statement(2025, """\
    Total subscription revenues                  $  1,100    $  1,000
    Hosting costs                                     320         300
    Fees from members                                 150         120
    Licensing income                                   50          40
    Revenue by segment:
         Widgets                                      700         600
         Gadgets segment                              400         400
                                                 ---------   ---------
         Total revenue by segment                   1,100       1,000
""")


def converted(text: str, name: str, out: Path, taxonomy_dir: Path | None, **options: object) -> ConversionResult:
    result = convert(text.encode(), name=name, out_dir=out,
                     options=ConvertOptions(formats=XBRL, taxonomy_dir=taxonomy_dir, **options))  # type: ignore[arg-type]
    assert not [d for d in result.diagnostics if d.severity.rank <= 1], [d.render() for d in result.diagnostics]
    return result


def report(result: ConversionResult) -> Report:
    assert result.report is not None
    return result.report


def concept_of(result: ConversionResult, row: int) -> QName:
    """The concept of the facts printed on ``row`` of table 1."""
    (concept,) = {f.concept for f in report(result).facts if f.span.row == row}
    return concept


def members(result: ConversionResult) -> set[QName]:
    return {m for c in report(result).contexts for _, m in c.members}


def index(folder: Path) -> dict[str, Any]:
    """The ``company.json`` of the one company in ``folder``."""
    (found,) = folder.glob("*/company.json")
    data: dict[str, Any] = json.loads(found.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def two_releases(tmp_path: Path) -> tuple[ConversionResult, ConversionResult, Path]:
    taxonomy_dir = tmp_path / "taxonomies"
    first = converted(FIRST, "first.txt", tmp_path / "first", taxonomy_dir)
    after_first = index(taxonomy_dir)
    shutil.copytree(taxonomy_dir, tmp_path / "after-first")
    assert after_first["releases"] == [{"name": "ewc-20241231", "release": "first.txt"}]
    second = converted(NEXT, "next.txt", tmp_path / "next", taxonomy_dir)
    return first, second, taxonomy_dir


def test_the_keys_set_drift_aside_but_not_the_line_item() -> None:
    m = ItemType.MONETARY
    assert line_key(m, "duration", "Total net sales") == line_key(m, "duration", "Sales, net") == line_key(
        m, "duration", "Net sales")
    assert line_key(m, "duration", "Net income (loss)") == line_key(m, "duration", "Net loss")
    assert line_key(m, "duration", "Increase (decrease) in inventories") == line_key(m, "duration", "Decrease in inventories")
    assert line_key(m, "duration", "Net cash provided by (used for) investing activities") == line_key(
        m, "duration", "Net cash used for investing activities")
    assert line_key(m, "duration", "Interest income") != line_key(m, "duration", "Interest expense")
    assert line_key(m, "duration", "Net sales") != line_key(m, "instant", "Net sales")
    assert line_key(m, "duration", "Total") is None
    assert member_key("Retail segment") == member_key("RETAIL") == "retail"


def test_two_releases_share_one_namespace_concepts_and_members(
        two_releases: tuple[ConversionResult, ConversionResult, Path]) -> None:
    first, second, _ = two_releases
    namespaces = {f.concept.namespace for r in (first, second) for f in report(r).facts}
    assert namespaces == {"https://xbrlify.dev/taxonomy/ext/example-widgets-corporation"}
    assert concept_of(second, 1) == concept_of(first, 1)  # "Total subscription revenues" / "Subscription revenue"
    assert concept_of(second, 2) == concept_of(first, 2)
    assert concept_of(second, 3) == concept_of(first, 3)  # "Fees from members": the figure 120 for 2024
    assert members(second) == members(first)  # "Widgets" / "Widgets segment", "Gadgets segment" / "Gadgets"
    assert concept_of(second, 4).local == "LicensingIncome"  # new: the taxonomy grows
    assert report(second).taxonomy.namespace != report(first).taxonomy.namespace  # each release's own roles


def test_without_a_taxonomy_directory_the_releases_do_not_line_up(tmp_path: Path) -> None:
    first = converted(FIRST, "first.txt", tmp_path / "first", None)
    second = converted(NEXT, "next.txt", tmp_path / "next", None)
    assert concept_of(second, 1) != concept_of(first, 1) and members(second) != members(first)


def test_the_taxonomy_only_grows_and_earlier_outputs_stay_valid(
        two_releases: tuple[ConversionResult, ConversionResult, Path], tmp_path: Path) -> None:
    from converter.validation.paths import validate_paths

    _, _, taxonomy_dir = two_releases
    before, after = index(tmp_path / "after-first"), index(taxonomy_dir)
    assert all(after["concepts"][local] == declared for local, declared in before["concepts"].items())
    assert "LicensingIncome" in after["concepts"] and "LicensingIncome" not in before["concepts"]
    assert [r["release"] for r in after["releases"]] == ["first.txt", "next.txt"]
    old = tmp_path / "first-against-grown"
    shutil.copytree(tmp_path / "first", old)
    for grown in (taxonomy_dir / "example-widgets-corporation").glob("ewc*"):
        shutil.copy(grown, old / grown.name)  # the company's files as they stand now
    assert (old / "ewc.xsd").read_bytes() != (tmp_path / "first" / "ewc.xsd").read_bytes()
    (found,) = validate_paths([old / "ewc-20241231.xml"], calc="c11r")
    assert found.exit_status() == 0 and not found.diagnostics, [d.render() for d in found.diagnostics]


def test_each_output_holds_the_company_taxonomy_as_it_was(
        two_releases: tuple[ConversionResult, ConversionResult, Path], tmp_path: Path) -> None:
    _, second, taxonomy_dir = two_releases
    assert {"ewc.xsd", "ewc_lab.xml", "ewc-20251231.xsd"} <= set(second.files)
    for name in ("ewc.xsd", "ewc_lab.xml"):
        assert (tmp_path / "next" / name).read_bytes() == (taxonomy_dir / "example-widgets-corporation" / name).read_bytes()


def test_the_same_releases_give_the_same_bytes(tmp_path: Path) -> None:
    runs = []
    for run in ("one", "two"):
        taxonomy_dir = tmp_path / run / "taxonomies"
        converted(FIRST, "first.txt", tmp_path / run / "first", taxonomy_dir)
        converted(NEXT, "next.txt", tmp_path / run / "next", taxonomy_dir)
        runs.append({p.relative_to(tmp_path / run).as_posix(): p.read_bytes()
                     for p in sorted((tmp_path / run).rglob("*")) if p.is_file() and not p.name.startswith(".")})
    assert runs[0] == runs[1]


def test_a_name_the_company_declares_as_another_kind_is_never_declared_twice(tmp_path: Path) -> None:
    taxonomy_dir = tmp_path / "taxonomies"
    converted(FIRST, "first.txt", tmp_path / "first", taxonomy_dir)
    balances = statement(2025, """\
        Hosting costs                                     320         300
        Prepaid hosting                                    90          80
    """, title="CONSOLIDATED BALANCE SHEETS", heading="")
    later = converted(balances, "later.txt", tmp_path / "later", taxonomy_dir)
    assert concept_of(later, 1).local == "HostingCosts2"
    concepts = index(taxonomy_dir)["concepts"]
    assert (concepts["HostingCosts"]["period"], concepts["HostingCosts2"]["period"]) == ("duration", "instant")


def test_a_company_is_found_by_its_cik_whatever_its_name(tmp_path: Path) -> None:
    taxonomy_dir = tmp_path / "taxonomies"
    first = converted(FIRST, "first.txt", tmp_path / "first", taxonomy_dir, cik="123")
    second = converted(NEXT, "next.txt", tmp_path / "next", taxonomy_dir, cik="123", entity_name="Widgets Holdings Inc.")
    assert [p.name for p in taxonomy_dir.iterdir() if p.is_dir()] == ["example-widgets-corporation"]
    assert concept_of(second, 1) == concept_of(first, 1)
    other = converted(NEXT, "other.txt", tmp_path / "other", taxonomy_dir, cik="456")
    assert concept_of(other, 1) != concept_of(first, 1)  # another filer of that name has another taxonomy
    assert sorted(p.name for p in taxonomy_dir.iterdir() if p.is_dir()) == [
        "example-widgets-corporation", "example-widgets-corporation-2"]


def test_a_company_folder_xbrlify_cannot_read_is_an_error_and_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "taxonomies" / "example-widgets-corporation"
    folder.mkdir(parents=True)
    (folder / "company.json").write_text('{"format": 99}', encoding="utf-8")
    result = convert(FIRST.encode(), name="first.txt", out_dir=tmp_path / "out",
                     options=ConvertOptions(formats=XBRL, taxonomy_dir=tmp_path / "taxonomies"))
    assert [d.code for d in result.diagnostics] == [dx.COMPANY_TAXONOMY_INVALID] and result.report is None
    assert not (tmp_path / "out").exists() and (folder / "company.json").read_text(encoding="utf-8") == '{"format": 99}'


def test_a_batch_with_a_taxonomy_directory_converts_one_release_after_the_other(tmp_path: Path) -> None:
    releases = tmp_path / "releases"
    releases.mkdir()
    (releases / "a-first.txt").write_text(FIRST, encoding="utf-8")
    (releases / "b-next.txt").write_text(NEXT, encoding="utf-8")
    batch = convert_many([releases], tmp_path / "out", jobs=2,
                         options=ConvertOptions(formats=XBRL, validate=False, taxonomy_dir=tmp_path / "taxonomies"))
    assert batch.jobs == 1 and batch.exit_status == 0
    assert [r["release"] for r in index(tmp_path / "taxonomies")["releases"]] == [
        "a-first.txt", "b-next.txt"]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert {e["options"]["taxonomy_dir"] for e in manifest["releases"]} == {str(tmp_path / "taxonomies")}


def test_a_report_that_would_declare_a_company_s_name_otherwise_is_refused() -> None:
    plain = report(convert(FIRST.encode(), name="first.txt", options=ConvertOptions(validate=False)))
    declared = KnownConcept(local="HostingCosts", role=ConceptRole.ITEM, item_type=ItemType.MONETARY,
                            period_type="instant", balance=None, label="Hosting costs")
    company = replace(new_company("example-widgets-corporation", "Example Widgets Corporation", None),
                      namespace=plain.taxonomy.namespace, prefix=plain.taxonomy.prefix, concepts={"HostingCosts": declared})
    with pytest.raises(CompanyTaxonomyError, match=r"HostingCosts is declared as item \(xbrli:monetaryItemType, instant\)"):
        extended(company, plain, "first.txt")


def test_the_command_line_keeps_the_taxonomy_and_refuses_parallel_batches(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from converter.cli.commands import main

    release = tmp_path / "first.txt"
    release.write_text(FIRST, encoding="utf-8")
    taxonomy_dir = tmp_path / "taxonomies"
    args = ["convert", str(release), "-o", str(tmp_path / "out"), "--format", "xbrl", "--taxonomy-dir", str(taxonomy_dir)]
    run = CliRunner().invoke(main, [*args, "--no-validate"])
    assert run.exit_code == 0, run.output
    assert index(taxonomy_dir)["releases"] == [{"name": "ewc-20241231", "release": "first.txt"}]
    refused = CliRunner().invoke(main, [*args, "-j", "2"])
    assert refused.exit_code == 2 and "--taxonomy-dir converts one release after the other" in refused.output
