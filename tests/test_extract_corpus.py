"""extract_page on saved real pages: one case per page, what must appear and what must not.

Expected values were read from the pages themselves (their JSON-LD, microdata and HTML), not
from the extractor's output.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

import pytest

from archive.records import FIDELITY_HTML, FIDELITY_STRUCTURED, Page, Update
from crawler.extract import extract_page, walks
from crawler.extract.evaluate import strip_structured
from tests.helpers import saved_page

MIRROR_URL = "https://www.mirror.co.uk/news/uk-news/uk-riots-live-hotel-rotherham-33386398"
EXPRESS_URL = (
    "https://www.express.co.uk/news/royal/1924698/prince-harry-meghan-markle-live-grifters"
)
# Served from 127.0.0.1, as the crawl tests do: the adapter must be found by its markup.
CORKBEO_URL = "http://127.0.0.1:8000/news/local-news/level-3-live-cork-ireland-19056312"
NDTV_URL = "http://127.0.0.1:8000/cricket/india-vs-sri-lanka-live-4537334"

UTC_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
# Text that is page chrome and must never reach a body or a headline.
FORBIDDEN_IN_TEXT = (
    "Sorry, this content isn't available",
    "Share on Facebook",
    "Share on Twitter",
    "Share this",
    "Advertisement",
    "<script",
    "&amp;",
    "&ldquo;",
    "&rdquo;",
    "&#39;",
    "&quot;",
    "&nbsp;",
    "&#x201C;",
    "\xa0",
)


@dataclass(frozen=True)
class Case:
    """One saved page and what extraction must make of it."""

    file: str
    url: str
    count: int
    html_count: int  # updates with an HTML entry (FIDELITY_HTML)
    title: str
    publisher: str
    coverage_start: str | None
    # source_id -> expected field values; "body_start"/"body_contains"/"body_lacks" (text),
    # "html_lacks" (body_html, where figure captions do belong) and
    # "media" (dicts each matched by one item of Update.media) are checked specially.
    samples: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: tuple[str, ...] = ("jsonld", "html")


CASES = [
    Case(
        file="mirror-uk-riots-2024-08-05.html",
        url=MIRROR_URL,
        count=428,
        html_count=30,
        title="UK riots LIVE: Plymouth stand-off sees far-right protesters 'throw stones' as 3 cops injured",
        publisher="mirror",
        coverage_start="2024-08-04T13:23:00Z",
        samples={
            # The newest entry: data-post-time 1722888018921, JSON-LD 21:00:18.921+01:00.
            "751105": {
                "headline": "Loud bang heard at Plymouth scene",
                "body_start": 'Local reporters have said a "loud bang" was heard at the scene',
                "published_at": "2024-08-05T20:00:18Z",
                "fidelity": FIDELITY_HTML,
                "authors_include": ["Antony Clements-Thrower", "Lucy Thornton"],
            },
            # KEY EVENT: the label is not an author; the "Read more" teaser is not body.
            "751101": {
                "headline": "Plymouth protests erupt in violence as multiple people injured by rioters "
                "'throwing stones'",
                "body_start": "Multiple people are injured after several missiles, including a "
                "hospital crutch",
                "body_lacks": ["Read more", "KEY EVENT"],
                "html_lacks": ["Read more", "KEY EVENT", "<h3>"],
                "published_at": "2024-08-05T19:42:30Z",
                "modified_at": "2024-08-05T19:49:50Z",
                "authors_exclude": ["KEY EVENT"],
                "media": [
                    {
                        "type": "image",
                        "url": "https://i2-prod.mirror.co.uk/incoming/article33400927.ece/ALTERNATES/"
                        "s510b/0_Anti-racism-activists-face-off-far-right-protest-in-Plymouth.jpg",
                        "caption": None,
                        "credit": "Anadolu via Getty Images",
                    }
                ],
            },
            # An embedded tweet: its URL in media, its words not in the body.
            "751098": {
                "headline": "Bus routes changed to avoid potential trouble in Plymouth",
                "body_lacks": ["Precautionary changes", "pic.twitter.com", "Plymouth Citybus (@"],
                "html_lacks": ["Precautionary changes", "widgets.js"],
                "media": [
                    {
                        "type": "embed",
                        "url": "https://twitter.com/plymouthbus/status/1820436642806591998"
                        "?ref_src=twsrc%5Etfw",
                        "provider": "twitter",
                    }
                ],
            },
            "751092": {
                "media": [
                    {
                        "type": "image",
                        "url": "https://i2-prod.mirror.co.uk/incoming/article33400767.ece/ALTERNATES/"
                        "s510b/1_Anti-racism-activists-face-off-far-right-protest-in-Plymouth.jpg",
                        "caption": "Anti-racism activists in Plymouth tonight",
                        "credit": "Anadolu via Getty Images",
                    }
                ],
                "body_lacks": ["Anti-racism activists in Plymouth tonight", "Image:"],
            },
            # A video embed, given as a data attribute.
            "751066": {
                "media": [
                    {
                        "type": "video",
                        "url": "https://www.mirror.co.uk/video/sky-news-reporter-forced-air-33400334",
                    }
                ],
            },
            # JSON-LD only: body from articleBody, entities decoded.
            "749874": {
                "headline": "UK police braced for 'at least 15' protests over the weekend",
                "body_start": "Police across the UK are expecting a wave of protests over the weekend",
                "body_contains": ['"enough is enough"'],
                "published_at": "2024-08-02T17:42:00Z",
                "fidelity": FIDELITY_STRUCTURED,
            },
            # The JSON-LD headline starts with a newline; the inline "Read more" teaser goes.
            "750833": {
                "headline": "Police officer suffers broken arm in Tamworth riots",
                "body_start": "One police officer has suffered what is believed to be a broken arm",
                "published_at": "2024-08-05T01:03:58Z",
                "fidelity": FIDELITY_STRUCTURED,
            },
            "751096": {"body_contains": ["“Plymouth is an amazing place to live"]},
        },
    ),
    Case(
        file="express-royals-2024-07-18.html",
        url=EXPRESS_URL,
        count=9,
        html_count=9,
        title="Prince Harry and Meghan Markle LIVE: 'Whining' couple 'won't recover' from "
        "'terrible' snub",
        publisher="Express.co.uk",
        coverage_start="2024-07-18T06:06:00Z",
        samples={
            # <time data-time="2024-07-18T11:48"> is a BST clock time: not the source of truth.
            "live-1924698-qq0im": {
                "headline": "The only person Prince Harry and Meghan Markle trust to look after "
                "Archie and Lilibet",
                "body_start": "Meghan Markle's mum, Doria Ragland is said to be the only person",
                "published_at": "2024-07-18T10:48:00Z",
                "modified_at": "2024-07-18T10:50:09Z",
                "authors": ["Jon King"],
                "body_lacks": ["21 mins ago", "(Image: Getty)", "look after their kids"],
                "media": [
                    {
                        "type": "image",
                        "url": "https://cdn.images.express.co.uk/img/dynamic/106/590x/secondary/"
                        "5505003.jpg?1721299777418",
                        "caption": "Meghan and Harry reportedly only trust Doria Ragland to look after "
                        "their kids",
                        "credit": "Getty",
                    }
                ],
            },
            "live-1924698-8eoz5": {
                "headline": "Meghan Markle 'turned and hissed' at a staffer leaving her in 'tears'",
                "published_at": "2024-07-18T09:05:00Z",
            },
        },
    ),
    Case(
        file="corkbeo-level3-2020-10-06.html",
        url=CORKBEO_URL,
        count=26,
        html_count=26,
        title="Level 3 LIVE from Cork as Ireland adapts to incoming coronavirus restrictions",
        publisher="Cork Beo",
        coverage_start="2020-10-06T07:15:59Z",
        samples={
            # "Goodnight " in both sources: trailing space trimmed.
            "2259242": {
                "headline": "Goodnight",
                "body_start": "We are logging off for the night but we will be back from 7am",
                "published_at": "2020-10-06T20:22:53Z",
            },
            "2258591": {
                "headline": "A plea from a Cork restaurant",
                "body_text": "",
                "media": [
                    {
                        "type": "embed",
                        "url": "https://twitter.com/blairscove/status/1313412635854077952",
                        "provider": "twitter",
                    }
                ],
            },
            # The oEmbed the page left as a bare URL is an embed, not a paragraph.
            "2259175": {
                "body_text": "",
                "media": [
                    {
                        "type": "embed",
                        "url": "https://www.facebook.com/DwyersOfCork/posts/2800731780195723",
                        "provider": "facebook",
                    }
                ],
            },
            "2258270": {
                "headline": "NPHET's letter",
                "body_contains": ["The backlash", "The letter warned:"],
                "body_lacks": ["blob:", "undefined"],
            },
        },
    ),
    Case(
        file="ndtv-cwc2023-ind-sl.html",
        url=NDTV_URL,
        count=40,
        html_count=40,
        title="India vs Sri Lanka Highlights, Cricket World Cup 2023: Mohammed Shami Stars As "
        "All-Round India Thrash Sri Lanka By 302 Runs To Enter Semi-Finals",
        publisher="NDTV Sports",
        coverage_start="2023-11-02T10:30:24Z",
        sources=("microdata", "html"),
        samples={
            # &nbsp; in the microdata content and in the HTML: a plain space.
            "80": {
                "headline": "India vs Sri Lanka: It's a wrap!",
                "body_contains": ["Stay connected to NDTV Sports for more updates"],
                "published_at": "2023-11-02T15:36:52Z",
            },
            # The microdata articleBody is cut at an unescaped quote; the HTML has it all.
            "79": {
                "headline": "IND vs SL Live Score: Shami named Player of the Match",
                "body_contains": ['award. "I always try to bowl in good areas', "said Shami."],
                "published_at": "2023-11-02T15:21:11Z",
            },
            "76": {"body_text": "It's a five-wicket haul for Mohammed Shami.\n\nSL 49/9 (18)"},
        },
    ),
]


def extracted(file: str, url: str) -> Page:
    """Each page is extracted once per backend of the walks for all the tests that read it."""
    return _extracted(file, url, walks.BACKEND)


@cache
def _extracted(file: str, url: str, backend: str) -> Page:
    return extract_page(saved_page(file).read_bytes(), url)


@pytest.fixture(params=CASES, ids=[case.file.split("-")[0] for case in CASES])
def case(request: pytest.FixtureRequest) -> Case:
    return request.param  # type: ignore[no-any-return]


def has_all(found: dict[str, Any], expected: dict[str, Any]) -> bool:
    """Whether a media record carries every expected key with the expected value."""
    return all(found.get(key, ...) == value for key, value in expected.items())


def by_id(page: Page) -> dict[str, Update]:
    return {u.source_id: u for u in page.updates if u.source_id}


def test_counts_and_identity(case: Case) -> None:
    page = extracted(case.file, case.url)
    assert len(page.updates) == case.count
    assert len({u.source_id for u in page.updates}) == case.count
    assert all(u.source_id for u in page.updates)
    fidelity = Counter(u.fidelity for u in page.updates)
    assert fidelity[FIDELITY_HTML] == case.html_count
    assert fidelity[FIDELITY_STRUCTURED] == case.count - case.html_count
    for update in page.updates:
        expected = list(case.sources) if update.fidelity == FIDELITY_HTML else [case.sources[0]]
        assert update.sources == expected


def test_blog_record(case: Case) -> None:
    page = extracted(case.file, case.url)
    assert page.title == case.title
    assert page.publisher == case.publisher
    assert page.coverage_start == case.coverage_start
    assert page.next_urls == []  # none of these saved pages links to an older page


def test_samples(case: Case) -> None:
    updates = by_id(extracted(case.file, case.url))
    for source_id, expected in case.samples.items():
        update = updates[source_id]
        for key, value in expected.items():
            if key == "body_start":
                assert update.body_text.startswith(value), (source_id, update.body_text[:200])
            elif key == "body_contains":
                for text in value:
                    assert text in update.body_text, (source_id, text)
            elif key == "body_lacks":
                for text in value:
                    assert text not in update.body_text, (source_id, text)
            elif key == "html_lacks":
                for text in value:
                    assert text not in update.body_html, (source_id, text)
            elif key == "media":
                for item in value:
                    assert any(has_all(found, item) for found in update.media), (
                        source_id,
                        update.media,
                    )
            elif key == "authors_include":
                assert set(value) <= set(update.authors), (source_id, update.authors)
            elif key == "authors_exclude":
                assert not set(value) & set(update.authors), (source_id, update.authors)
            else:
                assert getattr(update, key) == value, (source_id, key)
        assert update.permalink and update.permalink.endswith("#" + source_id)


def test_page_order_is_kept(case: Case) -> None:
    """Newest first, as the page lists them: publish times never increase down the page."""
    page = extracted(case.file, case.url)
    html = [u for u in page.updates if u.fidelity == FIDELITY_HTML]
    assert page.updates[: len(html)] == html  # HTML entries first, then structured-only ones
    times = [u.published_at for u in page.updates]
    assert all(t is not None for t in times)
    assert times == sorted(times, reverse=True)  # type: ignore[type-var]


def test_nothing_forbidden_left(case: Case) -> None:
    for update in extracted(case.file, case.url).updates:
        for text in (update.headline or "", update.body_text):
            for forbidden in FORBIDDEN_IN_TEXT:
                assert forbidden not in text, (update.source_id, forbidden)
        for forbidden in ("<script", "onclick", "javascript:", "Share on ", "&nbsp;", "class="):
            assert forbidden not in update.body_html, (update.source_id, forbidden)
        if update.headline:
            assert update.headline == update.headline.strip()
            assert "  " not in update.headline and "\n" not in update.headline
        assert update.body_text == update.body_text.strip()
        assert "\n\n\n" not in update.body_text


def test_times_are_utc(case: Case) -> None:
    for update in extracted(case.file, case.url).updates:
        for value in (update.published_at, update.modified_at):
            if value is not None:
                assert UTC_TIME.match(value), (update.source_id, value)
                datetime.fromisoformat(value)
        assert update.published_at is not None


def test_media_records_are_well_formed(case: Case) -> None:
    for update in extracted(case.file, case.url).updates:
        for item in update.media:
            assert item["type"] in {"image", "embed", "video", "quote"}
            if item["type"] == "quote":
                assert item["text"] and item["text"] in update.body_text
            else:
                assert str(item["url"]).startswith("http")
            if item["type"] == "image":
                assert set(item) == {"type", "url", "caption", "credit"}
                for key in ("caption", "credit"):
                    if item[key]:
                        assert item[key] not in update.body_text


def test_mirror_headline_twins_stay_distinct() -> None:
    """4 pairs of distinct updates share a headline: the publisher id keeps them apart."""
    page = extracted(CASES[0].file, CASES[0].url)
    shared = {h: n for h, n in Counter(u.headline for u in page.updates).items() if n > 1}
    assert len(shared) == 4 and set(shared.values()) == {2}
    twins = {u.source_id for u in page.updates if u.headline in shared}
    assert {"750397", "750205", "750396", "750258", "750288", "749945", "749979", "749879"} == twins


def test_mirror_found_by_markup_on_any_host() -> None:
    """The Reach adapter is chosen by markup when the host is not a Reach domain."""
    body = saved_page(CASES[0].file).read_bytes()
    local = extract_page(body, "http://127.0.0.1:8123/live")
    assert len(local.updates) == 428
    assert Counter(u.fidelity for u in local.updates)[FIDELITY_HTML] == 30
    assert (
        local.updates[0].permalink
        == "https://www.mirror.co.uk/news/uk-news/uk-riots-live-hotel-rotherham-33386398#751105"
    )


def test_ndtv_items_without_their_microdata_keep_the_time_they_show() -> None:
    """Stripped of microdata, each item's time is read from what it shows: "November", "02",
    "2023" in spans and "21:06 (IST)"; the microdata gave the same minute."""
    whole = extract_page(saved_page("ndtv-cwc2023-ind-sl.html").read_bytes(), NDTV_URL)
    stripped = extract_page(
        strip_structured(saved_page("ndtv-cwc2023-ind-sl.html").read_bytes()), NDTV_URL
    )
    assert len(stripped.updates) == len(whole.updates) == 40
    for shown, stated in zip(stripped.updates, whole.updates, strict=True):
        assert shown.published_at == stated.published_at[:17] + "00Z", shown.source_id


@pytest.mark.slow
def test_pages_are_deterministic(case: Case) -> None:
    """The same bytes make the same Page: the archive's content hashes depend on it."""
    body = saved_page(case.file).read_bytes()
    assert extract_page(body, case.url) == extract_page(body, case.url)
