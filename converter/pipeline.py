"""The pipeline: read -> parse -> map -> write -> validate, in one screen.

``convert`` never raises for bad input: every problem becomes a diagnostic in the result, and
the caller (the CLI, a batch, a test) decides what it means.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from converter import diagnostics as dx
from converter.defects import defect
from converter.inputs.filing import Shared, shared_knowledge, with_shared
from converter.inputs.sources import Filing, Release, filing_in, source_release
from converter.mapping import contexts as cx
from converter.mapping.build import MapOptions, map_report
from converter.mapping.company.layer import company_layer, extended, find_company, layered
from converter.mapping.company.state import CompanyTaxonomy, CompanyTaxonomyError
from converter.mapping.consistency import consistent
from converter.model import (
    NO_OVERRIDES,
    ConversionResult,
    Diagnostic,
    Document,
    Overrides,
    Report,
    Severity,
    SourceSpan,
    Statement,
)
from converter.parse.statements import parse_statements
from converter.readers import read_document
from converter.serialize.output_files import (
    ALL_FORMATS,
    OutputFormat,
    Resources,
    needed,
    render_outputs,
    write_atomically,
)
from converter.serialize.taxonomy_dir import INDEX, TaxonomyDirError, locked, read_indexes, write_folder
from converter.validation.accounting import account_cells
from converter.validation.narrative import cross_check
from converter.validation.outputs import arelle_pass
from taxonomy.files import render_taxonomy


@dataclass(frozen=True, slots=True, kw_only=True)
class ConvertOptions:
    """Options of a conversion.

    Attributes:
        cik: SEC CIK of the filer (entity identifier); else one is made from the company name.
        entity_name: The filer's name, overriding what the release says.
        validate: Run Arelle on the outputs.
        calc: Calculation check mode for validation: "c11r", "c10" or "none".
        formats: What to write besides the taxonomy (all by default).
        mapping: A mapping file's overrides (``converter.inputs.mapping_file.read_mapping``); ``cik``
            and ``entity_name`` win over its entity.
        taxonomy_dir: Where the companies' taxonomies are kept, reused and extended
            (:mod:`converter.mapping.company`); None: each release has a taxonomy of its own.
    """

    cik: str | None = None
    entity_name: str | None = None
    validate: bool = True
    calc: str = "c11r"
    formats: frozenset[OutputFormat] = ALL_FORMATS
    mapping: Overrides = NO_OVERRIDES
    taxonomy_dir: Path | None = None


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
            the release's text; an EDGAR submission or filing folder gives its first exhibit,
            read with its siblings), or the release's content as ``bytes``.
        name: The name to report for bytes input (default ``<release>``).
        options: Conversion options.
        out_dir: Where to write the outputs (atomically: a good earlier output is never left
            half-replaced); None keeps everything in memory (validation then uses a temp folder).

    Returns:
        The conversion result; ``result.report`` is None when the release could not be read.
    """
    try:
        if isinstance(source, (str, Path)):
            filing = filing_in(Path(source), name)
        else:
            release = source_release(source, name)
            filing = Filing(name=release.name, releases=(release,))
    except dx.InputError as exc:
        return _not_read(str(name or source), exc)
    except Exception as exc:  # noqa: BLE001 - the edge: a defect becomes a diagnostic, not a traceback
        return _internal_error(str(name or source), exc)
    return convert_filing(filing, options=options, outs={0: out_dir}, only=(0,))[0]


