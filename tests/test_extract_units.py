"""Extraction's parts, one rule at a time: times, text, JSON-LD, microdata, merge, sanitiser, links."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import escape as html_escape
from zoneinfo import ZoneInfo

import pytest

from archive.records import FIDELITY_HTML, FIDELITY_STRUCTURED, Update
from archive.times import to_utc
from crawler.extract import clean, extract_page
from crawler.extract.adapters import REGISTRY, Adapter, candidates, html_updates
from crawler.extract.clean import (
    author_names,
    clean_attribution,
    clean_credit,
    is_boilerplate,
    is_chrome_class,
    is_template,
    normalise_text,
    paragraph_texts,
    sanitise_html,
    split_credit,
)
from crawler.extract.clock import visible_time
from crawler.extract.dom import Element
from crawler.extract.entries import render_body
from crawler.extract.html import _signs_in_words, header_charset, parse
from crawler.extract.jsonld import parse_block, read_jsonld
from crawler.extract.lines import byline_name
from crawler.extract.merge import merge
from crawler.extract.microdata import read_microdata
from crawler.extract.pagination import next_urls
from crawler.extract.structured import StructuredUpdate, article_body
from tests.helpers import saved_page

BASE = "https://news.example/live/blog"


def page_with(head: str = "", body: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# Times -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1722888018, "2024-08-05T20:00:18Z"),  # epoch seconds
        (1722888018921, "2024-08-05T20:00:18Z"),  # epoch milliseconds
        ("1721299680", "2024-07-18T10:48:00Z"),  # seconds in a data attribute
        ("1602015773212", "2020-10-06T20:22:53Z"),  # milliseconds in a data attribute
        (1722888018.5, "2024-08-05T20:00:18Z"),
        ("2024-08-05T21:00:18.921+01:00", "2024-08-05T20:00:18Z"),
        ("2023-11-02T21:06:52+05:30", "2023-11-02T15:36:52Z"),
        ("2024-07-18T06:48:00-05:00", "2024-07-18T11:48:00Z"),
        ("2024-08-05T19:49:50.000Z", "2024-08-05T19:49:50Z"),
        ("2024-07-18T11:48", "2024-07-18T11:48:00Z"),  # naive: taken as UTC
        ("2024-07-18 11:48:00", "2024-07-18T11:48:00Z"),
        ("2024-07-18T11:48:00.123456789+01:00", "2024-07-18T10:48:00Z"),  # nanoseconds
        ("  2024-07-18T11:48:00+0100 ", "2024-07-18T10:48:00Z"),
        ("Mon, 05 Aug 2024 21:00:22 +0100", "2024-08-05T20:00:22Z"),
        ("2016-12-31T23:30:00-01:00", "2017-01-01T00:30:00Z"),  # across a year
    ],
)
def test_times_become_utc(value: str | float, expected: str) -> None:
    assert to_utc(value) == expected


def test_a_time_without_a_zone_is_a_local_time_of_the_zone_given() -> None:
    london, chicago = ZoneInfo("Europe/London"), ZoneInfo("America/Chicago")
    assert to_utc("2024-07-18T11:48", london) == "2024-07-18T10:48:00Z"  # BST
    assert to_utc("2024-01-18T11:48", london) == "2024-01-18T11:48:00Z"  # GMT
    assert to_utc("2023-11-08 23:30:59", chicago) == "2023-11-09T05:30:59Z"
    # A time that states its offset, or an epoch, is what it says in any zone.
    assert to_utc("2024-07-18T11:48:00Z", london) == "2024-07-18T11:48:00Z"
    assert to_utc("2024-07-18T11:48:00+02:00", london) == "2024-07-18T09:48:00Z"
    assert to_utc("1721299680", chicago) == "2024-07-18T10:48:00Z"


@pytest.mark.parametrize(
    "value",
    [None, "", "   ", "yesterday", "19:02(IST)", True, "2024-13-45T99:00", {}, ["2024-07-18"],
     10**400, "9" * 400, float("inf"), float("nan")],  # (a page's JSON may hold any number)
)  # fmt: skip
def test_times_that_are_not_times(value: object) -> None:
    assert to_utc(value) is None


# Text --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "chrome"),
    [
        ("byline", True),
        ("liveblog-block-byline__name", True),
        ("u-photo account__avatar", True),
        ("post__avatar--large", True),
        ("share-bar", True),
        # Modifiers that say a box has, shows or lacks a byline or a writer's picture.
        ("block-elements block-elements--no-byline", False),
        ("post-without-byline", False),
        ("nobyline", False),
        ("content has-avatar", False),
        ("lb-post show-author-avatar", False),
        ("post-has-avatar", False),
        ("timeline-item is-avatar-shown", False),
        ("entry-content", False),
        # ...or a read-more button or share bar: Sky TG24's long post's body.
        ("lvbg-post__body lvbg-post__body--with-readmore", False),
        ("article-body has-share-buttons", False),
        ("article has_share", False),
        ("read-more", True),
        ("share-bar--with-icons", True),
        ("card--promo", True),
    ],
)
def test_chrome_classes_and_the_modifiers_that_name_none(cls: str, chrome: bool) -> None:
    """A post's byline and its writer's picture are chrome; a class that only says a box has
    or lacks one names none (its box holds the post's words)."""
    assert is_chrome_class(cls) is chrome


def test_entities_and_whitespace_normalised() -> None:
    assert (
        normalise_text("  &ldquo;Quote&rdquo; it&#39;s M&amp;S\xa0now\n\n")
        == "“Quote” it's M&S now"
    )
    assert normalise_text("Stay connected to&nbsp;NDTV Sports&nbsp;for more") == (
        "Stay connected to NDTV Sports for more"
    )
    assert normalise_text("double &amp;quot;escaped&amp;quot;") == 'double "escaped"'
    assert normalise_text("zero\u200bwidth") == "zerowidth"
    # The joiners spell words and emoji: Persian "می‌شود", a family of three.
    assert normalise_text("می\u200cشود") == "می\u200cشود"
    assert normalise_text("\U0001f468\u200d\U0001f469\u200d\U0001f467") == (
        "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    )
    assert (
        normalise_text("\nPolice make 14 arrests in Bristol\n")
        == "Police make 14 arrests in Bristol"
    )


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Feuerwehrleute am Einsatzort. Foto: dpa", ("Feuerwehrleute am Einsatzort.", "dpa")),
        ("Am Einsatzort (Foto: Marijan Murat/dpa)", ("Am Einsatzort", "Marijan Murat/dpa")),
        ("Die Brücke am Morgen. Bild: Keystone", ("Die Brücke am Morgen.", "Keystone")),
        ("Les pompiers. Crédit photo : AFP", ("Les pompiers.", "AFP")),
        ("I vigili del fuoco. Foto: ANSA", ("I vigili del fuoco.", "ANSA")),
        ("Los bomberos. Fotografía: EFE", ("Los bomberos.", "EFE")),
        ("Bombeiros no local. Foto: Lusa", ("Bombeiros no local.", "Lusa")),
        ("De brandweer ter plaatse. Foto: ANP", ("De brandweer ter plaatse.", "ANP")),
        (
            "Strażacy na miejscu. Fot. PAP/Leszek Szymański",
            ("Strażacy na miejscu.", "PAP/Leszek Szymański"),
        ),
        ("Strażacy. Zdjęcie: PAP", ("Strażacy.", "PAP")),
        # The bar that sets the credit off is no part of the caption (The Hindu's).
        (
            "Preparations at the rally venue in Agartala | Photo Credit: PTI",
            ("Preparations at the rally venue in Agartala", "PTI"),
        ),
        ("A plow on Main Street. © Lena Ortiz", ("A plow on Main Street.", "Lena Ortiz")),
        # A caption that names a photo, or has a colon of its own, keeps its words.
        (
            "Photo of the day: a plow on Main Street",
            ("Photo of the day: a plow on Main Street", None),
        ),
        ("Mr. Fot. said no", ("Mr. Fot. said no", None)),
        # In brackets at the end, as French and Italian papers write them: the photographer and
        # the agency, an agency, or "foto" and the agency without a colon.
        (
            "Un arbre tombé à Rennes, mercredi. (DAMIEN MEYER / AFP)",
            ("Un arbre tombé à Rennes, mercredi.", "DAMIEN MEYER / AFP"),
        ),
        (
            "Au QG du RN, dimanche soir. (Albert Facelly/Libération)",
            ("Au QG du RN, dimanche soir.", "Albert Facelly/Libération"),
        ),
        ("Il presidente al Quirinale (foto Ansa)", ("Il presidente al Quirinale", "Ansa")),
        (
            "Fans outside the arena (Photo by Kim Alvarez)",
            ("Fans outside the arena", "Kim Alvarez"),
        ),
        (
            "The scene in Kyiv. (AFP via Getty Images)",
            ("The scene in Kyiv.", "AFP via Getty Images"),
        ),
        ("Des manifestants à Paris (Reuters)", ("Des manifestants à Paris", "Reuters")),
        # Brackets that say something else stay.
        ("Protesters march (file photo)", ("Protesters march (file photo)", None)),
        (
            "Biden speaks (left) with Harris (2019)",
            ("Biden speaks (left) with Harris (2019)", None),
        ),
        ("The road to Kyiv/Kiev (map)", ("The road to Kyiv/Kiev (map)", None)),
        ("Scores (home/away)", ("Scores (home/away)", None)),
    ],
)
def test_a_captions_credit_in_the_languages_read_here(
    caption: str, expected: tuple[str, str | None]
) -> None:
    """A picture's credit at its caption's end, labelled in the languages read here ("Foto:",
    "Bild:", "Crédit photo :", "Fotografía:", "Fot.", "Zdjęcie:", "©"), as "Photo:" is in
    English: the caption without it, and the credit without its label."""
    assert split_credit(caption) == expected


def test_credits_and_attributions() -> None:
    assert split_credit(
        "Prime Minister Charles Michel said he would continue talks Credit: Reuters"
    ) == (
        "Prime Minister Charles Michel said he would continue talks",
        "Reuters",
    )
    assert split_credit("Doria Ragland looks after the children (Image: Getty)") == (
        "Doria Ragland looks after the children",
        "Getty",
    )
    assert split_credit("No credit in this caption") == ("No credit in this caption", None)
    # A news agency's credit in brackets, as the AP writes it.
    assert split_credit("Volker Türk speaks in Geneva. (AP Photo/Salvatore Di Nolfi)") == (
        "Volker Türk speaks in Geneva.",
        "AP Photo/Salvatore Di Nolfi",
    )
    assert split_credit("A crowd waits. (AP Photo)") == ("A crowd waits.", "AP Photo")
    assert split_credit("A (Photo) finish for the ages") == ("A (Photo) finish for the ages", None)
    # The NYT's credit, its label's dots run into the caption's last word.
    assert split_credit(
        "Outside a hospital in Beirut.Credit...Bryan Denton for The New York Times"
    ) == (
        "Outside a hospital in Beirut.",
        "Bryan Denton for The New York Times",
    )
    assert split_credit("The credit card bill passed.") == ("The credit card bill passed.", None)
    assert clean_credit(" (Image:Anadolu via Getty Images)") == "Anadolu via Getty Images"
    assert clean_credit("Credit: Reuters/Pascal Rossignol") == "Reuters/Pascal Rossignol"
    assert (
        clean_attribution("– Conservative MP Charlie Elphicke")
        == "Conservative MP Charlie Elphicke"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Sorry, this content isn't available on your device.",
        "Share on Facebook",
        "Share",
        "Read more: Plymouth protests erupt in violence",
        "READ MORE",
        # A share button's or a video's label in the other languages read here.
        "Delen",
        "Teilen",
        "Partager",
        "Udostępnij",
        "BEKIJK",
        "Link kopieren",
        # An ad slot's label and the notice where an ad interrupts a post, a print button's
        # and a copied link's, in the other languages read here.
        "Anzeige",
        "Publicité",
        "Pubblicità",
        "Reklama",
        "Artikel wird nach der Anzeige fortgesetzt",
        "La suite après la publicité",
        "Drucken",
        "Link kopiert",
        # A post's own tools: its embed code, reporting it; a row of them.
        "Embed",
        "Embed this post",
        "Report this post",
        "Embed Report",
        "Share | Print",
        # A link on its own line to the rest of the story.
        "Continue reading",
        "Weiterlesen",
        "Lire la suite",
        "Czytaj dalej",
        # Structured data's stand-in for a picture or a player (Fox News's articleBody).
        "[image]",
        "[Video ID]",
        # A post's labels.
        "Breaking",
        "Key event",
        "Eilmeldung",
        # A pinned post's label.
        "Pinned",
        "Angepinnt",
        # A rule drawn between posts.
        "___",
        "* * *",
        "——",
        # What an embed says while its script loads it, in the languages read here.
        "Loading",
        "Loading…",
        "Trwa ładowanie...",
        "Wird geladen",
        "Chargement...",
        "Caricamento…",
        "Cargando...",
        # A post's footer, and its permalink's label (TheJournal.ie's).
        "Back to top",
        "Link to this post",
        "Permalink",
        # What a video player says of itself (the ABC's), and Sky's notice under its player.
        "Play Video. Duration: 1 minute 12 seconds",
        "Play video. Duration: 45 seconds",
        "Please use Chrome browser for a more accessible video player",
        # A share bar of several buttons in words alone, on one line.
        "Teilen Link kopieren",
        "Udostępnij Kopiuj link",
        "Share Copy link Link copied",
        # A share bar's labels with the icons a font or an emoji draws beside them, or a
        # screen reader's label for each of three buttons.
        "↗ Share",
        "🔗 Copy link",
        "Share → Copy link",
        "Share / Copy link / Email",
        "Share on Facebook Share on Twitter Share via Email",
        "Share Copy link Email Print Report Embed Tweet",
        # What a player says where it cannot play (the BBC's), and its length alone.
        "This video can not be played",
        "This video cannot be played",
        "Duration 1:23",
        "Duration: 01:02:03",
        # The same with its unit after the clock, in the other languages read here; an
        # apostrophe in "can't", and a share button that names the platform or the live blog.
        "Duration: 1:23 min",
        "Dauer 1:23",
        "Dauer: 1:23 Min.",
        "Durée : 1:23",
        "This video can't be played",
        "This video can’t be played",
        "Dieses Video kann nicht abgespielt werden",
        "Cette vidéo ne peut pas être lue",
        "Share this live blog",
        "Teilen auf Facebook",
        "Partager sur X",
        # The same share buttons and a player's words in Spanish, Italian, Portuguese, Dutch.
        "Compartir en Facebook",
        "Compartir en WhatsApp",
        "Condividi su Facebook",
        "Condividi su X",
        "Compartilhar no Facebook",
        "Partilhar no WhatsApp",
        "Delen op Facebook",
        "Este vídeo no se puede reproducir",
        "Questo video non può essere riprodotto",
        "Duración: 1:23",
        "Durata 1:23 min",
        "Duração: 01:02:03",
        "Duur 1:23",
        # What stands in for an embed until the reader consents, as its label.
        "Externer Inhalt",
        "Contenu externe",
        "External content",
        # An edit's label without its time.
        "Aktualisiert",
        "Updated",
    ],
)
def test_boilerplate_blocks(text: str) -> None:
    assert is_boilerplate(text)
    assert paragraph_texts([text]) == ([], False)


