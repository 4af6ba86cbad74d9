"""A page is a live blog on positive evidence, never by default: the signs that a stream of
posts is a live blog's are read as meant (the 120 ordinary pages of the corpus, none of them a
live blog, are read in test_extract_eval.py)."""

from __future__ import annotations

import pytest

from archive.records import Update
from crawler.extract.evidence import signs, stream_is_live
from crawler.extract.generic import Stream

pytestmark = pytest.mark.own_backends  # words and names: no walk over a tree


@pytest.mark.parametrize(
    "url",
    [
        "https://www.theguardian.com/world/live/2023/may/15/russia-ukraine-war",
        "https://www.example.de/politik/bahnstreik-liveticker-12-maerz",
        "https://news.example.com/2024/live-updates-election-results",
        "https://www.example.fr/bordeaux/direct-orages-gironde",
        "https://www.example.fr/en-direct/orages",
        "https://sport.example.pl/relacja/na-zywo-mecz",
        "https://www.example.it/calcio/diretta/inter-milan",
        "https://www.example.co.uk/news/uk-riots-as-it-happened",
        "https://www.example.com/liveblog/12345",
        "https://www.example.es/en-vivo/elecciones",
        "https://www.example.com.tr/dunya/canli-nato-zirvesi-7618835",
        "https://www.example.de/nachrichten/ausland/newsblog-nahost-100123",
        "https://www.example.com/news/storm-live-coverage",
        "https://www.example.es/deportes/minuto-a-minuto-real-madrid-barcelona",
        "https://index.hu/kulfold/2024/03/14/ukrajna-haboru-percrol-percre/",
        "https://www.example.com/us/live-fire-updates-park-fire-butte-county/",
        "https://www.example.hr/vijesti/clanak/uzivo-poplave-u-slavoniji/2561.aspx",
        "https://www.example.lt/naujienos/tiesiogiai/rinkimai",
        # Der Standard's "Livebericht" (its German pages' live blogs).
        "https://www.derstandard.at/jetzt/livebericht/3000000215432/guterres-reist-nach-kiew",
        # "live-at-…", "live-in-…" in a live blog's slug.
        "https://www.example.com/news/world/israel-gaza-war-live-at-least-20-killed-b2535123",
        "https://www.example.in/elections/elections-2024-live-in-phase-3-voting",
    ],
)
def test_addresses_that_say_live(url: str) -> None:
    assert signs(url, []).address


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/recipes/olive-oil-cake",
        "https://www.example.com/delivery/terms",
        "https://www.example.com/2024/05/where-they-lives-end",
        "https://www.example.com/directions",
        "https://www.example.com/blog/2019/05/durfen",
        "https://www.example.com/liverpool-fc-news",
        # "Live" as in music played live, a programme broadcast live; a share's ticker.
        "https://www.example.co.uk/whats-on/live-music-tonight-in-york",
        "https://www.example.com/events/live-gigs-manchester",
        "https://www.example.com/tv/live-tv-guide",
        # A health service's section, a drill, cooking over flames, a film's kind.
        "https://www.nhs.example/live-well/eat-well/recipes/overnight-oats/",
        "https://www.example.com/defence/live-fire-exercise-on-salisbury-plain",
        "https://www.example.com/recipes/live-fire-chicken-thighs/",
        "https://www.example.fr/finance/ticker-symbols",
        "https://www.example.com/farming/livestock-auction-results",
        # A chat beside a live video, its replay too ("_" runs on in the address's word).
        "https://www.youtube.com/live_chat_replay?continuation=abc",
        "https://www.example.com/live_chat",
        # "Live" as a verb ("places to live"); a site's search as you type, an editor's preview.
        "https://www.example.co.uk/property/best-places-to-live-uk-2024",
        "https://www.example.com/where-to-live/",
        "https://www.example.com/live-search/results",
        "https://www.example.com/live-preview/article-12",
        # Music played live: sessions.
        "https://www.example.co.uk/music/live-sessions/",
        # A mass, a broadcast streamed live.
        "https://www.example.it/santa-messa-in-diretta/",
        "https://www.example.pl/parafia/transmisje-na-zywo/",
    ],
)
def test_addresses_that_do_not(url: str) -> None:
    assert not signs(url, []).address


