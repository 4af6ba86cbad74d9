"""The instant a reader saw, where two readings of one post's time meet.

A page may show a post's time in words ("12.50 BST", "2h ago") and say it again for machines
(a `datetime` attribute, JSON-LD, microdata). The two often disagree: the machine time is a
creation time hours before the post went up, or a local time labelled as UTC. The archive
keeps what the reader saw (the README's "Times"):

1. the time the page shows for the post is the truth when there is one;
2. a machine time within a minute of it is used instead: it has the seconds;
3. any other machine time (whole hours apart, earlier, later) loses to the shown one;
4. without a shown time, the machine time is used;
5. a time before 1990, or more than a day after the page was fetched, is no time at all.

A machine time without a zone ("2024-07-18T11:48", "2023-11-08 23:30:59") is the publisher's
local time, as HTML defines a `datetime` without an offset, not UTC: `machine_time` reads one in the
zone of the page being read (`page_zone`), as the page's words are read.

`seen` is that rule, for a time read from the page's words and a machine time. `merged` is
the same rule where an HTML entry's time meets structured data's: the HTML time is the one
near what the page shows, except where the two are a zone's whole hours apart: an HTML
`datetime` attribute is where a local time is labelled UTC, and the structured time is right.

Times here are the archive's UTC strings, `YYYY-MM-DDTHH:MM:SSZ` (archive.times).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from typing import Literal

from archive.times import parse_utc, to_utc

# Two readings a minute apart or less are one time written twice.
MINUTE = 60
HOUR = 3600
DAY = 24 * HOUR
# Zone offsets run from -12 to +14 hours: a whole-hour gap beyond that is no mislabelled zone.
MAX_ZONE_HOURS = 14
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC).timestamp()
# How far past the fetch a page's clock may run (publishers' zones, clock skew).
MAX_AHEAD = DAY

Agreement = Literal["same", "hours", "apart"]


# The zone of the page being read (extract_page sets it): what a time without a zone is in.
_PAGE_ZONE: ContextVar[tzinfo | None] = ContextVar("page_zone", default=None)


@contextmanager
def page_zone(zone: tzinfo) -> Iterator[None]:
    """While this holds, `machine_time` reads a time without a zone as a local time of `zone`."""
    token = _PAGE_ZONE.set(zone)
    try:
        yield
    finally:
        _PAGE_ZONE.reset(token)


def reading_zone() -> tzinfo | None:
    """The zone of the page being read (None outside `page_zone`)."""
    return _PAGE_ZONE.get()


def machine_time(value: str | float | None) -> str | None:
    """A time the markup gives machines (ISO 8601, epoch, RFC 2822) as UTC; one without a
    zone in the page's zone (UTC outside `page_zone`)."""
    return to_utc(value, _PAGE_ZONE.get())


@lru_cache(maxsize=8192)
def seconds(value: str | None) -> float | None:
    """A UTC time string as epoch seconds; None when absent or unreadable."""
    moment = parse_utc(value)
    return None if moment is None else moment.timestamp()


def plausible(value: str | None, fetched_at: str | None = None) -> str | None:
    """The time, unless it is before 1990 or more than a day after the fetch (rule 5)."""
    moment = seconds(value)
    if moment is None or moment < EARLIEST:
        return None
    fetched = seconds(fetched_at)
    if fetched is not None and moment > fetched + MAX_AHEAD:
        return None
    return value


def agreement(first: str | None, second: str | None) -> Agreement | None:
    """How two readings of a time relate: the same minute, a zone's whole hours apart, or not.

    None when either is missing.
    """
    a, b = seconds(first), seconds(second)
    if a is None or b is None:
        return None
    gap = abs(a - b)
    if gap <= MINUTE:
        return "same"
    hours = round(gap / HOUR)
    if hours <= MAX_ZONE_HOURS and abs(gap - hours * HOUR) <= MINUTE:
        return "hours"
    return "apart"


def labelled_utc(shown: str, clock: tuple[int, int] | None, machine: str) -> bool:
    """Whether a machine time is the clock a page shows labelled UTC: 16:56Z where the page
    prints 16:56, which, read in the page's zone (`shown`), lies a zone's whole hours away."""
    return (
        shown[:13] != machine[:13]  # another hour, or no hours apart at all
        and clock is not None
        and clock == (int(machine[11:13]), int(machine[14:16]))
        and agreement(shown, machine) == "hours"
    )


def seen(shown: str | None, machine: str | None, fetched_at: str | None = None) -> str | None:
    """The instant a reader saw, from the shown time and a machine time of one post."""
    shown = plausible(shown, fetched_at)
    machine = plausible(machine, fetched_at)
    if shown is None:
        return machine
    if machine is not None and agreement(shown, machine) == "same":
        return machine
    return shown


