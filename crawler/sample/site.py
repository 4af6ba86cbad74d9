"""The bundled sample live blog: an ITV News-style page served on 127.0.0.1.

The demo and the tests run it: they set which updates it shows, then crawl it. It paginates
like the real thing (the newest `page_size` updates, older ones behind "Load more updates")
and answers conditional requests.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
import threading
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from archive.times import parse_utc

PUBLISHER = "ITV News"


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Image:
    url: str
    caption: str
    credit: str


@dataclass(frozen=True)
class Quote:
    paras: list[str]
    attribution: str


@dataclass(frozen=True)
class Embed:
    url: str
    provider: str


Block = Para | Image | Quote | Embed

UNAVAILABLE = "Sorry, this content isn't available on your device."


@dataclass(frozen=True)
class SampleUpdate:
    """One update of the sample blog; `id` is its HTML element id and JSON-LD fragment."""

    id: str
    headline: str
    published: str  # ISO 8601 with the publisher's offset
    blocks: list[Block] = field(default_factory=list)
    modified: str | None = None
    author: str | None = None

    def replace(self, **changes: Any) -> SampleUpdate:
        return dataclasses.replace(self, **changes)

    def text(self) -> str:
        """The update's body as plain text, as JSON-LD articleBody carries it."""
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Para):
                parts.append(block.text)
            elif isinstance(block, Quote):
                parts.extend(block.paras)
        return "\n\n".join(parts)


def _clock(iso: str) -> str:
    moment = parse_utc(iso)
    assert moment is not None, iso
    return moment.strftime("%I:%M%p").lstrip("0").lower()


def _block_html(block: Block) -> str:
    if isinstance(block, Para):
        return f"<p>{escape(block.text)}</p>"
    if isinstance(block, Image):
        return (
            f'<figure class="update__image"><img src="{escape(block.url)}" '
            f'alt="{escape(block.caption)}"><figcaption>{escape(block.caption)} '
            f'<span class="update__credit">{escape(block.credit)}</span></figcaption></figure>'
        )
    if isinstance(block, Quote):
        paras = "".join(f"<p>{escape(p)}</p>" for p in block.paras)
        return (
            f'<blockquote class="update__quote">{paras}'
            f"<footer>{escape(block.attribution)}</footer></blockquote>"
        )
    return (
        f'<div class="update__embed" data-embed-url="{escape(block.url)}" '
        f'data-provider="{escape(block.provider)}"><p>{escape(UNAVAILABLE)}</p></div>'
    )


def _update_html(update: SampleUpdate, page_url: str) -> str:
    byline = (
        f'<p class="update__byline">By <span class="update__author">{escape(update.author)}'
        "</span></p>"
        if update.author
        else ""
    )
    body = "\n   ".join(_block_html(b) for b in update.blocks)
    share = escape(f"{page_url}#{update.id}")
    return f"""
 <article class="update" id="{escape(update.id)}" data-update-id="{escape(update.id)}">
  <header><h2 class="update__title">{escape(update.headline)}</h2>
   <time class="update__time" datetime="{escape(update.published)}">{_clock(update.published)}</time>
   {byline}</header>
  <div class="update__body">
   {body}
  </div>
  <footer class="update__share"><a href="https://www.facebook.com/sharer/sharer.php?u={share}">Share on Facebook</a>
   <a href="https://twitter.com/intent/tweet?url={share}">Share on Twitter</a></footer>
 </article>"""


def _json_ld(title: str, blog_url: str, start: str, updates: list[SampleUpdate]) -> str:
    def entry(u: SampleUpdate) -> dict[str, Any]:
        item: dict[str, Any] = {
            "@type": "BlogPosting",
            "headline": u.headline,
            "url": f"{blog_url}#{u.id}",
            "datePublished": u.published,
            "articleBody": u.text(),
        }
        if u.modified:
            item["dateModified"] = u.modified
        if u.author:
            item["author"] = {"@type": "Person", "name": u.author}
        return item

    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": title,
        "url": blog_url,
        "coverageStartTime": start,
        "publisher": {"@type": "Organization", "name": PUBLISHER},
        "liveBlogUpdate": [entry(u) for u in updates],
    }
    # "</" inside a script block would end it early.
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")


