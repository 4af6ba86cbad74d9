"""NDTV live blogs: `li.liv-blg_li`, each wrapping a microdata liveBlogUpdate and its visible text.

The microdata articleBody is often cut short (an unescaped quote ends the attribute), so the
visible `div.liv-blg_txt` is the body; the item's own meta tags give its id and times, and
without them the time it shows (`div.liv-blg_dtime`: the date in spans, "21:06 (IST)").
"""

from __future__ import annotations

from archive.records import Update
from crawler.extract.adapters.survey import Survey
from crawler.extract.clock import visible_time
from crawler.extract.dom import Element, fragment_of, text_of
from crawler.extract.entries import html_update
from crawler.extract.instant import machine_time
from crawler.extract.microdata import properties, property_value

DOMAINS = ("ndtv.com",)

_CANDIDATES = "//li[contains(@class, 'liv-blg_li')]"
_DETECT = f"boolean({_CANDIDATES})"


def present(page: Survey) -> bool:
    """Whether the page has a list item whose class could be a live-blog item's."""
    return page.classed("li", "liv-blg_li")


def detect(root: Element) -> bool:
    """Whether the page carries NDTV live-blog list items."""
    return bool(root.xpath(_DETECT))


def extract(root: Element, url: str) -> list[Update]:
    """Every list item, in page order."""
    return [
        _update(entry, url)
        for entry in root.xpath(_CANDIDATES)
        if "liv-blg_li" in (entry.get("class") or "").split()
    ]


def _update(entry: Element, url: str) -> Update:
    body = title = stamp = None
    for element in entry.iter("div"):
        cls = element.get("class") or ""
        if body is None and "liv-blg_txt" in cls:
            body = element
        elif title is None and "liv-blg_ttl" in cls:
            title = element
        elif stamp is None and "liv-blg_dtime" in cls:
            stamp = element
    item = next(
        (e for e in entry.iter() if isinstance(e.tag, str) and e.get("itemscope") is not None), None
    )
    props = properties(item) if item is not None else {}

    def prop(name: str) -> str | None:
        found = props.get(name)
        return property_value(found[0]) if found else None

    entry_id = entry.get("id") or ""
    source_id = fragment_of(prop("url")) or entry_id.removesuffix("_parent") or None
    return html_update(
        page_url=url,
        body=body,
        source_id=source_id,
        headline=text_of(title) or None,
        skip=[title] if title is not None else [],
        published_at=machine_time(prop("datePublished")) or _shown_time(stamp),
        modified_at=machine_time(prop("dateModified")),
    )


def _shown_time(stamp: Element | None) -> str | None:
    """The time the item shows, for an item without its microdata: the date in spans
    ("November", "02", "2023") and the clock with its zone ("21:06 (IST)")."""
    if stamp is None:
        return None
    return visible_time(" ".join(stamp.itertext()))
