"""AMP live blogs: `amp-live-list` items with unique ids; a `data-tombstone` item is a removal.

Item times are `data-sort-time` (and `data-update-time`) in epoch milliseconds or seconds:
the order the list keeps, often when the post was created. The time the reader sees is the
item's `amp-timeago`, which the AMP runtime renders from its `datetime` (its text before
that is a raw epoch, never body text): instant.seen reconciles the two. A tombstoned item is
kept as an Update with `removed=True`: the publisher says it is gone. Ad slots the list holds
between posts (`amp-ad`, `amp-embed`, an empty ad container) are not posts.

A page may keep its header or a pinned summary fresh with a live list of its own, set to show
one item (`data-max-items-per-page="1"`, as CBS News does around its list of posts): beside a
list that shows more, such a list is the page's furniture, not posts.
"""

from __future__ import annotations

import re

from lxml import etree

from archive.records import Update
from crawler.extract import instant
from crawler.extract.adapters.survey import Survey
from crawler.extract.clean import author_names, normalise_text
from crawler.extract.clock import MONTHS
from crawler.extract.dom import Element, text_of
from crawler.extract.entries import html_update
from crawler.extract.instant import machine_time
from crawler.extract.lines import is_name

DOMAINS = ("cdn.ampproject.org",)

_LISTS = etree.XPath("//amp-live-list")
_ITEMS = etree.XPath("*[@items]/*[@id]")
_DETECT = etree.XPath("boolean(//amp-live-list)")
_HEADINGS = ("h1", "h2", "h3", "h4")
_AD_TAGS = ("amp-ad", "amp-embed", "amp-sticky-ad")
_TEXT_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "figure", "amp-img", "img")
# A line that is only a date and a clock ("14 August 2023 10:01", "Mon 14 Aug 10:01 BST",
# "20.10.2023 07:12", "2023-10-20 07:12"), labelled or not (Quintype's "Updated at: 5th Aug,
# 2024 at 3:25 PM"): a post's footer time, shown beside its byline.
_DATE_TIME = re.compile(
    r"(?:(?:last\s+)?(?:updated|posted|published|edited)(?:\s+(?:at|on))?\s*:?\s*)?"
    r"(?:[\w,./-]+\s+){1,4}\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?",
    re.I,
)
_DATED = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}/\d{1,2}"
    r"|\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?(?!\d)|\b\d{4}-\d\d-\d\d\b",  # 20.10.2023, 2023-10-20
    re.I,
)
_LONG_DATE_TIME = re.compile(
    r"(?:(?:last\s+)?(?:updated|posted|published|edited)(?:\s+(?:at|on))?\s*:?\s*)?"
    r"((?:[\w,./-]+\s+){5})\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?",
    re.I,
)
_DATE_WORD = re.compile(r"[^\s,./-]+")
_DATE_WORDS = frozenset(
    {"at", "on", "of", "the", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
)  # fmt: skip
_FOOTER_TAGS = frozenset({"span", "div", "small", "time"})
_AD_CLASS = re.compile(
    r"(?:^|[\s_-])(?:ads?|adverts?|advertisement|adslot|mpu|dfp|sponsored)(?:$|[\s_-])", re.I
)
_BYLINE_WORDS = 6
_TITLE_CLASS = re.compile(r"title|headline|heading", re.I)
_TITLE_MOST = 300  # characters: a longer box is the post, not its title


def present(page: Survey) -> bool:
    """Whether the page has an AMP live list."""
    return "amp-live-list" in page.tags


def detect(root: Element) -> bool:
    """Whether the page is an AMP live list."""
    return bool(_DETECT(root))


def extract(root: Element, url: str) -> list[Update]:
    """Every post, in page order, tombstones included; ad slots left out."""
    found = (_item(item, url) for live_list in _streams(root) for item in _ITEMS(live_list))
    return [update for update in found if update is not None]


def _streams(root: Element) -> list[Element]:
    """The page's live lists of posts: those of one item at a time left out beside others."""
    lists = _LISTS(root)
    streams = [live_list for live_list in lists if _page_size(live_list) != 1]
    return streams or lists


def _page_size(live_list: Element) -> int | None:
    """How many items the list shows at once, as its required attribute says; None unsaid."""
    value = (live_list.get("data-max-items-per-page") or "").strip()
    return int(value) if value.isdigit() else None


def _item(item: Element, url: str) -> Update | None:
    sorted_at = machine_time(item.get("data-sort-time"))
    if item.get("data-tombstone") is not None:
        return html_update(
            page_url=url,
            body=None,
            source_id=item.get("id"),
            published_at=sorted_at,
            modified_at=machine_time(item.get("data-update-time")),
            removed=True,
        )
    if is_ad_slot(item):
        return None
    headline_el = next(item.iter(*_HEADINGS), None)
    if headline_el is None:
        headline_el = _titled(item)
    skip: list[Element] = [headline_el] if headline_el is not None else []
    authors: list[str] = []
    shown = None
    own_link = "#" + (item.get("id") or "")
    for element in item.iter():
        if not isinstance(element.tag, str):
            continue
        cls = element.get("class") or ""
        if element.tag == "amp-timeago":
            shown = shown or machine_time(element.get("datetime") or text_of(element))
            skip.append(element)
        elif element.tag == "a" and element.get("href") == own_link:
            skip.append(element)  # the post's permalink, around its time: furniture
        elif element.tag in _AD_TAGS or element.tag == "time" or "meta" in cls.split("__")[-1:]:
            skip.append(element)
        elif "author" in cls and not authors:
            authors = author_names(text_of(element))
            skip.append(element)
        elif element.tag in _FOOTER_TAGS and len(element) == 0 and _is_dated_time(element):
            skip.append(element)
            byline = _byline_beside(element)
            if byline is not None:
                skip.append(byline)
                authors = authors or author_names(text_of(byline))
    published = instant.seen(shown, sorted_at)
    modified = instant.edited(published, machine_time(item.get("data-update-time")))
    update = html_update(
        page_url=url,
        body=item,
        source_id=item.get("id"),
        headline=text_of(headline_el) or None,
        skip=skip,
        published_at=published,
        modified_at=modified,
        authors=authors,
    )
    if not (update.headline or update.body_text or update.media):
        return None  # an empty slot the page fills later (an ad): no post
    return update


def _titled(item: Element) -> Element | None:
    """The post's title where no heading holds it: a box whose class says title or headline,
    before the post's first paragraph."""
    for element in item.iterdescendants():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "p":
            return None
        if _TITLE_CLASS.search(element.get("class") or ""):
            text = text_of(element)
            if text and len(text) <= _TITLE_MOST:
                return element
    return None


def is_ad_slot(item: Element) -> bool:
    """An ad container in the list: marked as one, or an ad component with no words around it."""
    if _AD_CLASS.search(item.get("class") or ""):
        return True
    if next(item.iter(*_AD_TAGS), None) is None:
        return False
    return next(item.iter(*_TEXT_TAGS), None) is None


def _is_dated_time(element: Element) -> bool:
    """Whether an element's whole text is a date with a clock: up to four words before the
    clock, or five where each is a date's ("Monday, 14 August 2023 at 10:01"), not a line of
    words ("Kick-off now Sunday 11 Aug, 16:30")."""
    text = normalise_text(element.text)
    if not _DATED.search(text):
        return False
    if _DATE_TIME.fullmatch(text):
        return True
    long = _LONG_DATE_TIME.fullmatch(text)
    return long is not None and all(
        w.isdigit() or w.lower() in _DATE_WORDS or w.lower() in MONTHS or w[:-2].isdigit()
        for w in _DATE_WORD.findall(long.group(1))
    )


def _byline_beside(element: Element) -> Element | None:
    """The name printed next to a post's footer time: a short line of words, no digits."""
    parent = element.getparent()
    if parent is None:
        return None
    for sibling in parent:
        if sibling is element or sibling.tag not in _FOOTER_TAGS:
            continue
        if len(sibling):  # a box around the name alone ("<div><div>Lena Hoffmann</div></div>")
            if is_name(text_of(sibling), 2):
                return sibling
            continue
        text = normalise_text(sibling.text)
        if text and len(text.split()) <= _BYLINE_WORDS and not any(c.isdigit() for c in text):
            return sibling
    return None