def test_an_archive_by_taxonomy_or_a_products_version_is_no_live_page() -> None:
    """WordPress's archive of a category or tag named live lists posts; "live-12" is a
    product's version where a title says "Live 12", and WordPress's second slug where none does."""
    for url in (
        "https://www.example.com/category/live/",
        "https://www.example.com/tag/live-updates/page/2/",
        "https://www.example.de/thema/liveticker/",
    ):
        assert not signs(url, []).address, url
    notes = "https://www.example.com/en/release-notes/live-12/"
    assert not signs(notes, ["Stagecraft Live 12 release notes"]).address
    assert signs(notes, ["Release notes"]).address
    assert signs("https://www.example.com/2024/election-night-live-2/", ["Election night"]).address
    assert signs("https://www.example.com/live/category-b-results", []).address


def test_a_word_of_one_language_counts_on_its_pages_and_those_that_name_none() -> None:
    """French "direct" is live, the English "direct-action" no; Italian "vendita diretta" is
    a farm's direct sales, where "in diretta" is live."""
    french = "https://www.example.fr/bordeaux/direct-orages-gironde"
    assert signs(french, [], ("fr",)).address
    assert signs(french, []).address
    assert not signs("https://www.example.com/news/direct-action-protest", [], ("en",)).address
    shop = "https://www.example.it/vendita-diretta/"
    assert not signs(shop, ["Orari vendita diretta – Agriturismo"], ("it",)).address
    assert not signs(shop, ["Orari vendita diretta – Agriturismo"], ("it",)).title
    assert signs("https://www.example.it/a", ["Milan-Inter in diretta"], ("it",)).title


def test_nordic_live_words_and_the_adverbs_that_share_them() -> None:
    """Aftonbladet's "direktrapport", a "liveblogg", a title's "Direkte:" label; not the
    Swedish and Norwegian adverbs "direkt" and "direkte" ("sent straight to hospital") in an
    article's address, nor NRK's live TV, nor a German title's "Direkt:"."""
    assert signs("https://www.example.se/nyheter/a/direktrapport-valet", [], ("sv",)).address
    assert signs("https://www.example.no/liveblogg-valget/", [], ("nb",)).address
    assert signs("https://www.example.no/a", ["Direkte: Ekstremværet på Vestlandet"]).title
    assert not signs(
        "https://www.example.se/nyheter/polisen-grep-mannen-direkt", [], ("sv",)
    ).address
    assert not signs("https://www.vg.no/nyheter/i/x/sendt-direkte-til-sykehus", [], ("nb",)).address
    assert not signs("https://tv.nrk.no/direkte/nrk1", [], ("nb",)).address
    assert not signs("https://www.alarabiya.net/live-stream", [], ("ar",)).address  # a video
    assert not signs("https://www.example.no/a", ["Direkte fly til Roma fra Gardermoen"]).title
    assert not signs("https://www.example.de/a", ["Direkt: Das sagt der Minister"], ("de",)).title
    assert signs("https://www.example.se/a", ["Direkt: Skjutning i Malmö"], ("sv",)).title


def test_german_compounds_of_live_are_live_unless_their_second_word_is_no_coverage() -> None:
    """ "Live-Berichterstattung", "Live-Kommentar" are a live page's words; "Live-Ergebnisse"
    (results), "Live-Webcam" are not; nor is an address's "live-webcam"."""
    for title in (
        "Landtagswahl in Sachsen: Live-Berichterstattung",
        "Bundestag: Live-Kommentar",
        # An English label before a word that opens like one of those ("Cam", "Kurs", "Show").
        "Live - Cameroon v Nigeria",
        "Live - Kursk incursion enters its third week",
        "Live - Showdown in Congress",
    ):
        assert signs("https://www.example.de/politik/wahl-123.html", [title], ("de",)).title
    assert not signs("https://www.example.de/live-webcam-zugspitze/", [], ("de",)).address


