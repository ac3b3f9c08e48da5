"""Corpus releases converted once per test session, in memory and without Arelle (for checks of the model)."""

from __future__ import annotations

from functools import cache

from converter.model import ConversionResult
from converter.pipeline import ConvertOptions, convert
from tests.support.paths import CORPUS

RELEASES = sorted(p.name for p in CORPUS.glob("*") if p.suffix in {".txt", ".htm"}) if CORPUS.is_dir() else []


@cache
def converted(name: str) -> ConversionResult:
    """The corpus release ``name`` converted without validation (nothing written)."""
    return convert(CORPUS / name, options=ConvertOptions(validate=False))
