"""Arelle's pass over a written output folder: validation, and the files Arelle makes (viewer, OIM)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from converter.model import Diagnostic, Severity
from converter.serialize.output_files import OutputFormat, Rendered

_OIM = ((OutputFormat.JSON, ".json"), (OutputFormat.CSV, ".csv"))


def arelle_pass(folder: Path, rendered: Rendered, formats: frozenset[OutputFormat], *, validate: bool,
                calc: str) -> list[Diagnostic]:
    """One Arelle load per report file in ``folder``: validate it, and make the viewer and the OIM
    files (of ``formats``) from the same loaded model.

    The first report (the XML instance when written) is validated in full; the others carry the
    same facts, so only their errors are kept. The viewer is made from the Inline XBRL document
    with its validation messages (so that one is validated even with ``validate`` False); the
    xBRL-JSON / xBRL-CSV from the instance.

    Returns:
        The findings (file names relative to ``folder``), and problems writing the files.
    """
    from converter.validation.validate import Derived, check  # Arelle loads only when needed

    found: list[Diagnostic] = []
    for n, (name, sources) in enumerate(rendered.reports.items()):
        stem, inline = name.rsplit(".", 1)[0], name.endswith(".htm")
        oim = () if inline else tuple(folder / f"{stem}{suffix}" for fmt, suffix in _OIM if fmt in formats)
        viewer = folder / "viewer" if inline and OutputFormat.VIEWER in formats else None
        if not (validate or oim or viewer):
            continue
        for d in check(folder / name, calc=calc, validate=validate or viewer is not None, sources=sources,
                       derived=Derived(oim=oim, viewer=viewer)):
            if d.code.startswith("output.") or (validate and (n == 0 or d.severity is Severity.ERROR)):
                found.append(replace(d, file=Path(d.file).name) if d.file else d)
    return found
