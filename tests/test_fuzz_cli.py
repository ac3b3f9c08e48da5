"""Hostile input on the command line: every class of bad release exits 0, 1 or 2, never with a traceback.

Refused releases (exit 2) print one located line and write nothing; the others convert.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import diagnostics as dx
from converter.cli.commands import main
from converter.readers.decode import MAX_BYTES
from tests.support.hostile import hostile_html, text_release
from tests.support.paths import ROOT


def _nested() -> bytes:
    return ("<html><body>" + "<div>" * 10_000 + "<table><tr><td>Net sales</td><td>1</td><td>2</td></tr></table>"
            + "</div>" * 10_000 + "</body></html>").encode()


def _rows() -> bytes:
    return text_release() + "".join(f"    Widget line {i:<30}{i:>10,}  {i:>10,}\n" for i in range(20_000)).encode()


HOSTILE_INPUTS: dict[str, tuple[bytes, int]] = {
    "random-bytes": (bytes(range(256)) * 40, 2),
    "empty": (b"   \n\n", 2),
    "nuls": (b"\x00" * 5000, 2),
    "prose": (b"Dear shareholders,\nwe had a good year.\n", 2),
    "nested-10k": (_nested(), 2),
    "rows-20k": (_rows(), 2),
    "truncated-html": (hostile_html(Path("/nonexistent")).split("<tr><td>Cost")[0].encode(), 0),
    "utf-16-html": (hostile_html(Path("/nonexistent")).split("\n", 6)[-1].encode("utf-16"), 0),
    "utf-16-text": (text_release().decode().encode("utf-16"), 0),
    "xxe": (hostile_html(Path("/etc/passwd")).encode(), 0),
    "control-bytes": (text_release().replace(b"Net sales", b"Net\x1b[1m sales\x07"), 0),
}


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("kind", HOSTILE_INPUTS)
def test_the_cli_exits_cleanly_on_every_hostile_input(tmp_path: Path, kind: str) -> None:
    data, status = HOSTILE_INPUTS[kind]
    release = tmp_path / f"{kind}.htm"
    release.write_bytes(data)
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["convert", str(release), "-o", str(out), "--no-validate"])
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    assert "Traceback" not in run.output + run.stderr
    assert run.exit_code == status, run.output
    if status == 2:
        (line,) = [line for line in run.stderr.splitlines() if line.strip()]
        assert str(release) in line and " error input." in line
        assert not out.exists()
    else:
        assert any(out.glob("*.xml")) and any(out.glob("*.htm"))


def test_the_cli_refuses_a_release_over_the_size_limit(tmp_path: Path) -> None:
    release = tmp_path / "big.txt"
    with release.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    run = CliRunner().invoke(main, ["convert", str(release), "-o", str(tmp_path / "out")])
    assert run.exit_code == 2 and dx.INPUT_TOO_LARGE in run.stderr and "Traceback" not in run.output


def test_a_file_name_with_a_newline_still_gives_one_error_line(tmp_path: Path) -> None:
    release = tmp_path / "evil\nname.txt"
    release.write_bytes(b"Dear shareholders,\n")
    run = CliRunner().invoke(main, ["convert", str(release), "-o", str(tmp_path / "out")])
    assert run.exit_code == 2 and len([line for line in run.stderr.splitlines() if line.strip()]) == 1


def test_the_real_command_prints_no_traceback_on_hostile_input(tmp_path: Path) -> None:
    """A real process (not click's runner): stderr is one located line per refused release."""
    names = []
    for kind in ("random-bytes", "nested-10k", "rows-20k"):
        release = tmp_path / f"{kind}.htm"
        release.write_bytes(HOSTILE_INPUTS[kind][0])
        names.append(str(release))
    for name in names:
        run = subprocess.run([sys.executable, "-c", "from converter.cli.commands import main; main()", "convert", name,
                              "-o", str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120, check=False)
        assert run.returncode == 2 and "Traceback" not in run.stdout + run.stderr
        assert run.stderr.count("\n") == 1 and name in run.stderr
