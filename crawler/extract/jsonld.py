"""schema.org LiveBlogPosting in JSON-LD: the blog record and its liveBlogUpdate list."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from crawler.extract.clean import author_names, normalise_text, optional_text, web_url
from crawler.extract.dom import (
    Element,
    absolute,
    counts_places,
    fragment_of,
    ids_from_queries,
    one_query,
    page_of,
    without_fragment,
)
from crawler.extract.instant import machine_time
from crawler.extract.media import embed_record, image_record
from crawler.extract.structured import StructuredUpdate, clockless_headline, drop_lent

_MAX_DEPTH = 8
# Keys under which a page nests its main entity; anything else is searched too, but last.
_NESTING_KEYS = ("@graph", "mainEntity", "mainEntityOfPage", "about", "hasPart", "itemListElement")


@dataclass
class JsonLd:
    """What a page's JSON-LD says about the blog and its updates."""

    title: str | None = None
    publisher: str | None = None
    coverage_start: str | None = None
    coverage_end: str | None = None
    url: str | None = None  # the LiveBlogPosting's own address (http or https)
    updates: list[StructuredUpdate] = field(default_factory=list)
    live: bool = False  # a LiveBlogPosting is described, with or without its updates
    blocks: int = 0  # blocks read
    skipped: int = 0  # blocks that were not valid JSON


def read_jsonld(
    root: Element, page_url: str = "", gathered: Sequence[Element] | None = None
) -> JsonLd:
    """Every JSON-LD block of the page; a malformed one is skipped and the rest still read.

    `gathered`: the page's elements of several tags in page order, all its <script> among
    them (survey_gathering), read instead of a walk of the tree.
    """
    blocks: list[Any] = []
    skipped = 0
    for script in root.iter("script") if gathered is None else gathered:
        if script.tag != "script" or "ld+json" not in (script.get("type") or "").lower():
            continue
        data = parse_block(script.text or "")
        if data is None:
            skipped += 1
        else:
            blocks.append(data)
    result = read_data(blocks, page_url)
    result.blocks, result.skipped = len(blocks), skipped
    return result


def read_data(blocks: list[Any], page_url: str = "") -> JsonLd:
    """JSON-LD already parsed (script blocks, or the linkedData of a page-data endpoint)."""
    result = JsonLd()
    seen: set[str] = set()
    other_publisher = None  # a WebPage's or NewsArticle's, when the blog names none
    nodes = [node for data in blocks for node in _nodes(data, 0)]
    described = _described(nodes)
    for node in nodes:
        if _is_type(node, "LiveBlogPosting"):
            result.live = True
            _read_blog(node, result, seen, page_url, described)
        elif other_publisher is None:
            other_publisher = _publisher_name(node.get("publisher"))
    result.publisher = result.publisher or other_publisher
    return result


def parse_block(text: str) -> Any | None:
    """A JSON-LD block's data, or None when it is not JSON (comment wrappers tolerated).

    What templates write that JSON is not, where what they mean is plain, is read too: `//`
    and `/* */` comments, a comma before a closing bracket, several values one after the other
    (a list of them), a block escaped as HTML text (`{&quot;@type&quot;: …}`). Anything else
    malformed is None.
    """
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:].rstrip().removesuffix("-->")
    if text.startswith("//<![CDATA[") or text.startswith("<![CDATA["):
        text = text.split("[CDATA[", 1)[1].rstrip().removesuffix("//]]>").removesuffix("]]>")
    if not text:
        return None
    if _ESCAPED_FOR_HTML.match(text):
        text = _ENTITY.sub(lambda found: html.unescape(found.group()), text)
    try:
        return json.loads(text, strict=False)  # strict=False: raw newlines inside strings
    except (ValueError, RecursionError):
        return _lenient(text)


# A block a template escaped as HTML text, its quotes written `&quot;` (or `&#34;`) from the
# first key on: `{&quot;@type&quot;: …}`.
_ESCAPED_FOR_HTML = re.compile(r"[\[{]\s*&(?:quot|#34|#x22);", re.I)
# An entity with its semicolon: a template that escaped only the quotes leaves an address's
# bare ampersands (`?id=5&section=live`), which no "&sect" without one may take.
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _lenient(text: str) -> Any | None:
    """The block read with its comments and trailing commas left out, each of several values
    given one after another; None when that is not JSON either."""
    repaired = _without_comments(text)
    if repaired is None:
        return None
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    end = _next_value(repaired, 0)
    try:
        while end < len(repaired):
            value, end = decoder.raw_decode(repaired, end)
            values.append(value)
            end = _next_value(repaired, end)
    except (ValueError, RecursionError):
        return None
    if not values:
        return None
    return values[0] if len(values) == 1 else values


