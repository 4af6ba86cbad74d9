"""`liveblog watch` as a process, and the watchlist commands through CliRunner.

The polling policy (back off while a blog is unchanged, return to the base interval when it
moves, end it after --idle-after quiet seconds) is checked through `reschedule` at times the
test chooses, so no result depends on how fast a pass runs. A real watch polls until its blog
has ended and exits by itself; SIGTERM lets the pass in flight finish and exits cleanly.
`liveblog crawl` without URLs polls only the watched blogs that are due.
"""

from __future__ import annotations

import dataclasses
import json
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from click.testing import CliRunner, Result

from archive.db import open_archive
from archive.records import Update
from archive.store import newest_blocks, page_states, record_pass
from archive.times import utc_stamp
from archive.watchlist import (
    LONGEST,
    MOST_PAGES,
    Policy,
    add_blog,
    due_blogs,
    reschedule,
    watched,
)
from crawler.cli import cli
from tests.evolving import EvolvingBlog, assert_archive_matches, assert_whole_passes, make_update
from tests.helpers import LOCAL_ARGS, URL, bpass, env_with_root

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


# --- the polling policy, at times the test chooses ------------------------------------------

POLICY = Policy(interval=60, max_interval=240, idle_after=3600)
T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def minute(m: float) -> datetime:
    return T0 + timedelta(minutes=m)


def story(n: int) -> Update:
    return Update(
        source_id=str(n),
        headline=f"Update {n}",
        body_text=f"The body of update {n}.",
        published_at=f"2024-05-01T11:{n:02d}:00Z",
    )


def poll_at(
    db: sqlite_utils.Database, m: float, updates: list[Update], **kw: Any
) -> tuple[int, str]:
    """A pass started at minute m, rescheduled at its end, 30 s later: (interval, status)."""
    result = record_pass(db, bpass(updates, at=f"{minute(m):%Y-%m-%dT%H:%M:%SZ}", **kw))
    now = minute(m) + timedelta(seconds=30)
    reschedule(db, result, POLICY, now)
    interval, status = db.execute(
        "SELECT poll_interval, status FROM blogs WHERE url = ?", [URL]
    ).fetchone()
    if status == "live":
        # Due exactly `interval` seconds after the pass, not a moment before.
        assert due_blogs(db, now + timedelta(seconds=interval - 1)) == []
        assert due_blogs(db, now + timedelta(seconds=interval)) == [URL]
    return interval, status


def test_unchanged_passes_back_off_a_change_returns_to_base_and_quiet_ends(
    tmp_path: Path,
) -> None:
    db = open_archive(tmp_path / "archive.db")
    seen = [story(1)]
    # The first pass finds updates: the base interval.
    assert poll_at(db, 0, seen) == (60, "live")
    # Unchanged: the interval doubles, up to the ceiling.
    assert poll_at(db, 2, seen) == (120, "live")
    assert poll_at(db, 5, seen) == (240, "live")
    assert poll_at(db, 10, seen) == (240, "live")
    # The blog moves: back to the base; the quiet time starts again from this pass.
    seen = [story(2), *seen]
    assert poll_at(db, 15, seen) == (60, "live")
    assert poll_at(db, 17, seen) == (120, "live")
    # Quiet for exactly --idle-after at the end of the pass: not yet over.
    assert poll_at(db, 74.5, seen) == (240, "live")
    # Quiet for longer: ended, and no longer polled or due.
    assert poll_at(db, 75, seen) == (240, "ended")
    assert watched(db) == []
    assert due_blogs(db, minute(24 * 60)) == []


def test_a_failed_pass_backs_off_and_never_ends_a_blog(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "archive.db")
    assert poll_at(db, 0, [story(1)]) == (60, "live")
    # Hours later, but the pass failed: it says nothing about whether the blog went quiet.
    assert poll_at(db, 300, [], error="HTTP 503 from " + URL, status=503) == (120, "live")
    assert poll_at(db, 301, [story(1)]) == (240, "ended")


