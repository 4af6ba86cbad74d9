"""Ids that a page's framework draws again at each render, or that count places, are no
post's identity: successive fetches of one blog keep every post's row.

The pages are built here, after documented markup: React's `useId` (`id=":r4:"`, regenerated
whenever the tree renders in another order), and a CMS that numbers its posts by their place
from the top (`article#post-1` on the newest, as La Nación's JSON-LD `#parrafo_N` does)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from archive.db import open_archive
from archive.records import PassResult
from archive.store import record_pass
from crawler.extract.page import extract_page
from tests.helpers import URL, bpass

WORDS = [
    "council",
    "storm",
    "rail",
    "bridge",
    "minister",
    "police",
    "river",
    "school",
    "market",
    "harbour",
    "flood",
    "hospital",
    "mayor",
    "road",
    "train",
    "airport",
    "festival",
    "court",
    "museum",
    "union",
]
TITLE = "Storm live: latest updates"


def post(n: int, edited: bool = False) -> tuple[str, str, str]:
    """The n-th post's headline, words and time (ten minutes apart from 08:10)."""
    headline = f"{WORDS[n].capitalize()} update {n}: {WORDS[n + 1]} and {WORDS[n + 2]} news"
    body = " ".join(WORDS[(n * k) % 20] for k in range(3, 30)).capitalize() + f" number {n}."
    if edited:
        body += " An extra sentence was added later."
    at = f"2024-05-01T{8 + n * 10 // 60:02d}:{n * 10 % 60:02d}:00Z"
    return headline, body, at


def fetch(shown: list[int], edited: int, render: Callable[[int, int], str], pin: int = 0) -> bytes:
    """The page with posts `shown`, newest first, post `pin` copied on top (0: none); each
    article's id as `render(place, post)` draws it."""
    rows = [(n, True) for n in [pin] if n] + [(n, False) for n in shown]
    articles = []
    for place, (n, pinned) in enumerate(rows):
        headline, body, at = post(n, n == edited)
        articles.append(
            f'<article class="entry{" pinned" if pinned else ""}" id="{render(place, n)}">'
            f'<h2>{headline}</h2><time datetime="{at}">{at[11:16]}</time><p>{body}</p></article>'
        )
    return (
        f"<html><head><title>{TITLE}</title></head><body><main><h1>{TITLE}</h1>"
        f'<div class="feed">{"".join(articles)}</div></main></body></html>'
    ).encode()


def passes(tmp_path: Path, pages: list[bytes]) -> list[PassResult]:
    db = open_archive(tmp_path / "archive.db")
    results = []
    for i, body in enumerate(pages):
        at = f"2024-05-01T{12 + i}:00:00Z"
        found = extract_page(body, URL, fetched_at=at).updates
        results.append(record_pass(db, bpass(found, at=at)))
    return results


def counts(results: list[PassResult]) -> list[tuple[int, int, int]]:
    return [(r.new, r.changed, r.removed) for r in results]


def test_ids_that_count_places_from_the_top_are_no_posts_ids(tmp_path: Path) -> None:
    def render(place: int, n: int) -> str:
        return f"post-{place + 1}"

    first = fetch([6, 5, 4, 3, 2, 1], 0, render)
    second = fetch([8, 7, 6, 5, 4, 3, 2, 1], 3, render)  # two on top, the third edited
    third = fetch([9, 8, 7, 6, 4, 3, 2, 1], 3, render)  # one on top, the fifth taken down
    found = extract_page(second, URL, fetched_at="2024-05-01T13:00:00Z").updates
    assert [u.source_id for u in found] == [None] * 8
    results = passes(tmp_path, [first, second, third])
    assert counts(results) == [(6, 0, 0), (2, 1, 0), (1, 0, 1)]


def test_a_pinned_copy_under_an_id_of_its_render_is_its_post(tmp_path: Path) -> None:
    def render(place: int, n: int) -> str:
        return f":r{place * 7 + n * 3:x}:"  # React's useId: another at each render

    first = fetch([6, 5, 4, 3, 2, 1], 0, render, pin=1)
    second = fetch([8, 7, 6, 5, 4, 3, 2, 1], 3, render, pin=1)
    third = fetch([9, 8, 7, 6, 4, 3, 2, 1], 3, render, pin=1)
    found = extract_page(first, URL, fetched_at="2024-05-01T12:00:00Z").updates
    assert len(found) == 6
    assert [u.headline for u in found if u.pinned] == [post(1)[0]]
    results = passes(tmp_path, [first, second, third])
    assert counts(results) == [(6, 0, 0), (2, 1, 0), (1, 0, 1)]


