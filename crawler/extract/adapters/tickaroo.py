"""Tickaroo: the `<tickaroo-liveblog>` web component, whose posts the browser fetches.

The embed Tickaroo's own integration writes (Tickaroo/arcxp-plugin,
`components/chains/article-body/_children/TickarooLiveblog.jsx`):
`<tickaroo-liveblog liveblogId="…" themeId="…" clientId="…">` with
`//cdn.tickaroo.com/webng/embedjs/tik4.js`. With its SEO option the same integration asks
`https://cdn.tickaroo.com/api/embed/v4/prefetch/liveblog.json?liveblogId=…&client_id=…&themeId=…`
(`content/sources/tickaroo-liveblog.js`) and puts the answer's `html` in
`#tickaroo-liveblog-container` and its `schema` in a JSON-LD script, which jsonld.py reads.
That prefetched HTML is the vendor's: no public code documents its post markup beyond a few
class names, so the adapter reads nothing (`vendor.no_posts`) and `embeds` names the
liveblog and its endpoint.
"""

from __future__ import annotations

from urllib.parse import urlencode

from lxml import etree

from crawler.extract.adapters.survey import Survey
from crawler.extract.adapters.vendor import VendorEmbed, attribute, unique
from crawler.extract.dom import Element

DOMAINS: tuple[str, ...] = ()
API = "https://cdn.tickaroo.com/api/embed/v4/prefetch/liveblog.json"

_EMBEDS = etree.XPath("//tickaroo-liveblog")
_DETECT = etree.XPath("boolean(//tickaroo-liveblog)")


def present(page: Survey) -> bool:
    """Whether the page has a Tickaroo element."""
    return "tickaroo-liveblog" in page.tags


def detect(root: Element) -> bool:
    """Whether the page embeds a Tickaroo liveblog."""
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
    return unique(found)


def _endpoint(ids: dict[str, str]) -> str | None:
    if "clientId" not in ids:
        return None
    query = {"liveblogId": ids["liveblogId"], "client_id": ids["clientId"]}
    if "themeId" in ids:
        query["themeId"] = ids["themeId"]
    return f"{API}?{urlencode(query)}"
