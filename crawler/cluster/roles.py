"""The scale-out's three roles and its status, as the `liveblog` command runs them: `schedule`,
`worker`, `write` and `status --redis`. Each runs until SIGINT/SIGTERM, or once with `once`.

A Redis database serves one archive: the scheduler and the writer claim it for their archive's
id, and those of another archive refuse to start there (their passes would mix)."""

from __future__ import annotations

import contextlib
import json
import signal
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any, cast
from urllib.parse import urlsplit

import redis
import sqlite_utils

from archive.db import archive_id, open_archive
from archive.lock import archive_lock
from archive.watchlist import Policy
from archive.writer import PassWriter
from crawler.cluster import ClusterError, shown_url
from crawler.cluster.passes import PassQueue, QueueState
from crawler.cluster.schedule import offer_due, run_scheduler
from crawler.cluster.worker import DEFAULT_PREFIX, page_keys, run_worker, worker_name
from crawler.cluster.writer import AlertThread, drain_once, run_writer
from crawler.notify import Alerts

HEARTBEAT_WINDOW = 30.0  # a worker that has not beaten for this long is not counted alive


def connect(url: str, prefix: str = DEFAULT_PREFIX) -> PassQueue:
    """The pass queue at `url`, checked with a PING so a wrong URL fails at once, clearly."""
    shown = shown_url(url)
    _check_database(url, shown)
    try:
        queue = PassQueue(
            redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=30), prefix
        )
        queue.client.ping()
    except ValueError as exc:
        raise ClusterError(f"{shown!r} is not a Redis URL: give e.g. redis://HOST:6379/0") from exc
    except redis.RedisError as exc:
        raise ClusterError(f"cannot reach Redis at {shown}: {exc}") from exc
    return queue


def _check_database(url: str, shown: str) -> None:
    """redis-py takes a database that is not a number for 0: refused, as it is a mistake."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return  # from_url says it is no Redis URL
    name = parts.path.strip("/")
    if parts.scheme in ("redis", "rediss") and name and not name.isdigit():
        raise ClusterError(
            f"{shown!r} names the Redis database {name!r}: a Redis database is a number, "
            "e.g. redis://HOST:6379/1."
        )


@contextlib.contextmanager
def redis_errors(url: str) -> Iterator[None]:
    """Redis failing after the first PING, for the commands that run once: one sentence."""
    shown = shown_url(url)
    try:
        yield
    except redis.exceptions.ReadOnlyError as exc:
        raise ClusterError(
            f"Redis at {shown} is a read-only replica ({exc}): give --redis the primary's URL."
        ) from exc
    except redis.exceptions.NoPermissionError as exc:
        raise ClusterError(
            f"the Redis user of {shown} may not do what liveblog needs ({exc}): allow it every "
            "command on the keys liveblog:*, or give --redis another user."
        ) from exc
    except (redis.ConnectionError, redis.TimeoutError) as exc:
        raise ClusterError(
            f"lost Redis at {shown} ({exc}): run the command again once Redis is back; "
            "nothing is lost."
        ) from exc
    except redis.RedisError as exc:
        raise ClusterError(f"Redis at {shown} refused a command: {exc}") from exc


LIVE_CLAIM = 120.0  # seconds: a claim renewed this recently from another host is in use
BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def boot_id() -> str | None:
    """This running kernel's id (Linux; shared by its containers, new at each boot): on it, a
    device and an inode name one file, whatever the host's name."""
    try:
        return BOOT_ID.read_text().strip() or None
    except OSError:
        return None


