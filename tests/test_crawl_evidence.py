"""Removals only on evidence, and twins kept apart, through real crawls: Scrapy in its own
process against a blog served on 127.0.0.1 that misbehaves the way real servers do."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from crawler.cli import cli
from crawler.sample.site import LocalServer, Para, SampleUpdate, render_page, send
from tests.helpers import LOCAL_ARGS, Passes, crawl_local, crawl_together, ended

pytestmark = pytest.mark.slow  # crawl processes

PATH = "/news/2024-05-01/election-live"
OTHER_PATH = "/news/2024-05-01/transfer-deadline-live"
TITLE = "Election night: live updates"
OTHER_TITLE = "Transfer deadline day: live"  # the transfer window's live blog


def post(n: int, headline: str | None = None, body: str | None = None) -> SampleUpdate:
    """Update n of the blog, published n minutes after 13:00 BST (higher n is newer)."""
    return SampleUpdate(
        id=f"post-{n}",
        headline=headline or f"Count {n} declared",
        published=f"2024-05-01T13:{n:02d}:00+01:00",
        blocks=[Para(body or f"The returning officer read out result number {n} to the hall.")],
    )


class Site:
    """The blog's pages as the test sets them; `ignore_page` plays a CDN that drops `?page=`."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}
        self.redirects: dict[str, str] = {}  # a target: the path its 301 leads to
        self.ignore_page = False
        self.asked: list[str] = []  # every path and query requested, in order
        self._lock = threading.Lock()
        self._server = LocalServer(self._handler())

    @property
    def url(self) -> str:
        return self.origin + PATH

    def show(
        self,
        updates: list[SampleUpdate],
        *,
        page_size: int = 3,
        title: str = TITLE,
        story: str = PATH,
        idless: bool = False,
        at: str = PATH,
        canonical: str | None = None,
    ) -> None:
        """Serve `updates` (newest first) at `at` (the blog's address), as the pages of
        `story` (naming `canonical` as theirs, if given); what other addresses serve stays."""
        pages: dict[str, bytes] = {}
        number = 1
        while True:
            body = render_page(
                title, story, self.origin, updates, number, page_size, canonical=canonical
            )
            if body is None:
                break
            if idless:
                body = _without_ids(body)
            pages[at if number == 1 else f"{at}?page={number}"] = body
            number += 1
        with self._lock:
            kept = {k: v for k, v in self.pages.items() if urlsplit(k).path != at}
            self.pages = kept | pages

    def move(self, target: str, to: str, names: str | None = None) -> None:
        """Serve what `target` served at `to` instead, naming `names` (`to` itself, unless
        given) as its canonical address, and redirect `target` there (301)."""
        with self._lock:
            body = self.pages.pop(target)
            old = f'<link rel="canonical" href="{self.origin}{target}">'
            new = f'<link rel="canonical" href="{self.origin}{names or to}">'
            self.pages[to] = body.replace(old.encode(), new.encode())
            self.redirects[target] = to

    @property
    def origin(self) -> str:
        return self._server.origin

    def page(self, target: str) -> bytes | None:
        with self._lock:
            if self.ignore_page:
                target = urlsplit(target).path
            return self.pages.get(target)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with site._lock:
                    site.asked.append(self.path)
                moved = site.redirects.get(self.path)
                if moved is not None:
                    send(self, 301, b"", headers={"Location": moved})
                    return
                body = site.page(self.path)
                if body is None:
                    send(self, 404, b"not found", "text/plain")
                else:
                    send(self, 200, body, "text/html; charset=utf-8")

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def __enter__(self) -> Site:
        self._server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop()


def _without_ids(body: bytes) -> bytes:
    """The page with no publisher id on any update: no element ids, no JSON-LD urls."""
    text = re.sub(r' (?:id|data-update-id)="post-\d+"', "", body.decode())
    text = re.sub(r'"url": "[^"]*#post-\d+",?\n', "", text)
    return text.encode()


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as served:
        yield served


def in_step(
    factory: pytest.TempPathFactory,
    passes: Callable[..., Passes],
    cases: list[Any],
    *,
    reparse: bool = False,
) -> dict[str, Exception | None]:
    """The passes of a test's cases, each over a site of its own, in step in one archive (one
    crawl process a round for all), then `liveblog reparse` of it where `reparse`: what each
    case raised, by its first parameter."""
    db = factory.mktemp("in-step") / "archive.db"
    with contextlib.ExitStack() as sites:
        tests = {}
        for case in cases:
            args = case if isinstance(case, tuple) else (case,)
            tests[str(args[0])] = passes(sites.enter_context(Site()), db, *args)

        def replay() -> Any:
            return CliRunner().invoke(cli, ["reparse", "--db", str(db)])

        return crawl_together(tests, db, replay if reparse else None)


def live(db_path: Path) -> list[str]:
    """Headlines of the updates not marked removed, newest first."""
    db = Database(db_path)
    try:
        return [
            r[0]
            for r in db.execute(
                "select headline from updates where removed_at is null order by published_at desc"
            )
        ]
    finally:
        db.close()


# The tests below whose passes each poll one blog of their own, to ask only of it what it
# archived, run side by side: their passes in step in one archive, one crawl process a round
# for all of them (crawl_together), then one `liveblog reparse` of it for those that ask for
# one. Each still fails alone. Those that count what the whole archive holds keep their own.
SIDE_BY_SIDE: dict[str, Callable[[Site, Path], Passes]] = {}


def side_by_side_passes(passes: Callable[[Site, Path], Passes]) -> Callable[[Site, Path], Passes]:
    SIDE_BY_SIDE[passes.__name__] = passes
    return passes


@pytest.fixture(scope="module")
def side_by_side(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Exception | None]:
    def passes(site: Site, db_path: Path, name: str) -> Passes:
        return SIDE_BY_SIDE[name](site, db_path)

    return in_step(tmp_path_factory, passes, list(SIDE_BY_SIDE), reparse=True)


