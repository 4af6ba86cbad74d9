"""Readings of the same update from several sources, merged into one record per update.

Identity is the publisher's id: a structured update whose URL ends in #X and an HTML entry
with id X are one update. Structured data knows the times best (HTML often shows local clock
times); the HTML entry knows the body, its markup and its media.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from archive.records import FIDELITY_HTML, Update
from crawler.extract.structured import StructuredUpdate


def merge(
    html: list[Update],
    structured: Iterable[list[StructuredUpdate]],
    base_url: str,
) -> list[Update]:
    """Page order for HTML entries, then updates only structured data has, in its order."""
    readings = combine_structured(structured)
    by_id = {id_key(s.source_id): s for s in readings if s.source_id}
    by_headline = _unique_by_headline(s for s in readings if not s.source_id)
    used: set[int] = set()
    merged: list[Update] = []
    for update in dedupe_html(html):
        match = by_id.get(id_key(update.source_id)) if update.source_id else None
        if match is None and update.headline:  # only readings without an id are keyed so
            match = by_headline.get(fold(update.headline))
        if match is not None and id(match) not in used:
            used.add(id(match))
            update = enrich(update, match, base_url)
        merged.append(update)
    merged.extend(s.to_update(base_url) for s in readings if id(s) not in used)
    return merged


# "block-6030…" in the HTML is "6030…" in the Guardian's JSON-LD; "post-12" and "#12" too.
_ID_PREFIX = re.compile(r"^(?:block|post|update|entry|item|event|lb|p)[-_](?=.*\d)", re.I)


def id_key(source_id: str) -> str:
    """A publisher id without the word its markup puts before it: both spellings meet."""
    return _ID_PREFIX.sub("", source_id, count=1)


def combine_structured(sources: Iterable[list[StructuredUpdate]]) -> list[StructuredUpdate]:
    """JSON-LD first, then microdata; the same update from both becomes one record."""
    combined: list[StructuredUpdate] = []
    by_id: dict[str, StructuredUpdate] = {}
    for updates in sources:
        for update in updates:
            known = by_id.get(update.source_id) if update.source_id else None
            if known is not None:
                known.absorb(update)
                continue
            if update.source_id:
                by_id[update.source_id] = update
            combined.append(update)
    return combined


def dedupe_html(updates: list[Update]) -> list[Update]:
    """A pinned copy and the stream copy of one entry are one update (the first kept)."""
    kept: list[Update] = []
    by_id: dict[str, Update] = {}
    for update in updates:
        if update.source_id:
            first = by_id.get(update.source_id)
            if first is not None:
                first.pinned = first.pinned or update.pinned
                first.key_event = first.key_event or update.key_event
                continue
            by_id[update.source_id] = update
        kept.append(update)
    return kept


def enrich(update: Update, reading: StructuredUpdate, base_url: str) -> Update:
    """The HTML entry, with what structured data knows better or the HTML lacks."""
    update.source_id = update.source_id or reading.source_id
    update.headline = update.headline or reading.headline
    update.published_at = reading.published_at or update.published_at
    update.modified_at = reading.modified_at or update.modified_at
    update.authors = update.authors + [a for a in reading.authors if a not in update.authors]
    update.permalink = reading.permalink or update.permalink
    if not update.body_text and reading.article_body.strip():
        text, markup, _ = reading.body(base_url)
        if text:  # an entry whose body the page did not render: never lose the words
            update.body_text, update.body_html = text, update.body_html or markup
    update.fidelity = FIDELITY_HTML
    update.sources = reading.sources + [s for s in update.sources if s not in reading.sources]
    return update


def fold(headline: str) -> str:
    """A headline compared without case, spacing or quote style."""
    table = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    return " ".join(headline.casefold().translate(table).split())


def _unique_by_headline(readings: Iterable[StructuredUpdate]) -> dict[str, StructuredUpdate]:
    """Headline keys that name exactly one update: distinct updates may share a headline."""
    found: dict[str, StructuredUpdate | None] = {}
    for reading in readings:
        if reading.headline:
            key = fold(reading.headline)
            found[key] = None if key in found else reading
    return {key: reading for key, reading in found.items() if reading is not None}
