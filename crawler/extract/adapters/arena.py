"""Arena (arena.im) live blogs: an embed whose posts the browser fetches from the vendor.

The embed codes Arena's WordPress plugin writes (common-repository/arena-liveblog-and-chat-tool,
`albfre.php` and `shortcode/init.php`): `<div class="arena-liveblog" data-publisher="<site>"
data-event="<blog>" data-version="2">` or `<div id="arena-live" data-publisher data-event
data-version>` with `https://go.arena.im/public/js/arenalib.js?p=<site>&e=<blog>`, and the
iframe or `amp-iframe` at `https://go.arena.im/embed/<site>/<blog>`. For search engines the
plugin adds what `https://cached-api.arena.im/v1/liveblog/<site>/<blog>/ldjson` returns, read
by jsonld.py; the posts themselves are JSON at `…/v1/liveblog/<site>/<blog>` (`posts` with
`createdAt` / `updatedAt` in epoch milliseconds). No post markup is in the page: the adapter
reads nothing (`vendor.no_posts`) and `embeds` names the blog.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from lxml import etree

from crawler.extract.adapters.survey import Survey
from crawler.extract.adapters.vendor import VendorEmbed, attribute, query_value, served_by, unique
from crawler.extract.dom import Element

DOMAINS: tuple[str, ...] = ()
API = "https://cached-api.arena.im/v1/liveblog/{site}/{blog}"

_EMBEDS = etree.XPath(
    "//div[(contains(@class, 'arena-liveblog') or @id='arena-live') and @data-event]"
    " | //iframe[contains(@src, 'arena.im/embed/')] | //amp-iframe[contains(@src, 'arena.im/embed/')]"
    " | //script[contains(@src, 'arenalib.js')]"
)
_DETECT = etree.XPath(
    "boolean(//div[(contains(@class, 'arena-liveblog') or @id='arena-live') and @data-event]"
    " | //iframe[contains(@src, 'arena.im/embed/')] | //amp-iframe[contains(@src, 'arena.im/embed/')])"
)


def present(page: Survey) -> bool:
    """Whether the page could hold an Arena container, frame or script."""
    return (
        page.classed("div", "arena-liveblog")
        or "arena-live" in page.ids
        or page.loads("arena.im/embed/", "iframe", "amp-iframe")
        or page.loads("arenalib.js", "script")
    )


def detect(root: Element) -> bool:
    """Whether the page embeds an Arena live blog."""
    return bool(_DETECT(root))


def embeds(root: Element, url: str) -> list[VendorEmbed]:
    """Each embedded blog (site and blog slugs), with the vendor's JSON of its posts."""
    found = []
    for element in _EMBEDS(root):
        slugs = _slugs(element)
        if slugs:
            site, blog = slugs
            endpoint = API.format(site=quote(site, safe=""), blog=quote(blog, safe=""))
            found.append(VendorEmbed("arena", {"site": site, "blog": blog}, endpoint))
    return unique(found)


def _slugs(element: Element) -> tuple[str, str] | None:
    """The site and blog slugs of a container, an arenalib.js script or an embed frame."""
    src = element.get("src")
    if element.tag == "div":
        site, blog = attribute(element, "data-publisher"), attribute(element, "data-event")
    elif not served_by(src, "arena.im"):
        return None
    elif element.tag == "script":
        site, blog = query_value(src, "p"), query_value(src, "e")
    else:  # …/embed/<site>/<blog>
        path = urlsplit(src or "").path.strip("/").split("/")
        site, blog = (path[1], path[2]) if len(path) >= 3 and path[0] == "embed" else (None, None)
    return (site, blog) if site and blog else None