def removed(db_path: Path, url: str) -> int:
    """How many of one blog's updates are marked removed."""
    db = Database(db_path)
    try:
        return int(
            db.execute(
                "select count(*) from updates u join blogs b on b.id = u.blog_id "
                "where b.url = ? and u.removed_at is not null",
                [url],
            ).fetchone()[0]
        )
    finally:
        db.close()


@side_by_side_passes
def _a_page_two_answered_with_page_one_removes_nothing(site: Site, db_path: Path) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    six = [post(n) for n in range(6, 0, -1)]
    site.show(six)
    [first] = yield [site.url]
    assert first.ok and (first.pages, first.new) == (2, 6)

    site.show([post(7), *six])
    site.ignore_page = True
    [second] = yield [site.url]
    assert second.ok, second.error
    assert (second.new, second.removed) == (1, 0)
    assert len(standing(db_path, site.url)) == 7
    db = Database(db_path)
    complete, refused = db.execute(
        "select f.complete, p.refused from fetches f join fetch_pages p on p.fetch_id = f.id "
        "where f.id = ? and p.seq = 2",
        [second.fetch_id],
    ).fetchone()
    assert complete == 0 and refused == "repeats an earlier page of this pass"


def test_a_page_two_answered_with_page_one_removes_nothing(
    side_by_side: dict[str, Exception | None],
) -> None:
    ended(side_by_side[_a_page_two_answered_with_page_one_removes_nothing.__name__])


def test_a_page_showing_one_of_five_is_quarantined_then_confirmed(
    site: Site, db_path: Path
) -> None:
    five = [post(n) for n in range(5, 0, -1)]
    site.show(five, page_size=10)
    assert crawl_local([site.url], db_path)[0].new == 5

    site.show(five[:1], page_size=10)
    runner = CliRunner()
    held = runner.invoke(cli, ["crawl", site.url, "--db", str(db_path), *LOCAL_ARGS])
    assert held.exit_code == 1, held.output
    assert held.output.startswith(f"FAIL  {site.url}: quarantined: 4 of the blog's 5 standing")
    assert "Traceback" not in held.output
    assert len(live(db_path)) == 5
    db = Database(db_path)
    assert db.execute(
        "select quarantined, updates_removed from fetches order by id"
    ).fetchall() == [
        (0, 0),
        (1, 0),
    ]
    db.close()

    confirmed = runner.invoke(cli, ["crawl", site.url, "--db", str(db_path), *LOCAL_ARGS])
    assert confirmed.exit_code == 0, confirmed.output
    assert "4 removed" in confirmed.output
    assert live(db_path) == [five[0].headline]


@side_by_side_passes
def _a_blip_to_one_of_five_that_recovers_removes_nothing(site: Site, db_path: Path) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    five = [post(n) for n in range(5, 0, -1)]
    site.show(five, page_size=10)
    (yield [site.url])
    site.show(five[:1], page_size=10)
    assert (yield [site.url])[0].quarantined == 4
    site.show(five, page_size=10)
    [back] = yield [site.url]
    assert back.ok and back.removed == 0
    assert removed(db_path, site.url) == 0


def test_a_blip_to_one_of_five_that_recovers_removes_nothing(
    side_by_side: dict[str, Exception | None],
) -> None:
    ended(side_by_side[_a_blip_to_one_of_five_that_recovers_removes_nothing.__name__])


@side_by_side_passes
def _an_unrelated_story_at_the_blogs_address_is_not_taken(site: Site, db_path: Path) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    five = [post(n) for n in range(5, 0, -1)]
    site.show(five, page_size=10)
    (yield [site.url])

    strangers = [post(n, f"Striker {n} signs") for n in range(9, 6, -1)]
    site.show(strangers, page_size=10, title=OTHER_TITLE, story=OTHER_PATH)
    [result] = yield [site.url]
    assert not result.ok and result.error
    db = Database(db_path)
    headlines = [
        r[0]
        for r in db.execute(
            "select u.headline from updates u join blogs b on b.id = u.blog_id where b.url = ?",
            [site.url],
        )
    ]
    assert not [h for h in headlines if h.startswith("Striker")]
    assert removed(db_path, site.url) == 0
    assert db.execute("select title from blogs where url = ?", [site.url]).fetchone() == (TITLE,)


def test_an_unrelated_story_at_the_blogs_address_is_not_taken(
    side_by_side: dict[str, Exception | None],
) -> None:
    ended(side_by_side[_an_unrelated_story_at_the_blogs_address_is_not_taken.__name__])


GOAL = "Result declared"
FIRST = "The first recount confirms the sitting member by forty-one votes."
SECOND = "A second recount is ordered after a bundle of ballots is found under a table."


TWINS = [True, False]


def _same_headline_twins_without_ids_are_both_kept(
    site: Site, db_path: Path, newer_on_top: bool
) -> Passes:
    """The passes of one case of the test below: its body as it was, run by crawl_together."""
    older, newer = post(1, GOAL, FIRST), post(1, GOAL, SECOND)
    site.show([older], idless=True)
    [first] = yield [site.url]
    assert first.ok and first.new == 1

    site.show([newer, older] if newer_on_top else [older, newer], idless=True)
    [second] = yield [site.url]
    assert second.ok, second.error
    assert (second.new, second.changed, second.unchanged, second.removed) == (1, 0, 1, 0)
    db = Database(db_path)
    rows = db.execute(
        "select u.source_id, u.body_text, u.version from updates u join blogs b on b.id = "
        "u.blog_id where b.url = ? order by u.id",
        [site.url],
    ).fetchall()
    assert rows == [(None, FIRST, 1), (None, SECOND, 1)]


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Exception | None]:
    return in_step(tmp_path_factory, _same_headline_twins_without_ids_are_both_kept, TWINS)


