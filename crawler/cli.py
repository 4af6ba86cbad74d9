"""The `liveblog` command: a thin layer over the archive and crawler libraries; each command
parses its options and calls one function that the tests call too."""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import sqlite3
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from urllib.parse import urlsplit

import click
import sqlite_utils

from archive.db import (
    ArchiveError,
    NoHomeError,
    archive_path,
    check_archive,
    checked_archive,
    damaged,
    disk_errors,
    new_archive_id,
    open_archive,
)
from archive.lock import ArchiveBusyError, archive_lock
from archive.records import PassResult, blog_url
from archive.times import now_utc
from archive.watchlist import (
    DEFAULT_IDLE_AFTER,
    DEFAULT_INTERVAL,
    DEFAULT_MAX_INTERVAL,
    LONGEST,
    MOST_PAGES,
    BlogSettings,
    Policy,
    add_blog,
    on_watchlist,
    read_blog_table,
    remove_blog,
    watched,
)
from crawler.cluster import ClusterError
from crawler.notify import DEFAULT_EVERY, DEFAULT_PUBLIC_URL, Alerts, AlertSettings, valid_url
from crawler.overrides import OverrideError, parse_override
from crawler.process import CrawlError
from crawler.watch import Interrupts, PassAbandoned, run_due_passes, watch
from crawler.words import counted

# sysexits' EX_TEMPFAIL: another run holds the archive; try again later.
EXIT_BUSY = 75
EXIT_INTERRUPTED = 130  # as a shell reports a command that SIGINT ended

DB_HELP = "The archive's SQLite file (default: $LIVEBLOG_DB, else ~/.local/share/liveblog-archive/archive.db)."


def db_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=DB_HELP,
    )(func)


class NoDefaultArchive(click.ClickException):
    """No --db and no home folder to keep the default archive in: exit 2, as a usage error."""

    exit_code = 2


def archive_at(db_path: Path | None, default: Callable[[], Path] | None = None) -> Path:
    """The archive a command reads or writes (--db, else the default), or a one-sentence error."""
    try:
        return default() if default is not None and not db_path else archive_path(db_path)
    except NoHomeError as exc:
        raise NoDefaultArchive(str(exc)) from exc
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc


def check_url(url: str, *, adding: bool = True) -> str:
    """The blog's address, stripped, or a one-sentence refusal.

    An address the URL parser refuses (an unclosed `[`), a port past 65535, a space or a
    control character, and a user name or password (which no pass sends) are refused here,
    not by a traceback, a fetch that can never start or an archive that keeps them. A blog
    already watched (`adding` False: `remove`) is found as an earlier version stored it.
    """
    address = url.strip()
    try:
        parts = urlsplit(address)
        web = parts.scheme in ("http", "https") and bool(parts.hostname)
        web = web and parts.port != 0  # reading the port checks its range
    except ValueError:
        web = False
    control = adding and any(unicodedata.category(c) == "Cc" for c in address)
    if not web or control or any(c.isspace() for c in address):
        raise click.ClickException(
            f"{url!r} is not a web address: give the live blog's http(s) URL."
        )
    if adding and (parts.username is not None or parts.password is not None):
        raise click.ClickException(
            f"{parts.scheme}://{parts.hostname}…: a blog's address carries no user name or "
            "password (a pass never sends them): give it without them, or send what the site "
            "asks for with `liveblog add URL --header`."
        )
    return address


def format_result(result: PassResult) -> str:
    return f"{'ok  ' if result.ok else 'FAIL'}  {result.url}: {result.summary()}"


@click.group()
@click.version_option(package_name="liveblog-archive")
def cli() -> None:
    """Archive news live blogs faithfully over time, and publish the archive with Datasette."""


def max_pages_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--max-pages",
        type=click.IntRange(min=1, max=MOST_PAGES),
        default=None,
        help="Fetch at most this many pages of each blog per pass "
        f"(default 20, at most {MOST_PAGES}).",
    )(func)


