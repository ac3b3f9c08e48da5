"""Generated inputs: hypothesis strategies of seed releases and the mutators applied to them.

Seeds are small synthetic releases (text and HTML, statements of flows and balances, breakdowns)
and windows of the corpus releases (when the corpus is there). A generated input is a seed
with one to three mutations: byte flips, truncation, HTML structure, numbers, periods, encodings
and character references. ``submissions`` wraps one to three of them as the EX-99 exhibits of
an EDGAR submission.

The size of a run is ``XBRLIFY_GENERATED_EXAMPLES`` (inputs in all, default 300: a CI run, derandomized);
the bound on one input's time is ``XBRLIFY_GENERATED_SECONDS`` (default 60, generous).
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import signal
from collections.abc import Callable, Iterator
from functools import cache
from types import FrameType

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from converter import diagnostics as dx
from converter.model import Diagnostic, Severity
from tests.support import edgar_files
from tests.support.fuzz import HTML_RELEASE, TEXT_RELEASE
from tests.support.hostile import text_release
from tests.support.paths import CORPUS
from tests.support.releases import BALANCE_SHEET, HEADER, STATEMENT

TOTAL = int(os.environ.get("XBRLIFY_GENERATED_EXAMPLES") or 300)
SECONDS = int(os.environ.get("XBRLIFY_GENERATED_SECONDS") or 60)
PEAK_BYTES = 3 * 2**30  # the process's peak resident memory, Arelle included: a blowup, not a tight bound


def examples(share: float, least: int = 3) -> settings:
    """Hypothesis settings for a test that takes ``share`` of the run's inputs."""
    return settings(max_examples=max(least, round(TOTAL * share)), deadline=None, derandomize=TOTAL <= 300,
                    suppress_health_check=list(HealthCheck), database=None)


_SEGMENTS = HEADER + """\
    Net sales:
      Americas                                   $    700    $    600
      Europe                                          300         300
                                                 ---------   ---------
         Total net sales                            1,000         900
    Cost of sales                                     600         500
                                                 ---------   ---------
         Gross profit                                 400         400
"""

_BALANCE = BALANCE_SHEET + """\
    Cash and cash equivalents                    $    300    $    200
    Accounts receivable                               150         140
                                                 ---------   ---------
         Total current assets                         450         340
    Accounts payable                                  120         100
    Stockholders' equity                              330         240
                                                 ---------   ---------
         Total liabilities and equity                 450         340
"""

_HTML_COLUMNS = """<html><body><p>EXAMPLE WIDGETS CORPORATION</p>
<p>SEGMENT RESULTS (In millions)</p>
<table>
<tr><td></td><td>Rubber Group</td><td>Metals Group</td><td>Eliminations</td><td>Consolidated</td></tr>
<tr><td></td><td colspan="4">Year ended December 31, 2024</td></tr>
<tr><td>Net sales</td><td>$ 700</td><td>$ 300</td><td>(10)</td><td>$ 990</td></tr>
<tr><td>Operating income</td><td>70</td><td>30</td><td>&#8212;</td><td>100</td></tr>
<tr><td>Net income per share &#8212; diluted</td><td>$ 0.70</td><td>$ 0.30</td><td></td><td>$ 1.00</td></tr>
</table></body></html>
"""

SYNTHETIC: tuple[bytes, ...] = (
    TEXT_RELEASE.encode(), HTML_RELEASE.encode(), (HEADER + STATEMENT).encode(), _SEGMENTS.encode(),
    _BALANCE.encode(), (_BALANCE + "\n\n" + HEADER + STATEMENT).encode(), _HTML_COLUMNS.encode(),
    text_release(member1="Products", member2="Services"),
)


@cache
def corpus_releases() -> tuple[bytes, ...]:
    """The corpus releases (none when the corpus is not there)."""
    if not CORPUS.is_dir():
        return ()
    return tuple(p.read_bytes() for p in sorted(CORPUS.iterdir()) if p.suffix in {".htm", ".txt"})


