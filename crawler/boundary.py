"""The fetch boundary: which addresses a pass over a blog may fetch, and why others are refused.

Only http and https, on the blog's own site: its host (`www.` aside) and port, over the
blog's scheme or an upgrade from http to https; plus any host a pass names for an adapter's
endpoints. Anything else (`file:`, `ftp:`, `gopher:`, `data:`, another host or port) is
refused with one sentence. No Scrapy here: the downloader middleware and the spider both ask.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
# A URL in a message is cut to this many characters: a data: URL can be megabytes long.
SHOWN_URL = 200
ONLY_OWN_SITE = "only http and https pages on the blog's own site are fetched"


@dataclass(frozen=True)
class Origin:
    """Where a URL is fetched from: scheme, host (lower case, `www.` aside) and port."""

    scheme: str
    host: str
    port: int


def origin(url: str) -> Origin | None:
    """The URL's origin; None for any scheme but http and https, or no host, or a bad port."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = site_host(parts.hostname or "")
    if scheme not in SCHEMES or not host:
        return None
    return Origin(scheme, host, port if port is not None else DEFAULT_PORTS[scheme])


def site_host(host: str) -> str:
    """A host as sites are compared: lower case, in its ASCII (IDNA) form, as Scrapy requests
    it (`bücher.example` is `xn--bcher-kva.example`), without a final dot or `www.`."""
    host = host.lower().rstrip(".")
    if not host.isascii():
        with contextlib.suppress(UnicodeError):  # not a name IDNA can spell: compared as it is
            host = host.encode("idna").decode("ascii")
    return host.removeprefix("www.")


def same_site(url: str, site: str) -> bool:
    """A page of the blog at `site`: same host and port, and same scheme or http raised to https."""
    here, home = origin(url), origin(site)
    if here is None or home is None or here.host != home.host:
        return False
    if here.scheme == home.scheme:
        return here.port == home.port
    upgraded = Origin("https", home.host, DEFAULT_PORTS["https"])
    return home == Origin("http", home.host, DEFAULT_PORTS["http"]) and here == upgraded


def endpoint_host(url: str, hosts: Iterable[str]) -> bool:
    """On one of the hosts named for an adapter's endpoints, over http(s) on its default port."""
    here = origin(url)
    if here is None or here.port != DEFAULT_PORTS[here.scheme]:
        return False
    return here.host in {site_host(h) for h in hosts}


def shown(url: str) -> str:
    """A URL as a message shows it: whole unless it is very long."""
    return url if len(url) <= SHOWN_URL else url[: SHOWN_URL - 1] + "…"


def refusal(
    url: str, site: str, hosts: Iterable[str] = (), redirected_from: str | None = None
) -> str | None:
    """Why `url` is not fetched for the blog at `site`, as one sentence; None when it may be."""
    if origin(url) is not None and (same_site(url, site) or endpoint_host(url, hosts)):
        return None
    home = origin(site)
    where = f"{home.scheme}://{urlsplit(site).netloc}" if home else shown(site)
    if redirected_from is not None:
        if origin(url) is None:
            return f"{shown(redirected_from)} redirected to {shown(url)}: {ONLY_OWN_SITE}"
        return f"{shown(redirected_from)} redirected to {shown(url)}, off the blog's site {where}: not followed"
    if origin(url) is None:
        return f"refused to follow a link to {shown(url)}: {ONLY_OWN_SITE}"
    return f"refused to follow a link to {shown(url)}, off the blog's site {where}: {ONLY_OWN_SITE}"
