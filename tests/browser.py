"""A headless Chromium driven over the DevTools protocol, for tests that open pages from ``file://``.

Only the standard library: the browser is started with ``--remote-debugging-port=0``, the
``DevTools listening on ws://...`` line of its stderr gives the WebSocket, and a tiny client
(HTTP upgrade, masked text frames out, unmasked frames in) speaks the protocol on loopback.
One page is opened and attached to (flat sessions), so every command is one ``send``.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--lang=en-US",
    "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
)
_LISTENING = re.compile(rb"DevTools listening on (ws://\S+)")


class BrowserError(RuntimeError):
    """The browser did not start, the protocol failed, or a page script threw."""


def find_chromium() -> str | None:
    """The first Chromium-like browser on PATH (``chromium``, ``chromium-browser``, ``google-chrome``), or None."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class WebSocket:
    """A minimal RFC 6455 client: text messages, answers pings, no extensions."""

    def __init__(self, url: str, *, timeout: float) -> None:
        parts = urlsplit(url)
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise BrowserError(f"refusing a non-loopback DevTools endpoint {url}")
        self._sock = socket.create_connection((parts.hostname, parts.port or 80), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        request = (
            f"GET {parts.path or '/'} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self._sock.sendall(request.encode("ascii"))
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self._sock.recv(4096)
            if not chunk:
                raise BrowserError(f"DevTools closed the connection during the handshake: {head!r}")
            head += chunk
        status, _, self._buffer = head.partition(b"\r\n\r\n")
        if not status.startswith(b"HTTP/1.1 101"):
            raise BrowserError(f"WebSocket upgrade refused: {status.splitlines()[0]!r}")

    def send(self, text: str) -> None:
        """Send one text message (one masked frame)."""
        self._send_frame(0x1, text.encode("utf-8"))

    def recv(self) -> str:
        """The next text message (fragments joined, pings answered).

        Raises:
            BrowserError: The server closed the connection.
        """
        parts: list[bytes] = []
        while True:
            fin, opcode, payload = self._read_frame()
            if opcode == 0x8:
                raise BrowserError("DevTools closed the WebSocket")
            if opcode == 0x9:
                self._send_frame(0xA, payload)
                continue
            if opcode in (0x0, 0x1, 0x2):
                parts.append(payload)
                if fin:
                    return b"".join(parts).decode("utf-8")

    def close(self) -> None:
        """Close the socket (no closing handshake: the browser is killed next anyway)."""
        self._sock.close()

    def _send_frame(self, opcode: int, payload: bytes) -> None:
        size = len(payload)
        if size < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | size)
        elif size < 1 << 16:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, size)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, size)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self._sock.sendall(header + mask + masked)

    def _read_frame(self) -> tuple[bool, int, bytes]:
        first, second = self._read(2)
        size = second & 0x7F
        if size == 126:
            (size,) = struct.unpack("!H", self._read(2))
        elif size == 127:
            (size,) = struct.unpack("!Q", self._read(8))
        mask = self._read(4) if second & 0x80 else b""
        payload = self._read(size)
        if mask:
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        return bool(first & 0x80), first & 0x0F, payload

    def _read(self, count: int) -> bytes:
        while len(self._buffer) < count:
            chunk = self._sock.recv(max(65536, count - len(self._buffer)))
            if not chunk:
                raise BrowserError("DevTools closed the WebSocket")
            self._buffer += chunk
        data, self._buffer = self._buffer[:count], self._buffer[count:]
        return data


