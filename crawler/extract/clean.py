"""Text normalisation, boilerplate tests and the body_html sanitiser, shared by every source."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import nh3

from archive.records import Page, Update
from crawler.extract import walks

# What body_html may keep. Anything else is unwrapped (its text kept) or, for the
# tags in _DROP_WITH_CONTENT, removed with its content.
ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "a",
        "strong",
        "em",
        "b",
        "i",
        "ul",
        "ol",
        "li",
        "blockquote",
        "h2",
        "h3",
        "h4",
        "figure",
        "figcaption",
        "img",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"
_DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "textarea",
        "select",
        "button",
    }
)

# Stands for a <br> in text on its way to normalisation; newlines in the source are only layout.
BR_MARK = "\ue000"
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Invisible characters publishers leave in text: zero-width space, word joiner, BOM, soft
# hyphen. Not the zero-width (non-)joiners, which spell Persian ("می‌شود"), Indic scripts and
# emoji ("👨‍👩‍👧"); the archive's identity folds them away (archive.rules).
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")

# Blocks that are chrome, not content: compared after normalise_text and casefold.
# A pinned post's label, in the languages read here: no word of the post, but a sign it is pinned.
PINNED_LABELS = frozenset(
    {"pinned", "pinned post", "angepinnt", "angeheftet", "épinglé", "fijado", "fissato",
     "in evidenza", "fixado", "vastgezet", "przypięty",
     # Norwegian (Labrador's "Festet"), Swedish, Danish, Finnish.
     "festet", "fäst", "fastnålad", "fastgjort", "kiinnitetty",
     # Ukrainian, Russian, Bulgarian, Croatian and Serbian, Czech, Slovak, Slovenian, Romanian,
     # Hungarian, Turkish, Greek, Indonesian.
     "закріплено", "закреплено", "закачено", "prikvačeno", "připnuto", "pripnuté",
     "pripeto", "fixat", "kitűzve", "sabitlendi", "καρφιτσωμένο", "disematkan"}
)  # fmt: skip
# A key post's label: no word of the post, but a sign it is a key event.
KEY_EVENT_LABELS = frozenset(
    {"key event", "highlight", "wichtig", "important", "essentiel", "importante", "belangrijk",
     "ważne", "destacado", "destaque"}
)  # fmt: skip
# A post's other labels, which say how new or urgent it is and nothing of its own.
_POST_LABELS = frozenset(
    {"breaking", "breaking news", "just in", "update", "eilmeldung", "eil", "urgent",
     "dernière minute", "última hora", "ultim'ora", "ultima ora", "urgente", "pilne",
     "net binnen", "new", "neu", "nouveau", "nuevo", "nuovo", "novo", "nieuw", "nowe",
     "aktualisierung", "mise à jour", "actualización", "aggiornamento", "atualização",
     "aktualizacja"}
) | frozenset(
    # What kind of post it is: a label above it, no word of its own.
    {"analysis", "opinion", "explainer", "exclusive", "video", "analyse", "kommentar",
     "meinung", "exklusiv", "décryptage", "exclusif", "vidéo", "análisis", "opinión",
     "exclusiva", "vídeo", "analisi", "commento", "esclusiva", "análise", "opinião",
     "exclusivo", "opinie", "exclusief", "analiza", "komentarz", "opinia", "wideo"}
) | frozenset(
    # That it was edited, its time elsewhere or nowhere ("Updated", "Aktualisiert").
    {"updated", "edited", "aktualisiert", "bearbeitet", "mis à jour", "modifié", "actualizado",
     "editado", "aggiornato", "modificato", "atualizado", "bijgewerkt", "zaktualizowano",
     "edytowano"}
)  # fmt: skip
# The label an advertisement's slot carries, as a line of its own, in the languages read here.
AD_LABELS = frozenset(
    {"advertisement", "advert", "ad", "ads", "sponsored", "sponsored content", "paid content",
     "paid post", "promoted", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
     "publicidade", "advertentie", "reklama", "annonce"}
)  # fmt: skip
_CHROME_TEXT = AD_LABELS | frozenset(
    {
        "story continues below",
        "story continues below advertisement",
        "continue reading below",
        "sorry, this content isn't available on your device.",
        "sorry, this content isn’t available on your device.",
        # What Sky's video player says under itself, to every browser but one.
        "please use chrome browser for a more accessible video player",
        # What a player says where it cannot play (the BBC's).
        "this video can not be played",
        "this video cannot be played",
        "this video can't be played",
        "this video can’t be played",
        "this video is not available",
        "dieses video kann nicht abgespielt werden",
        "cette vidéo ne peut pas être lue",
        "este vídeo no se puede reproducir",
        "este video no se puede reproducir",
        "questo video non può essere riprodotto",
        "este vídeo não pode ser reproduzido",
        "deze video kan niet worden afgespeeld",
        # The label of what stands in for an embed until the reader consents to its cookies.
        "external content",
        "externer inhalt",
        "contenu externe",
        "contenido externo",
        "contenuto esterno",
        "conteúdo externo",
        "externe inhoud",
        "treść zewnętrzna",
        "share",
        "share this",
        "share this post",
        "share this update",
        "share this article",
        "share this live blog",
        "share this liveblog",
        "share this blog",
        "back to top",
        # What an embed says while its script loads it ("Trwa ładowanie...").
        "loading",
        "wird geladen",
        "chargement",
        "caricamento",
        "cargando",
        "carregando",
        "laden",
        "ładowanie",
        "trwa ładowanie",
        "share on facebook",
        "share on twitter",
        "share on x",
        "share on whatsapp",
        "share via email",
        # The same buttons in the other languages read here.
        "teilen auf facebook",
        "teilen auf x",
        "teilen auf whatsapp",
        "partager sur facebook",
        "partager sur x",
        "partager sur twitter",
        "partager sur whatsapp",
        "compartir en facebook",
        "compartir en x",
        "compartir en twitter",
        "compartir en whatsapp",
        "condividi su facebook",
        "condividi su x",
        "condividi su twitter",
        "condividi su whatsapp",
        "compartilhar no facebook",
        "compartilhar no x",
        "compartilhar no whatsapp",
        "partilhar no facebook",
        "partilhar no x",
        "partilhar no whatsapp",
        "delen op facebook",
        "delen op x",
        "delen op whatsapp",
        "facebook",
        "twitter",
        "whatsapp",
        "email",
        "copy link",
        "copy link to this post",
        # A post's permalink, labelled (TheJournal.ie's "Link to this post").
        "link to this post",
        "link to this update",
        "link to post",
        "permalink",
        "link copied",
        "click to share",
        "tweet",
        "share facebook twitter",
        "facebook twitter",
        "facebook twitter email",
        # A share button's or a video's label, in the other languages read here.
        "delen",
        "teilen",
        "partager",
        "condividi",
        "compartir",
        "compartilhar",
        "partilhar",
        "udostępnij",
        "link kopieren",
        "copier le lien",
        "kopieer link",
        "copia link",
        "copiar enlace",
        "kopiuj link",
        "link kopiert",
        "lien copié",
        "link copiato",
        "enlace copiado",
        "link copiado",
        "link gekopieerd",
        "link skopiowany",
        "link kopiëren",
        "e-mail",
        # A post's own tools: its embed code ("Embed" to /embed/live-entry/<id>) and
        # reporting it ("Report" alone may be a match post's subheading).
        "embed",
        "embed this post",
        "embed post",
        "einbetten",
        "intégrer",
        "report this post",
        "report post",
        "print",
        "drucken",
        "imprimer",
        "stampa",
        "imprimir",
        "afdrukken",
        "drukuj",
        # A link on its own line to the rest of a story, in the languages read here.
        "continue reading",
        "keep reading",
        "read the full story",
        "weiterlesen",
        "mehr lesen",
        "lire la suite",
        "leggi tutto",
        "continua a leggere",
        "seguir leyendo",
        "leer más",
        "continuar lendo",
        "leia mais",
        "lees verder",
        "lees meer",
        "czytaj dalej",
        # A notice where an ad interrupts a post, in the languages read here.
        "artikel wird nach der anzeige fortgesetzt",
        "weiter nach der anzeige",
        "la suite après la publicité",
        "l'article continue après la publicité",
        "continua dopo la pubblicità",
        "el artículo continúa después del anuncio",
        "o artigo continua após a publicidade",
        "het artikel gaat verder na de advertentie",
        "dalsza część artykułu pod reklamą",
        "watch",
        "watch video",
        "play video",
        "bekijk",
        "video ansehen",
        "regarder la vidéo",
        "voir la vidéo",
        "guarda il video",
        "ver vídeo",
        "assista ao vídeo",
        "video bekijken",
        "zobacz wideo",
        "video abspielen",
        # What a CMS writes in structured data where the page shows a picture or a player.
        "[image]",
        "[photo]",
        "[video]",
        "[video id]",
        "[embed]",
        "[gallery]",
    }
)
# What may end a line of chrome and say nothing more: "Share:", "Loading…", "Back to top |".
_TRAILING = " :!|.…"
BOILERPLATE_TEXT = frozenset(
    text.rstrip(_TRAILING)
    for text in _CHROME_TEXT | PINNED_LABELS | KEY_EVENT_LABELS | _POST_LABELS
)
_LONGEST_BOILERPLATE = max(map(len, BOILERPLATE_TEXT)) + 4
# "Read more: <link>", "READ MORE", "Related: …" teasers that point elsewhere, in the languages
# read here ("Lesen Sie auch: …", "Lire aussi | …", "Leggi anche: …", "Czytaj też: …").
TEASER_OPENINGS = (
    "read more", "read next", "more on this story", "related", "also read", "see also",
    "don['’]t miss", "recommended", "most read", "lesen sie auch", "lesen sie mehr",
    "mehr zum thema", "auch interessant", "lire aussi", "à lire aussi", "a lire aussi",
    "voir aussi", "leggi anche", "lee también", "te puede interesar", "leia também",
    "veja também", "lees ook", "bekijk ook", "czytaj także", "czytaj też", "czytaj więcej",
    "zobacz także", "zobacz też", "zobacz również", "przeczytaj także", "przeczytaj też",
    "zie ook", "vedi anche", "ver también", "lea también", "sur le même sujet", "saiba mais",
)  # fmt: skip
_TEASER = re.compile(rf"^(?:{'|'.join(TEASER_OPENINGS)})\b\s*(?:[:\-–—|]|$)", re.I)
# A teaser's label alone ("See also", "Zie ook:"): the heading of a list of links elsewhere.
_TEASER_LABEL = re.compile(rf"^(?:{'|'.join(TEASER_OPENINGS)})\s*[:\-–—|]?$", re.I)
# The two letters a teaser can start with, each in either case (and "ſ", a long s, which re.I
# folds into "s"): a cheap first test, most paragraphs failing it.
_TEASER_STARTS = frozenset(
    first + second
    for opening in TEASER_OPENINGS
    for first in {opening[0], opening[0].upper(), "\u017f" if opening[0] == "s" else ""} - {""}
    for second in (opening[1], opening[1].upper())
)


def _may_be_teaser(text: str) -> bool:
    return text[:2] in _TEASER_STARTS and _TEASER.match(text) is not None


def is_teaser_label(text: str) -> bool:
    """Whether a line is a teaser's label alone ("See also", "Zie ook:"), which heads a list of
    links to other stories; the line as the page has it or normalised."""
    if text.lstrip()[:2] not in _TEASER_STARTS:
        return False
    return _TEASER_LABEL.match(normalise_text(text)) is not None


# A line that asks readers to follow the paper on a platform ("Follow us on X and Instagram",
# "Folgen Sie uns auf Instagram") or sign up for its newsletter ("Sign up for our politics
# newsletter"), in the languages read here: the paper's, no word of a post. The platforms
# alone end a line that follows, so a post's sentence, "Follow the money on X, he said.", stays;
# its handle, the platform's old name or channel, or an icon may follow the platforms ("Follow
# us on X: @bbcnews", "… (formerly Twitter)", "… 👉"); and the paper calls itself "us", its handle or its name, in capitals ("Follow BBC News on X"),
# so someone else's account, a pronoun or a noun in small letters ("Follow the police on X for
# updates", "Follow him on X"), is the post's.
_PLATFORMS = (
    r"(?:twitter|x|facebook|instagram|tiktok|threads|bluesky|whatsapp|telegram|youtube|"
    r"linkedin|mastodon|snapchat|google news|flipboard)"
)
# The words that may go on after a newsletter's name in a call to sign up ("…newsletter for the
# day's top stories", "…newslettera, aby…", "…newsletter here"), or a mark ("– it's free", "📩"):
# not a verb, whose sentence has the newsletter for its subject ("…newsletter closes at 5pm"),
# nor a clause that reports the call ("…newsletter, the company urged customers").
_CALL_TAIL_WORDS = (
    "for|to|here|now|today|and|at|in|on|with|by|free|für|und|hier|jetzt|mit|pour|et|ici|"
    "para|y|aquí|ya|per|e|qui|ora|voor|en|nu|i|na|do|tutaj|teraz|aby|żeby|por|agora|gratis|"
    "it['’]s"
)
# What no newsletter's name holds between "Get our" (or "Get the") and "newsletter": a verb's
# "to", a preposition, as a sentence of its own has them ("Get our kids to read the school
# newsletter").
_GET_OUR_NOT = "to|into|in|from|at|off|out|back|up|with|and|on|onto|through"
_CALL_TO_FOLLOW = re.compile(
    r"(?:follow (?:us|@\w+|(?-i:(?:[Tt]he )?[A-Z0-9][\w.&'’-]*(?: [A-Z0-9&][\w.&'’-]*){0,4})) on|"
    r"folgen sie uns (?:auf|bei)|suivez-nous sur|"
    r"síguenos en|seguici su|siga-nos n[oa]|volg ons op|obserwuj nas (?:na|w))\s+"
    rf"{_PLATFORMS}(?:\s*(?:,|and|und|et|y|e|en|i|oraz|or|&)\s*{_PLATFORMS})*"
    r"(?:\s+channel|\s*\(formerly twitter\)|\s*:?\s*@[\w.]{1,30})?"
    r"(?:\s+(?:for|für|pour|para|per|voor|po) [^.!?]{1,40})?[.!]?(?:\s*[^\w\s]{1,3})?$"
    r"|(?:(?:sign up (?:here )?(?:for|to)|subscribe to|abonnieren sie|melden sie sich (?:für|zu)|"
    r"abonnez-vous à|inscrivez-vous à|suscríbete a|iscriviti (?:a|alla)|assine|inscreva-se|"
    r"schrijf je in voor|abonneer je op|zapisz się (?:do|na))(?: [^.!?\s]+){0,5}?"
    rf"|get (?:our|the)(?: (?!(?:{_GET_OUR_NOT})\b)[^.!?\s]+){{0,3}}?) "
    r"(?:newsletters?|newslettera|nieuwsbrief|boletín|bulletin)\b"
    rf"(?:(?:\s*[^\w\s,]|,?\s+(?:{_CALL_TAIL_WORDS})\b)[^.!?]{{0,60}})?[.!]?$",
    re.I,
)
_CALL_INITIALS = frozenset("fFsSaAmMiIzZoOvVgG")
# An icon or an arrow a call may open with ("👉 Follow us on X", "→ Sign up…"), a sign or three;
# no quotation mark: a call in quotes is someone's words, reported ("«Abonnez-vous…», a lancé").
_CALL_ICON = re.compile(r"[^\w\s\"'“”„‟«»‹›‘’‚「」『』]{1,3}\s*")
_CALL_LENGTH = 160  # characters of such a line, at most


def is_call_to_follow(text: str) -> bool:
    """Whether a (normalised) line asks readers to follow the paper on a platform or sign up
    for its newsletter ("Follow us on X", "Sign up for our politics newsletter")."""
    if len(text) > _CALL_LENGTH:
        return False
    if text[0] not in _CALL_INITIALS:
        if text[0].isalnum():
            return False
        icon = _CALL_ICON.match(text)  # (an icon before the call: the words after it)
        if icon is None or icon.end() == len(text) or text[icon.end()] not in _CALL_INITIALS:
            return False
        text = text[icon.end() :]
    return bool(_CALL_TO_FOLLOW.match(text))


# A line drawn between posts or sections ("___", "* * *", "——"): a rule, not words.
_RULE = re.compile(r"[_*•·=~#.\-–—\s]+$")
_RULE_INITIALS = frozenset("_*•·=~#.-–—")
UNAVAILABLE = re.compile(r"\s*Sorry, this content isn['’]t available on your device\.?\s*", re.I)
# What every such placeholder holds: a cheap first test before the expression.
_UNAVAILABLE_HINT = "vailable on your device"
_SHARE_HREF = re.compile(
    r"(?:facebook\.com/sharer|facebook\.com/dialog/share|twitter\.com/intent|x\.com/intent|"
    r"twitter\.com/share|wa\.me/|api\.whatsapp\.com/send|whatsapp://|linkedin\.com/share|"
    r"reddit\.com/submit|pinterest\.com/pin/create|mailto:\?|^mailto:[^@]*$|t\.me/share|"
    r"^javascript:)",
    re.I,
)
# _SHARE_HREF for a lower-cased ASCII address, its anchored alternatives left to startswith:
# without re.I and anchors, sre finds the literals several times faster on the long hrefs
# of a page's links.
_SHARE_HREF_LOWER = re.compile(
    r"facebook\.com/sharer|facebook\.com/dialog/share|twitter\.com/intent|x\.com/intent|"
    r"twitter\.com/share|wa\.me/|api\.whatsapp\.com/send|whatsapp://|linkedin\.com/share|"
    r"reddit\.com/submit|pinterest\.com/pin/create|mailto:\?|t\.me/share"
)
# Class names of share bars, ads (a bookmaker's odds among them), teasers and a link that
# loads more of the blog inside entries (readers' reactions: REACTIONS_CLASS;
# bylines and their writers' pictures: names_part; a post's row of topic tags: _topic_tags),
# and the label Drupal prints before a field's value (`div.field__label` "Source"), the
# field's name and no word of the post (FIELD_LABEL).
_CHROME_CLASS = re.compile(
    r"share|social|advert|adslot|ad-slot|ad-container|dfp|outbrain|taboola|betting|newsletter|"
    r"related|read-?more|load-?more|promo|timestamp|tip_wrp|"
    r"(?:^|\s)(?:ads?|sponsor(?:ed)?)(?:$|\s|-)|(?:^|\s)field__label(?:$|\s)|"
    r"(?:post|entry|item|card|update|event)(?:__|[-_])footer",
    re.I,
)
# Class names of readers' reactions under a post, or of a post's reactions (a list of what
# politicians said): a box of them is chrome where it says counts alone (is_reaction_counts).
REACTIONS_CLASS = re.compile(
    r"reactions?[-_](?:bar|count|counter|buttons?|list)|(?:emoji|post|entry|update)[-_]reactions?|"
    r"likes?[-_](?:count|counter|button)",
    re.I,
)


def is_reaction_counts(line: str) -> bool:
    """Whether a reactions box's line is readers' counts ("👍 124 ❤️ 37", "♥ 12 likes",
    "Like · Love · Wow"): a few words at most and no sentence, where the reactions a post
    reports are sentences ("The mayor called it a dark day.", "Labour: a disgrace.")."""
    return (
        len(_REACTION_WORD.findall(line)) <= _REACTION_WORDS and _SENTENCE_MARK.search(line) is None
    )


_REACTION_WORD = re.compile(r"[^\W\d_]+")
_REACTION_WORDS = 6  # words of a row of reactions' names and counts, at most
_SENTENCE_MARK = re.compile(r"[^\W\d_][.!?:;]")


# A name that says what a box holds beside its words, not what it is: Sky TG24's long post's
# body "lvbg-post__body--with-readmore", an article's "has-share-buttons".
_WITH_PART = re.compile(r"(?:--|(?<![\w-]))(?:with|has)[-_][\w-]*", re.I)

# The words that label a picture's credit, in the languages read here ("Photo:", "Foto:",
# "Bild:", "Crédit photo :", "Fotografía:", "Zdjęcie:", "Fot.", "Quelle:", "Fonte:", "Bron:").
_CREDIT_WORDS = (
    r"(?:(?:image|picture|photograph|photo|pic|foto|fotografía|fotografia|bild|zdjęcie)s?"
    r"(?:\s*credit)?|crédits?\s+photos?|photo\s+credit|credits?|copyright|source|quelle|fonte|"
    r"fuente|bron|źródło)"
)
_CREDIT_LABEL = re.compile(
    rf"^\s*[(\[]?\s*(?:{_CREDIT_WORDS}\s*[:©]?|©|fot\.)\s*",
    re.I,
)
# A credit at the end of a caption: "… deal Credit: Reuters", "… (Image: Getty)", the NYT's
# "Credit...Bryan Denton", "… Foto: dpa", "… © Lena Ortiz", "… Fot. PAP/Leszek Szymański".
_TRAILING_CREDIT = re.compile(
    rf"\s*[(\[]?\s*(?:\b{_CREDIT_WORDS}\s*(?::|\.\.\.|…)|©|\bfot\.(?=\s*(?-i:[A-ZÀ-Þ])))\s*"
    r"([^()\[\]]+?)[)\]]?\s*$",
    re.I,
)
# A news agency's credit in brackets at a caption's end: "(AP Photo/Salvatore Di Nolfi)".
_AGENCY_CREDIT = re.compile(r"\s*\(\s*((?:[A-Z][\w.&-]*\s+)?Photo(?:\s*/\s*[^()]+?)?)\s*\)\s*$")
_LEADING_DASH = re.compile(r"^[\s\-–—―~]+")
# How deep author_names follows lists of names inside names.
_NAME_DEPTH = 3


# Characters no XML document may hold (a feed that carries one fails) and that no reader sees:
# the C0 controls but tab and newline, DEL and the C1 controls, lone surrogates (a JSON
# "\ud800") and the noncharacters. Everything else is allowed.
_ALLOWED = r"\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd" + "".join(
    rf"\U{plane:04x}0000-\U{plane:04x}fffd" for plane in range(0x1, 0x11)
)
_CONTROL = re.compile(f"[^{_ALLOWED}]")
# The controls that separate words (vertical tab, form feed, CR, the information separators,
# next line): they become a space, the others go.
_SPACING_CONTROLS = frozenset("\x0b\x0c\r\x1c\x1d\x1e\x1f\x85")
# A headline longer than this is a body that lost its way: the headline keeps its start,
# the body the whole of it.
HEADLINE_LIMIT = 1000
_WEB_SCHEMES = frozenset({"http", "https"})
# An address plainly absolute http(s): printable ASCII, no spaces, a host of letters, digits,
# dots and hyphens with an optional port. Most links are; they skip urlsplit, which costs as
# much as the rest of the check on a page of thousands of links.
_PLAIN_WEB_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][!-~]*)?\Z", re.IGNORECASE)
# _PLAIN_WEB_URL for ASCII text, where re.I folds no letter beyond ASCII onto one (as "ſ" onto
# "s"): the scheme's case spelt out, the expression runs twice as fast without the flag.
_PLAIN_ASCII_WEB_URL = re.compile(
    r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][!-~]*)?\Z"
)


def has_controls(text: str) -> bool:
    """Whether the text holds a character strip_controls removes (asked of every text a page
    stores: a walk reads most of them a byte at a time)."""
    return walks.controls(text, _CONTROL)


def strip_controls(text: str) -> str:
    """The text without the characters XML cannot carry; those that part words become spaces."""
    if not has_controls(text):
        return text
    return _CONTROL.sub(lambda m: " " if m.group() in _SPACING_CONTROLS else "", text)


def web_url(url: str | None) -> str | None:
    """An absolute http(s) address, or None: the only links the archive stores and publishes
    (never a javascript:, data: or file: one)."""
    if not url:
        return None
    plain = _PLAIN_ASCII_WEB_URL if url.isascii() else _PLAIN_WEB_URL
    if plain.match(url):
        return url
    # Tabs and newlines inside an address are dropped by browsers too (the URL standard).
    url = strip_controls(url).strip().replace("\t", "").replace("\n", "")
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in _WEB_SCHEMES and parts.hostname else None


def safe_page(page: Page) -> Page:
    """The page as the archive may store and publish it: every text without control
    characters, only http(s) links, headlines of a bounded length, and no update a reader
    could not see (a junk item of a liveBlogUpdate list: no headline, no text, no media)."""
    page.title = _safe_optional(page.title)
    page.publisher = _safe_optional(page.publisher)
    page.canonical_url = web_url(page.canonical_url)
    page.updates = [
        update
        for update in map(safe_update, page.updates)
        if update.headline
        or (update.body_text and not update.body_text.isspace())  # .strip(), without a copy
        or update.media
        or update.removed
    ]
    return page


def safe_update(update: Update) -> Update:
    """One update as safe_page leaves it; a long headline's full text starts its body."""
    if has_controls(_texts(update)):
        update.source_id = _safe_optional(update.source_id)
        update.headline = _safe_optional(update.headline)
        update.body_text = _safe_text(update.body_text)
        update.body_html = strip_controls(update.body_html)
        update.authors = [name for name in map(_safe_text, update.authors) if name]
        update.media = [_safe_media(record) for record in update.media]
    else:  # what the lines above leave of texts without a control: most updates' texts
        update.source_id = update.source_id or None
        update.headline = update.headline or None
        update.authors = [name for name in update.authors if name]
        update.media = [_safe_urls(record) for record in update.media]
    update.permalink = web_url(update.permalink)
    if update.headline and len(update.headline) > HEADLINE_LIMIT:
        _cap_headline(update)
    return update


