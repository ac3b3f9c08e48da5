"""Batches that restart: the manifest, up-to-date releases, --force, and a batch killed halfway."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from converter import __version__
from converter.cli import manifest
from converter.cli.commands import main
from converter.serialize.output_files import recover_staged
from tests.support.batches import releases, tree
from tests.support.paths import LEXINGTON, ROOT

FAST = ("--no-validate", "--format", "xbrl")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout






def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.parent != folder}


def test_a_second_run_converts_nothing_and_says_so(tmp_path: Path) -> None:
    inputs = [str(p) for p in releases(tmp_path / "in", 2)]
    out = tmp_path / "out"
    first_code, _ = run("convert", *inputs, "-o", str(out), *FAST)
    before, first = mtimes(out), json.loads((out / "summary.json").read_text())
    code, stdout = run("convert", *inputs, "-o", str(out), *FAST)
    assert code == first_code and "2 up to date (not converted again)" in stdout.splitlines()[-1]
    assert mtimes(out) == before  # not one file rewritten
    summary = json.loads((out / "summary.json").read_text())
    assert summary["totals"]["up_to_date"] == 2 and all(e["up_to_date"] for e in summary["releases"])
    strip = ("seconds", "up_to_date")
    assert [{k: v for k, v in e.items() if k not in strip} for e in summary["releases"]] == [
        {k: v for k, v in e.items() if k not in strip} for e in first["releases"]]
    stored = json.loads((out / "manifest.json").read_text())["releases"]
    assert [(e["name"], e["xbrlify"], e["options"]["formats"]) for e in stored] == [
        ("r0", __version__, ["xbrl"]), ("r1", __version__, ["xbrl"])]
    assert all(len(e["input_sha256"]) == 64 and e["outcome"]["exit_status"] == 0 for e in stored)


def test_only_what_changed_is_converted_again_and_force_converts_all(tmp_path: Path) -> None:
    paths = releases(tmp_path / "in", 3)
    inputs = [str(p) for p in paths]
    out = tmp_path / "out"
    run("convert", *inputs, "-o", str(out), *FAST)
    paths[1].write_text(paths[1].read_text().replace("1,001", "1,101"))
    _, stdout = run("convert", *inputs, "-o", str(out), *FAST, "--json")
    assert [e["up_to_date"] for e in json.loads(stdout)["releases"]] == [True, False, True]
    _, stdout = run("convert", *inputs, "-o", str(out), "--no-validate", "--format", "xbrl,ixbrl", "--json")
    assert not any(e["up_to_date"] for e in json.loads(stdout)["releases"])  # other options: all again
    _, stdout = run("convert", *inputs, "-o", str(out), "--no-validate", "--format", "xbrl,ixbrl", "--json", "--force")
    assert not any(e["up_to_date"] for e in json.loads(stdout)["releases"])
    _, stdout = run("convert", *inputs, "-o", str(out), "--no-validate", "--format", "xbrl,ixbrl", "--json")
    assert all(e["up_to_date"] for e in json.loads(stdout)["releases"])
    (out / "r2").rename(tmp_path / "r2-gone")  # a folder removed by hand is made again
    _, stdout = run("convert", *inputs, "-o", str(out), "--no-validate", "--format", "xbrl,ixbrl", "--json")
    assert [e["up_to_date"] for e in json.loads(stdout)["releases"]] == [True, True, False]


def test_a_batch_killed_halfway_ends_like_an_uninterrupted_one(tmp_path: Path) -> None:
    inputs = [str(LEXINGTON), *map(str, releases(tmp_path / "in", 5))]
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    command = [sys.executable, "-m", "converter.cli", "convert", *inputs, "--format", "xbrl,ixbrl", "-q"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([*command, "-o", str(whole)], env=env, check=False, capture_output=True, timeout=600)
    batch = subprocess.Popen([*command, "-o", str(resumed)], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    journal = resumed / manifest.JOURNAL_NAME
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and batch.poll() is None:
        if journal.is_file() and journal.read_text().count("\n") >= 2:
            break
        time.sleep(0.05)
    batch.send_signal(signal.SIGKILL)
    batch.wait()
    finished = journal.read_text().count("\n")
    assert 2 <= finished < len(inputs) and not (resumed / "summary.json").exists()
    code = subprocess.run([*command, "-o", str(resumed)], env=env, check=False, capture_output=True, timeout=600)
    summary = json.loads((resumed / "summary.json").read_text())
    assert summary["totals"]["up_to_date"] == finished and code.returncode == summary["exit_status"]
    assert tree(resumed) == tree(whole)
    assert not journal.exists() and not any(p.name.startswith(".") for p in resumed.iterdir())


def test_what_a_killed_writer_left_is_tidied(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".a.old-123").mkdir(parents=True)  # moved aside, never replaced: put back
    (out / ".a.old-123" / "a.xml").write_text("good")
    (out / ".b.tmp-x1y2").mkdir()  # half-written: removed
    (out / "c").mkdir()
    (out / ".c.old-9").mkdir()  # replaced already: the old copy goes
    (out / ".summary.json.tmp-77").write_text("{")
    recover_staged(out)
    assert sorted(p.name for p in out.iterdir()) == ["a", "c"] and (out / "a" / "a.xml").read_text() == "good"


def test_a_journal_line_cut_short_by_a_kill_is_ignored(tmp_path: Path) -> None:
    entry = manifest.Entry(name="r0", release="in/r0.txt", digest="0" * 64, options={"calc": "c11r"},
                           version=__version__, outcome={"exit_status": 0})
    journal = manifest.Journal(tmp_path)
    journal.add(entry)
    journal.close()
    with (tmp_path / manifest.JOURNAL_NAME).open("a") as handle:
        handle.write(json.dumps(entry.to_json()).replace("r0", "r1")[:40])
    assert list(manifest.load(tmp_path)) == ["r0"]
    manifest.save(tmp_path, manifest.load(tmp_path).values())
    assert not (tmp_path / manifest.JOURNAL_NAME).exists() and list(manifest.load(tmp_path)) == ["r0"]


def test_an_entry_matches_only_the_same_input_options_and_version() -> None:
    def entry(version: str = __version__) -> manifest.Entry:
        return manifest.Entry(name="r", release="a.txt", digest="d", options={"calc": "c11r"}, version=version,
                              outcome={})

    assert entry().matches("a.txt", "d", {"calc": "c11r"})
    assert not entry().matches("b.txt", "d", {"calc": "c11r"})
    assert not entry().matches("a.txt", "e", {"calc": "c11r"})
    assert not entry().matches("a.txt", "d", {"calc": "c10"})
    assert not entry("0.0.1").matches("a.txt", "d", {"calc": "c11r"})
