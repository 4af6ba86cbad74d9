"""Writing a pass to the archive: N headline-less posts dated "N minutes/hours ago" against N
titled posts with publisher ids, side by side in one run.

Builds each pass with the archive API (`archive.records.Update`, `archive.store.record_pass`)
on a real SQLite file in a temporary folder, no crawl and no extraction, and times three
passes over each blog:

- first: every post new;
- unchanged: the same posts five minutes on (a time read "how long ago" is read again: the
  minutes resolve to the same instant, the hours to the same hour);
- 10% changed: one post in ten with other words in its body, five minutes later still.

Titled posts carry a publisher id and a headline; headless posts carry neither, so their
identity holds their publish time, read from how long ago (`published_from="ago"`). The last
column is each headless pass's time over the titled one's at the same N: what a blog that
names its posts only by "2 hours ago" costs over one that titles them.

    python benchmarks/archive_passes.py [--sizes 200,2000] [--profile N]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.db import open_archive  # noqa: E402
from archive.records import TIME_AGO, BlogPass, PageFetch, Update  # noqa: E402
from archive.store import record_pass  # noqa: E402

URL = "https://news.example.com/live/storm"
START = datetime(2024, 5, 1, 23, 0, tzinfo=UTC)
TEXT = (
    "storm gusts of wind brought down trees across the south coast while rail operators "
    "cancelled services and the met office warned of flooding as rivers rose overnight and "
    "crews worked to restore power to thousands of homes in the region police closed roads "
    "near the harbour where waves broke over the sea wall schools stayed shut on tuesday the "
    "council opened rest centres for families forced from their homes a lorry overturned on "
    "the bridge ferries to the islands were suspended until further notice forecasters said "
    "the worst should pass by the evening but more rain is expected later this week farmers "
    "reported fields under water and the environment agency issued severe warnings for two "
    "towns along the valley volunteers filled sandbags outside the town hall"
)
WORDS = TEXT.split()


def iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def body(n: int, edit: int) -> str:
    """Post n's words, forty drawn from WORDS as its number seeds them; an edit changes one."""
    rng = random.Random(n)
    words = [rng.choice(WORDS) for _ in range(40)]
    if edit:
        words[5] = "corrected"
    return f"{' '.join(words).capitalize()}, crews said."


def ago(fetch: datetime, minutes: int) -> str:
    """The time a post that went up `minutes` before `fetch` reads: its minutes under an hour,
    its whole hours beyond, as "4 minutes ago" and "3 hours ago" read."""
    if minutes < 60:
        return iso(fetch - timedelta(minutes=minutes))
    return iso(fetch - timedelta(hours=minutes // 60))


def posts(n: int, headless: bool, fetch: datetime, edited: frozenset[int]) -> list[Update]:
    """`n` posts newest first, one every two minutes up to a minute before the first fetch."""
    out = []
    for i in range(n):
        went_up = START - timedelta(minutes=1 + 2 * i)
        minutes = int((fetch - went_up).total_seconds() // 60)
        text = body(i, int(i in edited))
        if headless:
            out.append(
                Update(
                    body_text=text,
                    body_html=f"<p>{text}</p>",
                    published_at=ago(fetch, minutes),
                    published_from=TIME_AGO,
                )
            )
        else:
            out.append(
                Update(
                    source_id=f"post-{i}",
                    headline=f"Storm update {i}",
                    body_text=text,
                    body_html=f"<p>{text}</p>",
                    published_at=iso(went_up),
                )
            )
    return out


def one_pass(updates: list[Update], fetch: datetime) -> BlogPass:
    return BlogPass(
        url=URL,
        started_at=iso(fetch),
        finished_at=iso(fetch + timedelta(seconds=30)),
        pages=[PageFetch(url=URL, status=200, size=1000, etag='"e"', updates=len(updates))],
        updates=updates,
        complete=True,
    )


PASSES = ("first", "unchanged", "10% changed")


def run(n: int, headless: bool, profile: bool = False) -> list[float]:
    """Seconds for each of PASSES over a blog of `n` posts, each in the same archive."""
    times = []
    edited = frozenset(range(0, n, 10))
    fetches = [START, START + timedelta(minutes=5), START + timedelta(minutes=10)]
    with tempfile.TemporaryDirectory() as tmp:
        db = open_archive(Path(tmp) / "archive.db")
        for name, fetch in zip(PASSES, fetches, strict=True):
            updates = posts(n, headless, fetch, edited if name == "10% changed" else frozenset())
            p = one_pass(updates, fetch)
            prof = cProfile.Profile() if profile else None
            t0 = time.perf_counter()
            if prof:
                prof.enable()
            result = record_pass(db, p)
            if prof:
                prof.disable()
            times.append(time.perf_counter() - t0)
            expected = {"first": (n, 0), "unchanged": (0, 0), "10% changed": (0, len(edited))}
            if (result.new, result.changed) != expected[name] or result.removed:
                raise SystemExit(
                    f"{'headless' if headless else 'titled'} n={n} {name}: new {result.new} "
                    f"changed {result.changed} removed {result.removed}, expected {expected[name]}"
                )
            if prof:
                print(f"--- headless n={n}, {name} pass")
                pstats.Stats(prof).sort_stats("cumulative").print_stats(18)
        db.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="200,2000")
    parser.add_argument("--profile", type=int, default=0, help="profile headless passes of N")
    args = parser.parse_args()
    if args.profile:
        run(args.profile, headless=True, profile=True)
        return
    print(f"{'posts':>6} {'pass':<12} {'titled s':>9} {'headless s':>11} {'ratio':>7}")
    for n in (int(s) for s in args.sizes.split(",")):
        titled = run(n, headless=False)
        headless = run(n, headless=True)
        for name, a, b in zip(PASSES, titled, headless, strict=True):
            print(f"{n:>6} {name:<12} {a:>9.3f} {b:>11.3f} {b / a:>6.1f}x")


if __name__ == "__main__":
    main()