def test_a_blogs_own_interval_is_its_base(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "archive.db")
    add_blog(db, URL, 300, minute(0))
    # Its base is above the policy's ceiling: it neither backs off below it nor above it.
    assert poll_at(db, 0, [story(1)]) == (300, "live")
    assert poll_at(db, 10, [story(1)]) == (300, "live")
    assert poll_at(db, 20, [story(2), story(1)]) == (300, "live")


def test_intervals_an_archive_holds_beyond_a_year_are_read_as_a_year(tmp_path: Path) -> None:
    """A blog's interval or back-off stored out of range (an archive written before the
    command line bounded them, or by hand) reschedules a year ahead, never an OverflowError
    on every pass; so does a policy built with an idle time past any date."""
    db = open_archive(tmp_path / "archive.db")
    add_blog(db, URL, None, minute(0))
    db.execute("UPDATE blogs SET interval = ?, poll_interval = ?", [2**63 - 1, 10**15])
    db.conn.commit()
    result = record_pass(db, bpass([story(1)], at=f"{minute(0):%Y-%m-%dT%H:%M:%SZ}"))
    reschedule(db, result, Policy(idle_after=10**14), minute(1))
    assert db.execute("SELECT poll_interval, status FROM blogs").fetchone() == (LONGEST, "live")
    assert due_blogs(db, minute(1) + timedelta(seconds=LONGEST - 1)) == []
    assert due_blogs(db, minute(1) + timedelta(seconds=LONGEST)) == [URL]


@pytest.mark.parametrize(
    "args",
    [
        ["add", URL, "--interval", "9223372036854775807"],
        ["add", URL, "--interval", str(LONGEST + 1)],
        ["add", URL, "--max-pages", "99999999999999999999"],
        ["crawl", URL, "--max-pages", str(MOST_PAGES + 1)],
        ["crawl", URL, "--notify-every", "100000000000000"],
        ["watch", URL, "--idle-after", "100000000000000"],
        ["watch", URL, "--interval", "9223372036854775807"],
        ["watch", URL, "--max-interval", str(LONGEST + 1)],
        ["watch", URL, "--max-pages", str(MOST_PAGES + 1)],
        ["schedule", "--redis", "redis://127.0.0.1:9/0", "--idle-after", "100000000000000"],
        ["schedule", "--redis", "redis://127.0.0.1:9/0", "--max-pages", "99999999999999999999"],
        ["write", "--redis", "redis://127.0.0.1:9/0", "--notify-every", "100000000000000"],
    ],
)
def test_numbers_past_their_bound_are_refused_before_anything_is_stored(
    db_path: Path, args: list[str]
) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", str(db_path)])
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--" in result.output and "is not in the range" in result.output
    assert "Traceback" not in result.output
    assert not db_path.exists()


def test_the_largest_values_allowed_are_stored_and_polled(db_path: Path) -> None:
    added = CliRunner().invoke(
        cli,
        [
            "add",
            URL,
            "--db",
            str(db_path),
            "--interval",
            str(LONGEST),
            "--max-pages",
            str(MOST_PAGES),
        ],
    )
    assert added.exit_code == 0, added.output
    db = open_archive(db_path)
    result = record_pass(db, bpass([story(1)], at=f"{minute(0):%Y-%m-%dT%H:%M:%SZ}"))
    reschedule(db, result, Policy(LONGEST, LONGEST, LONGEST), minute(1))
    assert db.execute("SELECT poll_interval FROM blogs").fetchone() == (LONGEST,)


# --- `liveblog watch` as a process ---------------------------------------------------------


