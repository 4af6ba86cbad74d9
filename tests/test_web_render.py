"""The plugin's pieces without a browser: sanitising, diffs, the chart, and its pages in-process."""

from __future__ import annotations

import asyncio
import csv
import html
import io
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import sqlite_utils
import yaml
from datasette.app import Datasette

from archive.db import open_archive
from archive.publish import ensure_plugin, metadata_for
from archive.records import BlogPass, PageFetch, Update
from archive.store import record_pass
from archive.web import format_time
from archive.web.render import (
    bucket_seconds,
    changes,
    chart,
    safe_href,
    safe_html,
    word_diff,
)
from archive.web.timeline import PAGE_SIZE
from tests.helpers import UPDATES_COLUMNS

HOSTILE = [
    ("<script>window.__pwned=1</script><p>text</p>", "<p>text</p>"),
    ('<p onclick="x()">text</p>', "<p>text</p>"),
    ('<img src=x onerror="window.__pwned=2">', ""),
    ('<a href="javascript:window.__pwned=3">x</a>', '<a rel="nofollow noopener noreferrer">x</a>'),
    (
        '<a href="data:text/html,<script>1</script>">x</a>',
        '<a rel="nofollow noopener noreferrer">x</a>',
    ),
    ("<svg><script>1</script></svg><p>a</p>", "<p>a</p>"),
    ('<iframe src="https://evil.example/"></iframe>b', "b"),
    ("<style>body{display:none}</style>c", "c"),
    ("<!-- <script>1</script> -->d", "d"),
    ('<p style="background:url(javascript:1)">e</p>', "<p>e</p>"),
]


@pytest.mark.parametrize(("raw", "shown"), HOSTILE)
def test_safe_html_drops_what_runs(raw: str, shown: str) -> None:
    assert safe_html(raw) == shown


def test_safe_html_keeps_text_markup_and_turns_images_into_links() -> None:
    stored = (
        '<figure><img src="https://img.example/a.jpg?x=1&amp;y=2" alt="A &quot;queue&quot; &lt;b&gt;">'
        "<figcaption>Buses</figcaption></figure>"
        '<p>Read <a href="https://news.example/x">this</a>, <strong>now</strong>.</p>'
        '<figure><img src="https://img.example/b.jpg" alt="Buses"><figcaption>Buses</figcaption></figure>'
    )
    html = safe_html(stored)
    assert "<img" not in html
    assert (
        '<a href="https://img.example/a.jpg?x=1&amp;y=2" rel="nofollow noopener noreferrer">'
        'Image: A "queue" &lt;b&gt;</a>'
    ) in html
    # An alt text that repeats the caption is not said twice.
    assert (
        '<a href="https://img.example/b.jpg" rel="nofollow noopener noreferrer">Image</a>' in html
    )
    assert '<a href="https://news.example/x" rel="nofollow noopener noreferrer">this</a>' in html
    assert "<strong>now</strong>" in html and "<figcaption>Buses</figcaption>" in html


def test_safe_href_allows_web_addresses_only() -> None:
    assert safe_href("https://news.example/live") == "https://news.example/live"
    assert safe_href(" http://x.example/ ") == "http://x.example/"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "/relative", ""):
        assert safe_href(bad) is None
    assert safe_href(None) is None


def test_word_diff_marks_words_and_escapes_text() -> None:
    diff = word_diff(
        "Polls open <soon> in the north.", "Polls close <soon> in the north and south."
    )
    assert diff == (
        "Polls <del>open</del><ins>close</ins> &lt;soon&gt; in the <del>north.</del>"
        "<ins>north and south.</ins>"
    )
    assert word_diff(None, "new") == "<ins>new</ins>"
    assert word_diff("same", "same") == "same"


