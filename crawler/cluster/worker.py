"""`liveblog worker`: a Scrapy process on scrapy-redis's scheduler and queue that leases passes
from Redis, fetches and extracts them as `liveblog crawl` does, and hands each finished pass
back to Redis for the one writer. It never opens the archive."""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import redis
import scrapy
from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.http import Request
from scrapy.settings import Settings
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from scrapy_redis.pipelines import RedisPipeline
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task
from twisted.internet.task import deferLater
from twisted.internet.threads import deferToThread
from twisted.python.failure import Failure

from archive.records import BlogPass
from archive.writer import seal_pages
from crawler.cluster import ClusterError
from crawler.cluster.codec import CodecError, PassOrder, encode_pass
from crawler.cluster.passes import Lease, PassQueue, refused_for_good
from crawler.middlewares import pause
from crawler.process import crawl_settings
from crawler.spiders.liveblog import LiveblogSpider

logger = logging.getLogger(__name__)

DEFAULT_PREFIX = "liveblog"
IDLE_POLL = 0.5  # seconds between looks at an empty queue
FINISH_TRIES = 10  # a finished pass is handed back this many times (1 s apart) while Redis is away


def worker_name() -> str:
    """host:pid, unique on the cluster and readable in `liveblog status`."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class Held:
    """A pass this worker is doing: its lease (renewed by the heartbeat) and its order."""

    lease: Lease
    order: PassOrder


class WorkerSpider(LiveblogSpider):
    """The liveblog spider whose passes come from Redis: `start()` leases them as long as the
    worker runs, at most LIVEBLOG_WORKER_PASSES at once."""

    name = "liveblog-worker"
    needs_urls = False

    def __init__(self, worker: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.worker = worker or worker_name()
        self.held: dict[str, Held] = {}
        self.queue: PassQueue | None = None
        self.stopping = False
        self._heartbeat: task.LoopingCall | None = None
        self._redis_down = False
        # Passes given up here, to hand back to the queue once Redis answers.
        self.given_back: list[Lease] = []
        # What stopped this worker: Redis refusing for good (a read-only replica, say).
        self.refused: redis.RedisError | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> WorkerSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        assert isinstance(spider, WorkerSpider)
        settings = crawler.settings
        spider.queue = PassQueue.from_url(
            settings.get("LIVEBLOG_REDIS"), settings.get("LIVEBLOG_REDIS_PREFIX", DEFAULT_PREFIX)
        )
        crawler.signals.connect(spider._opened, signal=signals.spider_opened)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        crawler.signals.connect(spider._dropped, signal=signals.request_dropped)
        return spider

    @property
    def lease_timeout(self) -> float:
        return self.settings.getfloat("LIVEBLOG_LEASE_TIMEOUT")

    @property
    def capacity(self) -> int:
        return max(1, self.settings.getint("LIVEBLOG_WORKER_PASSES"))

    def _opened(self, spider: scrapy.Spider) -> None:
        self._heartbeat = task.LoopingCall(self.beat)
        self._heartbeat.start(max(0.2, min(5.0, self.lease_timeout / 3)), now=True)

    def _closed(self, spider: scrapy.Spider, reason: str) -> None:
        self.stopping = True
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()
        self.keep_stats()

    async def start(self) -> AsyncIterator[Request]:
        while not self.stopping:
            request = self._next_pass() if len(self.held) < self.capacity else None
            if request is None:
                await pause(IDLE_POLL)
                continue
            yield request

    def _next_pass(self) -> Request | None:
        """The first request of the next waiting pass, leased for this worker; None if none."""
        assert self.queue is not None
        try:
            lease = self.queue.lease(self.worker, self.lease_timeout)
        except redis.RedisError as exc:
            self._redis_lost(exc)
            return None
        self._redis_back()
        if lease is None:
            return None
        try:
            order = PassOrder.from_json(lease.payload)
        except CodecError as exc:
            logger.error("pass %s cannot be read by this worker: %s", lease.pass_id, exc)
            return None
        self.held[lease.pass_id] = Held(lease, order)
        logger.info("pass %s leased", lease.pass_id)
        known = {state.url: state for state in order.known}
        return self.pass_request(
            order.url,
            order.settings,
            known if self.settings.getbool("LIVEBLOG_CONDITIONAL", True) else {},
            order.newest_block,
            pass_id=order.pass_id,
            max_pages=order.max_pages,
            title=order.title,
        )

    def _dropped(self, request: Request, spider: scrapy.Spider) -> None:
        """A page that could not be queued (Redis away) ends its pass: without that page the
        pass can never finish, and the heartbeat would renew its lease for ever. The pass is
        given back to the queue for another try as soon as Redis answers."""
        state = request.meta.get("pass")
        pass_id = getattr(getattr(state, "blog", None), "pass_id", None)
        held = self.held.pop(pass_id or "", None)
        if held is None:
            return
        logger.warning(
            "pass %s: its page %s could not be queued; the pass goes back for another try",
            pass_id,
            request.url,
        )
        self.given_back.append(held.lease)

    def _give_back(self) -> None:
        """Hands the passes given up back to the queue (one this worker leased again stays)."""
        assert self.queue is not None
        while self.given_back:
            lease = self.given_back[0]
            if lease.pass_id not in self.held and self.queue.release(lease):
                logger.info("pass %s given back to the queue", lease.pass_id)
            self.given_back.pop(0)

    def beat(self) -> None:
        """The heartbeat: this worker is alive, its leases renewed; a lease lost (Redis came
        back empty, or it expired and went to another worker) frees its place."""
        assert self.queue is not None
        try:
            self.queue.beat(self.worker)
            self._give_back()
            for pass_id, held in list(self.held.items()):
                renewed = self.queue.extend(held.lease, self.lease_timeout)
                if renewed is None:
                    logger.warning("pass %s: lease lost; another worker will do it", pass_id)
                    self.held.pop(pass_id, None)
                else:
                    held.lease = renewed
            self._redis_back()
        except redis.RedisError as exc:
            self._redis_lost(exc)
        self.keep_stats()

    def finish(self, item: BlogPass) -> None:
        """Hands a finished pass to the writer (in a thread: it may wait for Redis to return)."""
        assert self.queue is not None
        held = self.held.get(item.pass_id or "")
        if held is None:
            logger.warning("pass %s finished after its lease was lost: dropped", item.pass_id)
            return
        if self.settings.getbool("LIVEBLOG_SNAPSHOTS", True):
            seal_pages(item)
        else:
            for page in item.pages:
                page.body = page.rendered = None
        blob = encode_pass(held.order, item)
        for _ in range(FINISH_TRIES):
            try:
                first = self.queue.finish(held.lease, blob)
            except redis.RedisError as exc:
                logger.warning("pass %s: Redis unavailable (%s), retrying", item.pass_id, exc)
                time.sleep(1.0)
                continue
            logger.info(
                "pass %s finished%s", item.pass_id, "" if first else " (already done elsewhere)"
            )
            break
        else:
            logger.error("pass %s not handed back: it will be done again", item.pass_id)
        self.held.pop(held.lease.pass_id, None)
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value("cluster/passes_finished")

    def keep_stats(self) -> None:
        """Scrapy's stats of this worker, kept in Redis under its name for `liveblog status`."""
        stats = self.crawler.stats
        if self.queue is None or stats is None:
            return
        values = {
            k: v if isinstance(v, int | float) else str(v) for k, v in stats.get_stats().items()
        }
        values["held"] = len(self.held)
        try:
            self.queue.client.hset(self.queue.key("stats"), self.worker, json.dumps(values))
        except redis.RedisError:
            return

    def _redis_lost(self, exc: redis.RedisError) -> None:
        """Waits out a Redis that is away; one that refuses for good (it became a read-only
        replica, the user lost a permission) stops the worker, as no wait mends it."""
        if refused_for_good(exc):
            if self.refused is None:
                logger.error("Redis refuses this worker (%s): stopping", exc)
                self.refused = exc
                self.stopping = True
                # Imported here, as in `pause`: Scrapy installs the reactor.
                from twisted.internet import reactor

                # Stopped as SIGTERM stops it, from the reactor's next turn.
                deferLater(reactor, 0, lambda: deferred_from_coro(self.crawler.stop_async()))
            return
        if not self._redis_down:
            logger.warning("Redis unavailable (%s): waiting for it", exc)
        self._redis_down = True

    def _redis_back(self) -> None:
        if self._redis_down:
            logger.info("Redis is back")
        self._redis_down = False


