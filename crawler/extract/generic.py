"""The generic extractor: a live blog nobody wrote an adapter for is still a list of posts.

Whatever the markup, a live blog repeats one kind of block, and each block carries a time
(a `<time datetime>`, a data attribute in epoch seconds or milliseconds, a visible "5:32 p.m.
ET, October 8, 2023") and text. The times are found first, in one pass over the body that
also notes the bylines; each time votes for the sibling groups it sits in; the group with the
most text-bearing timed members is the stream. Each member then gives its time, id, headline,
authors and body, the body read by the same walker as every adapter's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from lxml import etree

from archive.records import Update
from archive.times import to_utc
from crawler.extract import walks
from crawler.extract.clean import author_names, normalise_text
from crawler.extract.clock import PageClock, visible_time
from crawler.extract.dom import Element, raw_text, text_of, without_fragment
from crawler.extract.entries import html_update

# Short text nodes that may hold a clock ("20:51", "19.30", "5:32 p.m."): the regex decides.
# Read only when attributes gave no publication times: visible text is the last resort.
_CLOCK_TEXTS = etree.XPath(
    "//body//text()[string-length(.) < 120][contains(., ':') or contains(., '.')]"
)
_HAS_CLOCK = re.compile(r"\d[:.]\d\d")
# A post may be a picture or an embedded post and a few words.
_HAS_MEDIA = etree.XPath(
    "boolean(.//img | .//amp-img | .//video | .//iframe | .//blockquote | .//amp-twitter"
    " | .//*[@data-url or @data-embed-url])"
)
_MODIFIED_NAME = re.compile(r"updat|modif|edit", re.I)
_MODIFIED_CLASS = re.compile(r"updated|modified|edited|last-?mod", re.I)
_ZONED_ISO = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)$")
_NAIVE_ISO = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")
_ID_ATTR = re.compile(r"^data-(?:[a-z]+-)?id$")
_HEADLINE_CLASS = re.compile(r"title|headline|heading|ttl", re.I)
_AUTHOR_CLASS = re.compile(r"author|byline|contributor", re.I)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LINK_ATTRS = ("href", "data-url", "data-share-url", "data-href", "data-permalink")
# Ranks of time evidence, best first.
EPOCH, ZONED, META, VISIBLE, NAIVE, CLOCK = range(6)
_CLOCK_ONLY = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*$", re.I)
_MIN_TEXT = 30  # characters a member must say to be a post, not a timestamped link
_HEADLINE_BUDGET = 80  # elements looked at for a headline before the body starts
_HEADER_SLACK = 60  # text beside a time in the header that holds it (a byline, a label)


@dataclass(slots=True)
class _Time:
    element: Element
    value: str
    rank: int
    modified: bool
    text: str = ""


@dataclass
class _Marks:
    """What one pass over the page's body finds, in page order."""

    # Elements with an attribute whose name speaks of time ("datetime", "data-timestamp",
    # "data-date"; which of them hold a time is decided later), and <time> elements.
    timed: list[Element] = field(default_factory=list)
    metas: list[Element] = field(default_factory=list)  # <meta content> with a ':' in it
    bylines: list[Element] = field(default_factory=list)  # a class that may name a byline


def extract(root: Element, url: str, clock: PageClock | None = None) -> list[Update]:
    """The updates of the page's most repeated block that carries times and text."""
    marks = mark(root)
    times = find_times(marks)
    members = _stream(times) if times else []
    if not members or not all(_published(readings) for _, readings in members):
        times += visible_times(root, clock)
        members = _stream(times) if times else []
    if not members:
        return []
    bylines = _bylines(marks, {member for member, _ in members})
    updates = []
    ids: list[str | None] = []
    for member, found in members:
        update = _update(member, found, url, bylines.get(member, []))
        updates.append(update)
        ids.append(update.source_id)
    seen = [i for i in ids if i]
    if len(seen) != len(set(seen)):  # ids repeated across posts are layout, not identity
        for update in updates:
            update.source_id = update.permalink = None
    return updates


def mark(root: Element) -> _Marks:
    """The elements of the page's body that may carry times or bylines, in one pass."""
    timed, metas, bylines = walks.mark(root)
    return _Marks(timed, metas, bylines)


def find_times(marks: _Marks) -> list[_Time]:
    """Every time the page's markup states in attributes, with how sure each reading is."""
    found: list[_Time] = []
    read: dict[str, tuple[str, int] | None] = {}
    for element in marks.timed:
        before = len(found)
        for name, value in element.items():
            if name != "datetime" and not name.startswith("data-"):
                continue
            reading = _attribute_time(element, name, value, read)
            if reading is not None:
                found.append(reading)
        if len(found) == before and element.tag == "time":  # "21:22": header furniture
            found.append(_Time(element, "", CLOCK, False))
    for meta in marks.metas:
        value = meta.get("content", "").strip()
        if _ZONED_ISO.match(value):
            utc = to_utc(value)
            if utc:
                found.append(_Time(meta, utc, META, False))
    return found