def claimer(
    queue: PassQueue, db: sqlite_utils.Database, db_path: Path, url: str
) -> Callable[[], None]:
    """What the scheduler and the writer call before each look at Redis: this Redis database
    is claimed for their archive, or they stop with a sentence if another archive has it, or
    another file with their archive's id (a copy of it) that is still there, or another
    host's file that claimed it in the last LIVE_CLAIM seconds."""
    own = archive_id(db)
    path = db_path.resolve()
    found = path.stat()
    host = socket.gethostname()
    mine = {
        "id": own,
        "archive": f"{path} on {host}",
        "host": host,
        "path": str(path),
        "device": found.st_dev,
        "inode": found.st_ino,
        "boot": boot_id(),
    }

    def claim() -> None:
        while True:
            raw, held = queue.claim_held()
            if raw is not None:
                refused = _refusal(held, mine, queue, url, db_path)
                if refused is not None:
                    raise ClusterError(refused)
            if queue.swap_claim(raw, {**mine, "at": queue.now()}):
                return

    return claim


def _refusal(
    held: dict[str, Any], mine: dict[str, Any], queue: PassQueue, url: str, db_path: Path
) -> str | None:
    """Why this archive may not take the Redis database that `held` claims; None if it may.
    The same archive is the same id in the same file: moved (the same inode), restored from
    a backup (the same path), or moved away from a path where nothing is left; and the same
    device and inode on the same running kernel under another host name (a container made
    again on the same volume). A file with the same id elsewhere on this host is a copy,
    refused while the other file is there. Another host's file cannot be looked at from
    here: its claim stands while it was renewed in the last LIVE_CLAIM seconds, and is not
    called a copy, which it is only if that host's file is still in use."""
    if held.get("id") != mine["id"]:
        return (
            f"the Redis database {shown_url(url)} serves another archive ({held.get('archive')}):"
            f" give {db_path} a Redis database of its own, {_another_database(url)}, or, if that "
            f"archive is retired, delete the key {queue.key('archive')} there."
        )
    if "host" not in held:
        return None  # claimed by an older version, which kept no file
    same_file = (held.get("device"), held.get("inode")) == (mine["device"], mine["inode"])
    if mine["boot"] is not None and held.get("boot") == mine["boot"] and same_file:
        return None
    if held["host"] == mine["host"]:
        if held.get("path") == mine["path"] or same_file:
            return None
        if not Path(str(held.get("path"))).exists():
            return None
        return (
            f"{mine['path']} is a copy of the archive {held.get('archive')} (the same archive "
            f"id), which the Redis database {shown_url(url)} serves, so their blogs' passes "
            f"would mix: give the copy an id of its own with `liveblog new-id --db {db_path}` "
            f"and a Redis database of its own, {_another_database(url)}; or, if "
            f"{held.get('path')} is no longer used, move it away."
        )
    age = max(0.0, queue.now() - float(held.get("at") or 0))
    if age >= LIVE_CLAIM:
        return None
    return (
        f"another host ({held['host']}) held the Redis database {shown_url(url)} for this "
        f"archive ({held.get('archive')}) {age:.0f} s ago: if that host is gone (a container "
        f"made again, say), start this one once its claim lapses, in {LIVE_CLAIM - age:.0f} s "
        f"at most; only if {mine['path']} is a copy of that archive, still used there, give "
        f"it an id of its own with `liveblog new-id --db {db_path}` and a Redis database of "
        f"its own, {_another_database(url)}."
    )


def _another_database(url: str) -> str:
    """The same Redis with the next database number, as the message suggests it."""
    shown = shown_url(url)
    try:
        parts = urlsplit(shown)
    except ValueError:
        return "another database number"
    name = parts.path.strip("/")
    if parts.scheme not in ("redis", "rediss"):
        return "another database number"
    number = int(name) + 1 if name.isdigit() else 1
    return "e.g. " + parts._replace(path=f"/{number}").geturl()


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
    db = open_archive(db_path)
    try:
        claim = claimer(queue, db, db_path, url)
        if once:
            with redis_errors(url):
                claim()
                offered = offer_due(queue, db, policy, max_pages=max_pages)
            echo(f"offered {len(offered)} pass{'' if len(offered) == 1 else 'es'}")
            return
    finally:
        db.close()
    with redis_errors(url):
        claim()
    with redis_errors(url), until_signalled() as stop:
        run_scheduler(
            queue,
            lambda: open_archive(db_path),
            policy,
            max_pages=max_pages,
            stop=stop,
            echo=echo,
            claim=claim,
        )


