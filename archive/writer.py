"""Writing a pass into the archive: its raw responses to WARC first, then its rows in one
transaction. The single-machine crawl's pipeline and the scale-out's writer both write here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from archive.db import ArchiveError, damaged, disk_full, open_archive
from archive.records import BlogPass, PageFetch, PassResult
from archive.snapshots import COMPRESS_LEVEL, SnapshotStore, warc_records
from archive.store import record_pass


class PassWriter:
    """Owns the archive's connection and snapshot files for one writing thread or process."""

    def __init__(self, db_path: Path, snapshots: bool = True) -> None:
        self.db_path = db_path
        self.db = open_archive(db_path)
        self.snapshots = SnapshotStore(db_path) if snapshots else None
        self._file = _file_at(db_path)
        self._content = FileContent(db_path)

    def replaced(self) -> bool:
        """Whether the archive's path now names another file than the one this writer opened
        (a backup restored over it, the file moved away): what it wrote would go to the old
        file, which no one reads any more."""
        return _file_at(self.db_path) != self._file

    def overwritten(self) -> bool:
        """Whether the file this writer opened was written over in place (`cp backup.db
        archive.db`): SQLite would read it through the -wal of what it held before."""
        return self._content.overwritten(self.db.conn)

    def close(self) -> None:
        self.db.close()
        if self.snapshots is not None:
            self.snapshots.close()

    def write(
        self,
        item: BlogPass,
        *,
        worker: str | None = None,
        then: Callable[[sqlite3.Connection, PassResult], None] | None = None,
    ) -> PassResult:
        """Raw bytes first, then the pass in one transaction (with `then`, see record_pass).

        A write that fails (a full disk, a file made read-only meanwhile) fails this pass
        with the reason; the transaction leaves the archive as it was. So does a write to an
        archive whose file was replaced since it was opened (a backup restored over it while
        a crawl ran): it would go to the old file, which no one reads any more.
        """
        try:
            if self.replaced():
                raise ArchiveError(
                    f"the archive at {self.db_path} was replaced while this pass ran (a backup "
                    "restored over it, or the file moved away): the pass was not written; "
                    "run it again."
                )
            if self.overwritten():
                raise ArchiveError(
                    f"the archive at {self.db_path} was overwritten while this pass ran (a "
                    "backup copied over it): the pass was not written; stop every liveblog run "
                    "on it, delete its -wal and -shm files and copy the backup over it again."
                )
            self._keep_snapshots(item)
            result = record_pass(self.db, item, worker=worker, then=then)
            if result.fetch_id:
                self._content.wrote((result.fetch_id, item.started_at))
            self._content.overwritten(self.db.conn)  # takes in the commit's checkpoint
            return result
        except (ArchiveError, OSError, sqlite3.OperationalError) as exc:
            error = self._write_error(exc)
        except sqlite3.DatabaseError as exc:  # a table torn inside: the archive's sentence
            broken = damaged(self.db_path, exc)
            if broken is None:
                raise
            error = str(broken)
        return PassResult(url=item.url, blog_id=0, fetch_id=0, pages=len(item.pages), error=error)

    def _write_error(self, exc: Exception) -> str:
        """One sentence: a full disk says so; a snapshot not kept says where and why."""
        full = disk_full(self.db_path, exc)
        if full is not None:
            return str(full)
        if isinstance(exc, ArchiveError):
            return str(exc)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return f"could not write to the archive {self.db_path}: {reason}"

    def _keep_snapshots(self, item: BlogPass) -> None:
        """Raw bytes go to WARC (durably) before the rows that point at them are committed; a
        rendered page's DOM goes beside them, and the row points at what was extracted.
        Records a scale-out worker already made are appended as they are."""
        for page in item.pages:
            if self.snapshots is not None and page.snapshot is None:
                made = page.warc or page_records(
                    page, item.started_at, self.snapshots.compress_level
                )
                if made:
                    page.snapshot = str(self.snapshots.append(page.url, made))
            page.body = page.rendered = page.warc = None


