"""The search page (/archive/-/search) on a real `liveblog serve` over a real archive.

The archive is written through record_pass: one blog of 1,105 updates that all say "ballot"
(so a search has more than 1,000 matches), among them one edited, one removed, one without a
publication time and one whose text is hostile markup; a second blog, from another
publisher, whose few updates share the word "zeppelin" with the first; and a third blog of
55,000 rows written in SQL at once, all saying "haystack" and one in twenty "needle", so the
page's three plans (sort a few matches, look ids up in a list, ask the index per update) all
run here.
"""

from __future__ import annotations

import dataclasses
import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest

from archive.db import open_archive
from archive.records import Update
from archive.store import record_pass
from archive.times import format_utc
from archive.watchlist import add_blog
from tests.browser import chromium
from tests.helpers import UPDATES_COLUMNS, Server, bpass, serving

pytestmark = pytest.mark.slow  # a server

ELECTION = "https://news.example/live/election"
STORM = "https://gazette.example/live/storm"
COMMON = 1_105
HAY = "https://hay.example/live/stack"
HAYSTACK = 55_000  # more than search.LIST_LIMIT
START = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)
HOSTILE = (
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> '
    "zeppelin sighted over the count"
)


def at(minutes: int) -> str:
    return format_utc(START + timedelta(minutes=minutes)) or ""


def election(edited: bool) -> list[Update]:
    """The first blog's updates, newest first as the page lists them."""
    posts = [
        Update(
            source_id=f"e{i}",
            headline=f"Count {i}",
            body_text=f"Ballot boxes from ward {i} arrived.",
            body_html=f"<p>Ballot boxes from ward {i} arrived.</p>",
            published_at=at(i),
        )
        for i in range(COMMON)
    ]
    posts[10] = dataclasses.replace(
        posts[10],
        headline="Zeppelin spotted",
        body_text="A zeppelin over the ballot count." + (" It has landed." if edited else ""),
    )
    posts[20] = dataclasses.replace(posts[20], body_text=HOSTILE + " ballot")
    posts[30] = dataclasses.replace(
        posts[30], body_text="Ballot papers and a zeppelin, time unknown.", published_at=None
    )
    posts[40] = dataclasses.replace(posts[40], body_text="A zeppelin ballot, soon removed.")
    if edited:
        del posts[40]
    return list(reversed(posts))


TWEET = "https://twitter.com/stormdesk/status/790462164489539584"
STORM_POSTS = [
    Update(
        source_id=f"s{day}",
        headline=f"Storm day {day}",
        body_text=f"The zeppelin mast held on day {day}.",
        body_html=f"<p>The zeppelin mast held on day {day}.</p>",
        published_at=format_utc(datetime(2024, 6, day, 12, 0, tzinfo=UTC)),
        media=[{"type": "embed", "url": TWEET, "provider": "twitter", "text": None}]
        if day == 3
        else [],
    )
    for day in (3, 2, 1)
]


def build(folder: Path) -> Path:
    db = open_archive(folder / "archive.db")
    for edited, when in ((False, "2024-05-02T12:00:00Z"), (True, "2024-05-02T13:00:00Z")):
        record_pass(
            db, bpass(election(edited), at=when, title="Election night", publisher="Tribune")
        )
    storm = bpass(STORM_POSTS, at="2024-06-04T12:00:00Z", title="Storm watch", publisher="Gazette")
    record_pass(db, dataclasses.replace(storm, url=STORM))
    add_blog(db, HAY, None, START)
    db.execute(
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < ?) "
        "insert into updates (blog_id, headline_hash, body_text, published_at, first_seen_at, "
        "last_seen_at, content_hash, key) select 3, 'h' || i, 'Filler haystack ' || i || "
        "case when i % 20 = 0 then ' needle' else '' end, "
        "strftime('%Y-%m-%dT%H:%M:%SZ', '2023-01-01', '+' || i || ' minutes'), "
        "'2023-03-01T00:00:00Z', '2023-03-01T00:00:00Z', 'c' || i, 'id:' || i from n",
        [HAYSTACK],
    )
    db.conn.commit()
    db.close()
    return folder / "archive.db"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("search")
    with serving(build(folder), folder) as running:
        yield running