@pytest.mark.parametrize("newer_on_top", TWINS)
def test_same_headline_twins_without_ids_are_both_kept(
    twins: dict[str, Exception | None], newer_on_top: bool
) -> None:
    """Two id-less posts with one headline and one minute: the one seen later is new, never an
    edit of the other, whether the page lists it above or below."""
    ended(twins[str(newer_on_top)])


def test_reparse_of_a_crawled_archive_keeps_every_update_id(site: Site, db_path: Path) -> None:
    """Twins, an edit, a removal and pages that slide, beside another blog: reparse reproduces
    every row under its id."""
    a, b, c = post(1, GOAL, FIRST), post(1, GOAL, SECOND), post(2)
    site.show([c, b, a], page_size=2, idless=True)
    with Site() as neighbour:
        neighbour.show([post(n) for n in range(3, 0, -1)])
        results = crawl_local([site.url, neighbour.url], db_path)
    assert [r.new for r in results] == [3, 3]
    edited = post(2, body="The returning officer read out result number 2, then a correction.")
    site.show([post(4), post(3), edited, b], page_size=2, idless=True)
    [second] = crawl_local([site.url], db_path)
    assert second.ok and (second.new, second.changed, second.removed) == (2, 1, 1)
    columns = "id, key, headline, body_text, version, removed_at, first_seen_at, content_hash"
    db = Database(db_path)
    before = db.execute(f"select {columns} from updates order by id").fetchall()
    versions = db.execute("select * from update_versions order by update_id, version").fetchall()
    db.close()

    result = CliRunner().invoke(cli, ["reparse", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    db = Database(db_path)
    assert db.execute(f"select {columns} from updates order by id").fetchall() == before
    assert (
        db.execute("select * from update_versions order by update_id, version").fetchall()
        == versions
    )


def stranger(n: int) -> SampleUpdate:
    """Update n of another live blog of the site, the transfer window's."""
    return SampleUpdate(
        id=f"transfer-{n}",
        headline=f"Striker {n} signs",
        published=f"2024-05-01T14:{n:02d}:00+01:00",
        blocks=[Para(f"The club confirms signing number {n} of the window.")],
    )


def transfer_blog(site: Site, posts: int) -> None:
    """Serve the transfer window's live blog, `posts` posts under its own title, at OTHER_PATH."""
    site.show(
        [stranger(n) for n in range(posts, 0, -1)],
        at=OTHER_PATH,
        story=OTHER_PATH,
        title=OTHER_TITLE,
    )


def stand_in(site: Site, other: str, how: str) -> None:
    """Page 2's address `redirected` to the page at `other`, or serving that page's bytes."""
    if how == "redirected":
        site.redirects[f"{PATH}?page=2"] = other
    else:
        with site._lock:
            site.pages[f"{PATH}?page=2"] = site.pages[other]


def show_older_titled(site: Site, updates: list[SampleUpdate], first: str, older: str) -> None:
    """Serve the blog titled `first`, its pages 2 and 3 titled `older` instead, moved to dated
    addresses (`/2024/05/01/election-live/2/`) that say nothing of the blog."""
    site.show(updates, title=first)
    for n in (2, 3):
        target = f"{PATH}?page={n}"
        with site._lock:
            site.pages[target] = site.pages[target].replace(first.encode(), older.encode())
        site.move(target, f"/2024/05/01/election-live/{n}/")


def standing(db_path: Path, url: str) -> list[str]:
    """Headlines of one blog's updates not marked removed, newest first."""
    db = Database(db_path)
    try:
        return [
            r[0]
            for r in db.execute(
                "select u.headline from updates u join blogs b on b.id = u.blog_id "
                "where b.url = ? and u.removed_at is null order by u.published_at desc",
                [url],
            )
        ]
    finally:
        db.close()


def refused(db_path: Path, fetch_id: int) -> list[str | None]:
    """Why each page of a pass did not count (None: it did)."""
    db = Database(db_path)
    try:
        return [
            r[0]
            for r in db.execute(
                "select refused from fetch_pages where fetch_id = ? order by seq", [fetch_id]
            )
        ]
    finally:
        db.close()


@pytest.mark.parametrize("archived", [True, False], ids=["archived", "unknown"])
def test_an_older_page_redirected_to_another_live_blog_is_not_the_blogs(
    site: Site, db_path: Path, archived: bool
) -> None:
    """Page 2's address now redirects to the transfer blog's first page, which names itself:
    its posts are not filed as the election's, the pass says why it stopped there, and the
    election's own posts of page 2 are never judged removed. Whether the transfer blog is in
    the archive or not, and on the blog's first pass too."""
    six = [post(n) for n in range(6, 0, -1)]
    site.show(six)
    transfer_blog(site, 3)
    other = site.origin + OTHER_PATH
    if archived:
        assert crawl_local([other], db_path)[0].new == 3
    [first] = crawl_local([site.url], db_path)
    assert first.ok and (first.pages, first.new) == (2, 6)

    site.show([post(7), *six])
    site.redirects[f"{PATH}?page=2"] = OTHER_PATH
    for _ in range(2):  # the next pass neither confirms a removal nor takes the strangers
        [later] = crawl_local([site.url], db_path)
        assert later.ok, later.error
        assert later.removed == 0
        assert later.incomplete_reason == "another story's page"
        assert f"{site.url}?page=2 redirected to another story: {other}" in later.summary()
        assert refused(db_path, later.fetch_id)[1] == (
            f"{site.url}?page=2 redirected to another story: {other}"
        )
    assert standing(db_path, site.url) == [p.headline for p in [post(7), *six]]
    # reparse replays the pass alike: the page is refused, and why, and nothing is removed.
    replayed = CliRunner().invoke(cli, ["reparse", "--db", str(db_path)])
    assert replayed.exit_code == 0, replayed.output
    assert refused(db_path, later.fetch_id)[1:] == [
        f"{site.url}?page=2 redirected to another story: {other}"
    ]
    assert standing(db_path, site.url) == [p.headline for p in [post(7), *six]]
    assert standing(db_path, other) == (
        [f"Striker {n} signs" for n in (3, 2, 1)] if archived else []
    )


@side_by_side_passes
def _an_older_page_unknown_on_the_blogs_first_pass_that_redirects_away_is_not_taken(
    site: Site, db_path: Path
) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    site.show([post(n) for n in range(6, 0, -1)])
    transfer_blog(site, 3)
    site.redirects[f"{PATH}?page=2"] = OTHER_PATH
    [first] = yield [site.url]
    assert first.ok and first.new == 3
    assert first.incomplete_reason == "another story's page"
    assert standing(db_path, site.url) == [post(n).headline for n in (6, 5, 4)]


def test_an_older_page_unknown_on_the_blogs_first_pass_that_redirects_away_is_not_taken(
    side_by_side: dict[str, Exception | None],
) -> None:
    """The first pass knows no post yet: page 2 redirected to another story shares none with
    the blog, and its address is no page of the blog's."""
    ended(
        side_by_side[
            _an_older_page_unknown_on_the_blogs_first_pass_that_redirects_away_is_not_taken.__name__
        ]
    )


@side_by_side_passes
def _an_older_page_standing_in_for_another_story_is_not_taken(site: Site, db_path: Path) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    six = [post(n) for n in range(6, 0, -1)]
    site.show(six)
    assert (yield [site.url])[0].new == 6
    transfer_blog(site, 3)
    with site._lock:
        site.pages[f"{PATH}?page=2"] = site.pages[OTHER_PATH]
    for _ in range(2):
        [later] = yield [site.url]
        assert later.ok and later.removed == 0
        assert later.incomplete_reason == "another story's page"
        assert refused(db_path, later.fetch_id)[1] == f"another story: {site.origin}{OTHER_PATH}"
    assert standing(db_path, site.url) == [p.headline for p in six]


def test_an_older_page_standing_in_for_another_story_is_not_taken(
    side_by_side: dict[str, Exception | None],
) -> None:
    """Page 2's address serves the transfer blog's page, which names that blog as its story."""
    ended(side_by_side[_an_older_page_standing_in_for_another_story_is_not_taken.__name__])


STAND_INS = ["redirected", "standing in"]


def _the_pagination_of_another_story_reached_from_an_older_page_is_not_followed(
    site: Site, db_path: Path, how: str
) -> Passes:
    """The passes of one case of the test below: its body as it was, run by crawl_together."""
    site.show([post(n) for n in range(6, 0, -1)])
    transfer_blog(site, 12)
    stand_in(site, OTHER_PATH, how)
    [first] = yield [site.url]
    assert first.ok, first.error
    assert (first.new, first.incomplete_reason) == (3, "another story's page")
    assert f"{PATH}?page=2" in site.asked
    assert [a for a in site.asked if a.startswith(OTHER_PATH)] == (
        [OTHER_PATH] if how == "redirected" else []
    )
    assert standing(db_path, site.url) == [post(n).headline for n in (6, 5, 4)]


@pytest.fixture(scope="module")
def another_storys_pagination(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Exception | None]:
    return in_step(
        tmp_path_factory,
        _the_pagination_of_another_story_reached_from_an_older_page_is_not_followed,
        STAND_INS,
    )


@pytest.mark.parametrize("how", STAND_INS)
def test_the_pagination_of_another_story_reached_from_an_older_page_is_not_followed(
    another_storys_pagination: dict[str, Exception | None], how: str
) -> None:
    """Page 2 redirects to the transfer blog, or serves its page, which names that blog: the
    pass followed the transfer blog's own pages to the page limit, requests to the publisher
    that could never count. It stops at the page that names another story."""
    ended(another_storys_pagination[str(how)])


MOVES = [("{path}/page/{n}/", False), ("/archive/2024/election-p{n}", True)]


def _older_pages_whose_address_moved_are_still_the_blogs(
    site: Site, db_path: Path, moved: str, names_blog: bool
) -> Passes:
    """The passes of one case of the test below: its body as it was, run by crawl_together."""
    nine = [post(n) for n in range(9, 0, -1)]

    def serve(updates: list[SampleUpdate]) -> None:
        site.show(updates, canonical=site.url if names_blog else None)
        for n in (2, 3):
            to = moved.format(path=PATH, n=n)
            site.move(f"{PATH}?page={n}", to, names=PATH if names_blog else None)

    serve(nine)
    [first] = yield [site.url]
    assert first.ok and (first.pages, first.new, first.incomplete_reason) == (3, 9, None)
    serve([p for p in nine if p.id != "post-2"])
    [second] = yield [site.url]
    assert second.ok, second.error
    assert (second.removed, second.incomplete_reason) == (1, None)
    assert refused(db_path, second.fetch_id) == [None, None, None]
    assert post(2).headline not in standing(db_path, site.url)


@pytest.fixture(scope="module")
def moved_addresses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Exception | None]:
    return in_step(tmp_path_factory, _older_pages_whose_address_moved_are_still_the_blogs, MOVES)


@pytest.mark.parametrize(
    ("moved", "names_blog"),
    MOVES,
    ids=["below-the-blog", "canonical-is-the-blog"],
)
def test_older_pages_whose_address_moved_are_still_the_blogs(
    moved_addresses: dict[str, Exception | None], moved: str, names_blog: bool
) -> None:
    """`?page=2` now redirects to `/page/2/`, which names itself; or to an address of the
    site's archive whose canonical is the blog itself: still the blog's pages, read to the
    end, and a post deleted on the last of them is removed."""
    ended(moved_addresses[str(moved)])


@side_by_side_passes
def _a_renamed_blog_whose_older_pages_redirect_to_its_new_address_is_the_blogs(
    site: Site, db_path: Path
) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    nine = [post(n) for n in range(9, 0, -1)]
    site.show(nine)
    assert (yield [site.url])[0].new == 9
    renamed = PATH + "-retitled"
    site.show([post(10), *[p for p in nine if p.id != "post-1"]], at=renamed, story=renamed)
    with site._lock:
        for key, body in list(site.pages.items()):
            if key.startswith(renamed):
                stale = body.replace(
                    f'href="{renamed}?page='.encode(), f'href="{PATH}?page='.encode()
                )
                site.pages[key] = stale
            else:
                del site.pages[key]
        site.redirects = {PATH: renamed} | {
            f"{PATH}?page={n}": f"{renamed}?page={n}" for n in (2, 3)
        }
    [second] = yield [site.url]
    assert second.ok, second.error
    assert (second.new, second.removed, second.incomplete_reason) == (1, 1, None)
    assert standing(db_path, site.url)[0] == post(10).headline
    assert post(1).headline not in standing(db_path, site.url)


def test_a_renamed_blog_whose_older_pages_redirect_to_its_new_address_is_the_blogs(
    side_by_side: dict[str, Exception | None],
) -> None:
    """The blog's slug was retitled: its old addresses, first page and older ones alike,
    redirect to the new ones, where the pages name themselves; links on them still lead to
    the old addresses. Still the blog, read to the end."""
    ended(
        side_by_side[
            _a_renamed_blog_whose_older_pages_redirect_to_its_new_address_is_the_blogs.__name__
        ]
    )


def names(site: Site, target: str, story: str) -> None:
    """Page `target` names `story`, a path of the site, as its canonical address."""
    with site._lock:
        body = re.sub(
            r'<link rel="canonical" href="[^"]*">',
            f'<link rel="canonical" href="{site.origin}{story}">',
            site.pages[target].decode(),
        )
        site.pages[target] = body.encode()


OWN_ADDRESSES = ["names its pretty address", "redirected to a tagged address"]


def _an_older_page_naming_another_address_of_itself_is_the_blogs(
    site: Site, db_path: Path, how: str
) -> Passes:
    """The passes of one case of the test below: its body as it was, run by crawl_together."""
    six = [post(n) for n in range(6, 0, -1)]
    site.show(six)
    if how == "names its pretty address":
        names(site, f"{PATH}?page=2", f"{PATH}/page/2/")
    else:
        site.move(f"{PATH}?page=2", f"{PATH}?page=2&utm_source=pager", names=f"{PATH}?page=2")
    for _ in range(2):
        [result] = yield [site.url]
        assert result.ok, result.error
        assert (result.pages, result.incomplete_reason) == (2, None)
        assert refused(db_path, result.fetch_id) == [None, None]
        assert standing(db_path, site.url) == [p.headline for p in six]
    replayed = yield None
    assert replayed.exit_code == 0, replayed.output
    assert refused(db_path, result.fetch_id) == [None, None]
    assert standing(db_path, site.url) == [p.headline for p in six]


@pytest.fixture(scope="module")
def own_other_addresses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Exception | None]:
    return in_step(
        tmp_path_factory,
        _an_older_page_naming_another_address_of_itself_is_the_blogs,
        OWN_ADDRESSES,
        reparse=True,
    )


