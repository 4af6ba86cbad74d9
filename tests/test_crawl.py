"""Real crawls: Scrapy in its own process against the sample blog served on 127.0.0.1."""

from __future__ import annotations

import contextlib
import gzip
import urllib.request
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from archive import store
from archive.records import PassResult
from archive.times import parse_utc
from crawler.cli import cli
from crawler.sample import SampleBlog, SampleUpdate, calais_blog, demo_states, render_page
from crawler.sample.calais import BELGIUM, EXODUS, UPDATES, WRISTBANDS, belgium_first_draft
from crawler.sample.site import LocalServer, send
from tests.helpers import (
    ELECTION,
    Passes,
    corpus_dir,
    crawl_local,
    crawl_together,
    ended,
    free_port,
)
from tests.test_reparse import archive_state


def versions_by_source(db: Database) -> dict[str, int]:
    rows = db.query(
        "select u.source_id, count(v.version) as n from updates u "
        "join update_versions v on v.update_id = u.id group by u.id"
    )
    return {row["source_id"]: row["n"] for row in rows}


@pytest.mark.slow
def test_two_passes_with_shift_and_edit_then_an_unchanged_one(
    sample_blog: SampleBlog, db_path: Path
) -> None:
    first = demo_states()[0]
    sample_blog.show(first)
    [one] = crawl_local([sample_blog.url], db_path)
    assert one.ok, one.error
    assert (one.pages, one.new, one.changed, one.unchanged) == (2, 4, 0, 0)

    # A new update on top pushes the Wristbands update from page 1 to page 2; Belgium is edited.
    sample_blog.show(list(UPDATES))
    assert WRISTBANDS.id in sample_blog.page(2).decode()  # type: ignore[union-attr]
    [two] = crawl_local([sample_blog.url], db_path)
    assert two.ok, two.error
    assert (two.pages, two.new, two.changed, two.unchanged, two.removed) == (2, 1, 1, 3, 0)

    db = Database(db_path)
    assert db["updates"].count == 5
    assert (
        db.execute(
            "select count(*) from (select blog_id, source_id from updates group by 1, 2 having count(*) > 1)"
        ).fetchone()[0]
        == 0
    )
    versions = versions_by_source(db)
    assert versions == {u.id: (2 if u.id == BELGIUM.id else 1) for u in UPDATES}
    belgium = db.execute(
        "select body_text, version from updates where source_id = ?", [BELGIUM.id]
    ).fetchone()
    assert belgium[1] == 2 and "Theresa May" in belgium[0]
    old = db.execute(
        "select v.body_text from update_versions v join updates u on u.id = v.update_id "
        "where u.source_id = ? and v.version = 1",
        [BELGIUM.id],
    ).fetchone()[0]
    assert "Theresa May" not in old and belgium_first_draft().text()[:60] in old
    versions_before = db["update_versions"].count
    db.close()

    [three] = crawl_local([sample_blog.url], db_path)
    # Validators were sent: both pages answer 304, nothing is re-extracted or rewritten.
    assert three.ok and (three.new, three.changed, three.unchanged, three.not_modified) == (
        0,
        0,
        0,
        2,
    )
    assert all("If-None-Match" in headers for _, headers in sample_blog.requests[-2:])
    db = Database(db_path)
    assert db["update_versions"].count == versions_before
    assert db["fetches"].count == 3
    assert [r["updates_new"] for r in db.query("select updates_new from fetches order by id")] == [
        4,
        1,
        0,
    ]
    newest = db.execute(
        "select headline from updates order by published_at desc limit 1"
    ).fetchone()[0]
    assert newest == EXODUS.headline


@pytest.mark.slow
def test_seed_blog_archive_holds_exactly_its_five_headlines(
    sample_blog: SampleBlog, db_path: Path
) -> None:
    [result] = crawl_local([sample_blog.url], db_path)
    assert result.ok and result.new == 5 and result.pages == 2
    db = Database(db_path)
    headlines = [
        r["headline"] for r in db.query("select headline from updates order by published_at desc")
    ]
    assert headlines == [u.headline for u in UPDATES]
    blog = next(db["blogs"].rows)
    assert blog["publisher"] == "ITV News" and blog["title"].startswith(
        "Calais 'Jungle' camp clearance"
    )
    assert blog["coverage_start"] == "2016-10-24T05:00:00Z"


