"""Times written for people: "19:30", "12.31 Uhr", "vor 5 Minuten", "45+2'", "5. Mai, 14:05".

A page prints times for its readers, in their language and the publisher's zone, often with
no date ("19:30") or against the moment it was served ("2 hours ago"). A PageClock holds what
the page tells about time (when it was fetched, its zone, the day of its newest content, its
languages) and reads such texts into instants. Machine times (ISO 8601, epochs, RFC 2822) are
archive.times' job; this module reads the words and hands instants to archive.times.

Tables, not a general parser: months, relative phrases and day words of English, German,
French, Italian, Spanish, Portuguese, Dutch, Polish and Turkish. What counts as a
clock is decided against the look-alikes of ordinary text (prices, versions, scores): see
_alone.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from itertools import chain, pairwise
from typing import NamedTuple, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml import etree

from archive.times import format_utc, parse_utc
from crawler.extract import instant
from crawler.extract.dom import HEADINGS, Element, raw_text

# --- Tables ---------------------------------------------------------------------------------

# Month names per language, January first: full names, genitives and abbreviations.
_MONTH_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "january jan", "february feb", "march mar", "april apr", "may", "june jun",
        "july jul", "august aug", "september sept sep", "october oct", "november nov",
        "december dec",
    ),
    "de": (
        "januar jänner jan", "februar feber feb", "märz maerz mär mrz", "april apr", "mai",
        "juni jun", "juli jul", "august aug", "september sept sep", "oktober okt",
        "november nov", "dezember dez",
    ),
    "fr": (
        "janvier janv", "février fevrier févr fevr fév", "mars", "avril avr", "mai", "juin",
        "juillet juil", "août aout", "septembre sept", "octobre oct", "novembre nov",
        "décembre decembre déc",
    ),
    "it": (
        "gennaio gen", "febbraio feb", "marzo mar", "aprile apr", "maggio mag", "giugno giu",
        "luglio lug", "agosto ago", "settembre sett set", "ottobre ott", "novembre nov",
        "dicembre dic",
    ),
    "es": (
        "enero ene", "febrero feb", "marzo mar", "abril abr", "mayo may", "junio jun",
        "julio jul", "agosto ago", "septiembre setiembre sept sep set", "octubre oct",
        "noviembre nov", "diciembre dic",
    ),
    "pt": (
        "janeiro jan", "fevereiro fev", "março marco mar", "abril abr", "maio mai",
        "junho jun", "julho jul", "agosto ago", "setembro set", "outubro out",
        "novembro nov", "dezembro dez",
    ),
    "nl": (
        "januari jan", "februari feb", "maart mrt", "april apr", "mei", "juni jun",
        "juli jul", "augustus aug", "september sept sep", "oktober okt", "november nov",
        "december dec",
    ),
    "pl": (
        "styczeń stycznia styczen sty", "luty lutego lut", "marzec marca mar",
        "kwiecień kwietnia kwiecien kwi", "maj maja", "czerwiec czerwca cze",
        "lipiec lipca lip", "sierpień sierpnia sierpien sie",
        "wrzesień września wrzesien wrzesnia wrz",
        "październik października pazdziernik pazdziernika paź paz",
        "listopad listopada lis", "grudzień grudnia grudzien gru",
    ),
    "tr": (
        "ocak", "şubat subat", "mart", "nisan", "mayıs mayis", "haziran", "temmuz",
        "ağustos agustos", "eylül eylul", "ekim", "kasım kasim", "aralık aralik",
    ),
    # Beyond the languages read: Catalan, Galician, Greek (and its genitive: "10 Μαρτίου"),
    # Icelandic, full names only.
    "ca": (
        "gener", "febrer", "març", "abril", "maig", "juny", "juliol", "agost", "setembre",
        "octubre", "novembre", "desembre",
    ),
    "gl": (
        "xaneiro", "febreiro", "marzo", "abril", "maio", "xuño", "xullo", "agosto", "setembro",
        "outubro", "novembro", "decembro",
    ),
    "el": (
        "ιανουαρίου ιανουάριος", "φεβρουαρίου φεβρουάριος", "μαρτίου μάρτιος",
        "απριλίου απρίλιος", "μαΐου μαίου μάιος", "ιουνίου ιούνιος", "ιουλίου ιούλιος",
        "αυγούστου αύγουστος", "σεπτεμβρίου σεπτέμβριος", "οκτωβρίου οκτώβριος",
        "νοεμβρίου νοέμβριος", "δεκεμβρίου δεκέμβριος",
    ),
    "is": (
        "janúar", "febrúar", "mars", "apríl", "maí", "júní", "júlí", "ágúst", "september",
        "október", "nóvember", "desember",
    ),
    # Arabic, as Al Jazeera, Al Arabiya and BBC Arabic write the months ("15 مايو 2024"), and
    # the Levantine names that are one word.
    "ar": (
        "يناير", "فبراير شباط", "مارس آذار", "أبريل ابريل إبريل نيسان", "مايو أيار",
        "يونيو يونيه حزيران", "يوليو يوليه تموز", "أغسطس اغسطس", "سبتمبر أيلول",
        "أكتوبر اكتوبر", "نوفمبر", "ديسمبر",
    ),
    # Ukrainian and Russian (their genitive, "13 березня 2025"), Bulgarian, Czech (genitive),
    # Romanian, Serbian, Indonesian and Malay.
    "uk": (
        "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
        "вересня", "жовтня", "листопада", "грудня",
    ),
    "ru": (
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
        "октября", "ноября", "декабря",
    ),
    "bg": (
        "януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември",
        "октомври", "ноември", "декември",
    ),
    "cs": (
        "ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
        "října", "listopadu", "prosince",
    ),
    "ro": (
        "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
        "septembrie", "octombrie", "noiembrie", "decembrie",
    ),
    "sr": (
        "januar", "februar", "mart", "april", "maj", "jun", "jul", "avgust", "septembar",
        "oktobar", "novembar", "decembar",
    ),
    "id": (
        "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus ogos",
        "september", "oktober", "november", "desember disember",
    ),
    # Hungarian, and its short forms ("2024. május 1.", "máj. 1.").
    "hu": (
        "január", "február febr", "március márc", "április ápr", "május máj", "június jún",
        "július júl", "augusztus", "szeptember szept", "október", "november", "december",
    ),
    # Basque, and its genitive before the day ("abenduaren 2a").
    "eu": (
        "urtarrila urtarrilaren", "otsaila otsailaren", "martxoa martxoaren",
        "apirila apirilaren", "maiatza maiatzaren", "ekaina ekainaren", "uztaila uztailaren",
        "abuztua abuztuaren", "iraila irailaren", "urria urriaren", "azaroa azaroaren",
        "abendua abenduaren",
    ),
}  # fmt: skip


def _month_table() -> dict[str, int]:
    """Every month word of every language to its number; no word names two months."""
    table: dict[str, int] = {}
    for months in _MONTH_WORDS.values():
        for number, words in enumerate(months, start=1):
            for word in words.split():
                if table.setdefault(word, number) != number:
                    raise ValueError(f"month word {word!r} names two months")
    return table


MONTHS = _month_table()

# Zone abbreviations as pages print them: a zone (daylight saving follows the date) or a
# fixed offset in minutes.
ZONES: dict[str, str | int] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "BST": 60,
    "IST": 330,
    "CET": 60,
    "CEST": 120,
    "MEZ": 60,
    "MESZ": 120,
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
    "BRT": -180,
    "AEST": 600,
    "AEDT": 660,
    # Australia's central and western times, New Zealand's, Alaska's and South Africa's.
    # (Not GST, HST, NPT, ICT nor EAT: taxes, a treaty, a technology and a word, in the
    # capitals of a headline, more often than a zone.)
    "ACST": 570,
    "ACDT": 630,
    "AWST": 480,
    "NZST": 720,
    "NZDT": 780,
    "AKST": -540,
    "AKDT": -480,
    "SAST": 120,
    # Israel's summer time ("IST" is its winter's on an Israeli page: _SHARED_NAMES).
    "IDT": "Asia/Jerusalem",
    # Newfoundland's, half an hour off the Atlantic's (CBC's "4:10 p.m. NST"), the
    # Philippines', Pakistan's and Malaysia's.
    "NST": "America/St_Johns",
    "NDT": "America/St_Johns",
    "PHT": 480,
    "PKT": 300,
    "MYT": 480,
    # Canada's zones in French, standard ("heure normale") and daylight ("heure avancée"):
    # the East's, the Centre's, the Rockies', the Pacific's, the Atlantic's, Newfoundland's
    # (not its daylight "HAT", a word in an English headline's capitals).
    "HNE": "America/Toronto",
    "HAE": "America/Toronto",
    "HNC": "America/Winnipeg",
    "HAC": "America/Winnipeg",
    "HNR": "America/Edmonton",
    "HAR": "America/Edmonton",
    "HNP": "America/Vancouver",
    "HAP": "America/Vancouver",
    "HNA": "America/Halifax",
    "HAA": "America/Halifax",
    "HNT": "America/St_Johns",
    "JST": 540,
    "SGT": 480,
    "HKT": 480,
    # Indonesia's western, central and eastern times (Detik's "16.40 WIB").
    "WIB": 420,
    "WITA": 480,
    "WIT": 540,
}
# Abbreviations that name another zone on some countries' pages: "IST" is India's, but
# Irish Standard Time (summer, UTC+1) on an Irish page, Israel's on an Israeli one; each is
# that country's zone on a page read in it.
_SHARED_NAMES: dict[str, frozenset[str]] = {
    "IST": frozenset({"Europe/Dublin", "Asia/Jerusalem"}),
    # Bangladesh's standard time, not British summer time; China's and Taiwan's, not the
    # American Centre's.
    "BST": frozenset({"Asia/Dhaka"}),
    "CST": frozenset({"Asia/Shanghai", "Asia/Taipei"}),
    # (On a Malaysian page "NST" is the New Straits Times: the page's own zone, as a bare
    # clock's; so on any page read at Malaysia's UTC+8, Singapore's, or China's where a
    # page's offsets alone place it there.)
    "NST": frozenset(
        {
            "Asia/Kuala_Lumpur",
            "Asia/Singapore",
            "Asia/Shanghai",
            "Asia/Hong_Kong",
            "Asia/Taipei",
            "Asia/Manila",
            "Australia/Perth",
        }
    ),
}
_ZONE_NAMES = "|".join(sorted((z for z in ZONES if z != "Z"), key=len, reverse=True))

# Relative times per language: the words before and after the amount and unit, how amounts
# are written in words, and the unit words (seconds, minutes, hours, days, weeks, months,
# years). One-letter units ("5m ago", "il y a 2 h") are read only after a number.
_UNITS = ("s", "min", "h", "d", "w", "mo", "y")


@dataclass(frozen=True)
class _Relative:
    before: str
    after: str
    amounts: dict[str, int]
    units: tuple[str, ...]  # one string of words per unit of _UNITS
    filler: str = ""  # a word between a number and its unit (Romanian "acum 40 de minute")
    opening: str = ""  # a word that may open a phrase its `after` ends (Swedish "för")
    halves: str = ""  # half an hour in words, "|" between forms ("half an hour", "pół godziny")
    and_halves: str = ""  # an hour and a half in words ("an hour and a half", "półtorej godziny")
    quarters: str = ""  # a quarter of an hour in words ("vor einer Viertelstunde", "kwadrans")
    three_quarters: str = ""  # three of them ("trois quarts d'heure", "drie kwartier")
    # The only words that may follow `after` ("|" between them; "" for none): any other word
    # makes it "before" or "then" (Vietnamese "trước khi…", "trước Tết"; Indonesian "lalu
    # pulang"). None: any word may.
    alone: str | None = None
    # Only with an amount: a unit alone is the calendar's last one ("minggu lalu", "tuần
    # trước": last week), no length of time ago.
    counted: bool = False


_SOUTH_SLAVIC_UNITS = (
    "sekundi sekunde sekundu sekund sek",
    "minuta minute minutu minut min",
    "sati sata sat h",
    "dana dan",
    "nedelja nedelje nedelju tjedana tjedna tjedan sedmica sedmice sedmicu",
    "meseci meseca mesec mjeseci mjeseca mjesec",
    "godina godine godinu",
)
_SERBIAN_CYRILLIC_UNITS = (
    "секунди секунде секунду сек",
    "минута минуте минуту минут мин",
    "сати сата сат",
    "дана дан",
    "недеља недеље недељу",
    "месеци месеца месец мјесеци мјесеца мјесец",
    "година године годину",
)
_SOUTH_SLAVIC_AMOUNTS = {"par": 2, "nekoliko": 2, "dva": 2, "dve": 2, "dvije": 2, "tri": 3}
_SERBIAN_CYRILLIC_AMOUNTS = {"пар": 2, "неколико": 2, "два": 2, "две": 2, "три": 3}
# Ekavian "pre", ijekavian "prije", in either script.
_SOUTH_SLAVIC = (
    _Relative("pre", "", _SOUTH_SLAVIC_AMOUNTS, _SOUTH_SLAVIC_UNITS),
    _Relative("prije", "", _SOUTH_SLAVIC_AMOUNTS, _SOUTH_SLAVIC_UNITS),
    _Relative("пре", "", _SERBIAN_CYRILLIC_AMOUNTS, _SERBIAN_CYRILLIC_UNITS),
    _Relative("прије", "", _SERBIAN_CYRILLIC_AMOUNTS, _SERBIAN_CYRILLIC_UNITS),
)
# English numbers to fifty-nine in words ("four hours ago", "twenty-five minutes ago"): one
# it did not know would leave its unit alone, read as one ("hours ago", an hour).
_ENGLISH_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_ENGLISH_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_ENGLISH_NUMBERS = {
    **{word: n for n, word in enumerate(_ENGLISH_ONES, 1)},
    **{word: n for n, word in enumerate(_ENGLISH_TEENS.split(), 10)},
    **{
        f"{tens}{joint}{one}".strip(): 10 * t + n
        for t, tens in enumerate(("twenty", "thirty", "forty", "fifty"), 2)
        for n, one in enumerate(["", *_ENGLISH_ONES])
        for joint in (("",) if not n else ("-", " "))
    },
}


# Numbers to fifty-nine in words in the other languages read, as each composes them: the words
# from one up (a word per number, "|" between its forms, "_" a space inside one), the tens, and
# how a ten and a one join ("fünfundzwanzig", "vingt-cinq", "dwadzieścia pięć").
def _counted(words: str, first: int = 1, step: int = 1) -> dict[str, int]:
    return {
        form.replace("_", " "): first + step * n
        for n, forms in enumerate(words.split())
        for form in forms.split("|")
    }


def _composed(
    tens: str, ones: str, *joins: str, tens_from: int = 20, ones_from: int = 1
) -> dict[str, int]:
    """Each ten joined to each one from `ones_from`: a join formats `t` and `o`."""
    return {
        join.format(t=ten, o=one): t_value + o_value
        for ten, t_value in _counted(tens, tens_from, 10).items()
        for one, o_value in _counted(ones, ones_from).items()
        for join in joins
    }


_GERMAN_TENS = "zwanzig dreißig|dreissig vierzig fünfzig"
_FRENCH_TENS = "vingt trente quarante cinquante"
_FRENCH_ONES = "un|une deux trois quatre cinq six sept huit neuf"
_SPANISH_ONES = "uno|un|una dos tres cuatro cinco seis siete ocho nueve"
_ITALIAN_ONES = "uno|un|una due tre|tré quattro cinque sei sette otto nove"
_PORTUGUESE_ONES = "um|uma dois|duas três|tres quatro cinco seis sete oito nove"
_PORTUGUESE_TENS = "vinte trinta quarenta cinquenta|cinqüenta"
_DUTCH_ONES = "een twee drie vier vijf zes zeven acht negen"
_DUTCH_TENS = "twintig dertig veertig vijftig"
_POLISH_TENS = "dwadzieścia trzydzieści czterdzieści pięćdziesiąt"
_POLISH_TENS_GENITIVE = "dwudziestu trzydziestu czterdziestu pięćdziesięciu"
_SWEDISH_TENS = "tjugo trettio fyrtio femtio"
_NORWEGIAN_ONES = "en|ett|ei|ein|eit to tre fire fem seks sju|syv åtte ni"
_NORWEGIAN_TENS = "tjue tretti|tredve førti femti"
_DANISH_ONES = "en|et to tre fire fem seks syv otte ni"
_DANISH_TENS = "tyve tredive fyrre halvtreds"
_FINNISH_ONES = "yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän"
_FINNISH_TENS = "kaksikymmentä kolmekymmentä neljäkymmentä viisikymmentä"
_TURKISH_ONES = "bir iki üç dört beş altı yedi sekiz dokuz"
_TURKISH_TENS = "yirmi otuz kırk elli"
_RUSSIAN_ONES = "один|одну|одна два|две три четыре пять шесть семь восемь девять"
_RUSSIAN_TENS = "двадцать тридцать сорок пятьдесят"
_UKRAINIAN_ONES = "один|одну|одна два|дві три чотири п'ять|п’ять шість сім вісім дев'ять|дев’ять"
_UKRAINIAN_TENS = "двадцять тридцять сорок п'ятдесят|п’ятдесят"
_NUMBERS = {
    "de": {
        **_counted(
            "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
            "fünfzehn sechzehn siebzehn achtzehn neunzehn"
        ),
        **_counted(_GERMAN_TENS, 20, 10),
        **_composed(_GERMAN_TENS, "ein zwei drei vier fünf sechs sieben acht neun", "{o}und{t}"),
    },
    "fr": {
        **_counted(
            f"{_FRENCH_ONES} dix onze douze treize quatorze quinze seize dix-sept|dix_sept "
            "dix-huit|dix_huit dix-neuf|dix_neuf"
        ),
        **_counted(_FRENCH_TENS, 20, 10),
        **_composed(_FRENCH_TENS, _FRENCH_ONES, "{t}-{o}", "{t} {o}"),
        **_composed(_FRENCH_TENS, "un|une", "{t} et {o}", "{t}-et-{o}"),
    },
    "es": {
        **_counted(
            f"{_SPANISH_ONES} diez once doce trece catorce quince dieciséis|dieciseis "
            "diecisiete dieciocho diecinueve veinte veintiuno|veintiún|veintiun|veintiuna "
            "veintidós|veintidos veintitrés|veintitres veinticuatro veinticinco "
            "veintiséis|veintiseis veintisiete veintiocho veintinueve"
        ),
        **_counted("treinta cuarenta cincuenta", 30, 10),
        **_composed("treinta cuarenta cincuenta", _SPANISH_ONES, "{t} y {o}", tens_from=30),
    },
    "it": {
        **_counted(
            f"{_ITALIAN_ONES} dieci undici dodici tredici quattordici quindici sedici "
            "diciassette diciotto diciannove"
        ),
        **_counted("venti trenta quaranta cinquanta", 20, 10),
        # A ten drops its vowel before "uno" and "otto" ("ventuno", "ventotto").
        **{
            (ten[:-1] if one[0] in "uo" else ten) + one: t + o
            for ten, t in _counted("venti trenta quaranta cinquanta", 20, 10).items()
            for one, o in _counted(_ITALIAN_ONES).items()
        },
    },
    "pt": {
        **_counted(
            f"{_PORTUGUESE_ONES} dez onze doze treze catorze|quatorze quinze "
            "dezesseis|dezasseis dezessete|dezassete dezoito dezenove|dezanove"
        ),
        **_counted(_PORTUGUESE_TENS, 20, 10),
        **_composed(_PORTUGUESE_TENS, _PORTUGUESE_ONES, "{t} e {o}"),
    },
    "nl": {
        **_counted(
            f"een|één {_DUTCH_ONES.removeprefix('een ')} tien elf twaalf dertien veertien "
            "vijftien zestien zeventien achttien negentien"
        ),
        **_counted(_DUTCH_TENS, 20, 10),
        **_composed(_DUTCH_TENS, _DUTCH_ONES, "{o}en{t}"),
        # "tweeëntwintig", "drieëntwintig"
        **{
            k[:4] + "ën" + k[6:]: v
            for k, v in _composed(_DUTCH_TENS, "twee drie", "{o}en{t}", ones_from=2).items()
        },
    },
    # Polish in the accusative ("pięć minut temu", "dwie minuty") and the genitive ("dwóch
    # godzin temu", "dwudziestu pięciu minut").
    "pl": {
        **_counted(
            "jeden|jedna|jedną dwa|dwie trzy cztery pięć sześć siedem osiem dziewięć dziesięć "
            "jedenaście dwanaście trzynaście czternaście piętnaście szesnaście siedemnaście "
            "osiemnaście dziewiętnaście"
        ),
        **_counted(
            "jednej|jednego dwóch|dwu trzech czterech pięciu sześciu siedmiu ośmiu dziewięciu "
            "dziesięciu jedenastu dwunastu trzynastu czternastu piętnastu szesnastu "
            "siedemnastu osiemnastu dziewiętnastu"
        ),
        **_counted(_POLISH_TENS, 20, 10),
        **_counted(_POLISH_TENS_GENITIVE, 20, 10),
        **_composed(
            _POLISH_TENS, "jeden dwa|dwie trzy cztery pięć sześć siedem osiem dziewięć", "{t} {o}"
        ),
        **_composed(
            _POLISH_TENS_GENITIVE,
            "jeden dwóch trzech czterech pięciu sześciu siedmiu ośmiu dziewięciu",
            "{t} {o}",
        ),
    },
    "sv": {
        **_counted(
            "en|ett två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton "
            "sexton sjutton arton|aderton nitton"
        ),
        **_counted(_SWEDISH_TENS, 20, 10),
        **_composed(_SWEDISH_TENS, "en|ett två tre fyra fem sex sju åtta nio", "{t}{o}"),
    },
    # Bokmål and Nynorsk, "tjuefem" and the older "femogtyve".
    "no": {
        **_counted(
            f"{_NORWEGIAN_ONES} ti elleve tolv tretten fjorten femten seksten sytten atten nitten"
        ),
        **_counted(_NORWEGIAN_TENS, 20, 10),
        **_composed(_NORWEGIAN_TENS, _NORWEGIAN_ONES, "{t}{o}"),
        **_composed("tyve", _NORWEGIAN_ONES, "{o}og{t}"),
    },
    "da": {
        **_counted(
            f"{_DANISH_ONES} ti elleve tolv tretten fjorten femten seksten sytten atten nitten"
        ),
        **_counted(_DANISH_TENS, 20, 10),
        **_composed(_DANISH_TENS, _DANISH_ONES, "{o}og{t}"),
    },
    "fi": {
        **_counted(f"{_FINNISH_ONES} kymmenen"),
        **{f"{one}toista": 10 + n for one, n in _counted(_FINNISH_ONES).items()},
        **_counted(_FINNISH_TENS, 20, 10),
        **_composed(_FINNISH_TENS, _FINNISH_ONES, "{t}{o}"),
    },
    "tr": {
        **_counted(f"{_TURKISH_ONES} on"),
        **_composed("on", _TURKISH_ONES, "{t} {o}", "{t}{o}", tens_from=10),
        **_counted(_TURKISH_TENS, 20, 10),
        **_composed(_TURKISH_TENS, _TURKISH_ONES, "{t} {o}", "{t}{o}"),
    },
    "ru": {
        **_counted(
            f"{_RUSSIAN_ONES} десять одиннадцать двенадцать тринадцать четырнадцать "
            "пятнадцать шестнадцать семнадцать восемнадцать девятнадцать"
        ),
        **_counted(_RUSSIAN_TENS, 20, 10),
        **_composed(_RUSSIAN_TENS, _RUSSIAN_ONES, "{t} {o}"),
    },
    "uk": {
        **_counted(
            f"{_UKRAINIAN_ONES} десять одинадцять дванадцять тринадцять чотирнадцять "
            "п'ятнадцять|п’ятнадцять шістнадцять сімнадцять вісімнадцять "
            "дев'ятнадцять|дев’ятнадцять"
        ),
        **_counted(_UKRAINIAN_TENS, 20, 10),
        **_composed(_UKRAINIAN_TENS, _UKRAINIAN_ONES, "{t} {o}"),
    },
}
_RELATIVE_WORDS: dict[str, tuple[_Relative, ...]] = {
    "en": (
        _Relative(
            "",
            "ago",
            {
                "a": 1,
                "an": 1,
                **_ENGLISH_NUMBERS,
                "a few": 2,
                "few": 2,
                "a couple of": 2,
                "several": 3,
            },
            (
                "seconds second secs sec s",
                "minutes minute mins min m",
                "hours hour hrs hr h",
                "days day d",
                "weeks week wks wk w",
                "months month mos mo",
                "years year yrs yr y",
            ),
            halves="half an hour",
            and_halves="an hour and a half|one and a half hours|one and a half hour",
            quarters="a quarter of an hour|quarter of an hour|a quarter hour|quarter hour",
            three_quarters="three quarters of an hour|three-quarters of an hour",
        ),
    ),
    "de": (
        _Relative(
            "vor",
            "",
            {
                **_NUMBERS["de"],
                "einer": 1,
                "einem": 1,
                "einen": 1,
                "ein": 1,
                "eine": 1,
                "wenigen": 2,
                "ein paar": 2,
                "zwei": 2,
                "drei": 3,
            },
            (
                "sekunden sekunde sek s",
                "minuten minute min m",
                "stunden stunde std h",
                "tagen tag",
                "wochen woche",
                "monaten monat",
                "jahren jahr",
            ),
            halves="einer halben stunde|einer halben std",
            and_halves="eineinhalb stunden|anderthalb stunden|eineinhalb std|anderthalb std",
            quarters="einer viertelstunde|einer viertel stunde",
            three_quarters="einer dreiviertelstunde|einer dreiviertel stunde",
        ),
    ),
    "fr": (
        _Relative(
            "il y a",
            "",
            {**_NUMBERS["fr"], "quelques": 2},
            (
                "secondes seconde sec s",
                "minutes minute min mn m",
                "heures heure h",
                "jours jour j",
                "semaines semaine",
                "mois",
                "années année ans an",
            ),
            halves="une demi-heure|une demi heure",
            and_halves="une heure et demie|une heure et demi|une heure trente",
            quarters="un quart d'heure|un quart d’heure",
            three_quarters="trois quarts d'heure|trois quarts d’heure",
        ),
    ),
    "it": (
        _Relative(
            "",
            "fa",
            {
                **_NUMBERS["it"],
                "un'": 1,
                "un’": 1,
                "un": 1,
                "una": 1,
                "uno": 1,
                "pochi": 2,
                "poche": 2,
                "qualche": 2,
                "due": 2,
                "tre": 3,
            },
            (
                "secondi secondo sec s",
                "minuti minuto min m",
                "ore ora h",
                "giorni giorno gg",
                "settimane settimana",
                "mesi mese",
                "anni anno",
            ),
            halves="mezz'ora|mezz’ora|mezzora|mezza ora",
            and_halves="un'ora e mezza|un’ora e mezza|un'ora e mezzo|un’ora e mezzo",
            quarters="un quarto d'ora|un quarto d’ora",
            three_quarters="tre quarti d'ora|tre quarti d’ora",
        ),
    ),
    "es": (
        _Relative(
            "hace",
            "",
            {**_NUMBERS["es"], "unos": 2, "unas": 2, "pocos": 2, "pocas": 2},
            (
                "segundos segundo seg s",
                "minutos minuto min m",
                "horas hora hs h",
                "días día dias dia d",
                "semanas semana",
                "meses mes",
                "años año anos",
            ),
            halves="media hora",
            and_halves="una hora y media|hora y media",
            quarters="un cuarto de hora|cuarto de hora",
            three_quarters="tres cuartos de hora",
        ),
    ),
    "pt": tuple(
        _Relative(
            before,
            after,
            {
                **_NUMBERS["pt"],
                "um": 1,
                "uma": 1,
                "alguns": 2,
                "algumas": 2,
                "poucos": 2,
                "dois": 2,
                "duas": 2,
                "três": 3,
            },
            (
                "segundos segundo seg s",
                "minutos minuto min m",
                "horas hora h",
                "dias dia d",
                "semanas semana",
                "meses mês mes",
                "anos ano",
            ),
            halves="meia hora|meia-hora",
            and_halves="uma hora e meia|hora e meia",
            quarters="um quarto de hora|quarto de hora",
            three_quarters="três quartos de hora|tres quartos de hora",
        )
        for before, after in (("há", ""), ("ha", ""), ("", "atrás"), ("", "atras"))
    ),
    "nl": (
        _Relative(
            "",
            "geleden",
            {**_NUMBERS["nl"], "enkele": 2, "paar": 2, "een paar": 2},
            (
                "seconden seconde sec s",
                "minuten minuut min m",
                "uren uur u",
                "dagen dag d",
                "weken week w",
                "maanden maand",
                "jaren jaar",
            ),
            halves="een half uur|een halfuur|half uur|halfuur",
            and_halves="anderhalf uur|een uur en een half",
            quarters="een kwartier|kwartier",
            three_quarters="drie kwartier",
        ),
    ),
    "pl": (
        _Relative(
            "",
            "temu",
            {
                **_NUMBERS["pl"],
                "jedną": 1,
                "jeden": 1,
                "jedna": 1,
                "kilka": 2,
                "kilkanaście": 12,
                "dwie": 2,
                "dwa": 2,
                "trzy": 3,
            },
            (
                "sekundy sekund sekundę sek s",
                "minuty minut minutę min m",
                "godziny godzin godzinę godz h",
                "dni dzień dzien d",
                "tygodnie tygodni tydzień tydzien",
                "miesiące miesięcy miesiąc miesiace miesiecy miesiac",
                "lata lat rok",
            ),
            halves="pół godziny|pol godziny",
            and_halves="półtorej godziny|półtora godziny|poltorej godziny|poltora godziny",
            quarters="kwadrans",
            three_quarters="trzy kwadranse",
        ),
    ),
    "tr": (
        _Relative(
            "",
            "önce",
            {**_NUMBERS["tr"], "birkaç": 2},
            ("saniye sn", "dakika dk", "saat sa", "gün", "hafta", "ay", "yıl"),
        ),
    ),
    # The BBC's Russian and Ukrainian live pages (bbc/simorgh, moment's locales): "5 минут
    # назад", "2 години тому".
    "ru": (
        _Relative(
            "",
            "назад",
            {**_NUMBERS["ru"], "несколько": 2},
            (
                "секунд секунды секунду сек",
                "минут минуты минуту мин",
                "часов часа час ч",
                "дней дня день",
                "недель недели неделю",
                "месяцев месяца месяц",
                "лет года год",
            ),
        ),
    ),
    # Beyond the languages read, on their own pages only: Catalan "fa 5 minuts", Galician
    # "hai 5 minutos", Basque "duela 5 minutu", Greek "πριν από 5 λεπτά", Icelandic "fyrir 5
    # mínútum".
    "ca": (
        _Relative(
            "fa",
            "",
            {"un": 1, "una": 1, "uns": 2, "unes": 2},
            (
                "segons segon",
                "minuts minut min",
                "hores hora h",
                "dies dia",
                "setmanes setmana",
                "mesos mes",
                "anys any",
            ),
        ),
    ),
    "gl": (
        _Relative(
            "hai",
            "",
            {"un": 1, "unha": 1, "uns": 2, "unhas": 2},
            (
                "segundos segundo",
                "minutos minuto min",
                "horas hora h",
                "días día dias dia",
                "semanas semana",
                "meses mes",
                "anos ano",
            ),
        ),
    ),
    "eu": (
        _Relative(
            "duela",
            "",
            {},
            ("segundo", "minutu min", "ordu", "egun", "aste", "hilabete", "urte"),
        ),
    ),
    "el": (
        _Relative(
            "πριν από",
            "",
            {"ένα": 1, "μία": 1, "μια": 1, "λίγα": 2, "λίγες": 2},
            (
                "δευτερόλεπτα δευτερόλεπτο",
                "λεπτά λεπτό",
                "ώρες ώρα",
                "ημέρες μέρες ημέρα μέρα",
                "εβδομάδες εβδομάδα",
                "μήνες μήνα μήνας",
                "χρόνια χρόνο",
            ),
        ),
    ),
    "is": (
        _Relative(
            "fyrir",
            "",
            {"einni": 1, "einum": 1, "nokkrum": 2},
            (
                "sekúndum sekúndu",
                "mínútum mínútu",
                "klukkustundum klukkustund klst",
                "dögum degi",
                "vikum viku",
                "mánuðum mánuði",
                "árum ári",
            ),
        ),
    ),
    # Hebrew (Ynet's, Walla's): "לפני 5 דקות", "לפני שעה".
    "he": (
        _Relative(
            "לפני",
            "",
            {"כמה": 2},
            (
                "שניות שנייה",
                "דקות דקה",
                "שעות שעה",
                "ימים יום",
                "שבועות שבוע",
                "חודשים חודש",
                "שנים שנה",
            ),
        ),
    ),
    "uk": (
        _Relative(
            "",
            "тому",
            {**_NUMBERS["uk"], "кілька": 2},
            (
                "секунд секунди секунду сек",
                "хвилин хвилини хвилину хв",
                "годин години годину год",
                "днів дні день",
                "тижнів тижні тиждень",
                "місяців місяці місяць",
                "років роки рік",
            ),
        ),
    ),
    # South Slavic (N1's "pre 18 minuta", Index.hr's "prije 5 minuta", "пре 2 сата"),
    # Romanian ("acum 5 minute", "acum 40 de minute", "acum o oră"), Bulgarian ("преди 5
    # минути"), Czech ("před 2 hodinami"), Slovak ("pred hodinou") and Slovenian ("pred 5
    # minutami"): on their own pages only.
    **{language: _SOUTH_SLAVIC for language in ("sr", "hr", "bs", "sh", "cnr")},
    "ro": (
        _Relative(
            "acum",
            "",
            {"o": 1, "un": 1, "câteva": 2, "cateva": 2, "două": 2, "doua": 2, "trei": 3},
            (
                "secunde secundă sec",
                "minute minut min",
                "ore oră h",
                "zile zi",
                "săptămâni săptămână saptamani saptamana",
                "luni lună",
                "ani an",
            ),
            "de",
        ),
    ),
    "bg": (
        _Relative(
            "преди",
            "",
            {"един": 1, "една": 1, "няколко": 2, "два": 2, "две": 2, "три": 3},
            (
                "секунди секунда сек",
                "минути минута мин",
                "часа час ч",
                "дни дена ден",
                "седмици седмица",
                "месеца месец",
                "години година",
            ),
        ),
    ),
    "cs": (
        _Relative(
            "před",
            "",
            {"několika": 2, "pár": 2, "dvěma": 2, "třemi": 3},
            (
                "sekundami sekundou",
                "minutami minutou min",
                "hodinami hodinou hod h",
                "dny dnem",
                "týdny týdnem",
                "měsíci měsícem",
                "lety rokem",
            ),
        ),
    ),
    "sk": (
        _Relative(
            "pred",
            "",
            {"niekoľkými": 2, "pár": 2, "dvoma": 2, "troma": 3},
            (
                "sekundami sekundou",
                "minútami minútou min",
                "hodinami hodinou hod h",
                "dňami dňom",
                "týždňami týždňom",
                "mesiacmi mesiacom",
                "rokmi rokom",
            ),
        ),
    ),
    "sl": (
        _Relative(
            "pred",
            "",
            {"nekaj": 2, "dvema": 2, "tremi": 3},
            (
                "sekundami sekundo",
                "minutami minuto min",
                "urami urama uro h",
                "dnevi dnevoma dnem",
                "tedni tednoma tednom",
                "meseci mesecema mesecem",
                "leti letoma letom",
            ),
        ),
    ),
}

_NORWEGIAN = (
    _Relative(
        "",
        "siden",
        {**_NUMBERS["no"], "én": 1, "noen": 2, "et par": 2},
        (
            "sekunder sekund sek s",
            "minutter minutt min m",
            "timer time t",
            "dager døgn dag d",
            "uker uke",
            "måneder måned mnd",
            "år",
        ),
        opening="for",
        halves="en halvtime|halvtime|en halv time|ein halvtime",
        and_halves="halvannen time|en og en halv time|halvanna time|ein og ein halv time",
        quarters="et kvarter|ett kvarter|eit kvarter|kvarter",
        three_quarters="tre kvarter",
    ),
)
# Vietnamese (VnExpress's, Tuoi Tre's "5 phút trước", "2 giờ trước"; not "2 giờ trước khi…",
# two hours before something), Indonesian (Kompas's, Detik's "5 menit yang lalu", "2 jam
# lalu") and Malay ("5 minit lalu"): on their own pages only.
_MALAY_UNITS = (
    "detik saat dtk",
    "menit minit mnt",
    "jam",
    "hari",
    "minggu pekan",
    "bulan",
    "tahun",
)
_MALAY = tuple(
    _Relative(
        "",
        after,
        {"satu": 1, "se": 1, "beberapa": 2, "dua": 2, "tiga": 3},
        _MALAY_UNITS,
        alone=alone,
        counted=True,
    )
    for after, alone in (("yang lalu", None), ("lalu", ""))  # ("3 jam lalu pulang": then)
)
_RELATIVE_WORDS.update(
    {
        "vi": (
            _Relative(
                "",
                "trước",
                {"một": 1, "vài": 2, "hai": 2, "ba": 3},
                ("giây", "phút", "giờ tiếng", "ngày", "tuần", "tháng", "năm"),
                alone="đây",  # ("trước đây": ago; "trước khi…", "trước Tết": before)
                counted=True,
            ),
        ),
        "id": _MALAY,
        "ms": _MALAY,
    }
)
# Swedish ("för 5 minuter sedan"), Norwegian ("for 5 minutter siden", Nynorsk "sidan"), Danish
# ("for 5 minutter siden", "5 minutter siden") and Finnish ("5 minuuttia sitten", "tunti
# sitten"): on their own pages only ("sedan", "siden" and "sitten" are "then", "since" too).
_RELATIVE_WORDS.update(
    {
        "sv": (
            _Relative(
                "",
                "sedan",
                {**_NUMBERS["sv"], "några": 2, "ett par": 2},
                (
                    "sekunder sekund sek s",
                    "minuter minut min m",
                    "timmar timme tim t",
                    "dagar dygn dag d",
                    "veckor vecka v",
                    "månader månad mån",
                    "år",
                ),
                opening="för",
                halves="en halvtimme|halvtimme|en halv timme",
                and_halves="en och en halv timme|en och en halvtimme|halvannan timme",
                quarters="en kvart|kvart",
                three_quarters="tre kvart",
            ),
        ),
        "nb": _NORWEGIAN,
        "no": _NORWEGIAN,
        "nn": (
            _Relative(
                "",
                "sidan",
                {**_NUMBERS["no"], "nokre": 2},
                (
                    "sekund sek s",
                    "minutt min m",
                    "timar time t",
                    "dagar døgn dag d",
                    "veker veke",
                    "månader månad",
                    "år",
                ),
                opening="for",
            ),
        ),
        "da": (
            _Relative(
                "",
                "siden",
                {**_NUMBERS["da"], "få": 2, "et par": 2},
                (
                    "sekunder sekund sek s",
                    "minutter minut min m",
                    "timer time t",
                    "dage døgn dag d",
                    "uger uge",
                    "måneder måned md",
                    "år",
                ),
                opening="for",
                halves="en halv time|en halvtime|halvtime",
                and_halves="halvanden time|en og en halv time",
                quarters="et kvarter|kvarter",
                three_quarters="tre kvarter",
            ),
        ),
        "fi": (
            _Relative(
                "",
                "sitten",
                {**_NUMBERS["fi"], "muutama": 2, "muutamia": 2, "pari": 2},
                (
                    "sekuntia sekunti sek s",
                    "minuuttia minuutti min m",
                    "tuntia tunti t h",
                    "päivää päivä pv",
                    "viikkoa viikko vk",
                    "kuukautta kuukausi kk",
                    "vuotta vuosi v",
                ),
                halves="puoli tuntia",
                and_halves="puolitoista tuntia",
                quarters="vartti|varttia|neljännestunti|neljännestunnin",
                three_quarters="kolme varttia",
            ),
        ),
    }
)

# "Just now": the fetch time. Strong phrases are read anywhere in a short text; weak words
# ("ahora", "now") only when they are the whole text.
_NOW_STRONG: dict[str, str] = {
    "en": "just now|moments ago|a moment ago|seconds ago",
    "de": "gerade eben|soeben|eben gerade|vor einem moment|vor wenigen augenblicken",
    "fr": "à l'instant|a l'instant|à l’instant|a l’instant|il y a un instant|il y a quelques instants",
    "it": "proprio ora|poco fa|pochi istanti fa|qualche istante fa",
    "es": "ahora mismo|hace un momento|hace instantes|hace unos instantes",
    "pt": "agora mesmo|há instantes|há pouco|agorinha",
    "nl": "zojuist|zonet|zo net|net geplaatst",
    "pl": "przed chwilą|przed chwila|chwilę temu|chwile temu",
    "tr": "az önce|biraz önce",
}
_NOW_WEAK: dict[str, str] = {
    "en": "now",
    "de": "gerade|jetzt",
    "fr": "maintenant",
    "it": "adesso|ora",
    "es": "ahora",
    "pt": "agora",
    "nl": "nu|net",
    "pl": "teraz",
    "tr": "şimdi",
}

# Day words: how many days before the fetch day; read only with a clock beside them.
_DAY_WORDS: dict[str, dict[str, int]] = {
    "en": {"today": 0, "yesterday": 1},
    "de": {"heute": 0, "gestern": 1, "vorgestern": 2},
    "fr": {"aujourd'hui": 0, "aujourd’hui": 0, "hier": 1, "avant-hier": 2},
    "it": {"oggi": 0, "ieri": 1, "altroieri": 2},
    "es": {"hoy": 0, "ayer": 1, "anteayer": 2},
    "pt": {"hoje": 0, "ontem": 1, "anteontem": 2},
    "nl": {"vandaag": 0, "gisteren": 1, "eergisteren": 2},
    "pl": {"dziś": 0, "dzis": 0, "dzisiaj": 0, "wczoraj": 1, "przedwczoraj": 2},
    "tr": {"bugün": 0, "dün": 1},
    # Two words in Norwegian and Danish, one or two in Swedish ("i går", "igår"): "går" alone
    # is "goes".
    "sv": {"idag": 0, "i dag": 0, "igår": 1, "i går": 1, "i förrgår": 2},
    "no": {"i dag": 0, "i går": 1, "i forgårs": 2},
    "da": {"i dag": 0, "i går": 1, "i forgårs": 2},
    "fi": {"tänään": 0, "eilen": 1, "toissapäivänä": 2},
    "cs": {"dnes": 0, "včera": 1, "předevčírem": 2},
    "hu": {"tegnap": 1, "tegnapelőtt": 2},  # (not "ma", today: a word's two letters)
}

# Words that say a time is when something was last changed ("Updated 4:41 pm").
EDIT_WORDS = (
    r"edited|updated|modified|aktualisiert|bearbeitet|mis\s+à\s+jour|modifié|actualizado|editado|"
    r"aggiornato|modificato|atualizado|bijgewerkt|gewijzigd|zaktualizowano|edytowano"
)
# A dateline that says so, or says "as of" ("Stand: 11.01.2024", "Aktualizacja: …",
# "Zuletzt geändert", "Actualisé le", "Last revised").
_UPDATED = re.compile(
    rf"\b(?:{EDIT_WORDS}|stand|aktualizacja|geändert|actualisée?|revised|changed|zmieniono|"
    r"modificada|modificata|actualizada|atualizada|aggiornata)\b",
    re.I,
)

# Words that say the number after them is a clock ("um 19.30", "à 14h", "alle 9.30").
CLOCK_LEADS = frozenset(
    {
        "at", "by", "um", "gegen", "à", "a", "vers", "dès", "alle", "ore", "dalle", "verso",
        "las", "la", "às", "pelas", "om", "rond", "o", "godz", "godzina", "około", "kl", "klo",
        "updated", "posted", "published", "aktualisiert", "publié", "publie", "aggiornato",
        "actualizado", "atualizado", "bijgewerkt", "aktualizacja", "opublikowano", "pukul",
    }
)  # fmt: skip
# The days of the week, which a ticker's heading between its days may name beside the date
# ("Dienstag, 12. März 2024"), Monday 0 to Sunday 6.
_WEEKDAY_NUMBERS: dict[str, int] = {
    word: number
    for number, words in enumerate(
        (
            "monday montag lundi lunedì lunedi lunes segunda-feira maandag poniedziałek pazartesi",
            "tuesday dienstag mardi martedì martedi martes terça-feira dinsdag wtorek salı",
            "wednesday mittwoch mercredi mercoledì mercoledi miércoles miercoles quarta-feira "
            "woensdag środa çarşamba",
            "thursday donnerstag jeudi giovedì giovedi jueves quinta-feira donderdag czwartek perşembe",
            "friday freitag vendredi venerdì venerdi viernes sexta-feira vrijdag piątek cuma",
            "saturday samstag sonnabend samedi sabato sábado sabado zaterdag sobota cumartesi",
            "sunday sonntag dimanche domenica domingo zondag niedziela pazar",
        )
    )
    for word in words.split()
}
_WEEKDAYS = frozenset(_WEEKDAY_NUMBERS)
# Their short forms beside a post's clock ("Mon 23:40", "Mo 23:40", "lun. 23h40"), read only on
# pages in their language: elsewhere they are words ("Sun", "Do", "mar", "dim").
_WEEKDAY_SHORT: dict[str, tuple[int, str]] = {
    word: (number, language)
    for language, rows in (
        ("en", ("mon", "tue tues", "wed", "thu thur thurs", "fri", "sat", "sun")),
        ("de", ("mo", "di", "mi", "do", "fr", "sa", "so")),
        ("fr", ("lun", "mar", "mer", "jeu", "ven", "sam", "dim")),
    )
    for number, words in enumerate(rows)
    for word in words.split()
}
DAY_LINE = 40  # characters: a heading that names a day and no more
_WORDS_APART = re.compile(r"[\s,.]+")
# Words that say "21:19" is a score, not a clock.
_SCORE_LEADS = frozenset(
    {
        "score", "scored", "spielstand", "stand", "ergebnis", "endstand", "halbzeit", "wynik",
        "result", "résultat", "risultato", "resultado", "marcador", "uitslag", "tussenstand",
        "won", "beat", "lead", "leads", "led",
    }
)  # fmt: skip

# Countries (ISO 3166 codes, and the .uk domain) to the zone most of their publishers use.
COUNTRY_ZONES: dict[str, str] = {
    "pl": "Europe/Warsaw", "de": "Europe/Berlin", "at": "Europe/Vienna",
    "ch": "Europe/Zurich", "li": "Europe/Vaduz", "fr": "Europe/Paris", "it": "Europe/Rome",
    "es": "Europe/Madrid", "pt": "Europe/Lisbon", "br": "America/Sao_Paulo",
    "nl": "Europe/Amsterdam", "be": "Europe/Brussels", "lu": "Europe/Luxembourg",
    "uk": "Europe/London", "gb": "Europe/London", "ie": "Europe/Dublin",
    "in": "Asia/Kolkata", "au": "Australia/Sydney", "nz": "Pacific/Auckland",
    "us": "America/New_York", "ca": "America/Toronto", "mx": "America/Mexico_City",
    "ar": "America/Argentina/Buenos_Aires", "cl": "America/Santiago", "pe": "America/Lima",
    "uy": "America/Montevideo", "ve": "America/Caracas", "cu": "America/Havana",
    "do": "America/Santo_Domingo", "gt": "America/Guatemala", "ec": "America/Guayaquil",
    "co": "America/Bogota", "bo": "America/La_Paz", "py": "America/Asuncion",
    "cr": "America/Costa_Rica", "pa": "America/Panama", "hn": "America/Tegucigalpa",
    "sv": "America/El_Salvador", "ni": "America/Managua", "pr": "America/Puerto_Rico",
    "cz": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest",
    "ro": "Europe/Bucharest", "bg": "Europe/Sofia", "gr": "Europe/Athens",
    "hr": "Europe/Zagreb", "si": "Europe/Ljubljana", "rs": "Europe/Belgrade",
    "se": "Europe/Stockholm", "dk": "Europe/Copenhagen", "no": "Europe/Oslo",
    "fi": "Europe/Helsinki", "ee": "Europe/Tallinn", "lv": "Europe/Riga",
    "lt": "Europe/Vilnius", "ua": "Europe/Kyiv", "ru": "Europe/Moscow", "tr": "Europe/Istanbul",
    "il": "Asia/Jerusalem", "za": "Africa/Johannesburg", "ng": "Africa/Lagos",
    "ke": "Africa/Nairobi", "eg": "Africa/Cairo", "jp": "Asia/Tokyo", "kr": "Asia/Seoul",
    "cn": "Asia/Shanghai", "hk": "Asia/Hong_Kong", "tw": "Asia/Taipei",
    "sg": "Asia/Singapore", "my": "Asia/Kuala_Lumpur", "ph": "Asia/Manila",
    "id": "Asia/Jakarta", "th": "Asia/Bangkok", "vn": "Asia/Ho_Chi_Minh",
    "pk": "Asia/Karachi", "bd": "Asia/Dhaka", "ae": "Asia/Dubai",
    "ma": "Africa/Casablanca", "dz": "Africa/Algiers", "tn": "Africa/Tunis",
    "gh": "Africa/Accra", "sa": "Asia/Riyadh", "qa": "Asia/Qatar", "lb": "Asia/Beirut",
    "jo": "Asia/Amman", "lk": "Asia/Colombo", "np": "Asia/Kathmandu", "is": "Atlantic/Reykjavik",
    "mt": "Europe/Malta", "cy": "Asia/Nicosia", "ba": "Europe/Sarajevo", "mk": "Europe/Skopje",
    "al": "Europe/Tirane", "md": "Europe/Chisinau", "ge": "Asia/Tbilisi",
}  # fmt: skip
# Country domains sold to anyone, which say nothing of where a site is ("thenews.co").
_OPEN_DOMAINS = frozenset({"co", "me", "tv", "io", "ai", "fm", "ly", "ws", "cc", "to"})
_SECOND_LEVELS = frozenset({"com", "net", "org", "gov", "gob", "edu", "ac", "co", "nom"})
# A language without a region to the zone of the country most of its publishers are in;
# English, spoken around the world, tells nothing alone.
LANGUAGE_ZONES: dict[str, str] = {
    "de": "Europe/Berlin", "fr": "Europe/Paris", "it": "Europe/Rome", "es": "Europe/Madrid",
    "pt": "Europe/Lisbon", "nl": "Europe/Amsterdam", "pl": "Europe/Warsaw",
    "cs": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest",
    "ro": "Europe/Bucharest", "bg": "Europe/Sofia", "el": "Europe/Athens",
    "hr": "Europe/Zagreb", "sl": "Europe/Ljubljana", "sr": "Europe/Belgrade",
    "sv": "Europe/Stockholm", "da": "Europe/Copenhagen", "no": "Europe/Oslo",
    "nb": "Europe/Oslo", "nn": "Europe/Oslo", "fi": "Europe/Helsinki", "et": "Europe/Tallinn",
    "lv": "Europe/Riga", "lt": "Europe/Vilnius", "uk": "Europe/Kyiv", "ru": "Europe/Moscow",
    "tr": "Europe/Istanbul", "he": "Asia/Jerusalem", "ja": "Asia/Tokyo", "ko": "Asia/Seoul",
    "zh": "Asia/Shanghai", "hi": "Asia/Kolkata", "th": "Asia/Bangkok", "vi": "Asia/Ho_Chi_Minh",
    "id": "Asia/Jakarta", "ca": "Europe/Madrid", "eu": "Europe/Madrid", "gl": "Europe/Madrid",
    "is": "Atlantic/Reykjavik", "mt": "Europe/Malta", "ga": "Europe/Dublin", "cy": "Europe/London",
    "lb": "Europe/Luxembourg", "bs": "Europe/Sarajevo", "mk": "Europe/Skopje",
    "sq": "Europe/Tirane", "be": "Europe/Minsk", "ka": "Asia/Tbilisi", "hy": "Asia/Yerevan",
    "fa": "Asia/Tehran", "ur": "Asia/Karachi", "bn": "Asia/Dhaka", "ms": "Asia/Kuala_Lumpur",
}  # fmt: skip
# Zones tried, in order, when the page's own offsets fit neither its domain nor its language.
_COMMON_ZONES = (
    "Europe/London", "Europe/Berlin", "Europe/Helsinki", "Europe/Moscow",
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    "America/Phoenix", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
    "America/Mexico_City", "America/Bogota", "Asia/Kolkata", "Asia/Dubai", "Asia/Shanghai",
    "Asia/Tokyo", "Australia/Sydney", "Australia/Perth", "Pacific/Auckland",
    "Africa/Johannesburg", "Europe/Lisbon",
)  # fmt: skip

# Page metadata that states when the page was published or changed.
_META_TIMES = frozenset(
    {
        "article:published_time", "article:modified_time", "og:updated_time",
        "og:article:published_time", "og:article:modified_time", "datepublished",
        "datemodified", "datecreated", "date", "dc.date", "dc.date.issued", "dcterms.modified",
        "dcterms.created", "pubdate", "publishdate", "lastmod", "last-modified",
        "sailthru.date", "parsely-pub-date",
    }
)  # fmt: skip
# Those that name the page's last change, not when it was first published.
_META_CHANGES = frozenset(
    {
        "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
        "dcterms.modified", "lastmod", "last-modified",
    }
)  # fmt: skip

# --- Patterns -------------------------------------------------------------------------------
# Patterns that start with a number start with `\d` and look behind it afterwards: then the
# regex engine skips to the digits instead of trying every position (a text node costs µs).

_DIGIT = re.compile(r"\d")


def western_digits(text: str) -> str:
    """The text with Arabic-Indic and Persian digits written 0-9, one for one; the text itself
    where it has none."""
    if text.isascii() or _EASTERN_DIGIT.search(text) is None:
        return text
    return text.translate(_EASTERN_DIGITS)


# Arabic-Indic and extended (Persian, Urdu) digits, read as 0-9.
_EASTERN_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_EASTERN_DIGITS = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "01234567890123456789",
)
# A clock: "19:30", "19.30", "7:30:15", "14h05", "14 h 05", Flemish "14u05", "14h", "7pm",
# "7.30 p.m.", then an
# optional "Uhr"/"uur"/"h"/"godz."/"hs" (Argentina's "21:48 hs"); Chinese, Japanese and Korean
# "20時55分", "20时55分", "20시 55분"; Malay and Indonesian on 12 hours with the part of the day
# after it, "4.05 petang", "10.30 pagi", "8.15 malam" (_DAY_PARTS). Not the tail of a number,
# a word, a price or a range.
_CLOCK = re.compile(
    r"(?P<h>\d(?<![.,:/+\-–€$£¥]\d)(?<![^\W午後前上晚晨]\d)\d?)"
    r"(?:(?P<sep>[:.])(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d|[.,:/]\d)"
    r"|(?:\s?h\s?|u(?=[0-5]\d(?!\w)))(?P<hm>[0-5]\d)(?!\d)"
    r"|\s?[時时點点시]\s?(?P<cm>[0-5]?\d)\s?[分분](?!\d)"
    r"|(?P<bare>\s?h)(?![^\W\d_])"
    r"|(?=\s?[ap]\.?\s?m\b))"
    r"(?P<mer>\s?[ap](?:\.\s?m\.|\.?m\b\.?))?"
    r"(?P<word>\s?(?:uhr|uur|godz\b\.?|hrs\b|(?-i:hs)\b\.?|h\b))?"
    r"(?P<part>\s(?:pagi|petang|ptg|tengah\shari|tengah\smalam|malam|siang|sore)(?![^\W\d_]))?",
    re.I,
)
# The part of the day Malay and Indonesian write after a clock on 12 hours: the hours on 24 it
# puts 1 to 12 at, from 0 (morning, "12.30 pagi" half past midnight) or from 12 (afternoon);
# midday ("tengah hari", Indonesian "siang") holds 11 and 12 and the early afternoon, the night
# ("malam") 6 to 11 in the evening, midnight and the small hours.
_DAY_PARTS: dict[str, tuple[int, ...]] = {
    "pagi": tuple(range(12)),
    "tengah malam": tuple(range(12)),
    "petang": tuple(range(12, 24)),
    "ptg": tuple(range(12, 24)),
    "sore": tuple(range(12, 24)),
    "tengah hari": (*range(13, 19), 11, 12),
    "siang": (*range(13, 19), 11, 12),
    "malam": (*range(0, 6), *range(18, 24)),
}
# ("4.05 petang" in Malay or Indonesian alone: "sore" is an English word too.)
_DAY_PART_LANGUAGES = ("ms", "id")
# Korean, Japanese and Chinese morning and afternoon, written before the clock they mark, and
# Chinese evening and early morning ("晚上8:55", "凌晨1:05"; "晚上12点" is midnight).
_CJK_MERIDIEM = re.compile(r"(오전|오후|午前|午後|上午|下午|晚上|傍晚|凌晨|早上)\s?$")
_CJK_AFTERNOON = frozenset({"오후", "午後", "下午", "晚上", "傍晚"})
_CJK_EVENING = frozenset({"晚上", "傍晚"})
_NOON_OR_MIDNIGHT = re.compile(r"\b(?:noon|midnight)\b", re.I)
# What makes "11:09" a length of time rather than a clock.
_DURATION = re.compile(
    r"\s?(?:min(?:s|utes?|uten)?|sek(?:unden)?|sec(?:s|onds?)?|s|std)(?!\w)", re.I
)  # (whole words: "12:31 Minister sagt", "21:52 Secours" are clocks)
# A zone named right after a clock: "ET", "(IST)", "GMT+2", "UTC+05:30".
_ZONE_AFTER = re.compile(
    r"[\s,]*[(\[]?\s*("
    + _ZONE_NAMES
    + r")(?![A-Za-z])(?:\s?([+-])(\d{1,2})(?::?(\d{2}))?(?!\d))?[)\]]?"
)
# An offset right after a clock to the second that follows a date the way a server prints
# its times ("2024-05-01 11:35:00 +00:00", Python's "…11:35:00+02:00"); elsewhere "-12:00"
# after a clock ends a range ("May 1, 2024 10:00:00-12:00").
_OFFSET_AFTER = re.compile(r" ?([+-])(0\d|1[0-4]):?([0-5]\d)(?![\d:])")
_ISO_DATE_BEFORE = re.compile(r"\d{4}-\d\d-\d\d[ T]$")


# Dates. A month is any word the MONTHS table knows: "5. Mai 2024", "5 de mayo de 2024",
# "28 września 2020", "1er mai", "October 8, 2023", "Oct. 8".
_DATE_DMY = re.compile(
    r"(?P<d>\d(?<![\w.]\d)\d?)(?:\.|st|nd|rd|th|er|º|ª|°)?\s*(?:de\s+|of\s+)?"
    r"(?P<mon>[^\W\d_]{3,12})\.?(?:,?\s*(?:de\s+)?(?P<y>(?:19|20)\d\d)(?!\d))?",
    re.I,
)
_LATIN_LAST = 0x24F  # the last letter of the Latin script's extensions ("październik")
_DATE_MDY = re.compile(
    r"(?<![^\W\d_])(?P<mon>[^\W\d_]{3,12})\.?\s*(?P<d>\d(?<![\d.]\d)\d?)(?:st|nd|rd|th)?"
    r"(?:\s*,?\s*(?P<y>(?:19|20)\d\d))?(?!\d)",
    re.I,
)
# Year first: "2024-05-01", "2024/5/1", "2024.05.01", and Korean's and Hungarian's "2024. 5. 1.",
# a space after each dot and one after the day.
_DATE_YMD = re.compile(
    r"(?P<y>(?:1(?<![\d.]1)9|2(?<![\d.]2)0)\d\d)(?:([-/.])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?!\d)"
    r"|\.\s(?P<sm>[01]?\d)\.\s(?P<sd>[0-3]?\d)\.)"
)
_DATE_NUMERIC = re.compile(
    r"(?P<a>\d(?<![\d.,:/]\d)\d?)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)?\d\d)"
    r"(?![\d:]|[.,]\d)"
)
# "28.09., 19:30", "28-09 19:30", "28/09 19:30": a day and month without the year, read only
# beside a clock.
_DATE_DAY_MONTH = re.compile(
    r"(?P<a>\d(?<![\d.,:/\-]\d)\d?)(?:\.(?P<b>[01]?\d)\.|(?P<sep>[/-])(?P<c>[01]?\d)(?![\d/-]))(?!\d)"
)
# Chinese, Japanese and Korean dates: "2024年12月2日", "12月2日", "12월 2일".
_DATE_CJK = re.compile(
    r"(?:(?P<y>(?:19|20)\d\d)\s*[年년]\s*)?(?<!\d)(?P<m>1[0-2]|0?[1-9])\s*[月월]\s*"
    r"(?P<d>3[01]|[12]\d|0?[1-9])\s*[日일]"
)
_ISO_TIME = re.compile(
    r"(?P<v>(?:1(?<!\d1)9|2(?<!\d2)0)\d\d-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?"
    r"(?:Z|[+-]\d\d:?\d\d)?)(?!\d)"
)
# Match minutes: "95'", "45+2'", "45 + 2’"; "12. Min.", "90.+3", "12. minuta".
_MINUTE_MARK = re.compile(
    r"(?P<m>\d(?<![\w'’′´.,:+/\-]\d)\d{0,2})(?:\s?\+\s?(?P<x>\d{1,2}))?\s?['’′´](?![\w'’′´])"
)
_MINUTE_WORD = re.compile(
    r"(?P<m>\d(?<![\w.,:+/\-]\d)\d{0,2})\.\s?"
    r"(?:\+\s?(?P<x>\d{1,2})\.?(?:\s?min(?:ute|uta|uto)?\b\.?)?|(?:spiel)?min(?:ute|uta|uto)?\b\.?)",
    re.I,
)
# The added time written after the minute's mark ("90'+3"), and the minute after its word
# ("Min. 45", "minuto 90+2", "Minute 12": Spanish, Italian and Portuguese commentaries).
_MINUTE_AFTER = re.compile(
    r"(?P<m>\d(?<![\w'’′´.,:+/\-]\d)\d{0,2})['’′´]\s?\+\s?(?P<x>\d{1,2})(?!\d)"
)
# English commentaries' word after the minute ("67 mins: Kilkenny 2-20", "90+3 min –"), before
# a colon or dash, or where the added time says it is a match's ("90+3 mins"): "5 mins" alone
# is how long ago, and "10 min read" how long a story takes. It opens its line (_opens_play):
# "Bake 20 mins – until golden" is a recipe's.
_MINUTE_MINS = re.compile(
    r"(?P<m>\d(?<![\w.,:+/\-]\d)\d{0,2})(?:\s?\+\s?(?P<x>\d{1,2}))?\s?mins?\b\.?"
    r"(?(x)(?=\s?[:–—-](?:\s|$)|\s*$)|(?=\s?[:–—-](?:\s|$)))",
    re.I,
)
_MINUTE_LEAD = re.compile(
    r"\b(?:min(?:ute|uto|uta)?|minuut)(?:\.\s?|\s)(?P<m>\d{1,3})(?:\s?\+\s?(?P<x>\d{1,2}))?"
    r"(?![\d'’′´]|[.:,]\d)",
    re.I,
)
# What every reading of a number starts with: a digit followed by a clock's separator, "h",
# Flemish "u" before the minutes,
# am/pm, an ISO date's "-", a match minute's "+", "'", ". Min" or " mins", or a dotted clock's
# digit.
# A text without one holds no clock, date or match minute (each pattern above needs it).
_TIME_SHAPE = re.compile(
    r"\d(?::\d|-|\.(?:\d|\s?[+ms])|u[0-5]\d|\s?(?:[+'’′´hap]|mins?\b|[時时點点시]\s?\d))"
    r"|\bmin\w*(?:\.\s?|\s)\d",
    re.I,
)
# How long ago in one letter, the whole text ("11m", "1h", "2d"): English builds' stamps. (Read
# on pages that say they are in English only: elsewhere "14h" is a clock.)
_COMPACT_AGO = re.compile(r"\s*(\d{1,2})\s?([mhd])\s*", re.ASCII | re.I)
# A clock with two-digit hour and nothing else in the text: the commonest visible time.
_BARE_CLOCK = re.compile(r"\s*(\d\d):([0-5]\d)\s*", re.ASCII)
_SHORT_CLOCK = re.compile(r"\s*(\d)[:.]([0-5]\d)\s*", re.ASCII)
_META_LANGUAGES = frozenset({"og:locale", "language", "content-language", "dc.language"})
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})
# Language tags written for another language's: Ukrainian pages that say "ua" (the country).
_ALIASES = {"ua": "uk"}
_LD_DATES = re.compile(r'"date(Published|Modified|Created)"\s*:\s*"([^"]{8,40})"')
_OFFSET = re.compile(r"(?:[+-]\d\d:?\d\d|Z)$")
_TRIM = " \t\r\n.,:;·•|()[]{}-–—/"


# The words that join the parts of a length of time ("1 hour and 20 minutes", "1 sat i 20
# minuta", "2 ore și 5 minute"), in the languages read.
_JOINERS = r"(?:and|und|et|y|e|en|i|a|și|şi|si|og|och|ja|és|ve|и|і|та|και|ו)(?=\s)"


def _relative_pattern(rel: _Relative) -> re.Pattern[str]:
    """One language's relative phrase, with groups n (digits, a decimal's too), a (amount
    word), u and v (unit), h and g (half an hour, an hour and a half, in words), q and r (a
    quarter of an hour, three quarters)."""
    words = sorted((w for unit in rel.units for w in unit.split()), key=len, reverse=True)
    every = "|".join(map(re.escape, words))
    long = "|".join(re.escape(w) for w in words if len(w) > 1)
    # A space inside an amount is any ("vinte e cinco", "dwadzieścia pięć").
    amounts = "|".join(
        re.escape(a).replace(r"\ ", r"\s+") for a in sorted(rel.amounts, key=len, reverse=True)
    )
    filler = rf"(?:{rel.filler}\s+)?" if rel.filler else ""
    joiners = f",|{_JOINERS}" if rel.after else _JOINERS
    halves = "|".join(map(re.escape, rel.halves.split("|"))) if rel.halves else "(?!)"
    and_halves = "|".join(map(re.escape, rel.and_halves.split("|"))) if rel.and_halves else "(?!)"
    quarters = "|".join(map(re.escape, rel.quarters.split("|"))) if rel.quarters else "(?!)"
    three = (
        "|".join(map(re.escape, rel.three_quarters.split("|"))) if rel.three_quarters else "(?!)"
    )
    # A decimal's figures are one amount ("1,5 godziny temu"): the 5 is no amount of its own.
    number = r"(?<!\d[.,])(?P<n>\d+(?:[.,]\d(?!\d))?)"
    amount = (
        rf"(?:(?P<g>{and_halves})|(?P<h>{halves})|(?P<r>{three})|(?P<q>{quarters})"
        rf"|{number}\s*{filler}(?P<u>{every})"
        rf"|(?:(?P<a>{amounts})\s*)?(?P<v>{long}))"
        r"(?![^\W\d_])\.?"
        # A smaller unit after it: "1 hour 20 minutes ago", "vor 1 Std. und 20 Min.", "1h 20m";
        # after a comma only before the word that ends the phrase ("2 days, 3 hours ago",
        # Django's): "vor 3 Std., 4 Min. Lesezeit" lists a reading time.
        rf"(?:\s*(?:{joiners})?\s*(?P<n2>\d+)\s*{filler}(?P<u2>{every})(?![^\W\d_])\.?)?"
    )
    before = rf"{rel.before}\s+" if rel.before else ""
    if rel.opening:  # ("för 5 minuter sedan", "5 minuter sedan")
        before = rf"(?:{rel.opening}\s+)?"
    # After an abbreviation's dot ("5 min. temu") the word goes on in lower case; a capital
    # opens a new sentence ("Обстріл тривав 3 години. Тому…": "therefore").
    after = rf"(?:(?<!\.)\s+{rel.after}|(?<=\.)\s+(?-i:{rel.after}))" if rel.after else ""
    return re.compile(rf"(?<![^\W\d_]){before}{amount}{after}(?![^\W\d_])", re.I)


class _Form:
    """One language's relative phrase, compiled when a text first holds its word on a page in
    its language: most pages read one language's, and compiling all 56 took a tenth of a
    second of every crawl process's start."""

    __slots__ = ("_pattern", "language", "rel")

    def __init__(self, language: str, rel: _Relative) -> None:
        self.language = language
        self.rel = rel
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = _relative_pattern(self.rel)
        return self._pattern


