"""record_pass on real SQLite files: dedup, versions, removals, failures and the FTS index."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from archive.db import open_archive
from archive.records import FIDELITY_HTML, FIDELITY_STRUCTURED, BlogPass, PassResult, Update
from archive.store import page_states, record_pass
from archive.writer import PassWriter
from tests.helpers import URL, bpass, cp_over

LATER = "2024-05-01T12:05:00Z"
LAST = "2024-05-01T12:10:00Z"


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_archive(tmp_path / "archive.db")


def upd(n: int, **kw: Any) -> Update:
    """Update n, published n minutes after 10:00 (higher n is newer)."""
    fields: dict[str, Any] = {
        "source_id": f"post-{n}",
        "headline": f"Headline {n}",
        "body_text": f"Body of update number {n}.",
        "body_html": f"<p>Body of update number {n}.</p>",
        "published_at": f"2024-05-01T10:{n:02d}:00Z",
    }
    fields.update(kw)
    return Update(**fields)


def rows(
    db: sqlite_utils.Database, sql: str, params: list[Any] | None = None
) -> list[tuple[Any, ...]]:
    return db.execute(sql, params or []).fetchall()


def counts(r: PassResult) -> tuple[int, int, int, int, int]:
    return (r.seen, r.new, r.changed, r.unchanged, r.removed)


def search(db: sqlite_utils.Database, word: str) -> list[int]:
    return [
        r[0]
        for r in rows(
            db,
            "select updates.id from updates_fts join updates on updates.id = updates_fts.rowid "
            "where updates_fts match ? order by updates.id",
            [word],
        )
    ]


def fts_snapshot(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
    return rows(db, "select id, block from updates_fts_data order by id")


def total_changes(db: sqlite_utils.Database) -> int:
    return int(db.execute("select total_changes()").fetchone()[0])


# --- new, changed, unchanged ---------------------------------------------------


def test_first_pass_inserts_updates_with_one_version_each(db: sqlite_utils.Database) -> None:
    r = record_pass(db, bpass([upd(3), upd(2), upd(1)], title="Election live", publisher="News"))
    assert r.ok
    assert counts(r) == (3, 3, 0, 0, 0)
    assert rows(db, "select count(*) from updates")[0][0] == 3
    assert rows(
        db, "select update_id, version, fetch_id from update_versions order by update_id"
    ) == [
        (1, 1, r.fetch_id),
        (2, 1, r.fetch_id),
        (3, 1, r.fetch_id),
    ]
    u = db.table("updates").get(1)
    assert (u["key"], u["version"], u["first_seen_at"], u["last_seen_at"]) == (
        "id:post-3",
        1,
        "2024-05-01T12:00:00Z",
        "2024-05-01T12:00:00Z",
    )
    assert u["authors"] == "[]" and u["media"] == "[]"
    blog = db.table("blogs").get(r.blog_id)
    assert (blog["title"], blog["publisher"], blog["status"]) == ("Election live", "News", "live")
    assert blog["first_seen_at"] == blog["last_changed_at"] == "2024-05-01T12:00:00Z"
    fetch = db.table("fetches").get(r.fetch_id)
    assert (fetch["updates_seen"], fetch["updates_new"], fetch["http_status"], fetch["bytes"]) == (
        3,
        3,
        200,
        1000,
    )
    assert fetch["error"] is None and fetch["complete"] == 1


def test_counts_new_changed_unchanged(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(2), upd(1)]))
    r = record_pass(
        db,
        bpass([upd(3), upd(2, body_text="Corrected body."), upd(1)], at="2024-05-01T12:05:00Z"),
    )
    assert counts(r) == (3, 1, 1, 1, 0)
    fetch = db.table("fetches").get(r.fetch_id)
    assert (fetch["updates_seen"], fetch["updates_new"], fetch["updates_changed"]) == (3, 1, 1)


def test_unchanged_repoll_writes_no_version_and_leaves_fts_alone(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(n) for n in range(10, 0, -1)], pages=2))
    before_versions = rows(db, "select * from update_versions")
    before_fts = fts_snapshot(db)
    before = total_changes(db)

    r = record_pass(
        db, bpass([upd(n) for n in range(10, 0, -1)], pages=2, at="2024-05-01T12:05:00Z")
    )

    assert counts(r) == (10, 0, 0, 10, 0)
    # Exactly: blog UPDATE (1) + fetches INSERT (1) + fetch_pages (2) + one row per
    # seen update for last_seen_at (10) + fetches UPDATE (1) + blog status UPDATE (1).
    # An FTS trigger firing would add its shadow-table writes to this count.
    assert total_changes(db) - before == 1 + 1 + 2 + 10 + 1 + 1
    assert rows(db, "select * from update_versions") == before_versions
    assert fts_snapshot(db) == before_fts
    assert rows(db, "select distinct last_seen_at from updates") == [("2024-05-01T12:05:00Z",)]
    assert rows(db, "select distinct first_seen_at from updates") == [("2024-05-01T12:00:00Z",)]
    assert search(db, "number") == list(range(1, 11))
    assert db.table("blogs").get(r.blog_id)["last_changed_at"] == "2024-05-01T12:00:00Z"


def test_unchanged_repoll_bumps_last_seen_with_one_statement(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(n) for n in range(20, 0, -1)]))
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    record_pass(db, bpass([upd(n) for n in range(20, 0, -1)], at="2024-05-01T12:05:00Z"))
    db.conn.set_trace_callback(None)
    writes = [s for s in statements if s.lstrip().upper().startswith("UPDATE UPDATES")]
    assert len(writes) == 1
    assert (
        "last_seen_at" in writes[0] and "headline" not in writes[0] and "body_text" not in writes[0]
    )


def test_edit_makes_version_two_and_keeps_version_one(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(1, body_text="Polls close at eight.")]))
    r = record_pass(
        db,
        bpass(
            [upd(1, body_text="Polls close at nine.", modified_at="2024-05-01T12:03:00Z")],
            at="2024-05-01T12:05:00Z",
        ),
    )
    assert counts(r) == (1, 0, 1, 0, 0)
    u = db.table("updates").get(1)
    assert (u["version"], u["body_text"], u["first_seen_at"], u["last_seen_at"]) == (
        2,
        "Polls close at nine.",
        "2024-05-01T12:00:00Z",
        "2024-05-01T12:05:00Z",
    )
    assert rows(
        db, "select version, body_text, seen_at, fetch_id from update_versions order by version"
    ) == [
        (1, "Polls close at eight.", "2024-05-01T12:00:00Z", 1),
        (2, "Polls close at nine.", "2024-05-01T12:05:00Z", r.fetch_id),
    ]
    assert (
        u["content_hash"]
        == rows(db, "select content_hash from update_versions where version = 2")[0][0]
    )
    assert db.table("blogs").get(r.blog_id)["last_changed_at"] == "2024-05-01T12:05:00Z"


def test_media_change_is_a_new_version(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(1)]))
    photo = [{"type": "image", "url": "https://img/1.jpg", "credit": "AP"}]
    r = record_pass(db, bpass([upd(1, media=photo)], at="2024-05-01T12:05:00Z"))
    assert r.changed == 1
    assert rows(db, "select media from update_versions where version = 2") == [
        ('[{"credit": "AP", "type": "image", "url": "https://img/1.jpg"}]',)
    ]


def test_metadata_change_is_not_a_version(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(1)]))
    r = record_pass(
        db, bpass([upd(1, pinned=True, authors=["A. Reporter"])], at="2024-05-01T12:05:00Z")
    )
    assert counts(r) == (1, 0, 0, 1, 0)
    u = db.table("updates").get(1)
    assert (u["version"], u["pinned"], u["authors"]) == (1, 1, '["A. Reporter"]')


def test_key_events_are_stored_and_follow_the_publisher_without_a_version(
    db: sqlite_utils.Database,
) -> None:
    record_pass(db, bpass([upd(2, key_event=True), upd(1)]))
    assert rows(db, "select source_id, key_event from updates order by id") == [
        ("post-2", 1),
        ("post-1", 0),
    ]
    r = record_pass(db, bpass([upd(2), upd(1, key_event=True)], at=LATER))
    assert counts(r) == (2, 0, 0, 2, 0)
    assert rows(db, "select source_id, key_event, version from updates order by id") == [
        ("post-2", 0, 1),
        ("post-1", 1, 1),
    ]


# --- re-dated posts -------------------------------------------------------------


def versions_of(db: sqlite_utils.Database, source_id: str) -> list[tuple[Any, ...]]:
    return rows(
        db,
        "select v.version, v.published_at, v.content_hash, v.fetch_id from update_versions v "
        "join updates u on u.id = v.update_id where u.source_id = ? order by v.version",
        [source_id],
    )


def test_a_redated_post_is_a_new_version_that_keeps_the_time_before(
    db: sqlite_utils.Database,
) -> None:
    first = record_pass(db, bpass([upd(2), upd(1)]))
    r = record_pass(db, bpass([upd(2), upd(1, published_at="2024-05-01T09:30:00Z")], at=LATER))
    assert counts(r) == (2, 0, 1, 1, 0)
    [(v1, was, h1, f1), (v2, now, h2, f2)] = versions_of(db, "post-1")
    assert (v1, was, f1) == (1, "2024-05-01T10:01:00Z", first.fetch_id)
    assert (v2, now, f2) == (2, "2024-05-01T09:30:00Z", r.fetch_id)
    assert h1 == h2  # the words did not change, the time did
    assert rows(db, "select published_at, version from updates where source_id = 'post-1'") == [
        ("2024-05-01T09:30:00Z", 2)
    ]
    # Seen again as re-dated: nothing more.
    again = record_pass(
        db, bpass([upd(2), upd(1, published_at="2024-05-01T09:30:00Z")], at="2024-05-01T12:10:00Z")
    )
    assert counts(again) == (2, 0, 0, 2, 0)


def test_a_time_read_again_from_how_long_ago_moves_without_a_version(
    db: sqlite_utils.Database,
) -> None:
    """ "2 hours ago" at 12:00 is 10:00; at 12:40 still "2 hours ago", 10:40: no edit. Its
    stamp is good to its hour: a move of three hours is the publisher's."""
    record_pass(db, bpass([upd(1, published_at="2024-05-01T10:00:00Z", published_from="ago")]))
    moved = upd(1, published_at="2024-05-01T10:40:00Z", published_from="ago")
    r = record_pass(db, bpass([moved], at="2024-05-01T12:40:00Z"))
    assert counts(r) == (1, 0, 0, 1, 0)
    assert versions_of(db, "post-1")[-1][0] == 1
    far = upd(1, published_at="2024-05-01T07:40:00Z", published_from="ago")
    r = record_pass(db, bpass([far], at="2024-05-01T12:40:00Z"))
    assert counts(r) == (1, 0, 1, 0, 0)
    assert [v[:2] for v in versions_of(db, "post-1")] == [
        (1, "2024-05-01T10:00:00Z"),
        (2, "2024-05-01T07:40:00Z"),
    ]