def _safe_optional(value: str | None) -> str | None:
    return _safe_text(value) or None if value else None


def _safe_text(text: str) -> str:
    """Normalised text without control characters: where one stood between two spaces,
    one space is left."""
    if not has_controls(text):
        return text
    lines = strip_controls(text).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines).strip()


def _texts(update: Update) -> str:
    """Every text of an update in one string: it holds a control character if one of them
    does, and one look at it costs less than a look at each."""
    texts = [update.body_text, update.body_html, update.headline or "", update.source_id or ""]
    texts += update.authors
    texts += [v for record in update.media for v in record.values() if isinstance(v, str)]
    return "".join(texts)


def _safe_media(record: dict[str, Any]) -> dict[str, Any]:
    return _safe_urls(
        {key: strip_controls(v) if isinstance(v, str) else v for key, v in record.items()}
    )


def _safe_urls(record: dict[str, Any]) -> dict[str, Any]:
    """A copy of a media record whose url, if any, is an http(s) address or None."""
    safe = dict(record)
    if isinstance(safe.get("url"), str):
        safe["url"] = web_url(safe["url"])
    return safe


def _cap_headline(update: Update) -> None:
    """The headline cut at a word near HEADLINE_LIMIT, its whole text kept as the body's start."""
    full = update.headline or ""
    cut = full[: HEADLINE_LIMIT - 1]
    space = cut.rfind(" ")
    if space > HEADLINE_LIMIT * 0.8:
        cut = cut[:space]
    update.headline = cut.rstrip() + "…"
    if not update.body_text.startswith(full):
        update.body_text = full + ("\n\n" + update.body_text if update.body_text else "")
        update.body_html = f"<p>{escape_text(full)}</p>" + update.body_html


