"""`--render`: a blog whose posts appear only after script runs and a click on "Load more",
archived whole through Debian's chromium, and reported incomplete without it.

The blog is built here, on 127.0.0.1, in the sample blog's markup (crawler/sample/site.py):
two posts in the HTML, a third that script adds on load, and four more that two clicks on a
<button>Load more</button> fetch as JSON from the blog's own site. The page also asks for an
image and a beacon from another host (`localhost`, the same server under another name): the
browser must fetch neither.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database
from warcio.archiveiterator import ArchiveIterator

from archive.snapshots import SnapshotRef, SnapshotStore
from crawler import render
from crawler.cli import cli
from crawler.sample.site import LocalServer, send
from tests.helpers import LOCAL_ARGS

POSTS = [
    (f"post-{n}", f"Update number {n}", f"2024-05-01T{10 + n:02d}:00:00Z", f"Body of update {n}.")
    for n in range(7, 0, -1)
]  # newest first
IN_HTML = 2  # posts the HTML carries; the next one script adds on load
PER_CLICK = 2


def article(post: tuple[str, str, str, str]) -> str:
    key, headline, when, body = post
    return (
        f'<article class="update" id="{key}" data-update-id="{key}"><header>'
        f'<h2 class="update__title">{escape(headline)}</h2>'
        f'<time class="update__time" datetime="{when}">{when[11:16]}</time></header>'
        f'<div class="update__body"><p>{escape(body)}</p></div></article>'
    )


def page(port: int) -> bytes:
    script_posts = json.dumps([article(p) for p in POSTS[IN_HTML : IN_HTML + 1]])
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Script-only live blog</title>
<meta property="og:site_name" content="Loopback News"></head><body>
<main class="live-blog"><h1>Script-only live blog</h1><p class="live-blog__label">Live updates</p>
<div class="live-blog__updates" id="updates">{"".join(article(p) for p in POSTS[:IN_HTML])}</div>
<button type="button" id="more">Load more</button>
<img src="http://localhost:{port}/pixel.gif" alt="">
</main>
<script>
const list = document.getElementById("updates");
for (const html of {script_posts}) list.insertAdjacentHTML("beforeend", html);
fetch("http://localhost:{port}/beacon").catch(() => null);
let shown = {IN_HTML + 1};
document.getElementById("more").addEventListener("click", async (event) => {{
  const more = await (await fetch("/more?from=" + shown)).json();
  for (const html of more.posts) list.insertAdjacentHTML("beforeend", html);
  shown += more.posts.length;
  if (!more.left) event.target.remove();
}});
</script></body></html>""".encode()