@st.composite
def corpus_window(draw: st.DrawFn) -> bytes:
    """Up to 40 KB of a corpus release, starting at one of its tables (HTML) or statement titles (text)."""
    releases = corpus_releases()
    data = draw(st.sampled_from(releases)) if releases else SYNTHETIC[0]
    starts = [m.start() for m in re.finditer(rb"(?i)<table|STATEMENTS? OF|BALANCE SHEETS?", data)] or [0]
    start = max(0, draw(st.sampled_from(starts[:200])) - draw(st.integers(0, 2000)))
    return data[start:start + draw(st.integers(2000, 40_000))]


def seeds() -> st.SearchStrategy[bytes]:
    """A seed release: a synthetic one, or a window of the corpus."""
    return st.one_of(st.sampled_from(SYNTHETIC), corpus_window()) if corpus_releases() else st.sampled_from(SYNTHETIC)


# --- mutators: each takes the input and a draw, and returns the input changed ------------------------

Mutator = Callable[[bytes, st.DrawFn], bytes]


def flip_bytes(data: bytes, draw: st.DrawFn) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        if out:
            out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
    return bytes(out)


def truncate(data: bytes, draw: st.DrawFn) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


TAGS = [b"<table>", b"</table>", b"<tr>", b"</tr>", b"<td>", b"</td>", b"<td colspan=\"3\">", b"<td colspan=\"0\">",
        b"<td rowspan=\"99\">", b"<th>", b"<pre>", b"</pre>", b"<br>", b"<p>", b"<b>", b"</b>", b"<!--", b"-->",
        b"<![CDATA[", b"<div style=\"display:none\">", b"<font size=\"7\">", b"<td style=\"padding-left:99pt\">",
        b"<table><tr><td>Net sales</td><td>1</td></tr></table>", b"<?xml version=\"1.0\"?>", b"<html>", b"</html>"]


def html_structure(data: bytes, draw: st.DrawFn) -> bytes:
    """A tag inserted, one deleted, or one repeated."""
    tags = list(re.finditer(rb"<[^<>]{0,200}>", data))
    action = draw(st.sampled_from(["insert", "delete", "repeat"] if tags else ["insert"]))
    if action == "insert":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.sampled_from(TAGS)) + data[at:]
    tag = tags[draw(st.integers(0, len(tags) - 1))]
    middle = b"" if action == "delete" else tag.group() * draw(st.integers(2, 50))
    return data[: tag.start()] + middle + data[tag.end():]


FIGURES = [b"0", b"-0-", b"(1,214)", b"(1,214", b"1,214)", b"--", b"\xe2\x80\x94", b"12.5%", b"$", b"9" * 40,
           b"9" * 400, b"1e400", b"0.000001", b"1,2,3,,4", b"(((1)))", b"NaN", b"\xd9\xa1\xd9\xa2", b"-5", b"+5",
           b"1.2.3", b"12/31/2024", b"2024", b"\xc2\xb2", b""]


def numbers(data: bytes, draw: st.DrawFn) -> bytes:
    """A printed figure replaced (by a strange figure, or by another number)."""
    found = list(re.finditer(rb"\(?\$?\d[\d,.]*\)?%?", data))
    if not found:
        return data
    hit = found[draw(st.integers(0, len(found) - 1))]
    new = draw(st.one_of(st.sampled_from(FIGURES), st.integers(-10**15, 10**15).map(lambda n: f"{n:,}".encode())))
    return data[: hit.start()] + new + data[hit.end():]


PERIODS = [b"2024", b"2023", b"0001", b"9999", b"1899", b"2100", b"24", b"FY24", b"Q4 2024", b"fiscal 2024",
           b"Three Months Ended", b"Nine Months Ended", b"Year Ended", b"Six Weeks Ended", b"Thirteen Weeks Ended",
           b"December 31,", b"February 30,", b"June 31", b"As of", b"At", b"Ended", b""]


def periods(data: bytes, draw: st.DrawFn) -> bytes:
    """A year, month or period heading replaced."""
    pattern = rb"(?i)\b(?:19|20)\d\d\b|\b(?:january|february|march|april|may|june|july|august|september|" \
              rb"october|november|december)\b(?: \d\d?,?)?|\b(?:three|six|nine|twelve) months ended|year ended"
    found = list(re.finditer(pattern, data))
    if not found:
        return data
    hit = found[draw(st.integers(0, len(found) - 1))]
    return data[: hit.start()] + draw(st.sampled_from(PERIODS)) + data[hit.end():]


