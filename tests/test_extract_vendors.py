"""Live-blog vendors embedded in publishers' pages: Sourcefabric Live Blog's posts are read from
its themes' server-rendered markup; 24liveblog, Tickaroo, ScribbleLive and Arena embeds are
recognised and named for a fetch of the vendor's own endpoint, and the posts their integrations
put in the page (JSON-LD, Tickaroo's server-side fetch) are read. Automattic's Liveblog plugin
for WordPress is read in the three markups its own templates and script draw, and the settings
its script is given name its entries API.

The pages under tests/pages/ were BUILT for these tests inside invented publishers' pages, each
saying at its top where its markup is documented: the two Sourcefabric pages from the themes'
templates, one page for each of the other vendors from the embed its own plugin or integration
writes, and a WordPress post from the Liveblog plugin's templates. The embed snippets below
follow the same embed codes (named in each adapter's docstring).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pytest
from lxml import etree

from archive.records import Page
from crawler.extract import extract_page, extract_reading, walks
from crawler.extract.adapters import (
    REGISTRY,
    arena,
    candidates,
    liveblog24,
    scribblelive,
    sourcefabric,
    tickaroo,
)
from crawler.extract.adapters.survey import survey
from crawler.extract.adapters.vendor import VendorEmbed
from crawler.extract.endpoints.tickaroo import read_prefetch
from crawler.extract.evaluate import strip_structured
from crawler.extract.html import parse
from tests.helpers import assert_samples, saved_page

LOCAL = "http://127.0.0.1:8000/live/blog"
ECHO = "https://www.example-echo.co.uk/news/storm-ciaran-live-updates"
KURIER = "https://www.example-kurier.de/region/sturmflut-ostsee-liveblog.amp"
COURIER = "https://valleycourier.example.com/2024/03/15/noreaster-live-updates/"
URN = "urn:newsml:localhost:2023-11-02T{}"


def amp_id(urn: str) -> str:
    """The AMP theme's article id: the post's id without ':', '-' and '.'."""
    return urn.replace(":", "").replace("-", "").replace(".", "")


@dataclass(frozen=True)
class VendorPage:
    """A built page, and what a reader sees in it, post by post and in page order."""

    file: str
    url: str
    adapter: str
    # (id, headline, published_at, body start) of every post, in page order.
    posts: tuple[tuple[str, str | None, str, str], ...]
    pinned: frozenset[str] = frozenset()
    key_events: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    samples: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Words on the page that are not any post's: related box, promo, comments, ads, chrome.
    absent: tuple[str, ...] = ()


ECHO_IDS = {
    "key-points": URN.format("07:05:11.482913:9c2f4e1a-6b7d-4c55-8a0e-2f1d3b4c5a61"),
    "ferries": URN.format("14:47:12.117204:3e8a1d52-0f4b-4f0e-9b1c-7d6e5f4a3b21"),
    "met-office": URN.format("14:12:40.902385:b41f7c03-5e2a-4d6b-8c9e-1a0b2c3d4e52"),
    "waves": URN.format("13:31:05.664120:7d2c9b18-3f4e-4a5b-b6c7-8d9e0f1a2b33"),
    "coastguard": URN.format("12:54:19.030571:c5a6b7d8-9e0f-4a1b-8c2d-3e4f5a6b7c84"),
    "power": URN.format("11:20:44.517736:e7f8a9b0-c1d2-4e3f-a4b5-c6d7e8f9a0b5"),
    "schools": URN.format("09:02:37.284019:0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c36"),
    "trees": URN.format("08:31:56.640217:2b3c4d5e-6f70-4a81-92a3-b4c5d6e7f808"),
    "buses": URN.format("07:52:30.118904:3c4d5e6f-7081-4b92-a3b4-c5d6e7f80919"),
    "barriers": URN.format("07:20:08.903517:4d5e6f70-8192-4ca3-b4c5-d6e7f8091a2a"),
    "warning": URN.format("06:41:09.775362:5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b87"),
}
KURIER_IDS = {
    name: amp_id(f"urn:newsml:localhost:2023-10-20T{clock}.{uuid[:6].replace('-', '0')}:{uuid}")
    for name, clock, uuid in (
        ("summary", "05:12:40", "8f0e1d2c-3b4a-4596-a7b8-c9d0e1f2a3b4"),
        ("peak", "20:58:31", "1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9"),
        ("cellars", "20:21:09", "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f90a"),
        ("withdrawn", "19:40:52", "3c4d5e6f-7081-4293-a4b5-c6d7e8f90a1b"),
        ("video", "19:05:17", "4d5e6f70-8192-43a4-b5c6-d7e8f90a1b2c"),
        ("roads", "18:14:03", "5e6f7081-92a3-44b5-c6d7-e8f90a1b2c3d"),
        ("ferries", "16:47:26", "6f708192-a3b4-45c6-d7e8-f90a1b2c3d4e"),
        ("warning", "14:30:00", "708192a3-b4c5-46d7-e8f9-0a1b2c3d4e5f"),
        ("schools", "11:02:45", "8192a3b4-c5d6-47e8-f90a-1b2c3d4e5f60"),
        ("sandbags", "07:15:38", "92a3b4c5-d6e7-48f9-0a1b-2c3d4e5f6071"),
        ("morning", "06:02:11", "a3b4c5d6-e7f8-4901-a2b3-c4d5e6f70812"),
    )
}

PAGES = [
    VendorPage(
        "sourcefabric-storm-ciaran-2023-11-02.html",
        ECHO,
        "sourcefabric",
        posts=(
            (
                ECHO_IDS["key-points"],
                "Storm Ciarán: the key points",
                "2023-11-02T07:05:11Z",
                "An amber wind warning covers the whole south coast until 23:00.",
            ),
            (
                ECHO_IDS["ferries"],
                "Ferry services cancelled until Friday morning",
                "2023-11-02T14:47:12Z",
                "The port says no sailings will leave before 06:00 on Friday",
            ),
            (
                ECHO_IDS["met-office"],
                None,
                "2023-11-02T14:12:40Z",
                "The Met Office says the strongest gusts are now moving east",
            ),
            (
                ECHO_IDS["waves"],
                "Watch: waves break over the harbour wall",
                "2023-11-02T13:31:05Z",
                "Our photographer filmed the sea breaking over the harbour wall",
            ),
            (
                ECHO_IDS["coastguard"],
                None,
                "2023-11-02T12:54:19Z",
                "The coastguard has asked people not to walk along the cliffs",
            ),
            (
                ECHO_IDS["power"],
                "Power cuts: what to do",
                "2023-11-02T11:20:44Z",
                "If your power goes off, call 105 to report it",
            ),
            (
                ECHO_IDS["schools"],
                None,
                "2023-11-02T09:02:37Z",
                "Schools along the coast are closed today.",
            ),
            (
                ECHO_IDS["trees"],
                "Trees down on the coast road",
                "2023-11-02T08:31:56Z",
                "Police have closed the coast road",
            ),
            (
                ECHO_IDS["buses"],
                None,
                "2023-11-02T07:52:30Z",
                "Bus services on the coast routes are running with changes this morning:",
            ),
            (
                ECHO_IDS["barriers"],
                "Flood barriers go up in the old town",
                "2023-11-02T07:20:08Z",
                "Council workers have put up the temporary flood barriers",
            ),
            (
                ECHO_IDS["warning"],
                "Amber wind warning in force",
                "2023-11-02T06:41:09Z",
                "Good morning. An amber warning for wind is now in force",
            ),
        ),
        pinned=frozenset({ECHO_IDS["key-points"]}),
        key_events=frozenset({ECHO_IDS["waves"]}),
        samples={
            ECHO_IDS["ferries"]: {
                "authors": ["Hannah Price"],
                "body_contains": ["Passengers booked on cancelled crossings"],
                "media": [
                    {
                        "type": "image",
                        "url": "https://media.example-echo.co.uk/liveblog/2023/11/"
                        "ferry-terminal-baseImage.jpg",
                        "caption": "Empty check-in lanes at the ferry terminal",
                        "credit": "Sam Osei",
                    }
                ],
            },
            ECHO_IDS["met-office"]: {
                "media": [
                    {
                        "type": "quote",
                        "text": "Conditions will stay dangerous on exposed coasts well into the "
                        "evening, so please keep away from sea fronts.",
                        "attribution": "Met Office chief forecaster",
                    }
                ],
                "body_lacks": ["Met Office chief forecaster"],
            },
            # A syndicated post: the producing blog's title is not the author.
            ECHO_IDS["waves"]: {
                "authors": ["Tom Ellis"],
                "media": [
                    {
                        "type": "video",
                        "url": "https://www.youtube-nocookie.com/embed/Qm3kHarb0ur",
                        "provider": "youtube",
                    }
                ],
            },
            ECHO_IDS["warning"]: {"modified_at": "2023-11-02T07:15:02Z"},
            ECHO_IDS["trees"]: {
                "media": [{"type": "image", "caption": "A fallen tree across the coast road"}]
            },
        },
        absent=(
            "Winter tyres fitted",  # the theme's ad slot, a post of type advertisement
            "Get the Example Echo morning briefing",
            "More on this story",
            "Sandbags handed out in the old town",
            "biggest I have seen in thirty years",
            "Still no power on our street",
            "See new updates",
            "Load more posts",
            "Powered by",
            "Nov 2, 2023",
            "Coastal News Network",
        ),
    ),
    VendorPage(
        "sourcefabric-amp-sturmflut-2023-10-20.html",
        KURIER,
        "sourcefabric",
        posts=(
            (
                KURIER_IDS["summary"],
                "Das Wichtigste zur Sturmflut",
                "2023-10-20T05:12:40Z",
                "Der Wasserstand in Flensburg lag am Abend",
            ),
            (
                KURIER_IDS["peak"],
                "Höchststand in Flensburg erreicht",
                "2023-10-20T20:58:31Z",
                "Der Pegel in Flensburg hat nach Angaben",
            ),
            (
                KURIER_IDS["cellars"],
                None,
                "2023-10-20T20:21:09Z",
                "Die Feuerwehr in Eckernförde meldet",
            ),
            (KURIER_IDS["withdrawn"], None, "2023-10-20T19:40:52Z", ""),
            (
                KURIER_IDS["video"],
                "Video: Wasser in der Altstadt",
                "2023-10-20T19:05:17Z",
                "Unser Reporter war am frühen Abend",
            ),
            (
                KURIER_IDS["roads"],
                None,
                "2023-10-20T18:14:03Z",
                "Die Polizei hat die Hafenstraße",
            ),
            (
                KURIER_IDS["ferries"],
                "Fähren nach Dänemark fallen aus",
                "2023-10-20T16:47:26Z",
                "Die Reederei hat alle Abfahrten",
            ),
            (
                KURIER_IDS["warning"],
                None,
                "2023-10-20T14:30:00Z",
                "Der Deutsche Wetterdienst warnt weiter",
            ),
            (
                KURIER_IDS["schools"],
                "Schulen schließen früher",
                "2023-10-20T11:02:45Z",
                "Mehrere Schulen in Flensburg",
            ),
            (
                KURIER_IDS["sandbags"],
                "Sandsäcke in der Altstadt",
                "2023-10-20T07:15:38Z",
                "Die Stadt verteilt seit dem frühen Morgen",
            ),
            (KURIER_IDS["morning"], None, "2023-10-20T06:02:11Z", "Guten Morgen!"),
        ),
        pinned=frozenset({KURIER_IDS["summary"]}),
        key_events=frozenset({KURIER_IDS["peak"]}),
        removed=frozenset({KURIER_IDS["withdrawn"]}),
        samples={
            KURIER_IDS["peak"]: {
                "modified_at": "2023-10-20T21:00:06Z",
                "authors": ["Jonas Petersen"],
                "media": [
                    {
                        "type": "image",
                        "url": "https://media.example-kurier.de/liveblog/2023/10/"
                        "flensburg-hafen-viewImage.jpg",
                        "caption": "Überflutete Hafenspitze in Flensburg",
                        "credit": "Frank Molter",
                    }
                ],
            },
            KURIER_IDS["video"]: {
                "media": [{"type": "video", "url": "https://www.youtube.com/watch?v=Fl3nsburg0s"}]
            },
            KURIER_IDS["roads"]: {
                "media": [
                    {"type": "embed", "url": "https://twitter.com/i/status/1715412345678901234"}
                ]
            },
            KURIER_IDS["withdrawn"]: {"body_text": "", "authors": []},
        },
        absent=(
            "Dieser Beitrag wurde zurückgezogen",  # the deleted post's words
            "Jetzt testen: Example Kurier digital",
            "Mehr zum Thema",
            "Was Anwohner jetzt tun sollten",
            "So etwas habe ich noch nie erlebt",
            "Danke an alle Einsatzkräfte",
            "Neue Beiträge anzeigen",
            "Unterstützt von",
            "20.10.2023",
            "Foto:",
        ),
    ),
    VendorPage(
        "wordpress-liveblog-noreaster-us-2024-03-15.html",
        COURIER,
        "wp-liveblog",
        posts=(
            (
                "liveblog-entry-48217",
                None,
                "2024-03-15T17:42:18Z",
                "The National Weather Service has extended the winter storm warning",
            ),
            ("liveblog-entry-48209", None, "2024-03-15T17:05:51Z", "Here is the latest radar loop"),
            (
                "liveblog-entry-48196",
                None,
                "2024-03-15T16:20:00Z",
                "Key update: Governor declares a state of emergency",
            ),
            (
                "liveblog-entry-48181",
                None,
                "2024-03-15T15:34:27Z",
                "Public works crews have been out since 3 a.m.",
            ),
            ("liveblog-entry-48170", None, "2024-03-15T14:48:09Z", "The MBTA says commuter rail"),
            ("liveblog-entry-48162", None, "2024-03-15T13:57:36Z", "Mayor Ruth Kessler is holding"),
            ("liveblog-entry-48151", None, "2024-03-15T13:12:02Z", "More than 11,000 customers"),
            ("liveblog-entry-48140", None, "2024-03-15T12:31:45Z", "Good morning. Schools in"),
        ),
        key_events=frozenset({"liveblog-entry-48196"}),
        samples={
            # Edited: its timestamp is the edit's, its clock the first version's (local, EDT).
            "liveblog-entry-48196": {"modified_at": "2024-03-15T16:58:40Z"},
            "liveblog-entry-48217": {"modified_at": None, "authors": ["Dana Whitfield"]},
            "liveblog-entry-48209": {
                "media": [
                    {
                        "type": "embed",
                        "provider": "twitter",
                        "url": "https://twitter.com/NWSBoston/status/1768712345678901234",
                    }
                ]
            },
            "liveblog-entry-48181": {
                "body_lacks": ["Photo:"],
                "body_start": "Public works crews",
                "media": [
                    {
                        "type": "image",
                        "caption": "A city plow clears Main Street in Haverhill on Friday morning.",
                        "credit": "Lena Ortiz / Valley Courier",
                    }
                ],
            },
            "liveblog-entry-48162": {"media": [{"type": "video", "provider": "youtube"}]},
        },
        absent=(
            "Still no plow on our street",  # the reader comments
            "Thanks for keeping this updated",
            "took me an hour and a half",
            "Reply",
            "Leave a Reply",
            "School closures and delays",  # the related list
            "Storm prep",
            "Valley Courier Staff",  # the post's own byline
            "March 15, 2024",  # the entries' dates and clocks
            " am",
            " pm\n",
        ),
    ),
]


@cache
def _extracted(file: str, url: str, backend: str) -> Page:
    return extract_page(saved_page(file).read_bytes(), url)


def extracted(case: VendorPage, url: str | None = None) -> Page:
    """Each page is extracted once per backend of the walks and URL."""
    return _extracted(case.file, url or case.url, walks.BACKEND)


@pytest.fixture(params=PAGES, ids=[c.file.rsplit("-2", 1)[0] for c in PAGES])
def case(request: pytest.FixtureRequest) -> VendorPage:
    return request.param  # type: ignore[no-any-return]


def test_the_vendor_adapter_reads_the_page_wherever_it_is_served(case: VendorPage) -> None:
    root = parse(saved_page(case.file).read_bytes())
    assert root is not None
    assert next(candidates(root, case.url)).name == case.adapter
    assert next(candidates(root, LOCAL)).name == case.adapter
    assert [u.source_id for u in extracted(case, LOCAL).updates] == [p[0] for p in case.posts]


def test_every_post_in_order_with_its_headline_time_and_body(case: VendorPage) -> None:
    updates = extracted(case).updates
    assert [u.source_id for u in updates] == [p[0] for p in case.posts]
    for update, (source_id, headline, published_at, body_start) in zip(
        updates, case.posts, strict=True
    ):
        assert update.headline == headline, source_id
        assert update.published_at == published_at, source_id
        assert update.body_text.startswith(body_start), (source_id, update.body_text[:80])
        assert update.permalink == f"{case.url}#{source_id}"
        if headline:  # the headline is not repeated as the body's first paragraph
            assert not update.body_text.startswith(headline)


def test_pins_highlights_and_deletions(case: VendorPage) -> None:
    updates = extracted(case).updates
    assert {u.source_id for u in updates if u.pinned} == case.pinned
    assert {u.source_id for u in updates if u.key_event} == case.key_events
    assert {u.source_id for u in updates if u.removed} == case.removed


def test_samples(case: VendorPage) -> None:
    assert_samples({u.source_id: u for u in extracted(case).updates}, case.samples)


def test_nothing_but_the_posts(case: VendorPage) -> None:
    """No related link, promo, reader comment, ad slot, date label or theme button is a post's."""
    page = extracted(case)
    for update in page.updates:
        text = " ".join([update.headline or "", update.body_text, update.body_html])
        for words in case.absent:
            assert words not in text, (update.source_id, words)
        if not update.removed:
            assert update.authors, update.source_id


