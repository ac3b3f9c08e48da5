"""Whole EDGAR submissions: the EX-99 exhibits are the releases; the header names the filer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from converter import pipeline
from converter.cli.batch import convert_many
from converter.inputs.edgar import parse_submission
from converter.inputs.releases import collect_releases
from converter.inputs.sources import filing_in, releases_in
from converter.model import ConversionResult
from converter.pipeline import ConvertOptions, convert, convert_filing
from converter.serialize.output_files import OutputFormat
from tests.support import edgar_files
from tests.support.edgar_files import SIBLING
from tests.support.paths import LEXINGTON
from tests.support.releases import HEADER, STATEMENT

SEC_HEADER = b"""<SEC-DOCUMENT>0001047469-05-009206.txt : 20050405
<SEC-HEADER>0001047469-05-009206.hdr.sgml : 20050405
ACCESSION NUMBER:\t\t0001047469-05-009206
CONFORMED SUBMISSION TYPE:\t8-K
FILED AS OF DATE:\t\t20050405
FILER:
\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tLEXINGTON PRECISION CORP
\t\tCENTRAL INDEX KEY:\t\t\t0000059527
</SEC-HEADER>
"""


def document(kind: str, body: bytes) -> bytes:
    return b"<DOCUMENT>\n<TYPE>" + kind.encode() + b"\n<SEQUENCE>1\n<TEXT>\n" + body + b"</TEXT>\n</DOCUMENT>\n"


@pytest.fixture()
def submission(tmp_path: Path) -> Path:
    path = tmp_path / "0001047469-05-009206.txt"
    second = (HEADER + "\n".join(line[4:] for line in STATEMENT.splitlines())).encode()
    path.write_bytes(
        SEC_HEADER + document("8-K", b"FORM 8-K\nItem 2.02. See Exhibit 99.1.\n")
        + document("EX-99.1", LEXINGTON.read_bytes()) + document("EX-99.2", second) + b"</SEC-DOCUMENT>\n"
    )
    return path


def test_submission_header_and_exhibits(submission: Path) -> None:
    parsed = parse_submission(submission.read_bytes())
    assert parsed is not None
    assert (parsed.company, parsed.cik, str(parsed.filed)) == ("LEXINGTON PRECISION CORP", "0000059527", "2005-04-05")
    assert [d.type for d in parsed.documents] == ["8-K", "EX-99.1", "EX-99.2"]
    assert [d.type for d in parsed.releases] == ["EX-99.1", "EX-99.2"]
    assert parse_submission(LEXINGTON.read_bytes()) is None


def test_each_exhibit_converts_with_the_filer_of_the_header(submission: Path) -> None:
    releases = releases_in(submission)
    assert [r.stem for r in releases] == [f"{submission.stem}-ex-99-1", f"{submission.stem}-ex-99-2"]
    first = convert(releases[0], options=ConvertOptions(validate=False))
    assert first.report is not None and len(first.report.facts) == 184
    assert first.report.entity.identifier == "0000059527" and first.report.entity.name == "Lexington Precision Corp"
    # line numbers are the submission's: the inconsistent duplicate sits 15 lines below the release's own
    duplicate = next(d for d in first.diagnostics if d.code == "map.duplicate.inconsistent")
    lines = submission.read_text().splitlines()
    assert [lines[s.line - 1].split()[-1] for s in duplicate.spans] == ["(1,549)", "(1,796)"]
    second = convert(releases[1], options=ConvertOptions(validate=False))
    assert second.report is not None and second.report.entity.identifier == "0000059527"


def test_a_submission_without_a_press_release_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes(SEC_HEADER + document("8-K", b"nothing\n") + b"</SEC-DOCUMENT>\n")
    result = convert(path)
    assert result.report is None and [d.code for d in result.diagnostics] == ["input.no-financial-tables"]


# --- every form the SEC serves (issue 10) --------------------------------------------------------

LETTER = b"Dear shareholders,\n\nwe had a good year, and we thank you for your trust.\n"
DATA_SHEET = b"""\
                           Q1 2011 Unaudited Summary Data
                                  (In thousands)

                                         Q1 2011       Q1 2010
                                        --------      --------
    Net sales                           $  1,000      $    900
    Cost of sales                            600           500
                                        --------      --------
    Gross profit                             400           400
