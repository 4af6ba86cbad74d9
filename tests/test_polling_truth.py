"""Passes through the real Scrapy crawl against an evolving blog, checked against its truth.

After every pass the archive must hold exactly what the blog showed to successful passes:
one row per update, one version per distinct content served, `removed_at` exactly on the
updates deleted inside the window a pass read, and nothing at all from a failed pass.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from archive.records import PassResult
from crawler.cli import cli
from crawler.process import crawl
from crawler.sample.site import Para
from tests.evolving import (
    EvolvingBlog,
    FaultKind,
    Served,
    assert_archive_matches,
    make_update,
    snapshot_tables,
)
from tests.helpers import LOCAL, LOCAL_ARGS, Passes, crawl_local, crawl_together

pytestmark = pytest.mark.slow  # every pass is a crawl process


@pytest.fixture
def blog() -> Iterator[EvolvingBlog]:
    with EvolvingBlog([make_update(n) for n in range(7, 0, -1)]) as served:
        yield served


def poll(
    blog: EvolvingBlog,
    db: Path,
    *,
    ok: bool = True,
    max_pages: int | None = None,
    settings: dict[str, object] | None = None,
) -> tuple[PassResult, list[Served]]:
    """One pass; then the archive must match the truth, and a failed pass must change nothing."""
    before = snapshot_tables(db) if db.exists() else None
    [result] = crawl(
        [blog.url], db, settings={**LOCAL, **(settings or {})}, timeout=120, max_pages=max_pages
    )
    assert result.ok is ok, result.error
    served = blog.observe(result.ok)
    assert_archive_matches(db, blog)
    if not ok and before is not None:
        assert snapshot_tables(db) == before, "a failed pass changed updates or versions"
        assert last_fetch(db)["error"] == result.error
    return result, served


def last_fetch(db: Path, url: str | None = None) -> dict[str, Any]:
    """The archive's last pass, or the last of the blog at `url`."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    of_blog = "WHERE blog_id = (SELECT id FROM blogs WHERE url = ?)" if url else ""
    try:
        return dict(
            conn.execute(
                f"SELECT * FROM fetches {of_blog} ORDER BY id DESC LIMIT 1", [url] if url else []
            ).fetchone()
        )
    finally:
        conn.close()


def kinds(served: list[Served]) -> list[str]:
    return [s.kind for s in served]


def cli_crawl(blog: EvolvingBlog, db: Path) -> Result:
    """`liveblog crawl URL` through CliRunner, without the polite delays."""
    return CliRunner().invoke(cli, ["crawl", blog.url, "--db", str(db), *LOCAL_ARGS])


# --- blogs polled side by side ------------------------------------------------------------------
#
# Each crawl process costs a second or two to start, and cron's `liveblog crawl` takes every due
# blog in one process. The scenarios below each poll a blog of their own with the crawl's own
# settings and check nothing but their blog's rows, passes and requests (`pinned_flags` and
# `last_fetch` given its URL): each is a generator that yields its blog when it wants a pass
# (`Failing(blog)` when it has made that pass fail) and is sent that pass's (result, served),
# and `SIDE_BY_SIDE` runs every pass of theirs at once, one crawl over all their blogs in one
# archive, with the checks `poll` makes. Those that check
# `liveblog reparse` yield None after their last pass: it runs once over the archive when every
# pass has ended, and each compares its own blog's versions and removals before and after
# (`archived` given its URL). Each test id then fails with its own scenario's error.


@dataclass
class Failing:
    """A pass a scenario's blog is set to fail: it must leave that blog's rows as they were and
    log the pass's error, as `poll(..., ok=False)` checks."""

    blog: EvolvingBlog


Scenario = Generator[EvolvingBlog | Failing | None, Any, None]


def _polled(db: Path, scenario: Scenario) -> Passes:
    """A scenario as crawl_together runs a test: each pass it asks for, checked as `poll`
    checks one, then sent on to it as (result, served); a `yield None` of its waits for every
    scenario's passes to end and is sent what `liveblog reparse` over the archive said."""
    wants = next(scenario)
    while True:
        if wants is None:  # `liveblog reparse` over the archive, once every pass has ended
            sent: Any = yield None
        else:
            fails = isinstance(wants, Failing)
            blog = wants.blog if isinstance(wants, Failing) else wants
            before = blog_tables(db, blog.url) if fails else None
            (result,) = yield [blog.url]
            assert result.ok is not fails, result.error
            served = blog.observe(result.ok)
            assert_archive_matches(db, blog)
            if fails:
                assert blog_tables(db, blog.url) == before, "a failed pass changed updates"
                assert last_fetch(db, blog.url)["error"] == result.error
            sent = (result, served)
        try:
            wants = scenario.send(sent)
        except StopIteration:
            return


