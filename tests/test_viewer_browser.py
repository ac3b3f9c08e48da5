"""The ixbrl-viewer in a real headless Chromium, opened from ``file://`` (issue 4).

The Lexington release is converted (viewer included), the viewer is opened on the deep link of
the Q4 2004 net sales fact and driven through Playwright with the system Chromium (never a browser
of Playwright's own): the loader must go away, the inspector must show that fact, the document
must highlight it and the validation messages must be listed. Every request a page makes is
routed here: ``file:``, ``data:`` and ``blob:`` URLs load, anything else is aborted and fails the
test. Skips where no Chromium is installed (``.ci/run`` installs it when it can).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from converter.cli.commands import main
from converter.model import ConversionResult
from taxonomy import ns

pytestmark = pytest.mark.browser

READY_TIMEOUT_MS = 30_000
IX = f"{{{ns.IX}}}"
XBRLI = f"{{{ns.XBRLI}}}"

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Headless (Playwright's headless=True), as root, and with none of the browser's own calls home.
CHROMIUM_FLAGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
)
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")

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


def find_chromium() -> str | None:
    """The first Chromium-like browser on PATH, or None."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class OfflineTab:
    """A browser tab whose every request is routed: local URLs load, any other is aborted and kept.

    Attributes:
        page: The Playwright page.
        requested: Every URL the page asked for, in order.
        remote: The URLs that were not local (aborted; the test fails on any).
    """

    def __init__(self, context: BrowserContext) -> None:
        self.requested: list[str] = []
        self.remote: list[str] = []
        context.route("**/*", self._route)
        self.page: Page = context.new_page()

    def _route(self, route: Route) -> None:
        url = route.request.url
        self.requested.append(url)
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            self.remote.append(url)
            route.abort()

    def wait_for(self, expression: str, timeout_ms: int = READY_TIMEOUT_MS) -> Any:
        """The value of ``expression`` once it is truthy (Playwright's TimeoutError if it never is)."""
        return self.page.wait_for_function(expression, timeout=timeout_ms).json_value()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """The system Chromium, headless, for the module (closed at teardown)."""
    binary = find_chromium()
    if binary is None:
        pytest.skip(f"no Chromium found on PATH ({', '.join(CHROMIUM_NAMES)}); .ci/run installs it")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=binary, headless=True, args=list(CHROMIUM_FLAGS), timeout=READY_TIMEOUT_MS)
        except PlaywrightError as exc:
            pytest.fail(f"headless Chromium ({binary}) could not be started: {exc}")
        yield launched
        launched.close()


@pytest.fixture
def tab(browser: Browser) -> Iterator[OfflineTab]:
    """A fresh tab (its own context: no cache, no service workers) whose requests are routed."""
    context = browser.new_context(locale="en-US", service_workers="block")
    try:
        yield OfflineTab(context)
    finally:
        context.close()


def net_sales_fact_id(inline: Path, start: str, end: str) -> str:
    """The id of the first Revenues fact of ``inline`` for start..end without dimensions.

    A release may print the same figure more than once (its prose, a statement, a segment table):
    the first one in document order is taken (Lexington's prose: "net sales of $24,392,000").
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
        if f.get("name", "").split(":")[-1] == "Revenues" and f.get("contextRef") in contexts
    ]
    assert ids and ids[0], f"no Revenues fact for {start}..{end} in {inline.name}"
    return str(ids[0])


def open_viewer(tab: OfflineTab, viewer: Path, fragment: str = "") -> None:
    """Open ``viewer`` from file:// and wait until its loader is gone; fail if it reported an error."""
    assert viewer.is_file(), viewer
    tab.page.goto(viewer.resolve().as_uri() + fragment, timeout=READY_TIMEOUT_MS)
    state = tab.wait_for(VIEWER_STATE)
    assert state == {"loader": None, "failed": False}, f"the viewer did not load: {state}"


