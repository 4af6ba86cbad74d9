"""Every media item of an update shown as links and text, on the pages and in the feeds of a real
`liveblog serve`, and nothing there that a browser or a feed reader fetches from a publisher."""

from __future__ import annotations

import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import feedparser
import pytest
from markupsafe import Markup

from archive.web.feeds import ATOM
from archive.web.render import embed_label, media_html, update_html
from crawler.sample import UPDATES, SampleBlog, SampleUpdate
from crawler.sample.calais import BELGIUM, BORDER_SECURITY, WRISTBANDS
from crawler.sample.site import Embed, Para
from tests.browser import chromium
from tests.helpers import Server, crawl_local, serving

TWEETS = [b.url for b in WRISTBANDS.blocks if isinstance(b, Embed)]
LINK = 'rel="nofollow noopener noreferrer"'


def update_id(server: Server, headline: str) -> int:
    rows = server.json("/archive/updates.json?_shape=array&_col=headline")
    return int(next(r["id"] for r in rows if r["headline"] == headline))


class Elements(HTMLParser):
    """Every start tag of a document with its attributes, as a browser's parser reads them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def no_fetches(html: str) -> None:
    """Nothing in HTML that loads from elsewhere, runs a handler, or links to javascript:."""
    for tag, attrs in Elements(html).found:
        assert tag not in ("img", "iframe", "video", "audio", "embed", "object", "picture"), tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert not (value or "").strip().lower().startswith("javascript:"), value


def feed_contents(raw: bytes) -> list[str]:
    """The HTML of each entry of an Atom document, as a feed reader gets it (not sanitised)."""
    root = ET.fromstring(raw)  # noqa: S314 - the feed of the test's own server
    return [c.text or "" for c in root.iter(f"{{{ATOM}}}content")]


def no_fetches_in_feed(raw: bytes) -> None:
    for html in feed_contents(raw):
        no_fetches(html)


# --- the function the pages share -----------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "label"),
    [
        ({"type": "embed", "url": TWEETS[0], "provider": "twitter"}, "Tweet by @ellieswinton"),
        ({"type": "embed", "url": "https://x.com/BBCBreaking/status/12"}, "Tweet by @BBCBreaking"),
        ({"type": "tweet", "url": "https://twitter.com/i/status/12"}, "Tweet"),
        ({"type": "video", "url": "https://youtu.be/abc", "provider": "youtube"}, "YouTube video"),
        (
            {"type": "embed", "url": "https://www.instagram.com/bbcnews/p/Cx1/"},
            "Instagram post by @bbcnews",
        ),
        ({"type": "embed", "url": "https://www.instagram.com/p/Cx1/"}, "Instagram post"),
        (
            {"type": "embed", "url": "https://www.tiktok.com/@skynews/video/7"},
            "TikTok video by @skynews",
        ),
        (
            {"type": "embed", "url": "https://bsky.app/profile/bbc.co.uk/post/3k"},
            "Bluesky post by @bbc.co.uk",
        ),
        (
            {"type": "embed", "url": "https://www.threads.com/@bbcnews/post/C9x"},
            "Threads post by @bbcnews",
        ),
        (
            {"type": "embed", "url": "https://truthsocial.com/@realDonaldTrump/posts/1139"},
            "Truth Social post by @realDonaldTrump",
        ),
        ({"type": "embed", "url": "https://soundcloud.com/bbc/clip"}, "SoundCloud audio"),
        (
            {"type": "video", "url": "https://cdn.example.org/clip.mp4"},
            "Embedded video from cdn.example.org",
        ),
        (
            {"type": "embed", "url": "https://www.example.org/poll"},
            "Embedded content from example.org",
        ),
        (
            {"type": "embed", "url": None, "provider": "datawrapper"},
            "Embedded content from datawrapper",
        ),
    ],
)
def test_embeds_are_named_by_kind_and_author(item: dict[str, Any], label: str) -> None:
    assert embed_label(item) == label


def test_media_html_makes_links_and_text_only() -> None:
    media = [
        {"type": "embed", "url": TWEETS[0], "provider": "twitter", "text": "Buses <leaving> now"},
        {
            "type": "image",
            "url": "https://img.example/a.jpg?x=1&y=2",
            "caption": "Queue",
            "credit": "AP",
        },
        {"type": "quote", "text": "First.\n\nSecond <b>.", "attribution": "An MP"},
        {"type": "embed", "url": "javascript:alert(1)", "provider": "youtube", "text": None},
        {"type": "image", "url": "data:image/png;base64,AAAA", "caption": None, "credit": None},
        "not an item",
    ]
    html = media_html(json.dumps(media))
    assert isinstance(html, Markup)
    assert html == media_html(media)
    assert (
        f'<li><a href="{TWEETS[0]}" {LINK}>Tweet by @ellieswinton</a>'
        "<blockquote><p>Buses &lt;leaving&gt; now</p></blockquote></li>"
    ) in html
    assert (
        f'<li><a href="https://img.example/a.jpg?x=1&amp;y=2" {LINK}>Image: Queue</a> '
        '<span class="lb-credit">(Credit: AP)</span></li>'
    ) in html
    assert (
        "<li><blockquote><p>First.</p><p>Second &lt;b&gt;.</p>"
        '<p class="lb-attribution">– An MP</p></blockquote></li>'
    ) in html
    # An address that is not a web address is no link: the item is still named.
    assert "<li>YouTube video</li>" in html and "<li>Image</li>" in html
    no_fetches(str(html))
    for nothing in (None, "", "[]", "not json", "{}", json.dumps({"type": "image"})):
        assert media_html(nothing) == ""


def test_update_html_shows_each_item_once_where_the_body_holds_it() -> None:
    body = (
        '<figure><img src="https://img.example/a.jpg" alt="Queue"><figcaption>Queue</figcaption>'
        "</figure><p>Text.</p><blockquote><p>We will act.</p></blockquote>"
    )
    media = [
        {"type": "image", "url": "https://img.example/a.jpg", "caption": "Queue", "credit": "AP"},
        {"type": "quote", "text": "We will act.", "attribution": "The mayor"},
        {"type": "embed", "url": "https://youtu.be/abc", "provider": "youtube", "text": None},
    ]
    html = str(update_html(body, media))
    assert html.count("img.example/a.jpg") == 1 and html.count("We will act.") == 1
    assert f'<a href="https://img.example/a.jpg" {LINK}>Image</a> (Credit: AP)' in html
    assert '<p class="lb-attribution">– The mayor</p></blockquote>' in html
    assert html.endswith(
        f'<ul class="lb-media"><li><a href="https://youtu.be/abc" {LINK}>YouTube video</a></li></ul>'
    )
    no_fetches(html)


# --- the seed blog, served ------------------------------------------------------------------


@pytest.mark.slow
def test_the_calais_tweets_are_links_on_the_timeline_and_version_pages(
    demo_server: Server,
) -> None:
    number = update_id(demo_server, WRISTBANDS.headline)
    for path in ("/archive/-/timeline/1", f"/archive/-/update/{number}"):
        page = demo_server.get(path).decode()
        for url in TWEETS:
            assert f'<a href="{url}" {LINK}>Tweet by @ellieswinton</a>' in page, path
        no_fetches(page)


@pytest.mark.slow
def test_images_show_caption_and_credit_and_quotes_their_attribution(demo_server: Server) -> None:
    page = demo_server.get("/archive/-/timeline/1").decode()
    assert (
        f'<a href="https://images.example.invalid/itv/calais-jungle-evictions.jpg" {LINK}>Image</a>'
        " (Credit: Reuters/Pascal Rossignol)<figcaption>An estimated 6,500 people are being "
        "evicted from the 'Jungle' camp.</figcaption>"
    ) in page
    assert page.count("(Credit: ") == 3
    quote = re.search(r"<blockquote>(.*?)</blockquote>", page, re.S)
    assert quote is not None and "Dover controls" in quote.group(1)
    assert quote.group(1).endswith(
        '<p class="lb-attribution">– Conservative MP Charlie Elphicke</p>'
    )
    number = update_id(demo_server, BELGIUM.headline)
    version_page = demo_server.get(f"/archive/-/update/{number}").decode()
    assert version_page.count("(Credit: Reuters)") == 2  # both versions
    no_fetches(page + version_page)


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/archive/feed.atom", "/archive/blog_feed.atom?blog=1"])
def test_the_atom_feeds_show_media_as_links(demo_server: Server, path: str) -> None:
    raw = demo_server.get(path)
    no_fetches_in_feed(raw)
    parsed = feedparser.parse(raw)
    assert parsed.bozo == 0
    by_title = {e.title: e.content[0].value for e in parsed.entries}
    tweets = by_title[WRISTBANDS.headline]
    for url in TWEETS:
        assert f'<a href="{url}"' in tweets
    assert tweets.count("Tweet by @ellieswinton") == 2
    border = by_title[BORDER_SECURITY.headline]
    assert "(Credit: Reuters/Pascal Rossignol)" in border
    assert "– Conservative MP Charlie Elphicke" in border
    assert len(by_title) >= len(UPDATES)


# --- hostile media, served ------------------------------------------------------------------

PLAYERS = SampleUpdate(
    id="update-players",
    headline="Videos from the scene",
    published="2016-10-24T12:00:00+01:00",
    blocks=[
        Para("Footage posted this morning."),
        Embed(url="https://www.youtube.com/watch?v=abc123", provider="youtube"),
        Embed(url="https://www.instagram.com/itvnews/p/BMAbc/", provider="instagram"),
    ],
)
HOSTILE_MEDIA = [
    {
        "type": "embed",
        "url": "javascript:alert(1)",
        "provider": "twitter",
        "text": "<script>1</script>",
    },
    {
        "type": "image",
        "url": "javascript:alert(2)",
        "caption": '<img src=x onerror="alert(3)">',
        "credit": "<b>AP</b>",
    },
    {
        "type": "quote",
        "text": '<iframe src="https://evil.example/"></iframe>',
        "attribution": "<i>Someone</i>",
    },
    {
        "type": "video",
        "url": 'https://evil.example/" onmouseover="alert(4)',
        "provider": None,
        "text": None,
    },
]


@dataclass
class Hostile:
    server: Server
    update_id: int


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hostile]:
    """A crawled update with a YouTube and an Instagram embed, its stored media then made hostile."""
    tmp = tmp_path_factory.mktemp("media")
    db = tmp / "archive.db"
    with SampleBlog([PLAYERS, *UPDATES[:1]], title="Players", path="/live") as blog:
        assert crawl_local([blog.url], db)[0].ok
    conn = sqlite3.connect(db)
    try:
        number, stored = conn.execute(
            "select id, media from updates where source_id = ?", ["update-players"]
        ).fetchone()
        media = json.loads(stored) + HOSTILE_MEDIA
        with conn:
            conn.execute("update updates set media = ? where id = ?", [json.dumps(media), number])
            conn.execute(
                "update update_versions set media = ? where update_id = ?",
                [json.dumps(media), number],
            )
    finally:
        conn.close()
    with serving(db, tmp) as server:
        yield Hostile(server, number)


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", ["/archive/-/timeline/1", "/archive/-/update/{id}", "/archive/feed.atom"]
)
def test_players_are_links_and_hostile_media_stays_text(hostile: Hostile, path: str) -> None:
    raw = hostile.server.get(path.format(id=hostile.update_id))
    if "atom" in path:
        no_fetches_in_feed(raw)
        page = next(c for c in feed_contents(raw) if "Footage posted" in c)
    else:
        page = raw.decode()
    no_fetches(page)
    assert f'<a href="https://www.youtube.com/watch?v=abc123" {LINK}>YouTube video</a>' in page
    assert (
        f'<a href="https://www.instagram.com/itvnews/p/BMAbc/" {LINK}>Instagram post by @itvnews</a>'
    ) in page
    # The hostile items are named, their words shown as text: no link to javascript:.
    assert "<li>Tweet<blockquote><p>&lt;script&gt;1&lt;/script&gt;</p></blockquote></li>" in page
    assert "<li>Image: &lt;img src=x onerror=" in page and "(Credit: &lt;b&gt;AP&lt;/b&gt;)" in page
    assert "– &lt;i&gt;Someone&lt;/i&gt;" in page
    assert 'href="https://evil.example/&#34; onmouseover=&#34;alert(4)"' in page


# --- in a browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Debian's chromium with a fresh profile."""
    with chromium(tmp_path_factory.mktemp("chromium-media")) as context:
        yield context


