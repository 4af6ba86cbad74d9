"""Real crawls of blogs whose posts live behind their publishers' and vendors' JSON endpoints.

Every blog of tests/endpoint_servers.py (the Guardian's page data, the BBC stream, each
vendor's API) is crawled by Scrapy in its own process, three passes as the blogs evolve:
more posts than the first page shows, an edit, a deletion. After each pass the archive
(updates, versions, removals) must equal the blogs' known truth. The vendors' hosts are
answered by the loopback server through a test-only downloader middleware.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from archive.records import ENDPOINT_MISSING, PAGE_LIMIT, PassResult
from crawler import settings as project_settings
from crawler.cli import cli
from crawler.process import crawl
from tests.endpoint_servers import (
    BLOGS,
    DELETED,
    EDITED,
    PASSES,
    Blog,
    EndpointSite,
    Expected,
    GuardianBlog,
    Liveblog24Blog,
    make_post,
)
from tests.helpers import LOCAL
from tests.test_reparse import archive_state

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site() -> Iterator[EndpointSite]:
    with EndpointSite() as served:
        yield served


def crawl_site(
    site: EndpointSite, urls: list[str], db: Path, **kwargs: object
) -> dict[str, PassResult]:
    middlewares = dict(project_settings.DOWNLOADER_MIDDLEWARES)
    middlewares["tests.endpoint_servers.VendorHostsMiddleware"] = 50
    settings = {
        **LOCAL,
        "DOWNLOADER_MIDDLEWARES": middlewares,
        "ENDPOINT_SITE_ORIGIN": site.origin,
    }
    results = crawl(urls, db, settings=settings, timeout=120, **kwargs)  # type: ignore[arg-type]
    return {r.url: r for r in results}


def archived(db: Database, url: str) -> dict[str, Expected]:
    """The blog's standing updates as the archive holds them, keyed as the truth is."""
    rows = db.query(
        "select u.source_id, u.headline, u.body_text, u.published_at, u.modified_at "
        "from updates u join blogs b on b.id = u.blog_id "
        "where b.url = ? and u.removed_at is null",
        [url],
    )
    return {
        r["source_id"] or r["headline"]: Expected(
            r["headline"], r["body_text"], r["published_at"], r["modified_at"]
        )
        for r in rows
    }


def removed(db: Database, url: str) -> set[str]:
    rows = db.query(
        "select u.source_id, u.headline from updates u join blogs b on b.id = u.blog_id "
        "where b.url = ? and u.removed_at is not null",
        [url],
    )
    return {r["source_id"] or r["headline"] for r in rows}


def version_counts(db: Database, url: str) -> dict[str, int]:
    rows = db.query(
        "select u.source_id, u.headline, count(*) as n from update_versions v "
        "join updates u on u.id = v.update_id join blogs b on b.id = u.blog_id "
        "where b.url = ? group by u.id",
        [url],
    )
    return {r["source_id"] or r["headline"]: r["n"] for r in rows}


def key_of(blog: Blog, n: int) -> str:
    return blog.key(make_post(n, blog.headless))


