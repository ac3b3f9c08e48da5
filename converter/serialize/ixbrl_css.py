"""Presentational HTML attributes (``align``, ``width``, ``bgcolor``, ``<font size>`` ...) as CSS.

XHTML 1.1 has no presentational attributes, so the look they gave a release is kept by turning
them into declarations of the element's ``style`` (placed before the element's own declarations,
which win, as in a browser). Values are checked against a small safe pattern: anything that
could break out of a declaration is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

_SAFE = re.compile(r"^[\w\s#%.,'\-()+]+$")
_DIGITS = re.compile(r"^[0-9]+\Z")
_NUMBER = re.compile(r"^[0-9]+(?:\.[0-9]+)?\Z")
_LENGTH = re.compile(r"^[0-9]+(?:\.[0-9]+)?(?:%|px|pt|em|in|cm|mm)?\Z", re.IGNORECASE)
_FONT_SIZES = {1: "7.5pt", 2: "10pt", 3: "12pt", 4: "13.5pt", 5: "18pt", 6: "24pt", 7: "36pt"}
_LIST_TYPES = {
    "1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman",
    "disc": "disc", "circle": "circle", "square": "square",
}
_TAG_STYLE = {
    "center": "text-align:center",
    "u": "text-decoration:underline",
    "s": "text-decoration:line-through",
    "strike": "text-decoration:line-through",
    "nobr": "white-space:nowrap",
    "blink": "",
    "mark": "background-color:yellow",
}
_VERTICAL = frozenset({"top", "middle", "bottom", "baseline"})


def presentational_css(tag: str, new_tag: str, attrib: Mapping[str, str], kept: Collection[str]) -> str | None:
    """The ``style`` value for an element: CSS from its tag and attributes, then its own style.

    Args:
        tag: The source tag (``font``, ``td`` ...).
        new_tag: The XHTML tag it becomes.
        attrib: Its attributes (lower-case names).
        kept: Attributes kept as attributes (not turned into CSS).

    Returns:
        Declarations joined by ``;``, or None when there are none.
    """
    declarations = [_TAG_STYLE.get(tag, "")]
    for name, value in attrib.items():
        handler = _HANDLERS.get(name)
        if handler is not None and name not in kept and _SAFE.match(value.strip() or "-"):
            declarations.append(handler(tag, value.strip()))
    own = (attrib.get("style") or "").strip().rstrip(";").strip()
    declarations.append(own)
    text = ";".join(d for d in declarations if d)
    return text or None


def _align(tag: str, value: str) -> str:
    value = value.lower()
    if tag in ("table", "hr"):
        return {"center": "margin-left:auto;margin-right:auto", "right": "margin-left:auto",
                "left": "margin-right:auto"}.get(value, "")
    if tag == "img" and value in ("left", "right"):
        return f"float:{value}"
    if tag == "img":
        return f"vertical-align:{value}" if value in _VERTICAL else ""
    return f"text-align:{value}" if value in ("left", "center", "right", "justify") else ""


def _length(value: str) -> str | None:
    if not _LENGTH.match(value):
        return None
    return f"{value}px" if _NUMBER.match(value) else value.lower()


def _box(prop: str) -> Callable[[str, str], str]:
    def handler(tag: str, value: str) -> str:
        length = _length(value)
        return f"{prop}:{length}" if length else ""
    return handler


def _color(prop: str) -> Callable[[str, str], str]:
    def handler(tag: str, value: str) -> str:
        if re.fullmatch(r"[0-9a-fA-F]{6}", value):
            value = "#" + value
        return f"{prop}:{value}" if re.fullmatch(r"#?[0-9A-Za-z]+", value) else ""
    return handler


def _font_size(tag: str, value: str) -> str:
    if tag == "hr":
        length = _length(value)
        return f"height:{length}" if length else ""
    if tag not in ("font", "basefont"):
        return ""
    try:
        size = int(value) + (3 if value[:1] in "+-" else 0)
    except ValueError:
        return ""
    return f"font-size:{_FONT_SIZES[min(max(size, 1), 7)]}"


def _face(tag: str, value: str) -> str:
    names = [n.strip().strip("'") for n in value.split(",") if n.strip().strip("'")]
    return "font-family:" + ",".join(f"'{n}'" if " " in n else n for n in names) if names else ""


def _border(tag: str, value: str) -> str:
    if tag != "img" or not _DIGITS.match(value):
        return ""
    return f"border:{value}px solid" if int(value) else "border:none"


def _list_type(tag: str, value: str) -> str:
    style = _LIST_TYPES.get(value) or _LIST_TYPES.get(value.lower())
    return f"list-style-type:{style}" if tag in ("ul", "ol", "li") and style else ""


_HANDLERS: dict[str, Callable[[str, str], str]] = {
    "align": _align,
    "valign": lambda tag, v: f"vertical-align:{v.lower()}" if v.lower() in _VERTICAL else "",
    "width": _box("width"),
    "height": _box("height"),
    "bgcolor": _color("background-color"),
    "color": _color("color"),
    "text": _color("color"),
    "size": _font_size,
    "face": _face,
    "nowrap": lambda tag, v: "white-space:nowrap",
    "noshade": lambda tag, v: "border-style:solid" if tag == "hr" else "",
    "border": _border,
    "clear": lambda tag, v: {"all": "clear:both", "both": "clear:both", "left": "clear:left",
                             "right": "clear:right"}.get(v.lower(), ""),
    "hspace": lambda tag, v: f"margin-left:{v}px;margin-right:{v}px" if _DIGITS.match(v) else "",
    "vspace": lambda tag, v: f"margin-top:{v}px;margin-bottom:{v}px" if _DIGITS.match(v) else "",
    "leftmargin": _box("margin-left"),
    "topmargin": _box("margin-top"),
    "type": _list_type,
}
