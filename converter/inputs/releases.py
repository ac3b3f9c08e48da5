"""Which releases a batch converts: files as named, folders searched, glob patterns expanded.

* A file named explicitly is converted whatever its suffix (the reader says if it is no release);
  a path that does not exist is kept, so its conversion reports ``input.missing``.
* A folder is searched recursively for ``.txt``, ``.htm`` and ``.html`` files; hidden files and
  folders are skipped, and so are Inline XBRL documents (outputs, not releases) and anything
  under the output folder. A filing folder (see :mod:`converter.inputs.filing_folder`), the given one
  or one found inside, is taken whole: its exhibits are one filing, read together.
* A path that does not exist but holds ``*``, ``?`` or ``[`` is a glob pattern (``**`` recurses);
  its matching release files are taken, matching folders searched as above.
* A folder or pattern that yields no release gives an ``input.no-releases`` problem.

Releases are listed once each (the first name wins), sorted by the name shown.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from converter import diagnostics as dx
from converter.inputs.entry_points import is_inline_xbrl
from converter.inputs.filing_folder import folder_filing
from converter.model import Diagnostic, SourceSpan

RELEASE_SUFFIXES = (".txt", ".htm", ".html")

_GLOB_MAGIC = re.compile(r"[*?[]")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseInputs:
    """What the given paths name.

    Attributes:
        releases: Release paths (files, and filing folders) as shown to the user, sorted, each once.
        problems: (folder or pattern, ``input.no-releases`` error) for those that named none.
        expanded: True when a folder or a glob pattern was given (not only files).
    """

    releases: tuple[str, ...]
    problems: tuple[tuple[str, Diagnostic], ...]
    expanded: bool


def collect_releases(paths: Sequence[str | Path], *, exclude: Path | None = None) -> ReleaseInputs:
    """Expand ``paths`` into release files by the rules of the module docstring.

    Args:
        paths: Files, folders and glob patterns.
        exclude: A folder whose contents are never taken (the output folder).
    """
    seen: dict[Path, str] = {}
    problems: list[tuple[str, Diagnostic]] = []
    expanded = False
    skip = exclude.resolve() if exclude is not None else None
    for given in paths:
        text = str(given)
        path = Path(text)
        if path.is_file() or (not path.exists() and not _GLOB_MAGIC.search(text)):
            _add(seen, [path], None)
            continue
        expanded = True
        found = _search(path) if path.is_dir() else _glob(text)
        if not _add(seen, found, skip):
            why = "folder holds no" if path.is_dir() else "pattern matches no"
            problems.append((text, dx.error(
                dx.INPUT_NO_RELEASES, f"{why} release file ({', '.join(RELEASE_SUFFIXES)})", SourceSpan(path=text),
            )))
    return ReleaseInputs(releases=tuple(sorted(seen.values())), problems=tuple(problems), expanded=expanded)


def is_release_file(path: Path) -> bool:
    """True for a visible file with a release suffix that is not already Inline XBRL (an output)."""
    if path.suffix.lower() not in RELEASE_SUFFIXES or path.name.startswith(".") or not path.is_file():
        return False
    return path.suffix.lower() == ".txt" or not is_inline_xbrl(path)


def _add(seen: dict[Path, str], found: Iterable[Path], skip: Path | None) -> int:
    """Record ``found`` (except under ``skip``) in ``seen``; how many of them are releases."""
    taken = 0
    for path in found:
        key = path.resolve()
        if skip is not None and (key == skip or skip in key.parents):
            continue
        seen.setdefault(key, str(path))
        taken += 1
    return taken


def _search(folder: Path) -> list[Path]:
    """Release files and filing folders under ``folder`` (itself, when it is a filing folder),
    hidden files and folders left out."""
    if folder_filing(folder) is not None:
        return [folder]
    found: list[Path] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return found
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            found.extend(_search(entry))
        elif is_release_file(entry):
            found.append(entry)
    return found


def _glob(pattern: str) -> list[Path]:
    found: list[Path] = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        found.extend(_search(path) if path.is_dir() else [path] if is_release_file(path) else [])
    return found
