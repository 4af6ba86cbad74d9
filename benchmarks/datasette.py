"""Datasette on a 1,000,000-update archive: p50 latency of the table page, searches and a facet.

Builds a synthetic but realistic archive with the real migrations (about 50 blogs, each a few
days of coverage; passes every few minutes; some updates edited, a few removed; the full-text
index rebuilt once at the end), serves it with `liveblog serve`, and times a bounded number of
requests of each page. Targets: table page < 20 ms; the search page (a word in 90% of
updates, and a rare one), Datasette's table search and a facet < 200 ms.

    python benchmarks/datasette.py [--updates 1000000] [--requests 30] [--keep DIR] [--strict]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.db import open_archive
from archive.times import format_utc

ROOT = Path(__file__).resolve().parent.parent

BLOGS = 50
# A word nearly every update holds (90% sign off with it): the search page's hard case.
COMMON = "correspondent"
_SIGN_OFF = f" Our {COMMON} reported from the scene."
# Each page: (label, path, target in ms).
PAGES = [
    ("updates table page", "/archive/updates", 20.0),
    ("search page, 90% word", f"/archive/-/search?q={COMMON}", 200.0),
    ("search page, rare word", "/archive/-/search?q=Elphicke", 200.0),
    ("table search", "/archive/updates?_search=wristband", 200.0),
    ("facet by blog", "/archive/updates?_facet=blog_id", 200.0),
    ("changes feed", "/archive/changes.atom", 200.0),
]
# Also timed, not held to a target: the pages an analyst opens next.
EXTRA_PAGES = [
    ("search page, best match", f"/archive/-/search?q={COMMON}&order=best", None),
    ("search page, one blog", f"/archive/-/search?q={COMMON}&blog=7", None),
    ("search page, publisher", f"/archive/-/search?q={COMMON}&publisher=Mirror", None),
    ("search page .json", f"/archive/-/search.json?q={COMMON}", None),
    ("table search, common", "/archive/updates?_search=police", None),
    ("every column", "/archive/updates?_wide=1", None),
    ("facet by day", "/archive/updates?_facet_date=published_at", None),
    ("a blog's updates", "/archive/updates?blog_id=7", None),
    ("a blog's timeline", "/archive/-/timeline/7", None),
    ("blog timelines index", "/-/timelines", None),
    ("atom feed", "/archive/feed.atom", None),
    ("versions table page", "/archive/update_versions", None),
    # The floors under the table page: Datasette's plainest page, and its table page with
    # no rows and no count (what its template and checks cost before any row).
    ("plainest page", "/-/versions.json", None),
    ("table page, no rows", "/archive/updates?_size=0&_nocount=1", None),
]

_TEXT = (
    "police camp residents buses leaving centres France Monday officials Calais warned "
    "clearance could take week charities asked more time register children family Britain "
    "minister told MPs border security stepped lorries queued port volunteers handed water "
    "blankets food people waiting long lines outside warehouse government council statement "
    "spokesperson said confirmed earlier today afternoon evening morning crowds gathered square "
    "mayor announced plans inquiry report published figures show rise fall vote count results "
    "polling stations closed turnout high low north south east west region leader party"
)
_WORDS = _TEXT.split(" ")
# Words a search looks for: rare in the archive, as a name or a detail is.
_RARE = ["wristband", "Puissesseau", "Elphicke", "Wallonia", "holdalls", "rucksacks"]
_PUBLISHERS = ["ITV News", "BBC News", "The Guardian", "Sky News", "The Telegraph", "Mirror"]


def _iso(moment: datetime) -> str:
    """Times as the archive writes them."""
    return format_utc(moment) or ""


def _sentences(rng: random.Random, count: int) -> list[str]:
    """A pool of news-like sentences: drawing from it is far cheaper than a word at a time."""
    out = []
    for _ in range(count):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(10, 22))]
        if rng.random() < 0.02:
            words.insert(rng.randrange(len(words)), rng.choice(_RARE))
        out.append(words[0].capitalize() + " " + " ".join(words[1:]) + ".")
    return out


def _blog_spans(rng: random.Random) -> list[tuple[datetime, timedelta]]:
    """Each blog's coverage start and length, spread over two years."""
    base = datetime(2023, 1, 1, tzinfo=UTC)
    return [
        (base + timedelta(days=rng.uniform(0, 700)), timedelta(days=rng.uniform(2, 10)))
        for _ in range(BLOGS)
    ]


