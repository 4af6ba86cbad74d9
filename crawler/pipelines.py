"""The item pipeline: hands each blog pass to the archive, and counts what happened."""

from __future__ import annotations

import dataclasses
import json
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from archive.db import ArchiveError, archive_path, disk_full, open_archive
from archive.records import BlogPass, PassResult
from archive.snapshots import SnapshotStore
from archive.store import record_pass
from archive.times import seconds_between

logger = logging.getLogger(__name__)


class ArchivePipeline:
    """Writes each BlogPass to the SQLite archive in one transaction, off the reactor thread.

    One worker thread owns the database connection and the snapshot files, so downloads
    go on while a pass is written (fsync and SQLite never block the reactor) and passes
    are still written one at a time, in order.

    Settings: ARCHIVE_DB (the archive's path; empty means LIVEBLOG_DB or the default
    path), LIVEBLOG_RESULTS (a file that receives one JSON line per pass, for
    `liveblog crawl`), LIVEBLOG_SNAPSHOTS (keep each response as WARC records in the
    folder `<archive>.warc/` next to the database).
    """

    def __init__(
        self, db_path: Path, results_path: Path | None, crawler: Crawler, snapshots: bool = True
    ) -> None:
        self.db_path = db_path
        self.results_path = results_path
        self.crawler = crawler
        self.db: Any = None
        self.snapshots = SnapshotStore(db_path) if snapshots else None
        self.pool = ThreadPool(1, 1, name="archive-writer")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        db_path = archive_path(crawler.settings.get("ARCHIVE_DB"))
        results = crawler.settings.get("LIVEBLOG_RESULTS") or ""
        snapshots = crawler.settings.getbool("LIVEBLOG_SNAPSHOTS", True)
        return cls(db_path, Path(results) if results else None, crawler, snapshots)

    async def _in_writer(self, func: Callable[..., Any], *args: Any) -> Any:
        from twisted.internet import reactor

        return await maybe_deferred_to_future(deferToThreadPool(reactor, self.pool, func, *args))

    async def open_spider(self, spider: Spider | None = None) -> None:
        self.pool.start()
        logger.info("archiving to %s", self.db_path)
        await self._in_writer(self._open)

    def _open(self) -> None:
        self.db = open_archive(self.db_path)

    async def close_spider(self, spider: Spider | None = None) -> None:
        try:
            await self._in_writer(self._close)
        finally:
            self.pool.stop()

    def _close(self) -> None:
        if self.db is not None:
            self.db.close()
        if self.snapshots is not None:
            self.snapshots.close()

    async def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, BlogPass):
            return item
        return self._report(await self._in_writer(self._archive, item), item)

    def _archive(self, item: BlogPass) -> PassResult:
        """In the writer thread: raw bytes first, then the pass in one transaction.

        A write that fails (a full disk, a file made read-only meanwhile) fails this pass
        with the reason; the transaction leaves the archive as it was.
        """
        try:
            self._keep_snapshots(item)
            return record_pass(self.db, item)
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

    def _report(self, result: PassResult, item: BlogPass) -> BlogPass:
        result.seconds = round(seconds_between(item.started_at, item.finished_at), 2)
        self._count(result)
        if result.ok:
            logger.info(
                "%s: %d pages, %d new, %d changed, %d unchanged, %d removed",
                result.url,
                result.pages,
                result.new,
                result.changed,
                result.unchanged,
                result.removed,
            )
        else:
            logger.warning("%s: not archived: %s", result.url, result.error)
        if self.results_path is not None:
            with self.results_path.open("a", encoding="utf-8") as out:
                out.write(json.dumps(dataclasses.asdict(result)) + "\n")
        return item

    def _keep_snapshots(self, item: BlogPass) -> None:
        """Raw bytes go to WARC (durably) before the rows that point at them are committed; a
        rendered page's DOM goes beside them, and the row points at what was extracted."""
        for page in item.pages:
            kept = page.body is not None or page.rendered is not None
            if kept and self.snapshots is not None and page.snapshot is None:
                ref = self.snapshots.write(
                    page.url,
                    page.status,
                    page.headers,
                    page.body or b"",
                    page.request_headers,
                    page.fetched_at or item.started_at,
                    rendered=page.rendered,
                )
                page.snapshot = str(ref)
            page.body = page.rendered = None

    def _count(self, result: PassResult) -> None:
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("archive/passes")
        if not result.ok:
            stats.inc_value("archive/failed")
            return
        for key in ("new", "changed", "unchanged", "removed", "not_modified"):
            stats.inc_value(f"archive/{key}", getattr(result, key))
