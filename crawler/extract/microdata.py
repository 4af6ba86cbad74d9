"""schema.org liveBlogUpdate items in microdata (itemprop/itemscope), as NDTV marks them up."""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.extract.clean import author_names, normalise_text, optional_text, web_url
from crawler.extract.dom import Element, absolute, fragment_of, inner_html, text_of
from crawler.extract.instant import machine_time
from crawler.extract.structured import StructuredUpdate, clockless_headline, drop_lent

# `//*` spelt as the one step it means: libxml2 walks it without a node set of the whole tree.
_ITEMS = "/descendant::*[@itemscope]"
_URL_TAGS = frozenset({"a", "link", "area"})
_SRC_TAGS = frozenset({"img", "audio", "video", "source", "iframe", "embed", "track"})


@dataclass
class Microdata:
    """What a page's microdata says about the blog and its updates."""

    title: str | None = None
    coverage_start: str | None = None
    coverage_end: str | None = None
    url: str | None = None  # the LiveBlogPosting item's own address (http or https)
    updates: list[StructuredUpdate] = field(default_factory=list)
    live: bool = False  # a LiveBlogPosting item is on the page, with or without its updates


def read_microdata(root: Element, page_url: str = "") -> Microdata:
    """The LiveBlogPosting item (if any) and every liveBlogUpdate item, in page order."""
    result = Microdata()
    items = root.xpath(_ITEMS)
    blog = next((i for i in items if "LiveBlogPosting" in (i.get("itemtype") or "")), None)
    own_times: list[str | None] = []
    if blog is not None:
        result.live = True
        props = properties(blog)
        result.title = optional_text(_value(props, "headline") or _value(props, "name"))
        result.coverage_start = machine_time(_value(props, "coverageStartTime"))
        result.coverage_end = machine_time(_value(props, "coverageEndTime"))
        result.url = _address(_value(props, "url"), page_url)
        own_times = [machine_time(_value(props, k)) for k in ("datePublished", "dateModified")]
    seen: set[str] = set()
    for item in items:
        if "liveBlogUpdate" not in (item.get("itemprop") or "").split():
            continue
        update = read_item(item, page_url)
        if update.source_id is not None:
            if update.source_id in seen:
                continue
            seen.add(update.source_id)
        result.updates.append(update)
    drop_lent(result.updates, result.title, own_times)
    return result


def read_item(item: Element, page_url: str = "") -> StructuredUpdate:
    """One liveBlogUpdate item; a relative url is resolved against the page."""
    props = properties(item)
    url = _value(props, "url")
    if url and page_url:
        url = absolute(url.strip(), page_url) or url
    published = _value(props, "datePublished") or _value(props, "dateCreated")
    body = _body(props)
    return StructuredUpdate(
        source="microdata",
        source_id=fragment_of(url) or fragment_of(item.get("itemid")),
        permalink=web_url(url),  # never a javascript:, data: or file: "url"
        headline=clockless_headline(
            optional_text(_value(props, "headline") or _value(props, "name")), published, body
        ),
        published_at=machine_time(published),
        modified_at=machine_time(_value(props, "dateModified")),
        authors=_authors(props.get("author", [])),
        organisations=_authors(props.get("author", []), organisations=True),
        article_body=body,
    )


def _address(url: str | None, page_url: str) -> str | None:
    """An absolute http(s) address, resolved against the page."""
    return web_url(absolute(url.strip(), page_url) if url and page_url else url)


def _body(props: dict[str, list[Element]]) -> str:
    """articleBody as a string; an element with markup in it keeps its markup (paragraphs)."""
    for name in ("articleBody", "text"):
        for element in props.get(name, ()):
            if element.get("content") is None and len(element):
                return inner_html(element)
            value = property_value(element)
            if value and value.strip():
                return value
    return ""


def properties(item: Element) -> dict[str, list[Element]]:
    """An item's own properties: descendants with itemprop, not those of nested items."""
    props: dict[str, list[Element]] = {}
    stack = list(reversed(item))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        names = element.get("itemprop")
        if names:
            for name in names.split():
                props.setdefault(name, []).append(element)
        if element.get("itemscope") is None:
            stack.extend(reversed(element))
    return props


def property_value(element: Element) -> str:
    """A property's value by the microdata rules: content, href, src, datetime or text."""
    content = element.get("content")
    if content is not None:
        return content
    tag = element.tag
    if tag in _URL_TAGS:
        return element.get("href") or ""
    if tag in _SRC_TAGS:
        return element.get("src") or ""
    if tag == "time":
        return element.get("datetime") or text_of(element)
    if tag in ("data", "meter"):
        return element.get("value") or ""
    if tag == "object":
        return element.get("data") or ""
    return text_of(element)


def _value(props: dict[str, list[Element]], name: str) -> str | None:
    for element in props.get(name, ()):
        value = property_value(element)
        if value and value.strip():
            return value
    return None


def _authors(elements: list[Element], organisations: bool = False) -> list[str]:
    """The names of the people who wrote an item, or (`organisations`) of the organisations
    named as its authors (the publisher: an update's author only where no person is)."""
    names: list[str] = []
    for element in elements:
        if ("Organization" in (element.get("itemtype") or "")) is not organisations:
            continue
        if element.get("itemscope") is not None:
            name = _value(properties(element), "name")
        else:
            name = property_value(element)
        for found in author_names(normalise_text(name)):
            if found not in names:
                names.append(found)
    return names
