"""The item pipeline: hands each blog pass to the archive, and counts what happened."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from archive.db import archive_path
from archive.records import BlogPass, PassResult
from archive.times import seconds_between
from archive.writer import PassWriter

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
        self.snapshots = snapshots
        self.writer: PassWriter | None = None
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
        self.writer = PassWriter(self.db_path, self.snapshots)

    async def close_spider(self, spider: Spider | None = None) -> None:
        try:
            await self._in_writer(self._close)
        finally:
            self.pool.stop()

    def _close(self) -> None:
        if self.writer is not None:
            self.writer.close()

    async def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, BlogPass):
            return item
        return self._report(await self._in_writer(self._archive, item), item)

    def _archive(self, item: BlogPass) -> PassResult:
        assert self.writer is not None
        return self.writer.write(item)

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

    def _count(self, result: PassResult) -> None:
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("archive/passes")
        if not result.ok:
            stats.inc_value("archive/failed")
            return
        for key in ("new", "changed", "unchanged", "removed", "not_modified"):
            stats.inc_value(f"archive/{key}", getattr(result, key))
