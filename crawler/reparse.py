"""`liveblog reparse`: rebuild updates and versions from the kept snapshots and the fetch log.

Every successful pass is replayed in order with the current extractor, reading each page
from its WARC record; pages that answered 304 (or the same bytes) are replayed as such. On
an unchanged extractor this reproduces the archive, row ids included; on a better one it
improves it, and an update it finds again keeps its id.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import sqlite_utils

from archive.db import ArchiveError
from archive.history import blogs_to_replay, logged_passes, update_counts
from archive.records import BlogPass
from archive.snapshots import SnapshotRef, SnapshotStore
from archive.store import made_at, replay_blog
from crawler.extract import extract_page
from crawler.extract.endpoints.readers import read as endpoint_page
from crawler.extract.html import header_charset


@dataclass
class ReparseResult:
    """What a reparse did, for one line of output per blog."""

    url: str
    passes: int = 0
    updates: int = 0
    versions: int = 0
    error: str | None = None  # why the blog was left as it was


def _set_aside(blog: BlogPass, index: int) -> bool:
    """A page whose updates its endpoints' reading stood in for when the pass was made."""
    page = blog.pages[index]
    return page.kind is None and page.updates == 0 and any(p.kind for p in blog.pages[index:])


def _read_again(blog: BlogPass, snapshots: SnapshotStore) -> BlogPass:
    """The logged pass with every page it read extracted anew from its snapshot (an endpoint's
    JSON by the reader of its kind)."""
    for index, page in enumerate(blog.pages):
        if page.skipped or page.snapshot is None or page.failed is not None:
            continue
        snap = snapshots.read(SnapshotRef.parse(page.snapshot))
        made = made_at(snap.fetched_at or None, list(snap.headers))  # as the spider reads it
        if page.kind is not None:
            read = endpoint_page(page.kind, snap.body, page.url, made)
        else:
            read = extract_page(
                snap.body, snap.url, encoding=header_charset(snap.headers), fetched_at=made
            )
        if _set_aside(blog, index):
            read.updates = []
        page.updates = len(read.updates)
        page.headers = list(snap.headers)  # a cache's "Age" and "Date": an old copy's signs
        page.canonical_url = read.canonical_url if page.kind is None else None
        page.title = read.title if page.kind is None else None
        blog.updates.extend(read.updates)
        if index == 0:  # what the blog's first page says of it, as the spider reads it
            blog.title, blog.publisher = read.title, read.publisher
            blog.coverage_start, blog.coverage_end = read.coverage_start, read.coverage_end
    return blog


def reparse(
    db: sqlite_utils.Database, snapshots: SnapshotStore, url: str | None = None
) -> list[ReparseResult]:
    """Rebuild updates and versions of one blog (or all) from their snapshots."""
    plans = [
        (blog_id, blog_url, logged_passes(db, blog_id, blog_url))
        for blog_id, blog_url in blogs_to_replay(db, url)
    ]
    results = []
    for blog_id, blog_url, passes in plans:
        readings = ((_read_again(p.blog, snapshots), p.fetch_id) for p in passes)
        try:
            replay_blog(db, blog_id, readings)
        except (ArchiveError, OSError, sqlite3.Error):
            raise  # the archive's own trouble: the command says it
        except Exception as exc:  # a fault in extraction: this blog is left as it was
            results.append(ReparseResult(blog_url, error=_unreadable(exc)))
            continue
        updates, versions = update_counts(db, blog_id)
        results.append(ReparseResult(blog_url, len(passes), updates, versions))
    return results


def _unreadable(exc: Exception) -> str:
    return (
        f"left as it was: a snapshot could not be read again ({type(exc).__name__}: {exc}), "
        "a fault in liveblog-archive's extraction"
    )
