"""Whether a page is a live blog: decided on positive evidence, never by default.

Nothing is invented: an ordinary article, a recipe, a forum thread or a blog post with its
comments yields no updates. The evidence a page is a live blog: it describes itself as a
schema.org LiveBlogPosting (JSON-LD or microdata); a publisher's or a live-blog vendor's markup
that an adapter knows (AMP's live list among them); or, for the generic extractor's stream of
posts, a second, independent sign: the page's address or title calls it live ("/live/",
"liveblog", "ticker", "LIVE", "as it happened", "en direct", "Liveticker", "Newsblog",
"na żywo", "canlı", "The Latest:", "– live", "latest updates", "in tempo reale" …), the stream's own box does ("liveblog", "ticker") where some of its posts carry a time, or a long run of its posts carry
a match minute each (a commentary). A stream alone is not enough: comment threads, forums and lists of
teasers repeat boxes with times as well; and an archive's entries, one a day, are no blog's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from urllib.parse import parse_qsl, unquote, urlsplit

from crawler.extract.generic import Stream

# What "live" names beside it when it is no coverage: music played live ("live-sessions"), a
# programme; a site's search as you type ("live-search"), an editor's preview. (Not "live-in"
# or "live-at": "live-at-least-20-killed", "live-in-phase-3" are live blogs' slugs.)
_NOT_COVERAGE = (
    r"(?:music|gigs?|concerts?|shows?|sessions?|tv|radio|nation|chat|cams?|bait|webcams?|"
    r"search|preview|streams?|streaming)"
)
# What "live" runs into in an address's slug that is no coverage: a health service's "Live
# Well" section, "live-fire" drills and cooking (but "live-fire-updates", a wildfire's blog).
# ("live-action" and "live-wire" stay signs: "live-action-england-v-serbia" is a commentary's.)
_NOT_LIVE_SLUG = (
    r"(?:entertainment|(?:well|fire)"
    r"(?![-_](?:updates?|maps?|coverage|news|blog|latest|tracker)(?:$|[/_.?&=-])))"
)
# Words in an address: a path segment or a slug word.
_URL_WORDS = re.compile(
    rf"(?:^|[/_.=-])((?<!\bto[-_])live(?![-_](?:{_NOT_COVERAGE}|{_NOT_LIVE_SLUG})(?:$|[/_.?&=-]))|liveblog|"
    r"live-?blog|"
    r"liveticker|live-?ticker|"
    r"ticker(?![-_]symbols?\b)|live-?updates|"
    r"live-?news|as-it-happened|minute-by-minute|en-?direct|direct|en-?vivo|directo|"
    r"ao-?vivo|tempo-?real|in-?diretta|diretta|na-?zywo|relacja-?live|canli|"
    r"news-?blog|live-?coverage|as-it-happens|latest-updates|minuto-a-minuto|percrol-percre|"
    r"uzivo|v-zivo|nazivo|minuta-po-minute|tiesiogiai|tiesraide|otseblogi|"
    r"liveblogg|direktrapport|en-directe|livebericht|elo(?=/?$))"
    r"(?=$|[/_.?&=-])",
    re.I,
)
# What titles say, in the languages read here: "Live:" as a label, "live updates", "Liveticker"…
_TITLE_WORDS = re.compile(
    r"\bLive\s*[:|–—]|\bLive\s*-(?!(?-i:Ergebnisse?|Webcams?|Cams?|Musik|Konzerte?|Shows?|"
    r"Chats?|TV|Streams?|Radio|Übertragung(?:en)?|Auktion(?:en)?|Kurse?|Preise?|Bilder|Bild|"
    r"Radar|Karte)\b)|[–—|-]\s*live\s*$|\blive(?:\s+|-)(?:blog(?:s|ging)?|updates?|"
    r"coverage|tickers?|news|text|reports?|reporting|commentary|results|reactions?|"
    r"scores)\b|\blatest updates\b|"
    r"\bliveblog|\bas it happened\b|\bminute[- ]by[- ]minute\b|ticker\b(?!\s+symbols?\b)|\bin tempo reale\b|"
    r"\ben direct\b|^\s*DIRECT\b|\ben vivo\b|\ben directo\b|\bao vivo\b|\bem tempo real\b|"
    r"\bin diretta\b|\bdiretta\b|\bna żywo\b|\bminuto a minuto\b|\blive-?ticker|\bcanl[ıi]\b|"
    r"\bnews-?blog\b|\bperc(?:ről|rol) percre\b|[–—|-]\s*élő\s*(?:$|[|–—-])|^\s*élő\s*[:|–—]\s*\S|"
    # Croatian, Serbian and Bosnian, Slovene, Slovak and Czech, Ukrainian, Bulgarian,
    # Lithuanian, Latvian, Estonian, Romanian and Finnish; Norwegian, Danish and Swedish
    # ("Direkte: …", "Direktrapport").
    r"\buživo\b|\bуживо\b|\bv živo\b|\bnaživo\b|\bminúta po minúte\b|\bminutu po minutě\b|"
    r"\bнаживо\b|\bна живо\b|\btiesiogiai\b|\btiešraid\w*|\botseblogi\b|\bîn direct\b|"
    # A label opens a title that is no channel's code before any site's name ("Direkte: NRK1
    # – NRK TV", "Ζωντανά: ΕΡΤ1" are a channel's stream).
    r"\bhetki hetkeltä\b|\bdirektrapport|^\s*(?-i:DIREKTE?|Direkte)\s*[:|–—]\s*(?!(?-i:[A-ZÆØÅÄÖÀ-ÞΑ-Ω]{2,6})\d*\s*(?:[|–—-]|$)|\S*\d\S*\s*(?:[|–—-]|$))\S|"
    # Arabic, Persian and Hebrew, as labels or their live blogs' phrases (not "غير مباشر",
    # indirectly, nor a broadcast's "البث المباشر", nor "sign up for ongoing updates",
    # "לעדכונים שוטפים"); Chinese: "直播：" as a label (not a fuel-price page's "实时更新").
    r"تغطية (?:حية|مباشرة)|(?<![\wـ])(?<!غير )(?<!بث )(?<!نقل )مباشر\s*(?:\.\.|$)|"
    r"^\s*مباشر\s*[:|–—]\s*(?!قناة|تلفزيون|راديو|إذاعة)(?!(?-i:[A-ZÆØÅÄÖÀ-ÞΑ-Ω]{2,6})\d*\s*(?:[|–—-]|$)|\S*\d\S*\s*(?:[|–—-]|$))\S|"
    r"گزارش زنده|^\s*زنده\s*[:|]\s*(?!(?-i:[A-ZÆØÅÄÖÀ-ÞΑ-Ω]{2,6})\d*\s*(?:[|–—-]|$)|\S*\d\S*\s*(?:[|–—-]|$))\S|^\s*עדכונים שוטפים\s*[:|–—]|"
    r"[:|–—]\s*עדכונים שוטפים\s*$|^\s*לייב\s*[:|]\s*(?!(?-i:[A-ZÆØÅÄÖÀ-ÞΑ-Ω]{2,6})\d*\s*(?:[|–—-]|$)|\S*\d\S*\s*(?:[|–—-]|$))\S|^\s*直播\s*[:：|]|"
    # Catalan, Basque, Greek and Icelandic.
    r"\ben directe\b|^\s*directe\s*[:|–—]\s*(?!(?-i:[A-ZÆØÅÄÖÀ-ÞΑ-Ω]{2,6})\d*\s*(?:[|–—-]|$)|\S*\d\S*\s*(?:[|–—-]|$))\S|\bzuzenean\s*$|"
    r"^\s*zuzenean\s*[:|–—]|^\s*(?:ζωντανά|ζωντανα)\s*[:|–—]\s*(?!(?-i:[A-ZÆØÅÄÖÀ-ÞΑ-Ω]{2,6})\d*\s*(?:[|–—-]|$)|\S*\d\S*\s*(?:[|–—-]|$))\S|\bζωντανή ενημέρωση|"
    r"^\s*í beinni\s*[:|–—]\s*(?!(?-i:[A-ZÆØÅÄÖÀ-ÞΑ-Ω]{2,6})\d*\s*(?:[|–—-]|$)|\S*\d\S*\s*(?:[|–—-]|$))\S|^\s*beint\s*[:|–—]\s*(?!(?-i:[A-ZÆØÅÄÖÀ-ÞΑ-Ω]{2,6})\d*\s*(?:[|–—-]|$)|\S*\d\S*\s*(?:[|–—-]|$))\S|"
    r"[–—|-]\s*vaktin\s*$|^\s*vaktin\s*[:|–—]",
    re.I,
)
# Swedish "Direkt: …" on a Swedish page (a German title's "Direkt:" says nothing).
_SWEDISH_LABEL = re.compile(
    r"\s*Direkt\s*[:|–—]\s*(?!(?-i:[A-ZÆØÅÄÖÀ-ÞΑ-Ω]{2,6})\d*\s*(?:[|–—-]|$)|\S*\d\S*\s*(?:[|–—-]|$))\S"
)
# A German title's label of its topic's news, the day's ticker where no other word says live:
# Der Spiegel's "Ukraine-News am Dienstag: …", "Nahost-News: …", "Streik-News heute: …"; not
# "Fake-News: …", an explainer's word, nor "Promi-News aus Hollywood", a section's.
_GERMAN_NEWS_LABEL = re.compile(
    r"\s*(?!Fake-)(?:[^\W\d_]\w*-)+News(?:\s*(?:[:|–—]|\+\+\+)|\s+(?:am|vom|heute|zu[mr]?)\b)"
)
# In capitals: "LIVE", "DIRECT. …"; and the Associated Press's rolling stories, "The Latest: …".
_TITLE_CAPITALS = re.compile(
    r"\bLIVE\b|^\s*DIRECT\b|^\s*The Latest\s*:|^\s*JUST NU\b|^\s*ONLINE\s*:"
)
# A stream's box that calls itself live, not merely a list of posts: words of its class names.
_LIVE_BOX_WORDS = frozenset({"coverage", "diretta", "direct", "directo", "vivo", "relacja"})
_NAME_PARTS = re.compile(r"[\s_-]+")


# Live words of one language that mean something else in another: the English "direct
# services" of a timetable, "direct debit". They count on a page in their language, or in none
# that it names.
_WORD_LANGUAGES = {
    "direct": ("fr", "ro"),  # (Romanian "în direct")
    "directo": ("es",),
    "diretta": ("it",),
    "vivo": ("es", "pt"),
    "relacja": ("pl",),
    "en-directe": ("ca",),
    "livebericht": ("de",),  # (Der Standard's `/jetzt/livebericht/`)
}
# ...and those that count only on a page that names their language: Hungarian "élő" as a
# slug's word (444's `…-elo`, HVG's `…__ELO`) is English's Elo rating and ELO the band.
_NAMED_LANGUAGE_WORDS = {"elo": ("hu",)}


# A badge's words, all of them, that say live: "LIVE" in capitals (a section's kicker says
# "Live", "LIVE MUSIC" is a genre), or a phrase only live pages use, in the languages read here.
_BADGE = re.compile(
    r"(?-i:LIVE)|(?:live[- ]?(?:blog|ticker|updates?|news)|liveblog|liveticker|newsblog|"
    r"en direct|en directo|en vivo|ao vivo|em direto|(?:in )?diretta|na żywo)",
    re.I,
)


@dataclass(frozen=True)
class Signs:
    """What a page says about itself, apart from its stream, and the languages it names."""

    address: bool = False
    title: bool = False
    languages: tuple[str, ...] = ()
    # A badge beside the heading says live ("LIVE"): something is on air now, a blog or a
    # player's stream, an event's, so it vouches only for posts that run as a blog's do.
    badge: bool = False
    # The address or a title names the page a French site's "fil info" ("/fil-info/", "Le fil
    # info"): only then does a box of that name vouch for its stream (not a sidebar's).
    fil_info: bool = False


def signs(
    url: str,
    titles: list[str | None],
    languages: tuple[str, ...] = (),
    badges: Iterable[str] = (),
) -> Signs:
    """Whether the page's address or one of its titles (<title>, og:title, <h1>) says live,
    or a badge beside its heading does, all its words live ("LIVE", "En direct").
    Not a taxonomy's archive of posts ("/category/live/", "/tag/live-updates/"), nor a
    product's version that a title names ("/release-notes/live-12/", "Live 12")."""
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = urlsplit("")
    path = _NOT_LIVE_PHRASE.sub("/", unquote(parts.path))
    said = [_NOT_LIVE_PHRASE.sub(" ", t) for t in titles if t]
    if parts.query and _SEARCH_PATH.search(path):
        said = [_without_searched(t, parts.query) for t in said]
    return Signs(
        address=any(
            _in_language(match.group(1), languages) and not _archive_or_version(path, match, said)
            for match in _URL_WORDS.finditer(path)
        ),
        title=any(
            _says_live(t)
            or ("sv" in languages and _SWEDISH_LABEL.match(t) is not None)
            or ("de" in languages and _GERMAN_NEWS_LABEL.match(t) is not None)
            for t in said
        ),
        languages=languages,
        badge=any(_BADGE.fullmatch(badge.strip()) is not None for badge in badges),
        fil_info=any(_FIL_INFO.search(said) is not None for said in [path, *said]),
    )