def test_a_list_of_chrome_alone_is_chrome() -> None:
    """A share bar as a list of its buttons in words ("Udostępnij", "Kopiuj link"), a line an
    item, is chrome where every line is; a list with a line of words is the post's."""
    assert is_boilerplate("Udostępnij\nKopiuj link")
    assert is_boilerplate("Compartir\nCopiar enlace\nEnlace copiado")
    assert not is_boilerplate("Share\nThe minister has resigned.")
    assert not is_boilerplate("Copy link\nReport")


@pytest.mark.parametrize(
    "text",
    [
        "Follow us on Twitter, Facebook and Instagram for the latest.",
        "Follow BBC News on X",
        "Folgen Sie uns auf Instagram",
        "Suivez-nous sur Facebook et Twitter",
        "Síguenos en WhatsApp",
        "Seguici su Telegram",
        "Volg ons op Instagram",
        "Obserwuj nas na X",
        # The paper's handle after the platform, the platform's old name, its channel, an icon.
        "Follow us on Instagram @bbcnews",
        "Follow us on X: @bbcnews",
        "Follow us on X (formerly Twitter)",
        "Follow us on WhatsApp Channel",
        "Follow us on X 👉",
        # An icon before the call, and a newsletter's call in other words.
        "👉 Follow us on X",
        "➡️ Follow us on Instagram",
        "→ Sign up for our newsletter",
        "Sign up here for our newsletter",
        "Get our newsletter",
        "Get our free morning newsletter.",
        "Get the newsletter",
        "Get the Morning Briefing newsletter for the day's top stories.",
        "Sign up for our newsletter, it's free",
        "Subscribe to our newsletter, it’s free.",
        "Sign up for our politics newsletter",
        "Subscribe to our morning newsletter for the day's top stories.",
        "Abonnieren Sie unseren Newsletter",
        "Abonnez-vous à notre newsletter",
        "Suscríbete a nuestro boletín",
        "Iscriviti alla nostra newsletter",
        "Schrijf je in voor onze nieuwsbrief",
        "Zapisz się do naszego newslettera",
        "Zapisz się do naszego newslettera, aby nie przegapić wiadomości.",
        "Sign up for our newsletter here.",
        "Sign up for our newsletter 📩",
        "Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité",
        "Sign up to our free daily newsletter – it takes a minute",
    ],
)
def test_a_line_that_asks_readers_to_follow_or_sign_up_is_chrome(text: str) -> None:
    """A post's line that asks its readers to follow the paper on a platform or sign up for
    its newsletter, in the languages read here, is the paper's, no word of the post."""
    assert is_boilerplate(text)
    assert paragraph_texts([text]) == ([], False)


@pytest.mark.parametrize(
    "text",
    [
        "Follow the money on Twitter, the minister told reporters.",
        "Police asked residents to follow their advice on X and Facebook as the storm nears.",
        # Someone else's account, named by a pronoun or a common noun, not the paper's name.
        "Follow the police on X for updates from the scene.",
        "Follow the fire service on Facebook for road closures.",
        "Follow him on X.",
        "The union urged members to sign up for our strike fund, its leader said.",
        # The call's words are the subject of a sentence that runs on ("…newsletter closes"),
        # or a sentence that reports them ("…newsletter, the company urged customers").
        "Sign up for the newsletter closes at 5pm, organisers said.",
        "Subscribe to our newsletter, the company urged customers after the breach.",
        "Get our newsletter out by Friday, the editor told staff.",
        "→ Follow the money on X, he said.",
        # A call in quotation marks is someone's words, reported; and "get our" with a verb or
        # a preposition before "newsletter" is a sentence of its own ("Get our kids to read…").
        "«Abonnez-vous à notre newsletter», a lancé le maire.",
        "“Get our newsletter”, she said, is the first thing she tells students.",
        '"Follow us on Instagram," police urged residents.',
        "Get our kids to read the school newsletter",
        "Get our pupils into the newsletter",
        "Get the children to write the newsletter",
        "Compartir en Facebook fue su error, dijo el ministro.",
        "Duración del partido: 90 minutos",
        "Dauer 90 Minuten",
        "Share this live blog with your friends, the mayor urged residents.",
        "The video can't be played in court, the judge ruled.",
        "Fans were told to subscribe to the club's newsletter for ticket news, the club said in a "
        "statement on Tuesday afternoon after a long day of talks with the council.",
    ],
)
def test_a_post_that_reports_a_call_to_follow_keeps_it(text: str) -> None:
    assert not is_boilerplate(text)
    assert paragraph_texts([text]) == ([text], False)


def test_teasers_start_with_one_of_the_openings_looked_for() -> None:
    """is_boilerplate matches the teaser expression only after a look at a text's first two
    letters: every letter a teaser's first letter matches, folded as re.I folds it, passes."""
    openings = [o.replace("['’]", "'") for o in clean.TEASER_OPENINGS]
    firsts = re.compile("[" + "".join(re.escape(o[0]) for o in openings) + "]", re.I)
    for c in filter(firsts.match, map(chr, range(0x110000))):  # one walk of every character
        for opening in openings:
            if re.match(re.escape(opening[0]), c, re.I):
                assert clean._may_be_teaser(c + opening[1:] + ": x"), (c, opening)
    assert is_boilerplate("ſee also: the earlier blog") and is_boilerplate("Most read")


@pytest.mark.parametrize(
    "text",
    [
        "Lesen Sie auch: Was über die Lage bekannt ist",
        "Mehr zum Thema: Der Streik und seine Folgen",
        "Lire aussi | Ce que l’on sait des frappes",
        "À lire aussi : notre décryptage",
        "Leggi anche: il punto sulla situazione",
        "Lee también: Lo que sabemos",
        "Leia também: O que sabemos",
        "Lees ook: Wat we weten",
        "Czytaj też: Co wiemy o sytuacji",
    ],
)
def test_a_teaser_line_in_the_languages_read_here_is_no_body_text(text: str) -> None:
    """A post's line that points to another story ("Read more: …") in the other languages:
    no words of the post, as in English; a sentence that opens with the same words stays."""
    assert is_boilerplate(text)
    assert not is_boilerplate("Lesen Sie auch, was die Bahn dazu sagt, bevor Sie reisen.")


@pytest.mark.parametrize(
    "text",
    [
        "Facebook has removed the posts, the company said.",
        "Read the full statement below.",
        "More than 150 arrests were made.",
        "Sharing the road with lorries is dangerous.",
        "... and the count goes on.",
        "— Jane Doe, at the count",
        "- 12",
        # "Report" alone or among words: a match post's subheading, a line of its words.
        "Report",
        "Report card",
        "Share the report",
        # A post's list of calls beside a share button's word, a sign beside a tool's alone.
        "Share / Buy / Hold",
        "→ Report",
        "1. Share",
        # A post's words beside chrome's: a length that is no player's, a link's title after
        # "Copy".
        "Duration: 90 minutes",
        "Duration of the strike: 1:23 a.m. to dawn",
        "Copy link rot",
        "Updated figures",
    ],
)
def test_content_that_mentions_chrome_words_is_kept(text: str) -> None:
    assert not is_boilerplate(text)
    assert paragraph_texts([text]) == ([text], False)


@pytest.mark.parametrize(
    ("texts", "template"),
    [
        (("{{ post.title }}", "{{{ post.body }}}"), True),
        (("%TITLE%", "%BODY%"), True),
        (("<%= time %>", "${headline}"), True),
        ((None, "{{ body }}"), True),
        (("{{ title }} and the words of a post", None), False),
        (("Turnout rose 5%", "${x} said the minister"), False),
        # No placeholder at all, and no word: junk, but no template's.
        (("{{{{", "%%%%"), False),
        # Unclosed braces by the thousand: read at once, not once for each.
        (("{{" * 50_000, None), False),
    ],
)
def test_a_client_side_templates_placeholders(
    texts: tuple[str | None, ...], template: bool
) -> None:
    assert is_template(*texts) is template


def test_a_cms_token_for_an_embed_is_no_text_and_brackets_in_words_stay() -> None:
    """La Repubblica's structured data keeps the token its pages replace with an embed
    ("[[ge:rep-locali:repubblica:419430007]]"): read from there, the update's text is without
    it, in body_text and body_html alike. Brackets a writer types stay."""
    body = (
        "[[ge:rep-locali:repubblica:1]] Il ministro ha parlato [[ge:rep-locali:repubblica:"
        "419430007]] e poi è andato via.\n\n[[ge:rep-video:repubblica:2]]\n\n"
        "Secondo il testo [sic], [[un link]] resta."
    )
    item = {
        "@type": "BlogPosting",
        "url": f"{BASE}#p1",
        "headline": "Le parole del ministro",
        "datePublished": "2023-11-02T15:56:32Z",
        "articleBody": body,
    }
    (update,) = extract_page(page_with(ld(blog([item]))), BASE).updates
    assert update.body_text == (
        "Il ministro ha parlato e poi è andato via.\n\nSecondo il testo [sic], [[un link]] resta."
    )
    assert "[[ge:" not in update.body_html and "[[un link]]" in update.body_html


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("By Jacob  Rosen,   Melissa Quinn", ["Jacob Rosen", "Melissa Quinn"]),
        ("Jo Writer, Sam Reporter and Ana Ruiz", ["Jo Writer", "Sam Reporter", "Ana Ruiz"]),
        ("Anna Weber und Max Müller", ["Anna Weber", "Max Müller"]),
        ("Marie Dupont et Jean Martin", ["Marie Dupont", "Jean Martin"]),
        (["Jo Writer and Ana Ruiz", {"name": "Ana Ruiz"}], ["Jo Writer", "Ana Ruiz"]),
        # Not lists of full names: one name each.
        ("José Ortega y Gasset", ["José Ortega y Gasset"]),
        ("Smith, John", ["Smith, John"]),
        ("Procter and Gamble", ["Procter and Gamble"]),
        ("ITV News Producer Ellie Swinton", ["ITV News Producer Ellie Swinton"]),
        ("By ", []),
    ],
)
def test_a_byline_listing_full_names_gives_each_name(value: object, expected: list[str]) -> None:
    assert author_names(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Where the writers are (the FT's "x-live-blog-post__byline", the NYT's "Reporting
        # from …") is no part of a name: one writer is one author wherever she files from.
        ("Peggy Hollinger in London", ["Peggy Hollinger"]),
        ("By Euan Ward, reporting from Beirut", ["Euan Ward"]),
        ("Jane Doe in Kyiv, Ukraine", ["Jane Doe"]),
        ("Sam Jones in Washington DC", ["Sam Jones"]),
        ("Jane Doe in London and Tom Bloggs in Paris", ["Jane Doe", "Tom Bloggs"]),
        ("Peggy Hollinger and Jane Doe in New York", ["Peggy Hollinger", "Jane Doe"]),
        ("Anna Schmidt aus Kiew", ["Anna Schmidt"]),
        ("Jean Dupont à Kiev", ["Jean Dupont"]),
        ("Ana López desde Madrid", ["Ana López"]),
        # Names that hold such a word, and places no name comes before, stay as written.
        ("Maria da Silva", ["Maria da Silva"]),
        ("Jan in 't Veld", ["Jan in 't Veld"]),
        ("Reuters in London", ["Reuters in London"]),
        ("Jane Doe in central London", ["Jane Doe in central London"]),
        # The newsroom a mark sets after the names (Fox News's "<span>By <a>…</a></span>
        # <span>· Fox News</span>") is no writer; a name after the mark stays as written.
        ("Kelly Brandt · Fox News", ["Kelly Brandt"]),
        ("By Marcus Avery and Jenna Ortiz · Fox News", ["Marcus Avery", "Jenna Ortiz"]),
        ("Jane Doe in London | Reuters", ["Jane Doe"]),
        ("Smith, John · AP", ["Smith, John · AP"]),
        ("Jane Doe | Senior Political Correspondent, The Washington Post", ["Jane Doe"]),
        ("Jane Doe · 5 min read", ["Jane Doe"]),
        # A writer's name after the mark is another writer's, no newsroom: it stays.
        ("Jane Doe · John Smith", ["Jane Doe · John Smith"]),
        ("Jane Doe | Anna Postma", ["Jane Doe | Anna Postma"]),
        ("Jane Doe | Tim Post", ["Jane Doe | Tim Post"]),
        ("Jane Doe · JR Smith", ["Jane Doe · JR Smith"]),
        ("Jane Doe | The Times", ["Jane Doe"]),
        # An agency in brackets, after a slash or a comma, as German bylines add it, is none
        # either; names or words that are no newsroom stay.
        ("Anna Berg (dpa)", ["Anna Berg"]),
        ("Anna Berg/dpa", ["Anna Berg"]),
        ("Anna Berg / dpa", ["Anna Berg"]),
        ("Anna Berg, dpa", ["Anna Berg"]),
        ("Anna Berg, AFP", ["Anna Berg"]),
        ("Jean Dupont (Reuters)", ["Jean Dupont"]),
        ("Anna Berg/Tom Roe", ["Anna Berg/Tom Roe"]),
        ("Anna Berg (Hamburg)", ["Anna Berg (Hamburg)"]),
        ("dpa", ["dpa"]),
        ("Smith, John", ["Smith, John"]),
        # A newsroom written as its initials after a comma, a mark or in brackets ("Adam
        # Schefter, ESPN", "… | CBC", "… (TSN)") is none either; a generation or numeral after a
        # name, or initials that go on into a name, stay.
        ("Sarah Collins, ESPN", ["Sarah Collins"]),
        ("By Sarah Collins and Tom Roe, ESPN", ["Sarah Collins", "Tom Roe"]),
        ("Jane Doe | CBC", ["Jane Doe"]),
        ("Tom Roe (TSN)", ["Tom Roe"]),
        ("John Smith, III", ["John Smith, III"]),
        ("John Smith, JR", ["John Smith, JR"]),
        ("Smith, ESPN", ["Smith, ESPN"]),
        # A newsroom that says it is one, its name ending in News, TV, Radio or Media.
        ("By Sara Rossi, BBC News", ["Sara Rossi"]),
        ("Sara Rossi and Tom Reyes, Fox News", ["Sara Rossi", "Tom Reyes"]),
        ("Sara Rossi, ABC News Radio", ["Sara Rossi"]),
        ("Sara Rossi, Tom Newsome", ["Sara Rossi", "Tom Newsome"]),
        # The writer's role after a comma (Sky's "By Jane Doe, political reporter") and the
        # agencies a post drew on ("Jane Doe, with agencies", the Guardian's "… and agencies")
        # are no writers either; a name after the comma stays.
        ("By Jane Doe, political reporter", ["Jane Doe"]),
        ("Jane Doe, Europe correspondent", ["Jane Doe"]),
        ("Jane Doe and Tom Roe, political reporters", ["Jane Doe", "Tom Roe"]),
        ("Jane Doe, with agencies", ["Jane Doe"]),
        ("Jane Doe and agencies", ["Jane Doe"]),
        ("Jane Doe, Tom Roe and agencies", ["Jane Doe", "Tom Roe"]),
        ("Anna Berg mit Agenturen", ["Anna Berg"]),
        ("Jane Doe, Tom Editor", ["Jane Doe", "Tom Editor"]),
        # The role in title case, as British papers print it, is none either: a role word
        # no one bears as a surname, or after a rank's word or two words ("Chief Reporter").
        ("By Sara Rossi, Political Correspondent", ["Sara Rossi"]),
        ("Sara Rossi, Europe Correspondent", ["Sara Rossi"]),
        ("Tom Reyes, Chief Reporter", ["Tom Reyes"]),
        ("Tom Reyes, Senior Political Editor", ["Tom Reyes"]),
        ("Sara Rossi and Tom Reyes, Political Correspondents", ["Sara Rossi", "Tom Reyes"]),
        ("Jane Doe, Tom Reporter", ["Jane Doe", "Tom Reporter"]),
        # Or in German, French, Spanish, Italian or Portuguese, and where the writer is based.
        ("Anna Berg, Korrespondentin", ["Anna Berg"]),
        ("Anna Berg, ARD-Korrespondentin in Brüssel", ["Anna Berg"]),
        ("Max Muster, Redakteur", ["Max Muster"]),
        ("Jean Dupont, correspondant à Bruxelles", ["Jean Dupont"]),
        ("Jean Dupont, envoyé spécial à Kiev", ["Jean Dupont"]),
        ("Ana Ruiz, corresponsal en Bruselas", ["Ana Ruiz"]),
        ("Marco Bianchi, inviato a Kiev", ["Marco Bianchi"]),
        ("Ana Berg, Tom Korrespondent", ["Ana Berg", "Tom Korrespondent"]),
        ("The reporter", ["The reporter"]),
        (
            "ALSO READ | A referendum on India's future",
            ["ALSO READ | A referendum on India's future"],
        ),
    ],
)
def test_a_byline_saying_where_its_writer_is_names_the_writer_alone(
    value: str, expected: list[str]
) -> None:
    assert author_names(value) == expected