class ClusterScheduler(Scheduler):
    """scrapy-redis's scheduler: the pages of the passes this worker does wait in Redis, under
    the worker's own key. While Redis is away it hands out nothing; a page request that could not
    be queued is dropped, and the worker gives its pass back to the queue (`_dropped`)."""

    def enqueue_request(self, request: Request) -> bool:
        try:
            self.queue.push(request)
        except redis.RedisError as exc:
            logger.warning("could not queue %s (%s)", request.url, exc)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        try:
            request = self.queue.pop(0)
        except redis.RedisError:
            return None
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        try:
            return len(self) > 0
        except redis.RedisError:
            return False

    def close(self, reason: str) -> None:
        try:
            super().close(reason)
        except redis.RedisError as exc:
            logger.warning("could not clear this worker's queue (%s)", exc)


class ClusterPipeline(RedisPipeline):
    """scrapy-redis's pipeline, but a finished pass goes to the pass queue's results stream,
    once per pass id, instead of a plain list; in a thread, as Redis may be away a while."""

    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ClusterPipeline:
        pipeline = cls.from_settings(crawler.settings)
        assert isinstance(pipeline, ClusterPipeline)
        pipeline.crawler = crawler
        return pipeline

    async def process_item(self, item: Any, spider: scrapy.Spider | None = None) -> Any:
        return await maybe_deferred_to_future(
            deferToThread(self._process_item, item, self.crawler.spider)
        )

    def _process_item(self, item: Any, spider: scrapy.Spider | None) -> Any:
        if isinstance(item, BlogPass) and isinstance(spider, WorkerSpider):
            spider.finish(item)
        return item


