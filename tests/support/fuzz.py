"""Seed releases for the fuzz tests, and the checks they share: read or refuse, convert, facts, peak memory."""

from __future__ import annotations

import tracemalloc
from decimal import Decimal

from converter import diagnostics as dx
from converter.model import ConversionResult, Document
from converter.parse.statements import parse_statements
from converter.pipeline import ConvertOptions, convert
from converter.readers import read_document
from tests.support.releases import HEADER

NO_VALIDATION = ConvertOptions(validate=False)


BODY = """\
    Net sales                                    $  1,000    $    900
    Cost of sales                                     600         500
                                                 ---------   ---------
         Gross profit                                 400         400
"""


TEXT_RELEASE = HEADER + BODY


HTML_RELEASE = """<html><body><p>EXAMPLE WIDGETS CORPORATION</p>
<p>CONSOLIDATED STATEMENTS OF OPERATIONS (In thousands)</p>
<table>
<tr><td></td><td colspan="2">Quarter ended December 31,</td></tr>
<tr><td></td><td>2024</td><td>2023</td></tr>
<tr><td>Net sales</td><td>$ 1,000</td><td>$ 900</td></tr>
<tr><td>Cost of sales</td><td>600</td><td>500</td></tr>
<tr><td>Gross profit</td><td>400</td><td>400</td></tr>
</table></body></html>
"""


def read_or_refuse(data: bytes, path: str = "release.bin") -> Document | None:
    """The document, or None when the readers refuse the input with ``InputError`` (anything else fails)."""
    try:
        document, diags = read_document(data, path)
    except dx.InputError as exc:
        assert exc.diagnostic.code.startswith("input."), exc.diagnostic
        assert exc.diagnostic.spans and exc.diagnostic.spans[0].path == path
        return None
    assert all(d.spans and d.spans[0].path == path for d in diags), diags
    parse_statements(document)  # the parse primitives must cope with whatever was read
    return document


def converted(data: bytes, name: str = "release.x") -> ConversionResult:
    """``convert`` on ``data`` (no validation); checks the result's diagnostics are located values."""
    result = convert(data, name=name, options=NO_VALIDATION)
    assert result.source == name
    for d in result.diagnostics:
        assert d.code != dx.INTERNAL_ERROR, d.message
        assert d.code and (d.code == dx.MAP_NO_FACTS or (d.spans and d.spans[0].path == name)), d
    return result


def facts_of(result: ConversionResult) -> list[tuple[str, Decimal | None]]:
    assert result.report is not None, [d.render() for d in result.diagnostics]
    return sorted((f.concept.local, f.value) for f in result.report.facts)


def peak_bytes(func: object, *args: object) -> tuple[object, int]:
    """``func(*args)`` and the peak of memory Python allocated meanwhile."""
    tracemalloc.start()
    try:
        value = func(*args)  # type: ignore[operator]
        return value, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
