"""Removals only on evidence: repeated pages, another story's pages and mass removals."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from archive.db import open_archive
from archive.evidence import another_title, mass_removal, same_title, story_address, stretch
from archive.records import BlogPass, PageFetch, Update
from archive.store import record_pass
from tests.helpers import URL, bpass

STORY = "https://news.example/live/election"
OTHER = "https://news.example/live/football-transfers"
ARCHIVED = "https://news.example/live/weather"  # another blog of the archive
NEWS = "https://news.example"
MOVED = f"{NEWS}/2024/05/01/election-live/2/"  # pagination moved to an address of another shape
TITLE = "Election night: live updates"  # what the blog's pages show
OTHER_TITLE = "Transfer deadline day: live"  # what the football transfers' pages show


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_archive(tmp_path / "archive.db")


def upd(n: int, **kw: Any) -> Update:
    """Update n, published n minutes after 10:00 (higher n is newer)."""
    fields: dict[str, Any] = {
        "source_id": f"post-{n}",
        "headline": f"Headline {n}",
        "body_text": f"Body of update number {n}.",
        "published_at": f"2024-05-01T10:{n:02d}:00Z",
    }
    return Update(**(fields | kw))


def paged(
    pages: list[list[Update]],
    *,
    at: str,
    canonical: list[str | None] | None = None,
    bodies: list[bytes] | None = None,
    titles: list[str | None] | None = None,
) -> BlogPass:
    """A complete pass that read `pages` (updates per page) in order, each showing the blog's
    title unless `titles` says otherwise."""
    names = canonical or [None] * len(pages)
    raw = bodies or [repr(shown).encode() for shown in pages]
    shows = titles or [TITLE] * len(pages)
    return BlogPass(
        url=URL,
        title=shows[0],
        started_at=at,
        finished_at=at.replace(":00Z", ":30Z"),
        pages=[
            PageFetch(
                url=URL if i == 0 else f"{URL}?page={i + 1}",
                status=200,
                size=1000,
                updates=len(shown),
                body_sha256=hashlib.sha256(raw[i]).hexdigest(),
                canonical_url=names[i],
                title=shows[i],
            )
            for i, shown in enumerate(pages)
        ],
        updates=[u for shown in pages for u in shown],
        complete=True,
    )


def refused_pages(db: sqlite_utils.Database, fetch_id: int) -> list[str | None]:
    """Why each page of a pass did not count (None: it did)."""
    rows = db.execute("select refused from fetch_pages where fetch_id = ? order by seq", [fetch_id])
    return [r[0] for r in rows]


def live_ids(db: sqlite_utils.Database) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "select source_id from updates where removed_at is null order by source_id"
        )
    ]


def six_on_two_pages(db: sqlite_utils.Database) -> None:
    first = paged([[upd(6), upd(5), upd(4)], [upd(3), upd(2), upd(1)]], at="2024-05-01T11:00:00Z")
    assert record_pass(db, first).new == 6


def test_mass_removal_is_more_than_half_and_more_than_one() -> None:
    assert mass_removal(3, 5) and mass_removal(2, 2)
    assert not mass_removal(2, 4) and not mass_removal(1, 1)


def test_story_address_ignores_scheme_www_fragment_and_trailing_slash() -> None:
    assert story_address("https://www.news.example/live/a/#x") == story_address(
        "http://news.example/live/a"
    )
    assert story_address(STORY) != story_address(OTHER)


def test_a_page_two_with_the_bytes_of_page_one_proves_nothing_gone(
    db: sqlite_utils.Database,
) -> None:
    six_on_two_pages(db)
    top = [upd(7), upd(6), upd(5)]
    repeat = paged([top, top], at="2024-05-01T11:05:00Z", bodies=[b"page one", b"page one"])
    result = record_pass(db, repeat)
    assert result.ok and (result.new, result.removed) == (1, 0)
    assert live_ids(db) == [f"post-{n}" for n in range(1, 8)]
    assert db.execute(
        "select complete, incomplete_reason from fetches where id = ?", [result.fetch_id]
    ).fetchone() == (0, "repeated page")
    assert result.incomplete_reason == "repeated page"
    assert db.execute("select complete from blogs").fetchone() == (0,)
    refused = db.execute(
        "select seq, refused from fetch_pages where fetch_id = ? order by seq", [result.fetch_id]
    ).fetchall()
    assert refused == [(1, None), (2, "repeats an earlier page of this pass")]


def test_a_page_two_that_shows_nothing_older_is_a_repeat(db: sqlite_utils.Database) -> None:
    six_on_two_pages(db)
    # Other bytes (a fresh timestamp, say) but only what page 1 shows, or newer.
    repeat = paged([[upd(6), upd(5), upd(4)], [upd(6), upd(5)]], at="2024-05-01T11:05:00Z")
    result = record_pass(db, repeat)
    assert result.ok and result.removed == 0
    assert len(live_ids(db)) == 6


def test_a_blog_paginated_oldest_first_has_no_repeats_and_proves_removals(
    db: sqlite_utils.Database,
) -> None:
    """Page 2 of a blog listed oldest first shows only posts newer than page 1's: none of
    them, so it repeats nothing."""
    first = paged([[upd(1), upd(2), upd(3)], [upd(4), upd(5), upd(6)]], at="2024-05-01T11:00:00Z")
    assert record_pass(db, first).incomplete_reason is None
    later = paged([[upd(1), upd(2), upd(3)], [upd(4), upd(6), upd(7)]], at="2024-05-01T11:05:00Z")
    result = record_pass(db, later)
    assert result.ok and (result.new, result.removed) == (1, 1)
    assert "post-5" not in live_ids(db)
    assert db.execute(
        "select complete from fetches where id = ?", [result.fetch_id]
    ).fetchone() == (1,)


def test_an_honest_page_two_still_proves_removals(db: sqlite_utils.Database) -> None:
    six_on_two_pages(db)
    honest = paged([[upd(6), upd(5), upd(4)], [upd(3), upd(1)]], at="2024-05-01T11:05:00Z")
    result = record_pass(db, honest)
    assert result.ok and result.removed == 1
    assert "post-2" not in live_ids(db)


def test_one_of_five_is_quarantined_and_then_confirmed(db: sqlite_utils.Database) -> None:
    five = [upd(5), upd(4), upd(3), upd(2), upd(1)]
    record_pass(db, bpass(five))
    before = list(db.query("select * from updates order by id"))
    quarantined = record_pass(db, bpass([upd(5)], at="2024-05-01T12:05:00Z"))
    assert not quarantined.ok and quarantined.quarantined == 4 and quarantined.removed == 0
    assert quarantined.summary().startswith("quarantined: 4 of the blog's 5 standing updates")
    assert list(db.query("select * from updates order by id")) == before
    row = db.execute(
        "select error, quarantined, updates_removed from fetches where id = ?",
        [quarantined.fetch_id],
    ).fetchone()
    assert row == (quarantined.error, 1, 0)
    held = db.execute(
        "select count(*) from quarantined_removals where fetch_id = ?", [quarantined.fetch_id]
    ).fetchone()
    assert held == (4,)

    confirmed = record_pass(db, bpass([upd(5)], at="2024-05-01T12:10:00Z"))
    assert confirmed.ok and confirmed.removed == 4
    assert live_ids(db) == ["post-5"]


def test_a_quarantine_the_next_pass_does_not_confirm_removes_nothing(
    db: sqlite_utils.Database,
) -> None:
    five = [upd(5), upd(4), upd(3), upd(2), upd(1)]
    record_pass(db, bpass(five))
    assert record_pass(db, bpass([upd(5)], at="2024-05-01T12:05:00Z")).quarantined == 4
    back = record_pass(db, bpass([upd(6), *five], at="2024-05-01T12:10:00Z"))
    assert back.ok and (back.new, back.removed) == (1, 0)
    # A later shrink is judged afresh: quarantined again, not confirmed by the old one.
    again = record_pass(db, bpass([upd(6)], at="2024-05-01T12:15:00Z"))
    assert again.quarantined == 5 and len(live_ids(db)) == 6


def test_a_first_page_of_another_story_is_refused(db: sqlite_utils.Database) -> None:
    record_pass(db, paged([[upd(3), upd(2), upd(1)]], at="2024-05-01T11:00:00Z", canonical=[STORY]))
    stranger = Update(
        headline="Transfer deadline day",
        body_text="A striker signs.",
        published_at="2024-05-01T11:01:00Z",
    )
    result = record_pass(db, paged([[stranger]], at="2024-05-01T11:05:00Z", canonical=[OTHER]))
    assert not result.ok and result.error and "another story" in result.error
    assert OTHER in result.error
    assert live_ids(db) == ["post-1", "post-2", "post-3"]
    assert db["updates"].count == 3
    blog = db.execute("select title, canonical_url from blogs").fetchone()
    assert blog[1] == STORY


def redirected(shown: list[Update], to: str, at: str) -> BlogPass:
    """A pass whose first page was redirected to `to`, a page that names itself."""
    moved = paged([shown], at=at, canonical=[to])
    moved.pages[0].url = to
    return moved


def test_a_first_page_redirected_to_another_live_blog_is_refused(
    db: sqlite_utils.Database,
) -> None:
    record_pass(db, paged([[upd(3), upd(2), upd(1)]], at="2024-05-01T11:00:00Z", canonical=[URL]))
    strangers = [
        Update(
            headline=f"Transfer news {n}",
            body_text=f"Club {n} signs a striker.",
            published_at=f"2024-05-01T11:0{n}:00Z",
        )
        for n in (3, 2, 1)
    ]
    for minute in ("05", "10"):  # the next pass does not confirm a quarantine of all three
        result = record_pass(db, redirected(strangers, OTHER, f"2024-05-01T11:{minute}:00Z"))
        assert not result.ok and result.error
        assert f"{URL} now redirects to {OTHER}, another story" in result.error
    assert live_ids(db) == ["post-1", "post-2", "post-3"] and db["updates"].count == 3
    assert db.execute("select canonical_url from blogs").fetchone()[0] == URL


@pytest.mark.parametrize("new", [1, 4])
def test_a_first_page_redirected_to_the_blogs_new_address_is_the_blogs(
    db: sqlite_utils.Database, new: int
) -> None:
    """A retitled slug: the page there shows posts the archive holds, however many new ones
    a busy blog has added above them."""
    record_pass(db, paged([[upd(3), upd(2), upd(1)]], at="2024-05-01T11:00:00Z", canonical=[URL]))
    shown = [upd(n) for n in range(3 + new, 0, -1)]
    result = record_pass(db, redirected(shown, URL + "-retitled", "2024-05-01T11:05:00Z"))
    assert result.ok and result.new == new


def test_an_older_page_of_another_story_gives_nothing_and_stops_removals(
    db: sqlite_utils.Database,
) -> None:
    record_pass(
        db,
        paged(
            [[upd(6), upd(5), upd(4)], [upd(3), upd(2), upd(1)]],
            at="2024-05-01T11:00:00Z",
            canonical=[STORY, None],
        ),
    )
    stranger = Update(
        headline="Transfer deadline day",
        body_text="A striker signs.",
        published_at="2024-05-01T09:00:00Z",
    )
    result = record_pass(
        db,
        paged(
            [[upd(6), upd(5), upd(4)], [stranger]],
            at="2024-05-01T11:05:00Z",
            canonical=[STORY, OTHER],
            titles=[TITLE, OTHER_TITLE],
        ),
    )
    assert result.ok and (result.new, result.removed) == (0, 0)
    assert result.incomplete_reason == "another story's page"
    assert db["updates"].count == 6 and len(live_ids(db)) == 6
    refused = db.execute(
        "select refused from fetch_pages where fetch_id = ? and seq = 2", [result.fetch_id]
    ).fetchone()[0]
    assert refused == f"another story: {OTHER}"


def test_a_page_naming_itself_or_a_moved_blog_is_the_blogs(db: sqlite_utils.Database) -> None:
    record_pass(db, paged([[upd(3), upd(2), upd(1)]], at="2024-05-01T11:00:00Z", canonical=[STORY]))
    moved = STORY + "-latest"
    result = record_pass(
        db, paged([[upd(4), upd(3), upd(2), upd(1)]], at="2024-05-01T11:05:00Z", canonical=[moved])
    )
    assert result.ok and result.new == 1


def test_a_blog_gone_after_a_404_is_live_again_when_it_answers_304(
    db: sqlite_utils.Database,
) -> None:
    record_pass(db, bpass([upd(1)]))
    gone = record_pass(db, bpass([], at="2024-05-01T12:05:00Z", status=404, error="HTTP 404"))
    assert not gone.ok
    assert db.execute("select status from blogs").fetchone() == ("gone",)
    back = record_pass(db, bpass([], at="2024-05-01T12:10:00Z", not_modified=True))
    assert back.ok
    assert db.execute("select status from blogs").fetchone() == ("live",)


def skipped(page: PageFetch, shown: list[Update], newest: bool = True) -> None:
    """Make a pass's page one answered 304, as the spider reports it: the stretch of times it
    showed last time (its newest left out, as an archive older than that column has it)."""
    page.not_modified, page.status = True, 304
    page.oldest_at = min(u.published_at for u in shown if u.published_at)
    page.newest_at = max(u.published_at for u in shown if u.published_at) if newest else None


def test_a_page_that_repeats_a_304_page_above_is_a_repeat(db: sqlite_utils.Database) -> None:
    """A server that ignores `?page=`: page 2 is page 1 again (its bytes a little changed),
    and page 1 answered 304. What page 1 showed last time counts as shown above."""
    top, rest = [upd(n) for n in range(9, 2, -1)], [upd(2), upd(1)]
    assert record_pass(db, paged([top, rest], at="2024-05-01T11:00:00Z")).new == 9
    again = paged([top, top], at="2024-05-01T11:05:00Z", bodies=[b"page one", b"page one, again"])
    skipped(again.pages[0], top)
    again.updates = list(top)  # (a page answered 304 gives no updates)
    result = record_pass(db, again)
    assert result.ok and result.removed == 0 and result.incomplete_reason == "repeated page"
    assert len(live_ids(db)) == 9


def test_a_304_page_without_its_newest_time_is_bounded_by_the_page_above(
    db: sqlite_utils.Database,
) -> None:
    """An archive made before fetch_pages.newest_at: a page answered 304 reaches up to the
    oldest post of the page above, so a deletion on that page is still proved."""
    first, second = [upd(9), upd(8), upd(7)], [upd(6), upd(5), upd(4)]
    record_pass(db, paged([first, second], at="2024-05-01T11:00:00Z"))
    later = paged([[upd(9), upd(7)], second], at="2024-05-01T11:05:00Z")
    skipped(later.pages[1], second, newest=False)
    later.updates = [upd(9), upd(7)]
    result = record_pass(db, later)
    assert result.ok and result.removed == 1
    assert "post-8" not in live_ids(db)


def test_a_post_held_at_the_time_its_page_showed_stands_in_that_pages_304_stretch(
    db: sqlite_utils.Database,
) -> None:
    """Pass one states B's instant (10:08:17); pass two shows it as "50 minutes ago" (10:08:40),
    and page one's stretch is what pass two showed. When page one answers 304, B stands in
    that stretch: only the post deleted on page two is gone."""
    a, b = upd(9), upd(8, published_at="2024-05-01T10:08:17Z")
    second = [upd(6), upd(5), upd(4)]
    record_pass(db, paged([[a, b], second], at="2024-05-01T11:00:00Z"))
    ago = [upd(9, published_from="ago"), upd(8, published_at="2024-05-01T10:08:40Z",
                                             published_from="ago")]  # fmt: skip
    assert record_pass(db, paged([ago, second], at="2024-05-01T11:05:00Z")).ok
    later = paged([ago, [upd(6), upd(4)]], at="2024-05-01T11:10:00Z")
    skipped(later.pages[0], ago)
    later.updates = [upd(6), upd(4)]
    result = record_pass(db, later)
    assert result.ok and result.removed == 1
    assert live_ids(db) == ["post-4", "post-6", "post-8", "post-9"]


def test_a_pinned_post_on_a_page_that_answered_304_is_not_proved_gone(
    db: sqlite_utils.Database,
) -> None:
    """The pinned post tops page one, out of its page's stretch of times; page one answers
    304 and pages two and three are read to the end: the pinned post may stand there still."""
    pinned = upd(1, pinned=True)
    top, middle, bottom = [pinned, upd(9), upd(8)], [upd(7), upd(6)], [upd(5), upd(4)]
    record_pass(db, paged([top, middle, bottom], at="2024-05-01T11:00:00Z"))
    later = paged([top, middle, [upd(4)]], at="2024-05-01T11:05:00Z")
    skipped(later.pages[0], [upd(9), upd(8)])
    later.updates = [*middle, upd(4)]
    result = record_pass(db, later)
    assert result.ok and result.removed == 1
    assert "post-1" in live_ids(db) and "post-5" not in live_ids(db)


def test_a_pinned_post_gone_from_a_first_page_that_was_read_is_removed(
    db: sqlite_utils.Database,
) -> None:
    """Page one is read again without the pinned post; page two answers 304 and page three is
    read to the end: the pin stood on page one, which shows it no more."""
    pinned = upd(1, pinned=True)
    top, middle, bottom = [pinned, upd(9), upd(8)], [upd(7), upd(6)], [upd(5), upd(4)]
    record_pass(db, paged([top, middle, bottom], at="2024-05-01T11:00:00Z"))
    later = paged([[upd(9), upd(8)], middle, bottom], at="2024-05-01T11:05:00Z")
    skipped(later.pages[1], middle)
    later.updates = [upd(9), upd(8), *bottom]
    result = record_pass(db, later)
    assert result.ok and result.removed == 1
    assert "post-1" not in live_ids(db)


def test_a_failed_page_past_the_last_does_not_raise_the_blogs_page_count(
    db: sqlite_utils.Database,
) -> None:
    """A link past the blog's last page once answered 404: that pass read three pages, not
    four, and a later pass of three still reaches the end and proves the bottom's removals."""
    shown = [[upd(9), upd(8), upd(7)], [upd(6), upd(5), upd(4)], [upd(3), upd(2), upd(1)]]
    broken = paged([*shown, []], at="2024-05-01T11:00:00Z")
    broken.pages[3].failed, broken.pages[3].status = "HTTP 404 from …?page=4", 404
    broken.complete, broken.incomplete_reason = False, "older page failed"
    assert record_pass(db, broken).new == 9
    later = paged([*shown[:2], [upd(3), upd(2)]], at="2024-05-01T11:05:00Z")
    result = record_pass(db, later)
    assert result.ok and result.removed == 1
    assert "post-1" not in live_ids(db)


