"""What identifies a live-blog vendor's embed whose posts the browser fetches, not the page.

24liveblog, Tickaroo, ScribbleLive and Arena pages often hold only a container with the
vendor's ids; the posts come from the vendor's JSON API. Reading that API is a fetch, so it
is not extraction's job: each vendor module names the embed (`embeds(root, url)`) and the
endpoint its own public code documents, for the crawler to request.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from archive.records import Update
from crawler.extract.dom import Element, host_of


@dataclass(frozen=True)
class VendorEmbed:
    """A vendor's embed on a page: the vendor, its ids, and where its posts can be read."""

    vendor: str
    ids: dict[str, str] = field(hash=False)
    # The documented URL of the posts (JSON, or the vendor's server-rendered page); None
    # where it needs what the page does not say (an API token).
    endpoint: str | None = None


def no_posts(root: Element, url: str) -> list[Update]:
    """Nothing: the posts of an embed drawn in the browser are not in the page."""
    return []


def unescaped(text: str) -> str:
    """Script data's text with what JSON or HTML escaped in its addresses given back: `&` and
    `=` written `\\u0026` and `\\u003d`, and HTML's entities (`&amp;`)."""
    return html.unescape(text.replace("\\u0026", "&").replace("\\u003d", "="))


def query_value(url: str | None, *names: str) -> str | None:
    """The first of these query parameters a URL carries (names compared case-insensitively)."""
    if not url:
        return None
    params = {k.lower(): v for k, v in parse_qs(urlsplit(url).query).items()}
    for name in names:
        values = params.get(name.lower())
        if values and values[0].strip():
            return values[0].strip()
    return None


def served_by(url: str | None, domain: str) -> bool:
    """Whether a URL (protocol-relative ones too) is on a domain or one of its subdomains."""
    host = host_of(url or "")
    return host == domain or host.endswith("." + domain)


def attribute(element: Element, *names: str) -> str | None:
    """The first of these attributes an element carries, stripped (the HTML parser lowers
    attribute names: `liveblogId` is read as `liveblogid`)."""
    for name in names:
        value = element.get(name) or element.get(name.lower())
        if value and value.strip():
            return value.strip()
    return None


def unique(embeds: Iterable[VendorEmbed]) -> list[VendorEmbed]:
    """Each embed once, in page order (a container and its script name the same one)."""
    seen: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    kept = []
    for embed in embeds:
        key = (embed.vendor, tuple(sorted(embed.ids.items())))
        if key not in seen:
            seen.append(key)
            kept.append(embed)
    return kept
