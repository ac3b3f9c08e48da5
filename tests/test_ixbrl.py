"""Inline XBRL rendering of releases: tags in place, header, validity with Arelle, same facts as XML."""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import arelle
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import diagnostics as dx
from converter.model import ConversionResult, Document, InputFormat, Report
from converter.pipeline import ConvertOptions, convert
from converter.readers.html_dom import parse_html
from converter.serialize.ixbrl import prose_fact, render_inline, render_ixbrl
from converter.serialize.ixbrl_xhtml import X, copy_body
from converter.serialize.ixbrl_xhtml_fix import repair
from converter.serialize.output_files import OutputFormat, base_package_path, render_outputs
from converter.validation.validate import LoadedFact, load_facts, validate
from taxonomy import ns
from tests.support.paths import LEXINGTON

IX = f"{{{ns.IX}}}"
NON_FRACTION = f"{IX}nonFraction"


@dataclass(frozen=True)
class Rendered:
    """A release converted, with its XML instance and Inline XBRL written side by side."""

    result: ConversionResult
    report: Report
    folder: Path
    inline: Path
    instance: Path
    data: bytes

    @property
    def document(self) -> Document:
        """The release as read (a converted release always has one)."""
        assert self.result.document is not None
        return self.result.document

    def tags(self) -> list[etree._Element]:
        return list(etree.fromstring(self.data).iter(NON_FRACTION))


def _render(source: Path, folder: Path) -> Rendered:
    result = convert(source, options=ConvertOptions(validate=False))
    assert result.report is not None and result.document is not None
    report = result.report
    files = render_outputs(report, formats=frozenset({OutputFormat.XBRL})).files
    for name, data in files.items():
        (folder / name).write_bytes(data)
    data = render_ixbrl(report, result.document, f"{report.taxonomy.name}.xsd")
    inline = folder / f"{report.taxonomy.name}.htm"
    inline.write_bytes(data)
    return Rendered(result, report, folder, inline, folder / f"{report.taxonomy.name}.xml", data)


