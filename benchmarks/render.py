"""The cost per page of `--render` against a plain fetch, measured side by side in one run.

Serves the sample blog (its five updates one per page, so a pass reads five pages linked by
rel=next) on 127.0.0.1 and, in each round, archives it once with a plain pass and once with
`--render` (Debian's chromium through scrapy-playwright), each into a fresh archive through
`crawler.process.crawl`, the code `liveblog crawl` runs. Per page it reports the pass's own
time (first request to last response) and the whole crawl's wall time (process start and, for
`--render`, the browser's launch included), as medians over the rounds, and their ratios.

    python benchmarks/render.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.watchlist import BlogSettings  # noqa: E402
from crawler.process import crawl  # noqa: E402
from crawler.sample import UPDATES, SampleBlog  # noqa: E402

SETTINGS: dict[str, object] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "RETRY_TIMES": 0,
    "LOG_LEVEL": "WARNING",
}


def one_pass(url: str, folder: Path, render: bool) -> tuple[float, float, int]:
    """(pass seconds, wall seconds, pages) of one pass into a fresh archive."""
    db = folder / f"{'render' if render else 'plain'}-{time.monotonic_ns()}.db"
    start = time.perf_counter()
    [result] = crawl([url], db, settings=SETTINGS, blogs={url: BlogSettings(render=render)})
    wall = time.perf_counter() - start
    if not result.ok or result.new != len(UPDATES):
        raise SystemExit(f"{'render' if render else 'plain'} pass went wrong: {result}")
    return result.seconds, wall, result.pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rounds = max(1, min(args.rounds, 20))
    timings: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    with SampleBlog(list(UPDATES), page_size=1) as blog, tempfile.TemporaryDirectory() as tmp:
        for _ in range(rounds):
            for render in (False, True):
                seconds, wall, pages = one_pass(blog.url, Path(tmp), render)
                timings[render].append((seconds / pages, wall / pages))
    plain = [statistics.median(t[i] for t in timings[False]) for i in (0, 1)]
    rendered = [statistics.median(t[i] for t in timings[True]) for i in (0, 1)]
    print(f"{rounds} rounds, {len(UPDATES)} pages a pass, medians per page:")
    print(f"  plain fetch: {plain[0] * 1000:8.1f} ms in the pass, {plain[1] * 1000:8.1f} ms wall")
    print(
        f"  --render:    {rendered[0] * 1000:8.1f} ms in the pass, {rendered[1] * 1000:8.1f} ms wall"
    )
    print(
        f"  ratio:       {rendered[0] / plain[0]:8.1f}x in the pass, "
        f"{rendered[1] / plain[1]:8.1f}x wall"
    )


if __name__ == "__main__":
    main()