def build(path: Path, total: int, seed: int = 5) -> None:
    """The archive at path: the real schema, bulk rows in one transaction, FTS rebuilt once."""
    rng = random.Random(seed)
    db = open_archive(path)
    conn = db.conn
    # Bulk load: the per-row FTS trigger is set aside and the index rebuilt once at the end.
    trigger_sql = conn.execute(
        "select sql from sqlite_master where type = 'trigger' and name = 'updates_ai'"
    ).fetchone()[0]
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")
    sentences = _sentences(rng, 4000)
    headlines = [s.rstrip(".")[:90] for s in _sentences(rng, 6000)]
    spans = _blog_spans(rng)
    per_blog = total // BLOGS
    conn.execute("BEGIN")
    conn.execute("DROP TRIGGER updates_ai")
    conn.executemany(
        "INSERT INTO blogs (id, url, title, publisher, status, first_seen_at, last_fetched_at, "
        "last_changed_at, coverage_start, coverage_end, active) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                b + 1,
                f"https://news{b % 6}.example/live/{b + 1}-event-live-updates",
                f"{rng.choice(headlines)[:60]}: live updates",
                _PUBLISHERS[b % len(_PUBLISHERS)],
                "ended",
                _iso(start),
                _iso(start + span),
                _iso(start + span),
                _iso(start),
                _iso(start + span),
                0,
            )
            for b, (start, span) in enumerate(spans)
        ),
    )
    fetch_ids: list[list[tuple[int, datetime]]] = []
    fetch_rows = []
    next_fetch = 1
    for b, (start, span) in enumerate(spans):
        passes = []
        moment = start
        while moment < start + span:
            error = "HTTP 503 from the blog" if rng.random() < 0.01 else None
            fetch_rows.append(
                (
                    next_fetch,
                    b + 1,
                    _iso(moment),
                    _iso(moment + timedelta(seconds=2)),
                    3,
                    503 if error else 200,
                    int(rng.random() < 0.3 and not error),
                    120_000,
                    error,
                    int(not error),
                )
            )
            passes.append((next_fetch, moment))
            next_fetch += 1
            moment += timedelta(minutes=rng.choice((5, 5, 5, 10, 20)))
        fetch_ids.append(passes)
    conn.executemany(
        "INSERT INTO fetches (id, blog_id, started_at, finished_at, pages, http_status, "
        "not_modified, bytes, error, complete) VALUES (?,?,?,?,?,?,?,?,?,?)",
        fetch_rows,
    )
    versions: list[tuple[int, int, str]] = []  # (update id, versions, headline) of edited ones

    def updates() -> Iterator[tuple[object, ...]]:
        """Rows generated as executemany asks for them: a million never sit in memory."""
        uid = 0
        for b, (start, span) in enumerate(spans):
            passes = fetch_ids[b]
            step = span / per_blog
            for i in range(per_blog):
                uid += 1
                published = start + step * i
                paras = [
                    " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
                    for _ in range(rng.randint(1, 4))
                ]
                if rng.random() < 0.9:
                    paras[-1] += _SIGN_OFF
                body_text = "\n\n".join(paras)
                body_html = "".join(f"<p>{p}</p>" for p in paras)
                headline = rng.choice(headlines) if rng.random() < 0.8 else None
                n_versions = 1 if rng.random() < 0.95 else rng.choice((2, 2, 3))
                if n_versions > 1:
                    versions.append((uid, n_versions, headline or ""))
                seen = passes[min(len(passes) - 1, int(i * len(passes) / per_blog))][1]
                removed = _iso(seen + timedelta(hours=1)) if rng.random() < 0.01 else None
                digest = hashlib.sha256(f"{uid}:{body_text}".encode()).hexdigest()
                yield (
                    uid,
                    b + 1,
                    f"p{uid}",
                    headline,
                    digest[:16],
                    body_text,
                    body_html,
                    _iso(published),
                    _iso(published + timedelta(minutes=20)) if n_versions > 1 else None,
                    json.dumps([rng.choice(("ITV News", "Ellie Swinton", "Reporter"))]),
                    "[]",
                    f"https://news{b % 6}.example/live/{b + 1}#p{uid}",
                    _iso(seen),
                    _iso(seen + timedelta(hours=2)),
                    removed,
                    n_versions,
                    digest,
                    f"id:p{uid}",
                    int(i == per_blog - 1),
                )

    conn.executemany(
        "INSERT INTO updates (id, blog_id, source_id, headline, headline_hash, body_text, "
        "body_html, published_at, modified_at, authors, media, permalink, first_seen_at, "
        "last_seen_at, removed_at, version, content_hash, key, pinned) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        updates(),
    )
    # One version per update, copied in SQL; then the later versions of the edited ones.
    conn.execute(
        "INSERT INTO update_versions (update_id, version, content_hash, headline, body_text, "
        "body_html, modified_at, seen_at, media) SELECT id, 1, content_hash, headline, "
        "body_text, body_html, NULL, first_seen_at, media FROM updates"
    )
    conn.executemany(
        "INSERT INTO update_versions (update_id, version, content_hash, headline, body_text, "
        "body_html, modified_at, seen_at, media) SELECT id, ?, ?, ?, body_text || ?, "
        "body_html || ?, modified_at, first_seen_at, media FROM updates WHERE id = ?",
        (
            (v, f"{uid:064x}"[:60] + f"{v:04d}", headline, f" Edit {v}.", f"<p>Edit {v}.</p>", uid)
            for uid, n, headline in versions
            for v in range(2, n + 1)
        ),
    )
    conn.execute("INSERT INTO updates_fts(updates_fts) VALUES('rebuild')")
    conn.execute(trigger_sql)
    conn.execute("COMMIT")
    # No ANALYZE: the crawler's archives have no planner statistics either.
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _get(url: str) -> bytes:
    """The whole body: a page is timed until its last byte."""
    with urllib.request.urlopen(url, timeout=60) as response:
        return bytes(response.read())