def roundup(n: int, pinned: bool = False) -> str:
    """A recurring post that opens as every other one does ("Here's the latest…"), its CMS id
    `post-50NN`, at 0N:00."""
    topic = WORDS[n]
    return (
        f'<article class="entry{" pinned" if pinned else ""}" id="post-{5000 + n}">'
        f'<h2>Here\'s the latest</h2><time datetime="2024-05-01T{n:02d}:00:00Z">{n:02d}:00</time>'
        f"<p>Here's the latest on what we know so far:</p>"
        f"<p>The {topic} story took another turn this hour, as officials said {n} times.</p>"
        "</article>"
    )


def test_a_pinned_post_is_no_copy_of_another_that_opens_as_it_does(tmp_path: Path) -> None:
    others = [
        f'<article class="entry" id="post-{5000 + n}"><h2>{post(n)[0]}</h2>'
        f'<time datetime="2024-05-01T{n:02d}:30:00Z">{n:02d}:30</time><p>{post(n)[1]}</p></article>'
        for n in (6, 5, 3, 2)
    ]

    def fetch(rows: list[str]) -> bytes:
        return (
            f"<html><head><title>{TITLE}</title></head><body><main><h1>{TITLE}</h1>"
            f'<div class="feed">{"".join(rows)}</div></main></body></html>'
        ).encode()

    # The first roundup pinned in its place, then a copy of it pinned above the stream.
    first = fetch([roundup(1, True), others[1], roundup(4), *others[2:]])
    second = fetch([roundup(1, True), others[0], others[1], roundup(4), *others[2:], roundup(1)])
    for body in (first, second):
        found = extract_page(body, URL, fetched_at="2024-05-01T12:00:00Z").updates
        assert sorted(u.source_id or "" for u in found if "latest" in (u.headline or "")) == [
            "post-5001",
            "post-5004",
        ]
    results = passes(tmp_path, [first, second])
    assert counts(results) == [(5, 0, 0), (1, 0, 0)]


def stream(rows: list[tuple[int, int, str, bool]]) -> bytes:
    """A page of posts `(id number, post, hh:mm, edited)` as listed, newest first."""
    articles = [
        f'<article class="entry" id="post-{number}"><h2>{post(n)[0]}</h2>'
        f'<time datetime="2024-05-01T{at}:00Z">{at}</time><p>{post(n, edited)[1]}</p></article>'
        for number, n, at, edited in rows
    ]
    return (
        f"<html><head><title>{TITLE}</title></head><body><main><h1>{TITLE}</h1>"
        f'<div class="feed">{"".join(articles)}</div></main></body></html>'
    ).encode()


def test_a_post_keeps_its_row_when_its_id_is_read_only_later(tmp_path: Path) -> None:
    # A CMS's ids 1 and 2, the first drafted before the second but published after it: two
    # posts read as places, then a third on top shows them to be ids.
    first = stream([(1, 1, "10:10", False), (2, 2, "10:05", False)])
    second = stream([(1, 1, "10:10", True), (2, 2, "10:05", False)])
    third = stream([(3, 3, "10:30", False), (1, 1, "10:10", True), (2, 2, "10:05", False)])
    fourth = stream([(3, 3, "10:30", False), (2, 2, "10:05", False)])
    results = passes(tmp_path, [first, second, third, fourth])
    assert counts(results) == [(2, 0, 0), (0, 1, 0), (1, 0, 0), (0, 0, 1)]


def test_a_post_keeps_its_row_when_its_id_is_read_as_a_place_only_later(tmp_path: Path) -> None:
    # Ids that count places, `post-1` on the newest; the first two posts of one minute show no
    # order, so their ids are kept, until a third on top shows them to be places.
    first = stream([(1, 2, "10:05", False), (2, 1, "10:05", False)])
    second = stream([(1, 3, "10:30", False), (2, 2, "10:05", False), (3, 1, "10:05", False)])
    third = stream([(1, 4, "10:40", False), (2, 3, "10:30", False), (3, 2, "10:05", True)])
    results = passes(tmp_path, [first, second, third])
    assert counts(results) == [(2, 0, 0), (1, 0, 0), (1, 1, 1)]