def page_keys(prefix: str, worker: str) -> tuple[str, str]:
    """The worker's own page queue and seen-requests keys, which its start clears."""
    return f"{prefix}:requests:{worker}", f"{prefix}:dupefilter:{worker}"


def worker_settings(
    redis_url: str,
    worker: str,
    *,
    prefix: str = DEFAULT_PREFIX,
    overrides: dict[str, object] | None = None,
) -> Settings:
    """The crawl's own settings, with scrapy-redis's scheduler, queue and pipeline on Redis."""
    settings = crawl_settings(overrides)
    requests, seen = page_keys(prefix, worker)
    middlewares = dict(settings.getdict("DOWNLOADER_MIDDLEWARES"))
    middlewares["crawler.cluster.hosts.HostLimitMiddleware"] = 580
    settings.setdict(
        {
            "LIVEBLOG_REDIS": redis_url,
            "LIVEBLOG_REDIS_PREFIX": prefix,
            "REDIS_URL": redis_url,
            "SCHEDULER": "crawler.cluster.worker.ClusterScheduler",
            "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.FifoQueue",
            "SCHEDULER_QUEUE_KEY": requests,
            "SCHEDULER_DUPEFILTER_KEY": seen,
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_PERSIST": False,
            "SCHEDULER_FLUSH_ON_START": True,
            "ITEM_PIPELINES": {"crawler.cluster.worker.ClusterPipeline": 300},
            "DOWNLOADER_MIDDLEWARES": middlewares,
            "REDIS_PARAMS": {"socket_timeout": 10, "socket_connect_timeout": 5},
        },
        priority="cmdline",
    )
    if overrides:
        settings.setdict(overrides, priority="cmdline")
    return settings


def run_worker(
    redis_url: str,
    *,
    worker: str | None = None,
    prefix: str = DEFAULT_PREFIX,
    overrides: dict[str, object] | None = None,
) -> None:
    """Runs one worker in this process until SIGINT/SIGTERM (Scrapy's own clean stop); a
    worker that could not start, or stopped for another reason, is a ClusterError, and one that
    Redis refused for good raises that RedisError."""
    name = worker or worker_name()
    process = CrawlerProcess(worker_settings(redis_url, name, prefix=prefix, overrides=overrides))
    crawler = process.create_crawler(WorkerSpider)
    failed: list[Failure] = []
    process.crawl(crawler, worker=name).addErrback(failed.append)
    process.start()
    spider = crawler.spider
    if isinstance(spider, WorkerSpider) and spider.refused is not None:
        raise spider.refused
    if failed and isinstance(failed[0].value, redis.RedisError):
        raise failed[0].value
    if failed:
        raise ClusterError(f"the worker could not start: {failed[0].getErrorMessage()}")
    reason = crawler.stats.get_value("finish_reason") if crawler.stats is not None else None
    if reason not in (None, "shutdown", "finished"):
        raise ClusterError(f"the worker stopped ({reason}): its log above says why.")