def _free_port() -> int:
    """A port nobody listens on, so the benchmark can run beside a `liveblog serve`."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`liveblog serve` on the archive, as an analyst would run it; returns (process, base URL)."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler", "serve", "--db", str(path), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(base + "/-/versions.json")
            return proc, base
        except (urllib.error.URLError, ConnectionError) as exc:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit("liveblog serve did not start") from exc
            time.sleep(0.2)


def p50(url: str, requests: int) -> float:
    """Median wall time in ms of `requests` sequential GETs (after one warm-up)."""
    _get(url)
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        _get(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(url: str, requests: int) -> tuple[float | None, str]:
    """(p50 in ms, "") or (None, why): a page over the SQL time limit answers 400."""
    try:
        return p50(url, requests), ""
    except urllib.error.HTTPError as exc:
        reason = exc.read().decode(errors="replace")
        return None, f"HTTP {exc.code}" + (" (SQL time limit)" if "too long" in reason else "")


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse --keep DIR), serve, time; exit 1 on a missed target only with --strict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--keep", type=Path, default=None, help="build into DIR and keep it")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="liveblog-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "archive.db"
    proc = None
    try:
        if not path.exists():
            started = time.perf_counter()
            build(path, args.updates)
            size = path.stat().st_size / 2**20
            print(
                f"built {args.updates:,} updates in {time.perf_counter() - started:.0f} s "
                f"({size:,.0f} MiB)"
            )
        proc, base = serve(path)
        missed = []
        for label, page, target in PAGES + EXTRA_PAGES:
            ms, failure = measure(base + page, args.requests)
            goal = f"< {target:.0f} ms" if target is not None else ""
            if ms is None:
                print(f"{label:<24} {failure:<24} {goal:<10}  {page}")
                if target is not None:
                    missed.append(label)
                continue
            verdict = "" if target is None else ("ok" if ms < target else "MISSED")
            print(f"{label:<24} p50 {ms:8.1f} ms  {goal:<10} {verdict}  {page}")
            if target is not None and ms >= target:
                missed.append(label)
        return 1 if missed and args.strict else 0
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
