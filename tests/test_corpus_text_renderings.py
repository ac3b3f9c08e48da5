"""Corpus HTML releases printed as text (``w3m -dump``, ``links -dump``, ``elinks -dump``) read as
well as the HTML itself.

Text renderers of HTML print tables with figures left-aligned or centred in their columns,
``$`` and parentheses apart from the figure and long header spans; links prints Windows-1252
dashes as C1 controls, elinks no-break spaces between words and image file names. Each corpus
HTML release with an expected-facts file is rendered at test time (never committed): by w3m 200
and 80 columns wide, by links and elinks 200 wide; converted as a text release and held to the
same expected facts as the HTML original.

Runs where the renderer and ../shared/corpus are present (CI installs them); skips with a reason
elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from converter.model import InputFormat, Severity
from converter.pipeline import ConvertOptions, convert
from converter.validation.validate import load_facts
from tests.support.corpus import FACT_FILES, NOT_YET_FOUND
from tests.support.facts_csv import derived_input_faults, read_expected
from tests.support.paths import CORPUS

WIDE = 200  # columns: wide enough that no corpus table wraps its labels
NARROW = 80  # a terminal's: labels and headings wrap word by word, split cells spill their ")"
RENDERINGS = (("w3m", WIDE), ("w3m", NARROW), ("links", WIDE), ("elinks", WIDE))
RENDERED = sorted(n for n in FACT_FILES if (CORPUS / f"{n}.htm").is_file()) if CORPUS.is_dir() else []
# Renderings that fail for reasons outside the text reader, each removed in the commit that fixes it.
NOT_YET_READ = {
    **{name: f"as for the HTML original: {why}" for name, why in NOT_YET_FOUND.items()},
    "caterpillar-2022q1-ex99-1": "every listed fact is found, but five consolidating cash-flow facts printed as 1,000 "
                                 "(millions) count as misscaled against listed figures of 1 (million) by this check's "
                                 "power-of-ten test, as the HTML original's do",
}


def _marked(names: list[str]) -> list[object]:
    return [pytest.param(n, renderer, width, marks=pytest.mark.xfail(reason=NOT_YET_READ[n], strict=True))
            if n in NOT_YET_READ else pytest.param(n, renderer, width) for renderer, width in RENDERINGS for n in names]


def _dump(renderer: str, width: int, page: Path) -> list[str]:
    """The arguments that make ``renderer`` print ``page`` as text ``width`` columns wide."""
    return {
        "w3m": ["-dump", "-cols", str(width), "-T", "text/html"],
        "links": ["-dump", "-width", str(width)],
        "elinks": ["-dump", "-dump-width", str(width), "-no-references", "-no-numbering"],
    }[renderer] + [str(page)]


@pytest.mark.parametrize(("name", "renderer", "width"), _marked(RENDERED))
def test_a_text_rendering_of_an_html_release_yields_its_listed_facts(name: str, renderer: str, width: int,
                                                                     corpus: Path, tmp_path: Path) -> None:
    program = shutil.which(renderer)
    if program is None:
        pytest.skip(f"{renderer} is not installed (.ci/run installs it where it can)")
    rendering = tmp_path / f"{name}.txt"
    dump = subprocess.run([program, *_dump(renderer, width, corpus / f"{name}.htm")],
                          capture_output=True, check=True, timeout=120,
                          env={**os.environ, "HOME": str(tmp_path)})  # links and elinks keep their state in HOME
    rendering.write_bytes(dump.stdout)
    result = convert(rendering, out_dir=tmp_path / "out", options=ConvertOptions())
    assert result.report is not None and result.document is not None
    assert result.document.format is InputFormat.TEXT
    assert [d.render() for d in result.diagnostics if d.severity is Severity.ERROR] == []
    facts = load_facts(tmp_path / "out" / f"{result.report.taxonomy.name}.xml")
    assert derived_input_faults(read_expected(FACT_FILES[name]), facts) == []
