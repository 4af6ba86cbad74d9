"""The scale-out's parts one at a time, on a real redis-server and a real archive: what travels
through Redis, the scheduler's pass ids, the writer's written-once rule and what it sets aside,
one archive per Redis database, the writer's lock, `liveblog status`, and the commands'
one-sentence errors (Redis lost, read-only or forbidding), with and without Redis installed."""

from __future__ import annotations

import json
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner, Result

from archive.db import archive_id, open_archive
from archive.lock import archive_lock
from archive.records import BlogPass, PageFetch, PageState, Update
from archive.snapshots import SnapshotRef, SnapshotStore
from archive.times import now_utc
from archive.watchlist import BlogSettings, Policy, add_blog
from archive.writer import PassWriter, seal_pages
from crawler.cli import EXIT_BUSY, cli
from crawler.cluster import ClusterError
from crawler.cluster.codec import CodecError, PassOrder, decode_pass, encode_pass
from crawler.cluster.passes import HeldLease, PassQueue, QueueState
from crawler.cluster.roles import LIVE_CLAIM, boot_id, connect, describe, schedule, write
from crawler.cluster.schedule import due_orders, in_hand, offer_due
from crawler.cluster.writer import AlertThread, Drained, drain_once
from crawler.notify import Alerts, AlertSettings
from crawler.sample import calais_blog
from tests.helpers import ROOT, URL, bpass, cp_over, env_with_root, free_port
from tests.redis_server import RedisProxy, RedisServer
from tests.webhook import Webhook


@pytest.fixture
def queue(redis_url: str) -> PassQueue:
    q = PassQueue.from_url(redis_url)
    q.client.flushdb()
    return q


def an_update(n: int, headline: str | None = None) -> Update:
    return Update(
        source_id=f"post-{n}",
        headline=headline or f"Headline {n}",
        body_text=f"Body of post {n}.",
        body_html=f"<p>Body of post {n}.</p>",
        published_at=f"2024-05-01T11:{n:02d}:00Z",
        media=[
            {"type": "image", "url": f"https://img.example/{n}.jpg", "caption": "c", "credit": None}
        ],
    )


def an_order(pass_id: str = f"{URL}#1") -> PassOrder:
    return PassOrder(
        pass_id=pass_id,
        url=URL,
        settings=BlogSettings(headers=[("Cookie", "consent=1")], max_pages=4),
        known=[PageState(URL, '"e0"', None, "ab" * 32, None, 2, None, None)],
        newest_block="block-9",
        policy=Policy(60, 600, 3600),
    )


def test_a_finished_pass_travels_whole() -> None:
    item = bpass([an_update(1), an_update(2)], pass_id=f"{URL}#1")
    item.pages[0].body = bytes(range(256)) * 10  # not UTF-8: bytes travel as they are
    item.pages[0].headers = [("Content-Type", "text/html"), ("ETag", '"e0"')]
    order = an_order()
    got_order, got = decode_pass(encode_pass(order, item))
    assert got_order == order
    assert got == item
    assert got.pages[0].body == bytes(range(256)) * 10


@pytest.mark.parametrize(
    "blob",
    [b"", b"not compressed", __import__("zlib").compress(b'{"format": 99}')],
)
def test_a_result_this_version_cannot_read_is_a_codec_error(blob: bytes) -> None:
    with pytest.raises(CodecError):
        decode_pass(blob)


def without_titles(blob: bytes) -> bytes:
    """A finished pass as a worker older than page titles sent it: no `title` on its pages."""
    (size,) = struct.unpack_from(">I", blob, 4)
    head = json.loads(zlib.decompress(blob[8 : 8 + size]))
    for page in head["pass"]["pages"]:
        del page["title"]
    packed = zlib.compress(json.dumps(head).encode("utf-8"), 1)
    return blob[:4] + struct.pack(">I", len(packed)) + packed + blob[8 + size :]


def redirected_to_another_story() -> BlogPass:
    """A first pass whose page 2, asked for at `?page=2`, landed on another live blog of the
    site, under that blog's title, as the worker's spider stopped there."""
    other = "https://news.example/live/football-transfers"
    item = bpass([an_update(3), an_update(2)], pages=2, title="Election night: live updates")
    item.pages[0].title, item.pages[0].next_url = item.title, f"{URL}?page=2"
    item.pages[1] = PageFetch(other, 200, 1000, updates=1, canonical_url=other)
    item.pages[1].title = "Transfer deadline day: live"
    item.updates.append(an_update(50, "Striker signs"))
    item.complete, item.incomplete_reason = False, "another story's page"
    return item


@pytest.mark.parametrize("titled", [True, False], ids=["titled", "older-worker"])
def test_a_workers_page_titles_travel_and_a_message_without_them_refuses_nothing(
    tmp_path: Path, titled: bool
) -> None:
    """Page titles travel to the writer, which refuses page 2 under another title; a worker
    older than titles sends none: the writer cannot tell, and refuses nothing."""
    blob = encode_pass(an_order(), redirected_to_another_story())
    _, item = decode_pass(blob if titled else without_titles(blob))
    assert [p.title for p in item.pages] == (
        ["Election night: live updates", "Transfer deadline day: live"] if titled else [None] * 2
    )
    writer = PassWriter(tmp_path / "archive.db", snapshots=False)
    try:
        result = writer.write(item)
    finally:
        writer.close()
    assert result.ok, result.error
    assert result.new == (2 if titled else 3)
    conn = sqlite3.connect(tmp_path / "archive.db")
    try:
        refused = conn.execute("SELECT refused FROM fetch_pages ORDER BY seq").fetchall()
    finally:
        conn.close()
    other = "https://news.example/live/football-transfers"
    assert refused == (
        [(None,), (f"{URL}?page=2 redirected to another story: {other}",)]
        if titled
        else [(None,), (None,)]
    )