def normalise_text(value: str | None) -> str:
    """Entities decoded, invisible characters dropped, whitespace (with &nbsp;) collapsed."""
    if not value:
        return ""
    if "&" in value and _ENTITY.search(value):
        value = html.unescape(value)
        if "&" in value and _ENTITY.search(value):  # double-escaped, as some CMSs do
            value = html.unescape(value)
    if value.isascii():
        # Most paragraphs need no more than a strip: splitting them into words costs.
        if (
            "\n" not in value
            and "\t" not in value
            and "\r" not in value
            and not walks.double_space(value)
        ):
            return value.strip(" \f\v")
    elif _INVISIBLE.search(value):
        value = _INVISIBLE.sub("", value)
    return " ".join(value.split())


def normalise_lines(value: str | None) -> str:
    """Like normalise_text, but each line a <br> (marked BR_MARK) broke stays a line, and a
    blank line that two <br> in a row make (the paragraphs of a CMS that writes no <p>) is a
    paragraph's break, as between paragraphs: "\n\n"."""
    if not value:
        return ""
    if BR_MARK not in value:
        return normalise_text(value)
    kept: list[str] = []
    blank = False
    for line in value.split(BR_MARK):
        text = normalise_text(line)
        if not text:
            blank = bool(kept)
            continue
        if kept:
            kept.append("\n\n" if blank else "\n")
        kept.append(text)
        blank = False
    return "".join(kept)


