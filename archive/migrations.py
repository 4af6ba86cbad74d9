"""The archive schema as numbered migrations: analysts query these names; change them here only."""

from __future__ import annotations

import sqlite_utils

from archive.diff import backfill

migrations = sqlite_utils.Migrations("liveblog")

_INITIAL = [
    """
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
)""",
    """
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
)""",
    "CREATE INDEX [idx_fetches_blog_id_started_at] ON [fetches] ([blog_id], [started_at])",
    "CREATE INDEX [idx_fetches_started_at] ON [fetches] ([started_at])",
    """
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
   [updates] INTEGER NOT NULL DEFAULT 0,
   UNIQUE ([fetch_id], [seq])
)""",
    "CREATE INDEX [idx_fetch_pages_url] ON [fetch_pages] ([url])",
    """
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
)""",
    "CREATE UNIQUE INDEX [idx_updates_blog_id_key] ON [updates] ([blog_id], [key])",
    "CREATE INDEX [idx_updates_blog_id_published_at] ON [updates] ([blog_id], [published_at])",
    "CREATE INDEX [idx_updates_published_at] ON [updates] ([published_at])",
    "CREATE INDEX [idx_updates_removed_at] ON [updates] ([removed_at])",
    "CREATE INDEX [idx_updates_source_id] ON [updates] ([source_id])",
    """
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
   [media] TEXT NOT NULL DEFAULT '[]',
   PRIMARY KEY ([update_id], [version])
)""",
    "CREATE INDEX [idx_update_versions_fetch_id] ON [update_versions] ([fetch_id])",
    # content=[updates] is what Datasette looks for to offer search on the table.
    """
CREATE VIRTUAL TABLE [updates_fts] USING FTS5 (
   [headline], [body_text],
   content=[updates], content_rowid=[id]
)""",
    # Own triggers, not enable_fts(create_triggers=True): those fire on every
    # UPDATE, so a re-poll that only bumps last_seen_at would rewrite the index;
    # the WHEN clause also spares it an edit of markup or media alone.
    """
CREATE TRIGGER [updates_ai] AFTER INSERT ON [updates] BEGIN
   INSERT INTO [updates_fts] (rowid, [headline], [body_text])
   VALUES (new.[id], new.[headline], new.[body_text]);
END""",
    """
CREATE TRIGGER [updates_ad] AFTER DELETE ON [updates] BEGIN
   INSERT INTO [updates_fts] ([updates_fts], rowid, [headline], [body_text])
   VALUES ('delete', old.[id], old.[headline], old.[body_text]);
END""",
    """
CREATE TRIGGER [updates_au] AFTER UPDATE OF [headline], [body_text] ON [updates]
WHEN old.[headline] IS NOT new.[headline] OR old.[body_text] IS NOT new.[body_text]
BEGIN
   INSERT INTO [updates_fts] ([updates_fts], rowid, [headline], [body_text])
   VALUES ('delete', old.[id], old.[headline], old.[body_text]);
   INSERT INTO [updates_fts] (rowid, [headline], [body_text])
   VALUES (new.[id], new.[headline], new.[body_text]);
END""",
]


@migrations()
def m0001_initial(db: sqlite_utils.Database) -> None:
    """The tables of the data contract (DESIGN.md), the fetch log per page, and full-text search."""
    for statement in _INITIAL:
        db.execute(statement.strip())


@migrations()
def m0002_polling(db: sqlite_utils.Database) -> None:
    """Watchlist scheduling per blog, and what a page's next pass needs: its older link, its snapshot."""
    for statement in (
        # The base interval the user chose (NULL: the command's default) and the
        # current one, which backs off while the blog is unchanged.
        "ALTER TABLE [blogs] ADD COLUMN [interval] INTEGER",
        "ALTER TABLE [blogs] ADD COLUMN [poll_interval] INTEGER",
        "ALTER TABLE [blogs] ADD COLUMN [next_due_at] TEXT",
        # The older-updates link the page carried: a 304 next time still knows where to go.
        "ALTER TABLE [fetch_pages] ADD COLUMN [next_url] TEXT",
        # Where the response's bytes are kept: "<warc file>#<offset>:<length>".
        "ALTER TABLE [fetch_pages] ADD COLUMN [snapshot] TEXT",
        # 1 when the body was byte-identical to the page's last one, so not re-extracted.
        "ALTER TABLE [fetch_pages] ADD COLUMN [unchanged] INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX [idx_blogs_active_next_due_at] ON [blogs] ([active], [next_due_at])",
    ):
        db.execute(statement)


@migrations()
def m0003_page_bounds(db: sqlite_utils.Database) -> None:
    """The oldest update each page showed: a page not re-read still bounds what the next one covers."""
    db.execute("ALTER TABLE [fetch_pages] ADD COLUMN [oldest_at] TEXT")


