"""Tests of converter.validation.validate against real Arelle, offline (fixtures in tests/fixtures/validate)."""

from __future__ import annotations

import logging
import shutil
import threading
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from converter.diagnostics import (
    OUTPUT_WRITE_FAILED,
    VALIDATE_CALC_STOPPED,
    VALIDATE_NOT_XBRL,
    VALIDATE_UNREADABLE,
)
from converter.model import Diagnostic, Severity, SourceSpan
from converter.validation.arelle_adapter import records
from converter.validation.validate import load_facts, save_oim, save_viewer, validate
from tests.support.paths import fixture

DATA = fixture("validate")
EARN = "{http://example.com/xbrl/earn/2024}"
C11R = "calc11e:inconsistentCalculationUsingRounding"
C10 = "xbrl.5.2.5.2:calcInconsistency"
FACT_IDS = ("f-prod", "f-serv", "f-lic", "f-rev", "f-eps", "f-prod-c", "f-serv-c", "f-lic-c", "f-rev-c", "f-rev-dup")
SOURCES = {fid: (SourceSpan(path="release.txt", line=100 + n, table=1, row=n + 1),) for n, fid in enumerate(FACT_IDS)}


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    """A writable copy of the fixtures (outputs land beside the instances)."""
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def codes(found: tuple[Diagnostic, ...]) -> list[str]:
    return [d.code for d in found]


def span(fact_id: str) -> SourceSpan:
    return SOURCES[fact_id][0]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def build_package(folder: Path) -> Path:
    """A taxonomy package serving http://example.com/xbrl/earn/2024/ from the fixture taxonomy."""
    catalog = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n'
        '  <rewriteURI uriStartString="http://example.com/xbrl/earn/2024/" rewritePrefix="../taxonomy/"/>\n'
        "</catalog>\n"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package" xml:lang="en">\n'
        "  <tp:identifier>http://example.com/xbrl/earn/2024/package</tp:identifier>\n"
        "  <tp:name>Earn test taxonomy</tp:name>\n  <tp:version>2024</tp:version>\n"
        "</tp:taxonomyPackage>\n"
    )
    package = folder / "earn-taxonomy.zip"
    with zipfile.ZipFile(package, "w") as zf:
        zf.writestr("earn/META-INF/catalog.xml", catalog)
        zf.writestr("earn/META-INF/taxonomyPackage.xml", meta)
        for part in sorted(DATA.glob("earn-2024*")):
            zf.write(part, f"earn/taxonomy/{part.name}")
    return package


# --- validation findings ------------------------------------------------------------------------


def test_valid_instance_has_no_findings() -> None:
    assert validate([DATA / "valid.xml"]) == ()


@pytest.mark.parametrize(("calc", "expected"), [("c11r", [C11R]), ("c10", [C10]), ("none", [])])
def test_calc_modes(calc: str, expected: list[str]) -> None:
    found = validate([DATA / "calcerror.xml"], calc=calc)
    assert codes(found) == expected
    assert all(d.severity is Severity.INCONSISTENCY for d in found)


@pytest.mark.parametrize("calc", ["c11r", "c10"])
def test_calc_inconsistency_carries_total_then_contributors(calc: str) -> None:
    (found,) = validate([DATA / "calcerror.xml"], calc=calc, sources=SOURCES)
    assert found.spans == (span("f-rev-c"), span("f-prod-c"), span("f-serv-c"), span("f-lic-c"))
    assert found.file == str(DATA / "calcerror.xml")
    assert found.file_line == line_of(DATA / "calcerror.xml", 'id="f-rev-c"')
    assert dict(found.data)["contextID"] == "FY2024_Consumer"
    assert found.render().startswith("release.txt:108 [table 1, row 9] inconsistency")