def test_changes_name_the_fields_that_changed() -> None:
    v1 = {"version": 1, "seen_at": "t1", "headline": "H", "body_text": "a", "body_html": "<p>a</p>",
          "modified_at": None, "media": "[]"}  # fmt: skip
    v2 = {**v1, "version": 2, "seen_at": "t2", "body_text": "a b", "body_html": "<p>a b</p>",
          "modified_at": "2024-05-01T10:00:00Z"}  # fmt: skip
    v3 = {**v2, "version": 3, "seen_at": "t3", "body_html": "<p><em>a b</em></p>"}
    v4 = {**v3, "version": 4, "seen_at": "t4", "headline": "H2"}
    found = changes([v1, v2, v3, v4])
    assert [c.version for c in found] == [2, 3, 4]
    assert found[0].fields == ["body", "modified time"]
    assert found[1].fields == ["markup only"]
    assert found[2].fields == ["headline"]
    assert found[2].headline_diff == "<del>H</del><ins>H2</ins>"


def test_chart_bucket_fits_the_span() -> None:
    start = datetime(2024, 5, 1, 6, tzinfo=UTC)
    assert bucket_seconds(start, start.replace(hour=9)) == 300  # 3 hours: 5 minutes
    assert bucket_seconds(start, start.replace(day=3)) == 3600  # 2 days: hourly
    assert bucket_seconds(start, start.replace(month=7)) == 86400  # 2 months: daily


def test_chart_draws_removed_updates_apart() -> None:
    drawn = chart({100: (4, 1), 102: (2, 0)}, 3600)
    assert drawn is not None
    assert drawn.peak == 4 and drawn.total == 6 and drawn.bucket_label == "hour"
    first, second = drawn.bars
    assert first.label == "1970-01-05 04:00 UTC: 4 updates (1 removed)"
    assert first.height == 2 * second.height and first.removed_height == first.height / 4
    assert second.x > first.x
    assert chart({}, 60) is None


def test_format_time_reads_archive_times() -> None:
    assert format_time("2016-10-24T09:30:00Z") == "2016-10-24 09:30 UTC"
    assert format_time(None) == ""
    assert format_time("not a time") == "not a time"


def _update(n: int, **changed: Any) -> Update:
    fields: dict[str, Any] = {
        "source_id": str(n),
        "headline": f"Update {n}",
        "body_text": f"Body {n}.",
        "body_html": f"<p>Body {n}.</p>",
        "published_at": f"2024-05-01T{n // 60:02d}:{n % 60:02d}:00Z",
    }
    return Update(**{**fields, **changed})


def record(db_path: Path, updates: list[Update], started: str = "2024-05-01T12:00:00Z") -> None:
    db = open_archive(db_path)
    try:
        record_pass(
            db,
            BlogPass(
                url="https://news.example/live",
                started_at=started,
                finished_at=started,
                pages=[
                    PageFetch(url="https://news.example/live", status=200, updates=len(updates))
                ],
                title="Election <live>",
                publisher="News",
                updates=updates,
                complete=True,
            ),
        )
    finally:
        db.close()


class Site:
    """An in-process Datasette with the archive's metadata and plugin."""

    def __init__(self, *paths: Path) -> None:
        ensure_plugin()
        self.ds = Datasette([str(p) for p in paths], metadata=metadata_for(paths[0]))

    def get(self, path: str) -> Any:
        async def run() -> Any:
            await self.ds.invoke_startup()
            return await self.ds.client.get(path)

        return asyncio.run(run())


@pytest.fixture
def site(db_path: Path) -> Site:
    record(db_path, [_update(n) for n in range(1, PAGE_SIZE + 21)])
    # The next pass: update 1 is edited, update 2 is gone.
    updates = [_update(n) for n in range(1, PAGE_SIZE + 21) if n != 2]
    updates[0] = _update(1, body_text="Body 1, corrected.", body_html="<p>Body 1, corrected.</p>")
    record(db_path, updates, started="2024-05-01T13:00:00Z")
    return Site(db_path)


def test_timeline_pages_through_a_long_blog(site: Site) -> None:
    first = site.get("/archive/-/timeline/1")
    assert first.status_code == 200
    assert first.text.count("data-update-id=") == PAGE_SIZE
    assert "Update 120" in first.text and "Update 20<" not in first.text
    assert 'href="?page=2"' in first.text
    assert "Election &lt;live&gt;" in first.text
    second = site.get("/archive/-/timeline/1?page=2")
    assert second.text.count("data-update-id=") == 20
    assert "Update 1<" in second.text and "?page=1" in second.text
    assert "lb-is-removed" in second.text and "Removed 2024-05-01 13:00 UTC" in second.text
    assert "<del>1.</del><ins>1, corrected.</ins>" in second.text


