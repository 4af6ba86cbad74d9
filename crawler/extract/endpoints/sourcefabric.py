"""Sourcefabric Live Blog's posts: `<api host>/api/client_blogs/<blog id>/posts`.

The public API the themes read (liveblog/liveblog: `OpenBlogPostsResource`, and the default
theme's `viewmodel.js`, which asks `?max_results=N&page=P&source=<Elasticsearch query>`): an
Eve listing, `_items` and `_meta` (`page`, `max_results`, `total`). A post has its `_id` (the
`data-post-id` the themes render), `published_date`, `content_updated_date`, `sticky`,
`lb_highlight`, `deleted`, `post_items_type` (`advertisement` for the theme's ad slots), its
author in `original_creator` / `publisher` (`display_name`), and its items in the `main`
group's `refs` (`item.item_type` text, image, quote, embed; `item.text`, `item.meta`), as
`template-post.html` renders them. The API host and blog id are on the page: the embed's
address (`/embed/<blog id>`, served by the API host itself, or a theme's `/blogs/<blog id>/`),
read here, or the theme's `window.LB` (`api_host`, `blog._id`), read by the adapter.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from archive.records import FIDELITY_HTML, Page, Update
from archive.times import edited_at, to_utc
from crawler.extract.adapters.sourcefabric import posts_url
from crawler.extract.adapters.vendor import VendorEmbed
from crawler.extract.clean import author_names, optional_text
from crawler.extract.endpoints.markup import (
    body_of,
    count,
    figure,
    items,
    mapping,
    paragraph,
    string,
)
from crawler.extract.html import parse_fragment

SOURCE = "sourcefabric"
_BLOG_PATH = re.compile(r"/(?:embed|blogs)/([0-9a-f]{24})(?:/|$)")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4"})


def api_url(embed: VendorEmbed) -> str | None:
    """The posts endpoint of an iframe embed: its address names the blog and the API host."""
    public = embed.ids.get("public_url") or ""
    match = _BLOG_PATH.search(urlsplit(public).path)
    if match is None:
        return None
    parts = urlsplit(public)
    return posts_url(f"{parts.scheme}://{parts.netloc}/", match.group(1))


def read_posts(data: Any, url: str) -> Page:
    """One page of a blog's posts (ad slots left out), the next page, and their total."""
    listing = mapping(data)
    meta = mapping(listing.get("_meta"))
    posts = [p for p in items(listing.get("_items")) if p.get("post_items_type") != "advertisement"]
    page, size, total = (
        count(meta.get("page")),
        count(meta.get("max_results")),
        count(meta.get("total")),
    )
    more = page is not None and size is not None and total is not None and page * size < total
    return Page(
        url=url,
        updates=[u for u in (_post(p, url) for p in posts) if u is not None],
        next_urls=[_with_page(url, (page or 1) + 1)] if more else [],
        live_blog=True,
        updates_expected=total,
    )


def _post(post: dict[str, Any], url: str) -> Update | None:
    post_id = string(post.get("_id"))
    if post_id is None:
        return None
    published = to_utc(string(post.get("published_date")))
    if post.get("deleted"):
        return Update(source_id=post_id, published_at=published, removed=True, sources=[SOURCE])
    parts = [_item(mapping(ref.get("item"))) for ref in items(_main_group(post).get("refs"))]
    headline = _opening_heading(parts[0]) if parts else None
    text, markup, found = body_of("".join(parts), url, headline)
    modified = to_utc(string(post.get("content_updated_date")))
    creator = mapping(post.get("original_creator")) or mapping(post.get("publisher"))
    return Update(
        source_id=post_id,
        headline=headline,
        body_text=text,
        body_html=markup,
        published_at=published,
        modified_at=edited_at(published, modified),
        authors=author_names(string(creator.get("display_name"))),
        media=found,
        pinned=bool(post.get("sticky")),
        key_event=bool(post.get("lb_highlight")),
        fidelity=FIDELITY_HTML,
        sources=[SOURCE],
    )


def _main_group(post: dict[str, Any]) -> dict[str, Any]:
    groups = items(post.get("groups"))
    main = next((g for g in groups if g.get("id") == "main"), None)
    return main if main is not None else (groups[1] if len(groups) > 1 else {})


def _item(item: dict[str, Any]) -> str:
    """An item as the theme renders it."""
    kind = item.get("item_type")
    meta = mapping(item.get("meta"))
    if kind == "image":
        renditions = mapping(mapping(meta.get("media")).get("renditions"))
        best = next(
            (
                mapping(renditions.get(n))
                for n in ("original", "baseImage", "viewImage")
                if n in renditions
            ),
            {},
        )
        return figure(
            string(best.get("href")), string(meta.get("caption")), string(meta.get("credit"))
        )
    if kind == "quote":
        words, credit = string(meta.get("quote")), string(meta.get("credit"))
        who = f"<footer>{escape(credit, quote=False)}</footer>" if credit else ""
        return f"<blockquote>{paragraph(words)}{who}</blockquote>" if words else ""
    if kind == "embed":
        target = string(meta.get("original_url")) or string(meta.get("url"))
        return f'<iframe src="{escape(target)}"></iframe>' if target else ""
    return f"<article>{string(item.get('text')) or ''}</article>"


def _opening_heading(markup: str) -> str | None:
    """A heading that opens the first item is the post's headline (posts have no title)."""
    fragment = parse_fragment(markup)
    article = next(iter(fragment), None) if fragment is not None else None
    first = (
        next(iter(article), None)
        if article is not None and not (article.text or "").strip()
        else None
    )
    if first is None or first.tag not in _HEADINGS:
        return None
    return optional_text("".join(first.itertext()))


def _with_page(url: str, number: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "page"]
    return parts._replace(query=urlencode([*query, ("page", str(number))])).geturl()
