"""The batch manifest: what each release folder of OUT was made from, so a batch can restart.

``OUT/manifest.json`` holds one entry per release folder: the release, the SHA-256 of what it
was read from (its whole filing: a sibling exhibit tells its calendar), the conversion options,
the xbrlify version and the outcome (its summary entry). A release whose entry matches all four
and whose folder is still there is **up to date**: a batch run again does not convert it.

It is written atomically (a temporary file, then a rename) when a batch ends. While the batch
runs, each outcome is appended as one line to ``OUT/.manifest.journal`` as soon as it is known,
so a batch that is killed (Ctrl-C, a lost machine) keeps every release it finished; the next run
folds the journal in (a line cut short by the kill is ignored) and converts the rest. Outcomes
of a crashed worker are never recorded: those releases are converted again.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from converter import __version__
from converter.serialize.output_files import write_file_atomically

MANIFEST_NAME = "manifest.json"
JOURNAL_NAME = ".manifest.journal"
_FORMAT = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """What one release folder was made from, and its outcome.

    Attributes:
        name: The release folder's name in OUT.
        release: The release path as shown.
        digest: SHA-256 of its filing's input.
        options: The conversion options (as JSON).
        version: The xbrlify version that converted it.
        outcome: Its summary entry (``ReleaseOutcome.to_json``).
    """

    name: str
    release: str
    digest: str
    options: Mapping[str, Any]
    version: str
    outcome: Mapping[str, Any]

    def to_json(self) -> dict[str, Any]:
        """The entry as stored."""
        return {"name": self.name, "release": self.release, "input_sha256": self.digest,
                "options": dict(self.options), "xbrlify": self.version, "outcome": dict(self.outcome)}

    def matches(self, release: str, digest: str, options: Mapping[str, Any]) -> bool:
        """True when this entry was made from the same input, options and version."""
        return (self.release, self.digest, dict(self.options), self.version) == (
            release, digest, dict(options), __version__)


def load(out_dir: Path) -> dict[str, Entry]:
    """The manifest of ``out_dir`` with its journal folded in (empty when there is none)."""
    entries: dict[str, Entry] = {}
    try:
        stored = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    if isinstance(stored, dict) and stored.get("format") == _FORMAT:
        for raw in stored.get("releases", ()):
            _keep(entries, raw)
    try:
        lines = (out_dir / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        try:
            _keep(entries, json.loads(line))
        except ValueError:  # the last line of a killed batch may be cut short
            continue
    return entries


def save(out_dir: Path, entries: Iterable[Entry]) -> None:
    """Write ``out_dir/manifest.json`` atomically and drop the journal it now holds."""
    body = {"format": _FORMAT, "releases": [e.to_json() for e in sorted(entries, key=lambda e: e.name)]}
    target = out_dir / MANIFEST_NAME
    write_file_atomically(target, (json.dumps(body, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    (out_dir / JOURNAL_NAME).unlink(missing_ok=True)


class Journal:
    """Appends each entry to ``OUT/.manifest.journal`` as one line, flushed to disk at once.

    The file (and OUT) is made at the first entry, and :meth:`undo` takes back what this
    journal added: a batch that converts nothing leaves OUT as it found it.
    """

    def __init__(self, out_dir: Path) -> None:
        self._path = out_dir / JOURNAL_NAME
        self._handle: TextIO | None = None
        self._made_out = not out_dir.exists()
        try:
            self._start: int | None = self._path.stat().st_size
        except OSError:
            self._start = None

    def add(self, entry: Entry) -> None:
        """Record ``entry`` (one ``write`` of one line: a kill leaves at most that line cut short)."""
        if self._handle is None:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self._path.open("a", encoding="utf-8")
        self._handle.write(json.dumps(entry.to_json(), sort_keys=True) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        """Close the journal file."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def undo(self) -> None:
        """Take back every entry this journal added (the file as it was before, or none), and OUT
        itself when this journal made it and it is empty again. Call after :meth:`close`."""
        if self._start is None:
            self._path.unlink(missing_ok=True)
        elif self._path.exists():
            os.truncate(self._path, self._start)
        if self._made_out:
            with contextlib.suppress(OSError):
                self._path.parent.rmdir()


def _keep(entries: dict[str, Entry], raw: object) -> None:
    if not isinstance(raw, dict):
        return
    try:
        entry = Entry(name=str(raw["name"]), release=str(raw["release"]), digest=str(raw["input_sha256"]),
                      options=dict(raw["options"]), version=str(raw["xbrlify"]), outcome=dict(raw["outcome"]))
    except (KeyError, TypeError, ValueError):
        return
    entries[entry.name] = entry