@pytest.mark.parametrize("how", OWN_ADDRESSES)
def test_an_older_page_naming_another_address_of_itself_is_the_blogs(
    own_other_addresses: dict[str, Exception | None], how: str
) -> None:
    """Page 2, asked for at `?page=2`, names `/page/2/` as its canonical address; or it
    redirects to `?page=2&utm_source=pager` and names `?page=2`: a page of the blog under
    another spelling, whose posts the archive does not know yet on the first pass, nor ever
    while they stay on page 2 of a blog that ended. Read on every pass, and by reparse."""
    ended(own_other_addresses[str(how)])


NO_STORIES = ["/", "/news/"]


def _an_older_page_naming_the_sites_home_page_or_a_section_is_the_blogs(
    site: Site, db_path: Path, story: str
) -> Passes:
    """The passes of one case of the test below: its body as it was, run by crawl_together."""
    nine = [post(n) for n in range(9, 0, -1)]
    site.show(nine)
    for n in (2, 3):
        names(site, f"{PATH}?page={n}", story)
    for _ in range(2):
        [result] = yield [site.url]
        assert result.ok, result.error
        assert (result.pages, result.incomplete_reason) == (3, None)
        assert refused(db_path, result.fetch_id) == [None, None, None]
        assert standing(db_path, site.url) == [p.headline for p in nine]
    replayed = yield None
    assert replayed.exit_code == 0, replayed.output
    assert refused(db_path, result.fetch_id) == [None, None, None]


