"""Concept names from what a line item means, not from everything its label happens to print.

A label carries more than the line item's meaning: figures the reader left in it ("Net (loss)/
income $ (806)"), footnote markers ("(1)"), the scale ("(in millions)"), par values and share
counts ("Common stock, $.01 par value; 600,000 shares authorized ..."), allowance amounts ("net of
allowances of $17 and $23, respectively") and capitals ("TOTAL LIABILITIES AND EQUITY"). A name
keeps the words that say what the line item is, in CamelCase, with no word sequence written
twice. Titles and headings that qualify a name also lose their periods ("Q4 Fiscal 2014",
"for the 13 weeks ended June 28, 2003") and clauses ("... was included in the following ...").
Labels keep the printed text; only names are cleaned.
"""

from __future__ import annotations

import re
from functools import lru_cache

from converter.labels import camel, display_case

LIMIT = 80  # longest name made from a label, cut at a whole word
_QUALIFIER_WORDS = 6  # content words at most of a shortened qualifier

_FIGURE = (
    r"[$€£¥]?\s*\(\s*[$€£¥]?\s*\d[\d,]*(?:\.\d+)?\s*%?\s*\)"  # (806), $(3.71), footnote (1)
    r"|[$€£¥]\s*\.?\d[\d,]*(?:\.\d+)?"  # $ 0.25, $17, $.01
    r"|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b"  # 600,000,000
    r"|(?<![\w.])\.?\d+\.\d+\b"  # 0.7353
    r"|(?<![\w'’])\d{3,}\b"  # 806, 2014: a bare figure of three or more digits
    r"|%"
)
_FIGURES = re.compile(
    rf"(?:\b(?:of|at)\s+)?(?:{_FIGURE})(?:\s*(?:,|and|&)?\s*(?:{_FIGURE}))*(?:\s*,?\s*respectively\b)?",
    re.IGNORECASE,
)
_SCALE = re.compile(
    r"\([^()]*\b(?:thousands|millions|billions|units|000'?s?)\b[^()]*\)"
    r"|\b(?:(?:[$€£¥]|dollars|amounts)\s+)?in\s+(?:thousands|millions|billions)\b",
    re.IGNORECASE,
)
_SHARE_CLAUSE = re.compile(
    r"\s*[,;:(]\s*[^,;:()]*?(?:\bpar value\b|\bno par\b|\bauthori[sz]ed\b|\bissued and outstanding\b"
    r"|\d[\d,]*\s+shares\b).*$",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_PERIOD = re.compile(
    r"\b(?:(?:for|in)\s+)?(?:the\s+)?(?:\w+\s+)?(?:weeks?|months?|quarters?|years?|periods?)\s+end(?:ed|ing)\b"
    rf"|\b(?:(?:as\s+)?(?:of|at|ended|ending)\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b,?(?:\s*\d{{4}})?"
    r"|\bq[1-4]\s*['’]?\s*(?:fy\s*)?\d{2,4}\b|\bq[1-4]\b"
    r"|\b(?:first|second|third|fourth)\s+quarter(?:\s+of)?\b"
    r"|\b(?:fiscal\s+)?(?:year\s+)?(?:19|20)\d{2}(?:\s*(?:and|vs\.?|versus|-)\s*(?:19|20)?\d{2,4})?\b"
    r"|\bfiscal(?:\s+year)?\b|\byear[\s-]+to[\s-]+date\b|\bytd\b|\bunaudited\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"\s+(?:was|were|is|are|has|have|had|includes?|included|consists?|as follows)\b.*$", re.IGNORECASE)
_LEFTOVER = re.compile(r"\(\s*[,;:/\-–—&]*\s*\)|\s+[,;:/](?=\s|$)|[\s,;:/\-–—]+$|^[\s,;:/\-–—]+")
_SMALL = {"of", "and", "or", "for", "the", "a", "an", "at", "to", "in", "on", "by", "with", "from", "less", "net"}
_SMALL_WORDS = r"(?:of|and|or|for|the|a|an|at|to|in|on|by|with|from|less|net of)"
_TRAILING_SMALL = re.compile(rf"(?:\s+{_SMALL_WORDS})+\s*$|^(?:{_SMALL_WORDS}\s+)+", re.IGNORECASE)


@lru_cache(maxsize=8192)
def name_text(label: str) -> str:
    """The words of a label that say what the line item is.

    >>> name_text("Common stock, $.01 par value; 600,000 shares authorized")
    'Common stock'
    >>> name_text("Interest revenue (in millions)")
    'Interest revenue'
    """
    text = _SHARE_CLAUSE.sub("", label)
    text = _SCALE.sub(" ", text)
    text = _FIGURES.sub(" ", text)
    text = re.sub(r"[$€£¥]", " ", text)
    return _tidy(display_case(text))


@lru_cache(maxsize=4096)
def title_text(text: str) -> str:
    """A title or heading without its periods ("Q4 Fiscal 2014 Financial Results" -> "Financial Results")."""
    return name_text(_PERIOD.sub(" ", text))


@lru_cache(maxsize=4096)
def qualifier_text(text: str) -> str:
    """A heading or title as a qualifier of a name: no period, no clause, a few content words.

    >>> qualifier_text("Q4 Fiscal 2014 Financial Results")
    'Financial Results'
    >>> qualifier_text("Stock-based compensation was included in the following categories:")
    'Stock-based compensation'
    """
    return _tidy(_CLAUSE.sub("", title_text(text)))


def concept_name(label: str, *, limit: int = LIMIT) -> str:
    """A CamelCase name from a label's meaning, with no word sequence written twice.

    >>> concept_name("Earnings Before Income Taxes Earnings Before Income Taxes")
    'EarningsBeforeIncomeTaxes'
    """
    return camel(undouble(name_text(label)), limit=limit)


def qualified_name(qualifier: str, name: str, *, limit: int = LIMIT + 20) -> str:
    """``name`` qualified by a heading or title; a long qualifier is shortened, never the name.

    The qualifier is tried up to its first comma (what follows qualifies the heading, not the
    line item), then whole, then with ever fewer words; a qualifier that the name already starts
    with (or that ends with the name) adds nothing.
    """
    for text in _shorter(qualifier_text(qualifier)):
        short = camel(undouble(text), limit=limit)
        if name.lower().startswith(short.lower()) or short.lower().endswith(name.lower()):
            return name  # the qualifier says nothing the name does not
        joined = camel(undouble(f"{text} {_split_camel(name)}"), limit=limit * 2)
        if len(joined) <= limit:
            return joined
    return name


def _shorter(text: str) -> list[str]:
    """A qualifier's forms: up to the first comma, whole, then with ever fewer words."""
    head = _tidy(re.split(r"[,;(]", text, maxsplit=1)[0])
    words = head.split()
    content = [i for i, w in enumerate(words) if w.lower() not in _SMALL]
    forms = [head, text, *(_tidy(" ".join(words[: i + 1])) for i in reversed(content[:_QUALIFIER_WORDS]))]
    return [f for f in dict.fromkeys(forms) if f]


def undouble(text: str) -> str:
    """Drop a word sequence of two or more words repeated right after itself (case-insensitive)."""
    words = text.split()
    changed = True
    while changed:
        changed = False
        lowered = [_word_key(w) for w in words]
        for n in range(len(words) // 2, 1, -1):
            for i in range(len(words) - 2 * n + 1):
                if lowered[i:i + n] == lowered[i + n:i + 2 * n]:
                    del words[i + n:i + 2 * n]
                    changed = True
                    break
            if changed:
                break
    return " ".join(words)


def _word_key(word: str) -> str:
    return re.sub(r"[^a-z0-9]", "", word.lower())


def _split_camel(name: str) -> str:
    """``IncomeTaxesIncomeTaxes`` -> ``Income Taxes Income Taxes`` (for ``undouble``)."""
    return " ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+", name))


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    previous = None
    while previous != text:
        previous = text
        text = _LEFTOVER.sub("", text).strip()
        text = _TRAILING_SMALL.sub("", text).strip()
    return "" if all(w.lower() in _SMALL for w in text.split()) else text
