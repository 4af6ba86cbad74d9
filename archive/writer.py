"""Writing a pass into the archive: its raw responses to WARC first, then its rows in one
transaction. The single-machine crawl's pipeline and the scale-out's writer both write here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from archive.db import ArchiveError, disk_full, open_archive
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

    def replaced(self) -> bool:
        """Whether the archive's path now names another file than the one this writer opened
        (a backup restored over it, the file moved away): what it wrote would go to the old
        file, which no one reads any more."""
        return _file_at(self.db_path) != self._file

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
            self._keep_snapshots(item)
            return record_pass(self.db, item, worker=worker, then=then)
        except (ArchiveError, OSError, sqlite3.OperationalError) as exc:
            error = self._write_error(exc)
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
