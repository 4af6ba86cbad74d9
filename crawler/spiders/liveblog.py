"""The liveblog spider: one pass over each blog, page after older page, one item per pass."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.defer import CancelledError
from twisted.internet.error import ConnectionRefusedError as TwistedConnectionRefused
from twisted.internet.error import DNSLookupError, TCPTimedOutError
from twisted.internet.error import TimeoutError as TwistedTimeoutError
from twisted.python.failure import Failure

from archive.db import archive_path, damaged, open_archive
from archive.evidence import plainly_other_story
from archive.records import (
    ENDPOINT_MISSING,
    OLDER_PAGE_FAILED,
    OTHER_STORY_PAGE,
    PAGE_LIMIT,
    RENDER_NEEDED,
    BlogPass,
    PageFetch,
    PageState,
    Update,
    blog_url,
)
from archive.store import blog_titles, made_at, newest_blocks, page_states
from archive.times import utc_stamp
from archive.watchlist import BlogSettings
from crawler import render
from crawler.boundary import same_site, shown
from crawler.extract import extract_reading
from crawler.extract.endpoints import (
    GUARDIAN_PAGE_DATA,
    Endpoint,
    allowed_hosts,
    follow,
    lists_all,
)
from crawler.extract.endpoints import guardian as guardian_endpoints
from crawler.extract.endpoints.markup import data_of
from crawler.extract.endpoints.readers import read
from crawler.extract.html import ends_document, header_charset
from crawler.middlewares import DEADLINE, HOSTS, SITE, OffSite, PassStopped, late


@dataclass
class PassState:
    """What a pass over one blog has gathered so far; it travels in request meta."""

    blog: BlogPass
    max_pages: int
    deadline: float = float("inf")  # time.monotonic() by which the pass must be over
    visited: set[str] = field(default_factory=set)
    # What the archive knows of each page from the last successful pass, by URL.
    known: dict[str, PageState] = field(default_factory=dict)
    keys_seen: set[str] = field(default_factory=set)
    # Hosts beyond the blog's own site that this pass may fetch: an adapter's endpoints.
    hosts: frozenset[str] = frozenset()
    # The blog's own settings (`liveblog add`): a headless browser, extra request headers.
    render: bool = False
    headers: list[tuple[str, str]] = field(default_factory=list)
    clicks: int = 0  # "Load more" clicks in the browser: each counts as a page
    # The endpoints the first page named whose chains are still to walk, in order.
    endpoints: list[Endpoint] = field(default_factory=list)
    # The first page's own updates, set aside while its endpoints' reading stands in for
    # them; taken after all when no endpoint page could be read.
    held: list[Update] = field(default_factory=list)
    endpoint_read: bool = False  # an endpoint page was read this pass
    # The newest Guardian block the archive holds for the blog: where a delta starts.
    newest_block: str | None = None
    # The blog's title as the archive holds it: an older page a cache still serves under it
    # is the blog's, though its first page was retitled since.
    title: str | None = None


# Request meta: the endpoint a request fetches (its kind picks the reader).
ENDPOINT = "liveblog_endpoint"


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
# A download cancelled under way: Scrapy's handlers do so only when a body outgrows
# DOWNLOAD_MAXSIZE (timeouts and the pass deadline raise their own errors).
CANCELLED: tuple[type[BaseException], ...] = (
    CancelledError,
    *_scrapy_errors("DownloadCancelledError"),
)


def _over_size(error: BaseException | None) -> bool:
    """A download cut at DOWNLOAD_MAXSIZE."""
    return "max size" in str(error) or isinstance(error, CANCELLED)


def describe_failure(failure: Failure, maxsize: int = 0) -> str:
    """A sentence a user can act on, instead of a traceback; `maxsize` is DOWNLOAD_MAXSIZE."""
    request = getattr(failure, "request", None)
    url = request.url if request is not None else "?"
    error = failure.value
    if isinstance(error, PassStopped):
        return str(error)
    if isinstance(error, HttpError) and error.response is not None:
        response = error.response
        location = _header(response, b"Location")
        if 300 <= response.status < 400 and location:
            return (
                f"HTTP {response.status} from {response.url}: a redirect to {shown(location)}, "
                "not followed"
            )
        return f"HTTP {response.status} from {response.url}"
    if isinstance(error, NO_HOST):
        return f"DNS lookup failed for {urlsplit(url).hostname}"
    if isinstance(error, REFUSED):
        return f"connection refused by {urlsplit(url).netloc}"
    if isinstance(error, TIMED_OUT):
        return f"timed out fetching {url}"
    if TRUNCATED and isinstance(error, TRUNCATED):
        return f"truncated response from {url}"
    if _over_size(error):
        return f"the response from {url} is over the size limit (DOWNLOAD_MAXSIZE, {maxsize} bytes)"
    if isinstance(error, scrapy.exceptions.IgnoreRequest):
        return f"not fetched: {url} ({error or 'forbidden by robots.txt'})"
    return f"{type(error).__name__} fetching {url}: {error}"


class LiveblogSpider(scrapy.Spider):
    """Fetches each blog's page and its older-updates pages, and yields one BlogPass per blog.

    Arguments (`-a`): `url` (one blog) or `urls` (several, whitespace-separated),
    `max_pages` (overrides the LIVEBLOG_MAX_PAGES setting), `blogs` (each blog's own
    settings, a JSON object by URL: render, max_pages, headers).
    """

    name = "liveblog"
    needs_urls = True  # a subclass whose passes come from elsewhere sets False

    def __init__(
        self,
        url: str | None = None,
        urls: str | list[str] | None = None,
        max_pages: int | str | None = None,
        blogs: str | dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        given = urls.split() if isinstance(urls, str) else list(urls or [])
        if url:
            given.insert(0, url)
        self.blog_urls = list(dict.fromkeys(blog_url(u) for u in given if u.strip()))
        if not self.blog_urls and self.needs_urls:
            raise ValueError("give the blog to crawl: scrapy crawl liveblog -a url=https://...")
        self._max_pages_arg = int(max_pages) if max_pages is not None else None
        given_settings = json.loads(blogs) if isinstance(blogs, str) else dict(blogs or {})
        self.blog_settings = {
            blog_url(u): BlogSettings.from_json(v) for u, v in given_settings.items()
        }

    @property
    def max_pages(self) -> int:
        if self._max_pages_arg is not None:
            return max(1, self._max_pages_arg)
        return max(1, self.settings.getint("LIVEBLOG_MAX_PAGES", 20))

    @property
    def pass_timeout(self) -> float:
        return self.settings.getfloat("LIVEBLOG_PASS_TIMEOUT", 600.0)

    async def start(self) -> AsyncIterator[scrapy.Request | BlogPass]:
        try:
            known = self._known_pages()
            newest, titles = self._archived()
        except sqlite3.DatabaseError as exc:
            # A table of the archive torn inside: every pass fails with the archive's
            # sentence, as the writer would give it, rather than with no line at all.
            broken = damaged(archive_path(self.settings.get("ARCHIVE_DB")), exc)
            if broken is None:
                raise
            for url in self.blog_urls:
                now = utc_stamp()
                yield BlogPass(url=url, started_at=now, finished_at=now, error=str(broken))
            return
        for request in self._requests(known, newest, titles):
            yield request

    def start_requests(self) -> Iterator[scrapy.Request]:
        known = self._known_pages()
        newest, titles = self._archived()
        yield from self._requests(known, newest, titles)

    def _requests(
        self,
        known: dict[str, dict[str, PageState]],
        newest: dict[str, str],
        titles: dict[str, str],
    ) -> Iterator[scrapy.Request]:
        """Each blog's first request, with what the archive knows of it."""
        for url in self.blog_urls:
            own = self.blog_settings.get(url, BlogSettings())
            yield self.pass_request(
                url, own, known.get(url, {}), newest.get(url), title=titles.get(url)
            )

    def pass_request(
        self,
        url: str,
        own: BlogSettings,
        known: dict[str, PageState],
        newest_block: str | None,
        pass_id: str | None = None,
        max_pages: int | None = None,
        title: str | None = None,
    ) -> scrapy.Request:
        """The first request of a pass over one blog, with what the archive knows of its pages."""
        limit = (max_pages or own.max_pages) if self._max_pages_arg is None else None
        state = PassState(
            BlogPass(url=url, started_at=utc_stamp(), finished_at="", pass_id=pass_id),
            limit or self.max_pages,
            deadline=time.monotonic() + self.pass_timeout,
            known=known if not own.render else {},
            render=own.render,
            headers=own.headers,
            newest_block=newest_block,
            title=title,
        )
        return self._page_request(url, state)

    def _known_pages(self) -> dict[str, dict[str, PageState]]:
        """Validators and older links per page, so unchanged pages cost a 304 and no extraction."""
        if not self.settings.getbool("LIVEBLOG_CONDITIONAL", True):
            return {}
        path = archive_path(self.settings.get("ARCHIVE_DB"))
        if not path.exists():
            return {}
        db = open_archive(path)
        try:
            return {url: page_states(db, url) for url in self.blog_urls}
        finally:
            db.close()

    def _archived(self) -> tuple[dict[str, str], dict[str, str]]:
        """The newest standing `block-` post each blog has in the archive, and its title, by
        blog URL."""
        path = archive_path(self.settings.get("ARCHIVE_DB"))
        if not path.exists():
            return {}, {}
        db = open_archive(path)
        try:
            return newest_blocks(db, self.blog_urls), blog_titles(db, self.blog_urls)
        finally:
            db.close()

    def _page_request(
        self, url: str, state: PassState, endpoint: Endpoint | None = None
    ) -> scrapy.Request:
        """A page of the blog, or of one of its endpoints: conditional on what the archive
        knows of that URL; the blog's own extra headers only on its own site."""
        state.visited.add(url)
        own = same_site(url, state.blog.url)
        headers: dict[str, str | bytes] = dict(state.headers) if own else {}
        known = state.known.get(url)
        if known is not None:
            if known.etag:
                headers["If-None-Match"] = _as_sent(known.etag)
            if known.last_modified:
                headers["If-Modified-Since"] = _as_sent(known.last_modified)
        meta: dict[str, Any] = {
            "pass": state,
            "handle_httpstatus_list": [304],
            SITE: state.blog.url,
            HOSTS: state.hosts,
            DEADLINE: state.deadline,
        }
        if endpoint is not None:
            meta[ENDPOINT] = endpoint
            headers.setdefault("Accept", "application/json, */*;q=0.5")
        elif state.render:
            budget = state.max_pages - len(state.blog.pages) - state.clicks - 1
            meta.update(render.render_meta(budget, render.load_more_selector(url)))
        return scrapy.Request(
            url,
            headers=headers,
            callback=self.parse_page if endpoint is None else self.parse_endpoint,
            errback=self.page_failed,
            dont_filter=True,
            meta=meta,
        )

    def parse_page(self, response: Response) -> Iterator[Any]:
        state: PassState = response.meta["pass"]
        blog = state.blog
        fetched = _fetched(response, response.url)
        blog.pages.append(fetched)
        problem = self._rendered(state, fetched, response)
        if problem:
            blog.error = problem
            yield self._finish(state, complete=False)
            return
        known = state.known.get(response.request.url if response.request else response.url)
        if response.status == 304 or (known and known.body_sha256 == fetched.body_sha256):
            yield from self._unchanged_page(state, fetched, known)
            return
        if fetched.rendered is None:
            fetched.body = response.body
        problem = _truncated(response)
        if problem and len(blog.pages) > 1:
            yield self._older_failed(state, fetched, problem)
            return
        if problem:
            blog.error = problem
            yield self._finish(state, complete=False)
            return
        try:
            reading = extract_reading(
                fetched.rendered or response.body,
                response.url,
                encoding="utf-8" if fetched.rendered else header_charset(fetched.headers),
                fetched_at=made_at(fetched.fetched_at, fetched.headers),
            )
        except Exception as exc:  # a fault of ours on this page fails its pass alone
            if len(blog.pages) > 1:
                yield self._older_failed(
                    state, fetched, self._unreadable(fetched, response.url, exc)
                )
                return
            blog.error = self._unreadable(fetched, response.url, exc)
            yield self._finish(state, complete=False)
            return
        page = reading.page
        fetched.updates = len(page.updates)
        fetched.canonical_url = page.canonical_url
        fetched.title = page.title
        if len(blog.pages) == 1:
            blog.title = page.title
            blog.publisher = page.publisher
            blog.coverage_start = page.coverage_start
            blog.coverage_end = page.coverage_end
            blog.updates_expected = page.updates_expected
            chains = [e for e in reading.endpoints if lists_all(e.kind)]
            if chains and not state.render:
                yield from self._start_endpoints(state, fetched, page.updates, reading.endpoints)
                return
            if not page.updates:
                blog.error = f"no live-blog updates found on {response.url}: " + (
                    "a consent wall, an empty blog, or markup this extractor cannot read"
                    + ("" if state.render else " (posts drawn in the browser need --render)")
                    if page.live_blog
                    # (a page that stood in for the blog's, where earlier passes read posts)
                    else "earlier passes found some here: a consent wall, or a page that "
                    "stands in for the blog's?"
                    if state.known
                    else "it does not look like a live blog"
                )
                yield self._finish(state, complete=False)
                return
        elif not page.updates:
            why = (
                f"page {len(blog.pages)} ({response.url}) has no updates although the page before "
                "links to it: the blog's pagination collapsed or the page is broken"
            )
            yield self._older_failed(state, fetched, why)
            return
        keys = {u.source_id or u.headline or u.body_text[:80] for u in page.updates}
        repeated = keys <= state.keys_seen
        state.keys_seen |= keys
        blog.updates.extend(page.updates)
        fetched.next_url = self._older_link(state, page.next_urls)
        if self._other_story(state, fetched):
            # Its older links lead through that story's pages, which never count as the
            # blog's (archive/evidence.py): requests to the publisher for nothing.
            self.logger.info("%s: stopped at another story's page %s", blog.url, response.url)
            blog.incomplete_reason = OTHER_STORY_PAGE
            yield self._finish(state, complete=False)
            return
        shortfall = self._shortfall(state, response, fetched.next_url)
        if shortfall:
            blog.incomplete_reason = shortfall
            yield self._finish(state, complete=False)
            return
        # An "older" page showing only updates already seen means the blog ignores the link.
        yield from self._follow(state, fetched.next_url if not repeated else None)

    def _start_endpoints(
        self, state: PassState, fetched: PageFetch, own: list[Update], named: list[Endpoint]
    ) -> Iterator[Any]:
        """The first page names the requests that hold the blog's posts: their reading stands in
        for the page's own (the same posts, whole; or, for a vendor, the only ones), and
        their hosts join the pass's boundary."""
        state.hosts = state.hosts | allowed_hosts(named)
        state.endpoints = [e for e in named if lists_all(e.kind)]
        delta = self._delta(state)
        if delta is not None:
            state.endpoints.insert(0, delta)
        state.held = own
        fetched.updates = 0
        yield from self._next_chain(state, fetched)

    @staticmethod
    def _delta(state: PassState) -> Endpoint | None:
        """On a re-poll whose page limit would cut the Guardian's page-data walk short, its
        lastUpdate delta first: every block newer than the newest archived one, in one request."""
        if state.newest_block is None:
            return None
        if not any(e.kind == GUARDIAN_PAGE_DATA for e in state.endpoints):
            return None
        walked = sum(1 for page in state.known.values() if page.kind == GUARDIAN_PAGE_DATA)
        if 1 + walked <= state.max_pages:
            return None
        return guardian_endpoints.delta(state.blog.url, state.newest_block)

    def _next_chain(self, state: PassState, fetched: PageFetch) -> Iterator[Any]:
        """The next endpoint the first page named, or the end of a complete pass."""
        endpoint = state.endpoints.pop(0) if state.endpoints else None
        while endpoint is not None and endpoint.url in state.visited:
            endpoint = state.endpoints.pop(0) if state.endpoints else None
        fetched.next_url = endpoint.url if endpoint else None
        yield from self._follow(state, fetched.next_url, endpoint)

    def parse_endpoint(self, response: Response) -> Iterator[Any]:
        """One page of an endpoint's JSON, read by its kind's reader; its next page follows."""
        state: PassState = response.meta["pass"]
        endpoint: Endpoint = response.meta[ENDPOINT]
        blog = state.blog
        fetched = _fetched(response, endpoint.url)
        fetched.kind = endpoint.kind
        blog.pages.append(fetched)
        known = state.known.get(endpoint.url)
        if response.status == 304 or (known and known.body_sha256 == fetched.body_sha256):
            yield from self._unchanged_page(state, fetched, known, endpoint)
            return
        fetched.body = response.body
        if data_of(response.body) is None:
            fetched.etag = fetched.last_modified = fetched.body_sha256 = None
            yield self._endpoint_missing(state, f"{endpoint.url} did not answer JSON")
            return
        try:
            page = read(
                endpoint.kind,
                response.body,
                endpoint.url,
                made_at(fetched.fetched_at, fetched.headers),
            )
        except Exception as exc:  # as in parse_page; the pass goes on without it
            yield self._endpoint_missing(state, self._unreadable(fetched, endpoint.url, exc))
            return
        state.endpoint_read = True
        fetched.updates = len(page.updates)
        blog.updates_expected = page.updates_expected or blog.updates_expected
        keys = {u.source_id or u.headline or u.body_text[:80] for u in page.updates}
        repeated = keys <= state.keys_seen
        state.keys_seen |= keys
        blog.updates.extend(page.updates)
        following = [e for e in follow(endpoint, page) if e.url not in state.visited]
        if following and not repeated:
            fetched.next_url = following[0].url
            yield from self._follow(state, fetched.next_url, following[0])
        else:
            yield from self._next_chain(state, fetched)

    def _unreadable(self, fetched: PageFetch, url: str, exc: Exception) -> str:
        """What a user reads when extraction fails on a page (a fault of this program, not of
        the page): the page's bytes are still kept as its snapshot, and its validators are
        dropped so that the next pass reads it again rather than skip it as unchanged."""
        self.logger.debug("extraction failed on %s", url, exc_info=exc)
        fetched.etag = fetched.last_modified = fetched.body_sha256 = None
        return (
            f"could not read {url}: {type(exc).__name__}: {exc} (a fault in liveblog-archive's "
            "extraction; the page is kept as a snapshot, and the next pass reads it again)"
        )

    def _endpoint_missing(self, state: PassState, why: str) -> BlogPass:
        """An endpoint that fails leaves the pass incomplete, not failed; the first page is read
        again next time (its validators dropped), so the next pass tries the endpoint anew."""
        self.logger.warning("%s: endpoint missing: %s", state.blog.url, why)
        first = state.blog.pages[0]
        first.etag = first.last_modified = first.body_sha256 = None
        state.blog.incomplete_reason = ENDPOINT_MISSING
        return self._finish(state, complete=False)

    def _rendered(self, state: PassState, fetched: PageFetch, response: Response) -> str | None:
        """A page the browser rendered: keep its raw response and rendered DOM apart, count
        its clicks; an error when the boundary was not in place."""
        log = render.clicked(response.meta)
        if log is None:
            return None
        if not log.guarded:
            return f"the browser could not guard {response.url} against requests off the blog's site: not archived"
        state.clicks += log.clicks
        if log.refused:
            self.logger.info(
                "%s: %d requests off the blog's site not fetched", state.blog.url, len(log.refused)
            )
        fetched.rendered = response.body.decode(
            response.encoding if isinstance(response, TextResponse) else "utf-8", "replace"
        ).encode("utf-8")
        fetched.body = log.raw
        fetched.body_sha256 = hashlib.sha256(fetched.rendered).hexdigest()
        if log.raw is not None:
            fetched.size = len(log.raw)
            fetched.headers = log.headers or fetched.headers
        return None

    def _shortfall(self, state: PassState, response: Response, next_url: str | None) -> str | None:
        """Why the pass cannot reach the oldest post from here, though the page offers more."""
        if next_url is not None:
            return None
        log = render.clicked(response.meta)
        if log is not None:
            return PAGE_LIMIT if log.more else None
        text = response.text if isinstance(response, TextResponse) else ""
        return RENDER_NEEDED if render.needs_render(text) else None

    @staticmethod
    def _other_story(state: PassState, fetched: PageFetch) -> bool:
        """An older page that says it is another story's, under another title than the first
        page's and the archive's; undecided where this pass did not read the first page
        (unchanged), which names the blog's own story and shows its title, and where the
        archive took the page at this address as the blog's on an earlier pass (its posts
        were known there: it judges the page again)."""
        pages = state.blog.pages
        first = pages[0]
        if len(pages) < 2 or first.not_modified or first.unchanged or first.kind is not None:
            return False
        if fetched.url in state.known:
            return False
        homes = [state.blog.url, first.url, *([first.canonical_url] if first.canonical_url else [])]
        titles = [state.blog.title, state.title]
        sites = [state.blog.publisher]
        return plainly_other_story(fetched, pages[-2].next_url, homes, titles, sites)

    @staticmethod
    def _older_link(state: PassState, links: list[str]) -> str | None:
        """The best older-updates link on the blog's own site; failing that, the best one at
        all, which the fetch boundary then refuses: a pass never ends silently at a link."""
        unseen = [u for u in links if u not in state.visited]
        own = [u for u in unseen if same_site(u, state.blog.url)]
        return next(iter(own or unseen), None)

    def _unchanged_page(
        self,
        state: PassState,
        fetched: PageFetch,
        known: PageState | None,
        endpoint: Endpoint | None = None,
    ) -> Iterator[Any]:
        """304, or the same bytes as last time: no extraction; the known older link still leads on."""
        if known is None:
            state.blog.error = f"HTTP 304 from {fetched.url} for a page this archive has no copy of"
            yield self._finish(state, complete=False)
            return
        fetched.not_modified = fetched.status == 304
        fetched.unchanged = fetched.status != 304
        fetched.etag = fetched.etag or known.etag
        fetched.last_modified = fetched.last_modified or known.last_modified
        fetched.body_sha256 = known.body_sha256
        fetched.updates = known.updates
        fetched.next_url = known.next_url
        fetched.snapshot = known.snapshot
        fetched.oldest_at, fetched.newest_at = known.oldest_at, known.newest_at
        fetched.outlier_at, fetched.pinned = known.outlier_at, known.pinned
        next_url = known.next_url if known.next_url not in state.visited else None
        yield from self._follow(state, next_url, self._known_endpoint(state, next_url, endpoint))

    @staticmethod
    def _known_endpoint(
        state: PassState, url: str | None, current: Endpoint | None
    ) -> Endpoint | None:
        """The endpoint a known page led to, as the archive recorded it: its kind, and its host
        let through (an adapter named it when that page was first read)."""
        if url is None:
            return None
        page = state.known.get(url)
        kind = page.kind if page is not None and page.kind else (current and current.kind)
        if not kind:
            return None
        endpoint = Endpoint(url, kind, host_allowed=not same_site(url, state.blog.url))
        state.hosts = state.hosts | allowed_hosts([endpoint])
        return endpoint

    def _follow(
        self, state: PassState, next_url: str | None, endpoint: Endpoint | None = None
    ) -> Iterator[Any]:
        if next_url is None:
            yield self._finish(state, complete=True)
        elif len(state.blog.pages) + state.clicks >= state.max_pages:
            self.logger.info("%s: stopped at the page limit (%d)", state.blog.url, state.max_pages)
            state.blog.incomplete_reason = PAGE_LIMIT
            yield self._finish(state, complete=False)
        else:
            yield self._page_request(next_url, state, endpoint)

    def page_failed(self, failure: Failure) -> Iterator[BlogPass]:
        request = failure.request  # type: ignore[attr-defined]
        state: PassState = request.meta["pass"]
        endpoint: Endpoint | None = request.meta.get(ENDPOINT)
        in_time = time.monotonic() < state.deadline
        if endpoint is not None and in_time and not isinstance(failure.value, PassStopped):
            response = getattr(failure.value, "response", None)
            status = response.status if isinstance(response, Response) else 0
            size = len(response.body) if isinstance(response, Response) else 0
            state.blog.pages.append(PageFetch(endpoint.url, status, size, kind=endpoint.kind))
            yield self._endpoint_missing(state, describe_failure(failure))
            return
        why = describe_failure(
            failure, request.meta.get("download_maxsize", self.settings.getint("DOWNLOAD_MAXSIZE"))
        )
        log = request.meta.get(render.RENDER_LOG)
        if isinstance(log, render.RenderLog) and log.redirects:
            why = log.redirects[0]
        if time.monotonic() >= state.deadline and not isinstance(failure.value, PassStopped):
            why = late(self.pass_timeout, request.url)
        # The first page was read: this is an older one. Unless it was refused as off the
        # blog's site or over the size limit (what a hostile page does): that fails the pass.
        hostile = isinstance(failure.value, OffSite) or _over_size(failure.value)
        older = bool(state.blog.pages) and not hostile
        response = getattr(failure.value, "response", None)
        if isinstance(response, Response):
            fetched = PageFetch(url=response.url, status=response.status, size=len(response.body))
        else:
            fetched = PageFetch(url=request.url, status=0)
        if older:
            state.blog.pages.append(fetched)
            yield self._older_failed(state, fetched, why)
            return
        if isinstance(response, Response):
            state.blog.pages.append(fetched)
        state.blog.error = why
        self.logger.warning("%s: pass failed: %s", state.blog.url, why)
        yield self._finish(state, complete=False)

    def _older_failed(self, state: PassState, fetched: PageFetch, why: str) -> BlogPass:
        """An older page failed: the pass ends there, incomplete, and keeps what the pages
        above showed. A page that keeps failing then never holds back the blog's new posts;
        nothing at or below it is judged removed."""
        fetched.failed = why
        state.blog.incomplete_reason = OLDER_PAGE_FAILED
        self.logger.warning("%s: pass incomplete: %s", state.blog.url, why)
        return self._finish(state, complete=False)

    def _finish(self, state: PassState, complete: bool) -> BlogPass:
        if state.held and not state.endpoint_read:
            # No endpoint page was read: the first page's own updates are what the pass saw.
            state.blog.pages[0].updates = len(state.held)
            state.blog.updates[:0] = state.held
            state.held = []
        state.blog.complete = complete and state.blog.error is None
        state.blog.finished_at = utc_stamp()
        return state.blog