def ago_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of how long ago in every language read, those written before the amount ("vor",
    "il y a", "před") and those after it ("ago", "fa", "atrás"), longest first: a box beside
    one says how long ago, where its number alone may look like something else."""
    before = {rel.before for forms in _RELATIVE_WORDS.values() for rel in forms if rel.before}
    after = {rel.after for forms in _RELATIVE_WORDS.values() for rel in forms if rel.after}
    return tuple(sorted(before, key=lambda w: (-len(w), w))), tuple(
        sorted(after, key=lambda w: (-len(w), w))
    )


# Each relative form under the word that must stand in the text for it to be tried.
_RELATIVE_FORMS: dict[str, list[_Form]] = {}
for _language, _forms in _RELATIVE_WORDS.items():
    for _rel in _forms:
        _RELATIVE_FORMS.setdefault((_rel.before or _rel.after).lower(), []).append(
            _Form(_language, _rel)
        )
_NOW_PHRASES = [phrase for words in _NOW_STRONG.values() for phrase in words.split("|")]
_NOW = re.compile(
    r"(?<![^\W\d_])("
    + "|".join(sorted(map(re.escape, _NOW_PHRASES), key=len, reverse=True))
    + r")(?![^\W\d_])",
    re.I,
)
# A word of every strong "just now" phrase: the phrase is looked for only when one is there.
_NOW_MARKERS = frozenset(
    {
        "now", "moment", "second", "eben", "instant", "poco", "istant", "ahora", "agora",
        "pouco", "zojuist", "zonet", "zo net", "geplaatst", "chwil", "augenblick", "az önce",
    }
)  # fmt: skip


# One pass over the lower-cased text finds the words that relative phrases need.
# (A relative phrase's word only as a word: "pre" stands in "president", "vor" in "favor", and
# most texts that hold them say no time. "Just now" markers are parts of words: "chwil".)
def _alternatives(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


_HINT = re.compile(
    rf"{_alternatives(_NOW_MARKERS)}|"
    rf"(?<![^\W\d_])(?:{_alternatives(_RELATIVE_FORMS.keys() - _NOW_MARKERS)})(?![^\W\d_])"
)
_WEAK_NOW = {w: lang for lang, words in _NOW_WEAK.items() for w in words.split("|")}
# Words read only on pages in their language: elsewhere they mean "here" (German and Dutch
# "hier") or "has" (Spanish "ha").
_AMBIGUOUS = frozenset({"hier", "ha", "eilen"})  # (German "eilen": to hurry)
# Languages whose relative phrases are read only on their own pages (or pages that name no
# language): Ukrainian "год" is hours where Russian's is a year.
_OWN_PAGES_ONLY = frozenset(
    {"ru", "uk", "ca", "gl", "eu", "el", "is", "sr", "hr", "bs", "sh", "cnr", "ro", "bg", "cs",
     "sk", "sl", "sv", "nb", "no", "nn", "da", "fi", "vi", "id", "ms"}
)  # fmt: skip
# Their words in the Latin script, which other languages use for something else ("fa", Italian
# "hai", "pre-", Czech "před" is Slovak "pred"): read only on pages that name the language.
_NAMED_PAGES_ONLY = frozenset(
    {
        "fa",
        "hai",
        "duela",
        "fyrir",
        "pre",
        "prije",
        "acum",
        "pred",
        "před",
        "sedan",
        "siden",
        "sidan",
        "sitten",
    }
)
_DAY_WORD_LANGUAGE = {w: lang for lang, words in _DAY_WORDS.items() for w in words}
_DAY_WORD_BACK = {w: back for words in _DAY_WORDS.values() for w, back in words.items()}
# Readings that start at the same place: the one that says more wins.
_PRIORITY = {"full": 0, "day": 1, "relative": 2, "minute": 3, "clock": 4}
# How far apart a date (or "gestern") and its clock may be: ", ", " um ", " à ", " | ".
_NEAR = 20
_WEEK = 7  # days: how far back a weekday beside a clock names
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")  # a word ("segunda-feira" one)
# How far around a clock its date is looked for.
_DATE_WINDOW = 40
_MAX_TEXT = 400


# --- The API --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """One time read from text, with what kind of statement it was."""

    kind: str  # "full" | "clock" | "relative" | "minute" (a match's minute, or a ball's)
    utc: str | None  # None for a match minute, or a clock not yet placed on a day
    text: str  # the part of the input that was read
    clock: tuple[int, int] | None = None  # (hour, minute): "clock", "full", "gestern 14:05"
    minute: str | None = None  # "45+2'" for "minute"


def is_date_line(text: str) -> bool:
    """Whether a short line states a date and nothing else, the day of the week aside ("14 March
    2024", "Dienstag, 12. März"): a post's stamp or a heading between days, never its words'
    first paragraph."""
    return _date_alone(text.strip()) is not None


def day_of_line(text: str, near: date) -> date | None:
    """The day a short line gives that states a date and nothing else ("Saturday 10 May",
    "14. Februar", "10 May 2024"): in the year it names or, naming none, in the year that
    puts it nearest `near`, ahead of it as well as behind."""
    found = _date_alone(text.strip())
    if found is None:
        return None
    years = (found.year,) if found.year is not None else (near.year - 1, near.year, near.year + 1)
    days = [date(y, found.month, found.day) for y in years if _valid(y, found.month, found.day)]
    return min(days, key=lambda day: abs(day - near)) if days else None


def _date_alone(text: str, month_first: bool = False) -> _Date | None:
    """The date a short line states when it says nothing else, the day of the week aside."""
    if len(text) > DAY_LINE:
        return None
    found = _find_date(text, need_year=False, month_first=month_first)
    if found is None:
        return None
    rest = [w for w in _WORDS_APART.split(text[: found.start] + " " + text[found.end :]) if w]
    if len(rest) > 1 or (rest and rest[0].lower() not in _WEEKDAYS):
        return None
    return found


def in_date_order(page: PageClock, texts: Iterable[tuple[Element, str]]) -> PageClock:
    """The page clock, its dates of numbers read in the order the page's own stamps say, where
    two or more can be read one way only, twice as many as the other way: Drupal's "Wed,
    02/28/2024 - 22:05" puts the month first, so "Tue, 03/05/2024" beside it is March the 5th;
    "28/02/2024", the day. A stamp is a short text of its own, not a link's, a heading's or an
    aside's: a date quoted from elsewhere ("the US ruling of 6/24/2022", a sidebar's story)
    says nothing of the page's order."""
    month_first = day_first = 0
    for element, text in texts:
        if "/" not in text or len(text) > _STAMP_TEXT:
            continue
        for match in _SLASHED_DATE.finditer(text):
            first, second = int(match.group(1)), int(match.group(2))
            ways = (first <= 12 < second <= 31, second <= 12 < first <= 31)
            if any(ways) and not _quoted(element):
                month_first += ways[0]
                day_first += ways[1]
    if month_first >= _ORDER_DATES and month_first > 2 * day_first:
        return replace(page, month_first=True)
    if day_first >= _ORDER_DATES and day_first > 2 * month_first:
        return replace(page, month_first=False)
    return page


