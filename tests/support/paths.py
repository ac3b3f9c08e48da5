"""Where the repository, the bundled example, the data fixtures and the corpus are."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = Path(os.environ.get("XBRLIFY_CORPUS") or ROOT.parent / "shared" / "corpus")  # a worktree elsewhere: set it
LEXINGTON = ROOT / "examples" / "lexington-2004q4-ex99-1.txt"


def fixture(*parts: str) -> Path:
    """The data fixture ``tests/fixtures/<parts>`` (a file or a folder), which must exist."""
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"no test fixture {path.relative_to(ROOT)}")
    return path
