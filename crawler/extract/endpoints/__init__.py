"""Requests that complete a pass: the publishers' and vendors' own JSON, as pages name it.

A live blog's page often shows only its newest posts, or bodies cut short; the rest is behind
the JSON its own script asks for. An adapter names those requests (`Adapter.endpoints`, and a
vendor's `VendorEmbed`), each an `Endpoint`: where, which reader reads it (`kind`), and
whether it may be fetched although it is on another host than the blog's (a vendor's API the
adapter names). `readers.read(kind, body, url)` turns a response into a Page whose
`next_urls` are the same endpoint's next pages (`follow`). Nothing here fetches, and this
module imports no adapter, so that adapters can name endpoints.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from archive.records import PARTIAL_KINDS, Page

# The kinds of endpoint, one reader each (readers.py).
GUARDIAN_PAGE_DATA = "guardian-pagedata"  # `<page>.json?dcr=true`: a page's full blocks
GUARDIAN_DELTA = "guardian-delta"  # `<page>.json?lastUpdate=block-<id>`: blocks since one
BBC_STREAM = "bbc-stream"  # `/wc-data/container/stream?liveTextStreamId=…&pageNumber=N`
LIVEBLOG24 = "24liveblog"
TICKAROO = "tickaroo"
SOURCEFABRIC = "sourcefabric"
ARENA = "arena"
ZDF = "zdf"
WP_LIVEBLOG = "wp-liveblog"  # Automattic's Liveblog for WordPress: `…/get-entries/<page>/…`


@dataclass(frozen=True)
class Endpoint:
    """One request that completes a pass, and the reader its answer needs."""

    url: str
    kind: str
    # On another host than the blog's, which the adapter names (a vendor's API): the fetch
    # boundary lets it through. An endpoint on the blog's own site needs no such leave.
    host_allowed: bool = False

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()


def lists_all(kind: str) -> bool:
    """Whether the endpoint's pages, followed to the end, list every post the blog shows."""
    return kind not in PARTIAL_KINDS  # a delta lists only what is new


def follow(endpoint: Endpoint, page: Page) -> list[Endpoint]:
    """The next pages of an endpoint that its reading names, best first (same kind, and on
    the endpoint's own host: a page of an API never sends the pass elsewhere)."""
    return [
        Endpoint(url, endpoint.kind, endpoint.host_allowed)
        for url in page.next_urls
        if (urlsplit(url).hostname or "").lower() == endpoint.host
        and urlsplit(url).port == urlsplit(endpoint.url).port
    ]


def allowed_hosts(endpoints: Iterable[Endpoint]) -> frozenset[str]:
    """The hosts besides the blog's own that a pass may fetch: those an adapter named."""
    return frozenset(e.host for e in endpoints if e.host_allowed and e.host)


def unique(endpoints: Iterable[Endpoint]) -> list[Endpoint]:
    """Each endpoint once (by URL and kind), in the order found."""
    return list(dict.fromkeys(endpoints))