def visible_times(root: Element, clock: PageClock | None = None) -> list[_Time]:
    """Times printed for people: "5:32 p.m. ET, October 8, 2023", "20:51 (IST)" by a date;
    with the page's clock, also a clock the fetch places ("gestern, 14:05 Uhr").

    A date and clock in the page's zone alone ("5. Mai 2024, 14:05") is not read here: on
    ordinary pages such times mark comments and event lists, which would pass for a stream.
    """
    found: list[_Time] = []
    for text in _CLOCK_TEXTS(root):
        if not _HAS_CLOCK.search(text):
            continue
        holder = text.getparent()
        if holder is None:
            continue
        if text.is_tail:
            holder = holder.getparent()
            if holder is None:
                continue
        if holder.tag == "time":
            continue  # read with the attributes (a clock-only <time> is furniture)
        outer = holder.getparent()
        context = raw_text(outer) if outer is not None else ""
        utc = visible_time(str(text), context[:300])
        if not utc and clock is not None:
            reading = clock.read(str(text))
            utc = reading.utc if reading is not None and reading.kind == "relative" else None
        if utc:
            found.append(_Time(holder, utc, VISIBLE, _modified_class(holder), str(text)))
        elif _CLOCK_ONLY.match(str(text)):  # "21:22": header furniture, not a time to keep
            found.append(_Time(holder, "", CLOCK, False, str(text)))
    return found


def _attribute_time(
    element: Element, name: str, value: str, read: dict[str, tuple[str, int] | None]
) -> _Time | None:
    """A reading of one attribute; `read` keeps the values this page already gave (a post's
    published and modified times are often one value)."""
    # A data attribute must speak of time; whether it is the last edit's, its name says.
    edited = None if name == "datetime" else _data_time_name(name)
    if edited is None and name != "datetime":
        return None
    value = value.strip()
    if len(value) < 10 or not value[0].isdigit():  # the least every form below takes
        return None
    if value in read:
        parsed = read[value]
    else:
        parsed = read[value] = _value_time(value)
    if parsed is None:
        return None
    modified = _modified_class(element) if edited is None else edited
    return _Time(element, parsed[0], parsed[1], modified)


def _value_time(value: str) -> tuple[str, int] | None:
    """(UTC, rank) of an attribute's value that states a time, or None."""
    if len(value) in (10, 13) and value.isdecimal():  # epoch seconds or milliseconds
        utc = to_utc(value)
        return (utc, EPOCH) if utc and "2000" <= utc <= "2100" else None
    if _ZONED_ISO.match(value):
        rank = ZONED
    elif _NAIVE_ISO.match(value):
        rank = NAIVE
    else:
        return None
    utc = to_utc(value)
    return (utc, rank) if utc else None


@lru_cache(maxsize=1024)
def _data_time_name(name: str) -> bool | None:
    """None for a data attribute that holds no time; else whether it is the last edit's."""
    lowered = name.lower()
    if not any(k in lowered for k in ("time", "date", "stamp", "updated", "published")):
        return None
    return bool(_MODIFIED_NAME.search(lowered[5:]))


def _modified_class(element: Element) -> bool:
    """A time whose element (or the two around it) is labelled as the last edit."""
    return any(cls and _is_modified_class(cls) for cls in walks.classes_up(element, 3))


@lru_cache(maxsize=4096)
def _is_modified_class(cls: str) -> bool:
    return _MODIFIED_CLASS.search(cls) is not None


def _stream(times: list[_Time]) -> list[tuple[Element, list[_Time]]]:
    """The members of the sibling group most of the times vote for, in page order."""
    by_element: dict[Element, list[_Time]] = defaultdict(list)
    for reading in times:
        by_element[reading.element].append(reading)
    # Each timed element votes for every (parent, tag) group on its way up. Above a node
    # another time has come through, the votes are the ones it gave: the climb stops there.
    voters = [e for e, readings in by_element.items() if any(r.rank != CLOCK for r in readings)]
    # The group with the most members that say enough to be posts wins; of two with as many,
    # the one with more text (counted only when it decides).
    best: list[Element] = []
    best_group: list[Element] = []
    best_text: int | None = 0
    for members in walks.sibling_groups(voters, 2):
        if len(members) < len(best):
            continue
        kept = [m for m in members if walks.text_length(m, _MIN_TEXT) >= _MIN_TEXT or _HAS_MEDIA(m)]
        if len(kept) < len(best):
            continue
        if len(kept) == len(best):
            text = sum(map(walks.text_length, members))
            if best_text is None:
                best_text = sum(map(walks.text_length, best_group))
            if text <= best_text:
                continue
            best_text = text
        else:
            best_text = None
        best, best_group = kept, members
    if len(best) < 2:
        return []
    result: dict[Element, list[_Time]] = {m: [] for m in best}
    for (_element, readings), owner in zip(
        by_element.items(), walks.owners(by_element, best), strict=True
    ):
        if owner is not None:
            result[owner].extend(readings)
    return [(m, r) for m, r in result.items() if any(t.rank != CLOCK for t in r)]


