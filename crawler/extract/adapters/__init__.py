"""Publisher adapters, registered in one place: which markup each reads and how it is found.

An adapter is chosen by the page's domain first, then by markup detection (tests and mirrors
serve the same markup from other hosts). Adapters are tried in REGISTRY order and the first
that yields updates wins; the generic extractor (generic.py) runs only after all of them.
An adapter may also name the page's older-updates links it knows (the Guardian's
`?page=with:block-…`), read a publisher's JSON page data instead of its HTML, and name the
endpoints that complete a pass (crawler/extract/endpoints/).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from archive.records import Page, Update
from crawler.extract.adapters import (
    amp,
    arena,
    bbc,
    cnn,
    guardian,
    itv,
    liveblog24,
    ndtv,
    reach,
    scribblelive,
    sky,
    sourcefabric,
    telegraph,
    tickaroo,
    wordpress,
    zdf,
)
from crawler.extract.adapters.survey import Survey, survey
from crawler.extract.adapters.vendor import VendorEmbed, no_posts
from crawler.extract.dom import Element, host_of
from crawler.extract.endpoints import Endpoint
from crawler.extract.entries import (
    drop_consent_placeholders,
    drop_embed_standins,
    drop_hidden,
    drop_icon_ligatures,
    drop_reaction_counts,
    drop_screen_reader_labels,
    emoji_as_text,
    prepare,
)


@dataclass(frozen=True)
class Adapter:
    """A publisher markup: where it is used, how to spot it, how to read its entries."""

    name: str
    domains: tuple[str, ...]
    detect: Callable[[Element], bool]
    extract: Callable[[Element, str], list[Update]]
    # Whether the page's survey allows the markup (or the embed) at all: detection and
    # embeds are looked for only where it does.
    present: Callable[[Survey], bool] = lambda page: True
    # Older-updates links the publisher's markup names, best first.
    older: Callable[[Element, str], list[str]] | None = None
    # A JSON body (page data rather than HTML): whether it is this publisher's, and its Page.
    detect_json: Callable[[Any], bool] | None = None
    read_json: Callable[[Any, str], Page] | None = None
    # A vendor's embed whose posts the browser fetches: what identifies it on the page.
    embeds: Callable[[Element, str], list[VendorEmbed]] | None = None
    # The publisher's own requests that complete a pass (full bodies, further posts), and
    # words without which the page's scripts cannot name them (a cheap first look); without
    # marks, `present` decides whether to look (an endpoint the markup names).
    endpoints: Callable[[Element, str], list[Endpoint]] | None = None
    marks: tuple[str, ...] = ()
    # The CSS selector of the publisher's "Load more" control, clicked by `--render`
    # (crawler/render.py); None: the generic multilingual rule finds it.
    load_more: str | None = None
    # Whether the markup alone, off the publisher's domains, says the page is a live blog; a
    # markup every changelog shares (ITV's `article.update`) needs the page to say so too.
    says_live: bool = True
    # `extract` given the text of the page's scripts too, which are gone from the tree by then
    # (the settings a plugin's script is given: its site's zone, its newest entry's time).
    scripted: Callable[[Element, str, str], list[Update]] | None = None

    def serves(self, host: str) -> bool:
        """Whether a host is one of this publisher's sites (subdomains included)."""
        return any(host == d or host.endswith("." + d) for d in self.domains)


REGISTRY: tuple[Adapter, ...] = (
    Adapter("reach", reach.DOMAINS, reach.detect, reach.extract, present=reach.present),
    Adapter("itv", itv.DOMAINS, itv.detect, itv.extract, present=itv.present, says_live=False),
    Adapter("ndtv", ndtv.DOMAINS, ndtv.detect, ndtv.extract, present=ndtv.present),
    Adapter(
        "guardian",
        guardian.DOMAINS,
        guardian.detect,
        guardian.extract,
        present=guardian.present,
        older=guardian.older,
        detect_json=guardian.detect_json,
        read_json=guardian.read_page_data,
        endpoints=guardian.endpoints,
    ),
    Adapter(
        "bbc",
        bbc.DOMAINS,
        bbc.detect,
        bbc.extract,
        present=bbc.present,
        endpoints=bbc.endpoints,
        marks=bbc.MARKS,
    ),
    Adapter("cnn", cnn.DOMAINS, cnn.detect, cnn.extract, present=cnn.present),
    Adapter(
        "telegraph",
        telegraph.DOMAINS,
        telegraph.detect,
        telegraph.extract,
        present=telegraph.present,
    ),
    Adapter("sky", sky.DOMAINS, sky.detect, sky.extract, present=sky.present),
    # Live-blog vendors embedded in publishers' pages; before AMP, whose list the
    # Sourcefabric AMP theme also uses. The last four only detect a browser-side embed.
    Adapter(
        "sourcefabric",
        sourcefabric.DOMAINS,
        sourcefabric.detect,
        sourcefabric.extract,
        present=sourcefabric.present,
        embeds=sourcefabric.embeds,
        endpoints=sourcefabric.endpoints,
        marks=sourcefabric.MARKS,
    ),
    # Before AMP: the plugin's AMP page is an amp-live-list whose item ids change on edit.
    Adapter(
        "wp-liveblog",
        wordpress.DOMAINS,
        wordpress.detect,
        wordpress.extract,
        present=wordpress.present,
        older=wordpress.older,
        endpoints=wordpress.endpoints,
        marks=wordpress.MARKS,
        scripted=wordpress.extract,
    ),
    Adapter("amp", amp.DOMAINS, amp.detect, amp.extract, present=amp.present),
    Adapter(
        "tickaroo",
        tickaroo.DOMAINS,
        tickaroo.detect,
        tickaroo.extract,
        present=tickaroo.present,
        embeds=tickaroo.embeds,
        marks=tickaroo.MARKS,
    ),
    Adapter(
        "24liveblog",
        liveblog24.DOMAINS,
        liveblog24.detect,
        no_posts,
        present=liveblog24.present,
        embeds=liveblog24.embeds,
    ),
    Adapter(
        "scribblelive",
        scribblelive.DOMAINS,
        scribblelive.detect,
        no_posts,
        present=scribblelive.present,
        embeds=scribblelive.embeds,
    ),
    Adapter(
        "arena",
        arena.DOMAINS,
        arena.detect,
        no_posts,
        present=arena.present,
        embeds=arena.embeds,
    ),
    Adapter("zdf", zdf.DOMAINS, zdf.detect, zdf.extract, endpoints=zdf.endpoints, marks=zdf.MARKS),
)


