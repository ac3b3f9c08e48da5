"""Turn release bytes into text: refuse binaries, pick the encoding, drop stray control bytes."""

from __future__ import annotations

import re

from converter import diagnostics as dx
from converter.model import Diagnostic, InputFormat, SourceSpan

MAX_BYTES = 64 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_HINT = re.compile(rb"<\s*(?:html|body|table|div|p|font|tr|td)\b", re.IGNORECASE)
_SGML_TABLE = re.compile(rb"<TABLE>\s*$", re.MULTILINE)


def decode(data: bytes, path: str) -> tuple[str, list[Diagnostic]]:
    """Decode a release; raise ``InputError`` for empty, binary or oversized input.

    UTF-8 (with or without BOM) is tried first, then Windows-1252 (the usual encoding of old
    EDGAR filings), then Latin-1, which cannot fail. Control characters other than tab, newline,
    carriage return and form feed are removed with a warning; line ends become ``\\n``.

    Args:
        data: The raw bytes of the release.
        path: The release path, for messages.

    Returns:
        The text, and diagnostics about what was repaired.
    """
    if len(data) > MAX_BYTES:
        raise dx.input_error(dx.INPUT_TOO_LARGE, f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}", path)
    if not data.strip():
        raise dx.input_error(dx.INPUT_EMPTY, "file is empty", path)
    if _looks_binary(data):
        raise dx.input_error(dx.INPUT_BINARY, "file is binary, not a text or HTML release", path)
    diags: list[Diagnostic] = []
    text = _decode_bytes(data)
    if text.count("\x00") or _CONTROL.search(text):
        count = len(_CONTROL.findall(text))
        diags.append(dx.warning(dx.INPUT_ENCODING, f"removed {count} stray control character(s)", _span(path)))
        text = _CONTROL.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return text.expandtabs(8), diags


def sniff_format(data: bytes) -> InputFormat:
    """HTML when the first 64 KB contain HTML tags (and no SGML ``<TABLE>`` lines), else text."""
    head = data[:65536]
    if _HTML_HINT.search(head) and not _SGML_TABLE.search(head):
        return InputFormat.HTML
    return InputFormat.TEXT


def _decode_bytes(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def _span(path: str) -> SourceSpan:
    return SourceSpan(path=path)