# Embeds whose posts the browser fetches ------------------------------------------------------

ARTICLE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
{head}</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><h1>{title}</h1><p class="standfirst">Follow the latest in our live coverage below.</p>
{embed}
<aside class="promo"><p>Subscribe to our newsletter for the best of the week, every Friday.</p>
</aside></main>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/news/a">Earlier: what happened on the first day</a> <span>Mar 14, 2024 9:10 AM</span></li>
<li><a href="/news/b">Analysis: what the vote means for the region</a> <span>Mar 13, 2024 6:45 PM</span></li>
<li><a href="/news/c">Pictures: the scene outside the town hall</a> <span>Mar 13, 2024 2:20 PM</span></li>
</ul></aside>
<section class="comments"><h2>Comments</h2>
<div class="comment"><b>alex_r</b> <span class="time">Mar 15, 2024 10:02 AM</span>
<p>Great coverage as always, thank you for keeping us informed all day.</p></div>
<div class="comment"><b>Maria K.</b> <span class="time">Mar 15, 2024 9:47 AM</span>
<p>Does anyone know whether the roads around the centre are open again?</p></div>
</section></body></html>"""

ZW_URL = "https://www.example-regio.nl/nieuws/verkiezingen-live"
# The JSON-LD oszuidwest/zw-liveblog writes from the 24liveblog API (zw-liveblog.php).
ZW_SCHEMA = {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    "mainEntityOfPage": ZW_URL,
    "headline": "Verkiezingen live",
    "datePublished": "2024-03-15T07:00:00+01:00",
    "dateModified": "2024-03-15T11:20:00+01:00",
    "coverageStartTime": "2024-03-15T07:00:00+01:00",
    "author": {"@type": "Person", "name": "Redactie"},
    "publisher": {"@type": "Organization", "name": "Example Regio"},
    "liveBlogUpdate": [
        {
            "@type": "BlogPosting",
            "articleBody": "De stembureaus in de regio zijn om half acht opengegaan.",
            "datePublished": "2024-03-15T07:31:12+01:00",
            "url": f"{ZW_URL}#liveblog-70311",
            "headline": "Stembureaus open",
        },
        {
            "@type": "BlogPosting",
            "articleBody": "Ook in de dorpen is het druk bij de stembureaus.",
            "datePublished": "2024-03-15T09:02:40+01:00",
            "url": f"{ZW_URL}#liveblog-70318",
        },
    ],
}


@dataclass(frozen=True)
class EmbedCase:
    """An embed code a vendor documents, and the embed it names."""

    adapter: str
    embed_html: str
    expected: list[VendorEmbed]
    head: str = ""


EMBEDS = {
    "24liveblog": EmbedCase(
        "24liveblog",
        '<div id="LB24_LIVE_CONTENT" data-eid="3260367258858776128"></div>'
        '<script src="https://v.24liveblog.com/24.js" defer></script>',
        [
            VendorEmbed(
                "24liveblog",
                {"eid": "3260367258858776128"},
                "https://data.24liveplus.com/v1/retrieve_server/x/event/3260367258858776128"
                "/news/?inverted_order=1&limit=100",
            )
        ],
        head=f'<script type="application/ld+json">{json.dumps(ZW_SCHEMA)}</script>',
    ),
    "24liveblog-iframe": EmbedCase(
        "24liveblog",
        '<iframe name="lb24" frameborder="0" height="660px" width="100%" class="lb24-iframe" '
        'scrolling="auto" src="https://v.24liveblog.com/iframe/?id=2457291385143869393">'
        '</iframe><script src="https://v.24liveblog.com/iframe.js"></script>',
        [
            VendorEmbed(
                "24liveblog",
                {"eid": "2457291385143869393"},
                "https://data.24liveplus.com/v1/retrieve_server/x/event/2457291385143869393"
                "/news/?inverted_order=1&limit=100",
            )
        ],
    ),
    # The vendor's WordPress block on an AMP page (common-repository/24liveblog,
    # src/block/block.js: embedType "AMP").
    "24liveblog-amp": EmbedCase(
        "24liveblog",
        '<amp-iframe width="600" height="800" layout="responsive" sandbox="allow-scripts '
        'allow-same-origin allow-popups" resizable frameborder="0" '
        'src="https://v.24liveblog.com/iframe/?id=3311442288776655001"><amp-img layout="fill" '
        'src="https://v.24liveblog.com/placeholder.png" placeholder></amp-img><div overflow '
        'tabindex="0" role="button" aria-label="Start View Liveblog">Start View Liveblog</div>'
        "</amp-iframe>",
        [
            VendorEmbed(
                "24liveblog",
                {"eid": "3311442288776655001"},
                "https://data.24liveplus.com/v1/retrieve_server/x/event/3311442288776655001"
                "/news/?inverted_order=1&limit=100",
            )
        ],
    ),
    "24liveblog-thread": EmbedCase(
        "24liveblog",
        '<div id="24lb_thread" class="lb_1368863"></div>',
        [
            VendorEmbed(
                "24liveblog",
                {"eid": "1368863"},
                "https://data.24liveplus.com/v1/retrieve_server/x/event/1368863"
                "/news/?inverted_order=1&limit=100",
            )
        ],
    ),
    "tickaroo": EmbedCase(
        "tickaroo",
        "<style>tickaroo-liveblog { display: grid; }</style>"
        '<div id="tickaroo-liveblog-container"><tickaroo-liveblog liveblogId="65f3a1b2c4d5e6f708192a3b" '
        'themeId="64aa00bb11cc22dd33ee44ff" clientId="5c1d2e3f4a5b6c7d8e9f0a1b">'
        "</tickaroo-liveblog></div>"
        '<script src="//cdn.tickaroo.com/webng/embedjs/tik4.js" async></script>',
        [
            VendorEmbed(
                "tickaroo",
                {
                    "liveblogId": "65f3a1b2c4d5e6f708192a3b",
                    "clientId": "5c1d2e3f4a5b6c7d8e9f0a1b",
                    "themeId": "64aa00bb11cc22dd33ee44ff",
                },
                "https://cdn.tickaroo.com/api/embed/v4/prefetch/liveblog.json?"
                "liveblogId=65f3a1b2c4d5e6f708192a3b&client_id=5c1d2e3f4a5b6c7d8e9f0a1b"
                "&themeId=64aa00bb11cc22dd33ee44ff",
            )
        ],
    ),
    "scribblelive": EmbedCase(
        "scribblelive",
        '<div class="scrbbl-embed" data-src="/event/3039871/58713"></div>'
        "<script>(function(d, s, id) {var js,ijs=d.getElementsByTagName(s)[0];"
        "if(d.getElementById(id))return;js=d.createElement(s);js.id=id;"
        'js.src="//embed.scribblelive.com/widgets/embed.js";ijs.parentNode.insertBefore(js, ijs);'
        '}(document, "script", "scrbbl-js"));</script>'
        "<noscript><p>The polls have closed.</p><p>Counting starts at ten.</p></noscript>",
        [VendorEmbed("scribblelive", {"type": "event", "id": "3039871", "theme": "58713"})],
    ),
    "arena": EmbedCase(
        "arena",
        '<div class="arena-liveblog" data-publisher="example-regio" data-event="verkiezingen-2024"'
        ' data-version="2"></div><script async src="https://go.arena.im/public/js/arenalib.js?'
        'p=example-regio&e=verkiezingen-2024"></script>',
        [
            VendorEmbed(
                "arena",
                {"site": "example-regio", "blog": "verkiezingen-2024"},
                "https://cached-api.arena.im/v1/liveblog/example-regio/verkiezingen-2024",
            )
        ],
    ),
    "arena-iframe": EmbedCase(
        "arena",
        "<iframe src='https://go.arena.im/embed/example-regio/verkiezingen-2024?v=2' "
        "style='border: 0; width: 100%; height: 600px; border-radius: 4px;'></iframe>",
        [
            VendorEmbed(
                "arena",
                {"site": "example-regio", "blog": "verkiezingen-2024"},
                "https://cached-api.arena.im/v1/liveblog/example-regio/verkiezingen-2024",
            )
        ],
    ),
    "sourcefabric-iframe": EmbedCase(
        "",
        '<iframe id="liveblog-iframe" width="100%" scrolling="no" '
        'src="https://liveblog.example-regio.nl/blogs/6542f0c1e2a4b5001c9d8e7f/index.html" '
        'frameborder="0" allowfullscreen></iframe>',
        [
            VendorEmbed(
                "sourcefabric",
                {
                    "public_url": "https://liveblog.example-regio.nl/blogs/"
                    "6542f0c1e2a4b5001c9d8e7f/index.html"
                },
                "https://liveblog.example-regio.nl/blogs/6542f0c1e2a4b5001c9d8e7f/index.html",
            )
        ],
    ),
}
EMBED_READERS = {
    "24liveblog": liveblog24.embeds,
    "tickaroo": tickaroo.embeds,
    "scribblelive": scribblelive.embeds,
    "arena": arena.embeds,
    "sourcefabric": sourcefabric.embeds,
}


def article_with(case: EmbedCase) -> bytes:
    return ARTICLE.format(
        lang="en", title="Election day live", head=case.head, embed=case.embed_html
    ).encode()


@pytest.mark.parametrize("name", list(EMBEDS))
def test_embed_is_recognised_and_named(name: str) -> None:
    case = EMBEDS[name]
    vendor = case.expected[0].vendor
    root = parse(article_with(case))
    assert root is not None
    assert EMBED_READERS[vendor](root, ZW_URL) == case.expected
    others = [reader for key, reader in EMBED_READERS.items() if key != vendor]
    assert all(reader(root, ZW_URL) == [] for reader in others)
    if case.adapter:  # a container on the page, kept when scripts are removed
        assert case.adapter in [a.name for a in candidates(root, LOCAL)]
    adapter = next(a for a in REGISTRY if a.embeds is EMBED_READERS[vendor])
    assert adapter.present(survey(root))  # the survey lets the page through to the reader


@pytest.mark.parametrize("name", list(EMBEDS))
def test_an_embed_without_posts_yields_no_invented_updates(name: str) -> None:
    """The related box, the promo and the comments stay out; the ScribbleLive noscript copy,
    posts run together with nothing to tell them apart, is not read."""
    page = extract_page(article_with(EMBEDS[name]), ZW_URL)
    words = ("Earlier: what happened", "Subscribe to our newsletter", "Great coverage")
    for update in page.updates:
        assert "jsonld" in update.sources, update
        assert not any(w in update.body_text for w in words)
    assert not any("The polls have closed" in u.body_text for u in page.updates)
    # The embed is the evidence that this is a live blog, whose posts the browser loads.
    assert page.live_blog


def test_an_embed_awaiting_the_readers_consent_is_kept() -> None:
    """Live Blog's default theme holds tweets back in a consent template until the reader
    agrees: the embed is part of the post all the same."""
    case = next(c for c in PAGES if c.file.startswith("sourcefabric-storm"))
    page = extract_page(saved_page(case.file).read_bytes(), case.url)
    embeds = [m for u in page.updates for m in u.media if m["type"] == "embed"]
    assert [m["provider"] for m in embeds] == ["twitter"], embeds


def test_zw_liveblog_schema_gives_the_24liveblog_posts() -> None:
    """The 24liveblog posts a WordPress plugin writes into JSON-LD, with their ids and times."""
    page = extract_page(article_with(EMBEDS["24liveblog"]), ZW_URL)
    assert [(u.source_id, u.headline, u.published_at) for u in page.updates] == [
        ("liveblog-70311", "Stembureaus open", "2024-03-15T06:31:12Z"),
        ("liveblog-70318", None, "2024-03-15T08:02:40Z"),
    ]


def test_a_client_id_is_needed_for_the_tickaroo_endpoint() -> None:
    root = parse(
        b'<html><body><tickaroo-liveblog liveblogId="abc"></tickaroo-liveblog></body></html>'
    )
    assert root is not None
    assert tickaroo.embeds(root, LOCAL) == [VendorEmbed("tickaroo", {"liveblogId": "abc"}, None)]


def test_lookalike_markup_is_not_a_vendor() -> None:
    """WordPress's article[data-post-id], an unrelated iframe, a class that merely contains a
    vendor word: none is an embed or a Live Blog post."""
    body = (
        b'<html><body><article class="post" data-post-id="875889"><p>A WordPress post.</p>'
        b'</article><iframe src="https://www.youtube.com/embed/x"></iframe>'
        b'<div class="arena-liveblog-promo">Arena night</div>'
        b'<div class="scrbbl-embed" data-src="/about/us"></div></body></html>'
    )
    root = parse(body)
    assert root is not None
    names = [a.name for a in candidates(root, LOCAL)]
    assert not {"sourcefabric", "24liveblog", "tickaroo", "arena"} & set(names)
    assert all(reader(root, LOCAL) == [] for reader in EMBED_READERS.values())
    assert sourcefabric.extract(root, LOCAL) == []


# The older default theme (liveblog/liveblog, themes_assets/default/templates/post.html): the id in
# data-js-post-id, items straight in the article, the byline after them.
OLDER_THEME = """<html><body><div class="lb-timeline" data-js-target="timeline">
<div class="timeline-body timeline-body--loaded"><section class="lb-posts list-group">
<article class="lb-post list-group-item show-author-avatar" data-js-post-id="urn:newsml:localhost:2017-05-12T10:12:33.514412:aa11">
  <div class="lb-type lb-type--text"></div>
  <div class="lb-post-highlighted"></div>
  <div class="lb-post-date" data-js-timestamp="2017-05-12T10:14:02+00:00">2017-05-12T10:14:02+00:00</div>
  <div class="lb-item"><article><h3>Polls open across the state</h3><p>Voters have been queuing since dawn in the capital.</p></article></div>
  <div class="lb-item"><figure><img src="https://img.example.org/queue.jpg" alt="A queue"><figcaption>The queue outside the library <span>Ana Lopes</span></figcaption></figure></div>
  <div class="lb-author">
    <img class="lb-author__avatar" src="https://img.example.org/avatar.jpg" />
    <div class="lb-author__name">Rui Costa</div>
  </div>
