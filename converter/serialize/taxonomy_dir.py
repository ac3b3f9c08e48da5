"""The taxonomy directory on disk (``--taxonomy-dir``): a folder per company, locked while a
release is converted, each folder read whole and replaced atomically (a failed write leaves the
earlier taxonomy as it was). What the folders mean is :mod:`converter.mapping.company`'s.
"""

from __future__ import annotations

import fcntl
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from converter.serialize.output_files import recover_staged, write_atomically

INDEX = "company.json"
_LOCK = ".xbrlify.lock"


class TaxonomyDirError(Exception):
    """A taxonomy directory, or a company's folder in it, that cannot be read or written."""


@contextmanager
def locked(directory: Path) -> Iterator[None]:
    """Hold the taxonomy directory for one conversion (other processes using it wait).

    Raises:
        TaxonomyDirError: The directory cannot be made or locked.
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle = (directory / _LOCK).open("a")
    except OSError as exc:
        raise TaxonomyDirError(f"cannot use the taxonomy directory {directory}: {exc.strerror or exc}") from exc
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            recover_staged(directory)  # what a killed writer left
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_indexes(directory: Path) -> tuple[list[tuple[str, dict[str, Any]]], set[str]]:
    """Each company folder's name and its ``company.json``, and the names of every entry of the
    directory (a new folder takes none of them).

    Raises:
        TaxonomyDirError: A ``company.json`` cannot be read or is not JSON.
    """
    indexes = []
    for index in sorted(directory.glob(f"*/{INDEX}")):
        if index.parent.name.startswith("."):
            continue
        try:
            indexes.append((index.parent.name, json.loads(index.read_text(encoding="utf-8"))))
        except (OSError, ValueError) as exc:  # json.JSONDecodeError is a ValueError
            raise TaxonomyDirError(f"{index}: not a company taxonomy xbrlify can read: {exc}") from exc
    return indexes, {p.name for p in directory.iterdir()} if directory.is_dir() else set()


def write_folder(directory: Path, folder: str, files: Mapping[str, bytes]) -> None:
    """Replace ``directory/folder`` with ``files``, atomically.

    Raises:
        TaxonomyDirError: It cannot be written.
    """
    try:
        with write_atomically(directory / folder, files):
            pass
    except OSError as exc:
        raise TaxonomyDirError(f"cannot write {directory / folder}: {exc.strerror or exc}") from exc
