"""Extraction of hostile and broken pages (issue 11): what it keeps, what it refuses.

Every page here is built in this module, from our own markup: schema.org LiveBlogPosting
JSON-LD and microdata as schema.org documents them, and plain HTML posts (an <article> with a
heading, a <time> and paragraphs) of the kind the generic extractor reads.
"""

from __future__ import annotations

import gzip
import json
import re
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

import pytest
from scrapy.http import HtmlResponse, Request

from archive.records import BlogPass, Page, Update
from crawler.extract import extract_page, repair
from crawler.extract.clean import HEADLINE_LIMIT, strip_controls, web_url
from crawler.extract.html import ends_document, header_charset, parse, unpacked
from crawler.sample import PATH, UPDATES, render_page
from crawler.sample import TITLE as TITLE_ITV
from crawler.settings import DOWNLOAD_MAXSIZE
from crawler.spiders.liveblog import LiveblogSpider, PassState

URL = "https://news.example/live/storm-warning"
FETCHED = "2024-03-02T12:00:00Z"
# What no XML document may hold; written out here, not taken from the code under test.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def ld(data: object) -> str:
    text = json.dumps(data).replace("</", "<\\/")  # "</" inside a script block would end it
    return f'<script type="application/ld+json">{text}</script>'


def blog(updates: list[Any], **fields: Any) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Storm warning: live",
        "liveBlogUpdate": updates,
        **fields,
    }


def item(headline: str | None, body: str, **fields: Any) -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "BlogPosting", "articleBody": body, **fields}
    if headline is not None:
        found["headline"] = headline
    return found


def html_page(head: str = "", body: str = "") -> bytes:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Storm warning: live</title>"
        f"{head}</head><body><h1>Storm warning: live</h1><main>{body}</main></body></html>"
    ).encode()


def post(number: int, body: str) -> str:
    """One post as the generic extractor reads it: heading, time, paragraphs."""
    return (
        f'<article class="post" id="post-{number}"><h2>Update number {number}</h2>'
        f'<time datetime="2024-03-02T1{number}:00:00Z">1{number}:00</time>'
        f'<div class="post-body">{body}</div></article>'
    )


def paragraph(number: int) -> str:
    return f"<p>The paragraph of update {number}, long enough to be the body of a post.</p>"


def stream(middle: str) -> bytes:
    """Three posts, the middle one holding `middle` after its paragraph; a LiveBlogPosting
    without updates says the page is a live blog."""
    posts = [post(3, paragraph(3)), post(2, paragraph(2) + middle), post(1, paragraph(1))]
    return html_page(ld(blog([], url=URL)), "".join(posts))


def extract(body: bytes, url: str = URL, encoding: str | None = None) -> Page:
    return extract_page(body, url, encoding=encoding, fetched_at=FETCHED)


def texts(update: Update) -> list[str]:
    """Every text an update carries: what the archive stores and the feeds publish."""
    values = [update.source_id, update.headline, update.body_text, update.body_html]
    values += [update.permalink, *update.authors]
    values += [v for record in update.media for v in record.values() if isinstance(v, str)]
    return [v for v in values if v]


# Permalinks --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(document.domain)#post-9",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ftp://news.example/live/storm-warning#post-9",
        "vbscript:msgbox(1)",
        "http://",
    ],
)
def test_a_permalink_is_only_ever_an_http_address(url: str) -> None:
    page = extract(html_page(ld(blog([item("Roads closed", "The A1 is shut.", url=url)]))))
    (update,) = page.updates
    assert update.headline == "Roads closed"
    assert update.permalink is None


@pytest.mark.parametrize("page_url", ["https://[bad/live/storm", "http://[::1/live/storm"])
def test_a_page_address_the_url_parser_refuses_still_gives_its_posts(page_url: str) -> None:
    posts = "".join(
        f'<article id="post-{n}"><time datetime="2024-03-02T1{n}:00:00Z">1{n}:00</time>'
        f"<h2>Update {n} on the storm</h2><p>Winds reach {n}0 mph on the coast today.</p>"
        "</article>"
        for n in (2, 1)
    )
    updates = [item("Roads closed", "The A1 is shut.", url="#post-9")]
    for body in (html_page(body=posts), html_page(ld(blog(updates)))):
        page = extract_page(body, page_url, fetched_at=FETCHED)
        assert page.url == page_url
        assert page.updates and all(u.headline and u.body_text for u in page.updates)
        assert all(u.permalink is None or u.permalink.startswith("http") for u in page.updates)


def test_web_permalinks_are_kept_and_resolved() -> None:
    updates = [
        item("One", "First post.", url="#post-1"),
        item("Two", "Second post.", url="//cdn.news.example/live/storm-warning#post-2"),
        item("Three", "Third post.", url="HTTPS://news.example/live/storm-warning#post-3"),
    ]
    page = extract(html_page(ld(blog(updates))))
    assert [(u.source_id, u.permalink) for u in page.updates] == [
        ("post-1", f"{URL}#post-1"),
        ("post-2", "https://cdn.news.example/live/storm-warning#post-2"),
        ("post-3", "https://news.example/live/storm-warning#post-3"),
    ]


def test_microdata_permalinks_are_only_http_addresses() -> None:
    body = """
    <div itemscope itemtype="https://schema.org/LiveBlogPosting">
      <h1 itemprop="headline">Storm warning: live</h1>
      <div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">
        <h2 itemprop="headline">Trains cancelled</h2>
        <a itemprop="url" href="javascript:alert(1)">link</a>
        <div itemprop="articleBody"><p>No trains run north of York today.</p></div>
      </div>
      <div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">
        <h2 itemprop="headline">Schools shut</h2>
        <a itemprop="url" href="#post-7">link</a>
        <div itemprop="articleBody"><p>Every school in the county is closed.</p></div>
      </div>
    </div>"""
    page = extract(html_page(body=body))
    assert [(u.headline, u.permalink) for u in page.updates] == [
        ("Trains cancelled", None),
        ("Schools shut", f"{URL}#post-7"),
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/a", "https://news.example/a"),
        ("  http://news.example/a b  ", "http://news.example/a b"),
        ("https://news.example/\x00a\tb", "https://news.example/ab"),
        ("mailto:desk@news.example", None),
        ("/relative/path", None),
        ("https://[::1", None),
        ("HTTPS://News.Example/A?b=1#c", "HTTPS://News.Example/A?b=1#c"),
        ("hTtP://news.example:8080", "hTtP://news.example:8080"),
        ("https://ſ.example/a", "https://ſ.example/a"),  # ſ folds onto s: plain all the same
        ("httpſ://news.example/a", "httpſ://news.example/a"),  # the fold accepts it as https
        ("https://news.example/ä", "https://news.example/ä"),
        ("htp://news.example/a", None),
        ("", None),
        (None, None),
    ],
)
def test_web_url(url: str | None, expected: str | None) -> None:
    assert web_url(url) == expected


# Control characters ------------------------------------------------------------------------------


def test_control_characters_are_stripped_from_every_field() -> None:
    updates = [
        item(
            "Bridge\x01 closed\x9f\ud800 tonight\ufffe",
            "<p>Drivers\x00 should\x07 avoid\x0c the\x1b area\ud83d.</p>"
            '<figure><img src="https://img.news.example/bridge\x01.jpg" alt="The bridge\x02">'
            "<figcaption>The bridge\x08 at dusk</figcaption></figure>",
            author={"@type": "Person", "name": "Ann\x1f Lee\x85"},
            url=f"{URL}#post-1\x7f",
        ),
        # Ids that confirm the HTML posts (page.corroborated).
        {"@type": "BlogPosting", "url": f"{URL}#post-3"},
        {"@type": "BlogPosting", "url": f"{URL}#post-2"},
    ]
    html_post = post(2, "<p>Police \x07closed&#7; the \x1broad \x9fat &#x1; six.</p>")
    page = extract(
        html_page(ld(blog(updates, headline="Storm\x01 live")), post(3, paragraph(3)) + html_post)
    )
    assert page.title == "Storm live"
    assert [u.source_id for u in page.updates] == ["post-3", "post-2", "post-1"]
    for update in page.updates:
        for value in texts(update):
            assert not FORBIDDEN.search(value), value
            # A feed is XML: each value must make a well-formed document.
            ElementTree.fromstring(f"<v>{escape(value)}</v>")  # noqa: S314 - our own string
    first = next(u for u in page.updates if u.headline and u.headline.startswith("Bridge"))
    assert first.headline == "Bridge closed tonight"
    assert "Drivers should avoid the area." in first.body_text  # words kept, not glued
    assert first.authors == ["Ann Lee"]
    assert first.permalink == f"{URL}#post-1"
    assert page.updates[1].body_text == "Police closed the road at six."


