"""Opening the archive: one place that sets WAL, timeouts and foreign keys, and migrates."""

from __future__ import annotations

import errno
import functools
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import sqlite_utils

from archive.migrations import migrations

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000
# A pass writes its pages' snapshots and rows; below this much free space it would fail half-way.
MIN_FREE_BYTES = 8 * 1024 * 1024
APP_DIR = "liveblog-archive"
DB_FILENAME = "archive.db"

DISK_FULL = (
    "the disk holding {folder} is full{free}: free some space, or give --db a path on another disk."
)
NOT_A_DATABASE = (
    "{path} is not a SQLite database, or it is damaged: point --db (or $LIVEBLOG_DB) at an "
    "archive file, or choose another path to start a new archive."
)
DAMAGED = (
    "the archive {path} is damaged (SQLite: database disk image is malformed): restore it from "
    "a backup (`sqlite3 {path} .recover` saves what can still be read), or give --db another path."
)
LOCKED = (
    "the archive {path} is locked by another program that holds a write to it open (an "
    "sqlite3 shell in a transaction, a database browser with changes not yet written?) and "
    "did not let go within {seconds:g} s: commit or close it there, and run the command again."
)


# Search over updates (Datasette offers it on the table): recreated with its triggers when
# an archive lacks it.
FTS_TABLE = "updates_fts"
FTS_SHADOWS = tuple(f"{FTS_TABLE}_{part}" for part in ("data", "idx", "docsize", "config"))
_DAMAGED = (
    "the archive {path} lacks {what}, which liveblog-archive keeps: it was changed outside "
    "liveblog; restore it from a backup, or give --db another archive."
)


class ArchiveError(Exception):
    """A problem with the archive file a user can fix; the CLI shows it without a traceback."""


class NoHomeError(ArchiveError):
    """No archive was named and there is no home folder to keep the default one in."""


NO_HOME = (
    "there is no home folder to keep the archive in ($HOME names no full path, and the "
    "password database knows no home for this user): "
    "pass --db PATH, or set $LIVEBLOG_DB (or $XDG_DATA_HOME)."
)


def expanded(path: str | os.PathLike[str], named: str) -> Path:
    """The path with its `~` or `~user` expanded, or a sentence where no such home is known."""
    try:
        return Path(path).expanduser()
    except RuntimeError as e:  # Python's "Could not determine home directory."
        raise ArchiveError(
            f"{named} {os.fspath(path)} starts with the home folder of a user this system does "
            "not know: give the archive's path in full, or from your own home (~/…)."
        ) from e


def default_db_path() -> Path:
    """Where the archive lives unless told otherwise: $LIVEBLOG_DB, else the XDG data folder."""
    explicit = os.environ.get("LIVEBLOG_DB")
    if explicit:
        return expanded(explicit, "$LIVEBLOG_DB")
    xdg = os.environ.get("XDG_DATA_HOME", "")
    # The XDG spec says relative values are invalid and must be ignored (so is a ~user that
    # names no user).
    try:
        base = Path(xdg).expanduser() if xdg and Path(xdg).expanduser().is_absolute() else None
    except RuntimeError:
        base = None
    if base is None:
        # Without $HOME (a system service run as root sets none) the account's home in the
        # password database, as every program finds it; a user it does not know (a
        # container's nameless uid), or a $HOME that names no full path, has none.
        home = os.environ.get("HOME")
        if home is None:
            home = os.path.expanduser("~")  # (left as it is for a user it does not know)
        if not home or not Path(home).is_absolute():
            raise NoHomeError(NO_HOME)
        base = Path(home) / ".local" / "share"
    return base / APP_DIR / DB_FILENAME


def archive_path(given: str | os.PathLike[str] | None = None) -> Path:
    """The archive a command or a crawl writes: the path given, else default_db_path()."""
    return expanded(given, "--db") if given else default_db_path()


def _check_path(path: Path) -> None:
    """Refuse paths that would otherwise fail later with an obscure sqlite3 error.

    The archive's folder must take new files (SQLite keeps its -wal and -shm beside the
    database) and the archive itself must be writable.
    """
    if path.is_dir():
        raise ArchiveError(
            f"{path} is a directory: give the path of an archive file inside it, "
            f"e.g. {path / DB_FILENAME}."
        )
    blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise ArchiveError(
            f"Cannot create the folder {path.parent}: {blocker} is a file, not a folder; "
            "give --db an archive path in a folder."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path.parent) as probe:
            probe.write(b"\0")
            probe.flush()
    except OSError as e:
        if e.errno == errno.ENOSPC:
            raise ArchiveError(DISK_FULL.format(folder=path.parent, free="")) from e
        raise ArchiveError(
            f"cannot write to the folder {path.parent} ({e.strerror}): "
            "give --db an archive path in a folder you can write to."
        ) from e
    # os.access, not a descriptor: closing any descriptor of the file would drop the POSIX
    # locks this process's SQLite connections hold on it (so another process could
    # checkpoint and delete the WAL under them). SQLite's own first read checks the header.
    if path.exists() and read_only_file(path):
        raise ArchiveError(
            f"cannot write to the archive {path}: it is read-only or immutable; make it "
            "writable, or give --db another path (export and serve read it as it is)."
        )


