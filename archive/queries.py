"""Read-side queries the CLI prints from; analysts get the same through Datasette."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from archive.watchlist import stored_url


def blog_updates(db: Database, url: str) -> list[dict[str, Any]]:
    """One blog's updates, newest first, with how many versions each has."""
    sql = """
        select u.id, u.source_id, u.headline, u.published_at, u.version, u.removed_at, u.media
        from updates u join blogs b on b.id = u.blog_id
        where b.url = ?
        order by u.published_at desc, u.id desc
    """
    return [dict(row) for row in db.query(sql, [stored_url(db.conn, url)])]


def counts(db: Database) -> dict[str, int]:
    """Rows in each contract table: the archive at a glance."""
    return {name: db[name].count for name in ("blogs", "fetches", "updates", "update_versions")}
