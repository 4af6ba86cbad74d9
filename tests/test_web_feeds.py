"""The Atom feeds datasette-atom serves from the `feed` and `blog_feed` canned queries."""

from __future__ import annotations

from urllib.parse import quote

import feedparser
import pytest

from crawler.sample import UPDATES
from tests.helpers import ELECTION, DemoArchive, Server

pytestmark = pytest.mark.slow  # the shared crawled archive and its server

OTHER = ELECTION


@pytest.fixture
def feeds(demo_archive: DemoArchive, demo_server: Server) -> tuple[Server, str, str]:
    """Two blogs crawled (the sample one through its demo edits), served; read-only here."""
    return demo_server, demo_archive.url, demo_archive.other


def blog_id(server: Server, url: str) -> int:
    rows = server.json(f"/archive/blogs.json?_shape=array&url={quote(url, safe='')}")
    return int(rows[0]["id"])


def parse(server: Server, path: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(server.get(path))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_feed_is_atom_listing_the_newest_updates_first(feeds: tuple[Server, str, str]) -> None:
    server, calais, _ = feeds
    parsed = parse(server, "/archive/feed.atom")
    assert parsed.feed.title == "New updates in the liveblog archive"
    titles = [e.title for e in parsed.entries]
    assert titles[:2] == ["Second blog: polls close", UPDATES[0].headline]
    assert len(titles) == len(UPDATES) + len(OTHER)
    assert len({e.id for e in parsed.entries}) == len(titles)
    newest = parsed.entries[1]
    assert newest.link == f"{calais}#{UPDATES[0].id}"
    assert newest.author == "ITV News"
    assert "hundreds of its residents" in newest.content[0].value
    # The edited update carries its modified time and its new paragraph.
    belgium = next(e for e in parsed.entries if e.title == UPDATES[1].headline)
    assert belgium.updated.startswith("2016-10-24T09:52:00")
    assert "Theresa May" in belgium.content[0].value
    # Markup the feed's own cleaner does not know is unwrapped, not shown as escaped text.
    assert "figure" not in belgium.content[0].value


@pytest.mark.parametrize("by", ["url", "URL in capitals", "id"])
def test_blog_feed_lists_one_blogs_updates(feeds: tuple[Server, str, str], by: str) -> None:
    server, calais, other = feeds
    # A URL's scheme and host ignore case: HTTP://… names the blog http://… does.
    blog = {"url": other, "URL in capitals": "HTTP" + other.removeprefix("http")}.get(by)
    blog = blog or str(blog_id(server, other))
    parsed = parse(server, f"/archive/blog_feed.atom?blog={blog}")
    assert parsed.feed.title == "New updates of one blog"
    assert [e.title for e in parsed.entries] == [u.headline for u in OTHER]
    calais_feed = parse(server, f"/archive/blog_feed.atom?blog={calais}")
    assert [e.title for e in calais_feed.entries] == [u.headline for u in UPDATES]


def test_timeline_page_advertises_its_blogs_feed(feeds: tuple[Server, str, str]) -> None:
    server, calais, _ = feeds
    number = blog_id(server, calais)
    page = server.get(f"/archive/-/timeline/{number}").decode()
    assert 'type="application/atom+xml"' in page
    assert f"/archive/blog_feed.atom?blog={number}" in page
