"""The changes feeds: one Atom entry per new version of an update or per removal, newest first.

An edit's entry carries the word diff stored with the version when it was written
(archive/diff.py); only a version stored without one (an archive a read-only server could not
migrate) has it computed here, as the version page does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from archive.web.render import Change, changes

if TYPE_CHECKING:
    from datasette.database import Database

# Entries per feed: what a feed reader polls, not the archive's history.
LIMIT = 50

_VERSION_COLUMNS = ("headline", "body_text", "body_html", "modified_at", "media")


async def _edits(db: Database, blog_id: int | None) -> list[dict[str, Any]]:
    """The newest versions after the first, each with the one before it, newest first."""
    has_diff = "diff" in await db.table_columns("update_versions")
    columns = ", ".join(
        [f"cur.{c}" for c in _VERSION_COLUMNS] + [f"prev.{c} as prev_{c}" for c in _VERSION_COLUMNS]
    )
    where = "cur.version > 1" + (" and updates.blog_id = :blog" if blog_id is not None else "")
    rows = await db.execute(
        f"select cur.update_id, cur.version, cur.seen_at, "
        f"{'cur.diff' if has_diff else 'null'} as diff, {columns}, updates.blog_id, "
        "blogs.url as blog_url from update_versions cur "
        "join update_versions prev on prev.update_id = cur.update_id "
        "and prev.version = cur.version - 1 "
        "join updates on updates.id = cur.update_id join blogs on blogs.id = updates.blog_id "
        f"where {where} order by cur.seen_at desc, cur.update_id desc, cur.version desc "
        "limit :limit",
        {"blog": blog_id, "limit": LIMIT},
    )
    return [dict(r) for r in rows.rows]


async def _removals(db: Database, blog_id: int | None) -> list[dict[str, Any]]:
    """The newest removals, as the updates' rows hold them, newest first."""
    where = "updates.removed_at is not null" + (
        " and updates.blog_id = :blog" if blog_id is not None else ""
    )
    rows = await db.execute(
        "select updates.id as update_id, updates.version, updates.removed_at, "
        "updates.headline, updates.body_text, updates.body_html, updates.media, "
        "updates.blog_id, blogs.url as blog_url from updates "
        f"join blogs on blogs.id = updates.blog_id where {where} "
        "order by updates.removed_at desc, updates.id desc limit :limit",
        {"blog": blog_id, "limit": LIMIT},
    )
    return [dict(r) for r in rows.rows]


def _title(headline: Any, body: Any) -> str:
    """An update named as the feed's other entries name it: its headline, else its opening."""
    return str(headline or "") or str(body or "")[:80] or "Update"


def _lines(diff: Markup) -> Markup:
    """A diff of plain text with its line breaks kept (feed readers have no pre-wrap)."""
    return Markup(str(diff).replace("\n", "<br>"))  # noqa: S704 - diff pieces are escaped


def _edit_html(change: Change, media: Any) -> tuple[str, Any]:
    """An edit's content (what changed, the headline and body diffs) and the media to show."""
    parts = [
        str(
            escape(
                f"Version {change.version}: "
                f"{', '.join(change.fields) or 'no visible change'} changed."
            )
        )
    ]
    if change.modified_changed:
        before, after = change.modified_before or "none", change.modified_after or "none"
        parts.append(str(escape(f"Modified time: {before} → {after}")))
    if change.headline_changed:
        parts.append(f"Headline: {change.headline_diff}")
    if change.body_changed:
        parts.append(str(_lines(change.body_diff)))
    html = "".join(f"<p>{p}</p>" for p in parts)
    return html, media if change.media_changed else None


def _edit_entry(row: dict[str, Any], link: str) -> dict[str, Any]:
    prev = {c: row[f"prev_{c}"] for c in _VERSION_COLUMNS}
    cur = {c: row[c] for c in _VERSION_COLUMNS}
    cur.update(version=row["version"], seen_at=row["seen_at"], diff=row["diff"])
    prev.update(version=row["version"] - 1, seen_at=None)
    change = changes([prev, cur])[0]
    html, media = _edit_html(change, row["media"])
    return {
        "atom_id": f"{row['blog_url']}#liveblog-archive-update-{row['update_id']}"
        f"-version-{row['version']}",
        "atom_title": f"Edited: {_title(row['headline'], row['body_text'])}",
        "atom_updated": row["seen_at"],
        "atom_link": link,
        "atom_content_html": html,
        "atom_media": media,
    }


def _removal_entry(row: dict[str, Any], link: str) -> dict[str, Any]:
    said = escape(f"Removed from the blog (last seen as version {row['version']}):")
    return {
        "atom_id": f"{row['blog_url']}#liveblog-archive-update-{row['update_id']}"
        f"-removed-{row['removed_at']}",
        "atom_title": f"Removed: {_title(row['headline'], row['body_text'])}",
        "atom_updated": row["removed_at"],
        "atom_link": link,
        "atom_content_html": f"<p>{said}</p>{row['body_html'] or ''}",
        "atom_media": row["media"],
    }


async def change_rows(
    db: Database, blog_id: int | None, link: Callable[[int, int], str]
) -> list[dict[str, Any]]:
    """The feed's rows (atom_* columns), newest first: at most LIMIT edits and removals.

    `link(blog_id, update_id)` is the address of the update in its blog's timeline.
    """
    edits, removals = await _edits(db, blog_id), await _removals(db, blog_id)

    def build() -> list[dict[str, Any]]:
        found = [(r["seen_at"] or "", _edit_entry, r) for r in edits]
        found += [(r["removed_at"] or "", _removal_entry, r) for r in removals]
        found.sort(key=lambda f: f[0], reverse=True)
        return [make(row, link(row["blog_id"], row["update_id"])) for _, make, row in found[:LIMIT]]

    # A diff an older archive lacks is computed here: off the event loop.
    return await asyncio.to_thread(build)
