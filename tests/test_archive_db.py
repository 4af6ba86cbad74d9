"""Opening the archive: where it lives, what a bad path says, and that opening is safe to race."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from archive import db as archive_db
from archive.db import ArchiveError, default_db_path, open_archive, write_transaction
from archive.migrations import migrations
from archive.records import Update
from archive.store import record_pass
from archive.times import now_utc
from archive.watchlist import add_blog
from crawler.cli import cli
from tests.helpers import URL, bpass


def test_creates_missing_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "archive.db"
    db = open_archive(path)
    assert path.exists()
    assert "updates" in db.table_names()


def test_accepts_str_path(tmp_path: Path) -> None:
    assert "blogs" in open_archive(str(tmp_path / "archive.db")).table_names()


def test_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="is a directory: give the path of an archive file"):
        open_archive(tmp_path)


def test_non_sqlite_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(
        ArchiveError, match="is not a SQLite database, or it is damaged: point --db"
    ):
        open_archive(path)
    assert path.read_text().startswith("these are my notes")


def test_parent_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ArchiveError, match="Cannot create the folder"):
        open_archive(tmp_path / "file" / "archive.db")


def test_empty_file_becomes_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    path.touch()
    assert "updates" in open_archive(path).table_names()


def test_other_sqlite_database_gains_the_archive_tables(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    other = sqlite_utils.Database(path)
    other.table("notes").insert({"text": "keep me"})
    other.close()
    db = open_archive(path)
    assert {"notes", "updates"} <= set(db.table_names())


def test_default_path_prefers_liveblog_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LIVEBLOG_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "x.db"


def test_default_path_uses_xdg_data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LIVEBLOG_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "liveblog-archive" / "archive.db"


def test_default_path_falls_back_to_local_share(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("LIVEBLOG_DB", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    expected = tmp_path / "home" / ".local" / "share" / "liveblog-archive" / "archive.db"
    assert default_db_path() == expected
    # A relative XDG_DATA_HOME is invalid by the spec and must not make the path cwd-relative.
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    assert default_db_path() == expected
    assert default_db_path().is_absolute()


def test_write_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "archive.db")
    with pytest.raises(RuntimeError), write_transaction(db):
        db.execute("insert into blogs (url, first_seen_at) values ('u', 't')")
        raise RuntimeError("boom")
    assert db.execute("select count(*) from blogs").fetchone()[0] == 0
    assert not db.conn.in_transaction


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(40))
def test_processes_opening_a_new_archive_at_once_migrate_once(tmp_path: Path, attempt: int) -> None:
    """Six openers race for a new file; the switch to WAL lost about one race in 75 before
    it was retried, hence many attempts."""
    path = tmp_path / "archive.db"
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def opener() -> None:
        try:
            barrier.wait()
            open_archive(path).close()
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=opener) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    applied = [m.name for m in migrations.applied(open_archive(path))]
    # Each migration recorded exactly once, however many processes raced to apply it.
    assert applied == [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]


def test_corrupt_archive_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    with pytest.raises(
        ArchiveError, match=r"is not a SQLite database, or it is damaged: .*choose another path"
    ):
        open_archive(path)


TWO = [
    Update(source_id="1", headline="Storm reaches the coast", body_text="Gusts."),
    Update(source_id="2", headline="Trains stopped", body_text="The storm again."),
]


def archive_with_two_updates(path: Path) -> None:
    db = open_archive(path)
    add_blog(db, URL, None, now_utc())
    record_pass(db, bpass(TWO))
    db.close()


def changed_by_hand(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()


@pytest.mark.parametrize(
    "change",
    [
        "DROP TABLE updates_fts",
        "DROP TRIGGER updates_ai",
        "DROP TRIGGER updates_au; DROP TRIGGER updates_ad",
        "DROP INDEX idx_updates_blog_id_key",
        "DROP INDEX idx_updates_published_day; DROP INDEX idx_fetches_started_at",
        "DROP TABLE updates_fts_data",
        "DROP TABLE updates_fts_config",
        "DROP TABLE updates_fts_idx; DROP TABLE updates_fts_docsize",
        # The full-text table alone, leaving one of FTS5's tables behind.
        "PRAGMA writable_schema = ON; DELETE FROM sqlite_master WHERE name = 'updates_fts'",
    ],
)
def test_an_index_or_the_full_text_search_an_analyst_dropped_is_made_again(
    tmp_path: Path, change: str
) -> None:
    """What the rows imply (indexes, the full-text table and its triggers) is put back when
    the archive is opened, so the next pass, reparse or search works as before."""
    path = tmp_path / "archive.db"
    archive_with_two_updates(path)
    fresh = schema(path)
    changed_by_hand(path, change)
    db = open_archive(path)
    assert schema(path) == fresh
    assert [
        r[0] for r in db.execute("SELECT rowid FROM updates_fts WHERE updates_fts MATCH 'storm'")
    ] == [1, 2]
    # The writes that met the missing table or index now pass, and search follows them.
    third = Update(source_id="3", headline="Storm passes", body_text="Calm.")
    assert record_pass(db, bpass([third, *TWO])).new == 1
    assert db.execute(
        "SELECT count(*) FROM updates_fts WHERE updates_fts MATCH 'storm'"
    ).fetchone() == (3,)
    assert (
        db.execute("INSERT INTO updates_fts (updates_fts) VALUES ('integrity-check')").fetchall()
        == []
    )
    db.close()


def test_what_another_process_made_again_meanwhile_is_not_made_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes open an archive that lacks an index: the one that takes the write lock
    second finds it made and makes nothing (it had failed on "index already exists")."""
    path = tmp_path / "archive.db"
    archive_with_two_updates(path)
    changed_by_hand(path, "DROP INDEX idx_updates_blog_id_key")
    db = sqlite_utils.Database(path)
    seen = archive_db._missing(db, archive_db._schema()[1])  # what it saw before the lock
    open_archive(path).close()  # the other process, first to the lock, makes it again
    looks = iter([seen])
    real = archive_db._missing
    monkeypatch.setattr(
        archive_db, "_missing", lambda d, derived: next(looks, None) or real(d, derived)
    )
    assert archive_db.repair(db, path) == []
    db.close()


def schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT name, coalesce(sql, '') FROM sqlite_master").fetchall())
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("change", "lacks"),
    [
        ("DROP TABLE quarantined_removals", "the table quarantined_removals"),
        ("ALTER TABLE updates DROP COLUMN key_event", "the column key_event of updates"),
    ],
)
def test_a_table_or_column_the_archive_lacks_is_one_sentence(
    tmp_path: Path, change: str, lacks: str
) -> None:
    """Data that is gone is not made up: the command says what is missing and what to do."""
    path = tmp_path / "archive.db"
    archive_with_two_updates(path)
    changed_by_hand(path, change)
    result = CliRunner().invoke(cli, ["add", "https://news.example/other", "--db", str(path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: the archive {path} lacks {lacks}, which liveblog-archive keeps: it was "
        "changed outside liveblog; restore it from a backup, or give --db another archive.\n"
    )
