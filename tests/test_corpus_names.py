"""Extension concept names of every corpus release say what the line item is (issue 8).

No name carries a figure of three or more digits, a word sequence written twice or a word in
capitals. Runs where ../shared/corpus is present; skips elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from converter.model import ConceptRole
from converter.pipeline import ConvertOptions, convert
from tests.support.paths import CORPUS

RELEASES = sorted(p.name for p in CORPUS.glob("*") if p.suffix in {".txt", ".htm"}) if CORPUS.is_dir() else []
_FIGURE = re.compile(r"\d{3,}")
_ACRONYMS = re.compile(r"GAAP|EBITDA|EBIT|EPS")  # may stand side by side ("NetIncomeAndDilutedEPSGAAP")
_CAPITALS = re.compile(r"[A-Z]{5,}(?![a-z])|[A-Z]{6,}")  # five capitals or more (a run's last one may start a word)


def shouted(name: str) -> bool:
    """Whether a name holds a word in capitals (other than a few acronyms)."""
    return bool(_CAPITALS.search(_ACRONYMS.sub("_", name)))


def doubled(name: str) -> bool:
    """Whether a CamelCase name repeats a sequence of two or more words right after itself."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+", name)
    return any(
        words[i:i + n] == words[i + n:i + 2 * n]
        for n in range(2, len(words) // 2 + 1) for i in range(len(words) - 2 * n + 1)
    )


def test_shouted_detects_capitals_but_not_acronyms() -> None:
    assert shouted("TOTALLIABILITIESANDEQUITY") and shouted("OTHERINCOMENet") and shouted("SALESNet")
    assert not shouted("NonGAAPEBITDA") and not shouted("EAME") and not shouted("DeferredESOPExpense")


def test_doubled_detects_a_repeated_sequence() -> None:
    assert doubled("NetIncomeAvailableToCommonNetIncomeAvailableToCommon")
    assert not doubled("CashCashEquivalentsAndRestrictedCash")


@pytest.mark.parametrize("name", RELEASES)
def test_extension_names_have_no_figures_doubled_words_or_capitals(name: str, corpus: Path) -> None:
    result = convert(corpus / name, options=ConvertOptions(validate=False))
    assert result.report is not None
    taxonomy = result.report.taxonomy
    names = [c.qname.local for c in taxonomy.concepts
             if c.qname.namespace == taxonomy.namespace and c.role in {ConceptRole.ITEM, ConceptRole.ABSTRACT}]
    bad = [n for n in names if _FIGURE.search(n) or shouted(n) or doubled(n)]
    assert bad == []