def test_a_lone_surrogate_in_json_does_not_cut_the_body_short() -> None:
    body = "<p>Before the escape \ud800 and after it.</p><p>A second paragraph.</p>"
    page = extract(html_page(ld(blog([item("Surrogate", body)]))))
    (update,) = page.updates
    assert update.body_text == "Before the escape and after it.\n\nA second paragraph."


def test_strip_controls() -> None:
    assert strip_controls("plain text\nwith\ttabs") == "plain text\nwith\ttabs"
    assert strip_controls("a\x0bb\x0cc\rd\x85e") == "a b c d e"  # separators part words
    assert strip_controls("a\x00b\x1bc\x7fd\x9fe\ud800f\ufdd0g\U0001ffffh") == "abcdefgh"
    assert strip_controls("keeps é, “quotes”, 😀 and \ue000") == "keeps é, “quotes”, 😀 and \ue000"


# Headlines ---------------------------------------------------------------------------------------


def test_a_huge_headline_is_capped_and_its_whole_text_kept_in_the_body() -> None:
    words = " ".join(f"word{i}" for i in range(30000))  # about 250,000 characters
    page = extract(html_page(ld(blog([item(words, "<p>The body itself.</p>")]))))
    (update,) = page.updates
    assert update.headline is not None
    assert len(update.headline) <= HEADLINE_LIMIT
    assert update.headline.endswith("…")
    assert words.startswith(update.headline[:-1])
    assert update.body_text == words + "\n\nThe body itself."
    assert update.body_html.startswith(f"<p>{words[:100]}")
    assert update.body_html.endswith("<p>The body itself.</p>")


def test_a_headline_at_the_limit_is_left_alone() -> None:
    headline = "x" * HEADLINE_LIMIT
    page = extract(html_page(ld(blog([item(headline, "Body.")]))))
    assert [(u.headline, u.body_text) for u in page.updates] == [(headline, "Body.")]


# Junk items --------------------------------------------------------------------------------------


def test_junk_live_blog_updates_are_dropped() -> None:
    junk: list[Any] = [
        "a string",
        42,
        None,
        [],
        {},
        {"@type": "BlogPosting"},
        {"@type": "BlogPosting", "url": f"{URL}#post-8", "datePublished": "2024-03-02T10:00:00Z"},
        {"@type": "BlogPosting", "headline": "   ", "articleBody": "&nbsp; "},
        {"@type": "BlogPosting", "headline": {"@value": 1}, "articleBody": ["not", "text"]},
        {"@type": "BlogPosting", "headline": 12345, "articleBody": 678},
        {"@type": "BlogPosting", "headline": "\x01\x02", "articleBody": "\x00"},
    ]
    real = [item("Flood barrier raised", "The barrier went up at noon."), item(None, "Rain eases.")]
    page = extract(html_page(ld(blog(junk[:6] + real[:1] + junk[6:] + real[1:]))))
    assert [(u.headline, u.body_text) for u in page.updates] == [
        ("Flood barrier raised", "The barrier went up at noon."),
        (None, "Rain eases."),
    ]


def test_a_reading_with_an_id_and_no_text_still_lends_its_time() -> None:
    updates = [
        {"@type": "BlogPosting", "url": f"{URL}#post-2", "datePublished": "2024-03-02T12:00:07Z"}
    ]
    page = extract(html_page(ld(blog(updates)), post(3, paragraph(3)) + post(2, paragraph(2))))
    # Post 3, which no structured reading confirms, is not taken (page.corroborated).
    assert [(u.source_id, u.published_at) for u in page.updates] == [
        ("post-2", "2024-03-02T12:00:07Z")
    ]


def listed(*numbers: int) -> list[dict[str, Any]]:
    """JSON-LD readings of the posts post() writes, confirming them by headline alone."""
    return [
        item(
            f"Update number {n}",
            f"The paragraph of update {n}, long enough to be the body of a post.",
            datePublished=f"2024-03-02T1{n}:00:00Z",
        )
        for n in numbers
    ]


def test_posts_older_than_the_structured_data_lists_are_taken_from_the_stream() -> None:
    # The JSON-LD lists the newest two posts of five the page shows (page.corroborated).
    posts = "".join(post(n, paragraph(n)) for n in range(5, 0, -1))
    page = extract(html_page(ld(blog(listed(5, 4))), posts))
    assert [u.headline for u in page.updates] == [f"Update number {n}" for n in range(5, 0, -1)]
    assert [(u.source_id, u.published_at) for u in page.updates[2:]] == [
        (f"post-{n}", f"2024-03-02T1{n}:00:00Z") for n in (3, 2, 1)
    ]


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        # Only one listed post confirmed: too little to call the stream the publisher's list.
        (listed(5), [5]),
        # Half of what is listed is not on the page: the stream is not that list shown whole.
        (listed(5, 4, 8, 7), [5, 4]),
    ],
)
def test_older_posts_are_not_taken_when_the_stream_is_not_clearly_the_listed_one(
    readings: list[dict[str, Any]], expected: list[int]
) -> None:
    posts = "".join(post(n, paragraph(n)) for n in range(5, 0, -1))
    page = extract(html_page(ld(blog(readings)), posts))
    assert [
        u.headline
        for u in page.updates
        if u.headline in {f"Update number {n}" for n in range(1, 6)}
    ] == [f"Update number {n}" for n in expected]


def teasers(title: str, title_tag: str = "<h2>{}</h2>") -> bytes:
    """A live blog's page (its JSON-LD says so) whose only repeated boxes are a list of three
    dated stories under `title`, every class hashed by the page's build."""
    cards = "".join(
        f'<article class="x{n}f3a"><a href="/news/story-{n}"><h3>Story number {n} of the day</h3>'
        f'</a><time datetime="2024-03-02T1{n}:00:00Z">1{n}:00</time><p>What story {n} is about, '
        "in a sentence long enough to be a post's.</p></article>"
        for n in (3, 2, 1)
    )
    heading = title_tag.format(title)
    return html_page(ld(blog([], url=URL)), f'<section class="s9b2c">{heading}{cards}</section>')


