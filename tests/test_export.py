"""`liveblog export`: NDJSON and CSV for scripts, filtered by blog and time, in constant memory."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from archive.db import open_archive
from archive.export import COLUMNS, export, parse_since
from crawler.cli import cli
from crawler.sample import UPDATES
from tests.helpers import ELECTION, DemoArchive, env_with_root, read_only

OTHER = ELECTION
POLLS_OPEN = OTHER[1]  # its body holds quotes, a comma and a newline


@pytest.fixture
def crawled(demo_archive: DemoArchive) -> tuple[Path, str, str]:
    """The shared archive (read-only here): the sample blog through its demo passes (an edit
    included) and a second blog."""
    return demo_archive.db, demo_archive.url, demo_archive.other


def stored(db: Path, where: str = "1", params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    conn = read_only(db)
    conn.row_factory = sqlite3.Row
    try:
        sql = (
            "select u.*, b.url as blog_url, b.title as blog_title, b.publisher "
            f"from updates u join blogs b on b.id = u.blog_id where {where} order by u.id"
        )
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, ["export", *args], catch_exceptions=False)


@pytest.mark.slow
def test_ndjson_round_trips_every_update(crawled: tuple[Path, str, str]) -> None:
    db, _, _ = crawled
    result = run("--db", str(db))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    expected = stored(db)
    assert len(records) == len(UPDATES) + len(OTHER) == len(expected)
    for record, row in zip(records, expected, strict=True):
        assert list(record) == COLUMNS
        for column in COLUMNS:
            want = json.loads(row[column]) if column in ("authors", "media") else row[column]
            assert record[column] == want, column
    belgium = next(r for r in records if r["headline"] == UPDATES[1].headline)
    assert belgium["version"] == 2 and "Theresa May" in belgium["body_text"]
    assert isinstance(belgium["authors"], list) and isinstance(belgium["media"], list)


@pytest.mark.slow
def test_csv_round_trips_every_update(crawled: tuple[Path, str, str], tmp_path: Path) -> None:
    db, _, _ = crawled
    out = tmp_path / "updates.csv"
    result = run("--db", str(db), "--format", "csv", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert f"exported {len(UPDATES) + len(OTHER)} updates to {out}" in result.stderr
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    expected = stored(db)
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected, strict=True):
        assert list(row) == COLUMNS
        for column in COLUMNS:
            assert row[column] == ("" if want[column] is None else str(want[column])), column
    # Quotes, commas and newlines inside a field survive.
    second = next(r for r in rows if r["headline"] == POLLS_OPEN.headline)
    assert "“early”" in second["body_text"] and "with a comma" in second["body_text"]


@pytest.mark.slow
def test_blog_option_exports_one_blog(crawled: tuple[Path, str, str]) -> None:
    db, calais, other = crawled
    only = [json.loads(line) for line in run("--db", str(db), "--blog", other).stdout.splitlines()]
    assert [r["headline"] for r in only] == [u.headline for u in OTHER]
    calais_rows = run("--db", str(db), "--blog", calais + "#fragment").stdout.splitlines()
    assert len(calais_rows) == len(UPDATES)
    missing = run("--db", str(db), "--blog", "https://news.example/none")
    assert missing.exit_code == 1
    assert "has no blog https://news.example/none" in missing.output


@pytest.mark.slow
@pytest.mark.parametrize(
    ("since", "headlines"),
    [
        # Belgium was published at 09:30 UTC, the exodus at 10:45 UTC.
        ("2016-10-24T09:30:00Z", [UPDATES[1].headline, UPDATES[0].headline]),
        ("2016-10-24T10:30:00+01:00", [UPDATES[1].headline, UPDATES[0].headline]),
        ("2016-10-24T10:00", [UPDATES[0].headline]),
        ("2016-10-25", []),
    ],
)
def test_since_option_filters_on_publication_time(
    crawled: tuple[Path, str, str], since: str, headlines: list[str]
) -> None:
    db, calais, _ = crawled
    result = run("--db", str(db), "--blog", calais, "--since", since)
    assert result.exit_code == 0, result.output
    found = [json.loads(line)["headline"] for line in result.stdout.splitlines()]
    assert sorted(found) == sorted(headlines)


def test_bad_input_gets_a_sentence(tmp_path: Path) -> None:
    bad = run("--db", str(tmp_path / "a.db"), "--since", "yesterday")
    assert bad.exit_code == 2
    assert "Invalid value for '--since'" in bad.output and "ISO 8601" in bad.output
    missing = run("--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 1 and "there is no archive at" in missing.output
    assert not (tmp_path / "none.db").exists()
    wrong_format = run("--db", str(tmp_path / "a.db"), "--format", "xml")
    assert wrong_format.exit_code == 2


def test_a_failed_export_leaves_the_file_it_would_have_replaced(tmp_path: Path) -> None:
    """A cron job's export of yesterday outlives today's mistyped --blog or missing --db."""
    db = tmp_path / "archive.db"
    synthetic(db, 3)
    out = tmp_path / "exports" / "updates.csv"
    out.parent.mkdir()
    assert run("--db", str(db), "--format", "csv", "-o", str(out)).exit_code == 0
    out.chmod(0o640)
    kept = out.read_bytes()
    typo = run(
        "--db", str(db), "--format", "csv", "--blog", "https://typo.example/live", "-o", str(out)
    )
    assert (
        typo.exit_code == 1 and "the archive has no blog https://typo.example/live" in typo.output
    )
    missing = run("--db", str(tmp_path / "missing.db"), "-o", str(out))
    assert missing.exit_code == 1 and "there is no archive at" in missing.output
    assert out.read_bytes() == kept
    assert [p.name for p in out.parent.iterdir()] == ["updates.csv"]
    # A good export replaces it whole, with the permissions it had.
    assert run("--db", str(db), "-o", str(out)).exit_code == 0
    assert [json.loads(line)["headline"] for line in out.read_text().splitlines()] == [
        "Update 0",
        "Update 1",
        "Update 2",
    ]
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in out.parent.iterdir()] == ["updates.csv"]


def test_an_export_over_the_archive_itself_is_refused(tmp_path: Path) -> None:
    """`export -o` naming the archive (or its -wal, or a link to it) would rename the export
    over the archive it reads: refused, and the archive is left whole."""
    db = tmp_path / "archive.db"
    synthetic(db, 3)
    (tmp_path / "link.db").symlink_to(db)
    (tmp_path / "hard.db").hardlink_to(db)
    kept = db.read_bytes()
    for output in ("archive.db", "archive.db-wal", "archive.db-shm", "link.db", "hard.db"):
        result = run("--db", str(db), "-o", str(tmp_path / output))
        assert result.exit_code == 1, output
        assert result.output == (
            f"Error: cannot export to {tmp_path / output}: it is the archive {db} itself or a "
            "file SQLite keeps beside it; give --output another file (the archive is left as "
            "it is).\n"
        )
        assert db.read_bytes() == kept
    # Through a link to the archive, the output named as it is typed is refused too.
    linked = run("--db", str(tmp_path / "link.db"), "-o", str(db))
    assert linked.exit_code == 1 and "the archive is left as it is" in linked.output
    assert db.read_bytes() == kept
    assert run("--db", str(db), "-o", str(tmp_path / "x.ndjson")).exit_code == 0


def test_an_export_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    synthetic(db, 3)
    nowhere = run("--db", str(db), "-o", str(tmp_path / "nodir" / "x.csv"))
    assert nowhere.exit_code == 1
    assert nowhere.output == (
        f"Error: cannot write the export to {tmp_path / 'nodir' / 'x.csv'} (No such file or "
        "directory): give --output a file in a folder that exists and that you may write to; "
        "nothing was replaced.\n"
    )
    assert not (tmp_path / "nodir").exists()
    full = run("--db", str(db), "-o", "/dev/full")
    assert full.exit_code == 1
    assert full.output.startswith(
        "Error: cannot write the export to /dev/full (No space left on device): free space"
    )
    stranger = run("--db", str(db), "-o", "~nosuchuser-of-this-test/x.csv")
    assert stranger.exit_code == 1 and "Traceback" not in stranger.output
    assert stranger.output.startswith(
        "Error: --output ~nosuchuser-of-this-test/x.csv starts with the home folder of a user"
    )


def test_standard_output_on_a_full_disk_says_so_and_a_closed_pipe_ends_quietly(
    tmp_path: Path,
) -> None:
    """`liveblog export > /dev/full` fails in one sentence; `liveblog export | head` has
    simply stopped being read, and ends with status 0."""
    db = tmp_path / "archive.db"
    synthetic(db, SMALL)  # more than a pipe holds: the writer meets the closed end
    argv = [sys.executable, "-m", "crawler", "export", "--db", str(db)]
    with open("/dev/full", "w") as full:
        failed = subprocess.run(
            argv, stdout=full, stderr=subprocess.PIPE, text=True, env=env_with_root(), check=False
        )
    assert failed.returncode == 1
    assert failed.stderr == (
        "Error: cannot write the export to standard output (No space left on device): free "
        "space where it goes, or give --output.\n"
    )
    head = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_with_root()
    )
    assert head.stdout is not None and head.stderr is not None
    assert json.loads(head.stdout.readline())["headline"] == "Update 0"
    head.stdout.close()
    assert head.wait(timeout=60) == 0
    assert head.stderr.read() == ""


def test_parse_since_normalises_to_utc() -> None:
    assert parse_since("2024-05-01") == "2024-05-01T00:00:00Z"
    assert parse_since("2024-05-01T12:30:00+02:00") == "2024-05-01T10:30:00Z"
    assert parse_since(" 2024-05-01T12:30Z ") == "2024-05-01T12:30:00Z"
    with pytest.raises(ValueError, match="not an ISO 8601"):
        parse_since("01/05/2024")


class Sink(io.TextIOBase):
    """An output that counts what it is given and keeps none of it."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, text: str) -> int:
        self.size += len(text)
        return len(text)


