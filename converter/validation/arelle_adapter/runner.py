"""One Arelle session per process, offline and serialised; a run lends its open models to a callback.

What Arelle 2.47.3 does here (checked in its source and by the tests, not assumed):

* ``Session.run`` closes the process-wide plugin and package managers at the start of every run,
  and only a *new* controller initialises them again. So the second run of a session that asks for
  ``packages`` fails with ``KeyError: 'packages'``. A run that needs them starts a fresh session
  (the first run of a session works). Plain runs reuse the session, and so does any run after a
  fresh one. No run loads a plugin: the viewer and the OIM files are made by calling the plugins'
  code on the open model (``outputs.save_derived``), so they cost no fresh session either.
* The log handler is attached on the first run of a session only. Arelle's own buffers are never
  cleared, so the handler is ours and is emptied before each run.
* A ``Session`` refuses calls from any thread but the one that created it. A run from another
  thread replaces the session (runs are still one at a time, under ``_LOCK``).
* The ixbrl-viewer plugin reads validation messages from ``cntlr.logHandler.logRecordBuffer``, so
  the handler keeps its records under that name.
* Arelle logs some checks (Calc 1.1 summations) in an order that depends on object addresses, so
  the handler keeps records sorted by severity, code and text: the viewer and the findings are
  the same bytes run to run.

``arelle`` is imported lazily, so importing xbrlify does not cost Arelle's 0.3 s start-up.
"""

from __future__ import annotations

import bisect
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from converter.defects import debug_enabled, traceback_text
from converter.validation.arelle_adapter.records import message_text

T = TypeVar("T")

_LOCK = threading.Lock()


class Collector(logging.Handler):
    """A logging handler that keeps every record of the current run, in a stable order."""

    def __init__(self) -> None:
        super().__init__(level=logging.NOTSET)
        self.logRecordBuffer: list[logging.LogRecord] = []  # the name ixbrl-viewer reads

    def emit(self, record: logging.LogRecord) -> None:
        """Keep ``record`` among the others by (severity, code, message); equal ones in arrival order."""
        bisect.insort_right(self.logRecordBuffer, record, key=_order)


def _order(record: logging.LogRecord) -> tuple[int, str, str]:
    return -record.levelno, str(getattr(record, "messageCode", "")), message_text(record)


@dataclass(frozen=True, slots=True, kw_only=True)
class Request:
    """One Arelle run over one entry point.

    Attributes:
        entry: The entry point (absolute path or URL).
        validate: Validate (XBRL 2.1, dimensions, UTR, inconsistent duplicate facts).
        calcs: Arelle's calculation mode (``c11r``, ``c10`` or ``none``).
        packages: Taxonomy packages to activate.
    """

    entry: str
    validate: bool = False
    calcs: str = "none"
    packages: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome(Generic[T]):
    """What a run left behind.

    Attributes:
        records: Every log record of the run, in order.
        value: What the callback returned from the open models (None when Arelle crashed).
        failure: ``ExceptionType: text`` when Arelle raised instead of logging, else None.
        trace: The whole traceback of that exception when debugging is on (``XBRLIFY_DEBUG``).
    """

    records: tuple[logging.LogRecord, ...]
    value: T | None
    failure: str | None = None
    trace: str | None = None


class _Arelle:
    """The process-wide session and its handler; touched only while holding ``_LOCK``."""

    def __init__(self) -> None:
        self.session: Any = None
        self.handler = Collector()
        self.thread: int | None = None
        self.reusable = False

    def renew(self) -> None:
        """Replace the session with a new one (and a new handler)."""
        from arelle.api.Session import Session

        self.retire()
        self.session = Session()
        self.handler = Collector()
        self.thread = threading.get_ident()
        self.reusable = True

    def retire(self) -> None:
        """Close the session; from a foreign thread, only detach its handler (Arelle forbids more)."""
        if self.session is not None:
            if self.thread == threading.get_ident():
                self.session.close()
            else:
                logging.getLogger("arelle").removeHandler(self.handler)
        self.session = None
        self.reusable = False


_ARELLE = _Arelle()


def run(request: Request, inspect: Callable[[Sequence[Any]], T]) -> Outcome[T]:
    """Run Arelle once and call ``inspect`` on the loaded models before they are closed.

    Args:
        request: What to load and how.
        inspect: Called with Arelle's open ``ModelXbrl`` objects (maybe none); its result is
            returned as ``Outcome.value``. It must not keep references to them.

    Returns:
        The run's log records, the callback's result, and Arelle's crash text if it raised.
    """
    with _LOCK:
        state = _ARELLE
        needs_fresh = bool(request.packages)  # see the module docstring
        if needs_fresh or not state.reusable or state.thread != threading.get_ident():
            state.renew()
        state.handler.logRecordBuffer.clear()
        try:
            state.session.run(_options(request), logHandler=state.handler)
        except Exception as exc:  # noqa: BLE001 - Arelle is a black box: its crash becomes a finding
            state.reusable = False
            _close_all(state.session)
            records = tuple(state.handler.logRecordBuffer)
            trace = traceback_text(exc) if debug_enabled() else None
            return Outcome(records=records, value=None, failure=f"{type(exc).__name__}: {exc}", trace=trace)
        try:
            value = inspect(tuple(state.session.get_models()))
        finally:
            _close_all(state.session)
        return Outcome(records=tuple(state.handler.logRecordBuffer), value=value)


def close() -> None:
    """Close the process-wide session (a later run opens a new one)."""
    with _LOCK:
        _ARELLE.retire()


def _options(request: Request) -> Any:
    """Arelle's RuntimeOptions for ``request``: always offline, never persisting configuration."""
    from arelle.RuntimeOptions import RuntimeOptions

    return RuntimeOptions(
        entrypointFile=request.entry,
        keepOpen=True,
        validate=request.validate,
        calcs=request.calcs,
        utrValidate=request.validate,
        validateDuplicateFacts="inconsistent" if request.validate else None,
        packages=[str(p) for p in request.packages] or None,
        workOffline=True,
        disablePersistentConfig=True,
        logLevel="INFO",
        logPropagate=False,
        logRefObjectProperties=False,
    )


def _close_all(session: Any) -> None:
    """Close every model the session still holds, and their archives."""
    for model in tuple(session.get_models()):
        source = getattr(model, "fileSource", None)
        model.modelManager.close(model)
        if source is not None:
            source.close()