</article>
</section></div></div></body></html>"""


def test_older_default_theme_post() -> None:
    (update,) = extract_page(OLDER_THEME.encode(), LOCAL).updates
    assert update.source_id == "urn:newsml:localhost:2017-05-12T10:12:33.514412:aa11"
    assert (update.headline, update.published_at) == (
        "Polls open across the state",
        "2017-05-12T10:14:02Z",
    )
    assert update.body_text == "Voters have been queuing since dawn in the capital."
    assert update.authors == ["Rui Costa"]
    assert update.key_event and not update.pinned
    assert update.media == [
        {
            "type": "image",
            "url": "https://img.example.org/queue.jpg",
            "caption": "The queue outside the library",
            "credit": "Ana Lopes",
        }
    ]


# Zeit Online's forks of the themes (ZeitOnline/liveblog-default-theme `template-post.html`;
# ZeitOnline/liveblog, `themes_assets/amp/templates/template-post.html`,
# `template-itemheader-date.html`): the default theme dates a post in a `span.relativeDate`
# (its `data-js-timestamp`, the ISO text a script turns into "07:30 Uhr") and its last edit in
# `.lb-post-updated-time`; the AMP theme moves a pinned post's `data-sort-time` ahead (its
# `addten` filter, so that it sorts first) and dates it in `amp-timeago[datetime]`; its text
# items are `div.lb-item__text`.
ZON_DEFAULT = """<html lang="de"><body><section data-timeline-normal class="lb-posts list-group">
<article class="lb-post list-group-item show-author-avatar default" data-post-id="urn:newsml:localhost:2024-05-14T15:52:10.2:bb02" data-post-sticky="False">
  <div class="lb-post-header"><div class="lb-type lb-type--default"></div>
    <div class="lb-post-metadata"><span class="lb-post-metadata__time">
      <span class="relativeDate" data-js-timestamp="2024-05-14T13:52:10+00:00" data-js-format="LT">2024-05-14T13:52:10+00:00</span><span>Uhr</span></span>
      <span class="lb-post-metadata__date relativeDate" data-js-timestamp="2024-05-14T13:52:10+00:00" data-js-format="LL">2024-05-14T13:52:10+00:00</span></div>
    <div class="lb-author"><span class="lb-author__name">Lena Hartmann</span></div></div>
  <div class="lb-items-container"><div class="lb-item text"><article><h2>Selenskyj sagt Reisen ab</h2><p>Der Präsident bleibt wegen der Lage im Land.</p></article></div></div>
  <div class="lb-post-updated"><span>Aktualisiert</span> <span class="lb-post-updated-time relativeDate" data-js-timestamp="2024-05-14T14:05:00+00:00">2024-05-14T14:05:00+00:00</span></div>