def _bylines(marks: _Marks, members: set[Element]) -> dict[Element, list[Element]]:
    """Byline elements of each member, among those the pass over the page noted."""
    found: dict[Element, list[Element]] = defaultdict(list)
    bylines = [e for e in marks.bylines if _is_author_class(e.get("class", ""))]
    for element, owner in zip(bylines, walks.owners(bylines, members), strict=True):
        if owner is not None and owner is not element:
            found[owner].append(element)
    return found


@lru_cache(maxsize=4096)
def _is_author_class(cls: str) -> bool:
    """Cached: a page repeats a handful of class strings on every post."""
    return _AUTHOR_CLASS.search(cls) is not None


def _update(member: Element, times: list[_Time], url: str, bylines: list[Element]) -> Update:
    published_readings: list[_Time] = []
    modified_readings: list[_Time] = []
    for reading in times:
        if reading.rank != CLOCK:
            (modified_readings if reading.modified else published_readings).append(reading)
    headline_el, headline = _headline(member, {t.element for t in times})
    # A header box may hold the time and a byline, but never the headline.
    stops: set[Element] = set()
    if headline_el is not None:
        for ancestor in headline_el.iterancestors():
            if ancestor is member:
                break
            stops.add(ancestor)
    skip: set[Element] = {_header_of(t.element, member, stops) for t in times}
    authors: list[str] = []
    if bylines:  # "contributor-name" inside "contributor" (beside a role): the name alone
        named = [e for e in bylines if "name" in e.get("class", "").lower()]
        name = text_of((named or bylines)[0])
        if name and len(name) <= 80:
            authors = author_names(name)
        skip.update(bylines)
    if headline_el is not None:
        skip.add(headline_el)
    return html_update(
        page_url=url,
        body=member,
        source_id=_member_id(member, url),
        headline=headline or None,
        skip=skip,
        published_at=_best(published_readings),
        modified_at=_best(modified_readings),
        authors=authors,
    )


def _published(readings: list[_Time]) -> bool:
    return any(not t.modified and t.rank != CLOCK for t in readings)


def _best(readings: list[_Time]) -> str | None:
    """The surest reading; of several page-data times (meta) the earliest is the publication."""
    if not readings:
        return None
    rank = min(t.rank for t in readings)
    values = [t.value for t in readings if t.rank == rank]
    return min(values) if rank == META else values[0]


def _header_of(element: Element, member: Element, stops: set[Element]) -> Element:
    """The largest box around a time that holds little else (a label, a byline): not body.

    `stops` are the boxes that hold the headline (those inside the member).
    """
    if element is member:
        return element
    own = -1
    node = element
    for parent in element.iterancestors():
        if parent is member or parent in stops:
            break
        if own < 0:
            own = walks.text_length(element)
        limit = own + _HEADER_SLACK
        if walks.text_length(parent, limit + 1) > limit:
            break
        node = parent
    return node


def _headline(member: Element, skip: set[Element]) -> tuple[Element | None, str]:
    """A heading (or a title-classed element) before the body's first paragraph, and its text.

    The text comes with it: reading it again would cost as much as finding it. The walk is
    walks.headline; what counts as a heading, a headline and text is decided here.
    """
    return walks.headline(
        member,
        skip,
        _HEADLINE_BUDGET,
        _HEADINGS,
        _is_headline_class,
        _own_headline_text,
        _has_text,
    )


def _has_text(element: Element) -> bool:
    return bool(normalise_text(raw_text(element)))


@lru_cache(maxsize=4096)
def _is_headline_class(cls: str) -> bool:
    return _HEADLINE_CLASS.search(cls) is not None


def _own_headline_text(element: Element) -> str:
    return text_of(element) if element.tag in _HEADINGS or len(element) < 8 else ""


def _member_id(member: Element, url: str) -> str | None:
    """The post's own id: the block's, a data-*-id, a heading's, or a link to it on this page."""
    node = member
    while True:  # through wrappers: `li > article#post_…`
        own = node.get("id")
        if own:
            return own
        for name, value in node.items():
            if _ID_ATTR.match(name) and value.strip():
                return value.strip()
        children = [c for c in node if isinstance(c.tag, str)]
        if len(children) != 1:
            break
        node = children[0]
    page_path = urlsplit(url).path
    for element in member.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _HEADINGS and element.get("id"):
            return element.get("id")
        for attr in _LINK_ATTRS:
            link = element.get(attr)
            if not link:
                continue
            if "#" not in link:
                segment = _sub_page(link, page_path)
                if segment:
                    return segment
                continue
            base, _, fragment = link.partition("#")
            if fragment and (not base or base.startswith("?") or _same_page(base, page_path)):
                return fragment
    return None


def _sub_page(link: str, page_path: str) -> str | None:
    """A post's own URL under the page's (CNN's `…/live-news/story/h_1a2b`): its last segment."""
    try:
        path = urlsplit(link).path.rstrip("/")
    except ValueError:
        return None
    head, _, segment = path.rpartition("/")
    return segment if segment and head == page_path.rstrip("/") else None


def _same_page(link: str, page_path: str) -> bool:
    try:
        path = urlsplit(without_fragment(link)).path
    except ValueError:
        return False
    return bool(path) and path.rstrip("/") == page_path.rstrip("/")