def _quoted(element: Element) -> bool:
    """Whether a text's element is a link's, a heading's, or inside an aside or a nav."""
    if element.tag == "a" or element.tag in HEADINGS:
        return True
    return any(box.tag in _QUOTING_BOXES for box in element.iterancestors())


_QUOTING_BOXES = frozenset({"a", "aside", "nav"}) | HEADINGS
_ORDER_DATES = 2  # the stamps read one way only that set a page's order, at least
_STAMP_TEXT = 60  # characters of a post's stamp at most: "Posted: Wed, 02/28/2024 - 22:05"
_SLASHED_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")


_Ordered = TypeVar("_Ordered", float, tuple[int, int])  # what a stream's times are read as


def mostly_rising(values: Sequence[_Ordered]) -> bool:
    """Whether values, in page order, rise from one to the next more often than they fall:
    a stream that runs oldest first."""
    rising = sum(1 for above, below in pairwise(values) if below > above)
    falling = sum(1 for above, below in pairwise(values) if below < above)
    return rising > falling


def on_day_near(reading: Reading, near: str | None) -> str:
    """The instant a shown time states beside a machine time: a full date and clock as read,
    or a day's word and a clock ("Today at 8:20 AM"); a clock alone (in its zone) on the day
    that puts it nearest `near`; "" for what states no instant of its own (a time ago, which
    says only its hour or minute, a match minute)."""
    if reading.kind == "relative" and reading.clock is not None:
        return reading.utc or ""
    if reading.kind not in ("full", "clock"):
        return ""
    shown, machine = parse_utc(reading.utc), parse_utc(near)
    if shown is None:
        return ""
    if reading.kind == "clock" and machine is not None:
        shown += timedelta(days=round((machine - shown).total_seconds() / 86400))
    return format_utc(shown) or ""


