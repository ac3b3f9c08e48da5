"""Defects of xbrlify itself (an exception from its own code, or Arelle's) as located diagnostics.

A defect never ends a run in a bare traceback: the pipeline, the batch, ``validate`` and the
command line turn it into one error diagnostic (``internal.error``, ``convert.crashed``) on the
release or file it happened on, naming the exception and the line that raised it::

    release.txt error internal.error: xbrlify failed on this input (KeyError: 'x' at build.py:88); please report it

With debugging on (``XBRLIFY_DEBUG=1``, which ``xbrlify --debug`` sets, so that batch worker
processes inherit it) the diagnostic also keeps the whole traceback in its data
(``traceback``), and the command line prints it on stderr; JSON and JUnit findings show it too.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable
from pathlib import Path

from converter import diagnostics as dx
from converter.model import Diagnostic, SourceSpan

#: The environment variable that turns debugging on (any value but "", "0", "false", "no", "off").
DEBUG_ENV = "XBRLIFY_DEBUG"
#: The data key of a defect's whole traceback.
TRACEBACK = "traceback"

_OFF = frozenset({"", "0", "false", "no", "off"})


def debug_enabled() -> bool:
    """True when defects keep their whole traceback (``XBRLIFY_DEBUG`` is set and not off)."""
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in _OFF


def enable_debug() -> None:
    """Turn debugging on for this process and the worker processes it starts from now on."""
    os.environ[DEBUG_ENV] = "1"


def defect(code: str, what: str, exc: BaseException, path: str, **data: object) -> Diagnostic:
    """An error saying ``what`` failed on ``path`` with ``exc``, at the line that raised it.

    Args:
        code: The diagnostic code (``internal.error``, ``convert.crashed``).
        what: What failed, as the message starts ("xbrlify failed on this input").
        exc: The exception caught.
        path: The release or file it happened on ("" when none is known).
        **data: Structured arguments kept with it.

    Returns:
        One located error; with debugging on its data holds the whole traceback too.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    at = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    if debug_enabled():
        data[TRACEBACK] = traceback_text(exc)
    spans = (SourceSpan(path=path),) if path else ()
    return dx.error(code, f"{what} ({type(exc).__name__}: {exc}{at}); please report it", *spans, **data)


def traceback_text(exc: BaseException) -> str:
    """The whole traceback of ``exc`` as Python prints it (chained exceptions included)."""
    return "".join(traceback.format_exception(exc))


def tracebacks(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """The tracebacks the diagnostics keep (none unless debugging was on), in order."""
    return [value for d in diagnostics for key, value in d.data if key == TRACEBACK]
