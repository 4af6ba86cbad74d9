"""The liveblog spider: one pass over each blog, page after older page, one item per pass."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError as TwistedConnectionRefused
from twisted.internet.error import DNSLookupError, TCPTimedOutError
from twisted.internet.error import TimeoutError as TwistedTimeoutError
from twisted.python.failure import Failure

from archive.records import BlogPass, PageFetch, blog_url
from crawler.extract import extract_page


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def same_site(a: str, b: str) -> bool:
    """Older-updates links are followed only on the blog's own host (www. aside)."""
    host_a = (urlsplit(a).hostname or "").removeprefix("www.")
    host_b = (urlsplit(b).hostname or "").removeprefix("www.")
    return host_a == host_b and urlsplit(a).port == urlsplit(b).port


@dataclass
class PassState:
    """What a pass over one blog has gathered so far; it travels in request meta."""

    blog: BlogPass
    max_pages: int
    visited: set[str] = field(default_factory=set)


def _scrapy_errors(*names: str) -> tuple[type[BaseException], ...]:
    """Scrapy's own download exceptions (2.14+); older releases raise Twisted's only."""
    return tuple(
        getattr(scrapy.exceptions, name) for name in names if hasattr(scrapy.exceptions, name)
    )


REFUSED: tuple[type[BaseException], ...] = (
    TwistedConnectionRefused,
    ConnectionRefusedError,
    *_scrapy_errors("DownloadConnectionRefusedError"),
)
NO_HOST: tuple[type[BaseException], ...] = (
    DNSLookupError,
    *_scrapy_errors("CannotResolveHostError"),
)
TIMED_OUT: tuple[type[BaseException], ...] = (
    TwistedTimeoutError,
    TCPTimedOutError,
    *_scrapy_errors("DownloadTimeoutError"),
)
TRUNCATED = _scrapy_errors("ResponseDataLossError")


def describe_failure(failure: Failure) -> str:
    """A sentence a user can act on, instead of a traceback."""
    request = getattr(failure, "request", None)
    url = request.url if request is not None else "?"
    error = failure.value
    if isinstance(error, HttpError) and error.response is not None:
        return f"HTTP {error.response.status} from {error.response.url}"
    if isinstance(error, NO_HOST):
        return f"DNS lookup failed for {urlsplit(url).hostname}"
    if isinstance(error, REFUSED):
        return f"connection refused by {urlsplit(url).netloc}"
    if isinstance(error, TIMED_OUT):
        return f"timed out fetching {url}"
    if TRUNCATED and isinstance(error, TRUNCATED):
        return f"truncated response from {url}"
    if isinstance(error, scrapy.exceptions.IgnoreRequest):
        return f"not fetched: {url} ({error or 'forbidden by robots.txt'})"
    return f"{type(error).__name__} fetching {url}: {error}"


class LiveblogSpider(scrapy.Spider):
    """Fetches each blog's page and its older-updates pages, and yields one BlogPass per blog.

    Arguments (`-a`): `url` (one blog) or `urls` (several, whitespace-separated),
    `max_pages` (overrides the LIVEBLOG_MAX_PAGES setting).
    """

    name = "liveblog"

    def __init__(
        self,
        url: str | None = None,
        urls: str | list[str] | None = None,
        max_pages: int | str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        given = urls.split() if isinstance(urls, str) else list(urls or [])
        if url:
            given.insert(0, url)
        self.blog_urls = list(dict.fromkeys(blog_url(u) for u in given if u.strip()))
        if not self.blog_urls:
            raise ValueError("give the blog to crawl: scrapy crawl liveblog -a url=https://...")
        self._max_pages_arg = int(max_pages) if max_pages is not None else None

    @property
    def max_pages(self) -> int:
        if self._max_pages_arg is not None:
            return max(1, self._max_pages_arg)
        return max(1, self.settings.getint("LIVEBLOG_MAX_PAGES", 20))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.start_requests():
            yield request

    def start_requests(self) -> Iterator[scrapy.Request]:
        for url in self.blog_urls:
            state = PassState(
                BlogPass(url=url, started_at=utc_now(), finished_at=""), self.max_pages
            )
            yield self._page_request(url, state)

    def _page_request(self, url: str, state: PassState) -> scrapy.Request:
        state.visited.add(url)
        return scrapy.Request(
            url,
            callback=self.parse_page,
            errback=self.page_failed,
            dont_filter=True,
            meta={"pass": state},
        )

    def parse_page(self, response: Response) -> Iterator[Any]:
        state: PassState = response.meta["pass"]
        blog = state.blog
        page = extract_page(
            response.body, response.url, encoding=getattr(response, "encoding", None)
        )
        blog.pages.append(
            PageFetch(
                url=response.url,
                status=response.status,
                bytes=len(response.body),
                etag=_header(response, b"ETag"),
                last_modified=_header(response, b"Last-Modified"),
                body_sha256=hashlib.sha256(response.body).hexdigest(),
                updates=len(page.updates),
            )
        )
        if len(blog.pages) == 1:
            blog.title = page.title
            blog.publisher = page.publisher
            blog.coverage_start = page.coverage_start
            blog.coverage_end = page.coverage_end
            if not page.updates:
                blog.error = (
                    f"no live-blog updates found on {response.url}: not a live blog, a consent "
                    "wall, or markup this extractor cannot read"
                )
                yield self._finish(state, complete=False)
                return
        blog.updates.extend(page.updates)
        older = [u for u in page.next_urls if same_site(u, blog.url) and u not in state.visited]
        if not older or not page.updates:
            yield self._finish(state, complete=True)
        elif len(blog.pages) >= state.max_pages:
            self.logger.info("%s: stopped at the page limit (%d)", blog.url, state.max_pages)
            yield self._finish(state, complete=False)
        else:
            yield self._page_request(older[0], state)

    def page_failed(self, failure: Failure) -> Iterator[BlogPass]:
        request = failure.request  # type: ignore[attr-defined]
        state: PassState = request.meta["pass"]
        state.blog.error = describe_failure(failure)
        if isinstance(failure.value, HttpError) and failure.value.response is not None:
            response = failure.value.response
            state.blog.pages.append(
                PageFetch(url=response.url, status=response.status, bytes=len(response.body))
            )
        self.logger.warning("%s: pass failed: %s", state.blog.url, state.blog.error)
        yield self._finish(state, complete=False)

    def _finish(self, state: PassState, complete: bool) -> BlogPass:
        state.blog.complete = complete and state.blog.error is None
        state.blog.finished_at = utc_now()
        return state.blog


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
