"""Corpus: the primary statements' facts on base concepts, and the US-GAAP elements they suggest.

``fixtures/primary_statements.csv`` lists each corpus release's own income statement, balance sheet
and cash-flow statement (releases that print none, such as data sheets and earnings analyses,
are not listed); ``fixtures/usgaap_suggestions.csv`` holds the US-GAAP element suggested for every
row of those statements of eight releases, checked by hand (an empty element says that none fits
with certainty: a narrower or company-specific line item, or one whose sign is the opposite of
the element's), with a note where there is none.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from taxonomy import ns
from tests.support.corpus_conversions import converted
from tests.support.paths import fixture

PRIMARY = {r["release"]: {int(t) for t in r["tables"].split()}
           for r in csv.DictReader(fixture("primary_statements.csv").open(encoding="utf-8"))}
SUGGESTIONS = list(csv.DictReader(fixture("usgaap_suggestions.csv").open(encoding="utf-8")))
SHARE = 0.8  # of the primary statements' facts, at least, on base concepts
SHORT: dict[str, str] = {}  # releases below SHARE, and why


def _release(stem: str) -> str:
    return next(name for name in PRIMARY if name.rsplit(".", 1)[0] == stem)


def _primary(name: str, table: int, part: int) -> bool:
    return table in PRIMARY[name] and (part == 1 or name.startswith("apple"))  # Apple's cash-flow supplement is part 2


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=SHORT[n])) if n in SHORT
                                  else n for n in sorted(PRIMARY)])
def test_primary_statement_facts_are_mostly_on_base_concepts(corpus: Path, name: str) -> None:
    report = converted(name).report
    assert report is not None
    facts = [f for f in report.facts if _primary(name, *f.statement)]
    on_base = [f for f in facts if f.concept.namespace == ns.BASE]
    assert facts and len(on_base) >= SHARE * len(facts), f"{len(on_base)} of {len(facts)} facts on base concepts"


@pytest.mark.parametrize("stem", sorted({r["release"] for r in SUGGESTIONS}))
def test_us_gaap_suggestions_of_the_primary_statements_are_the_checked_ones(corpus: Path, stem: str) -> None:
    name = _release(stem)
    report = converted(name).report
    assert report is not None
    found = {(m.table, m.row): str(m.us_gaap) if m.us_gaap else "" for m in report.mapping
             if not m.member and _primary(name, m.table, m.part)}
    expected = {(int(r["table"]), int(r["row"])): r["us_gaap"] for r in SUGGESTIONS if r["release"] == stem}
    assert found == expected
