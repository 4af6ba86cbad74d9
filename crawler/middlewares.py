"""Downloader middlewares that make the crawler a polite client that stays in its bounds: only
the blog's own site, and no pass longer than its deadline."""

from __future__ import annotations

import logging
import time
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import urljoin

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.settings import BaseSettings, default_settings
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater
from w3lib.url import safe_url_string

from archive.times import now_utc, parse_http_date
from crawler.boundary import refusal, shown

logger = logging.getLogger(__name__)

# Request meta that a pass's requests carry (and their redirects and retries inherit):
SITE = "liveblog_site"  # the blog's URL: the site its pages must stay on
HOSTS = "liveblog_hosts"  # more host names the pass may fetch: an adapter's endpoints
DEADLINE = "liveblog_deadline"  # time.monotonic() by which the pass must be over

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class PassStopped(IgnoreRequest):
    """A request the pass will not make, follow or wait for; the message is the pass's error."""

    def __init__(self, message: str, response: Response | None = None) -> None:
        super().__init__(message)
        self.response = response


class OffSite(PassStopped):
    """A link or redirect off the blog's site, refused: it fails the pass, on any page."""


def late(seconds: float, url: str) -> str:
    """The error of a pass stopped by its deadline."""
    return (
        f"the pass took longer than LIVEBLOG_PASS_TIMEOUT ({seconds:.0f} s) and was stopped "
        f"at {shown(url)}"
    )


class FetchBoundaryMiddleware:
    """Refuses every request outside the blog's own site, whatever made it: a link, a redirect
    hop (a redirected request passes through the downloader middlewares again), a retry.

    Reads the request meta SITE (the blog's URL; without it, the first URL of the request's
    redirect chain) and HOSTS (more host names the pass may fetch). A redirect that Scrapy's
    RedirectMiddleware declines (to another scheme) is refused here too, with its target.
    """

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        chain: list[str] = request.meta.get("redirect_urls") or []
        site = request.meta.get(SITE) or (chain[0] if chain else request.url)
        reason = refusal(
            request.url, site, request.meta.get(HOSTS, ()), chain[-1] if chain else None
        )
        if reason is not None:
            raise OffSite(reason)

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        location = response.headers.get(b"Location")
        if (
            response.status not in REDIRECT_STATUSES
            or not location
            or request.meta.get("dont_redirect")
            or response.status in request.meta.get("handle_httpstatus_list", ())
        ):
            return response
        target = urljoin(request.url, safe_url_string(location))
        site = request.meta.get(SITE) or (request.meta.get("redirect_urls") or [request.url])[0]
        reason = refusal(target, site, request.meta.get(HOSTS, ()), request.url)
        if reason is not None:
            raise OffSite(reason, response)
        return response


class PassDeadlineMiddleware:
    """Holds each pass to its deadline: no request of a pass starts after it, and none is
    downloaded for longer than the time left (DOWNLOAD_TIMEOUT still caps each response).

    Reads the request meta DEADLINE, set by the spider from LIVEBLOG_PASS_TIMEOUT (seconds
    a pass over one blog may take; default 600), which also words the error.
    """

    def __init__(self, pass_timeout: float) -> None:
        self.pass_timeout = pass_timeout

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PassDeadlineMiddleware:
        return cls(crawler.settings.getfloat("LIVEBLOG_PASS_TIMEOUT", 600.0))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        deadline = request.meta.get(DEADLINE)
        if deadline is None:
            return
        left = deadline - time.monotonic()
        if left <= 0:
            raise PassStopped(late(self.pass_timeout, request.url))
        timeout = request.meta.get("download_timeout")
        request.meta["download_timeout"] = left if timeout is None else min(timeout, left)


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
        wait = retry_after_seconds(response)
        if wait is not None and wait > self.retry_after_max:
            raise PassStopped(
                f"HTTP {response.status} from {shown(response.url)} asks to retry in {wait:.0f} s "
                f"(Retry-After), longer than LIVEBLOG_RETRY_AFTER_MAX ({self.retry_after_max:.0f} s): "
                "the next pass tries again",
                response,
            )
        retries = int(request.meta.get("retry_times", 0))
        if retries < request.meta.get("max_retry_times", self.max_retry_times):
            pause = self.backoff_base * 2**retries if wait is None else wait
            await self._pause(_within_deadline(request, pause))
        return self._retry_request(request, response_status_message(response.status)) or response

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> Request | Response | None:
        if isinstance(exception, self.exceptions_to_retry) and not request.meta.get("dont_retry"):
            retries = int(request.meta.get("retry_times", 0))
            if retries < request.meta.get("max_retry_times", self.max_retry_times):
                await self._pause(_within_deadline(request, self.backoff_base * 2**retries))
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
        await pause(seconds)


async def pause(seconds: float) -> None:
    """Waits on the reactor without blocking it (any reactor Scrapy installed)."""
    if seconds > 0:
        # Imported here: importing the reactor at module level would install the
        # default one before Scrapy installs its own.
        from twisted.internet import reactor

        await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


def _within_deadline(request: Request, seconds: float) -> float:
    """A pause cut short where the pass's deadline falls: the retry then meets the deadline."""
    deadline = request.meta.get(DEADLINE)
    if deadline is None:
        return seconds
    return max(0.0, min(seconds, deadline - time.monotonic()))


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with every request that waits for a host's robots.txt
    checked against it.

    Scrapy 2.13+ hands the one Deferred of a robots.txt in flight to each waiting request as
    a future, and the first future consumes its result: the other requests then see no
    parser and go through unchecked (several blogs of one publisher in one crawl). Here each
    waiter gets a Deferred of its own.
    """

    async def robot_parser(self, request: Request) -> Any:
        parser = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(parser, Deferred):
            return await super().robot_parser(request)
        own: Deferred[Any] = Deferred()

        def share(result: Any) -> Any:
            own.callback(result)
            return result

        parser.addCallback(share)
        return await maybe_deferred_to_future(own)