def merged(
    html: str | None,
    structured: str | None,
    fetched_at: str | None = None,
    rough: bool = False,
    clock_alone: bool = False,
) -> str | None:
    """The instant a reader saw, from an HTML entry's time and structured data's for one post.

    `rough`: the HTML time is a relative one shown ("2h ago", read as the fetch less two
    hours), which says only the hour (the minute, the day) the post went up: a structured time
    within it is the instant. `clock_alone`: the HTML time is a clock shown with no date, put
    on a day (a day less a zone's hours from structured data's is that day guessed wrong; a
    date shown stands)."""
    html = plausible(html, fetched_at)
    structured = plausible(structured, fetched_at)
    if html is None:
        return structured
    if structured is not None and agreement(html, structured) in ("same", "hours"):
        return structured
    if clock_alone and structured is not None and _put_a_day_back(html, structured, fetched_at):
        return structured
    if structured is not None and rough and rounds_to(html, structured, fetched_at):
        return structured
    return html


def _put_a_day_back(html: str, structured: str, fetched_at: str | None) -> bool:
    """Whether a shown clock lies a day less a zone's whole hours before structured data's
    time, no later than the fetch: read in a zone guessed west of the page's, the clock fell
    after the fetch and was put on the day before ("12:56" BST read as UTC at 12:00Z)."""
    shown, exact = seconds(html), seconds(structured)
    fetched = seconds(fetched_at)
    if shown is None or exact is None or shown >= exact:
        return False
    if fetched is not None and exact > fetched + MINUTE:
        return False
    gap = exact - shown
    hours = round(gap / HOUR)
    return (
        DAY // HOUR - MAX_ZONE_HOURS <= hours <= DAY // HOUR and abs(gap - hours * HOUR) <= MINUTE
    )


def rounds_to(shown: str, structured: str, fetched_at: str | None) -> bool:
    """Whether a time shown as "N units ago" (the fetch less N units) may be a precise one
    (structured data's, a clock shown beside it): up to a unit earlier (a script that rounds
    down says "2 hours ago" for 2 h 59 min), or half a unit later (one that rounds says
    "4 hours ago" for 3 h 43 min)."""
    then, exact, fetched = seconds(shown), seconds(structured), seconds(fetched_at)
    if then is None or exact is None or fetched is None:
        return False
    ago = fetched - then
    unit = MINUTE if ago < HOUR else HOUR if ago < DAY else DAY
    return then - unit - MINUTE <= exact <= then + unit / 2 + MINUTE


def drawn_earlier(
    ago: str | None,
    shown: str | None,
    fetched_at: str | None,
    named: bool,
    stated: str | None = None,
) -> bool:
    """Whether a clock a post shows beside how long ago, before what that says, is the post's
    time on a page served from a cache, which says how long ago of when it was drawn (up to
    CACHED before its fetch): a clock in the publisher's zone is exact, how long ago rounded.
    A clock that names its zone is in it (`named`); one read in the zone guessed is where how
    long ago counts minutes and the two are no zone's hours or quarters apart: a zone guessed
    wrong moves a clock by those, which the hours of "2 hours ago" would hide. Nor is it where
    the page would have been drawn before the last time it states of itself (`stated`, its
    machine time: no zone's guess moves it): a clock read hours early in a zone guessed wrong,
    a cache's draw lag aside, would say as much."""
    then, exact, fetched = seconds(ago), seconds(shown), seconds(fetched_at)
    if then is None or exact is None or fetched is None:
        return False
    gap = then - exact
    if named:
        return -MINUTE <= gap <= CACHED
    if fetched - then >= HOUR or not 0 < gap <= CACHED:
        return False
    last = seconds(stated)
    if last is not None and exact + (fetched - then) + MINUTE < last:
        return False  # (drawn at the clock and how long ago: before the page's own time)
    return _ZONE_SLACK < gap % _ZONE_STEP < _ZONE_STEP - _ZONE_SLACK


# How long before its fetch a page served from a cache may have been drawn.
CACHED = 6 * HOUR
# Zones lie whole hours apart, or halves and quarters (India's, Nepal's); a clock and how long
# ago in minutes, both to the minute, are that and a minute or two apart.
_ZONE_STEP = 15 * MINUTE
_ZONE_SLACK = 2 * MINUTE


def edited(published: str | None, modified: str | None) -> str | None:
    """The modified time, unless it is over a minute before the post went up: no edit a
    reader saw (the Independent's `data-update-time` is its draft's)."""
    first, last = seconds(published), seconds(modified)
    if first is not None and last is not None and last < first - MINUTE:
        return None
    return modified
