"""Politeness across workers: at most N requests in flight per publisher host in the whole
cluster, and a host's Retry-After holds every worker back, not only the one that was told."""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any, cast
from urllib.parse import urlsplit

import redis
import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response

from crawler.cluster.passes import PassQueue
from crawler.middlewares import DEADLINE, pause, retry_after_seconds

logger = logging.getLogger(__name__)

# Request meta: the slot a request holds on its host, released with its response.
SLOT = "liveblog_host_slot"

# KEYS: the host's slots (sorted set token -> expiry), its "not before" key.
# ARGV: the limit, a token, seconds a slot is held at most. Returns {1} when the slot is
# taken, else {0, seconds to wait}.
ACQUIRE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local after = tonumber(redis.call('GET', KEYS[2]) or '0')
if after > now then return {0, tostring(after - now)} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return {0, '0.05'} end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[3])) + 60)
return {1}
"""

# KEYS: the host's "not before" key. ARGV: seconds from now. Only ever pushes it later.
PAUSE_SCRIPT = """
local t = redis.call('TIME')
local until_ = tonumber(t[1]) + tonumber(t[2]) / 1000000 + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > current then
  redis.call('SET', KEYS[1], tostring(until_), 'EX', math.ceil(tonumber(ARGV[1])) + 1)
end
return 1
"""


class HostLimitMiddleware:
    """Takes a slot on the request's host in Redis before it is downloaded, and gives it back
    with the response; a slot a dead worker held expires after the download timeout.

    Settings: LIVEBLOG_REDIS (on only when set), LIVEBLOG_HOST_CONCURRENCY,
    LIVEBLOG_REDIS_PREFIX.
    """

    def __init__(self, queue: PassQueue, limit: int, hold: float) -> None:
        self.queue = queue
        self.limit = limit
        self.hold = hold
        self._acquire = queue.client.register_script(ACQUIRE_SCRIPT)
        self._pause = queue.client.register_script(PAUSE_SCRIPT)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HostLimitMiddleware:
        settings = crawler.settings
        url = settings.get("LIVEBLOG_REDIS")
        if not url:
            raise NotConfigured("no LIVEBLOG_REDIS: a single machine's own limits apply")
        limit = settings.getint("LIVEBLOG_HOST_CONCURRENCY", 2)
        hold = settings.getfloat("DOWNLOAD_TIMEOUT", 30.0) + 30.0
        queue = PassQueue.from_url(url, settings.get("LIVEBLOG_REDIS_PREFIX", "liveblog"))
        return cls(queue, max(1, limit), hold)

    def _keys(self, host: str) -> list[str]:
        return [self.queue.key(f"host:{host}:slots"), self.queue.key(f"host:{host}:after")]

    async def process_request(self, request: Request, spider: scrapy.Spider | None = None) -> None:
        host = urlsplit(request.url).hostname or ""
        deadline = float(request.meta.get(DEADLINE, float("inf")))
        token = uuid.uuid4().hex
        while True:
            try:
                got = cast(
                    Any, self._acquire(keys=self._keys(host), args=[self.limit, token, self.hold])
                )
            except redis.RedisError as exc:
                # Redis away: this worker keeps its own per-domain limit meanwhile.
                logger.warning("host limit unavailable (%s): fetching %s anyway", exc, request.url)
                return None
            if int(got[0]) == 1:
                request.meta[SLOT] = (host, token)
                return None
            wait = float(got[1])
            if time.monotonic() + wait > deadline:
                raise IgnoreRequest(
                    f"the pass ran out of time waiting for a free slot on {host} "
                    "(the cluster's per-host limit or the host's Retry-After)"
                )
            await pause(min(wait, 1.0))

    def process_response(
        self, request: Request, response: Response, spider: scrapy.Spider | None = None
    ) -> Response:
        # The pause goes up before the slot is given back: no waiting request may take the
        # slot in between and reach a host that just asked everyone to wait.
        if response.status in (429, 503):
            seconds = retry_after_seconds(response)
            if seconds:
                self._pause_host(urlsplit(request.url).hostname or "", seconds)
        self._release(request)
        return response

    def process_exception(
        self, request: Request, exception: BaseException, spider: scrapy.Spider | None = None
    ) -> None:
        self._release(request)

    def _release(self, request: Request) -> None:
        held = request.meta.pop(SLOT, None)
        if held is None:
            return
        host, token = held
        try:
            self.queue.client.zrem(self._keys(host)[0], token)
        except redis.RedisError as exc:
            logger.warning("could not release a slot on %s (%s): it expires by itself", host, exc)

    def _pause_host(self, host: str, seconds: float) -> None:
        try:
            self._pause(keys=[self._keys(host)[1]], args=[seconds])
        except redis.RedisError as exc:
            logger.warning("could not share %s's Retry-After with the cluster (%s)", host, exc)