"""
TWO = (("EX-99.1", "ex99-1.txt", LEXINGTON.read_bytes()), ("EX-99.2", "ex99-2.txt", SIBLING))


def periods_of(result: ConversionResult) -> set[str]:
    assert result.report is not None, [d.render() for d in result.diagnostics]
    return {c.period.key() for c in result.report.contexts}


@pytest.mark.parametrize(("wrapped", "ims"), [(True, False), (False, False), (True, True)],
                         ids=["privacy-enhanced", "plain", "ims-header"])
def test_every_submission_form_gives_one_release_per_exhibit(tmp_path: Path, wrapped: bool, ims: bool) -> None:
    path = tmp_path / "0000950123-07-000001.txt"
    path.write_bytes(edgar_files.submission(TWO, wrapped=wrapped, ims=ims))
    filing = filing_in(path)
    assert [r.stem for r in filing.releases] == [f"{path.stem}-ex-99-1", f"{path.stem}-ex-99-2"]
    assert {(r.company, r.cik, str(r.filed)) for r in filing.releases} == {
        ("EXAMPLE WIDGETS CORP", "0000012345", "2007-01-25")}
    assert filing.skipped == ()  # the uuencoded logo is no EX-99: not a release, nothing to say
    lines = path.read_bytes().splitlines()
    for release, (_, _, text) in zip(filing.releases, TWO):  # line numbers are the submission's
        start = release.first_line + 1
        assert release.data.splitlines()[start : start + 5] == lines[start : start + 5] == text.splitlines()[:5]
    results = convert_filing(filing, options=ConvertOptions(validate=False))
    assert [r.report is not None and len(r.report.facts) for r in results] == [184, 9]
    assert {r.report.entity.identifier for r in results if r.report} == {"0000012345"}


def test_a_uuencoded_part_is_skipped_and_blanked_line_for_line(tmp_path: Path) -> None:
    pdf = edgar_files.uuencoded("ex99.pdf", b"%PDF-1.4 " * 40)
    inside = SIBLING + b"\n" + pdf + b"\n    (end of release)\n"
    path = tmp_path / "s.txt"
    path.write_bytes(edgar_files.submission([("EX-99.1", "ex99.txt", inside), ("EX-99.2", "ex99.pdf", pdf)]))
    filing = filing_in(path)
    (release,) = filing.releases
    assert b"begin 644" not in release.text and release.text.count(b"\n") == inside.count(b"\n") + 2  # <TEXT> lines
    assert release.text.rstrip().endswith(b"(end of release)")
    ((stem, note),) = filing.skipped
    assert (stem, note.code, note.severity.value) == (f"{path.stem}-ex-99-2", "input.exhibit.skipped", "info")
    assert dict(note.data)["reason"] == "uuencoded"


def test_a_filing_folder_is_one_filing_and_a_folder_of_releases_is_not(tmp_path: Path) -> None:
    filing = edgar_files.filing_folder(tmp_path / "acme-8k", TWO)
    found = filing_in(filing)
    assert [Path(r.name).name for r in found.releases] == ["ex99-1.txt", "ex99-2.txt"]
    assert [r.stem for r in found.releases] == ["acme-8k-ex99-1", "acme-8k-ex99-2"]
    assert collect_releases([tmp_path]).releases == (str(filing),)
    loose = edgar_files.filing_folder(tmp_path / "releases", TWO, cover=False)  # no cover, no header
    assert collect_releases([loose]).releases == tuple(str(loose / n) for _, n, _ in TWO)
    named = edgar_files.filing_folder(tmp_path / "000095012307000001", TWO, cover=False)  # an accession number
    assert len(filing_in(named).releases) == 2
    (named / "0000950123-07-000001.hdr.sgml").write_bytes(
        edgar_files.header("0000950123-07-000001", "EXAMPLE WIDGETS CORP", "0000012345", "20070125")
        + edgar_files.document("EX-99.1", 2, "ex99-2.txt", b"")[: -len(b"</DOCUMENT>\n")].split(b"<TEXT>")[0])
    (only,) = filing_in(named).releases  # the header lists the exhibits: just the one it names
    assert (Path(only.name).name, only.cik) == ("ex99-2.txt", "0000012345")


def test_a_table_less_exhibit_is_skipped_without_failing_the_submission(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes(edgar_files.submission([("EX-99.1", "a.txt", SIBLING), ("EX-99.2", "b.txt", LETTER)]))
    out = tmp_path / "out"
    batch = convert_many([path], out, options=ConvertOptions(formats=frozenset({OutputFormat.XBRL})))
    assert [(r.name, r.exit_status, r.skipped) for r in batch.releases] == [
        ("s-ex-99-1", 0, False), ("s-ex-99-2", 0, True)]
    assert batch.exit_status == 0 and not (out / "s-ex-99-2").exists()
    assert [d.code for d in batch.releases[1].diagnostics] == ["input.exhibit.skipped"]
    letters = tmp_path / "letters.txt"
    letters.write_bytes(edgar_files.submission([("EX-99.1", "a.txt", LETTER), ("EX-99.2", "b.txt", LETTER)]))
    none = convert_many([letters], tmp_path / "out2", options=ConvertOptions(validate=False))
    assert none.exit_status == 2 and {d.code for r in none.releases for d in r.diagnostics} == {
        "input.no-financial-tables"}


def test_a_data_sheet_gets_the_fiscal_calendar_and_release_date_of_its_sibling(tmp_path: Path) -> None:
    alone = convert(DATA_SHEET, name="sheet.txt", options=ConvertOptions(validate=False))
    assert "2010-10-01_2010-12-31" not in periods_of(alone)
    path = tmp_path / "s.txt"
    path.write_bytes(edgar_files.submission([("EX-99.1", "a.txt", SIBLING), ("EX-99.2", "b.txt", DATA_SHEET)]))
    sibling, sheet = convert_filing(filing_in(path), options=ConvertOptions(validate=False))
    assert periods_of(sheet) == {"2010-10-01_2010-12-31", "2009-10-01_2009-12-31"}  # fiscal Q1 of a September year
    assert sheet.document is not None and sibling.document is not None
    assert sheet.document.document_date == sibling.document.document_date == dt.date(2011, 1, 18)
    assert sheet.report is not None and sibling.report is not None
    assert sheet.report.entity == sibling.report.entity


def test_a_defect_while_sharing_a_filings_knowledge_is_an_internal_error(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(pipeline, "shared_knowledge", broken)
    path = tmp_path / "s.txt"
    path.write_bytes(edgar_files.submission(TWO))
    results = convert_filing(filing_in(path), options=ConvertOptions(validate=False))
    assert [[d.code for d in r.diagnostics] for r in results] == [["internal.error"], ["internal.error"]]
