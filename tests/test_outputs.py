"""Every output format of convert: what viewers and other XBRL tools load."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from converter.model import ConversionResult, Severity
from converter.pipeline import ConvertOptions, convert
from converter.serialize.output_files import OutputFormat
from converter.validation.validate import LoadedFact, load_facts, validate
from tests.support.paths import LEXINGTON

NAME = "lpc-20041231"


def _same(facts: tuple[LoadedFact, ...]) -> set[tuple[object, ...]]:
    """Facts without ids and decimals, duplicates merged."""
    return {(f.concept, f.start, f.end, f.instant, f.dims, f.unit, f.value) for f in facts}


@pytest.fixture(scope="module")
def xml_facts(lexington_out: tuple[ConversionResult, Path]) -> tuple[LoadedFact, ...]:
    return load_facts(lexington_out[1] / f"{NAME}.xml")


def test_default_formats_are_all_written(lexington_out: tuple[ConversionResult, Path]) -> None:
    result, out = lexington_out
    assert set(result.files) >= {
        f"{NAME}.xml", f"{NAME}.htm", f"{NAME}.xsd", f"{NAME}.json", f"{NAME}-facts.csv", f"{NAME}-metadata.json",
        f"{NAME}.xbr", f"{NAME}.xbri", f"{NAME}-taxonomy.zip", "viewer/xbrlviewer.html", "viewer/ixbrlviewer.js",
    }
    assert all((out / f).is_file() for f in result.files)


@pytest.mark.parametrize("name", [f"{NAME}.htm", f"{NAME}.json", f"{NAME}.xbr", f"{NAME}.xbri"])
def test_every_report_form_holds_the_instance_facts(lexington_out: tuple[ConversionResult, Path],
                                                    xml_facts: tuple[LoadedFact, ...], name: str) -> None:
    facts = load_facts(lexington_out[1] / name)
    assert _same(facts) == _same(xml_facts)


@pytest.mark.parametrize("name", [f"{NAME}.htm", f"{NAME}.xbr", f"{NAME}.xbri", f"{NAME}.json"])
def test_every_report_form_validates_without_errors(lexington_out: tuple[ConversionResult, Path], name: str) -> None:
    found = validate([lexington_out[1] / name])
    assert [d.render() for d in found if d.severity is Severity.ERROR] == []


def test_xbrl_csv_lists_every_fact(lexington_out: tuple[ConversionResult, Path], xml_facts: tuple[LoadedFact, ...]) -> None:
    out = lexington_out[1]
    rows = (out / f"{NAME}-facts.csv").read_text(encoding="utf-8-sig").strip().splitlines()
    assert len(rows) - 1 == len(xml_facts)
    assert json.loads((out / f"{NAME}-metadata.json").read_text(encoding="utf-8"))["documentInfo"]


def test_packages_are_packages(lexington_out: tuple[ConversionResult, Path]) -> None:
    out = lexington_out[1]
    with zipfile.ZipFile(out / f"{NAME}.xbri") as z:
        names = z.namelist()
        assert f"{NAME}/META-INF/reportPackage.json" in names and f"{NAME}/reports/{NAME}.xhtml" in names
    with zipfile.ZipFile(out / f"{NAME}-taxonomy.zip") as z:
        assert {f"{NAME}-taxonomy/META-INF/taxonomyPackage.xml", f"{NAME}-taxonomy/META-INF/catalog.xml"} <= set(z.namelist())


def test_viewer_works_offline(lexington_out: tuple[ConversionResult, Path]) -> None:
    html = (lexington_out[1] / "viewer" / "xbrlviewer.html").read_text(encoding="utf-8")
    assert 'src="ixbrlviewer.js"' in html  # the script beside it, not a URL
    assert "24,392" in html


def test_format_narrows_the_outputs(tmp_path: Path) -> None:
    options = ConvertOptions(validate=False, formats=frozenset({OutputFormat.IXBRL}))
    result = convert(LEXINGTON, out_dir=tmp_path / "out", options=options)
    assert f"{NAME}.htm" in result.files
    assert not {f for f in result.files if f.endswith((".xml", ".json", ".xbr", ".xbri", ".csv"))} - {
        f"{NAME}_cal.xml", f"{NAME}_def.xml", f"{NAME}_lab.xml", f"{NAME}_pre.xml", "xbrlify-base-2024_lab.xml",
        "xbrlify-base-2024_ref.xml", "xbrlify-base-2024_def.xml", "mapping.csv"}  # the mapping report: always
    assert not (tmp_path / "out" / "viewer").exists()
