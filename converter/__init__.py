"""xbrlify: earnings press releases in, validated XBRL out.

    >>> from converter import convert
    >>> result = convert("examples/lexington-2004q4-ex99-1.txt", out_dir=Path("out"))
    >>> result.ok, len(result.report.facts)

``convert`` returns a ``ConversionResult`` (statements, report, diagnostics); see
``converter.pipeline`` for the stages and ``converter.model`` for the data model.
"""

from __future__ import annotations

from converter.model import ConversionResult, Diagnostic, Severity
from converter.pipeline import ConvertOptions, convert

__all__ = ["ConversionResult", "ConvertOptions", "Diagnostic", "Severity", "convert"]
