"""Publisher adapters on their pages: every page read by its domain and, on 127.0.0.1, by markup.

Only the Guardian's page data (`.dcr.json`) is a saved real file here. The other pages under
tests/pages/ (BBC, CNN, The Telegraph, Sky News, AMP, the Guardian's HTML) were BUILT for these
tests from the markup that public code documents (../shared/corpus/README.md), with invented
words; each says so in a comment at its top. Expected values come from what the pages show.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pytest

from archive.records import FIDELITY_HTML, FIDELITY_STRUCTURED, Page
from crawler.extract import extract_page, walks
from crawler.extract.adapters import candidates
from crawler.extract.evaluate import load_labels
from crawler.extract.html import parse
from crawler.extract.media import MEDIA_KEYS
from tests.helpers import LABELS, assert_samples, saved_page, saved_page_names

LOCAL = "http://127.0.0.1:8000/live/blog"
GUARDIAN = (
    "https://www.theguardian.com/science/live/2021/feb/19/"
    "mars-landing-nasa-perseverance-rover-briefing-latest-live-news-updates"
)


@dataclass(frozen=True)
class Case:
    """A page, the adapter that must read it, and what it must give."""

    file: str
    url: str
    adapter: str
    count: int
    structured_only: int = 0
    next_urls: tuple[str, ...] = ()
    samples: dict[str, dict[str, Any]] = field(default_factory=dict)


CASES = [
    Case(
        "guardian-mars-perseverance-2021-02-19.html",
        GUARDIAN,
        "guardian",
        13,
        next_urls=(
            f"{GUARDIAN}?page=with:block-603006048f08c3cb92a5ca64",
            f"{GUARDIAN}?page=with:block-602fd0c48f08ad21ea600275",
        ),
        samples={
            # The JSON-LD cuts this body at 1,000 characters and gives the page's headline
            # and dates to every block: the HTML block is the update.
            "block-60300f5f8f08ad21ea60071e": {
                "headline": "Summary",
                "published_at": "2021-02-19T19:30:03Z",
                "modified_at": "2021-02-19T19:38:39Z",
                "body_start": "That’s it for our live coverage of Nasa’s celebratory news conference",
                "body_contains": ["with lots of work ahead."],
                "sources": ["jsonld", "html"],
                "permalink": f"{GUARDIAN}?page=with:block-60300f5f8f08ad21ea60071e"
                "#block-60300f5f8f08ad21ea60071e",
            },
            "block-6030066b8f08bdbed283be4b": {
                "headline": None,
                "body_text": "",
                "media": [
                    {
                        "type": "image",
                        "url": "https://media.guim.co.uk/b1e7b490e505c57a17af88fa81b850c3fe579409/"
                        "0_0_4000_3000/master/4000.jpg",
                        "credit": "NASA/AFP/Getty Images",
                    }
                ],
            },
            "block-60300aa38f08ad21ea6006e5": {"authors_include": ["Natalie Grover"]},
            "block-60300f338f08c3cb92a5cacb": {
                "media": [{"type": "video", "url": "https://www.youtube.com/embed/XmP56yBy-18"}]
            },
        },
    ),
    Case(
        "bbc-storm-francis-2020-08-25.html",
        "https://www.bbc.co.uk/news/live/uk-wales-53905012",
        "bbc",
        8,
        next_urls=("https://www.bbc.co.uk/news/live/uk-wales-53905012/page/2",),
        samples={
            "post_5f44d1a2e4b0c1d2a3f40981": {
                "headline": "Thousands without power across Wales",
                "published_at": "2020-08-25T17:42:10Z",
                "authors": ["Ben Price"],
                "body_lacks": ["18:42", "Share this post", "BBC Wales"],
                "media": [
                    {
                        "type": "image",
                        "caption": "Engineers repair a line near Cardigan",
                        "credit": "Western Power Distribution",
                    }
                ],
            },
            "post_5f44cb83e4b0a9b2c7d10f52": {
                "media": [{"type": "quote", "attribution": "Transport for Wales spokesperson"}]
            },
        },
    ),
    Case(
        "bbc-election-2024-07-05.html",
        "https://www.bbc.co.uk/news/live/uk-politics-68989912",
        "bbc",
        8,
        samples={
            "urn:bbc:cps:curie:asset:7c1f9a58-4f0e-4d5b-9b52-0a4c4e2d1f02": {
                "headline": "New prime minister arrives at Downing Street",
                "published_at": "2024-07-05T09:14:48Z",
                "authors": ["Chris Mason"],
                "body_lacks": ["Political editor", "10:14 BST", "Image caption"],
                "media": [
                    {
                        "type": "image",
                        "caption": "Supporters wait outside Number 10",
                        "credit": "PA Media",
                    }
                ],
            },
            "urn:bbc:cps:curie:asset:7c1f9a58-4f0e-4d5b-9b52-0a4c4e2d1f06": {
                "media": [
                    {"type": "video", "url": "https://www.bbc.co.uk/news/av/uk-politics-69100001"}
                ]
            },
        },
    ),
    Case(
        "cnn-hurricane-idalia-2023-08-30.html",
        "https://edition.cnn.com/weather/live-news/hurricane-idalia-florida-08-30-23",
        "cnn",
        10,
        samples={
            # "7:45 a.m. ET, August 30, 2023" is EDT: 11:45 UTC. JSON-LD agrees, to the second.
            "h_0f3c2e8a5b6d7e9f0a1b2c3d4e5f6a7b": {
                "headline": "Idalia makes landfall in Florida's Big Bend as a Category 3 hurricane",
                "published_at": "2023-08-30T11:45:00Z",
                "modified_at": "2023-08-30T11:52:10Z",
                "authors": ["Mary Gilbert", "Robert Shackelford"],
                "sources": ["html"],
                "permalink": "https://edition.cnn.com/weather/live-news/"
                "hurricane-idalia-florida-08-30-23/h_0f3c2e8a5b6d7e9f0a1b2c3d4e5f6a7b",
            },
            # In JSON-LD too (articleBody cut at 300 characters): the HTML body is whole.
            "h_7a0d9f5b2c3e4f6a7b8c9d0e1f2a3b4c": {
                "sources": ["jsonld", "html"],
                "body_contains": [
                    "He said federal teams were ready to help with search and rescue."
                ],
                "media": [{"type": "quote", "attribution": "President Joe Biden"}],
            },
            "h_6f9c8e4a1b2d3e5f6a7b8c9d0e1f2a3b": {
                "media": [
                    {
                        "type": "image",
                        "caption": "Floodwater surrounds buildings in Cedar Key, "
                        "Florida, on Wednesday.",
                        "credit": "Joe Raedle/Getty Images",
                    }
                ],
            },
        },
    ),
    Case(
        "telegraph-budget-2023-03-15.html",
        "https://www.telegraph.co.uk/politics/2023/03/15/budget-2023-live-jeremy-hunt-pensions-childcare/",
        "telegraph",
        10,
        structured_only=2,  # the JSON-LD lists two posts older than the HTML shows
        samples={
            "post-6411fe7de4b0d7a1c2b3a3e9": {
                "headline": "Labour leader: 'a country set on a path of managed decline'",
                "authors": ["Ben Riley-Smith"],
                "body_lacks": ["Advertisement", "Share on"],
                "media": [
                    {
                        "type": "quote",
                        "text": "The country is set on a path of managed decline.",
                        "attribution": "The Labour leader",
                    }
                ],
            },
            # JSON-LD only: &#39; and &pound; decoded.
            "post-6411d9a0e4b0d7a1c2b3a361": {
                "headline": "What to expect from today's Budget",
                "published_at": "2023-03-15T12:58:00Z",
                "fidelity": FIDELITY_STRUCTURED,
            },
            "post-641206f3e4b0d7a1c2b3a401": {
                "headline": "Pension changes will cost £1bn a year, says OBR"
            },
        },
    ),
    Case(
        "skynews-paris-olympics-2024-07-26.html",
        "https://news.sky.com/story/paris-olympics-opening-ceremony-live-updates-13186000",
        "sky",
        8,
        samples={
            "post-13186540": {
                "headline": "Celine Dion sings from the Eiffel Tower to end ceremony",
                "published_at": "2024-07-26T20:05:00Z",
                "sources": ["jsonld", "html"],
                "media": [{"type": "image", "credit": "AP"}],
            },
            "post-13186349": {"sources": ["html"], "published_at": "2024-07-26T17:04:00Z"},
            "post-13186431": {
                "media": [
                    {
                        "type": "embed",
                        "provider": "twitter",
                        "url": "https://twitter.com/SkyNews/status/1816881234567890123",
                    }
                ]
            },
        },
    ),
    Case(
        "amp-eurovision-2024-05-11.html",
        "https://www.example-news.co.uk/entertainment/eurovision-2024-live-malmo-final.amp",
        "amp",
        8,
        next_urls=(
            "https://www.example-news.co.uk/entertainment/eurovision-2024-live-malmo-final.amp?page=2",
        ),
        samples={
            "post-6": {"removed": True, "published_at": "2024-05-11T21:40:00Z", "body_text": ""},
            "post-9": {
                "removed": False,
                "headline": "Switzerland's Nemo wins Eurovision",
                "body_lacks": ["23:58", "Eleanor Ross"],
                "media": [{"type": "image", "credit": "Reuters"}],
            },
            "post-4": {
                "media": [
                    {"type": "embed", "url": "https://twitter.com/i/status/1789412345678901234"}
                ]
            },
        },
    ),
]


def extracted(file: str, url: str) -> Page:
    """Each page is extracted once per backend of the walks for all the tests that read it."""
    return _extracted(file, url, walks.BACKEND)


@cache
def _extracted(file: str, url: str, backend: str) -> Page:
    return extract_page(saved_page(file).read_bytes(), url)


@pytest.fixture(params=CASES, ids=[c.file.split("-2")[0] for c in CASES])
def case(request: pytest.FixtureRequest) -> Case:
    return request.param  # type: ignore[no-any-return]


def test_adapter_chosen_by_domain_and_by_markup(case: Case) -> None:
    root = parse(saved_page(case.file).read_bytes())
    assert root is not None
    assert next(candidates(root, case.url)).name == case.adapter
    assert next(candidates(root, LOCAL)).name == case.adapter


def test_counts_ids_and_next_links(case: Case) -> None:
    for url in (case.url, LOCAL):
        page = extract_page(saved_page(case.file).read_bytes(), url)
        assert len(page.updates) == case.count, url
        assert all(u.source_id for u in page.updates)
        assert len({u.source_id for u in page.updates}) == case.count
        fidelity = Counter(u.fidelity for u in page.updates)
        assert fidelity[FIDELITY_STRUCTURED] == case.structured_only
    assert tuple(extracted(case.file, case.url).next_urls[: len(case.next_urls)]) == case.next_urls


def test_samples(case: Case) -> None:
    assert_samples({u.source_id: u for u in extracted(case.file, case.url).updates}, case.samples)


def test_adapter_keeps_what_structured_data_gave(case: Case) -> None:
    """Every structured update is in the page, with its time and (unless blog-wide) headline."""
    page = extracted(case.file, case.url)
    for update in page.updates:
        assert update.published_at, update.source_id
        if "jsonld" in update.sources:
            assert update.fidelity == FIDELITY_HTML or case.structured_only
        if not update.removed:
            assert update.body_text or update.media, update.source_id


# The Guardian's page data --------------------------------------------------------------------------

DCR = "guardian-mars-perseverance-2021-02-19.dcr.json"


def test_guardian_page_data_is_read_like_the_html() -> None:
    """`<page>.json?dcr=true`: the 13 blocks, the same updates as the HTML page shows."""
    json_url = GUARDIAN + ".json?dcr=true"
    data = extract_page(saved_page(DCR).read_bytes(), json_url)
    html = extracted(CASES[0].file, CASES[0].url)
    assert data.title == html.title
    assert data.publisher == "The Guardian"
    assert [u.source_id for u in data.updates] == [u.source_id for u in html.updates]
    for a, b in zip(data.updates, html.updates, strict=True):
        assert (a.headline, a.published_at, a.body_text, a.media) == (
            b.headline,
            b.published_at,
            b.body_text,
            b.media,
        )
        assert a.permalink == b.permalink
        assert a.sources == ["jsonld", "pagedata"]
    assert data.next_urls == [
        f"{GUARDIAN}.json?page=with:block-603006048f08c3cb92a5ca64&dcr=true",
        f"{GUARDIAN}.json?page=with:block-602fd0c48f08ad21ea600275&dcr=true",
    ]
    # Recognised by its shape on another host too.
    assert len(extract_page(saved_page(DCR).read_bytes(), LOCAL).updates) == 13
    contributors = {u.source_id: u.authors for u in data.updates}
    assert "Natalie Grover" in contributors["block-6030096d8f08c3cb92a5ca88"]


def test_json_body_that_is_not_page_data() -> None:
    assert extract_page(b'{"not": "a live blog"}', LOCAL).updates == []
    assert extract_page(b"{not json", LOCAL).updates == []


def test_a_bbc_post_whose_timestamp_is_printed_without_a_time_tag() -> None:
    """The BBC's newer posts print their clock in a `Timestamp` span ("10:32 BST"); where
    the page renders it without a `<time datetime>`, the printed clock is the post's time."""
    bbc = next(case for case in CASES if case.file == "bbc-election-2024-07-05.html")
    body = saved_page(bbc.file).read_text(encoding="utf-8")
    printed = re.sub(r"<time datetime=\"[^\"]*\">([^<]*)</time>", r"\1", body)
    assert printed != body and "<time" not in printed
    fetched = "2024-07-05T18:00:00Z"
    timed = extract_page(body.encode(), bbc.url, fetched_at=fetched).updates
    read = extract_page(printed.encode(), bbc.url, fetched_at=fetched).updates
    assert [u.published_at for u in read] == [u.published_at[:17] + "00Z" for u in timed]


