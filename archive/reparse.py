"""`liveblog reparse`: rebuild updates and versions from the kept snapshots and the fetch log.

Every successful pass is replayed in order with the current extractor, reading each page
from its WARC record; pages that answered 304 (or the same bytes) are replayed as such. On
an unchanged extractor this reproduces the archive; on a better one it improves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from archive.db import ArchiveError, write_transaction
from archive.records import BlogPass, PageFetch
from archive.snapshots import SnapshotRef, SnapshotStore
from archive.store import record_pass
from crawler.extract import extract_page
from crawler.extract.charset import declared_charset


@dataclass
class ReparseResult:
    """What a reparse did, for one line of output per blog."""

    url: str
    passes: int = 0
    updates: int = 0
    versions: int = 0


def _fetches(
    db: sqlite_utils.Database, blog_id: int
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    fetches = list(
        db.query(
            "SELECT id, started_at, finished_at, complete FROM fetches "
            "WHERE blog_id = ? AND error IS NULL ORDER BY id",
            [blog_id],
        )
    )
    return [
        (f, list(db.query("SELECT * FROM fetch_pages WHERE fetch_id = ? ORDER BY seq", [f["id"]])))
        for f in fetches
    ]


def _check_replayable(url: str, passes: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
    """Refuse before deleting anything when a pass read a page whose bytes were not kept."""
    for fetch, pages in passes:
        for page in pages:
            if not (page["not_modified"] or page["unchanged"]) and not page["snapshot"]:
                raise ArchiveError(
                    f"pass {fetch['id']} of {url} read {page['url']} but its bytes were not kept "
                    "(snapshots off?): reparsing would lose what it found, so nothing was changed."
                )


def _replayed_pass(
    url: str, fetch: dict[str, Any], pages: list[dict[str, Any]], snapshots: SnapshotStore
) -> BlogPass:
    p = BlogPass(
        url=url,
        started_at=fetch["started_at"],
        finished_at=fetch["finished_at"] or fetch["started_at"],
        complete=bool(fetch["complete"]),
    )
    for row in pages:
        page = PageFetch(
            url=row["url"],
            status=row["status"],
            bytes=row["bytes"],
            not_modified=bool(row["not_modified"]),
            etag=row["etag"],
            last_modified=row["last_modified"],
            body_sha256=row["body_sha256"],
            updates=row["updates"],
            next_url=row["next_url"],
            unchanged=bool(row["unchanged"]),
            snapshot=row["snapshot"],
            oldest_at=row["oldest_at"],
        )
        if not page.skipped:
            snap = snapshots.read(SnapshotRef.parse(row["snapshot"]))
            read = extract_page(snap.body, snap.url, encoding=declared_charset(snap.headers))
            page.updates = len(read.updates)
            p.updates.extend(read.updates)
            if p.title is None:
                p.title, p.publisher = read.title, read.publisher
                p.coverage_start, p.coverage_end = read.coverage_start, read.coverage_end
        p.pages.append(page)
    return p


def reparse(
    db: sqlite_utils.Database, snapshots: SnapshotStore, url: str | None = None
) -> list[ReparseResult]:
    """Rebuild updates and versions of one blog (or all) from their snapshots."""
    sql = "SELECT id, url FROM blogs" + (" WHERE url = ?" if url else "") + " ORDER BY id"
    blogs = list(db.query(sql, [url] if url else []))
    if url and not blogs:
        raise ArchiveError(f"{url} is not in this archive: `liveblog list` shows what is.")
    plans = [(blog, _fetches(db, blog["id"])) for blog in blogs]
    for blog, passes in plans:
        _check_replayable(blog["url"], passes)
    results = []
    for blog, passes in plans:
        with write_transaction(db):
            db.execute(
                "DELETE FROM update_versions WHERE update_id IN "
                "(SELECT id FROM updates WHERE blog_id = ?)",
                [blog["id"]],
            )
            db.execute("DELETE FROM updates WHERE blog_id = ?", [blog["id"]])
        for fetch, pages in passes:
            record_pass(
                db, _replayed_pass(blog["url"], fetch, pages, snapshots), replay_of=fetch["id"]
            )
        (updates,) = db.execute(
            "SELECT count(*) FROM updates WHERE blog_id = ?", [blog["id"]]
        ).fetchone()
        (versions,) = db.execute(
            "SELECT count(*) FROM update_versions v JOIN updates u ON u.id = v.update_id "
            "WHERE u.blog_id = ?",
            [blog["id"]],
        ).fetchone()
        results.append(ReparseResult(blog["url"], len(passes), updates, versions))
    return results