</article></section></body></html>"""
ZON_AMP = """<html lang="de"><body><amp-live-list id="lb-timeline" layout="container"><div items>
<article id="urnnewsmllocalhost20240514T0730001aa01" data-update-time="1715664600" data-sort-time="2031024600" class="lb-post lb-post--default show-author-avatar lb-post--sticky">
  <amp-timeago width="160" height="20" layout="fixed" class="lb-post-timeago" datetime="2024-05-14T05:30:00+0000" locale="de">vor 8 Stunden</amp-timeago>
  <div class="lb-type lb-type--default"></div>
  <amp-img src="https://zeit.liveblog.pro/images/pinpost.svg" width="10" height="13" class="pin-icon"></amp-img>
  <div class="lb-author"><div class="lb-author__name">Zeit Online</div></div>
  <div class="lb-item lb-item--text"><div class="lb-item__text"><h2>Das Wichtigste in Kürze</h2><p>Russische Truppen melden Geländegewinne bei Charkiw.</p></div></div>
</article></div></amp-live-list></body></html>"""


def test_zeit_onlines_themes_date_their_posts_where_their_templates_put_it() -> None:
    (default,) = extract_page(
        ZON_DEFAULT.encode(), LOCAL, fetched_at="2024-05-14T14:10:00Z"
    ).updates
    assert (default.headline, default.published_at, default.modified_at, default.authors) == (
        "Selenskyj sagt Reisen ab",
        "2024-05-14T13:52:10Z",
        "2024-05-14T14:05:00Z",
        ["Lena Hartmann"],
    )
    assert default.body_text == "Der Präsident bleibt wegen der Lage im Land."
    (pinned,) = extract_page(ZON_AMP.encode(), LOCAL, fetched_at="2024-05-14T14:10:00Z").updates
    assert (pinned.pinned, pinned.headline, pinned.published_at, pinned.body_text) == (
        True,
        "Das Wichtigste in Kürze",
        "2024-05-14T05:30:00Z",
        "Russische Truppen melden Geländegewinne bei Charkiw.",
    )


# The default theme ZeitOnline/liveblog bundles (`themes_assets/default/templates/
# template-post.html`) dates a post in `span.lb-post-metadata__date[data-js-timestamp]`, classed
# `relativeDate` only where the blog's date format is "ago", and boxes a text item's words in a
# bare `<div>`.
ZON_BUNDLED = """<html lang="de"><body><div class="lb-timeline">
<article class="lb-post" data-post-id="urn:newsml:localhost:2025-02-23T19:42:10.0:cc03" data-post-sticky="False">
  <div class="lb-post-header"><div class="lb-post-metadata"><span class="lb-post-metadata__time">
      19:42</span>
      <span class="lb-post-metadata__date" data-js-timestamp="2025-02-23T18:42:10+00:00">23. Februar 2025</span></div>
    <div class="lb-author"><span class="lb-author__name">Jana Roth</span></div></div>
  <div class="lb-items-container"><div class="lb-item lb-item--text"><div><h3>Erste Hochrechnung</h3><p>Die Union liegt vorn.</p></div></div></div>
</article></div></body></html>"""


def test_zeit_onlines_bundled_theme_dates_posts_in_any_date_format() -> None:
    (post,) = extract_page(ZON_BUNDLED.encode(), LOCAL, fetched_at="2025-02-23T19:00:00Z").updates
    assert (post.headline, post.published_at, post.authors, post.body_text) == (
        "Erste Hochrechnung",
        "2025-02-23T18:42:10Z",
        ["Jana Roth"],
        "Die Union liegt vorn.",
    )


def test_zeit_onlines_bundled_theme_dates_an_edit_by_the_line_it_prints() -> None:
    """Its "Aktualisiert" line prints the edit's date and clock, with no machine time."""
    edited = ZON_BUNDLED.replace(
        "</div></div></div>\n</article>",
        '</div></div></div>\n  <div class="lb-post-updated"><span>Aktualisiert</span>'
        ' <span class="lb-post-updated-time">23. Februar 2025 19:50</span></div>\n</article>',
    )
    (post,) = extract_page(edited.encode(), LOCAL, fetched_at="2025-02-23T19:00:00Z").updates
    assert (post.published_at, post.modified_at) == ("2025-02-23T18:42:10Z", "2025-02-23T18:50:00Z")
    (unedited,) = extract_page(
        ZON_BUNDLED.encode(), LOCAL, fetched_at="2025-02-23T19:00:00Z"
    ).updates
    assert unedited.modified_at is None


# Publishers' pages that embed each vendor -------------------------------------------------------
# Built pages under tests/pages/, each saying at its top where its embed is documented: the
# embed, the structured data or server-rendered posts the vendor's integration adds, and the
# publisher's own shell around them (related boxes, promos, comments, lists of other news).


@dataclass(frozen=True)
class EmbedPage:
    """A publisher's page with a vendor's embed, and what a reader of it sees."""

    file: str
    url: str
    fetched_at: str
    embed: VendorEmbed
    # The embed's elements (container, script), whose removal leaves an ordinary article.
    embed_xpath: str
    # (headline, published_at, body start) of every post, in page order; none where the
    # vendor's script draws them in the browser and nothing on the page lists them.
    posts: tuple[tuple[str | None, str, str], ...]
    # Whether the page's HTML shows the posts (a server-side fetch), not its JSON-LD alone.
    rendered: bool
    # Words of the publisher's shell, which no update may hold.
    absent: tuple[str, ...]


EMBED_PAGES = [
    EmbedPage(
        "liveblog24-verkiezingen-nl-2023-11-22.html",
        "https://www.omroep-kust.example.nl/nieuws/tweede-kamerverkiezingen-live",
        "2023-11-22T21:30:00Z",
        VendorEmbed(
            "24liveblog",
            {"eid": "3191640583617431552"},
            "https://data.24liveplus.com/v1/retrieve_server/x/event/3191640583617431552"
            "/news/?inverted_order=1&limit=100",
        ),
        "//div[@id='LB24_LIVE_CONTENT']",
        posts=(
            ("Opkomst in de regio hoger dan in 2021", "2023-11-22T20:05:40Z", "Volgens de"),
            (None, "2023-11-22T20:00:12Z", "De stembureaus zijn gesloten."),
            ("Lange rij bij stembureau in het station", "2023-11-22T18:47:03Z", "Bij het"),
            (None, "2023-11-22T15:32:55Z", "Tot vier uur heeft in Terneuzen 48 procent"),
            ("Burgemeester stemt in de bibliotheek", "2023-11-22T10:15:27Z", "De burgemeester"),
            ("Stembureaus open", "2023-11-22T06:30:08Z", "Goedemorgen! Vanaf half acht"),
        ),
        rendered=False,
        absent=(
            "Tweede Kamerverkiezingen: volg de dag",
            "Vandaag kiest Nederland",
            "Stemwijzer",
            "Schrijf je in voor onze nieuwsbrief",
            "Grote brand in loods",
            "Kust Vandaag",
        ),
    ),
    EmbedPage(
        "tickaroo-landtagswahl-de-2024-09-01.html",
        "https://www.elbkurier.example.de/politik/sachsen/landtagswahl-sachsen-2024-liveticker",
        "2024-09-01T17:30:00Z",
        VendorEmbed(
            "tickaroo",
            {
                "liveblogId": "66d3f1a2e4b0c17a5d2e9f31",
                "clientId": "5c1d2e3f4a5b6c7d8e9f0a1b",
                "themeId": "64aa00bb11cc22dd33ee44ff",
            },
            "https://cdn.tickaroo.com/api/embed/v4/prefetch/liveblog.json?"
            "liveblogId=66d3f1a2e4b0c17a5d2e9f31&client_id=5c1d2e3f4a5b6c7d8e9f0a1b"
            "&themeId=64aa00bb11cc22dd33ee44ff",
        ),
        "//tickaroo-liveblog",
        posts=(
            ("Hochrechnung: CDU knapp vor AfD", "2024-09-01T17:24:31Z", "Nach der neuesten"),
            (None, "2024-09-01T16:47:05Z", "Im Landtag in Dresden ist es voll"),
            ("Erste Prognose: Kopf-an-Kopf-Rennen", "2024-09-01T16:02:44Z", "Die Wahllokale"),
            ("Wahlbeteiligung bis 16 Uhr höher als 2019", "2024-09-01T14:30:12Z", "Bis 16 Uhr"),
            (None, "2024-09-01T09:15:58Z", "Der Ministerpräsident hat in Dresden-Loschwitz"),
            ("Die Wahllokale sind geöffnet", "2024-09-01T06:00:03Z", "Guten Morgen! Bis 18"),
        ),
        rendered=True,
        absent=(
            "Sonntag, 01.09.2024",
            "Elbkurier-Redaktion",
            "Weitere Beiträge laden",
            "Wahl-O-Mat",
            "Wer in Ihrem Wahlkreis",
            "AfD in Thüringen deutlich vorn",
            "Ramelow",
            "Elbkurier+ testen",
        ),
    ),
    EmbedPage(
        "scribblelive-election-ca-2022-06-02.html",
        "https://www.northbay-examiner.example.ca/news/provincial/ontario-election-night-live",
        "2022-06-03T02:45:00Z",
        VendorEmbed("scribblelive", {"type": "event", "id": "3049123", "theme": "71250"}),
        "//div[@class='scrbbl-embed']",
        posts=(),
        rendered=False,
        absent=(),
    ),
    EmbedPage(
        "arena-copa-do-brasil-pt-2023-09-24.html",
        "https://www.gazetadovale.example.com.br/esportes/final-copa-do-brasil-ao-vivo",
        "2023-09-24T21:10:00Z",
        VendorEmbed(
            "arena",
            {"site": "gazeta-do-vale", "blog": "final-copa-do-brasil-2023"},
            "https://cached-api.arena.im/v1/liveblog/gazeta-do-vale/final-copa-do-brasil-2023",
        ),
        "//div[@class='arena-liveblog'] | //script[contains(@src, 'arenalib.js')]",
        posts=(
            ("Fim de jogo: São Paulo é campeão!", "2023-09-24T20:58:41Z", "O São Paulo empata"),
            (None, "2023-09-24T20:31:07Z", "Gol do Flamengo! Bruno Henrique cabeceia"),
            ("Intervalo no Morumbi", "2023-09-24T19:49:15Z", "Fim do primeiro tempo"),
            (None, "2023-09-24T19:20:52Z", "Gol do São Paulo! Rodrigo Nestor"),
            ("Escalações confirmadas", "2023-09-24T18:12:30Z", "Dorival Júnior repete"),
        ),
        rendered=False,
        absent=(
            "São Paulo e Flamengo decidem",
            "Ingressos para a final",
            "Cadastre-se na nossa newsletter",
            "Obras interditam avenida",
        ),
    ),
]
# What every shell holds besides: the ScribbleLive page's comments, related stories, promo and
# sidebar, and its noscript copy of the posts run together.
SCRIBBLE_SHELL = (
    "Polls are now closed",
    "Turnout was terrible at our poll",
    "Thanks for the coverage tonight",
    "Candidates spar over hospital funding",
    "Support local journalism",
    "Bridge repairs to close Main Street",
    "Polls close at 9 p.m.",
)


@pytest.fixture(params=EMBED_PAGES, ids=[c.file.split("-")[0] for c in EMBED_PAGES])
def embed_page(request: pytest.FixtureRequest) -> EmbedPage:
    return request.param  # type: ignore[no-any-return]


def read_embed_page(case: EmbedPage, body: bytes | None = None, url: str | None = None) -> Page:
    body = saved_page(case.file).read_bytes() if body is None else body
    return extract_page(body, url or case.url, fetched_at=case.fetched_at)


