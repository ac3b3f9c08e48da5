"""Label text shared by every stage: keys for matching, CamelCase names for QNames, display case, slugs."""

from __future__ import annotations

import html
import re
from functools import lru_cache

_HUGE_REFERENCE = re.compile(r"&#(?:0*\d{8,}|[xX]0*[0-9a-fA-F]{7,});?")  # past U+10FFFF: no character


def unescape_html(text: str) -> str:
    """``html.unescape`` for any text: a numeric character reference too long to name a character
    (``&#`` and 5,000 digits, which ``int`` refuses) becomes U+FFFD, as a too-big short one does."""
    return html.unescape(_HUGE_REFERENCE.sub("\ufffd", text))


_ARTICLES = re.compile(r"\b(?:a|an|the)\b")
_NCNAME_START = re.compile(r"^[^A-Za-z_]+")
_SMALL_WORDS = {"a", "an", "the"}
_LOWER_IN_TITLES = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
_ACRONYMS = {"GAAP", "EBITDA", "EBIT", "EPS", "US", "U.S.", "USA", "UK", "EMEA", "APAC", "LLC", "II", "III", "IT"}


@lru_cache(maxsize=8192)
def label_key(label: str) -> str:
    """Lower case, ``&`` as "and", punctuation but parentheses removed, articles and "total" dropped.

    >>> label_key("Total Income (loss) from operations:")
    'income (loss) from operations'
    """
    text = label.lower().replace("&", " and ").replace("\u2019", "'")
    text = re.sub(r"[^a-z0-9() ]+", " ", text)
    text = re.sub(r" +", " ", text).replace("( ", "(").replace(" )", ")")  # linear, whatever the label
    text = _ARTICLES.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^total\s+", "", text)
    return text


@lru_cache(maxsize=8192)
def camel(label: str, *, limit: int = 80) -> str:
    """A readable NCName from a label: ``Income (loss) from operations`` -> ``IncomeLossFromOperations``."""
    words = re.findall(r"[A-Za-z0-9]+", label.replace("&", " and "))
    name = ""
    for w in words:
        if w.lower() in _SMALL_WORDS:
            continue
        part = w[:1].upper() + w[1:]
        if name and len(name) + len(part) > limit:
            break  # whole words only
        name += part
    name = _NCNAME_START.sub("", name) or "Item"
    return name[:limit]


def display_case(text: str) -> str:
    """Title case for words printed in capitals ("NON-GAAP" -> "Non-GAAP"); others as printed.

    A label printed all in capitals is shouted as a whole, unless it is one short word. In a label printed in mixed case, a run
    of two or more words in capitals ("OTHER INCOME, Net") or one long word ("SALES, net of
    returns") is shouted too; short words in capitals on their own are acronyms ("GAAP EPS").
    """
    tokens = text.split(" ")
    if len(tokens) == 1 and len(re.sub(r"[^A-Z]", "", text)) <= 4:
        return text  # one short word in capitals is an acronym ("EAME", "FIFO")
    if text.isupper():
        shouted = [True] * len(tokens)
    else:
        capital = [_is_capitals(t) for t in tokens]
        shouted = [
            capital[i] and (
                (i > 0 and capital[i - 1]) or (i + 1 < len(tokens) and capital[i + 1])
                or (len(re.sub(r"[^A-Z]", "", t)) >= 5 and t.strip(",.;:()") not in _ACRONYMS)
            )
            for i, t in enumerate(tokens)
        ]
    return " ".join(_title_word(t, i == 0) if shouted[i] else t for i, t in enumerate(tokens))


def _is_capitals(token: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", token)
    return len(letters) >= 2 and letters.isupper()


def _title_word(token: str, first: bool) -> str:
    parts = token.split("-")
    return "-".join(
        p if p.strip(",.;:()") in _ACRONYMS else p.lower() if not first and i == 0 and p.lower() in _LOWER_IN_TITLES
        else p[:1] + p[1:].lower()
        for i, p in enumerate(parts)
    )


def slug(text: str) -> str:
    """``Lexington Precision Corporation`` -> ``lexington-precision-corporation``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]
