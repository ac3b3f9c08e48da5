"""Generated inputs at scale: mutations of synthetic releases and of the corpus (tests/support/generated.py).

What must hold for every generated input: no defect (``internal.error``, a traceback), bounded time
and memory, every diagnostic located; what converts is valid XBRL 2.1 / XDT (no Arelle error
but the release's own calculation inconsistencies); the CLI exits 0, 1 or 2, and on 2 prints
located lines naming the file and leaves OUT as it was (a good earlier output untouched); a
batch of generated EDGAR submissions follows the batch rule (exit 2: nothing written); repeated
runs give byte-identical outputs, viewer included.

A CI run takes ~300 inputs (~40 s); ``XBRLIFY_GENERATED_EXAMPLES=N`` runs N (the benchmark machine).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from converter import ConvertOptions, convert, convert_many
from converter.cli.commands import main
from converter.serialize.output_files import OutputFormat
from tests.support.fuzz import TEXT_RELEASE, converted
from tests.support.generated import (
    OWN_CODES,
    SYNTHETIC,
    bounded,
    defects,
    examples,
    inputs,
    rejected,
    submissions,
)
from tests.support.paths import ROOT

XBRL_ONLY = frozenset({OutputFormat.XBRL})
VALIDATED = ConvertOptions(formats=XBRL_ONLY)
UNVALIDATED = ConvertOptions(validate=False, formats=XBRL_ONLY)


def _name(data: bytes) -> str:
    return "generated.htm" if b"<t" in data.lower() else "generated.txt"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good earlier output (a converted release) to put in OUT before a run."""
    out = tmp_path_factory.mktemp("earlier") / "out"
    result = convert(TEXT_RELEASE.encode(), name="earlier.txt", options=UNVALIDATED, out_dir=out)
    assert result.files
    return out


@examples(0.55)
@given(inputs())
def test_a_generated_input_converts_or_is_refused_without_a_defect(made: tuple[str, bytes]) -> None:
    mutations, data = made
    with bounded(mutations):
        result = converted(data, _name(data))  # every diagnostic a located value, no internal.error
    assert defects(result.diagnostics) == [], mutations


@examples(0.2)
@given(inputs())
def test_what_a_generated_input_converts_to_is_valid_xbrl(made: tuple[str, bytes]) -> None:
    mutations, data = made
    with bounded(mutations):
        result = convert(data, name=_name(data), options=VALIDATED)
    assert defects(result.diagnostics) == [], mutations
    assert rejected(result.diagnostics) == [], mutations


_FINDING = re.compile(r" (error|inconsistency|warning|info) (\S+?): ")


@examples(0.05, least=5)
@given(inputs(), st.booleans())
def test_the_cli_on_a_generated_input(earlier: Path, made: tuple[str, bytes], out_exists: bool) -> None:
    mutations, data = made
    with tempfile.TemporaryDirectory() as tmp:
        release, out = Path(tmp) / _name(data), Path(tmp) / "out"
        release.write_bytes(data)
        if out_exists:
            shutil.copytree(earlier, out)
        before = _snapshot(out) if out_exists else None
        with bounded(mutations):
            run = CliRunner().invoke(main, ["convert", str(release), "-o", str(out), "--format", "xbrl"])
        assert run.exception is None or isinstance(run.exception, SystemExit), (mutations, run.exception)
        assert "Traceback" not in run.output + run.stderr and run.exit_code in (0, 1, 2), mutations
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        if run.exit_code == 2:
            assert lines and all(line.startswith(str(release)) for line in lines), (mutations, lines)
            assert (_snapshot(out) == before) if out_exists else not out.exists(), mutations
        else:
            assert run.stdout.startswith(f"{release}: ") and any(out.glob("*.xml")), (mutations, run.stdout)
            errors = [m.group(2) for m in map(_FINDING.search, lines) if m and m.group(1) == "error"]
            assert [c for c in errors if c not in OWN_CODES and not c.startswith("calc")] == [], mutations


@examples(0.1)
@given(submissions())
def test_a_batch_of_a_generated_submission_follows_the_batch_rule(earlier: Path, made: tuple[str, bytes]) -> None:
    mutations, data = made
    with tempfile.TemporaryDirectory() as tmp:
        submission, out = Path(tmp) / "0000950123-07-000001.txt", Path(tmp) / "out"
        submission.write_bytes(data)
        shutil.copytree(earlier, out / "earlier")
        before = _snapshot(out)
        with bounded(mutations):
            batch = convert_many([submission], out, options=UNVALIDATED)
        assert [d for r in batch.releases for d in defects(r.diagnostics)] == [], mutations
        assert batch.exit_status in (0, 1, 2), mutations
        if batch.exit_status == 2:
            assert _snapshot(out) == before, mutations
        else:
            assert (out / "summary.json").is_file() and _snapshot(out / "earlier") == _snapshot(earlier), mutations
            assert all(r.files for r in batch.releases if r.out is not None), mutations


REPEATED = {
    "segments-numbers": SYNTHETIC[3].replace(b"700", b"(1,214").replace(b"DECEMBER 31", b"JUNE 30"),
    "html-columns-truncated": SYNTHETIC[6][: len(SYNTHETIC[6]) * 3 // 4],
    "balance-and-flows": SYNTHETIC[5].replace(b"Accounts payable", b"Net sales"),
}


@pytest.mark.parametrize("kind", REPEATED)
def test_repeated_runs_of_a_generated_input_are_byte_identical_viewer_included(tmp_path: Path, kind: str) -> None:
    """Once here and once in a process of its own (other object addresses, hash seed): same bytes."""
    release, out = tmp_path / f"{kind}.htm", tmp_path / "out"
    release.write_bytes(REPEATED[kind])
    result = convert(release, out_dir=out)
    assert "viewer/xbrlviewer.html" in result.files and rejected(result.diagnostics) == []
    first = _snapshot(out)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "random"}
    run = subprocess.run([sys.executable, "-m", "converter.cli", "convert", str(release), "-o", str(out)],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False)
    assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr
    assert _snapshot(out) == first
