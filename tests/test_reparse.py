"""Raw snapshots and `liveblog reparse`: the archive can be rebuilt from the kept bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlite_utils import Database

from archive.snapshots import SnapshotRef, SnapshotStore
from crawler.cli import cli
from crawler.process import crawl
from crawler.sample import SampleBlog, demo_states
from tests.helpers import LOCAL

UPDATE_COLUMNS = (
    "key, source_id, headline, headline_hash, body_text, body_html, published_at, modified_at, "
    "authors, media, permalink, first_seen_at, last_seen_at, removed_at, version, content_hash"
)
VERSION_COLUMNS = (
    "u.key, v.version, v.content_hash, v.headline, v.body_text, v.body_html, v.modified_at, "
    "v.seen_at, v.fetch_id, v.media"
)


def archive_state(db_path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Everything updates and versions hold, keyed by identity rather than row id."""
    db = Database(db_path)
    updates = [dict(r) for r in db.query(f"select {UPDATE_COLUMNS} from updates order by key")]
    versions = [
        dict(r)
        for r in db.query(
            f"select {VERSION_COLUMNS} from update_versions v "
            "join updates u on u.id = v.update_id order by u.key, v.version"
        )
    ]
    db.close()
    return updates, versions


def crawl_demo_states(blog: SampleBlog, db: Path, **settings: object) -> None:
    for state in demo_states():
        blog.show(state)
        [result] = crawl([blog.url], db, settings={**LOCAL, **settings}, timeout=120)
        assert result.ok, result.error


def test_every_read_page_is_kept_as_a_warc_record(sample_blog: SampleBlog, db_path: Path) -> None:
    crawl_demo_states(sample_blog, db_path)
    db = Database(db_path)
    pages = list(
        db.query("select url, status, not_modified, snapshot from fetch_pages order by id")
    )
    assert [p["not_modified"] for p in pages] == [0, 0, 0, 0, 0, 1]
    assert all(p["snapshot"] for p in pages)
    # The 304 page points at the record of the response it stands for.
    assert pages[5]["snapshot"] == pages[3]["snapshot"]
    with SnapshotStore(db_path) as store:
        snap = store.read(SnapshotRef.parse(pages[0]["snapshot"]))
        assert snap.url == pages[0]["url"] and snap.status == 200
        assert b"Belgium says it will not approve EU-Canada trade deal" in snap.body
        assert len(list(store.iter_all())) == 5
    assert (db_path.parent / "archive.db.warc").is_dir()


def test_reparse_rebuilds_deleted_updates_and_versions_identically(
    sample_blog: SampleBlog, db_path: Path
) -> None:
    crawl_demo_states(sample_blog, db_path)
    before = archive_state(db_path)
    assert len(before[0]) == 5 and len(before[1]) == 6
    db = Database(db_path)
    db.execute("delete from update_versions")
    db.execute("delete from updates")
    db.conn.commit()
    assert (
        db.execute(
            "select count(*) from updates_fts where updates_fts match 'wristband'"
        ).fetchone()[0]
        == 0
    )
    db.close()

    result = CliRunner().invoke(cli, ["reparse", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"{sample_blog.url}: 3 passes replayed, 5 updates, 6 versions"
    assert archive_state(db_path) == before
    db = Database(db_path)
    assert (
        db.execute(
            "select count(*) from updates_fts where updates_fts match 'wristband'"
        ).fetchone()[0]
        == 1
    )


def test_reparse_refuses_when_bytes_were_not_kept_and_changes_nothing(
    sample_blog: SampleBlog, db_path: Path
) -> None:
    crawl_demo_states(sample_blog, db_path, LIVEBLOG_SNAPSHOTS=False)
    before = archive_state(db_path)
    result = CliRunner().invoke(cli, ["reparse", "--db", str(db_path), "--blog", sample_blog.url])
    assert result.exit_code == 1 and "bytes were not kept" in result.output
    assert "Traceback" not in result.output
    assert archive_state(db_path) == before


def test_reparse_of_an_unknown_blog_says_so(sample_blog: SampleBlog, db_path: Path) -> None:
    crawl_demo_states(sample_blog, db_path)
    result = CliRunner().invoke(
        cli, ["reparse", "--db", str(db_path), "--blog", "https://x.example/live"]
    )
    assert result.exit_code == 1 and "is not in this archive" in result.output
