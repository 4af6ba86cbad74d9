"""24liveblog: an embed whose posts the browser fetches from the vendor; the page has none.

The embed codes public code documents:
- `<div id="LB24_LIVE_CONTENT" data-eid="<event id>">` with `https://v.24liveblog.com/24.js`
  (oszuidwest/zw-liveblog, `zw-liveblog.php`);
- the older `<div id="24lb_thread" class="lb_<event id>">` with
  `//v.24liveblog.com/embed/24.js?id=<event id>`, and `iframe.lb24-iframe` whose `src` is
  `//v.24liveblog.com/iframe/?id=<event id>` (site code seen in public repositories);
- on AMP pages, the vendor's WordPress block writes that frame as an `<amp-iframe>`
  (common-repository/24liveblog, `src/block/block.js`).
The posts are JSON at `https://data.24liveplus.com/v1/retrieve_server/x/event/<event id>/news/`
(`nid`, `newstitle`, `contents`, `created` in epoch seconds; zw-liveblog reads it to write
the page's JSON-LD, which jsonld.py reads). The rendered posts (`.lb24-news-list-item`) exist
only in the browser, so the adapter reads nothing (`vendor.no_posts`) and `embeds` names
the event.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.extract.adapters.survey import Survey
from crawler.extract.adapters.vendor import (
    VendorEmbed,
    attribute,
    query_value,
    served_by,
    unique,
)
from crawler.extract.dom import Element

DOMAINS: tuple[str, ...] = ()
API = (
    "https://data.24liveplus.com/v1/retrieve_server/x/event/{eid}/news/?inverted_order=1&limit=100"
)

_CONTAINER_IDS = frozenset({"LB24_LIVE_CONTENT", "24lb_thread"})
_CONTAINERS = etree.XPath(
    "//*[@id='LB24_LIVE_CONTENT' or @id='24lb_thread']"
    " | //iframe[contains(@src, '24liveblog.com')] | //amp-iframe[contains(@src, '24liveblog.com')]"
    " | //script[contains(@src, '24liveblog.com') and contains(@src, 'id=')]"
)
_DETECT = etree.XPath(
    "boolean(//*[@id='LB24_LIVE_CONTENT' or @id='24lb_thread']"
    " | //iframe[contains(@src, '24liveblog.com')] | //amp-iframe[contains(@src, '24liveblog.com')])"
)
_THREAD_CLASS = re.compile(r"\blb_(\d+)\b")


def present(page: Survey) -> bool:
    """Whether the page could hold a 24liveblog container, frame or script."""
    return bool(page.ids & _CONTAINER_IDS) or page.loads(
        "24liveblog.com", "iframe", "amp-iframe", "script"
    )


def detect(root: Element) -> bool:
    """Whether the page embeds a 24liveblog event."""
    return bool(_DETECT(root))


def embeds(root: Element, url: str) -> list[VendorEmbed]:
    """Each embedded event, with the vendor's JSON of its posts."""
    found = []
    for element in _CONTAINERS(root):
        eid = _event_id(element)
        if eid:
            found.append(VendorEmbed("24liveblog", {"eid": eid}, API.format(eid=eid)))
    return unique(found)


def _event_id(element: Element) -> str | None:
    if element.tag in ("iframe", "amp-iframe", "script"):
        src = element.get("src")
        return query_value(src, "id") if served_by(src, "24liveblog.com") else None
    eid = attribute(element, "data-eid")
    if eid:
        return eid
    match = _THREAD_CLASS.search(element.get("class") or "")
    return match.group(1) if match else None
