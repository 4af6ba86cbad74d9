"""The schema is the analysts' contract: this test makes every change to it deliberate."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from archive.db import open_archive
from archive.migrations import migrations

# The whole schema of a fresh archive, in creation order. FTS5 shadow tables
# (their SQL varies with the SQLite version) and sqlite-utils' own migrations
# table are checked separately below.
EXPECTED_SCHEMA = """
CREATE TABLE [blogs] (
   [id] INTEGER PRIMARY KEY,
   [url] TEXT NOT NULL UNIQUE,
   [title] TEXT,
   [publisher] TEXT,
   [status] TEXT NOT NULL DEFAULT 'live' CHECK ([status] IN ('live', 'ended', 'gone')),
   [first_seen_at] TEXT NOT NULL,
   [last_fetched_at] TEXT,
   [last_changed_at] TEXT,
   [coverage_start] TEXT,
   [coverage_end] TEXT,
   [active] INTEGER NOT NULL DEFAULT 1
, [interval] INTEGER, [poll_interval] INTEGER, [next_due_at] TEXT, [canonical_url] TEXT, [complete] INTEGER, [updates_expected] INTEGER, [render] INTEGER NOT NULL DEFAULT 0, [max_pages] INTEGER, [headers] TEXT NOT NULL DEFAULT '[]', [notify] TEXT NOT NULL DEFAULT '[]', [notified_fetch_id] INTEGER, [notified_at] TEXT);
CREATE TABLE [fetches] (
   [id] INTEGER PRIMARY KEY,
   [blog_id] INTEGER NOT NULL REFERENCES [blogs]([id]),
   [started_at] TEXT NOT NULL,
   [finished_at] TEXT,
   [pages] INTEGER NOT NULL DEFAULT 0,
   [http_status] INTEGER,
   [not_modified] INTEGER NOT NULL DEFAULT 0,
   [bytes] INTEGER NOT NULL DEFAULT 0,
   [updates_seen] INTEGER NOT NULL DEFAULT 0,
   [updates_new] INTEGER NOT NULL DEFAULT 0,
   [updates_changed] INTEGER NOT NULL DEFAULT 0,
   [updates_removed] INTEGER NOT NULL DEFAULT 0,
   [error] TEXT,
   [complete] INTEGER NOT NULL DEFAULT 0
, [quarantined] INTEGER NOT NULL DEFAULT 0, [incomplete_reason] TEXT);
CREATE INDEX [idx_fetches_blog_id_started_at] ON [fetches] ([blog_id], [started_at]);
CREATE INDEX [idx_fetches_started_at] ON [fetches] ([started_at]);
CREATE TABLE [fetch_pages] (
   [id] INTEGER PRIMARY KEY,
   [fetch_id] INTEGER NOT NULL REFERENCES [fetches]([id]),
   [seq] INTEGER NOT NULL,
   [url] TEXT NOT NULL,
   [status] INTEGER,
   [bytes] INTEGER NOT NULL DEFAULT 0,
   [not_modified] INTEGER NOT NULL DEFAULT 0,
   [etag] TEXT,
   [last_modified] TEXT,
   [body_sha256] TEXT,
   [updates] INTEGER NOT NULL DEFAULT 0, [next_url] TEXT, [snapshot] TEXT, [unchanged] INTEGER NOT NULL DEFAULT 0, [oldest_at] TEXT, [canonical_url] TEXT, [refused] TEXT, [kind] TEXT, [newest_at] TEXT, [outlier_at] TEXT, [pinned] INTEGER,
   UNIQUE ([fetch_id], [seq])
);
CREATE INDEX [idx_fetch_pages_url] ON [fetch_pages] ([url]);
CREATE TABLE [updates] (
   [id] INTEGER PRIMARY KEY,
   [blog_id] INTEGER NOT NULL REFERENCES [blogs]([id]),
   [source_id] TEXT,
   [headline] TEXT,
   [headline_hash] TEXT NOT NULL,
   [body_text] TEXT NOT NULL DEFAULT '',
   [body_html] TEXT NOT NULL DEFAULT '',
   [published_at] TEXT,
   [modified_at] TEXT,
   [authors] TEXT NOT NULL DEFAULT '[]',
   [media] TEXT NOT NULL DEFAULT '[]',
   [permalink] TEXT,
   [first_seen_at] TEXT NOT NULL,
   [last_seen_at] TEXT NOT NULL,
   [removed_at] TEXT,
   [version] INTEGER NOT NULL DEFAULT 1,
   [content_hash] TEXT NOT NULL,
   [key] TEXT NOT NULL,
   [pinned] INTEGER NOT NULL DEFAULT 0,
   [fidelity] INTEGER NOT NULL DEFAULT 2
, [key_event] INTEGER NOT NULL DEFAULT 0, [truncated] INTEGER NOT NULL DEFAULT 0, [published_from] TEXT);
CREATE UNIQUE INDEX [idx_updates_blog_id_key] ON [updates] ([blog_id], [key]);
CREATE INDEX [idx_updates_blog_id_published_at] ON [updates] ([blog_id], [published_at]);
CREATE INDEX [idx_updates_published_at] ON [updates] ([published_at]);
CREATE INDEX [idx_updates_removed_at] ON [updates] ([removed_at]);
CREATE INDEX [idx_updates_source_id] ON [updates] ([source_id]);
CREATE TABLE [update_versions] (
   [update_id] INTEGER NOT NULL REFERENCES [updates]([id]),
   [version] INTEGER NOT NULL,
   [content_hash] TEXT NOT NULL,
   [headline] TEXT,
   [body_text] TEXT NOT NULL DEFAULT '',
   [body_html] TEXT NOT NULL DEFAULT '',
   [modified_at] TEXT,
   [seen_at] TEXT NOT NULL,
   [fetch_id] INTEGER REFERENCES [fetches]([id]),
   [media] TEXT NOT NULL DEFAULT '[]', [diff] TEXT, [truncated] INTEGER NOT NULL DEFAULT 0, [published_at] TEXT,
   PRIMARY KEY ([update_id], [version])
);
CREATE INDEX [idx_update_versions_fetch_id] ON [update_versions] ([fetch_id]);
CREATE VIRTUAL TABLE [updates_fts] USING FTS5 (
   [headline], [body_text],
   content=[updates], content_rowid=[id]
);
CREATE TRIGGER [updates_ai] AFTER INSERT ON [updates] BEGIN
   INSERT INTO [updates_fts] (rowid, [headline], [body_text])
   VALUES (new.[id], new.[headline], new.[body_text]);
