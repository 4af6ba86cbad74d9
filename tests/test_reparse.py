"""Raw snapshots and `liveblog reparse`: the archive can be rebuilt from the kept bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from archive.snapshots import SnapshotRef, SnapshotStore
from crawler import reparse
from crawler.cli import cli
from crawler.extract import extract_page
from crawler.process import crawl
from crawler.sample import SampleBlog, calais_blog, demo_states
from tests.helpers import LOCAL, copy_archive, read_only

pytestmark = pytest.mark.slow  # crawl processes

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


@dataclass(frozen=True)
class Crawled:
    """An archive of the sample blog's demo passes, its responses kept, and the blog's URL."""

    db: Path
    url: str


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    """Crawled once for the module: tests that write work on a copy of their own."""
    db = tmp_path_factory.mktemp("reparse") / "archive.db"
    with calais_blog() as blog:
        crawl_demo_states(blog, db)
    return Crawled(db, blog.url)


@pytest.fixture
def own_copy(crawled: Crawled, tmp_path: Path) -> Crawled:
    """The module's crawl, copied into this test's folder: the test may change it."""
    return Crawled(copy_archive(crawled.db, tmp_path), crawled.url)


def test_every_read_page_is_kept_as_a_warc_record(crawled: Crawled) -> None:
    db_path = crawled.db
    db = Database(read_only(db_path))
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


def test_reparse_rebuilds_deleted_updates_and_versions_identically(own_copy: Crawled) -> None:
    db_path = own_copy.db
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
    assert result.output.strip() == f"{own_copy.url}: 3 passes replayed, 5 updates, 6 versions"
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
    [result] = crawl(
        [sample_blog.url], db_path, settings={**LOCAL, "LIVEBLOG_SNAPSHOTS": False}, timeout=120
    )
    assert result.ok, result.error
    before = archive_state(db_path)
    result = CliRunner().invoke(cli, ["reparse", "--db", str(db_path), "--blog", sample_blog.url])
    assert result.exit_code == 1 and "bytes were not kept" in result.output
    assert "Traceback" not in result.output
    assert archive_state(db_path) == before


def test_reparse_of_an_unknown_blog_says_so(own_copy: Crawled) -> None:
    result = CliRunner().invoke(
        cli, ["reparse", "--db", str(own_copy.db), "--blog", "https://x.example/live"]
    )
    assert result.exit_code == 1 and "is not in this archive" in result.output


def test_a_page_that_cannot_be_read_again_leaves_the_blog_as_it_was(
    own_copy: Crawled, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Extraction that fails on the second pass's page (a fault planted here): the blog is
    rebuilt in one transaction, so its versions, set aside for the replay, come back as they
    were, and the line says why."""
    before = archive_state(own_copy.db)
    calls: list[str] = []

    def failing_on_the_second(body: bytes, url: str, **kwargs: Any) -> Any:
        calls.append(url)
        if len(calls) == 2:
            raise ValueError("a fault planted by the test")
        return extract_page(body, url, **kwargs)

    monkeypatch.setattr(reparse, "extract_page", failing_on_the_second)
    result = CliRunner().invoke(cli, ["reparse", "--db", str(own_copy.db)])
    assert result.exit_code == 1, result.output
    assert result.output.strip() == (
        f"{own_copy.url}: left as it was: a snapshot could not be read again (ValueError: a "
        "fault planted by the test), a fault in liveblog-archive's extraction"
    )
    assert len(calls) == 2
    assert archive_state(own_copy.db) == before


def test_a_missing_snapshot_file_leaves_the_blog_as_it_was(own_copy: Crawled) -> None:
    before = archive_state(own_copy.db)
    warcs = sorted((own_copy.db.parent / "archive.db.warc").iterdir())
    warcs[-1].unlink()  # the newest pass's bytes
    result = CliRunner().invoke(cli, ["reparse", "--db", str(own_copy.db)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"The snapshot file {warcs[-1]} is missing" in result.output
    assert archive_state(own_copy.db) == before