def archive_with_blog(path: Path) -> None:
    db = open_archive(path)
    try:
        add_blog(db, URL, None, now_utc())
    finally:
        db.close()


def finish(queue: PassQueue, item_updates: list[Update], pass_id: str) -> None:
    order = an_order(pass_id)
    assert queue.offer(pass_id, order.to_json())
    lease = queue.lease("w1", 30)
    assert lease is not None and lease.pass_id == pass_id
    item = bpass(item_updates, pass_id=pass_id)
    assert queue.finish(lease, encode_pass(order, item))


def test_the_scheduler_offers_each_due_pass_once_and_again_after_redis_loses_it(
    queue: PassQueue, tmp_path: Path
) -> None:
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    db = open_archive(path)
    try:
        assert offer_due(queue, db, Policy()) == [f"{URL}#1"]
        assert offer_due(queue, db, Policy()) == [], "queued already"
        lease = queue.lease("w1", 30)
        assert lease is not None
        order = PassOrder.from_json(lease.payload)
        assert (order.url, order.policy) == (URL, Policy())
        assert queue.finish(lease, encode_pass(order, bpass([an_update(1)], pass_id=lease.pass_id)))
        assert offer_due(queue, db, Policy()) == [], "finished, waiting for the writer"
        queue.client.flushdb()  # Redis restarted empty before the writer wrote it
        assert offer_due(queue, db, Policy()) == [f"{URL}#1"], "rebuilt from the archive"
    finally:
        db.close()


def test_a_pass_written_while_the_scheduler_looks_is_not_offered_again(
    queue: PassQueue, tmp_path: Path
) -> None:
    """The writer commits a blog's pass between the scheduler's reading of the due blogs and
    its count of the blog's passes: the blog read as due, numbered past the pass just written,
    was offered a second pass for one round (tests/test_cluster.py's "a pass written twice")."""
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    finish(queue, [an_update(1)], f"{URL}#1")
    writer = PassWriter(path)
    db = open_archive(path)
    drained: list[Drained] = []

    def write_between(sql: str) -> None:
        if not drained and "count(*) FROM fetches" in sql:
            drained.append(drain_once(queue, writer, block_ms=None, echo=lambda _: None))

    try:
        db.conn.set_trace_callback(write_between)
        offered = offer_due(queue, db, Policy())
        db.conn.set_trace_callback(None)
        assert [d.written for d in drained] == [1], "the pass written during the look"
        assert offered == [], "the blog's pass is written: nothing due"
    finally:
        db.close()
        writer.close()


def test_a_pass_delivered_twice_is_written_once_and_reschedules_its_blog(
    queue: PassQueue, tmp_path: Path
) -> None:
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    finish(queue, [an_update(1), an_update(2)], f"{URL}#1")
    (entry,) = queue.client.xrange(queue.key("results"))
    writer = PassWriter(path)
    lines: list[str] = []
    try:
        done = drain_once(queue, writer, block_ms=None, echo=lines.append)
        assert (done.written, done.duplicates) == (1, 0)
        # The writer died after its commit, before its ack: the same result comes again.
        queue.client.xadd(queue.key("results"), entry[1])
        done = drain_once(queue, writer, block_ms=None, echo=lines.append)
        assert (done.written, done.duplicates) == (0, 1)
    finally:
        writer.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM fetches").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM update_versions").fetchone() == (2,)
        assert conn.execute("SELECT pass_id, worker FROM cluster_passes").fetchall() == [
            (f"{URL}#1", "w1")
        ]
        (due, interval) = conn.execute("SELECT next_due_at, poll_interval FROM blogs").fetchone()
    finally:
        conn.close()
    assert due is not None and interval == 60, "rescheduled by the order's policy, with the pass"
    assert queue.state().unwritten == 0
    assert queue.state().written_last_minute == 1
    assert any("already written" in line for line in lines)


def test_a_result_the_writer_cannot_read_is_set_aside_not_lost(
    queue: PassQueue, tmp_path: Path
) -> None:
    path = tmp_path / "archive.db"
    queue.client.xadd(
        queue.key("results"),
        {"pass_id": "x#1", "worker": "w9", "finished_at": "1", "result": b"garbage"},
    )
    finish(queue, [an_update(1)], f"{URL}#1")
    writer = PassWriter(path)
    try:
        done = drain_once(queue, writer, block_ms=None, echo=lambda _: None)
    finally:
        writer.close()
    assert (done.written, done.unreadable) == (1, 1)
    state = queue.state()
    assert (state.unwritten, state.unreadable) == (0, 1)
    assert queue.client.lrange(queue.key("unreadable"), 0, -1) == [b"garbage"]


def test_results_set_aside_are_bounded_newest_kept_and_the_dropped_counted(
    redis_url: str, tmp_path: Path
) -> None:
    """A broken worker sends an unreadable result per pass: the list of them grew without end
    and filled Redis's memory. The newest few are kept; status counts the ones dropped."""
    queue = PassQueue.from_url(redis_url)
    queue.client.flushdb()
    bounded = PassQueue(queue.client, unreadable_kept=3)
    for n in range(5):
        bounded.client.xadd(
            queue.key("results"),
            {"pass_id": f"x#{n}", "worker": "w9", "finished_at": "1", "result": f"bad {n}"},
        )
    writer = PassWriter(tmp_path / "archive.db")
    try:
        done = drain_once(bounded, writer, block_ms=None, echo=lambda _: None)
    finally:
        writer.close()
    assert done.unreadable == 5
    assert queue.client.lrange(queue.key("unreadable"), 0, -1) == [b"bad 2", b"bad 3", b"bad 4"]
    state = queue.state()
    assert (state.unwritten, state.unreadable, state.unreadable_dropped) == (0, 3, 2)
    text = describe(state, [], {})
    assert "set aside (unreadable by the writer): 3, the newest kept; 2 older ones dropped" in text


