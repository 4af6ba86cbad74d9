"""Automattic's Liveblog plugin for WordPress (WordPress VIP): four markups and one JSON API.

The plugin's own code (Automattic/liveblog) documents each:
- Up to 1.8 the server renders every entry (`templates/liveblog-loop.php`,
  `templates/liveblog-single-entry.php`): `div#liveblog-entries` holds
  `div#liveblog-entry-<id>.liveblog-entry[data-timestamp]` with `header.liveblog-meta`
  (`.liveblog-author-name`, `.liveblog-meta-time` linking to the entry, its date and clock in
  two spans) and `div.liveblog-entry-text`. Entries are stored as WordPress comments, so their
  classes say `byuser even depth-1` as a comment thread's do: read here, they are posts.
  An edit is a new comment replacing the entry: `data-timestamp` is the latest version's
  time, while the date and clock shown are the first version's, in the site's zone, which
  the markup does not name. The entries never edited tell it (their clock and their
  timestamp differ by the zone's offset); an entry whose clock, put back by that offset, is
  earlier than its timestamp was edited, and was published when its clock says.
- From 1.9 the page holds only `div#wpcom-liveblog-container` and the settings its script
  is given (`var liveblog_settings = {…}`: `endpoint_url`, `latest_entry_id`,
  `latest_entry_timestamp`); the browser asks `<endpoint_url>get-entries/<page>/<id>-<time>`
  (`src/react/services/api.js`) and draws `article#id_<id>.liveblog-entry` (`is-key-event`,
  `.liveblog-meta-author-name`, `h2.liveblog-entry-header`, `.liveblog-entry-content`;
  `src/react/containers/EntryContainer.js`). `endpoints` names that request; a rendered page
  (`--render`) is read as the server-rendered ones are, but for its times: a drawn entry shows
  only how long ago and a clock (`a.liveblog-meta-time > span + span`, `src/react/utils`),
  read in the site's zone the settings name (`timezone_string`, `utc_offset`: the plugin's
  `wp_localize_script`) and placed from the day of `latest_entry_timestamp`.
- The newest server-rendered cards (`templates/entries-list.php`, `templates/entry.php`):
  `article#liveblog-entry-<id>.liveblog-entry-card[data-entry-id][data-timestamp]` with a
  `time[datetime]`, `.liveblog-card-author`, the entry's featured image in
  `.liveblog-card-featured` above `.liveblog-entry-content` (a picture of the entry, outside
  its words), and, for an entry broken out into a post of its own, that post's "Read more"
  link in `footer.liveblog-card-footer` (no word of the entry).
- The AMP page (`templates/amp/feed.php`, `entry.php`, `pagination.php`;
  `classes/class-wpcom-liveblog-amp.php`): `amp-live-list#amp-live-list-insert-blog` items
  `div.liveblog-entry#post<latest version's time>[data-sort-time=<first version's time>]`
  (epoch seconds; the item's id changes with every edit, so it is no identity), the entry's
  number in its share address (`amp-social-share[data-param-url]`, `?liveblog_id=<id>`),
  `.liveblog-meta-author-name`, `.liveblog-entry-content`; older entries on the page the
  pagination's "Next" links (`?liveblog_page=<n>&liveblog_last=…`).

Every markup and the API name an entry by the same number; its source id here is the anchor
the plugin's server gives it, `liveblog-entry-<id>` (the permalink's fragment), whichever
markup or answer it came from.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone, tzinfo
from urllib.parse import urljoin

from lxml import etree

from archive.records import TIME_CLOCK, Update
from archive.times import edited_at, format_utc, parse_utc
from crawler.extract.adapters.survey import Survey
from crawler.extract.clean import author_names
from crawler.extract.clock import PageClock, visible_time, zone_named
from crawler.extract.dom import HEADINGS, Element, absolute, fragment_of, scripts_saying, text_of
from crawler.extract.endpoints import WP_LIVEBLOG, Endpoint, unique
from crawler.extract.endpoints.wordpress import entry_id
from crawler.extract.entries import html_update
from crawler.extract.instant import machine_time, plausible
from crawler.extract.media import image_media

DOMAINS: tuple[str, ...] = ()
_AMP_LIST = "amp-live-list-insert-blog"
MARKS = ("liveblog_settings",)
# The API's paged entries, newest first, from the newest entry the page knew.
API = "{base}get-entries/1/{entry}-{timestamp}"

_CONTAINERS = frozenset({"liveblog-entries", "wpcom-liveblog-container", _AMP_LIST})
# An entry: the plugin's class, or its id or data attribute where a theme renamed the classes.
_ENTRY = (
    "contains(concat(' ', normalize-space(@class), ' '), ' liveblog-entry ')"
    " or @data-entry-id or starts-with(@id, 'liveblog-entry-')"
)
_WITHIN = f"//*[@id='liveblog-entries' or @id='wpcom-liveblog-container' or @id='{_AMP_LIST}']"
_ENTRIES = etree.XPath(f"{_WITHIN}//*[{_ENTRY}]")
_DETECT = etree.XPath(f"boolean({_WITHIN}//*[{_ENTRY}])")
_OLDER = etree.XPath(
    f"//*[@id='{_AMP_LIST}']//a[contains(@class, 'liveblog-pagination-next') and @title='Next']"
)
_SHARED_ID = re.compile(r"[?&]liveblog_id=(\d+)")
_ENTRY_ID = re.compile(r"^(?:liveblog-entry-|id_)(\d+)$")
_AMP_ITEM = re.compile(r"^post(\d+)$")
_SETTINGS = re.compile(r"\bliveblog_settings\s*=\s*(\{.*?\})\s*;", re.S)
# Each part of an entry, by the class names the four markups give it.
_BODY = ("liveblog-entry-text", "liveblog-entry-content")
_AUTHOR = ("liveblog-author-name", "liveblog-meta-author-name", "liveblog-card-author")
_HEADLINE = ("liveblog-entry-header",)
_TIME = ("liveblog-meta-time",)
# The card's featured image (its entry's post thumbnail), drawn above the entry's words.
_FEATURED = ("liveblog-card-featured",)
_KEY_EVENT = ("type-key", "is-key-event")
_MINUTE = 60
_QUARTER_HOUR = 900


def present(page: Survey) -> bool:
    """Whether the page could hold the plugin's entries or its container."""
    return bool(page.ids & _CONTAINERS)


