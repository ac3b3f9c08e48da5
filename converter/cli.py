"""The ``xbrlify`` command: option parsing and rendering only; the work is in ``converter``.

Exit codes: 0 valid, 1 validation findings, 2 usage or input errors.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from converter.model import ConversionResult, Diagnostic, Severity
from converter.pipeline import ConvertOptions, convert

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
_CALC = click.Choice(["c11r", "c10", "none"])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="xbrlify")
def main() -> None:
    """Turn earnings press releases into validated XBRL."""


@main.command("convert")
@click.argument("release", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), required=True, help="Output folder.")
@click.option("--cik", help="SEC CIK of the filer (entity identifier).")
@click.option("--entity-name", help="Name of the filer (overrides the release).")
@click.option("--calc", type=_CALC, default="c11r", show_default=True, help="Calculation check mode.")
@click.option("--no-validate", is_flag=True, help="Write the outputs without running Arelle.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def convert_command(release: Path, out_dir: Path, cik: str | None, entity_name: str | None, calc: str,
                    no_validate: bool, as_json: bool) -> None:
    """Convert RELEASE (text or HTML) into taxonomy and instance files in OUT."""
    options = ConvertOptions(cik=cik, entity_name=entity_name, calc=calc, validate=not no_validate)
    result = convert(release, options=options, out_dir=out_dir)
    if as_json:
        click.echo(json.dumps(result_json(result, out_dir), indent=2, sort_keys=True))
    else:
        _print_result(result, out_dir)
    sys.exit(exit_code(result.diagnostics, failed=result.report is None))


@main.command("validate")
@click.argument("instances", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--calc", type=_CALC, default="c11r", show_default=True, help="Calculation check mode.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
def validate_command(instances: Sequence[Path], calc: str, as_json: bool) -> None:
    """Validate XBRL INSTANCES (ours or anyone's) with Arelle, offline."""
    from converter.output import base_package_path
    from converter.validate import validate

    diags = validate(list(instances), calc=calc, packages=[base_package_path()])
    unreadable = any(d.code.startswith("validate.") and d.severity is Severity.ERROR for d in diags)
    if as_json:
        click.echo(json.dumps({"instances": [str(p) for p in instances], "diagnostics": [diag_json(d) for d in diags]},
                              indent=2, sort_keys=True))
    else:
        for d in diags:
            click.echo(d.render(), err=d.severity is not Severity.INFO)
        click.echo(f"{len(instances)} file(s): {_count(diags)}")
    sys.exit(EXIT_INPUT if unreadable else exit_code(diags))


def exit_code(diags: Sequence[Diagnostic], *, failed: bool = False) -> int:
    """2 when the input could not be processed, 1 for findings, else 0."""
    if failed:
        return EXIT_INPUT
    if any(d.severity.rank <= Severity.INCONSISTENCY.rank for d in diags):
        return EXIT_FINDINGS
    return EXIT_OK


def diag_json(d: Diagnostic) -> dict[str, object]:
    """A diagnostic as a JSON object."""
    return {
        "code": d.code, "severity": d.severity.value, "message": d.message,
        "release": [{"path": s.path, "line": s.line, "table": s.table, "row": s.row, "column": s.column} for s in d.spans],
        "file": d.file, "file_line": d.file_line, "data": dict(d.data),
    }


def result_json(result: ConversionResult, out_dir: Path | None) -> dict[str, object]:
    """A conversion result as a JSON object."""
    report = result.report
    return {
        "release": result.source,
        "ok": result.ok and report is not None,
        "out": str(out_dir) if out_dir and result.files else None,
        "files": list(result.files),
        "tables": len(result.document.tables) if result.document else 0,
        "statements": [{"table": s.table, "part": s.part, "title": s.title, "kind": s.kind.value} for s in result.statements],
        "facts": len(report.facts) if report else 0,
        "contexts": len(report.contexts) if report else 0,
        "diagnostics": [diag_json(d) for d in result.diagnostics],
    }


def _print_result(result: ConversionResult, out_dir: Path) -> None:
    shown = [d for d in result.diagnostics if d.severity is not Severity.INFO]
    for d in shown:
        click.echo(d.render(), err=True)
    if result.report is None:
        return
    doc = result.document
    report = result.report
    click.echo(
        f"{result.source}: {len(doc.tables) if doc else 0} table(s), {len(result.statements)} statement(s), "
        f"{len(report.facts)} fact(s), {len(report.contexts)} context(s) -> {out_dir}/ ; {_count(result.diagnostics)}"
    )


def _count(diags: Sequence[Diagnostic]) -> str:
    by = {s: sum(1 for d in diags if d.severity is s) for s in Severity}
    if not by[Severity.ERROR] and not by[Severity.INCONSISTENCY] and not by[Severity.WARNING]:
        return "valid, no findings"
    return ", ".join(f"{n} {s.value}(s)" for s, n in by.items() if n and s is not Severity.INFO)


if __name__ == "__main__":  # pragma: no cover
    main()
