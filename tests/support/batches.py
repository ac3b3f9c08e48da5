"""Batch inputs and outputs: small releases written to a folder, the files a batch wrote."""

from __future__ import annotations

from pathlib import Path

from tests.support.releases import HEADER, STATEMENT


def releases(folder: Path, count: int) -> list[Path]:
    """``count`` small releases, each with its own figures."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(count):
        path = folder / f"r{n}.txt"
        path.write_text(HEADER + STATEMENT.replace("1,000", f"1,{n:03d}").replace("400         400", f"{400 + n}         400")
                        .replace("600         500", f"{600 - n}         500").replace("350         360", f"{350 + n}         360"))
        made.append(path)
    return made


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of the release folders (not the batch's own summary and manifest), by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.parent != folder}