def convert_filing(
    filing: Filing,
    *,
    options: ConvertOptions = ConvertOptions(),
    outs: Mapping[int, Path | None] | None = None,
    only: Sequence[int] | None = None,
) -> list[ConversionResult]:
    """Convert releases of a filing: every exhibit is read first, then each is converted with
    what the filing's exhibits state together (:mod:`converter.inputs.filing`).

    Args:
        filing: The filing.
        options: Conversion options.
        outs: Output folder per release number (missing or None: in memory).
        only: The release numbers to convert, in this order (default: all).

    Returns:
        One result per converted release. An exhibit without a financial table is skipped (an
        ``input.exhibit.skipped`` info, no report) when another exhibit has one.
    """
    numbers = range(len(filing.releases)) if only is None else only
    read = [_read(release) for release in filing.releases]                    # 1. read every exhibit
    try:
        shared = shared_knowledge(filing, [r[0] for r in read if isinstance(r, tuple)], options.mapping.fiscal_year_end)
    except Exception as exc:  # noqa: BLE001 - as in convert
        return [_internal_error(filing.releases[n].name, exc) for n in numbers]
    any_tables = any(isinstance(r, tuple) for r in read)
    results = []
    for n in numbers:
        release, done = filing.releases[n], read[n]
        if isinstance(done, ConversionResult):
            results.append(_skipped(done) if any_tables and _no_tables(done) else done)
            continue
        document, diags = done
        try:
            with _holding(options.taxonomy_dir):
                results.append(_convert_document(release, with_shared(document, shared), list(diags), options,
                                                 (outs or {}).get(n), shared))
        except (CompanyTaxonomyError, TaxonomyDirError) as exc:
            results.append(_company_error(release.name, exc))
        except Exception as exc:  # noqa: BLE001 - as in convert
            results.append(_internal_error(release.name, exc))
    return results


def _read(release: Release) -> tuple[Document, list[Diagnostic]] | ConversionResult:
    """The release read, or the result of a release that could not be."""
    try:
        return read_document(release.data, release.name)
    except dx.InputError as exc:
        return _not_read(release.name, exc)
    except Exception as exc:  # noqa: BLE001 - as in convert
        return _internal_error(release.name, exc)


def _no_tables(result: ConversionResult) -> bool:
    return [d.code for d in result.diagnostics] == [dx.INPUT_NO_TABLES]


def _skipped(result: ConversionResult) -> ConversionResult:
    """A table-less exhibit of a filing whose other exhibits have tables: an info, not an error."""
    found = result.diagnostics[0]
    note = dx.info(dx.INPUT_EXHIBIT_SKIPPED, "exhibit without a financial table (a letter, a presentation): skipped",
                   *found.spans, reason="no-financial-tables")
    return replace(result, diagnostics=(note,))


def _not_read(path: str, exc: dx.InputError) -> ConversionResult:
    shown = exc.diagnostic.spans[0].path if exc.diagnostic.spans else path
    return ConversionResult(source=shown, document=None, statements=(), report=None, diagnostics=(exc.diagnostic,))


def _convert_document(release: Release, document: Document, diags: list[Diagnostic], options: ConvertOptions,
                      out_dir: Path | None, shared: Shared) -> ConversionResult:
    path = release.name
    statements, found = parse_statements(document, calendar=shared.calendar, overrides=options.mapping)  # 2. parse
    diags += found
    report, found, company = _map(statements, document, options, path)      # 3. map
    if report is not None:  # what XBRL 2.1 and XDT would reject is fixed or left out, and said
        report, more = consistent(report)
        found = [*found, *more]
    diags += [d if d.spans else replace(d, spans=(SourceSpan(path=path),)) for d in found]
    if report is not None and document.company is None and not (options.entity_name or options.mapping.entity_name):
        diags.append(dx.warning(dx.MAP_ENTITY_UNNAMED, f"no company name found in the release: the entity is named "
                                f"{report.entity.name!r} (give --entity-name)", SourceSpan(path=path)))
    cells, found = account_cells(document, report.facts if report else (), diags)  # every figure: fact or reason
    diags += found
    if report is not None:                                                   # the prose against the tables
        narrative, found = cross_check(document, statements, report)
        report = replace(report, narrative=narrative)
        diags += found
    result = ConversionResult(source=path, document=document, statements=statements, report=report,
                              diagnostics=tuple(diags), cells=cells)
    if report is None:
        return result
    formats = options.formats if out_dir is not None else frozenset({OutputFormat.XBRL})
    resources = Resources(folder=release.folder, parts=release.parts)
    rendered = render_outputs(report, document, formats, resources)          # 4. write
    result = replace(result, diagnostics=(*result.diagnostics, *rendered.diagnostics))
    if out_dir is None and not options.validate:
        return result
    with tempfile.TemporaryDirectory(prefix="xbrlify-") as scratch:
        target = out_dir if out_dir is not None else Path(scratch) / "out"
        try:
            with write_atomically(target, rendered.files) as staged:                # 5. validate; viewer, OIM
                made = needed(formats) if out_dir is not None else frozenset()
                found = arelle_pass(staged, rendered, made, validate=options.validate, calc=options.calc)
                written = tuple(sorted(p.relative_to(staged).as_posix() for p in staged.rglob("*") if p.is_file()))
        except OSError as exc:
            failed = dx.error(dx.OUTPUT_WRITE_FAILED, f"cannot write {target}: {exc.strerror or exc}")
            return replace(result, diagnostics=(*result.diagnostics, failed))
    result = replace(result, diagnostics=(*result.diagnostics, *found), files=written if out_dir is not None else ())
    if company is not None and options.taxonomy_dir is not None and out_dir is not None:
        return _kept(result, options.taxonomy_dir, company, found)              # 6. the company's taxonomy grows
    return result


