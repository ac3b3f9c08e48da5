"""Whole EDGAR submissions (the ``.txt`` the SEC serves): the filer, and the EX-99 exhibits.

Every form the SEC serves is read the same way:

* before about 2013 the submission starts with a privacy-enhanced-message wrapper
  (``-----BEGIN PRIVACY-ENHANCED MESSAGE-----``, ``Proc-Type:``, ``MIC-Info:`` ...) before
  ``<SEC-DOCUMENT>``; filings of 1993-1996 say ``<IMS-DOCUMENT>`` / ``<IMS-HEADER>``; a header
  file alone (``.hdr.sgml``) starts with ``<SEC-HEADER>``;
* the header gives the filer (``COMPANY CONFORMED NAME:``, ``CENTRAL INDEX KEY:``; the first
  filer of several) and the filing date (``FILED AS OF DATE:``);
* each ``<DOCUMENT>`` block has a ``<TYPE>``, maybe a ``<FILENAME>``, and its ``<TEXT>``. The
  press releases are the ``EX-99`` exhibits. A uuencoded part (``begin 644 logo.jpg`` ... ``end``:
  an image, a PDF copy) is no text: a document that is nothing else is marked ``encoded`` and
  not a release; a part inside a text document is blanked out line for line.

Each exhibit keeps the number of submission lines before its text, so every line number a
diagnostic gives is a line of the submission file itself.
"""

from __future__ import annotations

import binascii
import datetime as dt
import re
from dataclasses import dataclass