@pytest.mark.parametrize(
    "title",
    # A channel's schedule beside its player ("Schedule", "Műsor") lists programmes.
    [
        "Lees ook",
        "Read more",
        "Most read",
        "Mehr zum Thema",
        "Schedule",
        "TV-Programm:",
        "Műsor",
        "Today's schedule",
        "Later on News 24",
    ],
)
@pytest.mark.parametrize(
    "title_tag",
    ["<h2>{}</h2>", "<p><strong>{}</strong></p>", '<div class="k2x"><b>{}</b></div>'],
    ids=["heading", "bold-paragraph", "bold-box"],
)
def test_a_list_titled_as_teasers_is_not_the_stream(title: str, title_tag: str) -> None:
    """The list's title names teasers, set as a heading or as a bold line of its own."""
    assert extract(teasers(title, title_tag)).updates == []
    # Under a title that names nothing, the same boxes are the live blog's posts; a title
    # that only opens with a schedule's word names nothing either.
    assert len(extract(teasers("Story of the day", title_tag)).updates) == 3
    assert len(extract(teasers("Schedule changes as strikes hit", title_tag)).updates) == 3


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # Its only words a link's, to another page, with a photo: a promotion.
        ('<a href="/jobs/live-desk"><img src="{img}" alt=""><span>{words}</span></a>', False),
        # The same words, not a link: a post like the others.
        ('<img src="{img}" alt=""><p>{words}</p>', True),
    ],
)
def test_a_post_whose_only_words_are_a_link_to_another_page_is_a_teaser(
    line: str, kept: bool
) -> None:
    words = "Join our newsroom: we are hiring reporters for the live desk"
    pad = "\n" + "\t" * 12  # a CMS's indentation: text, if not words, beside the link's
    card = (
        f'<article class="post" id="post-9">{pad}<time datetime="2024-03-02T12:30:00Z">12:30'
        f'</time>{pad}<div class="post-body">{pad}'
        f"{line.format(img='https://img.news.example/desk.jpg', words=words)}{pad}</div>{pad}"
        "</article>"
    )
    body = post(3, paragraph(3)) + card + post(1, paragraph(1))
    page = extract(html_page(ld(blog([], url=URL)), body))
    assert [u.headline for u in page.updates] == (
        ["Update number 3", None, "Update number 1"]
        if kept
        else ["Update number 3", "Update number 1"]
    )


def lined(line: str) -> bytes:
    """A live blog's page whose hashed-class posts follow a line of the body's own (The
    Hindu's intro: its paragraphs, then "ALSO READ | <a>…</a>", then the posts)."""
    posts = "".join(
        f'<div class="x{n}f3a"><p><b>Chennai | {n}:15 pm</b></p><h3>Update number {n}</h3>'
        f"<p>What happened at {n}:15, in a sentence long enough to be a post's.</p></div>"
        for n in (3, 2, 1)
    )
    intro = "<p>Heavy rain left parts of the city waterlogged on Tuesday morning.</p>"
    return html_page(ld(blog([], url=URL)), f'<div class="s9b2c">{intro}{line}{posts}</div>')


@pytest.mark.parametrize(
    "line",
    [
        '<p><b>ALSO READ | <a href="/news/monsoon">How the city prepares for the monsoon</a></b></p>',
        "<p><b>ALSO READ | How the city prepares for the monsoon</b></p>",
        '<p>Read more: <a href="/news/monsoon">How the city prepares</a></p>',
    ],
)
def test_a_teaser_line_of_the_text_is_no_title_of_the_posts_after_it(line: str) -> None:
    assert [u.headline for u in extract(lined(line)).updates] == [
        f"Update number {n}" for n in (3, 2, 1)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "<p><strong>Lees ook</strong></p>",
        "<p><b>ALSO READ:</b></p>",
        "<p><b>More from Reading Festival</b></p>",
        "<p><strong>Related stories</strong></p>",
    ],
)
def test_a_teaser_label_alone_still_titles_the_list_after_it(line: str) -> None:
    assert extract(lined(line)).updates == []


def test_the_same_list_titled_as_news_is_the_stream() -> None:
    found = extract(teasers("Latest"))
    assert [u.headline for u in found.updates] == [
        f"Story number {n} of the day" for n in (3, 2, 1)
    ]


_INDEX = ["2024-03-01T14:05", "2024-02-27T12:00", "2024-03-02T09:00", "2024-02-29T21:45"]
_TICKER = ["2024-03-02T14:05", "2024-03-02T12:00", "2024-03-02T09:00", "2024-03-02T07:45"]


def live_cards(stamps: list[str], head: str = "") -> bytes:
    """A page at a live address ("/news/live", titled "Live") whose only repeated boxes are
    cards: each card's title a link to a page of its own, a line of summary, its time, a
    "LIVE" badge."""
    cards = "".join(
        f'<article class="card"><a class="card__link" href="/news/live/story-{n}"><h3>Live: '
        f"story number {n} as it happens</h3></a><p>What this story follows, in a line of words ({n}).</p>"
        f'<time datetime="{stamp}:00Z">{stamp[11:]}</time><span class="badge">LIVE</span>'
        "</article>"
        for n, stamp in enumerate(stamps)
    )
    return (
        f"<html lang='en'><head><title>Live - News</title>{head}</head><body><main><h1>Live</h1>"
        f"<div class='grid'>{cards}</div></main></body></html>"
    ).encode()


@pytest.mark.parametrize("stamps", [_INDEX, _TICKER], ids=["index", "in-order"])
def test_an_index_of_live_blogs_is_no_live_blog(stamps: list[str]) -> None:
    """The publisher's live blogs listed at its live address: cards that lead to pages of
    their own, whether their times run a stream's course or not. The address and the title
    say live, but of the blogs the cards lead to: no updates."""
    found = extract(live_cards(stamps), "https://news.example/news/live")
    assert found.updates == []


@pytest.mark.parametrize(
    ("address", "link", "box", "ids"),
    [
        # Libération's "Direct" (a section's address, its list's box named live): each title
        # a link to the post's page below it, whose number is the post's id.
        (
            "https://www.liberation.fr/direct/",
            "/direct/element/story-number-{n}_9187{n}/",
            "live-content",
            ["91873", "91872", "91871"],
        ),
        # A story's address: its posts' pages below it, numbered or not, or its query.
        (
            "https://news.example/politics/spring-budget-live",
            "/politics/spring-budget-live/post/12345{n}",
            "s",
            ["123453", "123452", "123451"],
        ),
        (
            "https://news.example/world/live/ukraine-war-live",
            "/world/live/ukraine-war-live/post-30012{n}",
            "s",
            ["post-300123", "post-300122", "post-300121"],  # (its last step, as CNN's)
        ),
        (
            "https://news.example/politics/spring-budget-live",
            "/politics/spring-budget-live/post/663f1c2ae4b0a1d{n}f",
            "s",
            ["663f1c2ae4b0a1d3f", "663f1c2ae4b0a1d2f", "663f1c2ae4b0a1d1f"],
        ),
        (
            "https://news.example/politics/spring-budget-live",
            "?update=12345{n}",
            "s",
            ["123453", "123452", "123451"],
        ),
        # A section's address, whose stories lie under it, numbered too: no post's own page.
        ("https://news.example/politics/", "/politics/2024/03/02/story-12345{n}/", "s", []),
        ("https://news.example/live/", "/live/story-number-{n}/", "s", []),
        # A hub's address, a word or two each step (`/live-updates/`): its blogs below it; so
        # is a live section's whose list's box says live, where they stand a step below.
        ("https://news.example/live-updates/", "/live-updates/story-{n}", "s", []),
        ("https://news.example/live/", "/live/story-{n}", "liveblog-list", []),
        # A front page's ticker: the site's stories, whatever its box's name.
        ("https://news.example/", "/politics/2024/03/02/story-12345{n}/", "live-ticker", []),
        # Elsewhere: a rail of the site's stories; from a front page, anywhere.
        ("https://news.example/politics/spring-budget-live", "/news/story-{n}", "s", []),
        ("https://news.example/", "/?p=100{n}", "s", []),
    ],
)
def test_cards_that_link_to_their_posts_own_pages_are_the_blogs_posts(
    address: str, link: str, box: str, ids: list[str]
) -> None:
    """A live page whose posts each title a link to the post's own page, under this one (its
    path with a query, or below it): its posts, that page's number (else its last step) their
    ids. Under a section's address (`/politics/`) the links lead to the section's stories,
    unless the list's box says live; elsewhere, a rail of headlines."""
    cards = "".join(
        f'<div class="entry"><time datetime="2024-03-02T1{n}:00:00Z">1{n}:00</time><h3>'
        f'<a href="{link.format(n=n)}">Story number {n} of the day</a></h3><p>What story {n} '
        "is about, in a line of summary.</p></div>"
        for n in (3, 2, 1)
    )
    page = html_page("<title>Direct: the day live</title>", f"<div class='{box}'>{cards}</div>")
    found = extract(page, address)
    assert [u.source_id for u in found.updates] == ids
    assert all(u.permalink and u.source_id in u.permalink for u in found.updates)


