"""Times written for people (crawler/extract/clock.py): what each language's pages print, what
only looks like a time, the zone and day a page implies, and streams of bare clocks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from lxml import etree

from archive.times import format_utc
from crawler.extract import clock as clock_module
from crawler.extract import extract_page, instant
from crawler.extract.clock import (
    MONTHS,
    PageClock,
    Reading,
    in_date_order,
    is_date_line,
    page_clock,
    zone_named,
)
from crawler.extract.html import parse
from tests.helpers import corpus_dir, saved_page

# Times in words: one backend of the walks reads them as well as the other (whole pages are
# compared on both in test_extract_fastpaths.py).
pytestmark = pytest.mark.own_backends

# Sunday 5 May 2024, 20:00 in Berlin (CEST, UTC+2).
FETCHED = datetime(2024, 5, 5, 18, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
CLOCK = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ())


def read(text: str) -> Reading | None:
    return CLOCK.read(text)


# (text, kind, utc, clock or minute): what a reader in Berlin saw, fetched at FETCHED.
READINGS = {
    "en": [
        ("5:32 p.m. ET, October 8, 2023", "full", "2023-10-08T21:32:00Z", (17, 32)),
        ("May 3, 2024 at 2:30 pm", "full", "2024-05-03T12:30:00Z", (14, 30)),
        ("Friday 3 May 2024 14:05", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("Sept. 28, 2020, 7:30pm", "full", "2020-09-28T17:30:00Z", (19, 30)),
        # Django prints the clocks 12:00 and 0:00 as words (wagtail-live's post times).
        ("March 14, 2024, noon", "full", "2024-03-14T11:00:00Z", (12, 0)),
        ("March 14, 2024, midnight", "full", "2024-03-13T23:00:00Z", (0, 0)),
        ("Feb. 30, 2024, noon; March 1, 2024, noon", "full", "2024-03-01T11:00:00Z", (12, 0)),
        # A server's time to the second with its offset (Gitea's, Python's str()).
        ("2024-05-03 14:05:00 +00:00", "full", "2024-05-03T14:05:00Z", (14, 5)),
        ("2024-05-03 14:05:00+02:00", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("May 3, 2024 10:00:00-12:00", "full", "2024-05-03T08:00:00Z", (10, 0)),  # a range
        ("7.30pm", "clock", "2024-05-05T17:30:00Z", (19, 30)),
        ("9:05 a.m.", "clock", "2024-05-05T07:05:00Z", (9, 5)),
        ("7pm", "clock", "2024-05-05T17:00:00Z", (19, 0)),
        ("12:15 AM", "clock", "2024-05-04T22:15:00Z", (0, 15)),
        ("2 hours ago", "relative", "2024-05-05T16:00:00Z", None),
        ("an hour ago", "relative", "2024-05-05T17:00:00Z", None),
        ("two hours ago", "relative", "2024-05-05T16:00:00Z", None),  # a number in words
        ("Three minutes ago", "relative", "2024-05-05T17:57:00Z", None),
        # Any number to fifty-nine in words, not its unit alone (one unit back).
        ("four hours ago", "relative", "2024-05-05T14:00:00Z", None),
        ("Twelve hours ago", "relative", "2024-05-05T06:00:00Z", None),
        ("fifteen minutes ago", "relative", "2024-05-05T17:45:00Z", None),
        ("twenty-five minutes ago", "relative", "2024-05-05T17:35:00Z", None),
        ("twenty five minutes ago", "relative", "2024-05-05T17:35:00Z", None),
        ("forty minutes ago", "relative", "2024-05-05T17:20:00Z", None),
        ("5m ago", "relative", "2024-05-05T17:55:00Z", None),
        ("30 seconds ago", "relative", "2024-05-05T17:59:30Z", None),
        ("3 days ago", "relative", "2024-05-02T18:00:00Z", None),
        ("2 weeks ago", "relative", "2024-04-21T18:00:00Z", None),
        ("2 months ago", "relative", "2024-03-05T18:00:00Z", None),
        ("1 year ago", "relative", "2023-05-05T18:00:00Z", None),
        ("Updated 2 hours ago · 3 min read", "relative", "2024-05-05T16:00:00Z", None),
        ("just now", "relative", "2024-05-05T18:00:00Z", None),
        ("yesterday at 2:30pm", "relative", "2024-05-04T12:30:00Z", (14, 30)),
    ],
    "de": [
        ("5. Mai 2024, 14:05 Uhr", "full", "2024-05-05T12:05:00Z", (14, 5)),
        ("Freitag, 3. Mai, 14:05", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("28.09.2020, 19:30 Uhr", "full", "2020-09-28T17:30:00Z", (19, 30)),
        ("3. Dez. 2023 um 9.30 Uhr", "full", "2023-12-03T08:30:00Z", (9, 30)),
        ("12.31 Uhr", "clock", "2024-05-05T10:31:00Z", (12, 31)),
        ("um 9.30", "clock", "2024-05-05T07:30:00Z", (9, 30)),
        ("19:30 Uhr MESZ", "clock", "2024-05-05T17:30:00Z", (19, 30)),
        ("vor 5 Minuten", "relative", "2024-05-05T17:55:00Z", None),
        ("vor einer Stunde", "relative", "2024-05-05T17:00:00Z", None),
        ("vor 2 Std.", "relative", "2024-05-05T16:00:00Z", None),
        ("vor 3 Tagen", "relative", "2024-05-02T18:00:00Z", None),
        ("vor dem Anpfiff, vor 5 Minuten", "relative", "2024-05-05T17:55:00Z", None),
        ("gerade eben", "relative", "2024-05-05T18:00:00Z", None),
        ("gestern, 14:05 Uhr", "relative", "2024-05-04T12:05:00Z", (14, 5)),
        ("Heute, 08:15 Uhr", "relative", "2024-05-05T06:15:00Z", (8, 15)),
    ],
    "fr": [
        ("3 mai 2024 à 14h05", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("1er mai 2024, 09h30", "full", "2024-05-01T07:30:00Z", (9, 30)),
        ("14h05", "clock", "2024-05-05T12:05:00Z", (14, 5)),
        ("14 h 05", "clock", "2024-05-05T12:05:00Z", (14, 5)),
        ("à 9h", "clock", "2024-05-05T07:00:00Z", (9, 0)),
        ("il y a 5 minutes", "relative", "2024-05-05T17:55:00Z", None),
        ("il y a une heure", "relative", "2024-05-05T17:00:00Z", None),
        ("il y a 2 h", "relative", "2024-05-05T16:00:00Z", None),
        ("il y a 3 jours", "relative", "2024-05-02T18:00:00Z", None),
        ("à l'instant", "relative", "2024-05-05T18:00:00Z", None),
        ("hier à 14h05", "relative", "2024-05-04T12:05:00Z", (14, 5)),
    ],
    "it": [
        ("3 maggio 2024 ore 14:05", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("alle 14.05", "clock", "2024-05-05T12:05:00Z", (14, 5)),
        ("5 minuti fa", "relative", "2024-05-05T17:55:00Z", None),
        ("un'ora fa", "relative", "2024-05-05T17:00:00Z", None),
        ("2 ore fa", "relative", "2024-05-05T16:00:00Z", None),
        ("adesso", "relative", "2024-05-05T18:00:00Z", None),
        ("ieri alle 14.05", "relative", "2024-05-04T12:05:00Z", (14, 5)),
    ],
    "es": [
        ("3 de mayo de 2024, 14:05", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("14:05 h", "clock", "2024-05-05T12:05:00Z", (14, 5)),
        ("hace 5 minutos", "relative", "2024-05-05T17:55:00Z", None),
        ("hace una hora", "relative", "2024-05-05T17:00:00Z", None),
        ("hace 2 días", "relative", "2024-05-03T18:00:00Z", None),
        ("Ahora", "relative", "2024-05-05T18:00:00Z", None),
        ("ayer a las 14:05", "relative", "2024-05-04T12:05:00Z", (14, 5)),
    ],
    "pt": [
        ("3 de maio de 2024 às 14h05", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("há 5 minutos", "relative", "2024-05-05T17:55:00Z", None),
        ("5 minutos atrás", "relative", "2024-05-05T17:55:00Z", None),
        ("há uma hora", "relative", "2024-05-05T17:00:00Z", None),
        ("agora", "relative", "2024-05-05T18:00:00Z", None),
        ("ontem às 14h05", "relative", "2024-05-04T12:05:00Z", (14, 5)),
    ],
    "nl": [
        ("3 mei 2024 14:05", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("14.05 uur", "clock", "2024-05-05T12:05:00Z", (14, 5)),
        ("5 minuten geleden", "relative", "2024-05-05T17:55:00Z", None),
        ("een uur geleden", "relative", "2024-05-05T17:00:00Z", None),
        ("2 dagen geleden", "relative", "2024-05-03T18:00:00Z", None),
        ("zojuist", "relative", "2024-05-05T18:00:00Z", None),
        ("gisteren om 14.05 uur", "relative", "2024-05-04T12:05:00Z", (14, 5)),
        # Flemish sites' clocks (HLN, Het Nieuwsblad, VRT NWS): "14u05".
        ("14u05", "clock", "2024-05-05T12:05:00Z", (14, 5)),
        ("3 mei 2024 om 14u05", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("gisteren om 9u30", "relative", "2024-05-04T07:30:00Z", (9, 30)),
    ],
    "pl": [
        ("28 września 2020, 18:00", "full", "2020-09-28T16:00:00Z", (18, 0)),
        ("3 maja 2024, 14:05", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("3 października 2023 19:30", "full", "2023-10-03T17:30:00Z", (19, 30)),
        ("godz. 19.30", "clock", "2024-05-05T17:30:00Z", (19, 30)),
        ("5 minut temu", "relative", "2024-05-05T17:55:00Z", None),
        ("5 min. temu", "relative", "2024-05-05T17:55:00Z", None),
        ("godzinę temu", "relative", "2024-05-05T17:00:00Z", None),
        ("2 godziny temu", "relative", "2024-05-05T16:00:00Z", None),
        ("przed chwilą", "relative", "2024-05-05T18:00:00Z", None),
        ("wczoraj, 19:30", "relative", "2024-05-04T17:30:00Z", (19, 30)),
    ],
    "tr": [
        ("3 Mayıs 2024, 14:05", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("7 Temmuz 2023 19:30", "full", "2023-07-07T17:30:00Z", (19, 30)),
        ("5 dk önce", "relative", "2024-05-05T17:55:00Z", None),
        ("bir saat önce", "relative", "2024-05-05T17:00:00Z", None),
        ("2 gün önce", "relative", "2024-05-03T18:00:00Z", None),
        ("az önce", "relative", "2024-05-05T18:00:00Z", None),
        ("Dün, 19:30", "relative", "2024-05-04T17:30:00Z", (19, 30)),
    ],
    # The BBC's Russian and Ukrainian live pages (bbc/simorgh): how long ago.
    "ru": [
        ("5 минут назад", "relative", "2024-05-05T17:55:00Z", None),
        ("2 часа назад", "relative", "2024-05-05T16:00:00Z", None),
        ("14 мая 2024 в 10:30", "full", "2024-05-14T08:30:00Z", (10, 30)),
    ],
    "uk": [
        ("5 хвилин тому", "relative", "2024-05-05T17:55:00Z", None),
        ("2 години тому", "relative", "2024-05-05T16:00:00Z", None),
        ("13 березня 2024, 01:40", "full", "2024-03-13T00:40:00Z", (1, 40)),
    ],
    # The BBC World Service's pages in scripts whose words run together or read right to left
    # (bbc/simorgh, moment's locales): how long ago, in its own words.
    "zh": [
        ("12 分钟前", "relative", "2024-05-05T17:48:00Z", None),
        ("2 小時前", "relative", "2024-05-05T16:00:00Z", None),
        ("3天前", "relative", "2024-05-02T18:00:00Z", None),
    ],
    "ja": [
        ("5分前", "relative", "2024-05-05T17:55:00Z", None),
        ("2024年5月2日 22:15", "full", "2024-05-02T20:15:00Z", (22, 15)),  # a date, too
    ],
    "ko": [
        ("2시간 전", "relative", "2024-05-05T16:00:00Z", None),
        ("5월 2일 22:15", "full", "2024-05-02T20:15:00Z", (22, 15)),
    ],
    "ar": [
        # Arabic-Indic digits, and the months as Al Jazeera writes them.
        ("١٠:٣٠", "clock", "2024-05-05T08:30:00Z", (10, 30)),
        ("١٥ مايو ٢٠٢٤ ١٠:٣٠", "full", "2024-05-15T08:30:00Z", (10, 30)),
        ("3 أيار 2024، 14:05", "full", "2024-05-03T12:05:00Z", (14, 5)),
        ("منذ 5 دقائق", "relative", "2024-05-05T17:55:00Z", None),
        ("منذ ٣ ساعات", "relative", "2024-05-05T15:00:00Z", None),
        ("منذ ساعتين", "relative", "2024-05-05T16:00:00Z", None),
        ("منذ يوم", "relative", "2024-05-04T18:00:00Z", None),
        # BBC Arabic's own words (bbc/simorgh's moment locale): "قبل", one written out.
        ("قبل 6 دقيقة", "relative", "2024-05-05T17:54:00Z", None),
        ("قبل ساعة واحدة", "relative", "2024-05-05T17:00:00Z", None),
    ],
    # Beyond the languages read: Catalan, Galician, Basque, Greek and Icelandic.
    "ca": [
        ("fa 5 minuts", "relative", "2024-05-05T17:55:00Z", None),
        ("12 de març de 2024, 10:31", "full", "2024-03-12T09:31:00Z", (10, 31)),
    ],
    "gl": [
        ("hai 5 minutos", "relative", "2024-05-05T17:55:00Z", None),
        ("15 de xullo de 2024, 10:31", "full", "2024-07-15T08:31:00Z", (10, 31)),
    ],
    "eu": [
        ("duela 5 minutu", "relative", "2024-05-05T17:55:00Z", None),
        ("maiatzaren 2a, 14:05", "full", "2024-05-02T12:05:00Z", (14, 5)),
    ],
    "el": [
        ("πριν από 5 λεπτά", "relative", "2024-05-05T17:55:00Z", None),
        ("10 Μαρτίου 2024, 10:31", "full", "2024-03-10T09:31:00Z", (10, 31)),
    ],
    "is": [
        ("fyrir 5 mínútum", "relative", "2024-05-05T17:55:00Z", None),
        ("10. júlí 2024 kl. 10:31", "full", "2024-07-10T08:31:00Z", (10, 31)),
    ],
    "he": [
        ("לפני 5 דקות", "relative", "2024-05-05T17:55:00Z", None),
        ("לפני שעה", "relative", "2024-05-05T17:00:00Z", None),
        ("לפני שעתיים", "relative", "2024-05-05T16:00:00Z", None),
    ],
    "ur": [("5 منٹ پہلے", "relative", "2024-05-05T17:55:00Z", None)],
    "fa": [
        ("۱۰:۳۰", "clock", "2024-05-05T08:30:00Z", (10, 30)),  # Persian digits
        ("۱۰ دقیقه پیش", "relative", "2024-05-05T17:50:00Z", None),
        ("یک ساعت پیش", "relative", "2024-05-05T17:00:00Z", None),
    ],
    "hi": [("2 घंटे पहले", "relative", "2024-05-05T16:00:00Z", None)],
    # Central and South-Eastern Europe, on their own pages: N1's Serbian "pre 18 minuta",
    # Croatian and Bosnian "prije", either script; Romanian with its "de" from twenty on.
    "sr": [
        ("pre 18 minuta", "relative", "2024-05-05T17:42:00Z", None),
        ("pre sat vremena", "relative", "2024-05-05T17:00:00Z", None),
        ("пре 2 сата", "relative", "2024-05-05T16:00:00Z", None),
        ("14. septembar 2024. 10:30", "full", "2024-09-14T08:30:00Z", (10, 30)),
    ],
    "id": [
        ("3 Mei 2024 17.40 WITA", "full", "2024-05-03T09:40:00Z", (17, 40)),
        ("3 Maret 2024 17.40 WIB", "full", "2024-03-03T10:40:00Z", (17, 40)),
        # A clock on 12 hours and the part of the day after it: midday, afternoon.
        ("1.05 siang", "clock", "2024-05-05T11:05:00Z", (13, 5)),
        ("4.05 sore", "clock", "2024-05-05T14:05:00Z", (16, 5)),
    ],
    # Malay: a clock on 12 hours and the part of the day after it (Berita Harian's "4.05
    # petang", Harian Metro's "ptg").
    "ms": [
        ("10.30 pagi", "clock", "2024-05-05T08:30:00Z", (10, 30)),
        ("12.30 tengah hari", "clock", "2024-05-05T10:30:00Z", (12, 30)),
        ("4.05 petang", "clock", "2024-05-05T14:05:00Z", (16, 5)),
        ("Dikemas kini pukul 4.05 ptg", "clock", "2024-05-05T14:05:00Z", (16, 5)),
        ("7.15 malam", "clock", "2024-05-05T17:15:00Z", (19, 15)),
        ("12.05 tengah malam", "clock", "2024-05-04T22:05:00Z", (0, 5)),
    ],
    "hr": [
        ("prije 5 minuta", "relative", "2024-05-05T17:55:00Z", None),
        ("prije dva sata", "relative", "2024-05-05T16:00:00Z", None),
    ],
    "ro": [
        ("acum 5 minute", "relative", "2024-05-05T17:55:00Z", None),
        ("acum 40 de minute", "relative", "2024-05-05T17:20:00Z", None),
        ("acum o oră", "relative", "2024-05-05T17:00:00Z", None),
        ("acum două ore", "relative", "2024-05-05T16:00:00Z", None),
        ("14 martie 2024, 10:30", "full", "2024-03-14T09:30:00Z", (10, 30)),
    ],
    "bg": [
        ("преди 5 минути", "relative", "2024-05-05T17:55:00Z", None),
        ("14 май 2024 10:30", "full", "2024-05-14T08:30:00Z", (10, 30)),
    ],
    "cs": [
        ("14 května 2024 10:30", "full", "2024-05-14T08:30:00Z", (10, 30)),
        ("před 2 hodinami", "relative", "2024-05-05T16:00:00Z", None),
        ("před dvěma hodinami", "relative", "2024-05-05T16:00:00Z", None),
    ],
    "sk": [("pred 5 minútami", "relative", "2024-05-05T17:55:00Z", None)],
    "sl": [("pred 5 minutami", "relative", "2024-05-05T17:55:00Z", None)],
    # The Nordic languages, on their own pages: Swedish, Norwegian (Bokmål and Nynorsk),
    # Danish with "for" or without, Finnish.
    "sv": [
        ("för 5 minuter sedan", "relative", "2024-05-05T17:55:00Z", None),
        ("för en timme sedan", "relative", "2024-05-05T17:00:00Z", None),
        ("2 tim sedan", "relative", "2024-05-05T16:00:00Z", None),
    ],
    "nb": [
        ("for 5 minutter siden", "relative", "2024-05-05T17:55:00Z", None),
        ("for 2 timer siden", "relative", "2024-05-05T16:00:00Z", None),
    ],
    "nn": [("for 5 minutt sidan", "relative", "2024-05-05T17:55:00Z", None)],
    "da": [
        ("for 5 minutter siden", "relative", "2024-05-05T17:55:00Z", None),
        ("en time siden", "relative", "2024-05-05T17:00:00Z", None),
    ],
    "fi": [
        ("5 minuuttia sitten", "relative", "2024-05-05T17:55:00Z", None),
        ("tunti sitten", "relative", "2024-05-05T17:00:00Z", None),
        ("2 päivää sitten", "relative", "2024-05-03T18:00:00Z", None),
    ],
}
CASES = [(language, *case) for language, cases in READINGS.items() for case in cases]
_NAMED_ONLY = frozenset(
    {"ca", "gl", "eu", "is", "sr", "hr", "ro", "cs", "sk", "sl", "sv", "nb", "nn", "da", "fi"}
)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "4.05 petang"),  # not a page in Malay or Indonesian
        ("ms", "Harga minyak naik 4.05 peratus"),  # a number in prose
        ("ms", "Sebanyak 4.05 juta pengundi"),
        ("id", "14.05 pagi"),  # no morning clock after noon
    ],
)
def test_a_malay_part_of_the_day_makes_a_clock_only_in_malay_and_indonesian(
    language: str, text: str
) -> None:
    """ "pagi", "petang", "malam" after a clock say its part of the day on a page in Malay or
    Indonesian; elsewhere, and after a number that is no clock, they say nothing."""
    assert PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,)).read(text) is None


@pytest.mark.parametrize(("language", "text", "kind", "utc", "clock"), CASES)
def test_times_people_read(
    language: str, text: str, kind: str, utc: str, clock: tuple[int, int] | None
) -> None:
    page = PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,))
    reading = page.read(text)
    assert reading is not None, text
    assert (reading.kind, reading.utc, reading.clock) == (kind, utc, clock)
    assert reading.text and reading.text in text
    # A page that names no language reads it just as well ("try all"), but for words other
    # languages write in the Latin script too ("fa", "hai", "pre", "acum", "pred"), which
    # only a page in that language reads.
    if language in _NAMED_ONLY and reading.kind == "relative" and all(ord(c) < 0x370 for c in text):
        assert read(text) is None, text
    else:
        assert read(text) == reading


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "half an hour ago"),
        ("en", "Updated half an hour ago"),
        ("de", "vor einer halben Stunde"),
        ("fr", "il y a une demi-heure"),
        ("it", "mezz'ora fa"),
        ("es", "hace media hora"),
        ("pt", "há meia hora"),
        ("nl", "een half uur geleden"),
        ("pl", "pół godziny temu"),
        ("sv", "för en halvtimme sedan"),
        ("nb", "for en halvtime siden"),
        ("da", "en halv time siden"),
        ("fi", "puoli tuntia sitten"),
    ],
)
def test_half_an_hour_ago_in_words_is_thirty_minutes_before_the_fetch(
    language: str, text: str
) -> None:
    """Half an hour ago, written in words as a stamp writes it: thirty minutes, not the hour
    its last words say ("an hour ago", "ora fa", "uur geleden") nor nothing."""
    page = PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,))
    reading = page.read(text)
    assert reading is not None
    assert (reading.kind, reading.utc, reading.clock) == ("relative", "2024-05-05T17:30:00Z", None)


def _assert_minutes_ago(language: str, text: str, minutes: int) -> None:
    """`text`, on a page in `language`, reads whole as that many minutes before the fetch."""
    page = PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,))
    reading = page.read(text)
    assert reading is not None, text
    expected = format_utc(FETCHED - timedelta(minutes=minutes))
    assert (reading.kind, reading.utc, reading.text) == ("relative", expected, text)


@pytest.mark.parametrize(
    ("language", "text", "minutes"),
    [
        ("de", "vor vier Stunden", 240),
        ("de", "vor fünf Minuten", 5),
        ("de", "vor zwölf Minuten", 12),
        ("de", "vor fünfundzwanzig Minuten", 25),
        ("de", "vor dreißig Minuten", 30),
        ("fr", "il y a cinq minutes", 5),
        ("fr", "il y a dix-sept minutes", 17),
        ("fr", "il y a vingt-cinq minutes", 25),
        ("fr", "il y a vingt et une minutes", 21),
        ("it", "cinque minuti fa", 5),
        ("it", "venticinque minuti fa", 25),
        ("it", "ventotto minuti fa", 28),
        ("es", "hace cinco minutos", 5),
        ("es", "hace veinticinco minutos", 25),
        ("es", "hace treinta y cinco minutos", 35),
        ("pt", "há cinco minutos", 5),
        ("pt", "vinte e cinco minutos atrás", 25),
        ("nl", "vijf minuten geleden", 5),
        ("nl", "vijfentwintig minuten geleden", 25),
        ("nl", "tweeëntwintig minuten geleden", 22),
        ("pl", "pięć minut temu", 5),
        ("pl", "dwadzieścia pięć minut temu", 25),
        ("pl", "dwie minuty temu", 2),
        ("pl", "dwóch godzin temu", 120),
        ("pl", "pięciu godzin temu", 300),
        ("sv", "för fem minuter sedan", 5),
        ("sv", "tjugofem minuter sedan", 25),
        ("nb", "for fem minutter siden", 5),
        ("nb", "for tjuefem minutter siden", 25),
        ("nn", "for fem minutt sidan", 5),
        ("da", "for fem minutter siden", 5),
        ("da", "femogtyve minutter siden", 25),
        ("fi", "viisi minuuttia sitten", 5),
        ("fi", "kaksikymmentäviisi minuuttia sitten", 25),
        ("tr", "beş dakika önce", 5),
        ("tr", "yirmi beş dakika önce", 25),
        ("ru", "пять минут назад", 5),
        ("ru", "двадцать пять минут назад", 25),
        ("uk", "п'ять хвилин тому", 5),
        # The minimal forms read before.
        ("de", "vor einer Stunde", 60),
        ("de", "vor zwei Stunden", 120),
        ("fr", "il y a trois minutes", 3),
    ],
)
def test_how_long_ago_with_a_number_in_words_is_that_many_units(
    language: str, text: str, minutes: int
) -> None:
    """How long ago with a number in words, one to fifty-nine as the language composes it:
    that many units before the fetch, not its unit alone (one unit back) nor nothing."""
    _assert_minutes_ago(language, text, minutes)


@pytest.mark.parametrize(
    ("language", "text", "minutes"),
    [
        ("en", "a quarter of an hour ago", 15),
        ("en", "three quarters of an hour ago", 45),
        ("de", "vor einer Viertelstunde", 15),
        ("de", "vor einer Dreiviertelstunde", 45),
        ("fr", "il y a un quart d'heure", 15),
        ("fr", "il y a trois quarts d'heure", 45),
        ("it", "un quarto d'ora fa", 15),
        ("it", "tre quarti d'ora fa", 45),
        ("es", "hace un cuarto de hora", 15),
        ("es", "hace tres cuartos de hora", 45),
        ("pt", "há um quarto de hora", 15),
        ("nl", "een kwartier geleden", 15),
        ("nl", "drie kwartier geleden", 45),
        ("pl", "kwadrans temu", 15),
        ("pl", "trzy kwadranse temu", 45),
        ("sv", "för en kvart sedan", 15),
        ("nb", "for et kvarter siden", 15),
        ("da", "et kvarter siden", 15),
        ("fi", "vartti sitten", 15),
    ],
)
def test_a_quarter_of_an_hour_ago_in_words_is_fifteen_minutes(
    language: str, text: str, minutes: int
) -> None:
    """A quarter of an hour ago, or three, in words: fifteen or forty-five minutes, not the
    hour its last words say ("ora fa", "de hora") nor nothing."""
    _assert_minutes_ago(language, text, minutes)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "vier Tote"),
        ("de", "Vier Stunden lang"),
        ("fr", "cinq minutes de marche"),
        ("it", "cinque minuti di silenzio"),
        ("pl", "pięć minut później"),
        ("nl", "vijf minuten stilte"),
    ],
)
def test_a_number_in_words_outside_how_long_ago_is_no_time(language: str, text: str) -> None:
    page = PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,))
    assert page.read(text) is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "an hour and a half ago"),
        ("en", "one and a half hours ago"),
        ("en", "1.5 hours ago"),
        ("de", "vor eineinhalb Stunden"),
        ("de", "vor anderthalb Stunden"),
        ("de", "vor 1,5 Stunden"),
        ("fr", "il y a une heure et demie"),
        ("it", "un'ora e mezza fa"),
        ("es", "hace una hora y media"),
        ("es", "hace hora y media"),
        ("pt", "há uma hora e meia"),
        ("nl", "anderhalf uur geleden"),
        ("pl", "półtorej godziny temu"),
        ("pl", "1,5 godziny temu"),
        ("sv", "för en och en halv timme sedan"),
        ("sv", "för 1,5 timmar sedan"),
        ("nb", "for halvannen time siden"),
        ("nb", "for en og en halv time siden"),
        ("da", "halvanden time siden"),
        ("da", "en og en halv time siden"),
        ("fi", "puolitoista tuntia sitten"),
    ],
)
def test_an_hour_and_a_half_ago_is_ninety_minutes_before_the_fetch(
    language: str, text: str
) -> None:
    """An hour and a half ago, in words or with a decimal figure: ninety minutes, not the half
    hour its last words say ("en halv timme sedan"), the hour ("hours ago", "il y a une
    heure") or the figure after the decimal point ("5 godziny temu")."""
    page = PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,))
    reading = page.read(text)
    assert reading is not None
    assert (reading.kind, reading.utc, reading.clock) == ("relative", "2024-05-05T16:30:00Z", None)


