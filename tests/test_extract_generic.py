"""The generic extractor alone, on every HTML page with its JSON-LD and microdata removed.

The bar: it finds at least 90% of the updates each page's HTML shows, with the
labelled headline (where the page has one) and time. Times count as right within a minute:
some pages print only a clock ("5:32 p.m. ET"). Run with -s to see the per-page figures.
The BBC, CNN, Telegraph, Sky News, AMP and Guardian HTML pages were built for the tests
(see test_extract_adapters.py); the Mirror, Express, CorkBeo and NDTV pages are real.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree

from archive.records import Update
from archive.times import now_utc, parse_utc
from crawler.extract import extract_page, generic, lines
from crawler.extract.clock import PageClock, leading_clock, page_clock
from crawler.extract.dom import text_of
from crawler.extract.entries import prepare
from crawler.extract.evaluate import TIME_TOLERANCE, _close, hash_classes, load_labels, match
from crawler.extract.html import parse
from crawler.extract.merge import fold
from tests.helpers import LABELS, saved_page

LIVE_URL = "https://news.example/live/today"
MAY_DAY = "2024-05-01T08:00:00Z"  # the publication time of the pages dated 1 May 2024
HTML_WITHOUT_TIMES = {"nyt-business-briefing-2020-09-25.html"}
HTML_LABELS = sorted(p for p in LABELS.glob("*.json") if ".html." in p.name)


def clock_of(root: etree._Element, url: str, fetched_at: str | None = None) -> PageClock:
    return page_clock(root, url, parse_utc(fetched_at) or now_utc())


def page_of(
    main: str,
    title: str = "Storm live",
    lang: str = "en",
    published: str = "2024-02-10T08:00:00+00:00",
) -> bytes:
    """A page whose <main> holds `main`, with its title, language and publication time."""
    return (
        f"<html lang='{lang}'><head><title>{title}</title><meta property="
        f"'article:published_time' content='{published}'></head><body><main>{main}"
        "</main></body></html>"
    ).encode()


def stream_of(body: bytes, url: str) -> list[Update]:
    """The generic extractor's posts on a page built here, its clock read from the whole page
    (before prepare() prunes what extraction need not read), as extract_page reads it."""
    root = parse(body)
    assert root is not None
    clock = clock_of(root, url)
    return generic.extract(prepare(root), url, clock).updates


def _four_posts_with(after: str) -> list[Update]:
    """The updates of a feed of four posts, 16:05 to 13:05, each a title, a paragraph ("What
    post 6 reports, …") and then `after`, its "{n}" the post's number."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-02-10T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"{after.replace('{n}', str(n))}</article>"
        for n in (6, 5, 4, 3)
    )
    return extract_page(
        page_of(f"<div class='feed'>{posts}</div>"), "https://news.example.com/live/x"
    ).updates


def live_updates(
    main: str,
    title: str,
    fetched: str,
    published: str = "2024-02-10T08:00:00+00:00",
    lang: str = "en",
    url: str = LIVE_URL,
) -> list[Update]:
    """What extract_page reads from a page built here (page_of), at a live address unless
    another is given."""
    page = page_of(main, title, lang=lang, published=published)
    return extract_page(page, url, fetched_at=fetched).updates


def storm_posts(
    stamp: Callable[[int], str], numbers: Iterable[int], before: str = ""
) -> list[Update]:
    """What extract_page reads from a feed of posts "Post N", each opening with the stamp
    given for its number, on a live page fetched at 18:00 on 1 May 2024 (`before`: markup
    ahead of the feed, such as JSON-LD)."""
    posts = "".join(
        f'<article class="post" id="p{n}">{stamp(n)}'
        f"<h2>Post {n}</h2><p>What the post says about the day, in more words than that.</p>"
        "</article>"
        for n in numbers
    )
    return live_updates(
        f"{before}<div class='feed'>{posts}</div>", "Storm: live", "2024-05-01T18:00:00Z", MAY_DAY
    )


def without_structured_data(body: bytes) -> etree._Element:
    """The page as a site without schema.org would serve it: no JSON-LD, no microdata."""
    root = parse(body)
    assert root is not None
    for script in root.xpath("//script[contains(@type, 'ld+json')]"):
        script.getparent().remove(script)
    for element in root.xpath("//*[@itemprop or @itemscope or @itemtype]"):
        for name in ("itemprop", "itemscope", "itemtype", "itemid", "itemref"):
            element.attrib.pop(name, None)
    return prepare(root)


@pytest.mark.parametrize(
    "labels_path", HTML_LABELS, ids=[p.name.split("-2")[0] for p in HTML_LABELS]
)
def test_generic_finds_the_updates_the_html_shows(labels_path: Path) -> None:
    labels = load_labels(labels_path)
    root = without_structured_data(saved_page(labels.file).read_bytes())
    assert not root.xpath("//*[@itemprop] | //script[contains(@type, 'ld+json')]")
    found = generic.extract(root, labels.url, clock_of(root, labels.url, labels.fetched_at)).updates
    shown = [label for label in labels.updates if label.in_html and not label.removed]
    if not shown:  # a vendor's embed drawn in the browser: no post, and nothing else either
        assert found == []
        return
    # The NYT's HTML prints no time on its posts (its labels take them from the JSON-LD): there
    # the right time is none at all.
    timeless = labels.file in HTML_WITHOUT_TIMES
    right = [
        (update, label)
        for update, label in match(found, shown)
        if fold(update.headline or "") == fold(label.headline or "")
        and _close(update.published_at, None if timeless else label.published_at, TIME_TOLERANCE)
    ]
    figure = len(right) / len(shown)
    print(f"\ngeneric {labels.file}: {len(right)}/{len(shown)} = {figure:.3f} (found {len(found)})")
    assert figure >= 0.9
    assert len(found) <= len(shown) * 1.1  # and not much else


def test_generic_reads_local_times_ids_and_bylines() -> None:
    body = """<html><body><div class="feed">
      <section data-entry-id="e2"><span class="stamp">5:32 p.m. ET, October 8, 2023</span>
        <h4>Second</h4><p class="by">By Ann Lee</p><p>Body two is long enough to be a post.</p>
        <a class="permalink" href="/live/blog#e2">Link</a></section>
      <section><span class="stamp">4:10 p.m. ET, October 8, 2023</span>
        <p>No headline here, only a paragraph long enough to count as a post.</p>
        <a class="permalink" href="/live/blog#e1">Link</a></section>
    </div><aside><ul><li>Related story</li></ul></aside></body></html>"""
    first, second = stream_of(body.encode(), "https://news.example/live/blog")
    assert (first.source_id, first.headline, first.published_at) == (
        "e2",
        "Second",
        "2023-10-08T21:32:00Z",
    )
    assert "5:32" not in first.body_text
    assert (second.source_id, second.headline, second.published_at) == (
        "e1",
        None,
        "2023-10-08T20:10:00Z",
    )
    assert second.body_text.startswith("No headline here")


def test_generic_needs_repetition_and_times() -> None:
    body = b"<html><body><article><h1>One story</h1><p>Just an article, no live posts.</p></article></body></html>"
    assert stream_of(body, "https://news.example/a") == []


def test_two_boxes_of_a_match_page_whose_ticker_a_script_draws_are_no_stream() -> None:
    """Transfermarkt's live ticker is an element its script fills: the page as fetched holds
    the match's head (its kick-off's clock) and a box of news links, each "vor 2 Std.", of
    one class. Two boxes make a stream only where each says more than its links."""
    head = (
        '<div class="box sb-head"><div class="sb-team"><a href="/fc-bayern/verein/27">FC Bayern'
        ' München</a><p>Tabellenplatz: 2.</p></div><p class="sb-datum"><a href="/bl/27">27. '
        "Spieltag</a> | Sa., 30.03.24 | 18:30 Uhr</p><div class='sb-endstand'>0:2</div>"
        '<div class="sb-team"><a href="/bvb/verein/16">Borussia Dortmund</a>'
        "<p>Tabellenplatz: 4.</p></div></div>"
    )
    news = "".join(
        f'<li><a href="/news/{n}">Was nach dem Spiel {n} passiert ist, im Überblick</a>'
        f"<span>vor {n} Std.</span></li>"
        for n in (2, 5, 6)
    )
    main = f'{head}<tm-ticker match-id="4096190"></tm-ticker><div class="box"><h2>Aktuelle News</h2><ul>{news}</ul></div>'
    page = page_of(main, "Bayern - Dortmund - Liveticker", "de", "2024-03-30T16:00:00+01:00")
    url = "https://www.transfermarkt.de/ticker/begegnung/live/4096190"
    assert extract_page(page, url, fetched_at="2024-03-30T18:30:00Z").updates == []


def _commented(posts: int, reply: bool = False) -> str:
    """La Vanguardia's live posts, each a `div.comment` (the publisher's comments on the news):
    a clock, a headline on some, the words; a reader's "Responder" under each, if `reply`."""
    return "".join(
        f'<div class="comment" id="c-{n}"><span class="comment-time">1{n}:05</span>'
        + (f"<strong>Titular {n}</strong>" if n % 2 else "")
        + f"<p>Lo que cuenta la entrada {n}, en algunas palabras más que pocas.</p>"
        + ("<a href='#responder' class='btn'>Responder</a>" if reply else "")
        + "</div>"
        for n in range(posts, 0, -1)
    )


@pytest.mark.parametrize("reply", [False, True])
def test_posts_that_call_themselves_comments_are_a_stream_where_each_is_dated(
    reply: bool,
) -> None:
    """La Vanguardia's live posts are `div.comment`s, each dated by its clock: a stream, where
    readers' comments would say "Responder" (or leave some undated)."""
    main = f"<div class='story-leaf-txt-p'>{_commented(6, reply)}</div>"
    page = page_of(main, "Coronavirus: última hora en directo", "es", "2020-03-03T08:00:00+01:00")
    url = "https://www.lavanguardia.com/vida/20200303/473948475682/coronavirus-en-directo.html"
    updates = extract_page(page, url, fetched_at="2020-03-03T17:10:00Z").updates
    if reply:
        assert updates == []
    else:
        assert [(u.source_id, u.published_at) for u in updates] == [
            (f"c-{n}", f"2020-03-03T{n + 9:02d}:05:00Z") for n in range(6, 0, -1)
        ]


_COMENTARIOS = (
    "¡Final del partido! El local se lleva los tres puntos del derbi.",
    "Ocasión clarísima del visitante, pero el cabezazo se marcha alto.",
    "¡Gol! Disparo raso desde la frontal que entra por el palo largo.",
    "Se llega al descanso con ventaja mínima para el equipo local.",
    "Tarjeta amarilla para el central por una entrada a destiempo.",
    "¡Gol! El local se adelanta tras una contra rápida por la izquierda.",
)
_COMENTARIO_MINUTES = ("90+3'", "88'", "67'", "45+1'", "30'", "12'")


@pytest.mark.parametrize(
    ("lang", "outer", "inner", "minute"),
    [
        ("es", "ul.comentarios", "li.comentario", "span.minuto"),
        ("es", "div.comentarios", "div.comentario", "strong.min"),
        ("pt", "ul.lista-comentarios", "li.comentario", "span.minuto"),
        ("it", "div.commenti", "div.commento", "span.minuto"),
    ],
)
def test_a_commentary_whose_boxes_say_comentario_is_a_stream(
    lang: str, outer: str, inner: str, minute: str
) -> None:
    """A Spanish, Portuguese or Italian minute-by-minute commentary calls its entries
    "comentarios" or "commenti" (hand-built after the markup such sports papers describe: a
    list of boxes, each a match minute in a box of its own and a line): its posts, each the
    minute's, where readers' comments show a user name, an avatar or a reply button."""
    (otag, ocls), (itag, icls), (mtag, mcls) = (s.split(".") for s in (outer, inner, minute))
    posts = "".join(
        f'<{itag} class="{icls}"><{mtag} class="{mcls}">{at}</{mtag}><p>{said}</p></{itag}>'
        for at, said in zip(_COMENTARIO_MINUTES, _COMENTARIOS, strict=True)
    )
    page = page_of(f'<h1>Derbi en directo</h1><{otag} class="{ocls}">{posts}</{otag}>', lang=lang)
    url = "https://www.example-deportes.com/futbol/directo/derbi"
    updates = extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [(u.headline, u.body_text) for u in updates] == [(None, s) for s in _COMENTARIOS]


@pytest.mark.parametrize(
    "reader",
    [
        '<img class="avatar" src="/u/{n}.png"><span class="usuario">lector{n}</span> ',
        '<span class="nombre-usuario">lector{n}</span> ',
        '<span class="autor">lector{n}</span> <button class="btn">Responder</button> ',
        '<span class="autor">lector{n}</span> <span class="me-gusta">{n} Me gusta</span> ',
    ],
)
def test_readers_comments_on_a_match_that_name_its_minute_stay_comments(reader: str) -> None:
    """Readers' comments under a live match, each naming the minute it speaks of, in a box
    called "comentarios": a user name, an avatar, a reply button or likes make them comments,
    no commentary's posts."""
    posts = "".join(
        f'<li class="comentario">{reader.format(n=n)}<span class="minuto">{at}</span>'
        f"<p>{said}</p></li>"
        for n, (at, said) in enumerate(zip(_COMENTARIO_MINUTES, _COMENTARIOS, strict=True))
    )
    page = page_of(
        "<h1>Derbi en directo</h1><p>La crónica del derbi, que se juega esta tarde en casa, "
        "con todos los detalles del partido.</p>"
        f'<ul class="comentarios">{posts}</ul>',
        lang="es",
    )
    url = "https://www.example-deportes.com/futbol/directo/derbi"
    assert extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates == []


def test_a_blogs_posts_come_before_dated_boxes_that_call_themselves_comments() -> None:
    """A live page with readers' comments under its posts, dated and without a reply button
    (comments closed): the posts are the stream, however many the comments."""
    posts = "".join(
        f'<article class="entry" id="e{n}"><time datetime="2020-03-03T1{n}:30:00Z">1{n}:30'
        f"</time><h2>Entry {n}</h2><p>What entry {n} reports, in more than a few words.</p>"
        "</article>"
        for n in range(4, 0, -1)
    )
    main = f"<div class='entries'>{posts}</div><section>{_commented(8)}</section>"
    updates = live_updates(main, "Storm: LIVE", "2020-03-03T17:10:00Z", "2020-03-03T08:00:00Z")
    assert [u.source_id for u in updates] == [f"e{n}" for n in range(4, 0, -1)]


def _forum_post(n: int, controls: str, attributes: str = "") -> str:
    return (
        f'<div id="p{n}" class="post"{attributes}><h3><a href="#p{n}">Re: Q&amp;A</a></h3>'
        f'<p class="author">by <a href="/memberlist.php?u={n}">dev{n}</a> » <time datetime='
        f'"2024-05-01T0{n}:00:00Z">Wed May 01, 2024 {n}:00 am</time></p><div class="content">'
        f"<p>What member {n} asks the developers about the patch, in a few words.</p></div>"
        f"{controls.format(n=n)}</div>"
    )


_FORUM = ' itemscope itemtype="https://schema.org/DiscussionForumPosting"'


@pytest.mark.parametrize(
    ("controls", "attributes", "topic"),
    [
        # phpBB: the quote button an icon, its word read to screen readers alone
        ('<a href="./posting.php?mode=quote&amp;p={n}" class="button" title="Reply with quote">'
         '<i class="icon fa-quote-left"></i></a>', "", ""),
        ('<a href="newreply.php?tid=812&amp;replyto={n}"><img src="quote.png" alt=""></a>', "",
         ""),
        # Discourse's crawler view: each reply a schema.org Comment on the forum posting
        ("", ' itemprop="comment" itemscope itemtype="http://schema.org/Comment"', _FORUM),
        ("", _FORUM, ""),
    ],
)  # fmt: skip
def test_a_forum_thread_titled_live_is_no_live_blog(
    controls: str, attributes: str, topic: str
) -> None:
    """A forum thread whose title says "LIVE: Q&A with the developers": its posts carry a
    link that asks the forum to quote or reply (an icon, no word), or schema.org's words
    call them comments on a forum posting, or forum posts. They are a discussion, not a live
    blog's posts."""
    posts = "".join(_forum_post(n, controls, attributes) for n in range(1, 7))
    page = page_of(f"<div class='topic'{topic}>{posts}</div>", "LIVE: Q&amp;A with the developers")
    url = "https://forum.example.com/viewtopic.php?t=4821"
    assert extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates == []


def test_boxes_inside_an_answer_are_no_stream() -> None:
    """Stack Exchange's answers (`itemprop=acceptedAnswer`, `itemtype=…/Answer`) hold two boxes
    of one class each (the answer's words, its comments), each dated: no stream."""
    answers = "".join(
        f'<div id="answer-{n}" class="answer" itemprop="suggestedAnswer" itemscope itemtype='
        f'"https://schema.org/Answer"><div class="post-layout"><div class="post-layout--right">'
        f"<p>Read the file in chunks from a callback, answer {n} says, not in a loop.</p><time "
        f'datetime="2024-05-01T0{n}:01:12Z">answered</time></div><div class="post-layout--right">'
        f"<p>A thread and a queue work too, comment {n} says, on a slow share.</p><time "
        f'datetime="2024-05-01T0{n}:30:00Z">commented</time></div></div></div>'
        for n in (1, 2)
    )
    page = page_of(answers, "How do I keep a live log tail updating?")
    url = "https://stackoverflow.com/questions/78412233/how-to-keep-a-live-log-tail"
    assert extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates == []


def test_a_pages_header_content_and_footer_are_no_stream() -> None:
    """MyBB's page: `div#header`, `div#content` (the thread, its posts dated, each with its
    reply link) and `div#footer` (its "Current time: …") side by side: the page's regions, not
    three posts."""
    thread = "".join(
        f"<table class='tborder'><tr><td><span class='post_date'>05-0{n}-2024, 08:0{n} AM</span>"
        f"<div class='post_body'>What member {n} thinks of the keyboard, in a few words.</div>"
        f"<a href='newreply.php?tid=812&amp;replyto={n}'><img src='quote.png' alt=''></a>"
        "</td></tr></table>"
        for n in (1, 2)
    )
    page = (
        "<html><head><title>LIVE: Best budget keyboard?</title></head><body><div id='container'>"
        "<div id='header'><img src='/images/logo.png' alt='TechDen'><a href='/search.php'>"
        "Search</a> Hello There, Guest! <a href='/login'>"
        f"Login</a></div><div id='content'><h1>LIVE: Best budget keyboard?</h1>{thread}</div>"
        "<div id='footer'><a href='/contact'>Contact Us</a> Current time: 05-02-2024, 11:58 AM"
        " Powered by MyBB, 2024</div></div>"
        "</body></html>"
    )
    url = "https://forums.example.net/live/showthread.php?tid=812"
    assert extract_page(page.encode(), url, fetched_at="2024-05-02T12:00:00Z").updates == []


def test_rows_of_figures_and_names_at_a_live_address_are_a_table() -> None:
    """A departures board ("Abflug live") and a markets table ("Live markets"): rows of one
    shape, each with its time, that say no sentence. A table's rows, not posts."""
    flights = "".join(
        f"<tr class='flight'><td><time datetime='2024-05-01T1{n}:25:00+02:00'>1{n}:25</time>"
        f"</td><td>New York JFK</td><td>LH 40{n}</td><td>Z2{n}</td><td>Boarding</td></tr>"
        for n in range(1, 7)
    )
    quotes = "".join(
        f"<div class='quote'><span>1{n}:35</span><b>^FTSE{n}</b><span>FTSE 10{n}</span>"
        f"<span>8,14{n}.13</span><span>+0.1{n}%</span></div>"
        for n in range(1, 7)
    )
    for main, title in ((f"<table>{flights}</table>", "Abflug live"),
                        (f"<div class='quotes'>{quotes}</div>", "Live markets")):  # fmt: skip
        page = page_of(main, title, published="2024-05-01T06:00:00Z")
        url = "https://www.example.com/live/board"
        assert extract_page(page, url, fetched_at="2024-05-01T16:00:00Z").updates == [], title


@pytest.mark.parametrize("said", ["", "A light quake was felt in the old town, people say."])
def test_a_list_of_earthquakes_at_a_live_address_is_a_table(said: str) -> None:
    """A seismology service's latest earthquakes (`/live/latest`): a row per quake, its
    magnitude, where ("10 km SW of Town A"), its time and depth. Five words in a row, but
    names and units: no row says a sentence. Rows that tell what people felt are a blog's."""
    rows = "".join(
        f"<li class='event-item'><span class='mag'>M 3.{n}</span> <span class='place'>1{n} km"
        f" SW of Town {'ABCDEFGH'[n]}</span> <time datetime='2024-05-01T1{9 - n}:0{n}:00Z'>1"
        f"{9 - n}:0{n} UTC</time> <span class='depth'>{5 + n} km</span><p>{said}</p></li>"
        for n in range(8)
    )
    page = page_of(f"<h1>Latest earthquakes</h1><ul class='events'>{rows}</ul>", "Latest quakes")
    url = "https://quakes.example.org/live/latest"
    updates = extract_page(page, url, fetched_at="2024-05-01T20:00:00Z").updates
    assert len(updates) == (8 if said else 0)


def test_a_days_matches_by_league_under_a_live_title_are_no_posts() -> None:
    """kicker's "Liveticker" overview: a box per league, its heading ("DFB-Pokal der Frauen,
    Finale") over the day's date and its matches, team names and scores a line each. The
    heading and the date run on into five words, but no line of its own says a sentence."""
    leagues = "".join(
        f"<section class='kick__v100-gameList'><h2>{league}</h2><p>Samstag, 04.05.2024</p>"
        f"<div class='row'><img src='/crest/{n}a.png' alt=''><span>{home}</span></div><div "
        f"class='row'><span>{n}:1</span><a href='/live/{n}'>Liveticker</a></div><div "
        f"class='row'><img src='/crest/{n}b.png' alt=''><span>{away}</span></div></section>"
        for n, (league, home, away) in enumerate(
            [("DFB-Pokal der Frauen, Finale", "VfL Wolfsburg", "FC Bayern München"),
             ("Bundesliga, 32. Spieltag", "Bayer 04 Leverkusen", "Eintracht Frankfurt"),
             ("2. Bundesliga, 32. Spieltag", "Hamburger SV", "Hansa Rostock")]
        )
    )  # fmt: skip
    page = page_of(
        f"<main>{leagues}</main>", "Liveticker: Alle Spiele", "de", "2024-05-04T06:00:00Z"
    )
    assert (
        extract_page(page, "https://www.kicker.de/live", fetched_at="2024-05-04T12:00:00Z").updates
        == []
    )


def test_a_schedule_whose_times_run_past_the_fetch_is_a_programme() -> None:
    """A channel's "en directo" page lists the day's programmes, each with its `<time
    datetime>` and a description: their times rise down the page and run on past the
    fetch. A programme of what is to come, not posts."""
    shows = "".join(
        f"<tr class='show'><td><time datetime='2024-05-01T{h:02d}:00:00Z'>{h + 2}:00</time></td>"
        f"<td><p class='title'>Programa {h}</p><p>Informativo con la actualidad nacional e "
        "internacional de la jornada.</p></td></tr>"
        for h in (7, 9, 11, 14, 19, 20)
    )
    page = page_of(f"<table>{shows}</table>", "La 1 en directo", "es", "2024-05-01T05:00:00Z")
    url = "https://www.rtve.es/play/videos/directo/canales-lineales/la-1/"
    assert extract_page(page, url, fetched_at="2024-05-01T13:10:00Z").updates == []


def test_a_schedule_of_bare_clocks_under_its_days_heading_is_a_programme() -> None:
    """A channel's "in diretta" guide: a heading names the day, and each programme opens
    with a bare clock, rising down the page past the fetch. The clocks under the heading are
    on its day, those later than the fetch still to come (not yesterday's): a programme."""
    shows = "".join(
        f"<h3>{h:02d}:{m:02d} Programma {h}</h3><p>Informazione e attualità della giornata, "
        f"con ospiti in studio e collegamenti.</p>"
        for h, m in ((6, 0), (8, 30), (11, 0), (13, 30), (17, 0), (20, 30), (21, 15), (23, 0))
    )
    main = f"<h2>domenica, 19 maggio 2024</h2>{shows}"
    page = page_of(main, "Rai 1 in diretta: la programmazione di oggi", "it")
    url = "https://www.example.it/radio/rai-1-in-diretta-la-programmazione-di-oggi"
    assert extract_page(page, url, fetched_at="2024-05-19T16:30:00Z").updates == []


def test_a_schedule_on_an_undated_page_that_runs_past_the_fetch_is_a_programme() -> None:
    """A radio's "Ζωντανά" page: today's programme, each show opening with a bare clock, rising
    past the fetch by hours, on a page that names no date. Placed, the later shows would step
    back to yesterday; they are still to come: a programme, no stream."""
    shows = "".join(
        f"<div class='show'><span class='time'>{h:02d}:00</span><h3>Εκπομπή {h}</h3><p>Ειδήσεις "
        "και συνεντεύξεις με τους πρωταγωνιστές της ημέρας.</p></div>"
        for h in (6, 9, 12, 14, 18, 21)
    )
    page = (
        "<html lang='el'><head><title>Ζωντανά: Πρώτο Πρόγραμμα της ΕΡΤ</title></head><body>"
        f"<main><div class='schedule'>{shows}</div></main></body></html>"
    ).encode()
    url = "https://www.ertecho.gr/radio/proto/zontana/"
    assert extract_page(page, url, fetched_at="2024-12-05T09:30:00Z").updates == []


# A channel's guide for the evening: the row on air at the fetch (19:30 in London, 20:30 in
# Berlin) is marked, the rows after it still to come, the last hours on (a ticker's zone guessed wrong may
# run as far ahead: no hours past the fetch tell them apart).
_EVENING = ((17, 0), (17, 15), (18, 0), (19, 0), (20, 30), (21, 0), (21, 30), (22, 45), (23, 45))


def _guide_rows(mark: str, at: tuple[int, int], shape: str) -> str:
    rows = []
    for h, m in _EVENING:
        badge = f"<span class='badge'>{mark}</span>" if (h, m) == at else ""
        show = f"Programme at {h} {m}: news, music and talk from across the country tonight."
        if shape == "table":
            rows.append(
                f"<tr><td class='time'>{h:02d}:{m:02d}</td><td><strong>Show {h}{m}</strong>"
                f"{badge}<br>{show}</td><td>AD</td></tr>"
            )
        else:
            rows.append(
                f"<div class='slot'><div class='slot-time'>{h:02d}:{m:02d}</div><div class="
                f"'slot-info'>{badge}<b>Show {h}{m}</b><div>{show}</div></div></div>"
            )
    if shape == "table":
        return f"<table class='schedule'><tbody>{''.join(rows)}</tbody></table>"
    return f"<div class='schedule'>{''.join(rows)}</div>"


@pytest.mark.parametrize(
    ("mark", "shape", "lang", "at", "url"),
    [("On now", "table", "en", (19, 0), "https://www.example.co.uk/radio/radio-4-live"),
     ("Now playing", "cards", "en", (19, 0), "https://www.example.co.uk/radio/radio-4-live"),
     ("Jetzt läuft", "table", "de", (20, 30), "https://www.example.de/radio/radio-eins-live"),
     ("Ora in onda", "cards", "it", (20, 30), "https://www.example.it/radio/radio-24-live"),
     ("Ahora", "table", "es", (20, 30), "https://www.example.es/radio/radio-3-en-directo")],
)  # fmt: skip
def test_a_schedule_that_marks_the_row_on_air_is_a_programme(
    mark: str, shape: str, lang: str, at: tuple[int, int], url: str
) -> None:
    """A radio's "live" page under today's date: the day's programmes in rows of bare clocks,
    one marked as on air now ("On now", "Jetzt läuft", "Ora in onda"), its clock the last
    before the fetch and the next row's after it. The page says where now falls among its
    rows, in the zone its clocks were read in: the rows below are to come, a programme, however
    few hours they run past the fetch."""
    main = (
        "<h1>Radio 4 – live: today's schedule</h1><div class='day-tabs'><a href='?day=0'>Sunday"
        f"</a> <a href='?day=1'>Monday</a></div><h2>Sunday, 19 May 2024</h2>"
        f"{_guide_rows(mark, at, shape)}"
    )
    offset = "+01:00" if lang == "en" else "+02:00"
    page = page_of(main, "Radio 4 – live: today's schedule", lang, f"2024-05-19T05:00:00{offset}")
    assert extract_page(page, url, fetched_at="2024-05-19T18:30:00Z").updates == []


@pytest.mark.parametrize(
    ("at", "fetched", "count"),
    [
        # The row marked is no longer on air at the fetch, two rows later: the page and the
        # zone disagree on where now is, and the mark tells nothing.
        ((19, 0), "2024-05-19T20:00:00Z", 9),
        # The last row marked, nothing after it: a ticker's newest post, flagged.
        ((23, 45), "2024-05-19T22:50:00Z", 9),
    ],
)
def test_a_mark_on_air_that_the_clocks_do_not_bear_out_makes_no_programme(
    at: tuple[int, int], fetched: str, count: int
) -> None:
    """A ticker read oldest first whose clocks run up to the fetch or a little past it (a zone
    guessed wrong), one of its posts carrying a radio clip's "On now" badge: no row on air
    with rows to come after it, so still a ticker."""
    main = f"<h2>Sunday, 19 May 2024</h2>{_guide_rows('On now', at, 'table')}"
    page = page_of(main, "Election night live: results", "en", "2024-05-19T16:00:00+01:00")
    url = "https://www.example.co.uk/news/live/election"
    assert len(extract_page(page, url, fetched_at=fetched).updates) == count


def test_a_blog_whose_coming_up_box_marks_what_is_on_now_keeps_its_posts() -> None:
    """A live blog, newest first, titled "Live: schedule changes as strike hits trains", with a
    "Coming up" box of the day's statements beside its posts, the one under way marked "On
    now": the box is no stream, and the blog's posts are read as ever."""
    posts = "".join(
        f"<article class='post'><time>{h:02d}:{m:02d}</time><h3>Update {h}{m}</h3><p>Trains "
        "on the line are cancelled until further notice, the operator said in a statement.</p>"
        "</article>"
        for h, m in ((19, 20), (18, 55), (18, 30), (17, 45), (17, 10), (16, 30))
    )
    coming = "".join(
        f"<li><span>{h:02d}:{m:02d}</span>{badge} Statement by the minister</li>"
        for (h, m), badge in (((19, 0), "<b>On now</b>"), ((20, 0), ""), ((21, 0), ""))
    )
    main = (
        f"<h1>Live: schedule changes as strike hits trains</h1><div class='stream'>{posts}"
        f"</div><aside><h2>Coming up</h2><ul>{coming}</ul></aside>"
    )
    title = "Live: schedule changes as strike hits trains"
    page = page_of(main, title, "en", "2024-05-19T08:00:00+01:00")
    url = "https://www.example.co.uk/news/live/rail-strike"
    read = extract_page(page, url, fetched_at="2024-05-19T18:30:00Z").updates
    assert [u.headline for u in read] == [f"Update {h}{m}" for h, m in (
        (19, 20), (18, 55), (18, 30), (17, 45), (17, 10), (16, 30))]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "lang", "url", "last"),
    [
        ("Rai 1 in diretta: la programmazione di oggi", "it",
         "https://www.example.it/tv/rai-1-in-diretta-la-programmazione-di-oggi", (22, 0)),
        ("Radio Eins live hören | Sendeplan", "de",
         "https://www.example.de/radio/radio-eins-live-hoeren-sendeplan", (20, 0)),
        ("Polsat na żywo – program TV dziś", "pl",
         "https://www.example.pl/tv/polsat-na-zywo-program-tv-dzis", (23, 30)),
    ],
)  # fmt: skip
def test_a_page_titled_as_a_schedule_whose_clocks_rise_is_a_programme(
    title: str, lang: str, url: str, last: tuple[int, int]
) -> None:
    """A channel's page whose title names its schedule as the page's subject ("la
    programmazione di oggi", "Sendeplan", "program TV dziś"), its live words the channel's
    stream: the day's programmes in rows of bare clocks rising under today's date, no row
    marked on air, fetched at 20:30, the last row hours past it or already begun. A programme
    however its clocks fall about the fetch."""
    clocks = [(6, 0), (9, 30), (12, 0), (14, 0), (16, 30), (18, 0), (19, 15), last]
    rows = "".join(
        f"<dt>{h:02d}:{m:02d}</dt><dd><b>Sendung {h}</b> Nachrichten, Musik und Gespräche aus "
        "der Region mit Gästen im Studio.</dd>"
        for h, m in clocks
    )
    main = f"<h1>{title}</h1><h2>19.05.2024</h2><dl>{rows}</dl>"
    page = page_of(main, title, lang, "2024-05-19T05:00:00+02:00")
    assert extract_page(page, url, fetched_at="2024-05-19T18:30:00Z").updates == []


@pytest.mark.parametrize(
    "title",
    ["Live: schedule changes as strike hits trains", "Rail strike live: timetable chaos",
     "Schedule live: what the strike means for your journey"],
)  # fmt: skip
def test_a_ticker_whose_title_speaks_of_a_schedule_keeps_its_posts(title: str) -> None:
    """A ticker read oldest first, its bare clocks rising up to the fetch, whose title speaks
    of a schedule without naming one as its subject: a live blog, its posts read."""
    clocks = [(6, 0), (9, 30), (12, 0), (14, 0), (16, 30), (18, 0), (19, 15), (19, 25)]
    rows = "".join(
        f"<div class='entry'><span class='time'>{h:02d}:{m:02d}</span><p>Trains on the line are "
        f"cancelled until further notice, the operator said at {h}.</p></div>"
        for h, m in clocks
    )
    page = page_of(f"<div class='ticker'>{rows}</div>", title, "en", "2024-05-19T05:30:00+01:00")
    url = "https://www.example.co.uk/news/live/rail-strike"
    assert len(extract_page(page, url, fetched_at="2024-05-19T18:30:00Z").updates) == 8


@pytest.mark.parametrize(
    ("clocks", "count"),
    [
        # Departures in the next hour, each clock naming its zone: still to come.
        (["16.50 WIB", "17.05 WIB", "17.18 WIB", "17.29 WIB", "17.41 WIB"], 0),
        # The same clocks up to the fetch: a ticker read oldest first.
        (["15.50 WIB", "16.05 WIB", "16.18 WIB", "16.29 WIB", "16.41 WIB"], 5),
        # Clocks that name no zone, minutes ahead: a zone guessed wrong, maybe; not to come.
        (["16.50", "17.05", "17.18", "17.29", "17.41"], 5),
    ],
)
def test_a_timetable_whose_clocks_name_their_zone_is_to_come_within_the_hour(
    clocks: list[str], count: int
) -> None:
    """A "Live Update" of a station's departures, fetched at 16.45 in Jakarta: each clock
    names Jakarta's zone, so one a quarter of an hour past the fetch is still to come, where a
    zone guessed from the language alone may be hours off."""
    rows = "".join(
        f"<div class='kereta'><span class='jam'>{c}</span><h3>KRL tujuan Bogor nomor {n}</h3>"
        "<p>Kereta berangkat dari peron tiga dengan delapan rangkaian gerbong.</p></div>"
        for n, c in enumerate(clocks)
    )
    page = (
        "<html lang='id'><head><title>Live Update: Jadwal KRL Manggarai</title></head><body>"
        f"<main><div class='jadwal'>{rows}</div></main></body></html>"
    ).encode()
    url = "https://www.krl.example.co.id/live-update/jadwal-manggarai"
    assert len(extract_page(page, url, fetched_at="2024-05-14T09:45:00Z").updates) == count


@pytest.mark.parametrize(
    ("clocks", "lang", "fetched"),
    [
        # Read oldest first and fetched just after midnight: 23:55 was yesterday's.
        (["18:00", "19:20", "20:45", "21:30", "22:40", "23:55"], "en-GB", "2024-07-05T23:20:00Z"),
        # A cricket ticker in India's time, its zone guessed as London's: hours ahead at most.
        (["09:30", "10:45", "12:10", "13:20", "14:05", "15:20"], "en-GB", "2024-12-07T10:00:00Z"),
    ],
)
def test_a_ticker_read_oldest_first_that_seems_ahead_of_the_fetch_is_no_programme(
    clocks: list[str], lang: str, fetched: str
) -> None:
    posts = "".join(
        f"<div class='entry'><span class='time'>{c}</span><h3>Result number {n}</h3><p>What "
        "the count in this ward says, in a sentence of words.</p></div>"
        for n, c in enumerate(clocks)
    )
    page = (
        f"<html lang='{lang}'><head><title>Election night live: results</title></head><body>"
        f"<main><div class='ticker'>{posts}</div></main></body></html>"
    ).encode()
    url = "https://www.example.co.uk/news/live/election"
    assert len(extract_page(page, url, fetched_at=fetched).updates) == len(clocks)


def _listed_slots(row: str, slots: Iterable[tuple[str, str, str]]) -> str:
    """A guide's rows in the boxes `row` opens ("li class='schedule-row'"), each its start in
    a `<time>`, a title and a line about it."""
    tag = row.split()[0]
    return "".join(
        f"<{row}><time>{at}</time><h3>{title}</h3><p>{words}</p></{tag}>"
        for at, title, words in slots
    )


# A channel's programme for the day, a Polish news channel's: each show's clock, title and
# description, the last show a few hours after the fetch (14:00 in Warsaw).
_SHOWS = (
    ("08:00", "Poranek", "Magazyn poranny z gośćmi w studiu i rozmowami o polityce."),
    ("10:00", "Serwis informacyjny", "Najważniejsze wiadomości z kraju i ze świata w skrócie."),
    ("11:30", "Rozmowa dnia", "Gość w studiu odpowiada na pytania dziennikarzy i widzów."),
    ("13:00", "Popołudnie", "Relacje reporterów z całego kraju i komentarze ekspertów."),
    ("15:30", "Fakty po południu", "Przegląd wydarzeń dnia z komentarzem naszej redakcji."),
    ("17:00", "Magazyn sportowy", "Wyniki, skróty meczów i rozmowy z zawodnikami po treningu."),
    ("18:00", "Wieczór z gościem", "Politycy spierają się w studiu o sprawy, którymi żyje kraj."),
)


@pytest.mark.parametrize(
    ("row", "time"),
    [("epg-item", "epg-item__time"), ("program-item", "hour"), ("schedule-row", "time"),
     ("tv-listing", "start"), ("programmpunkt", "uhrzeit"), ("agenda-item", "time"),
     ("guide-row", "guide-row__start"), ("guide__item", "guide__time")],
)  # fmt: skip
def test_a_channels_rows_its_markup_names_a_programme_are_no_posts(row: str, time: str) -> None:
    """A channel's "na żywo" page: its player and the day's programme, a row a show, whose
    box its markup names a programme's or a guide's (`li.epg-item`, `li.program-item`,
    `div.schedule-row`, `div.guide-row`), each opening with a bare clock that rises down the page, the last four hours after the
    fetch, on a page whose own time is the day before (when the channel's page went up). Rows
    named so, their clocks rising, are a programme's, whatever day the clocks fall on, and so
    are an event's (`li.programmpunkt`, `div.agenda-item`); the same rows in boxes named as a
    blog's posts stay posts."""
    rows = "".join(
        f"<li class='{row}'><span class='{time}'>{at}</span><div><h3>{show}</h3><p>{words}</p>"
        "</div></li>"
        for at, show, words in _SHOWS
    )
    main = f"<h1>Kanał Informacyjny na żywo</h1><div class='player'></div><ul>{rows}</ul>"
    page = page_of(main, "Kanał Informacyjny na żywo", "pl", "2024-04-30T09:12:00+02:00")
    url = "https://tv.example.pl/na-zywo/kanal-informacyjny"
    assert extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates == []
    posts = page.replace(f"class='{row}'".encode(), b"class='lb-post'")
    assert len(extract_page(posts, url, fetched_at="2024-05-01T12:00:00Z").updates) == 7


# An airport's arrivals, a Polish one's: each flight's clock, its number, where it comes from
# and its state, at odd minutes, some landed and some to come within the hour (14:00 in Warsaw).
_FLIGHTS = (
    ("13:12", "LO 282", "Londyn Heathrow. Wylądował, bagaż na taśmie numer trzy w hali."),
    ("13:38", "FR 1902", "Dublin. Wylądował z opóźnieniem z powodu złej pogody w Irlandii."),
    ("13:51", "LH 1346", "Frankfurt. Wylądował, pasażerowie wychodzą przez wyjście numer dwa."),
    (
        "14:07",
        "W6 1652",
        "Rzym Ciampino. Opóźniony o czterdzieści minut z powodu burzy we Włoszech.",
    ),
    ("14:26", "LO 334", "Paryż. Planowo, samolot jest w powietrzu i ląduje zgodnie z rozkładem."),
    ("14:49", "SK 757", "Kopenhaga. Odwołany, pasażerowie proszeni są o kontakt z przewoźnikiem."),
)


@pytest.mark.parametrize(
    "row",
    ["div class='flight'", "li class='departure'", "li class='arrival-row'",
     "div class='timetable-row'", "li class='przylot'", "div class='abfahrt'",
     "li class='vuelo-item'", "div class='board__row flight'", "li class='odlet'",
     "li class='prilet'", "li class='avgang'", "li class='afgang'", "li class='ankomst'",
     "div class='departure-board__row'", "li class='flight-list__item'",
     "div class='arrivals-table__row'", "li class='train-row'"],
)  # fmt: skip
def test_a_boards_rows_its_markup_names_flights_or_departures_are_no_posts(row: str) -> None:
    """An airport's arrivals or a station's departures under a title that says live ("tablica
    na żywo"), each row a bare clock at an odd minute, a flight's number and its state: rows
    whose boxes the markup names a board's (`div.flight`, `li.departure`, `div.timetable-row`,
    `li.przylot`), their clocks rising, are a timetable's, whatever day and minute they fall
    on; the same rows in boxes named as a blog's posts stay posts."""
    tag = row.split()[0]
    rows = "".join(
        f"<{row}><span class='time'>{at}</span><h3>{flight}</h3><p>{words}</p></{tag}>"
        for at, flight, words in _FLIGHTS
    )
    main = f"<h1>Przyloty</h1><div class='board'>{rows}</div>"
    page = page_of(main, "Przyloty – tablica na żywo", "pl", "2024-05-01T05:00:00+02:00")
    url = "https://www.lotnisko.example.pl/przyloty"
    assert extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates == []
    posts = page.replace(row.split(maxsplit=1)[1].encode(), b"class='lb-post'")
    assert len(extract_page(posts, url, fetched_at="2024-05-01T12:00:00Z").updates) == 6


# An airport strike's blog read oldest first, each post a bare clock at an odd minute, a title
# and a sentence that may quote a flight's time.
_STRIKE = (
    ("07:04", "Union confirms walkout", "The union says ground staff walk out from noon and the airport expects queues."),
    ("08:17", "First flights cancelled", "Flight BA 482 due at 09:40 is cancelled, the operator says in a statement."),
    ("09:31", "Passengers wait in the hall", "Hundreds of passengers are sitting on the floor of the hall waiting for news."),
    ("10:46", "Talks to resume", "The ministry says the two sides will meet again at three and hopes for a deal."),
    ("11:29", "Trains added to the coast", "The rail operator adds four trains to carry passengers whose flights were cancelled."),
)  # fmt: skip


@pytest.mark.parametrize(
    ("row", "around"),
    [("div class='post live-post flight'", "feed"), ("div class='entry entry-flight'", "feed"),
     ("article class='post type-post category-flights'", "feed"),
     ("div class='update update--flights'", "feed"), ("div class='live-entry arrivals-entry'", "feed"),
     ("div class='card category-departures'", "feed"), ("div class='ticker-eintrag abfahrt'", "ticker"),
     ("div class='ticker__item ticker__item--abfahrt'", "ticker")],
)  # fmt: skip
def test_a_blogs_posts_that_carry_a_boards_word_as_their_topic_stay_posts(
    row: str, around: str
) -> None:
    """A blog of an airport's or a ferry's strike read oldest first, whose posts' boxes name
    themselves posts (`div.post.flight`, `div.update--flights`) or sit in a blog's or a
    ticker's box (`div.ticker` > `div.abfahrt`), or carry the board's word as a topic's
    (`category-flights`, a modifier's `--flights`): posts, not a board's rows."""
    tag = row.split()[0]
    rows = "".join(
        f"<{row}><span class='time'>{at}</span><h3>{title}</h3><p>{words}</p></{tag}>"
        for at, title, words in _STRIKE
    )
    main = f"<h1>Airport strike</h1><div class='{around}'>{rows}</div>"
    page = page_of(
        main, "Airport strike live: flights cancelled", "en", "2024-05-01T06:00:00+01:00"
    )
    url = "https://news.example.com/live/airport-strike"
    assert len(extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates) == 5


@pytest.mark.parametrize("row", ["li class='epg-item'", "li class='programme-item'"])
@pytest.mark.parametrize("address", ["/live/", "/na-zywo/", "/ticker/"])
def test_a_regional_channels_guide_at_odd_minutes_its_shows_to_come_is_no_stream(
    row: str, address: str
) -> None:
    """A regional channel's guide beside its player, its rows named a programme's
    (`li.epg-item`), each a start, a show's title and a line about it, the starts at odd
    minutes after the national network's slots (06:03, 08:47, 19:47). Fetched at six in the
    evening, its last shows are still to come: a blog never posts ahead of the fetch,
    so its rows are a programme's, however their minutes fall."""
    shows = (
        ("06:03", "Morning news", "The latest headlines from the region with the weather."),
        ("08:47", "Farm report", "A look at the week's prices at the cattle market in town."),
        ("10:12", "Regional magazine", "Stories from towns and villages across the county."),
        ("12:58", "Lunchtime news", "The midday bulletin with the news from across the region."),
        ("15:41", "Quiz show", "Contestants from across the region answer the questions."),
        ("17:19", "Evening news", "The evening bulletin with the day's news and the sport."),
        ("19:47", "Documentary", "A film about the history of the old mill and its workers."),
        ("22:36", "Late news", "The day's news again with a look at tomorrow's papers too."),
    )
    rows = _listed_slots(row, shows)
    main = f"<h1>Watch live</h1><ul class='guide'>{rows}</ul>"
    page = page_of(main, "Watch live", "en", "2024-05-01T05:00:00+01:00")
    url = f"https://www.example-regional.tv{address}channel-one"
    assert extract_page(page, url, fetched_at="2024-05-01T17:00:00Z").updates == []


@pytest.mark.parametrize("row", ["li class='schedule-row'", "div class='epg-item'"])
@pytest.mark.parametrize("address", ["/na-zywo/", "/live/"])
def test_a_schedules_rows_at_odd_minutes_all_past_are_a_programme(row: str, address: str) -> None:
    """A radio station's schedule beside its player, or a line's departures, its rows named
    a schedule's or a guide's (`li.schedule-row`, `div.epg-item`), at odd minutes (06:07,
    07:23, 08:41), fetched late at night when all have started: the markup names a guide,
    not a programme a broadcaster's blog is filed under, so its rows are a programme's."""
    slots = (
        ("06:07", "Poranek", "Wiadomości z regionu, pogoda i informacje o ruchu na drogach."),
        ("07:23", "Rozmowa dnia", "Gość studia odpowiada na pytania słuchaczy o sprawy miasta."),
        ("08:41", "Muzyka", "Najnowsze piosenki i przeboje sprzed lat wybrane przez słuchaczy."),
        ("09:52", "Magazyn", "Reportaże z miast i wsi w całym regionie opowiedziane przez ludzi."),
        ("11:14", "Serwis", "Najważniejsze wiadomości z kraju i ze świata oraz prognoza pogody."),
        ("12:33", "Koncert", "Nagranie koncertu orkiestry z filharmonii w stolicy regionu."),
    )
    rows = _listed_slots(row, slots)
    main = f"<h1>Słuchaj na żywo</h1><div class='guide'>{rows}</div>"
    page = page_of(main, "Słuchaj na żywo", "pl", "2024-05-01T05:00:00+02:00")
    url = f"https://www.example-radio.pl{address}program-pierwszy"
    assert extract_page(page, url, fetched_at="2024-05-01T21:00:00Z").updates == []


@pytest.mark.parametrize(
    "row", ["sendung-entry", "sendung__entry", "programme-item", "agenda-item"]
)
def test_a_broadcasters_blog_of_its_show_in_boxes_named_for_the_programme_keeps_its_posts(
    row: str,
) -> None:
    """A broadcaster's own live blog of its show (a song contest's final), read oldest first,
    whose CMS names each post's box after the programme (`div.sendung-entry`, a BEM
    `div.sendung__entry`, `div.programme-item`), or a council meeting's blog whose posts are
    its agenda's items: each a bare clock, a title and a line, the clocks rising at whatever
    minute a thing happened. A channel's guide or an event's programme starts its rows on the
    hour's fives (08:00, 10:30, 13:15); a blog's clocks fall where the news does."""
    said = (
        ("20:03", "Die Show beginnt", "Die Moderatorin begrüßt das Publikum in der Halle."),
        ("20:11", "Erster Auftritt", "Der erste Beitrag beginnt mit einer großen Lichtshow."),
        ("20:26", "Applaus für Schweden", "Das Publikum feiert den Beitrag mit langem Applaus."),
        ("20:48", "Deutschland tritt auf", "Die deutsche Sängerin wirkt vor dem Auftritt ruhig."),
        ("21:17", "Pause in der Halle", "Der Sender zeigt einen Film über den Wettbewerb."),
        ("21:39", "Die Abstimmung läuft", "Die Zuschauer können eine Viertelstunde anrufen."),
        ("21:52", "Die Jury hat gewertet", "Schweden liegt nach der ersten Runde deutlich vorn."),
    )
    posts = "".join(
        f"<div class='{row}'><span class='time'>{at}</span><h3>{title}</h3><p>{words}</p></div>"
        for at, title, words in said
    )
    main = f"<h1>ESC-Finale im Liveblog</h1><div class='stream'>{posts}</div>"
    page = page_of(main, "ESC-Finale im Liveblog", "de", "2024-05-11T18:00:00+02:00")
    url = "https://www.example-sender.de/liveblog/esc-finale"
    assert len(extract_page(page, url, fetched_at="2024-05-11T20:00:00Z").updates) == 7


@pytest.mark.parametrize(
    ("lang", "rows", "url"),
    [("en", [("11:05", "EX 123", "Madrid", "Landed 10:58, the baggage is on belt three now"),
             ("11:40", "EX 456", "Lisbon", "Landed 11:52, delayed by the weather on the way"),
             ("12:15", "EX 789", "Warsaw", "Expected 12:30, the flight is running a little late"),
             ("13:00", "EX 321", "Rome", "On time, the gate is still to be announced")],
      "https://www.example-airport.co.uk/live/arrivals"),
     ("pl", [("godz. 02:10", "Okręg nr 1", "42,1%", "Komisja zakończyła liczenie głosów jako pierwsza."),
             ("godz. 02:45", "Okręg nr 2", "39,8%", "Frekwencja była wyższa niż przed czterema laty."),
             ("godz. 03:20", "Okręg nr 3", "44,0%", "W mieście głosowało rekordowo wielu młodych ludzi."),
             ("godz. 03:55", "Okręg nr 4", "37,5%", "Liczenie opóźniło się z powodu awarii systemu.")],
      "https://wybory.example.pl/na-zywo/wyniki-okregi")],
)  # fmt: skip
def test_a_data_tables_rows_at_a_live_address_are_no_posts(
    lang: str, rows: list[tuple[str, ...]], url: str
) -> None:
    """An airport's arrivals board, an election's results by district, at a live address: a
    table whose rows each give four cells of words (a time, a flight or a district, a place or
    a figure, a note that may say a sentence). A table's data, not posts; a ticker set in a
    table, its time and its words a cell each, keeps its posts."""
    cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    page = page_of(f"<h1>Live</h1><table>{cells}</table>", "Live", lang, "2024-05-01T06:00:00Z")
    assert extract_page(page, url, fetched_at="2024-05-01T14:00:00Z").updates == []
    ticker = "".join(f"<tr><td>{row[0]}</td><td>{row[-1]}</td></tr>" for row in rows[::-1])
    page = page_of(f"<h1>Live</h1><table>{ticker}</table>", "Live", lang, "2024-05-01T06:00:00Z")
    assert len(extract_page(page, url, fetched_at="2024-05-01T14:00:00Z").updates) == 4


@pytest.mark.parametrize("address", ["/live/", "/liveblog/", "/ticker/", "/direct/"])
def test_a_match_reports_table_of_events_by_minute_is_no_commentary(address: str) -> None:
    """A match report's table of its events, oldest first, each row four cells: the minute
    ("23'"), what happened, who and a note, and no clock of the day: a report's key moments,
    a table's data. A commentary set in a table gives each row its clock beside its minute."""
    events = (
        ("12'", "Yellow card", "Smith (City)", "A late tackle on the halfway line"),
        ("25'", "Goal", "Jones (City)", "A header from close range after a corner"),
        ("39'", "Substitution", "Brown (United)", "Off injured, replaced by Green"),
        ("52'", "Goal", "White (City)", "A strike from distance into the top corner"),
        ("71'", "Red card", "Black (United)", "A second yellow card for dissent"),
    )
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in events)
    main = (
        "<h1>City 2-0 United</h1><p>City beat United in a game that turned on two goals and a "
        f"red card, and they go top of the league.</p><table>{rows}</table>"
    )
    page = page_of(main, "City 2-0 United")
    url = f"https://www.example-sport.com{address}football/city-v-united"
    assert extract_page(page, url, fetched_at="2024-02-10T18:00:00Z").updates == []


def test_a_match_commentary_set_in_a_table_keeps_its_posts() -> None:
    """A match's commentary laid out in a table, newest first, each row four cells: the
    clock, the match minute ("88'"), the score and the line of commentary. The minute makes
    the row a commentary's post, no table's data, however many cells it has."""
    lines = (
        ("11:48", "88'", "2-1", "Full pressure from the visitors, but the home defence holds."),
        ("11:31", "77'", "2-1", "A substitution for the home side as the captain goes off."),
        ("11:05", "64'", "1-1", "Goal! A header from the corner levels the game once more."),
        ("10:42", "51'", "1-1", "The second half is under way after a delay to check the pitch."),
        ("10:20", "40'", "1-0", "Goal! The striker curls the ball in from twenty yards out."),
    )
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in lines)
    page = page_of(f"<h1>City v United live</h1><table>{rows}</table>", "City v United live")
    url = "https://www.example-sport.com/live/football/city-v-united"
    assert len(extract_page(page, url, fetched_at="2024-02-10T12:00:00Z").updates) == 5


@pytest.mark.parametrize(
    "stamps",
    [
        ("FT", "88'", "67'", "HT", "45+1'", "12'", "KO", "Pre-match"),
        ("Abpfiff", "88'", "67'", "Halbzeit", "45+1'", "12'", "Anstoß", "Vor dem Spiel"),
        ("Fin du match", "88'", "67'", "Mi-temps", "45+1'", "12'", "Coup d'envoi", "Avant-match"),
        ("Final", "88'", "67'", "Descanso", "45+1'", "12'", "Inicio", "Previa"),
        ("Fischio finale", "88'", "67'", "Intervallo", "45+1'", "12'", "Inizio", "Pre-partita"),
        ("Einde", "88'", "67'", "Rust", "45+1'", "12'", "Aftrap", "Voorbeschouwing"),
        ("Koniec", "88'", "67'", "Przerwa", "45+1'", "12'", "Początek", "Przed meczem"),
        ("Pens", "120+2'", "105+1'", "ET", "90+4'", "12'", "KO", "Pre-match"),
        ("Penalty shoot-out", "118'", "105'", "Shootout", "90+4'", "12'", "KO", "Pre-match"),
    ],
)
def test_a_match_phase_in_the_minutes_box_is_the_posts_mark(stamps: tuple[str, ...]) -> None:
    """A commentary's post stamped with the match's phase in words where the others show their
    minute ("HT", "Halbzeit", "Mi-temps") is a post of its own, the word its mark, neither its
    title nor its words; the page orders it."""
    said = (
        "That is the end of it, and the home side take all three points.",
        "A late chance for the visitors, but the header goes over the bar.",
        "Goal! A low drive from the edge of the area finds the far corner.",
        "The players go in at the break with the home side a goal ahead.",
        "One minute of added time is shown by the fourth official here.",
        "Goal! The home side lead early on after a quick break down the left.",
        "We are under way, and the visitors get the game started.",
        "The teams are out in the tunnel, and the anthems are next.",
    )
    posts = "".join(
        f'<li class="event" id="p{i}"><span class="event-minute">{at}</span>'
        f'<div class="event-body"><p>{words}</p></div></li>'
        for i, (at, words) in enumerate(zip(stamps, said, strict=True))
    )
    results = "".join(
        f'<li class="fixture"><a href="/m/{i}">Side {i} {i}-1 Team {i}</a> <span>{stamps[0]}</span></li>'
        for i in range(4)
    )
    page = page_of(
        f'<h1>Derby live</h1><ol class="events">{posts}</ol>'
        f'<aside class="other-matches"><h2>Other matches</h2><ul>{results}</ul></aside>',
        "Derby live",
    )
    url = "https://www.example-sport.com/football/live/derby"
    updates = extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [(u.headline, u.body_text) for u in updates] == [(None, w) for w in said]


@pytest.mark.parametrize(
    ("stamps", "lang"),
    [
        (("FT:", "83 mins:", "67 mins:", "HT:", "31 mins:", "8 mins:"), "en"),
        (("Abpfiff:", "83. Min.:", "67. Min.:", "Halbzeit –", "31. Min.:", "8. Min.:"), "de"),
    ],
)
@pytest.mark.parametrize(
    "line",
    ['<div class="live-post"><p><strong>{at}</strong> {words}</p></div>', "<p>{at} {words}</p>"],
)
def test_a_match_phase_that_opens_a_line_where_minutes_open_the_others_is_the_posts_mark(
    stamps: tuple[str, ...], lang: str, line: str
) -> None:
    """A commentary whose posts' lines open with their minute ("<strong>67 mins:</strong> Son
    doubles the lead", or in the line's own words) and one with the match's phase and a colon
    or a dash there ("HT: Spurs 1-0 Villa") is cut at the phase too: a post of its own, the
    word neither its title nor its words, and no part of the post above it."""
    said = (
        "Spurs 2-1 Villa, and three points for the home side.",
        "Villa pull one back through Watkins from close range.",
        "Son doubles the lead with a low finish into the corner.",
        "Spurs 1-0 Villa, a goal in it at the break.",
        "Maddison curls in a free-kick for the opener.",
        "A bright start from Villa, and Vicario saves well.",
    )
    updates = _spurs_villa(line, stamps, said, lang)
    assert [(u.headline, u.body_text) for u in updates] == [(None, w) for w in said]


def _spurs_villa(
    line: str, stamps: tuple[str, ...], said: tuple[str, ...], lang: str = "en"
) -> list[Update]:
    """The updates of a match commentary in `div.stream`, a `line` a post ("{at}" its stamp,
    "{words}" what it says), read at a sports site's live address."""
    posts = "".join(line.format(at=at, words=words) for at, words in zip(stamps, said, strict=True))
    page = page_of(f'<h1>Spurs v Villa live</h1><div class="stream">{posts}</div>', lang=lang)
    url = "https://www.example-sport.com/football/live/spurs-v-villa"
    return extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates


@pytest.mark.parametrize(
    "line",
    ["<p><strong>{at}</strong> {words}</p>", "<p>{at} {words}</p>"],
)
def test_a_commentarys_phase_line_of_the_score_alone_is_a_post(line: str) -> None:
    """A commentary's line, one of a box's paragraphs, that gives a phase and the score and
    nothing else ("HT: Spurs 1-0 Villa", shorter than an untimed post must be) is a post of
    its own, as the minutes' short lines are: the phase its mark, the score its words."""
    stamps = ("FT:", "83 mins:", "67 mins:", "HT:", "31 mins:", "8 mins:")
    said = (
        "Spurs 2-1 Villa",
        "Villa pull one back through Watkins from close range.",
        "Son doubles the lead with a low finish into the corner.",
        "Spurs 1-0 Villa",
        "Maddison curls in a free-kick for the opener.",
        "A bright start from Villa, and Vicario saves well.",
    )
    updates = _spurs_villa(line, stamps, said)
    assert [(u.headline, u.body_text) for u in updates] == [(None, w) for w in said]


@pytest.mark.parametrize(
    ("stamps", "box"),
    [
        (("Stumps", "19.6", "19.4", "Innings break", "12.3", "4.1", "Toss", "Drinks"), "over"),
        (("Final", "02:11", "08:41", "Halftime", "End of Q1", "14:05", "Pregame", "OT"),
         "game-clock"),
        (("Chequered flag", "Lap 57/57", "Lap 41/57", "Red flag", "Lap 23/57", "Lap 1/57",
          "Lights out", "Formation lap"), "race-lap"),
    ],
)  # fmt: skip
def test_a_games_phase_in_the_box_of_its_marks_is_the_posts_mark(
    stamps: tuple[str, ...], box: str
) -> None:
    """A cricket, American football or race commentary's post stamped with a phase of the
    game ("Stumps", "Halftime", "Chequered flag") where the others show their ball, their
    game's clock or their lap is a post of its own, the words its mark."""
    said = (
        "That is the end of it, and the home side take the honours today.",
        "A late chance for the visitors, but it goes begging once more.",
        "A fine piece of play, and the crowd are on their feet again.",
        "A pause in play here while the officials talk it over.",
        "The pressure tells, and the leaders stretch their advantage.",
        "An early blow for the visitors, who had started so brightly.",
        "We are under way, and the visitors get the game started.",
        "The teams are out, and the anthems are next on the card.",
    )
    posts = "".join(
        f'<li class="play" id="p{i}"><span class="{box}">{at}</span>'
        f'<div class="play-body"><p>{words}</p></div></li>'
        for i, (at, words) in enumerate(zip(stamps, said, strict=True))
    )
    page = page_of(f'<h1>Final day live</h1><ol class="plays">{posts}</ol>', "Final day live")
    url = "https://www.example-sport.com/sport/live/final-day"
    updates = extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [(u.headline, u.body_text) for u in updates] == [(None, w) for w in said]


@pytest.mark.parametrize("label", ["Final", "FT", "Tea", "Finish"])
def test_a_results_table_in_an_untimed_post_keeps_its_words(label: str) -> None:
    """An untimed post of a commentary whose minutes stand in a `<strong>` opening each line
    holds a table of other results, each row's state in a `<strong>` ("Final", "FT"): no
    phase of the match where the minutes stand, but the post's words, kept."""
    said = (
        "That is the end of it, and the home side take all three points.",
        "A late chance for the visitors, but the header goes over the bar.",
        "Goal! A low drive from the edge of the area finds the far corner.",
        "Results elsewhere in the league this afternoon, as they stand.",
        "One minute of added time is shown by the fourth official here.",
        "Goal! The home side lead early on after a quick break down the left.",
    )
    minutes = ("90'", "88'", "67'", "", "45+1'", "12'")
    table = (
        f"<table><tr><td><strong>{label}</strong></td><td>Leeds 2-1 Hull</td></tr>"
        f"<tr><td><strong>{label}</strong></td><td>Stoke 0-0 Derby</td></tr></table>"
    )
    posts = "".join(
        f'<li class="event"><p>{f"<strong>{at}</strong> " if at else ""}{words}</p>'
        f"{'' if at else table}</li>"
        for at, words in zip(minutes, said, strict=True)
    )
    page = page_of(f'<h1>Derby live</h1><ol class="events">{posts}</ol>', "Derby live")
    url = "https://www.example-sport.com/football/live/derby"
    updates = extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [u.body_text for u in updates][3] == (
        f"{said[3]}\n\n{label} Leeds 2-1 Hull\n{label} Stoke 0-0 Derby"
    )


def stamped_plays(
    stamps: tuple[str, ...], said: tuple[str, ...], box: str, title: str, path: str
) -> list[Update]:
    """What extract_page reads from a sports page titled `title` at `path` on
    example-sport.com whose list of plays gives each a stamp in `span.{box}` and its words."""
    posts = "".join(
        f'<li class="play" id="p{i}"><span class="{box}">{at}</span>'
        f'<div class="play-body"><p>{words}</p></div></li>'
        for i, (at, words) in enumerate(zip(stamps, said, strict=True))
    )
    page = page_of(f'<h1>{title}</h1><ol class="plays">{posts}</ol>', title)
    url = f"https://www.example-sport.com/{path}"
    return extract_page(page, url, fetched_at="2024-02-11T23:00:00Z").updates


@pytest.mark.parametrize(
    "stamps",
    [
        ("Set 3, 6-4", "Set 3, 5-4", "Set 3, 3-2", "Set 2, 6-3", "Set 2, 4-3", "Set 1, 2-1"),
        ("Satz 3, 6:4", "Satz 3, 5:4", "Satz 3, 3:2", "Satz 2, 6:3", "Satz 2, 4:3", "Satz 1, 2:1"),
    ],
)
def test_a_tennis_blogs_set_scores_are_its_posts_marks(stamps: tuple[str, ...]) -> None:
    """A tennis blog's posts stamped only with the set and its games in a box of their own
    ("Set 2, 4-3") are a stream, each score the post's mark, neither its title nor its words."""
    said = (
        "Game, set and match! The champion drops to the court in tears.",
        "Break point saved with a big serve down the middle of the court.",
        "A break! A backhand winner down the line, and the crowd erupts.",
        "The second set goes to the challenger; we are all square now.",
        "A love hold, four aces in a row, and the pressure is back on.",
        "An early break in the first set for the defending champion.",
    )
    updates = stamped_plays(stamps, said, "score-stamp", "Final live", "tennis/live/final")
    assert [(u.headline, u.body_text) for u in updates] == [(None, w) for w in said]


@pytest.mark.parametrize(
    ("stamps", "box"),
    [
        (("Lap 57/57", "Lap 52/57", "Lap 45/57", "Lap 38/57", "Lap 31/57"), "stamp"),
        (("Lap 57", "Lap 52", "Lap 45", "Lap 38", "Lap 31"), "stamp"),
        (("L57", "L52", "L45", "L38", "L31"), "lap"),
        (("5 km to go", "12 km to go", "45 km to go", "80 km to go", "120 km to go"), "stamp"),
        (("km 180", "km 152", "km 120", "km 80", "km 45"), "race-distance"),
    ],
)
def test_a_races_lap_or_distance_is_its_posts_mark(stamps: tuple[str, ...], box: str) -> None:
    """A race's lap or distance standing as a post's stamp in a box of its own ("Lap 23/57",
    "Lap 23", "120 km to go", and "L23" or "km 45" in a box whose class says lap or distance)
    is the post's mark, as a match minute is: neither its title nor its words."""
    said = (
        "The leader takes the chequered flag after a faultless drive.",
        "A vibration on the front left for the second car; it stays out.",
        "A pass for fifth into turn one after a long fight down the straight.",
        "Pit stop for the third car, hard tyres fitted in 2.4 seconds.",
        "Fastest lap of the race so far for the leader, a 1:35.9.",
    )
    updates = stamped_plays(stamps, said, box, "Grand Prix live", "f1/live/grand-prix")
    assert [(u.headline, u.body_text) for u in updates] == [(None, w) for w in said]


@pytest.mark.parametrize(
    ("stamps", "box"),
    [
        (("Q4 00:00", "Q4 03:12", "Q3 08:41", "Q3 14:12", "Q2 00:12", "Q1 15:00"), "stamp"),
        (("OT 2:31", "4th Qtr 0:40", "3rd Qtr 8:41", "2nd Qtr 1:05", "1st Qtr 9:12"), "stamp"),
        (("2nd 03:05", "2nd 12:05", "1st 04:40", "1st 11:30", "1st 19:02"), "stamp"),
        (("P3 04:10", "P2 14:22", "P2 19:40", "P1 02:31", "P1 18:05"), "stamp"),
        (("00:00", "03:12", "08:41", "14:12", "00:12", "15:00"), "game-clock"),
    ],
)
def test_a_games_clock_is_no_clock_of_the_day(stamps: tuple[str, ...], box: str) -> None:
    """An American game's clock, the time left in a quarter or a period beside its mark ("Q3
    08:41", "3rd Qtr 8:41", "OT 2:31", a hockey game's "P2 14:22") or alone in a box whose
    class names the game's clock, is a match mark like a minute: no post is given a made-up
    time of day, and each keeps its place and its words without its stamp."""
    said = (
        "Final: the home side win it in overtime after a long drive.",
        "Touchdown for the visitors, a ten-yard pass into the end zone.",
        "Third and seven: the quarterback scrambles for the first down.",
        "Interception at the thirty, and the home side take over.",
        "Field goal from fifty-two yards, right down the middle.",
        "Kickoff in Las Vegas, and the big game is under way.",
    )[: len(stamps)]
    updates = stamped_plays(stamps, said, box, "Big game live", "nfl/live/big-game")
    assert [u.body_text for u in updates] == list(said)
    assert [u.published_at for u in updates] == [None] * len(said)


@pytest.mark.parametrize(
    ("stamp", "box"),
    [
        ("{t} Q3 results", "time"),
        ("{t}", "time-period"),
        ("{t}", "timestamp period"),
        ("{t}", "quarter-hour"),
        ("{t}", "clock"),
    ],
)
def test_a_clock_of_the_day_beside_a_quarters_name_stays_a_clock(stamp: str, box: str) -> None:
    """A business blog's clock with its post's first words ("08:41 Q3 results"), or a clock
    alone in a box whose class names a period or a quarter of something else than a game
    (span.time-period, span.quarter-hour) or a news ticker's clock (span.clock): a clock of
    the day, as before game clocks were read. A game clock is one beside a period's mark
    that ends its stamp ("8:41 Q3") or in a box that names a game's, a quarter's or a
    period's clock."""
    times = ("10:12", "09:55", "09:20", "08:41", "08:05")
    said = (
        "Revenue rose 8 percent to 94.9 billion dollars in the quarter.",
        "The company said services set another record in every region.",
        "Shares rose 3 percent in early trading in Frankfurt after the figures.",
        "Analysts had expected a smaller rise in the gross margin this time.",
        "The chief executive said demand in China was stabilising slowly.",
    )
    posts = "".join(
        f"<article class='post'><p><strong class='{box}'>{stamp.format(t=at)}</strong></p>"
        f"<p>{words}</p></article>"
        for at, words in zip(times, said, strict=True)
    )
    page = page_of(f"<h1>Earnings live</h1>{posts}", "Earnings live")
    url = "https://www.example-news.com/live/earnings"
    updates = extract_page(page, url, fetched_at="2024-02-10T14:00:00Z").updates
    assert [u.published_at for u in updates] == [f"2024-02-10T{at}:00Z" for at in times]
    assert [u.body_text for u in updates] == list(said)


def test_a_game_clock_ending_its_stamp_or_in_a_period_clocks_box_is_a_mark() -> None:
    """ "8:41 Q3" ending its stamp, and "08:41" alone in div.period-clock, are game clocks."""
    said = ("Touchdown for the visitors.", "Field goal, right down the middle.")
    for stamps, box in ((("3:12 Q4", "8:41 Q3"), "stamp"), (("03:12", "08:41"), "period-clock")):
        posts = "".join(
            f'<li class="play"><span class="{box}">{at}</span><p>{words} A fine play.</p></li>'
            for at, words in zip(stamps, said, strict=True)
        )
        page = page_of(f'<h1>Big game live</h1><ol class="plays">{posts}</ol>', "Big game live")
        url = "https://www.example-sport.com/nfl/live/big-game"
        updates = extract_page(page, url, fetched_at="2024-02-11T23:00:00Z").updates
        assert [u.published_at for u in updates] == [None, None], box


@pytest.mark.parametrize(
    ("stamp", "play"),
    [("86'", "GOAL!"), ("80'", "⚽"), ("19.5", "FOUR"), ("19.5", "Dot.")],
)
def test_a_commentarys_play_of_a_word_or_a_sign_is_a_post(stamp: str, play: str) -> None:
    """A commentary's post that a match minute or an over's ball times may say one word or a
    sign beside it ("86' GOAL!", "19.5 FOUR", "80' ⚽"): a play, a post; a minute that says
    nothing beside it is none."""
    said = (
        "The final whistle goes and the home side hold on to win the game.",
        "A substitution for the visitors, a striker comes on for a defender.",
        "A booking for a late tackle in midfield, the first of the game.",
        "Chance! A header flashes just wide of the far post from the corner.",
        "A long-range shot is tipped over the bar by the diving goalkeeper.",
        "Early pressure from the home side, who win two corners in a row.",
    )
    entries = [*said[:2], play, "", *said[2:]]
    ball = "." in stamp  # an over's ball, in a box whose class says so
    stamps = [
        f"{19 - i // 6}.{6 - i % 6}" if ball else f"{90 - 4 * i}'" for i in range(len(entries))
    ]
    box = "over-ball" if ball else "event-time"
    posts = "".join(
        f'<li class="event" id="e{i}"><span class="{box}">{at}</span>'
        f'<div class="event-body"><p>{words}</p></div></li>'
        for i, (at, words) in enumerate(zip(stamps, entries, strict=True))
    )
    page = page_of(f'<h1>Town v City live</h1><ol class="events">{posts}</ol>', "Town v City live")
    url = "https://www.example-sport.com/football/live/town-v-city"
    updates = extract_page(page, url, fetched_at="2024-02-10T18:00:00Z").updates
    assert [u.body_text for u in updates] == [*said[:2], play, *said[2:]]


@pytest.mark.parametrize(
    ("lang", "marks"),
    [("de", (".", ".+3")), ("fr", ("e", "e+3")), ("it", ("°", "°+3"))],
)
def test_a_minute_in_its_box_as_its_language_writes_it_is_the_posts_minute(
    lang: str, marks: tuple[str, str]
) -> None:
    """A match minute in a box whose class says minute, written as the page's language writes
    it, a German "89." or a French "72e" ("90e+3"), is the post's minute, as bare digits there
    are: not the post's words, in a post titled "Goal!" or not."""
    said = (
        "The final whistle goes and the home side hold on to win the game.",
        "A substitution for the visitors, a striker comes on for a defender.",
        "A booking for a late tackle in midfield, the first of the game.",
        "Chance! A header flashes just wide of the far post from the corner.",
        "A long-range shot is tipped over the bar by the diving goalkeeper.",
        "Early pressure from the home side, who win two corners in a row.",
    )
    minutes = ["90" + marks[1]] + [f"{80 - 12 * i}{marks[0]}" for i in range(len(said) - 1)]
    posts = "".join(
        f'<div class="ticker-entry" id="t{i}"><div class="ticker-minute">{at}</div>'
        f'{"<h3>Goal!</h3>" if i % 3 == 1 else ""}<div class="ticker-text"><p>{words}</p></div></div>'
        for i, (at, words) in enumerate(zip(minutes, said, strict=True))
    )
    main = f"<h1>Town v City live</h1><section>{posts}</section>"
    page = page_of(main, "Town v City live", lang)
    url = "https://www.example-sport.com/football/live/town-v-city"
    updates = extract_page(page, url, fetched_at="2024-02-10T18:00:00Z").updates
    assert [u.body_text for u in updates] == list(said)


@pytest.mark.parametrize(
    ("lang", "marks", "box"),
    [
        ("de", (".", ".+3"), "ticker-entry__time"),
        ("fr", ("e", "e+3"), "live-post__time"),
        ("it", ("°", "°+3"), "cronaca-tempo"),
        ("de", (".", ".+3"), "zeit"),
    ],
)
def test_a_minute_as_its_language_writes_it_in_a_time_box_is_the_posts_minute(
    lang: str, marks: tuple[str, str], box: str
) -> None:
    """A match minute as the page's language writes it, a German "89.", a French "72e" or an
    Italian "45°", alone in a box whose class says time (`span.live-post__time`,
    `span.cronaca-tempo`) is the post's minute, as it is in a box whose class says minute."""
    said = (
        "The final whistle goes and the home side hold on to win the game.",
        "A substitution for the visitors, a striker comes on for a defender.",
        "A booking for a late tackle in midfield, the first of the game.",
        "Chance! A header flashes just wide of the far post from the corner.",
        "A long-range shot is tipped over the bar by the diving goalkeeper.",
    )
    minutes = ("90" + marks[1], *(f"{80 - 12 * i}{marks[0]}" for i in range(len(said) - 1)))
    updates = stamped_plays(minutes, said, box, "Town v City live", "football/live/town-v-city")
    assert [(u.headline, u.body_text) for u in updates] == [(None, w) for w in said]


@pytest.mark.parametrize(
    ("lang", "stamp"),
    [
        ("de", '<div class="zeit"><span class="zeit__tag">{day}.</span> '
               '<span class="zeit__monat">Mai</span> <span class="zeit__uhr">{h}.{m} Uhr</span></div>'),
        ("de", '<span class="zeit-datum">{day}.</span><span class="uhrzeit">{h}:{m}</span>'),
        ("fr", '<div class="timeline-stamp"><span class="timeline-stamp__place">{day}e</span></div>'
               '<span class="heure">{h}h{m}</span>'),
    ],
)  # fmt: skip
def test_a_days_or_a_places_number_in_a_time_box_before_a_month_or_a_clock_is_no_minute(
    lang: str, stamp: str
) -> None:
    """A news ticker whose time box splits the day from its month or its clock ("<span
    class='zeit__tag'>14.</span> <span>Mai</span>", "14." then "20:31"), or names a Paris
    arrondissement ("2e") before the clock, is timed by its clock: the "14." or "2e" beside a
    month's name or a clock is a day's or a place's number, not a match's minute."""
    said = (
        "Die Polizei sperrte die Straße am Morgen für mehrere Stunden.",
        "Der Bürgermeister kündigte für den Abend eine Pressekonferenz an.",
        "Nach Angaben der Feuerwehr wurde bei dem Brand niemand verletzt.",
        "Der Verkehr staut sich weiterhin auf der Autobahn in Richtung Norden.",
        "Die Bahn meldet Verspätungen im Regionalverkehr wegen der Sperrung.",
    )
    posts = "".join(
        f'<div class="ticker-entry">{stamp.format(day=14, h=18 - i, m=f"{31 - i:02d}")}'
        f"<h3>Meldung {i}</h3><p>{words}</p></div>"
        for i, words in enumerate(said)
    )
    page = page_of(
        f'<h1>Unwetter live</h1><div class="ticker">{posts}</div>', "Unwetter live", lang
    )
    url = "https://www.example-news.de/region/unwetter-liveticker"
    updates = extract_page(page, url, fetched_at="2024-02-10T20:00:00Z").updates
    assert [(u.headline, u.published_at) for u in updates] == [
        (f"Meldung {i}", f"2024-02-10T{17 - i:02d}:{31 - i:02d}:00Z") for i in range(len(said))
    ]


@pytest.mark.parametrize(
    ("lang", "clocks", "lines"),
    [("en", ("10:30", "12:30", "14:00"),
      ("A service of thanksgiving will be held at the parish church in the village.",
       "Friends are welcome to join the family afterwards at the village hall for tea.",
       "A collection for the school library will be taken at the door of the hall.")),
     ("de", ("10.30 Uhr", "12.30 Uhr", "14.00 Uhr", "15.15 Uhr"),
      ("Die Trauerfeier beginnt in der Kapelle auf dem Friedhof am Waldweg.",
       "Anschließend findet die Beisetzung im engsten Kreis der Familie statt.",
       "Freunde und Nachbarn sind danach zum Kaffee ins Gemeindehaus eingeladen.",
       "Statt Blumen bittet die Familie um eine Spende für die Schulbibliothek."))],
)  # fmt: skip
def test_an_articles_few_lines_of_bare_clocks_in_order_are_no_stream(
    lang: str, clocks: tuple[str, ...], lines: tuple[str, ...]
) -> None:
    """An obituary at a live address, put up this morning, with its funeral's order of the
    day: a few untitled
    lines, each a box with a bare clock (`<time>10:30</time>`, no `datetime`) and a sentence,
    the clocks rising as the day goes. A short timeline, as dated lines in that order are,
    though no day dates them; the same lines newest first are a young ticker's posts, and so
    are they oldest first in a box that names itself a live blog (`div.liveblog`)."""
    rows = "".join(
        f"<div class='service'><time>{c}</time><p>{words}</p></div>"
        for c, words in zip(clocks, lines, strict=True)
    )
    main = (
        "<article><h1>Jane Doe obituary</h1><p>Jane Doe, who has died aged 91, taught at the "
        f"village school for forty years.</p><h2>Funeral</h2><div class='order'>{rows}</div>"
        "</article>"
    )
    page = page_of(main, "Jane Doe obituary", lang, "2024-05-01T08:00:00+00:00")
    url = "https://www.example-post.com/liveblog/obituaries/jane-doe"
    assert extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates == []
    newest = "".join(
        f"<div class='service'><time>{c}</time><p>{words}</p></div>"
        for c, words in reversed(list(zip(clocks, lines, strict=True)))
    )
    ticker = page.replace(rows.encode(), newest.encode())
    assert len(extract_page(ticker, url, fetched_at="2024-05-01T12:00:00Z").updates) == len(lines)
    blog = page.replace(b"<div class='order'>", b"<div class='liveblog'>")
    assert len(extract_page(blog, url, fetched_at="2024-05-01T12:00:00Z").updates) == len(lines)


@pytest.mark.parametrize("box", ["liveblog", "live-ticker"])
def test_a_young_blogs_first_lines_oldest_first_in_a_box_named_a_blog_are_its_posts(
    box: str,
) -> None:
    """A live blog just begun, read oldest first: three untitled one-line posts, each a bare
    clock and a sentence, all before the fetch, in a box that names itself a live blog or a
    ticker. Its lines are the blog's first posts, not an article's short timeline, though
    their clocks, placed on the page's day, rise as a timeline's dates do."""
    said = (
        ("09:05", "Polls have now closed and the count is under way in every district."),
        ("09:31", "Turnout appears to be higher than last time, officials at the count say."),
        ("09:48", "The leader arrived at the count a few minutes ago and spoke to supporters."),
    )
    posts = "".join(
        f"<div class='item'><time>{at}</time><p>{words}</p></div>" for at, words in said
    )
    main = f"<h1>Election count live</h1><div class='{box}'>{posts}</div>"
    page = page_of(main, "Election count live", "en", "2024-05-01T08:00:00+00:00")
    url = "https://www.example-post.com/live/politics/election-count"
    assert len(extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates) == 3


@pytest.mark.parametrize(
    ("box", "lines"),
    [("div class='news-ticker'",
      (("09:12", "Fire crews tackle a blaze at a warehouse on the industrial estate."),
       ("10:47", "Police appeal for witnesses after a crash on the motorway at dawn."),
       ("11:23", "A school closes early after a heating failure leaves classrooms cold."))),
     ("ul class='ticker'",
      (("09:31", "The DAX is up 0.4 per cent as carmakers lead the gains in Frankfurt."),
       ("09:46", "The FTSE 100 is down 0.2 per cent with miners weaker on the data."),
       ("10:02", "Brent crude is up 1.1 per cent at 83 dollars a barrel on supply fears."))),
     ("div class='liveblog-teaser'",
      (("10:05", "The first results are expected within the hour, officials have said."),
       ("10:40", "Turnout appears to be higher than last time across the whole city."),
       ("11:15", "The mayor has arrived at the count and is speaking to supporters.")))],
)  # fmt: skip
@pytest.mark.parametrize("address", ["/news/", "/live/", "/ticker/"])
def test_a_marquee_of_headlines_or_prices_oldest_first_beside_an_article_is_no_blog(
    box: str, lines: tuple[tuple[str, str], ...], address: str
) -> None:
    """An ordinary article, and below it a box every page of the site carries: a marquee of
    the latest headlines (`div.news-ticker`), a stock ticker's prices (`ul.ticker`) or a
    teaser of another live blog's newest lines, each a clock and a line, oldest first. The
    box names a ticker, not a live blog, or names itself a teaser: no young blog's first
    posts, but lines beside the article."""
    tag = box.split()[0]
    item = "li" if tag == "ul" else "div"
    rows = "".join(f"<{item}><time>{at}</time><p>{words}</p></{item}>" for at, words in lines)
    prose = (
        "<p>The council confirmed on Tuesday that the new bridge over the river will open "
        "next spring after two years of delays.</p>"
    )
    main = f"<article><h1>Bridge to open</h1>{prose * 3}</article><{box}>{rows}</{tag}>"
    page = page_of(main, "Bridge to open", "en", "2024-05-01T06:00:00+00:00")
    url = f"https://www.example-post.com{address}town/bridge-to-open"
    assert extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates == []


# A site's bar of its latest headlines, newest first, one line each (documented markup: the
# common `div.news-ticker` / `ul.ticker` / `div.newsticker` marquee bars of news themes).
_HEADLINE_BARS = {
    "en": ("Bridge to open next spring",
           "The council confirmed on Tuesday that the new bridge over the river will open next "
           "spring after two years of delays, and that its cost has risen by a fifth.",
           ("Fire crews tackle a blaze at a warehouse on the industrial estate.",
            "Police appeal for witnesses after a crash on the motorway at dawn.",
            "A school closes early after a heating failure leaves classrooms cold.",
            "Train services are delayed after a signal failure near the main station.",
            "Storm warning issued for the coast as winds of 70mph are expected tonight.")),
    "de": ("Neue Brücke öffnet im Frühjahr",
           "Die Stadt hat am Dienstag bestätigt, dass die neue Brücke über den Fluss nach zwei "
           "Jahren Verzögerung im Frühjahr öffnet und die Kosten um ein Fünftel gestiegen sind.",
           ("Feuerwehr löscht einen Brand in einer Lagerhalle im Gewerbegebiet.",
            "Polizei sucht Zeugen nach einem Unfall auf der Autobahn am frühen Morgen.",
            "Eine Schule schließt früher, weil die Heizung in den Klassen ausgefallen ist.")),
    "pl": ("Nowy most otwarty wiosną",
           "Rada miasta potwierdziła we wtorek, że nowy most na rzece zostanie otwarty wiosną "
           "po dwóch latach opóźnień, a jego koszt wzrósł o jedną piątą od pierwszych planów.",
           ("Strażacy gaszą pożar hali magazynowej w strefie przemysłowej miasta.",
            "Policja szuka świadków wypadku na autostradzie, do którego doszło nad ranem.",
            "Szkoła zamyka się wcześniej, bo w klasach zepsuło się ogrzewanie.",
            "Pociągi są opóźnione po awarii sygnalizacji w pobliżu dworca głównego.")),
    "fr": ("Le nouveau pont ouvrira au printemps",
           "La mairie a confirmé mardi que le nouveau pont sur le fleuve ouvrira au printemps "
           "prochain après deux ans de retard, et que son coût a augmenté d'un cinquième.",
           ("Les pompiers luttent contre un incendie dans un entrepôt de la zone industrielle.",
            "La police lance un appel à témoins après un accident sur l'autoroute à l'aube.",
            "Une école ferme plus tôt après une panne de chauffage dans les classes.")),
}  # fmt: skip


def _headline_bar(box: str, lines: tuple[str, ...]) -> str:
    """A bar of the site's latest headlines, newest first, each a clock and a line."""
    tag, name = box.split(".")
    item = "li" if tag == "ul" else "div"
    rows = "".join(
        f"<{item}><span class='time'>{11 - n:02d}:{50 - 7 * n:02d}</span> {words}</{item}>"
        for n, words in enumerate(lines)
    )
    return f"<{tag} class='{name}'>{rows}</{tag}>"


@pytest.mark.parametrize("lang", sorted(_HEADLINE_BARS))
@pytest.mark.parametrize("box", ["div.news-ticker", "ul.ticker", "div.newsticker"])
@pytest.mark.parametrize("place", ["after", "before", "top bar"])
@pytest.mark.parametrize("address", ["/news/", "/live/", "/ticker/"])
def test_a_bar_of_headlines_newest_first_beside_an_article_is_no_ticker(
    lang: str, box: str, place: str, address: str
) -> None:
    """An ordinary article, and above or below it the bar of the site's latest headlines that
    every page of the site carries (`div.news-ticker`, `ul.ticker`, `div.newsticker`), or a
    top bar outside <main> holding it: lines each a clock and a sentence, newest first, as a
    young ticker's are. The page's running text is the article's, longer than the bar's: the
    bar is no ticker of the page's, whatever its address says."""
    title, prose, said = _HEADLINE_BARS[lang]
    bar = _headline_bar(box, said)
    article = f"<article><h1>{title}</h1>{f'<p>{prose}</p>' * 3}</article>"
    main = {"after": article + bar, "before": bar + article, "top bar": article}[place]
    page = page_of(main, title, lang, "2024-05-01T06:00:00+00:00")
    if place == "top bar":
        page = page.replace(b"<body>", f"<body><div class='top-bar'>{bar}</div>".encode())
    url = f"https://www.example-post.com{address}town/bridge"
    assert extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates == []


@pytest.mark.parametrize("box", ["div.news-ticker", "ul.ticker"])
def test_a_ticker_that_is_the_pages_main_text_stays_a_ticker(box: str) -> None:
    """The same lines in a box named a ticker that is the page's main text (a short standfirst
    above it), or beside a longer article on a page whose title says it is a ticker: a
    ticker's entries, one line each."""
    _, prose, said = _HEADLINE_BARS["en"]
    bar = _headline_bar(box, said)
    url = "https://www.example-post.com/ticker/town/latest"
    standfirst = "<p>The latest from the town, as it comes in.</p>"
    early = "2024-05-01T06:00:00+00:00"
    page = page_of(f"<h1>Town news</h1>{standfirst}{bar}", "Town news", "en", early)
    assert len(extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates) == len(said)
    article = f"<article><h1>Bridge works</h1>{f'<p>{prose}</p>' * 3}</article>"
    ticker = page_of(article + bar, "Bridge works: live ticker", "en", early)
    assert len(extract_page(ticker, url, fetched_at="2024-05-01T12:00:00Z").updates) == len(said)


@pytest.mark.parametrize(
    "heading", ["<h2>Liveticker</h2>", "<h2>Live-Ticker</h2>", "<h3>Live blog</h3>"]
)
@pytest.mark.parametrize("inside", [False, True])
def test_a_ticker_whose_heading_says_live_beside_an_article_stays_a_ticker(
    heading: str, inside: bool
) -> None:
    """A German election page's article, and under it the ticker of the evening's one-line
    entries in `div.ticker`, headed "Liveticker" above or atop its box, on a page whose title
    says nothing live: its own heading vouches for the lines, as a live ticker's class would."""
    title, prose, said = _HEADLINE_BARS["de"]
    bar = _headline_bar("div.ticker", said)
    bar = bar.replace(">", f">{heading}", 1) if inside else heading + bar
    article = f"<article><h1>{title}</h1>{f'<p>{prose}</p>' * 3}</article>"
    page = page_of(article + bar, title, "de", "2024-05-01T06:00:00+00:00")
    url = "https://www.example-post.com/ticker/wahl"
    assert len(extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates) == len(said)


@pytest.mark.parametrize("box", ["div.fil-info", "ul.fil_info", "div.filinfo"])
def test_a_french_fil_info_is_a_ticker_and_beside_an_article_a_bar(box: str) -> None:
    """A French "Le fil info" page, its stream the one-line entries of `div.fil-info` under a
    standfirst, each a clock and a sentence, newest first: the box names a ticker, in French,
    as `div.ticker` does; and the same box beside a longer article is the site's bar of its
    latest headlines, no ticker of the page's."""
    title, prose, said = _HEADLINE_BARS["fr"]
    bar = _headline_bar(box, said)
    standfirst = "<p>Retrouvez toute l'actualité du jour en continu, minute par minute.</p>"
    early = "2024-05-01T06:00:00+00:00"
    page = page_of(f"<h1>Le fil info</h1>{standfirst}{bar}", "Le fil info", "fr", early)
    url = "https://www.example-post.com/fil-info/"
    updates = extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates
    assert [u.body_text for u in updates] == list(said)
    article = f"<article><h1>{title}</h1>{f'<p>{prose}</p>' * 3}</article>"
    beside = page_of(article + bar, title, "fr", early)
    url = "https://www.example-post.com/ville/pont"
    assert extract_page(beside, url, fetched_at="2024-05-01T12:00:00Z").updates == []


@pytest.mark.parametrize("box", ["div.fil-info", "aside.fil-info", "ul.fil_info"])
@pytest.mark.parametrize("paragraphs", [1, 2])
@pytest.mark.parametrize("place", ["after", "before"])
def test_a_fil_info_beside_a_short_article_or_on_a_home_page_is_no_ticker(
    box: str, paragraphs: int, place: str
) -> None:
    """A French sidebar's `div.fil-info` beside an article of a paragraph or two (too short to
    be read as the running text a bar of headlines sits beside), or on a home page among its
    headlines: a site's latest news, no ticker of the page's, where neither the page's title
    nor its address names its fil info."""
    title, prose, said = _HEADLINE_BARS["fr"]
    bar = _headline_bar(box, said)
    article = f"<article><h1>{title}</h1>{f'<p>{prose}</p>' * paragraphs}</article>"
    main = article + bar if place == "after" else bar + article
    page = page_of(main, title, "fr", "2024-05-01T06:00:00+00:00")
    url = "https://www.example-post.com/ville/pont"
    assert extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates == []
    home = page_of(
        f"<h2>À la une</h2><p>Les titres du jour.</p>{bar}", "Accueil - Le Journal", "fr"
    )
    assert (
        extract_page(
            home, "https://www.example-post.com/", fetched_at="2024-05-01T12:00:00Z"
        ).updates
        == []
    )


@pytest.mark.parametrize(
    ("title", "address"),
    [("Bayern v Dortmund: ticker", "/sport/match"), ("Bayern v Dortmund", "/ticker/match")],
)
def test_a_match_ticker_of_short_sentences_keeps_its_entries(title: str, address: str) -> None:
    """A match's ticker timed by clocks, newest first, each entry a short sentence of three or
    four words that ends in a full stop ("Yellow card for Hummels."): a ticker's entries, not
    a table's rows of figures and names, though few of them run to five words."""
    said = ("Kane scores from the spot.", "Yellow card for Hummels.", "Sane hits the post.",
            "Teams are out.")  # fmt: skip
    standfirst = "<p>Bayern host Dortmund tonight with the title race on the line.</p>"
    main = f"<h1>Bayern v Dortmund</h1>{standfirst}{_headline_bar('div.ticker', said)}"
    page = page_of(main, title, "en", "2024-05-01T06:00:00+00:00")
    url = f"https://www.example-post.com{address}"
    updates = extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates
    assert [u.body_text for u in updates] == list(said)


@pytest.mark.parametrize("paragraphs", [1, 2])
def test_a_young_ticker_under_a_standfirst_of_a_paragraph_or_two_stays_a_ticker(
    paragraphs: int,
) -> None:
    """A young ticker's few one-line entries (`div.ticker`) under a standfirst of one or two
    paragraphs that say more than they do, at a ticker's address, its title saying nothing
    live ("Le ultime notizie", "Börse aktuell"): a standfirst is no article beside a bar."""
    _, prose, said = _HEADLINE_BARS["en"]
    bar = _headline_bar("div.ticker", said[:4])
    intro = f"<div class='intro'>{f'<p>{prose}</p>' * paragraphs}</div>"
    page = page_of(
        f"<h1>Town news</h1>{intro}{bar}", "Town news", "en", "2024-05-01T06:00:00+00:00"
    )
    url = "https://www.example-post.com/ticker/town/latest"
    assert len(extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates) == 4


def test_an_articles_short_timeline_at_a_live_address_is_no_stream() -> None:
    """An article published in a live section (`/live/…/what-we-know-so-far/`) with a
    "Timeline" list of a few lines, each opening with its time, in the order things
    happened: the article's list, not a live blog's posts."""
    timeline = "".join(
        f"<li>{h}:05 a.m. – What happened at this hour, told in a line of words.</li>"
        for h in (6, 7, 8, 10)
    )
    main = (
        "<article><h1>Warehouse fire: what we know so far</h1><p>A fire broke out at a port "
        "warehouse early on Wednesday, officials said.</p><h2>Timeline</h2><ul class='c-list'>"
        f"{timeline}</ul><p>Officials will give an update later on Wednesday.</p></article>"
    )
    page = page_of(
        main, "Warehouse fire: what we know so far", published="2024-05-01T08:00:00-04:00"
    )
    url = "https://www.example-gazette.com/live/2024/05/01/what-we-know-so-far/"
    assert extract_page(page, url, fetched_at="2024-05-01T15:00:00Z").updates == []
    # Each line with an anchor of its own is still the article's list.
    anchored = page.decode()
    for h in (6, 7, 8, 10):
        anchored = anchored.replace(f"<li>{h}:05", f"<li id='event-{h}'>{h}:05", 1)
    assert "id='event-6'" in anchored
    assert extract_page(anchored.encode(), url, fetched_at="2024-05-01T15:00:00Z").updates == []


def test_a_short_blog_oldest_first_whose_posts_each_have_an_id_is_a_stream() -> None:
    """A Django live blog (simonw/simonwillisonblog's `entry_updates.html`) lists its few
    untitled updates oldest first, each `div#live-update-N[data-update-id]` a line opening
    with its bold clock: a timeline's shape, but each line is a post the markup names."""
    updates = "".join(
        f"<div id='live-update-30{n}' data-update-id='30{n}'><p><strong>{clock}</strong> What"
        f" the keynote announced at this point, update {n}, in a line of words.</p></div>"
        for n, clock in enumerate(["09:58", "10:06", "10:14", "10:31"])
    )
    main = (
        "<div class='entry entryPage'><h2>NovaConf keynote live blog</h2><p>I am in the hall "
        f"and will post short updates here.</p><div id='live-updates'>{updates}</div></div>"
    )
    page = page_of(main, "NovaConf keynote live blog", published="2025-03-12T09:55:00Z")
    url = "https://blog.example.net/2025/Mar/12/novaconf-live-blog/"
    read = extract_page(page, url, fetched_at="2025-03-12T12:00:00Z").updates
    assert [u.source_id for u in read] == [
        "live-update-300",
        "live-update-301",
        "live-update-302",
        "live-update-303",
    ]
    # So does an id, or a data attribute that ids each, that calls it a post or an entry, the
    # word between other than letters; not a programme's numbers alone, nor a site's article
    # ids, as its teasers carry them ("article" names a post only in a class filed under tags).
    for named, posts in (
        ("data-post-id='5803{n}'", 4),
        ("id='entry-5803{n}'", 4),
        ("id='update5803{n}'", 4),
        ("id='post_5803{n}'", 4),
        ("data-id='5803{n}'", 0),
        ("data-article-id='5803{n}'", 0),
        ("id='hentry-5803{n}'", 0),
    ):
        other = page.decode()
        for n in range(4):
            other = other.replace(
                f"id='live-update-30{n}' data-update-id='30{n}'", named.format(n=n)
            )
        named_read = extract_page(other.encode(), url, fetched_at="2025-03-12T12:00:00Z")
        assert len(named_read.updates) == posts, named
    assert read[0].published_at == "2025-03-12T09:58:00Z"
    assert read[0].body_text.startswith("What the keynote announced at this point, update 0")


def test_the_blocks_of_an_article_that_hold_its_title_are_no_stream() -> None:
    """The BBC builds an article of blocks of one class (`div[data-component=…-block]`): its
    headline (the page's `<h1>`), its byline with the time, text blocks, a picture. At an
    address that says live, they are still an article's blocks, not posts."""
    blocks = (
        [
            "<div class='b' data-component='headline-block'><h1>Bridge to shut for weeks</h1></div>",
            "<div class='b' data-component='byline-block'><time datetime='2024-05-01T10:00:00Z'>1 "
            "May 2024</time><span>By Ann Lee</span></div>",
            "<div class='b' data-component='image-block'><figure><img src='/b.jpg' alt=''>"
            "<figcaption>The bridge from the river bank.</figcaption></figure></div>",
        ]
        + [
            f"<div class='b' data-component='text-block'><p>What paragraph {n} of the article says, "
            "in a good many words that run on.</p></div>"
            for n in range(7)
        ]
        + [  # a tweet the article quotes, the council's, and the cards of more on the story
            "<div class='b' data-component='embed-block'><blockquote class='twitter-tweet'><p>The "
            "bridge will close to all vehicles from 10:00 today.</p>&mdash; Example Council "
            "(@ExampleCouncil) <a href='https://twitter.com/ExampleCouncil/status/1'>May 1, 2024</a>"
            "</blockquote></div>",
            "<div class='b' data-component='links-block'><h2>More on this story</h2><a href='/news/"
            "1'>Bridge repairs delayed again</a> <time datetime='2024-04-20T09:00:00Z'>20 April"
            "</time></div>",
        ]
    )
    page = page_of(f"<article>{''.join(blocks)}</article>", "Bridge to shut for weeks")
    url = "https://www.bbc.com/news/live/c4nn0y7xq2lo"
    assert extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates == []


def ticker(entries: int, timed: int) -> bytes:
    """A sports ticker of `entries` boxes of one shape and no ids, a clock on the first `timed`
    of them only (every third, from the top): the rest are heats and pauses, as SportoweFakty's
    relacja shows them."""
    boxes = []
    for n in range(entries, 0, -1):
        clock = f"<aside><time>19:{n:02d}</time></aside>" if n % 3 == 0 and timed > 0 else ""
        timed -= bool(clock)
        boxes.append(
            f'<div class="entry">{clock}<div class="entry-body"><span class="entry-title">Heat {n}'
            f"</span><p>What happened in heat {n}, told in more than a few words.</p></div></div>"
        )
    return (
        "<html lang='pl'><head><title>Relacja na żywo</title></head><body>"
        f"<main><div class='relacja'>{''.join(boxes)}</div></main></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("entries", "timed", "found"),
    [
        (24, 8, 24),  # a third timed, a long run: the stream
        (24, 5, 0),  # a fifth timed: boxes with text, not posts
        (6, 2, 0),  # a third timed but six boxes: too short a run to say
    ],
)
def test_a_long_ticker_with_a_time_on_some_entries_is_a_stream(
    entries: int, timed: int, found: int
) -> None:
    updates = stream_of(ticker(entries, timed), "https://sport.example/relacja/1/final")
    assert len(updates) == found
    if found:
        assert [u.headline for u in updates] == [f"Heat {n}" for n in range(entries, 0, -1)]
        assert sum(1 for u in updates if u.published_at) == timed


FLAT_ENTRIES = [(n, f"1{n}.0{n}", f"Meldung {n} des Tages") for n in (4, 3, 2, 1)]


def flat_ticker(line: str, text: str = "p", box: str = "div") -> list[Update]:
    """The generic extractor on a ticker whose entries have no box of their own: each a `line`
    (formatted with the entry's number, clock and title) and a paragraph (a `text`) under it,
    all in one `box`."""
    body = "".join(
        line.format(n=n, clock=clock, title=title)
        + f"<{text}>Was Meldung {n} berichtet, in mehr als ein paar Worten.</{text}>"
        for n, clock, title in FLAT_ENTRIES
    )
    return german_ticker(f"<{box} class='ticker'>{body}</{box}>")


def german_ticker(box: str) -> list[Update]:
    """The generic extractor on a German ticker page holding `box`, whose entries are
    FLAT_ENTRIES and carry their clocks."""
    page = page_of(box, title="Streik-Ticker", lang="de", published="2024-03-12T08:00:00+01:00")
    updates = stream_of(page, "https://nachrichten.example.de/ticker/streik")
    # On the page's day, in Berlin's winter time: an hour ahead of UTC.
    assert [u.published_at for u in updates] == [
        f"2024-03-12T{int(clock[:2]) - 1:02d}:{clock[3:]}:00Z" for _, clock, _ in FLAT_ENTRIES
    ]
    return updates


@pytest.mark.parametrize(
    "line",
    [
        "<h2>{clock} Uhr: {title}</h2>",
        '<h2><a href="#e{n}">{clock} Uhr: {title}</a></h2>',
        '<h3><span class="t">{clock} Uhr</span> {title}</h3>',
        "<h3><time>{clock} Uhr</time> {title}</h3>",
        # A line of its own box, no heading: the box of each entry's first line.
        "<div>{clock} Uhr: {title}</div>",
        # The title before the line with the time: it opens the entry, not ends the one before.
        "<h3>{title}</h3><p>{clock} Uhr</p>",
        "<h3>{title}</h3><p><em>{clock} Uhr</em></p>",
        # ... or a bare time between the heading and the text, a child of the ticker's box.
        "<h3>{title}</h3><time>{clock} Uhr</time>",
        '<h3>{title}</h3><span class="zeit">{clock} Uhr</span>',
        # A bare time opening each entry, before its heading.
        "<time>{clock} Uhr</time><h3>{title}</h3>",
        # No heading: a line all in bold, the way a heading would be set.
        "<p><strong>{clock} Uhr: {title}</strong></p>",
        "<p><b><span>{clock} Uhr</span> – {title}</b></p>",
        "<div><strong><em>{clock} Uhr: {title}</em></strong></div>",
        # A ticker's plus signs around the line, or a word of label before the time.
        "<h2>+++ {clock} Uhr – {title} +++</h2>",
        "<h2>++ {clock} Uhr: {title} ++</h2>",
        "<h3>Um {clock} Uhr</h3><h4>{title}</h4>",
        # A heading of the time alone, the title's own heading under it.
        "<h3>{clock} Uhr</h3><h4>{title}</h4>",
        "<p><strong>+++ {clock} Uhr +++</strong></p><h3>{title}</h3>",
    ],
)
def test_a_flat_ticker_is_cut_at_each_heading_that_opens_with_a_time(line: str) -> None:
    """Each a heading opening with a time (its own text, a permalink's or a span's), or just
    before the line with the time, or a line all in bold that opens with the time: the heading,
    less its time, is the entry's headline."""
    updates = flat_ticker(line)
    assert [u.headline for u in updates] == [title for _, _, title in FLAT_ENTRIES]
    assert [u.body_text for u in updates] == [
        f"Was Meldung {n} berichtet, in mehr als ein paar Worten." for n, _, _ in FLAT_ENTRIES
    ]


def test_an_argentine_clock_with_hs_opens_a_line_and_is_no_headline() -> None:
    """Argentine pages write "21:48 hs" ("horas"): the "hs" is the clock's, and a line that is
    the clock alone has no headline."""
    entries = [("21:48", "Cierre de la sesión"), ("21:15", ""), ("20:40", "Discurso opositor")]
    main = "".join(
        f"<h2>{clock} hs{' | ' + title if title else ''}</h2><p>Lo que pasó en el recinto a esa"
        " hora, en algunas palabras más.</p>"
        for clock, title in entries
    )
    updates = live_updates(
        f"<div class='nota'>{main}</div>",
        "Sesión en Diputados, minuto a minuto",
        "2024-10-02T01:00:00Z",
        published="2024-10-01T14:00:00-03:00",
        lang="es-AR",
    )
    assert [(u.published_at, u.headline) for u in updates] == [
        ("2024-10-02T00:48:00Z", "Cierre de la sesión"),
        ("2024-10-02T00:15:00Z", None),
        ("2024-10-01T23:40:00Z", "Discurso opositor"),
    ]
    # In capitals it is no clock's word: a German lecture hall's "HS 1".
    assert leading_clock("16:40 HS 1: Preisverleihung") == (16, 40, 5)
    assert leading_clock("16:40 hs. | Cierre") == (16, 40, 9)


@pytest.mark.parametrize("titled", [True, False])
def test_a_line_of_the_posts_time_and_byline_is_neither_headline_nor_body(titled: bool) -> None:
    """Contao's liveticker prints each item's time, author and viewers on one line ("01.05.2024
    13:41 | Frank Weber | Zuschauer: 212 (max. 388 am 01.05.2024 13:44)"), longer than a time's
    label alone: the line is the post's header, its words neither headline nor body. A
    sentence's words beside its time and byline stay the post's."""
    items = "".join(
        f"<div class='liveticker-item'>\n\t<div class='info'>\n\t\t<span class='time'>01.05.2024"
        f" 13:{m}</span> |\n\t\t<span class='author'>Frank Weber</span> |\n\t\t<span class="
        f"'guests'>Zuschauer: 2{m}</span>\n\t\t<span class='guests'>(max. 388 am 01.05.2024 13:44)"
        f"</span>\n\t</div>\n\t{'<h3>Runde ' + m + '</h3>' if titled else ''}<div class='text'>"
        f"<p>Am Brett {m} ist die Stellung völlig ausgeglichen, sagt die Engine.</p></div></div>"
        for m in ("41", "22", "05")
    )
    updates = live_updates(
        f"<div class='mod_liveticker'>{items}</div>",
        "Liveticker 5. Runde",
        "2024-05-01T12:00:00Z",
        published="2024-05-01T09:00:00+02:00",
        lang="de",
    )
    assert [(u.headline, u.body_text, u.authors) for u in updates] == [
        (
            f"Runde {m}" if titled else None,
            f"Am Brett {m} ist die Stellung völlig ausgeglichen, sagt die Engine.",
            ["Frank Weber"],
        )
        for m in ("41", "22", "05")
    ]
    short = items.replace("Zuschauer: 2", "der Gegner gibt auf, Zug ")
    updates = live_updates(
        f"<div class='mod_liveticker'>{short}</div>",
        "Liveticker 5. Runde",
        "2024-05-01T12:00:00Z",
        published="2024-05-01T09:00:00+02:00",
        lang="de",
    )
    assert all("der Gegner gibt auf" in f"{u.headline} {u.body_text}" for u in updates)
    # Nor is a title beside them, in its title's box or in more words, however they are set.
    for title in (
        "<strong class='ticker-item__title'>Tor!</strong>",
        "<span>Biden Lands In Warsaw Ahead Of Summit</span>",
        "<span>ראש הממשלה נפגש עם השגריר האמריקני הלילה</span>",
    ):
        titled = items.replace("<span class='guests'>Zuschauer: 2", f"{title}<span>")
        updates = live_updates(
            f"<div class='mod_liveticker'>{titled}</div>",
            "Liveticker 5. Runde",
            "2024-05-01T12:00:00Z",
            published="2024-05-01T09:00:00+02:00",
            lang="de",
        )
        shown = text_of(etree.fromstring(title))
        assert all(shown in f"{u.headline} {u.body_text}" for u in updates), title


def test_a_flat_run_stamped_how_long_ago_and_the_clock_is_cut_at_each_stamp() -> None:
    """A WordPress plugin (umarkhtabte/Live-Blog-Schema) appends each update to the post as
    siblings: a rule, "8 minutes ago / 9:42 PM CDT", the title, the words. Each stamp opens an
    entry, at its clock."""
    stamps = [("9:42", 8), ("9:20", 30), ("8:58", 52), ("8:31", 79)]
    items = "".join(
        f"<hr><p class='live-blog-timestamp'>{ago} minutes ago / {at} PM CDT</p><h2>Title number"
        f" {n} here</h2><div class='live-blog-content'><p>What happened at that moment, told in"
        f" a few words {n}.</p></div>"
        for n, (at, ago) in enumerate(stamps)
    )

    def read(run: str, published: str = "2024-07-04T18:00:00-05:00") -> list[Update]:
        main = f"<div class='entry-content'><p>The parade, as it happens.</p>{run}</div>"
        return live_updates(main, "LIVE: Fourth of July parade", "2024-07-05T02:50:00Z", published)

    assert [(u.published_at, u.headline) for u in read(items)] == [
        (f"2024-07-05T0{int(at[0]) - 7}:{at[2:]}:00Z", f"Title number {n} here")
        for n, (at, _) in enumerate(stamps)
    ]
    # A video's length after how long ago is no stamp: it opens no entry.
    video = items.replace(
        "a few words 1.</p></div>",
        "a few words 1.</p></div><p class='video-meta'>2 hours ago · 2:34</p><p>Video of the"
        " crowd arriving at the levee earlier today.</p>",
    )
    assert [u.headline for u in read(video)] == [f"Title number {n} here" for n in range(4)]
    # A clock that disagrees with how long ago (a Phoenix site that names no zone, read in
    # the zone guessed): how long ago stands, and the stamp still opens each entry.
    phoenix = items.replace(" PM CDT", " PM").replace("9:", "7:").replace("8:", "6:")
    assert [u.published_at for u in read(phoenix, "2024-07-04T18:00:00-04:00")] == [
        "2024-07-05T02:42:00Z",
        "2024-07-05T02:20:00Z",
        "2024-07-05T01:58:00Z",
        "2024-07-05T01:31:00Z",
    ]


def test_a_stamp_that_shows_how_long_ago_is_read_at_the_exact_time_in_its_title() -> None:
    """A stamp that shows how long ago ("2h ago") and gives the exact time on hover in its
    `title`, written out ("May 1, 2024 8:00 PM AEST") or as the microformats abbr design
    pattern has it ("2024-05-01T20:00:00+10:00"): each post at that time, not at the rounded
    hour how long ago gives. A title that disagrees with how long ago by more than a day (a
    story's first publication, a template's default) is no stamp: how long ago stands."""
    stamps = [
        ("8:00", "20:00", 1),
        ("7:15", "19:15", 2),
        ("6:40", "18:40", 3),
        ("5:05", "17:05", 4),
    ]

    def read(title: Callable[[str, str], str]) -> list[str | None]:
        items = "".join(
            f"<article class='blog-post'><span class='blog-post__date' title='{title(at, at24)}'>"
            f"{ago}h ago</span><h3>Title number {n} here</h3><p>What happened at that moment,"
            f" told in a few words {n}.</p></article>"
            for n, (at, at24, ago) in enumerate(stamps)
        )
        main = f"<div class='live-feed'>{items}</div>"
        return [
            u.published_at
            for u in live_updates(
                main, "Live: Storm", "2024-05-01T10:30:00Z", "2024-05-01T06:00:00+10:00"
            )
        ]

    exact = [f"2024-05-01T{int(at24[:2]) - 10:02d}:{at24[3:]}:00Z" for _, at24, _ in stamps]
    assert read(lambda at, _: f"May 1, 2024 {at} PM AEST") == exact
    assert read(lambda _, at24: f"2024-05-01T{at24}:00+10:00") == exact
    rough = [f"2024-05-01T{10 - ago:02d}:30:00Z" for _, _, ago in stamps]
    assert read(lambda at, _: f"April 20, 2024 {at} PM AEST") == rough
    # Nor is a title after the fetch, or one a label calls the last edit's.
    assert read(lambda at, _: f"May 2, 2024 {at} AM AEST") == rough
    assert read(lambda at, _: f"Updated May 1, 2024 {at} PM AEST") == rough


def test_a_ticker_whose_build_boxes_every_block_is_cut_as_one_without_boxes() -> None:
    """t-online's newsblog: each block of the stream in a box of its own (the title's, the
    line with the time and the first words, the next paragraphs', an ad slot's), the boxes
    side by side. Each entry runs from its title's box to the next title's."""
    item = "<div data-testid='StreamItem' class='x{n}'>{block}</div>"
    blocks = []
    for n, clock, title in FLAT_ENTRIES:
        blocks += [
            item.format(n=1, block=f"<h3>{title}</h3>"),
            item.format(
                n=2,
                block=f"<p><strong>{clock} Uhr:</strong> Was Meldung {n} berichtet, in mehr als"
                " ein paar Worten.</p>",
            ),
            item.format(n=3, block=f"<p>Und was sie noch hinzufügt ({n}).</p>"),
        ]
        if n == 3:
            blocks.append("<div class='x4 js-commercial-stream-item'><div data-ad></div></div>")
    updates = german_ticker(f"<div class='x0'>{''.join(blocks)}</div>")
    assert [u.headline for u in updates] == [title for _, _, title in FLAT_ENTRIES]
    for update, (n, _, _) in zip(updates, FLAT_ENTRIES, strict=True):
        assert update.body_text.endswith(
            f"Was Meldung {n} berichtet, in mehr als ein paar Worten.\n\n"
            f"Und was sie noch hinzufügt ({n})."
        ), update.body_text


def test_a_stream_of_bare_clocks_over_midnight_steps_back_a_day_from_the_pages_day() -> None:
    """The page states its day (its last change, just after midnight); the posts show only a
    clock, newest first: those after the one that is later than the one above it are the day
    before's, not each on the page's day."""
    posts = "".join(
        f"<article class='post' id='p{n}'><h2>Meldung {n}</h2><p><strong>{clock} Uhr:</strong>"
        f" Was Meldung {n} berichtet, in mehr als ein paar Worten.</p></article>"
        for n, clock in [(4, "00.32"), (3, "00.15"), (2, "19.31"), (1, "18.54")]
    )
    page = page_of(
        f"<div class='x0'>{posts}</div>",
        title="Newsblog zum Krieg in Nahost",
        lang="de",
        published="2024-09-25T00:47:58+02:00",
    )
    updates = stream_of(page, "https://nachrichten.example.de/ausland/id_1004/nahost.html")
    assert [u.published_at for u in updates] == [
        "2024-09-24T22:32:00Z",
        "2024-09-24T22:15:00Z",
        "2024-09-24T17:31:00Z",
        "2024-09-24T16:54:00Z",
    ]
    assert (
        len(
            extract_page(page, "https://nachrichten.example.de/ausland/id_1004/nahost.html").updates
        )
        == 4
    )


def test_bare_clocks_are_read_in_the_zone_the_pages_top_line_names() -> None:
    """The Washington Post's live updates (as public readers of its pages document them):
    cards stamped "11:42 a.m." alone, machine times written "Z", an English page on a `.com`;
    the line under the title says "Updated … EDT". The cards' clocks are Eastern time."""
    posts = "".join(
        f"<div class='card' id='link-{n}'><span class='ts'>{clock}</span><h2>Update {n}</h2>"
        f"<p>What update {n} reports, in more than a few words.</p></div>"
        for n, clock in [(3, "11:42 a.m."), (2, "10:05 a.m."), (1, "8:31 a.m.")]
    )
    page = page_of(
        "<div class='kicker'>LIVE Updated April 14, 2024 at 11:42 a.m. EDT</div>"
        f"<div class='feed'>{posts}</div>",
        title="Iran attacks Israel: Live updates",
        published="2024-04-14T15:42:10.511Z",
    )
    url = "https://www.washingtonpost.com/world/2024/04/13/israel-iran-attack-live-updates/"
    updates = extract_page(page, url, fetched_at="2024-04-14T16:30:00Z").updates
    assert [u.published_at for u in updates] == [
        "2024-04-14T15:42:00Z",
        "2024-04-14T14:05:00Z",
        "2024-04-14T12:31:00Z",
    ]


def _ticker_with_a_tweet(clocks: list[str], tweeted: int, day: str) -> bytes:
    """A German ticker whose posts show a bare clock and no other date; the post at `tweeted`
    embeds a tweet dated `day`, the only date the page states."""
    posts = ""
    for n, clock in enumerate(clocks):
        tweet = (
            '<blockquote class="twitter-tweet"><p>Die Lage bleibt angespannt.</p>— Polizei '
            f'(@polizei) <a href="https://twitter.com/polizei/status/1{n}">{day}</a></blockquote>'
            if n == tweeted
            else ""
        )
        posts += (
            f"<article class='post' id='p{n}'><span class='zeit'>{clock} Uhr</span><h2>Meldung "
            f"{n}</h2><p>Was Meldung {n} berichtet, in mehr als ein paar Worten.</p>{tweet}"
            "</article>"
        )
    return (
        "<html lang='de'><head><title>Liveticker: Unwetter</title></head><body><main>"
        f"<div class='x0'>{posts}</div></main></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("clocks", "tweeted", "fetched", "expected"),
    [
        # Fetched just after midnight: the stream crossed it; the tweet of the 18th is in a post
        # below the crossing. Placed on the tweet's day, that post would predate its tweet.
        (
            ["01:33", "00:43", "23:52", "23:10"],
            3,
            "2024-01-19T00:40:00Z",
            ["2024-01-19T00:33:00Z", "2024-01-18T23:43:00Z", "2024-01-18T22:52:00Z",
             "2024-01-18T22:10:00Z"],
        ),
        # The same, fetched just after midnight in Berlin: the stream crosses the local
        # midnight, not UTC's.
        (
            ["00:43", "00:10", "23:52", "23:10"],
            3,
            "2024-01-18T23:45:00Z",
            ["2024-01-18T23:43:00Z", "2024-01-18T23:10:00Z", "2024-01-18T22:52:00Z",
             "2024-01-18T22:10:00Z"],
        ),
        # Fetched two days later: the tweet's day is still the page's (no post predates it).
        (
            ["11:02", "10:34", "10:27"],
            2,
            "2024-01-20T09:00:00Z",
            ["2024-01-18T10:02:00Z", "2024-01-18T09:34:00Z", "2024-01-18T09:27:00Z"],
        ),
    ],
    ids=["crossing-midnight", "crossing-local-midnight", "fetched-later"],
)  # fmt: skip
def test_a_post_is_never_placed_before_the_tweet_it_embeds(
    clocks: list[str], tweeted: int, fetched: str, expected: list[str]
) -> None:
    """An embedded tweet's date, where the page states no other, is the day its bare clocks
    are placed from; but a post is never older than a tweet it quotes: where that placing puts
    one on a day before its tweet's, the stream is placed a day later (never past the fetch)."""
    page = _ticker_with_a_tweet(clocks, tweeted, "January 18, 2024")
    url = "https://nachrichten.example.de/liveticker-unwetter-100.html"
    updates = extract_page(page, url, fetched_at=fetched).updates
    assert [u.published_at for u in updates] == expected


@pytest.mark.parametrize(
    "line",
    [
        "<p>{clock} Uhr: {title}</p>",
        "<p><strong>{clock} Uhr:</strong> {title}</p>",
        '<p><a href="#e{n}">{clock} Uhr</a> {title}</p>',
        '<p><span class="zeit">{clock} Uhr</span> – {title}</p>',
        "<div><b>{clock} Uhr</b> {title}</div>",
        # A word of label before a dotted clock, which says it is one ("ore 14.04", not a date).
        "<p><b>Ore {clock}</b> – {title}</p>",
    ],
)
def test_a_flat_tickers_paragraph_line_keeps_its_words(line: str) -> None:
    """Each a paragraph opening with a time, bare, bold, a permalink or a span: the words after the
    time open the entry's body (a short line beside a bold time is not a header's label). A
    time that opens the line, in an element of its own or in the line's own text, is the
    entry's time, not its words."""
    updates = flat_ticker(line)
    for update, (n, _clock, title) in zip(updates, FLAT_ENTRIES, strict=True):
        first, _, rest = update.body_text.partition("\n\n")
        assert first == title
        assert rest.startswith(f"Was Meldung {n}"), update.body_text


DOTTED_CLOCKS = ["14.05", "13.40", "12.55", "12.10", "11.30"]


def dotted_ticker(lang: str, line: str, clocks: list[str]) -> list[Update]:
    """What extract_page reads from an article's body at a live address whose lines each open
    with a `line` (formatted with its clock and number), in `lang`, fetched at 20:00 on 1 May
    2024 (a hand-built page, in the markup of the Italian, German, Polish and Dutch tickers
    that print a bare dotted clock: `<p><b>14.05</b> – …</p>`)."""
    body = "".join(line.format(clock=clock, n=n) for n, clock in enumerate(clocks))
    page = (
        f"<html lang='{lang}'><head><title>Live: storm</title><meta property="
        f"'article:published_time' content='2024-05-01T06:00:00+00:00'></head><body><main>"
        f"<article><h1>Live: storm</h1><div class='article-body'>{body}</div></article>"
        "</main></body></html>"
    ).encode()
    url = "https://www.example.org/live/storm"
    return extract_page(page, url, fetched_at="2024-05-01T20:00:00Z").updates


_SAID = "Trains are suspended on line {n}, the company said in a statement issued today."
_MORE = "<p>More details on line {n} in a few more words here.</p>"


@pytest.mark.parametrize("lang", ["it", "de", "pl", "nl", "en"])
@pytest.mark.parametrize(
    "line",
    [
        f"<p><b>{{clock}}</b> – {_SAID}</p>{_MORE}",
        f"<p>{{clock}} – {_SAID}</p>{_MORE}",
        f"<p><strong>{{clock}}</strong>: {_SAID}</p>{_MORE}",
        f"<p>{{clock}} {_SAID}</p>{_MORE}",
        f"<p><b>{{clock}}</b> – {_SAID}</p>",
    ],
)
def test_a_flat_tickers_lines_that_open_with_a_bare_dotted_clock_are_its_entries(
    lang: str, line: str
) -> None:
    """A ticker with no box per entry whose lines open with a bare clock written with a dot,
    bold or plain, before a dash, a colon or a sentence ("<b>14.05</b> – …", "14.05: …"), five
    that run down the page: each line opens an entry, at its clock's time."""
    updates = dotted_ticker(lang, line, DOTTED_CLOCKS)
    assert [(u.published_at or "")[14:16] for u in updates] == [c[3:] for c in DOTTED_CLOCKS]
    assert all(u.body_text.startswith("Trains are suspended") for u in updates)


@pytest.mark.parametrize(
    "clocks",
    [["09.10", "14.05", "13.40", "12.55", "12.10"], ["01.20", "00.50", "23.40", "22.15"]],
)
def test_a_flat_dotted_ticker_may_cross_midnight_or_keep_one_out_of_order(
    clocks: list[str],
) -> None:
    """As in boxes: one clock may stand out of order (a summary kept on top), and the night's
    may cross midnight ("0.50" above "23.40")."""
    updates = dotted_ticker("it", f"<p><b>{{clock}}</b> – {_SAID}</p>{_MORE}", clocks)
    assert [(u.published_at or "")[14:16] for u in updates] == [c[3:] for c in clocks]


@pytest.mark.parametrize(
    "lines",
    [
        # Dates, with their trailing dot or year.
        ["14.05. Trains were suspended.", "13.05. Buses ran late.", "12.05. Roads closed."],
        ["14.05.2024 Trains were suspended.", "13.05.2024 Buses ran.", "12.05.2024 Roads."],
        # A chronology's days and months with no dot after them, as Polish writes them.
        ["20.05 Sejm uchwalił ustawę.", "14.05 Senat ją poprawił.", "02.05 Rząd ją przyjął."],
        # Prices and amounts, a unit after the figure.
        ["14.50 € for the menu of the day.", "12.40 € for the pasta.", "9.90 € for a salad."],
        ["14.50 Euro kostet das Menü.", "12.40 Euro die Pasta.", "9.50 Euro der Salat."],
        ["1.5 million passengers.", "3.5% fewer trains.", "2.1 billion euros lost."],
        # A recipe's timings and a race's results.
        ["2.30 hours in the oven.", "1.30 hours to rest.", "0.45 hours to cool."],
        ["2.05.33 Rossi, Italy", "2.05.41 Meyer, Germany", "2.06.02 Nowak, Poland"],
        # A football round's results and a list of versions, one apart.
        ["2.1 Inter – Milan", "1.0 Roma – Lazio", "0.0 Torino – Genoa"],
        ["10.15 Catalina brought…", "10.14 Mojave brought…", "10.13 High Sierra…"],
        # Numbered paragraphs, which rise.
        ["1.10 The scope of this code.", "1.20 Who it applies to.", "1.30 What it covers."],
    ],
)  # fmt: skip
def test_dotted_numbers_that_open_an_articles_lines_cut_no_ticker(lines: list[str]) -> None:
    """Lines that open with a dotted number that is no clock (a date, a price, an amount, a
    timing, a result, a version), or with clocks that rise, in an article at a live address:
    no entries."""
    updates = dotted_ticker("it", "{clock}", [f"<p>{line} More words.</p>" for line in lines])
    assert updates == []


# A field event's results, best first, as a results page prints them: a distance in metres
# and centimetres, some of whose figures no clock could be ("17.86", "16.95").
_JUMPS = [
    "17.86 Pichardo (Portugal), gold at his second attempt.",
    "17.54 Zango (Burkina Faso), silver with his last jump.",
    "17.41 Triki (Algeria), bronze after a season of injuries.",
    "17.28 Dallavalle (Italy), fourth, his best of the year.",
    "17.08 Diaz (Italy), fifth after three fouls in the final.",
    "16.95 Hess (Germany), sixth in his first final.",
]


@pytest.mark.parametrize("markup", ["<p>{} {}</p>", "<p><b>{}</b> {}</p>"])
def test_a_results_list_whose_figures_run_down_cuts_no_ticker(markup: str) -> None:
    """A list of results at a live address whose lines open with a dotted figure, best first,
    where some are clock-like and run down ("17.54", "17.41", "17.28", "17.08") and others no
    clock could be ("17.86", "16.95"): the figures are measures, and no line is an entry."""
    lines = [markup.format(*line.split(" ", 1)) for line in _JUMPS]
    assert dotted_ticker("it", "{clock}", lines) == []


def test_a_dotted_tickers_entry_may_hold_a_results_list() -> None:
    """A flat ticker whose entry holds a list of results, figures no clock could be among
    them: the ticker's clocks cut it, the list stays in its entry."""
    lines = [
        f"<p><b>{c}</b> – {_SAID}</p>" + ("".join(f"<p>{j}</p>" for j in _JUMPS) if n == 1 else "")
        for n, c in enumerate(DOTTED_CLOCKS)
    ]
    updates = dotted_ticker("it", "{clock}", lines)
    assert [(u.published_at or "")[14:16] for u in updates] == [c[3:] for c in DOTTED_CLOCKS]
    assert "17.54 Zango" in updates[1].body_text


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("en", ["At 9.30pm, the first caller reported smoke above the warehouse roof.",
                "At 9.45pm three fire engines arrived and the street was closed.",
                "At 10.20pm the roof collapsed, a witness told the jury.",
                "At 11.05pm, police stopped a car near the ring road."]),
        ("de", ["Um 21.30 Uhr habe der erste Anrufer Rauch über dem Dach gemeldet.",
                "Gegen 21.45 Uhr seien drei Löschzüge eingetroffen, sagte ein Zeuge.",
                "Um 22.20 Uhr stürzte nach Aussage der Feuerwehr das Dach ein.",
                "Um 23.05 Uhr, so die Anklage, hielt die Polizei einen Wagen an."]),
    ],
)  # fmt: skip
def test_a_reports_sentences_that_open_with_a_clock_are_no_ticker(
    lang: str, lines: list[str]
) -> None:
    """A court report that tells a night hour by hour, each paragraph a sentence opening
    "At 9.30pm, the court heard…", "Um 21.30 Uhr habe…", at an address that says live (a
    trial's day): a clock after a preposition in a sentence that goes on is the sentence's,
    no ticker's stamp; set apart as a label ("Um 21.30 Uhr: …", in bold) it is one."""
    story = "".join(f"<p>{line}</p>" for line in lines)
    page = page_of(
        f"<article class='article'><h1>The warehouse trial</h1><div class='article__body'>{story}"
        "<p>The trial continues.</p></div></article>",
        title="The warehouse trial, day three",
        lang=lang,
        published="2024-04-30T18:00:00+02:00",
    )
    url = "https://news.example.com/live/crime/warehouse-trial-day-3"
    assert extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates == []
    labelled = "".join(  # (newest first, as a ticker runs)
        f"<p><b>{line.split(' ', 2)[0]} {line.split(' ', 2)[1].rstrip(',')}</b> "
        f"{line.split(' ', 2)[2]}</p>"
        for line in reversed(lines)
    )
    page = page_of(
        f"<div class='ticker'>{labelled}</div>",
        title="Warehouse fire: live",
        lang=lang,
        published="2024-04-30T18:00:00+02:00",
    )
    assert len(extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates) == 4


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("en", ["At 11.15pm, the last of the protesters had left the square.",
                "At 10.40pm a spokesman for the mayor said the curfew would stay.",
                "At 10.05pm, officers were seen moving along the main road.",
                "At 9.30pm, police said two people had been arrested near the station."]),
        ("de", ["Um 23.15 Uhr haben die letzten Demonstranten den Platz verlassen.",
                "Um 22.40 Uhr sagte ein Sprecher der Stadt, die Sperrstunde bleibe.",
                "Gegen 22.05 Uhr zogen Polizisten entlang der Hauptstraße auf.",
                "Um 21.30 Uhr, so die Polizei, wurden zwei Menschen festgenommen."]),
    ],
)  # fmt: skip
def test_a_tickers_sentences_that_open_with_a_clock_newest_first_are_its_entries(
    lang: str, lines: list[str]
) -> None:
    """A ticker of a night's protests written as sentences ("At 9.30pm, police said…", "Um
    21.30 Uhr, so die Polizei, …"), each a paragraph, newest first: a report tells a night in
    the order it went, a ticker puts its newest line on top."""
    story = "".join(f"<p>{line}</p>" for line in lines)
    page = page_of(
        f"<article><h1>Protests in the city centre – live</h1><div class='article__body'>"
        f"{story}</div></article>",
        title="Protests in the city centre – live",
        lang=lang,
        published="2024-04-30T18:00:00+00:00",
    )
    url = "https://news.example.com/news/live/protests-city-centre"
    updates = extract_page(page, url, fetched_at="2024-04-30T23:30:00Z").updates
    assert len(updates) == 4
    assert updates[0].published_at.startswith("2024-04-30T")


def test_the_associated_press_rolling_story_is_a_ticker_of_times_on_lines_of_their_own() -> None:
    """ "The Latest: …", as the AP writes it: a time alone on a line ("6:45 p.m."), the item's
    paragraphs, a rule ("___") before the next. Its title is the page's sign of being live; the
    rules are neither words nor posts."""
    clocks = ["6:45 p.m.", "5:20 p.m.", "3:05 p.m.", "11:40 a.m."]
    items = "".join(
        f"<p>___</p><p>{clock}</p><p>Item {n} of the day, told in more than a few words.</p>"
        f"<p>And what else it brought ({n}).</p>"
        for n, clock in enumerate(clocks)
    )
    page = page_of(
        "<div class='Article'><p>WASHINGTON (AP) — The Latest on the budget talks (all times"
        f" local):</p>{items}</div>",
        title="The Latest: Budget talks go on into the night",
        published="2024-03-12T23:50:00-04:00",
    )
    url = "https://apnews.com/article/budget-talks-latest-1b2c3d"
    updates = extract_page(page, url, fetched_at="2024-03-13T04:00:00Z").updates
    # New York's summer time, four hours behind UTC.
    instants = ["22:45", "21:20", "19:05", "15:40"]
    assert [(u.published_at, u.body_text) for u in updates] == [
        (
            f"2024-03-12T{instant}:00Z",
            f"Item {n} of the day, told in more than a few words.\n\nAnd what else it brought ({n}).",
        )
        for n, instant in enumerate(instants)
    ]


@pytest.mark.parametrize("heading", ["<h2>{title} {clock}</h2>", "<h2>{title} ({clock})</h2>"])
def test_a_time_that_closes_a_posts_heading_is_its_time_not_its_headline(heading: str) -> None:
    """ "Talks resume (18:05)": the clock at a heading's end, bracketed or not, dates the post
    and leaves its headline."""
    posts = "".join(
        "<div class='post'>"
        + heading.format(title=f"Talks resume, part {n}", clock=f"1{n}:05")
        + f"<p>What part {n} of the talks brought, in more than a few words.</p></div>"
        for n in (8, 7, 6, 5)
    )
    updates = stream_of(
        page_of(f"<div class='feed'>{posts}</div>", title="Budget talks live"),
        "https://news.example.com/live/budget-talks",
    )
    assert [(u.headline, u.published_at) for u in updates] == [
        (f"Talks resume, part {n}", f"2024-02-10T1{n}:05:00Z") for n in (8, 7, 6, 5)
    ]


@pytest.mark.parametrize("opening", ["{clock} Uhr: ", "+++ {clock} Uhr +++ ", "\n  {clock} Uhr – "])
def test_a_flat_tickers_long_paragraph_opening_with_a_time_opens_an_entry(opening: str) -> None:
    """Regional tickers write the time into the paragraph's own text, however long it runs
    ("<p>18.05 Uhr: Die Bahn …</p>", "<p>+++ 18:05 Uhr +++ Die Bahn …</p>"): each such
    paragraph opens an entry, whose time it is, and whose body starts at its words."""
    words = "Was Meldung {n} berichtet, in weit mehr als ein paar Worten: " + "und so fort, " * 12
    body = "".join(
        f"<p>{opening.format(clock=clock)}{words.format(n=n)}</p><p>Und was sie hinzufügt.</p>"
        for n, clock, _ in FLAT_ENTRIES
    )
    updates = german_ticker(f"<div class='ticker'>{body}</div>")
    assert [u.body_text.split("\n\n") for u in updates] == [
        [words.format(n=n).strip(), "Und was sie hinzufügt."] for n, _, _ in FLAT_ENTRIES
    ]


@pytest.mark.parametrize(
    ("day_line", "entry"),
    [
        ("<h2>{day}</h2>", "<p><strong>{clock} Uhr:</strong> {words}</p>"),
        ("<p><strong>{day}</strong></p>", "<p><strong>{clock} Uhr:</strong> {words}</p>"),
        # Posts in boxes of their own, the days' headings between them.
        (
            "<h2>{day}</h2>",
            "<div class='post'><span class='zeit'>{clock}</span><p>{words}</p></div>",
        ),
    ],
)
def test_a_tickers_headings_between_its_days_date_its_entries_and_title_none(
    day_line: str, entry: str
) -> None:
    """A ticker over several days, a line naming each day above its entries ("Dienstag, 12.
    März 2024"), none for a day without entries: the entries under a day's line are on that
    day; the line is no entry's title, and no entry's words."""
    days = {
        "Mittwoch, 13. März 2024": ["10.05", "08.40"],
        "Dienstag, 12. März 2024": ["22.10", "09.00"],
        "Sonntag, 10. März 2024": ["18.00"],
    }
    body, n = "", 0
    for day, clocks in days.items():
        body += day_line.format(day=day)
        for clock in clocks:
            words = f"Was Meldung {n} berichtet, in mehr als ein paar Worten."
            body += entry.format(clock=clock, words=words)
            n += 1
    page = page_of(
        f"<div class='ticker'>{body}</div>",
        title="Streik-Ticker",
        lang="de",
        published="2024-03-13T10:06:00+01:00",
    )
    updates = stream_of(page, "https://nachrichten.example.de/ticker/streik")
    assert [(u.published_at, u.headline, u.body_text) for u in updates] == [
        (instant, None, f"Was Meldung {n} berichtet, in mehr als ein paar Worten.")
        for n, instant in enumerate(
            [
                "2024-03-13T09:05:00Z",
                "2024-03-13T07:40:00Z",
                "2024-03-12T21:10:00Z",
                "2024-03-12T08:00:00Z",
                "2024-03-10T17:00:00Z",
            ]
        )
    ]


@pytest.mark.parametrize(
    "lead",
    ["<strong>{clock} Uhr – {title}</strong>", "<b>+++ {clock} Uhr: {title} +++</b>"],
)
def test_a_ticker_line_whose_bold_title_ends_its_first_line_is_cut_there(lead: str) -> None:
    """ "<p><b>14.04 Uhr – Titel</b><br>Die Bahn…</p>": each entry's paragraph opens with its
    time and title in bold, a line break, then its words; the bold line is the title."""
    updates = flat_ticker(f"<p>{lead}<br>Was Meldung {{n}} zuerst sagt.</p>")
    assert [(u.headline, u.body_text) for u in updates] == [
        (
            title,
            f"Was Meldung {n} zuerst sagt.\n\nWas Meldung {n} berichtet, in mehr als ein paar Worten.",
        )
        for n, _, title in FLAT_ENTRIES
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "<strong>{clock} Uhr</strong> – <strong>{title}</strong> – ",
        "<b>Ore {clock}</b> — <b>{title}</b> — ",
        "<b>{clock} Uhr</b> | <b>{title}</b><br>",
    ],
)
def test_a_bold_title_after_a_bold_time_alone_is_the_entrys_title(lead: str) -> None:
    """A hand-built flat ticker as Italian live pages write their lines (from what we know of
    them, no public code documents it): "<p><b>Ore 14.04</b> – <b>Titolo</b> – Il testo…</p>",
    the time bold alone, a mark, then the title in a bold run of its own that a dash or the
    line's break ends; the title is the entry's, its words start after the dash."""
    updates = flat_ticker(f"<p>{lead}Was Meldung {{n}} zuerst sagt.</p>")
    assert [(u.headline, u.body_text) for u in updates] == [
        (
            title,
            f"Was Meldung {n} zuerst sagt.\n\nWas Meldung {n} berichtet, in mehr als ein paar Worten.",
        )
        for n, _, title in FLAT_ENTRIES
    ]


def test_a_bold_name_after_a_bold_time_that_opens_a_sentence_is_no_title() -> None:
    """A bold name after the bold time that the sentence goes on from, no dash between ("<b>14.04
    Uhr</b> <b>Olaf Scholz</b> sagt, …"), is the entry's words, not its title."""
    names = {4: "Olaf Scholz", 3: "Friedrich Merz", 2: "Annalena Baerbock", 1: "Robert Habeck"}
    body = "".join(
        f"<p><strong>{clock} Uhr</strong> <strong>{names[n]}</strong> sagt, was Meldung {n}"
        f" zuerst sagt.</p><p>Was Meldung {n} berichtet, in mehr als ein paar Worten.</p>"
        for n, clock, _ in FLAT_ENTRIES
    )
    updates = german_ticker(f"<div class='ticker'>{body}</div>")
    assert [(u.headline, u.body_text.split(",")[0]) for u in updates] == [
        (None, f"{names[n]} sagt") for n, _, _ in FLAT_ENTRIES
    ]


RUNS = {4: "Olaf Scholz", 3: "Friedrich Merz", 2: "Annalena Baerbock", 1: "Robert Habeck"}


@pytest.mark.parametrize(
    ("runs", "after"),
    [
        (RUNS, "sagt, was Meldung {n} zuerst sagt."),  # the sentence runs on
        (RUNS, "«Was Meldung {n} zuerst sagt.»"),  # a speaker's quote
        ({n: f"BERLIN {n}" for n in RUNS}, "Was Meldung {n} zuerst sagt."),  # a dateline
    ],
)
def test_a_bold_run_after_a_bold_time_and_a_dash_that_is_no_title(
    runs: dict[int, str], after: str
) -> None:
    """A hand-built flat ticker whose bold run after the bold time and a dash is the post's
    subject (the words after the dash run on in lower case), a speaker before a quote, or an
    agency's dateline in capitals (`<b>14.04 Uhr</b> – <b>BERLIN</b> – Was…`, as ANSA, EFE
    and PAP open their lines): no title, the run and the dash the post's first words."""
    body = "".join(
        f"<p><strong>{clock} Uhr</strong> – <strong>{runs[n]}</strong> – {after.format(n=n)}</p>"
        f"<p>Was Meldung {n} berichtet, in mehr als ein paar Worten.</p>"
        for n, clock, _ in FLAT_ENTRIES
    )
    updates = german_ticker(f"<div class='ticker'>{body}</div>")
    assert [(u.headline, u.body_text.split("\n\n")[0]) for u in updates] == [
        (None, f"{runs[n]} – " + after.format(n=n)) for n, _, _ in FLAT_ENTRIES
    ]


def test_a_bold_player_after_a_bold_minute_and_a_dash_is_no_title() -> None:
    """A hand-built match commentary whose lines open with the minute in bold, then the
    player's name in bold and a dash (`<b>80'</b> – <b>Lautaro</b> – Tiro alto…`): the name is
    the post's first words, not its title, as a match's minute opens no titled line."""
    players = ["Lautaro", "Barella", "Thuram", "Dimarco"]
    body = "".join(
        f"<p><strong>{80 - k * 9}'</strong> – <strong>{name}</strong> – Tiro dal limite"
        f" dell'area numero {k}, la palla finisce alta sopra la traversa.</p>"
        for k, name in enumerate(players)
    )
    page = page_of(
        f"<div class='diretta'>{body}</div>",
        title="Inter-Milan 2-1, la diretta",
        lang="it",
        published="2024-03-12T20:00:00+01:00",
    )
    updates = stream_of(page, "https://www.example.it/calcio/inter-milan-diretta")
    assert [(u.headline, u.body_text.split(" – ")[0]) for u in updates] == [
        (None, name) for name in players
    ]


@pytest.mark.parametrize(
    "lead", ["<strong>Olaf Scholz</strong> – sagt", "<strong>Olaf Scholz</strong> sagt"]
)
def test_one_bold_speaker_that_every_posts_sentence_runs_on_from_is_no_byline(lead: str) -> None:
    """A hand-built press conference ticker whose lines each open, after the bold time, with
    the same speaker in bold that the sentence runs on from (`<b>14.04 Uhr</b> – <b>Olaf
    Scholz</b> – sagt, …`): no writer's byline, and the post's words keep the name."""
    updates = flat_ticker(
        f"<p><strong>{{clock}} Uhr</strong> – {lead}, was Meldung {{n}} sagt.</p>"
    )
    assert [(u.authors, u.body_text.split("\n\n")[0]) for u in updates] == [
        ([], f"{text_of_lead(lead)}, was Meldung {n} sagt.") for n, _, _ in FLAT_ENTRIES
    ]


def text_of_lead(lead: str) -> str:
    """A line's lead without its markup."""
    return re.sub(r"<[^>]+>", "", lead)


FRENCH_LEADS = ["Trafic perturbé", "Consignes du préfet", "Coupures de courant", "Vigilance rouge"]


def french_ticker(line: str, more: str = "") -> list[Update]:
    """The generic extractor on a hand-built French ticker of four lines, each `line` (formatted
    with its clock, its lead and its words) and `more` after it, in one box."""
    body = "".join(
        line.format(clock=f"{19 - k}h{50 - k:02d}", lead=lead, words=f"Ce que dit le message {k}.")
        + more
        for k, lead in enumerate(FRENCH_LEADS)
    )
    page = page_of(
        f"<div class='direct'>{body}</div>",
        title="Orages : EN DIRECT",
        lang="fr",
        published="2024-03-12T08:00:00+01:00",
    )
    updates = stream_of(page, "https://www.example.fr/direct/orages")
    assert [u.published_at for u in updates] == [
        f"2024-03-12T{18 - k}:{50 - k:02d}:00Z" for k in range(len(FRENCH_LEADS))
    ]
    return updates


@pytest.mark.parametrize("more", ["", "<p>La suite du message, en quelques mots de plus.</p>"])
def test_a_bold_title_after_a_bold_time_that_a_full_stop_closes(more: str) -> None:
    """A hand-built French ticker whose bold title after the bold time a full stop closes
    (`<b>19h50</b> : <b>Trafic perturbé</b>. Les trains…`, from what we know of French live
    pages; no public code documents it): the title, the post's words after the full stop, a
    post of one line or of more."""
    updates = french_ticker("<p><b>{clock}</b> : <b>{lead}</b>. {words}</p>", more)
    assert [(u.headline, u.body_text.split("\n\n")[0]) for u in updates] == [
        (lead, f"Ce que dit le message {k}.") for k, lead in enumerate(FRENCH_LEADS)
    ]


@pytest.mark.parametrize("more", ["", "<p>La suite du message, en quelques mots de plus.</p>"])
def test_a_bold_speaker_after_a_bold_time_before_a_colon_and_a_quote_is_no_title(
    more: str,
) -> None:
    """A hand-built French ticker of quotes, `<b>19h50</b> : <b>Emmanuel Macron</b> : « … »`:
    the speaker is the post's first words, not its title, however many posts open so."""
    names = ["Emmanuel Macron", "Gabriel Attal", "Marine Le Pen", "Bruno Le Maire"]
    body = "".join(
        f"<p><b>{19 - k}h{50 - k:02d}</b> : <b>{name}</b> : « Ce que dit le message {k}. »</p>"
        + more
        for k, name in enumerate(names)
    )
    page = page_of(
        f"<div class='direct'>{body}</div>",
        title="Législatives : EN DIRECT",
        lang="fr",
        published="2024-03-12T08:00:00+01:00",
    )
    updates = stream_of(page, "https://www.example.fr/direct/legislatives")
    assert [(u.headline, u.body_text.split("\n\n")[0]) for u in updates] == [
        (None, f"{name} : « Ce que dit le message {k}. »") for k, name in enumerate(names)
    ]


def test_boxed_posts_that_open_with_their_time_stay_apart_beside_short_ones() -> None:
    """A hand-built stream of boxed posts, each opening with its time in bold in its first
    paragraph (`<p><strong>14h28</strong> : …`, from what we know of French live pages; no
    public code documents it): three posts of one paragraph are no ticker's lines that the
    longer posts after them belong to; every box is a post of its own."""
    paragraphs = [1, 2, 1, 3, 1, 2]
    body = "".join(
        f'<div class="live-entry"><p><strong>{18 - n}h{n * 7:02d}</strong> : Ce que dit le'
        f" message {n}, en plus de quelques mots.</p>"
        + "".join(f"<p>La suite {k} du message {n}, en quelques mots.</p>" for k in range(1, count))
        + "</div>"
        for n, count in enumerate(paragraphs)
    )
    page = page_of(
        f'<div class="live-entries">{body}</div>',
        title="Tempête : EN DIRECT",
        lang="fr",
        published="2024-03-12T08:00:00+01:00",
    )
    updates = stream_of(page, "https://www.example.fr/direct/tempete")
    assert [(u.published_at, u.body_text.count("\n\n") + 1) for u in updates] == [
        (f"2024-03-12T{17 - n:02d}:{n * 7:02d}:00Z", count) for n, count in enumerate(paragraphs)
    ]


def test_a_title_box_after_a_tickers_opening_line_is_no_headline() -> None:
    """n-tv's ticker ("<p><b>+++ 14:04 Titel +++</b><br>Die Bahn…</p>", as a public scraper of
    it reads it, joshuaKnauber/pagers-in-headlines `liveblogs.py`), a video player after an
    entry's first words, its title in a "video-title" box: the bold line is the entry's title,
    the video's is not; the search for a heading passes over a line with a time as over a
    dateline, but not over one that opens the post with its words."""
    video = (
        '<div class="video-player"><div class="video-title">Video: Was die Bahn dazu sagt</div>'
        '<span class="duration">2:14</span></div>'
    )
    body = "".join(
        f"<p><b>+++ {clock} Uhr: {title} +++</b><br>Was Meldung {n} zuerst sagt.</p>"
        + (video if n == 3 else "")
        + f"<p>Was Meldung {n} berichtet, in mehr als ein paar Worten.</p>"
        for n, clock, title in FLAT_ENTRIES
    )
    updates = german_ticker(f"<div class='article__text'>{body}</div>")
    assert [u.headline for u in updates] == [title for _, _, title in FLAT_ENTRIES]


AD = '<div class="ad-slot advert"><div class="ad-label">Anzeige</div></div>'
NEWSLETTER = (
    '<div class="newsletter-signup promo"><h3>Der Newsletter am Morgen</h3><p>Die wichtigsten '
    'Nachrichten des Tages, jeden Morgen in Ihrem Postfach.</p><a href="/newsletter">Jetzt '
    "abonnieren</a></div>"
)


@pytest.mark.parametrize("between", [AD, NEWSLETTER], ids=["ad", "newsletter"])
@pytest.mark.parametrize(
    "line",
    [
        "<h2>{clock} Uhr</h2><p><strong>{title}</strong></p>",
        "<hr><p><strong>{clock} Uhr</strong></p><h3>{title}</h3>",
    ],
    ids=["time-heading", "rule-and-bold-time"],
)
def test_a_box_between_the_last_entrys_title_and_its_words_does_not_end_the_ticker(
    line: str, between: str
) -> None:
    """A box of another kind (an ad, a newsletter's promo) after a ticker's last entry ends
    the ticker; one between that entry's title and its words does not, and the words are
    the entry's. A box after the words ends it still: the page's closing line is no entry's."""
    body = "".join(
        line.format(clock=clock, title=title)
        + (between if n == 1 else "")
        + f"<p>Was Meldung {n} berichtet, in mehr als ein paar Worten.</p>"
        for n, clock, title in FLAT_ENTRIES
    )
    closing = "<p>Dieser Ticker ist beendet. Danke fürs Lesen, bis morgen an dieser Stelle.</p>"
    updates = german_ticker(f"<div class='ticker'>{body}{NEWSLETTER}{closing}</div>")
    assert [(u.headline, u.body_text) for u in updates] == [
        (title, f"Was Meldung {n} berichtet, in mehr als ein paar Worten.")
        for n, _, title in FLAT_ENTRIES
    ]


def test_a_timeline_inside_a_post_keeps_its_times_in_the_posts_words() -> None:
    """A post that lists the day's events, each paragraph opening with its time ("09:00 –
    Polls open…"): the stream is the posts, and the post's words keep those times."""
    words = "and more words that run on past a short label, to make the line a paragraph" * 2
    timeline = "".join(f"<p>{clock} – Event at {clock} {words}.</p>" for clock in TIMELINE)
    posts = "".join(
        f"<article class='post'><time datetime='2024-02-10T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        + (timeline if n == 4 else "")
        + "</article>"
        for n in (6, 5, 4, 3)
    )
    updates = stream_of(
        page_of(f"<div class='feed'>{posts}</div>"), "https://news.example.com/live/x"
    )
    assert [u.headline for u in updates] == ["Post 6", "Post 5", "Post 4", "Post 3"]
    assert updates[2].body_text.split("\n\n")[1:] == [
        f"{clock} – Event at {clock} {words}." for clock in TIMELINE
    ]


TIMELINE = ["09:00", "10:30", "12:15"]


@pytest.mark.parametrize("box", ["div", "p"])
def test_a_ticker_of_lines_broken_by_br_is_cut_at_each_line_that_opens_with_a_time(
    box: str,
) -> None:
    """Old-style tickers: one box, each line a bold time and its words, `<br>` between them."""
    lines = "".join(
        f"<b>{clock} Uhr</b> {title}: Was Meldung {n} berichtet, in mehr als ein paar Worten."
        "<br><br>"
        for n, clock, title in FLAT_ENTRIES
    )
    updates = german_ticker(f"<{box} class='ticker'>{lines}</{box}>")
    assert [u.body_text for u in updates] == [
        f"{title}: Was Meldung {n} berichtet, in mehr als ein paar Worten."
        for n, _, title in FLAT_ENTRIES
    ]


@pytest.mark.parametrize(
    "line", ["<h3>{clock}</h3><p>{title}</p>", "<p><strong>{clock} Uhr</strong></p><p>{title}</p>"]
)
def test_a_flat_tickers_line_that_is_only_its_time_is_neither_headline_nor_body(
    line: str,
) -> None:
    updates = flat_ticker(line)
    assert [u.headline for u in updates] == [None] * len(FLAT_ENTRIES)
    assert [u.body_text for u in updates] == [
        f"{title}\n\nWas Meldung {n} berichtet, in mehr als ein paar Worten."
        for n, _, title in FLAT_ENTRIES
    ]


# Posts whose classes name nothing (hashed by the site's build): what the shape of the posts says.
POSTS = [
    (4, "Loud bang heard at the harbour", "Ben Price"),
    (3, "Ferry crossings suspended until noon", "Sarah Dickins"),
    (2, "Police close the coast road", "Ben Price"),
    (1, "Storm warning issued for the weekend", "Sarah Dickins"),
]


def hashed_stream(post: str) -> list[Update]:
    """The generic extractor on a stream of four posts in boxes with meaningless classes, each
    `post` (formatted with its number, clock, title and author) and a paragraph after it."""
    boxes = "".join(
        f'<div class="x7f3a" id="p{n}">'
        + post.format(n=n, clock=f"1{n}:0{n}", title=title, author=author)
        + f'<div class="x0c1d"><p>What post {n} reports, in more than a few words.</p></div></div>'
        for n, title, author in POSTS
    )
    page = page_of(f"<div class='x9e2b'>{boxes}</div>")
    updates = stream_of(page, "https://news.example/live/storm")
    assert [u.source_id for u in updates] == [f"p{n}" for n, _, _ in POSTS]
    assert [u.published_at for u in updates] == [f"2024-02-10T1{n}:0{n}:00Z" for n, _, _ in POSTS]
    return updates


@pytest.mark.parametrize(
    "post",
    [
        # The title's own box after the time's.
        '<div class="x11"><span class="x12">{clock}</span></div><div class="x13">{title}</div>',
        # The title in the box that holds the time.
        '<div class="x11"><span class="x12">{clock}</span><div class="x13">{title}</div></div>',
        # ...and a label beside the time.
        '<div class="x11"><span class="x15"><span class="x16">published at </span>'
        '<span class="x12">{clock}</span></span><div class="x13">{title}</div></div>',
        # A span in a div, and a byline beside the time in a box of their own.
        '<div class="x11"><span class="x12">{clock}</span><mark>{author}</mark></div>'
        '<div class="x13"><span class="x14">{title}</span></div>',
        # A bold paragraph, its words in a bold box or in a span inside it.
        '<div class="x11"><span class="x12">{clock}</span></div><p><strong>{title}</strong></p>',
        '<div class="x11"><span class="x12">{clock}</span><p id="t{n}"><strong>'
        '<span role="text">{title}</span></strong></p></div>',
        # A picture between the title and the text.
        '<div class="x11"><span class="x12">{clock}</span></div><div class="x13">{title}</div>'
        '<img src="/p{n}.jpg" alt="">',
    ],
)
def test_a_title_in_a_box_that_no_heading_or_class_names_is_the_headline(post: str) -> None:
    """The same box opens each post with a short line of its own, a different one each time,
    and the post goes on in other boxes: the line is the post's headline, not its body."""
    updates = hashed_stream(post)
    assert [u.headline for u in updates] == [title for _, title, _ in POSTS]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n, _, _ in POSTS
    ]


@pytest.mark.parametrize(
    ("post", "first_line"),
    [
        # Every post opens with the same label: a label, neither title nor words.
        (
            '<div class="x11"><span class="x12">{clock}</span></div><div class="x13">Update</div>',
            "",
        ),
        # ... and one that is none of the labels known: a line of the body.
        (
            '<div class="x11"><span class="x12">{clock}</span></div><div class="x13">Heute</div>',
            "Heute",
        ),
        # A short first paragraph: body, whatever its length.
        ('<div class="x11"><span class="x12">{clock}</span></div><p>{title}</p>', "{title}"),
        # The post's first words in a box of the same shape as the rest of its body.
        (
            '<div class="x11"><span class="x12">{clock}</span></div>'
            '<div class="x0c1d"><p>{title}</p></div>',
            "{title}",
        ),
        # A picture's caption.
        (
            '<div class="x11"><span class="x12">{clock}</span></div>'
            '<div class="x17"><img src="/p.jpg" alt=""><span class="x18">{title}</span></div>',
            "{title}",
        ),
        # A name alone beside the time: the author, never the title.
        (
            '<div class="x11"><span class="x12">{clock}</span><div class="x13">{author} Jones</div></div>',
            "",
        ),
    ],
)
def test_a_first_line_that_is_no_title_stays_where_it_was(post: str, first_line: str) -> None:
    updates = hashed_stream(post)
    assert [u.headline for u in updates] == [None] * len(POSTS)
    for update, (n, title, _) in zip(updates, POSTS, strict=True):
        body = f"What post {n} reports, in more than a few words."
        line = first_line.format(title=title)
        assert update.body_text == (f"{line}\n\n{body}" if line else body)


@pytest.mark.parametrize(
    "byline",
    [
        # The same few names, each with the desk they write for.
        '<div class="x21"><p class="x22">{author}</p><p class="x23">BBC Wales</p></div>',
        # A name and a role, side by side.
        '<div class="x21"><span class="x22">{author}</span><span class="x23">Reporter</span></div>',
        # A byline's words.
        '<div class="x21">From CNN\'s {author}</div>',
        # The same few names, each with where its writer files from, as the Financial Times'
        # live posts sign them ("Valerie Quint in Brussels").
        '<p class="x21">{author} in Brussels</p>',
        '<p class="x21">{author} reporting from Cardiff</p>',
    ],
)
def test_a_byline_that_no_class_names_is_the_author_not_the_body(byline: str) -> None:
    updates = hashed_stream(
        '<div class="x11"><span class="x12">{clock}</span></div><h3>{title}</h3>' + byline
    )
    assert [u.headline for u in updates] == [title for _, title, _ in POSTS]
    assert [u.authors for u in updates] == [[name] for _, _, name in POSTS]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n, _, _ in POSTS
    ]


@pytest.mark.parametrize(
    "titles",
    [
        ["Olaf Scholz in Kyiv", "Olaf Scholz in Warsaw", "Olaf Scholz in Vilnius", "Olaf Scholz in Riga"],
        ["Rishi Sunak in Leeds", "Keir Starmer in Leeds", "Rishi Sunak in Bristol", "Keir Starmer in Hull"],
    ],
)  # fmt: skip
def test_titles_of_a_few_names_each_in_another_place_are_no_bylines(titles: list[str]) -> None:
    """A campaign's posts titled by who is where ("Olaf Scholz in Kyiv"): the names recur but
    the lines do not, as a writer's who files from where she is based do. They stay the
    posts' titles."""
    boxes = "".join(
        f'<div class="x7f3a" id="p{n}"><div class="x11"><span class="x12">1{n}:0{n}</span>'
        f'</div><div class="x13"><b>{title}</b></div><div class="x0c1d"><p>What post {n}'
        " reports, in more than a few words.</p></div></div>"
        for n, title in zip(range(4, 0, -1), titles, strict=True)
    )
    updates = stream_of(page_of(f"<div class='x9e2b'>{boxes}</div>"), "https://news.example/live/t")
    assert [u.headline for u in updates] == titles
    assert [u.authors for u in updates] == [[]] * 4


@pytest.mark.parametrize(
    "lines",
    [
        ["Henry Foy in Brussels", "Henry Foy in Kyiv", "Valerie Quint in Brussels", "Valerie Quint in Brussels"],
        ["Sam Fleming in Paris", "Sam Fleming in Paris", "Sam Fleming in Berlin", "Laura Pitel in Berlin", "Laura Pitel in Berlin"],
    ],
)  # fmt: skip
def test_a_writer_who_files_from_another_place_keeps_the_byline(lines: list[str]) -> None:
    """Bylines of where each writer files from, as the Financial Times signs its live posts,
    one writer travelling on: most lines recur whole, as titles of who is where do not, and
    each post keeps its author."""
    boxes = "".join(
        f'<div class="x7f3a" id="p{n}"><div class="x11"><span class="x12">1{n}:0{n}</span>'
        f'</div><div class="x13"><b>{line}</b></div><div class="x0c1d"><p>What post {n}'
        " reports, in more than a few words.</p></div></div>"
        for n, line in zip(range(len(lines), 0, -1), lines, strict=True)
    )
    updates = stream_of(page_of(f"<div class='x9e2b'>{boxes}</div>"), "https://news.example/live/t")
    assert [u.authors for u in updates] == [[line.split(" in ")[0]] for line in lines]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in range(len(lines), 0, -1)
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ben Price", True),
        ("Antony Clements-Thrower", True),
        ("BBC Wales", True),
        ("Breaking News", False),  # a label, though capitalised
        ("Key Event", False),
        ("Political editor", False),
        ("Heat 12", False),
        # A surname's small words: Dutch, German, Portuguese names.
        ("Sanne de Vries", True),
        ("Ursula von der Leyen", True),
        ("Maria da Silva", True),
        ("de Vries", False),
    ],
)
def test_a_name_is_told_from_a_label(text: str, name: bool) -> None:
    assert lines.is_name(text, 2) is name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Ann Lee", "Ann Lee"),
        ("From CNN's Mary Gilbert", "Mary Gilbert"),
        ("Von Anna van der Berg", "Anna van der Berg"),
        ("di Marco Rossi", "Marco Rossi"),
        ("Posted by Ann Lee", "Ann Lee"),
        ("Geschrieben von Anna Weber", "Anna Weber"),
        ("Reporting by Sara Rossi", "Sara Rossi"),  # a wire's credit, in a byline's box
        ("Reporting by the numbers shows a rise", None),
        # A byline labelled as one, in the languages read here.
        ("Author: Ann Lee", "Ann Lee"),
        ("Autor: Jan Kowalski", "Jan Kowalski"),
        ("Auteur : Jean Dupont", "Jean Dupont"),
        ("Texto: Ana Souza", "Ana Souza"),
        ("Posted in Politics", None),
        ("Text: the minister said no", None),
        ("Par Jean Dupont, à Paris", "Jean Dupont, à Paris"),  # where the writer files from
        ("Di Stefano Marco", None),  # a name that opens with a byline's word
        # A guest's post, as blogs credit one ("Guest post by …", "Ein Gastbeitrag von …").
        ("Guest post by Mark Bishop", "Mark Bishop"),
        ("A guest post by Mark Bishop", "Mark Bishop"),
        ("Ein Gastbeitrag von Anna Berg", "Anna Berg"),
        ("Guest post: why the vote failed", None),
        ("From Kyiv to Kharkiv", None),
        ("Par ailleurs, le gouvernement", None),
    ],
)
def test_a_byline_is_told_from_a_line_that_opens_with_its_words(
    text: str, names: str | None
) -> None:
    assert lines.is_byline(text) is (names is not None)
    assert lines.byline_name(text) == (names or text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Por ana.ribeiro", "ana.ribeiro"),  # Plone's collective.liveblog prints user names
        ("Par @jdupont", "@jdupont"),
        ("Von dpa", "dpa"),
        ("by the way it works", "by the way it works"),  # words, no name
        ("By 2024", "By 2024"),
    ],
)
def test_a_byline_word_before_a_user_name_is_no_part_of_it(text: str, name: str) -> None:
    assert lines.byline_name(text) == name


def test_heats_titled_by_their_shape_among_posts_of_one_paragraph() -> None:
    """A sports ticker whose heats (a title, a time, a score) sit among comments of one
    paragraph each: the heats' titles are found though most posts have none, and the comments
    keep their words as body."""
    posts = []
    for n in range(9, 0, -1):
        clock = f'<div class="k7"><span class="k8">19:0{n}</span></div>'
        if n % 3 == 0:
            posts.append(
                f'<div class="k1" id="e{n}">{clock}<div class="k2"><span class="k3">Heat {n}'
                f'</span><span class="k4">6{n}.5 sec.</span></div><div class="k5">{n} : 2</div>'
                f"<p>Rider {n} wins ahead of rider {n + 1}.</p></div>"
            )
        else:
            posts.append(
                f'<div class="k1" id="e{n}">{clock}<div class="k6"><p>Comment {n}: the track is'
                " drying and the riders are faster now.</p></div></div>"
            )
    page = (
        "<html lang='en'><head><title>Speedway live</title></head><body><main>"
        f"<div class='k0'>{''.join(posts)}</div></main></body></html>"
    ).encode()
    updates = stream_of(page, "https://sport.example/live/speedway")
    assert [u.source_id for u in updates] == [f"e{n}" for n in range(9, 0, -1)]
    assert [u.headline for u in updates] == [
        f"Heat {n}" if n % 3 == 0 else None for n in range(9, 0, -1)
    ]
    assert all(u.body_text.startswith("Comment") for u in updates if not u.headline)


def pinned_stream(
    above: list[int], stream: tuple[int, ...] = (4, 3, 2, 1), in_main: bool = False
) -> list[Update]:
    """The generic extractor on a list of posts (`stream`) with the posts `above` in a box of
    their own before it, all of one markup (`in_main`: the posts above and the list stand in
    `<main>` itself, no box around them)."""

    def post(n: int) -> str:
        return (
            f'<article class="p9 k" data-post-id="n{n}"><div class="t"><span>1{n}:00</span></div>'
            f"<h3>Headline {n}</h3><p>What post {n} reports, in more than a few words.</p></article>"
        )

    page = (
        "<html lang='en'><head><title>Storm live</title><meta property='article:published_time'"
        " content='2024-02-10T08:00:00+00:00'></head><body><main><div class='z1'>"
        f"<section class='z2'>{''.join(post(n) for n in above)}</section>"
        f"<section class='z3'>{''.join(post(n) for n in stream)}</section>"
        "</div></main></body></html>"
    ).encode()
    if in_main:
        page = page.replace(b"<div class='z1'>", b"<h1>Storm live</h1>").replace(
            b"</div></main>", b"</main>"
        )
    return stream_of(page, "https://news.example/live/storm")


@pytest.mark.parametrize("in_main", [False, True])
@pytest.mark.parametrize("copy", [False, True])
def test_a_post_pinned_above_the_stream_in_a_box_of_its_own(copy: bool, in_main: bool) -> None:
    """A pinned post in a "sticky" box above the list is a post, flagged pinned; a pinned copy
    of a post the list also shows is that post, once, flagged pinned (its id kept). So they
    are where the sticky box and the list stand in the page's `<main>` itself."""
    pinned = 3 if copy else 5
    updates = pinned_stream([pinned], in_main=in_main)
    order = [4, 3, 2, 1] if copy else [5, 4, 3, 2, 1]
    assert [u.source_id for u in updates] == [f"n{n}" for n in order]
    assert [u.pinned for u in updates] == [n == pinned for n in order]


def test_many_boxes_of_the_posts_markup_above_the_stream_are_not_pinned_posts() -> None:
    """Four cards of the posts' markup above the list are a list of their own (teasers of
    other stories), not posts pinned to this one."""
    updates = pinned_stream([9, 8, 7, 6], stream=(5, 4, 3, 2, 1))
    assert [u.source_id for u in updates] == ["n5", "n4", "n3", "n2", "n1"]
    assert not any(u.pinned for u in updates)


@pytest.mark.parametrize(
    "post",
    [
        '<h3><span class="x12">{clock}</span> {title}</h3>',
        '<h3>{title} <span class="x12">{clock}</span></h3>',
        '<h3>{title} – <span class="x12">{clock}</span></h3>',
    ],
)
def test_a_time_printed_in_the_heading_is_not_part_of_the_headline(post: str) -> None:
    updates = hashed_stream(post)
    assert [u.headline for u in updates] == [title for _, title, _ in POSTS]


@pytest.mark.parametrize("minutes", [True, False])
def test_a_ticker_in_a_table_is_a_stream_of_its_rows(minutes: bool) -> None:
    """An old-style ticker whose entries are a table's rows, a minute or a clock in the first
    cell and the text in the second: each row is a post."""
    entries = [
        (90, "21:05", "Abpfiff in München, der FC Bayern gewinnt das Spiel verdient."),
        (78, "20:40", "Tor für Bayern! Kane trifft per Kopf nach einer Ecke von Sané."),
        (60, "20:10", "Wechsel bei Dortmund: Reus kommt für Brandt ins Spiel."),
        (45, "19:45", "Halbzeit in München, es steht weiterhin null zu null."),
    ]
    rows = "".join(
        f"<tr><td>{f'{minute}&#39;' if minutes else clock}</td><td>{text}</td></tr>"
        for minute, clock, text in entries
    )
    page = page_of(
        f"<h1>Liveticker</h1><table class='ticker'><tbody>{rows}</tbody></table>",
        title="Bayern - Dortmund im Liveticker",
        lang="de",
        published="2024-05-19T08:00:00+02:00",
    )
    updates = stream_of(page, "https://sport.example.de/fussball/bayern-dortmund-liveticker")
    assert [u.body_text for u in updates] == [text for _, _, text in entries]
    # In Berlin's summer time, two hours ahead of UTC; a match minute is no instant.
    assert [u.published_at for u in updates] == [
        None if minutes else f"2024-05-19T{int(clock[:2]) - 2:02d}:{clock[3:]}:00Z"
        for _, clock, _ in entries
    ]


@pytest.mark.parametrize(
    "row",
    [
        "<tr><td>{hour}:15</td><td>{what}</td></tr>",
        # A programme: each time a line of its own between the blocks.
        "<time>{hour}:15</time><h3>{what}</h3><p>Mit Anmeldung, Treffpunkt am Eingang.</p>",
        # ... or a line broken off by <br>.
        "<b>{hour}:15</b> {what}<br>",
    ],
)
def test_a_timetable_in_an_ordinary_article_is_no_live_blog(row: str) -> None:
    """Times in an article that nothing calls live (a timetable, a programme) are read as
    rows or lines, not as a live blog's posts: the page yields no update."""
    rows = "".join(
        row.format(hour=hour, what=f"Regionalzug nach Frankfurt über Darmstadt, Gleis {hour % 7}")
        for hour in range(6, 14)
    )
    if rows.startswith("<tr>"):
        rows = f"<table><tbody>{rows}</tbody></table>"
    page = (
        "<html lang='de'><head><title>Neuer Fahrplan für die Region</title></head><body><main>"
        "<article><h1>Neuer Fahrplan für die Region</h1><p>Ab Montag gilt ein neuer Fahrplan."
        f"</p><div>{rows}</div></article></main></body></html>"
    ).encode()
    assert extract_page(page, "https://news.example.de/region/neuer-fahrplan").updates == []


@pytest.mark.parametrize(
    "header",
    [
        '<div class="x11"><span class="x12">{clock}</span> · <span>{author}</span></div>',
        '<p class="x11">{clock} | By {author}</p>',
        '<div class="x11">{author} – <span class="x12">{clock}</span></div>',
        '<p class="x11">Posted by {author} at {clock}</p>',
        '<p class="x11">Posted by {author} at <span class="x12">{clock}</span></p>',
    ],
)
def test_a_name_beside_the_time_is_the_posts_author(header: str) -> None:
    """The box that holds a post's time and a name, where no class names a byline: the name
    is the author, and neither is body."""
    updates = hashed_stream(header + "<h3>{title}</h3>")
    assert [u.authors for u in updates] == [[name] for _, _, name in POSTS]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n, _, _ in POSTS
    ]


# A football ticker's entries: a clock, a title of a word or a few, the words.
MATCH_TICKS = [
    ("19:25", "Abpfiff!", "Der FC Bayern gewinnt das Spitzenspiel verdient mit zwei Toren."),
    ("19:12", "Tor!", "Kane köpft nach einer Ecke von Sané unhaltbar ins lange Eck ein."),
    ("18:58", "Gelb für Hummels", "Der Abwehrchef kommt zu spät gegen Musiala und sieht Gelb."),
    ("18:47", "Wechsel", "Bei Dortmund kommt Reus für Brandt, Terzić will mehr Druck."),
    ("18:15", "Pause", "Zur Halbzeit steht es eins zu null, Bayern war klar überlegen."),
    ("17:52", "Tor!", "Musiala trifft nach Doppelpass mit Müller flach ins linke Eck."),
]


def match_ticker(entry: str) -> list[Update]:
    """The posts read from a football ticker whose entries are MATCH_TICKS, each `entry`
    (formatted with its number, clock, title and words)."""
    entries = "".join(
        entry.format(n=n, clock=clock, title=title, text=text)
        for n, (clock, title, text) in enumerate(MATCH_TICKS)
    )
    page = page_of(
        f"<div class='x9e2b'>{entries}</div>",
        "Bayern gegen Dortmund im Liveticker",
        lang="de",
        published="2024-03-30T17:00:00+01:00",
    )
    url = "https://www.sport.example.de/fussball/bayern-dortmund-liveticker"
    updates = extract_page(page, url, fetched_at="2024-03-30T19:30:00Z").updates
    assert [u.published_at for u in updates] == [
        f"2024-03-30T{int(clock[:2]) - 1}:{clock[3:]}:00Z" for clock, _, _ in MATCH_TICKS
    ]
    return updates


@pytest.mark.parametrize(
    "header",
    [
        "<div class='x11'>{clock} | {title}</div>",
        "<div class='x11'><span class='x12'>{clock}</span> | {title}</div>",
        "<div class='x11'><time>{clock}</time> | <span>{title}</span></div>",
        "<p class='x11'>{clock} Uhr – {title}</p>",
    ],
)
def test_a_short_title_after_the_time_in_its_header_is_the_headline(header: str) -> None:
    """A ticker's header line of its time, a bar and a title of a word or a few ("14:05 |
    Tor!"), a different one in most posts: the title is the headline, neither lost as a
    header's label nor an author, however short."""
    updates = match_ticker(f"<div class='x7f3a' id='e{{n}}'>{header}<p>{{text}}</p></div>")
    assert [(u.headline, u.body_text, u.authors) for u in updates] == [
        (title, text, []) for _, title, text in MATCH_TICKS
    ]


@pytest.mark.parametrize(
    "labels",
    [
        ["Bundesliga"] * 6,
        ["Eilmeldung", "Sport", "Aktualisiert 19:20", "Quelle: dpa", "Video", "München (dpa)"],
    ],
)
def test_labels_after_the_time_in_the_headers_are_no_headlines(labels: list[str]) -> None:
    """The same word after every post's time ("14:05 | Bundesliga") is a label, no title; so
    are words beside the time where any post's say what a header's label does: "Eilmeldung",
    an edit's time, an agency."""
    entries = "".join(
        f"<div class='x7f3a' id='e{n}'><div class='x11'>{clock} | {label}</div><p>{text}</p></div>"
        for n, ((clock, _, text), label) in enumerate(zip(MATCH_TICKS, labels, strict=True))
    )
    updates = match_ticker(entries.replace("{", "{{").replace("}", "}}"))
    assert [(u.headline, u.body_text) for u in updates] == [(None, t) for _, _, t in MATCH_TICKS]


@pytest.mark.parametrize(
    ("lang", "titles"),
    [
        ("en", ["Goal!", "Full time", "Polls close at 10pm", "Bridge closed", "Evacuation"]),
        ("de", ["Tor!", "Abpfiff", "Damm brach vor 2 Stunden", "Brücke gesperrt", "Evakuierung"]),
        ("en", ["Goal!", "Full time", "Dam broke two hours ago", "Bridge closed", "Evacuation"]),
        # ... a clock of 24 hours, as most of Europe writes it.
        ("en", ["Goal!", "Full time", "Polls close at 22:00", "Bridge closed", "Evacuation"]),
        ("de", ["Tor!", "Abpfiff", "Wahllokale schließen um 18.00 Uhr", "Brücke zu", "Räumung"]),
        (
            "fr",
            ["But !", "Fin du match", "Les bureaux ferment à 20h00", "Pont fermé", "Évacuation"],
        ),
        (
            "nl",
            ["Doelpunt!", "Rust", "Stembureaus sluiten om 21.00 uur", "Brug dicht", "Evacuatie"],
        ),
    ],
)
def test_a_title_after_the_time_that_names_a_time_among_its_words_keeps_every_title(
    lang: str, titles: list[str]
) -> None:
    """Headers of the post's clock and its title ("17:55 | Polls close at 10pm"): a time among
    one title's words is no header's label, and every post keeps its title."""
    assert flood_headlines(titles, lang) == titles


def flood_headlines(titles: list[str], lang: str) -> list[str | None]:
    """The headlines read from a flood's live blog of five posts, each under a header of its
    clock and a title ("17:55 | Polls close at 10pm"), its page in `lang`."""
    clocks = ["19:25", "18:40", "17:55", "16:30", "15:10"]
    entries = "".join(
        f"<div class='x7f3a' id='e{n}'><div class='x11'>{clock} | {title}</div><p>Post {n} says"
        " what the mayor said about the flood this afternoon.</p></div>"
        for n, (clock, title) in enumerate(zip(clocks, titles, strict=True))
    )
    page = page_of(
        f"<div class='x9e2b'>{entries}</div>",
        "Live: flood",
        lang=lang,
        published="2024-03-30T13:00:00+01:00",
    )
    url = "https://www.news.example.de/live/flood"
    return [u.headline for u in extract_page(page, url, fetched_at="2024-03-30T18:30:00Z").updates]


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("de", "Aktualisiert um 17.20 Uhr"),
        ("fr", "Mis à jour à 17h20"),
        ("pl", "Zaktualizowano o 17:20"),
        ("en", "Update 17:20"),
        ("en", "Last updated 17:20"),
        ("de", "Nachtrag 17.20 Uhr"),
        ("de", "Stand: 17.20 Uhr"),
        ("fr", "MAJ à 17h20"),
        ("fr", "Mise à jour 17h20"),
        ("it", "Aggiornamento ore 17.20"),
        # ... a label of an edit's noun after a word that says it was the last.
        ("de", "Letzte Aktualisierung 17:20"),
        ("fr", "Dernière mise à jour : 17h20"),
        ("es", "Última actualización 17:20"),
        ("it", "Ultimo aggiornamento ore 17.20"),
        ("en", "Latest update 17:20"),
        ("pl", "Ostatnia aktualizacja 17:20"),
    ],
)
def test_an_edits_time_after_a_headers_time_is_its_label_among_titles(
    lang: str, label: str
) -> None:
    """Headers of the post's clock and its title, but one post's says when it was edited
    ("17:55 | Update 17:20"), however its label leads the time: a header's label, not a
    title, and the words after the time title no post."""
    titles = ["Goal!", "Full time", label, "Bridge closed", "Evacuation"]
    assert flood_headlines(titles, lang) == [None] * 5


@pytest.mark.parametrize(
    ("lang", "agos"),
    [
        (
            "de",
            ["vor 5 Minuten", "vor 50 Minuten", "vor 1 Stunde", "vor 3 Stunden", "vor 4 Stunden"],
        ),
        ("en", ["5 minutes ago", "50 minutes ago", "1 hour ago", "3 hours ago", "4 hours ago"]),
        # ... after the label of a stamp.
        (
            "en",
            [
                "Updated 5 minutes ago",
                "Updated 50 minutes ago",
                "Updated 1 hour ago",
                "Updated 3 hours ago",
                "Updated 4 hours ago",
            ],
        ),
        (
            "fr",
            [
                "il y a 5 minutes",
                "il y a 50 minutes",
                "il y a 1 heure",
                "il y a 3 heures",
                "il y a 4 heures",
            ],
        ),
    ],
)
def test_how_long_ago_after_the_time_in_the_headers_is_no_headline(
    lang: str, agos: list[str]
) -> None:
    """A header of the post's clock and how long ago in one text ("14:05 · vor 5 Minuten"),
    a different one in most posts: how long ago is another time, a header's label, no title."""
    clocks = ["19:25", "18:40", "17:55", "16:30", "15:10"]
    entries = "".join(
        f"<div class='x7f3a' id='e{n}'><div class='x11'>{clock} · {ago}</div><p>Post {n} says"
        " what the mayor said about the flood this afternoon.</p></div>"
        for n, (clock, ago) in enumerate(zip(clocks, agos, strict=True))
    )
    page = page_of(
        f"<div class='x9e2b'>{entries}</div>",
        "Live: flood",
        lang=lang,
        published="2024-03-30T13:00:00+01:00",
    )
    url = "https://www.news.example.de/live/flood"
    updates = extract_page(page, url, fetched_at="2024-03-30T18:30:00Z").updates
    assert [(u.headline, u.published_at) for u in updates] == [
        (None, f"2024-03-30T{int(clock[:2]) - 1}:{clock[3:]}:00Z") for clock in clocks
    ]


def test_a_short_line_after_the_time_in_a_flat_tickers_paragraph_is_its_words() -> None:
    """A ticker without a box per entry, each opening with a paragraph of its time and a
    short line ("<p>19:12 | Tor!</p>"): the line is the entry's words, as a longer one is
    ("Gelb für Hummels"); "Tor!" had been lost, being no longer than a time's label."""
    updates = match_ticker("<p>{clock} | {title}</p><p>{text}</p>")
    assert [(u.headline, u.body_text) for u in updates] == [
        (None, f"{title}\n\n{text}") for _, title, text in MATCH_TICKS
    ]


def test_a_ticker_written_as_a_definition_list_is_cut_at_each_term_with_a_time() -> None:
    """`<dl>`: each `<dt>` a time, the `<dd>`s after it the entry."""
    updates = flat_ticker("<dt>{clock} Uhr</dt><dd>{title}</dd>", text="dd", box="dl")
    assert [u.body_text for u in updates] == [
        f"{title}\n\nWas Meldung {n} berichtet, in mehr als ein paar Worten."
        for n, _, title in FLAT_ENTRIES
    ]


def dated_stream(header: str, edited: int = 0) -> list[Update]:
    """Four posts whose boxes carry their time in `data-timestamp` (post `edited`'s is 25
    minutes after the clock it shows, as an edit's is), each with `header` (formatted with its
    number and clock) before a paragraph."""
    boxes = "".join(
        f'<div class="x7f3a" id="entry-{n}" '
        f'data-timestamp="{1707559200 + n * 600 + (1500 if n == edited else 0)}">'
        + header.format(n=n, clock=f"10:{n}0 am")
        + f'<div class="x0c1d"><p>What post {n} reports, in more than a few words.</p></div></div>'
        for n in (4, 3, 2, 1)
    )
    page = page_of(f"<div class='x9e2b'>{boxes}</div>")
    return stream_of(page, "https://news.example/live/storm")


PERMALINKED = (
    '<div class="x11"><span class="x12">Reporter {n}</span> <a href="#entry-{n}">'
    '<span class="x13">February 10, 2024</span><span class="x14">{clock}</span></a></div>'
)


def test_a_shown_time_is_header_not_body_where_the_markup_dates_the_post() -> None:
    """A post dated by its box's data attribute also shows its date and clock, in spans that
    run together ("February 10, 202410:40 am"), in a link to itself beside the author: that
    line is the post's header, not its body's first words."""
    updates = dated_stream(PERMALINKED)
    assert [u.published_at for u in updates] == [f"2024-02-10T10:{n}0:00Z" for n in (4, 3, 2, 1)]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in (4, 3, 2, 1)
    ]


def test_the_clock_a_post_shows_is_its_time_where_its_markup_time_is_an_edits() -> None:
    """The markup's time 25 minutes after the clock the post shows (an edit's): the post went
    up when its clock says, on the markup time's day (README "Times")."""
    updates = dated_stream(PERMALINKED, edited=2)
    assert [u.published_at for u in updates] == [f"2024-02-10T10:{n}0:00Z" for n in (4, 3, 2, 1)]


def test_a_day_word_and_clock_a_post_shows_beat_a_machine_time_inside_its_words() -> None:
    """Yahoo Finance's posts show "Today at 8:20 AM GMT-4" and hold a share price's chip
    whose `<time datetime>` is the quote's ("As of 2:29 PM EDT"): a day's word with a clock
    is an instant, the post's, where "2 hours ago" would only say its hour."""
    posts = "".join(
        f'<li class="post" data-id="a{n}"><div class="byline"><div>Karen Friar</div>'
        f"<div>Today at {n + 7}:20 AM GMT-4</div></div><h2>Stocks move {n}</h2>"
        f'<div class="chip"><a data-symbol="PFE" href="/quote/PFE/"><span>PFE</span>'
        f'<span>26.41</span><time datetime="2024-05-01T18:2{n}:00.000Z">As of 2:2{n} PM EDT'
        f"</time></a></div><p>What post {n} reports about the market, in a few words.</p></li>"
        for n in (3, 2, 1)
    )
    main = f"<ul class='posts'>{posts}</ul>"
    updates = live_updates(main, "Stock market: live", "2024-05-01T18:30:00Z", MAY_DAY)
    assert [u.published_at for u in updates] == [f"2024-05-01T{n + 11}:20:00Z" for n in (3, 2, 1)]


def test_a_machine_time_in_a_link_away_still_dates_a_post_that_shows_only_how_long_ago() -> None:
    """A post that shows "2 hours ago" and links to its own page elsewhere, the link's
    `<time datetime>` inside: that time, which says the minute, is the post's."""
    posts = "".join(
        f'<div class="card" id="c{n}"><span class="ago">{n + 1} hours ago</span><h2><a '
        f'href="/news/posts/{n}"><time datetime="2024-05-01T1{4 - n}:2{n}:00Z">Update {n}</time>'
        f"</a></h2><p>What update {n} reports, in a few more words than that.</p></div>"
        for n in (1, 2, 3)
    )
    main = f"<div class='feed'>{posts}</div>"
    updates = live_updates(main, "Storm: live", "2024-05-01T15:30:00Z", MAY_DAY)
    assert [u.published_at for u in updates] == [f"2024-05-01T1{4 - n}:2{n}:00Z" for n in (1, 2, 3)]


def test_an_epoch_in_the_markup_outranks_a_clock_read_in_a_zone_guessed_wrong() -> None:
    """Brightspot's posts keep their instant as an epoch (`data-posted-date-timestamp`, in
    ms) and print "8:30 AM" in the paper's zone (Chicago), which nothing on a `.com` page in
    English names: read in another zone the clock is a whole hour off the epoch, which no
    zone can shift, and the epoch stands."""
    instants = [(1714570200, "8:30 AM", "13:30"), (1714561800, "6:10 AM", "11:10"),
                (1714554000, "4:00 AM", "09:00")]  # fmt: skip
    posts = "".join(
        f'<div class="LiveBlogPost" data-post-id="p{n}" data-posted-date-timestamp="{epoch}000">'
        f'<span class="LiveBlogPost-time">{clock}</span><h2 class="LiveBlogPost-headline">'
        f"Vote {n}</h2><div class='LiveBlogPost-body'><p>What happened at the vote, in words {n}."
        "</p></div></div>"
        for n, (epoch, clock, _) in enumerate(instants)
    )
    main = f"<div role='feed'>{posts}</div>"
    updates = live_updates(main, "Budget vote: live updates", "2024-05-01T18:05:00Z", MAY_DAY)
    assert [u.published_at for u in updates] == [f"2024-05-01T{t}:00Z" for *_, t in instants]


def test_a_zone_the_posts_clocks_print_places_them() -> None:
    """Bare clocks that each name their zone ("8:30 AM CDT") on a page nothing else places:
    the stream is read in that zone."""
    clocks = [("11:45 AM CDT", "16:45"), ("10:05 AM CDT", "15:05"), ("8:30 AM CDT", "13:30")]
    posts = "".join(
        f'<div class="entry"><span class="stamp">{clock}</span><h2>Vote {n}</h2>'
        f"<p>What happened at the vote, told in words {n}.</p></div>"
        for n, (clock, _) in enumerate(clocks)
    )
    page = (  # (no date anywhere: the clocks are placed on the fetch's day)
        "<html lang='en'><head><title>Budget vote: live updates</title></head><body><main>"
        f"<div class='entries'>{posts}</div></main></body></html>"
    )
    updates = extract_page(page.encode(), LIVE_URL, fetched_at="2024-05-01T18:05:00Z").updates
    assert [u.published_at for u in updates] == [f"2024-05-01T{t}:00Z" for _, t in clocks]


@pytest.mark.parametrize(
    ("stamp", "source"),
    [
        ("{n} hours ago", "ago"),
        ("1{n}:20", "clock"),
        ("<time datetime='2024-05-01T1{n}:20:00Z'>1 May, 1{n}:20</time>", None),
    ],
)
def test_a_post_says_where_its_time_came_from(stamp: str, source: str | None) -> None:
    """How long ago and a clock alone are read again on every pass, and may move with no
    edit (the archive versions a re-dated post only beyond what they explain); an instant
    stated is the post's own."""
    posts = "".join(
        f'<div class="entry" id="e{n}"><span class="stamp">{stamp.format(n=n)}</span>'
        f"<h2>Storm update {n}</h2><p>What the storm did next, told in words {n}.</p></div>"
        for n in (3, 2, 1)
    )
    page = (
        "<html lang='en'><head><title>Storm: live updates</title></head><body><main>"
        f"<div class='entries'>{posts}</div></main></body></html>"
    )
    updates = extract_page(page.encode(), LIVE_URL, fetched_at="2024-05-01T18:05:00Z").updates
    assert len(updates) == 3 and all(u.published_at for u in updates)
    assert [u.published_from for u in updates] == [source] * 3


@pytest.mark.parametrize("ago", [True, False])
def test_a_clock_beside_how_long_ago_is_the_posts_time(ago: bool) -> None:
    """The Times's update headers print "2 hours ago" above "12.31pm": the clock says the
    minute, the relative time only the hour it rounds (README "Times"), and the day, which
    a pinned older post above the others does not move (bare clocks alone cannot tell it)."""
    shown = [("9.05am", "5 hours ago", "09:05")] if ago else []
    shown += [("12.31pm", "2 hours ago", "12:31"), ("11.21am", "3 hours ago", "11:21"),
              ("10.11am", "4 hours ago", "10:11")]  # fmt: skip
    posts = "".join(
        f'<div id="u_{n}"><div>' + (f"<span>{since}</span>" if ago else "") + f"<span>{clock}"
        f"</span></div><h2>Update {n} from the count</h2>"
        f"<p>What update {n} reports from the count, in a few more words.</p></div>"
        for n, (clock, since, _) in enumerate(shown)
    )
    main = f"<article>{posts}</article>"
    updates = live_updates(main, "Local elections live", "2024-05-01T14:40:00Z", MAY_DAY)
    assert [u.published_at for u in updates] == [f"2024-05-01T{t}:00Z" for *_, t in shown]


LIVE_POSTS_20MIN = [  # (id, clock shown, title); 40215's "13h15" is when a thing happened
    (40217, "14h50", "Météo-France lève la vigilance orange"),
    (40216, "14h28", "Des grêlons de la taille d’une balle de golf"),
    (40215, "13h15", "Un arbre sur les voies entre Tours et Vierzon"),
    (40214, "13h38", "Les pompiers du Loiret sollicités à 180 reprises"),
    (40212, "10h30", "Jusqu’à 60 mm de pluie en une heure"),
    (40205, "08h30", "Bienvenue dans ce live"),
]


def twenty_minutes(posts: list[tuple[int, str, str]]) -> list[Update]:
    """A 20 Minutes live as its saved pages show it: each `div.live-post` opens with its
    clock and title in a coloured `<span>` around a `<strong>` (the welcome post's bare),
    then paragraphs; no `<time>`, no byline."""
    lines = "".join(
        f'<div class="live-post" data-post-id="{n}"><div class="live-post-body content">'
        + (
            f"<strong>{clock} : {title}</strong>"
            if n == 40205
            else f'<span style="color:#0000FF"><strong>{clock} : {title}</strong></span>'
        )
        + f"<p>Ce que le post {n} raconte de la journée, en quelques mots de plus.</p></div></div>"
        for n, clock, title in posts
    )
    return live_updates(
        f"<div class='live-list'>{lines}</div>",
        "Orages EN DIRECT : La vigilance orange levée",
        "2024-06-11T13:00:00Z",
        published="2024-06-11T08:30:00+02:00",
        lang="fr",
        url="https://www.20minutes.fr/societe/4096512-20240611-orages-direct-vigilance-orange",
    )


def test_a_bold_title_line_in_a_coloured_span_before_the_posts_paragraphs() -> None:
    """The line that opens each post, "14h28 : Des grêlons…", is its time and its title; the
    post's words are the paragraphs after it."""
    updates = twenty_minutes(LIVE_POSTS_20MIN)
    assert [(u.source_id, u.headline) for u in updates] == [
        (str(n), title) for n, _, title in LIVE_POSTS_20MIN
    ]
    assert all(u.body_text.startswith("Ce que le post") for u in updates)


def test_a_post_a_few_minutes_out_of_order_keeps_the_streams_day() -> None:
    """20 Minutes shows when a thing happened: "13h15" above "13h38" is out of order by
    minutes, and the posts below it stay on the day (they were put a day back, as if the
    stream had crossed midnight)."""
    updates = twenty_minutes(LIVE_POSTS_20MIN)
    paris = [f"{int(clock[:2]) - 2:02d}:{clock[3:]}" for _, clock, _ in LIVE_POSTS_20MIN]
    assert [u.published_at for u in updates] == [f"2024-06-11T{at}:00Z" for at in paris]


@pytest.mark.parametrize("box", ["tik4-media-body__title", "image-title", "photo__title"])
def test_a_pictures_title_is_no_posts_headline(box: str) -> None:
    """A post that opens with a picture, whose caption's class says title (Tickaroo's
    `div.tik4-media-body__title`), has no headline; a post's own title class still names one."""
    posts = "".join(
        f"<div class='entry' id='e{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05</time>"
        + (f"<h2 class='entry__title'>Title of entry {n}</h2>" if n % 2 else "")
        + f"<div class='media'><img src='https://img.example/{n}.jpg'><div class='{box}'>"
        f"Crowds outside the hall, picture {n}</div></div><p>What entry {n} reports from the "
        "hall, in a few more words.</p></div>"
        for n in range(4, 0, -1)
    )
    updates = live_updates(
        f"<div class='entries'>{posts}</div>", "Strike live", "2024-05-01T15:00:00Z"
    )
    assert [u.headline for u in updates] == [None, "Title of entry 3", None, "Title of entry 1"]
    # Bootstrap's media object heads a post with its heading: a title all the same.
    assert generic._is_headline_class("media-heading")


def test_easy_liveblogs_highlighted_post_shown_first_again_is_that_post_once() -> None:
    """Easy Liveblogs (jeffreyvr/easy-liveblogs, `includes/class-elb-liveblog.php`) shows the
    post a shared address names (`?entry=`, `elb_get_highlighted_entry_id`) first a second
    time, `li.elb-liveblog-highlighted-post`: one update, in its place in the stream, and not
    pinned, which it is only for readers who followed that link."""

    def post(n: int, highlighted: bool = False) -> str:
        mark = " elb-liveblog-highlighted-post" if highlighted else ""
        return (
            f"<li data-elb-post-id='55{n}' class='elb-liveblog-post{mark}'><p class='elb-"
            f"liveblog-post-time'><time datetime='2024-04-21T1{n}:15:00+01:00'>{n} hours ago"
            f"</time></p><h2 class='elb-liveblog-post-heading'>Marathon news {n}</h2><div class="
            f"'elb-liveblog-post-content'><p>What post {n} says about the race, in a few words."
            "</p></div></li>"
        )

    posts = post(2, highlighted=True) + "".join(post(n) for n in (4, 3, 2, 1))
    main = f"<div id='elb-liveblog'><ul class='elb-liveblog-list'>{posts}</ul></div>"
    updates = live_updates(main, "Marathon live", "2024-04-21T15:05:00Z")
    assert [(u.source_id, u.pinned) for u in updates] == [
        ("554", False),
        ("553", False),
        ("552", False),
        ("551", False),
    ]
    assert not generic._highlighted_class("post not-highlighted")


@pytest.mark.parametrize(
    "aside",
    [
        "<aside class='related'><a href='/news/older-story'>The earlier story</a> <time "
        "datetime='2024-04-21T09:00:00Z'>21 April</time></aside>",
        "<blockquote><p>What the minister said that morning.</p><time "
        "datetime='2024-04-20T09:00:00Z'>20 April</time></blockquote>",
    ],
)
def test_a_time_element_elsewhere_in_a_post_does_not_date_its_clock(aside: str) -> None:
    """A `<time datetime>` that dates a linked story or a quote inside a post is not the one
    that shows the post's clock: the clock is still placed down the stream."""
    posts = "".join(
        f"<div class='entry'><span class='entry__time'>1{n}:05</span><h2>Update {n} from the "
        f"count</h2><p>What update {n} reports from the count, in a few more words.</p>"
        + (aside if n == 4 else "")
        + "</div>"
        for n in (4, 3, 2, 1)
    )
    main = f"<div class='entries'>{posts}</div>"
    updates = live_updates(main, "Count live", "2024-05-01T15:00:00Z", MAY_DAY)
    assert [u.published_at for u in updates] == [f"2024-05-01T1{n}:05:00Z" for n in (4, 3, 2, 1)]


@pytest.mark.parametrize(
    "stamp",
    ["posted at {} by the live team in the newsroom", "{} — filed from the scene by our reporter"],
)
def test_a_stamp_line_after_a_posts_words_is_its_time(stamp: str) -> None:
    """A post's stamp on a line of its own after its words, words beside the clock ("posted
    at 14:05 by the live team…"), is the post's time, not a sentence of its body."""
    posts = "".join(
        f"<div class='entry'><h2>Update {n} from the count</h2><p>What update {n} reports "
        f"from the count, in a few more words.</p><p>{stamp.format(f'1{n}:05')}</p></div>"
        for n in (4, 3, 2, 1)
    )
    main = f"<div class='entries'>{posts}</div>"
    updates = live_updates(main, "Count live", "2024-05-01T15:00:00Z", MAY_DAY)
    assert [u.published_at for u in updates] == [f"2024-05-01T1{n}:05:00Z" for n in (4, 3, 2, 1)]


@pytest.mark.parametrize("marked", [True, False])
def test_a_pinned_post_on_top_older_than_the_posts_below_keeps_the_day(marked: bool) -> None:
    """La Nación's live pages move a pinned post to the top, its bare clock (15:10) older
    than the posts below it (16:45…), marked by a class or only by a pin icon: it is no step
    of the stream, which would read the rise as midnight passed and put every post a day
    early; each is on the page's day."""
    clocks = ["15:10", "16:45", "16:02", "13:02", "11:30"]
    posts = "".join(
        f"<div class='liveBlog_post{' is-pinned' if marked and n == 0 else ''}'>"
        + ("<svg class='pin'></svg>" if n == 0 else "")
        + f"<time class='font-bold'>{clock}</time><h2>Momento {n} del partido</h2><p>Lo que "
        f"pasó en el momento {n}, contado en unas pocas palabras más.</p></div>"
        for n, clock in enumerate(clocks)
    )
    url = "https://www.lanacion.com.ar/deportes/futbol/boca-vs-river-en-vivo-nid05052024/"
    updates = live_updates(
        f"<section id='body-liveblog'>{posts}</section>",
        "Boca vs. River, en vivo",
        "2024-05-05T21:20:00Z",
        published="2024-05-05T09:00:00-03:00",
        lang="es-AR",
        url=url,
    )
    utc = [f"2024-05-05T{int(c[:2]) + 3:02d}:{c[3:]}:00Z" for c in clocks]
    assert [u.published_at for u in updates] == utc


@pytest.mark.parametrize("stale", [0, 2])
def test_a_date_and_clock_beside_how_long_ago_is_the_posts_time(stale: int) -> None:
    """The Independent's posts show how long ago above, a date and a clock in their footer
    ("8 minutes ago" … "12 June 2024 16:42"): the date and clock are the post's time, though
    a page served from a cache says how long ago of when it was drawn (hours off), and how
    long ago is no word of the post."""
    clocks = ["16:42", "15:10", "14:35", "13:58"]
    posts = "".join(
        f"<div id='post-{n}' class='p'><a href='#post-{n}'><span>{2 * n + 1 + stale} hours ago"
        f"</span></a><div class='b'><h3>Update {n} from the heatwave</h3><p>What update {n} "
        f"reports from the coast, in a few more words.</p></div><div class='f'><span>Harriet "
        f"Vale</span><span>12 June 2024 {clock}</span></div></div>"
        for n, clock in enumerate(clocks)
    )
    main = f"<div id='live-blog-posts'>{posts}</div>"
    updates = live_updates(main, "Heatwave live", "2024-06-12T16:50:00Z", "2024-06-12T07:00:00Z")
    assert [u.published_at for u in updates] == [f"2024-06-12T{c}:00Z" for c in clocks]
    assert all(u.body_text.startswith("What update") for u in updates)


@pytest.mark.parametrize("stale", [0, 30])
def test_a_clock_that_names_its_zone_beside_how_long_ago_is_the_posts_time(stale: int) -> None:
    """Al Jazeera's cards show "7 minutes ago" and "(15:42 GMT)": the clock, to the minute in
    its zone, is the post's time, on a page fetched as drawn or half an hour after, from a
    cache that still says "7 minutes ago"."""
    clocks = ["15:42", "15:05", "14:31", "13:58"]
    agos = ["7 minutes", "44 minutes", "1 hour", "1 hour"]
    posts = "".join(
        f"<li class='card-live'><div class='date-relative'><span>{ago} ago</span>"
        f"<div class='date-relative__time'>({clock} GMT)</div></div><h2>Update {n} from the "
        f"floods</h2><div class='wysiwyg'><p>What update {n} reports from the river, in a few "
        "more words.</p></div></li>"
        for n, (clock, ago) in enumerate(zip(clocks, agos, strict=True))
    )
    main = f"<ul class='liveblog-posts'>{posts}</ul>"
    fetched = f"2024-05-01T{15 + (49 + stale) // 60:02d}:{(49 + stale) % 60:02d}:00Z"
    updates = live_updates(main, "Floods live", fetched, "2024-05-01T07:00:00Z")
    assert [u.published_at for u in updates] == [f"2024-05-01T{c}:00Z" for c in clocks]


@pytest.mark.parametrize(
    ("lang", "ago", "clock", "expected"),
    [
        # Drawn 3 h 20 min before the fetch: the clocks, in the page's zone, are the times.
        ("de", "vor {n} Minuten", "{c} Uhr", ["12:15", "12:00"]),
        ("en", "{n} minutes ago", "{c}", ["12:15", "12:00"]),
        ("fr", "il y a {n} minutes", "{c}", ["12:15", "12:00"]),
    ],
)
def test_a_clock_a_cached_page_shows_beside_how_long_ago_is_the_posts_time(
    lang: str, ago: str, clock: str, expected: list[str]
) -> None:
    """A page served from a cache says how long ago of when it was drawn: "25 minutes ago"
    beside "13:15", hours earlier, no zone's whole hours apart, is the post at 13:15 in the
    page's zone. A clock a zone's hours from how long ago may be read in a zone guessed wrong:
    how long ago stands."""
    local = ["13:15", "13:00"] if lang != "en" else ["12:15", "12:00"]

    def read(clocks: list[str], stamp: str = clock) -> list[str | None]:
        posts = "".join(
            f"<article class='live-post' id='post-{n}'><header><span class='post-ago'>"
            f"{ago.format(n=minutes)}</span> <span class='post-clock'>{stamp.format(c=c)}</span>"
            f"</header><h2>Post {n} from the storm</h2><p>What post {n} reports from the coast,"
            " in a few more words.</p></article>"
            for n, (minutes, c) in enumerate(zip([25, 40], clocks, strict=True))
        )
        offset = "+00:00" if lang == "en" else "+01:00"
        main = f"<div class='live-feed'>{posts}</div>"
        published = f"2024-03-12T06:00:00{offset}"
        updates = live_updates(main, "Storm live", "2024-03-12T16:00:00Z", published, lang)
        return [u.published_at for u in updates]

    assert read(local) == [f"2024-03-12T{c}:00Z" for c in expected]
    hour_off = ["15:35", "15:20"] if lang != "en" else ["14:35", "14:20"]  # (an hour before)
    assert read(hour_off) == ["2024-03-12T15:35:00Z", "2024-03-12T15:20:00Z"]
    # A clock in a sentence (a picture's caption, "at 13:15") is no stamp.
    caption = "Die Mole um {c}." if lang == "de" else "The pier at {c}."
    assert read(local, caption) == ["2024-03-12T15:35:00Z", "2024-03-12T15:20:00Z"]


def test_a_clock_hours_before_how_long_ago_that_the_pages_own_time_contradicts_stands_not() -> None:
    """An English page on a `.com` whose machine times are all UTC, its zone guessed UTC, of
    a publisher who prints New York's clocks ("5 minutes ago · 10:55 AM", fetched at 15:20
    UTC): read in UTC the clock stands four hours and some minutes before how long ago, as a
    cached page's might, but a page drawn then would be older than the time it says it was
    published (12:00 UTC). The zone is a guess gone wrong: how long ago stands."""
    posts = "".join(
        f"<article class='live-post' id='post-{n}'><header><span class='post-ago'>{ago}</span>"
        f" · <span class='post-clock'>{clock}</span></header><h2>Post {n} from the storm</h2>"
        f"<p>What post {n} reports from the coast, in a few more words.</p></article>"
        for n, (ago, clock) in enumerate(
            [
                ("5 minutes ago", "10:55 AM"),
                ("25 minutes ago", "10:35 AM"),
                ("50 minutes ago", "10:10 AM"),
            ]
        )
    )
    page = page_of(f"<div class='live-feed'>{posts}</div>", published="2024-07-04T12:00:00Z")
    url = "https://www.stormnews.com/live/storm"
    updates = extract_page(page, url, fetched_at="2024-07-04T15:20:00Z").updates
    assert [u.published_at for u in updates] == [
        "2024-07-04T15:15:00Z",
        "2024-07-04T14:55:00Z",
        "2024-07-04T14:30:00Z",
    ]


def test_a_stamp_beside_weeks_ago_is_the_posts_time() -> None:
    """How long ago in weeks says the week only: the post's own date and clock beside "2
    weeks ago", days from the fetch less two weeks, is its time."""
    stamps = ["27 May 2024 09:12", "20 May 2024 18:40"]
    posts = "".join(
        f"<div id='post-{n}' class='p'><a href='#post-{n}'><span>{n + 2} weeks ago</span></a>"
        f"<div class='b'><h3>Update {n} from the heatwave</h3><p>What update {n} reports from "
        f"the coast, in a few more words.</p></div><div class='f'><span>{stamp}</span></div>"
        "</div>"
        for n, stamp in enumerate(stamps)
    ) + "".join(
        f"<div id='post-{n}' class='p'><a href='#post-{n}'><span>{n + 2} weeks ago</span></a>"
        f"<div class='b'><h3>Update {n}</h3><p>What update {n} reports, in a few more words.</p>"
        "</div></div>"
        for n in (2, 3)
    )
    main = f"<div id='live-blog-posts'>{posts}</div>"
    updates = live_updates(main, "Heatwave live", "2024-06-12T16:50:00Z", "2024-05-01T07:00:00Z")
    assert [u.published_at for u in updates][:2] == ["2024-05-27T09:12:00Z", "2024-05-20T18:40:00Z"]


@pytest.mark.parametrize(
    "other",
    [
        "<div class='card'><a href='https://other.example/news/old-story'><span>Read more</span>"
        "<span>25 July 2019 10:00</span></a></div>",  # a linked story's
        "<blockquote><p>Hottest day on record.</p><span>25 July 2019 10:00</span></blockquote>",
        "<div class='fixture'><span>England v Serbia</span><span>16 June 2024 20:00</span></div>",
    ],
)
def test_a_date_in_a_post_that_is_not_its_stamp_leaves_how_long_ago(other: str) -> None:
    """A date and clock inside a post that belong to something else (a linked story, a quote,
    a match to come) do not replace how long ago the post went up."""
    posts = "".join(
        f"<div id='post-{n}' class='p'><a href='#post-{n}'><span>{2 * n + 1} hours ago</span>"
        f"</a><div class='b'><h3>Update {n} from the heatwave</h3><p>What update {n} reports "
        f"from the coast, in a few more words.</p>{other}</div></div>"
        for n in range(4)
    )
    main = f"<div id='live-blog-posts'>{posts}</div>"
    updates = live_updates(main, "Heatwave live", "2024-06-12T16:50:00Z", "2024-06-12T07:00:00Z")
    assert [u.published_at for u in updates] == [
        f"2024-06-12T{15 - 2 * n:02d}:50:00Z" for n in range(4)
    ]


@pytest.mark.parametrize("relative", [2, 7])
def test_a_flat_ticker_whose_newest_entries_are_titled_with_how_long_ago(relative: int) -> None:
    """Funke's tickers (the WAZ's, as flairNLP/fundus's review of them describes) are flat:
    each entry a heading that says how long ago ("vor 9 Minuten"), older ones a clock
    ("13.01 Uhr"), then its paragraphs; a heading that names teasers after the last entry
    ("Auch interessant" over a list of links) closes the ticker, not the last entry."""
    ages = [9, 38, 79, 118, 213, 365, 498]  # minutes before the fetch, 13:20 UTC

    def heading(n: int, age: int) -> str:
        if n >= relative:  # the clock in Berlin's winter time
            local = 13 * 60 + 20 - age + 60
            return f"{local // 60}.{local % 60:02d} Uhr"
        return f"vor {age} Minuten" if age < 60 else f"vor {age // 60} Stunden"

    lines = "".join(
        f"<h3 class='expressive-heading-xl'>{heading(n, age)}</h3><p class='expressive-copy-lg-"
        f"body'>Meldung {n}: Was die Feuerwehr in Essen berichtet, in ein paar Worten mehr.</p>"
        for n, age in enumerate(ages)
    )
    related = (
        "<h3 class='expressive-heading-xl'>Auch interessant</h3><ul><li><a href='/region/"
        "article1/wetter-nrw.html'>Wetter in NRW: So geht es weiter</a></li></ul>"
    )
    url = "https://www.waz.de/region/article407771234/unwetter-im-ruhrgebiet-news-ticker.html"
    updates = live_updates(
        f"<div class='article-body'><p>Ein Tief zieht über das Ruhrgebiet.</p>{lines}{related}</div>",
        "Unwetter im Ruhrgebiet: Alle News im Ticker",
        "2026-03-10T13:20:00Z",
        published="2026-03-10T06:00:00+01:00",
        lang="de",
        url=url,
    )
    assert [u.body_text[:9] for u in updates] == [f"Meldung {n}" for n in range(len(ages))]
    assert all(u.published_at for u in updates)
    assert updates[0].published_at == "2026-03-10T13:11:00Z"


def test_a_ticker_whose_every_block_is_boxed_alike_keeps_its_entries() -> None:
    """A build that boxes every block in one class (`<div class="text"><p>…</p></div>`): the
    boxes of paragraphs beside the entries' opening lines are no entries of their own, though
    they share the lines' box and class."""
    entries = [("12.31", 3), ("11.05", 2), ("10.40", 3), ("09.15", 2)]
    body = "".join(
        f"<div class='text'><p><strong>{clock} Uhr:</strong> Titel {n}</p></div>"
        + "".join(
            f"<div class='text'><p>Absatz {k} der Meldung {n}: Was die Feuerwehr berichtet, in "
            "ein paar Worten mehr.</p></div>"
            for k in range(paragraphs)
        )
        for n, (clock, paragraphs) in enumerate(entries)
    )
    updates = live_updates(
        f"<div class='article-body'><p>Ein Tief zieht.</p>{body}</div>",
        "Unwetter: Alle News im Live-Ticker",
        "2024-05-01T12:40:00Z",
        published="2024-05-01T06:00:00+02:00",
        lang="de",
    )
    assert [u.published_at for u in updates] == [
        f"2024-05-01T{int(c[:2]) - 2:02d}:{c[3:]}:00Z" for c, _ in entries
    ]


@pytest.mark.parametrize("title", ["<h3><span>{}</span></h3>", "<p><strong>{}</strong></p>"])
def test_a_tickers_how_long_ago_titles_in_any_title_line(title: str) -> None:
    """How long ago titles an entry in a heading however the heading wraps it, or in a line
    all in bold, the way German tickers set their titles."""
    lines = "".join(
        title.format(f"vor {age} Minuten" if n < 3 else f"{age}.15 Uhr")
        + f"<p>Meldung {n}: Was die Feuerwehr in Essen berichtet, in ein paar Worten mehr.</p>"
        for n, age in enumerate([9, 25, 48, 11, 10, 9])
    )
    updates = live_updates(
        f"<div class='article-body'>{lines}</div>",
        "Unwetter im Ruhrgebiet: Alle News im Ticker",
        "2026-03-10T13:20:00Z",
        published="2026-03-10T06:00:00+01:00",
        lang="de",
    )
    assert [u.body_text[:9] for u in updates] == [f"Meldung {n}" for n in range(6)]
    assert [u.published_at for u in updates][:3] == [
        "2026-03-10T13:11:00Z",
        "2026-03-10T12:55:00Z",
        "2026-03-10T12:32:00Z",
    ]


# Each language's stamps of a flat ticker's entries, newest first: how long ago in figures, in
# words alone (an hour), in figures again, then a clock of Berlin's (or London's) summer time.
_WORDED_TICKERS = {
    "de": ("Unwetter in Franken: Alle News im Ticker",
           ["vor 4 Minuten", "vor einer Stunde", "vor 2 Stunden", "9.31 Uhr", "8.05 Uhr"]),
    "en": ("Live: Storm updates from across the county",
           ["4 minutes ago", "an hour ago", "2 hours ago", "9.31am", "8.05am"]),
    "fr": ("EN DIRECT - Tempête Ciaran : les dernières informations",
           ["il y a 4 minutes", "il y a une heure", "il y a 2 heures", "9h31", "8h05"]),
    "es": ("Directo | Temporal en Galicia, última hora",
           ["hace 4 minutos", "hace una hora", "hace 2 horas", "09:31", "08:05"]),
    "pl": ("Relacja na żywo: Lech Poznań - Legia Warszawa",
           ["4 minuty temu", "godzinę temu", "2 godziny temu", "Godz. 9:31", "Godz. 8:05"]),
}  # fmt: skip


@pytest.mark.parametrize("form", ["<h3>{}</h3>", "<p><strong>{}</strong></p>"])
@pytest.mark.parametrize("lang", sorted(_WORDED_TICKERS))
@pytest.mark.parametrize("url", [LIVE_URL, "https://news.example/region/storm-ticker.html"])
def test_a_flat_tickers_entry_titled_by_how_long_ago_in_words_alone(
    form: str, lang: str, url: str
) -> None:
    """German and Polish tickers are flat (a title line, then paragraphs): an entry whose
    title line says how long ago in words alone ("vor einer Stunde", "godzinę temu", "an hour
    ago") is an entry as "vor 2 Stunden" is, at the fetch less an hour, and its stamp no word
    of it nor of the entry above."""
    title, stamps = _WORDED_TICKERS[lang]
    lines = "".join(
        form.format(stamp) + f"<p>Entry {n}: what the fire brigade reports from the city.</p>"
        for n, stamp in enumerate(stamps)
    )
    page = page_of(
        f"<div class='article-body'>{lines}</div>", title, lang, "2024-05-01T06:00:00+02:00"
    )
    updates = extract_page(page, url, fetched_at="2024-05-01T10:00:00Z").updates
    assert [(u.published_at, u.headline, u.body_text) for u in updates] == [
        (when, None, f"Entry {n}: what the fire brigade reports from the city.")
        for n, when in enumerate(
            ["2024-05-01T09:56:00Z", "2024-05-01T09:00:00Z", "2024-05-01T08:00:00Z",
             "2024-05-01T07:31:00Z", "2024-05-01T06:05:00Z"]
        )
    ]  # fmt: skip


def test_a_flat_tickers_entry_titled_in_words_is_dated_by_its_title_not_a_quoted_tweet() -> None:
    """An entry titled "vor einer Stunde" that embeds a tweet, its card stamped "vor 3
    Stunden": the entry went up an hour ago, as its title says, not when the tweet did."""
    stamps = ["vor 4 Minuten", "vor einer Stunde", "vor 2 Stunden", "9.31 Uhr", "8.05 Uhr"]
    tweet = (
        "<blockquote class='twitter-tweet'><p>Bäume auf der B22, bitte meiden.</p>&mdash; "
        "Polizei Bamberg <a href='https://twitter.com/x/status/1'>vor 3 Stunden</a></blockquote>"
    )
    lines = "".join(
        f"<h3>{stamp}</h3><p>Meldung {n}: was die Feuerwehr in der Stadt berichtet.</p>"
        + (tweet if n == 1 else "")
        for n, stamp in enumerate(stamps)
    )
    updates = live_updates(
        f"<div class='article-body'>{lines}</div>",
        "Unwetter: Alle News im Ticker",
        "2024-05-01T10:00:00Z",
        published="2024-05-01T06:00:00+02:00",
        lang="de",
    )
    assert [u.published_at for u in updates] == [
        "2024-05-01T09:56:00Z",
        "2024-05-01T09:00:00Z",
        "2024-05-01T08:00:00Z",
        "2024-05-01T07:31:00Z",
        "2024-05-01T06:05:00Z",
    ]


@pytest.mark.parametrize("form", ["<h2>{}</h2>", "<p><b>{}</b></p>"])
@pytest.mark.parametrize(
    ("lang", "stamps"),
    [
        ("de", ["gerade eben", "vor einer Minute", "vor einer Stunde", "vor einem Tag"]),
        ("en", ["Just now", "a minute ago", "an hour ago", "a day ago"]),
        ("fr", ["À l'instant", "il y a une minute", "il y a une heure", "il y a un jour"]),
        ("es", ["Hace un momento", "hace un minuto", "hace una hora", "hace un día"]),
        ("pl", ["Przed chwilą", "minutę temu", "godzinę temu", "dzień temu"]),
    ],
)
def test_a_flat_ticker_whose_every_stamp_is_in_words(
    form: str, lang: str, stamps: list[str]
) -> None:
    """A ticker's newest entries, each titled with how long ago in words alone, "just now"
    among them ("gerade eben", "à l'instant", "przed chwilą"), in a heading or a bold line:
    each is an entry at the fetch less what its title says."""
    lines = "".join(
        form.format(stamp) + f"<p>Entry {n}: what the fire brigade reports from the city.</p>"
        for n, stamp in enumerate(stamps)
    )
    page = page_of(f"<div class='article-body'>{lines}</div>", "Storm: live ticker", lang)
    updates = extract_page(page, LIVE_URL, fetched_at="2024-05-01T10:00:00Z").updates
    assert [(u.published_at, u.headline, u.body_text) for u in updates] == [
        (when, None, f"Entry {n}: what the fire brigade reports from the city.")
        for n, when in enumerate(
            ["2024-05-01T10:00:00Z", "2024-05-01T09:59:00Z", "2024-05-01T09:00:00Z",
             "2024-04-30T10:00:00Z"]
        )
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "sentences"),
    [
        ("de", ["Vor einer Stunde hat die Polizei die Autobahn bei Ingolstadt gesperrt.",
                "Vor zwei Stunden meldeten Autofahrer einen Wagen mit hoher Geschwindigkeit.",
                "Vor einem Tag war der Fahrer schon einmal kontrolliert worden, hieß es."]),
        ("en", ["An hour ago I was sitting on the bus without my phone, looking out.",
                "A minute ago I noticed the man opposite was reading a paper book.",
                "A day ago I would have laughed at the idea of leaving it at home."]),
    ],
)  # fmt: skip
def test_how_long_ago_in_words_that_opens_a_sentence_opens_no_entry(
    lang: str, sentences: list[str]
) -> None:
    """How long ago in words opens an entry only as a title line that says nothing else: an
    article's sentences that open with it ("Vor einer Stunde hat die Polizei…", "An hour ago I
    was…"), each a paragraph or a bold lead that runs on, are no ticker's entries, at an
    ordinary address or a live one, and in a ticker they stay their entry's words."""
    plain = "".join(f"<p>{s}</p>" for s in sentences)
    led = "".join(f"<p><strong>{s.split(' ', 3)[0]} {s.split(' ', 3)[1]} {s.split(' ', 3)[2]}"
                  f"</strong> {s.split(' ', 3)[3]}</p>" for s in sentences)  # fmt: skip
    for body in (plain, led):
        page = page_of(f"<div class='article-body'>{body}</div>", "A story", lang)
        for url in (LIVE_URL, "https://news.example/region/a-story.html"):
            assert extract_page(page, url, fetched_at="2024-05-01T10:00:00Z").updates == []
    ticker = "".join(
        f"<h3>vor {n + 2} Stunden</h3><p>{s}</p><p>Meldung {n}: was die Feuerwehr berichtet.</p>"
        for n, s in enumerate(sentences)
    )
    page = page_of(f"<div class='article-body'>{ticker}</div>", "Unwetter: Ticker", lang)
    updates = extract_page(page, LIVE_URL, fetched_at="2024-05-01T10:00:00Z").updates
    assert [u.body_text for u in updates] == [
        f"{s}\n\nMeldung {n}: was die Feuerwehr berichtet." for n, s in enumerate(sentences)
    ]


_NARRATIVE = "The rain had stopped by then, and the street was quiet, the shops shut for the night."


@pytest.mark.parametrize("form", ["<h2>{}</h2>", "<p><strong>{}</strong></p>"])
@pytest.mark.parametrize(
    ("lang", "title", "lines"),
    [
        # A feature told as a countdown, oldest first.
        ("en", "The last three hours of the old pier",
         ["Three hours ago", "Two hours ago", "An hour ago", "A moment ago", "Just now"]),
        # A poem's or a song's stanzas, a TV guide's films, titled so in no order of time.
        ("de", "Gedicht: Zeit", ["Vor einer Stunde", "Gerade eben", "Vor einem Tag"]),
        ("en", "Lyrics: Hours", ["An hour ago", "Just now", "A day ago", "A minute ago"]),
        ("en", "On TV tonight", ["Two hours ago", "One hour ago", "Just now", "A day ago"]),
        # A Q&A's bold questions.
        ("en", "Q&A: the flood", ["Just now?", "An hour ago?", "A day ago?"]),
        # A feature's then and now, newest first, in years or weeks: no ticker's stamps.
        ("en", "Then and now: our town",
         ["A year ago", "Five years ago", "Ten years ago", "Twenty years ago"]),
        ("de", "Damals und heute", ["Vor einem Jahr", "Vor zwei Jahren", "Vor drei Jahren"]),
        ("en", "Then and now: our town", ["A week ago", "A month ago", "A year ago"]),
        # A first line older than the next is a pinned entry only where it is under a week
        # old, and only one: a feature's "A year ago" over its newest first, or two lines
        # rising before the rest fall, title no ticker's entries.
        ("en", "Then and now: our town",
         ["A year ago", "Just now", "A minute ago", "An hour ago", "A day ago"]),
        ("en", "The last hours of the old pier",
         ["Three hours ago", "Two hours ago", "Just now", "A minute ago", "An hour ago"]),
        ("pl", "Wiersz: Czas", ["Rok temu", "Przed chwilą", "Minutę temu", "Godzinę temu"]),
        # An article's story so far, newest first, a day or more apart each: a chronology's
        # steps, no ticker's stamps.
        ("de", "Was bisher geschah", ["Vor einem Tag", "Vor zwei Tagen", "Vor drei Tagen"]),
        ("en", "The story so far", ["A day ago", "Two days ago", "Three days ago", "Five days ago"]),
    ],
)  # fmt: skip
def test_lines_titled_how_long_ago_in_words_out_of_a_tickers_order_are_no_ticker(
    form: str, lang: str, title: str, lines: list[str]
) -> None:
    """A ticker's stamps in words ("an hour ago", "gerade eben") fall down the page, newest
    first, the newest under a week old, and each says when: sub-headings in those words that
    rise (a countdown), that go back and forth (a poem's, a song's, a TV guide's films), that
    look back years (a feature's then and now) or a day or more each (an article's story so
    far) or that ask are no ticker's, even at a live address."""
    body = "".join(form.format(line) + f"<p>{_NARRATIVE} ({n})</p>" for n, line in enumerate(lines))
    assert live_updates(f"<div class='article-body'>{body}</div>", title, MAY_DAY, lang=lang) == []


_PINNED_WORDED = {
    "de": ("Unwetter in Franken: Alle News im Ticker",
           ["vor drei Stunden", "gerade eben", "vor einer Minute", "vor einer Stunde"]),
    "en": ("Live: Storm updates from across the county",
           ["three hours ago", "just now", "a minute ago", "an hour ago", "a day ago"]),
    "pl": ("Relacja na żywo: Burza nad Poznaniem",
           ["3 godziny temu", "przed chwilą", "minutę temu", "godzinę temu"]),
}  # fmt: skip


@pytest.mark.parametrize("form", ["<h3>{}</h3>", "<p><strong>{}</strong></p>"])
@pytest.mark.parametrize("lang", sorted(_PINNED_WORDED))
@pytest.mark.parametrize("url", [LIVE_URL, "https://news.example/region/storm-ticker.html"])
def test_a_pinned_entry_atop_a_flat_ticker_stamped_in_words(form: str, lang: str, url: str) -> None:
    """A flat ticker's oldest entry pinned above its newest ("vor drei Stunden" over "gerade
    eben"), the lines after it, three or more, falling down the page: the first line out of
    order is a pinned entry, and each stamp in words still opens its entry, at the fetch less
    what it says."""
    title, stamps = _PINNED_WORDED[lang]
    lines = "".join(
        form.format(stamp) + f"<p>Entry {n}: what the fire brigade reports from the city.</p>"
        for n, stamp in enumerate(stamps)
    )
    page = page_of(
        f"<div class='article-body'>{lines}</div>", title, lang, "2024-05-01T06:00:00+02:00"
    )
    updates = extract_page(page, url, fetched_at="2024-05-01T10:00:00Z").updates
    assert [(u.published_at, u.headline, u.body_text) for u in updates] == [
        (when, None, f"Entry {n}: what the fire brigade reports from the city.")
        for n, when in enumerate(
            ["2024-05-01T07:00:00Z", "2024-05-01T10:00:00Z", "2024-05-01T09:59:00Z",
             "2024-05-01T09:00:00Z", "2024-04-30T10:00:00Z"][: len(stamps)]
        )
    ]  # fmt: skip


_LARGER_WORDED = {
    "de": ("Unwetter in Franken: Alle News im Ticker",
           ["vor fünf Minuten", "vor zwanzig Minuten", "vor einer Dreiviertelstunde",
            "vor zwei Stunden", "vor fünf Stunden"]),
    "it": ("Maltempo in Emilia: la diretta",
           ["cinque minuti fa", "venti minuti fa", "tre quarti d'ora fa", "due ore fa",
            "cinque ore fa"]),
    "pl": ("Relacja na żywo: Burza nad Poznaniem",
           ["pięć minut temu", "dwadzieścia minut temu", "trzy kwadranse temu",
            "dwie godziny temu", "pięć godzin temu"]),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(_LARGER_WORDED))
def test_a_flat_ticker_stamped_with_larger_numbers_in_words(lang: str) -> None:
    """A flat ticker stamped how long ago with numbers above three in words ("vor fünf
    Minuten", "cinque minuti fa") and quarters of an hour: each stamp opens its entry at the
    fetch less what it says, not one minute or one hour back, nor not at all."""
    title, stamps = _LARGER_WORDED[lang]
    lines = "".join(
        f"<h3>{stamp}</h3><p>Entry {n}: what the fire brigade reports from the city.</p>"
        for n, stamp in enumerate(stamps)
    )
    page = page_of(f"<div class='article-body'>{lines}</div>", title, lang)
    updates = extract_page(page, LIVE_URL, fetched_at="2024-05-01T10:00:00Z").updates
    assert [(u.published_at, u.body_text) for u in updates] == [
        (when, f"Entry {n}: what the fire brigade reports from the city.")
        for n, when in enumerate(
            ["2024-05-01T09:55:00Z", "2024-05-01T09:40:00Z", "2024-05-01T09:15:00Z",
             "2024-05-01T08:00:00Z", "2024-05-01T05:00:00Z"]
        )
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "label"), [("de", "Angepinnt"), ("en", "Pinned"), ("pl", "Przypięty")]
)
def test_a_pinned_entry_atop_a_flat_ticker_stamped_in_words_under_its_label(
    lang: str, label: str
) -> None:
    """The pinned entry atop a flat ticker stamped in words, its words opened by a "Pinned"
    label ("Angepinnt", "Przypięty"), is flagged pinned, the label no word of it; the entries
    below are not."""
    title, stamps = _PINNED_WORDED[lang]
    lines = "".join(
        f"<h3>{stamp}</h3>"
        + (f"<p><span class='label'>{label}</span></p>" if n == 0 else "")
        + f"<p>Entry {n}: what the fire brigade reports from the city.</p>"
        for n, stamp in enumerate(stamps)
    )
    page = page_of(f"<div class='article-body'>{lines}</div>", title, lang)
    updates = extract_page(page, LIVE_URL, fetched_at="2024-05-01T10:00:00Z").updates
    assert [(u.pinned, u.body_text) for u in updates] == [
        (n == 0, f"Entry {n}: what the fire brigade reports from the city.")
        for n in range(len(stamps))
    ]


def test_a_comment_thread_whose_stamps_say_how_long_ago_is_no_ticker() -> None:
    """Readers' comments each under a line that says how long ago ("2 days ago"), flat in a
    box that names them nothing, on a page that says live: how long ago titles a ticker's
    entry only in a heading."""
    comments = "".join(
        f"<p>{n + 2} days ago</p><p>I really think the council got this one wrong, the roads "
        f"are terrible and the schools need money, says reader {n}.</p>"
        for n in range(5)
    )
    main = f"<div class='x'><h2>What readers say</h2>{comments}</div>"
    assert (
        live_updates(main, "Storm live: trees down across the city", "2024-06-13T20:30:00Z") == []
    )


def test_a_flat_ticker_whose_entries_open_with_a_box_of_their_time_and_title() -> None:
    """Arc XP's live stories cut by a timestamp power-up: each entry opens with a box of its
    time and, on some, its title (`<div><time>…</time><h2>…</h2></div>`), then paragraphs.
    A box with a title opens an entry as one without does (those with titles were folded
    into the entry above)."""
    entries = [("8:15", "Crews expect power back by Friday"), ("7:30", None),
               ("6:45", "Tree falls on home"), ("5:50", None), ("4:20", "Outages climb")]  # fmt: skip
    body = "".join(
        f"<div class='timestamp-powerup' id='ts-{9 - n}'><time datetime='2024-06-13T{int(c[0]) + 16}:"
        f"{c[2:]}:00Z'>{c} PM EDT</time>"
        + (f"<h2>{title}</h2>" if title else "")
        + f"</div><p>What entry {n} reports from the storm, in a few more words.</p>"
        for n, (c, title) in enumerate(entries)
    )
    page = page_of(
        f"<div class='b-article-body'><p>Storms moved through on Thursday.</p>{body}</div>",
        title="LIVE UPDATES: Severe storms knock out power",
    )
    url = "https://www.wvlt.tv/2024/06/13/live-updates-severe-storms/"
    updates = extract_page(page, url, fetched_at="2024-06-14T00:30:00Z").updates
    assert [(u.source_id, u.headline) for u in updates] == [
        (f"ts-{9 - n}", title) for n, (_, title) in enumerate(entries)
    ]
    assert [u.body_text[:12] for u in updates] == [f"What entry {n}" for n in range(5)]
    # A box of the same kind whose time says no clock ("Just now", the fetch's time) opens
    # its entry too.
    fresh = page.replace(b">8:15 PM EDT<", b">Just now<")
    updates = extract_page(fresh, url, fetched_at="2024-06-14T00:30:00Z").updates
    assert [(u.source_id, u.published_at) for u in updates][:2] == [
        ("ts-9", "2024-06-14T00:30:00Z"),
        ("ts-8", "2024-06-13T23:30:00Z"),
    ]


def test_a_pinned_older_post_above_posts_whose_time_elements_date_them() -> None:
    """Tickaroo's renderer without its wrapper (a FAZ ticker as a page saves it): each post's
    `<time datetime="…Z">` shows its Berlin clock in a `<span>`, and the pinned post on top
    is older than the rest. The `datetime` dates each post, to the second: the clocks are not
    placed down the stream as bare ones, where the pinned post's earlier clock would read as
    midnight passed and put the rest a day early."""
    stamps = ["10:05:00", "15:42:13", "15:17:40", "14:51:02", "13:30:21"]
    posts = "".join(
        f'<div class="tik4-event{" tik4-event--pin" if n == 0 else ""}" id="tik4-event-{n}">'
        f'<div class="tik4-meta"><time class="tik4-meta__ts" datetime="2026-11-29T{at}.000Z">'
        f'<span class="tik4-meta__ts__time">{int(at[:2]) + 1:02d}:{at[3:5]}</span></time></div>'
        f'<div class="tik4-event__body"><h2>Verhandlungen, Stand {n}</h2><div>Was der Eintrag {n} '
        "über die Gespräche in Potsdam berichtet.</div></div></div>"
        for n, at in enumerate(stamps)
    )
    url = "https://www.faz.net/aktuell/wirtschaft/liveblog-tarifstreit-110123456.html"
    updates = live_updates(
        f"<div class='tik4-event-list'>{posts}</div>",
        "Liveblog zum Tarifstreit",
        "2026-11-29T15:50:00Z",
        published="2026-11-29T09:00:00+01:00",
        lang="de",
        url=url,
    )
    assert [u.published_at for u in updates] == [f"2026-11-29T{at}Z" for at in stamps]


@pytest.mark.parametrize(
    ("dateline", "days"),
    [
        ("<div class='date'>January 10, 2024</div>", ("11", "10")),  # the day the blog began
        ("<div class='date'><span>Updated</span> January 11, 2024</div>", ("11", "10")),
        ("<div class='date'>Last updated: January 10, 2024</div>", ("10", "09")),
        ("<div class='date'>Last revised January 10, 2024</div>", ("10", "09")),
        ("<blockquote class='tweet'><p>Polls open soon</p>— Clerk (@clerk) January 10, 2024"
         "</blockquote>", ("10", "09")),  # a quoted tweet's day: the newest post's
    ],
)  # fmt: skip
def test_a_stream_past_midnight_begins_on_the_day_its_page_is_dated(
    dateline: str, days: tuple[str, str]
) -> None:
    """Newspack Lite prints only each post's clock, and above them the day the blog began
    (the post's date). A blog that runs past midnight ends the next day: the date is the
    oldest post's day, not the newest's, unless its line says the page was updated, and a
    quoted tweet's date is of the newest posts' day. (Read a year later, so that the fetch
    cannot tell.)"""
    posts = "".join(
        f"<div class='liveblog-entry'><div class='liveblog-entry-meta'><time>{clock}</time>"
        f" &mdash; Dana Whitfield</div><div class='liveblog-entry-content'><p>Result {n}: what"
        f" the count says now, in a few words.</p></div></div>"
        for n, clock in enumerate(["1:12 am", "11:38 pm", "8:01 pm"])
    )
    page = (
        "<html lang='en-GB'><head><title>Live: mayoral election results</title></head><body>"
        f"<h1>Live: mayoral election results</h1>{dateline}<div class='liveblog-entries'>"
        f"{posts}</div></body></html>"
    )
    url = "https://www.towntimes.co.uk/2024/live-mayoral-election-results/lite/"
    updates = extract_page(page.encode(), url, fetched_at="2025-03-01T12:00:00Z").updates
    newest, oldest = days
    expected = [f"2024-01-{newest}T01:12:00Z", f"2024-01-{oldest}T23:38:00Z"]
    assert [u.published_at for u in updates] == [*expected, f"2024-01-{oldest}T20:01:00Z"]


DPG_URL = "https://www.towntimes.co.uk/news/live-fire-at-the-depot~b9a0c1d2/"


def dpg_times(
    clocks: list[str],
    published: str,
    modified: str = "",
    lang: str = "en-GB",
    url: str = DPG_URL,
    fetched: str = "2025-03-01T12:00:00Z",
    older: str = "",
    ld: bool = False,
    end: str = "",
) -> list[str | None]:
    """The times read from a DPG-style live blog (`li.live-blog__moment-list__item`, a bare
    clock each) whose head states only its published time (if given), and a modified time if
    given, in meta tags or, `ld`, its JSON-LD: read long after, so that the fetch cannot tell
    the days. `older`: markup after the stream (a link to the blog's older page); `end`:
    markup that ends the stream's own section, in the article in <main>."""
    posts = "".join(
        f"<li class='live-blog__moment-list__item'><div class='live-blog__moment__date'>{clock}"
        f"</div><h2>Moment {n}</h2><p>What the fire brigade says now, in a few more words.</p>"
        "</li>"
        for n, clock in enumerate(clocks)
    )
    labelled = {"published": published, "modified": modified}
    if ld:
        dates = {f"date{label.title()}": time for label, time in labelled.items() if time}
        data = {"@context": "https://schema.org", "@type": "NewsArticle", **dates}
        times = f"<script type='application/ld+json'>{json.dumps(data)}</script>"
    else:
        times = "".join(
            f"<meta property='article:{label}_time' content='{time}'>"
            for label, time in labelled.items()
            if time
        )
    stream = f"<ul class='live-blog__moment-list'>{posts}</ul>"
    if end:
        stream = (
            f"<main><article><section class='live-blog'>{stream}{end}</section></article></main>"
        )
    page = (
        f"<html lang='{lang}'><head><title>Live: fire at the depot</title>{times}</head><body>"
        f"<h1>Live: fire at the depot</h1>{stream}{older}</body></html>"
    )
    return [u.published_at for u in extract_page(page.encode(), url, fetched_at=fetched).updates]


@pytest.mark.parametrize(
    ("published", "modified", "days"),
    [
        ("2024-01-10T19:55:00Z", "", ("11", "10")),  # when the blog began, before its first post
        ("2024-01-10T17:05:00Z", "", ("11", "10")),  # ... under three hours before it
        ("2024-01-11T01:14:00Z", "", ("11", "10")),  # its last change, just after its newest post
        ("2024-01-10T16:30:00Z", "", ("10", "09")),  # a time long before the first post: no start
        ("2024-01-10T23:45:00Z", "", ("10", "09")),  # nor one after it
        ("2024-01-10T19:55:00Z", "2024-01-10T19:55:00Z", ("11", "10")),  # modified as published
        # A last change the next evening, just before the hour the blog began, is no start.
        ("2024-01-09T19:50:00Z", "2024-01-10T18:31:00Z", ("10", "09")),
    ],
)
def test_a_stream_past_midnight_begins_at_the_time_its_page_was_published(
    published: str, modified: str, days: tuple[str, str]
) -> None:
    """DPG's live blogs state only `article:published_time`: the evening the blog began. Its
    posts after midnight are on the next day, where that time is the page's own newest machine
    time and no other is stated: placed on its day, the stream would end hours before it, and
    a day later it begins right after it. A published time that is the last change dates the
    newest posts, as a modified time does."""
    newest, oldest = days
    expected = [f"2024-01-{newest}T01:12:00Z", f"2024-01-{oldest}T23:38:00Z"]
    assert dpg_times(["01:12", "23:38", "20:01"], published, modified) == [
        *expected,
        f"2024-01-{oldest}T20:01:00Z",
    ]


@pytest.mark.parametrize(
    ("lang", "url", "published", "clocks", "expected"),
    [
        # The night the clocks go back (27 October 2024 in Amsterdam): a day by the wall's clocks.
        ("nl", "https://www.example.nl/nieuws/live-brand~b1/", "2024-10-27T20:00:00+01:00",
         ["01:10", "23:40", "20:10"],
         ["2024-10-28T00:10:00Z", "2024-10-27T22:40:00Z", "2024-10-27T19:10:00Z"]),
        # A day's stream, its page's time a last change late that evening: on that day.
        ("en-GB", "https://www.example.co.uk/news/live-count~b2/", "2024-01-10T23:30:00Z",
         ["22:00", "12:10", "00:30"],
         ["2024-01-10T22:00:00Z", "2024-01-10T12:10:00Z", "2024-01-10T00:30:00Z"]),
    ],
)  # fmt: skip
def test_a_blog_begun_late_is_placed_by_the_wall_clocks(
    lang: str, url: str, published: str, clocks: list[str], expected: list[str]
) -> None:
    """The time a blog began, against its first post, is read by the clocks on the wall: on
    the night the clocks change a day is still a day. A stream of one day that ends before
    its page's late time has not crossed midnight: that time is no start."""
    times = dpg_times(clocks, published, lang=lang, url=url, fetched="2025-06-01T12:00:00Z")
    assert times == expected


@pytest.mark.parametrize("fetched", ["2025-01-16T11:00:00Z", "2025-06-01T12:00:00Z"])
def test_a_blog_begun_late_whose_shown_posts_are_all_after_midnight_is_on_the_next_day(
    fetched: str,
) -> None:
    """A blog begun at 23:00 whose page shows only its posts of the next morning, 00:10 to
    10:40 (the night's first posts on an older page): placed on the day it began, every post
    would stand before the page did, its newest half a day before it; they are on the next
    day, its first post right after the start, as where the stream crosses midnight."""
    clocks = ["10:40", "07:30", "01:20", "00:10"]
    assert dpg_times(clocks, "2025-01-15T23:00:00Z", fetched=fetched) == [
        f"2025-01-16T{c}:00Z" for c in clocks
    ]


@pytest.mark.parametrize("fetched", ["2025-01-16T11:00:00Z", "2025-06-01T12:00:00Z"])
def test_a_blog_whose_shown_posts_begin_hours_before_it_began_on_its_day_is_a_day_later(
    fetched: str,
) -> None:
    """A blog begun at 08:00 that ran on, whose page shows only its newest posts, 00:10 to
    10:40 the next morning: placed on the day it began, its first posts would stand before
    the blog did; they are a day later, after its start."""
    clocks = ["10:40", "07:30", "01:20", "00:10"]
    assert dpg_times(clocks, "2025-01-15T08:00:00Z", fetched=fetched) == [
        f"2025-01-16T{c}:00Z" for c in clocks
    ]


@pytest.mark.parametrize(
    ("published", "modified", "day"),
    [
        # Saved again five years on (The Hindu's "Updated - November 17, 2021" above
        # "Published - July 28, 2016"): its newest post would stand hours after the change.
        ("2016-01-28T11:22:00Z", "2021-11-17T04:44:00Z", "2016-01-28"),
        # A blog that ran on for months: its last change is its newest post's.
        ("2022-02-24T11:22:00Z", "2024-03-05T21:35:00Z", "2024-03-05"),
        # ... or a correction made that evening, hours after its newest post, on a first page
        # that shows the last day, begun at the hour the blog began: a change after every
        # post's clock is what a late edit looks like, and a re-save as late in the day reads
        # the same (no telling, so the page's day stands).
        ("2022-02-24T11:22:00Z", "2024-03-05T23:50:00Z", "2024-03-05"),
        ("2021-11-15T11:22:00Z", "2021-11-17T23:50:00Z", "2021-11-17"),
        ("2016-01-28T11:22:00Z", "2021-11-17T23:50:00Z", "2021-11-17"),
        # A change after the posts, but a first post nowhere near the start: no telling.
        ("2016-01-28T06:00:00Z", "2021-11-17T04:44:00Z", "2021-11-17"),
        # A placeholder published the day before: no start two days back at the least.
        ("2021-11-16T11:22:00Z", "2021-11-17T04:44:00Z", "2021-11-17"),
    ],
)
def test_a_page_saved_again_long_after_its_blog_ended_keeps_its_posts_days(
    published: str, modified: str, day: str
) -> None:
    """Bare clocks are placed on the page's last day; not where that last change is no post's
    (its newest post would stand over an hour after it) and the stream, as many days earlier
    as it crossed midnights, begins right after the page was first published."""
    times = dpg_times(
        ["21:31", "15:40", "11:37"], published, modified, fetched="2024-11-12T08:20:00Z"
    )
    assert times == [f"{day}T21:31:00Z", f"{day}T15:40:00Z", f"{day}T11:37:00Z"]


@pytest.mark.parametrize(
    ("modified", "day"),
    [
        # Corrected the next morning, after the day's first clock: on that day the change
        # would stand amid its posts, the newest over half a day after it.
        ("2024-03-13T08:00:00Z", "2024-03-12"),
        ("2024-03-13T09:30:00Z", "2024-03-12"),
        # ... not where it stands nearer the next day's newest post: a live page's modified
        # time a few hours stale (a placeholder published the day before, read days later).
        ("2024-03-13T14:00:00Z", "2024-03-13"),
        ("2024-03-13T21:30:00Z", "2024-03-13"),
        # ... nor where it comes before the next day's first post: a placeholder's last edit
        # before the posts began (no telling).
        ("2024-03-13T06:30:00Z", "2024-03-13"),
    ],
)
def test_a_days_blog_corrected_the_next_morning_keeps_its_posts_on_their_day(
    modified: str, day: str
) -> None:
    """A one-day blog of bare clocks, published that morning, its page changed the next
    morning and read days later: no post is much later than the page's own last change, and
    the stream begins right after the page was published, so its posts are of that day."""
    clocks = ["22:05", "19:40", "13:30", "09:20", "07:10"]
    times = dpg_times(clocks, "2024-03-12T06:55:00Z", modified, fetched="2024-03-17T10:00:00Z")
    assert times == [f"{day}T{clock}:00Z" for clock in clocks]


# A link to the blog's older page, below its newest posts.
OLDER_PAGE = "<a class='load-more' href='?page=2'>Load more updates</a>"


@pytest.mark.parametrize(
    ("clocks", "modified", "older", "day"),
    [
        # Its first page: the second day's posts, and a link to the older page that holds
        # the first's. The page is not the blog whole: that what it shows begins at the hour
        # the blog began says nothing of the day.
        (["22:05", "19:40", "13:30", "09:20", "07:10"], "2024-03-13T08:00:00Z", True, "13"),
        # ... and so a third day's, the page's last change stuck at 08:00 of that day.
        (["22:05", "19:40", "13:30", "09:20", "07:10"], "2024-03-14T08:00:00Z", True, "14"),
        # Its second page, the oldest: the first day's posts, the change amid them a day on.
        (["23:50", "21:00", "15:00", "10:00", "07:15"], "2024-03-13T08:00:00Z", False, "12"),
    ],
)
def test_the_pages_of_a_blog_of_days_keep_their_days_under_a_stale_last_change(
    clocks: list[str], modified: str, older: bool, day: str
) -> None:
    """A blog begun one morning that ran on for days, each page showing a day's posts, its
    modified time stuck at 08:00 of its last day, read days later: only the page that holds
    the blog's start, with no older page, begins at the time the blog was published."""
    times = dpg_times(
        clocks,
        "2024-03-12T06:55:00Z",
        modified,
        fetched="2024-03-17T10:00:00Z",
        older=OLDER_PAGE if older else "",
    )
    assert times == [f"2024-03-{day}T{clock}:00Z" for clock in clocks]


@pytest.mark.parametrize(
    "markup",
    [
        {"older": "<button class='load-more' type='button'>Load more updates</button>"},
        {"older": "<a class='btn' href='javascript:void(0)'>Load more</a>"},
        {"older": "<button class='liveblog__more'>Weitere Einträge laden</button>"},
        # (A box that only says it has comments below is none of theirs.)
        {
            "older": "<div class='stream-end has-comments'><button type='button'>Load more"
            "</button></div>"
        },
        # In the stream's own <footer> or pager <nav>, inside its article (only the page's
        # footer and nav are no stream's).
        {
            "end": "<footer class='live-blog__footer'><button type='button' class='btn'>"
            "Load more</button></footer>"
        },
        {
            "end": "<nav class='live-blog__pagination' aria-label='Pagination'><button "
            "type='button'>Show more</button></nav>"
        },
        {"end": "<footer><a class='button' href='#'>Mehr laden</a></footer>"},
    ],
)
def test_a_first_page_whose_older_posts_a_script_loads_keeps_its_day(
    markup: dict[str, str],
) -> None:
    """The first page of a blog of days, its second day's posts under a modified time stuck
    at 08:00 of that day, whose older posts a button loads by script, not a link, after the
    stream or in its own footer or pager: the page says it shows the newest posts, not the
    blog from its start, as a link to its older page does."""
    clocks = ["22:05", "19:40", "13:30", "09:20", "07:10"]
    times = dpg_times(
        clocks,
        "2024-03-12T06:55:00Z",
        "2024-03-13T08:00:00Z",
        fetched="2024-03-17T10:00:00Z",
        **markup,
    )
    assert times == [f"2024-03-13T{clock}:00Z" for clock in clocks]


@pytest.mark.parametrize(
    "button",
    [
        # Readers' comments below the blog, and the next of them.
        "<section class='comments' id='comments'><h2>Comments</h2><ol><li class='comment'>"
        "Thanks for the coverage all day.</li></ol><button type='button'>Load more</button>"
        "</section>",
        "<div id='kommentare'><h2>Kommentare</h2><button class='btn'>Mehr laden</button></div>",
        "<div class='reacties'><h2>Reacties</h2><a href='#' class='btn'>Meer laden</a></div>",
        # A sidebar's most read stories.
        "<aside><h2>Les plus lus</h2><ol><li><a href='/article-1'>Un article</a></li></ol>"
        "<button type='button'>Voir plus</button></aside>",
        # The page's own footer, outside the article: its more stories.
        "<footer class='site-footer'><h2>More from Town Times</h2><ul><li><a href='/a'>A "
        "story</a></li></ul><button type='button'>Load more</button></footer>",
        # A box that opens in place: the blog's summary.
        "<div class='summary'><ul><li>Fire out by the evening</li></ul>"
        "<button aria-expanded='false'>Show more</button></div>",
    ],
)
def test_a_days_blog_with_a_button_that_loads_no_posts_keeps_its_day(button: str) -> None:
    """A one-day blog corrected the next morning, read days later, with a "Load more" of its
    comments, a sidebar's "Voir plus" or a summary's "Show more": none loads older posts, and
    the posts stay on the day the blog began."""
    clocks = ["22:05", "19:40", "13:30", "09:20", "07:10"]
    times = dpg_times(
        clocks,
        "2024-03-12T06:55:00Z",
        "2024-03-13T08:00:00Z",
        fetched="2024-03-17T10:00:00Z",
        older=button,
    )
    assert times == [f"2024-03-12T{clock}:00Z" for clock in clocks]


def test_a_rolling_blogs_stale_last_change_fetched_that_day_moves_nothing() -> None:
    """A blog begun in 2022 that rolls on: its modified time lags its newest posts, and the
    page is fetched the day they are of: they are that day's."""
    times = dpg_times(
        ["11:45", "09:20", "07:10"],
        "2022-02-24T07:05:00Z",
        "2024-01-10T08:30:00Z",
        fetched="2024-01-10T12:00:00Z",
    )
    assert times == ["2024-01-10T11:45:00Z", "2024-01-10T09:20:00Z", "2024-01-10T07:10:00Z"]


@pytest.mark.parametrize(
    ("first", "newest", "day"),
    [
        # Begun ten minutes after the page's time, ended forty minutes short of a day later:
        # it began then, the day before its newest posts.
        ("08:10", "07:20", "11"),
        # Ended ten minutes before the page's time, begun an hour after it a day earlier: that
        # time is its last change.
        ("09:00", "07:50", "10"),
        # ... and as near either way: no telling, so the page's day stands.
        ("08:10", "07:50", "10"),
    ],
)
def test_a_blog_of_nearly_a_day_is_placed_by_the_nearer_reading_of_its_one_time(
    first: str, newest: str, day: str
) -> None:
    """A page that states one machine time, and a stream of nearly a day past midnight: on
    that time's day the stream ends just before it (its last change), and a day later begins
    just after it (its start). The nearer reading stands."""
    clocks = [newest, "03:00", "00:40", "23:30", "18:00", "12:00", first]
    times = dpg_times(clocks, "2024-01-10T08:00:00Z", fetched="2024-01-20T12:00:00Z")
    before = f"{int(day) - 1:02d}"
    assert times == [
        *(f"2024-01-{day}T{clock}:00Z" for clock in clocks[:3]),
        *(f"2024-01-{before}T{clock}:00Z" for clock in clocks[3:]),
    ]


@pytest.mark.parametrize("ld", [False, True])
@pytest.mark.parametrize(("label", "day"), [("published", "11"), ("modified", "10")])
def test_a_blog_of_nearly_a_day_is_placed_by_the_label_of_its_one_time(
    label: str, day: str, ld: bool
) -> None:
    """A page that states one machine time, 08:00, in meta tags or JSON-LD, over a stream
    from 08:10 to 07:20 the next morning: labelled its start, the blog began then, its
    newest posts on the next day; labelled its last change (`article:modified_time`,
    `dateModified`), that time is the stream's end, not its start, however near after it the
    stream would begin a day later: its newest post stands forty minutes before it."""
    clocks = ["07:20", "03:00", "00:40", "23:30", "18:00", "12:00", "08:10"]
    time = "2024-01-10T08:00:00Z"
    published, modified = (time, "") if label == "published" else ("", time)
    times = dpg_times(clocks, published, modified, fetched="2024-01-20T12:00:00Z", ld=ld)
    before = f"{int(day) - 1:02d}"
    assert times == [
        *(f"2024-01-{day}T{clock}:00Z" for clock in clocks[:3]),
        *(f"2024-01-{before}T{clock}:00Z" for clock in clocks[3:]),
    ]


def test_a_stream_past_two_midnights_begins_at_the_time_its_page_was_published() -> None:
    """A blog begun one evening that ran on for two nights: as many days later as it crossed
    midnights."""
    clocks = ["00:40", "22:10", "09:30", "23:50", "20:05"]
    assert dpg_times(clocks, "2024-01-10T20:00:00Z") == [
        "2024-01-12T00:40:00Z",
        "2024-01-11T22:10:00Z",
        "2024-01-11T09:30:00Z",
        "2024-01-10T23:50:00Z",
        "2024-01-10T20:05:00Z",
    ]


@pytest.mark.parametrize(
    ("edited", "modified"),
    [
        ("Edited on: May 1, 2024, {h}:41 p.m.", "2024-05-01T{pm}:41:00Z"),  # wagtail-live's
        ("Updated {h}:41 pm", "2024-05-01T{pm}:41:00Z"),
    ],
)
def test_a_line_that_says_the_post_was_edited_dates_the_edit(edited: str, modified: str) -> None:
    """A post shows its time, then a line that says when it was last edited ("Edited on:
    …", wagtail-live's, whose class says nothing): the edit's time, not the post's words, nor
    the time the post went up."""
    posts = "".join(
        f'<article class="post" id="p{n}"><time datetime="2024-05-01T1{n}:05:00Z">1{n}:05</time>'
        f"<h2>Post {n}</h2><p>{edited.format(h=n + 2)}</p><p>What the post says about the day, "
        "in more words than that.</p></article>"
        for n in (3, 2, 1)
    )
    updates = live_updates(
        f"<div class='feed'>{posts}</div>", "Storm: live", "2024-05-01T18:00:00Z", MAY_DAY
    )
    assert [(u.published_at, u.modified_at) for u in updates] == [
        (f"2024-05-01T1{n}:05:00Z", modified.format(pm=n + 14)) for n in (3, 2, 1)
    ]
    assert {u.body_text for u in updates} == {
        "What the post says about the day, in more words than that."
    }


@pytest.mark.parametrize(
    "stamp",
    [
        "<div class='meta'>Updated 1{u}:50 &middot; First published 1{n}:05</div>",
        "<div class='meta'><span>Updated 1{u}:50</span> <span>First published 1{n}:05</span></div>",
        "<div class='meta'>Zuletzt aktualisiert 1{u}:50 Uhr, veröffentlicht 1{n}:05 Uhr</div>",
    ],
)
def test_a_posts_edit_time_printed_before_its_first_published_time_is_the_edit(
    stamp: str,
) -> None:
    """A post's line gives its last edit first and then when it went up ("Updated 14:50 ·
    First published 13:05"): the post went up at the second, as where the edit comes after."""
    updates = storm_posts(lambda n: stamp.format(u=n + 1, n=n), (3, 2, 1))
    assert [u.published_at for u in updates] == [f"2024-05-01T1{n}:05:00Z" for n in (3, 2, 1)]


@pytest.mark.parametrize(
    "stamp",
    [
        "<div class='meta'>Updated 1{u}:50 &middot; Posted {n} hours ago</div>",
        "<div class='meta'><span>Updated 1{u}:50</span><br><span>Posted {n} hours ago</span></div>",
        "<div class='meta'>Aktualisiert 1{u}:50 Uhr, veröffentlicht vor {n} Stunden</div>",
        "<div class='meta'>Mis à jour à 1{u}h50 · publié il y a {n} heures</div>",
    ],
)
def test_a_posts_edit_time_printed_before_how_long_ago_it_went_up_is_the_edit(
    stamp: str,
) -> None:
    """A post's line gives its last edit's clock first and then how long ago it went up
    ("Updated 14:50 · Posted 2 hours ago"): the post went up when how long ago says."""
    updates = storm_posts(lambda n: stamp.format(u=8 - n, n=n), (1, 3, 5))
    assert [u.published_at for u in updates] == [f"2024-05-01T1{8 - n}:00:00Z" for n in (1, 3, 5)]


@pytest.mark.parametrize(
    "stamp",
    [
        '<span class="entry-time"><i class="icon icon-pencil" aria-hidden="true"></i> {c}</span>',
        '<span class="entry-time"><i class="fa fa-edit"></i> {c}</span>',
        '<span class="entry-time" aria-label="Updated {c}">{c}</span>',
        '<span class="entry-time" title="Zuletzt aktualisiert">{c}</span>',
        '<span class="entry-time"><i class="ico" title="Mis à jour"></i>{c}</span>',
    ],
)
def test_an_edits_clock_marked_by_its_icon_or_label_alone_is_the_edit(stamp: str) -> None:
    """A post that shows only its last edit's clock, marked by a pencil's icon or by an
    `aria-label` or `title` that says so, beside JSON-LD that gives when it went up: the post
    went up then, as where a word or a class labels the edit."""
    data = []
    posts = []
    hours = range(16, 8, -1)
    for n in hours:
        head = f"Entry {n}: the coast road closes at mile {n * 3}"
        text = f"Crews reported fallen trees near the harbour at point {n}, and the ferry stayed."
        data.append(
            {
                "@type": "BlogPosting",
                "headline": head,
                "articleBody": text,
                "datePublished": f"2024-05-01T{n:02d}:05:00+00:00",
            }
        )
        stamp_html = stamp.format(c=f"{n:02d}:{n + 3}")
        posts.append(
            f'<article class="entry" id="e{n}"><header>{stamp_html}</header><h2>{head}</h2>'
            f"<p>{text}</p></article>"
        )
    ld = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": data}
    body = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Storm: live</title>"
        f"<script type='application/ld+json'>{json.dumps(ld)}</script></head><body><nav><a "
        f"href='/'>Home</a></nav><main><h1>Storm: live</h1><div class='entries'>{''.join(posts)}"
        "</div></main><footer>© Example</footer></body></html>"
    )
    got = extract_page(
        body.encode(), "https://news.example/live", fetched_at="2024-05-01T18:00:00Z"
    )
    assert [u.published_at for u in got.updates] == [f"2024-05-01T{n:02d}:05:00Z" for n in hours]


@pytest.mark.parametrize(
    "stamp",
    [
        '<span class="entry-time"><i class="icon icon-pencil" aria-hidden="true"></i> {c}</span>',
        '<span class="entry-time" aria-label="Last updated {c}">{c}</span>',
        '<time class="entry-time" title="Last updated">{c}</time>',
        '<span class="entry-time" title="Zuletzt aktualisiert">{c}</span>',
    ],
)
def test_a_clock_labelled_the_edits_alone_dates_its_post_where_nothing_else_does(
    stamp: str,
) -> None:
    """A CMS that labels every post's only stamp "Last updated" to a screen reader or a
    pointer alone (an `aria-label`, a `title`, a pencil's icon), with no structured data or
    markup time besides: the clock shown dates the post, as "Updated 14:40" shown alone does,
    not nothing."""
    posts = "".join(
        f'<article class="entry" id="e{n}"><header>{stamp.format(c=f"{n:02d}:{n + 3}")}'
        f"</header><h2>Entry {n}: the coast road closes at mile {n * 3}</h2><p>Crews reported "
        f"fallen trees near the harbour at point {n}, and the ferry stayed.</p></article>"
        for n in range(16, 10, -1)
    )
    page = page_of(f"<h1>Storm: live</h1><div class='entries'>{posts}</div>", "Storm: live")
    updates = extract_page(page, LIVE_URL, fetched_at="2024-02-10T18:00:00Z").updates
    assert [u.published_at for u in updates] == [
        f"2024-02-10T{n:02d}:{n + 3}:00Z" for n in range(16, 10, -1)
    ]


def test_an_edits_time_element_before_the_time_the_post_went_up_is_the_edit() -> None:
    """Two `<time>`s, the edit's first ("Updated 14:50", its datetime 14:50) and then when the
    post went up ("First published 13:05"): the first's datetime is the edit's too."""
    updates = storm_posts(
        lambda n: (
            f'<div class="meta"><time datetime="2024-05-01T1{n + 1}:50:00Z">Updated '
            f'1{n + 1}:50</time> <time datetime="2024-05-01T1{n}:05:00Z">First published 1{n}:05'
            "</time></div>"
        ),
        (3, 2, 1),
    )
    assert [(u.published_at, u.modified_at) for u in updates] == [
        (f"2024-05-01T1{n}:05:00Z", f"2024-05-01T1{n + 1}:50:00Z") for n in (3, 2, 1)
    ]


@pytest.mark.parametrize(
    "stamp",
    [
        '<time datetime="2024-05-01T1{n}:05:00Z">Updated 1{n}:40</time>',
        '<span data-published="2024-05-01T1{n}:05:00Z">Updated 1{n}:40</span>',
        '<span data-published="2024-05-01T1{n}:05:00Z">Aktualisiert 1{n}:40</span>',
    ],
)
def test_a_posts_only_shown_time_labelled_its_edit_leaves_its_markups_time(stamp: str) -> None:
    """A post's stamp shows only its last edit ("Updated 14:40") over its markup's time of
    when it went up (14:05): the label says the clock is the edit's, and the markup's stands."""
    updates = storm_posts(lambda n: stamp.format(n=n), (3, 2, 1))
    assert [(u.published_at, u.modified_at) for u in updates] == [
        (f"2024-05-01T1{n}:05:00Z", f"2024-05-01T1{n}:40:00Z") for n in (3, 2, 1)
    ]


def test_a_posts_only_shown_time_labelled_its_edit_leaves_structured_datas_time() -> None:
    """A post shows only its last edit ("Updated 14:40") and its JSON-LD says when it went up
    (14:05): the label says the clock is the edit's, and structured data's earlier time is
    the post's, the edit its last change."""
    updates = [
        {"@type": "BlogPosting", "headline": f"Post {n}", "datePublished": f"2024-05-01T1{n}:05Z"}
        for n in (3, 2, 1)
    ]
    data = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": updates}
    updates_read = storm_posts(
        lambda n: f'<div class="meta">Updated 1{n}:40</div>',
        (3, 2, 1),
        before=f"<script type='application/ld+json'>{json.dumps(data)}</script>",
    )
    assert [(u.published_at, u.modified_at) for u in updates_read] == [
        (f"2024-05-01T1{n}:05:00Z", f"2024-05-01T1{n}:40:00Z") for n in (3, 2, 1)
    ]


def test_a_time_in_a_posts_sentence_is_neither_its_time_nor_its_header() -> None:
    """The first time a post shows is in its text ("… reopens at 11:45 am …"): the paragraph
    stays body, and the markup's time stays the post's."""
    updates = dated_stream('<p class="x11">Police say the road reopens at {clock} or later.</p>')
    assert [u.published_at for u in updates] == [f"2024-02-10T10:{n}0:00Z" for n in (4, 3, 2, 1)]
    assert [u.body_text for u in updates] == [
        f"Police say the road reopens at 10:{n}0 am or later.\n\n"
        f"What post {n} reports, in more than a few words."
        for n in (4, 3, 2, 1)
    ]


@pytest.mark.parametrize(
    "lead", ["<b>{clock}</b> ", "<strong>{clock} Uhr:</strong> ", "<time>{clock}</time> – "]
)
@pytest.mark.parametrize("line", ["p", "div"])
def test_a_short_first_paragraph_after_the_posts_time_is_body(lead: str, line: str) -> None:
    """A post's time in bold at the start of its first paragraph (or line), and a short
    sentence after it: the paragraph is the post's words, not a header to pass over."""
    posts = "".join(
        f'<div class="post" id="p{n}"><{line}>{lead.format(clock=f"2{n}:05")}'
        f"Der Bürgermeister sagt, Straße {n} ist morgen wieder frei.</{line}>"
        f"<p>Der zweite Absatz von Beitrag {n} mit weiteren Worten.</p></div>"
        for n in (3, 2, 1)
    )
    page = page_of(
        f"<div class='stream'>{posts}</div>",
        title="Unwetter im Liveticker",
        lang="de",
        published="2024-05-19T08:00:00+02:00",
    )
    updates = stream_of(page, "https://nachrichten.example.de/liveticker/unwetter")
    assert [u.published_at for u in updates] == [f"2024-05-19T{18 + n}:05:00Z" for n in (3, 2, 1)]
    for update, n in zip(updates, (3, 2, 1), strict=True):
        first, _, rest = update.body_text.partition("\n\n")
        # The time, in an element of its own before the words, is the post's time only.
        assert first == f"Der Bürgermeister sagt, Straße {n} ist morgen wieder frei."
        assert rest == f"Der zweite Absatz von Beitrag {n} mit weiteren Worten."


def test_a_heading_printed_just_above_each_posts_box_is_its_headline() -> None:
    """`<h2>Title</h2><div class="post">…</div>`, again and again: the heading outside each
    box is that post's headline (and not the body of the post before it)."""
    boxes = "".join(
        f"<h2>{title}</h2><div class='post' id='p{n}'><span class='time'>1{n}:0{n}</span>"
        f"<p>What post {n} reports, in more than a few words.</p></div>"
        for n, title, _ in POSTS
    )
    page = page_of(f"<div class='feed'>{boxes}</div>")
    updates = stream_of(page, "https://news.example/live/storm")
    assert [u.headline for u in updates] == [title for _, title, _ in POSTS]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n, _, _ in POSTS
    ]


def test_an_rdfa_posts_resource_is_its_id() -> None:
    """RDFa (`property="liveBlogUpdate" typeof="BlogPosting" resource="#u3"`): the fragment of
    the address each post gives itself is its id, as a JSON-LD update's url fragment is."""
    posts = "".join(
        f"<div property='liveBlogUpdate' typeof='BlogPosting' resource='#u{n}'>"
        f"<h2 property='headline'>{title}</h2><span property='datePublished' "
        f"content='2024-02-10T1{n}:0{n}:00Z'>1{n}:0{n}</span><div property='articleBody'>"
        f"<p>What post {n} reports, in more than a few words.</p></div></div>"
        for n, title, _ in POSTS
    )
    page = (
        "<html lang='en'><head><title>Storm live</title></head><body><main><div vocab="
        f"'https://schema.org/' typeof='LiveBlogPosting'>{posts}</div></main></body></html>"
    ).encode()
    updates = stream_of(page, "https://news.example/live/storm")
    assert [(u.source_id, u.headline) for u in updates] == [
        (f"u{n}", title) for n, title, _ in POSTS
    ]


def test_a_post_of_a_title_and_a_picture_keeps_its_title_and_its_title_boxs_id() -> None:
    """Posts in boxes with meaningless classes, each a time, a title in a box of its own (that
    box's id the post's, `div#post3`) and then text, or only a photo or an embedded tweet.
    Where the post says nothing in words but its title, the title is still its headline, not
    its body."""
    pictured = {3: '<img src="/harbour.jpg" alt="">', 1: TWEET_STUB}
    boxes = "".join(
        f'<div class="x7f3a"><div class="x11"><span class="x12">1{n}:0{n}</span></div>'
        f'<div class="x13" id="post{n}"><div class="x14">{title}</div></div>'
        f'<div class="x0c1d">'
        + pictured.get(n, f"<p>What post {n} reports, in more than a few words.</p>")
        + "</div></div>"
        for n, title, _ in [*POSTS, (0, "Flood defences hold overnight", "")]
    )
    page = page_of(f"<div class='x9e2b'>{boxes}</div>")
    updates = stream_of(page, "https://news.example/live/storm")
    numbers = [4, 3, 2, 1, 0]
    assert [u.source_id for u in updates] == [f"post{n}" for n in numbers]
    assert [u.headline for u in updates] == [title for _, title, _ in POSTS] + [
        "Flood defences hold overnight"
    ]
    assert [(u.body_text, len(u.media)) for u in updates] == [
        ("", 1) if n in pictured else (f"What post {n} reports, in more than a few words.", 0)
        for n in numbers
    ]


# An embedded tweet as a page serves it before the platform's script draws it: no words.
TWEET_STUB = (
    '<blockquote class="twitter-tweet"><p></p>&mdash; Coastguard (@coastguard) '
    '<a href="https://twitter.com/coastguard/status/1760000000000000000"></a></blockquote>'
)


def test_a_list_of_kick_off_times_on_a_live_address_is_no_stream() -> None:
    """An article on an "en vivo" address that lists a match's kick-off in each country
    ("Perú, Ecuador y México: 11:30 horas"): a timetable's values, not posts; and the
    article's byline box, its related links and its text, side by side, are no stream either.
    The page yields no update."""
    kick_offs = "".join(
        f"<li>{places}: {clock} horas</li>"
        for places, clock in [
            ("Perú, Ecuador, Colombia y México", "11:30"),
            ("Bolivia, Venezuela, Chile y Paraguay", "12:30"),
            ("Argentina, Brasil y Uruguay", "13:30"),
            ("España", "18:30"),
            ("Estados Unidos", "12:30"),
        ]
    )
    main = (
        "<div class='body'>"
        "<div class='comp__author'><a href='/autor/ana'>Ana Ruiz</a>"
        "<time>sábado 07 de mayo del 2022</time><time>Actualizado 07 May 2022 | 13:43 h</time>"
        "</div><div class='jsx-55 box-interlinking'><ul>"
        "<li><a href='/futbol/1'>Schalke 04 regresa a lo grande a la Bundesliga</a></li>"
        "<li><a href='/futbol/2'>Real Madrid - Atlético en vivo: a qué hora y dónde ver</a></li>"
        "</ul></div><div class='jsx-55 container__body'>"
        "<p>El Manchester United visita al Brighton por la Premier League desde las 11:30 horas"
        " de Perú, con Cristiano Ronaldo en el ataque.</p>"
        "<h2>¿A qué hora juegan Manchester United vs. Brighton?</h2>"
        f"<ul class='contentElement__list'>{kick_offs}</ul>"
        "<p>El partido se verá por ESPN y Star+ en toda Sudamérica.</p></div></div>"
    )
    page = page_of(
        main,
        title="Manchester United vs. Brighton EN VIVO",
        lang="es",
        published="2022-05-07T08:00:00-05:00",
    )
    url = "https://deportes.example.pe/futbol/2022/05/06/manchester-united-vs-brighton-en-vivo/"
    assert stream_of(page, url) == []
    assert extract_page(page, url).updates == []


def _article_of_named_boxes(ids: tuple[str, str, str]) -> str:
    """An article "(LIVE)" whose live posts are a vendor's iframe: its boxes side by side,
    without a class, each with an id: the share tools (indented by the CMS), the picture with
    an empty credit, the readers' comments. The way Sudpresse built its pages in 2011."""
    share, picture, comments = ids
    indent = "\n" + " " * 16
    tools = "".join(
        f"{indent}<li><a href='{href}'>{label}</a></li>"
        for href, label in [
            ("/outils/send/", "Envoyer à"),
            ("#print", "Imprimer"),
            ("/aide/", "Options"),
        ]
    )
    return (
        "<div><h3>Contador et Schleck ont mis le feu (LIVE)</h3>"
        "<p>publié le 22/07/2011 à 16h03</p>"
        f"<div id='{share}'>{indent}<ul>{tools}{indent}</ul>{indent}</div>"
        f"<div id='{picture}'><p><img src='/images/conta3.jpg'></p><em>&nbsp;</em></div>"
        "<blockquote>Une étape très courte, et donc très nerveuse, au programme.</blockquote>"
        "<iframe src='https://live.example/altcast?code=82ca'></iframe>"
        f"<div id='{comments}'><h4>Les commentaires (2)</h4>"
        "<p><span>Le 22/07 à 15h55</span> <b>Taker</b> Logique que le consultant soit un peu "
        "chauvin, comme tous les journalistes.</p><p><span>Le 22/07 à 13h33</span> <b>Lupin"
        "</b> Un super crack, ce coureur, et un commentateur insupportable.</p></div></div>"
    )


def test_an_articles_boxes_named_side_by_side_are_no_stream() -> None:
    """An id is a post's mark when the ids are a CMS's for its posts (numbered, or alike):
    the names of an article's boxes side by side ("share", "wrap_illu", "commentaires") are
    not, so an article whose live posts are elsewhere (an iframe) yields no update."""
    url = "https://www.sudpresse.example/sports/2011-07-22/etape-live-889585.shtml"
    named = page_of(_article_of_named_boxes(("share", "wrap_illu", "commentaires")), lang="fr")
    assert stream_of(named, url) == []
    assert extract_page(named, url).updates == []
    # The same boxes numbered by a CMS (or named alike) are posts, whatever they hold.
    for ids in [("post-3", "post-2", "post-1"), ("entry-c", "entry-b", "entry-a")]:
        posts = page_of(_article_of_named_boxes(ids), lang="fr")
        assert [u.source_id for u in stream_of(posts, url)] == list(ids)


def test_a_card_in_a_post_written_without_paragraphs_lends_it_no_headline() -> None:
    """Le Monde's posts have no title and write their text in <div>s, not <p>s; one of them
    holds a card for a related story, titled with an <h3>: that title is the card's."""
    card = (
        "<div class='x7'><a href='/sport/article/2020/02/26/victoire'><h3>Une victoire en signe "
        "de rédemption pour Lyon</h3></a></div>"
    )
    posts = "".join(
        f"<section class='x1' id='11851{n}'><div class='x2'><span class='x3'>Le Monde</span>"
        f"<span class='x4'>le 26 février à 23h{n:02d}</span></div><div class='x5'><div><div>"
        f"Ce qui s'est passé à la minute {n} du match, raconté en plus de quelques mots, comme "
        "le fait le direct du journal pour chacun de ses messages de la soirée.</div>"
        f"{card if n == 28 else ''}</div></div></section>"
        for n in (28, 20, 15)
    )
    page = page_of(
        f"<div class='x0'>{posts}</div>",
        title="Lyon-Juventus : suivez le match en direct",
        lang="fr",
        published="2020-02-26T18:00:10+00:00",
    )
    updates = stream_of(page, "https://www.lemonde.example/sport/live/2020/02/26/lyon-juventus")
    assert [(u.source_id, u.headline) for u in updates] == [
        ("1185128", None),
        ("1185120", None),
        ("1185115", None),
    ]
    assert [u.published_at for u in updates] == [
        "2020-02-26T22:28:00Z",
        "2020-02-26T22:20:00Z",
        "2020-02-26T22:15:00Z",
    ]


def test_a_stream_split_into_stages_is_one_stream_in_page_order() -> None:
    """A build that splits a long stream into stages (boxes of one class, an aside of teasers
    between them): the posts of every stage are the stream's, in page order."""

    def post(n: int) -> str:
        return (
            f"<article class='post' id='p{n}'><time datetime='2024-02-10T1{n}:0{n}:00Z'>"
            f"1{n}:0{n}</time><h2>Update {n}</h2><p>What update {n} reports, in more than a few"
            " words.</p></article>"
        )

    aside = (
        "<aside class='companion'><h4>Schlagzeilen</h4><article class='teaser'><a href='/a'>"
        "<h3>Another story entirely</h3></a></article></aside>"
    )
    stage = "<div class='w-full stage'>{}</div>"
    main = stage.format(post(4) + post(3)) + aside + stage.format(post(2) + post(1))
    updates = stream_of(page_of(main), "https://news.example/live/storm")
    assert [u.source_id for u in updates] == ["p4", "p3", "p2", "p1"]


def test_the_posts_of_one_kind_in_a_stream_are_no_second_stage_of_it() -> None:
    """Sky Sports' commentary names each entry's kind first (`li.goal`, `li.card`,
    `li.comment`): the comments alone, in the stream's own box, are part of it, not another
    stage to add, so no post is read twice."""
    kinds = ["comment", "comment", "card", "goal", "comment", "goal", "comment"]
    items = "".join(
        f"<li class='{kind} v5-timeline-item'><span class='time'>{90 - 12 * n}'</span>"
        f"<p>Entry {n}: what happened on the pitch, in a few more words.</p></li>"
        for n, kind in enumerate(kinds)
    )
    main = f"<div class='v5-commentary'><ol class='v5-timeline-list'>{items}</ol></div>"
    updates = live_updates(main, "Arsenal v Man City - Live Commentary", "2024-05-01T18:00:00Z")
    assert [u.body_text.split(":")[0] for u in updates] == [f"Entry {n}" for n in range(7)]


def test_a_pictures_link_to_its_viewer_is_not_the_posts_id() -> None:
    """`<a href="#focus-0"><figure>…` opens the page's picture viewer: no post's id (it would
    change as pictures are added), where the post names no id of its own."""
    posts = "".join(
        f"<article class='post'><time datetime='2024-02-10T1{n}:0{n}:00Z'>1{n}:0{n}</time>"
        f"<h2>Update {n}</h2><a href='#focus-{n}'><figure><img src='/p{n}.jpg' alt=''>"
        f"</figure></a><p>What update {n} reports, in more than a few words.</p></article>"
        for n in (3, 2, 1)
    )
    updates = stream_of(page_of(f"<div class='x0'>{posts}</div>"), "https://news.example/live/x")
    assert [(u.headline, u.source_id) for u in updates] == [
        ("Update 3", None),
        ("Update 2", None),
        ("Update 1", None),
    ]


def test_posts_whose_first_classes_differ_are_one_stream_when_a_class_names_them_all() -> None:
    """WordPress names each post by its number first (`post-12 post type-post`): no two posts
    share a first class, and the class they all have makes them one stream."""
    boxes = "".join(
        f"<article class='post-{n}0 post type-post'><time datetime='2024-02-10T1{n}:0{n}:00Z'>"
        f"1{n}:0{n}</time><h2>{title}</h2><p>What post {n} reports, in more than a few words."
        "</p></article>"
        for n, title, _ in POSTS
    )
    updates = stream_of(
        page_of(f"<div class='x9e2b'>{boxes}</div>"), "https://news.example/live/storm"
    )
    assert [u.headline for u in updates] == [title for _, title, _ in POSTS]


def test_an_index_of_the_posts_that_outranks_them_gives_way_to_the_posts() -> None:
    """A live blog that opens with an index of its posts ("key points"), each line a time and
    a link to one of them: on a page that shows fewer posts than the index lists, the index
    looks more like a stream, but says nothing as posts; the posts are the stream."""
    pad = "\n" + " " * 40  # a CMS's indentation, which weighs as text beside the links'
    index = "".join(
        f"<li>{pad}<time datetime='2023-11-02T1{n}:00Z'>1{n}:00</time>{pad}<div><a href='#e{n}'>"
        f"<p>What happened at {n} o'clock, in a line</p></a></div>{pad}</li>"
        for n in range(9, 1, -1)
    )
    posts = "".join(
        f"<section class='post' id='e{n}'><time datetime='2023-11-02T1{n}:00Z'>1{n}:00</time>"
        f"<h2>What happened at {n} o'clock</h2><p>What post {n} reports, in more than a few "
        "words.</p></section>"
        for n in (9, 8, 7)
    )
    page = page_of(f"<ul class='index'>{index}</ul><div class='feed'>{posts}</div>")
    updates = stream_of(page, "https://news.example/live/storm")
    assert [u.source_id for u in updates] == ["e9", "e8", "e7"]


@pytest.mark.parametrize(
    ("shown", "machine", "expected"),
    [
        # Its datetime the printed clock labelled UTC: the clock, in Rome's zone, wins.
        ("16:56", "2023-11-02T16:56Z", "2023-11-02T15:56:00Z"),
        # A datetime in UTC and the clock printed in the page's zone: one time.
        ("16:56", "2023-11-02T15:56:00Z", "2023-11-02T15:56:00Z"),
        # A clock that does not repeat the datetime's digits: the datetime stands.
        ("14:05", "2023-11-02T18:05:00Z", "2023-11-02T18:05:00Z"),
        # A datetime minutes after the clock printed, an edit's: the clock printed stands.
        ("16:52", "2023-11-02T15:58:00Z", "2023-11-02T15:52:00Z"),
        ("16:05", "2023-11-02T15:12:00Z", "2023-11-02T15:05:00Z"),
    ],
)
def test_a_time_whose_datetime_is_its_printed_clock_labelled_utc(
    shown: str, machine: str, expected: str
) -> None:
    """`<time datetime="…16:56Z">16:56</time>` on an Italian page: the local clock was written
    as UTC. The clock the reader sees, read in the page's zone, is the time (README, Times)."""
    posts = "".join(
        f"<section class='post' id='e{n}'><time datetime='{machine}'>{shown}</time>"
        f"<h2>Notizia numero {n}</h2><p>Il testo della notizia numero {n}, abbastanza lungo.</p>"
        "</section>"
        for n in (3, 2, 1)
    )
    page = page_of(
        f"<div class='feed'>{posts}</div>", lang="it", published="2023-11-02T08:00:00+01:00"
    )
    updates = stream_of(page, "https://www.giornale.example.it/esteri/diretta/guerra")
    assert [u.published_at for u in updates] == [expected] * 3


@pytest.mark.parametrize(
    ("fetched", "expected"),
    [
        # Read in New York's zone the clocks would be after the fetch: they are UTC's, as
        # their datetimes say.
        ("2024-06-10T22:00:00Z", ["2024-06-10T21:30:00Z", "2024-06-10T21:10:00Z"]),
        # Fetched later, the clocks in New York's zone may be the time: labelled UTC.
        ("2024-06-11T02:00:00Z", ["2024-06-11T01:30:00Z", "2024-06-11T01:10:00Z"]),
    ],
)
def test_a_datetime_labelled_utc_whose_clock_in_the_pages_zone_is_after_the_fetch(
    fetched: str, expected: list[str]
) -> None:
    """`<time datetime="…21:30:00Z">9:30 PM</time>` on an American page fetched at 22:00Z:
    the clock, read in the page's zone, would be 01:30Z the next day, after the fetch, where
    the datetime is before it. No post is dated after its fetch: the zone was guessed wrong
    (a server that prints its clocks in UTC), not the datetime labelled so."""
    tweet = (
        "<blockquote class='twitter-tweet'><p lang='en'>Liftoff window opens at the top of the "
        "hour. <a href='https://t.co/abc'>pic.twitter.com/abc</a></p>&mdash; NASA (@NASA) <a "
        "href='https://twitter.com/NASA/status/1799900000000000{n}'>June 10, 2024</a>"
        "</blockquote>"
    )
    for body in (
        "<h2>Launch update {n}</h2><p>What update {n} says about the launch, in words.</p>",
        tweet,  # a post that is an embedded tweet alone, as a launch's blog posts them
    ):
        posts = "".join(
            f"<div class='live-post' id='p{n}'><time datetime='2024-06-10T21:{m}:00Z'>9:{m} "
            f"PM</time>{body.format(n=n)}</div>"
            for n, m in ((2, "30"), (1, "10"), (0, "05"))
        )
        updates = live_updates(
            f"<div class='live-feed'>{posts}</div>", "Starship launch: live updates", fetched,
            "2024-06-10T12:00:00-04:00", "en-US",
        )  # fmt: skip
        assert [u.published_at for u in updates][:2] == expected


def recap_commentary(items: str) -> list[Update]:
    """The posts read from a match recap's page (nothing live in its address or title) whose
    commentary holds `items`."""
    page = page_of(
        f"<h1>Argentinië wint na verlengingen</h1><div class='_evs'>{items}</div>",
        title="Argentinië wint na verlengingen van Kaapverdië",
        lang="nl",
        published="2026-07-04T02:44:12+02:00",
    )
    url = "https://sport.example.be/voetbal/wk/argentinie-kaapverdie~1764862934409/"
    return extract_page(page, url, fetched_at="2026-07-04T03:00:00Z").updates


def test_a_commentary_of_match_minutes_is_found_where_nothing_else_says_live() -> None:
    """A match page whose address and title say nothing of live (a recap's), with the
    commentary's posts in boxes with hashed classes, each stamped with a match minute."""
    moments = [
        ("120+4'", "Einde", "Argentinië kruipt door het oog van de naald."),
        ("120'", "Paulo net niet!", "Invaller Paulo kan net voor tijd nog scoren, maar mist."),
        ("116'", "Martinez redt", "Cabral trapt een vrije trap op doel, Martinez redt."),
        ("111'", "Romero kopt raak!", "Messi schildert een hoekschop op het hoofd van Romero."),
        ("106'", "Tweede verlenging", "Nog vijftien minuten om door te stoten naar de finales."),
        ("105+2'", "Wéér Vozinha!", "Vozinha houdt Kaapverdië opnieuw recht met een redding."),
        ("104'", "Wereldgoal!", "Cabral krult de bal vanop dertig meter in de winkelhaak."),
        ("98'", "Kans voor Messi", "Messi zoekt de verste hoek maar de bal gaat net naast."),
    ]
    items = "".join(
        f'<div class="_ev1 tl-item"><span class="_pill">{minute}</span><h3>{title}</h3>'
        f"<p>{text}</p></div>"
        for minute, title, text in moments
    )
    found = recap_commentary(items)
    assert [(u.headline, u.published_at) for u in found] == [(t, None) for _, t, _ in moments]


@pytest.mark.parametrize("order", ["as they came", "newest first"])
def test_a_match_reports_key_moments_in_the_order_they_came_are_no_commentary(
    order: str,
) -> None:
    """A match report's "Key moments" list at an address that says live (a sports site's
    `/football/live/123/report`): seven one-line moments, each stamped with its minute, rising
    as they came. Like a dated short timeline, they are the report's, no live blog's; the same
    lines newest first, minutes falling, are a commentary's posts."""
    moments = [
        (12, "Goal! Silva heads in from a corner."),
        (27, "Yellow card for Brandt after a late tackle."),
        (44, "Goal! Okafor equalises with a low shot."),
        (58, "Substitution: Rossi on for Klein."),
        (71, "Goal! Silva scores his second from the spot."),
        (83, "Red card for Moreau after a second booking."),
        (90, "Full time at the stadium, two goals to one."),
    ]
    if order == "newest first":
        moments.reverse()
    items = "".join(
        f"<li class='key-event'><span class='minute'>{minute}'</span> "
        f"<span class='event-text'>{text}</span></li>"
        for minute, text in moments
    )
    page = page_of(
        "<article><h1>Silva double sinks City in tense derby</h1><p>The hosts came from behind"
        " to win a derby that had everything, in front of a full stadium.</p><h2>Key moments"
        f"</h2><ul class='key-events'>{items}</ul></article>",
        title="Silva double sinks City in tense derby",
    )
    url = "https://sport.example.com/football/live/123/report"
    updates = extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates
    expected = [text for _, text in moments] if order == "newest first" else []
    assert [u.body_text for u in updates] == expected


@pytest.mark.parametrize("apart", ["days", "days, put online as it came", "hours"])
def test_an_archive_of_entries_one_a_day_is_no_live_blog(apart: str) -> None:
    """A radio's page for listening live (`/direct/`, "… en direct") with its replays below
    the player: eight morning bulletins, each dated on a day of its own over more than a week,
    each a title and a sentence, at 07:00 or put online a few minutes either side. A live blog
    posts several times a day; an archive's entries (replays, episodes, past shows) one a day.
    The same entries an hour apart are a blog's."""
    clocks = {
        "days": ["07:00"] * 8,
        "days, put online as it came": ["07:02", "07:05", "06:58", "07:11"] * 2,
        "hours": [f"{17 - n:02d}:00" for n in range(8)],
    }[apart]
    entries = "".join(
        f"<article class='replay'><time datetime='2024-04-{30 - n if apart != 'hours' else 30}"
        f"T{clocks[n]}:00+02:00'>{30 - n} avril</time>"
        f"<h3>Le journal numéro {8 - n}</h3><p>Ce que le journal numéro {8 - n} raconte, en "
        "quelques mots de plus.</p></article>"
        for n in range(8)
    )
    page = page_of(
        f"<h1>Radio Exemple en direct</h1><section class='replays'>{entries}</section>",
        title="Écouter Radio Exemple en direct",
        lang="fr",
        published="2024-04-30T17:30:00+02:00",
    )
    url = "https://www.radio.example.fr/direct/"
    updates = extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates
    assert len(updates) == (8 if apart == "hours" else 0)


@pytest.mark.parametrize("rising", ["any hour", "three as the court rose"])
def test_a_slow_live_blog_one_post_a_day_keeps_its_posts(rising: str) -> None:
    """A trial's live blog in its second week, newest first: one post a day at whatever hour
    the court gave news (15:20, 16:05, 14:40 …), six over nine days, half of them maybe as the
    court rose (16:05, 15:50, 16:10). An archive's entries come at their programme's hour (the
    7 o'clock news each morning), most of them or half at one minute; a slow blog's do not."""
    rows = [
        ("30", "15:20", "Jury sent home for the day"),
        ("29", "16:05", "Defence closes its case"),
        ("26", "14:40", "Prosecutor questions the former aide"),
        ("25", "13:10", "Court hears from the bank manager"),
        ("24", "15:55", "Judge rejects motion to dismiss"),
        ("22", "10:30", "Opening statements begin"),
    ]
    if rising != "any hour":
        rows[0] = ("30", "16:10", rows[0][2])
        rows[4] = ("24", "15:50", rows[4][2])
    posts = "".join(
        f"<article class='lb-post' id='post-{900 + n}'><time datetime='2024-04-{day}T{clock}:00Z'"
        f">{day} April, {clock}</time><h2>{title}</h2><p>The court heard more evidence today, "
        f"and the judge said the trial would go on as planned ({n}).</p></article>"
        for n, (day, clock, title) in enumerate(rows)
    )
    page = page_of(
        f"<h1>Fraud trial live: jury deliberations</h1><div class='liveblog'>{posts}</div>",
        title="Fraud trial live: jury deliberations",
        published="2024-04-22T09:00:00+00:00",
    )
    url = "https://www.example-news.com/live/2024/apr/22/fraud-trial-live-updates"
    updates = extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates
    assert [u.headline for u in updates] == [title for _, _, title in rows]


@pytest.mark.parametrize("apart", [7, 0])
def test_an_archive_of_entries_dated_by_a_day_alone_is_no_live_blog(apart: int) -> None:
    """A band's tour page at `/live/`, its past shows newest first: each a `<time
    datetime="2024-04-27">` that gives a day alone, the venue and a line about the night. A
    day of its own for each, over weeks: an archive's entries. Posts all of one day, no clock
    on any, are read as before."""
    shows = "".join(
        f"<article class='show'><time datetime='2024-04-{28 - n * apart // 7 * 3:02d}'>"
        f"{28 - n * apart // 7 * 3} April</time><h3>Venue number {n}</h3><p>A sold-out night "
        f"that ended with encores and the whole hall singing along, show {n}.</p></article>"
        for n in range(8)
    )
    page = page_of(f"<h1>Live</h1><section class='shows'>{shows}</section>", "Live")
    updates = extract_page(
        page, "https://nightowls.example.com/live/", fetched_at="2024-05-01T12:00:00Z"
    ).updates
    assert len(updates) == (0 if apart else 8)


@pytest.mark.parametrize("titles", ["versions", "two lines", "news"])
def test_a_products_release_notes_are_no_live_blog(titles: str) -> None:
    """A music program's release notes at `/release-notes/live/` (the product is called
    Live): a section per release, titled by its version ("Live 12.0.9 Release Notes"), its
    date and its lists of changes; or two lines of it released together, a fortnight apart,
    each at its hour ("12.0.9" at 14:05, "11.3.25" at 14:40). Posts titled by versions are a
    product's releases; a live blog that names a version in one headline among others is
    still one."""
    heads = [f"Live 12.0.{9 - n} Release Notes" for n in range(6)]
    dates = [f"Released {10 - n} February 2024" for n in range(6)]
    if titles == "two lines":
        heads = [
            f"Live {line}.{9 - n} Release Notes" for n in range(4) for line in ("12.0", "11.3")
        ]
        dates = [
            f"Released {day}, {clock}"
            for day in (
                "10 February 2024",
                "27 January 2024",
                "13 January 2024",
                "30 December 2023",
            )
            for clock in ("14:05", "14:40")
        ]
    if titles == "news":
        heads = [f"Keynote moment number {n}" for n in range(5)] + ["iOS 17.4.1 is out now"]
        dates = [f"1{9 - n}:05" for n in range(6)]
    sections = "".join(
        f"<section class='release'><h2>{head}</h2><p class='date'>{dates[n]}</p><ul><li>The "
        f"browser now remembers the last folder you opened, change {n}.</li><li>Warping long "
        "files uses less memory than it did before.</li></ul></section>"
        for n, head in enumerate(heads)
    )
    page = page_of(f"<h1>Live Release Notes</h1>{sections}", title="Live Release Notes")
    url = "https://www.example-audio.com/en/release-notes/live/"
    updates = extract_page(page, url, fetched_at="2024-02-11T12:00:00Z").updates
    assert [u.headline for u in updates] == ([] if titles != "news" else heads)


def test_a_software_updates_live_blog_titled_by_versions_keeps_its_posts() -> None:
    """A tech site's live blog of an update's release morning ("iOS 17.5.1 live"), its posts
    an hour or less apart on the day, most naming the version they report on ("macOS 14.5.1
    follows"): a product's releases come a day or more apart, a live blog's posts several a
    day, whatever their titles name."""
    rows = [
        ("11:40", "iOS 17.5.1 is rolling out now", "Apple has started rolling out the update"),
        ("11:25", "macOS 14.5.1 follows", "The Mac update arrived a few minutes later"),
        ("11:10", "watchOS 10.5.1 too", "Owners of the watch get a small update as well"),
        ("10:55", "What is in iOS 17.5.1?", "The release notes mention only the photos bug"),
        ("10:30", "iPadOS 17.5.1 for tablets", "The tablet update is the same as the phone one"),
        ("10:00", "Apple confirms the bug", "A spokesperson confirmed that a database problem"),
    ]
    posts = "".join(
        f"<div class='live-update'><span class='live-update__time'>{clock}</span><h3>{title}"
        f"</h3><p>{words}, and it fixes the bug that brought back deleted pictures.</p></div>"
        for clock, title, words in rows
    )
    page = page_of(
        f"<h1>iOS 17.5.1 live: Apple fixes the photos bug</h1><section class='liveblog'>"
        f"{posts}</section>",
        title="iOS 17.5.1 live: Apple fixes the photos bug",
        published="2024-05-01T09:55:00+00:00",
    )
    url = "https://www.example-tech.com/apple/live-ios-update-photos-bug"
    updates = extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates
    assert [u.headline for u in updates] == [title for _, title, _ in rows]


def test_a_rollouts_live_blog_over_ten_days_titled_by_versions_keeps_its_posts() -> None:
    """A tech site's live blog of an update's staged rollout, run over ten days: three posts
    on most days, most naming the versions they report on ("Apple pulls 17.5.2 in Europe").
    Its posts come on most days their span holds, where a product's releases over a week or
    more come on few of them (two lines together, a fortnight apart)."""
    days = ["2024-05-10", "2024-05-09", "2024-05-07", "2024-05-05", "2024-05-03", "2024-05-01"]
    titles = ["iOS 17.5.3 reaches more phones", "Apple pulls 17.5.2 in Europe",
              "What 17.5.2 fixes", "macOS 14.5.2 joins the rollout", "iOS 17.5.2 is out"]  # fmt: skip
    rows = [
        (f"{day}T{clock}:00+00:00", f"Readers write in, day {d}" if k == 1 else titles[(d + k) % 5])
        for d, day in enumerate(days)
        for k, clock in enumerate(["16:40", "12:15", "09:30"])
    ]
    posts = "".join(
        f"<div class='live-update'><time datetime='{when}'>{when[11:16]}</time><h3>{title}</h3>"
        f"<p>Apple has been rolling the update out in stages, and readers wrote in, post {n}.</p>"
        "</div>"
        for n, (when, title) in enumerate(rows)
    )
    page = page_of(
        f"<h1>iOS 17.5 rollout live</h1><section class='liveblog'>{posts}</section>",
        title="iOS 17.5 rollout live: every update as it lands",
        published="2024-05-01T09:00:00+00:00",
    )
    url = "https://www.example-tech.com/apple/live-ios-17-5-rollout"
    updates = extract_page(page, url, fetched_at="2024-05-10T18:00:00Z").updates
    assert [u.headline for u in updates] == [title for _, title in rows]


def test_a_products_releases_twice_a_day_over_ten_days_are_no_live_blog() -> None:
    """A tool's release notes, two releases every day for ten days (a morning's and an
    afternoon's patch), at an address that says live: each release names a version of its
    own, where a rollout's live blog names the versions it reports on again and again."""
    rows = [
        (f"2024-05-{day:02d}T{clock}:00+00:00", f"v1.4.{2 * day - k}")
        for day in range(10, 0, -1)
        for k, clock in enumerate(["16:00", "09:00"])
    ]
    posts = "".join(
        f"<article class='release'><h2>{version}</h2><time datetime='{when}'>{when[:10]}</time>"
        "<ul><li>Fixed a crash when opening large files in the editor.</li>"
        "<li>Improved the start-up time on older machines.</li></ul></article>"
        for when, version in rows
    )
    page = page_of(f"<h1>Release notes</h1>{posts}", "Release notes", "en", "2024-05-01T09:00:00Z")
    for url in (LIVE_URL, "https://tool.example/releases/live"):
        assert extract_page(page, url, fetched_at="2024-05-10T18:00:00Z").updates == []


@pytest.mark.parametrize(("fetched", "kept"), [("12:00", 0), ("17:30", 0), ("21:30", 8)])
def test_a_forecasts_hours_still_to_come_are_no_ticker(fetched: str, kept: int) -> None:
    """A weather site's hour-by-hour forecast at a live address (`/diretta/milano/oggi`):
    eight rows, each a bare clock on the hour, an hour apart, and a sentence, on a page of
    today. Rows on the hour every hour, the last still to come, are a forecast's grid, its
    last row half an hour on (17:30 UTC, 19:30 at the +02:00 the page writes) as well; read
    after its last hour, nothing tells them from an hourly ticker's posts."""
    rows = "".join(
        f"<div class='ora'><span class='h'>{hour}:00</span><p>Cielo coperto sulla città con "
        f"temperature in calo e venti deboli da ovest, ora {hour}.</p></div>"
        for hour in range(13, 21)
    )
    page = page_of(
        f"<h1>Meteo Milano oggi ora per ora</h1><div class='previsioni'>{rows}</div>",
        title="Meteo Milano oggi ora per ora",
        lang="it",
        published="2024-05-01T08:00:00+02:00",
    )
    url = "https://meteo.example.it/diretta/milano/oggi"
    updates = extract_page(page, url, fetched_at=f"2024-05-01T{fetched}:00Z").updates
    assert len(updates) == kept


def test_a_forecasts_hours_beside_yesterdays_related_stories_are_no_ticker() -> None:
    """A weather site's hour-by-hour forecast at a live address, no date of its own, beside a
    box of related stories (`section.related`) each dated the day before, its <time> beside
    the teaser's link: their day is not the page's, and the rows on the hour every hour, the
    last still to come, stay a forecast's grid; built from no page."""
    rows = "".join(
        f"<li class='hourly__row'><time class='hourly__time'>{hour}:00</time><span>Light rain"
        f"</span><span>{hour - 10}°</span><p>Light rain and a gentle breeze from the south-west."
        "</p></li>"
        for hour in range(13, 19)
    )
    related = "".join(
        f"<li><a href='/news/rel-{n}'><img src='/img/{n}.jpg' alt=''><h3>Older story {n}</h3>"
        f"</a><time datetime='2024-04-30T1{n}:00:00Z'>30.04.2024 1{n}:00</time></li>"
        for n in range(4)
    )
    page = (
        "<html lang='en'><head><title>London weather LIVE: hourly forecast</title></head><body>"
        f"<main><h1>London</h1><ol class='hourly'>{rows}</ol></main>"
        f"<section class='related'><h2>Related</h2><ul>{related}</ul></section></body></html>"
    )
    url = "https://weather.example.com/live/london"
    assert extract_page(page.encode(), url, fetched_at="2024-05-01T12:00:00Z").updates == []


def test_a_storm_blog_on_the_hour_in_a_zone_guessed_wrong_keeps_its_posts() -> None:
    """An English edition of a continental site's storm blog, oldest first, a post on the hour
    from 10:00 to 15:00 its time (UTC+2), read at 13:05 UTC on a page that names no zone: read
    in UTC its last clock is two hours ahead, as a zone guessed wrong puts it, where a
    forecast's grid runs on through the evening."""
    words = [
        "The storm has reached the west coast, with strong gusts reported on the islands.",
        "Trains between the two cities have been cancelled because of fallen trees.",
        "The weather service has raised its warning to red for the whole coastal region.",
        "Schools in the north have closed early and parents are asked to collect children.",
        "Forecasters say the strongest winds are expected in the early evening on the coast.",
        "Ferries have stopped running and the harbour has been closed until tomorrow.",
    ]
    posts = "".join(
        f"<div class='storm-update'><time>{10 + n}:00</time><p>{line}</p></div>"
        for n, line in enumerate(words)
    )
    page = (
        "<html lang='en'><head><title>Storm live: red warning for the coast</title></head><body>"
        f"<main><h1>Storm live</h1><div class='liveblog'>{posts}</div></main></body></html>"
    ).encode()
    url = "https://www.example-news.com/weather/storm-live-updates"
    updates = extract_page(page, url, fetched_at="2024-05-01T13:05:00Z").updates
    assert [u.body_text for u in updates] == words


@pytest.mark.parametrize("fetched", ["12:59", "13:05"])
def test_a_storm_blog_on_the_hour_whose_last_post_a_fast_clock_stamps_ahead_keeps_it(
    fetched: str,
) -> None:
    """The same storm blog, its posts titled, on a page that writes its offset (+02:00): its
    15:00 post, stamped by a publisher's clock that runs a minute fast, is read a minute
    before 13:00 UTC as after it, as a clock of a post is (README "Times"); its hours on the
    hour every hour are no forecast's grid for a row a minute on."""
    words = [
        "The storm has reached the west coast, with strong gusts reported on the islands.",
        "Trains between the two cities have been cancelled because of fallen trees.",
        "The weather service has raised its warning to red for the whole coastal region.",
        "Schools in the north have closed early and parents are asked to collect children.",
        "Forecasters say the strongest winds are expected in the early evening on the coast.",
        "Ferries have stopped running and the harbour has been closed until tomorrow.",
    ]
    posts = "".join(
        f"<div class='storm-update'><time>{10 + n}:00</time><h3>Storm, hour {n + 1}</h3>"
        f"<p>{line}</p></div>"
        for n, line in enumerate(words)
    )
    page = page_of(
        f"<h1>Storm live</h1><div class='liveblog'>{posts}</div>",
        title="Storm live: red warning for the coast",
        published="2024-05-01T09:55:00+02:00",
    )
    url = "https://www.example-news.com/weather/storm-live-updates"
    updates = extract_page(page, url, fetched_at=f"2024-05-01T{fetched}:00Z").updates
    assert [(u.published_at, u.body_text) for u in updates] == [
        (f"2024-05-01T{8 + n:02d}:00:00Z", line) for n, line in enumerate(words)
    ]


def test_a_recipes_steps_each_with_how_long_it_takes_are_no_commentary() -> None:
    """A recipe's method, a box per step ("Passo 3") with how long it takes ("30'"): each
    step stamped with what reads as a match minute, as a commentary's posts are, but falling
    and rising by turns, where a commentary's, newest first, run down the page."""
    durations = ["30'", "5'", "25'", "10'", "5'", "45'", "15'", "20'"]
    steps = "".join(
        f"<div class='step'><div class='step-head'><span class='step-no'>Passo {n}</span> "
        f"<span class='step-time'>{minutes}</span></div><p>Mescolate la farina con le uova e "
        "lasciate riposare l'impasto coperto da un panno.</p></div>"
        for n, minutes in enumerate(durations, 1)
    )
    page = page_of(
        f"<h1>Tagliatelle al ragù</h1><h2>Preparazione</h2>{steps}",
        title="Tagliatelle al ragù",
        lang="it",
        published="2022-10-10T20:30:00+02:00",
    )
    url = "https://www.example.it/ricette/tagliatelle-al-ragu"
    assert extract_page(page, url, fetched_at="2024-05-19T18:30:00Z").updates == []


@pytest.mark.parametrize("pin", ["class", "label"])
def test_a_commentarys_goals_pinned_on_top_leave_its_minutes_running_down(pin: str) -> None:
    """A commentary on a recap's page (nothing live in its address or title) that pins its
    three goals above the newest post ("is-pinned", or a "Pinned" label): their minutes rise
    as the goals came, 12', 34', 67', then 90+5' tops the stream. The minutes that must run
    down the page are the stream's, not the pinned posts'."""
    minutes = ["12'", "34'", "67'", "90+5'", "90+2'", "88'", "80'", "75'", "70'", "63'", "60'"]
    items = "".join(
        f"<div class='_ev1 tl-item{' is-pinned' if n < 3 and pin == 'class' else ''}'><span "
        f"class='_pill'>{minute}</span>{'<span>Pinned</span>' if n < 3 and pin == 'label' else ''}"
        f"<h3>Moment {n}</h3><p>Messi zoekt de verste hoek maar de bal gaat net naast.</p></div>"
        for n, minute in enumerate(minutes)
    )
    found = recap_commentary(items)
    assert [u.headline for u in found] == [f"Moment {n}" for n in range(11)]
    assert [u.pinned for u in found] == [True] * 3 + [False] * 8


def test_a_stream_dated_in_javascripts_own_format_with_a_pinned_post() -> None:
    """Fox News's live pages (2024): each `article.article-item` dated by a `<time>` whose
    `datetime` is JavaScript's Date.toString() ("Tue Oct 01 2024 19:19:49 GMT-0400 (Eastern
    Daylight Time)") over a printed date alone, the post first pinned by its class beside a
    "Pinned" label, "Posted by" its author, ad breaks between the posts."""
    stamps = ["19:19:49", "20:51:55", "20:50:22", "18:02:10"]
    posts = ""
    for n, stamp in enumerate(stamps):
        pinned = n == 0
        posts += (
            f'<article class="article-item{" is-pinned" if pinned else ""}" '
            f'data-article-id="post-{n}a{n}"><div class="article-item-upper"><time class="time" '
            f'datetime="Tue Oct 01 2024 {stamp} GMT-0400 (Eastern Daylight Time)">October 1</time>'
            + ('<div class="pill is-pinned">Pinned</div>' if pinned else "")
            + f'<h2 class="title">Post {n} of the day</h2></div><div class="article-item-content">'
            f'<div class="article-item-body"><p>What post {n} reports, in more than a few words.'
            '</p></div><div class="article-item-body"><p>And more of it.</p></div></div>'
            '<div class="article-item-lower"><span class="author">Posted by Louis Casiano</span>'
            "</div></article>"
        )
        if n == 1:
            posts += '<div class="ad-break"><div class="ad-container"><div class="ad gam"></div></div></div>'
    page = page_of(f"<div class='article-items'>{posts}</div>", title="Israel under attack")
    updates = extract_page(page, "https://www.foxnews.com/live-news/israel-oct-1").updates
    # Four hours behind UTC: the two posts after 20:00 are on the 2nd in UTC.
    utc = [
        "2024-10-01T23:19:49Z",
        "2024-10-02T00:51:55Z",
        "2024-10-02T00:50:22Z",
        "2024-10-01T22:02:10Z",
    ]
    assert [(u.published_at, u.pinned, u.authors) for u in updates] == [
        (instant, n == 0, ["Louis Casiano"]) for n, instant in enumerate(utc)
    ]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\nAnd more of it." for n in range(4)
    ]


def test_a_brightspot_stream_of_custom_elements_with_share_menus() -> None:
    """The AP's live pages (Brightspot, 2024): each post a `<bsp-liveblog-post>` dated by its
    `data-posted-date-timestamp` in epoch milliseconds (its printed time left to a script),
    a headline box, "By" and a name in capitals, a share menu of links, then the body; the
    menu's "Copy link" and "Email" are no words of the post, and the AP's photo credit in
    brackets is the image's credit."""
    menu = (
        '<bsp-page-actions class="Page-actions"><div class="ActionBar"><ul class="ActionBar-items">'
        + "".join(
            f'<li class="ActionBar-items-item"><a href="{href}">{label}</a></li>'
            for href, label in (
                ("#", "Copy Link copied"),
                ("/cdn-cgi/l/email-protection#8f", "Email"),
                ("https://www.facebook.com/dialog/share?app_id=1", "Facebook"),
                ("https://twitter.com/intent/tweet?url=x", "X"),
            )
        )
        + "</ul></div></bsp-page-actions>"
    )
    figure = (
        '<div class="Enhancement"><figure class="Figure"><picture><img class="Image" '
        'src="https://dims.example.org/u.jpg" alt=""></picture><figcaption class="Figure-caption">'
        "<p>The rights chief speaks in Geneva. (AP Photo/Salvatore Di Nolfi)</p></figcaption>"
        "</figure></div>"
    )
    posts = "".join(
        f'<bsp-liveblog-post class="LiveBlogPost" data-post-id="0000-{9 - n}" '
        f'data-posted-date-timestamp="{1726668387264 - n * 600_000}"><a class="LiveBlogPost-anchor" '
        f'id="0000-{9 - n}"></a><div class="LiveBlogPost-header"><span class="LiveBlogPost-time">'
        f'&nbsp;</span></div><div class="LiveBlogPost-headline">\n  Post {n} of the day\n</div>'
        f'<div class="LiveBlogPost-info"><div class="LiveBlogPost-byline">By <a class="Link" '
        f'href="https://apnews.example/author/jamey-keaten">JAMEY KEATEN</a></div>{menu}</div>'
        f'<div class="LiveBlogPost-body RichTextBody"><p>What post {n} reports, in more than a few'
        f" words.</p>{figure if n == 0 else ''}</div></bsp-liveblog-post>"
        for n in range(4)
    )
    page = page_of(
        f'<bsp-liveblog-post-list class="LiveBlogPage-currentPosts">{posts}</bsp-liveblog-post-list>',
        title="Explosions in Lebanon: how the news unfolded",
    )
    updates = extract_page(page, "https://apnews.example/live/lebanon-updates").updates
    utc = ["14:06:27", "13:56:27", "13:46:27", "13:36:27"]  # ten minutes apart
    assert [(u.source_id, u.published_at, u.headline, u.authors) for u in updates] == [
        (f"0000-{9 - n}", f"2024-09-18T{clock}Z", f"Post {n} of the day", ["JAMEY KEATEN"])
        for n, clock in enumerate(utc)
    ]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in range(4)
    ]
    assert updates[0].media[0]["credit"] == "AP Photo/Salvatore Di Nolfi"


TAGESSCHAU_TEASER = (
    '<div class="teaser-absatz"><a href="/ausland/hintergrund-100.html"><span>Hintergrund'
    "</span><span>Was über die Lage bekannt ist</span></a></div>"
)


@pytest.mark.parametrize("teaser", ["", TAGESSCHAU_TEASER], ids=["plain", "teasers"])
def test_a_streams_header_boxes_with_the_posts_words_after_each(teaser: str) -> None:
    """tagesschau's liveblog (as a public scraper of it reads it, joshuaKnauber/
    pagers-in-headlines `pipeline/05-extraction/round2/liveblogs.py`): each post a
    `div.liveblog--anchor#id` holding its date and clock and its `<h2>`, its paragraphs the
    `p.textabsatz` after it, up to the next; the page's own `<h1>` above them is no post's.
    A teaser box ("Hintergrund: …", a link to another story) between a post's paragraphs or
    between two posts, its class a teaser's, ends neither a post nor the stream; after the
    last post it ends the stream, and the page's closing line is no post's."""
    posts = "".join(
        f'<div class="liveblog--anchor" id="liveblog-entry-{n}"><div class="liveblog__datetime">'
        f'18.09.2024 • 1{n}:05 Uhr</div><h2 class="meldung__subhead">Meldung {n}</h2></div>'
        f'<p class="textabsatz">Was Meldung {n} berichtet, in mehr als ein paar Worten.</p>'
        + (teaser if n == 5 else "")
        + f'<p class="textabsatz">Und was sie noch hinzufügt ({n}).</p>'
        + (teaser if n == 4 else "")
        for n in (6, 5, 4, 3)
    )
    closing = f'{teaser}<p class="textabsatz">Dieser Liveblog ist beendet.</p>' if teaser else ""
    page = page_of(
        f'<article class="container"><h1>Liveblog Nahost</h1>{posts}{closing}</article>',
        title="Nahost-Liveblog: ++ Israel meldet Angriffe ++",
        lang="de",
        published="2024-09-18T16:10:00+02:00",
    )
    updates = stream_of(page, "https://www.tagesschau.de/newsticker/liveblog-nahost-100.html")
    assert [(u.source_id, u.published_at, u.headline, u.body_text) for u in updates] == [
        (
            f"liveblog-entry-{n}",
            f"2024-09-18T1{n - 2}:05:00Z",
            f"Meldung {n}",
            f"Was Meldung {n} berichtet, in mehr als ein paar Worten.\n\n"
            f"Und was sie noch hinzufügt ({n}).",
        )
        for n in (6, 5, 4, 3)
    ]


def test_a_readers_question_a_post_quotes_names_no_author_of_the_post() -> None:
    """Le Monde's live (as public readers of it parse it, e.g. the Le Monde app's
    `LiveScreen.tsx`): each post a `section.post__live-container#id` with its clock in
    `.info-content`; a "Vos questions" post quotes a reader's question
    (`blockquote.post__live-container--comment-blockquote`, the reader's name in
    `span.post__live-container--comment-author`) and answers it. The reader is the comment's
    author, not the post's: the quote's attribution, no word of the post."""

    def post(n: int, words: str) -> str:
        return (
            f'<section class="post post__live-container" id="post-{n}"><div '
            f'class="header-content__live"><div class="info-content"><span class="date">1{n}:05'
            f'</span></div></div><div class="content--live">{words}</div></section>'
        )

    question = (
        '<div class="post__live-container--comment-content"><blockquote class="post__live-'
        'container--comment-blockquote">Les vols sont-ils maintenus ?</blockquote><span class='
        '"post__live-container--comment-author">Marie</span></div><div class="post__live-'
        'container--answer"><p class="post__live-container--answer-text">Bonjour, la compagnie '
        "a suspendu ses vols jusqu’à jeudi.</p></div>"
    )
    posts = "".join(
        post(n, question)
        if n == 5
        else post(
            n,
            f'<h2 class="post__live-container--title">Titre {n}</h2><p class="post__live-'
            f'container--answer-text">Ce que le message {n} rapporte, en plus de quelques mots.'
            "</p>",
        )
        for n in (6, 5, 4, 3)
    )
    page = page_of(
        f'<section class="post__live-section" id="post-container">{posts}</section>',
        title="EN DIRECT, guerre au Proche-Orient",
        lang="fr",
        published="2024-09-18T08:10:00+02:00",
    )
    updates = stream_of(page, "https://www.lemonde.fr/international/live/2024/09/18/x_1.html")
    assert [(u.source_id, u.published_at, u.authors) for u in updates] == [
        (f"post-{n}", f"2024-09-18T1{n - 2}:05:00Z", []) for n in (6, 5, 4, 3)
    ]
    assert updates[1].body_text == (
        "Les vols sont-ils maintenus ?\n\nBonjour, la compagnie a suspendu ses vols jusqu’à jeudi."
    )
    assert updates[1].media == [
        {"type": "quote", "text": "Les vols sont-ils maintenus ?", "attribution": "Marie"}
    ]


@pytest.mark.parametrize(
    "template",
    [
        '<article class="post post--template" style="display:none" id="post-template"><time '
        'datetime="{{ post.date }}">{{ post.time }}</time><h2>{{ post.title }}</h2><p>{{{ '
        "post.body }}}</p></article>",
        '<article class="post" hidden><h2>${headline}</h2><p><%= body %></p></article>',
    ],
    ids=["mustache", "template-literal"],
)
def test_a_client_side_templates_pattern_post_is_no_post(template: str) -> None:
    """A page that renders new posts in the browser keeps one, hidden, as their pattern:
    placeholders where the title, time and words go. It is no post."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-02-10T1{n}:00:00Z'>1{n}:00"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        "</article>"
        for n in (6, 5, 4, 3)
    )
    updates = stream_of(
        page_of(f"<div class='feed'>{template}{posts}</div>"), "https://news.example.com/live/x"
    )
    assert [u.headline for u in updates] == ["Post 6", "Post 5", "Post 4", "Post 3"]


@pytest.mark.parametrize(
    ("byline_class", "named"),
    [
        ("commentary__author", True),  # a live commentary's writer
        ("post-author", True),
        ("comment-author", False),  # a reader's, whose comment a post quotes
        ("comments__author", False),
    ],
)
def test_a_byline_class_names_the_posts_author_unless_a_comments(
    byline_class: str, named: bool
) -> None:
    names = ["Jo Writer", "Ann Lee", "Sam Reporter", "Max Müller"]
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-02-10T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Post {n}</h2><span class='{byline_class}'>{name}</span>"
        f"<p>What post {n} reports, in more than a few words.</p></article>"
        for n, name in zip((6, 5, 4, 3), names, strict=True)
    )
    updates = stream_of(
        page_of(f"<div class='feed'>{posts}</div>"), "https://news.example.com/live/x"
    )
    assert [u.authors for u in updates] == [[name] if named else [] for name in names]


@pytest.mark.parametrize("hidden", ["visually-hidden", "sr-only", "screen-reader-text"])
def test_words_printed_for_screen_readers_alone_are_no_words_of_a_post(hidden: str) -> None:
    """ "Posted at", "Update:", "(opens in a new window)", "Copy link to this post" in a class
    that hides them from sight: no reader of the page sees them. A full date given to screen
    readers beside "2 hours ago" still dates the post."""
    posts = "".join(
        f"<article class='post' id='p{n}'><div class='meta'><span class='{hidden}'>Posted at "
        f"</span><span class='{hidden}'>10 February 2024, 1{n}:05</span><span "
        f"aria-hidden='true'>{12 - n} hours ago</span></div><h2><span class='{hidden}'>Update: "
        f"</span>Post {n} of the storm</h2><p>What post {n} reports, in more than a few words, "
        f"and <a href='https://council.example/x'>the council's statement<span class='{hidden}'>"
        f" (opens in a new window)</span></a>.</p><a href='#p{n}' class='copy'><span "
        f"class='{hidden}'>Copy link to this post</span></a></article>"
        for n in (6, 5, 4, 3)
    )
    page = page_of(f"<div class='feed'>{posts}</div>")
    updates = extract_page(
        page, "https://news.example.com/live/x", fetched_at="2024-02-10T20:00:00Z"
    ).updates
    assert [(u.headline, u.body_text, u.published_at) for u in updates] == [
        (
            f"Post {n} of the storm",
            f"What post {n} reports, in more than a few words, and the council's statement.",
            f"2024-02-10T1{n}:05:00Z",
        )
        for n in (6, 5, 4, 3)
    ]


@pytest.mark.parametrize(
    "hides",
    ['style="display:none"', 'style="display: none !important"', "hidden", 'class="sr-only"'],
)
def test_a_number_the_page_hides_from_sight_is_no_word_of_a_post(hides: str) -> None:
    """A market blog's posts (Moneycontrol's, as a probe of its list shows them) each end with
    the zone's offset in minutes its script reads, "-330", kept out of sight, and a "Link
    copied" that shows once the link is copied: no reader sees them, so they are no words of
    the post. The rest of a post behind "Read more", hidden until the reader opens it, is."""
    posts = "".join(
        f"<li class='liveblog-item' id='post-{ident}'><div class='blog_time'><span>May 01, "
        f"2024 · {clock} IST</span></div><h2>{title}</h2><div class='blog_content'><p>{text}</p>"
        + (
            "<div class='blog_more' hidden><p>Foreign investors bought shares worth more than "
            "1,200 crore rupees in the session, the third day of buying.</p></div>"
            if ident == 8004
            else ""
        )
        + f"</div><span class='copy'>Copy</span><span {hides}>Link copied</span>"
        f"<span {hides}>-330</span></li>"
        for ident, clock, title, text in (
            (8004, "16:05", "Closing Bell: Nifty ends above 22,600", "Benchmark indices ended "
             "higher on Wednesday, led by gains in banking and metal stocks."),
            (8003, "15:20", "Rupee settles 4 paise higher", "The rupee gained four paise against "
             "the US dollar, supported by foreign fund inflows."),
            (8002, "14:45", "Tata Motors shares jump 3%", "Shares of Tata Motors rose after the "
             "company reported a rise in its domestic sales for April."),
        )
    )  # fmt: skip
    page = page_of(f"<ul class='liveblog-list'>{posts}</ul>", "Stock Market LIVE Updates")
    updates = extract_page(
        page, "https://www.moneycontrol.example/news/business/markets/live-updates-123.html",
        fetched_at="2024-05-01T12:00:00Z",
    ).updates  # fmt: skip
    assert [u.published_at for u in updates] == [
        "2024-05-01T10:35:00Z",
        "2024-05-01T09:50:00Z",
        "2024-05-01T09:15:00Z",
    ]
    assert "in the session, the third day of buying." in updates[0].body_text
    assert not any("330" in u.body_text or "copied" in u.body_text for u in updates)


@pytest.mark.parametrize("hides", ['style="display: none"', "hidden"])
def test_words_a_reader_opens_are_words_of_a_post_though_hidden(hides: str) -> None:
    """A quiz's answer behind "Reveal answer" (a paragraph kept hidden), a spoiler behind "Show
    spoiler" (the words its button's `aria-controls` names) and a heading a template hides
    until the post is opened are words a reader opens: few as they are, they stay, where a
    "Link copied" beside them goes."""
    posts = "".join(
        f"<article class='live-post' id='post-{n}'><time datetime='2024-10-29T{clock}:00Z'>"
        f"{clock}</time><h2 class='title' {hides if n == 2 else ''}>{title}</h2><div class="
        f"'live-post__body'><p>{words}</p>{extra}</div><button class='copy'>Copy link</button>"
        f"<span {hides}>Link copied</span></article>"
        for n, clock, title, words, extra in (
            (5, "20:40", "Quiz: which cake?", "Paul asks the bakers to name the cake from its "
             "crumb alone. Can you guess it?", "<button class='reveal'>Reveal answer</button>"
             f"<p class='answer' {hides}>A Battenberg cake</p>"),
            (4, "20:20", "Star baker", "The judges have decided who takes star baker this week, "
             "and it was close.", "<button aria-controls='spoiler-4' aria-expanded='false'>Show "
             f"spoiler</button><span id='spoiler-4' class='spoiler' {hides}>Georgie, again."
             "</span>"),
            (3, "20:05", "Showstopper", "The showstopper is a tiered cake with a hidden design "
             "inside, in two and a half hours.", ""),
            (2, "19:50", "Technical", "Prue's technical is a Victorian sponge with a lemon curd "
             "filling tonight.", ""),
        )
    )  # fmt: skip
    page = page_of(f"<div class='live-blog'>{posts}</div>", "Bake Off final live")
    url = "https://www.news.example/tv/2024/oct/29/bake-off-final-live"
    updates = extract_page(page, url, fetched_at="2024-10-29T21:00:00Z").updates
    assert [u.headline for u in updates] == ["Quiz: which cake?", "Star baker", "Showstopper",
                                             "Technical"]  # fmt: skip
    assert updates[0].body_text.endswith("Can you guess it?\n\nA Battenberg cake")
    assert updates[1].body_text.endswith("and it was close.\n\nGeorgie, again.")
    assert not any("copied" in u.body_text for u in updates)


def test_a_score_printed_for_screen_readers_alone_is_words_of_its_post() -> None:
    """A football blog that draws each goal's score as a graphic gives it in words to screen
    readers alone ("Arsenal 2, Chelsea 1", "1–1"): the post's only words of the score, they
    stay, where a lone number no clock reads ("-330") goes."""
    posts = "".join(
        f"<article class='live-post' id='post-{n}'><time datetime='2024-10-29T{clock}:00Z'>"
        f"{clock}</time><h2>Goal!</h2><div class='score'><span class='badge' aria-hidden="
        f"'true'></span><span class='visually-hidden'>{score}</span></div><div class="
        f"'live-post__body'><p>{words}</p></div><span class='visually-hidden'>-330</span>"
        "</article>"
        for n, clock, score, words in (
            (3, "20:40", "Arsenal 2, Chelsea 1", "Saka turns in the cross at the far post after"
             " a long spell of pressure."),
            (2, "20:20", "1–1", "Palmer levels from the spot after a clumsy challenge in the "
             "box."),
            (1, "20:05", "Arsenal 1, Chelsea 0", "Havertz heads in the opener against his old "
             "club from a corner."),
        )
    )  # fmt: skip
    page = page_of(f"<div class='live-blog'>{posts}</div>", "Arsenal v Chelsea live")
    url = "https://www.news.example/football/live/2024/oct/29/arsenal-v-chelsea"
    updates = extract_page(page, url, fetched_at="2024-10-29T21:00:00Z").updates
    assert [u.body_text.split("\n\n")[0] for u in updates] == [
        "Arsenal 2, Chelsea 1",
        "1–1",
        "Arsenal 1, Chelsea 0",
    ]
    assert not any("330" in u.body_text for u in updates)


@pytest.mark.parametrize(
    ("placeholder", "media_kinds"),
    [
        # NU.nl (its liveblog's blocks as a public reader of them documents them): the tweet
        # waits for the reader's consent, and a notice and a link to the settings stand in.
        (
            "<div class='twitter'><div class='consent_required'><p>Deze inhoud kan helaas niet "
            "worden getoond. Om deze inhoud te bekijken heb je toestemming nodig voor social "
            "media cookies.</p><a href='#'>Cookie-instellingen</a></div></div>",
            [],
        ),
        # A consent box holding the embed itself, shown once the reader agrees: the embed.
        (
            "<div class='embed-consent'><p>Allow X content?</p><blockquote class='twitter-tweet'>"
            "<p>Water rising.</p>— Council (@council) <a href='https://twitter.com/council/"
            "status/123'>February 10, 2024</a></blockquote></div>",
            ["embed"],
        ),
    ],
    ids=["placeholder", "holding-the-embed"],
)
def test_what_stands_in_for_an_embed_until_the_reader_consents_is_no_word(
    placeholder: str, media_kinds: list[str]
) -> None:
    """A box whose class says consent, standing in for an embed the reader has not allowed
    (a notice, a link to the cookie settings): no word of the post. One that holds the embed
    itself gives the embed."""
    updates = _four_posts_with(placeholder)
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in (6, 5, 4, 3)
    ]
    assert [[m["type"] for m in u.media] for u in updates] == [media_kinds] * 4


@pytest.mark.parametrize(
    ("embed", "url"),
    [
        # Bluesky's embed code (embed.bsky.app): the post's words, its author and a link to it.
        (
            "<blockquote class='bluesky-embed' data-bluesky-uri='at://did:plc:abc/app.bsky.feed."
            "post/3kabc'><p lang='en'>Roads around the harbour stay closed.</p>&mdash; City "
            "Police (<a href='https://bsky.app/profile/did:plc:abc?ref_src=embed'>@citypolice."
            "bsky.social</a>) <a href='https://bsky.app/profile/did:plc:abc/post/3kabc?ref_src="
            "embed'>May 1, 2024 at 10:02 AM</a></blockquote>",
            "https://bsky.app/profile/did:plc:abc/post/3kabc?ref_src=embed",
        ),
        # Threads' embed code: a card saying "Post by @…" and "View on Threads" until its script
        # draws the post.
        (
            "<blockquote class='text-post-media' data-text-post-permalink='https://www.threads."
            "net/@cityfire/post/C6xyz' data-text-post-version='0'><a href='https://www.threads."
            "net/@cityfire/post/C6xyz' target='_blank'><div><div>Post by @cityfire</div><div>"
            "View on Threads</div></div></a></blockquote>",
            "https://www.threads.net/@cityfire/post/C6xyz",
        ),
        # Reddit's embed code (embed.reddit.com): the thread's title, its poster and its forum.
        (
            "<blockquote class='reddit-embed-bq' data-embed-height='316'><a href='https://www."
            "reddit.com/r/citynews/comments/1ci2abc/harbour_fire/'>Harbour fire thread</a><br> by"
            "<a href='https://www.reddit.com/user/someone/'>u/someone</a> in<a href='https://www."
            "reddit.com/r/citynews/'>citynews</a></blockquote>",
            "https://www.reddit.com/r/citynews/comments/1ci2abc/harbour_fire/",
        ),
    ],
    ids=["bluesky", "threads", "reddit"],
)
def test_a_social_post_embedded_by_its_platform_code_is_an_embed_not_words(
    embed: str, url: str
) -> None:
    """A blockquote that a platform's embed code leaves for its script, its class naming an
    embed (or Threads' `data-text-post-permalink`) and linking to the platform, is the post
    embedded, as a tweet's is: no words of the post that carries it, a quote's or a
    placeholder's ("View on Threads")."""
    updates = _four_posts_with(embed)
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in (6, 5, 4, 3)
    ]
    assert [[(m["type"], m["url"]) for m in u.media] for u in updates] == [[("embed", url)]] * 4


@pytest.mark.parametrize(
    "icon",
    [
        "<span class='material-icons' aria-hidden='true'>schedule</span>",
        "<span class='material-symbols-outlined'>share</span>",
        "<i class='icon material-icons-round'>open_in_new</i>",
    ],
    ids=["icons", "symbols", "round"],
)
def test_an_icon_fonts_ligature_is_no_word_of_a_post(icon: str) -> None:
    """Google's Material Icons and Symbols draw an icon from its name written as the element's
    text ("schedule", "share", "open_in_new" in `span.material-icons`): the reader sees a
    glyph, no word, in a post's paragraph, its headline or its row of tools."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-02-10T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>{icon} Post {n}</h2><p>{icon} What post {n} reports, in more than a few "
        f"words.</p><div class='tools'><a href='#p{n}'>{icon}</a></div></article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"), "https://news.example.com/live/x"
    ).updates
    assert [(u.headline, u.body_text) for u in updates] == [
        (f"Post {n}", f"What post {n} reports, in more than a few words.") for n in (6, 5, 4, 3)
    ]


@pytest.mark.parametrize(
    "chrome",
    [
        "<div class='post-reactions'><button>👍 <span>124</span></button><span class="
        "'reaction-count'>❤️ 37</span><span class='reaction-count'>😮 5</span></div>",
        "<div class='like-count'><span aria-hidden='true'>♥</span> 12 likes</div>",
        "<a class='load-more' href='?page=2'>Load more</a>",
    ],
    ids=["reactions", "likes", "load-more"],
)
def test_a_posts_reaction_counts_and_a_load_more_link_are_no_words(chrome: str) -> None:
    """Readers' reactions under a post ("❤️ 37", "12 likes", in a box whose class names a
    post's reactions, a reaction's or a like's count) and a link that loads more of the blog
    (`a.load-more`) are the page's tools, no word of the post; a post's words about reactions
    stay."""
    updates = _four_posts_with(
        "<div class='reactions-quote'><p>Reactions poured in from the council.</p></div>" + chrome
    )
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\nReactions poured in from the council."
        for n in (6, 5, 4, 3)
    ]


@pytest.mark.parametrize(
    ("words", "body"),
    [
        (
            "<ul class='reactions-list'><li>Labour: a disgrace.</li><li>The Greens: a dark day "
            "for the valley.</li></ul>",
            "Labour: a disgrace.\nThe Greens: a dark day for the valley.",
        ),
        (
            "<div class='update-reactions'><p>The mayor called it a dark day.</p></div>",
            "The mayor called it a dark day.",
        ),
    ],
    ids=["reactions-list", "update-reactions"],
)
def test_a_posts_words_in_a_box_named_after_reactions_stay(words: str, body: str) -> None:
    """A box whose class names reactions is readers' reactions under a post only where it
    says counts ("❤️ 37", "12 likes"): the reactions a post reports, politicians' words in
    a `ul.reactions-list` or a `div.update-reactions`, are its words."""
    updates = _four_posts_with(
        words + "<div class='post-reactions'><button>👍 <span>124</span></button><span "
        "class='reaction-count'>❤️ 37</span></div>"
    )
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\n{body}" for n in (6, 5, 4, 3)
    ]


@pytest.mark.parametrize(
    ("standin", "media_kinds"),
    [
        # An embed's box a script fills, saying meanwhile what it loads or what it needs.
        ("<div class='embed embed--twitter'><p>Loading tweet…</p></div>", []),
        (
            "<div class='embed-wrapper'><p class='js-warning'>Please enable JavaScript to view "
            "this content.</p></div>",
            [],
        ),
        ("<div class='tweet-embed'>Tweet wird geladen…</div>", []),
        ("<div class='twitter-embed'>Yükleniyor...</div>", []),
        ("<div class='embed-twitter'>Завантаження…</div>", []),
        ("<div class='social-embed'>Betöltés...</div>", []),
        ("<div class='tweet-embed'>Laddar inlägg…</div>", []),
        ("<div class='embed-instagram'>読み込み中です…</div>", []),
        ("<div class='embed-placeholder'></div>", []),
        # Getty Images' embed code: a link to the picture's page, "Embed from Getty Images",
        # that its script replaces with the picture's frame.
        (
            "<a id='gE1' class='gie-single' href='http://www.gettyimages.com/detail/2151234567'"
            " target='_blank' style='color:#a7a7a7;display:inline-block;'>Embed from Getty "
            "Images</a><script>window.gie=window.gie||function(c){(gie.q=gie.q||[]).push(c)};"
            "</script>",
            ["embed"],
        ),
    ],
    ids=[
        "loading",
        "javascript",
        "geladen",
        "yukleniyor",
        "zavantazhennia",
        "betoltes",
        "laddar",
        "yomikomi",
        "empty",
        "getty",
    ],
)
def test_what_an_embed_says_until_its_script_draws_it_is_no_word(
    standin: str, media_kinds: list[str]
) -> None:
    """A box whose class names an embed, holding no link, picture, frame or address of the
    embed, says only what stands in for it until its script runs ("Loading tweet…", "Please
    enable JavaScript to view this content."): no word of the post. Getty Images' link that
    its script replaces with the picture is the picture's embed, its "Embed from Getty
    Images" no word."""
    updates = _four_posts_with(standin + "<p>And what it adds.</p>")
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\nAnd what it adds."
        for n in (6, 5, 4, 3)
    ]
    assert [[m["type"] for m in u.media] for u in updates] == [media_kinds] * 4


@pytest.mark.parametrize(
    ("words", "body"),
    [
        # A line the post's writer marks for readers to tweet, inline or a box of its own.
        (
            "<p>The minister said <span class='tweetable'>we will not back down</span> as the "
            "vote began.</p>",
            "The minister said we will not back down as the vote began.",
        ),
        (
            "<div class='tweetable-quote'>“We will not back down,” the minister said.</div>",
            "“We will not back down,” the minister said.",
        ),
        # An embed's title, description and credit beside its box, not in it.
        (
            "<p class='embed-title'>Watch: the storm hits the coast</p><div class='embed'>"
            "<iframe src='https://www.youtube.com/embed/abc'></iframe></div><p class="
            "'embed-credit'>Video: Sky News</p>",
            "Watch: the storm hits the coast\n\nVideo: Sky News",
        ),
        (
            "<div class='video-embed'><video src='https://news.example.com/v.mp4'></video>"
            "</div><div class='embed-description'>Waves break over the sea wall.</div>",
            "Waves break over the sea wall.",
        ),
        # A liveblog tool's box for a post's text, named after the embed it may hold.
        (
            "<div class='lb-embed-text'><p>The council confirmed the closure.</p></div>",
            "The council confirmed the closure.",
        ),
    ],
    ids=["tweetable", "tweetable-box", "embed-title-credit", "embed-description", "embed-text"],
)
def test_a_short_line_in_a_box_named_after_an_embed_that_stands_in_for_none_is_words(
    words: str, body: str
) -> None:
    """A box whose class names an embed stands in for one only where its line says what a
    stand-in says: that the embed loads ("Loading tweet…", "Tweet wird geladen…") or that
    it needs JavaScript. A line marked for readers to tweet, an embed's title, description
    or credit beside its box, and a post's text in a box its tool names after embeds are
    the post's words."""
    updates = _four_posts_with(words + "<p>And what it adds.</p>")
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\n{body}\n\nAnd what it adds."
        for n in (6, 5, 4, 3)
    ]


def test_a_pictures_caption_whose_class_says_embedded_keeps_its_credit() -> None:
    """A picture's caption whose class says it is embedded in the post (the Mirror's
    `figcaption.image__caption--embedded`, "(Image: Anadolu via Getty Images)") is the
    picture's credit, no stand-in for an embed: a short line with no link in a box whose
    class says "embed" is one only where it is no caption."""
    updates = _four_posts_with(
        "<figure><img src='https://news.example.com/p{n}.jpg' alt=''><figcaption"
        " class='image__caption--embedded'><span class='credit'>(Image: Anadolu via Getty"
        " Images)</span></figcaption></figure>"
    )
    assert [[m.get("credit") for m in u.media] for u in updates] == [
        ["Anadolu via Getty Images"]
    ] * 4


def test_a_box_whose_class_says_consent_without_a_control_is_words() -> None:
    """A box whose class names consent but asks for none (no link, no button: a note that a
    family agreed to the publication) is words of the post, not an embed's placeholder."""
    updates = _four_posts_with(
        "<div class='consent-note'><p>Published with the family's consent.</p></div>"
    )
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\nPublished with the family's consent."
        for n in (6, 5, 4, 3)
    ]


@pytest.mark.parametrize(
    "title",
    ["<h3 class='x6'>{title}</h3>", "<div class='x6'><b>{title}</b></div>"],
    ids=["heading", "bold-line"],
)
def test_a_topic_set_above_each_posts_title_is_neither_title_nor_words(title: str) -> None:
    """A topic above each post's title ("Politik", "Sport", "Politik", "Wirtschaft"), in a
    build whose classes say nothing: the title under it is the headline, whether a heading or
    a bold line, and the topic no word of the post."""
    topics = ["Politik", "Sport", "Politik", "Wirtschaft", "Politik", "Sport"]
    posts = "".join(
        f"<div class='x1'><div class='x2'><span class='x3'>1{8 - n}:05 Uhr</span></div>"
        f"<div class='x4'><span class='x5'>{topic}</span></div>"
        + title.format(title=f"Meldung {n} über die Lage im Land")
        + f"<div class='x7'>Was Meldung {n} berichtet, in mehr als ein paar Worten.</div></div>"
        for n, topic in enumerate(topics)
    )
    page = page_of(
        f"<div class='x0'>{posts}</div>",
        title="Newsblog: Die Lage",
        lang="de",
        published="2024-02-10T08:00:00+01:00",
    )
    updates = stream_of(page, "https://news.example.de/newsblog/lage")
    assert [(u.headline, u.body_text) for u in updates] == [
        (
            f"Meldung {n} über die Lage im Land",
            f"Was Meldung {n} berichtet, in mehr als ein paar Worten.",
        )
        for n in range(6)
    ]


@pytest.mark.parametrize(
    ("lang", "line", "name"),
    [
        ("en", "Posted by Ann Lee at {h}:05", "Ann Lee"),
        ("de", "Geschrieben von Anna Weber um {h}:05 Uhr", "Anna Weber"),
        ("fr", "Publié par Jean Dupont à {h}h05", "Jean Dupont"),
        ("pt", "Publicado por Ana Souza às {h}h05", "Ana Souza"),
    ],
)
def test_a_byline_that_runs_into_the_posts_time_names_its_author(
    lang: str, line: str, name: str
) -> None:
    """ "Posted by Ann Lee at 14:05", and its like in the languages read here: the name is the
    post's author, without the word that leads to the time."""
    posts = "".join(
        f"<article class='post' id='p{n}'><p class='x9'>{line.format(h=10 + n)}</p>"
        f"<h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p></article>"
        for n in (6, 5, 4, 3)
    )
    updates = stream_of(
        page_of(f"<div class='feed'>{posts}</div>", lang=lang), "https://news.example.com/live/x"
    )
    assert [(u.headline, u.authors) for u in updates] == [
        (f"Post {n}", [name]) for n in (6, 5, 4, 3)
    ]


def test_a_stream_whose_classes_are_hashed_and_whose_test_ids_name_its_parts() -> None:
    """The NYT's live pages (2024, as a public scraper of them reads them,
    joshuaKnauber/pagers-in-headlines `pipeline/05-extraction/round2/liveblogs.py`): each post
    a `div[role=article]` holding `div[data-testid=live-blog-post]` with its `<time datetime>`,
    `<h2>`, a byline box (`data-testid="live-blog-byline"`: the name, then where the reporter
    is), its words and pictures whose caption ends "Credit..." and the photographer; the first
    post labelled "Pinned"."""
    posts = ""
    for n in (4, 3, 2, 1):
        pinned = '<div class="css-p"><span>Pinned</span></div>' if n == 4 else ""
        posts += (
            f'<div role="article" aria-posinset="{5 - n}" class="css-a"><div '
            f'data-testid="live-blog-post" id="post{n}" class="css-b">{pinned}<time '
            f'datetime="2024-09-18T1{n}:05:00.000Z"><span>Sept. 18, 2024</span></time>'
            f'<h2 class="css-h"><a href="#post{n}">Post {n} of the day</a></h2>'
            '<div data-testid="live-blog-byline" class="css-y"><div><p class="css-n">Euan Ward</p>'
            '<p class="css-r">Reporting from Beirut</p></div></div>'
            f'<p class="css-q">What post {n} reports, in more than a few words.</p>'
            '<figure class="css-f"><div class="css-g"><span class="css-v">Image</span><img '
            f'src="https://static.example.com/{n}.jpg" alt=""></div><figcaption class="css-c"><span>'
            'Outside a hospital in Beirut.</span><span><span class="css-v">Credit...</span><span>'
            "Bryan Denton for The New York Times</span></span></figcaption></figure></div></div>"
        )
    page = page_of(
        f'<section id="live-feed-items">{posts}</section>', title="Israel-Hezbollah: Live Updates"
    )
    updates = extract_page(page, "https://www.nytimes.com/live/2024/09/18/world/israel").updates
    assert [(u.source_id, u.headline, u.pinned, u.authors, u.body_text) for u in updates] == [
        (
            f"post{n}",
            f"Post {n} of the day",
            n == 4,
            ["Euan Ward"],
            f"What post {n} reports, in more than a few words.",
        )
        for n in (4, 3, 2, 1)
    ]
    assert {(m["caption"], m["credit"]) for u in updates for m in u.media} == {
        ("Outside a hospital in Beirut.", "Bryan Denton for The New York Times")
    }


def _labelled_stream(labels: list[str], box: str, titled: bool = True) -> list[Update]:
    """Four timed posts, each under its label (none where it is empty) in a box of the tag,
    titled "Post n" or not."""
    posts = "".join(
        f"<div class='post'><time datetime='2024-02-10T1{8 - n}:05:00Z'>1{8 - n}:05</time>"
        + (f"<{box} class='x1'>{label}</{box}>" if label else "")
        + (f"<h2>Post {n}</h2>" if titled else "")
        + f"<p>What post {n} reports, in more than a few words.</p></div>"
        for n, label in enumerate(labels)
    )
    return stream_of(page_of(f"<div class='feed'>{posts}</div>"), "https://news.example.com/live/x")


@pytest.mark.parametrize(
    "labels",
    [
        ["Breaking", "Key event", "", "Pinned"],
        ["Neu", "Wichtig", "Aktualisierung", "Angepinnt"],
        ["Nouveau", "Important", "Mise à jour", "Épinglé"],
        ["Urgente", "Importante", "Nuovo", "Fissato"],
        ["Nieuw", "Belangrijk", "Net binnen", "Vastgezet"],
        ["Pilne", "Ważne", "Aktualizacja", "Przypięty"],
        ["Última hora", "Destacado", "Actualización", "Fijado"],
        ["Urgente", "Destaque", "Atualização", "Fixado"],
    ],
    ids=["en", "de", "fr", "it", "nl", "pl", "es", "pt"],
)
@pytest.mark.parametrize("box", ["span", "p", "div"])
def test_a_posts_labels_are_flags_not_words(box: str, labels: list[str]) -> None:
    """ "Breaking", "Key event", "Pinned" printed above a post, in the languages read here: the
    key event and the pinned post are flagged, and no label is a word of its post."""
    updates = _labelled_stream(labels, box)
    assert [(u.key_event, u.pinned, u.headline, u.body_text) for u in updates] == [
        (n == 1, n == 3, f"Post {n}", f"What post {n} reports, in more than a few words.")
        for n in range(4)
    ]


@pytest.mark.parametrize("pinned", ["Angeheftet", "In evidenza"])
def test_other_pinned_labels_of_the_languages_read_flag_their_post(pinned: str) -> None:
    """German "Angeheftet" beside "Angepinnt", and Italian "In evidenza" (WordPress's Italian
    for a sticky post) beside "Fissato": the post is flagged pinned, the label no word of it."""
    updates = _labelled_stream(["", "", "", pinned], "span")
    assert [(u.pinned, u.body_text) for u in updates] == [
        (n == 3, f"What post {n} reports, in more than a few words.") for n in range(4)
    ]


@pytest.mark.parametrize(
    "pinned", ["Закріплено", "Prikvačeno", "Připnuto", "Pripnuté", "Sabitlendi", "Disematkan"]
)
def test_a_pinned_label_beyond_the_languages_read_flags_its_post(pinned: str) -> None:
    """Pinned labels in Ukrainian, Croatian, Czech, Slovak, Turkish and Indonesian flag the
    post and are no word of it; "important" in those languages ("Važno", "Önemli") opens
    sentences and titles posts too: no key event."""
    updates = _labelled_stream(["", "", "", pinned], "span")
    assert [(u.pinned, u.body_text) for u in updates] == [
        (n == 3, f"What post {n} reports, in more than a few words.") for n in range(4)
    ]
    updates = _labelled_stream(["", "Važno", "", "Önemli"], "span")
    assert not any(u.key_event for u in updates)


@pytest.mark.parametrize(
    "labels",
    [
        ["Analysis", "Opinion", "Explainer", "Exclusive"],
        ["Analyse", "Kommentar", "Meinung", "Exklusiv"],
        ["Analyse", "Décryptage", "Opinion", "Exclusif"],
        ["Análisis", "Opinión", "Vídeo", "Exclusiva"],
        ["Analisi", "Commento", "Video", "Esclusiva"],
        ["Análise", "Opinião", "Vídeo", "Exclusivo"],
        ["Analyse", "Opinie", "Video", "Exclusief"],
        ["Analiza", "Komentarz", "Opinia", "Wideo"],
    ],
    ids=["en", "de", "fr", "es", "it", "pt", "nl", "pl"],
)
@pytest.mark.parametrize("titled", [True, False], ids=["titled", "untitled"])
def test_a_posts_kind_is_a_label_not_a_word(labels: list[str], titled: bool) -> None:
    """What kind of post it is ("Analysis", "Opinion", "Video") printed on a line of its own
    above it, in the languages read here: no headline and no word of the post, whether or not
    the post has a heading of its own."""
    updates = _labelled_stream(labels, "p", titled)
    assert [(u.headline, u.body_text) for u in updates] == [
        (f"Post {n}" if titled else None, f"What post {n} reports, in more than a few words.")
        for n in range(4)
    ]


@pytest.mark.parametrize(
    ("lang", "label"),
    [("en", "See also"), ("en", "Related:"), ("nl", "Zie ook"), ("de", "Lesen Sie auch"),
     ("fr", "Lire aussi"), ("it", "Vedi anche"), ("es", "Ver también"), ("pl", "Zobacz także")],
)  # fmt: skip
@pytest.mark.parametrize("boxed", [True, False], ids=["boxed", "bare"])
def test_a_box_of_links_to_other_stories_inside_a_post_is_no_word_of_it(
    lang: str, label: str, boxed: bool
) -> None:
    """NOS's `div.list-also-see` ("Zie ook" over a list of links to other articles), and its
    like in the languages read here, boxed or a heading and list in the post's own box: the
    label and the links are no word of the post. A list of links under another heading
    (the post's sources) stays."""
    links = (
        "<ul><li><a href='/artikel/{n}-zorg.html'><span>Ziekenhuizen schalen zorg af {n}</span>"
        "</a></li><li><a href='/artikel/{n}-scholen.html'>Scholen blijven open {n}</a></li></ul>"
    )
    see = f"<h3>{label}</h3>{links}"
    see = f"<div class='list-also-see'>{see}</div>" if boxed else see
    posts = "".join(
        f"<li class='update' id='u{n}'><time datetime='2024-02-10T1{8 - n}:05:00Z'>1{8 - n}:05"
        f"</time><h2>Post {n}</h2><div class='els'><p>What post {n} reports, in more than a "
        f"few words.</p>{see.format(n=n)}<h4>Sources</h4><ul><li><a href='/report-{n}.pdf'>"
        f"The report {n}</a></li></ul></div></li>"
        for n in range(4)
    )
    page = page_of(f"<ul class='feed'>{posts}</ul>", title="Live: storm", lang=lang)
    updates = extract_page(page, "https://news.example.com/live/storm").updates
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\nSources\n\nThe report {n}"
        for n in range(4)
    ]


def _first_post_holding(box: str, title: str, url: str) -> Update:
    """The newest of four timed posts, which holds the box after its words."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-02-10T1{8 - n}:05:00Z'>"
        f"1{8 - n}:05</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few "
        f"words.</p>{box if n == 0 else ''}</article>"
        for n in range(4)
    )
    page = page_of(f"<div class='feed'>{posts}</div>", title=title)
    return extract_page(page, url).updates[0]


@pytest.mark.parametrize(
    ("box", "url", "title"),
    [
        # NOS (nos.nl's liveblog, as a public notifier of it reads it): a thumbnail linked to
        # the video's page, its title in a caption box.
        (
            "<div class='block_video'><div class='video-play'><a href='/video/2351880-pers.html'>"
            "<img src='https://nos.example/thumb.jpg' alt=''></a></div><div "
            "class='caption_content'>Persconferentie van Rutte en De Jonge</div></div>",
            "https://news.example.com/video/2351880-pers.html",
            "Persconferentie van Rutte en De Jonge",
        ),
        # BFMTV (as yt-dlp reads it): a Brightcove player, its title under it.
        (
            "<div class='video_block'><video-js data-account='876450612001' data-player="
            "'I2qBTln4u' data-video-id='6350000000112' class='video-js'></video-js><p "
            "class='video_title'>Kharkiv : les images des frappes</p></div>",
            "https://players.brightcove.net/876450612001/I2qBTln4u_default/index.html"
            "?videoId=6350000000112",
            "Kharkiv : les images des frappes",
        ),
        # franceinfo: a player the script fills, and a link to the video's page.
        (
            "<div class='media-embed media-embed--video'><div class='media-embed__player' "
            "data-id='a1b2c3d4'></div><a class='media-embed__link' "
            "href='https://www.francetvinfo.fr/replay-jt/budget.html'>Voir la vidéo</a></div>",
            "https://www.francetvinfo.fr/replay-jt/budget.html",
            None,
        ),
    ],
    ids=["linked-thumbnail", "brightcove", "player-and-link"],
)
def test_a_video_box_in_a_post_is_a_video_not_words(box: str, url: str, title: str | None) -> None:
    """A box whose class says video, holding a player or a link to the video's page and its
    title at most: a video of the post, its title the video's text, no word of the post (nor
    its "Voir la vidéo" link)."""
    first = _first_post_holding(box, "Live: the day", "https://news.example.com/live/day")
    assert first.body_text == "What post 0 reports, in more than a few words."
    assert first.media == [{"type": "video", "url": url, "provider": None, "text": title}]


def test_a_lazy_iframe_without_src_is_the_posts_video() -> None:
    """Future's and WP Rocket's lazy loaders keep an iframe's address in `data-lazy-src` until
    the reader scrolls to it: the post's video all the same."""
    frame = (
        "<div class='youtube-video'><div class='video-aspect-box'><iframe data-lazy-priority="
        "'low' data-lazy-src='https://www.youtube.com/embed/exampleID01' allowfullscreen>"
        "</iframe></div></div>"
    )
    first = _first_post_holding(frame, "Live: the keynote", "https://news.example.com/live/keynote")
    assert [(m["url"], m["provider"]) for m in first.media] == [
        ("https://www.youtube.com/embed/exampleID01", "youtube")
    ]


def test_a_short_posts_words_in_a_box_that_says_video_stay_its_words() -> None:
    """A post whose words and player share a box of a class that says video (`div.post__body
    video`): the words are the post's, the player its video; only a box that holds a player
    and a title at most is the video's alone."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-02-10T1{8 - n}:05:00Z'>"
        f"1{8 - n}:05</time><h2>Post {n}</h2><div class='post__body video'><p>Watch the moment "
        f"number {n}.</p><iframe src='https://www.youtube.com/embed/v{n}'></iframe></div>"
        "</article>"
        for n in range(4)
    )
    page = page_of(f"<div class='feed'>{posts}</div>", title="Live: the day")
    updates = extract_page(page, "https://news.example.com/live/day").updates
    assert [(u.body_text, [m["type"] for m in u.media]) for u in updates] == [
        (f"Watch the moment number {n}.", ["video"]) for n in range(4)
    ]


def test_a_players_card_linked_in_a_post_is_words_not_a_video() -> None:
    """A match ticker's `div.player-card` linking to the scorer's page: words of the post (a
    class that says player names a footballer as often as a video's player)."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-02-10T1{8 - n}:05:00Z'>"
        f"1{8 - n}:05</time><p>Goal number {n} after a corner.</p><div class='player-card'><a "
        f"href='/players/{n}'>Scored by the player wearing number {n}</a></div></article>"
        for n in range(4)
    )
    page = page_of(f"<div class='feed'>{posts}</div>", title="Live: Bayern v Dortmund")
    updates = extract_page(page, "https://news.example.com/live/match").updates
    assert [(u.body_text, u.media) for u in updates] == [
        (f"Goal number {n} after a corner.\n\nScored by the player wearing number {n}", [])
        for n in range(4)
    ]


def test_a_card_linking_to_another_story_inside_a_post_is_no_word_or_picture_of_it() -> None:
    """Sky TG24's inline cards (as a public reader of its pages documents them): a link of
    class `c-inline-card` to another article, holding a label ("Approfondimento"), its
    picture and its title. It is a teaser: neither words nor a picture of the post. A picture
    linked without a card's class, or with one but linked to the picture itself, stays the
    post's, and so does a card the post's words lead to ("Leggi l'anteprima:"): it is what the
    post shows."""
    card = (
        "<a class='c-inline-card' href='https://tg24.example.it/mondo/2024/03/11/droni'><span "
        "class='c-section-title'>Approfondimento</span><img src='https://img.example.it/d.jpg' "
        "alt=''><span class='c-inline-card__title'>Guerra in Ucraina, perché i droni sono "
        "decisivi</span></a>"
    )
    linked = "<a href='https://img.example.it/big.jpg'><img src='https://img.example.it/s.jpg'></a>"
    gallery = (  # a card's class, but a link to the picture itself
        "<a class='gallery-card' href='https://img.example.it/big2.jpg'><img "
        "src='https://img.example.it/s2.jpg'></a>"
    )
    posts = "".join(
        f"<div class='c-timeline__post' id='post-{n}'><time datetime='2024-03-11T1{n}:05:00Z'>"
        f"1{n}:05</time><h2>Titolo {n}</h2><p>Cosa riporta il post {n}, in più di qualche "
        f"parola.</p>{card if n == 5 else linked if n == 4 else ''}"
        f"{'<p>Leggi l’anteprima:</p>' + card if n == 3 else ''}{gallery if n == 2 else ''}</div>"
        for n in (5, 4, 3, 2)
    )
    page = page_of(f"<div class='c-timeline'>{posts}</div>", title="Ucraina, la diretta", lang="it")
    updates = extract_page(page, "https://tg24.example.it/mondo/live/ucraina").updates
    said = "Cosa riporta il post {}, in più di qualche parola."
    assert [(u.body_text, [m["url"] for m in u.media]) for u in updates] == [
        (said.format(5), []),
        (said.format(4), ["https://img.example.it/s.jpg"]),
        (
            said.format(3) + "\n\nLeggi l’anteprima:\n\nApprofondimento\n\nGuerra in "
            "Ucraina, perché i droni sono decisivi",
            ["https://img.example.it/d.jpg"],
        ),
        (said.format(2), ["https://img.example.it/s2.jpg"]),
    ]


def test_a_post_stamped_with_a_date_alone_keeps_its_heading_as_headline() -> None:
    """A post that opens with a line stating its date and nothing else ("14 March 2024"), then
    its heading: the heading is the headline; the date, no clock, stays in its words."""
    posts = "".join(
        f"<div class='post'><p class='x1'>{day} March 2024</p><h2>Post {day}</h2>"
        f"<p>What post {day} reports, in more than a few words.</p></div>"
        for day in (14, 13, 12, 11)
    )
    updates = stream_of(
        page_of(f"<div class='feed'>{posts}</div>"), "https://news.example.com/live/x"
    )
    assert [(u.headline, u.body_text) for u in updates] == [
        (f"Post {day}", f"{day} March 2024\n\nWhat post {day} reports, in more than a few words.")
        for day in (14, 13, 12, 11)
    ]


def _posts_with(extra: str) -> bytes:
    posts = "".join(
        f'<article class="post" id="p{i}"><time datetime="2024-02-10T1{i}:00:00Z">1{i}:00</time>'
        f"<h2>Flood warning number {i}</h2><p>The river rose again overnight at gauge {i}, the "
        f"agency said.</p>{extra.format(i=i)}</article>"
        for i in range(4)
    )
    return page_of(f'<h1>Storm live</h1><div class="stream">{posts}</div>')


def test_a_word_of_a_comments_control_linked_inside_a_sentence_is_no_control() -> None:
    """ "Report", "Quote" or "Reply" as a link in a post's sentence ("the <a>report</a> will be
    published") is the post's words: its posts are no comments, which a control of that word
    marks."""
    body = _posts_with(
        '<p>The council said the <a href="https://example.org/r">report</a> will be published '
        'today; <a href="https://example.org/q">quote</a> it in full.</p>'
    )
    found = stream_of(body, "https://news.example/live/storm")
    assert [u.headline for u in found] == [f"Flood warning number {i}" for i in range(4)]
    assert found[0].body_text.endswith("the report will be published today; quote it in full.")


@pytest.mark.parametrize(
    "control",
    [
        '<div class="actions"><a href="#r{i}">Reply</a> · <a href="#f{i}">Report</a></div>',
        '<footer><button type="button">Antworten</button></footer>',
        '<span class="meta">Reply</span>',
        # In other scripts: Arabic "رد", Chinese "回复", Korean "답글" (not Hebrew "הגב",
        # "comment", which a live blog's posts show as English ones show "Comment").
        '<footer><a href="#r{i}">رد</a></footer>',
        '<footer><a href="#r{i}">回复</a></footer>',
        "<footer><button>답글</button></footer>",
    ],
)
def test_posts_each_with_a_reply_control_are_comments(control: str) -> None:
    assert stream_of(_posts_with(control), "https://news.example/live/storm") == []


def test_a_post_box_that_a_time_opens_is_no_line_of_a_ticker() -> None:
    """`<div class="post"><time>…</time><p><strong>Title</strong></p><p>…</p><figure>…`: the
    time opens a box of blocks, a post's own, not a line of a ticker to cut the stream into.
    Each post keeps its bold title, the one with a picture too (a box was put around each
    post, and a title beside that box's picture read as its caption)."""
    posts = "".join(
        f"<div class='post'><time datetime='2024-02-10T1{8 - n}:05:00Z'>1{8 - n}:05</time>"
        f"<p><strong>Flood barrier {n} holds</strong></p><p>By Anna Smith</p>"
        f"<p>Water stood a metre below the top of barrier {n} at noon, the agency said.</p>"
        + (
            "<figure><img src='https://img.example/1.jpg' alt=''><figcaption>The barrier at "
            "noon.</figcaption></figure>"
            if n == 1
            else ""
        )
        + "</div>"
        for n in range(4)
    )
    updates = stream_of(
        page_of(f"<section class='feed'>{posts}</section>"), "https://news.example.com/live/x"
    )
    assert [u.headline for u in updates] == [f"Flood barrier {n} holds" for n in range(4)]
    assert [len(u.media) for u in updates] == [0, 1, 0, 0]


@pytest.mark.parametrize("title", ["<h3>{}</h3>", "<p><strong>{}</strong></p>"])
@pytest.mark.parametrize("classes", ["named", "hashed"])
def test_a_title_after_the_byline_and_beside_a_picture_is_the_headline(
    classes: str, title: str
) -> None:
    """`<div class="header"><time/><p class="author">Por …</p></div><div class="body"><h3>…
    </h3><p>…</p><figure>…`: the byline paragraph before the heading is no paragraph of the
    body, and a heading, or a bold line not next to it, in the box that holds a picture is no
    caption of it; with class names hashed, the posts' shape says the same."""
    names = ("header", "author", "body") if classes == "named" else ("x1b", "x9a", "x2c")
    posts = "".join(
        f"<div class='post'><div class='{names[0]}'><time datetime='2024-02-10T1{8 - n}:05:00Z'>"
        f"</time><p class='{names[1]}'>Por Lucía García</p></div><div class='{names[2]}'>"
        + title.format(f"Barrera {n}")
        + f"<p>El agua quedó a un metro de la barrera {n} al mediodía, según la agencia.</p>"
        + (
            "<figure><img src='https://img.example/1.jpg' alt=''><figcaption>La barrera."
            "</figcaption></figure>"
            if n != 2
            else ""
        )
        + "</div></div>"
        for n in range(4)
    )
    updates = stream_of(
        page_of(f"<section class='feed'>{posts}</section>", lang="es"),
        "https://noticias.example.es/directo/x",
    )
    assert [u.headline for u in updates] == [f"Barrera {n}" for n in range(4)]
    assert all(u.body_text.startswith("El agua quedó") for u in updates)


def test_a_short_posts_one_paragraph_beside_its_time_box_is_its_words() -> None:
    """`<div class="inner"><div class="head"><time>…</time></div><div class="text"><p>Polls
    have closed in the east.</p></div></div>`: the box around the time and that paragraph holds
    little text, yet it is the post, not a header of its time (the post was read empty and
    dropped)."""
    texts = [
        "Polls have closed in the east.",
        "Turnout was higher than in 2019 in every district of the city, officials said.",
        "Counting has now begun in the city.",
        "The first results are expected after ten o'clock tonight, the returning officer said.",
    ]
    posts = "".join(
        f"<section class='update'><div class='inner'><div class='head'><time datetime="
        f"'2024-02-10T1{8 - n}:05:00Z'>1{8 - n}:05</time></div><div class='text'><p>{text}</p>"
        "</div></div></section>"
        for n, text in enumerate(texts)
    )
    updates = stream_of(
        page_of(f"<div class='feed'>{posts}</div>"), "https://news.example.com/live/x"
    )
    assert [u.body_text for u in updates] == texts


def test_a_label_above_a_bold_title_is_no_line_of_the_post() -> None:
    """ "Key event" or "Breaking" printed above some posts' bold titles: the title is still the
    post's first line by its shape, and the label a flag (the labelled posts lost their
    titles to it)."""
    labels = ["", "Key event", "", "", "Breaking", ""]
    posts = "".join(
        f"<div class='x7f'><span class='x1a'>1{8 - n}:05</span>"
        + (f"<span class='x2b'>{label}</span>" if label else "")
        + f"<p><strong>Bridge update {n}</strong></p><p>Engineers inspected span {n} of the "
        "bridge this morning and found no new damage.</p></div>"
        for n, label in enumerate(labels)
    )
    updates = stream_of(
        page_of(f"<div class='x0'>{posts}</div>"), "https://news.example.com/live/x"
    )
    assert [u.headline for u in updates] == [f"Bridge update {n}" for n in range(6)]
    assert [u.key_event for u in updates] == [n == 1 for n in range(6)]


def test_a_title_beside_its_authors_portrait_is_no_caption() -> None:
    """`<header><span>vor 13 Minuten</span><p><strong>Title</strong></p><img class="avatar">`:
    the author's picture beside the bold title is no picture the title captions."""
    posts = "".join(
        f"<section class='update'><header><span>vor {13 + 20 * n} Minuten</span><p><strong>"
        f"Pegel {n} steigt</strong></p><img class='avatar' src='https://img.example/a.png' "
        f"alt=''></header><div><p>Der Pegel an Messstelle {n} stieg am Abend weiter an, "
        "teilte die Stadt mit.</p></div></section>"
        for n in range(4)
    )
    updates = stream_of(
        page_of(f"<div class='stream'>{posts}</div>", lang="de"),
        "https://nachrichten.example.de/liveticker/x",
    )
    assert [u.headline for u in updates] == [f"Pegel {n} steigt" for n in range(4)]


def test_a_commentarys_short_lines_are_posts() -> None:
    """A match commentary's lines are often a few words ("59' Corner for Inter."): stamped with
    their minute and not a link, each is a post however short (those under 30 characters
    were passed over as timestamped links)."""
    lines_ = [
        ("90+2'", "Fischio finale a San Siro."),
        ("88'", "Ammonito Barella."),
        ("81'", "Calcio d'angolo per l'Inter dopo una lunga azione sulla destra."),
        ("59'", "Gol dell'Inter!"),
        ("40'", "Tiro di Leao, parato."),
        ("12'", "Punizione dal limite per il Milan, calcia Theo Hernandez alto."),
    ]
    rows = "".join(
        f"<li class='ev'><span class='m'>{minute}</span><p>{text}</p></li>"
        for minute, text in lines_
    )
    updates = extract_page(
        page_of(f"<ul class='cronaca'>{rows}</ul>", title="Inter-Milan, la diretta", lang="it"),
        "https://sport.example.it/calcio/diretta/inter-milan",
    ).updates
    assert [u.body_text for u in updates] == [text for _, text in lines_]


def test_a_commentarys_key_events_tab_repeats_its_rows_not_its_posts() -> None:
    """ESPN's match commentary (as public scrapers of it document it): a table row per line,
    `tr[data-id="comment-…"]`, the minute in one cell, an icon in the next, the words in a
    third; a "Key events" tab repeats some rows, ids and all. Each line is one post, its id
    the row's, however short its words; the tab's copies are the same posts again."""
    lines_ = [
        (9001, "90'+4'", "Match ends, Arsenal 2, Chelsea 1."),
        (8990, "78'", "Goal! Arsenal 2, Chelsea 1. Bukayo Saka (Arsenal) left footed shot."),
        (8980, "63'", "Moisés Caicedo (Chelsea) is shown the yellow card for a bad foul."),
        (8960, "34'", "Attempt saved. Kai Havertz (Arsenal) header from the centre of the box."),
        (8901, "", "First Half begins."),
    ]
    key = {9001, 8990, 8980}

    def rows(numbers: set[int]) -> str:
        return "".join(
            f"<tr data-id='comment-{n}' data-type='x'><td class='time-stamp'>{minute}</td>"
            "<td class='type'><div class='soccer-icons'></div></td>"
            f"<td class='game-details'>{text}</td></tr>"
            for n, minute, text in lines_
            if n in numbers
        )

    page = page_of(
        "<article class='sub-module match-commentary'><ul class='tabs'><li><a href='#tab-1'>"
        "Full Commentary</a></li><li><a href='#tab-2'>Key Events</a></li></ul>"
        f"<div id='tab-1'><table><tbody>{rows({n for n, _, _ in lines_})}</tbody></table></div>"
        f"<div id='tab-2'><table><tbody>{rows(key)}</tbody></table></div></article>",
        title="Arsenal vs. Chelsea - Live Commentary",
    )
    updates = extract_page(page, "https://www.espn.com/soccer/commentary/_/gameId/671234").updates
    assert [(u.source_id, u.body_text) for u in updates] == [
        (f"comment-{n}", text) for n, _, text in lines_
    ]


@pytest.mark.parametrize("edges", ["intro", "outro", "both", "titled"])
def test_a_streams_intro_and_outro_in_its_posts_boxes_are_no_posts(edges: str) -> None:
    """NU.nl's liveblog (its timeline blocks as a public reader of them documents them): the
    blog's opening words ("In dit liveblog houden we je op de hoogte…") and its closing ones
    ("Volg ook…") sit in blocks of the posts' shape, without a time or a title, where every
    post has both. They are no posts; a block there with a title of its own is one."""
    block = (
        "<div class='timeline-block-wrapper text_block'><div class='block-content'>{}</div></div>"
    )
    intro = block.format(
        ("<p><strong>Wat we weten</strong></p>" if edges == "titled" else "")
        + "<p>In dit liveblog houden we je op de hoogte van de belangrijkste ontwikkelingen.</p>"
    )
    outro = block.format("<p>Volg ook het liveblog over de wereldwijde ontwikkelingen.</p>")
    posts = "".join(
        block.format(
            f"<div class='timeline-date'><span class='date'>1{n}:40</span></div><p><strong>"
            f"Melding {n} van vandaag</strong></p><p>Wat melding {n} bericht, in meer dan een paar "
            "woorden.</p>"
        )
        for n in (5, 4, 3, 2, 1)
    )
    body = (intro if edges in ("intro", "both", "titled") else "") + posts
    body += outro if edges in ("outro", "both") else ""
    page = page_of(f"<div data-type='article.body'>{body}</div>", title="Liveblog", lang="nl")
    updates = extract_page(
        page, "https://www.nu.nl/coronavirus/6124012/liveblog.html", fetched_at="2021-03-28T16:00Z"
    ).updates
    expected = [f"Melding {n} van vandaag" for n in (5, 4, 3, 2, 1)]
    assert [u.headline for u in updates] == (
        ["Wat we weten", *expected] if edges == "titled" else expected
    )


@pytest.mark.parametrize("above", ["announces", "lead", None])
def test_an_untimed_first_post_after_the_streams_introduction_is_a_post(above: str | None) -> None:
    """The Hindu's live pages (as their stored text shows them): the story's lead paragraphs
    end "Here are the live updates:" in the box that holds the posts, and the first post under
    them may show neither a time nor a title. With the introduction announcing it, it is no
    introduction but the stream's first post; under a lead that ends its sentence, or under
    nothing, the blog's opening words (NU.nl's)."""
    lead = "<p>Heavy rain flooded several parts of the city overnight.</p>"
    intro = {"announces": lead + "<p>Here are the live updates:</p>", "lead": lead}.get(above, "")
    announced = above == "announces"
    first = (
        "<div class='liveblog-post'><p>Three relief camps have been moved to a school building "
        "after water entered the earlier venue, officials said.</p></div>"
    )
    posts = "".join(
        f"<div class='liveblog-post'><p><b>Chennai | {n}:10 pm</b></p><h3>Update {n} from the "
        f"city</h3><p>What update {n} reports, in more than a few words.</p></div>"
        for n in (5, 4, 3, 2, 1)
    )
    main = f"<div class='schemaDiv' itemprop='articleBody'>{intro}{first}{posts}</div>"
    updates = live_updates(main, "Chennai rain LIVE updates", "2024-11-12T12:00:00Z")
    expected = [f"Update {n} from the city" for n in (5, 4, 3, 2, 1)]
    assert [u.headline for u in updates] == ([None, *expected] if announced else expected)
    if announced:
        assert updates[0].body_text.startswith("Three relief camps")
        assert updates[0].published_at is None


@pytest.mark.parametrize("named", [True, False])
def test_a_box_whose_class_calls_it_the_streams_intro_is_no_post(named: bool) -> None:
    """CBS News' live updates (as a public feed generator reads them) open with "What to
    know…" in a box of the posts' class, `post-update content__post--intro`, without a time.
    Where a post has no title of its own, only its class tells the intro from a post."""
    intro_class = "post-update content__post--intro" if named else "post-update"
    intro = (
        f"<section class='{intro_class}'><div class='post-update__bodytext'><p><strong>What to "
        "know about the storm:</strong></p><ul><li>Flooding closed two bridges.</li><li>Tens of "
        "thousands lost power.</li></ul></div></section>"
    )
    posts = "".join(
        f"<section class='post-update' id='post-update-{n}'><time datetime='2024-10-15T1{n}:"
        f"05:00-04:00'>{n - 2}:05 PM EDT</time>"
        + (f"<h2 class='post-update__headline'>Storm update {n}</h2>" if n != 3 else "")
        + f"<div class='post-update__bodytext'><p>What update {n} reports, in more than a few "
        "words.</p></div></section>"
        for n in (5, 4, 3, 2, 1)
    )
    main = f"<div class='content__post-items'>{intro}{posts}</div>"
    updates = live_updates(main, "Live Updates: Coastal storm", "2024-10-15T22:00:00Z")
    ids = [f"post-update-{n}" for n in (5, 4, 3, 2, 1)]
    assert [u.source_id for u in updates] == (ids if named else [None, *ids])


@pytest.mark.parametrize("count", [2, 3])
def test_a_young_blogs_intro_its_class_names_is_no_post(count: int) -> None:
    """A blog of two or three posts yet (where a crawl most often begins): the box its class
    calls the introduction is no post either, so it is not stored and then removed when a
    fourth post comes."""
    intro = (
        "<section class='post-update content__post--intro'><div class='post-update__bodytext'>"
        "<p>Police moved onto the campus overnight. Here is the latest.</p></div></section>"
    )
    posts = "".join(
        f"<section class='post-update' id='post-update-{n}'><time datetime='2024-05-01T1{n}:"
        f"05:00-04:00'>{n}h ago</time><h2 class='post-update__headline'>Campus update {n}</h2>"
        f"<div class='post-update__bodytext'><p>What update {n} reports, in more than a few "
        "words.</p></div></section>"
        for n in range(count, 0, -1)
    )
    main = f"<div class='content__post-items'>{intro}{posts}</div>"
    updates = live_updates(main, "Campus protests live updates", "2024-05-01T16:00:00Z")
    assert [u.source_id for u in updates] == [f"post-update-{n}" for n in range(count, 0, -1)]


DRUPAL_LIVEBLOG = "https://www.lindenauer-kurier.example.de/liveblog/stadtmarathon-2025"


def test_drupal_liveblog_posts_authors_highlights_and_field_labels() -> None:
    """Drupal's Liveblog module (the built page says where its markup is documented): a post's
    author is a user name core's RDF module types `schema:Person` (a link or a span), not the
    post's first words; a highlight an editor picks (`liveblog-post--highlight-<term>`, on the
    post inside the view's `div.views-row`) flags a key event; the inline label of its source
    field ("Quelle") is no word of the post, the source's own words are."""
    name = "drupal-liveblog-marathon-de-2025-06-14.html"
    page = extract_page(
        saved_page(name).read_bytes(), DRUPAL_LIVEBLOG, fetched_at="2025-06-14T11:50:00Z"
    )
    assert [(u.source_id, u.authors, u.key_event) for u in page.updates] == [
        ("91", ["lbecker"], False),
        ("90", ["sportredaktion"], True),
        ("89", ["tfischer"], False),
        ("88", ["lbecker"], False),
        ("87", ["tfischer"], True),
        ("86", ["sportredaktion"], False),
    ]
    source = page.updates[3]
    assert source.body_text.endswith("Stadtwerke mit.\n\nVerkehrsmeldungen der Stadtwerke")
    assert "Quelle" not in source.body_html
    assert not any(u.body_text.startswith(tuple(u.authors)) for u in page.updates)


def drupal_fields(uid: bool, label: str, field: str = "field--name-field-personen") -> str:
    """Posts of Drupal's Liveblog module (as its page in tests/pages is built, from the
    module's and core's templates), each with a field whose label stands above its items
    (classy's `field--label-above`: `div.field__label`, then `div.field__items`) naming the
    same person in RDFa, after the body; with the post's author field (`uid`) or without."""
    author = (
        "<div class='field field--name-uid field--label-hidden field__item'><a href='/user/7' "
        "about='/user/7' typeof='schema:Person' property='schema:name' class='username'>"
        "lbecker</a></div>"
    )
    return "".join(
        f"<div class='views-row'><article class='liveblog-post' data-postid='9{n}'><div "
        f"class='field field--name-title field--label-hidden field__item'>Debatte {n}</div>"
        f"{author if uid else ''}<div class='field field--name-created field__item'>14.06.2025"
        f" - 1{n}:1{n}</div><div class='field field--name-body field__item'><p>Was Meldung {n} "
        f"aus dem Landtag berichtet, in mehr als ein paar Worten.</p></div><div class='field "
        f"{field} field--label-above'><div class='field__label'>{label}</div><div "
        f"class='field__items'><div class='field__item'><a href='/person/{n}' "
        "typeof='schema:Person' property='schema:name'>Anna Berg</a></div></div></div>"
        "</article></div>"
        for n in (5, 4, 3, 2, 1)
    )


@pytest.mark.parametrize(
    ("uid", "label", "field", "author"),
    [
        (True, "Personen", "field--name-field-personen", "lbecker"),
        (False, "Erwähnt", "field--name-field-erwaehnt", None),
        (False, "Autor", "field--name-field-autor", "Anna Berg"),
        (False, "Autor", "field--name-field-author", "Anna Berg"),
        # An author's label other than "Autor" says so too.
        (False, "Autorin", "field--name-field-autorin", "Anna Berg"),
        (False, "Verfasst von", "field--name-field-verfasser", "Anna Berg"),
        (False, "Written by", "field--name-field-writer", "Anna Berg"),
        (False, "Reporter", "field--name-field-reporter", "Anna Berg"),
        # ... in the other languages read here, as their bylines open.
        (False, "Rédigé par", "field--name-field-redacteur", "Anna Berg"),
        (False, "Scritto da", "field--name-field-autore", "Anna Berg"),
        (False, "Escrito por", "field--name-field-autor", "Anna Berg"),
        (False, "Geschreven door", "field--name-field-auteur", "Anna Berg"),
    ],
)
def test_a_field_of_people_under_its_label_is_no_byline_and_its_label_no_name(
    uid: bool, label: str, field: str, author: str | None
) -> None:
    """A probe built on the Drupal Liveblog page: the people a post names in a field labelled
    "Personen" or "Erwähnt", the same name in every post, had become every post's byline, and
    its label the author's name, with the author's user name left in the words. A reader sees
    a labelled field: its people are words of the post; the author is the account the uid field
    names, or nobody. A field labelled "Autor" ("Autorin", "Verfasst von", "Written by",
    "Reporter") is the byline, read without its label."""
    main = f"<div class='view view-liveblog-posts'><div class='view-content'>{drupal_fields(uid, label, field)}</div></div>"
    updates = live_updates(main, "Liveblog: Landtagssitzung", "2025-06-14T14:00:00Z", lang="de")
    assert [u.source_id for u in updates] == ["95", "94", "93", "92", "91"]
    assert [u.authors for u in updates] == [[author] if author else []] * 5
    for update in updates:
        assert "lbecker" not in update.body_text
        assert label not in update.body_text
        assert ("Anna Berg" in update.body_text) is (author is None or author == "lbecker")


def test_a_byline_naming_its_newsroom_by_initials_after_a_comma_is_the_writer_alone() -> None:
    """A probe built on a sports network's live blog as its readers see it (each post's meta
    line "Sarah Collins, ESPN" beside "2h", the headline and body under it, no JSON-LD): the
    author was "Sarah Collins, ESPN", the newsroom kept as part of her name, where "Anna Berg,
    AFP" or "… · CBC News" gave the name alone. Initials after a comma are the newsroom."""
    names = ("Sarah Collins", "James Okafor", "Priya Raman")
    main = (
        "<section class='LiveBlog'>"
        + "".join(
            f"<article class='LiveBlog__Post' id='post-{n}'><div class='LiveBlog__Meta'><span "
            f"class='LiveBlog__Author'>{name}, ESPN</span><span class='LiveBlog__Time'>{n + 1}h"
            f"</span></div><h2 class='LiveBlog__Headline'>Pick {9 - n} is in</h2><div "
            "class='LiveBlog__Body'><p>The team traded up to take the quarterback they wanted, "
            "in more words than that.</p></div></article>"
            for n, name in enumerate(names)
        )
        + "</section>"
    )
    updates = live_updates(main, "Draft live: every pick", "2024-05-01T12:00:00Z")
    assert [u.headline for u in updates] == ["Pick 9 is in", "Pick 8 is in", "Pick 7 is in"]
    assert [u.authors for u in updates] == [[name] for name in names]


def drupal_author_field(value: str) -> str:
    """Posts of Drupal's Liveblog module (as drupal_fields builds them) whose author field,
    labelled "Autor" above its item, holds `value` as plain text, no person typed in RDFa."""
    return "".join(
        f"<div class='views-row'><article class='liveblog-post' data-postid='9{n}'><div "
        f"class='field field--name-title field--label-hidden field__item'>Debatte {n}</div>"
        f"<div class='field field--name-created field__item'>14.06.2025 - 1{n}:1{n}</div><div "
        f"class='field field--name-body field__item'><p>Was Meldung {n} aus dem Landtag "
        "berichtet, in mehr als ein paar Worten.</p></div><div class='field "
        "field--name-field-autor field--label-above'><div class='field__label'>Autor</div><div "
        f"class='field__item'>{value}</div></div></article></div>"
        for n in (5, 4, 3, 2, 1)
    )


@pytest.mark.parametrize(
    ("value", "author"),
    [
        ("lbecker", "lbecker"),
        ("Anna Berg (dpa)", "Anna Berg"),
        ("Anna Berg/dpa", "Anna Berg"),
        ("Von Anna Berg, dpa", "Anna Berg"),
        ("Anna Berg, AFP", "Anna Berg"),
        ("dpa", "dpa"),
    ],
)
def test_a_field_labelled_autor_is_the_byline_whatever_its_value_looks_like(
    value: str, author: str
) -> None:
    """A probe built on the Drupal Liveblog page: an author field labelled "Autor" whose value
    is an account's user name ("lbecker") or a name with its agency ("Anna Berg (dpa)") gave
    no author, the value left as the post's last words. The label says the field holds the
    author: its value is the byline, the agency no writer (as in "Jane Doe | Reuters"), and an
    agency alone ("dpa") the author."""
    main = (
        "<div class='view view-liveblog-posts'><div class='view-content'>"
        f"{drupal_author_field(value)}</div></div>"
    )
    updates = live_updates(main, "Liveblog: Landtagssitzung", "2025-06-14T14:00:00Z", lang="de")
    assert [u.source_id for u in updates] == ["95", "94", "93", "92", "91"]
    assert [u.authors for u in updates] == [[author]] * 5
    for update in updates:
        assert update.body_text.endswith("in mehr als ein paar Worten.")


@pytest.mark.parametrize(
    "line",
    [
        "<p>Laut <span typeof='schema:Person' property='schema:name'>{}</span> war es knapp.</p>",
        "<blockquote><p>Es war knapp, sehr knapp.</p><p><span typeof='schema:Person'>{}</span>"
        "</p></blockquote>",
    ],
)
def test_a_person_rdfa_names_in_a_sentence_or_a_quote_is_no_byline(line: str) -> None:
    """A person typed in RDFa inside a sentence or a quote is a word of the post."""
    names = {3: "Ann Lee", 2: "Tom Roe", 1: "Eva Berg"}
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-02-10T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Meldung {n}</h2><p>Was Meldung {n} berichtet, in mehr als ein paar Worten.</p>"
        f"{line.format(name)}</article>"
        for n, name in names.items()
    )
    updates = live_updates(f"<div class='stream'>{posts}</div>", "Liveticker", MAY_DAY)
    assert [u.authors for u in updates] == [[], [], []]
    shown = [u.body_text + str(u.media) for u in updates]
    assert [name in words for words, name in zip(shown, names.values(), strict=True)] == [True] * 3


def test_a_line_of_links_to_authors_pages_is_the_posts_byline() -> None:
    """Libération's live posts (Arc XP, classes hashed, as public readers of its pages
    document them): the box with the post's time and title holds a line that is nothing but
    links to writers' pages (`/auteur/…`). Those are the post's authors, not its first words;
    a writer's page linked inside a sentence is a word of the post."""
    names = {5: "Rachid Laïreche", 4: "Charlotte Belaïch", 3: "", 2: "Rachid Laïreche"}
    posts = ""
    for n, name in names.items():
        byline = (
            f"<div class='sc-3'><a href='/auteur/{name.split()[0].lower()}/'>{name}</a></div>"
            if name
            else ""
        )
        posts += (
            f"<div class='sc-0' data-id='p{n}'><div class='sc-1'><span class='sc-2'>{15 + n}h12"
            f"</span><h3 class='sc-9'>Titre {n}</h3>{byline}</div><div class='sc-4'><p>Ce que "
            f"rapporte le post {n}, en plus de quelques mots.</p></div></div>"
        )
    posts += (
        "<div class='sc-0' data-id='p1'><div class='sc-1'><span class='sc-2'>16h00</span><h3 "
        "class='sc-9'>Titre 1</h3></div><div class='sc-4'><p>Comme l'écrit <a href='/auteur/"
        "jean-dupont/'>Jean Dupont</a> dans sa chronique, la soirée sera longue.</p></div></div>"
    )
    page = page_of(f"<div class='sc-5'>{posts}</div>", title="En direct : législatives", lang="fr")
    updates = extract_page(
        page,
        "https://www.liberation.fr/politique/en-direct-legislatives/",
        fetched_at="2024-06-30T22:00Z",
    ).updates
    assert [(u.authors, u.body_text[:20]) for u in updates] == [
        (["Rachid Laïreche"], "Ce que rapporte le p"),
        (["Charlotte Belaïch"], "Ce que rapporte le p"),
        ([], "Ce que rapporte le p"),
        (["Rachid Laïreche"], "Ce que rapporte le p"),
        ([], "Comme l'écrit Jean D"),
    ]


def test_an_entrys_id_in_its_rel_and_a_photographers_credit_is_no_byline() -> None:
    """Onet's "relacja na żywo" (as public watchers of it read it): each entry a
    `div.messageItem[rel]`, its numeric id in `rel`; a picture's credit in a `span.author`
    inside its figcaption. The id is the entry's; the photographer is no author of it."""
    posts = "".join(
        f"<div class='messageItem textItem' rel='16507{n}5540'><div class='text'><span "
        f"class='time'>1{n}:39</span><h3>Wpis {n}</h3></div><div class='message'><p>Co podaje "
        f"wpis {n}, w więcej niż kilku słowach.</p><figure><img src='https://img.example.pl/"
        f"{n}.jpg' alt=''><figcaption>Zniszczenia <span class='author'>fot. PAP/EPA</span>"
        "</figcaption></figure></div></div>"
        for n in (8, 7, 6, 5)
    )
    page = page_of(
        f"<div class='commentatorLiveClient'>{posts}</div>", title="Relacja na żywo", lang="pl"
    )
    updates = extract_page(page, "https://wiadomosci.onet.pl/swiat/relacja-na-zywo/ztv0qk4").updates
    assert [(u.source_id, u.authors) for u in updates] == [
        (f"16507{n}5540", []) for n in (8, 7, 6, 5)
    ]
    assert {m["credit"] for u in updates for m in u.media} == {"PAP/EPA"}


def test_a_bare_number_in_a_box_whose_class_says_minute_is_a_match_minute() -> None:
    """Sportschau's Liveticker (as `sportschau-liveticker2csv` reads it): each entry a
    `div.liveticker` with its minute as bare digits in `div.liveticker-minute` ("71", or empty
    for the whistle), a team's short name linked beside it, then the words. The digits are a
    match minute, a post's mark: the entries are the stream, each a post with no instant."""
    entries = [
        ("", "Abpfiff! Der VfB gewinnt das Verfolgerduell mit 2:1."),
        ("90", "Vier Minuten Nachspielzeit. Dortmund wirft alles nach vorne."),
        ("83", "Gelbe Karte für Emre Can nach taktischem Foul an Führich."),
        ("71", "Tor für Stuttgart, 2:1 durch Deniz Undav nach Vorlage von Millot."),
        ("58", "Wechsel beim BVB: Adeyemi kommt für Malen ins Spiel."),
        ("45+2", "Halbzeit in Stuttgart, es steht 1:1 nach einer unterhaltsamen ersten Hälfte."),
        ("12", "Tor für Dortmund! Füllkrug trifft per Kopf zum 0:1."),
        ("1", "Der Ball rollt in Stuttgart, Anstoß hatte der BVB."),
    ]
    rows = "".join(
        f"<div class='liveticker' data-event_action='x'><div class='liveticker-minute'>{minute}"
        "</div><div class='liveticker-content'><p>"
        f"{text}</p></div></div>"
        for minute, text in entries
    )
    page = page_of(
        f"<div class='module-liveticker'><h2>Liveticker</h2>{rows}</div>",
        title="VfB Stuttgart - Borussia Dortmund",
        lang="de",
    )
    url = "https://www.sportschau.de/live-und-ergebnisse/fussball/deutschland-bundesliga/spiel/x"
    updates = extract_page(page, url).updates
    assert [(u.body_text, u.published_at) for u in updates] == [(t, None) for _, t in entries]


def test_a_long_posts_body_whose_class_says_it_has_a_read_more_is_its_words() -> None:
    """Sky TG24's live posts (as Yoddikko/Mercury's saved pages show them): a long post's body
    is `div.lvbg-post__body--with-readmore`, a box with a "Leggi di più" toggle, not one."""
    posts = [
        ("2024-03-14T10:52:10+0100", "Allerta rossa prorogata", "La Protezione civile ha esteso"),
        ("2024-03-14T10:31:05+0100", "Evacuate trecento persone", "Circa trecento residenti"),
        ("2024-03-14T09:40:00+0100", "Il ministro a Ravenna", "Nel primo pomeriggio il ministro"),
    ]
    sections = "".join(
        f"<section class='lvbg-timeline__section' id='p{n}'><time datetime='{when}'>"
        f"{when[11:16]}</time><h2 class='lvbg-post__title-v2'>{title}</h2>"
        "<div class='lvbg-post__body"
        + (" lvbg-post__body--with-readmore" if n != 1 else "")
        + f"'><p>{words} e altre parole della notizia.</p><button>Leggi di più</button></div>"
        "</section>"
        for n, (when, title, words) in enumerate(posts)
    )
    page = page_of(
        f"<div class='lvbg-timeline'>{sections}</div>",
        title="Maltempo, allerta rossa. LIVE",
        lang="it",
    )
    url = "https://tg24.sky.it/cronaca/diretta/maltempo"
    updates = extract_page(page, url, fetched_at="2024-03-14T10:00:00Z").updates
    assert [(u.headline, u.body_text) for u in updates] == [
        (title, f"{words} e altre parole della notizia.") for _, title, words in posts
    ]


@pytest.mark.parametrize(
    ("lang", "stamps"),
    [
        ("en", ["5 minutes ago", "an hour ago", "2 hours ago"]),
        ("en", ["5 minutes ago", "Updated an hour ago", "2 hours ago"]),  # with its label
        ("ar", ["منذ 5 دقائق", "نشر منذ ساعة", "منذ ساعتين"]),
        ("ar", ["منذ 5 دقائق", "منذ ساعة", "منذ ساعتين"]),
        ("fa", ["۵ دقیقه پیش", "یک ساعت پیش", "۲ ساعت پیش"]),
    ],
)
def test_how_long_ago_in_words_alone_dates_a_post_of_a_stream_that_says_so(
    lang: str, stamps: list[str]
) -> None:
    """Posts stamped with how long ago, as moment.js and Al Jazeera write it: where the stamp
    holds no digit ("an hour ago", "منذ ساعة", "یک ساعت پیش") it dates its post all the same,
    and is no word of it."""
    posts = "".join(
        f"<div class='card' id='u{n}'><span class='card-date'>{stamp}</span><p>What post {n} "
        "reports from the city, in a sentence of words.</p></div>"
        for n, stamp in enumerate(stamps)
    )
    page = page_of(f"<div class='feed'>{posts}</div>", title="Gaza live", lang=lang)
    updates = extract_page(page, LIVE_URL, fetched_at="2024-05-12T10:20:00Z").updates
    words = "reports from the city, in a sentence of words."
    assert [(u.published_at, u.body_text) for u in updates] == [
        ("2024-05-12T10:15:00Z", f"What post 0 {words}"),
        ("2024-05-12T09:20:00Z", f"What post 1 {words}"),
        ("2024-05-12T08:20:00Z", f"What post 2 {words}"),
    ]


@pytest.mark.parametrize(
    ("lang", "stamps"),
    [
        ("en", ["an hour ago", "2 hours ago", "a day ago"]),
        ("de", ["vor einer Stunde", "vor 2 Stunden", "vor einem Tag"]),
        ("fr", ["il y a une heure", "il y a 2 heures", "il y a un jour"]),
        ("it", ["un'ora fa", "2 ore fa", "un giorno fa"]),
        ("es", ["hace una hora", "hace 2 horas", "hace un día"]),
        ("pt", ["há uma hora", "há 2 horas", "há um dia"]),
        ("nl", ["een uur geleden", "2 uur geleden", "een dag geleden"]),
        ("pl", ["godzinę temu", "2 godziny temu", "dzień temu"]),
        ("sv", ["för en timme sedan", "för 2 timmar sedan", "för en dag sedan"]),
        ("da", ["en time siden", "2 timer siden", "en dag siden"]),
    ],
)
def test_how_long_ago_in_words_in_a_bare_time_element_dates_its_post(
    lang: str, stamps: list[str]
) -> None:
    """A live blog tool's stream whose `<time>` elements carry no machine time, only how long
    ago as the reader sees it: "an hour ago" and "a day ago" in words date their posts as "2
    hours ago" does, against the fetch, and are no words of them."""
    posts = "".join(
        f"<article class='lb-item' id='item-{n}'><div class='lb-item__meta'>"
        f"<time class='lb-item__time'>{stamp}</time></div><div class='lb-item__body'>"
        f"<p>Post {n}: rescue teams reached the flooded village below the dam.</p></div>"
        "</article>"
        for n, stamp in enumerate(stamps)
    )
    page = page_of(f"<div class='lb-stream'>{posts}</div>", title="Flood live", lang=lang)
    updates = extract_page(page, LIVE_URL, fetched_at="2024-05-12T10:20:00Z").updates
    assert [(u.published_at, u.body_text) for u in updates] == [
        (when, f"Post {n}: rescue teams reached the flooded village below the dam.")
        for n, when in enumerate(
            ["2024-05-12T09:20:00Z", "2024-05-12T08:20:00Z", "2024-05-11T10:20:00Z"]
        )
    ]


@pytest.mark.parametrize(
    ("lang", "stamps"),
    [
        ("en", ["a few minutes ago", "half an hour ago", "an hour ago", "a couple of hours ago"]),
        (
            "de",
            [
                "vor wenigen Minuten",
                "vor einer halben Stunde",
                "vor einer Stunde",
                "vor ein paar Stunden",
            ],
        ),
        (
            "fr",
            [
                "il y a quelques minutes",
                "il y a une demi-heure",
                "il y a une heure",
                "il y a quelques heures",
            ],
        ),
    ],
)
def test_a_young_stream_whose_time_elements_all_say_how_long_ago_in_words_is_read(
    lang: str, stamps: list[str]
) -> None:
    """A live blog begun an hour or two ago, whose `<time>` elements carry no machine time and
    no figure yet ("a few minutes ago", "half an hour ago", "an hour ago"): its posts are read
    and dated against the fetch, as where one stamp says "2 hours ago"."""
    posts = "".join(
        f"<article class='lb-item' id='item-{n}'><div class='lb-item__meta'>"
        f"<time class='lb-item__time'>{stamp}</time></div><div class='lb-item__body'>"
        f"<p>Post {n}: rescue teams reached the flooded village below the dam.</p></div>"
        "</article>"
        for n, stamp in enumerate(stamps)
    )
    page = page_of(f"<div class='lb-stream'>{posts}</div>", title="Flood live", lang=lang)
    updates = extract_page(page, LIVE_URL, fetched_at="2024-05-12T10:20:00Z").updates
    assert [(u.published_at, u.body_text) for u in updates] == [
        (when, f"Post {n}: rescue teams reached the flooded village below the dam.")
        for n, when in enumerate(
            [
                "2024-05-12T10:18:00Z",
                "2024-05-12T09:50:00Z",
                "2024-05-12T09:20:00Z",
                "2024-05-12T08:20:00Z",
            ]
        )
    ]


def test_how_long_ago_in_a_posts_sentence_beside_a_bare_time_element_dates_no_post() -> None:
    """In that stream, a post whose `<time>` says nothing of when ("Pinned") keeps no time from
    "an hour ago" in its sentence, stressed or not, and all its words."""
    stamps = ["5 minutes ago", "Pinned", "2 hours ago"]
    words = [
        "Rescue teams reached the flooded village below the dam.",
        "The dam's gates were opened <em>an hour ago</em>, the operator said.",
        "The regional governor declared a state of emergency for the valley.",
    ]
    posts = "".join(
        f"<article class='lb-item' id='item-{n}'><div class='lb-item__meta'>"
        f"<time class='lb-item__time'>{stamp}</time></div><div class='lb-item__body'>"
        f"<p>{text}</p></div></article>"
        for n, (stamp, text) in enumerate(zip(stamps, words, strict=True))
    )
    page = page_of(f"<div class='lb-stream'>{posts}</div>", title="Flood live")
    updates = extract_page(page, LIVE_URL, fetched_at="2024-05-12T10:20:00Z").updates
    assert [(u.published_at, u.body_text) for u in updates][1:] == [
        (None, "The dam's gates were opened an hour ago, the operator said."),
        ("2024-05-12T08:20:00Z", words[2]),
    ]


def test_how_long_ago_in_a_sentence_dates_no_post_and_keeps_its_words() -> None:
    """In that stream, a post with no stamp whose sentence says "<a>a year ago</a>" or "منذ
    يوم الجمعة" (since Friday) keeps no time from it and all its words."""
    stamps = ["5 minutes ago", None, "2 hours ago", "3 hours ago"]
    words = [
        "Rescue teams have reached the village below the dam, officials say.",
        "As we reported <a href='/2023/dam'>a year ago</a>, inspectors found cracks.",
        "The regional governor has declared a state of emergency for the valley.",
        "Water began pouring over the top of the dam shortly after dawn, residents said.",
    ]
    posts = "".join(
        f"<div class='card' id='u{n}'>"
        + (f"<span class='card-date'>{stamp}</span>" if stamp else "")
        + f"<p>{text}</p></div>"
        for n, (stamp, text) in enumerate(zip(stamps, words, strict=True))
    )
    page = page_of(f"<div class='feed'>{posts}</div>", title="Dam live")
    updates = extract_page(page, LIVE_URL, fetched_at="2024-05-12T10:20:00Z").updates
    assert (updates[1].published_at, updates[1].body_text) == (
        None,
        "As we reported a year ago, inspectors found cracks.",
    )


def test_a_labrador_notice_keeps_its_id_past_the_timeline_marker_and_its_pinned_label() -> None:
    """Labrador CMS's livefeed (kode24-kode/kode24-labrador-view, `content/livefeed` and
    `content/notice` templates): each `li.livefeed-item` holds an empty `span.timeline-marker`
    and the `div.notice#notice-N`; a pinned notice says "Festet" (Norwegian). The notice's id
    is the post's, and the label flags it pinned and is no word of it."""
    notices = [
        (3401120, "07:30", "Festet", "Riksvei 80 er stengt mellom Løding og Vågan i kveld."),
        (3401187, "14:12", "", "Operasjonssentralen ber alle som ikke må ut, bli hjemme."),
        (3401185, "14:01", "", "Rundt 2300 kunder er uten strøm i Salten etter uværet."),
    ]
    items = "".join(
        f"<li class='livefeed-item'><span class='timeline-marker'></span>"
        f"<div class='notice' id='notice-{n}'><div class='meta'><time class='fi-clock' "
        f"datetime='2024-03-12T{clock}:00+01:00'>{clock}</time>"
        + (f"<span class='pinned fi-marker'> {label}</span>" if label else "")
        + f"</div><div class='notice-body'><p>{words}</p></div></div></li>"
        for n, clock, label, words in notices
    )
    page = page_of(
        f"<ul class='livefeed'>{items}</ul>", title="Uværet: følg oppdateringene", lang="nb"
    )
    url = "https://www.saltenposten.example.no/nyheter/uvaeret-folg-oppdateringene/81223344"
    updates = extract_page(page, url, fetched_at="2024-03-12T13:20:00Z").updates
    assert [(u.source_id, u.pinned, u.body_text) for u in updates] == [
        (f"notice-{n}", bool(label), words) for n, _, label, words in notices
    ]


def test_a_transcripts_time_codes_are_no_clocks() -> None:
    """A video's transcript under a live title: each segment's time code in one box, "0:00" to
    "14:30". The codes run from nought and are mostly one-digit: no post is dated by them,
    though "14:30" alone reads as a clock."""
    codes = ["0:00", "0:42", "1:23", "4:05", "7:50", "11:12", "14:30"]
    rows = "".join(
        f"<div class='segment'><div class='segment-timestamp'>{code}</div>"
        f"<p class='segment-text'>Segment {n} of the briefing, in which the speaker goes on.</p>"
        "</div>"
        for n, code in enumerate(codes)
    )
    page = (
        "<html lang='en'><head><title>Live briefing: transcript</title></head><body><main>"
        f"<div class='transcript'>{rows}</div></main></body></html>"
    ).encode()
    updates = extract_page(page, LIVE_URL, fetched_at="2024-02-10T16:00:00Z").updates
    assert [u.published_at for u in updates if u.published_at] == []


def test_an_overs_ball_in_a_box_whose_class_says_over_is_a_commentarys_mark() -> None:
    """Cricbuzz's commentary (as public scrapers read it): rows of a layout's one class, the
    ball's number ("19.4") in `div.cb-ovr-num` beside the line, notes between them without
    one. The number marks a post as a minute does, with no instant, and is no word of it."""
    lines = [
        ("19.4", "Siraj to Jadeja, SIX, slog over deep midwicket, into the stands."),
        ("", "12 needed off 8. Fine leg and third man back now."),
        ("19.3", "Siraj to Jadeja, 1 run, full and wide, squeezed to deep point."),
        ("19.2", "Siraj to Rahane, out, caught by Kohli at mid-on for 41."),
        ("19.1", "Siraj to Rahane, no run, yorker on off, jammed back to the bowler."),
        ("", "Drinks on the field, Kohli gathers the bowlers for a long chat."),
        ("18.6", "Chahal to Jadeja, FOUR, tossed up and lofted over extra cover."),
        ("18.5", "Chahal to Jadeja, 2 runs, flicked behind square for a second."),
        ("18.4", "Chahal to Rahane, 1 run, pushed to long-on."),
    ]
    rows = "".join(
        "<div class='cb-col cb-col-100'>"
        + (
            f"<div class='cb-col cb-col-8'><div class='cb-mat-mnu-wrp cb-ovr-num'>{ball}</div>"
            f"</div><p class='cb-com-ln cb-col cb-col-90'>{text}</p>"
            if ball
            else f"<p class='cb-com-ln cb-col cb-col-100'>{text}</p>"
        )
        + "</div>"
        for ball, text in lines
    )
    page = page_of(f"<div class='cb-col cb-col-100'>{rows}</div>", title="RCB vs CSK, Commentary")
    url = "https://www.cricbuzz.com/live-cricket-scores/20084/rcb-vs-csk-24th-match"
    updates = extract_page(page, url).updates
    assert [(u.body_text, u.published_at) for u in updates] == [(t, None) for _, t in lines]


# A cricket commentary's balls, newest first, and its notes between them without one.
OVERS = [
    ("19.4", "Siraj to Jadeja, SIX, slog over deep midwicket, into the stands."),
    ("", "12 needed off 8. Fine leg and third man back now."),
    ("19.3", "Siraj to Jadeja, 1 run, full and wide, squeezed to deep point."),
    ("19.2", "Siraj to Rahane, out, caught by Kohli at mid-on for 41."),
    ("19.1", "Siraj to Rahane, no run, yorker on off, jammed back to the bowler."),
    ("", "Drinks on the field, Kohli gathers the bowlers for a long chat."),
    ("18.6", "Chahal to Jadeja, FOUR, tossed up and lofted over extra cover."),
    ("18.5", "Chahal to Jadeja, 2 runs, flicked behind square for a second."),
    ("18.4", "Chahal to Rahane, 1 run, pushed to long-on."),
    ("18.3", "Chahal to Rahane, no run, googly, Rahane misses it completely."),
    ("18.2", "Chahal to Jadeja, 1 run, driven down to long-off."),
    ("18.1", "Chahal to Jadeja, no run, flighted, defended back to the bowler."),
]


def cricket_report(main: str) -> list[Update]:
    """The posts read from a match report's page (nothing live in its address or title)
    whose `main` holds a commentary of OVERS."""
    page = page_of(
        f"<h1>Jadeja sixes seal it for Chennai</h1>{main}",
        title="Jadeja sixes seal it for Chennai",
        published="2024-04-21T14:00:00+05:30",
    )
    url = "https://sport.example.in/cricket/ipl-2024/rcb-vs-csk-report"
    return extract_page(page, url, fetched_at="2024-04-21T16:00:00Z").updates


def test_a_commentary_of_overs_is_found_where_nothing_else_says_live() -> None:
    """Cricbuzz's rows (as in the test above) on a page whose address and title say nothing
    of live: the balls in their boxes run down the page, as a commentary's minutes do."""
    rows = "".join(
        "<div class='cb-col cb-col-100'>"
        + (
            f"<div class='cb-col cb-col-8'><div class='cb-ovr-num'>{ball}</div></div>"
            f"<p class='cb-com-ln cb-col cb-col-90'>{text}</p>"
            if ball
            else f"<p class='cb-com-ln cb-col cb-col-100'>{text}</p>"
        )
        + "</div>"
        for ball, text in OVERS
    )
    updates = cricket_report(f"<div class='cb-col cb-col-100'>{rows}</div>")
    assert [(u.body_text, u.published_at) for u in updates] == [(t, None) for _, t in OVERS]


@pytest.mark.parametrize("mark", ["<span class='over'>{}</span>", "<b class='ovr-num'>{}</b>"])
def test_a_commentary_of_paragraphs_each_opening_with_its_ball(mark: str) -> None:
    """A commentary with no box per post, each paragraph opening with its ball in a box whose
    class says over ("<p><span class='over'>19.4</span> Siraj to Jadeja…</p>"), the notes
    between them paragraphs of their own: cut at each ball, as a paragraph a match minute
    opens is, each note the words of the ball above it, the ball no word of it. So is the same
    ball alone in a bold no class names, where the bowler's name to the batter's opens the
    words (a price or a version in bold cuts nothing: test below)."""
    lines = "".join(
        f"<p>{mark.format(ball)} {text}</p>" if ball else f"<p>{text}</p>" for ball, text in OVERS
    )
    updates = cricket_report(f"<div class='article-body'>{lines}</div>")
    expected = []
    for ball, text in OVERS:
        if ball:
            expected.append(text)
        else:
            expected[-1] += f"\n\n{text}"
    assert [(u.body_text, u.published_at) for u in updates] == [(t, None) for t in expected]
    plain = "".join(
        f"<p><b>{ball}</b> {text}</p>" if ball else f"<p>{text}</p>" for ball, text in OVERS
    )
    updates = cricket_report(f"<div class='article-body'>{plain}</div>")
    assert [(u.body_text, u.published_at) for u in updates] == [(t, None) for t in expected]


def test_a_one_digit_clock_in_the_box_that_holds_the_days_clocks_is_a_clock() -> None:
    """iDNES's online reports (as ffredyk/NewsTicker reads them): each post's clock alone in
    `div.time > div`, "16:42" in the afternoon and "9:03" in the morning. Alone "9:03" may be a
    video's length, but in the box of the same shape as the day's "16:42" it is the post's
    time; the same digits in the video's own box are words of the post."""
    posts = [
        ("16:42", "Hejtman vyhlásil stav nebezpečí pro celé území kraje."),
        ("12:12", "Premiér ve 13 hodin oznámil mimořádné zasedání vlády."),
        ("10:47", "Hladina Bečvy ve Valašském Meziříčí dál stoupá."),
        ("9:03", "Vítejte u naší online reportáže o povodních na Moravě."),
    ]
    rows = "".join(
        f"<div class='item'><div class='time'><div>{clock}</div></div>"
        f"<div class='event'><p>{text}</p>"
        + ("<div class='video'><span class='length'>2:10</span></div>" if clock == "12:12" else "")
        + "</div></div>"
        for clock, text in posts
    )
    page = page_of(
        f"<div id='on-line-data'>{rows}</div>",
        title="ONLINE: Povodně na Moravě",
        lang="cs",
        published="2024-03-14T07:15:02+01:00",
    )
    url = "https://www.idnes.cz/zpravy/domaci/online-povodne-morava.A240314_071502_domaci_abc"
    updates = extract_page(page, url, fetched_at="2024-03-14T15:50:00Z").updates
    assert [(u.published_at, u.body_text) for u in updates] == [
        ("2024-03-14T15:42:00Z", posts[0][1]),
        ("2024-03-14T11:12:00Z", posts[1][1] + "\n\n2:10"),  # (the video's length, kept)
        ("2024-03-14T09:47:00Z", posts[2][1]),
        ("2024-03-14T08:03:00Z", posts[3][1]),
    ]


def ticker_of(stamps: list[str], fetched: str, published: str) -> list[Update]:
    rows = "".join(
        f"<div class='ticker-item'><p><strong>{stamp}</strong> Meldung Nummer {n}, in einem "
        f"Satz mit genug Worten für eine Meldung aus dem Ticker.</p></div>"
        for n, stamp in enumerate(stamps)
    )
    page = page_of(
        f"<div class='ticker'>{rows}</div>",
        title="Liveticker: Warnstreik",
        lang="de",
        published=published,
    )
    url = "https://www.example.de/wirtschaft/liveticker-warnstreik-flughafen-100.html"
    return extract_page(page, url, fetched_at=fetched).updates


@pytest.mark.parametrize(
    ("stamps", "expected"),
    [
        # A morning's ticker fetched before noon: no clock after noon vouches for them.
        (["11.40", "10.15", "9.30", "7.05"], ["10:40", "09:15", "08:30", "06:05"]),
        # A summary kept on top, out of the order.
        (["9.45", "11.40", "10.15", "9.30", "7.05"], ["08:45", "10:40", "09:15", "08:30", "06:05"]),
        # With a colon, as a game's clock or a video's chapters are written: clocks where all
        # fall between the blog's start that day (6:00) and the fetch (13:00), else none.
        (["11:40", "10:15", "9:30", "7:05"], ["10:40", "09:15", "08:30", "06:05"]),
        (["14:40", "11:15", "9:30", "7:05"], []),
    ],
)
def test_a_mornings_one_digit_clocks_below_its_two_digit_ones_are_clocks(
    stamps: list[str], expected: list[str]
) -> None:
    """A German ticker fetched before noon prints each post's clock alone, "11.40" and "10.15"
    above "9.30" and "7.05": written with a dot, as no game's clock is, or with a colon and all
    between the blog's start that day and the fetch, and running down the page, newest first,
    with the two-digit ones, the one-digit ones are clocks too."""
    updates = ticker_of(stamps, "2024-03-07T12:00:00Z", "2024-03-07T06:00:00+01:00")
    times = [u.published_at[11:16] for u in updates if u.published_at]
    if expected:
        assert times == expected
    else:
        assert "08:30" not in times and "06:05" not in times


def test_a_nights_one_digit_clocks_after_midnight_are_clocks() -> None:
    """Election night, newest first: "3.05" … "0.50" above "23.40" and "22.15". The jump at
    midnight is no rise of the day's clock, and "0.50" is no video's time code."""
    stamps = ["3.05", "2.10", "1.35", "0.50", "23.40", "22.15"]
    updates = ticker_of(stamps, "2024-03-08T02:30:00Z", "2024-03-07T21:00:00+01:00")
    assert [u.published_at for u in updates] == [
        "2024-03-08T02:05:00Z",
        "2024-03-08T01:10:00Z",
        "2024-03-08T00:35:00Z",
        "2024-03-07T23:50:00Z",
        "2024-03-07T22:40:00Z",
        "2024-03-07T21:15:00Z",
    ]


def test_a_publishers_class_names_on_another_site_without_its_times_are_read_generically() -> None:
    """Another site's posts called `live-post` with a `live-post__title` (the Telegraph's
    class names, which its adapter reads with their `time[datetime]`) print only a clock: the
    adapter finds no time, and the generic reading, which finds each post's, stands in."""
    posts = "".join(
        f"<article class='live-post' id='post-{n}'><div class='live-post__time'>1{n}:20</div>"
        f"<h2 class='live-post__title'>Update {n}</h2><div class='live-post__body'><p>What "
        f"update {n} says, in a sentence of words.</p></div></article>"
        for n in (5, 4, 3)
    )
    page = page_of(
        f"<div class='live-feed'>{posts}</div>",
        title="Storm Ewan live",
        published="2024-11-14T06:00:00Z",
    )
    url = "https://news.example.co.uk/live/storm-ewan"
    updates = extract_page(page, url, fetched_at="2024-11-14T16:00:00Z").updates
    assert [(u.source_id, u.headline, u.published_at) for u in updates] == [
        (f"post-{n}", f"Update {n}", f"2024-11-14T1{n}:20:00Z") for n in (5, 4, 3)
    ]


def test_a_publishers_class_names_on_another_site_with_a_pinned_copy_are_read_generically() -> None:
    """The same, with a copy of the oldest post pinned above the feed (`live-post--pinned`, no
    id): the adapter reads one post more, the copy, and the generic reading, which keeps the
    post once, still stands in with the posts' times."""
    post = (
        "<article class='live-post{pin}'><div class='live-post__time'>1{n}:20</div>"
        "<h2 class='live-post__title'>Update {n}</h2><div class='live-post__body'><p>What "
        "update {n} says, in a sentence of words.</p></div></article>"
    )
    posts = "".join(post.format(n=n, pin="") for n in (5, 4, 3))
    page = page_of(
        post.format(n=3, pin=" live-post--pinned") + f"<div class='live-feed'>{posts}</div>",
        title="Storm Ewan live",
        published="2024-11-14T06:00:00Z",
    )
    url = "https://news.example.co.uk/live/storm-ewan"
    updates = extract_page(page, url, fetched_at="2024-11-14T16:00:00Z").updates
    assert [(u.headline, u.published_at) for u in updates] == [
        (f"Update {n}", f"2024-11-14T1{n}:20:00Z") for n in (5, 4, 3)
    ]


def test_a_publishers_class_names_on_another_site_with_a_pinned_post_of_its_own_keep_it() -> None:
    """The same, with a pinned post above the feed that is no copy of one in it ("Key
    points", untimed): the generic reading, which misses it, does not stand in for the
    adapter's, which has it; the post is kept, pinned."""
    post = (
        "<article class='live-post'><div class='live-post__time'>1{n}:20</div>"
        "<h2 class='live-post__title'>Update {n}</h2><div class='live-post__body'><p>What "
        "update {n} says, in a sentence of words.</p></div></article>"
    )
    posts = "".join(post.format(n=n) for n in (5, 4, 3))
    pinned = (
        "<article class='live-post live-post--pinned'><h2 class='live-post__title'>Key points"
        "</h2><div class='live-post__body'><p>What the day has brought, in a sentence of words."
        "</p></div></article>"
    )
    page = page_of(
        pinned + f"<div class='live-feed'>{posts}</div>",
        title="Storm Ewan live",
        published="2024-11-14T06:00:00Z",
    )
    url = "https://news.example.co.uk/live/storm-ewan"
    updates = extract_page(page, url, fetched_at="2024-11-14T16:00:00Z").updates
    assert [(u.headline, u.pinned) for u in updates] == [
        ("Key points", True),
        ("Update 5", False),
        ("Update 4", False),
        ("Update 3", False),
    ]


def test_a_publishers_class_names_with_a_pinned_copy_bylined_apart_are_read_with_times() -> None:
    """The same, where each post names its writer on a line of its own that the publisher's
    reading sets apart and the generic reading keeps among the words: the pinned copy is
    still the post it copies, and the posts keep the times they show."""
    post = (
        "<div class='live-post{cls}'>{label}<span class='live-post__time'>{ago} minuten "
        "geleden</span><h3 class='live-post__title'>Update {n}</h3><div><strong>{who}</strong>"
        "</div><div class='live-post__body'><p>Wat update {n} zegt, in een zin van woorden."
        "</p></div></div>"
    )
    who = {1: "Tom Reyes", 2: "Anna Berg", 3: "Tom Reyes", 4: "Mia Laurent"}
    pinned = post.format(
        n=1, ago=33, cls=" live-post--pinned", label="<span>Vastgezet</span>", who=who[1]
    )
    posts = "".join(
        post.format(n=n, ago=ago, cls="", label="", who=who[n])
        for n, ago in ((1, 33), (2, 19), (3, 16), (4, 5))
    )
    page = page_of(
        pinned + f"<div class='live-stream'>{posts}</div>",
        lang="nl",
        published="2024-05-01T06:00:00Z",
    )
    url = "https://news.example.nl/news/storm-live"
    updates = extract_page(page, url, fetched_at="2024-05-01T06:54:00Z").updates
    assert [(u.headline, u.published_at, u.pinned) for u in updates] == [
        ("Update 1", "2024-05-01T06:21:00Z", True),
        ("Update 2", "2024-05-01T06:35:00Z", False),
        ("Update 3", "2024-05-01T06:38:00Z", False),
        ("Update 4", "2024-05-01T06:49:00Z", False),
    ]


def test_a_drive_log_counting_down_oldest_first_is_no_time_of_day() -> None:
    """A drive log, oldest first: the game's clock counts down the page ("14:20" to "2:05"),
    as a morning's ticker's clocks do newest first; written with a colon, it stays words."""
    plays = ["14:20", "11:05", "7:30", "4:51", "2:05"]
    rows = "".join(
        f"<div class='play'><span class='clock'>{mark}</span><p>Play number {n}: a run up the "
        "middle for a few yards and a first down.</p></div>"
        for n, mark in enumerate(plays)
    )
    page = page_of(f"<div class='plays'>{rows}</div>", title="Chiefs vs Bills: live updates")
    url = "https://www.example.com/nfl/live/chiefs-bills"
    updates = extract_page(page, url, fetched_at="2024-05-01T03:00:00Z").updates
    assert all(
        not u.published_at or u.published_at[11:16] not in ("07:30", "04:51", "02:05")
        for u in updates
    )


def test_a_games_clock_running_up_the_page_is_no_time_of_day() -> None:
    """A quarter's play-by-play, newest first: the game's clock counts down as the quarter
    goes on, so it runs up the page ("1:12" above "11:39"). Its one-digit marks are no clocks,
    whose two-digit ones would have to run down the page beside them."""
    plays = [
        ("1:12", "Jokic hits a jumper from the elbow to tie the game."),
        ("4:51", "Murray steals the ball and scores on the break."),
        ("8:30", "Timeout called by the home side after a quick run."),
        ("10:05", "Porter Jr. misses a three from the corner."),
        ("11:39", "Gordon wins the tip and the quarter is under way."),
    ]
    rows = "".join(
        f"<div class='play'><span class='clock'>{mark}</span><p>{text}</p></div>"
        for mark, text in plays
    )
    page = page_of(f"<div class='plays'>{rows}</div>", title="Nuggets vs Lakers: live updates")
    url = "https://www.example.com/nba/live/nuggets-lakers"
    updates = extract_page(page, url, fetched_at="2024-05-01T03:00:00Z").updates
    assert all(
        not u.published_at or u.published_at[11:16] not in ("01:12", "04:51", "08:30")
        for u in updates
    )


def _toronto_morning(published: str, modified: str | None = None) -> list[Update]:
    """A Toronto paper's live blog (en-CA), newest first, each post a title and a paragraph
    under a bare clock on 12 hours with no am or pm: "11:45", "10:30", "9:15"."""
    stamps = ["11:45", "10:30", "9:15"]
    rows = "".join(
        f"<div class='post'><span class='time'>{stamp}</span><h2>Storm update {n}</h2><p>What "
        f"post {n} reports about the storm over the city, in a sentence or two.</p></div>"
        for n, stamp in enumerate(stamps)
    )
    changed = f"<meta property='article:modified_time' content='{modified}'>" if modified else ""
    page = page_of(
        f"{changed}<div class='liveblog'>{rows}</div>", "Live: Toronto storm", "en-CA", published
    )
    url = "https://www.example.ca/news/toronto/live-storm"
    return extract_page(page, url, fetched_at="2024-05-01T16:30:00Z").updates


def test_a_mornings_one_digit_clock_with_a_colon_within_the_hours_the_blog_ran_is_a_clock() -> None:
    """A morning's one-digit "9:15" below "11:45" and "10:30", written with a colon, is a clock
    where the page says when the blog began that day and every clock of the stream falls
    between then and its last change or the fetch: no game's clock, read as hours, fits."""
    updates = _toronto_morning("2024-05-01T08:00:00-04:00")
    assert [u.published_at for u in updates] == [
        "2024-05-01T15:45:00Z",
        "2024-05-01T14:30:00Z",
        "2024-05-01T13:15:00Z",
    ]
    updates = _toronto_morning("2024-05-01T08:00:00-04:00", "2024-05-01T11:50:00-04:00")
    assert updates[2].published_at == "2024-05-01T13:15:00Z"
    # Begun after it, or on another day: "9:15" may be a game's clock; it stays unread.
    assert _toronto_morning("2024-05-01T09:30:00-04:00")[2].published_at is None
    assert _toronto_morning("2024-04-29T08:00:00-04:00")[2].published_at is None


def test_a_games_one_digit_clock_beside_its_quarter_stays_unread_within_the_blogs_hours() -> None:
    """A game's clocks in boxes beside its quarter ("Q4" then "11:40" … "9:30", "7:05"), in a
    morning blog of a game abroad begun at 6:00 and fetched at 13:00, fit the blog's hours read
    as clocks of the day; the quarter beside them says they are a game's: "9:30" stays unread.
    (A hand-built page of the markup a Manila paper's NBA blog follows: a clock, a title.)"""
    rows = "".join(
        f"<div class='post'><span class='clock'>{stamp}</span><h2>Q4: play {n}</h2><p>What "
        f"happens in play {n} of the game, in a sentence or two more.</p></div>"
        for n, stamp in enumerate(["11:40", "10:15", "9:30", "7:05"])
    )
    page = page_of(
        f"<div class='liveblog'>{rows}</div>", "NBA Finals live", "en-PH", "2024-06-10T06:00+08:00"
    )
    url = "https://www.example.ph/sports/nba-finals-live"
    updates = extract_page(page, url, fetched_at="2024-06-10T05:00:00Z").updates
    assert [u.published_at for u in updates[2:]] == [None, None]


def test_a_videos_one_digit_length_stays_unread_within_the_blogs_hours() -> None:
    """A video's length in a box whose class says so (`span.duration` "9:30" below "12:40"
    and "10:15"), in a blog begun at 6:00 and fetched at 13:00, is no clock of the day, though
    read as hours it runs down within the blog's: the post keeps the time of its "3 hours
    ago". (A hand-built page: each post a stamp of how long ago, a title, a paragraph and a
    video with its length, as players print it.)"""
    rows = "".join(
        f"<div class='post'><span class='ago'>{n + 1} hours ago</span><h2>Clip {n}</h2><p>What "
        f"clip {n} shows of the day, in a sentence or two more.</p><div class='video'><span "
        f"class='duration'>{length}</span></div></div>"
        for n, length in enumerate(["12:40", "10:15", "9:30", "7:05"])
    )
    page = page_of(
        f"<div class='liveblog'>{rows}</div>", "Live: the day", "en-GB", "2024-06-10T06:00+01:00"
    )
    url = "https://www.example.co.uk/news/live-the-day"
    updates = extract_page(page, url, fetched_at="2024-06-10T12:00:00Z").updates
    assert [u.published_at for u in updates[2:]] == ["2024-06-10T09:00:00Z", "2024-06-10T08:00:00Z"]


def test_a_videos_length_is_no_clock_of_the_day() -> None:
    """A video's two-digit length in `span.duration` ("12:40", "10:15") is no clock of the day
    either: each post keeps the time its machine stamp gives, and the length stays a line of
    its words, as a reader sees it under the player."""
    rows = "".join(
        f"<article class='post'><time datetime='2024-06-10T0{9 - n}:1{n}:00Z'></time><h2>Clip "
        f"{n}</h2><p>What clip {n} shows of the day, in a sentence or two more.</p><div "
        f"class='video'><span class='duration'>{length}</span></div></article>"
        for n, length in enumerate(["12:40", "10:15"])
    )
    page = page_of(
        f"<div class='liveblog'>{rows}</div>", "Live: the day", "en-GB", "2024-06-10T06:00+01:00"
    )
    url = "https://www.example.co.uk/news/live-the-day"
    updates = extract_page(page, url, fetched_at="2024-06-10T12:00:00Z").updates
    assert [u.published_at for u in updates] == ["2024-06-10T09:10:00Z", "2024-06-10T08:11:00Z"]


@pytest.mark.parametrize(
    ("last", "authors"),
    [
        ("— Jesse Pound", ["Jesse Pound"]),
        ("– Pia Singh and Jeff Cox", ["Pia Singh", "Jeff Cox"]),
        ("— the index closed lower", []),  # words, not names
        ("- Item one", []),  # a list's line, not a signature
    ],
)
def test_a_posts_last_paragraph_of_a_dash_and_names_signs_it(last: str, authors: list[str]) -> None:
    """CNBC signs each live post with a last paragraph, "— Jesse Pound": the post's author,
    no word of it. After a quote the same line is the quote's attribution (media)."""
    posts = "".join(
        f'<div class="post" id="{n}-post"><time datetime="2024-05-01T1{n}:00:00Z">x</time>'
        f"<h2>Markets {n}</h2><p>What post {n} says about the market, in a few words.</p>"
        f"<p>{last}</p></div>"
        for n in (4, 3, 2, 1)
    )
    main = f"<div class='feed'>{posts}</div>"
    updates = live_updates(main, "Stock market today: Live updates", "2024-05-01T15:00:00Z")
    assert [u.authors for u in updates] == [authors] * 4
    assert all((last in u.body_text) == (not authors) for u in updates)


def test_a_dash_and_a_name_after_a_quote_is_the_quotes_not_the_posts() -> None:
    posts = "".join(
        f'<div class="post" id="{n}-post"><time datetime="2024-05-01T1{n}:00:00Z">x</time>'
        f"<h2>Speech {n}</h2><p>What the president said in speech {n}, in a few words.</p>"
        "<blockquote><p>We will rebuild, whatever it takes.</p></blockquote>"
        "<p>— Joe Biden</p></div>"
        for n in (4, 3, 2, 1)
    )
    main = f"<div class='feed'>{posts}</div>"
    updates = live_updates(main, "Speeches: Live updates", "2024-05-01T15:00:00Z")
    assert [u.authors for u in updates] == [[]] * 4


def test_a_title_set_beside_the_time_in_one_line_is_the_headline() -> None:
    """The WordPress Liveticker's ticks: `<p><span class="sclt-tick_time">…</span><span
    class="sclt-tick-title">…</span></p>` then the words. The title-classed box beside the
    time is the headline, however short ("Halbzeit"), and no author ("Die Aufstellungen")."""
    titles = ["Ausgleich 1:1", "Halbzeit", "Anpfiff", "Die Aufstellungen"]
    ticks = "".join(
        f'<li class="sclt-tick"><p><span class="sclt-tick_time">01.05.2024 2{n}:05</span><span '
        f'class="sclt-tick-title">{title}</span></p><p class="sclt-tick-content">Was in Minute '
        f"{n} geschah, in einigen Worten mehr.</p></li>"
        for n, title in zip((3, 2, 1, 0), titles, strict=True)
    )
    page = page_of(f"<div class='sclt-ajax'><ul>{ticks}</ul></div>", "Liveticker: Derby", "de")
    url = "https://www.example-sv.de/2024/05/01/liveticker-derby/"
    updates = extract_page(page, url, fetched_at="2024-05-01T19:50:00Z").updates
    assert [(u.headline, u.authors) for u in updates] == [(t, []) for t in titles]


def test_a_posts_relative_links_follow_the_pages_base() -> None:
    """Contao's pages set `<base href>` at the site's root and link their pictures from
    there (`files/liveticker/…`): a post's picture and links are resolved as a browser does,
    against the base, not the page's own folder."""
    posts = "".join(
        f'<div class="ce_liveticker" id="t{n}"><time datetime="2024-05-01T1{n}:00:00+02:00">'
        f"1{n}:00</time><h3>Runde {n}</h3><p>Was in Runde {n} geschah, in einigen Worten. <a "
        f'href="ergebnisse/runde-{n}.html">Ergebnisse</a></p><figure><img src="files/'
        f'liveticker/runde{n}.jpg" alt=""></figure></div>'
        for n in (3, 2, 1)
    )
    page = (
        "<html lang='de'><head><base href='https://www.schach.example.de/'><title>Liveticker "
        f"Runde 5</title></head><body><main>{posts}</main></body></html>"
    )
    url = "https://www.schach.example.de/dm-2024/liveticker-runde-5.html"
    updates = extract_page(page.encode(), url, fetched_at="2024-05-01T12:00:00Z").updates
    assert [m["url"] for u in updates for m in u.media] == [
        f"https://www.schach.example.de/files/liveticker/runde{n}.jpg" for n in (3, 2, 1)
    ]
    assert 'href="https://www.schach.example.de/ergebnisse/runde-3.html"' in updates[0].body_html
    assert updates[0].permalink == f"{url}#t3"


def test_an_image_embed_box_whose_script_fills_the_picture_is_an_image() -> None:
    """NPR's liveblog app (nprapps/liveblog's image shortcode): `div.embed-image[data-src]`
    holding an `<img src="">` the script fills from the box's `data-src`, a caption and a
    credit in classed paragraphs; the byline a paragraph "— Miles Parks, Pam Fessler". The
    box is a picture with its caption and credit, the byline's dash is no part of a name, and
    the post's footer ("Copy link", "Back to top") is no word of it."""
    image = (
        "<div class='embed-image' data-src='https://media.example.org/rally.jpg'><div "
        "class='image-wrapper'><img width='100%' src=''></div><p class='caption "
        "image-caption'>Supporters at a party in Miami.</p><p class='credit image-credit'>Joe "
        "Raedle/Getty Images</p></div>"
    )
    posts = "".join(
        f"<div class='liveblog-item post' id='slug-{n}'><div class='post-header'><span "
        f"class='post-timestamp'>2020-11-04T0{n}:48:40+00:00</span></div><h4 "
        f"class='post-headline'>Headline {n}</h4><div class='post-content'><p>What post {n} "
        f"reports, in more than a few words.</p>{image if n == 4 else ''}<p "
        "class='post-author'>&mdash; <a href='/people/1'>Miles Parks</a>, <a "
        "href='/people/2'>Pam Fessler</a></p></div><div class='post-footer'><span "
        "class='deeplink'>Copy link</span><a class='footer-top-link' href='#top'>Back to top</a>"
        "</div></div>"
        for n in (4, 3, 2, 1)
    )
    page = page_of(f"<div class='posts'>{posts}</div>", title="Election results: live updates")
    updates = extract_page(page, "https://apps.npr.org/liveblogs/20201103-election/").updates
    assert [u.authors for u in updates] == [["Miles Parks", "Pam Fessler"]] * 4
    assert updates[0].media == [
        {
            "type": "image",
            "url": "https://media.example.org/rally.jpg",
            "caption": "Supporters at a party in Miami.",
            "credit": "Joe Raedle/Getty Images",
        }
    ]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in (4, 3, 2, 1)
    ]


def test_a_pictures_definition_list_is_a_picture_with_its_caption() -> None:
    """Plone's captioned image (collective.liveblog's posts, TinyMCE's markup):
    `dl.captioned`, the picture in its `dt`, the caption in `dd.image-caption`. It is a
    picture with its caption, not a line of the post."""
    image = (
        "<dl class='image-left captioned'><dt><img src='https://img.example.org.br/urnas.jpg' "
        "alt=''></dt><dd class='image-caption'>Urnas do interior chegam à sede</dd></dl>"
    )
    posts = "".join(
        f"<article class='microupdate' id='u{n}'><h2 class='microupdate-title'>Título {n}</h2>"
        f"<div class='microupdate-text'><p>O que o post {n} relata, em mais do que poucas "
        f"palavras.</p>{image if n == 4 else ''}</div><time datetime='2024-03-09T1{n}:12:09'>"
        f"1{n}h12</time></article>"
        for n in (4, 3, 2, 1)
    )
    page = page_of(f"<section id='micro-updates'>{posts}</section>", title="Ao vivo", lang="pt")
    updates = extract_page(page, "https://www.sindicato.example.org.br/liveblog").updates
    assert updates[0].body_text == "O que o post 4 relata, em mais do que poucas palavras."
    assert updates[0].media == [
        {
            "type": "image",
            "url": "https://img.example.org.br/urnas.jpg",
            "caption": "Urnas do interior chegam à sede",
            "credit": None,
        }
    ]


def test_a_custom_elements_entry_id_is_the_posts_id() -> None:
    """django-bulbs (The Onion's, the A.V. Club's live blogs): each entry a custom element
    `<bulbs-liveblog-entry entry-id="4101">`; the attribute, no `data-` before it, is the
    post's id."""
    entries = "".join(
        f'<bulbs-liveblog-entry class="liveblog-entry" entry-id="410{n}"><div class="liveblog-'
        f'published-time">{n + 6}:45 PM</div><h1 class="liveblog-entry-headline">Entry {n}</h1>'
        f'<div class="liveblog-entry-body"><p>What entry {n} says about the night, in more '
        "words than a few.</p></div></bulbs-liveblog-entry>"
        for n in (3, 2, 1)
    )
    page = page_of(f"<div class='liveblog-entries'>{entries}</div>", "Emmys 2016: Live blog")
    updates = extract_page(
        page, "https://www.avclub.com/article/emmys-2016-live-blog-243088"
    ).updates
    assert [u.source_id for u in updates] == ["4103", "4102", "4101"]


@pytest.mark.parametrize(
    ("starts", "chapters"),
    [
        (["00:00:00", "00:04:10", "00:11:45", "00:19:30"], True),
        (["23:10", "23:40", "00:00", "00:30"], False),
        (["00:00", "00:15", "00:40", "01:10"], False),  # a New Year's blog, oldest first
    ],
)
def test_a_recordings_chapters_are_no_stream(starts: list[str], chapters: bool) -> None:
    """A podcast episode recorded live ("Mailbag Q&A (LIVE)") lists its chapters by where
    they start in the recording, to the second, rising from 00:00:00: places in the audio,
    not times of day, and no live blog. A blog read oldest first that runs past midnight is
    one, and so is one that starts at midnight, its clocks to the minute."""
    rows = "".join(
        f"<div class='flex gap-3'><span class='font-mono'>{start}</span><div><h3>Part {n}: the "
        f"question asked</h3><p>What the hosts say in part {n}, in a few more words.</p></div>"
        "</div>"
        for n, start in enumerate(starts)
    )
    updates = live_updates(f"<div class='space-y-2'>{rows}</div>", "Mailbag Q&A (LIVE)", MAY_DAY)
    assert len(updates) == (0 if chapters else 4)


def test_a_writers_avatar_is_no_picture_of_the_post() -> None:
    """A post's header shows its writer's picture (`img.avatar`, Mastodon's and Gitea's, a
    forum's): chrome, like the byline it stands for; the picture the post shows is media. A
    box whose class says it has or shows one (`has-avatar`, Sourcefabric's
    `show-author-avatar`) is no writer's picture but the post's words."""
    posts = "".join(
        f"<article class='post show-author-avatar' id='p{n}'><div class='status__avatar'><img "
        f"class='u-photo account__avatar' src='/avatars/jane.jpg' alt=''></div><header><time "
        f"datetime='2024-05-01T1{n}:05:00Z'>1{n}:05</time></header><h2>Update {n}</h2><div "
        f"class='content has-avatar'><p>What update {n} reports, in more than a few words.</p>"
        f"<figure><img src='/photos/{n}.jpg' alt=''><figcaption>Scene {n}</figcaption></figure>"
        "</div></article>"
        for n in (3, 2, 1)
    )
    updates = live_updates(f"<div class='feed'>{posts}</div>", "Storm: live", MAY_DAY)
    assert [[m["url"] for m in u.media] for u in updates] == [
        [f"https://news.example/photos/{n}.jpg"] for n in (3, 2, 1)
    ]
    assert [u.body_text for u in updates] == [
        f"What update {n} reports, in more than a few words." for n in (3, 2, 1)
    ]


def test_zdf_items_as_a_public_parser_documents_them() -> None:
    """ZDFheute's live blog items as flairNLP/fundus's parser reads them: `article[data-guid]`,
    an `h2` on some, a `<time>` printed "14.06.2025 14:52" in Berlin's zone, paragraphs; the
    classes hashed. (The ZDF adapter only names the items' API.)"""
    items = "".join(
        f"<article data-guid='5f0c2a9e-{n}' class='l1x0q7kz'><div class='m1k3ydyi'><time class="
        f"'t1qpxbpl'>14.06.2025 14:{n}2</time></div>"
        + (f"<h2 class='h1l8ty0z'>Pegel steigt {n}</h2>" if n % 2 else "")
        + f"<div class='b1n2vdzn'><p>Was Meldung {n} berichtet, in mehr als ein paar Worten.</p>"
        "</div></article>"
        for n in (5, 4, 3, 2, 1)
    )
    page = page_of(f"<div class='l1vbl0ab'>{items}</div>", "Unwetter: Pegel steigen", lang="de")
    url = "https://www.zdfheute.de/panorama/unwetter-liveblog-100.html"
    updates = extract_page(page, url, fetched_at="2025-06-14T13:00:00Z").updates
    assert [(u.source_id, u.published_at, u.headline) for u in updates] == [
        (f"5f0c2a9e-{n}", f"2025-06-14T12:{n}2:00Z", f"Pegel steigt {n}" if n % 2 else None)
        for n in (5, 4, 3, 2, 1)
    ]


@pytest.mark.parametrize(
    "test_id", ["data-testid", "data-test-id", "data-qa-id", "data-automation-id"]
)
def test_a_test_id_is_no_posts_id(test_id: str) -> None:
    """A box's `data-testid` names its kind for a build's tests ("liveticker-entry", the same
    on every entry): the post's id is the attribute that numbers it, `data-ticker-id`."""
    entries = "".join(
        f'<div class="liveticker-entry" {test_id}="liveticker-entry" data-ticker-id="22918{n}">'
        f"<span class='liveticker-entry__minute'>{20 * n}'</span><h3>Chance {n}</h3><p>What "
        f"happened in minute {20 * n}, in more words than a few.</p></div>"
        for n in (4, 3, 2, 1)
    )
    updates = live_updates(f"<div class='liveticker'>{entries}</div>", "Liveticker", MAY_DAY)
    assert [u.source_id for u in updates] == [f"22918{n}" for n in (4, 3, 2, 1)]


def test_updates_marked_as_schema_org_comments_of_a_blog_posting_are_posts() -> None:
    """collective.liveblog (Plone) marks each micro-update as a schema.org `Comment` of the
    page's `BlogPosting`: a live blog's updates, where a forum's comments on its
    DiscussionForumPosting (Discourse's) are no posts."""
    updates = "".join(
        f"<article class='microupdate' id='u{n}' itemprop='comment' itemscope itemtype="
        f"'http://schema.org/Comment'><h2 itemprop='headline'>Título {n}</h2><div itemprop="
        f"'text'><p>O que o post {n} relata, em mais do que poucas palavras.</p></div><time "
        f"itemprop='datePublished' datetime='2024-03-09T1{n}:12:09'>1{n}h12</time></article>"
        for n in (4, 3, 2, 1)
    )
    for posting, found in (("BlogPosting", 4), ("DiscussionForumPosting", 0)):
        main = (
            f"<div itemscope itemtype='http://schema.org/{posting}'><h1 itemprop='headline'>Ao "
            f"vivo: apuração</h1><section id='micro-updates'>{updates}</section></div>"
        )
        page = page_of(main, title="Ao vivo: apuração", lang="pt")
        read = extract_page(page, "https://www.sindicato.example.org.br/liveblog").updates
        assert len(read) == found, posting


@pytest.mark.parametrize(
    ("attribute", "value"),
    [
        ("data-postid", "5{n}"),
        ("data-tickeritem", "5{n}"),  # Contao's liveticker (mod_liveticker_item.html5)
        ("data-fullname", "LiveUpdate_5{n}"),  # a Reddit live thread's (liveupdate.html)
    ],
)
def test_a_posts_id_in_a_data_attribute_that_runs_its_words_together(
    attribute: str, value: str
) -> None:
    """Drupal's Liveblog module (galaniprojects/liveblog `liveblog-post.html.twig`): each post
    an `article.liveblog-post[data-postid]`. Its id is the post's, as `data-post-id` is; so are
    Contao's `data-tickeritem` and Reddit's `data-fullname`."""
    posts = "".join(
        f"<article class='liveblog-post' {attribute}='{value.format(n=n)}'><div class='field--name-title'>"
        f"Titel {n}</div><div class='field--name-created'>14.05.2024 - 1{n}:47</div><div "
        f"class='field--name-body'><p>Was Beitrag {n} berichtet, in mehr als ein paar Worten."
        "</p></div></article>"
        for n in (8, 7, 5, 4)
    )
    page = page_of(f"<div class='view-liveblog-posts'>{posts}</div>", title="Liveblog", lang="de")
    updates = extract_page(page, "https://www.example-stadt.de/liveblog/hochwasser").updates
    assert [u.source_id for u in updates] == [value.format(n=n) for n in (8, 7, 5, 4)]
    # A name a theme keeps there ("Anna Kowalski") is no id.
    named = posts.replace(f"{attribute}='", f"{attribute}='Anna Kowalski ")
    page = page_of(f"<div class='view-liveblog-posts'>{named}</div>", title="Liveblog", lang="de")
    updates = extract_page(page, "https://www.example-stadt.de/liveblog/hochwasser").updates
    assert [u.source_id for u in updates] == [None] * 4


def test_a_listing_of_what_is_to_come_is_no_stream() -> None:
    """A what's-on page at an address with `/live/` in it (concerts in the coming days, each
    with its date and time): posts dated after the page was fetched, most of them more than
    a zone's hours ahead, are a programme of what is to come, not a live blog's."""
    gigs = "".join(
        f"<li class='gig'><time datetime='2024-05-{day}T20:00:00+01:00'>{day} May, 20:00</time>"
        f"<h3>Band number {day}</h3><p>Doors open at seven, support from a local act, tickets "
        "at the door.</p></li>"
        for day in (19, 21, 22, 24, 25, 28)
    )
    page = page_of(f"<ul class='listing'>{gigs}</ul>", title="Concert listings Oxford")
    url = "https://www.example.co.uk/events/live/oxford"
    found = extract_page(page, url, fetched_at="2024-05-19T12:00Z")
    assert found.updates == []


def test_a_listing_under_days_that_name_their_weekday_is_to_come() -> None:
    """A "LIVE at the Roundhouse" programme: a heading per day ("Tuesday, 21 May", no year),
    then each gig's clock, name and a sentence. Fetched on Sunday 19 May, those days are to
    come: the weekday says so, where the rule for a date without a year (never after the
    fetch) would put them a year back, a stream of the past."""
    days = [("Sunday, 19 May", "20:30"), ("Tuesday, 21 May", "20:00"),
            ("Wednesday, 22 May", "19:30"), ("Friday, 24 May", "20:00"),
            ("Saturday, 25 May", "21:00"), ("Tuesday, 28 May", "20:00")]  # fmt: skip
    gigs = "".join(
        f"<h2>{day}</h2><div class='event'><span class='time'>{at}</span> <strong>Band {n}"
        "</strong> – Main hall<p>Doors open an hour before, with support from a local act and"
        " tickets at the door.</p></div>"
        for n, (day, at) in enumerate(days)
    )
    page = page_of(f"<div class='events'>{gigs}</div>", "LIVE at the Roundhouse: full programme")
    url = "https://www.example.co.uk/events/live-at-the-roundhouse-full-programme"
    assert extract_page(page, url, fetched_at="2024-05-19T18:30:00Z").updates == []


@pytest.mark.parametrize(
    ("fetched", "days", "expected"),
    [
        # Yesterday's heading copied, its weekday left: 18 May 2025 is a Sunday, 18 May 2024 a
        # Saturday.
        ("2025-05-19T09:00:00Z", ("Saturday, 18 May", "Saturday, 17 May"),
         ["2025-05-18T07:30:00Z", "2025-05-18T06:10:00Z", "2025-05-17T07:30:00Z",
          "2025-05-17T06:10:00Z"]),
        # A weekday mistyped over New Year: 1 January 2026 is a Thursday, 2025's a Wednesday.
        ("2025-01-01T09:00:00Z", ("Thursday, 1 January", "Tuesday, 31 December"),
         ["2025-01-01T08:30:00Z", "2025-01-01T07:10:00Z", "2024-12-31T08:30:00Z",
          "2024-12-31T07:10:00Z"]),
    ],
)  # fmt: skip
def test_a_day_heading_whose_weekday_is_a_typo_keeps_the_blogs_year(
    fetched: str, days: tuple[str, str], expected: list[str]
) -> None:
    """A live blog's day headings, one with the wrong day of the week: that weekday is the
    typo, not a sign of the year a year away whose day it is (the heading's posts went a year
    back, or a year ahead and lost their times). A weekday picks a year only where it is the
    day of the date nearest the page's."""
    posts = "".join(
        f"<h2 class='day'>{day}</h2>"
        + "".join(
            f"<div class='lb-post'><span class='lb-time'>{clock}</span><h3>Update {day} "
            f"{clock}</h3><p>The council says roads in the north remain closed at {clock}.</p>"
            "</div>"
            for clock in ("08:30", "07:10")
        )
        for day in days
    )
    main = f"<div class='lb-stream'>{posts}</div>"
    published = f"{expected[-1][:10]}T06:00:00Z"
    updates = live_updates(main, "Storm Ewan live: latest updates", fetched, published, "en-IE")
    assert [u.published_at for u in updates] == expected


def test_a_bylines_links_to_writers_pages_are_its_names_not_their_roles() -> None:
    """The Athletic's live posts (as a public reader of its pages documents them): the byline
    box holds the writer's picture, a link to the writer's page and the writer's role in a
    span right after it ("Art de Roché" "Chelsea writer", no space between). The name is the
    link's."""
    posts = "".join(
        f"<div class='LiveBlogPost_post' id='p{n}'><time datetime='2024-02-10T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><div class='LiveBlogPost_author'><img src='/h.png' alt=''><a "
        f"href='/athletic/author/{slug}/'>{name}</a><span>{role}</span></div><p>What post {n} "
        "reports, in more than a few words.</p></div>"
        for n, name, slug, role in [
            (6, "Art de Roché", "art-de-roche", "Chelsea writer"),
            (5, "Jay Harris", "jay-harris", "Arsenal writer"),
            (4, "Art de Roché", "art-de-roche", "Chelsea writer"),
            (3, "Jay Harris", "jay-harris", "Arsenal writer"),
        ]
    )
    page = page_of(f"<div class='LiveBlog_posts'>{posts}</div>", title="Live: Chelsea v Arsenal")
    updates = extract_page(page, "https://www.nytimes.com/athletic/live-blogs/chelsea-arsenal/x/")
    assert [u.authors for u in updates.updates] == [
        ["Art de Roché"],
        ["Jay Harris"],
        ["Art de Roché"],
        ["Jay Harris"],
    ]


COMMENTARY = [
    ("90'+4'", "Final del partido en Montilivi, el Girona gana dos a uno."),
    ("84'", "Cambio en el Valladolid: entra Plata por Guardiola."),
    ("78'", "¡Gol del Girona! Stuani remata de cabeza un centro desde la derecha."),
    ("70'", "Tarjeta amarilla para Kiko Olivas por una entrada por detrás."),
    ("62'", "Ocasión del Valladolid, Guardiola dispara alto desde la frontal."),
    ("55'", "¡Gol del Valladolid! Empata Óscar Plano tras un rechace."),
    ("45'", "Descanso en Montilivi, el Girona gana por la mínima."),
    ("31'", "¡Gol del Girona! Portu marca tras una gran jugada colectiva."),
    ("12'", "Primer disparo del partido, atrapa Masip sin problemas."),
    ("1'", "Arranca el partido en Montilivi."),
]


@pytest.mark.parametrize("order", ["newest-first", "as-they-came"])
def test_a_commentary_of_paragraphs_each_opening_with_its_minute(order: str) -> None:
    """AS's narración (as public scrapers of it read it): each line a `p.cnt-comentario`
    opening with its minute in `span.minuto-comentario`, in a box whose id says comments. Each
    line is a post, no instant; the minutes, newest first, say a commentary. The same lines
    in the order they came, on a page that says nothing else, are a report's key moments."""
    rows = COMMENTARY if order == "newest-first" else COMMENTARY[::-1]
    lines = "".join(
        f"<p class='cnt-comentario'><span class='minuto-comentario'>{minute}</span><span "
        f"class='bullet-comentario'></span> {text}</p>"
        for minute, text in rows
    )
    page = page_of(
        f"<div id='comments-live-es-auto'><div class='cnt-narracion'>{lines}</div></div>",
        title="Girona 2 - Valladolid 1",
        lang="es",
    )
    updates = extract_page(page, "https://resultados.as.com/resultados/futbol/primera/x/").updates
    expected = [(text, None) for _, text in rows] if order == "newest-first" else []
    assert [(u.body_text, u.published_at) for u in updates] == expected


TRACKER = [  # RTÉ Sport's GAA tracker, newest first: each post's play opens with its minute
    ("Full-time: Kilkenny 2-22 Galway 1-20", "The Cats retain their Leinster crown."),
    ("70+2 mins: Kilkenny 2-21 Galway 1-20", "A free from distance for Galway drops short."),
    (
        "GOAL! 63 mins: Kilkenny 2-19 Galway 1-18",
        "The substitute rifles it to the roof of the net.",
    ),
    (
        "55 mins: Kilkenny 1-17 Galway 1-16",
        "Yellow card for the Galway wing-back after a late tackle.",
    ),
    ("Half-time: Kilkenny 1-11 Galway 1-10", "A point between them at the break."),
    ("GOAL! 24 mins: Kilkenny 0-07 Galway 1-06", "Galway strike first from a long delivery."),
    (
        "Good afternoon and welcome to our coverage of the final.",
        "Throw-in is at 4.30pm, live on RTÉ2.",
    ),
]


def written(play: str, minute: str) -> str:
    """A play's line with its minute written as `minute` says ("{}'" makes "67'" of "67 mins")."""
    return re.sub(r"([0-9+]+) mins", lambda m: minute.format(m.group(1)), play)


def tracker(minute: str = "{} mins") -> bytes:
    """A tracker whose posts say nothing but their words (`div.tracker-post-body`, as public
    scrapers of RTÉ's live pages read it), the minute written as `minute` says."""
    posts = "".join(
        f"<div class='tracker-post'><div class='tracker-post-body'><p>"
        f"{written(play, minute)}</p><p>{text}</p>"
        "</div></div>"
        for play, text in TRACKER
    )
    return page_of(
        f"<h1>Kilkenny v Galway</h1><div class='tracker'>{posts}</div>",
        title="Live: Kilkenny v Galway, Leinster SHC final",
        published="2024-06-08T13:00:00+01:00",
    )


@pytest.mark.parametrize("minute", ["{} mins", "{}'"])
def test_a_tracker_whose_posts_open_with_their_minute_is_a_commentary(minute: str) -> None:
    """English commentaries write the minute with its word ("67 mins: …", "70+2 mins: …"):
    each post a match's moment, no instant. The line the minute opens tells the play (the
    score after a goal): the post's words, not a header to pass over. A clock in a sentence
    of the welcome post ("Throw-in is at 4.30pm") is its words, not its time."""
    url = "https://www.rte.ie/sport/hurling/2024/0608/1453210-live-kilkenny-v-galway/"
    found = extract_page(tracker(minute), url, fetched_at="2024-06-08T17:30:00Z").updates
    assert [u.published_at for u in found] == [None] * len(TRACKER)
    assert [u.body_text.split("\n\n") for u in found] == [
        [written(play, minute), text] for play, text in TRACKER
    ]


def test_a_tickers_stamps_that_open_with_update_of_and_a_date() -> None:
    """Ippen's news tickers (merkur.de, as public readers of its pages document them): the
    entries flat in the story, each opened by a stamp "Update vom 14. Mai, 16.12 Uhr" (the
    first "Erstmeldung vom …"), then a crosshead and paragraphs. Each stamp opens an entry,
    dated and timed in Berlin."""
    entries = [
        ("Update vom 14. Mai, 16.12 Uhr", "Selenskyj besucht Charkiw", "2024-05-14T14:12:00Z"),
        ("Update vom 14. Mai, 11.30 Uhr", "Blinken sagt Hilfe zu", "2024-05-14T09:30:00Z"),
        ("Update vom 13. Mai, 22.10 Uhr", "Luftalarm in Kiew", "2024-05-13T20:10:00Z"),
        ("Erstmeldung vom 13. Mai, 19.00 Uhr", "Russland greift an", "2024-05-13T17:00:00Z"),
    ]
    story = "".join(
        f"<p class='id-StoryElement-timestamp'>{stamp}</p><h2 class='id-StoryElement-crosshead'>"
        f"{title}</h2><p class='id-StoryElement-paragraph'>Was die Meldung {title} berichtet, "
        "in mehr als ein paar Worten.</p>"
        for stamp, title, _ in entries
    )
    url = "https://www.merkur.de/politik/ukraine-krieg-news-ticker-92999999.html"
    updates = live_updates(
        f"<article class='idjs-Story'>{story}</article>",
        "Ukraine-Krieg im News-Ticker",
        "2024-05-14T15:00:00Z",
        published="2024-05-13T19:00:00+02:00",
        lang="de",
        url=url,
    )
    assert [(u.headline, u.published_at) for u in updates] == [(t, at) for _, t, at in entries]


@pytest.mark.parametrize(
    "line",
    [
        "<div class='id-StoryElement-intestitialLink'><span>Lesen Sie auch</span> <a "
        "href='/politik/blinken-93070001.html'>Blinken in Kiew: Was die USA jetzt liefern</a></div>",
        "<p><strong>Read more</strong> <a href='/news/other-1'>What we know so far</a></p>",
    ],
    ids=["ippen", "bold-label"],
)
def test_a_teasers_label_beside_its_link_without_a_colon_is_no_word(line: str) -> None:
    """Ippen's interstitial link (`<span>Lesen Sie auch</span> <a>…</a>`, no colon between): a
    line that is a teaser's label and a link to another story is no word of the post."""
    updates = _four_posts_with(line)
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in (6, 5, 4, 3)
    ]


def test_a_short_title_in_the_times_box_is_read_whatever_labels_some_posts_carry() -> None:
    """`<header><span>20:24</span><div class="c1">Pegel steigt</div></header>`, no byline,
    classes hashed, "Key event" beside some posts' times: every post's title is its first line
    after the time (a title of a few words was taken for a label of the time, and a label on
    some posts gave those alone their titles)."""
    titles = ["Pegel steigt", "Dijk houdt", "Wind draait", "Regen stopt", "Brug dicht"]
    posts = "".join(
        f"<article class='c0'><header class='c9'><span class='c8'>1{n}:0{n}</span>"
        + ("<span class='c7'>Key event</span>" if n % 2 else "")
        + f"<div class='c1'>{title}</div></header>"
        f"<div class='c3'><p>De waterstand bij meetpunt {n} steeg vanavond verder, meldt de "
        "gemeente.</p></div></article>"
        for n, title in enumerate(titles)
    )
    updates = stream_of(
        page_of(f"<section class='c5'>{posts}</section>", lang="nl"),
        "https://nieuws.example.nl/liveblog/x",
    )
    assert [u.headline for u in updates] == titles


def test_posts_written_without_paragraph_tags_keep_their_words() -> None:
    """A CMS that writes a post's words in one box, its paragraphs apart by `<br><br>`, and
    no title: the box is the post's body, not its title (a short one was read as the title
    and the body left empty), and a short post's one sentence in a `<div>` is its words, not
    part of its time's header."""
    bodies = [
        "Die Feuerwehr ist im Einsatz.<br><br>Die Straße bleibt gesperrt.",
        "Der Pegel steigt weiter an, meldet die Stadt am Abend.",
        "Evakuierung beginnt.<br><br>Busse stehen am Bahnhof bereit.",
        "Die Schulen bleiben morgen geschlossen, teilt das Amt mit.",
    ]
    posts = "".join(
        f"<article class='c0'><div class='c1'><div class='c2'><span class='c3'>vor {10 + 20 * n}"
        f" Minuten</span></div><div class='c4'><div class='c5'>{body}</div></div></div></article>"
        for n, body in enumerate(bodies)
    )
    updates = stream_of(
        page_of(f"<section class='c6'>{posts}</section>", lang="de"),
        "https://nachrichten.example.de/liveticker/x",
    )
    assert [u.headline for u in updates] == [None] * 4
    assert [u.body_text for u in updates] == [b.replace("<br><br>", "\n\n") for b in bodies]


def test_a_pinned_copy_at_the_top_of_the_streams_box_is_the_post_flagged() -> None:
    """`<section><div class="x"><span>Pinned</span><article>…copy of a post…</article></div>
    <article>…`: the copy in its labelled box before the first post is that post, flagged
    pinned, not a post of its own nor one it hides; its words said twice do not make the
    posts' titles look alike (three posts and a copy: the titles were lost)."""
    titles = ["Dijk houdt stand", "Wind draait naar west", "Regen stopt eindelijk"]
    posts = [
        "<article class='c0'>"
        + f"<time datetime='2024-02-10T1{8 - n}:05:00Z'>1{8 - n}:05</time>"
        + f"<div class='c1'>{title}</div><p>De waterstand bij meetpunt {n} daalde vanavond, "
        "meldt de gemeente.</p></article>"
        for n, title in enumerate(titles)
    ]
    pinned = f"<div class='c9'><span class='c8'>Vastgezet</span>{posts[1]}</div>"
    updates = stream_of(
        page_of(f"<section class='c5'>{pinned}{''.join(posts)}</section>", lang="nl"),
        "https://nieuws.example.nl/liveblog/x",
    )
    assert [(u.headline, u.pinned) for u in updates] == [
        (title, n == 1) for n, title in enumerate(titles)
    ]


@pytest.mark.parametrize("ahead", [1, 8])
def test_clocks_east_of_a_zone_guessed_utc_that_fell_a_day_back_meet_structured_data(
    ahead: int,
) -> None:
    """A probe built on a sports site's live blog as its readers see it (untitled posts, each
    a bare "12:56" in British summer time, its first line in bold; JSON-LD's liveBlogUpdate
    dates each post in UTC, "…T11:56:00Z"; nothing else on the `.com` page names a zone):
    read as UTC the clocks lay after the fetch and were put on the day before, 23 hours from
    JSON-LD's instants, and those stood. A clock a day less a zone's whole hours before
    structured data's time is the same time read in a zone guessed wrong: structured data's
    stands, as it does a zone's whole hours apart (`ahead`: Singapore's eight hours too)."""
    minutes = (56, 50, 44, 38)
    ld = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Live: Premier League",
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": f"Goal {n}",
                "datePublished": f"2024-05-01T11:{m}:00Z",
                "articleBody": f"Goal {n}: a header at the far post after a corner, in more "
                "words than that.",
            }
            for n, m in enumerate(minutes)
        ],
    }
    posts = "".join(
        f"<div class='live-blog__post' data-id='88{n}'><div class='live-blog__post-time'><span>"
        f"{11 + ahead:02d}:{m}</span></div><div class='live-blog__post-body'><p><strong>Goal "
        f"{n}</strong></p><p>Goal {n}: a header at the far post after a corner, in more words "
        "than that.</p></div></div>"
        for n, m in enumerate(minutes)
    )
    main = f"<script type='application/ld+json'>{json.dumps(ld)}</script><div>{posts}</div>"
    updates = live_updates(
        main, "Live: Premier League", "2024-05-01T12:00:00Z", published="2024-05-01T06:00:00Z"
    )
    assert [u.published_at for u in updates] == [f"2024-05-01T11:{m}:00Z" for m in minutes]


@pytest.mark.parametrize(("host", "ahead"), [("news.example.co.uk", 1), ("news.example.sg", 8)])
def test_a_shown_date_a_day_before_structured_data_stands(host: str, ahead: int) -> None:
    """A probe built on a late-night count's live blog (each post's box prints its date and
    clock, "1 May 2024 23:50", across midnight; JSON-LD's liveBlogUpdate, a CMS's slip, dates
    every post a day later, as old as the fetch or older): a bare clock a day less a zone's
    hours before structured data's time is a day guessed wrong and meets it, but a date the
    page prints is no guess, and stood a day late since 8638247 (British summer time and
    Singapore's eight hours)."""
    shown = [(2, "00:10"), (1, "23:50"), (1, "23:30")]
    truth = [
        (datetime(2024, 5, day, int(c[:2]), int(c[3:])) - timedelta(hours=ahead)).strftime(
            "%Y-%m-%dT%H:%M:00Z"
        )
        for day, c in shown
    ]
    ld = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Count live",
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": f"Box {n}",
                "datePublished": (
                    datetime.strptime(utc, "%Y-%m-%dT%H:%M:00Z") + timedelta(days=1)
                ).strftime("%Y-%m-%dT%H:%M:00Z"),
                "articleBody": f"Box {n} is counted, in more words than that.",
            }
            for n, utc in enumerate(truth)
        ],
    }
    posts = "".join(
        f"<div class='live-blog__post' data-id='77{n}'><div class='live-blog__post-time'><span>"
        f"{day} May 2024 {c}</span></div><div class='live-blog__post-body'><p><strong>Box {n}"
        f"</strong></p><p>Box {n} is counted, in more words than that.</p></div></div>"
        for n, (day, c) in enumerate(shown)
    )
    main = f"<script type='application/ld+json'>{json.dumps(ld)}</script><div>{posts}</div>"
    updates = live_updates(
        main,
        "Count live",
        "2024-05-04T09:00:00Z",
        published=truth[-1],
        url=f"https://{host}/live/count",
    )
    assert [u.published_at for u in updates] == truth


@pytest.mark.parametrize("structured", [False, True])
@pytest.mark.parametrize("spelling", ["pinned-{}", "pinned-post-{}", "sticky_{}"])
def test_a_pinned_copy_whose_id_spells_the_posts_otherwise_is_the_post_flagged(
    spelling: str, structured: bool
) -> None:
    """A probe built on a sports site's live blog as its readers see it (hashed classes, each
    post a `data-testid="live-blog-post"` box with its byline, "12m ago" and headline; the
    oldest post repeated on top under "Pinned", its id `pinned-<post id>`): the copy was a
    post of its own, and beside JSON-LD listing each post once a third reading of it stood
    too. A pinned copy whose id ends with the number of one post below is that post, once,
    flagged pinned, with the post's id, as `block-<id>-pinned` is."""

    def post(n: int, pinned: bool = False) -> str:
        box_id = spelling.format(7310 + n) if pinned else str(7310 + n)
        return (
            f"<div class='LBP_c__x7' data-testid='{'pinned-post' if pinned else 'live-blog-post'}'"
            f" id='{box_id}'>{'<span class=LBP_p__a1>Pinned</span>' if pinned else ''}<div "
            f"class='LBP_h__k2'><a href='/author/sam-roe/'><span>Sam Roe</span></a><span>"
            f"{9 * n + 4}m ago</span></div><h3 class='LBP_t__h8'>Pick {n} is in</h3><div "
            f"class='LBP_b__b4'><p>Round one, pick {n}: the team took the player it wanted, in "
            "more words than that.</p></div></div>"
        )

    ld = (
        "<script type='application/ld+json'>"
        + json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "LiveBlogPosting",
                "headline": "Draft live",
                "liveBlogUpdate": [
                    {
                        "@type": "BlogPosting",
                        "headline": f"Pick {n} is in",
                        "url": f"#post-{7310 + n}",
                        "datePublished": f"2024-05-01T11:{56 - 9 * n}:00Z",
                        "articleBody": f"Round one, pick {n}: the team took the player it "
                        "wanted, in more words than that.",
                    }
                    for n in range(5)
                ],
            }
        )
        + "</script>"
        if structured
        else ""
    )
    main = (
        f"{ld}<div class='LB_posts__m3'>{post(4, pinned=True)}"
        + "".join(post(n) for n in range(5))
        + "</div>"
    )
    updates = live_updates(main, "Draft live", "2024-05-01T12:00:00Z")
    order = [4, 0, 1, 2, 3]  # the post where its copy stood, on top
    assert [u.source_id for u in updates] == [str(7310 + n) for n in order]
    assert [u.pinned for u in updates] == [n == 4 for n in order]
    assert [u.headline for u in updates] == [f"Pick {n} is in" for n in order]
    assert [u.published_at for u in updates] == [f"2024-05-01T11:{56 - 9 * n}:00Z" for n in order]


@pytest.mark.parametrize("footer", [False, True])
def test_an_update_inside_a_posts_words_is_no_time_of_the_post(footer: bool) -> None:
    """ "<p><strong>Update 18:41:</strong> Police say …</p>" after a post's words is an update
    within the post: its clock is not the post's time. A post with no other time keeps none;
    one with its time in a footer after its words keeps that one."""
    posts = "".join(
        f"<div class='post'><h3>Bridge inspection {n}</h3><p>Engineers inspected span {n} of "
        "the bridge this morning and found no new damage.</p><p><strong>Update 1"
        f"{n}:41:</strong> Police say the road will reopen at six.</p>"
        + (f"<footer><span>1{n}:05</span></footer>" if footer else "")
        + "<div class='share'><a href='https://twitter.com/intent/tweet?u=x'>Tweet</a></div>"
        "</div>"
        for n in (4, 3, 2, 1)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>", title="Bridge live"),
        "https://news.example.com/live/bridge",
        fetched_at="2024-02-10T20:00:00Z",
    ).updates
    assert [u.headline for u in updates] == [f"Bridge inspection {n}" for n in (4, 3, 2, 1)]
    expected = [f"2024-02-10T1{n}:05:00Z" if footer else None for n in (4, 3, 2, 1)]
    assert [u.published_at for u in updates] == expected


def test_a_shape_some_posts_open_with_their_words_is_no_titles_shape() -> None:
    """Posts whose words sit in one box each, no title (`<div class="txt">…</div>`), some of
    one sentence and some of several lines broken by `<br>`: the one-sentence posts' box is
    their words, not their title, since other posts open with that box's words."""
    bodies = [
        "Die Polizei sperrt die Brücke am Abend.",
        "Die Feuerwehr ist im Einsatz.<br><br>Die Straße bleibt gesperrt bis Mitternacht.",
        "Der Pegel steigt weiter an, meldet die Stadt.",
        "Evakuierung beginnt.<br><br>Busse stehen am Bahnhof bereit.",
        "Die Schulen bleiben morgen geschlossen.",
        "Der Strom fällt aus.<br><br>Techniker sind unterwegs.",
    ]
    posts = "".join(
        f"<li class='c0'><span class='c1'>1{8 - n}:05 Uhr</span><div class='c2'>{body}</div>"
        "<div class='c3'><a href='https://twitter.com/intent/tweet?u=x'>X</a></div></li>"
        for n, body in enumerate(bodies)
    )
    updates = stream_of(
        page_of(f"<ul class='c4'>{posts}</ul>", lang="de"),
        "https://nachrichten.example.de/liveticker/x",
    )
    assert [u.headline for u in updates] == [None] * 6
    assert [u.body_text for u in updates] == [b.replace("<br><br>", "\n\n") for b in bodies]


def test_a_time_element_that_opens_the_heading_is_no_word_of_the_headline() -> None:
    """`<h2><time datetime="…">20:16</time> Bahn meldet…</h2>`: the `<time>` read for its
    `datetime` still opens the heading's text; the headline is what follows it."""
    posts = "".join(
        f"<div class='post'><h2><time datetime='2024-02-10T1{7 - n}:16:00Z'>1{8 - n}:16</time> "
        f"Bahn meldet Störung {n}</h2><p>Zwischen Köln und Bonn fallen Züge aus, teilt die "
        f"Bahn mit, Abschnitt {n}.</p></div>"
        for n in range(4)
    )
    updates = stream_of(
        page_of(f"<div class='feed'>{posts}</div>", lang="de"),
        "https://nachrichten.example.de/liveticker/x",
    )
    assert [u.headline for u in updates] == [f"Bahn meldet Störung {n}" for n in range(4)]
    assert [u.published_at for u in updates] == [f"2024-02-10T1{7 - n}:16:00Z" for n in range(4)]


def test_a_bold_lead_that_runs_on_into_its_sentence_is_no_title() -> None:
    """Denník N's minute-by-minute posts open in bold, the bold often half a sentence
    ("<strong>Three lorries collided on the D1,</strong> the road…"): the post's words, whole,
    where cutting the bold off as a title would leave two halves of one sentence."""
    leads = [
        ("Three lorries collided on the D1 near Trnava,", "the road towards the capital is shut."),
        ("Drones struck the refinery overnight,", "the regional governor says; nobody was hurt."),
        ("The court adjourned the tender trial", "until February, one defendant is in hospital."),
        ("Snow closed the mountain paths above the huts,", "the rescue service said today."),
        ("The council approved the budget for hospitals,", "money goes to pay drug suppliers."),
    ]
    posts = "".join(
        f"<article class='mnt-post' id='post-{n}'>"
        f"<time datetime='2025-11-20T{13 - n:02d}:40:00+01:00'>{13 - n}:40</time>"
        f"<p><strong>{bold}</strong> {rest}</p><p>More on this story as we hear it.</p>"
        "</article>"
        for n, (bold, rest) in enumerate(leads)
    )
    updates = live_updates(
        f"<div class='feed'>{posts}</div>", "Minúta po minúte", "2025-11-20T13:00Z"
    )
    assert [u.headline for u in updates] == [None] * 5
    assert [u.body_text.split("\n")[0] for u in updates] == [f"{b} {rest}" for b, rest in leads]
    # A credit or a byline after a bold title, in an italic or a link, carries no sentence on.
    for after in (
        "via Reuters",
        "by Jane Doe",
        "<i>via Reuters</i>",
        "<a href='/author/jane-doe'>by Jane Doe</a>",
        "<i>reporting by Reuters</i>",
        "<a href='https://t.co/x'>pic.twitter.com/abc</a>",
        "<em>updated</em>",
    ):
        credited = "".join(
            f"<article class='mnt-post' id='post-{n}'><time datetime='2025-11-20T{13 - n:02d}:40:"
            f"00+01:00'>{13 - n}:40</time><p><b>Title {n} of the night</b> {after}</p><p>What "
            f"post {n} reports, in a few more words.</p></article>"
            for n in range(5)
        )
        updates = live_updates(
            f"<div class='feed'>{credited}</div>", "Minúta po minúte", "2025-11-20T13:00Z"
        )
        assert [u.headline for u in updates] == [f"Title {n} of the night" for n in range(5)]
    # The sentence runs on in a link after the bold: the words are the post's all the same.
    linked = posts.replace("</strong> ", "</strong> <a href='/tema/x'>").replace(
        "<p>More on", "</a><p>More on"
    )
    updates = live_updates(
        f"<div class='feed'>{linked}</div>", "Minúta po minúte", "2025-11-20T13:00Z"
    )
    assert [u.headline for u in updates] == [None] * 5


def test_a_clock_a_heading_says_after_a_preposition_is_no_time_of_the_post() -> None:
    """India Today's card titles say "… by 3 pm", "… by 1 pm": what the title says, not when
    the post went up, nor cut from the title; a heading a clock opens, or one that says when
    the post went up ("Posted at 14:05"), is the post's time."""
    titles = [
        "Polling crosses 40 per cent in Phase 3 by 3 pm",
        "Turnout at 25.4 per cent by 1 pm",
        "Polls close at 6 pm in most of the 93 seats",
        "Queues outside booths before voting ends",
    ]
    posts = "".join(
        f"<div class='lb__card' id='card-{n}'><h2 class='lb__card__title'>{title}</h2><p>What "
        f"post {n} reports from the booths, in a few more words.</p></div>"
        for n, title in enumerate(titles)
    )
    updates = live_updates(
        f"<div class='lb'>{posts}</div>", "Election live updates", "2024-05-07T12:00:00Z"
    )
    assert [u.headline for u in updates] == titles
    assert [u.published_at for u in updates] == [None] * 4
    # A title that says "update" or "published" in its sentence keeps its words and no time.
    said = [
        "Turnout update: polling crosses 40 per cent by 3 pm",
        "Results will be published by 10 pm, says commission",
        "Traffic update: M1 to reopen at 6 pm",
        "Queues outside booths before voting ends",
    ]
    worded = posts
    for title, other in zip(titles, said, strict=True):
        worded = worded.replace(f">{title}<", f">{other}<")
    updates = live_updates(
        f"<div class='lb'>{worded}</div>", "Election live updates", "2024-05-07T12:00:00Z"
    )
    assert [u.headline for u in updates] == said
    assert [u.published_at for u in updates] == [None] * 4
    for stamp, lang in (
        ("Posted at 11:40", "en"),
        ("Last updated at 11:40", "en"),
        ("Dernière mise à jour à 11:40", "fr"),
        ("Aktualizacja o 11:40", "pl"),
        ("Ultimo aggiornamento alle 11:40", "it"),
    ):
        stamped = posts.replace(
            "<h2 class='lb__card__title'>Queues", f"<h2 class='lb__card__title'>{stamp}</h2><h3>Q"
        )
        updates = live_updates(
            f"<div class='lb'>{stamped}</div>", "Election live", "2024-05-07T12:00:00Z", lang=lang
        )
        assert updates[3].published_at is not None, stamp


def test_one_link_to_a_writers_page_may_name_two_writers() -> None:
    """India Today links its byline's two names as one ("Posted by : <a href='/author/…'>Sahil
    Sinha , Nitya Raman</a>"): two authors, not one of both names."""
    names = ["Sahil Sinha , Nitya Raman", "Sahil Sinha", "Nitya Raman", "Sahil Sinha"]
    posts = "".join(
        f"<div class='lb__card' id='card-{n}'><time datetime='2024-05-07T1{5 - n}:12:00+05:30'>"
        f"1{5 - n}:12 IST</time><h2>Update {n} from the booths</h2><p>What post {n} reports, in a "
        f"few more words.</p><div class='lb__card__author'>Posted by : <a href='/author/"
        f"writer-{n}'>{name}</a></div></div>"
        for n, name in enumerate(names)
    )
    updates = live_updates(
        f"<div class='lb'>{posts}</div>", "Election live updates", "2024-05-07T12:00:00Z"
    )
    assert [u.authors for u in updates] == [
        ["Sahil Sinha", "Nitya Raman"],
        ["Sahil Sinha"],
        ["Nitya Raman"],
        ["Sahil Sinha"],
    ]


def test_a_posts_row_of_topic_tags_is_no_word_of_it() -> None:
    """Denník N ends each post with its topics, links in `div.mnt-tags`: the post's words end
    before them."""
    posts = "".join(
        f"<div class='mnt-post' id='post-{n}'><time datetime='2025-11-20T1{4 - n}:05:00+01:00'>"
        f"1{4 - n}:05</time><div class='mnt-article'><p>What post {n} reports from Bratislava, "
        f"in a few more words.</p></div><div class='mnt-tags'><a href='/tema/doprava/'>Doprava"
        f"</a> <a href='/tema/bratislava/'>Bratislava</a></div></div>"
        for n in range(4)
    )
    updates = live_updates(
        f"<div class='feed'>{posts}</div>", "Minúta po minúte", "2025-11-20T14:00:00Z"
    )
    assert [u.body_text for u in updates] == [
        f"What post {n} reports from Bratislava, in a few more words." for n in range(4)
    ]
    # A box that has tags (a modifier) is no row of them; a `tags-list` is.
    for body, tags in (
        ("entry-content has-tags", "tags-list"),
        ("post with-topics", "topics"),
        ("entry-content", "post-taglist"),
        ("entry-content", "tagList"),
    ):
        boxed = posts.replace("class='mnt-article'", f"class='{body}'").replace("mnt-tags", tags)
        updates = live_updates(
            f"<div class='feed'>{boxed}</div>", "Minúta po minúte", "2025-11-20T14:00:00Z"
        )
        assert [u.body_text for u in updates] == [
            f"What post {n} reports from Bratislava, in a few more words." for n in range(4)
        ], body


def test_a_visual_box_with_its_description_and_credit_is_the_posts_picture() -> None:
    """La Presse sets a post's photo in `div.visual`, its caption in `p.description` and its
    credit in `p.credit` (as calibre's recipe reads it): the picture, its caption and credit,
    none of them words of the post."""
    visual = (
        "<div class='visual'><img src='https://img.example.ca/quai.jpg' alt='Quai'><p "
        "class='description'>Le quai de la station, vers 15 h 30.</p><p class='credit'>PHOTO "
        "OLIVIER JEAN, LA PRESSE</p></div>"
    )
    posts = "".join(
        f"<div class='entry' id='e{n}'><time datetime='2025-03-14T1{9 - n}:05:00-04:00'>1{9 - n} h "
        f"05</time><h2>Panne {n}</h2><p>Ce que rapporte la mise à jour {n}, en quelques mots de "
        f"plus.</p>{visual if n == 0 else ''}</div>"
        for n in range(4)
    )
    page = page_of(
        f"<div class='direct'>{posts}</div>", title="EN DIRECT | Panne de métro", lang="fr"
    )
    first = extract_page(page, "https://www.example.ca/actualites/en-direct/panne.php").updates[0]
    assert first.body_text == "Ce que rapporte la mise à jour 0, en quelques mots de plus."
    assert first.media == [
        {
            "type": "image",
            "url": "https://img.example.ca/quai.jpg",
            "caption": "Le quai de la station, vers 15 h 30.",
            "credit": "OLIVIER JEAN, LA PRESSE",
        }
    ]
    # A box of a post's words that calls itself visual, or holds a picture beside them, is no
    # picture's box: its words stay the post's.
    # A `div` around the picture inside the visual box is the picture's.
    wrapped = posts.replace(
        "<img src='https://img.example.ca/quai.jpg' alt='Quai'>",
        "<div class='visual__media'><img src='https://img.example.ca/quai.jpg' alt='Quai'></div>",
    )
    page = page_of(f"<div class='direct'>{wrapped}</div>", title="EN DIRECT | Panne", lang="fr")
    first = extract_page(page, "https://www.example.ca/actualites/en-direct/panne.php").updates[0]
    assert first.body_text == "Ce que rapporte la mise à jour 0, en quelques mots de plus."
    assert first.media[0]["caption"] == "Le quai de la station, vers 15 h 30."
    for box in ("post-visual-text-row", "entry-visual", "audiovisual", "visual"):
        wrapped = posts.replace(
            "<p>Ce que rapporte la mise à jour 0",
            f"<div class='{box}'><img src='https://img.example.ca/a.jpg' alt=''><p>Ce que "
            "rapporte la mise à jour 0",
        ).replace("de plus.</p>", "de plus.</p></div>", 1)
        page = page_of(f"<div class='direct'>{wrapped}</div>", title="EN DIRECT | Panne", lang="fr")
        first = extract_page(page, "https://www.example.ca/en-direct/panne.php").updates[0]
        assert first.body_text.startswith("Ce que rapporte la mise à jour 0"), box


def test_a_posts_share_links_that_pass_on_its_own_address_give_its_id() -> None:
    """Al Jazeera's cards carry no id, but their share links pass on each card's address, the
    page's with `?update=N` (plainly to Facebook, encoded in WhatsApp's message): N is the
    post's id, that address its permalink. A page number passed on names no post."""
    page_url = "https://www.example.com/news/liveblog/2024/5/1/floods-live"

    def cards(query: str) -> str:
        return "".join(
            f"<li class='card-live'><time datetime='2024-05-01T1{5 - n}:00:00Z'>1{5 - n}:00</time>"
            f"<h2>Update {n} from the floods</h2><p>What update {n} reports from the river, in a "
            f"few more words.</p><ul class='share'><li><a href='https://www.facebook.com/sharer."
            f"php?u={page_url}?{query}={28710 + n}'>f</a></li><li><a href='https://api.whatsapp."
            f"com/send?text=https%3A%2F%2Fwww.example.com%2Fnews%2Fliveblog%2F2024%2F5%2F1%2F"
            f"floods-live%3F{query}%3D{28710 + n}'>w</a></li></ul></li>"
            for n in range(3)
        )

    main = f"<ul class='liveblog-posts'>{cards('update')}</ul>"
    updates = live_updates(main, "Floods live", "2024-05-01T16:00:00Z", url=page_url)
    assert [u.source_id for u in updates] == ["28710", "28711", "28712"]
    assert updates[0].permalink == f"{page_url}?update=28710"
    main = f"<ul class='liveblog-posts'>{cards('page')}</ul>"
    updates = live_updates(main, "Floods live", "2024-05-01T16:00:00Z", url=page_url)
    assert [u.source_id for u in updates] == [None, None, None]


@pytest.mark.parametrize(
    ("stamp", "ids"),
    [
        ("<a href='/liveblog_entry/{slug}/'><span>{clock}</span></a>", ["rally-2", "rally-1"]),
        ("<a href='/liveblog_entry/12345{n}/'>{clock}</a>", ["123452", "123451"]),
        # A link that holds more than the time is a story's, not the post's own page.
        ("<a href='/liveblog_entry/{slug}/'>{clock} · Rally {n}</a>", [None, None]),
        # One page for every post is no post's own.
        ("<a href='/liveblog_entry/all/'>{clock}</a>", [None, None]),
        # A slug that ends in a year or a count: the slug, not the number.
        ("<a href='/liveblog_entry/{slug}-held-in-2024/'>{clock}</a>",
         ["rally-2-held-in-2024", "rally-1-held-in-2024"]),
    ],
)  # fmt: skip
def test_a_posts_time_that_links_to_its_own_page_gives_its_id(
    stamp: str, ids: list[str | None]
) -> None:
    """The Times of Israel links each entry's clock to the entry's own page: where no markup
    names the posts, that page's number, else its last step, is each post's id, and its address
    the post's permalink."""
    posts = "".join(
        f"<div class='entry'><div class='date'>{stamp.format(slug=f'rally-{n}', clock=c, n=n)}"
        f"</div><h4>Rally number {n} in the square</h4><p>What rally {n} wants, in a few more "
        "words than that.</p></div>"
        for n, c in ((2, "11:42 pm"), (1, "11:05 pm"))
    )
    page_url = "https://www.example.com/liveblog-2024-03-05/"
    updates = live_updates(
        f"<div class='liveblog'>{posts}</div>", "Live updates", "2024-03-05T23:50:00Z", url=page_url
    )
    assert [u.source_id for u in updates] == ids
    expected = "https://www.example.com/liveblog_entry/rally-2/" if ids[0] == "rally-2" else None
    assert expected is None or updates[0].permalink == expected


def test_a_time_link_two_posts_share_names_neither_and_the_others_keep_theirs() -> None:
    """Two entries that sum up one story link their clocks to it: that page names neither of
    them, and the other posts keep their ids, so that one such pair does not change every
    post's identity from one fetch to the next."""
    pages = [
        "/news/bridge-shut-110327441",
        "/news/ferry-back-110325980",
        "/news/ferry-back-110325980",
    ]
    posts = "".join(
        f"<div class='entry'><div class='date'><a href='{page}'>{clock}</a></div><h4>Entry {n} "
        f"of the day</h4><p>What entry {n} sums up, in a few more words than that.</p></div>"
        for n, (page, clock) in enumerate(
            zip(pages, ["11:42 pm", "11:05 pm", "10:31 pm"], strict=True)
        )
    )
    updates = live_updates(
        f"<div class='liveblog'>{posts}</div>",
        "Live updates",
        "2024-03-05T23:50:00Z",
        url="https://www.example.com/liveblog-2024-03-05/",
    )
    assert [u.source_id for u in updates] == ["110327441", None, None]
    # A new post on top whose time links nowhere, or to no address at all, names no post,
    # and the others keep theirs.
    for stamp in ("11:50 pm", "<a href='https://[www.example.com/news/x-1234567'>11:50 pm</a>"):
        top = (
            f"<div class='entry'><div class='date'>{stamp}</div><h4>Entry on top of the day</h4>"
            "<p>What the newest entry sums up, in a few more words than that.</p></div>"
        )
        updates = live_updates(
            f"<div class='liveblog'>{top}{posts}</div>",
            "Live updates",
            "2024-03-05T23:55:00Z",
            url="https://www.example.com/liveblog-2024-03-05/",
        )
        assert [u.source_id for u in updates] == [None, "110327441", None, None], stamp


def test_a_title_box_before_how_long_ago_in_lower_case_is_a_title() -> None:
    """A title in a box of its own (a hashed `div`), how long ago after it in a `span` ("il y a
    24 minutes"): a block ends its line, so what follows in lower case does not run it on."""
    posts = "".join(
        f"<div class='x9001c' id='post-{n}'><div class='c765a5'>Titre numéro {n} de la soirée"
        f"</div><span class='ts'>il y a {10 * n + 5} minutes</span><div class='txt'>Ce que dit "
        f"la mise à jour {n}, en quelques mots.<br><br>Et une autre phrase {n} pour finir.</div>"
        "</div>"
        for n in range(5)
    )
    updates = live_updates(
        f"<section class='live-stream'>{posts}</section>",
        "Direct. La soirée",
        "2024-01-19T00:40Z",
        lang="fr",
    )
    assert [u.headline for u in updates] == [f"Titre numéro {n} de la soirée" for n in range(5)]
    # Nor in a `span` or a `strong` of its own: no paragraph's sentence runs on from it.
    for tag in ("span", "strong"):
        boxed = posts.replace("<div class='c765a5'>", f"<{tag} class='c765a5'>").replace(
            "</div><span class='ts'>", f"</{tag}><span class='ts'>"
        )
        updates = live_updates(
            f"<section class='live-stream'>{boxed}</section>",
            "Direct. La soirée",
            "2024-01-19T00:40Z",
            lang="fr",
        )
        assert [u.headline for u in updates] == [
            f"Titre numéro {n} de la soirée" for n in range(5)
        ], tag


def test_a_stream_inside_a_wordpress_post_filed_under_tags_is_read() -> None:
    """The "Live Blogging" plugin (cnorthwood/liveblogging) prints its entries inside the
    single post, `div#liveblog-entry-N` without a class, each opening with its clock in bold
    ("<p><strong>23.41</strong></p>"); WordPress's post_class names the post's tags on the
    article around them ("tag-elections"): where the post is filed, no box of tags."""
    clocks = ["23.41", "23.17", "22.48", "22.05"]
    entries = "".join(
        f"<div id='liveblog-entry-55{30 - n}'><p><strong>{clock}</strong></p><p>What entry {n} "
        f"says from the count, in a few more words.</p></div>"
        for n, clock in enumerate(clocks)
    )
    main = (
        "<article id='post-5505' class='post-5505 post type-post status-publish hentry "
        "category-news tag-elections'><h1 class='entry-title'>LIVE: Results night</h1><div "
        f"class='entry-content'><p>Follow the count.</p><div id='liveblog-5505'>{entries}</div>"
        "</div></article>"
    )
    updates = live_updates(
        main, "LIVE: Results night", "2024-05-09T22:50:00Z", "2024-05-09T17:55:00+00:00", "en-GB"
    )
    assert [u.published_at for u in updates] == [
        f"2024-05-09T{int(c[:2]) - 1:02d}:{c[3:]}:00Z" for c in clocks
    ]
    assert [u.source_id for u in updates] == [f"liveblog-entry-55{30 - n}" for n in range(4)]


@pytest.mark.parametrize(
    "named",
    [
        "post tag-departures",
        "entry category-strike tag-trains",
        "update tag-delays",
        "live-post tag-departures category-news",
        "article-item tag-ferries",
        "hentry tag-ferries",
        "update_item tag-delays",
        "post3 tag-departures",
    ],
)
def test_posts_filed_under_tags_are_posts(named: str) -> None:
    """A custom WordPress theme prints post_class's `tag-X` and `category-X` beside a post's own
    name, without `hentry` or `type-post` (`div.post.tag-departures`): where the post is filed,
    no box of tags."""
    posts = "".join(
        f"<div class='{named}' id='u{n}'><time datetime='2024-02-10T1{n}:05:00Z'>1{n}:05</time>"
        f"<h2>Update {n}</h2><p>What update {n} says about the trains, in a few more words.</p>"
        "</div>"
        for n in (6, 5, 4, 3)
    )
    updates = stream_of(page_of(f"<div class='feed-wrap'>{posts}</div>"), "https://n.example/live")
    assert [u.source_id for u in updates] == ["u6", "u5", "u4", "u3"]


@pytest.mark.parametrize("named", ["tags", "tag-list", "post-tags", "entry-tags tag-list"])
def test_a_box_of_tags_is_no_post(named: str) -> None:
    """A box of tags, each a link with a clock-like label, stays a box of tags."""
    tags = "".join(
        f"<li class='{named}' id='t{n}'><a href='/tag/{n}'>1{n}:05 Tag {n}</a></li>"
        for n in (6, 5, 4, 3)
    )
    updates = stream_of(page_of(f"<ul class='tag-cloud'>{tags}</ul>"), "https://n.example/live")
    assert [u.source_id for u in updates] == []


@pytest.mark.parametrize(
    "named",
    [
        "post type-post status-publish hentry category-news tag-trains",
        "post category-news tag-trains",
        "entry tag-trains",
    ],
)
def test_an_archives_teasers_filed_under_tags_are_no_posts(named: str) -> None:
    """A WordPress archive (a category's, a tag's) lists its stories as post_class's boxes, each
    titled by a link to its own page: the loop's teasers, no posts, however live its title and
    however its teasers are timed."""
    teasers = "".join(
        f"<article class='{named}' id='post-{n}'><h2 class='entry-title'><a href='/2024/03/"
        f"story-{n}/'>Story {n} about the trains and the strike</a></h2><div class='entry-meta'>"
        f"<time datetime='2024-02-10T{n + 7:02d}:00:00Z'>{n + 7:02d}:00</time></div><div "
        f"class='entry-summary'><p>A short summary of story {n}, a sentence or two long.</p>"
        "</div></article>"
        for n in range(1, 11)
    )
    body = page_of(f"<h1>Live</h1>{teasers}", title="Live – News")
    assert stream_of(body, "https://n.example/category/live/") == []


def test_a_stream_inside_a_drupal_node_promoted_to_the_front_page_is_read() -> None:
    """Drupal marks an article promoted to the front page `node--promoted` (its default for
    articles): a state of the node around the stream, no promotion box."""
    posts = "".join(
        f"<div class='paragraph paragraph--type--text' data-paragraph-id='30{n}'><div "
        f"class='field__item'><h3>{clock} p.m. — Update {n} on the advisory</h3><p>What update "
        f"{n} says about the water, in a few more words.</p></div></div>"
        for n, clock in enumerate(("3:25", "1:40", "11:05"))
    )
    main = (
        "<article class='node node--type-article node--promoted node--view-mode-full'><h1>Live "
        f"updates: boil-water advisory</h1><div class='node__content'>{posts}</div></article>"
    )
    updates = live_updates(
        main, "Live updates: boil-water advisory", "2024-05-06T20:00:00Z",
        "2024-05-06T12:00:00-04:00", "en-US",
    )  # fmt: skip
    assert [u.source_id for u in updates] == ["300", "301", "302"]
    assert [u.headline for u in updates] == [f"Update {n} on the advisory" for n in range(3)]
    # Only Drupal's node state: a sidebar that stays in view (`sidebar--sticky`) is a sidebar.
    cards = "".join(
        f"<div class='card'><span class='time'>1{4 - n}:10</span><h3><a href='/news/story-{n}'>"
        f"Other story number {n} about something else</a></h3><p>A short standfirst for other "
        f"story {n}, a different article.</p></div>"
        for n in range(5)
    )
    main = (
        "<article><h1>Live: Storm</h1><p>Our live coverage will begin shortly.</p></article>"
        f"<div class='sidebar--sticky'><h2>Latest news</h2>{cards}</div>"
    )
    assert live_updates(main, "Live: Storm", "2024-05-01T15:00:00Z") == []


@pytest.mark.parametrize(
    "line",
    [
        "<h2 class='wp-block-heading'>Update, {clock}:</h2>",
        "<p><strong>UPDATE, {clock}:</strong></p>",
    ],
)
def test_a_ticker_line_that_opens_update_comma_and_a_clock_opens_an_entry(line: str) -> None:
    """Small WordPress newsrooms write "Update, 4:40 p.m. ET:" above each update, or in bold on
    a line of its own: each opens an entry, however the word before the clock is punctuated."""
    clocks = ["4:40 p.m. ET", "3:15 p.m. ET", "2:05 p.m. ET"]
    lines = "".join(
        line.format(clock=clock)
        + f"<p>What update {n} says about the fire, in a few more words.</p>"
        for n, clock in enumerate(clocks)
    )
    main = f"<article class='post'><div class='entry-content'>{lines}</div></article>"
    updates = live_updates(
        main, "LIVE: Brush fire", "2024-05-06T21:00:00Z", "2024-05-06T12:00:00-04:00", "en-US"
    )
    assert [u.published_at for u in updates] == [
        "2024-05-06T20:40:00Z", "2024-05-06T19:15:00Z", "2024-05-06T18:05:00Z"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "line",
    [
        "<h3>Update ({clock})</h3>",
        "<h4>UPDATED ({clock})</h4>",
        "<p><strong>Update ({clock}):</strong></p>",
        "<p><strong>Update [{clock}]</strong> ",
        "<h3>{clock} update</h3>",
        "<h3>{clock} Update:</h3>",
    ],
)
def test_a_ticker_line_that_opens_update_and_a_clock_in_brackets_opens_an_entry(line: str) -> None:
    """A story updated live, as US newsrooms and Medium's writers mark it, with each update
    under "Update (4:40 p.m.)", a clock in brackets after the word: each opens an entry whose
    words follow, the brackets none of them; the story's own start above stays out. A heading
    of the clock and the word after it ("4:40 p.m. update") titles none."""
    clocks = ["4:40 p.m.", "3:15 p.m.", "2:05 p.m."]
    lines = "".join(
        line.format(clock=clock)
        + ("" if line.endswith(" ") else "<p>")
        + f"What update {n} says about the fire, in a few more words.</p>"
        for n, clock in enumerate(clocks)
    )
    main = (
        "<article class='post'><div class='entry-content'><p>A brush fire broke out this "
        f"morning near the highway, officials said.</p>{lines}</div></article>"
    )
    updates = live_updates(
        main, "LIVE: Brush fire", "2024-05-06T21:00:00Z", "2024-05-06T12:00:00-04:00", "en-US"
    )
    assert [u.published_at for u in updates] == [
        "2024-05-06T20:40:00Z", "2024-05-06T19:15:00Z", "2024-05-06T18:05:00Z"
    ]  # fmt: skip
    assert [u.headline for u in updates] == [None, None, None]
    assert [u.body_text for u in updates] == [
        f"What update {n} says about the fire, in a few more words." for n in range(3)
    ]


def test_a_heading_that_names_the_ticker_is_no_entrys_title() -> None:
    """ "<h2>Latest updates</h2>" above a flat ticker of bold clocks: the ticker's heading, not
    the title of its newest entry."""
    entries = "".join(
        f"<p><strong>{clock}</strong> What update {n} says about the festival, in a few more "
        "words.</p>"
        for n, clock in enumerate(("16:20", "15:05", "14:10"))
    )
    main = f"<div class='entry-content'><h2>Latest updates</h2>{entries}</div>"
    updates = live_updates(
        main, "LIVE: Festival evacuated", "2024-05-06T16:00:00Z", "2024-05-06T09:00:00+01:00",
        "en-GB",
    )  # fmt: skip
    assert [u.headline for u in updates] == [None, None, None]
    assert len(updates) == 3
    # A post further down titled "Key updates" keeps its title, and its own words.
    titled = (
        "<h3>Trains cancelled</h3><p>11:40</p><p>What the first post says, in a few words.</p>"
        "<h3>Key updates</h3><p>10:55</p><p>What the second post says, in a few words.</p>"
        "<h3>Power cut</h3><p>10:10</p><p>What the third post says, in a few words.</p>"
    )
    updates = live_updates(
        f"<div class='entry-content'>{titled}</div>", "LIVE: Storm", "2024-05-01T12:00:00Z",
        "2024-05-01T08:00:00+00:00", "en-GB",
    )  # fmt: skip
    assert [u.headline for u in updates] == ["Trains cancelled", "Key updates", "Power cut"]
    assert updates[0].body_text == "What the first post says, in a few words."


def test_a_malay_blogs_clocks_with_the_part_of_the_day_place_its_posts() -> None:
    """A Malay live blog (ms-MY, as Berita Harian's, Harian Metro's and Kosmo's print theirs),
    newest first, each post a title under a clock on 12 hours and its part of the day ("8.15
    malam", "4.05 petang", "10.30 pagi"): its posts at those times in Kuala Lumpur; a number
    in a post's words ("4.05 peratus") is no time."""
    stamps = ["8.15 malam", "4.05 petang", "10.30 pagi"]
    rows = "".join(
        f"<div class='post'><span class='time'>{stamp}</span><h2>Kemas kini banjir {n}</h2>"
        f"<p>Laporan nomor {n} tentang banjir di Kelantan, harga naik 4.05 peratus.</p></div>"
        for n, stamp in enumerate(stamps)
    )
    page = page_of(
        f"<div class='liveblog'>{rows}</div>", "LANGSUNG: Banjir di Kelantan", "ms-MY",
        "2024-05-01T08:00:00+08:00",
    )  # fmt: skip
    url = "https://www.bharian.com.my/berita/nasional/2024/05/1234567/langsung-banjir"
    updates = extract_page(page, url, fetched_at="2024-05-01T13:00:00Z").updates
    assert [u.published_at for u in updates] == [
        "2024-05-01T12:15:00Z",
        "2024-05-01T08:05:00Z",
        "2024-05-01T02:30:00Z",
    ]
    assert all("4.05 peratus" in u.body_text for u in updates)


@pytest.mark.parametrize(
    ("stamp", "lang", "offset"),
    [
        ("{clock} WIB", "id", 7),  # Detik's western Indonesian time
        ("Pukul {clock} WIB", "id", 7),
        ("{clock} WITA", "id", 8),  # central: Bali, Makassar
        ("{clock} WIT", "en", 9),  # eastern: Papua, on a page in English
    ],
)
@pytest.mark.parametrize("dated", [True, False], ids=["dated", "undated"])
def test_indonesian_zones_after_a_dotted_clock_place_a_flat_tickers_entries(
    stamp: str, lang: str, offset: int, dated: bool
) -> None:
    """Entries opened by a bold line of a dotted clock and Indonesia's zone ("16.40 WIB"),
    some with a heading under it: the clocks are in that zone, the zone's name is no
    headline. On a page that gives no day they are the fetch's day's, in that zone too."""
    entries = [(16, 40, "Penghitungan suara dimulai"), (15, 55, None), (15, 10, None)]
    body = "".join(
        f"<p><strong>{stamp.format(clock=f'{h}.{m:02d}')}</strong></p>"
        + (f"<h2>{title}</h2>" if title else "")
        + f"<p>Laporan nomor {h}{m} dari tempat pemungutan suara di Jakarta Timur.</p>"
        for h, m, title in entries
    )
    page = page_of(
        f"<div class='detail__body-text'>{body}</div>",
        title="Live Update Pemilu 2024",
        lang=lang,
        published="2024-02-14T07:00:00+07:00",
    )
    if not dated:  # fetched at 17.00 in Jakarta, 18.00 in Bali, 19.00 in Papua
        page = re.sub(rb"<meta property='article:published_time'[^>]*>", b"", page)
        root = parse(page)
        assert root is not None
        clock = replace(clock_of(root, LIVE_URL, "2024-02-14T10:00:00Z"), day=None)
        updates = generic.extract(prepare(root), LIVE_URL, clock).updates
        assert [u.published_at for u in updates] == [
            f"2024-02-14T{h - offset:02d}:{m:02d}:00Z" for h, m, _ in entries
        ]
        return
    updates = stream_of(page, "https://news.detik.com/berita/d-7321456/live-update-pemilu")
    assert [u.published_at for u in updates] == [
        f"2024-02-14T{h - offset:02d}:{m:02d}:00Z" for h, m, _ in entries
    ]
    assert [u.headline for u in updates] == [title for _, _, title in entries]


@pytest.mark.parametrize(
    "byline",
    [
        '<span data-testid="byline"><a href="/by/{slug}" rel="author">{name}</a></span>',
        '<span class="byline">{name}</span>',
    ],
)
def test_a_heading_that_holds_only_the_byline_is_no_headline(byline: str) -> None:
    """Nine's live blogs (the Sydney Morning Herald's, The Age's) set each post's byline in an
    `<h5>` beside its time, above the post's own `<h3>`: the author, not the post's title."""
    authors = [("olivia-hartmann", "Olivia Hartmann"), ("marcus-delaney", "Marcus Delaney")]
    posts = "".join(
        f'<div data-testid="live-blog-post" id="p5lm{n}"><div class="_1Q7xo">'
        f'<time datetime="2025-03-26T0{n}:48:00.000Z">{n}.48pm</time><h5 class="_2n2-s">'
        + byline.format(slug=authors[n % 2][0], name=authors[n % 2][1])
        + "</h5></div>"
        + (f"<h3>Budget news number {n}</h3>" if n != 2 else "")
        + f'<div class="_1665V"><p>What the budget says on its page number {n}, told in full '
        "sentences.</p></div></div>"
        for n in (3, 2, 1)
    )
    updates = live_updates(
        f'<section data-testid="live-blog-posts">{posts}</section>',
        "Federal budget 2025 live updates",
        "2025-03-26T04:00:00Z",
        published="2025-03-26T00:00:00+11:00",
    )
    assert [u.headline for u in updates] == ["Budget news number 3", None, "Budget news number 1"]
    assert [u.authors for u in updates] == [
        ["Marcus Delaney"],
        ["Olivia Hartmann"],
        ["Marcus Delaney"],
    ]
    assert all(u.body_text.startswith("What the budget says") for u in updates)


def _arabic_stream(clocks: list[str], fetched: str) -> list[Update]:
    """An Arabic live page (in Jerusalem's summer time, as its publication time says) whose
    posts print these clocks, read at `fetched`."""
    posts = "".join(
        f"<div class='post'><span class='time'>{c}</span><h3>عنوان الخبر رقم {n}</h3><p>نص "
        f"الخبر رقم {n} في جملة طويلة بما يكفي لتكون منشورا.</p></div>"
        for n, c in enumerate(clocks)
    )
    return live_updates(
        f"<div class='live'>{posts}</div>",
        "مباشر: تطورات الأوضاع في غزة",
        fetched,
        published="2024-05-14T06:00:00+03:00",
        lang="ar",
    )


def test_clocks_in_arabic_indic_digits_date_a_streams_posts() -> None:
    """An Arabic live page that prints its clocks in Arabic-Indic digits ("١٢:٤٥"): read as
    the clocks they are, on the page's day, in its zone."""
    updates = _arabic_stream(["١٢:٤٥", "١١:٣٠", "١٠:١٥", "٠٩:٠٥"], "2024-05-14T10:00:00Z")
    assert [u.published_at for u in updates] == [
        "2024-05-14T09:45:00Z", "2024-05-14T08:30:00Z", "2024-05-14T07:15:00Z",
        "2024-05-14T06:05:00Z",
    ]  # fmt: skip
    assert [u.headline for u in updates] == [f"عنوان الخبر رقم {n}" for n in range(4)]


@pytest.mark.parametrize("order", [1, -1], ids=["newest-first", "oldest-first"])
def test_a_clock_that_names_the_pages_zone_in_winter_is_the_pages_clock_all_year(
    order: int,
) -> None:
    """US pages print "EST" all year: in May, "9:30 a.m. EST" on a New York page is the 9:30
    its readers saw (13:30 UTC), not 10:30 in their summer time, a day back or still to come."""
    clocks = ["9:30", "9:20", "9:10", "9:00"][::order]
    posts = "".join(
        f"<div class='entry'><span class='time'>{c} a.m. EST</span><h3>Update number {n} from "
        "the count</h3><p>Officials said counting was progressing and more results would "
        "follow soon.</p></div>"
        for n, c in enumerate(clocks)
    )
    updates = live_updates(
        f"<div class='feed'>{posts}</div>",
        "Primary results live: updates",
        "2024-05-14T13:40:00Z",
        published="2024-05-14T08:00:00-04:00",
        lang="en-US",
        url="https://www.example.com/2024/05/14/live-primary",
    )
    assert [u.published_at for u in updates] == [f"2024-05-14T13:{c[2:]}:00Z" for c in clocks]


@pytest.mark.parametrize(
    ("stamp", "lang", "url", "published", "fetched", "first"),
    [
        # A Chicago page in January whose clocks are Eastern: 7:30 p.m. ET is 00:30 UTC.
        (
            "{c} p.m. ET",
            "en-US",
            "https://www.example.com/2024/01/16/live-iowa-caucus",
            "2024-01-16T18:00:00-06:00",
            "2024-01-17T02:00:00Z",
            "2024-01-17T00:30:00Z",
        ),
        # A German page in May whose clocks are British: 16:30 BST is 15:30 UTC.
        (
            "{c} BST",
            "de",
            "https://www.example.de/sport/live-premier-league-ticker",
            "2024-05-14T12:00:00+02:00",
            "2024-05-14T16:00:00Z",
            "2024-05-14T15:30:00Z",
        ),
    ],
)
def test_a_clock_that_names_another_regions_zone_is_in_that_zone(
    stamp: str, lang: str, url: str, published: str, fetched: str, first: str
) -> None:
    """Another region's zone whose offset happens to be the page zone's in the other season
    (Eastern winter time is Chicago's summer offset) is still that region's."""
    clocks = ["7:30", "7:20", "7:10"] if "p.m." in stamp else ["16:30", "16:20", "16:10"]
    posts = "".join(
        f"<div class='entry'><span class='time'>{stamp.format(c=c)}</span><h3>Update number "
        f"{n} from the count</h3><p>Officials said counting was progressing and more results "
        "would follow soon.</p></div>"
        for n, c in enumerate(clocks)
    )
    updates = live_updates(
        f"<div class='feed'>{posts}</div>", "Results live", fetched, published, lang, url
    )
    assert updates[0].published_at == first


def test_one_digit_clocks_in_arabic_indic_digits_are_read_as_one_digit_clocks() -> None:
    """An Arabic page's morning clocks in Arabic-Indic digits ("٩:٥٠") beside its afternoon
    ones ("١٤:٣٠"), in boxes of one shape: clocks, as "9:50" beside "14:30" is."""
    clocks = ["١٤:٣٠", "١٢:٤٥", "١١:٣٠", "١٠:١٥", "٩:٥٠", "٩:٠٣"]
    updates = _arabic_stream(clocks, "2024-05-14T12:00:00Z")
    assert [u.published_at for u in updates][-2:] == [
        "2024-05-14T06:50:00Z",
        "2024-05-14T06:03:00Z",
    ]


# --- El Comercio (Peru): a layout named sidebar, "a.m." in Spanish, a pin's badge ---------------


def el_comercio(wrapper: str = "st-sidebar__main", pin: str = "fijado") -> bytes:
    """Posts as El Comercio's Arc pages set them (arcelcomercio/arc, its story layout): the
    story inside `div.st-sidebar__container > div[role=main].st-sidebar__main`, each post a
    `div.live-event2-comment` opening with its clock, the pinned one with a `div.fijado` icon."""
    posts = "".join(
        f'<div class="live-event2-comment">{badge}<div class="more-compartir"></div>'
        f"<p><strong>{clock}</strong></p>{title}<p>{text}</p></div>"
        for badge, clock, title, text in (
            (f'<div class="{pin}"><svg></svg></div>', "8:00 a.m.", "<h3>Lo que debes saber</h3>",
             "Sedapal programó la suspensión del servicio en once distritos de Lima."),
            ("", "1:05 p.m.", "<h3>Nuevos puntos de abastecimiento</h3>",
             "La empresa sumó doce cisternas adicionales en San Juan de Lurigancho."),
            ("", "11:35 a.m.", "", "Sedapal recordó que el agua de las cisternas es apta."),
            ("", "9:15 a.m.", "", "Se inició el corte en los distritos de Lima Este."),
        )
    )  # fmt: skip
    return (
        "<html lang='es'><head><title>Corte de agua en Lima EN VIVO</title>"
        "<meta property='article:published_time' content='2024-06-20T08:00:12-05:00'></head>"
        '<body><div class="st-sidebar__container"><header><h1>Corte de agua EN VIVO</h1>'
        f'</header><div role="main" class="{wrapper}"><div class="story-contents">{posts}'
        '</div></div><aside class="st-sidebar__side"><div class="related">'
        "<article><h4>Otra noticia</h4><time datetime='2024-06-19T18:30:00-05:00'>19/06</time>"
        "</article></div></aside></div></body></html>"
    ).encode()


PERU = "https://elcomercio.pe/lima/corte-de-agua-en-lima-en-vivo-noticia/"


def test_a_layout_named_sidebar_around_the_main_region_holds_the_stream() -> None:
    page = extract_page(el_comercio(), PERU, fetched_at="2024-06-20T20:00:00Z")
    assert [u.published_at for u in page.updates] == [
        "2024-06-20T13:00:00Z",
        "2024-06-20T18:05:00Z",
        "2024-06-20T16:35:00Z",
        "2024-06-20T14:15:00Z",
    ]
    assert [u.headline for u in page.updates] == [
        "Lo que debes saber",
        "Nuevos puntos de abastecimiento",
        None,
        None,
    ]
    assert not any("a.m." in u.body_text for u in page.updates)


def test_a_pins_badge_flags_its_post_alone() -> None:
    page = extract_page(el_comercio(), PERU, fetched_at="2024-06-20T20:00:00Z")
    assert [u.pinned for u in page.updates] == [True, False, False, False]
    # A share bar's Pinterest button is no badge, nor a "not pinned" one.
    for pin in ("share-pin", "status not-pinned"):
        shared = extract_page(el_comercio(pin=pin), PERU, fetched_at="2024-06-20T20:00:00Z")
        assert not any(u.pinned for u in shared.updates)


def test_a_badge_most_posts_have_is_the_templates_and_flags_none() -> None:
    """The template's hidden badge, in two posts of three and in all of two: no pin."""
    badge = '<div class="post-pinned" hidden><svg></svg></div>'
    for count, badged in ((3, 2), (2, 2)):
        posts = "".join(
            f"<article id='entry-{n}0001'>{badge if n <= badged else ''}<time datetime="
            f"'2024-07-10T1{n}:00:00Z'>1{n}:00</time><h2>Set {n} goes to a tie-break</h2>"
            f"<p>What happened on Centre Court in set {n}, in a sentence.</p></article>"
            for n in range(count, 0, -1)
        )
        found = extract_page(page_of(posts, "Live: Wimbledon day nine"), LIVE_URL)
        assert len(found.updates) == count and not any(u.pinned for u in found.updates)


@pytest.mark.parametrize(
    ("lang", "stamps", "title"),
    [
        ("sv", ("för 5 minuter sedan", "för 2 timmar sedan", "i går 21:40"), "Stormen"),
        ("nb", ("for 5 minutter siden", "for 2 timer siden", "i går kl. 21.40"), "Uværet"),
        ("da", ("5 minutter siden", "for 2 timer siden", "i går kl. 21.40"), "Stormen"),
        ("fi", ("5 minuuttia sitten", "2 tuntia sitten", "eilen klo 21.40"), "Myrsky"),
    ],
)
def test_a_nordic_stream_says_how_long_ago_and_an_article_that_does_is_no_blog(
    lang: str, stamps: tuple[str, str, str], title: str
) -> None:
    """How long ago and yesterday in Swedish, Norwegian, Danish and Finnish date a live
    page's posts; an article whose readers' comments say it is still no live blog."""
    posts = "".join(
        f"<article class='entry' id='entry-{300 + n}'><div class='entry__meta'><span "
        f"class='entry__time'>{stamp}</span></div><h2 class='entry__title'>{title} {n}</h2>"
        f"<div class='entry__body'><p>{title} {n}: {'vesi nousee ' * 6}</p></div></article>"
        for n, stamp in enumerate(stamps)
    )
    live = page_of(f"<div class='live-feed'>{posts}</div>", f"LIVE: {title}", lang)
    found = extract_page(live, LIVE_URL, fetched_at="2024-05-01T12:00:00Z").updates
    zone = 3 if lang == "fi" else 2
    assert [u.published_at for u in found] == [
        "2024-05-01T11:55:00Z",
        "2024-05-01T10:00:00Z",
        f"2024-04-30T{21 - zone}:40:00Z",
    ]
    comments = "".join(
        f"<div class='comment'><span class='who'>{who}</span> <span class='when'>{stamp}</span>"
        f"<p>{who} {'tycker att hamnen ' * 4}</p></div>"
        for who, stamp in zip(("Anna", "Per", "Lena"), stamps, strict=True)
    )
    article = page_of(
        f"<article><h1>{title}</h1><p>{'Hamnen byggdes om. ' * 10}</p><div class='comments'>"
        f"{comments}</div></article>",
        f"{title} | Exempelposten",
        lang,
    )
    url = "https://www.exempelposten.example/nyheter/hamnen-byggdes-om"
    assert extract_page(article, url, fetched_at="2024-05-01T12:00:00Z").updates == []


def zeit_sticky_on_top(copy: bool = False) -> bytes:
    """A German page whose Live Blog, in the default theme Zeit Online's fork bundles
    (ZeitOnline/liveblog-default-theme's template-timeline.html and template-post.html), sets
    its sticky post's position on top: `article.lb-sticky-top-post` in a list of its own
    above the timeline, without the header (time, author) every other post has, its words in
    `div.lb-item__sticky-wrapper`; with `copy`, the post in its place too."""

    def post(ident: str, clock: str, words: str) -> str:
        stamp = f"2025-02-23T{int(clock[:2]) - 1:02d}:{clock[3:]}:12+00:00"
        return (
            "<article class='lb-post list-group-item show-author-avatar default' data-post-id="
            f"'urn:newsml:localhost:{stamp[:19]}.0:{ident}' data-post-sticky='False'><div "
            "class='lb-post-header'><div class='lb-type lb-type--default'></div><div class="
            "'lb-post-metadata'><span class='lb-post-metadata__time'><span class='relativeDate' "
            f"data-js-timestamp='{stamp}' data-js-format='LT'>{clock}</span> <span>Uhr</span>"
            "</span><span class='lb-post-metadata__date relativeDate' data-js-timestamp="
            f"'{stamp}' data-js-format='LL'>23. Februar 2025</span></div><div class='lb-author'>"
            "<span class='lb-author__name'>Jana Roth</span></div></div><div class="
            f"'lb-items-container'><div class='lb-item text'><article><p>{words}</p></article>"
            "</div></div></article>"
        )

    pinned_words = (
        "<strong>Das Wichtigste in Kürze:</strong> Die Union liegt nach den Hochrechnungen "
        "klar vorn, die SPD verliert deutlich."
    )
    sticky = (
        "<article class='lb-sticky-top-post list-group-item default' data-post-id='urn:newsml:"
        "localhost:2025-02-23T18:01:12.0:z000' data-post-sticky='True'><div class="
        f"'lb-item__sticky-wrapper'><div class='lb-item text'><article><p>{pinned_words}</p>"
        "</article></div></div></article>"
    )
    posts = [
        ("z004", "21:31", "Der Kanzlerkandidat spricht vor Anhängern von einem klaren Auftrag."),
        (
            "z003",
            "20:48",
            "Die Wahlbeteiligung liegt nach Angaben der Wahlleiterin bei 83 Prozent.",
        ),
        (
            "z002",
            "20:05",
            "Zwei Parteien liegen in der neuen Hochrechnung knapp unter fünf Prozent.",
        ),
        ("z001", "18:00", "Nach der ersten Prognose kommt die Union auf knapp 29 Prozent."),
    ]
    normal = [post(*p) for p in posts]
    if copy:
        normal.insert(3, post("z000", "19:01", pinned_words))
    return (
        "<!doctype html><html lang='de'><head><title>Bundestagswahl 2025: Der Wahlabend im "
        "Liveblog</title></head><body><main><article class='article'><h1>Bundestagswahl 2025: "
        "Der Wahlabend im Liveblog</h1><div data-timeline class='lb-timeline de'><div class="
        "'timeline-top timeline-top--loaded'><section data-timeline-sticky class='lb-posts "
        f"list-group'>{sticky}</section></div><div class='header-bar'><div class='sorting-bar'>"
        "Neueste zuerst</div></div><div class='timeline-body timeline-body--loaded'><section "
        f"data-timeline-normal class='lb-posts list-group normal'>{''.join(normal)}</section>"
        "</div></div></article></main></body></html>"
    ).encode()


@pytest.mark.parametrize("copy", [False, True], ids=["moved", "copied"])
def test_a_post_a_template_moves_on_top_without_its_header_is_a_pinned_post(copy: bool) -> None:
    """Under hashed class names the theme's own markup is unknown: the untimed box above a
    stream whose posts all have a time, with the posts' id in their shape, a class of theirs,
    in a list beside the stream's, is the pinned post a reader sees first (where the stream
    shows it too, that post, flagged)."""
    url = "https://www.nordkurier-beispiel.de/politik/bundestagswahl-2025-liveblog"
    for body in (zeit_sticky_on_top(copy), hash_classes(zeit_sticky_on_top(copy))):
        updates = extract_page(body, url, fetched_at="2025-02-23T20:45:00Z").updates
        ids = [u.source_id.rsplit(":", 1)[-1] for u in updates if u.source_id]
        assert [i for i in ids if i != "z000"] == ["z004", "z003", "z002", "z001"]
        assert ids.count("z000") == 1 and (copy or ids[0] == "z000")
        assert [u.pinned for u in updates] == [i == "z000" for i in ids]
        pinned = updates[ids.index("z000")]
        assert pinned.body_text.startswith("Das Wichtigste in Kürze:")
        assert pinned.published_at == ("2025-02-23T18:01:12Z" if copy else None)


def test_a_dotted_meridiem_is_read_on_a_page_in_any_language_and_am_alone_only_in_english() -> None:
    assert [leading_clock(t)[:2] for t in ("9:15 a.m.", "1:05 p.m.", "11:35 a. m.")] == [  # type: ignore[index]
        (9, 15),
        (13, 5),
        (11, 35),
    ]
    posts = "".join(
        f"<article><p><b>{clock}</b></p><p>Was um {clock} im Landtag geschah, in einem Satz.</p>"
        "</article>"
        for clock in ("19.30 am", "18.45 am", "17.10 am")
    )
    german = extract_page(page_of(posts, "Landtag im Liveticker", "de"), LIVE_URL)
    assert [u.published_at for u in german.updates] == [
        "2024-02-10T18:30:00Z",
        "2024-02-10T17:45:00Z",
        "2024-02-10T16:10:00Z",
    ]


def test_444s_live_page_reads_its_pager_its_posts_pages_and_no_link_label() -> None:
    """444's reports (ELTE-DH/HTML2TEI's configs/p444 documents `article.report[data-content-id]`,
    `.report__author`, the `-elo` address and `li.arrow > a` "Következő »"; the footer's
    permalink to `/post/<id>` is guessed): each post's own page is its permalink, and the
    footer's "Link" is no word of it."""
    reports = "".join(
        f'<article class="report" data-content-id="{ident}"><header><span class="report__time">'
        f'{clock}</span><span class="report__author">Szabó Anna</span></header>'
        f'<h2 class="report__title">{title}</h2><div class="report__content"><p>{text}</p>'
        '</div><footer class="report__footer"><a class="report__permalink" '
        f'href="https://444.hu/post/{ident}">Link</a></footer></article>'
        for ident, clock, title, text in (
            ("5f0c9a7e2b1d4c6e", "21:47", "Megvannak az első részeredmények",
             "A szavazatok tíz százalékának feldolgozása után a kormánypárt vezet."),
            ("a41be07c93d24f5e", "21:05", "Lezárult a szavazás", "Este kilenckor bezártak a szavazókörök."),
            ("77c2d9e01f3a4b5c", "19:30", "Magas a részvétel", "Fél hétig a választók fele szavazott."),
        )
    )  # fmt: skip
    page = (
        "<html lang='hu'><head><title>EP- és önkormányzati választás – élő | 444</title>"
        "<meta property='article:published_time' content='2024-06-09T06:00:00+02:00'></head>"
        f"<body><main><h1>EP- és önkormányzati választás – élő</h1>{reports}"
        '<ul class="pagination"><li class="arrow"><a href="/2024/06/09/ep-valasztas-2024-elo'
        '?page=2">Következő »</a></li></ul></main></body></html>'
    ).encode()
    url = "https://444.hu/2024/06/09/ep-valasztas-2024-elo"
    found = extract_page(page, url, fetched_at="2024-06-09T20:00:00Z")
    assert [(u.source_id, u.permalink) for u in found.updates] == [
        (ident, f"https://444.hu/post/{ident}")
        for ident in ("5f0c9a7e2b1d4c6e", "a41be07c93d24f5e", "77c2d9e01f3a4b5c")
    ]
    assert [u.published_at for u in found.updates] == [
        "2024-06-09T19:47:00Z",
        "2024-06-09T19:05:00Z",
        "2024-06-09T17:30:00Z",
    ]
    assert not any(u.body_text.endswith("Link") for u in found.updates)
    assert found.next_urls == [f"{url}?page=2"]


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/photos/{id}">See the gallery</a>',  # a photo's page, its number the post's
        '<a href="/authors/{id}">{id}</a>',  # a byline's link
        '<a href="/embed/live-entry/{id}">Embed</a>',
    ],
)
def test_a_link_that_is_no_permalink_leaves_the_post_at_its_anchor(link: str) -> None:
    """Only a link that calls itself the post's permalink (its class, `rel=bookmark`, or its
    words "Link", "Permalink", "#") leads to the post's own page; and where it does not, the
    word "Link" is the post's (the hero of a game)."""
    posts = "".join(
        f"<article id='{ident}'><time datetime='2024-05-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<p>Update {n} on the storm, in a sentence long enough. {link.format(id=ident)}</p>"
        "<p>Link</p></article>"
        for n, ident in ((3, "123456"), (2, "123449"), (1, "123440"))
    )
    found = extract_page(page_of(posts, "Live: storm"), LIVE_URL)
    assert [u.permalink for u in found.updates] == [
        f"{LIVE_URL}#{ident}" for ident in ("123456", "123449", "123440")
    ]
    assert all(u.body_text.endswith("Link") for u in found.updates)


@pytest.mark.parametrize(
    "main", ['<main id="comments" class="discussion-page">', '<main class="forum-thread">']
)
def test_the_main_region_named_as_a_discussion_holds_no_stream(main: str) -> None:
    """Only a sidebar layout's own parts (`st-sidebar__main`) are no sidebar: a main region
    that names itself comments or a forum's thread holds readers' posts, not updates."""
    posts = "".join(
        f"<div class='item'><span class='who'>reader{n}</span><time datetime="
        f"'2024-05-01T0{n}:00:00Z'>0{n}:00</time><p>What reader {n} thinks of the news today,"
        " in a sentence or two.</p></div>"
        for n in range(4, 0, -1)
    )
    page = (
        "<html lang='en'><head><title>Comments: Ukraine war live</title></head><body>"
        f"{main}<div class='list'>{posts}</div></main></body></html>"
    ).encode()
    assert extract_page(page, LIVE_URL, fetched_at="2024-05-01T10:00:00Z").updates == []


@pytest.mark.parametrize(
    ("essential", "key"),
    [
        ("post post__live-container post__live-container--essential", True),
        ("post post__live-container post__live-container--key-event", True),
        ("post post__live-container post__live-container--non-essential", False),
        ("post post__live-container essential-reading", False),  # no modifier of the post's
    ],
)
def test_a_posts_own_modifier_saying_essential_flags_a_key_event(essential: str, key: bool) -> None:
    """Le Monde's live posts (as mbachelier/lemonde-app and a Discord bot read them) mark
    "L'essentiel", the summary that sets a post apart, by the post's BEM modifier
    `post__live-container--essential`: a key event, as a Tickaroo highlight is."""
    posts = "".join(
        f"<section class='{essential if n == 2 else 'post post__live-container'}' "
        f"data-post-id='62331{n}'><div class='header-content__live'><div class='info-content'>"
        f"<span class='date'>1{8 - n}:05</span></div></div><div class='content--live'>"
        f"<h2 class='post__live-container--title'>Point {n} sur la crue</h2>"
        f"<div class='post__live-container--answer'><p>La rivière a encore monté de {n} "
        "centimètres depuis la dernière mesure des services de l'Etat.</p></div></div></section>"
        for n in range(5)
    )
    page = page_of(f"<section class='post-container' id='post-container'>{posts}</section>")
    url = "https://www.lemonde.example/planete/live/2024/05/14/crue_1_2.html"
    # (The whole page's reading, too: it first asks whether any class may mark a post so.)
    for updates in (stream_of(page, url), extract_page(page, url).updates):
        assert [u.headline for u in updates] == [f"Point {n} sur la crue" for n in range(5)]
        assert [u.key_event for u in updates] == [key and n == 2 for n in range(5)]


@pytest.mark.parametrize(
    ("posts", "answers", "flagged"), [(6, 1, False), (10, 2, False), (4, 1, True)]
)
def test_a_modifier_every_post_but_a_readers_answer_has_is_the_templates(
    posts: int, answers: int, flagged: bool
) -> None:
    """A theme that gives every editor's post the modifier, and not the post that answers a
    reader's question (Le Monde's `post__live-container--comment-blog`), sets none apart; on
    a short blog, three posts of four so marked may be the editor's key events."""
    boxes = []
    for n in range(posts):
        if n % 4 == 1 and n // 4 < answers:
            boxes.append(
                "<section class='post post__live-container post__live-container--comment-blog' "
                f"data-post-id='62331{n:02d}'><span class='date'>{23 - n}:05</span><blockquote>"
                "<p>Faut-il évacuer les berges ce soir ?</p></blockquote><div class='post__live"
                "-container--answer'><p>Bonjour, la préfecture recommande de s'éloigner des "
                f"berges, réponse {n}.</p></div></section>"
            )
        else:
            boxes.append(
                "<section class='post post__live-container post__live-container--essential' "
                f"data-post-id='62331{n:02d}'><span class='date'>{23 - n}:05</span><h2>Point {n}"
                f" sur la crue</h2><p>La rivière a encore monté de {n} centimètres depuis la "
                "dernière mesure.</p></section>"
            )
    page = page_of(f"<section class='post-container'>{''.join(boxes)}</section>")
    url = "https://www.lemonde.example/planete/live/2024/05/14/crue_1_2.html"
    updates = extract_page(page, url, fetched_at="2024-02-10T23:30:00Z").updates
    assert len(updates) == posts
    assert [u.key_event for u in updates] == [flagged and "essential" in box for box in boxes]


@pytest.mark.parametrize(
    ("kinds", "flagged"),
    [
        (["essential", "essential", "", "essential", "essential"], True),
        (["essential"] * 6 + [""], True),
        (["pinned", "essential", "essential", "essential"], False),
    ],
    ids=["editors-four-of-five", "editors-six-of-seven", "all-but-the-pinned"],
)
def test_a_modifier_nearly_every_post_has_is_the_templates_only_beside_another_kind(
    kinds: list[str], flagged: bool
) -> None:
    """On a short busy page an editor may flag most posts key events: the post left unmarked
    is of their kind, and the flags stand. A modifier on every post but the pinned one, which
    the template draws otherwise, is the template's on a page of four as on one of forty."""
    boxes = "".join(
        f"<section class='post post__live-container{f' post__live-container--{kind}' * bool(kind)}'"
        f" data-post-id='6240{n:02d}'><span class='date'>{22 - n}:1{n}</span><h2>Point {n} sur "
        f"la crue</h2><p>La rivière a encore monté de {n + 3} centimètres depuis la dernière "
        "mesure à Nemours.</p></section>"
        for n, kind in enumerate(kinds)
    )
    page = page_of(f"<section class='post-container'>{boxes}</section>")
    url = "https://www.lemonde.example/planete/live/2024/05/01/crue_1_2.html"
    updates = extract_page(page, url, fetched_at="2024-05-01T21:30:00Z").updates
    assert len(updates) == len(kinds)
    assert [u.pinned for u in updates] == [kind == "pinned" for kind in kinds]
    assert [u.key_event for u in updates] == [flagged and kind == "essential" for kind in kinds]


@pytest.mark.parametrize(
    "modifier", ["post__live-container--essential", "post__live-container--key-event"]
)
def test_a_modifier_every_post_has_is_the_templates_no_key_event(modifier: str) -> None:
    """A theme that gives every post the modifier sets none apart: no post is a key event."""
    posts = "".join(
        f"<section class='post post__live-container {modifier}' data-post-id='62331{n}'>"
        f"<span class='date'>1{8 - n}:05</span><h2>Point {n} sur la crue</h2><p>La rivière a"
        f" encore monté de {n} centimètres depuis la dernière mesure.</p></section>"
        for n in range(5)
    )
    page = page_of(f"<section class='post-container'>{posts}</section>")
    url = "https://www.lemonde.example/planete/live/2024/05/14/crue_1_2.html"
    updates = extract_page(page, url).updates
    assert [u.headline for u in updates] == [f"Point {n} sur la crue" for n in range(5)]
    assert [u.key_event for u in updates] == [False] * 5


def _badged_page(badge: str, title: str = "Storm Ciarán: roads shut across the county") -> bytes:
    """A page whose title and address say nothing of live, its heading beside `badge`, and
    four timed posts."""
    posts = "".join(
        f"<div class='css-1x2y3z'><span class='css-9q8w7e'>1{8 - n}:05</span>"
        f"<p>What post {n} reports of the storm, in more than a few words.</p></div>"
        for n in range(4)
    )
    return (
        "<html lang='en'><head><title>Storm Ciarán | Daily Example</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/tv'>LIVE TV</a></nav><main><div>"
        f"<h1>{title}</h1>{badge}</div><div class='css-4r5t6y'>{posts}</div></main></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "badge",
    [
        "<span class='css-a1b2c3'>LIVE</span>",
        "<div><span>LIVE</span></div>",
        "<span>EN DIRECT</span>",
        "<span data-testid='badge'>Na żywo</span>",
    ],
)
def test_a_live_badge_beside_the_heading_is_a_sign(badge: str) -> None:
    """A badge that says live beside the page's heading, in a box of its own ("LIVE"), says
    the page is live as its title would: its stream of timed posts is read."""
    page = extract_page(
        _badged_page(badge),
        "https://news.example.co.uk/news/uk-67123456",
        fetched_at="2024-02-10T19:00:00Z",
    )
    assert [u.body_text[:11] for u in page.updates] == [f"What post {n}" for n in range(4)]


@pytest.mark.parametrize(
    "badge",
    [
        "",  # the menu's "LIVE TV" link alone
        "<a href='/live'>LIVE</a>",  # a link to another page
        "<span>Live</span>",  # a section's kicker: a concert review filed under "Live"
        "<span>LIVE MUSIC</span>",
        "<p>LIVE updates on the storm are on our other page, with every closure listed.</p>",
    ],
)
def test_no_badge_beside_the_heading_says_live(badge: str) -> None:
    page = extract_page(
        _badged_page(badge),
        "https://news.example.co.uk/news/uk-67123456",
        fetched_at="2024-02-10T19:00:00Z",
    )
    assert page.updates == []


def _badged_programme(lang: str, badge: str, items: str) -> bytes:
    """An ordinary page whose heading stands beside a badge that says live (a stream or an
    event on air now) over a list of timed items that are no posts: built from no page, after
    the markup of broadcasters' and event sites' pages (a heading, a badge in a span beside it,
    a player, a list of items each with its `<time>`)."""
    return (
        f"<html lang='{lang}'><head><title>Programme | Example</title></head><body>"
        "<nav><a href='/'>Home</a></nav><main><div><h1>Cloud Summit 2024</h1>"
        f"<span class='badge'>{badge}</span></div><div class='player'><video></video></div>"
        f"<div class='agenda'>{items}</div></main></body></html>"
    ).encode()


def _agenda_item(when: str, shown: str, title: str) -> str:
    return (
        f"<div class='agenda-item'><time datetime='{when}'>{shown}</time><h3>{title}</h3>"
        "<p>The speaker explains how it is done in practice, with examples from the field.</p>"
        "</div>"
    )


@pytest.mark.parametrize(
    ("lang", "badge", "items"),
    [
        # a conference's agenda, its sessions in the order they come, under its stream's badge
        (
            "en",
            "LIVE",
            "".join(
                _agenda_item(f"2024-02-10T{h:02d}:00:00Z", f"{h}:00", f"Session {h}: security")
                for h in range(9, 15)
            ),
        ),
        # a radio's or a podcast's shows, one a day, newest first, beside its live stream
        (
            "fr",
            "EN DIRECT",
            "".join(
                _agenda_item(f"2024-02-{10 - n:02d}T0{n}:00:00Z", f"{10 - n} février", f"N° {n}")
                for n in range(5)
            ),
        ),
        (
            "es",
            "EN VIVO",
            "".join(
                _agenda_item(f"2024-02-{10 - n:02d}T07:0{n}:00Z", f"{10 - n} feb", f"Programa {n}")
                for n in range(4)
            ),
        ),
    ],
)
def test_a_live_badge_vouches_for_no_programme(lang: str, badge: str, items: str) -> None:
    """A badge beside the heading says something is on air now, as a player's page or an
    event's does: it vouches only for posts that come several a day, newest first, not for a
    programme's items in the order they come, nor for one show a day."""
    page = extract_page(
        _badged_programme(lang, badge, items),
        "https://events.example.com/cloud-summit-2024",
        fetched_at="2024-02-10T19:00:00Z",
    )
    assert page.updates == []


def _commented_article(lang: str, heading: str, badge: str) -> bytes:
    """An article beside a badge for the stream it embeds, and readers' comments below under
    a heading of their own, newest first, each a name, a time and its words, in boxes whose
    classes a build hashed: built from no page, after the markup of CSS-in-JS news sites."""
    comments = "".join(
        f"<div class='css-k{n % 2}x'><div class='css-a1'><b>Reader{n}</b> "
        f"<span class='css-t'>1{5 - n}:1{n}</span></div>"
        f"<p>I think this is reaction {n}: the council should have done more about it.</p></div>"
        for n in range(6)
    )
    prose = "<p>What the article says of the storm, in many words of its own.</p>" * 8
    return (
        f"<html lang='{lang}'><head><title>Storm | Example</title></head><body><main>"
        f"<div><h1>The storm hits the coast</h1><span class='css-b'>{badge}</span></div>"
        f"<div class='player'><video></video></div><article>{prose}</article>"
        f"<section><h2>{heading}</h2><div class='css-list'>{comments}</div></section>"
        "</main></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("lang", "heading", "badge", "url"),
    [
        ("en", "6 Comments", "LIVE", "https://news.example.com/uk/storm-67123456"),
        ("de", "Kommentare (6)", "LIVE", "https://news.example.de/panorama/sturm-101.html"),
        ("fr", "Commentaires", "EN DIRECT", "https://news.example.fr/meteo/tempete-1234.html"),
        ("en", "Comments", "", "https://news.example.com/live/storm-67123456"),
    ],
)
def test_comments_under_their_heading_are_no_posts(
    lang: str, heading: str, badge: str, url: str
) -> None:
    """Readers' comments under a heading that says so ("6 Comments") are no posts, whatever
    says live: a badge for the article's video, or its address."""
    page = extract_page(
        _commented_article(lang, heading, badge), url, fetched_at="2024-02-10T19:00:00Z"
    )
    assert page.updates == []


@pytest.mark.parametrize(
    ("lang", "label", "url"),
    [
        ("it", "In evidenza", "https://news.example.it/diretta/maltempo-in-liguria"),
        ("de", "Angeheftet", "https://news.example.de/liveblog/unwetter-in-bayern"),
    ],
)
def test_a_featured_box_of_teasers_atop_the_stream_is_no_pinned_post(
    lang: str, label: str, url: str
) -> None:
    """A box atop the stream's own, labelled as a pinned post would be ("In evidenza", the
    Italian sites' word for their featured stories too), that holds teasers of the posts' tag
    and class, each titled by a link to a story of its own, pins none of them: built from no
    page, after WordPress's `post` class on every article its theme draws."""
    teasers = "".join(
        f"<article class='post'><h3><a href='/cronaca/story-{n}'>Another story, number {n}</a>"
        f"</h3><p>A teaser of another story of the day, a few words more for the reader.</p>"
        "</article>"
        for n in range(2)
    )
    posts = "".join(
        f"<article class='post' id='post-{9 - n}'><time datetime='2024-02-10T1{8 - n}:05:00Z'>"
        f"1{8 - n}:05</time><p>What update {n} says of the storm, in more than a few words.</p>"
        "</article>"
        for n in range(4)
    )
    page = extract_page(
        (
            f"<html lang='{lang}'><head><title>Maltempo</title></head><body><main><h1>Maltempo"
            f"</h1><div class='stream'><div class='featured'><span>{label}</span>{teasers}</div>"
            f"{posts}</div></main></body></html>"
        ).encode(),
        url,
        fetched_at="2024-02-10T19:00:00Z",
    )
    assert [u.source_id for u in page.updates] == [f"post-{9 - n}" for n in range(4)]
    assert not any(u.pinned for u in page.updates)


# How a teaser links to its story: by its heading, by its picture, or by a "Read more" of its own.
_TEASER_LINKS = {
    "heading": "<h3><a href='/news/storm-day-{n}'>The storm, day {n}: as it happened</a></h3>{words}",
    "picture": "<a href='/news/storm-day-{n}'><img src='/pictures/{n}.jpg' alt=''></a>"
    "<h3>The storm, day {n}: as it happened</h3>{words}",
    "read more": "<h3>The storm, day {n}: as it happened</h3>{words}"
    "<a class='more-link' href='/news/storm-day-{n}'>Read more »</a>",
}


@pytest.mark.parametrize("link", list(_TEASER_LINKS))
@pytest.mark.parametrize("teasers", [1, 2])
def test_teasers_beside_the_stream_in_main_are_no_pinned_posts(teasers: int, link: str) -> None:
    """A box of other stories in the page's `<main>` itself, above the stream, of the posts'
    tag and class and each with a time (WordPress's `post` class on every article a theme
    draws), each linked to a page of its own by its heading, its picture or a "Read more" of
    its own, is no pinned post: built from no page."""
    words = "<p>A teaser of another story, a few words more for the reader.</p>"
    related = "".join(
        f"<article class='post'><time datetime='2024-02-0{n + 1}T10:00:00Z'>Feb {n + 1}</time>"
        + _TEASER_LINKS[link].format(n=n, words=words)
        + "</article>"
        for n in range(teasers)
    )
    posts = "".join(
        f"<article class='post' id='post-{9 - n}'><time datetime='2024-02-10T1{8 - n}:05:00Z'>"
        f"1{8 - n}:05</time><p>What update {n} says of the storm, in more than a few words.</p>"
        "</article>"
        for n in range(4)
    )
    page = extract_page(
        (
            "<html lang='en'><head><title>Storm live</title></head><body><main><h1>Storm live"
            f"</h1><div class='related'>{related}</div><div class='stream'>{posts}</div></main>"
            "</body></html>"
        ).encode(),
        "https://news.example.com/live/storm",
        fetched_at="2024-02-10T19:00:00Z",
    )
    assert [u.source_id for u in page.updates] == [f"post-{9 - n}" for n in range(4)]


def young_blog(
    lines_: list[str],
    titles: list[str] | None,
    line: str,
    words: list[str] | None = None,
    lang: str = "en",
) -> list[Update]:
    """A young blog built here after no publisher's markup, its classes meaningless: each
    post's clock, its title in an `<h3>` where `titles` gives them, a line of its own
    (`line`, formatted with the post's entry of `lines_`) and its words in a box of their
    own (the post's entry of `words`, or a sentence that names nothing)."""
    boxes = "".join(
        f'<div class="x7f3a" id="p{n}"><div class="x11"><span class="x12">1{n}:0{n}</span></div>'
        + (f"<h3>{titles[len(lines_) - n]}</h3>" if titles else "")
        + line.format(text)
        + '<div class="x0c1d"><p>'
        + (words[len(lines_) - n] if words else f"What post {n} reports, in more than a few words.")
        + "</p></div></div>"
        for n, text in zip(range(len(lines_), 0, -1), lines_, strict=True)
    )
    return stream_of(
        page_of(f"<div class='x9e2b'>{boxes}</div>", lang=lang), "https://news.example/live/t"
    )


YOUNG_TITLES = [
    "Loud bang at the harbour",
    "Ferries suspended",
    "Coast road shut",
    "Warning issued",
]


@pytest.mark.parametrize(
    "names",
    [
        ["Anna Berg", "Tom Reyes", "Mia Laurent"],
        ["Sanne de Vries", "Jürgen Müller", "Łukasz Nowak", "Sanne de Vries"],
        ["Marie-Claire Dubois", "José García", "J. R. Smith"],
    ],
)
@pytest.mark.parametrize(
    "line", ["<div><strong>{}</strong></div>", '<p class="x7f">{}</p>', "<div>{}</div>"]
)
def test_a_titled_posts_writer_named_on_a_line_of_its_own_is_its_author(
    names: list[str], line: str
) -> None:
    """Three or four posts, each titled in a heading, then a line of a name alone in the same
    slot of every post, the post's words in a box after it: the names need not come again."""
    updates = young_blog(names, YOUNG_TITLES[: len(names)], line)
    assert [u.headline for u in updates] == YOUNG_TITLES[: len(names)]
    assert [u.authors for u in updates] == [[name] for name in names]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in range(len(names), 0, -1)
    ]


@pytest.mark.parametrize(
    ("texts", "titled"),
    [
        # Two-word titles in capitals, each the post's only heading-like line.
        (["Road Closed", "Schools Shut", "Power Restored"], False),
        (["Half Time", "Yellow Card", "Full Time"], False),
        # A place's dateline, a kicker of labels.
        (["LONDON", "BERLIN", "PARIS"], True),
        (["NEW YORK", "LOS ANGELES", "SAN DIEGO"], True),
        (["Breaking News", "Key Event", "Breaking News"], True),
    ],
)
def test_a_line_of_its_own_that_is_no_name_is_no_byline(texts: list[str], titled: bool) -> None:
    titles = YOUNG_TITLES[: len(texts)] if titled else None
    updates = young_blog(texts, titles, "<div><strong>{}</strong></div>")
    assert [u.authors for u in updates] == [[]] * len(texts)
    if not titled:
        assert [u.headline for u in updates] == texts


@pytest.mark.parametrize(
    "texts",
    [
        # Places in title case, each opening with a place's word ("New", "San", "Den", "Saint").
        ["New York", "San Francisco", "Den Haag"],
        ["Saint Denis", "Los Angeles", "New Delhi"],
        # Teams, parties, a desk's role.
        ["Real Madrid", "Manchester United", "Borussia Dortmund FC"],
        ["Labour Party", "Die Grünen", "Conservative Party"],
        ["Political Editor", "Chief Correspondent", "Political Editor"],
        ["Die Linke", "Freie Wähler", "Die Grünen"],
    ],
)
def test_a_line_under_a_title_naming_a_place_a_team_or_a_role_is_no_byline(
    texts: list[str],
) -> None:
    """Under each post's title, a line in title case that names a place, a team, a party or a
    role, not a person: it stays the post's words, nobody's name."""
    updates = young_blog(texts, YOUNG_TITLES[: len(texts)], "<div><strong>{}</strong></div>")
    assert [u.authors for u in updates] == [[]] * len(texts)
    assert [u.body_text.split("\n")[0] for u in updates] == texts


def test_a_subtitle_in_title_case_whose_words_the_blog_writes_in_lower_case_is_no_byline() -> None:
    """Under each title a subtitle of two capitalised words ("Travel Chaos"), each of which
    the blog writes in lower case elsewhere, in another post: common words, no person's name."""
    subtitles = ["Travel Chaos", "Market Reaction", "Weather Warning"]
    words = [
        "Shares fell as the market reaction came in after the storm.",
        "The weather warning runs until midnight for the whole coast.",
        "Ports are shut and travel chaos spreads to the airports.",
    ]
    boxes = "".join(
        f'<div class="x7f3a" id="p{n}"><div class="x11"><span class="x12">1{n}:0{n}</span></div>'
        f"<h3>{title}</h3><div><strong>{subtitle}</strong></div>"
        f'<div class="x0c1d"><p>{said}</p></div></div>'
        for n, title, subtitle, said in zip((3, 2, 1), YOUNG_TITLES, subtitles, words, strict=False)
    )
    updates = stream_of(page_of(f"<div class='x9e2b'>{boxes}</div>"), "https://news.example/live/t")
    assert [u.authors for u in updates] == [[]] * 3
    assert [u.body_text.split("\n")[0] for u in updates] == subtitles


@pytest.mark.parametrize(
    ("lang", "word"), [("nl", "gisteren"), ("en", "Yesterday"), ("de", "gestern")]
)
def test_bare_clocks_above_a_post_of_yesterday_are_todays(lang: str, word: str) -> None:
    """A newest-first stream whose posts of today show a bare clock and whose post of yesterday
    says so ("gisteren 23:40", as NOS and others write it), on a page published at that post:
    the bare clocks above it are after it, today, not on the page's day before it."""
    clocks = ["13:55", "10:45", "07:35", "04:25", "01:15", f"{word} 23:40"]
    items = "".join(
        f'<li class="liveblog-item" id="li{i}"><time class="liveblog-item__time">{c}</time>'
        f'<h2 class="liveblog-item__title">Update number {i} on the count</h2>'
        f"<p>The count went on through the night in the town hall, post {i} says.</p></li>"
        for i, c in enumerate(clocks)
    )
    body = (
        f'<html lang="{lang}"><head><title>Liveblog: count</title>'
        '<meta property="article:published_time" content="2024-04-30T23:40:00+02:00">'
        f'</head><body><main><h1>Liveblog: count</h1><ul class="liveblog-items">{items}</ul>'
        "</main></body></html>"
    ).encode()
    page = extract_page(
        body, "https://www.example.nl/live/count", fetched_at="2024-05-01T12:00:00Z"
    )
    assert [u.published_at for u in page.updates] == [
        "2024-05-01T11:55:00Z",
        "2024-05-01T08:45:00Z",
        "2024-05-01T05:35:00Z",
        "2024-05-01T02:25:00Z",
        "2024-04-30T23:15:00Z",
        "2024-04-30T21:40:00Z",
    ]


_LATEST_COLUMN = "".join(
    f"<li class='latest-item'><time>{clock}</time><p>{line}</p></li>"
    for clock, line in [
        ("11:52", "Rail strike: unions call a second day of action for next week."),
        ("11:40", "Council approves 2,000 homes on the old rail yards."),
        ("11:21", "Warehouse fire in the docks, crews at the scene."),
        ("11:05", "Thunderstorm warning for the north this afternoon."),
    ]
)


def _beside_latest_column(title: str, heading: str, url: str, head: str = "") -> list[Update]:
    """The updates read from an article titled `title` (`head`: more of its <head>) at `url`,
    its heading `heading`, two paragraphs, then a column of the site's latest headlines, each
    a clock and a line."""
    body = (
        f"<html lang='en'><head><title>{title}</title>{head}</head><body><main>"
        f"<h1>{heading}</h1><p>{_NARRATIVE}</p><p>{_NARRATIVE}</p><section class='latest'>"
        f"<h2>Latest</h2><ul>{_LATEST_COLUMN}</ul></section></main></body></html>"
    )
    return extract_page(body.encode(), url, fetched_at="2024-05-01T12:00:00Z").updates


@pytest.mark.parametrize(
    ("title", "heading", "url", "live"),
    [
        # The site's tagline after its name, on every page it serves: no sign of this one.
        ("Council approves homes | Example News – latest news and live updates",
         "Council approves homes", "https://www.example-news.com/news/council-homes-123", False),
        ("Example News | Breaking news, latest updates and live coverage",
         "Example News", "https://www.example-news.com/", False),
        # The page's own title before the site's name, or after it at a story's address.
        ("Storm live: roads shut across the county | Example News",
         "Storm: roads shut across the county", "https://www.example-news.com/news/storm-123", True),
        ("Example News – Storm live: roads shut across the county",
         "Storm: roads shut across the county", "https://www.example-news.com/news/storm-123", True),
    ],
)  # fmt: skip
def test_a_sites_tagline_in_the_title_says_nothing_live(
    title: str, heading: str, url: str, live: bool
) -> None:
    """A site's tagline that its <title> carries after its name ("Example News – latest news
    and live updates"), on every article and on its home page, says nothing of the page: a
    column of its latest headlines, each a clock and a line, stays no live blog's posts; built
    from no page."""
    head = (
        f"<meta property='og:title' content='{title}'>"
        "<meta property='og:site_name' content='Example News'>"
    )
    assert len(_beside_latest_column(title, heading, url, head)) == (4 if live else 0)


def test_a_sites_search_results_for_live_words_are_no_live_blog() -> None:
    """A site's search page for words that say live ("harbour live"), which repeat them in its
    title and heading, each result a title, a date line and a snippet, with no link of its own
    on the title: the reader's words are no sign of the page, and no result is a post; built
    from no page (WordPress's "Search Results for" and a news site's result list)."""
    results = "".join(
        f"<li class='search-result'><span class='search-result__date'>{day} April 2024</span>"
        f"<h2 class='search-result__title'>Harbour plan: {what}</h2>"
        f"<p class='search-result__snippet'>{_NARRATIVE}</p></li>"
        for day, what in (("30", "the vote"), ("28", "your questions"), ("20", "the traffic"))
    )
    body = (
        "<html lang='en'><head><title>Search results for harbour live | Example News</title>"
        '</head><body><main><h1>Search results for "harbour live"</h1><p>3 results</p>'
        f"<ul class='search-results'>{results}</ul></main></body></html>"
    )
    page = extract_page(
        body.encode(), "https://news.example.com/search?q=harbour+live",
        fetched_at="2024-05-01T12:00:00Z",
    )  # fmt: skip
    assert (page.updates, page.live_blog) == ([], False)


@pytest.mark.parametrize(
    ("texts", "words", "lang"),
    [
        # Datelines: the blog writes each place after "in", "from", "to" somewhere.
        (
            ["Hong Kong", "Buenos Aires", "Rio de Janeiro"],
            [
                "Crowds gathered on the waterfront as the first ships came back into port.",
                "Flights to Rio de Janeiro are delayed by an hour, the airport says.",
                "Shares in Hong Kong fell as markets opened across the region this morning.",
            ],
            "en",
        ),
        (
            ["Gaza Stadt", "Tel Aviv", "Kairo Zentrum"],
            [
                "Hilfsgüter aus Tel Aviv sollen morgen ankommen, sagt ein Sprecher.",
                "Die Verhandlungen über eine Feuerpause gehen weiter, heißt es.",
                "Die Lage bleibt angespannt, berichten Helfer vor Ort am Abend.",
            ],
            "de",
        ),
        # Teams: the blog writes each one after "gegen" or "against".
        (
            ["Bayern München", "Borussia Dortmund", "Werder Bremen"],
            [
                "Das Spiel gegen Werder Bremen beginnt pünktlich um halb vier.",
                "Die Aufstellung steht, zwei Wechsel im Vergleich zur Vorwoche.",
                "Nach dem Sieg gegen Bayern München feiern die Fans in der Kurve.",
            ],
            "de",
        ),
        # An office the blog writes after "the".
        (
            ["Downing Street", "Foreign Office", "Scotland Yard"],
            [
                "A spokesman said talks with the Foreign Office would go on tonight.",
                "Officers at Scotland Yard declined to say more this afternoon.",
                "Ministers meet again in the morning, a source close to them says.",
            ],
            "en",
        ),
    ],
)
def test_a_line_under_a_title_the_blog_writes_as_a_place_or_a_team_is_no_byline(
    texts: list[str], words: list[str], lang: str
) -> None:
    """Under each title a place's dateline, a team or an office in title case, no word of it
    naming its kind, that the blog's posts write elsewhere after a word a place, a team or an
    office takes ("in Hong Kong", "gegen Werder Bremen", "the Home Office") and a writer's
    name does not: the lines stay the posts' words."""
    updates = young_blog(texts, YOUNG_TITLES[:3], "<div><strong>{}</strong></div>", words, lang)
    assert [u.authors for u in updates] == [[]] * 3
    assert [u.body_text.split("\n")[0] for u in updates] == texts


@pytest.mark.parametrize(
    "texts",
    [
        # Offices, in the languages read.
        ["Prime Minister", "Foreign Secretary", "Home Secretary"],
        ["Bundeskanzler Scholz", "Außenministerin Baerbock", "Finanzminister Lindner"],
        ["Premier Ministre", "Président Macron", "Porte-Parole Bregeon"],
        ["Presidente Sánchez", "Ministra Portavoz", "Alcalde Almeida"],
        ["Sindaco Gualtieri", "Ministro Tajani", "Premier Meloni"],
        # News agencies named alone.
        ["Associated Press", "Agence France-Presse", "Associated Press"],
        ["Europa Press", "Agencia EFE", "Press Association"],
    ],
)
def test_a_line_under_a_title_naming_an_office_or_an_agency_is_no_byline(
    texts: list[str],
) -> None:
    """Under each title a line that names an office, a speaker by office, or a news agency
    alone: whoever speaks or whose wire the words are, no writer the line names."""
    updates = young_blog(texts, YOUNG_TITLES[:3], "<div><strong>{}</strong></div>")
    assert [u.authors for u in updates] == [[]] * 3
    assert [u.body_text.split("\n")[0] for u in updates] == texts


def test_a_german_subtitle_whose_first_word_the_blog_writes_in_lower_case_is_no_byline() -> None:
    """Under each title of a German blog a subtitle of an adjective and nouns, all capitalised
    as German writes nouns ("Erste Reaktionen"), its first word one the blog's posts write in
    lower case ("die erste Warnung"): no person's name."""
    subtitles = ["Erste Reaktionen", "Neue Vorwürfe", "Große Sorge"]
    words = [
        "Der Verband äußert sich am Abend, die große Mehrheit bleibt zu Hause.",
        "Die Bahn meldet die erste Warnung für den Abend.",
        "Pendler warten auf neue Züge, heißt es am Bahnhof.",
    ]
    updates = young_blog(subtitles, YOUNG_TITLES[:3], "<div><strong>{}</strong></div>", words, "de")
    assert [u.authors for u in updates] == [[]] * 3
    assert [u.body_text.split("\n")[0] for u in updates] == subtitles


@pytest.mark.parametrize(
    ("names", "words", "lang"),
    [
        (
            ["Jordan Henderson", "Paris Hilton", "Georgia Clark"],
            [
                "Storms in Georgia move east; Paris sees rain by the evening too.",
                "Flights from Jordan land late, and the team from Georgia arrives tonight.",
                "The fans from Jordan fly to Paris for the final on Sunday.",
            ],
            "en",
        ),
        (
            ["Victoria Derbyshire", "Jordan Henderson", "Georgia Clark"],
            [
                "Our correspondent Georgia Clark says the crowds are thinning now.",
                "Police in Derbyshire closed the road; Victoria station is shut.",
                "As Victoria Derbyshire reported, the trains run again from noon.",
            ],
            "en",
        ),
        (
            ["Paris Berger", "Florence Martin", "Anne Will"],
            [
                "Der Zug aus Florence kommt später an, man will abwarten.",
                "In Paris schließt die Polizei die Brücken am Abend.",
                "Die Lage in Paris bleibt ruhig, sagt Florence Martin am Abend.",
            ],
            "de",
        ),
    ],
)
def test_a_writers_name_that_is_also_a_place_is_the_byline(
    names: list[str], words: list[str], lang: str
) -> None:
    """Writers whose names are, word by word, places or common words ("Paris Hilton",
    "Georgia Clark", "Victoria Derbyshire", "Anne Will"), the blog writing the places alone
    ("in Paris") or the name whole where a name stands ("Our correspondent Georgia Clark"):
    the names are the posts' authors."""
    updates = young_blog(names, YOUNG_TITLES[:3], "<div><strong>{}</strong></div>", words, lang)
    assert [u.authors for u in updates] == [[name] for name in names]


@pytest.mark.parametrize(
    "line",
    [
        # A box its class calls the author's or the byline, in the languages read.
        '<div class="autor">{}</div>',
        '<div class="post__autor-name">{}</div>',
        '<p class="entry-auteur">{}</p>',
        '<div class="live-autore">{}</div>',
        '<p class="firma">{}</p>',
        '<span class="redakteur">{}</span>',
        '<div class="redacteur">{}</div>',
        '<div class="verfasser">{}</div>',
        # A link its `rel` calls the author, a link to the writer's profile.
        '<div class="x1"><a rel="author" href="/u/17">{}</a></div>',
        '<div class="x1"><a href="/profile/17">{}</a></div>',
    ],
)
def test_a_young_untitled_blogs_writer_marked_as_its_author_is_the_byline(line: str) -> None:
    """Three untitled posts, each opening with its writer's name on a line of its own, the
    names not yet come again, in a box whose class names an author or a byline in the
    languages read ("autor", "auteur", "firma", "redakteur") or a link its `rel` calls the
    author or to a profile: the name is the post's author from the first posts on, not its
    headline."""
    names = ["Anna Berg", "Tom Reyes", "Mia Laurent"]
    updates = young_blog(names, None, line)
    assert [u.authors for u in updates] == [[name] for name in names]
    assert [u.headline for u in updates] == [None] * 3
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in (3, 2, 1)
    ]


@pytest.mark.parametrize("cls", ["autorotate", "firmament", "autoriser"])
def test_a_class_that_only_holds_an_author_word_names_no_author(cls: str) -> None:
    """A class whose word merely opens with an author's word ("autorotate", "firmament") names
    no author: the young blog's name lines stay its titles, as with no class."""
    names = ["Anna Berg", "Tom Reyes", "Mia Laurent"]
    updates = young_blog(names, None, f'<div class="{cls}">{{}}</div>')
    assert [u.authors for u in updates] == [[]] * 3


@pytest.mark.parametrize(
    "line",
    [
        '<div class="x1"><img class="avatar" src="/img/17.jpg" alt=""><strong>{}</strong></div>',
        '<div class="x1"><img src="/img/authors/17.jpg" alt=""><span>{}</span></div>',
        '<div class="x1"><img src="/img/17.jpg" alt="{0}"><b>{0}</b></div>',
    ],
)
def test_a_young_untitled_blogs_writer_beside_a_portrait_is_the_byline(line: str) -> None:
    """Three untitled posts, each opening with its writer's name beside the writer's picture
    (a class or a path that says avatar or author, or an `alt` that is the name itself): the
    name is the post's author from the first posts on, not its headline, and the picture is
    the byline's, none of the post's."""
    names = ["Anna Berg", "Tom Reyes", "Mia Laurent"]
    updates = young_blog(names, None, line)
    assert [u.authors for u in updates] == [[name] for name in names]
    assert [u.headline for u in updates] == [None] * 3
    assert [u.media for u in updates] == [[]] * 3


def _count_blog(lang: str, clocks: list[str], published: str, fetched: str) -> list[str | None]:
    """The posts' times of a newest-first blog whose posts show the given clocks: built from
    no page, in the markup of a stream of list items each with a `<time>` and a title."""
    items = "".join(
        f'<li class="liveblog-item" id="li{i}"><time class="liveblog-item__time">{c}</time>'
        f'<h2 class="liveblog-item__title">Update number {i} on the count</h2>'
        f"<p>The count went on through the night in the town hall, post {i} says.</p></li>"
        for i, c in enumerate(clocks)
    )
    body = (
        f'<html lang="{lang}"><head><title>Liveblog: count</title>'
        f'<meta property="article:published_time" content="{published}">'
        f'</head><body><main><h1>Liveblog: count</h1><ul class="liveblog-items">{items}</ul>'
        "</main></body></html>"
    ).encode()
    page = extract_page(body, "https://www.example.nl/live/count", fetched_at=fetched)
    return [u.published_at for u in page.updates]


@pytest.mark.parametrize(
    ("lang", "yesterday", "weekday"), [("nl", "gisteren", "maandag"), ("en", "Yesterday", "Monday")]
)
def test_bare_clocks_of_today_above_yesterdays_posts_of_a_days_long_blog_are_todays(
    lang: str, yesterday: str, weekday: str
) -> None:
    """A blog of three days, newest first: today's posts a bare clock, yesterday's "Yesterday
    22:10", the day before's "Monday 23:40" (a weekday, read as a bare clock): today's posts are
    after yesterday's, today, though bare clocks stand below yesterday's posts too."""
    clocks = ["13:55", "10:45", f"{yesterday} 22:10", f"{yesterday} 18:00", f"{weekday} 23:40"]
    times = _count_blog(lang, clocks, "2024-04-29T23:40:00+02:00", "2024-05-01T15:00:00Z")
    assert times[:4] == [
        "2024-05-01T11:55:00Z",
        "2024-05-01T08:45:00Z",
        "2024-04-30T20:10:00Z",
        "2024-04-30T16:00:00Z",
    ]


def test_bare_clocks_above_a_post_of_yesterday_are_never_placed_earlier_for_it() -> None:
    """A blog of two days' bare clocks (they wrap past midnight twice) above a post that says
    "Yesterday 23:40": the clocks placed from the fetch's day stay there, not a day earlier."""
    clocks = ["11:55", "06:00", "01:00", "22:00", "15:00", "03:00", "23:50", "Yesterday 23:40"]
    times = _count_blog("en", clocks, "2024-04-29T23:40:00+02:00", "2024-05-01T15:00:00Z")
    assert times[:3] == ["2024-05-01T09:55:00Z", "2024-05-01T04:00:00Z", "2024-04-30T23:00:00Z"]


# A pinned post's link to another page, and what the stream's posts hold beside it.
_PINNED_LINKS = {
    "an explainer": ("<p><a href='/news/storm-explainer'>Read more on our explainer</a></p>", ""),
    "a gallery": ("<a href='/gallery/storm-pictures'><img src='/pics/5.jpg' alt=''></a>", ""),
    "each post's": (
        "<p><a href='/panorama/sturm-{n}'>Mehr lesen</a></p>",
        "<p><a href='/panorama/sturm-{n}'>Mehr lesen</a></p>",
    ),
    "each post's picture": (
        "<a href='/gallery/{n}'><img src='/pics/{n}.jpg' alt=''></a>",
        "<a href='/gallery/{n}'><img src='/pics/{n}.jpg' alt=''></a>",
    ),
}


@pytest.mark.parametrize("link", list(_PINNED_LINKS))
def test_a_pinned_post_that_links_to_another_page_is_still_pinned(link: str) -> None:
    """A post pinned above the stream in a box of its own that links to another page by a
    "Read more" or its picture (a summary's "Read more on our explainer", a picture opening a
    gallery), or whose every post does so ("Mehr lesen" under each), is a pinned post: only a
    picture or a "Read more" to the story its heading names, the stream's posts linking so
    none, makes a teaser. Built from no page."""
    pinned, each = _PINNED_LINKS[link]

    def post(n: int, extra: str) -> str:
        return (
            f'<article class="p9 k" data-post-id="n{n}"><div class="t"><span>1{n}:00</span></div>'
            f"<h3>Headline {n}</h3><p>What post {n} reports, in more than a few words.</p>"
            f"{extra.format(n=n)}</article>"
        )

    page = (
        "<html lang='en'><head><title>Storm live</title><meta property='article:published_time'"
        " content='2024-02-10T08:00:00+00:00'></head><body><main><div class='z1'>"
        f"<section class='z2'>{post(5, pinned)}</section>"
        f"<section class='z3'>{''.join(post(n, each) for n in (4, 3, 2, 1))}</section>"
        "</div></main></body></html>"
    ).encode()
    updates = stream_of(page, "https://news.example/live/storm")
    assert [(u.source_id, u.pinned) for u in updates] == [("n5", True)] + [
        (f"n{n}", False) for n in (4, 3, 2, 1)
    ]


@pytest.mark.parametrize(
    ("lang", "title", "lines"),
    [
        ("de", "Unwetter im Süden: der Ticker",
         ["Vor 5 Stunden", "Vor 9 Stunden", "Vor einem Tag", "Vor zwei Tagen", "Vor drei Tagen"]),
        ("en", "Storm: live updates",
         ["5 hours ago", "9 hours ago", "A day ago", "Two days ago", "Three days ago"]),
    ],
)  # fmt: skip
def test_a_slow_tickers_days_in_words_below_its_hours_in_figures_are_its_entries(
    lang: str, title: str, lines: list[str]
) -> None:
    """A ticker of a slow story, newest first, whose entries of today say how long ago in
    figures ("Vor 5 Stunden") and those of the days before in words ("Vor zwei Tagen"): its
    entries of a day or more ago, one a day, are no story so far under entries of hours ago.
    Built from no page."""
    body = "".join(f"<h2>{line}</h2><p>{_NARRATIVE} ({n})</p>" for n, line in enumerate(lines))
    updates = live_updates(
        f"<div class='article-body'>{body}</div>", title, "2024-05-04T08:00:00Z", lang=lang
    )
    assert [u.published_at for u in updates] == [
        "2024-05-04T03:00:00Z",
        "2024-05-03T23:00:00Z",
        "2024-05-03T08:00:00Z",
        "2024-05-02T08:00:00Z",
        "2024-05-01T08:00:00Z",
    ]


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("Trump sues CNN – latest updates | CNN Politics", "CNN"),
        ("Example News readers react – live updates | Example News", "Example News"),
    ],
)
def test_a_sites_name_in_the_pages_own_title_keeps_the_titles_live_words(
    title: str, site: str
) -> None:
    """A page whose own title names the site before its live words ("Trump sues CNN – latest
    updates | CNN Politics") is live by them: only what follows the site's name where it comes
    last is its tagline. Built from no page."""
    updates = _beside_latest_column(
        title,
        title.split(" – ")[0],
        "https://www.example-news.com/politics/lawsuit-123",
        f"<meta property='og:site_name' content='{site}'>",
    )
    assert len(updates) == 4


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Council approves homes | Example News – latest news and live updates",
         "https://www.example-news.com/news/council-homes-123"),
        ("Example News | Breaking news, latest updates and live coverage",
         "https://www.example-news.com/"),
    ],
)  # fmt: skip
def test_a_sites_tagline_where_the_page_names_no_site_says_nothing_live(
    title: str, url: str
) -> None:
    """A site's tagline after its name in the title, on a page with no `og:site_name`: the
    name is the title's part that spells the site's address ("Example News" at
    example-news.com), and what follows it says nothing of the page. Built from no page."""
    assert _beside_latest_column(title, "Council approves homes", url) == []


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # A quote's attribution its class calls the author ("autor"): who said it.
        (
            "<blockquote><p>Wir stehen an der Seite der Ukraine, heute wie morgen.</p>"
            '<footer class="autor">{}</footer></blockquote>',
            "de",
        ),
        # A quoted post's account, its avatar and name, in the embed's box.
        (
            '<div class="x5 tweet-embed"><img src="https://pbs.twimg.com/profile_images/1.jpg"'
            ' alt=""><span>{}</span><p>What the account says about the harbour.</p></div>',
            "en",
        ),
        # A photo's credit linked to the photographer's profile, in its caption.
        (
            '<figure><img src="/p/harbour.jpg" alt="The harbour">'
            '<figcaption><a href="/profile/17">{}</a></figcaption></figure>',
            "en",
        ),
        # On a German page, "Firma" is a company: its name, no writer.
        ('<div class="firma">{}</div>', "de"),
    ],
)
def test_a_line_marked_as_an_author_in_a_quote_an_embed_or_a_caption_is_no_byline(
    line: str, lang: str
) -> None:
    """Three untitled posts of a young blog, each with a line whose markup looks like an
    author's (a class "autor", an avatar beside it, a link to a profile) inside a quote, a
    quoted post's embed or a picture's caption, or a German page's `div.firma`, a company's
    box: the names are no writers of the posts."""
    names = ["Anna Berg", "Tom Reyes", "Mia Laurent"]
    updates = young_blog(names, None, line, lang=lang)
    assert [u.authors for u in updates] == [[]] * 3


def test_a_photo_captioned_by_the_name_in_its_alt_stays_the_posts_picture() -> None:
    """Each post of a young untitled blog opens with a person's photo, its `alt` the person's
    name, and a paragraph under it that names them ("Keir Starmer"): a caption, no byline
    beside an avatar; the photo stays the post's and the person is no author."""
    names = ["Keir Starmer", "Rachel Reeves", "Yvette Cooper"]
    line = '<div class="x1"><img src="/photos/{0}.jpg" alt="{0}"><p>{0}</p></div>'
    updates = young_blog(names, None, line)
    assert [u.authors for u in updates] == [[]] * 3
    assert [len(u.media) for u in updates] == [1] * 3


@pytest.mark.parametrize(
    ("names", "lang"),
    [
        # Surnames that are offices' words too, after the writer's first name.
        (["Jörg Sprecher", "Anna Berg", "Tom Reyes"], "de"),
        (["Franz Kanzler", "Anna Berg", "Tom Reyes"], "de"),
        (["Ana Mayor", "Lucía Pérez", "Tom Reyes"], "es"),
        (["Claire Le Maire", "Anna Berg", "Tom Reyes"], "fr"),
        (["Alexander Chancellor", "Anna Berg", "Tom Reyes"], "en"),
    ],
)
def test_a_writers_surname_that_is_an_offices_word_is_the_byline(
    names: list[str], lang: str
) -> None:
    """Under each title a writer's name whose surname is also an office's word ("Jörg
    Sprecher", "Ana Mayor", "Claire Le Maire"): the office stands before a name ("Kanzler
    Scholz", "Mayor Adams"), never after a first name, and the names are the authors."""
    updates = young_blog(names, YOUNG_TITLES[:3], "<div><strong>{}</strong></div>", lang=lang)
    assert [u.authors for u in updates] == [[name] for name in names]


@pytest.mark.parametrize(
    ("names", "words"),
    [
        (
            ["Ernst Weber", "Anna Berg", "Tom Reyes"],
            [
                "Die Bahn meldet die erste Warnung für den Abend.",
                "Die Lage ist ernst, sagt die Polizei am Abend.",
                "Die Fähre fährt wieder, heißt es.",
            ],
        ),
        (
            ["Anna Berg", "Will Berger", "Tom Reyes"],
            [
                "Der Verband will sich am Abend äußern, heißt es.",
                "Die Fähre fährt wieder, sagt die Polizei.",
                "Die Bahn meldet Verspätungen für den Abend.",
            ],
        ),
    ],
)
def test_a_german_writers_first_name_the_blog_writes_in_lower_case_once_is_the_byline(
    names: list[str], words: list[str]
) -> None:
    """Under each title of a German blog a writer's name, one first name among them a word
    German writes in lower case too ("Ernst" beside "die Lage ist ernst", "Will" beside "er
    will"): one such line of three is no subtitle's shape, and the names are the authors."""
    updates = young_blog(names, YOUNG_TITLES[:3], "<div><strong>{}</strong></div>", words, "de")
    assert [u.authors for u in updates] == [[name] for name in names]


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        ("Reporting by {}", [["Sara Rossi"], ["Mark Potter"], ["Anna Berg"]]),
        ("Reporting by {}; Editing by Jan Roe", [["Sara Rossi"], ["Mark Potter"], ["Anna Berg"]]),
        ("(Reporting by {} in Kyiv; Writing by Lucy Marks; Editing by Jan Roe)",
         [["Sara Rossi", "Lucy Marks"], ["Mark Potter", "Lucy Marks"], ["Anna Berg", "Lucy Marks"]]),
        ("(Reporting by {} and Omar Said; Additional reporting by Li Wei; Editing by Jan Roe)",
         [[n, "Omar Said", "Li Wei"] for n in ("Sara Rossi", "Mark Potter", "Anna Berg")]),
    ],
)  # fmt: skip
def test_a_wires_credit_closing_each_post_unclassed(credit: str, authors: list[list[str]]) -> None:
    """Each post of a young untitled blog closes with a wire's credit in a paragraph no class
    names: a credit of writers alone is the posts' byline, as "Posted by" there is; of one of
    several roles, Reuters' "(Reporting by …; Writing by …; Editing by …)", the reporters and
    the writer are the posts' authors, never the editors, and the credit leaves the words."""
    names = ["Sara Rossi", "Mark Potter", "Anna Berg"]
    line = (
        '<div class="x0c1d"><p>Shares fell sharply in early trade after the figures came out.'
        f"</p></div><p>{credit}</p>"
    )
    updates = young_blog(names, None, line)
    assert [u.authors for u in updates] == authors
    assert not any("by" in u.body_text for u in updates)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Reporting by Sara Rossi; Editing by Jane Doe", "Sara Rossi"),
        ("Reporting by Sara Rossi and Tom Reyes in Rome; Editing by Jane Doe", "Sara Rossi, Tom Reyes"),
        ("Writing by Lucy Marks; Editing by Jane Doe and Mark Potter", "Lucy Marks"),
        ("Editing by Jane Doe; Graphics by Tom Reyes", ""),
        ("Reporting by the numbers; editing by hand", "Reporting by the numbers; editing by hand"),
        # One role alone: an editor's names no writer, a writer's names the writer.
        ("(Editing by Jane Doe)", ""),
        ("Edited by Jane Doe and Mark Potter", ""),
        ("Compiled by Tom Reyes; Edited by Jane Doe", ""),
        ("(Writing by Lucy Marks)", "Lucy Marks"),
        ("Editing by hand", "Editing by hand"),
        # Roles set apart by commas rather than semicolons, as AP and smaller wires write them.
        ("Reporting by Sara Rossi, editing by Jane Doe", "Sara Rossi"),
        ("Reporting by Sara Rossi and Tom Reyes, writing by Lucy Marks, editing by Jane Doe",
         "Sara Rossi, Tom Reyes, Lucy Marks"),
        ("(Reporting by Sara Rossi in Kyiv, Editing by Jane Doe)", "Sara Rossi"),
        ("Reporting by the numbers, editing by hand", "Reporting by the numbers, editing by hand"),
    ],
)  # fmt: skip
def test_a_wires_credit_of_several_roles_names_its_writers(text: str, names: str) -> None:
    """In a byline's box, Reuters' credit of several roles names its reporters and its writer,
    never its editors; a credit of none of them names no one, and a sentence is no credit."""
    assert lines.byline_name(text) == names


def test_a_wires_credit_naming_only_its_editor_in_a_bylines_box_names_no_author() -> None:
    """A probe built on a wire's live page whose posts set the credit in a byline's box, where
    a post a desk wrote credits its editor alone, "(Editing by Jane Doe)": the author was
    "Editing by Jane Doe" since e63ba26, though an editor is never a post's author (48eb678
    read only credits of several roles); the credit is no word of the post either."""
    shown = ["(Editing by Jane Doe)", "(Reporting by Sara Rossi; Editing by Jane Doe)"] * 2
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Front line update {n}</h2><span class='byline'>{credit}</span><p>Shelling hit "
        f"the city overnight, officials said, in more words than that ({n}).</p></article>"
        for n, credit in enumerate(shown)
    )
    updates = live_updates(
        f"<div class='feed'>{posts}</div>", "Ukraine live", "2024-05-01T18:00:00Z"
    )
    assert [u.authors for u in updates] == [[], ["Sara Rossi"], [], ["Sara Rossi"]]
    assert not any("Editing" in u.body_text for u in updates)


def test_a_byline_of_name_outlet_and_place_names_the_writer() -> None:
    """A probe built on Globo's g1 live pages, whose byline's box reads "Por Marcela Mattos,
    g1 — Brasília" (a byline word, a name, the outlet after a comma, a dash and the place):
    the whole line stood as the author's name; the outlet alone ("Por g1") stays the outlet,
    and a byline whose part before the comma is no full name stays as written."""
    shown = ["Por Marcela Mattos, g1 — Brasília", "Por g1"] * 2
    posts = "".join(
        f"<div class='live-post' id='p{n}'><span class='live-time'>1{n}:00</span>"
        f"<h2>Governo aprova medidas {n}</h2><p>O Conselho de Ministros aprovou esta manhã um "
        f"pacote de medidas para as famílias ({n}).</p><p class='live-author'>{credit}</p></div>"
        for n, credit in enumerate(shown)
    )
    updates = live_updates(f"<div class='feed'>{posts}</div>", "Ao vivo", "2024-05-01T18:00:00Z")
    assert [u.authors for u in updates] == [["Marcela Mattos"], ["g1"]] * 2
    assert generic.author_names("Marcela Mattos, g1 — Brasília") == ["Marcela Mattos"]
    assert generic.author_names("Mattos, g1 — Brasília") == ["Mattos, g1 — Brasília"]


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        # An outlet whose name opens with its article, as French, Spanish, Italian, German
        # and Dutch papers' do, is no second writer.
        ("Jean Dupont, Le Monde — Saint-Denis", ["Jean Dupont"]),
        ("Ana Ruiz, El País — Madrid", ["Ana Ruiz"]),
        ("Marco Bianchi, La Stampa — Torino", ["Marco Bianchi"]),
        ("Ana Berg, O Globo — Rio de Janeiro", ["Ana Berg"]),
        # Two writers joined by a word, or a surname's small words, before the outlet.
        ("Ana Berg e Tom Reyes, g1 — Brasília", ["Ana Berg", "Tom Reyes"]),
        ("Ana Berg and Tom Reyes, TV Globo — Rio de Janeiro", ["Ana Berg", "Tom Reyes"]),
        ("Ana van der Berg, g1 — Brasília", ["Ana van der Berg"]),
        ("Maria da Silva, g1 — Recife", ["Maria da Silva"]),
        # A second writer's full name after the comma stays, as does no full name before it.
        ("Ana Berg, Tom Reyes — Paris", ["Ana Berg, Tom Reyes — Paris"]),
        ("Berg e Reyes, g1 — Brasília", ["Berg e Reyes, g1 — Brasília"]),
    ],
)
def test_a_byline_of_writers_outlet_and_place_names_the_writers(
    credit: str, authors: list[str]
) -> None:
    """A probe of bylines of the outlet after a comma and the place after a dash, their
    outlet's name opening with its article ("Jean Dupont, Le Monde — Saint-Denis"), or two
    writers joined by a word before it ("Ana Berg e Tom Reyes, g1 — Brasília"), or a
    surname's small words ("Ana van der Berg"): each whole line stood as the author's name."""
    assert generic.author_names(credit) == authors


@pytest.mark.parametrize(
    "credit",
    ["Ana Berg, Tom Reyes and Bo Li — Paris", "Ana Berg, Tom Reyes & Bo Li — Paris"],
)
def test_a_byline_of_three_writers_and_a_place_keeps_every_writer(credit: str) -> None:
    """A probe of bylines that list three writers, the last two joined by a word, and the
    place after a dash ("Ana Berg, Tom Reyes and Bo Li — Paris"): the two after the comma
    were read as an outlet, so only the first writer was left."""
    assert "Tom Reyes" in " ".join(generic.author_names(credit))
    assert "Bo Li" in " ".join(generic.author_names(credit))


@pytest.mark.parametrize(
    ("closing", "authors"),
    [
        (["Posted by Sara Rossi at 14:05", "Posted by Tom Reyes at 13:05"] * 2,
         [["Sara Rossi"], ["Tom Reyes"]] * 2),
        (["Posted by the council at 14:05", "Posted by the mayor's office at 13:05"] * 2,
         [[]] * 4),
    ],
)  # fmt: skip
def test_posted_by_a_name_at_a_clock_closing_each_post(
    closing: list[str], authors: list[list[str]]
) -> None:
    """A probe built on blogs (Blogger's "Posted by X at 14:05") whose posts close with a line
    that names the writer and the minute it was posted: every author was lost; the line is no
    word of the post. "Posted by the council at 14:05" names no one."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Rescue teams reach the valley {n}</h2><p>Crews worked through the night to clear "
        f"the road ({n}).</p><p>More on this as it comes in, from our team.</p>"
        f"<p class='meta'>{line}</p></article>"
        for n, line in enumerate(closing)
    )
    updates = live_updates(f"<div class='feed'>{posts}</div>", "Storm live", "2024-05-01T18:00:00Z")
    assert [u.authors for u in updates] == authors
    if authors[0]:
        assert not any("Posted" in u.body_text for u in updates)


@pytest.mark.parametrize(
    ("first", "authors"),
    [
        (["Autor: Sara Rossi", "Autor: Tom Reyes"] * 2, [["Sara Rossi"], ["Tom Reyes"]] * 2),
        (["Autor: Sara Rossi", "Autor: Tom Reyes", "Autor: Sara Rossi", "Ratownicy dotarli."],
         [["Sara Rossi"], ["Tom Reyes"], ["Sara Rossi"], []]),
        # A quoted book's author, in one post's words, is no writer of the post.
        (["Ratownicy dotarli.", "Ratownicy dotarli.", "Autor: Adam Mickiewicz", "Ratownicy dotarli."],
         [[]] * 4),
    ],
)  # fmt: skip
def test_an_author_label_opening_each_post_unclassed(
    first: list[str], authors: list[list[str]]
) -> None:
    """A probe built on Polish live pages whose posts open, under the title, with a paragraph
    like their others, "Autor: Sara Rossi", no class naming it: every author was lost. One such
    line in a single post (a book's author quoted) names no one."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Ratownicy w dolinie {n}</h2><p>{line}</p><p>Ekipy pracowały całą noc, aby "
        f"oczyścić drogę do centrum miasta ({n}).</p><p>Więcej informacji wkrótce.</p></article>"
        for n, line in enumerate(first)
    )
    updates = live_updates(
        f"<div class='feed'>{posts}</div>", "Relacja na żywo", "2024-05-01T18:00:00Z"
    )
    assert [u.authors for u in updates] == authors
    assert not any("Autor: Sara" in u.body_text for u in updates)


@pytest.mark.parametrize(
    ("first", "authors"),
    [
        (["By Sara Rossi", "By Tom Reyes"] * 2, [["Sara Rossi"], ["Tom Reyes"]] * 2),
        (["Von Max Muster", "Von Anna Berg"] * 2, [["Max Muster"], ["Anna Berg"]] * 2),
        (["Par Jean Dupont"] * 4, [["Jean Dupont"]] * 4),
        # Where each files from is no part of the name: the same two writers, in two places.
        (["By Sara Rossi in Kyiv", "By Sara Rossi in Lviv", "By Tom Reyes in Kyiv", "By Tom Reyes"],
         [["Sara Rossi"]] * 2 + [["Tom Reyes"]] * 2),
        # Two writers, each where she files from; a writer who signs again beside another.
        (["By Sara Rossi in Kyiv and Tom Reyes in Lviv", "By Sara Rossi in Kyiv",
          "By Tom Reyes in Lviv", "By Sara Rossi in Kyiv and Tom Reyes in Lviv"],
         [["Sara Rossi", "Tom Reyes"], ["Sara Rossi"], ["Tom Reyes"], ["Sara Rossi", "Tom Reyes"]]),
        (["By Sara Rossi, Mark Bishop", "By Sara Rossi, Kate Chancellor",
          "By Sara Rossi, Anna Major", "By Sara Rossi, Mark Bishop"],
         [["Sara Rossi", "Mark Bishop"], ["Sara Rossi", "Kate Chancellor"],
          ["Sara Rossi", "Anna Major"], ["Sara Rossi", "Mark Bishop"]]),
        # A wire's credit longer than a byline, its writers and never its editors.
        (["Reporting by Sara Rossi and Tom Reyes; additional reporting by Li Wei"] * 4,
         [["Sara Rossi", "Tom Reyes", "Li Wei"]] * 4),
        (["Reporting by Sara Rossi, Tom Reyes and Li Wei; editing by Jane Doe"] * 4,
         [["Sara Rossi", "Tom Reyes", "Li Wei"]] * 4),
        # A surname's small words a phrase might hold too, in lower case or capitalised.
        (["By Ana de los Santos", "By Carlos de las Heras"] * 2,
         [["Ana de los Santos"], ["Carlos de las Heras"]] * 2),
        (["By Ana De Los Santos", "By Tom Reyes"] * 2, [["Ana De Los Santos"], ["Tom Reyes"]] * 2),
        (["Por Ana de los Santos", "Por Luis Ortega"] * 2,
         [["Ana de los Santos"], ["Luis Ortega"]] * 2),
        # Words that open like a byline and name no one, or a new name in every post.
        (["By Tuesday the road was clear.", "By noon the river fell."] * 2, [[]] * 4),
        (["From Los Angeles", "From New York"] * 2, [[]] * 4),
        # A recurring section's title in title case: a small word of a phrase no name holds.
        (["By The Numbers"] * 4, [[]] * 4),
        (["By Order Of The Mayor", "By Air And Sea"] * 2, [[]] * 4),
        (["By Olga Tokarczuk", "By Czesław Miłosz", "By Stanisław Lem", "By Zadie Smith"],
         [[]] * 4),
    ],
)  # fmt: skip
def test_a_byline_opening_each_post_unclassed(first: list[str], authors: list[list[str]]) -> None:
    """A probe built on blogs whose posts open, under the title, with a paragraph like their
    others that signs them, "By Sara Rossi", "Von Max Muster", no class naming it: every
    author was lost and the byline stood first in each post's words."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Rescue teams reach the valley {n}</h2><p>{line}</p><p>Crews worked through the "
        f"night to clear the road ({n}).</p><p>More on this as it comes in.</p></article>"
        for n, line in enumerate(first)
    )
    updates = live_updates(f"<div class='feed'>{posts}</div>", "Storm live", "2024-05-01T18:00:00Z")
    assert [u.authors for u in updates] == authors
    kept = [line in u.body_text for u, line in zip(updates, first, strict=True)]
    assert kept == [not a for a in authors]


_WIRED = [
    ("en", "By Sara Rossi with Reuters", "By Tom Reyes with Reuters", "Sara Rossi", "Tom Reyes"),
    ("fr", "Par Jean Dupont avec AFP", "Par Marie Martin avec AFP", "Jean Dupont", "Marie Martin"),
    ("de", "Von Anna Berg mit dpa", "Von Max Muster mit dpa", "Anna Berg", "Max Muster"),
    ("it", "di Marco Rossi con Ansa", "di Giulia Bianchi con Ansa", "Marco Rossi", "Giulia Bianchi"),
    ("es", "Por Ana López con EFE", "Por Luis Ortega con EFE", "Ana López", "Luis Ortega"),
    ("pt", "Por Ana Souza com Agência Brasil", "Por João Lima com Agência Brasil", "Ana Souza",
     "João Lima"),
    ("nl", "Door Jan de Vries met ANP", "Door Eva Bakker met ANP", "Jan de Vries", "Eva Bakker"),
    ("en", "By Sara Rossi, Senior Reporter, BBC News", "By Tom Reyes, Live Reporter, BBC News",
     "Sara Rossi", "Tom Reyes"),
]  # fmt: skip


@pytest.mark.parametrize("boxed", [False, True])
@pytest.mark.parametrize(("lang", "one", "two", "first", "second"), _WIRED)
def test_a_bylines_wire_role_or_outlet_after_the_writer_is_no_second_author(
    lang: str, one: str, two: str, first: str, second: str, boxed: bool
) -> None:
    """Probes of the byl29 hunt (posts opening with their byline, in a paragraph like their
    others or in a box classed "byline"): the wire the writer wrote with ("Par Jean Dupont avec
    AFP") was read as part of the name, or the line as none, and a role after a comma
    ("Senior Reporter") as a second writer."""
    cls = " class='byline'" if boxed else ""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Rescue teams reach the valley {n}</h2><p{cls}>{line}</p><p>Crews worked through "
        f"the night to clear the road ({n}).</p><p>More on this as it comes in.</p></article>"
        for n, line in enumerate([one, two, one, two])
    )
    updates = live_updates(
        f"<div class='feed'>{posts}</div>", "Storm live", "2024-05-01T18:00:00Z", lang=lang
    )
    assert [u.authors for u in updates] == [[first], [second], [first], [second]]
    assert not any(one in u.body_text or two in u.body_text for u in updates)


@pytest.mark.parametrize("boxed", [False, True])
def test_a_guest_posts_byline_names_the_guest(boxed: bool) -> None:
    """A probe of the author31 hunt: a blog whose posts open with "By Jane Doe", in a box
    classed "byline" or a paragraph like their others, one of them "Guest post by Mark
    Bishop": in a box the whole line was the guest's name, in a paragraph it stayed the post's
    first words and the post had no author."""
    shown = ["By Jane Doe", "Guest post by Mark Bishop", "By Jane Doe", "By Jane Doe"]
    cls = " class='byline'" if boxed else ""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Rescue teams reach the valley {n}</h2><p{cls}>{line}</p><p>Crews worked through "
        f"the night to clear the road ({n}).</p><p>More on this as it comes in.</p></article>"
        for n, line in enumerate(shown)
    )
    updates = live_updates(f"<div class='feed'>{posts}</div>", "Storm live", "2024-05-01T18:00:00Z")
    assert [u.authors for u in updates] == [
        ["Jane Doe"],
        ["Mark Bishop"],
        ["Jane Doe"],
        ["Jane Doe"],
    ]
    assert not any("Guest post" in u.body_text for u in updates)


def test_a_guest_posts_byline_of_a_team_in_a_box_names_the_team() -> None:
    """A probe of the revauthor31 hunt: a guest's credit in a byline's box that names a team or
    a paper, its words in small letters ("Guest post by the Carbon Brief team"), was the
    author whole, the guest's words and all, where "By the Carbon Brief team" gave the team."""
    shown = ["By Jane Doe", "Guest post by the Carbon Brief team", "By Jane Doe", "By Jane Doe"]
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Rescue teams reach the valley {n}</h2><p class='byline'>{line}</p><p>Crews worked "
        f"through the night to clear the road ({n}).</p><p>More on this as it comes in.</p></article>"
        for n, line in enumerate(shown)
    )
    updates = live_updates(f"<div class='feed'>{posts}</div>", "Storm live", "2024-05-01T18:00:00Z")
    assert updates[1].authors == ["the Carbon Brief team"]
    assert not any("Guest post" in u.body_text for u in updates)


_TEAM = ["Sara Rossi", "Tom Reyes", "Ann Lee", "Bo Li", "Jan Novak", "Eva Kral", "Ola Nowak"]


@pytest.mark.parametrize(
    ("names", "signed"),
    [
        # A team of eight that rotates, half of them twice in twelve posts: every post signed.
        ([*_TEAM, "Ken Ito", *_TEAM[:4]], True),
        ([*_TEAM[:6], *_TEAM[:6]], True),
        # A festival's authors, one of them on twice (a talk, then a signing): no one's.
        ([*_TEAM, "Ken Ito", "Sara Rossi"], False),
    ],
)
def test_a_byline_opening_each_post_of_a_team_that_rotates(names: list[str], signed: bool) -> None:
    """A probe built on team blogs whose posts open with "By Sara Rossi" under the title, a
    paragraph like their others, seven or eight writers in turn, most of whose lines name one
    who signs again: every author was lost and the byline stood first in each post's words,
    as where a festival's posts each name a new book's author."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T{8 + n:02d}:00:00Z'>"
        f"{8 + n}:00</time><h2>Rescue teams reach the valley {n}</h2><p>By {name}</p><p>Crews "
        f"worked through the night to clear the road ({n}).</p><p>More on this soon.</p></article>"
        for n, name in enumerate(names)
    )
    updates = live_updates(f"<div class='feed'>{posts}</div>", "Storm live", "2024-05-01T22:00:00Z")
    assert [u.authors for u in updates] == [[n] if signed else [] for n in names]
    assert all((f"By {n}" in u.body_text) != signed for u, n in zip(updates, names, strict=True))


def test_an_author_label_opening_each_post_with_a_new_name_is_no_byline() -> None:
    """A probe built on literary festivals' live blogs, each post on one book and opening
    with its author, "Autor: Olga Tokarczuk", a new name in every post: each book's author
    stood as the post's writer and the line was lost from its words. A blog's writers sign
    post after post; a book's author once."""
    books = ["Olga Tokarczuk", "Wisława Szymborska", "Czesław Miłosz", "Stanisław Lem"]
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Spotkanie autorskie {n}</h2><p>Autor: {name}</p><p>Sala była pełna, a pytania "
        f"czytelników trwały do wieczora ({n}).</p><p>Więcej informacji wkrótce.</p></article>"
        for n, name in enumerate(books)
    )
    updates = live_updates(
        f"<div class='feed'>{posts}</div>", "Festiwal na żywo", "2024-05-01T18:00:00Z"
    )
    assert [u.authors for u in updates] == [[]] * 4
    assert [f"Autor: {name}" in u.body_text for u, name in zip(updates, books, strict=True)] == [
        True
    ] * 4


_SITE_TOP = (
    "<header class='site-header'><a class='logo' href='/'>Example News</a><nav><ul>"
    "<li><a href='/news/'>News</a></li><li><a href='/live/'>Live</a></li>"
    "<li><a href='/podcasts/'>Podcasts</a></li><li><a href='/food/'>Food</a></li></ul></nav>"
    "</header><div class='cookie-banner'><p>We use cookies to improve your experience. By "
    "continuing you agree to our cookie policy.</p><button>Accept all</button></div>"
)
_SITE_BOTTOM = (
    "<aside class='related'><h2>Related stories</h2><ul>"
    "<li><a href='/news/council-approves-homes'>Council approves new homes</a></li>"
    "<li><a href='/news/train-strike-off'>Train strike called off after talks</a></li></ul>"
    "</aside><footer class='site-footer'><a href='/about'>About us</a> <a href='/privacy'>"
    "Privacy policy</a><p>© 2024 Example News Ltd. All rights reserved.</p></footer>"
)
_SENTENCES = (
    "Crowds have gathered in the main square, many of them holding flags and banners.",
    "Police have closed the bridge to traffic, and buses go through the east of town.",
    "The mayor's office says she will speak from the town hall balcony in a few minutes.",
    "The electoral commission has confirmed the result: a majority of twelve seats.",
    "The opposition leader has conceded and called for calm on the streets tonight.",
    "Music has started in the square, and the night looks set to go on for hours.",
)
_SHARE_BAR = (
    "<div class='share'><a href='https://www.facebook.com/sharer/sharer.php?u=x'>Share</a>"
    "<a href='https://twitter.com/intent/tweet?url=x'>Post</a></div>"
)
_UNTIMED_BOXES = {
    # A podcast's episodes, each with a link to its own page to listen.
    "episodes": (
        "https://news.example.com/live/podcasts",
        "Podcasts | Example News Live",
        "<div class='episode'><h3>Episode: {title}</h3><p>{words}</p><span>32 min</span>"
        "<a class='listen' href='/podcasts/episode-{n}'>Listen</a></div>",
        False,
    ),
    # A podcast's episodes, each with its player and no link.
    "episodes played here": (
        "https://news.example.com/live/podcasts",
        "Podcasts | Example News Live",
        "<div class='episode'><h3>{title}</h3><p>{words}</p>"
        "<audio controls src='/audio/episode-{n}.mp3'></audio><button>Play</button></div>",
        False,
    ),
    # A concert hall's events, each with its tickets' page.
    "events": (
        "https://news.example.com/whats-on/live-events",
        "Live events | Example News",
        "<div class='event'><h3>{title}</h3><p>{words}</p>"
        "<a href='/tickets/{n}'>Book tickets</a></div>",
        False,
    ),
    # A recipe's steps, numbered.
    "steps": (
        "https://news.example.com/food/live-cooking-chickpea-curry",
        "Live cooking: a quick chickpea curry | Example News",
        "<div class='step'><h3>Step {n}</h3><p>{words}</p></div>",
        False,
    ),
    # A Q&A's questions, each a heading with its answer below.
    "questions": (
        "https://news.example.com/news/live-qa-bus-changes",
        "Live Q&A: your questions answered | Example News",
        "<div class='faq-item'><h3>What about {title}?</h3><p>{words}</p></div>",
        False,
    ),
    # A live blog that shows no times: its posts, each with its share bar or without.
    "shared posts": (
        "https://news.example.com/live/election-night-results",
        "Election night: results as they come in | Example News",
        "<div class='post-box'><h2>{title}</h2><p>{words}</p>" + _SHARE_BAR + "</div>",
        True,
    ),
    "plain posts": (
        "https://news.example.com/live/election-night-results",
        "Election night: results as they come in | Example News",
        "<div class='box'><h2>{title}</h2><p>{words}</p></div>",
        True,
    ),
    # A live Q&A whose answers carry their times is a live blog.
    "timed answers": (
        "https://news.example.com/news/live-qa-bus-changes",
        "Live Q&A: your questions answered | Example News",
        "<div class='answer'><time>1{n}:05</time><h3>What about {title}?</h3><p>{words}</p></div>",
        True,
    ),
}


@pytest.mark.parametrize("kind", list(_UNTIMED_BOXES))
def test_untimed_boxes_at_a_live_address_are_posts_only_where_they_read_as_posts(kind: str) -> None:
    """Six boxes alike with no time, at an address or under a title that says live, inside a
    site's header, cookie banner, related stories and footer: a podcast's episodes and a
    concert hall's events, each box leading to a page of its own, episodes each with a
    player of its own, a recipe's numbered steps,
    a Q&A's questions, are no live blog's posts; an untimed blog's posts, shared or not, and
    a live Q&A's timed answers are. Built from no page."""
    url, title, box, live = _UNTIMED_BOXES[kind]
    titles = ("the buses", "the trains", "the fares", "the routes", "the schools", "the hours")
    boxes = "".join(
        box.format(n=n + 1 if kind != "timed answers" else 6 - n, title=t.capitalize(), words=w)
        for n, (t, w) in enumerate(zip(titles, _SENTENCES, strict=True))
    )
    body = (
        f"<html lang='en'><head><title>{title}</title></head><body>{_SITE_TOP}<main>"
        f"<h1>{title.split(' | ')[0]}</h1><div class='list'>{boxes}</div></main>"
        f"{_SITE_BOTTOM}</body></html>"
    )
    updates = extract_page(body.encode(), url, fetched_at="2024-05-01T18:00:00Z").updates
    assert len(updates) == (6 if live else 0)


def _blog_in_its_script(
    language: str, items: list[str], published: str, title: str, stream: str
) -> list[Update]:
    """What extract_page reads at noon UTC on 1 May 2024 from a live page in `language`
    published at `published`, its heading `title` over its posts `items` in `div.{stream}`."""
    html = (
        f'<html lang="{language}"><head><meta property="article:published_time"'
        f' content="{published}"></head><body><h1>{title}</h1>'
        f'<div class="{stream}">{"".join(items)}</div></body></html>'
    )
    url = "https://news.example.com/live/" + language
    return extract_page(html.encode(), url, "2024-05-01T12:00:00Z").updates


def test_a_japanese_blogs_posts_say_sentences_without_spaces() -> None:
    """A Japanese live page (NHK's shape: a clock "20時56分", a title, a paragraph), built by
    hand: Japanese runs its words together, so its sentences are a run of its letters ended
    by "。", not five words between spaces; its posts are a live blog's, with their times."""
    posts = [
        ("東京で震度4の地震", "午後8時すぎ、東京23区で震度4の揺れを観測しました。"),
        ("新幹線が一時運転見合わせ", "地震の影響で東海道新幹線が一時運転を見合わせました。"),
        ("気象庁が会見", "気象庁は今後1週間程度は同じ程度の揺れに注意するよう呼びかけています。"),
        ("停電は解消", "東京電力によりますと、一時およそ3000軒で起きていた停電は解消しました。"),
    ]
    items = [
        f'<section class="jp-entry" id="e{i}"><span class="jp-entry__time">20時{56 - 9 * i}分'
        f"</span><h2>{title}</h2><p>{words}</p></section>"
        for i, (title, words) in enumerate(posts)
    ]
    read = _blog_in_its_script(
        "ja", items, "2024-05-01T18:00:00+09:00", "【随時更新】東京で震度4", "jp-stream"
    )
    assert [(u.headline, u.published_at) for u in read] == [
        (title, f"2024-05-01T11:{56 - 9 * i}:00Z") for i, (title, _) in enumerate(posts)
    ]


# Live pages of scripts whose words carry vowel signs (Devanagari, Bengali, Tamil) or run
# together with no full stop (Thai), built by hand after the time forms of NDTV India's,
# Anandabazar's, Dinamalar's and Thairath's live pages: a clock, a title, a paragraph.
_MARKED_SCRIPTS = {
    "hi": [
        ("दिल्ली में भारी बारिश", "राजधानी के कई इलाकों में सुबह से तेज बारिश हो रही है।"),
        ("मेट्रो सेवा प्रभावित", "दिल्ली मेट्रो ने बताया कि येलो लाइन पर सेवा धीमी चल रही है।"),
        ("मौसम विभाग का अलर्ट", "मौसम विभाग ने अगले दो दिनों के लिए ऑरेंज अलर्ट जारी किया है।"),
        ("स्कूल बंद रहेंगे", "जिला प्रशासन ने सभी सरकारी स्कूलों को कल बंद रखने का आदेश दिया है।"),
    ],
    "bn": [
        ("কলকাতায় প্রবল বৃষ্টি", "সকাল থেকে শহরের বিভিন্ন এলাকায় ভারী বৃষ্টি হচ্ছে, রাস্তায় জল জমেছে।"),
        ("মেট্রো পরিষেবা ব্যাহত", "জল জমে যাওয়ায় কয়েকটি স্টেশনের মধ্যে মেট্রো চলাচল বন্ধ ছিল।"),
        ("আবহাওয়া দফতরের সতর্কতা", "আবহাওয়া দফতর আগামী দুদিনের জন্য কমলা সতর্কতা জারি করেছে।"),
        ("স্কুল ছুটি ঘোষণা", "জেলা প্রশাসন আগামীকাল সব সরকারি স্কুল বন্ধ রাখার নির্দেশ দিয়েছে।"),
    ],
    "ta": [
        ("சென்னையில் கனமழை", "நகரின் பல பகுதிகளில் காலை முதல் கனமழை பெய்து வருகிறது."),
        ("மெட்ரோ சேவை பாதிப்பு", "சில நிலையங்களுக்கு இடையே மெட்ரோ ரயில் சேவை நிறுத்தப்பட்டது."),
        ("வானிலை மையம் எச்சரிக்கை", "அடுத்த இரண்டு நாட்களுக்கு ஆரஞ்சு எச்சரிக்கை விடுக்கப்பட்டுள்ளது."),
        ("பள்ளிகளுக்கு விடுமுறை", "மாவட்ட நிர்வாகம் நாளை அனைத்து அரசு பள்ளிகளுக்கும் விடுமுறை அறிவித்துள்ளது."),
    ],
    "th": [
        (
            "ฝนตกหนักทั่วกรุงเทพฯ",
            "ช่วงเช้าที่ผ่านมามีฝนตกหนักในหลายเขตของกรุงเทพมหานคร ทำให้น้ำท่วมขังบนถนนหลายสาย",
        ),
        ("รถไฟฟ้าล่าช้า", "บีทีเอสแจ้งว่าการเดินรถสายสุขุมวิทล่าช้ากว่าปกติ ขอให้ผู้โดยสารเผื่อเวลาเดินทาง"),
        ("กรมอุตุฯ ออกประกาศเตือน", "กรมอุตุนิยมวิทยาออกประกาศเตือนพายุฤดูร้อนในภาคกลางและภาคตะวันออก"),
        ("โรงเรียนสั่งปิดชั่วคราว", "สำนักงานเขตสั่งปิดโรงเรียนในสังกัดเป็นการชั่วคราวเพื่อความปลอดภัยของนักเรียน"),
    ],
}


@pytest.mark.parametrize("language", list(_MARKED_SCRIPTS))
def test_blogs_in_scripts_with_vowel_signs_or_no_spaces_say_sentences(language: str) -> None:
    """A Hindi, Bengali, Tamil or Thai live page's posts say sentences: the vowel signs inside
    their words ("राजधानी") are parts of the words, not breaks between them, and Thai runs its
    words together with no full stop; the posts are a live blog's, with their times."""
    posts = _MARKED_SCRIPTS[language]
    items = [
        f'<div class="live-item" id="p{i}"><span class="live-time">{17 - i}:25</span>'
        f"<h3>{title}</h3><p>{words}</p></div>"
        for i, (title, words) in enumerate(posts)
    ]
    read = _blog_in_its_script(language, items, "2024-05-01T09:00:00+07:00", "LIVE", "live-blog")
    assert [(u.headline, u.published_at) for u in read] == [
        (title, f"2024-05-01T{10 - i:02d}:25:00Z") for i, (title, _) in enumerate(posts)
    ]


# An untimed live blog whose posts look like another kind's entries: a reporter answering
# readers' questions, each a post titled by its question, in a box its site names a live
# blog's (`div.live-blog`, `div.liveblog-feed`); and a diary's days, oldest first, "Day 1 –
# Arrival", in a plain list or a live blog's box. Built from no page.
_UNTIMED_LIVE = {
    "questions in a live blog's box": (
        "<div class='{box}'>{posts}</div>",
        "<div class='post'><h2>What about {title}?</h2><p>{words}</p></div>",
    ),
    "a diary's days": (
        "<div class='list'>{posts}</div>",
        "<div class='post'><h2>Day {n} – {title}</h2><p>{words}</p></div>",  # (no box)
    ),
    "a diary's days in a live blog's box": (
        "<div class='{box}'>{posts}</div>",
        "<div class='post'><h2>Day {n}. {title}</h2><p>{words}</p></div>",
    ),
}


@pytest.mark.parametrize("box", ["live-blog", "liveblog-feed"])
@pytest.mark.parametrize("kind", list(_UNTIMED_LIVE))
def test_untimed_posts_of_a_live_blog_that_look_like_entries_are_posts(kind: str, box: str) -> None:
    """Six untimed posts at a live address under a live title, titled as questions in a box
    that says it is a live blog's, or numbered by a diary's days, are the blog's posts."""
    outer, post = _UNTIMED_LIVE[kind]
    titles = ("the buses", "the trains", "the fares", "the routes", "the schools", "the hours")
    posts = "".join(
        post.format(n=n + 1, title=t.capitalize(), words=w)
        for n, (t, w) in enumerate(zip(titles, _SENTENCES, strict=True))
    )
    title = "Transport changes: your questions answered – live | Example News"
    body = (
        f"<html lang='en'><head><title>{title}</title></head><body>{_SITE_TOP}<main>"
        f"<h1>{title.split(' | ')[0]}</h1>{outer.format(box=box, posts=posts)}</main>"
        f"{_SITE_BOTTOM}</body></html>"
    )
    url = "https://news.example.com/live/transport-changes"
    updates = extract_page(body.encode(), url, fetched_at="2024-05-01T18:00:00Z").updates
    assert len(updates) == 6


@pytest.mark.parametrize("box", ["live-events", "live-podcasts", "live-faq", "olive-feed"])
def test_untimed_entries_in_a_box_named_live_but_no_blogs_are_no_posts(box: str) -> None:
    """A concert hall's events, each with its tickets' page, and a Q&A's questions, in a box
    named live but not a live blog's, are no posts."""
    titles = ("the buses", "the trains", "the fares", "the routes", "the schools", "the hours")
    for post in (
        "<div class='event'><h3>{title}</h3><p>{words}</p><a href='/tickets/{n}'>Tickets</a></div>",
        "<div class='faq-item'><h3>What about {title}?</h3><p>{words}</p></div>",
    ):
        posts = "".join(
            post.format(n=n + 1, title=t.capitalize(), words=w)
            for n, (t, w) in enumerate(zip(titles, _SENTENCES, strict=True))
        )
        body = (
            "<html lang='en'><head><title>Live | Example News</title></head><body>"
            f"{_SITE_TOP}<main><h1>Live</h1><div class='{box}'>{posts}</div></main>"
            f"{_SITE_BOTTOM}</body></html>"
        )
        url = "https://news.example.com/live/whats-on"
        assert extract_page(body.encode(), url, fetched_at="2024-05-01T18:00:00Z").updates == []


def _closed_blog(closings: list[str], lang: str = "en", before: str = "") -> list[Update]:
    """A blog built here after no publisher's markup: each post titled, two paragraphs of
    words (`before` in place of the second where given), and a last paragraph of its own,
    the post's entry of `closings` (none where it is empty)."""
    posts = "".join(
        f'<div class="post" id="{n}-post"><time datetime="2024-05-01T1{n}:00:00Z">x</time>'
        f"<h2>Update {n} on the border</h2><p>What post {n} reports, in a few words more.</p>"
        + (before or f"<p>More of what post {n} says, in a sentence of its own.</p>")
        + (f"<p>{last}</p>" if last else "")
        + "</div>"
        for n, last in zip(range(len(closings), 0, -1), closings, strict=True)
    )
    return live_updates(
        f"<div class='feed'>{posts}</div>", "Border: live updates", "2024-05-01T19:00:00Z",
        lang=lang,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("closings", "authors", "lang"),
    [
        (["By Emanuel Fabian"] * 3 + ["By Lazar Berman"], ["Emanuel Fabian"] * 3 + ["Lazar Berman"], "en"),
        (["(Reporting by Sara Rossi)"] * 4, ["Sara Rossi"] * 4, "en"),
        (["Von Max Muster", "Von Anna Berg", "Von Max Muster"], ["Max Muster", "Anna Berg", "Max Muster"], "de"),
        (["Par Jean Dupont"] * 3, ["Jean Dupont"] * 3, "fr"),
        (["김민수 기자", "이영희 기자", "김민수 기자"], ["김민수", "이영희", "김민수"], "ko"),
        (["（山田太郎）", "（佐藤花子）", "（山田太郎）", "（山田太郎）"], ["山田太郎", "佐藤花子", "山田太郎", "山田太郎"], "ja"),
    ],
)  # fmt: skip
def test_a_closing_byline_most_posts_end_with_names_their_authors(
    closings: list[str], authors: list[str], lang: str
) -> None:
    """The Times of Israel closes each live post with "By Emanuel Fabian" in a paragraph of
    its own, Korean papers with "김민수 기자", Japanese ones with "（山田太郎）": where most
    posts of the blog close so, the line names the post's author and leaves its words."""
    updates = _closed_blog(closings, lang)
    assert [u.authors for u in updates] == [[a] for a in authors]
    assert all(c not in u.body_text for u, c in zip(updates, closings, strict=True))


@pytest.mark.parametrize(
    ("closings", "lang"),
    [
        (["By Sara Rossi and Tom Reyes"] * 3, "en"),
        (["(Reporting by Sara Rossi and Tom Reyes)"] * 4, "en"),
        (["Von Max Muster und Anna Berg", "Von Max Muster und Anna Berg", "Von Max Muster"], "de"),
        (["Par Jean Dupont et Marie Curie"] * 3, "fr"),
    ],
)
def test_a_closing_byline_of_two_writers_names_both(closings: list[str], lang: str) -> None:
    """A closing byline that names two writers ("By Sara Rossi and Tom Reyes", "(Reporting
    by …)", "Von … und …") in most posts names the posts' authors as one of one writer does,
    and leaves the posts' words."""
    updates = _closed_blog(closings, lang)
    assert all(u.authors for u in updates)
    assert all(c not in u.body_text for u, c in zip(updates, closings, strict=True))


@pytest.mark.parametrize(
    ("closings", "before"),
    [
        (["", "", "By Emanuel Fabian", ""], ""),  # one post's closing line
        (["By the numbers"] * 3, ""),  # words
        (["— Winston Churchill"] * 3, "<p>“We shall fight on the beaches.”</p>"),  # a quote's
        (["Jane Doe"] * 3, "<p>Yours sincerely,</p>"),  # a letter's sign-off
        (["— Jane Doe"] * 3, "<p>With best wishes,</p>"),
        (["— Keir Starmer"] * 3, "<p>“This is a disgrace”.</p>"),  # a full stop after the quote
        (["— Olaf Scholz"] * 3, "<p>„Wir geben nicht nach“.</p>"),
    ],
)
def test_a_closing_line_that_signs_no_post_stays_its_words(
    closings: list[str], before: str
) -> None:
    """A closing "By …" in one post alone, "By the numbers", a quote's attribution after the
    quotation and a letter's sign-off name no author: they stay the posts' words."""
    updates = _closed_blog(closings, before=before)
    assert [u.authors for u in updates] == [[]] * len(closings)
    assert all(c in u.body_text for u, c in zip(updates, closings, strict=True) if c)


@pytest.mark.parametrize(
    "closings",
    [
        ["（続報あり）"] * 4,  # more to follow
        ["（随時更新）"] * 4,  # updated as it goes
        ["（詳細は追って）"] * 4,
        ["（速報）", "（速報）", "（速報）", "（続報あり）"],
    ],
)
def test_a_japanese_note_in_brackets_closing_each_post_is_no_writer(closings: list[str]) -> None:
    """A note in brackets that closes each post of a Japanese blog alike, "more to follow",
    "updated as it goes", is no one's name: it stays the posts' words, where "（山田太郎）"
    signs them."""
    updates = _closed_blog(closings, "ja")
    assert [u.authors for u in updates] == [[]] * len(closings)
    assert all(c in u.body_text for u, c in zip(updates, closings, strict=True))


@pytest.mark.parametrize("wire", ["Reuters", "PA Media"])
def test_a_list_whose_last_item_names_a_wire_is_no_credit(wire: str) -> None:
    """A list that closes a post, its last item a wire's name as each other post's closing
    credit is ("Agencies on the scene: AFP, AP, Reuters"), is the post's words: the author31
    hunt's probes found the list gone, every item of it, and the wire the post's author."""
    agencies = f"<p>Who reported it first:</p><ul><li>AFP</li><li>AP</li><li>{wire}</li></ul>"
    updates = _closed_blog([wire] * 3 + [""], before=agencies)
    assert [u.authors for u in updates] == [[wire]] * 3 + [[]]
    assert all(w in updates[-1].body_text for w in ("AFP", "AP", wire))


@pytest.mark.parametrize(
    ("desk_credits", "authors"),
    [
        (["HT News Desk"] * 4, ["HT News Desk"] * 4),
        (["Reuters", "AFP", "Reuters", "dpa"], ["Reuters", "AFP", "Reuters", "dpa"]),
        (["Reuters", "", "", ""], [None] * 4),  # one post's credit: words
        # A wire after a dash, a wire and its regional desk's or another wire's code after a
        # slash, as German papers sign ("dpa/lby", "AFP/dpa"), and Britain's PA Media.
        (["— Reuters"] * 4, ["Reuters"] * 4),
        (["dpa/lby", "dpa/lby", "AFP/dpa", "dpa/lnw"], ["dpa/lby", "dpa/lby", "AFP/dpa", "dpa/lnw"]),
        (["PA Media", "PA Media", "Reuters", "PA Media"], ["PA Media", "PA Media", "Reuters", "PA Media"]),
        (["— PA Media", "— AP", "— PA Media", "— Reuters"], ["PA Media", "AP", "PA Media", "Reuters"]),
        # Spain's, Portugal's, Switzerland's, Slovakia's and Romania's wires, alone, in brackets
        # or after another's slash.
        (["Europa Press", "(Europa Press)", "EFE/Europa Press", "Lusa"], ["Europa Press", "Europa Press", "EFE/Europa Press", "Lusa"]),
        (["Keystone-SDA", "TASR", "Agerpres", "Keystone-SDA"], ["Keystone-SDA", "TASR", "Agerpres", "Keystone-SDA"]),
    ],
)  # fmt: skip
def test_a_desk_credit_on_a_line_of_its_own_in_most_posts_is_their_author(
    desk_credits: list[str], authors: list[str | None]
) -> None:
    """Hindustan Times closes its live posts with "HT News Desk", other blogs with the wire's
    name alone ("Reuters", "AFP"): where most posts carry such a credit, it is their author.
    The author31 hunt's probes closed each post with "— Reuters", "dpa/lby" or "PA Media" and
    had none, the credit left as the post's last words."""
    updates = _closed_blog(desk_credits)
    assert [u.authors for u in updates] == [[a] if a else [] for a in authors]
    assert not any(
        a and c in u.body_text for u, c, a in zip(updates, desk_credits, authors, strict=True)
    )


@pytest.mark.parametrize(
    "office",
    ["Shadow Chancellor", "Lord Mayor", "Vice Chancellor", "Deputy Mayor", "Lord Chancellor"],
)
def test_an_office_of_two_words_under_a_title_is_no_writer(office: str) -> None:
    """Under each title a line that names an office of two words, the surname-like word after
    a word that makes it an office ("Shadow Chancellor", "Lord Mayor"): the slot's lines say
    who speaks, not who writes, and none is an author."""
    lines_ = [office, "Anna Berg", "Tom Reyes"]
    updates = young_blog(lines_, YOUNG_TITLES[:3], "<div><strong>{}</strong></div>")
    assert [u.authors for u in updates] == [[]] * 3


@pytest.mark.parametrize(
    ("desks", "authors"),
    [
        (["HT News Desk"] * 3, ["HT News Desk"] * 3),
        (["Reuters", "AFP", "Reuters"], ["Reuters", "AFP", "Reuters"]),
        (["Web Desk", "Anna Berg", "Tom Reyes"], [None] * 3),  # a desk once: no blog's way
    ],
)
def test_a_desk_credit_under_each_title_is_the_posts_author(
    desks: list[str], authors: list[str | None]
) -> None:
    """Under each title a line of its own that credits a desk ("HT News Desk") or a big wire
    ("Reuters", "AFP"), as the blog names its posts' writers: their author, no word."""
    updates = young_blog(desks, YOUNG_TITLES[:3], "<div><span>{}</span></div>")
    assert [u.authors for u in updates] == [[a] if a else [] for a in authors]


def test_a_place_under_each_title_the_blog_writes_as_a_dateline_in_capitals_is_no_writer() -> None:
    """Under each title a place in title case, no word marking it a place ("Buenos Aires"),
    where the blog's other posts open on the same place as a dateline in capitals ("BUENOS
    AIRES — …"): the lines say where, not who writes, and none is an author."""
    places = ["Buenos Aires", "Hong Kong", "Buenos Aires"]
    words = [
        "HONG KONG — Markets fell sharply after the opening bell, traders said.",
        "BUENOS AIRES — The government announced new measures on Tuesday morning.",
        "Officials said the measures would take effect within the week.",
    ]
    updates = young_blog(places, YOUNG_TITLES[:3], "<div><strong>{}</strong></div>", words)
    assert [u.authors for u in updates] == [[]] * 3


def test_a_german_ticker_titled_by_its_topics_news_gives_its_posts() -> None:
    """A hand-built page titled as Der Spiegel titles its day tickers ("Streik-News heute: …",
    as its RSS feed lists them), no other live word, no JSON-LD: plain boxes of posts (a shape
    of no known vendor) with a clock "13.55 Uhr" (Berlin time), a heading and a paragraph
    each; under the stream, the most-read list and comments."""
    posts = "".join(
        f'<div data-area="post" class="relative"><header><span>{clock} Uhr</span>'
        f"<h2>{head}</h2></header><div><p>{body}</p></div>"
        "<footer><button>Link kopieren</button></footer></div>"
        for clock, head, body in (
            (
                "13.55",
                "Bahn rechnet mit Ausfällen",
                "Die Bahn erwartet bundesweit erhebliche Einschränkungen im Fernverkehr.",
            ),
            (
                "13.38",
                "Opposition fordert Sondersitzung",
                "Die Union verlangt eine Sondersitzung des Bundestags noch in dieser Woche.",
            ),
            (
                "13.21",
                "Polizei meldet Festnahmen",
                "Bei den Protesten in Hamburg hat die Polizei zwölf Menschen festgenommen.",
            ),
            (
                "13.04",
                "DAX legt leicht zu",
                "Der deutsche Leitindex stieg bis zum Nachmittag um 0,6 Prozent an.",
            ),
        )
    )
    page = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        "<title>Streik-News heute: Bahn rechnet mit Ausfällen - DER SPIEGEL</title></head><body>"
        '<nav><a href="/">Startseite</a> <a href="/politik/">Politik</a></nav>'
        f"<main><h1>Streik-News heute: Bahn rechnet mit Ausfällen</h1><section>{posts}</section></main>"
        '<aside><h3>Meistgelesen</h3><ol><li><a href="/a-1.html">Eine Geschichte</a></li>'
        '<li><a href="/a-2.html">Noch eine Geschichte</a></li></ol></aside>'
        '<section id="comments"><div class="comment"><b>Karl_B</b> <span>vor 9 Min.</span>'
        "<p>Wieder einmal viel zu spät reagiert, finde ich.</p></div></section></body></html>"
    ).encode()
    updates = extract_page(
        page,
        "https://www.spiegel.de/politik/streik-news-heute-a-1234.html",
        fetched_at="2024-05-01T12:00:00Z",
    ).updates
    assert [u.headline for u in updates][:2] == [
        "Bahn rechnet mit Ausfällen",
        "Opposition fordert Sondersitzung",
    ]
    assert len(updates) == 4
    assert (updates[0].published_at or "").startswith("2024-05-01T11:55")


def test_a_flemish_blogs_clocks_written_with_u_date_its_posts() -> None:
    """A hand-built page after the Flemish sites' live blogs (HLN, Het Nieuwsblad, VRT NWS),
    which write their clocks "13u55": a plain box per post with its clock, a heading and a
    paragraph, Brussels time; each post is dated by its clock, which is no word of it."""
    rows = (
        (
            "13u55",
            "Kabinet presenteert plannen",
            "Het kabinet heeft vanmiddag de nieuwe maatregelen gepresenteerd.",
        ),
        (
            "13u38",
            "Oppositie wil debat",
            "De grootste oppositiepartij wil nog deze week een debat in de Kamer.",
        ),
        (
            "13u21",
            "Treinen rijden minder",
            "Door de staking rijden er minder treinen tussen Brussel en Antwerpen.",
        ),
        (
            "9u04",
            "Beurs licht hoger",
            "De Brusselse beurs stond vanochtend een half procent hoger dan gisteren.",
        ),
    )
    posts = "".join(
        f'<div class="live-blog__item"><span class="live-blog__time">{clock}</span>'
        f"<h2>{head}</h2><p>{body}</p></div>"
        for clock, head, body in rows
    )
    page = (
        '<!DOCTYPE html><html lang="nl-BE"><head><meta charset="utf-8">'
        "<title>LIVE. Staking legt land plat</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/binnenland/">Binnenland</a></nav>'
        f'<main><h1>LIVE. Staking legt land plat</h1><div class="live-blog">{posts}</div></main>'
        '<aside><h3>Meest gelezen</h3><ol><li><a href="/a~1/">Een verhaal</a></li></ol></aside>'
        "<footer>© 2024</footer></body></html>"
    ).encode()
    updates = extract_page(
        page, "https://www.hln.be/binnenland/live-staking~a1234/", fetched_at="2024-05-01T12:00:00Z"
    ).updates
    assert [u.published_at for u in updates] == [
        "2024-05-01T11:55:00Z",
        "2024-05-01T11:38:00Z",
        "2024-05-01T11:21:00Z",
        "2024-05-01T07:04:00Z",
    ]
    assert [u.body_text.split()[0] for u in updates] == ["Het", "De", "Door", "De"]


def test_a_flemish_duration_in_a_posts_words_is_no_time_of_it() -> None:
    """A hand-built page after a Flemish live blog whose posts show no time of their own (a
    heading and a paragraph each), where the words give how long something took, as Flemish
    writes it, "4u12" or "2u30": since 31727dd read "13u55" as a clock, each such duration
    was taken for the post's time and its paragraph left the post's words, empty. A clock so
    written is one alone in its box or after "om"; in prose it is how long."""
    said = (
        "2u30 lang stond de file aan de Kennedytunnel, meldt het Verkeerscentrum.",
        "Pogačar wint de rit na 4u12 koers, met twintig seconden voorsprong.",
        "De hulpdiensten zijn 24u per dag in de weer, zegt de burgemeester.",
        "Het peloton had 1u05 achterstand op het schema van de organisatie.",
    )
    posts = "".join(
        f"<div class='live-post' id='lp{n}'><h3>Bericht {n} van de dag</h3><p>{words}</p></div>"
        for n, words in enumerate(said)
    )
    updates = live_updates(
        f"<div class='feed'>{posts}</div>",
        "LIVE. Verkeer en koers",
        "2024-05-05T18:00:00Z",
        published="2024-05-05T06:00:00Z",
        lang="nl",
        url="https://www.example.be/live/verkeer",
    )
    assert [u.body_text for u in updates] == list(said)
    assert [u.published_at for u in updates] == [None] * 4


@pytest.mark.parametrize(
    "stamp",
    [
        '<span class="post-time">{c}</span> <span class="post-date">{d}</span>',
        '<span class="post-date">{d}</span> · <span class="post-time">{c}</span>',
        '<div class="post-time">{c}</div><div class="post-date">{d}</div>',
        '<time class="post-time"><span>{c}</span><span>{d}</span></time>',
    ],
)
def test_a_clock_just_after_the_fetch_beside_its_date_in_a_box_of_its_own_is_that_days(
    stamp: str,
) -> None:
    """A stamp whose clock and date stand in boxes of their own (a template's spans, built
    here) and whose clock runs a few minutes after the fetch (the publisher's clock fast) is
    on the date it shows, as the same stamp in one box is, not the day before."""
    posts = "".join(
        f"<article class='live-post'><div class='post-meta'>"
        f"{stamp.format(c=c, d='14 June 2024')}</div><h2>{title}</h2>"
        f"<p>{title}, and more words so that the post stands as one of its own.</p></article>"
        for c, title in [("15:20", "Minister arrives"), ("13:40", "Crowds gather"),
                         ("13:10", "Summit opens")]
    )  # fmt: skip
    body = f"<html lang='en-GB'><head><title>Summit live</title></head><body><main>{posts}"
    updates = extract_page(
        f"{body}</main></body></html>".encode(),
        "https://news.example.co.uk/live",
        fetched_at="2024-06-14T14:15:00Z",
    ).updates
    assert [u.published_at for u in updates] == [
        "2024-06-14T14:20:00Z",
        "2024-06-14T12:40:00Z",
        "2024-06-14T12:10:00Z",
    ]


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("en", "Lap {n}/57:"),
        ("de", "Runde {n}/57:"),
        ("fr", "Tour {n}/57 :"),
        ("it", "Giro {n} di 57:"),
        ("es", "Vuelta {n}/57 –"),
        ("nl", "Ronde {n}/57:"),
        ("pl", "Okrążenie {n}/57:"),
    ],
)
def test_a_race_commentarys_lines_that_a_lap_opens_are_its_posts(lang: str, label: str) -> None:
    """A race's commentary whose lines each open with their lap as a label, "Lap 23/57:
    Hamilton pits", no box of their own and no clock, is cut into posts at each such line:
    the lap the post's mark, neither its title nor its words, and no published time."""
    said = (
        "The leader pits from the front and rejoins in second place.",
        "A lock-up into turn one, and the car runs wide onto the gravel.",
        "Fastest lap of the race so far on the old medium tyres.",
        "The safety car comes in at the end of this lap, racing resumes.",
        "Lights out and away we go, a clean start from the front row.",
    )
    lines = "".join(
        f"<p>{label.format(n=n)} {words}</p>"
        for n, words in zip((52, 44, 37, 23, 1), said, strict=True)
    )
    page = page_of(f'<h1>Grand Prix live</h1><div class="commentary">{lines}</div>', lang=lang)
    url = "https://www.example-sport.com/f1/live/grand-prix"
    updates = extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [(u.headline, u.body_text, u.published_at) for u in updates] == [
        (None, w, None) for w in said
    ]


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("en", "Lap {n}/57:"),
        ("de", "Runde {n}/57:"),
        ("fr", "Tour {n}/57 :"),
        ("en", "{n} km to go:"),
    ],
)
def test_a_races_posts_whose_first_line_a_lap_opens_are_marked_by_it(lang: str, label: str) -> None:
    """A race's posts, each in a box of its own, whose first line opens with the lap or the
    distance to go as a label (`<div class="post"><p>Lap 23/57: Hamilton pits</p></div>`),
    no clock: the lap each post's mark, neither its title nor its words, no published time."""
    said = (
        "The leader pits from the front and rejoins in second place.",
        "A lock-up into turn one, and the car runs wide onto the gravel.",
        "Fastest lap of the race so far on the old medium tyres.",
        "The safety car comes in at the end of this lap, racing resumes.",
        "Lights out and away we go, a clean start from the front row.",
    )
    marks = (52, 44, 37, 23, 1) if "km" not in label else (5, 20, 45, 80, 150)
    posts = "".join(
        f'<div class="post"><p>{label.format(n=n)} {words}</p></div>'
        for n, words in zip(marks, said, strict=True)
    )
    page = page_of(f'<h1>Grand Prix live</h1><div class="stream">{posts}</div>', lang=lang)
    url = "https://www.example-sport.com/f1/live/grand-prix"
    updates = extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [(u.headline, u.body_text, u.published_at) for u in updates] == [
        (None, w, None) for w in said
    ]


@pytest.mark.parametrize("label", ["Lap {n}:", "Km {n}:", "Q4 {n}:11:", "Over {n}.3:"])
def test_a_posts_clock_below_a_first_line_that_a_lap_opens_dates_it(label: str) -> None:
    """A news blog's posts, each in a box of its own, whose first line opens with a lap, a
    kilometre, a game's clock or a ball as a label ("Lap 1: chaos at the start") and whose
    clock of the day stands below it (`<p class="time">12:40</p>`): the clock the post's time,
    the label its words, as a post's first time is."""
    said = (
        "Chaos at the start, two cars out before the first corner is even reached.",
        "The leaders pit together, and the order at the front stays as it was.",
        "Rain begins to fall on the back straight, and the teams ready their tyres.",
        "A slow stop for the leader hands the place to his team-mate in the pits.",
        "Lights out and away they go, a clean start from the front row of the grid.",
    )
    clocks = ("12:40", "12:10", "11:45", "11:20", "10:55")
    posts = "".join(
        f'<div class="post"><p>{label.format(n=n)} {words}</p><p class="time">{at}</p></div>'
        for n, words, at in zip((9, 7, 5, 3, 1), said, clocks, strict=True)
    )
    page = page_of(f'<h1>Race day live</h1><div class="stream">{posts}</div>')
    url = "https://www.example-news.com/news/live/race-day"
    updates = extract_page(page, url, fetched_at="2024-02-10T13:00:00Z").updates
    assert [(u.body_text, u.published_at) for u in updates] == [
        (f"{label.format(n=n)} {w}", f"2024-02-10T{at}:00Z")
        for n, w, at in zip((9, 7, 5, 3, 1), said, clocks, strict=True)
    ]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "<p>{n} km to go: {words}</p>"),
        ("de", "<p><strong>Noch {n} km:</strong> {words}</p>"),
        ("de", "<p>{n} km vor dem Ziel – {words}</p>"),
        ("fr", "<p>À {n} km de l'arrivée : {words}</p>"),
        ("it", "<p><b>A {n} km dall'arrivo</b> {words}</p>"),
        ("es", "<p>A {n} km de meta: {words}</p>"),
        ("nl", "<p>Nog {n} km: {words}</p>"),
        ("pl", "<p>{n} km do mety: {words}</p>"),
    ],
)
def test_a_races_lines_that_the_distance_to_go_opens_are_its_posts(lang: str, line: str) -> None:
    """A cycling commentary whose lines each open with the distance to go as a label ("45 km
    to go:", "Noch 45 km:", "À 45 km de l'arrivée :"), no box of their own and no clock, is
    cut into posts at each such line: the distance the post's mark, not its words."""
    said = (
        "The breakaway's lead is down to a minute as the bunch chases.",
        "A crash at the back of the bunch, and two riders are slow to rise.",
        "The sprinters' teams move to the front as the road nears the coast.",
        "Attack from the favourite on the climb, and the group splits apart.",
        "The flag drops and we are racing, with an early move from three.",
    )
    lines = "".join(
        line.format(n=n, words=words) for n, words in zip((20, 45, 80, 120, 180), said, strict=True)
    )
    page = page_of(f'<h1>Stage 5 live</h1><div class="commentary">{lines}</div>', lang=lang)
    url = "https://www.example-sport.com/cycling/live/stage-5"
    updates = extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [(u.headline, u.body_text, u.published_at) for u in updates] == [
        (None, w, None) for w in said
    ]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "<p>Km {n}: {words}</p>"),
        ("en", "<p><strong>Kilometre {n}</strong> – {words}</p>"),
        ("de", "<p>Km {n}: {words}</p>"),
        ("de", "<p><b>Kilometer {n}:</b> {words}</p>"),
        ("es", "<p>Kilómetro {n}: {words}</p>"),
        ("it", "<p><b>Km {n}</b> – {words}</p>"),
        ("fr", "<p>Km {n} : {words}</p>"),
    ],
)
def test_a_marathons_lines_that_the_distance_run_opens_are_its_posts(lang: str, line: str) -> None:
    """A marathon's commentary whose lines each open with the kilometre the leaders have
    reached as a label ("Km 30:", "Kilómetro 30:"), no box of their own and no clock, is cut
    into posts at each such line, newest first: the distance the post's mark, not its words;
    a later kilometre is later."""
    said = (
        "The leader pulls away from the group and runs alone towards the finish.",
        "The pace drops a little as the wind picks up along the lake shore road.",
        "Six runners remain at the front, and the pacemakers step off the course.",
        "The favourite takes a bottle at the drinks station and keeps his rhythm.",
        "The leaders pass halfway in just over an hour, on course for a fast time.",
    )
    lines = "".join(
        line.format(n=n, words=words) for n, words in zip((40, 35, 30, 25, 21), said, strict=True)
    )
    page = page_of(f'<h1>Marathon live</h1><div class="commentary">{lines}</div>', lang=lang)
    url = "https://www.example-sport.com/athletics/live/city-marathon"
    updates = extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [(u.headline, u.body_text, u.published_at) for u in updates] == [
        (None, w, None) for w in said
    ]


@pytest.mark.parametrize(
    "line",
    [
        "<p>{at}: {words}</p>",
        "<p><b>{at}:</b> {words}</p>",
        "<p><strong>{at}</strong> – {words}</p>",
        "<div class='post'><p>{at}: {words}</p></div>",
    ],
)
@pytest.mark.parametrize(
    "stamps",
    [
        ("Q4 2:11", "Q4 8:40", "Q3 1:05", "Q3 12:30", "Q2 0:45"),
        ("4th Qtr 2:11", "4th Qtr 8:40", "3rd Qtr 1:05", "3rd Qtr 12:30", "2nd Qtr 0:45"),
        ("P3 2:11", "P3 8:40", "P2 1:05", "P2 12:30", "P1 0:45"),
        ("4th 2:11", "4th 8:40", "3rd 1:05", "3rd 12:30", "2nd 0:45"),
    ],
)
def test_a_games_lines_that_its_clock_opens_are_its_posts(
    stamps: tuple[str, ...], line: str
) -> None:
    """An American game's commentary whose lines each open with the quarter or the period and
    the time left in it as a label ("Q4 2:11:", "4th Qtr 2:11 –", a hockey game's "P3 2:11:"),
    with no box of their own or each in its post's box, is cut into posts at each such line:
    the game's clock the post's mark, as in a stamp's box, not its words, and no published
    time."""
    said = (
        "Mahomes finds Kelce over the middle for a first down at the 30-yard line.",
        "The defence holds on third down and forces another punt from deep.",
        "Touchdown for the visitors as the quarterback keeps it himself on the sneak.",
        "The second half is under way and the visitors receive the opening kick-off.",
        "Field goal from 48 yards just before the break, and it is good.",
    )
    lines = "".join(line.format(at=at, words=words) for at, words in zip(stamps, said, strict=True))
    page = page_of(f'<h1>Final live</h1><div class="commentary">{lines}</div>')
    url = "https://www.example-sport.com/nfl/live/final"
    updates = extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [(u.headline, u.body_text, u.published_at) for u in updates] == [
        (None, w, None) for w in said
    ]


def test_a_courses_lines_that_a_kilometre_opens_are_no_posts() -> None:
    """A marathon's course guide whose lines open with the kilometre of each landmark ("Km 5:
    the first water station"), in the order they are run, at an address that says live, or
    the other way at an ordinary address, is no commentary: no post."""
    said = (
        "The first water station stands by the old town hall on the square.",
        "The course turns along the river and runs flat for a long stretch here.",
        "A long climb up to the park, the hardest part of the whole course by far.",
        "Sponges and gels are handed out at the station beside the football ground.",
        "The last stretch runs down the avenue to the finish by the cathedral.",
    )
    for order, url in (
        ((5, 10, 20, 30, 40), "https://www.example-sport.com/live/city-marathon"),
        ((40, 30, 20, 10, 5), "https://www.example-sport.com/athletics/marathon-course-guide"),
    ):
        lines = "".join(f"<p>Km {n}: {w}</p>" for n, w in zip(order, said, strict=True))
        page = page_of(f'<h1>The course</h1><div class="article-body">{lines}</div>')
        assert extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates == []


@pytest.mark.parametrize(
    ("stamps", "line"),
    [
        (("Over 34.2", "Over 30.1", "Over 22.5", "Over 12.3", "Over 0.1"), "<p>{at}: {words}</p>"),
        (("34.2 ov", "30.1 ov", "22.5 ov", "12.3 ov", "0.1 ov"), "<p><b>{at}</b> {words}</p>"),
        (("Set 3: 6-4", "Set 3: 5-4", "Set 2: 4-3", "Set 2: 3-2", "Set 1: 1-0"),
         "<p>{at} – {words}</p>"),
    ],
)  # fmt: skip
def test_a_commentarys_lines_that_a_ball_or_a_set_opens_are_its_posts(
    stamps: tuple[str, ...], line: str
) -> None:
    """A cricket or tennis commentary whose lines each open with the ball ("Over 34.2:", "34.2
    ov") or the set and its games ("Set 2: 4-3 –") as a label, no box of their own and no
    clock, is cut into posts at each such line: the mark the post's, not its words."""
    said = (
        "A thick edge and it races away to the boundary at third man.",
        "Dropped at slip! A regulation chance goes down, the bowler fumes.",
        "A break! A backhand winner down the line, and the crowd roars.",
        "Bowled him! The middle stump cartwheels back towards the keeper.",
        "We are under way, and the first ball is left alone outside off.",
    )
    lines = "".join(line.format(at=at, words=words) for at, words in zip(stamps, said, strict=True))
    page = page_of(f'<h1>Final live</h1><div class="commentary">{lines}</div>')
    url = "https://www.example-sport.com/sport/live/final"
    updates = extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [(u.headline, u.body_text, u.published_at) for u in updates] == [
        (None, w, None) for w in said
    ]


@pytest.mark.parametrize(
    ("phase", "score"), [("HT", "1-0"), ("Halbzeit", "1:0"), ("Mi-temps", "1-0")]
)
def test_a_phase_and_the_score_alone_in_a_commentarys_box_is_a_post(phase: str, score: str) -> None:
    """A commentary's post that gives a match's phase in the box where the others show their
    minute and the score and nothing else (`<span class="minute">HT</span><p>1-0</p>`),
    shorter than an untimed post must be, is a post all the same: the phase its mark, the
    score its words."""
    said = (
        score,
        "Son doubles the lead with a low finish into the far corner.",
        "Maddison curls in a free-kick for the opener from twenty yards.",
        "A bright start from Villa, and Vicario saves well down low.",
    )
    stamps = (phase, "67'", "31'", "8'")
    posts = "".join(
        f'<div class="live-post"><span class="minute">{at}</span><p>{words}</p></div>'
        for at, words in zip(stamps, said, strict=True)
    )
    updates = extract_page(
        page_of(f'<h1>Spurs v Villa live</h1><div class="stream">{posts}</div>'),
        "https://www.example-sport.com/football/live/spurs-v-villa",
        fetched_at="2024-01-28T18:00:00Z",
    ).updates
    assert [(u.headline, u.body_text) for u in updates] == [(None, w) for w in said]


@pytest.mark.parametrize(
    "mark",
    ["{k} km to go:", "Noch {k} km:", "Over {o}:", "<b>{o} ov</b>"],
)
def test_a_tickers_clock_on_a_line_of_its_own_marks_a_post_that_a_race_mark_opens(
    mark: str,
) -> None:
    """A ticker whose clock stands on a line of its own above the line that opens with the
    race's or the match's mark (`<p><b>16:40</b></p><p>45 km to go: …</p>`) is cut at its
    clocks: the post keeps its time, and the mark stays in its words."""
    said = (
        "The breakaway's lead is down to a minute as the bunch chases hard.",
        "A crash at the back of the bunch, and two riders are slow to rise.",
        "The sprinters' teams move to the front as the road nears the coast.",
        "Attack from the favourite on the climb, and the group splits apart.",
    )
    clocks = ("16:40", "16:20", "15:55", "15:30")
    marks = [
        mark.format(k=k, o=o)
        for k, o in zip((20, 45, 80, 120), ("34.2", "30.1", "22.5", "0.1"), strict=True)
    ]
    lines = "".join(
        f"<p><strong>{at}</strong></p><p>{m} {w}</p>"
        for at, m, w in zip(clocks, marks, said, strict=True)
    )
    page = page_of(f'<h1>Stage 5 live</h1><div class="live">{lines}</div>')
    url = "https://www.example-sport.com/sport/live/stage-5"
    updates = extract_page(page, url, fetched_at="2024-02-10T18:00:00Z").updates
    assert [(u.published_at, u.body_text) for u in updates] == [
        (f"2024-02-10T{at}:00Z", f"{m.replace('<b>', '').replace('</b>', '')} {w}")
        for at, m, w in zip(clocks, marks, said, strict=True)
    ]


@pytest.mark.parametrize(
    "line",
    ["<p>{m}: {words}</p>", "<p><b>{m}</b> {words}</p>", "<li>{m} – {words}</li>"],
)
def test_a_betting_previews_lines_that_open_with_a_half_goal_line_are_no_posts(line: str) -> None:
    """A betting preview's picks that each open with a goals or corners line ("Over 2.5:",
    "<b>Over 9.5</b>") read like a cricket ball, but a bettor's lines are halves and a
    commentary's balls are not all the fifth: the page has no post, on an address that says
    live (an in-play betting section's, `/live-betting/`) too."""
    said = (
        "Both sides have scored in each of their last six league games at home.",
        "The visitors keep clean sheets away and their striker is out injured.",
        "Corners have averaged eleven a game when these two sides have met.",
        "Eight of the hosts' last ten games have had three goals or more.",
    )
    picks = "".join(
        line.format(m=m, words=w)
        for m, w in zip(("Over 2.5", "Over 1.5", "Over 9.5", "Over 3.5"), said, strict=True)
    )
    box = f"<ul>{picks}</ul>" if line.startswith("<li>") else picks
    page = page_of(
        "<h1>Arsenal v Spurs betting tips</h1><div class='article-body'><p>Our tipster picks "
        f"four markets for Sunday's derby, with the best odds we found.</p>{box}</div>",
        title="Betting tips",
    )
    url = "https://www.example-sport.com/live-betting/arsenal-spurs-tips"
    assert extract_page(page, url, fetched_at="2024-02-10T18:00:00Z").updates == []


@pytest.mark.parametrize(
    ("lang", "marks", "said"),
    [
        ("de", ("80.", "67.", "45.+1", "23.", "1."),
         ("Lewandowski schießt aus spitzem Winkel, knapp vorbei am langen Pfosten.",
          "Freistoß für Bayern nach einem Foul an Musiala im Mittelfeld.",
          "Gelbe Karte für Kimmich nach einem taktischen Foul an der Mittellinie.",
          "Der erste Angriff der Gäste endet mit einem Abstoß vom Tor.",
          "Anpfiff in München, die Gastgeber stoßen an und spielen nach hinten.")),
        ("de", ("90.+2", "80.", "67.", "45.", "12."),
         ("Abpfiff! Die Bayern gewinnen das Spiel am Ende verdient mit zwei Toren.",
          "Lewandowski schießt aus spitzem Winkel, knapp vorbei am langen Pfosten.",
          "Freistoß für Bayern nach einem Foul an Musiala im Mittelfeld.",
          "Gelbe Karte für Kimmich nach einem taktischen Foul an der Mittellinie.",
          "Der erste Angriff der Gäste endet mit einem Abstoß vom Tor.")),
        ("en", ("34.6", "34.5", "22.1", "12.3", "0.1"),
         ("Starc to Kohli, FOUR, a thick edge races away to the boundary at third man.",
          "Starc to Kohli, no run, dropped at slip as a regulation chance goes down.",
          "Cummins to Gill, OUT, bowled him as the middle stump cartwheels back.",
          "Hazlewood to Rohit, 1 run, pushed into the covers for a quick single.",
          "Starc to Rohit, no run, the first ball is left alone outside off.")),
    ],
)  # fmt: skip
def test_a_commentarys_lines_that_a_bold_minute_or_ball_opens_are_its_posts(
    lang: str, marks: tuple[str, ...], said: tuple[str, ...]
) -> None:
    """A commentary whose lines each open with the match's minute as its language writes it
    or the ball in bold and nothing else (`<p><b>80.</b> Lewandowski…`, "<b>90.+2</b>",
    "<b>34.6</b> Starc to Kohli, …"), no box of their own and no clock, running down the page,
    is cut into posts at each such line: the mark the post's, not its words."""
    lines = "".join(f"<p><b>{at}</b> {words}</p>" for at, words in zip(marks, said, strict=True))
    page = page_of(f'<h1>Live</h1><div class="ticker">{lines}</div>', lang=lang)
    url = "https://www.example-sport.com/sport/live/match"
    updates = extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [(u.headline, u.body_text, u.published_at) for u in updates] == [
        (None, w, None) for w in said
    ]


# A film list's entries, under a rank or a rating in bold.
_TOP_FILMS = (
    "The Godfather, still the film every list puts near the top.",
    "Casablanca, whose lines everyone quotes without knowing it.",
    "Vertigo, which took decades to be counted among the best.",
    "Citizen Kane, once the first of every list of this kind.",
    "Tokyo Story, quiet and patient and unforgettable to the end.",
)


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("de", ["<p><b>{n}.</b> Geburtstag: Hans Müller aus der Gartenstraße feiert.</p>"
                .replace("{n}", n) for n in ("95", "90", "85", "80", "75")]),
        ("en", [f"<p><b>{n}.</b> {w}</p>" for n, w in zip(
            ("10", "9", "8", "7", "6"),
            _TOP_FILMS, strict=True)]),
        ("en", [f"<p><b>{n}</b> {w}</p>" for n, w in zip(
            ("9.2", "8.8", "8.1", "7.4", "7.0"),
            _TOP_FILMS, strict=True)]),
        ("en", [f"<p><b>{n}</b> {w}</p>" for n, w in zip(
            ("3.4", "3.2", "2.5", "2.1", "1.3"),
            ("Fixes a crash when the window is closed during a save.",
             "Adds a dark theme and a setting that follows the system.",
             "Speeds up search across large folders by half or more.",
             "Drops support for the oldest versions of the system.",
             "Adds export to PDF and a preview before printing."), strict=True)]),
        ("de", [f"<p><b>{n}.</b> {m}: {w}</p>" for n, m, w in zip(
            ("28", "21", "14", "7", "1"), ("Mai", "Mai", "Mai", "Mai", "Mai"),
            ("Die Bahn fährt wieder nach dem langen Streik der Lokführer.",
             "Der Streik beginnt am Morgen und legt den Verkehr lahm.",
             "Die Gewerkschaft ruft zum Streik auf, die Bahn warnt.",
             "Die Verhandlungen scheitern nach der dritten Runde.",
             "Die Gewerkschaft kündigt Verhandlungen mit der Bahn an."), strict=True)]),
    ],
)  # fmt: skip
def test_lines_that_a_bold_number_opens_are_no_commentarys_posts(
    lang: str, lines: list[str]
) -> None:
    """Lines that open with a bold number that runs down the page but is no match's minute or
    ball (a list of birthdays, "<b>80.</b> Geburtstag", a countdown of ranks one apart,
    ratings, a changelog's versions, a chronology's days before their month) cut no article
    into posts."""
    page = page_of(f'<h1>Die Woche</h1><div class="article">{"".join(lines)}</div>', lang=lang)
    url = "https://www.example-news.com/news/the-week"
    assert extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates == []


@pytest.mark.parametrize("box", ["span.stamp", "span.time", "div.minute"])
def test_match_minutes_with_their_word_alone_in_a_stamps_box_run_down(box: str) -> None:
    """A commentary whose boxed posts print their minute with its word alone in a box whose
    class says stamp, time or minute ("78 mins", "90+2 mins", "1 min" in `span.stamp`), the
    minutes running down the page from no more than a match runs, a phase between, is read as
    minutes: a post each, with no time. The same box's "5 mins", "12 mins", "25 mins", "1 hr",
    growing down the page, is how long ago, and no minute; nor is "5 mins" after "vor" or
    before "ago" in a box of its own."""
    tag, cls = box.split(".")
    said = (
        "Full-time! Arsenal hold on for a precious win at the Emirates.",
        "GOAL! Saka curls in a beauty from the edge of the box.",
        "Yellow card for Rice after a late challenge in midfield.",
        "Half-time here, and it is goalless after a tight first half.",
        "Martinelli shoots from distance but it is well over the bar.",
        "We are under way at the Emirates, Arsenal kick off.",
    )

    def page(stamps: tuple[str, ...], around: str = "{}") -> bytes:
        posts = "".join(
            f'<div class="post"><{tag} class="{cls}">{around.format(at)}</{tag}><p>{w}</p></div>'
            for at, w in zip(stamps, said, strict=True)
        )
        return page_of(f'<h1>Arsenal v Chelsea live</h1><div class="stream">{posts}</div>')

    url = "https://www.example-sport.com/football/live/arsenal-v-chelsea"
    match = ("90+2 mins", "78 mins", "61 mins", "HT", "23 mins", "1 min")
    updates = extract_page(page(match), url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [(u.body_text, u.published_at) for u in updates] == [(w, None) for w in said]
    ago = ("2 mins", "5 mins", "12 mins", "25 mins", "40 mins", "1 hr")
    assert extract_page(page(ago), url, fetched_at="2024-01-28T18:00:00Z").updates == []
    for around in ("<span>vor</span> {}", "{} <span>ago</span>", "{}</span> <span>ago"):
        falling = page(("55 mins", "40 mins", "30 mins", "25 mins", "12 mins", "5 mins"), around)
        assert extract_page(falling, url, fetched_at="2024-01-28T18:00:00Z").updates == []


def test_durations_alone_in_a_box_that_names_them_are_no_match_minutes() -> None:
    """A list of recipes at a live address, each card's cooking time alone in a box whose class
    says how long it takes ("120 mins" … "10 mins" in `span.cook-time`), falling down the page
    as a match's minutes do, is no commentary: no post."""
    names = (
        "Slow-roast lamb shoulder with garlic, rosemary and a glass of red wine for the pan.",
        "Chicken traybake with lemon, olives and potatoes, all in one tin for an easy supper.",
        "Spiced lentil soup with coriander and a swirl of yoghurt, warming on a cold night.",
        "Quick prawn stir-fry with noodles, ginger and spring onions in a hot wok tonight.",
        "Tomato bruschetta with basil and good olive oil, the simplest of starters to make.",
    )
    cards = "".join(
        f'<div class="recipe-card"><span class="cook-time">{m} mins</span><p>{w}</p></div>'
        for m, w in zip((120, 90, 45, 20, 10), names, strict=True)
    )
    page = page_of(f'<h1>Quick dinners</h1><div class="recipes">{cards}</div>')
    url = "https://www.example-food.com/live/quick-dinners"
    assert extract_page(page, url, fetched_at="2024-02-10T18:00:00Z").updates == []


_LIVE_TEXT = (
    ("1742", "The minister arrives at Downing Street and declines to answer questions."),
    ("1705", "Police close the bridge in both directions while engineers inspect it."),
    ("1631", "Several hundred people gather in the square as the results are awaited."),
    ("1158", "The council says schools in the district will stay closed until Monday."),
    ("0912", "Rail operators cancel most services and advise passengers not to travel."),
)


@pytest.mark.parametrize(
    "line",
    [
        "<p><strong>{at}:</strong> {words}</p>",
        "<p><b>{at}</b>: {words}</p>",
        "<p><span class='time'>{at}</span> {words}</p>",
        "<p><strong>{at}</strong></p><p>{words}</p>",
    ],
)
def test_a_live_texts_lines_that_a_four_digit_clock_opens_are_its_posts(line: str) -> None:
    """Live text of the BBC's 2008-2013 pages, whose lines each open with the 24-hour clock in
    four digits and no mark between, alone in bold or in a box whose class says time
    ("<p><strong>1742:</strong> The minister…"), newest first: each line a post at its clock,
    the clock no word of it."""
    lines = "".join(line.format(at=at, words=words) for at, words in _LIVE_TEXT)
    page = page_of(
        f'<h1>As it happened: Budget day</h1><div class="live-text">{lines}</div>',
        title="As it happened: Budget day",
        published="2016-10-24T08:00:00+01:00",
    )
    url = "https://www.bbc.co.uk/news/uk-politics-12345678"
    updates = extract_page(page, url, fetched_at="2016-10-24T18:00:00Z").updates
    assert [(u.body_text, u.published_at) for u in updates] == [
        (words, f"2016-10-24T{int(at[:2]) - 1:02d}:{at[2:]}:00Z") for at, words in _LIVE_TEXT
    ]


@pytest.mark.parametrize(
    "years",
    [
        ("2016", "2011", "2004", "1958", "1945"),  # a chronology, newest first
        ("2019", "2018", "2017", "2016", "2015"),  # one apart each
    ],
)
def test_lines_that_a_bold_year_opens_are_no_live_texts_posts(years: tuple[str, ...]) -> None:
    """A chronology whose lines open with a year in bold, newest first ("<b>2016:</b> …"),
    each of which a 24-hour clock in four digits could be, cuts no article into posts."""
    said = (
        "The club wins the league for the first time in its history.",
        "A new stadium opens on the edge of the city after long delays.",
        "The club is relegated after a season of injuries and debts.",
        "The first floodlit match is played in front of a large crowd.",
        "Football returns to the ground after the end of the war.",
    )
    lines = "".join(f"<p><b>{y}:</b> {w}</p>" for y, w in zip(years, said, strict=True))
    page = page_of(f'<h1>Club history</h1><div class="article">{lines}</div>', title="Live")
    url = "https://www.example-news.com/sport/live/club-history"
    assert extract_page(page, url, fetched_at="2024-01-28T18:00:00Z").updates == []


@pytest.mark.parametrize(
    "line",
    ["<p><strong>{at} GMT:</strong> {words}</p>", "<p><b>{at}GMT</b> {words}</p>"],
)
def test_a_live_texts_four_digit_clocks_that_name_their_zone_are_in_it(line: str) -> None:
    """The BBC World's live text of 2011, whose four-digit clocks name their zone ("<strong>
    2005 GMT:</strong> …"): each line a post at its clock in that zone, evening clocks too,
    which no year names a zone after."""
    marks = ("2005", "1958", "1942", "1931")
    lines = "".join(
        line.format(at=at, words=words) for at, (_, words) in zip(marks, _LIVE_TEXT, strict=False)
    )
    page = page_of(
        f'<h1>Libya live</h1><div class="live-text">{lines}</div>',
        title="Libya live",
        published="2011-02-24T08:00:00+00:00",
    )
    url = "https://www.bbc.co.uk/news/world-africa-12345679"
    updates = extract_page(page, url, fetched_at="2011-02-24T21:00:00Z").updates
    assert [(u.body_text, u.published_at) for u in updates] == [
        (words, f"2011-02-24T{at[:2]}:{at[2:]}:00Z")
        for at, (_, words) in zip(marks, _LIVE_TEXT, strict=False)
    ]


@pytest.mark.parametrize(
    "row",
    [
        "<ul class='buttonrow'><li><button>report</button></li><li><button>strike</button></li>"
        "</ul>",
        "<table class='actions'><tr><td><button type='button'>Share</button></td></tr></table>",
    ],
)
def test_a_posts_buttons_in_a_list_or_a_table_are_no_words(row: str) -> None:
    """A reddit live thread's updates (li.liveupdate, reddit's liveupdate script and readers'
    userscripts select `.buttonrow`) end with their buttons in a list of their own: a
    button's label is a control, never a post's words, in a list or a table as in a line;
    what else the list says stays."""
    items = "".join(
        f"<li class='liveupdate' id='liveupdate-{n}'><a href='/live/abc/updates/{n}'><time "
        f"class='live-timestamp' datetime='2024-06-10T2{n}:05:00+00:00'>{n + 1} hours ago</time>"
        f"</a><div class='body'><div class='md'><p>What update {n} says about the alert, in a "
        f"few more words.</p></div><a class='author' href='/user/watcher'>/u/watcher</a>{row}"
        "</div></li>"
        for n in (3, 2, 1)
    )
    main = f"<ol class='liveupdate-listing'>{items}</ol>"
    updates = live_updates(main, "Air raid alerts live", "2024-06-10T23:30:00Z")
    assert [u.body_text for u in updates] == [
        f"What update {n} says about the alert, in a few more words." for n in (3, 2, 1)
    ]
    kept = row.replace("<button>report</button>", "<button>report</button> and a note")
    main = main.replace(row, kept)
    updates = live_updates(main, "Air raid alerts live", "2024-06-10T23:30:00Z")
    if "report" in row:
        assert updates[0].body_text.endswith("in a few more words.\n\nand a note")


_LINES = [
    ("Bakerloo", "Good service"),
    ("Central", "Minor delays between Liverpool Street and Stratford after a signal failure."),
    ("Circle", "Good service"),
    ("District", "Part closure: no service between Earl's Court and Richmond."),
    ("Jubilee", "Good service"),
    ("Northern", "Severe delays because of a faulty train at Camden Town."),
]


@pytest.mark.parametrize(
    "stamp",
    [
        "<span class='updated'>Updated 14:{m:02d}</span>",  # each row's own edit, unread
        "<p class='maj'>Updated at 14:02</p>",  # the board's one minute on every row
    ],
)
def test_a_boards_rows_that_repeat_a_status_are_no_posts(stamp: str) -> None:
    """A transport operator's line status board (built after the shape such boards print: a
    line's name, its status in words, when it was updated), at a live address: its rows repeat
    one status word for word ("Good service") and show no two times, where a live blog's posts
    each say something of their own at a time of their own."""
    rows = "".join(
        f"<li class='line-status'><h3>{line}</h3><p>{status}</p>{stamp.format(m=10 - n)}</li>"
        for n, (line, status) in enumerate(_LINES)
    )
    body = page_of(f"<h1>Live Tube status</h1><ul class='status-board'>{rows}</ul>", "Live status")
    assert stream_of(body, "https://travel.example.com/live/status") == []


@pytest.mark.parametrize(
    ("url", "results"),
    [
        (
            "https://sport.example.com/football/live-scores",
            [
                ("67'", "Arsenal 2-0 Chelsea", "Saka and Havertz on target at the Emirates."),
                ("FT", "Leeds 1-1 Hull", "A late equaliser at Elland Road."),
                ("HT", "Celtic 0-0 Rangers", "Goalless at Parkhead."),
                ("82'", "Bayern 3-1 Dortmund", "Kane scores twice."),
                ("FT", "PSG 2-2 Lyon", "Drama in Paris."),
            ],
        ),
        (
            "https://sport.example.de/fussball/live-ergebnisse",
            [
                ("90.", "Bayern 2:1 Leipzig", "Musiala trifft spät zum Sieg."),
                ("Ende", "Köln 0:0 Mainz", "Torlos in Müngersdorf."),
                ("Pause", "Bremen 1:0 Wolfsburg", "Füllkrug per Kopf."),
                ("Ende", "Freiburg 3 : 2 Union", "Ein Spektakel im Breisgau."),
            ],
        ),
    ],
)
def test_a_live_scores_list_titled_by_each_matchs_score_is_no_stream(
    url: str, results: list[tuple[str, str, str]]
) -> None:
    """A live scores page (built after the shape such pages print: a match's state, its
    sides and score, a line) lists matches, each titled by its two sides and their score
    alone, none at a time of the day: no blog's posts, whose titles say what happened
    ("GOAL! Arsenal 1-0 Chelsea") and which come at times of their own."""
    rows = "".join(
        f"<div class='match'><span class='state'>{state}</span><h3>{title}</h3><p>{line}</p></div>"
        for state, title, line in results
    )
    body = page_of(f"<h1>Live scores</h1><div class='scores'>{rows}</div>", "Live scores")
    assert stream_of(body, url) == []


@pytest.mark.parametrize(
    ("lang", "events"),
    [
        (
            "en",
            [
                ("Saturday 10 February", "London Symphony Orchestra", "Mahler's Fifth."),
                ("Sunday 11 February", "Chamber music at noon", "Schubert's Trout Quintet."),
                ("Tuesday 13 February", "Jazz at the Hall", "A big band plays Ellington."),
                ("Thursday 15 February", "Organ recital", "Bach and Widor on the organ."),
            ],
        ),
        (
            "de",
            [
                ("14. Februar", "Sinfoniekonzert", "Brahms und Dvořák mit dem Orchester."),
                ("16. Februar", "Kammermusik", "Ein Streichquartett spielt Haydn."),
                ("20. Februar", "Jazzabend", "Eine Bigband spielt Ellington."),
                ("24. Februar", "Orgelnacht", "Bach und Widor an der Orgel."),
            ],
        ),
    ],
)
def test_untimed_events_each_dated_by_a_line_of_words_to_come_are_no_stream(
    lang: str, events: list[tuple[str, str, str]]
) -> None:
    """A concert hall's programme at a live address ("Live at the Hall"), each event dated by
    a line of words above its title and after the day the page was fetched: what is to come,
    which no live blog's posts are, untimed or not."""
    boxes = "".join(
        f"<div class='event'><p class='when'>{day}</p><h3>{title}</h3><p>{line}</p></div>"
        for day, title, line in events
    )
    body = page_of(
        f"<h1>Live at the Hall</h1><div class='events'>{boxes}</div>",
        "Live at the Hall",
        lang,
        published="2024-02-01T08:00:00+00:00",
    )
    url = "https://hall.example.org/live/whats-on"
    root = parse(body)
    assert root is not None
    clock = clock_of(root, url, "2024-02-01T12:00:00Z")
    assert generic.extract(prepare(root), url, clock).updates == []


_AGO_COMMENTARIES = {
    "pt": (
        "{} atrás",
        (
            "Fim de jogo! O Benfica segura a vitória no Estádio da Luz.",
            "GOLO! Rafa remata de fora da área e a bola entra no canto.",
            "Cartão amarelo para Otamendi depois de uma falta dura no meio-campo.",
            "Intervalo, e o jogo continua empatado depois de uma primeira parte fechada.",
            "Di María remata de longe, mas a bola passa muito por cima da barra.",
            "Começa o jogo na Luz, o Benfica dá o pontapé de saída.",
        ),
    ),
    "cs": (
        "před {}",
        (
            "Konec zápasu! Sparta udržela cenné vítězství na Letné.",
            "GÓL! Haraslín se trefil krásnou střelou z hranice vápna.",
            "Žlutá karta pro Kairinena po pozdním zákroku ve středu hřiště.",
            "Poločas, a stav je po vyrovnané první půli stále bez branek.",
            "Birmančević střílí z dálky, ale míč letí vysoko nad břevno.",
            "Zápas začal, Sparta rozehrává na vlastní polovině hřiště.",
        ),
    ),
    "ro": (
        "acum {}",
        (
            "Final de meci! FCSB păstrează o victorie prețioasă pe Arena Națională.",
            "GOL! Coman șutează superb de la marginea careului și marchează.",
            "Cartonaș galben pentru Olaru după un fault întârziat la mijlocul terenului.",
            "Pauză, iar scorul este egal după o primă repriză foarte strânsă.",
            "Tănase șutează de la distanță, dar mingea trece mult peste bară.",
            "A început meciul pe Arena Națională, FCSB dă lovitura de start.",
        ),
    ),
    "fi": (
        "{} sitten",
        (
            "Peli päättyi! HJK piti arvokkaan voiton kotikentällään Helsingissä.",
            "MAALI! Hetemaj kiersi upean laukauksen rangaistusalueen rajalta.",
            "Keltainen kortti Tenholle myöhäisestä taklauksesta keskikentällä.",
            "Tauko, ja tilanne on yhä maaliton tiukan ensimmäisen puoliajan jälkeen.",
            "Plange laukoo kaukaa, mutta pallo lentää reilusti yli maalin.",
            "Peli on alkanut, HJK aloittaa pelin omalta puoliskoltaan nyt.",
        ),
    ),
}


@pytest.mark.parametrize("lang", sorted(_AGO_COMMENTARIES))
def test_minutes_beside_how_long_ago_in_other_languages_are_no_match_minutes(lang: str) -> None:
    """Falling "55 min" … "5 min" in stamps' boxes beside a language's word of how long ago,
    before the amount or after it ("před 55 min", "acum 55 min", "55 min atrás", "55 min
    sitten"), as clock.py reads them, are how long ago, no match's minutes: no post. The same
    boxes without the word are a commentary's minutes, a post each."""
    around, said = _AGO_COMMENTARIES[lang]

    def page(stamps: tuple[str, ...], around: str) -> bytes:
        posts = "".join(
            f'<div class="post"><p>{around.format(f"<span class=stamp>{at}</span>")}</p>'
            f"<p>{w}</p></div>"
            for at, w in zip(stamps, said, strict=True)
        )
        return page_of(f'<h1>Live</h1><div class="stream">{posts}</div>', lang=lang)

    url = "https://www.example-sport.com/football/live/match"
    falling = ("55 min", "40 min", "30 min", "25 min", "12 min", "5 min")
    updates = extract_page(page(falling, "{}"), url, fetched_at="2024-01-28T18:00:00Z").updates
    assert [u.body_text for u in updates] == list(said)
    word = around.replace("{} ", "").replace(" {}", "")
    alone = around.replace(word, f"<span>{word}</span>")
    for word in (around, alone):
        fetched = "2024-01-28T18:00:00Z"
        assert extract_page(page(falling, word), url, fetched_at=fetched).updates == []


def test_a_posts_lines_that_a_bold_year_opens_cut_no_live_blog() -> None:
    """A live blog's post whose own paragraphs open with years in bold, each a 24-hour clock
    in four digits could be ("<b>1914:</b>", "<b>1815:</b>", "<b>1805:</b>"), beside the
    post's time and title: the blog reads as its four posts, not as an error."""
    years = "".join(
        f"<p><b>{y}:</b> The town is changed again by the events of that year.</p>"
        for y in ("1914", "1815", "1805", "1702")
    )
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-02-10T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"{years if n == 5 else ''}</article>"
        for n in (6, 5, 4, 3)
    )
    page = page_of(f"<h1>Storm live</h1>{posts}")
    url = "https://www.example-news.com/live/storm"
    found = extract_page(page, url, fetched_at="2024-02-10T18:00:00Z").updates
    assert [u.published_at for u in found] == [f"2024-02-10T1{n}:05:00Z" for n in (6, 5, 4, 3)]
    assert "1815: The town" in found[1].body_text


_HISTORY = (
    "The treaty is signed after long talks between the two powers.",
    "A new railway opens between the capital and the northern port.",
    "Parliament passes the reform act after a bitter debate.",
    "The old bridge is rebuilt in stone after the great flood.",
    "The first public library opens its doors to readers.",
)


@pytest.mark.parametrize(
    "marks",
    [
        ("1865", "1848", "1832", "1815", "1789"),  # years, two of them no clock
        ("1914", "1865", "1848", "1815", "1805"),  # years, one of them no clock
        ("1231", "1198", "1154", "1102"),  # build numbers, one of them no clock
        ("2300", "1800", "1200", "0900"),  # models, each on the hour
        ("1700", "1530", "1300", "0900"),  # an agenda's times, each on the quarter hour
        ("0200", "0130", "0045", "0015"),  # a recipe's steps, how long before serving
    ],
)
def test_bold_figures_that_are_no_live_texts_clocks_cut_no_posts(marks: tuple[str, ...]) -> None:
    """Lines that open with four digits in bold, newest first, at a live address, that are
    no live text's clocks: where one of the figures no clock could be ("1865", "1198"), or
    every one falls on the quarter hour ("1700", "1530", "0900"), as an agenda's, a
    timetable's or a list of models' do, no line is a post."""
    lines = "".join(f"<p><b>{m}:</b> {_HISTORY[n % 5]}</p>" for n, m in enumerate(marks))
    page = page_of(
        f"<h1>Live: History of the town</h1><div class='article'>{lines}</div>",
        title="Live: History of the town",
    )
    url = "https://www.example-news.com/live/history-of-the-town"
    assert extract_page(page, url, fetched_at="2024-02-10T18:00:00Z").updates == []


def test_a_year_in_bold_among_a_live_texts_clocks_stays_in_its_post() -> None:
    """A live text of four-digit clocks in bold, newest first, one of whose posts goes on in a
    line that opens with a year no clock could be ("<strong>1984:</strong> the last such
    strike…"), out of the clocks' order: each clock a post, the year's line in the post
    above it."""
    lines = ""
    for at, words in _LIVE_TEXT:
        lines += f"<p><strong>{at}:</strong> {words}</p>"
        if at == "1631":
            lines += "<p><strong>1984:</strong> The last such strike, the union recalls.</p>"
    page = page_of(
        f'<h1>As it happened: Budget day</h1><div class="live-text">{lines}</div>',
        title="As it happened: Budget day",
        published="2016-10-24T08:00:00+01:00",
    )
    url = "https://www.bbc.co.uk/news/uk-politics-12345678"
    updates = extract_page(page, url, fetched_at="2016-10-24T18:00:00Z").updates
    assert [u.published_at for u in updates] == [
        f"2016-10-24T{int(at[:2]) - 1:02d}:{at[2:]}:00Z" for at, _ in _LIVE_TEXT
    ]
    assert "1984: The last such strike" in updates[2].body_text


def test_a_multi_match_blogs_posts_titled_by_a_score_that_say_what_happened_are_read() -> None:
    """A Saturday's live blog of every match (hand-built after the shape such blogs print:
    each post titled by its match's score, then a paragraph or two of what happened), its
    posts untimed and each of another match: a blog's posts, which say more than a scores
    page's rows, whose one short line under a score is a scorer or a ground."""
    results = [
        ("Arsenal 2-0 Chelsea", "Saka doubles the lead with a curling shot into the far corner."),
        ("Leeds 1-1 Hull", "A late equaliser at Elland Road: Piroe heads home from a corner."),
        ("Celtic 0-0 Rangers", "Still goalless at half-time, though Celtic have hit the post."),
        ("Everton 1-3 Spurs", "Son completes his hat-trick, and Everton's defence is all over."),
    ]
    posts = "".join(
        f"<article class='post'><h2>{title}</h2><p>{said}</p><p>More on this to follow.</p>"
        "</article>"
        for title, said in results
    )
    body = page_of(f"<h1>Premier League live</h1><div class='live-blog'>{posts}</div>")
    found = stream_of(body, "https://sport.example.com/football/live/premier-league-saturday")
    assert [u.headline for u in found] == [title for title, _ in results]


def test_a_disruption_blogs_posts_that_repeat_a_status_beside_news_are_read() -> None:
    """A travel disruption's live blog (hand-built: untimed posts, some a line's name and
    "Good service restored.", the others news titled by a sentence): a blog's posts, where a
    board's rows are each titled by a name of a few words alone."""
    items = [
        ("Victoria line", "Good service restored."),
        ("Strike called off at Central line depots", "Unions say talks resume on Monday."),
        ("Jubilee line", "Good service restored."),
        ("Buses packed across the capital", "Queues at stops stretch around the block."),
        ("Northern line", "Good service restored."),
    ]
    posts = "".join(f"<article class='post'><h2>{h}</h2><p>{b}</p></article>" for h, b in items)
    body = page_of(f"<h1>Tube strike live</h1><div class='live-blog'>{posts}</div>", "Strike")
    found = stream_of(body, "https://news.example.com/live/london-tube-strike")
    assert [u.headline for u in found] == [h for h, _ in items]


def test_untimed_posts_that_open_with_days_to_come_in_no_order_are_read() -> None:
    """A festival's live blog of ticket news (hand-built), its untimed posts each opening with
    the day it is about, days after the fetch, newest news first and so in no order of those
    days: a blog's posts, where a programme lists its days soonest first."""
    items = [
        ("Tickets for the Sunday sell out", "Sunday 19 May", "Gone within forty minutes."),
        ("Resale opens", "Saturday 18 May", "Returned tickets go on sale again next week."),
        ("Headliner announced", "Sunday 19 May", "The last headliner is confirmed at last."),
        ("Friday opener named", "Friday 17 May", "A local band opens the main stage."),
    ]
    posts = "".join(
        f"<article class='post'><h2>{h}</h2><p>{day}</p><p>{b}</p></article>" for h, day, b in items
    )
    body = page_of(
        f"<h1>Festival tickets live</h1><div class='live-blog'>{posts}</div>",
        "Festival tickets live",
        published="2024-05-08T08:00:00+00:00",
    )
    url = "https://news.example.com/live/festival-tickets"
    root = parse(body)
    assert root is not None
    clock = clock_of(root, url, "2024-05-08T12:00:00Z")
    found = generic.extract(prepare(root), url, clock).updates
    assert [u.headline for u in found] == [h for h, _, _ in items]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "<p><strong>Mise à jour ({clock})</strong></p>"),
        ("fr", "<h3>Mise à jour, {clock}</h3>"),
        ("es", "<p><strong>Actualización ({clock})</strong></p>"),
        ("es", "<h3>Actualización, {clock}</h3>"),
        ("it", "<p><strong>Aggiornamento ({clock})</strong></p>"),
        ("it", "<h3>Aggiornamento ore {clock}</h3>"),
        ("pt", "<p><strong>Atualização ({clock})</strong></p>"),
    ],
)
def test_an_updates_word_in_another_language_before_its_clock_opens_an_entry(
    lang: str, line: str
) -> None:
    """A story updated live in French, Spanish, Italian or Portuguese (hand-built after the
    markings of b65fc7b's English story: the update's word, then its clock after a comma, a
    preposition or in brackets): each opens an entry at that clock, as "Update (4:40 p.m.)"
    and "Aktualisierung, 16:40" do."""
    clocks = ["16:40", "15:15", "14:05"]
    lines = "".join(
        line.format(clock=clock) + f"<p>Ce que dit la mise à jour {n}, en quelques mots.</p>"
        for n, clock in enumerate(clocks)
    )
    main = (
        "<article class='post'><div class='entry-content'><p>Un incendie s'est déclaré ce "
        f"matin près de l'autoroute.</p>{lines}</div></article>"
    )
    updates = live_updates(
        main, "LIVE: Incendie", "2024-05-06T18:00:00Z", "2024-05-06T12:00:00+02:00", lang
    )
    assert [u.published_at for u in updates] == [
        "2024-05-06T14:40:00Z", "2024-05-06T13:15:00Z", "2024-05-06T12:05:00Z"
    ]  # fmt: skip
    assert [u.headline for u in updates] == [None, None, None]


# A live blog's posts as a page renders them for readers without scripts (hand-built after
# HTML's <noscript>, whose body content is flow content shown when scripting is off, as MDN
# documents it): the stream a script hydrates, or a "load more" list's server-rendered copy.
_NOSCRIPT_POSTS = [
    ("16:05", "Roads reopen in the north", "Police say the main roads north of the city are open again."),
    ("14:40", "Ferries resume sailing", "The first ferry of the afternoon left the harbour at half past two."),
    ("13:15", "Power back for most homes", "The network says nine in ten homes have their power back now."),
]  # fmt: skip


def _noscript_stream() -> str:
    return "".join(
        f"<article class='post' id='post-{n}'><time datetime='2024-05-06T{clock}:00+00:00'>"
        f"{clock}</time><h2>{headline}</h2><p>{words}</p></article>"
        for n, (clock, headline, words) in enumerate(_NOSCRIPT_POSTS)
    )


def _noscript_page(main: str) -> list[Update]:
    body = page_of(
        main, "Storm live: roads, ferries and power", published="2024-05-06T08:00:00+00:00"
    )
    return extract_page(
        body, "https://news.example/live/storm", fetched_at="2024-05-06T18:00:00Z"
    ).updates


@pytest.mark.parametrize(
    "main",
    [
        # The stream a script hydrates, shown without scripts only in <noscript>.
        "<h1>Storm live</h1><div id='live-root' data-hydrate='liveblog'></div>"
        "<noscript><div class='live-blog'>{posts}</div></noscript>",
        # A pixel and a notice in other <noscript>s beside it.
        "<noscript><img src='https://px.example/t.gif' width='1' height='1'></noscript>"
        "<h1>Storm live</h1><noscript><p>Please enable JavaScript to see live updates.</p>"
        "</noscript><div class='live-blog'><noscript>{posts}</noscript></div>",
    ],
)
def test_a_live_blogs_posts_inside_noscript_are_read_where_none_show_outside(main: str) -> None:
    """A page whose posts stand only inside a <noscript> (its stream hydrated by a script, a
    fallback for readers without one) gives them, as a reader without scripts sees them; a
    pixel or a notice in another <noscript> is no post."""
    updates = _noscript_page(main.format(posts=_noscript_stream()))
    assert [u.headline for u in updates] == [h for _, h, _ in _NOSCRIPT_POSTS]
    assert [u.published_at for u in updates] == [
        f"2024-05-06T{clock}:00Z" for clock, _, _ in _NOSCRIPT_POSTS
    ]
    assert all("JavaScript" not in u.body_text for u in updates)


def test_posts_shown_and_copied_inside_noscript_are_read_once() -> None:
    """The posts a page shows, copied into a <noscript> for readers without scripts, are read
    once, from where the page shows them."""
    stream = _noscript_stream()
    updates = _noscript_page(
        f"<h1>Storm live</h1><div class='live-blog'>{stream}</div><noscript>{stream}</noscript>"
    )
    assert [u.headline for u in updates] == [h for _, h, _ in _NOSCRIPT_POSTS]


@pytest.mark.parametrize(
    "noscript",
    [
        "<p>Please enable JavaScript to view this page. Our site needs it to show the latest "
        "news, the weather and the comments below each story.</p>",
        "<iframe src='https://www.googletagmanager.com/ns.html?id=GTM-X' height='0' width='0'>"
        "</iframe><img src='https://px.example/t.gif' width='1' height='1'>",
    ],
)
def test_an_article_with_a_noscript_notice_or_pixel_gives_no_post(noscript: str) -> None:
    """An ordinary article whose <noscript> holds a notice or a tracker gives no update."""
    article = (
        "<article><h1>Council approves the new bridge</h1><p>The council voted on Tuesday to "
        "build the bridge.</p><p>Work starts in the spring and should last two years.</p>"
        f"</article><noscript>{noscript}</noscript>"
    )
    assert _noscript_page(article) == []


@pytest.mark.parametrize("ids", [True, False])
def test_a_longer_list_kept_inside_noscript_beside_the_newest_posts_is_read(ids: bool) -> None:
    """A page that shows its newest posts and keeps the whole list in a <noscript> (an
    infinite scroll's server-rendered copy, for readers without scripts) gives the whole list,
    each post once, with an id of its own or without."""
    clocks = [f"{16 - n:02d}:05" for n in range(6)]
    posts = [
        (
            f" id='post-{n}'" if ids else "",
            clock,
            f"Storm update number {n} from the coast",
            f"What post {n} reports about the roads, the ferries and the power today.",
        )
        for n, clock in enumerate(clocks)
    ]

    def stream(shown: list[tuple[str, str, str, str]]) -> str:
        return "".join(
            f"<article class='post'{own}><time datetime='2024-05-06T{clock}:00+00:00'>{clock}"
            f"</time><h2>{headline}</h2><p>{words}</p></article>"
            for own, clock, headline, words in shown
        )

    updates = _noscript_page(
        f"<h1>Storm live</h1><div class='live-blog'>{stream(posts[:2])}</div>"
        f"<noscript><div class='live-blog'>{stream(posts)}</div></noscript>"
    )
    assert [u.headline for u in updates] == [headline for _, _, headline, _ in posts]
    assert not any(u.pinned for u in updates)  # (the posts shown, copied, are no pinned copies)


@pytest.mark.parametrize("edited", ["", "Earlier: "])
def test_shown_posts_copied_without_their_ids_beside_one_more_are_not_read_twice(
    edited: str,
) -> None:
    """A page that shows its posts with ids and copies them into a <noscript> without the ids,
    one older post more, gives each post once: the copy of a shown post is the same words, or
    (a copy older than the post, its words edited since) the same headline and time, so the
    opened reading, which holds it twice, is not the page's."""
    older = (
        "12:00",
        "Storm warning upgraded",
        "The weather office raised its warning to red at noon.",
    )
    copied = "".join(
        f"<article class='post'><time datetime='2024-05-06T{clock}:00+00:00'>{clock}</time>"
        f"<h2>{headline}</h2><p>{words}</p></article>"
        for clock, headline, words in [
            *((clock, headline, edited + words) for clock, headline, words in _NOSCRIPT_POSTS),
            older,
        ]
    )
    updates = _noscript_page(
        f"<h1>Storm live</h1><div class='live-blog'>{_noscript_stream()}</div>"
        f"<noscript><div class='live-blog'>{copied}</div></noscript>"
    )
    headlines = [u.headline for u in updates]
    assert len(headlines) == len(set(headlines))
    assert headlines[:3] == [h for _, h, _ in _NOSCRIPT_POSTS]


# A post's media as a reader sees them (the markup of WordPress's gallery and emoji, lazysizes,
# lite-youtube and Instagram's embed code, as their public code documents it).


@pytest.mark.parametrize(
    "box",
    [
        # WordPress's gallery block: a figure of figures, each picture with its caption.
        "<figure class='wp-block-gallery has-nested-images'><figure class='wp-block-image'>"
        "<img src='https://cdn.example.com/g1.jpg'><figcaption>One</figcaption></figure>"
        "<figure class='wp-block-image'><img src='https://cdn.example.com/g2.jpg'>"
        "<figcaption>Two</figcaption></figure><figure class='wp-block-image'>"
        "<img src='https://cdn.example.com/g3.jpg'></figure></figure>",
        # A box that says gallery, its pictures bare.
        "<div class='gallery'><img src='https://cdn.example.com/g1.jpg' alt='a'>"
        "<img src='https://cdn.example.com/g2.jpg' alt='b'>"
        "<img src='https://cdn.example.com/g3.jpg' alt='c'></div>",
    ],
    ids=["wordpress-gallery", "gallery-box"],
)
def test_each_picture_of_a_gallery_is_the_posts(box: str) -> None:
    """A box of several pictures (a gallery) is each of them, not its first alone."""
    first = _first_post_holding(box, "Live: the parade", "https://news.example.com/live/parade")
    assert [m["url"] for m in first.media] == [
        f"https://cdn.example.com/g{n}.jpg" for n in (1, 2, 3)
    ]
    assert first.body_text == "What post 0 reports, in more than a few words."


def test_a_lazy_pictures_data_srcset_outranks_its_placeholder() -> None:
    """lazysizes' `data-srcset` is the picture the loader shows; the `src` a placeholder."""
    box = (
        "<figure><img class='lazyload' src='/img/placeholder.gif' data-srcset='"
        "https://cdn.example.com/b-400.jpg 400w, https://cdn.example.com/b-1200.jpg 1200w'>"
        "</figure>"
    )
    first = _first_post_holding(box, "Live: the storm", "https://news.example.com/live/storm")
    assert [m["url"] for m in first.media] == ["https://cdn.example.com/b-1200.jpg"]


@pytest.mark.parametrize(
    "pixel",
    [
        "<img src='https://sb.scorecardresearch.com/p?c1=2' height='1' width='1' border='0'>",
        "<img src='https://px.example.com/t.gif' width='0' height='0' alt=''>",
    ],
)
def test_a_tracking_pixel_in_a_post_is_no_picture_of_it(pixel: str) -> None:
    """An image one pixel wide and high (or none) is a tracker's, not what the post shows."""
    box = f"<p>More to follow.{pixel}</p>"
    first = _first_post_holding(box, "Live: the vote", "https://news.example.com/live/vote")
    assert first.media == []
    assert first.body_text.endswith("words.\n\nMore to follow.")


@pytest.mark.parametrize(
    "emoji",
    [
        # WordPress's wp-emoji, Twemoji: an <img class="emoji"> whose alt is the character.
        "<img draggable='false' role='img' class='emoji' alt='\u26bd' "
        "src='https://s.w.org/images/core/emoji/15.0.3/svg/26bd.svg'>",
        "<img class='emoji' draggable='false' alt='\u26bd' "
        "src='https://cdn.jsdelivr.net/gh/twitter/twemoji@14.0.2/assets/72x72/26bd.png'>",
        # WordPress's smilies.
        "<img src='https://news.example.com/wp-includes/images/smilies/soccer.png' alt='\u26bd'"
        " class='wp-smiley' style='height: 1em; max-height: 1em;'>",
    ],
    ids=["wp-emoji", "twemoji", "wp-smiley"],
)
def test_an_emoji_drawn_as_a_picture_is_a_character_of_the_line(emoji: str) -> None:
    """An emoji a script draws as a picture is its character in the line, no picture."""
    box = f"<p>Goal! {emoji} What a finish.</p>"
    first = _first_post_holding(box, "Live: the final", "https://news.example.com/live/final")
    assert first.media == []
    assert first.body_text.endswith("words.\n\nGoal! \u26bd What a finish.")


def test_a_lite_youtube_player_is_the_posts_video() -> None:
    """lite-youtube's element names its video by `videoid`; its play button is no word."""
    box = (
        "<lite-youtube videoid='ogfYd705cRs' params='controls=0'><a class='lty-playbtn' "
        "href='https://youtube.com/watch?v=ogfYd705cRs' title='Play Video'><span "
        "class='lyt-visually-hidden'>Play Video: Keynote</span></a></lite-youtube>"
    )
    first = _first_post_holding(box, "Live: the keynote", "https://news.example.com/live/keynote")
    assert [(m["type"], m["url"], m["provider"]) for m in first.media] == [
        ("video", "https://www.youtube.com/watch?v=ogfYd705cRs", "youtube")
    ]
    assert first.body_text == "What post 0 reports, in more than a few words."


def test_instagrams_embed_code_lends_its_post_no_words() -> None:
    """Instagram's blockquote says only "View this post on Instagram" and "A post shared by
    …" until its script draws the post: the embed's address, no text of the post."""
    box = (
        "<blockquote class='instagram-media' data-instgrm-permalink='https://www.instagram.com"
        "/p/C6abc0/' data-instgrm-version='14'><div><a href='https://www.instagram.com/p/C6abc"
        "0/' target='_blank'><div>View this post on Instagram</div></a><p><a href='https://"
        "www.instagram.com/p/C6abc0/'>A post shared by Team (@team)</a></p></div></blockquote>"
    )
    first = _first_post_holding(box, "Live: the match", "https://news.example.com/live/match")
    assert first.media == [
        {
            "type": "embed",
            "url": "https://www.instagram.com/p/C6abc0/",
            "provider": "instagram",
            "text": None,
        }
    ]
    assert first.body_text == "What post 0 reports, in more than a few words."


@pytest.mark.parametrize(
    ("box", "url", "provider"),
    [
        # Flourish's embed code: the chart named by a path its script resolves on its host.
        (
            "<div class='flourish-embed flourish-chart' data-src='visualisation/12340'><script "
            "src='https://public.flourish.studio/resources/embed.js'></script></div>",
            "https://public.flourish.studio/visualisation/12340/",
            "flourish",
        ),
        # Datawrapper's responsive iframe.
        (
            "<iframe title='Results by seat' id='datawrapper-chart-ab0CD' src='https://"
            "datawrapper.dwcdn.net/ab0CD/3/' scrolling='no' frameborder='0' height='400' "
            "data-external='1'></iframe>",
            "https://datawrapper.dwcdn.net/ab0CD/3/",
            "datawrapper",
        ),
    ],
    ids=["flourish", "datawrapper"],
)
def test_a_chart_embedded_in_a_post_is_its_chart(box: str, url: str, provider: str) -> None:
    """A Flourish or Datawrapper chart is an embed of the chart's own address and maker."""
    first = _first_post_holding(box, "Live: the count", "https://news.example.com/live/count")
    assert [(m["url"], m["provider"]) for m in first.media] == [(url, provider)]


@pytest.mark.parametrize(
    "words",
    [
        "Read more about this in our explainer, which sets out each step of the process.",
        "Related talks broke down last night, and no date has been set for the next round.",
        "Lesen Sie auch die Erklärung des Ministeriums, die am Mittag veröffentlicht wurde.",
    ],
)
def test_a_post_whose_sentence_opens_with_a_teasers_words_is_a_post(words: str) -> None:
    """A post headed only by its kind's label ("Explainer"), whose one sentence opens with the
    words a promotion's label has ("Read more about this…", "Related talks broke down…") and
    runs on as a sentence, is a post of its own; a box that opens with the label itself,
    "Read more: …", "READ MORE Why the vote matters", is a promotion."""
    posts = (
        "<article class='liveblog-entry' id='entry-9'><time datetime='2024-05-01T16:00:00Z'>"
        f"16:00</time><h2>Explainer</h2><div class='liveblog-content'><p>{words}</p></div>"
        "</article>"
    ) + "".join(
        f"<article class='liveblog-entry' id='entry-{n}'><time datetime='2024-05-01T1{n}:05:00Z'>"
        f"1{n}:05</time><h2>Post {n}</h2><div class='liveblog-content'><p>What post {n} "
        "reports, in more than a few words.</p></div></article>"
        for n in (5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='liveblog'>{posts}</div>", "Politics live"),
        "https://news.example.com/live/politics", fetched_at="2024-05-01T18:00:00Z",
    ).updates  # fmt: skip
    assert [u.body_text for u in updates][:2] == [
        words,
        "What post 5 reports, in more than a few words.",
    ]
    promo = posts.replace(words, "Read more: Why the vote matters for the coalition")
    updates = extract_page(
        page_of(f"<div class='liveblog'>{promo}</div>", "Politics live"),
        "https://news.example.com/live/politics", fetched_at="2024-05-01T18:00:00Z",
    ).updates  # fmt: skip
    assert [u.source_id for u in updates] == ["entry-5", "entry-4", "entry-3"]


@pytest.mark.parametrize("hidden", ["", " class='visually-hidden'"])
def test_the_bbcs_labels_for_screen_readers_are_no_words_of_a_caption(hidden: str) -> None:
    """The BBC prints "Image source, " before a picture's credit and "Image caption, " before
    its caption for screen readers alone (in a class that hides them, which a build may hash
    into a name that says nothing): the caption is the words after the label."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"<figure><div><span{hidden}>Image source, </span><span>Getty Images</span></div>"
        f"<img src='/img/{n}.jpg' alt=''><figcaption><span{hidden}>Image caption, </span>"
        f"<p>Crowds gathered in the square</p></figcaption></figure></article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"),
        "https://news.example.com/live/x",
        fetched_at="2024-05-01T18:00:00Z",
    ).updates
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in (6, 5, 4, 3)
    ]
    assert {m["caption"] for u in updates for m in u.media} == {"Crowds gathered in the square"}


@pytest.mark.parametrize("hidden", ["", " class='visually-hidden'"])
@pytest.mark.parametrize(
    "credit",
    [
        "<p role='text'><span{h}>Image source, </span>Getty Images</p>",  # bbc/simorgh's
        "<span{h}>Image source, Getty Images</span><span aria-hidden='true'>Getty Images</span>",
        "<span role='text'><span{h}>Image source, </span><span>Getty Images</span></span>",
    ],
)
def test_the_bbcs_image_source_label_names_the_pictures_credit(hidden: str, credit: str) -> None:
    """The words after the BBC's "Image source, " for screen readers, beside a picture, are
    its credit (bbc/simorgh's `Copyright`), whether the class that hides the label is there
    or hashed away: no word of the post, and not lost."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"<figure><div><img src='/img/{n}.jpg' alt=''>{credit.format(h=hidden)}</div>"
        f"<figcaption><span{hidden}>Image caption, </span>Crowds gathered in the square"
        "</figcaption></figure></article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"),
        "https://news.example.com/live/x",
        fetched_at="2024-05-01T18:00:00Z",
    ).updates
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in (6, 5, 4, 3)
    ]
    assert [(m["caption"], m["credit"]) for u in updates for m in u.media] == [
        ("Crowds gathered in the square", "Getty Images")
    ] * 4


@pytest.mark.parametrize("hidden", ["", " class='visually-hidden'"])
@pytest.mark.parametrize(
    "video",
    [
        "<figure><div><video src='/v/{n}.mp4'></video></div><figcaption><span{h}>Media caption, "
        "</span>The minister speaks to reporters</figcaption></figure>",
        "<div data-embed-url='https://www.bbc.co.uk/news/av/uk-{n}'><p><span{h}>Media caption, "
        "</span>The minister speaks to reporters</p></div>",
        "<div data-embed-url='https://www.bbc.co.uk/news/av/uk-{n}'></div><p><span{h}>Media "
        "caption, </span>The minister speaks to reporters</p>",
        "<div data-embed-url='https://www.bbc.co.uk/news/av/uk-{n}'></div>"
        "<p>Media caption, The minister speaks to reporters</p>",
    ],
)
def test_the_bbcs_media_caption_is_the_videos_caption(hidden: str, video: str) -> None:
    """The words after the BBC's "Media caption, " beside a video, in its box or in the line
    after it, are the video's caption (its record's text), no line of the post's words."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"{video.format(n=n, h=hidden)}<p>And the rest of post {n}.</p></article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"),
        "https://news.example.com/live/x",
        fetched_at="2024-05-01T18:00:00Z",
    ).updates
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\nAnd the rest of post {n}."
        for n in (6, 5, 4, 3)
    ]
    assert [(m["type"], m["text"]) for u in updates for m in u.media] == [
        ("video", "The minister speaks to reporters")
    ] * 4


def test_a_media_caption_with_no_video_before_it_keeps_its_words() -> None:
    """A line that opens with "Media caption, " where no video stands before it keeps its
    words, the label alone going: a caption that is a post's only words stays."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>Media caption, The minister speaks to reporters</p>"
        "</article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"),
        "https://news.example.com/live/x",
        fetched_at="2024-05-01T18:00:00Z",
    ).updates
    assert [u.body_text for u in updates] == ["The minister speaks to reporters"] * 4


@pytest.mark.parametrize(
    "bar",
    [
        "<div><span>Teilen</span><span>Link kopieren</span></div>",
        "<div><a href='#'>Teilen</a><a href='#'>Link kopieren</a></div>",
        "<div class='x1'><span class='x2'>Share</span><span class='x3'>Copy link</span></div>",
        "<p><a href='#share'>Share</a><a href='#copy'>Copy link</a></p>",
    ],
)
def test_a_bar_of_controls_whose_words_stand_glued_is_read_item_by_item(bar: str) -> None:
    """A box that holds only short links or spans side by side with no space between, each
    after the first opening with a capital, is a bar of controls CSS sets apart: each is
    read as a line of its own ("Teilen", "Link kopieren": a share bar's words, no post's),
    not as one word "TeilenLink kopieren"."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"{bar}</article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"),
        "https://news.example.com/live/x",
        fetched_at="2024-05-01T18:00:00Z",
    ).updates
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in (6, 5, 4, 3)
    ]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # A sentence's links side by side stay as the page runs them.
        ("<p>He said <a href='/a'>this</a><a href='/b'>Here</a> and left.</p>",
         "He said thisHere and left."),
        # A capital a drop cap sets apart, and the word it opens.
        ("<p><span>T</span><span>he minister spoke for an hour in the chamber.</span></p>",
         "The minister spoke for an hour in the chamber."),
        # Short words of a post's own, each its own line, none lost.
        ("<div><span>Kyiv</span><span>Odesa</span><span>Lviv</span></div>",
         "Kyiv\nOdesa\nLviv"),
        # A number a counter draws a digit a box, a word a letter a box: one word.
        ("<p><span>1</span><span>2</span><span>4</span><span>7</span></p>", "1247"),
        ("<p><span>U</span><span>N</span></p>", "UN"),
        ("<p><span>€</span><span>5</span><span>M</span></p>", "€5M"),
        # A drop cap before a lead-in's small capitals.
        ("<p><span>I</span><span>N the early hours</span></p>", "IN the early hours"),
    ],
)  # fmt: skip
def test_glued_words_that_are_no_bar_of_controls_stay(line: str, kept: str) -> None:
    """Only a box of short items glued side by side, and nothing else, is read item by item:
    a sentence's links, a drop cap, stay as they were; a post's own short items stay too."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"{line}</article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"),
        "https://news.example.com/live/x",
        fetched_at="2024-05-01T18:00:00Z",
    ).updates
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\n{kept}" for n in (6, 5, 4, 3)
    ]


@pytest.mark.parametrize(
    ("player", "kind", "caption"),
    [
        ("<figure><audio controls src='/a.mp3'></audio><figcaption>Listen: the minister on the "
         "vote</figcaption></figure>", "embed", "Listen: the minister on the vote"),
        ("<figure class='wp-block-audio'><audio controls><source src='/b.mp3' type='audio/mpeg'>"
         "</audio><figcaption class='wp-element-caption'>Hear the crowd</figcaption></figure>",
         "embed", "Hear the crowd"),
        ("<figure class='wp-block-video'><video controls src='/c.mp4'></video><figcaption>The "
         "scene at noon</figcaption></figure>", "video", "The scene at noon"),
    ],
)  # fmt: skip
def test_a_players_figure_gives_its_caption_to_the_player(
    player: str, kind: str, caption: str
) -> None:
    """A `<figure>` of an `<audio>` or a `<video>` (WordPress's `wp-block-audio`): its
    `<figcaption>` is the player's caption, its record's text, and no line of the post."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"{player}</article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"),
        "https://news.example.com/live/x",
        fetched_at="2024-05-01T18:00:00Z",
    ).updates
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in (6, 5, 4, 3)
    ]
    assert [(m["type"], m["text"]) for u in updates for m in u.media] == [(kind, caption)] * 4


@pytest.mark.parametrize(
    "embed",
    [
        # Mastodon's embed code: a blockquote its script turns into the post's frame.
        "<blockquote class='mastodon-embed' data-embed-url='https://mastodon.social/@Gargron/"
        "112345678901234567/embed'><a href='https://mastodon.social/@Gargron/112345678901234567'"
        "><div>Post by @Gargron@mastodon.social</div><div>View on Mastodon</div></a></blockquote>",
        # Its older code, the frame itself, with its class or with none: any server's.
        "<iframe src='https://fosstodon.org/@user/112345678901234567/embed' class='mastodon-embed'"
        " width='400'></iframe>",
        "<iframe src='https://social.example.net/@newsdesk/112345678901234567/embed' width='400'>"
        "</iframe>",
    ],
)
def test_a_mastodon_post_is_embedded_from_mastodon(embed: str) -> None:
    """A Mastodon post, on whichever server, is an embed whose provider is "mastodon": by its
    embed code's class (`mastodon-embed`) or by the path Mastodon gives a post's frame,
    `/@user/ID/embed`."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"{embed}</article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"),
        "https://news.example.com/live/x",
        fetched_at="2024-05-01T18:00:00Z",
    ).updates
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in (6, 5, 4, 3)
    ]
    assert [m["provider"] for u in updates for m in u.media] == ["mastodon"] * 4


@pytest.mark.parametrize(
    "line",
    [
        "<img src='/img/{n}.jpg' alt=''><p>Image source, the ministry said, was a drone camera "
        "over the city.</p>",
        "<img src='/img/{n}.jpg' alt=''><p>Image source, The ministry says the footage came "
        "from a drone camera flown over the city at dawn.</p>",
        "<p>Media caption, as the BBC calls it, is the line under a video.</p>",
        "<video src='/v/{n}.mp4'></video><p>Media caption, as the BBC calls it, is the line "
        "under a video.</p>",
        "<img src='/img/{n}.jpg' alt=''><p>Image source, Reuters, said the footage was real.</p>",
    ],
)
def test_a_sentence_that_opens_with_a_bbc_label_s_words_stays_whole(line: str) -> None:
    """A line that opens with "Image source, " or "Media caption, " and runs on as a
    sentence (no capital after the label, or a credit longer than a credit runs) is a line of
    the post's words, all of them: no credit of the picture before it, no caption."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"{line.format(n=n)}</article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"),
        "https://news.example.com/live/x",
        fetched_at="2024-05-01T18:00:00Z",
    ).updates
    text = re.sub(r"<[^>]+>", "", line[line.index("<p>") :])
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\n{text}" for n in (6, 5, 4, 3)
    ]
    assert all(not m.get("credit") and not m.get("text") for u in updates for m in u.media)


def test_a_media_caption_a_line_below_its_video_is_no_caption_of_it() -> None:
    """Only the line right after a video is its caption by the BBC's "Media caption, ": one
    a line further down, past the post's own words, is a line of the post's, its label
    going, as where no video stands before it."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"<video src='/v/{n}.mp4'></video><p>Crews spent the night at the dam.</p>"
        "<p>Media caption, The minister speaks to reporters</p></article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"),
        "https://news.example.com/live/x",
        fetched_at="2024-05-01T18:00:00Z",
    ).updates
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\nCrews spent the night at the "
        "dam.\n\nThe minister speaks to reporters"
        for n in (6, 5, 4, 3)
    ]
    assert [m["text"] for u in updates for m in u.media] == [None] * 4


def test_a_class_that_only_holds_mastodon_embed_names_no_mastodon_post() -> None:
    """The class of Mastodon's embed code names its post as a whole word of the class
    attribute (`mastodon-embed`), not inside another class (`no-mastodon-embed`)."""
    posts = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-05-01T1{n}:05:00Z'>1{n}:05"
        f"</time><h2>Post {n}</h2><p>What post {n} reports, in more than a few words.</p>"
        f"<iframe class='no-mastodon-embed' src='https://x.example.org/e/{n}'></iframe>"
        "</article>"
        for n in (6, 5, 4, 3)
    )
    updates = extract_page(
        page_of(f"<div class='feed'>{posts}</div>"),
        "https://news.example.com/live/x",
        fetched_at="2024-05-01T18:00:00Z",
    ).updates
    assert [m["provider"] for u in updates for m in u.media] == [None] * 4


@pytest.mark.parametrize(
    ("url", "lang", "published", "zone", "offset"),
    [
        ("https://www.rte.ie/news/2024/0715/storm-live/", "en-IE", "+01:00", "IST", 60),
        ("https://www.jpost.co.il/israel-news/storm-live", "en", "+03:00", "IST", 180),
        ("https://www.timesofisrael.com/liveblog-2024-07-15/", "en-US", "+00:00", "IDT", 180),
        ("https://www.hindustantimes.com/india-news/storm-live", "en-IN", "+05:30", "IST", 330),
        ("https://www.thedailystar.net/news/bangladesh/storm-live", "en-BD", "+06:00", "BST", 360),
        ("https://www.chinadaily.com.cn/a/202407/15/storm-live", "en", "+08:00", "CST", 480),
        ("https://focustaiwan.tw/society/202407150001", "en", "+08:00", "CST", 480),
    ],
)
def test_ist_names_the_zone_of_the_pages_own_country(
    url: str, lang: str, published: str, zone: str, offset: int
) -> None:
    """ "IST" is Irish Standard Time (summer, UTC+1) on an Irish page, Israel's on an Israeli
    one and India's elsewhere; "IDT" is Israel's summer time wherever it stands; "BST" is
    Bangladesh's on a Bangladeshi page, "CST" China's or Taiwan's on theirs."""
    clocks = [(15, 40), (14, 5), (12, 30)]
    posts = "".join(
        f"<article class='post' id='post-{n}'><div class='post__time'>{h}:{m:02d} {zone}</div>"
        f"<h2>Storm update number {n}</h2><p>What update {n} says about the storm, in a few "
        "more words than a teaser has.</p></article>"
        for n, (h, m) in enumerate(clocks)
    )
    updates = live_updates(
        f"<div class='liveblog-feed'>{posts}</div>", "Storm live: latest updates",
        "2024-07-15T16:00:00Z", f"2024-07-15T08:00:00{published}", lang, url,
    )  # fmt: skip
    shown = [datetime(2024, 7, 15, h, m) - timedelta(minutes=offset) for h, m in clocks]
    assert [u.published_at for u in updates] == [f"{t:%Y-%m-%dT%H:%M}:00Z" for t in shown]


@pytest.mark.parametrize(
    ("url", "day", "zone", "offset"),
    [
        (
            "https://www.cbc.ca/news/canada/newfoundland-labrador/storm-1.7",
            "2024-12-01",
            "NST",
            -210,
        ),
        (
            "https://www.cbc.ca/news/canada/newfoundland-labrador/storm-1.8",
            "2024-07-15",
            "NDT",
            -150,
        ),
        ("https://newsinfo.inquirer.net/1/storm-live", "2024-12-01", "PHT", 480),
        ("https://www.dawn.com/live/storm", "2024-12-01", "PKT", 300),
        ("https://www.malaymail.com/news/storm-live", "2024-12-01", "MYT", 480),
    ],
)
def test_a_clock_names_newfoundlands_the_philippines_pakistans_or_malaysias_zone(
    url: str, day: str, zone: str, offset: int
) -> None:
    """CBC's Newfoundland clocks ("4:10 p.m. NST", half an hour off the hour), the Inquirer's
    "PHT", Dawn's "PKT" and "MYT" are those zones' times on a page nothing else places."""
    clocks = [(15, 40), (14, 5), (12, 30)]
    posts = "".join(
        f"<article class='post' id='post-{n}'><div class='post__time'>{h}:{m:02d} {zone}</div>"
        f"<h2>Storm update number {n}</h2><p>What update {n} says about the storm, in a few "
        "more words than a teaser has.</p></article>"
        for n, (h, m) in enumerate(clocks)
    )
    local = datetime.fromisoformat(day)
    fetched = local + timedelta(hours=16, minutes=-offset)
    updates = live_updates(
        f"<div class='liveblog-feed'>{posts}</div>", "Storm live: latest updates",
        f"{fetched:%Y-%m-%dT%H:%M}:00Z", f"{day}T06:00:00+00:00", "en", url,
    )  # fmt: skip
    shown = [local + timedelta(hours=h, minutes=m - offset) for h, m in clocks]
    assert [u.published_at for u in updates] == [f"{t:%Y-%m-%dT%H:%M}:00Z" for t in shown]


@pytest.mark.parametrize(
    ("zone", "offset"),
    [("HNP", -480), ("HNR", -420), ("HNC", -360), ("HNA", -240), ("HNT", -210)],
)
def test_a_french_canadian_clock_names_its_provinces_zone(zone: str, offset: int) -> None:
    """Radio-Canada's regional pages print their clocks in French with the zone's letters
    ("11 h 40 HNP", heure normale du Pacifique): that zone's time, not Toronto's."""
    clocks = [(15, 40), (14, 5), (12, 30)]
    posts = "".join(
        f"<article class='post' id='post-{n}'><div class='post__time'>{h} h {m:02d} {zone}"
        f"</div><h2>Tempête, mise à jour {n}</h2><p>Ce que dit la mise à jour {n} sur la "
        "tempête, en quelques mots de plus qu'un chapeau.</p></article>"
        for n, (h, m) in enumerate(clocks)
    )
    local = datetime(2024, 12, 1)
    fetched = local + timedelta(hours=16, minutes=-offset)
    updates = live_updates(
        f"<div class='liveblog-feed'>{posts}</div>", "Tempête : en direct",
        f"{fetched:%Y-%m-%dT%H:%M}:00Z", "2024-12-01T06:00:00+00:00", "fr-CA",
        "https://ici.radio-canada.ca/nouvelle/1/tempete-direct",
    )  # fmt: skip
    shown = [local + timedelta(hours=h, minutes=m - offset) for h, m in clocks]
    assert [u.published_at for u in updates] == [f"{t:%Y-%m-%dT%H:%M}:00Z" for t in shown]


def test_a_quoted_call_to_follow_is_the_quoted_persons_words() -> None:
    """A post that quotes someone's call to follow them ("Follow us on Instagram", the one line
    a singer posted) keeps it: a quotation's "us" is the speaker's, not the paper's, whose
    call in the post's own paragraph is no word of it."""
    updates = _four_posts_with(
        "<blockquote><p>Follow us on Instagram</p></blockquote><p>That was all the band "
        "posted.</p><p>Follow us on X for updates from the scene</p>"
    )
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words.\n\nFollow us on Instagram\n\n"
        "That was all the band posted."
        for n in (6, 5, 4, 3)
    ]


@pytest.mark.parametrize(
    ("day", "offset"),
    [("2024-12-15", 330), ("2024-07-15", 60), ("2024-03-31", 60), ("2024-03-30", 330)],
)
def test_ist_on_an_irish_page_in_winter_is_indias(day: str, offset: int) -> None:
    """Ireland keeps GMT in winter and calls its summer's UTC+1 Irish Standard Time: on an
    Irish page "14:05 IST" is the Irish summer's clock from the last Sunday of March, and in
    winter, when no Irish clock is IST, India's (a cricket match in Mumbai)."""
    clocks = [(15, 40), (14, 5), (12, 30)]
    posts = "".join(
        f"<article class='post' id='post-{n}'><div class='post__time'>{h}:{m:02d} IST</div>"
        f"<h2>Cricket update number {n}</h2><p>What update {n} says about the match, in a few "
        "more words than a teaser has.</p></article>"
        for n, (h, m) in enumerate(clocks)
    )
    updates = live_updates(
        f"<div class='liveblog-feed'>{posts}</div>", "Cricket live: latest updates",
        f"{day}T17:00:00Z", f"{day}T08:00:00Z", "en-IE", "https://www.rte.ie/sport/cricket/live/",
    )  # fmt: skip
    local = datetime.fromisoformat(day)
    shown = [local + timedelta(hours=h, minutes=m - offset) for h, m in clocks]
    assert [u.published_at for u in updates] == [f"{t:%Y-%m-%dT%H:%M}:00Z" for t in shown]


@pytest.mark.parametrize(
    ("url", "lang"),
    [
        ("https://www.malaymail.com/news/malaysia/storm-live", "en"),
        ("https://www.straitstimes.com/asia/se-asia/storm-live", "en-SG"),
    ],
)
def test_nst_on_a_page_at_malaysias_offset_is_the_new_straits_times(url: str, lang: str) -> None:
    """A page read at UTC+8, Malaysia's and Singapore's clock (a .com whose offsets alone
    place it, read in China's zone), that says "4:05pm NST" quotes the New Straits Times: its
    own clock, not Newfoundland's, twelve and a half hours behind."""
    clocks = [(15, 40), (14, 5), (12, 30)]
    posts = "".join(
        f"<article class='post' id='post-{n}'><div class='post__time'>{(h - 1) % 12 + 1}:{m:02d}pm NST"
        f"</div><h2>Storm update number {n}</h2><p>What update {n} says about the storm, in a "
        "few more words than a teaser has.</p></article>"
        for n, (h, m) in enumerate(clocks)
    )
    updates = live_updates(
        f"<div class='liveblog-feed'>{posts}</div>", "Storm live: latest updates",
        "2024-07-15T09:00:00Z", "2024-07-15T08:00:00+08:00", lang, url,
    )  # fmt: skip
    shown = [datetime(2024, 7, 15, h, m) - timedelta(hours=8) for h, m in clocks]
    assert [u.published_at for u in updates] == [f"{t:%Y-%m-%dT%H:%M}:00Z" for t in shown]


@pytest.mark.parametrize(
    "box",
    [
        # A responsive picture whose attributes say one pixel, CSS giving its size, captioned.
        "<figure><img src='https://cdn.example.com/real.jpg' width='1' height='1' "
        "style='width:100%;height:auto'><figcaption>The crowd at noon</figcaption></figure>",
        # A lazy loader's placeholder of one pixel, the picture in data-src.
        "<figure><img class='lazyload' src='https://cdn.example.com/px.gif' width='1' "
        "height='1' data-src='https://cdn.example.com/real.jpg'></figure>",
        # A picture as wide as its column, its height a pixel until CSS sizes it.
        "<figure><img src='https://cdn.example.com/real.jpg' width='100%' height='1'></figure>",
    ],
    ids=["captioned", "lazy-placeholder", "full-width"],
)
def test_a_picture_sized_one_pixel_by_its_attributes_alone_is_the_posts(box: str) -> None:
    """A picture whose width and height attributes say one pixel is still the post's where a
    caption names it, a lazy loader replaces it, or its other side is no pixel."""
    first = _first_post_holding(box, "Live: the rally", "https://news.example.com/live/rally")
    assert [m["url"] for m in first.media] == ["https://cdn.example.com/real.jpg"]


@pytest.mark.parametrize(
    ("box", "caption"),
    [
        # A photo a theme classes "emoji" (a reactions gallery), its alt a sentence.
        (
            "<figure><img class='emoji' src='https://cdn.example.com/crowd.jpg' alt='Fans "
            "celebrate in the square'></figure>",
            None,
        ),
        (
            "<figure><img class='emoji' src='https://cdn.example.com/crowd.jpg' alt=''>"
            "<figcaption>The stadium tonight</figcaption></figure>",
            "The stadium tonight",
        ),
    ],
    ids=["alt-sentence", "captioned"],
)
def test_a_picture_classed_emoji_whose_alt_is_no_emoji_is_a_picture(
    box: str, caption: str | None
) -> None:
    """Only an emoji's picture whose alt is its character (no letter) is that character."""
    first = _first_post_holding(box, "Live: the final", "https://news.example.com/live/final")
    assert [(m["url"], m["caption"]) for m in first.media] == [
        ("https://cdn.example.com/crowd.jpg", caption)
    ]
    assert first.body_text == "What post 0 reports, in more than a few words."


def test_a_wordpress_smiley_in_letters_stays_its_characters() -> None:
    """WordPress's old smilies keep their letters in the alt (":D"): still a smiley's."""
    box = (
        "<p>Goal! <img src='https://news.example.com/wp-includes/images/smilies/icon_biggrin"
        ".gif' alt=':D' class='wp-smiley'> What a finish.</p>"
    )
    first = _first_post_holding(box, "Live: the final", "https://news.example.com/live/final")
    assert first.media == []
    assert first.body_text.endswith("words.\n\nGoal! :D What a finish.")


def test_a_flourish_paths_query_is_no_part_of_its_charts_address() -> None:
    """Flourish's data-src with a query after the chart's number names that chart."""
    box = "<div class='flourish-embed' data-src='visualisation/12340?1234'></div>"
    first = _first_post_holding(box, "Live: the poll", "https://news.example.com/live/poll")
    assert [m["url"] for m in first.media] == [
        "https://public.flourish.studio/visualisation/12340/"
    ]


def test_a_gallerys_own_caption_is_its_pictures_not_the_posts_text() -> None:
    """WordPress's gallery block keeps the gallery's caption in its own figcaption after its
    pictures (figcaption.blocks-gallery-caption): the caption of each picture that has none
    of its own, no word of the post."""
    box = (
        "<figure class='wp-block-gallery has-nested-images'><figure class='wp-block-image'>"
        "<img src='https://cdn.example.com/g1.jpg'><figcaption>One</figcaption></figure>"
        "<figure class='wp-block-image'><img src='https://cdn.example.com/g2.jpg'></figure>"
        "<figcaption class='blocks-gallery-caption wp-element-caption'>Scenes from the march"
        "</figcaption></figure>"
    )
    first = _first_post_holding(box, "Live: the march", "https://news.example.com/live/march")
    assert [(m["url"], m["caption"]) for m in first.media] == [
        ("https://cdn.example.com/g1.jpg", "One"),
        ("https://cdn.example.com/g2.jpg", "Scenes from the march"),
    ]
    assert first.body_text == "What post 0 reports, in more than a few words."


def test_a_carousels_copies_of_its_pictures_are_each_once() -> None:
    """A looping carousel (Swiper's loop, Slick's) repeats its first and last slides as copies
    around them: each picture of the gallery once."""
    slides = "".join(
        f"<div class='swiper-slide{extra}'><img src='https://cdn.example.com/g{n}.jpg'></div>"
        for n, extra in (
            (2, " swiper-slide-duplicate"),
            (1, ""),
            (2, ""),
            (1, " swiper-slide-duplicate"),
        )
    )
    box = f"<div class='swiper gallery'><div class='swiper-wrapper'>{slides}</div></div>"
    first = _first_post_holding(box, "Live: the march", "https://news.example.com/live/march")
    assert [m["url"] for m in first.media] == [
        "https://cdn.example.com/g2.jpg",
        "https://cdn.example.com/g1.jpg",
    ]


@pytest.mark.parametrize(
    ("lang", "marks", "schedule"),
    [
        (
            "de",
            ["13.40 Uhr:", "13.20 Uhr:", "12.55 Uhr:", "12.30 Uhr:"],
            ["14.30 Uhr: Anpfiff im Stadion", "16.15 Uhr: Halbzeitshow", "18.00 Uhr: Siegerehrung"],
        ),
        (
            "fr",
            ["13h40 :", "13h20 :", "12h55 :", "12h30 :"],
            ["14h30 : coup d'envoi au stade", "16h15 : spectacle", "18h00 : remise des trophées"],
        ),
        (
            "en",
            ["13:40", "13:20", "12:55", "12:30"],
            ["09:00 – Gates open to the public", "11:30 – Opening ceremony", "14:00 – First heats"],
        ),
    ],
)
def test_a_schedule_inside_a_bold_clocked_tickers_post_is_its_words(
    lang: str, marks: list[str], schedule: list[str]
) -> None:
    """A ticker with no box per post whose posts open with their clock in bold
    (`<p><strong>13.20 Uhr:</strong> …</p>`), one post giving a day's programme in lines that
    open with a clock in plain text ("14.30 Uhr: Anpfiff", "09:00 – Gates open"), out of the
    ticker's order: the programme's lines are that post's words, not posts of their own."""
    lines = ""
    for n, mark in enumerate(marks):
        lines += f"<p><strong>{mark}</strong> Meldung {n}: what post {n} reports, in more than a few words.</p>"
        if n == 1:
            lines += "".join(f"<p>{line}</p>" for line in schedule)
    page = page_of(
        f"<div class='article__body'>{lines}</div>",
        "Live: the festival",
        lang,
        "2024-05-01T08:00:00+02:00",
    )
    updates = extract_page(
        page, "https://news.example.com/live/fest", fetched_at="2024-05-01T12:00:00Z"
    ).updates
    assert [u.body_text.split(":")[0] for u in updates] == [f"Meldung {n}" for n in range(4)]
    assert all(line in updates[1].body_text for line in schedule)
    assert [u.published_at for u in updates] == [
        "2024-05-01T11:40:00Z",
        "2024-05-01T11:20:00Z",
        "2024-05-01T10:55:00Z",
        "2024-05-01T10:30:00Z",
    ]


def test_a_recap_inside_a_titled_tickers_post_is_its_words() -> None:
    """A ticker with no box per post whose posts are titled by a heading that opens with their
    clock (`<h2>13.20 Uhr: …</h2>`), one post recapping the morning in paragraphs that open
    with a clock in plain text ("10.05 Uhr: Brücke gesperrt"): those are the post's words."""
    recap = (
        "<p><strong>Das Wichtigste bisher:</strong></p><p>10.05 Uhr: Brücke nach Unfall gesperrt"
        "</p><p>09.40 Uhr: Bürgermeister beruft Krisenstab ein</p><p>09.10 Uhr: Warnung erhöht</p>"
    )
    lines = ""
    for n, at in enumerate(["13.40", "13.20", "12.55", "12.30"]):
        lines += f"<h2>{at} Uhr: Meldung {n}</h2><p>Was Meldung {n} berichtet, in mehr als ein paar Worten.</p>"
        lines += recap if n in (1, 2) else ""
    page = page_of(
        f"<div class='article__body'>{lines}</div>",
        "Liveticker: Unwetter",
        "de",
        "2024-05-01T08:00:00+02:00",
    )
    updates = extract_page(
        page, "https://news.example.com/live/sturm", fetched_at="2024-05-01T12:00:00Z"
    ).updates
    assert [u.headline for u in updates] == [f"Meldung {n}" for n in range(4)]
    assert "10.05 Uhr: Brücke nach Unfall gesperrt" in updates[1].body_text
    assert [u.published_at for u in updates] == [
        "2024-05-01T11:40:00Z",
        "2024-05-01T11:20:00Z",
        "2024-05-01T10:55:00Z",
        "2024-05-01T10:30:00Z",
    ]


def test_a_recap_of_minutes_inside_a_commentarys_post_is_its_words() -> None:
    """A match commentary whose posts open with their minute in bold (`<p><strong>67'</strong>
    …</p>`), one long post going over the goals so far in lines that open with their minute in
    plain text ("12' – Opener…"), in the match's order: those are the post's words."""
    lines = ""
    for n, minute in enumerate(["78'", "71'", "67'", "45+2'", "34'", "12'"]):
        lines += f"<p><strong>{minute}</strong> Moment {n}: what happened then, in a few words.</p>"
        if n == 2:
            lines += "<p>12' – Opener from the edge of the box</p><p>34' – Equaliser from the corner</p><p>45+2' – Whistle for half-time</p>"
    page = page_of(
        f"<div class='commentary'>{lines}</div>",
        "Live: City v United",
        "en",
        "2024-05-01T14:00:00+00:00",
    )
    updates = extract_page(
        page, "https://news.example.com/live/derby", fetched_at="2024-05-01T16:00:00Z"
    ).updates
    assert [u.body_text.split(":")[0] for u in updates] == [f"Moment {n}" for n in range(6)]
    assert "Equaliser from the corner" in updates[2].body_text


def test_two_posts_a_cms_wraps_in_one_box_are_two() -> None:
    """A stream whose boxes each hold a post (`<div class="post"><time>…</time><h2>…</h2><p>…`)
    but one that holds two, as a CMS that wraps the posts it publishes together does: each of
    that box's time-and-title openings, shaped as every box's is, opens a post of its own."""
    posts = [
        (f"1{9 - n // 2}:{'30' if n % 2 else '45'}", f"Headline of post {n}", n) for n in range(6)
    ]
    boxes = ""
    for group in (posts[:1], posts[1:2], posts[2:4], posts[4:5], posts[5:]):
        boxes += (
            "<div class='post'>"
            + "".join(
                f"<time datetime='2024-05-01T{at}:00Z'>{at}</time><h2>{title}</h2>"
                f"<p>What post {n} reports, in more than a few words.</p>"
                for at, title, n in group
            )
            + "</div>"
        )
    page = page_of(
        f"<div class='feed'>{boxes}</div>", "Live: the storm", "en", "2024-05-01T08:00:00+00:00"
    )
    updates = extract_page(
        page, "https://news.example.com/live/storm", fetched_at="2024-05-01T20:00:00Z"
    ).updates
    assert [u.headline for u in updates] == [f"Headline of post {n}" for n in range(6)]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words." for n in range(6)
    ]
    assert updates[3].published_at == "2024-05-01T18:30:00Z"


@pytest.mark.parametrize(
    ("lines", "styles"),
    [
        (["13.40", "13.15", "13.20", "12.50", "12.30", "12.40", "12.10"], "bpbbpbb"),
        (["00.40", "00.20", "00.05", "23.50", "23.55", "23.30", "23.10"], "bpbpbpb"),
        (["13.40", "13.15", "13.20", "12.50", "12.30", "12.40", "12.10"], "hphhphh"),
    ],
)
def test_a_tickers_posts_left_plain_a_little_out_of_order_are_posts(
    lines: list[str], styles: str
) -> None:
    """A flat ticker two editors write, one opening each post with its clock in bold or in a
    heading, the other in plain text, where the plain posts stand each alone between marked
    ones and a few minutes out of order (agency copy stamped with the event's time, a post
    just after midnight): each plain line is a post, as a programme's run of lines is not."""
    body = ""
    for n, (at, style) in enumerate(zip(lines, styles, strict=True)):
        words = f"Meldung {n}: what post {n} reports, in more than a few words today."
        if style == "b":
            body += f"<p><strong>{at} Uhr:</strong> {words}</p>"
        elif style == "h":
            body += f"<h2>{at} Uhr: Titel {n}</h2><p>{words}</p>"
        else:
            body += f"<p>{at} Uhr: {words}</p>"
    page = page_of(
        f"<div class='article__body'>{body}</div>",
        "Live: der Tag",
        "de",
        "2024-05-01T08:00:00+02:00",
    )
    updates = extract_page(
        page, "https://news.example.com/live/tag", fetched_at="2024-05-01T23:59:00Z"
    ).updates
    assert [re.sub(r"^.*?(Meldung \d+).*$", r"\1", u.body_text) for u in updates] == [
        f"Meldung {n}" for n in range(len(lines))
    ]


def test_a_bare_box_in_a_post_with_a_time_and_a_title_opens_no_post() -> None:
    """A stream whose boxes open with a box of no class holding the post's time and title
    (`<div class="post"><div><time>…</time><h2>…</h2></div><p>…`), one post holding a
    picture in such a bare box with a time and a caption heading: that is the post's, no post
    of its own, as a bare box is any box."""
    posts = ""
    for n, at in enumerate(["13:40", "13:20", "12:55", "12:30", "12:05", "11:45"]):
        extra = (
            "<div><time datetime='2024-05-01T06:00:00+02:00'>06:00</time>"
            "<h4>Photo: the flooded square</h4><figure><img src='/i.jpg' alt='square'></figure></div>"
            if n == 2
            else ""
        )
        posts += (
            f"<div class='post'><div><time datetime='2024-05-01T{at}:00+02:00'>{at}</time>"
            f"<h2>Headline of post {n}</h2></div>"
            f"<p>What post {n} reports, in more than a few words.</p>{extra}</div>"
        )
    page = page_of(
        f"<div class='feed'>{posts}</div>", "Live: the storm", "en", "2024-05-01T08:00:00+02:00"
    )
    updates = extract_page(
        page, "https://news.example.com/live/storm", fetched_at="2024-05-01T20:00:00Z"
    ).updates
    assert [u.headline for u in updates] == [f"Headline of post {n}" for n in range(6)]


_OLDEST_FIRST_TICKERS = {
    "de": ("Unwetter in Bayern: Der Ticker zum Nachlesen", "Uhr", (
        "Die Feuerwehr meldet erste Einsätze in Rosenheim, mehrere Keller sind vollgelaufen.",
        "Die Polizei sperrt die Bundesstraße bei Kolbermoor wegen umgestürzter Bäume.",
        "Der Wetterdienst hebt die Unwetterwarnung für den Landkreis am Vormittag wieder auf.",
    )),
    "fr": ("Orages dans le Sud-Ouest, en direct", "", (
        "Les pompiers signalent les premières interventions à Bordeaux, des caves inondées.",
        "La préfecture ferme la route départementale près de Libourne après des chutes d'arbres.",
        "Météo-France lève la vigilance orange pour le département en fin de matinée.",
    )),
    "pl": ("Burze nad Małopolską: relacja na żywo", "", (
        "Strażacy informują o pierwszych interwencjach w Krakowie, zalane są piwnice.",
        "Policja zamyka drogę krajową pod Bochnią z powodu powalonych drzew na jezdni.",
        "Synoptycy odwołują ostrzeżenie dla powiatu, burze przesuwają się na wschód.",
    )),
    "it": ("Maltempo in Veneto, la diretta della mattina", "", (
        "I vigili del fuoco segnalano i primi interventi a Padova, con cantine allagate.",
        "La polizia chiude la strada statale vicino a Vicenza per alberi caduti sulla carreggiata.",
        "La protezione civile revoca l'allerta per la provincia nel corso della mattinata.",
    )),
    "es": ("Tormentas en Valencia, en directo", "", (
        "Los bomberos informan de las primeras intervenciones en Valencia, con sótanos anegados.",
        "La policía corta la carretera nacional cerca de Gandía por la caída de varios árboles.",
        "La agencia de meteorología levanta el aviso naranja para la provincia a media mañana.",
    )),
    "nl": ("Onweer in Limburg: het liveblog van de ochtend", "", (
        "De brandweer meldt de eerste inzetten in Maastricht, er staan kelders onder water.",
        "De politie sluit de provinciale weg bij Venlo af vanwege omgewaaide bomen op de weg.",
        "Het weerinstituut trekt de code oranje voor de provincie in de loop van de ochtend in.",
    )),
    "en": ("Storms hit the north-west – as it happened", "", (
        "Firefighters report their first call-outs in Preston, with several cellars flooded.",
        "Police close the A59 near Longton after trees came down across both carriageways.",
        "The Met Office lifts its amber warning for the county later in the morning.",
    )),
}  # fmt: skip


def _oldest_first_ticker(
    lang: str, bold: bool, stamps: tuple[str, str] | None, clocks: tuple[str, ...]
) -> bytes:
    """A short flat ticker read oldest first (a "zum Nachlesen" or "as it happened" page): a
    line of standfirst, then a paragraph a post, each opening with its clock, bold or plain;
    `stamps`, the page's published and modified times in its head."""
    title, unit, said = _OLDEST_FIRST_TICKERS[lang]
    mark = ("<strong>", "</strong>") if bold else ("", "")
    posts = "".join(
        f"<p>{mark[0]}{clock}{' ' + unit if unit else ''}:{mark[1]} {text}</p>"
        for clock, text in zip(clocks, said, strict=True)
    )
    head = (
        ""
        if stamps is None
        else f"<meta property='article:published_time' content='{stamps[0]}'>"
        f"<meta property='article:modified_time' content='{stamps[1]}'>"
    )
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><main><h1>{title}</h1><p class='intro'>{title}.</p><div class='body'>{posts}"
        "</div></main></body></html>"
    ).encode()


@pytest.mark.parametrize("lang", sorted(_OLDEST_FIRST_TICKERS))
@pytest.mark.parametrize("bold", [True, False])
def test_a_short_ticker_oldest_first_between_its_pages_start_and_last_change_is_a_stream(
    lang: str, bold: bool
) -> None:
    """A short flat ticker read oldest first, its clocks rising down the page, all between the
    time its page went up and its last change, both in its head: the page says it was written
    while they happened, as a timeline of things past or a programme of things to come never
    is; its posts are a ticker's, oldest first."""
    stamps = ("2024-05-01T06:00:00+02:00", "2024-05-01T11:40:00+02:00")
    sep = "." if lang == "de" else ":"
    clocks = tuple(f"{h}{sep}{m}" for h, m in (("08", "05"), ("09", "20"), ("10", "45")))
    page = _oldest_first_ticker(lang, bold, stamps, clocks)
    url = f"https://www.example-zeitung.com/region/storm-{lang}"
    updates = extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates
    assert [u.published_at for u in updates] == [
        "2024-05-01T06:05:00Z",
        "2024-05-01T07:20:00Z",
        "2024-05-01T08:45:00Z",
    ]
    assert [u.body_text for u in updates] == list(_OLDEST_FIRST_TICKERS[lang][2])


@pytest.mark.parametrize(
    ("stamps", "clocks"),
    [
        (None, ("08.05", "09.20", "10.45")),  # no times of its own: nothing tells
        (("2024-05-01T06:00:00+02:00",) * 2, ("08.05", "09.20", "10.45")),  # one time
        # A timeline written after the events: they come before the page went up.
        (("2024-05-01T11:00:00+02:00", "2024-05-01T11:40:00+02:00"), ("08.05", "09.20", "10.45")),
        # A programme of the day put up in the morning: its items after its last change.
        (("2024-05-01T06:00:00+02:00", "2024-05-01T07:00:00+02:00"), ("09.00", "10.30", "13.15")),
        # A page changed days after it went up tells nothing of when its lines were written.
        (("2024-04-25T06:00:00+02:00", "2024-05-01T11:40:00+02:00"), ("08.05", "09.20", "10.45")),
    ],
)
def test_a_short_timeline_whose_page_times_say_nothing_of_its_lines_is_no_stream(
    stamps: tuple[str, str] | None, clocks: tuple[str, ...]
) -> None:
    """The same lines where the page's own times do not frame them (none, one alone, lines
    before the page went up or after its last change, a page changed days on) stay a short
    timeline's, an article's or a programme's, and give no post."""
    page = _oldest_first_ticker("en", True, stamps, clocks)
    url = "https://www.example-zeitung.com/region/storm"
    assert extract_page(page, url, fetched_at="2024-05-01T12:00:00Z").updates == []


def _timeline_page(title: str, box: str, clocks: tuple[str, ...]) -> bytes:
    """An ordinary page's timeline of one day (hand-built): a line of standfirst, then a
    paragraph a line, each opening with its bold clock, in `box`; its head's published and
    modified times (article:published_time, article:modified_time) the same day, around the
    lines."""
    said = (
        "Firefighters are called to a warehouse on the industrial estate.",
        "Police close the ring road in both directions while the crews work.",
        "The fire service says the blaze is now under control.",
        "The ring road reopens and traffic returns to normal.",
    )
    posts = "".join(
        f"<p><strong>{clock}:</strong> {text}</p>"
        for clock, text in zip(clocks, said[: len(clocks)], strict=True)
    )
    return (
        f"<html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        "<meta property='article:published_time' content='2024-05-01T07:30:00+02:00'>"
        "<meta property='article:modified_time' content='2024-05-01T21:15:00+02:00'></head>"
        f"<body><main><h1>{title}</h1><p class='intro'>How the day went.</p><div class='{box}'>"
        f"{posts}</div></main></body></html>"
    ).encode()


def test_a_timeline_written_as_it_happened_in_a_box_named_a_ticker_alone_gives_no_post() -> None:
    """A market report's lines of its day ("09:00 The FTSE opens…") in a box its site names
    `market-ticker-report`, all between the page's start and its last change: a box's name
    says ticker as often of prices as of a blog, and only the page's address or title saying
    live makes such a timeline a ticker read oldest first."""
    page = _timeline_page(
        "FTSE 100 closes higher as miners rally",
        "market-ticker-report",
        ("09:00", "11:15", "14:30", "16:35"),
    )
    url = "https://news.example.com/markets/ftse-closes-higher"
    assert extract_page(page, url, fetched_at="2024-05-01T20:00:00Z").updates == []


def test_a_programme_on_the_hour_and_half_hour_between_its_pages_times_gives_no_post() -> None:
    """A festival's programme of the day, "Festival live: the day's programme", its items at
    14:00, 15:30 and 17:00, put up in the morning and changed in the evening: clocks all on
    the hour or the half hour are a programme's, which a ticker's posts, written when things
    happen, never all fall on."""
    page = _timeline_page("Festival live: the day's programme", "body", ("14:00", "15:30", "17:00"))
    url = "https://news.example.com/culture/festival-programme"
    assert extract_page(page, url, fetched_at="2024-05-01T20:00:00Z").updates == []


def _boxed_day_post(at: str, n: int, heading: str = "h2") -> str:
    return (
        f"<time datetime='2024-05-01T{at}:00+02:00'>{at}</time><{heading}>Headline {n}</{heading}>"
        f"<p>What post {n} reports, in more than a few words today.</p>"
    )


@pytest.mark.parametrize("where", ["day beside", "box of the stream", "pinned on top"])
def test_a_box_of_flat_posts_among_boxes_of_one_post_each_keeps_them_all(where: str) -> None:
    """A stream of boxes of one post each (`<div class="post"><time>…</time><h2>…</h2><p>…`)
    beside a box holding several posts set flat, opening as the boxes do: a day's box beside
    their day (`<section class="day">`), one of the stream's boxes, or a pinned box of their tag
    and first class on top. Every flat post is a post of the stream, where the page sets it."""
    at = [f"{18 - n // 3:02d}:{40 - 20 * (n % 3):02d}" for n in range(7)]
    posts = [_boxed_day_post(at[n], n, "h3") for n in range(7)]
    boxed = "".join(f"<div class='post'>{p}</div>" for p in posts[:4])
    if where == "day beside":
        feed = f"<section class='day'>{boxed}</section><section class='day'>{''.join(posts[4:])}</section>"
        order = list(range(7))
    elif where == "box of the stream":
        feed = f"{boxed}<div class='post'>{''.join(posts[4:])}</div>"
        order = list(range(7))
    else:
        feed = f"<div class='post pinned'>{''.join(posts[4:])}</div>{boxed}"
        order = [4, 5, 6, 0, 1, 2, 3]
    page = page_of(
        f"<div class='feed'>{feed}</div>", "Live: the storm", "en", "2024-05-01T06:00:00+02:00"
    )
    updates = extract_page(
        page, "https://news.example.com/live/storm", fetched_at="2024-05-01T20:00:00Z"
    ).updates
    assert [u.headline for u in updates] == [f"Headline {n}" for n in order]
    assert [u.body_text for u in updates] == [
        f"What post {n} reports, in more than a few words today." for n in order
    ]


def test_a_posts_later_addition_shaped_as_its_opening_stays_its_own() -> None:
    """A post that tells a later addition of its own under a time and a title shaped as its
    opening (`<div class="post"><time>15:20</time><h2>…</h2><p>…<time>16:20</time><h2>Update
    </h2><p>…`) in a stream newest first: the addition's time is later than the post's, out of
    the stream's order, so it is the post's words; a box of two posts in order is still two."""
    at = ["18:00", "17:40", "17:20", "17:00", "16:40", "16:20"]
    boxes = [_boxed_day_post(t, n) for n, t in enumerate(at)]
    boxes[2] += _boxed_day_post("18:20", 9).replace("Headline 9", "Update")
    boxes[4] += boxes.pop(5)  # (two posts in one box, in the stream's order)
    page = page_of(
        "<div class='feed'>" + "".join(f"<div class='post'>{b}</div>" for b in boxes) + "</div>",
        "Live: the storm",
        "en",
        "2024-05-01T06:00:00+02:00",
    )
    updates = extract_page(
        page, "https://news.example.com/live/storm", fetched_at="2024-05-01T20:00:00Z"
    ).updates
    assert [u.headline for u in updates] == [f"Headline {n}" for n in range(6)]
    assert "What post 9 reports" in updates[2].body_text
    assert updates[2].published_at == "2024-05-01T15:20:00Z"


def test_an_opening_an_editor_backdated_or_pinned_on_top_stays_a_post() -> None:
    """A stream newest first whose box holds two posts, the second dated five minutes after
    the first (an editor backdated it) but not after the post above, and a pinned box on top
    of two earlier posts: each opening is a post, neither is read as a later addition."""
    at = ["18:00", "17:40", "17:20", "17:25", "17:00", "16:40"]
    boxes = [_boxed_day_post(t, n) for n, t in enumerate(at)]
    boxes[2] += boxes.pop(3)
    pinned = _boxed_day_post("09:20", 8) + _boxed_day_post("09:00", 9)
    page = page_of(
        "<div class='feed'>"
        + "".join(f"<div class='post'>{b}</div>" for b in [pinned, *boxes])
        + "</div>",
        "Live: the storm",
        "en",
        "2024-05-01T06:00:00+02:00",
    )
    updates = extract_page(
        page, "https://news.example.com/live/storm", fetched_at="2024-05-01T20:00:00Z"
    ).updates
    assert [u.headline for u in updates] == [f"Headline {n}" for n in (8, 9, 0, 1, 2, 3, 4, 5)]
    assert updates[4].published_at == "2024-05-01T15:20:00Z"


@pytest.mark.parametrize("what", ["latest news", "key events", "comments"])
def test_a_box_of_teasers_key_events_or_comments_beside_posts_gives_no_post(what: str) -> None:
    """Boxes of times, titles and a line each, shaped as the stream's posts but no posts of
    it: a "Latest news" box of the day's tag and class whose titles are links to other
    stories, a key events box of that tag and class on top repeating the posts' titles, and
    readers' comments set
    flat in a post's box under a lesser heading (`<h4>reader</h4>`) in a stream oldest
    first."""
    at = ["18:00", "17:40", "17:20", "17:00", "16:40", "16:20"]
    posts = [_boxed_day_post(t, n) for n, t in enumerate(at)]
    boxed = "".join(f"<div class='post'>{p}</div>" for p in posts)
    order = list(range(6))
    if what == "latest news":
        teasers = "".join(
            f"<time datetime='2024-05-01T{t}:00+02:00'>{t}</time><h2><a href='/s{k}'>Story {k}"
            f"</a></h2><p>What story {k} tells, in a line of its own today.</p>"
            for k, t in enumerate(["17:55", "17:48", "17:41", "17:34"])
        )
        body = f"<section class='day'>{boxed}</section><section class='day'>{teasers}</section>"
    elif what == "key events":
        events = "".join(_boxed_day_post(at[n], n) for n in (0, 2, 4))
        body = f"<section class='day'>{events}</section><section class='day'>{boxed}</section>"
    else:
        order = list(range(5, -1, -1))
        comments = "".join(
            f"<time datetime='2024-05-01T{t}:00+02:00'>{t}</time><h4>reader{k}</h4>"
            f"<p>Comment {k} by a reader who has views.</p>"
            for k, t in enumerate(["16:45", "16:47"])
        )
        posts[4] += comments
        body = "".join(f"<div class='post'>{posts[n]}</div>" for n in order)
    page = page_of(
        f"<div class='feed'>{body}</div>", "Live: the storm", "en", "2024-05-01T06:00:00+02:00"
    )
    updates = extract_page(
        page, "https://news.example.com/live/storm", fetched_at="2024-05-01T20:00:00Z"
    ).updates
    assert [u.headline for u in updates] == [f"Headline {n}" for n in order]
