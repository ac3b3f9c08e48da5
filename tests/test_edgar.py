"""Whole EDGAR submissions: the EX-99 exhibits are the releases; the header names the filer."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LEXINGTON
from converter.pipeline import ConvertOptions, convert
from converter.readers.edgar import parse_submission
from converter.sources import releases_in
from test_mapping import HEADER, STATEMENT

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