def search(server: Server, **args: Any) -> Any:
    return server.json("/archive/-/search.json?" + urlencode(args))


def failing(server: Server, path: str) -> tuple[int, bytes]:
    try:
        server.get(path)
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    raise AssertionError(f"{path} did not fail")


def test_hits_show_headline_blog_time_and_the_words_marked(server: Server) -> None:
    data = search(server, q="zeppelin")
    assert data["count"] == 7 and data["more_than"] is None
    hits = data["hits"]
    # Newest first; the update without a publication time comes last.
    assert [h["headline_html"] for h in hits[:3]] == [
        "Storm day 3",
        "Storm day 2",
        "Storm day 1",
    ]
    assert hits[-1]["published_at"] is None
    spotted = next(h for h in hits if "Zeppelin" in h["headline_html"])
    assert spotted["headline_html"] == "<mark>Zeppelin</mark> spotted"
    assert "<mark>zeppelin</mark>" in spotted["snippet_html"]
    assert spotted["blog_title"] == "Election night" and spotted["publisher"] == "Tribune"
    assert spotted["published_at"] == at(10)
    html = server.get("/archive/-/search?q=zeppelin").decode()
    assert "7 updates</strong> match this search" in html
    assert 'href="/archive/-/timeline/1">Election night</a> (Tribune)' in html
    assert '<h2 class="lb-headline"><mark>Zeppelin</mark> spotted</h2>' in html
    assert "2024-05-01 06:10 UTC" in html


def test_a_hits_media_are_links_fetched_from_nobody(server: Server) -> None:
    hits = search(server, q="zeppelin")["hits"]
    assert hits[0]["media"] == [
        {"type": "embed", "url": TWEET, "provider": "twitter", "text": None}
    ]
    assert f'href="{TWEET}"' in hits[0]["media_html"]
    assert hits[1]["media"] == [] and hits[1]["media_html"] == ""
    html = server.get("/archive/-/search?q=zeppelin").decode()
    assert "Tweet by @stormdesk</a>" in html
    assert "<img" not in html and "<iframe" not in html


def test_edited_and_removed_updates_carry_badges(server: Server) -> None:
    hits = {h["snippet_html"]: h for h in search(server, q="zeppelin")["hits"]}
    edited = next(h for s, h in hits.items() if "landed" in s)
    removed = next(h for s, h in hits.items() if "removed" in s)
    assert edited["edited"] and edited["version"] == 2 and not edited["removed_at"]
    assert removed["removed_at"] and not removed["edited"]
    html = server.get("/archive/-/search?q=zeppelin").decode()
    assert html.count('class="lb-mark lb-mark-edited"') == 1
    assert html.count('class="lb-mark lb-mark-removed"') == 1
    assert f'href="/archive/-/update/{edited["id"]}">Edited: 2 versions' in html


def test_hostile_text_is_escaped_in_the_snippet(server: Server) -> None:
    hit = next(h for h in search(server, q="sighted")["hits"])
    assert "<script" not in hit["snippet_html"] and "<img" not in hit["snippet_html"]
    assert "&lt;script&gt;" in hit["snippet_html"]
    assert "<mark>sighted</mark>" in hit["snippet_html"]
    html = server.get("/archive/-/search?q=sighted").decode()
    assert "<script>window" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=" in html