def test_a_clock_alone_put_on_another_day_is_no_redate(db: sqlite_utils.Database) -> None:
    """ "10:01" placed on 1 May, then on 30 April as the page's days shift: the same clock."""
    record_pass(db, bpass([upd(1, published_from="clock")]))
    shifted = upd(1, published_at="2024-04-30T10:01:00Z", published_from="clock")
    r = record_pass(db, bpass([shifted], at=LATER))
    assert counts(r) == (1, 0, 0, 1, 0)
    redated = upd(1, published_at="2024-05-01T09:01:00Z", published_from="clock")
    r = record_pass(db, bpass([redated], at="2024-05-01T12:10:00Z"))
    assert r.changed == 1


def test_how_long_ago_within_its_unit_moves_the_held_time_without_a_version(
    db: sqlite_utils.Database,
) -> None:
    """The stated 10:01:17, then "2 hours ago": no re-date, and the post is held at the time
    its page shows now, so that the page's stretch of times (for a 304) holds it."""
    record_pass(db, bpass([upd(1, published_at="2024-05-01T10:01:17Z")]))
    rough = upd(1, published_at="2024-05-01T10:05:00Z", published_from="ago")
    r = record_pass(db, bpass([rough], at=LATER))
    assert counts(r) == (1, 0, 0, 1, 0)
    assert rows(db, "select published_at, published_from, version from updates") == [
        ("2024-05-01T10:05:00Z", "ago", 1)
    ]


def test_a_poorer_reading_with_another_time_is_no_redate(db: sqlite_utils.Database) -> None:
    """The JSON-LD alone gives a creation time an hour before the one the page showed: no
    version (structured data's time is no edit of the post); the post is held at the time
    this pass read, as its page's stretch of times is."""
    record_pass(db, bpass([upd(1)]))
    jsonld_only = upd(
        1, body_html="", published_at="2024-05-01T09:01:00Z", fidelity=FIDELITY_STRUCTURED
    )
    r = record_pass(db, bpass([jsonld_only], at=LATER))
    assert counts(r) == (1, 0, 0, 1, 0)
    assert rows(db, "select published_at, version from updates") == [("2024-05-01T09:01:00Z", 1)]


def test_an_archive_from_before_times_had_sources_makes_no_redate_of_a_moved_reading(
    tmp_path: Path,
) -> None:
    """An older archive held "2 hours ago" read at noon as 10:00, not saying how it was read.
    The page now prints the clock the post went up, 09:31: no re-date, as in a new archive."""
    path = tmp_path / "archive.db"
    db = open_archive(path)
    record_pass(db, bpass([upd(1, published_at="2024-05-01T10:00:00Z", published_from="ago")]))
    # As an archive from before migration 15: neither column, the migration not yet applied.
    db.execute("delete from _sqlite_migrations where name = 'm0015_redated'")
    db.execute("alter table updates drop column published_from")
    db.execute("alter table update_versions drop column published_at")
    db.conn.commit()
    db.close()
    reopened = open_archive(path)
    assert rows(reopened, "select published_from from updates") == [("unknown",)]
    clock = upd(1, published_at="2024-05-01T09:31:00Z", published_from="clock")
    r = record_pass(reopened, bpass([clock], at="2024-05-02T09:00:00Z"))
    assert counts(r) == (1, 0, 0, 1, 0)
    assert rows(reopened, "select published_at, published_from, version from updates") == [
        ("2024-05-01T09:31:00Z", "clock", 1)
    ]


@pytest.mark.parametrize("etag", ['"e0"', '"e9"'])
def test_a_304_to_validators_the_archive_never_kept_leaves_the_page_to_be_read_whole(
    db: sqlite_utils.Database, etag: str
) -> None:
    """A pass fetched with another state's validators ("e9": a backup restored while the pass
    waited in the scale-out's queue) answered 304: this file never held what they vouch for,
    so the next pass sends none and reads the page whole; its own ("e0") are kept."""
    record_pass(db, bpass([upd(1)]))
    assert page_states(db, URL)[URL].etag == '"e0"'
    waited = bpass([], not_modified=True, at=LATER)
    waited.pages[0].etag = etag
    waited.pages[0].pinned = 0  # (as the spider copies it, with the validators)
    assert record_pass(db, waited).ok
    assert page_states(db, URL)[URL].etag == (etag if etag == '"e0"' else None)