def test_a_bbc_posts_image_source_and_media_caption_name_its_media() -> None:
    """In a BBC post of the urn-headed generation, the words after "Image source, " in a
    picture's box (bbc/simorgh's `Copyright`: a `p[role=text]` of no class that says credit)
    are its credit, and those after "Media caption, " under a video its caption: both labels
    hidden from sight, neither a line of the post's words nor lost."""
    posts = "".join(
        f'<li><article><div><span><time datetime="2024-07-05T1{n}:00:00Z">1{n}:00</time></span>'
        f'<h3 id="urn:bbc:cps:curie:asset:{n}"><span role="text">Headline {n}</span></h3></div>'
        f"<div><p>What post "
        f'{n} reports, in a few more words.</p><figure><div><img src="https://ichef.bbci.co.uk'
        f'/{n}.jpg" alt=""><p role="text"><span class="visually-hidden">Image source, </span>'
        'Getty Images</p></div><figcaption><span class="visually-hidden">Image caption, '
        '</span>Crowds in the square</figcaption></figure><div data-embed-url="https://www.'
        f'bbc.co.uk/news/av/uk-{n}"></div><p><span class="visually-hidden">Media caption, '
        "</span>The minister speaks</p></div></article></li>"
        for n in range(3)
    )
    page = (
        "<html lang='en-GB'><head><title>Live: election</title></head><body><main><ol>"
        f"{posts}</ol></main></body></html>"
    )
    url = "https://www.bbc.co.uk/news/live/uk-politics-1"
    updates = extract_page(page.encode(), url, fetched_at="2024-07-05T18:00:00Z").updates
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in a few more words." for n in range(3)
    ]
    assert [[(m.get("caption"), m.get("credit"), m.get("text")) for m in u.media]
            for u in updates] == [
        [("Crowds in the square", "Getty Images", None), (None, None, "The minister speaks")]
    ] * 3  # fmt: skip


