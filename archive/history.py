"""The logged history of passes, read back for `liveblog reparse`: which passes to replay,
and the pages each one read, as the fetch log and the snapshots hold them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from archive.db import ArchiveError
from archive.evidence import REFUSED_FAILED
from archive.records import BlogPass, PageFetch
from archive.watchlist import stored_url


@dataclass
class LoggedPass:
    """A successful pass as the fetch log holds it: its pages, without what was read on them."""

    fetch_id: int
    blog: BlogPass


def blogs_to_replay(db: sqlite_utils.Database, url: str | None = None) -> list[tuple[int, str]]:
    """(id, url) of one blog, or of every blog; an unknown URL is an error a user can fix."""
    sql = "SELECT id, url FROM blogs" + (" WHERE url = ?" if url else "") + " ORDER BY id"
    rows = [(row[0], row[1]) for row in db.execute(sql, [stored_url(db.conn, url)] if url else [])]
    if url and not rows:
        raise ArchiveError(f"{url} is not in this archive: `liveblog list` shows what is.")
    return rows


def logged_passes(db: sqlite_utils.Database, blog_id: int, url: str) -> list[LoggedPass]:
    """The blog's successful passes in order, each with its pages; checked replayable.

    Refuses, before anything is deleted, when a pass read a page whose bytes were not kept.
    """
    passes = []
    for fetch in db.query(
        "SELECT id, started_at, finished_at, complete FROM fetches "
        "WHERE blog_id = ? AND error IS NULL ORDER BY id",
        [blog_id],
    ):
        blog = BlogPass(
            url=url,
            started_at=fetch["started_at"],
            finished_at=fetch["finished_at"] or fetch["started_at"],
            complete=bool(fetch["complete"]),
        )
        for row in db.query(
            "SELECT * FROM fetch_pages WHERE fetch_id = ? ORDER BY seq", [fetch["id"]]
        ):
            page = _page(row)
            # An endpoint that failed (the pass went on, incomplete) left no bytes to keep.
            failed_endpoint = page.kind is not None and page.status != 200
            failed = failed_endpoint or page.failed is not None
            if not page.skipped and not page.snapshot and not failed:
                raise ArchiveError(
                    f"pass {fetch['id']} of {url} read {page.url} but its bytes were not kept "
                    "(snapshots off?): reparsing would lose what it found, so nothing was changed."
                )
            blog.pages.append(page)
        passes.append(LoggedPass(fetch["id"], blog))
    return passes


def _page(row: dict[str, Any]) -> PageFetch:
    return PageFetch(
        url=row["url"],
        status=row["status"],
        size=row["bytes"],
        not_modified=bool(row["not_modified"]),
        etag=row["etag"],
        last_modified=row["last_modified"],
        body_sha256=row["body_sha256"],
        updates=row["updates"],
        next_url=row["next_url"],
        unchanged=bool(row["unchanged"]),
        snapshot=row["snapshot"],
        oldest_at=row["oldest_at"],
        newest_at=row["newest_at"],
        outlier_at=row["outlier_at"],
        pinned=row["pinned"],
        failed=_failed(row["refused"]),
        canonical_url=row["canonical_url"],
        kind=row["kind"],
    )


def _failed(refused: str | None) -> str | None:
    """Why an older page failed, as the fetch log's `refused` says it."""
    if refused is None or not refused.startswith(REFUSED_FAILED):
        return None
    return refused.removeprefix(REFUSED_FAILED)


def set_aside_updates(conn: sqlite3.Connection, blog_id: int) -> None:
    """Before a replay, inside its transaction: drop a blog's versions and set its rows
    aside, keeping their ids.

    A row set aside has version 0: the store does not see it as stored, and takes it
    again (same id, so links, anchors and feed entry ids hold) when the replay meets its
    key. The story the blog's pages name, and its title, are learnt again too: a pass is
    judged by what the archive knew of the blog then (evidence.read_pass).
    """
    for table in ("update_versions", "update_removals"):
        conn.execute(
            f"DELETE FROM {table} WHERE update_id IN (SELECT id FROM updates WHERE blog_id = ?)",
            [blog_id],
        )
    conn.execute("UPDATE updates SET version = 0 WHERE blog_id = ?", [blog_id])
    conn.execute("UPDATE blogs SET canonical_url = NULL, title = NULL WHERE id = ?", [blog_id])


def drop_unreplayed(conn: sqlite3.Connection, blog_id: int) -> None:
    """After a replay, inside its transaction: delete the rows it never took again (the
    extractor no longer finds them)."""
    gone = "SELECT id FROM updates WHERE blog_id = ? AND version = 0"
    conn.execute(f"DELETE FROM quarantined_removals WHERE update_id IN ({gone})", [blog_id])
    conn.execute("DELETE FROM updates WHERE blog_id = ? AND version = 0", [blog_id])


def update_counts(db: sqlite_utils.Database, blog_id: int) -> tuple[int, int]:
    """(updates, versions) the archive holds of a blog."""
    (updates,) = db.execute("SELECT count(*) FROM updates WHERE blog_id = ?", [blog_id]).fetchone()
    (versions,) = db.execute(
        "SELECT count(*) FROM update_versions v JOIN updates u ON u.id = v.update_id "
        "WHERE u.blog_id = ?",
        [blog_id],
    ).fetchone()
    return updates, versions
