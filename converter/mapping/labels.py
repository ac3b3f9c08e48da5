"""Label text utilities: normalisation for matching, CamelCase names for QNames."""

from __future__ import annotations

import re
from functools import lru_cache

_ARTICLES = re.compile(r"\b(?:a|an|the)\b")
_NCNAME_START = re.compile(r"^[^A-Za-z_]+")
_SMALL_WORDS = {"a", "an", "the"}
_LOWER_IN_TITLES = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
_ACRONYMS = {"GAAP", "EBITDA", "EBIT", "EPS", "US", "U.S.", "USA", "UK", "EMEA", "APAC", "LLC", "II", "III", "IT"}


@lru_cache(maxsize=8192)
def normalise(label: str) -> str:
    """Lower case, ``&`` as "and", punctuation but parentheses removed, articles and "total" dropped.

    >>> normalise("Total Income (loss) from operations:")
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


def words(label: str) -> set[str]:
    """The content words of a label."""
    return {w for w in re.findall(r"[a-z0-9]+", label.lower()) if w not in {"the", "of", "and", "a", "an", "total"}}


def similar(a: str, b: str, need: float = 0.5) -> bool:
    """Whether two labels share at least ``need`` of the shorter one's words."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= need


def display_case(text: str) -> str:
    """Title case for labels printed in capitals ("NON-GAAP" -> "Non-GAAP"); others as printed."""
    if not text.isupper():
        return text

    def word(w: str, first: bool) -> str:
        parts = w.split("-")
        return "-".join(
            p if p in _ACRONYMS else p.lower() if not first and i == 0 and p.lower() in _LOWER_IN_TITLES
            else p[:1] + p[1:].lower()
            for i, p in enumerate(parts)
        )

    return " ".join(word(w, i == 0) for i, w in enumerate(text.split()))
