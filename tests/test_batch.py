"""Batch conversion: releases from files, folders and globs; parallel workers; the summary."""

from __future__ import annotations

import io
import json
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import BatchResult, ConvertOptions, convert_many
from converter.cli.batch import Task, convert_task, folder_names
from converter.cli.commands import main, show_progress
from converter.inputs.releases import collect_releases
from converter.serialize.output_files import OutputFormat
from tests.support.paths import CORPUS, LEXINGTON

SOUTHERN = tuple(CORPUS / f"southernco-2004q4-ex99-0{n}.txt" for n in (4, 5))
NO_VALIDATE = ConvertOptions(validate=False, formats=frozenset({OutputFormat.XBRL}))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "inbox" / "memo.txt"
    path.parent.mkdir()
    path.write_text("Dear shareholders,\nwe had a good year.\n")
    return path


def releases_with(bad: Path) -> list[Path]:
    """The example, the two Southern Company texts when the corpus is there, and a bad file."""
    corpus = [p for p in SOUTHERN if p.is_file()]
    return [LEXINGTON, *corpus, bad]


# --- the batch of the brief: CLI, two workers ------------------------------------------------------


def test_batch_cli_two_jobs(tmp_path: Path, bad: Path) -> None:
    releases = releases_with(bad)
    out = tmp_path / "out"
    summary_file = tmp_path / "ci" / "summary.json"
    code, stdout, stderr = run("convert", *map(str, releases), "-o", str(out), "--jobs", "2",
                               "--summary", str(summary_file))
    assert code == 1  # the bad file could not be converted (reported); the others still were
    summary = json.loads((out / "summary.json").read_text())
    assert json.loads(summary_file.read_text()) == summary
    entries = summary["releases"]
    assert [e["release"] for e in entries] == sorted(map(str, releases))
    by_name = {Path(e["release"]).name: e for e in entries}
    lex = by_name[LEXINGTON.name]
    assert (lex["tables"], lex["statements"], lex["exit_status"]) == (2, 3, 1)
    assert lex["facts"] > 100 and lex["contexts"] > 4 and lex["seconds"] > 0
    assert lex["findings"]["inconsistency"] >= 1 and lex["out"] == str(out / LEXINGTON.stem)
    assert "map.duplicate.inconsistent" in {d["code"] for d in lex["diagnostics"]}
    memo = by_name["memo.txt"]
    assert (memo["exit_status"], memo["out"], memo["facts"]) == (2, None, 0)
    assert [d["code"] for d in memo["diagnostics"]] == ["input.no-financial-tables"]
    assert summary["exit_status"] == 1 and summary["jobs"] == 2
    assert summary["totals"]["releases"] == len(releases) and summary["totals"]["not_converted"] >= 1
    converted = {Path(e["release"]).stem for e in entries if e["out"]}
    assert {p.name for p in out.iterdir()} == converted | {"summary.json", "manifest.json"}
    assert "memo" not in converted and LEXINGTON.stem in converted
    for stem in converted:
        assert any((p.suffix == ".xml" and p.stem == p.parent.name) or p.suffix == ".xsd" for p in (out / stem).iterdir())
    assert "input.no-financial-tables" in stderr and str(bad) in stderr
    assert stdout.splitlines()[-1].startswith(f"{len(releases)} release(s): ")
    assert "Converting" not in stdout + stderr  # not a terminal: no progress bar


@pytest.mark.corpus
def test_southern_company_texts_convert_in_a_batch(tmp_path: Path, corpus: Path) -> None:
    batch = convert_many([corpus / "southernco-2004q4-ex99-04.txt"], tmp_path / "out", options=NO_VALIDATE)
    (outcome,) = batch.releases
    assert outcome.converted and outcome.facts > 0 and outcome.statements >= 1
    assert outcome.out == str(tmp_path / "out" / "southernco-2004q4-ex99-04")


def test_a_submission_with_two_exhibits_is_a_batch(tmp_path: Path) -> None:
    def document(kind: str, body: bytes) -> bytes:
        return b"<DOCUMENT>\n<TYPE>" + kind.encode() + b"\n<TEXT>\n" + body + b"</TEXT>\n</DOCUMENT>\n"

    submission = tmp_path / "0000059527-05-000001.txt"
    submission.write_bytes(
        b"<SEC-DOCUMENT>0000059527-05-000001.txt\n<SEC-HEADER>\nCOMPANY CONFORMED NAME: LEXINGTON PRECISION CORP\n"
        b"CENTRAL INDEX KEY: 0000059527\n</SEC-HEADER>\n" + document("8-K", b"FORM 8-K\n")
        + document("EX-99.1", LEXINGTON.read_bytes()) + document("EX-99.2", LEXINGTON.read_bytes())
        + b"</SEC-DOCUMENT>\n"
    )
    out = tmp_path / "out"
    code, stdout, _ = run("convert", str(submission), "-o", str(out), "--no-validate", "--format", "xbrl", "--json")
    entries = json.loads(stdout)["releases"]
    assert code == 1 and [e["release"] for e in entries] == [str(submission)] * 2
    assert [e["name"] for e in entries] == [f"{submission.stem}-ex-99-1", f"{submission.stem}-ex-99-2"]
    assert sorted(p.name for p in out.iterdir()) == [*(e["name"] for e in entries), "manifest.json", "summary.json"]
    assert all(e["facts"] == entries[0]["facts"] > 100 for e in entries)