def detect(root: Element) -> bool:
    """Whether the page holds the plugin's entries (drawn by its server or by a browser)."""
    return bool(_DETECT(root))


def extract(root: Element, url: str, scripts: str | None = None) -> list[Update]:
    """Every entry, in page order (newest first, as the plugin shows them); `scripts`, the
    text of the page's scripts where they are gone from the tree (read from it otherwise)."""
    found = _ENTRIES(root)
    within = set(found)
    entries = [e for e in found if not any(p in within for p in e.iterancestors())]
    read = [_entry(entry, url) for entry in entries]
    updates = [update for update, _, _ in read]
    _first_versions(updates, [shown for _, shown, _ in read])
    if any(update.published_at is None and words for update, _, words in read):
        if scripts is None:
            scripts = "\n".join(scripts_saying(root, "liveblog_settings"))
        settings = next(_settings(scripts), {})
        _drawn_times(settings, [(update, words) for update, _, words in read])
    return updates


def _drawn_times(settings: dict[str, object], read: list[tuple[Update, list[str]]]) -> None:
    """The times of entries the plugin's script drew, which show only how long ago and a
    clock ("2 minutes ago", "6:48 pm": `EntryContainer.js`, no `<time>`, no timestamp): each
    clock in the site's zone the settings name (`timezone_string`, else `utc_offset`), placed
    down the stream from the day of the newest entry the settings know
    (`latest_entry_timestamp`); those drawn since, the browser polling, are on it too."""
    zone = _site_zone(settings)
    newest = plausible(machine_time(str(settings.get("latest_entry_timestamp") or "")))
    moment = parse_utc(newest)
    if zone is None or moment is None:
        return
    try:  # (the day's cutoff a day on: the fetch, later than the entries drawn, is not known)
        clock = PageClock(moment + timedelta(days=1), zone, moment.astimezone(zone).date(), ())
    except OverflowError:  # (a time at the calendar's end)
        return
    shown: list[tuple[int, int] | None] = []
    for update, words in read:
        readings = (clock.read(text) for text in words) if update.published_at is None else ()
        found = next((r for r in readings if r is not None and r.kind in ("full", "clock")), None)
        if found is not None and found.kind == "full":  # a date format with the day in it
            update.published_at = found.utc
        shown.append(found.clock if found is not None and found.kind == "clock" else None)
    for (update, _), utc in zip(read, clock.place_clocks(shown), strict=True):
        if update.published_at is None and utc is not None:
            update.published_at, update.published_from = utc, TIME_CLOCK