def test_inline_calc_inconsistency_points_into_the_inline_document() -> None:
    (found,) = validate([DATA / "inline.htm"], sources=SOURCES)
    assert found.code == C11R
    assert found.spans[0] == span("f-rev-c")
    assert set(found.spans) == {span(i) for i in ("f-rev-c", "f-prod-c", "f-serv-c", "f-lic-c")}
    assert (found.file, found.file_line) == (str(DATA / "inline.htm"), line_of(DATA / "inline.htm", 'id="f-rev-c"'))


def test_relative_path_is_shown_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA.parent)
    (found,) = validate(["validate/calcerror.xml"])
    assert found.file == "validate/calcerror.xml"


def test_facts_without_sources_give_no_spans() -> None:
    (found,) = validate([DATA / "calcerror.xml"], sources={"f-other": (span("f-rev"),)})
    assert found.spans == () and found.file_line is not None


def test_dimension_error() -> None:
    found = validate([DATA / "dimerror.xml"], sources=SOURCES)
    assert set(codes(found)) == {
        "xbrldie:PrimaryItemDimensionallyInvalidError",
        "xbrldie:ExplicitMemberUndefinedQNameError",
    }
    assert all(d.severity is Severity.ERROR for d in found)
    undefined = next(d for d in found if d.code.endswith("UndefinedQNameError"))
    assert undefined.file_line == line_of(DATA / "dimerror.xml", "earn:NoSuchMember")  # the context
    assert undefined.spans == tuple(span(i) for i in ("f-prod-c", "f-serv-c", "f-lic-c", "f-rev-c"))


def test_utr_is_checked() -> None:
    (found,) = validate([DATA / "utrerror.xml"], sources=SOURCES)
    assert (found.code, found.severity, found.spans) == ("utre:error-NumericFactUtrInvalid", Severity.ERROR, (span("f-eps"),))


# --- duplicates and the calculation check --------------------------------------------------------


@pytest.mark.parametrize(("calc", "reason"), [("c11r", "c11-first-only"), ("c10", "c10-skipped")])
def test_inconsistent_duplicates_with_equal_decimals(calc: str, reason: str) -> None:
    found = validate([DATA / "duplicate.xml"], calc=calc, sources=SOURCES)
    assert codes(found) == ["arelle:duplicateFacts", VALIDATE_CALC_STOPPED]
    duplicate, note = found
    assert duplicate.spans == note.spans == (span("f-rev"), span("f-rev-dup"))
    assert dict(note.data)["reason"] == reason
    assert note.severity is Severity.WARNING


def test_duplicates_do_not_mention_calc_when_it_is_off() -> None:
    assert codes(validate([DATA / "duplicate.xml"], calc="none")) == ["arelle:duplicateFacts"]


def test_calc11_stop_on_duplicates_with_different_decimals(work: Path) -> None:
    text = (work / "duplicate.xml").read_text()
    text = text.replace('id="f-rev-dup" contextRef="FY2024" unitRef="USD" decimals="-3"',
                        'id="f-rev-dup" contextRef="FY2024" unitRef="USD" decimals="-6"')
    (work / "duplicate6.xml").write_text(text)
    found = validate([work / "duplicate6.xml"], sources=SOURCES)
    assert codes(found) == ["oime:disallowedDuplicateFacts", VALIDATE_CALC_STOPPED, "arelle:duplicateFacts"]
    stop, note = found[0], found[1]
    assert stop.severity is Severity.INCONSISTENCY
    assert dict(note.data)["reason"] == "arelle-stopped"
    assert note.spans == stop.spans == (span("f-rev"), span("f-rev-dup"))


# --- unreadable input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("missing.xml", VALIDATE_UNREADABLE),
        (".", VALIDATE_UNREADABLE),
        ("garbage.xml", VALIDATE_NOT_XBRL),
        ("plain.xml", VALIDATE_NOT_XBRL),
        ("earn-2024_lab.xml", None),  # a linkbase is XBRL: no finding
    ],
)
def test_unreadable_inputs_give_one_diagnostic(name: str, code: str | None) -> None:
    found = validate([DATA / name])
    assert codes(found) == ([code] if code else [])
    assert all(d.severity is Severity.ERROR and d.file == str(DATA / name) for d in found)


