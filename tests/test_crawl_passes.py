"""Four passes through `liveblog crawl` over the page kinds whose posts carry no markup of their
own: a client-rendered page whose posts are only in its JSON state, a flat ticker whose entries
say how long ago (in words, "vor einer Stunde", and in figures, "vor 5 Minuten"), and a vendor's
stream whose `<time>` says only how long ago in words ("an hour ago").

The pages are BUILT here from documented markup: Next.js's `<script id="__NEXT_DATA__">`, Apollo
Client's normalized cache (`window.__APOLLO_STATE__`, "Caching in Apollo Client"), Nuxt 3's
`<script id="__NUXT_DATA__">` as devalue flattens it (Rich-Harris/devalue's README), a German or
Polish ticker's title lines over paragraphs, and a live blog tool's `article` posts each with a
bare `<time>`; the words are invented. Each blog is served on 127.0.0.1 and crawled by the real
spider into a real archive: pass 1; pass 2 ten minutes later with a post edited, one added and
one deleted; pass 3 unchanged; pass 4 a server error.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from crawler.cli import cli
from crawler.sample.site import LocalServer, send
from tests import helpers
from tests.helpers import LOCAL_ARGS, crawl_together, devalue, ended

pytestmark = pytest.mark.slow  # crawl processes

PATH = "/news/2026/unwetter-live"


@dataclass(frozen=True)
class Post:
    """A post of the blog: `age` its minutes before the first pass's fetch."""

    id: str
    title: str
    body: str
    age: int
    edited: bool = False


POSTS = [
    Post("p1", "Feuerwehr im Dauereinsatz", "Die Feuerwehr meldet mehr als vierzig Einsätze seit "
         "dem frühen Morgen, vor allem wegen umgestürzter Bäume.", 0),
    Post("p2", "Bahnstrecke gesperrt", "Zwischen Bamberg und Forchheim fahren keine Züge, ein "
         "Baum liegt auf der Oberleitung der Strecke.", 5),
    Post("p3", "Schulen bliben geschlossen", "Das Schulamt hat den Unterricht an allen Schulen "
         "im Landkreis für den heutigen Tag abgesagt.", 52),
    Post("p4", "Pegel steigen weiter", "An der Regnitz steigt der Pegel weiter, die Stadt hat "
         "Sandsäcke an die Anwohner ausgegeben.", 115),
    Post("p5", "Warnung vor Sturmböen", "Der Wetterdienst warnt vor Sturmböen bis hundert "
         "Kilometer pro Stunde in den Höhenlagen.", 100),
    Post("p6", "Unwetter zieht auf", "Über dem Frankenwald hat sich eine Gewitterfront gebildet, "
         "die am Vormittag die Region erreicht.", 175),
]  # fmt: skip
ADDED = Post("p7", "Strom fällt aus", "In mehreren Ortsteilen ist der Strom ausgefallen, der "
             "Versorger schickt Techniker zu den Leitungen.", -10)  # fmt: skip
EDITED = " Der Verkehrsverbund richtet einen Ersatzverkehr mit Bussen ein."


def _second(posts: list[Post]) -> list[Post]:
    """Ten minutes on: the newest post added, the third edited (a typo in its title fixed and a
    sentence added), the fifth deleted."""
    kept = [
        replace(p, title="Schulen bleiben geschlossen", body=p.body + EDITED, edited=True)
        if p.id == "p3"
        else p
        for p in posts
        if p.id != "p5"
    ]
    return [ADDED, *kept]


# --- how long ago, as each page kind says it ---------------------------------------------------


def _german(minutes: int) -> str:
    if minutes < 1:
        return "gerade eben"
    if minutes < 2:
        return "vor einer Minute"
    if minutes < 60:
        return f"vor {minutes} Minuten"
    if minutes < 120:
        return "vor einer Stunde"
    return f"vor {minutes // 60} Stunden"