_START = re.compile(
    rb"\s*(?:-----BEGIN PRIVACY-ENHANCED MESSAGE-----[^<]*)?<(?:SEC|IMS)-(?:DOCUMENT|HEADER)>", re.IGNORECASE,
)
_WRAPPER_BYTES = 16384  # the wrapper's keys and signatures come well before this
_DOCUMENT = re.compile(rb"<DOCUMENT>(.*?)</DOCUMENT>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(rb"<TYPE>\s*([^\s<]+)", re.IGNORECASE)
_FILENAME = re.compile(rb"<FILENAME>\s*([^\s<]+)", re.IGNORECASE)
_TEXT = re.compile(rb"<TEXT>(.*?)(?:</TEXT>|\Z)", re.IGNORECASE | re.DOTALL)
# The header's fields as the .txt prints them, or as SGML tags (``.hdr.sgml``).
_NAME = re.compile(rb"(?:COMPANY CONFORMED NAME:|<CONFORMED-NAME>)[ \t]*([^\r\n<]+)")
_CIK = re.compile(rb"(?:CENTRAL INDEX KEY:|<CIK>)\s*(\d+)")
_FILED = re.compile(rb"(?:FILED AS OF DATE:|<FILING-DATE>)\s*(\d{8})")
_LISTED = re.compile(rb"<TYPE>\s*([^\s<]+)\s*(?:<SEQUENCE>[^<]*)?<FILENAME>\s*([^\s<]+)", re.IGNORECASE)
_RELEASE_TYPE = re.compile(r"^EX-99", re.IGNORECASE)
_UU_BEGIN = re.compile(rb"^begin [0-7]{3,4} \S[^\r\n]*\r?$", re.MULTILINE)
_UU_END = re.compile(rb"^end\s*$", re.MULTILINE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Exhibit:
    """One document of a submission.

    Attributes:
        type: Its ``<TYPE>`` (``EX-99.1``).
        filename: Its ``<FILENAME>``, when given.
        text: The exhibit's text as it stands in the submission (uuencoded parts blanked).
        first_line: Number of submission lines before ``text``.
        encoded: The document is a uuencoded file (an image, a PDF), not text.
        raw: The document's text before blanking (what :func:`uudecode` reads).
    """

    type: str
    filename: str | None
    text: bytes
    first_line: int = 0
    encoded: bool = False
    raw: bytes = b""

    @property
    def data(self) -> bytes:
        """The text preceded by ``first_line`` newlines, so line numbers stay the submission's.

        Built on demand: padding every document up front would cost memory quadratic in the
        number of documents.
        """
        return b"\n" * self.first_line + self.text

    @property
    def is_release(self) -> bool:
        """True for an EX-99 exhibit (a uuencoded one included: the caller says it is skipped)."""
        return is_release_type(self.type)


@dataclass(frozen=True, slots=True, kw_only=True)
class Filer:
    """What an SEC header says: the (first) filer's name and CIK, and the filing date."""

    company: str | None = None
    cik: str | None = None
    filed: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Submission:
    """The filer (first one of the header) and the documents of a submission."""

    company: str | None
    cik: str | None
    filed: dt.date | None
    documents: tuple[Exhibit, ...]

    @property
    def releases(self) -> tuple[Exhibit, ...]:
        """The EX-99 exhibits that are text: the press releases."""
        return tuple(d for d in self.documents if d.is_release and not d.encoded)


def is_submission(data: bytes) -> bool:
    """True when ``data`` starts like an EDGAR submission or header file (wrapped or not)."""
    return _START.match(data[:_WRAPPER_BYTES]) is not None


def parse_submission(data: bytes) -> Submission | None:
    """The submission in ``data``, or None when ``data`` is not an EDGAR submission file."""
    if not is_submission(data):
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
        body, encoded = without_uuencoded(text.group(1))
        documents.append(Exhibit(
            type=kind.group(1).decode("ascii", "replace") if kind else "",
            filename=name.group(1).decode("ascii", "replace") if name else None,
            text=body, first_line=line, encoded=encoded, raw=text.group(1) if encoded else b"",
        ))
    filer = parse_header(data[: documents_start(data)])
    return Submission(company=filer.company, cik=filer.cik, filed=filer.filed, documents=tuple(documents))


def documents_start(data: bytes) -> int:
    """Offset of the first ``<DOCUMENT>`` (the header is what comes before), or the length."""
    found = re.search(rb"<DOCUMENT>", data, re.IGNORECASE)
    return found.start() if found else len(data)


def parse_header(header: bytes) -> Filer:
    """The first filer and the filing date of an SEC header."""
    company = _NAME.search(header)
    cik = _CIK.search(header)
    filed = _FILED.search(header)
    return Filer(
        company=company.group(1).decode("latin-1").strip() if company else None,
        cik=cik.group(1).decode("ascii") if cik else None,
        filed=_date(filed.group(1).decode("ascii")) if filed else None,
    )


def listed_documents(header: bytes) -> tuple[tuple[str, str], ...]:
    """(type, file name) of each document an SEC header or submission lists, in order."""
    return tuple((t.decode("ascii", "replace"), n.decode("ascii", "replace")) for t, n in _LISTED.findall(header))


def is_release_type(kind: str) -> bool:
    """True for an EX-99 document type (``EX-99``, ``EX-99.1``, ``EX-99.01``...)."""
    return bool(_RELEASE_TYPE.match(kind))


def without_uuencoded(text: bytes) -> tuple[bytes, bool]:
    """``text`` with each uuencoded part (``begin 644 name`` .. ``end``) blanked line for line,
    and whether nothing but such parts (and blank lines) was in it."""
    if b"begin " not in text:
        return text, False
    pieces: list[bytes] = []
    at = 0
    for begin in _UU_BEGIN.finditer(text):
        if begin.start() < at:
            continue
        end = _UU_END.search(text, begin.end())
        stop = end.end() if end else len(text)
        pieces += [text[at : begin.start()], b"\n" * text.count(b"\n", begin.start(), stop)]
        at = stop
    if not pieces:
        return text, False
    pieces.append(text[at:])
    kept = b"".join(pieces)
    return kept, not kept.strip()


def uudecode(text: bytes) -> bytes | None:
    """The file a uuencoded part (``begin 644 name`` .. ``end``) holds; None when it holds none."""
    begin = _UU_BEGIN.search(text)
    if begin is None:
        return None
    decoded = bytearray()
    for line in text[begin.end() :].splitlines():
        if line.strip() == b"end":
            return bytes(decoded)
        if not line.strip():
            continue
        try:
            decoded += binascii.a2b_uu(line)
        except binascii.Error:
            return None
    return None


def _date(text: str) -> dt.date | None:
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None