def test_a_pass_into_an_archive_replaced_since_it_was_opened_is_not_written(
    tmp_path: Path,
) -> None:
    """A backup restored over the archive while a crawl ran: the crawl's writer still holds
    the old file, which no one reads any more. Its pass fails in one sentence; the file at the
    path stays as restored."""
    path, backup = tmp_path / "archive.db", tmp_path / "backup.db"
    open_archive(backup).close()
    writer = PassWriter(path, snapshots=False)
    try:
        assert writer.write(bpass([upd(1)])).ok
        os.replace(backup, path)
        result = writer.write(bpass([upd(2)], at=LATER))
    finally:
        writer.close()
    assert result.error is not None and "was replaced while this pass ran" in result.error
    for stale in ("-wal", "-shm"):  # the old file's, as the README's restore removes them
        path.with_name(path.name + stale).unlink(missing_ok=True)
    assert rows(open_archive(path), "select count(*) from fetches") == [(0,)]


def test_a_pass_into_an_archive_overwritten_by_cp_since_it_was_opened_is_not_written(
    tmp_path: Path,
) -> None:
    """`cp backup.db archive.db` while a crawl ran keeps the file's inode: the crawl's writer
    read the backup through the old file's -wal and wrote its passes into the mix. The pass
    fails in one sentence, and so does every later one of this writer."""
    path, backup = tmp_path / "archive.db", tmp_path / "backup.db"
    open_archive(path).close()
    shutil.copy(path, backup)
    first = PassWriter(path, snapshots=False)
    try:
        assert first.write(bpass([upd(1)])).ok
    finally:
        first.close()  # the pass is in the file itself now, where the backup lacks it
    writer = PassWriter(path, snapshots=False)
    try:
        assert writer.write(bpass([upd(2)], at=LATER)).ok
        cp_over(backup, path)
        results = [writer.write(bpass([upd(3)], at=at)) for at in (LAST, LAST)]
    finally:
        writer.close()
    for result in results:
        assert result.error == (
            f"the archive at {path} was overwritten while this pass ran (a backup copied over "
            "it): the pass was not written; stop every liveblog run on it, delete its -wal and "
            "-shm files and copy the backup over it again."
        )


def test_passes_written_after_a_backup_restored_through_sqlite_are_written(
    tmp_path: Path,
) -> None:
    """`sqlite3 archive.db ".restore backup.db"` while a writer has the archive open rewrites
    it through SQLite, in one transaction: the writer reads the backup from then on, and once
    a checkpoint puts it in the file, the file lacks the passes the writer held. No copy over
    the file, no mix: the writer's passes are written on, into the restored archive."""
    path, backup = tmp_path / "archive.db", tmp_path / "backup.db"
    open_archive(path).close()
    writer = PassWriter(path, snapshots=False)
    try:
        assert writer.write(bpass([upd(1)])).ok
        writer.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with sqlite3.connect(path) as source, sqlite3.connect(backup) as target:
            source.backup(target)
        assert writer.write(bpass([upd(2)], at=LATER)).ok
        writer.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with sqlite3.connect(backup) as source, sqlite3.connect(path) as target:
            source.backup(target)  # (sqlite3's .restore)
        results = []
        for at in (LAST, "2024-05-01T12:15:00Z", "2024-05-01T12:20:00Z"):
            results.append(writer.write(bpass([upd(3)], at=at)))
            writer.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        writer.close()
    assert [r.error for r in results] == [None, None, None]
    assert rows(open_archive(path), "select started_at from fetches order by id") == [
        ("2024-05-01T12:00:00Z",),
        (LAST,),
        ("2024-05-01T12:15:00Z",),
        ("2024-05-01T12:20:00Z",),
    ]


def test_passes_written_while_another_connection_moves_the_archive_file_are_written(
    tmp_path: Path,
) -> None:
    """The file changes under the writer without a copy over it: another connection's
    checkpoint writes its own pages and the writer's into the file. That is no backup."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    writer = PassWriter(path, snapshots=False)
    other = open_archive(path)
    try:
        assert writer.write(bpass([upd(1)])).ok
        other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert writer.write(bpass([upd(2)], at=LATER)).ok
        with other.conn:
            other.execute("UPDATE blogs SET title = 'Renamed'")
        other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert writer.write(bpass([upd(3)], at=LAST)).ok
    finally:
        other.close()
        writer.close()
    assert rows(open_archive(path), "select count(*) from fetches") == [(3,)]


# --- identity ------------------------------------------------------------------


def headless(words: str, at: str, source: str | None) -> Update:
    return Update(
        body_text=words, body_html=f"<p>{words}</p>", published_at=at, published_from=source
    )


ONE_NIL = "GOAL! Arsenal 1-0 Tottenham. Saka scores from close range after a corner."
TWO_NIL = "GOAL! Arsenal 2-0 Tottenham. Saka scores from close range after a corner."


def test_two_alike_headline_less_posts_keep_their_own_rows_as_their_times_move(
    db: sqlite_utils.Database,
) -> None:
    """Two goals three minutes apart, both shown "N minutes ago" on every pass: each post
    keeps its row, no version swaps their words."""
    record_pass(db, bpass([headless(ONE_NIL, "2024-05-01T14:00:10Z", "ago")]))
    for at, (two, one) in (
        ("2024-05-01T14:05:00Z", ("14:03:10", "14:00:20")),
        ("2024-05-01T14:06:00Z", ("14:03:30", "14:00:40")),
        ("2024-05-01T14:07:00Z", ("14:03:50", "14:00:50")),
    ):
        shown = [
            headless(TWO_NIL, f"2024-05-01T{two}Z", "ago"),
            headless(ONE_NIL, f"2024-05-01T{one}Z", "ago"),
        ]
        r = record_pass(db, bpass(shown, at=at))
        assert (r.changed, r.removed) == (0, 0), at
    assert rows(db, "select body_text, version from updates order by id") == [
        (ONE_NIL, 1),
        (TWO_NIL, 1),
    ]


def test_a_headline_less_post_read_weeks_ago_stays_itself_across_a_unit(
    db: sqlite_utils.Database,
) -> None:
    """A post of 4 May shown "2 weeks ago" on 20 May, then "3 weeks ago" on 25 May: its time
    read again moved by five days, which "N weeks ago" allows; one post, not a removal."""
    words = "A lorry hit the central pier of the bridge early this morning."
    record_pass(
        db, bpass([headless(words, "2024-05-06T12:00:00Z", "ago")], at="2024-05-20T12:00:00Z")
    )
    r = record_pass(
        db, bpass([headless(words, "2024-05-04T12:00:00Z", "ago")], at="2024-05-25T12:00:00Z")
    )
    assert (r.new, r.removed) == (0, 0)
    assert rows(db, "select count(*) from updates") == [(1,)]


def test_a_post_gone_and_one_of_the_same_words_posted_after_it_are_two(
    db: sqlite_utils.Database,
) -> None:
    """ "Full time" shown "1 hour ago" at 14:00 (posted 12:00 to 13:00) is deleted; a new "Full
    time" shown "1 hour ago" at 15:15 was posted after 13:15: times neither reading allows for
    the other, so the first is removed and the second is new."""
    words, other = "Full time. Ends 1-1.", "Kick-off in the early games."
    first = [
        headless(words, "2024-05-01T13:00:00Z", "ago"),
        headless(other, "2024-05-01T11:00:00Z", "ago"),
    ]
    record_pass(db, bpass(first, at="2024-05-01T14:00:00Z"))
    later = [
        headless(words, "2024-05-01T14:15:00Z", "ago"),
        headless(other, "2024-05-01T11:15:00Z", "ago"),
    ]
    r = record_pass(db, bpass(later, at="2024-05-01T15:15:00Z"))
    assert (r.new, r.removed) == (1, 1)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # The 1-0 post deleted as the 2-0 one appears, a minute apart on the clock.
        ((ONE_NIL, "2024-05-01T14:00:00Z"), (TWO_NIL, "2024-05-01T14:01:00Z")),
        # The same opening words the next morning: another day's post.
        (("Good morning and welcome.", "2024-05-01T08:00:00Z"),
         ("Good morning and welcome.", "2024-05-02T08:00:00Z")),
    ],
)  # fmt: skip
def test_a_headline_less_post_gone_is_no_earlier_reading_of_a_new_one(
    db: sqlite_utils.Database, first: tuple[str, str], second: tuple[str, str]
) -> None:
    record_pass(db, bpass([headless(*first, "clock")], at=first[1].replace("00Z", "30Z")))
    r = record_pass(db, bpass([headless(*second, "clock")], at=second[1].replace("00Z", "30Z")))
    assert (r.new, r.changed) == (1, 0)
    assert rows(db, "select count(*) from updates") == [(2,)]


def test_headline_less_posts_shown_how_long_ago_stay_themselves_as_their_times_move(
    db: sqlite_utils.Database,
) -> None:
    """No id, no headline: a post's identity is its time and opening words. Posts of 11:00,
    10:00 and 09:00 read "1, 2, 3 hours ago" at 12:00 and at 12:30 (11:30 then) are the same
    posts, not a removal and a new post each pass; the next day's clocks are the same posts."""
    words = ["Rain is heavier than expected.", "Shelters are open.", "Flights are cancelled."]

    def shown(at: str, hours: list[str], source: str) -> BlogPass:
        posts = [
            Update(
                body_text=w,
                body_html=f"<p>{w}</p>",
                published_at=f"2024-05-01T{h}:00Z",
                published_from=source,
            )
            for w, h in zip(words, hours, strict=True)
        ]
        return bpass(posts, at=at)

    on_the_hour, half_past = ["11:00", "10:00", "09:00"], ["11:30", "10:30", "09:30"]
    record_pass(db, shown("2024-05-01T12:00:00Z", on_the_hour, "ago"))
    for at, hours in (("12:30", half_past), ("13:00", on_the_hour), ("13:30", half_past)):
        r = record_pass(db, shown(f"2024-05-01T{at}:00Z", hours, "ago"))
        assert counts(r) == (3, 0, 0, 3, 0), at
    r = record_pass(db, shown("2024-05-02T08:00:00Z", ["10:58", "10:02", "09:17"], "clock"))
    assert counts(r) == (3, 0, 0, 3, 0)
    assert rows(db, "select count(*), count(removed_at), max(version) from updates") == [(3, 0, 1)]