# Where a comment, a string or a comma may start; what ends a string; what closes a value.
_MARKS = re.compile(r'["/,]')
_STRING_END = re.compile(r'["\\]')
_CLOSING = re.compile(r"\s*[}\]]")


def _without_comments(text: str) -> str | None:
    """The text without its `//` and `/* */` comments and the commas that only a closing
    bracket follows, its strings as they are; None when a string or a comment is never
    closed. One pass over the text: hostile blocks of a million quotes or comment openings
    cost what their length does."""
    kept: list[str] = []
    copied = 0  # the text before this is in `kept`
    at = 0
    while (mark := _MARKS.search(text, at)) is not None:
        start = mark.start()
        char = text[start]
        if char == '"':
            inside = start + 1
            while True:  # to the closing quote, past escaped characters
                stop = _STRING_END.search(text, inside)
                if stop is None:
                    return None
                if text[stop.start()] == '"':
                    at = stop.start() + 1
                    break
                inside = stop.start() + 2
        elif char == ",":
            if _CLOSING.match(text, start + 1):
                kept.append(text[copied:start])
                copied = start + 1
            at = start + 1
        elif text.startswith("//", start):
            newline = text.find("\n", start)
            kept.append(text[copied:start])
            copied = at = len(text) if newline < 0 else newline
        elif text.startswith("/*", start):
            close = text.find("*/", start + 2)
            if close < 0:
                return None
            kept.append(text[copied:start])
            copied = at = close + 2
        else:
            at = start + 1
    kept.append(text[copied:])
    return "".join(kept)


def _next_value(text: str, start: int) -> int:
    """Where the next value starts: after the spaces, commas or semicolons between two."""
    while start < len(text) and text[start] in " \t\r\n,;":
        start += 1
    return start


