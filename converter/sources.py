"""What is converted: release files, their bytes, and the EX-99 exhibits of EDGAR submissions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from converter import diagnostics as dx
from converter.mapping.contexts import slug
from converter.readers.decode import MAX_BYTES
from converter.readers.edgar import parse_submission


@dataclass(frozen=True, slots=True, kw_only=True)
class Release:
    """A release to convert: its bytes, the name diagnostics show, and the filer when known.

    Attributes:
        name: The release's path (a submission's exhibits keep the submission's path: their
            line numbers are the submission's).
        text: The release bytes (an exhibit's own text).
        stem: A name for its output folder in batches (``report-ex99-1``).
        company: The filer's name from an EDGAR header.
        cik: The filer's CIK from an EDGAR header.
        first_line: Lines of the file before ``text`` (an exhibit's place in its submission).
    """

    name: str
    text: bytes
    stem: str
    company: str | None = None
    cik: str | None = None
    first_line: int = 0

    @property
    def data(self) -> bytes:
        """The bytes to read: ``text`` after ``first_line`` newlines, so line numbers are the file's.

        Built on demand: padding every exhibit of a submission up front would cost memory
        quadratic in the number of exhibits.
        """
        return b"\n" * self.first_line + self.text if self.first_line else self.text


def releases_in(path: Path) -> list[Release]:
    """The releases a file holds: itself, or the EX-99 exhibits of an EDGAR submission.

    Raises:
        InputError: A missing or unreadable file, or a submission without an EX-99 exhibit.
    """
    data = read_file(path, str(path))
    submission = parse_submission(data)
    if submission is None:
        return [Release(name=str(path), text=data, stem=path.stem)]
    if not submission.releases:
        raise dx.input_error(dx.INPUT_NO_TABLES, "EDGAR submission without an EX-99 exhibit", str(path))
    many = len(submission.releases) > 1
    return [
        Release(name=str(path), text=ex.text, first_line=ex.first_line, company=submission.company,
                cik=submission.cik, stem=f"{path.stem}-{slug(ex.type)}" if many else path.stem)
        for ex in submission.releases
    ]


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