@pytest.fixture(scope="module")
def lexington(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return _render(LEXINGTON, tmp_path_factory.mktemp("ixbrl-lexington"))


def _findings(path: Path) -> list[tuple[str, str, str]]:
    found = validate([path], calc="c11r", packages=[base_package_path()])
    return sorted((d.severity.value, d.code, d.message) for d in found if d.severity.rank <= 2)


def _deduped(facts: tuple[LoadedFact, ...]) -> set[LoadedFact]:
    """Facts with equal aspects and value as one, carrying the highest decimals (as the XML writer does)."""
    best: dict[LoadedFact, LoadedFact] = {}
    for fact in facts:
        key = replace(fact, decimals=None)
        if key not in best or int(fact.decimals or 0) > int(best[key].decimals or 0):
            best[key] = fact
    return set(best.values())


def _value(tag: etree._Element) -> Decimal:
    """The value a tag stands for (num-dot-decimal or fixed-zero, scale and sign applied)."""
    if tag.get("format", "").endswith("fixed-zero"):
        return Decimal(0)
    value = Decimal((tag.text or "").replace(",", "")).scaleb(int(tag.get("scale", "0")))
    return -value if tag.get("sign") == "-" else value


# --- Lexington (text release) -------------------------------------------------------------------


def test_text_release_validates_like_the_xml_instance(lexington: Rendered) -> None:
    inline = _findings(lexington.inline)
    assert not [f for f in inline if f[0] == "error"]
    assert [f[1] for f in inline] == [f[1] for f in _findings(lexington.instance)]
    duplicates = [f for f in inline if f[1] == "arelle:duplicateFacts"]
    assert len(duplicates) == 1 and "IncomeLossFromContinuingOperations" in duplicates[0][2]
    assert "-1549000" in duplicates[0][2] and "-1796000" in duplicates[0][2]


def test_text_release_facts_equal_the_xml_instance(lexington: Rendered) -> None:
    packages = [base_package_path()]
    inline = load_facts(lexington.inline, packages=packages)
    assert len(inline) == len(lexington.report.facts) + len(lexington.report.narrative) == 184 + 67  # prose figures too
    assert _deduped(inline) == set(load_facts(lexington.instance, packages=packages))


def test_every_printed_cell_is_tagged_with_an_id_in_document_order(lexington: Rendered) -> None:
    tags = lexington.tags()
    report = lexington.report
    assert [t.get("id") for t in tags] == [f"f{n}" for n in range(1, len(report.facts) + len(report.narrative) + 1)]
    printed = Counter((str(f.concept), f.context_id, f.value) for f in (*report.facts, *map(prose_fact, report.narrative)))
    assert Counter((t.get("name"), t.get("contextRef"), _value(t)) for t in tags) == printed
    assert not etree.fromstring(lexington.data).findall(f".//{IX}hidden")


def test_sign_only_on_negative_values_with_parentheses_outside(lexington: Rendered) -> None:
    for tag in lexington.tags():
        assert (tag.get("sign") == "-") == (_value(tag) < 0)
    line = _line_of(lexington, "     Interest expense  ")  # expense printed (2,242): positive value
    assert re.search(r'\(<ix:nonFraction id="f\d+" name="xfy:InterestExpense"', line)
    assert 'scale="3">2,242</ix:nonFraction>)' in line and "sign" not in line.split("</ix:nonFraction>")[0]
    line = _line_of(lexington, "     Discontinued operations ")  # a loss per share printed (.11)
    assert 'scale="0" sign="-">.11</ix:nonFraction>)' in line


def test_dashes_are_fixed_zero(lexington: Rendered) -> None:
    tags = lexington.tags()
    formats = Counter((t.get("format"), t.text if t.get("format") == "ixt:fixed-zero" else "") for t in tags)
    zeros = sum(1 for f in lexington.report.facts if f.value == 0)
    prose = len(lexington.report.narrative)
    assert formats == {("ixt:fixed-zero", "--"): zeros, ("ixt:num-dot-decimal", ""): 184 - zeros + prose}
    assert zeros == 16


def test_header_declares_namespaces_contexts_units_and_schema(lexington: Rendered) -> None:
    root = etree.fromstring(lexington.data)
    assert root.tag == f"{X}html"
    for prefix, uri in (("ix", ns.IX), ("ixt", ns.IXT), ("xbrli", ns.XBRLI), ("link", ns.LINK), ("xlink", ns.XLINK),
                        ("xbrldi", ns.XBRLDI), ("iso4217", ns.ISO4217), ("xfy", ns.BASE),
                        ("lpc", lexington.report.taxonomy.namespace)):
        assert root.nsmap[prefix] == uri
    header = root.find(f".//{IX}header")
    assert header.getparent().get("style") == "display:none"
    ref = header.find(f"{IX}references/{{{ns.LINK}}}schemaRef")
    assert ref.get(f"{{{ns.XLINK}}}href") == "lpc-20041231.xsd"
    contexts = header.findall(f"{IX}resources/{{{ns.XBRLI}}}context")
    assert [c.get("id") for c in contexts] == [c.id for c in lexington.report.contexts]
    members = [m.text for m in header.iter(f"{{{ns.XBRLDI}}}explicitMember")]
    assert "lpc:RubberGroupMember" in members
    assert {u.get("id") for u in header.iter(f"{{{ns.XBRLI}}}unit")} == {"USD", "USDPerShare"}


def test_text_is_rendered_faithfully_in_one_pre(lexington: Rendered) -> None:
    root = etree.fromstring(lexington.data)
    [pre] = root.iter(f"{X}pre")
    assert "".join(pre.itertext()) == lexington.document.text


def test_rendering_is_deterministic(lexington: Rendered) -> None:
    document = lexington.document
    assert render_ixbrl(lexington.report, document, "lpc-20041231.xsd") == lexington.data


def test_facts_that_cannot_be_tagged_in_place_are_hidden_and_reported(lexington: Rendered) -> None:
    facts = list(lexington.report.facts)
    facts[0] = replace(facts[0], printed="$ 24,399")  # the printed digits no longer give the value
    facts[5] = replace(facts[5], value=None)  # a nil fact has no printed figure to wrap
    report = replace(lexington.report, facts=tuple(facts))
    out = render_inline(report, lexington.document, "lpc-20041231.xsd")
    assert [(d.code, d.spans[0]) for d in out.diagnostics] == [
        (dx.OUTPUT_IXBRL_FACT_HIDDEN, facts[0].span), (dx.OUTPUT_IXBRL_FACT_HIDDEN, facts[5].span)]
    root = etree.fromstring(out.data)
    wrong, nil = root.find(f".//{IX}hidden")
    assert (wrong.get("id"), wrong.get("name")) == ("f1", "xfy:Revenues")
    assert (wrong.text, wrong.get("scale"), wrong.get("format")) == ("24392000", "0", None)
    assert (nil.get("id"), nil.get(f"{{{ns.XSI}}}nil"), nil.text) == ("f2", "true", None)
    assert out.sources["f1"] == (facts[0].span,) and out.sources["f2"] == (facts[5].span,)
    assert len(out.sources) == 184 + len(lexington.report.narrative)
    inline = lexington.folder / "hidden.htm"
    inline.write_bytes(out.data)
    assert not [f for f in _findings(inline) if f[0] == "error"]
    loaded = load_facts(inline, packages=[base_package_path()])
    assert [f.concept.split("}")[1] for f in loaded if f.nil] == ["CostOfRevenue"]


# --- HTML releases --------------------------------------------------------------------------------

ODD_HTML = """<html><head><title>Acme  results</title><style type="text/css">td { padding: 1px }</style>
<script>document.write("x")</script></head>
<body bgcolor="#ffffff">
Acme Corporation reports results &amp; more
<center><font size="2" face="Arial, Helvetica"><b>ACME CORPORATION</b><br>
CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS<br>(In thousands, except per share amounts)</font></center>
<font size="2"><table width="100%" border="0" cellpadding="0" cellspacing="0">
stray text
<tr><td width="60%"></td><td colspan="3" align="center"><b>Three Months Ended<br>December 31,</b></td></tr>
<tr><td></td><td colspan="2" align="center"><u>2024</u></td><td align="center"><u>2023</u></td></tr>
<tr><td>Cost of sales</td><td></td><td align="right">700</td><td align="right">650</td></tr>
<tr><td><p>Gross profit</p></td><td></td><td align="right"><p align="right"><font>500</font></p></td>
<td align="right">350</td></tr>
<tr><td>Restructuring charges</td><td></td><td align="right">&#8212;</td><td align="right">25</td></tr>
<tr><td>Operating income</td><td></td><td align="right">500</td><td align="right">325</td></tr>
<tr><td>Other income (expense), net</td><td></td><td align="right">(40</td><td>)</td><td align="right">15</td></tr>
<tr><td>Net income</td><td>$</td><td align="right">460</td><td align="right">$ 340</td></tr>
<tr><td>Earnings per share, basic</td><td>$</td><td align="right">.46</td><td align="right">$ 0.34</td></tr>
<o:p></o:p>
</table></font>
<ul><li>First</li>loose text<p>paragraph in a list</p></ul>
<p>Text with <a name="top" href="#top">a link</a> and <div>a block in a paragraph</div></p>
<img src="logo.gif" width="50" border="0"><form><input type="text"></form>
<p id="USD">unit id taken</p><p id="f2">fact id taken</p><p id="keep-me">kept</p>
</body></html>
"""


def _check_html(rendered: Rendered) -> None:
    """Valid for Arelle, every fact tagged in place, same facts as the XML instance."""
    assert not [f for f in _findings(rendered.inline) if f[0] == "error"]
    packages = [base_package_path()]
    inline = load_facts(rendered.inline, packages=packages)
    assert len(inline) == len(rendered.report.facts) + len(rendered.report.narrative)
    assert _deduped(inline) >= set(load_facts(rendered.instance, packages=packages))
    root = etree.fromstring(rendered.data)
    assert not root.findall(f".//{IX}hidden")
    in_cells = [t for t in rendered.tags() if any(a.tag in (f"{X}td", f"{X}th", f"{X}pre") for a in t.iterancestors())]
    assert len(in_cells) == len(rendered.report.facts)  # the others are prose figures, in paragraphs


def test_html_release_with_legacy_markup(tmp_path: Path) -> None:
    source = tmp_path / "acme.htm"
    source.write_text(ODD_HTML, encoding="utf-8")
    rendered = _render(source, tmp_path)
    assert rendered.document.format is InputFormat.HTML and len(rendered.report.facts) >= 12
    _check_html(rendered)
    root = etree.fromstring(rendered.data)
    assert root.findtext(f"{X}head/{X}title") == "Acme results"
    assert root.findtext(f"{X}head/{X}style") == "td { padding: 1px }"
    assert not list(root.iter(f"{X}script")) and not list(root.iter(f"{X}font"))
    text = "".join(root.find(f"{X}body").itertext())
    for words in ("Acme Corporation reports results & more", "stray text", "loose text", "a block in a paragraph"):
        assert words in text
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids)) and "keep-me" in ids
    zero = [t for t in rendered.tags() if t.get("format") == "ixt:fixed-zero"]
    assert [t.text for t in zero] == ["\u2014"]


