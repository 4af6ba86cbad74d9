"""`liveblog serve` reads while crawls write: WAL, a read-only connection, never "locked"."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from crawler.sample import SampleBlog, demo_states
from tests.helpers import ROOT, DemoArchive, Server, crawl_local, env_with_root, read_only, serving

pytestmark = pytest.mark.slow  # crawl processes and servers

# Pages an analyst keeps open while the archive grows: table, search, a query, the timeline.
READS = [
    "/archive/updates.json?_shape=array",
    "/archive/updates?_search=Belgium",
    "/archive/fetches.json?_shape=array&_sort_desc=started_at",
    "/archive/edited_updates.json?_shape=array",
    "/archive/-/timeline/1",
    "/archive/feed.atom",
]
COUNT = "/archive/fetches.json?_shape=array&_col=id"
PASSES = 4


def test_reads_succeed_while_crawls_write(sample_blog: SampleBlog, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    first, added, edited = demo_states()
    sample_blog.show(first)
    assert crawl_local([sample_blog.url], db)[0].ok
    errors: list[str] = []
    passes_seen: list[int] = []
    done = threading.Event()
    with serving(db, tmp_path) as server:

        def read() -> None:
            while not done.is_set():
                for path in [*READS, COUNT]:
                    try:
                        body = server.get(path)
                    except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
                        detail = exc.read() if isinstance(exc, urllib.error.HTTPError) else b""
                        errors.append(f"{path}: {exc} {detail[:300]!r}")
                        continue
                    if b"database is locked" in body:
                        errors.append(f"{path}: database is locked")
                    if path == COUNT:
                        passes_seen.append(len(json.loads(body)))

        reader = threading.Thread(target=read)
        reader.start()
        try:
            # Each pass writes: the Belgium update flips between its two texts (a new version,
            # the FTS index rewritten) and every pass adds a fetch row.
            for number in range(PASSES):
                sample_blog.show(added if number % 2 == 0 else edited)
                assert crawl_local([sample_blog.url], db)[0].ok
        finally:
            done.set()
            reader.join(timeout=60)
        final = server.json("/archive/fetches.json?_shape=array")
    assert errors == []
    assert not [line for line in server.log if "locked" in line or "Traceback" in line]
    assert len(final) == PASSES + 1
    # The reader saw the archive grow, pass by pass, not only its first and last states.
    assert passes_seen[0] < PASSES + 1
    assert len(set(passes_seen)) > 2


def test_serve_opens_the_archive_read_only_with_a_time_limit(demo_server: Server) -> None:
    databases = demo_server.json("/-/databases.json")
    settings = demo_server.json("/-/settings.json")
    plugins = {p["name"] for p in demo_server.json("/-/plugins.json")}
    assert [d["is_mutable"] for d in databases if d["name"] == "archive"] == [True]
    assert int(settings["sql_time_limit_ms"]) > 0
    assert "datasette-atom" in plugins
    assert plugins & {"liveblog-archive", "archive.web"}


def test_journal_is_wal(demo_archive: DemoArchive) -> None:
    """Readers never block the writer nor wait for it only because the archive is in WAL mode."""
    conn = read_only(demo_archive.db)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_plain_datasette_gets_the_plugin_from_its_entry_point(demo_archive: DemoArchive) -> None:
    """`datasette archive.db -m metadata.yml` shows the timelines too: the package registers them."""
    argv = [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(demo_archive.db),
        "-m",
        str(ROOT / "metadata.yml"),
    ]
    out = subprocess.run(
        [*argv, "--get", "/archive/-/timeline/1"],
        env=env_with_root(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert 'class="lb-timeline"' in out.stdout
