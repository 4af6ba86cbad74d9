"""Cut bodies in the archive: marked truncated until a full reading completes them in place.

A body known to be cut (a 1,000-character JSON-LD body, a "Read more" stub) is a poorer sight
of a post, never a version of its own: the full reading replaces it without a new version,
and a cut reading of a post held whole changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from archive.db import open_archive
from archive.records import Update
from archive.store import record_pass
from tests.helpers import bpass

FULL = " ".join(f"Sentence {i} of the long post about the storm." for i in range(40))
LATER = "2024-05-01T12:05:00Z"
LAST = "2024-05-01T12:10:00Z"


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_archive(tmp_path / "archive.db")


def post(body: str, truncated: bool, **kw: Any) -> Update:
    return Update(
        source_id="block-1",
        headline="The storm",
        body_text=body,
        body_html=f"<p>{body}</p>",
        published_at="2024-05-01T10:00:00Z",
        truncated=truncated,
        **kw,
    )


def stored(db: sqlite_utils.Database) -> tuple[str, int, int]:
    row = db.execute("select body_text, truncated, version from updates").fetchone()
    return row[0], row[1], row[2]


def versions(db: sqlite_utils.Database) -> list[tuple[int, str, int]]:
    return db.execute(
        "select version, body_text, truncated from update_versions order by version"
    ).fetchall()


def test_a_full_reading_completes_a_cut_body_without_a_new_version(
    db: sqlite_utils.Database,
) -> None:
    first = record_pass(db, bpass([post(FULL[:1000], True)]))
    assert first.new == 1
    assert stored(db) == (FULL[:1000], 1, 1)
    assert versions(db) == [(1, FULL[:1000], 1)]

    second = record_pass(db, bpass([post(FULL, False)], at=LATER))
    assert (second.new, second.changed, second.unchanged) == (0, 0, 1)
    assert stored(db) == (FULL, 0, 1)
    assert versions(db) == [(1, FULL, 0)]
    search = "select count(*) from updates_fts where updates_fts match 'Sentence'"
    assert db.execute(search).fetchone()[0] == 1


def test_a_cut_reading_of_a_post_held_whole_makes_no_version(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([post(FULL, False)]))
    again = record_pass(db, bpass([post(FULL[:1000], True)], at=LATER))
    assert (again.changed, again.unchanged) == (0, 1)
    assert stored(db) == (FULL, 0, 1)
    assert versions(db) == [(1, FULL, 0)]


def test_an_edit_after_the_cut_reading_is_a_version_of_its_own(
    db: sqlite_utils.Database,
) -> None:
    record_pass(db, bpass([post(FULL[:1000], True, modified_at="2024-05-01T10:01:00Z")]))
    edited = "Correction: " + FULL
    result = record_pass(
        db, bpass([post(edited, False, modified_at="2024-05-01T11:00:00Z")], at=LATER)
    )
    assert result.changed == 1
    assert stored(db) == (edited, 0, 2)
    assert [(v, t) for v, _, t in versions(db)] == [(1, 1), (2, 0)]


def test_a_later_version_cut_again_is_completed_in_its_own_row(
    db: sqlite_utils.Database,
) -> None:
    record_pass(db, bpass([post("Short first text.", False)]))
    record_pass(db, bpass([post(FULL[:1000], True)], at=LATER))
    assert stored(db) == ("Short first text.", 0, 1)
    record_pass(db, bpass([post(FULL, False)], at=LAST))
    assert [(v, t) for v, _, t in versions(db)] == [(1, 0), (2, 0)]
    assert stored(db) == (FULL, 0, 2)
