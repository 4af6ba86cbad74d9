"""Extraction against a bare lxml parse of the same bytes, at several page sizes: its cost
should grow with the page as the parse's does, and stay within 3x of it.

Generates deterministic live blogs of 20, 200 and 2000 updates (about 0.1, 1 and 10 MB) and
times two paths through `extract_page`, each beside `lxml.html.fromstring` of the same bytes,
interleaved in the same rounds, and prints the medians of the CPU times (the process's own,
so that other work on a shared machine does not count) and their ratios:

- the adapter path: ITV's markup with its JSON-LD LiveBlogPosting listing every update, at
  itv.com, read by the ITV adapter and merged with the JSON-LD;
- the generic path: a markup no adapter knows, without JSON-LD, at a host no adapter serves:
  adapter and vendor detection find nothing, the generic extractor reads the stream.

Each path passes when its ratio is at most 3x on the compiled walks and varies by at most 20%
across the sizes (pure Python is reported beside it, with no target). Every backend of the
walks (crawler/extract/walks.py) this Python can run is timed, or those --backend names.
--breakdown adds where each path's time goes, phase by phase, at each size.

    python benchmarks/extract.py [--updates 20,200,2000] [--rounds 7]
                                 [--backend compiled,python] [--strict] [--breakdown]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import NamedTuple

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.times import now_utc
from crawler.extract import adapters, extract_page, generic, walks
from crawler.extract.adapters.survey import survey_gathering
from crawler.extract.clock import page_clock
from crawler.extract.entries import prepare
from crawler.extract.html import parse
from crawler.extract.jsonld import read_jsonld
from crawler.extract.merge import merge
from crawler.extract.page import GATHERED, page_meta
from crawler.extract.pagination import next_urls

URL = "https://www.itv.com/news/2016-10-24/calais-jungle-live"
GENERIC_URL = "https://news.example.org/live/calais"  # no adapter serves it
TARGET_RATIO = 3.0  # of extract_page's time to the parse's, on the compiled walks
SPREAD = 1.2  # the most a path's ratio may vary across sizes: largest over smallest
_TEXT = (
    "the police said camp residents buses were leaving for centres across France on Monday "
    "while officials in Calais warned that clearance could take a week and charities asked "
    "for more time to register children who have family in Britain the minister told MPs "
    "that border security would be stepped up as lorries queued at the port and volunteers "
    "handed out water blankets and food to people waiting in long lines outside the warehouse"
)
_WORDS = _TEXT.split(" ")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(12, 26))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))


def _itv_entry(i: int, when: datetime, headline: str, paras: list[str], rng: random.Random) -> str:
    body = [f"<p>{escape(p)}</p>" for p in paras]
    if i % 2 == 0:
        body.insert(
            1,
            (
                f'<figure class="update__image"><img src="https://images.example/{i}.jpg" '
                f'alt="Picture {i}"><figcaption>{escape(sentence(rng))} '
                '<span class="update__credit">Credit: Reuters</span></figcaption></figure>'
            ),
        )
    if i % 3 == 0:
        body.append(
            f'<blockquote class="update__quote"><p>{escape(sentence(rng))}</p>'
            "<footer>– A spokesperson</footer></blockquote>"
        )
    if i % 4 == 0:
        body.append(
            f'<div class="update__embed" data-embed-url="https://twitter.com/itvnews/status/{10**17 + i}" '
            'data-provider="twitter"><p>Sorry, this content isn\'t available on your device.</p></div>'
        )
    stamp = when.isoformat()
    return f"""
 <article class="update" id="update-{i}" data-update-id="{i}">
  <header><h2 class="update__title">{escape(headline)}</h2>
   <time class="update__time" datetime="{stamp}">{when:%H:%M}</time>
   <p class="update__byline">By <span class="update__author">Ellie Swinton</span></p></header>
  <div class="update__body">
   {"".join(body)}
  </div>
  <footer class="update__share"><a href="https://www.facebook.com/sharer/sharer.php?u={URL}%23update-{i}">Share on Facebook</a>
   <a href="https://twitter.com/intent/tweet?url={URL}%23update-{i}">Share on Twitter</a>
   <a href="mailto:?subject=update-{i}">Email</a></footer>
 </article>"""


def _reach_entry(
    i: int, when: datetime, headline: str, paras: list[str], rng: random.Random
) -> str:
    body = [f"<p>{escape(p)}</p>" for p in paras]
    if i % 2 == 0:
        body.insert(
            1,
            (
                '<div class="image-container"><figure class="image--embedded live-event-image">'
                f'<amp-img class="image--live-event" src="https://images.example/{i}.jpg" layout="fill">'
                '</amp-img></figure><figcaption class="image__caption--embedded"><span class="caption">'
                f'{escape(sentence(rng))}</span><span class="credit"> (<div class="camera"><span></span>'
                "Image:</div>PA)</span></figcaption></div>"
            ),
        )
    if i % 4 == 0:
        body.append(
            '<blockquote class="twitter-tweet"><p lang="en">'
            + escape(sentence(rng))
            + "</p>&mdash; "
            f'ITV News (@itvnews) <a href="https://twitter.com/itvnews/status/{10**17 + i}">date</a>'
            '</blockquote><script async src="https://platform.twitter.com/widgets.js"></script>'
        )
    body.append(
        '<div class="share-bar"><a href="https://www.facebook.com/sharer/sharer.php">Facebook</a>'
        '<a href="https://twitter.com/intent/tweet">Twitter</a></div>'
    )
    millis = int(when.timestamp() * 1000)
    return (
        f'<div class="live-event-entry" id="{750000 + i}" data-type="default" '
        f'data-post-time="{millis}" data-last-modified-time="{millis}"><div class="entry-info">'
        f'<time class="updating-timezone-live-event">{when:%H:%M}</time><mark>Tim Hanlon</mark>'
        f'</div><div class="entry-content"><h3>{escape(headline)}</h3>{"".join(body)}</div></div>\n'
    )


def _other_entry(
    i: int, when: datetime, headline: str, paras: list[str], rng: random.Random
) -> str:
    """A markup no adapter knows: what the generic extractor reads on an unknown site."""
    body = [f"<p>{escape(p)}</p>" for p in paras]
    if i % 2 == 0:
        body.insert(
            1,
            f'<figure><img src="https://images.example/{i}.jpg" alt="Picture {i}">'
            f"<figcaption>{escape(sentence(rng))}</figcaption></figure>",
        )
    if i % 3 == 0:
        body.append(
            f"<blockquote><p>{escape(sentence(rng))}</p><cite>A spokesperson</cite></blockquote>"
        )
    return f"""
 <div class="feed-item" id="entry-{i}">
  <div class="feed-item__meta"><time datetime="{when.isoformat()}">{when:%H:%M}</time>
   <span class="feed-item__author">Ellie Swinton</span></div>
  <h3 class="feed-item__headline">{escape(headline)}</h3>
  <div class="feed-item__text">{"".join(body)}</div>
  <div class="feed-item__share"><a href="https://www.facebook.com/sharer/sharer.php?u={i}">Share</a>
   <a href="https://twitter.com/intent/tweet?url={i}">Tweet</a></div>
 </div>"""


RENDERERS = {"itv": _itv_entry, "reach": _reach_entry, "other": _other_entry}


def generate(
    updates: int = 200, markup: str = "itv", seed: int = 7, structured: bool = True
) -> bytes:
    """A deterministic live-blog page of `updates` updates, newest first."""
    rng = random.Random(seed)
    start = datetime(2016, 10, 24, 6, 0, tzinfo=UTC)
    entries, items = [], []
    render = RENDERERS[markup]
    for i in range(updates, 0, -1):
        when = start + timedelta(minutes=3 * i)
        headline = sentence(rng)[:-1]
        paras = [paragraph(rng) for _ in range(rng.randint(3, 7))]
        entries.append(render(i, when, headline, paras, rng))
        fragment = {"itv": f"update-{i}", "reach": str(750000 + i), "other": f"entry-{i}"}[markup]
        items.append(
            {
                "@type": "BlogPosting",
                "headline": headline,
                "url": f"{URL}#{fragment}",
                "datePublished": when.isoformat(),
                "dateModified": when.isoformat(),
                "articleBody": "\n\n".join(paras)[:1000],
                "author": {"@type": "Person", "name": "Ellie Swinton"},
            }
        )
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Calais 'Jungle' camp clearance: Live updates",
        "url": URL,
        "coverageStartTime": start.isoformat(),
        "publisher": {"@type": "Organization", "name": "ITV News"},
        "liveBlogUpdate": items,
    }
    script = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    chrome = "".join(
        f'<li class="nav__item"><a href="/news/section-{n}">Section {n}</a></li>'
        for n in range(120)
    )
    container = {"itv": "live-blog__updates", "reach": "live-event-entries", "other": "feed"}[
        markup
    ]
    page = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Calais 'Jungle' camp clearance: Live updates - ITV News</title>
<meta property="og:site_name" content="ITV News">
<link rel="next" href="/news/2016-10-24/calais-jungle-live?page=2">
<style>{"body{margin:0}" * 400}</style>
<script>{"window.x=1;" * 2000}</script>
{f'<script type="application/ld+json">{script}</script>' if structured else ""}
</head><body><header><nav><ul>{chrome}</ul></nav></header>
<main class="live-blog"><h1>Live updates</h1>
<div class="{container}">{"".join(entries)}
</div>
<a class="live-blog__load-more" rel="next" href="/news/2016-10-24/calais-jungle-live?page=2">Load more updates</a>
</main><footer>{chrome}</footer></body></html>
"""
    return page.encode("utf-8")