class FileContent:
    """Tells the archive's file written over in place (`cp backup.db archive.db` keeps its
    inode) from the file SQLite writes, cheaply, before each pass.

    In WAL mode SQLite writes the file itself only when it checkpoints, copying committed
    pages from the -wal, so the passes the file holds only ever grow. The file unchanged
    since the last look (its size, modification and status change times) needs nothing
    more. Changed, the file itself (without the -wal, which hides a copied file behind the
    pages of the old one) must still hold the newest pass it held at the last look, where
    the archive as SQLite reads it holds that pass, or this writer's last one, still; a
    backup older than that lacks it. An archive rewritten through SQLite (`sqlite3 archive.db
    ".restore backup.db"`) is no copy over the file: SQLite reads it whole, without the
    passes it lacks, and the file, once checkpointed, holds what SQLite reads. Once written
    over, it stays so for this writer.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp = _stamp(path)
        self._newest: tuple[int, str] | None = None
        self._own: tuple[int, str] | None = None  # this writer's last pass
        self._over = False
        try:
            self._newest, _ = _look(path, None)
        except sqlite3.DatabaseError:
            self._stamp = None  # looked at again before the first pass

    def wrote(self, own: tuple[int, str]) -> None:
        self._own = own

    def overwritten(self, conn: sqlite3.Connection) -> bool:
        if self._over:
            return True
        if self._own is not None and not _holds(conn, self._own):
            # Rewritten through SQLite (a `.restore`): what the file held is history.
            self._own = self._newest = self._stamp = None
        stamp = _stamp(self.path)
        if stamp is None or stamp == self._stamp:
            return False  # a file gone is the inode check's
        try:
            newest, kept = _look(self.path, self._newest)
        except sqlite3.DatabaseError:
            return False  # not readable as it is now: looked at again before the next pass
        if _stamp(self.path) != stamp:
            return False  # written while read (a checkpoint): looked at again next time
        if not kept and any(_holds(conn, p) for p in (self._newest, self._own) if p):
            self._over = True
            return True
        # (A pass the file holds that SQLite does not read, a `.restore` not checkpointed
        # yet, is none to hold it to.)
        self._stamp = stamp
        self._newest = newest if newest is not None and _holds(conn, newest) else None
        return False


def _holds(conn: sqlite3.Connection, held: tuple[int, str]) -> bool:
    """Whether the archive as this connection reads it (its -wal over its file) holds a pass."""
    found = conn.execute("SELECT 1 FROM fetches WHERE id = ? AND started_at = ?", list(held))
    return found.fetchone() is not None


def _stamp(path: Path) -> tuple[int, int, int, int, int] | None:
    """What changes whenever the file's bytes are written, by SQLite or by `cp` (which may
    keep the old modification time, `cp -p`, but never the status change time)."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns


def _look(path: Path, held: tuple[int, str] | None) -> tuple[tuple[int, str] | None, bool]:
    """The newest pass the archive's file itself holds (its fetch log's id and start), and
    whether it still holds `held`. The file is read alone, as it lies on disk: immutable,
    so SQLite neither reads its -wal nor takes a lock."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        row = conn.execute("SELECT id, started_at FROM fetches ORDER BY id DESC LIMIT 1").fetchone()
        kept = (
            held is None
            or conn.execute(
                "SELECT 1 FROM fetches WHERE id = ? AND started_at = ?", list(held)
            ).fetchone()
            is not None
        )
    finally:
        conn.close()
    return (None if row is None else (int(row[0]), str(row[1]))), kept


def _file_at(path: Path) -> tuple[int, int] | None:
    """The file at `path` (its device and inode); None when there is none."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino


def page_records(
    page: PageFetch, started_at: str, compress_level: int = COMPRESS_LEVEL
) -> list[bytes] | None:
    """A page's WARC records made from its raw bytes; None when it kept none (a 304)."""
    if page.body is None and page.rendered is None:
        return None
    return list(
        warc_records(
            page.url,
            page.status,
            page.headers,
            page.body or b"",
            page.request_headers,
            page.fetched_at or started_at,
            rendered=page.rendered,
            compress_level=compress_level,
        )
    )


def seal_pages(item: BlogPass) -> None:
    """A scale-out worker's part of the writing: each page's raw bytes become its WARC records
    before the pass travels, so the one writer only appends them."""
    for page in item.pages:
        made = page_records(page, item.started_at)
        if made:
            page.warc = made
            page.body = page.rendered = None