END;
CREATE TRIGGER [updates_ad] AFTER DELETE ON [updates] BEGIN
   INSERT INTO [updates_fts] ([updates_fts], rowid, [headline], [body_text])
   VALUES ('delete', old.[id], old.[headline], old.[body_text]);
END;
CREATE TRIGGER [updates_au] AFTER UPDATE OF [headline], [body_text] ON [updates]
WHEN old.[headline] IS NOT new.[headline] OR old.[body_text] IS NOT new.[body_text]
BEGIN
   INSERT INTO [updates_fts] ([updates_fts], rowid, [headline], [body_text])
   VALUES ('delete', old.[id], old.[headline], old.[body_text]);
   INSERT INTO [updates_fts] (rowid, [headline], [body_text])
   VALUES (new.[id], new.[headline], new.[body_text]);
END;
CREATE INDEX [idx_blogs_active_next_due_at] ON [blogs] ([active], [next_due_at]);
CREATE INDEX [idx_update_versions_seen_at] ON [update_versions] ([seen_at]);
CREATE INDEX [idx_updates_published_day] ON [updates] (date([published_at]));
CREATE TABLE [quarantined_removals] (
   [fetch_id] INTEGER NOT NULL REFERENCES [fetches]([id]),
   [update_id] INTEGER NOT NULL REFERENCES [updates]([id]),
   PRIMARY KEY ([fetch_id], [update_id])
);
CREATE TABLE [cluster_passes] (
   [pass_id] TEXT PRIMARY KEY,
   [fetch_id] INTEGER REFERENCES [fetches]([id]),
   [worker] TEXT,
   [finished_at] TEXT,
   [written_at] TEXT NOT NULL
);
CREATE TABLE [update_removals] (
   [update_id] INTEGER NOT NULL REFERENCES [updates]([id]),
   [removed_at] TEXT NOT NULL,
   [removed_fetch_id] INTEGER REFERENCES [fetches]([id]),
   [restored_at] TEXT,
   [restored_fetch_id] INTEGER REFERENCES [fetches]([id]),
   PRIMARY KEY ([update_id], [removed_at])
);
CREATE TABLE [archive_info] (
   [key] TEXT PRIMARY KEY,
   [value] TEXT NOT NULL
);
"""

# DESIGN.md's data model, column for column: these names must never change.
CONTRACT = {
    "blogs": [
        "id",
        "url",
        "title",
        "publisher",
        "status",
        "first_seen_at",
        "last_fetched_at",
        "last_changed_at",
        "coverage_start",
        "coverage_end",
        "active",
    ],
    "fetches": [
        "id",
        "blog_id",
        "started_at",
        "finished_at",
        "pages",
        "http_status",
        "not_modified",
        "bytes",
        "updates_seen",
        "updates_new",
        "updates_changed",
        "updates_removed",
        "error",
    ],
    "updates": [
        "id",
        "blog_id",
        "source_id",
        "headline",
        "headline_hash",
        "body_text",
        "body_html",
        "published_at",
        "modified_at",
        "authors",
        "media",
        "permalink",
        "first_seen_at",
        "last_seen_at",
        "removed_at",
        "version",
        "content_hash",
    ],
    "update_versions": [
        "update_id",
        "version",
        "content_hash",
        "headline",
        "body_text",
        "body_html",
        "modified_at",
        "seen_at",
        "fetch_id",
    ],
}


def schema_text(db: sqlite_utils.Database) -> str:
    """The SQL of the archive's own objects, in creation order."""
    rows = db.execute(
        """select sql from sqlite_master
           where sql is not null
             and name not glob '_sqlite_migrations*'
             and name not glob 'idx__sqlite_migrations*'
             and name not glob 'updates_fts_*'
           order by rowid"""
    ).fetchall()
    return ";\n".join(row[0] for row in rows) + ";"