@pytest.mark.parametrize(
    ("language", "text", "utc"),
    [
        ("sv", "i går 19:30", "2024-05-04T17:30:00Z"),
        ("sv", "igår kl. 19.30", "2024-05-04T17:30:00Z"),
        ("nb", "i går kl. 19.30", "2024-05-04T17:30:00Z"),
        ("da", "i dag 19.30", "2024-05-05T17:30:00Z"),
        ("fi", "eilen klo 19.30", "2024-05-04T17:30:00Z"),
        ("cs", "včera 19:30", "2024-05-04T17:30:00Z"),
    ],
)
def test_a_nordic_or_czech_days_word_beside_a_clock_puts_it_on_that_day(
    language: str, text: str, utc: str
) -> None:
    """ "i går", two words in Norwegian and Danish ("går" alone is "goes": "Tåget går 19:30"
    is a clock of today), "eilen", "včera": yesterday, as "gestern"."""
    page = PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,))
    reading = page.read(text)
    assert reading is not None and (reading.utc, reading.clock) == (utc, (19, 30))
    if language == "sv":
        today = page.read("Tåget går 19:30")
        assert today is not None and (today.kind, today.clock) == ("clock", (19, 30))
        assert page.day_named("I går") == date(2024, 5, 4)


def test_nordic_words_for_how_long_ago_are_read_on_their_own_pages_only() -> None:
    """ "sedan", "siden", "sitten" are "then" or "since" too: on a page in another language
    they say no time ("Sitten" are customs in German), nor on one that names none."""
    for language in ("en", "de", ""):
        page = PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,) if language else ())
        for text in ("för 5 minuter sedan", "for 5 minutter siden", "5 minuuttia sitten"):
            assert page.read(text) is None, (language, text)


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        # New Zealand's standard and summer time (Stuff, RNZ), Australia's western and
        # central times (Perth, Adelaide, Darwin), Alaska's, and South Africa's: a clock
        # that names one is in it, wherever the page is.
        ("May 3, 2024 4:32pm NZST", "2024-05-03T04:32:00Z"),
        ("Jan. 3, 2024 4:32pm NZDT", "2024-01-03T03:32:00Z"),
        ("May 3, 2024 4:32pm AWST", "2024-05-03T08:32:00Z"),
        ("May 3, 2024 4:32pm ACST", "2024-05-03T07:02:00Z"),
        ("Jan. 3, 2024 4:32pm ACDT", "2024-01-03T06:02:00Z"),
        ("May 3, 2024 4:32 p.m. AKDT", "2024-05-04T00:32:00Z"),
        ("Jan. 3, 2024 4:32 p.m. AKST", "2024-01-04T01:32:00Z"),
        ("3 Jan 2024 16:32 SAST", "2024-01-03T14:32:00Z"),
    ],
)
def test_zones_of_english_publishers_regions(text: str, utc: str) -> None:
    reading = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("en",)).read(text)
    assert reading is not None, text
    assert (reading.kind, reading.utc) == ("full", utc)