def optional_text(value: str | None) -> str | None:
    """A normalised string, or None when nothing is left: absent is not the same as empty."""
    text = normalise_text(value)
    return text or None


def is_post_label(text: str) -> bool:
    """Whether a (normalised) line is a post's label: "Pinned", "Key event", "Breaking"."""
    return len(text) <= _LONGEST_BOILERPLATE and text.casefold().rstrip(" :!|") in _LABELS


_LABELS = PINNED_LABELS | KEY_EVENT_LABELS | _POST_LABELS


def is_chrome(text: str) -> bool:
    """Whether a (normalised) text is the page's chrome or a placeholder, whole: "Share this
    post", "Advertisement", "Loading…"."""
    return (
        len(text) <= _LONGEST_BOILERPLATE and text.casefold().rstrip(_TRAILING) in BOILERPLATE_TEXT
    )


def _tool_run(text: str) -> bool:
    """Whether a short line is a post's row of tools, two to nine words that are each a tool's
    or a share button's label, or run on into one ("Embed Report", "Share Print", "Teilen Link
    kopieren", "Share on Facebook Share via Email", as a bar of buttons in words alone reads):
    "Report" alone may be a subheading. A sign between or before them, no letter or digit in it,
    is a button's icon or a rule ("↗ Share", "🔗 Copy link", "Share / Copy link")."""
    words = text.casefold().replace("|", " ").replace("·", " ").split()
    if not all(map(str.isalnum, words)):  # a sign among them ("↗", "/"): drop the signs
        signs = len(words)
        words = [word.rstrip(",:") for word in words if any(map(str.isalnum, word))]
        if len(words) == 1 < signs:  # "↗ Share": one button's label and its icon
            return words[0] in BOILERPLATE_TEXT
    if not 2 <= len(words) <= _TOOL_WORDS_MOST:
        return False
    start = 0
    while start < len(words):
        for size in (3, 2, 1):  # the longest label first: "copy link", not "copy"
            label = " ".join(words[start : start + size])
            if label in BOILERPLATE_TEXT or label in _TOOL_WORDS:
                start += size
                break
        else:
            return False
    return True


