"""The records extraction hands to the archive: plain data, no Scrapy, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How much of an update a source carries. The archive never lets a poorer
# reading of an update (JSON-LD text only) replace a richer one (the HTML
# entry with its markup and media) as a new version: see archive/store.py.
FIDELITY_STRUCTURED = 1
FIDELITY_HTML = 2


@dataclass
class Update:
    """One post of a live blog as one page showed it."""

    source_id: str | None = None
    headline: str | None = None
    body_text: str = ""
    body_html: str = ""
    published_at: str | None = None  # ISO 8601, UTC, "YYYY-MM-DDTHH:MM:SSZ"
    modified_at: str | None = None
    authors: list[str] = field(default_factory=list)
    # One shape per type, whatever the source (see media.MEDIA_KEYS): image {type, url,
    # caption, credit}; embed and video {type, url, provider, text}; quote {type, text,
    # attribution}. Absent values are None, never missing keys.
    media: list[dict[str, Any]] = field(default_factory=list)
    permalink: str | None = None
    pinned: bool = False
    # The publisher flags the update as a key event (the Guardian's keyEvent).
    key_event: bool = False
    # The page says the update was deleted (an AMP live-list tombstone): a removal the
    # publisher announced, not one inferred from absence.
    removed: bool = False
    fidelity: int = FIDELITY_HTML
    # Where the record came from, e.g. ["jsonld", "html"].
    sources: list[str] = field(default_factory=list)


@dataclass
class Page:
    """What one fetched page of a live blog holds."""

    url: str
    title: str | None = None
    publisher: str | None = None
    coverage_start: str | None = None
    coverage_end: str | None = None
    # Newest first, in the order the page shows them.
    updates: list[Update] = field(default_factory=list)
    # Absolute URLs of the page's older-updates links (rel=next, "Load more
    # updates", "Older posts"), best first; the spider keeps same-site ones.
    next_urls: list[str] = field(default_factory=list)
