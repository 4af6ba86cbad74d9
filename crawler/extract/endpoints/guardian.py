"""The Guardian's JSON: a page's page data, and the blocks published since a known one.

`<page>.json?dcr=true` is what dotcom-rendering renders the page from: every block of that
page, whole, and `pagination.older` to the next page's (adapters/guardian.py reads it).
`<page>.json?lastUpdate=block-<id>&isLivePage=true` is what the page's own script polls
(frontend's LiveBlogController.renderNewerUpdatesJson): `numNewBlocks`, `mostRecentBlockId`
and, in `html`, the blocks newer than `<id>` in the markup the page shows them in. A pass
that knows the newest block of its last pass asks for the delta to learn what is new
without walking the older pages; a delta lists only new blocks, never the whole blog.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from archive.records import Page, Update
from crawler.extract.adapters import guardian
from crawler.extract.endpoints import GUARDIAN_DELTA, Endpoint
from crawler.extract.endpoints.markup import mapping, string
from crawler.extract.entries import prepare
from crawler.extract.html import parse_fragment


def read_page_data(data: Any, url: str) -> Page:
    """A page's page data (its blocks, their count, its older pages)."""
    if not guardian.detect_json(data):
        return Page(url=url)
    page = guardian.read_page_data(data, url)
    page.live_blog = True
    return page


def read_delta(data: Any, url: str) -> Page:
    """The blocks newer than the one the request names, newest first."""
    blog = blog_url(url)
    markup = string(mapping(data).get("html"))
    fragment = parse_fragment(f'<div id="liveblog-body">{markup}</div>') if markup else None
    updates = guardian.extract(prepare(fragment), blog) if fragment is not None else []
    return Page(url=url, updates=[u for u in updates if u.source_id], live_blog=True)


def delta(page_url: str, block_id: str) -> Endpoint:
    """The delta endpoint for the blocks published after `block_id` (`block-<id>` or `<id>`)."""
    parts = urlsplit(blog_url(page_url))
    block = block_id if block_id.startswith("block-") else f"block-{block_id}"
    query = urlencode([("lastUpdate", block), ("isLivePage", "true")])
    return Endpoint(
        urlunsplit((parts.scheme, parts.netloc, parts.path + ".json", query, "")), GUARDIAN_DELTA
    )


def newest_block(updates: list[Update]) -> str | None:
    """The id of the newest block among a pass's updates: where its next delta starts."""
    blocks = [u for u in updates if (u.source_id or "").startswith("block-") and u.published_at]
    newest = max(blocks, key=lambda u: u.published_at or "", default=None)
    return newest.source_id if newest is not None else None


def blog_url(url: str) -> str:
    """The page an endpoint URL belongs to: `.json` and the query gone."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path.removesuffix(".json"), "", ""))
