"""The watchlist: which blogs are polled, when each is next due, and how the interval adapts."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from archive.db import ArchiveError, checked_archive, read_only_connection, write_transaction
from archive.migrations import migrations
from archive.records import PassResult, blog_url
from archive.times import parse_utc, utc_stamp

DEFAULT_INTERVAL = 300  # seconds between passes over a blog that keeps moving
DEFAULT_MAX_INTERVAL = 3600  # the back-off stops here
DEFAULT_IDLE_AFTER = 6 * 3600  # no change for this long: the blog has ended
BACKOFF = 2
# The longest interval, back-off, idle time or alert pause: a year. Longer values are refused
# at the command line, and ones an archive already holds are read as this, so the next due
# time is always a date.
LONGEST = 366 * 24 * 3600
MOST_PAGES = 100_000  # the largest page limit of a pass


@dataclass
class Policy:
    """How often to poll: the base interval, the back-off ceiling, when a quiet blog has ended."""

    interval: int = DEFAULT_INTERVAL
    max_interval: int = DEFAULT_MAX_INTERVAL
    idle_after: int = DEFAULT_IDLE_AFTER


@dataclass
class BlogSettings:
    """How one blog is fetched, as `liveblog add` set it: the spider applies them per blog."""

    render: bool = False  # through a headless browser (the `render` extra)
    max_pages: int | None = None  # None: the crawl's own limit
    headers: list[tuple[str, str]] = field(default_factory=list)  # sent with every page

    def as_json(self) -> dict[str, Any]:
        return {"render": self.render, "max_pages": self.max_pages, "headers": self.headers}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BlogSettings:
        return cls(
            bool(data.get("render")),
            data.get("max_pages"),
            [(str(n), str(v)) for n, v in data.get("headers") or []],
        )


def stored_url(conn: sqlite3.Connection, raw: str) -> str:
    """The URL the archive keeps this blog under: blog_url's, or the spelling an archive
    written before hosts were folded keeps it under (HTTP://News.Example.com/live: its
    rows are found by it, so it is not rewritten)."""
    url = blog_url(raw)
    if conn.execute("SELECT 1 FROM blogs WHERE url = ?", [url]).fetchone() is not None:
        return url
    return next(
        (kept for (kept,) in conn.execute("SELECT url FROM blogs") if blog_url(kept) == url), url
    )


def add_blog(
    db: sqlite_utils.Database,
    url: str,
    interval: int | None,
    now: datetime,
    settings: BlogSettings | None = None,
    notify: list[str] | None = None,
) -> bool:
    """Put a blog on the watchlist (again); True when it was not watched before.

    Given `settings` replace the blog's own, as given `notify` (Apprise URLs) replace where
    its alerts go; an `interval` of None keeps the one it has.
    """
    url = stored_url(db.conn, url)
    given = settings is not None
    chosen = settings or BlogSettings()
    values = [int(chosen.render), chosen.max_pages, json.dumps(chosen.headers)]
    with write_transaction(db):
        row = db.execute("SELECT id, active FROM blogs WHERE url = ?", [url]).fetchone()
        if row is None:
            db.execute(
                """INSERT INTO blogs (url, first_seen_at, interval, next_due_at,
                     render, max_pages, headers)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                [url, utc_stamp(now), interval, utc_stamp(now), *values],
            )
            if notify is not None:
                db.execute("UPDATE blogs SET notify = ? WHERE url = ?", [json.dumps(notify), url])
            return True
        if notify is not None:
            db.execute("UPDATE blogs SET notify = ? WHERE id = ?", [json.dumps(notify), row[0]])
        db.execute(
            """UPDATE blogs SET active = 1, interval = coalesce(?, interval),
                 status = CASE WHEN status = 'ended' THEN 'live' ELSE status END,
                 poll_interval = NULL, next_due_at = ?
               WHERE id = ?""",
            [interval, utc_stamp(now), row[0]],
        )
        if given:
            db.execute(
                "UPDATE blogs SET render = ?, max_pages = ?, headers = ? WHERE id = ?",
                [*values, row[0]],
            )
        return not row[1]


def rewatch(db: sqlite_utils.Database, urls: list[str]) -> None:
    """Put blogs taken off the watchlist back on it, as they were; the others are unchanged
    (a blog new to the archive joins it with its first pass)."""
    if not urls:
        return
    with write_transaction(db):
        for url in urls:
            db.execute(
                "UPDATE blogs SET active = 1 WHERE url = ? AND active = 0",
                [stored_url(db.conn, url)],
            )


def blog_settings(db: sqlite_utils.Database, urls: list[str]) -> dict[str, BlogSettings]:
    """Each blog's own settings, by URL; a blog not in the archive has the defaults."""
    found: dict[str, BlogSettings] = {}
    for url in urls:
        row = db.execute(
            "SELECT render, max_pages, headers FROM blogs WHERE url = ?", [stored_url(db.conn, url)]
        ).fetchone()
        found[blog_url(url)] = (
            BlogSettings.from_json(
                {"render": row[0], "max_pages": row[1], "headers": json.loads(row[2] or "[]")}
            )
            if row is not None
            else BlogSettings()
        )
    return found