@pytest.mark.slow
def test_watch_polls_until_its_blog_is_quiet_then_exits_by_itself(db_path: Path) -> None:
    """The real command, end to end, with assertions that hold however long a pass takes.

    Quiet for more than a second has ended the blog by the second pass (unchanged, at least
    the one-second interval after the first); the first may already end it if it took longer
    than a second. Either way the interval left is the base after the pass that found the
    updates, doubled after an unchanged one.
    """
    with EvolvingBlog([make_update(n) for n in range(6, 0, -1)], page_size=10) as blog:
        argv = watch_argv(
            blog.url, db_path, "--interval", "1", "--max-interval", "2", "--idle-after", "1"
        )
        out = subprocess.run(
            [*argv, *LOCAL_ARGS],
            env=env_with_root(),
            capture_output=True,
            text=True,
            timeout=WATCH_TIMEOUT,
            check=False,
        )
        assert out.returncode == 0, out.stderr
        assert "Traceback" not in out.stderr
        assert out.stdout.rstrip().endswith("every watched blog has ended: nothing left to poll.")
        state = blog_state(db_path, blog.url)
        assert state is not None
        interval, status, passes = state
        assert status == "ended"
        lines = [line for line in out.stdout.splitlines() if blog.url in line]
        assert len(lines) == passes in (1, 2), out.stdout
        assert all(line.split()[2] == "ok" for line in lines), out.stdout
        assert "6 new" in lines[0], out.stdout
        assert interval == (1 if passes == 1 else 2)
        for _ in range(passes):
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


@pytest.mark.slow
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


@pytest.mark.slow
def test_a_second_sigterm_abandons_the_pass_cleanly(db_path: Path) -> None:
    """A second signal abandons the pass without the handler waiting on Popen's lock."""
    with EvolvingBlog([make_update(n) for n in range(6, 0, -1)], delay=0.5) as blog:
        # Abandoning a pass takes Scrapy a second or two; 8 s is ample.
        proc, out, err = watch_then_sigterm(blog, db_path, signals=2, timeout=8)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Traceback" not in out
    assert (
        out == "interrupted again: stopped at once; a pass not yet written was abandoned whole.\n"
    )
    conn = sqlite3.connect(db_path, timeout=30)
    try:
        assert_whole_passes(conn)
        # The pass was under way (each page takes 0.5 s): nothing of it was written.
        updates = conn.execute("SELECT count(*) FROM updates").fetchone()
        assert updates == (0,)
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
    # Listing or removing creates no archive where there is none; adding does.
    for args in (["list"], ["remove", url]):
        missing = runner.invoke(cli, [*args, "--db", db])
        assert missing.exit_code == 1 and f"there is no archive at {db}" in missing.output
    assert not db_path.exists()
    open_archive(db_path).close()  # an archive, nothing watched yet
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


def test_a_blogs_scheme_and_host_in_any_case_are_one_blog(runner: CliRunner, db_path: Path) -> None:
    """RFC 3986: scheme and host ignore case, path and query do not."""
    db = str(db_path)
    shouted, url = "HTTP://News.Example.com/live/X?Page=1", "http://news.example.com/live/X?Page=1"
    assert run(runner, "add", shouted, "--db", db).output == f"added: {shouted}\n"
    assert run(runner, "add", url, "--db", db).output == f"already watched: {url}\n"
    other_path = "http://news.example.com/live/x?page=1"
    assert run(runner, "add", other_path, "--db", db).output == f"added: {other_path}\n"
    conn = sqlite3.connect(db_path)
    assert {r[0] for r in conn.execute("SELECT url FROM blogs")} == {url, other_path}
    conn.close()
    exported = run(runner, "export", "--blog", "hTTp://NEWS.example.COM/live/X?Page=1", "--db", db)
    assert exported.exit_code == 0 and exported.output == ""
    assert run(runner, "remove", "Http://NEWS.EXAMPLE.COM/live/X?Page=1", "--db", db).exit_code == 0
    assert f"removed  {url}\n" in run(runner, "list", "--db", db).output


