"""The ``xbrlify`` command: option parsing and rendering only; the work is in ``converter``.

Exit codes: 0 valid, 1 findings, 2 usage errors, input that could not be read, or a defect of
xbrlify (the worst file or release decides). A defect is one located ``internal.error`` line;
``--debug`` (or ``XBRLIFY_DEBUG=1``) prints its whole traceback on stderr too. How findings are printed (:mod:`converter.cli.render_diagnostics`):
``validate --format text|json|junit|github``, ``convert --report ...`` (``convert --format``
chooses the output files); ``--json`` is the JSON choice of either.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from converter import __version__
from converter.cli.batch import BatchResult, Plan, plan_batch, run_plan, write_summary
from converter.cli.release_summary import STANDINGS, ReleaseOutcome, outcome_of, result_json
from converter.cli.render_diagnostics import (
    FindingsFormat,
    render,
    render_junit,
    text_findings,
)
from converter.defects import defect, enable_debug, tracebacks
from converter.diagnostics import INTERNAL_ERROR
from converter.inputs.mapping_file import MappingError, read_mapping
from converter.model import NO_OVERRIDES, ConversionResult, Diagnostic, Overrides, Severity
from converter.pipeline import ConvertOptions, convert
from converter.serialize.output_files import ALL_FORMATS, OutputFormat
from converter.validation.findings import (
    EXIT_INPUT,
    FailOn,
    FileFindings,
    count_text,
    diagnostics_exit_status,
    exit_status,
)

F = TypeVar("F", bound=Callable[..., Any])

_CALC = click.Choice(["c11r", "c10", "none"])


def _findings_options(flag: str) -> Callable[[F], F]:
    """``flag`` (how findings are printed), its ``--json`` alias, and ``--junit FILE``."""
    def decorate(func: F) -> F:
        for option in reversed((
            click.option(flag, "fmt", type=click.Choice([f.value for f in FindingsFormat]), default="text",
                         show_default=True, help="How findings are printed (junit: XML, github: Actions annotations)."),
            click.option("--json", "as_json", is_flag=True, help=f"Alias of {flag} json."),
            click.option("--junit", "junit_file", type=click.Path(path_type=Path, dir_okay=False),
                         help="Also write JUnit XML results to this file."),
        )):
            func = option(func)
        return func
    return decorate


def _read_mapping(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Overrides:
    """``--mapping FILE`` read; a file that cannot be used is one located error per problem, exit 2."""
    if value is None:
        return NO_OVERRIDES
    try:
        return read_mapping(value)
    except MappingError as exc:
        for d in exc.diagnostics:
            click.echo(d.render(), err=True)
        sys.exit(EXIT_INPUT)


_mapping_option = click.option(
    "--mapping", type=click.Path(path_type=Path, dir_okay=False), callback=_read_mapping, expose_value=True,
    help="TOML overrides: concepts of rows, member names, the entity, the fiscal year end, table scales, skips.")


def _parse_formats(_ctx: click.Context, _param: click.Parameter, value: str) -> frozenset[OutputFormat]:
    """``--format xbrl,ixbrl`` as output formats (``all``: every one)."""
    names = {n.strip().lower() for n in value.split(",") if n.strip()}
    if names == {"all"}:
        return ALL_FORMATS
    known = {f.value: f for f in OutputFormat}
    unknown = sorted(names - set(known))
    if unknown or not names:
        raise click.BadParameter(f"unknown format(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(known)}")
    return frozenset(known[n] for n in names)


class _Commands(click.Group):
    """The command group; a defect that escapes a command is one ``internal.error`` line, exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the edge: a defect becomes a diagnostic, not a traceback
            command = f"xbrlify {ctx.invoked_subcommand}" if ctx.invoked_subcommand else "xbrlify"
            found = defect(INTERNAL_ERROR, f"{command} failed", exc, "")
            click.echo(found.render(), err=True)
            _print_tracebacks([found])
            sys.exit(EXIT_INPUT)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="xbrlify")
@click.option("--debug", is_flag=True,
              help="Print the whole traceback of an internal error (also XBRLIFY_DEBUG=1), batch workers included.")