RAIN = "Rain is heavier than expeted in the north."
SHELTERS = "Shelters are open in every town."


def removals(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
    return rows(db, "select update_id, removed_at, restored_at from update_removals")


@pytest.mark.parametrize(
    "edited",
    [
        # A typo fixed.
        Update(body_text="Rain is heavier than expected in the north."),
        # A sentence added, with a number of its own.
        Update(body_text=f"{RAIN} 40mm fell in 3 hours."),
        # A typo fixed and a sentence added, as long as the post was.
        Update(
            body_text="Rain is heavier than expected in the north. Roads are flooded near Leeds."
        ),
        # A sentence added at the top.
        Update(body_text=f"Roads are flooded near Leeds. {RAIN}"),
        # A headline given, the words kept.
        Update(headline="Storm latest", body_text=RAIN),
    ],
)
def test_a_headline_less_post_shown_how_long_ago_and_edited_is_a_version(
    db: sqlite_utils.Database, edited: Update
) -> None:
    """A post shown "1 hour ago" at 12:00 (posted 10:00 to 11:00), then "1 hour ago" at 12:30
    (10:30 to 11:30) with its words edited or a headline given: where it stood, in a time
    both readings allow, the same post, as it is with a stated time: a version, no removal."""
    first = [
        headless(RAIN, "2024-05-01T11:00:00Z", "ago"),
        headless(SHELTERS, "2024-05-01T10:00:00Z", "ago"),
    ]
    record_pass(db, bpass(first, at="2024-05-01T12:00:00Z"))
    edited = replace(
        edited,
        body_html=f"<p>{edited.body_text}</p>",
        published_at="2024-05-01T11:30:00Z",
        published_from="ago",
    )
    later = [edited, headless(SHELTERS, "2024-05-01T10:30:00Z", "ago")]
    r = record_pass(db, bpass(later, at="2024-05-01T12:30:00Z"))
    assert counts(r) == (2, 0, 1, 1, 0)
    assert removals(db) == []
    assert rows(db, "select headline, body_text, version from updates order by id") == [
        (edited.headline, edited.body_text, 2),
        (None, SHELTERS, 1),
    ]


@pytest.mark.parametrize(
    ("gone", "posted"),
    [
        # Another score: another goal, however alike the words.
        (ONE_NIL, TWO_NIL),
        # Another score under a sentence of its own: another goal.
        (ONE_NIL, f"Second half under way. {TWO_NIL}"),
        # Another score past where the shorter words end: another goal.
        ("GOAL! Jones scores. 2-1.", "GOAL! Jones scores again. 2-2."),
        # Another time, the old one in a sentence added: no typo fixed.
        ("Polls close in 10 minutes.", "Polls close in 5 minutes. Queues of 10 people in Leeds."),
        # Words of another post: no edit of it.
        (RAIN, "Flights from the north are cancelled until the morning."),
        # Another name: another card, however alike the words.
        (
            "Yellow card for Smith after a late tackle on the edge of the box.",
            "Yellow card for Jones after a late tackle on the edge of the box.",
        ),
        # Words run on past a line without a full stop: no sentence added, another goal.
        ("GOAL! Smith scores", "GOAL! Smith scores again, 2-0"),
        ("GOAL! Smiht scores", "GOAL! Smith scores again, 2-0"),
        # A name run on past its end: another card.
        ("Yellow card for Smith", "Yellow card for Smith's teammate Jones"),
        # Its words quoted at the end of a sentence of a new post: no sentence added at the top.
        (
            "Road closed at junction 4.",
            "Police ask drivers to avoid the M6, as we reported: road closed at junction 4.",
        ),
    ],
)
def test_a_headline_less_post_gone_as_one_of_other_words_appears_is_removed(
    db: sqlite_utils.Database, gone: str, posted: str
) -> None:
    """A post shown "just now" at 14:00 is deleted; a post of other words shown "just now" a
    minute later, where the times both readings allow touch: another post."""
    record_pass(
        db, bpass([headless(gone, "2024-05-01T14:00:00Z", "ago")], at="2024-05-01T14:00:00Z")
    )
    r = record_pass(
        db, bpass([headless(posted, "2024-05-01T14:01:00Z", "ago")], at="2024-05-01T14:01:00Z")
    )
    assert (r.new, r.changed, r.removed) == (1, 0, 1)


KICK_OFF = "Kick-off at Home Park: Argyle attack the Devonport End in front of a full house."
BOOKED = "Yellow card for Jones after a late challenge on the halfway line."


@pytest.mark.parametrize(
    ("posted", "edited"),
    [
        # Its minute kept where it stands: the score corrected, a version.
        ("15:15:41", True),
        # Three minutes later, where it stood: another goal, the first one disallowed.
        ("15:18:41", False),
    ],
)
def test_a_score_changed_in_a_post_shown_minutes_ago_is_a_version_where_its_minute_stays(
    db: sqlite_utils.Database, posted: str, edited: bool
) -> None:
    """A goal shown "5 minutes ago" at 15:20:17 (15:14:17 to 15:15:17) between the kick-off
    and a booking, then "15 minutes ago" at 15:30:41 (15:14:41 to 15:15:41) between them, its
    score alone changed: the same post, its score corrected. Shown three minutes later, it is
    another goal, however alike the words."""
    record_pass(
        db,
        bpass(
            [
                headless(BOOKED, "2024-05-01T15:19:17Z", "ago"),
                headless(ONE_NIL, "2024-05-01T15:15:17Z", "ago"),
                headless(KICK_OFF, "2024-05-01T15:00:17Z", "ago"),
            ],
            at="2024-05-01T15:20:17Z",
        ),
    )
    later = [
        headless(BOOKED, "2024-05-01T15:19:41Z", "ago"),
        headless(TWO_NIL, f"2024-05-01T{posted}Z", "ago"),
        headless(KICK_OFF, "2024-05-01T15:00:41Z", "ago"),
    ]
    r = record_pass(db, bpass(later, at="2024-05-01T15:30:41Z"))
    assert (r.new, r.changed, r.removed) == ((0, 1, 0) if edited else (1, 0, 1))
    goals = rows(db, "select version, removed_at is null from updates where body_text like 'GOAL%'")
    assert goals == ([(2, 1)] if edited else [(1, 0), (1, 1)])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # A number changed.
        (ONE_NIL, TWO_NIL),
        # A name changed.
        (BOOKED, BOOKED.replace("Jones", "Smith")),
    ],
)
def test_a_name_or_number_changed_in_a_post_shown_an_hour_ago_is_a_version(
    db: sqlite_utils.Database, before: str, after: str
) -> None:
    """A post shown "1 hour ago" at 16:00 (14:00 to 15:00) between the kick-off and a post
    of 15:30, then "1 hour ago" again at 16:20 (14:20 to 15:20) between them, a name or a
    number changed: it went up before the pass of 16:00 saw the old words, which that pass
    showed, not these: the same post, edited."""
    record_pass(
        db,
        bpass(
            [
                Update(body_text=RAIN, published_at="2024-05-01T15:30:00Z"),
                headless(before, "2024-05-01T15:00:30Z", "ago"),
                Update(body_text=KICK_OFF, published_at="2024-05-01T14:00:00Z"),
            ],
            at="2024-05-01T16:00:00Z",
        ),
    )
    later = [
        Update(body_text=RAIN, published_at="2024-05-01T15:30:00Z"),
        headless(after, "2024-05-01T15:20:30Z", "ago"),
        Update(body_text=KICK_OFF, published_at="2024-05-01T14:00:00Z"),
    ]
    r = record_pass(db, bpass(later, at="2024-05-01T16:20:00Z"))
    assert (r.new, r.changed, r.unchanged, r.removed) == (0, 1, 2, 0)
    assert rows(db, "select version from updates where body_text = ?", [after]) == [(2,)]


