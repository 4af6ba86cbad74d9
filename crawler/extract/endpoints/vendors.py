"""The endpoints of the vendors' embeds a page holds (adapters' `embeds`): each vendor's JSON.

A vendor's API is on the vendor's host, never the blog's: the adapter that found the embed
names that host, so the endpoint may be fetched (`host_allowed`).
"""

from __future__ import annotations

from collections.abc import Iterable

from crawler.extract.adapters.vendor import VendorEmbed
from crawler.extract.endpoints import (
    ARENA,
    LIVEBLOG24,
    SOURCEFABRIC,
    TICKAROO,
    Endpoint,
    sourcefabric,
    unique,
)

# The vendors whose JSON a reader knows, by the name their adapter gives the embed.
_KINDS = {
    "24liveblog": LIVEBLOG24,
    "tickaroo": TICKAROO,
    "arena": ARENA,
    "sourcefabric": SOURCEFABRIC,
}


def from_embeds(embeds: Iterable[VendorEmbed]) -> list[Endpoint]:
    """The JSON endpoint of each embed whose vendor has one (ScribbleLive's needs a token)."""
    found = []
    for embed in embeds:
        kind = _KINDS.get(embed.vendor)
        url = sourcefabric.api_url(embed) if kind == SOURCEFABRIC else embed.endpoint
        if kind and url:
            found.append(Endpoint(url, kind, host_allowed=True))
    return unique(found)
