"""Corpus HTML releases without their styles read as well as with them.

Indentation, alignment and widths come from ``style``, ``class`` and the old layout attributes;
a release written without them (older generators, e-mail copies, hand-edited exhibits) prints
its rows flush left. Each corpus HTML release with an expected-facts file is stripped of those
attributes at test time (never committed), converted and held to the same expected facts:
breakdowns must be found from headings, totals and figures alone.

Runs where ../shared/corpus is present; skips with a reason elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from converter.model import InputFormat, Severity
from converter.pipeline import ConvertOptions, convert
from converter.validation.validate import load_facts
from tests.support.corpus import FACT_FILES, NOT_YET_FOUND
from tests.support.facts_csv import derived_input_faults, read_expected
from tests.support.paths import CORPUS

LAYOUT = ("style", "class", "align", "valign", "width", "height", "bgcolor", "cellpadding", "cellspacing", "border")
RELEASES = sorted(n for n in FACT_FILES if (CORPUS / f"{n}.htm").is_file()) if CORPUS.is_dir() else []
NOT_YET_READ = {
    **{name: f"as for the HTML original: {why}" for name, why in NOT_YET_FOUND.items()},
    "caterpillar-2022q1-ex99-1": "every listed fact is found, but five consolidating cash-flow facts printed as 1,000 "
                                 "(millions) count as misscaled against listed figures of 1 (million) by the power-of-ten "
                                 "test, as the original's do",
}


def plain(html: bytes) -> bytes:
    """``html`` without the attributes that lay it out."""
    root = lxml.html.document_fromstring(html)
    for element in root.iter():
        for name in LAYOUT:
            element.attrib.pop(name, None)
    out: bytes = lxml.html.tostring(root, encoding="utf-8")
    return out


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(reason=NOT_YET_READ[n], strict=True))
                                  if n in NOT_YET_READ else n for n in RELEASES])
def test_an_html_release_without_its_styles_yields_its_listed_facts(name: str, corpus: Path, tmp_path: Path) -> None:
    source = tmp_path / f"{name}.htm"
    source.write_bytes(plain((corpus / f"{name}.htm").read_bytes()))
    result = convert(source, out_dir=tmp_path / "out", options=ConvertOptions(validate=False))
    assert result.report is not None and result.document is not None
    assert result.document.format is InputFormat.HTML
    assert [d.render() for d in result.diagnostics if d.severity is Severity.ERROR] == []
    facts = load_facts(tmp_path / "out" / f"{result.report.taxonomy.name}.xml")
    assert derived_input_faults(read_expected(FACT_FILES[name]), facts) == []