def _map(statements: Sequence[Statement], document: Document, options: ConvertOptions,
         path: str) -> tuple[Report | None, list[Diagnostic], CompanyTaxonomy | None]:
    """Map with the entity the options (else the mapping file, else the release) name, and the
    company's taxonomy: the report then imports it, extended by what the report adds (returned)."""
    map_options = MapOptions(company=document.company,  # the filing's (see converter.inputs.filing)
                             released=document.document_date,
                             cik=options.cik or options.mapping.cik or document.cik,
                             entity_name=options.entity_name or options.mapping.entity_name, overrides=options.mapping)
    if options.taxonomy_dir is None:
        return (*map_report(statements, map_options), None)
    entity = cx.entity(map_options.company, map_options.cik, map_options.entity_name)
    known = find_company(*read_indexes(options.taxonomy_dir), entity)
    report, found = map_report(statements, replace(map_options, company_taxonomy=known))
    if report is None:
        return report, found, None
    grown = extended(known, report, Path(path).name)
    return layered(report, grown), found, grown


def _kept(result: ConversionResult, taxonomy_dir: Path, company: CompanyTaxonomy,
          found: Sequence[Diagnostic]) -> ConversionResult:
    """``result`` once the company's taxonomy, as the outputs hold it, is written to ``taxonomy_dir``
    (unless Arelle found an error in them: the taxonomy only grows by what validates)."""
    if any(d.severity is Severity.ERROR for d in found):
        return result
    files = render_taxonomy(company_layer(company), relationships=False)
    try:
        write_folder(taxonomy_dir, company.folder, {**files, INDEX: company.index()})
    except TaxonomyDirError as exc:
        failed = dx.error(dx.COMPANY_TAXONOMY_INVALID, str(exc), SourceSpan(path=result.source))
        return replace(result, diagnostics=(*result.diagnostics, failed))
    return result


def _holding(taxonomy_dir: Path | None) -> AbstractContextManager[None]:
    """The taxonomy directory held for one conversion (nothing to hold without one)."""
    return locked(taxonomy_dir) if taxonomy_dir is not None else nullcontext()


def _company_error(path: str, exc: CompanyTaxonomyError | TaxonomyDirError) -> ConversionResult:
    diag = dx.error(dx.COMPANY_TAXONOMY_INVALID, str(exc), SourceSpan(path=path))
    return ConversionResult(source=path, document=None, statements=(), report=None, diagnostics=(diag,))


def _internal_error(path: str, exc: Exception) -> ConversionResult:
    diag = defect(dx.INTERNAL_ERROR, "xbrlify failed on this input", exc, path)
    return ConversionResult(source=path, document=None, statements=(), report=None, diagnostics=(diag,))
