"""One taxonomy per company over time (``--taxonomy-dir``) on the corpus: Apple 2004, 2011 and 2024,
Oracle 2014 and 2022, Southern Company 2004 and 2006 (two exhibits of each year).

Each company's releases, converted in order into one taxonomy directory, share one namespace and
one set of member QNames; line items whose labels drifted keep their concept; the taxonomy only
grows, and the first release's output still validates against the taxonomy the last one left.
Runs where ../shared/corpus is present; skips elsewhere.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from converter.model import ConversionResult, QName
from converter.pipeline import ConvertOptions, convert
from converter.serialize.output_files import OutputFormat
from converter.validation.paths import validate_paths
from taxonomy import ns
from tests.support.paths import CORPUS

pytestmark = pytest.mark.corpus

COMPANIES = {  # releases in the order they are converted, and the filer's CIK (their names changed)
    "apple": (("apple-2004q3-ex99-1.htm", "apple-2011q1-ex99-1.htm", "apple-2024q1-ex99-1.htm"), "320193"),
    "oracle": (("oracle-2014q4-ex99-1.htm", "oracle-2022q4-ex99-1.htm"), "1341439"),
    "southern": (("southernco-2004q4-ex99-02.txt", "southernco-2004q4-ex99-04.txt",
                  "southernco-2006q4-ex99-02.txt", "southernco-2006q4-ex99-04.txt"), "92122"),
}
DRIFTED = [  # (company, release, label as printed, later release, its label for the same line item)
    ("apple", 1, "Stock-based compensation expense", 2, "Share-based compensation expense"),
    ("apple", 1, "Accumulated other comprehensive income/(loss)", 2, "Accumulated other comprehensive loss"),
    ("apple", 0, "Retained earnings", 2, "Retained earnings/(Accumulated deficit)"),
    ("oracle", 0, "Increase (decrease) in accounts payable and other liabilities", 1,
     "Decrease in accounts payable and other liabilities"),
    ("oracle", 0, "Net cash used for investing activities", 1, "Net cash provided by (used for) investing activities"),
    ("oracle", 0, "Net increase (decrease) in cash and cash equivalents", 1, "Net decrease in cash and cash equivalents"),
]


class Converted:
    """A company's releases converted one after the other into one taxonomy directory."""

    def __init__(self, root: Path, company: str) -> None:
        releases, cik = COMPANIES[company]
        self.root = root
        self.taxonomy_dir = root / "taxonomies"
        self.results: list[ConversionResult] = []
        self.indexes: list[dict[str, Any]] = []
        for n, release in enumerate(releases):
            options = ConvertOptions(cik=cik, formats=frozenset({OutputFormat.XBRL}), taxonomy_dir=self.taxonomy_dir)
            result = convert(CORPUS / release, out_dir=root / f"out-{n}", options=options)
            assert not [d for d in result.diagnostics if d.severity.rank == 0], [d.render() for d in result.diagnostics]
            self.results.append(result)
            (index,) = self.taxonomy_dir.glob("*/company.json")
            self.indexes.append(json.loads(index.read_text(encoding="utf-8")))

    def concepts(self, n: int, label: str) -> set[QName]:
        """The concepts of the facts release ``n`` prints on rows labelled ``label``."""
        result = self.results[n]
        labels = {(st.table, item.row): item.label for st in result.statements for item in st.items}
        assert result.report is not None
        return {f.concept for f in result.report.facts if labels.get((f.statement[0], f.row)) == label}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Converted]:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (it sits beside the repository in CI)")
    return {company: Converted(tmp_path_factory.mktemp(company), company) for company in COMPANIES}


@pytest.mark.parametrize("company", sorted(COMPANIES))
def test_a_company_s_releases_share_one_namespace_and_its_members(company: str, converted: dict[str, Converted]) -> None:
    runs = converted[company]
    own = [{q for f in r.report.facts for q in (f.concept,) if q.namespace != ns.BASE} for r in runs.results if r.report]
    namespaces = {q.namespace for concepts in own for q in concepts}
    assert len(namespaces) == 1 and any(own)  # a release may print nothing but base line items (Apple 2024)
    members = [{m for c in r.report.contexts for _, m in c.members if m.namespace != ns.BASE}
               for r in runs.results if r.report]
    assert {m.namespace for found in members for m in found} <= namespaces
    labels = {c.qname: c.label for r in runs.results if r.report for c in r.report.taxonomy.concepts}
    by_label: dict[str, set[QName]] = {}
    for found in members:
        for member in found:
            by_label.setdefault(labels[member].lower(), set()).add(member)
    assert all(len(qnames) == 1 for qnames in by_label.values()), by_label


def test_southern_company_segments_are_the_same_members_two_years_apart(converted: dict[str, Converted]) -> None:
    runs = converted["southern"]
    first, later = (runs.results[n].report for n in (0, 2))
    assert first is not None and later is not None
    segments = [{m.local for c in r.contexts for _, m in c.members} for r in (first, later)]
    assert segments[0] == segments[1] and {"RetailBusinessMember", "CompetitiveGenerationMember"} <= segments[0]


@pytest.mark.parametrize(("company", "earlier", "label", "later", "drifted"), DRIFTED)
def test_a_line_item_whose_label_drifted_keeps_its_concept(company: str, earlier: int, label: str, later: int,
                                                           drifted: str, converted: dict[str, Converted]) -> None:
    runs = converted[company]
    concepts = runs.concepts(earlier, label)
    assert len(concepts) == 1 and runs.concepts(later, drifted) == concepts


@pytest.mark.parametrize("company", sorted(COMPANIES))
def test_the_taxonomy_only_grows_and_the_first_output_stays_valid(company: str, converted: dict[str, Converted],
                                                                  tmp_path: Path) -> None:
    runs = converted[company]
    for before, after in zip(runs.indexes, runs.indexes[1:]):
        assert all(after["concepts"].get(local) == declared for local, declared in before["concepts"].items())
    assert len(runs.indexes[-1]["concepts"]) > len(runs.indexes[0]["concepts"])  # a release may add nothing new
    first = runs.results[0]
    old = tmp_path / "first"
    shutil.copytree(runs.root / "out-0", old)
    (folder,) = (p for p in runs.taxonomy_dir.iterdir() if p.is_dir())
    for grown in folder.glob("*.x*"):  # the company's schema and labels as they stand after the last release
        shutil.copy(grown, old / grown.name)
    assert first.report is not None
    (found,) = validate_paths([old / f"{first.report.taxonomy.name}.xml"], calc="c11r")
    assert not [d.render() for d in found.diagnostics if d.severity.rank == 0]
