"""Read a mapping file (``--mapping FILE``: TOML, with the standard library's ``tomllib``) into ``Overrides``.

The overrides are values of the model (:class:`converter.model.Overrides`), which also say which
rows and labels they name. Each stage applies what concerns it: the parse stage skips tables
and rows and sets table scales (:mod:`converter.parse.overridden`), the map stage pins concepts
and names members (:mod:`converter.mapping.pins`, :class:`converter.mapping.members.Members`),
the pipeline sets the entity and the fiscal year end (:func:`converter.inputs.filing.shared_knowledge`).
An override that matches nothing in a release is a located warning in the mapping file.

The file, every part optional::

    [entity]
    cik = "0000320193"            # the filer's CIK
    name = "Apple Inc."           # its name
    fiscal_year_end = "09-30"     # month-day ("--09-30" too)

    [[concept]]                   # pin a row label (or a table row) to a concept
    label = "Cost of sales"
    name = "PinnedCostOfGoodsSold"   # an extension concept's name, or a base concept's ("Revenues")
    table = 2                     # optional: only in table 2
    row = 7                       # optional: only row 7 of it (then label may be left out)

    [[member]]                    # rename a member, or merge several into one
    labels = ["Americas", "Americas segment"]   # or label = "..."
    name = "Americas"

    [[table]]                     # the scale of a table's figures
    table = 3
    scale = "millions"            # units, thousands, millions, billions, or a power of ten (6)
    shares_scale = "thousands"    # optional (default: scale)

    [[skip]]                      # leave out a table, a row of one, or rows with a label
    table = 4
    row = 9                       # optional
    label = "Pro forma net income"   # optional

Every mistake is an error located in the file (line, key), all of them at once: a
``MappingError`` carrying ``mapping.invalid`` diagnostics.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from converter import diagnostics as dx
from converter.model import ConceptPin, ConceptRole, Diagnostic, MemberName, Overrides, Skip, SourceSpan, TableScale
from taxonomy.base import BY_NAME

_KEYS: dict[str, tuple[str, ...]] = {
    "entity": ("cik", "name", "fiscal_year_end"),
    "concept": ("name", "label", "table", "row"),
    "member": ("name", "label", "labels"),
    "table": ("table", "scale", "shares_scale"),
    "skip": ("table", "row", "label"),
}
_SCALES = {"units": 0, "ones": 0, "thousands": 3, "millions": 6, "billions": 9}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_-]+)\s*\]")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]""")


class MappingError(Exception):
    """A mapping file that cannot be used; ``diagnostics`` locate every problem (exit code 2)."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        super().__init__("\n".join(d.render() for d in diagnostics))
        self.diagnostics = tuple(diagnostics)


def read_mapping(path: str | Path) -> Overrides:
    """The overrides of the mapping file at ``path``.

    Raises:
        MappingError: The file cannot be read, is no TOML, or says something xbrlify cannot do.
    """
    shown = str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except OSError as exc:
        raise MappingError([dx.error(dx.MAPPING_INVALID, f"cannot read the mapping file: {exc.strerror or exc}",
                                     SourceSpan(path=shown))]) from exc
    except UnicodeDecodeError as exc:
        raise MappingError([dx.error(dx.MAPPING_INVALID, "the mapping file is not UTF-8 text", SourceSpan(path=shown))]) from exc
    return parse_mapping(text, shown)


def parse_mapping(text: str, path: str = "<mapping>") -> Overrides:
    """The overrides a mapping file's ``text`` states (``path`` is where errors point).

    Raises:
        MappingError: As :func:`read_mapping`.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _AT.search(str(exc))
        where = SourceSpan(path=path, line=int(found.group(1)), col=int(found.group(2))) if found else SourceSpan(path=path)
        message = _AT.sub("", str(exc)).strip()
        raise MappingError([dx.error(dx.MAPPING_INVALID, f"not valid TOML: {message}", where)]) from exc
    check = _Checker(path, _Lines(text))
    overrides = check.overrides(data)
    if check.errors:
        raise MappingError(check.errors)
    return overrides


