"""What the exhibits of one filing share: entity, CIK, release date and fiscal calendar.

The exhibits of a filing (a submission's EX-99s, a filing folder's exhibit files) are one
company's, released on one day, on one fiscal calendar. What one of them states holds for all:

* **entity**: the filer the SEC header names, else the company the first exhibit to name one
  names; the CIK from the header;
* **release date**: the dateline of the first exhibit that has one, else the filing date;
* **fiscal calendar**: worked out from the tables of every exhibit together, so a data sheet
  whose columns say only "Q1 2011" is dated on the fiscal quarter its sibling release prints
  ("three months ended December 25, 2010").

The pipeline reads every exhibit first, works this out once (:func:`shared_knowledge`), then
parses each exhibit with it (:func:`with_shared`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from converter.inputs.sources import Filing
from converter.labels import display_case
from converter.model import Document, InputFormat
from converter.parse.calendar import FiscalCalendar
from converter.parse.release_calendar import release_calendar


@dataclass(frozen=True, slots=True, kw_only=True)
class Shared:
    """What a filing's exhibits state, for each of them.

    Attributes:
        company: The filer's name (None: none states one).
        cik: The filer's CIK from the SEC header.
        released: The release date.
        calendar: The fiscal calendar, decided from the tables and prose of every exhibit.
    """

    company: str | None = None
    cik: str | None = None
    released: dt.date | None = None
    calendar: FiscalCalendar | None = None


def shared_knowledge(filing: Filing, documents: Sequence[Document], year_end: tuple[int, int] | None = None) -> Shared:
    """Work out what the exhibits of ``filing`` share from their ``documents`` (those read);
    ``year_end`` is the fiscal year end the user states (``--mapping``), if any."""
    header = filing.releases[0] if filing.releases else None
    named = header.company if header is not None and header.company else None
    company = display_case(named) if named else next((d.company for d in documents if d.company), None)
    dated = next((d.document_date for d in documents if d.document_date is not None), None)
    released = dated or (header.filed if header is not None else None)
    return Shared(company=company, cik=header.cik if header is not None else None, released=released,
                  calendar=release_calendar(_together(documents, released), year_end) if documents else None)


def _together(documents: Sequence[Document], released: dt.date | None) -> Document:
    """The exhibits as one document: every table and all the prose, for the fiscal calendar."""
    first = documents[0]
    if len(documents) == 1:
        return replace(first, document_date=released)
    markup = any(d.format is InputFormat.HTML for d in documents)
    return replace(first, format=InputFormat.HTML if markup else first.format, document_date=released,
                   text="\n".join(d.text for d in documents), tables=tuple(t for d in documents for t in d.tables))


def with_shared(document: Document, shared: Shared) -> Document:
    """``document`` as its filing knows it: the filing's entity and release date."""
    return replace(document, company=shared.company or document.company,
                   cik=shared.cik or document.cik, document_date=shared.released or document.document_date)
