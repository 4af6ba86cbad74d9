"""The `liveblog` command through click's CliRunner: output, exit codes, clear errors."""

from __future__ import annotations

import json
import os
import pwd
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from archive.db import default_db_path, open_archive
from archive.records import Update
from archive.store import record_pass
from archive.times import now_utc
from archive.watchlist import add_blog
from crawler.cli import cli
from crawler.overrides import parse_override
from crawler.sample import CANONICAL, SampleBlog
from tests.helpers import (
    LABELS,
    LOCAL_ARGS,
    PAGES,
    URL,
    bpass,
    env_with_root,
    page_folders,
    terminal_signals,
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.slow
def test_crawl_prints_one_line_per_blog_and_exits_0(
    runner: CliRunner, sample_blog: SampleBlog, db_path: Path
) -> None:
    result = runner.invoke(cli, ["crawl", sample_blog.url, "--db", str(db_path), *LOCAL_ARGS])
    assert result.exit_code == 0, result.output
    [line] = result.output.strip().splitlines()
    assert line.startswith(
        f"ok    {sample_blog.url}: 2 pages, 5 new, 0 changed, 0 unchanged, 0 removed ("
    )
    assert Database(db_path)["updates"].count == 5


@pytest.mark.slow
def test_crawl_exits_1_and_names_the_failed_blog(
    runner: CliRunner, sample_blog: SampleBlog, db_path: Path
) -> None:
    missing = sample_blog.origin + "/gone"
    result = runner.invoke(
        cli,
        ["crawl", sample_blog.url, missing, "--db", str(db_path), "--max-pages", "1", *LOCAL_ARGS],
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0].startswith(f"ok    {sample_blog.url}: 1 page, 3 new")
    assert lines[1] == f"FAIL  {missing}: failed: HTTP 404 from {missing}"
    assert "1 of 2 blogs failed." in result.output


@pytest.mark.slow
def test_default_db_follows_liveblog_db(
    runner: CliRunner, sample_blog: SampleBlog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-env" / "a.db"
    monkeypatch.setenv("LIVEBLOG_DB", str(target))
    result = runner.invoke(cli, ["crawl", sample_blog.url, *LOCAL_ARGS])
    assert result.exit_code == 0, result.output
    assert Database(target)["updates"].count == 5


@pytest.mark.slow
def test_default_db_without_env_is_under_xdg_data_home(
    runner: CliRunner, sample_blog: SampleBlog, tmp_path: Path
) -> None:
    result = runner.invoke(cli, ["crawl", sample_blog.url, "--max-pages", "1", *LOCAL_ARGS])
    assert result.exit_code == 0, result.output
    assert Database(tmp_path / "xdg" / "liveblog-archive" / "archive.db")["updates"].count == 3


SETTINGS_REFUSED = [
    (
        "DOWNLOAD_DELAY=abc",
        "DOWNLOAD_DELAY is a number of seconds from 0 to 31622400, not 'abc': give e.g. "
        "-s DOWNLOAD_DELAY=5",
    ),
    ("RETRY_TIMES=abc", "RETRY_TIMES is a whole number, not 'abc': give e.g. -s RETRY_TIMES=2"),
    (
        "ROBOTSTXT_OBEY=maybe",
        "ROBOTSTXT_OBEY is True or False (or 1 or 0), not 'maybe': give e.g. -s ROBOTSTXT_OBEY=True",
    ),
    ("LIVEBLOG_MAX_PAGES=abc", "LIVEBLOG_MAX_PAGES is a number of pages from 1 to 100000"),
    ("LIVEBLOG_MAX_PAGES=99999999999999999999", "LIVEBLOG_MAX_PAGES is a number of pages"),
    (
        "DOWNLOAD_MAXSIZE=abc",
        "DOWNLOAD_MAXSIZE is a whole number, not 'abc': give e.g. -s DOWNLOAD_MAXSIZE=33554432",
    ),
    ("LIVEBLOG_PASS_TIMEOUT=nan", "LIVEBLOG_PASS_TIMEOUT is a number of seconds"),
    ("AUTOTHROTTLE_START_DELAY=-1", "AUTOTHROTTLE_START_DELAY is a number of seconds"),
    ("LIVEBLOG_SNAPSHOTS=yes", "LIVEBLOG_SNAPSHOTS is True or False"),
]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "not a url"], "is not a web address"),
        (["crawl", "ftp://example.org/x"], "is not a web address"),
        # Addresses the URL parser refuses, or a fetch could never reach.
        (["crawl", "https://[bad/live/"], "is not a web address"),
        (["crawl", "http://example.com:99999/live/"], "is not a web address"),
        (["crawl", "https://exa mple.com/live/"], "is not a web address"),
        (["add", "https://[bad/live/"], "is not a web address"),
        (["crawl", "http://127.0.0.1:9/x", "--max-pages", "0"], "Invalid value for '--max-pages'"),
        (["serve", "--db", "/nonexistent/dir/archive.db"], "there is no archive at"),
        # A home folder of no user, a password in the address, a control character.
        *(
            ([command, *extra, "--db", "~no-such-user-here/a.db"], "home folder of a user this")
            for command, extra in (("list", []), ("crawl", []), ("add", [URL]), ("export", []))
        ),
        (["add", "http://editor:s3cret@example.org/live"], "carries no user name or password"),
        (["crawl", "https://editor@example.org/live"], "carries no user name or password"),
        (["add", "http://example.org/live\x01"], "is not a web address"),
        (["crawl", "http://example.org/li\x7fve"], "is not a web address"),
        # A setting read as a number or a switch, named before any crawl starts.
        *(
            (
                ["crawl", "http://127.0.0.1:9/x", "-s", setting],
                f"Invalid value for '-s' / '--set': {said}",
            )
            for setting, said in SETTINGS_REFUSED
        ),
        (
            ["watch", "http://127.0.0.1:9/x", "--set", "RETRY_TIMES=1.5"],
            "Invalid value for '-s' / '--set': RETRY_TIMES is a whole number, not '1.5'",
        ),
        (
            ["worker", "--redis", "redis://127.0.0.1:9/0", "-s", "DOWNLOAD_TIMEOUT=soon"],
            "Invalid value for '-s' / '--set': DOWNLOAD_TIMEOUT is a number of seconds",
        ),
    ],
)
def test_bad_input_gets_a_sentence_not_a_traceback(
    runner: CliRunner, args: list[str], message: str, tmp_path: Path
) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 2 if "Invalid value" in message else result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert "s3cret" not in result.output
    assert isinstance(result.exception, SystemExit)  # a message, not an exception escaping
    assert not (tmp_path / "xdg").exists()  # no archive was made of it


