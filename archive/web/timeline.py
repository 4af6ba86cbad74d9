"""The read-side queries behind the timeline pages, run through Datasette's read-only connections."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from archive.times import parse_utc
from archive.watchlist import stored_url
from archive.web.render import (
    Change,
    Chart,
    bucket_seconds,
    changes,
    chart,
    safe_href,
    update_html,
)

if TYPE_CHECKING:
    from datasette.database import Database

PAGE_SIZE = 100
# Tables a database needs for the timeline pages to make sense of it.
ARCHIVE_TABLES = ("blogs", "updates", "update_versions")

_UPDATE_COLUMNS = (
    "id, headline, body_html, published_at, modified_at, authors, permalink, first_seen_at, "
    "last_seen_at, removed_at, version, pinned, media"
)


async def _columns(db: Database) -> str:
    """The update columns a timeline shows; `truncated` reads 0 in an archive from before it."""
    cut = "truncated" if "truncated" in await db.table_columns("updates") else "0 as truncated"
    return f"{_UPDATE_COLUMNS}, {cut}"


# Databases found to be archives. A database only gains tables (migrations add, never drop),
# so a yes stays true and is asked once, not on every page's menu (a query each time); a no
# is asked again, as a crawl may create the tables meanwhile.
_ARCHIVES: weakref.WeakSet[Database] = weakref.WeakSet()


async def is_archive(db: Database) -> bool:
    """Whether this database has the archive's tables (other databases get no timeline)."""
    if db in _ARCHIVES:
        return True
    tables = set(await db.table_names())
    if all(name in tables for name in ARCHIVE_TABLES):
        _ARCHIVES.add(db)
        return True
    return False


@dataclass
class Entry:
    """One update as the timeline shows it."""

    id: int
    headline: str | None
    body: Any  # Markup: re-sanitised body_html, with its media as links
    published_at: str | None
    modified_at: str | None
    authors: list[str]
    permalink: str | None
    first_seen_at: str
    removed_at: str | None
    version: int
    pinned: bool
    changes: list[Change]
    truncated: bool = False  # the body is known to be cut (the publisher's feed cut it)


def _authors(value: str | None) -> list[str]:
    """The authors JSON as names; anything unreadable shows as no byline, not an error page."""
    try:
        names = json.loads(value or "[]")
    except ValueError:
        return []
    return [str(n) for n in names] if isinstance(names, list) else []


def _entry(row: Any, versions: list[dict[str, Any]]) -> Entry:
    """One update ready for a template: its HTML re-sanitised, its links checked, its edits."""
    return Entry(
        id=row["id"],
        headline=row["headline"],
        body=update_html(row["body_html"], row["media"]),
        published_at=row["published_at"],
        modified_at=row["modified_at"],
        authors=_authors(row["authors"]),
        permalink=safe_href(row["permalink"]),
        first_seen_at=row["first_seen_at"],
        removed_at=row["removed_at"],
        version=row["version"],
        pinned=bool(row["pinned"]) and not row["removed_at"],
        changes=changes(versions),
        truncated=bool(row["truncated"]),
    )


async def _entries(rows: list[Any], versions: dict[int, list[dict[str, Any]]]) -> list[Entry]:
    """These rows' entries, built off the event loop: one huge post holds up no other page."""
    # Sanitising a huge body (or computing a diff an older archive lacks) takes a while.
    return await asyncio.to_thread(lambda: [_entry(r, versions.get(r["id"], [])) for r in rows])