@pytest.fixture(scope="module")
def home_or_section(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Exception | None]:
    return in_step(
        tmp_path_factory,
        _an_older_page_naming_the_sites_home_page_or_a_section_is_the_blogs,
        NO_STORIES,
        reparse=True,
    )


@pytest.mark.parametrize("story", NO_STORIES, ids=["home page", "section"])
def test_an_older_page_naming_the_sites_home_page_or_a_section_is_the_blogs(
    home_or_section: dict[str, Exception | None], story: str
) -> None:
    """Pages 2 and 3 name the site's home page, or the section the blog stands in, as their
    canonical address, as a template may on pages it does not want indexed: no story of its
    own, so the blog's pages still, read to the end by the spider and taken by the archive."""
    ended(home_or_section[str(story)])


def retitle(site: Site, target: str, title: str) -> None:
    """Page `target` shows `title` where it showed the blog's (its `<title>`, headline, JSON-LD)."""
    with site._lock:
        site.pages[target] = site.pages[target].replace(TITLE.encode(), title.encode())


SHAPES = ["redirected to a dated address", "named by an id of its own"]


def _older_pages_of_the_blogs_title_at_addresses_of_another_shape_are_the_blogs(
    site: Site, db_path: Path, how: str
) -> Passes:
    """The passes of one case of the test below: its body as it was, run by crawl_together."""
    nine = [post(n) for n in range(9, 0, -1)]

    def serve(updates: list[SampleUpdate]) -> None:
        site.show(updates)
        for n in (2, 3):
            target = f"{PATH}?page={n}"
            if how == "redirected to a dated address":
                site.move(target, f"/2024/05/01/election-live/{n}/")
            else:
                names(site, target, f"/articles/c8812x{n}")
                retitle(site, target, f"{TITLE} – Page {n} of 3")

    serve(nine)
    [first] = yield [site.url]
    assert first.ok, first.error
    assert (first.pages, first.new, first.incomplete_reason) == (3, 9, None)
    assert refused(db_path, first.fetch_id) == [None, None, None]
    serve([p for p in nine if p.id != "post-2"])
    [second] = yield [site.url]
    assert second.ok, second.error
    assert (second.pages, second.removed, second.incomplete_reason) == (3, 1, None)
    assert refused(db_path, second.fetch_id) == [None, None, None]
    eight = [p.headline for p in nine if p.id != "post-2"]
    assert standing(db_path, site.url) == eight
    assert site.asked.count(f"{PATH}?page=3") == 2  # the spider read on, each pass
    replayed = yield None
    assert replayed.exit_code == 0, replayed.output
    assert refused(db_path, first.fetch_id) == refused(db_path, second.fetch_id) == [None] * 3
    assert standing(db_path, site.url) == eight
    db = Database(db_path)
    try:
        assert db.execute(
            "select f.complete from fetches f join blogs b on b.id = f.blog_id where b.url = ? "
            "order by f.id",
            [site.url],
        ).fetchall() == [(1,), (1,)]
    finally:
        db.close()