@dataclass(frozen=True)
class PageClock:
    """What the page tells about time: to place times written for people."""

    fetched_at: datetime  # aware, UTC: when the page was fetched
    zone: tzinfo  # the publisher's zone, best guess (UTC when nothing tells)
    day: date | None  # the day of the page's newest dated content, in `zone`, not after the fetch
    # From <html lang> etc., e.g. ("de",); () = try all. Only words that mean something else
    # in another language need the page's language: "hier", "am", "ha", a lone "nu" or "ora".
    languages: tuple[str, ...]
    # The day the page says it began (its dateline, where no machine time dates the page and
    # the line does not say it was updated): no post is older, so a stream of bare clocks that
    # runs past midnight ends on a later day.
    began: date | None = None
    # Whether its dates of numbers put the month first ("03/28/2024"), as the dates it prints
    # that can be read one way only say (in_date_order); None: as its language and zone say.
    month_first: bool | None = None
    # The one machine time the page states of itself, where its day is taken from it: its last
    # change, or the time it began (_days_early tells which, unless its label does).
    stamp: datetime | None = None
    # The first and the last of the machine times the page states of itself, where it states
    # more than one (published, then modified): a page saved again long after its blog ended
    # (_days_late).
    opened: datetime | None = None
    changed: datetime | None = None
    # Whether the page links to an older page of its blog (pagination.next_urls), or has a
    # button that loads them by script (loads_in_place): it shows the newest posts, not the
    # blog from its start.
    paged: bool = False
    # Whether the stamp is labelled the page's last change (`article:modified_time`,
    # `dateModified`), wherever the page states it: the end of what it shows, not its start.
    stamp_changed: bool = False
    # Whether the page writes an offset of its own beside a machine time ("+02:00"): its zone
    # is then no guess a few hours off.
    zone_stated: bool = False
    _today: date = field(init=False, repr=False, compare=False)
    _cutoff: datetime = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_today", self.fetched_at.astimezone(self.zone).date())
        object.__setattr__(self, "_cutoff", self.fetched_at + _SKEW)

    @property
    def stated(self) -> str | None:
        """The latest time the page states of itself, as a machine time (its last change, or
        its one time): a page served from a cache was drawn no earlier."""
        last = self.changed or self.stamp
        return format_utc(last) if last is not None else None

    @property
    def cutoff(self) -> datetime:
        """The latest a time the page shows may be: the fetch, and the publisher's clock
        running a little fast."""
        return self._cutoff

    def read(self, text: str) -> Reading | None:
        """The first time in a short text; a bare clock is placed on `day` when day is known.
        Arabic-Indic and Persian digits ("۱۰:۳۰", "١٥ مايو") are read as the digits they are."""
        if not text:
            return None
        text = text[:_MAX_TEXT]
        plain = western_digits(text)
        if plain is text:
            return _read(self, text)
        reading = _read(self, plain)
        if reading is None or not reading.text or reading.text not in plain:
            return reading
        at = plain.index(reading.text)  # the same text as the page writes it, digit for digit
        return replace(reading, text=text[at : at + len(reading.text)])

    def read_short_clock(self, text: str) -> Reading | None:
        """A text that is a one-digit clock and nothing else ("9:03", "9.03", "٩:٠٣"), read as
        a bare clock. Alone it may be a video's length or a version: callers read it only where
        the page's two-digit clocks stand in boxes of the same shape."""
        match = _SHORT_CLOCK.fullmatch(western_digits(text))
        if match is None:
            return None
        reading = _bare_clock(self, match)
        return replace(reading, text=text.strip()) if reading is not None else None

    def day_named(self, text: str) -> date | None:
        """The day a short line names when it says nothing else, the day of the week aside: a
        ticker's heading between its days ("Dienstag, 12. März 2024", "Tuesday 12 March",
        "Gestern")."""
        found = _date_alone(text, self._month_first)  # (None for a line longer than DAY_LINE)
        if found is None:
            word = text.strip(_TRIM).lower()
            back = _DAY_WORD_BACK.get(word)
            if back is None or (word in _AMBIGUOUS and not self._reads(_DAY_WORD_LANGUAGE[word])):
                return None
            return self._today - timedelta(days=back)
        year = found.year
        if year is None:
            year = _year_of(self, found.month, found.day, _weekday_beside(text, found))
        if year is None or not _valid(year, found.month, found.day):
            return None
        return date(year, found.month, found.day)

    def place_clocks(
        self,
        clocks: Sequence[tuple[int, int] | None],
        days: Sequence[date | None] | None = None,
        floors: Sequence[date | None] | None = None,
    ) -> list[str | None]:
        """A stream's bare clocks, newest first, as instants: the first on `day` (the fetch day
        when the page states none), a day earlier whenever a clock is later than the one above
        it (the stream crossed midnight; not for one a little later, out of order: next_day),
        and a day earlier for a clock after the fetch. A stream whose clocks mostly rise runs
        oldest first: it is placed from its end.

        `days`, beside the clocks, are the days the stream's headings name above each (None
        where none does): a clock under one is on that day. `floors` are the days of what each
        post quotes (an embedded tweet's date): a post is not older than a tweet it quotes, so
        where the page's day puts one before its floor, the stream is placed that much later,
        never past the fetch. The day the page `began` is every post's floor; where its machine
        `stamp` is when it began, the stream is placed as many days later as that takes
        (_days_early)."""
        named: list[date | None] = list(days) if days is not None else [None] * len(clocks)
        placed = self._in_order(clocks, named)
        if any(named):
            return placed
        began = self.began
        early = 0 if began is not None else self._days_early(placed)
        late = 0 if began is not None or early else self._days_late(placed)
        if late:
            return replace(self, day=(self.day or self._today) - timedelta(days=late))._in_order(
                clocks, named
            )
        if floors is None and began is None and not early:
            return placed
        floors = floors or [None] * len(clocks)
        if began is not None:
            floors = [began if floor is None else max(floor, began) for floor in floors]
        behind = max(
            (
                (floor - moment.astimezone(self.zone).date()).days
                for floor, utc in zip(floors, placed, strict=True)
                if floor is not None and (moment := parse_utc(utc)) is not None
            ),
            default=0,
        )
        behind = max(behind, early)
        if behind <= 0:
            return placed
        later = min((self.day or self._today) + timedelta(days=behind), self._today)
        return replace(self, day=later)._in_order(clocks, named)

    def _days_early(self, placed: list[str | None]) -> int:
        """How many days early a stream is placed where the page's machine stamp is the time
        the blog began, not its last change: on the stamp's day the stream ends over an hour
        before it, and as many days later as it crossed midnights it would begin right at it
        (from five minutes before to _START_LEAD after, by the clocks on the wall: a day of a
        clock change is a day). DPG's pages state only `article:published_time`, the evening a
        blog began: its posts after midnight are on the next day. A blog of nearly a day ends
        within the hour before its start's clock: the nearer reading stands, its newest post
        that much before a last change or its first that much after a start. A stamp labelled
        the page's last change is its end, never a start."""
        if self.stamp is None or self.stamp_changed:
            return 0
        moments = [moment for utc in placed if (moment := parse_utc(utc)) is not None]
        ends = self.stamp - max(moments, default=self.stamp)  # (before the stamp, on its day)
        if len(moments) < 2:
            return 0
        first = min(moments).astimezone(self.zone).replace(tzinfo=None)
        start = self.stamp.astimezone(self.zone).replace(tzinfo=None)
        if ends <= timedelta(0):
            # Its first posts over an hour before the blog began, its newest after: a blog
            # that ran on, its page showing the next day's posts, all after the start there.
            return 1 if first.date() == start.date() and start - first > _HOUR else 0
        crossed = (start.date() - first.date()).days
        if crossed == 0 and ends > _HALF_DAY:
            # Its shown posts all after midnight, a morning's, the blog begun late the evening
            # before: the first of them after the start as many days on as puts it there.
            crossed = -((first - start + _START_EARLY) // _DAY)
        lead = first + timedelta(days=crossed) - start
        if crossed < 1 or not -_START_EARLY <= lead <= _START_LEAD:
            return 0
        return crossed if ends > _HOUR or ends > abs(lead) else 0

    def _days_late(self, placed: list[str | None]) -> int:
        """How many days late a stream is placed where the page's last change is no post's: a
        page saved again long after its blog ended (The Hindu's "Updated - November 17, 2021"
        above "Published - July 28, 2016"), fetched days after that (a rolling blog's stale
        modified time, fetched the day its posts are of, is none). Its newest post would stand
        over an hour after that change on its day, and as many days earlier as the stream
        crossed midnights, it begins right at the time the page was first published, as
        _days_early has it. One day back takes more, as a placeholder published the day before
        is no start: a change amid the posts of its day, after the first, and nearer the newest
        a day earlier than on its day (over half a day before it): a day's blog corrected the
        next morning. A change before every post of its day may be the placeholder's last
        edit, and one a few hours behind its newest post a live page's stale modified time.
        A change after every post's clock is what a late correction looks like: a blog that
        ran for days, whose first page begins its last day at the hour the blog began, would
        go back to its first day. So would one whose page links to an older page: it shows
        the blog's newest posts, not its start, however near the hour they begin."""
        changed = self.changed
        if self.paged or self.opened is None or changed is None:
            return 0
        if self.fetched_at - changed < _RESAVED:
            return 0
        moments = [moment for utc in placed if (moment := parse_utc(utc)) is not None]
        if len(moments) < 2 or max(moments) <= changed + _HOUR:
            return 0
        first = min(moments).astimezone(self.zone).replace(tzinfo=None)
        start = self.opened.astimezone(self.zone).replace(tzinfo=None)
        crossed = (first.date() - start.date()).days
        lead = first - timedelta(days=crossed) - start
        if crossed < 1 or not -_START_EARLY <= lead <= _START_LEAD:
            return 0
        if crossed == 1 and not min(moments) < changed < max(moments) - _HALF_DAY:
            return 0
        return crossed

    def _in_order(
        self, clocks: Sequence[tuple[int, int] | None], named: list[date | None]
    ) -> list[str | None]:
        if mostly_rising([c for c in clocks if c is not None]):
            # Placed from its end; the posts below a heading, on from its day.
            first = next((i for i, day in enumerate(named) if day is not None), len(named))
            above = self._placed(clocks[:first][::-1], named[:first][::-1])[::-1]
            return above + self._onward(clocks[first:], named[first:])
        return self._placed(clocks, named)

    def _onward(
        self, clocks: Sequence[tuple[int, int] | None], days: Sequence[date | None]
    ) -> list[str | None]:
        """A stream read oldest first under headings that name its days: each clock on its
        heading's day, a day later whenever it is earlier than the one above (midnight
        passed: next_day); a clock later than the fetch is still to come."""
        placed: list[str | None] = []
        day: date | None = None
        above: tuple[int, int] | None = None
        for clock, named in zip(clocks, days, strict=True):
            if named is not None and named != day:
                day, above = named, None
            if clock is None or day is None:
                placed.append(None)
                continue
            if above is not None and next_day(above, clock):
                day += timedelta(days=1)
            above = clock
            placed.append(format_utc(_local(day, clock[0], clock[1], self.zone)))
        return placed

    def day_stated(self, text: str) -> date | None:
        """The full date a short text states (a tweet's "January 18, 2024"), if it is no later
        than the day after the fetch's."""
        return _date_in(text, self._today, self._month_first)

    def _placed(
        self, clocks: Sequence[tuple[int, int] | None], days: Sequence[date | None]
    ) -> list[str | None]:
        day = self.day or self._today
        above: tuple[int, int] | None = None
        section: date | None = None
        placed: list[str | None] = []
        for clock, named in zip(clocks, days, strict=True):
            if clock is None:
                placed.append(None)
                continue
            if named is not None and named != section:
                day, section, above = named, named, None  # a heading's day: placed from there
            if above is not None and next_day(clock, above):
                day -= timedelta(days=1)
            above = clock
            if section is None:
                moment, day = self._at(day, _Clock(0, 0, clock[0], clock[1], 0, None, True))
            else:  # the day a heading names stands, though a clock on it is still to come
                moment = _local(day, clock[0], clock[1], self.zone)
            placed.append(format_utc(moment))
        return placed

    def _at(self, day: date, clock: _Clock) -> tuple[datetime, date]:
        """The clock on the day, or on the day before when that would be after the fetch."""
        zone = clock.zone or self.zone
        moment = _local(day, clock.hour, clock.minute, zone, clock.second)
        if moment > self._cutoff:
            day -= timedelta(days=1)
            moment = _local(day, clock.hour, clock.minute, zone, clock.second)
        return moment, day

    def _reads(self, language: str) -> bool:
        return not self.languages or language in self.languages

    @property
    def _month_first(self) -> bool:
        """American English pages write the month first: 03/04/2024 is March 4th; so does a
        page whose other dates say so (in_date_order)."""
        if self.month_first is not None:
            return self.month_first
        return self.languages == ("en",) and getattr(self.zone, "key", "").startswith("America/")


def next_day(before: tuple[int, int], after: tuple[int, int]) -> bool:
    """Whether a stream's clock `after` comes on the next day from `before`, which a reader
    saw first when the stream runs oldest first, or after it when newest first: midnight
    passed where it is the earlier clock, but not where it is earlier by less than
    _OUT_OF_ORDER. A post a few minutes out of the stream's order ("13h15" above "13h38": 20
    Minutes shows when a thing happened) is not one a day and all but minutes apart."""
    gap = (before[0] - after[0]) * 60 + before[1] - after[1]
    return gap >= _OUT_OF_ORDER


_OUT_OF_ORDER = 60  # minutes: a clock less than this out of its stream's order is not a day's


def _local(day: date, hour: int, minute: int, zone: tzinfo, second: int = 0) -> datetime:
    """A clock on a day, in a zone."""
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)


