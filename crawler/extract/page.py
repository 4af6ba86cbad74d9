"""extract_page: one response's bytes to a Page, every source read from a single parse."""

from __future__ import annotations

import gc
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

from archive.records import Page, Update
from archive.times import now_utc, parse_utc
from crawler.extract import adapters, evidence, generic, instant, walks
from crawler.extract.adapters.survey import Survey, survey_gathering
from crawler.extract.clean import optional_text, safe_page, web_url
from crawler.extract.clock import PageClock, page_clock
from crawler.extract.completeness import stated_more
from crawler.extract.dom import Element, absolute, host_of, in_tree, text_of
from crawler.extract.endpoints import Endpoint, unique
from crawler.extract.endpoints.vendors import from_embeds
from crawler.extract.entries import reading_times, rough_times
from crawler.extract.html import parse, unpacked
from crawler.extract.jsonld import read_jsonld
from crawler.extract.merge import (
    body_keys,
    fold,
    id_key,
    merge,
    number_key,
    pair,
    raw_text,
    unique_numbers,
)
from crawler.extract.microdata import Microdata, read_microdata
from crawler.extract.pagestate import read_page_state, read_state_stream
from crawler.extract.pagination import loads_in_place, next_urls
from crawler.extract.structured import StructuredUpdate


@dataclass
class Reading:
    """A page, and the endpoints it names that complete a pass (its publisher's own JSON, its
    embedded vendors' APIs): read by `endpoints.readers.read`."""

    page: Page
    endpoints: list[Endpoint] = field(default_factory=list)


def extract_page(
    body: bytes, url: str, encoding: str | None = None, fetched_at: str | None = None
) -> Page:
    """The blog record and updates of one fetched page; pure, so a saved page is a test.

    `fetched_at` (ISO 8601, UTC; None means now) is when the page was fetched: "2 hours ago"
    is read against it, a bare clock is placed on the page's day, and no update time may lie
    more than a day after it.
    """
    return extract_reading(body, url, encoding, fetched_at).page


_READ_IN_CHARS = 120  # of a pinned post's words sought in another reading's post


def _read_in(post: Update, updates: Sequence[Update]) -> bool:
    """Whether another reading has `post`: its title the same, its words within one's."""
    start = post.body_text[:_READ_IN_CHARS]
    return any(u.headline == post.headline and start in u.body_text for u in updates)


def _timeless_guest(name: str | None, html: list[Update], url: str) -> bool:
    """Whether an adapter read a page off its publisher's sites and found no time at all."""
    adapter = adapters.named(name)
    return (
        adapter is not None
        and bool(html)
        and not adapter.serves(host_of(url))
        and not any(u.published_at for u in html)
    )


def extract_reading(
    body: bytes, url: str, encoding: str | None = None, fetched_at: str | None = None
) -> Reading:
    """`extract_page`'s Page, with the endpoints the page names, from the same parse."""
    with _collector_paused():
        if _splits(url):
            return _read(body, url, encoding, fetched_at)
        # An address the URL parser refuses (`https://[bad/live/`, a host with a character
        # that folds to a "#"): the page is read at the same address with its brackets and
        # other characters escaped, and keeps the address it was given.
        escaped = quote(url, safe=_URL_MARKS)
        reading = _read(body, escaped if _splits(escaped) else "", encoding, fetched_at)
        reading.page.url = url
        return reading


# The marks an address keeps as they are when it is escaped for reading: all but its brackets.
_URL_MARKS = "!#$%&'()*+,/:;=?@~"