def test_not_xbrl_keeps_arelles_reason(work: Path) -> None:
    (work / "plain.json").write_text('{"hello": 1}\n')
    (work / "empty.htm").write_text("<html><body><p>hi</p></body></html>\n")
    garbage, json_doc, html = validate([work / "garbage.xml", work / "plain.json", work / "empty.htm"])
    assert dict(garbage.data)["arelle_code"] == "xmlSchema:syntax"
    assert dict(json_doc.data)["arelle_code"].startswith("oim")
    assert html.code == VALIDATE_NOT_XBRL


def test_several_paths_in_order() -> None:
    found = validate([DATA / "missing.xml", DATA / "valid.xml", DATA / "calcerror.xml"])
    assert codes(found) == [VALIDATE_UNREADABLE, C11R]


def test_bad_calc_mode_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="c11r"):
        validate([DATA / "valid.xml"], calc="c11t")


# --- offline and packages -----------------------------------------------------------------------


def test_offline_unknown_schema_url_is_reported_not_fetched(no_network: list[object]) -> None:
    found = validate([DATA / "offline.xml"], sources=SOURCES)
    assert no_network == []
    io_error = found[0]
    assert io_error.code == "IOerror" and io_error.severity is Severity.ERROR
    assert "http://example.invalid/xbrl/nowhere-2099/nowhere.xsd" in io_error.message
    assert io_error.file_line == line_of(DATA / "offline.xml", "schemaRef")
    assert "xbrl:schemaImportMissing" in codes(found)


def test_package_serves_absolute_schema_url(tmp_path: Path, no_network: list[object]) -> None:
    package = build_package(tmp_path)
    assert validate([DATA / "package-instance.xml"], packages=[package]) == ()
    assert validate([DATA / "package-instance.xml"], packages=[package]) == ()  # twice: see runner
    without = validate([DATA / "package-instance.xml"])
    assert "IOerror" in codes(without)
    assert no_network == []


def test_url_entry_point_through_package(tmp_path: Path, no_network: list[object]) -> None:
    url = "http://example.com/xbrl/earn/2024/earn-2024.xsd"
    assert validate([url], packages=[build_package(tmp_path)]) == ()
    (unread,) = validate([url])
    assert (unread.code, unread.file, dict(unread.data)["arelle_code"]) == (VALIDATE_UNREADABLE, url, "IOerror")
    assert no_network == []


def test_nothing_written_to_the_config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    package = build_package(tmp_path)  # packages start a new Arelle session
    assert validate([DATA / "package-instance.xml"], packages=[package]) == ()
    assert codes(save_viewer(DATA / "inline.htm", tmp_path / "viewer")) == [C11R]
    assert not home.exists()


# --- facts, viewer, OIM -------------------------------------------------------------------------


def test_load_facts_xml_equals_inline() -> None:
    xml, inline = load_facts(DATA / "calcerror.xml"), load_facts(DATA / "inline.htm")
    assert xml == inline and len(xml) == 9
    total = next(f for f in xml if f.id == "f-rev-c")
    assert (total.concept, total.value, total.decimals, total.unit) == (f"{EARN}Revenues", Decimal(105000000), "-3", "USD")
    assert total.dims == ((f"{EARN}SegmentAxis", f"{EARN}ConsumerSegmentMember"),)
    assert (str(total.start), str(total.end), total.instant) == ("2024-01-01", "2024-12-31", None)
    eps = next(f for f in inline if f.concept == f"{EARN}EarningsPerShareBasic")
    assert (eps.value, eps.unit) == (Decimal("1.23"), "USD/shares")


def test_load_facts_tells_instances_apart() -> None:
    assert load_facts(DATA / "valid.xml") != load_facts(DATA / "calcerror.xml")
    assert load_facts(DATA / "missing.xml") == ()