_TOOL_WORDS = frozenset({"report", "melden", "signaler", "segnala", "denunciar", "zgłoś"})
_TOOL_WORDS_MOST = 9
_TOOL_RUN_LENGTH = 60  # characters of a row of tools, at most


def is_boilerplate(text: str) -> bool:
    """Whether a whole block of (normalised) text is chrome, a placeholder, a teaser, a row of
    a post's tools or a rule drawn between posts ("___")."""
    if not text:
        return True
    if is_chrome(text):
        return True
    if "\n" in text:  # a list's or a table's lines: chrome where each is (a share bar's items)
        return all(map(is_boilerplate, text.split("\n")))
    if len(text) <= _TOOL_RUN_LENGTH and " " in text and _tool_run(text):
        return True
    if text[0] in _RULE_INITIALS and _RULE.match(text):
        return True
    if text[0] in "PpDd" and _PLAYER_LABEL.match(text):
        return True
    if is_call_to_follow(text):
        return True
    return _may_be_teaser(text)


# What a video player says of itself to screen readers, printed in the page (the ABC's "Play
# Video. Duration: 1 minute 12 seconds"), or its length alone as a clock ("Duration 1:23",
# "Dauer 1:23", "Duration: 1:23 min"; not "Duration: 90 minutes", a line of a post's words).
_PLAYER_LABEL = re.compile(
    r"play video\.?\s*duration:?\s*(?:\d+\s*(?:hours?|minutes?|seconds?)[,\s]*)+$|"
    r"(?:play video\.?\s*)?(?:duration|dauer|durée|duración|durata|duração|duur)\s?:?\s*"
    r"\d{1,2}(?::\d\d){1,2}"
    r"(?:\s*(?:min|mins|minutes|minuten)\.?)?$",
    re.I,
)


def paragraph_texts(raws: list[str]) -> tuple[list[str], bool]:
    """Paragraphs of text as body_text keeps them, in order (for each raw text,
    strip_placeholders(normalise_text(raw)) unless that is empty or boilerplate), and whether
    any of them has a character to escape in markup (& < >).

    Done for a run of paragraphs at once: most runs need no more than a strip, as one look at
    all their text tells, and hold no placeholder, as two more tell.
    """
    joined = "".join(raws)
    if (
        joined.isascii()
        and "&" not in joined
        and "\n" not in joined
        and "\t" not in joined
        and "\r" not in joined
        and not walks.double_space(joined)
    ):
        texts = [raw.strip(" \f\v") for raw in raws]  # what normalise_text does to each
    else:
        texts = [normalise_text(raw) for raw in raws]
        joined = "".join(texts)
    if walks.contains(joined, _UNAVAILABLE_HINT) or _CMS_MARK in joined:
        texts = [strip_placeholders(text) for text in texts]
    kept = []
    for text in texts:  # is_boilerplate, inlined
        if not text:
            continue
        if (
            len(text) <= _LONGEST_BOILERPLATE
            and text.casefold().rstrip(_TRAILING) in BOILERPLATE_TEXT
        ):
            continue
        if text[:2] in _TEASER_STARTS and _TEASER.match(text):
            continue
        if len(text) <= _TOOL_RUN_LENGTH and " " in text and _tool_run(text):
            continue
        if text[0] in _RULE_INITIALS and _RULE.match(text):
            continue
        if text[0] in "PpDd" and _PLAYER_LABEL.match(text):
            continue
        if is_call_to_follow(text):
            continue
        kept.append(text)
    return kept, "&" in joined or "<" in joined or ">" in joined


def strip_placeholders(text: str) -> str:
    """Remove what stands in for content inside a paragraph: "content isn't available"
    notices, and the tokens a CMS puts where its pages show an embed, which its structured
    data keeps ("[[ge:rep-locali:repubblica:419430007]]")."""
    if _CMS_MARK in text:
        text = _CMS_TOKEN.sub("", text).strip()
    if not walks.contains(text, _UNAVAILABLE_HINT):
        return text
    return UNAVAILABLE.sub(" ", text).strip()


def is_template(*texts: str | None) -> bool:
    """Whether texts (a post's headline, its words) are a client-side template's and nothing
    else: its placeholders ("{{ post.title }}", "{% body %}", "<%= time %>", "${headline}",
    "%TITLE%") and no word beside them. A page that renders its posts in the browser may keep
    such a post, hidden, as the pattern for the posts to come: it is no post. Each text opens
    with a placeholder, or it is none (one look, not a walk, for every real post)."""
    for text in texts:  # normalised: no blank opens them
        if text and (not text.startswith(_TEMPLATE_OPENERS) or len(text) > _TEMPLATE_MOST):
            return False
    shown = [text for text in texts if text]
    if not shown:
        return False
    rests = [_TEMPLATE_TOKEN.subn(" ", text) for text in shown]
    return all(n for _, n in rests) and not any(c.isalpha() for rest, _ in rests for c in rest)


# A placeholder is a few words between its delimiters, never a text's worth.
_TEMPLATE_TOKEN = re.compile(
    r"\{\{\{?[^{}]{0,100}\}\}\}?|\{%[^%]{0,100}%\}|<%[^%]{0,100}%>|\$\{[^{}]{0,100}\}|"
    r"%[A-Z][A-Z0-9_]{0,40}%|\[\[[A-Za-z_][\w.]{0,60}\]\]"
)
_TEMPLATE_MOST = 1000  # characters of a template's post: its placeholders, a few of them
_TEMPLATE_OPENERS = ("{{", "{%", "<%", "${", "%", "[[")


# A CMS's token for an embed: a namespaced id in double brackets, never words.
_CMS_TOKEN = re.compile(r" ?\[\[[A-Za-z][\w.-]*:[^\[\]\s]+\]\]")
_CMS_MARK = "[["


def is_share_href(href: str | None) -> bool:
    """A share-intent or script link: never content, whatever its text."""
    if not href:
        return False
    if not href.isascii():  # re.I folds some letters beyond ASCII ("K" for "k")
        return _SHARE_HREF.search(href) is not None
    lowered = href.lower()
    if lowered.startswith("javascript:") or (lowered.startswith("mailto:") and "@" not in lowered):
        return True
    return _SHARE_HREF_LOWER.search(lowered) is not None


# The label Drupal (8 on) prints before a field's value: "Source", "Personen".
FIELD_LABEL = re.compile(r"(?:^|\s)field__label(?:$|\s)")


@lru_cache(maxsize=4096)
def is_chrome_class(cls: str) -> bool:
    """Whether an element's class names it as a share bar, an ad slot, a teaser, a byline or
    its writer's picture (an avatar: no picture of the post).

    Cached: a page repeats a handful of class strings on every entry.
    """
    return bool(cls) and (
        _CHROME_CLASS.search(_WITH_PART.sub(" ", cls) if "-" in cls or "_" in cls else cls)
        is not None
        or names_part(cls, "byline")
        or names_part(cls, "avatar")
        or _topic_tags(cls)
    )


def _topic_tags(cls: str) -> bool:
    """Whether a class names a post's row of topic tags ("mnt-tags", "entry__tags",
    "tag-list", "tags-list", "post-topics", "keywords"), not a box that has them
    ("has-tags", "with-topics") nor a word that ends in one ("hashtags")."""
    lowered = cls.lower()
    if not any(word in lowered for word in ("tag", "topic", "keyword", "schlagwort")):
        return False
    for name in lowered.split():
        words = _CLASS_WORDS.split(name.split("--")[0])
        for at, word in enumerate(words):
            listed = word == "tag" and words[at + 1 : at + 2] == ["list"]
            if (word in _TAG_WORDS or listed) and (at == 0 or words[at - 1] not in _MODIFIERS):
                return True
    return False


_TAG_WORDS = frozenset({"tags", "taglist", "topics", "keywords", "schlagworte"})
_MODIFIERS = frozenset({"has", "with", "without", "no", "show", "shows", "is", "hide"})
_CLASS_WORDS = re.compile(r"[-_]+")


