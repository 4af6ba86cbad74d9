"""The archive's times: every machine-readable time read as an instant and written as UTC.

The archive stores ISO 8601 in UTC, `YYYY-MM-DDTHH:MM:SSZ` for what a page says and with
microseconds for when the crawler did something. Extraction, the store, the watchlist,
snapshots, export and the Datasette plugin all read and write times through here, so they
compare like with like. Times written for people on a page ("5:32 p.m. ET") are read by
crawler.extract.clock, which hands its result to format_utc.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from email.utils import parsedate_to_datetime

# Epoch values above this are milliseconds: 1e11 seconds is the year 5138,
# 1e11 milliseconds is March 1973, older than any live blog.
_MS_THRESHOLD = 100_000_000_000
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
# Python 3.11's fromisoformat takes at most 6 fractional digits.
_LONG_FRACTION = re.compile(r"(\.\d{6})\d+")
# JavaScript's Date.toString(), which pages put in `datetime` attributes: "Tue Oct 01 2024
# 19:19:49 GMT-0400 (Eastern Daylight Time)". RFC 2822's reader takes its "GMT" and drops the
# offset after it.
JS_DATE = re.compile(
    r"[A-Z][a-z]{2} (?P<mon>[A-Z][a-z]{2}) (?P<day>\d\d?) (?P<year>\d{4}) "
    r"(?P<time>\d\d:\d\d:\d\d) GMT(?P<offset>[+-]\d\d:?\d\d)\b"
)
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
# A time already written as UTC, to the second: its first 19 characters are the answer.
_UTC_SECONDS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[+-]00:00)")
# A constant the compiler cannot read: it leaves the % to CPython's own (fast) formatting.
_UTC_FORMAT = "%04d-%02d-%02dT%02d:%02d:%02dZ"


def now_utc() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)


def utc_stamp(moment: datetime | None = None) -> str:
    """When something happened, to the microsecond: `YYYY-MM-DDTHH:MM:SS.ffffffZ`."""
    return (moment or now_utc()).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def format_utc(moment: datetime) -> str | None:
    """`YYYY-MM-DDTHH:MM:SSZ`; a naive datetime is taken to be UTC already."""
    try:
        if moment.tzinfo is not None and moment.tzinfo is not UTC:
            moment = moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    # What isoformat()[:19] writes, in half its time (and half an f-string's).
    return _UTC_FORMAT % (
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
    )


def parse_utc(value: str | None) -> datetime | None:
    """An ISO 8601 time as an aware instant (naive means UTC); None when absent or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def edited_at(published: str | None, modified: str | None) -> str | None:
    """A post's modified time, unless it is its publication time: a post never edited often
    carries its publication time as its last update, and that is no edit."""
    return modified if modified != published else None


def seconds_between(start: str | None, end: str | None) -> float:
    """How long from one archive time to another, in seconds; 0 when either is unreadable."""
    first, last = parse_utc(start), parse_utc(end)
    if first is None or last is None:
        return 0.0
    return (last - first).total_seconds()


def to_utc(value: str | float | None, zone: tzinfo | None = None) -> str | None:
    """Any time a source gives: ISO 8601 with any offset, epoch seconds or milliseconds,
    or an RFC 2822 date, as `YYYY-MM-DDTHH:MM:SSZ`. A time without an offset
    ("2024-07-18T11:48") is a local time of `zone`; UTC when no zone is given."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return _from_epoch(float(value))
        except OverflowError:  # an int past any float: no time
            return None
    if not isinstance(value, str):  # what a source's JSON holds instead: an object, a list
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        return _from_epoch(float(text))
    try:
        moment = datetime.fromisoformat(text)  # the common case, and the fastest
    except ValueError:
        if _NUMBER.match(text):
            return _from_epoch(float(text))
        loose = _parse_loose(text)
        if loose is None:
            return None
        moment = loose
    if _UTC_SECONDS.fullmatch(text):  # valid, as fromisoformat just said
        return text[:19] + "Z"
    if zone is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return format_utc(moment)


def _from_epoch(number: float) -> str | None:
    if abs(number) >= _MS_THRESHOLD:
        number /= 1000.0
    try:
        return format_utc(datetime.fromtimestamp(number, UTC))
    except (OverflowError, OSError, ValueError):
        return None


def _parse_loose(text: str) -> datetime | None:
    """Near-ISO forms fromisoformat refuses (long fractions), JavaScript's Date.toString(),
    then RFC 2822."""
    cleaned = _LONG_FRACTION.sub(r"\1", text.replace(" ", "T", 1))
    try:
        return datetime.fromisoformat(cleaned)
    except ValueError:
        pass
    js = JS_DATE.match(text)
    month = _MONTHS.get(js.group("mon")) if js else None
    if js is not None and month is not None:
        stamp = f"{js.group('year')}-{month:02d}-{int(js.group('day')):02d}T{js.group('time')}"
        try:
            return datetime.fromisoformat(stamp + js.group("offset"))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def parse_http_date(text: str) -> datetime | None:
    """An HTTP-date (RFC 9110: `Wed, 21 Oct 2015 07:28:00 GMT`) as an aware instant."""
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def is_newer(candidate: str | None, than: str | None) -> bool:
    """Whether a time is strictly later; an unknown time is never newer, and beats nothing."""
    a, b = parse_utc(candidate), parse_utc(than)
    if a is None:
        return False
    if b is None:
        return True
    return a > b


def same_instant(a: str, b: str) -> bool:
    """Two spellings of one instant; unreadable ones only when they are the same text."""
    pa, pb = parse_utc(a), parse_utc(b)
    if pa is None or pb is None:
        return a == b
    return pa == pb