def test_the_vendor_is_recognised_and_named(embed_page: EmbedPage) -> None:
    root = parse(saved_page(embed_page.file).read_bytes())
    assert root is not None
    vendor = embed_page.embed.vendor
    assert EMBED_READERS[vendor](root, embed_page.url) == [embed_page.embed]
    assert all(read(root, embed_page.url) == [] for v, read in EMBED_READERS.items() if v != vendor)
    for url in (embed_page.url, LOCAL):  # by its markup, wherever the page is served
        assert vendor in [a.name for a in candidates(root, url)]


def test_the_embed_is_the_evidence_of_a_live_blog(embed_page: EmbedPage) -> None:
    """Without its structured data the page is still a live blog, by its embed alone; without
    the embed's container too, it yields nothing, and is a live blog only as its address and
    title say (each of these pages' does: a blog whose posts are not in its markup)."""
    body = strip_structured(saved_page(embed_page.file).read_bytes())
    assert read_embed_page(embed_page, body).live_blog
    article = read_embed_page(embed_page, without(body, embed_page.embed_xpath))
    assert article.updates == []
    assert article.live_blog
    # Its titles gone, at an address that says nothing: an ordinary article.
    untitled = without(
        without(body, embed_page.embed_xpath), "//title | //meta[@property='og:title'] | //h1"
    )
    plain = read_embed_page(embed_page, untitled, url="http://127.0.0.1:8000/news/article")
    assert not plain.live_blog and plain.updates == []


def without(body: bytes, xpath: str) -> bytes:
    """The page without the elements an XPath names (the text after each stays)."""
    root = parse(body)
    assert root is not None
    found = root.xpath(xpath)
    assert found, xpath
    for element in found:
        parent = element.getparent()
        previous = element.getprevious()
        if element.tail and previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        elif element.tail:
            parent.text = (parent.text or "") + element.tail
        parent.remove(element)
    return bytes(etree.tostring(root, method="html", encoding="utf-8"))


def test_every_post_with_its_headline_time_and_body(embed_page: EmbedPage) -> None:
    for url in (embed_page.url, LOCAL):
        page = read_embed_page(embed_page, url=url)
        assert page.live_blog
        found = [(u.headline, u.published_at) for u in page.updates]
        assert found == [(headline, at) for headline, at, _ in embed_page.posts]
        for update, (_, _, body_start) in zip(page.updates, embed_page.posts, strict=True):
            assert update.body_text.startswith(body_start), update.body_text[:80]
            assert ("html" in update.sources) == embed_page.rendered


def test_the_publisher_shell_yields_no_update(embed_page: EmbedPage) -> None:
    """Related boxes, promos, comments and lists of other news, with or without the page's
    structured data: nothing of them is an update, and no update is invented beside the posts."""
    original = saved_page(embed_page.file).read_bytes()
    shown = len(embed_page.posts) if embed_page.rendered else 0
    for body, expected in ((original, len(embed_page.posts)), (strip_structured(original), shown)):
        page = read_embed_page(embed_page, body)
        assert len(page.updates) == expected
        for update in page.updates:
            text = " ".join([update.headline or "", update.body_text, update.body_html])
            for words in embed_page.absent + SCRIBBLE_SHELL:
                assert words not in text, (update.headline, words)


def test_server_rendered_tickaroo_posts_are_read_from_the_html() -> None:
    """Tickaroo's server-side fetch puts the posts in the page: without the JSON-LD beside them
    they are read as the page shows them, each with the date and clock it prints."""
    case = next(c for c in EMBED_PAGES if c.embed.vendor == "tickaroo")
    page = read_embed_page(case, strip_structured(saved_page(case.file).read_bytes()))
    assert [(u.headline, u.published_at) for u in page.updates] == [
        (headline, at[:17] + "00Z") for headline, at, _ in case.posts
    ]
    for update, (_, _, body_start) in zip(page.updates, case.posts, strict=True):
        assert update.body_text.startswith(body_start) and update.sources == ["html"]
    assert page.updates[2].media == [
        {
            "type": "image",
            "url": "https://media.elbkurier.example.de/tickaroo/2024/09/wahlparty-dresden.jpg",
            "caption": "Anhänger verfolgen die Prognose im Landtag.",
            "credit": "Lena Vogt",  # its label ("Foto:") is no part of the name
        }
    ]
    # With the JSON-LD, a post without a headline is still the HTML's, in its place.
    whole = read_embed_page(case)
    assert whole.updates[1].headline is None and "html" in whole.updates[1].sources


def test_a_tickaroo_teaser_is_not_the_pages_liveblog() -> None:
    """The sidebar's <tickaroo-liveblog-teaser> shows lines of another liveblog: it names no
    embed of this page, and none of its lines is an update."""
    case = next(c for c in EMBED_PAGES if c.embed.vendor == "tickaroo")
    body = saved_page(case.file).read_bytes()
    root = parse(body)
    assert root is not None and root.xpath("//tickaroo-liveblog-teaser")
    assert [e.ids["liveblogId"] for e in tickaroo.embeds(root, case.url)] == [
        "66d3f1a2e4b0c17a5d2e9f31"
    ]
    teaser_only = body.replace(b"<tickaroo-liveblog ", b"<div ").replace(
        b"</tickaroo-liveblog>", b"</div>"
    )
    teaser_root = parse(teaser_only)
    assert teaser_root is not None and tickaroo.embeds(teaser_root, case.url) == []


# Automattic's Liveblog for WordPress: the newer markups and the API the settings name ---------

# templates/entries-list.php and templates/entry.php: cards the server renders.
WP_CARDS = """<html lang="en-US"><head><title>Storm live</title></head><body><article><h1>Storm live</h1>
<div id="liveblog-entries" class="liveblog-entries" data-post-id="90377" data-last-timestamp="1710520938">
<article id="liveblog-entry-48217" class="liveblog-entry liveblog-entry-card liveblog-entry-normal"
 data-entry-id="48217" data-timestamp="1710524538">
 <header class="liveblog-card-header"><span class="liveblog-card-author">Dana Whitfield</span>
 <time datetime="2024-03-15T17:42:18+00:00">18 mins ago</time></header>
 <div class="liveblog-entry-content liveblog-card-content"><p>The warning is extended to 8 p.m.</p></div>
</article>
<article id="liveblog-entry-48209" class="liveblog-entry liveblog-entry-card liveblog-entry-breakout"
 data-entry-id="48209" data-timestamp="1710522351">
 <header class="liveblog-card-header"><span class="liveblog-card-author">Marcus Oyelaran</span>
 <time datetime="2024-03-15T17:05:51+00:00">55 mins ago</time>
 <span class="liveblog-breakout-badge">Breakout</span></header>
 <div class="liveblog-entry-content liveblog-card-content"><p>Radar shows heavy bands.</p></div>
 <footer class="liveblog-card-footer"><a href="/2024/03/15/radar/" class="liveblog-read-more">Read more →</a></footer>
</article>
<div id="liveblog-load-more" class="liveblog-load-more" style="display: none;">
<button class="button" type="button">Load more entries</button></div>
</div></article></body></html>"""

# src/react/containers/EntryContainer.js, as a browser draws it (`--render`).
WP_DRAWN = """<html lang="en-US"><head><title>Storm live</title></head><body><article><h1>Storm live</h1>
<div id="wpcom-liveblog-container" class="90377"><div class="liveblog-feed">
<article id="id_48217" class="liveblog-entry is-key-event liveblog byuser depth-1">
 <aside class="liveblog-entry-aside"><a class="liveblog-meta-time" href="https://valleycourier.example.com/2024/03/15/storm/#48217">
 <span>18 minutes ago</span><span>1:42 PM Mar 15, 2024</span></a></aside>
 <div class="liveblog-entry-main"><header class="liveblog-meta"><div class="liveblog-meta-authors">
 <div class="liveblog-meta-author"><span class="liveblog-meta-author-name">Dana Whitfield</span></div>
 <div class="liveblog-meta-author"><span class="liveblog-meta-author-name">Marcus Oyelaran</span></div>
 </div><h2 class="liveblog-entry-header">Warning extended</h2></header>
 <div class="liveblog-entry-content"><p>The warning is extended to 8 p.m.</p></div></div>
</article></div></div></body></html>"""


def test_wordpress_liveblog_cards_rendered_by_the_server() -> None:
    page = extract_page(WP_CARDS.encode(), COURIER)
    assert [(u.source_id, u.published_at, u.authors) for u in page.updates] == [
        ("liveblog-entry-48217", "2024-03-15T17:42:18Z", ["Dana Whitfield"]),
        ("liveblog-entry-48209", "2024-03-15T17:05:51Z", ["Marcus Oyelaran"]),
    ]
    assert [u.body_text for u in page.updates] == [
        "The warning is extended to 8 p.m.",
        "Radar shows heavy bands.",
    ]


@pytest.mark.parametrize("content", ["liveblog-entry-content liveblog-card-content", "t-words"])
def test_a_wordpress_cards_featured_image_is_its_media_and_read_more_no_word(content: str) -> None:
    """A card (templates/entry.php) draws its entry's featured image in
    `div.liveblog-card-featured`, above and outside the entry's words: a picture of the entry.
    A broken-out entry's footer links to its own post ("Read more →"): no word of the entry,
    with the plugin's classes or a theme's own for the words."""
    featured = (
        '<div class="liveblog-card-featured"><img width="1024" height="576" src="/wp-content/'
        'uploads/2024/03/plow-1024x576.jpg" class="attachment-large size-large wp-post-image" '
        'alt="" loading="lazy"></div>'
    )
    cards = WP_CARDS.replace(
        '<div class="liveblog-entry-content liveblog-card-content">',
        f'{featured}<div class="{content}">',
    )
    updates = extract_page(cards.encode(), COURIER).updates
    assert [(u.body_text, [m["url"] for m in u.media]) for u in updates] == [
        (text, ["https://valleycourier.example.com/wp-content/uploads/2024/03/plow-1024x576.jpg"])
        for text in ("The warning is extended to 8 p.m.", "Radar shows heavy bands.")
    ]
    assert "Read more" not in updates[1].body_html


def test_a_wordpress_entrys_key_command_flags_it_and_is_no_word_of_it() -> None:
    """The plugin's `/key` command stays in the entry's words as
    `span.liveblog-command.type-key` (its MetadataPresenter strips it from the JSON-LD)."""
    cards = WP_CARDS.replace(
        "<p>The warning is extended to 8 p.m.</p>",
        '<p><span class="liveblog-command type-key">key</span> The warning is extended.</p>',
    )
    page = extract_page(cards.encode(), COURIER)
    assert [(u.key_event, u.body_text) for u in page.updates] == [
        (True, "The warning is extended."),
        (False, "Radar shows heavy bands."),
    ]


def test_liveblog_19s_json_ld_headline_of_ten_words_is_the_entrys_cut_words() -> None:
    """Liveblog 1.9 leaves the page its container and JSON-LD alone (MetadataPresenter):
    each entry's headline is its first ten words and "…", its articleBody an empty Text."""
    entries = [
        {
            "@type": "BlogPosting",
            "headline": f"The warning is extended to {n} p.m. across the whole of the…",
            "url": f"{COURIER}#4821{n}",
            "datePublished": f"2024-03-15T1{n}:00:00+00:00",
            "articleBody": {"@type": "Text"},
        }
        for n in (7, 6)
    ]
    data = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": entries}
    page = (
        "<html><head><title>Storm live</title><script type='application/ld+json'>"
        f"{json.dumps(data)}</script></head><body><div id='wpcom-liveblog-container' "
        "class='90377'></div></body></html>"
    )
    found = extract_page(page.encode(), COURIER, fetched_at="2024-03-15T18:00:00Z")
    assert [(u.headline, u.body_text, u.truncated) for u in found.updates] == [
        (None, f"The warning is extended to {n} p.m. across the whole of the…", True)
        for n in (7, 6)
    ]