def _splits(url: str) -> bool:
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a page is read, only after.

    Extraction holds a page's element proxies and records alive together, and they are freed
    by their reference counts when it returns: the collector's passes in between find nothing
    to free and grow with the page (0.4x the parse on a page of 2,000 posts, none at 20).
    """
    if not gc.isenabled():  # paused by the caller: theirs to resume
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _read(body: bytes, url: str, encoding: str | None, fetched_at: str | None) -> Reading:
    fetched = parse_utc(fetched_at)
    if fetched is None or not _FETCH_YEARS[0] <= fetched.year <= _FETCH_YEARS[1]:
        fetched, fetched_at = now_utc(), None  # no time a fetch has: as if none were given
    body = unpacked(body)  # a page saved or served gzipped, with no header to say so
    if body[:64].lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        data = _json(body)
        if data is not None:  # a publisher's page data (the Guardian's `.json?dcr=true`)
            page = adapters.json_page(data, url) or Page(url=url)
            return Reading(_plausible(safe_page(page), fetched_at))
    root = parse(body, encoding)
    if root is None:
        return Reading(Page(url=url))
    reading, streams = _read_root(root, url, fetched, fetched_at, body)
    if not streams:
        return reading
    # A page whose <noscript>s hold a stream for readers without scripts (a list a script
    # hydrates or loads): read again as such a reader sees it. The first reading stripped them,
    # so the page is parsed again; its <noscript>s come in the same order.
    again = parse(body, encoding)
    if again is None:
        return reading
    for index, noscript in enumerate(again.iter("noscript")):
        if index in streams:
            noscript.tag = "div"
    opened, _ = _read_root(again, url, fetched, fetched_at, body)
    if not _holds_more(opened.page.updates, reading.page.updates):
        return reading
    # A post both shown and copied stands twice in the opened page, as a pinned copy does: it
    # is pinned as the page shows it (by its words too: the shown posts' ids may be places
    # that a longer list does not count so).
    pinned = {_post_key(u): u.pinned for u in reading.page.updates}
    pinned.update((_plain_key(u), u.pinned) for u in reading.page.updates)
    updates = [
        replace(u, pinned=pinned.get(_post_key(u), pinned.get(_plain_key(u), u.pinned)))
        for u in opened.page.updates
    ]
    return replace(opened, page=replace(opened.page, updates=updates))


def _holds_more(opened: list[Update], shown: list[Update]) -> bool:
    """Whether the reading with the <noscript>s opened holds every post the page shows and
    more, none twice (a copy of a shown post the merge did not fold is a post read twice, told
    by its id or, a copy often lacking the id, by its words, or its headline and time where
    its words were edited since)."""
    if len(opened) <= len(shown):
        return False
    ids = [u.source_id for u in opened if u.source_id]
    words = [_words_key(u) for u in opened]
    titled = [(u.headline, u.published_at) for u in opened if u.headline and u.published_at]
    id_set, word_set = set(ids), set(words)
    if len(id_set) < len(ids) or len(word_set) < len(words) or len(set(titled)) < len(titled):
        return False
    return all(u.source_id in id_set or _words_key(u) in word_set for u in shown)


def _post_key(update: Update) -> object:
    return update.source_id or _plain_key(update)


def _plain_key(update: Update) -> object:
    return (update.headline, update.published_at, update.body_text[:80])


def _words_key(update: Update) -> object:
    """A post's words, whatever its id or time; a post without words, its headline and time."""
    return update.body_text[:80] or (update.headline, update.published_at)


def _read_root(
    root: Element, url: str, fetched: datetime, fetched_at: str | None, body: bytes
) -> tuple[Reading, frozenset[int]]:
    """The page's reading, and which of its <noscript>s (their places in page order) may hold
    posts, looked at before the reading strips them."""
    # The survey (for the adapters, before html_updates strips the scripts) and the elements
    # that several readers look for, in one walk, before any step prunes the tree.
    survey, found = survey_gathering(root, GATHERED)
    # The older pages, before the clock: a page that links to one, or whose script loads
    # them, shows no blog from its start.
    older = next_urls(root, url, found)
    paged = bool(older) or loads_in_place(root, found)
    clock = page_clock(root, url, fetched, found, paged=paged)
    # A page whose bytes never say "itemprop" has no microdata: no need to scan its tree for
    # some. (A page in UTF-16 or UTF-32, NULs from its first characters on, cannot be told by
    # its bytes.)
    itemprop = b"\x00" in body[:1024] or b"itemprop" in body
    streams = _noscript_streams(found) if "noscript" in survey.tags else frozenset()
    with reading_times(clock):  # a time without a zone, shown or for machines, is the page's
        return _read_tree(root, url, fetched_at, clock, survey, found, itemprop, older), streams