def _side_by_side(db: Path, scenarios: dict[str, Callable[[Path], Scenario]]) -> dict[str, Any]:
    """Each scenario's error, or None; the scenarios' passes run side by side."""
    return crawl_together(
        {name: _polled(db, scenario(db)) for name, scenario in scenarios.items()},
        db,
        at_end=lambda: CliRunner().invoke(cli, ["reparse", "--db", str(db)]),
    )


def an_evolving_blog_matches_its_truth_after_every_pass(db_path: Path) -> Scenario:
    with EvolvingBlog([make_update(n) for n in range(7, 0, -1)]) as blog:
        # 1. Seven updates over three pages (3, 3, 1).
        first, served = yield blog
        assert (first.pages, first.new, first.removed) == (3, 7, 0)
        assert kinds(served) == ["page"] * 3 and all(s.if_none_match is None for s in served)

        # 2. Unchanged: validators sent, every page answered 304, nothing re-read.
        again, served = yield blog
        assert kinds(served) == ["304"] * 3 and all(s.if_none_match for s in served)
        assert (again.new, again.changed, again.unchanged, again.not_modified) == (0, 0, 0, 3)
        assert last_fetch(db_path, blog.url)["not_modified"] == 1

        # 3. Two new updates on top shift every page; u0001 moves from page 3's top to its end.
        blog.add(make_update(9), make_update(8))
        assert blog.page_of("u0001") == 3 and blog.page_of("u0007") == 1
        shifted, served = yield blog
        assert kinds(served) == ["page"] * 3
        assert (shifted.new, shifted.changed, shifted.removed) == (2, 0, 0)

        # 4. A body edit on page 2 (with a modified time): a new version; pages 1 and 3 are 304.
        assert blog.page_of("u0005") == 2
        blog.edit(
            "u0005",
            blocks=[Para("Paragraph 1 of update 5, corrected: the gust was 100 mph.")],
            modified="2023-11-02T09:00:00+00:00",
        )
        edited, served = yield blog
        assert kinds(served) == ["304", "page", "304"]
        assert (edited.changed, edited.new, edited.not_modified) == (1, 0, 2)

        # 5. A headline edit on page 1: same update id, a new version.
        blog.edit("u0008", headline="Update 8: the storm reaches point 8, trains cancelled")
        retitled, served = yield blog
        assert kinds(served) == ["page", "304", "304"]
        assert retitled.changed == 1

        # 6. A deletion inside the crawled window (u0005, mid page 2): exactly that one removed.
        blog.delete("u0005")
        assert blog.truth.pending_deleted == {"u0005"}
        deleted, served = yield blog
        assert kinds(served) == ["304", "page", "page"]
        assert (deleted.removed, deleted.new, deleted.changed) == (1, 0, 0)

        # 7. A server that ignores validators: same bytes again, skipped by their hash.
        blog.validators = False
        same, served = yield blog
        blog.validators = True
        assert kinds(served) == ["page"] * 3
        assert (same.new, same.changed, same.unchanged, same.not_modified) == (0, 0, 0, 3)
        conn = sqlite3.connect(db_path)
        unchanged = conn.execute(
            "SELECT unchanged, not_modified FROM fetch_pages WHERE fetch_id = ?", [same.fetch_id]
        ).fetchall()
        conn.close()
        assert unchanged == [(1, 0)] * 3

        # 8-9. The blog moves on (u0010 on top), but a fault on its first page fails the pass
        # and changes nothing: not u0010, not the removal state, not a version. The CLI exits 1.
        blog.add(make_update(10))
        first_page_faults: list[tuple[FaultKind, str]] = [
            ("503", "HTTP 503 from"),
            ("consent", "no live-blog updates found"),
        ]
        for kind, message in first_page_faults:
            blog.fault(kind, page=1)
            failed, served = yield Failing(blog)
            assert message in (failed.error or ""), failed.error
            assert kinds(served)[-1] == kind
            assert last_fetch(db_path, blog.url)["error"] == failed.error

            blog.fault(kind, page=1)
            before = snapshot_tables(db_path)
            out = cli_crawl(blog, db_path)
            assert out.exit_code == 1, out.output
            assert f"FAIL  {blog.url}: failed: " in out.output and message in out.output
            assert "Traceback" not in out.output
            blog.observe(False)
            assert snapshot_tables(db_path) == before
            assert_archive_matches(db_path, blog)

        # 10-11. A fault on an older page ends the pass there, incomplete: the first page's new
        # post is archived, nothing is taken from the broken page, nothing below it is judged.
        older_page_faults: list[tuple[FaultKind, str, int]] = [
            ("truncated", "truncated document", 1),
            ("empty", "pagination collapsed", 0),
        ]
        for kind, message, new in older_page_faults:
            blog.fault(kind, page=2)
            short, served = yield blog
            assert (short.new, short.changed, short.removed) == (new, 0, 0)
            assert short.incomplete_reason == "older page failed"
            assert message in (short.incomplete_detail or ""), short.incomplete_detail
            assert kinds(served)[-1] == kind
            fetch = last_fetch(db_path, blog.url)
            assert (fetch["complete"], fetch["incomplete_reason"]) == (0, "older page failed")
            conn = sqlite3.connect(db_path)
            (refused,) = conn.execute(
                "SELECT refused FROM fetch_pages WHERE fetch_id = ? AND seq = 2", [short.fetch_id]
            ).fetchone()
            conn.close()
            assert refused.startswith("failed: ") and message in refused
        assert not blog.faults

        # 12. The next clean pass reads the pages the faults left out: nothing is new or changed.
        recovered, served = yield blog
        assert (recovered.new, recovered.changed, recovered.removed) == (0, 0, 0)
        assert last_fetch(db_path, blog.url)["complete"] == 1

        # The conditional requests the server saw over the whole run.
        answered = blog.since(0)
        # Passes 2, 4, 5 and 6; page 1 in passes 11 and 12, when only the pages below had changed.
        assert sum(1 for s in answered if s.kind == "304") == 3 + 2 + 2 + 1 + 1 + 1
        assert all(s.if_none_match for s in answered if s.kind == "304")


