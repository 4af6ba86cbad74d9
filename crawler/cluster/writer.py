"""`liveblog write`: the one writer. It drains finished passes from Redis into the archive in
the order they finished, one transaction per pass: the pass's rows (with the rules of a
single-machine crawl), its id, and the blog's next poll time commit together, and only then is
the pass acknowledged in Redis. A writer killed mid-drain takes up its unacknowledged passes
again; one already committed is recognised by its id and acknowledged without a second write.
A writer whose archive file is replaced under it (a backup restored to its path, or copied over
it) stops before acknowledging what it could not write to the file there now.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from queue import Full, Queue

import redis

from archive.records import PassResult
from archive.times import now_utc, seconds_between
from archive.watchlist import reschedule_in
from archive.writer import PassWriter
from crawler.cluster import ClusterError
from crawler.cluster.codec import CodecError, decode_pass
from crawler.cluster.passes import Finished, PassQueue, refused_for_good, unblocked
from crawler.notify import Alerts

logger = logging.getLogger(__name__)

BATCH = 50
BLOCK_MS = 1000
RETRY_WRITE = 5.0  # seconds before a pass the archive refused (a full disk) is tried again


@dataclass
class Drained:
    """What one look at the results stream did."""

    written: int = 0
    duplicates: int = 0
    unreadable: int = 0
    failed: int = 0  # passes the archive could not take: they stay in Redis

    @property
    def handled(self) -> int:
        """Passes that left the stream: written, found written before, or set aside."""
        return self.written + self.duplicates + self.unreadable


def write_one(writer: PassWriter, finished: Finished) -> PassResult | None:
    """One finished pass into the archive; None when it cannot be read (it is set aside)."""
    try:
        order, item = decode_pass(finished.result)
    except CodecError as exc:
        logger.error("pass %s set aside: %s", finished.pass_id, exc)
        return None

    def then(conn: sqlite3.Connection, result: PassResult) -> None:
        reschedule_in(conn, result, order.policy, now_utc())

    result = writer.write(item, worker=finished.worker, then=then)
    result.seconds = round(seconds_between(item.started_at, item.finished_at), 2)
    return result


class AlertThread:
    """Alerts off the writer's path: each written pass is handed to one thread that tells the
    notifiers, so a slow or dead notifier never holds up the archive's one writer."""

    def __init__(self, alerts: Alerts, backlog: int = 10_000) -> None:
        self.alerts = alerts
        self.passes: Queue[PassResult | None] = Queue(backlog)
        self.thread = threading.Thread(target=self._run, name="liveblog-alerts", daemon=True)
        self.thread.start()

    def __call__(self, result: PassResult) -> None:
        try:
            self.passes.put_nowait(result)
        except Full:
            self.alerts.warn(f"alert for {result.url} not sent: too many alerts waiting")

    def _run(self) -> None:
        while (result := self.passes.get()) is not None:
            self.alerts.after([result])

    def close(self, timeout: float = 30.0) -> None:
        """Sends what is waiting (for at most `timeout` seconds), then stops."""
        self.passes.put(None)
        self.thread.join(timeout)


def drain_once(
    queue: PassQueue,
    writer: PassWriter,
    *,
    block_ms: int | None = BLOCK_MS,
    echo: Callable[[str], None] = print,
    written: Callable[[PassResult], None] | None = None,
) -> Drained:
    """Writes what the stream holds now (waiting up to `block_ms` for something); each pass
    written is then handed to `written` (the alerts)."""
    done = Drained()
    still_in_place(writer)
    for finished in queue.take_results(count=BATCH, block_ms=block_ms):
        still_in_place(writer)
        result = write_one(writer, finished)
        if result is None:
            queue.set_aside(finished)
            done.unreadable += 1
            continue
        if not result.duplicate and result.fetch_id == 0:
            # The archive refused it (a full disk, a read-only file): it stays in Redis.
            echo(f"not written, kept in Redis: {finished.pass_id}: {result.error}")
            done.failed += 1
            break
        # Acknowledged only if it went into the file at the archive's path: else it waits in
        # Redis for the writer started on the file there now.
        still_in_place(writer)
        queue.ack([finished])
        if result.duplicate:
            done.duplicates += 1
            echo(f"already written: {finished.pass_id}")
        else:
            done.written += 1
            echo(f"written {finished.pass_id} ({finished.worker}): {result.summary()}")
            if written is not None:
                written(result)
    return done


def still_in_place(writer: PassWriter) -> None:
    """Stops the writer whose archive file was replaced under it: it would write on into the
    old file, and its passes would be marked written though the archive there lacks them.
    One copied over in place would be read through the old file's -wal, a mix of the two."""
    if writer.replaced():
        raise ClusterError(
            f"the archive at {writer.db_path} was replaced while the writer ran (a backup "
            "restored over it, or the file moved away): restart it, and it writes the passes "
            "waiting in Redis into the file there now."
        )
    if writer.overwritten():
        raise ClusterError(
            f"the archive at {writer.db_path} was overwritten while the writer ran (a backup "
            "copied over it): stop every liveblog run on it, delete its -wal and -shm files, "
            "copy the backup over it again, and restart the writer, which then writes the "
            "passes waiting in Redis into it."
        )


def run_writer(
    queue: PassQueue,
    writer: PassWriter,
    *,
    stop: Callable[[], bool] = lambda: False,
    echo: Callable[[str], None] = print,
    written: Callable[[PassResult], None] | None = None,
    claim: Callable[[], None] = lambda: None,
) -> None:
    """Drains until `stop()`; rides out Redis being away and the archive refusing a pass, but
    not Redis refusing for good (a read-only replica, a forbidden command): that raises.
    `claim` runs before each look (a Redis database serves one archive; it raises if not)."""
    down = False
    while not stop():
        try:
            claim()
            drained = drain_once(queue, writer, echo=echo, written=written)
        except redis.RedisError as exc:
            if refused_for_good(exc):
                raise
            if unblocked(exc):
                continue  # the next look says whether Redis is a replica now
            if not down:
                echo(f"Redis unavailable ({exc}): finished passes wait there until it is back.")
            down = True
            _sleep(1.0, stop)
            continue
        if down:
            echo("Redis is back.")
        down = False
        if drained.failed:
            _sleep(RETRY_WRITE, stop)


def _sleep(seconds: float, stop: Callable[[], bool]) -> None:
    until = time.monotonic() + seconds
    while time.monotonic() < until and not stop():
        time.sleep(0.1)