ENCODINGS = ["utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "utf-8-sig", "shift_jis"]


def encoding(data: bytes, draw: st.DrawFn) -> bytes:
    """The text in another encoding, or invalid UTF-8 inserted."""
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.sampled_from([b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x00"])) + data[at:]
    text = data.decode("utf-8", errors="replace")
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


REFERENCES = [b"&#1;", b"&#3;", b"&#x1b;", b"&#xFFFE;", b"&#xD800;", b"&#0;", b"&#99999999;", b"&#" + b"1" * 5000,
              b"&nbsp;", b"&amp;", b"&bogus;", b"\x1b[1m", b"\x07", b"\x0c", "\u202e".encode(),
              b"\xef\xbf\xbe", "\u00b2".encode()]


def references(data: bytes, draw: st.DrawFn) -> bytes:
    """A character reference or control character inserted, in a label most likely."""
    labels = [m.end() for m in re.finditer(rb"(?m)^ {2,}[A-Z]|<td>[A-Z]", data)] or [0]
    at = draw(st.sampled_from(labels)) if draw(st.booleans()) else draw(st.integers(0, len(data)))
    return data[:at] + draw(st.sampled_from(REFERENCES)) + data[at:]


MUTATORS: dict[str, Mutator] = {
    "flip": flip_bytes, "truncate": truncate, "html": html_structure, "numbers": numbers, "periods": periods,
    "encoding": encoding, "references": references,
}


@st.composite
def inputs(draw: st.DrawFn) -> tuple[str, bytes]:
    """(the mutations applied, the generated input)."""
    data = draw(seeds())
    names = draw(st.lists(st.sampled_from(sorted(MUTATORS)), min_size=1, max_size=3))
    for name in names:
        data = MUTATORS[name](data, draw)
    return "+".join(names), data


@st.composite
def submissions(draw: st.DrawFn) -> tuple[str, bytes]:
    """An EDGAR submission of one to three EX-99 exhibits, each a generated input or a seed."""
    count = draw(st.integers(1, 3))
    made = [draw(st.one_of(inputs(), st.sampled_from(SYNTHETIC).map(lambda d: ("seed", d)))) for _ in range(count)]
    exhibits = [(f"EX-99.{n}", f"ex99-{n}.{'htm' if b'<t' in data.lower() else 'txt'}", data)
                for n, (_, data) in enumerate(made, 1)]
    return ",".join(name for name, _ in made), edgar_files.submission(exhibits, wrapped=draw(st.booleans()))


# --- what every generated input must give ------------------------------------------------------------

OWN_CODES = frozenset(v for k, v in vars(dx).items() if k.isupper() and isinstance(v, str))
DEFECTS = (dx.INTERNAL_ERROR, dx.CONVERT_CRASHED, dx.VALIDATE_ARELLE_FAILED)


def defects(diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    """The diagnostics that are xbrlify's failures, not the input's: defects and tracebacks."""
    return [d.render() for d in diagnostics if d.code in DEFECTS or "Traceback (most recent call last)" in d.message]


def rejected(diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    """Arelle's errors of the XBRL 2.1, XDT and schema kinds: every error not of xbrlify's own codes
    (the release's own inconsistencies, calc11e and the like, are not errors)."""
    return [d.render() for d in diagnostics
            if d.severity is Severity.ERROR and d.code not in OWN_CODES and not d.code.startswith("calc")]


class TooSlowError(Exception):
    """One generated input took longer than ``SECONDS``."""


@contextlib.contextmanager
def bounded(what: str) -> Iterator[None]:
    """Fail when the block takes longer than ``SECONDS`` or the process's peak memory passes ``PEAK_BYTES``."""
    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise TooSlowError(f"{what}: more than {SECONDS} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    assert peak < PEAK_BYTES, f"{what}: the process peaked at {peak / 2**20:.0f} MB"