# --- the Python API -----------------------------------------------------------------------------


def test_convert_many_folders_globs_and_duplicates(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "q4" / "more").mkdir(parents=True)
    (inbox / ".cache").mkdir()
    shutil.copy(LEXINGTON, inbox / "a.txt")
    shutil.copy(LEXINGTON, inbox / "q4" / "more" / "a.htm.txt")
    shutil.copy(LEXINGTON, inbox / ".cache" / "hidden.txt")
    (inbox / "notes.md").write_text("# not a release\n")
    out = inbox / "out"  # inside the input folder: never read back as input
    out.mkdir()
    shutil.copy(LEXINGTON, out / "old.txt")
    batch = convert_many([inbox, str(inbox / "*.txt"), str(tmp_path / "nothing-*.htm")], out, options=NO_VALIDATE)
    assert isinstance(batch, BatchResult) and batch.jobs == 1
    assert [r.release for r in batch.releases] == sorted([
        str(inbox / "a.txt"), str(inbox / "q4" / "more" / "a.htm.txt"), str(tmp_path / "nothing-*.htm"),
    ])
    ok = [r for r in batch.releases if r.converted]
    assert [Path(r.out).name for r in ok] == ["a", "a.htm"]
    assert all(r.facts == ok[0].facts > 100 and r.exit_status == 1 for r in ok)  # the release's own inconsistency
    (missing,) = [r for r in batch.releases if not r.converted]
    assert [d.code for d in missing.diagnostics] == ["input.no-releases"]
    assert batch.exit_status == 1  # reported; the others were converted


def test_collect_releases_rules(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    for name in ("b.TXT", "a.html", "c.htm", "x.pdf", ".hidden.txt"):
        (tmp_path / "d" / name).write_text("x")
    inputs = collect_releases([tmp_path / "d", tmp_path / "d" / "x.pdf", tmp_path / "missing.txt"])
    assert [Path(r).name for r in inputs.releases] == ["a.html", "b.TXT", "c.htm", "x.pdf", "missing.txt"]
    assert inputs.expanded and inputs.problems == ()
    only_files = collect_releases([tmp_path / "d" / "a.html"])
    assert not only_files.expanded and only_files.releases == (str(tmp_path / "d" / "a.html"),)
    (tmp_path / "empty").mkdir()
    assert [p[1].code for p in collect_releases([tmp_path / "empty"]).problems] == ["input.no-releases"]


def test_folder_names_are_unique_and_deterministic() -> None:
    assert folder_names(["R", "r", "s", "r", ""]) == ["R", "r-2", "s", "r-3", "release"]


def test_a_crashing_conversion_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    crashing = ConvertOptions(calc="bogus")  # validation refuses the mode: the conversion raises
    (outcome,) = convert_task(Task(path=str(LEXINGTON), source=str(LEXINGTON), outs=((0, tmp_path / "lex"),),
                                   options=crashing))
    assert outcome.exit_status == 2 and [d.code for d in outcome.diagnostics] == ["internal.error"]
    assert "ValueError" in outcome.diagnostics[0].message and outcome.name == "lex"
    (beyond,) = convert_task(Task(path=str(LEXINGTON), source=str(LEXINGTON), outs=((5, tmp_path / "lex"),),
                                  options=crashing))
    assert [d.code for d in beyond.diagnostics] == ["convert.crashed"]  # raised outside the pipeline
    assert pickle.loads(pickle.dumps(outcome)) == outcome  # it travels back from a worker process
    batch = convert_many([LEXINGTON, tmp_path / "nope.txt"], tmp_path / "out", options=crashing)
    codes = {Path(r.release).name: r.diagnostics[0].code for r in batch.releases}
    assert codes == {LEXINGTON.name: "internal.error", "nope.txt": "input.missing"}


def test_summary_is_deterministic_apart_from_times(tmp_path: Path) -> None:
    def stable(path: Path) -> object:
        data = json.loads(path.read_text())
        data.pop("seconds")
        for entry in data["releases"]:
            entry.pop("seconds")
        data["out"] = None
        for entry in data["releases"]:
            entry["out"] = entry["out"] and Path(entry["out"]).name
        return data

    for name in ("one", "two"):
        convert_many([LEXINGTON, LEXINGTON.parent], tmp_path / name, options=NO_VALIDATE)
    assert stable(tmp_path / "one" / "summary.json") == stable(tmp_path / "two" / "summary.json")


# --- progress ------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_only_on_a_terminal_and_not_quiet() -> None:
    assert show_progress(False, [Terminal(True), Terminal(True)])
    assert not show_progress(True, [Terminal(True), Terminal(True)])
    assert not show_progress(False, [Terminal(False), Terminal(True)])


def test_quiet_batch_prints_only_findings_and_the_total(tmp_path: Path, bad: Path) -> None:
    code, stdout, stderr = run("convert", str(LEXINGTON), str(bad), "-o", str(tmp_path / "out"), "--no-validate",
                               "--quiet")
    assert code == 1
    total = "2 release(s): 0 valid, 0 with warnings, 1 with findings, 1 not converted"
    assert stdout.splitlines() == [f"{total} -> {tmp_path / 'out'}/summary.json"]
    assert "input.no-financial-tables" in stderr and "Converting" not in stderr