def _without_searched(title: str, query: str) -> str:
    """A title less the words a reader searched for, as the address's query gives them
    ("Search results for: storm live updates" at `?q=storm+live+updates`): a site's search
    page repeats them, and they say nothing of the page. Whole words only: "li" is no part
    of "live"."""
    for key, value in parse_qsl(query):
        words = value.split()
        if key.lower() in _SEARCH_KEYS and words:
            pattern = r"\W+".join(re.escape(word) for word in words)
            title = re.sub(rf"(?<!\w){pattern}(?!\w)", " ", title, flags=re.I)
    return title


# A search page's path: one of its folders names search in a language read here ("/search",
# "/suche/", "/site-search/", "/buscar") or its results, alone or beside search's word
# ("/results", "/suchergebnisse/", "/resultados", "/wyniki-wyszukiwania", "results.html"), or
# it is the site's front or a page of it, where WordPress answers "?s=". A story's address
# tagged with a query (a share button's "?s=li", a results list's "?q=storm+live") is none.
_SEARCH_PATH = re.compile(
    r"^/?(?:page/\d+/?)?$|(?:^|/)(?:[\w-]*search[\w.-]*|suche|recherche|zoeken|zoek|buscar|"
    r"busca|busqueda|búsqueda|ricerca|cerca|szukaj|wyszukiwanie|hledat|vyhledavani|arama|"
    r"kereses|keresés|pencarian|cari|sok|sök|haku|poisk|поиск|пошук|"
    r"(?:such|zoek)?(?:results|ergebnisse|r[ée]sultats|risultati|resultados|resultaten|wyniki)"
    r"(?:[-_](?:suche|recherche|busqueda|búsqueda|ricerca|wyszukiwania))?(?:\.\w+)?)(?:/|$)",
    re.I,
)


