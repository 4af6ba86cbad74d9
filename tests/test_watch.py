"""`liveblog watch` as a process, and the watchlist commands through CliRunner.

The watch polls, backs off while the blog is unchanged, returns to its base interval when
the blog moves, marks it ended after --idle-after quiet seconds and exits by itself; SIGTERM
lets the pass in flight finish and exits cleanly. `liveblog crawl` without URLs polls only
the watched blogs that are due.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crawler.cli import cli
from tests.evolving import EvolvingBlog, assert_archive_matches, assert_whole_passes, make_update
from tests.helpers import LOCAL_ARGS, env_with_root

WATCH_TIMEOUT = 45.0


def watch_argv(url: str, db: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "crawler", "watch", url, "--db", str(db), *options]


def blog_state(db: Path, url: str) -> tuple[int | None, str, int] | None:
    """(poll_interval, status, passes) of the blog, or None before the archive has it."""
    if not db.exists():
        return None
    # Read-only: a read-write connection closing next to the crawl could checkpoint and
    # delete the WAL under it (see the xfail in test_crash.py); a read-only one never does.
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        row = conn.execute(
            """SELECT b.poll_interval, b.status,
                      (SELECT count(*) FROM fetches f WHERE f.blog_id = b.id)
               FROM blogs b WHERE b.url = ?""",
            [url],
        ).fetchone()
    except sqlite3.OperationalError:  # the schema is being created
        return None
    finally:
        conn.close()
    return None if row is None else (row[0], row[1], row[2])


def test_watch_backs_off_returns_to_base_on_change_and_ends_when_idle(db_path: Path) -> None:
    # One page, so a pass (polite delays on: the watch has no settings flag) takes ~1.5 s.
    # Quiet for more than 6 s is the end: two unchanged passes in a row are not yet.
    with EvolvingBlog([make_update(n) for n in range(6, 0, -1)], page_size=10) as blog:
        watch_until_ended(blog, db_path)


def watch_until_ended(blog: EvolvingBlog, db_path: Path) -> None:
    proc = subprocess.Popen(
        watch_argv(
            blog.url, db_path, "--interval", "1", "--max-interval", "2", "--idle-after", "6"
        ),
        env=env_with_root(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # (passes, poll_interval) each time a pass has been rescheduled.
    seen: list[tuple[int, int | None]] = []
    changed_after: int | None = None
    deadline = time.monotonic() + WATCH_TIMEOUT
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            state = blog_state(db_path, blog.url)
            if state is not None and state[0] is not None:
                interval, _, passes = state
                if not seen or seen[-1] != (passes, interval):
                    seen.append((passes, interval))
                # Backed off to the ceiling while unchanged: now the blog moves.
                if interval == 2 and changed_after is None:
                    blog.add(make_update(7))
                    changed_after = passes
            time.sleep(0.05)
        out, err = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "every watched blog has ended: nothing left to poll." in out
    assert changed_after is not None, seen
    # The interval each pass left behind (the last value sampled while it was the latest):
    # the base after the first pass (it found updates), doubled to the ceiling while
    # unchanged, the base again after the pass that found the new update, then backing off.
    after_pass = {passes: interval for passes, interval in seen}
    intervals = [after_pass[n] for n in sorted(after_pass)]
    assert intervals[: changed_after + 1] == [1, *[2] * (changed_after - 1), 1], seen
    assert intervals[changed_after + 1 :][:1] == [2], seen
    state = blog_state(db_path, blog.url)
    assert state is not None and state[1] == "ended"
    lines = [line for line in out.splitlines() if blog.url in line]
    assert len(lines) == state[2] >= 4
    assert all(line.split()[2] == "ok" for line in lines), out
    assert "1 new" in lines[changed_after], out  # the first pass after the change found it

    # Every pass succeeded; the archive holds the seven updates once each.
    for _ in range(state[2]):
        blog.observe(True)
    assert_archive_matches(db_path, blog)


def watch_then_sigterm(
    blog: EvolvingBlog, db_path: Path, signals: int, timeout: float
) -> tuple[subprocess.Popen[str], str, str]:
    """Start `liveblog watch`, SIGTERM it `signals` times once it fetched, and collect its output."""
    proc = subprocess.Popen(
        watch_argv(blog.url, db_path, "--interval", "1"),
        env=env_with_root(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert blog.wait_for_requests(1, timeout=30), "the watch never fetched"
        for n in range(signals):
            if n:
                time.sleep(0.2)
            proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return proc, out, err


def test_sigterm_lets_the_pass_in_flight_finish_and_exits_cleanly(db_path: Path) -> None:
    with EvolvingBlog([make_update(n) for n in range(6, 0, -1)], delay=0.5) as blog:
        proc, out, err = watch_then_sigterm(blog, db_path, signals=1, timeout=WATCH_TIMEOUT)
        assert "Traceback" not in err and "Traceback" not in out
        # The pass in flight was finished, whole, and the watch stopped after it.
        assert proc.returncode == 0, err
        assert f"ok    {blog.url}: 2 pages, 6 new" in out
        assert out.rstrip().endswith("interrupted: stopped after the last whole pass.")
        blog.observe(True)
        assert_archive_matches(db_path, blog)


def test_a_second_sigterm_abandons_the_pass_cleanly(db_path: Path) -> None:
    """Found by this file: the second signal deadlocked the watch on Popen's lock (9cfff30)."""
    with EvolvingBlog([make_update(n) for n in range(6, 0, -1)], delay=0.5) as blog:
        # Abandoning a pass takes Scrapy a second or two; 8 s is ample.
        proc, out, err = watch_then_sigterm(blog, db_path, signals=2, timeout=8)
    assert proc.returncode in (0, 1), err
    assert "Traceback" not in err and "Traceback" not in out
    conn = sqlite3.connect(db_path, timeout=30)
    try:
        assert_whole_passes(conn)
        updates = conn.execute("SELECT count(*), count(DISTINCT source_id) FROM updates").fetchone()
        assert updates in ((0, 0), (6, 6))
    finally:
        conn.close()


