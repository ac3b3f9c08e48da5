"""``xbrlify validate`` for pipelines: formats, --fail-on, folders, packages, other tools' XBRL."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter.cli.commands import main
from converter.cli.render_diagnostics import github_lines, render_github
from converter.inputs.entry_points import find_entry_points, is_entry_point
from converter.model import Diagnostic, Severity, SourceSpan
from converter.validation.findings import FailOn, FileFindings
from converter.validation.validate import save_oim
from taxonomy.package import report_package
from tests.support.paths import fixture

DATA = fixture("validate")
EXAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "arelle-example"
C11R = "calc11e:inconsistentCalculationUsingRounding"
TAXONOMY = ("earn-2024.xsd", "earn-2024_cal.xml", "earn-2024_def.xml", "earn-2024_lab.xml", "earn-2024_pre.xml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """An output-like folder tree: instances + taxonomy at the top, a nested one, noise."""
    top = tmp_path / "reports"
    nested = top / "q4" / "deep"
    nested.mkdir(parents=True)
    for name in ("valid.xml", "calcerror.xml", "plain.xml", *TAXONOMY):
        shutil.copy(DATA / name, top / name)
    for name in ("duplicate.xml", *TAXONOMY):
        shutil.copy(DATA / name, nested / name)
    hidden = top / ".out.tmp-123"
    hidden.mkdir()
    shutil.copy(DATA / "dimerror.xml", hidden / "dimerror.xml")
    (top / "notes.txt").write_text("not xbrl\n")
    return top


# --- choosing entry points -----------------------------------------------------------------------


def test_folder_entry_points_are_instances_not_schemas_linkbases_or_hidden(folder: Path) -> None:
    entries, problems = find_entry_points([folder])
    assert problems == ()
    assert [Path(e).relative_to(folder).as_posix() for e in entries] == [
        "calcerror.xml", "q4/deep/duplicate.xml", "valid.xml",
    ]


def test_entry_point_kinds(tmp_path: Path) -> None:
    shutil.copy(DATA / "inline.htm", tmp_path / "inline.htm")
    (tmp_path / "page.html").write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    report = tmp_path / "report.zip"
    with zipfile.ZipFile(report, "w") as zf:
        zf.writestr("r/META-INF/reportPackage.json", "{}")
        zf.writestr("r/reports/x.xbrl", "<x/>")
    taxonomy = tmp_path / "taxonomy.zip"
    with zipfile.ZipFile(taxonomy, "w") as zf:
        zf.writestr("t/META-INF/taxonomyPackage.xml", "<x/>")
    (tmp_path / "other.json").write_text('{"documentInfo": {"documentType": "something-else"}}')
    (tmp_path / "broken.zip").write_bytes(b"PK not a zip")
    assert is_entry_point(tmp_path / "inline.htm") and not is_entry_point(tmp_path / "page.html")
    assert is_entry_point(report) and not is_entry_point(taxonomy)
    assert not is_entry_point(tmp_path / "other.json") and not is_entry_point(tmp_path / "broken.zip")
    assert not is_entry_point(DATA / "earn-2024_cal.xml") and not is_entry_point(DATA / "garbage.xml")
    assert is_entry_point(DATA / "valid.xml")


def test_folder_without_entry_points_exits_2(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("nothing here\n")
    code, out, _ = run(str(tmp_path), "--format", "json")
    assert code == 2
    (entry,) = json.loads(out)["files"]
    assert [d["code"] for d in entry["diagnostics"]] == ["validate.no-entry-point"]


# --- exit codes and --fail-on --------------------------------------------------------------------


@pytest.mark.parametrize(("name", "fail_on", "expected"), [
    ("valid.xml", "warning", 0),
    ("duplicate.xml", "inconsistency", 0),   # two warnings: below the default threshold
    ("duplicate.xml", "warning", 1),
    ("calcerror.xml", "inconsistency", 1),
    ("calcerror.xml", "error", 0),
    ("utrerror.xml", "error", 1),
    ("garbage.xml", "warning", 2),           # unreadable is 2 whatever the threshold
])
def test_fail_on_threshold(name: str, fail_on: str, expected: int) -> None:
    assert run(str(DATA / name), "--fail-on", fail_on)[0] == expected


def test_worst_file_decides_and_missing_file_is_2(tmp_path: Path) -> None:
    assert run(str(DATA / "valid.xml"), str(DATA / "calcerror.xml"))[0] == 1
    assert run(str(DATA / "calcerror.xml"), str(tmp_path / "nope.xml"))[0] == 2


def test_usage_errors_exit_2() -> None:
    assert run()[0] == 2
    assert run(str(DATA / "valid.xml"), "--fail-on", "never")[0] == 2
    assert run(str(DATA / "valid.xml"), "--format", "yaml")[0] == 2
    assert run(str(DATA / "valid.xml"), "--json", "--format", "junit")[0] == 2


# --- formats -------------------------------------------------------------------------------------


def test_text_format_folder(folder: Path) -> None:
    code, out, err = run(str(folder))
    assert code == 1
    calc_line = line_of(DATA / "calcerror.xml", 'id="f-rev-c"')
    assert f"{folder / 'calcerror.xml'}:{calc_line} inconsistency {C11R}" in err
    assert "arelle:duplicateFacts" in err and "dimerror" not in err
    assert out.splitlines()[-1] == "3 file(s): 1 inconsistency(s), 2 warning(s)"
    assert f"{folder / 'valid.xml'}: valid, no findings" in out


def test_json_format_and_alias(folder: Path) -> None:
    code, out, _ = run(str(folder), "--format", "json", "--fail-on", "warning")
    data = json.loads(out)
    assert code == 1 and data["exit_status"] == 1 and data["fail_on"] == "warning"
    by_path = {Path(f["path"]).name: f for f in data["files"]}
    assert by_path["calcerror.xml"]["findings"] == {"error": 0, "inconsistency": 1, "warning": 0, "info": 0}
    assert by_path["duplicate.xml"]["exit_status"] == 1 and by_path["valid.xml"]["exit_status"] == 0
    assert [d["code"] for d in by_path["calcerror.xml"]["diagnostics"]] == [C11R]
    assert len(data["diagnostics"]) == 3
    assert json.loads(run(str(folder), "--json", "--fail-on", "warning")[1]) == data


def test_junit_format(tmp_path: Path) -> None:
    names = ("valid.xml", "calcerror.xml", "duplicate.xml", "dimerror.xml", "garbage.xml")
    code, out, _ = run(*(str(DATA / n) for n in names), "--format", "junit")
    assert code == 2
    root = etree.fromstring(out.encode())
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "2", "1")
    suites = root.findall("testsuite")
    assert [Path(s.get("name")).name for s in suites] == list(names)
    for suite in suites:
        (case,) = suite.findall("testcase")
        assert case.get("name") == suite.get("name") == case.get("file")
        assert case.get("classname") == "xbrlify.validate"
    valid, calc, dup, dim, garbage = (s.find("testcase") for s in suites)
    assert list(valid) == []
    (failure,) = calc.findall("failure")
    assert failure.get("type") == C11R and "calcerror.xml:" in failure.text
    assert dup.findall("failure") == [] and "arelle:duplicateFacts" in dup.find("system-out").text
    assert len(dim.findall("failure")) == 5
    assert {f.get("type") for f in dim.findall("failure")} == {
        "xbrldie:PrimaryItemDimensionallyInvalidError", "xbrldie:ExplicitMemberUndefinedQNameError",
    }
    (error,) = garbage.findall("error")
    assert error.get("type") == "validate.not-xbrl"
    assert [s.get("failures") for s in suites] == ["0", "1", "0", "1", "0"]


def test_junit_with_fail_on_warning_and_junit_file(tmp_path: Path) -> None:
    target = tmp_path / "results" / "junit.xml"
    code, out, _ = run(str(DATA / "duplicate.xml"), "--fail-on", "warning", "--junit", str(target))
    assert code == 1 and "1 file(s): 2 warning(s)" in out  # text on stdout, JUnit in the file
    case = etree.parse(str(target)).find("testsuite/testcase")
    assert [f.get("type") for f in case.findall("failure")] == ["arelle:duplicateFacts", "validate.calc.stopped-by-duplicate"]


def test_github_format_points_at_instance_lines() -> None:
    code, out, _ = run(str(DATA / "calcerror.xml"), str(DATA / "duplicate.xml"), "--format", "github")
    assert code == 1
    lines = out.splitlines()
    calc_line = line_of(DATA / "calcerror.xml", 'id="f-rev-c"')
    assert lines[0].startswith(
        f"::error file={DATA / 'calcerror.xml'},line={calc_line},title=calc11e%3AinconsistentCalculationUsingRounding::"
        "inconsistency: Calculation inconsistent from earn:Revenues"
    )
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(warnings) == 2 and all(f"file={DATA / 'duplicate.xml'},line=" in w for w in warnings)
    assert lines[-1] == "2 file(s): 1 inconsistency(s), 2 warning(s)"
    assert len(lines) == 4


def test_github_annotations_also_point_at_the_release() -> None:
    finding = Diagnostic(
        code="calc11e:x", severity=Severity.INCONSISTENCY, message="50% off,\nreally",
        spans=(SourceSpan(path="rel,1.txt", line=12, col=5), SourceSpan(path="rel,1.txt", line=20)),
        file="out/a.xml", file_line=7,
    )
    assert github_lines(finding, "ignored") == [
        "::error file=out/a.xml,line=7,title=calc11e%3Ax::inconsistency: 50%25 off,%0Areally",
        ("::error file=rel%2C1.txt,line=12,col=5,title=calc11e%3Ax::inconsistency: 50%25 off,%0Areally"
         " (also rel,1.txt:20)"),
    ]
    assert github_lines(finding, "x", FailOn.ERROR)[0].startswith("::warning ")
    bare = Diagnostic(code="input.empty", severity=Severity.ERROR, message="empty")
    assert github_lines(bare, "release.txt") == ["::error file=release.txt,title=input.empty::error: empty"]
    info = Diagnostic(code="i", severity=Severity.INFO, message="m", file="a.xml")
    out = render_github([FileFindings(path="a.xml", diagnostics=(info,))])
    assert out == "::notice file=a.xml,title=i::info: m\n1 file(s): valid, no findings\n"


# --- other tools' XBRL: inline, xBRL-JSON, report packages, the shared example ---------------------


def test_inline_json_and_report_package(tmp_path: Path) -> None:
    for name in ("valid.xml", "calcerror.xml", "inline.htm", *TAXONOMY):
        shutil.copy(DATA / name, tmp_path / name)
    assert save_oim(tmp_path / "calcerror.xml", tmp_path / "calcerror.json") == ()
    files = {n: (DATA / n).read_bytes() for n in TAXONOMY}
    files["valid.xbrl"] = (DATA / "valid.xml").read_bytes()
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "valid.xbr").write_bytes(report_package(files, name="valid", inline=False, include_base=False))
    code, out, _ = run(str(tmp_path), "--format", "json")
    data = json.loads(out)
    found = {Path(f["path"]).relative_to(tmp_path).as_posix(): [d["code"] for d in f["diagnostics"]] for f in data["files"]}
    assert found == {
        "calcerror.json": [C11R], "calcerror.xml": [C11R], "inline.htm": [C11R], "pkg/valid.xbr": [], "valid.xml": [],
    }
    assert code == 1


@pytest.mark.skipif(not EXAMPLE.is_dir(), reason=f"shared Arelle example not found at {EXAMPLE}")
def test_shared_arelle_example_folder() -> None:
    code, out, err = run(str(EXAMPLE), "--calc", "c10")
    assert code == 1
    assert out.splitlines()[-1] == "3 file(s): 2 inconsistency(s)"
    assert err.count("xbrl.5.2.5.2:calcInconsistency") == 2
    assert run(str(EXAMPLE / "earn-2024-valid.xml"), str(EXAMPLE / "earn-2024-ixbrl.htm"), "--calc", "none")[0] == 0


def test_our_own_output_folder(lexington_out: tuple[object, Path]) -> None:
    _, out_dir = lexington_out
    code, out, _ = run(str(out_dir), "--format", "json")
    entries = {Path(e["path"]).name: e for e in json.loads(out)["files"]}
    assert {"lpc-20041231.xml", "lpc-20041231.htm"} <= set(entries)  # instance and inline (+ report packages)
    entry = entries["lpc-20041231.xml"]
    assert code == 1 and C11R in [d["code"] for d in entry["diagnostics"]]
