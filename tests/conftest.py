"""Shared fixtures: the bundled example converted once per session, the corpus location."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from converter.model import ConversionResult
from converter.pipeline import ConvertOptions, convert

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("XBRLIFY_CORPUS") or ROOT.parent / "shared" / "corpus")  # a worktree elsewhere: set it
LEXINGTON = ROOT / "examples" / "lexington-2004q4-ex99-1.txt"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The development corpus (../shared/corpus); tests using it skip where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (it sits beside the repository in CI)")
    return CORPUS


@pytest.fixture(scope="session")
def lexington_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[ConversionResult, Path]:
    """The Lexington example converted and validated into a temporary folder."""
    out = tmp_path_factory.mktemp("lexington") / "out"
    return convert(LEXINGTON, out_dir=out, options=ConvertOptions()), out