# The names a site's search form gives the words searched for in the address ("?q=", "?s=",
# WordPress's, "?query=", "?search_query=").
_SEARCH_KEYS = frozenset(
    ("q", "s", "query", "search", "search_query", "searchterm", "term", "text", "keyword",
     "keywords", "k", "suche", "suchbegriff", "recherche", "busqueda", "zoek", "szukaj")
)  # fmt: skip


def without_tagline(title: str | None, site: str | None, url: str) -> str | None:
    """A title less what follows the site's name where it comes last in it, where the page's
    own title comes before the name, or where the page is the site's home page: the site's
    tagline, which it carries on every page ("Council approves homes | Example News – latest
    news and live updates", "Example News | Breaking news and live coverage"), says nothing of
    this one; the name in the page's own title ("Trump sues CNN – latest updates | CNN
    Politics") is no place to cut."""
    if not title:
        return title
    site = site or _named_by_address(title, url)
    if not site or len(site) < _SITE_NAME:
        return title
    at = title.rfind(site)
    if at < 0 or (at == 0 and urlsplit(url).path.strip("/")):
        return title
    return title[: at + len(site)]


_SITE_NAME = 3  # characters of a site's name, at least, that its title may be cut after


def _named_by_address(title: str, url: str) -> str | None:
    """The part of a title between its separators that spells a name of the page's host,
    letters alone ("Example News" at www.example-news.com): the site's name, where the page
    gives none (`og:site_name`). The last such part."""
    labels = {
        letters
        for label in (urlsplit(url).hostname or "").split(".")
        if len(letters := _letters(label)) >= _SITE_NAME and letters not in _HOST_WORDS
    }
    if not labels:
        return None
    found = None
    for part in _TITLE_PARTS.split(title):
        if _letters(part) in labels:
            found = part.strip()
    return found


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