def test_three_passes_archive_every_post_whole_with_edits_and_removals(
    site: EndpointSite, tmp_path: Path
) -> None:
    db_path = tmp_path / "archive.db"
    blogs = [site.blog(kind) for kind in BLOGS]
    urls = [blog.page_url for blog in blogs]
    for pass_no in PASSES:
        site.set_pass(pass_no)
        results = crawl_site(site, urls, db_path)
        db = Database(db_path)
        for blog in blogs:
            result = results[blog.page_url]
            name = type(blog).__name__
            assert result.ok, (name, result.error)
            assert result.incomplete_reason is None, (name, result.incomplete_reason)
            truth = blog.truth()
            assert archived(db, blog.page_url) == truth, (name, pass_no)
            gone = {key_of(blog, DELETED)} if pass_no == 3 else set()
            assert removed(db, blog.page_url) == gone, (name, pass_no)
            edits = {key_of(blog, EDITED): 2} if pass_no >= 2 else {}
            assert version_counts(db, blog.page_url) == {k: edits.get(k, 1) for k in truth} | (
                {key_of(blog, DELETED): 1} if pass_no == 3 else {}
            ), (name, pass_no)
        complete = {r["url"]: r["complete"] for r in db.query("select url, complete from blogs")}
        assert complete == dict.fromkeys(urls, 1)
        reasons = db.execute("select incomplete_reason from fetches").fetchall()
        assert set(reasons) == {(None,)}
        db.close()
    # More posts than the first page shows: the HTML showed some, the endpoints all.
    assert len(site.blog(GuardianBlog).truth()) > GuardianBlog.size * 2
    # The vendor's host page, unchanged, answered 304; its endpoint was asked again (its
    # kind and host known from the last pass), read by its reader, and kept as a snapshot.
    db = Database(db_path)
    last = list(
        db.query(
            "select p.kind, p.not_modified, p.updates, p.snapshot is not null as kept "
            "from fetch_pages p join fetches f on f.id = p.fetch_id join blogs b on "
            "b.id = f.blog_id where b.url = ? and f.id = (select max(id) from fetches "
            "where blog_id = b.id) order by p.seq",
            [site.blog(Liveblog24Blog).page_url],
        )
    )
    assert (last[0]["kind"], last[0]["not_modified"]) == (None, 1)
    assert {r["kind"] for r in last[1:]} == {"24liveblog"}
    assert all(r["kept"] for r in last[1:])
    assert sum(r["updates"] for r in last) == len(site.blog(Liveblog24Blog).truth())
    db.close()
    # `liveblog reparse` re-reads each JSON snapshot by its kind's reader: the same archive.
    before = archive_state(db_path)
    result = CliRunner().invoke(cli, ["reparse", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert archive_state(db_path) == before


def test_a_blog_over_the_page_limit_is_archived_incompletely(
    site: EndpointSite, tmp_path: Path
) -> None:
    site.set_pass(1)
    blog = site.blog(GuardianBlog)
    db_path = tmp_path / "archive.db"
    [result] = crawl_site(site, [blog.page_url], db_path, max_pages=2).values()
    assert result.ok and result.incomplete_reason == PAGE_LIMIT
    db = Database(db_path)
    row = db.execute(
        "select b.complete, b.updates_expected, f.incomplete_reason, f.complete "
        "from blogs b join fetches f on f.blog_id = b.id"
    ).fetchone()
    assert row == (0, len(blog.truth()), PAGE_LIMIT, 0)
    held = archived(db, blog.page_url)
    assert 0 < len(held) < len(blog.truth())
    assert all(held[k] == v for k, v in blog.truth().items() if k in held)


def test_a_missing_endpoint_leaves_the_pass_incomplete_with_the_page_s_own_posts(
    site: EndpointSite, tmp_path: Path
) -> None:
    """The 24liveblog API answers 404: the pass is not failed, the blog not complete."""
    site.set_pass(1)
    blog = site.blog(Liveblog24Blog)
    db_path = tmp_path / "archive.db"
    middlewares = dict(project_settings.DOWNLOADER_MIDDLEWARES)
    middlewares["tests.endpoint_servers.VendorHostsMiddleware"] = 50
    # The vendor's host mapped to a folder of the server that holds nothing: 404.
    gone = site.origin + "/gone"
    settings = {**LOCAL, "DOWNLOADER_MIDDLEWARES": middlewares, "ENDPOINT_SITE_ORIGIN": gone}
    [result] = crawl([blog.page_url], db_path, settings=settings, timeout=120)  # type: ignore[arg-type]
    assert result.ok and result.incomplete_reason == ENDPOINT_MISSING
    db = Database(db_path)
    assert db.execute("select complete from blogs").fetchone()[0] == 0
    assert db.execute("select incomplete_reason from fetches").fetchone()[0] == ENDPOINT_MISSING


def test_a_re_poll_over_the_page_limit_takes_the_new_blocks_from_the_guardian_delta(
    site: EndpointSite, tmp_path: Path
) -> None:
    """Archived whole, then 4 new blocks: a re-poll allowed 2 pages (the page data now has 3)
    asks the lastUpdate delta after the page, gets every new block whole, removes nothing."""
    blog = site.blog(GuardianBlog)
    db_path = tmp_path / "archive.db"
    site.set_pass(1)
    [first] = crawl_site(site, [blog.page_url], db_path).values()
    assert first.ok and first.incomplete_reason is None
    before = archived(Database(db_path), blog.page_url)
    site.set_pass(2)
    try:
        [again] = crawl_site(site, [blog.page_url], db_path, max_pages=2).values()
        truth = blog.truth()
    finally:
        site.set_pass(1)
    assert again.ok and again.incomplete_reason == PAGE_LIMIT
    db = Database(db_path)
    kinds = [
        r[0]
        for r in db.execute(
            "select p.kind from fetch_pages p where p.fetch_id = (select max(id) from fetches) "
            "order by p.seq"
        ).fetchall()
    ]
    assert kinds == [None, "guardian-delta"]
    new = [key_of(blog, n) for n in range(len(before) + 1, len(before) + 5)]
    held = archived(db, blog.page_url)
    assert {k: held[k] for k in new} == {k: truth[k] for k in new}
    assert set(held) == set(before) | set(new)
    assert removed(db, blog.page_url) == set()

