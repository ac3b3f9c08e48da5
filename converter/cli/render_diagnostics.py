"""Findings rendered for people and for CI: text, JSON, JUnit XML, GitHub Actions annotations.

Every renderer takes the same input, one :class:`~converter.validation.findings.FileFindings` per file, and
the ``--fail-on`` threshold, which decides what is a failure (JUnit ``<failure>``, GitHub
``::error``) and what is only reported (JUnit ``<system-out>``, ``::warning`` / ``::notice``).

JUnit: one ``<testsuite>`` per file holding one ``<testcase>`` (named for the file), with a
``<failure type="CODE">`` per failing finding and an ``<error>`` per finding that made the file
unreadable. GitHub: one ``::error file=F,line=N,title=CODE::message`` line per finding at the
output file and line Arelle names, plus one at the release line for a finding that carries a
release span, so the pull request shows it both on the XBRL and on the press release.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from converter.model import Diagnostic, Severity, SourceSpan
from converter.validation.findings import FailOn, FileFindings, count_text, counts, exit_status


class FindingsFormat(enum.Enum):
    """How findings are printed (``--format``)."""

    TEXT = "text"
    JSON = "json"
    JUNIT = "junit"
    GITHUB = "github"


@dataclass(frozen=True, slots=True)
class Rendered:
    """Text for standard output and for standard error."""

    out: str
    err: str = ""


def render(fmt: FindingsFormat, reports: Sequence[FileFindings], fail_on: FailOn = FailOn.INCONSISTENCY) -> Rendered:
    """Render ``reports`` in ``fmt`` (JSON as :func:`findings_json`, indented, keys sorted)."""
    import json

    if fmt is FindingsFormat.TEXT:
        return Rendered(out=text_totals(reports), err=text_findings(reports))
    if fmt is FindingsFormat.JSON:
        return Rendered(out=json.dumps(findings_json(reports, fail_on), indent=2, sort_keys=True) + "\n")
    if fmt is FindingsFormat.JUNIT:
        return Rendered(out=render_junit(reports, fail_on))
    return Rendered(out=render_github(reports, fail_on))


# --- text and JSON -------------------------------------------------------------------------------


def text_findings(reports: Iterable[FileFindings]) -> str:
    """One line per finding (INFO left out), each as :meth:`Diagnostic.render` writes it."""
    return "".join(f"{d.render()}\n" for r in reports for d in r.diagnostics if d.severity is not Severity.INFO)


def text_totals(reports: Sequence[FileFindings]) -> str:
    """A line per file when there are several, then ``N file(s): <counts>``."""
    lines = [f"{r.path}: {count_text(r.diagnostics)}" for r in reports] if len(reports) > 1 else []
    everything = [d for r in reports for d in r.diagnostics]
    lines.append(f"{len(reports)} file(s): {count_text(everything)}")
    return "".join(f"{line}\n" for line in lines)


def diag_json(d: Diagnostic) -> dict[str, object]:
    """A diagnostic as a JSON object (release spans under ``release``)."""
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "release": [
            {"path": s.path, "line": s.line, "table": s.table, "row": s.row, "column": s.column} for s in d.spans
        ],
        "file": d.file,
        "file_line": d.file_line,
        "data": dict(d.data),
    }


def severity_counts(diags: Iterable[Diagnostic]) -> dict[str, int]:
    """``{"error": n, "inconsistency": n, "warning": n, "info": n}``."""
    return {s.value: n for s, n in counts(diags).items()}


def findings_json(reports: Sequence[FileFindings], fail_on: FailOn = FailOn.INCONSISTENCY) -> dict[str, object]:
    """Every file with its exit status and findings, plus all findings in one flat list."""
    return {
        "instances": [r.path for r in reports],
        "exit_status": exit_status(reports, fail_on),
        "fail_on": fail_on.value,
        "files": [
            {
                "path": r.path,
                "exit_status": r.exit_status(fail_on),
                "findings": severity_counts(r.diagnostics),
                "diagnostics": [diag_json(d) for d in r.diagnostics],
            }
            for r in reports
        ],
        "diagnostics": [diag_json(d) for r in reports for d in r.diagnostics],
    }


# --- JUnit XML -----------------------------------------------------------------------------------


def render_junit(reports: Sequence[FileFindings], fail_on: FailOn = FailOn.INCONSISTENCY) -> str:
    """JUnit XML: a testsuite per file, one testcase per file, a failure per failing finding."""
    root = etree.Element("testsuites", name="xbrlify")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for report in reports:
        suite = _junit_suite(report, fail_on)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", _seconds(sum(r.seconds for r in reports)))
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml.decode("utf-8")


def _junit_suite(report: FileFindings, fail_on: FailOn) -> etree._Element:
    suite = etree.Element("testsuite", name=report.path, tests="1", skipped="0", time=_seconds(report.seconds))
    case = etree.SubElement(
        suite, "testcase", classname=f"xbrlify.{report.kind}", name=report.path, file=report.path,
        time=_seconds(report.seconds),
    )
    quiet: list[str] = []
    for d in report.diagnostics:
        if report.unreadable and d.severity is Severity.ERROR:
            tag = "error"
        elif fail_on.fails(d.severity):
            tag = "failure"
        else:
            quiet.append(d.render())
            continue
        element = etree.SubElement(case, tag, type=d.code, message=f"{d.severity.value} {d.code}: {d.message}")
        element.text = _junit_detail(d)
    if quiet:
        etree.SubElement(case, "system-out").text = "\n".join(quiet) + "\n"
    suite.set("failures", "1" if case.find("failure") is not None else "0")
    suite.set("errors", "1" if case.find("error") is not None else "0")
    return suite


def _junit_detail(d: Diagnostic) -> str:
    lines = [d.render()]
    if d.file:
        lines.append(f"file: {d.file}:{d.file_line}" if d.file_line else f"file: {d.file}")
    lines.extend(f"release: {s.render()}" for s in d.spans)
    lines.extend(f"{key}: {value}" for key, value in d.data)
    return "\n".join(lines) + "\n"


def _seconds(value: float) -> str:
    return f"{value:.3f}"


# --- GitHub Actions workflow commands ------------------------------------------------------------


def render_github(reports: Sequence[FileFindings], fail_on: FailOn = FailOn.INCONSISTENCY) -> str:
    """``::error`` / ``::warning`` / ``::notice`` lines, then one plain summary line."""
    lines = [line for r in reports for d in r.diagnostics for line in github_lines(d, r.path, fail_on)]
    lines.append(text_totals(reports).splitlines()[-1])
    return "".join(f"{line}\n" for line in lines)


def github_lines(d: Diagnostic, path: str, fail_on: FailOn = FailOn.INCONSISTENCY) -> list[str]:
    """The annotations of one finding: at its output file (else at ``path``) and at its release line.

    Args:
        d: The finding.
        path: The input it is about, used when the finding names no file and no release span.
        fail_on: Failing findings become ``::error``, other ones ``::warning`` (INFO ``::notice``).
    """
    if fail_on.fails(d.severity):
        command = "error"
    else:
        command = "notice" if d.severity is Severity.INFO else "warning"
    message = f"{d.severity.value}: {d.message}"
    lines = []
    if d.file or not d.spans:
        lines.append(_command(command, d.file or path, d.file_line, 0, d.code, message))
    if d.spans:
        primary = d.spans[0]
        also = _release_also(d.spans[1:])
        lines.append(_command(command, primary.path, primary.line or None, primary.col, d.code, message + also))
    return lines


def _release_also(spans: Sequence[SourceSpan]) -> str:
    return f" (also {'; '.join(s.render() for s in spans)})" if spans else ""


def _command(command: str, file: str, line: int | None, col: int, title: str, message: str) -> str:
    props = [f"file={_property(file)}"]
    if line:
        props.append(f"line={line}")
        if col:
            props.append(f"col={col}")
    props.append(f"title={_property(title)}")
    return f"::{command} {','.join(props)}::{_data(message)}"


def _data(text: str) -> str:
    """Escape a workflow command's message (GitHub's ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a workflow command's property value (GitHub's ``escapeProperty``)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
