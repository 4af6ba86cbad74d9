"""Reach plc live events: Mirror/CorkBeo `div.live-event-entry`, Express `div.live-events__entry`.

Times come from data attributes in epoch milliseconds (Mirror family) or seconds (Express);
the clock an entry shows, a local time, dates it where they are missing.
"""

from __future__ import annotations

from archive.records import Update
from crawler.extract.adapters.survey import Survey
from crawler.extract.clean import author_names
from crawler.extract.dom import Element, text_of
from crawler.extract.entries import html_update
from crawler.extract.instant import machine_time

DOMAINS = (
    "mirror.co.uk",
    "irishmirror.ie",
    "express.co.uk",
    "dailystar.co.uk",
    "corkbeo.ie",
    "dublinlive.ie",
    "belfastlive.co.uk",
    "dailyrecord.co.uk",
    "manchestereveningnews.co.uk",
    "liverpoolecho.co.uk",
    "walesonline.co.uk",
    "birminghammail.co.uk",
    "chroniclelive.co.uk",
    "bristolpost.co.uk",
    "plymouthherald.co.uk",
    "hulldailymail.co.uk",
    "examinerlive.co.uk",
    "leeds-live.co.uk",
    "mylondon.news",
    "kentlive.news",
    "cornwalllive.com",
    "devonlive.com",
    "nottinghampost.com",
    "derbytelegraph.co.uk",
    "stokesentinel.co.uk",
    "coventrytelegraph.net",
    "lincolnshirelive.co.uk",
    "gloucestershirelive.co.uk",
    "somersetlive.co.uk",
    "getsurrey.co.uk",
    "football.london",
    "hertfordshiremercury.co.uk",
    "cambridge-news.co.uk",
    "grimsbytelegraph.co.uk",
)

MIRROR_ENTRY = "live-event-entry"
EXPRESS_ENTRY = "live-events__entry"
# A cheap substring test in libxml2, to detect the markup.
_CANDIDATES = "//div[contains(@class, 'live-event')]"
_DETECT = f"boolean({_CANDIDATES})"
# Labels the Mirror puts where the byline goes.
_LABELS = frozenset({"key event", "pinned", "breaking", "live", "update", "latest"})


def present(page: Survey) -> bool:
    """Whether the page has a div whose class could be a live-event entry's."""
    return page.classed("div", "live-event")


def detect(root: Element) -> bool:
    """Whether the page carries Reach live-event entries."""
    return bool(root.xpath(_DETECT))


def extract(root: Element, url: str) -> list[Update]:
    """Every entry, in page order."""
    updates = []
    for entry in root.iter("div"):  # cheaper than the XPath: the class tokens decide anyway
        classes = (entry.get("class") or "").split()
        if EXPRESS_ENTRY in classes:
            updates.append(_express(entry, url))
        elif MIRROR_ENTRY in classes:
            updates.append(_mirror(entry, url))
    return updates


def _mirror(entry: Element, url: str) -> Update:
    info = content = None
    for child in entry:
        cls = child.get("class") or ""
        if "entry-info" in cls:
            info = child
        elif "entry-content" in cls:
            content = child
    headline_el = None
    if content is not None:
        headline_el = next(content.iterchildren("h3", "h2", "h4"), None)
    authors: list[str] = []
    if info is not None:
        for mark in info.iter("mark"):
            name = text_of(mark)
            if name and name.casefold() not in _LABELS and not name.isupper():
                authors += author_names(name)
    kind = (entry.get("data-type") or "").lower()
    headline = text_of(headline_el) or None
    return html_update(
        page_url=url,
        body=content,
        source_id=entry.get("id") or None,
        headline=headline,
        skip=[headline_el] if headline_el is not None else [],
        published_at=machine_time(entry.get("data-post-time")),
        shown=next(info.iter("time"), None) if info is not None else None,
        modified_at=machine_time(entry.get("data-last-modified-time")),
        authors=authors,
        pinned="pin" in kind,
    )


def _express(entry: Element, url: str) -> Update:
    """An Express entry: its info row (the clock it shows, the author's link), its headline
    (`live-events__entry-head`, or the plain `<h3>` public readers of the page document) and
    its words."""
    skip: list[Element] = []
    headline_el = shown = None
    authors: list[str] = []
    for child in entry:
        cls = child.get("class") or ""
        if "live-events__entry-info" in cls:
            skip.append(child)
            for element in child.iter():
                classes = element.get("class") or ""
                if element.tag == "a" and "live-events__entry-author" in classes:
                    authors += author_names(text_of(element))
                elif shown is None and (element.tag == "time" or "entry-time" in classes):
                    shown = element
        elif "live-events__entry-head" in cls or (
            headline_el is None and not cls and child.tag in ("h2", "h3", "h4")
        ):
            headline_el = child
            skip.append(child)
    return html_update(
        page_url=url,
        body=entry,
        source_id=entry.get("id") or None,
        headline=text_of(headline_el) or None,
        skip=skip,
        published_at=machine_time(entry.get("data-sort-time")),
        shown=shown,
        modified_at=machine_time(entry.get("data-update-time")),
        authors=authors,
        pinned="pinned" in (entry.get("class") or ""),
    )