def test_a_wordpress_entry_that_opens_with_a_heading_is_titled_by_it() -> None:
    """The plugin has no field for an entry's title: an author who gives one opens the entry
    with a heading block (`h2.wp-block-heading`). It is the entry's headline, not its first
    words; and its JSON-LD's headline, the entry's first ten words and "…"
    (MetadataPresenter's wp_trim_words), the start of a captioned picture's among them, is none."""
    cards = WP_CARDS.replace(
        "<p>The warning is extended to 8 p.m.</p>",
        '<h2 class="wp-block-heading">Warning extended</h2><p>The warning is extended to 8 p.m.</p>',
    ).replace(
        "<p>Radar shows heavy bands.</p>",
        '<figure class="wp-block-image"><img src="/radar.png" alt=""><figcaption>Radar at 1 p.m. '
        "over the bay and the coast</figcaption></figure><p>Radar shows heavy bands.</p>",
    )
    data = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": [
        {"@type": "BlogPosting", "headline": "Warning extended The warning is extended to 8…",
         "url": f"{COURIER}#48217", "datePublished": "2024-03-15T17:42:18+00:00",
         "articleBody": "<h2>Warning extended</h2><p>The warning is extended to 8 p.m.</p>"},
        {"@type": "BlogPosting", "headline": "Radar at 1 p.m. over the bay and the coast Radar…",
         "url": f"{COURIER}#48209", "datePublished": "2024-03-15T17:05:51+00:00",
         "articleBody": "<figure><img src='/radar.png'><figcaption>Radar at 1 p.m. over the bay "
         "and the coast</figcaption></figure><p>Radar shows heavy bands.</p>"}]}  # fmt: skip
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    for page in (cards, cards.replace("</head>", f"{script}</head>")):
        updates = extract_page(page.encode(), COURIER).updates
        assert [(u.headline, u.body_text) for u in updates] == [
            ("Warning extended", "The warning is extended to 8 p.m."),
            (None, "Radar shows heavy bands."),
        ]


def test_a_wordpress_themes_entry_header_of_its_own_classes_is_no_body() -> None:
    """A theme that writes the plugin's entries with classes of its own and no `<header>`: a
    box with the author's picture and name and the link to the entry (its date and clock) opens
    each entry. That box is no part of the entry's words."""
    entries = "".join(
        f'<div id="liveblog-entry-{n}" class="t-entry" data-timestamp="{stamp}"><div class="t-top">'
        '<span class="t-pic"><img alt="" src="https://secure.gravatar.com/avatar/bc59?s=30" '
        'width="30"></span><span class="t-who"><a href="/author/dana/">Dana Whitfield</a></span>'
        f'<span class="t-when"><a href="#liveblog-entry-{n}"><span>March 15, 2024</span>'
        f'<span>{clock}</span></a></span></div><div class="t-words"><p>{words}</p></div></div>'
        for n, stamp, clock, words in (
            (48217, 1710524538, "1:42 pm", "The warning is extended to 8 p.m."),
            (48209, 1710522351, "1:05 pm", "Radar shows heavy bands."),
        )
    )
    page = extract_page(
        f'<html><body><div id="liveblog-entries">{entries}</div></body></html>'.encode(), COURIER
    )
    assert [(u.source_id, u.published_at, u.body_text) for u in page.updates] == [
        ("liveblog-entry-48217", "2024-03-15T17:42:18Z", "The warning is extended to 8 p.m."),
        ("liveblog-entry-48209", "2024-03-15T17:05:51Z", "Radar shows heavy bands."),
    ]


def test_wordpress_liveblog_entries_drawn_by_the_browser() -> None:
    """Every author the entry lists, its headline, its key-event mark; the clock it shows,
    in the site's zone that the markup does not name, is left to the API's reading."""
    (update,) = extract_page(WP_DRAWN.encode(), COURIER).updates
    assert update.source_id == "liveblog-entry-48217"
    assert update.headline == "Warning extended"
    assert update.authors == ["Dana Whitfield", "Marcus Oyelaran"]
    assert update.key_event
    assert update.body_text == "The warning is extended to 8 p.m."
    assert update.permalink == "https://valleycourier.example.com/2024/03/15/storm/#48217"


@pytest.mark.parametrize(
    "zone",
    [
        '"timezone_string":"America\\/New_York","utc_offset":-300',
        '"timezone_string":"","utc_offset":"-300"',  # a site set to an offset, in minutes
    ],
)
@pytest.mark.parametrize("newest", [1730854080, 1730853480])  # (10 minutes before the newest)
def test_wordpress_liveblog_entries_drawn_by_the_browser_in_the_sites_zone(
    zone: str, newest: int
) -> None:
    """A page saved after the plugin's script drew its entries (`EntryContainer.js`) shows
    how long ago and a clock, no timestamp; the settings the page gives the script (kept in
    the saved page) name the site's zone and the newest entry's time: each clock is read in
    that zone, down the stream from that entry's day (over midnight too), or as the date and
    clock it shows. Entries the browser drew after the settings were written are on that
    day too."""
    shown = [("2 minutes ago", "7:48 pm"), ("29 minutes ago", "7:21 pm"),
             ("an hour ago", "6:30 pm"), ("20 hours ago", "11:50 pm"),
             ("a day ago", "6:05 PM Nov 4, 2024")]  # fmt: skip
    entries = "".join(
        f'<article id="id_9041{n}" class="liveblog-entry"><aside class="liveblog-entry-aside">'
        f'<a class="liveblog-meta-time" href="{COURIER}#id_9041{n}"><span>{ago}</span><span>'
        f'{clock}</span></a></aside><div class="liveblog-entry-main"><div class="liveblog-'
        f'entry-content"><p>Entry {n} of the count.</p></div></div></article>'
        for n, (ago, clock) in enumerate(shown)
    )
    settings = (
        '{"endpoint_url":"https:\\/\\/valleycourier.example.com\\/wp-json\\/liveblog\\/v1\\/90377\\/",'
        f'"latest_entry_id":"90410","latest_entry_timestamp":{newest},{zone}}}'
    )
    body = (
        f'<html lang="en-US"><head><title>Election live</title><script>var liveblog_settings = '
        f'{settings};</script></head><body><div id="wpcom-liveblog-container" class="90377">'
        f'<div class="liveblog-feed">{entries}</div></div></body></html>'
    )
    updates = extract_page(body.encode(), COURIER, fetched_at="2024-11-06T00:50:00Z").updates
    assert [u.published_at for u in updates] == [
        "2024-11-06T00:48:00Z",
        "2024-11-06T00:21:00Z",
        "2024-11-05T23:30:00Z",
        "2024-11-05T04:50:00Z",
        "2024-11-04T23:05:00Z",
    ]


@pytest.mark.parametrize(
    "zone",
    ['"utc_offset":1e309', '"utc_offset":"inf"', '"utc_offset":true', '"utc_offset":[]',
     '"utc_offset":"abc"', '"timezone_string":7', '"utc_offset":1e20',
     '"timezone_string":"America"', '"timezone_string":"' + 'a' * 300 + '"',
     '"utc_offset":-300,"latest_entry_timestamp":"9999-12-31T23:59:00Z"',
     '"utc_offset":-300,"latest_entry_timestamp":"0001-01-01T00:10:00Z"'],
)  # fmt: skip
def test_wordpress_liveblog_settings_that_name_no_zone_time_no_drawn_entry(zone: str) -> None:
    """Settings whose zone is no zone (infinite, a flag, a list, a word) place no clock."""
    entry = (
        f'<article id="id_90410" class="liveblog-entry"><aside class="liveblog-entry-aside"><a '
        f'class="liveblog-meta-time" href="{COURIER}#id_90410"><span>2 minutes ago</span><span>'
        '7:48 pm</span></a></aside><div class="liveblog-entry-content"><p>Entry of the count.'
        "</p></div></article>"
    )
    body = (
        '<html lang="en-US"><head><script>var liveblog_settings = {"latest_entry_id":"90410",'
        f'"latest_entry_timestamp":1730854080,{zone}}};</script></head><body><div id="wpcom-'
        f'liveblog-container">{entry}</div></body></html>'
    )
    (update,) = extract_page(body.encode(), COURIER, fetched_at="2024-11-06T00:50:00Z").updates
    assert (update.body_text, update.published_at) == ("Entry of the count.", None)


@pytest.mark.parametrize(
    ("settings", "endpoint"),
    [
        (  # as wp_localize_script prints it: every value a string, slashes escaped
            '{"post_id":"90377","latest_entry_timestamp":"1710524538","latest_entry_id":"48217",'
            '"endpoint_url":"https:\\/\\/valleycourier.example.com\\/wp-json\\/liveblog\\/v1\\/90377\\/"}',
            "https://valleycourier.example.com/wp-json/liveblog/v1/90377/get-entries/1/48217-1710524538",
        ),
        (  # without pretty permalinks the AJAX endpoint under the post's address
            '{"latest_entry_timestamp":1710524538,"latest_entry_id":48217,'
            '"endpoint_url":"/2024/03/15/noreaster-live-updates/liveblog/"}',
            "https://valleycourier.example.com/2024/03/15/noreaster-live-updates/liveblog/"
            "get-entries/1/48217-1710524538",
        ),
        ('{"latest_entry_id":"","endpoint_url":"https:\\/\\/x.example\\/wp-json\\/"}', None),
        ('{"latest_entry_id":"48217"}', None),
        ("{not json", None),
    ],
)
def test_wordpress_liveblog_settings_name_the_entries_api(
    settings: str, endpoint: str | None
) -> None:
    """The page holds only the container: the settings the plugin gives its script name the
    paged entries, from the newest the page knew; an empty liveblog names nothing."""
    body = (
        '<html><head><script type="text/javascript" id="liveblog-js-extra">\n/* <![CDATA[ */\n'
        f"var liveblog_settings = {settings};\n/* ]]> */\n</script></head><body>"
        '<div id="wpcom-liveblog-container" class="90377"></div></body></html>'
    )
    reading = extract_reading(body.encode(), COURIER)
    assert [(e.url, e.kind, e.host_allowed) for e in reading.endpoints] == (
        [(endpoint, "wp-liveblog", False)] if endpoint else []
    )
    assert reading.page.updates == []


def test_a_wordpress_comment_thread_is_no_liveblog() -> None:
    """Reader comments carry the same comment classes as the plugin's entries, but no entry's
    container: not the plugin's, and nothing is invented."""
    comments = "".join(
        f'<li class="comment byuser even thread-even depth-1" id="li-comment-{n}">'
        f'<article id="div-comment-{n}" class="comment-body"><footer class="comment-meta">'
        f'<b class="fn">Reader {n}</b><div class="comment-metadata"><a href="#comment-{n}">'
        f'<time datetime="2024-03-15T1{n}:00:00-04:00">March 15, 2024 at {n}:00 pm</time></a>'
        f'</div></footer><div class="comment-content"><p>Comment {n} on the storm and the '
        f'plows in our street this morning.</p></div><div class="reply"><a class="comment-reply-link"'
        f' href="#comment-{n}">Reply</a></div></article></li>'
        for n in range(1, 6)
    )
    body = (
        "<html><head><title>Storm prep: what to do</title></head><body><article><h1>Storm prep"
        "</h1><p>Here is what to do before the snow starts.</p></article><div id='comments'>"
        f"<ol class='comment-list'>{comments}</ol></div></body></html>"
    ).encode()
    root = parse(body)
    assert root is not None
    assert "wp-liveblog" not in [a.name for a in candidates(root, COURIER)]
    assert extract_page(body, COURIER).updates == []


