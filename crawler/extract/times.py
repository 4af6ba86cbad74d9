"""Every time a page gives, as one UTC string, so that the archive compares like with like."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# Epoch values above this are milliseconds: 1e11 seconds is the year 5138,
# 1e11 milliseconds is March 1973, older than any live blog.
_MS_THRESHOLD = 100_000_000_000
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
# Python 3.11's fromisoformat takes at most 6 fractional digits.
_LONG_FRACTION = re.compile(r"(\.\d{6})\d+")


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
    return format_utc(moment)


def format_utc(moment: datetime) -> str | None:
    """"YYYY-MM-DDTHH:MM:SSZ"; a naive datetime is taken to be UTC already."""
    try:
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC)
        return moment.isoformat(timespec="seconds")[:19] + "Z"
    except (OverflowError, ValueError):
        return None


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
