"""Default columns for a wide table's HTML page, which Datasette 0.65 has no setting for.

metadata.yml names them per table (`plugins: liveblog-archive: default_columns: [...]`). A
table page asked for without `_col`, `_nocol` or `_wide` opens with those columns: a million
updates' page then renders a few short cells a row, not every body twice. `?_wide=1` shows
every column, and a `.json` or `.csv` address keeps every column.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

if TYPE_CHECKING:
    from datasette.app import Datasette

PLUGIN = "liveblog-archive"
WIDE = "_wide"
ASKED = ("_col", "_nocol", WIDE)

Scope = MutableMapping[str, Any]
App = Callable[[Scope, Any, Any], Awaitable[None]]

# An HTML table page: /<database>/<table>, no format extension, nothing after it.
_TABLE_PAGE = re.compile(r"^/(?P<database>[^/.]+)/(?P<table>[^/.]+)$")


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
    if any(name in ASKED for name, _ in args):
        return scope
    try:
        db = datasette.get_database(route=page["database"])
    except KeyError:
        return scope
    wanted = default_columns(datasette, db.name, page["table"])
    if not wanted:
        return scope
    present = set(await db.table_columns(page["table"]))
    args += [("_col", name) for name in wanted if name in present]
    return {**scope, "query_string": urlencode(args).encode("latin-1")}


def wrap(datasette: Datasette, app: App) -> App:
    """The ASGI app with default columns applied to table pages."""

    async def wrapped(scope: Scope, receive: Any, send: Any) -> None:
        if scope.get("type") == "http" and scope.get("method") in ("GET", "HEAD"):
            scope = await with_defaults(datasette, scope)
        await app(scope, receive, send)

    return wrapped
