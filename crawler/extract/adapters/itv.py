"""ITV News "Live updates": `article.update` in `.live-blog__updates` (the sample blog)."""

from __future__ import annotations

from archive.records import Update
from crawler.extract.adapters.survey import Survey
from crawler.extract.clean import author_names
from crawler.extract.dom import Element, text_of
from crawler.extract.entries import html_update
from crawler.extract.instant import machine_time

DOMAINS = ("itv.com",)

_CANDIDATES = "//article[contains(@class, 'update')]"
_DETECT = f"boolean({_CANDIDATES})"
_HEADER_TAGS = frozenset({"h1", "h2", "h3", "time", "span"})


def present(page: Survey) -> bool:
    """Whether the page has an article whose class could be an update's."""
    return page.classed("article", "update")


def detect(root: Element) -> bool:
    """Whether the page carries ITV-style update articles."""
    return bool(root.xpath(_DETECT))


def extract(root: Element, url: str) -> list[Update]:
    """Every update article, in page order."""
    # A tag-filtered walk (in C) and a look at each article's class: cheaper than the XPath.
    return [
        _update(entry, url)
        for entry in root.iter("article")
        if "update" in (entry.get("class") or "").split()
    ]


def _update(entry: Element, url: str) -> Update:
    header = body = None
    for child in entry:  # <header>, div.update__body, footer.update__share
        if child.tag == "header":
            header = child
        elif body is None and "update__body" in (child.get("class") or ""):
            body = child
    headline_el = time_el = None
    authors: list[str] = []
    for element in (header if header is not None else entry).iter():
        tag = element.tag
        if tag not in _HEADER_TAGS:
            continue
        if tag == "time":
            time_el = time_el if time_el is not None else element
        elif tag == "span":
            if "update__author" in (element.get("class") or ""):
                authors += [a for a in author_names(text_of(element)) if a not in authors]
        elif headline_el is None or "update__title" in (element.get("class") or ""):
            headline_el = element
    return html_update(
        page_url=url,
        body=body,
        source_id=entry.get("id") or entry.get("data-update-id") or None,
        headline=text_of(headline_el) or None,
        skip=[headline_el] if headline_el is not None else [],
        published_at=machine_time(time_el.get("datetime")) if time_el is not None else None,
        shown=time_el,
        authors=authors,
        pinned="pinned" in (entry.get("class") or ""),
    )
