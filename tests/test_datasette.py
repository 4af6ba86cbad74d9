"""The archive published by a real Datasette server started with `liveblog serve`."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from typing import Any

import pytest
import yaml

from tests.helpers import ROOT, DemoArchive, Server

pytestmark = pytest.mark.slow  # the shared crawled archive and its server

CONTRACT = ("blogs", "fetches", "updates", "update_versions")


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture
def served(demo_server: Server) -> str:
    """The shared archive, served by `liveblog serve`: its base URL."""
    return demo_server.base


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


def test_metadata_file_works_with_plain_datasette(demo_archive: DemoArchive) -> None:
    """`datasette archive.db -m metadata.yml` works too: the file is valid for Datasette."""
    db = demo_archive.db
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
