"""Extraction against a bare lxml parse of the same bytes: the budget is 2x the parse.

Generates a ~1 MB live blog of 200 updates (JSON-LD LiveBlogPosting listing all of them, plus
the HTML entries with paragraphs, images, pulled quotes, embeds and share bars), then times
`extract_page` and `lxml.html.fromstring` side by side, several rounds, and prints the medians.
It also times the generic extractor (parse included) on the same page with its JSON-LD left
out, as a site no adapter knows would serve it: its budget is 3x the parse.
Each is timed on every backend of the walks (crawler/extract/walks.py) this Python can run,
compiled and pure Python, in the same rounds, or on those --backend names.
--breakdown adds where each one's time goes, phase by phase.

    python benchmarks/extract.py [--updates 200] [--rounds 9] [--markup itv|reach]
                                 [--backend compiled,python] [--strict] [--breakdown]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.records import Update
from archive.times import now_utc
from crawler.extract import adapters, extract_page, generic, walks
from crawler.extract.clean import sanitise_html
from crawler.extract.clock import page_clock
from crawler.extract.entries import prepare
from crawler.extract.html import parse
from crawler.extract.jsonld import read_jsonld
from crawler.extract.merge import merge
from crawler.extract.page import page_meta
from crawler.extract.pagination import next_urls

URL = "https://www.itv.com/news/2016-10-24/calais-jungle-live"
TARGET_RATIO = 2.0
GENERIC_TARGET_RATIO = 3.0
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


def generic_extract(body: bytes) -> list[Update]:
    """What extract_page does for a page no adapter knows: parse, clean, the generic extractor."""
    root = parse(body)
    assert root is not None
    return generic.extract(prepare(root), URL, page_clock(root, URL, now_utc())).updates


def median_ms(func: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        func()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def floor_ms(body: bytes, page_bodies: list[str], rounds: int) -> tuple[float, float]:
    """json.loads of the JSON-LD, which no Python extractor can skip, and nh3 over every body,
    which extract_page skips for bodies it writes from text (clean.finish_html)."""
    text = body.decode("utf-8")
    start = text.index('application/ld+json">') + len('application/ld+json">')
    block = text[start : text.index("</script>", start)]
    json_ms = median_ms(lambda: json.loads(block), rounds)
    nh3_ms = median_ms(lambda: [sanitise_html(html, URL) for html in page_bodies], rounds)
    return json_ms, nh3_ms


class Phases:
    """Times of named phases over several rounds, reported as medians."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self._began = 0.0

    def start(self) -> None:
        self._began = time.perf_counter()

    def stop(self, name: str) -> None:
        """Close the phase begun at the last start() or stop()."""
        now = time.perf_counter()
        self.times.setdefault(name, []).append(now - self._began)
        self._began = now

    def print(self) -> None:
        for name, samples in self.times.items():
            print(f"    {name:40s} {statistics.median(samples) * 1000:6.2f} ms")


def breakdown(body: bytes, bare: bytes, rounds: int) -> None:
    """Where extract_page's time goes on the page, and the generic extractor's on the bare one.

    The same steps extract_page and generic.extract take (the generic extractor's are private),
    each timed on its own; their sum is a little less than the whole.
    """
    page, bare_page = Phases(), Phases()
    for _ in range(rounds):
        page.start()
        root = parse(body)
        assert root is not None
        page.stop("parse")
        ld = read_jsonld(root, URL)
        page.stop("JSON-LD (json.loads, liveBlogUpdate)")
        page_meta(root), next_urls(root, URL)
        page.stop("meta, older-page links")
        _, entries = adapters.html_updates(root, URL)
        page.stop("entries (adapter: find, walk bodies)")
        merge(entries, [ld.updates], URL)
        page.stop("merge with the JSON-LD")

        bare_page.start()
        root = parse(bare)
        assert root is not None
        bare_page.stop("parse")
        prepare(root)
        bare_page.stop("prepare")
        marks = generic.mark(root)
        bare_page.stop("one pass over the body (mark)")
        members = generic._stream(generic.find_times(marks))
        bylines = generic._bylines(marks, {member for member, _ in members})
        bare_page.stop("times, stream, bylines")
        for member, found in members:
            generic._update(member, found, URL, bylines.get(member, []))
        bare_page.stop("members (headline, id, body walk)")
    print("  extract_page, phase by phase:")
    page.print()
    print("  generic extractor, phase by phase:")
    bare_page.print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--markup", choices=("itv", "reach"), default="itv")
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

    body = generate(args.updates, args.markup)
    bare = generate(args.updates, args.markup, structured=False)
    for backend in backends:  # warm-up, and a check that the page is read in full
        walks.use(backend)
        page = extract_page(body, URL)
        if len(page.updates) != args.updates:
            print(f"{backend}: extracted {len(page.updates)} of {args.updates}", file=sys.stderr)
            return 1
        if len(generic_extract(bare)) != args.updates:
            print(f"{backend}: the generic extractor missed updates", file=sys.stderr)
            return 1
    lxml_times: list[float] = []
    extract_times: dict[str, list[float]] = {backend: [] for backend in backends}
    generic_times: dict[str, list[float]] = {backend: [] for backend in backends}
    for _ in range(args.rounds):  # interleaved, so that all see the same machine
        lxml_times.append(median_ms(lambda: lxml.html.fromstring(body), 1))
        for backend in backends:
            walks.use(backend)
            extract_times[backend].append(median_ms(lambda: extract_page(body, URL), 1))
            generic_times[backend].append(median_ms(lambda: generic_extract(bare), 1))
    parse_ms = statistics.median(lxml_times)
    json_ms, nh3_ms = floor_ms(body, [u.body_html for u in page.updates], args.rounds)
    print(
        f"page: {len(body) / 1e6:.2f} MB, {args.updates} updates, {args.markup} markup, "
        f"{args.rounds} rounds (median)"
    )
    print(f"lxml.html.fromstring: {parse_ms:8.2f} ms")
    print(f"{'':22}" + "".join(f"{backend:>20}" for backend in backends))
    met = True
    for name, times, target, note in (
        ("extract_page", extract_times, TARGET_RATIO, ""),
        ("generic extractor", generic_times, GENERIC_TARGET_RATIO, "; no JSON-LD, parse included"),
    ):
        cells = ""
        for backend in backends:
            ms = statistics.median(times[backend])
            met = met and ms / parse_ms <= target
            cells += f"{ms:10.2f} ms {ms / parse_ms:5.2f}x"
        print(f"{name:22}{cells}  (target <= {target:.1f}x{note})")
    print(
        f"  json.loads of the JSON-LD: {json_ms:.2f} ms; nh3 over the {len(page.updates)} bodies "
        f"would take {nh3_ms:.2f} ms (skipped for bodies written from text)"
    )
    if args.breakdown:
        for backend in backends:
            walks.use(backend)
            print(f"{backend}:")
            breakdown(body, bare, args.rounds)
    return 2 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
