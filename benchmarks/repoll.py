"""Re-polling unchanged blogs against a fetch-only Scrapy spider: the budget is 1.3x the fetch.

Serves 200 live blogs (~1 MB pages of the sample blog's ITV markup, `render_page`) from one
ThreadingHTTPServer on 127.0.0.1, fills an archive with one `liveblog crawl` pass over them,
then times, in rounds and in the same run:

- fetch-only: a plain Scrapy spider that downloads the same URLs and does nothing with them
  (this file, run in a child process, on the project's own settings without the pipeline);
- unchanged 200s: `crawler.process.crawl` (the code `liveblog crawl` runs) while the server
  ignores If-None-Match and sends no ETag, so every page comes back whole, byte-identical,
  and is recognised by its hash: no extraction, only the fetch log is written;
- 304s: the same while the server answers the stored ETags with 304 Not Modified.

Every run is a child process with the same concurrency (16 per domain, no AutoThrottle, no
download delay), so start-up is in every figure. Medians are printed with their ratios.

    python benchmarks/repoll.py [--blogs 200] [--kb 1000] [--rounds 3] [--strict]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.process import crawl  # noqa: E402
from crawler.sample.site import (  # noqa: E402
    Block,
    LocalServer,
    Para,
    SampleUpdate,
    render_page,
    send,
)

TARGET_RATIO = 1.3
SETTINGS: dict[str, object] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "LOG_LEVEL": "WARNING",
}
TEXT = (
    "storm gusts of wind brought down trees across the south coast while rail operators "
    "cancelled services and the met office warned of flooding as rivers rose overnight "
    "and crews worked to restore power to thousands of homes in the region"
)
WORDS = TEXT.split()


def blog_updates(blog: int, count: int) -> list[SampleUpdate]:
    """`count` distinct updates of blog number `blog`, newest first, ~4.5 kB of markup each."""
    updates = []
    for n in range(count, 0, -1):
        paras: list[Block] = [
            Para(
                " ".join(WORDS[(blog * 31 + n * 7 + p * 3 + i) % len(WORDS)] for i in range(60))
                + f" ({blog}/{n}/{p})."
            )
            for p in range(4)
        ]
        updates.append(
            SampleUpdate(
                id=f"b{blog}-u{n}",
                headline=f"Blog {blog}, update {n}: {WORDS[(blog + n) % len(WORDS)]} latest",
                published=f"2023-11-02T{6 + n // 60:02d}:{n % 60:02d}:00+00:00",
                blocks=paras,
                author="ITV News",
            )
        )
    return updates


def build_pages(blogs: int, kb: int, origin: str) -> dict[str, bytes]:
    """One single-page blog per path, each about `kb` kilobytes."""
    per_update = 4600
    count = max(1, kb * 1000 // per_update)
    pages = {}
    for b in range(blogs):
        path = f"/news/blog-{b:03d}/live"
        updates = blog_updates(b, count)
        body = render_page(f"Blog {b}: Live updates", path, origin, updates, 1, len(updates))
        assert body is not None
        pages[path] = body
    return pages


class Site:
    """The 200 blogs on one local server; `validators` switches ETag / 304 support."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.validators = True
        self.counts = {200: 0, 304: 0}
        self._lock = threading.Lock()
        # LocalServer's listen backlog matters here: at the default 5, a burst of 16
        # connections loses some, and each costs a 1 s retransmission.
        self.server = LocalServer(_handler(self))
        self.server.start()

    @property
    def origin(self) -> str:
        return self.server.origin

    def load(self, pages: dict[str, bytes]) -> None:
        self.pages = {
            p: (b, '"' + hashlib.sha256(b).hexdigest()[:20] + '"') for p, b in pages.items()
        }

    def count(self, status: int) -> None:
        with self._lock:
            self.counts[status] = self.counts.get(status, 0) + 1

    def reset_counts(self) -> dict[int, int]:
        with self._lock:
            counts, self.counts = self.counts, {200: 0, 304: 0}
        return counts


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                self._send(200, b"User-agent: *\nAllow: /\n", "text/plain", None)
                return
            page = site.pages.get(self.path)
            if page is None:
                self._send(404, b"not found\n", "text/plain", None)
                return
            body, etag = page
            if site.validators and self.headers.get("If-None-Match") == etag:
                site.count(304)
                self._send(304, b"", None, etag)
                return
            site.count(200)
            self._send(200, body, "text/html; charset=utf-8", etag if site.validators else None)

        def _send(self, status: int, body: bytes, ctype: str | None, etag: str | None) -> None:
            send(self, status, body, ctype, etag)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet."""

    return Handler


def fetch_only(urls_file: str) -> int:
    """The baseline, run as a child process: download every URL, keep nothing."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    from crawler.process import crawl_settings

    urls = Path(urls_file).read_text().split()

    class FetchOnly(scrapy.Spider):
        name = "fetch_only"
        fetched = 0

        async def start(self) -> Any:
            for url in urls:
                yield scrapy.Request(url, callback=self.parse, dont_filter=True)

        def parse(self, response: Any) -> None:
            FetchOnly.fetched += len(response.body) > 0

    settings = crawl_settings({**SETTINGS, "ITEM_PIPELINES": {}})
    process = CrawlerProcess(settings)
    process.crawl(FetchOnly)
    process.start()
    if FetchOnly.fetched != len(urls):
        print(f"fetch-only: {FetchOnly.fetched} of {len(urls)} fetched", file=sys.stderr)
        return 1
    return 0


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--blogs", type=int, default=200)
    parser.add_argument("--kb", type=int, default=1000, help="size of each blog's page")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--strict", action="store_true", help=f"exit 1 above {TARGET_RATIO}x")
    parser.add_argument("--fetch-only", metavar="URLS_FILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.fetch_only:
        return fetch_only(args.fetch_only)

    began = time.perf_counter()
    site = Site()
    pages = build_pages(args.blogs, args.kb, site.origin)
    site.load(pages)
    urls = [site.origin + path for path in pages]
    mb = sum(len(b) for b in pages.values()) / 1e6
    print(
        f"{len(urls)} blogs, {mb / len(urls):.2f} MB a page, {mb:.0f} MB a pass, on {site.origin}"
    )

    with tempfile.TemporaryDirectory(prefix="repoll-") as tmp:
        db = Path(tmp) / "archive.db"
        urls_file = Path(tmp) / "urls.txt"
        urls_file.write_text("\n".join(urls))

        def repoll(expect: str) -> None:
            results = crawl(urls, db, settings=SETTINGS, max_pages=1, timeout=150)
            failed = [r for r in results if not r.ok]
            assert not failed, failed[0].error
            assert all(r.not_modified == 1 and r.new == r.changed == 0 for r in results), expect

        def baseline() -> None:
            subprocess.run(
                [sys.executable, __file__, "--fetch-only", str(urls_file)],
                check=True,
                timeout=150,
            )

        fill = timed(lambda: crawl(urls, db, settings=SETTINGS, max_pages=1, timeout=150))
        site.reset_counts()
        print(f"first pass (extract and archive everything): {fill:.1f} s")

        times: dict[str, list[float]] = {"fetch-only": [], "unchanged 200": [], "304": []}
        for _ in range(args.rounds):
            site.validators = True
            times["fetch-only"].append(timed(baseline))
            assert site.reset_counts()[200] == len(urls)
            site.validators = False
            times["unchanged 200"].append(timed(lambda: repoll("200 with the same bytes")))
            assert site.reset_counts() == {200: len(urls), 304: 0}
            site.validators = True
            times["304"].append(timed(lambda: repoll("304")))
            assert site.reset_counts() == {200: 0, 304: len(urls)}

    base = statistics.median(times["fetch-only"])
    fastest = min(times["fetch-only"])
    print(f"\n{'case':<16}{'median s':>10}{'min s':>9}{'ratio':>8}{'ratio of mins':>15}")
    ratios = {}
    for case, values in times.items():
        ratios[case] = statistics.median(values) / base
        print(
            f"{case:<16}{statistics.median(values):>10.2f}{min(values):>9.2f}"
            f"{ratios[case]:>7.2f}x{min(values) / fastest:>14.2f}x"
        )
    verdict = "within" if ratios["unchanged 200"] <= TARGET_RATIO else "OVER"
    print(
        f"\nunchanged 200s: {ratios['unchanged 200']:.2f}x fetch-only ({verdict} the "
        f"{TARGET_RATIO}x budget); 304s: {ratios['304']:.2f}x. Total {time.perf_counter() - began:.0f} s."
    )
    site.server.stop()
    return 1 if args.strict and verdict == "OVER" else 0


if __name__ == "__main__":
    raise SystemExit(main())
