"""SIGKILL at the worst moment: the archive opens, holds only whole passes, and loses nothing.

The crawl process (`python -m crawler.process`, what `liveblog crawl` starts) is killed while it
writes a heavy pass (hundreds of new and edited updates in one transaction). The kill is
timed from outside: once the server has sent the last page, the test watches the database's
WAL file and kills the process a few random milliseconds after the transaction starts
writing. The WAL itself then proves where the kill landed: frames after its last commit
frame belong to a transaction that never committed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.db import open_archive
from archive.lock import archive_lock
from crawler.sample.site import Para, SampleUpdate
from tests.evolving import EvolvingBlog, assert_archive_matches, assert_whole_passes, make_update
from tests.helpers import LOCAL, LOCAL_ARGS, crawl_local, env_with_root

pytestmark = pytest.mark.slow  # crawl processes killed and run again

BIG = 600  # updates on the first pass
PAGE = 150  # updates per page: four pages of ~0.7 MB
ATTEMPTS = 5  # at least three unless the budget runs out
BUDGET = 40.0  # seconds for all kill attempts together


def big_update(n: int) -> SampleUpdate:
    return make_update(n, paras=4, words=60)


def uncommitted_frames(wal: Path) -> int:
    """Frames after the WAL's last commit frame (same salts): a transaction cut off mid-write."""
    if not wal.exists():
        return 0
    data = wal.read_bytes()
    if len(data) < 32:
        return 0
    page_size, _, salt1, salt2 = struct.unpack(">IIII", data[8:24])
    frame = 24 + page_size
    pending = 0
    offset = 32
    while offset + frame <= len(data):
        _, commit, s1, s2 = struct.unpack(">IIII", data[offset : offset + 16])
        if (s1, s2) != (salt1, salt2):
            break
        pending = 0 if commit else pending + 1
        offset += frame
    return pending


def fetch_count(db: Path) -> int:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return int(conn.execute("SELECT count(*) FROM fetches").fetchone()[0])
    finally:
        conn.close()


def change_everything(blog: EvolvingBlog, round_: int) -> None:
    """A heavy pass: a page of new updates on top and an edit of every update already there."""
    newest = max(int(u.id[1:]) for u in blog.chronological)
    blog.add(*[big_update(n) for n in range(newest + PAGE, newest, -1)])
    for update in blog.chronological[PAGE:]:
        first = update.blocks[0]
        assert isinstance(first, Para)
        blog.edit(update.id, blocks=[Para(f"Edit {round_}: {first.text}"), *update.blocks[1:]])


