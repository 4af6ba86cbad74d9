"""The scale-out against the single-process crawl, side by side in one run: passes per second,
each configuration's ratio to the single process and to one worker, and CPU per pass.

Serves N live blogs (default 200; the sample blog's ITV markup, `render_page`, 20 updates a
page by default) from one ThreadingHTTPServer on 127.0.0.1. Each configuration starts from an
archive that already holds one pass over every blog; the blogs then change (a new post on top,
an edit) and one pass over all of them is timed:

- single process: `crawler.process.crawl`, the code `liveblog crawl` runs, over every blog;
- 1, 2 and 4 workers: `liveblog worker` processes and one `liveblog write`, on a redis-server
  of their own on 127.0.0.1. The passes are offered as `liveblog schedule` offers them, once
  every worker beats (start-up is not counted), and the clock stops when the writer has
  written the last one (or at --timeout: the row then says how many were written, and its
  rate counts only those).

Whether more workers are faster is what the ratios say, measured in this run on this
machine's cores; nothing is assumed. Politeness is off everywhere (no AutoThrottle, no delay,
no robots.txt, the cluster's per-host limit raised to the concurrency): every blog is on
127.0.0.1. CPU per pass is the CPU time of the processes doing the work (the crawl's child;
the workers and the writer) divided by the passes. The last lines are arithmetic, not a
measurement: what 10,000 blogs polled every 5 minutes would need at the CPU per pass measured
here, if it stayed the same at that scale.

    python benchmarks/scale.py [--blogs 200] [--posts 20] [--workers 1,2,4] [--timeout 120]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.db import open_archive  # noqa: E402
from archive.times import now_utc  # noqa: E402
from archive.watchlist import Policy, add_blog  # noqa: E402
from crawler.cluster.passes import PassQueue  # noqa: E402
from crawler.cluster.schedule import offer_due  # noqa: E402
from crawler.process import crawl  # noqa: E402
from crawler.sample.site import LocalServer, Para, SampleUpdate, render_page, send  # noqa: E402

SETTINGS: dict[str, object] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "ROBOTSTXT_OBEY": False,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "LIVEBLOG_HOST_CONCURRENCY": 256,
    "LIVEBLOG_WORKER_PASSES": 32,
    "RETRY_TIMES": 0,
    "LOG_LEVEL": "WARNING",
}
TICK = os.sysconf("SC_CLK_TCK")


class Blogs:
    """N blogs on one server; `change()` adds a post on top of each and edits another."""

    def __init__(self, count: int, posts: int) -> None:
        self.count = count
        self.posts = posts
        self.round = 0
        self.pages: dict[str, bytes] = {}
        self.lock = threading.Lock()
        self.server = LocalServer(self._handler())
        self.server.start()
        self._render()

    def paths(self) -> list[str]:
        return [f"/live/blog-{n}" for n in range(self.count)]

    def urls(self) -> list[str]:
        return [f"{self.server.origin}{p}" for p in self.paths()]

    def _updates(self, n: int) -> list[SampleUpdate]:
        posts = []
        for i in range(self.posts + self.round, self.round, -1):
            edited = " (corrected)" if self.round and i == self.posts + self.round - 3 else ""
            text = f"Blog {n}, post {i}: crews worked through the night as the storm moved north."
            posts.append(
                SampleUpdate(
                    id=f"b{n}-p{i}",
                    headline=f"Post {i} of blog {n}{edited}",
                    published=f"2024-05-01T{6 + i // 60:02d}:{i % 60:02d}:00+00:00",
                    blocks=[Para(text), Para(text.upper())],
                )
            )
        return posts

    def _render(self) -> None:
        pages = {}
        for n, path in enumerate(self.paths()):
            body = render_page(
                f"Blog {n}", path, self.server.origin, self._updates(n), 1, self.posts
            )
            assert body is not None
            pages[path] = body
        with self.lock:
            self.pages = pages

    def change(self) -> None:
        self.round += 1
        self._render()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        blogs = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with blogs.lock:
                    body = blogs.pages.get(self.path)
                if body is None:
                    send(self, 404, b"not found")
                else:
                    send(self, 200, body, "text/html; charset=utf-8")

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

        return Handler


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a live process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def children_cpu() -> float:
    usage = os.times()
    return usage.children_user + usage.children_system


def seeded_archive(blogs: Blogs, folder: Path) -> Path:
    """An archive holding one pass over every blog (round 0), made once and copied."""
    path = folder / "seed.db"
    db = open_archive(path)
    try:
        for url in blogs.urls():
            add_blog(db, url, None, now_utc())
    finally:
        db.close()
    results = crawl(blogs.urls(), path, settings=dict(SETTINGS), timeout=900)
    failed = [r for r in results if not r.ok]
    assert not failed, failed[:3]
    return path


def copy_archive(seed: Path, target: Path) -> Path:
    conn = sqlite3.connect(seed)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    shutil.copy(seed, target)
    snapshots = seed.parent / f"{seed.name}.warc"
    if snapshots.exists():
        shutil.copytree(snapshots, target.parent / f"{target.name}.warc")
    return target


def single_process(blogs: Blogs, seed: Path, folder: Path) -> tuple[float, float, int]:
    db = copy_archive(seed, folder / "single.db")
    cpu = children_cpu()
    started = time.perf_counter()
    results = crawl(blogs.urls(), db, settings=dict(SETTINGS), timeout=900)
    seconds = time.perf_counter() - started
    changed = sum(1 for r in results if r.ok and r.new)
    return seconds, children_cpu() - cpu, changed


class RedisServer:
    def __init__(self, folder: Path) -> None:
        port = free_port()
        self.url = f"redis://127.0.0.1:{port}/0"
        server = shutil.which("redis-server") or "redis-server"
        self.proc = subprocess.Popen(
            [
                server,
                "--bind",
                "127.0.0.1",
                "--port",
                str(port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(folder),
            ],
            stdout=subprocess.DEVNULL,
        )
        queue = PassQueue.from_url(self.url)
        for _ in range(200):
            try:
                queue.client.ping()
                return
            except Exception:
                time.sleep(0.05)
        raise SystemExit("redis-server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def liveblog(*args: str) -> list[str]:
    return [sys.executable, "-m", "crawler", *args]


def cluster(
    blogs: Blogs, seed: Path, folder: Path, workers: int, timeout: float
) -> tuple[float, float, float, int]:
    """Seconds, worker CPU, writer CPU, passes written, for one pass over every blog."""
    db = copy_archive(seed, folder / f"cluster-{workers}.db")
    redis = RedisServer(folder)
    env = {**os.environ, "LIVEBLOG_REDIS": redis.url, "PYTHONPATH": str(ROOT)}
    flags = [arg for k, v in SETTINGS.items() for arg in ("-s", f"{k}={v}")]
    procs = [
        subprocess.Popen(
            liveblog("worker", "--name", f"w{i}", *flags), env=env, stderr=subprocess.DEVNULL
        )
        for i in range(workers)
    ]
    writer = subprocess.Popen(
        liveblog("write", "--db", str(db)), env=env, stdout=subprocess.DEVNULL
    )
    queue = PassQueue.from_url(redis.url)
    try:
        deadline = time.monotonic() + 120
        while len(queue.workers_alive()) < workers:
            if time.monotonic() > deadline:
                raise SystemExit("the workers did not start")
            time.sleep(0.1)
        cpu = {p.pid: cpu_seconds(p.pid) for p in [*procs, writer]}
        conn = sqlite3.connect(db, timeout=60)
        archive = open_archive(db)
        try:
            conn.execute("UPDATE blogs SET next_due_at = NULL")
            conn.commit()
            started = time.perf_counter()
            offered = offer_due(queue, archive, Policy())
        finally:
            archive.close()
        assert len(offered) == blogs.count, len(offered)
        deadline = time.monotonic() + timeout
        written = 0
        while written < blogs.count and time.monotonic() < deadline:
            (written,) = conn.execute("SELECT count(*) FROM cluster_passes").fetchone()
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        conn.close()
        work = sum(cpu_seconds(p.pid) - cpu[p.pid] for p in procs)
        write = cpu_seconds(writer.pid) - cpu[writer.pid]
    finally:
        for proc in [*procs, writer]:
            proc.send_signal(signal.SIGTERM)
        for proc in [*procs, writer]:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        redis.stop()
    return seconds, work, write, written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--blogs", type=int, default=200)
    parser.add_argument("--posts", type=int, default=20, help="posts a page (20: ~40 KB)")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument(
        "--timeout", type=float, default=120.0, help="seconds at most for each configuration"
    )
    args = parser.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    if shutil.which("redis-server") is None:
        raise SystemExit("redis-server is missing: apt-get install redis-server")
    blogs = Blogs(args.blogs, args.posts)
    # name, seconds, passes done, work CPU s, writer CPU s
    rows: list[tuple[str, float, int, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = len(next(iter(blogs.pages.values()))) // 1000
        print(f"{args.blogs} blogs on 127.0.0.1, {args.posts} posts a page ({size} KB); seeding...")
        seed = seeded_archive(blogs, folder)
        blogs.change()
        seconds, cpu, changed = single_process(blogs, seed, folder)
        assert changed == blogs.count, f"{changed} of {blogs.count} passes found the change"
        rows.append(("single process (liveblog crawl)", seconds, changed, cpu, 0.0))
        for count in counts:
            seconds, work, write, written = cluster(blogs, seed, folder, count, args.timeout)
            name = f"{count} worker{'s' if count != 1 else ''} + 1 writer"
            if written < blogs.count:
                name += f" ({written} of {blogs.count} in time)"
            rows.append((name, seconds, written, work, write))
    blogs.server.stop()

    rate = {name: done / seconds for name, seconds, done, _, _ in rows}
    single = rate[rows[0][0]]
    one = next((rate[r[0]] for r in rows if r[0].startswith("1 worker ")), None)
    print(f"\none pass over {args.blogs} changed blogs of {size} KB, {os.cpu_count()} cores:")
    print(
        f"{'':34} {'passes/s':>9} {'wall s':>8} {'x single':>9} {'x 1 worker':>11} "
        f"{'CPU ms/pass':>12} {'writer ms/pass':>15}"
    )
    for name, seconds, done, cpu, write in rows:
        ratio = "" if one is None or name == rows[0][0] else f"{rate[name] / one:.2f}"
        print(
            f"{name:34} {rate[name]:9.1f} {seconds:8.1f} {rate[name] / single:9.2f} "
            f"{ratio:>11} {1000 * (cpu + write) / max(1, done):12.1f} "
            f"{1000 * write / max(1, done):15.1f}"
        )
    if one is not None:
        for name, *_ in rows[1:]:
            if name.startswith("1 worker "):
                continue
            change = 100 * (rate[name] / one - 1)
            verdict = "faster" if change > 0 else "not faster"
            print(f"measured: {name} did {change:+.0f}% passes/s against 1 worker ({verdict}).")
    fleet = 10_000 / 300
    cluster_rows = [r for r in rows[1:] if r[2]]
    if not cluster_rows:
        return 1
    worker_ms = min(1000 * cpu / done for _, _, done, cpu, _ in cluster_rows)
    writer_ms = min(1000 * write / done for _, _, done, _, write in cluster_rows)
    print(
        f"\nArithmetic, not measured: 10,000 blogs every 5 minutes = {fleet:.1f} passes/s. At the "
        f"{worker_ms:.0f} ms of worker CPU a pass measured here (pages like these), that would be "
        f"{fleet * worker_ms / 1000:.1f} cores of workers; the one writer at {writer_ms:.1f} ms a "
        f"pass would be {100 * fleet * writer_ms / 1000:.0f}% of one core."
    )
    return 0 if all(done == blogs.count for _, _, done, _, _ in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