def _polish(minutes: int) -> str:
    if minutes < 1:
        return "przed chwilą"
    if minutes < 2:
        return "minutę temu"
    if minutes < 60:
        few = minutes % 10 in (2, 3, 4) and minutes % 100 not in (12, 13, 14)
        return f"{minutes} {'minuty' if few else 'minut'} temu"
    if minutes < 120:
        return "godzinę temu"
    hours = minutes // 60
    return f"{hours} {'godziny' if hours in (2, 3, 4) else 'godzin'} temu"


def _english(minutes: int) -> str:
    if minutes < 1:
        return "just now"
    if minutes < 2:
        return "a minute ago"
    if minutes < 60:
        return f"{minutes} minutes ago"
    if minutes < 120:
        return "an hour ago"
    return f"{minutes // 60} hours ago"


def _page(title: str, lang: str, main: str, script: str = "") -> bytes:
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><main><h1>{title}</h1>{main}</main>{script}</body></html>"
    ).encode()


Render = Callable[[list[Post], int, datetime], bytes]


def ticker(stamp: Callable[[int], str], lang: str) -> Render:
    """A flat ticker: each entry a title line saying how long ago, then its paragraph."""

    def render(posts: list[Post], elapsed: int, start: datetime) -> bytes:
        lines = "".join(
            f"<h3>{stamp(p.age + elapsed)}</h3><p><strong>{p.title}:</strong> {p.body}</p>"
            for p in posts
        )
        return _page(
            "Unwetter in Franken: Alle News im Ticker",
            lang,
            f"<div class='article-body'>{lines}</div>",
        )

    return render


def serial(post: Post) -> str:
    """A post's id as a live blog tool's serial numbers give it, growing with the post's time
    (`p1-1000` for the newest, `p6-825` below): not places counted from the top, which the
    extractor takes for no id (dom.counts_places)."""
    return f"{post.id}-{1000 - post.age}"


def time_stream(posts: list[Post], elapsed: int, start: datetime, ids: bool = True) -> bytes:
    """A live blog tool's stream: `<time>` elements with how long ago alone, no machine time."""
    items = "".join(
        f"<article class='lb-item'{f' id=item-{serial(p)}' if ids else ''}>"
        "<div class='lb-item__meta'>"
        f"<time class='lb-item__time'>{_english(p.age + elapsed)}</time></div>"
        f"<div class='lb-item__body'><p>{p.title}. {p.body}</p></div></article>"
        for p in posts
    )
    return _page("Storm in Franconia – live", "en", f"<div class='lb-stream'>{items}</div>")


def _iso(start: datetime, post: Post) -> str:
    return (start - timedelta(minutes=post.age)).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _state_post(post: Post, start: datetime) -> dict[str, Any]:
    edited = start + timedelta(minutes=10) if post.edited else start - timedelta(minutes=post.age)
    return {
        "id": post.id,
        "title": post.title,
        "publishedAt": _iso(start, post),
        "updatedAt": edited.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "body": f"<p>{post.body}</p>",
    }


_LOADING = "<div id='__next'><p>Wird geladen…</p></div>"


def next_data(posts: list[Post], elapsed: int, start: datetime) -> bytes:
    """Next.js: the posts only in `pageProps`, under the page's live blog."""
    blog = {
        "id": "unwetter",
        "title": "Unwetter live",
        "posts": [_state_post(p, start) for p in posts],
    }
    data = {"props": {"pageProps": {"liveBlog": blog}}}
    script = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'
    return _page("Unwetter in Franken – live", "de", _LOADING, script)


def apollo(posts: list[Post], elapsed: int, start: datetime) -> bytes:
    """Apollo Client's cache: each post under `LiveBlogPost:<id>`, the blog's list of refs."""
    cache: dict[str, Any] = {
        "ROOT_QUERY": {"__typename": "Query", "liveBlog": {"__ref": "LiveBlog:9"}}
    }
    for p in posts:
        cache[f"LiveBlogPost:{p.id}"] = {"__typename": "LiveBlogPost", **_state_post(p, start)}
    cache["LiveBlog:9"] = {
        "__typename": "LiveBlog",
        "id": "9",
        "title": "Unwetter live",
        "posts": [{"__ref": f"LiveBlogPost:{p.id}"} for p in posts],
    }
    script = f"<script>window.__APOLLO_STATE__={json.dumps(cache)};</script>"
    return _page("Unwetter in Franken – live", "de", _LOADING, script)