def check_room(path: Path) -> None:
    """Refuse to start a crawl on a disk too full to hold what a pass writes."""
    free = shutil.disk_usage(path.parent).free
    if free < MIN_FREE_BYTES:
        raise ArchiveError(DISK_FULL.format(folder=path.parent, free=f" ({free // 1024} KiB free)"))


def disk_full(path: Path, error: BaseException) -> ArchiveError | None:
    """The one-sentence error for a write to the archive at `path` that failed for want of
    space (SQLite's "database or disk is full", ENOSPC, or an I/O error on a nearly full
    disk); None for any other failure."""
    for cause in (error, error.__cause__):
        if isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT):
            break
        if isinstance(cause, sqlite3.OperationalError) and (
            "disk is full" in str(cause)
            or ("disk I/O error" in str(cause) and _free_bytes(path) < MIN_FREE_BYTES)
        ):
            break
    else:
        return None
    return ArchiveError(DISK_FULL.format(folder=path.parent, free=""))


def damaged(path: Path, error: BaseException) -> ArchiveError | None:
    """The sentence for an archive SQLite found damaged inside (a page of a table, its header
    whole: only a command that reads that table meets it); None for any other error."""
    if isinstance(error, sqlite3.DatabaseError) and "malformed" in str(error):
        return ArchiveError(DAMAGED.format(path=path))
    return None


@contextmanager
def disk_errors(path: Path) -> Iterator[None]:
    """Writes to the archive at `path` that fail for want of space raise the disk-full sentence."""
    try:
        yield
    except (sqlite3.OperationalError, OSError) as e:
        full = disk_full(path, e)
        if full is None:
            raise
        raise full from e


def short_of_room(path: Path) -> ArchiveError | None:
    """The disk-full sentence if the archive's disk has less room left than a pass needs."""
    if _free_bytes(path) >= MIN_FREE_BYTES:
        return None
    return ArchiveError(DISK_FULL.format(folder=path.parent, free=""))


def _free_bytes(path: Path) -> int:
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return MIN_FREE_BYTES


def read_only_file(path: Path) -> bool:
    """A file this process may not write, or one no one is to write: without any write
    permission (chmod a-w), which root could write through, liveblog treats as read-only."""
    return not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222


def _kept_as_it_is(real: Path) -> bool:
    """An archive nothing may be written beside or into: in a read-only folder, or itself
    read-only. No liveblog command writes it, and a reader leaves no -wal or -shm there."""
    return not os.access(real.parent, os.W_OK) or read_only_file(real)


def read_only_uri(path: Path) -> str:
    """A URI that opens the archive read-only, where SQLite can read it whole in place.

    SQLite reads a WAL database read-only when it may make the -shm file, or finds it made;
    but one it makes beside a read-only archive (with an empty -wal) would be left there, as
    a read-only connection removes neither. So an archive kept as it is (see _kept_as_it_is)
    without a -shm is opened immutable: nothing is writing it, and a database without a
    -wal file holds everything it has (one with a -wal is read from a copy: see
    readable_archive). The folder is the real file's, through any symlink, where SQLite
    keeps the -wal and -shm.
    """
    real = path.resolve()
    if not _kept_as_it_is(real) or Path(f"{real}-shm").exists():
        return f"{real.as_uri()}?mode=ro"
    return f"{real.as_uri()}?immutable=1"


def _wal_unread_in_place(path: Path) -> bool:
    """A -wal with updates in it that SQLite cannot read where it lies without writing a -shm
    beside it: an archive kept as it is without the -shm that indexes it (a copied archive);
    opened immutable, it would be read without them. (The real file, through any symlink.)"""
    real = path.resolve()
    wal = Path(f"{real}-wal")
    return (
        _kept_as_it_is(real)
        and not Path(f"{real}-shm").exists()
        and wal.is_file()
        and wal.stat().st_size > 0
    )


