"""Updates out of the archive for scripts: NDJSON or CSV, streamed row by row.

The export reads through a read-only connection (a crawl may be writing) and writes each row
as the cursor yields it, so a million updates take no more memory than one.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, suppress
from pathlib import Path
from typing import Any, TextIO

from archive.db import ArchiveError, connect_read_only
from archive.records import blog_url
from archive.times import format_utc, parse_utc

FORMATS = ("ndjson", "csv")

# One row per update: its current state and the blog it belongs to.
COLUMNS = [
    "id",
    "blog_id",
    "blog_url",
    "blog_title",
    "publisher",
    "source_id",
    "headline",
    "body_text",
    "body_html",
    "published_at",
    "modified_at",
    "authors",
    "media",
    "permalink",
    "first_seen_at",
    "last_seen_at",
    "removed_at",
    "version",
    "pinned",
    "key_event",
    "content_hash",
]
# Held as JSON text in the archive: NDJSON gives them as arrays, CSV as the JSON text.
JSON_COLUMNS = ("authors", "media")

_SELECT = """
select u.id, u.blog_id, b.url as blog_url, b.title as blog_title, b.publisher, u.source_id,
  u.headline, u.body_text, u.body_html, u.published_at, u.modified_at, u.authors, u.media,
  u.permalink, u.first_seen_at, u.last_seen_at, u.removed_at, u.version, u.pinned,
  u.key_event, u.content_hash
from updates u join blogs b on b.id = u.blog_id
"""


def parse_since(value: str) -> str:
    """An ISO 8601 date or time as the archive writes times (UTC, `YYYY-MM-DDTHH:MM:SSZ`)."""
    moment = parse_utc(value)
    if moment is None:
        raise ValueError(
            f"{value!r} is not an ISO 8601 date or time: give e.g. 2024-05-01 or "
            "2024-05-01T12:00:00Z (a time without an offset is taken as UTC)."
        )
    written = format_utc(moment)
    if written is None:
        raise ValueError(f"{value!r} is out of range: give a date between the years 1 and 9999.")
    return written


def rows(
    conn: sqlite3.Connection, blog: str | None = None, since: str | None = None
) -> Iterator[sqlite3.Row]:
    """The updates to export, in the order the archive found them, one at a time."""
    where: list[str] = []
    params: list[Any] = []
    if blog is not None:
        url = blog_url(blog)
        found = conn.execute("select id from blogs where url = ?", [url]).fetchone()
        if found is None:
            raise ArchiveError(
                f"the archive has no blog {url}: `liveblog list` shows the blogs it has."
            )
        where.append("u.blog_id = ?")
        params.append(found["id"])
    if since is not None:
        where.append("u.published_at >= ?")
        params.append(since)
    sql = _SELECT + (" where " + " and ".join(where) if where else "") + " order by u.id"
    yield from conn.execute(sql, params)


def _ndjson_line(row: sqlite3.Row) -> str:
    """One update as a JSON line, its JSON columns as JSON (scripts should not parse twice)."""
    record = dict(zip(COLUMNS, row, strict=True))
    for column in JSON_COLUMNS:
        with suppress(ValueError):  # not JSON after all: kept as the text it is
            record[column] = json.loads(record[column] or "[]")
    return json.dumps(record, ensure_ascii=False) + "\n"


def write(
    conn: sqlite3.Connection,
    out: TextIO,
    fmt: str,
    blog: str | None = None,
    since: str | None = None,
) -> int:
    """Write the updates to `out` as NDJSON or CSV (with a header row); returns how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows(conn, blog, since):
            writer.writerow(row)
            count += 1
    else:
        for row in rows(conn, blog, since):
            out.write(_ndjson_line(row))
            count += 1
    return count


def export(
    db_path: Path,
    out: TextIO,
    fmt: str,
    blog: str | None = None,
    since: str | None = None,
) -> int:
    """Export the archive at db_path (read-only) to `out`; returns the number of updates."""
    with closing(connect_read_only(db_path)) as conn:
        try:
            return write(conn, out, fmt, blog, since)
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"cannot read the archive at {db_path}: {exc}.") from exc
