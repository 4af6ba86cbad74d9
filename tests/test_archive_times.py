"""archive.times: every machine time read as an instant, every archive time written in UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from archive.times import (
    format_utc,
    is_newer,
    parse_http_date,
    parse_utc,
    same_instant,
    seconds_between,
    to_utc,
    utc_stamp,
)

PARIS_SUMMER = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-10-24T09:30:00Z", datetime(2016, 10, 24, 9, 30, tzinfo=UTC)),
        ("2016-10-24T11:30:00+02:00", datetime(2016, 10, 24, 9, 30, tzinfo=UTC)),
        ("2016-10-24T09:30:00.250000Z", datetime(2016, 10, 24, 9, 30, 0, 250000, tzinfo=UTC)),
        (" 2016-10-24 09:30 ", datetime(2016, 10, 24, 9, 30, tzinfo=UTC)),  # naive is UTC
        ("2016-10-24", datetime(2016, 10, 24, tzinfo=UTC)),
        ("", None),
        (None, None),
        ("yesterday", None),
        ("2016-02-30T10:00:00Z", None),
    ],
)
def test_parse_utc(value: str | None, expected: datetime | None) -> None:
    assert parse_utc(value) == expected
    moment = parse_utc(value)
    assert moment is None or moment.tzinfo is not None


def test_written_times_are_utc_to_the_second_or_to_the_microsecond() -> None:
    moment = datetime(2016, 10, 24, 11, 30, 5, 123456, tzinfo=PARIS_SUMMER)
    assert format_utc(moment) == "2016-10-24T09:30:05Z"
    assert format_utc(moment.replace(tzinfo=None)) == "2016-10-24T11:30:05Z"
    assert utc_stamp(moment) == "2016-10-24T09:30:05.123456Z"
    assert parse_utc(utc_stamp(moment)) == moment
    now = parse_utc(utc_stamp())
    assert now is not None and abs((datetime.now(UTC) - now).total_seconds()) < 60


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-10-24T11:30:00+02:00", "2016-10-24T09:30:00Z"),
        (1477301400, "2016-10-24T09:30:00Z"),
        ("1477301400000", "2016-10-24T09:30:00Z"),  # milliseconds
        ("Mon, 24 Oct 2016 09:30:00 GMT", "2016-10-24T09:30:00Z"),
        ("2016-10-24T09:30:00.123456789Z", "2016-10-24T09:30:00Z"),
        # JavaScript's Date.toString(), as pages write it into `datetime` (Fox News, 2024).
        ("Tue Oct 01 2024 19:19:49 GMT-0400 (Eastern Daylight Time)", "2024-10-01T23:19:49Z"),
        ("Mon May 15 2023 11:50:54 GMT+0000 (Coordinated Universal Time)", "2023-05-15T11:50:54Z"),
        ("Sun Mar 31 2024 01:30:00 GMT+0100", "2024-03-31T00:30:00Z"),
        ("Tue Oct 41 2024 19:19:49 GMT-0400", None),
        (True, None),
        ("not a time", None),
    ],
)
def test_to_utc_reads_what_sources_give(value: str | int | bool, expected: str | None) -> None:
    assert to_utc(value) == expected


def test_http_dates() -> None:
    assert parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT") == datetime(
        2015, 10, 21, 7, 28, tzinfo=UTC
    )
    assert parse_http_date("in a while") is None


def test_comparisons_are_of_instants_and_unknown_times_lose() -> None:
    assert same_instant("2016-10-24T11:30:00+02:00", "2016-10-24T09:30:00Z")
    assert not same_instant("2016-10-24T09:30:01Z", "2016-10-24T09:30:00Z")
    assert same_instant("garbled", "garbled") and not same_instant("garbled", "other")
    assert is_newer("2016-10-24T09:31:00Z", "2016-10-24T11:30:00+02:00")
    assert not is_newer("2016-10-24T11:30:00+02:00", "2016-10-24T09:30:00Z")
    assert is_newer("2016-10-24T09:30:00Z", None) and not is_newer(None, "2016-10-24T09:30:00Z")
    assert seconds_between("2016-10-24T09:30:00Z", "2016-10-24T11:31:30+02:00") == 90.0
    assert seconds_between("garbled", "2016-10-24T09:30:00Z") == 0.0