def nuxt(posts: list[Post], elapsed: int, start: datetime) -> bytes:
    """Nuxt 3: the posts in `__NUXT_DATA__`, their times devalue's Dates."""
    items = [{**_state_post(p, start), "publishedAt": ("Date", _iso(start, p))} for p in posts]
    blog = {"id": "unwetter", "title": "Unwetter live", "posts": items}
    payload = ("ShallowReactive", {"data": ("ShallowReactive", {"liveblog-unwetter": blog}),
                                   "state": {}, "serverRendered": True})  # fmt: skip
    script = f'<script type="application/json" id="__NUXT_DATA__">{devalue(payload)}</script>'
    return _page("Unwetter in Franken – live", "de", _LOADING, script)


KINDS: dict[str, tuple[Render, bool]] = {  # its pages, and whether its times are how long ago
    "next-data": (next_data, False),
    "apollo": (apollo, False),
    "nuxt-data": (nuxt, False),
    "ticker-de": (ticker(_german, "de"), True),
    "ticker-pl": (ticker(_polish, "pl"), True),
    "time-words": (time_stream, True),
    "time-words-idless": (
        lambda posts, elapsed, start: time_stream(posts, elapsed, start, False),
        True,
    ),
}


# --- the blog's server, and the archive -------------------------------------------------------


class Blog:
    """One page at PATH, as the test sets it; `fail` answers 500 instead ("error") or only
    after three seconds ("hang")."""

    def __init__(self) -> None:
        self.body = b""
        self.fail: str | None = None
        self.headers: dict[str, str] = {}  # sent with each page: a cache's "Age"
        self._lock = threading.Lock()
        self._server = LocalServer(self._handler())

    @property
    def url(self) -> str:
        return self._server.origin + PATH

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        blog = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with blog._lock:
                    body, fail = blog.body, blog.fail
                if self.path != PATH:
                    send(self, 404, b"not found", "text/plain")
                elif fail == "hang":
                    time.sleep(3)
                    send(self, 200, body, "text/html; charset=utf-8")
                elif fail:
                    send(self, 500, b"server error", "text/plain")
                else:
                    send(self, 200, body, "text/html; charset=utf-8", headers=dict(blog.headers))

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def __enter__(self) -> Blog:
        self._server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop()


