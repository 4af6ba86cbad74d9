"""Tickaroo's prefetch: `cdn.tickaroo.com/api/embed/v4/prefetch/liveblog.json?liveblogId=…`.

What Tickaroo's own ArcXP integration reads from it (Tickaroo/arcxp-plugin,
`content/sources/tickaroo-liveblog.js` and `TickarooLiveblog.jsx`): `html`, the embed with
its posts for the page, and `schema`, the blog's schema.org LiveBlogPosting, which it writes
into the page as JSON-LD. When `schema` is absent, the same schema is the `schemaOrg` string
of the `initialData` attribute in `html` (as a client that reads only `html` finds it). The
posts are read from that LiveBlogPosting and from the posts `html` renders (`div.tik4-event`,
adapters/tickaroo.py), merged; the prefetch names no further page.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from archive.records import Page
from crawler.extract.adapters import tickaroo
from crawler.extract.endpoints.markup import mapping, string
from crawler.extract.html import parse_fragment
from crawler.extract.jsonld import read_data
from crawler.extract.merge import merge

_INITIAL_DATA = re.compile(r'initialData="([^"]*)"')


def read_prefetch(data: Any, url: str) -> Page:
    """The blog's posts from the prefetch's schema.org data and the posts its html renders."""
    answer = mapping(data)
    schema = _schema(answer)
    markup = string(answer.get("html")) or ""
    root = parse_fragment(markup) if "tik4-event" in markup else None
    posts = tickaroo.extract(root, url) if root is not None else []
    if schema is None and not posts:
        return Page(url=url)
    ld = read_data([schema] if schema is not None else [], url)
    return Page(
        url=url,
        title=ld.title,
        publisher=ld.publisher,
        coverage_start=ld.coverage_start,
        coverage_end=ld.coverage_end,
        updates=merge(posts, [ld.updates], url),
        live_blog=True,
    )


def _schema(data: dict[str, Any]) -> Any | None:
    schema = data.get("schema")
    if isinstance(schema, str):
        schema = _loads(schema)
    if isinstance(schema, dict | list):
        return schema
    match = _INITIAL_DATA.search(string(data.get("html")) or "")
    initial = mapping(_loads(html.unescape(match.group(1)))) if match else {}
    found = initial.get("schemaOrg")
    return _loads(found) if isinstance(found, str) else found or None


def _loads(text: str) -> Any | None:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None
