"""A batch on a real local Dask cluster (scheduler and worker processes on localhost) gives the same
bytes as ``--jobs 1``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from converter.cli.batch import convert_many
from converter.cli.commands import main
from converter.cli.dask_executor import DaskUnavailableError, dask_executor
from tests.support import edgar_files
from tests.support.batches import releases, tree
from tests.support.edgar_files import SIBLING
from tests.support.paths import LEXINGTON

distributed: Any = pytest.importorskip("distributed", reason="the optional extra xbrlify[dask] is not installed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two worker processes of one thread each, no dashboard, on localhost only."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=40) as local:
        yield local


def inputs(folder: Path) -> list[str]:
    submission = folder / "0000950123-07-000001.txt"
    folder.mkdir(parents=True, exist_ok=True)
    submission.write_bytes(edgar_files.submission([("EX-99.1", "a.txt", SIBLING), ("EX-99.2", "b.txt", LEXINGTON.read_bytes())]))
    return [str(submission), *map(str, releases(folder / "more", 2))]


def test_a_batch_on_a_local_dask_cluster_is_byte_identical_to_jobs_1(cluster: Any, tmp_path: Path) -> None:
    paths = inputs(tmp_path / "in")
    here = convert_many(paths, tmp_path / "here", jobs=1)
    with distributed.Client(cluster) as client:
        workers = set(client.run(lambda: __import__("os").getpid()).values())
        on_dask = convert_many(paths, tmp_path / "dask", executor=client.get_executor(pure=False))
    assert len(workers) == 2
    assert [(r.name, r.exit_status, r.facts) for r in on_dask.releases] == [
        (r.name, r.exit_status, r.facts) for r in here.releases]
    assert len(tree(tmp_path / "here")) > 40 and tree(tmp_path / "dask") == tree(tmp_path / "here")


def test_xbrlify_convert_dask_sends_the_batch_to_the_scheduler(cluster: Any, tmp_path: Path) -> None:
    paths = inputs(tmp_path / "in")
    runner = CliRunner()
    local = runner.invoke(main, ["convert", *paths, "-o", str(tmp_path / "here"), "--format", "xbrl"])
    remote = runner.invoke(main, ["convert", *paths, "-o", str(tmp_path / "dask"), "--format", "xbrl",
                                  "--dask", cluster.scheduler_address])
    assert remote.exit_code == local.exit_code == 1, remote.output  # Lexington's own inconsistency
    assert tree(tmp_path / "dask") == tree(tmp_path / "here")


def test_no_scheduler_at_the_address_is_a_clear_error() -> None:
    with pytest.raises(DaskUnavailableError, match="no Dask scheduler answers"), dask_executor("tcp://127.0.0.1:9",
                                                                                              timeout=0.5):
        pass