# What a <noscript> holds to be read as a stream: this many blocks with words, and this many
# characters of words. A pixel, a tag manager's frame or an "enable JavaScript" notice holds less.
_NOSCRIPT_BLOCKS = 2
_NOSCRIPT_CHARS = 120
_NOSCRIPT_BLOCK_TAGS = ("p", "h2", "h3", "h4", "li", "article", "section")


def _noscript_streams(found: list[Element]) -> frozenset[int]:
    """The places, in page order, of the <noscript>s that hold several blocks of words."""
    streams = set()
    noscripts = [e for e in found if e.tag == "noscript"]
    for index, noscript in enumerate(noscripts):
        if len(walks.text(noscript).strip()) < _NOSCRIPT_CHARS:
            continue  # (most are a pixel or a notice: no walk inside)
        blocks = 0
        for block in noscript.iter(*_NOSCRIPT_BLOCK_TAGS):
            if (block.text or "").strip() or len(block):
                blocks += 1
                if blocks >= _NOSCRIPT_BLOCKS:
                    streams.add(index)
                    break
    return frozenset(streams)


def _read_tree(
    root: Element,
    url: str,
    fetched_at: str | None,
    clock: PageClock,
    survey: Survey,
    found: list[Element],
    itemprop: bool,
    older: list[str],
) -> Reading:
    # Read-only sources first: adapters prune the entries they read.
    ld = read_jsonld(root, url, found)
    md = read_microdata(root, url) if itemprop else Microdata()
    script_elements = [e for e in found if e.tag == "script"]
    state = read_page_state(script_elements)
    meta = page_meta(root)
    title = _title(root)
    heading = first_heading(root)
    site = meta.get("og:site_name")
    titles = [
        evidence.without_tagline(meta.get("og:title"), site, url),
        evidence.without_tagline(title, site, url),
        text_of(heading) if heading is not None else None,
    ]
    scripts = "\n".join(e.text or "" for e in script_elements)
    embedded = adapters.vendor_embeds(root, url, survey, scripts)
    named = unique(adapters.page_endpoints(root, url, survey, scripts) + from_embeds(embedded))
    signs = evidence.signs(url, titles, clock.languages, _badges(heading))
    said = ld.live or md.live or state.live or signs.address or signs.title or signs.badge
    name, html = adapters.html_updates(root, url, page=survey, said_live=said, scripts=scripts)
    rough = rough_times()  # (the adapter's posts dated by how long ago they show)
    edited: frozenset[int] = frozenset()
    structured = [ld.updates, md.updates, state.updates]
    live = ld.live or md.live or state.live or name is not None or bool(embedded) or bool(named)
    classes = (cls for attributes in survey.classes.values() for cls in attributes)
    stream = None
    if _timeless_guest(name, html, url):
        # A publisher's markup on another site (its class names copied), read without a
        # time: the generic reading stands in where it reads the posts with their times (a
        # pinned copy, which the generic reading folds into its post, aside, its title the
        # same and its words within the post's, a byline the adapter set apart among them; a
        # pinned post of its own, which it may miss, counts).
        stream = generic.extract(root, url, clock, classes)
        posts = sum(1 for u in html if not (u.pinned and _read_in(u, stream.updates)))
        if len(stream.updates) >= posts and any(u.published_at for u in stream.updates):
            name = None
    if name is None:
        stream = stream or generic.extract(root, url, clock, classes)
        rough, edited = stream.rough, stream.edited
        if any(structured):
            html = corroborated(stream.updates, structured)
        elif live or evidence.stream_is_live(stream, signs):
            html = stream.updates
            live = live or bool(html)
        else:
            html = []  # a stream, but nothing says it is a live blog's: comments, teasers
    if not html and not any(structured) and not (embedded or named) and name is None and said:
        # A page that says it is live and shows no post: its posts may stand only in its JSON
        # state, in a build's own shape.
        state_stream = read_state_stream(script_elements, root, url, fetched_at)
        if state_stream:
            structured.append(state_stream)
            live = True
    elif (
        html
        and said
        and not any(structured)
        and not (embedded or named)
        and _named_in(html, scripts)
    ):
        # A live page whose markup shows its newest posts while its state holds them all (in
        # its scripts: the markup's elements are not walked again for a component's state).
        state_stream = read_state_stream(script_elements, url=url, fetched_at=fetched_at)
        if len(state_stream) > len(html) and _holds(state_stream, html):
            structured.append(_spelled_as_shown(state_stream, html))
    adapter = adapters.named(name)
    if adapter is not None and adapter.older is not None:
        known = adapter.older(root, url)
        older = known + [u for u in older if u not in known]
    updates = [
        u
        for u in merge(html, structured, url, fetched_at, rough, edited)
        if u.headline or u.body_text or u.media or u.removed
    ]
    more = stated_more(root, found) if updates else None  # a live blog's load-more control
    page = Page(
        url=url,
        title=ld.title or md.title or meta.get("og:title") or title,
        publisher=ld.publisher or optional_text(meta.get("og:site_name")),
        coverage_start=ld.coverage_start or md.coverage_start,
        coverage_end=ld.coverage_end or md.coverage_end,
        updates=updates,
        next_urls=older,
        # An address or title that says live is evidence too, though no stream of posts
        # came with it: a blog not begun, a consent wall, or markup not read.
        live_blog=live or bool(updates) or signs.address or signs.title or signs.badge,
        canonical_url=canonical_link(root, url, found) or ld.url or md.url,
        updates_expected=len(html or updates) + more if more is not None else None,
    )
    return Reading(_plausible(safe_page(page), fetched_at), named)


