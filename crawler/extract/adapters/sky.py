"""Sky News live pages: JSON-LD LiveBlogPosting (the newest posts) and `.ncpost-container`s.

The JSON-LD lists only the newest posts; the HTML posts carry the rest, the images with
their "Pic:" credits and the embeds. The markup is Norkon Live Center's, which other
publishers render too (Times of Malta): there a post is the box around its
`.ncpost-container` (`div.ncpost-list-post[role=article]`), whose header, beside the
container, holds its `time.ncpost-timestamp` and `.ncpost-byline`, and the container the
post's number in `data-ncpost-id` (public scrapers of both read them so).
"""

from __future__ import annotations

from collections import Counter
from itertools import islice

from lxml import etree

from archive.records import Update
from crawler.extract.adapters.classed import PostClasses, classed_post
from crawler.extract.adapters.survey import Survey
from crawler.extract.dom import Element

DOMAINS = ("news.sky.com", "sky.com")

_POSTS = etree.XPath("//div[contains(@class, 'ncpost-container')]")
_DETECT = etree.XPath(f"boolean({_POSTS.path})")
_CLASSES = PostClasses("ncpost-title", "ncpost-content", ("ncpost-author", "ncpost-byline"))
_WRAPPER_DEPTH = 3  # boxes around a container that may be its post's


def present(page: Survey) -> bool:
    """Whether the page has a div whose class could be a post container's."""
    return page.classed("div", "ncpost-container")


def detect(root: Element) -> bool:
    """Whether the page carries Sky News live posts."""
    return bool(_DETECT(root))


def extract(root: Element, url: str) -> list[Update]:
    """Every post, in page order."""
    containers = _POSTS(root)
    held: Counter[Element] = Counter()  # containers under each box around one
    for container in containers:
        for box in islice(container.iterancestors(), _WRAPPER_DEPTH):
            held[box] += 1
    return [_post(container, _post_box(container, held), url) for container in containers]


def _post_box(container: Element, held: Counter[Element]) -> Element:
    """The post a container belongs to: the largest box around it that holds no other."""
    post = container
    for box in islice(container.iterancestors(), _WRAPPER_DEPTH):
        if held[box] > 1 or (
            box.tag in ("body", "main", "article") and box.get("role") != "article"
        ):
            break
        post = box
    return post


def _post(container: Element, post: Element, url: str) -> Update:
    number = container.get("data-ncpost-id") or post.get("id") or container.get("id")
    return classed_post(post, url, _CLASSES, number or None)
