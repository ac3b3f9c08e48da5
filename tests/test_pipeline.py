"""The pipeline's edge: every outcome is a result with diagnostics, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import pipeline
from converter.cli.commands import main
from converter.pipeline import ConvertOptions, convert
from tests.support.paths import LEXINGTON


def test_a_defect_of_xbrlify_is_a_located_error_not_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(pipeline, "map_report", broken)
    result = convert(LEXINGTON, options=ConvertOptions(validate=False))
    assert result.report is None
    (diag,) = result.diagnostics
    assert diag.code == "internal.error" and "ZeroDivisionError: boom" in diag.message
    assert diag.spans[0].path == str(LEXINGTON)
    run = CliRunner().invoke(main, ["convert", str(LEXINGTON), "-o", str(tmp_path / "out")])
    assert run.exit_code == 2 and "Traceback" not in run.output and "internal.error" in run.output
    assert not (tmp_path / "out").exists()


def test_bytes_and_paths_convert_alike() -> None:
    by_path = convert(LEXINGTON, options=ConvertOptions(validate=False))
    by_bytes = convert(LEXINGTON.read_bytes(), name=str(LEXINGTON), options=ConvertOptions(validate=False))
    assert by_path.report == by_bytes.report