def named(name: str | None, registry: tuple[Adapter, ...] = REGISTRY) -> Adapter | None:
    """The registered adapter of that name."""
    return next((a for a in registry if a.name == name), None)


def candidates(
    root: Element,
    url: str,
    registry: tuple[Adapter, ...] = REGISTRY,
    page: Survey | None = None,
    said_live: bool = True,
) -> Iterator[Adapter]:
    """Adapters for this page: those serving its domain, then those whose markup is present
    (a markup that does not say live by itself, only where the page says so: `said_live`).

    Lazy, so that a page read by its domain's adapter costs no detection scans. `page` is the
    page's survey, taken before scripts were removed; without it, one is taken now.
    """
    host = host_of(url)
    by_domain = [a for a in registry if a.serves(host)]
    yield from by_domain
    if page is None:
        page = survey(root)
    yield from (
        a
        for a in registry
        if a not in by_domain and (a.says_live or said_live) and a.present(page) and a.detect(root)
    )


def html_updates(
    root: Element,
    url: str,
    registry: tuple[Adapter, ...] = REGISTRY,
    page: Survey | None = None,
    said_live: bool = True,
    scripts: str = "",
) -> tuple[str | None, list[Update]]:
    """The name of the adapter that read the page's entries, and the entries (page order).

    Scripts, styles and form controls are removed from the whole tree first (one C-level
    pass): read everything else the page says (JSON-LD, links, meta) before calling this,
    and its survey too, or let it be taken here. `said_live`: whether the page says it is a
    live blog apart from its markup (candidates); `scripts`, the text of its scripts, for
    adapters that read them (`Adapter.scripted`).
    """
    if page is None:
        page = survey(root)
    prepare(root, page.tags)
    classes = {c for named in page.classes.values() for c in named}
    drop_screen_reader_labels(root, classes)
    drop_icon_ligatures(root, classes)
    emoji_as_text(root, classes)
    drop_reaction_counts(root, classes)
    drop_hidden(root)
    drop_consent_placeholders(root, classes)
    drop_embed_standins(root, classes)
    for adapter in candidates(root, url, registry, page, said_live):
        if adapter.scripted is not None:
            updates = adapter.scripted(root, url, scripts)
        else:
            updates = adapter.extract(root, url)
        if updates and _reads_posts(updates):
            return adapter.name, updates
    return None, []


def _reads_posts(updates: list[Update]) -> bool:
    """Whether an adapter read posts, not only its class names: most have a body (another
    publisher's markup may share a class name or two with this one's)."""
    standing = [u for u in updates if not u.removed]
    read = sum(1 for u in standing if u.body_text or u.media)
    return not standing or read * 2 >= len(standing)


def vendor_embeds(
    root: Element,
    url: str,
    page: Survey,
    scripts: str = "",
    registry: tuple[Adapter, ...] = REGISTRY,
) -> list[VendorEmbed]:
    """The live-blog vendors' embeds on the page (read before `prepare` strips their scripts),
    looked for only where the page's survey allows them, or its `scripts` (their text,
    joined) hold the vendor's marks (a CMS that keeps the embed in its script data)."""
    return [
        e
        for a in registry
        if a.embeds is not None and (a.present(page) or any(mark in scripts for mark in a.marks))
        for e in a.embeds(root, url)
    ]


def page_endpoints(
    root: Element,
    url: str,
    page: Survey,
    scripts: str,
    registry: tuple[Adapter, ...] = REGISTRY,
) -> list[Endpoint]:
    """The publishers' own endpoints the page names (read before `prepare` strips scripts),
    asked only of adapters whose marks the page's `scripts` (their text, joined) hold, or,
    for those without marks, whose markup its survey allows. Looking in the scripts, not in
    the whole response, costs a tenth of the parse less on a big page."""
    return [
        e
        for a in registry
        if a.endpoints is not None
        and (any(mark in scripts for mark in a.marks) if a.marks else a.present(page))
        for e in a.endpoints(root, url)
    ]


def json_page(data: Any, url: str, registry: tuple[Adapter, ...] = REGISTRY) -> Page | None:
    """A publisher's JSON page data read by its adapter: by domain, then by its shape."""
    host = host_of(url)
    readers = [a for a in registry if a.read_json is not None]
    ordered = [a for a in readers if a.serves(host)] + [a for a in readers if not a.serves(host)]
    for adapter in ordered:
        read = adapter.read_json
        if read is not None and adapter.detect_json is not None and adapter.detect_json(data):
            return read(data, url)
    return None