# templates/amp/feed.php, entry.php and pagination.php (classes/class-wpcom-liveblog-amp.php):
# the item's id is its latest version's time, data-sort-time its first's, its number in the
# address its share buttons share.
def wp_amp_entry(number: int, first: int, latest: int, author: str, text: str) -> str:
    share = f"https://valleycourier.example.com/2024/03/15/storm/amp/?liveblog_id={number}"
    return f"""<div class="liveblog-entry" id="post{latest}" data-sort-time="{first}">
 <aside class="liveblog-entry-aside"><a class="liveblog-meta-time" href="#" target="_blank">
 <span>2 hours ago</span><span>March 15, 2024 </span></a></aside>
 <div class="liveblog-entry-main"><header class="liveblog-meta-authors">
 <div class="liveblog-meta-author"><span class="liveblog-meta-author-name">{author}</span></div>
 </header><div class="liveblog-entry-content"><p>{text}</p>
 <amp-social-share type="twitter" width="45" height="33" data-param-url="{share}"></amp-social-share>
 <amp-social-share type="email" width="45" height="33" data-param-url="{share}"></amp-social-share>
 </div></div></div>"""


WP_AMP = f"""<!doctype html><html amp lang="en-US"><head><meta charset="utf-8">
<title>Storm live</title><link rel="canonical" href="https://valleycourier.example.com/2024/03/15/storm/">
</head><body><article><h1>Storm live</h1><div class="amp-wp-article-liveblog">
<amp-live-list layout="container" data-poll-interval="10000" data-max-items-per-page="5"
 id="amp-live-list-insert-blog"><button id="live-list-update-button" update
 on="tap:amp-live-list-insert-blog.update" class="ampstart-btn caps">You have updates</button>
<div items>
{wp_amp_entry(48217, 1710524538, 1710524538, "Dana Whitfield", "The warning is extended.")}
{wp_amp_entry(48196, 1710519604, 1710521920, "Dana Whitfield", "Key update: an emergency.")}
{wp_amp_entry(48170, 1710514089, 1710514089, "Marcus Oyelaran", "Trains run late.")}
</div><div pagination><nav aria-label="amp live list pagination" class="liveblog-pagination">
<div></div><span class="liveblog-pagination-pages">1 of 3</span><div>
<a href="https://valleycourier.example.com/2024/03/15/storm/amp/?liveblog_page=2&amp;liveblog_last=48217-1710524538"
 title="Next" class="liveblog-btn liveblog-pagination-btn liveblog-pagination-next">Next</a>
<a href="https://valleycourier.example.com/2024/03/15/storm/amp/?liveblog_page=3&amp;liveblog_last=48217-1710524538"
 title="Last" class="liveblog-btn liveblog-pagination-btn liveblog-pagination-next">Last</a>
</div></nav></div></amp-live-list></div></article></body></html>"""


def test_wordpress_liveblog_amp_page_keeps_each_entry_across_its_edits() -> None:
    """The AMP list's item ids change with every edit: the entry's number (in the address it
    shares) is its id, data-sort-time its publication, the item id's time its last edit; the
    pagination's "Next" is the older entries."""
    amp_url = "https://valleycourier.example.com/2024/03/15/storm/amp/"
    page = extract_page(WP_AMP.encode(), amp_url)
    assert [(u.source_id, u.published_at, u.modified_at, u.authors) for u in page.updates] == [
        ("liveblog-entry-48217", "2024-03-15T17:42:18Z", None, ["Dana Whitfield"]),
        (
            "liveblog-entry-48196",
            "2024-03-15T16:20:04Z",
            "2024-03-15T16:58:40Z",
            ["Dana Whitfield"],
        ),
        ("liveblog-entry-48170", "2024-03-15T14:48:09Z", None, ["Marcus Oyelaran"]),
    ]
    assert [u.body_text for u in page.updates] == [
        "The warning is extended.",
        "Key update: an emergency.",
        "Trains run late.",
    ]
    assert page.updates[0].permalink == amp_url + "?liveblog_id=48217"
    assert page.next_urls[0] == amp_url + "?liveblog_page=2&liveblog_last=48217-1710524538"


# Quintype's AMP live pages (quintype/quintype-amp `src/templates/live-blog/live-blog.tsx`
# and `card-updated-at.tsx`): each card an `amp-live-list` item with its `data-sort-time`, its
# elements, and a "Updated at: …" line at its foot; its JSON-LD (quintype/quintype-node-seo
# `structured-data-tags.js`) gives every liveBlogUpdate the whole story's words, the story's
# headline where the card has none, and no id. Words invented.
def _quintype_card(n: int, title: str, words: str, shown: str) -> str:
    heading = f'<h2 class="story-element-title">{title}</h2>' if title else ""
    return (
        f'<div id="c7a1-000{n}" data-sort-time="{1722851520000 - n * 600000}">{heading}'
        f'<div class="story-element-text"><p>{words}</p></div><div class="dateline-wrapper">'
        f'<span class="date-time">Updated at: 5th Aug, 2024 at {shown}</span></div>'
        '<div class="body-ad"><amp-ad width="300" height="250" type="doubleclick"></amp-ad>'
        "</div></div>"
    )


def test_a_quintype_amp_card_is_one_update_whatever_its_json_ld_lends_it() -> None:
    """The cards are the posts, their footer's "Updated at: …" no word of them; the JSON-LD
    copies, the story's words in each, lend nothing and add no post."""
    cards = [
        (0, "Crowds gather again", "Several hundred people gathered at the junction.", "3:25 PM"),
        (1, "", "Traffic on the ring road has nearly stopped since noon.", "3:15 PM"),
        (2, "Ministry statement", "The ministry asked everyone to stay calm tonight.", "3:05 PM"),
    ]
    story = " ".join(words for _, _, words, _ in cards)
    updates = [
        {"@type": "BlogPosting", "headline": title or "Dhaka: the latest (live)",
         "datePublished": f"2024-08-05T09:{52 - n * 10}:00Z", "articleBody": story,
         "author": [{"@type": "Person", "name": "Staff Reporter"}]}
        for n, title, _, _ in cards
    ]  # fmt: skip
    data = {"@context": "http://schema.org", "@type": "LiveBlogPosting",
            "headline": "Dhaka: the latest (live)", "liveBlogUpdate": updates}  # fmt: skip
    items = "".join(_quintype_card(*card) for card in cards)
    page = (
        "<!doctype html><html amp lang='en'><head><title>Dhaka: the latest (live)</title>"
        f"<script type='application/ld+json'>{json.dumps(data)}</script></head><body>"
        f"<amp-live-list id='live-blog' data-max-items-per-page='30'><div items>{items}</div>"
        "</amp-live-list></body></html>"
    )
    url = "https://www.prothomalo.example/amp/story/bangladesh/dhaka-live-5xk2q9m3ab"
    read = extract_page(page.encode(), url, fetched_at="2024-08-05T10:00:00Z").updates
    assert [(u.source_id, u.body_text) for u in read] == [
        (f"c7a1-000{n}", words) for n, _, words, _ in cards
    ]


@pytest.mark.parametrize(
    ("footer", "kept"),
    [
        ("Monday, 14 August 2023 at 10:01", False),  # a date's five words: the post's footer
        ("14 August 2023 10:01", False),
        ("Kick-off now Sunday 11 Aug, 16:30", True),  # a line of words: the post's own
    ],
)
def test_an_amp_posts_footer_date_is_no_word_of_it(footer: str, kept: bool) -> None:
    items = "".join(
        f'<div id="post-{n}" data-sort-time="{1692003712000 - n * 600000}"><h3>Update {n}</h3>'
        f"<p>What update {n} says about the match, in a sentence.</p><div><span>{footer}</span>"
        "<span>Jo Writer</span></div></div>"
        for n in range(3)
    )
    page = (
        "<!doctype html><html amp lang='en-GB'><head><title>Match live</title></head><body>"
        f"<amp-live-list id='live' data-max-items-per-page='30'><div items>{items}</div>"
        "</amp-live-list></body></html>"
    )
    url = "https://www.example.co.uk/sport/match-live.amp"
    updates = extract_page(page.encode(), url, fetched_at="2023-08-14T10:00:00Z").updates
    assert len(updates) == 3
    assert all((footer in u.body_text) is kept for u in updates)


# Tickaroo's server-rendered "tik4" posts, in the structure DER SPIEGEL's Tickaroo liveblog of
# 18 September 2024 shows them (saved in joshuaKnauber/pagers-in-headlines,
# data/germany/raw/spiegel/0c74f9ad5e7c6210.html): the markup's shape, with invented words.
def _tik4_event(event_id: str, when: str, author: str, blocks: list[str], flags: str = "") -> str:
    share = "".join(
        f'<div class="tik4-sharing__item tik4-sharing__item--{kind}"><button '
        f'class="tik4-sharing__item__button" type="button"><span class="tik4-sharing__item__text">'
        f'{label}</span></button><div class="tik4-sharing__item__tooltip">{label}</div></div>'
        for kind, label in (
            ("link", "Link kopieren"),
            ("facebook", "Facebook"),
            ("email", "E-Mail"),
        )
    )
    return (
        f'<div class="tik4-event{flags}" data-tickaroo-event-id="{event_id}">'
        '<div class="tik4-event__timeline"></div><div class="tik4-event__body">'
        '<div class="tik4-meta"><div class="tik4-meta__timeline"><div class="tik4-meta__timeline__dot">'
        f'</div></div><time datetime="{when}" class="tik4-meta__ts"><span class="tik4-meta__ts__date">'
        '18.09.2024</span> <span class="tik4-meta__ts__time"><span class="tik4-meta__ts__time__val">'
        f"{when[11:16]} Uhr</span></span></time></div>"
        '<div class="tik4-author tik4-author--author-off"><div class="tik4-author__wrapper">'
        f'<div class="tik4-author__name"><div class="tik4-author__name__t">{author}</div></div>'
        '<div class="tik4-author__thumb"><img src="https://cdn.tickaroo.example/a.jpg" '
        f'alt="{author}" class="tik4-author__thumb__img"></div></div></div>'
        + "".join(
            f'<div class="tik4-content-block tik4-content-block--{kind} '
            f'tik4-content-block--position-{n}">{block}</div>'
            for n, (kind, block) in enumerate(blocks, 1)
        )
        + f'<div class="tik4-sharing"><div class="tik4-sharing__items" aria-hidden="true">{share}'
        "</div></div></div></div>"
    )


def _tik4_text(title: str | None, text: str) -> tuple[str, str]:
    heading = f"<h2>{title}</h2>" if title else ""
    return (
        "rich-text",
        f'<div class="tik4-rich-text tik4-rich-text--de">{heading}<div>{text}</div></div>',
    )