# A clock this far after the fetch is still today's (the publisher's clock runs fast).
_SKEW = timedelta(minutes=2)
_HOUR = timedelta(hours=1)
_HALF_DAY = timedelta(hours=12)
_START_LEAD = timedelta(hours=3)  # a blog's first post after the time it began, at most
_START_EARLY = timedelta(minutes=5)  # ... before it, at most (the publisher's clocks disagree)
_RESAVED = timedelta(days=2)  # a page's last change before its fetch, at least, to be a re-save


def page_clock(
    root: Element,
    url: str,
    fetched_at: datetime,
    gathered: Sequence[Element] | None = None,
    paged: bool = False,
) -> PageClock:
    """The page's zone, newest day and languages, from its markup, its URL and the fetch.

    `gathered`: the page's elements of several tags in page order, all its <script> and
    <time> among them (survey_gathering), read instead of a walk of the tree. `paged`: the
    page links to an older page of its blog, or loads them by script.

    Zone: the page's own offsets (JSON-LD, meta, <time datetime>) choose among the zones of
    its domain's country, its language's region and its language, in that order, then among
    common zones; without offsets the first of those, else UTC. Day: the newest machine date
    the page states, else the first date in its title, description or first lines, in that
    zone and never after the fetch; None when the page states none.
    """
    fetched = fetched_at.astimezone(UTC) if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC)
    head = _head(root)
    tags, head_times, head_changes = head.tags, head.times, head.changes
    languages = tuple(dict.fromkeys(_ALIASES.get(t, t) for t in (g.split("-")[0] for g in tags)))
    times, declared, declared_changes, addressed = _body_times(root, gathered)
    values = _extremes(head_times + declared + [value for value, _ in times])
    stamps = [stamp for value in values if (stamp := _stamp(value)) is not None]
    labelled = [
        (stamp, change)
        for value, change in zip(
            head_times + declared, head_changes + declared_changes, strict=True
        )
        if (stamp := _stamp(value)) is not None
    ]
    stated = [stamp for stamp, _ in labelled]
    candidates, from_domain = _zone_candidates(url, tags, head)
    # (Read only where nothing else places the page: a block is parsed whole for it.)
    countries = [] if candidates else [c for t in addressed for c in _publisher_countries(t)]
    publishers = [COUNTRY_ZONES[c] for c in countries if c in COUNTRY_ZONES]
    zone = _infer_zone(candidates, stamps, root, from_domain, publishers)
    today = fetched.astimezone(zone).date()
    (day, latest), began = _newest(stamps, zone, fetched), False
    if day is not None and day < today:
        # An older day: the page's own, or only that of the stories a sidebar lists?
        own = _extremes(head_times + declared + _own_newest(times))
        day, latest = _newest([s for v in own if (s := _stamp(v)) is not None], zone, fetched)
    if day is None:
        month_first = languages == ("en",) and getattr(zone, "key", "").startswith("America/")
        day, began = _dateline(root, today, month_first)
    day = min(day, today) if day else None
    moments = sorted({moment for s in stated if (moment := s.in_zone(zone)) is not None})
    opened, changed = (moments[0], moments[-1]) if len(moments) > 1 else (None, None)
    if day is None or latest is None or latest.date() != day or not _only_own(latest, zone, stated):
        latest = None
    # That one time is the page's last change, not its start, where every label it has says so.
    last_change = latest is not None and all(c for s, c in labelled if s.moment is not None)
    return PageClock(
        fetched,
        zone,
        day,
        languages,
        day if began else None,
        stamp=latest,
        opened=opened,
        changed=changed,
        paged=paged,
        stamp_changed=last_change,
        zone_stated=any(s.moment and s.offset for s in stamps),
    )


def leading_clock(text: str) -> tuple[int, int, int] | None:
    """(hour, minute, end) of the clock that opens the text: "19:02(IST) TOSS: …",
    "12.31 Uhr: …", "9:15 p.m. ET – …" (the hour on 24; `end` after its "Uhr", "pm" or zone);
    None when the text opens with anything else."""
    first = text[:1]
    if first.isascii() and not first.isdigit() and not first.isspace():
        return None  # (a letter or a mark of ASCII opens most headlines: no look for a clock)
    text = western_digits(text)  # (the same length: `end` stands in the text as written)
    clock = next(_clocks(text, lenient=True), None)
    if clock is None or text[: clock.start].strip():
        return None
    return clock.hour, clock.minute, clock.end


def visible_time(text: str, context: str = "") -> str | None:
    """A clock time people read, placed by a zone and a date from its text or its context.

    None unless all three are found: a bare "14:32" could be any day in any zone.
    """
    clock = _first_clock(text, lenient=True)
    if clock is None:
        return None
    zone = clock.zone or _zone(text) or (_zone(context) if context else None)
    if zone is None:
        return None
    found = _find_date(text, need_year=True) or (
        _find_date(context, need_year=True) if context else None
    )
    if found is None or found.year is None:
        return None
    try:
        local = datetime(found.year, found.month, found.day, clock.hour, clock.minute, clock.second)
    except ValueError:
        return None
    return format_utc(local.replace(tzinfo=zone))


# --- Reading text ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Clock:
    start: int
    end: int  # after its "Uhr", "pm" and any zone named right after it
    hour: int
    minute: int
    second: int
    zone: tzinfo | None
    accepted: bool  # a clock by itself; otherwise only beside a date or a day word


@dataclass(slots=True)
class _Date:
    start: int
    end: int
    year: int | None
    month: int
    day: int
    swappable: bool = False  # "03/12/2024": read the other way round where this way cannot be


_Found = tuple[int, str, Reading | None]  # where a reading starts, its kind, the reading


def _read(page: PageClock, text: str) -> Reading | None:
    bare = _BARE_CLOCK.fullmatch(text)
    if bare is not None:
        return _bare_clock(page, bare)
    ago = None  # how long ago in a script whose words run together or read right to left
    if not text.isascii() and _SCRIPT_AGO_MARK.search(text) is not None:
        ago = _script_ago(page, text)
        if ago is not None and _DIGIT.search(text, 0, ago[0]) is None:
            return ago[2]  # (a clock or a date before it is read first, below)
    compact = _COMPACT_AGO.fullmatch(text)
    if compact is not None and "en" in page.languages:
        return _compact_ago(page, compact)
    if "hu" in page.languages:
        hungarian = _hungarian_ago(page, text)
        if hungarian is not None:
            return hungarian
    low = text.lower()
    shaped = _TIME_SHAPE.search(text) is not None or "noon" in low or "midnight" in low
    if not shaped and _HINT.search(low) is None:
        return _weak_now(page, text, low) or (ago[2] if ago else None)  # most texts end here
    markers: list[tuple[int, str]] = []  # relative markers standing as words ("vor", "ago")
    now = False
    for hint in _HINT.finditer(low):
        word, at = hint.group(), hint.start()
        if word in _NOW_MARKERS:
            now = True
        elif _is_word(low, at, at + len(word)):
            markers.append((at, word))
    if not (shaped or markers or now):  # ("share" holds "ha", but not as a word)
        return _weak_now(page, text, low) or (ago[2] if ago else None)
    found = [_relative(page, text, markers) if markers else None, _now(page, text, low, now)]
    if _DIGIT.search(text) is not None:
        found += _numbered(page, text, low)
    readings = [f for f in [*found, ago] if f is not None and f[2] is not None]
    if not readings:
        return None
    first = min(readings, key=lambda f: (f[0], _PRIORITY[f[1]]))
    if first[2] is not None and first[2].kind == "relative" and len(readings) > 1:
        return _clock_beside(page, text, first, readings) or first[2]
    return first[2]


def _clock_beside(
    page: PageClock, text: str, ago: _Found, readings: list[_Found]
) -> Reading | None:
    """The clock a stamp prints after how long ago, where the two are the whole text ("8
    minutes ago / 9:42 PM CDT", "2 days ago · 7:47 PM") and agree: the post's time to the
    minute, on the day how long ago says; so where the clock is before it by a cache's hours
    (instant.drawn_earlier: a page drawn before its fetch). Where else they disagree by more
    than how long ago rounds (its minutes, its hours, its days), the zone the clock was read
    in is a guess gone wrong, or the clock is another thing's: how long ago stands."""
    relative = ago[2]
    assert relative is not None
    moment = parse_utc(relative.utc)
    after = ago[0] + len(relative.text)
    for at, kind, reading in readings:
        if kind not in ("clock", "full") or reading is None or at < after:
            continue
        if text[after:at].strip() not in STAMP_JOINS or text[at + len(reading.text) :].strip():
            continue
        shown = parse_utc(reading.utc)
        if moment is None or shown is None:
            return None
        age = page.fetched_at - moment
        rounds = _DAY if age >= _DAY else _HOUR if age >= _HOUR else _MINUTES_ROUND
        # ("1 day ago" is a day old at the least, and a little: not 20 hours)
        latest = page.fetched_at - age // _DAY * _DAY + 2 * _HOUR if age >= _DAY else None
        try:
            days = [shown + timedelta(days=k) for k in range(-_DAYS_BACK, 2)]
        except OverflowError:  # (a page day at the calendar's ends)
            return None
        fitting = [m for m in days if latest is None or m <= latest]
        nearest = min(fitting, key=lambda m: abs(m - moment), default=None)
        if nearest is None:
            return None
        if abs(nearest - moment) > rounds and not instant.drawn_earlier(
            relative.utc,
            format_utc(nearest),
            format_utc(page.fetched_at),
            names_zone(reading.text),
            page.stated,
        ):
            return None
        return replace(reading, kind="full", utc=format_utc(nearest))
    return None


_DAY = timedelta(days=1)
_MINUTES_ROUND = timedelta(minutes=10)
_DAYS_BACK = 8  # days how long ago may go back ("1 week ago")
# What joins the two halves of a stamp: "8 minutes ago / 9:42 PM CDT".
STAMP_JOINS = frozenset({"/", "|", "·", "•", ",", "–", "—", "-"})


def _hungarian_ago(page: PageClock, text: str) -> Reading | None:
    """How long ago a Hungarian text says, where no clock or date comes before it."""
    match = _HUNGARIAN_AGO.search(text)
    if match is None or _DIGIT.search(text, 0, match.start()) is not None:
        return None
    amount = match.group(1).lower()
    unit = _HUNGARIAN_UNITS[(match.group(2) or match.group(3)).lower()]
    moment = _before(page.fetched_at, _HUNGARIAN_AMOUNTS.get(amount) or int(amount), unit)
    return Reading("relative", format_utc(moment), match.group()) if moment else None


# Hungarian says how long ago in the unit's own ending ("5 perce", "2 órája", "3 napja") or
# with "ezelőtt" after the unit's "-val" form ("5 perccel ezelőtt"), Index's and Telex's
# stamps; not after an ordinal ("90. perce": the match's 90th minute).
_HUNGARIAN_AMOUNTS = {"egy": 1, "pár": 2, "néhány": 2, "két": 2, "három": 3}
_HUNGARIAN_UNITS = {
    "másodperce": "s", "perce": "min", "órája": "h", "napja": "d", "hete": "w",
    "hónapja": "mo", "éve": "y", "másodperccel": "s", "perccel": "min", "órával": "h",
    "nappal": "d", "héttel": "w", "hónappal": "mo", "évvel": "y",
}  # fmt: skip
_HUNGARIAN_AGO = re.compile(
    r"(?<!\w)(\d{1,3}|egy|pár|néhány|két|három)\s+(?:(másodperce|perce|órája|napja|hete"
    r"|hónapja|éve)|(másodperccel|perccel|órával|nappal|héttel|hónappal|évvel)\s+ezelőtt)"
    r"(?![^\W\d_])",
    re.I,
)


def _compact_ago(page: PageClock, match: re.Match[str]) -> Reading | None:
    """ "11m", "1h", "2d" as the whole of a post's stamp: how long ago, as English builds write
    it without "ago"."""
    unit = {"m": "min", "h": "h", "d": "d"}[match.group(2).lower()]
    moment = _before(page.fetched_at, int(match.group(1)), unit)
    if moment is None:
        return None
    return Reading("relative", format_utc(moment), match.group(0).strip())


def _weak_now(page: PageClock, text: str, low: str) -> Reading | None:
    """What _read() finds in a text with no relative word and no number shaped like a clock,
    a date or a match minute: a "now" that is the whole text ("jetzt"), or nothing."""
    found = _now(page, text, low, False)
    return None if found is None else found[2]


def _bare_clock(page: PageClock, match: re.Match[str]) -> Reading | None:
    """A text that is a two-digit clock and nothing else ("19:30"), read as _numbered() reads
    it: no date, day word, zone or minute mark can stand beside it."""
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23:
        return None
    read = f"{match.group(1)}{match.string[match.end(1)]}{match.group(2)}"
    clock = _Clock(match.start(1), match.end(2), hour, minute, 0, None, True)
    if page.day is None:
        return Reading("clock", None, read, (hour, minute))
    return _on_day(page, page.day, clock, read, "clock")


def _numbered(page: PageClock, text: str, low: str) -> list[_Found | None]:
    """The readings that need a number: clocks, dates, match minutes; cheap tests first."""
    english = page._reads("en")
    malay = any(map(page._reads, _DAY_PART_LANGUAGES))
    clocks = list(_clocks(text, english=english, malay=malay))
    found: list[_Found | None] = []
    if english and ("noon" in low or "midnight" in low):
        found.append(_dated_noon_or_midnight(page, text))
    used: set[int] = set()  # clocks read with their date or day word
    if "t" in low and "-" in text and ":" in text:
        iso = _ISO_TIME.search(text)
        if iso is not None:
            found.append((iso.start(), "full", _iso_reading(page, iso)))
    if clocks:
        found.append(_dated(page, text, clocks, used))
        found.append(_day_worded(page, text, low, clocks, used))
        found.append(_weekday_clock(page, text, clocks, used))
    found.append(_minute(text))
    found.append(_game_clock(text))
    clock = next((c for c in clocks if c.accepted and c.start not in used), None)
    if clock is not None:
        read = text[clock.start : clock.end]
        if page.day is None:
            reading = Reading("clock", None, read, (clock.hour, clock.minute))
        else:
            reading = _on_day(page, page.day, clock, read, "clock")
        found.append((clock.start, "clock", reading))
    return found