@dataclass
class Blog:
    """The served blog and every request it received: (Host header, path, Cookie header)."""

    url: str = ""
    seen: list[tuple[str, str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


@pytest.fixture(scope="module")
def blog() -> Iterator[Blog]:
    served = Blog()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with served.lock:
                served.seen.append(
                    (self.headers.get("Host", ""), self.path, self.headers.get("Cookie", ""))
                )
            port = self.server.server_address[1]
            if self.path.startswith("/more?from="):
                start = int(self.path.split("=")[1])
                posts = POSTS[start : start + PER_CLICK]
                left = start + PER_CLICK < len(POSTS)
                body = json.dumps({"posts": [article(p) for p in posts], "left": left})
                send(self, 200, body.encode(), "application/json")
            elif self.path == "/live":
                send(self, 200, page(port), "text/html; charset=utf-8")
            else:
                send(self, 404, b"not here", "text/plain")

        def log_message(self, *args: object) -> None:
            pass

    server = LocalServer(Handler)
    server.start()
    served.url = f"{server.origin}/live"
    try:
        yield served
    finally:
        server.stop()


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def sources(db_path: Path) -> list[str]:
    return [r["source_id"] for r in Database(db_path).query("select source_id from updates")]


@pytest.fixture(scope="module")
def rendered(blog: Blog, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The blog put on the watchlist to render, with a cookie, and crawled: its archive and
    what the crawl said, which the tests that only read them share (one browser started for
    them, where each test started its own)."""
    db_path = tmp_path_factory.mktemp("rendered") / "archive.db"
    run("add", blog.url, "--render", "--header", "Cookie: consent=1", "--db", str(db_path))
    return db_path, run("crawl", "--db", str(db_path), *LOCAL_ARGS)


@pytest.mark.slow
@pytest.mark.browser
def test_render_archives_every_post_behind_load_more(
    blog: Blog, rendered: tuple[Path, str]
) -> None:
    db_path, out = rendered
    assert "incomplete" not in out, out
    assert sorted(sources(db_path)) == sorted(p[0] for p in POSTS)
    db = Database(db_path)
    fetch = next(db.query("select complete, incomplete_reason from fetches"))
    assert fetch == {"complete": 1, "incomplete_reason": None}
    # Nothing was fetched from the other host: neither the image nor the beacon.
    assert not [s for s in blog.seen if s[0].startswith("localhost")], blog.seen
    assert ("/live", "consent=1") in {(path, cookie) for _, path, cookie in blog.seen}
    listing = run("list", "--db", str(db_path))
    assert "complete" in listing and "incompletely" not in listing
    assert "settings: --render --header 'Cookie: consent=1'" in listing


@pytest.mark.slow
@pytest.mark.browser
def test_snapshot_keeps_the_raw_page_and_the_rendered_one(rendered: tuple[Path, str]) -> None:
    db_path, _ = rendered
    ref = next(Database(db_path).query("select snapshot from fetch_pages"))["snapshot"]
    store = SnapshotStore(db_path)
    [(_, raw)] = list(store.iter_all())
    assert b"post-1" not in raw.body and b"post-7" in raw.body
    with store.path(SnapshotRef.parse(ref)).open("rb") as stream:
        records = {r.rec_type: r.rec_headers for r in ArchiveIterator(stream)}
    assert records["conversion"].get_header("WARC-Refers-To") == records["response"].get_header(
        "WARC-Record-ID"
    )
    rendered = store.read(SnapshotRef.parse(ref))
    assert b'id="post-1"' in rendered.body


@pytest.mark.slow
@pytest.mark.browser
def test_render_stops_at_the_page_limit_and_says_so(blog: Blog, tmp_path: Path) -> None:
    db_path = tmp_path / "archive.db"
    out = run("crawl", blog.url, "--render", "--max-pages", "2", "--db", str(db_path), *LOCAL_ARGS)
    assert "incomplete: page limit" in out
    assert len(sources(db_path)) == IN_HTML + 1 + PER_CLICK


@pytest.mark.slow
def test_without_render_the_blog_is_archived_incompletely_and_says_why(
    blog: Blog, tmp_path: Path
) -> None:
    db_path = tmp_path / "archive.db"
    run("add", blog.url, "--max-pages", "5", "--interval", "60", "--db", str(db_path))
    out = run("crawl", "--db", str(db_path), *LOCAL_ARGS)
    assert "incomplete: render needed" in out
    assert sorted(sources(db_path)) == sorted(p[0] for p in POSTS[:IN_HTML])
    db = Database(db_path)
    assert next(db.query("select incomplete_reason from fetches"))["incomplete_reason"] == (
        "render needed"
    )
    assert next(db.query("select complete from blogs"))["complete"] == 0
    listing = run("list", "--db", str(db_path))
    assert "archived incompletely (render needed): 2 updates" in listing
    assert "settings: --interval 60 --max-pages 5" in listing


@dataclass
class Redirecting:
    """A blog whose page, image and script fetch redirect to another server (another port);
    that server records every request it gets."""

    blog: str = ""
    hop: str = ""  # a page of the blog's site that redirects off it
    other: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def redirecting() -> Iterator[Redirecting]:
    served = Redirecting()

    class Other(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.other.append(self.path)
            send(self, 200, b"<html><body>elsewhere</body></html>", "text/html")

        def log_message(self, *args: object) -> None:
            pass

    other = LocalServer(Other)
    other.start()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            away = {"/hop": "/live", "/pixel.gif": "/pixel.gif", "/feed": "/feed"}
            if self.path in away:
                send(self, 302, b"", headers={"Location": other.origin + away[self.path]})
            elif self.path == "/moved":
                send(self, 301, b"", headers={"Location": "/live"})
            elif self.path == "/live":
                body = page(0).replace(b"</main>", b'<img src="/pixel.gif" alt=""></main>')
                # No "Load more": this server has nothing more, and a click that brings
                # nothing costs the browser its whole wait (render.CLICK_WAIT_MS).
                body = body.replace(
                    b'<button type="button" id="more">Load more</button>',
                    b'<span id="more"></span>',
                )
                body = body.replace(b"fetch(", b'fetch("/feed").catch(() => null); fetch(', 1)
                send(self, 200, body, "text/html; charset=utf-8")
            else:
                send(self, 404, b"not here", "text/plain")

        def log_message(self, *args: object) -> None:
            pass

    server = LocalServer(Handler)
    server.start()
    served.blog, served.hop = f"{server.origin}/moved", f"{server.origin}/hop"
    try:
        yield served
    finally:
        server.stop()
        other.stop()


@pytest.mark.slow
@pytest.mark.browser
def test_the_browser_follows_no_redirect_off_the_blog_s_site(
    redirecting: Redirecting, tmp_path: Path
) -> None:
    """A redirect on the site is followed; one off it, of the page or of what the page asks
    for, is not: the other server gets no request at all."""
    db_path = tmp_path / "archive.db"
    out = run("crawl", redirecting.blog, "--render", "--db", str(db_path), *LOCAL_ARGS)
    assert sorted(sources(db_path)) == sorted(p[0] for p in POSTS[: IN_HTML + 1]), out
    result = CliRunner().invoke(
        cli, ["crawl", redirecting.hop, "--render", "--db", str(db_path), *LOCAL_ARGS]
    )
    assert f"{redirecting.hop} redirected to http://127.0.0.1:" in result.output, result.output
    assert redirecting.other == []


def test_a_blog_to_render_without_the_extra_fails_with_what_to_install(
    blog: Blog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "scrapy_playwright", None)
    assert not render.available()
    db_path = tmp_path / "archive.db"
    before = len(blog.seen)
    result = CliRunner().invoke(cli, ["crawl", blog.url, "--render", "--db", str(db_path)])
    assert result.exit_code == 1
    assert "pip install 'liveblog-archive[render]'" in result.output
    assert len(blog.seen) == before  # the blog was not fetched at all


@pytest.mark.parametrize(
    "control",
    [
        '<button type="button">Load more</button>',
        '<button class="x"><span>Mehr laden</span></button>',
        '<a href="#" class="more">Voir plus</a>',
        '<div role="button">Cargar más entradas</div>',
        '<a href="javascript:void(0)">Показать ещё</a>',
        "<button>加载更多</button>",
    ],
)
def test_a_load_more_only_script_follows_says_render_needed(control: str) -> None:
    assert render.needs_render(f"<html><body><main>{control}</main></body></html>")


@pytest.mark.parametrize(
    "control",
    [
        '<a href="/live?page=2">Load more</a>',  # a page the spider follows itself
        "<button>Read more</button>",  # one post's stub, not older posts
        "<button>Share</button>",
        "<noscript><button>Load more</button></noscript>",
        "<button>Load more of this long label that is a whole sentence and not a button</button>",
    ],
)
def test_other_controls_need_no_render(control: str) -> None:
    assert not render.needs_render(f"<html><body><main>{control}</main></body></html>")