def test_a_liveblog_db_naming_the_home_of_no_user_is_a_sentence(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVEBLOG_DB", "~no-such-user-here/a.db")
    result = runner.invoke(cli, ["list"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: $LIVEBLOG_DB ~no-such-user-here/a.db starts with the home folder of a user this "
        "system does not know: give the archive's path in full, or from your own home (~/…).\n"
    )


NO_HOME = (
    "Error: there is no home folder to keep the archive in ($HOME names no full path, and the "
    "password database knows no home for this user): pass --db PATH, or set $LIVEBLOG_DB (or "
    "$XDG_DATA_HOME).\n"
)
NEEDS_AN_ARCHIVE = [
    ["demo", "--no-serve"],
    ["list"],
    ["crawl", "http://127.0.0.1:9/live"],
    ["serve"],
    ["add", "http://127.0.0.1:9/live"],
    ["remove", "http://127.0.0.1:9/live"],
    ["watch"],
    ["export"],
    ["reparse"],
]


@pytest.mark.parametrize("home", ["", "relative/home"], ids=["empty", "relative"])
@pytest.mark.parametrize("args", NEEDS_AN_ARCHIVE, ids=lambda args: args[0])
def test_no_home_folder_and_no_db_is_a_sentence_and_exit_2(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    args: list[str],
    home: str | None,
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", home)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, args)
    assert (result.exit_code, result.output) == (2, NO_HOME)
    assert isinstance(result.exception, SystemExit)
    assert list(tmp_path.iterdir()) == []  # nothing made where a relative $HOME would point


def test_without_home_the_accounts_home_holds_the_default_archive(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A system service run as root gets no $HOME: the password database's home for the
    account is where the archive lives, as for every program (the path only; nothing made)."""
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.delenv("LIVEBLOG_DB", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    account = Path(pwd.getpwuid(os.getuid()).pw_dir)
    expected = account / ".local" / "share" / "liveblog-archive" / "archive.db"
    assert default_db_path() == expected


def test_without_a_home_folder_xdg_data_home_or_db_is_used(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("HOME", raising=False)
    default = tmp_path / "xdg" / "liveblog-archive" / "archive.db"
    added = runner.invoke(cli, ["add", "http://127.0.0.1:9/live"])
    assert added.exit_code == 0, added.output
    assert "http://127.0.0.1:9/live" in runner.invoke(cli, ["list"]).output
    given = tmp_path / "given.db"
    given.touch()
    monkeypatch.delenv("XDG_DATA_HOME")
    demo = runner.invoke(cli, ["demo", "--no-serve", "--db", str(given)])
    assert (
        demo.output
        == f"Error: {given} exists: the demo needs a new file; remove it or give another --db.\n"
    )
    assert default.is_file() and given.read_bytes() == b""


@pytest.mark.slow
def test_crawling_a_removed_blog_by_its_url_puts_it_back_on_the_watchlist(
    runner: CliRunner, db_path: Path
) -> None:
    """As `crawl URL` puts a new blog on the watchlist, so it does one removed from it."""
    blog = "http://127.0.0.1:9/live"  # nothing listens: the pass fails, the blog is back
    assert runner.invoke(cli, ["add", blog, "--db", str(db_path)]).exit_code == 0
    assert runner.invoke(cli, ["remove", blog, "--db", str(db_path)]).exit_code == 0
    crawled = runner.invoke(cli, ["crawl", blog, "--db", str(db_path), *LOCAL_ARGS])
    assert crawled.exit_code == 1 and crawled.output.startswith(f"FAIL  {blog}: failed: ")
    listed = runner.invoke(cli, ["list", "--db", str(db_path)])
    assert listed.output.startswith(f"live     {blog}\n"), listed.output


def test_settings_scrapy_reads_as_it_does_are_passed_on_as_given() -> None:
    """Each value Scrapy's Settings reads as a number or a switch is taken, and a setting
    read as text is passed on unchecked."""
    for text in (
        "DOWNLOAD_DELAY=0.25",
        "DOWNLOAD_TIMEOUT=30",
        "RETRY_TIMES= 3",
        "ROBOTSTXT_OBEY=false",
        "AUTOTHROTTLE_ENABLED=0",
        "LIVEBLOG_CONDITIONAL=True",
        "LIVEBLOG_MAX_PAGES=100000",
        "USER_AGENT=my crawler (+mailto:me@example.org)",
        "LOG_LEVEL=WARNING",
    ):
        name, _, value = text.partition("=")
        assert parse_override(text) == (name, value)


def test_a_file_that_is_not_sqlite_is_refused_and_kept(runner: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("my precious notes, not a database\n" * 50)
    result = runner.invoke(cli, ["crawl", "http://127.0.0.1:9/live", "--db", str(notes)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "Error:" in result.output
    assert notes.read_text().startswith("my precious notes")


@pytest.mark.slow
def test_demo_without_serving_tells_the_story(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "demo" / "archive.db"
    result = runner.invoke(cli, ["demo", "--no-serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "pass 1:" in out and "pass 3:" in out
    assert "2 pages, 4 new, 0 changed" in out
    assert "2 pages, 1 new, 0 changed, 4 unchanged" in out
    # Page 2 did not change: it answers 304 and is not re-read.
    assert "2 pages (1 not modified), 0 new, 1 changed, 2 unchanged" in out
    assert "2 versions  Belgium says it will not approve EU-Canada trade deal" in out
    assert "1 blog, 5 updates, 6 versions, 3 passes in the fetch log." in out
    # The permalinks are ITV News's, not the sample server's, gone once the demo serves.
    archive = Database(db)
    permalinks = [r["permalink"] for r in archive.query("SELECT permalink FROM updates")]
    assert len(permalinks) == 5
    assert all(p.startswith(CANONICAL + "#update-") for p in permalinks), permalinks
    assert [r["canonical_url"] for r in archive.query("SELECT canonical_url FROM blogs")] == [
        CANONICAL
    ]
    archive.close()
    # The demo refuses to overwrite a file it did not make.
    again = runner.invoke(cli, ["demo", "--no-serve", "--db", str(db)])
    assert again.exit_code == 1 and "the demo needs a new file" in again.output


def test_demo_checks_its_port_before_crawling(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "demo" / "archive.db"
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = runner.invoke(cli, ["demo", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    [line] = result.output.splitlines()
    assert line.startswith(f"Error: port {port} on 127.0.0.1 is taken: give another, e.g. ")
    suggested = int(line.rsplit("--port ", 1)[1].rstrip("`."))
    assert suggested != port
    assert not db.exists()  # nothing was crawled


def test_serve_checks_its_port_and_host_before_starting(runner: CliRunner, db_path: Path) -> None:
    """As the demo does: one sentence, not uvicorn's startup lines and then its error."""
    open_archive(db_path).close()
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = runner.invoke(cli, ["serve", "--db", str(db_path), "--port", str(port)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    [line] = result.output.splitlines()
    assert line.startswith(f"Error: port {port} on 127.0.0.1 is taken: give another, e.g. ")
    assert int(line.rsplit("liveblog serve --port ", 1)[1].rstrip("`.")) != port
    unknown = runner.invoke(cli, ["serve", "--db", str(db_path), "--host", "nosuch.invalid"])
    assert unknown.exit_code == 1
    assert unknown.output.startswith("Error: cannot listen on 'nosuch.invalid', which names no ")
    assert unknown.output.endswith(
        ": give `liveblog serve --host` an address of this machine, e.g. 127.0.0.1.\n"
    )
    assert len(unknown.output.splitlines()) == 1


def test_counts_in_the_output_are_singular_for_one(runner: CliRunner, db_path: Path) -> None:
    archive = open_archive(db_path)
    add_blog(archive, URL, None, now_utc())
    record_pass(archive, bpass([Update(source_id="1", headline="Polls open", body_text="Now.")]))
    archive.execute("UPDATE blogs SET next_due_at = '2999-01-01T00:00:00.000000Z'")
    archive.conn.commit()
    archive.close()
    listed = runner.invoke(cli, ["list", "--db", str(db_path)])
    assert "1 pass, 1 update (0 removed)" in listed.output, listed.output
    idle = runner.invoke(cli, ["crawl", "--db", str(db_path)])
    assert idle.output == "nothing due: 1 blog watched, none due yet.\n"


def test_eval_prints_the_table_and_fails_below_the_threshold(
    runner: CliRunner, tmp_path: Path
) -> None:
    pages = [arg for folder in page_folders() for arg in ("--pages", str(folder))]
    result = runner.invoke(cli, ["eval", "--labels", str(LABELS), *pages, "--min-score", "0"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].split()[:6] == ["page", "labelled", "found", "matched", "precision", "recall"]
    assert lines[-1].startswith("overall")
    # A label the extractor cannot meet: an update the page does not have.
    labels = tmp_path / "labels"
    labels.mkdir()
    src = LABELS / "express-royals-2024-07-18.html.json"
    data = json.loads(src.read_text())
    data["updates"].append(
        {
            "id": "live-nope",
            "headline": "Not on the page",
            "published_at": "2024-07-18T00:00:00Z",
            "body_start": "x",
        }
    )
    (labels / src.name).write_text(json.dumps(data))
    weak = runner.invoke(cli, ["eval", "--labels", str(labels), *pages])
    assert weak.exit_code == 1 and "below 0.98: express-royals-2024-07-18.html" in weak.output


def test_eval_names_a_labelled_page_that_no_folder_holds(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["eval", "--labels", str(LABELS), "--pages", str(PAGES)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output == (
        "Error: corkbeo-level3-2020-10-06.html.json names the page "
        f"corkbeo-level3-2020-10-06.html, which is in none of the page folders ({PAGES}): "
        "give the folder that holds it with another --pages.\n"
    )
    missing = runner.invoke(cli, ["eval", "--pages", str(PAGES)])
    assert missing.exit_code == 2 and "Missing option '--labels'" in missing.output


@pytest.mark.parametrize(
    "args",
    [["crawl", "http://127.0.0.1:1/live"], ["add", "http://127.0.0.1:1/live"]],
    ids=lambda args: args[0],
)
def test_an_archive_another_program_holds_locked_is_a_sentence(
    runner: CliRunner, db_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """An analyst's sqlite3 shell, or a database browser with unsaved edits, holding a write
    transaction open: the command waits its busy timeout, then says so, with no traceback."""
    open_archive(db_path).close()
    monkeypatch.setattr("archive.db.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = runner.invoke(cli, [*args, "--db", str(db_path)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"Error: the archive {db_path} is locked by another program")
    assert Database(db_path)["blogs"].count == 0


def _tear_table(db_path: Path, table: str) -> None:
    """Overwrite the first page of `table` in the archive's file, its header left whole, as a
    failing disk or a copy made mid-write does: SQLite says "database disk image is malformed"
    only when a command reads that table."""
    db = open_archive(db_path)
    [(root,)] = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchall()
    [(size,)] = db.execute("PRAGMA page_size").fetchall()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with db_path.open("r+b") as archive:
        archive.seek((root - 1) * size)
        archive.write(b"\xa5" * size)


@pytest.mark.parametrize(
    "args",
    [["crawl", "http://127.0.0.1:1/live"], ["crawl"], ["list"], ["add", "http://127.0.0.1:1/b"]],
    ids=lambda args: " ".join(args[:2])[:12],
)
def test_an_archive_damaged_inside_is_a_sentence(
    runner: CliRunner, db_path: Path, args: list[str]
) -> None:
    """A disk or a copy that damaged a page of a table, the file's header whole: SQLite says
    "database disk image is malformed" only when a command reads that table."""
    db = open_archive(db_path)
    add_blog(db, "http://127.0.0.1:1/live", 300, now_utc())
    db.close()
    _tear_table(db_path, "blogs")
    result = runner.invoke(cli, [*args, "--db", str(db_path)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"Error: the archive {db_path} is damaged"), line


@pytest.mark.slow
@pytest.mark.parametrize("table", ["updates", "fetches"])
def test_a_pass_that_meets_a_table_damaged_inside_fails_with_the_sentence(
    runner: CliRunner, sample_blog: SampleBlog, db_path: Path, table: str
) -> None:
    """A torn table only the crawl process reads or writes (a pass's updates, its fetch log):
    the pass fails naming the damage, not as a crawl that ended before it finished."""
    assert runner.invoke(cli, ["crawl", sample_blog.url, "--db", str(db_path), *LOCAL_ARGS])
    _tear_table(db_path, table)
    result = runner.invoke(cli, ["crawl", sample_blog.url, "--db", str(db_path), *LOCAL_ARGS])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(
        f"FAIL  {sample_blog.url}: failed: the archive {db_path} is damaged"
    ), result.output


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_demo_interrupted_mid_crawl_says_so_and_leaves_nothing(
    tmp_path: Path, signum: int
) -> None:
    """Ctrl-C, or SIGTERM, while the demo crawls: one sentence and 130, as `crawl` says it;
    the crawl process is stopped, and no `.liveblog-run-*` folder is left beside the archive."""
    db = tmp_path / "demo" / "archive.db"
    cli_run = subprocess.Popen(
        [sys.executable, "-m", "crawler", "demo", "--no-serve", "--db", str(db)],
        env=env_with_root(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=terminal_signals(),
    )
    assert cli_run.stdout is not None
    while not cli_run.stdout.readline().startswith("Archive:"):
        assert cli_run.poll() is None, "the demo ended before it crawled"
    cli_run.send_signal(signum)
    _, err = cli_run.communicate(timeout=60)
    assert cli_run.returncode == 130, err
    assert err == "interrupted: the demo stopped before its passes were done; run it again.\n"
    assert not list(db.parent.glob(".liveblog-run-*"))