# The years a fetch time may fall in: an earlier one is no time (the rule of the update
# times), a later one leaves no room for the days counted from it.
_FETCH_YEARS = (1990, 9000)


# The tags of the elements that the page clock, the JSON-LD reader, the older-page links and
# the load-more control look for. A walk of a big page costs as much as a tenth of its parse,
# however few elements it finds: each reader filtering the gathered list costs a fraction.
GATHERED = frozenset({"script", "time", "link", "a", "button", "noscript"})


def _plausible(page: Page, fetched_at: str | None) -> Page:
    """A time before 1990 or more than a day after the fetch is not a time (an epoch of 0, a
    misread number): the update keeps no time rather than a wrong one."""
    for update in page.updates:
        update.published_at = instant.plausible(update.published_at, fetched_at)
        update.modified_at = instant.plausible(update.modified_at, fetched_at)
    return page


def _named_in(shown: list[Update], scripts: str) -> bool:
    """Whether the page's scripts name a post its markup shows, by its id or its headline's
    opening words (a quick look before any state is read: an ordinary page's scripts name
    none of its posts)."""
    for update in shown[:_LOOKED_AT]:
        own = id_key(update.source_id) if update.source_id else ""
        if len(own) >= _SHORTEST_NAME and own in scripts:
            return True
        opening = (update.headline or "")[:_OPENING]
        if len(opening) >= _SHORTEST_NAME and _PLAIN.fullmatch(opening) and opening in scripts:
            return True
    return False


_LOOKED_AT = 5  # of the markup's posts
_SHORTEST_NAME = 4
_OPENING = 20  # characters of a headline, as a state's string holds them unescaped
_PLAIN = re.compile(r"[\w ,.:;!?-]+")


