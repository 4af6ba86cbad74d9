"""`read(kind, body, url)`: an endpoint's response as a Page, by the reader of its kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from archive.records import Page
from crawler.extract import instant
from crawler.extract.endpoints import (
    ARENA,
    BBC_STREAM,
    GUARDIAN_DELTA,
    GUARDIAN_PAGE_DATA,
    LIVEBLOG24,
    SOURCEFABRIC,
    TICKAROO,
    WP_LIVEBLOG,
    ZDF,
    arena,
    bbc,
    guardian,
    liveblog24,
    sourcefabric,
    tickaroo,
    wordpress,
    zdf,
)
from crawler.extract.endpoints.markup import data_of

READERS: dict[str, Callable[[Any, str], Page]] = {
    GUARDIAN_PAGE_DATA: guardian.read_page_data,
    GUARDIAN_DELTA: guardian.read_delta,
    BBC_STREAM: bbc.read_stream,
    LIVEBLOG24: liveblog24.read_news,
    TICKAROO: tickaroo.read_prefetch,
    SOURCEFABRIC: sourcefabric.read_posts,
    ARENA: arena.read_blog,
    ZDF: zdf.read_items,
    WP_LIVEBLOG: wordpress.read_entries,
}


def read(kind: str, body: bytes, url: str, fetched_at: str | None = None) -> Page:
    """The Page an endpoint's response holds; an empty Page when it is not the JSON expected.

    `fetched_at` (ISO 8601 UTC) bounds the times as for a page: none more than a day after
    the fetch, none before 1990.
    """
    reader = READERS.get(kind)
    data = data_of(body)
    if reader is None or data is None:
        return Page(url=url)
    page = reader(data, url)
    page.updates = [u for u in page.updates if u.headline or u.body_text or u.media or u.removed]
    for update in page.updates:
        update.published_at = instant.plausible(update.published_at, fetched_at)
        update.modified_at = instant.plausible(update.modified_at, fetched_at)
    return page
