"""The scale-out's parts one at a time, on a real redis-server and a real archive: what travels
through Redis, the scheduler's pass ids, the writer's written-once rule and what it sets aside,
`liveblog status`, and the commands' one-sentence errors, with and without Redis installed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from archive.db import open_archive
from archive.records import PageState, Update
from archive.snapshots import SnapshotRef, SnapshotStore
from archive.times import now_utc
from archive.watchlist import BlogSettings, Policy, add_blog
from archive.writer import PassWriter, seal_pages
from crawler.cluster.codec import CodecError, PassOrder, decode_pass, encode_pass
from crawler.cluster.passes import PassQueue
from crawler.cluster.roles import describe
from crawler.cluster.schedule import due_orders, offer_due
from crawler.cluster.writer import AlertThread, drain_once
from crawler.notify import Alerts, AlertSettings
from crawler.sample import calais_blog
from tests.helpers import ROOT, URL, bpass, env_with_root, free_port
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
        (["write", "--redis", "redis://127.0.0.1:{closed}/0", "--once"], "cannot reach Redis at"),
        (["status"], "--redis"),
    ],
)
def test_the_commands_fail_in_one_sentence(args: list[str], message: str) -> None:
    closed = free_port()
    env = {k: v for k, v in env_with_root().items() if k != "LIVEBLOG_REDIS"}
    done = run(*[a.format(closed=closed) for a in args], env=env)
    assert done.returncode != 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr


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