def start_crawl(blog: EvolvingBlog, db: Path, tmp: Path) -> subprocess.Popen[bytes]:
    """The crawl process exactly as crawler.process starts it."""
    argv = [
        sys.executable,
        "-m",
        "crawler.process",
        "--db",
        str(db),
        "--results",
        str(tmp / f"results-{time.monotonic_ns()}.jsonl"),
        "--settings",
        json.dumps(LOCAL),
        blog.url,
    ]
    return subprocess.Popen(
        argv, env=env_with_root(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def kill_during_write(
    proc: subprocess.Popen[bytes], blog: EvolvingBlog, mark: int, wal: Path, delay: float
) -> None:
    """SIGKILL `delay` s after the pass's transaction starts writing (at once if it ended)."""
    pages = len(blog.pages())
    deadline = time.monotonic() + 30
    while len(blog.since(mark)) < pages and proc.poll() is None:
        assert time.monotonic() < deadline, "the crawl never fetched the last page"
        time.sleep(0.002)
    base = wal.stat().st_size if wal.exists() else 0
    while proc.poll() is None and time.monotonic() < deadline:
        if (wal.stat().st_size if wal.exists() else 0) > base:
            break
        time.sleep(0.0005)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)


@pytest.fixture
def big_blog() -> Iterator[EvolvingBlog]:
    with EvolvingBlog([big_update(n) for n in range(BIG, 0, -1)], page_size=PAGE) as blog:
        yield blog


def test_a_pass_killed_mid_write_leaves_whole_passes_and_the_next_completes(
    big_blog: EvolvingBlog, db_path: Path, tmp_path: Path
) -> None:
    blog = big_blog
    [first] = crawl_local([blog.url], db_path)
    assert first.ok and first.new == BIG
    blog.observe(True)
    assert_archive_matches(db_path, blog)

    wal = Path(f"{db_path}-wal")
    rng = random.Random(20231102)
    started = time.monotonic()
    no_row = mid_transaction = committed = 0
    pending_change = False
    for attempt in range(ATTEMPTS):
        if not pending_change:
            change_everything(blog, attempt)
            pending_change = True
        before = fetch_count(db_path)
        mark = blog.mark()
        proc = start_crawl(blog, db_path, tmp_path)
        # Later attempts wait longer: the kills sweep the transaction and what follows it.
        kill_during_write(proc, blog, mark, wal, rng.uniform(0.0, 0.04) + 0.03 * attempt)
        cut_off = uncommitted_frames(wal)  # read before anything opens (and recovers) the WAL
        after = fetch_count(db_path)
        if after == before:
            # Killed before its commit: the pass left no trace at all.
            blog.observe(None)
            no_row += 1
            mid_transaction += cut_off > 0
        else:
            assert after == before + 1
            blog.observe(True)
            committed += 1
            pending_change = False
        assert_archive_matches(db_path, blog)
        if (attempt >= 2 and no_row and mid_transaction) or time.monotonic() - started > BUDGET:
            break
    assert no_row >= 1, f"no kill landed before a commit in {attempt + 1} attempts"
    assert mid_transaction >= 1, "no kill provably landed inside the write transaction"

    # The next pass completes and the archive holds every update and version: nothing lost.
    [last] = crawl_local([blog.url], db_path)
    assert last.ok, last.error
    blog.observe(True)
    assert_archive_matches(db_path, blog)
    if pending_change:
        assert last.new == PAGE and last.changed == len(blog.chronological) - PAGE


LIVEBLOG_CRAWL = [sys.executable, "-m", "crawler", "crawl"]


def watch_argv(url: str, db: Path) -> list[str]:
    return [sys.executable, "-m", "crawler", "watch", url, "--db", str(db), "--interval", "1"]


def children_of(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def test_a_killed_watch_takes_its_crawl_with_it_then_the_next_works(db_path: Path) -> None:
    with EvolvingBlog([make_update(n) for n in range(6, 0, -1)], delay=1.0) as blog:
        watcher = subprocess.Popen(
            watch_argv(blog.url, db_path),
            env=env_with_root(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        orphans: list[int] = []
        try:
            # Kill it mid-pass: its crawl process has asked for the first page.
            assert blog.wait_for_requests(1, timeout=30), "the watch never fetched"
            orphans = children_of(watcher.pid)
            watcher.send_signal(signal.SIGKILL)
            watcher.wait(timeout=10)
            assert orphans, "the watch had no crawl process"
            # Its crawl process ends with it, and the lock with them.
            killed = time.monotonic()
            while any(alive(pid) for pid in orphans) and time.monotonic() - killed < 5:
                time.sleep(0.05)
            assert not any(alive(pid) for pid in orphans), "a crawl outlived its watch by 5 s"
            # The slow pages kept the watch mid-pass until it was killed; the next crawl
            # fetches its two pages at once (and without the polite delays: a local blog).
            blog.delay = 0
            crawl = subprocess.run(
                [*LIVEBLOG_CRAWL, blog.url, "--db", str(db_path), *LOCAL_ARGS],
                env=env_with_root(),
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        finally:
            if watcher.poll() is None:
                watcher.kill()
                watcher.wait()
            for pid in orphans:
                wait_gone(pid, timeout=30)
        # The next crawl ran at once; the killed pass was written whole or not at all.
        assert crawl.returncode == 0, crawl.stderr
        assert "waiting" not in crawl.stderr
        assert crawl.stdout.startswith(f"ok    {blog.url}: 2 pages")
        with archive_lock(db_path, wait=False):
            pass
        # Stopping cleanly, the killed crawl may have finished its pass (the next one then
        # found nothing modified), or not.
        for _ in range(2 if "(2 not modified)" in crawl.stdout else 1):
            blog.observe(True)
        assert_archive_matches(db_path, blog)


def wait_gone(pid: int, timeout: float) -> None:
    """Wait for a process we started (indirectly) to exit; kill it by pid past the timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists() or _zombie(pid):
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)


def alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists() and not _zombie(pid)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


def test_a_pass_reported_written_survives_sigkill_after_a_liveblog_list(
    db_path: Path, tmp_path: Path
) -> None:
    open_archive(db_path).close()
    results = tmp_path / "results.jsonl"
    with (
        EvolvingBlog([make_update(n) for n in range(6, 0, -1)], delay=1.0) as quick,
        EvolvingBlog([make_update(n) for n in range(6, 0, -1)], delay=5.0) as slow,
    ):
        argv = [
            sys.executable,
            "-m",
            "crawler.process",
            "--db",
            str(db_path),
            "--results",
            str(results),
            "--settings",
            json.dumps(LOCAL),
            quick.url,
            slow.url,
        ]
        proc = subprocess.Popen(
            argv, env=env_with_root(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            # The crawl has opened the archive (and read its page states): someone looks
            # at the watchlist meanwhile.
            assert quick.wait_for_requests(1, timeout=30)
            listed = subprocess.run(
                [sys.executable, "-m", "crawler", "list", "--db", str(db_path)],
                env=env_with_root(),
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert listed.returncode == 0, listed.stderr
            # The quick blog's pass is committed and reported; the slow one is in flight.
            deadline = time.monotonic() + 30
            while not (results.exists() and results.read_text().strip()):
                assert time.monotonic() < deadline, "the first pass was never reported"
                time.sleep(0.01)
            [reported] = [json.loads(line) for line in results.read_text().splitlines()]
            assert reported["error"] is None and reported["new"] == 6
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    conn = sqlite3.connect(db_path, timeout=30)
    try:
        assert_whole_passes(conn)
        kept = conn.execute("SELECT count(*) FROM fetches").fetchone()[0]
        assert kept == 1, "a pass the crawl reported as written was lost"
        assert conn.execute("SELECT count(*) FROM updates").fetchone()[0] == 6
    finally:
        conn.close()