@migrations()
def m0004_publishing_indexes(db: sqlite_utils.Database) -> None:
    """Indexes Datasette's pages need on a million updates: versions newest first, updates by day."""
    # The update_versions table page sorts by seen_at: 790 ms without, 0.2 ms with.
    db.execute("CREATE INDEX [idx_update_versions_seen_at] ON [update_versions] ([seen_at])")
    # Datasette's facet by day groups on date(published_at): 418 ms without, 54 ms with.
    db.execute("CREATE INDEX [idx_updates_published_day] ON [updates] (date([published_at]))")


@migrations()
def m0005_key_events(db: sqlite_utils.Database) -> None:
    """The updates a publisher flags as key events (the Guardian's), as it last flagged them."""
    db.execute("ALTER TABLE [updates] ADD COLUMN [key_event] INTEGER NOT NULL DEFAULT 0")


@migrations()
def m0006_removal_evidence(db: sqlite_utils.Database) -> None:
    """What removals rest on: the story each page named, pages not taken, quarantined passes."""
    for statement in (
        # The story the blog's first page names (its canonical URL): a page naming another
        # story contributes no updates.
        "ALTER TABLE [blogs] ADD COLUMN [canonical_url] TEXT",
        # 1 when the pass would have marked more than half the blog's standing updates
        # removed at once: it changed nothing, and its `error` says so.
        "ALTER TABLE [fetches] ADD COLUMN [quarantined] INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE [fetch_pages] ADD COLUMN [canonical_url] TEXT",
        # Why the page's updates were not taken as the blog's: another story, or a repeat
        # of an earlier page of the pass (a server ignoring ?page=).
        "ALTER TABLE [fetch_pages] ADD COLUMN [refused] TEXT",
        # The removals a quarantined pass held back: applied only if the next pass that
        # reads the blog finds the same updates gone.
        """CREATE TABLE [quarantined_removals] (
   [fetch_id] INTEGER NOT NULL REFERENCES [fetches]([id]),
   [update_id] INTEGER NOT NULL REFERENCES [updates]([id]),
   PRIMARY KEY ([fetch_id], [update_id])
)""",
    ):
        db.execute(statement)


@migrations()
def m0007_version_diffs(db: sqlite_utils.Database) -> None:
    """Each version's diff against the one before, computed once here and when written."""
    db.execute("ALTER TABLE [update_versions] ADD COLUMN [diff] TEXT")
    backfill(db.conn)


@migrations()
def m0008_completeness_and_blog_settings(db: sqlite_utils.Database) -> None:
    """Whether a pass reached the blog's oldest post and why not; each blog's own crawl settings."""
    for statement in (
        # Why the pass stopped short of the blog's oldest post: 'page limit', 'endpoint
        # missing' or 'render needed'; NULL for a complete pass (or a failed one: see error).
        "ALTER TABLE [fetches] ADD COLUMN [incomplete_reason] TEXT",
        # As the blog's last successful pass found it: 1 when it reached the oldest post.
        "ALTER TABLE [blogs] ADD COLUMN [complete] INTEGER",
        # The number of posts the publisher says the blog has, where a page states one.
        "ALTER TABLE [blogs] ADD COLUMN [updates_expected] INTEGER",
        # `liveblog add` settings: fetch through a headless browser, the page limit, and
        # extra request headers as a JSON list of [name, value] pairs.
        "ALTER TABLE [blogs] ADD COLUMN [render] INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE [blogs] ADD COLUMN [max_pages] INTEGER",
        "ALTER TABLE [blogs] ADD COLUMN [headers] TEXT NOT NULL DEFAULT '[]'",
    ):
        db.execute(statement)


@migrations()
def m0009_endpoints_and_cut_bodies(db: sqlite_utils.Database) -> None:
    """Which reader an endpoint's response needs, and which bodies are known to be cut."""
    for statement in (
        # The kind of endpoint the page is (crawler/extract/endpoints/): its JSON is read
        # again by that reader on `liveblog reparse`. NULL for an HTML page.
        "ALTER TABLE [fetch_pages] ADD COLUMN [kind] TEXT",
        # 1 while the stored body is known to be cut (a 1,000-character JSON-LD body, a
        # "Read more" stub): a full reading replaces it in place, without a new version.
        "ALTER TABLE [updates] ADD COLUMN [truncated] INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE [update_versions] ADD COLUMN [truncated] INTEGER NOT NULL DEFAULT 0",
    ):
        db.execute(statement)