@pytest.mark.slow
def test_unknown_blog_update_or_database_is_404(site: Site) -> None:
    for path in ("/archive/-/timeline/99", "/archive/-/update/999", "/nope/-/timeline/1"):
        assert site.get(path).status_code == 404, path


def test_database_without_the_archive_gets_no_timeline(db_path: Path, tmp_path: Path) -> None:
    record(db_path, [_update(1)])
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table blogs (id integer primary key, title text)")
    site = Site(db_path, other)
    assert site.get("/other/-/timeline/1").status_code == 404
    listing = site.get("/-/timelines")
    assert listing.status_code == 200
    assert "/archive/-/timeline/1" in listing.text and "/other/" not in listing.text
    assert "/other/-/timeline" not in site.get("/other/blogs").text


def test_table_pages_render_body_html_sanitised_and_link_titles(db_path: Path) -> None:
    record(db_path, [_update(1)])
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("update updates set body_html = '<p>ok</p><script>alert(1)</script>'")
    conn.close()
    site = Site(db_path)
    # Every column: the table page's default columns leave body_html out.
    page = site.get("/archive/updates?_wide=1")
    assert '<div class="lb-html"' in page.text
    assert "<p>ok</p>" in page.text and "alert(1)" not in page.text
    blogs = site.get("/archive/blogs")
    assert (
        '<a href="/archive/-/timeline/1" title="This blog\'s timeline">Election &lt;live&gt;</a>'
        in blogs.text
    )


def test_menu_links_to_the_timelines(site: Site) -> None:
    assert 'href="/-/timelines">Blog timelines</a>' in site.get("/archive").text


def test_metadata_names_the_plugin_pages(site: Site) -> None:
    meta = yaml.safe_load((Path(__file__).resolve().parent.parent / "metadata.yml").read_text())
    assert 'href="/-/timelines"' in meta["description_html"]
    assert "/-/timelines" in site.get("/").text


def test_timeline_says_when_a_blog_is_archived_incompletely(db_path: Path) -> None:
    db = open_archive(db_path)
    try:
        record_pass(
            db,
            BlogPass(
                url="https://news.example/live",
                started_at="2024-05-01T12:00:00Z",
                finished_at="2024-05-01T12:00:00Z",
                pages=[PageFetch(url="https://news.example/live", status=200, updates=1)],
                updates=[_update(1)],
                complete=False,
                incomplete_reason="page limit",
                updates_expected=143,
            ),
        )
    finally:
        db.close()
    page = Site(db_path).get("/archive/-/timeline/1")
    assert "Archived incompletely</strong> (page limit)" in page.text
    assert "the publisher counts 143 updates" in page.text
    record(db_path, [_update(1)], started="2024-05-01T13:00:00Z")
    page = Site(db_path).get("/archive/-/timeline/1")
    assert "Archived incompletely" not in page.text and "Complete: the last pass" in page.text


def test_timeline_marks_a_body_the_publisher_s_feed_cut(db_path: Path) -> None:
    record(db_path, [_update(2, truncated=True), _update(1)])
    page = Site(db_path).get("/archive/-/timeline/1").text
    assert page.count("Cut by the publisher's feed</span>") == 1
    marked = page.index('class="lb-mark lb-mark-truncated"')
    assert page.index('data-update-id="1"') < marked < page.index('data-update-id="2"')
    update = Site(db_path).get("/archive/-/update/1").text
    assert 'class="lb-mark lb-mark-truncated"' in update