def test_schema_text(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "archive.db")
    assert schema_text(db) == EXPECTED_SCHEMA.strip()


def test_contract_columns_come_first_in_contract_order(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "archive.db")
    for table, columns in CONTRACT.items():
        assert [c.name for c in db.table(table).columns][: len(columns)] == columns


def test_fts_table_and_shadow_tables(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "archive.db")
    names = set(db.table_names())
    assert {
        "updates_fts_data",
        "updates_fts_idx",
        "updates_fts_docsize",
        "updates_fts_config",
    } <= names
    # sqlite-utils and Datasette both find the FTS table from the content table.
    assert db.table("updates").detect_fts() == "updates_fts"


def test_foreign_keys(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "archive.db")
    fks = {
        (fk.table, fk.column, fk.other_table, fk.other_column)
        for t in db.tables
        for fk in t.foreign_keys
    }
    assert fks == {
        ("fetches", "blog_id", "blogs", "id"),
        ("fetch_pages", "fetch_id", "fetches", "id"),
        ("updates", "blog_id", "blogs", "id"),
        ("update_versions", "update_id", "updates", "id"),
        ("update_versions", "fetch_id", "fetches", "id"),
        ("quarantined_removals", "fetch_id", "fetches", "id"),
        ("quarantined_removals", "update_id", "updates", "id"),
        ("cluster_passes", "fetch_id", "fetches", "id"),
        ("update_removals", "update_id", "updates", "id"),
        ("update_removals", "removed_fetch_id", "fetches", "id"),
        ("update_removals", "restored_fetch_id", "fetches", "id"),
    }


def test_migrations_are_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    first = open_archive(path)
    schema = first.schema
    first.close()
    second = open_archive(path)
    assert second.schema == schema
    registered = [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]
    assert registered[:2] == ["m0001_initial", "m0002_polling"]
    assert [m.name for m in migrations.applied(second)] == registered
    assert migrations.pending(second) == []
    count = second.execute("select count(*) from _sqlite_migrations").fetchone()[0]
    assert count == len(registered)


def test_connection_settings(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "archive.db")
    assert db.journal_mode == "wal"
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert db.execute("pragma busy_timeout").fetchone()[0] >= 5000
    # WAL is a property of the file: a plain connection sees it too.
    plain = sqlite_utils.Database(tmp_path / "archive.db")
    assert plain.journal_mode == "wal"
