"""The archive published by a real Datasette server started with `liveblog serve`."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from crawler.sample import SampleBlog
from tests.helpers import ROOT, crawl_local, env_with_root, free_port

CONTRACT = ("blogs", "fetches", "updates", "update_versions")


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture
def served(sample_blog: SampleBlog, tmp_path: Path) -> Iterator[str]:
    """A crawled archive served by `liveblog serve` on a free port; yields the base URL."""
    db = tmp_path / "archive.db"
    assert crawl_local([sample_blog.url], db)[0].ok
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler", "serve", "--db", str(db), "--port", str(port)],
        env=env_with_root(),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                get_json(base + "/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    output = proc.stdout.read().decode() if proc.stdout else ""
                    pytest.fail(f"liveblog serve did not start:\n{output}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_search_finds_an_update_by_a_word_of_its_body(served: str) -> None:
    data = get_json(served + "/archive/updates.json?_search=wristband&_shape=array")
    assert [row["headline"] for row in data] == [
        "'Jungle' residents asked where in France they want to go to"
    ]
    assert get_json(served + "/archive/updates.json?_search=zeppelin&_shape=array") == []


def test_served_metadata_describes_every_contract_table(served: str) -> None:
    metadata = get_json(served + "/-/metadata.json")
    tables = metadata["databases"]["archive"]["tables"]
    for name in CONTRACT:
        assert tables[name]["description"]
    table = get_json(served + "/archive/updates.json?_shape=objects&_size=1")
    assert set(table["columns"]) <= set(tables["updates"]["columns"])


def test_suggested_facets_are_off(served: str) -> None:
    settings = get_json(served + "/-/settings.json")
    assert settings["suggest_facets"] is False
    page = get_json(served + "/archive/updates.json?_size=1")
    assert page.get("suggested_facets", []) == []


def test_metadata_file_works_with_plain_datasette(sample_blog: SampleBlog, tmp_path: Path) -> None:
    """`datasette archive.db -m metadata.yml` works too: the file is valid for Datasette."""
    db = tmp_path / "archive.db"
    assert crawl_local([sample_blog.url], db, max_pages=1)[0].ok
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(db),
            "-m",
            str(ROOT / "metadata.yml"),
            "--get",
            "/archive.json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    tables = {t["name"] for t in json.loads(out.stdout)["tables"]}
    assert set(CONTRACT) <= tables
    meta = yaml.safe_load((ROOT / "metadata.yml").read_text())
    assert meta["title"]