class _Lines:
    """Where sections and keys are written: ``[entity]``, the n-th ``[[concept]]``, a key in one."""

    def __init__(self, text: str) -> None:
        self.sections: dict[tuple[str, int], int] = {}
        self.keys: dict[tuple[str, int, str], int] = {}
        counts: dict[str, int] = {}
        current = ("", 0)
        for number, line in enumerate(text.splitlines(), start=1):
            header = _ARRAY_HEADER.match(line) or _TABLE_HEADER.match(line)
            if header is not None:
                name = header.group(1)
                current = (name, counts.get(name, 0))
                counts[name] = current[1] + 1
                self.sections.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key is not None:
                self.keys.setdefault((*current, key.group(1).strip("\"'")), number)

    def of(self, section: str, index: int, key: str | None = None) -> int:
        """The line of ``key`` in the ``index``-th ``section`` (of the section without a key), 0 if unknown."""
        if key is not None and (section, index, key) in self.keys:
            return self.keys[(section, index, key)]
        return self.sections.get((section, index)) or self.keys.get(("", 0, section), 0)


class _Checker:
    """Turns the parsed TOML into ``Overrides``, collecting a located error for each mistake."""

    def __init__(self, path: str, lines: _Lines) -> None:
        self.path = path
        self.lines = lines
        self.errors: list[Diagnostic] = []

    def fail(self, section: str, index: int, key: str | None, message: str) -> None:
        where = SourceSpan(path=self.path, line=self.lines.of(section, index, key))
        named = f"[{section}]" if section == "entity" else f"[[{section}]] #{index + 1}"
        detail = f"{named} {key}: {message}" if key else f"{named}: {message}"
        self.errors.append(dx.error(dx.MAPPING_INVALID, detail, where, key=key or section))

    def at(self, section: str, index: int) -> SourceSpan:
        return SourceSpan(path=self.path, line=self.lines.of(section, index))

    def overrides(self, data: Mapping[str, Any]) -> Overrides:
        for key in data:
            if key not in _KEYS:
                self.errors.append(dx.error(dx.MAPPING_INVALID, f"unknown section {key!r} (expected {', '.join(_KEYS)})",
                                            SourceSpan(path=self.path, line=self.lines.of(key, 0)), key=key))
        entity = self.entries(data, "entity")
        first = entity[0] if entity else {}
        return Overrides(
            path=self.path,
            cik=self.cik(first.get("cik")),
            entity_name=self.text("entity", 0, "name", first.get("name")),
            fiscal_year_end=self.month_day(first.get("fiscal_year_end")),
            concepts=tuple(self.each(data, "concept", self.concept)),
            members=tuple(self.each(data, "member", self.member)),
            scales=self.scales(data),
            skips=tuple(self.each(data, "skip", self.skip)),
        )

    def entries(self, data: Mapping[str, Any], section: str) -> list[dict[str, Any]]:
        """The section's tables (``[entity]`` is one table, the others arrays of tables), keys checked."""
        found = data.get(section)
        if found is None:
            return []
        single = section == "entity"
        if (single and not isinstance(found, dict)) or (not single and not _tables(found)):
            want = "a table ([entity])" if single else f"an array of tables ([[{section}]])"
            self.fail(section, 0, None, f"must be {want}")
            return []
        out = [found] if single else list(found)
        for index, entry in enumerate(out):
            for key in entry:
                if key not in _KEYS[section]:
                    self.fail(section, index, key, f"unknown key (expected {', '.join(_KEYS[section])})")
        return out

    def each(self, data: Mapping[str, Any], section: str,
             build: Callable[[int, dict[str, Any]], Any]) -> list[Any]:
        made = [build(index, entry) for index, entry in enumerate(self.entries(data, section))]
        return [m for m in made if m is not None]

    def concept(self, index: int, entry: dict[str, Any]) -> ConceptPin | None:
        name = self.text("concept", index, "name", entry.get("name"), required=True)
        label = self.text("concept", index, "label", entry.get("label"))
        table, row = self.number("concept", index, "table", entry), self.number("concept", index, "row", entry)
        if name is not None and not _NAME.fullmatch(name):
            self.fail("concept", index, "name", f"{name!r} is no concept name (letters, digits and _, not first a digit)")
            name = None
        elif name is not None and name in BY_NAME and BY_NAME[name].role is not ConceptRole.ITEM:
            self.fail("concept", index, "name", f"{name!r} is a base {BY_NAME[name].role.value}, not a line item")
            name = None
        if not self.placed("concept", index, entry, "pins nothing: give label, or table and row"):
            return None
        if name is None or (label is None and row is None):
            return None
        return ConceptPin(name=name, at=self.at("concept", index), label=label, table=table, row=row)

    def member(self, index: int, entry: dict[str, Any]) -> MemberName | None:
        name = self.text("member", index, "name", entry.get("name"), required=True)
        if ("label" in entry) == ("labels" in entry):
            self.fail("member", index, None, "give label (one) or labels (a list), not both or neither")
            return None
        key = "label" if "label" in entry else "labels"
        raw = [entry["label"]] if key == "label" else entry["labels"]
        if not isinstance(raw, list) or not raw:
            self.fail("member", index, key, "must be a non-empty list of labels")
            raw = []
        labels = tuple(t for t in (self.text("member", index, key, item) for item in raw) if t is not None)
        if name is None or not labels:
            return None
        return MemberName(labels=labels, name=name, at=self.at("member", index))

    def scales(self, data: Mapping[str, Any]) -> tuple[TableScale, ...]:
        out: list[TableScale] = []
        for index, entry in enumerate(self.entries(data, "table")):
            table = self.number("table", index, "table", entry, required=True)
            monetary = self.power(index, "scale", entry.get("scale"))
            shares = self.power(index, "shares_scale", entry.get("shares_scale"))
            if "scale" not in entry and "shares_scale" not in entry:
                self.fail("table", index, None, "says nothing: give scale (and shares_scale)")
            if table is not None and any(s.table == table for s in out):
                self.fail("table", index, "table", f"table {table} has a scale already")
            elif table is not None and (monetary is not None or shares is not None):
                scale = monetary if monetary is not None else 0
                out.append(TableScale(table=table, monetary=scale, shares=shares if shares is not None else scale,
                                      at=self.at("table", index)))
        return tuple(out)

    def skip(self, index: int, entry: dict[str, Any]) -> Skip | None:
        label = self.text("skip", index, "label", entry.get("label"))
        table, row = self.number("skip", index, "table", entry), self.number("skip", index, "row", entry)
        if not self.placed("skip", index, entry, "skips nothing: give table, row or label") or (label is None and table is None):
            return None
        return Skip(at=self.at("skip", index), table=table, row=row, label=label)

    def placed(self, section: str, index: int, entry: dict[str, Any], nothing: str) -> bool:
        """Whether an entry names rows: a row needs its table, and a concept a label or a row."""
        if "row" in entry and "table" not in entry:
            self.fail(section, index, "row", "a row needs its table (table = N)")
            return False
        if not ({"label", "row"} if section == "concept" else {"label", "table", "row"}) & entry.keys():
            self.fail(section, index, None, nothing)
            return False
        return True

    def text(self, section: str, index: int, key: str, value: object, *, required: bool = False) -> str | None:
        if value is None:
            if required:
                self.fail(section, index, None, f"{key} is missing")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(section, index, key, "must be a non-empty string")
            return None
        return value.strip()

    def number(self, section: str, index: int, key: str, entry: dict[str, Any], *, required: bool = False) -> int | None:
        value = entry.get(key)
        if value is None:
            if required:
                self.fail(section, index, None, f"{key} is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.fail(section, index, key, f"must be a whole number from 1 (as diagnostics number {key}s), not {value!r}")
            return None
        return value

    def power(self, index: int, key: str, value: object) -> int | None:
        if value is None:
            return None
        if isinstance(value, str) and value.strip().lower() in _SCALES:
            return _SCALES[value.strip().lower()]
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 12:
            return value
        self.fail("table", index, key, f"must be one of {', '.join(_SCALES)} or a power of ten from 0 to 12, not {value!r}")
        return None

    def cik(self, value: object) -> str | None:
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if text is None:
            return None
        if not isinstance(text, str) or not re.fullmatch(r"\d{1,10}", text.strip()):
            self.fail("entity", 0, "cik", f"must be the SEC CIK, up to 10 digits, not {value!r}")
            return None
        return text.strip()

    def month_day(self, value: object) -> tuple[int, int] | None:
        if value is None:
            return None
        found = re.fullmatch(r"(?:--)?(\d{1,2})-(\d{1,2})", value.strip()) if isinstance(value, str) else None
        try:
            if found is None:
                raise ValueError(value)
            month, day = int(found.group(1)), int(found.group(2))
            dt.date(2000, month, day)  # a leap year: February 29 is a fiscal year end some companies have
        except ValueError:
            self.fail("entity", 0, "fiscal_year_end", f'must be a month and day, "MM-DD" ("09-30"), not {value!r}')
            return None
        return month, day


def _tables(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)
