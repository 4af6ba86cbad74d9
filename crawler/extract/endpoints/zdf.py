"""ZDF's live blog items: `liveblog.zdf.de/api/channels/<channel>/blogitems/`.

The shape a public client of zdfheute's live blogs reads (Le0Developer/zdf-liveblogs,
`src/index.ts`): `results`, newest first, each item with its `guid`, `title`, `start` (ISO
8601), `text` (HTML), `sharing_url` (the item's own address on liveblog.zdf.de),
`is_top_blogitem` (marked "Wichtige Meldung"), and an `image` (`url`) with
`image_description`, `image_alt_text` and `image_source`. The listing is a paginated REST one
(`?limit=N`): `count` and `next` are read where it gives them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from archive.records import FIDELITY_HTML, Page, Update
from archive.times import to_utc
from crawler.extract.clean import optional_text
from crawler.extract.endpoints.markup import body_of, count, figure, items, mapping, string

SOURCE = "zdf"


def read_items(data: Any, url: str) -> Page:
    """One page of a channel's items, the next page and the count where the listing gives them."""
    listing = mapping(data)
    following = string(listing.get("next"))
    return Page(
        url=url,
        updates=[
            u for u in (_item(i, url) for i in items(listing.get("results"))) if u is not None
        ],
        next_urls=[urljoin(url, following)] if following else [],
        live_blog=True,
        updates_expected=count(listing.get("count")),
    )


def _item(item: dict[str, Any], url: str) -> Update | None:
    guid = string(item.get("guid"))
    if guid is None:
        return None
    headline = optional_text(string(item.get("title")))
    image = string(mapping(item.get("image")).get("url"))
    caption = string(item.get("image_description")) or string(item.get("image_alt_text"))
    markup = string(item.get("text")) or ""
    if image:
        markup += figure(urljoin(url, image), caption, string(item.get("image_source")))
    text, body_html, found = body_of(markup, url, headline)
    sharing = string(item.get("sharing_url"))
    return Update(
        source_id=guid,
        headline=headline,
        body_text=text,
        body_html=body_html,
        published_at=to_utc(string(item.get("start"))),
        media=found,
        permalink=urljoin(url, sharing) if sharing else None,
        key_event=bool(item.get("is_top_blogitem")),
        fidelity=FIDELITY_HTML,
        sources=[SOURCE],
    )