def test_a_goal_read_an_hour_ago_that_may_have_gone_up_since_the_last_pass_is_another_goal(
    db: sqlite_utils.Database,
) -> None:
    """A goal shown "1 minute ago" at 16:00 is gone at 17:05, where a goal of another score
    shows "1 hour ago" (15:05 to 16:05): it may have gone up after the pass of 16:00, so it is
    another goal, the first removed."""
    record_pass(
        db,
        bpass(
            [
                headless(ONE_NIL, "2024-05-01T15:59:30Z", "ago"),
                Update(body_text=KICK_OFF, published_at="2024-05-01T14:00:00Z"),
            ],
            at="2024-05-01T16:00:00Z",
        ),
    )
    later = [
        headless(TWO_NIL, "2024-05-01T16:05:30Z", "ago"),
        Update(body_text=KICK_OFF, published_at="2024-05-01T14:00:00Z"),
    ]
    r = record_pass(db, bpass(later, at="2024-05-01T17:05:00Z"))
    assert (r.new, r.changed, r.removed) == (1, 0, 1)


def test_a_post_gone_below_a_neighbour_is_no_edit_of_a_new_one_above_it(
    db: sqlite_utils.Database,
) -> None:
    """The rain post, "2 hours ago" at 14:00 (11:00 to 12:00), stood below the shelters post
    of 12:10. At 14:30 a post of like words, "2 hours ago" (11:30 to 12:30), stands above the
    shelters post: posted after 12:10, never the rain post, whose time allows no later than
    12:00. The rain post is removed and the post above is new."""
    first = [
        Update(body_text=SHELTERS, published_at="2024-05-01T12:10:00Z"),
        headless(RAIN, "2024-05-01T12:00:00Z", "ago"),
    ]
    record_pass(db, bpass(first, at="2024-05-01T14:00:00Z"))
    later = [
        headless("Rain is heavier than expected in the north.", "2024-05-01T12:30:00Z", "ago"),
        Update(body_text=SHELTERS, published_at="2024-05-01T12:10:00Z"),
    ]
    r = record_pass(db, bpass(later, at="2024-05-01T14:30:00Z"))
    assert (r.new, r.changed, r.removed) == (1, 0, 1)


def clocked(words: str, at: str, headline: str | None = None) -> Update:
    return replace(headless(words, at, "clock"), headline=headline)


@pytest.mark.parametrize("headline", [None, "Kick-off"])
def test_headline_less_clocks_the_page_puts_on_another_day_stay_themselves(
    db: sqlite_utils.Database, headline: str | None
) -> None:
    """Bare clocks placed on the page's day: after midnight a post of 00:10 tops the page, its
    day still the 1st, so 23:30 and 22:00 are read as the 30th's. The page's day moved, not
    the posts: the same posts, held at the time now read, with no version (a clock alone
    explains a move of whole days); the next day's pass reading them back is none either."""
    first = [
        clocked(RAIN, "2024-05-01T23:30:00Z"),
        clocked(SHELTERS, "2024-05-01T22:00:00Z", headline),
    ]
    record_pass(db, bpass(first, at="2024-05-01T23:45:00Z"))
    later = [
        clocked("Power is cut in the west.", "2024-05-01T00:10:00Z"),
        clocked(RAIN, "2024-04-30T23:30:00Z"),
        clocked(SHELTERS, "2024-04-30T22:00:00Z", headline),
    ]
    r = record_pass(db, bpass(later, at="2024-05-02T00:15:00Z"))
    assert counts(r) == (3, 1, 0, 2, 0)
    r = record_pass(db, bpass([later[0], *first], at="2024-05-02T00:45:00Z"))
    assert counts(r) == (3, 0, 0, 3, 0)
    assert removals(db) == []
    assert rows(db, "select body_text, published_at, version from updates order by id") == [
        (RAIN, "2024-05-01T23:30:00Z", 1),
        (SHELTERS, "2024-05-01T22:00:00Z", 1),
        ("Power is cut in the west.", "2024-05-01T00:10:00Z", 1),
    ]


