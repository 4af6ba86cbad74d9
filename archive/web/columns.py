"""Default columns for a wide table's HTML page, which Datasette 0.65 has no setting for.

metadata.yml names them per table (`plugins: liveblog-archive: default_columns: [...]`). A
table page asked for without `_col`, `_nocol` or `_wide` opens with those columns: a million
updates' page then renders a few short cells a row, not every body twice. `?_wide=1` shows
every column, and a `.json` or `.csv` address keeps every column.

Datasette makes the page's links (sorting, the next page, filters, "This data as json, CSV")
from the address it was asked, so they carry the `_col`s given here; `_columns=default` beside
them says they are the defaults, and an export asked for with it holds every column.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

from datasette.utils import tilde_decode

from archive.web.routing import database_named

if TYPE_CHECKING:
    from datasette.app import Datasette
    from datasette.database import Database

PLUGIN = "liveblog-archive"
WIDE = "_wide"
# Beside the `_col`s given here: the defaults, not columns a reader chose.
DEFAULTS = ("_columns", "default")
ASKED = ("_col", "_nocol", WIDE, DEFAULTS[0])

Scope = MutableMapping[str, Any]
App = Callable[[Scope, Any, Any], Awaitable[None]]

# A table page, /<database>/<table>, or its export, /<database>/<table>.<format>.
_TABLE_PAGE = re.compile(r"^/(?P<database>[^/.]+)/(?P<table>[^/.]+)(?P<format>\.\w+)?$")
# Per database, each table's default columns once all of them exist.
_CHOSEN: weakref.WeakKeyDictionary[Database, dict[str, list[str]]] = weakref.WeakKeyDictionary()


def default_columns(datasette: Datasette, database: str, table: str) -> list[str]:
    """The columns metadata.yml chose for this table's page; none means every column."""
    config = datasette.plugin_config(PLUGIN, database=database, table=table) or {}
    columns = config.get("default_columns") if isinstance(config, dict) else None
    return [str(c) for c in columns] if isinstance(columns, list) else []


async def with_defaults(datasette: Datasette, scope: Scope) -> Scope:
    """The request, asking for the table's default columns when it asked for none itself."""
    page = _TABLE_PAGE.match(scope.get("path", ""))
    if page is None:
        return scope
    args = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    if page["format"] or any(name == "_format" for name, _ in args):
        if DEFAULTS not in args:
            return scope
        every = [(name, value) for name, value in args if name != "_col" and name != DEFAULTS[0]]
        return {**scope, "query_string": urlencode(every).encode("latin-1")}
    if any(name in ASKED for name, _ in args):
        return scope
    db = database_named(datasette, page["database"])
    if db is None:
        return scope
    chosen = await _chosen(datasette, db, tilde_decode(page["table"]))
    if not chosen:
        return scope
    args += [("_col", name) for name in chosen] + [DEFAULTS]
    return {**scope, "query_string": urlencode(args).encode("latin-1")}


async def _chosen(datasette: Datasette, db: Database, table: str) -> list[str]:
    """The default columns the table has, but its primary key, which Datasette shows first on
    every page (asked for again, it was shown twice): read from its schema once they all
    exist (columns are added by migrations, never dropped), not with a query on every page."""
    known = _CHOSEN.setdefault(db, {})
    if table in known:
        return known[table]
    wanted = default_columns(datasette, db.name, table)
    if not wanted:
        return []
    present = set(await db.table_columns(table))
    key = set(await db.primary_keys(table))
    chosen = [name for name in wanted if name in present and name not in key]
    if present.issuperset(wanted):
        known[table] = chosen
    return chosen


def wrap(datasette: Datasette, app: App) -> App:
    """The ASGI app with default columns applied to table pages."""

    async def wrapped(scope: Scope, receive: Any, send: Any) -> None:
        if scope.get("type") == "http" and scope.get("method") in ("GET", "HEAD"):
            scope = await with_defaults(datasette, scope)
        await app(scope, receive, send)

    return wrapped
