"""What is converted: release files, EDGAR submissions and filing folders, as filings of releases.

A **filing** is what one company filed at once, and its releases are read together (their fiscal
calendar, entity and release date are shared, see :mod:`converter.inputs.filing`):

* a release file on its own: a filing of one release;
* an EDGAR submission (``.txt``, any form the SEC serves, see :mod:`converter.inputs.edgar`):
  one release per EX-99 exhibit; a uuencoded EX-99 (a PDF, an image) is skipped with an info;
* an unpacked filing folder (see :mod:`converter.inputs.filing_folder`): one release per exhibit file.

Releases are named for batches by their exhibit: ``<submission>-ex-99-1`` (a submission of one
EX-99 keeps its own stem), ``<folder>-<exhibit file stem>``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from converter import diagnostics as dx
from converter.inputs.edgar import Exhibit, Filer, Submission, parse_submission
from converter.inputs.filing_folder import FolderFiling, folder_filing
from converter.labels import slug
from converter.model import Diagnostic, SourceSpan
from converter.readers import MAX_BYTES


@dataclass(frozen=True, slots=True, kw_only=True)
class Release:
    """A release to convert: its bytes, the name diagnostics show, and the filer when known.

    Attributes:
        name: The release's path (a submission's exhibits keep the submission's path: their
            line numbers are the submission's).
        text: The release bytes (an exhibit's own text).
        stem: A name for its output folder in batches (``report-ex-99-1``).
        company: The filer's name from an EDGAR header.
        cik: The filer's CIK from an EDGAR header.
        first_line: Lines of the file before ``text`` (an exhibit's place in its submission).
        filed: The filing date from an EDGAR header.
        folder: The absolute folder relative references of the release (images) start from.
        parts: The other documents of its submission by file name (uuencoded images), as
            stored: decoded only when the release refers to one.
    """

    name: str
    text: bytes
    stem: str
    company: str | None = None
    cik: str | None = None
    first_line: int = 0
    filed: dt.date | None = None
    folder: str | None = None
    parts: tuple[tuple[str, bytes], ...] = ()

    @property
    def data(self) -> bytes:
        """The bytes to read: ``text`` after ``first_line`` newlines, so line numbers are the file's.

        Built on demand: padding every exhibit of a submission up front would cost memory
        quadratic in the number of exhibits.
        """
        return b"\n" * self.first_line + self.text if self.first_line else self.text


@dataclass(frozen=True, slots=True, kw_only=True)
class Filing:
    """Releases filed together, read together.

    Attributes:
        name: The file or folder as given.
        releases: The releases, in filing order.
        skipped: (stem, ``input.exhibit.skipped`` info) per EX-99 exhibit that is no text.
        digest: SHA-256 of every byte the releases are read from (a batch converts a filing
            again when it changes).
    """

    name: str
    releases: tuple[Release, ...]
    skipped: tuple[tuple[str, Diagnostic], ...] = ()
    digest: str = ""


def filing_in(path: Path, shown: str | None = None) -> Filing:
    """The filing ``path`` holds: a release file, a submission, or a filing folder.

    Args:
        path: The file or folder to read.
        shown: How diagnostics name it (default ``str(path)``; a batch worker may read a
            file by another, absolute, path).

    Raises:
        InputError: A missing or unreadable file, a folder that is no filing, or a submission
            without an EX-99 exhibit.
    """
    name = shown or str(path)
    if path.is_dir():
        found = folder_filing(path)
        if found is None:
            raise dx.input_error(dx.INPUT_UNREADABLE, "is a folder, not a release file", name)
        return _folder_releases(found, name)
    data = read_file(path, name)
    submission = parse_submission(data)
    digest = hashlib.sha256(data).hexdigest()
    folder = str(path.resolve().parent)
    if submission is None:
        release = Release(name=name, text=data, stem=path.stem, folder=folder)
        return Filing(name=name, releases=(release,), digest=digest)
    return _submission_releases(submission, path.stem, name, digest, folder)


def releases_in(path: Path) -> list[Release]:
    """The releases a file (or filing folder) holds: itself, or its EX-99 exhibits."""
    return list(filing_in(path).releases)


def source_release(source: str | Path | bytes | Release, name: str | None = None) -> Release:
    """The release ``convert`` was given: a path (a submission's first EX-99), bytes, or a Release."""
    if isinstance(source, Release):
        return source
    if isinstance(source, bytes):
        return Release(name=name or "<release>", text=source, stem=Path(name or "release").stem)
    found = releases_in(Path(source))
    return found[0] if name is None else replace(found[0], name=name)


def read_file(path: Path, shown: str) -> bytes:
    """The bytes of a release file; ``InputError`` when it is missing, a folder or unreadable."""
    if not path.exists():
        raise dx.input_error(dx.INPUT_MISSING, "no such file", shown)
    if path.is_dir():
        raise dx.input_error(dx.INPUT_UNREADABLE, "is a folder, not a release file", shown)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise dx.input_error(dx.INPUT_TOO_LARGE, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}", shown)
        return path.read_bytes()
    except OSError as exc:
        raise dx.input_error(dx.INPUT_UNREADABLE, f"cannot read: {exc.strerror or exc}", shown) from exc


def _submission_releases(submission: Submission, stem: str, name: str, digest: str, folder: str) -> Filing:
    exhibits = [d for d in submission.documents if d.is_release]
    if not exhibits:
        raise dx.input_error(dx.INPUT_NO_TABLES, "EDGAR submission without an EX-99 exhibit", name)
    filer = Filer(company=submission.company, cik=submission.cik, filed=submission.filed)
    parts = tuple((d.filename, d.raw) for d in submission.documents if d.encoded and d.filename)
    stems = [f"{stem}-{slug(ex.type)}" if len(exhibits) > 1 else stem for ex in exhibits]
    releases = tuple(
        Release(name=name, text=ex.text, first_line=ex.first_line, stem=s, company=filer.company, cik=filer.cik,
                filed=filer.filed, folder=folder, parts=parts)
        for ex, s in zip(exhibits, stems) if not ex.encoded
    )
    skipped = tuple((s, _encoded(ex, name)) for ex, s in zip(exhibits, stems) if ex.encoded)
    return Filing(name=name, releases=releases, skipped=skipped, digest=digest)


def _encoded(exhibit: Exhibit, name: str) -> Diagnostic:
    what = f"{exhibit.type} ({exhibit.filename})" if exhibit.filename else exhibit.type
    return dx.info(dx.INPUT_EXHIBIT_SKIPPED, f"{what} is a uuencoded file, not text: skipped",
                   SourceSpan(path=name, line=exhibit.first_line + 1), exhibit=exhibit.type, reason="uuencoded")


def _folder_releases(found: FolderFiling, name: str) -> Filing:
    """The releases of a filing folder, read from its exhibit files (each named by its own path)."""
    digest = hashlib.sha256()
    releases = []
    base = Path(name)
    for path in found.exhibits:
        shown = str(base / path.relative_to(found.folder))
        data = read_file(path, shown)
        digest.update(f"{path.name}\0{len(data)}\0".encode() + data)
        releases.append(Release(name=shown, text=data, stem=f"{found.folder.name}-{path.stem}",
                                company=found.filer.company, cik=found.filer.cik, filed=found.filer.filed,
                                folder=str(path.resolve().parent)))
    digest.update(found.header)
    return Filing(name=name, releases=tuple(releases), digest=digest.hexdigest())

