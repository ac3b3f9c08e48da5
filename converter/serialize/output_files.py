"""Output files of a conversion, rendered in memory and written atomically.

Formats (``OutputFormat``): the taxonomy and the mapping report ``mapping.csv`` (always, the
taxonomy with the base taxonomy files beside it), the
XBRL 2.1 instance, the Inline XBRL document, report packages (``.xbr`` / ``.xbri``) and a
taxonomy package of the extension, all rendered by xbrlify in memory; and the ixbrl-viewer and
xBRL-JSON / xBRL-CSV, which Arelle makes from the written files in the same load that validates
them (:func:`converter.validation.outputs.arelle_pass`: one load per report file).
"""

from __future__ import annotations

import atexit
import enum
import functools
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from converter.inputs.edgar import uudecode
from converter.model import Diagnostic, Document, Report, SourceSpan
from converter.serialize.instance_xml import render_instance
from converter.serialize.mapping_csv import MAPPING_FILE, render_mapping_csv
from taxonomy import ns
from taxonomy.files import render_taxonomy
from taxonomy.package import (
    base_files,
    base_package_zip,
    report_package,
    report_package_suffix,
    taxonomy_package,
)

Sources = dict[str, tuple[SourceSpan, ...]]


class OutputFormat(enum.Enum):
    """What ``convert`` writes besides the taxonomy."""

    XBRL = "xbrl"  # <name>.xml, the XBRL 2.1 instance
    IXBRL = "ixbrl"  # <name>.htm, the release as Inline XBRL 1.1
    VIEWER = "viewer"  # viewer/<name>.htm + ixbrlviewer.js, Arelle's ixbrl-viewer (needs ixbrl)
    JSON = "json"  # <name>.json, xBRL-JSON (needs xbrl)
    CSV = "csv"  # <name>-metadata.json + <name>-facts.csv, xBRL-CSV (needs xbrl)
    PACKAGE = "package"  # <name>.xbr / <name>.xbri report packages, <name>-taxonomy.zip


ALL_FORMATS = frozenset(OutputFormat)
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"})
MAX_IMAGE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Rendered:
    """Files rendered in memory, and the release cells behind the facts of each report file.

    Attributes:
        files: File name to content.
        reports: Report file name (``.xml`` / ``.htm``) to its fact ids' release spans; the
            first is the one to validate.
        diagnostics: What rendering found (facts the inline document could not tag in place).
    """

    files: dict[str, bytes]
    reports: dict[str, Sources]
    diagnostics: tuple[Diagnostic, ...] = ()


def needed(formats: frozenset[OutputFormat]) -> frozenset[OutputFormat]:
    """``formats`` with what they are made from: the viewer needs the inline document, OIM the instance."""
    out = set(formats)
    if OutputFormat.VIEWER in out:
        out.add(OutputFormat.IXBRL)
    if out & {OutputFormat.JSON, OutputFormat.CSV} or not out & {OutputFormat.IXBRL}:
        out.add(OutputFormat.XBRL)
    return frozenset(out)


@dataclass(frozen=True, slots=True, kw_only=True)
class Resources:
    """Where the files a release refers to are found (its images).

    Attributes:
        folder: The release's folder (an absolute path), or None.
        parts: The uuencoded documents of its submission, by file name.
    """

    folder: str | None = None
    parts: tuple[tuple[str, bytes], ...] = ()


