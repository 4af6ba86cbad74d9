"""Bounds on what one ad-hoc query may take, so an analyst's SQL cannot exhaust the server.

Datasette's `sql_time_limit_ms` stops a query between SQLite's steps, but one step can build
a value of any size (`randomblob(999999999)`) and run, unstoppable, for seconds while taking
gigabytes. So each connection the server opens gets a ceiling on the size of one value (which
bounds the work of every single step), SQLite's heap gets a ceiling for the whole process,
and the rows a query hands to Python get a budget in bytes.
"""

from __future__ import annotations

import sqlite3
from typing import Any

# The largest string or blob a query may make or read: 16 MB, far beyond any post's HTML.
MAX_VALUE_BYTES = 16 * 1024 * 1024
# SQLite's own memory, all connections of the server together.
HEAP_LIMIT_BYTES = 512 * 1024 * 1024
# Text and blobs one query may return to the server (Datasette returns at most 1,000 rows).
RESULT_BUDGET_BYTES = 256 * 1024 * 1024

RESULT_TOO_LARGE = (
    "The query's results are too large (over {mb} MB of text and blobs): select fewer "
    "columns or rows, or shorter values."
)


class ResultBudget:
    """A row factory making Datasette's sqlite3.Row, that stops a query past its byte budget."""

    def __init__(self, limit: int = RESULT_BUDGET_BYTES) -> None:
        self.limit = limit
        self.cursor: sqlite3.Cursor | None = None
        self.used = 0

    def __call__(self, cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> sqlite3.Row:
        if cursor is not self.cursor:
            # Every query Datasette runs has a cursor of its own.
            self.cursor, self.used = cursor, 0
        self.used += sum(len(value) for value in row if isinstance(value, str | bytes))
        if self.used > self.limit:
            raise sqlite3.DataError(RESULT_TOO_LARGE.format(mb=self.limit // (1024 * 1024)))
        return sqlite3.Row(cursor, row)


def bound(conn: sqlite3.Connection) -> None:
    """Apply the value, heap and result limits to one of the server's connections."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.execute(f"PRAGMA hard_heap_limit = {HEAP_LIMIT_BYTES}")
    conn.row_factory = ResultBudget()
