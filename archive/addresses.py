"""Addresses compared as pages of one document: what a blog's link to its older updates, and
a redirect of one of its older pages, may lead to and still be the blog's."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit


def same_document(url: str, here: str) -> bool:
    """Whether a link leads to another page of this document: its own path with another
    query (`?page=2`, `?page=with:block-…`), a path below it (`/updates/2`), or its path
    with a page number (`/2/`, `/page/3`, `…-2.html`), in its AMP rendering too
    (`/amp/live/blog?p=2`, which shows a reader the same older page); not the next article of
    a WordPress theme's post navigation (`<a rel="next">` to another slug, `…-live-blog-2/`
    among them), nor the site's home page, nor this very page in AMP (`/amp/live/blog`,
    `?amp=1`, `?utm_source=amp`)."""
    try:
        there, this = urlsplit(url), urlsplit(here)
    except ValueError:  # ("http://[oops/page/2": no address at all)
        return False
    if there.netloc.lower() != this.netloc.lower():
        return False
    query = _paging_query(there.query)
    if there.path.rstrip("/") == this.path.rstrip("/"):
        # Another query, unless it only asks for AMP or tags the visit.
        return there.query == this.query or query != _paging_query(this.query)
    ours, theirs = _AMP.sub("", this.path, 1), _AMP.sub("", there.path, 1)
    if theirs.rstrip("/") == ours.rstrip("/"):  # another page of it, not this one in AMP
        return bool(query) and query != _paging_query(this.query)
    ours, theirs = _stem(ours), _stem(theirs)
    return bool(ours) and (ours == theirs or theirs.startswith(f"{ours}/"))


# The segment that marks a page's AMP rendering (`/amp/live/blog`, `/live/blog/amp`).
_AMP = re.compile(r"/amp(?=/|$)", re.I)


def _paging_query(query: str) -> list[tuple[str, str]]:
    """A query's parameters, sorted, without those that only ask for the page's AMP rendering
    (`?amp=1`) or tag the visit (`utm_source`): this same page, not another."""
    return sorted(
        (name, value)
        for name, value in parse_qsl(query, keep_blank_values=True)
        if not _NOT_PAGING.fullmatch(name)
    )


_NOT_PAGING = re.compile(r"amp|amp_js_v|outputtype|usqp|utm_\w*", re.I)


def _stem(path: str) -> str:
    """A path without its trailing slash, its index file, its extension and a page number
    after it."""
    return _PAGE_SUFFIX.sub("", _INDEX.sub("", path.rstrip("/")))


# A page number: "page" and a number ("/page/3", "page-2", "-page-2.html"), a segment of its
# own after a word ("/2": not the day of a date, "/2024/05/02"), or a number before an
# extension ("-2.html").
_PAGE_SUFFIX = re.compile(
    r"(?:[-_/]page[-_/]?\d{1,3}|(?<!\d)/\d{1,2}|[-_]\d{1,2}(?=\.[a-z]{2,5}$))?"
    r"(?:\.[a-z]{2,5})?$",
    re.I,
)
_INDEX = re.compile(r"/index\.[a-z]{2,5}$", re.I)