def test_fixed_width_tables_inside_pre_are_tagged(tmp_path: Path) -> None:
    text = LEXINGTON.read_text(encoding="utf-8")
    source = tmp_path / "lexington.htm"
    source.write_text(f"<html><body><p>Exhibit 99.1</p>\n<pre>{html.escape(text, quote=False)}</pre></body></html>\n",
                      encoding="utf-8")
    rendered = _render(source, tmp_path)
    assert len(rendered.report.facts) == 184
    _check_html(rendered)


@pytest.mark.corpus
def test_apple_2024_html_release(corpus: Path, tmp_path: Path) -> None:
    rendered = _render(corpus / "apple-2024q1-ex99-1.htm", tmp_path)
    _check_html(rendered)
    assert render_ixbrl(rendered.report, rendered.document, "x.xsd") == render_ixbrl(
        rendered.report, rendered.document, "x.xsd")
    tags = rendered.tags()
    first = next(t for t in tags if t.get("name") == "xfy:Revenues")
    assert first.text == "96,458" and first.get("scale") == "6" and first.get("decimals") == "-6"


# --- XHTML repair against the Inline XBRL 1.1 schema ---------------------------------------------

_TAGS = ("p div span font table tr td th tbody thead tfoot caption col colgroup ul ol li dl dt dd a b i u center "
         "pre h2 br hr img blockquote address sup small script style o:p form input section strike bdo q big").split()
