"""Identity without publisher ids: a corrected headline is an edit, not removal plus a new update."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import sqlite_utils

from archive.db import open_archive
from archive.records import Update
from archive.rules import StoredIdentity, match_corrections, similar_bodies
from archive.store import record_pass
from tests.helpers import bpass

BODY = (
    "The prime minister has announced a public inquiry into the collapse of the bridge, "
    "saying families deserve answers. Opposition leaders welcomed the decision."
)


def idless(headline: str, body: str = BODY, at: str = "2024-05-01T10:15:00Z") -> Update:
    return Update(headline=headline, body_text=body, body_html=f"<p>{body}</p>", published_at=at)


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_archive(tmp_path / "archive.db")


def test_headline_correction_on_an_id_less_blog_is_version_two(db: sqlite_utils.Database) -> None:
    other = idless("Storm warning issued", "Forecasters expect gales.", "2024-05-01T10:05:00Z")
    first = record_pass(db, bpass([idless("PM anounces bridge inquiry"), other]))
    assert first.new == 2
    corrected = idless("PM announces bridge inquiry")
    second = record_pass(db, bpass([corrected, other], at="2024-05-01T12:05:00Z"))
    assert (second.new, second.changed, second.unchanged, second.removed) == (0, 1, 1, 0)
    rows = db.execute(
        "select id, headline, version, removed_at from updates order by id"
    ).fetchall()
    assert rows[0][1:] == ("PM announces bridge inquiry", 2, None)
    versions = db.execute(
        "select version, headline from update_versions where update_id = ? order by version",
        [rows[0][0]],
    ).fetchall()
    assert versions == [(1, "PM anounces bridge inquiry"), (2, "PM announces bridge inquiry")]
    # The next unchanged pass recognises the corrected headline directly.
    third = record_pass(db, bpass([corrected, other], at="2024-05-01T12:10:00Z"))
    assert (third.new, third.changed, third.unchanged, third.removed) == (0, 0, 2, 0)
    assert db["updates"].count == 2


def test_a_different_update_at_the_same_minute_is_not_taken_for_a_correction(
    db: sqlite_utils.Database,
) -> None:
    record_pass(db, bpass([idless("PM announces bridge inquiry")]))
    unrelated = idless("Markets fall", "Shares dropped sharply in early trading on weak data.")
    result = record_pass(db, bpass([unrelated], at="2024-05-01T12:05:00Z"))
    assert result.new == 1 and result.changed == 0 and result.removed == 1
    assert db["updates"].count == 2


def test_updates_with_publisher_ids_are_never_rekeyed(db: sqlite_utils.Database) -> None:
    record_pass(
        db,
        bpass(
            [
                Update(
                    source_id="a",
                    headline="One",
                    body_text=BODY,
                    published_at="2024-05-01T10:15:00Z",
                )
            ]
        ),
    )
    other = Update(
        source_id="b", headline="Two", body_text=BODY, published_at="2024-05-01T10:15:00Z"
    )
    result = record_pass(db, bpass([other], at="2024-05-01T12:05:00Z"))
    assert result.new == 1 and db["updates"].count == 2


def test_match_corrections_pairs_each_stored_update_once() -> None:
    stored = {
        "h:aaa": StoredIdentity("aaa", "2024-05-01T10:15:00Z", BODY),
    }
    twins = [idless("Title one"), idless("Title two")]
    keys = match_corrections(["h:111", "h:222"], twins, stored)
    assert keys.count("h:aaa") == 1


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (BODY, BODY + " More to follow.", True),
        (BODY, BODY.replace("inquiry", "enquiry"), True),
        (BODY, "Shares dropped sharply in early trading.", False),
        ("", "", True),
        ("", BODY, False),
    ],
)
def test_similar_bodies(a: str, b: str, same: bool) -> None:
    assert similar_bodies(a, b) is same


def test_a_tombstoned_update_is_marked_removed_and_never_inserted(
    db: sqlite_utils.Database,
) -> None:
    kept = Update(
        source_id="a", headline="Kept", body_text="x", published_at="2024-05-01T10:20:00Z"
    )
    doomed = Update(
        source_id="b", headline="Doomed", body_text="y", published_at="2024-05-01T10:10:00Z"
    )
    record_pass(db, bpass([kept, doomed]))
    ghost = Update(
        source_id="c", headline="", body_text="", published_at="2024-05-01T10:00:00Z", removed=True
    )
    tomb = Update(
        source_id="b", headline="", body_text="", published_at="2024-05-01T10:10:00Z", removed=True
    )
    result = record_pass(db, bpass([kept, tomb, ghost], at="2024-05-01T12:05:00Z", complete=False))
    assert (result.new, result.changed, result.removed) == (0, 0, 1)
    rows = db.execute(
        "select source_id, removed_at, version from updates order by source_id"
    ).fetchall()
    assert rows == [("a", None, 1), ("b", "2024-05-01T12:05:00Z", 1)]


REDESIGN = [
    ("post-3", "Power cuts hit Cornwall", "More than 10,000 homes are without power.", "08:20"),
    ("post-2", "Trains cancelled", "No trains run between Exeter and Plymouth.", "08:10"),
    ("post-1", "", "Gusts of 90mph were recorded on the Isles of Scilly overnight.", "08:00"),
]


def _posted(ids: list[str], second: str = "00", source: str | None = None) -> list[Update]:
    return [
        Update(
            source_id=new,
            headline=h,
            body_text=b,
            published_at=f"2024-05-01T{t}:{second}Z",
            published_from=source,
        )
        for new, (_, h, b, t) in zip(ids, REDESIGN, strict=True)
    ]


@pytest.mark.parametrize(
    ("second", "source"),
    [
        # Times the page states.
        ("00", None),
        # Times read from how long ago, five minutes on: a few seconds apart.
        ("40", "ago"),
    ],
)
def test_a_redesign_that_renames_every_post_id_keeps_every_row(
    db: sqlite_utils.Database, second: str, source: str | None
) -> None:
    record_pass(db, bpass(_posted([old for old, *_ in REDESIGN], source=source)))
    renamed = _posted(["lb-9f3a", "lb-77b1", "lb-1c0d"], second, source)
    result = record_pass(db, bpass(renamed, at="2024-05-01T12:05:00Z"))
    assert (result.new, result.changed, result.unchanged, result.removed) == (0, 0, 3, 0)
    assert result.error is None
    rows = db.execute("select id, source_id, version, removed_at from updates").fetchall()
    assert rows == [(1, "lb-9f3a", 1, None), (2, "lb-77b1", 1, None), (3, "lb-1c0d", 1, None)]
    assert db["update_removals"].count == 0
    again = record_pass(db, bpass(renamed, at="2024-05-01T12:10:00Z"))
    assert (again.new, again.unchanged, again.removed) == (0, 3, 0)


@pytest.mark.parametrize("source", [None, "ago"])
def test_a_redesign_that_renames_every_post_id_and_retitles_one_keeps_its_row(
    db: sqlite_utils.Database, source: str | None
) -> None:
    """A redesign gives every post a new id and rewrites one headline in the same pass: the
    retitled post keeps its row, a version, known by its opening words and its time."""
    record_pass(db, bpass(_posted([old for old, *_ in REDESIGN], source=source)))
    renamed = _posted(["lb-9f3a", "lb-77b1", "lb-1c0d"], "20" if source else "00", source)
    renamed[1] = replace(renamed[1], headline="No trains west of Exeter")
    result = record_pass(db, bpass(renamed, at="2024-05-01T12:05:00Z"))
    assert (result.new, result.changed, result.unchanged, result.removed) == (0, 1, 2, 0)
    rows = db.execute("select source_id, headline, version, removed_at from updates order by id")
    assert rows.fetchall()[1] == ("lb-77b1", "No trains west of Exeter", 2, None)
    again = record_pass(db, bpass(renamed, at="2024-05-01T12:10:00Z"))
    assert (again.new, again.changed, again.unchanged, again.removed) == (0, 0, 3, 0)


@pytest.mark.parametrize(
    ("twin", "at"),
    [
        # Its words another post's too: which of them it is, nothing says.
        (True, "08:10"),
        # Its words the same, at another time.
        (False, "09:40"),
    ],
)
def test_a_post_renamed_and_retitled_at_once_is_kept_only_by_words_and_time_its_alone(
    db: sqlite_utils.Database, twin: bool, at: str
) -> None:
    first = _posted([old for old, *_ in REDESIGN])
    words = first[1].body_text
    copy = replace(first[0], source_id="post-0", body_text=words)
    record_pass(db, bpass([*first, copy] if twin else first))
    other = Update(
        source_id="lb-x",
        headline="No trains west of Exeter",
        body_text=words,
        published_at=f"2024-05-01T{at}:00Z",
    )
    kept = _posted(["lb-9f3a", "lb-77b1", "lb-1c0d"])
    result = record_pass(db, bpass([other, kept[0], kept[2]], at="2024-05-01T12:05:00Z"))
    assert (result.new, result.changed, result.unchanged) == (1, 0, 2)
    assert result.removed == (2 if twin else 1)


def test_a_post_deleted_as_another_goes_up_under_a_new_id_is_no_rename(
    db: sqlite_utils.Database,
) -> None:
    record_pass(db, bpass(_posted([old for old, *_ in REDESIGN])))
    other = Update(
        source_id="post-4",
        headline="Rain warning for Devon",
        body_text="A yellow warning for rain covers Devon until midnight.",
        published_at="2024-05-01T08:10:00Z",
    )
    posts = _posted(["post-3", "post-2", "post-1"])
    result = record_pass(db, bpass([posts[0], other, posts[2]], at="2024-05-01T12:05:00Z"))
    assert (result.new, result.removed) == (1, 1)
    assert db.execute("select source_id from updates where removed_at is not null").fetchall() == [
        ("post-2",)
    ]


def _goal(source_id: str, score: str) -> Update:
    words = f"Argyle {score} Rovers. Whittaker heads in from a corner at the far post."
    return Update(
        source_id=source_id,
        headline="Goal!",
        body_text=words,
        published_at="2024-05-01T15:20:00Z",
        published_from="clock",
    )


def test_renamed_posts_alike_under_one_headline_and_minute_each_keep_their_own_row(
    db: sqlite_utils.Database,
) -> None:
    """Two goals shown in one minute under one headline, their words alike but for the
    score, each renamed: each keeps its own row and words, however the rows are ordered."""
    record_pass(db, bpass([_goal("g1", "1-0")]))
    record_pass(db, bpass([_goal("g2", "2-0"), _goal("g1", "1-0")], at="2024-05-01T15:25:00Z"))
    renamed = [_goal("lb-b", "2-0"), _goal("lb-a", "1-0")]
    result = record_pass(db, bpass(renamed, at="2024-05-01T15:30:00Z"))
    assert (result.new, result.changed, result.unchanged, result.removed) == (0, 0, 2, 0)
    rows = db.execute(
        "select source_id, version, substr(body_text, 1, 13) from updates order by id"
    )
    assert rows.fetchall() == [("lb-a", 1, "Argyle 1-0 Ro"), ("lb-b", 1, "Argyle 2-0 Ro")]


@pytest.mark.parametrize("source", [None, "ago"])
def test_a_redesign_of_a_blog_whose_posts_share_one_headline_keeps_each_post_its_row(
    db: sqlite_utils.Database, source: str | None
) -> None:
    """A market blog's "Markets update" each minute, its words alike but for the figures,
    every id renamed at once: each post keeps its own row, none changed."""

    def posted(prefix: str, second: str) -> list[Update]:
        return [
            Update(
                source_id=f"{prefix}{n}",
                headline="Markets update",
                body_text=f"The FTSE 100 stands at 7,{600 + n} after {n} minutes of trading.",
                published_at=f"2024-05-01T09:{n:02d}:{second}Z",
                published_from=source,
            )
            for n in range(59, 0, -1)
        ]

    record_pass(db, bpass(posted("post-", "00"), at="2024-05-01T10:00:00Z"))
    # (times read from how long ago, twenty seconds on: twenty seconds later)
    second = "20" if source else "00"
    result = record_pass(db, bpass(posted("lb-", second), at="2024-05-01T10:00:20Z"))
    assert (result.new, result.changed, result.unchanged, result.removed) == (0, 0, 59, 0)
    rows = db.execute("select source_id, substr(body_text, 24, 5) from updates order by id")
    assert rows.fetchall() == [(f"lb-{n}", f"7,{600 + n}") for n in range(59, 0, -1)]


def test_a_post_gone_as_one_of_its_headline_and_other_figures_goes_up_is_no_rename(
    db: sqlite_utils.Database,
) -> None:
    """A blog polled hourly whose times say how long ago: its "Markets update" of 10:35 is
    gone at 12:30, when another "Markets update", new to the archive and shown "1 hour ago"
    (10:30 to 11:30), holds other figures in the same words: the first is removed and the
    second is a new post, however well their times and words agree."""
    bank = Update(
        source_id="bank",
        headline="Bank holds rates",
        body_text="The Bank of England held rates at 5.25% for a sixth meeting.",
        published_at="2024-05-01T10:00:00Z",
        published_from="ago",
    )

    def markets(source_id: str, points: int, at: str) -> Update:
        return Update(
            source_id=source_id,
            headline="Markets update",
            body_text=f"The FTSE 100 is up {points} points at 7,6{points} as miners rally.",
            published_at=at,
            published_from="ago",
        )

    record_pass(
        db, bpass([markets("m1", 12, "2024-05-01T10:35:00Z"), bank], at="2024-05-01T10:40:00Z")
    )
    later = [markets("m2", 31, "2024-05-01T11:30:00Z"), bank]
    result = record_pass(db, bpass(later, at="2024-05-01T12:30:00Z"))
    assert (result.new, result.changed, result.removed) == (1, 0, 1)
    rows = db.execute("select source_id, version, removed_at is null from updates order by id")
    assert rows.fetchall() == [("m1", 1, 0), ("bank", 1, 1), ("m2", 1, 1)]


@pytest.mark.parametrize(
    ("copy", "renamed"),
    [
        # The toll corrected: the post deleted and another put up.
        ("5 people have died after a crash on the A38 near Plymouth, police say.", False),
        # A typo fixed: the post under its new id, a version.
        ("3 people have died after a crash on the A38 near Plymouth, police said.", True),
    ],
)
def test_a_copy_put_up_under_a_new_id_as_a_post_is_deleted_is_that_post_but_for_its_numbers(
    db: sqlite_utils.Database, copy: str, renamed: bool
) -> None:
    def crash(source_id: str, words: str) -> Update:
        return Update(
            source_id=source_id,
            headline="Crash on the A38",
            body_text=words,
            published_at="2024-05-01T09:00:00Z",
        )

    toll = "3 people have died after a crash on the A38 near Plymouth, police say."
    record_pass(db, bpass([crash("c1", toll)]))
    result = record_pass(db, bpass([crash("c2", copy)], at="2024-05-01T10:00:00Z"))
    assert (result.new, result.changed, result.removed) == ((0, 1, 0) if renamed else (1, 0, 1))


def _numbered(source_id: str, headline: str, words: str, at: str) -> Update:
    return Update(
        source_id=source_id, headline=headline, body_text=words, published_at=f"2024-05-01T{at}Z"
    )


STORM = _numbered(
    "101", "Storm warning issued", "Gales of 70mph are forecast for the coast.", "08:00:00"
)
FERRY = _numbered(
    "102", "Ferries cancelled", "All sailings to the islands are off today.", "08:30:00"
)
ROADS = _numbered(
    "103", "Roads closed", "The A30 is shut in both directions at Bodmin.", "09:00:00"
)
MARKETS = _numbered(
    "101",
    "Markets open higher",
    "Shares in London rose at the open as oil prices eased.",
    "14:00:00",
)


def test_an_id_the_publisher_gives_again_to_another_post_is_that_post_and_the_old_one_removed(
    db: sqlite_utils.Database,
) -> None:
    """A CMS that recycles the ids of deleted posts: id 101 held the storm warning of 08:00,
    and at 14:00 holds another post, its headline, words and time all other. The warning
    is removed and the markets post is a new one; the next pass changes nothing."""
    record_pass(db, bpass([ROADS, FERRY, STORM], at="2024-05-01T09:05:00Z"))
    later = [MARKETS, ROADS, FERRY]
    result = record_pass(db, bpass(later, at="2024-05-01T14:05:00Z"))
    assert (result.new, result.changed, result.unchanged, result.removed) == (1, 0, 2, 1)
    rows = db.execute("select source_id, headline, version, removed_at is null from updates")
    assert sorted(rows.fetchall()) == [
        ("101", "Markets open higher", 1, 1),
        ("101", "Storm warning issued", 1, 0),
        ("102", "Ferries cancelled", 1, 1),
        ("103", "Roads closed", 1, 1),
    ]
    again = record_pass(db, bpass(later, at="2024-05-01T14:10:00Z"))
    assert (again.new, again.changed, again.unchanged, again.removed) == (0, 0, 3, 0)


def test_an_id_given_to_another_post_as_its_post_moves_to_a_new_id_renames_that_post(
    db: sqlite_utils.Database,
) -> None:
    """The storm warning shown under id 240 the same pass its id 101 holds another post (at
    its time, even): the warning keeps its row under its new id, and the other is new."""
    record_pass(db, bpass([ROADS, FERRY, STORM], at="2024-05-01T09:05:00Z"))
    moved = replace(STORM, source_id="240")
    other = replace(MARKETS, published_at="2024-05-01T08:00:00Z")
    result = record_pass(db, bpass([ROADS, FERRY, moved, other], at="2024-05-01T14:05:00Z"))
    assert (result.new, result.changed, result.unchanged, result.removed) == (1, 0, 3, 0)
    rows = db.execute("select id, source_id, headline, removed_at is null from updates")
    assert sorted(rows.fetchall()) == [
        (1, "103", "Roads closed", 1),
        (2, "102", "Ferries cancelled", 1),
        (3, "240", "Storm warning issued", 1),
        (4, "101", "Markets open higher", 1),
    ]


@pytest.mark.parametrize(
    ("headline", "words", "at"),
    [
        # Rewritten whole, at its own time: an edit.
        ("Markets open higher", MARKETS.body_text, "08:00:00"),
        # Retitled and re-dated, its words kept: an edit.
        ("Storm warning raised to amber", STORM.body_text, "14:00:00"),
        # Re-dated within the hour, rewritten: an edit.
        ("Markets open higher", MARKETS.body_text, "08:45:00"),
    ],
)
def test_a_post_rewritten_under_its_own_id_stays_that_post(
    db: sqlite_utils.Database, headline: str, words: str, at: str
) -> None:
    record_pass(db, bpass([ROADS, FERRY, STORM], at="2024-05-01T09:05:00Z"))
    edit = _numbered("101", headline, words, at)
    result = record_pass(db, bpass([edit, ROADS, FERRY], at="2024-05-01T14:05:00Z"))
    assert (result.new, result.changed, result.removed) == (0, 1, 0)


RAIL = _numbered(
    "101", "Rail strike called off", "Unions and operators reached a late deal on pay.", "17:00:00"
)


def test_an_id_given_again_after_its_post_was_removed_is_another_post(
    db: sqlite_utils.Database,
) -> None:
    """A CMS that recycles ids: the markets post that took id 101 is taken down in one pass,
    and at 17:00 id 101 holds a third post. The rail post is new, not the markets post put
    back and rewritten; the markets post stays removed."""
    record_pass(db, bpass([ROADS, FERRY, STORM], at="2024-05-01T09:05:00Z"))
    record_pass(db, bpass([MARKETS, ROADS, FERRY], at="2024-05-01T14:05:00Z"))
    record_pass(db, bpass([ROADS, FERRY], at="2024-05-01T15:05:00Z"))
    result = record_pass(db, bpass([RAIL, ROADS, FERRY], at="2024-05-01T17:05:00Z"))
    assert (result.new, result.changed, result.restored, result.removed) == (1, 0, 0, 0)
    rows = db.execute("select source_id, headline, version, removed_at is null from updates")
    assert sorted(rows.fetchall()) == [
        ("101", "Markets open higher", 1, 0),
        ("101", "Rail strike called off", 1, 1),
        ("101", "Storm warning issued", 1, 0),
        ("102", "Ferries cancelled", 1, 1),
        ("103", "Roads closed", 1, 1),
    ]


def test_a_post_that_gave_up_its_id_shown_under_it_again_is_that_post_put_back(
    db: sqlite_utils.Database,
) -> None:
    """After id 101 went to the markets post, a page a cache kept from the morning shows the
    storm warning under it again, and the next pass the markets post: each time the post
    shown is the row that holds it, put back, and the other is removed; no third row."""
    record_pass(db, bpass([ROADS, FERRY, STORM], at="2024-05-01T09:05:00Z"))
    record_pass(db, bpass([MARKETS, ROADS, FERRY], at="2024-05-01T14:05:00Z"))
    old = bpass([ROADS, FERRY, STORM], at="2024-05-01T14:10:00Z")
    old.pages[0].headers = [("Age", "18000")]
    result = record_pass(db, old)
    assert (result.new, result.restored, result.removed) == (0, 1, 1)
    result = record_pass(db, bpass([MARKETS, ROADS, FERRY], at="2024-05-01T14:15:00Z"))
    assert (result.new, result.restored, result.removed) == (0, 1, 1)
    rows = db.execute("select id, source_id, headline, version, removed_at is null from updates")
    assert sorted(rows.fetchall()) == [
        (1, "103", "Roads closed", 1, 1),
        (2, "102", "Ferries cancelled", 1, 1),
        (3, "101", "Storm warning issued", 1, 0),
        (4, "101", "Markets open higher", 1, 1),
    ]


def test_a_rewrite_that_moves_its_time_over_an_hour_is_a_new_post(
    db: sqlite_utils.Database,
) -> None:
    """A known limit: the publisher rewrites the storm warning whole, retitled and "updated"
    two hours on, under its own id; it reads as an id given again, the old post removed."""
    record_pass(db, bpass([ROADS, FERRY, STORM], at="2024-05-01T09:05:00Z"))
    edit = _numbered(
        "101",
        "Amber alert: gusts to 90mph",
        "Forecasters now expect gusts of up to ninety miles an hour on western cliffs tonight.",
        "10:00:00",
    )
    result = record_pass(db, bpass([edit, ROADS, FERRY], at="2024-05-01T10:05:00Z"))
    assert (result.new, result.changed, result.removed) == (1, 0, 1)