@pytest.mark.slow
def test_page_limit_stops_the_pass_without_removing_older_updates(
    sample_blog: SampleBlog, db_path: Path
) -> None:
    sample_blog.show(demo_states()[0])
    assert crawl_local([sample_blog.url], db_path)[0].new == 4
    # A new update on top: page 1 now shows it, the edited Belgium one and one more;
    # the two oldest stand beyond the page limit and must not be taken for removed.
    sample_blog.show(list(UPDATES))
    [capped] = crawl_local([sample_blog.url], db_path, max_pages=1)
    assert capped.ok and capped.pages == 1 and capped.removed == 0
    assert (capped.new, capped.changed, capped.unchanged) == (1, 1, 1)
    db = Database(db_path)
    assert (
        db.execute("select count(*) from updates where removed_at is not null").fetchone()[0] == 0
    )
    assert db.execute("select complete from fetches order by id desc limit 1").fetchone()[0] == 0


@pytest.mark.slow
def test_failed_pass_is_reported_and_changes_nothing(
    sample_blog: SampleBlog, db_path: Path
) -> None:
    assert crawl_local([sample_blog.url], db_path)[0].ok
    db = Database(db_path)
    before = list(db.query("select * from updates order by id"))
    db.close()
    missing = sample_blog.origin + "/news/no-such-blog"
    results = crawl_local([sample_blog.url, missing], db_path)
    assert [r.ok for r in results] == [True, False]
    assert results[1].error == f"HTTP 404 from {missing}"
    db = Database(db_path)
    after = list(db.query("select * from updates order by id"))
    assert [(r["id"], r["version"], r["content_hash"]) for r in after] == [
        (r["id"], r["version"], r["content_hash"]) for r in before
    ]
    row = db.execute(
        "select http_status, error from fetches join blogs on blogs.id = fetches.blog_id "
        "where blogs.url = ?",
        [missing],
    ).fetchone()
    assert row == (404, f"HTTP 404 from {missing}")


@pytest.mark.slow
def test_a_page_that_is_not_a_live_blog_fails_with_a_reason(
    sample_blog: SampleBlog, db_path: Path
) -> None:
    [result] = crawl_local([sample_blog.origin + "/robots.txt"], db_path)
    assert not result.ok and "no live-blog updates found" in (result.error or "")


