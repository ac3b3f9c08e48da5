"""What the Inline XBRL document refers to outside itself: images travel with it, nothing else does.

An output folder stands alone:

* an ``img`` whose ``src`` is a relative path is kept when ``place(src)`` can put the file beside
  the document (it returns the name the file is written under), else it is dropped;
* an ``https:`` URL (image or link) is kept as it is, deliberately; so are fragments (``#note``)
  and ``mailto:`` links;
* any other reference (a relative link to another file, ``http:``, ``file:``, an absolute path)
  is dropped: such an image disappears, such a link keeps its text and loses its ``href``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from converter.serialize.ixbrl_xhtml import X
from converter.serialize.ixbrl_xhtml_fix import remove

Place = Callable[[str], str | None]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_KEPT = re.compile(r"^(?:https:|mailto:|#)", re.IGNORECASE)


def keep_self_contained(root: etree._Element, place: Place) -> list[str]:
    """Apply the rules of the module docstring to ``root``; the references dropped, each once, in order."""
    dropped: dict[str, None] = {}
    for img in list(root.iter(X + "img")):
        src = img.get("src", "")
        kept = src if _KEPT.match(src) else place(src) if is_relative(src) else None
        if kept is None:
            dropped[src] = None
            remove(img)
        else:
            img.set("src", kept)
    for link in root.iter(X + "a"):
        href = link.get("href")
        if href is not None and not _KEPT.match(href):
            dropped[href] = None
            del link.attrib["href"]
    return list(dropped)


def is_relative(reference: str) -> bool:
    """True for a relative path (no URL scheme, not absolute, not empty)."""
    return bool(reference) and not _SCHEME.match(reference) and not reference.startswith(("/", "\\"))
