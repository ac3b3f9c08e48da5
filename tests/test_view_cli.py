"""``xbrlify view``: the viewer for an Inline XBRL document or for a release, exit codes, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from converter.cli.commands import main
from converter.model import ConversionResult
from tests.support.paths import LEXINGTON

_INSTANCE = (  # an XBRL instance, but not Inline XBRL and not a release
    '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"'
    ' xmlns:xlink="http://www.w3.org/1999/xlink"><link:schemaRef xlink:type="simple" xlink:href="a.xsd"/>'
    "</xbrli:xbrl>\n"
)
_DATA = re.compile(r'<script type="application/x\.ixbrl-viewer\+json">(.*?)</script>', re.DOTALL)


def view(*args: str) -> tuple[int, str, str]:
    """Run ``xbrlify view ARGS``: exit code, stdout, stderr (any exception but SystemExit fails)."""
    result = CliRunner().invoke(main, ["view", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def viewer_data(page: Path) -> dict[str, Any]:
    """The JSON block the ixbrl-viewer embeds in its page (facts, validation messages)."""
    found = _DATA.search(page.read_text(encoding="utf-8"))
    assert found is not None, f"no viewer data in {page}"
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def files(folder: Path) -> list[str]:
    """The files under ``folder``, as sorted relative POSIX paths."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def assert_offline_viewer(page: Path) -> dict[str, Any]:
    """The page loads its script from beside it (no URL) and holds the Lexington facts."""
    html = page.read_text(encoding="utf-8")
    assert re.findall(r'<script[^>]*\ssrc="([^"]*)"', html) == ["ixbrlviewer.js"]
    assert (page.parent / "ixbrlviewer.js").stat().st_size > 100_000
    data = viewer_data(page)
    facts = data["sourceReports"][0]["targetReports"][0]["facts"]
    plain = {"c", "e", "m", "u", "p"}  # aspects of a fact without dimensions
    q4_net_sales = {f["v"] for f in facts.values()
                    if set(f["a"]) <= plain and (f["a"]["c"], f["a"]["p"]) == ("xfy:Revenues", "2004-10-01/2005-01-01")}
    assert q4_net_sales == {"24392000"}
    return data


def test_view_inline_document_writes_the_viewer_with_its_findings(
    lexington_out: tuple[ConversionResult, Path], tmp_path: Path
) -> None:
    inline = lexington_out[1] / "lpc-20041231.htm"
    out = tmp_path / "view"
    code, stdout, err = view(str(inline), "-o", str(out))
    assert code == 1
    assert files(out) == ["ixbrlviewer.js", "xbrlviewer.html"]
    assert stdout.strip() == f"{inline}: viewer -> {out}/xbrlviewer.html"
    located = rf"^{re.escape(str(inline))}:\d+ inconsistency calc11e:inconsistentCalculationUsingRounding"
    assert re.search(located, err, re.MULTILINE)
    data = assert_offline_viewer(out / "xbrlviewer.html")
    shown = {(m["sev"], m["code"]) for m in data["validation"]}
    assert ("INCONSISTENCY", "calc11e:inconsistentCalculationUsingRounding") in shown


def test_view_inline_document_without_calculation_checks_exits_0(
    lexington_out: tuple[ConversionResult, Path], tmp_path: Path
) -> None:
    inline = lexington_out[1] / "lpc-20041231.htm"
    code, _, err = view(str(inline), "-o", str(tmp_path / "view"), "--calc", "none")
    assert code == 0
    assert "calc11e:" not in err and "arelle:duplicateFacts" in err
    shown = viewer_data(tmp_path / "view" / "xbrlviewer.html")["validation"]
    assert {m["code"] for m in shown} == {"arelle:duplicateFacts"}


def test_view_release_converts_first_and_exits_1_for_its_inconsistency(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, err = view(str(LEXINGTON), "-o", str(out))
    assert code == 1
    assert {"lpc-20041231.htm", "viewer/xbrlviewer.html", "viewer/ixbrlviewer.js"} <= set(files(out))
    assert not (out / "lpc-20041231.xml").exists()  # only the inline document and the viewer besides the taxonomy
    assert stdout.splitlines()[-1] == f"viewer: {out}/viewer/xbrlviewer.html"
    assert f"{LEXINGTON}:183 [table 1, row 12, column 4] inconsistency map.duplicate.inconsistent" in err
    assert_offline_viewer(out / "viewer" / "xbrlviewer.html")


@pytest.mark.parametrize(("name", "content", "code"), [
    ("prose.txt", "Dear shareholders,\nwe had a good year.\n", "input.no-financial-tables"),
    ("page.htm", "<html><body><p>No tables, no Inline XBRL.</p></body></html>", "input.no-financial-tables"),
    ("instance.xml", _INSTANCE, "input.no-financial-tables"),
    ("missing.htm", None, "input.missing"),
    ("folder", "", "input.unreadable"),
])
def test_input_neither_inline_nor_release_is_one_located_line_and_exit_2(
    tmp_path: Path, name: str, content: str | None, code: str
) -> None:
    source = tmp_path / name
    if name == "folder":
        source.mkdir()
    elif content is not None:
        source.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    exit_code, stdout, err = view(str(source), "-o", str(out))
    assert exit_code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"{source} error {code}:")
    assert "Traceback" not in stdout + err
    assert not out.exists()


def test_viewer_into_the_document_folder_is_refused(
    lexington_out: tuple[ConversionResult, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "doc"
    folder.mkdir()
    inline = folder / "lpc-20041231.htm"
    original = (lexington_out[1] / "lpc-20041231.htm").read_bytes()
    inline.write_bytes(original)
    exit_code, stdout, err = view(str(inline), "-o", str(folder))
    assert exit_code == 2
    assert [line.split(": ", 1)[0] for line in err.splitlines()] == [f"{folder} error output.write-failed"]
    assert stdout.strip() == f"{inline}: no viewer written"
    assert inline.read_bytes() == original and files(folder) == ["lpc-20041231.htm"]
