"""What an alert tells: a blog's changes since the last pass an alert covered, and where alerts
for it go. The crawler's notifier (crawler/notify.py) sends them; the state lives here, in the
archive, so the rate limit and the changes not told yet outlive a run."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import sqlite_utils

from archive.db import write_transaction
from archive.times import parse_utc, utc_stamp

# What a headline-less update is called in an alert: its opening words.
OPENING = 80


@dataclass
class Change:
    """One update an alert names: its kind ('new', 'edited', 'removed') and its headline."""

    kind: str
    headline: str
    update_id: int


@dataclass
class BlogChanges:
    """A blog's changes over the passes after `after_fetch_id`, up to `through_fetch_id`."""

    blog_id: int
    url: str
    title: str
    after_fetch_id: int
    through_fetch_id: int
    changes: list[Change] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)


@dataclass
class AlertState:
    """Where a blog's alerts go, and how far they have told."""

    blog_id: int
    url: str
    title: str
    notify: list[str]
    notified_fetch_id: int | None
    notified_at: datetime | None


def alert_state(db: sqlite_utils.Database, blog_id: int) -> AlertState | None:
    row = db.execute(
        """SELECT id, url, coalesce(title, url), notify, notified_fetch_id, notified_at
           FROM blogs WHERE id = ?""",
        [blog_id],
    ).fetchone()
    if row is None:
        return None
    return AlertState(
        blog_id=row[0],
        url=row[1],
        title=row[2],
        notify=[str(u) for u in json.loads(row[3] or "[]")],
        notified_fetch_id=row[4],
        notified_at=parse_utc(row[5]),
    )


def start_alerts(db: sqlite_utils.Database, blog_id: int, after_fetch_id: int) -> None:
    """Alerts for a blog start now: what earlier passes archived is not news."""
    with write_transaction(db):
        db.execute(
            "UPDATE blogs SET notified_fetch_id = ? WHERE id = ? AND notified_fetch_id IS NULL",
            [after_fetch_id, blog_id],
        )


def mark_notified(
    db: sqlite_utils.Database, blog_id: int, through_fetch_id: int, at: datetime
) -> None:
    """An alert covered the blog's passes up to `through_fetch_id`: the next starts after it."""
    with write_transaction(db):
        db.execute(
            "UPDATE blogs SET notified_fetch_id = ?, notified_at = ? WHERE id = ?",
            [through_fetch_id, utc_stamp(at), blog_id],
        )


def changes_since(
    db: sqlite_utils.Database, state: AlertState, after_fetch_id: int, through_fetch_id: int
) -> BlogChanges:
    """New, edited and removed updates of the blog's passes after one fetch, newest first.

    An update new and edited within the span is new; one edited twice is named once.
    """
    found = BlogChanges(state.blog_id, state.url, state.title, after_fetch_id, through_fetch_id)
    named: set[int] = set()
    rows = db.execute(
        f"""SELECT v.update_id, min(v.version) AS first,
                  coalesce(u.headline, substr(u.body_text, 1, {OPENING}), '')
           FROM update_versions v JOIN updates u ON u.id = v.update_id
           WHERE v.fetch_id > ? AND v.fetch_id <= ? AND u.blog_id = ?
           GROUP BY v.update_id
           ORDER BY max(v.fetch_id) DESC, u.published_at DESC, v.update_id DESC""",
        [after_fetch_id, through_fetch_id, state.blog_id],
    ).fetchall()
    for update_id, first, headline in rows:
        named.add(update_id)
        found.changes.append(Change("new" if first == 1 else "edited", headline, update_id))
    removed = db.execute(
        f"""SELECT u.id, coalesce(u.headline, substr(u.body_text, 1, {OPENING}), '')
            FROM updates u
            WHERE u.blog_id = ? AND u.removed_at IN (
                SELECT f.started_at FROM fetches f
                WHERE f.blog_id = ? AND f.id > ? AND f.id <= ? AND f.error IS NULL)
            ORDER BY u.published_at DESC, u.id DESC""",
        [state.blog_id, state.blog_id, after_fetch_id, through_fetch_id],
    ).fetchall()
    found.changes.extend(Change("removed", h, i) for i, h in removed if i not in named)
    return found


def latest_fetch_id(db: sqlite_utils.Database, blog_id: int) -> int:
    """The blog's newest pass in the fetch log (0: none yet)."""
    row = db.execute("SELECT max(id) FROM fetches WHERE blog_id = ?", [blog_id]).fetchone()
    return int(row[0] or 0)
