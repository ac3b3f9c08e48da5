"""Small text releases written inline, converted without validation, and what the tests read from them."""


from __future__ import annotations

import textwrap
from decimal import Decimal

from converter.model import ConversionResult, Fact, Report
from converter.pipeline import ConvertOptions, convert

HEADER = """\
                         EXAMPLE WIDGETS CORPORATION
                    CONSOLIDATED STATEMENTS OF OPERATIONS
                   (IN THOUSANDS, EXCEPT PER SHARE AMOUNTS)

                                                   QUARTER ENDED
                                                    DECEMBER 31
                                              ----------------------
                                                 2024        2023
                                              ---------   ---------
"""

BALANCE_SHEET = HEADER.replace("CONSOLIDATED STATEMENTS OF OPERATIONS", "    CONSOLIDATED BALANCE SHEETS     ").replace(
    "QUARTER ENDED", " DECEMBER 31, ").replace("DECEMBER 31\n", "            \n")
CASH_FLOWS = HEADER.replace("CONSOLIDATED STATEMENTS OF OPERATIONS", "CONSOLIDATED STATEMENTS OF CASH FLOWS")


def release(body: str, header: str = HEADER) -> ConversionResult:
    """Convert a small text release made of ``header`` and the table body ``body``."""
    text = header + textwrap.dedent(body)
    return convert(text.encode(), name="release.txt", options=ConvertOptions(validate=False))


def report_of(result: ConversionResult) -> Report:
    assert result.report is not None, [d.render() for d in result.diagnostics]
    return result.report


def facts(result: ConversionResult, local: str) -> list[Fact]:
    return [f for f in report_of(result).facts if f.concept.local == local]


def calc(result: ConversionResult) -> dict[str, dict[str, Decimal]]:
    out: dict[str, dict[str, Decimal]] = {}
    for role in report_of(result).taxonomy.roles:
        for arc in role.calculation:
            assert arc.weight is not None
            out.setdefault(arc.source.local, {})[arc.target.local] = arc.weight
    return out


STATEMENT = """\
    Net sales                                    $  1,000    $    900
    Cost of sales                                     600         500
                                                 ---------   ---------
         Gross profit                                 400         400
    Other income (expense):
         Interest expense                             (50)        (40)
                                                 ---------   ---------
         Income before income taxes                   350         360
"""