def test_romanian_in_direct_and_a_live_wire_are_live_addresses() -> None:
    """Romanian "în direct" in an address on a Romanian page; "live-wire", a news brand's."""
    romanian = "https://www.example.ro/politica/alegeri-prezidentiale-2024-in-direct-4321"
    assert signs(romanian, [], ("ro",)).address
    assert signs("https://www.example.com/news/live-wire/", [], ("en",)).address
    # WordPress's second slug under a title that says "Live 2" is no product's version.
    second = signs("https://www.example.com/news/election-live-2/", ["Election Live 2: the count"])
    assert second.address


def test_a_live_stream_is_a_video_not_a_live_blog() -> None:
    """A title's "Agenda & live stream": a video to watch; a live blog's says more."""
    assert not signs("https://devsummit.example/2024/agenda/", ["Agenda & live stream"]).title
    assert signs("https://www.example.com/a", ["Final: live stream and live updates"]).title


@pytest.mark.parametrize(
    "title",
    [
        "LIVE: Russia-Ukraine war latest",
        "Live updates: polls close across the country",
        "Election night 2024 – as it happened",
        "Bahnstreik im Liveticker: Notfahrplan und Staus",
        "DIRECT. Orages en Gironde : vigilance orange",
        "Orages : suivez la situation en direct",
        "Fogo Unia Leszno - Falubaz – Wynik i Relacja na żywo",
        "Inter-Milan 2-1: la cronaca in diretta del derby",
        "Elecciones en vivo: los resultados",
        "Live: Champions League final",
        "Live - Storm Ciarán reaches the coast",
        # Beyond the languages read, the words of live pages' titles further east and north.
        "Poplave u Slavoniji UŽIVO",
        "Rat u Ukrajini уживо",
        "Minúta po minúte",
        "Війна в Україні: наживо",
        "Izbori 2024 v živo",
        "Протести на живо",
        "Rinkimai tiesiogiai",
        "Vēlēšanas: tiešraide",
        "Alegeri prezidențiale în direct",
        "CANLI | Tarihi NATO Zirvesi",
        "Newsblog zum Krieg in Nahost",
        "Seçim sonuçları canlı anlatım",
        "Unwetter-Ticker: Hagel und Starkregen",
        "NewsTicker zum Krieg in Nahost",
        "Live reporting from the count",
        "Election night: live reactions from the parties",
        "Live blogging the budget",
        "The Latest: Storm makes landfall as a Category 4 hurricane",
        "Budget 2024 – live",
        "Storm Ciarán: latest updates",
        "Election night live results",
        "Champions League final live commentary",
        "Terremoto in Turchia, aggiornamenti in tempo reale",
        "Unwetter in Bayern: Live-Ticker",
        "Boca vs. River, en vivo: el superclásico minuto a minuto",
        # Outside the languages read, the words of live pages' titles that public readers
        # of them document: Index.hu's "percről percre", iDNES's "ONLINE:", "JUST NU:".
        "Coldplay concert live: latest as fans arrive at Wembley",
        "Ukrajnai háború percről percre",
        "ONLINE: Povodně na Moravě",
        "JUST NU: Kraftigt oväder i Stockholm",
        "Direkte: Ekstremværet herjer på Vestlandet",
        "DIREKTE | Valgnatten 2025",
        "DIREKT: Stormen drar in över Gotland",
        "Direktrapport från valvakan",
        "Direkte: Valget – NRK",  # one word, no channel's code
        "مباشر.. الاحتلال يواصل القصف على رفح",
        "غزة مباشر",
        "مباشر: غزة",
        # Arabic, Persian, Hebrew, Chinese and Japanese.
        "مباشر: اجتماع وزراء الخارجية الإقليمي",
        "تغطية حية: الانتخابات الرئاسية",
        "گزارش زنده: انتخابات ریاست جمهوری",
        "עדכונים שוטפים: המלחמה בעזה",
        "直播：台风登陆广东",
        # Catalan, Basque, Greek and Icelandic.
        "El Parlament vota els pressupostos, en directe",
        "Directe | Última hora de l'actualitat",
        "Legebiltzarreko osoko bilkura zuzenean",
        "Ζωντανά: Η συζήτηση για τον προϋπολογισμό",
        "Í beinni: Ísland - Noregur",
        "Eldgos á Reykjanesskaga – vaktin",
    ],
)
def test_titles_that_say_live(title: str) -> None:
    assert signs("https://www.example.org/a", [None, title]).title