@pytest.mark.parametrize(
    ("text", "minute"),
    [
        ("95'", "95'"),
        ("45+2'", "45+2'"),
        ("45 + 2’", "45+2'"),
        ("67′ Goal!", "67'"),
        ("90.+3", "90+3'"),
        ("12. Min.", "12'"),
        ("12. Minute: Tor", "12'"),
        ("12. minuta", "12'"),
        ("12. Spielminute", "12'"),
        # Added time after the minute's mark; the minute after its word (Spanish, Italian and
        # Portuguese commentaries).
        ("90'+3", "90+3'"),
        ("Min. 45: gol de Pedri", "45'"),
        ("min. 90+2", "90+2'"),
        ("minuto 67", "67'"),
        ("Minute 12", "12'"),
        # English commentaries' word after the minute, before the play (RTÉ's trackers).
        ("67 mins: Kilkenny 2-20 Galway 1-18", "67'"),
        ("GOAL! 63 mins: Kilkenny 2-19", "63'"),
        ("RED CARD – 70 mins: Galway down to 14", "70'"),
        ("70+2 mins: Galway free", "70+2'"),
        ("45 min – Half-time", "45'"),
        ("90+3 mins", "90+3'"),
    ],
)
def test_match_minutes(text: str, minute: str) -> None:
    reading = read(text)
    assert reading is not None
    assert (reading.kind, reading.utc, reading.minute) == ("minute", None, minute)


@pytest.mark.parametrize(
    "text",
    [
        "version 2.0",
        "v2.10.3 released",
        "3.14",
        "pi is 3.14159",
        "12.99",
        "Tickets from €12.30",
        "price 10.50",
        # A football score is not a clock: one-digit minutes never are, and a two-digit pair
        # after a score word ("Stand", "score", "wynik") is a handball or volleyball score.
        "score 2:1",
        "1:0 for Lech",
        "Lech 2:1 Legia",
        "Stand 21:19",
        "wynik 25:23",
        "ratio 16:9",
        "11:09 Min",  # a video's length
        "Laufzeit 02:54 min.",
        "1920x1080",
        "Share 2.5k",
        "page 3 of 10",
        "Bieg 3",
        "24h news",
        "He is 6'2\" tall",
        "the 90's",
        "Der Papst sagte heute",
        "vor dem Haus",
        "Share this on Facebook",
        "ha ha",
        "19.30 am Montag",  # on a German page: "am" is a preposition, and 19.30 lacks context
        "the minimum 5",
        "admin 45",
        "Minuto30 informa",  # a site's name
        "min 5:30 remaining",
        # Minutes without a play after them: how long a story takes, or how long ago.
        "10 min read",
        "5 mins",
        "2.5 mins: the queue",
        # Minutes inside a line: a recipe's, a delay's, a countdown's.
        "Bake 20 mins – until golden",
        "Kick-off in 30 mins: here are the teams",
        "Delays of 30 mins - Southern says",
        "Prep: 15 mins - Cook: 30 mins",
        # Another label's minutes: a video's length, a time ago.
        "WATCH 2 mins: the goal again",
        "UPDATE 3 mins: police say",
        "Montag, 5. Mai 2024",  # a date is not a time
        "The vote is at noon, 5 hours from now",  # "noon" is a clock only beside a date
        "Polls close at midnight",
        "Polls close at midnight on March 14, 2024",  # a midnight before a date ends that day
        # Flemish hours and minutes in prose are how long: a rider's time, a queue's.
        "Pogačar wint de rit na 4u12 koers",
        "2u30 lang stond de file aan de tunnel",
        "De hulpdiensten zijn 24u per dag in de weer",
        "",
    ],
)
def test_what_only_looks_like_a_time(text: str) -> None:
    page = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("de", "en", "pl"))
    assert page.read(text) is None


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("12:31 Minister Scholz sagt", (12, 31)),
        ("21:52 Secretary of State says", (21, 52)),
        ("21h52 Secours sur place", (21, 52)),
        ("12.31 Uhr Sekt für alle", (12, 31)),
        ("09:15 Minuto de silencio en el estadio", (9, 15)),
    ],
)
def test_a_clock_before_a_word_that_opens_like_a_duration_is_a_clock(
    text: str, clock: tuple[int, int]
) -> None:
    """ "11:09 Min" is a video's length, but "12:31 Minister …" is a ticker's line: the unit
    of a length is a whole word."""
    page = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("de", "en", "fr", "es"))
    reading = page.read(text)
    assert reading is not None and reading.clock == clock


def test_a_stamp_of_how_long_ago_and_the_clock_reads_the_clock() -> None:
    """ "8 minutes ago / 9:42 PM CDT": where a stamp prints both and nothing else and they
    agree, the clock is the time to the minute, how long ago only rounds it; a clock in a
    title after how long ago is the title's."""
    chicago = PageClock(
        datetime(2024, 7, 5, 2, 50, tzinfo=UTC),
        ZoneInfo("America/Chicago"),
        date(2024, 7, 4),
        ("en",),
    )
    for text, utc in [
        ("8 minutes ago / 9:42 PM CDT", "2024-07-05T02:42:00Z"),
        ("2 hours ago · 7:47 PM", "2024-07-05T00:47:00Z"),
        ("2 hours ago", "2024-07-05T00:50:00Z"),
        ("5 minutes ago: Train at 9:30 PM cancelled", "2024-07-05T02:45:00Z"),
        ("3 days ago / 9:42 PM", "2024-07-02T02:42:00Z"),  # on the day how long ago says
        # Where they disagree, the clock's zone is a guess gone wrong (a Phoenix site that
        # names none), or the clock is another thing's: how long ago stands.
        ("12 minutes ago · 7:38 PM", "2024-07-05T02:38:00Z"),
        ("2 hours ago, 10:15", "2024-07-05T00:50:00Z"),
    ]:
        reading = chicago.read(text)
        assert reading is not None and reading.utc == utc, text
    # "1 day ago" is a day old at the least: read at 10 AM, the 2 PM of two days before, not
    # yesterday's, 20 hours ago ("20 hours ago", a page would say).
    morning = replace(chicago, fetched_at=datetime(2024, 7, 4, 15, 0, tzinfo=UTC))
    reading = morning.read("1 day ago · 2:00 PM")
    assert reading is not None and reading.utc == "2024-07-02T19:00:00Z"


def test_a_stamp_whose_clock_is_before_how_long_ago_says_is_a_cached_pages() -> None:
    """A page served from a cache says how long ago of when it was drawn, hours before its
    fetch: the clock it prints beside, in the publisher's zone, is exact, and how long ago only
    rounds. A clock that names its zone is in it; one read in the zone guessed is where how
    long ago counts minutes and the two are no zone's hours or quarters apart. Where a zone
    guessed wrong would say as much, how long ago stands."""
    chicago = PageClock(
        datetime(2024, 7, 5, 2, 50, tzinfo=UTC),
        ZoneInfo("America/Chicago"),
        date(2024, 7, 4),
        ("en",),
    )
    for text, utc in [
        ("25 minutes ago · 6:05 PM", "2024-07-04T23:05:00Z"),  # drawn 3 h 20 min earlier
        ("2 hours ago / 5:10 PM CDT", "2024-07-04T22:10:00Z"),
        # A zone's whole hours apart, or how long ago in hours: no telling.
        ("25 minutes ago · 6:25 PM", "2024-07-05T02:25:00Z"),
        ("2 hours ago · 5:10 PM", "2024-07-05T00:50:00Z"),
        # Later than how long ago says, or more than a cache's hours before: not the post's.
        ("25 minutes ago · 10:05 PM", "2024-07-05T02:25:00Z"),
        ("25 minutes ago · 1:05 PM", "2024-07-05T02:25:00Z"),
        ("2 hours ago / 11:10 AM CDT", "2024-07-05T00:50:00Z"),
    ]:
        reading = chicago.read(text)
        assert reading is not None and reading.utc == utc, text


def test_a_stamps_clock_before_the_pages_own_last_change_is_no_cached_pages() -> None:
    """A page drawn at the clock and how long ago ("25 minutes ago · 6:05 PM": 6:30 PM) would
    be older than the last change it states of itself (8:00 PM, a machine time): no cache
    drew it then, the clock was read in a zone guessed wrong, and how long ago stands."""
    fetched = datetime(2024, 7, 5, 2, 50, tzinfo=UTC)
    zone = ZoneInfo("America/Chicago")
    for changed, utc in [
        (datetime(2024, 7, 5, 1, 0, tzinfo=UTC), "2024-07-05T02:25:00Z"),
        (datetime(2024, 7, 4, 23, 20, tzinfo=UTC), "2024-07-04T23:05:00Z"),  # (drawn after it)
    ]:
        page = PageClock(
            fetched,
            zone,
            date(2024, 7, 4),
            ("en",),
            opened=changed - timedelta(hours=9),
            changed=changed,
        )
        reading = page.read("25 minutes ago · 6:05 PM")
        assert reading is not None and reading.utc == utc, changed


def test_weak_words_count_only_alone() -> None:
    """ "Ahora" is a time stamp alone; inside a sentence it is only a word."""
    assert read("Ahora") is not None
    assert read("Lo que sabemos ahora sobre el caso") is None
    assert read("Nu") is not None and read("Nu komt de trein") is None


@pytest.mark.parametrize(
    ("language", "stamp", "minutes"),
    [
        ("vi", "5 phút trước", 5),
        ("vi", "2 giờ trước", 120),
        ("id", "5 menit yang lalu", 5),
        ("id", "2 jam lalu", 120),
        ("ms", "5 minit lalu", 5),
        ("th", "5 นาทีที่แล้ว", 5),
        ("th", "2 ชั่วโมงที่แล้ว", 120),
        ("bn", "৫ মিনিট আগে", 5),
        ("bn", "২ ঘণ্টা আগে", 120),
        ("ta", "5 நிமிடங்களுக்கு முன்பு", 5),
        ("ta", "2 மணி நேரத்துக்கு முன்பு", 120),
    ],
)
def test_how_long_ago_in_vietnamese_malay_thai_bengali_and_tamil(
    language: str, stamp: str, minutes: int
) -> None:
    """VnExpress's "5 phút trước", Kompas's "5 menit yang lalu", Malay "5 minit lalu",
    Thairath's "5 นาทีที่แล้ว", Bengali "৫ মিনিট আগে" in its own digits, Tamil "5
    நிமிடங்களுக்கு முன்பு" are how long ago, on their own pages."""
    page = PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,))
    reading = page.read(stamp)
    assert reading is not None and reading.kind == "relative", stamp
    assert reading.utc == format_utc(FETCHED - timedelta(minutes=minutes))


def test_before_an_event_in_bengali_tamil_and_vietnamese_is_no_time() -> None:
    """ "আগে", "முன்பு" and "trước" are "before" too: two hours before the match is no time."""
    for language, prose in (
        ("bn", "খেলা শুরুর ২ ঘণ্টা আগে"),
        ("ta", "தொடங்குவதற்கு 2 மணி நேரத்துக்கு முன்பு"),
        ("vi", "Trận đấu bắt đầu 2 giờ trước khi trời mưa"),
    ):
        assert PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,)).read(prose) is None


def test_then_and_before_a_thing_in_indonesian_and_vietnamese_are_no_time() -> None:
    """Indonesian "lalu" after a while is "then" too ("menunggu 3 jam lalu pulang": waited
    three hours, then went home), and Vietnamese "trước" before a word is "before" it ("2 ngày
    trước bầu cử": two days before the election); "yang lalu" and "trước đây" are ago."""
    for language, prose in (
        ("id", "Ia menunggu 3 jam lalu pulang"),
        ("id", "Pertandingan berlangsung 90 menit lalu dilanjutkan adu penalti"),
        ("vi", "2 ngày trước bầu cử"),
        ("vi", "Cảnh sát đến 3 ngày trước Tết"),
    ):
        assert PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,)).read(prose) is None
    for language, stamp in (
        ("id", "Polisi tiba 3 jam yang lalu"),
        ("id", "3 jam lalu, polisi tiba"),
        ("vi", "Khoảng 3 giờ trước đây"),
    ):
        reading = PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,)).read(stamp)
        assert reading is not None and reading.utc == format_utc(FETCHED - timedelta(hours=3))


