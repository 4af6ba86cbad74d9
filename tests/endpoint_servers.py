"""Local servers for the publishers' and vendors' JSON endpoints, with the pages that name them.

Built for liveblog-archive's tests, not saved from any site: no copy of these endpoints'
answers is kept here. Each blog is a list of posts that the test moves through three passes
(`posts_at`): pass 1 holds more posts than the first page or the first answer shows; pass 2
adds posts on top and edits an older one; pass 3 deletes one and adds another. One
`EndpointSite` on 127.0.0.1 serves every blog as its publisher's page, in the markup the
publisher's public code documents, and as the JSON its endpoint answers, in the shape that
code reads and paged the way the publisher pages it (crawler/extract/endpoints/ names the
sources of each shape). `Blog.truth()` is what reading the whole endpoint must give at the
current pass, keyed as the reader keys the posts.

The vendors' APIs live on the vendors' hosts; `EndpointSite.local(url)` is the same request
to this server (phase 2's crawl maps those hosts here). Every answer carries an ETag and
answers If-None-Match with 304; `requests` logs the paths asked for.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from html import escape
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from crawler.sample.site import LocalServer, send

START = datetime(2024, 1, 15, 8, 0, tzinfo=UTC)
PASSES = (1, 2, 3)
EDITED = 3  # the post edited from pass 2 on
DELETED = 5  # the post deleted from pass 3 on
ADDED = {1: 0, 2: 4, 3: 5}  # posts added on top by each pass, in all
VENDOR_HOSTS = ("data.24liveplus.com", "cdn.tickaroo.com", "cached-api.arena.im")

_WORDS = (
    "river", "council", "flood", "warning", "residents", "bridge", "closed", "rain", "evening",
    "crews", "morning", "road", "station", "police", "update", "traffic", "school", "power",
    "cuts", "wind", "gusts", "coast", "boats", "harbour", "trains", "delays", "shelter",
    "volunteers", "forecast", "weekend", "repairs", "damage", "insurance", "minister", "visit",
)  # fmt: skip


@dataclass(frozen=True)
class Post:
    """One post of a blog, as every shape shows it."""

    n: int
    headline: str | None
    paragraphs: tuple[str, ...]
    published: str  # "YYYY-MM-DDTHH:MM:SSZ"
    modified: str | None = None

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def moment(self) -> datetime:
        return datetime.fromisoformat(self.published.replace("Z", "+00:00"))

    def millis(self, value: str | None = None) -> int:
        moment = datetime.fromisoformat((value or self.published).replace("Z", "+00:00"))
        return int(moment.timestamp() * 1000)


@dataclass(frozen=True)
class Expected:
    """What an archive must hold of a post."""

    headline: str | None
    body_text: str
    published_at: str
    modified_at: str | None


def _stamp(minutes: int) -> str:
    return (START + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sentence(n: int, p: int, words: int) -> str:
    picked = " ".join(_WORDS[(n * 7 + p * 3 + i) % len(_WORDS)] for i in range(words))
    return f"Paragraph {p} of post {n} says {picked}."


def make_post(n: int, headless: bool) -> Post:
    """Post n: a minute after post n-1; every fourth is long (over 1,000 characters)."""
    long = n % 4 == 0
    paragraphs = tuple(_sentence(n, p, 60 if long else 14) for p in range(1, 4 if long else 3))
    headline = None if headless and n % 7 == 0 else f"Post {n}: the storm reaches point {n}"
    return Post(n, headline, paragraphs, _stamp(n))


def posts_at(pass_no: int, count: int, headless: bool = True) -> list[Post]:
    """The blog's posts at a pass, newest first: `count` at pass 1, more after."""
    total = count + ADDED[pass_no]
    posts = [make_post(n, headless) for n in range(1, total + 1)]
    if pass_no >= 2:
        old = posts[EDITED - 1]
        fixed = (f"Correction: post {EDITED} now says the bridge reopened at noon.",)
        posts[EDITED - 1] = replace(
            old, paragraphs=fixed + old.paragraphs[1:], modified=_stamp(count + 30)
        )
    if pass_no >= 3:
        posts = [p for p in posts if p.n != DELETED]
    return list(reversed(posts))