@pytest.fixture(scope="module")
def other_shapes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Exception | None]:
    return in_step(
        tmp_path_factory,
        _older_pages_of_the_blogs_title_at_addresses_of_another_shape_are_the_blogs,
        SHAPES,
        reparse=True,
    )


@pytest.mark.parametrize("how", SHAPES)
def test_older_pages_of_the_blogs_title_at_addresses_of_another_shape_are_the_blogs(
    other_shapes: dict[str, Exception | None], how: str
) -> None:
    """Pagination moved to addresses of another shape: `?page=2` redirects to
    `/2024/05/01/election-live/2/`, which names itself; or a CMS names each page by an id of
    its own (`/articles/c8812x2`) and marks its title with the page. No address says they
    are the blog's, but each shows the blog's title: read to the end by the spider on the
    first pass and every pass after, taken by the archive, and by reparse alike."""
    ended(other_shapes[str(how)])


@side_by_side_passes
def _older_pages_still_under_the_blogs_title_before_a_retitle_are_the_blogs(
    site: Site, db_path: Path
) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    old, new = "Storm Ciarán live", "Storm Ciarán: clean-up begins – live"
    nine = [post(n) for n in range(9, 0, -1)]

    results = []
    # A post a pass, so that every page shows other bytes than the pass before.
    for n, (first, older) in enumerate(((old, old), (new, old), (new, new)), start=10):
        nine = [post(n), *nine[:-1]]
        show_older_titled(site, nine, first, older)
        [result] = yield [site.url]
        assert result.ok, result.error
        assert (result.pages, result.incomplete_reason) == (3, None), f"{first} / {older}"
        results.append(result)
    assert site.asked.count(f"{PATH}?page=3") == 3
    expected = [post(n).headline for n in range(12, 3, -1)]
    assert standing(db_path, site.url) == expected
    replayed = yield None
    assert replayed.exit_code == 0, replayed.output
    for result in results:
        assert refused(db_path, result.fetch_id) == [None, None, None]
    assert standing(db_path, site.url) == expected


def test_older_pages_still_under_the_blogs_title_before_a_retitle_are_the_blogs(
    side_by_side: dict[str, Exception | None],
) -> None:
    """Pagination moved to dated addresses, and the blog is retitled ("Storm Ciarán live"
    made "Storm Ciarán: clean-up begins – live"): its first page shows the new title while
    a cache still serves its older pages under the old one, the title the archive holds.
    The spider reads on to the end, as the archive takes them; and so does reparse."""
    ended(
        side_by_side[
            _older_pages_still_under_the_blogs_title_before_a_retitle_are_the_blogs.__name__
        ]
    )


OTHER_DAYS = [
    "Storm Ciarán live – 3 November",
    "Storm Ciarán live: 3 November",
    "Storm Ciarán live – Thursday",
    "Storm Ciarán live - Thursday | ITV News",
    "Storm Ciarán – as it happened",
    "Storm Ciarán live | 3rd of November | Weather",
]


def _an_older_page_redirected_to_the_sites_live_blog_of_another_day_is_not_the_blogs(
    site: Site, db_path: Path, other: str
) -> Passes:
    """The passes of one case of the test below: its body as it was, run by crawl_together."""
    site.show([post(n) for n in range(6, 0, -1)], title="Storm Ciarán live")
    next_day = "/news/2024-05-02/storm-live"
    site.show([stranger(n) for n in range(3, 0, -1)], at=next_day, story=next_day, title=other)
    site.redirects[f"{PATH}?page=2"] = next_day
    [first] = yield [site.url]
    assert first.ok, first.error
    assert (first.new, first.incomplete_reason) == (3, "another story's page")
    assert standing(db_path, site.url) == [post(n).headline for n in (6, 5, 4)]


@pytest.fixture(scope="module")
def another_day(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Exception | None]:
    return in_step(
        tmp_path_factory,
        _an_older_page_redirected_to_the_sites_live_blog_of_another_day_is_not_the_blogs,
        OTHER_DAYS,
    )