_TITLE_PARTS = re.compile(r"\s+[|–—·•-]\s+")  # " | ", " – ", " - ": a title's separators
_HOST_WORDS = frozenset({"www", "com", "net", "org", "live", "news", "amp"})


# French sites' "fil info", their stream of one-line news: "fil-info", "fil_info", "filinfo".
_FIL_INFO = re.compile(r"(?<![a-z])fil[-_ ]?info(?![a-z])", re.I)


def _titled_live(stream: Stream) -> bool:
    """Whether half the posts or more carry a live blog's title ("Ukraine war live", "Live:
    election night"): the cards of an index of live blogs, not one blog's posts."""
    titled = sum(1 for u in stream.updates if u.headline and _says_live(u.headline))
    return titled * 2 >= len(stream.updates)


def _in_language(word: str, languages: tuple[str, ...]) -> bool:
    """Whether a live word counts on a page in these languages (all, where it names none)."""
    named = _NAMED_LANGUAGE_WORDS.get(word.lower())
    if named is not None:
        return any(lang in named for lang in languages)
    only = _WORD_LANGUAGES.get(word.lower())
    return only is None or not languages or any(lang in only for lang in languages)


def _archive_or_version(path: str, match: re.Match[str], titles: list[str]) -> bool:
    """A live word in the segment after a taxonomy's ("/category/live/"): a list of posts, of
    live blogs at best; or "live-12" where a title says "Live 12": a product's version."""
    start = path.rfind("/", 0, match.start(1))  # of the word's segment
    if path[: max(start, 0)].rsplit("/", 1)[-1].lower() in _TAXONOMIES:
        return True
    version = _VERSION.match(path, match.end(1))
    if version is None or int(version.group(1)) < _FIRST_VERSION:
        return False  # ("…-live-2": WordPress's second slug)
    return any(re.search(rf"\bLive {version.group(1)}\b", title) is not None for title in titles)