def age_archive(db_path: Path, minutes: int) -> None:
    """Every time the archive holds moved `minutes` back, as if its passes had run that much
    earlier: for a page whose every time is how long ago, which the next pass reads as a page
    would show it `minutes` later."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "select name from sqlite_master where type = 'table' and sql not like "
                "'%VIRTUAL%' and name not like 'updates_fts%' and name not like 'sqlite_%'"
            )
        ]
        for table in tables:
            columns = [row[1] for row in conn.execute(f"pragma table_info([{table}])")]
            for column in columns:
                rows = conn.execute(
                    f"select rowid, [{column}] from [{table}] where typeof([{column}]) = 'text'"
                    f" and [{column}] glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'"
                ).fetchall()
                for rowid, value in rows:
                    moved = datetime.fromisoformat(value) - timedelta(minutes=minutes)
                    text = moved.astimezone(UTC).strftime(
                        "%Y-%m-%dT%H:%M:%S.%fZ" if "." in value else "%Y-%m-%dT%H:%M:%SZ"
                    )
                    conn.execute(
                        f"update [{table}] set [{column}] = ? where rowid = ?", (text, rowid)
                    )
        conn.commit()
    finally:
        conn.close()


# --- four passes over every kind at once ------------------------------------------------------
#
# Each crawl process costs a second or two to start, and cron's `liveblog crawl` takes every due
# blog in one process: so each pass below is one `liveblog crawl` over all the kinds' blogs, each
# blog on a port of its own. The kinds whose times say how long ago share one archive, the others
# another: `age_archive` moves every time an archive holds, which only they want moved. Each
# test reads its own blog's rows (by `blog_id`) in a copy of its archive as each pass left it.


@dataclass
class Passes:
    """One kind's blog through the passes: what `liveblog crawl` said of it after each step,
    and a copy of its archive as that step left it (no "fourth" for a kind of absolute times)."""

    blog_id: int
    output: dict[str, str]
    archive: dict[str, Path]


OF_BLOG = "update_id in (select id from updates where blog_id = ?)"
BLOG_VERSIONS = (
    f"select update_id, version, content_hash from update_versions where {OF_BLOG} order by rowid"
)
HELD = "select * from updates where blog_id = ? order by id"
ROWS = "select count(*) from updates where blog_id = ?"


def _line(output: str, url: str) -> str:
    """The line `liveblog crawl` printed of the blog at `url` (all it printed, if none)."""
    return next((line for line in output.splitlines() if f" {url}: " in line), output)


def _copy(db_path: Path, to: Path) -> Path:
    source, copy = sqlite3.connect(db_path), sqlite3.connect(to)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    return to


def _run_passes(kinds: list[str], blogs: dict[str, Blog], db_path: Path) -> dict[str, Passes]:
    """The passes of the test below over `kinds`, which all say how long ago or none does."""
    relative = KINDS[kinds[0]][1]
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    outputs: dict[str, dict[str, str]] = {kind: {} for kind in kinds}
    archives: dict[str, Path] = {}

    def crawl(step: str, *settings: str) -> None:
        output = CliRunner().invoke(
            cli, ["crawl", *(blogs[k].url for k in kinds), "--db", str(db_path), *LOCAL_ARGS,
                  *settings]
        ).output  # fmt: skip
        for kind in kinds:
            outputs[kind][step] = _line(output, blogs[kind].url)
        archives[step] = _copy(db_path, db_path.with_name(f"{db_path.stem}-{step}.db"))

    def show(posts: list[Post], elapsed: int) -> None:
        for kind in kinds:
            blogs[kind].body = KINDS[kind][0](posts, elapsed, start)

    show(POSTS, 0)
    crawl("first")
    if relative:
        age_archive(db_path, 10)
    show(_second(POSTS), 10)
    crawl("second")
    crawl("third")
    if relative:
        age_archive(db_path, 10)
        show(_second(POSTS), 20)
        crawl("fourth")
    for kind in kinds:
        blogs[kind].fail = "error"
    crawl("failed")
    for kind in kinds:
        blogs[kind].fail = "hang"
    crawl("timed_out", "-s", "DOWNLOAD_TIMEOUT=1")
    for kind in kinds:
        blogs[kind].fail = None
    crawl("back")
    conn = sqlite3.connect(db_path)
    try:
        ids = dict(conn.execute("select url, id from blogs"))
    finally:
        conn.close()
    return {kind: Passes(ids.get(blogs[kind].url, 0), outputs[kind], archives) for kind in kinds}


@pytest.fixture(scope="module")
def four_passes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Passes]]:
    with ExitStack() as stack:
        blogs = {kind: stack.enter_context(Blog()) for kind in KINDS}
        passes: dict[str, Passes] = {}
        for relative in (False, True):
            kinds = sorted(k for k, (_, rel) in KINDS.items() if rel is relative)
            where = tmp_path_factory.mktemp("relative" if relative else "absolute")
            passes.update(_run_passes(kinds, blogs, where / "archive.db"))
        yield passes


def _updates(db_path: Path, blog_id: int) -> dict[str, tuple[Any, ...]]:
    """Each update of the blog by its opening words: (id, version, removed, published_at)."""
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "select id, body_text, version, removed_at is not null, published_at from updates"
            " where blog_id = ?",
            (blog_id,),
        ).fetchall()
    finally:
        conn.close()
    found: dict[str, tuple[Any, ...]] = {}
    for id_, body, version, removed, published in rows:
        post = next(p for p in [*POSTS, ADDED] if p.body[:30] in body)
        assert post.id not in found, f"{post.id} is two updates"
        found[post.id] = (id_, version, removed, published)
    return found


def _count(db_path: Path, sql: str, *params: Any) -> Any:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_four_passes_keep_each_post_one_update(kind: str, four_passes: dict[str, Passes]) -> None:
    relative = KINDS[kind][1]
    passes = four_passes[kind]
    blog, db, out = passes.blog_id, passes.archive, passes.output

    first = out["first"]
    assert first.startswith("ok"), first
    one = _updates(db["first"], blog)
    assert sorted(one) == [p.id for p in POSTS]
    assert {v[1] for v in one.values()} == {1}

    # Ten minutes later: a post added, one edited, one deleted; how long ago moved on.
    second = out["second"]
    assert second.startswith("ok"), second
    two = _updates(db["second"], blog)
    assert sorted(two) == sorted([*[p.id for p in POSTS], ADDED.id])
    assert {k: v[0] for k, v in two.items() if k in one} == {k: v[0] for k, v in one.items()}
    assert {k: (v[1], v[2]) for k, v in two.items()} == {
        "p1": (1, 0), "p2": (1, 0), "p3": (2, 0), "p4": (1, 0), "p5": (1, 1), "p6": (1, 0),
        "p7": (1, 0),
    }  # fmt: skip
    assert _count(db["second"], f"select count(*) from update_versions where {OF_BLOG}", blog) == [
        (8,)
    ]
    assert _count(db["second"], f"select count(*) from update_removals where {OF_BLOG}", blog) == [
        (1,)
    ]

    # The page unchanged: nothing added.
    versions = _count(db["second"], BLOG_VERSIONS, blog)
    third = out["third"]
    assert third.startswith("ok"), third
    assert _updates(db["third"], blog) == two
    assert _count(db["third"], BLOG_VERSIONS, blog) == versions

    # Ten minutes more and nothing changed but how long ago each post shows.
    last = "third"
    if relative:
        last = "fourth"
        fourth = out["fourth"]
        assert fourth.startswith("ok"), fourth
        assert {k: v[:3] for k, v in _updates(db["fourth"], blog).items()} == {
            k: v[:3] for k, v in two.items()
        }
        assert _count(db["fourth"], BLOG_VERSIONS, blog) == versions

    # A server error: logged, nothing lost.
    held = _count(db[last], HELD, blog)
    failed = out["failed"]
    assert failed.startswith("FAIL"), failed
    assert _count(db["failed"], HELD, blog) == held
    assert _count(db["failed"], BLOG_VERSIONS, blog) == versions
    [(status, error)] = _count(
        db["failed"],
        "select http_status, error from fetches where blog_id = ? order by id desc limit 1",
        blog,
    )
    assert status == 500 and error

    # A timeout: logged, nothing lost; and the page back, nothing new nor gone.
    timed_out = out["timed_out"]
    assert timed_out.startswith("FAIL"), timed_out
    assert _count(db["timed_out"], HELD, blog) == held
    [(error,)] = _count(
        db["timed_out"],
        "select error from fetches where blog_id = ? order by id desc limit 1",
        blog,
    )
    assert error
    back = out["back"]
    assert back.startswith("ok"), back
    assert {k: v[:3] for k, v in _updates(db["back"], blog).items()} == {
        k: v[:3] for k, v in two.items()
    }
    assert _count(db["back"], BLOG_VERSIONS, blog) == versions


# --- redesigns and reused ids, side by side -----------------------------------------------------
#
# Four stories of a blog's ids, each over a blog of its own at absolute times, so one archive
# holds them all: each is a generator that yields its blog when it wants a pass and is sent the
# line `liveblog crawl` printed of it, and each pass is one `liveblog crawl` over the blogs of
# every story that wants one (cron's one process over its due blogs), where each ran its own.
# Each reads its own blog's rows (by `blog_id`); one that yields None waits for the others'
# passes to end and is sent what `liveblog reparse` over the archive said. Each test id raises
# its own story's error.

Story = Generator[Blog | None, Any, None]


def _blog_id(db_path: Path, blog: Blog) -> int:
    [(blog_id,)] = _count(db_path, "select id from blogs where url = ?", blog.url)
    return int(blog_id)


def a_redesign_that_renames_every_post_keeps_every_update(blog: Blog, db_path: Path) -> Story:
    """The stream read, then read again with every post's id in a new shape (`item-p1-1000` made
    `entry-v2-p1-1000`, as a site's new templates may): the same updates, their new ids, nothing
    removed and nothing quarantined; the pass after that finds them by their new ids."""
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    blog.body = time_stream(POSTS, 0, start)
    first = yield blog
    assert first.startswith("ok"), first
    mine = _blog_id(db_path, blog)
    held = _count(db_path, "select id, body_text from updates where blog_id = ? order by id", mine)
    blog.body = time_stream(POSTS, 0, start).replace(b"id=item-p", b"id=entry-v2-p")
    for _ in range(2):
        again = yield blog
        assert again.startswith("ok") and "0 new" in again and "0 removed" in again, again
    assert (
        _count(db_path, "select id, body_text from updates where blog_id = ? order by id", mine)
        == held
    )
    assert {
        sid for (sid,) in _count(db_path, "select source_id from updates where blog_id = ?", mine)
    } == {f"entry-v2-{serial(p)}" for p in POSTS}
    assert _count(db_path, f"select count(*) from update_removals where {OF_BLOG}", mine) == [(0,)]
    assert _count(db_path, f"select count(*) from quarantined_removals where {OF_BLOG}", mine) == [
        (0,)
    ]


GOALS = [
    Post("g2", "Tor!", "Der FC führt 2:0, wieder köpft Wagner nach einer Ecke ins lange Eck.", 3),
    Post("g1", "Tor!", "Der FC führt 1:0, wieder köpft Wagner nach einer Ecke ins lange Eck.", 3),
]


def a_redesign_that_renames_two_alike_posts_of_one_minute_keeps_each_its_words(
    blog: Blog, db_path: Path
) -> Story:
    """Two goals under one headline stated at one minute, alike but for the score, the first
    read a pass before the second, then every id renamed: each update keeps its own words,
    none changed."""
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    blog.body = next_data([GOALS[1], *POSTS[:3]], 0, start)
    assert (yield blog).startswith("ok")
    blog.body = next_data([*GOALS, *POSTS[:3]], 0, start)
    assert (yield blog).startswith("ok")
    mine = _blog_id(db_path, blog)
    words = "select id, body_text from updates where blog_id = ? order by id"
    held = _count(db_path, words, mine)
    renamed = [replace(p, id=f"entry-{p.id}") for p in [*GOALS, *POSTS[:3]]]
    blog.body = next_data(renamed, 0, start)
    again = yield blog
    assert again.startswith("ok") and "0 new" in again and "0 changed" in again, again
    assert _count(db_path, words, mine) == held
    goals = (
        "select source_id from updates where headline = 'Tor!' and blog_id = ? order by body_text"
    )
    assert _count(db_path, goals, mine) == [("entry-g1",), ("entry-g2",)]


def an_id_the_publisher_gives_to_another_post_keeps_the_old_post_as_it_was(
    blog: Blog, db_path: Path
) -> Story:
    """A CMS that recycles post ids: the water levels post of two hours ago deleted, and its
    id `p4` given to a new post, its title, words and time all other. The archive removes the
    old post, its words as they were, and adds the new one; the next pass changes nothing."""
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    blog.body = next_data(POSTS[:4], 0, start)
    assert (yield blog).startswith("ok")
    reused = replace(ADDED, id="p4", age=1)
    blog.body = next_data([reused, *POSTS[:3]], 0, start)
    second = yield blog
    assert "1 new, 0 changed, 3 unchanged, 1 removed" in second, second
    mine = _blog_id(db_path, blog)
    rows = (
        "select source_id, headline, version, removed_at is null from updates"
        " where blog_id = ? order by id"
    )
    assert _count(db_path, rows, mine)[3:] == [
        ("p4", "Pegel steigen weiter", 1, 0),
        ("p4", "Strom fällt aus", 1, 1),
    ]
    held = _count(db_path, rows, mine)
    again = yield blog
    assert "0 new, 0 changed" in again and "0 removed" in again, again
    assert _count(db_path, rows, mine) == held


def an_id_given_again_after_its_post_was_taken_down_and_the_old_post_back(
    blog: Blog, db_path: Path
) -> Story:
    """The water levels post `p4` taken down in one pass and its id given to a new post in the
    next: the new post is new, not the old one put back. A page that then shows the old post
    under `p4` again puts its row back; no pass adds a third row, and a reparse agrees."""
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    blog.body = next_data(POSTS[:4], 0, start)
    assert (yield blog).startswith("ok")
    blog.body = next_data(POSTS[:3], 0, start)
    assert "1 removed" in (yield blog)
    blog.body = next_data([replace(ADDED, id="p4", age=1), *POSTS[:3]], 0, start)
    third = yield blog
    assert "1 new, 0 changed, 3 unchanged, 0 removed" in third, third
    blog.body = next_data(POSTS[:4], 0, start)
    assert "0 new" in (yield blog)
    mine = _blog_id(db_path, blog)
    rows = (
        "select source_id, headline, version, removed_at is null from updates"
        " where blog_id = ? order by id"
    )
    assert _count(db_path, rows, mine)[3:] == [
        ("p4", "Pegel steigen weiter", 1, 1),
        ("p4", "Strom fällt aus", 1, 0),
    ]
    result = yield None
    assert result.exit_code == 0, result.output
    assert sorted(_count(db_path, rows, mine)) == sorted(
        [
            *_count(db_path, rows, mine)[:3],
            ("p4", "Pegel steigen weiter", 1, 1),
            ("p4", "Strom fällt aus", 1, 0),
        ]
    )


STORIES: dict[str, Callable[[Blog, Path], Story]] = {
    story.__name__: story
    for story in (
        a_redesign_that_renames_every_post_keeps_every_update,
        a_redesign_that_renames_two_alike_posts_of_one_minute_keeps_each_its_words,
        an_id_the_publisher_gives_to_another_post_keeps_the_old_post_as_it_was,
        an_id_given_again_after_its_post_was_taken_down_and_the_old_post_back,
    )
}


def _crawl_lines(urls: list[str], db_path: Path) -> list[str]:
    """One `liveblog crawl` over `urls`: the line it printed of each."""
    output = CliRunner().invoke(cli, ["crawl", *urls, "--db", str(db_path), *LOCAL_ARGS]).output
    return [_line(output, url) for url in urls]


def _passes(story: Story) -> helpers.Passes:
    """A story's passes as crawl_together runs them: its blog's address for each pass it
    asks for, the line printed of its blog sent back; a None passed through."""
    sent: Any = None
    while True:
        try:
            asked = story.send(sent)
        except StopIteration:
            return
        if asked is None:
            sent = yield None
        else:
            (sent,) = yield [asked.url]


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Exception | None]]:
    """Each story's error, or None: their passes run side by side in one archive."""
    db_path = tmp_path_factory.mktemp("stories") / "archive.db"
    with ExitStack() as stack:
        passes = {
            name: _passes(story(stack.enter_context(Blog()), db_path))
            for name, story in STORIES.items()
        }
        yield crawl_together(
            passes,
            db_path,
            lambda: CliRunner().invoke(cli, ["reparse", "--db", str(db_path)]),
            _crawl_lines,
        )