def wait_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--wait/--no-wait",
        default=True,
        show_default=True,
        help="When another liveblog run is writing to the archive: wait for it, or exit "
        f"with status {EXIT_BUSY}.",
    )(func)


def parse_settings(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, object]:
    """-s NAME=VALUE pairs as Scrapy setting overrides, as `scrapy crawl -s` takes them; a
    value a setting read as a number or a switch cannot take is refused, naming it."""
    settings: dict[str, object] = {}
    for value in values:
        try:
            name, setting = parse_override(value)
        except OverrideError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc
        settings[name] = setting
    return settings


# An HTTP header's name: a token (RFC 9110, section 5.1).
HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def parse_headers(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> list[tuple[str, str]]:
    """--header 'Name: value' pairs, as curl takes them."""
    headers: list[tuple[str, str]] = []
    for value in values:
        name, colon, text = value.partition(":")
        if not colon or not HEADER_NAME.fullmatch(name.strip()) or "\n" in value or "\r" in value:
            raise click.BadParameter(
                f"{value!r} is not 'Name: value': give e.g. --header 'Cookie: consent=1'",
                ctx=ctx,
                param=param,
            )
        headers.append((name.strip(), text.strip()))
    return headers


def render_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--render",
        is_flag=True,
        help="Fetch through a headless browser (chromium) that runs the page's script and "
        "clicks its \"Load more\"; needs pip install 'liveblog-archive[render]'.",
    )(func)


def settings_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "-s",
        "--set",
        "settings",
        multiple=True,
        metavar="NAME=VALUE",
        callback=parse_settings,
        help="A Scrapy setting for this run, e.g. -s DOWNLOAD_DELAY=5 (repeatable).",
    )(func)


def policy_options(func: click.decorators.FC) -> click.decorators.FC:
    """--interval, --max-interval, --idle-after: how often a blog is polled and when it ends."""
    options = (
        click.option(
            "--interval",
            type=click.IntRange(min=1, max=LONGEST),
            default=DEFAULT_INTERVAL,
            show_default=True,
            help="Base seconds between passes; it backs off while a blog is unchanged.",
        ),
        click.option(
            "--max-interval",
            type=click.IntRange(min=1, max=LONGEST),
            default=DEFAULT_MAX_INTERVAL,
            show_default=True,
            help="The back-off stops at this many seconds.",
        ),
        click.option(
            "--idle-after",
            type=click.IntRange(min=1, max=LONGEST),
            default=DEFAULT_IDLE_AFTER,
            show_default=True,
            help="A blog unchanged for this many seconds has ended and is no longer polled.",
        ),
    )
    for option in reversed(options):
        func = option(func)
    return func


def parse_notify(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[str]:
    """--notify URLs that Apprise can send to."""
    for value in values:
        if not valid_url(value):
            raise click.BadParameter(
                f"{value!r} is not an Apprise URL: give e.g. ntfy://my-topic, "
                "mailto://user:password@example.org or json://host/path",
                ctx=ctx,
                param=param,
            )
    return list(values)


def notify_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--notify",
        "notify",
        multiple=True,
        metavar="URL",
        callback=parse_notify,
        help="An Apprise URL told of each blog's new, edited and removed updates after a pass "
        "(repeatable), e.g. ntfy://my-topic or mailto://user:password@example.org.",
    )(func)


def alert_options(func: click.decorators.FC) -> click.decorators.FC:
    func = click.option(
        "--public-url",
        default=DEFAULT_PUBLIC_URL,
        show_default=True,
        help="Where `liveblog serve` publishes the archive: alerts link to the blog's timeline there.",
    )(func)
    func = click.option(
        "--notify-every",
        type=click.IntRange(min=0, max=LONGEST),
        default=DEFAULT_EVERY,
        show_default=True,
        help="At most one alert per blog this many seconds; changes in between wait for the next.",
    )(func)
    return notify_option(func)


