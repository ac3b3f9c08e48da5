"""Small helpers shared by the XML writers: qualified names, XLink attributes, serialisation.

Every writer builds an lxml tree and turns it into bytes with ``to_bytes``, so all files share
one shape: UTF-8, an XML declaration with double quotes, two-space indentation, a final newline.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from taxonomy import ns
from taxonomy.model import QName

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def clark(namespace: str, local: str) -> str:
    """The ``{namespace}local`` name lxml uses for elements and attributes."""
    return f"{{{namespace}}}{local}"


def xlink(local: str) -> str:
    """An attribute name in the XLink namespace (``xlink:href`` ...)."""
    return clark(ns.XLINK, local)


def sub(
    parent: etree._Element,
    namespace: str,
    local: str,
    attrs: Mapping[str, str] | None = None,
    text: str | None = None,
) -> etree._Element:
    """Append a child element with attributes in the given (insertion) order and optional text."""
    child = etree.SubElement(parent, clark(namespace, local))
    for key, value in (attrs or {}).items():
        child.set(key, value)
    if text is not None:
        child.text = text
    return child


def qname_text(qname: QName, prefixes: Mapping[str, str]) -> str:
    """``prefix:local`` for ``qname`` using the prefix declared for its namespace.

    Args:
        qname: The name to write.
        prefixes: Namespace URI to the prefix declared in the document.

    Returns:
        The QName as text; the QName's own prefix is used when its namespace is not declared.
    """
    return f"{prefixes.get(qname.namespace, qname.prefix)}:{qname.local}"


def to_bytes(root: etree._Element) -> bytes:
    """Serialise ``root`` deterministically: XML declaration, UTF-8, two-space indentation."""
    etree.indent(root, space="  ")
    body: bytes = etree.tostring(root, encoding="UTF-8", pretty_print=True)
    return XML_DECLARATION + body