def test_a_blog_an_older_archive_kept_with_a_capital_host_is_found_by_either_spelling(
    runner: CliRunner, db_path: Path
) -> None:
    """Its stored URL is its identity (its rows hang on it): found, never rewritten."""
    kept, url = "HTTP://News.Example.com/live/x", "http://news.example.com/live/x"
    db = open_archive(db_path)
    db.execute(
        "INSERT INTO blogs (url, first_seen_at, next_due_at) VALUES (?, ?, ?)",
        [kept, "2024-05-01T11:00:00Z", "2024-05-01T11:00:00Z"],
    )
    db.conn.commit()
    (blog_id,) = db.execute("SELECT id FROM blogs").fetchone()
    # A pass as the spider reports it: the URL folded.
    block = Update(
        source_id="block-1",
        headline="Storm",
        body_text="Gales.",
        body_html="<p>Gales.</p>",
        published_at="2024-05-01T11:30:00Z",
    )
    result = record_pass(db, dataclasses.replace(bpass([block]), url=url))
    assert result.ok and result.blog_id == blog_id
    assert list(page_states(db, url)) == [URL]
    assert newest_blocks(db, [url]) == {url: "block-1"}
    assert due_blogs(db, datetime(2024, 5, 2, tzinfo=UTC), among=[url]) == [kept]
    now = datetime(2024, 5, 1, 12, tzinfo=UTC)
    reschedule(db, result, Policy(), now)
    assert db.execute("SELECT url, count(*), max(next_due_at) FROM blogs").fetchone() == (
        kept,
        1,
        utc_stamp(now + timedelta(seconds=Policy().interval)),
    )
    db.close()
    assert run(runner, "add", url, "--db", str(db_path)).output == f"already watched: {url}\n"
    exported = run(runner, "export", "--blog", url, "--db", str(db_path))
    assert [json.loads(line)["blog_url"] for line in exported.output.splitlines()] == [kept]
    assert run(runner, "remove", url, "--db", str(db_path)).exit_code == 0
    assert f"removed  {kept}\n" in run(runner, "list", "--db", str(db_path)).output
    assert sqlite_utils.Database(db_path).execute("SELECT url FROM blogs").fetchall() == [(kept,)]


@pytest.mark.slow
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


def test_list_neither_migrates_nor_writes_an_archive_an_older_version_wrote(
    runner: CliRunner, db_path: Path
) -> None:
    open_archive(db_path).close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm0012_page_newest'")
    conn.close()
    kept = db_path.read_bytes()
    result = runner.invoke(cli, ["list", "--db", str(db_path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: the archive {db_path} was written by an older liveblog-archive: bring it up "
        f"to date with a command that writes to it, e.g. `liveblog crawl --db {db_path}`, "
        "then list it.\n"
    )
    assert db_path.read_bytes() == kept


def test_watch_with_nothing_on_the_watchlist_says_so_as_crawl_does(
    runner: CliRunner, db_path: Path
) -> None:
    """A mistyped --db, or a watchlist whose blogs were all removed: not "every watched blog
    has ended" and exit 0, but the sentence crawl gives, and exit 1."""
    empty = "Error: the watchlist is empty: add blogs with `liveblog add URL`, or give URLs.\n"
    for command in ("crawl", "watch"):
        result = runner.invoke(cli, [command, "--db", str(db_path)])
        assert (result.exit_code, result.output) == (1, empty), command
    assert run(runner, "add", URL, "--db", str(db_path)).exit_code == 0
    assert run(runner, "remove", URL, "--db", str(db_path)).exit_code == 0
    removed = runner.invoke(cli, ["watch", "--db", str(db_path)])
    assert (removed.exit_code, removed.output) == (1, empty)
    # A blog on the watchlist that has ended leaves nothing to poll: that is no error.
    assert run(runner, "add", URL, "--db", str(db_path)).exit_code == 0
    db = open_archive(db_path)
    db.execute("UPDATE blogs SET status = 'ended'")
    db.conn.commit()
    db.close()
    for command in ("watch", "crawl"):  # (crawl had said "the watchlist is empty", exit 1)
        ended = runner.invoke(cli, [command, "--db", str(db_path)])
        assert ended.exit_code == 0, command
        assert ended.output.endswith("every watched blog has ended: nothing left to poll.\n")
