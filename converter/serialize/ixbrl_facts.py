"""Inline XBRL fact tags: what part of a printed cell is tagged, and the ``ix:nonFraction`` itself.

A printed cell such as ``$ (1,214)`` is tagged around its digits only (``1,214``): currency
signs, parentheses and minus signs stay outside the tag as plain text, and the sign of the value
is carried by ``sign="-"``. A nil dash (``--``, ``—``) printed for zero is tagged with
``ixt:fixed-zero`` around the dash. A cell whose digits, scaled, do not give the fact's value
cannot be tagged faithfully; such facts (and nil ones) go to ``ix:hidden`` instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from lxml import etree

from converter.model import Fact
from taxonomy import ns
from taxonomy.xmlout import clark, qname_text

NUMBER = re.compile(
    r"(?<![0-9.,])(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?![0-9,]|\.[0-9])"
)
DASH = re.compile(r"-+|[\u2012\u2013\u2014\u2015\u2212]+")

NUM_DOT_DECIMAL = "num-dot-decimal"
FIXED_ZERO = "fixed-zero"
NON_FRACTION = clark(ns.IX, "nonFraction")
TEMP_ID = "data-fact"  # fact index carried on a tag until ids are given in document order


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """The text of a printed cell to wrap in a tag, and how it reads.

    Attributes:
        core: The exact printed characters to tag (``24,392``, ``.11``, ``--``).
        pattern: A regular expression finding ``core`` as a whole figure in surrounding text.
        transform: ``num-dot-decimal`` for digits, ``fixed-zero`` for a dash.
    """

    core: str
    pattern: re.Pattern[str]
    transform: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """A fact to tag where it is printed.

    Attributes:
        index: Position of the fact in ``report.facts``.
        fact: The fact.
        figure: What to find and wrap in its printed cell.
    """

    index: int
    fact: Fact
    figure: Figure

    def element(self, prefixes: Mapping[str, str]) -> etree._Element:
        """A fresh ``ix:nonFraction`` for this fact around ``figure.core``."""
        return tag(self.fact, self.index, self.figure, prefixes)


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """A rendered release before the Inline XBRL header is added.

    Attributes:
        title: The document title.
        styles: CSS text of the release's style sheets, in order.
        body_style: Inline style for ``body`` (from the release's ``body`` attributes).
        blocks: Block-level XHTML elements forming the body, in order.
        placed: Indexes (in ``report.facts``) of the facts tagged in ``blocks``.
    """

    title: str
    blocks: tuple[etree._Element, ...]
    placed: frozenset[int]
    styles: tuple[str, ...] = field(default=())
    body_style: str | None = None


def figure_of(fact: Fact) -> Figure | None:
    """How ``fact``'s printed cell is tagged, or None when it cannot be (nil, digits disagree).

    Args:
        fact: A fact with its printed cell text and scale.

    Returns:
        The figure to find and wrap, or None when the fact must be hidden.
    """
    if fact.value is None:
        return None
    match = NUMBER.search(fact.printed)
    if match is None:
        dash = DASH.search(fact.printed)
        if dash is None or fact.value != 0:
            return None
        return Figure(core=dash.group(), pattern=_dash_pattern(dash.group()), transform=FIXED_ZERO)
    core = match.group()
    if Decimal(core.replace(",", "")).scaleb(fact.scale) != abs(fact.value):
        return None
    return Figure(core=core, pattern=figure_pattern(core), transform=NUM_DOT_DECIMAL)


@lru_cache(maxsize=4096)
def figure_pattern(core: str) -> re.Pattern[str]:
    """The figure standing alone (not inside a longer number); compiled once per figure text."""
    return re.compile(r"(?<![0-9.,])" + re.escape(core) + r"(?![0-9,]|\.[0-9])")


@lru_cache(maxsize=4096)
def prose_pattern(core: str) -> re.Pattern[str]:
    """The figure standing alone in a sentence, where a comma or a full stop may follow it (``$3,183,000,``)."""
    return re.compile(r"(?<![0-9.,])" + re.escape(core) + r"(?![0-9]|[.,][0-9])")


@lru_cache(maxsize=256)
def _dash_pattern(dash: str) -> re.Pattern[str]:
    """A dash run standing alone (not part of a longer run of the same characters)."""
    chars = re.escape("".join(sorted(set(dash))))
    return re.compile(rf"(?<![{chars}]){re.escape(dash)}(?![{chars}])")


def tag(fact: Fact, index: int, figure: Figure, prefixes: Mapping[str, str]) -> etree._Element:
    """An ``ix:nonFraction`` around ``figure.core`` for ``fact`` (its id is given later).

    Args:
        fact: The fact.
        index: The fact's position in ``report.facts`` (kept until ids are assigned).
        figure: What is tagged and with which transform.
        prefixes: Namespace URI to declared prefix.

    Returns:
        The element, text set, no tail.
    """
    elt = _start(fact, index, prefixes)
    elt.set("decimals", str(fact.decimals))
    elt.set("format", f"{prefixes[ns.IXT]}:{figure.transform}")
    elt.set("scale", str(fact.scale))
    if fact.value is not None and fact.value < 0:
        elt.set("sign", "-")
    elt.text = figure.core
    return elt


def hidden_tag(fact: Fact, index: int, prefixes: Mapping[str, str]) -> etree._Element:
    """An ``ix:nonFraction`` holding ``fact``'s value as plain decimal text (for ``ix:hidden``)."""
    elt = _start(fact, index, prefixes)
    if fact.value is None:
        elt.set(clark(ns.XSI, "nil"), "true")
        return elt
    elt.set("decimals", str(fact.decimals))
    elt.set("scale", "0")
    if fact.value < 0:
        elt.set("sign", "-")
    elt.text = _plain(abs(fact.value))
    return elt


def _start(fact: Fact, index: int, prefixes: Mapping[str, str]) -> etree._Element:
    elt = etree.Element(NON_FRACTION)
    elt.set(TEMP_ID, str(index))
    elt.set("name", qname_text(fact.concept, prefixes))
    elt.set("contextRef", fact.context_id)
    elt.set("unitRef", fact.unit_id)
    return elt


def _plain(value: Decimal) -> str:
    """Non-negative decimal as xsd:decimal text without exponent (``1214000``, ``0.11``)."""
    text = format(value, "f")
    return "0" if text.strip("0.") == "" else text
