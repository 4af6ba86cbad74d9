"""Sky News live pages: JSON-LD LiveBlogPosting (the newest posts) and `.ncpost-container`s.

The JSON-LD lists only the newest posts; the HTML posts carry the rest, the images with
their "Pic:" credits and the embeds.
"""

from __future__ import annotations

from lxml import etree

from crawler.extract.clean import author_names
from crawler.extract.dom import Element, text_of
from crawler.extract.entries import html_update
from crawler.extract.model import Update
from crawler.extract.times import to_utc

DOMAINS = ("news.sky.com", "sky.com")

_POSTS = etree.XPath("//div[contains(@class, 'ncpost-container')]")
_DETECT = etree.XPath(f"boolean({_POSTS.path})")


def detect(root: Element) -> bool:
    """Whether the page carries Sky News live posts."""
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
        if element.tag == "time" and time_el is None:
            time_el = element
        elif "ncpost-title" in cls and title is None:
            title = element
        elif "ncpost-content" in cls and body is None:
            body = element
        elif "ncpost-author" in cls and author is None:
            author = element
    return html_update(
        page_url=url,
        body=body,
        source_id=post.get("id") or None,
        headline=text_of(title) or None,
        published_at=to_utc(time_el.get("datetime")) if time_el is not None else None,
        authors=author_names(text_of(author)) if author is not None else [],
        pinned="pinned" in (post.get("class") or ""),
    )