_ATTRS = (("align", "center"), ("align", "x"), ("width", "100%"), ("width", "bad;"), ("colspan", "2"), ("colspan", "0"),
          ("style", "color:red"), ("class", ""), ("id", "x1"), ("id", "f1"), ("bgcolor", "#ffffff"), ("valign", "TOP"),
          ("name", "a1"), ("href", "http://x y"), ("lang", "12"), ("size", "+1"), ("border", "x"), ("nowrap", ""),
          ("src", "a.gif"), ("dir", "up"), ("onclick", "x()"), ("clear", "all"), ("type", "A"), ("cellpadding", "5%"))


@st.composite
def _html(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        if depth > 4 or draw(st.booleans()):
            parts.append(draw(st.sampled_from(["text", " ", "1,234", "&amp;", "&nbsp;", "\x0b"])))
            continue
        tag = draw(st.sampled_from(_TAGS))
        attrs = "".join(f' {n}="{v}"' for n, v in draw(st.lists(st.sampled_from(_ATTRS), max_size=3)))
        parts.append(f"<{tag}{attrs}>{draw(_html(depth + 1))}</{tag}>")
    return "".join(parts)


@pytest.fixture(scope="module")
def ixbrl_schema() -> etree.XMLSchema:
    """The XHTML 1.1 + Inline XBRL 1.1 schema Arelle validates with, from Arelle's own cache."""
    cache = Path(os.path.dirname(arelle.__file__)) / "resources" / "cache"

    class Offline(etree.Resolver):  # type: ignore[misc]  # lxml ships no type stubs
        def resolve(self, url: str, pubid: str, context: object) -> object:
            scheme, _, rest = url.partition("://")
            path = cache / scheme / rest
            return self.resolve_filename(str(path), context) if rest and path.is_file() else None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(Offline())
    return etree.XMLSchema(etree.parse("http://www.xbrl.org/2013/inlineXBRL/xhtml-inlinexbrl-1_1.xsd", parser))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_html())
def test_any_html_becomes_valid_xhtml(ixbrl_schema: etree.XMLSchema, body: str) -> None:
    root, _ = parse_html(f"<html><head><title>t</title></head><body>{body}</body></html>")
    source = root.find("body") if root is not None and root.find("body") is not None else root
    if source is None:
        return
    copied = copy_body(source, ())
    repair(copied.body)
    page = etree.Element(f"{X}html", nsmap={None: ns.XHTML})
    etree.SubElement(etree.SubElement(page, f"{X}head"), f"{X}title").text = "t"
    page.append(copied.body)
    document = etree.fromstring(etree.tostring(page))
    assert ixbrl_schema.validate(document), ixbrl_schema.error_log


def _line_of(rendered: Rendered, start: str) -> str:
    return next(line for line in rendered.data.decode("utf-8").split("\n") if line.startswith(start))