@contextmanager
def readable_archive(path: Path) -> Iterator[Path]:
    """The archive where SQLite reads all of it: in place, or where its -wal cannot be read
    there, from a copy of the archive and its -wal in a temporary folder, removed after."""
    if not path.is_file():
        raise ArchiveError(f"there is no archive at {path}: give its path with --db.")
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as e:
        raise ArchiveError(
            f"cannot read the archive {path} ({e.strerror}): check that you may read it."
        ) from e
    if header != SQLITE_HEADER:
        raise ArchiveError(f"{path} is not a SQLite database: point --db at an archive file.")
    if not _wal_unread_in_place(path):
        yield path
        return
    try:
        folder = tempfile.TemporaryDirectory(prefix="liveblog-read-")
    except OSError as e:
        raise ArchiveError(_uncopied(path, tempfile.gettempdir(), e)) from e
    with folder:
        copy = Path(folder.name) / path.name
        real = path.resolve()
        try:
            shutil.copyfile(real, copy)
            shutil.copyfile(f"{real}-wal", f"{copy}-wal")
        except OSError as e:
            raise ArchiveError(_uncopied(path, folder.name, e)) from e
        yield copy


def _uncopied(path: Path, folder: str, e: OSError) -> str:
    real = path.resolve()
    kept = "lies in a read-only folder" if not os.access(real.parent, os.W_OK) else "is read-only"
    return (
        f"cannot read the archive {path} whole: it {kept} with its -wal "
        f"file but no -shm, so it is read from a copy, and copying it to {folder} failed "
        f"({e.strerror}): set TMPDIR to a folder with room for it, or copy the archive with "
        "its -wal to a folder you can write to."
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
        _use_wal(db)
        db.conn.execute("PRAGMA synchronous = NORMAL")
        migrate(db)
        repair(db, path)
    except ArchiveError:
        if db is not None:
            db.close()
        raise
    except sqlite3.DatabaseError as e:
        if db is not None:
            db.close()
        if "not a database" in str(e):
            raise ArchiveError(NOT_A_DATABASE.format(path=path)) from e
        broken = damaged(path, e)
        if broken is not None:
            raise broken from e
        full = disk_full(path, e)
        if full is not None:
            raise full from e
        raise ArchiveError(
            f"Cannot open the archive {path} ({e}): check that you may write to it and its "
            "folder and that it is a liveblog-archive database, or choose another path."
        ) from e
    return db


@functools.cache
def _schema() -> tuple[
    dict[str, list[str]], list[tuple[str, str, str]], dict[str, tuple[str, list[tuple[Any, ...]]]]
]:
    """What the migrations make, read from a fresh archive in memory (once per process): each
    table's columns, and the indexes, triggers and full-text table that the rows imply."""
    fresh = sqlite_utils.Database(memory=True)
    migrations.apply(fresh)
    tables = {
        name: [column.name for column in fresh[name].columns]
        for name in fresh.table_names()
        if name != FTS_TABLE and name not in FTS_SHADOWS
    }
    derived = fresh.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
        "(type IN ('index', 'trigger') OR name = ?) ORDER BY rowid",
        [FTS_TABLE],
    ).fetchall()
    # Each of FTS5's own tables as a fresh archive has it: its schema and its first rows.
    made = dict(fresh.execute("SELECT name, sql FROM sqlite_master").fetchall())
    shadows = {
        name: (str(made[name]), fresh.execute(f"SELECT * FROM [{name}]").fetchall())
        for name in FTS_SHADOWS
    }
    fresh.close()
    return tables, derived, shadows


def repair(db: sqlite_utils.Database, path: Path) -> list[str]:
    """Put back what an analyst's change took from the archive and its rows imply: a dropped
    index, the full-text table or its triggers, recreated as the migrations made them (the
    full-text index rebuilt from `updates`); returns their names. A table or column the
    archive lacks holds data and is not made up: that is one sentence."""
    tables, derived, shadows = _schema()
    for table, columns in tables.items():
        if not db[table].exists():
            raise ArchiveError(_DAMAGED.format(path=path, what=f"the table {table}"))
        have = {c.name for c in db[table].columns}
        lost = [c for c in columns if c not in have]
        if lost:
            what = f"the column{'s' if len(lost) > 1 else ''} {', '.join(lost)} of {table}"
            raise ArchiveError(_DAMAGED.format(path=path, what=what))
    if not _missing(db, derived).made:
        return []
    names: list[str] = []
    try:
        with write_transaction(db):
            # Again under the lock: another process opening the archive may have made them.
            lacking = _missing(db, derived)
            missing, present, lost_shadows, broken = lacking
            if not missing:
                return []
            orphans = (
                [] if FTS_TABLE in present or broken else [n for n in FTS_SHADOWS if n in present]
            )
            names = [name for _, name, _ in missing]
            if broken:
                for name in lost_shadows:
                    sql, rows = shadows[name]
                    db.execute(sql)
                    for row in rows:
                        db.execute(
                            f"INSERT INTO [{name}] VALUES ({', '.join('?' * len(row))})", row
                        )
                db.execute(f"DROP TABLE [{FTS_TABLE}]")
            for name in orphans:
                db.execute(f"DROP TABLE [{name}]")
            for _, _, sql in missing:
                db.execute(sql)
            # Without its table or a trigger, the full-text index no longer follows `updates`.
            if any(kind != "index" for kind, _, _ in missing):
                db.execute(f"INSERT INTO [{FTS_TABLE}] ([{FTS_TABLE}]) VALUES ('rebuild')")
    except sqlite3.IntegrityError as e:  # a unique index over rows written while it was gone
        raise ArchiveError(
            f"the archive {path} lacks {', '.join(names)}, which cannot be made again ({e}): "
            "restore the archive from a backup."
        ) from e
    return names