# Phrases in which a live word is no live blog's: Italian "diretta" that is "direct" (a farm's
# direct sales, a direct line); a mass, a broadcast, a radio or TV channel streamed live
# ("Santa Messa in diretta", "Transmisje na żywo", "Radio en directo").
_NOT_LIVE_PHRASE = re.compile(
    r"\b(?:(?:vendita|linea|consegna|gestione|elezione)[\s_-]+diretta|"
    r"(?:messa|msza|transmisj\w*|radio|rádio|ràdio|tv|televisión|televisione|televisão)[\s_-]+"
    r"(?:in[\s_-]+diretta|na[\s_-]+(?:żywo|zywo)|en[\s_-]+(?:directo|vivo|directe?)|"
    r"ao[\s_-]+vivo|live))\b",
    re.I,
)
# The segments a site's archive of posts by taxonomy stands under, in the languages read here.
# fmt: off
_TAXONOMIES = frozenset({
    "category", "categories", "tag", "tags", "label", "labels", "kategorie", "schlagwort",
    "categorie", "categoria", "rubrique", "etiqueta", "etiquetas", "tema", "thema", "temat",
    "tagi", "kategoria",
})
# fmt: on
_FIRST_VERSION = 4  # a product's version past WordPress's second and third slugs ("-2", "-3")
_VERSION = re.compile(r"[-_](\d{1,3})(?=$|[/_.-])")


def _says_live(title: str) -> bool:
    """ "LIVE" in capitals, or a phrase only live pages use: "live" alone is a word like any
    other ("live music", "where they live", "live streaming" a service offers), and a name
    that runs a capital "Ticker" into another word is a product's ("StockTicker API"), where
    "Liveticker", "NewsTicker" and "Unwetter-Ticker" are tickers."""
    if _TITLE_CAPITALS.search(title) is not None:
        return True
    title = _PLAYED_LIVE.sub(" ", title)  # "Live-Musik", "Música en vivo": music played live
    return any(not _product_ticker(title, match) for match in _TITLE_WORDS.finditer(title))


# Music played live, in the languages read here: "Live-Musik", "música en vivo", "musica dal
# vivo", "música ao vivo", "muzyka na żywo", "musique live", "livemuziek". (Not a concert's:
# "Coldplay concert live: latest as fans arrive" is a live blog's.)
_PLAYED_LIVE = re.compile(
    r"\blive[- ]?(?:musi[ckq]|muzi)\w*|\b(?:musi[ckq]\w*|música|muzyka|muziek|muzika|glazba)\s+"
    r"(?:en vivo|dal vivo|ao vivo|na żywo|live|en direct|uživo|v živo|naživo)\b",
    re.I,
)


def _product_ticker(title: str, match: re.Match[str]) -> bool:
    """A capital "Ticker" run into the word before it, which is not "Live" or "News"."""
    if not match.group().startswith("Ticker"):
        return False
    before = title[max(0, match.start() - 4) : match.start()]
    return before[-1:].isalpha() and before.lower() not in ("live", "news")