@pytest.mark.parametrize(
    "title",
    [
        "Where they live now: ten years after the flood",
        "بث مباشر لقناة الجزيرة",  # a channel's live broadcast
        "پخش زنده شبکه سه",
        "视频直播回放：发布会",
        "Ligne directe avec le maire",
        "مصر تدعم الاقتصاد بشكل غير مباشر",  # "indirectly"
        "شاهد البث المباشر | قناة الجزيرة",  # a channel's live broadcast
        "הירשמו לעדכונים שוטפים",  # "sign up for ongoing updates"
        "全国油价实时更新",  # a fuel-price page
        "سعر الذهب اليوم لحظة بلحظة",  # gold's price "moment by moment"
        "مباشر: قناة العربية",  # a channel's stream
        "Direkte: NRK1",
        "Direkte: NRK1 – NRK TV",  # a channel's stream, the site's name after it
        "Direkte: NRK1 - NRK TV",
        "Ζωντανά: ΕΡΤ1",
        "Ζωντανά ανασύρθηκαν δύο παιδιά από τα συντρίμμια",  # "pulled out alive"
        "Πού θα δείτε ζωντανά τον τελικό",  # "where to watch the final live"
        "Jaurlaritzak zuzenean kontratatuko ditu 300 irakasle",  # "directly"
        "Leikurinn verður sýndur í beinni á RÚV",  # "shown live on RÚV"
        "Catalunya Ràdio en directe",  # a radio's stream
        "כך תקבלו עדכונים שוטפים על מזג האוויר",  # "how to get ongoing updates"
        "【随時更新】おすすめアプリまとめ",  # a list article kept up to date
        "Live music returns to Berlin's clubs",
        "How to live well on a budget",
        "Vegan Styled Char Kway Teow (Stir Fry Flat Rice Noodles)",
        "Directions to the museum",
        "Storm news: the latest from the coast",
        "Ed Sheeran – live review at Wembley",
        "The best places to live",
        # A service's status page: "live streaming" is what it offers, "StockTicker" its name.
        "Acme Video Status - Live streaming ingest degraded",
        "StockTicker API Status",
        "Stock Ticker Symbol Lookup | Markets",
        # A German compound whose second word is no live page's: results, a webcam.
        "Live-Ergebnisse Stadtmarathon 2024",
        "Live-Webcam am Hafen",
        # Music played live, in the other languages read here.
        "Stadtfest 2024: Programm & Live-Musik",
        "Música en vivo esta semana – Bar La Esquina",
        "Música ao vivo – Programação da semana",
        "Muzyka na żywo – repertuar",
        "Santa Messa in diretta dalla basilica",
        "Transmisje na żywo – Parafia św. Jana",
        "Radio Ciudad: radio en directo",
        "Musica dal vivo a Bologna",
        "Livemuziek in het park",
        "Muzika uživo u klubu",
    ],
)
def test_titles_that_do_not(title: str) -> None:
    assert not signs("https://www.example.org/a", [title]).title


def test_a_stream_needs_a_second_sign() -> None:
    stream = Stream([Update(headline="A post", body_text="Words.")], 1.0, 1.0, "comments")
    page = signs("https://www.example.org/a", ["An ordinary title"])
    assert not stream_is_live(stream, page)
    assert stream_is_live(stream, signs("https://www.example.org/live/a", []))
    for names in (
        "liveblog entries",
        "live-feed",
        "ticker__item",
        "coverage-list",
        "livearticle__entry",
        "liveUpdates__post",
    ):
        assert stream_is_live(Stream(stream.updates, 1.0, 1.0, names), page), names
        # A box's name vouches only for posts with times (orf.at's untimed `ticker-story`).
        assert not stream_is_live(Stream(stream.updates, 0.0, 1.0, names), page), names
    for names in (
        "directions-list direction-step",
        "olive-list",
        "comment-list",
        "livestock-sales lot",
        "livello-b2 corso-item",
        "liveaboard-review",
        "live-search-results result",
        "cronaca-list cronaca-item",
        "live-gigs gig-card",
        "liverpool-news news-item",
        "delivery-slots",
        # WordPress's classes for a post's category and tag: a review filed under "Live".
        "posts post category-live tag-live-music",
    ):
        assert not stream_is_live(Stream(stream.updates, 1.0, 1.0, names), page), names
    # An English timetable's "direct services"; on a French page, or one that names no
    # language, "direct" is live.
    english = signs("https://www.example.org/a", ["Train times"], ("en",))
    assert not stream_is_live(Stream(stream.updates, 1.0, 1.0, "direct-services"), english)
    french = signs("https://www.example.org/a", ["Orages"], ("fr",))
    assert stream_is_live(Stream(stream.updates, 1.0, 1.0, "direct-list"), french)
    assert stream_is_live(Stream(stream.updates, 1.0, 1.0, "direct-list"), page)
    assert not stream_is_live(Stream([], 1.0, 1.0, "liveblog"), page)


