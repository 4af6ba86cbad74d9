"""The Atom feeds of the `feed` and `blog_feed` queries, valid XML whatever the archive holds.

The queries stay in metadata.yml; this renders their rows (and those of the changes feeds,
archive/web/changes.py). Text loses the characters XML cannot carry (a control character in a
headline must not take the feed down), links keep only http(s), HTML is sanitised again with
images and the update's media as links (a feed reader fetches nothing from publishers), and a
feed with no entries is still a feed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

from archive.times import parse_utc
from archive.web.render import safe_href, update_html

ATOM = "http://www.w3.org/2005/Atom"
# Everything outside XML 1.0's Char production.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: Any) -> str:
    """A value as text XML can carry: characters it cannot are dropped."""
    return _NOT_XML.sub("", "" if value is None else str(value))


def _atom_time(value: Any) -> str | None:
    """An archive time as RFC 3339, or None when it is not a time."""
    moment = parse_utc(value if isinstance(value, str) else None)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def _child(parent: ET.Element, tag: str, text: Any = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _entry(feed: ET.Element, row: dict[str, Any], fallback_time: str) -> None:
    entry = _child(feed, "entry")
    _child(entry, "id", row.get("atom_id"))
    _child(entry, "title", row.get("atom_title") or "Update")
    _child(entry, "updated", _atom_time(row.get("atom_updated")) or fallback_time)
    link = safe_href(xml_text(row.get("atom_link")))
    if link:
        _child(entry, "link", href=link)
    if row.get("atom_author_name"):
        _child(_child(entry, "author"), "name", row["atom_author_name"])
    content = update_html(xml_text(row.get("atom_content_html")), row.get("atom_media"))
    if content:
        _child(entry, "content", str(content), type="html")


def atom(title: str, self_url: str, rows: list[dict[str, Any]], author: str) -> bytes:
    """An Atom document of these rows (the atom_* columns datasette-atom reads, and atom_media:
    the update's media JSON), newest first.

    `author` is the feed's: RFC 4287 (4.1.1) wants one on the feed or on every entry, and an
    update without a byline, or a change, has none of its own.
    """
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    times = [t for t in (_atom_time(r.get("atom_updated")) for r in rows) if t]
    feed = ET.Element("feed", {"xmlns": ATOM})
    _child(feed, "id", self_url)
    _child(feed, "title", title)
    _child(_child(feed, "author"), "name", xml_text(author).strip() or "liveblog-archive")
    _child(feed, "updated", max(times) if times else now)
    _child(feed, "link", href=self_url, rel="self")
    _child(feed, "generator", "liveblog-archive")
    for row in rows:
        _entry(feed, row, now)
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))
