"""The scale-out end to end, with real processes: a redis-server on 127.0.0.1, a scheduler, two
workers and a writer (`liveblog schedule`, `worker`, `write`) over two evolving blogs whose
truth is known. A worker is killed with SIGKILL mid-pass, the writer mid-drain, and Redis
restarts empty; the archive must still equal the truth, and equal the archive that a
single-machine `liveblog crawl` wrote from the same blogs at the same moments."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from crawler.cli import cli
from crawler.cluster.passes import PassQueue
from tests.evolving import EvolvingBlog, assert_archive_matches, make_update
from tests.helpers import ROOT, crawl_local, env_with_root
from tests.redis_server import RedisServer

pytestmark = pytest.mark.slow

LEASE = 3  # seconds: a killed worker's pass goes to the other worker this soon
ROUND_TIMEOUT = 60.0
WORKER_SETTINGS = {
    "LIVEBLOG_LEASE_TIMEOUT": LEASE,
    "LIVEBLOG_WORKER_PASSES": 2,
    "AUTOTHROTTLE_START_DELAY": 0,
    "DOWNLOAD_DELAY": 0,
    "RETRY_TIMES": 0,
}


def liveblog(*args: str) -> list[str]:
    return [sys.executable, "-m", "crawler", *args]


@dataclass
class Cluster:
    """The roles as processes, started and killed by the test; their output kept in files."""

    redis: RedisServer
    db: Path
    logs: Path
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def start(self, name: str, *args: str) -> None:
        env = {**env_with_root(), "LIVEBLOG_REDIS": self.redis.url}
        out = (self.logs / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(
            liveblog(*args), env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
        )

    def start_worker(self, name: str) -> None:
        settings = [arg for k, v in WORKER_SETTINGS.items() for arg in ("-s", f"{k}={v}")]
        self.start(name, "worker", "--name", name, *settings)

    def start_writer(self) -> None:
        self.start("writer", "write", "--db", str(self.db))

    def kill(self, name: str) -> None:
        proc = self.procs.pop(name)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)

    def stop_all(self) -> None:
        for proc in self.procs.values():
            proc.send_signal(signal.SIGTERM)
        for name, proc in self.procs.items():
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
                raise AssertionError(f"{name} did not stop on SIGTERM") from None
        self.procs.clear()

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")

    def alive(self) -> None:
        for name, proc in self.procs.items():
            assert proc.poll() is None, f"{name} exited with {proc.returncode}:\n{self.log(name)}"


def passes_written(db: Path, url: str) -> int:
    conn = sqlite3.connect(db, timeout=30)
    try:
        row = conn.execute(
            "SELECT count(*) FROM fetches f JOIN blogs b ON b.id = f.blog_id WHERE b.url = ?",
            [url],
        ).fetchone()
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()
    return int(row[0])


def wait_until(condition: Callable[[], bool], what: str, cluster: Cluster) -> None:
    deadline = time.monotonic() + ROUND_TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        cluster.alive()
        time.sleep(0.05)
    logs = "\n".join(f"--- {n}\n{cluster.log(n)[-3000:]}" for n in cluster.procs)
    raise AssertionError(f"timed out waiting for {what}\n{logs}")


def make_due(db: Path) -> None:
    """The test is the clock: every watched blog is due now."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        with conn:
            conn.execute("UPDATE blogs SET next_due_at = NULL")
    finally:
        conn.close()


def last_pass_ok(db: Path, url: str) -> bool:
    conn = sqlite3.connect(db, timeout=30)
    try:
        (error,) = conn.execute(
            """SELECT f.error FROM fetches f JOIN blogs b ON b.id = f.blog_id
               WHERE b.url = ? ORDER BY f.id DESC LIMIT 1""",
            [url],
        ).fetchone()
    finally:
        conn.close()
    return error is None