def test_status_says_what_the_cluster_is_doing(queue: PassQueue) -> None:
    queue.offer("a#1", an_order("a#1").to_json())
    queue.offer("b#1", an_order("b#1").to_json())
    queue.lease("host:1", 30)
    queue.beat("host:1")
    queue.client.hset(queue.key("stats"), "host:1", '{"cluster/passes_finished": 3, "held": 1}')
    text = describe(
        queue.state(), queue.workers_alive(), {"host:1": {"cluster/passes_finished": 3, "held": 1}}
    )
    assert "queued: 1 pass waiting" in text
    assert "leased: 1" in text and "a#1  by host:1" in text
    assert "workers alive: 1" in text and "host:1: 3 passes finished" in text
    assert "unwritten: none" in text


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crawler", *args],
        env=env or env_with_root(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_status_prints_the_state_of_a_live_redis(redis_url: str, queue: PassQueue) -> None:
    queue.offer("a#1", an_order("a#1").to_json())
    done = run("status", "--redis", redis_url)
    assert done.returncode == 0, done.stderr
    assert "queued: 1 pass waiting" in done.stdout
    assert "workers alive: 0" in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "--redis", "redis://127.0.0.1:{closed}/0"], "cannot reach Redis at"),
        (["status", "--redis", "http://example.org/"], "is not a Redis URL"),
        (["worker", "--redis", "redis://127.0.0.1:{closed}/0"], "cannot reach Redis at"),
        (
            ["write", "--redis", "redis://127.0.0.1:{closed}/0", "--once", "--db", "{db}"],
            "cannot reach Redis at",
        ),
        (
            ["status", "--redis", "redis://lb:s3cretpw@127.0.0.1:{closed}/0"],
            "cannot reach Redis at redis://lb:***@127.0.0.1:",
        ),
        (["status"], "--redis"),
    ],
)
def test_the_commands_fail_in_one_sentence(args: list[str], message: str, tmp_path: Path) -> None:
    closed = free_port()
    db = tmp_path / "archive.db"
    archive_with_blog(db)
    env = {k: v for k, v in env_with_root().items() if k != "LIVEBLOG_REDIS"}
    done = run(*[a.format(closed=closed, db=db) for a in args], env=env)
    assert done.returncode != 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert "s3cretpw" not in done.stderr


@pytest.mark.slow
def test_crawl_runs_and_the_scale_out_says_what_to_install_without_redis(
    tmp_path: Path,
) -> None:
    """Redis's client and scrapy-redis made uninstallable: crawl works, the roles explain."""
    shadow = tmp_path / "shadow"
    for name in ("redis", "scrapy_redis"):
        (shadow / name).mkdir(parents=True)
        (shadow / name / "__init__.py").write_text(
            f'raise ModuleNotFoundError("No module named {name!r}", name={name!r})\n'
        )
    env = env_with_root()
    env["PYTHONPATH"] = f"{shadow}:{env.get('PYTHONPATH', '')}"
    with calais_blog() as blog:
        db = tmp_path / "archive.db"
        crawled = run(
            "crawl", blog.url, "--db", str(db), "-s", "AUTOTHROTTLE_START_DELAY=0", env=env
        )
    assert crawled.returncode == 0, crawled.stderr
    assert "ok  " in crawled.stdout
    worker = run("worker", "--redis", "redis://127.0.0.1:6379/0", env=env)
    assert worker.returncode == 1
    assert "pip install 'liveblog-archive[cluster]'" in worker.stderr
    assert "Traceback" not in worker.stderr


def test_the_writer_tells_the_notifiers_off_its_path_and_a_dead_one_stops_nothing(
    queue: PassQueue, tmp_path: Path, webhook: Webhook
) -> None:
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    warnings: list[str] = []
    dead = f"json://127.0.0.1:{free_port()}/hook"
    alerts = Alerts(path, AlertSettings([dead, webhook.url], every=0), warn=warnings.append)
    told = AlertThread(alerts)
    writer = PassWriter(path)
    try:
        finish(queue, [an_update(1), an_update(2)], f"{URL}#1")
        done = drain_once(queue, writer, block_ms=None, echo=lambda _: None, written=told)
        assert done.written == 1
        finish(queue, [an_update(1, "Headline 1, corrected"), an_update(2)], f"{URL}#2")
        done = drain_once(queue, writer, block_ms=None, echo=lambda _: None, written=told)
        assert done.written == 1
        messages = webhook.wait(2)
    finally:
        told.close()
        writer.close()
    assert [m["title"] for m in messages] == [f"{URL}: 2 new", f"{URL}: 1 edited"]
    assert "edited: Headline 1, corrected" in messages[1]["message"]
    assert len(warnings) == 2 and all("127.0.0.1" in w and "not sent" in w for w in warnings)


def test_a_workers_warc_records_are_what_the_writer_appends(
    queue: PassQueue, tmp_path: Path
) -> None:
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    item = bpass([an_update(1)], pass_id=f"{URL}#1")
    page = item.pages[0]
    page.body = b"<html><body>" + bytes(range(128, 256)) + b"</body></html>"
    page.headers = [("Content-Type", "text/html; charset=windows-1252")]
    page.fetched_at = "2024-05-01T12:00:05Z"
    seal_pages(item)
    assert page.body is None and page.warc is not None and len(page.warc) == 3
    order = an_order()
    assert queue.offer(order.pass_id, order.to_json())
    lease = queue.lease("w1", 30)
    assert lease is not None
    assert queue.finish(lease, encode_pass(order, item))
    writer = PassWriter(path)
    try:
        assert drain_once(queue, writer, block_ms=None, echo=lambda _: None).written == 1
    finally:
        writer.close()
    conn = sqlite3.connect(path)
    try:
        (ref,) = conn.execute("SELECT snapshot FROM fetch_pages").fetchone()
    finally:
        conn.close()
    with SnapshotStore(path) as store:
        kept = store.read(SnapshotRef.parse(ref))
    assert kept.body == b"<html><body>" + bytes(range(128, 256)) + b"</body></html>"
    assert kept.url == URL and kept.status == 200


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[:-1],
        lambda blob: blob + b"x",
        lambda blob: blob[:10],
        lambda blob: blob.replace(b"LBP2", b"LBP1", 1),
    ],
)
def test_a_damaged_finished_pass_is_a_codec_error(damage: Any) -> None:
    item = bpass([an_update(1)], pass_id=f"{URL}#1")
    item.pages[0].body = b"<html></html>"
    blob = encode_pass(an_order(), item)
    assert decode_pass(blob)[1] == item
    with pytest.raises(CodecError):
        decode_pass(damage(blob))


