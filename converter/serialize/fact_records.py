"""The analyst's view as text: ``ConversionResult.to_records()`` as CSV or JSON (``xbrlify facts``).

Both are deterministic: the records in printed order, their keys in the order ``to_records``
gives them (an axis column per axis the report uses).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

Record = dict[str, Any]


def records_csv(records: Sequence[Record]) -> str:
    """The records as CSV with a header row (empty cells for None; values as ``Decimal`` prints them)."""
    if not records:
        return ""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(records[0])
    for record in records:
        writer.writerow("" if v is None else _text(v) for v in record.values())
    return out.getvalue()


def records_json(records: Sequence[Record]) -> str:
    """The records as a JSON array (values as strings, exact as xBRL-JSON writes them; dates ISO)."""
    shown = [{k: v if v is None or isinstance(v, (int, str)) else _text(v) for k, v in r.items()} for r in records]
    return json.dumps(shown, indent=2, ensure_ascii=False) + "\n"


def _text(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