def at(*times: str) -> list[Update]:
    return [Update(source_id=f"p{i}", body_text="x", published_at=t) for i, t in enumerate(times)]


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        # A typo'd year among one afternoon's posts: the others bound the page's stretch.
        (
            ("2024-05-01T12:00:00Z", "2023-05-01T11:50:00Z", "2024-05-01T11:40:00Z"),
            ("2024-05-01T11:40:00Z", "2024-05-01T12:00:00Z", "2023-05-01T11:50:00Z"),
        ),
        # In order: the span, nothing set apart (the page's order does not contradict it).
        (
            ("2024-05-01T12:00:00Z", "2024-05-01T11:40:00Z", "2023-05-01T11:30:00Z"),
            ("2023-05-01T11:30:00Z", "2024-05-01T12:00:00Z", None),
        ),
        # Listed oldest first: no one post explains the order, so the span.
        (
            ("2024-05-01T11:00:00Z", "2024-05-01T11:10:00Z", "2024-05-01T11:20:00Z"),
            ("2024-05-01T11:00:00Z", "2024-05-01T11:20:00Z", None),
        ),
    ],
)
def test_a_pages_stretch_sets_apart_a_lone_post_its_order_contradicts(
    times: tuple[str, ...], expected: tuple[str | None, ...]
) -> None:
    assert stretch(at(*times)) == expected