def assert_offline(tab: OfflineTab) -> None:
    """Everything the page requested came from file:// (or inline data:), nothing from a network."""
    assert any(u.endswith("/ixbrlviewer.js") for u in tab.requested), tab.requested
    assert [u[:120] for u in tab.remote] == []


def test_viewer_opens_on_the_deep_linked_q4_net_sales(
    tab: OfflineTab, lexington_out: tuple[ConversionResult, Path]
) -> None:
    _, out = lexington_out
    fact_id = net_sales_fact_id(out / "lpc-20041231.htm", "2004-10-01", "2004-12-31")
    open_viewer(tab, out / "viewer" / "xbrlviewer.html", f"#f-{fact_id}")
    shown = tab.wait_for(SELECTED_FACT)
    assert shown["label"] == "Revenues"  # the base concept's standard label; "Net sales" is its terse label
    assert shown["value"].endswith("24,392,000") and "$" in shown["value"]
    assert shown["period"] == "1 Oct 2004 to 31 Dec 2004"
    assert (shown["marked_id"], shown["marked_text"]) == (fact_id, "24,392,000")  # tagged in the prose
    assert "LEXINGTON PRECISION REPORTS FOURTH QUARTER AND YEAR RESULTS" in shown["document"]
    assert_offline(tab)


def test_viewer_lists_the_validation_findings(tab: OfflineTab, lexington_out: tuple[ConversionResult, Path]) -> None:
    _, out = lexington_out
    open_viewer(tab, out / "viewer" / "xbrlviewer.html")
    assert tab.page.locator("#ixv .validation-warning").is_visible()
    dialog = tab.page.locator("#dialog-container dialog[open]")
    assert "This report contains XBRL validation errors" in dialog.inner_text(timeout=READY_TIMEOUT_MS)
    dialog.get_by_role("button", name="View Details").click(timeout=READY_TIMEOUT_MS)
    rows = tab.wait_for(VALIDATION_ROWS)
    assert ["INCONSISTENCY", "calc11e:inconsistentCalculationUsingRounding"] in [row[:2] for row in rows]


def test_view_command_output_opens_offline(tab: OfflineTab, lexington_out: tuple[ConversionResult, Path],
                                           tmp_path: Path) -> None:
    _, out = lexington_out
    inline = out / "lpc-20041231.htm"
    result = CliRunner().invoke(main, ["view", str(inline), "-o", str(tmp_path / "view")])
    assert result.exit_code == 1, result.output
    fact_id = net_sales_fact_id(inline, "2004-01-01", "2004-12-31")
    open_viewer(tab, tmp_path / "view" / "xbrlviewer.html", f"#f-{fact_id}")
    shown = tab.wait_for(SELECTED_FACT)
    assert (shown["label"], shown["marked_id"], shown["marked_text"]) == ("Revenues", fact_id, "110,353,000")
    assert shown["period"] == "1 Jan 2004 to 31 Dec 2004"
    assert_offline(tab)


def test_loader_times_out_on_a_page_that_is_not_a_viewer(tab: OfflineTab, tmp_path: Path) -> None:
    plain = tmp_path / "plain.html"
    plain.write_text("<html><body><div id='ixv'><div class='loader loading'>Loading</div></div></body></html>")
    tab.page.goto(plain.as_uri(), timeout=READY_TIMEOUT_MS)
    with pytest.raises(PlaywrightTimeoutError):
        tab.wait_for(VIEWER_STATE, timeout_ms=1_000)


def test_a_remote_request_is_aborted_and_fails_the_offline_check(tab: OfflineTab, tmp_path: Path) -> None:
    page = tmp_path / "remote.html"
    page.write_text("<html><body><img src='http://example.invalid/logo.png'></body></html>")
    tab.page.goto(page.as_uri(), timeout=READY_TIMEOUT_MS)
    assert tab.remote == ["http://example.invalid/logo.png"]
    with pytest.raises(AssertionError):
        assert_offline(tab)
