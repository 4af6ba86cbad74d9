"""Times written for people on a page: a clock placed by a zone and a date near it.

"5:32 p.m. ET, October 8, 2023", "20:51 (IST)" under "November 02 2023", "Fri 19 Feb 2021
19.30 GMT". Machine times (ISO 8601, epochs) are archive.times' job; this module reads the
words and hands the instant to archive.times.format_utc.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from archive.times import format_utc

# A clock is only a time with a date and a zone to place it.
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
