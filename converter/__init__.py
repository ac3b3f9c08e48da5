"""xbrlify: earnings press releases in, validated XBRL out.

    >>> from converter import convert
    >>> result = convert("examples/lexington-2004q4-ex99-1.txt", out_dir=Path("out"))
    >>> result.ok, len(result.report.facts)

``convert`` returns a ``ConversionResult`` (statements, report, diagnostics); see
``converter.pipeline`` for the stages and ``converter.model`` for the data model.
``convert_many`` converts many releases (files, folders, glob patterns), in parallel processes,
each into its own folder, and returns a ``BatchResult``; see ``converter.cli.batch``.
"""

from __future__ import annotations

from typing import Any

from converter.model import ConversionResult, Diagnostic, Severity

__all__ = [
    "BatchResult", "ConversionResult", "ConvertOptions", "Diagnostic", "Severity", "__version__", "convert", "convert_many",
    "read_mapping",
]

#: The one place the version is written (setup.cfg reads it; ``xbrlify --version`` prints it).
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``convert``, ``ConvertOptions``, ``convert_many``, ``BatchResult`` and ``read_mapping`` load on first use."""
    if name in {"convert", "ConvertOptions"}:
        from converter import pipeline

        return getattr(pipeline, name)
    if name in {"convert_many", "BatchResult"}:
        from converter.cli import batch

        return getattr(batch, name)
    if name == "read_mapping":
        from converter.inputs.mapping_file import read_mapping

        return read_mapping
    raise AttributeError(name)
