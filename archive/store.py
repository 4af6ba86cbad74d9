"""Recording a pass over a blog: dedup, versions, removals and the fetch log, in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import sqlite_utils

from archive.db import write_transaction
from archive.diff import store_diffs
from archive.evidence import (
    REFUSED_REPEAT,
    Reading,
    another_storys,
    first_repeat,
    in_stretch,
    mass_removal,
    misdated_ends,
    page_updates,
    read_pass,
    span,
    story_address,
    stretch,
)
from archive.history import drop_unreplayed, set_aside_updates
from archive.records import (
    OTHER_STORY_PAGE,
    REPEATED_PAGE,
    BlogPass,
    PageFetch,
    PageState,
    PassResult,
    Update,
    blog_url,
)
from archive.rules import (
    BODY_COMPARE_CHARS,
    REUSED_MARK,
    StoredIdentity,
    assign_keys,
    content_hash,
    headline_hash,
    identity_base,
    match_corrections,
    match_renamed_ids,
    match_turned_ids,
    merge_duplicates,
    redated,
    returned_ids,
    reused_ids,
    separate_twins,
)
from archive.times import is_newer, parse_utc, utc_stamp
from archive.watchlist import stored_url

CHUNK = 500
GONE_STATUSES = (404, 410)
SECOND = timedelta(seconds=1)  # the grain of an HTTP "Date"
NO_UPDATES_ERROR = (
    "no updates found on a page that had {n}: consent wall, truncated page or changed markup?"
)
OTHER_STORY_ERROR = (
    "{url} shows another story ({story}), not this blog's: nothing was taken from it"
)
REDIRECTED_ERROR = (
    "{url} now redirects to {to}, another story, not this blog's: nothing was taken from it"
)
QUARANTINE_ERROR = (
    "{n} of the blog's {live} standing updates are missing at once: none is marked removed "
    "unless the next pass finds the same ones gone"
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
    key_event: int
    version: int
    authors: str
    permalink: str | None
    headline_hash: str
    body_start: str
    truncated: int
    published_from: str | None
    headless: int  # no headline: its identity holds its publish time (rules.headline_hash)
    first_seen_at: str
    last_seen_at: str | None = None


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


def _blog_id(conn: sqlite3.Connection, p: BlogPass) -> tuple[int, str | None]:
    """The blog row by URL, created on its first pass; with the story its pages name."""
    url = stored_url(conn, p.url)
    row = conn.execute("SELECT id, canonical_url FROM blogs WHERE url = ?", [url]).fetchone()
    if row is not None:
        return row[0], row[1]
    cur = conn.execute("INSERT INTO blogs (url, first_seen_at) VALUES (?, ?)", [url, p.started_at])
    assert cur.lastrowid is not None
    return cur.lastrowid, None


def _touch_blog(conn: sqlite3.Connection, blog_id: int, p: BlogPass, learn: bool) -> None:
    """Record the fetch; what the pass's first page said of the blog fills in, unless refused."""
    told = [p.title, p.publisher, p.coverage_start, p.coverage_end] if learn else [None] * 4
    conn.execute(
        """UPDATE blogs SET
             title = coalesce(?, title),
             publisher = coalesce(?, publisher),
             coverage_start = coalesce(?, coverage_start),
             coverage_end = coalesce(?, coverage_end),
             last_fetched_at = ?,
             complete = CASE WHEN ? THEN ? ELSE complete END,
             updates_expected = coalesce(?, updates_expected)
           WHERE id = ?""",
        [
            *told,
            p.finished_at or p.started_at,
            p.error is None,
            int(p.complete),
            p.updates_expected if learn else None,
            blog_id,
        ],
    )


def _insert_fetch(conn: sqlite3.Connection, blog_id: int, p: BlogPass) -> int:
    """Log the pass and each page first, so even a failed pass leaves its trace."""
    cur = conn.execute(
        """INSERT INTO fetches
             (blog_id, started_at, finished_at, pages, http_status, not_modified, bytes, complete,
              incomplete_reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            blog_id,
            p.started_at,
            p.finished_at,
            len(p.pages),
            p.http_status,
            int(bool(p.pages) and all(pg.not_modified for pg in p.pages)),
            sum(pg.size for pg in p.pages),
            int(p.complete),
            None if p.error or p.complete else p.incomplete_reason,
        ],
    )
    assert cur.lastrowid is not None
    fetch_id = cur.lastrowid
    held = {pg.url: _vouched_for(conn, blog_id, pg) for pg in p.pages if pg.not_modified}
    conn.executemany(
        """INSERT INTO fetch_pages
             (fetch_id, seq, url, status, bytes, not_modified, etag, last_modified,
              body_sha256, updates, next_url, snapshot, unchanged, oldest_at, newest_at,
              outlier_at, pinned, canonical_url, kind)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            [
                fetch_id,
                seq,
                pg.url,
                pg.status,
                pg.size,
                int(pg.not_modified),
                *(
                    (pg.etag, pg.last_modified, pg.body_sha256)
                    if held.get(pg.url, True)
                    else (None, None, None)  # (the next pass reads the page whole)
                ),
                pg.updates,
                pg.next_url,
                pg.snapshot,
                int(pg.unchanged),
                *((pg.oldest_at, pg.newest_at, pg.outlier_at) if pg.skipped else stretch(shown)),
                pg.pinned if pg.skipped else sum(1 for u in shown if u.pinned),
                pg.canonical_url,
                pg.kind,
            ]
            for seq, (pg, shown) in enumerate(zip(p.pages, page_updates(p), strict=True), start=1)
        ],
    )
    return fetch_id