def stream_is_live(stream: Stream, page: Signs) -> bool:
    """Whether the generic extractor's stream is a live blog's: a stream and one more sign,
    which its posts' match minutes are ("45+2'" on most of them, running down the page: a
    commentary)."""
    if not stream.updates:
        return False
    if _an_archive(stream) or _a_changelog(stream):
        return False  # an archive's entries, one a day: a radio's replays; a product's releases
    if stream.linked:
        return False  # cards that each lead to a page of their own: a rail of headlines
    if stream.entries and _BLOG_BOX.search(stream.names) is None:
        # Untimed questions, numbered steps, or episodes' and events' cards, unless their box
        # names itself a live blog's (`div.live-blog`: a reporter answering readers' questions),
        # not a "live-events" or "live-podcasts" list's.
        return False
    if stream.carded and (
        _titled_live(stream)
        or (stream.carded == "section" and not _box_says_live(stream.names, page.languages))
    ):
        # Cards of live blogs, each leading to its own (an index of them); or of a section's
        # stories under its address, unless the list's own box says live (Libération's
        # `div.live-content` on `/direct/`).
        return False
    if stream.marquee and not page.title:
        return False  # a bar of the site's latest headlines beside an article, at any address
    if page.address or page.title:
        return True
    if stream.happened:
        return False  # a timeline read as a ticker for its page's times: its address or title
    if page.badge and _runs_as_a_blog(stream):
        return True
    if _box_says_live(stream.names, page.languages) or (
        page.fil_info and _FIL_INFO.search(stream.names) is not None
    ):
        # A box's name alone vouches only for a stream with a time on some post: orf.at
        # names the untimed stories of its front page `ticker-story`.
        return stream.timed > 0
    return (
        len(stream.updates) >= _COMMENTARY_POSTS
        and stream.minuted >= _MINUTED
        and stream.minutes_fall  # (not a report's key moments, in the order they came)
    )


def _runs_as_a_blog(stream: Stream) -> bool:
    """Whether the posts run as a live blog's, newest first, which a badge beside the heading
    vouches for: most of them timed, several on a day, their times falling three times as
    often as they rise at least (a post pinned on top aside), or their match minutes falling;
    not a programme's or an event's agenda, its items in the order they come, nor a radio's
    shows, one a day (the badge is its stream's, on air now)."""
    if stream.minutes_fall and stream.minuted >= _MINUTED:
        return True
    dated = [u.published_at for u in stream.updates if u.published_at]
    if len(dated) * 2 <= len(stream.updates) or len({when[:10] for when in dated}) == len(dated):
        return False
    falls = sum(above > below for above, below in pairwise(dated))
    rises = sum(above < below for above, below in pairwise(dated))
    return falls >= 3 * rises


def _an_archive(stream: Stream) -> bool:
    """Whether the posts are an archive's entries, each dated on a day of its own, over a week
    or more: a radio's replays of its morning news, a podcast's episodes, a band's past shows
    (dated by a day alone, `<time datetime="2024-04-27">`, where no post has a time). A live
    blog posts several times a day; a slow one (a trial's second week) one a day at whatever
    hour there was news, where an archive's entries with a clock come at their programme's
    hour: half of them at least at one minute (the 7 o'clock news each morning), or most of
    them within half an hour of one another (put online at 07:02, 06:58, 07:11 …), where half
    a slow blog's six posts may come within it by chance (as the court rose each day)."""
    dated = [u.published_at for u in stream.updates if u.published_at]
    days = [when[:10] for when in dated] or list(stream.days)
    if len(days) < _ARCHIVE_POSTS or len(days) * 5 < len(stream.updates) * 4:
        return False  # (a few, or most undated: nothing said)
    if len(set(days)) < len(days):
        return False
    if (
        dated
        and Counter(when[11:16] for when in dated).most_common(1)[0][1] * 2 < len(dated)
        and _at_one_hour(dated) * 2 <= len(dated)
    ):
        return False  # (a slow live blog's posts, at whatever hour there was news)
    return (date.fromisoformat(max(days)) - date.fromisoformat(min(days))).days >= _ARCHIVE_DAYS


