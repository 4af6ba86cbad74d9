"""Politeness across the whole cluster: two workers share one publisher host as one polite
client would. At most LIVEBLOG_HOST_CONCURRENCY requests reach the host at once, its
Retry-After holds back every worker, and its robots.txt is obeyed."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.cli import cli
from crawler.cluster.passes import PassQueue
from tests.helpers import ROOT, env_with_root
from tests.hosts import RETRY_AFTER, Host
from tests.redis_server import RedisServer

pytestmark = pytest.mark.slow

BLOGS = 6


def liveblog(*args: str) -> list[str]:
    return [sys.executable, "-m", "crawler", *args]


def test_two_workers_share_one_hosts_limit_its_retry_after_and_robots(tmp_path: Path) -> None:
    redis = RedisServer(tmp_path)
    redis.start()
    host = Host()
    host.server.start()
    db = tmp_path / "archive.db"
    env = {**env_with_root(), "LIVEBLOG_REDIS": redis.url}
    paths = ["/live/busy", *(f"/live/{n}" for n in range(BLOGS)), "/private/blog"]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for path in paths:  # `liveblog add` in this process: the roles below are processes
            added = CliRunner().invoke(cli, ["add", host.url(path), "--db", str(db)])
            assert added.exit_code == 0, added.output
        settings = {
            "LIVEBLOG_HOST_CONCURRENCY": 1,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
            "LIVEBLOG_WORKER_PASSES": 4,
            "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_DELAY": 0,
            "RETRY_TIMES": 1,
        }
        flags = [arg for k, v in settings.items() for arg in ("-s", f"{k}={v}")]
        for name in ("w1", "w2"):
            procs.append(
                subprocess.Popen(
                    liveblog("worker", "--name", name, *flags),
                    env=env,
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=(tmp_path / f"{name}.log").open("wb"),
                )
            )
        queue = PassQueue.from_url(redis.url)
        started = time.monotonic() + 90
        while len(queue.workers_alive()) < 2 and time.monotonic() < started:
            time.sleep(0.1)
        offered = subprocess.run(
            liveblog("schedule", "--once", "--db", str(db)), env=env, capture_output=True, text=True
        )
        assert f"offered {len(paths)} passes" in offered.stdout, offered.stderr
        procs.append(
            subprocess.Popen(
                liveblog("write", "--db", str(db)), env=env, cwd=ROOT, stdout=subprocess.DEVNULL
            )
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            conn = sqlite3.connect(db, timeout=30)
            try:
                (written,) = conn.execute("SELECT count(*) FROM cluster_passes").fetchone()
            finally:
                conn.close()
            if written == len(paths):
                break
            time.sleep(0.1)
        else:
            logs = "\n".join((tmp_path / f"w{i}.log").read_text()[-2000:] for i in (1, 2))
            raise AssertionError(f"{written} of {len(paths)} passes written\n{logs}")
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=30)
        host.server.stop()
        redis.stop()

    assert host.most == 1, f"{host.most} requests reached the host at once"
    conn = sqlite3.connect(db)
    try:
        errors = dict(
            conn.execute("SELECT b.url, f.error FROM fetches f JOIN blogs b ON b.id = f.blog_id")
        )
        workers = {w for (w,) in conn.execute("SELECT worker FROM cluster_passes")}
    finally:
        conn.close()
    assert "robots.txt" in (errors[host.url("/private/blog")] or "")
    assert not any(p.startswith("/private/") for _, p, _ in host.log), "robots.txt not obeyed"
    assert all(errors[host.url(p)] is None for p in paths[:-1]), errors
    assert workers == {"w1", "w2"}, "both workers took passes"
    (refused_at,) = host.answered_503
    after = [t for t, _, _ in host.log if t > refused_at]
    assert after, "nothing fetched after the 503"
    assert min(after) >= refused_at + RETRY_AFTER - 0.1, (
        "a request reached the host before its Retry-After was over"
    )
