"""Whole EDGAR submissions (``<SEC-DOCUMENT>`` .txt files): the filer, and the EX-99 exhibits.

A submission holds an SEC header (``COMPANY CONFORMED NAME:``, ``CENTRAL INDEX KEY:``) and
several ``<DOCUMENT>`` blocks, each with a ``<TYPE>`` and its ``<TEXT>``. The press releases are
the ``EX-99`` exhibits. Each exhibit is returned with the lines before it blanked out, so every
line number a diagnostic gives is a line of the submission file itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_START = re.compile(rb"^\s*<(?:SEC-DOCUMENT|IMS-DOCUMENT|SEC-HEADER)>", re.IGNORECASE)
_DOCUMENT = re.compile(rb"<DOCUMENT>(.*?)</DOCUMENT>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(rb"<TYPE>\s*([^\s<]+)", re.IGNORECASE)
_FILENAME = re.compile(rb"<FILENAME>\s*([^\s<]+)", re.IGNORECASE)
_TEXT = re.compile(rb"<TEXT>(.*?)(?:</TEXT>|\Z)", re.IGNORECASE | re.DOTALL)
_NAME = re.compile(rb"COMPANY CONFORMED NAME:\s*([^\r\n]+)")
_CIK = re.compile(rb"CENTRAL INDEX KEY:\s*(\d+)")
_FILED = re.compile(rb"FILED AS OF DATE:\s*(\d{8})")
_RELEASE_TYPE = re.compile(r"^EX-99", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Exhibit:
    """One document of a submission.

    Attributes:
        type: Its ``<TYPE>`` (``EX-99.1``).
        filename: Its ``<FILENAME>``, when given.
        text: The exhibit's text as it stands in the submission.
        first_line: Number of submission lines before ``text``.
    """

    type: str
    filename: str | None
    text: bytes
    first_line: int = 0

    @property
    def data(self) -> bytes:
        """The text preceded by ``first_line`` newlines, so line numbers stay the submission's.

        Built on demand: padding every document up front would cost memory quadratic in the
        number of documents.
        """
        return b"\n" * self.first_line + self.text


@dataclass(frozen=True, slots=True, kw_only=True)
class Submission:
    """The filer (first one of the header) and the documents of a submission."""

    company: str | None
    cik: str | None
    filed: dt.date | None
    documents: tuple[Exhibit, ...]

    @property
    def releases(self) -> tuple[Exhibit, ...]:
        """The EX-99 exhibits: the press releases."""
        return tuple(d for d in self.documents if _RELEASE_TYPE.match(d.type))


def parse_submission(data: bytes) -> Submission | None:
    """The submission in ``data``, or None when ``data`` is not an EDGAR submission file."""
    if not _START.match(data[:1024]):
        return None
    documents = []
    line, counted = 0, 0  # newlines before offset ``counted``: each stretch is counted once
    for match in _DOCUMENT.finditer(data):
        block = match.group(1)
        text = _TEXT.search(block)
        if text is None:
            continue
        kind = _TYPE.search(block)
        name = _FILENAME.search(block)
        start = match.start(1) + text.start(1)
        line += data.count(b"\n", counted, start)
        counted = start
        documents.append(Exhibit(
            type=kind.group(1).decode("ascii", "replace") if kind else "",
            filename=name.group(1).decode("ascii", "replace") if name else None,
            text=text.group(1), first_line=line,
        ))
    company = _NAME.search(data)
    cik = _CIK.search(data)
    filed = _FILED.search(data)
    return Submission(
        company=company.group(1).decode("latin-1").strip() if company else None,
        cik=cik.group(1).decode("ascii") if cik else None,
        filed=_date(filed.group(1).decode("ascii")) if filed else None,
        documents=tuple(documents),
    )


def _date(text: str) -> dt.date | None:
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None
