"""Tickaroo: the `<tickaroo-liveblog>` web component, whose posts the browser fetches.

The embed Tickaroo's own integration writes (Tickaroo/arcxp-plugin,
`components/chains/article-body/_children/TickarooLiveblog.jsx`):
`<tickaroo-liveblog liveblogId="…" themeId="…" clientId="…">` with
`//cdn.tickaroo.com/webng/embedjs/tik4.js`. With its SEO option the same integration asks
`https://cdn.tickaroo.com/api/embed/v4/prefetch/liveblog.json?liveblogId=…&client_id=…&themeId=…`
(`content/sources/tickaroo-liveblog.js`) and puts the answer's `html` in
`#tickaroo-liveblog-container` and its `schema` in a JSON-LD script, which jsonld.py reads.
`embeds` names the liveblog and its endpoint.

The posts, where the page holds them (the prefetch's `html`, server-rendered inside the
element, as on DER SPIEGEL's Tickaroo liveblog of 18 September 2024, saved in
joshuaKnauber/pagers-in-headlines `data/germany/raw/spiegel/0c74f9ad5e7c6210.html`): each a
`div.tik4-event[data-tickaroo-event-id]` in `div.tik4-event-list`, flagged
`tik4-event--pin` and `tik4-event--highlight`; its `time.tik4-meta__ts[datetime]` in UTC
(the printed clock is UTC too where the server renders in UTC: the attribute is the
instant), the author in `.tik4-author__name__t`, then content blocks: rich text (an optional
`<h2>` title, `<div>`s whose paragraphs `<br><br>` part), images in `.tik4-media-item` with
their caption in `.tik4-media-body__title` and credit in `.tik4-media-body__credit`, web
embeds; each post ends with its share buttons. The "Wichtige Updates" box (`.tik4-hs`)
repeats highlighted posts' titles: no posts.

Tickaroo's older embed is a frame, `cdn.tickaroo.com/embed/amp/tik3.html?client_id=…&id=…`:
in an `<iframe>`'s src, or only in the page's script data where a CMS keeps its embeds (Arc
XP's `customEmbed` of subtype `tickaroo` on RND's "Nahost-Liveticker", 2024, whose saved page
in joshuaKnauber/pagers-in-headlines holds no frame at all). Its `id` is the liveblog's, and
with `client_id` names the same prefetch.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

from lxml import etree

from archive.records import Update
from crawler.extract.adapters.survey import Survey
from crawler.extract.adapters.vendor import VendorEmbed, attribute, unescaped, unique
from crawler.extract.clean import author_names, strip_controls
from crawler.extract.dom import Element, text_of
from crawler.extract.entries import html_update
from crawler.extract.instant import machine_time

DOMAINS: tuple[str, ...] = ()
API = "https://cdn.tickaroo.com/api/embed/v4/prefetch/liveblog.json"

_EMBEDS = etree.XPath("//tickaroo-liveblog")
# The embed's element, or the posts a publisher renders from it without one (the Süddeutsche).
_DETECT = etree.XPath(
    "boolean(//tickaroo-liveblog | //div[@data-tickaroo-event-id and contains(@class, 'tik4-event')])"
)


# What a page's scripts hold where a CMS keeps a Tickaroo frame's address in its data.
MARKS = ("tickaroo.com",)
# A tik3 frame's address, as a page writes it in an attribute or in script data (its `/`
# and `&` escaped for JSON, HTML or JavaScript).
_FRAME = re.compile(
    r"tickaroo\.com(?:\\?/)+embed(?:\\?/)+(?:[\w.-]+(?:\\?/)+)*tik3\.html\?[^\s\"'<>]*"
)


def present(page: Survey) -> bool:
    """Whether the page has a Tickaroo element or frame, or its posts' markup."""
    return (
        "tickaroo-liveblog" in page.tags
        or page.loads("tickaroo.com/embed", "iframe")
        or page.classed("div", _EVENT)
    )