def test_filters_by_blog_publisher_and_dates(server: Server) -> None:
    def headlines(**args: Any) -> list[str]:
        return [h["headline_html"] for h in search(server, q="zeppelin", **args)["hits"]]

    storm = ["Storm day 3", "Storm day 2", "Storm day 1"]
    assert headlines(blog=2) == storm
    assert headlines(publisher="Gazette") == storm
    assert len(headlines(publisher="Tribune")) == 4
    assert headlines(**{"from": "2024-06-02", "to": "2024-06-02"}) == ["Storm day 2"]
    assert headlines(**{"from": "2024-06-02"}) == storm[:2]
    # Dates exclude the update without a publication time; a bad date is reported, not used.
    assert len(headlines(to="2024-05-31")) == 3
    data = search(server, q="zeppelin", to="yesterday")
    assert data["count"] == 7 and "not a date" in data["problems"][0]


@pytest.mark.parametrize("value", ["2024-06-02junk", "2024-06-02T12:00", "20240602", "2024-W22"])
def test_a_date_with_more_than_a_date_in_it_is_reported_not_read(
    server: Server, value: str
) -> None:
    for name in ("from", "to"):
        data = search(server, q="zeppelin", **{name: value})
        assert data["problems"] == [
            f"The {name} date {value!r} is not a date like 2024-05-01: ignored."
        ]
        assert data["count"] == 7  # every match: the filter is not used
        html = server.get("/archive/-/search?" + urlencode({"q": "zeppelin", name: value}))
        assert "is not a date like 2024-05-01: ignored." in html.decode()


def test_the_last_day_of_the_calendar_is_a_date_like_any_other(server: Server) -> None:
    """There is no day after 9999-12-31: the filter is a message-free search, not an error."""
    for order in ("newest", "best"):
        data = search(server, q="zeppelin", to="9999-12-31", order=order)
        assert data["error"] is None and data["problems"] == []
        # Every match with a publication time: the one without is left out by any date.
        assert data["count"] == 6 and len(data["hits"]) == 6
        html = server.get(f"/archive/-/search?q=zeppelin&to=9999-12-31&order={order}").decode()
        assert "6 updates</strong> match this search" in html
    assert search(server, q="zeppelin", **{"from": "9999-12-31"})["count"] == 0


def test_the_blog_filter_takes_a_blogs_url_or_id_and_names_one_it_lacks(server: Server) -> None:
    storm = ["Storm day 3", "Storm day 2", "Storm day 1"]
    # A URL's scheme and host ignore case; its path does not.
    for blog in (STORM, "2", STORM.replace("https://gazette.example", "HTTPS://Gazette.EXAMPLE")):
        data = search(server, q="zeppelin", blog=blog)
        assert data["problems"] == []
        assert [h["headline_html"] for h in data["hits"]] == storm
    html = server.get("/archive/-/search?" + urlencode({"q": "zeppelin", "blog": STORM})).decode()
    assert '<option value="2" selected>Storm watch</option>' in html
    for unknown in ("999", "https://nowhere.example/live", STORM.replace("storm", "STORM")):
        data = search(server, q="zeppelin", blog=unknown)
        assert data["problems"] == [
            f"There is no blog {unknown!r} in this archive: the blog filter is ignored."
        ]
        assert data["count"] == 7
        html = server.get("/archive/-/search?" + urlencode({"q": "zeppelin", "blog": unknown}))
        assert "the blog filter is ignored" in html.decode()


def test_a_publisher_the_archive_lacks_is_named_as_a_blog_it_lacks_is(server: Server) -> None:
    assert search(server, q="zeppelin", publisher="Gazette")["problems"] == []
    for unknown in ("Nobody", "gazette"):  # a publisher is named as the blogs give it
        data = search(server, q="zeppelin", publisher=unknown)
        assert data["problems"] == [
            f"There is no publisher {unknown!r} in this archive: the publisher filter is ignored."
        ]
        assert data["count"] == 7
        args = urlencode({"q": "zeppelin", "publisher": unknown, "blog": "999"})
        html = server.get("/archive/-/search?" + args).decode()
        assert "the publisher filter is ignored" in html and "the blog filter is ignored" in html


