"""The command line: exit codes, summaries, JSON, bad input, atomic outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter.cli.commands import main
from tests.support.paths import LEXINGTON


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_convert_prints_a_summary_and_exits_1_for_the_release_inconsistency(tmp_path: Path) -> None:
    code, out, err = run("convert", str(LEXINGTON), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "2 table(s), 3 statement(s)" in out and "fact(s)" in out
    assert "map.duplicate.inconsistent" in err and "lexington-2004q4-ex99-1.txt:183" in err
    assert (tmp_path / "out" / "lpc-20041231.xml").is_file()


def test_convert_json_and_cik(tmp_path: Path) -> None:
    code, out, _ = run("convert", str(LEXINGTON), "-o", str(tmp_path / "out"), "--cik", "59527", "--json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert data["tables"] == 2 and len(data["statements"]) == 3
    assert {d["code"] for d in data["diagnostics"]} >= {"map.duplicate.inconsistent"}
    instance = (tmp_path / "out" / "lpc-20041231.xml").read_text()
    assert 'scheme="http://www.sec.gov/CIK">0000059527<' in instance


@pytest.mark.parametrize(("content", "code"), [
    (None, "input.missing"),
    (b"", "input.empty"),
    (b"\x00\x01\x02\x03binary\xff\xfe" * 50, "input.binary"),
    (b"Dear shareholders,\nwe had a good year.\n", "input.no-financial-tables"),
    (b"<html><body><table><tr><td>Revenue</td><td>about", "input.no-financial-tables"),
])
def test_bad_input_is_one_located_line_exit_2_and_nothing_written(tmp_path: Path, content: bytes | None, code: str) -> None:
    release = tmp_path / "release.txt"
    if content is not None:
        release.write_bytes(content)
    out = tmp_path / "out"
    exit_code, stdout, err = run("convert", str(release), "-o", str(out))
    assert exit_code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and code in lines[0] and str(release) in lines[0]
    assert "Traceback" not in err + stdout
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ([] if content is None else ["release.txt"])


def test_a_failed_conversion_keeps_the_earlier_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("convert", str(LEXINGTON), "-o", str(out), "--no-validate")
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run("convert", str(empty), "-o", str(out))[0] == 2
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_validate_command(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("convert", str(LEXINGTON), "-o", str(out), "--no-validate")
    code, stdout, err = run("validate", str(out / "lpc-20041231.xml"))
    assert code == 1 and "calc11e:inconsistentCalculationUsingRounding" in err
    code, stdout, _ = run("validate", str(out / "lpc-20041231.xml"), "--calc", "none", "--json")
    assert code == 0
    assert {d["severity"] for d in json.loads(stdout)["diagnostics"]} <= {"warning", "info"}
    assert run("validate", str(tmp_path / "nope.xml"))[0] == 2


def test_usage_errors_exit_2() -> None:
    assert run("convert")[0] == 2
    assert run("frobnicate")[0] == 2


# --- CI formats and summaries for convert ---------------------------------------------------------


def test_convert_github_annotates_release_and_instance_lines(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run("convert", str(LEXINGTON), "-o", str(out), "--report", "github", "--format", "xbrl")
    assert code == 1
    lines = stdout.splitlines()
    duplicate = [line for line in lines if "title=map.duplicate.inconsistent" in line]
    assert duplicate and duplicate[0].startswith(f"::error file={LEXINGTON},line=183,")
    calc = [line for line in lines if "title=calc11e%3AinconsistentCalculationUsingRounding" in line]
    assert any(line.startswith(f"::error file={out / 'lpc-20041231.xml'},line=") for line in calc)
    assert any(line.startswith(f"::error file={LEXINGTON},line=") for line in calc)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-1])


def test_convert_junit_and_single_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.json"
    code, stdout, _ = run("convert", str(LEXINGTON), "-o", str(tmp_path / "out"), "--report", "junit",
                          "--summary", str(summary), "--format", "xbrl,ixbrl")
    assert code == 1
    root = etree.fromstring(stdout.encode())
    (case,) = root.findall("testsuite/testcase")
    assert case.get("name") == str(LEXINGTON) and case.get("classname") == "xbrlify.convert"
    assert "map.duplicate.inconsistent" in {f.get("type") for f in case.findall("failure")}
    (entry,) = json.loads(summary.read_text())["releases"]
    assert (entry["release"], entry["out"], entry["tables"], entry["statements"]) == (
        str(LEXINGTON), str(tmp_path / "out"), 2, 3)
    assert (tmp_path / "out" / "lpc-20041231.xml").is_file()  # one release: straight into OUT


def test_convert_json_of_a_batch_is_the_summary(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    code, stdout, _ = run("convert", str(LEXINGTON), str(bad), "-o", str(out), "--no-validate", "--json",
                          "--format", "xbrl")
    assert code == 1
    assert json.loads(stdout) == json.loads((out / "summary.json").read_text())
    statuses = {Path(e["release"]).name: e["exit_status"] for e in json.loads(stdout)["releases"]}
    assert statuses == {LEXINGTON.name: 1, "bad.txt": 2}
    assert sorted(p.name for p in out.iterdir()) == [LEXINGTON.stem, "manifest.json", "summary.json"]


def test_write_chooses_the_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("convert", str(LEXINGTON), "-o", str(out), "--no-validate", "--format", "ixbrl")[0] == 1
    assert "lpc-20041231.htm" in {p.name for p in out.iterdir()} and not (out / "lpc-20041231.xml").exists()
    code, _, err = run("convert", str(LEXINGTON), "-o", str(tmp_path / "x"), "--format", "xbrl,pdf")
    assert code == 2 and "pdf" in err and not (tmp_path / "x").exists()