def _settings(scripts: str) -> Iterator[dict[str, object]]:
    """Each set of settings the page gives the plugin's script (`var liveblog_settings = {…}`)."""
    for match in _SETTINGS.finditer(scripts):
        try:
            settings = json.loads(match.group(1))
        except ValueError:
            continue
        if isinstance(settings, dict):
            yield settings


def _site_zone(settings: dict[str, object]) -> tzinfo | None:
    """The site's zone its settings name: `timezone_string` (WordPress's `wp_timezone_string`,
    a zone's name or an offset), else `utc_offset` (its `gmt_offset` in minutes; in hours
    where it is that small)."""
    name = settings.get("timezone_string")
    if isinstance(name, str) and (zone := zone_named(name)) is not None:
        return zone
    offset = settings.get("utc_offset")
    if isinstance(offset, bool) or not isinstance(offset, (int, float, str)):
        return None
    try:
        minutes = float(offset)
    except ValueError:
        return None
    if not math.isfinite(minutes):
        return None
    if abs(minutes) <= _MOST_HOURS:
        minutes *= 60
    try:
        return timezone(timedelta(minutes=minutes))
    except (ValueError, OverflowError):
        return None


_MOST_HOURS = 14  # a zone's offset from UTC, in hours, at most


def endpoints(root: Element, url: str) -> list[Endpoint]:
    """The paged entries of each liveblog whose settings the page's scripts hold."""
    found = []
    for text in scripts_saying(root, "liveblog_settings"):
        for settings in _settings(text):
            endpoint = _api(settings, url)
            if endpoint is not None:
                found.append(endpoint)
    return unique(found)


def _api(settings: dict[str, object], url: str) -> Endpoint | None:
    base, entry = settings.get("endpoint_url"), settings.get("latest_entry_id")
    if not isinstance(base, str) or not base.strip() or entry in (None, "", 0, "0"):
        return None
    timestamp = settings.get("latest_entry_timestamp") or 0
    base = urljoin(url, base.strip())
    base = base if base.endswith(("/", "=")) else base + "/"
    return Endpoint(API.format(base=base, entry=entry, timestamp=timestamp), WP_LIVEBLOG)


def _entry(entry: Element, url: str) -> tuple[Update, datetime | None, list[str]]:
    """The entry's update, the date and clock it shows read as if UTC (their zone is not
    named: _first_versions finds it), and the texts of the link that shows them."""
    parts: dict[tuple[str, ...], Element] = {}
    stamp: Element | None = None
    own_link = "#" + (entry.get("id") or "\x00")
    for element in entry.iterdescendants():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "time" and stamp is None and element.get("datetime"):
            stamp = element
        # The link to the entry itself holds its date and clock, whatever its class says.
        if element.tag == "a" and _TIME not in parts and element.get("href", "").endswith(own_link):
            parts[_TIME] = element
        classes = (element.get("class") or "").split()
        for names in (_BODY, _AUTHOR, _HEADLINE, _TIME, _FEATURED):
            if names not in parts and any(name in classes for name in names):
                parts[names] = element
    shown = parts.get(_TIME)
    latest = machine_time(entry.get("data-timestamp"))
    if stamp is not None:
        latest = machine_time(stamp.get("datetime")) or latest
    number = entry.get("data-entry-id") or _number(entry.get("id"))
    link = shown if shown is None or shown.tag == "a" else next(shown.iter("a"), None)
    permalink = absolute(link.get("href"), url) if link is not None else None
    first = None
    if entry.get("data-sort-time"):  # the AMP page's item: its first and latest versions
        item = _AMP_ITEM.match(entry.get("id") or "")
        first, latest = (
            machine_time(entry.get("data-sort-time")),
            machine_time(item[1] if item else None),
        )
        shared = _shared(entry)
        if shared is not None:
            permalink, number = absolute(shared[0], url), number or shared[1]
    elif not fragment_of(permalink):
        permalink = None
    body = parts.get(_BODY)
    skip = [shown] if shown is not None else []
    if body is None:  # a theme's own classes: the entry, but for its header
        body = entry
        skip += list(entry.iterdescendants("header"))
        header = _header_box(shown, entry) if shown is not None else None
        if header is not None:
            skip.append(header)
    classes = (entry.get("class") or "").split()
    # The plugin's commands left in the words (`/key` becomes `span.liveblog-command.type-key`):
    # a flag, not text.
    commands = [
        span
        for span in body.iterdescendants("span")
        if "liveblog-command" in (span.get("class") or "")
    ]
    skip += commands
    classes += [name for span in commands for name in (span.get("class") or "").split()]
    heading = parts.get(_HEADLINE)
    if heading is None and parts.get(_BODY) is not None:
        heading = _opening_heading(body)
        if heading is not None:
            skip.append(heading)
    update = html_update(
        page_url=url,
        body=body,
        source_id=entry_id(number),
        headline=text_of(heading) or None,
        skip=skip,
        published_at=first or latest,
        modified_at=edited_at(first, latest) if first else None,
        authors=author_names([text_of(a) for a in _authors(entry, parts.get(_AUTHOR))]),
        permalink=permalink,
        key_event=any(name in classes for name in _KEY_EVENT),
    )
    featured = parts.get(_FEATURED)
    picture = image_media(featured, url) if featured is not None else None
    if picture is not None and picture["url"] not in {m.get("url") for m in update.media}:
        update.media.insert(0, picture)
    texts = [t.strip() for t in shown.itertext() if t.strip()] if shown is not None else []
    words = " ".join(texts)
    return update, parse_utc(visible_time(words, "UTC")) if words else None, texts