def test_last_week_in_indonesian_malay_and_vietnamese_is_no_time() -> None:
    """A unit with no amount before "lalu" or "trước" is the last one of the calendar ("minggu
    lalu", "tuần trước": last week), no length of time ago; "seminggu lalu" is a week ago."""
    for language, prose in (
        ("id", "Minggu lalu, presiden mengunjungi Jakarta"),
        ("id", "Bulan lalu"),
        ("ms", "Minggu lalu, polis menahan dua lelaki"),
        ("vi", "Tuần trước, chính phủ họp bàn"),
        ("vi", "Năm trước"),
    ):
        assert PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,)).read(prose) is None
    for language, stamp in (("id", "seminggu lalu"), ("vi", "một tuần trước")):
        reading = PageClock(FETCHED, BERLIN, date(2024, 5, 5), (language,)).read(stamp)
        assert reading is not None and reading.utc == format_utc(FETCHED - timedelta(days=7))


def test_a_bare_clock_and_a_number_that_is_no_time() -> None:
    """A text that is a clock alone reads as one among other words would; a number with
    nothing of a time's shape beside it (read without the whole reader) is none, whatever
    relative word's letters it holds ("share" holds "ha")."""
    assert read(" 14:05\n") == Reading("clock", "2024-05-05T12:05:00Z", "14:05", (14, 5))
    assert read("14:05") == read("um 14:05")
    assert read("24:00") is None and read("23:60") is None
    assert read("33:10 pm") is None and read("Posted 47:05 PM") is None  # no hour of a day
    assert read("Share 12 comments") is None and read("Section 12") is None
    assert read("Jetzt") is not None and read("Teil 12 vor 3 Stunden") is not None
    assert read("тому що вони 12 разів") is None  # Ukrainian "because", no time ago
    assert read("前5名") is None and read("منذ البداية") is None  # "top 5", "since the start"
    assert read("قبل يوم من الانتخابات") is None  # "a day before the elections"
    assert read("לפני הבחירות") is None  # "before the elections"
    # Words those marks end or begin, and prose: "before the 5th of December", "to set off in 3
    # days", "the 3rd, South Jeolla", "40 years of history", "2 hours before the match",
    # "he has lived here for 3 years", "since Friday", "since early morning".
    for prose in ("12月5日前", "3天前往", "3일 전남", "24시간 전국", "۴۰ سال پیشینه",
                  "मैच से 2 घंटे पहले", "يعيش هنا منذ 3 سنوات", "منذ يوم الجمعة",
                  "منذ ساعة مبكرة", "경기 시작 30분 전"):  # fmt: skip
        assert read(prose) is None, prose
    # Stamps with a label, a source, or a word run on after "前": all how long ago.
    for stamp in ("3小时前发布", "5分钟前更新", "2時間前に更新", "अपडेटेड 5 मिनट पहले",
                  "منذ 5 دقائق - الجزيرة", "آخر تحديث منذ 5 دقائق", "نشر منذ ساعة"):  # fmt: skip
        reading = read(stamp)
        assert reading is not None and reading.kind == "relative", stamp
    # A clock or date before such a word is the time ("14:20, on the 3rd in South Jeolla").
    assert read("14:20 지난 3일 전남") == read("14:20")
    # A sentence that ends on a unit, then "Тому…" ("therefore"), says no time ago; Ukrainian
    # "год" (hours) is read on Ukrainian pages only, Russian's being a year.
    kyiv = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("uk",))
    assert kyiv.read("Обстріл тривав 3 години. Тому ми чекали") is None
    assert kyiv.read("Війна триває вже понад рік. Тому ми") is None
    reading = kyiv.read("5 хв. тому")
    assert reading is not None and reading.utc == "2024-05-05T17:55:00Z"
    russian = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("ru",))
    assert russian.read("Ровно год тому назад") is None
    # "pre", "pred", "acum" say how long ago on their own pages only: an English page's
    # "pre 5 minuta" or "pred 5 minutami" is no time; Romanian "acum ora" is "now the hour".
    english = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("en",))
    assert english.read("pre 5 minuta") is None and english.read("acum 5 minute") is None
    romanian = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("ro",))
    assert romanian.read("acum ora de vârf") is None
    # On a page that names no language, Italian "Hai 5 min per iscriverti" (you have five
    # minutes) is no Galician "hai 5 minutos" (five minutes ago).
    assert read("Hai 5 min per iscriverti") is None
    # Months in other scripts come after the day: Arabic "مارس" before a number is "practised"
    # ("practised medicine for 20 years"), no March the 20th.
    reading = read("مارس 20 عاما مهنة الطب 10:30")
    assert reading is not None and reading.kind == "clock"


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("1 hour 20 minutes ago", "2024-05-05T16:40:00Z"),
        ("1 hour and 20 minutes ago", "2024-05-05T16:40:00Z"),
        ("1h 20m ago", "2024-05-05T16:40:00Z"),  # not the clock "1h20"
        ("il y a 1 h 20 min", "2024-05-05T16:40:00Z"),
        ("vor 1 Std. und 20 Min.", "2024-05-05T16:40:00Z"),
        ("hace 1 hora y 20 minutos", "2024-05-05T16:40:00Z"),
        ("prije 1 sat i 20 minuta", "2024-05-05T16:40:00Z"),  # (on Croatian pages)
        ("acum 2 ore și 5 minute", "2024-05-05T15:55:00Z"),  # (on Romanian pages)
        ("1 час 20 минут назад", "2024-05-05T16:40:00Z"),
        # Django's timesince, before "ago": its units apart by a comma.
        ("2 days, 3 hours ago", "2024-05-03T15:00:00Z"),
        ("1 hour, 20 minutes ago", "2024-05-05T16:40:00Z"),
        # A number after the phrase that counts no time is no part of it; a larger unit after
        # a smaller one makes no length: the one nearest "ago" is how long ago.
        ("vor 2 Stunden 3 Tore", "2024-05-05T16:00:00Z"),
        ("2 days 3 weeks ago", "2024-04-14T18:00:00Z"),
        # A comma lists another length: a reading time, a clip's, after or before the stamp.
        ("hace 3 horas, 5 min de lectura", "2024-05-05T15:00:00Z"),
        ("vor 3 Std., 4 Min. Lesezeit", "2024-05-05T15:00:00Z"),
        ("Audio, 3 min, 5 minutes ago", "2024-05-05T17:55:00Z"),
        ("Video, 2 minutes 30 seconds, 45 minutes ago", "2024-05-05T17:15:00Z"),
    ],
)
def test_how_long_ago_in_two_units(text: str, utc: str) -> None:
    """A length of time in two units, a smaller after a larger, is the sum of both."""
    languages = ("hr",) if text.startswith("prije") else ("ro",) if text.startswith("acum") else ()
    reading = PageClock(FETCHED, BERLIN, date(2024, 5, 5), languages).read(text)
    assert reading is not None and (reading.kind, reading.utc) == ("relative", utc)


def test_how_long_ago_in_turkish_capitals() -> None:
    """Turkish capitals lower a dotted İ to "i" and a combining dot: "5 DAKİKA ÖNCE" is five
    minutes ago (it raised StopIteration, failing the page, before), "İKİ SAAT ÖNCE" two
    hours."""
    for text, utc in [
        ("5 DAKİKA ÖNCE", "2024-05-05T17:55:00Z"),
        ("İKİ SAAT ÖNCE", "2024-05-05T16:00:00Z"),
        ("1 SAAT 20 DAKİKA ÖNCE", "2024-05-05T16:40:00Z"),
    ]:
        reading = read(text)
        assert reading is not None and (reading.kind, reading.utc) == ("relative", utc), text


def test_the_pages_language_decides_only_what_other_languages_mean_otherwise() -> None:
    """ "hier" is yesterday in French and "here" in German; "am" is a German preposition.
    Phrases no other language uses are read whatever the page claims to be."""
    german = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("de",))
    french = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("fr",))
    assert german.read("hier 14:05") == Reading("clock", "2024-05-05T12:05:00Z", "14:05", (14, 5))
    french_reading = french.read("hier 14:05")
    assert french_reading is not None and french_reading.utc == "2024-05-04T12:05:00Z"
    assert german.read("7 am") is None and CLOCK.read("7 am") is not None
    english = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("en",))  # a German page says "en"
    reading = english.read("vor 5 Minuten")
    assert reading is not None and reading.utc == "2024-05-05T17:55:00Z"
    assert english.read("Nu") is None and english.read("Now") is not None


def test_the_first_time_is_read() -> None:
    reading = read("19:30 – 45+2' – vor 5 Minuten")
    assert reading is not None and reading.kind == "clock"
    reading = read("45+2' (19:30)")
    assert reading is not None and reading.minute == "45+2'"


def test_a_zone_in_the_text_wins() -> None:
    reading = read("20:51 (IST)")
    assert reading == Reading("clock", "2024-05-05T15:21:00Z", "20:51 (IST)", (20, 51))
    reading = read("12:05 UTC+2, 3 July 2024")
    assert reading is not None and reading.utc == "2024-07-03T10:05:00Z"


def test_machine_times_in_text() -> None:
    reading = read("Stand: 2024-05-05T10:00:00+02:00")
    assert reading is not None and (reading.kind, reading.utc) == ("full", "2024-05-05T08:00:00Z")
    reading = read("2024-05-05T10:00")  # naive: the page's zone
    assert reading is not None and reading.utc == "2024-05-05T08:00:00Z"


def test_daylight_saving_follows_the_date() -> None:
    winter = PageClock(FETCHED, BERLIN, date(2024, 1, 15), ())
    summer = PageClock(FETCHED, BERLIN, date(2024, 4, 15), ())
    assert (winter.read("19:30") or Reading("", None, "")).utc == "2024-01-15T18:30:00Z"
    assert (summer.read("19:30") or Reading("", None, "")).utc == "2024-04-15T17:30:00Z"
    reading = read("9:05 a.m. ET, January 8, 2024")
    assert reading is not None and reading.utc == "2024-01-08T14:05:00Z"  # EST, not EDT


def test_a_date_without_a_year_is_the_last_one_before_the_fetch() -> None:
    reading = read("28.09., 19:30 Uhr")  # September 2024 lies ahead: September 2023
    assert reading is not None and reading.utc == "2023-09-28T17:30:00Z"
    reading = read("4. Mai, 22:10")
    assert reading is not None and reading.utc == "2024-05-04T20:10:00Z"


def test_month_names_are_one_table() -> None:
    assert MONTHS["maja"] == MONTHS["mai"] == MONTHS["mayo"] == MONTHS["mei"] == 5
    assert MONTHS["października"] == MONTHS["okt"] == MONTHS["out"] == 10
    assert MONTHS["grudnia"] == MONTHS["dez"] == MONTHS["dic"] == 12
    assert MONTHS["temmuz"] == MONTHS["july"] == 7 and MONTHS["ağustos"] == MONTHS["agustos"] == 8


def test_us_pages_write_the_month_first() -> None:
    us = PageClock(FETCHED, ZoneInfo("America/New_York"), date(2024, 5, 5), ("en",))
    reading = us.read("03/04/2024 2:30 PM")
    assert reading is not None and reading.utc == "2024-03-04T19:30:00Z"
    reading = CLOCK.read("03/04/2024 14:30")
    assert reading is not None and reading.utc == "2024-04-03T12:30:00Z"


# --- Bare clocks and their day ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "text", "utc"),
    [
        # Read years after it was served, a page keeps the year of its own day.
        (date(2020, 2, 26), "le 26 février à 23h01", "2020-02-26T22:01:00Z"),
        # A live blog over New Year: the date nearest the page's day, in the year before.
        (date(2021, 1, 1), "31 décembre, 23h50", "2020-12-31T22:50:00Z"),
        (date(2020, 12, 31), "1er janvier, 00h10", "2020-12-31T23:10:00Z"),
        # A page that states no day: the last such day up to the fetch.
        (None, "4 mai, 14h05", "2024-05-04T12:05:00Z"),
        (None, "8 mai, 14h05", "2023-05-08T12:05:00Z"),
    ],
)
def test_a_date_without_a_year_is_the_one_nearest_the_pages_day(
    day: date | None, text: str, utc: str
) -> None:
    page = PageClock(FETCHED, BERLIN, day, ("fr",))
    reading = page.read(text)
    assert reading is not None and (reading.kind, reading.utc) == ("full", utc)


def test_a_clock_is_placed_only_on_a_known_day() -> None:
    undated = PageClock(FETCHED, BERLIN, None, ())
    assert undated.read("19:30") == Reading("clock", None, "19:30", (19, 30))
    assert undated.place_clocks([(19, 30)]) == ["2024-05-05T17:30:00Z"]  # the fetch day


def test_a_clock_later_than_the_fetch_is_yesterdays() -> None:
    assert read("21:15") == Reading("clock", "2024-05-04T19:15:00Z", "21:15", (21, 15))
    assert read("20:01") == Reading("clock", "2024-05-05T18:01:00Z", "20:01", (20, 1))  # clock skew


def test_a_stream_crossing_midnight() -> None:
    clocks = [(19, 30), (19, 17), None, (0, 45), (23, 50), (22, 0), (22, 0)]
    assert CLOCK.place_clocks(clocks) == [
        "2024-05-05T17:30:00Z",
        "2024-05-05T17:17:00Z",
        None,
        "2024-05-04T22:45:00Z",
        "2024-05-04T21:50:00Z",
        "2024-05-04T20:00:00Z",
        "2024-05-04T20:00:00Z",
    ]


def test_a_stream_whose_top_lies_after_the_fetch() -> None:
    """At 20:00 a stream topped by 21:15 is yesterday's, and so is what follows it."""
    assert CLOCK.place_clocks([(21, 15), (20, 30), (8, 0)]) == [
        "2024-05-04T19:15:00Z",
        "2024-05-04T18:30:00Z",
        "2024-05-04T06:00:00Z",
    ]


def test_a_stream_over_several_days() -> None:
    """Newest first (its clocks fall more often than they rise): a day back at each rise."""
    placed = CLOCK.place_clocks([(10, 0), (18, 0), (9, 0), (20, 0), (15, 0), (8, 0)])
    assert placed == [
        "2024-05-05T08:00:00Z",
        "2024-05-04T16:00:00Z",
        "2024-05-04T07:00:00Z",
        "2024-05-03T18:00:00Z",
        "2024-05-03T13:00:00Z",
        "2024-05-03T06:00:00Z",
    ]