def test_a_live_sections_hub_of_cards_with_thumbnails_is_no_live_blog() -> None:
    """A section's live hub (`/live/`, its list in `div.live-hub`): each card a thumbnail and
    a title, both linking to a blog below the hub's address. Teasers, where Libération's
    posts, in the same box, show no picture that leads to their page."""
    cards = "".join(
        f'<article class="story-card"><a class="thumb" href="/live/2024/03/02/story-12345{n}">'
        f'<img src="/img/{n}.jpg" alt=""></a><time datetime="2024-03-02T1{n}:00:00Z">1{n}:00'
        f'</time><h3><a href="/live/2024/03/02/story-12345{n}">Story number {n} of the day</a>'
        f"</h3><p>What story {n} is about, in a line of summary.</p></article>"
        for n in (3, 2, 1)
    )
    page = html_page("<title>Live - News</title>", f"<div class='live-hub'>{cards}</div>")
    assert extract(page, "https://news.example/live/").updates == []
    plain = re.sub(rb'<a class="thumb"[^>]*><img[^>]*></a>', b"", page)
    assert len(extract(plain, "https://news.example/live/").updates) == 3


def test_cards_below_a_story_address_titled_as_live_blogs_are_an_index() -> None:
    """An index of the day's live blogs at a story's address, whose cards lead below it, each
    titled as a live blog: an index, no posts."""
    address = "https://news.example/live/todays-live-coverage"
    cards = "".join(
        f'<div class="entry"><time datetime="2024-03-02T1{n}:00:00Z">1{n}:00</time><h3><a '
        f'href="/live/todays-live-coverage/story-{n}-live-12345{n}/">Story number {n} live: the'
        f" latest</a></h3><p>What story {n} is about, in a line of summary.</p></div>"
        for n in (3, 2, 1)
    )
    page = html_page("<title>Live - News</title>", f"<div class='s'>{cards}</div>")
    assert extract(page, address).updates == []
    # The same cards titled as posts are the posts of the blog at that address.
    told = page.replace(b" live: the latest", b" of the day")
    assert len(extract(told, address).updates) == 3


@pytest.mark.parametrize(
    ("stamps", "expected"), [(_INDEX, 0), (_TICKER, 4)], ids=["index", "ticker"]
)
def test_a_live_blog_of_linked_headlines_needs_its_own_word(
    stamps: list[str], expected: int
) -> None:
    """The same cards on a page whose structured data says it is a live blog: in a stream's
    order, newest first within a day, they are its posts (a ticker of linked headlines);
    days apart and out of order, an index still."""
    head = ld(blog([], url="https://news.example/news/live"))
    found = extract(live_cards(stamps, head), "https://news.example/news/live")
    assert len(found.updates) == expected


@pytest.mark.parametrize(
    ("lang", "heading", "stamp", "address"),
    [("en", "Latest", "{}", "https://www.example-post.com/live/city/harbour-plan"),
     ("de", "Neueste Meldungen", "{} Uhr", "https://www.example.de/liveblog/stadt/hafenplan"),
     ("pt", "Últimas", "{}", "https://www.example.com.br/ao-vivo/cidade/plano-do-porto")],
)  # fmt: skip
def test_a_box_of_latest_stories_set_in_an_articles_text_is_no_live_blog(
    lang: str, heading: str, stamp: str, address: str
) -> None:
    """An ordinary article at a live address, and in its text, between two of its
    paragraphs, a box of the latest stories: each a title, its time and a line of teaser,
    none linked, newest first. Set in the article's running text, the box is the article's
    aside, no stream of posts; the same cards below an introduction alone are a blog's, and
    so are they in a box that names itself a live blog's feed, a closing line below it."""
    cards = "".join(
        f'<div class="news-card"><time>{stamp.format(at)}</time><h3>Story {n} of the day in '
        f"town</h3><p>What story {n} is about, told in a line of teaser words.</p></div>"
        for n, at in enumerate(("12:41", "12:05", "11:32", "10:58", "10:14", "9:40"))
    )
    prose = (
        "<p>The council voted late on Tuesday to approve the plan for the harbour, after a "
        "debate that lasted most of the evening.</p>"
    )
    page = (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>Harbour plan "
        "approved</title><meta property='article:published_time' content='2024-05-01T09:00:00"
        "+01:00'></head><body><main><article><h1>Harbour plan approved</h1><div class='body'>"
        f"{prose}<section class='latest'><h2>{heading}</h2>{cards}</section>{prose}</div>"
        "</article></main></body></html>"
    )
    fetched = "2024-05-01T12:00:00Z"
    assert extract_page(page.encode(), address, fetched_at=fetched).updates == []
    blog = page.replace(f"</section>{prose}", "</section>")
    assert len(extract_page(blog.encode(), address, fetched_at=fetched).updates) == 6
    feed = page.replace("<section class='latest'>", "<section class='liveblog-feed'>")
    assert len(extract_page(feed.encode(), address, fetched_at=fetched).updates) == 6


@pytest.mark.parametrize(
    "box",
    [
        "<h2>Latest</h2><div class='latest'>{}</div>",
        "<section aria-label='Latest news'>{}</section>",
        "<div class='sc-3fa2b'>{}</div>",
        "<div><p class='label'>Most read</p>{}</div>",
        "<section><header><h2>Latest</h2></header>{}</section>",
    ],
)
def test_a_box_of_latest_stories_no_heading_of_its_own_titles_set_in_an_article_is_no_blog(
    box: str,
) -> None:
    """An ordinary article at a live address, and between two of its paragraphs a box of
    the latest stories, none linked, newest first, that no heading of its own titles: its
    heading stands above it, or it names itself only to a screen reader (an aria-label), or
    by a line of the label, or not at all. The paragraph below it goes on with the article
    and closes no blog, so the box is the article's aside, as a titled one is."""
    cards = "".join(
        f'<div class="news-card"><time>{at}</time><h3>Story {n} of the day in town</h3>'
        f"<p>What story {n} is about, told in a line of teaser words.</p></div>"
        for n, at in enumerate(("12:41", "12:05", "11:32", "10:58", "10:14", "9:40"))
    )
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Harbour plan "
        "approved</title><meta property='article:published_time' content='2024-05-01T09:00:00"
        "+01:00'></head><body><main><article><h1>Harbour plan approved</h1><div class='body'>"
        "<p>The council voted late on Tuesday to approve the plan for the harbour, after a "
        f"debate that lasted most of the evening.</p>{box.format(cards)}<p>Work on the new "
        "quay is expected to begin in the autumn, and the council says it will publish the "
        "full costs next month.</p></div></article></main></body></html>"
    )
    for address in ("/live/", "/liveblog/", "/ticker/", "/na-zywo/"):
        url = f"https://www.example-post.com{address}city/harbour-plan"
        assert extract_page(page.encode(), url, fetched_at="2024-05-01T12:00:00Z").updates == []


