"""Diagnostic codes and helpers: the one place xbrlify's own codes are declared.

Arelle's codes (``xbrl.5.2.5.2:calcInconsistency``, ``calc11e:...``, ``xbrldie:...``) pass through
unchanged; the codes below are xbrlify's own. Stages return diagnostics as values; only the
pipeline edge and the CLI turn them into exceptions or exit codes.
"""

from __future__ import annotations

from collections.abc import Iterable

from converter.model import Diagnostic, Severity, SourceSpan

# Input (reading the release): errors here stop the conversion; exit code 2.
INPUT_MISSING = "input.missing"
INPUT_EMPTY = "input.empty"
INPUT_BINARY = "input.binary"
INPUT_TOO_LARGE = "input.too-large"
INPUT_UNREADABLE = "input.unreadable"
INPUT_NO_TABLES = "input.no-financial-tables"
INPUT_ENCODING = "input.encoding"
INPUT_HTML_BROKEN = "input.html.broken"

# Parsing tables.
PARSE_TABLE_SKIPPED = "parse.table.skipped"
PARSE_PERIOD_UNKNOWN = "parse.period.unknown"
PARSE_PERIOD_ASSUMED = "parse.period.assumed"  # a column's period rests on an assumption (no year, no fiscal calendar)
PARSE_NUMBER_GARBAGE = "parse.number.garbage"
PARSE_COLUMN_SKIPPED = "parse.column.skipped"  # a column of figures that are not facts (guidance, notes)
PARSE_ROW_UNPLACED = "parse.row.unplaced"  # a row of a sideways table with no line item or context of its own
PARSE_SCALE_INHERITED = "parse.scale.inherited"  # a table's scale taken from the statement it continues
PARSE_SCALE_INFERRED = "parse.scale.inferred"  # a table's scale taken from the scaled figures it repeats
PARSE_SCALE_UNSTATED = "parse.scale.unstated"  # a table read in units although the release's others state a scale
PARSE_CELL_UNIT_UNKNOWN = "parse.cell.unit-unknown"  # a figure left out: nothing says what unit it is in
PARSE_CELL_RATIO = "parse.cell.ratio-in-amounts"  # a percentage (bps, x) printed in a row of another unit
PARSE_COLUMN_CHANGE = "parse.column.change"  # a change column: differences between periods, not facts
PARSE_COLUMN_PERCENT = "parse.column.percent"  # a % change or % column: not facts

# Mapping to the taxonomy.
MAP_DUPLICATE_INCONSISTENT = "map.duplicate.inconsistent"
MAP_CALC_BALANCE_CONFLICT = "map.calc.balance-conflict"  # a printed sum whose weights contradict the balances
MAP_CALC_INCONSISTENT_TOTAL = "map.calc.inconsistent-total"  # a total its rows add up to in every column but one
MAP_CALC_INVERTED = "map.calc.inverted"  # such a sum written the other way round (T = A - B as A = T + B)
MAP_NO_FACTS = "map.no-facts"
MAP_ENTITY_UNNAMED = "map.entity.unnamed"  # no company name found in the release: the entity's name is a fallback
# What the last pass before writing changes so that XBRL 2.1 and XDT accept the report (converter.mapping.consistency).
MAP_CONTEXT_DIMENSION_REPEATED = "map.context.dimension-repeated"  # facts of a context naming one axis twice: left out
MAP_CONCEPT_PERIOD_TYPE_FIXED = "map.concept.period-type-fixed"  # an extension concept given its facts' period type
MAP_FACT_PERIOD_TYPE_CONFLICT = "map.fact.period-type-conflict"  # facts of the other period type than the concept's: left out
MAP_RELATIONSHIP_CYCLE = "map.relationship.cycle"  # a presentation or domain-member arc closing a cycle: left out

# Cell accounting: a figure of a table that became no fact and that no stage gave a reason for.
ACCOUNT_FIGURE_UNPLACED = "account.figure.unplaced"

# The narrative cross-check: a figure of the prose that contradicts the table fact of its line item, period and member.
NARRATIVE_DISAGREES = "narrative.disagrees"