def _dated(page: PageClock, text: str, clocks: list[_Clock], used: set[int]) -> _Found | None:
    """A clock with a date beside it: "5. Mai 2024, 14:05", "5:32 p.m. ET, October 8, 2023"."""
    for clock in clocks:
        window = max(0, clock.start - _DATE_WINDOW)
        if not _DIGIT.search(text, window, clock.start) and not _DIGIT.search(
            text, clock.end, clock.end + _DATE_WINDOW
        ):
            continue  # every date has a number of its own
        found = _find_date(text[window : clock.end + _DATE_WINDOW], False, page._month_first)
        if found is None:
            continue
        found.start, found.end = found.start + window, found.end + window
        if _beside(text, [clock], found.start, found.end) is not None:
            used.add(clock.start)
            start, end = min(found.start, clock.start), max(found.end, clock.end)
            weekday = _weekday_beside(text, found)
            return start, "full", _full(page, found, clock, text[start:end], weekday)
    return None


def _day_worded(
    page: PageClock, text: str, low: str, clocks: list[_Clock], used: set[int]
) -> _Found | None:
    """A clock beside "gestern", "yesterday", "hier", "wczoraj", "heute", "i går": on that
    day."""
    tokens = [token.strip(_TRIM) for token in low.split()]
    pairs = [f"{a} {b}" for a, b in pairwise(tokens) if a == "i"]
    for word in pairs + tokens:
        back = _DAY_WORD_BACK.get(word)
        if back is None or (word in _AMBIGUOUS and not page._reads(_DAY_WORD_LANGUAGE[word])):
            continue
        at = _word_at(low, word)
        clock = _beside(text, clocks, at, at + len(word)) if at >= 0 else None
        if clock is None:
            continue
        used.add(clock.start)
        start, end = min(at, clock.start), max(at + len(word), clock.end)
        day = page._today - timedelta(days=back)
        return start, "day", _on_day(page, day, clock, text[start:end], "relative")
    return None


def _weekday_clock(
    page: PageClock, text: str, clocks: list[_Clock], used: set[int]
) -> _Found | None:
    """A clock beside the day of the week and no date ("Monday 23:40", "Mo 23:40", "lundi
    23h40"): on the last such day up to the fetch's, within the week before it (or before the
    page's own day, where a page read long after states one), as "gestern" is read."""
    free = [clock for clock in clocks if clock.accepted and clock.start not in used]
    if not free:
        return None
    last = free[-1].start + _NEAR
    for match in _LETTERS.finditer(text):
        at, word = match.start(), match.group().lower()
        if at > last:
            break
        number = _WEEKDAY_NUMBERS.get(word)
        short = _WEEKDAY_SHORT.get(word) if number is None else None
        if short is not None:
            if not page.languages or not page._reads(short[1]):
                continue
            if short[1] != "fr" and not match.group()[0].isupper():
                continue  # "Um 21.30 Uhr, so die Polizei": a word, not Sunday
            number = short[0]
        if number is None:
            continue
        clock = _beside(text, free, at, match.end())
        if clock is None or (short is not None and clock.start < at):
            continue  # a short form only before its clock ("Mo 23:40")
        used.add(clock.start)
        anchor = page._today
        if page.day is not None and (anchor - page.day).days > _WEEK:
            anchor = page.day  # a page saved again long after its blog
        day = anchor - timedelta(days=(anchor.weekday() - number) % 7)
        if _local(day, clock.hour, clock.minute, clock.zone or page.zone) > page.cutoff:
            day -= timedelta(days=7)  # today's name on a clock still to come: last week's
        start, end = min(at, clock.start), max(match.end(), clock.end)
        return start, "day", _on_day(page, day, clock, text[start:end], "relative")
    return None


def _now(page: PageClock, text: str, low: str, marked: bool) -> _Found | None:
    """ "Just now" and its kin: the fetch time. A weak word ("ahora") must be the whole text."""
    if marked:
        match = _NOW.search(text)
        if match is not None:
            now = Reading("relative", format_utc(page.fetched_at), match.group(0))
            return match.start(), "relative", now
    if len(text) <= 16:
        whole = text.strip(_TRIM)
        language = _WEAK_NOW.get(whole.lower())
        if language is not None and page._reads(language):
            now = Reading("relative", format_utc(page.fetched_at), whole)
            return text.find(whole), "relative", now
    return None


def _clocks(
    text: str, lenient: bool = False, english: bool = True, malay: bool = False
) -> Iterator[_Clock]:
    """Every clock-like number in the text, each marked whether it is a clock by itself.

    "am" is English only where the page may be English ("19.30 am Montag" is German); "a.m."
    with its dots is a meridiem in any language (Peru's and Colombia's "11:35 a.m."); the part
    of the day after a clock ("4.05 petang") only where it may be Malay or Indonesian.
    """
    for match in _CLOCK.finditer(text):
        h, sep, m, s, hm, mer, word = match.group("h", "sep", "m", "s", "hm", "mer", "word")
        hm = hm or match.group("cm")
        hour = int(h)
        start, end = match.start(), match.end()
        part = match.group("part")
        if part is not None:
            hours = None if mer or word or not malay or not (m or hm) else _part_hour(hour, part)
            if hours is None:  # (no part of the day of this clock: the clock alone)
                end, part = match.start("part"), None
            else:
                hour = hours
        if mer:
            am = mer.strip()[0] in "aA"
            if hour == 0 or hour > 12 or (am and not english and "." not in mer):
                if m is None and hm is None:
                    continue  # "7 am Montag": not a clock at all
                end, mer = match.start("mer"), None
            else:
                hour = hour % 12 + (0 if am else 12)
        elif hour <= 12 and not text.isascii():
            half = _CJK_MERIDIEM.search(text, max(0, start - 3), start)
            if half is not None:  # ("오후 8:55", "午後8時55分": the mark before the clock)
                late = half.group(1) in _CJK_AFTERNOON and not (
                    hour == 12 and half.group(1) in _CJK_EVENING
                )
                hour = hour % 12 + (12 if late else 0)
                start, mer = half.start(), half.group()
        if hour > 23:  # ("33:10 pm" too: its "pm" is no meridiem of a clock)
            continue
        if not (mer or word) and _DURATION.match(text, end):
            continue  # "11:09 Min": how long a video runs
        zone = None
        if end < len(text):
            named = _ZONE_AFTER.match(text, end)
            zone = _zone_of(named) if named else None
            if named is not None and zone is not None:
                end = named.end()
            elif (
                s is not None
                and _ISO_DATE_BEFORE.search(text, max(0, match.start() - 11), match.start())
                and (offset := _OFFSET_AFTER.match(text, end)) is not None
            ):
                zone, end = _fixed_zone(*offset.group(1, 2, 3)), offset.end()
        # (Flemish "14u05" says clock as the whole text or after "om"; in prose, "de rit na
        # 4u12", "2u30 lang", it is how long something took.)
        flemish = hm is not None and text[match.start("hm") - 1] == "u"
        accepted = (
            lenient
            or bool(mer or word or part or (hm and not flemish) or zone)
            or (flemish and not text[:start].strip(_TRIM) and not text[end:].strip(_TRIM))
            or _alone(
                match, text, h, sep, match.start("part") if match.group("part") else match.end()
            )
        )
        minute = int(m or hm or 0)
        yield _Clock(start, end, hour, minute, int(s or 0), zone, accepted)


def _part_hour(hour: int, part: str) -> int | None:
    """The hour on 24 of a clock on 12 hours in the part of the day named after it ("4.05
    petang" 16); a clock on 24 hours in its part ("20.15 malam") as it is; None for an hour the
    part holds not ("14.05 pagi")."""
    hours = _DAY_PARTS[" ".join(part.lower().split())]
    if hour > 12:
        return hour if hour in hours else None
    for candidate in (hour % 12, hour % 12 + 12):
        if candidate in hours:
            return candidate
    return None


def _dated_noon_or_midnight(page: PageClock, text: str) -> _Found | None:
    """ "noon" and "midnight" as the clocks 12:00 and 0:00 right after a date ("March 14,
    2024, noon", as Django prints them): in prose ("Polls close at midnight on March 14")
    they are rarely the post's time, and a midnight before a date is that day's end."""
    for match in _NOON_OR_MIDNIGHT.finditer(text):
        start = match.start()
        window = max(0, start - _DATE_WINDOW)
        found = _find_date(text[window:start], False, page._month_first)
        while found is not None and text[window + found.end : start].strip(" ,") not in ("", "at"):
            window += found.end  # (the date just before the word, not an earlier one)
            found = _find_date(text[window:start], False, page._month_first)
        if found is None:
            continue
        hour = 12 if match.group().lower() == "noon" else 0
        clock = _Clock(start, match.end(), hour, 0, 0, None, False)
        begin = window + found.start
        weekday = _weekday_beside(text[window:start], found)
        reading = _full(page, found, clock, text[begin : match.end()], weekday)
        if reading is not None:  # (not "Feb. 29, 2023, noon": no such day)
            return begin, "full", reading
    return None


def _alone(match: re.Match[str], text: str, hour: str, sep: str | None, end: int) -> bool:
    """Whether a clock-like number with nothing after it that says "clock" is a clock.

    "19:30" is, unless a score word comes before ("Stand 21:19"). One-digit "9:05", dotted
    "19.30" and bare "14h" look like versions, prices and durations ("3.14", "10.50", "8h"):
    they are clocks when a word before says so ("um", "à", "at"), or when a two-digit hour is
    the whole text, up to `end`. (am/pm, "Uhr", "h05" and a zone after it always say so.)
    """
    start = match.start()
    lead = _lead_word(text, start)
    if sep == ":" and len(hour) == 2:
        return lead not in _SCORE_LEADS
    if lead in CLOCK_LEADS:
        return True
    if len(hour) == 1:  # "3.14", "2:10", "8h" alone: a number more often than not
        return False
    return not text[:start].strip(_TRIM) and not text[end:].strip(_TRIM)


def _lead_word(text: str, start: int) -> str:
    """The word just before a position, lower-cased, without its punctuation."""
    words = text[max(0, start - 24) : start].split()
    return words[-1].strip(_TRIM).lower() if words else ""


def _first_clock(text: str, lenient: bool = False) -> _Clock | None:
    return next((c for c in _clocks(text, lenient) if c.accepted), None)


def _beside(text: str, clocks: list[_Clock], start: int, end: int) -> _Clock | None:
    """The clock right after or right before a span, with only a few words between."""
    for clock in clocks:
        if clock.start >= end:
            gap = text[end : clock.start]
        elif clock.end <= start:
            gap = text[clock.end : start]
        else:
            continue
        if len(gap) <= _NEAR and _DIGIT.search(gap) is None:
            return clock
    return None


def _find_date(text: str, need_year: bool, month_first: bool = False) -> _Date | None:
    """The first date in the text: "5. Mai 2024", "October 8, 2023", "28.09.2020", "2024-05-05";
    without `need_year`, also "5 May" and "28.09." (which count only beside a clock).

    "03/04/2024" is the 3rd of April unless `month_first` (or the numbers) say otherwise.
    """
    found: list[_Date] = []
    for pattern in (_DATE_DMY, _DATE_MDY):
        for named in pattern.finditer(text):
            word = named.group("mon").lower()
            if pattern is _DATE_MDY and not word.isascii() and ord(max(word)) > _LATIN_LAST:
                continue  # (months in other scripts come after the day: "مارس 20 عاما" is no date)
            month = MONTHS.get(word)
            if month is not None and (named.group("y") or not need_year):
                year = int(named.group("y")) if named.group("y") else None
                found.append(_Date(named.start(), named.end(), year, month, int(named.group("d"))))
                break
    if not text.isascii() and (cjk := _DATE_CJK.search(text)) is not None:
        year = int(cjk.group("y")) if cjk.group("y") else None
        if year is not None or not need_year:
            month, day = int(cjk.group("m")), int(cjk.group("d"))
            found.append(_Date(cjk.start(), cjk.end(), year, month, day))
    ymd = _DATE_YMD.search(text)
    if ymd is not None:
        year, month, day = (int(ymd.group(g) or ymd.group("s" + g)) for g in ("y", "m", "d"))
        found.append(_Date(ymd.start(), ymd.end(), year, month, day))
    numeric = _DATE_NUMERIC.search(text)
    if numeric is not None:
        year, day, month = (int(numeric.group(g)) for g in ("y", "a", "b"))
        if month > 12 or (month_first and numeric.group("sep") == "/" and day <= 12):
            day, month = month, day
        year += 2000 if year < 100 else 0
        swappable = numeric.group("sep") == "/" and day <= 12 and month <= 12 and day != month
        found.append(_Date(numeric.start(), numeric.end(), year, month, day, swappable))
    short = None if need_year else _DATE_DAY_MONTH.search(text)
    if short is not None:
        day, month = int(short.group("a")), int(short.group("b") or short.group("c"))
        if month > 12 or (month_first and short.group("sep") == "/" and day <= 12):
            day, month = month, day
        found.append(_Date(short.start(), short.end(), None, month, day))
    valid = [d for d in found if 1 <= d.month <= 12 and 1 <= d.day <= 31]
    return min(valid, key=lambda d: (d.start, -d.end)) if valid else None


def _full(
    page: PageClock, found: _Date, clock: _Clock, text: str, weekday: int | None = None
) -> Reading | None:
    """The instant of a date and a clock beside it, the date's year, where it has none, by
    `weekday` (the day of the week named beside the date; Monday 0) and _year_of."""
    year = found.year
    if year is None:
        year = _year_of(page, found.month, found.day, weekday)
    if year is None or not _valid(year, found.month, found.day):
        return None
    local = datetime(year, found.month, found.day, clock.hour, clock.minute, clock.second)
    zone = clock.zone or page.zone
    if found.swappable and local.replace(tzinfo=zone) > page.cutoff + _SWAP_AHEAD:
        # "03/12/2024" fetched in March: not the 3rd of December, which has not come yet, but
        # March the 12th (Drupal's "Tue, 03/12/2024 - 14:52", its default whatever the site's
        # language), in the month up to the page's day or the fetch's (a list of games to come,
        # read the other way round, is no stream of the past).
        other = local.replace(month=found.day, day=found.month)
        anchor = page.day or page._today
        if other.replace(tzinfo=zone) <= page.cutoff and other.date() >= anchor - _SWAP_WITHIN:
            local = other
    return Reading("full", format_utc(local.replace(tzinfo=zone)), text, (clock.hour, clock.minute))


# A date read the other way round: only one a day and more after the fetch (not a zone's hours
# ahead), into the month up to the page's day or the fetch's.
_SWAP_AHEAD = timedelta(days=1)
_SWAP_WITHIN = timedelta(days=31)


def _year_of(page: PageClock, month: int, day: int, weekday: int | None = None) -> int | None:
    """The year of a date written without one ("le 26 février à 23h01"): the one that puts it
    nearest the page's own day (the fetch's when the page states none), never after the fetch
    (a day ahead for a fast clock). A page read years after it was served keeps its year.

    A day of the week named beside it ("Tuesday, 21 May") that is the day of the date nearest
    the page's, even after the fetch, picks that year: a programme of concerts to come, dated
    back a year, would pass for a stream of the past. A weekday that names the day of a date a
    year away only is a typo (yesterday's heading copied), no sign of that year."""
    anchor = page.day or page._today
    latest = page._today + timedelta(days=1)
    days = [
        date(year, month, day)
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if _valid(year, month, day)
    ]
    if not days:
        return None
    nearest = min(days, key=lambda found: abs(found - anchor))
    if nearest.weekday() == weekday:
        return nearest.year
    past = [found for found in days if found <= latest]
    return min(past, key=lambda found: abs(found - anchor)).year if past else None


def _weekday_beside(text: str, found: _Date) -> int | None:
    """The day of the week a date's text names right before or after it ("Tuesday, 21 May",
    "21 May, Tuesday"), Monday 0."""
    before = [w for w in _WORDS_APART.split(text[: found.start]) if w]
    after = [w for w in _WORDS_APART.split(text[found.end :]) if w]
    for word in before[-1:] + after[:1]:
        number = _WEEKDAY_NUMBERS.get(word.lower())
        if number is not None:
            return number
    return None


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _on_day(page: PageClock, day: date, clock: _Clock, text: str, kind: str) -> Reading:
    moment, _ = page._at(day, clock)
    return Reading(kind, format_utc(moment), text, (clock.hour, clock.minute))


def _iso_reading(page: PageClock, match: re.Match[str]) -> Reading | None:
    value = match.group("v")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=page.zone)
    return Reading("full", format_utc(moment), value, (moment.hour, moment.minute))


def _a_word_after(text: str, match: re.Match[str], rel: _Relative) -> bool:
    """Whether a word other than those `rel` allows (`alone`) comes next after the phrase."""
    rest = text[match.end() :].lstrip()
    if not rest[:1].isalpha():
        return False
    return not any(
        word and rest.lower().startswith(word) and not rest[len(word) : len(word) + 1].isalpha()
        for word in (rel.alone or "").split("|")
    )


def _relative(page: PageClock, text: str, markers: list[tuple[int, str]]) -> _Found | None:
    """The first relative phrase: "2 hours ago", "vor einer Stunde", "5 minut temu"."""
    best: tuple[re.Match[str], _Relative] | None = None
    for at, marker in markers:
        for form in _RELATIVE_FORMS[marker]:
            language, rel = form.language, form.rel
            if (marker in _AMBIGUOUS or language in _OWN_PAGES_ONLY) and not page._reads(language):
                continue
            if (
                marker in _NAMED_PAGES_ONLY
                and language in _OWN_PAGES_ONLY
                and language not in page.languages
            ):
                continue  # (Italian "Hai 5 minuti per…" on a page that names no language)
            # A phrase starts with its marker ("vor") or ends with it ("ago"): look only there.
            pattern = form.pattern
            if rel.before:
                match = pattern.match(text, at)
            else:
                match = pattern.search(text, max(0, at - 40), at + len(marker))
            if match is not None and rel.alone is not None and _a_word_after(text, match, rel):
                continue  # ("2 giờ trước khi…": two hours before; "3 jam lalu pulang": then)
            if match is not None and rel.counted and match.group("v") and not match.group("a"):
                continue  # ("minggu lalu": last week)
            if match is not None and (best is None or match.start() < best[0].start()):
                best = (match, rel)
    if best is None:
        return None
    match, rel = best
    unit: str | None = "min"
    amount: float
    if match.group("g"):
        amount = 90
    elif match.group("h"):
        amount = 30
    elif match.group("q") or match.group("r"):
        amount = 45 if match.group("r") else 15
    elif match.group("n"):
        figures = match.group("n").replace(",", ".")
        amount = float(figures) if "." in figures else int(figures)
        unit = _unit(rel, match.group("u").lower())
    else:
        said = " ".join((match.group("a") or "").lower().replace("\u0307", "").split())
        amount = rel.amounts.get(said, 1)
        unit = _unit(rel, match.group("v").lower())
    if unit is None:
        return None
    moment = _before(page.fetched_at, amount, unit)
    if moment is not None and match.group("n2"):
        second = _unit(rel, match.group("u2").lower())
        if second is not None and _UNITS.index(second) < _UNITS.index(unit):
            moment = _before(moment, int(match.group("n2")), second)
        elif second is not None and rel.after:
            # No smaller unit: the length nearest the word that ends the phrase is its own
            # ("Audio, 3 min, 5 minutes ago": a clip's length, then how long ago).
            moment = _before(page.fetched_at, int(match.group("n2")), second)
    if moment is None:
        return None
    return match.start(), "relative", Reading("relative", format_utc(moment), match.group(0))


def _unit(rel: _Relative, word: str) -> str | None:
    """The unit of _UNITS a language's unit word stands for. A capital dotted İ lowers to
    "i" and a combining dot ("5 DAKİKA ÖNCE"): the dot is no letter of the word."""
    word = word.replace("\u0307", "")
    return next(
        (u for u, words in zip(_UNITS, rel.units, strict=True) if word in words.split()), None
    )