def a_publisher_that_stops_paginating_removes_nothing_that_fell_off(db_path: Path) -> Scenario:
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)]) as blog:
        full, _ = yield blog
        assert (full.pages, full.new) == (3, 9)
        # Page 1 only from now on, without an older link: u0006..u0001 just cannot be reached.
        blog.paginate = False
        capped, served = yield blog
        assert kinds(served) == ["page"] and capped.pages == 1 and capped.removed == 0


def a_blog_that_stopped_paginating_keeps_what_fell_off_on_later_passes(db_path: Path) -> Scenario:
    """A later pass that shows one page proves nothing about the updates that fell off it."""
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)]) as blog:
        yield blog
        blog.paginate = False
        yield blog
        # Two more updates arrive while the blog shows only its newest three.
        blog.add(make_update(11), make_update(10))
        moved, _ = yield blog
        assert moved.new == 2 and moved.removed == 0
        # A real deletion inside page 1 is still seen.
        blog.delete("u0010")
        gone, _ = yield blog
        assert gone.removed == 1


def a_pinned_update_deleted_while_pinned_is_removed_by_a_full_pass(db_path: Path) -> Scenario:
    with EvolvingBlog([make_update(n) for n in range(6, 0, -1)]) as blog:
        blog.pin("u0001")
        yield blog
        blog.delete("u0001", expect_removed=True)
        gone, _ = yield blog
        assert gone.removed == 1


def a_deletion_at_the_top_of_the_page_below_a_304_page_is_removed(db_path: Path) -> Scenario:
    """A page answered 304 still bounds the window: a deletion on the page below it is seen."""
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)]) as blog:
        yield blog
        assert [u.id for u in blog.pages()[1]] == ["u0006", "u0005", "u0004"]
        blog.delete("u0006")
        gone, served = yield blog
        assert kinds(served) == ["304", "page", "page"]
        assert gone.removed == 1