def detect(root: Element) -> bool:
    """Whether the page embeds a Tickaroo liveblog, or renders its posts."""
    return bool(_DETECT(root))


def embeds(root: Element, url: str) -> list[VendorEmbed]:
    """Each embedded liveblog, with the prefetch endpoint when the client id is on the page."""
    found = []
    for element in _EMBEDS(root):
        liveblog = attribute(element, "liveblogId")
        if not liveblog:
            continue
        ids = {"liveblogId": liveblog}
        for name in ("clientId", "themeId"):
            value = attribute(element, name)
            if value:
                ids[name] = value
        found.append(VendorEmbed("tickaroo", ids, _endpoint(ids)))
    return unique(found + frames(root))


def extract(root: Element, url: str) -> list[Update]:
    """The posts the embed's server-rendered markup holds, in page order (none where the
    browser fetches them)."""
    return [
        _post(event, url)
        for event in root.iter("div")
        if _EVENT in (event.get("class") or "").split() and event.get("data-tickaroo-event-id")
    ]


_EVENT = "tik4-event"
# A post's parts that are no words of it: its time and author, its share buttons, the
# consent switch beside an embed.
_NOT_BODY = ("tik4-meta", "tik4-author", "tik4-sharing", "tik4-we-toggle")


def _post(event: Element, url: str) -> Update:
    classes = (event.get("class") or "").split()
    time_el = author = headline_el = None
    first_text = True  # the first rich-text block, whose opening <h2> is the title
    skip: list[Element] = []
    for element in event.iter():
        if not isinstance(element.tag, str):
            continue
        cls = (element.get("class") or "").split()
        if element.tag == "time" and time_el is None:
            time_el = element
        elif any(part in cls for part in _NOT_BODY):
            skip.append(element)
        elif "tik4-author__name__t" in cls and author is None:
            author = element
        elif "tik4-rich-text" in cls and first_text:
            first_text = False
            opening = element[0] if len(element) and not (element.text or "").strip() else None
            if opening is not None and opening.tag in ("h2", "h3"):
                headline_el = opening
                skip.append(opening)
        elif "tik4-media-item--image" in cls:
            element.tag = "figure"  # its picture and caption, read as a figure's
        elif "tik4-media-body__title" in cls:
            element.tag = "figcaption"
        elif element.get("data-tik4-we-url"):  # a web embed: the post or page it shows
            element.set("data-embed-url", strip_controls(element.get("data-tik4-we-url") or ""))
    return html_update(
        page_url=url,
        body=event,
        source_id=event.get("data-tickaroo-event-id"),
        headline=text_of(headline_el) or None,
        skip=skip,
        published_at=machine_time(time_el.get("datetime")) if time_el is not None else None,
        authors=author_names(text_of(author)) if author is not None else [],
        pinned="tik4-event--pin" in classes,
        key_event="tik4-event--highlight" in classes,
    )


def frames(root: Element) -> list[VendorEmbed]:
    """Each tik3 frame the page names, in an `<iframe>` or in its scripts' data."""
    texts = [f.get("src") or "" for f in root.iter("iframe")]
    texts += [s.text or "" for s in root.iter("script") if "tickaroo" in (s.text or "")]
    found = []
    for text in texts:
        for match in _FRAME.finditer(text):
            params = dict(parse_qsl(unescaped(match.group(0).split("?", 1)[1])))
            liveblog = params.get("id", "").strip()
            if not liveblog:
                continue
            ids = {"liveblogId": liveblog}
            if params.get("client_id", "").strip():
                ids["clientId"] = params["client_id"].strip()
            found.append(VendorEmbed("tickaroo", ids, _endpoint(ids)))
    return found


def _endpoint(ids: dict[str, str]) -> str | None:
    if "clientId" not in ids:
        return None
    query = {"liveblogId": ids["liveblogId"], "client_id": ids["clientId"]}
    if "themeId" in ids:
        query["themeId"] = ids["themeId"]
    return f"{API}?{urlencode(query)}"
