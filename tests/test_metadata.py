"""metadata.yml against the real schema: every table and column an analyst sees is described."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
import yaml
from datasette.app import Datasette

from archive.db import open_archive
from archive.records import BlogPass, PageFetch, Update
from archive.store import record_pass

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
CONTRACT_TABLES = ["blogs", "fetches", "fetch_pages", "updates", "update_versions"]
# Datasette names a database after the file stem; the CLI serves archive.db.
DB_NAME = "archive"


@pytest.fixture(scope="module")
def metadata() -> dict[str, Any]:
    with METADATA.open(encoding="utf-8") as f:
        loaded = yaml.safe_load(f)
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_archive(tmp_path / "archive.db")


def tables_meta(metadata: dict[str, Any]) -> dict[str, Any]:
    return metadata["databases"][DB_NAME]["tables"]


def test_top_level(metadata: dict[str, Any]) -> None:
    assert metadata["title"] == "liveblog-archive"
    assert metadata["description_html"]
    assert "publishers" in metadata["license"]


@pytest.mark.parametrize("table", CONTRACT_TABLES)
def test_every_column_is_described(
    metadata: dict[str, Any], db: sqlite_utils.Database, table: str
) -> None:
    meta = tables_meta(metadata)[table]
    assert meta["description"].strip()
    described = meta["columns"]
    actual = [c.name for c in db.table(table).columns]
    assert sorted(described) == sorted(actual), table
    assert all(isinstance(text, str) and text.strip() for text in described.values())


def test_table_options_point_at_real_columns(
    metadata: dict[str, Any], db: sqlite_utils.Database
) -> None:
    for table, meta in tables_meta(metadata).items():
        assert db.table(table).exists(), table
        columns = set(db.table(table).columns_dict)
        for option in ("sort_desc", "sort", "label_column"):
            if option in meta:
                assert meta[option] in columns, (table, option)
        for facet in meta.get("facets", []):
            assert facet in columns, (table, facet)
    updates = tables_meta(metadata)["updates"]
    assert updates["fts_table"] == db.table("updates").detect_fts() == "updates_fts"
    assert updates["sort_desc"] == "published_at"
    assert tables_meta(metadata)["fetches"]["sort_desc"] == "started_at"
    assert tables_meta(metadata)["blogs"]["label_column"] == "title"
    assert updates["label_column"] == "headline"


def test_canned_queries_run_on_a_fresh_archive(
    metadata: dict[str, Any], db: sqlite_utils.Database
) -> None:
    for query in metadata["databases"][DB_NAME].get("queries", {}).values():
        # Parameters (a blog's URL or id) are bound empty, as Datasette does when none is given.
        params = {name: "" for name in re.findall(r"(?<![\w:]):([A-Za-z_]\w*)", query["sql"])}
        db.execute(query["sql"], params).fetchall()


def _get(ds: Datasette, path: str) -> Any:
    async def run() -> Any:
        await ds.invoke_startup()
        return await ds.client.get(path)

    return asyncio.run(run())


def test_datasette_serves_the_archive_with_this_metadata(
    metadata: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / f"{DB_NAME}.db"
    db = open_archive(path)
    record_pass(
        db,
        BlogPass(
            url="https://news.example/live",
            started_at="2024-05-01T12:00:00Z",
            finished_at="2024-05-01T12:00:30Z",
            pages=[PageFetch(url="https://news.example/live", status=200, updates=2)],
            title="Election live",
            updates=[
                Update(
                    source_id="1",
                    headline="Polls open",
                    body_text="Queues at the stations.",
                    published_at="2024-05-01T07:00:00Z",
                ),
                Update(
                    source_id="2",
                    headline="Turnout",
                    body_text="Turnout is high in the north.",
                    published_at="2024-05-01T09:00:00Z",
                ),
            ],
            complete=True,
        ),
    )
    db.close()
    ds = Datasette([str(path)], metadata=metadata)

    found = _get(ds, f"/{DB_NAME}/updates.json?_search=north&_shape=array")
    assert found.status_code == 200, found.text
    assert [row["id"] for row in found.json()] == [2]

    page = _get(ds, f"/{DB_NAME}/updates")
    assert page.status_code == 200
    assert "One row per distinct update of a blog" in page.text
    assert 'name="_search"' in page.text

    ordered = _get(ds, f"/{DB_NAME}/updates.json?_shape=array")
    assert [row["headline"] for row in ordered.json()] == ["Turnout", "Polls open"]

    for name in metadata["databases"][DB_NAME].get("queries", {}):
        response = _get(ds, f"/{DB_NAME}/{name}.json")
        assert response.status_code == 200, (name, response.text)