def test_a_redesign_that_renames_every_post_keeps_every_update(
    stories: dict[str, Exception | None],
) -> None:
    ended(stories["a_redesign_that_renames_every_post_keeps_every_update"])


def test_a_redesign_that_renames_two_alike_posts_of_one_minute_keeps_each_its_words(
    stories: dict[str, Exception | None],
) -> None:
    ended(stories["a_redesign_that_renames_two_alike_posts_of_one_minute_keeps_each_its_words"])


STREAMS = ["time-words", "time-words-idless"]


@pytest.fixture(scope="module")
def old_copies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Passes]]:
    """The passes of the test below, each one `liveblog crawl` over both streams' blogs in one
    archive (both say how long ago, so `age_archive` moves what each wants moved)."""
    db_path = tmp_path_factory.mktemp("old-copy") / "archive.db"
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    outputs: dict[str, dict[str, str]] = {kind: {} for kind in STREAMS}
    archives: dict[str, Path] = {}
    with ExitStack() as stack:
        blogs = {kind: stack.enter_context(Blog()) for kind in STREAMS}

        def crawl(step: str, posts: list[Post], elapsed: int, age: str | None = None) -> None:
            for kind in STREAMS:
                blogs[kind].body = KINDS[kind][0](posts, elapsed, start)
                blogs[kind].headers = {"Age": age} if age else {}
            urls = [blogs[k].url for k in STREAMS]
            output = (
                CliRunner().invoke(cli, ["crawl", *urls, "--db", str(db_path), *LOCAL_ARGS]).output
            )
            for kind in STREAMS:
                outputs[kind][step] = _line(output, blogs[kind].url)
            archives[step] = _copy(db_path, db_path.with_name(f"archive-{step}.db"))

        crawl("first", POSTS, 0)
        age_archive(db_path, 10)
        crawl("second", [ADDED, *POSTS], 10)
        age_archive(db_path, 10)
        crawl("stale", POSTS, 0, "1200")  # the old copy, its stamps as they were
        crawl("fresh", [ADDED, *POSTS], 20)
        conn = sqlite3.connect(db_path)
        try:
            ids = dict(conn.execute("select url, id from blogs"))
        finally:
            conn.close()
        yield {
            kind: Passes(ids.get(blogs[kind].url, 0), outputs[kind], archives) for kind in STREAMS
        }


