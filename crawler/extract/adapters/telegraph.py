"""The Telegraph live blogs: `.live-post` with `time[datetime]`, `.live-post__title`, a body.

Its JSON-LD lists the newest updates with their times; the HTML post gives the full body,
the byline and the posts the JSON-LD leaves out.
"""

from __future__ import annotations

from lxml import etree

from archive.records import Update
from crawler.extract.adapters.classed import PostClasses, classed_post
from crawler.extract.adapters.survey import Survey
from crawler.extract.dom import Element

DOMAINS = ("telegraph.co.uk",)

_POSTS = etree.XPath("//*[contains(concat(' ', normalize-space(@class), ' '), ' live-post ')]")
_DETECT = etree.XPath("boolean(//*[contains(@class, 'live-post__title')])")
_CLASSES = PostClasses(
    "live-post__title", "live-post__body", "live-post__author-name", time_needs_datetime=True
)


def present(page: Survey) -> bool:
    """Whether the page has a class that could be a live post title's."""
    return page.classed(None, "live-post__title")


def detect(root: Element) -> bool:
    """Whether the page carries Telegraph live posts."""
    return bool(_DETECT(root))


def extract(root: Element, url: str) -> list[Update]:
    """Every post, in page order."""
    return [_post(post, url) for post in _POSTS(root)]


def _post(post: Element, url: str) -> Update:
    return classed_post(post, url, _CLASSES, post.get("id") or post.get("data-id") or None)