def names_part(cls: str, part: str) -> bool:
    """Whether a class word names that part of a post ("byline", "post__avatar--large"), not
    a modifier that says a box has, shows or lacks one ("has-avatar", "post-without-byline",
    "nobyline", "is-avatar-shown", Sourcefabric's "show-author-avatar", the Guardian's
    "block-elements--no-byline")."""
    lowered = cls.lower()
    if part not in lowered:
        return False
    for word in lowered.split():
        named = word.split("--")[0]
        at = named.find(part)
        if at >= 0 and _MODIFIER.search(named, 0, at) is None:
            return True
    return False


# What opens a class word's modifier before the part it names ("post-has-", "show-author-").
_MODIFIER = re.compile(r"(?:^|[-_])(?:has|shows?|with|without|no|hide|is)[-_]?(?:author[-_]?)?$")


@lru_cache(maxsize=1024)
def clean_credit(value: str | None) -> str | None:
    """ "(Image: Getty)", "Credit: Reuters" → the name alone."""
    text = normalise_text(value)
    text = _CREDIT_LABEL.sub("", text).strip().rstrip(")]").strip()
    return text or None


def split_credit(caption: str) -> tuple[str, str | None]:
    """A caption with its trailing credit cut off, and that credit."""
    if "Photo" in caption and (agency := _AGENCY_CREDIT.search(caption)):
        return caption[: agency.start()].strip(), agency.group(1).strip()
    if caption.endswith(")") and (bracketed := _BRACKETED.search(caption)) and bracketed.start():
        credit = _bracketed_credit(bracketed.group(1))
        if credit:
            return caption[: bracketed.start()].strip(), credit
    if (
        ":" not in caption
        and "redit" not in caption
        and "©" not in caption
        and "ot." not in caption
    ):
        return caption, None  # what every credit read here holds
    match = _TRAILING_CREDIT.search(caption)
    if not match:
        return caption, None
    return _before_credit(caption[: match.start()]), clean_credit(match.group(1))


def _before_credit(caption: str) -> str:
    """A caption without the bar or dash that set its credit off ("… Agartala | Photo Credit:
    PTI")."""
    return caption.strip().rstrip(" |–—-").strip()


def _bracketed_credit(inner: str) -> str | None:
    """The credit the brackets at a caption's end hold, if they hold one."""
    labelled = _PHOTO_WORD.match(inner)
    if labelled:
        return inner[labelled.end() :].strip() or None
    if _AGENCY_END.search(inner) or ("/" in inner and _NAMES_APART.match(inner)):
        return clean_credit(inner)  # ("(Foto: Marijan Murat/dpa)": without its label)
    return None


# A credit in brackets at a caption's end, as French and Italian papers write one: the
# photographer and the agency ("(DAMIEN MEYER / AFP)", "(Albert Facelly/Libération)"), an
# agency ("(Reuters)", "(AFP via Getty Images)"), "foto" and the agency ("(foto Ansa)", "(Photo
# by Kim Alvarez)").
_BRACKETED = re.compile(r"\s*\(\s*([^()]{2,80}?)\s*\)\s*$")
_PHOTO_WORD = re.compile(
    r"^(?:foto|photo|fot\.?|bild)(?:\s+(?:by|de|di|von|por|door|przez))?\s+(?=(?-i:[A-ZÀ-Þ]))",
    re.I,
)
_AGENCY_END = re.compile(
    r"\b(?:AFP|Reuters|AP|EPA|dpa|ANSA|Ansa|PAP|ANP|Belga|Imago|Keystone|Xinhua|Anadolu|SIPA|"
    r"MAXPPP|EFE|Lusa|LaPresse|Getty Images|Shutterstock|Alamy)$"
)
_CAPITALISED = r"[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*)*"
_NAMES_APART = re.compile(rf"^{_CAPITALISED}(?:\s*/\s*{_CAPITALISED})+$")


@lru_cache(maxsize=1024)
def clean_attribution(value: str | None) -> str | None:
    """A quote's attribution without its leading dash."""
    text = _LEADING_DASH.sub("", normalise_text(value))
    return text or None


def author_names(value: object, depth: int = 0) -> list[str]:
    """Names from a string, a schema.org Person/Organization, or a list of them (nested a few
    levels at most: hostile data may nest them a thousand deep)."""
    names: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
            if isinstance(item, list):
                if depth < _NAME_DEPTH:
                    names.extend(author_names(item, depth + 1))
                continue
        if isinstance(item, str):
            for name in _author_name(item):
                if name not in names:
                    names.append(name)
    return names


# The words that credit a guest's post ("Guest post by", "A guest column by", "Ein
# Gastbeitrag von"), as "By" credits its writer.
_GUEST_POST = re.compile(
    r"(?i:(?:an?\s+)?guest\s+(?:post|blog|column)\s+by|(?:ein\s+)?gastbeitrag\s+von)\s+"
)


@lru_cache(maxsize=1024)
def _author_name(value: str) -> tuple[str, ...]:
    """The names a string gives, as written, without its "By ": one name, or several full
    names in a list ("Jacob Rosen, Melissa Quinn and Jo Writer"). Every update of a page
    repeats a few such strings."""
    name = normalise_text(value)
    if name[:3].lower() in ("by ", "by"):
        name = name[3:].strip()
    elif name[:1] in "AaGgEe":  # "Guest post by the Carbon Brief team": the team
        guest = _GUEST_POST.match(name)
        if guest is not None:
            name = name[guest.end() :].strip()
    if not name or "://" in name:  # an address is no name ("https://www.theguardian.com#publisher")
        return ()
    name = unaffiliated(name)
    ranked = _NAME_THEN_RANK.fullmatch(name)  # "Jordan Park Staff Reporter": the name
    if ranked is not None and _full_name(ranked["name"]):
        name = ranked["name"]
    elif _ROLE_AFTER.fullmatch(name) and name.istitle():  # "Live Reporter", a role alone
        return ()
    parts = [unplaced(part) for part in _NAME_LIST.split(name) if part]
    if len(parts) > 1 and all(_full_name(without_particles(part)) for part in parts):
        return tuple(parts)
    return (unplaced(name),)


def unaffiliated(name: str) -> str:
    """Full names without the newsroom or role a mark sets after them ("Kelly Brandt · Fox
    News", "Marcus Avery and Jenna Ortiz | Reuters", "Jane Doe | Senior Correspondent"): what
    follows the mark, where it names a newsroom or a role, is no writer; nor is an agency in
    brackets, after a slash or a comma, as German bylines add it ("Anna Berg (dpa)", "Anna
    Berg/dpa", "Anna Berg, dpa"). (A full name after it is another writer's, "Jane Doe · John
    Smith"; the names stay as written.)"""
    if " " in name:  # "Jane Doe, with agencies", "… mit Agenturen", "Jean Dupont avec AFP"
        drawn = _WITH_AGENCIES.search(name)
        if drawn is not None and drawn.start():
            name = name[: drawn.start()]
    if "," in name and ("—" in name or "–" in name):  # "Marcela Mattos, g1 — Brasília"
        filed = _OUTLET_AND_PLACE.fullmatch(name)
        # (not "Ana Berg, Tom Reyes — Paris" nor "…, Tom Reyes and Bo Li — Paris": more
        # writers; "TV Globo" and "g1" outlets)
        # (nor "Le Monde", "El País", "O Globo": an outlet's name opens with its article;
        # two writers, "Ana Berg e Tom Reyes, g1 — …", and "Ana van der Berg" write it too)
        if (
            filed is not None
            and all(_full_name(_PARTICLE.sub(" ", part)) for part in _NAME_LIST.split(filed[1]))
            and (
                _NEWSROOM.search(filed[2]) is not None
                or _ARTICLED.fullmatch(filed[2]) is not None
                or not any(map(_full_name, _JOINED.split(filed[2])))
            )
        ):
            return filed[1]
    first, *rest = _AFFILIATION.split(name, maxsplit=1)
    if not rest:
        agency = _AGENCY_AFTER.fullmatch(name)
        if agency is None:
            return name
        after = agency["bracketed"] or agency["after"]
        if not (
            _NEWSROOM.fullmatch(after)
            or _INITIALS.fullmatch(after)
            or _ROLE_AFTER.fullmatch(after)
            or _SAYS_NEWSROOM.fullmatch(after)
        ):
            return name  # ("Jo Writer, Sam Reporter and Ana Ruiz": names)
        first, rest = agency["names"], [after]
        while "," in first:  # "Sara Rossi, Senior Reporter, BBC News": the role too
            head, _, tail = first.rpartition(",")
            if not (_ROLE_AFTER.fullmatch(tail.strip()) or _SAYS_NEWSROOM.fullmatch(tail.strip())):
                break
            first = head.strip()
    if first.isupper() or not (
        _NEWSROOM.search(rest[0])
        or _INITIALS.fullmatch(rest[0])
        or _ROLE_AFTER.fullmatch(rest[0])
        or _STAMP_AFTER.fullmatch(rest[0])
        or _SAYS_NEWSROOM.fullmatch(rest[0])
    ):
        return name  # (a label before a link's title: "ALSO READ | A referendum on …")
    names = [part for part in _NAME_LIST.split(first) if part]
    return (
        first if names and all(_full_name(without_particles(unplaced(p))) for p in names) else name
    )


