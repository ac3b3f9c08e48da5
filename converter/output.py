"""Output files of a conversion, rendered in memory and written atomically."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from converter.model import Report, SourceSpan
from converter.serialize.instance_xml import render_instance
from taxonomy.package import base_files, base_package
from taxonomy.writer import render_taxonomy


def render_outputs(report: Report) -> tuple[dict[str, bytes], dict[str, tuple[SourceSpan, ...]]]:
    """Taxonomy files (base ones included) and the XBRL instance, and the release spans of each fact id.

    The base taxonomy files sit beside the extension, which imports them by relative name, so an
    output folder validates anywhere, offline, with no package or catalog.
    """
    files = {name: data for name, data in base_files().items() if not name.startswith("META-INF/")}
    files.update(render_taxonomy(report.taxonomy))
    instance, sources = render_instance(report, f"{report.taxonomy.name}.xsd")
    files[f"{report.taxonomy.name}.xml"] = instance
    return files, sources


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


def _swap(staged: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    staged.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@functools.cache
def base_package_path() -> Path:
    """The base taxonomy package, built once per process in a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="xbrlify-base-"))
    atexit.register(shutil.rmtree, folder, True)
    return base_package(folder)
