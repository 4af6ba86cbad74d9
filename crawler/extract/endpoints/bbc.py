"""The BBC's live post stream: `/wc-data/container/stream?liveTextStreamId=…&pageNumber=N`.

The shape BBC's own code reads (bbc/simorgh's live page data, `liveTextStream.content.data`,
and the container as clients of `wc-data` read it): `results`, newest first, each post with
its `urn`, `dates.firstPublished` / `dates.lastPublished`, a `header` whose `headline` block
holds the title, and a `content` of nested blocks (`text` > `paragraph` > `fragment` /
`urlLink`, lists, `image` with `rawImage`, `subheadline`); then `page.index` and
`page.total`, the number of pages. The wc-data answer is the container itself, the page
data's copy sits under `data`: both are read. Every page but the last holds `pageSize` posts,
so the last page tells how many the stream has.
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from archive.records import FIDELITY_HTML, Page, Update
from archive.times import edited_at, to_utc
from crawler.extract.clean import optional_text
from crawler.extract.endpoints.markup import body_of, count, figure, items, mapping, string

SOURCE = "bbc-stream"
_ICHEF = "https://ichef.bbci.co.uk/ace/ws/800"


def read_stream(data: Any, url: str) -> Page:
    """One page of the stream: its posts, the next page, and on the last page their count."""
    container = mapping(data)
    if "results" not in container:
        container = mapping(container.get("data"))
    results = items(container.get("results"))
    paging = mapping(container.get("page"))
    index, total = count(paging.get("index")), count(paging.get("total"))
    number = _page_number(url)
    size = count(dict(parse_qsl(urlsplit(url).query)).get("pageSize"))
    next_urls = [_with_page(url, number + 1)] if index and total and index < total else []
    expected = None
    if index and total and index == total and size:
        expected = size * (total - 1) + len(results)
    return Page(
        url=url,
        updates=[u for u in (_post(r, url) for r in results) if u is not None],
        next_urls=next_urls,
        live_blog=True,
        updates_expected=expected,
    )


def _post(result: dict[str, Any], url: str) -> Update | None:
    urn = string(result.get("urn"))
    if urn is None:
        return None
    dates = mapping(result.get("dates"))
    headline = optional_text(_headline(mapping(result.get("header"))))
    text, markup, found = body_of(
        "".join(_block(b) for b in _blocks(result.get("content"))), url, headline
    )
    published = to_utc(string(dates.get("firstPublished")))
    modified = to_utc(string(dates.get("lastPublished")))
    return Update(
        source_id=urn,
        headline=headline,
        body_text=text,
        body_html=markup,
        published_at=published,
        modified_at=edited_at(published, modified),
        media=found,
        fidelity=FIDELITY_HTML,
        sources=[SOURCE],
    )


def _blocks(value: Any) -> list[dict[str, Any]]:
    """The blocks of a `{model: {blocks: [...]}}` holder."""
    return items(mapping(mapping(value).get("model")).get("blocks"))


def _headline(header: dict[str, Any]) -> str | None:
    for block in _blocks(header):
        if block.get("type") == "headline":
            return " ".join(_plain(b) for b in _blocks(block)).strip() or None
    return None


def _plain(block: dict[str, Any]) -> str:
    """The text of a block and all it holds."""
    text = string(mapping(block.get("model")).get("text"))
    if text is not None:
        return text
    return " ".join(_plain(b) for b in _blocks(block)).strip()


def _block(block: dict[str, Any]) -> str:
    """A content block as the markup the page shows for it."""
    kind = block.get("type")
    inner = _blocks(block)
    if kind == "text":
        return "".join(_block(b) for b in inner)
    if kind == "paragraph":
        return f"<p>{_inline(block)}</p>"
    if kind in ("unorderedList", "orderedList"):
        tag = "ul" if kind == "unorderedList" else "ol"
        rows = "".join(f"<li>{''.join(_block(b) for b in _blocks(li))}</li>" for li in inner)
        return f"<{tag}>{rows}</{tag}>"
    if kind in ("subheadline", "crosshead"):
        return f"<h3>{escape(_plain(block), quote=False)}</h3>"
    if kind == "image":
        return _image(inner)
    if kind == "quote":
        return f"<blockquote>{''.join(_block(b) for b in inner)}</blockquote>"
    return ""


def _inline(paragraph: dict[str, Any]) -> str:
    """A paragraph's fragments and links, bold and italic kept."""
    parts = _blocks(paragraph)
    if not parts:
        return escape(string(mapping(paragraph.get("model")).get("text")) or "", quote=False)
    out = []
    for part in parts:
        model = mapping(part.get("model"))
        if part.get("type") == "urlLink":
            href = escape(string(model.get("locator")) or "")
            out.append(f'<a href="{href}">{escape(_plain(part), quote=False)}</a>')
            continue
        text = escape(string(model.get("text")) or "", quote=False)
        found = model.get("attributes")
        attributes: list[Any] = found if isinstance(found, list) else []
        if "bold" in attributes:
            text = f"<b>{text}</b>"
        if "italic" in attributes:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


def _image(parts: list[dict[str, Any]]) -> str:
    """An `image` block: its `rawImage` (an iChef locator), caption and copyright."""
    raw = next((mapping(b.get("model")) for b in parts if b.get("type") == "rawImage"), {})
    caption = next((_plain(b) for b in parts if b.get("type") == "caption"), None)
    locator, origin = string(raw.get("locator")), string(raw.get("originCode"))
    src = locator if locator and "://" in locator else None
    if src is None and locator and origin:
        src = f"{_ICHEF}/{origin}/{locator}"
    return figure(src, caption, string(raw.get("copyrightHolder")))


def _page_number(url: str) -> int:
    return count(dict(parse_qsl(urlsplit(url).query)).get("pageNumber")) or 1


def _with_page(url: str, number: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "pageNumber"]
    query.append(("pageNumber", str(number)))
    return urlunsplit(parts._replace(query=urlencode(query)))
