"""Turn release bytes into text: refuse binaries, pick the encoding, drop stray control bytes."""

from __future__ import annotations

import re

from converter import diagnostics as dx
from converter.model import Diagnostic, InputFormat, SourceSpan

MAX_BYTES = 64 * 1024 * 1024
MAX_ROWS = 10_000  # table rows (lines of figures) a release may hold: 25x the largest release seen
MAX_CELLS = 250_000  # table cells (HTML ``<td>``/``<th>``, figures of a text release): 20x the largest release seen
MAX_LINE = 250_000  # characters on one line of a text release (a row of 10,000 figures is 100,000)
# Control characters, and whole terminal escape sequences (``ESC [ 31 m``) rather than their ESC alone; and the
# characters XML cannot hold (U+FFFE, U+FFFF, lone surrogates), which would reach labels, names and outputs.
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# C1 control characters (U+0080-U+009F) in text are Windows-1252 characters decoded as Latin-1 along the way
# (a renderer's "\x97" is an em dash): read as the characters they stand for, as HTML reads "&#151;".
_C1 = re.compile(r"[\x80-\x9f]")
_C1_MEANT = {code: ch for code in range(0x80, 0xA0) if (ch := bytes([code]).decode("cp1252", errors="ignore"))}
_HTML_HINT = re.compile(r"<\s*(?:html|body|table|div|p|font|tr|td)\b", re.IGNORECASE)
_SGML_TABLE = re.compile(r"<TABLE>\s*$", re.MULTILINE)
_CONTENT = re.compile(rb"\S")
# A numeric character reference (``&#1;``, ``&#x1b;``, ``&#xFFFE;``, ``&#11111...``): the ones that name no
# character XML can hold are dropped from HTML, which would otherwise carry them into labels and names.
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,16}))(?![0-9a-fA-F]);?|&#[xX]?[0-9a-fA-F]{17,};?")
_TEXT_CONTENT = re.compile(r"\S")
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


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
    if _CONTENT.search(data) is None:
        raise dx.input_error(dx.INPUT_EMPTY, "file is empty", path)
    if _looks_binary(data):
        raise dx.input_error(dx.INPUT_BINARY, "file is binary, not a text or HTML release", path)
    diags: list[Diagnostic] = []
    text, replaced = _decode_bytes(data)
    if replaced:
        diags.append(dx.warning(dx.INPUT_ENCODING, f"dropped or replaced {replaced} byte sequence(s) that are not {_wide_encoding(data)}", _span(path)))
    if _C1.search(text):
        count = len(_C1.findall(text))
        diags.append(dx.warning(dx.INPUT_ENCODING, f"read {count} C1 control character(s) as the Windows-1252 characters "
                                f"they stand for (U+0097 as an em dash)", _span(path)))
        text = text.translate(_C1_MEANT)
    if _CONTROL.search(text):
        count = len(_CONTROL.findall(text))
        diags.append(dx.warning(dx.INPUT_ENCODING, f"removed {count} stray control character(s)", _span(path)))
        text = _CONTROL.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return text.expandtabs(8), diags


def drop_bad_references(text: str, path: str) -> tuple[str, list[Diagnostic]]:
    """Remove the numeric character references of an HTML release that name no XML character
    (one that the removal forms anew, as in ``&&#1;#1;``, becomes U+FFFD).

    ``&#1;``, ``&#x1b;`` or ``&#xFFFE;`` would reach labels, names and the Inline XBRL copy as
    control characters, and a reference of thousands of digits is more than ``int`` converts.

    Args:
        text: The decoded HTML release.
        path: The release path, for the warning.

    Returns:
        The text without such references, and a warning when there were any.
    """
    dropped = 0
    instead = ""

    def keep(match: re.Match[str]) -> str:
        nonlocal dropped
        hexa, decimal = match.group(1), match.group(2)
        if (hexa is None and decimal is None) or not _xml_char(int(hexa, 16) if hexa else int(decimal)):
            dropped += 1
            return instead
        return match.group(0)

    if "&#" not in text:
        return text, []
    cleaned = _CHAR_REFERENCE.sub(keep, text)
    if dropped:  # a reference that removing one formed ("&&#1;#1;"): replaced by U+FFFD, so none forms again
        instead = "\ufffd"
        cleaned = _CHAR_REFERENCE.sub(keep, cleaned)
    if not dropped:
        return text, []
    return cleaned, [dx.warning(dx.INPUT_ENCODING, f"removed {dropped} character reference(s) to characters XML cannot hold",
                                _span(path))]


def _xml_char(code: int) -> bool:
    """Whether ``code`` is a character XML 1.0 allows (HTML maps 128-159 to Windows-1252 letters)."""
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def sniff_format(data: bytes | str) -> InputFormat:
    """HTML when the first 64 KB of content contain HTML tags (and no SGML ``<TABLE>`` lines), else text.

    Pass the decoded text where there is one: the tags of a UTF-16 release are not ASCII bytes.
    Leading blank lines are skipped (an EDGAR exhibit is padded with the submission's lines).
    """
    if isinstance(data, bytes):
        start = _content_start(data)
        data = data[start : start + 65536].decode("latin-1")
    content = _TEXT_CONTENT.search(data)
    head = data[content.start() : content.start() + 65536] if content else ""
    if _HTML_HINT.search(head) and not _SGML_TABLE.search(head):
        return InputFormat.HTML
    return InputFormat.TEXT


def _decode_bytes(data: bytes) -> tuple[str, int]:
    """The text, and how many undecodable sequences of a UTF-16/32 release were dropped or became U+FFFD."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    wide = _wide_encoding(data)
    if wide is not None:  # a release cut off mid-character loses that character; other bad units become U+FFFD
        cut = len(data) % (4 if wide == "utf-32" else 2)
        whole = data[: len(data) - cut]
        text = whole.decode(wide, errors="replace")
        return text, text.count("\ufffd") - whole.decode(wide, errors="ignore").count("\ufffd") + (cut > 0)
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), 0
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), 0


def _wide_encoding(data: bytes) -> str | None:
    """UTF-32/UTF-16 by byte-order mark, or UTF-16 without one (every other byte NUL)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    sample = data[:8192]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    if _wide_encoding(data) is not None:
        return False
    start = _content_start(data)
    sample = data[start : start + 8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    # A few stray NULs in a text file are dropped by ``decode``; binaries have many control bytes.
    return sample.count(0) > len(sample) // 100 or controls > len(sample) * 0.05


def _content_start(data: bytes) -> int:
    """Offset of the first non-blank byte (0 when there is none)."""
    match = _CONTENT.search(data)
    return match.start() if match else 0


def _span(path: str) -> SourceSpan:
    return SourceSpan(path=path)