def test_a_clock_gone_and_one_of_its_words_the_next_day_are_two_beside_a_post_that_stayed(
    db: sqlite_utils.Database,
) -> None:
    """ "Good morning" at 08:00 on the 1st is deleted and another at 08:00 on the 2nd posted;
    the post beside them keeps its day: the page's day did not move, two posts."""
    hello, weather = "Good morning and welcome.", "Rain is expected later."
    first = [clocked(hello, "2024-05-01T08:00:00Z"), clocked(weather, "2024-05-01T07:00:00Z")]
    record_pass(db, bpass(first, at="2024-05-01T08:30:00Z"))
    later = [clocked(hello, "2024-05-02T08:00:00Z"), clocked(weather, "2024-05-01T07:00:00Z")]
    r = record_pass(db, bpass(later, at="2024-05-02T08:30:00Z"))
    assert (r.new, r.changed, r.removed) == (1, 0, 1)


MORNING = "Good morning and welcome to our coverage."
NEED_TO_KNOW = "Here is what you need to know this morning."


@pytest.mark.parametrize("beside", [False, True])
def test_template_posts_posted_again_each_morning_are_new_posts(
    db: sqlite_utils.Database, beside: bool
) -> None:
    """Two template posts put up every morning at 06:00 and 06:05: the next morning's two
    are new posts, whether the page still shows the evening before (which kept its day) or
    only the new morning; yesterday's, fallen past the last page read, keep their rows."""
    first = [
        clocked(NEED_TO_KNOW, "2024-05-01T06:05:00Z"),
        clocked(MORNING, "2024-05-01T06:00:00Z"),
    ]
    record_pass(db, bpass(first, at="2024-05-01T06:30:00Z"))
    evening = [clocked(f"Evening post {n}.", f"2024-05-01T2{n}:00:00Z") for n in (3, 2, 1)]
    record_pass(db, bpass(evening + first, at="2024-05-01T23:30:00Z", complete=False))
    later = [
        clocked(NEED_TO_KNOW, "2024-05-02T06:05:00Z"),
        clocked(MORNING, "2024-05-02T06:00:00Z"),
        *(evening if beside else []),
    ]
    r = record_pass(db, bpass(later, at="2024-05-02T06:30:00Z", complete=False))
    assert (r.new, r.changed, r.removed) == (2, 0, 0)
    assert rows(
        db, "select published_at, version from updates where body_text = ? order by id", [MORNING]
    ) == [("2024-05-01T06:00:00Z", 1), ("2024-05-02T06:00:00Z", 1)]


def test_a_post_read_twice_as_its_time_moves_takes_one_stored_post(
    db: sqlite_utils.Database,
) -> None:
    """Two "Half-time" posts, one of 12:01 with a photo ("1 hour ago" at 14:00) and one of
    11:59 ("2 hours ago"). The first is deleted; at 14:05 the other, "2 hours ago", is read
    twice (in structured data and in the HTML): it is the post of 11:59 alone, and the
    deleted one is removed."""
    words = "Half-time."
    photo = replace(
        headless(words, "2024-05-01T13:00:00Z", "ago"),
        body_html="<p>Half-time.</p><img src='https://example.com/a.jpg'>",
    )
    record_pass(
        db,
        bpass([photo, headless(words, "2024-05-01T12:00:00Z", "ago")], at="2024-05-01T14:00:00Z"),
    )
    later = headless(words, "2024-05-01T12:05:00Z", "ago")
    structured = replace(later, fidelity=FIDELITY_STRUCTURED, body_html=None)
    r = record_pass(db, bpass([structured, later], at="2024-05-01T14:05:00Z"))
    assert (r.new, r.changed, r.removed) == (0, 0, 1)
    assert rows(db, "select body_html, published_at, version, removed_at is null from updates") == [
        (photo.body_html, "2024-05-01T13:00:00Z", 1, 0),
        ("<p>Half-time.</p>", "2024-05-01T12:05:00Z", 1, 1),
    ]


def test_headline_less_twins_read_alike_keep_their_rows(db: sqlite_utils.Database) -> None:
    """Two "Half-time" posts of two games, each shown "1 hour ago" on every pass, one with a
    photo: each keeps its row, the lower on the page the lower's, and no version is made of
    either as their times move together."""
    words = "Half-time."
    photo = "<p>Half-time.</p><img src='https://example.com/a.jpg'>"

    def shown(at: str) -> list[Update]:
        return [
            replace(headless(words, at, "ago"), body_html=photo),
            headless(words, at, "ago"),
        ]

    record_pass(db, bpass(shown("2024-05-01T13:00:00Z"), at="2024-05-01T14:00:00Z"))
    held = rows(db, "select id, body_html from updates order by id")
    for at in ("14:30", "15:00", "15:30"):
        hour = f"{int(at[:2]) - 1}:{at[3:]}"
        r = record_pass(db, bpass(shown(f"2024-05-01T{hour}:00Z"), at=f"2024-05-01T{at}:00Z"))
        assert (r.new, r.changed, r.removed) == (0, 0, 0), at
    assert rows(db, "select id, body_html from updates order by id") == held
    assert rows(db, "select count(*) from update_versions") == [(2,)]


def test_same_source_id_on_page_one_then_page_three_is_one_row(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(9), upd(8), upd(7)], pages=3))
    older_pages = [upd(n) for n in range(30, 10, -1)] + [upd(9), upd(8), upd(7)]
    r = record_pass(db, bpass(older_pages, pages=3, at="2024-05-01T13:00:00Z"))
    assert (r.new, r.unchanged) == (20, 3)
    assert rows(db, "select count(*) from updates where source_id = 'post-9'") == [(1,)]


def test_duplicate_in_one_pass_is_merged(db: sqlite_utils.Database) -> None:
    pinned_copy = upd(1, pinned=True)
    r = record_pass(db, bpass([pinned_copy, upd(2), upd(1)]))
    assert counts(r) == (2, 2, 0, 0, 0)
    assert rows(db, "select source_id, pinned from updates order by source_id") == [
        ("post-1", 1),
        ("post-2", 0),
    ]


def test_richer_duplicate_wins_in_one_pass(db: sqlite_utils.Database) -> None:
    jsonld = upd(1, body_html="", fidelity=FIDELITY_STRUCTURED)
    r = record_pass(db, bpass([jsonld, upd(1)]))
    assert r.new == 1
    u = db.table("updates").get(1)
    assert (u["fidelity"], u["body_html"]) == (FIDELITY_HTML, "<p>Body of update number 1.</p>")


def test_shared_headline_with_distinct_source_ids_stays_four_rows(
    db: sqlite_utils.Database,
) -> None:
    same = [upd(n, headline="Key events") for n in (4, 3, 2, 1)]
    r = record_pass(db, bpass(same))
    assert r.new == 4
    assert rows(db, "select count(*), count(distinct headline_hash) from updates") == [(4, 1)]
    r2 = record_pass(db, bpass(same, at="2024-05-01T12:05:00Z"))
    assert counts(r2) == (4, 0, 0, 4, 0)


@pytest.mark.parametrize(
    "variant",
    [
        "PM: \u2018We won\u2019t back down\u2019 \u2014 latest",
        "PM: 'We won't back down' - latest",
        "pm:  'we won't BACK down'   -  latest ",
        "PM: \u201aWe won\u2019t back down\u201b \u2013 latest",
    ],
)
def test_id_less_update_identity_survives_headline_variants(
    db: sqlite_utils.Database, variant: str
) -> None:
    first = upd(1, source_id=None, headline="PM: \u2018We won\u2019t back down\u2019 \u2013 latest")
    record_pass(db, bpass([first]))
    r = record_pass(
        db, bpass([upd(1, source_id=None, headline=variant)], at="2024-05-01T12:05:00Z")
    )
    assert r.new == 0
    assert rows(db, "select count(*) from updates") == [(1,)]
    assert db.table("updates").get(1)["key"].startswith("h:")