@pytest.mark.parametrize("box", ["div", "ol", "section class='content-body'"])
def test_a_live_blogs_stream_between_its_introduction_and_closing_note_is_its_stream(
    box: str,
) -> None:
    """A live blog whose stream, in a box that names nothing (a CMS's plain `div`, a hashed
    class), stands between its introduction and a note that closes it ("This live blog has
    now ended…"), each a paragraph of a sentence: no heading titles the box as an article's
    aside ("Latest"), so its posts are the blog's."""
    tag = box.split()[0]
    item = "li" if tag == "ol" else "article"
    posts = "".join(
        f"<{item} class='post'><time>{at}</time><h3>Count update {n}</h3><p>Officials at "
        f"count {n} say the ballot boxes have all arrived and the counting is under way.</p>"
        f"</{item}>"
        for n, at in enumerate(("11:48", "11:31", "11:05", "10:42", "10:20", "9:55"))
    )
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Election night "
        "live</title><meta property='article:published_time' content='2024-05-01T07:00:00"
        "+00:00'></head><body><main><article><h1>Election night live</h1><div class='body'>"
        "<p>Polls closed at 10pm and counting is now under way across the country; follow the "
        f"night's results as they come in.</p><{box}>{posts}</{tag}><p>This live blog has now "
        "ended. Thank you for following our coverage; you can read the full results in our "
        "main story.</p></div></article></main></body></html>"
    )
    url = "https://www.example-post.com/live/politics/election-night"
    assert len(extract_page(page.encode(), url, fetched_at="2024-05-01T12:00:00Z").updates) == 6


@pytest.mark.parametrize(
    ("lang", "title", "address"),
    [
        ("el", "Ζωντανά | ΕΡΤ Πρώτο Πρόγραμμα 91.6", "https://radio.example.gr/proto/zontana/"),
        ("is", "Í beinni: Þingfundur á Alþingi", "https://tv.example.is/beint/althingi"),
        ("en", "Live: News Channel 24", "https://tv.example.com/live/channel-24"),
    ],
)
def test_a_channels_rail_of_latest_news_is_no_live_blog(
    lang: str, title: str, address: str
) -> None:
    """A channel's live page: its player, and beside it a rail of the latest stories, each a
    headline linking to the story's page, a line of summary and how long ago, newest first.
    The title and the address say live, of the broadcast: the rail is no stream of posts."""
    entries = "".join(
        f'<div class="news-entry"><span class="ago">{ago} minutes ago</span><h3>'
        f'<a href="/news/{n}">Story number {n} of the day</a></h3><p>What story {n} is about, '
        "in a line of summary.</p></div>"
        for n, ago in enumerate((10, 45, 80))
    )
    page = (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title>"
        f'</head><body><h1>{title}</h1><div class="player"><video src="/stream.m3u8"></video>'
        f'</div><div class="news-stream"><h2>News</h2>{entries}</div></body></html>'
    ).encode()
    found = extract(page, address)
    assert found.updates == []
    # The same boxes named for a live blog's posts: still a rail, its links leading out of
    # the page's own (`div.live-content`, cards to `/news/0`).
    named = page.replace(b'class="news-entry"', b'class="live-content"')
    assert extract(named, address).updates == []
    # The same boxes telling their stories on the page: posts of the channel's live blog.
    told = re.sub(r"<h3><a href=\"[^\"]+\">(.*?)</a></h3>", r"<h3>\1</h3>", page.decode())
    assert len(extract(told.encode(), address).updates) == 3


def test_a_blogs_archive_at_a_live_address_is_no_live_blog() -> None:
    """A blog's archive page at /live/, titled "Live: …": a post's excerpt a day, newest first,
    each title a link to the post's page and a "Continue reading" link to it after its first
    lines. Those lines are the start of another page's words, not a post of a live blog."""
    words = "What the day's post is about, in a sentence long enough to read as a paragraph. " * 3
    cards = "".join(
        f'<article class="post"><h2><a href="/blog/day-{n}">The post of day {n}</a></h2>'
        f'<time datetime="2024-03-0{n}T09:00:00Z">0{n} March 2024</time><p>{words}</p>'
        f'<p><a href="/blog/day-{n}">Continue reading</a></p></article>'
        for n in (5, 4, 3, 2)
    )
    page = (
        "<html lang='en'><head><title>Live: notes from the newsroom</title></head><body><main>"
        f"<h1>Notes from the newsroom</h1>{cards}</main></body></html>"
    ).encode()
    assert extract(page, "https://news.example/live/notes").updates == []


# The story a page names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<link rel="canonical" href="/live/storm-warning?ref=home">', f"{URL}?ref=home"),
        (
            '<link rel="Canonical Alternate" href="https://news.example/a">',
            "https://news.example/a",
        ),
        (ld(blog([], url="https://news.example/live/storm-warning")), URL),
        (ld(blog([], mainEntityOfPage={"@type": "WebPage", "@id": URL})), URL),
        (ld(blog([], url="/live/other-story")), "https://news.example/live/other-story"),
        (
            '<link rel="canonical" href="https://news.example/first">'
            + ld(blog([], url="https://news.example/second")),
            "https://news.example/first",
        ),
        ('<link rel="canonical" href="javascript:alert(1)">', None),
        (ld(blog([], url="file:///etc/passwd")), None),
        ("", None),
    ],
)
def test_canonical_url(head: str, expected: str | None) -> None:
    assert extract(html_page(head)).canonical_url == expected


def test_canonical_url_from_microdata() -> None:
    body = """<div itemscope itemtype="https://schema.org/LiveBlogPosting">
      <link itemprop="url" href="/live/storm-warning"><h1 itemprop="headline">Storm</h1></div>"""
    assert extract(html_page(body=body)).canonical_url == URL


# Encodings ---------------------------------------------------------------------------------------

TITLE = "Naïve “café” owners – déjà vu"
DOCUMENT = (
    f"<!DOCTYPE html><html><head><title>{TITLE}</title></head><body><p>{TITLE}</p></body></html>"
)