def render_page(
    title: str,
    path: str,
    origin: str,
    updates: list[SampleUpdate],
    page: int = 1,
    page_size: int = 3,
    coverage_start: str = "2016-10-24T06:00:00+01:00",
    canonical: str | None = None,
) -> bytes | None:
    """One page of the blog, newest first; None past the last page.

    With `canonical`, every page names that address as the story's (link rel=canonical,
    og:url, JSON-LD), as a publisher's pages do wherever they are served from: the updates'
    permalinks point there. Without it, the page names its own address.
    """
    pages = max(1, -(-len(updates) // page_size))
    if page < 1 or page > pages:
        return None
    served = f"{origin}{path}"
    blog_url = canonical or served
    shown = updates[(page - 1) * page_size : page * page_size]
    page_url = canonical or (served if page == 1 else f"{served}?page={page}")
    older = f"{path}?page={page + 1}" if page < pages else None
    link_next = f'\n<link rel="next" href="{escape(older)}">' if older else ""
    load_more = (
        f'\n<a class="live-blog__load-more" rel="next" href="{escape(older)}">Load more updates</a>'
        if older
        else ""
    )
    entries = "".join(_update_html(u, blog_url) for u in shown)
    og_url = f'\n<meta property="og:url" content="{escape(canonical)}">' if canonical else ""
    html = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{escape(title)} - ITV News</title>
<meta property="og:site_name" content="{PUBLISHER}">{og_url}
<link rel="canonical" href="{escape(page_url)}">{link_next}
<script type="application/ld+json">{_json_ld(title, blog_url, coverage_start, shown)}</script>
</head><body>
<header class="site-header"><a href="/">ITV News</a></header>
<main class="live-blog"><h1>{escape(title)}</h1><p class="live-blog__label">Live updates</p>
<div class="live-blog__updates">{entries}
</div>{load_more}
</main>
<footer class="site-footer"><p>&copy; ITV plc</p></footer>
</body></html>
"""
    return html.encode("utf-8")


POLL_SECONDS = 0.02  # how soon a LocalServer's stop() is heard


class LocalServer:
    """A threaded HTTP server on 127.0.0.1 (a port of its own) for the demo, tests and benchmarks."""

    class _Server(ThreadingHTTPServer):
        daemon_threads = True
        # The default backlog of 5 drops connections when a crawler opens 16 at once,
        # and each dropped one costs a 1 s retransmission.
        request_queue_size = 128

        def handle_error(self, request: Any, client_address: Any) -> None:
            """A client that hung up (a crawl cut short at its deadline, a browser's tab
            closed) is no error to print: socketserver would write its traceback to whatever
            stderr is current, the demo's terminal or another command's output."""
            if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
                return
            super().handle_error(request, client_address)

    def __init__(
        self, handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self._server = self._Server((host, port), handler)
        self._thread: threading.Thread | None = None

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        # serve_forever looks for a shutdown once a poll: at its default half second, every
        # stop() waited up to that long, and the tests stop hundreds of servers.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": POLL_SECONDS}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    ctype: str | None = None,
    etag: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Answer a request with a body and its length (and an ETag, a type, extra headers)."""
    handler.send_response(status)
    if ctype:
        handler.send_header("Content-Type", ctype)
    if etag:
        handler.send_header("ETag", etag)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if body:
        handler.wfile.write(body)


class ServedBlog:
    """A blog served by a LocalServer: its address, and start/stop as a context manager."""

    path: str
    _server: LocalServer

    @property
    def origin(self) -> str:
        return self._server.origin

    @property
    def url(self) -> str:
        return f"{self.origin}{self.path}"

    def start(self) -> Self:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class SampleBlog(ServedBlog):
    """A live blog whose content the caller changes between passes, served over HTTP."""

    def __init__(
        self,
        updates: list[SampleUpdate],
        *,
        title: str = "",
        path: str = "/live",
        page_size: int = 3,
        host: str = "127.0.0.1",
        port: int = 0,
        canonical: str | None = None,
    ) -> None:
        self.updates = list(updates)
        self.title = title
        self.path = path
        self.canonical = canonical
        self.page_size = page_size
        self.requests: list[tuple[str, dict[str, str]]] = []
        # Headers sent with each page, as a cache adds its own ("Age") to the copy it serves.
        self.headers: dict[str, str] = {}
        self._lock = threading.Lock()
        self._server = LocalServer(_handler_for(self), host, port)

    def show(self, updates: list[SampleUpdate]) -> None:
        """Make the blog show these updates, newest first, from the next request on."""
        with self._lock:
            self.updates = list(updates)

    def page(self, number: int) -> bytes | None:
        with self._lock:
            updates = list(self.updates)
        return render_page(
            self.title,
            self.path,
            self.origin,
            updates,
            number,
            self.page_size,
            canonical=self.canonical,
        )


def _handler_for(blog: SampleBlog) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "SampleLiveBlog/1.0"

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            blog.requests.append((self.path, dict(self.headers.items())))
            if parts.path == "/robots.txt":
                self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
                return
            if parts.path != blog.path:
                self._send(404, b"not found\n", "text/plain")
                return
            try:
                number = int(parse_qs(parts.query).get("page", ["1"])[0])
            except ValueError:
                number = 0
            body = blog.page(number)
            if body is None:
                self._send(404, b"no such page\n", "text/plain")
                return
            etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
            if self.headers.get("If-None-Match") == etag:
                self._send(304, b"", None, etag)
                return
            extra = {k: v for k, v in blog.headers.items() if k != "Date"}
            send(self, 200, body, "text/html; charset=utf-8", etag, extra)

        def date_time_string(self, timestamp: float | None = None) -> str:
            """The "Date" the caller set (a cache's copy keeps the site's), else now."""
            return blog.headers.get("Date") or super().date_time_string(timestamp)

        def _send(
            self, status: int, body: bytes, ctype: str | None, etag: str | None = None
        ) -> None:
            send(self, status, body, ctype, etag)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet: the demo prints its own story."""

    return Handler
