"""ZDF (zdfheute.de) live blogs: the page names the live blog's item API its script reads.

A public client of these blogs (Le0Developer/zdf-liveblogs, `src/index.ts`) finds the address
`https://liveblog.zdf.de/api/channels/<channel>/blogitems/` in the live blog page (in its
data script) and reads the items from there; the page's LiveBlogPosting JSON-LD is read by
jsonld.py. Where the page renders the items too, as a public crawler's parser documents them
(flairNLP/fundus, `publishers/de/zdf.py`: `article[data-guid]`, its `h2`, its `<time>`
"14.06.2025 14:52", its paragraphs), the generic extractor reads them like any stream (their
classes are hashed): `extract` here reads nothing, and `endpoints` names the items' API, on
ZDF's live blog host.
"""

from __future__ import annotations

import re

from archive.records import Update
from crawler.extract.dom import Element, scripts_saying
from crawler.extract.endpoints import ZDF, Endpoint, unique

DOMAINS = ("zdf.de", "zdfheute.de")
MARKS = ("/blogitems/",)

_API = re.compile(r"https?://[^\s\"'<>\\]+?/api/channels/[A-Za-z0-9]+/blogitems/")


def detect(root: Element) -> bool:
    """Never by markup: the items are not in the page (their API is `endpoints`'s)."""
    return False


def extract(root: Element, url: str) -> list[Update]:
    """Nothing: the items are not in the page as markup anyone documents."""
    return []


def endpoints(root: Element, url: str) -> list[Endpoint]:
    """Each live blog channel's item API the page's scripts name."""
    found = []
    for text in scripts_saying(root, "/blogitems/"):
        found += [Endpoint(m.group(0), ZDF, True) for m in _API.finditer(text)]
    return unique(found)