def without_particles(name: str) -> str:
    """A name without its surname's small words ("Jan de Vries": "Jan Vries"), to tell a
    full name by its capitalised words."""
    return _PARTICLE.sub(" ", name) if " " in name else name


# An outlet's name that opens with its article ("Le Monde", "El País", "La Stampa", "O Globo",
# "Die Zeit", "De Telegraaf"), and a surname's small words inside a name ("van der", "da",
# "de los", "De Los").
_ARTICLED = re.compile(
    r"(?:Le|La|Les|El|Il|Lo|O|Die|Der|De|Het|The)\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*)?"
)
_PARTICLE = re.compile(
    r"\s+(?:(?i:van|von|de|der|den|da|di|du|la|le|del|dos|das|los|las|ten|ter|zu)\s+)+"
)
# The words that join a byline's last two writers ("Tom Reyes and Bo Li", "… & …").
_JOINED = re.compile(r"(?:^|\s+)(?:and|&|und|et|e|y|i|en)\s+")
# A byline's one writer, the outlet after a comma and where she files from after a dash,
# as Globo's g1 signs ("Marcela Mattos, g1 — Brasília"): the place one to three capitalised
# words, the outlet a few words and no writer's full name.
_OUTLET_AND_PLACE = re.compile(
    r"([^,]+?),\s*([^\s,—–][^,—–]{0,29}?)\s+[—–]\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:d[aeo]s?\s+)?[A-ZÀ-Þ][\w'’.-]*){0,2}"
)
# A beat a desk covers, as a role's first word names it ("Health Editor", "Technology
# Reporter"): words no one takes for a first name.
_BEAT = (
    r"(?:Health|Economics|Economy|Business|Technology|Tech|Science|Sports?|Defence|Defense|"
    r"Diplomatic|Security|Home|Foreign|Education|Environment|Climate|Data|Investigations|"
    r"Transport|Culture|Arts|Media|Legal|Crime|Royal|World|International|Digital|Energy|"
    r"Property|Travel|Food|Fashion|Music|Film|Football|Consumer|Parliamentary|Social|Money)"
)
# The writer's role a byline sets after the names and a comma, in lower case but for a place
# ("political reporter", "Europe correspondent", "senior reporters"), or in title case as
# British papers print it, a role word no one bears as a surname ("Political Correspondent")
# or one after a rank's or a beat's word or two words ("Chief Reporter", "Health Editor",
# "Senior Political Editor"; "Tom Editor" is a writer), or in German, French, Spanish,
# Italian, Portuguese, Polish or Dutch, alone or with where the writer is based
# ("Korrespondentin in Brüssel", "envoyé spécial à Kiev", "korespondentka w Brukseli"), and the agencies a post drew on after its writers ("Jane
# Doe, with agencies", "Staff and agencies", "mit Agenturen").
_ROLE_AFTER = re.compile(
    r"(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,3}(?:reporter|correspondent|editor|writer|producer|"
    r"columnist|contributor|journalist)s?|"
    r"(?:[A-Z][\w-]*\s+){1,3}(?:Correspondent|Columnist|Contributor|Journalist)s?|"
    r"(?:(?:Senior|Chief|Deputy|Political|Staff|Associate|Managing|Executive|Assistant|"
    r"Contributing|Live|Lead|Breaking|Night|Weekend)\s+|(?:[A-Z][\w-]*\s+){2,3}|"
    + _BEAT
    + r"\s+)(?:Reporter|Editor|Writer|Producer)s?|"
    r"(?:\w+-)?(?i:korrespondent(?:in)?|redakteur(?:in)?|reporterin|correspondante?|"
    r"envoyée?\s+spéciale?|corresponsal|redactora?|periodista|corrispondente|inviat[oa]|"
    r"correspondente|korespondent(?:ka)?|dziennikar(?:z|ka)|reporterka|redaktor(?:ka)?|"
    r"verslaggever(?:ster)?|correspondent|redacteur|repórter|jornalista|redator(?:a)?)"
    r"(?:\s+(?:in|aus|à|en|a|em|da|de|di|w|we|z)\s+[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*)?)?"
)
# A full name and a ranked role after it with no mark between, as a byline box prints them
# on one line ("Jordan Park Staff Reporter", "Sara Rossi Senior Political Reporter").
_NAME_THEN_RANK = re.compile(
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2}?)\s+"
    r"(?:Senior|Chief|Deputy|Political|Staff|Associate|Managing|Executive|Assistant|"
    r"Contributing|Live|Lead|Breaking|Night|Weekend)(?:\s+[A-Z]\w*)?\s+"
    r"(?:Reporter|Editor|Writer|Producer|Correspondent)s?"
)
# The agencies a post drew on after its writers, or a wire named after the word for "with"
# ("By Sara Rossi with Reuters", "Par Jean Dupont avec AFP", "Von Anna Berg mit dpa", "Door
# Jan de Vries met ANP", "Anna Kowalska z PAP"); not a name there ("… with Tom Reyes").
_WITH_AGENCIES = re.compile(
    r"(?:,\s*|\s+)(?:(?i:with|and|und|mit|et|avec|y|con|e)\s+(?i:news\s+)?"
    r"(?i:agencies|agencias|agences|agenturen|agenzie|wires)|"
    r"(?i:with|mit|avec|con|com|met|z)\s+(?:AFP|AP|Reuters|dpa|DPA|ANSA|Ansa|EFE|PAP|ANP|Belga|"
    r"APA|SDA|Lusa|Agência\s+Brasil|Estadão\s+Conteúdo|Europa\s+Press|Associated\s+Press|"
    r"(?:the\s+)?(?:[A-Z]\w*\s+){0,2}(?:wires?|agencies|agencias|agences|agenturen|agenzie)))$"
)
# What a byline names after its writers: a newsroom ("Fox News", "The Washington Post"), an
# agency, a role, how long a read; not a surname that is such a word ("Tim Post", "Eyal Press").
_NEWSROOM = re.compile(
    r"\b(?:(?i:news|media|tv|radio|agency|reuters|bloomberg|staff|desk|team|correspondent|"
    r"reporter|editor|writer|producer|columnist|contributor|\d+\s*min(?:ute)?s?\s+read)|"
    r"The(?:\s+[A-Z]\w+)*\s+(?:Times|Post|Press|Journal|Herald|Tribune|Gazette|Telegraph|"
    r"Guardian|Mail|Independent|Observer|Globe|Star|Sun)|AP|AFP|PA|AAP|UPI|DPA|dpa|ANP|ANSA|EFE|"
    r"PAP|NPR|BBC|CNN|ABC|CBS|NBC|ITV|RTÉ|RTE|ZDF|ARD|SRF|ORF)\b"
)