def posts(page: int, *times: str) -> list[Update]:
    return [
        Update(source_id=f"p{page}-{i}", body_text=f"Post {i} of page {page}.", published_at=t)
        for i, t in enumerate(times)
    ]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # A typo'd year at the foot of page 1: older than all of page 2, which the others top.
        (
            ("2024-05-01T12:00:00Z", "2024-05-01T11:50:00Z", "2023-05-01T11:40:00Z"),
            ("2024-05-01T11:30:00Z", "2024-05-01T11:20:00Z", "2024-05-01T11:10:00Z"),
            [
                ("2024-05-01T11:50:00Z", "2024-05-01T12:00:00Z", "2023-05-01T11:40:00Z"),
                ("2024-05-01T11:10:00Z", "2024-05-01T11:30:00Z", None),
            ],
        ),
        # An honest old post at the foot of a page that spans a day: newer than page 2.
        (
            ("2024-05-01T12:00:00Z", "2024-05-01T11:50:00Z", "2024-04-30T09:00:00Z"),
            ("2024-04-30T08:00:00Z", "2024-04-30T07:00:00Z", "2024-04-30T06:00:00Z"),
            [
                ("2024-04-30T09:00:00Z", "2024-05-01T12:00:00Z", None),
                ("2024-04-30T06:00:00Z", "2024-04-30T08:00:00Z", None),
            ],
        ),
        # A year too late atop page 2: newer than all of page 1, which the others follow.
        (
            ("2024-05-01T12:00:00Z", "2024-05-01T11:50:00Z", "2024-05-01T11:40:00Z"),
            ("2025-05-01T11:30:00Z", "2024-05-01T11:20:00Z", "2024-05-01T11:10:00Z"),
            [
                ("2024-05-01T11:40:00Z", "2024-05-01T12:00:00Z", None),
                ("2024-05-01T11:10:00Z", "2024-05-01T11:20:00Z", "2025-05-01T11:30:00Z"),
            ],
        ),
        # Paginated oldest first: each page its span.
        (
            ("2024-05-01T11:00:00Z", "2024-05-01T11:10:00Z", "2024-05-01T11:20:00Z"),
            ("2024-05-01T11:30:00Z", "2024-05-01T11:40:00Z", "2024-05-01T11:50:00Z"),
            [
                ("2024-05-01T11:00:00Z", "2024-05-01T11:20:00Z", None),
                ("2024-05-01T11:30:00Z", "2024-05-01T11:50:00Z", None),
            ],
        ),
    ],
)
def test_a_pages_end_post_the_pages_beside_it_contradict_is_set_apart(
    db: sqlite_utils.Database,
    first: tuple[str, ...],
    second: tuple[str, ...],
    expected: list[tuple[str | None, ...]],
) -> None:
    result = record_pass(
        db, paged([posts(1, *first), posts(2, *second)], at="2024-05-01T12:05:00Z")
    )
    assert result.ok and result.new == 6
    rows = db.execute(
        "select oldest_at, newest_at, outlier_at from fetch_pages where fetch_id = ? order by seq",
        [result.fetch_id],
    ).fetchall()
    assert rows == expected


