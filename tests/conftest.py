"""Shared fixtures: the corpus, the bundled example converted once per session, no network.

Shared code (not fixtures) is in ``tests/support/``."""

from __future__ import annotations

import errno
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from converter.model import ConversionResult
from converter.pipeline import ConvertOptions, convert
from tests.support.paths import CORPUS, LEXINGTON


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The development corpus (../shared/corpus); tests using it skip where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (it sits beside the repository in CI)")
    return CORPUS


@pytest.fixture(scope="session")
def lexington_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[ConversionResult, Path]:
    """The Lexington example converted and validated into a temporary folder."""
    out = tmp_path_factory.mktemp("lexington") / "out"
    return convert(LEXINGTON, out_dir=out, options=ConvertOptions()), out


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Every socket connection or name lookup fails and is recorded; the test fails if any happened."""
    attempts: list[object] = []

    def refuse(*args: object, **_kwargs: object) -> None:
        attempts.append(args)
        raise OSError(errno.ENETUNREACH, "network disabled by the test")

    for owner, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"), (socket, "create_connection"),
                        (socket, "getaddrinfo")):
        monkeypatch.setattr(owner, name, refuse)
    yield attempts
    assert attempts == [], f"network access attempted: {attempts}"