@pytest.mark.parametrize("newest_first", [True, False])
def test_a_clock_a_little_out_of_its_streams_order_is_not_a_day_back(newest_first: bool) -> None:
    """A post whose clock says when a thing happened (13:15) above one posted at 13:38 is out
    of order by minutes, not a day and all but minutes apart; a rise of an hour or more
    still says midnight passed (posts 22 hours apart: 09:00 today above 10:30 yesterday)."""
    clocks = [(14, 50), (13, 15), (13, 38), (12, 3), (0, 30), (22, 40), (21, 0)]
    placed = [
        "2024-05-05T12:50:00Z",
        "2024-05-05T11:15:00Z",
        "2024-05-05T11:38:00Z",
        "2024-05-05T10:03:00Z",
        "2024-05-04T22:30:00Z",
        "2024-05-04T20:40:00Z",
        "2024-05-04T19:00:00Z",
    ]
    if newest_first:
        assert CLOCK.place_clocks(clocks) == placed
    else:
        assert CLOCK.place_clocks(clocks[::-1]) == placed[::-1]
    assert CLOCK.place_clocks([(9, 0), (10, 30), (8, 0)]) == [
        "2024-05-05T07:00:00Z",
        "2024-05-04T08:30:00Z",
        "2024-05-04T06:00:00Z",
    ]


def test_a_stream_oldest_first_is_placed_from_its_end() -> None:
    """Clocks that mostly rise run oldest first: the last is the newest, on the page's day,
    and the stream crossed midnight where a clock falls."""
    assert CLOCK.place_clocks([(22, 0), (23, 30), None, (0, 15), (1, 0)]) == [
        "2024-05-04T20:00:00Z",
        "2024-05-04T21:30:00Z",
        None,
        "2024-05-04T22:15:00Z",
        "2024-05-04T23:00:00Z",
    ]


def test_a_stream_under_headings_that_name_its_days_is_placed_on_them() -> None:
    """A ticker's headings between its days ("Freitag, 3. Mai"): the clocks under one are on
    its day, whatever lies between (no post on the Thursday), however each day's clocks run."""
    may = [date(2024, 5, day) for day in (5, 5, 3, 3, 1)]
    assert CLOCK.place_clocks([(10, 0), (8, 0), (23, 0), (22, 0), (9, 30)], may) == [
        "2024-05-05T08:00:00Z",
        "2024-05-05T06:00:00Z",
        "2024-05-03T21:00:00Z",
        "2024-05-03T20:00:00Z",
        "2024-05-01T07:30:00Z",
    ]
    # Oldest first: the same days, read from the end.
    assert CLOCK.place_clocks([(9, 30), (22, 0), (23, 0)], [may[4], may[3], may[2]]) == [
        "2024-05-01T07:30:00Z",
        "2024-05-03T20:00:00Z",
        "2024-05-03T21:00:00Z",
    ]
    # The heading names the day of every post below it, oldest first too, and a clock on that
    # day later than the fetch (20:00 in Berlin) is still to come: a programme's, not
    # yesterday's.
    below = [date(2024, 5, 5), None, None, None]
    assert CLOCK.place_clocks([(6, 0), (9, 30), (18, 0), (21, 15)], below) == [
        "2024-05-05T04:00:00Z",
        "2024-05-05T07:30:00Z",
        "2024-05-05T16:00:00Z",
        "2024-05-05T19:15:00Z",
    ]
    # Read oldest first past midnight, a heading's posts run on into the next day.
    night = [date(2024, 5, 3), None, None, None]
    assert CLOCK.place_clocks([(21, 0), (23, 50), (0, 20), (0, 45)], night) == [
        "2024-05-03T19:00:00Z",
        "2024-05-03T21:50:00Z",
        "2024-05-03T22:20:00Z",
        "2024-05-03T22:45:00Z",
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Freitag, 3. Mai 2024", date(2024, 5, 3)),
        ("Friday 3 May", date(2024, 5, 3)),
        ("Friday, May 3, 2024", date(2024, 5, 3)),
        ("vendredi 3 mai 2024", date(2024, 5, 3)),
        ("Viernes, 3 de mayo de 2024", date(2024, 5, 3)),
        ("piątek, 3 maja", date(2024, 5, 3)),
        ("03.05.2024", date(2024, 5, 3)),
        ("3. Mai", date(2024, 5, 3)),
        # A day word, from the fetch's day.
        ("Gestern", date(2024, 5, 4)),
        ("Today:", date(2024, 5, 5)),
        # More than a day: a time, a sentence, a title.
        ("Freitag, 3. Mai 2024, 14:05 Uhr", None),
        ("3 May: what we know", None),
        ("Am 3. Mai begann der Streik", None),
        ("12 people were hurt", None),
    ],
)
def test_a_line_that_names_a_day_and_nothing_else(text: str, day: date | None) -> None:
    assert CLOCK.day_named(text) == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # The day of the week says which year: this Tuesday, to come, not last year's 7 May.
        ("Tuesday, 7 May", date(2024, 5, 7)),
        ("Dienstag, 7. Mai", date(2024, 5, 7)),
        ("7 May, Tuesday", date(2024, 5, 7)),
        ("7 May", date(2023, 5, 7)),
        # Last year's Tuesday the 9th of May, passed; a day that fits no year keeps the rule.
        ("Tuesday 9 May", date(2023, 5, 9)),
        ("Monday 7 May", date(2023, 5, 7)),
        # A weekday that names no day near the page's is a typo, not a year away: a blog's
        # heading "Sunday, 4 May" (a Saturday this year, a Sunday next), "Monday, 1 May" (a
        # Wednesday this year, a Monday last).
        ("Sunday, 4 May", date(2024, 5, 4)),
        ("Monday, 1 May", date(2024, 5, 1)),
    ],
)
def test_a_day_of_the_week_picks_the_year_of_a_date_without_one(text: str, day: date) -> None:
    """A what's-on page heads its days "Tuesday, 7 May": read nearest the page's day and never
    after the fetch, it was last year's 7 May, a Sunday, and the concerts to come passed for
    a stream of the past."""
    assert CLOCK.day_named(text) == day


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("Tuesday, 7 May · 19:00", "2024-05-07T17:00:00Z"),
        ("terça-feira, 7 de maio · 19h00", "2024-05-07T17:00:00Z"),
        ("7 May · 19:00", "2023-05-07T17:00:00Z"),
        ("Friday, 3 May, 19:00", "2024-05-03T17:00:00Z"),
    ],
)
def test_a_day_of_the_week_picks_the_year_of_a_date_beside_a_clock(text: str, utc: str) -> None:
    """A gig's "Tuesday, 7 May · 19:00" on a what's-on page fetched on Sunday the 5th."""
    reading = read(text)
    assert reading is not None and reading.utc == utc


def test_a_date_line_is_told_without_a_page() -> None:
    """A line that states a date and nothing else, whatever page it is on."""
    assert is_date_line(" Dienstag, 12. März 2024 ") and is_date_line("14 March 2024")
    assert not is_date_line("14 March 2024: what we know") and not is_date_line("Gestern")


def test_hier_names_a_day_on_a_french_page_only() -> None:
    """French "yesterday", German and Dutch "here": the page's language says which."""
    french, german = (
        PageClock(FETCHED, BERLIN, date(2024, 5, 5), (lang,)) for lang in ["fr", "de"]
    )
    assert french.day_named("Hier") == date(2024, 5, 4)
    assert german.day_named("Hier") is None


@pytest.mark.parametrize(
    ("utc", "kept"),
    [
        (None, False),
        ("", False),
        ("1970-01-01T00:00:00Z", False),
        ("1989-12-31T23:59:59Z", False),
        ("1990-01-01T00:00:00Z", True),
        ("2024-05-05T18:00:00Z", True),
        ("2024-05-06T18:00:00Z", True),  # a day after the fetch: a fast clock, still a time
        ("2024-05-06T18:00:01Z", False),
        ("2031-01-01T00:00:00Z", False),
        ("2024-05-06T19:00:00+01:00", True),
        ("2024-05-06T21:00:00+02:00", False),
        ("soon", False),
    ],
)
def test_plausible_times(utc: str | None, kept: bool) -> None:
    fetched = format_utc(CLOCK.fetched_at)
    assert instant.plausible(utc, fetched) == (utc if kept else None)


# --- What a page tells: zone, day, languages --------------------------------------------------


def page(
    lang: str | None = None,
    head: str = "",
    body: str = "<p>Text</p>",
) -> bytes:
    html = f' lang="{lang}"' if lang else ""
    return f"<!DOCTYPE html><html{html}><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


def jsonld(**dates: str) -> str:
    data = {"@context": "https://schema.org", "@type": "LiveBlogPosting", **dates}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta(prop: str, value: str) -> str:
    return f'<meta property="{prop}" content="{value}">'


def clock_of(
    body: bytes, url: str = "https://news.example/live", fetched: datetime = FETCHED
) -> PageClock:
    root = parse(body)
    assert root is not None
    return page_clock(root, url, fetched)


def zone_name(clock: PageClock) -> str:
    return getattr(clock.zone, "key", str(clock.zone))


@pytest.mark.parametrize(
    ("lang", "url", "zone"),
    [
        ("pl", "https://news.example/live", "Europe/Warsaw"),
        ("de", "https://news.example/live", "Europe/Berlin"),
        ("de-AT", "https://news.example/live", "Europe/Vienna"),
        ("de", "https://www.news.ch/live", "Europe/Zurich"),
        ("fr", "https://news.example/live", "Europe/Paris"),
        ("fr", "https://www.lesoir.be/live", "Europe/Brussels"),
        ("it", "https://news.example/live", "Europe/Rome"),
        ("es", "https://news.example/live", "Europe/Madrid"),
        ("es", "https://www.clarin.com.ar/live", "America/Argentina/Buenos_Aires"),
        ("pt", "https://news.example/live", "Europe/Lisbon"),
        ("pt-BR", "https://news.example/live", "America/Sao_Paulo"),
        ("pt", "https://g1.globo.com.br/live", "America/Sao_Paulo"),
        ("nl", "https://news.example/live", "Europe/Amsterdam"),
        ("en-GB", "https://news.example/live", "Europe/London"),
        ("en", "https://www.mirror.co.uk/live", "Europe/London"),
        ("en", "https://www.irishtimes.ie/live", "Europe/Dublin"),
        ("en-US", "https://news.example/live", "America/New_York"),
        ("en-IN", "https://news.example/live", "Asia/Kolkata"),
        ("en", "https://www.abc.com.au/live", "Australia/Sydney"),
        ("en", "https://news.example/live", "UTC"),
        (None, "https://news.example/live", "UTC"),
        (None, "https://sportowefakty.wp.pl/live", "Europe/Warsaw"),
        # Colombia's Spanish is no Madrid's (Infobae's Colombian edition, El Tiempo)...
        ("es-CO", "https://news.example/live", "America/Bogota"),
        ("es", "https://www.eltiempo.com.co/live", "America/Bogota"),
        ("es-CR", "https://news.example/live", "America/Costa_Rica"),
        # A script's subtag names no country: "sr-Cyrl" is Serbian, not Cyprus's ("cy").
        ("sr-Cyrl", "https://www.rtrs.tv/live", "Europe/Belgrade"),
        ("ca", "https://www.ara.cat/live", "Europe/Madrid"),
        ("eu", "https://www.eitb.eus/live", "Europe/Madrid"),
        ("fa", "https://news.example/live", "Asia/Tehran"),
        ("sr-Cyrl-BA", "https://www.rtrs.tv/live", "Europe/Sarajevo"),
        ("ar", "https://news.example.ma/live", "Africa/Casablanca"),
        # ...but a domain anyone may buy says nothing of where its site is.
        ("en", "https://thenews.co/live", "UTC"),
        ("fr", "https://lejournal.me/live", "Europe/Paris"),
    ],
)
def test_zone_from_language_and_domain(lang: str | None, url: str, zone: str) -> None:
    assert zone_name(clock_of(page(lang), url)) == zone


@pytest.mark.parametrize(
    ("lang", "dates", "zone"),
    [
        # The page's own offsets decide between the zones it may be in.
        ("de", ["2024-06-05T08:10:11+02:00"], "Europe/Berlin"),
        ("de", ["2024-01-05T08:10:11+01:00"], "Europe/Berlin"),
        ("de", ["2024-06-05T08:10:11+01:00"], "Europe/London"),  # +01:00 in June is not Berlin
        ("en", ["2024-01-10T09:00:00-05:00", "2024-07-10T09:00:00-04:00"], "America/New_York"),
        ("en", ["2024-07-10T09:00:00-07:00"], "America/Los_Angeles"),
        ("en", ["2023-11-02T20:51:00+05:30"], "Asia/Kolkata"),
        ("pt", ["2024-07-10T09:00:00-03:00"], "America/Sao_Paulo"),
        # "Z" and "+00:00" are how servers write UTC, not a zone.
        ("pl", ["2024-06-05T08:10:11Z", "2024-06-05T08:10:11+00:00"], "Europe/Warsaw"),
    ],
)
def test_zone_from_the_pages_offsets(lang: str, dates: list[str], zone: str) -> None:
    head = jsonld(datePublished=dates[0], dateModified=dates[-1])
    assert zone_name(clock_of(page(lang, head))) == zone