def a_post_whose_time_is_corrected_below_304_pages_removes_nothing(db_path: Path) -> Scenario:
    """A post on the last page moved to a later time: the pages above answer 304, and the
    stretch of times they showed still stands, whatever the page read now spans."""
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)]) as blog:
        yield blog
        blog.edit("u0002", published="2023-11-02T06:30:00+00:00")
        corrected, served = yield blog
        assert kinds(served) == ["304", "304", "page"]
        assert corrected.ok and corrected.removed == 0
        again, _ = yield blog
        assert again.ok and again.removed == 0


def a_pinned_post_deleted_from_a_page_read_again_is_removed_while_page_1_answers_304(
    db_path: Path,
) -> Scenario:
    """A blog paginated oldest first flags u0008, on its last page, pinned where it stands:
    deleted, it is proved gone by that page read again, though page 1 answers 304."""
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)], oldest_first=True) as blog:
        assert [u.id for u in blog.pages()[0]] == ["u0001", "u0002", "u0003"]
        blog.pin("u0008")
        yield blog
        assert pinned_flags(db_path, blog.url) == {"u0008": 1}
        blog.delete("u0008", expect_removed=True)
        gone, served = yield blog
        assert kinds(served) == ["304", "304", "page"]
        assert gone.removed == 1


def a_pinned_post_on_a_page_answering_304_is_never_removed(db_path: Path) -> Scenario:
    """u0003, pinned at the foot of page 1 (a blog paginated oldest first), stands out of
    that page's stretch of times: while page 1 answers 304 it stands there still, whatever
    the pages read below prove gone."""
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)], oldest_first=True) as blog:
        blog.pin("u0003")
        yield blog
        blog.delete("u0005")
        blog.delete("u0008")
        gone, served = yield blog
        assert kinds(served) == ["304", "page", "page"]
        assert gone.removed == 2
        assert pinned_flags(db_path, blog.url) == {"u0003": 1}


def a_backdated_post_does_not_make_the_page_below_a_repeat(db_path: Path) -> Scenario:
    """A post on the first page corrected to before every post of the page below: that page
    shows posts newer than it, but not the newest, so it is no repeat of the first, and what
    it shows is no removal."""
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)]) as blog:
        yield blog
        blog.edit("u0008", published="2023-11-02T05:00:00+00:00")
        blog.edit("u0005", blocks=[Para("The river has burst its banks at Exeter.")])
        corrected, served = yield blog
        assert kinds(served) == ["page", "page", "304"]
        # (u0008 re-dated and u0005 edited: two new versions)
        assert corrected.ok and (corrected.changed, corrected.removed) == (2, 0)
        assert last_fetch(db_path, blog.url)["complete"] == 1


def a_redated_post_is_a_version_and_reparse_rebuilds_it(db_path: Path) -> Scenario:
    """u0008's publish time is corrected to an hour earlier: a new version that keeps the time
    before; a pass that finds it as it was changes nothing; `liveblog reparse` rebuilds both."""
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)]) as blog:
        yield blog
        blog.edit("u0008", published="2023-11-02T05:08:00+00:00")
        redated, _ = yield blog
        assert (redated.changed, redated.removed) == (1, 0)
        again, _ = yield blog
        assert (again.changed, again.new) == (0, 0)
        conn = sqlite3.connect(db_path)
        times = conn.execute(
            "SELECT v.version, v.published_at FROM update_versions v JOIN updates u "
            "ON u.id = v.update_id WHERE u.source_id = 'u0008' "
            "AND u.blog_id = (SELECT id FROM blogs WHERE url = ?) ORDER BY v.version",
            [blog.url],
        ).fetchall()
        conn.close()
        assert times == [(1, "2023-11-02T06:08:00Z"), (2, "2023-11-02T05:08:00Z")]
        yield from reparse_rebuilds(db_path, blog.url)


def an_older_page_that_keeps_failing_holds_back_no_new_post(db_path: Path) -> Scenario:
    """Page 3 answers 503 on every pass, retries too: each pass ends there, incomplete, and
    archives what the pages above show; `liveblog reparse` replays those passes alike."""
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)]) as blog:
        yield blog
        for n in (10, 11):
            blog.add(make_update(n))
            blog.fault("503", page=3, times=20)
            short, _ = yield blog
            blog.faults.clear()
            assert (short.new, short.removed) == (1, 0)
            assert short.incomplete_reason == "older page failed"
            assert "HTTP 503 from" in (short.incomplete_detail or "")
        assert len(archived(db_path, blog.url)) == 11
        yield from reparse_rebuilds(db_path, blog.url)


