"""The ixbrl-viewer in a real headless Chromium, opened from ``file://`` (issue 4).

The Lexington release is converted (viewer included), the viewer is opened on the deep link of
the Q4 2004 net sales fact and driven over the DevTools protocol (:mod:`browser`): the loader
must go away, the inspector must show that fact, the document must highlight it, the validation
messages must be listed, and nothing may be fetched from the network. Skips where no Chromium
is installed (``.ci/run`` installs it when it can).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from browser import BrowserError, Page, find_chromium, headless_page
from converter.cli import main
from converter.model import ConversionResult
from taxonomy import ns

pytestmark = pytest.mark.browser

READY_TIMEOUT = 30.0
IX = f"{{{ns.IX}}}"
XBRLI = f"{{{ns.XBRLI}}}"

# The viewer's state once its loader has finished (null while it still shows "loading").
VIEWER_STATE = """(() => {
  const ixv = document.querySelector('#ixv');
  const loader = ixv && ixv.querySelector('.loader');
  if (!ixv || (loader && loader.classList.contains('loading'))) return null;
  return {loader: loader ? loader.innerText : null,
          failed: document.querySelector('#inspector.failed-to-load') !== null};
})()"""
SELECTED_FACT = """(() => {
  const text = (sel) => { const e = document.querySelector(sel); return e ? e.innerText.trim() : ''; };
  const frame = document.querySelector('#ixv #iframe-container iframe');
  const marked = frame && frame.contentDocument.querySelector('.ixbrl-selected [id]');
  if (!text('#inspector .concept-name-title') || !marked) return null;
  return {label: text('#inspector .concept-name-title'),
          value: text('#inspector .fact-properties tr.value .fact-value'),
          period: text('#inspector .fact-properties tr.period td'),
          marked_id: marked.id, marked_text: marked.textContent.trim(),
          document: frame.contentDocument.body.innerText};
})()"""
VALIDATION_ROWS = """(() => {
  const rows = Array.from(document.querySelectorAll('.validation-report tbody tr'));
  return rows.length ? rows.map(r => Array.from(r.cells).map(c => c.innerText.trim())) : null;
})()"""


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    """One headless Chromium tab for the module (the browser is killed at teardown)."""
    binary = find_chromium()
    if binary is None:
        pytest.skip("no Chromium found on PATH (chromium, chromium-browser, google-chrome); .ci/run installs it")
    try:
        with headless_page(binary, tmp_path_factory.mktemp("chromium"), timeout=READY_TIMEOUT) as tab:
            tab.send("Network.enable")
            yield tab
    except BrowserError as exc:
        pytest.fail(f"headless Chromium could not be driven: {exc}")


def net_sales_fact_id(inline: Path, start: str, end: str) -> str:
    """The id of the first NetSales fact of ``inline`` for start..end without dimensions.

    A release may print the same figure twice (a statement and a segment table): the first one
    in document order is taken.
    """
    root = etree.parse(str(inline)).getroot()
    contexts = {
        c.get("id")
        for c in root.iter(f"{XBRLI}context")
        if c.findtext(f"{XBRLI}period/{XBRLI}startDate") == start
        and c.findtext(f"{XBRLI}period/{XBRLI}endDate") == end
        and c.find(f"{XBRLI}entity/{XBRLI}segment") is None
        and c.find(f"{XBRLI}scenario") is None
    }
    ids = [
        f.get("id")
        for f in root.iter(f"{IX}nonFraction")
        if f.get("name", "").split(":")[-1] == "NetSales" and f.get("contextRef") in contexts
    ]
    assert ids and ids[0], f"no NetSales fact for {start}..{end} in {inline.name}"
    return str(ids[0])


def open_viewer(page: Page, viewer: Path, fragment: str = "") -> None:
    """Open ``viewer`` from file:// and wait until its loader is gone; fail if it reported an error."""
    assert viewer.is_file(), viewer
    page.events.clear()
    page.open(viewer.resolve().as_uri() + fragment, timeout=READY_TIMEOUT)
    state = page.wait_for(VIEWER_STATE, timeout=READY_TIMEOUT)
    assert state == {"loader": None, "failed": False}, f"the viewer did not load: {state}"


def assert_offline(page: Page) -> None:
    """Everything the page requested came from file:// (or inline data:), nothing from a network."""
    urls = page.requested_urls()
    assert any(u.endswith("/ixbrlviewer.js") for u in urls), urls
    remote = [u[:120] for u in urls if not u.startswith(("file://", "data:", "blob:", "about:"))]
    assert remote == []


def test_viewer_opens_on_the_deep_linked_q4_net_sales(
    page: Page, lexington_out: tuple[ConversionResult, Path]
) -> None:
    _, out = lexington_out
    fact_id = net_sales_fact_id(out / "lpc-20041231.htm", "2004-10-01", "2004-12-31")
    open_viewer(page, out / "viewer" / "xbrlviewer.html", f"#f-{fact_id}")
    shown = page.wait_for(SELECTED_FACT, timeout=READY_TIMEOUT)
    assert shown["label"] == "Net sales"
    assert shown["value"].endswith("24,392,000") and "$" in shown["value"]
    assert shown["period"] == "1 Oct 2004 to 31 Dec 2004"
    assert (shown["marked_id"], shown["marked_text"]) == (fact_id, "24,392")
    assert "LEXINGTON PRECISION REPORTS FOURTH QUARTER AND YEAR RESULTS" in shown["document"]
    assert_offline(page)


def test_viewer_lists_the_validation_findings(page: Page, lexington_out: tuple[ConversionResult, Path]) -> None:
    _, out = lexington_out
    open_viewer(page, out / "viewer" / "xbrlviewer.html")
    assert page.evaluate("getComputedStyle(document.querySelector('#ixv .validation-warning')).display") != "none"
    page.evaluate("document.querySelector('#ixv .validation-warning').click()")
    rows = page.wait_for(VALIDATION_ROWS, timeout=READY_TIMEOUT)
    assert ["INCONSISTENCY", "calc11e:inconsistentCalculationUsingRounding"] in [row[:2] for row in rows]


def test_view_command_output_opens_offline(page: Page, lexington_out: tuple[ConversionResult, Path],
                                           tmp_path: Path) -> None:
    _, out = lexington_out
    inline = out / "lpc-20041231.htm"
    result = CliRunner().invoke(main, ["view", str(inline), "-o", str(tmp_path / "view")])
    assert result.exit_code == 1, result.output
    fact_id = net_sales_fact_id(inline, "2004-01-01", "2004-12-31")
    open_viewer(page, tmp_path / "view" / "xbrlviewer.html", f"#f-{fact_id}")
    shown = page.wait_for(SELECTED_FACT, timeout=READY_TIMEOUT)
    assert (shown["label"], shown["marked_id"], shown["marked_text"]) == ("Net sales", fact_id, "110,353")
    assert shown["period"] == "1 Jan 2004 to 31 Dec 2004"
    assert_offline(page)


def test_loader_times_out_on_a_page_that_is_not_a_viewer(page: Page, tmp_path: Path) -> None:
    plain = tmp_path / "plain.html"
    plain.write_text("<html><body><div id='ixv'><div class='loader loading'>Loading</div></div></body></html>")
    page.open(plain.as_uri(), timeout=READY_TIMEOUT)
    with pytest.raises(TimeoutError):
        page.wait_for(VIEWER_STATE, timeout=1.0)
