"""A batch's exit status follows what it wrote (see converter.cli.batch).

Some release has outputs: exit 1 at worst, the broken ones reported (their own exit status 2 in
the summary). None has: exit 2 and nothing written (no summary.json, no manifest, no journal,
earlier outputs in OUT untouched, OUT not even made).
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from converter import ConvertOptions, convert_many
from converter.cli.commands import main
from converter.serialize.output_files import OutputFormat
from tests.support import edgar_files
from tests.support.fuzz import TEXT_RELEASE

XBRL_ONLY = ConvertOptions(validate=False, formats=frozenset({OutputFormat.XBRL}))
NO_PERIODS = b"<html><body><table><tr><td>Net sales</td><td>5</td><td>6</td></tr><tr><td>Cost</td><td>5</td><td>6</td></tr></table></body></html>"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _convert(*args: str) -> tuple[int, str, str]:
    run = CliRunner().invoke(main, ["convert", *args, "--no-validate", "--format", "xbrl"])
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    return run.exit_code, run.stdout, run.stderr


def test_a_submission_with_a_good_and_a_broken_exhibit_keeps_the_good_one_and_exits_1(tmp_path: Path) -> None:
    submission = tmp_path / "s.txt"
    submission.write_bytes(edgar_files.submission([("EX-99.1", "a.htm", TEXT_RELEASE.encode()),
                                                   ("EX-99.2", "b.htm", NO_PERIODS)]))
    out = tmp_path / "out"
    (out / "earlier").mkdir(parents=True)
    (out / "earlier" / "kept.xml").write_bytes(b"<xbrl/>")
    code, _, stderr = _convert(str(submission), "-o", str(out))
    assert code == 1 and "map.no-facts" in stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["exit_status"] == 1
    assert [(e["name"], e["exit_status"], e["out"] is not None) for e in summary["releases"]] == [
        ("s-ex-99-1", 0, True), ("s-ex-99-2", 2, False)]
    assert any((out / "s-ex-99-1").glob("*.xml")) and not (out / "s-ex-99-2").exists()
    assert (out / "earlier" / "kept.xml").read_bytes() == b"<xbrl/>"


def test_a_batch_that_converts_nothing_exits_2_and_leaves_out_as_it_was(tmp_path: Path) -> None:
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text(TEXT_RELEASE)
    out = tmp_path / "out"
    earlier = convert_many([str(tmp_path / "in" / "*.txt")], out, options=XBRL_ONLY)
    assert earlier.exit_status == 0 and (out / "summary.json").is_file() and (out / "manifest.json").is_file()
    before = _snapshot(out)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "b1.htm").write_bytes(NO_PERIODS)
    (broken / "b2.txt").write_bytes(b"\x00" * 3000)
    code, stdout, stderr = _convert(str(broken / "b1.htm"), str(broken / "b2.txt"), "-o", str(out))
    assert code == 2 and str(broken / "b1.htm") in stderr and str(broken / "b2.txt") in stderr
    assert "nothing written" in stdout
    assert _snapshot(out) == before


def test_a_batch_that_converts_nothing_does_not_make_out(tmp_path: Path) -> None:
    broken = tmp_path / "b.htm"
    broken.write_bytes(NO_PERIODS)
    batch = convert_many([broken, tmp_path / "none-*.txt"], tmp_path / "out", options=XBRL_ONLY)
    assert batch.exit_status == 2 and not batch.wrote
    assert not (tmp_path / "out").exists()


def test_a_failed_release_beside_an_up_to_date_one_is_exit_1(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT_RELEASE)
    out = tmp_path / "out"
    assert convert_many([good, tmp_path / "none-*.txt"], out, options=XBRL_ONLY).exit_status == 1
    again = convert_many([good, tmp_path / "none-*.txt"], out, options=XBRL_ONLY)
    assert [r.up_to_date for r in again.releases if r.out] == [True] and again.exit_status == 1