def _clock(iso: str) -> str:
    return iso[11:16].replace(":", ".") + " GMT"


def _query(query: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}


Answer = tuple[bytes, str]


class Blog:
    """One blog an EndpointSite serves: its posts at the current pass, its page, its JSON."""

    path = "/"
    count = 20
    headless = True
    # Whether the endpoint's shape carries a post's modified time.
    shows_modified = True

    def __init__(self, site: EndpointSite) -> None:
        self.site = site
        self.pass_no = 1

    @property
    def posts(self) -> list[Post]:
        return posts_at(self.pass_no, self.count, self.headless)

    @property
    def page_url(self) -> str:
        return self.site.origin + self.path

    def key(self, post: Post) -> str:
        """The source_id the reader gives the post."""
        return str(post.n)

    def truth(self) -> dict[str, Expected]:
        """Every post of the blog at this pass, as the endpoint read whole must give it."""
        return {
            self.key(p): Expected(
                p.headline, p.body_text, p.published, p.modified if self.shows_modified else None
            )
            for p in self.posts
        }

    def answer(self, path: str, query: dict[str, str]) -> Answer | None:
        raise NotImplementedError


def _html(body: bytes | str) -> Answer:
    return (body.encode() if isinstance(body, str) else body), "text/html; charset=utf-8"


def _json(data: Any) -> Answer:
    return json.dumps(data).encode(), "application/json"


def _paragraphs(post: Post, skip_first: bool = False) -> str:
    kept = post.paragraphs[1:] if skip_first else post.paragraphs
    return "".join(f"<p>{escape(p, quote=False)}</p>" for p in kept)


# The Guardian ---------------------------------------------------------------------------------


