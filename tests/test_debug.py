"""A defect keeps its traceback: ``xbrlify --debug`` and ``XBRLIFY_DEBUG=1`` print it, in every command.

Without them a defect stays one located ``internal.error`` (or ``convert.crashed``) line and exit
code 2. Defects are forced by monkeypatching a stage to raise from a nested function, so that a
whole traceback (several frames) can be told from the last frame the one-line message names.
``--debug`` sets ``XBRLIFY_DEBUG`` in the process (that is how batch workers inherit it): each
test that passes it first sets the variable with ``monkeypatch``, which restores it afterwards.
"""

from __future__ import annotations

import inspect
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import pipeline
from converter.cli.batch import Task, convert_task
from converter.cli.commands import main
from converter.defects import DEBUG_ENV, debug_enabled, tracebacks
from converter.pipeline import ConvertOptions, convert
from converter.validation import validate
from converter.validation.arelle_adapter import runner
from tests.support.paths import LEXINGTON, ROOT, fixture

DATA = fixture("validate")
TRACEBACK = "Traceback (most recent call last):"


def _deep_in_a_stage() -> None:
    raise ZeroDivisionError("boom")


def broken_stage(*_args: object, **_kwargs: object) -> None:
    """A stage with a defect one call further down."""
    _deep_in_a_stage()


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def debug_off(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """``XBRLIFY_DEBUG`` off now, and restored after the test (``--debug`` sets it)."""
    monkeypatch.setenv(DEBUG_ENV, "0")
    return monkeypatch


@pytest.mark.parametrize(("value", "on"), [("", False), ("0", False), ("false", False), ("Off", False),
                                           ("1", True), ("yes", True), ("true", True)])
def test_debug_variable(monkeypatch: pytest.MonkeyPatch, value: str, on: bool) -> None:
    monkeypatch.setenv(DEBUG_ENV, value)
    assert debug_enabled() is on


def test_without_debug_a_defect_is_one_located_line(debug_off: pytest.MonkeyPatch, tmp_path: Path) -> None:
    debug_off.setattr(pipeline, "map_report", broken_stage)
    result = convert(LEXINGTON, options=ConvertOptions(validate=False))
    assert [d.code for d in result.diagnostics] == ["internal.error"] and tracebacks(result.diagnostics) == []
    assert "ZeroDivisionError: boom at test_debug.py:" in result.diagnostics[0].message
    code, out, err = invoke("convert", str(LEXINGTON), "-o", str(tmp_path / "out"))
    assert code == 2 and TRACEBACK not in out + err
    assert [line for line in err.splitlines() if line] == [result.diagnostics[0].render()]


def test_debug_option_prints_the_whole_traceback_of_a_convert_defect(debug_off: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    debug_off.setattr(pipeline, "map_report", broken_stage)
    code, out, err = invoke("--debug", "convert", str(LEXINGTON), "-o", str(tmp_path / "out"), "--json")
    assert code == 2 and err.startswith(TRACEBACK)  # the JSON findings on stdout, the traceback on stderr
    trace = err[err.index(TRACEBACK):]
    assert "in _convert_document" in trace and "in broken_stage" in trace and "in _deep_in_a_stage" in trace
    assert trace.rstrip().endswith("ZeroDivisionError: boom")
    (diag,) = json.loads(out)["diagnostics"]
    assert diag["code"] == "internal.error" and diag["data"]["traceback"] == trace  # in the JSON findings too


def test_debug_variable_prints_the_traceback_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DEBUG_ENV, "1")
    monkeypatch.setattr(pipeline, "map_report", broken_stage)
    code, _, err = invoke("convert", str(LEXINGTON), "-o", str(tmp_path / "out"))
    assert code == 2 and "internal.error" in err.splitlines()[0]
    assert TRACEBACK in err and "in _deep_in_a_stage" in err


def test_a_crash_outside_the_pipeline_keeps_its_traceback_only_when_debugging(monkeypatch: pytest.MonkeyPatch,
                                                                              tmp_path: Path) -> None:
    beyond = Task(path=str(LEXINGTON), source=str(LEXINGTON), outs=((5, tmp_path / "lex"),),
                  options=ConvertOptions(validate=False))
    monkeypatch.setenv(DEBUG_ENV, "0")
    (quiet,) = convert_task(beyond)
    assert [d.code for d in quiet.diagnostics] == ["convert.crashed"] and tracebacks(quiet.diagnostics) == []
    monkeypatch.setenv(DEBUG_ENV, "1")
    (outcome,) = convert_task(beyond)
    (trace,) = tracebacks(outcome.diagnostics)
    assert trace.startswith(TRACEBACK) and "in convert_task" in trace and "IndexError" in trace
    assert pickle.loads(pickle.dumps(outcome)) == outcome  # it travels back from a worker process


def test_validate_reports_a_defect_on_one_file_and_goes_on(debug_off: pytest.MonkeyPatch) -> None:
    real = validate.validate

    def fails_on_calcerror(paths: list[Path], **options: object) -> object:
        if "calcerror" in str(paths[0]):
            broken_stage()
        return real(paths, **options)  # type: ignore[arg-type]

    debug_off.setattr(validate, "validate", fails_on_calcerror)
    args = ("validate", str(DATA / "calcerror.xml"), str(DATA / "valid.xml"), "--json")
    code, out, err = invoke(*args)
    files = {Path(f["path"]).name: [d["code"] for d in f["diagnostics"]] for f in json.loads(out)["files"]}
    assert code == 2 and files == {"calcerror.xml": ["internal.error"], "valid.xml": []}
    assert TRACEBACK not in err
    code, _, err = invoke("--debug", *args)
    assert code == 2 and TRACEBACK in err and "in fails_on_calcerror" in err and "in _deep_in_a_stage" in err


def test_view_of_a_release_prints_the_traceback_with_debug(debug_off: pytest.MonkeyPatch, tmp_path: Path) -> None:
    debug_off.setattr(pipeline, "map_report", broken_stage)
    code, _, err = invoke("view", str(LEXINGTON), "-o", str(tmp_path / "plain"))
    assert code == 2 and "internal.error" in err and TRACEBACK not in err
    code, _, err = invoke("--debug", "view", str(LEXINGTON), "-o", str(tmp_path / "debug"))
    assert code == 2 and TRACEBACK in err and "in _deep_in_a_stage" in err


def test_a_defect_escaping_a_command_is_one_line_or_the_whole_traceback(debug_off: pytest.MonkeyPatch,
                                                                       tmp_path: Path) -> None:
    debug_off.setattr(validate, "save_viewer", broken_stage)
    code, out, err = invoke("view", str(DATA / "inline.htm"), "-o", str(tmp_path / "plain"))
    assert code == 2 and TRACEBACK not in out + err
    assert err.splitlines() == [
        f"error internal.error: xbrlify view failed (ZeroDivisionError: boom at test_debug.py:{_line_of_boom()}); "
        "please report it"]
    code, _, err = invoke("--debug", "view", str(DATA / "inline.htm"), "-o", str(tmp_path / "debug"))
    assert code == 2 and err.startswith("error internal.error: xbrlify view failed") and TRACEBACK in err
    assert "in view_command" in err and "in _deep_in_a_stage" in err


def test_arelle_crash_keeps_its_traceback_only_when_debugging(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(_request: object) -> None:
        raise RuntimeError("Arelle fell over")

    monkeypatch.setattr(runner, "_options", crash)
    for value, kept in (("0", 0), ("1", 1)):
        monkeypatch.setenv(DEBUG_ENV, value)
        (found,) = validate.validate([DATA / "valid.xml"])
        assert found.code == "validate.arelle-failed" and len(tracebacks([found])) == kept
    assert "RuntimeError: Arelle fell over" in tracebacks([found])[0]


# A batch in worker processes, run as its own process: the script patches the stage at import, so
# each spawned worker (which imports the script as its main module) has the same defect.
WORKER_SCRIPT = """
from converter import pipeline

def _deep_in_a_worker(*args, **kwargs):
    raise ZeroDivisionError("boom in a worker")

def broken_stage(*args, **kwargs):
    _deep_in_a_worker()

pipeline.map_report = broken_stage

if __name__ == "__main__":
    from converter.cli.commands import main
    main()
"""


def _batch_in_workers(tmp_path: Path, *options: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    script = tmp_path / "broken_xbrlify.py"
    script.write_text(WORKER_SCRIPT, encoding="utf-8")
    (tmp_path / "in").mkdir(exist_ok=True)
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_bytes(LEXINGTON.read_bytes())
    out = tmp_path / f"out{len(options)}"
    env = {k: v for k, v in os.environ.items() if k != DEBUG_ENV}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    summary = tmp_path / f"summary{len(options)}.json"  # every release crashes: nothing is written into OUT
    args = [sys.executable, str(script), *options, "convert", str(tmp_path / "in"), "-o", str(out), "-j", "2", "-q",
            "--summary", str(summary)]
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=300, check=False), summary


def test_batch_workers_print_the_traceback_with_debug(tmp_path: Path) -> None:
    plain, summary = _batch_in_workers(tmp_path)
    assert plain.returncode == 2 and TRACEBACK not in plain.stderr
    assert json.loads(summary.read_text())["jobs"] == 2 and not (tmp_path / "out0").exists()
    assert [line.split(" error ")[1].split(":")[0] for line in plain.stderr.splitlines()] == ["internal.error"] * 2
    debug, summary = _batch_in_workers(tmp_path, "--debug")
    assert debug.returncode == 2 and debug.stderr.count(TRACEBACK) == 2, debug.stderr
    assert debug.stderr.count("in _deep_in_a_worker") == 2 and "ZeroDivisionError: boom in a worker" in debug.stderr
    assert json.loads(summary.read_text())["jobs"] == 2


def _line_of_boom() -> int:
    return inspect.getsourcelines(_deep_in_a_stage)[1] + 1