@migrations()
def m0010_cluster_passes(db: sqlite_utils.Database) -> None:
    """Which passes of the scale-out the one writer has written: a pass delivered twice is
    written once, because its id is recorded in the same transaction as its rows."""
    db.execute(
        """
CREATE TABLE [cluster_passes] (
   [pass_id] TEXT PRIMARY KEY,
   [fetch_id] INTEGER REFERENCES [fetches]([id]),
   [worker] TEXT,
   [finished_at] TEXT,
   [written_at] TEXT NOT NULL
)"""
    )


@migrations()
def m0011_alerts(db: sqlite_utils.Database) -> None:
    """Where each blog's alerts go, and how far they have told: the rate limit outlives a run."""
    for statement in (
        # `liveblog add --notify`: Apprise URLs told of this blog's changes, as a JSON list.
        "ALTER TABLE [blogs] ADD COLUMN [notify] TEXT NOT NULL DEFAULT '[]'",
        # The last pass whose changes an alert covered (or that alerts started from), and
        # when the last alert was sent: changes of later passes wait for the next one.
        "ALTER TABLE [blogs] ADD COLUMN [notified_fetch_id] INTEGER",
        "ALTER TABLE [blogs] ADD COLUMN [notified_at] TEXT",
    ):
        db.execute(statement)


@migrations()
def m0012_page_newest(db: sqlite_utils.Database) -> None:
    """The newest update each page showed: a page not re-read keeps the stretch of times it
    showed out of the stretch another page's reading may prove removals in."""
    db.execute("ALTER TABLE [fetch_pages] ADD COLUMN [newest_at] TEXT")


@migrations()
def m0013_removal_history(db: sqlite_utils.Database) -> None:
    """Each time an update was marked removed, and when it came back: `removed_at` holds only
    the latest, and a post that reappears clears it."""
    db.execute(
        """
CREATE TABLE [update_removals] (
   [update_id] INTEGER NOT NULL REFERENCES [updates]([id]),
   [removed_at] TEXT NOT NULL,
   [removed_fetch_id] INTEGER REFERENCES [fetches]([id]),
   [restored_at] TEXT,
   [restored_fetch_id] INTEGER REFERENCES [fetches]([id]),
   PRIMARY KEY ([update_id], [removed_at])
)"""
    )
    # What an archive made before knows: the removals that stand, without their pass.
    db.execute(
        """INSERT INTO [update_removals] ([update_id], [removed_at])
           SELECT [id], [removed_at] FROM [updates] WHERE [removed_at] IS NOT NULL"""
    )


@migrations()
def m0014_archive_id(db: sqlite_utils.Database) -> None:
    """The archive's own id: a Redis database of the scale-out serves one archive, and knows
    it by this id wherever the file is moved to."""
    db.execute(
        """
CREATE TABLE [archive_info] (
   [key] TEXT PRIMARY KEY,
   [value] TEXT NOT NULL
)"""
    )
    db.execute(
        "INSERT INTO [archive_info] ([key], [value]) VALUES ('id', lower(hex(randomblob(16))))"
    )


@migrations()
def m0015_redated(db: sqlite_utils.Database) -> None:
    """Where an update's publish time came from, and the time each version had: a post the
    publisher re-dated is a new version, and the time before is kept in the one before."""
    for statement in (
        # NULL: an instant the page states; 'ago' or 'clock': read again each pass (records.py).
        "ALTER TABLE [updates] ADD COLUMN [published_from] TEXT",
        "ALTER TABLE [update_versions] ADD COLUMN [published_at] TEXT",
    ):
        db.execute(statement)
    # Where an archive made before read its times it does not know: the next reading says,
    # and until then a move any reading explains is no re-date (rules.redated).
    db.execute("UPDATE [updates] SET [published_from] = 'unknown' WHERE [published_at] IS NOT NULL")
    # What an archive made before knows: the time its current versions have now.
    db.execute(
        """UPDATE [update_versions] SET [published_at] = (
             SELECT [published_at] FROM [updates] u
             WHERE u.[id] = [update_versions].[update_id] AND u.[version] = [update_versions].[version])"""
    )


@migrations()
def m0016_page_outlier(db: sqlite_utils.Database) -> None:
    """A lone post a page's own order says is misdated: kept apart from the stretch of times
    the page showed, which it would widen past the pages below."""
    db.execute("ALTER TABLE [fetch_pages] ADD COLUMN [outlier_at] TEXT")


@migrations()
def m0017_page_pinned(db: sqlite_utils.Database) -> None:
    """How many pinned posts a page showed: a pinned post stands out of its page's stretch of
    times, so only a page that showed one, not re-read, may show it still. NULL: an archive
    made before did not count them."""
    db.execute("ALTER TABLE [fetch_pages] ADD COLUMN [pinned] INTEGER")