# Sanitiser ---------------------------------------------------------------------------------------


def test_sanitiser_allow_list() -> None:
    dirty = (
        '<p onclick="steal()" class="x" style="color:red">Hi <a href="javascript:alert(1)">bad</a> '
        '<a href="/news/x" target="_blank" data-track="1">rel</a><script>alert(1)</script></p>'
        '<img src="data:image/png;base64,AAA" alt="inline"><img src="/i.jpg" alt="pic" onerror="x()">'
        "<iframe src='https://evil.example'></iframe><h2>Sub</h2><h6>Small</h6><table><tr><td>cell</td></tr></table>"
        "<blockquote><p>Quote</p></blockquote><ul><li>one</li></ul><style>p{}</style>"
    )
    clean = sanitise_html(dirty, BASE)
    for gone in (
        "<script",
        "alert(1)",
        "onclick",
        "javascript:",
        "style=",
        "class=",
        "data-track",
        "target=",
        "<iframe",
        "evil.example",
        "data:image",
        "onerror",
        "<h6",
        "<table",
        "p{}",
    ):
        assert gone not in clean, gone
    assert '<a href="https://news.example/news/x" rel="nofollow noopener">rel</a>' in clean
    assert '<img src="https://news.example/i.jpg" alt="pic">' in clean
    for kept in (
        "<h2>Sub</h2>",
        "Small",
        "cell",
        "<blockquote><p>Quote</p></blockquote>",
        "<li>one</li>",
    ):
        assert kept in clean, kept


# JSON-LD -----------------------------------------------------------------------------------------


def blog(updates: list[dict[str, object]], **extra: object) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "The blog",
        "liveBlogUpdate": updates,
        **extra,
    }


def test_jsonld_strings_are_decoded() -> None:
    data = blog(
        [
            {
                "@type": "BlogPosting",
                "headline": "Minister&#39;s &ldquo;plan&rdquo; for M&amp;S\n",
                "url": f"{BASE}#p1",
                "datePublished": "2024-01-01T10:00:00+01:00",
                "articleBody": "He said &quot;no&quot;.\nThen he left &amp; went home.",
                "author": [{"@type": "Person", "name": "Ann &amp; Bob"}, "Cy"],
            }
        ]
    )
    result = read_jsonld(parse(page_with(ld(data))))  # type: ignore[arg-type]
    (update,) = result.updates
    assert update.headline == "Minister's “plan” for M&S"
    assert update.source_id == "p1"
    assert update.published_at == "2024-01-01T09:00:00Z"
    assert update.authors == ["Ann & Bob", "Cy"]
    text, markup, media = update.body(BASE)
    assert text == 'He said "no".\n\nThen he left & went home.'
    assert markup == '<p>He said "no".</p><p>Then he left &amp; went home.</p>'
    assert media == []


@pytest.mark.parametrize(
    ("headline", "published", "expected"),
    [
        # The clock and the zone before the body's own start: no headline at all.
        ("19:02(IST) TOSS: Sunrisers win toss, opt to bat", "2020-10-02T19:02:32+05:30", None),
        # ... cut mid-word by the CMS.
        ("19:02(IST) TOSS: Sunrisers win toss, op", "2020-10-02T19:02:32+05:30", None),
        # A title of its own after the clock: the title.
        ("19:02 IST – Toss won by Sunrisers", "2020-10-02T19:02:32+05:30", "Toss won by Sunrisers"),
        ("9:15 p.m. ET: Polls close", "2024-11-05T21:15:00-05:00", "Polls close"),
        ("12.31 Uhr: Bahn meldet Störung", "2024-03-12T12:31:00+01:00", "Bahn meldet Störung"),
        # A number that is not the update's time stays the headline's.
        ("10:30 Downing Street briefing", "2024-03-12T11:30:00Z", "10:30 Downing Street briefing"),
        ("9/11 memorial opens", "2024-09-11T09:11:00-04:00", "9/11 memorial opens"),
    ],
)
def test_a_structured_headline_opening_with_the_updates_own_clock_loses_it(
    headline: str, published: str, expected: str | None
) -> None:
    """A CMS that writes each update's headline as its clock and the start of its text: the
    clock is the update's time, and what is left, when it only repeats the body, is no title."""
    item = {
        "@type": "BlogPosting",
        "headline": headline,
        "url": f"{BASE}#p1",
        "datePublished": published,
        "articleBody": "TOSS: Sunrisers win toss, opt to bat against Chennai Super Kings.",
    }
    (update,) = read_jsonld(parse(page_with(ld(blog([item]))))).updates  # type: ignore[arg-type]
    assert update.headline == expected


def test_malformed_jsonld_block_is_skipped_and_good_ones_kept() -> None:
    good = blog(
        [
            {
                "@type": "BlogPosting",
                "headline": "Kept",
                "url": f"{BASE}#k",
                "datePublished": "2024-01-01T10:00:00Z",
                "articleBody": "Body",
            }
        ]
    )
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", headline: "x"}</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "cut</script>'
        + ld(good)
    )
    result = read_jsonld(parse(page_with(head)))  # type: ignore[arg-type]
    assert result.skipped == 2 and result.blocks == 1
    assert [u.headline for u in result.updates] == ["Kept"]


def _update_json(number: int) -> str:
    return json.dumps(
        {
            "@type": "BlogPosting",
            "@id": f"{BASE}#p{number}",
            "headline": f"Update {number}",
            "datePublished": f"2024-01-01T1{number}:00:00+01:00",
            "articleBody": f"Body {number}, as https://x.example//{number} says.",
        }
    )


@pytest.mark.parametrize(
    "text",
    [
        '{"@type": "LiveBlogPosting", "liveBlogUpdate": [UPDATES,],}',
        '{"@type": "LiveBlogPosting",\n  // "url": "https://old.example/",\n'
        '  "liveBlogUpdate": [UPDATES]}',
        '/* made by the CMS */ {"@type": "LiveBlogPosting", "liveBlogUpdate": [UPDATES]}',
        '{"@type": "WebSite", "name": "Site"}\n{"@type": "LiveBlogPosting", '
        '"liveBlogUpdate": [UPDATES]};',
    ],
    ids=["trailing-commas", "line-comment", "block-comment", "two-values"],
)
def test_json_ld_that_templates_write_and_json_is_not_is_read(text: str) -> None:
    """Comments, a comma before a closing bracket and values one after another are how
    templates go wrong: the block is read, and a "//" inside a string stays in it."""
    updates = f"{_update_json(1)}, {_update_json(2)}"
    head = f'<script type="application/ld+json">{text.replace("UPDATES", updates)}</script>'
    result = read_jsonld(parse(page_with(head)))  # type: ignore[arg-type]
    assert result.skipped == 0 and result.live
    assert [(u.source_id, u.headline, u.published_at) for u in result.updates] == [
        ("p1", "Update 1", "2024-01-01T10:00:00Z"),
        ("p2", "Update 2", "2024-01-01T11:00:00Z"),
    ]
    assert result.updates[1].article_body == "Body 2, as https://x.example//2 says."


def test_json_ld_a_template_escaped_for_html_is_read() -> None:
    """A template that escapes the block as it escapes HTML text writes its quotes as
    `&quot;` (`{&quot;@type&quot;: …}`): the block is read as its text says, once unescaped."""
    block = (
        f'{{"@type": "LiveBlogPosting", "liveBlogUpdate": [{_update_json(1)}, {_update_json(2)}]}}'
    )
    for escaped in (html_escape(block), html_escape(block).replace("&quot;", "&#34;")):
        head = f'<script type="application/ld+json">\n{escaped}\n</script>'
        result = read_jsonld(parse(page_with(head)))  # type: ignore[arg-type]
        assert result.skipped == 0 and result.live
        assert [(u.source_id, u.headline) for u in result.updates] == [
            ("p1", "Update 1"),
            ("p2", "Update 2"),
        ]
    # A block that only quotes an entity in a string is JSON as it stands.
    assert parse_block('{"headline": "&quot;Yes&quot;"}') == {"headline": "&quot;Yes&quot;"}


def test_json_ld_a_template_escaped_only_its_quotes_in_keeps_its_addresses() -> None:
    """A template that writes only the block's quotes as `&quot;` leaves its ampersands
    bare: an address's query (`?id=5&section=live`, `&copy=1`) is no entity, where a
    browser's parser would read "&sect" without its semicolon as one; the words' own
    entities, with theirs, are read."""
    url = "https://news.example/live?id=5&section=live&copy=1#post-1"
    block = {
        "@type": "LiveBlogPosting",
        "liveBlogUpdate": [
            {"@type": "BlogPosting", "url": url, "headline": "Roads &amp; bridges shut"}
        ],
    }
    escaped = json.dumps(block).replace('"', "&quot;")
    head = f'<script type="application/ld+json">{escaped}</script>'
    result = read_jsonld(parse(page_with(head)))  # type: ignore[arg-type]
    assert [(u.permalink, u.headline) for u in result.updates] == [(url, "Roads & bridges shut")]


def test_updates_given_by_reference_are_read_where_the_graph_describes_them() -> None:
    """An @graph names each update by its @id in the blog and describes it beside the blog."""
    updates = [json.loads(_update_json(n)) for n in (1, 2)]
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            blog([{"@id": f"{BASE}#p1"}, {"@type": "BlogPosting", "@id": f"{BASE}#p2"}]),
            *updates,
        ],
    }
    result = read_jsonld(parse(page_with(ld(graph))))  # type: ignore[arg-type]
    assert [(u.source_id, u.headline) for u in result.updates] == [
        ("p1", "Update 1"),
        ("p2", "Update 2"),
    ]
    # A reference to nothing the page describes stays what it was: an id, without text.
    dangling = blog([{"@id": f"{BASE}#p9"}])
    (bare,) = read_jsonld(parse(page_with(ld(dangling)))).updates  # type: ignore[arg-type]
    assert (bare.source_id, bare.headline, bare.article_body) == ("p9", None, "")


def test_a_time_escaped_for_html_inside_json_ld_is_read() -> None:
    item = json.loads(_update_json(1)) | {"datePublished": "2023-11-02T10:14:29&#x2B;05:30"}
    (update,) = read_jsonld(parse(page_with(ld(blog([item]))))).updates  # type: ignore[arg-type]
    assert update.published_at == "2023-11-02T04:44:29Z"