# Writing outputs and validating.
OUTPUT_WRITE_FAILED = "output.write-failed"
VALIDATE_UNREADABLE = "validate.unreadable"
VALIDATE_NOT_XBRL = "validate.not-xbrl"
VALIDATE_CALC_STOPPED = "validate.calc.stopped-by-duplicate"

# A defect of xbrlify itself, caught at the pipeline's edge so that no input ever ends in a traceback.
INTERNAL_ERROR = "internal.error"
VALIDATE_ARELLE_FAILED = "validate.arelle-failed"  # Arelle raised instead of reporting
OUTPUT_IXBRL_FACT_HIDDEN = "output.ixbrl.fact-hidden"  # Inline XBRL: fact not tagged where printed
VALIDATE_NO_ENTRY_POINT = "validate.no-entry-point"  # a folder given to validate holds no XBRL entry point

# Batch conversion.
INPUT_NO_RELEASES = "input.no-releases"  # a folder or glob that names no release
CONVERT_CRASHED = "convert.crashed"  # a conversion raised (a bug): reported, the batch goes on
OUTPUT_REFERENCE_DROPPED = "output.reference.dropped"  # an image or link to a file outside the output folder
INPUT_EXHIBIT_SKIPPED = "input.exhibit.skipped"  # an exhibit of a filing with no financial table, or no text

# Overrides (``--mapping FILE``, :mod:`converter.inputs.mapping_file`) and company taxonomies (``--taxonomy-dir``).
MAPPING_INVALID = "mapping.invalid"  # a mapping file that cannot be read or says something xbrlify cannot do: exit 2
OVERRIDE_UNMATCHED = "override.unmatched"  # an override that matches nothing in the release
OVERRIDE_NOT_APPLIED = "override.not-applied"  # an override that matches a row it cannot apply to (a unit, a period type)
OVERRIDE_CONCEPT_SPLIT = "override.concept.split"  # a pinned row whose figures contradict another row's of that concept
OVERRIDE_TABLE_SKIPPED = "override.table.skipped"  # a table the mapping file skips
OVERRIDE_ROW_SKIPPED = "override.row.skipped"  # a row the mapping file skips
OVERRIDE_SCALE = "override.scale"  # a table's scale set by the mapping file
COMPANY_TAXONOMY_INVALID = "company.taxonomy.invalid"  # a company taxonomy folder that cannot be read or written


class InputError(Exception):
    """A release (or instance) that cannot be processed at all; carries its diagnostic.

    Raised by readers and the pipeline for missing, empty, binary or table-less input; the CLI
    renders ``diagnostic`` on one line and exits with 2.
    """

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic


def error(code: str, message: str, *spans: SourceSpan, **data: object) -> Diagnostic:
    """Build an ERROR diagnostic."""
    return make(Severity.ERROR, code, message, spans, data)


def warning(code: str, message: str, *spans: SourceSpan, **data: object) -> Diagnostic:
    """Build a WARNING diagnostic."""
    return make(Severity.WARNING, code, message, spans, data)


def info(code: str, message: str, *spans: SourceSpan, **data: object) -> Diagnostic:
    """Build an INFO diagnostic."""
    return make(Severity.INFO, code, message, spans, data)


def inconsistency(code: str, message: str, *spans: SourceSpan, **data: object) -> Diagnostic:
    """Build an INCONSISTENCY diagnostic (the release contradicts itself)."""
    return make(Severity.INCONSISTENCY, code, message, spans, data)


def make(
    severity: Severity,
    code: str,
    message: str,
    spans: Iterable[SourceSpan] = (),
    data: dict[str, object] | None = None,
) -> Diagnostic:
    """Build a diagnostic with ``data`` stored as sorted string pairs."""
    pairs = tuple(sorted((k, str(v)) for k, v in (data or {}).items()))
    return Diagnostic(code=code, severity=severity, message=message, spans=tuple(spans), data=pairs)


def input_error(code: str, message: str, path: str, line: int = 0) -> InputError:
    """An ``InputError`` for ``path`` (at ``line`` when known)."""
    return InputError(error(code, message, SourceSpan(path=path, line=line)))


def worst(diagnostics: Iterable[Diagnostic]) -> Severity | None:
    """The most severe level among ``diagnostics`` (None when there are none)."""
    levels = [d.severity for d in diagnostics]
    return min(levels, key=lambda s: s.rank) if levels else None