def test_id_less_same_headline_different_times_are_distinct(db: sqlite_utils.Database) -> None:
    goals = [
        upd(30, source_id=None, headline="GOAL!", body_text="Second goal."),
        upd(5, source_id=None, headline="Goal!", body_text="First goal."),
    ]
    r = record_pass(db, bpass(goals))
    assert r.new == 2
    keyed = rows(db, "select key, body_text from updates order by published_at")
    assert keyed[0][0].startswith("h:") and "@" not in keyed[0][0]
    assert keyed[1][0] == keyed[0][0] + "@2024-05-01T10:30:00Z"
    # Next pass shows only the later goal (the earlier one fell off a capped page):
    # it is still the later goal's row, not an edit of the earlier one.
    r2 = record_pass(db, bpass([goals[0]], complete=False, at="2024-05-01T12:05:00Z"))
    assert counts(r2) == (1, 0, 0, 1, 0)
    assert rows(db, "select version from updates") == [(1,), (1,)]


def test_headline_less_update_identity_by_time_and_body(db: sqlite_utils.Database) -> None:
    quiet = upd(1, source_id=None, headline=None, body_text="Turnout is  high in the north.")
    record_pass(db, bpass([quiet]))
    again = upd(1, source_id=None, headline="", body_text="turnout is high in the north.")
    r = record_pass(db, bpass([again], at="2024-05-01T12:05:00Z"))
    assert r.new == 0 and r.changed == 1  # same update, text changed case: a new version


# --- failures ------------------------------------------------------------------


def _state(db: sqlite_utils.Database) -> tuple[list[tuple[Any, ...]], ...]:
    return (
        rows(db, "select * from updates order by id"),
        rows(db, "select * from update_versions order by update_id, version"),
        fts_snapshot(db),
    )


def test_failed_pass_changes_nothing_and_records_the_error(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(2), upd(1)]))
    before = _state(db)
    r = record_pass(
        db,
        bpass(
            [upd(3), upd(2, body_text="edited")],
            complete=True,
            status=503,
            error="HTTP 503 on page 2",
            at="2024-05-01T12:05:00Z",
        ),
    )
    assert not r.ok and r.error == "HTTP 503 on page 2"
    assert (r.new, r.changed, r.removed) == (0, 0, 0)
    assert _state(db) == before
    fetch = db.table("fetches").get(r.fetch_id)
    assert (fetch["error"], fetch["http_status"], fetch["updates_new"]) == (
        "HTTP 503 on page 2",
        503,
        0,
    )
    assert rows(db, "select count(*) from fetch_pages where fetch_id = ?", [r.fetch_id]) == [(1,)]
    blog = db.table("blogs").get(r.blog_id)
    assert blog["last_fetched_at"] == "2024-05-01T12:05:30Z"
    assert blog["last_changed_at"] == "2024-05-01T12:00:00Z"


def test_zero_update_pass_on_blog_with_updates_is_a_failure(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(3), upd(2), upd(1)]))
    before = _state(db)
    r = record_pass(db, bpass([], complete=True, at="2024-05-01T12:05:00Z"))
    assert r.error == (
        "no updates found on a page that had 3: consent wall, truncated page or changed markup?"
    )
    assert _state(db) == before
    assert rows(db, "select count(*) from updates where removed_at is not null") == [(0,)]
    assert db.table("fetches").get(r.fetch_id)["error"] == r.error


def test_zero_update_pass_on_new_blog_is_fine(db: sqlite_utils.Database) -> None:
    r = record_pass(db, bpass([]))
    assert r.ok and r.seen == 0


def test_not_modified_pass_is_not_a_failure_and_removes_nothing(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(2), upd(1)]))
    before = _state(db)
    r = record_pass(db, bpass([], not_modified=True, at="2024-05-01T12:05:00Z"))
    assert r.ok and counts(r) == (0, 0, 0, 0, 0)
    assert _state(db) == before
    fetch = db.table("fetches").get(r.fetch_id)
    assert (fetch["not_modified"], fetch["http_status"]) == (1, 304)


def test_gone_blog_is_marked_gone(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(1)]))
    r = record_pass(db, bpass([], status=410, error="HTTP 410", at="2024-05-01T12:05:00Z"))
    assert db.table("blogs").get(r.blog_id)["status"] == "gone"


def test_failure_rolls_back_everything(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(1)]))
    before = _state(db), rows(db, "select * from fetches")
    broken = upd(2)
    broken.media = [{"not": object()}]  # cannot be stored as JSON
    with pytest.raises(TypeError):
        record_pass(db, bpass([broken, upd(1)], at="2024-05-01T12:05:00Z"))
    assert (_state(db), rows(db, "select * from fetches")) == before
    assert not db.conn.in_transaction


# --- removals ------------------------------------------------------------------


def test_complete_pass_removes_what_it_did_not_find(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(3), upd(2), upd(1)]))
    r = record_pass(db, bpass([upd(3), upd(1)], complete=True, at="2024-05-01T12:05:00Z"))
    assert counts(r) == (2, 0, 0, 2, 1)
    assert rows(db, "select source_id, removed_at from updates where removed_at is not null") == [
        ("post-2", "2024-05-01T12:05:00Z"),
    ]
    assert db.table("fetches").get(r.fetch_id)["updates_removed"] == 1
    assert db.table("blogs").get(r.blog_id)["last_changed_at"] == "2024-05-01T12:05:00Z"
    # Removal keeps the row and its versions: the archive never forgets.
    assert rows(db, "select count(*) from update_versions") == [(3,)]


def test_capped_pass_removes_only_inside_its_window(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(n) for n in range(10, 0, -1)], pages=2))
    # Page cap: this pass reached back to update 6; 8 vanished, 1-5 merely fell off.
    seen = [upd(11), upd(10), upd(9), upd(7), upd(6)]
    r = record_pass(db, bpass(seen, complete=False, at="2024-05-01T12:05:00Z"))
    assert r.removed == 1
    assert rows(db, "select source_id from updates where removed_at is not null") == [("post-8",)]


def test_a_delta_page_proves_nothing_removed(db: sqlite_utils.Database) -> None:
    """A page that lists only what is new (the Guardian's lastUpdate delta) is no window."""
    record_pass(db, bpass([upd(n) for n in range(10, 0, -1)]))
    p = bpass([upd(11), upd(9)], pages=2, complete=False, at=LATER)
    p.pages[0].updates, p.pages[1].updates, p.pages[1].kind = 0, 2, "guardian-delta"
    r = record_pass(db, p)
    assert (r.new, r.removed) == (1, 0)
    assert rows(db, "select count(*) from updates where removed_at is null") == [(11,)]


def test_capped_pass_ignores_pinned_updates_for_the_window(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(n) for n in range(10, 0, -1)]))
    # Update 1 is pinned at the top of page 1: it must not stretch the window to 10:01.
    seen = [upd(1, pinned=True), upd(10), upd(9), upd(8)]
    r = record_pass(db, bpass(seen, complete=False, at="2024-05-01T12:05:00Z"))
    assert r.removed == 0
    assert rows(db, "select count(*) from updates where removed_at is not null") == [(0,)]


def test_capped_pass_never_removes_unseen_pinned_updates(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(9, pinned=True), upd(10), upd(8), upd(7)]))
    r = record_pass(db, bpass([upd(10), upd(8), upd(7)], complete=False, at="2024-05-01T12:05:00Z"))
    assert r.removed == 0


