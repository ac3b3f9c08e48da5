"""HTML releases as Inline XBRL (work in progress)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from converter.model import Document
from converter.serialize.ixbrl_facts import Page, Task


def html_page(document: Document, tasks: Sequence[Task], prefixes: Mapping[str, str]) -> Page:
    """Not yet."""
    raise NotImplementedError