class Route(NamedTuple):
    """One way through extract_page: a markup, with or without its JSON-LD, at an address."""

    name: str
    markup: str
    structured: bool
    url: str


PATHS = (
    Route("adapter", "itv", True, URL),
    Route("generic", "other", False, GENERIC_URL),
)


def once_ms(func: Callable[..., object], *args: object) -> float:
    began = time.process_time()
    func(*args)
    return (time.process_time() - began) * 1000


class Phases:
    """Times of named phases over several rounds, reported as medians."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self._began = 0.0

    def start(self) -> None:
        self._began = time.process_time()

    def stop(self, name: str) -> None:
        """Close the phase begun at the last start() or stop()."""
        now = time.process_time()
        self.times.setdefault(name, []).append(now - self._began)
        self._began = now

    def print(self, parse_ms: float) -> None:
        for name, samples in self.times.items():
            ms = statistics.median(samples) * 1000
            print(f"      {name:44s} {ms:8.2f} ms {ms / parse_ms:5.2f}x")


def phases(body: bytes, url: str, timer: Phases) -> None:
    """extract_page's steps, each timed on its own (their sum is a little less than the whole)."""
    timer.start()
    root = parse(body)
    assert root is not None
    timer.stop("parse")
    survey, found = survey_gathering(root, GATHERED)
    timer.stop("survey, gathered elements")
    clock = page_clock(root, url, now_utc(), found)
    timer.stop("page clock")
    ld = read_jsonld(root, url, found)
    timer.stop("JSON-LD")
    page_meta(root), next_urls(root, url, found)
    timer.stop("meta, older-page links")
    adapters.vendor_embeds(root, url, survey)
    timer.stop("vendor embeds")
    prepare(root)
    timer.stop("prepare (strip scripts, styles)")
    name, html = adapters.html_updates(root, url, page=survey)
    timer.stop("adapters (detect, read entries)")
    if name is None:
        html = generic.extract(root, url, clock).updates
        timer.stop("generic extractor")
    merge(html, [ld.updates], url)
    timer.stop("merge")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--updates",
        default="20,200,2000",
        help="page sizes, comma-separated (default: %(default)s)",
    )
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--backend",
        default=",".join(walks.AVAILABLE),
        help="backends of the walks to time, comma-separated (default: %(default)s)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 2 when a target is missed")
    parser.add_argument("--breakdown", action="store_true", help="time each phase too")
    args = parser.parse_args(argv)
    backends = args.backend.split(",")
    for backend in backends:
        if backend not in walks.AVAILABLE:
            parser.error(f"backend {backend!r} is not available here: {', '.join(walks.AVAILABLE)}")
    try:
        sizes = [int(n) for n in args.updates.split(",")]
    except ValueError:
        parser.error(f"--updates takes sizes such as 20,200,2000, not {args.updates!r}")

    pages = {
        (path.name, n): generate(n, path.markup, structured=path.structured)
        for path in PATHS
        for n in sizes
    }
    for backend in backends:  # warm-up, and a check that every page is read in full
        walks.use(backend)
        for path in PATHS:
            for n in sizes:
                found = len(extract_page(pages[path.name, n], path.url).updates)
                if found != n:
                    print(f"{backend}, {path.name} path: {found} of {n} updates", file=sys.stderr)
                    return 1
    parse_times: dict[tuple[str, int], list[float]] = defaultdict(list)
    times: dict[tuple[str, int, str], list[float]] = defaultdict(list)
    for _ in range(args.rounds):  # interleaved, so that all see the same machine
        for path in PATHS:
            for n in sizes:
                body = pages[path.name, n]
                parse_times[path.name, n].append(once_ms(lxml.html.fromstring, body))
                for backend in backends:
                    walks.use(backend)
                    times[path.name, n, backend].append(once_ms(extract_page, body, path.url))
    print(f"{args.rounds} rounds, medians of CPU time; ratio = extract_page / lxml.html.fromstring")
    header = f"{'path':9}{'updates':>8}{'MB':>7}{'parse':>10}"
    print(header + "".join(f"{backend:>22}" for backend in backends))
    met = True
    for path in PATHS:
        ratios: dict[str, list[float]] = defaultdict(list)
        for n in sizes:
            parse_ms = statistics.median(parse_times[path.name, n])
            row = f"{path.name:9}{n:8}{len(pages[path.name, n]) / 1e6:7.2f}{parse_ms:7.1f} ms"
            for backend in backends:
                ms = statistics.median(times[path.name, n, backend])
                ratios[backend].append(ms / parse_ms)
                row += f"{ms:12.1f} ms {ms / parse_ms:5.2f}x"
            print(row)
        for backend in backends:
            spread = max(ratios[backend]) / min(ratios[backend])
            verdict = f"  {path.name} path, {backend}: ratios vary by {spread:.2f}x across sizes"
            if backend == walks.COMPILED:
                ok = spread <= SPREAD and max(ratios[backend]) <= TARGET_RATIO
                met = met and ok
                verdict += (
                    f", at most {max(ratios[backend]):.2f}x "
                    f"(target <= {TARGET_RATIO:.1f}x, within {SPREAD:.1f}x): "
                    + ("met" if ok else "MISSED")
                )
            print(verdict)
    if args.breakdown:
        for backend in backends:
            walks.use(backend)
            for path in PATHS:
                for n in sizes:
                    body = pages[path.name, n]
                    timer = Phases()
                    for _ in range(args.rounds):
                        phases(body, path.url, timer)
                    print(f"{backend}, {path.name} path, {n} updates, phase by phase:")
                    timer.print(statistics.median(parse_times[path.name, n]))
    return 2 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