@pytest.mark.parametrize("kind", STREAMS)
def test_a_caches_old_copy_of_how_long_ago_marks_nothing_removed(
    old_copies: dict[str, Passes], kind: str
) -> None:
    """A stream whose posts say only how long ago ("4 minutes ago"), with ids or without: a
    cache's copy from the first pass, read twenty minutes on with its stamps as they were,
    lacks only the post added since, which is held. The copy says its stamps as of when the
    site made it, `Age` seconds before: read then, its posts are the archive's, where read at
    the crawl's clock each minutes-old post without an id moved twenty minutes and was taken
    for another (the pass failed as a mass removal)."""
    passes = old_copies[kind]
    blog, db, out = passes.blog_id, passes.archive, passes.output
    assert out["first"].startswith("ok")
    assert out["second"].startswith("ok")
    versions = _count(db["second"], BLOG_VERSIONS, blog)
    rows = _count(db["second"], ROWS, blog)
    stale = out["stale"]
    assert "1 held (old copy)" in stale and "0 removed" in stale, stale
    assert _count(db["stale"], BLOG_VERSIONS, blog) == versions
    assert _count(db["stale"], ROWS, blog) == rows
    fresh = out["fresh"]
    assert fresh.startswith("ok") and "0 removed" in fresh, fresh
    assert _count(db["fresh"], f"select count(*) from update_removals where {OF_BLOG}", blog) == [
        (0,)
    ]
    assert _count(db["fresh"], BLOG_VERSIONS, blog) == versions
    assert _count(db["fresh"], ROWS, blog) == rows


def test_an_id_the_publisher_gives_to_another_post_keeps_the_old_post_as_it_was(
    stories: dict[str, Exception | None],
) -> None:
    ended(stories["an_id_the_publisher_gives_to_another_post_keeps_the_old_post_as_it_was"])


def test_an_id_given_again_after_its_post_was_taken_down_and_the_old_post_back(
    stories: dict[str, Exception | None],
) -> None:
    ended(stories["an_id_given_again_after_its_post_was_taken_down_and_the_old_post_back"])
