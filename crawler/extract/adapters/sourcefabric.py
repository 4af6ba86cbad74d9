"""Sourcefabric Live Blog (liveblog.pro, Superdesk Live Blog): the themes' server-rendered posts.

A publisher shows a Live Blog either by including the SEO theme's output in its own page
(Edge Side Includes) or in an iframe whose page is that same output. The markup is the
themes' Jinja templates in liveblog/liveblog, `server/liveblog/themes/themes_assets/`:
- default theme (`default/templates/template-post.html`, `template-timeline.html`,
  `template-author.html`, `template-item-*.html`): `article.lb-post[data-post-id]`, its
  `.lb-post-date[data-js-timestamp]` (the post's published_date, ISO 8601), the name in
  `.lb-author__name`, the items in `div.items-container > div.lb-item`, an "Updated" time in
  `.lb-post-updated-time[data-js-timestamp]`; pinned posts carry `data-post-sticky="True"` (or
  are `article.lb-sticky-top-post`), highlighted ones `.lb-post--highlighted`; deleted posts
  are not rendered;
- the older default theme (`default/templates/post.html`): `data-js-post-id`, items directly
  in the article;
- the AMP theme (`amp/templates/template-post.html`): `article.lb-post` with the post id
  (without `:-.`) as its `id`, `data-sort-time` / `data-update-time` in epoch seconds and
  `data-tombstone` on a deleted post;
- Zeit Online's forks (ZeitOnline/liveblog-default-theme, ZeitOnline/liveblog): the default
  theme dates a post in `span.relativeDate[data-js-timestamp]` (the time and date boxes of
  `.lb-post-metadata`), its last edit in `.lb-post-updated-time`; the default theme the
  ZeitOnline/liveblog server bundles (`themes_assets/default/templates/template-post.html`)
  dates it in `span.lb-post-metadata__date[data-js-timestamp]`, `relativeDate` only where the
  blog's date format is "ago", prints an edit's date and clock in `.lb-post-updated-time`
  without a machine time, and boxes a text item's words in a bare `<div>`; the AMP theme
  dates it in `amp-timeago.lb-post-timeago[datetime]`, moves a pinned post's `data-sort-time`
  ahead (`lb-post--sticky`: it sorts first) and boxes a text item's words in
  `div.lb-item__text`.
A post has no headline field: a heading that opens its first item is its headline. Posts of
type `advertisement` are the theme's ad slots, not posts. Embeds waiting for consent sit in
`<template>` and are gone with the other templates before adapters read the page.
The iframe embed (`iframe#liveblog-iframe`, its `src` the theme's public page) is `embeds`;
a theme's `window.LB` (its API host and blog id) names the posts API (`endpoints`).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode, urljoin

from lxml import etree

from archive.records import Update
from crawler.extract.adapters.survey import Survey
from crawler.extract.adapters.vendor import VendorEmbed
from crawler.extract.clean import author_names, strip_controls
from crawler.extract.dom import Element, absolute, scripts_saying, set_text, text_of
from crawler.extract.endpoints import SOURCEFABRIC, Endpoint
from crawler.extract.entries import html_update
from crawler.extract.instant import machine_time
from crawler.extract.media import largest_in_srcset

DOMAINS: tuple[str, ...] = ()
# What a response holds when `endpoints` can find anything in it.
MARKS = ("api_host",)

_POSTS = etree.XPath(
    "//article[@data-post-id or @data-js-post-id"
    " or (@id and (@data-sort-time or @data-tombstone) and contains(@class, 'lb-post'))]"
)
_DETECT = etree.XPath(
    "boolean(//article[(@data-post-id or @data-js-post-id or @data-sort-time)"
    " and (contains(@class, 'lb-post') or contains(@class, 'lb-sticky-top-post'))])"
)
_IFRAMES = etree.XPath("//iframe[@id='liveblog-iframe' or contains(@class, 'liveblog-iframe')]")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4"})
# The theme's options (liveblog/liveblog `embed.html`): `window.LB = {blog: {…"_id": …},
# settings: …, api_host: '…'}`.
_API_HOST = re.compile(r"""["']?api_host["']?\s*:\s*["'](https?://[^"']+)["']""")
_BLOG_ID = re.compile(
    r"""["']?blog["']?\s*:\s*\{.*?["']_id["']\s*:\s*["']([0-9a-f]{24})["']""", re.S
)
# The posts API as the default theme asks it (`viewmodel.js`): open posts, deleted ones left
# out (a post missing from a complete listing is gone), newest first by publication.
PAGE_SIZE = 50
_QUERY = json.dumps(
    {
        "query": {
            "filtered": {
                "filter": {
                    "and": [
                        {"term": {"post_status": "open"}},
                        {"not": {"term": {"deleted": True}}},
                    ]
                }
            }
        },
        "sort": [{"published_date": {"order": "desc"}}],
    },
    separators=(",", ":"),
)
# Post parts that are not its content, by class (the AMP and older themes put them beside
# the items in the article itself).
_NOT_CONTENT = ("lb-post-date", "lb-author", "lb-type", "pin-icon", "highlight-icon")
# The boxes that date a post: the default theme's, a box a script rewrites as how long ago, and
# the date box of Zeit Online's bundled theme, `relativeDate` only where the blog says "ago".
_DATE_BOXES = frozenset({"lb-post-date", "relativeDate", "lb-post-metadata__date"})


def present(page: Survey) -> bool:
    """Whether the page could hold a theme's posts or its iframe embed."""
    return page.classed("article", "lb-post", "lb-sticky-top-post") or (
        "iframe" in page.tags
        and ("liveblog-iframe" in page.ids or page.classed("iframe", "liveblog-iframe"))
    )


def detect(root: Element) -> bool:
    """Whether the page carries a Live Blog theme's posts."""
    return bool(_DETECT(root))


def extract(root: Element, url: str) -> list[Update]:
    """Every post, in page order (pinned ones where the theme puts them), ad slots left out."""
    return [
        _post(post, url)
        for post in _POSTS(root)
        if _is_post(post) and "advertisement" not in (post.get("class") or "").split()
    ]


def embeds(root: Element, url: str) -> list[VendorEmbed]:
    """The iframe embeds: their `src` is the theme's public page, rendered on the server."""
    found = []
    for iframe in _IFRAMES(root):
        page = absolute(iframe.get("src"), url)
        if page:
            found.append(VendorEmbed("sourcefabric", {"public_url": page}, page))
    return found


def endpoints(root: Element, url: str) -> list[Endpoint]:
    """The posts API a theme's output included in the page names in its `window.LB`."""
    found = []
    for text in scripts_saying(root, "api_host"):
        host, blog = _API_HOST.search(text), _BLOG_ID.search(text)
        if host and blog:
            found.append(Endpoint(posts_url(host.group(1), blog.group(1)), SOURCEFABRIC, True))
    return found


def posts_url(api_host: str, blog_id: str, page: int = 1) -> str:
    """`<api host>api/client_blogs/<blog id>/posts`: open posts, newest first, a page of them."""
    base = urljoin(api_host if api_host.endswith("/") else api_host + "/", "api/client_blogs/")
    query = urlencode({"max_results": PAGE_SIZE, "page": page, "source": _QUERY})
    return f"{base}{blog_id}/posts?{query}"


def _is_post(post: Element) -> bool:
    classes = post.get("class") or ""
    return "lb-post" in classes or "lb-sticky-top-post" in classes


def _post(post: Element, url: str) -> Update:
    source_id = post.get("data-post-id") or post.get("data-js-post-id") or post.get("id")
    if post.get("data-tombstone") is not None:
        return html_update(
            page_url=url,
            body=None,
            source_id=source_id,
            published_at=machine_time(post.get("data-sort-time")),
            modified_at=machine_time(post.get("data-update-time")),
            removed=True,
        )
    parts = _Parts(post)
    _normalise_items(post)
    headline_el = _opening_heading(parts.first_item)
    classes = (post.get("class") or "").split()
    return html_update(
        page_url=url,
        body=parts.body,
        source_id=source_id,
        headline=text_of(headline_el) or None,
        skip=parts.skip + ([headline_el] if headline_el is not None else []),
        # (A pinned post's sort time is moved ahead so that it sorts first: no time of its.)
        published_at=parts.published
        or (None if "lb-post--sticky" in classes else machine_time(post.get("data-sort-time"))),
        modified_at=parts.modified or machine_time(post.get("data-update-time")),
        modified_shown=parts.modified_shown,
        authors=parts.authors,
        pinned=_pinned(post, classes),
        key_event="lb-post--highlighted" in classes or parts.highlighted,
    )


class _Parts:
    """A post's body, the parts of it that are not content, its times and its byline."""

    def __init__(self, post: Element) -> None:
        self.post = post
        self.body: Element = post
        self.skip: list[Element] = []
        self.first_item: Element | None = None
        self.published: str | None = None
        self.modified: str | None = None
        self.modified_shown: Element | None = None  # an edit line that only prints its time
        self.authors: list[str] = []
        self.highlighted = False  # the older theme's `div.lb-post-highlighted`
        for element in post.iter("div", "span", "img", "amp-img", "amp-timeago"):
            self._read(element)
        if self.body is post:  # no items container: skip what is beside the items
            self.skip += [child for child in post if not _holds_items(child)]

    def _read(self, element: Element) -> None:
        cls = element.get("class") or ""
        if not cls:
            return
        if "items-container" in cls and self.body is self.post:
            self.body = element
        elif "lb-item" in cls.split() and self.first_item is None:
            self.first_item = element
        elif "lb-post-updated-time" in cls:
            self.modified = self.modified or machine_time(element.get("data-js-timestamp"))
            self.modified_shown = element
        elif _DATE_BOXES & set(cls.split()):
            self.published = self.published or machine_time(element.get("data-js-timestamp"))
        elif "lb-post-timeago" in cls.split():
            self.published = self.published or machine_time(element.get("datetime"))
        elif "lb-author__name" in cls and not self.authors:
            self.authors = _author(element)
        elif "lb-post-highlighted" in cls:
            self.highlighted = True
        if any(part in cls for part in _NOT_CONTENT):
            self.skip.append(element)


def _holds_items(child: Element) -> bool:
    """An item, or the indented container of a comment's items."""
    if not isinstance(child.tag, str):
        return True  # a comment or processing instruction: nothing to skip
    cls = child.get("class") or ""
    return "lb-item" in cls or "items-container" in cls


def _author(name: Element) -> list[str]:
    """The name in `.lb-author__name`, without the syndicating blog's title; none for a
    reader's comment that an editor published ("Comment by …", in the theme's language)."""
    holder = name.getparent()
    if holder is not None and any(
        "lb-author__avatar--comment" in (e.get("class") or "") for e in holder.iter("img")
    ):
        return []
    producer = [e for e in name.iter("span") if "lb-producer" in (e.get("class") or "")]
    text = text_of(name)
    for span in producer:
        text = text.replace(text_of(span), "").strip()
    return author_names(text)


def _pinned(post: Element, classes: list[str]) -> bool:
    """Sticky in the default theme's attribute or class; in the AMP theme, by its pin icon."""
    if (post.get("data-post-sticky") or "").lower() == "true" or "lb-sticky-top-post" in classes:
        return True
    return any("pin-icon" in (e.get("class") or "").split() for e in post.iter("img", "amp-img"))


def _opening_heading(item: Element | None) -> Element | None:
    """The heading a post's first item opens with: the post's headline."""
    if item is None:
        return None
    container = next((c for c in item if isinstance(c.tag, str)), None)
    if container is None:
        return None
    first = container if container.tag in _HEADINGS else None
    if first is None and _is_text_box(container) and not (container.text or "").strip():
        first = next((c for c in container if isinstance(c.tag, str)), None)
    return first if first is not None and first.tag in _HEADINGS else None


def _is_text_box(element: Element) -> bool:
    """A text item's box: the default theme's `<article>`, the AMP theme's `div.lb-item__text`,
    the bare `<div>` of the default theme Zeit Online's server bundles."""
    cls = (element.get("class") or "").split()
    return element.tag == "article" or "lb-item__text" in cls or (element.tag == "div" and not cls)


def _normalise_items(post: Element) -> None:
    """The theme's quote and image items, in the shape the body walker reads.

    A quote item's credit (`p.quote-credit` after the blockquote) is the quote's attribution;
    an image item's credit is marked in its figcaption, and its largest rendition is the
    `srcset` entry with the greatest width (`src` is the thumbnail).
    """
    for quote in post.iter("div"):
        if "item--embed-quote" not in (quote.get("class") or ""):
            continue
        blockquote = next(quote.iter("blockquote"), None)
        credit = next(
            (p for p in quote.iter("p") if "quote-credit" in (p.get("class") or "")), None
        )
        if blockquote is not None and credit is not None:
            credit.tag = "footer"
            blockquote.append(credit)
    for figure in post.iter("figure"):
        caption = next(figure.iter("figcaption"), None)
        if caption is not None:
            _mark_credit(caption)
        img = next(figure.iter("img"), None)
        if img is not None:
            largest = largest_in_srcset(img.get("srcset"))
            if largest:  # (an attribute may hold what a new one may not: a control character)
                img.set("src", strip_controls(largest))


def _mark_credit(caption: Element) -> None:
    """The credit of a figcaption: the default theme's bare `span`, or the words after the AMP
    theme's `<b>` label ("credit:" in the theme's language)."""
    for child in caption:
        if child.tag == "span" and not child.get("class"):
            child.set("class", "credit")
        elif child.tag == "b" and text_of(child).endswith(":") and (child.tail or "").strip():
            credit = etree.Element("span", {"class": "credit"})
            set_text(credit, child.tail)
            child.tail = None
            child.addnext(credit)
            caption.remove(child)
            return