def _vouched_for(conn: sqlite3.Connection, blog_id: int, page: PageFetch) -> bool:
    """Whether the validators a page answered 304 to are the last this archive kept for it: a
    pass fetched for another state of the archive (a backup restored while it waited in the
    scale-out's queue) vouches for content this file never held, and kept, they would turn
    every later request into a 304."""
    row = conn.execute(
        """SELECT p.etag, p.last_modified FROM fetch_pages p JOIN fetches f ON f.id = p.fetch_id
           WHERE f.blog_id = ? AND p.url = ? AND f.error IS NULL AND f.quarantined = 0
             AND p.status IN (200, 304) AND p.refused IS NULL
           ORDER BY p.id DESC LIMIT 1""",
        [blog_id, page.url],
    ).fetchone()
    if row is None:
        return False
    etag, last_modified = row
    # (Either validator it sent: a server may name the same page's ETag another way in a 304.)
    return (page.etag is not None and page.etag == etag) or (
        page.last_modified is not None and page.last_modified == last_modified
    )


def _load_stored(conn: sqlite3.Connection, blog_id: int) -> dict[str, _Stored]:
    rows = conn.execute(
        f"""SELECT id, key, published_at, modified_at, content_hash, fidelity, removed_at,
                  pinned, key_event, version, authors, permalink, headline_hash,
                  substr(body_text, 1, {BODY_COMPARE_CHARS}), truncated, published_from,
                  coalesce(headline, '') = '', first_seen_at, last_seen_at
           FROM updates WHERE blog_id = ? AND version > 0""",
        [blog_id],
    ).fetchall()
    return {row[1]: _Stored(*row) for row in rows}


def _failure(p: BlogPass, live: int, reading: Reading) -> str | None:
    """Why this pass must not touch updates; None when it may."""
    if p.error:
        return p.error
    if 0 in reading.refused:
        first = p.pages[0]
        if story_address(first.url) != story_address(p.url):
            return REDIRECTED_ERROR.format(url=p.url, to=first.url)
        return OTHER_STORY_ERROR.format(url=first.url, story=first.canonical_url)
    if reading.updates or not live:
        return None
    # A page answered 304, or with the same bytes as last time, was not re-read: no
    # updates from it means nothing changed, not that it is broken; nor does an older page
    # that failed, nor one refused as another story's, below it (the pass is incomplete).
    if p.pages and all(pg.skipped or i in reading.refused for i, pg in enumerate(p.pages)):
        return None
    return NO_UPDATES_ERROR.format(n=live)


def _version_row(
    update_id: int, version: int, h: str, u: Update, now: str, fetch_id: int, published: str | None
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
        int(u.truncated),
        published,
    ]


@dataclass
class _Run:
    """Consecutive pages read this pass: the stretch of the blog the pass really looked at."""

    starts_at_top: bool
    ends_at_bottom: bool
    updates: list[Update]
    # The oldest update of the page above, when that page was not re-read: the run's
    # stretch reaches up to it, since that page is known unchanged.
    ceiling: str | None = None


def _extracted_runs(p: BlogPass, cut: int | None = None) -> list[_Run]:
    """The pass's updates grouped by runs of consecutive pages that were read this time.

    Pages answered 304 (or with unchanged bytes) break runs: what stood on them was not
    looked at, so nothing may be judged removed there. A page that lists only what is new
    (`PageFetch.partial`) is no evidence and no break either. Pages from `cut` on (another
    story, a repeat) are no evidence at all: the runs end above them.
    """
    runs: list[_Run] = []
    current: _Run | None = None
    above: str | None = None
    evidence = list(zip(p.pages, page_updates(p), strict=True))[:cut]
    for index, (page, shown) in enumerate(evidence):
        if page.partial:
            continue
        if page.skipped:
            if current is not None:
                runs.append(current)
            current, above = None, page.oldest_at
            continue
        if current is None:
            current = _Run(index == 0, False, [], None if index == 0 else above)
        current.updates.extend(shown)
    if current is not None:
        current.ends_at_bottom = cut is None
        runs.append(current)
    return runs


def _removals(
    p: BlogPass,
    stored: dict[str, _Stored],
    seen_ids: set[int],
    reached_end: bool,
    cut: int | None = None,
) -> list[int]:
    """Live updates this pass proves gone: unseen, and standing where the pass looked.

    A run of pages read from the top covers everything newer than its oldest update; a
    run that reached the blog's last page (pagination exhausted, no fewer pages than the
    last full pass) covers everything older than its newest. An update that merely fell
    off the last page fetched is never inside a run. Nor is one whose time lies in the
    stretch a page not re-read showed when it was last read: it may stand there still,
    whatever times the pages read this pass show (a post whose time was corrected stands
    out of their order), nor a pinned one while a page that showed one was not re-read.
    """
    unseen = [s for s in stored.values() if s.removed_at is None and s.id not in seen_ids]
    kept = _kept_stretches(p, cut)
    pins_kept = _pins_kept(p, cut)
    removed: list[int] = []
    for run in _extracted_runs(p, cut):
        oldest, newest = span(run.updates)
        starts_at_top = run.starts_at_top
        to_bottom = run.ends_at_bottom and reached_end
        if oldest is None and not (starts_at_top and to_bottom):
            continue
        for s in unseen:
            if s.id in removed:
                continue
            if starts_at_top and to_bottom:
                inside = True
            else:
                t = s.published_at
                above = (
                    starts_at_top
                    or (newest is not None and not is_newer(t, newest))
                    or (run.ceiling is not None and is_newer(run.ceiling, t))
                )
                below = to_bottom or is_newer(t, oldest)
                inside = parse_utc(t) is not None and above and below and not _kept(t, kept)
            if inside and not (s.pinned and (pins_kept or not to_bottom)):
                removed.append(s.id)
    return removed