def twins(rows: list[tuple[int, str, str, str]]) -> bytes:
    """A page of posts `(id number, headline, hh:mm, words)` as listed, newest first."""
    articles = [
        f'<article class="entry" id="post-{number}"><h2>{headline}</h2>'
        f'<time datetime="2024-05-01T{at}:00Z">{at}</time><p>{words}</p></article>'
        for number, headline, at, words in rows
    ]
    return (
        f"<html><head><title>{TITLE}</title></head><body><main><h1>{TITLE}</h1>"
        f'<div class="feed">{"".join(articles)}</div></main></body></html>'
    ).encode()


SMITH = "Smith scores from the edge of the box after a long move down the left wing."
JONES = "Jones heads in at the near post from a corner, and the visitors are level again."
TALK = "Second half under way now, with both sides unchanged after an open first half."
KANE = "Kane hits the bar from twenty yards and the rebound is cleared off the line."


def test_twins_keep_their_rows_when_their_ids_are_read_as_places_only_later(
    tmp_path: Path,
) -> None:
    # Two goals of one minute open a blog whose ids count places: kept as ids, then read as
    # places once a third post is up; each goal is the stored one of its own words.
    first = twins([(1, "Goal!", "10:05", JONES), (2, "Goal!", "10:05", SMITH)])
    second = twins(
        [
            (1, "Half-time", "10:30", TALK),
            (2, "Goal!", "10:05", JONES),
            (3, "Goal!", "10:05", SMITH),
        ]
    )
    third = twins(
        [
            (1, "Chance!", "10:40", KANE),
            (2, "Half-time", "10:30", TALK),
            (3, "Goal!", "10:05", JONES),
            (4, "Goal!", "10:05", SMITH + " What a goal."),
        ]
    )
    results = passes(tmp_path, [first, second, third])
    assert [r.error for r in results] == [None, None, None]
    assert counts(results) == [(2, 0, 0), (1, 0, 0), (1, 1, 0)]


def test_a_post_under_a_new_id_is_no_untimed_post_of_its_headline_in_other_words(
    tmp_path: Path,
) -> None:
    # A blog of ids whose summary box has neither id nor time: the box taken down and a post
    # "Summary" of other words put up under an id is another post, not the box edited.
    def fetch(top: str) -> bytes:
        rows = [(101, "River rises", "10:10", TALK), (100, "Harbour shut", "10:00", KANE)]
        return twins(rows).replace(b'<div class="feed">', b'<div class="feed">' + top.encode())

    box = '<article class="entry"><h2>Summary</h2><p>' + SMITH + "</p></article>"
    summary = (
        '<article class="entry" id="post-103"><h2>Summary</h2>'
        '<time datetime="2024-05-01T11:00:00Z">11:00</time><p>' + JONES + "</p></article>"
    )
    results = passes(tmp_path, [fetch(box), fetch(summary)])
    assert counts(results) == [(3, 0, 0), (1, 0, 1)]


def test_a_post_keeps_its_row_when_its_id_is_read_as_another_of_its_headline_goes_up(
    tmp_path: Path,
) -> None:
    # A CMS's `post-1` drafted first and published after `post-2` (places, then ids once
    # `post-3` is up); `post-3` is another "Goal!" at another minute, and `post-1` is edited.
    first = twins([(1, "Goal!", "10:10", SMITH), (2, "Kick-off", "10:05", TALK)])
    second = twins(
        [
            (3, "Goal!", "10:50", JONES),
            (1, "Goal!", "10:10", SMITH + " What a strike."),
            (2, "Kick-off", "10:05", TALK),
        ]
    )
    results = passes(tmp_path, [first, second])
    assert counts(results) == [(2, 0, 0), (1, 1, 0)]