class _Lacking(NamedTuple):
    """What the archive lacks of what its migrations made."""

    made: list[tuple[str, str, str]]  # (kind, name, sql) to make again
    present: set[str]
    # A full-text table that lost one of the tables FTS5 keeps it in cannot be opened, nor
    # dropped (`broken`): the lost ones are made empty again, so that it can be dropped and
    # made anew. Those left without it are dropped, to make room for the new one's.
    lost_shadows: list[str]
    broken: bool


def _missing(db: sqlite_utils.Database, derived: list[tuple[str, str, str]]) -> _Lacking:
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    lost_shadows = [name for name in FTS_SHADOWS if name not in present]
    broken = FTS_TABLE in present and bool(lost_shadows)
    if broken:
        present.discard(FTS_TABLE)
    made = [(kind, name, sql) for kind, name, sql in derived if name not in present]
    return _Lacking(made, present, lost_shadows, broken)


def _use_wal(db: sqlite_utils.Database) -> None:
    """Switch the archive to WAL (once: the mode is kept in the file).

    The switch needs the file to itself, and SQLite answers "database is locked" at once,
    without waiting out the busy timeout, when another process opens the new archive at the
    same moment; so it is tried again, for as long as that timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            if db.journal_mode != "wal":
                db.enable_wal()
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


@contextmanager
def read_only_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """The archive opened only to read (export, serve): never written, never created."""
    with readable_archive(path) as readable:
        conn = _connect_read_only(readable)
        try:
            yield conn
        finally:
            conn.close()


def _connect_read_only(readable: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(read_only_uri(readable), uri=True, timeout=30)
    conn.row_factory = sqlite3.Row
    return conn


@contextmanager
def checked_archive(path: Path) -> Iterator[Path]:
    """The archive, refused read-only if it is no liveblog archive, where SQLite reads it
    whole (see readable_archive): the path Datasette is to serve."""
    with readable_archive(path) as readable:
        conn = _connect_read_only(readable)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as e:
            raise ArchiveError(NOT_A_DATABASE.format(path=path)) from e
        finally:
            conn.close()
        if not {"blogs", "updates", "update_versions", "fetches"} <= tables:
            raise ArchiveError(
                f"{path} is a SQLite database but not a liveblog archive: point --db at an archive."
            )
        yield readable


def check_archive(path: Path) -> None:
    """Refuse, read-only, a file that is not a liveblog archive."""
    with checked_archive(path):
        pass


def archive_id(db: sqlite_utils.Database) -> str:
    """The archive's own id (made by its migration; made again should a hand have deleted it)."""
    row = db.execute("SELECT value FROM archive_info WHERE key = 'id'").fetchone()
    if row is not None:
        return str(row[0])
    with write_transaction(db):
        db.execute(
            "INSERT OR IGNORE INTO archive_info (key, value) "
            "VALUES ('id', lower(hex(randomblob(16))))"
        )
    return str(db.execute("SELECT value FROM archive_info WHERE key = 'id'").fetchone()[0])


def new_archive_id(db: sqlite_utils.Database) -> str:
    """Gives the archive a new id: a copy of an archive is then an archive of its own, as
    the scale-out's Redis database (which serves one archive id) tells them apart."""
    with write_transaction(db):
        db.execute(
            "INSERT OR REPLACE INTO archive_info (key, value) "
            "VALUES ('id', lower(hex(randomblob(16))))"
        )
    return archive_id(db)


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
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        if "locked" not in str(e):
            raise
        raise _locked(db) from e
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")


def _locked(db: sqlite_utils.Database) -> ArchiveError:
    """The sentence for an archive whose write lock another program kept past the busy timeout."""
    [(waited,)] = db.conn.execute("PRAGMA busy_timeout").fetchall()
    files = [row[2] for row in db.conn.execute("PRAGMA database_list") if row[1] == "main"]
    return ArchiveError(LOCKED.format(path=files[0] if files else "", seconds=waited / 1000))
