"""The committed output in examples/ is what xbrlify makes of the bundled example today.

Regenerate with ``XBRLIFY_REGEN=1 python -m pytest tests/test_examples.py`` (the run then fails
on purpose, so the variable is never left on in CI).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from converter.pipeline import ConvertOptions, convert
from tests.support.paths import LEXINGTON

EXPECTED = LEXINGTON.with_suffix("")  # examples/lexington-2004q4-ex99-1/


def test_committed_example_output_is_fresh(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = convert(LEXINGTON, out_dir=out, options=ConvertOptions(validate=False))
    made = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert made and result.files
    if os.environ.get("XBRLIFY_REGEN"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        shutil.copytree(out, EXPECTED)
        pytest.fail(f"regenerated {EXPECTED}; unset XBRLIFY_REGEN and commit it")
    committed = {p.relative_to(EXPECTED).as_posix(): p.read_bytes() for p in sorted(EXPECTED.rglob("*")) if p.is_file()}
    assert sorted(committed) == sorted(made), "examples/ is stale: regenerate with XBRLIFY_REGEN=1"
    stale = [name for name in made if committed[name] != made[name]]
    assert not stale, f"examples/ is stale ({stale}): regenerate with XBRLIFY_REGEN=1"
