"""Real filings rebuilt from corpus exhibits at test time: one release per exhibit, one calendar per filing."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.cli.batch import convert_many
from converter.inputs.sources import filing_in
from converter.model import ConversionResult, Severity
from converter.pipeline import ConvertOptions, convert, convert_filing
from converter.serialize.output_files import OutputFormat
from converter.validation.arelle_adapter.facts import LoadedFact
from converter.validation.validate import load_facts
from tests.support import edgar_files
from tests.support.corpus import FACT_FILES
from tests.support.facts_csv import misjudged, missing, read_expected
from tests.support.paths import CORPUS

pytestmark = pytest.mark.corpus
NO_VALIDATE = ConvertOptions(validate=False)
LETTER = b"To our shareholders:\n\nSouthern Company will hold its annual meeting on May 23.\n"


def southern_exhibits() -> list[tuple[str, str, bytes]]:
    parts = [("EX-99.01", "ex99-01.txt", LETTER)]
    for n in ("02", "03", "04", "06"):
        parts.append((f"EX-99.{n}", f"ex99-{n}.txt", (CORPUS / f"southernco-2006q4-ex99-{n}.txt").read_bytes()))
    return parts


APPLE_FILINGS = [("apple-2011q1", "0001193125-11-009392", "20110118"), ("apple-2004q3", "0001104659-04-019574", "20040714")]


def apple_exhibits(release: str = "apple-2011q1") -> list[tuple[str, str, bytes]]:
    return [(f"EX-99.{n}", f"dex99{n}.htm", (CORPUS / f"{release}-ex99-{n}.htm").read_bytes()) for n in (1, 2)]


def facts_of(result: ConversionResult) -> set[tuple[str, str, str]]:
    assert result.report is not None, [d.render() for d in result.diagnostics]
    return {(f.concept.local, f.context_id, str(f.value)) for f in result.report.facts}


def test_southern_2006_submission_is_one_release_per_exhibit_each_as_clean_as_alone(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "0000092122-07-000008.txt"
    path.write_bytes(edgar_files.submission(southern_exhibits(), accession=path.stem, company="SOUTHERN CO",
                                            cik="0000092122", filed="20070125"))
    out = tmp_path / "out"
    batch = convert_many([path], out, options=ConvertOptions(formats=frozenset({OutputFormat.XBRL})))
    names = [f"{path.stem}-ex-99-{n}" for n in ("01", "02", "03", "04", "06")]
    assert [r.name for r in batch.releases] == names and batch.exit_status == 0
    assert batch.releases[0].skipped and all(r.out is not None for r in batch.releases[1:])
    worst = {d.severity for r in batch.releases for d in r.diagnostics}
    assert not worst & {Severity.ERROR, Severity.INCONSISTENCY}
    together = convert_filing(filing_in(path), options=NO_VALIDATE)[1:]
    for result, n in zip(together, ("02", "03", "04", "06")):
        alone = convert(CORPUS / f"southernco-2006q4-ex99-{n}.txt", options=NO_VALIDATE)
        assert facts_of(result) == facts_of(alone)


def _apple_sheet(filing: Path, tmp_path: Path, release: str = "apple-2011q1") -> tuple[list[object], list[object], list[str],
                                                                                      tuple[LoadedFact, ...]]:
    """The data sheet of the Apple filing converted with its sibling: (rows its facts miss, rows
    whose value is nowhere at its period, facts the precision rule judges wrong, its facts)."""
    out = tmp_path / "out"
    batch = convert_many([filing], out, options=ConvertOptions(formats=frozenset({OutputFormat.XBRL})))
    sheet = batch.releases[1]
    assert sheet.out is not None and sheet.exit_status == 0
    assert "parse.period.assumed" not in {d.code for d in sheet.diagnostics}  # the sibling states the calendar
    instance = next(p for p in Path(sheet.out).glob("*.xml") if not p.stem.endswith(("_lab", "_pre", "_cal", "_def"))
                    and not p.stem.startswith("xbrlify-base"))
    facts = load_facts(instance)
    rows = read_expected(FACT_FILES[f"{release}-ex99-2"])
    dated = {(f.start, f.end, abs(f.value)) for f in facts if f.value is not None}
    undated = [r for r in rows if (r.start, r.end, abs(r.value)) not in dated]
    return list(missing(rows, facts)), list(undated), misjudged(rows, facts)[1], facts


@pytest.mark.parametrize(("release", "accession", "filed"), APPLE_FILINGS)
def test_apple_data_sheet_is_dated_by_its_sibling_release(release: str, accession: str, filed: str, corpus: Path,
                                                          tmp_path: Path) -> None:
    path = tmp_path / f"{accession}.txt"
    path.write_bytes(edgar_files.submission(apple_exhibits(release), accession=path.stem, company="APPLE INC",
                                            cik="0000320193", filed=filed))
    _, undated, _, _ = _apple_sheet(path, tmp_path, release)
    assert undated == []  # every figure at its fiscal quarter (Q1 2011: 2010-09-26..2010-12-25, not October-December)
    folder = edgar_files.filing_folder(tmp_path / "apple-8k", apple_exhibits(release))  # the unpacked form
    assert len(filing_in(folder).releases) == 2
    assert _apple_sheet(folder, tmp_path / "folder", release)[1] == []


@pytest.mark.parametrize(("release", "accession", "filed"), APPLE_FILINGS)
def test_apple_data_sheet_facts_are_found_and_precise_when_converted_with_its_filing(
        release: str, accession: str, filed: str, corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / f"{accession}.txt"
    path.write_bytes(edgar_files.submission(apple_exhibits(release), accession=path.stem))
    lost, _, wrong, facts = _apple_sheet(path, tmp_path, release)
    assert lost == [] and wrong == []
    axes: dict[str, set[str]] = {}  # revenue ("Revenue $M", "Rev $m") and units each one line item, by segment and product
    for fact in facts:
        axes.setdefault(fact.concept.split("}")[1], set()).update(a.split("}")[1] for a, _ in fact.dims)
    assert axes == {"Revenues": {"SegmentAxis", "ProductLineAxis"}, "CPUUnits": {"SegmentAxis", "ProductLineAxis"},
                    "SubtotalCPUs": set(), "SubtotalCPUsUnits": set()}