def make_alerts(path: Path, notify: list[str], every: int, public_url: str) -> Alerts:
    """Alerts for every blog (--notify) and each blog's own (`liveblog add --notify`)."""
    return Alerts(path, AlertSettings(notify, every, public_url), warn=say_on_stderr)


@contextmanager
def user_errors(path: Path | None = None) -> Iterator[None]:
    """Errors a user can fix as one sentence: a busy archive with --no-wait exits 75; with the
    archive's `path`, one SQLite finds damaged inside too."""
    try:
        yield
    except ArchiveBusyError as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(EXIT_BUSY) from exc
    except (ArchiveError, CrawlError) as exc:
        raise click.ClickException(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        broken = damaged(path, exc) if path is not None else None
        if broken is None:
            raise
        raise click.ClickException(str(broken)) from exc


@contextmanager
def rewritten_archive(
    db_path: Path | None, wait: bool
) -> Iterator[tuple[Path, sqlite_utils.Database]]:
    """The archive a command rewrites in place (reparse, new-id): one that exists and is an
    archive (an unrelated database is not made one), opened under its lock."""
    path = archive_at(db_path)
    if not path.is_file():
        raise click.ClickException(f"there is no archive at {path}.")
    with user_errors(path):
        check_archive(path)
    with user_errors(path), archive_lock(path, wait=wait, on_wait=say_on_stderr):
        db = opened(path)
        try:
            yield path, db
        finally:
            db.close()


def say_on_stderr(message: str) -> None:
    click.echo(message, err=True)


def opened(db_path: Path) -> sqlite_utils.Database:
    with user_errors(db_path):
        return open_archive(db_path)


@cli.command(name="crawl")
@click.argument("urls", nargs=-1)
@db_option
@max_pages_option
@render_option
@wait_option
@settings_option
@alert_options
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log.")
def crawl_command(
    urls: tuple[str, ...],
    db_path: Path | None,
    max_pages: int | None,
    render: bool,
    wait: bool,
    settings: dict[str, object],
    notify: list[str],
    notify_every: int,
    public_url: str,
    verbose: bool,
) -> None:
    """One pass over each blog at URLS, or over every watched blog that is due.

    Prints one line per blog; exits 1 when any blog could not be archived. Without URLS
    this is the command a cron line runs.
    """
    path = archive_at(db_path)
    checked = [check_url(u) for u in urls]
    db = opened(path)
    try:
        with user_errors(path):
            watching, listed = len(watched(db)), on_watchlist(db)
    finally:
        db.close()
    if not checked and not listed:
        raise click.ClickException(
            "the watchlist is empty: add blogs with `liveblog add URL`, or give URLs."
        )
    if not checked and not watching:  # a cron line over blogs that are over: nothing to do
        click.echo("every watched blog has ended: nothing left to poll.")
        return
    interrupts = Interrupts(at_once=True)
    interrupts.install()
    try:
        with user_errors(path):
            results = run_due_passes(
                path,
                Policy(),
                urls=checked or None,
                max_pages=max_pages,
                wait=wait,
                settings=settings,
                verbose=verbose,
                on_wait=say_on_stderr,
                on_start=interrupts.started,
                render=render,
                alerts=make_alerts(path, notify, notify_every, public_url),
            )
    except PassAbandoned:
        click.echo(
            "interrupted again: stopped at once; the passes not yet written were abandoned whole.",
            err=True,
        )
        raise SystemExit(EXIT_INTERRUPTED) from None
    except KeyboardInterrupt:
        click.echo("interrupted: stopped before any pass began; nothing was written.", err=True)
        raise SystemExit(EXIT_INTERRUPTED) from None
    finally:
        interrupts.restore()
    if not results:
        click.echo(f"nothing due: {counted(watching, 'blog')} watched, none due yet.")
        return
    for result in results:
        click.echo(format_result(result))
    failed = [r for r in results if not r.ok]
    if failed:
        click.echo(f"{len(failed)} of {counted(len(results), 'blog')} failed.", err=True)
    if interrupts.count:
        click.echo("interrupted: stopped once the passes in flight were written.", err=True)
        raise SystemExit(EXIT_INTERRUPTED)
    if failed:
        raise SystemExit(1)


@cli.command()
@click.argument("url")
@db_option
@click.option(
    "--interval",
    type=click.IntRange(min=30, max=LONGEST),
    default=None,
    help=f"Seconds between passes over this blog (default {DEFAULT_INTERVAL}, at most a year).",
)
@render_option
@click.option(
    "--max-pages",
    type=click.IntRange(min=1, max=MOST_PAGES),
    default=None,
    help="Fetch at most this many pages of this blog per pass (default: the crawl's, 20; "
    f"at most {MOST_PAGES}).",
)
@click.option(
    "--header",
    "headers",
    multiple=True,
    metavar="'NAME: VALUE'",
    callback=parse_headers,
    help="A request header sent with this blog's pages, e.g. a consent cookie the publisher "
    "documents: --header 'Cookie: consent=1' (repeatable).",
)
@notify_option
def add(
    url: str,
    db_path: Path | None,
    interval: int | None,
    render: bool,
    max_pages: int | None,
    headers: list[tuple[str, str]],
    notify: list[str],
) -> None:
    """Put the blog at URL on the watchlist: `liveblog crawl` without URLs polls it when due.

    --render, --max-pages and --header set how this blog is fetched; given again, they
    replace what was set before. --notify sets where its alerts go, replacing those set before.
    """
    own = BlogSettings(render, max_pages, headers) if render or max_pages or headers else None
    path = archive_at(db_path)
    address = check_url(url)
    db = opened(path)
    try:
        with user_errors(path), disk_errors(path):
            fresh = add_blog(db, address, interval, now_utc(), own, notify or None)
    finally:
        db.close()
    click.echo(f"{'added' if fresh else 'already watched'}: {url.strip()}")


@cli.command(name="remove")
@click.argument("url")
@db_option
def remove_command(url: str, db_path: Path | None) -> None:
    """Stop polling the blog at URL; what was archived of it stays."""
    path = archive_at(db_path)
    if not path.is_file():
        raise click.ClickException(f"there is no archive at {path}: nothing is watched there.")
    db = opened(path)
    try:
        with user_errors(path), disk_errors(path):
            removed = remove_blog(db, check_url(url, adding=False))
        if not removed:
            raise click.ClickException(
                f"{url.strip()} is not on the watchlist: `liveblog list` shows what is."
            )
    finally:
        db.close()
    click.echo(f"removed from the watchlist (its archive is kept): {url.strip()}")


@cli.command(name="list")
@db_option
def list_command(db_path: Path | None) -> None:
    """The watchlist: each blog's status, settings, last pass, counts, completeness, last error."""
    path = archive_at(db_path)
    if not path.is_file():  # a listing creates no archive
        raise click.ClickException(
            f"there is no archive at {path}: add blogs with `liveblog add URL --db {path}`."
        )
    with user_errors(path):
        rows = read_blog_table(path)
    if not rows:
        click.echo("the watchlist is empty: add blogs with `liveblog add URL`.")
        return
    for row in rows:
        state = row["status"] if row["active"] else "removed"
        last = (row["last_fetched_at"] or "never")[:19].replace("T", " ")
        click.echo(
            f"{state:<8} {row['url']}\n         last pass {last}, "
            f"{counted(row['passes'], 'pass')}, "
            f"{counted(row['updates'], 'update')} ({row['removed']} removed)"
            + completeness(row)
            + blog_options(row)
            + (f"\n         last error: {row['last_error']}" if row["last_error"] else "")
        )


def completeness(row: dict[str, object]) -> str:
    """Whether the last pass reached the blog's oldest post, and the publisher's own count."""
    expected = row["updates_expected"]
    of = f" of {expected} the publisher counts" if expected is not None else ""
    if row["complete"] is None:
        return ""
    if row["complete"]:
        return f"\n         complete{of}"
    reason = row["incomplete_reason"] or "stopped early"
    return f"\n         archived incompletely ({reason}): {counted(int(str(row['updates'])), 'update')}{of}"


def blog_options(row: dict[str, object]) -> str:
    """The blog's own settings, as `liveblog add` took them."""
    shown = []
    if row["interval"]:
        shown.append(f"--interval {row['interval']}")
    if row["render"]:
        shown.append("--render")
    if row["max_pages"]:
        shown.append(f"--max-pages {row['max_pages']}")
    for name, value in json.loads(str(row["headers"] or "[]")):
        shown.append(f"--header '{name}: {value}'")
    for target in json.loads(str(row["notify"] or "[]")):
        shown.append(f"--notify '{target}'")
    return f"\n         settings: {' '.join(shown)}" if shown else ""


@cli.command(name="watch")
@click.argument("urls", nargs=-1)
@db_option
@policy_options
@max_pages_option
@wait_option
@settings_option
@alert_options
def watch_command(
    urls: tuple[str, ...],
    db_path: Path | None,
    interval: int,
    max_interval: int,
    idle_after: int,
    max_pages: int | None,
    wait: bool,
    settings: dict[str, object],
    notify: list[str],
    notify_every: int,
    public_url: str,
) -> None:
    """Poll blogs (URLS, added to the watchlist, or every watched one) until Ctrl-C or all end.

    The first Ctrl-C (or SIGTERM) lets the pass in flight finish; a second abandons it.
    Nothing is ever half-written: each blog's pass is one transaction.
    """
    path = archive_at(db_path)
    checked = [check_url(u) for u in urls]
    db = opened(path)
    try:
        with user_errors(path), disk_errors(path):
            for url in checked:
                add_blog(db, url, None, now_utc())
        listed = on_watchlist(db)
    finally:
        db.close()
    if not listed:  # as crawl says it: nothing was ever added, or all was removed
        raise click.ClickException(
            "the watchlist is empty: add blogs with `liveblog add URL`, or give URLs."
        )
    tty = sys.stdout.isatty()

    def status(line: str) -> None:
        click.echo(f"\r\x1b[2K{line}", nl=False)

    def echo(line: str) -> None:
        click.echo(("\r\x1b[2K" if tty else "") + line)

    with user_errors(path):
        failures = watch(
            path,
            checked or None,
            Policy(interval, max_interval, idle_after),
            max_pages=max_pages,
            wait=wait,
            settings=settings,
            echo=echo,
            status=status if tty else None,
            alerts=make_alerts(path, notify, notify_every, public_url),
        )
    if failures:
        raise SystemExit(1)


@cli.command(name="reparse")
@db_option
@click.option("--blog", "blog", default=None, help="Only this blog's URL (default: every blog).")
@wait_option
def reparse_command(db_path: Path | None, blog: str | None, wait: bool) -> None:
    """Rebuild updates and versions from the kept snapshots with the current extractor."""
    from archive.snapshots import SnapshotStore
    from crawler.reparse import reparse

    with rewritten_archive(db_path, wait) as (path, db), SnapshotStore(path) as snapshots:
        results = reparse(db, snapshots, blog_url(blog) if blog else None)
    for r in results:
        if r.error is not None:
            click.echo(f"{r.url}: {r.error}")
            continue
        click.echo(
            f"{r.url}: {counted(r.passes, 'pass')} replayed, {counted(r.updates, 'update')}, "
            f"{counted(r.versions, 'version')}"
        )
    if any(r.error is not None for r in results):
        sys.exit(1)


@cli.command(name="new-id")
@db_option
@wait_option
def new_id_command(db_path: Path | None, wait: bool) -> None:
    """Give a copied archive an id of its own, so the scale-out tells it from the original."""
    with rewritten_archive(db_path, wait) as (path, db), disk_errors(path):
        new = new_archive_id(db)
    click.echo(f"{path} is now the archive {new}: give it a Redis database of its own.")


@cli.command(name="eval")
@click.option(
    "--labels",
    "labels_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    required=True,
    help="Folder of labels: one JSON file per page, naming the page's file.",
)
@click.option(
    "--pages",
    "pages_dirs",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    multiple=True,
    required=True,
    help="Folder of saved pages; repeat it for pages kept in several folders (searched in turn).",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 1),
    default=0.98,
    show_default=True,
    help="Exit 1 when any page's precision or recall is below this.",
)
@click.option(
    "--strip-structured",
    is_flag=True,
    help="Remove JSON-LD and microdata first: score the HTML alone, against the updates it shows.",
)
@click.option(
    "--hash-classes",
    is_flag=True,
    help="Replace every class name by a meaningless one first (as sites whose build hashes "
    "their CSS serve them): score what extraction reads without the names.",
)
@click.option(
    "--articles",
    "articles_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Folder of pages that are not live blogs: count the updates extraction invents there.",
)
@click.option(
    "--max-invented-pages",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Exit 1 when more --articles pages than this yield any update.",
)
def eval_command(
    labels_dir: Path,
    pages_dirs: tuple[Path, ...],
    min_score: float,
    strip_structured: bool,
    hash_classes: bool,
    articles_dir: Path | None,
    max_invented_pages: int,
) -> None:
    """Score extraction against labelled pages: precision, recall, body similarity, coverage."""
    from crawler.extract.evaluate import (
        MissingPageError,
        evaluate,
        extract_ordinary,
        format_invented,
        format_table,
    )

    try:
        scores = evaluate(pages_dirs, labels_dir, strip=strip_structured, hashed=hash_classes)
        ordinary = (
            extract_ordinary(articles_dir, strip=strip_structured, hashed=hash_classes)
            if articles_dir
            else []
        )
    except MissingPageError as exc:
        raise click.ClickException(
            f"{exc}: give the folder that holds it with another --pages."
        ) from exc
    except (OSError, ValueError, KeyError) as exc:
        raise click.ClickException(
            f"cannot evaluate: {exc}. Check the labels, pages and articles folders."
        ) from exc
    if not scores:
        raise click.ClickException(f"no labels (*.json) in {labels_dir}.")
    click.echo(format_table(scores))
    if articles_dir:
        click.echo()
        click.echo(format_invented(ordinary))
    failed = False
    weak = [s.page for s in scores if min(s.precision, s.recall) < min_score]
    if weak:
        click.echo(f"below {min_score}: {', '.join(weak)}", err=True)
        failed = True
    inventing = [r.page for r in ordinary if r.updates]
    if len(inventing) > max_invented_pages:
        click.echo(
            f"{counted(len(inventing), 'ordinary page')} "
            f"{'yields' if len(inventing) == 1 else 'yield'} updates "
            f"(more than {max_invented_pages}): "
            f"{', '.join(inventing)}",
            err=True,
        )
        failed = True
    if failed:
        raise SystemExit(1)


