"""Batches on a Dask cluster: ``xbrlify convert ... --dask ADDRESS``.

A batch is sent to a running Dask scheduler (``dask.distributed``, from the optional extra
``pip install 'xbrlify[dask]'``) through the client's ``concurrent.futures`` executor; each
filing is one task. Every Dask worker process keeps its own Arelle session: start the workers
with one thread each (``dask worker ADDRESS --nworkers N --nthreads 1``), since Arelle is not
thread-safe (runs in one process are serialised, so more threads only wait). The releases and
OUT must be reachable under the same paths from every worker (a shared file system).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from typing import Any


class DaskUnavailableError(RuntimeError):
    """``dask.distributed`` is not installed, or the scheduler cannot be reached."""


@contextmanager
def dask_executor(address: str, *, timeout: float = 30.0) -> Iterator[Executor]:
    """An executor running on the Dask scheduler at ``address``, closed on exit.

    Raises:
        DaskUnavailableError: ``dask.distributed`` is missing or the scheduler does not answer.
    """
    try:
        distributed: Any = importlib.import_module("distributed")  # optional: typed as Any either way
    except ImportError as exc:
        raise DaskUnavailableError("--dask needs dask.distributed: pip install 'xbrlify[dask]'") from exc
    try:
        client: Any = distributed.Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise DaskUnavailableError(f"no Dask scheduler answers at {address}: {exc}") from exc
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()

