"""Sky News live pages: JSON-LD LiveBlogPosting (the newest posts) and `.ncpost-container`s.

The JSON-LD lists only the newest posts; the HTML posts carry the rest, the images with
their "Pic:" credits and the embeds.
"""

from __future__ import annotations

from lxml import etree

from archive.records import Update
from crawler.extract.adapters.classed import PostClasses, classed_post
from crawler.extract.adapters.survey import Survey
from crawler.extract.dom import Element

DOMAINS = ("news.sky.com", "sky.com")

_POSTS = etree.XPath("//div[contains(@class, 'ncpost-container')]")
_DETECT = etree.XPath(f"boolean({_POSTS.path})")
_CLASSES = PostClasses("ncpost-title", "ncpost-content", "ncpost-author")


def present(page: Survey) -> bool:
    """Whether the page has a div whose class could be a post container's."""
    return page.classed("div", "ncpost-container")


def detect(root: Element) -> bool:
    """Whether the page carries Sky News live posts."""
    return bool(_DETECT(root))


def extract(root: Element, url: str) -> list[Update]:
    """Every post, in page order."""
    return [_post(post, url) for post in _POSTS(root)]


def _post(post: Element, url: str) -> Update:
    return classed_post(post, url, _CLASSES, post.get("id") or None)