def moved_page_two(
    shown: list[Update],
    to: str,
    names: str | None,
    at: str = "2024-05-01T11:05:00Z",
    title: str | None = TITLE,
) -> BlogPass:
    """A pass whose page 2, asked for at `?page=2`, was redirected to `to`, naming `names`
    and showing `title`."""
    later = paged(
        [[upd(6), upd(5), upd(4)], shown], at=at, canonical=[URL, names], titles=[TITLE, title]
    )
    later.pages[0].next_url = f"{URL}?page=2"
    later.pages[1].url = to
    return later


WEATHER_TITLE = "Storm warnings: live"  # what the archived weather blog's pages show


@pytest.mark.parametrize(
    ("to", "names", "shown", "title", "taken"),
    [
        # Pagination that moved: a path below the blog's, naming itself, on any pass.
        (f"{URL}/page/2/", f"{URL}/page/2/", [upd(3), upd(2), upd(1)], TITLE, True),
        # An address of no page of the blog's, whose canonical is the blog itself.
        ("https://news.example/archive/p2", URL, [upd(3), upd(2), upd(1)], TITLE, True),
        # An address of no page of the blog's, naming itself, showing the blog's updates.
        ("https://news.example/archive/p2", None, [upd(3), upd(2), upd(1)], TITLE, True),
        # Another live blog's page, naming itself: none of the blog's updates.
        (OTHER, OTHER, [upd(50, source_id="transfer-1")], OTHER_TITLE, False),
        # Another blog of the archive, even showing an update the blog holds (filed under it
        # by an older version of this program).
        (ARCHIVED, ARCHIVED, [upd(3), upd(50, source_id="transfer-1")], WEATHER_TITLE, False),
        (
            f"{ARCHIVED}?page=1",
            ARCHIVED,
            [upd(3), upd(50, source_id="transfer-1")],
            WEATHER_TITLE,
            False,
        ),
    ],
    ids=["moved-pagination", "names-the-blog", "renamed", "another-story", "archived", "named"],
)
def test_an_older_page_redirected_away_is_the_blogs_only_where_it_stays_the_blogs(
    db: sqlite_utils.Database,
    to: str,
    names: str | None,
    shown: list[Update],
    title: str | None,
    taken: bool,
) -> None:
    weather = bpass([upd(50, source_id="weather-1")], at="2024-05-01T10:00:00Z")
    weather.url = weather.pages[0].url = ARCHIVED
    weather.title = weather.pages[0].title = WEATHER_TITLE
    record_pass(db, weather)
    six_on_two_pages(db)
    result = record_pass(db, moved_page_two(shown, to, names, title=title))
    assert result.ok and result.removed == 0
    why = db.execute(
        "select refused from fetch_pages where fetch_id = ? and seq = 2", [result.fetch_id]
    ).fetchone()[0]
    if taken:
        assert why is None and result.incomplete_reason is None
    else:
        assert why in (
            f"{URL}?page=2 redirected to another story: {to}",
            f"another story: {names}",
        )
        assert result.incomplete_reason == "another story's page"
        assert result.summary().endswith(f"; incomplete: another story's page ({why})")
        assert db.execute(
            "select count(*) from updates where source_id = 'transfer-1'"
        ).fetchone() == (0,)