def a_misdated_post_on_a_page_not_reread_hides_no_deletion_below(
    post: str, published: str
) -> Callable[[Path], Scenario]:
    """A post of page 1 is dated a year early (a typo): page 1's stretch of times is its
    other posts' and that one instant, not the whole year between. While page 1 answers
    304, u0005 deleted from page 2 is proved gone; the misdated post itself is not;
    `liveblog reparse` rebuilds the same."""

    def scenario(db_path: Path) -> Scenario:
        with EvolvingBlog([make_update(n) for n in range(9, 0, -1)]) as blog:
            yield blog
            blog.edit(post, published=published)
            yield blog
            blog.delete("u0005")
            found, served = yield blog
            assert kinds(served) == ["304", "page", "page"]
            assert found.ok and found.removed == 1
            yield from reparse_rebuilds(db_path, blog.url)

    return scenario


MISDATED = [
    # In the middle of page 1: its stretch is u0007 to u0009 and that one instant.
    ("u0008", "2022-11-02T06:08:00+00:00"),
    # Page 1's last post, older than every post of page 2, which the order puts below it.
    ("u0007", "2022-11-02T06:07:00+00:00"),
]


def reparse_rebuilds(db: Path, url: str) -> Scenario:
    """Once every scenario's passes have ended, `liveblog reparse` replays the snapshots into
    the same versions and removals of the blog at `url`."""
    held = archived(db, url)
    replayed = yield None
    assert replayed.exit_code == 0, replayed.output
    assert archived(db, url) == held


SIDE_BY_SIDE: dict[str, Callable[[Path], Scenario]] = {
    scenario.__name__: scenario
    for scenario in (
        an_evolving_blog_matches_its_truth_after_every_pass,
        a_publisher_that_stops_paginating_removes_nothing_that_fell_off,
        a_blog_that_stopped_paginating_keeps_what_fell_off_on_later_passes,
        a_pinned_update_deleted_while_pinned_is_removed_by_a_full_pass,
        a_deletion_at_the_top_of_the_page_below_a_304_page_is_removed,
        a_post_whose_time_is_corrected_below_304_pages_removes_nothing,
        a_pinned_post_deleted_from_a_page_read_again_is_removed_while_page_1_answers_304,
        a_pinned_post_on_a_page_answering_304_is_never_removed,
        a_backdated_post_does_not_make_the_page_below_a_repeat,
        a_redated_post_is_a_version_and_reparse_rebuilds_it,
        an_older_page_that_keeps_failing_holds_back_no_new_post,
    )
} | {
    f"a_misdated_post_on_a_page_not_reread_hides_no_deletion_below[{post}]": (
        a_misdated_post_on_a_page_not_reread_hides_no_deletion_below(post, published)
    )
    for post, published in MISDATED
}


@pytest.fixture(scope="module")
def side_by_side(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("side-by-side") / "archive.db"
    return _side_by_side(db, SIDE_BY_SIDE)


def _raise(errors: dict[str, Any], name: str) -> None:
    error = errors[name]
    if error is not None:
        raise error


def test_an_evolving_blog_matches_its_truth_after_every_pass(
    side_by_side: dict[str, Any],
) -> None:
    _raise(side_by_side, "an_evolving_blog_matches_its_truth_after_every_pass")


def test_a_503_is_retried_after_retry_after_and_the_pass_succeeds(
    blog: EvolvingBlog, db_path: Path
) -> None:
    poll(blog, db_path)
    blog.add(make_update(8))
    blog.fault("503", page=1)
    result, served = poll(blog, db_path, settings={"RETRY_TIMES": 1})
    assert kinds(served)[:2] == ["503", "page"] and result.new == 1


def test_a_publisher_that_stops_paginating_removes_nothing_that_fell_off(
    side_by_side: dict[str, Any],
) -> None:
    _raise(side_by_side, "a_publisher_that_stops_paginating_removes_nothing_that_fell_off")


def test_a_blog_that_stopped_paginating_keeps_what_fell_off_on_later_passes(
    side_by_side: dict[str, Any],
) -> None:
    _raise(side_by_side, "a_blog_that_stopped_paginating_keeps_what_fell_off_on_later_passes")


def test_stopped_pagination_after_page_limited_passes_removes_nothing(db_path: Path) -> None:
    """Without a complete pass before it, a pass of one page takes nothing on pages 2+ as gone."""
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)]) as blog:
        limited, _ = poll(blog, db_path, max_pages=2)
        assert (limited.pages, limited.new) == (2, 6)
        blog.paginate = False
        capped, _ = poll(blog, db_path, max_pages=2)
        assert capped.pages == 1 and capped.removed == 0


