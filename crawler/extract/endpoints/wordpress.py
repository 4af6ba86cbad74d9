"""The entries of Automattic's Liveblog plugin for WordPress: `<endpoint_url>get-entries/<page>/…`.

The shape the plugin's code answers (Automattic/liveblog: `WPCOM_Liveblog::get_entries_paged`
and each entry's `for_json`): `entries`, newest first, `page` and `pages`. Each entry has its
`id`, `type` ("new", "update", or "delete" in a polling answer), `render` (the HTML shown),
`content` (the editor's source), `css_classes` (`type-key` on a key event), `timestamp` (its
latest version's time, epoch seconds), `entry_time` (the first version's), `authors` (each with
a `name`) and `share_link`; some versions add a `headline` and a `key_event` flag. The paged
listing has already dropped deleted entries. The next page is the same address with the next
page number. An entry's source id is the anchor the plugin's server renders for it,
`liveblog-entry-<id>` (crawler/extract/adapters/wordpress.py).
"""

from __future__ import annotations

import re
from typing import Any

from archive.records import FIDELITY_HTML, Page, Update
from archive.times import edited_at, to_utc
from crawler.extract.clean import author_names, optional_text
from crawler.extract.endpoints.markup import body_of, count, items, mapping, string

SOURCE = "wp-liveblog"

_PAGE = re.compile(r"(/get-entries/)(\d+)(/)")


def entry_id(number: str | None) -> str | None:
    """An entry's source id: the anchor the plugin's server renders for it."""
    return f"liveblog-entry-{number}" if number else None


def read_entries(data: Any, url: str) -> Page:
    """One page of a liveblog's entries, and the next page while there is one."""
    listing = mapping(data)
    page, pages = count(listing.get("page")), count(listing.get("pages"))
    following = []
    if page is not None and pages is not None and page < pages and _PAGE.search(url):
        following = [_PAGE.sub(lambda m: f"{m[1]}{page + 1}{m[3]}", url, count=1)]
    return Page(
        url=url,
        updates=[u for u in (_entry(e, url) for e in items(listing.get("entries"))) if u],
        next_urls=following,
        live_blog=True,
    )


def _entry(entry: dict[str, Any], url: str) -> Update | None:
    number = entry.get("id")
    if isinstance(number, bool) or not isinstance(number, int | str):
        return None
    source_id = entry_id(str(number).strip())
    if source_id is None:
        return None
    if entry.get("type") == "delete":
        return Update(source_id=source_id, removed=True, sources=[SOURCE])
    headline = optional_text(string(entry.get("headline")))
    markup = string(entry.get("render")) or string(entry.get("content")) or ""
    text, body_html, found = body_of(markup, url, headline)
    published = to_utc(entry.get("entry_time")) or to_utc(entry.get("timestamp"))
    classes = (string(entry.get("css_classes")) or "").split()
    names = [string(a.get("name")) for a in items(entry.get("authors"))]
    share = string(entry.get("share_link"))
    return Update(
        source_id=source_id,
        headline=headline,
        body_text=text,
        body_html=body_html,
        published_at=published,
        modified_at=edited_at(published, to_utc(entry.get("timestamp"))),
        authors=author_names([n for n in names if n]),
        media=found,
        permalink=share,
        key_event=bool(entry.get("key_event")) or "type-key" in classes,
        fidelity=FIDELITY_HTML,
        sources=[SOURCE],
    )