# A newsroom whose name says it is one, ending in News, TV, Radio, Media, Info or Conteúdo
# ("BBC News", "ABC News Radio", "France Info", "franceinfo", "Estadão Conteúdo"), as no one's
# name does, or a newsroom's word in the languages read here ("da Redação", "Redaktion", "la
# rédaction", "redactie").
_SAYS_NEWSROOM = re.compile(
    r"(?:[A-Z][\w&.'’-]*\s+){1,3}(?:News|TV|Radio|Media|Television|Info|Conteúdo)"
    r"(?:\s+(?:Radio|Online|Digital))?|[a-z]+info|"
    r"(?:(?i:d[aoe]|la|die|the|della|dalla|z)\s+)?(?i:reda[çc][ãa]o|redacci[óo]n|redaktion|"
    r"r[ée]daction|redazione|redactie|redakcja|newsroom)"
)
# When a post was updated or posted, after a byline's mark ("Updated 14:05", "Updated 2 hours
# ago", "14:05 BST", "3:58 PM ET", "June 14, 2024", "14.06.2024, 17:05"): a word that says so
# and a digit, or a clock, a date, or both.
_STAMP_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s+[A-Z]{2,4})?"
_STAMP_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_STAMP_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_STAMP_MONTH}(?:\s+\d{{4}})?|"
    rf"{_STAMP_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})"
)
_STAMP_AFTER = re.compile(
    r"(?i:(?:last\s+)?(?:updated?|published|posted|edited)\b:?[^|·•]{0,30}\d[^|·•]{0,30})|"
    rf"{_STAMP_DATE}(?:,?\s+(?:(?i:at)\s+)?{_STAMP_CLOCK})?|{_STAMP_CLOCK}(?:,?\s+{_STAMP_DATE})?"
)
# A newsroom written as its initials alone ("ESPN", "CBC", "TSN"), not a generation or a
# Roman numeral after a name ("Jr", "JR", "III").
_INITIALS = re.compile(r"(?!(?:JR|SR|[IVX]+)$)[A-Z]{2,6}")


def unplaced(name: str) -> str:
    """A full name without where its writer is ("Peggy Hollinger in London")."""
    placed = _WHERE_FROM.fullmatch(name)
    return placed[1] if placed and _full_name(placed[1]) else name


# A byline that says where its writers are: "Peggy Hollinger in London", "Euan Ward,
# reporting from Beirut", "Anna Schmidt aus Kiew", "Jean Dupont à Kiev", "Ana López desde
# Madrid". Not "da"/"de"/"en": they are parts of names ("Maria da Silva") or join them.
_WHERE_FROM = re.compile(
    r"(.+?),?\s+(?:in|(?:reporting|reports|writing) from|aus|à|desde)\s+"
    r"(?:[A-ZÀ-Þ][\w'’.-]*(?:,?\s+|$)){1,4}"
)
# The words that join two names, in the languages read here ("A und B", "A et B", "A i B").
NAME_JOINS = frozenset({"and", "und", "et", "y", "e", "en", "i"})
# What joins names in a list: those words, Polish "oraz", a comma ("A, B and C").
_NAME_LIST = re.compile(r"\s*(?:[,;&]|\b(?:" + "|".join(sorted(NAME_JOINS | {"oraz"})) + r")\b)\s*")
_NAME_MOST = 4
_AFFILIATION = re.compile(r"\s+[·•|]\s+")  # the mark between a byline's names and newsroom
# What may follow a byline's names as its agency alone (_NEWSROOM all of it): in brackets at
# its end, after a slash or a comma ("Anna Berg (dpa)", "Anna Berg/dpa", "Anna Berg, AFP"),
# the names a list set apart by commas or not ("Sara Rossi, Tom Reyes, BBC News").
_AGENCY_AFTER = re.compile(
    r"(?P<names>[^()/]+?)\s*(?:\((?P<bracketed>[^()]{1,40})\)|[/,]\s*(?P<after>[^(),/]{1,40}))"
)


def _full_name(text: str) -> bool:
    """A first name and a surname at least, capitalised, no digits: a part of a list of names
    ("Ortega y Gasset" leaves "Gasset" alone: no list; "Smith, John" neither)."""
    words = text.split()
    return 2 <= len(words) <= _NAME_MOST and all(
        word[0].isupper() and not any(c.isdigit() for c in word) for word in words
    )


@lru_cache(maxsize=64)
def _cleaner(base_url: str | None) -> nh3.Cleaner:
    """One sanitiser per base URL: relative links and images are resolved against the page."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
        url_relative=("rewrite_with_base", base_url) if base_url else "deny",
    )


def sanitise_html(fragment: str, base_url: str | None = None) -> str:
    """The allow-listed HTML that may be stored and shown: no scripts, handlers or odd URLs."""
    if not fragment:
        return ""
    try:
        cleaner = _cleaner(base_url)
    except (ValueError, TypeError):  # a base URL nh3 cannot parse
        cleaner = _cleaner(None)
    try:
        cleaned = cleaner.clean(fragment)
    except UnicodeEncodeError:  # a lone surrogate (from a JSON escape), which nh3 cannot take
        cleaned = cleaner.clean(strip_controls(fragment))
    # A non-breaking space is layout, not content: the same rule as for text.
    return cleaned.replace("&nbsp;", " ").strip()


# Markup written here rather than copied from the page ----------------------------------------
#
# The body walker writes most of body_html itself, from text: <p>, <br>, <h2>-<h4>, <figure>
# with an <img src alt> and a <figcaption>, <blockquote>, text escaped with escape_text and
# attribute values with escape_attribute. Such markup is already what sanitise_html returns
# for it: nh3 keeps those tags, drops no attribute, and serialises the same text the same way
# (it escapes & < > in text, & " < > in attributes, and writes U+00A0 as &nbsp;, which
# sanitise_html turns into a space), whatever the characters but two: NUL and CR, which the
# HTML parser inside nh3 drops or rewrites. So a body made only of such markup needs no pass
# through nh3 (tests/test_extract_fastpaths.py checks the equality on every saved page).
#
# An image URL nh3 keeps as it is: http(s), a host name the URL standard accepts without
# IDNA or IPv4 parsing (no xn-- label, a last label starting with a letter), a short port.
_LABEL = r"(?![Xx][Nn]--)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_PLAIN_URL = re.compile(
    rf"https?://(?:{_LABEL}\.)*(?![Xx][Nn]--)[A-Za-z][A-Za-z0-9-]*(?::[0-9]{{1,4}})?"
    r"(?:[/?#][!#-;=?-\[\]_a-z~]*)?"
)


def escape_text(text: str) -> str:
    """Text as markup: & < > escaped (quotes need not be, outside attributes)."""
    return html.escape(text, quote=False)


def escape_attribute(value: str) -> str:
    """A double-quoted attribute value as nh3 writes it: & < > and " escaped, ' left alone."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def is_plain_url(url: str) -> bool:
    """An absolute http(s) URL that the sanitiser leaves exactly as it is."""
    return _PLAIN_URL.fullmatch(url) is not None


def finish_html(markup: str, base_url: str | None, own: bool) -> str:
    """sanitise_html(markup, base_url); without nh3 for markup written here from text (own)."""
    if own and "\r" not in markup and "\x00" not in markup:
        # Every & is escaped: no "&nbsp;" to replace, as sanitise_html does, only U+00A0.
        return markup.replace("\xa0", " ").strip()
    return sanitise_html(markup, base_url)
