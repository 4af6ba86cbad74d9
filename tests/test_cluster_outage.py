"""Redis cut off from a worker mid-pass, with real processes: a redis-server on 127.0.0.1
behind a TCP proxy that the test cuts (a network partition: Redis keeps its data), a worker
that reaches Redis through it with a user and password, and a blog of three pages. A page
that could not be queued while Redis was away ended the pass's chance to finish, and the
heartbeat renewed its lease for ever; the pass must go back to the queue and be done."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.db import open_archive
from archive.times import now_utc
from archive.watchlist import Policy, add_blog
from crawler.cli import cli
from crawler.cluster.passes import PassQueue
from crawler.cluster.schedule import offer_due
from tests.evolving import EvolvingBlog, make_update
from tests.helpers import ROOT, env_with_root
from tests.redis_server import RedisProxy, RedisServer

pytestmark = pytest.mark.slow

PASSWORD = "s3cretpw"  # noqa: S105 (the test Redis user's, to check no log shows it)
WAIT = 60.0  # seconds at most for each step; the worker's lease (120 s) outlasts them all


def wait_for(condition: Callable[[], bool], what: str, log: Path) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}\n{log.read_text(errors='replace')[-4000:]}")


def test_a_pass_whose_page_could_not_be_queued_goes_back_and_is_done(tmp_path: Path) -> None:
    server = RedisServer(tmp_path)
    server.start()
    queue = PassQueue.from_url(server.url)
    queue.client.execute_command("ACL", "SETUSER", "lb", "on", f">{PASSWORD}", "~*", "&*", "+@all")
    proxy = RedisProxy(server.port)
    proxy.start()
    blog = EvolvingBlog([make_update(n) for n in range(7, 0, -1)], page_size=3).start()
    db = tmp_path / "archive.db"
    archive = open_archive(db)
    log = tmp_path / "worker.log"
    worker: subprocess.Popen[bytes] | None = None
    try:
        add_blog(archive, blog.url, None, now_utc())
        settings = {
            "LIVEBLOG_LEASE_TIMEOUT": 120,
            "LIVEBLOG_HOST_CONCURRENCY": 4,
            "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_DELAY": 0,
            "RETRY_TIMES": 0,
        }
        flags = [arg for k, v in settings.items() for arg in ("-s", f"{k}={v}")]
        url = proxy.url.replace("redis://", f"redis://lb:{PASSWORD}@")
        worker = subprocess.Popen(
            [sys.executable, "-m", "crawler", "worker", "--redis", url, "--name", "w1", *flags],
            env=env_with_root(),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=log.open("wb"),
        )
        blog.delay = 3.0
        assert offer_due(queue, archive, Policy()) == [f"{blog.url}#1"]
        wait_for(lambda: blog.begun >= 1, "the first page requested", log)
        proxy.cut()  # the first page comes back while Redis is away: the second is not queued
        wait_for(lambda: "could not queue" in log.read_text(), "a page not queued", log)
        blog.delay = 0.0
        proxy.heal()
        wait_for(lambda: queue.state().unwritten == 1, "the pass done again", log)
        assert queue.state().leased == [], "no lease held for a pass that cannot finish"
        done = CliRunner().invoke(cli, ["write", "--once", "--db", str(db), "--redis", server.url])
        assert done.exit_code == 0, done.output
    finally:
        archive.close()
        if worker is not None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(timeout=10)
        proxy.stop()
        blog.stop()
        server.stop()

    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT pages, error, complete FROM fetches").fetchall()
        (updates,) = conn.execute("SELECT count(*) FROM updates").fetchone()
    finally:
        conn.close()
    assert rows == [(3, None, 1)], rows
    assert updates == 7
    text = log.read_text(errors="replace")
    assert "given back to the queue" in text
    assert PASSWORD not in text, "the worker's log shows the Redis password"