TIK4_IMAGE = (
    "multi-media",
    (
        '<div class="tik4-media-list tik4-media-list--length-1"><div class="tik4-media-item '
        'tik4-media-item--image"><div class="tik4-media-image"><div class="tik4-media-image__img-wrapper"'
        ' role="button"><img srcset="https://media.example.de/klinik-640.jpg 640w, '
        'https://media.example.de/klinik-1280.jpg 1280w" alt="Vor der Klinik" '
        'class="tik4-media-image__img"></div><div class="tik4-media-body"><span '
        'class="tik4-media-body__title">Wartende vor der Notaufnahme</span><span '
        'class="tik4-media-body__punctuation">.</span> <span class="tik4-media-body__credit">'
        "Foto: Jana Beck</span></div></div></div></div>"
    ),
)
TIK4_EMBED = (
    "web-embed",
    (
        '<div class="tik4-we tik4-we--rich tik4-we--x" data-tik4-we-url="https://x.com/korrespondentin/'
        'status/1836430842031206466"><a href="https://twitter.com/korrespondentin/status/'
        '1836430842031206466" class="tik4-we-simple"><div class="tik4-we-simple__title">Korrespondentin'
        ' on X</div><div class="tik4-we-simple__description">Was sie schreibt.</div></a>'
        '<div class="tik4-we-toggle"><label class="tik4-we-toggle__label"><span>Externer Inhalt</span>'
        "<span>Beim Anzeigen externer Inhalte werden Daten an Dritte übertragen.</span></label></div>"
        "</div>"
    ),
)
TIK4_PAGE = (
    '<!DOCTYPE html><html lang="de"><head><title>Explosionen im Libanon: Die Ereignisse zum '
    'Nachlesen</title><meta name="date" content="2024-09-18T21:00:00+02:00"></head><body><main>'
    '<article><h1>Neue Phase des Kriegs</h1><section data-area="tickaroo"><tickaroo-liveblog '
    'liveblogid="66eaf217965b941739b2ca0e" clientid="60af9aab42a81de20712864a" x-cloak>'
    '<div class="opacity-none"><div class="tik4-live tik4-live--timeline tik4"><div '
    'class="tik4-blog"><div class="tik4-hs"><div class="tik4-hs__label"><span>Wichtige Updates'
    '</span></div><div class="tik4-hs__list"><div class="tik4-hs__item"><div class="tik4-hs__title"'
    ' role="button">Reaktionen aus Washington</div></div></div></div><div class="tik4-event-list">'
    + _tik4_event(
        "enPin",
        "2024-09-18T18:45:57.000Z",
        "Florian Pütz",
        [_tik4_text("Was bisher geschah", "<strong>Was ist passiert?</strong> Ein Überblick.")],
        " tik4-event--pin tik4-event--highlight",
    )
    + _tik4_event(
        "enEnd",
        "2024-09-18T18:50:00.000Z",
        "Elisa Schwarze",
        [_tik4_text(None, "Wir beenden den Liveblog.")],
    )
    + _tik4_event(
        "enImg",
        "2024-09-18T18:22:00.000Z",
        "Evelin Ruhnow",
        [_tik4_text("Klinik überfüllt", "Die Notaufnahme meldet Überlastung."), TIK4_IMAGE],
    )
    + _tik4_event(
        "enX",
        "2024-09-18T17:47:00.000Z",
        "Elisa Schwarze",
        [
            _tik4_text("Reaktionen aus Washington", "Die USA mahnen zur Ruhe.<br><br>Mehr folgt."),
            TIK4_EMBED,
        ],
        " tik4-event--highlight",
    )
    + "</div></div></div></div></tickaroo-liveblog></section></article></main></body></html>"
)
SPIEGEL_URL = "https://www.spiegel.de/ausland/libanon-explosionen-a-24b2481c"


@pytest.mark.parametrize("vendor", ["sourcefabric", "tickaroo"])
def test_an_address_an_adapter_copies_may_hold_a_control_character(vendor: str) -> None:
    """An attribute value a page holds may carry what lxml refuses in a new one (a control
    character): an adapter that copies one (Sourcefabric's largest `srcset` image, Tickaroo's
    `data-tik4-we-url`) still reads the page, and no address keeps the character."""
    if vendor == "sourcefabric":
        page, url = saved_page("sourcefabric-storm-ciaran-2023-11-02.html").read_bytes(), ECHO
        page = page.replace(
            b"ferry-terminal-baseImage.jpg 8", b"ferry-terminal\x01-baseImage.jpg 8", 1
        )
    else:
        page, url = TIK4_PAGE.encode(), SPIEGEL_URL
        page = page.replace(
            b"https://x.com/korrespondentin/", b"https://x.com/korr\x1bespondentin/", 1
        )
    assert b"\x01" in page or b"\x1b" in page
    updates = extract_page(page, url, fetched_at="2024-09-18T19:30:00Z").updates
    assert len(updates) >= 4
    urls = [m.get("url") or "" for u in updates for m in u.media]
    assert any("ferry-terminal-baseImage" in u or "korrespondentin" in u for u in urls)
    assert not any("\x01" in u or "\x1b" in u for u in urls)


def test_tik4_posts_a_publisher_renders_without_the_embeds_element_are_read_alike() -> None:
    """The Süddeutsche's Tickaroo tickers (as public readers of its pages document them) put
    the `tik4` posts in the page without the `<tickaroo-liveblog>` element around them: they
    are read as Tickaroo's all the same, ids, flags and all."""
    start = TIK4_PAGE.index("<tickaroo-liveblog")
    bare = TIK4_PAGE[:start] + TIK4_PAGE[TIK4_PAGE.index(">", start) + 1 :].replace(
        "</tickaroo-liveblog>", ""
    )
    updates = extract_page(bare.encode(), SPIEGEL_URL, fetched_at="2024-09-18T19:30:00Z").updates
    assert [(u.source_id, u.pinned, u.key_event, u.authors) for u in updates] == [
        ("enPin", True, True, ["Florian Pütz"]),
        ("enEnd", False, False, ["Elisa Schwarze"]),
        ("enImg", False, False, ["Evelin Ruhnow"]),
        ("enX", False, True, ["Elisa Schwarze"]),
    ]


def test_tickaroos_server_rendered_tik4_posts_are_read_with_their_ids_flags_and_times() -> None:
    """Each `div.tik4-event`: its id, its `datetime` (the instant, where the printed clock is
    the server's UTC one), its title, author, words, image and embed; pinned and highlighted
    posts flagged; no share button, consent switch or "Wichtige Updates" title is a word."""
    reading = extract_reading(TIK4_PAGE.encode(), SPIEGEL_URL, fetched_at="2024-09-18T19:30:00Z")
    updates = reading.page.updates
    assert [
        (u.source_id, u.published_at, u.headline, u.authors, u.pinned, u.key_event) for u in updates
    ] == [
        ("enPin", "2024-09-18T18:45:57Z", "Was bisher geschah", ["Florian Pütz"], True, True),
        ("enEnd", "2024-09-18T18:50:00Z", None, ["Elisa Schwarze"], False, False),
        ("enImg", "2024-09-18T18:22:00Z", "Klinik überfüllt", ["Evelin Ruhnow"], False, False),
        (
            "enX",
            "2024-09-18T17:47:00Z",
            "Reaktionen aus Washington",
            ["Elisa Schwarze"],
            False,
            True,
        ),
    ]
    assert [u.body_text.split("\n")[0] for u in updates] == [
        "Was ist passiert? Ein Überblick.",
        "Wir beenden den Liveblog.",
        "Die Notaufnahme meldet Überlastung.",
        "Die USA mahnen zur Ruhe.",
    ]
    for update in updates:
        for chrome in (
            "Link kopieren",
            "Facebook",
            "E-Mail",
            "Externer Inhalt",
            "Wichtige Updates",
        ):
            assert chrome not in update.body_text
    assert updates[2].media == [
        {
            "type": "image",
            "url": "https://media.example.de/klinik-1280.jpg",  # the largest of its srcset
            "caption": "Wartende vor der Notaufnahme",
            "credit": "Jana Beck",
        }
    ]
    assert [(m["type"], m["url"]) for m in updates[3].media] == [
        ("embed", "https://twitter.com/korrespondentin/status/1836430842031206466")
    ]
    assert [e.url for e in reading.endpoints] == [
        "https://cdn.tickaroo.com/api/embed/v4/prefetch/liveblog.json?"
        "liveblogId=66eaf217965b941739b2ca0e&client_id=60af9aab42a81de20712864a"
    ]


@pytest.mark.parametrize(
    "embed",
    [
        # Arc XP keeps the embed in its script data (RND's "Nahost-Liveticker", 2024).
        '<script id="fusion-metadata">Fusion.globalContent={"elements":[{"type":"customEmbed",'
        '"subtype":"tickaroo","embed":{"id":"65210c26d412303c813d1b4a","url":'
        '"https://cdn.tickaroo.com/embed/amp/tik3.html?client_id=566ed029e4b01c7968d6b642'
        '&id=65210c26d412303c813d1b4a&reverseEvents=false"}}],"isLive":true};</script>',
        # The same address escaped for JSON in a script, and in a frame.
        '<script>window.__state={"u":"https:\\/\\/cdn.tickaroo.com\\/embed\\/amp\\/tik3.html?'
        'client_id=566ed029e4b01c7968d6b642\\u0026id=65210c26d412303c813d1b4a"}</script>',
        '<iframe src="https://cdn.tickaroo.com/embed/amp/tik3.html?client_id=566ed029e4b01c7968d6b642'
        '&amp;id=65210c26d412303c813d1b4a"></iframe>',
    ],
    ids=["arc-xp-data", "escaped", "iframe"],
)
def test_a_tickaroo_frame_is_named_where_only_its_address_is_on_the_page(embed: str) -> None:
    """Tickaroo's tik3 frame: its address names the liveblog (`id`) and the client; the prefetch
    is asked for them, and the page is a live blog whose posts the browser loads."""
    page = (
        '<html lang="de"><head><title>Nahost-Liveticker: Die Lage am Mittwoch</title></head><body>'
        f"<article><h1>Nahost-Liveticker</h1><p>Der Überblick.</p></article>{embed}</body></html>"
    )
    reading = extract_reading(
        page.encode(), "https://www.rnd.de/politik/nahost-liveticker-TENB5.html"
    )
    assert [e.url for e in reading.endpoints] == [
        "https://cdn.tickaroo.com/api/embed/v4/prefetch/liveblog.json?"
        "liveblogId=65210c26d412303c813d1b4a&client_id=566ed029e4b01c7968d6b642"
    ]
    assert reading.page.live_blog and reading.page.updates == []


def test_tickaroos_prefetch_posts_are_read_from_its_html_with_its_schema() -> None:
    """The prefetch answer's `html` renders the posts (`div.tik4-event`); with its `schema`
    they are one update each, with the html's ids and flags."""
    start = TIK4_PAGE.index("<tickaroo-liveblog")
    end = TIK4_PAGE.index("</tickaroo-liveblog>") + len("</tickaroo-liveblog>")
    schema = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Explosionen im Libanon",
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": "Klinik überfüllt",
                "datePublished": "2024-09-18T18:22:00Z",
                "articleBody": "Die Notaufnahme meldet Überlastung.",
            }
        ],
    }
    page = read_prefetch({"html": TIK4_PAGE[start:end], "schema": schema}, SPIEGEL_URL)
    assert [(u.source_id, u.published_at, u.pinned, u.key_event) for u in page.updates] == [
        ("enPin", "2024-09-18T18:45:57Z", True, True),
        ("enEnd", "2024-09-18T18:50:00Z", False, False),
        ("enImg", "2024-09-18T18:22:00Z", False, False),
        ("enX", "2024-09-18T17:47:00Z", False, True),
    ]
    assert "jsonld" in page.updates[2].sources and "html" in page.updates[2].sources
    # Without the schema, the html's posts alone.
    alone = read_prefetch({"html": TIK4_PAGE[start:end]}, SPIEGEL_URL)
    assert [u.source_id for u in alone.updates] == ["enPin", "enEnd", "enImg", "enX"]