@pytest.mark.slow
def test_refused_connection_fails_with_a_reason(db_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/live"
    [result] = crawl_local([url], db_path)
    assert not result.ok
    assert result.error == f"connection refused by 127.0.0.1:{url.split(':')[2].split('/')[0]}"


def crawl_served(body: bytes, path: str, db_path: Path) -> tuple[str, PassResult]:
    """One pass over a page served at `path` by a server of its own (it answers every path with
    the page): the page's address, and the pass's result."""

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            send(self, 200, body, "text/html; charset=utf-8")

        def log_message(self, *args: object) -> None:
            pass

    server = LocalServer(Page)
    server.start()
    try:
        url = server.origin + path
        [result] = crawl_local([url], db_path)
    finally:
        server.stop()
    return url, result


@pytest.mark.slow
def test_an_ordinary_page_is_not_archived_as_a_live_blog(
    sample_blog: SampleBlog, db_path: Path
) -> None:
    """A blog post with its comments (a real page): the pass fails with one sentence, and
    nothing of the page becomes an update."""
    body = (corpus_dir() / "articles" / "gormulus.wordpress.com.durfen.html").read_bytes()
    assert crawl_local([sample_blog.url], db_path)[0].ok
    url, result = crawl_served(body, "/2019/05/24/durfen/", db_path)
    assert result.error == f"no live-blog updates found on {url}: it does not look like a live blog"
    db = Database(db_path)
    assert [r[0] for r in db.execute("select distinct blog_id from updates")] == [1]
    assert db.execute("select count(*) from updates").fetchone()[0] == len(UPDATES)


@pytest.mark.slow
def test_a_page_served_gzipped_or_in_windows_1252_under_a_utf8_header_is_read(
    db_path: Path,
) -> None:
    """A server that says "text/html; charset=utf-8" over a page's gzip bytes (a saved
    ".html.gz", no Content-Encoding), or over bytes windows-1252 wrote: each pass reads the
    blog's posts and its title as written (the first was a truncated document, the second
    titled "l\ufffd\ufffdvacuation")."""
    title = "Calais: l’évacuation du camp – live"
    page = render_page(title, "/live/calais", "http://127.0.0.1", UPDATES, 1, 10) or b""
    for body in (gzip.compress(page), page.decode().encode("cp1252")):
        url, result = crawl_served(body, "/live/calais", db_path)
        assert result.ok and result.new == len(UPDATES), result.error
        assert Database(db_path).execute(
            "select title from blogs where url = ?", [url]
        ).fetchone() == (title,)


@pytest.mark.slow
def test_a_blog_whose_address_stops_showing_posts_says_earlier_passes_found_some(
    db_path: Path,
) -> None:
    """The blog's address answers an ordinary page (a consent wall, a stand-in article), then
    an empty 200: each pass fails with a sentence that fits, and the archive keeps its posts."""
    served: dict[str, bytes] = {}

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            send(self, 200, served["body"], "text/html; charset=utf-8")

        def log_message(self, *args: object) -> None:
            pass

    server = LocalServer(Page)
    server.start()
    try:
        url = server.origin + "/news/2019/05/24/durfen/"
        served["body"] = (
            render_page("Calais: live", "/news/2019/05/24/durfen/", server.origin, UPDATES, 1, 10)
            or b""
        )
        assert crawl_local([url], db_path)[0].new == len(UPDATES)
        served["body"] = (
            corpus_dir() / "articles" / "gormulus.wordpress.com.durfen.html"
        ).read_bytes()
        [stand_in] = crawl_local([url], db_path)
        served["body"] = b""
        [empty] = crawl_local([url], db_path)
    finally:
        server.stop()
    assert stand_in.error == (
        f"no live-blog updates found on {url}: earlier passes found some here: a consent wall, "
        "or a page that stands in for the blog's?"
    )
    assert empty.error == f"empty response: {url} answered 200 with no document"
    assert Database(db_path).execute(
        "select count(*) from updates where removed_at is null"
    ).fetchone()[0] == len(UPDATES)


@pytest.mark.slow
def test_a_live_page_with_no_post_to_read_says_why_it_may_be(db_path: Path) -> None:
    """A page whose address and title say live but whose posts are not in its markup (drawn
    by the browser, behind a consent wall, or none yet): the pass fails with one sentence that
    says so, and names --render, and nothing is archived."""
    body = (
        b"<html lang='en'><head><title>Storm Ciaran - live</title></head><body><main>"
        b"<h1>Storm Ciaran - live</h1><p>Follow the latest as the storm reaches the coast.</p>"
        b"<div id='live-feed' data-src='/api/feed.json'></div></main></body></html>"
    )

    url, result = crawl_served(body, "/news/live/storm-ciaran", db_path)
    assert result.error == (
        f"no live-blog updates found on {url}: a consent wall, an empty blog, or markup this "
        "extractor cannot read (posts drawn in the browser need --render)"
    )
    assert Database(db_path).execute("select count(*) from updates").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("raised", "printed"),
    [(ConnectionResetError, False), (BrokenPipeError, False), (KeyError, True)],
)
def test_the_local_server_prints_no_traceback_for_a_client_that_hung_up(
    raised: type[Exception], printed: bool, capfd: pytest.CaptureFixture[str]
) -> None:
    """A crawl cut short, a browser tab closed: the sample site's server says nothing of a
    client that went away (socketserver writes the traceback to whatever stderr is current:
    the demo's terminal, another command's output); a fault of its own it still prints."""

    class Failing(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            raise raised("the client went away")

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = LocalServer(Failing)
    server.start()
    try:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(f"{server.origin}/", timeout=5)
    finally:
        server.stop()
    assert ("Traceback" in capfd.readouterr().err) == printed


@pytest.mark.slow
def test_validators_go_back_byte_for_byte_even_beyond_ascii(db_path: Path) -> None:
    """An ETag or Last-Modified of bytes beyond ASCII (RFC 9110's obs-text: a server that puts
    a file's Latin-1 name in its ETag, a date in a local language) is sent back as it came, so
    the page can answer 304."""
    etag = '"calais-caf\xe9-1"'  # é as the one byte 0xE9
    modified = "lun., 24 oct. 2016 06:00:00 GMT \xe9t\xe9"
    asked: list[tuple[str | None, str | None]] = []

    class Page(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                send(self, 200, b"", "text/plain")
                return
            # http.server reads header bytes as Latin-1, one character per byte.
            asked.append((self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")))
            headers = {"Last-Modified": modified}
            if asked[-1] == (etag, modified):
                send(self, 304, b"", etag=etag, headers=headers)
                return
            page = render_page("Calais: live", "/live", self.server_origin, UPDATES, 1, 10)
            send(self, 200, page or b"", "text/html; charset=utf-8", etag, headers)

        @property
        def server_origin(self) -> str:
            host, port = self.server.server_address[:2]
            return f"http://{host!s}:{port}"

        def log_message(self, *args: object) -> None:
            pass

    server = LocalServer(Page)
    server.start()
    try:
        url = server.origin + "/live"
        assert crawl_local([url], db_path)[0].new == len(UPDATES)
        [again] = crawl_local([url], db_path)
    finally:
        server.stop()
    assert asked[-1] == (etag, modified)
    assert again.ok and again.not_modified == 1


def removals_logged(db: Database, url: str) -> int:
    """How many removals of one blog's updates the archive logged."""
    return int(
        db.execute(
            "SELECT count(*) FROM update_removals r JOIN updates u ON u.id = r.update_id "
            "JOIN blogs b ON b.id = u.blog_id WHERE b.url = ?",
            [url],
        ).fetchone()[0]
    )


def after_its_newest(
    sample_blog: SampleBlog,
    shown: list[SampleUpdate],
    headers: dict[str, str],
    last: list[PassResult],
) -> Passes:
    """The blog crawled before its newest post went up and after, then read showing `shown`,
    served with `headers`: that last pass's result, put in `last`."""
    sample_blog.show(UPDATES[1:])
    yield [sample_blog.url]
    sample_blog.show(UPDATES)
    yield [sample_blog.url]
    sample_blog.show(shown)
    sample_blog.headers = headers
    last.extend((yield [sample_blog.url]))


def read_after_its_newest(
    sample_blog: SampleBlog, db_path: Path, shown: list[SampleUpdate], headers: dict[str, str]
) -> PassResult:
    """after_its_newest alone in its archive."""
    last: list[PassResult] = []
    ended(crawl_together({"": after_its_newest(sample_blog, shown, headers, last)}, db_path)[""])
    [result] = last
    return result


# What the blog shows on its last pass after its newest post went up, and with what headers.
AFTER_ITS_NEWEST = {
    "taken down": (UPDATES[1:], {}),
    "dated before": (UPDATES[1:], {"Date": "Thu, 02 Nov 2023 06:00:00 GMT"}),
    "age not ascii": (UPDATES[1:], {"Age": "\xb3"}),
    "below the newest": ([UPDATES[0], *UPDATES[2:]], {}),
}


@pytest.fixture(scope="module")
def seed_copies(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, Exception | None], dict[str, PassResult]]:
    """The passes of this file's tests of old copies and removals, a copy of the seed blog
    each, in step in one archive: five crawl processes, where each family started its own
    (five, three, four and three). The archive, what each test raised, and the last pass's
    result of each of AFTER_ITS_NEWEST."""
    db = tmp_path_factory.mktemp("seed-copies") / "archive.db"
    last: dict[str, list[PassResult]] = {name: [] for name in AFTER_ITS_NEWEST}
    with contextlib.ExitStack() as blogs:

        def copy() -> SampleBlog:
            return blogs.enter_context(calais_blog())

        tests = {
            name: after_its_newest(copy(), shown, headers, last[name])
            for name, (shown, headers) in AFTER_ITS_NEWEST.items()
        }
        tests["old copy"] = _an_old_copy_lacking_most_posts(copy())
        tests["after a hold"] = _a_held_pass_then_a_mass_removal(copy())
        tests["cache's old copy"] = _a_caches_old_copy(copy(), db)
        tests["dated in the second"] = _a_copy_dated_in_the_second(copy(), db)
        raised = crawl_together(tests, db)
    return db, raised, {name: got[0] for name, got in last.items() if got}  # one unless it failed


@pytest.fixture(scope="module")
def after_their_newest(
    seed_copies: tuple[Path, dict[str, Exception | None], dict[str, PassResult]],
) -> tuple[Path, dict[str, PassResult]]:
    """read_after_its_newest for each of AFTER_ITS_NEWEST, in seed_copies' archive: the
    archive, and each last pass's result."""
    db, raised, last = seed_copies
    for name in AFTER_ITS_NEWEST:
        ended(raised[name])
    return db, last


def _a_caches_old_copy(sample_blog: SampleBlog, db_path: Path) -> Passes:
    """The passes of test_a_caches_old_copy_marks_nothing_removed."""
    older = UPDATES[1:]
    sample_blog.show(older)
    assert (yield [sample_blog.url])[0].new == len(older)
    sample_blog.show(UPDATES)
    assert (yield [sample_blog.url])[0].new == 1
    sample_blog.show(older)  # the old copy, ten minutes in the cache
    sample_blog.headers = {"Age": "600"}
    [stale] = yield [sample_blog.url]
    assert stale.ok and (stale.removed, stale.held) == (0, 1), stale
    assert "1 held (old copy)" in stale.summary()
    db = Database(db_path)
    assert db.execute(
        "SELECT error, quarantined, updates_removed FROM fetches WHERE id = ?", [stale.fetch_id]
    ).fetchone() == (None, 1, 0)
    sample_blog.show(UPDATES)
    sample_blog.headers = {}
    [fresh] = yield [sample_blog.url]
    assert fresh.ok and (fresh.removed, fresh.restored, fresh.held) == (0, 0, 0), fresh
    assert removals_logged(db, sample_blog.url) == 0
    assert db.execute(
        "SELECT count(*) FROM updates u JOIN blogs b ON b.id = u.blog_id "
        "WHERE b.url = ? AND u.removed_at IS NOT NULL",
        [sample_blog.url],
    ).fetchone() == (0,)


@pytest.mark.slow
def test_a_caches_old_copy_marks_nothing_removed(
    seed_copies: tuple[Path, dict[str, Exception | None], dict[str, PassResult]],
) -> None:
    """A CDN's edge serves the page as it was before its newest post went up, then another
    edge as it is: the newest post waits, and is neither removed nor back."""
    ended(seed_copies[1]["cache's old copy"])


@pytest.mark.slow
def test_a_newest_post_deleted_is_removed_at_once(
    after_their_newest: tuple[Path, dict[str, PassResult]],
) -> None:
    """The newest post taken down, nothing else changed, in a page the site answers itself
    (no "Age", its "Date" now): no cache's copy, and the pass removes it."""
    db_path, results = after_their_newest
    gone = results["taken down"]
    assert gone.ok and (gone.removed, gone.held) == (1, 0), gone
    db = Database(db_path)
    assert db.execute(
        "SELECT u.source_id FROM updates u JOIN blogs b ON b.id = u.blog_id "
        "WHERE b.url = ? AND u.removed_at IS NOT NULL",
        [gone.url],
    ).fetchall() == [(UPDATES[0].id,)]


@pytest.mark.slow
def test_a_copy_dated_before_its_missing_post_was_seen_is_an_old_copy(
    after_their_newest: tuple[Path, dict[str, PassResult]],
) -> None:
    """A cache that keeps the site's "Date" and adds no "Age": the copy's date, before the
    archive first saw the post it lacks, says it is an old one; the post waits."""
    held = after_their_newest[1]["dated before"]
    assert held.ok and (held.removed, held.held) == (0, 1), held


def _a_copy_dated_in_the_second(sample_blog: SampleBlog, db_path: Path) -> Passes:
    """The passes of test_a_copy_dated_in_the_second_its_missing_post_was_seen_is_the_sites."""
    sample_blog.show(UPDATES[1:])
    yield [sample_blog.url]
    sample_blog.show(UPDATES)
    yield [sample_blog.url]
    db = Database(db_path)
    [(seen,)] = db.execute(
        "SELECT u.first_seen_at FROM updates u JOIN blogs b ON b.id = u.blog_id "
        "WHERE b.url = ? AND u.source_id = ?",
        [sample_blog.url, UPDATES[0].id],
    ).fetchall()
    db.close()
    first_read = parse_utc(seen)
    assert first_read is not None and first_read.microsecond, seen
    sample_blog.show(UPDATES[1:])
    sample_blog.headers = {"Date": formatdate(first_read.timestamp() // 1, usegmt=True)}
    [gone] = yield [sample_blog.url]
    assert gone.ok and (gone.removed, gone.held) == (1, 0), gone


@pytest.mark.slow
def test_a_copy_dated_in_the_second_its_missing_post_was_seen_is_the_sites(
    seed_copies: tuple[Path, dict[str, Exception | None], dict[str, PassResult]],
) -> None:
    """A "Date" says the second, not the instant: a page the site made in the very second the
    archive first read the post it lacks (passes a moment apart) may have been made after that
    reading, and its newest post, taken down, is removed at once."""
    ended(seed_copies[1]["dated in the second"])


@pytest.mark.slow
def test_a_reparse_that_reads_a_held_pass_as_the_sites_answer_logs_no_hold(
    sample_blog: SampleBlog, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pass held as an old copy when crawled, read again by a version whose rule finds no
    cache's copy in it (as a Date in the second of the reading is no longer one): the replay
    removes the post, and the fetch log no longer says the pass held it."""
    held = read_after_its_newest(sample_blog, db_path, UPDATES[1:], {"Age": "600"})
    assert (held.removed, held.held) == (0, 1), held
    monkeypatch.setattr(store, "_old_copy", lambda *args: False)
    result = CliRunner().invoke(cli, ["reparse", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    db = Database(db_path)
    assert db.execute(
        "SELECT quarantined, updates_removed FROM fetches WHERE id = ?", [held.fetch_id]
    ).fetchone() == (0, 1)
    assert db.execute("SELECT count(*) FROM quarantined_removals").fetchone() == (0,)


@pytest.mark.slow
def test_an_age_of_no_ascii_digits_is_no_age(
    after_their_newest: tuple[Path, dict[str, PassResult]],
) -> None:
    """An "Age" whose bytes read as digits of another script (Latin-1's "³" from a 0xB3 byte)
    is no delta-seconds (RFC 9111 1.2.2): the page is the site's answer, and the newest post
    it lacks is removed, where reading it as a number broke the pass's writing."""
    gone = after_their_newest[1]["age not ascii"]
    assert gone.ok and (gone.removed, gone.held) == (1, 0), gone


@pytest.mark.slow
def test_a_post_taken_down_below_the_newest_is_removed_at_once(
    after_their_newest: tuple[Path, dict[str, PassResult]],
) -> None:
    """Not the newest post: no old copy lacks it, and its removal is recorded by the pass."""
    gone = after_their_newest[1]["below the newest"]
    assert gone.ok and (gone.removed, gone.held) == (1, 0), gone


def holds_and_removals(db_path: Path) -> list[list[tuple[object, ...]]]:
    db = Database(db_path)
    try:
        return [
            list(db.execute(sql).fetchall())
            for sql in (
                "SELECT blog_id, error, quarantined, updates_removed FROM fetches ORDER BY id",
                "SELECT fetch_id, update_id FROM quarantined_removals ORDER BY 1, 2",
                "SELECT update_id, removed_at, restored_at FROM update_removals ORDER BY 1, 2",
                "SELECT source_id, removed_at FROM updates ORDER BY id",
            )
        ]
    finally:
        db.close()


@pytest.mark.slow
def test_the_newest_two_posts_deleted_then_one_added_are_removed_beside_another_blog(
    sample_blog: SampleBlog, db_path: Path
) -> None:
    """Two blogs in one crawl: the newest two posts of one taken down read as an old copy once,
    and the next pass, with a post added, removes them; `liveblog reparse` holds and removes
    the same."""
    with SampleBlog(ELECTION, title="Election", path="/election") as other:
        urls = [sample_blog.url, other.url]

        def crawl_both() -> PassResult:
            results = crawl_local(urls, db_path)
            assert all(r.ok for r in results), results
            [mine] = [r for r in results if r.url == sample_blog.url]
            [theirs] = [r for r in results if r.url == other.url]
            assert (theirs.removed, theirs.held) == (0, 0), theirs
            return mine

        sample_blog.show(UPDATES[3:])
        crawl_both()
        sample_blog.show(UPDATES[1:])
        assert crawl_both().new == 2
        sample_blog.show(UPDATES[3:])
        sample_blog.headers = {"Age": "600"}
        held = crawl_both()
        assert (held.removed, held.held) == (0, 2), held
        sample_blog.show([UPDATES[0], *UPDATES[3:]])
        sample_blog.headers = {}
        gone = crawl_both()
        assert (gone.new, gone.removed, gone.held) == (1, 2, 0), gone
    before = holds_and_removals(db_path)
    assert sorted(s for s, r in before[3] if r) == sorted(u.id for u in UPDATES[1:3])
    state = archive_state(db_path)
    result = CliRunner().invoke(cli, ["reparse", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert holds_and_removals(db_path) == before
    assert archive_state(db_path) == state


def _an_old_copy_lacking_most_posts(sample_blog: SampleBlog) -> Passes:
    """The passes of test_an_old_copy_lacking_most_posts_is_a_mass_removal."""
    sample_blog.show(UPDATES[4:])
    yield [sample_blog.url]
    sample_blog.show(UPDATES[3:])
    yield [sample_blog.url]
    sample_blog.show(UPDATES)
    yield [sample_blog.url]
    sample_blog.show(UPDATES[4:])
    [mass] = yield [sample_blog.url]
    assert not mass.ok and (mass.removed, mass.quarantined, mass.held) == (0, 4, 0), mass
    [again] = yield [sample_blog.url]
    assert again.ok and again.removed == 4, again


def _a_held_pass_then_a_mass_removal(sample_blog: SampleBlog) -> Passes:
    """The passes of test_a_held_pass_then_a_mass_removal_fails."""
    sample_blog.show(UPDATES[4:])
    yield [sample_blog.url]
    sample_blog.show(UPDATES[1:])
    yield [sample_blog.url]
    sample_blog.show(UPDATES)
    yield [sample_blog.url]
    sample_blog.show(UPDATES[1:])
    sample_blog.headers = {"Age": "600"}
    [held] = yield [sample_blog.url]
    assert (held.removed, held.held) == (0, 1), held
    sample_blog.show(UPDATES[4:])
    [mass] = yield [sample_blog.url]
    assert not mass.ok and (mass.removed, mass.quarantined, mass.held) == (0, 4, 0), mass


@pytest.fixture(scope="module")
def mass_removals(
    seed_copies: tuple[Path, dict[str, Exception | None], dict[str, PassResult]],
) -> dict[str, Exception | None]:
    """The two mass removals' passes, in seed_copies' archive: what each raised."""
    return seed_copies[1]


@pytest.mark.slow
def test_an_old_copy_lacking_most_posts_is_a_mass_removal(
    mass_removals: dict[str, Exception | None],
) -> None:
    """A page that lacks more than half the blog's posts, the newest, fails the pass as any
    mass removal does, however like an old copy it looks: only the next pass that finds the
    same posts gone removes them."""
    ended(mass_removals["old copy"])


@pytest.mark.slow
def test_a_held_pass_then_a_mass_removal_fails(mass_removals: dict[str, Exception | None]) -> None:
    """An old copy lacking the newest post, then a page lacking the newest four of five: the
    second is quarantined, not held as an old copy's."""
    ended(mass_removals["after a hold"])
