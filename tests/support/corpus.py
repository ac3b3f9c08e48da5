"""The corpus releases with expected facts, and their known failures (marked xfail(strict=True)): each mark removed in the commit that fixes it."""

from __future__ import annotations

from tests.support.paths import CORPUS, ROOT

FACT_FILES = {
    p.name.removesuffix(".facts.csv"): p
    for p in [*sorted((ROOT / "tests" / "corpus").glob("*.facts.csv")), *sorted(CORPUS.glob("*.facts.csv"))]
}


NOT_YET_VALID: dict[str, str] = {}


UNDATED = {  # data sheets whose fiscal dates only their filing states: neither found nor precise alone
    "apple-2011q1-ex99-2": "only the sibling exhibit states the fiscal dates of the data sheet's 'Q1 2011' columns:"
                           " alone they are flagged parse.period.assumed (with its filing: test_edgar_corpus.py)",
    "apple-2004q3-ex99-2": "only the sibling exhibit states the fiscal dates of the data sheet's 'Q3'04' columns:"
                           " alone they are flagged parse.period.assumed (with its filing: test_edgar_corpus.py)",
}


NOT_YET_FOUND = {
    **UNDATED,
    "oracle-2014q4-ex99-1": "28 of 788, by the stricter member names of this check (score_facts.py finds all): the"
                            " reconciliation's 'TOTAL SOFTWARE AND CLOUD / HARDWARE SYSTEMS REVENUES' (8) are the"
                            " statement's members 'Software and Cloud Revenues' / 'Hardware Systems Revenues' (the same"
                            " facts); the geographic table's 'EUROPE / MIDDLE EAST / AFRICA' (20) is the member"
                            " 'Europe, Middle East & Africa' of the supplemental table",
}
