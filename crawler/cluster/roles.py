"""The scale-out's three roles and its status, as the `liveblog` command runs them: `schedule`,
`worker`, `write` and `status --redis`. Each runs until SIGINT/SIGTERM, or once with `once`."""

from __future__ import annotations

import contextlib
import json
import signal
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import cast

import redis

from archive.db import open_archive
from archive.watchlist import Policy
from archive.writer import PassWriter
from crawler.cluster import ClusterError
from crawler.cluster.passes import PassQueue, QueueState
from crawler.cluster.schedule import offer_due, run_scheduler
from crawler.cluster.worker import DEFAULT_PREFIX, run_worker
from crawler.cluster.writer import AlertThread, drain_once, run_writer
from crawler.notify import Alerts

HEARTBEAT_WINDOW = 30.0  # a worker that has not beaten for this long is not counted alive


def connect(url: str, prefix: str = DEFAULT_PREFIX) -> PassQueue:
    """The pass queue at `url`, checked with a PING so a wrong URL fails at once, clearly."""
    try:
        queue = PassQueue(
            redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=30), prefix
        )
        queue.client.ping()
    except ValueError as exc:
        raise ClusterError(f"{url!r} is not a Redis URL: give e.g. redis://HOST:6379/0") from exc
    except redis.RedisError as exc:
        raise ClusterError(f"cannot reach Redis at {url}: {exc}") from exc
    return queue


@contextlib.contextmanager
def until_signalled() -> Iterator[Callable[[], bool]]:
    """SIGINT/SIGTERM end the loop after the step in hand; the yielded callable says when."""
    stopped: list[int] = []

    def handle(signum: int, frame: FrameType | None) -> None:
        stopped.append(signum)

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield lambda: bool(stopped)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def schedule(
    url: str,
    db_path: Path,
    policy: Policy,
    *,
    max_pages: int | None,
    once: bool,
    echo: Callable[[str], None],
) -> None:
    """Hands due passes to Redis: once, or every second until a signal."""
    queue = connect(url)
    if once:
        db = open_archive(db_path)
        try:
            offered = offer_due(queue, db, policy, max_pages=max_pages)
        finally:
            db.close()
        echo(f"offered {len(offered)} pass{'' if len(offered) == 1 else 'es'}")
        return
    with until_signalled() as stop:
        run_scheduler(
            queue, lambda: open_archive(db_path), policy, max_pages=max_pages, stop=stop, echo=echo
        )


def work(url: str, *, name: str | None, settings: dict[str, object]) -> None:
    """One worker in this process, until a signal (Scrapy's own clean stop)."""
    connect(url)
    run_worker(url, worker=name, overrides=settings)


def write(
    url: str,
    db_path: Path,
    *,
    once: bool,
    echo: Callable[[str], None],
    alerts: Alerts | None = None,
) -> None:
    """Drains finished passes into the archive: what is there now with `once`, else until a
    signal. With `alerts`, each blog's notifiers are told what its passes changed."""
    queue = connect(url)
    writer = PassWriter(db_path)
    told = AlertThread(alerts) if alerts is not None else None
    try:
        if once:
            while True:
                drained = drain_once(queue, writer, block_ms=None, echo=echo, written=told)
                if drained.failed or not drained.handled:
                    return
        with until_signalled() as stop:
            run_writer(queue, writer, stop=stop, echo=echo, written=told)
    finally:
        writer.close()
        if told is not None:
            told.close()


def status(url: str) -> str:
    """The queue, the leases and their age, the workers alive and what they did, the writer's pace."""
    queue = connect(url)
    state = queue.state()
    alive = queue.workers_alive(HEARTBEAT_WINDOW)
    kept = cast(dict[bytes, bytes], queue.client.hgetall(queue.key("stats")))
    stats = {worker.decode(): json.loads(raw) for worker, raw in kept.items()}
    return describe(state, alive, stats)


def describe(state: QueueState, alive: list[str], stats: dict[str, dict[str, object]]) -> str:
    """`liveblog status` for people: one fact per line."""
    lines = [
        f"queued: {state.queued} pass{'' if state.queued == 1 else 'es'} waiting",
        f"leased: {len(state.leased)}",
    ]
    for held in sorted(state.leased, key=lambda h: h.leased_at):
        lines.append(
            f"  {held.pass_id}  by {held.worker}, for {state.now - held.leased_at:.0f} s "
            f"(lease ends in {held.deadline - state.now:.0f} s)"
        )
    lines.append(f"workers alive: {len(alive)}")
    for worker in alive:
        own = stats.get(worker, {})
        lines.append(
            f"  {worker}: {own.get('cluster/passes_finished', 0)} passes finished, "
            f"{own.get('downloader/response_count', 0)} responses, "
            f"{own.get('held', 0)} in hand"
        )
    lines.append(f"written in the last minute: {state.written_last_minute}")
    if state.oldest_unwritten_at is None:
        lines.append("unwritten: none")
    else:
        since = datetime.fromtimestamp(state.oldest_unwritten_at, UTC)
        lines.append(
            f"unwritten: {state.unwritten}, the oldest finished {since:%Y-%m-%d %H:%M:%S} UTC "
            f"({state.now - state.oldest_unwritten_at:.0f} s ago)"
        )
    if state.unreadable:
        lines.append(f"set aside (unreadable by the writer): {state.unreadable}")
    return "\n".join(lines)
