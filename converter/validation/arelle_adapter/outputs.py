"""Files made from a loaded report (xBRL-JSON, xBRL-CSV, the ixbrl-viewer), and checking they were written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

VIEWER_SCRIPT = "ixbrlviewer.js"
_PAGE_SUFFIXES = (".htm", ".html", ".xhtml")


def oim_targets(out: Path) -> tuple[Path, ...]:
    """The files saveLoadableOIM writes for ``out`` (none for an unsupported suffix)."""
    suffix = out.suffix.lower()
    if suffix == ".json":
        return (out,)
    if suffix == ".csv":
        return (out.with_name(f"{out.stem}-metadata.json"), out.with_name(f"{out.stem}-facts.csv"))
    return ()


def snapshot(folder: Path) -> dict[str, int]:
    """Modification times (ns) of the files in ``folder`` (empty when it does not exist)."""
    if not folder.is_dir():
        return {}
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.is_file()}


def changed(folder: Path, before: dict[str, int]) -> frozenset[str]:
    """Names of the files in ``folder`` that are new or rewritten since ``before``."""
    return frozenset(name for name, mtime in snapshot(folder).items() if before.get(name) != mtime)


def viewer_written(written: frozenset[str]) -> bool:
    """True when ``written`` holds a viewer page and its script."""
    return any(n.lower().endswith(_PAGE_SUFFIXES) for n in written) and VIEWER_SCRIPT in written


@dataclass(frozen=True, slots=True, kw_only=True)
class Derived:
    """Files to make from a report while Arelle has it loaded.

    Attributes:
        oim: xBRL-JSON (``.json``) and xBRL-CSV (``.csv``, see :func:`oim_targets`) targets.
        viewer: The folder for the ixbrl-viewer (the report must be Inline XBRL), or None.
    """

    oim: tuple[Path, ...] = ()
    viewer: Path | None = None


def save_derived(models: Sequence[Any], derived: Derived) -> tuple[str, ...]:
    """Write ``derived`` from the report among the open ``models``: why each file failed (empty: all written).

    Arelle's ``saveLoadableOIM`` and the ixbrl-viewer builder are driven on the open model (the
    same calls their plugins make at the end of a command-line run), so the report is not
    loaded again for them; the viewer shows the messages of this run (``logRecordBuffer``).
    """
    report = next((m for m in models if _document_type(m) in _report_types()), None)
    if report is None:
        return ("no XBRL report was loaded",) if derived.oim or derived.viewer else ()
    problems = [problem for target in derived.oim if (problem := _save_oim(report, target)) is not None]
    if derived.viewer is not None:
        before = snapshot(derived.viewer)
        why = _save_viewer(report, derived.viewer)
        if why is None and not viewer_written(changed(derived.viewer, before)):
            why = f"no page and {VIEWER_SCRIPT} were written"
        if why is not None:
            problems.append(f"viewer not written to {derived.viewer}: {why}")
    return tuple(problems)


def _save_oim(report: Any, target: Path) -> str | None:
    from arelle.plugin.saveLoadableOIM import saveLoadableOIM

    written = oim_targets(target)
    for path in written:
        path.unlink(missing_ok=True)
    try:
        saveLoadableOIM(report, str(target))
    except Exception as exc:  # noqa: BLE001 - Arelle is a black box: its failure becomes a finding
        return f"{target.name}: {type(exc).__name__}: {exc}"
    missing = [p.name for p in written if not p.is_file()]
    return f"not written: {', '.join(missing)}" if missing else None


def _save_viewer(report: Any, folder: Path) -> str | None:
    """Write the viewer of an Inline XBRL ``report`` into ``folder``; why not, if it was not."""
    from iXBRLViewerPlugin.constants import DEFAULT_VIEWER_PATH, FEATURE_CONFIGS
    from iXBRLViewerPlugin.iXBRLViewer import IXBRLViewerBuilder

    if _document_type(report) not in _inline_types():
        return "the document is not Inline XBRL"
    script = Path(DEFAULT_VIEWER_PATH).resolve()
    features = {c.key: c.cliDefault for c in FEATURE_CONFIGS if c.cliDefault is not None}  # as its command line
    try:
        builder = IXBRLViewerBuilder(report.modelManager.cntlr, features=features)
        builder.processModel(report)
        viewer = builder.createViewer(scriptUrl=script.name, showValidations=True)
        if viewer is None:
            return "the viewer found no Inline XBRL to show"
        folder.mkdir(parents=True, exist_ok=True)
        viewer.save(str(folder), copyScriptPath=script)
    except Exception as exc:  # noqa: BLE001 - as above
        return f"{type(exc).__name__}: {exc}"
    return None


def _document_type(model: Any) -> int | None:
    document = getattr(model, "modelDocument", None)
    return getattr(document, "type", None) if document is not None else None


def _report_types() -> frozenset[int]:
    from arelle.ModelDocument import Type

    return frozenset({Type.INSTANCE, *_inline_types()})


def _inline_types() -> frozenset[int]:
    from arelle.ModelDocument import Type

    return frozenset({Type.INLINEXBRL, Type.INLINEXBRLDOCUMENTSET})