def test_malformed_block_on_ndtv_page() -> None:
    """NDTV's NewsArticle block keeps lines of it commented out with "//": it is read (its
    publisher), and its updates are the microdata's, as none of its JSON-LD is a blog."""
    result = read_jsonld(parse(saved_page("ndtv-cwc2023-ind-sl.html").read_bytes()))  # type: ignore[arg-type]
    assert result.skipped == 0
    assert result.blocks == 8
    assert result.updates == []
    assert result.publisher == "NDTV Sports"


@pytest.mark.parametrize(
    "wrap",
    [
        lambda b: {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, b]},
        lambda b: [{"@type": "Organization", "name": "Other"}, b],
        lambda b: {"@type": "WebPage", "mainEntity": b},
        lambda b: {"@type": "WebPage", "mainEntity": {"@type": "Thing", "about": b}},
    ],
    ids=["graph", "list", "mainEntity", "nested"],
)
def test_liveblog_found_where_pages_nest_it(wrap: object) -> None:
    item = {
        "@type": "BlogPosting",
        "headline": "Found",
        "url": f"{BASE}#f1",
        "datePublished": "2024-01-01",
    }
    data = wrap(blog([item], publisher={"@type": "Organization", "name": "Pub"}))  # type: ignore[operator]
    result = read_jsonld(parse(page_with(ld(data))))  # type: ignore[arg-type]
    assert [u.source_id for u in result.updates] == ["f1"]
    assert result.publisher == "Pub"
    assert result.title == "The blog"


def test_single_update_object_and_typed_lists() -> None:
    data = {
        "@type": ["CreativeWork", "LiveBlogPosting"],
        "name": "Named blog",
        "coverageStartTime": "2024-01-01T08:00:00+02:00",
        "coverageEndTime": 1704110400,
        "liveBlogUpdate": {"@type": "BlogPosting", "name": "Only one", "@id": f"{BASE}#only"},
    }
    result = read_jsonld(parse(page_with(ld(data))))  # type: ignore[arg-type]
    assert [(u.source_id, u.headline) for u in result.updates] == [("only", "Only one")]
    assert (result.title, result.coverage_start, result.coverage_end) == (
        "Named blog",
        "2024-01-01T06:00:00Z",
        "2024-01-01T12:00:00Z",
    )


def test_express_jsonld_entities() -> None:
    result = read_jsonld(parse(saved_page("express-royals-2024-07-18.html").read_bytes()))  # type: ignore[arg-type]
    by_id = {u.source_id: u for u in result.updates}
    update = by_id["live-1924698-8eoz5"]
    assert (
        update.headline == "Meghan Markle 'turned and hissed' at a staffer leaving her in 'tears'"
    )
    text, _, _ = update.body(BASE)
    assert text.startswith('A pregnant Meghan Markle reportedly "turned and hissed"')
    assert "&#" not in text


def test_articlebody_markup_and_teaser() -> None:
    raw = (
        'First part &quot;quoted&quot;. <a href="/story">a link</a> more. '
        '<b>Read more: <a href="https://x.example/y">Another story</a></b>'
    )
    text, markup, _ = article_body(raw, BASE)
    assert text == 'First part "quoted". a link more.'
    assert "Read more" not in markup and "Another story" not in markup
    assert '<a href="https://news.example/story" rel="nofollow noopener">a link</a>' in markup


def test_clock_time_headline_is_kept_and_not_a_time() -> None:
    data = blog(
        [
            {
                "@type": "BlogPosting",
                "headline": "19:02(IST) TOSS: India win the toss",
                "url": f"{BASE}#t",
                "articleBody": "India will bat first.",
            }
        ]
    )
    page = extract_page(page_with(ld(data)), BASE)
    (update,) = page.updates
    assert update.headline == "19:02(IST) TOSS: India win the toss"
    assert update.published_at is None
    assert update.fidelity == FIDELITY_STRUCTURED
    assert update.body_text == "India will bat first."


# Microdata ---------------------------------------------------------------------------------------


def test_ndtv_microdata_alone() -> None:
    """40 items beside the malformed JSON-LD; unquoted content and &nbsp; handled."""
    result = read_microdata(parse(saved_page("ndtv-cwc2023-ind-sl.html").read_bytes()))  # type: ignore[arg-type]
    assert len(result.updates) == 40
    assert [u.source_id for u in result.updates[:3]] == ["80", "79", "78"]
    first = result.updates[0]
    assert first.headline == "India vs Sri Lanka: It's a wrap!"
    assert first.published_at == "2023-11-02T15:36:52Z"
    assert first.authors == ["NDTV Sports"]
    assert "Stay connected to NDTV Sports for more updates" in first.body(BASE)[0]
    # The publisher's unescaped quote ends the attribute: microdata alone has the first words.
    assert result.updates[1].body(BASE)[0] == "Mohammed Shami gets the Player of the Match award."
    assert result.coverage_start == "2023-11-02T10:30:24Z"


def test_microdata_inline() -> None:
    body = """
    <div itemscope itemtype="https://schema.org/LiveBlogPosting">
      <meta itemprop="headline" content="Blog &amp; more">
      <article itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">
        <a itemprop="url" href="#u7">link</a>
        <h2 itemprop="headline">  Headline
        </h2>
        <time itemprop="datePublished" datetime="2024-02-02T12:00:00+01:00">noon</time>
        <span itemprop="author" itemscope itemtype="https://schema.org/Person">
          <span itemprop="name">Dee</span></span>
        <div itemprop="articleBody"><p>Words&nbsp;here.</p></div>
      </article>
    </div>"""
    page = extract_page(page_with(body=body), BASE)
    assert page.title == "Blog & more"
    (update,) = page.updates
    assert (update.source_id, update.headline, update.published_at, update.authors) == (
        "u7",
        "Headline",
        "2024-02-02T11:00:00Z",
        ["Dee"],
    )
    assert update.body_text == "Words here."
    assert update.sources == ["microdata"]
    assert update.permalink == f"{BASE}#u7"


# Merge -------------------------------------------------------------------------------------------


def test_merge_by_fragment() -> None:
    html = [
        Update(
            source_id="b",
            headline=None,
            body_text="Full body of b",
            body_html="<p>Full body of b</p>",
            published_at="2024-01-01T11:00:00Z",
            authors=["Html Author"],
            media=[
                {"type": "image", "url": "https://i.example/b.jpg", "caption": None, "credit": None}
            ],
            sources=["html"],
        ),
        Update(
            source_id="a",
            headline="A in HTML",
            body_text="Body a",
            published_at="2024-01-01T09:59:00Z",
            sources=["html"],
        ),
    ]
    structured = [
        StructuredUpdate(
            source="jsonld",
            source_id="c",
            headline="Only structured",
            published_at="2024-01-01T12:00:00Z",
            article_body="Text of c",
        ),
        StructuredUpdate(
            source="jsonld",
            source_id="a",
            headline="A in JSON-LD",
            published_at="2024-01-01T10:00:00Z",
            modified_at="2024-01-01T10:05:00Z",
            authors=["Ld Author"],
            permalink=f"{BASE}#a",
            article_body="short",
        ),
        StructuredUpdate(
            source="jsonld",
            source_id="b",
            headline="B headline",
            published_at="2024-01-01T11:00:30Z",
            authors=["Ld Author"],
        ),
    ]
    merged = merge(html, [structured], BASE)
    assert [u.source_id for u in merged] == ["b", "a", "c"]  # page order, then structured-only
    b, a, c = merged
    assert b.headline == "B headline"  # the HTML lacked it
    assert b.published_at == "2024-01-01T11:00:30Z"  # structured data wins for times
    assert b.authors == ["Html Author", "Ld Author"]  # nothing structured data gave is lost
    assert b.body_text == "Full body of b" and b.media and b.fidelity == FIDELITY_HTML
    assert b.sources == ["jsonld", "html"]
    assert a.headline == "A in HTML"
    assert (a.published_at, a.modified_at) == ("2024-01-01T10:00:00Z", "2024-01-01T10:05:00Z")
    assert a.body_text == "Body a" and a.permalink == f"{BASE}#a"
    assert (c.fidelity, c.body_text, c.sources) == (FIDELITY_STRUCTURED, "Text of c", ["jsonld"])


def test_merge_jsonld_and_microdata_and_html_duplicates() -> None:
    html = [
        Update(source_id="x", body_text="one", sources=["html"], pinned=True),
        Update(source_id="x", body_text="two", sources=["html"]),
    ]
    jsonld = [StructuredUpdate(source="jsonld", source_id="x", headline="X")]
    micro = [
        StructuredUpdate(source="microdata", source_id="x", published_at="2024-01-01T00:00:00Z"),
        StructuredUpdate(source="microdata", source_id="y", headline="Y"),
    ]
    merged = merge(html, [jsonld, micro], BASE)
    assert [u.source_id for u in merged] == ["x", "y"]
    assert merged[0].body_text == "one" and merged[0].pinned
    assert merged[0].sources == ["jsonld", "microdata", "html"]
    assert (merged[0].headline, merged[0].published_at) == ("X", "2024-01-01T00:00:00Z")
    assert merged[1].sources == ["microdata"]


def test_merge_without_ids_uses_unique_headlines_only() -> None:
    html = [
        Update(headline="Same", body_text="h1", sources=["html"]),
        Update(headline="Unique", body_text="h2", sources=["html"]),
    ]
    structured = [
        StructuredUpdate(source="jsonld", headline="Same", published_at="2024-01-01T00:00:00Z"),
        StructuredUpdate(source="jsonld", headline="Same", published_at="2024-01-01T01:00:00Z"),
        StructuredUpdate(source="jsonld", headline="unique ", published_at="2024-01-01T02:00:00Z"),
    ]
    merged = merge(html, [structured], BASE)
    # "Same" names two structured updates: neither is pinned on the HTML one by headline.
    assert [(u.headline, u.published_at) for u in merged] == [
        ("Same", None),
        ("Unique", "2024-01-01T02:00:00Z"),
        ("Same", "2024-01-01T00:00:00Z"),
        ("Same", "2024-01-01T01:00:00Z"),
    ]


# Pagination --------------------------------------------------------------------------------------


def test_next_links_best_first() -> None:
    head = '<link rel="next" href="/live/blog?page=2">'
    body = """
      <a href="https://other.example/older">Older posts</a>
      <a href="?page=3" class="pagination__next">Next page</a>
      <a href="/live/blog?page=2">Load more updates</a>
      <a href="#comments">Load more comments</a>
      <a href="javascript:void(0)">Show more</a>
      <a href="/story/1">Why the council says more homes are needed than ever before in the county</a>
      <a href="/live/blog#top">Next</a>"""
    urls = next_urls(parse(page_with(head, body)), BASE)  # type: ignore[arg-type]
    assert urls == [
        "https://news.example/live/blog?page=2",  # rel=next, and the same as "Load more updates"
        "https://other.example/older",  # another site: returned, the spider filters it
        "https://news.example/live/blog?page=3",
    ]


@pytest.mark.parametrize(
    ("text", "older"),
    [
        ("Next story: Traffic diversions for the procession", False),  # The Indian Express's
        ("Next article", False),
        ("Next up: the weather", False),
        ("Next post: Lewes bonfire clean-up under way", False),  # a WordPress theme's
        # A pager's word alone leads to a page of this document only (see below).
        ("Next »", False),
        ("Next posts", True),
        ("Older entries", True),
        ("Older stories", True),
        ("Earlier articles", True),
    ],
)
def test_a_next_link_that_names_a_story_leads_to_no_older_updates(text: str, older: bool) -> None:
    """ "Next story: …" below an article leads to another story, as "Older entries" leads to
    an older page; "Next »" alone, to another address, is the next story's link."""
    body = f'<div class="next-story-wrap"><a href="/article/cities/next-10412300/">{text}</a></div>'
    urls = next_urls(parse(page_with(body=body)), "https://news.example/live/blog-10412345/")  # type: ignore[arg-type]
    assert urls == (["https://news.example/article/cities/next-10412300/"] if older else [])


def test_next_links_by_anchor_rel_and_text() -> None:
    body = '<a rel="nofollow next" href="p2">More</a><a href="/p9"><span>Older updates</span></a>'
    urls = next_urls(parse(page_with(body=body)), "https://news.example/live/")  # type: ignore[arg-type]
    assert urls == ["https://news.example/live/p2", "https://news.example/p9"]


@pytest.mark.parametrize(
    ("page", "href", "older"),
    [
        ("/2017/11/24/live-semifinal/", "/2017/11/25/cougars-advance-to-final/", False),
        ("/2017/11/24/live-semifinal/", "/2017/11/24/live-semifinal/2/", True),
        ("/2017/11/24/live-semifinal/", "/2017/11/24/live-semifinal/?liveblog_page=2", True),
        ("/live/ticker-1234.html", "/live/ticker-1234-2.html", True),
        ("/news/live/uk-53905012/page/2", "/news/live/uk-53905012/page/3", True),
        ("/live/ticker-1234.html", "/live/ticker-1235.html", False),
        # WordPress's slug for another post of the same title; the site's home page.
        ("/2017/11/24/live-semifinal/", "/2017/11/24/live-semifinal-2/", False),
        ("/2017/11/24/live-semifinal/", "/", False),
        ("/", "/?page=2", True),  # a blog at the site's root
        ("/live-blog/page-2/", "/live-blog/page-3/", True),
        ("/ticker.html", "/ticker-page-2.html", True),
        ("/live/index.html", "/live/?page=2", True),
        ("/liveblog/2024/05/01", "/liveblog/2024/05/02", False),  # the next day's blog
    ],
)
def test_a_rel_next_to_another_article_leads_to_no_older_updates(
    page: str, href: str, older: bool
) -> None:
    """A WordPress theme's post navigation marks the next article `<a rel="next">`: that
    link leads to another blog, whose posts are not this one's older ones. A rel=next within
    the document (another query, a path below it, a page number after it) does."""
    body = (
        f'<nav class="post-navigation"><a href="{href}" rel="next"><span>Next post</span> '
        "Cougars win the final</a></nav>"
    )
    urls = next_urls(parse(page_with(body=body)), f"https://news.example{page}")  # type: ignore[arg-type]
    assert urls == ([f"https://news.example{href}"] if older else [])


