"""The direction of imports between xbrlify's packages, read from the source with ``ast``.

The stages run read -> parse -> map -> write -> validate, and a stage imports only what comes
before it or what every stage shares (the model, the diagnostics, the label helpers). The
top-level ``taxonomy`` package (a taxonomy's types, the base taxonomy, the writers of taxonomy
files) imports nothing of ``converter``; every ``converter`` package may import it. README's
"How it works" shows the same rules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.paths import ROOT

TESTS = ROOT / "tests"

#: Modules at the top of ``converter/`` every package may import.
SHARED = frozenset({"converter", "converter.model", "converter.diagnostics", "converter.defects", "converter.labels"})

#: Package -> the other packages of ``converter`` it may import (besides ``SHARED``).
MAY_IMPORT: dict[str, frozenset[str]] = {
    "readers": frozenset(),
    "parse": frozenset(),
    "inputs": frozenset({"readers", "parse"}),
    "mapping": frozenset({"parse"}),
    "serialize": frozenset({"inputs", "readers"}),
    "validation": frozenset({"inputs", "readers", "parse", "serialize"}),
    "pipeline": frozenset({"inputs", "readers", "parse", "mapping", "serialize", "validation"}),
    "cli": frozenset({"inputs", "readers", "parse", "mapping", "serialize", "validation", "pipeline"}),
}

#: Packages that others import only through the package itself (its ``__init__``'s ``__all__``).
THROUGH_FRONT_DOOR = frozenset({"readers"})
#: Inside ``validation``, only these modules reach into the Arelle adapter.
ARELLE_DOORS = frozenset({"converter.validation.validate"})
#: At most this many modules sit loose at the top of ``converter/``.
MAX_LOOSE = 6


def module_name(path: Path) -> str:
    """``converter/readers/text.py`` -> ``converter.readers.text``; a package is its ``__init__``."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports (``from a import b`` gives ``a`` and ``a.b``), anywhere in it."""
    return imports_in(path.read_text(encoding="utf-8"), module_name(path), package=path.name == "__init__.py")


def imports_in(source: str, module: str, *, package: bool = False) -> set[str]:
    """The modules ``source`` (the code of ``module``) imports, relative imports resolved."""
    here = module.split(".") if package else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join([*here[:len(here) - node.level + 1], node.module or ""]) if node.level else node.module
            base = (base or "").strip(".")
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def package_of(module: str) -> str | None:
    """The stage package (or ``pipeline``) a ``converter`` module or name belongs to; None for a
    shared module (or a name in one, or a name the front door exports)."""
    parts = module.split(".")
    if parts[0] != "converter" or len(parts) < 2 or ".".join(parts[:2]) in SHARED or parts[1] not in MAY_IMPORT:
        return None
    return parts[1]


def converter_modules() -> list[Path]:
    return sorted((ROOT / "converter").rglob("*.py"))


@pytest.mark.parametrize("path", sorted((ROOT / "taxonomy").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_taxonomy_package_imports_nothing_of_the_converter(path: Path) -> None:
    assert not sorted(m for m in imported(path) if m.split(".")[0] == "converter"), module_name(path)


def test_the_pipeline_and_its_packages_are_all_that_the_rules_know() -> None:
    packages = {p.name for p in (ROOT / "converter").iterdir() if (p / "__init__.py").is_file()}
    loose = {p.stem for p in (ROOT / "converter").glob("*.py")} - {"__init__", "pipeline"}
    assert packages | {"pipeline"} == set(MAY_IMPORT)
    assert {f"converter.{m}" for m in loose} | {"converter"} == set(SHARED)
    assert len(loose) + 2 <= MAX_LOOSE


def against_the_flow(module: str, imports: set[str]) -> list[str]:
    """The imports of ``module`` that ``MAY_IMPORT`` does not allow."""
    if module == "converter":  # the front door loads what it exports
        return []
    here = package_of(module)
    allowed = MAY_IMPORT[here] | {here} if here else frozenset()
    return sorted(m for m in imports if package_of(m) not in allowed | {None})


@pytest.mark.parametrize("path", converter_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_imports_only_what_comes_before_its_stage(path: Path) -> None:
    wrong = against_the_flow(module_name(path), imported(path))
    assert not wrong, f"{module_name(path)} imports against the flow: {wrong}"


@pytest.mark.parametrize("path", converter_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_other_packages_use_a_stage_through_its_front_door(path: Path) -> None:
    here = package_of(module_name(path))
    inside = sorted({
        m for m in imported(path)
        if package_of(m) in THROUGH_FRONT_DOOR and package_of(m) != here and m.count(".") > 1
        and m.rsplit(".", 1)[0] != f"converter.{package_of(m)}"  # ``from converter.readers import name``
    })
    assert not inside, f"{module_name(path)} reaches into {inside}; import them from the package"


@pytest.mark.parametrize("path", converter_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_validator_touches_the_arelle_adapter(path: Path) -> None:
    name = module_name(path)
    if name.startswith("converter.validation.arelle_adapter") or name in ARELLE_DOORS:
        return
    assert not any(m.startswith("converter.validation.arelle_adapter") for m in imported(path)), name


def test_no_test_module_imports_another() -> None:
    tests = {p.stem for p in TESTS.glob("*.py")}
    found = {
        f"{p.name}: {m}" for p in sorted(TESTS.rglob("*.py")) for m in imported(p)
        if m.split(".")[0] in tests or m.startswith("tests.test_") or m.split(".")[0] == "conftest"
    }
    assert not found, f"shared test code belongs in tests/support/: {sorted(found)}"


def test_the_rules_catch_a_violation() -> None:
    """Imports inside functions and relative imports count too; shared modules are always allowed."""
    source = "from converter.model import Fact\n\ndef f():\n    from ..mapping import build\n    import converter.serialize.ixbrl\n"
    assert against_the_flow("converter.readers.probe", imports_in(source, "converter.readers.probe")) == [
        "converter.mapping", "converter.mapping.build", "converter.serialize.ixbrl",
    ]
    assert against_the_flow("converter.mapping.probe", imports_in("from ..parse import dates", "converter.mapping.probe")) == []
    assert against_the_flow("taxonomy.probe", imports_in("from converter.mapping import x", "taxonomy.probe"))
