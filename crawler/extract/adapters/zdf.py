"""ZDF (zdfheute.de) live blogs: the page names the live blog's item API its script reads.

A public client of these blogs (Le0Developer/zdf-liveblogs, `src/index.ts`) finds the address
`https://liveblog.zdf.de/api/channels/<channel>/blogitems/` in the live blog page and reads
the items from there; the page's LiveBlogPosting JSON-LD is read by jsonld.py. No item
markup is documented, so `extract` reads nothing and `embeds` names the items' API.
"""

from __future__ import annotations

import re

from lxml import etree

from archive.records import Update
from crawler.extract.adapters.vendor import VendorEmbed, unique
from crawler.extract.dom import Element

DOMAINS = ("zdf.de", "zdfheute.de")

_API = re.compile(r"https?://[^\s\"'<>\\]+?/api/channels/([A-Za-z0-9]+)/blogitems/")
_HOLDERS = etree.XPath("//script[contains(., '/blogitems/')] | //@*[contains(., '/blogitems/')]")
_DETECT = etree.XPath(
    "boolean(//script[contains(., '/blogitems/')] | //@*[contains(., '/blogitems/')])"
)


def detect(root: Element) -> bool:
    """Whether the page names a ZDF live blog's items."""
    return bool(_DETECT(root)) and bool(embeds(root, ""))


def extract(root: Element, url: str) -> list[Update]:
    """Nothing: the items are not in the page as markup anyone documents."""
    return []


def embeds(root: Element, url: str) -> list[VendorEmbed]:
    """Each live blog channel the page names, with its items' API."""
    found = []
    for holder in _HOLDERS(root):
        text = holder if isinstance(holder, str) else holder.text or ""
        for match in _API.finditer(text):
            found.append(VendorEmbed("zdf", {"channel": match.group(1)}, match.group(0)))
    return unique(found)
