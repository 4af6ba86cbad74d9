"""CNN live stories: `article[data-last-updated]` posts, the per-post URL in the share button.

A post's header shows "5:32 p.m. ET, October 8, 2023", its publication in the newsroom's
zone; `data-last-updated` is the last edit. Posts have no id attribute: the share button's
URL (`…/live-news/<story>/h_<hash>`) names the post, and its last segment is the id.
"""

from __future__ import annotations

from lxml import etree

from archive.records import Update
from crawler.extract.adapters.survey import Survey
from crawler.extract.clean import author_names
from crawler.extract.clock import visible_time
from crawler.extract.dom import Element, absolute, text_of
from crawler.extract.entries import html_update
from crawler.extract.instant import machine_time

DOMAINS = ("cnn.com",)

_POSTS = etree.XPath("//article[@data-last-updated]")
_DETECT = etree.XPath("boolean(//article[@data-last-updated and contains(@class, 'live-story')])")
_SHARE_URL = ("data-share-url", "data-url", "href")


def present(page: Survey) -> bool:
    """Whether the page has an article whose class could be a live story's."""
    return page.classed("article", "live-story")


def detect(root: Element) -> bool:
    """Whether the page carries CNN live-story posts."""
    return bool(_DETECT(root))


def extract(root: Element, url: str) -> list[Update]:
    """Every post, in page order."""
    return [_post(post, url) for post in _POSTS(root)]


def _post(post: Element, url: str) -> Update:
    header = byline = content = share = None
    for element in post.iter("header", "div"):
        cls = element.get("class") or ""
        if "live-story-post__header" in cls and header is None:
            header = element
        elif "live-story-post__byline" in cls and byline is None:
            byline = element
        elif "live-story-post__content" in cls and content is None:
            content = element
        elif "live-story-post__share" in cls and share is None:
            share = element
    scope = header if header is not None else post
    headline_el = next(scope.iter("h2"), None)
    stamp = next(
        (e for e in scope.iter("div", "span") if "timestamp" in (e.get("class") or "")), None
    )
    published = visible_time(text_of(stamp)) if stamp is not None else None
    permalink = _share_url(share, url) if share is not None else None
    source_id = permalink.rstrip("/").rpartition("/")[2] if permalink else None
    names = []
    if byline is not None:
        names = [
            text_of(n) for n in byline.iter("span") if "byline__name" in (n.get("class") or "")
        ]
    return html_update(
        page_url=url,
        body=content,
        source_id=source_id or None,
        headline=text_of(headline_el) or None,
        published_at=published,
        modified_at=machine_time(post.get("data-last-updated")),
        authors=author_names([n for n in names if n]),
        permalink=permalink,
    )


def _share_url(share: Element, url: str) -> str | None:
    for element in share.iter():
        for attr in _SHARE_URL:
            value = element.get(attr) if isinstance(element.tag, str) else None
            if value and "/h_" in value:
                return absolute(value, url)
    return None