@pytest.mark.parametrize("other", OTHER_DAYS)
def test_an_older_page_redirected_to_the_sites_live_blog_of_another_day_is_not_the_blogs(
    another_day: dict[str, Exception | None], other: str
) -> None:
    """Page 2 redirects to the site's live blog of another day, under the blog's title and
    that day's date, after a dash where a site's name would stand, before a section's or
    after a colon, or to
    the day before's under the same words, ended ("– as it happened" where the blog says
    live): another title, so another story's page on the blog's first pass, whose posts
    are not taken."""
    ended(another_day[str(other)])


@pytest.mark.parametrize("how", ["redirected", "standing in"])
def test_an_older_page_of_the_sites_blog_of_the_day_before_under_the_same_words_is_not_taken(
    site: Site, db_path: Path, how: str
) -> None:
    """The site runs one blog a day under the same words ("Storm Ciarán – live"), and the
    archive holds yesterday's: page 2 of today's now redirects to yesterday's blog, or
    serves its page naming it. The same title, but a page of another blog of the archive:
    its posts are not filed under today's, on any pass nor on reparse, and today's posts
    of page 2 are never judged removed."""
    words = "Storm Ciarán – live"
    yesterday = "/news/2024-04-30/storm-live"
    site.show([stranger(n) for n in range(3, 0, -1)], at=yesterday, story=yesterday, title=words)
    assert crawl_local([site.origin + yesterday], db_path)[0].new == 3
    six = [post(n) for n in range(6, 0, -1)]
    site.show(six, title=words)
    assert crawl_local([site.url], db_path)[0].new == 6
    for n in (7, 8):  # a post a pass: the first page shows other bytes each time
        six = [post(n), *six]
        site.show(six, title=words)
        stand_in(site, yesterday, how)
        [later] = crawl_local([site.url], db_path)
        assert later.ok, later.error
        assert (later.removed, later.incomplete_reason) == (0, "another story's page")
    expected = [p.headline for p in six]
    assert standing(db_path, site.url) == expected
    replayed = CliRunner().invoke(cli, ["reparse", "--db", str(db_path)])
    assert replayed.exit_code == 0, replayed.output
    assert refused(db_path, later.fetch_id)[1] is not None
    assert standing(db_path, site.url) == expected
    assert standing(db_path, site.origin + yesterday) == [f"Striker {n} signs" for n in (3, 2, 1)]


@side_by_side_passes
def _older_pages_under_the_sites_own_name_at_addresses_of_another_shape_are_the_blogs(
    site: Site, db_path: Path
) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    nine = [post(n) for n in range(9, 0, -1)]
    site.show(nine)
    for n in (2, 3):
        retitle(site, f"{PATH}?page={n}", "ITV News")
        site.move(f"{PATH}?page={n}", f"/2024/05/01/election-live/{n}/")
    [first] = yield [site.url]
    assert first.ok, first.error
    assert (first.pages, first.new, first.incomplete_reason) == (3, 9, None)
    assert refused(db_path, first.fetch_id) == [None, None, None]


def test_older_pages_under_the_sites_own_name_at_addresses_of_another_shape_are_the_blogs(
    side_by_side: dict[str, Exception | None],
) -> None:
    """Pages 2 and 3 moved to dated addresses and show the site's generic title, its name
    alone ("ITV News", the blog's publisher): a title that tells no story, so no evidence of
    another's, read to the end by the spider and taken by the archive."""
    ended(
        side_by_side[
            _older_pages_under_the_sites_own_name_at_addresses_of_another_shape_are_the_blogs.__name__
        ]
    )


@side_by_side_passes
def _older_pages_titled_with_the_blogs_title_its_section_and_site_are_the_blogs(
    site: Site, db_path: Path
) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    nine = [post(n) for n in range(9, 0, -1)]

    def serve(updates: list[SampleUpdate]) -> None:
        site.show(updates)
        with site._lock:
            for target, body in site.pages.items():
                text = body.decode().replace(
                    " - ITV News</title>", " | Politics | ITV News</title>"
                )
                if "?page=" in target:
                    text = re.sub(
                        r'<script type="application/ld\+json">.*?</script>', "", text, flags=re.S
                    )
                site.pages[target] = text.encode()
        for n in (2, 3):
            site.move(f"{PATH}?page={n}", f"/2024/05/01/election-live/{n}/")

    serve(nine)
    [first] = yield [site.url]
    assert first.ok, first.error
    assert (first.pages, first.new, first.incomplete_reason) == (3, 9, None)
    serve([p for p in nine if p.id != "post-2"])
    [second] = yield [site.url]
    assert second.ok, second.error
    assert (second.pages, second.removed, second.incomplete_reason) == (3, 1, None)
    assert site.asked.count(f"{PATH}?page=3") == 2
    eight = [p.headline for p in nine if p.id != "post-2"]
    assert standing(db_path, site.url) == eight
    replayed = yield None
    assert replayed.exit_code == 0, replayed.output
    assert refused(db_path, first.fetch_id) == refused(db_path, second.fetch_id) == [None] * 3
    assert standing(db_path, site.url) == eight


def test_older_pages_titled_with_the_blogs_title_its_section_and_site_are_the_blogs(
    side_by_side: dict[str, Exception | None],
) -> None:
    """Only the first page carries the blog's JSON-LD, whose headline is its title; the older
    pages, moved to dated addresses, show the `<title>` every page has, the section and the
    site's name after the blog's title ("… | Politics | ITV News"): the blog's title still,
    read to the end by the spider on every pass and taken by the archive, and by reparse."""
    ended(
        side_by_side[
            _older_pages_titled_with_the_blogs_title_its_section_and_site_are_the_blogs.__name__
        ]
    )