def test_a_pinned_update_confuses_neither_removal_nor_order(db_path: Path) -> None:
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)]) as blog:
        poll(blog, db_path)
        # u0002 (page 3) is pinned: shown first on page 1, out of chronological order.
        blog.pin("u0002")
        assert [u.id for u in blog.pages()[0]] == ["u0002", "u0009", "u0008"]
        pinned, _ = poll(blog, db_path)
        assert (pinned.new, pinned.changed, pinned.removed) == (0, 0, 0)
        assert pinned_flags(db_path) == {"u0002": 1}

        # A page-limited pass reads page 1 only: its window runs from the top down to
        # u0009, not down to the pinned u0002's old publish time.
        blog.add(make_update(10))
        top, _ = poll(blog, db_path, max_pages=1)
        assert (top.new, top.removed) == (1, 0)

        # A deletion under the pinned update, inside page 1, is exactly one removal.
        blog.delete("u0009")
        assert blog.truth.pending_deleted == {"u0009"}
        gone, _ = poll(blog, db_path, max_pages=1)
        assert gone.removed == 1

        # Unpinned, it goes back to page 3: no new version, no removal, flag cleared.
        blog.unpin("u0002")
        back, _ = poll(blog, db_path)
        assert (back.new, back.changed, back.removed) == (0, 0, 0)
        assert pinned_flags(db_path) == {}


def test_a_pinned_update_deleted_while_pinned_is_removed_by_a_full_pass(
    side_by_side: dict[str, Any],
) -> None:
    _raise(side_by_side, "a_pinned_update_deleted_while_pinned_is_removed_by_a_full_pass")


def test_a_pinned_post_deleted_from_a_page_read_again_is_removed_while_page_1_answers_304(
    side_by_side: dict[str, Any],
) -> None:
    _raise(
        side_by_side,
        "a_pinned_post_deleted_from_a_page_read_again_is_removed_while_page_1_answers_304",
    )


def test_an_archive_made_before_pages_counted_pinned_posts_reads_its_pages_again_once(
    db_path: Path,
) -> None:
    """The same blog archived before migration 17 (its pages' `pinned` NULL): page 1, which
    never changes on a blog paginated oldest first, would keep every pinned post for ever
    while it answers 304. Each page not counted is read again once, and u0008's deletion is
    found; then page 1 answers 304 again."""
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)], oldest_first=True) as blog:
        blog.pin("u0008")
        poll(blog, db_path)
        conn = sqlite3.connect(db_path)
        with conn:
            conn.execute("UPDATE fetch_pages SET pinned = NULL")
        conn.close()
        blog.delete("u0008", expect_removed=True)
        gone, served = poll(blog, db_path)
        assert kinds(served) == ["page", "page", "page"]
        assert gone.removed == 1
        _, served = poll(blog, db_path)
        assert kinds(served) == ["304", "304", "304"]


def test_a_pinned_post_on_a_page_answering_304_is_never_removed(
    side_by_side: dict[str, Any],
) -> None:
    _raise(side_by_side, "a_pinned_post_on_a_page_answering_304_is_never_removed")


def test_a_deletion_at_the_top_of_the_page_below_a_304_page_is_removed(
    side_by_side: dict[str, Any],
) -> None:
    _raise(side_by_side, "a_deletion_at_the_top_of_the_page_below_a_304_page_is_removed")


def test_a_post_whose_time_is_corrected_below_304_pages_removes_nothing(
    side_by_side: dict[str, Any],
) -> None:
    _raise(side_by_side, "a_post_whose_time_is_corrected_below_304_pages_removes_nothing")


def test_a_backdated_post_does_not_make_the_page_below_a_repeat(
    side_by_side: dict[str, Any],
) -> None:
    _raise(side_by_side, "a_backdated_post_does_not_make_the_page_below_a_repeat")


def test_an_older_page_that_keeps_failing_holds_back_no_new_post(
    side_by_side: dict[str, Any],
) -> None:
    _raise(side_by_side, "an_older_page_that_keeps_failing_holds_back_no_new_post")


