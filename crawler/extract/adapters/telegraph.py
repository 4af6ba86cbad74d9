"""The Telegraph live blogs: `.live-post` with `time[datetime]`, `.live-post__title`, a body.

Its JSON-LD lists the newest updates with their times; the HTML post gives the full body,
the byline and the posts the JSON-LD leaves out.
"""

from __future__ import annotations

from lxml import etree

from crawler.extract.clean import author_names
from crawler.extract.dom import Element, text_of
from crawler.extract.entries import html_update
from crawler.extract.model import Update
from crawler.extract.times import to_utc

DOMAINS = ("telegraph.co.uk",)

_POSTS = etree.XPath("//*[contains(concat(' ', normalize-space(@class), ' '), ' live-post ')]")
_DETECT = etree.XPath("boolean(//*[contains(@class, 'live-post__title')])")


def detect(root: Element) -> bool:
    """Whether the page carries Telegraph live posts."""
    return bool(_DETECT(root))


def extract(root: Element, url: str) -> list[Update]:
    """Every post, in page order."""
    return [_post(post, url) for post in _POSTS(root)]


def _post(post: Element, url: str) -> Update:
    title = body = author = time_el = None
    for element in post.iter():
        if not isinstance(element.tag, str):
            continue
        cls = element.get("class") or ""
        if element.tag == "time" and time_el is None and element.get("datetime"):
            time_el = element
        elif "live-post__title" in cls and title is None:
            title = element
        elif "live-post__body" in cls and body is None:
            body = element
        elif "live-post__author-name" in cls and author is None:
            author = element
    return html_update(
        page_url=url,
        body=body,
        source_id=post.get("id") or post.get("data-id") or None,
        headline=text_of(title) or None,
        published_at=to_utc(time_el.get("datetime")) if time_el is not None else None,
        authors=author_names(text_of(author)) if author is not None else [],
        pinned="pinned" in (post.get("class") or ""),
    )