class GuardianBlog(Blog):
    """Today's Guardian markup (`article.block#block-<id>` in `#liveblog-body`, a header with
    the permalinked time and the title, a footer with "Updated at"), its JSON-LD cutting every
    body at 1,000 characters, its paging (frontend's LiveBlogCurrentPage: 10 a page, the
    first page holding the rest), `<page>.json?dcr=true` and the lastUpdate delta."""

    path = "/world/live/2024/jan/15/storm-live"
    count = 27
    size = 10
    title = "Storm live: flood warnings across the north"

    @staticmethod
    def block_id(post: Post) -> str:
        return f"{post.n:024x}"

    def key(self, post: Post) -> str:
        return "block-" + self.block_id(post)

    def pages(self) -> list[list[Post]]:
        posts = self.posts
        first = len(posts) % self.size + self.size if len(posts) >= self.size else len(posts)
        rest = posts[first:]
        return [posts[:first]] + [rest[i : i + self.size] for i in range(0, len(rest), self.size)]

    def answer(self, path: str, query: dict[str, str]) -> Answer | None:
        pages = self.pages()
        if path == self.path + ".json" and "lastUpdate" in query:
            return _json(self.delta(query["lastUpdate"]))
        index = self._page_index(pages, query.get("page"))
        if index is None:
            return None
        if path == self.path:
            return _html(self.html_page(pages, index))
        if path == self.path + ".json" and query.get("dcr") == "true":
            return _json(self.page_data(pages, index))
        return None

    def _page_index(self, pages: list[list[Post]], page: str | None) -> int | None:
        if not page:
            return 0
        wanted = page.removeprefix("with:block-")
        return next(
            (i for i, ps in enumerate(pages) if any(self.block_id(p) == wanted for p in ps)),
            None,
        )

    def _link(self, pages: list[list[Post]], index: int) -> str:
        return f"?page=with:block-{self.block_id(pages[index][0])}"

    def block_html(self, post: Post) -> str:
        block = self.block_id(post)
        title = f"<h2>{escape(post.headline, quote=False)}</h2>" if post.headline else ""
        updated = (
            f'<div><time datetime="{post.modified}">Updated at {_clock(post.modified)}</time></div>'
            if post.modified
            else ""
        )
        return (
            f'<article id="block-{block}" class="block"><header><div>'
            f'<a href="{self.page_url}?page=with:block-{block}#block-{block}">'
            f'<time datetime="{post.published}">{_clock(post.published)}</time></a></div>'
            f"{title}</header>{_paragraphs(post)}"
            f'<footer><ul><li><a href="https://www.facebook.com/dialog/share">Share</a></li>'
            f"</ul>{updated}</footer></article>"
        )

    def json_ld(self, posts: list[Post]) -> dict[str, Any]:
        return {
            "@context": "https://schema.org",
            "@type": "LiveBlogPosting",
            "headline": self.title,
            "url": self.page_url,
            "datePublished": _stamp(-30),
            "coverageStartTime": _stamp(-30),
            "publisher": {"@type": "Organization", "name": "The Guardian"},
            "liveBlogUpdate": [
                {
                    "@type": "BlogPosting",
                    "headline": self.title,
                    "datePublished": _stamp(-30),
                    "url": f"{self.page_url}#block-{self.block_id(p)}",
                    "articleBody": p.body_text[:1000],
                }
                for p in posts
            ],
        }

    def html_page(self, pages: list[list[Post]], index: int) -> str:
        nav = []
        if index > 0:
            nav.append(f'<a href="{self._link(pages, index - 1)}"><span>Previous</span></a>')
        if index < len(pages) - 1:
            nav.append(f'<a href="{self._link(pages, index + 1)}"><span>Next</span></a>')
            nav.append(f'<a href="{self._link(pages, len(pages) - 1)}"><span>Oldest</span></a>')
        ld = json.dumps(self.json_ld(pages[index]))
        blocks = "".join(self.block_html(p) for p in pages[index])
        return (
            '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
            f"<title>{escape(self.title)} | The Guardian</title>"
            f'<script type="application/ld+json">{ld}</script></head><body><main>'
            f"<h1>{escape(self.title)}</h1>"
            f'<div id="liveblog-body" class="js-liveblog-body">{blocks}</div>'
            f"<section>{''.join(nav)}</section></main></body></html>"
        )

    def page_data(self, pages: list[list[Post]], index: int) -> dict[str, Any]:
        pagination: dict[str, Any] = {}
        if len(pages) > 1:
            pagination = {"currentPage": index + 1, "totalPages": len(pages)}
            if index < len(pages) - 1:
                pagination["older"] = self._link(pages, index + 1)
                pagination["oldest"] = self._link(pages, len(pages) - 1)
            if index > 0:
                pagination["newer"] = self._link(pages, index - 1)
                pagination["newest"] = self._link(pages, 0)
        blocks = [
            {
                "id": self.block_id(p),
                "title": p.headline,
                "elements": [
                    {
                        "_type": "model.dotcomrendering.pageElements.TextBlockElement",
                        "html": f"<p>{escape(text, quote=False)}</p>",
                    }
                    for text in p.paragraphs
                ],
                "blockFirstPublished": p.millis(),
                "blockLastUpdated": p.millis(p.modified),
                "contributors": [],
                "attributes": {"pinned": False, "keyEvent": False, "summary": False},
            }
            for p in pages[index]
        ]
        return {
            "headline": self.title,
            "webTitle": self.title,
            "webURL": self.page_url,
            "pageId": self.path.lstrip("/"),
            "tags": [{"id": "world/world"}, {"id": "tone/minutebyminute"}],
            "blocks": blocks,
            "pagination": pagination,
            "mostRecentBlockId": "block-" + self.block_id(pages[0][0]),
            "linkedData": [self.json_ld(pages[index])],
        }

    def delta(self, last: str) -> dict[str, Any]:
        newer = []
        for post in self.posts:
            if "block-" + self.block_id(post) == last:
                break
            newer.append(post)
        answer: dict[str, Any] = {"timeline": "", "numNewBlocks": len(newer)}
        answer["html"] = "".join(self.block_html(p) for p in newer)
        if newer:
            answer["mostRecentBlockId"] = "block-" + self.block_id(newer[0])
        return answer