def test_removed_update_that_reappears_is_restored(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(2), upd(1)]))
    record_pass(db, bpass([upd(2)], at="2024-05-01T12:05:00Z"))
    assert db.table("updates").get(2)["removed_at"] == "2024-05-01T12:05:00Z"
    r = record_pass(db, bpass([upd(2), upd(1)], at="2024-05-01T12:10:00Z"))
    assert counts(r) == (2, 0, 0, 2, 0)
    assert r.restored == 1
    u = db.table("updates").get(2)
    assert (u["removed_at"], u["version"], u["last_seen_at"]) == (None, 1, "2024-05-01T12:10:00Z")
    assert db.table("blogs").get(r.blog_id)["last_changed_at"] == "2024-05-01T12:10:00Z"


def test_every_removal_is_kept_with_the_pass_that_found_the_update_again(
    db: sqlite_utils.Database,
) -> None:
    record_pass(db, bpass([upd(2), upd(1)]))
    gone = record_pass(db, bpass([upd(2)], at="2024-05-01T12:05:00Z"))
    back = record_pass(db, bpass([upd(2), upd(1)], at="2024-05-01T12:10:00Z"))
    assert "1 back" in back.summary()
    again = record_pass(db, bpass([upd(2)], at="2024-05-01T12:15:00Z"))
    assert rows(
        db,
        "select update_id, removed_at, removed_fetch_id, restored_at, restored_fetch_id "
        "from update_removals order by removed_at",
    ) == [
        (2, "2024-05-01T12:05:00Z", gone.fetch_id, "2024-05-01T12:10:00Z", back.fetch_id),
        (2, "2024-05-01T12:15:00Z", again.fetch_id, None, None),
    ]
    assert db.table("updates").get(2)["removed_at"] == "2024-05-01T12:15:00Z"


def test_removed_update_that_reappears_edited_is_a_change(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(2), upd(1)]))
    record_pass(db, bpass([upd(2)], at="2024-05-01T12:05:00Z"))
    r = record_pass(db, bpass([upd(2), upd(1, body_text="Reworded.")], at="2024-05-01T12:10:00Z"))
    assert (r.changed, r.restored) == (1, 1)
    u = db.table("updates").get(2)
    assert (u["removed_at"], u["version"]) == (None, 2)


# --- fidelity ------------------------------------------------------------------


def test_lower_fidelity_reading_is_not_a_version(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(1, media=[{"type": "image", "url": "https://img/1.jpg"}])]))
    jsonld_only = upd(1, body_html="", media=[], fidelity=FIDELITY_STRUCTURED)
    r = record_pass(db, bpass([jsonld_only], at="2024-05-01T12:05:00Z"))
    assert counts(r) == (1, 0, 0, 1, 0)
    u = db.table("updates").get(1)
    assert (u["version"], u["fidelity"], u["last_seen_at"]) == (
        1,
        FIDELITY_HTML,
        "2024-05-01T12:05:00Z",
    )
    assert u["body_html"] == "<p>Body of update number 1.</p>"
    assert rows(db, "select count(*) from update_versions") == [(1,)]


def test_lower_fidelity_reading_with_newer_modified_time_is_a_version(
    db: sqlite_utils.Database,
) -> None:
    record_pass(db, bpass([upd(1, modified_at="2024-05-01T10:01:00Z")]))
    edited = upd(
        1,
        body_text="Edited.",
        body_html="",
        fidelity=FIDELITY_STRUCTURED,
        modified_at="2024-05-01T11:00:00Z",
    )
    r = record_pass(db, bpass([edited], at="2024-05-01T12:05:00Z"))
    assert r.changed == 1
    assert db.table("updates").get(1)["version"] == 2


def test_higher_fidelity_reading_is_a_version(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(1, body_html="", fidelity=FIDELITY_STRUCTURED)]))
    r = record_pass(db, bpass([upd(1)], at="2024-05-01T12:05:00Z"))
    assert r.changed == 1
    assert db.table("updates").get(1)["fidelity"] == FIDELITY_HTML


# --- full-text search ----------------------------------------------------------


def test_fts_follows_inserts_and_edits(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(1, body_text="The ferry left Dover."), upd(2)]))
    assert search(db, "dover") == [1]
    record_pass(
        db, bpass([upd(1, body_text="The ferry left Calais."), upd(2)], at="2024-05-01T12:05:00Z")
    )
    assert search(db, "calais") == [1]
    assert search(db, "dover") == []
    assert search(db, "ferry") == [1]
    assert search(db, "headline") == [1, 2]
    assert rows(db, "select count(*) from updates_fts") == [(2,)]
    db.execute("insert into updates_fts(updates_fts) values('integrity-check')")


def test_markup_only_edit_is_a_version_but_leaves_fts_alone(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(1), upd(2)]))
    before_fts = fts_snapshot(db)
    r = record_pass(
        db, bpass([upd(1, body_html="<p><b>Body</b> of update number 1.</p>"), upd(2)], at=LATER)
    )
    assert r.changed == 1
    assert db.table("updates").get(1)["version"] == 2
    assert fts_snapshot(db) == before_fts


def test_fts_follows_headline_edit(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([upd(1, headline="Storm warning")]))
    record_pass(db, bpass([upd(1, headline="Storm eases")], at="2024-05-01T12:05:00Z"))
    assert search(db, "eases") == [1]
    assert search(db, "warning") == []


# --- blogs and the fetch log ---------------------------------------------------


def test_blog_ends_when_coverage_end_has_passed(db: sqlite_utils.Database) -> None:
    r = record_pass(db, bpass([upd(1)], coverage_end="2024-05-01T11:00:00Z"))
    assert db.table("blogs").get(r.blog_id)["status"] == "ended"
    r = record_pass(
        db, bpass([upd(1)], coverage_end="2024-05-02T00:00:00Z", at="2024-05-01T12:05:00Z")
    )
    assert db.table("blogs").get(r.blog_id)["status"] == "live"


def test_blog_fields_are_kept_when_a_pass_does_not_know_them(db: sqlite_utils.Database) -> None:
    r = record_pass(
        db, bpass([upd(1)], title="Election live", coverage_start="2024-05-01T06:00:00Z")
    )
    record_pass(db, bpass([upd(1)], at="2024-05-01T12:05:00Z"))
    blog = db.table("blogs").get(r.blog_id)
    assert (blog["title"], blog["coverage_start"]) == ("Election live", "2024-05-01T06:00:00Z")
    assert rows(db, "select count(*) from blogs") == [(1,)]


def test_fetch_pages_keep_validators_for_conditional_requests(db: sqlite_utils.Database) -> None:
    r = record_pass(db, bpass([upd(1)], pages=2))
    assert rows(
        db,
        "select seq, url, status, etag, updates from fetch_pages where fetch_id = ? order by seq",
        [r.fetch_id],
    ) == [(1, URL, 200, '"e0"', 1), (2, URL + "?page=2", 200, '"e1"', 0)]
    assert db.table("fetches").get(r.fetch_id)["pages"] == 2


def test_concurrent_writers_wait_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    open_archive(path).close()
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        db = open_archive(path)
        try:
            for i in range(5):
                p = bpass(
                    [upd(n), upd(i + 20)], complete=False, at=f"2024-05-01T12:{n * 5 + i:02d}:00Z"
                )
                p.url = f"{URL}/{n}"
                record_pass(db, p)
        except BaseException as e:
            errors.append(e)
        finally:
            db.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    db = open_archive(path)
    assert rows(db, "select count(*) from fetches") == [(20,)]
    assert rows(db, "select count(*) from blogs") == [(4,)]
