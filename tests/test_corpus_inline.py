"""Every corpus release's Inline XBRL document tags its facts where they are printed (issue 8).

Runs where ../shared/corpus is present (CI); skips with a reason elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from converter import diagnostics as dx
from converter.serialize.ixbrl import render_inline
from taxonomy import ns
from tests.support.corpus_conversions import RELEASES, converted

IX = f"{{{ns.IX}}}"


@pytest.mark.parametrize("name", RELEASES)
def test_facts_are_tagged_where_printed(name: str, corpus: Path) -> None:
    result = converted(name)
    assert result.report is not None and result.document is not None
    inline = render_inline(result.report, result.document, "x.xsd")
    root = etree.fromstring(inline.data)
    tags = list(root.iter(f"{IX}nonFraction"))
    hidden = [t for block in root.iter(f"{IX}hidden") for t in block.iter(f"{IX}nonFraction")]
    assert len(tags) == len(result.report.facts) + len(result.report.narrative)  # the prose figures agreeing too
    assert len(hidden) * 100 <= len(tags), [d.render() for d in inline.diagnostics][:10]
    about_facts = [d.code for d in inline.diagnostics if d.code != dx.OUTPUT_REFERENCE_DROPPED]  # images: not facts
    assert about_facts == [dx.OUTPUT_IXBRL_FACT_HIDDEN] * len(hidden)