def test_a_world_service_post_heading_holds_its_time_label_and_subheadline() -> None:
    """The World Service's live pages (bbc/simorgh's `Post`) set the post's time banner, its
    "Breaking" label and a hidden ", " inside the urn's `h3`, then the headline and a
    subheadline: the headline is the headline alone, the subheadline the post's first words,
    and JSON-LD that lists the posts by headline alone is the same posts, not more."""
    posts = "".join(
        f'<li><article><h3 id="urn:asset:0a1b-{n}" tabindex="-1"><span role="text"><span '
        f'class="banner"><time datetime="01 May 2024">{12 + 20 * n} minutes ago</time>'
        + ('<span data-testid="breaking-news-label">Breaking</span><span class="h">, </span>'
           if n == 0 else "")
        + f'</span><span class="t">Headline {n} of the floods</span><span class="h">, </span>'
        f'<span class="s">Subheadline {n} says more</span></span></h3><div class="b"><p>What '
        f"post {n} reports from the river, in a few more words.</p></div></article></li>"
        for n in range(3)
    )  # fmt: skip
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "liveBlogUpdate": [
            {"@type": "BlogPosting", "headline": f"Headline {n} of the floods",
             "datePublished": f"2024-05-01T11:{58 - 20 * n}:00Z",
             "articleBody": f"What post {n} reports from the river, in a few more words."}
            for n in range(3)
        ],
    }  # fmt: skip
    page = (
        "<html lang='en'><head><title>Live: floods</title><script type='application/ld+json'>"
        f"{json.dumps(data)}</script></head><body><main><ol>{posts}</ol></main></body></html>"
    )
    url = "https://www.bbc.com/pidgin/live/c9x2k4m7p1qo"
    updates = extract_page(page.encode(), url, fetched_at="2024-05-01T12:10:00Z").updates
    assert [u.headline for u in updates] == [f"Headline {n} of the floods" for n in range(3)]
    assert [u.body_text.split("\n\n")[0] for u in updates] == [
        f"Subheadline {n} says more" for n in range(3)
    ]
    assert [u.published_at for u in updates] == [
        f"2024-05-01T11:{58 - 20 * n}:00Z" for n in range(3)
    ]