def _at_one_hour(dated: list[str]) -> int:
    """How many of the times fall within half an hour of one another, at most, whatever
    their day (23:50 and 00:10 among them)."""
    minutes = sorted(int(when[11:13]) * 60 + int(when[14:16]) for when in dated)
    around = minutes + [m + 24 * 60 for m in minutes]
    return max(bisect_right(around, start + _PROGRAMME_SPAN) - n for n, start in enumerate(minutes))


def _a_changelog(stream: Stream) -> bool:
    """Whether most posts are titled by a version ("Live 12.0.9 Release Notes", "v2.3",
    "Version 4.1"): a product's releases, whose name may say live ("Live 12"), a day or more
    apart. Posts that come several a day, most of them on a day another shares, within a week,
    or over a week or more on half the days they span at least (a rollout's blog run for ten
    days), are a live blog's, whatever version they name ("iOS 17.5.1 live": "macOS 14.5.1
    follows"), where they name a version again ("Apple pulls 17.5.2"); on fewer of them, or
    each naming a version of its own, a product's releases (two lines released together,
    "12.0.9" and "11.3.25", a fortnight apart; a patch each morning and afternoon)."""
    versions = [
        found.group().lower()
        for u in stream.updates
        if u.headline and _DIGIT.search(u.headline)
        if (found := _VERSION_NAMED.search(u.headline))
    ]  # (a headline without a figure names no version: most are looked at no further)
    if len(stream.updates) < _ARCHIVE_POSTS or len(versions) * 2 <= len(stream.updates):
        return False
    days = [u.published_at[:10] for u in stream.updates if u.published_at]
    if len(days) * 2 <= len(stream.updates) or len(set(days)) * 2 > len(days):
        return True
    span = (date.fromisoformat(max(days)) - date.fromisoformat(min(days))).days
    if span < _ARCHIVE_DAYS:
        return False
    return len(set(days)) * 2 <= span or len(set(versions)) == len(versions)


# A version: three numbers of a few digits each ("12.0.9", not a date's "30.04.2024"), or a
# number after "v" or "version" ("v2.3", "Version 4").
_VERSION_NAMED = re.compile(
    r"(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])|\bv\d+(?:\.\d+)+\b|\bversion\s+\d+(?:\.\d+)*",
    re.I,
)
_DIGIT = re.compile(r"\d")
_ARCHIVE_POSTS = 5  # entries at least, each dated on a day of its own, or titled by versions
_ARCHIVE_DAYS = 7  # days from the first to the last at least
_PROGRAMME_SPAN = 30  # minutes an archive's entries at their programme's hour span at most


# A commentary: this many posts at least (more than a match report's key moments), and this
# share of them stamped with a match minute.
_COMMENTARY_POSTS = 8
_MINUTED = 0.6


# A box's name that says it holds a live blog's posts, no other live list's.
_BLOG_BOX = re.compile(
    r"(?<![a-z])live[-_]?(?:blog|feed|ticker|updates?|coverage|posts?)", re.IGNORECASE
)


def _box_says_live(names: str, languages: tuple[str, ...]) -> bool:
    """ "liveblog", "live-feed", "ticker-item", "en-direct": not "directions", "olive",
    "livestock-sales", "live-gigs" (music played live), nor an English timetable's
    "direct-services", nor WordPress's class for a post's category or tag ("category-live").
    (A French "fil-info" box vouches only on a page that names its fil info.)"""
    words = _NAME_PARTS.split(_TAXONOMY_CLASS.sub(" ", names.lower()))
    for word, after in zip(words, [*words[1:], ""], strict=True):
        if word == "live":
            if not _NOT_COVERAGE_WORD.fullmatch(after):
                return True
        elif (
            (word.startswith("live") and not _NOT_LIVE_NAME.fullmatch(word))
            or "ticker" in word
            or (word in _LIVE_BOX_WORDS and _in_language(word, languages))
        ):
            return True
    return False


_TAXONOMY_CLASS = re.compile(r"(?:^|\s)(?:category|tag)-\S*")
# A class word that runs "live" into something that is no coverage: "livestock", "lively",
# "livelihood", "liver", "livery", "liverpool", "livemusic", Italian "livello" (a level),
# "liveaboard" (a dive boat), Laravel's "livewire".
_NOT_LIVE_NAME = re.compile(
    rf"live(?:stock|ly|lihoods?|rs?|ry|ries|rpool\w*|s|d|llo|aboards?|ness|wire|{_NOT_COVERAGE})"
)
_NOT_COVERAGE_WORD = re.compile(_NOT_COVERAGE)