def remove_blog(db: sqlite_utils.Database, url: str) -> bool:
    """Stop polling a blog; its archive stays. False when it was not on the watchlist."""
    with write_transaction(db):
        cur = db.execute(
            "UPDATE blogs SET active = 0 WHERE url = ? AND active = 1", [stored_url(db.conn, url)]
        )
        return cur.rowcount > 0


def due_blogs(
    db: sqlite_utils.Database, now: datetime, among: list[str] | None = None
) -> list[str]:
    """Active blogs that have not ended and whose next pass is due, most overdue first."""
    rows = db.execute(
        """SELECT url FROM blogs
           WHERE active = 1 AND status != 'ended'
             AND (next_due_at IS NULL OR next_due_at <= ?)
           ORDER BY coalesce(next_due_at, ''), id""",
        [utc_stamp(now)],
    ).fetchall()
    urls = [r[0] for r in rows]
    if among is not None:
        wanted = {blog_url(u) for u in among}
        urls = [u for u in urls if blog_url(u) in wanted]
    return urls


def on_watchlist(db: sqlite_utils.Database) -> int:
    """How many blogs are on the watchlist, ended ones included (not those removed from it)."""
    return int(db.execute("SELECT count(*) FROM blogs WHERE active = 1").fetchone()[0])


def watched(db: sqlite_utils.Database, among: list[str] | None = None) -> list[dict[str, Any]]:
    """Active blogs still being polled, with when each is next due."""
    rows = [
        dict(r)
        for r in db.query(
            "SELECT url, status, next_due_at FROM blogs WHERE active = 1 AND status != 'ended'"
        )
    ]
    if among is not None:
        wanted = {blog_url(u) for u in among}
        rows = [r for r in rows if blog_url(r["url"]) in wanted]
    return rows


def reschedule(
    db: sqlite_utils.Database, result: PassResult, policy: Policy, now: datetime
) -> None:
    """After a pass: back off while nothing moves, return to the base when it does; end quiet blogs."""
    with write_transaction(db):
        reschedule_in(db.conn, result, policy, now)


def reschedule_in(
    conn: sqlite3.Connection, result: PassResult, policy: Policy, now: datetime
) -> None:
    """`reschedule` inside a transaction the caller holds (the scale-out's writer: with its pass)."""
    url = stored_url(conn, result.url)
    row = conn.execute(
        "SELECT interval, poll_interval, last_changed_at, status FROM blogs WHERE url = ?",
        [url],
    ).fetchone()
    if row is None:
        return
    base = _within_a_year(row[0] or policy.interval)
    moved = result.ok and bool(result.new or result.changed or result.removed or result.restored)
    current = _within_a_year(row[1] or base)
    ceiling = max(_within_a_year(policy.max_interval), base)
    interval = base if moved else min(max(current, base) * BACKOFF, ceiling)
    status = row[3]
    quiet_since = parse_utc(row[2])
    if result.ok and status == "live" and quiet_since is not None:
        idle = timedelta(seconds=_within_a_year(policy.idle_after))
        status = "ended" if now - quiet_since > idle else status
    conn.execute(
        "UPDATE blogs SET poll_interval = ?, next_due_at = ?, status = ? WHERE url = ?",
        [interval, utc_stamp(now + timedelta(seconds=interval)), status, url],
    )


def _within_a_year(seconds: int) -> int:
    """A stored or given number of seconds, at least 1 and at most LONGEST."""
    return min(max(int(seconds), 1), LONGEST)


def blog_table(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """The watchlist as `liveblog list` shows it: status, settings, last pass, counts,
    completeness, last error."""
    sql = """
        SELECT b.url, b.status, b.active, coalesce(b.interval, '') AS interval,
               b.next_due_at, b.last_fetched_at, b.render, b.max_pages, b.headers, b.notify,
               b.complete, b.updates_expected,
               (SELECT f.incomplete_reason FROM fetches f
                 WHERE f.blog_id = b.id AND f.error IS NULL ORDER BY f.id DESC LIMIT 1)
                 AS incomplete_reason,
               (SELECT count(*) FROM updates u WHERE u.blog_id = b.id) AS updates,
               (SELECT count(*) FROM updates u WHERE u.blog_id = b.id AND u.removed_at IS NOT NULL)
                 AS removed,
               (SELECT count(*) FROM fetches f WHERE f.blog_id = b.id) AS passes,
               (SELECT f.error FROM fetches f WHERE f.blog_id = b.id ORDER BY f.id DESC LIMIT 1)
                 AS last_error
        FROM blogs b ORDER BY b.active DESC, b.url
    """
    return [dict(r) for r in db.query(sql)]


def read_blog_table(path: Path) -> list[dict[str, Any]]:
    """`blog_table` of the archive at `path`, opened only to read, as export and serve open
    it: nothing is created, migrated or written, so a read-only archive or folder lists."""
    with checked_archive(path) as readable, read_only_connection(readable) as conn:
        db = sqlite_utils.Database(conn)
        if migrations.pending(db):
            raise ArchiveError(
                f"the archive {path} was written by an older liveblog-archive: bring it up to "
                f"date with a command that writes to it, e.g. `liveblog crawl --db {path}`, "
                "then list it."
            )
        return blog_table(db)