@pytest.mark.parametrize(
    ("page", "href", "older"),
    [
        ("/live/storm-ewan", "/live/storm-ewan/older/2", True),  # a path below it
        # Its AMP rendering's next page shows a reader the same older posts.
        ("/live/storm-ewan", "/amp/live/storm-ewan?p=2", True),
        ("/live/storm-ewan", "/live/storm-ewan/amp?page=2", True),
        ("/live/storm-ewan", "/amp/live/storm-ewan/page/2", True),
        ("/amp/live/storm-ewan", "/live/storm-ewan?page=2", True),
        # This very page in AMP, or another story's AMP page, is no older page of it.
        ("/live/storm-ewan", "/amp/live/storm-ewan", False),
        ("/live/storm-ewan", "/live/storm-ewan/amp", False),
        ("/live/storm-ewan?p=2", "/amp/live/storm-ewan?p=2", False),
        ("/live/storm-ewan", "/amp/live/storm-dara?p=2", False),
        ("/live/storm-ewan", "/amp/news/storm-ewan-clean-up", False),
        # Nor is it where the query only asks for AMP or tags the visit: this page again.
        ("/live/storm-ewan", "/live/storm-ewan?amp=1", False),
        ("/live/storm-ewan", "/amp/live/storm-ewan?amp=1", False),
        ("/live/storm-ewan", "/amp/live/storm-ewan?utm_source=amp", False),
        ("/live/storm-ewan?amp=1", "/live/storm-ewan?amp=1&page=2", True),
        ("/live/storm-ewan", "/live/storm-ewan?amp=1&page=2", True),
    ],
)
def test_a_pagers_next_to_this_blogs_page_in_another_shape_is_an_older_page(
    page: str, href: str, older: bool
) -> None:
    """A probe of a blog's pager whose "Next »" leads to its next page in its AMP rendering
    (`/amp/live/storm-ewan?p=2`) had found no older page: a reader who follows it sees the
    blog's older posts, as through a path below the blog's address. A pager's word alone still
    vouches for no other story, AMP or not, nor for this same page in AMP."""
    body = f'<div class="live-feed"></div><div class="lb-pager"><a href="{href}">Next »</a></div>'
    urls = next_urls(parse(page_with(body=body)), f"https://news.example.co.uk{page}")  # type: ignore[arg-type]
    assert urls == ([f"https://news.example.co.uk{href}"] if older else [])


def test_a_broken_address_in_a_next_link_is_passed_over() -> None:
    """A rel=next or "load more" link whose address cannot be read ("http://[oops") is no
    older page, and the page is read all the same."""
    body = (
        "<a rel='next' href='http://[oops/page/2'>Older posts</a>"
        "<a class='load-more' href='http://[oops/x'>More</a><a href='?page=2'>Older posts</a>"
    )
    urls = next_urls(parse(page_with(body=body)), "https://news.example/live/blog")  # type: ignore[arg-type]
    assert urls == ["https://news.example/live/blog?page=2"]


def test_a_load_more_button_that_leads_elsewhere_leads_to_no_older_updates() -> None:
    """Mastodon styles "Sign in to participate" as `a.load-more`: a class alone vouches for a
    link to another page of this document only."""
    body = (
        '<a class="load-more load-gap" href="/auth/sign_in">Sign in to participate</a>'
        '<a class="load-more" href="/@desk/111?page=2"><span class="icon"></span></a>'
    )
    urls = next_urls(parse(page_with(body=body)), "https://social.example/@desk/111")  # type: ignore[arg-type]
    assert urls == ["https://social.example/@desk/111?page=2"]


@pytest.mark.parametrize(
    "text",
    [
        "Weitere Einträge laden",
        "Ältere Beiträge",
        "Mehr laden",
        "Voir plus de messages",
        "Messages précédents",
        "Carica altri",
        "Aggiornamenti precedenti",
        "Cargar más",
        "Entradas anteriores",
        "Carregar mais",
        "Meer laden",
        "Oudere berichten",
        "Pokaż więcej",
        "Starsze wpisy",
        "Następna strona",
        # The next page's link alone, as a pager prints it ("Next »").
        "Nächste »",
        "Suivante",
        "Successiva",
        "Siguiente",
        "Próxima",
        "Volgende",
        "Następna",
        # Beyond them: Slovenian (24ur's), Romanian (Digi24's), Croatian, Serbian, Czech,
        # Slovak, Bulgarian, Ukrainian, Nordic, Finnish, Turkish and Indonesian.
        "Naloži starejše",
        "Vezi mai multe",
        "Učitaj još",
        "Прикажи још",
        "Načíst další",
        "Načítať viac",
        "Зареди още",
        "Показати більше",
        "Vis flere",
        "Ladda fler",
        "Näytä lisää",
        "Daha fazla yükle",
        "Muat lebih banyak",
    ],
)
def test_next_links_in_the_languages_read_here(text: str) -> None:
    """A "load more" link in German, French, Italian, Spanish, Portuguese, Dutch or Polish
    leads to the older updates as the English one does; a link that only opens with "more"
    ("Mehr zum Thema", "Ver más noticias", "En savoir plus") leads elsewhere."""
    body = (
        '<a href="/thema/streik">Mehr zum Thema</a><a href="/noticias">Ver más noticias</a>'
        '<a href="/apropos">En savoir plus</a><a href="/woche">Nächste Woche: Streik</a>'
        f'<a href="/live/ticker?page=2">{text}</a>'
    )
    urls = next_urls(parse(page_with(body=body)), "https://news.example/live/ticker")  # type: ignore[arg-type]
    assert urls == ["https://news.example/live/ticker?page=2"]


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        # A gallery's "Következő »" turns its pictures (`?kep=2`); the next article's leads
        # to another story: neither is an older page, as the pager's "Következő »" is.
        (
            '<div class="galeria"><img src="/k/1.jpg" alt=""><a href="?kep=2">Következő »</a>'
            '</div><div class="kovetkezo-cikk"><a href="/sport/eb-tabella">Következő »</a></div>',
            [],
        ),
        (
            '<div class="slideshow"><picture><img src="/b/1.jpg" alt=""></picture>'
            '<a href="?bild=2">Nächste »</a></div>'
            '<ul class="pager"><li><a href="?seite=2">Nächste »</a></li></ul>',
            ["https://news.example/live/ticker?seite=2"],
        ),
        (
            '<div class="carousel"><img src="/c/1.jpg" alt=""><a class="next" href="?slide=2">'
            'Next</a></div><a href="/live/ticker/page/2">Next »</a>',
            ["https://news.example/live/ticker/page/2"],
        ),
        # A pager named like a slider's, or a gallery's name on a box without pictures.
        (
            '<div class="slider-nav"><a href="?page=2">Next »</a></div>',
            ["https://news.example/live/ticker?page=2"],
        ),
        (
            '<div class="has-lightbox"><div class="gallery-pager"><a href="?page=2">Next »</a>'
            "</div></div>",
            ["https://news.example/live/ticker?page=2"],
        ),
    ],
)
def test_a_galleries_next_and_the_next_stories_are_no_older_pages(
    links: str, expected: list[str]
) -> None:
    """A pager's word alone ("Next »", "Nächste »", "Következő »") vouches for a page of the
    document, never one inside a photo gallery, slideshow or carousel: a box so named that
    holds a picture."""
    urls = next_urls(parse(page_with(body=links)), "https://news.example/live/ticker")  # type: ignore[arg-type]
    assert urls == expected


@pytest.mark.parametrize(
    "comments",
    [
        # WordPress's the_comments_navigation() and the_comments_pagination() below a post.
        '<nav class="navigation comment-navigation" aria-label="Comments"><div class="nav-links">'
        '<div class="nav-previous"><a href="/live/ticker/comment-page-1/#comments">Older comments'
        "</a></div></div></nav>",
        '<nav class="navigation comments-pagination" aria-label="Comments"><div class="nav-links">'
        '<a class="next page-numbers" href="/live/ticker/comment-page-3/#comments">Next »</a>'
        "</div></nav>",
        # A site's own readers' comments, in German and French.
        '<section id="kommentare"><ol><li>Danke!</li></ol><a href="?kpage=2">Nächste »</a>'
        "</section>",
        '<div class="bloc-commentaires"><a href="?cpage=2">Page suivante</a></div>',
        # A sidebar's latest comments, paged by an icon that says rel=next.
        '<div class="menu menu_comments"><a href="?paged1=2#pagination_comms" rel="next" '
        'class="icon-chevron-right"></a></div>',
    ],
)
def test_a_pager_of_readers_comments_is_no_older_page(comments: str) -> None:
    """The next page of readers' comments below a live blog shows the blog again, with other
    comments: no older page of its posts, as the blog's own pager beside it is."""
    body = f'<ul class="pager"><li><a href="?page=2">Older posts</a></li></ul>{comments}'
    urls = next_urls(parse(page_with(body=body)), "https://news.example/live/ticker/")  # type: ignore[arg-type]
    assert urls == ["https://news.example/live/ticker/?page=2"]


def test_a_link_whose_words_name_posts_in_a_box_named_comments_is_an_older_page() -> None:
    """A publisher that calls its live posts comments (La Vanguardia's `div.comment`s) may
    name their box so: a link there whose words say older posts leads to the blog's older
    page, as its words say."""
    body = (
        '<div class="live-comments"><div class="comment">Lo que cuenta la entrada.</div>'
        '<a href="?page=2">Publicaciones anteriores</a></div>'
    )
    urls = next_urls(parse(page_with(body=body)), "https://news.example/live/ticker/")  # type: ignore[arg-type]
    assert urls == ["https://news.example/live/ticker/?page=2"]


@pytest.mark.parametrize(
    "href",
    ["/api/ab/newsflow/65f2/entries?offset=6&showAdverts=false", "/live/ticker/older.json"],
)
def test_a_load_more_link_to_a_scripts_data_is_no_older_page(href: str) -> None:
    """VG's "Vis flere" (per a public bot that reads it) leads to the JSON its script loads
    more posts from: no page of posts to follow, as the pager's `?page=2` beside it is."""
    body = f'<a class="load-more" href="{href}">Vis flere</a><a href="?page=2">Next page</a>'
    urls = next_urls(parse(page_with(body=body)), "https://news.example/live/ticker")  # type: ignore[arg-type]
    assert urls == ["https://news.example/live/ticker?page=2"]


def test_next_links_honour_base_href() -> None:
    page = page_with(
        '<base href="https://cdn.example/blog/">', '<a href="page-2">Load more updates</a>'
    )
    assert next_urls(parse(page), BASE) == ["https://cdn.example/blog/page-2"]  # type: ignore[arg-type]


# Decoding ----------------------------------------------------------------------------------------


def test_decoding_declared_and_undeclared_charsets() -> None:
    html = "<html><head>{meta}<title>Café “news”</title></head><body></body></html>"
    latin = html.format(meta='<meta charset="windows-1252">').encode("cp1252")
    assert extract_page(latin, BASE).title == "Café “news”"
    undeclared = html.format(meta="").encode("cp1252")  # not valid UTF-8: the detector guesses
    assert extract_page(undeclared, BASE).title == "Café “news”"
    utf8 = html.format(meta="").encode("utf-8")
    assert extract_page(utf8, BASE).title == "Café “news”"
    assert extract_page(b"\xef\xbb\xbf" + utf8, BASE).title == "Café “news”"
    assert extract_page(latin, BASE, encoding="cp1252").title == "Café “news”"
    # A wrong meta charset loses to the HTTP header's encoding.
    lying = html.format(meta='<meta charset="iso-8859-1">').encode("utf-8")
    assert extract_page(lying, BASE, encoding="utf-8").title == "Café “news”"


def _signs_between_letters(text: str) -> int:
    """The rule read character by character: signs beyond ASCII with a letter either side."""
    return sum(
        1
        for at, c in enumerate(text)
        if not c.isascii()
        and not c.isalpha()
        and text[at - 1 : at].isalpha()
        and text[at + 1 : at + 2].isalpha()
    )


@pytest.mark.parametrize(
    ("body", "codec", "signs"),
    [
        ("gęślą będą".encode("iso8859-2"), "cp1250", 1),  # "gę¶l±": "±" ends words
        ("gęślą będą".encode("iso8859-2"), "iso8859-2", 0),
        (b"a\xb6b\xbbc", "cp1252", 2),  # a chain of signs in one word: "a¶b»c"
        (b"\xb6ab\xbb c\xb6", "cp1252", 0),  # at the start, before a space, at the end
        (b"a\xb6\xbbb", "cp1252", 0),  # a sign beside a sign
        (b"x\x81y", "cp1252", 1),  # a byte the code page lacks reads as a sign: "x\ufffdy"
        (b"m\xb3s \xbfQu\xe9", "cp1252", 1),  # "m³s" is one; "¿Qué" opens a word
        (b"plain ascii", "iso8859-15", 0),
    ],
)
def test_signs_inside_words_are_counted_from_the_bytes(body: bytes, codec: str, signs: int) -> None:
    assert _signs_in_words(body, codec) == signs
    assert _signs_between_letters(body.decode(codec, "replace")) == signs


@pytest.mark.parametrize(
    ("headers", "codec"),
    [
        ([("Content-Type", "text/html; charset=UTF-8")], "utf-8"),
        ([("content-type", 'text/html; charset="Windows-1252"')], "cp1252"),
        ([("Content-Type", "text/html; charset=utf-8-sig")], "utf-8"),
        ([("Content-Type", "text/html; charset=no-such-codec")], None),
        (
            [("Content-Type", "text/html"), ("Content-Type", "text/html; charset=latin-1")],
            "iso8859-1",
        ),
        ([("X-Charset", "charset=cp1252"), ("Content-Type", "text/html")], None),
        ([], None),
    ],
)
def test_header_charset(headers: list[tuple[str, str]], codec: str | None) -> None:
    assert header_charset(headers) == codec


@pytest.mark.parametrize("body", [b"", b"   ", b"\x00\xff\xfe", b"<html>", b"not html at all"])
def test_empty_or_broken_bodies(body: bytes) -> None:
    page = extract_page(body, BASE)
    assert page.url == BASE and page.updates == [] and page.next_urls == []