def _holds(readings: list[StructuredUpdate], shown: list[Update]) -> bool:
    """Whether a state's stream holds the posts the markup shows: at least half of them, by
    id, number or likeness (another blog's posts, or none of the page's, hold none)."""
    return len(pair(shown, readings)) * 2 >= len(shown)


def _spelled_as_shown(
    readings: list[StructuredUpdate], shown: list[Update]
) -> list[StructuredUpdate]:
    """A state's posts, those the markup does not show with their ids spelled as it spells
    those it shows ("post-1005" where the state says 1005): a post keeps one id as it leaves
    the markup for the state alone. Ids the markup spells in more than one way stay as the
    state spells them."""
    pairs = pair(shown, readings)
    before: set[str] = set()
    for i, j in pairs.items():
        own, theirs = shown[i].source_id, readings[j].source_id
        if own and theirs and own != theirs and own.endswith(theirs):
            before.add(own[: -len(theirs)])
        elif own and theirs:
            return readings
    if len(before) != 1:
        return readings
    prefix = before.pop()
    used = set(pairs.values())
    for j, reading in enumerate(readings):
        if j not in used and reading.source_id:
            reading.source_id = prefix + reading.source_id
    return readings


def corroborated(found: list[Update], structured: list[list[StructuredUpdate]]) -> list[Update]:
    """Generic finds that structured data confirms, by id, headline or the start of the body:
    never a stray block.

    With structured data present, the generic extractor only brings the full bodies and media
    of updates the publisher listed; a block it guessed wrong cannot become an update. A post
    without a headline or an id is known by its words.

    Publishers often list only their newest posts there (the last ten, the first page's).
    When the posts the stream shows confirm nearly everything listed, the stream is that list
    shown whole: its posts past the last confirmed one, older than every listed post, are
    taken too. An unconfirmed post among or above the confirmed ones still is not, unless the
    page pins it on top.
    """
    readings = [s for group in structured for s in group]
    ids = {id_key(s.source_id) for s in readings if s.source_id}
    # Post numbers that name one post on both sides (not a pinned copy's, nor a year's); a
    # post JSON-LD and microdata both list is one.
    spelt = {id_key(s.source_id): s.source_id for s in readings if s.source_id}
    numbers = _post_numbers(spelt.values()) & _post_numbers(u.source_id for u in found)
    headlines = {fold(s.headline) for s in readings if s.headline}
    bodies = {k for s in readings for k in body_keys(raw_text(s.article_body), s.headline)}
    # A titled post is known by its words too where structured data gives no title (one the
    # page lent every update is none): by the start of its body.
    untitled = {k for s in readings if not s.headline for k in body_keys(raw_text(s.article_body))}
    # A headline alone is known by its words: an untitled post's body that opens with it (as
    # its whole first paragraph, where it is too short for keys).
    titles = [s.headline or "" for s in readings if s.titled_only]
    bodies |= {k for title in titles for k in body_keys(title)}
    openings = {fold(title) for title in titles}
    confirmed: list[int] = []
    for index, update in enumerate(found):
        if update.source_id and (
            id_key(update.source_id) in ids or number_key(update.source_id) in numbers
        ):  # (the same post number, however each spells the rest: `post-…`, `liveblogPost…`)
            confirmed.append(index)
        elif (
            (update.headline and fold(update.headline) in headlines)
            or body_keys(update.body_text) & (untitled if update.headline else bodies)
            or (not update.headline and fold(update.body_text.partition("\n\n")[0]) in openings)
        ):
            if ids:  # the structured reading's id wins, where structured data gives ids
                update.source_id = update.permalink = None
            confirmed.append(index)
    kept = [found[index] for index in confirmed]
    listed = max((len(group) for group in structured), default=0)
    if len(kept) >= 2 and len(kept) >= _LISTED_SHARE * listed and _newest_first(kept):
        kept += found[confirmed[-1] + 1 :]
    if len(confirmed) >= 2:
        # A post the page pins above the confirmed ones (its markup says so) is one of them:
        # an old post, where structured data lists only the newest.
        kept[:0] = [u for u in found[: confirmed[0]] if u.pinned]
    return kept


