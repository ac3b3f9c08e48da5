"""The pipeline: read -> parse -> map -> write -> validate, in one screen.

``convert`` never raises for bad input: every problem becomes a diagnostic in the result, and
the caller (the CLI, a batch, a test) decides what it means.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from converter import diagnostics as dx
from converter.accounting import account_cells
from converter.defects import defect
from converter.mapping.build import MapOptions, map_report
from converter.mapping.labels import display_case
from converter.model import ConversionResult, Diagnostic, Document, Severity, SourceSpan
from converter.output import (
    ALL_FORMATS,
    OutputFormat,
    Rendered,
    arelle_outputs,
    needed,
    render_outputs,
    write_atomically,
)
from converter.parse.statements import parse_statements
from converter.readers import read_document
from converter.sources import Release, source_release


@dataclass(frozen=True, slots=True, kw_only=True)
class ConvertOptions:
    """Options of a conversion.

    Attributes:
        cik: SEC CIK of the filer (entity identifier); else one is made from the company name.
        entity_name: The filer's name, overriding what the release says.
        validate: Run Arelle on the outputs.
        calc: Calculation check mode for validation: "c11r", "c10" or "none".
        formats: What to write besides the taxonomy (all by default).
    """

    cik: str | None = None
    entity_name: str | None = None
    validate: bool = True
    calc: str = "c11r"
    formats: frozenset[OutputFormat] = ALL_FORMATS


def convert(
    source: str | Path | bytes | Release,
    *,
    name: str | None = None,
    options: ConvertOptions = ConvertOptions(),
    out_dir: Path | None = None,
) -> ConversionResult:
    """Convert one release to XBRL.

    Args:
        source: The release: a path (``str`` or ``Path``; a ``str`` is always a file name, never
            the release's text), or the release's content as ``bytes``.
        name: The name to report for bytes input (default ``<release>``).
        options: Conversion options.
        out_dir: Where to write the outputs (atomically: a good earlier output is never left
            half-replaced); None keeps everything in memory (validation then uses a temp folder).

    Returns:
        The conversion result; ``result.report`` is None when the release could not be read.
    """
    try:
        release = source_release(source, name)
        document, diags = read_document(release.data, release.name)          # 1. read
    except dx.InputError as exc:
        path = exc.diagnostic.spans[0].path if exc.diagnostic.spans else str(name or source)
        return ConversionResult(source=path, document=None, statements=(), report=None, diagnostics=(exc.diagnostic,))
    except Exception as exc:  # noqa: BLE001 - the edge: a defect becomes a diagnostic, not a traceback
        return _internal_error(str(name or source), exc)
    try:
        return _convert_document(release, document, diags, options, out_dir)
    except Exception as exc:  # noqa: BLE001 - as above
        return _internal_error(release.name, exc)


def _convert_document(release: Release, document: Document, diags: list[Diagnostic], options: ConvertOptions,
                      out_dir: Path | None) -> ConversionResult:
    path = release.name
    statements, found = parse_statements(document)                            # 2. parse
    diags += found
    company = display_case(release.company) if release.company else document.company
    map_options = MapOptions(company=company, cik=options.cik or release.cik, entity_name=options.entity_name)
    report, found = map_report(statements, map_options)                       # 3. map
    diags += [d if d.spans else replace(d, spans=(SourceSpan(path=path),)) for d in found]
    if report is not None and company is None and not options.entity_name:
        diags.append(dx.warning(dx.MAP_ENTITY_UNNAMED, f"no company name found in the release: the entity is named "
                                f"{report.entity.name!r} (give --entity-name)", SourceSpan(path=path)))
    cells, found = account_cells(document, report.facts if report else (), diags)  # every figure: fact or reason
    diags += found
    result = ConversionResult(source=path, document=document, statements=statements, report=report,
                              diagnostics=tuple(diags), cells=cells)
    if report is None:
        return result
    formats = options.formats if out_dir is not None else frozenset({OutputFormat.XBRL})
    rendered = render_outputs(report, document, formats)                     # 4. write
    result = replace(result, diagnostics=(*result.diagnostics, *rendered.diagnostics))
    if out_dir is None and not options.validate:
        return result
    with tempfile.TemporaryDirectory(prefix="xbrlify-") as scratch:
        target = out_dir if out_dir is not None else Path(scratch) / "out"
        try:
            with write_atomically(target, rendered.files) as staged:
                found = _validate(staged, rendered, options) if options.validate else []  # 5. validate
                if out_dir is not None:
                    found += arelle_outputs(staged, report, needed(formats), options.calc)  # 6. viewer, OIM
                written = tuple(sorted(p.relative_to(staged).as_posix() for p in staged.rglob("*") if p.is_file()))
        except OSError as exc:
            failed = dx.error(dx.OUTPUT_WRITE_FAILED, f"cannot write {target}: {exc.strerror or exc}")
            return replace(result, diagnostics=(*result.diagnostics, failed))
    return replace(result, diagnostics=(*result.diagnostics, *found), files=written if out_dir is not None else ())


def _internal_error(path: str, exc: Exception) -> ConversionResult:
    diag = defect(dx.INTERNAL_ERROR, "xbrlify failed on this input", exc, path)
    return ConversionResult(source=path, document=None, statements=(), report=None, diagnostics=(diag,))


def _validate(folder: Path, rendered: Rendered, options: ConvertOptions) -> list[Diagnostic]:
    """Validate the first report file (the XML instance when written, else the inline one);
    the others carry the same facts, so only their errors are added."""
    from converter.validate import validate  # Arelle loads only when validating

    found: list[Diagnostic] = []
    for n, (name, sources) in enumerate(rendered.reports.items()):
        for d in validate([folder / name], calc=options.calc, sources=sources):
            if n == 0 or d.severity is Severity.ERROR:
                found.append(replace(d, file=Path(d.file).name) if d.file else d)
    return found
