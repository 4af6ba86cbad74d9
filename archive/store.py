"""Recording a pass over a blog: dedup, versions, removals and the fetch log, in one transaction."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from archive.db import write_transaction
from archive.records import BlogPass, PassResult
from archive.rules import (
    assign_keys,
    content_hash,
    headline_hash,
    is_newer,
    merge_duplicates,
    parse_time,
)
from crawler.extract.model import Update

CHUNK = 500
GONE_STATUSES = (404, 410)
NO_UPDATES_ERROR = (
    "no updates found on a page that had {n}: consent wall, truncated page or changed markup?"
)


@dataclass
class _Stored:
    """The columns of a stored update that decide what a new reading of it does."""

    id: int
    key: str
    published_at: str | None
    modified_at: str | None
    content_hash: str
    fidelity: int
    removed_at: str | None
    pinned: int
    version: int
    authors: str
    permalink: str | None


def _chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def _update_ids(
    conn: sqlite3.Connection, sql: str, params: Sequence[Any], ids: Sequence[int]
) -> None:
    """One UPDATE per chunk of ids, so a re-poll of 2,000 updates is a handful of statements."""
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        conn.execute(sql.format(ids=marks), [*params, *chunk])


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _upsert_blog(conn: sqlite3.Connection, p: BlogPass) -> int:
    """The blog row by URL; what this pass learnt about it fills in, what it did not know stays."""
    row = conn.execute("SELECT id FROM blogs WHERE url = ?", [p.url]).fetchone()
    if row is None:
        cur = conn.execute(
            "INSERT INTO blogs (url, first_seen_at) VALUES (?, ?)", [p.url, p.started_at]
        )
        assert cur.lastrowid is not None
        blog_id = cur.lastrowid
    else:
        blog_id = row[0]
    conn.execute(
        """UPDATE blogs SET
             title = coalesce(?, title),
             publisher = coalesce(?, publisher),
             coverage_start = coalesce(?, coverage_start),
             coverage_end = coalesce(?, coverage_end),
             last_fetched_at = ?
           WHERE id = ?""",
        [
            p.title,
            p.publisher,
            p.coverage_start,
            p.coverage_end,
            p.finished_at or p.started_at,
            blog_id,
        ],
    )
    return blog_id


def _insert_fetch(conn: sqlite3.Connection, blog_id: int, p: BlogPass) -> int:
    """Log the pass and each page first, so even a failed pass leaves its trace."""
    cur = conn.execute(
        """INSERT INTO fetches
             (blog_id, started_at, finished_at, pages, http_status, not_modified, bytes, complete)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            blog_id,
            p.started_at,
            p.finished_at,
            len(p.pages),
            p.http_status,
            int(bool(p.pages) and all(pg.not_modified for pg in p.pages)),
            sum(pg.bytes for pg in p.pages),
            int(p.complete),
        ],
    )
    assert cur.lastrowid is not None
    fetch_id = cur.lastrowid
    conn.executemany(
        """INSERT INTO fetch_pages
             (fetch_id, seq, url, status, bytes, not_modified, etag, last_modified,
              body_sha256, updates)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            [
                fetch_id,
                seq,
                pg.url,
                pg.status,
                pg.bytes,
                int(pg.not_modified),
                pg.etag,
                pg.last_modified,
                pg.body_sha256,
                pg.updates,
            ]
            for seq, pg in enumerate(p.pages, start=1)
        ],
    )
    return fetch_id


def _load_stored(conn: sqlite3.Connection, blog_id: int) -> dict[str, _Stored]:
    rows = conn.execute(
        """SELECT id, key, published_at, modified_at, content_hash, fidelity, removed_at,
                  pinned, version, authors, permalink
           FROM updates WHERE blog_id = ?""",
        [blog_id],
    ).fetchall()
    return {row[1]: _Stored(*row) for row in rows}


def _failure(p: BlogPass, live: int) -> str | None:
    """Why this pass must not touch updates; None when it may."""
    if p.error:
        return p.error
    if p.updates or not live:
        return None
    # A 304 page yields no updates because nothing changed, not because it is broken.
    if p.pages and all(pg.not_modified for pg in p.pages):
        return None
    return NO_UPDATES_ERROR.format(n=live)


def _version_row(
    update_id: int, version: int, h: str, u: Update, now: str, fetch_id: int
) -> list[Any]:
    return [
        update_id,
        version,
        h,
        u.headline,
        u.body_text,
        u.body_html,
        u.modified_at,
        now,
        fetch_id,
        _json(u.media),
    ]


def _window_bound(updates: Iterable[Update]) -> str | None:
    """The oldest publish time the pass reached; pinned posts sit out of order, so not them."""
    oldest: str | None = None
    for u in updates:
        if u.pinned or parse_time(u.published_at) is None:
            continue
        if oldest is None or is_newer(oldest, u.published_at):
            oldest = u.published_at
    return oldest


def _removals(p: BlogPass, stored: dict[str, _Stored], seen_ids: set[int]) -> list[int]:
    """Live updates this pass proves gone: all unseen if complete, else the unseen in its window."""
    unseen = [s for s in stored.values() if s.removed_at is None and s.id not in seen_ids]
    # A 304 page that yielded no updates was not looked at: what stood on it may stand still.
    if any(pg.not_modified and not pg.updates for pg in p.pages):
        return []
    if p.complete:
        return [s.id for s in unseen]
    bound = _window_bound(p.updates)
    if bound is None:
        return []
    return [s.id for s in unseen if not s.pinned and is_newer(s.published_at, bound)]


def _status(coverage_end: str | None, now: str) -> str:
    return "ended" if coverage_end and is_newer(now, coverage_end) else "live"


@dataclass
class _Plan:
    """The writes a successful pass makes, gathered so each kind is one executemany."""

    versions: list[list[Any]] = field(default_factory=list)
    changed: list[list[Any]] = field(default_factory=list)
    unchanged_ids: list[int] = field(default_factory=list)
    metadata: list[list[Any]] = field(default_factory=list)
    seen_ids: set[int] = field(default_factory=set)
    new: int = 0
    restored: int = 0


def _insert_update(
    conn: sqlite3.Connection, blog_id: int, key: str, u: Update, h: str, now: str
) -> int:
    cur = conn.execute(
        """INSERT INTO updates
             (blog_id, source_id, headline, headline_hash, body_text, body_html,
              published_at, modified_at, authors, media, permalink, first_seen_at,
              last_seen_at, version, content_hash, key, pinned, fidelity)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""",
        [
            blog_id,
            u.source_id,
            u.headline,
            headline_hash(u.headline, u.published_at, u.body_text),
            u.body_text,
            u.body_html,
            u.published_at,
            u.modified_at,
            _json(u.authors),
            _json(u.media),
            u.permalink,
            now,
            now,
            h,
            key,
            int(u.pinned),
            u.fidelity,
        ],
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def _plan(
    conn: sqlite3.Connection,
    blog_id: int,
    fetch_id: int,
    merged: dict[str, Update],
    stored: dict[str, _Stored],
    now: str,
) -> _Plan:
    """Insert new updates and decide, per known one, whether this reading is a new version."""
    plan = _Plan()
    for key, u in merged.items():
        h = content_hash(u)
        s = stored.get(key)
        if s is None:
            update_id = _insert_update(conn, blog_id, key, u, h, now)
            plan.versions.append(_version_row(update_id, 1, h, u, now, fetch_id))
            plan.new += 1
            continue
        plan.seen_ids.add(s.id)
        if s.removed_at is not None:
            plan.restored += 1
        # A poorer reading (JSON-LD text of an update held with its HTML) differs
        # without being an edit, unless it says the update was modified since.
        poorer = u.fidelity < s.fidelity and not is_newer(u.modified_at, s.modified_at)
        if h != s.content_hash and not poorer:
            version = s.version + 1
            plan.changed.append(
                [
                    u.source_id,
                    u.headline,
                    headline_hash(u.headline, u.published_at, u.body_text),
                    u.body_text,
                    u.body_html,
                    u.published_at,
                    u.modified_at,
                    _json(u.authors),
                    _json(u.media),
                    u.permalink,
                    now,
                    version,
                    h,
                    int(u.pinned),
                    u.fidelity,
                    s.id,
                ]
            )
            plan.versions.append(_version_row(s.id, version, h, u, now, fetch_id))
            continue
        plan.unchanged_ids.append(s.id)
        # Pinning, bylines and links are not content: refreshed in place, no version.
        current = (int(u.pinned), _json(u.authors), u.permalink or s.permalink,
                   u.published_at or s.published_at)  # fmt: skip
        if current != (s.pinned, s.authors, s.permalink, s.published_at):
            plan.metadata.append([*current, s.id])
    return plan


def _write(conn: sqlite3.Connection, plan: _Plan, now: str) -> None:
    if plan.changed:
        conn.executemany(
            """UPDATE updates SET
                 source_id = ?, headline = ?, headline_hash = ?, body_text = ?,
                 body_html = ?, published_at = coalesce(?, published_at), modified_at = ?,
                 authors = ?, media = ?, permalink = coalesce(?, permalink),
                 last_seen_at = ?, removed_at = NULL, version = ?, content_hash = ?,
                 pinned = ?, fidelity = ?
               WHERE id = ?""",
            plan.changed,
        )
    # Unchanged: only last_seen_at (and removed_at, for a reappearance) is written,
    # never headline/body_text, so the FTS trigger stays quiet.
    _update_ids(
        conn,
        "UPDATE updates SET last_seen_at = ?, removed_at = NULL WHERE id IN ({ids})",
        [now],
        plan.unchanged_ids,
    )
    if plan.metadata:
        conn.executemany(
            "UPDATE updates SET pinned = ?, authors = ?, permalink = ?, published_at = ? "
            "WHERE id = ?",
            plan.metadata,
        )
    if plan.versions:
        conn.executemany(
            """INSERT INTO update_versions
                 (update_id, version, content_hash, headline, body_text, body_html,
                  modified_at, seen_at, fetch_id, media)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            plan.versions,
        )