@pytest.mark.parametrize("heading_id", ["asset:5f0c9a1e-{n}", ""])
def test_a_world_service_post_headed_by_its_asset_id_or_none(heading_id: str) -> None:
    """bbc/simorgh's `Post` as the World Service renders it now: the heading's id is the
    post's `asset:` id, or the heading has none; the `span[role=text]` holding the time banner
    says it is a post's all the same. Around a social embed, the link that skips it, its
    caption's warning and the line that ends it are no words of the post."""
    embed = (
        '<div class="e"><a href="#end-of-twitter-content-1">跳过 Twitter 帖子</a><div><blockquote '
        'class="twitter-tweet"><a href="https://twitter.com/rescue/status/1785612345678901234">'
        "View original content on Twitter</a></blockquote></div><p><span>视频加注文字，</span>告知："
        '第三方内容可能包含广告</p><span id="end-of-twitter-content-1">结尾 Twitter 帖子</span></div>'
    )
    posts = "".join(
        f"<li><article><h3 {f'id={heading_id.format(n=n)!r} ' if heading_id else ''}"
        f'tabindex="-1"><span role="text"><span><time datetime="2024年5月01日">{5 + 20 * n} 分钟前'
        f"</time></span><span>标题 {n}</span></span></h3><div><p>第 {n} 条消息的内容，多写几个字。</p>"
        + (embed if n == 1 else "")
        + "</div></article></li>"
        for n in range(3)
    )
    page = (
        "<html lang='zh-Hans'><head><title>直播：台风</title></head><body><main><ol>"
        f"{posts}</ol></main></body></html>"
    )
    url = "https://www.bbc.com/zhongwen/simp/live/c2x1e7p4yq8t"
    updates = extract_page(page.encode(), url, fetched_at="2024-05-01T12:10:00Z").updates
    assert [(u.source_id, u.headline, u.published_at) for u in updates] == [
        (heading_id.format(n=n) or None, f"标题 {n}", when)
        for n, when in enumerate(
            ["2024-05-01T12:05:00Z", "2024-05-01T11:45:00Z", "2024-05-01T11:25:00Z"]
        )
    ]
    assert updates[1].body_text == "第 1 条消息的内容，多写几个字。"
    assert [m["url"] for m in updates[1].media] == [
        "https://twitter.com/rescue/status/1785612345678901234"
    ]


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("en", ["1 hour ago", "2 hours ago"]), ("zh", ["1 小时前", "2 小时前"]),
     ("ar", ["منذ ساعة", "منذ ساعتين"])],
)  # fmt: skip
def test_a_world_service_posts_how_long_ago_is_refined_by_its_json_ld_time(
    lang: str, shown: list[str]
) -> None:
    """A World Service post shows how long ago it went up ("1 hour ago", "1 小时前", "منذ
    ساعة"), good to its hour; JSON-LD's time within that hour is the instant."""
    posts = "".join(
        f'<li><article><h3 id="urn:asset:0a1b-{n}" tabindex="-1"><span role="text"><span '
        f'class="banner"><time datetime="01 May 2024">{ago}</time></span><span class="t">'
        f'Headline {n}</span></span></h3><div class="b"><p>What post {n} reports from the '
        "river, in a few more words.</p></div></article></li>"
        for n, ago in enumerate(shown)
    )
    exact = ["2024-05-01T10:47:00Z", "2024-05-01T09:52:00Z"]
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "liveBlogUpdate": [
            {"@type": "BlogPosting", "headline": f"Headline {n}", "datePublished": exact[n],
             "articleBody": f"What post {n} reports from the river, in a few more words."}
            for n in range(2)
        ],
    }  # fmt: skip
    page = (
        f"<html lang='{lang}'><head><title>Live: floods</title><script type='application/"
        f"ld+json'>{json.dumps(data)}</script></head><body><main><ol>{posts}</ol></main>"
        "</body></html>"
    )
    url = "https://www.bbc.com/zhongwen/live/c9x2k4m7p1qo"
    updates = extract_page(page.encode(), url, fetched_at="2024-05-01T12:10:00Z").updates
    assert [u.published_at for u in updates] == exact