def test_a_removal_and_the_return_are_kept_and_replayed_alike(db_path: Path) -> None:
    """u0005 is deleted, then put back: update_removals keeps both passes, and `liveblog
    reparse` rebuilds the same rows from the snapshots."""
    with EvolvingBlog([make_update(n) for n in range(9, 0, -1)]) as blog:
        crawl_local([blog.url], db_path)
        deleted = next(u for u in blog.chronological if u.id == "u0005")
        blog.delete("u0005")
        [gone] = crawl_local([blog.url], db_path)
        blog.chronological = sorted([*blog.chronological, deleted], key=lambda u: u.id)[::-1]
        [back] = crawl_local([blog.url], db_path)
        assert (gone.removed, back.restored) == (1, 1)
        conn = sqlite3.connect(db_path)
        removals = conn.execute(
            "SELECT u.source_id, r.removed_fetch_id, r.restored_fetch_id FROM update_removals r "
            "JOIN updates u ON u.id = r.update_id"
        ).fetchall()
        conn.close()
        assert removals == [("u0005", gone.fetch_id, back.fetch_id)]
        held = archived(db_path)
        assert_reparse_rebuilds(db_path, held)


def test_a_redated_post_is_a_version_and_reparse_rebuilds_it(
    side_by_side: dict[str, Any],
) -> None:
    _raise(side_by_side, "a_redated_post_is_a_version_and_reparse_rebuilds_it")


@pytest.mark.parametrize(("post", "published"), MISDATED)
def test_a_misdated_post_on_a_page_not_reread_hides_no_deletion_below(
    side_by_side: dict[str, Any], post: str, published: str
) -> None:
    _raise(side_by_side, f"a_misdated_post_on_a_page_not_reread_hides_no_deletion_below[{post}]")


def assert_reparse_rebuilds(db: Path, held: list[tuple[Any, ...]]) -> None:
    """`liveblog reparse` replays the snapshots into the same versions and removals."""
    replayed = CliRunner().invoke(cli, ["reparse", "--db", str(db)])
    assert replayed.exit_code == 0, replayed.output
    assert archived(db) == held


def blog_tables(db: Path, url: str) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of `updates` and `update_versions` of the blog at `url`, as `snapshot_tables`
    takes the whole archive's."""
    conn = sqlite3.connect(db, timeout=30)
    of_blog = "(SELECT id FROM blogs WHERE url = ?)"
    try:
        return {
            "updates": conn.execute(
                f"SELECT * FROM updates WHERE blog_id = {of_blog} ORDER BY rowid", [url]
            ).fetchall(),
            "update_versions": conn.execute(
                "SELECT v.* FROM update_versions v JOIN updates u ON u.id = v.update_id "
                f"WHERE u.blog_id = {of_blog} ORDER BY v.rowid",
                [url],
            ).fetchall(),
        }
    finally:
        conn.close()


def archived(db: Path, url: str | None = None) -> list[tuple[Any, ...]]:
    """The archive's versions and removals, of the blog at `url` when given."""
    conn = sqlite3.connect(db)
    of_blog = "WHERE u.blog_id = (SELECT id FROM blogs WHERE url = ?) " if url else ""
    try:
        versions = conn.execute(
            "SELECT u.source_id, u.removed_at, v.version, v.content_hash, v.published_at "
            f"FROM updates u JOIN update_versions v ON v.update_id = u.id {of_blog}"
            "ORDER BY u.source_id, v.version",
            [url] if url else [],
        ).fetchall()
        removals = conn.execute(
            "SELECT u.source_id, r.removed_at, r.removed_fetch_id, r.restored_at, "
            f"r.restored_fetch_id FROM update_removals r JOIN updates u ON u.id = r.update_id "
            f"{of_blog}ORDER BY u.source_id, r.removed_at",
            [url] if url else [],
        ).fetchall()
        return versions + removals
    finally:
        conn.close()


def pinned_flags(db: Path, url: str | None = None) -> dict[str, int]:
    """The pinned updates' flags, of the blog at `url` when given."""
    conn = sqlite3.connect(db)
    of_blog = " AND blog_id = (SELECT id FROM blogs WHERE url = ?)" if url else ""
    try:
        return dict(
            conn.execute(
                f"SELECT source_id, pinned FROM updates WHERE pinned != 0{of_blog}",
                [url] if url else [],
            )
        )
    finally:
        conn.close()
