"""`liveblog schedule`: hands each watched blog's due pass to Redis.

The schedule itself lives in the archive (each blog's `next_due_at`, moved on by the writer
with the pass it writes, by the adaptive intervals and ending rules of `liveblog watch`).
A pass's id is the blog's URL and the number of passes the archive holds for it (read with the
due blogs from one state of the archive), so the same due pass always has the same id:
offering it again is harmless, a pass already finished but not yet written is not offered
twice, and after Redis restarts empty the next look at the archive offers every due pass
again. A pass the writer wrote that the archive does not hold (a backup restored over it,
with Redis kept) is offered again too.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import redis
import sqlite_utils

from archive.store import blog_titles, newest_blocks, page_states, pass_written
from archive.times import now_utc
from archive.watchlist import Policy, blog_settings, due_blogs
from crawler.cluster.codec import PassOrder
from crawler.cluster.passes import PassQueue, refused_for_good

logger = logging.getLogger(__name__)

TICK = 1.0  # seconds between looks at the archive


def pass_id(db: sqlite_utils.Database, url: str) -> str:
    """The id of a blog's next pass: its URL and one past the count of passes the archive
    holds for it, or past a pass of that number it holds already (finished for the file a
    backup was restored over, and written into the backup, numbered by that file's count)."""
    (count,) = db.execute(
        "SELECT count(*) FROM fetches f JOIN blogs b ON b.id = f.blog_id WHERE b.url = ?", [url]
    ).fetchone()
    number = count + 1
    while pass_written(db, f"{url}#{number}"):
        number += 1
    return f"{url}#{number}"


@contextmanager
def one_reading(db: sqlite_utils.Database) -> Iterator[None]:
    """The due blogs and their passes' numbers read from one state of the archive: a pass the
    writer commits between the two reads would leave its blog read as due and numbered past
    that pass, a second pass offered for the round."""
    if db.conn.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.execute("COMMIT")  # it only read


def due_orders(
    db: sqlite_utils.Database,
    policy: Policy,
    *,
    max_pages: int | None = None,
    conditional: bool = True,
    skip: Callable[[list[str]], set[str]] = lambda ids: set(),
) -> list[PassOrder]:
    """The passes due now, with what the archive knows of each blog's pages; `skip` names the
    pass ids not worth an order (already queued, leased or finished)."""
    with one_reading(db):
        due = {pass_id(db, url): url for url in due_blogs(db, now_utc())}
    skipped = skip(list(due))
    wanted = {pid: url for pid, url in due.items() if pid not in skipped}
    if not wanted:
        return []
    own = blog_settings(db, list(wanted.values()))
    newest = newest_blocks(db, list(wanted.values()))
    titles = blog_titles(db, list(wanted.values()))
    orders = []
    for pid, url in wanted.items():
        settings = own[url]
        known = list(page_states(db, url).values()) if conditional and not settings.render else []
        orders.append(
            PassOrder(
                pass_id=pid,
                url=url,
                settings=settings,
                max_pages=max_pages,
                known=known,
                newest_block=newest.get(url),
                title=titles.get(url),
                policy=policy,
            )
        )
    return orders


def in_hand(queue: PassQueue, db: sqlite_utils.Database) -> Callable[[list[str]], set[str]]:
    """Which of some pass ids are queued, leased or finished already, for `due_orders`' skip.

    A pass marked written that the archive does not hold was written into another state of
    this archive (a backup has since been restored over it): its marker is dropped and the
    pass is not in hand, else the blog would wait for the marker to expire (a week). The
    archive is read after the marker: the writer marks a pass written only once it is
    committed, so a pass written meanwhile is found, not offered twice."""

    def held(pass_ids: list[str]) -> set[str]:
        found = queue.in_hand(pass_ids)
        for pid in queue.written(sorted(found)):
            if not pass_written(db, pid) and queue.forget_written(pid):
                logger.info("pass %s is not in the archive, restored since: offered again", pid)
                found.discard(pid)
        return found

    return held


def offer_due(
    queue: PassQueue,
    db: sqlite_utils.Database,
    policy: Policy,
    *,
    max_pages: int | None = None,
    conditional: bool = True,
) -> list[str]:
    """Offers every due pass; returns the ids newly queued (the rest are queued, leased or
    finished already, and cost no order: the scheduler looks every second)."""
    offered = []
    orders = due_orders(
        db, policy, max_pages=max_pages, conditional=conditional, skip=in_hand(queue, db)
    )
    for order in orders:
        if queue.offer(order.pass_id, order.to_json()):
            offered.append(order.pass_id)
    return offered


def run_scheduler(
    queue: PassQueue,
    open_db: Callable[[], sqlite_utils.Database],
    policy: Policy,
    *,
    max_pages: int | None = None,
    conditional: bool = True,
    stop: Callable[[], bool] = lambda: False,
    echo: Callable[[str], None] = print,
    tick: float = TICK,
    claim: Callable[[], None] = lambda: None,
) -> None:
    """Looks at the archive every `tick` seconds until `stop()`; rides out Redis being away,
    but not Redis refusing for good (a read-only replica, a forbidden command): that raises.
    `claim` runs before each look (a Redis database serves one archive; it raises if not)."""
    down = False
    while not stop():
        db = open_db()
        try:
            claim()
            offered = offer_due(queue, db, policy, max_pages=max_pages, conditional=conditional)
        except redis.RedisError as exc:
            if refused_for_good(exc):
                raise
            if not down:
                echo(f"Redis unavailable ({exc}): waiting for it; the schedule is in the archive.")
            down = True
        else:
            if down:
                echo("Redis is back: every due pass offered again.")
            down = False
            for pid in offered:
                echo(f"offered {pid}")
        finally:
            db.close()
        until = time.monotonic() + tick
        while time.monotonic() < until and not stop():
            time.sleep(min(0.1, tick))