def test_pages_of_another_story_do_not_count_among_the_pages_the_blog_has(
    db: sqlite_utils.Database,
) -> None:
    """Page 2 once redirected to another live blog of three pages: that pass read four pages,
    but the blog has two, and a later pass of two reaches its end and proves the bottom's
    removals."""
    six_on_two_pages(db)
    strangers = [[upd(50 + n, source_id=f"transfer-{n}")] for n in range(3)]
    away = moved_page_two(strangers[0], OTHER, OTHER, title=OTHER_TITLE)
    for n, shown in enumerate(strangers[1:], start=2):
        away.pages.append(
            PageFetch(url=f"{OTHER}?page={n}", status=200, size=1000, updates=len(shown))
        )
        away.updates.extend(shown)
    assert record_pass(db, away).incomplete_reason == "another story's page"
    later = paged([[upd(6), upd(5), upd(4)], [upd(3), upd(2)]], at="2024-05-01T11:10:00Z")
    result = record_pass(db, later)
    assert result.ok and result.removed == 1
    assert "post-1" not in live_ids(db)


@pytest.mark.parametrize(
    "to",
    [
        "https://www.news.example/live/election/page/2/",
        "http://www.news.example/live/election/page/2",
    ],
    ids=["www", "www-over-http"],
)
def test_an_older_page_moved_onto_the_blogs_www_host_is_the_blogs_on_a_first_pass(
    db: sqlite_utils.Database, to: str
) -> None:
    """`?page=2` redirected to `/page/2/` on the site's `www.` host (the blog's own site, as
    the spider's boundary has it), naming itself: pagination that moved, though the archive
    knows none of its posts yet."""
    first = moved_page_two([upd(3), upd(2), upd(1)], to, to, at="2024-05-01T11:00:00Z")
    result = record_pass(db, first)
    assert result.ok, result.error
    assert (result.new, result.incomplete_reason) == (6, None)