def _pins_kept(p: BlogPass, cut: int | None) -> bool:
    """Whether a pinned post may stand on a page not re-read: one that showed a pinned post
    when last read. A pinned post stands out of its page's stretch of times (span leaves it
    out), on whichever page shows it: atop the first of a blog newest first, in its place on
    one paginated oldest first. Where an archive made before did not count a page's pinned
    posts, the first page not re-read keeps them, as it then did."""
    return any(
        page.skipped and not page.partial and (page.pinned or (page.pinned is None and index == 0))
        for index, page in enumerate(p.pages[:cut])
    )


def _kept_stretches(p: BlogPass, cut: int | None) -> list[tuple[str, str | None]]:
    """The stretch of times each page not re-read showed when last read. Where an archive
    made before `newest_at` kept only its oldest, the oldest of the page above bounds it (a
    blog newest first); none for the first page: to no end."""
    stretches: list[tuple[str, str | None]] = []
    above: str | None = None
    for page, shown in list(zip(p.pages, page_updates(p), strict=True))[:cut]:
        lowest = page.oldest_at if page.skipped else span(shown)[0]
        if page.skipped and not page.partial and page.oldest_at is not None:
            stretches.append((page.oldest_at, page.newest_at or above))
            if page.outlier_at is not None:
                stretches.append((page.outlier_at, page.outlier_at))
        above = lowest or above
    return stretches


def _kept(t: str | None, kept: list[tuple[str, str | None]]) -> bool:
    """Whether a time lies in a stretch a page not re-read showed (from its oldest to its
    newest; to no end where nothing bounds it: _kept_stretches)."""
    return any(in_stretch(t, oldest, newest) for oldest, newest in kept)


def _reached_end(conn: sqlite3.Connection, blog_id: int, fetch_id: int, p: BlogPass) -> bool:
    """Pagination ran out, and the blog never showed more pages than this pass read.

    A publisher that stops paginating (or a pass cut at --max-pages before) leaves older
    updates where no pass can see them now: they are not proved gone.
    """
    if not p.complete:
        return False
    # (A page refused is none of the blog's: an older page that failed, a link past the
    # blog's last page answering 404, showed none; another story's, and the pages reached
    # through it, or a repeat, showed no page of the blog's beyond those above.)
    (most,) = conn.execute(
        """SELECT max(f.pages - (SELECT count(*) FROM fetch_pages g
                                 WHERE g.fetch_id = f.id AND g.refused IS NOT NULL))
           FROM fetches f WHERE f.blog_id = ? AND f.id < ? AND f.error IS NULL""",
        [blog_id, fetch_id],
    ).fetchone()
    return most is None or len(p.pages) >= most


def _status(coverage_end: str | None, now: str) -> str:
    return "ended" if coverage_end and is_newer(now, coverage_end) else "live"


@dataclass
class _Plan:
    """The writes a successful pass makes, gathered so each kind is one executemany."""

    versions: list[list[Any]] = field(default_factory=list)
    changed: list[list[Any]] = field(default_factory=list)
    unchanged_ids: list[int] = field(default_factory=list)
    # Cut bodies a full reading completes: the update and its current version, in place.
    completed: list[list[Any]] = field(default_factory=list)
    metadata: list[list[Any]] = field(default_factory=list)
    seen_ids: set[int] = field(default_factory=set)
    new: int = 0
    restored_ids: list[int] = field(default_factory=list)  # removed before, found again
    # Rows whose post the publisher now names by another id (rules.match_renamed_ids): the
    # new id and the row.
    renamed: list[list[Any]] = field(default_factory=list)


def _update_columns(u: Update) -> list[Any]:
    """source_id through permalink, as both an insert and an edit write them."""
    return [
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
    ]


def _flags(u: Update) -> tuple[int, int]:
    """pinned and key_event, as the columns hold them."""
    return int(u.pinned), int(u.key_event)


def _insert_update(
    conn: sqlite3.Connection, blog_id: int, key: str, u: Update, h: str, now: str
) -> int:
    """A new update's row; a row set aside for a replay (reparse) is taken again, keeping its id."""
    row = conn.execute(
        """INSERT INTO updates
             (blog_id, source_id, headline, headline_hash, body_text, body_html,
              published_at, modified_at, authors, media, permalink, first_seen_at,
              last_seen_at, version, content_hash, key, pinned, key_event, fidelity, truncated,
              published_from)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT ([blog_id], [key]) DO UPDATE SET
             source_id = excluded.source_id, headline = excluded.headline,
             headline_hash = excluded.headline_hash, body_text = excluded.body_text,
             body_html = excluded.body_html, published_at = excluded.published_at,
             modified_at = excluded.modified_at, authors = excluded.authors,
             media = excluded.media, permalink = excluded.permalink,
             first_seen_at = excluded.first_seen_at, last_seen_at = excluded.last_seen_at,
             removed_at = NULL, version = 1, content_hash = excluded.content_hash,
             pinned = excluded.pinned, key_event = excluded.key_event,
             fidelity = excluded.fidelity, truncated = excluded.truncated,
             published_from = excluded.published_from
           WHERE updates.version = 0
           RETURNING id""",
        [
            blog_id,
            *_update_columns(u),
            now,
            now,
            h,
            key,
            *_flags(u),
            u.fidelity,
            int(u.truncated),
            _source_of_time(u),
        ],
    ).fetchone()
    assert row is not None, f"update {key!r} of blog {blog_id} is already stored"
    return int(row[0])