def test_viewer_written_offline(tmp_path: Path, no_network: list[object]) -> None:
    out = tmp_path / "viewer" / "nested"
    found = save_viewer(DATA / "inline.htm", out)
    assert codes(found) == [C11R]
    names = {p.name for p in out.iterdir()}
    assert "ixbrlviewer.js" in names
    (page,) = [out / n for n in names if n.endswith((".htm", ".html", ".xhtml"))]
    html = page.read_text(encoding="utf-8")
    assert "ixbrlviewer.js" in html and "f-rev-c" in html
    assert no_network == []


def test_viewer_needs_inline_xbrl(tmp_path: Path) -> None:
    found = save_viewer(DATA / "valid.xml", tmp_path / "v")
    assert codes(found) == [OUTPUT_WRITE_FAILED]
    assert "inline" in found[0].message.lower()


def test_viewer_refuses_the_documents_own_folder(work: Path) -> None:
    assert codes(save_viewer(work / "inline.htm", work)) == [OUTPUT_WRITE_FAILED]


def test_oim_json_round_trip_keeps_every_fact(work: Path) -> None:
    assert save_oim(work / "calcerror.xml", work / "calcerror.json") == ()
    original, loaded = load_facts(work / "calcerror.xml"), load_facts(work / "calcerror.json")
    assert loaded == original
    assert [f.id for f in loaded] == [f.id for f in original]
    assert codes(validate([work / "calcerror.json"])) == [C11R]


def test_oim_csv_and_inline_source(work: Path) -> None:
    assert save_oim(work / "inline.htm", work / "inline.csv") == ()
    assert (work / "inline-metadata.json").is_file() and (work / "inline-facts.csv").is_file()
    assert load_facts(work / "inline-metadata.json") == load_facts(work / "inline.htm")


def test_oim_bad_suffix_and_bad_input(work: Path) -> None:
    assert codes(save_oim(work / "valid.xml", work / "x.txt")) == [OUTPUT_WRITE_FAILED]
    assert codes(save_oim(work / "plain.xml", work / "p.json")) == [VALIDATE_NOT_XBRL]


def test_one_process_sequence(work: Path, tmp_path: Path) -> None:
    """Plugins and packages in one run must not break the next (Arelle resets its managers)."""
    package = build_package(tmp_path)
    assert codes(validate([work / "calcerror.xml"])) == [C11R]
    assert codes(save_viewer(work / "inline.htm", tmp_path / "viewer")) == [C11R]
    assert validate([work / "package-instance.xml"], packages=[package]) == ()
    assert codes(validate([work / "calcerror.xml"], calc="c10")) == [C10]
    assert save_oim(work / "valid.xml", work / "valid.json") == ()
    assert validate([work / "valid.json"]) == ()
    assert load_facts(work / "valid.json") == load_facts(work / "valid.xml")
    assert codes(validate([work / "dimerror.xml"]))[0].startswith("xbrldie:")


def test_deterministic_and_thread_safe() -> None:
    first = validate([DATA / "calcerror.xml", DATA / "dimerror.xml"], sources=SOURCES)
    box: list[tuple[Diagnostic, ...]] = []
    worker = threading.Thread(target=lambda: box.append(validate([DATA / "calcerror.xml", DATA / "dimerror.xml"], sources=SOURCES)))
    worker.start()
    worker.join()
    assert box == [first]
    assert validate([DATA / "calcerror.xml", DATA / "dimerror.xml"], sources=SOURCES) == first


def test_validations_in_one_process_share_one_arelle_session() -> None:
    """One Arelle session per process: a second validation reuses the first one's rather than
    loading Arelle again (how fast that is, benchmarks/vs_arelle.py measures, not a test)."""
    from converter.validation.arelle_adapter import runner

    validate([DATA / "calcerror.xml"])
    first = runner._ARELLE.session
    assert validate([DATA / "calcerror.xml"]) == validate([DATA / "calcerror.xml"])
    assert first is not None and runner._ARELLE.session is first


