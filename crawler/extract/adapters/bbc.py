"""BBC live pages: older `article.lx-stream-post` posts, newer posts headed by an `h3#urn:…`.

Older pages (the "lx-stream"): `lx-stream-post__header` holds the time and the headline,
`lx-stream-post__contributor` the byline, `lx-stream-post-body` the body. Newer pages render
each post with hashed class names; what stays is the `h3` whose id is the post's urn
(`urn:…`, or the World Service's `asset:…`), so the post is the list item (or article)
around that heading; where the World Service's heading carries no id, it is the `h3` whose
`span[role=text]` holds the post's time banner (bbc/simorgh's `Post`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from lxml import etree

from archive.records import Update
from crawler.extract.adapters.survey import Survey
from crawler.extract.adapters.vendor import unescaped
from crawler.extract.clean import author_names, escape_text
from crawler.extract.dom import Element, drop_tree, text_of
from crawler.extract.endpoints import BBC_STREAM, Endpoint
from crawler.extract.entries import html_update
from crawler.extract.instant import machine_time
from crawler.extract.media import is_media_label

DOMAINS = ("bbc.co.uk", "bbc.com")
# What a response holds when `endpoints` can find anything in it.
MARKS = ("liveTextStreamId",)

_STREAM = etree.XPath("//article[contains(@class, 'lx-stream-post')]")
_URN_HEADINGS = etree.XPath("//h3[starts-with(@id, 'urn:') or starts-with(@id, 'asset:')]")
# bbc/simorgh's `Post` without an id on its heading: the heading's `span[role=text]` holds the
# post's time banner.
_SIMORGH_HEADINGS = etree.XPath("//article/h3[span[@role='text'][.//time]]")
# Screen-reader words ("Image caption, ", "published at "): not what the page shows, but for
# "Image source, " and "Media caption, ", by which a picture's credit and a video's caption
# are read.
_HIDDEN = etree.XPath("//*[contains(@class, 'visually-hidden')]")
_DETECT = etree.XPath(
    "boolean(//article[contains(@class, 'lx-stream-post')] | //h3[starts-with(@id, 'urn:')]"
    " | //h3[starts-with(@id, 'asset:')] | //article/h3[span[@role='text'][.//time]])"
)


def present(page: Survey) -> bool:
    """Whether the page has a stream post's class or an id that could be a urn heading's."""
    return page.classed("article", "lx-stream-post") or (
        "h3" in page.tags and (page.id_starting("urn:") or page.id_starting("asset:"))
    )


def detect(root: Element) -> bool:
    """Whether the page carries BBC live posts of either generation."""
    return bool(_DETECT(root))


def extract(root: Element, url: str) -> list[Update]:
    """Every post, in page order: the stream's articles, else the urn-headed posts."""
    for hidden in _HIDDEN(root):
        if not is_media_label(hidden.text or ""):  # (its credit's, its caption's: read by it)
            drop_tree(hidden)
    posts = [
        _stream_post(post, url)
        for post in _STREAM(root)
        if "lx-stream-post" in (post.get("class") or "").split()
    ]
    headings = _URN_HEADINGS(root) or _SIMORGH_HEADINGS(root)
    return posts or [_urn_post(h3, url) for h3 in headings]


def _stream_post(post: Element, url: str) -> Update:
    header = body = contributor = None
    for child in post.iter("header", "div"):
        cls = child.get("class") or ""
        if child.tag == "header" and header is None and "lx-stream-post__header" in cls:
            header = child
        elif "lx-stream-post-body" in cls.split() and body is None:
            body = child
        elif "lx-stream-post__contributor" in cls.split() and contributor is None:
            contributor = child
    scope = header if header is not None else post
    time_el = next(scope.iter("time"), None)
    headline_el = next(scope.iter("h3", "h2"), None)
    name = None
    if contributor is not None:
        name = next(
            (p for p in contributor.iter("p") if "contributor-name" in (p.get("class") or "")),
            None,
        )
    return html_update(
        page_url=url,
        body=body,
        source_id=post.get("id") or None,
        headline=text_of(headline_el) or None,
        published_at=machine_time(time_el.get("datetime")) if time_el is not None else None,
        shown=time_el,
        authors=author_names(text_of(name)) if name is not None else [],
        pinned="pinned" in (post.get("class") or ""),
    )


