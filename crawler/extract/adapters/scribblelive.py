"""ScribbleLive: a `.scrbbl-embed` container whose posts the browser fetches.

The embed code ScribbleLive's WordPress plugin writes (common-repository/scribblelive-wp,
`public/class-scribble-live-wp-public.php`): `<div class="scrbbl-embed"
data-src="/<type>/<id>[/<theme>]">` (type `event`, `board`, `timeline` or `post`) with
`//embed.scribblelive.com/widgets/embed.js`, or for an article the script
`//embed.scribblelive.com/js/LiveArticleEmbed.aspx?Id=<id>` alone. The plugin's SEO copy is a
`<noscript>` holding every post's `Content` run together: no post boundary, id or time, so no
post can be told from the next. The posts are JSON at
`https://apiv1.scribblelive.com/event/<id>/all?Token=<token>&format=json`, and the token is
the publisher's, never on the page: `embeds` names the event, without an endpoint.
"""

from __future__ import annotations

from lxml import etree

from crawler.extract.adapters.survey import Survey
from crawler.extract.adapters.vendor import VendorEmbed, query_value, served_by, unique
from crawler.extract.dom import Element

DOMAINS: tuple[str, ...] = ()
API_HOST = "apiv1.scribblelive.com"

_EMBEDS = etree.XPath(
    "//div[contains(@class, 'scrbbl-embed')][@data-src]"
    " | //script[contains(@src, 'LiveArticleEmbed.aspx')]"
)
_DETECT = etree.XPath("boolean(//div[contains(@class, 'scrbbl-embed')][@data-src])")
_TYPES = frozenset({"event", "board", "timeline", "post", "article"})


def present(page: Survey) -> bool:
    """Whether the page could hold a ScribbleLive container or script."""
    return page.classed("div", "scrbbl-embed") or page.loads("LiveArticleEmbed.aspx", "script")


def detect(root: Element) -> bool:
    """Whether the page embeds a ScribbleLive event."""
    return bool(_DETECT(root))


def embeds(root: Element, url: str) -> list[VendorEmbed]:
    """Each embedded event, board, post or article, by type and id."""
    found = []
    for element in _EMBEDS(root):
        ids = _ids(element)
        if ids:
            found.append(VendorEmbed("scribblelive", ids, None))
    return unique(found)


def _ids(element: Element) -> dict[str, str] | None:
    if element.tag == "script":
        src = element.get("src")
        article = query_value(src, "Id") if served_by(src, "scribblelive.com") else None
        return {"type": "article", "id": article} if article else None
    parts = (element.get("data-src") or "").strip(" /").split("/")
    if len(parts) < 2 or parts[0] not in _TYPES or not parts[1].isdigit():
        return None
    ids = {"type": parts[0], "id": parts[1]}
    if len(parts) > 2 and parts[2]:
        ids["theme"] = parts[2]
    return ids