@pytest.mark.parametrize("name", ["demo.2016.db", "my archive.v2.db"])
def test_an_archive_named_with_a_dot_or_a_space_has_every_page(tmp_path: Path, name: str) -> None:
    """Datasette's links write such a name tilde-encoded (/demo~2E2016/...): the plugin's
    pages read it so, as Datasette's own do."""
    path = tmp_path / name
    record(path, [_update(1), _update(2)])
    record(path, [_update(1, body_text="Body 1, corrected.")], started="2024-05-01T13:00:00Z")
    site = Site(path)
    base = site.ds.urls.database(path.stem)
    assert base in ("/demo~2E2016", "/my+archive~2Ev2")
    assert f"{base}/-/timeline/1" in site.get("/-/timelines").text
    assert f"{base}/-/search" in site.get("/").text
    for page in (
        "/-/timeline/1",
        "/-/update/1",
        "/-/search?q=body",
        "/-/search.json?q=body",
        "/feed.atom",
        "/blog_feed.atom?blog=1",
        "/changes.atom",
        "/blog_changes.atom?blog=1",
    ):
        response = site.get(base + page)
        assert response.status_code == 200, (page, response.text[:300])
    assert (
        site.get(f"{base}/-/in-timeline/1").headers["location"].startswith(f"{base}/-/timeline/1")
    )
    assert site.get("/-/search?q=body").headers["location"] == f"{base}/-/search?q=body"
    # The updates table page opens with its default columns here too.
    table = site.get(f"{base}/updates").text
    assert 'data-column="headline"' in table and 'data-column="body_html"' not in table


def _export_links(page: str) -> dict[str, str]:
    """The table page's "This data as json, CSV" links, by name."""
    line = re.search(r'<p class="export-links">(.*?)</p>', page, re.S)
    assert line is not None
    return {
        name: html.unescape(href)
        for href, name in re.findall(r'<a href="([^"]+)">(\w+)</a>', line[1])
    }


def _headers(page: str) -> list[str]:
    return re.findall(r'<th [^>]*data-column="([^"]+)"', page)


def test_a_table_pages_exports_hold_every_column_and_its_key_is_shown_once(site: Site) -> None:
    every = list(sqlite_utils.Database(site.ds.databases["archive"].path)["updates"].columns_dict)
    page = site.get("/archive/updates").text
    assert _headers(page) == UPDATES_COLUMNS
    # The page's own links (a column's sort, here) keep its default columns, and so do theirs.
    sort = re.search(r'<th [^>]*data-column="headline"[^>]*>\s*<a href="([^"]+)"', page)
    assert sort is not None
    sorted_page = site.get(html.unescape(sort[1])).text
    assert _headers(sorted_page) == _headers(page)
    for shown in (page, sorted_page):
        links = _export_links(shown)
        assert {"json", "CSV"} <= set(links)
        assert site.get(links["json"]).json()["columns"] == every
        header = next(csv.reader(io.StringIO(site.get(links["CSV"]).text)))
        assert header == [every[0], "blog_id", "blog_id_label", *every[2:]]
    # Columns a reader chose are theirs in the exports too.
    chosen = _export_links(site.get("/archive/updates?_col=headline").text)
    assert site.get(chosen["json"]).json()["columns"] == ["id", "headline"]
    versions = site.get("/archive/update_versions").text
    # A compound key is Datasette's "Link" column and then its own columns, each once.
    assert _headers(versions) == [
        "Link",
        "update_id",
        "version",
        "seen_at",
        "headline",
        "body_text",
        "modified_at",
    ]


ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize(
    ("feed", "author"),
    [
        ("feed.atom", "liveblog-archive"),
        ("blog_feed.atom?blog=1", "News"),
        ("blog_feed.atom?blog=https://news.example/live", "News"),
        ("changes.atom", "liveblog-archive"),
        ("blog_changes.atom?blog=1", "News"),
    ],
)
def test_every_feed_names_its_author_as_atom_requires(site: Site, feed: str, author: str) -> None:
    """RFC 4287 4.1.1: an author on the feed, or on every entry; these updates have no byline."""
    response = site.get(f"/archive/{feed}")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - the plugin's own feed
    assert [a.findtext(f"{ATOM}name") for a in root.findall(f"{ATOM}author")] == [author]
    entries = root.findall(f"{ATOM}entry")
    assert entries and all(e.find(f"{ATOM}author") is None for e in entries)