def contents(db: Path) -> dict[str, Any]:
    """What an analyst reads: updates, their versions, which are removed (not when)."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        updates = conn.execute(
            """SELECT b.url, u.source_id, u.headline, u.body_text, u.published_at,
                      u.removed_at IS NOT NULL
               FROM updates u JOIN blogs b ON b.id = u.blog_id ORDER BY b.url, u.source_id"""
        ).fetchall()
        versions = conn.execute(
            """SELECT b.url, u.source_id, v.version, v.headline, v.body_text, v.diff
               FROM update_versions v JOIN updates u ON u.id = v.update_id
               JOIN blogs b ON b.id = u.blog_id ORDER BY b.url, u.source_id, v.version"""
        ).fetchall()
    finally:
        conn.close()
    return {"updates": updates, "versions": versions}


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    server = RedisServer(tmp_path)
    server.start()
    logs = tmp_path / "logs"
    logs.mkdir()
    made = Cluster(server, tmp_path / "cluster.db", logs)
    try:
        yield made
    finally:
        for proc in made.procs.values():
            proc.kill()
            proc.wait(timeout=10)
        server.stop()


def test_cluster_archive_equals_truth_and_single_machine_crawl_through_faults(
    cluster: Cluster, tmp_path: Path
) -> None:
    first = EvolvingBlog([make_update(n) for n in range(7, 0, -1)], page_size=3).start()
    second = EvolvingBlog(
        [make_update(n) for n in range(105, 100, -1)], page_size=3, path="/live/second"
    ).start()
    blogs = [first, second]
    single = tmp_path / "single.db"
    try:
        for blog in blogs:  # `liveblog add` in this process: the roles below are processes
            added = CliRunner().invoke(cli, ["add", blog.url, "--db", str(cluster.db)])
            assert added.exit_code == 0, added.output
        cluster.start("scheduler", "schedule", "--db", str(cluster.db), "--interval", "3600")
        cluster.start_worker("w1")
        cluster.start_worker("w2")
        cluster.start_writer()
        queue = PassQueue.from_url(cluster.redis.url)
        written = 0

        def round_done() -> None:
            """Every blog's pass of this round written; the single machine crawls the same pages."""
            nonlocal written
            written += 1
            for blog in blogs:
                wait_until(
                    lambda b=blog: passes_written(cluster.db, b.url) >= written,
                    f"pass {written} of {blog.url}",
                    cluster,
                )
            results = crawl_local([b.url for b in blogs], single)
            assert all(r.ok for r in results), [r.error for r in results]
            for blog in blogs:
                assert passes_written(cluster.db, blog.url) == written, "a pass written twice"
                assert last_pass_ok(cluster.db, blog.url)
                blog.observe(True)

        round_done()

        # An ordinary round: new posts push older ones to page 2, an edit, an edit on page 2.
        first.add(make_update(8), make_update(9))
        first.edit("u0005", headline="Storm Ciarán: amber warning extended")
        second.edit("u0104", headline="Second blog: corrected")
        make_due(cluster.db)
        round_done()

        # A worker killed with SIGKILL while it holds a pass: the other worker does it.
        first.add(make_update(10))
        first.delay = 1.5
        mark = first.mark()
        make_due(cluster.db)
        wait_until(lambda: len(first.since(mark)) >= 1, "the slow page requested", cluster)
        holders = {h.worker for h in queue.state().leased if h.pass_id.startswith(first.url)}
        assert len(holders) == 1, holders
        (holder,) = holders
        cluster.kill(holder)
        first.delay = 0.0
        cluster.start_worker("w3")
        round_done()
        assert "lease lost" not in cluster.log("w3")

        # The writer killed mid-drain: finished passes wait in Redis, and none is written twice.
        cluster.kill("writer")
        first.delete("u0009")
        second.add(make_update(106))
        second.edit("u0102", headline="Second blog: a late correction on page 2")
        make_due(cluster.db)
        wait_until(lambda: queue.state().unwritten >= len(blogs), "passes waiting", cluster)
        before = sum(passes_written(cluster.db, b.url) for b in blogs)
        cluster.start_writer()
        wait_until(
            lambda: sum(passes_written(cluster.db, b.url) for b in blogs) > before,
            "the writer's first pass",
            cluster,
        )
        cluster.kill("writer")
        cluster.start_writer()
        round_done()

        # Redis restarts empty mid-pass: the schedule is rebuilt from the archive.
        first.edit("u0010", headline="Storm Ciarán: flood warnings")
        second.delete("u0106")
        first.delay = 1.0
        mark = first.mark()
        make_due(cluster.db)
        wait_until(lambda: len(first.since(mark)) >= 1, "a pass under way", cluster)
        cluster.redis.restart()
        first.delay = 0.0
        round_done()
        cluster.alive()
    finally:
        cluster.stop_all()
        for blog in blogs:
            blog.stop()

    for blog in blogs:
        assert_archive_matches(cluster.db, blog)
    assert contents(cluster.db) == contents(single)
    conn = sqlite3.connect(cluster.db)
    try:
        ids = conn.execute(
            "SELECT count(*), count(DISTINCT pass_id) FROM cluster_passes"
        ).fetchone()
        workers = {w for (w,) in conn.execute("SELECT DISTINCT worker FROM cluster_passes")}
    finally:
        conn.close()
    assert ids == (written * len(blogs), written * len(blogs))
    assert len(workers) >= 2, workers


@pytest.mark.slow
def test_the_scale_benchmark_measures_its_ratios_side_by_side_and_says_what_is_arithmetic(
    tmp_path: Path,
) -> None:
    """benchmarks/scale.py printed CPU per pass and what a fleet would need, as if workers
    scaled; its run measured no ratio between them. Now it prints each configuration's rate
    against the single process and one worker from one run, and labels the arithmetic."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--blogs", "8", "--workers", "1,2"],
        env=env_with_root(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    header = next(line for line in lines if "passes/s" in line)
    assert "x single" in header and "x 1 worker" in header
    two = next(line for line in lines if line.startswith("2 workers + 1 writer "))
    assert len(two.split()) == 11, two  # name (5 words), rate, wall, two ratios, two CPU
    assert any(line.startswith("measured: 2 workers + 1 writer did ") for line in lines)
    assert any(line.startswith("Arithmetic, not measured: ") for line in lines)