# --- record conversion rules --------------------------------------------------------------------


def record(level: int, code: str, refs: list[dict[str, object]], msg: str = "m %(x)s", **args: str) -> logging.LogRecord:
    rec = logging.LogRecord("arelle", level, __file__, 1, msg, None, None)
    rec.args = args or {"x": "1"}
    rec.messageCode, rec.refs = code, refs
    return rec


@pytest.mark.parametrize(
    ("level", "expected"),
    [(50, Severity.ERROR), (40, Severity.ERROR), (38, Severity.ERROR), (33, Severity.INCONSISTENCY),
     (31, Severity.WARNING), (30, Severity.WARNING), (21, Severity.INFO), (20, Severity.INFO)],
)
def test_severity_mapping(level: int, expected: Severity) -> None:
    logging.addLevelName(33, "INCONSISTENCY")
    assert records.severity_of(record(level, "x:y", [])) is expected


def test_chatter_rule() -> None:
    assert records.is_chatter(record(20, "info", [{"href": "/abs/report.xml"}]))
    assert records.is_chatter(record(20, "viewer:info", [{"href": "report.htm"}]))
    assert not records.is_chatter(record(20, "x:note", [{"href": "report.xml#f-1", "sourceLine": 3}]))
    assert not records.is_chatter(record(30, "x:warn", []))


def test_refs_resolve_files_lines_and_ids(tmp_path: Path) -> None:
    where = records.Where(entry=str(tmp_path / "out" / "r.xbrl"), shown="out/r.xbrl")
    rec = record(40, "x:e", [
        {"href": "r.xbrl#f-1", "sourceLine": 7},
        {"href": "r.xsd#element(/1/2)", "sourceLine": "9"},
        {"href": "http://example.com/a.xsd"},
        {"href": str(tmp_path / "out" / "r.xbrl")},
    ])
    refs = records.refs_of(rec, where)
    assert [(r.file, r.line, r.fact_id) for r in refs] == [
        ("out/r.xbrl", 7, "f-1"), ("out/r.xsd", 9, None), ("http://example.com/a.xsd", None, None), ("out/r.xbrl", None, None),
    ]
    found = records.to_diagnostic(rec, where, {"f-1": (span("f-rev"), span("f-rev"))})
    assert (found.file, found.file_line, found.spans, found.message) == ("out/r.xbrl", 7, (span("f-rev"),), "m 1")
    remote = records.Where(entry="https://example.com/t/a.xsd", shown="https://example.com/t/a.xsd")
    assert [remote.display(h) for h in ("a.xsd", "b_lab.xml", "", "/pkg.zip/t/c.xsd", "http://x.org/d.xsd")] == [
        "https://example.com/t/a.xsd", "https://example.com/t/b_lab.xml", "https://example.com/t/a.xsd",
        "/pkg.zip/t/c.xsd", "http://x.org/d.xsd",
    ]


def test_arelle_records_are_kept_in_one_order_whatever_order_they_come_in() -> None:
    import logging
    import random

    from converter.validation.arelle_adapter.runner import Collector

    def record(level: int, code: str, text: str) -> logging.LogRecord:
        made = logging.LogRecord("arelle", level, __file__, 1, text, None, None)
        made.messageCode = code
        return made

    made = [record(logging.WARNING, "a:b", "x"), record(logging.ERROR, "c:d", "y %s"), record(logging.WARNING, "a:b", "w"),
            record(logging.INFO, "info", "z"), record(logging.ERROR, "c:d", "v")]
    orders = set()
    for seed in range(8):
        shuffled = made[:]
        random.Random(seed).shuffle(shuffled)
        collector = Collector()
        for r in shuffled:
            collector.emit(r)
        orders.add(tuple((r.__dict__["messageCode"], r.msg) for r in collector.logRecordBuffer))
    assert orders == {(("c:d", "v"), ("c:d", "y %s"), ("a:b", "w"), ("a:b", "x"), ("info", "z"))}
