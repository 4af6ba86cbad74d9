"""Downloader middlewares that make the crawler a polite client."""

from __future__ import annotations

import logging
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.settings import BaseSettings, default_settings
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message
from twisted.internet.task import deferLater

from archive.times import now_utc, parse_http_date

logger = logging.getLogger(__name__)


def _version() -> str:
    try:
        return version("liveblog-archive")
    except PackageNotFoundError:
        return "dev"


class ContactUserAgentMiddleware:
    """Sends an honest User-Agent: the project, its version, and how to reach its operator.

    Settings: LIVEBLOG_CONTACT (a URL or mailto: shown in the User-Agent); USER_AGENT,
    when set to anything but Scrapy's default, is sent as it is instead.
    """

    def __init__(self, user_agent: str) -> None:
        self.user_agent = user_agent

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContactUserAgentMiddleware:
        return cls(user_agent_for(crawler.settings))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        request.headers.setdefault(b"User-Agent", self.user_agent)


def user_agent_for(settings: BaseSettings) -> str:
    explicit = settings.get("USER_AGENT")
    if explicit and explicit != default_settings.USER_AGENT:
        return str(explicit)
    contact = settings.get("LIVEBLOG_CONTACT") or "no contact given"
    return f"liveblog-archive/{_version()} (+{contact})"


def retry_after_seconds(response: Response, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: either delta-seconds or an HTTP-date; None when absent or garbled."""
    raw = response.headers.get(b"Retry-After")
    if not raw:
        return None
    text = raw.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    when = parse_http_date(text)
    if when is None:
        return None
    return max(0.0, (when - (now or now_utc())).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Retries 429 and 5xx after a pause: the server's Retry-After, else exponential back-off.

    Settings: RETRY_ENABLED, RETRY_TIMES, RETRY_HTTP_CODES (Scrapy's own),
    LIVEBLOG_BACKOFF_BASE (seconds before the first retry, doubled each time; default 2),
    LIVEBLOG_RETRY_AFTER_MAX (a Retry-After longer than this many seconds is not waited
    for: the pass fails now and the next one tries again; default 120).
    """

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("LIVEBLOG_BACKOFF_BASE", 2.0)
        self.retry_after_max = settings.getfloat("LIVEBLOG_RETRY_AFTER_MAX", 120.0)
        if self.max_retry_times < 0:
            raise NotConfigured

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retries = int(request.meta.get("retry_times", 0))
        if retries < request.meta.get("max_retry_times", self.max_retry_times):
            wait = retry_after_seconds(response)
            if wait is not None and wait > self.retry_after_max:
                logger.warning(
                    "%s asks to retry in %.0f s (Retry-After), more than LIVEBLOG_RETRY_AFTER_MAX",
                    request.url,
                    wait,
                )
                return response
            await self._pause(self.backoff_base * 2**retries if wait is None else wait)
        return self._retry_request(request, response_status_message(response.status)) or response

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> Request | Response | None:
        if isinstance(exception, self.exceptions_to_retry) and not request.meta.get("dont_retry"):
            retries = int(request.meta.get("retry_times", 0))
            if retries < request.meta.get("max_retry_times", self.max_retry_times):
                await self._pause(self.backoff_base * 2**retries)
            return self._retry_request(request, exception)
        return None

    def _retry_request(self, request: Request, reason: str | Exception) -> Request | None:
        """The request again, counted in the retry stats; None once its retries are spent."""
        assert self.crawler.spider is not None
        return get_retry_request(
            request,
            spider=self.crawler.spider,
            reason=reason,
            max_retry_times=request.meta.get("max_retry_times", self.max_retry_times),
            priority_adjust=request.meta.get("priority_adjust", self.priority_adjust),
            give_up_log_level=request.meta.get("give_up_log_level", self.give_up_log_level),
        )

    @staticmethod
    async def _pause(seconds: float) -> Any:
        if seconds > 0:
            # Imported here: importing the reactor at module level would install the
            # default one before Scrapy installs its own.
            from twisted.internet import reactor

            await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))