class _Images:
    """Images placed beside the Inline XBRL document, in ``images/``: found under the release's
    folder (never above it) or among its submission's parts, with an image suffix, at most
    ``MAX_IMAGE_BYTES`` each."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.parts = {n.lower(): data for n, data in resources.parts}
        self.files: dict[str, bytes] = {}

    def place(self, src: str) -> str | None:
        path = PurePosixPath(unquote(src.split("#", 1)[0].split("?", 1)[0]))
        if path.suffix.lower() not in IMAGE_SUFFIXES or ".." in path.parts:
            return None
        data = self._read(path)
        if data is None:
            return None
        name, n = path.name, 1
        while self.files.get(f"images/{name}", data) != data:
            n += 1
            name = f"{path.stem}-{n}{path.suffix}"
        self.files[f"images/{name}"] = data
        return quote(f"images/{name}")

    def _read(self, path: PurePosixPath) -> bytes | None:
        encoded = self.parts.get(path.name.lower()) if len(path.parts) == 1 else None
        if encoded is not None:
            return uudecode(encoded)
        if self.resources.folder is None:
            return None
        folder = Path(self.resources.folder)
        target = (folder / path).resolve()
        try:
            if folder.resolve() not in target.parents or not target.is_file():
                return None
            return target.read_bytes() if target.stat().st_size <= MAX_IMAGE_BYTES else None
        except OSError:
            return None


def render_outputs(report: Report, document: Document | None = None,
                   formats: frozenset[OutputFormat] = ALL_FORMATS, resources: Resources | None = None) -> Rendered:
    """Render the taxonomy (base files beside it) and the requested report files in memory.

    The extension imports the base taxonomy by relative name, so an output folder validates
    anywhere, offline, with no package or catalog. Images the release refers to by relative
    path are copied beside the Inline XBRL document (and into its report package and the
    viewer's folder) when found in ``resources``, else dropped with an info.
    """
    formats = needed(formats)
    name = report.taxonomy.name
    taxonomy = {n: d for n, d in base_files().items() if not n.startswith("META-INF/")}
    taxonomy.update(render_taxonomy(report.taxonomy))
    for layer in report.taxonomy.layers:  # a company's taxonomy, shared by its releases
        taxonomy.update(render_taxonomy(layer, relationships=False))
    files = dict(taxonomy)
    files[MAPPING_FILE] = render_mapping_csv(report.mapping, report.narrative)
    reports: dict[str, Sources] = {}
    found: list[Diagnostic] = []
    if OutputFormat.XBRL in formats:
        files[f"{name}.xml"], reports[f"{name}.xml"] = render_instance(report, f"{name}.xsd")
    images = _Images(resources or Resources())
    if OutputFormat.IXBRL in formats and document is not None:
        from converter.serialize.ixbrl import render_inline  # its modules load only when wanted

        inline = render_inline(report, document, f"{name}.xsd", images.place)
        files[f"{name}.htm"], reports[f"{name}.htm"] = inline.data, inline.sources
        found.extend(inline.diagnostics)
    if OutputFormat.PACKAGE in formats:
        files.update(_packages(report, taxonomy, files, images.files))
    files.update(images.files)
    if OutputFormat.VIEWER in formats:
        files.update({f"viewer/{n}": data for n, data in images.files.items()})
    return Rendered(files=files, reports=reports, diagnostics=tuple(found))


def _packages(report: Report, taxonomy: Mapping[str, bytes], files: Mapping[str, bytes],
              images: Mapping[str, bytes]) -> dict[str, bytes]:
    name = report.taxonomy.name
    prefix = report.taxonomy.namespace.rstrip("/") + "/"
    out = {f"{name}-taxonomy.zip": taxonomy_package(
        taxonomy, name=f"{name}-taxonomy", identifier=report.taxonomy.namespace,
        entry_point=f"{prefix}{name}.xsd", rewrite_prefix=prefix,
    )}
    for suffix, inside, inline in ((".xml", ".xbrl", False), (".htm", ".xhtml", True)):
        if f"{name}{suffix}" in files:
            beside = images if inline else {}
            package = report_package({**taxonomy, **beside, f"{name}{inside}": files[f"{name}{suffix}"]}, name=name,
                                     inline=inline, include_base=False)
            out[f"{name}{report_package_suffix(inline=inline)}"] = package
    return out


@contextmanager
def write_atomically(target: Path, files: Mapping[str, bytes]) -> Iterator[Path]:
    """Write ``files`` into a hidden sibling folder, yield it, then swap it into ``target``.

    If the body raises (or writing fails), the staged folder is removed and ``target`` is left
    exactly as it was: a good earlier output is never replaced by a broken one.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        for name, data in sorted(files.items()):
            dest = (staged / name).resolve()
            if staged not in dest.parents:
                raise OSError(f"output name escapes the output folder: {name!r}")
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
        yield staged
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    _swap(staged, target)


def write_file_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a hidden sibling of ``target``, then rename it over ``target``.

    A reader never sees half a file; what a killed writer leaves behind, :func:`recover_staged`
    removes. The staged file is removed when writing fails.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        staged.write_bytes(data)
        os.replace(staged, target)
    except OSError:
        staged.unlink(missing_ok=True)
        raise


def _swap(staged: Path, target: Path) -> None:
    """Move ``staged`` into ``target``; if that fails, the earlier ``target`` is put back."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    try:
        staged.rename(target)
    except OSError:
        shutil.rmtree(staged, ignore_errors=True)
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


_MOVED_ASIDE = re.compile(r"^\.(.+)\.old-\d+$")  # ``_swap``'s earlier target
_STAGING = re.compile(r"^\..+\.tmp-[^/]*$")  # ``write_atomically``'s staged folder, summaries' staged files


def recover_staged(out_dir: Path) -> None:
    """Tidy what a killed writer left in ``out_dir``: a folder moved aside by :func:`write_atomically`
    but not yet replaced is put back; half-written staged folders and files are removed."""
    if not out_dir.is_dir():
        return
    for entry in sorted(out_dir.iterdir()):
        moved = _MOVED_ASIDE.match(entry.name)
        if moved is not None and entry.is_dir():
            original = out_dir / moved.group(1)
            if original.exists():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.rename(original)
        elif _STAGING.match(entry.name):
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)


def base_package(dest_dir: Path) -> Path:
    """Write the base taxonomy package zip into ``dest_dir`` (created if needed).

    The zip is rewritten only when its content changed, atomically.

    Args:
        dest_dir: Directory to write ``xbrlify-base-2024.zip`` into.

    Returns:
        The path of the zip.
    """
    data = base_package_zip()
    target = dest_dir / f"{ns.BASE_PACKAGE_NAME}.zip"
    if not target.exists() or target.read_bytes() != data:
        write_file_atomically(target, data)
    return target


@functools.cache
def base_package_path() -> Path:
    """The base taxonomy package, built once per process in a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="xbrlify-base-"))
    atexit.register(shutil.rmtree, folder, True)
    return base_package(folder)
