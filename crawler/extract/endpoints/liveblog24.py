"""24liveblog's posts: `data.24liveplus.com/v1/retrieve_server/x/event/<eid>/news/`.

The shape public clients of the endpoint read (oszuidwest/zw-liveblog, which writes it into
the page's JSON-LD, and scripts that page through it): `err_code` 100 on success and
`data.news`, newest first with `inverted_order=1`, each post with its `nid`, `newstitle`,
`contents` (HTML) and `created` (epoch seconds); `data.count` is how many the event has.
The next page is asked for with `last_nid=<the last nid shown>` and the same `limit`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from archive.records import FIDELITY_HTML, Page, Update
from archive.times import to_utc
from crawler.extract.clean import optional_text
from crawler.extract.endpoints.markup import body_of, count, items, mapping, string

SOURCE = "24liveblog"


def read_news(data: Any, url: str) -> Page:
    """One page of an event's posts, the next page when this one is full, and their count."""
    body = mapping(mapping(data).get("data"))
    news = items(body.get("news"))
    updates = [u for u in (_post(n, url) for n in news) if u is not None]
    limit = count(dict(parse_qsl(urlsplit(url).query)).get("limit"))
    last = news[-1].get("nid") if news else None
    full = limit is not None and len(news) >= limit
    return Page(
        url=url,
        updates=updates,
        next_urls=[_after(url, str(last))] if full and last is not None else [],
        live_blog=True,
        updates_expected=count(body.get("count")),
    )


def _post(news: dict[str, Any], url: str) -> Update | None:
    nid = news.get("nid")
    if nid is None or isinstance(nid, bool):
        return None
    headline = optional_text(string(news.get("newstitle")))
    text, markup, found = body_of(string(news.get("contents")) or "", url, headline)
    return Update(
        source_id=str(nid),
        headline=headline,
        body_text=text,
        body_html=markup,
        published_at=to_utc(news.get("created")),
        media=found,
        fidelity=FIDELITY_HTML,
        sources=[SOURCE],
    )


def _after(url: str, nid: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "last_nid"]
    return parts._replace(query=urlencode([*query, ("last_nid", nid)])).geturl()