@pytest.mark.parametrize(
    ("lang", "url", "line", "zone"),
    [
        # A page nothing else places ("en", ".com", its times written "Z"): the zone a line at
        # its top names beside a clock is the zone of its clocks, daylight saving and all.
        ("en", "https://news.example/live", "Updated April 14, 2024 at 11:42 a.m. EDT",
         "America/New_York"),
        ("en", "https://news.example/live", "Last updated 9:05 pm ET", "America/New_York"),
        ("en", "https://news.example/live", "Last updated <!-- -->9:05 pm ET", "America/New_York"),
        ("en", "https://news.example/live", "Updated 14:05 IST", "Asia/Kolkata"),
        ("en", "https://news.example/live", "Updated 10:40 GMT", "UTC"),
        (None, "https://news.example/live", "Stand: 14:05 Uhr MESZ", "Europe/Berlin"),
        # Where the domain or the language places the page, a time it quotes from elsewhere
        # ("the debate starts at 9pm ET" on a British page) does not move it.
        ("en", "https://www.mirror.co.uk/live", "The debate starts at 9pm ET", "Europe/London"),
        ("de", "https://news.example/live", "Um 14:00 Uhr ET spricht Biden", "Europe/Berlin"),
        # A date line in a zone of the Americas places a page its language alone would put in
        # Europe: Infobae's Spanish dates its changes in US Eastern time, React splitting the
        # line with a comment.
        ("es-CO", "https://www.infobae.com/colombia/live",
         "Actualizado: <!-- -->12 Sep, 2026 04:41 p. m. EST", "America/New_York"),
        ("es", "https://news.example/live", "Actualizado: 12 Sep, 2026 04:41 p. m. EST",
         "America/New_York"),
        # ...not a European zone, nor a date line under a domain's own zone.
        ("es", "https://news.example/live", "Actualizado: 12 Sep, 2026 16:41 CET", "Europe/Madrid"),
        ("es", "https://www.clarin.com.ar/live", "Actualizado: 12 Sep, 2026 04:41 p. m. EST",
         "America/Argentina/Buenos_Aires"),
        # A date line of the event covered, no stamp of the page, places nothing.
        ("es", "https://www.marca.com/live",
         "Domingo 9 de febrero de 2025, 18:30 ET (00:30 hora peninsular)", "Europe/Madrid"),
        ("en-GB", "https://www.bbc.com/sport/live",
         "Kick-off: Sunday 9 February 2025, 6:30pm ET", "Europe/London"),
        # A number without a clock is no clock in a zone.
        ("en", "https://news.example/live", "Page 2 of 5 PT", "UTC"),
    ],
)  # fmt: skip
def test_zone_a_page_prints_beside_a_clock(
    lang: str | None, url: str, line: str, zone: str
) -> None:
    head = jsonld(datePublished="2024-04-13T21:40:00.000Z", dateModified="2024-04-14T15:42:10Z")
    body = f"<header><p>{line}</p></header><p>Text</p>"
    assert zone_name(clock_of(page(lang, head, body), url)) == zone


def test_an_offset_no_known_zone_has_is_kept_as_it_is() -> None:
    clock = clock_of(page("ne", jsonld(datePublished="2024-05-05T10:00:00+05:45")))
    assert clock.zone == timezone(timedelta(hours=5, minutes=45))


def _publisher(kind: str, country: Any, where: str = "publisher") -> str:
    place = {"@type": "PostalAddress", "addressCountry": country}
    if where == "publisher":
        data = {"@type": "LiveBlogPosting", "publisher": {"@type": kind, "address": place}}
    elif where == "self":
        data = {"@type": kind, "name": "The News", "address": place}
    else:  # the event the blog covers, not its publisher
        data = {
            "@type": "LiveBlogPosting",
            "about": {"@type": "Event", "location": {"@type": "Place", "address": place}},
        }
    return f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", **data})}</script>'


_OWN = "https://news.example/live"


@pytest.mark.parametrize(
    ("lang", "url", "head", "zone"),
    [
        # A .com page that names no region: the country domain of its own address (canonical,
        # og:url)...
        ("en", _OWN, '<link rel="canonical" href="https://www.news.example.co.uk/live">',
         "Europe/London"),
        ("en", _OWN, meta("og:url", "https://www.news.example.com.sg/live"), "Asia/Singapore"),
        # ...the region of the alternate that is the page itself...
        ("en", _OWN, f'<link rel="canonical" href="{_OWN}">'
         f'<link rel="alternate" hreflang="en-gb" href="{_OWN}">', "Europe/London"),
        ("en", _OWN, f'<link rel="alternate" hreflang="en-AU" href="{_OWN}/">', "Australia/Sydney"),
        # ...the country of its publisher's address in its structured data.
        ("en", _OWN, _publisher("NewsMediaOrganization", "GB"), "Europe/London"),
        ("en", _OWN, _publisher("Organization", {"@type": "Country", "name": "SG"}, "self"),
         "Asia/Singapore"),
        ("en", _OWN, _publisher("Organization", "hk"), "Asia/Hong_Kong"),
        # Another edition's alternate, an event's place, a domain anyone may buy: no region.
        ("en", _OWN, '<link rel="alternate" hreflang="en-gb" href="https://news.example/uk/live">',
         "UTC"),
        ("en", _OWN, _publisher("Event", "FR", "event"), "UTC"),
        ("en", _OWN, '<link rel="canonical" href="https://thenews.co/live">', "UTC"),
        # The address fetched, then the language's region, outrank them...
        ("en", "https://www.mirror.co.uk/live",
         '<link rel="canonical" href="https://www.mirror.com.au/live">', "Europe/London"),
        ("en-IN", _OWN, _publisher("Organization", "GB"), "Asia/Kolkata"),
        ("en", _OWN, f'{meta("og:locale", "en_ZA")}{_publisher("Organization", "GB")}',
         "Africa/Johannesburg"),
        # ...and the publisher's address is outranked by a zone its own stamp prints too.
        ("en", _OWN, _publisher("Organization", "GB") + "</head><body><p>Updated 9:05 pm ET</p>",
         "America/New_York"),
    ],
)  # fmt: skip
def test_zone_from_the_pages_own_address_and_publisher(
    lang: str, url: str, head: str, zone: str
) -> None:
    assert zone_name(clock_of(page(lang, head), url)) == zone


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        # A note of the zone the page's clocks are in, with no clock beside it, at its top.
        ("All times BST", "Europe/London"),
        ("All times are SGT", "UTC+08:00"),
        ("All times in AEST", "Australia/Sydney"),
        ("All times shown are GMT+8", "UTC+08:00"),
        # Not a zone that names no time of the page's, nor a word that is no zone.
        ("BST readings rose", "UTC"),
        ("All times at the ISS: see below", "UTC"),
    ],
)
def test_zone_a_note_at_the_pages_top_names(line: str, zone: str) -> None:
    body = f"<header><p>{line}</p></header><p>Text</p>"
    assert str(clock_of(page("en", "", body), "https://news.example.com/live").zone) == zone


def _about(kind: str, key: str, country: str) -> str:
    """JSON-LD whose organization with an address is not the publisher: the blog's agency
    author, the club or body it is about, an event's organizer, one it mentions."""
    org = {
        "@type": kind,
        "name": "Body",
        "address": {"@type": "PostalAddress", "addressCountry": country},
    }
    node: Any = {"@type": "SportsEvent", "organizer": org} if key == "organizer" else org
    data = {"@type": "LiveBlogPosting", "about" if key == "organizer" else key: node}
    return f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", **data})}</script>'


@pytest.mark.parametrize(
    ("kind", "key", "country"),
    [
        # Organizations the blog names that are not its publisher: their country is not its.
        ("Organization", "author", "FR"),
        ("SportsOrganization", "about", "ES"),
        ("SportsOrganization", "organizer", "CH"),
        ("GovernmentOrganization", "mentions", "BE"),
    ],
)
def test_no_zone_from_an_organization_not_the_publisher(kind: str, key: str, country: str) -> None:
    assert zone_name(clock_of(page("en", _about(kind, key, country)), _OWN)) == "UTC"


def test_no_zone_from_own_alternates_of_several_regions() -> None:
    """One page for every region: each alternate's address is the page itself."""
    head = f'<link rel="canonical" href="{_OWN}">' + "".join(
        f'<link rel="alternate" hreflang="{t}" href="{_OWN}">' for t in ("en-us", "en-gb", "en-au")
    )
    assert zone_name(clock_of(page("en", head), _OWN)) == "UTC"
    head = f'<link rel="alternate" hreflang="en-gb" href="{_OWN}">'
    head += f'<link rel="alternate" hreflang="x-default" href="{_OWN}">'
    assert zone_name(clock_of(page("en", head), _OWN)) == "Europe/London"


def test_all_times_in_a_posts_sentence_is_no_note() -> None:
    body = "<p>At all times BST readings were normal, the operator said.</p><p>Text</p>"
    assert str(clock_of(page("en", "", body), "https://news.example.com/live").zone) == "UTC"


def test_a_com_pages_bare_clocks_in_the_zone_its_own_address_names() -> None:
    """A British publisher's .com page (`lang="en"`, no zone printed anywhere) whose canonical
    is its .co.uk: its bare clocks are British summer time, not UTC."""
    posts = "".join(
        f'<article class="live-post"><span class="post-time">{clock}</span><h2>{title}</h2>'
        f"<p>{title}, and more words so that the post stands as one of its own.</p></article>"
        for clock, title in [("14:05", "Minister arrives"), ("13:40", "Crowds gather")]
    )
    body = page(
        "en",
        '<title>Summit live</title><link rel="canonical" href="https://www.news.example.co.uk/live">',
        f"<main><h1>Summit live</h1>{posts}</main>",
    )
    updates = extract_page(body, _OWN, fetched_at="2024-06-14T15:00:00Z").updates
    assert [u.published_at for u in updates] == ["2024-06-14T13:05:00Z", "2024-06-14T12:40:00Z"]


def test_offsets_from_meta_and_time_elements() -> None:
    head = meta("article:published_time", "2024-06-05T08:10:11+03:00")
    body = '<time datetime="2024-06-05T09:00:00+03:00">09:00</time><p>Text</p>'
    assert zone_name(clock_of(page("en", head, body))) == "Europe/Helsinki"


def test_languages_from_the_page() -> None:
    assert clock_of(page("de-AT")).languages == ("de",)
    assert clock_of(page(None, '<meta property="og:locale" content="pl_PL">')).languages == ("pl",)
    assert clock_of(page(None)).languages == ()
    assert clock_of(page("und")).languages == clock_of(page("x-default")).languages == ()


def test_the_day_of_the_newest_content_in_the_zone() -> None:
    head = jsonld(datePublished="2024-05-01T08:00:00Z", dateModified="2024-05-04T22:30:00Z")
    clock = clock_of(page("de", head))
    assert clock.day == date(2024, 5, 5)  # 00:30 in Berlin
    clock = clock_of(page("de", head), fetched=datetime(2024, 5, 4, 20, 0, tzinfo=UTC))
    assert clock.day == date(2024, 5, 4)  # never after the fetch


@pytest.mark.parametrize(
    ("head", "changed"),
    [
        (meta("article:modified_time", "2024-05-01T08:00:00Z"), True),
        (jsonld(dateModified="2024-05-01T08:00:00Z"), True),
        (
            meta("og:updated_time", "2024-05-01T08:00:00Z")
            + jsonld(dateModified="2024-05-01T08:00:00Z"),
            True,
        ),
        (meta("article:published_time", "2024-05-01T08:00:00Z"), False),
        (jsonld(datePublished="2024-05-01T08:00:00Z"), False),
        # One time labelled both ways, as many pages state it before their first change.
        (
            meta("article:published_time", "2024-05-01T08:00:00Z")
            + meta("article:modified_time", "2024-05-01T08:00:00Z"),
            False,
        ),
        (jsonld(datePublished="2024-05-01T08:00:00Z", dateModified="2024-05-01T08:00:00Z"), False),
    ],
)
def test_the_pages_one_time_says_whether_it_is_its_last_change(head: str, changed: bool) -> None:
    """The one time a page states of itself is its last change where every label it has
    says so (`article:modified_time`, `dateModified`): the end of what it shows."""
    clock = clock_of(page("de", head))
    assert clock.stamp == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    assert clock.stamp_changed is changed


def test_the_day_ignores_what_lies_ahead() -> None:
    body = (
        '<time datetime="2024-05-01T10:00:00Z">1 May</time><time datetime="2024-06-01">June</time>'
    )
    assert clock_of(page("en", "", body)).day == date(2024, 5, 1)


def test_the_day_from_a_dateline_when_no_machine_time_says() -> None:
    head = "<title>Relacja na żywo - 28.09.2020 - Sport</title>"
    assert clock_of(page("pl", head)).day == date(2020, 9, 28)
    body = "<div><span>Sonntag, 3. Mai 2024</span></div><p>Text</p>"
    assert clock_of(page("de", "", body)).day == date(2024, 5, 3)
    assert clock_of(page("de")).day is None


def test_an_asides_date_is_no_dateline_and_an_embedded_tweets_is() -> None:
    """An aside of other stories dated days before is no date of the page: its bare clocks
    stay on the fetch's day. A tweet embedded in a post is of the blog's day: where the page
    states no other date, its date is the page's."""
    post = "<div class='post'><span>09:30</span><p>Der Pegel steigt weiter.</p>{}</div>"
    aside = "<aside><h3>Mehr zum Thema</h3><p>Hochwasser am 20.04.2024</p></aside>"
    assert clock_of(page("de", "", aside + post.format(""))).day is None
    stated = "<p>Stand: 04.05.2024</p>" + aside + post.format("")
    assert clock_of(page("de", "", stated)).day == date(2024, 5, 4)
    tweet = (
        '<blockquote class="twitter-tweet"><p>Wasser!</p>— Feuerwehr (@fw) '
        '<a href="https://twitter.com/fw/status/1">May 4, 2024</a></blockquote>'
    )
    assert clock_of(page("de", "", post.format(tweet))).day == date(2024, 5, 4)


# A post's sentence that names a date, in five languages, and a date line of each.
_SENTENCES = [
    ("en", "On 12 March 2024 the vote was called.", "Tuesday 12 March 2024"),
    ("en", "The vote was called on 12 March 2024.", "Updated: 12 March 2024 14:05"),
    ("de", "Am 12. März 2024 wurde über den Antrag abgestimmt.", "Dienstag, 12. März 2024"),
    ("fr", "Le 12 mars 2024, le vote a eu lieu au Sénat.", "mardi 12 mars 2024"),
    ("es", "El 12 de marzo de 2024 se convocó la votación.", "Actualizado: 12.03.2024"),
    ("pl", "12 marca 2024 r. odbyło się głosowanie w Sejmie.", "wtorek, 12 marca 2024"),
]


@pytest.mark.parametrize(("lang", "sentence", "line"), _SENTENCES)
def test_a_date_in_a_posts_sentence_is_no_date_line(lang: str, sentence: str, line: str) -> None:
    """A page that dates nothing else keeps its bare clocks on the fetch's day where a date is
    only named in a post's sentence; a date line at its top, alone in its box or after a label,
    still dates it."""
    posts = (
        "<div class='post'><span>09:30</span><p>{}</p></div>"
        "<div class='post'><span>09:10</span><p>Lorem ipsum dolor sit amet.</p></div>"
    )
    assert clock_of(page(lang, "", posts.format(sentence))).day is None
    dated = f"<p>{line}</p>" + posts.format(sentence)
    assert clock_of(page(lang, "", dated)).day == date(2024, 3, 12)