def record_pass(db: sqlite_utils.Database, p: BlogPass) -> PassResult:
    """Fold one pass into the archive atomically: a crash or a failed fetch never half-applies."""
    started = time.perf_counter()
    conn = db.conn
    with write_transaction(db):
        blog_id = _upsert_blog(conn, p)
        fetch_id = _insert_fetch(conn, blog_id, p)
        stored = _load_stored(conn, blog_id)
        live = sum(1 for s in stored.values() if s.removed_at is None)
        result = PassResult(url=p.url, blog_id=blog_id, fetch_id=fetch_id, pages=len(p.pages))

        error = _failure(p, live)
        if error is not None:
            result.error = error
            result.seen = len(set(assign_keys(p.updates, {})))
            conn.execute(
                "UPDATE fetches SET error = ?, updates_seen = ? WHERE id = ?",
                [error, result.seen, fetch_id],
            )
            if p.http_status in GONE_STATUSES:
                conn.execute("UPDATE blogs SET status = 'gone' WHERE id = ?", [blog_id])
            result.seconds = time.perf_counter() - started
            return result

        now = p.started_at
        keys = assign_keys(p.updates, {k: s.published_at for k, s in stored.items()})
        merged = merge_duplicates(p.updates, keys)
        plan = _plan(conn, blog_id, fetch_id, merged, stored, now)
        _write(conn, plan, now)
        removed = _removals(p, stored, plan.seen_ids)
        _update_ids(conn, "UPDATE updates SET removed_at = ? WHERE id IN ({ids})", [now], removed)

        result.seen = len(merged)
        result.new = plan.new
        result.changed = len(plan.changed)
        result.unchanged = len(plan.unchanged_ids)
        result.removed = len(removed)
        result.restored = plan.restored
        conn.execute(
            """UPDATE fetches SET updates_seen = ?, updates_new = ?, updates_changed = ?,
                 updates_removed = ?
               WHERE id = ?""",
            [result.seen, result.new, result.changed, result.removed, fetch_id],
        )
        (coverage_end,) = conn.execute(
            "SELECT coverage_end FROM blogs WHERE id = ?", [blog_id]
        ).fetchone()
        touched = result.new or result.changed or result.removed or result.restored
        conn.execute(
            """UPDATE blogs SET status = ?,
                 last_changed_at = CASE WHEN ? THEN ? ELSE last_changed_at END
               WHERE id = ?""",
            [_status(coverage_end, p.finished_at or now), bool(touched), now, blog_id],
        )
    result.seconds = time.perf_counter() - started
    return result