def _urn_post(h3: Element, url: str) -> Update:
    post = h3
    for ancestor in h3.iterancestors("li", "article"):
        post = ancestor
        break
    header = h3.getparent() if h3.getparent() is not None and h3.getparent() is not post else h3
    skip: list[Element] = [h3, *_embed_furniture(post)]
    if header is not None and header is not h3:
        skip.append(header)
    time_el = next(post.iter("time"), None)
    printed = None  # the clock a `Timestamp` span prints ("14:52", "21:19 BST 29 June")
    authors: list[str] = []
    for element in post.iter("div", "span"):
        cls = element.get("class") or ""
        if printed is None and ("Timestamp" in cls or element.get("data-testid") == "timestamp"):
            printed = element
        if "Contributor" in cls:
            skip.append(element)
            if "ContributorName" in cls and not authors:
                authors = author_names(text_of(element))
    headline, subheadlines = _headings(h3)
    update = html_update(
        page_url=url,
        body=post,
        source_id=h3.get("id"),
        headline=headline or None,
        skip=skip,
        published_at=machine_time(time_el.get("datetime")) if time_el is not None else None,
        shown=time_el if time_el is not None else printed,
        authors=authors,
    )
    if subheadlines:  # the words the heading says after its headline: the post's first
        update.body_text = "\n\n".join([*subheadlines, update.body_text]).strip()
        update.body_html = "".join(f"<p>{escape_text(s)}</p>" for s in subheadlines) + (
            update.body_html or ""
        )
    return update


def _embed_furniture(post: Element) -> list[Element]:
    """What the World Service sets around a social embed for screen readers and its notice:
    the link that skips it ("Skip twitter post", "跳过 Twitter 帖子"), the line that ends it
    ("End of twitter post", the link's target) and, between the embed and that line, its
    caption's warning ("Third party content may contain adverts"); the embed itself stays,
    and so does whatever else the box holds."""
    found = []
    for link in post.iter("a"):
        target = link.get("href") or ""
        box = link.getparent()
        if not target.startswith("#end-of-") or box is None:
            continue
        children = [child for child in box if isinstance(child.tag, str)]
        end = next((i for i, c in enumerate(children) if c.get("id") == target[1:]), None)
        embed = next(
            (
                i
                for i, c in enumerate(children)
                if next(c.iter("blockquote", "iframe"), None) is not None
            ),
            None,
        )
        if end is None or embed is None or not children.index(link) < embed < end:
            continue
        found += [link, *children[embed + 1 : end + 1]]
    return found


def _headings(h3: Element) -> tuple[str, list[str]]:
    """The headline and the subheadlines an urn's heading holds. The World Service's live
    pages (bbc/simorgh's `Post`) set in it, in one `span[role=text]`, a banner of the post's
    time and its "Breaking" label, then the headline and each subheadline after a hidden ", ";
    bbc.co.uk's hold the headline alone."""
    holder = next(h3.iter("span"), None)
    if holder is None or holder.get("role") != "text" or not any(True for _ in holder.iter("time")):
        return text_of(h3), []
    lines = [
        text
        for child in holder
        if not any(True for _ in child.iter("time"))  # the banner
        and child.get("data-testid") != "breaking-news-label"
        and (text := text_of(child)).strip(" ,")  # (a hidden ", " between them)
    ]
    return (lines[0], lines[1:]) if lines else ("", [])


# Endpoints ----------------------------------------------------------------------------------

# The page renders its first 20 posts; its data (`window.__INITIAL_DATA__`) keys the stream it
# came from as `stream?…liveTextStreamId=…&pageNumber=1&pageSize=20…`, whose further pages
# the page's script asks `/wc-data/container/stream` for.
_STREAM_SCRIPTS = etree.XPath("//script[contains(., 'liveTextStreamId')]")
_STREAM_KEY = re.compile(r"stream\?([^\"'\s<>\\]*liveTextStreamId=[^\"'\s<>\\]+)")
_STREAM_PATH = "/wc-data/container/stream"


def endpoints(root: Element, url: str) -> list[Endpoint]:
    """The page's post stream, from its first page: every post, not the first 20 only."""
    for script in _STREAM_SCRIPTS(root):
        match = _STREAM_KEY.search(unescaped(script.text or ""))
        if match:
            return [Endpoint(stream_url(url, match.group(1)), BBC_STREAM)]
    return []


def stream_url(page_url: str, query: str, number: int = 1) -> str:
    """The stream endpoint on the page's own site, at page `number` (20 posts a page)."""
    params = [(k, v) for k, v in parse_qsl(query) if k not in ("pageNumber", "pageSize")]
    params += [("pageNumber", str(number)), ("pageSize", "20")]
    site = urlsplit(page_url)
    return f"{site.scheme}://{site.netloc}{_STREAM_PATH}?{urlencode(params)}"