def main(debug: bool) -> None:
    """Turn earnings press releases into validated XBRL."""
    if debug:
        enable_debug()


@main.command("convert")
@click.argument("releases", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Output folder (with several releases: one sub-folder per release and summary.json).")
@click.option("--cik", help="SEC CIK of the filer (entity identifier).")
@click.option("--entity-name", help="Name of the filer (overrides the release).")
@_mapping_option
@click.option("--taxonomy-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Reuse and extend one taxonomy per company kept here, across releases (converted one after the other).")
@click.option("--calc", type=_CALC, default="c11r", show_default=True, help="Calculation check mode.")
@click.option("--no-validate", is_flag=True, help="Write the outputs without running Arelle.")
@click.option("--format", "formats", default="all", show_default=True, metavar="FORMATS", callback=_parse_formats,
              help=f"Outputs besides the taxonomy, comma-separated: {', '.join(f.value for f in OutputFormat)}.")
@click.option("--viewer", is_flag=True, help="Also write the ixbrl-viewer (whatever --format says).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes for many releases (0: one per CPU).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Convert on the Dask scheduler at ADDRESS (tcp://host:8786; needs xbrlify[dask]) instead of --jobs.")
@click.option("--force", is_flag=True, help="Convert every release, also those OUT/manifest.json says are up to date.")
@click.option("--summary", "summary_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the summary JSON here.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no per-release lines.")
@_findings_options("--report")
def convert_command(releases: Sequence[Path], out_dir: Path, cik: str | None, entity_name: str | None,
                    mapping: Overrides, taxonomy_dir: Path | None, calc: str, no_validate: bool,
                    formats: frozenset[OutputFormat], viewer: bool, jobs: int, dask_address: str | None, force: bool,
                    summary_file: Path | None, quiet: bool, fmt: str, as_json: bool, junit_file: Path | None) -> None:
    """Convert RELEASES (text or HTML files, EDGAR submissions, folders, glob patterns) into XBRL in OUT.

    One release file is written straight into OUT; several (a folder, a pattern, a submission
    with several EX-99 exhibits) each into OUT/<release stem>/, in parallel with --jobs (or on
    a Dask cluster with --dask), with OUT/summary.json listing them. OUT/manifest.json records
    what each was made from: run again, only what is new or changed is converted.
    """
    formats = formats | {OutputFormat.VIEWER} if viewer else formats
    if taxonomy_dir is not None and (jobs != 1 or dask_address):
        raise click.UsageError("--taxonomy-dir converts one release after the other: leave out --jobs and --dask")
    options = ConvertOptions(cik=cik, entity_name=entity_name, calc=calc, validate=not no_validate, formats=formats,
                             mapping=mapping, taxonomy_dir=taxonomy_dir)
    output = _format(fmt, as_json)
    plan = plan_batch(releases, out_dir, options)
    if len(releases) == 1 and not plan.expanded and plan.size == 1:
        started = time.perf_counter()
        result = convert(releases[0], options=options, out_dir=out_dir)
        outcome = outcome_of(result, out=out_dir, seconds=time.perf_counter() - started)
        batch = BatchResult(out_dir=out_dir, releases=(outcome,), jobs=1, seconds=outcome.seconds)
        if output is FindingsFormat.JSON:
            click.echo(json.dumps(result_json(result, out_dir), indent=2, sort_keys=True))
        elif output is FindingsFormat.TEXT:
            _print_result(result, out_dir)
    else:
        with _progress(plan.size, quiet) as step:
            batch = _run_batch(plan, out_dir, jobs, dask_address, force, step)
        if output is FindingsFormat.JSON:
            click.echo(json.dumps(batch.to_json(), indent=2, sort_keys=True))
        elif output is FindingsFormat.TEXT:
            _print_batch(batch, out_dir, quiet)
    reports = [r.findings() for r in batch.releases]
    if output in (FindingsFormat.JUNIT, FindingsFormat.GITHUB):
        click.echo(render(output, reports).out, nl=False)
    _write_extras(summary_file, batch.to_json(), junit_file, reports, FailOn.INCONSISTENCY)
    _print_tracebacks(d for r in batch.releases for d in r.diagnostics)
    sys.exit(batch.exit_status)


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--calc", type=_CALC, default="c11r", show_default=True, help="Calculation check mode.")
@click.option("--fail-on", type=click.Choice([f.value for f in FailOn]), default=FailOn.INCONSISTENCY.value,
              show_default=True, help="Mildest severity that makes the exit code 1.")
@_findings_options("--format")
def validate_command(paths: Sequence[Path], calc: str, fail_on: str, fmt: str, as_json: bool,
                     junit_file: Path | None) -> None:
    """Validate XBRL with Arelle, offline: instances, Inline XBRL, report packages, xBRL-JSON, folders.

    Works on XBRL made by any tool. In a folder, only entry points are validated (instances,
    Inline XBRL documents, report packages), not every schema and linkbase.
    """
    from converter.validation.paths import validate_paths

    threshold = FailOn(fail_on)
    reports = validate_paths(paths, calc=calc)
    rendered = render(_format(fmt, as_json), reports, threshold)
    if rendered.err:
        click.echo(rendered.err, nl=False, err=True)
    click.echo(rendered.out, nl=False)
    _write_extras(None, {}, junit_file, reports, threshold)
    _print_tracebacks(d for r in reports for d in r.diagnostics)
    sys.exit(exit_status(reports, threshold))


@main.command("view")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder for the viewer (xbrlviewer.html + ixbrlviewer.js).")
@click.option("--calc", type=_CALC, default="c11r", show_default=True, help="Calculation check mode.")
def view_command(source: Path, out_dir: Path, calc: str) -> None:
    """Write Arelle's ixbrl-viewer for SOURCE: an Inline XBRL document, or a release (converted first).

    The viewer opens offline from file:// and lists the validation messages.
    """
    from converter.inputs.entry_points import is_inline_xbrl
    from converter.validation.validate import save_viewer

    if source.is_file() and is_inline_xbrl(source):
        found = save_viewer(source, out_dir, calc=calc)
        for d in found:
            click.echo(d.render(), err=True)
        _print_tracebacks(found)
        written = (out_dir / "xbrlviewer.html").is_file()
        click.echo(f"{source}: viewer -> {out_dir}/xbrlviewer.html" if written else f"{source}: no viewer written")
        sys.exit(EXIT_INPUT if not written else 1 if any(d.severity.rank <= 1 for d in found) else 0)
    options = ConvertOptions(calc=calc, formats=frozenset({OutputFormat.IXBRL, OutputFormat.VIEWER}))
    result = convert(source, options=options, out_dir=out_dir)
    _print_result(result, out_dir)
    if result.report is not None:
        click.echo(f"viewer: {out_dir}/viewer/xbrlviewer.html")
    _print_tracebacks(result.diagnostics)
    sys.exit(exit_status([outcome_of(result, out=out_dir, seconds=0.0).findings()], FailOn.INCONSISTENCY))


@main.command("facts")
@click.argument("release", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="CSV with a header row, or a JSON array of objects.")
@_mapping_option
@click.option("--taxonomy-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Name concepts as the company's taxonomy kept here does (nothing is added to it).")
def facts_command(release: Path, fmt: str, mapping: Overrides, taxonomy_dir: Path | None) -> None:
    """Print the facts of RELEASE (converted in memory, not validated): one per fact with concept,
    label, US-GAAP element, period (start, end or instant), a column per axis, unit, value,
    decimals and the release line it is printed on. Findings go to stderr.
    """
    from converter.serialize.fact_records import records_csv, records_json

    options = ConvertOptions(validate=False, formats=frozenset({OutputFormat.XBRL}), mapping=mapping,
                             taxonomy_dir=taxonomy_dir)
    result = convert(release, options=options)
    for d in result.diagnostics:
        if d.severity is not Severity.INFO:
            click.echo(d.render(), err=True)
    records = result.to_records()
    click.echo(records_json(records) if fmt == "json" else records_csv(records), nl=False)
    _print_tracebacks(result.diagnostics)
    sys.exit(diagnostics_exit_status(result.diagnostics, failed=result.report is None))


def _run_batch(plan: Plan, out_dir: Path, jobs: int, dask_address: str | None, force: bool,
               step: Callable[[ReleaseOutcome], None] | None) -> BatchResult:
    """Run ``plan`` here, in ``jobs`` processes, or on the Dask scheduler at ``dask_address``."""
    if dask_address is None:
        return run_plan(plan, out_dir, jobs=jobs, progress=step, force=force)
    from converter.cli.dask_executor import DaskUnavailableError, dask_executor

    try:
        with dask_executor(dask_address) as executor:
            return run_plan(plan, out_dir, executor=executor, progress=step, force=force)
    except DaskUnavailableError as exc:
        raise click.UsageError(str(exc)) from exc


def show_progress(quiet: bool, streams: Sequence[TextIO]) -> bool:
    """True when a progress bar is wanted: not ``--quiet`` and every stream is a terminal."""
    return not quiet and all(stream.isatty() for stream in streams)


@contextmanager
def _progress(total: int, quiet: bool) -> Iterator[Callable[[ReleaseOutcome], None] | None]:
    """A callback advancing a bar on stderr, or None when no bar is shown."""
    if total < 2 or not show_progress(quiet, (sys.stdout, sys.stderr)):
        yield None
        return
    bar: Any = click.progressbar(length=total, label="Converting", file=sys.stderr, show_pos=True,
                                 item_show_func=lambda name: Path(name).name if name else None)
    with bar:
        yield lambda outcome: bar.update(1, outcome.release)


def _format(fmt: str, as_json: bool) -> FindingsFormat:
    if as_json and fmt not in ("text", "json"):
        raise click.UsageError(f"--json contradicts the findings format {fmt}")
    return FindingsFormat.JSON if as_json else FindingsFormat(fmt)


def _write_extras(summary_file: Path | None, summary: dict[str, object], junit_file: Path | None,
                  reports: Sequence[FileFindings], fail_on: FailOn) -> None:
    """Write the ``--summary`` and ``--junit`` files (exit 2 with one line if that fails)."""
    try:
        if summary_file is not None:
            write_summary(summary, summary_file)
        if junit_file is not None:
            junit_file.parent.mkdir(parents=True, exist_ok=True)
            junit_file.write_text(render_junit(reports, fail_on), encoding="utf-8")
    except OSError as exc:
        click.echo(f"error output.write-failed: {exc.filename or ''}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_INPUT)


def _print_tracebacks(diagnostics: Iterable[Diagnostic]) -> None:
    """On stderr, the whole traceback each defect kept (only with ``--debug`` / ``XBRLIFY_DEBUG``)."""
    for trace in tracebacks(diagnostics):
        click.echo(trace, nl=False, err=True)


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
        f"{len(report.facts)} fact(s), {len(report.contexts)} context(s) -> {out_dir}/ ; "
        f"{count_text(result.diagnostics)}"
    )


def _print_batch(batch: BatchResult, out_dir: Path, quiet: bool) -> None:
    outcomes = batch.releases
    click.echo(text_findings(r.findings() for r in outcomes if not r.up_to_date), nl=False, err=True)
    for r in outcomes if not quiet else ():
        if r.up_to_date:
            continue
        where = f"-> {r.out}/" if r.out else "skipped" if r.skipped else "not converted"
        click.echo(f"{r.release}: {r.tables} table(s), {r.statements} statement(s), {r.facts} fact(s), "
                   f"{r.contexts} context(s) {where} ; {count_text(r.diagnostics)}")
    done = ", ".join(f"{sum(1 for r in outcomes if r.standing == s)} {s.replace('_', ' ')}" for s in STANDINGS)
    current, skipped = sum(1 for r in outcomes if r.up_to_date), sum(1 for r in outcomes if r.skipped)
    more = "".join(f", {n} {what}" for n, what in ((skipped, "skipped"), (current, "up to date (not converted again)"))
                   if n)
    where = f"-> {out_dir}/summary.json" if batch.wrote else f"; nothing converted, nothing written to {out_dir}/"
    click.echo(f"{len(outcomes)} release(s): {done}{more} {where}")


if __name__ == "__main__":  # pragma: no cover
    main()
