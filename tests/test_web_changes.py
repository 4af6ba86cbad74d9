"""The changes feeds (changes.atom, blog_changes.atom?blog=): edits with their stored word diff
and removals, read by feedparser from a real `liveblog serve`."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import urllib.error
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import feedparser
import pytest
from datasette.app import Datasette

from archive.db import open_archive
from archive.publish import ensure_plugin, metadata_for
from archive.times import now_utc
from archive.watchlist import add_blog
from crawler.sample import PATH, TITLE, UPDATES, SampleBlog, demo_states
from crawler.sample.calais import BELGIUM, WRISTBANDS
from tests.helpers import Server, copy_archive, crawl_local, serving

pytestmark = pytest.mark.slow  # a crawled archive and its server

QUIET = "https://news.example/live/quiet"  # on the watchlist, never crawled: no updates


@dataclass
class Changes:
    server: Server
    db: Path
    url: str  # the sample blog, blog 1


@pytest.fixture(scope="module")
def changes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Changes]:
    """The sample blog through the demo (one edit), then a pass without one update (a removal)."""
    tmp = tmp_path_factory.mktemp("changes")
    db = tmp / "archive.db"
    with SampleBlog([], title=TITLE, path=PATH) as seed:
        archive = open_archive(db)
        try:
            add_blog(archive, seed.url, None, now_utc())
            add_blog(archive, QUIET, None, now_utc())
        finally:
            archive.close()
        for state in [*demo_states(), [u for u in UPDATES if u is not WRISTBANDS]]:
            seed.show(state)
            assert all(r.ok for r in crawl_local([seed.url], db))
        url = seed.url
    with serving(db, tmp) as server:
        yield Changes(server, db, url)


def parse(body: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(body)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def update_id(db: Path, headline: str) -> int:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return int(
            conn.execute("select id from updates where headline = ?", [headline]).fetchone()[0]
        )
    finally:
        conn.close()


def test_changes_feed_carries_the_edit_with_its_diff_and_the_removal(changes: Changes) -> None:
    server = changes.server
    parsed = parse(server.get("/archive/changes.atom"))
    assert parsed.feed.title == "Changes in the liveblog archive"
    titles = [e.title for e in parsed.entries]
    # Newest first: the removal came on the last pass, after the edit.
    assert titles == [f"Removed: {WRISTBANDS.headline}", f"Edited: {BELGIUM.headline}"]
    removal, edit = parsed.entries
    content = edit.content[0].value
    assert "Version 2: body, modified time changed." in content
    assert "<ins>" in content and "challenges faced by Theresa May" in content
    inserted = content.split("<ins>", 1)[1].split("</ins>", 1)[0]
    assert "Theresa May" in inserted and "Wallonia" not in inserted
    assert "<del>" not in content
    belgium, gone = (
        update_id(changes.db, BELGIUM.headline),
        update_id(changes.db, WRISTBANDS.headline),
    )
    assert edit.link == f"{server.base}/archive/-/timeline/1#update-{belgium}"
    assert removal.link == f"{server.base}/archive/-/timeline/1#update-{gone}"
    assert "Removed from the blog" in removal.content[0].value
    assert "coloured wristband" in removal.content[0].value
    # The removed update's tweets are links in the feed too.
    assert "Tweet by @ellieswinton" in removal.content[0].value
    assert len({e.id for e in parsed.entries}) == 2
    raw = server.get("/archive/changes.atom")
    assert b"&lt;img" not in raw and b"&lt;iframe" not in raw


@pytest.mark.parametrize("by", ["id", "url"])
def test_blog_changes_feed_lists_one_blogs_changes(changes: Changes, by: str) -> None:
    blog = "1" if by == "id" else quote(changes.url, safe="")
    parsed = parse(changes.server.get(f"/archive/blog_changes.atom?blog={blog}"))
    assert parsed.feed.title == f"Changes to {TITLE}"
    assert [e.title for e in parsed.entries] == [
        f"Removed: {WRISTBANDS.headline}",
        f"Edited: {BELGIUM.headline}",
    ]


def test_a_blog_without_changes_has_a_valid_empty_feed(changes: Changes) -> None:
    for path in (
        f"/archive/blog_changes.atom?blog={quote(QUIET, safe='')}",
        "/archive/blog_changes.atom?blog=2",
        "/archive/blog_feed.atom?blog=2",
    ):
        parsed = parse(changes.server.get(path))
        assert parsed.entries == [], path


@pytest.mark.parametrize("query", ["?blog=99", "?blog=https://nowhere.example/", ""])
def test_an_unknown_blog_is_a_404(changes: Changes, query: str) -> None:
    with pytest.raises(urllib.error.HTTPError) as failed:
        changes.server.get(f"/archive/blog_changes.atom{query}")
    assert failed.value.code == 404


def test_timeline_advertises_its_changes_feed(changes: Changes) -> None:
    page = changes.server.get("/archive/-/timeline/1").decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Edits and removals in this blog" '
        'href="/archive/blog_changes.atom?blog=1">'
    ) in page


def test_an_archive_with_no_changes_serves_an_empty_feed(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    open_archive(db).close()
    with serving(db, tmp_path) as server:
        parsed = parse(server.get("/archive/changes.atom"))
    assert parsed.feed.title == "Changes in the liveblog archive"
    assert parsed.entries == []


def _feed(db: Path) -> Any:
    """changes.atom from an in-process Datasette with the archive's plugin."""
    ensure_plugin()
    ds = Datasette([str(db)], metadata=metadata_for(db))

    async def run() -> Any:
        await ds.invoke_startup()
        return await ds.client.get("/archive/changes.atom")

    response = asyncio.run(run())
    assert response.status_code == 200
    return parse(response.content)


def test_the_feed_reads_the_stored_diff_and_computes_only_a_missing_one(
    changes: Changes, tmp_path: Path
) -> None:
    belgium = update_id(changes.db, BELGIUM.headline)
    stored = tmp_path / "stored"
    stored.mkdir()
    db = copy_archive(changes.db, stored)
    conn = sqlite3.connect(db)
    try:
        body = conn.execute(
            "select body_text from update_versions where update_id = ? and version = 2", [belgium]
        ).fetchone()[0]
        # A stored diff that says only the last word was added: the feed must say the same.
        last = body.rsplit(" ", 1)[1]
        tampered = {"body": {"by": "word", "ops": [["=", len(body) - len(last)], ["+", len(last)]]}}
        with conn:
            conn.execute(
                "update update_versions set diff = ? where update_id = ? and version = 2",
                [json.dumps(tampered), belgium],
            )
    finally:
        conn.close()
    edit = next(e for e in _feed(db).entries if e.title.startswith("Edited"))
    assert f"<ins>{last}</ins>" in edit.content[0].value

    # No stored diff (an archive from before migration 7): computed, as the version page does.
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute("update update_versions set diff = null")
    finally:
        conn.close()
    edit = next(e for e in _feed(db).entries if e.title.startswith("Edited"))
    inserted = edit.content[0].value.split("<ins>", 1)[1].split("</ins>", 1)[0]
    assert "The breakdown of the talks" in inserted and "Wallonia" not in inserted