# Adapter registry --------------------------------------------------------------------------------


def test_registry_prefers_domain_then_markup() -> None:
    root = parse(page_with(body='<div class="live-event-entry" id="1"></div>'))
    assert root is not None
    assert [a.name for a in candidates(root, "https://www.itv.com/news/x")] == ["itv", "reach"]
    assert [a.name for a in candidates(root, "http://127.0.0.1:9/x")] == ["reach"]
    assert [a.name for a in REGISTRY] == [
        "reach",
        "itv",
        "ndtv",
        "guardian",
        "bbc",
        "cnn",
        "telegraph",
        "sky",
        "sourcefabric",
        "wp-liveblog",
        "amp",
        "tickaroo",
        "24liveblog",
        "scribblelive",
        "arena",
        "zdf",
    ]


def test_registry_takes_a_fallback_adapter_last() -> None:
    """A catch-all adapter (the generic heuristic to come) goes last and runs only if needed."""
    fallback = Adapter(
        "fallback",
        (),
        lambda root: True,
        lambda root, url: [Update(source_id="g", body_text="A post.", sources=["html"])],
    )
    root = parse(page_with(body="<p>nothing known</p>"))
    assert root is not None
    assert html_updates(root, BASE, (*REGISTRY, fallback)) == (
        "fallback",
        [Update(source_id="g", body_text="A post.", sources=["html"])],
    )
    mirror = parse(saved_page("mirror-uk-riots-2024-08-05.html").read_bytes())
    assert mirror is not None
    name, updates = html_updates(mirror, BASE, (*REGISTRY, fallback))
    assert name == "reach" and len(updates) == 30


def test_entry_chrome_is_not_body() -> None:
    """Share bars, ads, teasers, scripts and placeholders inside a Reach entry stay out."""
    body = """<div class="live-event-entry" id="42" data-post-time="1722888018921">
      <div class="entry-info"><time>21:00</time><mark>Jo Reporter</mark></div>
      <div class="entry-content"><h3>Headline here</h3>
        <p>First paragraph.</p>
        <div class="ad-slot"><p>Advertisement</p></div>
        <p>Advertisement</p>
        <div class="social-share"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a></div>
        <p>Second <a href="https://twitter.com/intent/tweet?text=x">Tweet this</a> paragraph.</p>
        <script>window.evil = 1;</script><style>.x{}</style>
        <p>Sorry, this content isn't available on your device.</p>
        <p><b>Read more: <a href="/other">Another story</a></b></p>
        <ul><li>Item one</li><li>Item &amp; two</li></ul>
      </div></div>"""
    (update,) = extract_page(page_with(body=body), "http://127.0.0.1:1/live").updates
    assert update.headline == "Headline here"
    assert update.authors == ["Jo Reporter"]
    assert update.published_at == "2024-08-05T20:00:18Z"
    assert update.body_text == "First paragraph.\n\nSecond paragraph.\n\nItem one\nItem & two"
    for gone in (
        "Advertisement",
        "Facebook",
        "Tweet this",
        "evil",
        "Sorry",
        "Read more",
        "Headline here",
    ):
        assert gone not in update.body_html
    assert "<li>Item &amp; two</li>" in update.body_html


def test_articlebody_escaped_markup_is_parsed() -> None:
    text, markup, _ = article_body(
        "&lt;p&gt;One &amp;amp; two&lt;/p&gt;&lt;p&gt;Three&lt;/p&gt;", BASE
    )
    assert (text, markup) == ("One & two\n\nThree", "<p>One &amp; two</p><p>Three</p>")


def test_microdata_body_markup_keeps_paragraphs_and_media() -> None:
    body = """<article itemprop="liveBlogUpdate" itemscope><meta itemprop="url" content="#a1">
      <h2 itemprop="headline">H</h2><div itemprop="articleBody"><p>Para one.</p><p>Para &amp; two.</p>
      <figure><img src="/i.jpg"><figcaption>Cap <span class="credit">PA</span></figcaption></figure>
      </div></article>"""
    (update,) = extract_page(page_with(body=body), BASE).updates
    assert update.fidelity == FIDELITY_STRUCTURED
    assert update.body_text == "Para one.\n\nPara & two."
    assert update.media == [
        {"type": "image", "url": "https://news.example/i.jpg", "caption": "Cap", "credit": "PA"}
    ]


@pytest.mark.parametrize("tag", ["div", "figure"])
def test_a_wordpress_caption_box_is_the_pictures_caption_and_credit(tag: str) -> None:
    """WordPress's [caption] shortcode: `div.wp-caption` (`figure` in HTML5 themes) holding the
    image and `p.wp-caption-text`; the caption and its credit are the picture's, not body."""
    caption = "p" if tag == "div" else "figcaption"
    body = f"""<div class="live-event-entry" id="9" data-post-time="1722888018921">
      <div class="entry-content"><h3>H</h3>
      <{tag} id="attachment_90412" style="width: 1034px" class="wp-caption aligncenter">
      <img src="/wp-content/uploads/plow.jpg" alt="" width="1024" height="683">
      <{caption} class="wp-caption-text">A plow on Main Street. (Photo: Lena Ortiz)</{caption}>
      </{tag}><p>Crews have been out since 3 a.m.</p></div></div>"""
    (update,) = extract_page(page_with(body=body), "http://127.0.0.1:1/x").updates
    assert update.body_text == "Crews have been out since 3 a.m."
    assert update.media == [
        {
            "type": "image",
            "url": "http://127.0.0.1:1/wp-content/uploads/plow.jpg",
            "caption": "A plow on Main Street.",
            "credit": "Lena Ortiz",
        }
    ]


@pytest.mark.parametrize(
    "picture",
    [
        '<p><img src="/media/spoglio.jpg" alt=""></p>',
        '<img src="/media/spoglio.jpg" alt="">',
    ],
)
def test_a_line_a_class_calls_a_caption_after_a_bare_picture_is_its_caption(picture: str) -> None:
    """A rich-text editor's picture with no box of its own, `<p><img></p>`, and after it
    `<p class="caption">` (djangocms-blog's live posts, as its editor leaves them): the
    picture's caption and credit, not the post's words."""
    body = f"""<div class="live-event-entry" id="9" data-post-time="1722888018921">
      <div class="entry-content"><h3>Prime sezioni</h3>
      <p>Dopo le prime tre sezioni la candidata è al 49%.</p>
      {picture}<p class="caption">Gli scrutatori al lavoro. (Foto Gazzetta)</p>
      <p>Il prossimo dato è atteso alle 21.</p></div></div>"""
    (update,) = extract_page(page_with(body=body), "http://127.0.0.1:1/x").updates
    assert update.body_text == (
        "Dopo le prime tre sezioni la candidata è al 49%.\n\nIl prossimo dato è atteso alle 21."
    )
    assert update.media == [
        {
            "type": "image",
            "url": "http://127.0.0.1:1/media/spoglio.jpg",
            "caption": "Gli scrutatori al lavoro.",
            "credit": "Gazzetta",
        }
    ]
    # A date in the caption is no clock.
    dated = body.replace("Gli scrutatori al lavoro.", "Roma, 05.08.2024: gli scrutatori al lavoro.")
    (update,) = extract_page(page_with(body=dated), "http://127.0.0.1:1/x").updates
    assert update.media[0]["caption"] == "Roma, 05.08.2024: gli scrutatori al lavoro."
    # Not a plain paragraph, a post's text its class calls a description, nor a stamp set in
    # a class of the type scale: those stay the post's words.
    for line in (
        "<p>Gli scrutatori al lavoro.</p>",
        '<p class="post-description">Gli scrutatori al lavoro.</p>',
        '<div class="text-caption grey--text">Gli scrutatori al lavoro, 19:55</div>',
    ):
        changed = body.replace(
            '<p class="caption">Gli scrutatori al lavoro. (Foto Gazzetta)</p>', line
        )
        (update,) = extract_page(page_with(body=changed), "http://127.0.0.1:1/x").updates
        assert "Gli scrutatori al lavoro" in update.body_text, line
        assert update.media[0]["caption"] is None, line


def _nine_first_post(first: str) -> Update:
    """The first post of a Nine-style live page (the SMH's: posts named by `data-testid`)
    whose first post is `first` and whose second says good morning."""
    body = first + (
        '<div class="x1" data-testid="live-blog-post" id="p5lmxq">'
        '<time datetime="2025-03-26T00:24:00.000Z">11.24am</time><h3>Good morning</h3>'
        '<div class="x2"><p>Welcome to our coverage of budget day.</p></div></div>'
    )
    head = "<title>Federal budget 2025 live updates</title>"
    return extract_page(page_with(head, body), "http://127.0.0.1:1/budget-live").updates[0]


def test_a_picture_box_named_for_tests_with_a_plain_caption_and_a_cited_credit() -> None:
    """Nine's live posts (the Sydney Morning Herald's, per a public recipe of it): the picture
    in `div[data-testid=image]`, no class, its caption a plain paragraph after it and the
    credit in a `<cite>`; the caption and credit are the picture's, not the post's words."""
    body = """<div class="x1" data-testid="live-blog-post" id="p5lmyq">
      <time datetime="2025-03-26T00:44:00.000Z">11.44am</time>
      <h3>In pictures: budget day</h3><div class="x2"><div data-testid="image"><picture>
      <img src="/images/treasurer.jpg" alt=""></picture><p>The Treasurer arrives at Parliament
      House.<cite><span>Credit: </span>Alex Ellinghausen</cite></p></div>
      <div data-testid="photo-block"><img src="/images/house.jpg" alt=""><p>Parliament House
      at dawn.</p><cite>Photo: Jane Smith</cite></div>
      <p>Our chief photographer has been out this morning.</p></div></div>
"""
    update = _nine_first_post(body)
    assert update.body_text == "Our chief photographer has been out this morning."
    assert update.media == [
        {
            "type": "image",
            "url": "http://127.0.0.1:1/images/treasurer.jpg",
            "caption": "The Treasurer arrives at Parliament House.",
            "credit": "Alex Ellinghausen",
        },
        {
            "type": "image",
            "url": "http://127.0.0.1:1/images/house.jpg",
            "caption": "Parliament House at dawn.",
            "credit": "Jane Smith",
        },
    ]


@pytest.mark.parametrize("testid", ["post-with-image", "image-gallery-post", "embed-post-content"])
def test_a_posts_body_named_for_tests_with_a_picture_keeps_its_words(testid: str) -> None:
    """A body box whose test id names the post as well as a picture ("post-with-image") holds
    the post's words: they stay its words, the picture its media."""
    body = f"""<div class="x1" data-testid="live-blog-post" id="p5lmyq">
      <time datetime="2025-03-26T00:44:00.000Z">11.44am</time><h3>Budget day</h3>
      <div data-testid="{testid}"><p>What the budget says, in a first paragraph.</p>
      <figure><img src="/images/treasurer.jpg" alt=""></figure>
      <p>And more of it in a second.</p></div></div>
"""
    update = _nine_first_post(body)
    assert update.body_text == (
        "What the budget says, in a first paragraph.\n\nAnd more of it in a second."
    )
    assert [m["url"] for m in update.media] == ["http://127.0.0.1:1/images/treasurer.jpg"]


@pytest.mark.parametrize(
    ("img", "url"),
    [
        # A lazy loader's source, not the placeholder in `src` that it replaces.
        ('<img src="data:image/gif;base64,R0lGOD" data-src="/a.jpg">', "/a.jpg"),
        ('<img src="/placeholder.svg" data-lazy-src="/b.jpg">', "/b.jpg"),
        ('<img src="/grey.gif" data-original="/c.jpg">', "/c.jpg"),
        # The real source kept for browsers without scripts, beside the placeholder.
        ('<img src="/grey.gif"><noscript><img src="/j.jpg"></noscript>', "/j.jpg"),
        # Or the only picture there, where a script replaces a blurred box (react-datocms).
        (
            '<div style="background-image:url(data:,)"></div><noscript><picture><img '
            'src="/k.jpg" alt=""></picture></noscript>',
            "/k.jpg",
        ),
        ('<img class="lazyload" data-srcset="/d-320.jpg 320w, /d-960.jpg 960w">', "/d-960.jpg"),
        # The largest picture a `srcset` offers, by width or density; commas inside URLs.
        ('<img srcset="/e-320.jpg 320w, /e-1024.jpg 1024w, /e-640.jpg 640w">', "/e-1024.jpg"),
        ('<img srcset="/f.jpg, /f-2x.jpg 2x">', "/f-2x.jpg"),
        (
            '<img srcset="/w_400,h_300/g.jpg 400w, /w_800,h_600/g.jpg 800w">',
            "/w_800,h_600/g.jpg",
        ),
        (
            '<picture><source srcset="/h-400.webp 400w, /h-800.webp 800w"><img></picture>',
            "/h-800.webp",
        ),
        ('<img src="/i.jpg" srcset="/i-2x.jpg 2x">', "/i.jpg"),
        # A <picture>'s widest rendition of its picture: a format's <source> (no media
        # query), or one for wide screens alone (min-width), wider than its <img> says it is.
        (
            '<picture><source type="image/webp" srcset="/l-640.webp 640w, /l-1600.webp 1600w">'
            '<img src="/l-640.jpg" width="640"></picture>',
            "/l-1600.webp",
        ),
        (
            '<picture><source media="(min-width: 1024px)" srcset="/m-1920.jpg 1920w">'
            '<source media="(min-width: 600px)" srcset="/m-1024.jpg 1024w">'
            '<img src="/m-600.jpg" alt=""></picture>',
            "/m-1920.jpg",
        ),
        (
            '<picture><source data-srcset="/n-480.webp 480w, /n-1280.webp 1280w">'
            '<img class="lazyload" data-src="/n-480.jpg" src="data:,"></picture>',
            "/n-1280.webp",
        ),
        # Not a rendition of it, or none wider: the <img>'s own.
        (
            '<picture><source media="(max-width: 599px)" srcset="/o-square-800.jpg 800w">'
            '<img src="/o.jpg"></picture>',
            "/o.jpg",
        ),
        (
            '<picture><source media="(prefers-color-scheme: dark)" srcset="/p-dark.png 2000w">'
            '<img src="/p.png"></picture>',
            "/p.png",
        ),
        (
            '<picture><source type="image/webp" srcset="/q-400.webp 400w">'
            '<img src="/q-1200.jpg" srcset="/q-1200.jpg 1200w"></picture>',
            "/q-1200.jpg",
        ),
        (
            '<picture><source type="image/avif" srcset="/r.avif"><img src="/r.jpg"></picture>',
            "/r.jpg",
        ),
        # A lazy loader's placeholder in a <source>, however wide it says it is, is none.
        (
            '<picture><source type="image/webp" srcset="data:image/gif;base64,R0lGOD 2000w">'
            '<img src="/r2.jpg" width="800"></picture>',
            "/r2.jpg",
        ),
        # An image proxy's address gives the picture it wraps (Next.js's `url=`, Nuxt's IPX).
        (
            '<img src="/_next/image?url=%2Fimages%2Fs.jpg&amp;w=1200&amp;q=75" srcset="/_next/'
            "image?url=%2Fimages%2Fs.jpg&amp;w=640&amp;q=75 1x, /_next/image?url=%2Fimages%2F"
            's.jpg&amp;w=1920&amp;q=75 2x">',
            "/images/s.jpg",
        ),
        ('<img src="/_ipx/w_800&amp;f_webp/images/t.jpg">', "/images/t.jpg"),
        ('<img src="/_ipx/_/images/u.png">', "/images/u.png"),
    ],
)
def test_a_pictures_image_is_the_one_a_reader_sees(img: str, url: str) -> None:
    body = f"""<div class="live-event-entry" id="9" data-post-time="1722888018921">
      <div class="entry-content"><h3>H</h3><p>Crews have been out since 3 a.m.</p>
      <figure>{img}<figcaption>A plow on Main Street.</figcaption></figure></div></div>"""
    (update,) = extract_page(page_with(body=body), "http://127.0.0.1:1/x").updates
    assert [m["url"] for m in update.media] == [f"http://127.0.0.1:1{url}"]
    assert f'src="http://127.0.0.1:1{url}"' in update.body_html