async def _versions(db: Database, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Every version of these updates, in order, keyed by update id."""
    out: dict[int, list[dict[str, Any]]] = {}
    if not ids:
        return out
    marks = ", ".join("?" for _ in ids)
    rows = await db.execute(
        # Every column: an archive from before the stored diffs (migration 7) has no `diff`.
        f"select * from update_versions where update_id in ({marks}) order by update_id, version",
        ids,
    )
    for row in rows.rows:
        out.setdefault(row["update_id"], []).append(dict(row))
    return out


async def blog_row(db: Database, blog_id: int) -> dict[str, Any] | None:
    """The blog's row, or None: an unknown id is a 404, not an error."""
    rows = await db.execute("select * from blogs where id = ?", [blog_id])
    row = rows.first()
    return dict(row) if row else None


async def find_blog(db: Database, blog: str) -> int | None:
    """The id of the blog a feed or a search names by its id or its URL (its scheme and host
    in any case, as the archive finds a blog a command names)."""

    def lookup(conn: sqlite3.Connection) -> int | None:
        row = conn.execute(
            "select id from blogs where url = ? or cast(id as text) = ?",
            [stored_url(conn, blog), blog],
        ).fetchone()
        return int(row[0]) if row else None

    found: int | None = await db.execute_fn(lookup)
    return found


async def blog_chart(db: Database, blog_id: int) -> Chart | None:
    """Updates per time bucket over the blog's coverage, removed ones counted apart."""
    span = (
        await db.execute(
            "select min(published_at), max(published_at) from updates where blog_id = ?",
            [blog_id],
        )
    ).first()
    first, last = parse_utc(span[0]), parse_utc(span[1])
    if first is None or last is None:
        return None
    bucket = bucket_seconds(first, last)
    rows = await db.execute(
        "select cast(strftime('%s', published_at) as integer) / :bucket as slot, "
        "count(*) as total, count(removed_at) as removed "
        "from updates where blog_id = :blog and published_at is not null group by slot",
        {"bucket": bucket, "blog": blog_id},
    )
    counts = {
        row["slot"]: (row["total"], row["removed"]) for row in rows.rows if row["slot"] is not None
    }
    return chart(counts, bucket)


async def shortfall(db: Database, blog: dict[str, Any]) -> str | None:
    """Why the blog is archived incompletely (its last successful pass stopped short of the
    oldest post), as the fetch log says; None when it is complete or never said."""
    if blog.get("complete") != 0:
        return None
    row = (
        await db.execute(
            "select incomplete_reason from fetches where blog_id = ? and error is null "
            "order by id desc limit 1",
            [blog["id"]],
        )
    ).first()
    return (row[0] if row else None) or "stopped early"


async def timeline(db: Database, blog_id: int, page: int) -> dict[str, Any] | None:
    """The template context of one blog's timeline page, or None for an unknown blog."""
    blog = await blog_row(db, blog_id)
    if blog is None:
        return None
    stats = (
        await db.execute(
            "select count(*) as updates, count(removed_at) as removed, "
            "sum(version > 1) as edited from updates where blog_id = ?",
            [blog_id],
        )
    ).first()
    # Pinned updates first, as the blog showed them; then everything else newest first.
    # The unary + keeps SQLite off the removed_at index: nearly every update matches "is null".
    columns = await _columns(db)
    pinned = await db.execute(
        f"select {columns} from updates where blog_id = ? and pinned = 1 "
        "and +removed_at is null order by published_at desc",
        [blog_id],
    )
    rest = await db.execute(
        f"select {columns} from updates where blog_id = ? "
        "and not (pinned = 1 and removed_at is null) "
        "order by published_at desc, id desc limit ? offset ?",
        [blog_id, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE],
    )
    rows = (list(pinned.rows) if page == 1 else []) + list(rest.rows[:PAGE_SIZE])
    versions = await _versions(db, [r["id"] for r in rows if r["version"] > 1])
    return {
        "blog": blog,
        "shortfall": await shortfall(db, blog),
        "blog_href": safe_href(blog["url"]),
        "stats": dict(stats),
        "entries": await _entries(rows, versions),
        "chart": await blog_chart(db, blog_id),
        "page": page,
        "has_older": len(rest.rows) > PAGE_SIZE,
    }


async def update_page(db: Database, update_id: int) -> dict[str, Any] | None:
    """The template context of one update's versions and their diffs, or None when unknown."""
    row = (
        await db.execute(
            f"select blog_id, {await _columns(db)} from updates where id = ?", [update_id]
        )
    ).first()
    if row is None:
        return None
    by_id = await _versions(db, [update_id])
    versions = by_id.get(update_id, [])
    return {
        "blog": await blog_row(db, row["blog_id"]),
        "entry": (await _entries([row], by_id))[0],
        "versions": await asyncio.to_thread(
            lambda: [{**v, "body": update_html(v["body_html"], v.get("media"))} for v in versions]
        ),
    }


async def blog_list(db: Database) -> list[dict[str, Any]]:
    """Every blog with its update count and span, for the timelines index (index-only scans)."""
    blogs = await db.execute(
        "select id, url, title, publisher, status, last_fetched_at from blogs order by "
        "last_fetched_at desc, id desc"
    )
    counts = await db.execute(
        "select blog_id, count(*) as updates, max(published_at) as latest "
        "from updates group by blog_id"
    )
    # Through the removed_at index (the subquery's order asks for it): removals are few.
    removed = await db.execute(
        "select blog_id, count(*) as removed from (select blog_id from updates "
        "where removed_at is not null order by removed_at) group by blog_id"
    )
    by_blog = {r["blog_id"]: dict(r) for r in counts.rows}
    gone = {r["blog_id"]: r["removed"] for r in removed.rows}
    return [
        {
            **dict(b),
            "href": safe_href(b["url"]),
            "updates": by_blog.get(b["id"], {}).get("updates", 0),
            "latest": by_blog.get(b["id"], {}).get("latest"),
            "removed": gone.get(b["id"], 0),
        }
        for b in blogs.rows
    ]