def test_a_betting_unit_in_a_telegraph_post_is_no_word_of_it() -> None:
    """The Telegraph sets an odds box (`div.article-betting-unit-container`, "18+ only.
    Gamble responsibly.") inside a post's body: an advertisement, not the post's words."""
    telegraph = next(case for case in CASES if case.file.startswith("telegraph-"))
    body = saved_page(telegraph.file).read_text(encoding="utf-8")
    odds = (
        '<div class="article-betting-unit-container"><p>Latest odds: 18+ only. Gamble '
        "responsibly.</p></div>"
    )
    betting = body.replace('<div class="live-post__body">', f'<div class="live-post__body">{odds}')
    assert betting.count(odds) == 8
    updates = extract_page(betting.encode(), telegraph.url).updates
    assert len(updates) == telegraph.count
    assert not [u.source_id for u in updates if "odds" in u.body_text]


@pytest.mark.parametrize("marked", [True, False])
def test_an_express_entry_without_its_epoch_or_headline_class(marked: bool) -> None:
    """The Express's entries as public readers of the page document them: the headline a
    plain `<h3>` (`h3.live-events__entry-head` on the pages we hold), and where an entry
    carries no epoch (`data-sort-time`) the clock its info row shows dates it."""
    posts = "".join(
        f'<div class="live-events__entry" id="live-1924698-{n}"'
        + (f' data-sort-time="{1721296800 + 600 * n}"' if marked else "")
        + f'><div class="live-events__entry-info"> <time>11:{n}0</time> <a class="live-'
        f'events__entry-author" href="/journalist/1/Jon-King">Jon King</a></div>'
        + ('<h3 class="live-events__entry-head">' if marked else "<h3>")
        + f"Royal update {n}</h3><div class='live-events__entry-text'><p>What royal update {n}"
        " says, in a few more words.</p></div></div>"
        for n in (3, 2, 1)
    )
    page = (
        "<html lang='en-GB'><head><title>Royal Family LIVE</title></head><body><div class="
        f"'live-events'><div class='live-events__entries'>{posts}</div></div></body></html>"
    )
    url = "https://www.express.co.uk/news/royal/1924698/royal-family-live"
    updates = extract_page(page.encode(), url, fetched_at="2024-07-18T11:09:00Z").updates
    assert [(u.source_id, u.published_at, u.headline, u.body_text, u.authors) for u in updates] == [
        (
            f"live-1924698-{n}",
            f"2024-07-18T10:{n}0:00Z",
            f"Royal update {n}",
            f"What royal update {n} says, in a few more words.",
            ["Jon King"],
        )
        for n in (3, 2, 1)
    ]