@pytest.mark.parametrize(
    "encoded",
    [
        b"\xff\xfe" + DOCUMENT.encode("utf-16-le"),
        b"\xfe\xff" + DOCUMENT.encode("utf-16-be"),
        b"\xef\xbb\xbf" + DOCUMENT.encode("utf-8"),
        DOCUMENT.encode("utf-32"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-8", "utf-32"],
)
def test_a_byte_order_mark_names_the_encoding(encoded: bytes) -> None:
    assert extract(encoded).title == TITLE
    # The mark outranks a header that names another encoding.
    assert extract(encoded, encoding="cp1252").title == TITLE
    assert ends_document(encoded)
    assert not ends_document(encoded[: len(encoded) // 2])


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_microdata_in_a_wide_encoding_is_read(codec: str) -> None:
    """A page in UTF-16 or UTF-32 never says "itemprop" in ASCII bytes: its microdata updates
    are read all the same."""
    posts = "".join(
        f'<article itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">'
        f'<meta itemprop="datePublished" content="2024-01-15T0{n}:00:00Z">'
        f'<h2 itemprop="headline">Update {n}</h2><div itemprop="articleBody"><p>Body {n}.</p>'
        "</div></article>"
        for n in (2, 1)
    )
    document = (
        "<!DOCTYPE html><html><head><title>Storm live</title></head><body>"
        '<div itemscope itemtype="https://schema.org/LiveBlogPosting">'
        f"{posts}</div></body></html>"
    )
    page = extract(document.encode(codec))
    assert [(u.headline, u.published_at) for u in page.updates] == [
        ("Update 2", "2024-01-15T02:00:00Z"),
        ("Update 1", "2024-01-15T01:00:00Z"),
    ]


def test_a_page_cut_short_is_told_in_any_encoding() -> None:
    encoded = b"\xff\xfe" + DOCUMENT.encode("utf-16-le")
    assert ends_document(encoded, tail=64)
    assert not ends_document(encoded[:-40], tail=64)
    assert ends_document(DOCUMENT.encode()) and not ends_document(DOCUMENT.encode()[:-20])


def test_the_spider_reads_a_utf16_page_whole() -> None:
    """Once taken for a truncated page: its </body></html> are not ASCII bytes."""
    url = "https://www.itv.com" + PATH
    body = render_page(TITLE_ITV, PATH, "https://www.itv.com", UPDATES, page=1)
    assert body is not None
    state = PassState(BlogPass(url=url, started_at="t0", finished_at=""), max_pages=1)
    response = HtmlResponse(
        url=url,
        body=b"\xff\xfe" + body.decode().encode("utf-16-le"),
        headers={"Content-Type": "text/html; charset=utf-8"},
        request=Request(url, meta={"pass": state}),
    )
    [item] = list(LiveblogSpider(url=url, max_pages=1).parse_page(response))
    assert isinstance(item, BlogPass) and item.error is None
    assert [u.headline for u in item.updates] == [u.headline for u in UPDATES[:3]]


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Naïve", "cp1252"),
        (TITLE, "cp1252"),
        ("Die Straße ist schön, für Käse und Öl zahlt man mehr.", "cp1252"),
        ("El niño comió en la mañana; ¿qué pasó? Sí, señor.", "cp1252"),
        ("Zażółć gęślą jaźń: Łódź i Kraków to miasta w Polsce.", "cp1250"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
        ("Zażółć gęślą jaźń: Łódź i Kraków to miasta w Polsce.", "iso8859-2"),
        ("Sąd orzekł, że wyścig się odbędzie; źródła mówią, iż władze są przeciw.", "iso8859-2"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "iso8859-2"),
        ("„Zażółć” – gęślą jaźń, «Łódź».", "cp1250"),
        ("Le cœur de l'œuvre coûte 5 €, dit sa sœur à l'école.", "iso8859-15"),
        ("Съешь же ещё этих мягких французских булок, да выпей чаю.", "cp1251"),
    ],
)
def test_an_undeclared_legacy_encoding_reads_as_written(text: str, codec: str) -> None:
    document = f"<html><head><title>{text}</title></head><body><p>{text}</p></body></html>"
    assert extract(document.encode(codec)).title == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Die Straße ist schön, für Käse und Öl zahlt man 5 € mehr.", "cp1252"),
        (TITLE, "cp1252"),
        ("L'équipe a marqué à la 89e minute : « incroyable », dit-il.", "iso8859-1"),
        ("Zażółć gęślą jaźń: Łódź i Kraków to miasta w Polsce.", "cp1250"),
    ],
)
@pytest.mark.parametrize("said", ["meta", "header"])
def test_a_page_that_says_utf8_in_a_legacy_encoding_reads_as_written(
    text: str, codec: str, said: str
) -> None:
    """A template that says UTF-8 over bytes a legacy encoding wrote, none of them UTF-8's:
    the page is read as one that says nothing (it was read as UTF-8, each letter a "\ufffd")."""
    meta = '<meta charset="utf-8">' if said == "meta" else ""
    document = f"<html><head>{meta}<title>{text}</title></head><body><p>{text}</p></body></html>"
    header = "utf-8" if said == "header" else None
    assert extract(document.encode(codec), encoding=header).title == text


def test_a_utf8_page_with_a_stray_byte_stays_utf8() -> None:
    text = "Zażółć gęślą jaźń: Łódź i Kraków"
    document = f"<html><head><title>{text}</title></head><body><p>{text} \xff</p></body></html>"
    encoded = document.encode().replace(b"\xc3\xbf", b"\xff")
    assert extract(encoded).title == text
    assert extract(encoded, encoding="utf-8").title == text


@pytest.mark.parametrize(
    "text",
    [
        "Le café de l'équipe: “incroyable”, “magnifique”, “historique” dit-il",
        "Our Widget™ review 🎉: “fast”, “cheap”, “loud”, “small”",
    ],
)
@pytest.mark.parametrize("header", [None, "utf-8"])
def test_a_utf8_page_with_windows_1252_quotes_pasted_in_reads_both(
    text: str, header: str | None
) -> None:
    """A UTF-8 page whose CMS pasted text a word processor wrote (its quotes windows-1252's
    bytes 0x93 and 0x94) beside few UTF-8 letters: each UTF-8 letter reads as UTF-8 and each
    stray byte as windows-1252 (the page was read in the detector's guess, here Thai: "cafรฉ")."""
    document = f'<html><head><meta charset="utf-8"><title>{text}</title></head></html>'
    encoded = document.encode().replace("“".encode(), b"\x93").replace("”".encode(), b"\x94")
    assert extract(encoded, encoding=header).title == text


def test_a_gzipped_page_saved_as_html_is_read() -> None:
    """A page saved or served as its gzip bytes, with no Content-Encoding to say so (a
    `.html` that is a `.html.gz`): it is unpacked and read (it gave nothing)."""
    body = html_page(body=post(2, paragraph(2)) + post(1, paragraph(1)))
    page = extract(gzip.compress(body))
    assert page.title == "Storm warning: live"
    assert [u.headline for u in page.updates] == ["Update number 2", "Update number 1"]
    assert [u.headline for u in extract(gzip.compress(body), encoding="utf-8").updates] == [
        "Update number 2",
        "Update number 1",
    ]


def test_gzip_bytes_unpack_no_further_than_a_crawl_takes_of_one_response() -> None:
    """Under 200 kilobytes of gzip that would unpack to 40 MB (a gzip bomb saved as a page)
    give what a crawl holds any response to, 32 MB (DOWNLOAD_MAXSIZE), not the whole."""
    bomb = gzip.compress(b"<p>" + b" " * (40 * 1024 * 1024), compresslevel=1)
    assert len(bomb) < 200 * 1024
    assert len(unpacked(bomb)) == DOWNLOAD_MAXSIZE


@pytest.mark.parametrize("label", ["iso-8859-1", "latin1", "us-ascii"])
def test_latin1_and_ascii_labels_are_read_as_windows_1252(label: str) -> None:
    document = f'<html><head><meta charset="{label}"><title>{TITLE}</title></head></html>'
    encoded = document.encode("cp1252")
    assert extract(encoded).title == TITLE
    assert extract(encoded, encoding=label).title == TITLE


@pytest.mark.parametrize(
    ("label", "text", "codec"),
    [
        ("windows-874", "ข่าวด่วน: น้ำท่วมกรุงเทพฯ", "cp874"),
        ("ks_c_5601-1989", "속보: 서울에 폭우 경보", "cp949"),
        ("x-sjis", "速報：東京で大雨警報", "cp932"),
        ("x-gbk", "快讯：北京发布暴雨预警", "gbk"),
        ("x-mac-cyrillic", "Срочно: в Москве объявлено штормовое предупреждение", "mac-cyrillic"),
        ("iso-8859-8-i", "מבזק: אזעקות בדרום", "iso8859-8"),
    ],
)
def test_the_web_labels_pythons_codecs_do_not_know_are_read(
    label: str, text: str, codec: str
) -> None:
    """Labels of the Encoding Standard that Python names otherwise, from a header and from a
    meta tag: the page is read in the codec they name, not guessed."""
    document = f'<html><head><meta charset="{label}"><title>{text}</title></head></html>'
    encoded = document.encode(codec)
    assert (
        extract(
            encoded, encoding=header_charset([("Content-Type", f"text/html; charset={label}")])
        ).title
        == text
    )
    assert extract(encoded).title == text


@pytest.mark.parametrize(
    "label", ["base64", "rot13", "bz2", "hex", "idna", "utf-7", "unicode_escape", "punycode"]
)
def test_a_label_of_no_web_encoding_is_passed_over_as_browsers_pass_it(label: str) -> None:
    """Python knows codecs no browser decodes a page with: a header or meta charset naming
    one names nothing (it raised LookupError, or decoded the page into other words)."""
    document = f'<html><head><meta charset="{label}"><title>{TITLE}</title></head></html>'
    encoded = document.encode("utf-8")
    assert extract(encoded).title == TITLE
    assert extract(encoded, encoding=label).title == TITLE
    assert header_charset([("Content-Type", f"text/html; charset={label}")]) is None


# Depth -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [255, 300, 3000, 20000])
def test_deeply_nested_text_is_kept_and_the_posts_after_it_too(depth: int) -> None:
    nested = "<div>" * depth + "<p>Text nested deep in the post.</p>" + "</div>" * depth
    page = extract(stream(nested))
    assert [u.headline for u in page.updates] == [
        "Update number 3",
        "Update number 2",
        "Update number 1",
    ]
    assert "Text nested deep in the post." in page.updates[1].body_text
    assert "nested deep" not in page.updates[0].body_text + page.updates[2].body_text


def test_a_text_node_past_libxml2s_limit_does_not_end_the_page() -> None:
    script = "<script>var padding = '" + "x" * 11_000_000 + "';</script>"
    page = extract(stream(script))
    assert [u.headline for u in page.updates] == [
        "Update number 3",
        "Update number 2",
        "Update number 1",
    ]


@pytest.mark.parametrize(
    "garbage",
    [
        '{"a": "' + '\\"' * 300_000,  # a string that never closes, of escaped quotes
        '{"a": 1 ' + "/*a" * 300_000,  # comments that never close
        '{"a": 1, ' + '"\\' * 300_000,  # strings that open on escapes
        '{"a": [1' + ",    " * 300_000 + "]}",  # commas a closing bracket never follows
    ],
    ids=["escaped-quotes", "open-comments", "open-strings", "commas"],
)
def test_a_json_ld_block_of_garbage_costs_its_length_and_the_good_block_is_read(
    garbage: str,
) -> None:
    """A malformed block is read again without its comments and trailing commas, in one pass:
    a block of a million marks is skipped as fast as it is long (read back and forth, each
    mark cost a pass over the rest: hours), and the page's good block is still read."""
    good = blog([item("Bridge closed", "The bridge is closed to traffic.", url=f"{URL}#p1")])
    head = f'<script type="application/ld+json">{garbage}</script>' + ld(good)
    page = extract(html_page(head))
    assert [(u.source_id, u.headline) for u in page.updates] == [("p1", "Bridge closed")]


def test_a_deep_tree_from_bytes_is_a_shallow_one() -> None:
    root = parse(("<html><body>" + "<span>" * 1000 + "deep" + "</span>" * 1000).encode())
    assert root is not None
    assert "deep" in "".join(root.itertext())
    assert max(len(list(e.iterancestors())) for e in root.iter()) < 256


def test_a_paragraph_inside_a_heading_stays_the_headline() -> None:
    """`<h2><p>Title</p></h2>`, a CMS's rich-text title: libxml2 closes the heading at the
    <p> and leaves it empty; a browser keeps the paragraph in it. The title is the headline,
    not the body's first paragraph; a paragraph after an empty heading elsewhere stays put."""
    posts = "".join(
        f'<article class="post" id="post-{n}"><time datetime="2024-03-02T1{n}:00:00Z">1{n}:00'
        f'</time><h2 class="post-title"><p>Title of update {n}</p>\n</h2>{paragraph(n)}</article>'
        for n in (3, 2, 1)
    )
    page = extract(html_page(ld(blog([], url=URL)), posts))
    assert [(u.headline, u.body_text) for u in page.updates] == [
        (
            f"Title of update {n}",
            f"The paragraph of update {n}, long enough to be the body of a post.",
        )
        for n in (3, 2, 1)
    ]
    root = parse(b"<html><body><h2></h2><p>Not a title.</p><h3>Heading</h3></body></html>")
    assert root is not None
    assert [(e.tag, len(e)) for e in root.iter("h2", "h3", "p")] == [("h2", 0), ("p", 0), ("h3", 0)]


# Foreign markup ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "broken",
    [
        "<math><style>",
        "<svg><style>",
        "<svg><script>",
        "<svg><title>",
        "<math><mi><style>",
        "<svg><style>.a { fill: red }</svg>",
        "<svg viewBox='0 0 1 1'><textarea>",
        "<math><style></math><svg><script>",
    ],
)
def test_malformed_foreign_markup_stays_inside_its_post(broken: str) -> None:
    page = extract(stream(broken))
    assert [u.headline for u in page.updates] == [
        "Update number 3",
        "Update number 2",
        "Update number 1",
    ]
    for number, update in zip((3, 2, 1), page.updates, strict=True):
        assert update.body_text.startswith(f"The paragraph of update {number}")
        assert "Update number" not in update.body_text