@pytest.mark.parametrize(
    ("src", "url"),
    [
        (
            "/_next/image?url=https%3A%2F%2Fcdn.example.org%2Fphotos%2Fv.jpg&amp;w=1080&amp;q=75",
            "https://cdn.example.org/photos/v.jpg",
        ),
        (
            "https://news.example.net/_vercel/image?url=%2Fw.jpg&amp;w=640&amp;q=75",
            "https://news.example.net/w.jpg",
        ),
        ("/_ipx/w_640/https://cdn.example.org/x.jpg", "https://cdn.example.org/x.jpg"),
        # A proxy's address without the picture it wraps stays as it is.
        ("/_next/image?w=640&amp;q=75", "http://127.0.0.1:1/_next/image?w=640&q=75"),
        # An address encoded twice is the picture's, decoded once more.
        (
            "/_next/image?url=https%253A%252F%252Fcdn.example.org%252Fy.jpg&amp;w=640",
            "https://cdn.example.org/y.jpg",
        ),
        ("/_ipx/w_640/https%3A%2F%2Fcdn.example.org%2Fz.jpg", "https://cdn.example.org/z.jpg"),
        # One that wraps no picture's address on the web (a script's, a data URL) stays.
        (
            "/_next/image?url=javascript%3Aalert(1)&amp;w=640",
            "http://127.0.0.1:1/_next/image?url=javascript%3Aalert(1)&w=640",
        ),
        (
            "/_next/image?url=data%3Aimage%2Fgif%3Bbase64%2CR0lGOD&amp;w=640",
            "http://127.0.0.1:1/_next/image?url=data%3Aimage%2Fgif%3Bbase64%2CR0lGOD&w=640",
        ),
    ],
)
def test_an_image_proxys_address_gives_the_picture_it_wraps(src: str, url: str) -> None:
    """Next.js's `/_next/image?url=…&w=…` (Vercel's `/_vercel/image`) and Nuxt's IPX
    `/_ipx/<modifiers>/<picture>` give the picture they resize, resolved against the page
    that shows it (the proxy's host, where its address names one)."""
    body = f"""<div class="live-event-entry" id="9" data-post-time="1722888018921">
      <div class="entry-content"><h3>H</h3><p>Crews have been out since 3 a.m.</p>
      <figure><img src="{src}"><figcaption>A plow on Main Street.</figcaption></figure></div>
      </div>"""
    (update,) = extract_page(page_with(body=body), "http://127.0.0.1:1/x").updates
    assert [m["url"] for m in update.media] == [url]


def test_a_trackers_pixel_for_browsers_without_scripts_is_no_picture() -> None:
    body = """<div class="live-event-entry" id="9" data-post-time="1722888018921">
      <div class="entry-content"><h3>H</h3><p>Crews have been out since 3 a.m.</p>
      <noscript><img src="https://px.example/t.gif?u=1" width="1" height="1"></noscript>
      </div></div>"""
    (update,) = extract_page(page_with(body=body), "http://127.0.0.1:1/x").updates
    assert update.media == []


def test_social_embed_is_media_but_share_bar_is_not() -> None:
    body = b"""<div class="live-event-entry" id="9" data-post-time="1722888018921">
      <div class="entry-content"><h3>H</h3><p>Text.</p>
      <div class="social-embed" data-url="https://twitter.com/a/status/123"></div>
      <div class="share-buttons" data-url="https://page.example/">
        <a href="https://twitter.com/intent/tweet">Tweet</a></div></div></div>"""
    (update,) = extract_page(page_with(body=body.decode()), "http://127.0.0.1:1/x").updates
    assert update.body_text == "Text."
    assert update.media == [
        {
            "type": "embed",
            "url": "https://twitter.com/a/status/123",
            "provider": "twitter",
            "text": None,
        }
    ]


# Times: structured data against the HTML ---------------------------------------------------------


def _blog_with_entry(html_time: str, ld_time: str | None) -> bytes:
    item = {"@type": "BlogPosting", "headline": "H", "url": f"{BASE}#update-1", "articleBody": "B"}
    if ld_time is not None:
        item["datePublished"] = ld_time
    body = f"""<div class="live-blog__updates"><article class="update" id="update-1">
      <header><h2 class="update__title">H</h2><time datetime="{html_time}">14:32</time></header>
      <div class="update__body"><p>Body text.</p></div></article></div>"""
    return page_with(ld(blog([item])), body)


def test_structured_time_wins_over_the_html_unless_missing() -> None:
    """A local clock time labelled as UTC in <time> loses to JSON-LD's; alone, it is used."""
    (update,) = extract_page(
        _blog_with_entry("2023-10-08T14:32:00Z", "2023-10-08T14:32:00+01:00"), BASE
    ).updates
    assert update.published_at == "2023-10-08T13:32:00Z"
    (update,) = extract_page(_blog_with_entry("2023-10-08T14:32:00+01:00", None), BASE).updates
    assert update.published_at == "2023-10-08T13:32:00Z"
    assert update.sources == ["jsonld", "html"]


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("5:32 p.m. ET, October 8, 2023", "", "2023-10-08T21:32:00Z"),  # EDT
        ("9:05 a.m. ET, January 8, 2024", "", "2024-01-08T14:05:00Z"),  # EST
        ("20:51 (IST)", "November022023 20:51 (IST)", "2023-11-02T15:21:00Z"),
        ("19.30 GMT", "Fri 19 Feb 2021", "2021-02-19T19:30:00Z"),
        ("10:32 BST", "5 July 2024", "2024-07-05T09:32:00Z"),
        ("12:05 UTC+2", "2024-07-03", "2024-07-03T10:05:00Z"),
        ("14:32", "8 October 2023", None),  # no zone: could be anywhere
        ("14:32 GMT", "", None),  # no date
        ("India 245-3 at 14:32", "8 October 2023", None),
    ],
)
def test_visible_times_with_their_zone(text: str, context: str, expected: str | None) -> None:
    assert visible_time(text, context) == expected


def test_blog_wide_values_are_not_the_updates() -> None:
    """The Guardian's JSON-LD gives every update the page's headline and dates."""
    items = [
        {
            "@type": "BlogPosting",
            "@id": f"abc{i}",
            "headline": "The blog",
            "datePublished": "2024-01-01T10:00:00Z",
            "articleBody": f"Body {i}",
        }
        for i in range(3)
    ]
    data = blog(items, datePublished="2024-01-01T10:00:00Z")
    result = read_jsonld(parse(page_with(ld(data))))  # type: ignore[arg-type]
    assert [(u.source_id, u.headline, u.published_at, u.permalink) for u in result.updates] == [
        ("abc0", None, None, None),
        ("abc1", None, None, None),
        ("abc2", None, None, None),
    ]


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        (lambda i: f"?entry=5{i}", ["50", "51", "52"]),  # Easy Liveblogs: the entry is the id
        (lambda i: "?utm_source=feed", [None, None, None]),  # one value for all: no update's
        (lambda i: f"?entry=5{i}&utm_source=feed", [None, None, None]),  # two: none is said
        (lambda i: f"?page={i + 1}", [None, None, None]),  # a page's number, not an update's
        (lambda i: f"?utm_content=a{i}", [None, None, None]),  # a tracking tag
    ],
)
def test_the_one_query_value_each_update_url_adds_to_the_pages_is_its_id(
    query: Callable[[int], str], ids: list[str | None]
) -> None:
    items = [
        {"@type": "BlogPosting", "url": f"{BASE}{query(i)}", "headline": f"Post {i}",
         "datePublished": f"2024-07-21T13:{i}0:00+00:00", "articleBody": f"What post {i} says."}
        for i in range(3)
    ]  # fmt: skip
    result = read_jsonld(parse(page_with(ld(blog(items)))), BASE)  # type: ignore[arg-type]
    assert [(u.source_id, u.headline) for u in result.updates] == [
        (id_, f"Post {i}") for i, id_ in enumerate(ids)
    ]


@pytest.mark.parametrize("order", ["places", "serial"])
def test_ids_that_count_places_from_the_top_are_no_ids(order: str) -> None:
    """La Nación's JSON-LD names each update `#parrafo_N`, its place among the story's
    elements, newest first: a new post renumbers them all, so they are no ids, and the
    markup's own (`div#liveblog_<id>`) stands. Numbers that grow with time, up the list, are
    a publisher's serial ids."""
    numbers = [1, 3, 4, 6] if order == "places" else [9, 7, 4, 2]
    words = "says about the match, in a few more words."
    items = [
        {"@type": "BlogPosting", "@id": f"#parrafo_{n}", "headline": f"Post {i}",
         "datePublished": f"2024-05-05T2{3 - i}:00:00Z", "articleBody": f"Post {i} {words}"}
        for i, n in enumerate(numbers)
    ]  # fmt: skip
    result = read_jsonld(parse(page_with(ld(blog(items)))), BASE)  # type: ignore[arg-type]
    expected = [None] * 4 if order == "places" else [f"parrafo_{n}" for n in numbers]
    assert [u.source_id for u in result.updates] == expected
    posts = "".join(
        f"<div class='liveBlog_post' id='liveblog_{i}H6VJ4R7OBCU5P3DWLZ6NQ'><time>2{3 - i}:00"
        f"</time><h2>Post {i}</h2><p>Post {i} {words}</p></div>"
        for i in range(4)
    )
    page = page_with(ld(blog(items)), f"<main><section>{posts}</section></main>")
    updates = extract_page(page, BASE, fetched_at="2024-05-05T23:30:00Z").updates
    own = [f"liveblog_{i}H6VJ4R7OBCU5P3DWLZ6NQ" for i in range(4)]
    assert [u.source_id for u in updates] == (own if order == "places" else expected)


@pytest.mark.parametrize(
    "times",
    [
        ["2024-05-05T23:00:00Z", "2024-05-05T22:00:00Z"],  # a blog's first two posts
        ["2024-05-05T23:00:00Z", "2024-05-05T23:00:00Z", "2024-05-05T21:00:00Z"],  # one minute
        ["2024-05-05T18:00:00Z", "2024-05-05T23:00:00Z", "2024-05-05T22:00:00Z"],  # pinned first
    ],
)
def test_ids_that_count_places_are_no_ids_on_every_poll(times: list[str]) -> None:
    """Whether ids count places is decided on each poll: a poll of two posts, of two posts of
    one minute, or with a pinned older post listed first drops them too (else every post
    would be replaced on that poll, and again on the next)."""
    items = [
        {"@type": "BlogPosting", "@id": f"#parrafo_{n + 1}", "headline": f"Post {n}",
         "datePublished": at, "articleBody": f"What post {n} says."}
        for n, at in enumerate(times)
    ]  # fmt: skip
    result = read_jsonld(parse(page_with(ld(blog(items)))), BASE)  # type: ignore[arg-type]
    assert [u.source_id for u in result.updates] == [None] * len(times)


def test_a_fragment_every_update_url_ends_in_is_no_id() -> None:
    """The BBC's liveBlogUpdate URLs name the post in their query and all end in "#post":
    the query's value is each update's id, and no update is lost as a repeat of another."""
    page = "https://www.bbc.co.uk/sport/formula1/live/c4nnl9d4jr5t"
    items = [
        {
            "@type": "BlogPosting",
            "url": f"{page}?post=asset%3A5a5a000{i}#post",
            "headline": f"Lap {i}",
            "datePublished": f"2024-07-21T13:{i}0:00+00:00",
            "articleBody": f"What happened on lap {i}.",
        }
        for i in range(3)
    ]
    result = read_jsonld(parse(page_with(ld(blog(items)))), page)  # type: ignore[arg-type]
    assert [(u.source_id, u.headline) for u in result.updates] == [
        (f"asset:5a5a000{i}", f"Lap {i}") for i in range(3)
    ]
    # Fragments that name their updates stay their ids, and an update listed twice is one.
    for i, item in enumerate(items):
        item["url"] = f"{page}#block-{min(i, 1)}"
    result = read_jsonld(parse(page_with(ld(blog(items)))), page)  # type: ignore[arg-type]
    assert [u.source_id for u in result.updates] == ["block-0", "block-1"]


