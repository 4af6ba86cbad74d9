"""Version diffs: computed once when a version is written, within a budget, on real SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils

from archive import diff
from archive.db import open_archive
from archive.records import Update
from archive.store import record_pass
from archive.web.render import changes, render_ops
from tests.helpers import bpass

SAME = "The same paragraph, again and again."


def hostile(changed_at: int | None = None, count: int = 20_000) -> str:
    """20,000 identical paragraphs, one of them edited when `changed_at` is given."""
    lines = [SAME] * count
    if changed_at is not None:
        lines[changed_at] = "The same paragraph, edited once."
    return "\n".join(lines)


def test_a_word_diff_keeps_added_and_removed_words_over_the_new_text() -> None:
    found = diff.compare("Polls open in the north.", "Polls close in the north and south.")
    assert found is not None and found.by == diff.WORD
    new = "Polls close in the north and south."
    assert str(render_ops(new, found)) == (
        "Polls <del>open</del><ins>close</ins> in the <del>north.</del><ins>north and south.</ins>"
    )
    assert diff.compare("same", "same") is None


def test_twenty_thousand_identical_paragraphs_edited_once_diff_by_word_in_few_steps() -> None:
    """The matcher's work is the edited paragraph's words, not the 20,000 paragraphs'."""
    before, after = hostile(), hostile(changed_at=10_000)
    found, steps = diff.counted(before, after)
    assert steps < 100
    assert found is not None and found.by == diff.WORD
    assert len(found.ops) < 10
    rendered = str(render_ops(after, found))
    assert "<del>again</del><ins>edited</ins> <del>and again.</del><ins>once.</ins>" in rendered


def test_a_rewrite_beyond_the_budget_falls_back_to_paragraphs_in_bounded_work() -> None:
    words = [f"w{i % 7}" for i in range(40_000)]
    before = "\n".join(" ".join(words[i : i + 10]) for i in range(0, len(words), 10))
    shuffled = words[3:] + words[:3]
    after = "\n".join(" ".join(shuffled[i : i + 9]) for i in range(0, len(shuffled), 9))
    found, steps = diff.counted(before, after)
    # Each attempt, by word then by paragraph, stops in the round that spends its budget.
    assert steps < 2 * diff.WORK
    assert found is not None and found.by == diff.PARAGRAPH
    rendered = str(render_ops(after, found))
    assert rendered.count("<ins>") >= 1 and "w6" in rendered


def test_beyond_the_size_limit_nothing_is_compared() -> None:
    found = diff.compare("a", "b" * (diff.MAX_CHARS + 1))
    assert found == diff.FieldDiff(diff.TOO_LARGE, [])
    assert str(render_ops("<b>", found)) == "&lt;b&gt;"


def test_a_stored_diff_that_does_not_fit_its_text_is_not_used() -> None:
    stored = diff.parse('{"body": {"by": "word", "ops": [["=", 99]]}}')
    assert diff.read_field(stored, "body", "short") is None
    assert diff.read_field(stored, "headline", "kept") == diff.FieldDiff(diff.WORD, [["=", 4]])
    assert diff.parse("not json") is None and diff.parse(None) is None


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_archive(tmp_path / "archive.db")


def post(body: str, headline: str = "Counting") -> Update:
    return Update(
        source_id="p1",
        headline=headline,
        body_text=body,
        body_html=f"<p>{body}</p>",
        published_at="2024-05-01T10:00:00Z",
    )


def stored_diffs(db: sqlite_utils.Database) -> list[tuple[int, str | None]]:
    return db.execute("select version, diff from update_versions order by version").fetchall()


def test_a_new_version_stores_its_diff_when_written(db: sqlite_utils.Database) -> None:
    record_pass(db, bpass([post("Polls open.")]))
    record_pass(db, bpass([post("Polls close.", "Counted")], at="2024-05-01T12:05:00Z"))
    (first, none), (second, stored) = stored_diffs(db)
    assert (first, none) == (1, None)
    assert second == 2 and stored is not None
    assert json.loads(stored) == {
        "headline": {"by": "word", "ops": [["-", "Counting"], ["+", 7]]},
        "body": {"by": "word", "ops": [["=", 6], ["-", "open."], ["+", 6]]},
    }


def test_the_migration_backfills_diffs_of_versions_written_before_it(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    db = open_archive(path)
    record_pass(db, bpass([post(hostile())]))
    record_pass(db, bpass([post(hostile(changed_at=5))], at="2024-05-01T12:05:00Z"))
    # As an archive from before migration 7: no diffs stored, the migration not yet applied.
    db.execute("update update_versions set diff = null")
    db.execute("delete from _sqlite_migrations where name = 'm0007_version_diffs'")
    db.execute("alter table update_versions drop column diff")
    db.conn.commit()
    db.close()
    reopened = open_archive(path)
    [(_, none), (_, stored)] = stored_diffs(reopened)
    assert none is None and stored is not None
    versions = [
        dict(zip(["version", "seen_at", "headline", "body_text", "body_html", "modified_at",
                  "diff"], row, strict=True))
        for row in reopened.execute(
            "select version, seen_at, headline, body_text, body_html, modified_at, diff "
            "from update_versions order by version"
        ).fetchall()
    ]  # fmt: skip
    [change] = changes(versions)
    assert change.body_by == diff.WORD
    assert "<del>and again.</del><ins>once.</ins>" in change.body_diff
