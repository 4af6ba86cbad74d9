"""The scale-out's pass queue against a real redis-server on loopback: leases, a worker killed
while holding one, passes finished twice, a writer that is away, heartbeats."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from crawler.cluster.passes import PassQueue
from tests.helpers import ROOT, env_with_root

pytestmark = pytest.mark.slow


@pytest.fixture
def queue(redis_url: str) -> PassQueue:
    """An empty queue for each test."""
    q = PassQueue.from_url(redis_url)
    q.client.flushdb()
    return q


def test_lease_finish_ack(queue: PassQueue) -> None:
    assert queue.offer("p1", "blog-1")
    assert queue.offer("p2", "blog-2")
    assert not queue.offer("p1", "blog-1")
    lease = queue.lease("w1", timeout=30)
    assert lease is not None
    assert (lease.pass_id, lease.payload, lease.worker) == ("p1", "blog-1", "w1")
    assert lease.deadline > queue.now() + 25
    state = queue.state()
    assert state.queued == 1
    assert [(h.pass_id, h.worker) for h in state.leased] == [("p1", "w1")]
    assert queue.finish(lease, b"result-1")
    results = queue.take_results()
    assert [(r.pass_id, r.worker, r.result) for r in results] == [("p1", "w1", b"result-1")]
    queue.ack(results)
    assert queue.take_results() == []
    state = queue.state()
    assert (state.queued, state.leased, state.unwritten) == (1, [], 0)
    assert not queue.offer("p1", "blog-1"), "a pass already done is not queued again"


def test_result_bytes_travel_as_they_are(queue: PassQueue) -> None:
    body = bytes(range(256)) * 4096
    queue.offer("p1", "blog-1")
    lease = queue.lease("w1", timeout=30)
    assert lease is not None
    queue.finish(lease, body)
    assert [r.result for r in queue.take_results()] == [body]


def test_state_shows_lease_age_and_oldest_unwritten(queue: PassQueue) -> None:
    for n in range(3):
        queue.offer(f"p{n}", str(n))
    before = queue.now()
    first = queue.lease("w1", timeout=30)
    second = queue.lease("w2", timeout=30)
    assert first is not None and second is not None
    queue.finish(second, b"r")
    state = queue.state()
    assert state.queued == 1
    [held] = state.leased
    assert (held.pass_id, held.worker) == ("p0", "w1")
    assert before <= held.leased_at <= state.now < held.deadline
    assert state.unwritten == 1
    assert state.oldest_unwritten_at is not None
    assert held.leased_at <= state.oldest_unwritten_at <= state.now


def test_reclaimed_passes_are_leased_again_oldest_first(queue: PassQueue) -> None:
    for n in range(3):
        queue.offer(f"p{n}", str(n))
    leases = [queue.lease(f"w{n}", timeout=5 + n) for n in range(3)]
    assert all(leases)
    assert queue.reclaim(queue.now() + 60) == ["p0", "p1", "p2"]
    again = [queue.lease("w9", timeout=30) for _ in range(3)]
    assert [lease.pass_id for lease in again if lease] == ["p0", "p1", "p2"]


def test_empty_queue_leases_nothing(queue: PassQueue) -> None:
    assert queue.lease("w1", timeout=5) is None
    assert queue.take_results(block_ms=10) == []


def test_reclaim_returns_expired_lease_only(queue: PassQueue) -> None:
    queue.offer("p1", "a")
    queue.offer("p2", "b")
    short = queue.lease("w1", timeout=5)
    long = queue.lease("w2", timeout=60)
    assert short is not None and long is not None
    assert queue.reclaim(queue.now()) == []
    assert queue.reclaim(short.deadline + 1) == ["p1"]
    again = queue.lease("w3", timeout=5)
    assert again is not None and (again.pass_id, again.payload) == ("p1", "a")


def test_extend_keeps_a_lease_only_while_held(queue: PassQueue) -> None:
    queue.offer("p1", "a")
    lease = queue.lease("w1", timeout=5)
    assert lease is not None
    longer = queue.extend(lease, timeout=60)
    assert longer is not None and longer.deadline > lease.deadline + 50
    queue.reclaim(longer.deadline + 1)
    assert queue.extend(lease, timeout=60) is None


WORKER = """
import sys, time
from crawler.cluster.passes import PassQueue
q = PassQueue.from_url(sys.argv[1])
lease = q.lease("doomed", timeout=1.5)
print(lease.pass_id if lease else "", flush=True)
time.sleep(120)
"""


def test_killed_worker_lease_goes_to_another(queue: PassQueue, redis_url: str) -> None:
    queue.offer("p1", "blog-1")
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKER, redis_url],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env_with_root(),
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "p1"
        assert queue.lease("w2", timeout=30) is None, "the pass is held by the doomed worker"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    lease = None
    for _ in range(150):
        lease = queue.lease("w2", timeout=30)
        if lease is not None:
            break
        time.sleep(0.1)
    assert lease is not None and (lease.pass_id, lease.worker) == ("p1", "w2")
    assert queue.finish(lease, b"done by w2")
    assert [r.result for r in queue.take_results()] == [b"done by w2"]


def test_pass_finished_twice_reaches_writer_once(queue: PassQueue) -> None:
    queue.offer("p1", "a")
    slow = queue.lease("w1", timeout=5)
    assert slow is not None
    queue.reclaim(slow.deadline + 1)
    fast = queue.lease("w2", timeout=5)
    assert fast is not None and (fast.pass_id, fast.worker) == ("p1", "w2")
    assert queue.finish(fast, b"by w2")
    assert not queue.finish(slow, b"by w1")
    assert not queue.finish(fast, b"by w2")
    results = queue.take_results()
    assert [(r.pass_id, r.result) for r in results] == [("p1", b"by w2")]
    queue.ack(results)
    assert queue.state().leased == []
    assert queue.lease("w3", timeout=5) is None


def test_late_finish_of_a_reclaimed_pass_takes_it_off_the_queue(queue: PassQueue) -> None:
    queue.offer("p1", "a")
    slow = queue.lease("w1", timeout=5)
    assert slow is not None
    queue.reclaim(slow.deadline + 1)
    assert queue.finish(slow, b"by w1")
    assert queue.lease("w2", timeout=5) is None
    assert [r.result for r in queue.take_results()] == [b"by w1"]


def test_results_wait_for_the_writer(queue: PassQueue, redis_url: str) -> None:
    for n in range(3):
        queue.offer(f"p{n}", str(n))
        lease = queue.lease("w1", timeout=30)
        assert lease is not None
        queue.finish(lease, f"r{n}".encode())
    assert queue.state().unwritten == 3
    assert queue.state().oldest_unwritten_at is not None
    writer = PassQueue.from_url(redis_url)
    taken = writer.take_results(count=2)
    assert [r.pass_id for r in taken] == ["p0", "p1"]
    writer.client.close()
    back = PassQueue.from_url(redis_url)
    again = back.take_results(count=10)
    assert [r.pass_id for r in again] == ["p0", "p1"], "taken but not acked: given again first"
    back.ack(again)
    rest = back.take_results(count=10)
    assert [r.pass_id for r in rest] == ["p2"]
    back.ack(rest)
    assert back.take_results() == []
    assert back.state().unwritten == 0


def test_heartbeats(queue: PassQueue) -> None:
    assert queue.workers_alive() == []
    queue.beat("w1")
    queue.beat("w2")
    assert queue.workers_alive() == ["w1", "w2"]
    time.sleep(0.4)
    queue.beat("w2")
    assert queue.workers_alive(within=0.3) == ["w2"]