def _opening_heading(body: Element) -> Element | None:
    """The heading an entry's words open with (a block editor's `h2.wp-block-heading`), with
    more after it: the entry's title, which the plugin has no field for."""
    first = next(body.iterchildren(etree.Element), None)
    if first is None or first.tag not in HEADINGS or (body.text or "").strip():
        return None
    if first.getnext() is None and not (first.tail or "").strip():
        return None  # a heading alone is the entry's words
    return first if text_of(first) else None


def _header_box(shown: Element, entry: Element) -> Element | None:
    """The entry's box that holds the link to the entry and little else (the author's name and
    picture, the date): a theme's header that is no `<header>`, and no part of the body."""
    box = shown
    while (parent := box.getparent()) is not None and parent is not entry:
        box = parent
    if parent is None or box is shown:
        return None
    return box if len(text_of(box)) <= len(text_of(shown)) + _HEADER_SLACK else None


_HEADER_SLACK = 60  # characters beside the link in its box: a name, a label; not the post's


def _first_versions(updates: list[Update], shown: list[datetime | None]) -> None:
    """Each edited entry's first version's time, from the clock it shows and the site's offset
    that the entries never edited give (most of them agree on one, to the minute)."""
    offsets = Counter(
        offset
        for update, moment in zip(updates, shown, strict=True)
        if (offset := _zone_offset(moment, update.published_at)) is not None
    )
    if not offsets:
        return
    offset, agreeing = offsets.most_common(1)[0]
    if agreeing * 2 <= len(updates) or agreeing < 2:
        return
    for update, moment in zip(updates, shown, strict=True):
        latest = parse_utc(update.published_at)
        if moment is None or latest is None:
            continue
        first = moment - timedelta(seconds=offset)
        earlier = (latest - first).total_seconds()
        if earlier > 2 * _MINUTE and _zone_offset(moment, update.published_at) is None:
            update.modified_at = update.published_at
            update.published_at = format_utc(first)


def _zone_offset(shown: datetime | None, stamp: str | None) -> int | None:
    """The offset, in seconds, between a clock shown and the instant it shows, when the two
    are the same minute in some zone (zones are whole quarter hours from UTC)."""
    moment = parse_utc(stamp)
    if shown is None or moment is None:
        return None
    difference = (shown - moment.replace(second=0)).total_seconds()
    quarters = round(difference / _QUARTER_HOUR)
    if difference != quarters * _QUARTER_HOUR or abs(quarters) > 14 * 4:
        return None
    return quarters * _QUARTER_HOUR


def _authors(entry: Element, first: Element | None) -> list[Element]:
    """Every author the entry names (the browser's markup lists contributors after the first)."""
    if first is None:
        return []
    names = [
        e
        for e in entry.iterdescendants()
        if isinstance(e.tag, str) and set((e.get("class") or "").split()) & set(_AUTHOR)
    ]
    return names or [first]


def older(root: Element, url: str) -> list[str]:
    """The AMP page's older entries: its pagination's "Next" page."""
    links = [absolute(a.get("href"), url) for a in _OLDER(root)]
    return [link for link in links if link][:1]


def _shared(entry: Element) -> tuple[str, str] | None:
    """The address an entry's share buttons share (the AMP page's), and its number in it."""
    for element in entry.iter("amp-social-share"):
        address = element.get("data-param-url") or ""
        match = _SHARED_ID.search(address)
        if match:
            return address, match.group(1)
    return None


def _number(value: str | None) -> str | None:
    match = _ENTRY_ID.match(value or "")
    return match.group(1) if match else None