def test_an_order_carries_the_title_the_archive_holds_and_one_without_it_reads_as_none(
    tmp_path: Path,
) -> None:
    """A worker's spider reads on past an older page a cache still serves under the blog's
    title before it was retitled: the order says that title. An order from a scheduler
    older than titles says none, and the worker judges by the first page's alone."""
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    db = open_archive(path)
    try:
        with db.conn:
            db.execute("UPDATE blogs SET title = 'Storm Ciarán live'")
        [order] = due_orders(db, Policy())
    finally:
        db.close()
    assert order.title == "Storm Ciarán live"
    assert PassOrder.from_json(order.to_json()) == order
    older = json.loads(order.to_json())
    del older["title"]
    assert PassOrder.from_json(json.dumps(older)).title is None


def test_passes_in_hand_cost_the_scheduler_no_order(queue: PassQueue, tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    db = open_archive(path)
    try:
        assert queue.in_hand([f"{URL}#1"]) == set()
        assert offer_due(queue, db, Policy()) == [f"{URL}#1"]
        assert queue.in_hand([f"{URL}#1", f"{URL}#2"]) == {f"{URL}#1"}
        assert due_orders(db, Policy(), skip=queue.in_hand) == []
        assert [o.pass_id for o in due_orders(db, Policy())] == [f"{URL}#1"]
    finally:
        db.close()


def write_waiting(queue: PassQueue, path: Path) -> None:
    writer = PassWriter(path)
    try:
        drain_once(queue, writer, block_ms=None, echo=lambda _: None)
    finally:
        writer.close()


def lease_and_finish(queue: PassQueue) -> str:
    lease = queue.lease("w1", 30)
    assert lease is not None
    order = PassOrder.from_json(lease.payload)
    assert queue.finish(lease, encode_pass(order, bpass([an_update(1)], pass_id=lease.pass_id)))
    return lease.pass_id


def backed_up(folder: Path) -> tuple[Path, Path]:
    """An archive watching one blog, and a backup of it made now."""
    path, backup = folder / "archive.db", folder / "backup.db"
    archive_with_blog(path)
    shutil.copy(path, backup)
    return path, backup


def fetch_count(path: Path) -> int:
    """How many passes the archive at `path` holds."""
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM fetches").fetchone()[0])
    finally:
        conn.close()


def due_again(path: Path) -> None:
    """The test is the clock: the blog is due now (its old sample posts had ended it)."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE blogs SET next_due_at = NULL, status = 'live'")
    finally:
        conn.close()


def test_a_backup_restored_with_redis_kept_has_its_blogs_offered_again(
    queue: PassQueue, redis_url: str, tmp_path: Path
) -> None:
    """Pass ids count the archive's passes, and the writer's done markers last a week: a
    backup restored to the archive's path, which never wrote the passes marked done, was
    offered nothing ("offered 0 passes") until they expired. A pass marked written that the
    restored file lacks is offered again."""
    path, backup = backed_up(tmp_path)
    db = open_archive(path)
    try:
        assert offer_due(queue, db, Policy()) == [f"{URL}#1"]
    finally:
        db.close()
    lease_and_finish(queue)
    write_waiting(queue, path)
    assert queue.written([f"{URL}#1"]) == {f"{URL}#1"}
    path.unlink()
    shutil.copy(backup, path)  # the backup, made before the pass, restored to its path
    done = liveblog_in_process("schedule", "--once", "--db", str(path), "--redis", redis_url)
    assert done.exit_code == 0, done.output
    assert "offered 1 pass" in done.output
    assert lease_and_finish(queue) == f"{URL}#1"
    write_waiting(queue, path)
    assert fetch_count(path) == 1


def test_a_pass_finished_before_a_restore_and_written_into_it_leaves_its_blog_offered(
    queue: PassQueue, redis_url: str, tmp_path: Path
) -> None:
    """A pass finished for the newer file, waiting in Redis while a backup is restored, is
    written into the backup under its newer number: the backup's count then reached that
    number, which it holds, and the blog's next pass was taken for written and never offered."""
    path, backup = backed_up(tmp_path)
    db = open_archive(path)
    try:
        assert offer_due(queue, db, Policy()) == [f"{URL}#1"]
        lease_and_finish(queue)
        write_waiting(queue, path)
        due_again(path)
        assert offer_due(queue, db, Policy()) == [f"{URL}#2"]
        lease_and_finish(queue)  # finished; the writer is stopped for the restore
    finally:
        db.close()
    path.unlink()
    shutil.copy(backup, path)
    write_waiting(queue, path)  # #2 written into the backup, its first pass
    due_again(path)
    offered = []
    for _ in range(2):
        done = liveblog_in_process("schedule", "--once", "--db", str(path), "--redis", redis_url)
        assert done.exit_code == 0, done.output
        offered.append(done.output.strip())
        lease_and_finish(queue)
        write_waiting(queue, path)
        due_again(path)
    assert offered == ["offered 1 pass", "offered 1 pass"]
    assert fetch_count(path) == 3


def fetches_in(path: Path) -> list[str]:
    """The pass ids the archive at `path` holds."""
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT pass_id FROM cluster_passes")]
    finally:
        conn.close()


def restore(backup: Path, path: Path) -> None:
    """A backup moved to the archive's path, without the -wal and -shm of the file it
    replaces (SQLite would read their pages into it)."""
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    backup.rename(path)


def test_a_writer_whose_archive_is_replaced_stops_and_leaves_the_next_pass_in_redis(
    queue: PassQueue, redis_url: str, tmp_path: Path
) -> None:
    """A backup moved over the archive while the writer ran: it went on writing into the
    deleted file and acknowledged the passes, which the file at the path never got and
    the scheduler then never offered again. It stops in one sentence, writing nothing more."""
    path, backup = backed_up(tmp_path)
    finish(queue, [an_update(1)], f"{URL}#1")

    def echo(line: str) -> None:
        if line.startswith(f"written {URL}#1 "):
            restore(backup, path)
            finish(queue, [an_update(2)], f"{URL}#2")

    with pytest.raises(ClusterError) as stopped:
        write(redis_url, path, once=False, echo=echo)
    assert str(stopped.value) == (
        f"the archive at {path} was replaced while the writer ran (a backup restored over it, "
        "or the file moved away): restart it, and it writes the passes waiting in Redis into "
        "the file there now."
    )
    assert fetches_in(path) == []
    assert queue.state().unwritten == 1
    assert queue.written([f"{URL}#2"]) == set()
    done = liveblog_in_process("write", "--once", "--db", str(path), "--redis", redis_url)
    assert done.exit_code == 0, done.output
    assert fetches_in(path) == [f"{URL}#2"]


@pytest.mark.slow
def test_a_writer_whose_archive_is_overwritten_by_cp_stops_and_leaves_the_next_pass_in_redis(
    queue: PassQueue, redis_url: str, tmp_path: Path
) -> None:
    """`cp backup.db archive.db` over the file a running writer has open keeps its inode, so
    the writer went on writing passes into the backup, read through the old file's -wal: a
    mix of the two. It stops in one sentence before writing the next pass, which waits."""
    path, backup = backed_up(tmp_path)
    finish(queue, [an_update(1)], f"{URL}#1")
    write_waiting(queue, path)  # #1 is in the file itself, and the backup lacks it
    finish(queue, [an_update(2)], f"{URL}#2")
    writer = subprocess.Popen(
        [sys.executable, "-m", "crawler", "write", "--db", str(path), "--redis", redis_url],
        env={**env_with_root(), "PYTHONUNBUFFERED": "1"},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().startswith(f"written {URL}#2 ")
        cp_over(backup, path)
        finish(queue, [an_update(3)], f"{URL}#3")
        out, err = writer.communicate(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait(timeout=10)
    assert writer.returncode == 1, (out, err)
    assert "Traceback" not in err, err
    assert err.strip().splitlines()[-1] == (
        f"Error: the archive at {path} was overwritten while the writer ran (a backup copied "
        "over it): stop every liveblog run on it, delete its -wal and -shm files, copy the "
        "backup over it again, and restart the writer, which then writes the passes waiting "
        "in Redis into it."
    )
    assert queue.written([f"{URL}#3"]) == set()
    assert queue.state().unwritten == 1


def test_a_pass_written_as_the_archive_is_replaced_is_not_acknowledged(
    queue: PassQueue, tmp_path: Path
) -> None:
    """The backup lands while the writer writes a pass: the pass went into the old file, so
    it is not marked written, and the next writer writes it into the file there now."""
    path, backup = backed_up(tmp_path)
    finish(queue, [an_update(1)], f"{URL}#1")

    class RestoredMidWrite(PassWriter):
        def write(self, item: Any, **kw: Any) -> Any:
            result = super().write(item, **kw)
            restore(backup, self.db_path)
            return result

    writer = RestoredMidWrite(path)
    try:
        with pytest.raises(ClusterError, match=f"the archive at {path} was replaced"):
            drain_once(queue, writer, block_ms=None, echo=lambda _: None)
    finally:
        writer.close()
    assert fetches_in(path) == []
    assert queue.written([f"{URL}#1"]) == set()
    assert queue.state().unwritten == 1
    write_waiting(queue, path)
    assert fetches_in(path) == [f"{URL}#1"]
    assert queue.written([f"{URL}#1"]) == {f"{URL}#1"}


def test_a_pass_written_while_the_scheduler_counts_is_not_offered_again(
    queue: PassQueue, tmp_path: Path
) -> None:
    """The scheduler counts a blog's passes, then asks Redis which passes are in hand: one
    the writer wrote in between is marked written, and found in the archive read after the
    marker, so it is not taken for a restored archive's and offered twice."""
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    db = open_archive(path)
    try:
        assert offer_due(queue, db, Policy()) == [f"{URL}#1"]
        ids = [o.pass_id for o in due_orders(db, Policy())]  # counted: #1 is due
        assert ids == [f"{URL}#1"]
        lease_and_finish(queue)
        assert in_hand(queue, db)(ids) == {f"{URL}#1"}, "finished, waiting for the writer"
        write_waiting(queue, path)  # commits, then marks it written
        assert in_hand(queue, db)(ids) == {f"{URL}#1"}
        assert queue.written(ids) == {f"{URL}#1"}
    finally:
        db.close()


def liveblog_in_process(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def one_sentence(result: Result, expected: str, code: int = 1) -> None:
    """The command failed with `code` and one line that says `expected`, no traceback."""
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr


def test_a_result_set_aside_leaves_its_blog_due_for_another_pass(
    queue: PassQueue, tmp_path: Path
) -> None:
    """A worker of another version hands back what this writer cannot read: the pass is set
    aside for people, and the blog's pass is offered again rather than never."""
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    db = open_archive(path)
    try:
        assert offer_due(queue, db, Policy()) == [f"{URL}#1"]
        lease = queue.lease("other-version", 30)
        assert lease is not None
        assert queue.finish(lease, b"LBP3 a newer format")
        writer = PassWriter(path)
        try:
            done = drain_once(queue, writer, block_ms=None, echo=lambda _: None)
        finally:
            writer.close()
        assert done.unreadable == 1
        assert queue.state().unreadable == 1
        assert offer_due(queue, db, Policy()) == [f"{URL}#1"], "the blog is due again"
    finally:
        db.close()


def test_two_archives_cannot_share_one_redis_database(
    queue: PassQueue, redis_url: str, tmp_path: Path
) -> None:
    """The README splits the watchlist over archives, one writer each: on one Redis database
    each writer drained the other's passes into its own archive. The second archive's
    scheduler and writer refuse, naming the first and another database to use."""
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    archive_with_blog(first)
    archive_with_blog(second)
    done = liveblog_in_process("schedule", "--once", "--db", str(first), "--redis", redis_url)
    assert done.exit_code == 0, done.output
    assert "offered 1 pass" in done.output
    for command in ("schedule", "write"):
        refused = liveblog_in_process(command, "--once", "--db", str(second), "--redis", redis_url)
        one_sentence(refused, f"serves another archive ({first.resolve()} on ")
        assert redis_url.replace("/0", "/1") in refused.stderr
    assert queue.state().queued == 1, "the second archive offered nothing"
    status = liveblog_in_process("status", "--redis", redis_url)
    assert f"archive: {first.resolve()} on " in status.output
    moved = tmp_path / "moved.db"
    first.rename(moved)  # the archive's id travels with its file
    done = liveblog_in_process("schedule", "--once", "--db", str(moved), "--redis", redis_url)
    assert done.exit_code == 0, done.output


def test_a_copy_of_an_archive_cannot_share_its_redis_database(
    queue: PassQueue, redis_url: str, tmp_path: Path
) -> None:
    """A copied archive keeps the original's id: its scheduler and writer were taken for the
    original's, and one blog's passes could land in either file. The copy is refused while
    the original is there, in one sentence naming both; `liveblog new-id` makes it an
    archive of its own, which then takes a Redis database of its own."""
    first, copy = tmp_path / "first.db", tmp_path / "copy.db"
    archive_with_blog(first)
    done = liveblog_in_process("schedule", "--once", "--db", str(first), "--redis", redis_url)
    assert done.exit_code == 0, done.output
    shutil.copy(first, copy)
    for command in ("schedule", "write"):
        refused = liveblog_in_process(command, "--once", "--db", str(copy), "--redis", redis_url)
        one_sentence(refused, f"{copy.resolve()} is a copy of the archive {first.resolve()} on ")
        assert f"liveblog new-id --db {copy}" in refused.stderr
        assert f"if {first.resolve()} is no longer used, move it away" in refused.stderr
    assert queue.state().queued == 1, "the copy offered nothing"
    renewed = liveblog_in_process("new-id", "--db", str(copy))
    assert renewed.exit_code == 0, renewed.output
    refused = liveblog_in_process("write", "--once", "--db", str(copy), "--redis", redis_url)
    one_sentence(refused, f"serves another archive ({first.resolve()} on ")
    other = redis_url.replace("/0", "/1")
    done = liveblog_in_process("write", "--once", "--db", str(copy), "--redis", other)
    assert done.exit_code == 0, done.output
    PassQueue.from_url(other).client.flushdb()


def test_new_id_refuses_a_database_that_is_not_an_archive(tmp_path: Path) -> None:
    """`liveblog new-id` on an unrelated SQLite file migrated it into an archive and said it
    was one now; the file is left as it was, in one sentence."""
    other = tmp_path / "notes.db"
    conn = sqlite3.connect(other)
    try:
        conn.execute("CREATE TABLE notes (text)")
        conn.execute("INSERT INTO notes VALUES ('mine')")
        conn.commit()
    finally:
        conn.close()
    before = other.read_bytes()
    refused = liveblog_in_process("new-id", "--db", str(other))
    one_sentence(refused, f"{other} is a SQLite database but not a liveblog archive")
    assert other.read_bytes() == before
    assert not Path(f"{other}-wal").exists()


def test_an_archive_restored_or_moved_keeps_its_redis_database(
    queue: PassQueue, redis_url: str, tmp_path: Path
) -> None:
    """A backup restored to the archive's path is a new file there, and an archive copied
    to another disk and deleted where it was is a new file elsewhere: both are the archive."""
    path, backup, moved = tmp_path / "archive.db", tmp_path / "backup.db", tmp_path / "moved.db"
    archive_with_blog(path)
    shutil.copy(path, backup)
    done = liveblog_in_process("schedule", "--once", "--db", str(path), "--redis", redis_url)
    assert done.exit_code == 0, done.output
    path.unlink()
    shutil.copy(backup, path)
    for command in ("write", "schedule"):
        done = liveblog_in_process(command, "--once", "--db", str(path), "--redis", redis_url)
        assert done.exit_code == 0, done.output
    shutil.copy(path, moved)
    path.unlink()
    done = liveblog_in_process("schedule", "--once", "--db", str(moved), "--redis", redis_url)
    assert done.exit_code == 0, done.output
    status = liveblog_in_process("status", "--redis", redis_url)
    assert f"archive: {moved.resolve()} on " in status.output


def claim_from(queue: PassQueue, archive: Path, /, **theirs: Any) -> None:
    """The claim on the database as another host's scheduler or writer made it 5 s ago, for
    the archive at `archive` unless `theirs` says otherwise."""
    db = open_archive(archive)
    try:
        own = archive_id(db)
    finally:
        db.close()
    found = archive.resolve().stat()
    held = {
        "id": own,
        "archive": f"{archive.resolve()} on container-1111",
        "host": "container-1111",
        "path": str(archive.resolve()),
        "device": found.st_dev,
        "inode": found.st_ino,
        "boot": boot_id(),
        "at": queue.now() - 5,
        **theirs,
    }
    queue.client.set(queue.key("archive"), json.dumps(held))


def test_an_archive_in_a_container_made_again_keeps_its_redis_database(
    queue: PassQueue, redis_url: str, tmp_path: Path
) -> None:
    """A container made again on the same volume has a new host name: its archive, the same
    file on the same running machine, was called a copy of itself, and the scheduler and the
    writer refused to start for 2 minutes, advising `liveblog new-id`, which would have cut it
    off from its Redis database."""
    assert boot_id() is not None, "Linux tells its boot"
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    claim_from(queue, path)
    for command in ("schedule", "write"):
        done = liveblog_in_process(command, "--once", "--db", str(path), "--redis", redis_url)
        assert done.exit_code == 0, done.output
    status = liveblog_in_process("status", "--redis", redis_url)
    assert f"archive: {path.resolve()} on container-1111" not in status.output
    assert f"archive: {path.resolve()} on " in status.output


def test_another_hosts_claim_stands_while_it_is_renewed_and_is_not_called_a_copy(
    queue: PassQueue, redis_url: str, tmp_path: Path
) -> None:
    """Another machine's file cannot be looked at from here (the same path, device and inode
    on another kernel may be another file): its claim stands while it is renewed, and the
    sentence says to wait for it if that host is gone, and to give a new id only to a copy."""
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    elsewhere = {"host": "elsewhere", "archive": "/srv/archive.db on elsewhere"}
    for theirs in (
        {**elsewhere, "path": "/srv/archive.db", "device": 1, "inode": 2},
        {**elsewhere, "boot": "another machine"},  # the same path, device and inode
    ):
        claim_from(queue, path, **theirs)
        refused = liveblog_in_process("schedule", "--once", "--db", str(path), "--redis", redis_url)
        one_sentence(
            refused,
            f"another host (elsewhere) held the Redis database {redis_url} for this archive "
            "(/srv/archive.db on elsewhere) 5 s ago: if that host is gone (a container made "
            "again, say), start this one once its claim lapses, in 115 s at most; only if "
            f"{path.resolve()} is a copy of that archive, still used there, give it an id of its "
            f"own with `liveblog new-id --db {path}`",
        )
        assert "is a copy of the archive" not in refused.stderr
    claim_from(queue, path, **elsewhere, at=queue.now() - LIVE_CLAIM - 1)
    done = liveblog_in_process("schedule", "--once", "--db", str(path), "--redis", redis_url)
    assert done.exit_code == 0, done.output


def test_write_refuses_an_archive_that_is_not_there(redis_url: str, tmp_path: Path) -> None:
    """A mistyped --db made a new archive, wrote the passes there and acknowledged them."""
    missing = tmp_path / "typo" / "archive.db"
    done = liveblog_in_process("write", "--once", "--db", str(missing), "--redis", redis_url)
    one_sentence(done, f"there is no archive at {missing}")
    assert not (tmp_path / "typo").exists()


def test_write_once_fails_when_the_archive_refuses_a_pass(
    queue: PassQueue, redis_url: str, tmp_path: Path
) -> None:
    """The archive cannot keep the pass's snapshots (a file where their folder goes): the pass
    stays in Redis, and `write --once` fails so that cron notices."""
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    order = an_order()
    item = bpass([an_update(1)], pass_id=order.pass_id)
    item.pages[0].body = b"<html><body>a page</body></html>"
    assert queue.offer(order.pass_id, order.to_json())
    lease = queue.lease("w1", 30)
    assert lease is not None and queue.finish(lease, encode_pass(order, item))
    Path(f"{path}.warc").write_text("not a folder")
    done = liveblog_in_process("write", "--once", "--db", str(path), "--redis", redis_url)
    assert f"not written, kept in Redis: {order.pass_id}" in done.stdout
    one_sentence(done, f"the archive {path} refused a pass")
    assert queue.state().unwritten == 1


def test_write_holds_the_archives_lock(queue: PassQueue, redis_url: str, tmp_path: Path) -> None:
    """One writer per archive: a second writer, or a crawl, meets the lock crawl and watch take."""
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    with archive_lock(path):
        busy = liveblog_in_process(
            "write", "--once", "--no-wait", "--db", str(path), "--redis", redis_url
        )
    one_sentence(busy, f"is writing to {path}; try again when it has finished", EXIT_BUSY)
    done = liveblog_in_process("write", "--once", "--db", str(path), "--redis", redis_url)
    assert done.exit_code == 0, done.output


@pytest.fixture(scope="module")
def replica(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A read-only replica of the module's redis-server."""
    server = RedisServer(tmp_path_factory.mktemp("replica"))
    server.argv += ["--replicaof", "127.0.0.1", str(urlsplit(redis_url).port)]
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def forbidden(queue: PassQueue, redis_url: str) -> Iterator[str]:
    """A Redis user allowed PING only, with a password."""
    queue.client.execute_command("ACL", "SETUSER", "peeker", "on", ">s3cretpw", "~*", "+ping")
    try:
        yield redis_url.replace("redis://", "redis://peeker:s3cretpw@")
    finally:
        queue.client.execute_command("ACL", "DELUSER", "peeker")


ONCE = [["status"], ["schedule", "--once"], ["write", "--once"]]


@pytest.mark.parametrize("command", ONCE, ids=lambda c: c[0])
def test_redis_lost_after_its_check_is_one_sentence(
    command: list[str], queue: PassQueue, redis_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    proxy = RedisProxy(urlsplit(redis_url).port or 0, cut_after_ping=True)
    proxy.start()
    try:
        args = command if command == ["status"] else [*command, "--db", str(path)]
        done = liveblog_in_process(*args, "--redis", proxy.url)
    finally:
        proxy.stop()
    one_sentence(done, f"lost Redis at {proxy.url} (")


@pytest.mark.parametrize("command", ONCE[1:], ids=lambda c: c[0])
def test_a_read_only_replica_is_one_sentence(
    command: list[str], queue: PassQueue, replica: str, tmp_path: Path
) -> None:
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    done = liveblog_in_process(*command, "--db", str(path), "--redis", replica)
    one_sentence(done, f"Redis at {replica} is a read-only replica")


def test_status_answers_from_a_read_only_replica(replica: str) -> None:
    """Status only reads: it forgot old heartbeats, and a replica refused that."""
    done = liveblog_in_process("status", "--redis", replica)
    assert done.exit_code == 0, done.output
    assert "workers alive: 0" in done.stdout


@pytest.mark.parametrize("command", ONCE, ids=lambda c: c[0])
def test_a_user_without_permissions_is_one_sentence_that_hides_the_password(
    command: list[str], forbidden: str, tmp_path: Path
) -> None:
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    args = command if command == ["status"] else [*command, "--db", str(path)]
    done = liveblog_in_process(*args, "--redis", forbidden)
    one_sentence(done, "the Redis user of redis://peeker:***@127.0.0.1:")
    assert "may not do what liveblog needs" in done.stderr
    assert "s3cretpw" not in done.output


def test_status_says_a_lease_is_overdue_not_that_it_ends_in_minus_seconds() -> None:
    held = HeldLease("a#1", "host:1", leased_at=900.0, deadline=997.0)
    text = describe(QueueState(1000.0, 0, [held], 0, None), [], {})
    assert "lease overdue by 3 s" in text
    assert "ends in -" not in text


def test_a_redis_database_that_is_not_a_number_is_refused(redis_url: str) -> None:
    """redis-py read redis://HOST/abc as database 0."""
    with pytest.raises(ClusterError, match="names the Redis database 'abc'"):
        connect(redis_url.rsplit("/", 1)[0] + "/abc")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("LIVEBLOG_WORKER_PASSES=abc", "LIVEBLOG_WORKER_PASSES is a whole number, 1 or more"),
        ("LIVEBLOG_HOST_CONCURRENCY=x", "LIVEBLOG_HOST_CONCURRENCY is a whole number, 1 or"),
        ("LIVEBLOG_LEASE_TIMEOUT=0", "LIVEBLOG_LEASE_TIMEOUT is a number of seconds above 0"),
        # (a lease that never ran out: a dead worker's pass was never taken over)
        ("LIVEBLOG_LEASE_TIMEOUT=1e12", "LIVEBLOG_LEASE_TIMEOUT is a number of seconds above 0"),
    ],
)
def test_a_worker_setting_it_cannot_use_is_one_sentence(
    setting: str, message: str, redis_url: str
) -> None:
    """A word for a number stopped the worker with a traceback, or hung it, with status 0."""
    done = subprocess.run(
        [sys.executable, "-m", "crawler", "worker", "--redis", redis_url, "-s", setting],
        env=env_with_root(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert message in done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of the test's own, for a test that turns it into a replica."""
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def turn_read_only(url: str) -> None:
    """The Redis becomes a replica of a primary that is not there (a failover gone elsewhere):
    it still answers reads, and refuses every write with READONLY."""
    client = PassQueue.from_url(url).client
    try:
        client.replicaof("127.0.0.1", free_port())
    finally:
        client.close()


def no_waiting(line: str) -> None:
    assert "Redis unavailable" not in line, f"waited on a Redis that will not take writes: {line}"


def test_a_running_scheduler_stops_in_one_sentence_when_redis_turns_read_only(
    own_redis: RedisServer, tmp_path: Path
) -> None:
    """The scheduler, started on a primary that then became a replica, said "Redis
    unavailable: waiting for it" and waited for ever."""
    path = tmp_path / "archive.db"
    archive_with_blog(path)

    def echo(line: str) -> None:
        no_waiting(line)
        if line.startswith("offered "):
            turn_read_only(own_redis.url)

    with pytest.raises(ClusterError, match=f"Redis at {own_redis.url} is a read-only replica"):
        schedule(own_redis.url, path, Policy(), max_pages=None, once=False, echo=echo)


def test_a_running_writer_stops_in_one_sentence_when_redis_turns_read_only(
    own_redis: RedisServer, tmp_path: Path
) -> None:
    """The writer, on a primary that then became a replica, waited for ever."""
    path = tmp_path / "archive.db"
    archive_with_blog(path)
    finish(PassQueue.from_url(own_redis.url), [an_update(1)], f"{URL}#1")

    def echo(line: str) -> None:
        no_waiting(line)
        if line.startswith("written "):
            turn_read_only(own_redis.url)

    with pytest.raises(ClusterError, match=f"Redis at {own_redis.url} is a read-only replica"):
        write(own_redis.url, path, once=False, echo=echo)
    assert_written_once(path)


def assert_written_once(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM cluster_passes").fetchone() == (1,)
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.parametrize("when", ["at its start", "while it runs"])
def test_a_worker_stops_in_one_sentence_on_a_read_only_redis(
    when: str, own_redis: RedisServer, tmp_path: Path
) -> None:
    """A worker on a replica stopped with Scrapy's tracebacks and "could not start"; one whose
    Redis became a replica said "Redis unavailable: waiting for it" for ever."""
    if when == "at its start":
        turn_read_only(own_redis.url)
    log = tmp_path / "worker.log"
    worker = subprocess.Popen(
        [sys.executable, "-m", "crawler", "worker", "--redis", own_redis.url, "--name", "w1"],
        env=env_with_root(),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    try:
        if when == "while it runs":
            queue = PassQueue.from_url(own_redis.url)
            while "w1" not in queue.workers_alive() and worker.poll() is None:
                time.sleep(0.05)
            turn_read_only(own_redis.url)
        worker.wait(timeout=60)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(timeout=10)
    text = log.read_text(errors="replace")
    assert worker.returncode == 1, text[-3000:]
    last = text.strip().splitlines()[-1]
    assert last.startswith(f"Error: Redis at {own_redis.url} is a read-only replica"), last
    assert "Traceback" not in text, text[-3000:]