def test_best_match_puts_the_denser_hit_first(server: Server) -> None:
    data = search(server, q="zeppelin", order="best")
    assert data["count"] == 7
    # The headline and the body both say it: the best match.
    assert data["hits"][0]["headline_html"] == "<mark>Zeppelin</mark> spotted"
    assert "best match first" in server.get("/archive/-/search?q=zeppelin&order=best").decode()


def test_count_stops_past_a_thousand(server: Server) -> None:
    data = search(server, q="ballot")
    assert data["count"] is None and data["more_than"] == 1000
    assert len(data["hits"]) == 20
    html = server.get("/archive/-/search?q=ballot").decode()
    assert "More than 1,000 updates</strong> match this search" in html
    best = search(server, q="ballot", order="best")
    assert best["ranked_only"] == 1000
    assert (
        "most recently archived matches only"
        in server.get("/archive/-/search?q=ballot&order=best").decode()
    )


def test_newest_first_pages_through_every_match_once(server: Server) -> None:
    seen: list[int] = []
    times: list[str] = []
    url: str | None = "/archive/-/search.json?q=ballot"
    while url:
        data = server.json(url)
        seen += [h["id"] for h in data["hits"]]
        times += [h["published_at"] or "" for h in data["hits"]]
        url = data["next_url"]
    assert len(seen) == len(set(seen)) == COMMON
    assert times[:-1] == sorted(times[:-1], reverse=True) and times[-1] == ""


def filler_numbers(hits: list[dict[str, Any]]) -> list[int]:
    texts = [re.sub("</?mark>", "", h["snippet_html"]) for h in hits]
    return [int(re.findall(r"haystack (\d+)", text)[0]) for text in texts]


@pytest.mark.parametrize(("word", "step"), [("needle", 20), ("haystack", 1)])
def test_many_matches_page_newest_first_by_each_plan(server: Server, word: str, step: int) -> None:
    """needle: ids looked up in a list; haystack: the index asked per update."""
    hits: list[dict[str, Any]] = []
    url: str | None = f"/archive/-/search.json?q={word}"
    for _ in range(3):
        assert url is not None
        data = server.json(url)
        assert data["more_than"] == 1000
        hits += data["hits"]
        url = data["next_url"]
    assert filler_numbers(hits) == list(range(HAYSTACK, HAYSTACK - 60 * step, -step))
    # Within a blog: a list word is counted, a word in over 50,000 updates is not.
    data = search(server, q=word, blog=3, after=f"t{hits[29]['published_at']}~{hits[29]['id']}")
    assert filler_numbers(data["hits"])[:3] == [HAYSTACK - step * n for n in (30, 31, 32)]
    assert data["more_than"] == (1000 if word == "needle" else 50_000)


def test_few_matches_page_too(server: Server) -> None:
    first = search(server, q="zeppelin OR storm", blog=1)
    assert first["next_url"] is None and first["count"] == 4
    ward = search(server, q="ward*")
    assert ward["more_than"] == 1000
    best_pages = [search(server, q="zeppelin", order="best", offset=o) for o in (0, 5)]
    assert best_pages[0]["hits"][5]["id"] == best_pages[1]["hits"][0]["id"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"ballot box', "quotation mark is not closed"),
        ("AND", "Nothing to search for"),
        ("*", "Nothing to search for"),
        ("OR ballot", "OR needs a word before it"),
        ("ballot NOT", "NOT needs a word before it"),
    ],
)
def test_malformed_queries_get_a_message(server: Server, query: str, message: str) -> None:
    code, body = failing(server, "/archive/-/search?q=" + quote(query))
    assert code == 400 and message in body.decode()
    code, body = failing(server, "/archive/-/search.json?q=" + quote(query))
    assert code == 400 and message in json.loads(body)["error"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ballot^", True),
        ("(ballot", True),
        ("-ballot", True),
        ("ballot AND zeppelin", True),
        ("NEAR", False),
        ("headline:ballot", False),  # the phrase "headline ballot", not a column filter
    ],
)
def test_fts_syntax_is_searched_as_words(server: Server, query: str, found: bool) -> None:
    data = server.json("/archive/-/search.json?q=" + quote(query))
    assert data["error"] is None and data["fts_query"].startswith('"')
    assert bool(data["hits"]) is found