def parse_since_param(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--since as the archive writes times, or a click error that says what to give."""
    from archive.export import parse_since

    if value is None:
        return None
    try:
        return parse_since(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc


@cli.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ndjson", "csv"]),
    default="ndjson",
    show_default=True,
    help="One JSON object per line, or CSV with a header row.",
)
@click.option("--blog", default=None, help="Only this blog's updates (its URL).")
@click.option(
    "--since",
    default=None,
    callback=parse_since_param,
    help="Only updates published at or after this ISO 8601 date or time (UTC unless it says).",
)
@db_option
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def export_command(
    fmt: str, blog: str | None, since: str | None, db_path: Path | None, output: Path | None
) -> None:
    """Write the archive's updates for scripts, streamed (constant memory, read-only)."""
    from archive.export import export, export_file

    path = archive_at(db_path)
    try:
        if output is None:
            export(path, sys.stdout, fmt, blog, since)
            sys.stdout.flush()  # a full disk says so here, not in the interpreter's last flush
            return
        count = export_file(path, output, fmt, blog, since)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    except BrokenPipeError:  # `liveblog export | head`: the reader has all it wanted
        drop_stdout()
        return
    except OSError as exc:  # the archive's own errors are ArchiveErrors: this is the output's
        if output is None:
            drop_stdout()
        raise click.ClickException(unwritable_export(output, exc)) from exc
    click.echo(f"exported {counted(count, 'update')} to {output}", err=True)


def drop_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush does not fail again."""
    with suppress(OSError):  # no file behind it (click's test runner): nothing to flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def unwritable_export(output: Path | None, exc: OSError) -> str:
    """The sentence for an export that could not be written, with what to do about it."""
    reason = exc.strerror or str(exc)
    full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if output is None:
        advice = "free space where it goes" if full else "check where it goes"
        return f"cannot write the export to standard output ({reason}): {advice}, or give --output."
    advice = (
        "free space on its disk or give --output a file elsewhere"
        if full
        else "give --output a file in a folder that exists and that you may write to"
    )
    return f"cannot write the export to {output} ({reason}): {advice}; nothing was replaced."


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8001,
    show_default=True,
    help="Port to listen on.",
)
def serve(db_path: Path | None, host: str, port: int) -> None:
    """Publish the archive with Datasette (read-only; crawls may write meanwhile)."""
    from archive.publish import ListenError, check_port
    from archive.publish import serve as serve_archive

    path = archive_at(db_path)
    if not path.is_file():
        raise click.ClickException(
            f"there is no archive at {path}: run `liveblog crawl URL --db {path}` first."
        )
    try:
        check_port(host, port, "serve")
    except ListenError as exc:
        raise click.ClickException(str(exc)) from exc
    with user_errors(path), checked_archive(path) as readable:
        serve_archive(readable, host=host, port=port)


@cli.command()
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where the demo archive goes (default: demo/archive.db beside the default archive; replaced).",
)
@click.option(
    "--serve/--no-serve",
    "serve_after",
    default=True,
    show_default=True,
    help="Serve the archive with Datasette after the crawls.",
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address Datasette listens on."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8001,
    show_default=True,
    help="Port Datasette listens on.",
)
def demo(db_path: Path | None, serve_after: bool, host: str, port: int) -> None:
    """Crawl the bundled sample blog as it changes over three passes, then publish the archive."""
    from archive.publish import ListenError, check_port
    from crawler.demo import demo_db_path, run_demo

    path = archive_at(db_path, demo_db_path)
    if serve_after:
        try:
            check_port(host, port, "demo")
        except ListenError as exc:
            raise click.ClickException(str(exc)) from exc
    # SIGTERM and a hangup stop the demo as Ctrl-C does, so the crawl in flight is stopped
    # and its `.liveblog-run-*` folder goes; the demo's archive is replaced on each run.
    stops = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {
        sig: signal.signal(sig, _interrupt)
        for sig in stops
        if signal.getsignal(sig) is not signal.SIG_IGN
    }
    try:
        with user_errors(path):
            run_demo(path, echo=click.echo)
    except KeyboardInterrupt:
        click.echo(
            "interrupted: the demo stopped before its passes were done; run it again.", err=True
        )
        raise SystemExit(EXIT_INTERRUPTED) from None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if serve_after:
        from archive.publish import serve as serve_archive

        click.echo(
            f"\nServing the archive with Datasette at http://{host}:{port}/  (Ctrl-C to stop)"
        )
        serve_archive(path, host=host, port=port)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


REDIS_HELP = "The scale-out's Redis, e.g. redis://HOST:6379/0 (default: $LIVEBLOG_REDIS)."
NEEDS_CLUSTER = "the scale-out needs Redis's client: pip install 'liveblog-archive[cluster]'"


def redis_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--redis",
        "redis_url",
        envvar="LIVEBLOG_REDIS",
        required=True,
        metavar="URL",
        help=REDIS_HELP,
    )(func)


@contextmanager
def cluster_errors() -> Iterator[None]:
    """The scale-out's failures a user can fix: no Redis client installed, Redis unreachable."""
    try:
        with user_errors():
            yield
    except ImportError as exc:
        if exc.name not in ("redis", "scrapy_redis"):
            raise
        raise click.ClickException(NEEDS_CLUSTER) from exc
    except ClusterError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command(name="schedule")
@redis_option
@db_option
@policy_options
@max_pages_option
@click.option("--once", is_flag=True, help="Offer the passes due now, then exit (for cron).")
def schedule_command(
    redis_url: str,
    db_path: Path | None,
    interval: int,
    max_interval: int,
    idle_after: int,
    max_pages: int | None,
    once: bool,
) -> None:
    """Scale-out: hand each watched blog's due pass to Redis for the workers.

    The schedule is the archive's own (`liveblog add` and the watch policy); after Redis
    restarts, the next look at the archive offers every due pass again.
    """
    path = archive_at(db_path)
    with cluster_errors():
        from crawler.cluster.roles import schedule

        if not path.exists():
            raise click.ClickException(
                f"there is no archive at {path}: add blogs with `liveblog add URL --db {path}` first."
            )
        check_archive(path)
        schedule(
            redis_url,
            path,
            Policy(interval, max_interval, idle_after),
            max_pages=max_pages,
            once=once,
            echo=click.echo,
        )


@cli.command(name="worker")
@redis_option
@click.option(
    "--name", default=None, help="This worker's name in `liveblog status` (default HOST:PID)."
)
@settings_option
def worker_command(redis_url: str, name: str | None, settings: dict[str, object]) -> None:
    """Scale-out: fetch and extract passes from Redis; never touches the archive.

    -s LIVEBLOG_WORKER_PASSES=8 (passes at once), -s LIVEBLOG_LEASE_TIMEOUT=120 (seconds
    without a heartbeat before another worker takes a pass over), -s
    LIVEBLOG_HOST_CONCURRENCY=2 (requests in flight per host across the whole cluster).
    """
    with cluster_errors():
        from crawler.cluster.roles import work

        work(redis_url, name=name, settings=settings)


@cli.command(name="write")
@redis_option
@db_option
@click.option("--once", is_flag=True, help="Write the finished passes waiting now, then exit.")
@wait_option
@alert_options
def write_command(
    redis_url: str,
    db_path: Path | None,
    once: bool,
    wait: bool,
    notify: list[str],
    notify_every: int,
    public_url: str,
) -> None:
    """Scale-out: the one writer; drains finished passes from Redis into the archive.

    It holds the archive's lock while it runs, as a crawl does. Alerts (--notify, and each
    blog's own from `liveblog add --notify`) are sent from here, off the writing path.
    """
    path = archive_at(db_path)
    with cluster_errors():
        from crawler.cluster.roles import write

        if not path.exists():
            raise click.ClickException(
                f"there is no archive at {path}: give --db the archive that `liveblog schedule` "
                "reads."
            )
        check_archive(path)
        alerts = make_alerts(path, notify, notify_every, public_url)
        write(
            redis_url,
            path,
            once=once,
            echo=click.echo,
            alerts=alerts,
            wait=wait,
            on_wait=say_on_stderr,
        )


@cli.command(name="status")
@redis_option
def status_command(redis_url: str) -> None:
    """Scale-out: the queue, the leases, the workers alive and the writer's pace."""
    with cluster_errors():
        from crawler.cluster.roles import status

        click.echo(status(redis_url))
