"""xbrlify: earnings press releases in, validated XBRL out.

    >>> from converter import convert
    >>> result = convert("examples/lexington-2004q4-ex99-1.txt", out_dir=Path("out"))
    >>> result.ok, len(result.report.facts)

``convert`` returns a ``ConversionResult`` (statements, report, diagnostics); see
``converter.pipeline`` for the stages and ``converter.model`` for the data model.
"""

from __future__ import annotations

from typing import Any

from converter.model import ConversionResult, Diagnostic, Severity

__all__ = ["ConversionResult", "ConvertOptions", "Diagnostic", "Severity", "convert"]


def __getattr__(name: str) -> Any:
    """``convert`` and ``ConvertOptions`` load the pipeline on first use."""
    if name in {"convert", "ConvertOptions"}:
        from converter import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