class Page:
    """One browser tab attached over a flat DevTools session; its events are kept in ``events``."""

    def __init__(self, ws: WebSocket, session_id: str) -> None:
        self._ws = ws
        self._session = session_id
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Run one DevTools command in this tab and return its result."""
        return call(self._ws, method, params or {}, session=self._session, events=self.events)

    def navigate(self, url: str) -> None:
        """Load ``url`` in the tab (returns when navigation starts, not when the page is ready)."""
        reply = self.send("Page.navigate", {"url": url})
        if reply.get("errorText"):
            raise BrowserError(f"cannot open {url}: {reply['errorText']}")

    def open(self, url: str, *, timeout: float) -> None:
        """Navigate to ``url`` through ``about:blank`` and return once the tab shows the new document.

        Going through a blank page makes sure no later ``evaluate`` reads the previous document
        (nor a same-document fragment jump when only the ``#fragment`` differs).
        """
        for target in ("about:blank", url):
            self.navigate(target)
            self.wait_for(f"location.href.split('#')[0] === {json.dumps(target.split('#')[0])}", timeout=timeout)

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page (awaited if it is a promise).

        Raises:
            BrowserError: The expression threw.
        """
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in reply:
            details = reply["exceptionDetails"]
            raise BrowserError(f"page script failed: {details.get('exception', {}).get('description', details)}")
        return reply["result"].get("value")

    def wait_for(self, expression: str, *, timeout: float, interval: float = 0.1) -> Any:
        """Evaluate ``expression`` until it is truthy, and return that value.

        Raises:
            TimeoutError: Still falsy after ``timeout`` seconds (the last value is in the message).
        """
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"after {timeout} s, {expression!r} is still {value!r}")
            time.sleep(interval)

    def requested_urls(self) -> list[str]:
        """URLs the tab requested since ``Network.enable`` (from ``Network.requestWillBeSent`` events)."""
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]


_ids = iter(range(1, 1 << 62))


def call(ws: WebSocket, method: str, params: dict[str, Any], *, session: str | None = None,
         events: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Send one DevTools command and return its result.

    Args:
        ws: The browser connection.
        method: Protocol method, e.g. ``Runtime.evaluate``.
        params: Its parameters.
        session: The attached tab's session id (None: a browser-level command).
        events: Where events of that session arriving meanwhile are appended (None: dropped).

    Raises:
        BrowserError: The browser answered with an error.
    """
    message: dict[str, Any] = {"id": next(_ids), "method": method, "params": params}
    if session is not None:
        message["sessionId"] = session
    ws.send(json.dumps(message))
    while True:
        reply = json.loads(ws.recv())
        if reply.get("id") == message["id"]:
            break
        if events is not None and "method" in reply and reply.get("sessionId") == session:
            events.append(reply)
    if "error" in reply:
        raise BrowserError(f"{method}: {reply['error']}")
    result: dict[str, Any] = reply.get("result", {})
    return result


@contextmanager
def headless_page(binary: str, profile: Path, *, timeout: float = 30.0) -> Iterator[Page]:
    """Start headless Chromium with a fresh profile and yield one blank tab; the browser is killed after.

    Args:
        binary: The browser executable.
        profile: An empty folder for the user data dir (and the browser's stderr log).
        timeout: Seconds to wait for the DevTools endpoint, and for each protocol reply.

    Raises:
        BrowserError: The browser exited or printed no DevTools endpoint in time.
    """
    log_path = profile / "stderr.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile / 'data'}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True,
        )
    try:
        ws = WebSocket(_devtools_url(process, log_path, timeout), timeout=timeout)
        try:
            target = call(ws, "Target.createTarget", {"url": "about:blank"})["targetId"]
            session = call(ws, "Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            yield Page(ws, session)
        finally:
            ws.close()
    finally:
        _kill(process)


def _devtools_url(process: subprocess.Popen[bytes], log_path: Path, timeout: float) -> str:
    """The ``ws://`` endpoint the browser prints on stderr."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = _LISTENING.search(log_path.read_bytes())
        if found:
            return found.group(1).decode("ascii")
        if process.poll() is not None:
            break
        time.sleep(0.05)
    tail = log_path.read_bytes()[-2000:].decode("utf-8", "replace")
    raise BrowserError(f"no DevTools endpoint from the browser (exit status {process.poll()}): {tail}")


def _kill(process: subprocess.Popen[bytes]) -> None:
    """End the browser: TERM its own process group (started in a new session), reap it, KILL stragglers."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=5.0)
        except subprocess.TimeoutExpired:
            continue
