"""The pass queue of the scale-out on Redis: a pass is leased, not popped, so a worker that dies
mid-pass loses nothing, and a pass finished twice reaches the one writer once.

Keys, under one prefix: `queue` (list of pass ids waiting, taken from the right), `payloads`
(hash pass id -> payload, while queued or leased), `leased` (sorted set pass id -> lease
deadline), `leases` (hash pass id -> worker and lease time), `done:<pass id>` (a pass already
finished: later finishes and offers of it are ignored; it expires in a week once the writer
has written the pass, and never before), `results` (stream of finished passes,
read by the writer's consumer group), `workers` (sorted set worker -> last heartbeat),
`written` (sorted set pass id -> when the writer wrote it, the last hour), `unreadable` (the
newest results the writer could not read, set aside), `unreadable:dropped` (how many older ones
were dropped to bound it), `stats` (hash worker -> its Scrapy stats as JSON) and
`archive` (the one archive whose scheduler and writer use this Redis database: its id and its file).
Every deadline is on the Redis server's clock, so the machines' clocks need not agree. A payload
(what to fetch) is text; a result is bytes, so a pass's page bodies travel as they are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import redis

WRITER_GROUP = "writer"
WRITER = "writer"
DONE_TTL = 7 * 24 * 3600
WRITTEN_WINDOW = 3600  # seconds of written passes kept for `liveblog status`
# Unreadable results kept for people to look at: a broken worker sends one per pass, and
# each holds a pass's WARC records, so only the newest are kept (the pass is done again).
UNREADABLE_KEPT = 100

# Returns expired leases to the front of the queue; shared by `reclaim` and `lease`.
_RECLAIM = """
local function reclaim(queue, payloads, leased, leases, now)
  local ids = redis.call('ZRANGEBYSCORE', leased, '-inf', now)
  for i = #ids, 1, -1 do
    local id = ids[i]
    redis.call('ZREM', leased, id)
    redis.call('HDEL', leases, id)
    if redis.call('HEXISTS', payloads, id) == 1 then
      redis.call('RPUSH', queue, id)
    end
  end
  return ids
end
local function server_now()
  local t = redis.call('TIME')
  return tonumber(t[1]) + tonumber(t[2]) / 1000000
end
"""

RECLAIM_SCRIPT = (
    _RECLAIM
    + """
local now = tonumber(ARGV[1]) or server_now()
return reclaim(KEYS[1], KEYS[2], KEYS[3], KEYS[4], now)
"""
)

OFFER_SCRIPT = """
if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('LPUSH', KEYS[1], ARGV[1])
return 1
"""

LEASE_SCRIPT = (
    _RECLAIM
    + """
local now = server_now()
reclaim(KEYS[1], KEYS[2], KEYS[3], KEYS[4], now)
local id = redis.call('RPOP', KEYS[1])
if not id then return false end
local deadline = now + tonumber(ARGV[2])
redis.call('ZADD', KEYS[3], deadline, id)
redis.call('HSET', KEYS[4], id, ARGV[1] .. '\\t' .. now)
return {id, redis.call('HGET', KEYS[2], id), tostring(deadline)}
"""
)

EXTEND_SCRIPT = """
local owner = redis.call('HGET', KEYS[2], ARGV[1])
if not owner or string.sub(owner, 1, string.len(ARGV[2]) + 1) ~= ARGV[2] .. '\\t' then
  return false
end
local t = redis.call('TIME')
local deadline = tonumber(t[1]) + tonumber(t[2]) / 1000000 + tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], deadline, ARGV[1])
return tostring(deadline)
"""

# Gives a lease back before its deadline, to the front of the queue, if the worker still holds it.
RELEASE_SCRIPT = """
local owner = redis.call('HGET', KEYS[4], ARGV[1])
if not owner or string.sub(owner, 1, string.len(ARGV[2]) + 1) ~= ARGV[2] .. '\\t' then
  return 0
end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  redis.call('RPUSH', KEYS[1], ARGV[1])
end
return 1
"""

FINISH_SCRIPT = """
if not redis.call('SET', KEYS[1], ARGV[2], 'NX') then return false end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('LREM', KEYS[5], 0, ARGV[1])
local t = redis.call('TIME')
local at = tostring(tonumber(t[1]) + tonumber(t[2]) / 1000000)
return redis.call('XADD', KEYS[6], '*', 'pass_id', ARGV[1], 'worker', ARGV[2],
                  'finished_at', at, 'result', ARGV[3])