def test_norkon_posts_whose_header_sits_beside_their_container() -> None:
    """Norkon Live Center's markup (Sky's, and Times of Malta's, as public scrapers read it):
    each post a `div.ncpost-list-post[role=article]` whose header (its time, its byline)
    sits beside the `div.ncpost-container[data-ncpost-id]` that holds its title and words."""
    posts = "".join(
        f'<div class="ncpost-list-post{" ncpost-list-post--pinned" if n == 9 else ""}" '
        f'role="article"><div class="ncpost-header"><time class="ncpost-timestamp" datetime="'
        f'2024-05-01T1{n % 9}:05:00.000Z">{n}:05 PM</time><div class="ncpost-byline">Ivan '
        f'Camilleri</div></div><div class="ncpost-container" data-ncpost-id="95033{n}"><h2 '
        f'class="ncpost-title">Budget debate {n}</h2><div class="ncpost-content"><p>What the '
        f"House heard in part {n} of the debate.</p></div></div></div>"
        for n in (9, 3, 2, 1)
    )
    page = (
        "<html><head><title>Live blog: budget debate</title></head><body><div id='master-"
        f"container'>{posts}</div></body></html>"
    )
    url = "https://timesofmalta.com/article/live-blog-parliament-budget-debate.1090000"
    updates = extract_page(page.encode(), url, fetched_at="2024-05-01T14:00:00Z").updates
    assert [(u.source_id, u.published_at, u.authors, u.pinned) for u in updates] == [
        (f"95033{n}", f"2024-05-01T1{n % 9}:05:00Z", ["Ivan Camilleri"], n == 9)
        for n in (9, 3, 2, 1)
    ]
    assert [u.body_text for u in updates] == [
        f"What the House heard in part {n} of the debate." for n in (9, 3, 2, 1)
    ]


