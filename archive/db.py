"""Opening the archive: one place that sets WAL, timeouts and foreign keys, and migrates."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from archive.migrations import migrations

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000
APP_DIR = "liveblog-archive"
DB_FILENAME = "archive.db"


class ArchiveError(Exception):
    """A problem with the archive file a user can fix; the CLI shows it without a traceback."""


def default_db_path() -> Path:
    """Where the archive lives unless told otherwise: $LIVEBLOG_DB, else the XDG data folder."""
    explicit = os.environ.get("LIVEBLOG_DB")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME", "")
    # The XDG spec says relative values are invalid and must be ignored.
    base = Path(xdg).expanduser() if xdg and Path(xdg).expanduser().is_absolute() else None
    if base is None:
        base = Path.home() / ".local" / "share"
    return base / APP_DIR / DB_FILENAME


def archive_path(given: str | os.PathLike[str] | None = None) -> Path:
    """The archive a command or a crawl writes: the path given, else default_db_path()."""
    return Path(given).expanduser() if given else default_db_path()


def _check_path(path: Path) -> None:
    """Refuse paths that would otherwise fail later with an obscure sqlite3 error."""
    if path.is_dir():
        raise ArchiveError(
            f"{path} is a directory: give the path of an archive file inside it, "
            f"e.g. {path / DB_FILENAME}."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ArchiveError(
            f"Cannot create the folder {path.parent} ({e.strerror}): "
            "choose an archive path in a folder you can write to."
        ) from e
    # The header is not read here: closing any descriptor of the file would drop the
    # POSIX locks this process's SQLite connections hold on it (so another process could
    # checkpoint and delete the WAL under them). SQLite's own first read tells instead.


NOT_A_DATABASE = (
    "{path} is not a SQLite database, or it is damaged: point --db (or $LIVEBLOG_DB) at an "
    "archive file, or choose another path to start a new archive."
)


def open_archive(path: str | Path) -> sqlite_utils.Database:
    """Open, create or migrate the archive, ready for one writer and concurrent readers."""
    path = Path(path).expanduser()
    _check_path(path)
    db: sqlite_utils.Database | None = None
    try:
        db = sqlite_utils.Database(path)
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.conn.execute("PRAGMA foreign_keys = ON")
        if db.journal_mode != "wal":
            db.enable_wal()
        db.conn.execute("PRAGMA synchronous = NORMAL")
        migrate(db)
    except sqlite3.DatabaseError as e:
        if db is not None:
            db.close()
        if "not a database" in str(e):
            raise ArchiveError(NOT_A_DATABASE.format(path=path)) from e
        raise ArchiveError(
            f"Cannot open the archive {path} ({e}): check that you may write to it and its "
            "folder and that it is a liveblog-archive database, or choose another path."
        ) from e
    return db


def migrate(db: sqlite_utils.Database) -> None:
    """Migrate under a write lock, so two processes starting at once cannot both migrate."""
    if not migrations.pending(db):
        return
    with write_transaction(db):
        migrations.apply(db)


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """BEGIN IMMEDIATE: a second writer waits for the lock up front instead of failing mid-way."""
    if db.conn.in_transaction:
        raise ArchiveError("A write transaction is already open on this connection.")
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