"""

# KEYS: unreadable, unreadable:dropped, results, done:<pass id>. ARGV: the result, how many
# to keep, the group, the stream entry. Keeps the newest, counts those dropped.
SET_ASIDE_SCRIPT = """
local over = redis.call('RPUSH', KEYS[1], ARGV[1]) - tonumber(ARGV[2])
if over > 0 then
  redis.call('LTRIM', KEYS[1], over, -1)
  redis.call('INCRBY', KEYS[2], over)
end
redis.call('XACK', KEYS[3], ARGV[3], ARGV[4])
redis.call('XDEL', KEYS[3], ARGV[4])
redis.call('DEL', KEYS[4])
return over > 0 and over or 0
"""

# KEYS: done:<pass id>. Drops the marker only if the writer wrote the pass (it expires).
FORGET_WRITTEN_SCRIPT = """
if redis.call('PTTL', KEYS[1]) > 0 then return redis.call('DEL', KEYS[1]) end
return 0
"""

# KEYS: the claim. ARGV: the claim as read ('' for none), the new one: set only if unchanged.
SWAP_CLAIM_SCRIPT = """
if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
"""


@dataclass(frozen=True)
class Lease:
    """A pass a worker holds until `deadline` (epoch seconds on the Redis server's clock)."""

    pass_id: str
    payload: str
    worker: str
    deadline: float


@dataclass(frozen=True)
class Finished:
    """A finished pass as the writer reads it; `entry_id` is what `ack` needs."""

    entry_id: str
    pass_id: str
    worker: str
    finished_at: float
    result: bytes


@dataclass(frozen=True)
class HeldLease:
    """A lease as `liveblog status` shows it: who holds it and since when."""

    pass_id: str
    worker: str
    leased_at: float
    deadline: float


@dataclass(frozen=True)
class QueueState:
    """What `liveblog status` reports about the queue at one instant of the server's clock."""

    now: float
    queued: int
    leased: list[HeldLease]
    unwritten: int
    oldest_unwritten_at: float | None
    written_last_minute: int = 0
    unreadable: int = 0
    unreadable_dropped: int = 0  # older unreadable results dropped to bound the list


class PassQueue:
    """Passes offered by the scheduler, leased by workers, drained by the one writer."""

    def __init__(
        self, client: redis.Redis, prefix: str = "liveblog", unreadable_kept: int = UNREADABLE_KEPT
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.unreadable_kept = unreadable_kept
        self._offer = client.register_script(OFFER_SCRIPT)
        self._lease = client.register_script(LEASE_SCRIPT)
        self._extend = client.register_script(EXTEND_SCRIPT)
        self._reclaim = client.register_script(RECLAIM_SCRIPT)
        self._finish = client.register_script(FINISH_SCRIPT)
        self._release = client.register_script(RELEASE_SCRIPT)
        self._set_aside = client.register_script(SET_ASIDE_SCRIPT)
        self._swap_claim = client.register_script(SWAP_CLAIM_SCRIPT)
        self._forget_written = client.register_script(FORGET_WRITTEN_SCRIPT)

    @classmethod
    def from_url(cls, url: str, prefix: str = "liveblog") -> PassQueue:
        """One client per process, for the `--redis URL` of every role."""
        return cls(redis.Redis.from_url(url), prefix)

    def key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def _queue_keys(self) -> list[str]:
        return [self.key("queue"), self.key("payloads"), self.key("leased"), self.key("leases")]

    def now(self) -> float:
        """The Redis server's clock, the one every deadline and heartbeat is on."""
        seconds, micros = cast(tuple[int, int], self.client.time())
        return seconds + micros / 1_000_000

    def offer(self, pass_id: str, payload: str) -> bool:
        """Queues a pass unless it is already queued, leased or finished (offers may repeat)."""
        keys = [self.key("queue"), self.key("payloads"), self.key(f"done:{pass_id}")]
        return bool(self._offer(keys=keys, args=[pass_id, payload]))

    def in_hand(self, pass_ids: Sequence[str]) -> set[str]:
        """Those of `pass_ids` queued, leased or finished already: offering them does nothing."""
        if not pass_ids:
            return set()
        pipe = self.client.pipeline(transaction=False)
        for pid in pass_ids:
            pipe.hexists(self.key("payloads"), pid)
            pipe.exists(self.key(f"done:{pid}"))
        found = pipe.execute()
        return {
            pid
            for pid, queued, done in zip(pass_ids, found[::2], found[1::2], strict=True)
            if queued or done
        }

    def written(self, pass_ids: Sequence[str]) -> set[str]:
        """Those of `pass_ids` the writer wrote into the archive and acknowledged (their done
        marker expires), as opposed to finished and waiting for it."""
        if not pass_ids:
            return set()
        pipe = self.client.pipeline(transaction=False)
        for pid in pass_ids:
            pipe.pttl(self.key(f"done:{pid}"))
        return {pid for pid, ttl in zip(pass_ids, pipe.execute(), strict=True) if ttl > 0}

    def forget_written(self, pass_id: str) -> bool:
        """Drops the done marker of a pass the writer wrote, so it can be offered again; False
        if the pass is not marked written (not done, or finished and waiting for the writer)."""
        return bool(self._forget_written(keys=[self.key(f"done:{pass_id}")]))

    def lease(self, worker: str, timeout: float) -> Lease | None:
        """Takes the oldest waiting pass for `timeout` seconds, after returning expired leases."""
        got = cast(Any, self._lease(keys=self._queue_keys(), args=[worker, timeout]))
        if not got:
            return None
        pass_id, payload, deadline = got
        return Lease(pass_id.decode(), payload.decode(), worker, float(deadline))

    def extend(self, lease: Lease, timeout: float) -> Lease | None:
        """Pushes a long pass's deadline on; None when the lease was lost (reclaimed or done)."""
        keys = [self.key("leased"), self.key("leases")]
        got = self._extend(keys=keys, args=[lease.pass_id, lease.worker, timeout])
        if not got:
            return None
        return Lease(lease.pass_id, lease.payload, lease.worker, float(cast(bytes, got)))

    def reclaim(self, now: float | None = None) -> list[str]:
        """Returns leases whose deadline is at or before `now` (default: server time) to the queue."""
        args = [] if now is None else [repr(now)]
        return [
            i.decode() for i in cast(list[bytes], self._reclaim(keys=self._queue_keys(), args=args))
        ]

    def release(self, lease: Lease) -> bool:
        """Gives a pass this worker cannot finish back to the queue, to be leased next; False
        when the lease was no longer this worker's."""
        got = self._release(keys=self._queue_keys(), args=[lease.pass_id, lease.worker])
        return bool(got)

    def finish(self, lease: Lease, result: bytes) -> bool:
        """Hands a finished pass to the writer, once per pass id; False when it was already done."""
        keys = [
            self.key(f"done:{lease.pass_id}"),
            self.key("leased"),
            self.key("leases"),
            self.key("payloads"),
            self.key("queue"),
            self.key("results"),
        ]
        return bool(self._finish(keys=keys, args=[lease.pass_id, lease.worker, result]))

    def _ensure_group(self) -> None:
        """The writer's group reads the stream from its start, so results made before it are kept."""
        try:
            self.client.xgroup_create(self.key("results"), WRITER_GROUP, id="0", mkstream=True)
        except redis.ResponseError as err:
            if "BUSYGROUP" not in str(err):
                raise

    def take_results(self, count: int = 100, block_ms: int | None = None) -> list[Finished]:
        """The writer's next finished passes in finishing order: first those it took and did not
        ack (it died mid-drain), then new ones, waiting up to `block_ms` when there are none."""
        self._ensure_group()
        stream = self.key("results")
        for start, block in (("0", None), (">", block_ms)):
            reply = cast(
                Any,
                self.client.xreadgroup(
                    WRITER_GROUP, WRITER, {stream: start}, count=count, block=block
                ),
            )
            found = [_finished(entry_id, fields) for entry_id, fields in _entries(reply) if fields]
            if found:
                return found
        return []

    def ack(self, results: Sequence[Finished]) -> None:
        """Marks passes written: they leave the stream; their done markers expire in a week."""
        if not results:
            return
        ids = [r.entry_id for r in results]
        pipe = self.client.pipeline(transaction=True)
        pipe.time()
        pipe.xack(self.key("results"), WRITER_GROUP, *ids)
        pipe.xdel(self.key("results"), *ids)
        for r in results:
            pipe.expire(self.key(f"done:{r.pass_id}"), DONE_TTL)
        (seconds, _), *_ = pipe.execute()
        written = self.key("written")
        pipe = self.client.pipeline(transaction=True)
        pipe.zadd(written, {r.pass_id: seconds for r in results})
        pipe.zremrangebyscore(written, "-inf", f"({seconds - WRITTEN_WINDOW}")
        pipe.execute()

    def set_aside(self, finished: Finished) -> int:
        """A result the writer cannot read leaves the stream for `unreadable`, kept for people
        among the newest `unreadable_kept`; its pass is no longer done, so the scheduler offers
        the blog's pass again. Returns how many older results were dropped (0 or 1)."""
        keys = [
            self.key("unreadable"),
            self.key("unreadable:dropped"),
            self.key("results"),
            self.key(f"done:{finished.pass_id}"),
        ]
        args: list[bytes | str | int] = [
            finished.result,
            self.unreadable_kept,
            WRITER_GROUP,
            finished.entry_id,
        ]
        return int(cast(int, self._set_aside(keys=keys, args=args)))

    def beat(self, worker: str) -> None:
        """A worker's heartbeat, on the server's clock."""
        self.client.zadd(self.key("workers"), {worker: self.now()})

    def workers_alive(self, within: float = 30.0, *, forget: bool = True) -> list[str]:
        """Workers that beat in the last `within` seconds; older ones are forgotten, unless
        `forget` is False (a look that writes nothing, as on a read-only replica)."""
        now = self.now()
        if forget:
            self.client.zremrangebyscore(self.key("workers"), "-inf", f"({now - 10 * within}")
        alive = cast(
            list[bytes], self.client.zrangebyscore(self.key("workers"), now - within, "+inf")
        )
        return sorted(w.decode() for w in alive)

    def claim_held(self) -> tuple[bytes | None, dict[str, Any]]:
        """The claim on this Redis database as stored (None: no claim) and as read: the
        archive's id, its label for people, and the file that holds it (host, path, device,
        inode, when last claimed, on the server's clock); an unreadable one keeps its label."""
        raw = cast(bytes | None, self.client.get(self.key("archive")))
        if raw is None:
            return None, {}
        try:
            held = json.loads(raw)
        except ValueError:
            held = None
        if not isinstance(held, dict) or not isinstance(held.get("id"), str):
            return raw, {"id": "", "archive": raw.decode(errors="replace")}
        return raw, held

    def swap_claim(self, held: bytes | None, mine: dict[str, Any]) -> bool:
        """Stores `mine` as the claim if the claim is still `held`; False if it changed."""
        got = self._swap_claim(keys=[self.key("archive")], args=[held or b"", json.dumps(mine)])
        return bool(got)

    def claimed_by(self) -> str | None:
        """The archive this Redis database serves, as its label says; None if none yet."""
        raw = cast(bytes | None, self.client.get(self.key("archive")))
        if raw is None:
            return None
        try:
            return str(json.loads(raw)["archive"])
        except (ValueError, KeyError, TypeError):
            return raw.decode(errors="replace")

    def state(self) -> QueueState:
        """Queue depth, leases held and their age, and the oldest pass not yet written."""
        pipe = self.client.pipeline(transaction=True)
        pipe.time()
        pipe.llen(self.key("queue"))
        pipe.zrange(self.key("leased"), 0, -1, withscores=True)
        pipe.hgetall(self.key("leases"))
        pipe.xlen(self.key("results"))
        pipe.xrange(self.key("results"), count=1)
        pipe.zrange(self.key("written"), 0, -1, withscores=True)
        pipe.llen(self.key("unreadable"))
        pipe.get(self.key("unreadable:dropped"))
        (
            (seconds, micros),
            queued,
            deadlines,
            holders,
            unwritten,
            first,
            written,
            unreadable,
            dropped,
        ) = pipe.execute()
        leased = []
        for pass_id, deadline in deadlines:
            worker, _, since = holders.get(pass_id, b"\t0").decode().partition("\t")
            leased.append(HeldLease(pass_id.decode(), worker, float(since), deadline))
        oldest = float(first[0][1][b"finished_at"]) if first else None
        now = seconds + micros / 1_000_000
        last_minute = sum(1 for _, at in written if at >= now - 60)
        return QueueState(
            now, queued, leased, unwritten, oldest, last_minute, unreadable, int(dropped or 0)
        )


def refused_for_good(exc: redis.RedisError) -> bool:
    """Redis refusing what no wait mends: it is a read-only replica, or the user may not run
    the command. A role stops with one sentence on these, where it waits out a lost Redis."""
    return isinstance(exc, redis.exceptions.ReadOnlyError | redis.exceptions.NoPermissionError)


def unblocked(exc: redis.RedisError) -> bool:
    """A blocking read that Redis ended as it changed role: worth a look again at once."""
    return isinstance(exc, redis.ResponseError) and str(exc).startswith("UNBLOCKED")


def _entries(reply: Any) -> list[tuple[bytes, dict[bytes, bytes] | None]]:
    """The entries of an XREADGROUP reply over one stream (a RESP2 client's list)."""
    if not reply:
        return []
    return [e for _, entries in reply for e in entries]


def _finished(entry_id: bytes, fields: dict[bytes, bytes]) -> Finished:
    return Finished(
        entry_id.decode(),
        fields[b"pass_id"].decode(),
        fields[b"worker"].decode(),
        float(fields[b"finished_at"]),
        fields[b"result"],
    )