@pytest.mark.parametrize(
    ("to", "names", "title", "taken"),
    [
        # Pagination moved to an address of another shape, naming itself.
        (MOVED, MOVED, TITLE, True),
        # A CMS names page 2 by an id of its own, and marks its title with the page and the
        # site's name.
        (
            f"{URL}?page=2",
            f"{NEWS}/articles/c8812x2",
            f"{TITLE} – Page 2 of 2 | News Example",
            True,
        ),
        # Another live blog of the site, under its own title.
        (OTHER, OTHER, OTHER_TITLE, False),
        (f"{URL}?page=2", OTHER, OTHER_TITLE, False),
        # A page whose title cannot be told (a worker's message older than titles): no evidence.
        (OTHER, OTHER, None, True),
    ],
    ids=["moved-elsewhere", "own-canonical-id", "another-story", "naming-another", "untitled"],
)
def test_an_older_page_is_another_storys_on_a_first_pass_only_under_another_title(
    db: sqlite_utils.Database, to: str, names: str, title: str | None, taken: bool
) -> None:
    """No address says page 2 is the blog's, and the archive knows none of its posts yet: its
    title tells the blog's own page that moved from another live blog's."""
    first = moved_page_two([upd(3), upd(2), upd(1)], to, names, title=title)
    result = record_pass(db, first)
    assert result.ok, result.error
    if taken:
        assert (result.new, result.incomplete_reason) == (6, None)
        assert refused_pages(db, result.fetch_id) == [None, None]
    else:
        assert (result.new, result.incomplete_reason) == (3, "another story's page")
        assert refused_pages(db, result.fetch_id)[1] is not None