@pytest.mark.browser
def test_a_tweet_is_a_link_and_the_changes_feed_leads_to_the_diff(
    demo_server: Server, browser: Any
) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(demo_server.base + "/archive/-/timeline/1")
        page.wait_for_load_state("networkidle")
        update = page.locator(".lb-update", has_text=WRISTBANDS.headline)
        tweets = update.locator(".lb-media a")
        assert tweets.all_inner_texts() == ["Tweet by @ellieswinton"] * 2
        assert [tweets.nth(n).get_attribute("href") for n in range(2)] == TWEETS
        assert page.locator("img, iframe").count() == 0
        # The browser asked nothing of anyone but the archive's server.
        assert all(url.startswith(demo_server.base) for url in requested), requested

        feed_url = page.locator('link[rel=alternate][title="Edits and removals in this blog"]')
        href = feed_url.get_attribute("href")
        assert href == "/archive/blog_changes.atom?blog=1"
        response = page.request.get(demo_server.base + href)
        assert response.status == 200
        parsed = feedparser.parse(response.body())
        assert parsed.bozo == 0 and [e.title for e in parsed.entries] == [
            f"Edited: {BELGIUM.headline}"
        ]
        entry = parsed.entries[0]
        assert "<ins>" in entry.content[0].value and "Theresa May" in entry.content[0].value
        page.goto(entry.link)
        page.wait_for_load_state("networkidle")
        edited = page.locator(f"#update-{entry.link.rsplit('-', 1)[1]}")
        assert edited.locator(".lb-headline").inner_text() == BELGIUM.headline
        edited.locator("details.lb-changes summary").click()
        added = edited.locator(".lb-diff-body ins").all_inner_texts()
        assert len(added) == 1 and "challenges faced by Theresa May" in added[0]
        assert errors == []
    finally:
        page.close()
