"""Self-contained outputs: images travel with the Inline XBRL document, nothing else is referred to;
EDGAR's rules for the document (ASCII with character references, en-US labels, the SEC's CIK scheme)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from converter.cli.batch import convert_many
from converter.model import ConversionResult
from converter.pipeline import ConvertOptions, convert
from converter.serialize.output_files import OutputFormat
from tests.support import edgar_files

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
RELEASE = """<html><body><p><img src="logo.png" alt="Example"> EXAMPLE WIDGETS CORPORATION \u2019s results</p>
<p><img src="charts/sales%20chart.png"> <img src="missing.jpg"> <img src="../outside.png">
<img src="https://www.example.com/banner.png"> <img src="file:///etc/logo.png">
<a href="ex99-2.htm">data sheet</a> <a href="#notes">notes</a> <a href="https://www.example.com/ir">IR</a></p>
<p>CONSOLIDATED STATEMENTS OF OPERATIONS (In thousands)</p>
<table>
<tr><td></td><td colspan="2">Quarter ended December 31,</td></tr>
<tr><td></td><td>2024</td><td>2023</td></tr>
<tr><td>Net sales \u2014 total</td><td>$ 1,000</td><td>$ 900</td></tr>
<tr><td>Cost of sales</td><td>600</td><td>500</td></tr>
<tr><td>Gross profit</td><td>400</td><td>400</td></tr>
</table></body></html>
"""
NO_VALIDATE = ConvertOptions(validate=False, formats=frozenset({OutputFormat.IXBRL, OutputFormat.PACKAGE,
                                                                 OutputFormat.VIEWER}))


def release_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "filings" / "acme"
    (folder / "charts").mkdir(parents=True)
    (folder / "release.htm").write_text(RELEASE, encoding="utf-8")
    (folder / "logo.png").write_bytes(PNG)
    (folder / "charts" / "sales chart.png").write_bytes(PNG[::-1])
    (tmp_path / "filings" / "outside.png").write_bytes(PNG)  # above the release: never copied
    return folder / "release.htm"


def inline_of(result: ConversionResult, out: Path) -> tuple[bytes, etree._Element]:
    assert result.report is not None
    data = (out / f"{result.report.taxonomy.name}.htm").read_bytes()
    return data, etree.fromstring(data)


def test_images_are_copied_beside_the_document_and_nothing_outside_is_referred_to(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = convert(release_folder(tmp_path), options=NO_VALIDATE, out_dir=out)
    _, root = inline_of(result, out)
    x = "{http://www.w3.org/1999/xhtml}"
    assert [i.get("src") for i in root.iter(f"{x}img")] == [
        "images/logo.png", "images/sales%20chart.png", "https://www.example.com/banner.png"]
    assert [a.get("href") for a in root.iter(f"{x}a")] == [None, "#notes", "https://www.example.com/ir"]
    assert (out / "images" / "logo.png").read_bytes() == (out / "viewer" / "images" / "logo.png").read_bytes() == PNG
    assert (out / "images" / "sales chart.png").read_bytes() == PNG[::-1]
    assert {p.name for p in (out / "images").iterdir()} == {"logo.png", "sales chart.png"}
    assert result.report is not None
    with zipfile.ZipFile(out / f"{result.report.taxonomy.name}.xbri") as package:
        assert any(n.endswith("reports/images/logo.png") for n in package.namelist())
    dropped = {dict(d.data)["target"] for d in result.diagnostics if d.code == "output.reference.dropped"}
    assert dropped == {"missing.jpg", "../outside.png", "file:///etc/logo.png", "ex99-2.htm"}
    assert {d.severity.value for d in result.diagnostics if d.code == "output.reference.dropped"} == {"info"}


def test_an_image_of_the_submission_is_decoded_into_the_output(tmp_path: Path) -> None:
    exhibit = RELEASE.replace("logo.png", "g1.png").encode()
    path = tmp_path / "s.txt"
    path.write_bytes(edgar_files.submission([("EX-99.1", "ex99.htm", exhibit)], graphic=False).replace(
        b"</SEC-DOCUMENT>", edgar_files.document("GRAPHIC", 3, "g1.png", edgar_files.uuencoded("g1.png", PNG))
        + b"</SEC-DOCUMENT>"))
    out = tmp_path / "out"
    convert(path, options=NO_VALIDATE, out_dir=out)
    assert (out / "images" / "g1.png").read_bytes() == PNG


def test_the_inline_document_is_ascii_with_character_references_and_labels_are_en_us(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = convert(release_folder(tmp_path), options=ConvertOptions(validate=False), out_dir=out)
    data, root = inline_of(result, out)
    assert data.isascii() and b"&#8217;" in data and b"&#8212;" in data
    assert "\u2019s results" in "".join(root.itertext())
    assert result.report is not None
    labels = etree.parse(str(out / f"{result.report.taxonomy.name}_lab.xml")).getroot()
    langs = {e.get("{http://www.w3.org/XML/1998/namespace}lang") for e in labels.iter("{*}label")}
    assert langs == {"en-US"}


def test_with_a_cik_the_entity_scheme_is_the_secs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    options = ConvertOptions(validate=False, cik="320193", formats=frozenset({OutputFormat.IXBRL}))
    result = convert(release_folder(tmp_path), options=options, out_dir=out)
    _, root = inline_of(result, out)
    identifiers = {(e.get("scheme"), e.text) for e in root.iter("{http://www.xbrl.org/2003/instance}identifier")}
    assert identifiers == {("http://www.sec.gov/CIK", "0000320193")}


def test_a_batch_output_validates_with_its_images(tmp_path: Path) -> None:
    batch = convert_many([release_folder(tmp_path)], tmp_path / "out")
    (outcome,) = batch.releases
    assert outcome.exit_status == 0, [d.render() for d in outcome.diagnostics if d.severity.value != "info"]
    assert "images/logo.png" in outcome.files and "viewer/images/logo.png" in outcome.files