def test_well_formed_foreign_markup_is_left_as_it_is() -> None:
    icon = (
        '<svg viewBox="0 0 10 10"><title>Share</title><style>.a{fill:red}</style>'
        '<path d="M0 0h10"/></svg>'
    )
    page = extract(stream(icon))
    assert len(page.updates) == 3
    assert page.updates[1].body_text == (
        "The paragraph of update 2, long enough to be the body of a post."
    )


SOUND = (
    "<html><head><script>var icon = '<svg><style>';</script><style>p { color: red }</style>"
    "</head><body><p>One<p>Two<ul><li>a<li>b</ul><svg><title>Share</title><style>.a{}</style>"
    "<path d='M0 0'/></svg><!-- <svg><style> --><math><mi>x</mi></math><br><img src=a.png>"
    "</body></html>"
)


def test_the_repairs_leave_sound_markup_as_it_is() -> None:
    assert repair.contain_foreign(SOUND) == SOUND
    assert repair.flatten(SOUND, 5) == SOUND  # <p>, <li> close their siblings: 5 deep at most


def test_flattening_keeps_the_text_and_drops_the_deep_tags() -> None:
    markup = (
        "<html><body>" + "<div>" * 10 + "deep</div>" + "</div>" * 9 + "<p>after</p></body></html>"
    )
    flat = repair.flatten(markup, 4)
    assert flat == "<html><body><div><div>deep</div></div><p>after</p></body></html>"


def test_an_unclosed_raw_text_tag_in_foreign_content_loses_its_tag_only() -> None:
    markup = "<p>a</p><svg><style>.x{}<p>b</p></svg><p>c</p><svg><style>.y{}</style></svg>"
    assert repair.contain_foreign(markup) == (
        "<p>a</p><svg>.x{}<p>b</p></svg><p>c</p><svg><style>.y{}</style></svg>"
    )


def test_canonical_url_not_from_a_link_reading_removed() -> None:
    """The links gathered before entries are read, less those reading removed (a <noscript>'s):
    what a walk of the tree after reading finds."""
    head = (
        '<noscript><link rel="canonical" href="https://news.example/noscript"></noscript>'
        '<link rel="canonical" href="https://news.example/kept">'
    )
    assert extract(html_page(head)).canonical_url == "https://news.example/kept"


@pytest.mark.parametrize(
    ("box", "message"),
    [("section class='chat'", "chat-message"), ("div id='chatbox'", "chat__line"),
     ("div class='stream-chat'", "chatline"), ("ul class='messages'", "chat-msg")],
)  # fmt: skip
def test_a_live_channels_viewer_chat_is_no_stream(box: str, message: str) -> None:
    """A channel's live page (`/live/kanal1`) whose viewers chat beside the player: each
    message a box named for the chat, with its clock, its writer and a sentence. A chat's
    messages are no live blog's posts, as a comment thread's are none."""
    chat = "".join(
        f"<div class='{message}'><span class='time'>12:{n:02d}</span> <span class='user'>"
        f"viewer{n}</span><p>Why is the picture frozen again, it was fine a minute ago {n}?</p>"
        "</div>"
        for n in range(3, 40, 3)
    )
    tag = box.split()[0]
    page = (
        "<html lang='en'><head><title>Channel 1 live</title></head><body><main>"
        f"<h1>Channel 1 live</h1><div class='player'></div><{box}><h2>Chat</h2>{chat}</{tag}>"
        "</main></body></html>"
    ).encode()
    assert (
        extract_page(page, "https://tv.example.com/live/kanal1", fetched_at=FETCHED).updates == []
    )