def test_a_long_run_of_posts_stamped_with_match_minutes_is_a_commentary() -> None:
    """Posts that each carry a match minute, many of them: a live commentary, whatever its
    address and title say; a match report's few key moments are not."""
    page = signs("https://sport.example.nl/voetbal/argentinie-kaapverdie~176", ["Argentinië wint"])
    posts = [Update(headline=f"Post {n}", body_text="Words.") for n in range(8)]
    assert stream_is_live(Stream(posts, 1.0, 1.0, "x1 x2", minuted=0.75, minutes_fall=True), page)
    assert not stream_is_live(
        Stream(posts, 1.0, 1.0, "x1 x2", minuted=0.5, minutes_fall=True), page
    )
    assert not stream_is_live(
        Stream(posts[:5], 1.0, 1.0, "x1 x2", minuted=1.0, minutes_fall=True), page
    )
    # A report's key moments, their minutes rising in the order they came, or a recipe's steps
    # with how long each takes: minutes that do not run down the page, no commentary.
    assert not stream_is_live(Stream(posts, 1.0, 1.0, "x1 x2", minuted=1.0), page)


@pytest.mark.parametrize(
    ("url", "title", "languages", "live"),
    [
        # Hungarian "élő": 444's slug and title, HVG's `__ELO` and "– ÉLŐ | hvg.hu".
        ("https://444.hu/2024/06/09/ep-valasztas-2024-elo", "Választás", ("hu",), True),
        ("https://hvg.hu/itthon/20240921_arviz_duna_tetozes__ELO", "Árvíz", ("hu",), True),
        ("https://444.hu/2024/06/09/valasztas", "EP-választás – élő | 444", ("hu",), True),
        ("https://hvg.hu/itthon/arviz", "ÉLŐ: tetőzik a Duna", ("hu",), True),
        # "elo" is the Elo rating or ELO the band elsewhere; "élő" inside a title is "living".
        ("https://chess.example/news/elo-ratings-elo", "Ratings", ("en",), False),
        ("https://chess.example/news/rating-elo", "Ratings", (), False),
        ("https://444.hu/2024/06/09/legenda", "Az élő legenda visszatér", ("hu",), False),
        # "élő" opening a slug: "Élő lánccal tiltakoztak" (with a human chain).
        ("https://444.hu/2024/05/01/elo-lanccal-tiltakoztak", "Tüntetés", ("hu",), False),
    ],
)
def test_hungarian_live_signs(url: str, title: str, languages: tuple[str, ...], live: bool) -> None:
    said = signs(url, [title], languages)
    assert (said.address or said.title) is live


def test_a_german_titles_topic_news_label_says_live_on_a_german_page() -> None:
    """German news sites title their day's ticker by its topic's news, "Ukraine-News am
    Dienstag: …", "Nahost-News: …", "Streik-News heute: …" (Der Spiegel's, t-online's), where
    no other word says live; not "Fake-News" (an explainer's word), not a title that only
    mentions such news, nor the same words on a page in another language."""
    for title in (
        "Ukraine-News am Dienstag: Selenskyj bittet um Flugabwehr",
        "Nahost-News: Israel meldet Angriffe im Süden",
        "Streik-News heute: Bahn rechnet mit Ausfällen - DER SPIEGEL",
        "Corona-News +++ Inzidenz steigt weiter",
        "Ukraine-Krieg-News vom 1. Mai",
    ):
        assert signs("https://www.example.de/politik/a-1234", [title], ("de",)).title, title
    for title in (
        "Fake-News: Wie man sie erkennt",
        "Was Ukraine-News mit uns machen",
        "Promi-News aus Hollywood",
    ):
        assert not signs("https://www.example.de/a", [title], ("de",)).title, title
    assert not signs("https://www.example.com/a", ["Nahost-News: Israel …"], ("en",)).title