def test_a_sky_video_box_is_a_video_and_its_players_notice_no_word() -> None:
    """Sky's video box names its Brightcove account and video (`div.sdc-site-video`), which
    a script plays, over a notice ("Please use Chrome browser for a more accessible video
    player"): a `video` record, and the notice is no word of the post."""
    sky = next(case for case in CASES if case.file.startswith("skynews-"))
    body = saved_page(sky.file).read_text(encoding="utf-8")
    player = (
        '<div class="ncpost-video"><div class="sdc-site-video" data-account-id="6058004172001" '
        'data-video-id="6351234567112" data-component-name="ui-video"><div class="sdc-site-'
        'video__accessibility-message"><p>Please use Chrome browser for a more accessible video '
        "player</p></div></div></div>"
    )
    content = '<div class="ncpost-content">'
    with_video = body.replace(content, content + player, 1)
    assert with_video != body
    updates = extract_page(with_video.encode(), sky.url).updates
    assert not [u.source_id for u in updates if "Chrome" in u.body_text]
    videos = [m for u in updates for m in u.media if m["type"] == "video"]
    assert videos == [
        {
            "type": "video",
            "url": "https://players.brightcove.net/6058004172001/default_default/index.html"
            "?videoId=6351234567112",
            "provider": None,
            "text": None,
        }
    ]


# Media have one shape everywhere ---------------------------------------------------------------------

ALL_PAGES = saved_page_names()


@pytest.mark.parametrize("file", ALL_PAGES)
def test_media_records_have_one_shape(file: str) -> None:
    page = extract_page(saved_page(file).read_bytes(), LOCAL)
    kinds: Counter[str] = Counter()
    for update in page.updates:
        for item in update.media:
            kinds[item["type"]] += 1
            assert tuple(item) == MEDIA_KEYS[item["type"]], (file, item)
            if item["type"] != "quote":
                assert item["url"] is None or str(item["url"]).startswith("http")
    assert page.updates or not load_labels(LABELS / f"{file}.json").updates