# The BBC -----------------------------------------------------------------------------------


class BbcBlog(Blog):
    """A BBC live page of the newer generation (posts headed by an `h3` whose id is the post's
    urn), its first 20 posts in the HTML, its `window.__INITIAL_DATA__` keying the stream, and
    `/wc-data/container/stream` answering the stream 20 posts a page."""

    path = "/news/live/world-68000001"
    count = 45
    headless = False
    stream_id = "A1B2C3D4E5F60718293A4B5C6D7E8F90"
    title = "Storm live: flood warnings across the north"
    page_size = 20

    def key(self, post: Post) -> str:
        return f"urn:bbc:cps:curie:asset:00000000-0000-4000-8000-{post.n:012d}"

    def stream_key(self) -> str:
        return "stream?" + urlencode(
            {
                "assetId": "world-68000001",
                "liveTextStreamId": self.stream_id,
                "pageNumber": 1,
                "pageSize": self.page_size,
                "pageUrl": self.path,
            }
        )

    def answer(self, path: str, query: dict[str, str]) -> Answer | None:
        if path == self.path:
            return _html(self.html_page())
        if path == "/wc-data/container/stream" and query.get("liveTextStreamId") == self.stream_id:
            return _json(self.stream(int(query.get("pageNumber") or 1)))
        return None

    def html_page(self) -> str:
        initial = json.dumps({"data": {self.stream_key(): {"name": "stream"}}})
        script = "window.__INITIAL_DATA__=" + json.dumps(initial) + ";"
        items = "".join(
            f'<li><article><div><span><time datetime="{p.published}">{p.published[11:16]}'
            f'</time></span><h3 id="{self.key(p)}"><span role="text">{escape(p.headline or "")}'
            f"</span></h3></div><div>{_paragraphs(p)}</div></article></li>"
            for p in self.posts[: self.page_size]
        )
        return (
            '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
            f"<title>{escape(self.title)} - BBC News</title>"
            f'<meta property="og:site_name" content="BBC News"></head><body><main>'
            f'<h1>{escape(self.title)}</h1><div data-testid="live-stream"><ol>{items}</ol></div>'
            f"</main><script>{script}</script></body></html>"
        )

    def _post(self, post: Post) -> dict[str, Any]:
        def text_block(text: str) -> dict[str, Any]:
            fragment = {"type": "fragment", "model": {"text": text, "attributes": []}}
            paragraph = {"type": "paragraph", "model": {"text": text, "blocks": [fragment]}}
            return {"type": "text", "model": {"blocks": [paragraph]}}

        header = [{"type": "headline", "model": {"blocks": [text_block(post.headline or "")]}}]
        return {
            "urn": self.key(post),
            "type": "POST",
            "header": {"model": {"blocks": header}},
            "content": {"model": {"blocks": [text_block(t) for t in post.paragraphs]}},
            "options": {"isBreakingNews": False},
            "dates": {
                "firstPublished": post.published.replace("Z", ".000Z"),
                "lastPublished": (post.modified or post.published).replace("Z", ".000Z"),
                "time": None,
            },
        }

    def stream(self, number: int) -> dict[str, Any]:
        posts = self.posts
        total = max(1, -(-len(posts) // self.page_size))
        shown = posts[(number - 1) * self.page_size : number * self.page_size]
        return {
            "page": {"index": number, "total": total},
            "results": [self._post(p) for p in shown],
        }


# 24liveblog --------------------------------------------------------------------------------


class Liveblog24Blog(Blog):
    """A page embedding a 24liveblog event (`#LB24_LIVE_CONTENT[data-eid]`) and the vendor's
    news listing, paged by `last_nid` and `limit`."""

    path = "/news/storm-live-24"
    count = 130
    shows_modified = False
    eid = "3260367258858776128"

    def key(self, post: Post) -> str:
        return str(7_000_000 + post.n)

    def answer(self, path: str, query: dict[str, str]) -> Answer | None:
        if path == self.path:
            return _html(
                '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
                "<title>Storm live</title></head><body><article><h1>Storm live</h1>"
                f'<p>Follow the storm as it happens.</p><div id="LB24_LIVE_CONTENT" '
                f'data-eid="{self.eid}"></div></article>'
                '<script src="https://v.24liveblog.com/24.js" defer></script></body></html>'
            )
        if path == f"/v1/retrieve_server/x/event/{self.eid}/news/":
            return _json(self.news(int(query.get("limit") or 10), query.get("last_nid") or ""))
        return None

    def news(self, limit: int, last: str) -> dict[str, Any]:
        posts = self.posts
        start = next((i + 1 for i, p in enumerate(posts) if self.key(p) == last), 0)
        shown = posts[start : start + limit]
        news = [
            {
                "nid": int(self.key(p)),
                "newstitle": p.headline or "",
                "contents": _paragraphs(p),
                "created": int(p.moment.timestamp()),
            }
            for p in shown
        ]
        return {"err_code": 100, "data": {"news": news, "count": len(posts)}}


# Tickaroo ----------------------------------------------------------------------------------


class TickarooBlog(Blog):
    """A page embedding `<tickaroo-liveblog>` and the prefetch, whose `html` carries the
    schema.org data in `initialData` and whose `schema` is that LiveBlogPosting."""

    path = "/news/storm-live-tickaroo"
    count = 15
    headless = False
    liveblog = "65f3a1b2c4d5e6f708192a3b"
    client = "5c1d2e3f4a5b6c7d8e9f0a1b"

    def key(self, post: Post) -> str:
        return post.headline or ""

    def answer(self, path: str, query: dict[str, str]) -> Answer | None:
        if path == self.path:
            return _html(
                '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
                "<title>Sturm live</title></head><body><article><h1>Sturm live</h1>"
                f'<tickaroo-liveblog liveblogId="{self.liveblog}" clientId="{self.client}">'
                "</tickaroo-liveblog></article></body></html>"
            )
        if path == "/api/embed/v4/prefetch/liveblog.json" and query.get("liveblogId") == (
            self.liveblog
        ):
            schema = self.schema()
            initial = escape(json.dumps({"schemaOrg": json.dumps(schema)}))
            html = f'<tickaroo-liveblog liveblogId="{self.liveblog}" initialData="{initial}">'
            return _json({"html": html + "</tickaroo-liveblog>", "schema": schema})
        return None

    def schema(self) -> dict[str, Any]:
        updates = []
        for post in self.posts:
            update = {
                "@type": "BlogPosting",
                "headline": post.headline,
                "articleBody": post.body_text,
                "datePublished": post.published,
            }
            if post.modified:
                update["dateModified"] = post.modified
            updates.append(update)
        return {
            "@context": "https://schema.org",
            "@type": "LiveBlogPosting",
            "headline": "Sturm live",
            "liveBlogUpdate": updates,
        }


# Sourcefabric Live Blog ------------------------------------------------------------------------


class SourcefabricBlog(Blog):
    """A page embedding a Live Blog in `iframe#liveblog-iframe` (`/embed/<blog id>`, served
    by the API host) and `/api/client_blogs/<blog id>/posts`, an Eve listing of open posts."""

    path = "/news/storm-live-lb"
    count = 60
    blog_id = "6542f0c1e2a4b5001c9d8e7f"

    def key(self, post: Post) -> str:
        return f"urn:newsml:localhost:2024-01-15:post-{post.n}"

    def answer(self, path: str, query: dict[str, str]) -> Answer | None:
        if path == self.path:
            return _html(
                '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                "<title>Storm live</title></head><body><article><h1>Storm live</h1>"
                f'<iframe id="liveblog-iframe" src="{self.site.origin}/embed/{self.blog_id}" '
                'width="100%"></iframe></article></body></html>'
            )
        if path == f"/api/client_blogs/{self.blog_id}/posts":
            size = int(query.get("max_results") or 25)
            return _json(self.listing(int(query.get("page") or 1), size))
        return None

    def _post(self, post: Post) -> dict[str, Any]:
        first = post.paragraphs[0]
        opening = f"<h2>{escape(post.headline)}</h2>" if post.headline else ""
        texts = [f"{opening}<p>{escape(first, quote=False)}</p>"]
        texts += [f"<p>{escape(p, quote=False)}</p>" for p in post.paragraphs[1:]]
        refs = [
            {"residRef": f"item-{post.n}-{i}", "item": {"item_type": "text", "text": text}}
            for i, text in enumerate(texts)
        ]
        return {
            "_id": self.key(post),
            "post_status": "open",
            "post_items_type": "default",
            "sticky": False,
            "lb_highlight": False,
            "deleted": False,
            "published_date": post.published.replace("Z", "+00:00"),
            "content_updated_date": (post.modified or post.published).replace("Z", "+00:00"),
            "original_creator": {"display_name": "Newsdesk"},
            "groups": [
                {"id": "root", "refs": [{"idRef": "main"}]},
                {"id": "main", "refs": refs},
            ],
        }

    def listing(self, page: int, size: int) -> dict[str, Any]:
        posts = self.posts
        shown = posts[(page - 1) * size : page * size]
        return {
            "_items": [self._post(p) for p in shown],
            "_meta": {"page": page, "max_results": size, "total": len(posts)},
        }


# Arena -------------------------------------------------------------------------------------


class ArenaBlog(Blog):
    """A page embedding `div.arena-liveblog[data-publisher][data-event]` and the cached API's
    blog data (`eventInfo`, `posts` with `message`, times in epoch milliseconds)."""

    path = "/news/storm-live-arena"
    count = 15
    site_slug = "example-regio"
    blog_slug = "storm-2024"

    def key(self, post: Post) -> str:
        return f"arena-{post.n}"

    def answer(self, path: str, query: dict[str, str]) -> Answer | None:
        if path == self.path:
            return _html(
                '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">'
                "<title>Tormenta en vivo</title></head><body><article><h1>Tormenta</h1>"
                f'<div class="arena-liveblog" data-publisher="{self.site_slug}" '
                f'data-event="{self.blog_slug}" data-version="2"></div></article></body></html>'
            )
        if path == f"/v1/liveblog/{self.site_slug}/{self.blog_slug}":
            posts = [
                {
                    "key": self.key(p),
                    "message": {"title": p.headline or "", "text": _paragraphs(p)},
                    "createdAt": p.millis(),
                    "updatedAt": p.millis(p.modified),
                }
                for p in self.posts
            ]
            return _json({"eventInfo": {"name": "Tormenta en vivo"}, "posts": posts})
        return None


# ZDF ---------------------------------------------------------------------------------------


class ZdfBlog(Blog):
    """A zdfheute-like page naming `…/api/channels/<channel>/blogitems/` in its data script, and that
    REST listing (`count`, `next`, `results` of items with `guid`, `title`, `start`, `text`)."""

    path = "/politik/ausland/sturm-liveblog-100.html"
    count = 30
    shows_modified = False
    channel = "sturm2024"
    page_size = 25

    def key(self, post: Post) -> str:
        return f"zdf-item-{post.n:05d}"

    @property
    def api_path(self) -> str:
        return f"/api/channels/{self.channel}/blogitems/"

    def answer(self, path: str, query: dict[str, str]) -> Answer | None:
        if path == self.path:
            data = json.dumps({"props": {"liveblog": {"url": self.site.origin + self.api_path}}})
            return _html(
                '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
                "<title>Sturm im Liveblog</title></head><body><main><h1>Sturm im Liveblog</h1>"
                '<div class="liveblog"></div></main><script id="__NEXT_DATA__" '
                f'type="application/json">{data}</script></body></html>'
            )
        if path == self.api_path:
            limit = int(query.get("limit") or self.page_size)
            return _json(self.items(int(query.get("offset") or 0), limit))
        return None

    def items(self, offset: int, limit: int) -> dict[str, Any]:
        posts = self.posts
        shown = posts[offset : offset + limit]
        following = None
        if offset + limit < len(posts):
            query = urlencode({"limit": limit, "offset": offset + limit})
            following = f"{self.site.origin}{self.api_path}?{query}"
        results = [
            {
                "guid": self.key(p),
                "title": p.headline or "",
                "start": p.published.replace("Z", "+00:00"),
                "text": _paragraphs(p),
                "sharing_url": f"/sharing/{self.key(p)}",
                "is_top_blogitem": False,
            }
            for p in shown
        ]
        return {"count": len(posts), "next": following, "previous": None, "results": results}


# Automattic's Liveblog for WordPress ---------------------------------------------------------


class WordpressBlog(Blog):
    """A WordPress post running Automattic's Liveblog plugin from 1.9: the page holds only the
    empty `div#wpcom-liveblog-container` and `var liveblog_settings = {…}` as
    wp_localize_script prints it (`endpoint_url`, `latest_entry_id`, `latest_entry_timestamp`,
    every value a string, slashes escaped), and the site's REST API answers
    `<endpoint_url>get-entries/<page>/<id>-<timestamp>` with `entries` (newest first, deleted
    ones dropped: `id`, `type`, `render`, `headline`, `timestamp` of the latest version,
    `entry_time` of the first, `authors`, `share_link`), `page` and `pages`, counted from the
    entry named (WPCOM_Liveblog::get_entries_paged, each entry's for_json)."""

    path = "/2024/01/15/storm-live-updates/"
    count = 23
    post_id = 90377
    per_page = 10

    @staticmethod
    def entry(post: Post) -> int:
        return 48000 + post.n

    def key(self, post: Post) -> str:
        return f"liveblog-entry-{self.entry(post)}"

    @property
    def api_path(self) -> str:
        return f"/wp-json/liveblog/v1/{self.post_id}/"

    def answer(self, path: str, query: dict[str, str]) -> Answer | None:
        if path == self.path:
            newest = self.posts[0]
            settings = {
                "permalink": self.page_url,
                "post_id": str(self.post_id),
                "state": "enable",
                "latest_entry_timestamp": str(newest.millis(newest.modified) // 1000),
                "latest_entry_id": str(self.entry(newest)),
                "endpoint_url": self.site.origin + self.api_path,
                "refresh_interval": "10",
            }
            script = json.dumps(settings).replace("/", "\\/")
            return _html(
                '<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">'
                "<title>Storm live updates &#8211; Valley Courier</title>"
                '<script type="text/javascript" id="liveblog-js-extra">\n/* <![CDATA[ */\n'
                f"var liveblog_settings = {script};\n/* ]]> */\n</script></head><body>"
                '<article class="post type-post"><h1 class="entry-title">Storm live updates</h1>'
                '<div class="entry-content"><p>Follow the storm with us.</p>'
                f'<div id="wpcom-liveblog-container" class="{self.post_id}"></div></div>'
                "</article></body></html>"
            )
        prefix = self.api_path + "get-entries/"
        if path.startswith(prefix):
            page, _, known = path[len(prefix) :].strip("/").partition("/")
            if not page.isdigit():
                return None
            return _json(self.entries(int(page), known.partition("-")[0]))
        return None

    def entries(self, page: int, known: str) -> dict[str, Any]:
        posts = self.posts
        ids = [str(self.entry(p)) for p in posts]
        if known in ids:
            posts = posts[ids.index(known) :]
        pages = -(-len(posts) // self.per_page)
        shown = posts[(page - 1) * self.per_page : page * self.per_page]
        return {
            "entries": [
                {
                    "id": self.entry(p),
                    "type": "update" if p.modified else "new",
                    "render": _paragraphs(p),
                    "headline": p.headline or "",
                    "content": p.body_text,
                    "css_classes": "liveblog byuser comment-author-newsdesk even depth-1",
                    "timestamp": p.millis(p.modified) // 1000,
                    "entry_time": p.millis() // 1000,
                    "authors": [{"id": 7, "key": "newsdesk", "name": "Newsdesk"}],
                    "share_link": f"{self.page_url}#{self.entry(p)}",
                }
                for p in shown
            ],
            "page": page,
            "pages": pages,
        }


def local_url(url: str, origin: str) -> str:
    """The same request to the server at `origin` (its path, if any, put in front) when it is
    for a vendor's host (or this one)."""
    parts, there = urlsplit(url), urlsplit(origin)
    if parts.hostname in VENDOR_HOSTS or parts.hostname == "127.0.0.1":
        path = there.path.rstrip("/") + parts.path
        return urlunsplit(("http", there.netloc, path, parts.query, ""))
    return url


class VendorHostsMiddleware:
    """Test-only downloader middleware: a vendor's API host is answered by the loopback server
    named in the ENDPOINT_SITE_ORIGIN setting. Enabled by a crawl test's settings only; it
    sits after the fetch boundary, which has already let the vendor's host through."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    @classmethod
    def from_crawler(cls, crawler: Any) -> VendorHostsMiddleware:
        return cls(crawler.settings.get("ENDPOINT_SITE_ORIGIN"))

    def process_request(self, request: Any, spider: Any = None) -> Any:
        if urlsplit(request.url).hostname not in VENDOR_HOSTS:
            return None
        return request.replace(url=local_url(request.url, self.origin))


# The server --------------------------------------------------------------------------------

BLOGS: tuple[type[Blog], ...] = (
    GuardianBlog,
    BbcBlog,
    Liveblog24Blog,
    TickarooBlog,
    SourcefabricBlog,
    ArenaBlog,
    ZdfBlog,
    WordpressBlog,
)


class EndpointSite:
    """Every blog above on one 127.0.0.1 server; `set_pass` moves them all."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._server = LocalServer(self._handler())
        self.blogs: dict[type[Blog], Blog] = {kind: kind(self) for kind in BLOGS}

    @property
    def origin(self) -> str:
        return self._server.origin

    def blog(self, kind: type[Blog]) -> Blog:
        return self.blogs[kind]

    def set_pass(self, pass_no: int) -> None:
        for blog in self.blogs.values():
            blog.pass_no = pass_no

    def local(self, url: str) -> str:
        """The same request to this server (a vendor's API host mapped here)."""
        return local_url(url, self.origin)

    def __enter__(self) -> EndpointSite:
        self._server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop()

    def respond(self, target: str) -> Answer | None:
        parts = urlsplit(target)
        query = _query(parts.query)
        for blog in self.blogs.values():
            found = blog.answer(parts.path, query)
            if found is not None:
                return found
        return None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with site._lock:
                    site.requests.append(self.path)
                    found = site.respond(self.path)
                if found is None:
                    send(self, 404, b"not found", "text/plain")
                    return
                body, ctype = found
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    send(self, 304, b"", etag=etag)
                    return
                send(self, 200, body, ctype, etag=etag)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

        return Handler
