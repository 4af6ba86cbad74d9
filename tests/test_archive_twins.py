"""Id-less twins: updates sharing a headline and a publish time stay distinct, and a new one
listed above an older twin is never taken for an edit of it."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from archive.db import open_archive
from archive.records import FIDELITY_STRUCTURED, Update
from archive.rules import StoredIdentity, assign_keys, separate_twins
from archive.store import record_pass
from tests.helpers import bpass

AT = "2024-05-01T12:00:00Z"
FIRST = "Jones scores from the penalty spot after a foul on the edge of the area."
SECOND = "Smith doubles the lead with a header from a corner in the 80th minute."
THIRD = "Brown makes it three with a long-range shot that deflects off a defender."


def goal(body: str, **kw: object) -> Update:
    return Update(
        headline="Goal!", body_text=body, body_html=f"<p>{body}</p>", published_at=AT, **kw
    )  # type: ignore[arg-type]


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_archive(tmp_path / "archive.db")


def bodies(db: sqlite_utils.Database) -> list[tuple[str, int, str | None]]:
    """(body, version, removed_at) of every update, the first of its twins first."""
    return [
        (r[0], r[1], r[2])
        for r in db.execute("select body_text, version, removed_at from updates order by key")
    ]


def test_twins_in_one_pass_get_distinct_keys_the_lowest_the_plain_one() -> None:
    updates = [goal(SECOND), goal(FIRST)]
    keys = separate_twins(assign_keys(updates, {}), updates, {})
    assert keys[1] == assign_keys([goal(FIRST)], {})[0]
    assert keys[0] == keys[1] + "~2"


def test_a_poorer_reading_joins_the_twin_whose_body_it_shares() -> None:
    updates = [goal(SECOND), goal(FIRST), goal(SECOND, fidelity=FIDELITY_STRUCTURED)]
    keys = separate_twins(assign_keys(updates, {}), updates, {})
    assert keys[0] == keys[2] != keys[1]


def test_a_stored_twin_keeps_its_key_whatever_its_place() -> None:
    plain = assign_keys([goal(FIRST)], {})[0]
    stored = {
        plain: StoredIdentity("x", AT, FIRST),
        plain + "~2": StoredIdentity("x", AT, SECOND),
    }
    updates = [goal(FIRST), goal(SECOND)]  # the older one now listed on top
    keys = separate_twins(assign_keys(updates, {k: AT for k in stored}), updates, stored)
    assert keys == [plain, plain + "~2"]


def test_both_twins_of_one_pass_are_stored(db: sqlite_utils.Database) -> None:
    result = record_pass(db, bpass([goal(SECOND), goal(FIRST)]))
    assert (result.new, result.seen) == (2, 2)
    assert [b for b, _, _ in bodies(db)] == [FIRST, SECOND]
    again = record_pass(db, bpass([goal(SECOND), goal(FIRST)], at="2024-05-01T12:05:00Z"))
    assert (again.new, again.changed, again.unchanged, again.removed) == (0, 0, 2, 0)


def test_a_new_twin_listed_above_an_older_one_is_new_not_an_edit(
    db: sqlite_utils.Database,
) -> None:
    assert record_pass(db, bpass([goal(FIRST)])).new == 1
    result = record_pass(db, bpass([goal(SECOND), goal(FIRST)], at="2024-05-01T12:05:00Z"))
    assert (result.new, result.changed, result.unchanged, result.removed) == (1, 0, 1, 0)
    assert bodies(db) == [(FIRST, 1, None), (SECOND, 1, None)]


def test_a_new_twin_listed_below_an_older_one_is_new_too(db: sqlite_utils.Database) -> None:
    assert record_pass(db, bpass([goal(SECOND)])).new == 1
    result = record_pass(db, bpass([goal(SECOND), goal(FIRST)], at="2024-05-01T12:05:00Z"))
    assert (result.new, result.changed, result.unchanged) == (1, 0, 1)
    assert bodies(db) == [(SECOND, 1, None), (FIRST, 1, None)]


def test_an_edited_twin_is_a_version_of_itself(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([goal(SECOND), goal(FIRST)]))
    edited = SECOND.replace("header", "glancing header")
    result = record_pass(db, bpass([goal(edited), goal(FIRST)], at="2024-05-01T12:05:00Z"))
    assert (result.new, result.changed, result.unchanged) == (0, 1, 1)
    assert bodies(db) == [(FIRST, 1, None), (edited, 2, None)]


def test_a_twin_rewritten_in_its_place_is_an_edit_of_it(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([goal(SECOND), goal(FIRST)]))
    result = record_pass(db, bpass([goal(SECOND), goal(THIRD)], at="2024-05-01T12:05:00Z"))
    assert (result.new, result.changed, result.unchanged, result.removed) == (0, 1, 1, 0)
    assert bodies(db) == [(THIRD, 2, None), (SECOND, 1, None)]


def test_identical_twins_are_told_apart_by_their_place(db: sqlite_utils.Database) -> None:
    assert record_pass(db, bpass([goal(FIRST), goal(FIRST)])).new == 2
    same = record_pass(db, bpass([goal(FIRST), goal(FIRST)], at="2024-05-01T12:05:00Z"))
    assert (same.new, same.changed, same.unchanged) == (0, 0, 2)
    third = record_pass(
        db, bpass([goal(FIRST), goal(FIRST), goal(FIRST)], at="2024-05-01T12:10:00Z")
    )
    assert (third.new, third.changed, third.unchanged) == (1, 0, 2)
    assert db["updates"].count == 3
