"""Arelle log records as xbrlify diagnostics.

How Arelle 2.47.3 hands over what a message is about: ``ErrorManager._logArguments`` turns the
``modelObject=`` argument of a message into ``record.refs``, a list of dicts with ``href``
(``<file relative to the entry point>#<fragment>``), ``sourceLine`` and ``objectId``. The fragment
is the element's XML ``id`` when it has one, else an ``element(/1/14)`` pointer. The objects
themselves are not in the record. ``record.args`` holds the message's other named arguments,
already turned into strings. ``record.messageCode`` is the code.

So a fact is recognised by the id in its ref's fragment, and looked up in ``sources`` (fact id to
release spans). Facts without an id cannot be traced back to the release.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from converter.inputs.entry_points import is_url
from converter.model import Diagnostic, Severity, SourceSpan

_SEVERITY_BY_LEVEL = {
    "CRITICAL": Severity.ERROR,
    "ERROR": Severity.ERROR,
    "ASSERTION-NOT-SATISFIED": Severity.ERROR,
    "ERROR-SEMANTIC": Severity.ERROR,
    "INCONSISTENCY": Severity.INCONSISTENCY,
    "ASSERTION-SATISFIED": Severity.INFO,
    "WARNING-SEMANTIC": Severity.WARNING,
    "WARNING": Severity.WARNING,
    "INFO-SEMANTIC": Severity.INFO,
    "INFO": Severity.INFO,
    "INFO-RESULT": Severity.INFO,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Where:
    """Where Arelle loaded the entry point from, and how the caller named it.

    Attributes:
        entry: The entry point as given to Arelle: an absolute path or a URL.
        shown: The entry point as the caller named it; files beside it are shown relative to it.
    """

    entry: str
    shown: str

    def display(self, href_file: str) -> str:
        """The file an Arelle ``href`` (fragment removed) names, as the caller would write it."""
        if not href_file:
            return self.shown
        if is_url(href_file) or is_url(self.entry):
            relative = not is_url(href_file) and not os.path.isabs(href_file)
            target = urljoin(self.entry, href_file) if relative else href_file
            return self.shown if target == self.entry else target
        entry = Path(self.entry)
        path = Path(os.path.normpath(entry.parent / href_file))
        if path == entry:
            return self.shown
        try:
            return str(Path(self.shown).parent / path.relative_to(entry.parent))
        except ValueError:
            return str(path)


@dataclass(frozen=True, slots=True, kw_only=True)
class Ref:
    """One object a message refers to.

    Attributes:
        file: The file it is in (as :meth:`Where.display` shows it).
        line: Its line in that file, when known.
        fragment: The href fragment: an XML id or an ``element(...)`` pointer ("" for a file).
    """

    file: str
    line: int | None
    fragment: str

    @property
    def fact_id(self) -> str | None:
        """The object's XML id, when the fragment is one."""
        if self.fragment and not self.fragment.startswith("element("):
            return self.fragment
        return None


def severity_of(record: logging.LogRecord) -> Severity:
    """Our severity for an Arelle record (Arelle's custom level names first, then its number)."""
    known = _SEVERITY_BY_LEVEL.get(record.levelname)
    if known is not None:
        return known
    if record.levelno >= logging.ERROR - 2:
        return Severity.ERROR
    if record.levelno >= logging.WARNING + 3:
        return Severity.INCONSISTENCY
    return Severity.WARNING if record.levelno >= logging.WARNING else Severity.INFO


def refs_of(record: logging.LogRecord, where: Where) -> tuple[Ref, ...]:
    """The objects ``record`` refers to, in Arelle's order."""
    found = []
    for raw in getattr(record, "refs", None) or ():
        if not isinstance(raw, Mapping):
            continue
        href_file, _, fragment = str(raw.get("href", "")).partition("#")
        found.append(Ref(file=where.display(href_file), line=_line(raw.get("sourceLine")), fragment=fragment))
    return tuple(found)


def is_chatter(record: logging.LogRecord) -> bool:
    """True for progress messages: below WARNING and about no object inside a document.

    That rule drops "loaded in 0.02 secs", "validated in ...", package and plugin activation and
    the viewer's progress lines (all point at a whole file or at nothing), and keeps every
    warning, inconsistency and error, and any INFO finding about a fact, context or concept.
    """
    if record.levelno >= logging.WARNING:
        return False
    return not any("#" in str(raw.get("href", "")) for raw in _raw_refs(record))


def convert(
    records: Iterable[logging.LogRecord],
    where: Where,
    sources: Mapping[str, Sequence[SourceSpan]],
) -> list[Diagnostic]:
    """The findings among ``records`` as diagnostics, in Arelle's order (chatter dropped)."""
    return [to_diagnostic(r, where, sources) for r in records if not is_chatter(r)]


def to_diagnostic(
    record: logging.LogRecord,
    where: Where,
    sources: Mapping[str, Sequence[SourceSpan]],
) -> Diagnostic:
    """One Arelle record as a diagnostic: code unchanged, file/line of the first object, and the
    release spans of every fact it names (in the order Arelle names them: a calculation's total
    first, then its contributing items)."""
    refs = refs_of(record, where)
    ids = tuple(dict.fromkeys(r.fact_id for r in refs if r.fact_id))
    spans = tuple(dict.fromkeys(s for i in ids for s in sources.get(i, ())))
    first = next((r for r in refs if r.file), None)
    line = first.line if first is not None else None
    if line is None:
        line = _line(getattr(record, "sourceLine", None))
    data = dict(_args_of(record))
    data["arelle_level"] = record.levelname
    if ids:
        data["facts"] = " ".join(ids)
    return Diagnostic(
        code=str(getattr(record, "messageCode", "") or record.levelname.lower()),
        severity=severity_of(record),
        message=message_text(record),
        spans=spans,
        data=tuple(sorted(data.items())),
        file=first.file if first is not None else where.shown,
        file_line=line,
    )


def fact_ids(diagnostic: Diagnostic) -> frozenset[str]:
    """The fact ids a converted diagnostic names (its ``facts`` data entry)."""
    return frozenset(dict(diagnostic.data).get("facts", "").split())


def _raw_refs(record: logging.LogRecord) -> list[Mapping[str, object]]:
    return [r for r in getattr(record, "refs", None) or () if isinstance(r, Mapping)]


def _line(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value > 0 else None
    if isinstance(value, str) and value.isdigit():
        return int(value) or None
    return None


def message_text(record: logging.LogRecord) -> str:
    """The record's message, or its bare text when its arguments do not fit it."""
    try:
        return record.getMessage()
    except (TypeError, KeyError, ValueError):  # a message whose arguments do not fit its text
        return str(record.msg)


def _args_of(record: logging.LogRecord) -> Iterable[tuple[str, str]]:
    args = record.args
    if not isinstance(args, Mapping):
        return ()
    return ((str(k), _text(v)) for k, v in args.items())


def _text(value: object) -> str:
    if isinstance(value, (set, frozenset)):
        return ", ".join(sorted(str(v) for v in value))
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)