@side_by_side_passes
def _older_pages_of_a_blog_whose_first_page_shows_the_sites_name_alone_are_the_blogs(
    site: Site, db_path: Path
) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    nine = [post(n) for n in range(9, 0, -1)]
    site.show(nine, title="ITV News")
    for n in (2, 3):
        target = f"{PATH}?page={n}"
        with site._lock:
            body = site.pages[target].decode()
            for shown in ("<title>{} - ITV News</title>", '"headline": "{}"', "<h1>{}</h1>"):
                body = body.replace(shown.format("ITV News"), shown.format(TITLE))
            site.pages[target] = body.encode()
        site.move(target, f"/2024/05/01/election-live/{n}/")
    [first] = yield [site.url]
    assert first.ok, first.error
    assert (first.pages, first.new, first.incomplete_reason) == (3, 9, None)
    assert refused(db_path, first.fetch_id) == [None, None, None]
    assert site.asked.count(f"{PATH}?page=3") == 1


def test_older_pages_of_a_blog_whose_first_page_shows_the_sites_name_alone_are_the_blogs(
    side_by_side: dict[str, Exception | None],
) -> None:
    """The first page is titled with the site's name alone ("ITV News", the blog's publisher:
    a template's title before the app fills it in), its older pages, moved to dated
    addresses, with the blog's own: the blog's title cannot be told, so no page is another
    title than it; read to the end by the spider and taken by the archive."""
    ended(
        side_by_side[
            _older_pages_of_a_blog_whose_first_page_shows_the_sites_name_alone_are_the_blogs.__name__
        ]
    )


@side_by_side_passes
def _older_pages_of_a_blog_that_ended_still_titled_live_are_the_blogs(
    site: Site, db_path: Path
) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    live, ended = "Storm Ciarán – live", "Storm Ciarán – as it happened"
    nine = [post(n) for n in range(9, 0, -1)]

    for n, first in enumerate((live, ended, ended), start=10):
        nine = [post(n), *nine[:-1]]
        show_older_titled(site, nine, first, live)
        [result] = yield [site.url]
        assert result.ok, result.error
        assert (result.pages, result.incomplete_reason) == (3, None), first
        assert refused(db_path, result.fetch_id) == [None, None, None]
    assert site.asked.count(f"{PATH}?page=3") == 3
    assert standing(db_path, site.url) == [post(n).headline for n in range(12, 3, -1)]


def test_older_pages_of_a_blog_that_ended_still_titled_live_are_the_blogs(
    side_by_side: dict[str, Exception | None],
) -> None:
    """Pagination moved to dated addresses, and the blog ended: its first page is retitled
    "Storm Ciarán – as it happened", as the Guardian retitles a blog "– live" when it ends,
    while a cache serves its older pages under "Storm Ciarán – live" for a few passes more,
    after the archive holds the new title too. One title that says live or that it was: the
    spider reads to the end on every pass, and the archive takes every page."""
    ended(side_by_side[_older_pages_of_a_blog_that_ended_still_titled_live_are_the_blogs.__name__])


@side_by_side_passes
def _older_pages_titled_with_their_newest_post_are_read_once_the_archive_took_them(
    site: Site, db_path: Path
) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""

    def serve(updates: list[SampleUpdate]) -> None:
        site.show(updates)
        with site._lock:
            for target in list(site.pages):
                number = int(target.partition("?page=")[2] or 1)
                newest = updates[(number - 1) * 3].headline
                site.pages[target] = site.pages[target].replace(
                    TITLE.encode(), f"Live: {newest}".encode()
                )
        for target in [t for t in list(site.pages) if "?page=" in t]:
            site.move(target, f"/2024/05/01/election-live/{target.partition('?page=')[2]}/")

    posts = [post(n) for n in range(9, 0, -1)]
    results = []
    for n in range(10, 16):
        serve(posts)
        [result] = yield [site.url]
        assert result.ok, result.error
        assert result.removed == 0
        results.append((result.pages, result.incomplete_reason))
        posts = [post(n), *posts]
    assert results[-1] == (5, None)
    assert standing(db_path, site.url) == [p.headline for p in posts[1:]]


def test_older_pages_titled_with_their_newest_post_are_read_once_the_archive_took_them(
    side_by_side: dict[str, Exception | None],
) -> None:
    """Each page is titled with its own newest post ("Live: Count 9 declared"), and pagination
    moved to dated addresses: no older page shows the first page's title, so each is another
    story's to a pass until the archive knows its posts. Once the archive took a page, the
    spider reads on past it on the next pass, a page deeper each pass, until every post of
    the blog is archived and a pass reads it whole."""
    ended(
        side_by_side[
            _older_pages_titled_with_their_newest_post_are_read_once_the_archive_took_them.__name__
        ]
    )


@side_by_side_passes
def _an_address_the_blogs_page_had_that_stands_in_for_another_story_is_read_past_once(
    site: Site, db_path: Path
) -> Passes:
    """The passes of the test below: its body as it was, run by crawl_together."""
    posts = [post(n) for n in range(6, 0, -1)]
    site.show(posts)
    assert (yield [site.url])[0].new == 6
    transfer_blog(site, 12)
    followed = []
    for n in range(7, 10):  # a post a pass: the first page shows other bytes each time
        posts = [post(n), *posts]
        site.show(posts)
        with site._lock:
            site.pages[f"{PATH}?page=2"] = site.pages[OTHER_PATH]
        [later] = yield [site.url]
        assert later.ok and later.removed == 0
        assert later.incomplete_reason == "another story's page"
        followed.append(sum(1 for a in site.asked if a.startswith(f"{OTHER_PATH}?page=")))
    assert followed[0] == followed[1] == followed[2]
    assert standing(db_path, site.url) == [p.headline for p in posts]


def test_an_address_the_blogs_page_had_that_stands_in_for_another_story_is_read_past_once(
    side_by_side: dict[str, Exception | None],
) -> None:
    """Page 2's address, taken as the blog's on the first pass, serves the transfer blog's
    page: the next pass reads on past it (the archive took that address before) and the
    archive refuses it and the pages behind it; from then on the spider stops there, one
    request a pass, not the transfer blog's pages to the page limit's worth."""
    ended(
        side_by_side[
            _an_address_the_blogs_page_had_that_stands_in_for_another_story_is_read_past_once.__name__
        ]
    )