# A non-streaming export would hold ten times as much for ten times the rows.
SMALL, BIG = 2_000, 20_000


def synthetic(path: Path, count: int) -> None:
    """`count` updates of one blog, bulk-inserted through the real schema (no FTS: unread here)."""
    db = open_archive(path)
    conn = db.conn
    body = "The minister said border security would be stepped up as lorries queued. " * 4
    with conn:
        conn.execute(
            "insert into blogs (id, url, title, first_seen_at) "
            "values (1, 'https://news.example/live', 'Live', '2024-05-01T00:00:00Z')"
        )
        conn.execute("drop trigger updates_ai")
        conn.executemany(
            "insert into updates (blog_id, source_id, headline, headline_hash, body_text, "
            "body_html, published_at, first_seen_at, last_seen_at, content_hash, key) "
            "values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    str(n),
                    f"Update {n}",
                    f"h{n}",
                    body,
                    f"<p>{body}</p>",
                    "2024-05-01T12:00:00Z",
                    "2024-05-01T12:00:00Z",
                    "2024-05-01T12:00:00Z",
                    f"c{n}",
                    f"id:{n}",
                )
                for n in range(count)
            ),
        )
    db.close()


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Built once for both formats: the export only reads them."""
    folder = tmp_path_factory.mktemp("export")
    built = {}
    for count in (SMALL, BIG):
        built[count] = folder / f"{count}.db"
        synthetic(built[count], count)
    return built


def exported(db: Path, fmt: str) -> tuple[int, int, int]:
    """(rows, characters written, peak bytes allocated) of one export."""
    sink = Sink()
    tracemalloc.start()
    try:
        count = export(db, sink, fmt)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, sink.size, peak


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
def test_export_streams_in_constant_memory(archives: dict[int, Path], fmt: str) -> None:
    export(archives[SMALL], Sink(), fmt)  # first-use allocations (codecs, caches) not counted
    small_rows, small_size, small_peak = exported(archives[SMALL], fmt)
    rows, size, peak = exported(archives[BIG], fmt)
    assert (small_rows, rows) == (SMALL, BIG)
    assert size > 9 * small_size > 9_000_000  # ten times the output, over 10 MB of it...
    assert peak < small_peak + 100_000  # ...in the memory of the small export
    assert peak < 2_000_000