@pytest.mark.parametrize(("title", "taken"), [(f"{TITLE} (2)", True), (OTHER_TITLE, False)])
def test_the_blogs_title_is_the_archives_where_its_first_page_was_not_read(
    db: sqlite_utils.Database, title: str, taken: bool
) -> None:
    """Page one answers 304, so this pass shows no title of the blog: the archive's stands,
    and page 2, redirected to another story, is that story's only under another title."""
    six_on_two_pages(db)
    stranger = [upd(50, source_id="transfer-1")]
    later = moved_page_two(stranger, OTHER, OTHER, title=title)
    skipped(later.pages[0], [upd(6), upd(5), upd(4)])
    later.title = later.pages[0].title = None
    later.updates = list(stranger)
    result = record_pass(db, later)
    assert result.ok, result.error
    assert (refused_pages(db, result.fetch_id)[1] is None) is taken


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (TITLE, "ELECTION NIGHT – live updates"),
        (TITLE, f"{TITLE} - ITV News"),
        (f"{TITLE} | ITV News", f"{TITLE} – Page 2 of 5 | ITV News"),
        (TITLE, f"{TITLE}, page 2"),
        ("Wahlabend im Liveticker", "Wahlabend im Liveticker – Seite 2"),
        (TITLE, f"{TITLE} (2)"),
        ("Storm Ciarán - live", "Storm Ciarán - live | BBC News"),
        ("Tempête Ciarán : le direct", "Tempête Ciarán : le direct - 20 Minutes"),
        ("Κακοκαιρία Daniel | Καθημερινή", "Κακοκαιρία Daniel – Σελίδα 2 | Καθημερινή"),
        ("مباشر: العاصفة دانيال | الجزيرة", "مباشر: العاصفة دانيال - صفحة 2 | الجزيرة"),
        ("Шторм: онлайн | ТАСС", "Шторм: онлайн – Страница 2 | ТАСС"),
        ("Fırtına canlı | Hürriyet", "Fırtına canlı - Sayfa 2 | Hürriyet"),
        ("🔴 LIVE: Storm Ciarán", "LIVE: Storm Ciarán 🌀"),
        (TITLE, f"{TITLE} | Politics | ITV News"),
        ("台风直播 | 新华网", "台风直播 - 第2页 | 新华网"),
        ("台風ライブ | NHK", "台風ライブ - 2ページ目 | NHK"),
        ("태풍 실시간 | 연합뉴스", "태풍 실시간 - 2페이지 | 연합뉴스"),
        ("طوفان زنده | ایسنا", "طوفان زنده - صفحه ۲ | ایسنا"),
        ("तूफ़ान लाइव | NDTV", "तूफ़ान लाइव - पृष्ठ 2 | NDTV"),
        ("Storm Ciarán live", "Storm Ciarán live • The Herald"),
        ("Storm Ciarán live", "Storm Ciarán live :: Page 2 :: The Herald"),
        ("Storm Ciarán live", "Storm Ciarán live ⋆ The Herald"),
        ("Storm Ciarán live", "Storm Ciarán live ~ The Herald"),
        ("Storm Ciarán – as it happened | The Guardian", "Storm Ciarán – as it happened"),
        ("Storm Ciarán: latest updates", "Storm Ciarán – live"),
        ("Tempête Ciarán : le direct", "Tempête Ciarán – en direct"),
        ("Storm Ciarán live", "Storm Ciarán live | The Sunday Times"),
        ("Storm Ciarán live", "Storm Ciarán live | Channel 4 News"),
        ("Storm Ciarán live", "Storm Ciarán live | F1 | Sky Sports"),
        (
            "Tempête Ciarán : le direct | Le Monde",
            "Tempête Ciarán : le direct – Page 2 sur 5 | Le Monde",
        ),
        ("Storm Ciarán live | NOS", "Storm Ciarán live - pagina 2 van 5 | NOS"),
        ("Stormen Ciarán live | DR", "Stormen Ciarán live - side 2 af 5 | DR"),
        ("Furtuna Ciarán live | Digi24", "Furtuna Ciarán live - pagina 2 din 5 | Digi24"),
        (
            "Ciarán vihar – percről percre | Index",
            "Ciarán vihar – percről percre – 2. oldal | Index",
        ),
        (TITLE, f"{TITLE}, p. 2"),
        (TITLE, f"{TITLE} - pg. 2"),
    ],
)
def test_one_title_compared_loosely(a: str, b: str) -> None:
    assert same_title(a, b) and same_title(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (TITLE, OTHER_TITLE),
        ("Election - live", "Election - results"),  # not both cut to "Election"
        ("Storm Ciarán – as it happened", "Storm Ciarán – what we know"),
        # A blog that ended, and the site's blog of the next day under the same words.
        ("Storm Ciarán – live | The Guardian", "Storm Ciarán – as it happened | The Guardian"),
        (f"{TITLE} - ITV News", "Election night: live updates from Scotland - ITV News"),
        # The site's live blog of another day, its date where a site's name would stand.
        ("Storm Ciarán live", "Storm Ciarán live – 3 November"),
        ("Storm Ciarán live", "Storm Ciarán live - November 3rd"),
        ("Sturm im Liveticker", "Sturm im Liveticker – 3. November 2023"),
        ("Storm Ciarán live", "Storm Ciarán live - 03/11/2023"),
        ("Ukraine war live", "Ukraine war live - day 618"),
        ("Storm Ciarán live", "Storm Ciarán live – Thursday"),
        ("Sturm im Liveticker", "Sturm im Liveticker – Donnerstag | WAZ"),
        ("Tempête Ciarán : le direct", "Tempête Ciarán : le direct – jeudi"),
        ("Ukraine war live | World news | The Guardian", "Ukraine war live – day 619 | World news"),
        # A number where a section would stand counts the site's blog of the day.
        ("Tour de France live", "Tour de France live | Stage 12 | Cyclingnews"),
        (
            "Guerra en Ucrania, en directo",
            "Guerra en Ucrania, en directo | 3 de noviembre | El País",
        ),
        (TITLE, None),
        (None, None),
        ("", TITLE),
    ],
)
def test_other_titles_are_not_one(a: str | None, b: str | None) -> None:
    assert not same_title(a, b) and not same_title(b, a)