# A date line written as a sentence: a label's noun before its date, or a byline's name.
_LABELLED_SENTENCES = [
    ("en", "Last update on 12 March 2024."),
    ("en", "By Sara Rossi, 12 March 2024."),
    ("de", "Letzte Aktualisierung am 12.03.2024."),
    ("de", "Erstellt am 12. März 2024 von Anna Berg."),
    ("fr", "Dernière mise à jour le 12 mars 2024."),
    ("fr", "Par Marie Dupont, le 12 mars 2024."),
    ("it", "Ultimo aggiornamento il 12 marzo 2024."),
    ("es", "Última actualización el 12 de marzo de 2024."),
    ("pt", "Última atualização em 12 de março de 2024."),
    ("nl", "Laatste update op 12 maart 2024."),
]


@pytest.mark.parametrize(("lang", "line"), _LABELLED_SENTENCES)
def test_a_date_line_written_as_a_sentence_dates_the_page(lang: str, line: str) -> None:
    """A date line that opens with a label's noun ("Last update on …") or a byline's name
    ("By Sara Rossi, …") dates a page that dates nothing else, though it closes with a stop;
    the same noun in a post's sentence after other words does not."""
    posts = (
        "<div class='post'><span>09:30</span><p>Lorem ipsum dolor sit amet.</p></div>"
        "<div class='post'><span>09:10</span><p>Lorem ipsum dolor sit amet.</p></div>"
    )
    assert clock_of(page(lang, "", f"<p>{line}</p>{posts}")).day == date(2024, 3, 12)
    told = "<p>The minister said the last update on 12 March 2024 was wrong.</p>"
    assert clock_of(page("en", "", told + posts)).day is None


# --- Real pages -------------------------------------------------------------------------------

LATER = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def corpus_clock(path: str, url: str) -> PageClock:
    return clock_of((corpus_dir() / path).read_bytes(), url, LATER)


@pytest.mark.parametrize(
    ("path", "url", "zone", "day", "languages"),
    [
        ("articles/Popkultur.de-Schauspieler.html", "https://popkultur.de/a", "Europe/Berlin", date(2023, 6, 5), ("de",)),
        ("articles/auto.oe24.at-golfchina.html", "https://auto.oe24.at/a", "Europe/Vienna", date(2021, 11, 5), ("de",)),
        ("articles/gay.ch-papst.html", "https://www.gay.ch/a", "Europe/Zurich", date(2022, 1, 28), ("de",)),
        ("ndtv-cwc2023-ind-sl.html", "https://sports.ndtv.com/a", "Asia/Kolkata", date(2023, 11, 3), ("en",)),
    ],
)  # fmt: skip
def test_corpus_pages(
    path: str, url: str, zone: str, day: date, languages: tuple[str, ...]
) -> None:
    clock = corpus_clock(path, url)
    assert (zone_name(clock), clock.day, clock.languages) == (zone, day, languages)


def test_the_mirror() -> None:
    url = "https://www.mirror.co.uk/news/uk-news/uk-riots-live-hotel-rotherham-33386398"
    clock = clock_of(saved_page("mirror-uk-riots-2024-08-05.html").read_bytes(), url, LATER)
    assert (zone_name(clock), clock.day) == ("Europe/London", date(2024, 8, 5))


def test_sportowefakty_stream_of_bare_clocks() -> None:
    """A Polish speedway live stream: bare local clocks under a page dated by its title."""
    body = (corpus_dir() / "sportowefakty-falubaz.html").read_bytes()
    # Saved after its sidebar's newest news, of 6 October 2020.
    fetched = datetime(2020, 10, 7, 8, 0, tzinfo=UTC)
    clock = clock_of(body, "https://sportowefakty.wp.pl/zuzel/relacja/90448", fetched)
    assert (zone_name(clock), clock.day, clock.languages) == (
        "Europe/Warsaw",
        date(2020, 9, 28),
        ("pl",),
    )
    texts = re.findall(rb'<aside class="coventry__aside">\s*<time>([^<]*)</time>', body)
    readings = [clock.read(t.decode()) for t in texts]
    assert len(readings) == 20
    assert readings and all(r is not None and r.kind == "clock" for r in readings)
    first = readings[0]
    assert first == Reading("clock", "2020-09-28T17:30:00Z", "19:30", (19, 30))
    placed = clock.place_clocks([r.clock if r else None for r in readings])
    assert placed[0] == "2020-09-28T17:30:00Z"
    assert all(p is not None and p.startswith("2020-09-28") for p in placed)
    assert placed == sorted(placed, key=str, reverse=True)
    # Its sidebar dates its news "06-10 17:50": day and month, read beside their clock.
    reading = clock.read("06-10 17:50")
    assert reading is not None and (reading.kind, reading.utc) == ("full", "2020-10-06T15:50:00Z")


# --- Through extraction -----------------------------------------------------------------------


def live_blog(*posts: dict[str, str]) -> bytes:
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "The blog",
        "liveBlogUpdate": [{"@type": "BlogPosting", **post} for post in posts],
    }
    return page("en", f'<script type="application/ld+json">{json.dumps(data)}</script>')


def test_extraction_drops_implausible_times() -> None:
    body = live_blog(
        {"@id": "a", "headline": "Epoch zero", "articleBody": "a", "datePublished": "1970-01-01T00:00:00Z"},
        {"@id": "b", "headline": "Next week", "articleBody": "b", "datePublished": "2024-05-12T10:00:00Z"},
        {"@id": "c", "headline": "Fine", "articleBody": "c", "datePublished": "2024-05-05T10:00:00Z",
         "dateModified": "2024-05-07T10:00:00Z"},
    )  # fmt: skip
    updates = extract_page(
        body, "https://news.example/live", fetched_at="2024-05-05T18:00:00Z"
    ).updates
    assert [(u.source_id, u.published_at, u.modified_at) for u in updates] == [
        ("a", None, None),
        ("b", None, None),
        ("c", "2024-05-05T10:00:00Z", None),
    ]
    # Fetched a week later, next week's post is a time again.
    later = extract_page(body, "https://news.example/live", fetched_at="2024-05-12T18:00:00Z")
    assert later.updates[1].published_at == "2024-05-12T10:00:00Z"


def test_a_fetch_time_reads_relative_times_as_the_crawl_did() -> None:
    """The generic extractor reads "gestern, 14:05 Uhr" against the fetch, so a reparse of a
    snapshot (its WARC-Date) gives the times the crawl gave."""
    post = (
        '<article class="post"><span class="when">gestern, {} Uhr</span>'
        "<p>Die Polizei meldet neue Entwicklungen am Hauptbahnhof der Stadt.</p></article>"
    )
    body = page("de", "", "".join(post.format(t) for t in ("14:05", "12:30", "09:15")))
    url = "https://news.example/live"
    crawl = extract_page(body, url, fetched_at="2024-05-05T18:00:00.123456Z")
    assert [u.published_at for u in crawl.updates] == [
        "2024-05-04T12:05:00Z",
        "2024-05-04T10:30:00Z",
        "2024-05-04T07:15:00Z",
    ]
    again = extract_page(body, url, fetched_at="2024-05-05T18:00:00.123456Z")
    assert [u.published_at for u in again.updates] == [u.published_at for u in crawl.updates]
    a_day_later = extract_page(body, url, fetched_at="2024-05-06T18:00:00Z")
    assert a_day_later.updates[0].published_at == "2024-05-05T12:05:00Z"


@pytest.mark.parametrize(
    "fetched_at", ["0001-01-01T00:00:00Z", "1989-12-31T00:00:00Z", "9999-12-31T23:59:59Z"]
)
def test_a_fetch_time_no_fetch_has_is_none(fetched_at: str) -> None:
    """A snapshot's date that no fetch can have (a damaged WARC-Date, year 1 or 9999): read as
    a page given no fetch time, not an overflow of the days counted from it."""
    post = (
        '<article class="post"><span class="when">gestern, {} Uhr</span>'
        "<p>Die Polizei meldet neue Entwicklungen am Hauptbahnhof der Stadt.</p></article>"
    )
    body = page("de", "", "".join(post.format(t) for t in ("14:05", "12:30", "09:15")))
    url = "https://news.example/live"
    odd = extract_page(body, url, fetched_at=fetched_at)
    none = extract_page(body, url)
    assert len(odd.updates) == len(none.updates) == 3
    assert [u.body_text for u in odd.updates] == [u.body_text for u in none.updates]
    assert all(u.published_at for u in odd.updates)


def test_a_stamp_of_how_long_ago_in_one_letter_on_an_english_page() -> None:
    """ "11m", "1h", "2d", a post's whole stamp on an English page, is how long ago; on a page
    in another language, or one that names none, "14h" stays a clock."""
    english = PageClock(FETCHED, ZoneInfo("Europe/London"), None, ("en",))
    assert [(english.read(t) or Reading("", None, "")).utc for t in ("11m", "1h", "2d")] == [
        "2024-05-05T17:49:00Z",
        "2024-05-05T17:00:00Z",
        "2024-05-03T18:00:00Z",
    ]
    assert english.read("Now 11m") is None  # the whole text only
    for languages in (("fr",), ()):
        page = PageClock(FETCHED, ZoneInfo("Europe/Paris"), date(2024, 5, 5), languages)
        assert (page.read("14h") or Reading("", None, "")).clock == (14, 0)


@pytest.mark.parametrize(
    ("name", "summer"),
    [
        ("America/New_York", "-04:00"),
        ("CET", "+02:00"),  # a zone's name keeps its summer time
        ("Japan", "+09:00"),
        ("+05:30", "+05:30"),
        ("UTC-4", "-04:00"),
        ("Europe/Nowhere", None),
        ("", None),
        ("America", None),  # a folder of zones
        ("a" * 300, None),
    ],
)
def test_the_zone_a_setting_names(name: str, summer: str | None) -> None:
    """A plugin's settings name the site's zone (WordPress's `timezone_string`)."""
    zone = zone_named(name)
    offset = None if zone is None else datetime(2024, 7, 1, 12, tzinfo=zone).isoformat()[-6:]
    assert offset == summer


def test_the_stories_a_sidebar_lists_do_not_date_the_page() -> None:
    """A stream of bare clocks beside a "Most read" box (Denník N) or a "Read also" teaser
    (Meduza) whose <time>s are yesterday's: the page is not yesterday's. Its own date then
    dates it (Meduza's heading), else the fetch's day; a post's permalink that holds its time
    alone still dates the page. (A page that states no day places its clocks by the fetch.)"""
    stream = "<main><article><p><b>14:52</b> Words of the post.</p></article></main>"
    most_read = (
        "<aside><h2>Most read</h2><ol><li><a href='/6120001/prices/'>Why prices rise</a> "
        "<time datetime='2024-05-04T18:00:00+02:00'>4. 5.</time></li></ol></aside>"
    )
    assert clock_of(page("sk", body=stream + most_read)).day is None
    read_also = (
        "<section><h3>Read also</h3><a href='/news/2024/05/03/talks'>Talks to resume "
        "<time datetime='2024-05-03T18:30:00.000Z'>3 May</time></a></section>"
    )
    heading = "<h1>War: <span>4 May 2024</span></h1>"
    assert clock_of(page("en", body=heading + stream + read_also)).day == date(2024, 5, 4)
    assert clock_of(page("en", body=stream + read_also)).day is None
    permalink = (
        "<article><a href='/live/post-1'><time datetime='2024-05-04T22:10:00+02:00'>22:10"
        "</time></a><p>Words of the post.</p></article>"
    )
    assert clock_of(page("de", body=permalink + read_also)).day == date(2024, 5, 4)
    # An article's own footer ("First published …", as WordPress themes print it) dates it;
    # the page's footer, outside the article, does not.
    first_published = (
        "<article>" + stream + "<footer class='entry-footer'>First published <time datetime="
        "'2024-05-04T17:30:00+00:00'>5.30pm</time></footer></article>"
    )
    assert clock_of(page("en", body=first_published)).day == date(2024, 5, 4)
    site_footer = stream + (
        "<footer><p>Latest: <time datetime='2024-05-03T09:00:00Z'>3 May</time></p></footer>"
    )
    assert clock_of(page("en", body=site_footer)).day is None
    # A story's own <article> in a "Most read" <aside> (or a <nav>, the page's footer) is
    # another story's all the same.
    for box in ("aside", "nav", "footer"):
        listed = stream + (
            f"<{box}><article><h3><a href='/news/1'>Older story</a></h3><time datetime="
            f"'2024-04-28T09:00:00Z'>28 April</time></article></{box}>"
        )
        assert clock_of(page("en", body=listed)).day is None, box


def test_the_stories_a_box_named_for_them_lists_do_not_date_the_page() -> None:
    """A box whose class names the stories it lists ("related", "most-read", "popular",
    "recommended") is another story's, whatever tag it is, its <time> beside the teaser's link
    rather than in it ("<li><a><img><h3>…</h3></a><time>…</time></li>"): its days, yesterday's,
    are not the page's; a box named otherwise still dates it."""
    stream = "<main><article><p><b>14:52</b> Words of the post.</p></article></main>"
    for name in ("related", "most-read__list", "popular-stories", "c-recommended"):
        listed = stream + (
            f"<section class='{name}'><ul><li><a href='/news/rel-1'><img src='/r.jpg' alt=''>"
            "<h3>Older story</h3></a><time datetime='2024-04-30T10:00:00Z'>30.04.2024 10:00"
            "</time></li></ul></section>"
        )
        assert clock_of(page("en", body=listed)).day is None, name
    own = stream + (
        "<section class='article-meta'><time datetime='2024-04-30T10:00:00Z'>30.04.2024 10:00"
        "</time></section>"
    )
    assert clock_of(page("en", body=own)).day == date(2024, 4, 30)


