"""Publisher adapters, registered in one place: which markup each reads and how it is found.

An adapter is chosen by the page's domain first, then by markup detection (tests and mirrors
serve the same markup from other hosts). Adapters are tried in REGISTRY order and the first
that yields updates wins, so a catch-all heuristic adapter can be appended last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from crawler.extract.adapters import itv, ndtv, reach
from crawler.extract.dom import Element, host_of
from crawler.extract.entries import prepare
from crawler.extract.model import Update


@dataclass(frozen=True)
class Adapter:
    """A publisher markup: where it is used, how to spot it, how to read its entries."""

    name: str
    domains: tuple[str, ...]
    detect: Callable[[Element], bool]
    extract: Callable[[Element, str], list[Update]]

    def serves(self, host: str) -> bool:
        """Whether a host is one of this publisher's sites (subdomains included)."""
        return any(host == d or host.endswith("." + d) for d in self.domains)


REGISTRY: tuple[Adapter, ...] = (
    Adapter("reach", reach.DOMAINS, reach.detect, reach.extract),
    Adapter("itv", itv.DOMAINS, itv.detect, itv.extract),
    Adapter("ndtv", ndtv.DOMAINS, ndtv.detect, ndtv.extract),
)


def candidates(
    root: Element, url: str, registry: tuple[Adapter, ...] = REGISTRY
) -> Iterator[Adapter]:
    """Adapters for this page: those serving its domain, then those whose markup is present.

    Lazy, so that a page read by its domain's adapter costs no detection scans.
    """
    host = host_of(url)
    by_domain = [a for a in registry if a.serves(host)]
    yield from by_domain
    yield from (a for a in registry if a not in by_domain and a.detect(root))


def html_updates(
    root: Element, url: str, registry: tuple[Adapter, ...] = REGISTRY
) -> tuple[str | None, list[Update]]:
    """The name of the adapter that read the page's entries, and the entries (page order).

    Scripts, styles and form controls are removed from the whole tree first (one C-level
    pass): read everything else the page says (JSON-LD, links, meta) before calling this.
    """
    prepare(root)
    for adapter in candidates(root, url, registry):
        updates = adapter.extract(root, url)
        if updates:
            return adapter.name, updates
    return None, []