def test_a_hit_links_to_its_place_in_the_timeline(server: Server) -> None:
    hits = search(server, q="zeppelin", blog=1)["hits"]
    oldest = min((h for h in hits if h["published_at"]), key=lambda h: h["published_at"])
    request = server.base + oldest["timeline_url"]

    class Keep(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any) -> None:
            return None

    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.build_opener(Keep).open(request, timeout=10)
    location = caught.value.headers["Location"]
    # 1,093 updates of the blog are newer (one has no time, so comes last): 100 a page.
    assert location == f"/archive/-/timeline/1?page=11#update-{oldest['id']}"
    page = server.get(location.split("#")[0]).decode()
    assert f'id="update-{oldest["id"]}"' in page


def test_home_and_database_pages_search_here_and_the_table_search_still_works(
    server: Server,
) -> None:
    form = '<form class="core lb-search-box" action="/archive/-/search" method="get">'
    assert form in server.get("/").decode()
    assert form in server.get("/archive").decode()
    rows = server.json("/archive/updates.json?_search=zeppelin&_shape=array")
    assert len(rows) == 7
    # A search across the server (the address datasette-search-all used) is this one's.
    page = urllib.request.urlopen(server.base + "/-/search?q=zeppelin&order=best")
    assert page.url == server.base + "/archive/-/search?q=zeppelin&order=best"
    assert "lb-hit" in page.read().decode()


def test_a_number_is_a_search_and_paging_keeps_it(server: Server) -> None:
    data = search(server, q="0", order="best")
    assert data["count"] == 1 and data["next_url"] is None
    assert (
        'href="/archive/-/search.json?q=0&amp;order=best"'
        in server.get("/archive/-/search?q=0&order=best").decode()
    )
    data = search(server, q="Count", order="best")
    assert data["next_url"].startswith("/archive/-/search.json?q=Count&order=best&offset=20")


def test_an_empty_search_shows_the_form(server: Server) -> None:
    html = server.get("/archive/-/search").decode()
    assert 'name="q"' in html and "match this search" not in html
    assert '<option value="2">Storm watch</option>' in html
    assert "<option>Gazette</option>" in html


@pytest.mark.browser
def test_browser_shows_marks_as_elements_and_runs_no_script(server: Server, tmp_path: Path) -> None:
    errors: list[str] = []
    with chromium(tmp_path / "profile") as browser:
        page = browser.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(server.base + "/")
        page.fill(".lb-search-box input[name=q]", "sighted")
        page.click(".lb-search-box input[type=submit]")
        page.wait_for_load_state("networkidle")
        assert "/archive/-/search?q=sighted" in page.url
        snippet = page.locator(".lb-hit .lb-snippet")
        assert snippet.count() == 1
        assert snippet.locator("mark").all_inner_texts() == ["sighted"]
        assert snippet.locator("script, img").count() == 0
        assert "<script>window.__pwned=1</script>" in snippet.inner_text()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        background = page.eval_on_selector(
            ".lb-snippet mark", "m => getComputedStyle(m).backgroundColor"
        )
        assert background not in ("", "rgba(0, 0, 0, 0)")
    assert errors == []


def test_table_page_opens_with_its_default_columns(server: Server) -> None:
    page = server.get("/archive/updates").decode()
    shown = re.findall(r'<th [^>]*data-column="([^"]+)"', page)
    assert shown == UPDATES_COLUMNS
    wide = server.get("/archive/updates?_wide=1").decode()
    assert 'data-column="body_html"' in wide and 'data-column="media"' in wide
    chosen = server.get("/archive/updates?_col=headline").decode()
    assert re.findall(r'<th [^>]*data-column="([^"]+)"', chosen) == ["id", "headline"]
    data = server.json("/archive/updates.json?_size=1")
    assert "body_html" in data["columns"] and "media" in data["columns"]