# --- the watchlist through CliRunner -----------------------------------------------------


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> Result:
    """The command, with crawls skipping the polite delays (-s settings)."""
    extra = LOCAL_ARGS if args[0] in ("crawl", "watch") else []
    return runner.invoke(cli, [*args, *extra], catch_exceptions=False)


def test_add_list_remove(runner: CliRunner, db_path: Path) -> None:
    db = str(db_path)
    url = "http://127.0.0.1:9/news/live"
    other = "http://127.0.0.1:9/news/other-live"
    empty = run(runner, "list", "--db", db)
    assert empty.exit_code == 0 and "the watchlist is empty" in empty.output

    assert run(runner, "add", url, "--db", db).output == f"added: {url}\n"
    assert run(runner, "add", url, "--db", db).output == f"already watched: {url}\n"
    assert run(runner, "add", other, "--db", db, "--interval", "60").exit_code == 0
    conn = sqlite3.connect(db_path)
    assert dict(conn.execute("SELECT url, interval FROM blogs").fetchall()) == {
        url: None,
        other: 60,
    }
    conn.close()

    listed = run(runner, "list", "--db", db).output
    assert f"live     {url}\n         last pass never, 0 passes, 0 updates (0 removed)" in listed
    assert f"live     {other}\n" in listed

    removed = run(runner, "remove", url, "--db", db)
    assert removed.output == f"removed from the watchlist (its archive is kept): {url}\n"
    assert f"removed  {url}\n" in run(runner, "list", "--db", db).output
    again = runner.invoke(cli, ["remove", url, "--db", db])
    assert again.exit_code == 1 and "is not on the watchlist" in again.output
    assert "Traceback" not in again.output

    readded = run(runner, "add", url, "--db", db)
    assert readded.output == f"added: {url}\n"  # back on the watchlist
    bad = runner.invoke(cli, ["add", "not a url", "--db", db])
    assert bad.exit_code == 1 and "is not a web address" in bad.output
    too_often = runner.invoke(cli, ["add", url, "--db", db, "--interval", "5"])
    assert too_often.exit_code == 2


def test_crawl_without_urls_runs_only_the_due_blogs(runner: CliRunner, db_path: Path) -> None:
    db = str(db_path)
    nothing = runner.invoke(cli, ["crawl", "--db", db])
    assert nothing.exit_code == 1 and "the watchlist is empty" in nothing.output

    with (
        EvolvingBlog([make_update(n) for n in range(3, 0, -1)], path="/a/live") as a,
        EvolvingBlog([make_update(n) for n in range(5, 0, -1)], path="/b/live") as b,
    ):
        for blog in (a, b):
            assert run(runner, "add", blog.url, "--db", db).exit_code == 0
        both = run(runner, "crawl", "--db", db)
        assert both.exit_code == 0, both.output
        lines = both.output.strip().splitlines()
        assert sorted(line.split()[1] for line in lines) == sorted([f"{a.url}:", f"{b.url}:"])
        assert all(line.startswith("ok  ") for line in lines)

        # Just polled: nobody is due.
        idle = run(runner, "crawl", "--db", db)
        assert idle.exit_code == 0
        assert idle.output == "nothing due: 2 blogs watched, none due yet.\n"

        # Only b comes due; a removed blog is never polled even when due.
        conn = sqlite3.connect(db_path)
        with conn:
            conn.execute(
                "UPDATE blogs SET next_due_at = '2000-01-01T00:00:00.000000Z' WHERE url IN (?, ?)",
                [a.url, b.url],
            )
        conn.close()
        assert run(runner, "remove", a.url, "--db", db).exit_code == 0
        only_b = run(runner, "crawl", "--db", db)
        assert only_b.exit_code == 0, only_b.output
        [line] = only_b.output.strip().splitlines()
        assert line.startswith(f"ok    {b.url}: 2 pages (2 not modified)")
        assert [s.kind for s in a.since(0)] == ["page"]
        assert [s.kind for s in b.since(0)] == ["page", "page", "304", "304"]
        for blog, passes in ((a, 1), (b, 2)):
            for _ in range(passes):
                blog.observe(True)
            assert_archive_matches(db_path, blog)
