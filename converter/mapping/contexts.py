"""Entity, context and unit identities: ids derived from content so outputs diff cleanly."""

from __future__ import annotations

import re

from converter.labels import slug
from converter.model import Context, Entity, Period, QName, Unit, UnitKind
from taxonomy import ns

XBRLI_SHARES = QName(ns.XBRLI, "xbrli", "shares")
XBRLI_PURE = QName(ns.XBRLI, "xbrli", "pure")
ENTITY_SCHEME = "https://xbrlify.dev/entity"


def entity(company: str | None, cik: str | None, name: str | None = None) -> Entity:
    """The reporting entity: an SEC CIK when given, else an identifier made from the name."""
    display = name or company or "Unknown entity"
    if cik:
        return Entity(scheme=ns.SEC_CIK_SCHEME, identifier=cik.strip().zfill(10), name=display)
    return Entity(scheme=ENTITY_SCHEME, identifier=slug(display) or "unknown", name=display)


_RESERVED_PREFIXES = {
    "xbrli", "link", "xlink", "xbrldi", "xbrldt", "xsi", "xs", "xsd", "ix", "ixt", "ixt-sec", "iso4217",
    "dtr-types", "utr", "ref", "xhtml", "html", "xfy", "gen", "label", "num", "nonnum",
}


def prefix_for(name: str) -> str:
    """A short namespace prefix: initials of the name (``lpc``), or its first letters; never one
    reserved by XML (``xml...``) or used by the namespaces xbrlify writes (``xbrli``, ``ixt``, ``xfy``)."""
    words = re.findall(r"[A-Za-z]+", name)
    initials = "".join(w[0] for w in words).lower()
    prefix = initials[:6] if len(initials) >= 2 else (words[0].lower()[:4] if words else "")
    prefix = prefix or "ext"
    if prefix.startswith("xml") or prefix in _RESERVED_PREFIXES:
        prefix = f"{prefix[:5]}e"  # still short and readable: "xmle", "xbrlie"
        if prefix.startswith("xml") or prefix in _RESERVED_PREFIXES:
            prefix = f"e{prefix}"
    return prefix


def context_id(period: Period, members: tuple[tuple[QName, QName], ...]) -> str:
    """Readable ids: ``D20041001-20041231``, ``I20041231``, plus members (``_RubberGroup``; the axis
    is named too where it is not the segment axis: ``_LegalEntity-FinancialProducts``)."""
    base = f"I{period.end:%Y%m%d}" if period.start is None else f"D{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    suffix = "".join(
        f"_{m.local.removesuffix('Member')}" if a.local == "SegmentAxis"
        else f"_{a.local.removesuffix('Axis')}-{m.local.removesuffix('Member')}"
        for a, m in members
    )
    return base + suffix


def make_context(ent: Entity, period: Period, members: tuple[tuple[QName, QName], ...]) -> Context:
    """A context with its content-derived id."""
    return Context(id=context_id(period, members), entity=ent, period=period, members=members)


def unit_for(kind: UnitKind, currency: str, other: QName | None = None) -> Unit:
    """The XBRL unit of a unit kind; ``other`` is the measure of a non-financial unit (KWh)."""
    money = QName(ns.ISO4217, "iso4217", currency)
    if kind is UnitKind.MONETARY:
        return Unit(id=currency, numerators=(money,))
    if kind is UnitKind.PER_SHARE:
        return Unit(id=f"{currency}PerShare", numerators=(money,), denominators=(XBRLI_SHARES,))
    if kind is UnitKind.SHARES:
        return Unit(id="shares", numerators=(XBRLI_SHARES,))
    if kind is UnitKind.OTHER and other is not None:
        return Unit(id=other.local, numerators=(other,))
    return Unit(id="pure", numerators=(XBRLI_PURE,))