def _nodes(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    """Every object in a block, outermost first, without descending into a blog's updates."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item, depth + 1)
        return
    if not isinstance(data, dict):
        return
    yield data
    if _is_type(data, "LiveBlogPosting"):
        return
    for key, value in data.items():
        if isinstance(value, dict | list) and (key in _NESTING_KEYS or depth < 3):
            yield from _nodes(value, depth + 1)


def _is_type(node: dict[str, Any], name: str) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(
        isinstance(k, str) and (k == name or k.endswith(("/" + name, ":" + name))) for k in kinds
    )


def _described(nodes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The nodes that describe something, by their @id: what a bare reference stands for."""
    found: dict[str, dict[str, Any]] = {}
    for node in nodes:
        node_id = node.get("@id")
        if isinstance(node_id, str) and node.keys() - _REFERENCE_KEYS:
            found.setdefault(node_id, node)
    return found


# A node of only these keys is a reference to a node described elsewhere (an @graph's way).
_REFERENCE_KEYS = frozenset({"@id", "@type"})


def _referenced(item: Any, described: dict[str, dict[str, Any]]) -> Any:
    """An update given by reference ({"@id": …} or its IRI alone): the node it names."""
    if isinstance(item, str):
        return described.get(item, item)
    if (
        isinstance(item, dict)
        and isinstance(item.get("@id"), str)
        and item.keys() <= _REFERENCE_KEYS
    ):
        return described.get(item["@id"], item)
    return item


def _read_blog(
    node: dict[str, Any],
    result: JsonLd,
    seen: set[str],
    page_url: str,
    described: dict[str, dict[str, Any]],
) -> None:
    result.title = result.title or optional_text(_string(node.get("headline") or node.get("name")))
    result.publisher = result.publisher or _publisher_name(node.get("publisher"))
    result.coverage_start = result.coverage_start or machine_time(
        _time(node.get("coverageStartTime"))
    )
    result.coverage_end = result.coverage_end or machine_time(_time(node.get("coverageEndTime")))
    updates = node.get("liveBlogUpdate")
    found: list[StructuredUpdate] = []
    blog_url = _string(node.get("url")) or _string(node.get("mainEntityOfPage"))
    result.url = result.url or _address(
        _string(node.get("url")) or _entity_url(node.get("mainEntityOfPage")), page_url
    )
    items = (
        _referenced(item, described)
        for item in (updates if isinstance(updates, list) else [updates])
    )
    read = [read_update(item, page_url, blog_url) for item in items if isinstance(item, dict)]
    for update in _without_positions(
        _ids_from_queries(_ids_from_own_queries(read, page_url, blog_url))
    ):
        if update.source_id is not None:
            if update.source_id in seen:
                continue
            seen.add(update.source_id)
        found.append(update)
    drop_lent(
        found,
        optional_text(_string(node.get("headline") or node.get("name"))),
        (machine_time(_time(node.get(key))) for key in ("datePublished", "dateModified")),
        (m["url"] for m in _media({"image": node.get("image")}, page_url)),
    )
    result.updates.extend(found)


def read_update(
    item: dict[str, Any], page_url: str = "", blog_url: str | None = None
) -> StructuredUpdate:
    """One liveBlogUpdate object; a relative url is resolved against the page."""
    node_id = _string(item.get("@id"))
    bare = _bare_id(node_id)
    url = _string(item.get("url")) or (None if bare else node_id)
    if url and page_url:
        url = absolute(url, page_url) or url
    if url and not bare and _post_in(node_id, url, page_url, blog_url):
        url = absolute(node_id, page_url) if page_url else node_id
    source_id = (
        fragment_of(url)
        or fragment_of(node_id)
        or bare
        or _sub_path_id(url, page_url)
        or _sub_path_id(url, blog_url)
    )
    body = item.get("articleBody") or item.get("text") or ""
    author = item.get("author") or item.get("creator")
    people, organisations = _people_and_organisations(author)
    published = _time(item.get("datePublished") or item.get("dateCreated"))
    modified = _time(item.get("dateModified"))
    published_at = machine_time(published)
    return StructuredUpdate(
        source="jsonld",
        source_id=source_id,
        permalink=web_url(url),  # never a javascript:, data: or file: "url"
        headline=clockless_headline(
            optional_text(_text(item.get("headline") or item.get("name"))),
            published,
            body if isinstance(body, str) else "",
        ),
        published_at=published_at,
        # Most updates were never edited: the same string, read once.
        modified_at=published_at if modified == published else machine_time(modified),
        authors=people,
        organisations=organisations,
        article_body=body if isinstance(body, str) else "",
        media=_media(item, page_url),
    )


def _media(item: dict[str, Any], page_url: str) -> list[dict[str, Any]]:
    """The picture and the videos an update names beside its body, for an update the page
    does not render (one it renders shows its own): `image` (an address or an ImageObject;
    of a list, the first, as the others are the same picture cropped to other shapes) and
    `video` (each VideoObject's embedUrl or contentUrl)."""
    found: list[dict[str, Any]] = []
    for key in ("image", "video"):
        value = item.get(key)
        if isinstance(value, list):
            value = value[:1] if key == "image" else value
        for one in value if isinstance(value, list) else [value]:
            url: str | None
            if isinstance(one, str):
                url, caption = one, None
            elif isinstance(one, dict):
                first = one.get("contentUrl") if key == "image" else one.get("embedUrl")
                url = _string(first or one.get("url") or one.get("contentUrl"))
                caption = optional_text(_text(one.get("caption") or one.get("name")))
            else:
                continue
            address = web_url(absolute(url, page_url)) if url else None
            if address is None or any(m["url"] == address for m in found):
                continue
            found.append(
                image_record(address, caption, None)
                if key == "image"
                else embed_record(address, kind="video")
            )
    return found


def _ids_from_queries(updates: list[StructuredUpdate]) -> list[StructuredUpdate]:
    """The updates, where their URLs differ but end in one fragment ("…?post=asset%3A1a2b#post",
    the BBC's), with the id their query names: that fragment names no update."""
    named = [update.source_id for update in updates if update.source_id is not None]
    if len(set(named)) == len(named):
        return updates  # (every id its own: the usual case, one look)
    urls: dict[str, set[str]] = {}
    for update in updates:
        if update.source_id is not None and update.permalink:
            urls.setdefault(update.source_id, set()).add(without_fragment(update.permalink))
    shared = {name for name, addresses in urls.items() if len(addresses) > 1}
    for update in updates:
        if update.source_id in shared and update.permalink:
            update.source_id = _query_id(update.permalink)
    return updates


def _without_positions(updates: list[StructuredUpdate]) -> list[StructuredUpdate]:
    """The updates, without ids that count places from the top (La Nación's `#parrafo_N`, the
    post's place among the story's elements): each is known by its words and the markup's
    own id instead (dom.counts_places)."""
    if counts_places([(u.source_id, u.published_at) for u in updates]):
        for update in updates:
            update.source_id = None
    return updates


def _ids_from_own_queries(
    updates: list[StructuredUpdate], page_url: str, blog_url: str | None
) -> list[StructuredUpdate]:
    """The updates, those without an id given the one where each such update's URL is the
    page's own with one query parameter naming it (dom.ids_from_queries)."""
    bare = [u for u in updates if u.source_id is None and u.permalink]
    if len(bare) < 2:
        return updates
    pages = {page_of(address) for address in (page_url, blog_url) if address}
    values = ids_from_queries((u.permalink or "" for u in bare), pages)
    for update, value in zip(bare, values or (), strict=False):
        update.source_id = value
    return updates


def _query_id(url: str) -> str:
    """The value of a URL's one query parameter ("asset:1a2b"), else the URL without its
    fragment."""
    query = one_query(url)
    return query[1] if query is not None else without_fragment(url)


def _people_and_organisations(author: Any) -> tuple[list[str], list[str]]:
    """The names of an update's authors: people (or names untyped), and organisations."""
    if not author:
        return [], []
    if type(author) is not list and not (
        type(author) is dict and "Organization" in str(author.get("@type"))
    ):
        return author_names(author), []  # (one person, or a name: the usual case)
    items = author if isinstance(author, list) else (author,)
    organisations = [a for a in items if type(a) is dict and "Organization" in str(a.get("@type"))]
    if not organisations:  # (the usual case: people only)
        return author_names(author), []
    return author_names([a for a in items if a not in organisations]), author_names(organisations)


def _sub_path_id(url: str | None, page_url: str | None) -> str | None:
    """CNN's post URLs are the page's path plus one segment (`…/live-news/story/h_1a2b`)."""
    if not url or not page_url:
        return None
    page = page_of(page_url).removesuffix("/index.html")
    head, _, segment = page_of(url).rpartition("/")
    return segment if head == page and segment and segment != "index.html" else None


def _post_in(node_id: str | None, url: str, page_url: str, blog_url: str | None) -> bool:
    """Whether an update's url is the page's own address (no query, no fragment) and its @id
    the address of a post on that page (ABC News's `…#live-blog-post-<id>`): the @id is then
    the update's permalink, where its url only names the blog."""
    if not node_id or "#" not in node_id or "#" in url or "?" in url:
        return False
    own = {page_of(address) for address in (page_url, blog_url) if address}
    target = absolute(node_id, page_url) if page_url else node_id
    return page_of(url) in own and page_of(target or node_id) == page_of(url)


def _bare_id(value: str | None) -> str | None:
    """An @id that is a plain token (the Guardian's block ids), not a URL: the update's id."""
    if not value:
        return None
    value = value.strip()
    if not value or len(value) > 100 or any(c in value for c in "/: \t\n#?"):
        return None
    return value


def _address(url: str | None, page_url: str) -> str | None:
    """An absolute http(s) address, resolved against the page."""
    return web_url(absolute(url, page_url) if url and page_url else url)


def _entity_url(value: Any) -> str | None:
    """mainEntityOfPage's address: a string, or the @id or url of a WebPage object."""
    if isinstance(value, dict):
        return _string(value.get("@id")) or _string(value.get("url"))
    return _string(value)


def _text(value: Any) -> str | None:
    """A text value: a string, or the first string of a list (never a number or an object)."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return value if isinstance(value, str) else None


def _time(value: Any) -> str | None:
    """A time's text; a template that escaped it for HTML ("10:14:29&#x2B;05:30") is read too."""
    text = _string(value)
    return normalise_text(text) if text and "&" in text else text


def _string(value: Any) -> str | None:
    if value.__class__ is str:
        return str(value)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | int | float)), None)
    if isinstance(value, bool) or value is None:
        return None
    return str(value) if isinstance(value, str | int | float) else None


def _publisher_name(value: Any) -> str | None:
    names = author_names(value)
    return names[0] if names else None