def _plan(
    conn: sqlite3.Connection,
    blog_id: int,
    fetch_id: int,
    merged: dict[str, Update],
    stored: dict[str, _Stored],
    now: str,
    seen: str,
) -> _Plan:
    """Insert new updates and decide, per known one, whether this reading is a new version.

    `seen`: when the pass ended, the latest instant its readings of how long ago a post
    went up were resolved against (rules.redated)."""
    plan = _Plan()
    for key, u in merged.items():
        h = content_hash(u)
        s = stored.get(key)
        if s is None:
            update_id = _insert_update(conn, blog_id, key, u, h, now)
            plan.versions.append(_version_row(update_id, 1, h, u, now, fetch_id, u.published_at))
            plan.new += 1
            continue
        plan.seen_ids.add(s.id)
        if u.source_id and key != f"id:{u.source_id}":
            plan.renamed.append([u.source_id, s.id])
        if s.removed_at is not None:
            plan.restored_ids.append(s.id)
        # A poorer reading (JSON-LD text of an update held with its HTML) differs
        # without being an edit, unless it says the update was modified since.
        poorer = u.fidelity < s.fidelity and not is_newer(u.modified_at, s.modified_at)
        # A cut reading of a post whose whole body is held is no news about it.
        cut = u.truncated and not s.truncated
        moved = not (poorer or cut) and redated(
            s.published_at, s.published_from, u.published_at, _source_of_time(u), seen
        )
        if (
            h != s.content_hash
            and s.truncated
            and not u.truncated
            and not _edited(s, u)
            and not moved
        ):
            plan.completed.append([*_update_columns(u), h, u.fidelity, s.id, s.version])
            plan.unchanged_ids.append(s.id)
            continue
        published, source = _kept_time(s, u)
        if (h != s.content_hash and not poorer and not cut) or moved:
            version = s.version + 1
            kept = replace(u, published_at=published, published_from=source)
            plan.changed.append(
                [*_update_columns(kept), now, version, h, *_flags(u), u.fidelity,
                 int(u.truncated), source, s.id]
            )  # fmt: skip
            plan.versions.append(_version_row(s.id, version, h, u, now, fetch_id, published))
            continue
        plan.unchanged_ids.append(s.id)
        # Pinning, key events, bylines and links are not content, nor is a publish time read
        # again that moved no more than its reading explains: refreshed in place, no version.
        current = (*_flags(u), _json(u.authors), u.permalink or s.permalink, published, source)
        if current != (s.pinned, s.key_event, s.authors, s.permalink, s.published_at,
                       s.published_from):  # fmt: skip
            plan.metadata.append([*current, s.id])
    return plan


def _source_of_time(u: Update) -> str | None:
    """Where the reading's publish time came from (Update.published_from); none without one."""
    return u.published_from if u.published_at else None


def _kept_time(s: _Stored, u: Update) -> tuple[str | None, str | None]:
    """The publish time (and its source) to hold after this reading: the reading's, where it
    has one. The times a page showed bound the stretch it covers when it next answers 304
    (fetch_pages.oldest_at, newest_at): a post held at another time than its page showed
    would stand outside its own page's stretch, and be taken for gone."""
    if u.published_at is None:
        return s.published_at, s.published_from
    return u.published_at, _source_of_time(u)


def _edited(s: _Stored, u: Update) -> bool:
    """The reading says the post was modified after the stored reading of it."""
    return s.modified_at is not None and is_newer(u.modified_at, s.modified_at)


def _complete_cut(conn: sqlite3.Connection, completed: list[list[Any]]) -> None:
    """A full body replaces a cut one where it stands, in the update and its current version:
    the cut text was never a version of its own, only a poorer sight of this one."""
    for row in completed:
        *columns, h, fidelity, update_id, version = row
        shown = [columns[i] for i in (1, 3, 4, 6, 8)]  # headline, bodies, modified_at, media
        conn.execute(
            """UPDATE updates SET
                 source_id = ?, headline = ?, headline_hash = ?, body_text = ?, body_html = ?,
                 published_at = coalesce(?, published_at), modified_at = ?, authors = ?,
                 media = ?, permalink = coalesce(?, permalink), content_hash = ?,
                 fidelity = ?, truncated = 0
               WHERE id = ?""",
            [*columns, h, fidelity, update_id],
        )
        conn.execute(
            """UPDATE update_versions SET headline = ?, body_text = ?, body_html = ?,
                 modified_at = ?, media = ?, content_hash = ?, truncated = 0
               WHERE update_id = ? AND version = ?""",
            [*shown, h, update_id, version],
        )
    store_diffs(conn, [[row[-2], row[-1]] for row in completed])