@pytest.mark.parametrize("message", ["chat-message", "chat-item", "chatbox-entry"])
@pytest.mark.parametrize("box", ["div class='liveblog'", "section id='live-ticker'"])
def test_a_live_blogs_posts_its_vendor_names_chat_messages_are_posts(
    box: str, message: str
) -> None:
    """An election day's live blog whose vendor, a chat tool put to use as a blog, names each
    post a chat's message, in a box that names itself a live blog or a ticker: no viewers'
    chat beside a player, whose box names a chat or its messages ("chatbox", "messages")."""
    rows = [
        ("11:50", "Polls have closed in the east and the first counts are expected soon."),
        ("11:35", "Turnout in the capital was higher than at the last election, figures show."),
        ("11:20", "The opposition leader cast her vote in her home town and felt confident."),
        ("11:05", "Queues formed outside polling stations in the south as voters waited."),
        ("10:50", "Good morning and welcome to our coverage of election day as voters head out."),
    ]
    posts = "".join(
        f"<div class='{message}' id='m-{n}'><time>{clock}</time><p>{words}</p></div>"
        for n, (clock, words) in enumerate(rows)
    )
    tag = box.split()[0]
    page = (
        "<html lang='en'><head><title>Election day live: latest updates</title></head><body>"
        f"<main><h1>Election day live: latest updates</h1><{box}>{posts}</{tag}></main>"
        "</body></html>"
    ).encode()
    url = "https://www.example-news.com/politics/live/election-day-latest"
    updates = extract_page(page, url, fetched_at=FETCHED).updates
    assert [u.body_text for u in updates] == [words for _, words in rows]


@pytest.mark.parametrize("review", ["review", "user-review", "review__item", "c-reviews-item"])
def test_readers_reviews_of_an_app_named_ticker_are_no_stream(review: str) -> None:
    """An app store's page for "Stock Ticker - Live Market Prices": its users' reviews, each
    a box named a review with its writer, stars, date, title and words. Reviews are readers'
    words, as comments are, whatever the product's name says."""
    reviews = "".join(
        f"<div class='{review}'><span class='author'>user{n}</span> <span>★★★★</span> "
        f"<time datetime='2024-02-{20 + n}'>{20 + n}/02/2024</time><h4>Review title {n}</h4>"
        f"<p>The prices refresh quickly and the widget looks clean on my screen ({n}).</p></div>"
        for n in range(8)
    )
    page = (
        "<html lang='en'><head><title>Stock Ticker - Live Market Prices</title></head><body>"
        "<main><h1>Stock Ticker - Live Market Prices</h1><section class='ratings'><h2>Ratings"
        f"</h2>{reviews}</section></main></body></html>"
    ).encode()
    url = "https://apps.example.com/app/stock-ticker-live/id123456"
    assert extract_page(page, url, fetched_at=FETCHED).updates == []


def test_a_festival_live_blog_whose_newest_post_is_a_review_keeps_its_posts() -> None:
    """A film festival's live blog in the site's reviews section, whose CMS marks a post that
    is a review (`live-post--review`) among its news: the newest post being one names no
    stream of readers' reviews, as an app store's boxes, every one a review, do."""
    rows = [
        ("live-post live-post--review", "11:30", "Review: a quiet drama that lingers",
         "The drama in competition is slow but rewards patience, with a fine lead performance."),
        ("live-post", "10:45", "Standing ovation for the opening film",
         "The audience rose for seven minutes after the screening, as the director wept."),
        ("live-post", "10:20", "Stars arrive on the red carpet",
         "The jury arrived together, led by its president, who waved to fans behind barriers."),
        ("live-post live-post--review", "09:10", "Review: the opening film misses",
         "The opening film looks wonderful but its story never finds its feet, despite its cast."),
        ("live-post", "09:00", "Welcome to our festival live blog",
         "We will be bringing you news, reviews and gossip from the festival until Saturday."),
    ]  # fmt: skip
    posts = "".join(
        f"<article class='{kind}' id='post-{40 + n}'><time>{clock}</time><h2>{title}</h2>"
        f"<p>{words}</p></article>"
        for n, (kind, clock, title, words) in enumerate(rows)
    )
    page = (
        "<html lang='en'><head><title>Cannes 2024 live: news and reviews</title></head><body>"
        f"<main><h1>Cannes 2024 live: news and reviews</h1><div class='liveblog'>{posts}</div>"
        "</main></body></html>"
    ).encode()
    url = "https://www.example-news.com/film/reviews/cannes-2024-live"
    updates = extract_page(page, url, fetched_at=FETCHED).updates
    assert [u.headline for u in updates] == [title for _, _, title, _ in rows]


def test_a_live_channels_comment_thread_beside_its_schedule_is_no_post() -> None:
    """A channel's live page ("RTS 1 UŽIVO"): two sections beside the player, today's
    programme and the viewers' comments, each dated ("06:00", "pre 2 minuta"). Two boxes are
    a stream only when each is a post: the one that holds a thread of comments is none."""
    comments = "".join(
        f'<li class="comment"><div class="comment-head"><b class="comment-author">{name}</b> '
        f'<span class="comment-time">pre {ago} minuta</span></div><p>{words}</p></li>'
        for name, ago, words in [
            ("Zoran", 2, "Zašto je slika opet zamrznuta?"),
            ("Vesna", 9, "Kod mene radi normalno."),
            ("Goran", 25, "Kada počinje utakmica?"),
        ]
    )
    schedule = (
        "<section class='schedule'><h2>Program danas</h2><ul><li>06:00 Jutarnji program</li>"
        "<li>10:00 Dnevnik</li><li>19:30 Dnevnik</li></ul></section>"
    )
    thread = (
        "<section class='box'><h2>Komentari gledalaca</h2>"
        f"<ul class='comment-list'>{comments}</ul></section>"
    )
    post = (
        "<section class='box'><h2>Blokada kod Slavije</h2><p><span>pre 5 minuta</span></p>"
        "<p>Studenti su blokirali raskrsnicu kod Slavije, saopštila je policija u podne.</p>"
        "</section>"
    )

    def page(first: str, second: str) -> bytes:
        return (
            "<html lang='sr'><head><title>RTS 1 UŽIVO - gledajte program uživo</title></head>"
            f"<body><main><h1>RTS 1 UŽIVO</h1><div class='player'></div>{first}{second}"
            "</main></body></html>"
        ).encode()

    url = "https://www.rts.example.rs/live/rts1/"
    assert extract_page(page(schedule, thread), url, fetched_at=FETCHED).updates == []
    # Two posts, each with its time: the channel's live blog, begun; their footers' comment
    # count and link, or two readers a post quotes, make no thread.
    footer = (
        '<div class="post-footer"><a class="comment-count" href="#c">12</a>'
        '<a class="comment-link" href="#c">Komentariši</a></div></section>'
    )
    quoted = (
        '<blockquote class="reader-comment">Čitalac Marko piše da je saobraćaj stao.</blockquote>'
        '<blockquote class="reader-comment">Čitateljka Ana javlja da su tramvaji stali.</blockquote>'
        "</section>"
    )
    for extra in ("</section>", footer, quoted):
        told = post.replace("</section>", extra)
        found = extract_page(
            page(told.replace("Blokada", "Protest"), told), url, fetched_at=FETCHED
        )
        assert [u.headline for u in found.updates] == ["Protest kod Slavije", "Blokada kod Slavije"]


def test_cards_whose_links_are_no_address_are_read_without_a_crash() -> None:
    """A card's link that no address can be read from ("https://[news.example.com/…", an
    unclosed IPv6 bracket) leads nowhere: no post's own page, and no exception."""
    cards = "".join(
        f'<div class="entry"><time datetime="2024-03-02T1{n}:00:00Z">1{n}:00</time><h3>'
        f'<a href="https://[news.example/live/story-{n}">Story number {n} of the day</a></h3>'
        f"<p>What story {n} is about, in a line of summary.</p></div>"
        for n in (3, 2, 1)
    )
    page = html_page("<title>Direct: the day live</title>", f"<div class='s'>{cards}</div>")
    found = extract(page, "https://news.example/world/live/ukraine-war-live")
    assert all(u.source_id is None for u in found.updates)