def _is_word(low: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a word: no letter right before or after it."""
    return (start == 0 or not low[start - 1].isalpha()) and (
        end == len(low) or not low[end].isalpha()
    )


def _word_at(low: str, word: str) -> int:
    """Where a word first stands as a whole word in lower-cased text; -1 when it does not."""
    at = low.find(word)
    while at >= 0 and not _is_word(low, at, at + len(word)):
        at = low.find(word, at + 1)
    return at


# How long ago in the scripts whose words run together or read right to left, as the BBC
# World Service's pages (bbc/simorgh, moment's locales) and other publishers print it:
# Chinese and Japanese "5分钟前", "2時間前", Korean "5분 전", Arabic "منذ 5 دقائق" (and its
# duals, "منذ ساعتين"), Persian and Urdu "۵ دقیقه پیش", Hindi "5 मिनट पहले", Bengali "৫ মিনিট
# আগে", Tamil "5 நிமிடங்களுக்கு முன்பு" (its unit in the dative), Thai "5 นาทีที่แล้ว" (moment's,
# Thairath's; the mark runs on from the unit).
_SCRIPT_AGO_MARK = re.compile(r"前|전|منذ|قبل|پیش|पहले|پہلے|לפני|আগে|முன்|ที่แล้ว")
_SCRIPT_UNITS = {
    "秒": "s", "秒钟": "s", "秒鐘": "s", "분": "min", "分": "min", "分钟": "min", "分鐘": "min",
    "時間": "h", "小时": "h", "小時": "h", "个小时": "h", "個小時": "h", "시간": "h", "天": "d",
    "日": "d", "일": "d", "周": "w", "週": "w", "週間": "w", "星期": "w", "주": "w", "个月": "mo",
    "個月": "mo", "か月": "mo", "ヶ月": "mo", "カ月": "mo", "개월": "mo", "달": "mo", "年": "y",
    "년": "y", "초": "s",
    "ثانية": "s", "ثوان": "s", "ثوانٍ": "s", "دقيقة": "min", "دقائق": "min", "ساعة": "h",
    "ساعات": "h", "يوم": "d", "أيام": "d", "ايام": "d", "أسبوع": "w", "أسابيع": "w", "شهر": "mo",
    "أشهر": "mo", "سنة": "y", "سنوات": "y",
    "ثانیه": "s", "دقیقه": "min", "ساعت": "h", "روز": "d", "هفته": "w", "ماه": "mo", "سال": "y",
    "منٹ": "min", "گھنٹے": "h", "گھنٹہ": "h", "دن": "d",
    "सेकंड": "s", "मिनट": "min", "घंटे": "h", "घंटा": "h", "दिन": "d", "सप्ताह": "w",
    "हफ्ते": "w", "महीने": "mo", "महीना": "mo", "साल": "y", "वर्ष": "y",
    "সেকেন্ড": "s", "মিনিট": "min", "ঘণ্টা": "h", "ঘন্টা": "h", "দিন": "d", "সপ্তাহ": "w",
    "মাস": "mo", "বছর": "y",
    "வினாடிகளுக்கு": "s", "நிமிடங்களுக்கு": "min", "நிமிடத்துக்கு": "min",
    "நிமிடத்திற்கு": "min", "மணி நேரத்துக்கு": "h", "மணி நேரத்திற்கு": "h",
    "மணிநேரத்துக்கு": "h", "மணிநேரத்திற்கு": "h", "நாட்களுக்கு": "d", "நாளுக்கு": "d",
    "วินาที": "s", "นาที": "min", "ชั่วโมง": "h", "ชม.": "h", "วัน": "d", "สัปดาห์": "w",
    "เดือน": "mo", "ปี": "y",
}  # fmt: skip
_SCRIPT_UNIT_WORDS = "|".join(sorted(map(re.escape, _SCRIPT_UNITS), key=len, reverse=True))
_SCRIPT_AGO = (
    # A number, its unit, then the mark, which ends the word ("前" may run on into "发布",
    # "更新", "に"): "5分钟前", "2 時間前", "5분 전", "۵ دقیقه پیش", "یک ساعت پیش" (one hour);
    # not "12月5日前" (before the 5th of December), "3天前往" (to set off in 3 days), "3일
    # 전남" (the 3rd, South Jeolla), "۴۰ سال پیشینه".
    re.compile(
        rf"(?<![\d月年])(\d{{1,3}}|یک)\s*({_SCRIPT_UNIT_WORDS})\s*"
        r"(?:前(?![往进進夕后後面者景线線途列排提方台])|(?:전|پیش|पहले|پہلے|আগে|முன்பு|முன்)(?!\w)"
        r"|ที่แล้ว)"
    ),
    # Arabic puts the mark first: "منذ 5 دقائق", the BBC's "قبل 6 دقيقة".
    re.compile(rf"(?:منذ|قبل)\s+(\d{{1,3}})\s*({_SCRIPT_UNIT_WORDS})(?!\w)"),
)
# Arabic's duals and ones, with no number: "منذ ساعتين" (two hours), "منذ ساعة" (an hour),
# "قبل ساعة واحدة" (one hour).
_ARABIC_WORD_AGO = re.compile(
    r"(?:منذ|قبل)\s+(دقيقتين|ساعتين|يومين|أسبوعين|شهرين|سنتين|دقيقة|ساعة|يوم|أسبوع|شهر|سنة)"
    r"(?:\s+واحدة?)?(?!\w)"
)
# Hebrew's duals: "לפני שעתיים" (two hours ago), "לפני יומיים".
_HEBREW_DUAL_AGO = re.compile(r"(?<!\w)לפני\s+(שעתיים|יומיים|שבועיים|חודשיים|שנתיים)(?!\w)")
_HEBREW_DUALS = {
    "שעתיים": (2, "h"), "יומיים": (2, "d"), "שבועיים": (2, "w"), "חודשיים": (2, "mo"),
    "שנתיים": (2, "y"),
}  # fmt: skip
_ARABIC_DUALS = {
    "دقيقتين": (2, "min"), "ساعتين": (2, "h"), "يومين": (2, "d"), "أسبوعين": (2, "w"),
    "شهرين": (2, "mo"), "سنتين": (2, "y"), "دقيقة": (1, "min"), "ساعة": (1, "h"),
    "يوم": (1, "d"), "أسبوع": (1, "w"), "شهر": (1, "mo"), "سنة": (1, "y"),
}  # fmt: skip


def _script_ago(page: PageClock, text: str) -> _Found | None:
    """How long ago a text in one of those scripts says, the first phrase of it, where it
    stands as a stamp: Arabic "منذ" and "قبل" ("since", "before") with nothing after it ("منذ
    يوم الجمعة" is "since Friday"), Hindi "पहले" and Urdu "پہلے" with nothing before it ("मैच से
    2 घंटे पहले", two hours before the match), Korean "전" after a word at most."""
    found: list[tuple[int, int, str, str]] = []  # start, amount, unit, the phrase
    for pattern in _SCRIPT_AGO:
        match = pattern.search(text)
        if match is not None and _stands_as_ago(match, text):
            number = match.group(1)  # (Arabic-Indic and Persian digits too)
            amount = 1 if number == "یک" else int(number)
            found.append((match.start(), amount, _SCRIPT_UNITS[match.group(2)], match.group()))
    word = _ARABIC_WORD_AGO.search(text)
    if word is not None and _stands_as_ago(word, text):
        amount, unit = _ARABIC_DUALS[word.group(1)]
        found.append((word.start(), amount, unit, word.group()))
    dual = _HEBREW_DUAL_AGO.search(text)
    if dual is not None:
        amount, unit = _HEBREW_DUALS[dual.group(1)]
        found.append((dual.start(), amount, unit, dual.group()))
    if not found:
        return None
    start, amount, unit, phrase = min(found)
    moment = _before(page.fetched_at, amount, unit)
    if moment is None:
        return None
    return start, "relative", Reading("relative", format_utc(moment), phrase)


def _stands_as_ago(match: re.Match[str], text: str) -> bool:
    """Arabic "قبل" and "منذ" are "before" and "since" too ("قبل يوم من الانتخابات", "منذ
    يوم الجمعة", "يعيش هنا منذ 3 سنوات"): they say how long ago only after nothing but a
    stamp's label ("آخر تحديث منذ 5 دقائق") and before nothing but a source after a dash
    ("منذ 5 دقائق - الجزيرة"); Hindi and Urdu "पहले" ("before") not after "से" ("मैच से 2
    घंटे पहले", two hours before the match), Bengali "আগে" and Tamil "முன்பு" not after a word
    that says "of" or "to" ("খেলা শুরুর ২ ঘণ্টা আগে", two hours before the start of the match),
    none of them after more than two words; Korean "전" after a
    word at most ("경기 시작 30분 전", 30 minutes before kick-off)."""
    phrase, before = match.group(), text[: match.start()].split()
    if phrase.startswith(("قبل", "منذ")):
        after = text[match.end() :].strip(_TRIM)
        source = _SOURCE_AFTER.fullmatch(text[match.end() :])
        return all(word in _STAMP_LABELS for word in before) and (not after or bool(source))
    if phrase.endswith(("पहले", "پہلے", "আগে", "முன்பு", "முன்")):
        return len(before) <= 2 and not (
            before and (before[-1] in ("से", "سے") or before[-1].endswith(("র", "கு")))
        )
    if phrase.endswith("전"):
        return len(before) <= 1
    return True


# Words of a stamp's label before Arabic "منذ": "آخر تحديث", "نشر", "تم النشر".
_STAMP_LABELS = frozenset(
    {"آخر", "تحديث", "التحديث", "نشر", "النشر", "تم", "محدث", "منشور", "أضيف", "نُشر"}
)
_SOURCE_AFTER = re.compile(r"\s*[-–—|·]\s*\S+(?:\s+\S+){0,2}\s*")


def _before(moment: datetime, amount: float, unit: str) -> datetime | None:
    """The moment `amount` units before; months and years by the calendar, to the month."""
    try:
        if unit in ("mo", "y"):
            months = (
                moment.year * 12 + moment.month - 1 - round(amount * (12 if unit == "y" else 1))
            )
            year, month = divmod(months, 12)
            day = min(moment.day, calendar.monthrange(year, month + 1)[1])
            return moment.replace(year=year, month=month + 1, day=day)
        seconds = {"s": 1, "min": 60, "h": 3600, "d": 86400, "w": 604800}[unit]
        return moment - timedelta(seconds=amount * seconds)
    except (OverflowError, ValueError):
        return None


def _minute(text: str) -> _Found | None:
    """The first match minute: "95'", "45+2'", "90'+3", "12. Min.", "90.+3", "Min. 45"."""
    patterns = (_MINUTE_AFTER, _MINUTE_MARK, _MINUTE_WORD, _MINUTE_LEAD, _MINUTE_MINS)  # earliest
    found = [m for m in (p.search(text) for p in patterns) if m is not None]  # wins, then in order
    for match in sorted(found, key=lambda m: m.start()):
        if match.re is _MINUTE_MINS and not _opens_play(text[: match.start()]):
            continue  # "Bake 20 mins – until golden", "Kick-off in 30 mins: …"
        reading = minute_reading(match.group(0), int(match.group("m")), match.group("x"))
        if reading is not None:
            return match.start(), "minute", reading
    return None


def _opens_play(before: str) -> bool:
    """Whether what stands before a minute written with its word leaves it opening the line:
    nothing, or the play's label ("GOAL! 63 mins: …", "RED CARD – 70 mins: …"); not another
    label ("WATCH 2 mins:", "UPDATE 3 mins:" are a video's length and a time ago)."""
    return _PLAY_LABEL.fullmatch(before) is not None


# A play's label before its minute, as commentaries print it, in the languages read here.
_PLAY_LABEL = re.compile(
    r"[\W_]*(?:(?:GO+AL|GO+L|TOR|BUT|PENALTY|PENALTI|ELFMETER|RED CARD|YELLOW CARD|"
    r"CARD|SUB|SUBSTITUTION|TRY|POINT|WIDE|SAVE|CHANCE|OFFSIDE|VAR|WICKET|SIX|FOUR|HALF-TIME|"
    r"FULL-TIME|KICK-OFF|HT|FT)\b[\W_]*)?"
)


def _game_clock(text: str) -> _Found | None:
    """An American game's clock beside its period's mark: the time left in a quarter or a
    period ("Q3 08:41", "3rd Qtr 8:41", "2nd 12:05", "OT 2:31", a hockey game's "P2 14:22",
    "8:41 Q3"), a match mark like a minute, never a clock of the day."""
    match = _GAME_CLOCK.search(text)
    if match is None:
        return None
    period = match.group("o") or match.group("p") or match.group("p2")
    minutes, seconds = match.group("m", "s") if match.group("m") else match.group("m2", "s2")
    reading = game_clock_reading(match.group(0).strip(), period, int(minutes), int(seconds))
    return None if reading is None else (match.start(), "minute", reading)


def game_clock_reading(text: str, period: str, minutes: int, seconds: int) -> Reading | None:
    """A game's clock read ("Q3 08:41"), its mark "Q3 08:41" (a period's number and the time
    left in it: the later in a game, the lower), or None for more time than a period runs."""
    if minutes * 60 + seconds > _LONGEST_PERIOD:
        return None
    number = re.search(r"\d", period)
    if period[:2].upper() == "OT":
        order = _OVERTIME + (int(number.group()) if number and period[2:3].isdigit() else 1)
    else:
        order = int(number.group()) if number else 0
    return Reading("minute", None, text, minute=f"{GAME_MARK}{order} {minutes:02d}:{seconds:02d}")


# A period's mark beside a game's clock: "Q3", "3Q", "OT", "OT2", "P2", "3rd Qtr", "2nd Half",
# "1st Period"; an ordinal alone ("2nd 12:05") only where it opens the text, a mark after the
# clock ("8:41 Q3") only where it ends it ("08:41 Q3 results" is a business blog's clock).
_PERIOD = (
    r"(?:(?-i:Q[1-4]|[1-4]Q|OT[1-9]?|P[1-3])"
    r"|[1-4](?:st|nd|rd|th)\s+(?:qtr|quarter|q|period|per|half)\b)"
)
_GAME_CLOCK = re.compile(
    rf"(?:^\s*(?P<o>[1-4](?:st|nd|rd|th))|(?<![\w.:/])(?P<p>{_PERIOD}))\.?\s*[-–—,|·•]?\s*"
    r"(?P<m>[0-5]?\d):(?P<s>[0-5]\d)(?!\d|:\d|\s?[ap]\.?m\b)"
    rf"|(?<![\w.:/])(?P<m2>[0-5]?\d):(?P<s2>[0-5]\d)\s*[-–—,|·•]?\s*(?P<p2>{_PERIOD})\.?\s*$",
    re.I,
)
_LONGEST_PERIOD = 20 * 60  # seconds a period runs: a hockey or a college game's, 20 minutes
_OVERTIME = 4  # the periods before overtime: a quarter's game
GAME_MARK = "G"  # what opens a game clock's mark, "G3 08:41", where a minute's is a number


def minute_reading(text: str, minute: int, extra: str | None) -> Reading | None:
    """A match minute read ("45+2'"), or None for a number no match runs to."""
    if minute > _LAST_MINUTE or (extra is not None and int(extra) > _MOST_ADDED):
        return None
    label = f"{minute}+{int(extra)}'" if extra else f"{minute}'"
    return Reading("minute", None, text, minute=label)


def ball_reading(text: str, over: int, ball: int) -> Reading | None:
    """A cricket commentary's ball ("19.4": the fourth ball of the twentieth over), a match
    mark like a minute, or None for a number no innings runs to."""
    if over > _LAST_OVER or not 1 <= ball <= _BALLS_SHOWN:
        return None
    return Reading("minute", None, text, minute=f"{over}.{ball}")


_LAST_OVER = 200  # overs an innings may run (a Test's)
_BALLS_SHOWN = 9  # balls an over's count may show, extras bowled again included
_LAST_MINUTE = 130  # minutes a match may run, extra time and all
_MOST_ADDED = 30  # minutes of added time


def _zone_of(match: re.Match[str]) -> tzinfo | None:
    name, sign, hours, minutes = match.group(1, 2, 3, 4)
    if sign:
        return _fixed_zone(sign, hours, minutes)
    if (shared := _shared_name(name)) is not None:
        return _IRISH_STANDARD if shared == _DUBLIN else _named_zone(shared)
    value = ZONES[name]
    return _named_zone(value) if isinstance(value, str) else timezone(timedelta(minutes=value))


def _shared_name(name: str) -> str | None:
    """The zone (its IANA name) of the page being read, where the abbreviation is that
    country's as well as another's ("IST" on an Irish page); None elsewhere."""
    if name not in _SHARED_NAMES:
        return None  # (the common case: no look at the page's zone)
    key = getattr(instant.reading_zone(), "key", None)
    return key if key in _SHARED_NAMES[name] else None


class _IrishStandardTime(tzinfo):
    """ "IST" on an Irish page: Irish Standard Time (UTC+1) while Ireland keeps it, from the
    last Sunday of March to the last of October; in winter, when Ireland keeps GMT and no
    Irish clock says IST, India's."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None  # (a clock without a day: no season)
        at = dt.replace(tzinfo=_named_zone(_DUBLIN)).utcoffset()
        return at if at == _IRISH_SUMMER else timedelta(minutes=int(ZONES["IST"]))

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "IST"


_DUBLIN = "Europe/Dublin"
_IRISH_SUMMER = timedelta(hours=1)
_IRISH_STANDARD = _IrishStandardTime()


_ZONE_ANYWHERE = re.compile(
    r"(?<![A-Za-z])(" + _ZONE_NAMES + r")(?![A-Za-z])(?:\s?([+-])(\d{1,2})(?::?(\d{2}))?\b)?"
    r"|(?<![\w+-])([+-])(\d{2}):?(\d{2})\b"
)


def names_zone(text: str) -> bool:
    """Whether a text names a zone or an offset ("15:42 GMT", "9:15 p.m. ET", "UTC+2")."""
    return _zone(text) is not None


def _zone(text: str) -> tzinfo | None:
    """A zone named anywhere in the text ("ET", "UTC+2") or an offset ("+05:30")."""
    match = _ZONE_ANYWHERE.search(text)
    if match is None:
        return None
    if match.group(1):
        return _zone_of(match)
    return _fixed_zone(*match.group(5, 6, 7))


def _fixed_zone(sign: str, hours: str, minutes: str | None) -> tzinfo | None:
    """The zone of an offset ("+05:30", "-4"); None for one no zone has (24 hours or more)."""
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    try:
        return timezone(-offset if sign == "-" else offset)
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _named_zone(name: str) -> tzinfo | None:
    if len(name) > _ZONE_NAME_MOST:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # ("America" is a folder of zones)
        return None


_ZONE_NAME_MOST = 64  # characters of a zone's name at most ("America/Argentina/ComodRivadavia")


def zone_named(name: str) -> tzinfo | None:
    """The zone a setting names: an IANA name ("America/New_York", "CET", "Japan"), else an
    offset ("+05:30", "UTC-4") or a zone's letters ("BST"); None for none."""
    name = name.strip()
    return (_named_zone(name) if name else None) or _zone(name)


# --- What the page tells --------------------------------------------------------------------


def _only_own(latest: datetime, zone: tzinfo, own: list[_Stamp]) -> bool:
    """Whether the newest machine time is the one the page states of itself, and it states no
    other (its `article:published_time` alone, or the same time as modified): not a sidebar's,
    nor a last change after a first publication, which no blog began at."""
    moments = [moment for stamp in own if (moment := stamp.in_zone(zone)) is not None]
    return bool(moments) and all(moment == latest for moment in moments)


@dataclass(slots=True)
class _Stamp:
    """A machine time the page states: an instant with its written offset, or a date."""

    moment: datetime | None  # aware; naive ones wait for the zone
    offset: timedelta | None  # as written; None for "Z", "+00:00" and naive times
    day: date | None  # for a date without a time

    def in_zone(self, zone: tzinfo) -> datetime | None:
        """The instant, a naive one read in the zone."""
        if self.moment is None:
            return None
        return self.moment if self.moment.tzinfo else self.moment.replace(tzinfo=zone)


class _Head(NamedTuple):
    tags: list[str]  # language tags ("de-at", "pl")
    times: list[str]
    changes: list[bool]  # whether each time is labelled a last change
    addresses: list[str]  # the page's own address as it states it (canonical, og:url)
    alternates: list[tuple[str, str]]  # (hreflang, href) of its alternates


def _head(root: Element) -> _Head:
    """The language tags, the times the page's head declares and the addresses it gives
    itself and its alternates, in one pass."""
    tags = [root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""]
    times: list[str] = []
    changes: list[bool] = []
    addresses: list[str] = []
    alternates: list[tuple[str, str]] = []
    head = root.find("head")
    for element in head.iter("meta", "link") if head is not None else ():
        if element.tag == "link":
            rel = (element.get("rel") or "").lower()
            if rel == "canonical":
                addresses.append(element.get("href") or "")
            elif rel == "alternate" and element.get("hreflang"):
                alternates.append((element.get("hreflang") or "", element.get("href") or ""))
            continue
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        key = key.lower()
        if key in _META_TIMES:
            times.append(element.get("content") or "")
            changes.append(key in _META_CHANGES)
        elif key in _META_LANGUAGES or element.get("http-equiv", "").lower() == "content-language":
            tags.append(element.get("content") or "")
        elif key == "og:url":
            addresses.append(element.get("content") or "")
    tags = [t.strip().lower().replace("_", "-") for t in tags]
    known = [t for t in tags if _LANGUAGE_TAG.match(t) and t.split("-")[0] not in _NO_LANGUAGE]
    return _Head(known, times, changes, addresses, alternates)


# How much of a long JSON-LD block is searched for dates: its start and its end.
_LD_HEAD = 100_000
_LD_TAIL = 20_000


def _body_times(
    root: Element, gathered: Sequence[Element] | None = None
) -> tuple[list[tuple[str, Element]], list[str], list[bool], list[str]]:
    """The page's <time datetime> elements (500 at most), each with its value, the times its
    JSON-LD states, with whether each is its `dateModified`, and its JSON-LD blocks that give
    an address's country (_publisher_countries)."""
    times: list[tuple[str, Element]] = []
    declared: list[str] = []
    changes: list[bool] = []
    addressed: list[str] = []
    for element in root.iter("script", "time") if gathered is None else gathered:
        tag = element.tag
        if tag == "time":
            if len(times) < 500:
                times.append((element.get("datetime") or "", element))
        elif tag == "script" and "ld+json" in (element.get("type") or "") and element.text:
            text = element.text
            if len(text) > _LD_HEAD + _LD_TAIL:  # the page's own dates open or close its data
                text = text[:_LD_HEAD] + "\n" + text[-_LD_TAIL:]
            for label, value in _LD_DATES.findall(text):
                declared.append(value)
                changes.append(label == "Modified")
            if "addressCountry" in text:
                addressed.append(text)
    return times, declared, changes, addressed


def _publisher_countries(text: str) -> list[str]:
    """The countries (ISO 3166 codes, lower case) of the addresses a JSON-LD block gives its
    publishers: a `publisher`'s, or an organization's that is the block itself (or an item of
    its `@graph`); not a place's or an event's, which may be anywhere the blog reports from,
    nor another organization's the blog names (its agency `author`, a club it is `about`)."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    found: list[str] = []
    tops = data if isinstance(data, list) else [data]
    graph = [n for t in tops if isinstance(t, dict) for n in _listed(t.get("@graph"))]
    stack: list[tuple[object, bool]] = [(node, False) for node in tops]
    stack.extend((node, False) for node in graph)
    top = {id(node) for node in [*tops, *graph]}
    while stack:
        node, publisher = stack.pop()
        if isinstance(node, list):
            stack.extend((item, publisher) for item in node)
            continue
        if not isinstance(node, dict):
            continue
        kind = node.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        own = id(node) in top and any(
            isinstance(k, str) and k.endswith("Organization") for k in kinds
        )
        if publisher or own:
            address = node.get("address")
            country = address.get("addressCountry") if isinstance(address, dict) else None
            if isinstance(country, dict):
                country = country.get("name")
            if isinstance(country, str) and len(country.strip()) == 2:
                found.append(country.strip().lower())
        for key, value in node.items():
            if isinstance(value, (dict, list)) and key != "@graph":
                stack.append((value, key == "publisher"))
    return found


def _listed(value: object) -> list[object]:
    """A JSON-LD value as a list: itself where it is one, else alone."""
    return value if isinstance(value, list) else [value]


def _own_newest(times: list[tuple[str, Element]]) -> list[str]:
    """The newest of the <time>s written alike (_written) that may be the page's, not another
    story's (_of_another_story): what the day needs, each looked at newest first."""
    newest: dict[str, str] = {}
    for value, element in sorted(times, key=lambda pair: pair[0].strip(), reverse=True):
        key = _written(value.strip())
        fresh = key not in newest and value.strip()[:2] in ("19", "20")
        if fresh and not _of_another_story(element):
            newest[key] = value
    return list(newest.values())


def _of_another_story(time: Element) -> bool:
    """A <time> of a story the page lists, not of the page: in an <aside>, <nav> or the page's
    <footer> (a "Most read" box; not an article's footer, "First published …"), in a box whose
    class names the stories it lists ("related", "most-read", "popular", "recommended"), or in
    a link that names more than the time (a "Read also" teaser,
    "<a href=…>Headline <time>…</time></a>"; a post's permalink holds its time alone)."""
    shown = _length(time)
    footer = False
    for depth, box in enumerate(time.iterancestors()):
        tag = box.tag
        if tag in _OTHERS_BOXES:
            return True  # (an <article> of a "Most read" <aside> is another story's too)
        if _names_others(box):
            return True  # (its <time> beside the teaser's link: "<a><h3>…</h3></a><time>")
        if tag == "footer":
            footer = True  # the page's, unless an article's ("First published …")
        elif tag in _OWN_BOXES:
            footer = False
        if depth < _LINK_DEPTH and tag == "a" and _length(box) > shown + _TIME_ONLY_TEXT:
            return True
    return footer


def _names_others(box: Element) -> bool:
    """Whether a box's class names the other stories it lists ("related", "most-read")."""
    named = box.get("class")
    return bool(named) and _OTHERS_NAMED.search(named) is not None


def _length(element: Element) -> int:
    """How many characters of words an element shows, blanks not counted."""
    return sum(len(word) for word in raw_text(element).split())


_OTHERS_BOXES = frozenset({"aside", "nav"})
# A box's class that names the other stories it lists, in the words sites use for them.
_OTHERS_NAMED = re.compile(
    r"related|most-?(?:read|popular|viewed|shared)|popular|trending|recommend|"
    r"more-?(?:news|stories|from)|read-?(?:also|next)|meistgelesen|lire-aussi|leggi-anche",
    re.I,
)
_OWN_BOXES = frozenset({"article", "main"})  # a footer in them is the article's
_LINK_DEPTH = 3  # how far above a time its teaser's link may be
_TIME_ONLY_TEXT = 12  # characters a permalink may hold beside its time: an icon's label


def _extremes(values: list[str]) -> list[str]:
    """The earliest and latest of the values written alike (same offset): what the zone and the
    day need, without parsing the hundreds of times a long live blog states."""
    spans: dict[str, tuple[str, str]] = {}
    for raw in values:
        value = raw.strip()
        if value[:2] not in ("19", "20"):
            continue
        key = _written(value)
        span = spans.get(key)
        if span is None:
            spans[key] = (value, value)
        elif value < span[0]:
            spans[key] = (value, span[1])
        elif value > span[1]:
            spans[key] = (span[0], value)
    return list(dict.fromkeys(v for span in spans.values() for v in span))


def _written(value: str) -> str:
    """How a machine time is written, as far as ordering its values as text goes: with "Z",
    with its offset, or naive (by length)."""
    if value[-1:] == "Z":
        return "Z"
    return value[-6:] if value[-6:-5] in ("+", "-") else str(len(value))


def _stamp(value: str) -> _Stamp | None:
    if len(value) == 10:
        try:
            return _Stamp(None, None, date.fromisoformat(value))
        except ValueError:
            return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None
    offset = moment.utcoffset()
    written = offset if offset and _OFFSET.search(value) else None
    return _Stamp(moment, written, None)


def _zone_candidates(
    url: str, tags: list[str], head: _Head | None = None
) -> tuple[list[str], bool]:
    """Zones the domain's country (of the address fetched, else of the address the page gives
    itself), the language's region (of its tags, then of the alternate that is the page
    itself) and the language imply, in order, and whether a domain named one."""
    candidates = []
    country = _domain_country(url)
    for address in head.addresses if head is not None and not country else ():
        country = country or _domain_country(address)
    if country:
        candidates.append(COUNTRY_ZONES[country])
    from_domain = bool(candidates)
    if head is not None and head.alternates:
        tags = tags + _own_alternates(url, head)
    for tag in tags:
        # The region is the first subtag of two letters: "sr-cyrl-rs" names Serbia, its
        # script no country ("cy", Cyprus).
        region = next((part for part in tag.split("-")[1:] if len(part) == 2), "")
        if region in COUNTRY_ZONES:
            candidates.append(COUNTRY_ZONES[region])
    for tag in tags:
        language = tag.partition("-")[0]
        if language in LANGUAGE_ZONES:
            candidates.append(LANGUAGE_ZONES[language])
    return list(dict.fromkeys(candidates)), from_domain


def _domain_country(url: str) -> str:
    """The country whose domain the address is on ("uk", "sg"), or "" for any other."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    rest, _, country = host.rpartition(".")
    if country in _OPEN_DOMAINS and rest.rpartition(".")[2] not in _SECOND_LEVELS:
        return ""  # ("eltiempo.com.co" is Colombian)
    return country if country in COUNTRY_ZONES else ""


def _own_alternates(url: str, head: _Head) -> list[str]:
    """The language tags of the alternates whose address is the page's own (fetched or
    canonical): `hreflang="en-gb"` on a .com's British edition, not its American edition's;
    none where they name several regions (one page for "en-us", "en-gb" and "en-au" alike)."""
    own = {_bare_address(a) for a in [url, *head.addresses] if a}
    tags = []
    for language, href in head.alternates:
        tag = language.strip().lower().replace("_", "-")
        if _bare_address(href) in own and _LANGUAGE_TAG.match(tag):
            tags.append(tag)
    regions = {next((p for p in t.split("-")[1:] if len(p) == 2), "") for t in tags}
    return tags if len(regions - {""}) < 2 else []


def _bare_address(url: str) -> str:
    """An address without its scheme, query, fragment and closing slash."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return f"{(parts.hostname or '').removeprefix('www.')}{parts.path.rstrip('/')}"


_ACROSS_ZONES = frozenset({"Europe/Madrid", "Europe/Lisbon", "Europe/Paris"})
_US_ZONES = frozenset(
    {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
     "America/Phoenix", "America/Toronto"}
)  # fmt: skip


def _infer_zone(
    candidates: list[str],
    stamps: list[_Stamp],
    root: Element | None = None,
    from_domain: bool = False,
    publishers: Sequence[str] = (),
) -> tzinfo:
    """The first candidate (then the publishers' zones, then common zone) that agrees with the
    most of the page's written offsets. Where the page writes none: the domain's zone; else the
    zone it prints beside a clock at its top (of `root`) where no language names one, or where
    it is of the Americas, in the page's own stamp, and the language's zone Spanish, Portuguese
    or French Europe's or a Latin American country's (Infobae's Spanish dates its changes in
    "EST", no Madrid time); else the first candidate; else the zone of the country of the
    publisher's address; else UTC ("Z" says how a time is written, not where its page is)."""
    observed = list(
        dict.fromkeys((s.moment.astimezone(UTC), s.offset) for s in stamps if s.moment and s.offset)
    )
    named = dict.fromkeys([*candidates, *publishers])
    zones = (z for z in map(_named_zone, named) if z is not None)
    if not observed:
        # (Only where the guess may be an ocean or a few hours off: no guess, the European
        # zone of a language of the Americas, Spanish, Portuguese or French, or a Latin
        # American country's. An English or German page pays no look at its first lines.)
        across = (
            not candidates
            or candidates[0] in _ACROSS_ZONES
            or (candidates[0].startswith("America/") and candidates[0] not in _US_ZONES)
        )
        if not from_domain and root is not None and across:
            printed = _printed_zone(root, dated=bool(candidates))
            if printed is not None and (
                not candidates or getattr(printed, "key", "").startswith("America/")
            ):
                return printed
        return next(zones, None) or UTC
    best: tzinfo | None = None
    best_score = 0
    for zone in chain(zones, map(_named_zone, _COMMON_ZONES)):
        if zone is None:
            continue
        score = sum(moment.astimezone(zone).utcoffset() == offset for moment, offset in observed)
        if score > best_score:
            best, best_score = zone, score
            if score == len(observed):
                break
    if best is not None:
        return best
    newest = max(observed, key=lambda pair: pair[0])
    return timezone(newest[1]) if newest[1] is not None else UTC


def _newest(
    stamps: list[_Stamp], zone: tzinfo, fetched: datetime
) -> tuple[date | None, datetime | None]:
    """The day, in the zone, of the newest machine time that is not after the fetch, and the
    latest time stated on it, in the zone (None where only dates are)."""
    latest = fetched + timedelta(days=1)
    today = fetched.astimezone(zone).date()
    days: list[date] = []
    moments: list[datetime] = []
    for stamp in stamps:
        if (moment := stamp.in_zone(zone)) is not None:
            if moment <= latest:
                moments.append(moment.astimezone(zone))
                days.append(moments[-1].date())
        elif stamp.day is not None and stamp.day <= today + timedelta(days=1):
            days.append(stamp.day)
    if not days:
        return None, None
    day = max(days)
    return day, max((m for m in moments if m.date() == day), default=None)


_DATELINE_NODES = 400


def _dateline(root: Element, today: date, month_first: bool = False) -> tuple[date | None, bool]:
    """The first full date in the title, the description or the body's first short texts, and
    whether it is the day the page began: not a date that says the page was updated
    ("Updated: …", "Stand: …"), nor a quoted tweet's."""
    head = root.find("head")
    texts: list[str] = []
    if head is not None:
        title = head.find("title")
        if title is not None and title.text:
            texts.append(title.text)
        for meta in head.iter("meta"):
            key = (meta.get("property") or meta.get("name") or "").lower()
            if key in ("og:title", "description", "og:description"):
                texts.append(meta.get("content") or "")
    for text in texts:
        day = _date_in(text, today, month_first)
        if day is not None:
            return day, _UPDATED.search(text) is None
    for words, before, quoted in _first_lines(root):
        day = _date_in(words, today, month_first)
        if day is not None and not _in_sentence(words, month_first):
            return day, not quoted and _UPDATED.search(f"{before} {words}") is None
    return None, False


def _in_sentence(words: str, month_first: bool) -> bool:
    """Whether a line names its date in a sentence ("On 12 March 2024 the vote was called."),
    a post's words and no date line: three words or more besides the date, a stop at its end,
    and no word that says published or updated ("Updated on Tuesday 12 March 2024 at 14:05.")."""
    if not words.rstrip(_SENTENCE_TAIL).endswith((".", "!", "?", "\u2026")):
        return False
    found = _find_date(words, need_year=True, month_first=month_first)
    if found is None or _STAMP_LABEL.search(words) or _UPDATED.search(words):
        return False
    if _DATELINE_OPENING.match(words) is not None:
        return False
    return len(_WORD.findall(f"{words[: found.start]} {words[found.end :]}")) >= 3


_SENTENCE_TAIL = " \t\n\r\"'\u00bb\u201d\u2019)"
# How a date line written as a sentence opens: a label's noun, after "last" if at all ("Last
# update on", "Letzte Aktualisierung am", "Dernière mise à jour le", "Erstellt am"), or a
# byline's name and a comma ("By Sara Rossi,", "Par Marie Dupont, le").
_DATELINE_OPENING = re.compile(
    r"\W*(?:(?:(?:last|latest|letzte|zuletzt|dernière|ultimo|ultima|última|laatste|ostatnia)\s+)?"
    r"(?:update|aktualisierung|mise\s+à\s+jour|aggiornamento|actualización|atualização|"
    r"erstellt|created|créé|creato|creado|criado)\b"
    r"|(?:by|von|par|di|por|door|przez)\s+(?:(?-i:[A-ZÀ-ÞŁŚŻŹĆ])\w+\s+){0,2}"
    r"(?-i:[A-ZÀ-ÞŁŚŻŹĆ])\w+\s*[,|])",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{2,}")


class _Line(NamedTuple):
    words: str
    before: str  # the text just before it ("Updated" before a <time>'s date)
    quoted: bool  # inside a blockquote (an embedded tweet's date)


def _first_lines(root: Element, notes: bool = False) -> Iterator[_Line]:
    """The short texts with a digit among the body's first texts, outside asides; with
    `notes`, those that say what the times are in too ("All times BST")."""
    body = root.find("body")
    if body is None:
        return
    count = quoted = 0
    before = ""
    # (A comment's tail is a line's rest: React prints "Actualizado: <!-- -->12 Sep…")
    walker = etree.iterwalk(body, events=("start", "end", "comment"))
    for event, element in walker:
        if event == "comment":
            words = element.tail
        elif event == "start":
            if element.tag in _NOT_DATELINE or _names_others(element):
                walker.skip_subtree()  # (its tail comes at its "end")
                continue
            quoted += element.tag == "blockquote"
            words = element.text if isinstance(element.tag, str) else None
        else:
            quoted -= element.tag == "blockquote"
            words = element.tail
        if not words or words.isspace():
            continue
        count += 1
        if count > _DATELINE_NODES:
            return
        if len(words) < 120 and (_DIGIT.search(words) or (notes and "times" in words.lower())):
            yield _Line(words, before, quoted > 0)
        before = words


# The zone a page's clocks are in, where one of its first lines names it beside a clock
# ("Updated April 14, 2024 at 11:42 a.m. EDT"): a region's zone, whose daylight saving follows
# the date, for the abbreviations of one region; a fixed offset for the others.
_PRINTED_ZONES = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "BST": "Europe/London", "CET": "Europe/Berlin", "CEST": "Europe/Berlin",
    "MEZ": "Europe/Berlin", "MESZ": "Europe/Berlin", "EET": "Europe/Athens",
    "EEST": "Europe/Athens", "IST": "Asia/Kolkata", "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney", "ACST": "Australia/Adelaide", "ACDT": "Australia/Adelaide",
    "AWST": "Australia/Perth", "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "SAST": "Africa/Johannesburg",
    "IDT": "Asia/Jerusalem", "NST": "America/St_Johns", "NDT": "America/St_Johns",
    "PHT": "Asia/Manila", "PKT": "Asia/Karachi", "MYT": "Asia/Kuala_Lumpur",
    "HNE": "America/Toronto", "HAE": "America/Toronto", "HNC": "America/Winnipeg",
    "HAC": "America/Winnipeg", "HNR": "America/Edmonton", "HAR": "America/Edmonton",
    "HNP": "America/Vancouver", "HAP": "America/Vancouver", "HNA": "America/Halifax",
    "HAA": "America/Halifax", "HNT": "America/St_Johns", "BRT": "America/Sao_Paulo", "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura",
}  # fmt: skip


def _printed_zone(root: Element, dated: bool = False) -> tzinfo | None:
    """The zone the first clock with a zone's name after it in the page's first lines names;
    with `dated`, only in the page's own stamp: a line that states a date after a word that
    says published or updated ("Actualizado: 12 Sep, 2026 04:41 p. m. EST", not "Um 14:00 Uhr
    ET spricht Biden" nor a kick-off's "Domingo 9 de febrero de 2025, 18:30 ET"); without
    `dated`, the zone a note names with no clock beside it ("All times BST") too."""
    for words, before, _ in _first_lines(root, notes=not dated):
        noted = None if dated else _ALL_TIMES.search(words)
        if noted is not None and not _note_starts(words, noted.start()):
            noted = None  # ("At all times BST readings were normal": a sentence's words)
        if noted is not None and (zone := _noted_zone(words, noted.end())) is not None:
            return zone
        for clock in _clocks(words):
            if clock.zone is None or (dated and not _dateline_stamp(words, before)):
                continue
            named = _ZONE_ANYWHERE.search(words, clock.start, clock.end)
            name = named.group(1) if named is not None else None
            if name in _PRINTED_ZONES:
                return _named_zone(_PRINTED_ZONES[name])
            return clock.zone
    return None


# A note of the zone a page's times are in: "All times BST", "All times are SGT", "All times
# shown are GMT+8".
_ALL_TIMES = re.compile(
    r"\ball\s+times\b(?:\s+(?:shown|given|listed|quoted))?(?:\s+(?:are|in))?\s*[:(]?\s*", re.I
)


def _note_starts(words: str, at: int) -> bool:
    """Whether a note at `at` starts its line or a sentence of it ("Updated daily. All times
    BST", "* All times BST"), not a sentence's words."""
    before = words[:at].rstrip()
    return not before or before[-1] in ".;:|()[]*\u2022\u00b7-\u2013\u2014"


def _noted_zone(words: str, at: int) -> tzinfo | None:
    """The zone named at `at` in a note, a region's where its abbreviation is one region's."""
    named = _ZONE_ANYWHERE.match(words, at)
    if named is None or not named.group(1):
        return None
    if not named.group(2) and named.group(1) in _PRINTED_ZONES:
        shared = _shared_name(named.group(1))
        if shared == _DUBLIN:
            return _IRISH_STANDARD
        return _named_zone(shared or _PRINTED_ZONES[named.group(1)])
    return _zone_of(named)


def named_region(text: str) -> str | None:
    """The region's zone (its IANA name) that an abbreviation in a time's text names, for the
    abbreviations of one region ("EST", "ET": America/New_York; "WIB": Asia/Jakarta)."""
    named = _ZONE_ANYWHERE.search(text)
    if named is None:
        return None
    if (shared := _shared_name(named.group(1))) is not None:
        # (Ireland's "IST" is no name for its winter's GMT: _IrishStandardTime is exact.)
        return None if shared == _DUBLIN else shared
    return _PRINTED_ZONES.get(named.group(1))


def _dateline_stamp(words: str, before: str) -> bool:
    """Whether a line is the page's stamp: a date, with a word before it or in the line before
    that says published or updated."""
    return (
        _find_date(words, need_year=True) is not None
        and _STAMP_LABEL.search(f"{before} {words}") is not None
    )


_STAMP_LABEL = re.compile(
    rf"\b(?:{EDIT_WORDS}|published|posted|publicado|publicada|publié|publiée|pubblicato|"
    r"veröffentlicht|gepubliceerd|opublikowano|actualizada|atualizada|aggiornata)\b",
    re.I,
)


# Boxes whose dates are not the page's: an aside's (other stories, older), and a box whose
# class names the other stories it lists (_names_others). An embedded
# tweet's date stays a clue: a live blog's tweets are of its day, and a page whose only date
# is one has no other.
_NOT_DATELINE = frozenset({"aside"})


def _date_in(text: str, today: date, month_first: bool = False) -> date | None:
    found = _find_date(text, need_year=True, month_first=month_first)
    if found is None or found.year is None or not _valid(found.year, found.month, found.day):
        return None
    day = date(found.year, found.month, found.day)
    return day if date(1990, 1, 1) <= day <= today + timedelta(days=1) else None