def work(url: str, *, name: str | None, settings: dict[str, object]) -> None:
    """One worker in this process, until a signal (Scrapy's own clean stop), or until Redis
    refuses it for good (it became a read-only replica): one sentence, as at the start."""
    queue = connect(url)
    name = name or worker_name()
    with redis_errors(url):
        # What Scrapy's start does first (a write): a replica is told before Scrapy starts.
        queue.client.delete(*page_keys(DEFAULT_PREFIX, name))
        run_worker(url, worker=name, overrides=settings)


def write(
    url: str,
    db_path: Path,
    *,
    once: bool,
    echo: Callable[[str], None],
    alerts: Alerts | None = None,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
) -> None:
    """Drains finished passes into the archive: what is there now with `once`, else until a
    signal. It holds the archive's lock meanwhile, as a crawl does: one writer per archive.
    With `alerts`, each blog's notifiers are told what its passes changed."""
    queue = connect(url)
    with archive_lock(db_path, wait=wait, on_wait=on_wait):
        writer = PassWriter(db_path)
        told = AlertThread(alerts) if alerts is not None else None
        try:
            claim = claimer(queue, writer.db, db_path, url)
            with redis_errors(url):
                claim()
                if once:
                    _write_waiting(queue, writer, echo, told)
                    return
            with redis_errors(url), until_signalled() as stop:
                run_writer(queue, writer, stop=stop, echo=echo, written=told, claim=claim)
        finally:
            writer.close()
            if told is not None:
                told.close()


def _write_waiting(
    queue: PassQueue,
    writer: PassWriter,
    echo: Callable[[str], None],
    told: AlertThread | None,
) -> None:
    """`write --once`: every finished pass waiting now; a pass the archive refused fails the
    command (it stays in Redis for the next run), so cron notices."""
    while True:
        drained = drain_once(queue, writer, block_ms=None, echo=echo, written=told)
        if drained.failed:
            raise ClusterError(
                f"the archive {writer.db_path} refused a pass (see above): it waits in Redis for "
                "the next `liveblog write`."
            )
        if not drained.handled:
            return


def status(url: str) -> str:
    """The queue, the leases and their age, the workers alive and what they did, the writer's
    pace. It writes nothing, so it answers from a read-only replica too."""
    queue = connect(url)
    with redis_errors(url):
        state = queue.state()
        alive = queue.workers_alive(HEARTBEAT_WINDOW, forget=False)
        kept = cast(dict[bytes, bytes], queue.client.hgetall(queue.key("stats")))
        archive = queue.claimed_by()
    stats: dict[str, dict[str, object]] = {}
    for worker, raw in kept.items():
        with contextlib.suppress(ValueError):
            stats[worker.decode(errors="replace")] = json.loads(raw)
    return describe(state, alive, stats, archive)


def describe(
    state: QueueState,
    alive: list[str],
    stats: dict[str, dict[str, object]],
    archive: str | None = None,
) -> str:
    """`liveblog status` for people: one fact per line."""
    lines = [] if archive is None else [f"archive: {archive}"]
    lines += [
        f"queued: {state.queued} pass{'' if state.queued == 1 else 'es'} waiting",
        f"leased: {len(state.leased)}",
    ]
    for held in sorted(state.leased, key=lambda h: h.leased_at):
        left = round(held.deadline - state.now)
        ends = (
            f"lease ends in {left} s"
            if left >= 0
            else f"lease overdue by {-left} s: the next worker to look for a pass takes it back"
        )
        lines.append(
            f"  {held.pass_id}  by {held.worker}, for {state.now - held.leased_at:.0f} s ({ends})"
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
    if state.unreadable or state.unreadable_dropped:
        kept = f"set aside (unreadable by the writer): {state.unreadable}"
        if state.unreadable_dropped:
            kept += f", the newest kept; {state.unreadable_dropped} older ones dropped"
        lines.append(kept)
    return "\n".join(lines)