@pytest.mark.parametrize(
    ("title", "own", "sites", "another"),
    [
        ("BBC News", ["Storm Ciarán live | BBC News"], [], False),
        ("ITV News", [TITLE], ["ITV News"], False),
        (OTHER_TITLE, [TITLE], ["ITV News"], True),
        (OTHER_TITLE, ["Storm Ciarán live | BBC News"], [], True),
        (TITLE, ["ITV News", "ITV News"], ["ITV News"], False),
        (OTHER_TITLE, ["ITV News", TITLE], ["ITV News"], True),
        ("Storm Ciarán – live | The Guardian", ["Storm Ciarán – as it happened"], [], False),
        ("Storm Ciarán – as it happened", ["Storm Ciarán – live | The Guardian"], [], True),
    ],
    ids=[
        "name-after-the-title",
        "publisher",
        "other",
        "other-site",
        "blog's",
        "blog's-too",
        "still-live-once-ended",
        "ended-while-live",
    ],
)
def test_a_title_that_is_the_sites_name_alone_tells_no_other_story(
    title: str, own: list[str | None], sites: list[str | None], another: bool
) -> None:
    """An older page under the site's generic title (its name alone, as the blog's title
    ends in it or its publisher is called) says nothing of the story it belongs to; nor does
    a blog's first page under it say what the blog's title is."""
    assert another_title(title, own, sites) is another
