"""AMP live blogs: `amp-live-list` items with unique ids; a `data-tombstone` item is a removal.

Item times are `data-sort-time` (and `data-update-time`) in epoch milliseconds or seconds.
A tombstoned item is kept as an Update with `removed=True`: the publisher says it is gone.
"""

from __future__ import annotations

from lxml import etree

from archive.records import Update
from archive.times import to_utc
from crawler.extract.clean import author_names
from crawler.extract.dom import Element, text_of
from crawler.extract.entries import html_update

DOMAINS = ("cdn.ampproject.org",)

_ITEMS = etree.XPath("//amp-live-list/*[@items]/*[@id]")
_DETECT = etree.XPath("boolean(//amp-live-list)")
_HEADINGS = ("h1", "h2", "h3", "h4")


def detect(root: Element) -> bool:
    """Whether the page is an AMP live list."""
    return bool(_DETECT(root))


def extract(root: Element, url: str) -> list[Update]:
    """Every item, in page order, tombstones included."""
    return [_item(item, url) for item in _ITEMS(root)]


def _item(item: Element, url: str) -> Update:
    published = to_utc(item.get("data-sort-time"))
    modified = to_utc(item.get("data-update-time"))
    if item.get("data-tombstone") is not None:
        return html_update(
            page_url=url,
            body=None,
            source_id=item.get("id"),
            published_at=published,
            modified_at=modified,
            removed=True,
        )
    headline_el = next(item.iter(*_HEADINGS), None)
    skip: list[Element] = [headline_el] if headline_el is not None else []
    authors: list[str] = []
    for element in item.iter():
        if not isinstance(element.tag, str):
            continue
        cls = element.get("class") or ""
        if element.tag in ("amp-timeago", "time") or "meta" in cls.split("__")[-1:]:
            skip.append(element)
        if "author" in cls and not authors:
            authors = author_names(text_of(element))
            skip.append(element)
    return html_update(
        page_url=url,
        body=item,
        source_id=item.get("id"),
        headline=text_of(headline_el) or None,
        skip=skip,
        published_at=published,
        modified_at=modified,
        authors=authors,
    )