def test_a_twin_taken_down_is_no_other_twin_put_up_when_the_ids_turn(tmp_path: Path) -> None:
    # Two goals of one minute kept under their ids; as a third post shows the ids to count
    # places, one goal is taken down (disallowed) and another of that minute is up.
    first = twins([(1, "Goal!", "10:05", JONES), (2, "Goal!", "10:05", SMITH)])
    second = twins(
        [(1, "Half-time", "10:30", TALK), (2, "Goal!", "10:05", KANE), (3, "Goal!", "10:05", SMITH)]
    )
    results = passes(tmp_path, [first, second])
    assert counts(results) == [(2, 0, 0), (2, 0, 1)]


def test_a_twin_edited_keeps_its_row_when_its_ids_turn_and_its_twin_is_not_read(
    tmp_path: Path,
) -> None:
    # Two goals of one minute read as places; then, the ids read as ids, the pass reads page
    # 1 alone (its page limit), one goal edited on it, the other past it on page 2.
    first = twins(
        [
            (1, "Half-time", "10:30", TALK),
            (2, "Goal!", "10:05", JONES),
            (3, "Goal!", "10:05", SMITH),
        ]
    )
    second = twins(
        [
            (4, "Chance!", "10:40", KANE),
            (1, "Half-time", "10:30", TALK),
            (2, "Goal!", "10:05", JONES + " What a header."),
        ]
    )
    db = open_archive(tmp_path / "archive.db")
    results = []
    for i, body in enumerate([first, second]):
        at = f"2024-05-01T{12 + i}:00:00Z"
        found = extract_page(body, URL, fetched_at=at).updates
        results.append(record_pass(db, bpass(found, at=at, pages=1 + i, complete=i == 0)))
    assert counts(results) == [(3, 0, 0), (1, 1, 0)]


def said(rows: list[tuple[int, int, str]]) -> bytes:
    """A live blog tool's stream of headline-less posts `(id number, minutes ago, words)` as
    listed, newest first, each stamped in how long ago alone (`<time>7 minutes ago</time>`)."""
    articles = [
        f'<article class="lb-item" id="item-{number}"><div class="lb-item__meta"><time>'
        f"{'a minute' if ago == 1 else f'{ago} minutes'} ago</time></div>"
        f'<div class="lb-item__body"><p>{words}</p></div></article>'
        for number, ago, words in rows
    ]
    return (
        f"<html><head><title>{TITLE}</title></head><body><main><h1>{TITLE}</h1>"
        f'<div class="feed">{"".join(articles)}</div></main></body></html>'
    ).encode()


def test_posts_stamped_in_how_long_ago_keep_their_rows_as_their_ids_turn(tmp_path: Path) -> None:
    # A CMS's ids of drafting, three posts drafted together and published newest first (read as
    # places), then a fourth on top shows them to be ids; then it is taken down and the three
    # read as places again. Each pass reads how long ago rounded down, so each post's time
    # falls on another minute: 11:55:20 is "5 minutes ago" at 12:00:50, "7" at 12:03:10. A typo
    # in the second post's first word is fixed as the ids turn.
    first = said([(1, 5, SMITH), (2, 12, JONES.replace("Jones", "Jnoes")), (3, 20, TALK)])
    second = said([(4, 1, KANE), (1, 7, SMITH), (2, 14, JONES), (3, 22, TALK)])
    third = said([(1, 10, SMITH), (2, 17, JONES), (3, 25, TALK)])
    db = open_archive(tmp_path / "archive.db")
    results, minutes = [], []
    for at, body in [("12:00:50", first), ("12:03:10", second), ("12:05:40", third)]:
        found = extract_page(body, URL, fetched_at=f"2024-05-01T{at}Z").updates
        minutes.append([(u.source_id, (u.published_at or "")[11:16]) for u in found])
        results.append(record_pass(db, bpass(found, at=f"2024-05-01T{at}Z")))
    assert minutes == [
        [(None, "11:55"), (None, "11:48"), (None, "11:40")],
        [("item-4", "12:02"), ("item-1", "11:56"), ("item-2", "11:49"), ("item-3", "11:41")],
        [(None, "11:55"), (None, "11:48"), (None, "11:40")],
    ]
    assert [r.error for r in results] == [None, None, None]
    assert counts(results) == [(3, 0, 0), (1, 1, 0), (0, 0, 1)]
    assert db.execute("select count(*) from updates").fetchone() == (4,)