def test_an_update_url_that_is_the_page_leaves_its_permalink_to_its_id() -> None:
    """ABC News (Australia) gives each liveBlogUpdate the page's own address as its url and
    the post's address in its @id (`…#live-blog-post-<id>`): the @id is its permalink."""
    page = "https://www.abc.net.au/news/2024-05-01/federal-budget-live-blog/103789000"
    items = [
        {
            "@type": "BlogPosting",
            "@id": f"{page}#live-blog-post-{90 - i}",
            "url": page,
            "headline": f"Post {i}",
            "datePublished": f"2024-05-01T1{5 - i}:00:00+00:00",
            "articleBody": f"What happened in post {i}.",
        }
        for i in range(3)
    ]
    result = read_jsonld(parse(page_with(ld(blog(items, url=page)))), page)  # type: ignore[arg-type]
    assert [(u.source_id, u.permalink) for u in result.updates] == [
        (f"live-blog-post-{90 - i}", f"{page}#live-blog-post-{90 - i}") for i in range(3)
    ]
    # An update whose url is its own address keeps it, whatever its @id says.
    items[0]["url"] = f"{page}?post=90"
    result = read_jsonld(parse(page_with(ld(blog(items, url=page)))), page)  # type: ignore[arg-type]
    assert result.updates[0].permalink == f"{page}?post=90"


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("One line.<br>Another line.", "One line.\nAnother line."),
        # Two breaks in a row leave a blank line: a paragraph's break, as a CMS that writes
        # no <p> marks its paragraphs.
        ("A paragraph.<br><br>The next.", "A paragraph.\n\nThe next."),
        ("A paragraph.<br> <br>\n<br>The next.", "A paragraph.\n\nThe next."),
        ("<br>Opening break.<br><br>", "Opening break."),
    ],
)
def test_line_breaks_in_text(markup: str, text: str) -> None:
    assert clean.normalise_lines(clean.BR_MARK.join(markup.split("<br>"))) == text


def test_ids_meet_across_spellings() -> None:
    html = [Update(source_id="block-5f1", body_text="Full", sources=["html"])]
    structured = [
        StructuredUpdate(source="jsonld", source_id="5f1", published_at="2024-01-01T00:00:00Z")
    ]
    (update,) = merge(html, [structured], BASE)
    assert (update.source_id, update.published_at) == ("block-5f1", "2024-01-01T00:00:00Z")


def test_an_adapter_that_reads_no_bodies_does_not_claim_the_page() -> None:
    """Another publisher's markup may share a class name with this one's: an adapter whose
    posts come out without bodies has not read them, and the next reader gets the page."""
    empty = Adapter("empty", (), lambda root: True, lambda root, url: [Update(headline="A title")])
    tombstones = Adapter(
        "tombstones", (), lambda root: True, lambda root, url: [Update(source_id="x", removed=True)]
    )
    root = parse(page_with(body="<p>nothing known</p>"))
    assert root is not None
    assert html_updates(root, BASE, (empty,)) == (None, [])
    assert html_updates(root, BASE, (empty, tombstones))[0] == "tombstones"


def box_of(body: str, path: str = ".//div") -> Element:
    """The element at `path` in a page whose body is `body`."""
    root = parse(f"<html><body>{body}</body></html>".encode())
    assert root is not None
    box = root.find(path)
    assert box is not None
    return box


def test_a_skipped_paragraph_is_left_out_of_the_body_however_plain_it_is() -> None:
    """A time or a byline in a `<p>` of its own is left out like one in any other box: the
    plain paragraphs' quick path asks the same."""
    box = box_of(
        "<div><p>12:30</p><p class='by'>By Ann Lee</p><p>The body.</p><p>More of it.</p></div>"
    )
    time, byline, _, _ = box
    text, html, _ = render_body(box, "https://news.example/live", [time, byline])
    assert text == "The body.\n\nMore of it."
    assert "12:30" not in html and "Ann Lee" not in html


def test_a_definitions_heading_and_paragraphs_are_each_their_own() -> None:
    """A `<dd>` holding a heading and paragraphs (a ticker written as a definition list): each
    is a paragraph of its own, and a skipped heading is left out, not run into the text."""
    entry = box_of(
        "<dl><dt>14:00</dt><dd><h3>Ferries cancelled</h3><p>No sailings.</p>"
        "<p>The port is closed.</p></dd></dl>",
        ".//dl",
    )
    heading = entry.find("dd/h3")
    assert render_body(entry, "https://news.example/live")[0] == (
        "14:00\n\nFerries cancelled\n\nNo sailings.\n\nThe port is closed."
    )
    assert render_body(entry, "https://news.example/live", [heading])[0] == (
        "14:00\n\nNo sailings.\n\nThe port is closed."
    )


def test_a_tables_rows_are_lines_and_its_cells_stay_apart() -> None:
    box = box_of(
        "<div><p>Results:</p><table><tr><th>Team</th><th>Points</th></tr>"
        "<tr><td>Alpha</td><td>12</td></tr><tr><td>Beta</td><td>9</td></tr></table></div>"
    )
    text, html, _ = render_body(box, "https://news.example/live")
    assert text == "Results:\n\nTeam Points\nAlpha 12\nBeta 9"
    assert html == "<p>Results:</p><p>Team Points<br>Alpha 12<br>Beta 9</p>"


def test_a_list_items_paragraphs_stay_apart() -> None:
    box = box_of(
        "<div><ul><li><p>Roads:</p><p>the coast road is closed.</p></li>"
        "<li>Rail: <b>no trains</b> before noon.</li></ul></div>"
    )
    text, _, _ = render_body(box, "https://news.example/live")
    assert text == "Roads: the coast road is closed.\nRail: no trains before noon."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # A beat's word before a role in title case, as the BBC prints "Health Editor".
        ("By Hugh Pym, Health Editor", ["Hugh Pym"]),
        ("Sara Rossi, Economics Editor", ["Sara Rossi"]),
        ("Sara Rossi, Technology Reporter", ["Sara Rossi"]),
        ("Sara Rossi and Tom Reyes, Business Reporters", ["Sara Rossi", "Tom Reyes"]),
        # A first name before such a surname still names a writer.
        ("Sara Rossi, Tom Editor", ["Sara Rossi", "Tom Editor"]),
        ("Sara Rossi, Kate Chancellor", ["Sara Rossi", "Kate Chancellor"]),
    ],
)
def test_a_beat_and_role_in_title_case_after_a_comma_is_no_writer(
    value: str, expected: list[str]
) -> None:
    """A probe of bylines that set a beat and a role after the writer ("Hugh Pym, Health
    Editor"): the role stood as a second writer."""
    assert author_names(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # A role in Polish, Dutch or Portuguese after a comma, alone or with where one is.
        ("Anna Nowak, korespondentka", ["Anna Nowak"]),
        ("Piotr Kowal, dziennikarz", ["Piotr Kowal"]),
        ("Anna Nowak, korespondentka w Brukseli", ["Anna Nowak"]),
        ("Eva Smit, verslaggever", ["Eva Smit"]),
        ("Eva Smit, correspondent in Brussel", ["Eva Smit"]),
        ("Ana Souza, repórter", ["Ana Souza"]),
        ("João Lima, jornalista", ["João Lima"]),
        # A surname's small words before the role, or between two writers.
        ("Jan de Vries, correspondent", ["Jan de Vries"]),
        ("Ana de la Cruz, Political Correspondent", ["Ana de la Cruz"]),
        ("Ana de la Cruz, Tom O'Neil", ["Ana de la Cruz", "Tom O'Neil"]),
        ("Sara Rossi, Jan van den Berg", ["Sara Rossi", "Jan van den Berg"]),
        # A name after the comma stays.
        ("Anna Nowak, Piotr Dziennikarz", ["Anna Nowak", "Piotr Dziennikarz"]),
    ],
)
def test_a_role_in_polish_dutch_or_portuguese_and_a_surnames_small_words(
    value: str, expected: list[str]
) -> None:
    """A probe of bylines with a role in Polish, Dutch or Portuguese after a comma ("Anna
    Nowak, korespondentka"), or a writer whose surname has small words ("Jan de Vries,
    correspondent", "Ana de la Cruz, Tom O'Neil"): the whole line stood as one author."""
    assert author_names(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # A list of writers set apart by commas, then their role or their newsroom.
        ("Sara Rossi, Tom Reyes, Political Correspondents", ["Sara Rossi", "Tom Reyes"]),
        ("By Sara Rossi, Tom Reyes, BBC News", ["Sara Rossi", "Tom Reyes"]),
        ("Sara Rossi, Tom Reyes and Li Wei, AFP", ["Sara Rossi", "Tom Reyes", "Li Wei"]),
        # Three writers, the last of them one no role's word names, stay.
        ("Sara Rossi, Tom Reyes, Kate Chancellor", ["Sara Rossi", "Tom Reyes", "Kate Chancellor"]),
        ("Rossi, Reyes, BBC News", ["Rossi, Reyes, BBC News"]),
    ],
)
def test_a_list_of_writers_then_a_role_or_newsroom_names_the_writers(
    value: str, expected: list[str]
) -> None:
    """A probe of bylines listing writers by commas and then their role or newsroom ("Sara
    Rossi, Tom Reyes, Political Correspondents"): the role stood as a third writer."""
    assert author_names(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # When the post was updated or posted, after a mark, is no writer either.
        ("By Sara Rossi | Updated 14:05", ["Sara Rossi"]),
        ("Sara Rossi · Updated 2 hours ago", ["Sara Rossi"]),
        ("Sara Rossi and Tom Reyes | 14:05 BST", ["Sara Rossi", "Tom Reyes"]),
        ("Sara Rossi | Last updated: 1 May 2024, 14:05", ["Sara Rossi"]),
        # Words with no digit after the mark stay.
        ("ALSO READ | Updated rules for voters", ["ALSO READ | Updated rules for voters"]),
    ],
)
def test_a_byline_and_its_update_time_after_a_mark_names_the_writer(
    value: str, expected: list[str]
) -> None:
    """A probe of byline boxes that print when the post was updated after the name ("By Sara
    Rossi | Updated 14:05"): the whole line stood as the author's name."""
    assert author_names(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # A clock as American papers print it, its half of the day in capitals.
        ("By Jane Doe | 3:58 PM ET", ["Jane Doe"]),
        ("Jane Doe, Mark Bishop | 2:47 P.M. EDT", ["Jane Doe", "Mark Bishop"]),
        # A date alone, or a date and a clock.
        ("By Sara Rossi | June 14, 2024", ["Sara Rossi"]),
        ("Sara Rossi · 14 June 2024, 14:05 BST", ["Sara Rossi"]),
        ("Anna Berg | 14.06.2024, 17:05", ["Anna Berg"]),
        # A reading time, or words about a day with no date, stay as written.
        (
            "ALSO READ | June 14 rally draws thousands",
            ["ALSO READ | June 14 rally draws thousands"],
        ),
    ],
)
def test_a_byline_and_its_date_or_capitals_clock_after_a_mark_names_the_writer(
    value: str, expected: list[str]
) -> None:
    """A probe of byline boxes that print the post's date, or an American clock, after the
    name ("By Jane Doe | 3:58 PM ET", "… | June 14, 2024"): the whole line stood as the author."""
    assert author_names(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # A role and the newsroom after it, each after a comma, are no writers.
        ("By Sara Rossi, Senior Reporter, BBC News", ["Sara Rossi"]),
        ("Sara Rossi, Live Reporter", ["Sara Rossi"]),
        # A role alone names no one; a full name before a ranked role is the writer.
        ("Live Reporter", []),
        ("By Jordan Park Staff Reporter", ["Jordan Park"]),
        ("Sara Rossi Senior Political Reporter", ["Sara Rossi"]),
        ("Anna Maria Berg Chief Correspondent", ["Anna Maria Berg"]),
        # An outlet, or a newsroom's word, after a comma.
        ("Marie Dupont, France Info", ["Marie Dupont"]),
        ("Jean Dupont, franceinfo", ["Jean Dupont"]),
        ("Ana Souza, Estadão Conteúdo", ["Ana Souza"]),
        ("Ana Souza, da Redação", ["Ana Souza"]),
        ("Sara Rossi, Redacción", ["Sara Rossi"]),
        ("Anna Berg, Redaktion", ["Anna Berg"]),
        ("Jean Dupont, la rédaction", ["Jean Dupont"]),
        # A wire after "with" in the languages read here.
        ("By Sara Rossi with Reuters", ["Sara Rossi"]),
        ("Jean Dupont avec AFP", ["Jean Dupont"]),
        ("Anna Berg mit dpa", ["Anna Berg"]),
        ("Marco Rossi con Ansa", ["Marco Rossi"]),
        ("Ana López con EFE", ["Ana López"]),
        ("Ana Souza com Agência Brasil", ["Ana Souza"]),
        ("Jan de Vries met ANP", ["Jan de Vries"]),
        ("Anna Kowalska z PAP", ["Anna Kowalska"]),
        ("Sara Rossi and Tom Reyes with Reuters", ["Sara Rossi", "Tom Reyes"]),
        # A newsroom alone stays as printed, as "Staff" does; a name after "with" stays.
        ("Redaktion", ["Redaktion"]),
        ("da Redação", ["da Redação"]),
        ("Staff", ["Staff"]),
        ("Sara Rossi with Tom Reyes", ["Sara Rossi with Tom Reyes"]),
        ("Jane Doe, Tom Editor", ["Jane Doe", "Tom Editor"]),
    ],
)
def test_a_byline_s_role_outlet_or_wire_after_the_names_is_no_writer(
    value: str, expected: list[str]
) -> None:
    assert author_names(value) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Par Jean Dupont avec AFP", ("Jean Dupont",)),
        ("Von Anna Berg mit dpa", ("Anna Berg",)),
        ("di Marco Rossi con Ansa", ("Marco Rossi",)),
        ("Por Ana López con EFE", ("Ana López",)),
        ("Door Jan de Vries met ANP", ("Jan de Vries",)),
        ("By Sara Rossi with Reuters", ("Sara Rossi",)),
    ],
)
def test_a_byline_with_its_wire_names_the_writer_alone(line: str, expected: tuple[str]) -> None:
    assert author_names(byline_name(line)) == list(expected)