def _post_numbers(source_ids: Iterable[str | None]) -> set[str]:
    """The post numbers of five digits or more that one id alone ends with (unique_numbers)."""
    return {n for n in unique_numbers(enumerate(source_ids)) if len(n) >= _POST_NUMBER}


_POST_NUMBER = 5  # digits of a post number at least (a year's four are none)
# Share of the structured data's posts that the stream must show before its older posts,
# which the structured data leaves out, are taken from the stream alone.
_LISTED_SHARE = 0.8


def _newest_first(updates: list[Update]) -> bool:
    """Whether the dated ones among these updates run from the newest down."""
    times = [u.published_at for u in updates if u.published_at]
    return len(times) >= 2 and times[0] > times[-1]


def page_meta(root: Element) -> dict[str, str]:
    """OpenGraph and named meta tags of the head, first value of each kept."""
    head = root.find("head")
    found: dict[str, str] = {}
    for meta in (head if head is not None else root).iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key and key not in found and meta.get("content"):
            found[key] = optional_text(meta.get("content")) or ""
    return {k: v for k, v in found.items() if v}


def _title(root: Element) -> str | None:
    title = root.find("head/title")
    return optional_text(title.text) if title is not None else None


def _json(body: bytes) -> Any | None:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


_BODY, _H1 = frozenset({"body"}), frozenset({"h1"})


def first_heading(root: Element) -> Element | None:
    """root.find(".//body//h1"), which walks the whole tree twice: an lxml iterator looks
    ahead for a second match. walks.first stops at the first body and its first <h1>, which
    the path finds first too; only a body without one leaves the rest to the path."""
    if root.tag != "body":
        body = walks.first(root, _BODY)
        heading = walks.first(body, _H1) if body is not None else None
        if heading is not None:
            return heading
    return root.find(".//body//h1")


def _badges(heading: Element | None) -> list[str]:
    """The words of the few small boxes beside the page's heading in its box, no link among
    them: a live page's badge ("LIVE"), where its title and address may say nothing."""
    parent = heading.getparent() if heading is not None else None
    if heading is None or parent is None:
        return []
    at = parent.index(heading)
    found = []
    for box in parent[max(at - _BADGE_REACH, 0) : at + _BADGE_REACH + 1]:
        if box is heading or not isinstance(box.tag, str) or box.tag in _NO_BADGE:
            continue
        inner = list(itertools.islice(box.iter(), _BADGE_BOXES + 1))
        if len(inner) <= _BADGE_BOXES and not any(e.tag in _NO_BADGE for e in inner):
            found.append(text_of(box))
    return found


_BADGE_REACH = 2  # boxes before and after the heading where its badge may stand
_BADGE_BOXES = 3  # elements a badge's box holds at most (`<div><span>LIVE</span></div>`)
_NO_BADGE = frozenset({"a", "button", "script", "style", "template"})


def canonical_link(
    root: Element, url: str, gathered: Sequence[Element] | None = None
) -> str | None:
    """The page's <link rel="canonical">, absolute, if it is an http(s) address.

    `gathered`: the page's elements of several tags in page order, all its <link> among
    them, gathered before entries were read: read instead of a walk of the tree, those that
    reading removed from it passed over (reading moves no element across another).
    """
    links = root.iter("link") if gathered is None else (e for e in gathered if e.tag == "link")
    for link in links:
        rel = link.get("rel")
        if rel and "canonical" in rel.lower().split():
            found = web_url(absolute(link.get("href"), url))
            if found and (gathered is None or in_tree(link, root)):
                return found
    return None