def test_the_words_a_reader_searched_for_say_nothing_live() -> None:
    """A site's search page repeats in its title the words of its address's query ("Search
    results for: storm live updates", "Suchergebnisse für „Wahl Liveticker“"): they are the
    reader's words, not the page's; a title that says live beside them still does."""
    for url, title, language in (
        ("https://news.example.com/search?q=storm+live+updates",
         "Search results for: storm live updates", "en"),
        ("https://news.example.com/?s=storm%20live", "You searched for storm live - Example News",
         "en"),
        ("https://www.example.de/suche/?query=Wahl+Liveticker",
         "Suchergebnisse für „Wahl Liveticker“", "de"),
        ("https://www.example.es/buscar?text=elecciones+en+directo",
         "Resultados de búsqueda para «Elecciones en directo»", "es"),
    ):  # fmt: skip
        assert not signs(url, [title], (language,)).title, title
    assert signs("https://news.example.com/?q=storm", ["Storm live: roads shut"], ("en",)).title
    assert signs("https://news.example.com/storm?page=2", ["Storm live: roads shut"], ("en",)).title


@pytest.mark.parametrize(
    ("url", "title", "language"),
    [
        ("https://news.example.com/results?q=harbour+live", "Search results for \"harbour live\"",
         "en"),
        ("https://news.example.com/site/results.html?query=storm+live+updates",
         "Results for storm live updates", "en"),
        ("https://www.example.de/suchergebnisse/?q=Sturm+live", "Suchergebnisse: Sturm live", "de"),
        ("https://www.example.de/ergebnisse?q=Sturm+Liveticker", "Ergebnisse für Sturm Liveticker",
         "de"),
        ("https://www.example.es/resultados?q=temporal+en+directo",
         "Resultados de búsqueda: temporal en directo", "es"),
        ("https://www.example.nl/zoekresultaten?q=storm+live", "Zoekresultaten voor storm live",
         "nl"),
        ("https://www.example.it/risultati?q=maltempo+diretta", "Risultati per: maltempo diretta",
         "it"),
        ("https://www.example.fr/resultats?q=tempête+en+direct", "Résultats : tempête en direct",
         "fr"),
        ("https://www.example.pl/wyniki-wyszukiwania?q=burza+na+żywo", "Wyniki: burza na żywo",
         "pl"),
    ],
)  # fmt: skip
def test_the_words_searched_for_say_nothing_on_a_page_of_results(
    url: str, title: str, language: str
) -> None:
    """A site's results for a search stand at a path that names its results as often as at
    one that names search (`/results?q=`, `/suchergebnisse/`, `/resultados`): the words of its
    query in its title are the reader's there too."""
    assert not signs(url, [title], (language,)).title, url


@pytest.mark.parametrize(
    "url",
    [
        # a share button's tag of where the link was shared (LinkedIn's "li", "upd")
        "https://news.example.com/news/storm-updates-123?s=li",
        "https://news.example.com/news/storm-updates-123?s=upd",
        "https://news.example.com/news/storm-updates-123?k=e",
        # a site's results linking to the story with the words searched for
        "https://news.example.com/news/storm-updates-123?q=storm+live",
        "https://news.example.com/news/storm-updates-123?query=live",
    ],
)
def test_a_query_on_a_storys_address_leaves_its_title_live(url: str) -> None:
    """The words searched for leave a title only on a search page (its path names search, or
    is the site's front, as WordPress's `/?s=` is), and only whole: a story's address that a
    share button or the results list tags (`?s=li`, `?q=storm+live`) still says live in its
    title, and "li" takes nothing out of "live"."""
    assert signs(url, ["Storm live updates: roads shut"], ("en",)).title
