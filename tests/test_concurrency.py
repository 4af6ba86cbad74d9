"""Overlapping cron passes: two `liveblog crawl` processes on one archive, at once.

One writer at a time: the second waits for the first (saying so on stderr), or with
--no-wait leaves at once with exit status 75 and a sentence. Either way the archive holds
each update once, with the right versions, and one fetch row per pass.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.lock import archive_lock
from crawler.cli import EXIT_BUSY
from tests.evolving import EvolvingBlog, assert_archive_matches, make_update
from tests.helpers import LOCAL_ARGS, env_with_root

pytestmark = pytest.mark.slow  # crawl processes that wait for each other

WAITING = "is writing to"


@pytest.fixture
def slow_blog() -> Iterator[EvolvingBlog]:
    """Six updates on two pages, each page answered after 0.3 s: a pass holds the lock a while."""
    with EvolvingBlog([make_update(n) for n in range(6, 0, -1)], delay=0.3) as blog:
        yield blog


def crawl_argv(url: str, db: Path, *extra: str) -> list[str]:
    """`liveblog crawl`, without the polite delays: the blog's own delay keeps the lock held."""
    return [sys.executable, "-m", "crawler", "crawl", url, "--db", str(db), *LOCAL_ARGS, *extra]


def start(argv: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        argv, env=env_with_root(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def fetch_rows(db: Path) -> list[tuple[int, int, str | None]]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(
            "SELECT updates_new, not_modified, error FROM fetches ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_two_crawls_started_at_once_take_turns(slow_blog: EvolvingBlog, db_path: Path) -> None:
    argv = crawl_argv(slow_blog.url, db_path)
    procs = [start(argv), start(argv)]
    outputs = [p.communicate(timeout=90) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert out.startswith(f"ok    {slow_blog.url}: 2 pages"), out
        assert "Traceback" not in err
    waited = [err for _, err in outputs if WAITING in err]
    assert len(waited) == 1, [err for _, err in outputs]
    assert "waiting" in waited[0]

    # The passes ran one after the other: the second asked with validators and got 304s.
    slow_blog.observe(True)
    slow_blog.observe(True)
    assert_archive_matches(db_path, slow_blog)
    assert fetch_rows(db_path) == [(6, 0, None), (0, 1, None)]
    assert [s.kind for s in slow_blog.since(0)] == ["page", "page", "304", "304"]


def test_no_wait_exits_75_with_a_sentence_while_another_run_holds_the_archive(
    slow_blog: EvolvingBlog, db_path: Path
) -> None:
    with archive_lock(db_path):
        busy = subprocess.run(
            crawl_argv(slow_blog.url, db_path, "--no-wait"),
            env=env_with_root(),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert busy.returncode == EXIT_BUSY
    assert busy.stderr.strip() == (
        f"Error: another liveblog run (pid {os.getpid()}) is writing to {db_path}; "
        "try again when it has finished, or use --wait."
    )
    assert busy.stdout == ""
    assert slow_blog.since(0) == []  # it left before fetching anything
    assert not db_path.exists() or fetch_rows(db_path) == []


def test_an_archive_reached_through_a_symlink_has_the_one_lock(
    slow_blog: EvolvingBlog, db_path: Path
) -> None:
    """A crawl through a link to the archive and a run on its own path never interleave:
    the lock is named after the archive's real file, not the path as typed."""
    link = db_path.parent / "link.db"
    link.symlink_to(db_path)
    with archive_lock(db_path):
        busy = subprocess.run(
            crawl_argv(slow_blog.url, link, "--no-wait"),
            env=env_with_root(),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert busy.returncode == EXIT_BUSY, busy.stdout + busy.stderr
    assert busy.stderr.strip() == (
        f"Error: another liveblog run (pid {os.getpid()}) is writing to {link}; "
        "try again when it has finished, or use --wait."
    )
    assert slow_blog.since(0) == []
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.endswith(".lock")) == [
        "archive.db.lock"
    ]


def test_wait_blocks_until_the_holder_lets_go_then_crawls(
    slow_blog: EvolvingBlog, db_path: Path
) -> None:
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with archive_lock(db_path):
            held.set()
            release.wait(timeout=60)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(timeout=10)
        proc = start(crawl_argv(slow_blog.url, db_path))
        # It says it waits (however long a busy machine takes to start it), and it does.
        assert proc.stderr is not None
        said = proc.stderr.readline()
        time.sleep(0.5)
        assert proc.poll() is None, "it did not wait for the lock"
        assert slow_blog.since(0) == []
    finally:
        release.set()
        holder.join(timeout=10)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, said + err
    assert said == f"another liveblog run (pid {os.getpid()}) is writing to {db_path}; waiting…\n"
    assert out.startswith(f"ok    {slow_blog.url}: 2 pages, 6 new")
    slow_blog.observe(True)
    assert_archive_matches(db_path, slow_blog)