def _fetched(response: Response, url: str) -> PageFetch:
    """The fetch log's record of a response, keyed by the URL the pass asked for."""
    return PageFetch(
        url=url,
        status=response.status,
        size=len(response.body),
        etag=_header(response, b"ETag"),
        last_modified=_header(response, b"Last-Modified"),
        body_sha256=hashlib.sha256(response.body).hexdigest(),
        fetched_at=utc_stamp(),
        headers=_headers(response.headers),
        request_headers=_headers(response.request.headers) if response.request else [],
    )


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _as_sent(validator: str) -> bytes:
    """A validator as its server sent it, byte for byte (_header read each byte as a Latin-1
    character); Scrapy would send a str as UTF-8, which no server's ETag beyond ASCII matches."""
    try:
        return validator.encode("latin-1")
    except UnicodeEncodeError:  # not read by _header: sent as it stands
        return validator.encode("utf-8")


def _headers(headers: Any) -> list[tuple[str, str]]:
    """Scrapy's bytes headers as (name, value) text pairs, repeated names kept."""
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    ]


def _truncated(response: Response) -> str | None:
    """An HTML document cut short (a dropped connection the server did not flag) is not a page."""
    ctype = (response.headers.get(b"Content-Type") or b"").lower()
    if b"html" not in ctype:
        return None
    if ends_document(response.body):  # in the encoding its byte order mark names, if any
        return None
    if not response.body.strip():
        return f"empty response: {response.url} answered {response.status} with no document"
    return f"truncated document: {response.url} ends before </body></html>"
