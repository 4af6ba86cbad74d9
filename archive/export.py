"""Updates out of the archive for scripts: NDJSON or CSV, streamed row by row.

The export reads through a read-only connection (a crawl may be writing) and writes each row
as the cursor yields it, so a million updates take no more memory than one. An export to a
file writes a new one beside it, which replaces it only once whole.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TextIO

from archive.db import ArchiveError, expanded, read_only_connection
from archive.snapshots import fsync_folder
from archive.times import format_utc, parse_utc
from archive.watchlist import stored_url

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
    """The updates to export, in the order the archive found them, one at a time.

    A blog the archive lacks is refused here, before anything is written.
    """
    where: list[str] = []
    params: list[Any] = []
    if blog is not None:
        url = stored_url(conn, blog)
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
    return iter(conn.execute(sql, params))


def _ndjson_line(row: sqlite3.Row) -> str:
    """One update as a JSON line, its JSON columns as JSON (scripts should not parse twice)."""
    record = dict(zip(COLUMNS, row, strict=True))
    for column in JSON_COLUMNS:
        with suppress(ValueError):  # not JSON after all: kept as the text it is
            record[column] = json.loads(record[column] or "[]")
    return json.dumps(record, ensure_ascii=False) + "\n"


def write(selected: Iterator[sqlite3.Row], out: TextIO, fmt: str) -> int:
    """Write the rows to `out` as NDJSON or CSV (with a header row); returns how many."""
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in selected:
            writer.writerow(row)
            count += 1
    else:
        for row in selected:
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
    with _selected(db_path, fmt, blog, since) as selected:
        return write(selected, out, fmt)


def export_file(
    db_path: Path,
    output: Path,
    fmt: str,
    blog: str | None = None,
    since: str | None = None,
) -> int:
    """Export to the file `output`, which a failed export leaves as it was: a cron job's
    export of yesterday outlives today's mistyped --blog or full disk.

    The archive and the blog are checked before the file is touched. An error writing it is
    raised as the OSError it is, for the caller to put in its words.
    """
    output = expanded(output, "--output")
    _refuse_archive_files(db_path, output)
    with _selected(db_path, fmt, blog, since) as selected, replacing(output) as out:
        return write(selected, out, fmt)


# The files SQLite keeps beside an archive, which an export must never replace.
_ARCHIVE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def _refuse_archive_files(db_path: Path, output: Path) -> None:
    """Refuse an output that is the archive or one of its SQLite files, by any path to it (a
    symlink, a hard link): the export would be renamed over the archive it reads."""
    archive = db_path.expanduser().resolve()
    target = output.resolve()
    own = {Path(f"{archive}{suffix}") for suffix in _ARCHIVE_SUFFIXES}
    same = target in own
    with suppress(OSError):  # nothing there yet: no file to be the archive's
        same = same or any(p.exists() and target.samefile(p) for p in own)
    if same:
        raise ArchiveError(
            f"cannot export to {output}: it is the archive {db_path} itself or a file SQLite "
            "keeps beside it; give --output another file (the archive is left as it is)."
        )


@contextmanager
def _selected(
    db_path: Path, fmt: str, blog: str | None, since: str | None
) -> Iterator[Iterator[sqlite3.Row]]:
    """The rows to export, from the archive opened read-only, once the request is known good."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    with read_only_connection(db_path) as conn:
        try:
            yield rows(conn, blog, since)
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"cannot read the archive at {db_path}: {exc}.") from exc


@contextmanager
def replacing(output: Path) -> Iterator[TextIO]:
    """A text file that becomes `output` when the block ends without an error, and is removed
    when it fails: `output` is never seen half written.

    A device or a pipe (`/dev/stdout`, a FIFO) cannot be replaced, and holds nothing to lose:
    it is written as it is.
    """
    if output.exists() and not output.is_file():
        with output.open("w", encoding="utf-8", newline="") as out:
            yield out
        return
    target = output.resolve()  # through a symlink, the file it points to is replaced
    mode = _file_mode(target)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    part = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        part.chmod(mode)
        part.replace(target)
        fsync_folder(target.parent)  # (the new name, after a crash, is the new file's)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def _file_mode(target: Path) -> int:
    """The permissions the export keeps: the replaced file's, or a new file's under the umask
    (a temporary file is made readable by its owner alone)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