def test_a_date_written_either_way_round_is_not_read_after_the_fetch() -> None:
    """Drupal prints "Tue, 03/12/2024 - 14:52" (month first): on a page fetched in March the
    3rd of December has not come yet, so it is March the 12th. Where both readings have passed,
    the day comes first, as outside the United States."""
    march = PageClock(datetime(2024, 3, 12, 14, 10, tzinfo=UTC), BERLIN, date(2024, 3, 12), ())
    reading = march.read("Tue, 03/12/2024 - 14:52")
    assert reading is not None and reading.utc == "2024-03-12T13:52:00Z"
    december = PageClock(datetime(2024, 12, 5, 9, 0, tzinfo=UTC), BERLIN, date(2024, 12, 5), ())
    reading = december.read("Tue, 03/12/2024 - 14:52")
    assert reading is not None and reading.utc == "2024-12-03T13:52:00Z"
    # A date read one way only stays as it is ("13/12"); so does one minutes or hours ahead of
    # the fetch (a zone's hours, a clock that runs fast: "01/05/2024 à 14h03" fetched at 14:00
    # in Paris), and one whose other reading lies months before the page's day (a list of
    # games to come: "03/09/2024" fetched in June is no 9th of March).
    reading = march.read("13/12/2024 14:52")
    assert reading is not None and reading.utc == "2024-12-13T13:52:00Z"
    may = PageClock(datetime(2024, 5, 1, 12, 0, tzinfo=UTC), BERLIN, date(2024, 5, 1), ("fr",))
    reading = may.read("Publié le 01/05/2024 à 14h03")
    assert reading is not None and reading.utc == "2024-05-01T12:03:00Z"
    june = PageClock(datetime(2024, 6, 15, 12, 0, tzinfo=UTC), BERLIN, date(2024, 6, 15), ())
    reading = june.read("03/09/2024 19:45")
    assert reading is not None and reading.utc == "2024-09-03T17:45:00Z"
    # A page read months after its day (its data dates it to March the 12th) still reads it so;
    # one read so long after that nothing dates it does not guess.
    june12 = datetime(2024, 6, 12, 12, 0, tzinfo=UTC)
    reading = PageClock(june12, BERLIN, date(2024, 3, 12), ()).read("Tue, 03/12/2024 - 14:52")
    assert reading is not None and reading.utc == "2024-03-12T13:52:00Z"
    reading = PageClock(june12, BERLIN, date(2024, 6, 12), ()).read("Tue, 03/12/2024 - 14:52")
    assert reading is not None and reading.utc == "2024-12-03T13:52:00Z"


def _stamps(*texts: str, box: str = "span", within: str = "div") -> list[tuple[Any, str]]:
    """Texts as the generic extractor finds them: each its element's, in a box of the page."""
    found = []
    for text in texts:
        outer = etree.Element(within)
        element = etree.SubElement(outer, box)
        element.text = text
        found.append((element, text))
    return found


def test_a_pages_dates_that_read_one_way_only_set_the_order_of_the_others() -> None:
    """Drupal's "Wed, 02/28/2024 - 22:05" can only put the month first: with another such
    stamp, "03/05/2024" on the same page is March the 5th, and "02/01/2024" February the 1st;
    "28/02/2024" puts the day first. A page none of whose stamps tells keeps its language's
    order, and so does one that quotes a date from elsewhere: in a sentence, a link, a
    heading, an aside ("the US ruling of 6/24/2022", a sidebar's "4/29/2024")."""
    march = PageClock(datetime(2024, 3, 12, 14, 10, tzinfo=UTC), BERLIN, date(2024, 3, 12), ())
    drupal = in_date_order(
        march,
        _stamps("Tue, 03/05/2024 - 11:20", "Wed, 02/28/2024 - 22:05", "Tue, 02/13/2024 - 09:00"),
    )
    for text, utc in (("Tue, 03/05/2024 - 11:20", "2024-03-05T10:20:00Z"),
                      ("Thu, 02/01/2024 - 08:00", "2024-02-01T07:00:00Z")):  # fmt: skip
        reading = drupal.read(text)
        assert reading is not None and reading.utc == utc, text
    european = in_date_order(march, _stamps("28/02/2024 22:05", "03/05/2024", "13/02/2024"))
    reading = european.read("02/01/2024 08:00")
    assert reading is not None and reading.utc == "2024-01-02T07:00:00Z"
    assert in_date_order(march, _stamps("03/05/2024", "Page 2/3")) is march
    quoted = "The minister cited the US ruling of 6/24/2022 as a precedent for the powers"
    assert in_date_order(march, _stamps("03/04/2024 16:40", quoted)) is march
    for box, within in (("a", "p"), ("h3", "div"), ("span", "aside")):
        elsewhere = _stamps("6/24/2022", "4/29/2024", box=box, within=within)
        assert in_date_order(march, _stamps("03/04/2024 16:40") + elsewhere) is march, box
    assert in_date_order(march, _stamps("Wed, 02/28/2024 - 22:05", "03/05/2024")) is march


def test_an_american_pages_date_line_puts_the_month_first() -> None:
    """ "Posted 03/05/2024" on an American page that states no machine time: March the 5th."""
    body = "<main><h1>Storm live</h1><p>Posted 03/05/2024</p><p><b>14:52</b> Words.</p></main>"
    fetched = datetime(2024, 3, 7, 12, 0, tzinfo=UTC)
    american = clock_of(page("en-US", body=body), "https://news.example.com/live", fetched)
    assert american.day == date(2024, 3, 5)


def test_a_ukrainian_page_that_says_ua_reads_ukrainian() -> None:
    """ "ua" is Ukraine's country code, which Ukrainian pages often give as their language."""
    page = b"<html lang='ua'><head><title>x</title></head><body><p>x</p></body></html>"
    assert clock_of(page).languages == ("uk",)


def test_chinese_japanese_and_korean_clocks() -> None:
    """A clock of the day as Japanese, Chinese and Korean pages write it, its hour and minute
    marked ("20時55分", "20时55分", "20시 55분"), and morning or afternoon before a clock
    ("오후 8:55", "午後8時55分", "下午3:05"), the way NHK's and Korean dailies' live pages
    stamp their posts: clocks of the day, on the hour the mark says."""
    for text, clock in (("20時55分", (20, 55)), ("20时05分", (20, 5)), ("20시 55분", (20, 55)),
                        ("오후 8:55", (20, 55)), ("오전 8:55", (8, 55)), ("午後8時55分", (20, 55)),
                        ("下午3:05", (15, 5)), ("午前0時5分", (0, 5))):  # fmt: skip
        reading = read(text)
        assert reading is not None and reading.kind == "clock" and reading.clock == clock, text
    full = read("5月1日 20時55分")
    assert full is not None and full.utc == "2024-05-01T18:55:00Z"
    # An hour with no minute, how long ago, and prose: no clock of the day.
    for prose in ("午後8時すぎ", "2時間前", "当時5分", "오후 늦게 3명이"):
        reading = read(prose)
        assert reading is None or reading.kind == "relative", prose


def test_hungarian_how_long_ago() -> None:
    """Hungarian says how long ago in the unit's own ending ("5 perce", "2 órája", "3 napja",
    as Index's and Telex's live pages stamp their posts) or with "ezelőtt" ("5 perccel
    ezelőtt"): read on Hungarian pages, where "perce" after an ordinal ("90. perce", its
    90th minute) is no time ago; elsewhere no time."""
    hungarian = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("hu",))
    for text, utc in (("5 perce", "2024-05-05T17:55:00Z"), ("2 órája", "2024-05-05T16:00:00Z"),
                      ("egy órája", "2024-05-05T17:00:00Z"), ("3 napja", "2024-05-02T18:00:00Z"),
                      ("5 perccel ezelőtt", "2024-05-05T17:55:00Z"),
                      ("2 órával ezelőtt", "2024-05-05T16:00:00Z")):  # fmt: skip
        reading = hungarian.read(text)
        assert reading is not None and reading.kind == "relative" and reading.utc == utc, text
    assert hungarian.read("a meccs 90. perce") is None
    assert read("5 perce") is None


@pytest.mark.parametrize(
    ("text", "languages", "utc"),
    [
        ("Montag 23:40", (), "2024-04-29T21:40:00Z"),  # the Monday before Sunday 5 May
        ("Friday 23:40", (), "2024-05-03T21:40:00Z"),
        ("lundi 23h40", (), "2024-04-29T21:40:00Z"),
        ("martes, 09:15", (), "2024-04-30T07:15:00Z"),
        ("środa, godz. 14:05", (), "2024-05-01T12:05:00Z"),
        ("Sonntag, 21:00 Uhr", (), "2024-04-28T19:00:00Z"),  # today's name, a clock to come
        ("Sonntag, 19:00 Uhr", (), "2024-05-05T17:00:00Z"),
        ("Mo 23:40", ("de",), "2024-04-29T21:40:00Z"),
        ("Thu 08:15", ("en",), "2024-05-02T06:15:00Z"),
        ("lun. 23h40", ("fr",), "2024-04-29T21:40:00Z"),
    ],
)
def test_a_weekday_beside_a_clock_names_its_day(
    text: str, languages: tuple[str, ...], utc: str
) -> None:
    """ "Monday 23:40": the last Monday up to the fetch, within the week before it; a short
    form ("Mo", "Thu", "lun.") only on a page in its language."""
    reading = replace(CLOCK, languages=languages).read(text)
    assert reading is not None and reading.utc == utc


def test_a_short_weekday_of_another_language_stays_a_word() -> None:
    """ "Do 14:05" on an English page is no Thursday: a bare clock, on the page's day."""
    reading = replace(CLOCK, languages=("en",)).read("Do 14:05")
    assert reading is not None and reading.kind == "clock"
    assert reading.utc == "2024-05-05T12:05:00Z"
    # Nor is the start of a word: "die" is no "Di".
    german = replace(CLOCK, languages=("de",)).read("Um 19.35 Uhr beginnt die Kundgebung")
    assert german is not None and german.kind == "clock"
    # Nor a word after the clock: "so" is no "So".
    said = replace(CLOCK, languages=("de",)).read("Um 21.30 Uhr, so die Polizei, wurden")
    assert said is not None and said.kind == "clock"


def test_a_sparse_stream_dated_by_weekdays_keeps_its_days() -> None:
    """A blog of a week, newest first, its posts stamped "Dienstag, 09:00 Uhr": a post of a
    day with no post between it and the one above is on its own day, not the day above's."""
    post = (
        '<article class="post"><span class="when">{}</span>'
        "<p>Die Gewerkschaft setzt den Streik im Hafen fort, die Gespräche stocken.</p></article>"
    )
    stamps = (
        "Sonntag, 11:30 Uhr",
        "Freitag, 10:00 Uhr",
        "Donnerstag, 09:00 Uhr",
        "Montag, 08:00 Uhr",
    )
    body = page("de", "", "".join(post.format(t) for t in stamps))
    got = extract_page(body, "https://news.example/live", fetched_at="2024-05-05T18:00:00Z")
    assert [u.published_at for u in got.updates] == [
        "2024-05-05T09:30:00Z",
        "2024-05-03T08:00:00Z",
        "2024-05-02T07:00:00Z",
        "2024-04-29T06:00:00Z",
    ]


def test_hungarian_dates_and_yesterday() -> None:
    """A Hungarian page dates its posts with the month's name ("2024. május 1. 20:55", Index's
    and Telex's, "máj. 1. 20:55") or says yesterday beside the clock ("tegnap 20:55"): the
    day it says, not the page's."""
    hungarian = PageClock(FETCHED, BERLIN, date(2024, 5, 5), ("hu",))
    for text, utc in (("2024. május 1. 20:55", "2024-05-01T18:55:00Z"),
                      ("máj. 1. 20:55", "2024-05-01T18:55:00Z"),
                      ("2024. március 30. 8:05", "2024-03-30T07:05:00Z"),
                      ("tegnap 20:55", "2024-05-04T18:55:00Z")):  # fmt: skip
        reading = hungarian.read(text)
        assert reading is not None and reading.utc == utc, (text, reading)


def test_a_year_first_date_spaced_after_its_dots() -> None:
    """Korean and Hungarian pages write a date of numbers year first, a space after each dot
    ("2024. 5. 1. 오후 8:55", as a Korean browser prints a time, "2024. 05. 01. 20:55"): the
    day it says, not the page's."""
    for lang in ("ko", "hu"):
        page = PageClock(FETCHED, BERLIN, date(2024, 5, 5), (lang,))
        for text in ("2024. 5. 1. 오후 8:55", "2024. 05. 01. 20:55", "2024. 5. 1. 오후 8:55:00"):
            reading = page.read(text)
            assert reading is not None and reading.utc == "2024-05-01T18:55:00Z", (text, reading)
    # Prose that ends a sentence on a year: no date.
    prose = read("Seit 2024. 5 Teams, 1. Platz 20:55")
    assert prose is None or prose.kind != "full"


def test_chinese_evening_and_early_morning() -> None:
    """Chinese pages mark a clock's part of the day in more words than morning and afternoon:
    "晚上8:55" and "傍晚6:30" are the evening's, "凌晨1:05" and "早上7:30" the morning's
    (and "晚上12点" midnight)."""
    for text, clock in (("晚上8:55", (20, 55)), ("傍晚6:30", (18, 30)), ("凌晨1:05", (1, 5)),
                        ("早上7:30", (7, 30)), ("晚上12:05", (0, 5)), ("晚上8点30分", (20, 30))):  # fmt: skip
        reading = read(text)
        assert reading is not None and reading.kind == "clock" and reading.clock == clock, text


def test_relative_phrases_are_compiled_on_first_use_each_once() -> None:
    """Importing the clock compiles no language's relative phrase (56 patterns, a tenth of a
    second of every crawl process's start): a phrase is compiled when a text first holds its
    word on a page in its language, and kept."""
    script = (
        "import re\n"
        "compiled = []\n"
        "original = re.compile\n"
        "def counting(pattern, flags=0):\n"
        "    if '(?P<n2>' in str(pattern):  # a relative phrase's (its second amount)\n"
        "        compiled.append(pattern)\n"
        "    return original(pattern, flags)\n"
        "re.compile = counting\n"
        "from crawler.extract import clock\n"
        "at_import = len(compiled)\n"
        "page = clock.PageClock(clock.datetime(2024, 5, 5, 18, tzinfo=clock.UTC), clock.UTC,"
        " clock.date(2024, 5, 5), ('en',))\n"
        "first = page.read('2 hours ago')\n"
        "after_first = len(compiled)\n"
        "again = page.read('5 minutes ago')\n"
        "print(at_import, after_first - at_import, len(compiled) - after_first,"
        " first.utc, again.utc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-P", "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    at_import, first, again, first_utc, again_utc = out
    ago = [
        rel
        for forms in clock_module._RELATIVE_WORDS.values()
        for rel in forms
        if rel.after == "ago"
    ]
    assert int(at_import) == 0, "no relative phrase is compiled at import"
    assert 1 <= int(first) <= len(ago), "only the forms of the word found are compiled"
    assert int(again) == 0, "a form once compiled is kept"
    assert (first_utc, again_utc) == ("2024-05-05T16:00:00Z", "2024-05-05T17:55:00Z")


def test_every_relative_phrase_compiles() -> None:
    """A language's phrase compiled on first use is still checked here for every language."""
    for forms in clock_module._RELATIVE_FORMS.values():
        for form in forms:
            assert form.pattern.pattern