def _write(conn: sqlite3.Connection, plan: _Plan, now: str) -> None:
    conn.executemany("UPDATE updates SET source_id = ? WHERE id = ?", plan.renamed)
    # (a row a replay set aside may hold the new id's key: the row keeps its old key, and
    # the rename is read again at each pass)
    conn.executemany("UPDATE OR IGNORE updates SET key = 'id:' || ? WHERE id = ?", plan.renamed)
    if plan.changed:
        conn.executemany(
            """UPDATE updates SET
                 source_id = ?, headline = ?, headline_hash = ?, body_text = ?,
                 body_html = ?, published_at = coalesce(?, published_at), modified_at = ?,
                 authors = ?, media = ?, permalink = coalesce(?, permalink),
                 last_seen_at = ?, removed_at = NULL, version = ?, content_hash = ?,
                 pinned = ?, key_event = ?, fidelity = ?, truncated = ?, published_from = ?
               WHERE id = ?""",
            plan.changed,
        )
    _complete_cut(conn, plan.completed)
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
            "UPDATE updates SET pinned = ?, key_event = ?, authors = ?, permalink = ?, "
            "published_at = ?, published_from = ? WHERE id = ?",
            plan.metadata,
        )
    if plan.versions:
        conn.executemany(
            """INSERT INTO update_versions
                 (update_id, version, content_hash, headline, body_text, body_html,
                  modified_at, seen_at, fetch_id, media, truncated, published_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            plan.versions,
        )
        store_diffs(conn, plan.versions)


def _log_removals(
    conn: sqlite3.Connection, fetch_id: int, now: str, removed: list[int], restored: list[int]
) -> None:
    """update_removals: a row per removal, closed when the update comes back."""
    _update_ids(
        conn,
        """UPDATE update_removals SET restored_at = ?, restored_fetch_id = ?
           WHERE restored_at IS NULL AND update_id IN ({ids})""",
        [now, fetch_id],
        restored,
    )
    conn.executemany(
        """INSERT OR IGNORE INTO update_removals (update_id, removed_at, removed_fetch_id)
           VALUES (?, ?, ?)""",
        [[update_id, now, fetch_id] for update_id in removed],
    )


def _keys(
    updates: list[Update], pages: list[int], stored: dict[str, _Stored], seen: str
) -> tuple[list[str], dict[str, str]]:
    """Each update's identity (archive/rules.py): publisher id, else headline, time, body, place.
    `seen`: when the pass ended, against which times read from how long ago were read.
    With them, the keys of stored posts whose id the pass shows on another post (a reused
    id) and the keys those posts now hold, which no reading has unless one renames it."""
    keys = assign_keys(updates, {k: s.published_at for k, s in stored.items()})
    identities = {
        k: StoredIdentity(
            s.headline_hash,
            s.published_at,
            s.body_start,
            s.published_from,
            bool(s.headless),
            s.last_seen_at,
        )
        for k, s in stored.items()
        if k.startswith("h:")
    }
    keys = separate_twins(keys, updates, identities, pages)
    times = {k: (s.published_at, s.published_from) for k, s in stored.items()}
    keys = match_corrections(keys, updates, identities, seen, times)
    held = {
        k: StoredIdentity(
            s.headline_hash, s.published_at, s.body_start, s.published_from, bool(s.headless)
        )
        for k, s in stored.items()
        if k.startswith("id:")
    }
    keys = returned_ids(keys, updates, held)
    # (an id given again after its post was taken down is another post as a standing one's is)
    retired = {k: f"{k}{REUSED_MARK}{stored[k].id}" for k in reused_ids(keys, updates, held, seen)}
    standing = {k: s for k, s in held.items() if stored[k].removed_at is None}
    for old, new in retired.items():
        if old in standing:
            standing[new] = standing.pop(old)
    keys = match_renamed_ids(keys, updates, standing, seen)
    alive = {
        k: StoredIdentity(
            s.headline_hash, s.published_at, s.body_start, s.published_from, bool(s.headless)
        )
        for k, s in stored.items()
        if s.removed_at is None
    }
    return match_turned_ids(keys, updates, alive, seen), retired


def _reading(
    conn: sqlite3.Connection,
    blog_id: int,
    p: BlogPass,
    story: str | None,
    stored: dict[str, _Stored],
) -> Reading:
    """The pages of the pass that are this blog's (archive/evidence.py), beside the archive's
    other blogs and the title and publisher it holds for this one."""
    others = [
        url
        for row in conn.execute("SELECT url, canonical_url FROM blogs WHERE id != ?", [blog_id])
        for url in row
        if url
    ]
    title, publisher = conn.execute(
        "SELECT title, publisher FROM blogs WHERE id = ?", [blog_id]
    ).fetchone()
    return read_pass(p, story, {identity_base(k) for k in stored}, others, title, publisher)


def _note_pages(
    conn: sqlite3.Connection, fetch_id: int, p: BlogPass, reading: Reading, replay: bool
) -> None:
    """Mark the pages that did not count and why; a replay first clears what its last run said."""
    if replay:
        conn.execute("UPDATE fetch_pages SET refused = NULL WHERE fetch_id = ?", [fetch_id])
        conn.executemany(
            "UPDATE fetch_pages SET canonical_url = ? WHERE fetch_id = ? AND seq = ?",
            [[pg.canonical_url, fetch_id, seq] for seq, pg in enumerate(p.pages, start=1)],
        )
    conn.executemany(
        """UPDATE fetch_pages SET refused = ?, oldest_at = NULL, newest_at = NULL,
             outlier_at = NULL, pinned = NULL
           WHERE fetch_id = ? AND seq = ?""",
        [[why, fetch_id, index + 1] for index, why in sorted(reading.refused.items())],
    )
    if reading.cut is not None and p.complete:
        conn.execute(
            "UPDATE fetches SET complete = 0, incomplete_reason = ? WHERE id = ?",
            [_cut_short(reading), fetch_id],
        )


def _set_apart_ends(conn: sqlite3.Connection, fetch_id: int, p: BlogPass, reading: Reading) -> None:
    """A page's first or last post the pages beside it say is misdated widens its stretch
    of times no more than a lone post its own order contradicts (evidence.misdated_ends)."""
    conn.executemany(
        """UPDATE fetch_pages SET oldest_at = ?, newest_at = ?, outlier_at = ?
           WHERE fetch_id = ? AND seq = ?""",
        [[*end, fetch_id, index + 1] for index, end in sorted(misdated_ends(p, reading).items())],
    )


def _cut_short(reading: Reading) -> str | None:
    """Why the pages of a pass that followed every link stopped counting, where they did
    (a first page of another story fails the pass instead: no reason)."""
    if reading.cut is None or reading.cut == 0:
        return None
    return REPEATED_PAGE if reading.refused.get(reading.cut) == REFUSED_REPEAT else OTHER_STORY_PAGE


def _fail(conn: sqlite3.Connection, result: PassResult, p: BlogPass, error: str) -> PassResult:
    """A pass that must not touch updates: its error on the fetch log, and a 404 marks the blog."""
    result.error = error
    result.seen = len(set(assign_keys(p.updates, {})))
    conn.execute(
        "UPDATE fetches SET error = ?, updates_seen = ? WHERE id = ?",
        [error, result.seen, result.fetch_id],
    )
    if p.http_status in GONE_STATUSES:
        conn.execute("UPDATE blogs SET status = 'gone' WHERE id = ?", [result.blog_id])
    return result


def _confirmed(conn: sqlite3.Connection, blog_id: int, fetch_id: int, removals: list[int]) -> bool:
    """The blog's last pass that read it was quarantined for these same removals (or more)."""
    row = conn.execute(
        """SELECT id, quarantined FROM fetches
           WHERE blog_id = ? AND id < ? AND (error IS NULL OR quarantined = 1)
           ORDER BY id DESC LIMIT 1""",
        [blog_id, fetch_id],
    ).fetchone()
    if row is None or not row[1]:
        return False
    held = {
        r[0]
        for r in conn.execute(
            "SELECT update_id FROM quarantined_removals WHERE fetch_id = ?", [row[0]]
        )
    }
    return set(removals) <= held


def _old_copy(
    merged: dict[str, Update],
    stored: dict[str, _Stored],
    missing: list[int],
    first: PageFetch | None,
) -> bool:
    """The pass read a page as a cache kept it before its newest posts went up: every post it
    lacks was first seen after every post it shows, and it shows each as the archive holds it
    (nothing new, edited, put back or taken down); and its first page says it is a cache's
    copy (`_cache_signs`), not the site's answer now, in which those posts were taken down."""
    if not missing or not merged:
        return False
    aged, dated = _cache_signs(first)
    if not aged and dated is None:
        return False
    newest: str | None = None
    for key, u in merged.items():
        s = stored.get(key)
        if s is None or s.removed_at is not None or u.removed or content_hash(u) != s.content_hash:
            return False
        if newest is None or is_newer(s.first_seen_at, newest):
            newest = s.first_seen_at
    lacking = set(missing)
    seen = [s.first_seen_at for s in stored.values() if s.id in lacking]
    if not all(is_newer(first_seen, newest) for first_seen in seen):
        return False
    if aged:
        return True
    earliest = min((t for t in map(parse_utc, seen) if t is not None), default=None)
    # A "Date" names its second, not the instant: made before the reading only if that whole
    # second ended before it (a page made later in the same second is the site's answer).
    return dated is not None and earliest is not None and dated + SECOND <= earliest


def _cache_signs(page: PageFetch | None) -> tuple[bool, datetime | None]:
    """What a response says of being a cache's copy: an "Age" over 0 (a cache's own header:
    the copy was not made by the site for this request, RFC 9111 5.1), and its "Date", which
    a cache keeps from when the site made the copy (older than a post the copy lacks: made
    before the post went up)."""
    aged, dated = False, None
    for name, value in page.headers if page is not None else ():
        lower = name.lower()
        if lower == "age":
            aged = aged or _age_seconds(value) > 0
        elif lower == "date":
            try:
                when = parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                continue
            dated = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    return aged, dated


def _age_seconds(value: str) -> int:
    """A cache's "Age": how many seconds ago the site made the copy, 0 if it says none."""
    seconds = value.strip()
    # delta-seconds are ASCII digits: "³", a Latin-1 byte, is a digit to isdigit()
    return int(seconds) if seconds.isascii() and seconds.isdigit() else 0


def made_at(fetched_at: str | None, headers: list[tuple[str, str]]) -> str | None:
    """When the site made the page read at `fetched_at`: as long before as a cache's "Age"
    says its copy is old. What a page's stamps of how long ago ("4 minutes ago") count
    from: a copy kept twenty minutes says them as of twenty minutes before it is read."""
    when = parse_utc(fetched_at)
    age = max((_age_seconds(v) for n, v in headers if n.lower() == "age"), default=0)
    if when is None or age <= 0 or age > _AGE_MOST:
        return fetched_at
    return utc_stamp(when - timedelta(seconds=age))


_AGE_MOST = 24 * 3600  # seconds of a cache's "Age" read as such: a day at most


def _hold(conn: sqlite3.Connection, result: PassResult, held: list[int]) -> None:
    """An old copy's removals wait, as a quarantined pass's do, but the pass stands; none
    held clears the hold an earlier reading of the pass logged (`liveblog reparse`), not a
    mass removal's, which its error keeps."""
    result.held = len(held)
    if not held:
        held_before = "SELECT id FROM fetches WHERE id = ? AND error IS NULL"
        conn.execute(
            f"UPDATE fetches SET quarantined = 0 WHERE id IN ({held_before})", [result.fetch_id]
        )
        conn.execute(
            f"DELETE FROM quarantined_removals WHERE fetch_id IN ({held_before})", [result.fetch_id]
        )
        return
    conn.execute("UPDATE fetches SET quarantined = 1 WHERE id = ?", [result.fetch_id])
    conn.execute("DELETE FROM quarantined_removals WHERE fetch_id = ?", [result.fetch_id])
    conn.executemany(
        "INSERT INTO quarantined_removals (fetch_id, update_id) VALUES (?, ?)",
        [[result.fetch_id, update_id] for update_id in held],
    )


def _quarantine(
    conn: sqlite3.Connection, result: PassResult, removals: list[int], live: int, seen: int
) -> PassResult:
    """Hold a mass removal back: the pass fails with the reason and keeps what it would remove."""
    result.error = QUARANTINE_ERROR.format(n=len(removals), live=live)
    result.quarantined = len(removals)
    result.seen = seen
    conn.execute(
        "UPDATE fetches SET error = ?, quarantined = 1, updates_seen = ? WHERE id = ?",
        [result.error, seen, result.fetch_id],
    )
    conn.execute("DELETE FROM quarantined_removals WHERE fetch_id = ?", [result.fetch_id])
    conn.executemany(
        "INSERT INTO quarantined_removals (fetch_id, update_id) VALUES (?, ?)",
        [[result.fetch_id, update_id] for update_id in removals],
    )
    return result


def record_pass(
    db: sqlite_utils.Database,
    p: BlogPass,
    *,
    replay_of: int | None = None,
    worker: str | None = None,
    then: Callable[[sqlite3.Connection, PassResult], None] | None = None,
) -> PassResult:
    """Fold one pass into the archive atomically: a crash or a failed fetch never half-applies.

    `replay_of` names the logged fetch this pass re-reads (`liveblog reparse`): its fetch
    log rows stay, only its counts are refreshed. A pass with a `pass_id` (the scale-out's,
    done by `worker`) is written at most once: its id is recorded in the same transaction.
    `then` runs inside that transaction too, after the pass is folded in (not for a pass
    written before): what the writer decides from the result commits with it.
    """
    with write_transaction(db):
        result = _record(db.conn, p, replay_of, worker)
        if then is not None and not result.duplicate:
            then(db.conn, result)
    return result


def replay_blog(
    db: sqlite_utils.Database, blog_id: int, passes: Iterable[tuple[BlogPass, int]]
) -> None:
    """Rebuild one blog's updates and versions from its logged passes read again (`liveblog
    reparse`), each `(pass, the fetch it re-reads)`, in one transaction: a pass that cannot
    be read again (`passes` raises while it is read) leaves the blog as it was."""
    with write_transaction(db):
        set_aside_updates(db.conn, blog_id)
        for p, fetch_id in passes:
            _record(db.conn, p, fetch_id, None)
        drop_unreplayed(db.conn, blog_id)


def _record(
    conn: sqlite3.Connection, p: BlogPass, replay_of: int | None, worker: str | None
) -> PassResult:
    """record_pass inside its transaction: every early return leaves a consistent archive."""
    if p.pass_id is not None and _written_before(conn, p.pass_id):
        return PassResult(url=p.url, blog_id=0, fetch_id=0, pages=0, duplicate=True)
    blog_id, story = _blog_id(conn, p)
    fetch_id = _insert_fetch(conn, blog_id, p) if replay_of is None else replay_of
    if p.pass_id is not None:
        conn.execute(
            """INSERT INTO cluster_passes (pass_id, fetch_id, worker, finished_at, written_at)
               VALUES (?, ?, ?, ?, ?)""",
            [p.pass_id, fetch_id, worker, p.finished_at, utc_stamp()],
        )
    result = PassResult(
        url=p.url,
        blog_id=blog_id,
        fetch_id=fetch_id,
        pages=len(p.pages),
        not_modified=sum(1 for pg in p.pages if pg.skipped),
        incomplete_reason=None if p.error or p.complete else p.incomplete_reason,
        incomplete_detail=next((pg.failed for pg in p.pages if pg.failed), None),
    )
    if not p.error and p.pages and all(pg.skipped for pg in p.pages):
        # Nothing was re-read: the fetch log is all this pass writes, and a blog
        # marked gone after a 404 answers again.
        _touch_blog(conn, blog_id, p, learn=True)
        _answered(conn, blog_id, p)
        return result
    stored = _load_stored(conn, blog_id)
    live = sum(1 for s in stored.values() if s.removed_at is None)
    reading = _reading(conn, blog_id, p, story, stored)

    error = _failure(p, live, reading)
    if error is not None:
        _touch_blog(conn, blog_id, p, learn=0 not in reading.refused)
        _note_pages(conn, fetch_id, p, reading, replay_of is not None)
        return _fail(conn, result, p, error)

    now = p.started_at
    keys, retired = _keys(reading.updates, reading.pages, stored, p.finished_at or p.started_at)
    for old, new in retired.items():
        stored[new] = replace(stored.pop(old), key=new)
    repeat = first_repeat(p, reading, keys, {k: s.published_at for k, s in stored.items()})
    if repeat is not None:
        reading.refused[repeat] = REFUSED_REPEAT
        reading.stop_at(repeat)
    _note_pages(conn, fetch_id, p, reading, replay_of is not None)
    if replay_of is None:
        _set_apart_ends(conn, fetch_id, p, reading)
    # (the blog's `complete` says so too; a spider that stopped at another story's page
    # says why the archive then finds)
    if reading.cut is not None and (p.complete or p.incomplete_reason == OTHER_STORY_PAGE):
        p.complete, p.incomplete_reason = False, _cut_short(reading)
        result.incomplete_reason = p.incomplete_reason
        if p.incomplete_reason == OTHER_STORY_PAGE:
            result.incomplete_detail = reading.refused[reading.cut]
    merged = merge_duplicates(reading.updates, keys)
    # A tombstone (AMP's data-tombstone) says the publisher deleted the update.
    tombstones = {k for k, u in merged.items() if u.removed}
    live_updates = {k: u for k, u in merged.items() if k not in tombstones}
    seen_ids = {stored[k].id for k in merged if k in stored}
    buried = [stored[k].id for k in tombstones if k in stored and stored[k].removed_at is None]
    reached_end = reading.cut is None and _reached_end(conn, blog_id, fetch_id, p)
    inferred = _removals(p, stored, seen_ids, reached_end, reading.cut)
    confirmed = bool(inferred) and _confirmed(conn, blog_id, fetch_id, inferred)
    held: list[int] = []
    # More than half the blog gone is a mass removal however like an old copy it reads: the
    # pass fails, so that no pass that removes most of a blog goes by unremarked.
    mass = mass_removal(len(inferred), live)
    if (
        not confirmed
        and not mass
        and _old_copy(merged, stored, inferred, p.pages[0] if p.pages else None)
    ):
        held, inferred = inferred, []
    if mass and not confirmed:
        # What a quarantined pass's first page says of the blog is not learnt.
        _touch_blog(conn, blog_id, p, learn=False)
        return _quarantine(conn, result, inferred, live, len(merged))
    _touch_blog(conn, blog_id, p, learn=True)
    # (a post whose id another post now holds gives it up, for its own or none)
    conn.executemany(
        "UPDATE updates SET key = ? WHERE id = ?",
        [[new, stored[new].id] for new in retired.values()],
    )
    if held:
        # An old copy says nothing the archive does not hold: its stamps of how long ago,
        # which a cache keeps, would move its posts' times; its posts are seen, no more.
        ids = [stored[k].id for k in live_updates]
        plan = _Plan(unchanged_ids=ids, seen_ids=set(ids))
    else:
        plan = _plan(conn, blog_id, fetch_id, live_updates, stored, now, p.finished_at or now)
    _write(conn, plan, now)
    removed = buried + inferred
    _update_ids(conn, "UPDATE updates SET removed_at = ? WHERE id IN ({ids})", [now], removed)
    _log_removals(conn, fetch_id, now, removed, plan.restored_ids)
    if held or replay_of is not None:
        _hold(conn, result, held)

    result.seen = len(merged)
    result.new = plan.new
    result.changed = len(plan.changed)
    result.unchanged = len(plan.unchanged_ids)
    result.removed = len(removed)
    result.restored = len(plan.restored_ids)
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
    first = p.pages[0] if p.pages and not p.pages[0].skipped else None
    conn.execute(
        """UPDATE blogs SET status = ?,
             last_changed_at = CASE WHEN ? THEN ? ELSE last_changed_at END,
             canonical_url = coalesce(?, canonical_url)
           WHERE id = ?""",
        [
            _status(coverage_end, p.finished_at or now),
            bool(touched),
            now,
            first.canonical_url if first else None,
            blog_id,
        ],
    )
    return result


def pass_written(db: sqlite_utils.Database, pass_id: str) -> bool:
    """Whether the archive holds the scale-out's pass `pass_id` (read afresh, not in a
    transaction left open)."""
    return _written_before(db.conn, pass_id)


def _written_before(conn: sqlite3.Connection, pass_id: str) -> bool:
    found = conn.execute("SELECT 1 FROM cluster_passes WHERE pass_id = ?", [pass_id]).fetchone()
    return found is not None


def _answered(conn: sqlite3.Connection, blog_id: int, p: BlogPass) -> None:
    """A blog marked gone after a 404 that answers again (even 304) is live, or ended."""
    (coverage_end,) = conn.execute(
        "SELECT coverage_end FROM blogs WHERE id = ?", [blog_id]
    ).fetchone()
    conn.execute(
        "UPDATE blogs SET status = ? WHERE id = ? AND status = 'gone'",
        [_status(coverage_end, p.finished_at or p.started_at), blog_id],
    )


def page_states(db: sqlite_utils.Database, blog_url: str) -> dict[str, PageState]:
    """Each page's validators and older link from the blog's successful passes, newest per URL.

    Failed passes do not count: their pages' content was never archived, so their
    validators must not turn the next request into a 304 that skips it. Nor do those of a
    pass that read an old copy (`quarantined`): the next pass reads the page again, to
    confirm the removals it held back or find the posts standing. Nor do pages
    refused as another story or a repeat: the next pass reads them again. Nor do those of
    a page whose pinned posts an archive made before did not count (`pinned` NULL): read
    again once, it says whether a pinned post may stand on it while it answers 304. Nor has
    an address whose latest page was refused as another story's any: the spider reads on
    past a page at an address the archive took, and stops at one it refused since.
    """
    rows = db.execute(
        """SELECT p.url, p.etag, p.last_modified, p.body_sha256, p.next_url, p.updates, p.snapshot,
                  p.oldest_at, p.kind, p.newest_at, p.outlier_at, p.pinned,
                  p.refused
           FROM fetch_pages p
           JOIN fetches f ON f.id = p.fetch_id
           JOIN blogs b ON b.id = f.blog_id
           WHERE b.url = ? AND f.error IS NULL AND f.quarantined = 0
             AND p.status IN (200, 304)
           ORDER BY p.id""",
        [stored_url(db.conn, blog_url)],
    ).fetchall()
    states: dict[str, PageState] = {}
    for *row, refused in rows:
        if refused is None:
            states[row[0]] = PageState(*row)
        elif another_storys(refused):
            states.pop(row[0], None)
    return {
        url: replace(state, etag=None, last_modified=None, body_sha256=None)
        if state.pinned is None
        else state
        for url, state in states.items()
    }


def blog_titles(db: sqlite_utils.Database, blog_urls: Sequence[str]) -> dict[str, str]:
    """The title the archive holds for each blog, by blog URL: an older page still under it
    (a cache's, after the blog was retitled) is the blog's (evidence.another_title)."""
    rows = db.execute("SELECT url, title FROM blogs WHERE title IS NOT NULL").fetchall()
    given = {blog_url(u): u for u in blog_urls}
    return {given[blog_url(url)]: title for url, title in rows if blog_url(url) in given}


def newest_blocks(db: sqlite_utils.Database, blog_urls: Sequence[str]) -> dict[str, str]:
    """The newest standing Guardian `block-` post each blog has in the archive, by blog URL:
    where the next pass's lastUpdate delta starts."""
    rows = db.execute(
        "SELECT b.url, u.source_id FROM updates u JOIN blogs b ON b.id = u.blog_id "
        "WHERE u.source_id LIKE 'block-%' AND u.removed_at IS NULL "
        "AND u.published_at IS NOT NULL ORDER BY u.published_at"
    ).fetchall()
    # By the URL as the caller gives it, whichever way the archive spells it.
    given = {blog_url(u): u for u in blog_urls}
    return {given[blog_url(url)]: block for url, block in rows if blog_url(url) in given}
