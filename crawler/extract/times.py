"""Every time a page gives, as one UTC string, so that the archive compares like with like."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Epoch values above this are milliseconds: 1e11 seconds is the year 5138,
# 1e11 milliseconds is March 1973, older than any live blog.
_MS_THRESHOLD = 100_000_000_000
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
# Python 3.11's fromisoformat takes at most 6 fractional digits.
_LONG_FRACTION = re.compile(r"(\.\d{6})\d+")
# A time already written as UTC, to the second: its first 19 characters are the answer.
_UTC_SECONDS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[+-]00:00)")


def to_utc(value: str | float | None) -> str | None:
    """An ISO string with any offset, epoch seconds or milliseconds, as UTC; naive means UTC."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
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
    return format_utc(moment)


# A constant the compiler cannot read: it leaves the % to CPython's own (fast) formatting.
_UTC_FORMAT = "%04d-%02d-%02dT%02d:%02d:%02dZ"


def format_utc(moment: datetime) -> str | None:
    """ "YYYY-MM-DDTHH:MM:SSZ"; a naive datetime is taken to be UTC already."""
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


def _from_epoch(number: float) -> str | None:
    if abs(number) >= _MS_THRESHOLD:
        number /= 1000.0
    try:
        return format_utc(datetime.fromtimestamp(number, UTC))
    except (OverflowError, OSError, ValueError):
        return None


def _parse_loose(text: str) -> datetime | None:
    """Near-ISO forms fromisoformat refuses (long fractions), then RFC 2822."""
    cleaned = _LONG_FRACTION.sub(r"\1", text.replace(" ", "T", 1))
    try:
        return datetime.fromisoformat(cleaned)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


# Visible times: "5:32 p.m. ET, October 8, 2023", "20:51 (IST)" under "November 02 2023",
# "Fri 19 Feb 2021 19.30 GMT". A clock is only a time with a date and a zone to place it.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})\b", re.I)
_MONTH_DAY_YEAR = re.compile(
    r"\b" + _MONTH + r"\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b", re.I
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_CLOCK = re.compile(
    r"(?<![\d:.])(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*(?:m\b\.?)?(?![\d:])", re.I
)
# Zone abbreviations as the pages print them, to a zone (daylight saving follows the date)
# or a fixed offset in minutes.
ZONES: dict[str, str | int] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "BST": 60,
    "IST": 330,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "ET": "America/New_York",
    "EST": -300,
    "EDT": -240,
    "CT": "America/Chicago",
    "CST": -360,
    "CDT": -300,
    "MT": "America/Denver",
    "MST": -420,
    "MDT": -360,
    "PT": "America/Los_Angeles",
    "PST": -480,
    "PDT": -420,
    "AEST": 600,
    "AEDT": 660,
    "JST": 540,
    "SGT": 480,
    "HKT": 480,
}
_ZONE = re.compile(
    r"(?<![A-Za-z])("
    + "|".join(sorted((z for z in ZONES if z != "Z"), key=len, reverse=True))
    + r")(?![A-Za-z])(?:\s?([+-])(\d{1,2})(?::?(\d{2}))?\b)?|(?<![\w+-])([+-])(\d{2}):?(\d{2})\b"
)


def visible_time(text: str, context: str = "") -> str | None:
    """A clock time people read, placed by a zone and a date from its text or its context.

    None unless all three are found: a bare "14:32" could be any day in any zone.
    """
    clock = _CLOCK.search(text)
    if clock is None:
        return None
    zone = _zone(text[clock.end() :]) or _zone(text) or (_zone(context) if context else None)
    if zone is None:
        return None
    day = _date(text) or (_date(context) if context else None)
    if day is None:
        return None
    hour, minute = int(clock.group(1)), int(clock.group(2))
    second = int(clock.group(3) or 0)
    meridiem = (clock.group(4) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    try:
        local = datetime(day[0], day[1], day[2], hour, minute, second)
    except ValueError:
        return None
    return format_utc(local.replace(tzinfo=zone))


def _date(text: str) -> tuple[int, int, int] | None:
    for pattern, order in ((_ISO_DATE, "ymd"), (_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        match = pattern.search(text)
        if match is None:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = parts["m"]
        number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
        if number:
            return int(parts["y"]), number, int(parts["d"])
    return None


def _zone(text: str) -> tzinfo | None:
    match = _ZONE.search(text)
    if match is None:
        return None
    name, sign, hours, minutes = match.group(1), match.group(2), match.group(3), match.group(4)
    if name and not sign:
        zone = ZONES[name]
        if isinstance(zone, str):
            try:
                return ZoneInfo(zone)
            except (ZoneInfoNotFoundError, ValueError):
                return None
        return timezone(timedelta(minutes=zone))
    if not name:
        sign, hours, minutes = match.group(5), match.group(6), match.group(7)
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    try:
        return timezone(-offset if sign == "-" else offset)
    except ValueError:
        return None
