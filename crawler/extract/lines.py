"""A stream's posts read line by line, for what their classes would have named: which line is a
post's title and which its byline, on pages whose build hashes class names or that give none.

A line is a run of text in a box of its own: the outermost element that holds that text and
nothing else (`<p><strong>Title</strong></p>` is one line, its box the `<p>`). Each line has a
shape: its box's tag and class, the tag its text starts in, and the tags of the boxes around it
inside the post. What one post cannot say, the stream's posts say together:

- a title is the line that opens most posts in one shape, short, different in each post, a
  shape the rest of their text never takes;
- a byline is a line in one shape, once in most posts, that holds the same few names again and
  again, or that opens with a byline's words ("From CNN's Mary Gilbert"), or, in every post
  of a blog titled already, a name alone between the title and the post's words.

crawler/extract/generic.py reads a post's lines after its time (and the box that holds the time
and little else) and its classed bylines, then reads the post again with what these find.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from crawler.extract import walks
from crawler.extract.clean import (
    FIELD_LABEL,
    NAME_JOINS,
    is_chrome_class,
    is_post_label,
    normalise_text,
    unaffiliated,
    unplaced,
    without_particles,
)
from crawler.extract.dom import HEADINGS, Element, raw_text

Shape = tuple[str, str, str, str]

MIN_POSTS = 3  # posts that must show a shape before it names anything
_RECUR = 10  # a title's shape may hold a later line in at most one tenth of the posts
_DISTINCT = 0.8  # share of the titles that differ (a label, "Breaking", repeats)
_MOST_LINES = 12  # lines read of each post: titles and bylines come first
_BUDGET = 200  # elements of a post looked at for those lines
_NAME_WORDS = 4
_NAME_LENGTH = 60  # characters: a byline's line, not a sentence
TITLE_LENGTH = 160  # characters: longer is a paragraph
_ROLE_SLACK = 60  # characters beside a byline's name in the box that holds it (a role, a desk)
# Where a post's first line is not its title: a paragraph, a quote, a caption, a list, a table.
_NOT_TITLE_BOXES = frozenset(
    {"p", "li", "ul", "ol", "blockquote", "figcaption", "figure", "td", "th", "dd", "dt", "pre",
     "cite", "q", "label", "button", "small", "time", "address"}
)  # fmt: skip
# Boxes whose words are no line of the post's: code, embeds, controls, captions.
_NO_LINES = frozenset(
    {"script", "style", "noscript", "template", "svg", "button", "figure", "figcaption",
     "iframe", "select", "form"}
)  # fmt: skip
BOLD = frozenset({"strong", "b"})
# Words of the labels a stream puts on its posts, which are no one's name.
_LABEL_WORDS = frozenset(
    {"breaking", "news", "update", "updates", "updated", "live", "pinned", "post", "key",
     "event", "events", "latest", "watch", "video", "analysis", "opinion", "exclusive",
     "summary", "eilmeldung", "aktuell", "neu", "direct", "directo", "diretta", "urgent",
     "pilne", "ważne", "nieuw"}
)  # fmt: skip
_MEDIA_TAGS = frozenset({"img", "picture", "video", "iframe", "figure", "svg"})
# The words a byline opens with ("By", "Posted by", "From CNN's", "Von", a guest's post's
# "Guest post by", "Ein Gastbeitrag von", a label: "Author:", "Autor:", "Auteur :", "Text:"),
# in the languages read here (Italian's "di" in lower case only: "Di Stefano" is a name), and
# the small words between its names ("and", "van der").
_BYLINE_WORDS = re.compile(
    r"^(?:(?i:(?:posted|written|reported|reporting|geschrieben|verfasst|publié|publicado|pubblicato|"
    r"geplaatst|rédigée?|écrite?|escrit[oa]|redactad[oa]|geschreven|napisane|"
    r"(?:an?\s+)?guest\s+(?:post|blog|column)|(?:ein\s+)?gastbeitrag)\s+)?"
    r"(?:(?i:by|from|von|par|por|door|przez|av)|di)\s+|"
    # ("Scritto da": Italian's "da" opens a byline after its participle alone.)
    r"(?i:scritt[oa]|redatt[oa]|pubblicat[oa])\s+da\s+|"
    r"(?i:author|autor|autora|autore|auteur|auteurs|authors|autoren|autorzy|autorin|autorinnen|"
    r"autrice|auteure|reporter|text|texto|testo|tekst)\s*:\s*)"
)
# The small words inside a surname ("Sanne de Vries", "Ursula von der Leyen", "Maria da Silva",
# "Ana de los Santos").
_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "das", "los",
     "las", "ten", "ter", "zu"}
)  # fmt: skip
_NAME_JOINS = NAME_JOINS | _PARTICLES | {"&"}


@dataclass(frozen=True, slots=True)
class Line:
    box: Element  # the outermost element that holds the line's text and nothing else
    start: Element  # the element whose own text starts it
    shape: Shape
    linked: bool  # inside a link: a share button's "facebook", an author's page

    @property
    def text(self) -> str:
        return normalise_text(raw_text(self.box))


def lines(member: Element, skip: set[Element], most: int = _MOST_LINES) -> list[Line]:
    """The post's first lines of text (`most` of them), in order, outside the `skip` boxes
    (its time, its classed bylines)."""
    found: list[Line] = []
    stack: list[tuple[Element, tuple[str, ...], bool]] = [(c, (), False) for c in reversed(member)]
    seen = 0
    while stack and len(found) < most and seen < _BUDGET:
        element, path, linked = stack.pop()
        seen += 1
        tag = element.tag
        if not isinstance(tag, str) or tag in _NO_LINES or element in skip:
            continue
        cls = element.get("class")
        if cls and "field__" in cls and FIELD_LABEL.search(cls):
            continue  # a field's label ("Personen") is no line of the post
        linked = linked or tag == "a"
        if (element.text or "").strip():
            line = _line(element, path, linked)
            if not is_post_label(line.text):  # a label ("Key event", "Breaking") is no line
                found.append(line)
            continue  # what is inside belongs to this line
        inner = (*path, tag)
        stack.extend((child, inner, linked) for child in reversed(element))
    return found


def _line(start: Element, path: tuple[str, ...], linked: bool) -> Line:
    """The line whose text `start` opens: its box climbs through parents that hold it alone."""
    box, depth = start, len(path)
    while depth:
        parent = box.getparent()
        if parent is None or len(parent) != 1:
            break
        if (parent.text or "").strip() or (box.tail or "").strip():
            break
        box, depth = parent, depth - 1
    shape = (
        box.tag,
        box.get("class") or "",
        "" if start is box else start.tag,
        "/".join(path[:depth]),
    )
    return Line(box, start, shape, linked)


def without_kickers(read: dict[Element, list[Line]]) -> dict[Element, list[Line]]:
    """The posts' lines without the label most of them open with, a topic set above the
    title ("Politik", "Sport", "Politik", "Wirtschaft"): a short line of one shape, a word or
    three and no digit, whose few words come again and again, where a title says something
    new each time."""
    firsts = {
        m: found[0] for m, found in read.items() if len(found) >= 2 and is_kicker(found[0].text)
    }
    shapes: dict[Shape, list[Element]] = defaultdict(list)
    for member, first in firsts.items():
        shapes[first.shape].append(member)
    if not shapes:
        return read
    _, labelled = max(shapes.items(), key=lambda item: len(item[1]))
    texts = {firsts[m].text for m in labelled}
    if len(labelled) < MIN_POSTS or len(labelled) * 2 < len(read) or len(texts) * 2 > len(labelled):
        return read
    return {m: found[1:] if m in labelled else found for m, found in read.items()}


def is_kicker(text: str) -> bool:
    """A label set above a title: a word or three, no sentence's end, no digit (a date above a
    title stays in the post's words)."""
    return (
        bool(text)
        and len(text) <= KICKER
        and len(text.split()) <= 3
        and text[-1] not in ".!?:"
        and not any(c.isdigit() for c in text)
    )


KICKER = 30  # characters: a word or three


def titles(
    read: dict[Element, list[Line]],
    in_header: bool,
    pictured: Callable[[Element], bool] | None = None,
) -> dict[Element, Element]:
    """Each post's title, when one shape of line opens enough of the posts: a line each post
    says once, a different one each time, that the rest of their text never takes the shape
    of. `in_header`: the lines were read beside the time, where a name alone is a byline.

    A post that `pictured` says shows a photo, a video or an embedded tweet, whose one line
    has the titles' shape, is a title and its picture: it says nothing more in words."""
    opening: dict[Element, Line] = {}
    shapes: dict[Shape, list[Element]] = defaultdict(list)
    later: dict[Shape, int] = defaultdict(int)
    for member, found in read.items():
        if len(found) < 2:
            continue
        first, *rest = found
        # A link's words (a share button's "facebook") say nothing of how the body is boxed.
        for shape in {line.shape for line in rest if not line.linked}:
            later[shape] += 1
        if could_be_title(first, in_header):
            opening[member] = first
            shapes[first.shape].append(member)
        else:
            later[first.shape] += 1  # a shape other posts open with their words
    if not shapes:
        return {}
    shape, titled = max(shapes.items(), key=lambda item: len(item[1]))
    texts = {opening[m].text for m in titled}
    # A pinned copy of a post says its lines again: one post, for how many titles differ.
    distinct = len({tuple(line.text for line in read[m]) for m in titled})
    posts = sum(1 for found in read.values() if len(found) >= 2)  # a title and more
    if (
        len(titled) < MIN_POSTS
        or len(titled) * 2 < posts
        or later[shape] * _RECUR > posts
        or len(texts) < _DISTINCT * distinct
    ):
        return {}
    boxes = {m: opening[m].box for m in titled}
    if pictured is not None:
        for member, found in read.items():
            only = found[0] if len(found) == 1 else None
            if (
                only
                and only.shape == shape
                and pictured(member)
                and could_be_title(only, in_header)
            ):
                boxes[member] = only.box
    return boxes


def could_be_title(line: Line, in_header: bool = False) -> bool:
    """A line that may be a post's title: short, not a paragraph (unless all of it is bold),
    not a caption beside a picture, not a byline; beside the time, not a name alone."""
    node = line.start
    bold = False  # all of the line inside a <strong> or <b> (`<p><strong><span>Title`)
    while True:
        if node.tag in _NOT_TITLE_BOXES and not (node.tag == "p" and bold):
            return False
        bold = bold or node.tag in BOLD
        if node is line.box:
            break
        node = node.getparent()
    text = line.text
    if not 3 <= len(text) <= TITLE_LENGTH or is_byline(text) or (in_header and is_name(text)):
        return False
    if _runs_on(line.box, text):
        return False
    if line.start.tag not in HEADINGS and any(child.tag == "br" for child in line.start):
        return False  # lines broken apart in one box: a paragraph written without <p>
    if not line.shape[3] or line.box.tag in HEADINGS:  # a box of the post's own, a heading:
        return True  # beside a picture, no caption of it
    return not _beside_media(line.box)


def _runs_on(box: Element, text: str) -> bool:
    """Whether a bold lead is the start of its paragraph's sentence, not a title set before
    its words: the words after it go on in lower case, or it ends on a comma ("<p><strong>Three
    lorries collided on the D1,</strong> the road is closed…"). A title run in ends its
    sentence or stands before a capital ("<p><b>Floods in Moravia</b> The river…")."""
    parent = box.getparent()
    if box.tag not in BOLD or parent is None or parent.tag != "p":
        return False  # a bold lead of a paragraph's sentence; a title's own box ends its line
    after = (box.tail or "").lstrip()
    if not after:  # a link or an italic may carry the sentence on: "…Trnava,</b> <a>the</a>
        # road", "<b>Heavy rain has flooded</b> <a>the A1</a> and…"
        following = box.getnext()
        if following is None or following.tag not in _RUN_ON_INLINES:
            return False
        after = normalise_text(raw_text(following))
        if not after or after.split()[0].lower() in _CREDIT_WORDS:
            return False  # a credit after a title: "<i>via Reuters</i>", "<a>by Jane Doe</a>"
        if text[-1] not in ",;" and not (following.tail or "").strip():
            return False  # nothing goes on after it: "<i>reporting by Reuters</i>", "<a>watch</a>"
    if after.split()[0].lower() in _CREDIT_WORDS:
        return False  # a credit after a title, in its text: "<b>Title</b> via Reuters"
    dash = DASH_BEFORE_WORDS.match(after)
    if dash is not None:  # "<b>Olaf Scholz</b> – sagt…", "<b>Draghi</b> – «…»", "<b>ROMA</b> – La…"
        return not stands_before(dash.group(1)) or text.isupper()
    if _COLON_BEFORE_QUOTE.match(after):  # a speaker's: "<b>Emmanuel Macron</b> : « … »"
        return True
    return text[-1] in ",;" or after[0].islower()


# A dash and the first mark of the words after it (" – Trenitalia ha sospeso…").
DASH_BEFORE_WORDS = re.compile(r"\s*[–—|-]\s+(\S)")
# The mark that closes a title run in before the post's words: " – Trenitalia…", ". Les trains…"
MARK_BEFORE_WORDS = re.compile(r"\s*[.:–—|-]\s+\S")
_QUOTE_MARKS = frozenset("«»„“”‘’‚‹›\"'")
_COLON_BEFORE_QUOTE = re.compile(r":\s*[«»„“”‘’‚‹›\"']")


def stands_before(mark: str) -> bool:
    """Whether the words after a bold run and a dash may follow a title: not a sentence that
    runs on from it in lower case ("Olaf Scholz – sagt…") nor a speaker's quote ("– «…»")."""
    return not mark.islower() and mark not in _QUOTE_MARKS


# The words a credit or byline after a title opens with.
_CREDIT_WORDS = frozenset(
    {"via", "by", "from", "von", "par", "por", "door", "przez", "source", "photo", "foto"}
)


_RUN_ON_INLINES = frozenset({"a", "em", "i", "u", "mark", "abbr"})  # (a span may be a time's)


def _beside_media(box: Element) -> bool:
    """Whether the element next to a line's box, before or after it, is a picture: the line is
    its caption."""
    for preceding in (True, False):
        for sibling in box.itersiblings(preceding=preceding):
            if isinstance(sibling.tag, str):  # (past comments)
                if sibling.tag in _MEDIA_TAGS and not _PORTRAIT.search(sibling.get("class") or ""):
                    return True
                break
    return False


# A picture of the post's author or of the site, beside the title in a post's header: no
# picture that the line beside it would caption.
_PORTRAIT = re.compile(r"avatar|author|byline|headshot|portrait|profile|icon|logo", re.I)


def bylines(
    read: dict[Element, list[Line]], headlines: dict[Element, str] | None = None
) -> dict[Element, list[Element]]:
    """Each post's byline lines' boxes, in order: one shape of line, once in most posts, that
    holds the same few names again and again ("Ben Price", "BBC Wales", "Ben Price in
    Cardiff"), or that opens with a byline's words ("From CNN's Mary Gilbert"), or a name
    alone in every post that `headlines` already titles, its words after it. A post keeps
    its other lines; one that has no other keeps these too."""
    found: dict[Shape, list[tuple[Element, Line]]] = defaultdict(list)
    repeated: dict[Shape, int] = defaultdict(int)
    labelled: set[Line] = set()  # the values of fields labelled as the author ("Autor")
    # "Autor: Ann Lee": each post's opening line that signs it, and the names it gives
    opening: dict[Shape, list[tuple[Element, Line, tuple[str, ...]]]] = defaultdict(list)
    for member, lines_of in read.items():
        shapes = [line.shape for line in lines_of]
        first = True
        for line in lines_of:
            if line.start.tag in HEADINGS or line.box.tag in HEADINGS:
                continue
            if first:
                first = False
                signer = _signing_line(line.text)
                if signer is not None:
                    opening[line.shape].append((member, line, signer))
            label = field_label(line.box, member)
            if label is not None:
                if not _author_label(label.rstrip(" :")):
                    continue  # "Personen", "Erwähnt": people the post names
                labelled.add(line)
            if shapes.count(line.shape) > 1:
                repeated[line.shape] += 1
            elif not (line.text and _runs_on(line.box, line.text)):  # "<b>Scholz</b> – sagt…"
                found[line.shape].append((member, line))
    signed: dict[Element, set[Element]] = defaultdict(set)
    posts = len(read)
    for shape, held in found.items():
        if len(held) < MIN_POSTS or len(held) * 2 < posts or repeated[shape] * _RECUR > posts:
            continue
        texts = [line.text for _, line in held]
        if any(len(t) > _NAME_LENGTH and credited_writers(t) is None for t in texts):
            continue
        enough = _DISTINCT * len(held)
        # (Where each writer files from is no part of the name: "Valerie Quint in Brussels".)
        named = [unplaced(t) for t in texts]
        names = sum(1 for t in named if is_name(t, 2))
        # The same few names, and most lines again whole, places and all: a writer files from
        # where she is based, a day or two on from where she travelled to ("Henry Foy in
        # Brussels", then "… in Kyiv"), where titles that name who is where ("Olaf Scholz in
        # Kyiv", "… in Riga") differ.
        seen = Counter(texts)
        recurring = len(set(named)) * 2 <= len(held) and sum(
            1 for t in texts if seen[t] > 1
        ) * 2 >= len(held)
        # A field whose label says it holds the author is the byline, whatever the value
        # looks like: a user name ("lbecker"), a name and its agency ("Anna Berg (dpa)").
        authored = sum(1 for _, line in held if line in labelled)
        if not (
            (names >= enough and recurring)
            or sum(map(is_byline, texts)) >= enough
            or sum(map(is_desk, texts)) >= enough  # "HT News Desk", "Reuters", post after post
            or authored >= enough
            or (names >= enough and all(_marked_as_writer(line, member) for member, line in held))
            or (len(held) == posts and _names_under_titles(held, read, headlines or {}))
        ):
            continue
        for member, line in held:
            signed[member].add(line.box)
    for opened in opening.values():  # a label and a name opening most posts, like their words
        # The same few writers again and again, where a festival's posts each open with the
        # author of a new book ("Autor: Olga Tokarczuk"): names no more than half the lines,
        # or more than half the lines name one who signs again, as a team of eight takes turns.
        if len(opened) < MIN_POSTS or len(opened) * 2 < posts:
            continue
        signers = {signer for _, _, signer in opened}  # (not where each files from)
        writers = Counter(writer for _, _, signer in opened for writer in set(signer))
        # (a line names one who signs again where any of its writers does, "By Sara Rossi,
        # Mark Bishop" beside "By Sara Rossi")
        again = sum(any(writers[w] > 1 for w in signer) for _, _, signer in opened)
        if len(signers) * 2 <= len(opened) + 1 or again * 2 > len(opened):
            for member, line, _ in opened:
                signed[member].add(line.box)
    return {
        member: [line.box for line in read[member] if line.box in boxes]
        for member, boxes in signed.items()
        if len(boxes) < len(read[member])
    }


# A class that calls a line its post's author or byline, in the languages read here
# ("autor", "auteur", "autore", Spanish and Italian "firma", "redakteur"), the word whole
# ("autorotate" calls it none); not a comment's.
_WRITER_CLASS = re.compile(
    r"author|byline|contributor|(?<![a-z])(?:autor(?:in|en|es|as|e|a|zy)?|auteurs?|firma|"
    r"redakteur(?:in)?|r[eé]dacteur|verfasser)(?![a-z])",
    re.I,
)
# The path of a writer's page, in the languages read here, or of a profile.
_WRITERS_PAGE = re.compile(
    r"/(?:authors?|auteurs?|autor(?:en|es|as?)?|autor[ei]|autorzy|journalist(?:en|e)?|"
    r"profiles?)/[^/?#]",
    re.I,
)


# The boxes of what a post quotes or shows: a quote's attribution, a picture's caption.
_QUOTED = frozenset({"blockquote", "q", "figure", "figcaption", "cite"})
# A box of a post embedded from elsewhere, its account's name and picture no writer's.
_EMBED = re.compile(r"tweet|twitter|embed|instagram|bluesky|mastodon", re.I)
# The boxes of a name set beside its picture in one line ("<img alt=…><b>Anna Berg</b>").
_INLINE_NAMES = frozenset({"span", "b", "strong", "a", "em", "i", "small"})
# "Firma", a signature in Spanish, Italian and Portuguese, a company in German, Polish, Dutch
# and their neighbours: a class naming it vouches for no writer on a page in those.
_COMPANY = re.compile(r"(?<![a-z])firma(?![a-z])", re.I)
_FIRMA_A_COMPANY = ("de", "pl", "nl", "cs", "sk", "sv", "da", "nb", "no", "ro", "hr", "sl")


def _firma_signs(member: Element) -> bool:
    """Whether "firma" on the page may be a signature: its language is none that calls a
    company so (German, Polish, Dutch and their neighbours)."""
    lang = (member.getroottree().getroot().get("lang") or "").lower()
    return not lang.startswith(_FIRMA_A_COMPANY)


def to_writer(link: Element) -> bool:
    """Whether a link goes to a writer's page, by its path or by its `rel="author"`."""
    return (
        bool(_WRITERS_PAGE.search(link.get("href") or ""))
        or "author" in (link.get("rel") or "").lower().split()
    )


def _marked_as_writer(line: Line, member: Element) -> bool:
    """Whether the markup calls the line its writer's: a class of its box, or of a box it
    opens, that names an author or a byline ("autor", "firma"), a link to a writer's page
    around it (`/author/…`, `/profile/…`, `rel="author"`), or the writer's picture just
    before it (a class or a path that says avatar or author, or the name as its `alt` beside
    it in one line, no paragraph under a photo). None inside a quote, a quoted post's embed
    or a picture's caption (who said it, whose account, who took it), nor on a page in a
    language where "firma" is a company's ("div.firma", German, Polish, Dutch)."""
    for box in line.box.iterancestors():
        if box is member:
            break
        if box.tag in _QUOTED or _EMBED.search(box.get("class") or ""):
            return False
    before = line.box.getprevious()
    if before is not None and before.tag in ("img", "picture"):
        picture = before if before.tag == "img" else before.find(".//img")
        if picture is not None and (
            _PORTRAIT.search(f"{picture.get('class') or ''} {picture.get('src') or ''}")
            or ((picture.get("alt") or "").strip() == line.text and line.box.tag in _INLINE_NAMES)
        ):
            return True
    node: Element | None = line.start
    while node is not None and node is not member:
        cls = node.get("class") or ""
        if (
            cls
            and _WRITER_CLASS.search(cls)
            and not _COMMENTS.search(cls)
            and (not _COMPANY.search(cls) or _firma_signs(member))
        ):
            return True
        if node.tag == "a" and to_writer(node):
            return True
        if node is line.box:
            break
        node = node.getparent()
    return False


# A line's first word that opens a place's name or an article's, no person's: "New York", "San
# Diego", "Den Haag", "Los Angeles", "Die Grünen", "Real Madrid".
_PLACE_LEADS = frozenset(
    {"new", "san", "santa", "saint", "st.", "sankt", "los", "las", "den", "the", "die", "der",
     "das", "le", "la", "les", "il", "real"}
)  # fmt: skip
# Words that name a team, a party or a desk's role, in the languages read here: no person's.
_NO_PERSON = frozenset(
    {"party", "partei", "parti", "partido", "partito", "partia", "united", "city", "fc", "sc",
     "afc", "club", "athletic", "rovers", "wanderers", "editor", "correspondent", "reporter",
     "redakteur", "redakteurin", "redaktion", "rédaction", "correspondant", "korrespondent",
     "korrespondentin", "desk", "team", "staff", "newsroom", "wähler", "democrats",
     "republicans", "union", "league"}
)  # fmt: skip
# A word that names an office, a speaker by office ("Prime Minister", "Bundeskanzler Scholz",
# "Porte-Parole Bregeon"), in the languages read here: no writer's name holds one.
_OFFICE = re.compile(
    r"\w*(?:minist(?:er|erin|re|ro|ra)|kanzler(?:in)?|präsident(?:in)?|sekretär(?:in)?|"
    r"bürgermeister(?:in)?|sprecher(?:in)?)\w*|pr[eé]sident[ea]?|prezydent|premier|premiê|"
    r"secretary|secr[eé]taire|secret[aá]ri[oa]|segretari[oa]|sekretarz|chancellor|mayor|"
    r"burgemeester|maire|alcalde(?:sa)?|sindac[oa]|prefeit[oa]|burmistrz|governor|gouverneur|"
    r"gobernador(?:a)?|governador(?:a)?|governatore|spokes(?:man|woman|person)|porte-parole|"
    r"portavo(?:z|ce)|porta-voz|woordvoerder|rzecznik",
    re.I,
)
# An office's word that is a surname too ("Jörg Sprecher", "Ana Mayor", "Claire Le Maire"):
# an office only before a name ("Kanzler Scholz", "Mayor Adams"), never after a first name.
_SURNAME_OFFICE = re.compile(
    r"sprecher(?:in)?|kanzler(?:in)?|mayor|maire|chancellor|premier|gouverneur", re.I
)
# The words that make such a word an office after them, no surname ("Shadow Chancellor",
# "Lord Mayor", "Deputy Mayor", "Vize-Kanzler", "Vice Chancellor").
_OFFICE_MAKERS = frozenset(
    {"shadow", "lord", "lady", "deputy", "vice", "acting", "interim", "former", "first",
     "chief", "prime", "federal", "state", "vize", "adjoint", "stellvertretender",
     "stellvertretende", "ex"}
)  # fmt: skip
# A news agency named alone, whose wire the words are, no writer: by its name, or by a word
# that says it is one ("Agencia EFE", "Nachrichtenagentur").
_AGENCY = re.compile(
    r"(?:the\s+)?(?:associated\s+press|agence\s+france[\s-]presse|press\s+association|"
    r"pa\s+media|europa\s+press|thomson\s+reuters|united\s+press\s+international|"
    r"ria\s+novosti|keystone[\s-]sda)|.*\b\w*(?:agen(?:ce|cia|zia|tur|cja|cy|tschap)|"
    r"persbureau)\b.*",
    re.I,
)
# The words a blog writes before a place, a team or an office and seldom before a person's
# name whole, in the languages read here: "in Hong Kong", "gegen Werder Bremen", "the Home
# Office" (not "to", "from", "à" or "a", which a person's name follows too).
_BEFORE_NO_NAME = (
    r"in|at|into|near|across|outside|against|the|aus|nach|bei|im|gegen|der|die|das|dem|des|au|"
    r"aux|en|vers|depuis|contre|le|la|les|el|los|las|desde|contra|il|lo|gli|verso|contro|uit|"
    r"naar|tegen|het|w|we|przeciw|em|no|na|para"
)
_NOT_NAME_MARKS = re.compile(r"[,;:!?…\"“”()/|]")
_COMMENTS = re.compile(r"comment(?!ary|ator)", re.I)


def _names_under_titles(
    held: list[tuple[Element, Line]],
    read: dict[Element, list[Line]],
    headlines: dict[Element, str],
) -> bool:
    """Whether each post, titled already, holds a name alone in this line's slot before its
    words, none of the name's words among them (a subtitle's come back in the post): a young
    blog's writers, each named once or twice, where the line can be neither title nor body.
    No dateline in capitals ("NEW YORK"), no label ("Breaking News")."""
    for member, line in held:
        text = line.text
        headline = headlines.get(member)
        if not headline or headline == text or text.isupper() or not is_name(text, 2):
            return False
        if _NOT_NAME_MARKS.search(text):
            return False  # "Kyiv, Ukraine", "Heads up!"
        words_ = text.lower().split()
        if words_[0] in _PLACE_LEADS or any(w.strip(".") in _NO_PERSON for w in words_):
            return False  # "New York", "Den Haag", "Real Madrid", "Labour Party", an editor
        if _AGENCY.fullmatch(text) or any(
            _OFFICE.fullmatch(w)
            and not (n and _SURNAME_OFFICE.fullmatch(w) and words_[n - 1] not in _OFFICE_MAKERS)
            for n, w in enumerate(words_)
        ):
            return False  # "Associated Press", "Prime Minister", "Shadow Chancellor"
        if _COMMENTS.search(f"{line.shape[1]} {line.start.get('class') or ''}"):
            return False  # a quoted reader's name ("comment-author")
        after = read[member][read[member].index(line) + 1 :]
        if not after:
            return False  # a post of a name alone: its words
        words = {w.lower() for w in text.split()} - _PARTICLES  # ("de": a word of Dutch too)
        if any(w.lower().strip(".,;:!?") in words for ln in after for w in ln.text.split()):
            return False
    # A subtitle's common words ("Travel Chaos", "Market Reaction"), every one of them written
    # in lower case somewhere in the blog's posts; a name's ("Anna Berg", "Will Smith") seldom
    # are all.
    lower = {
        w.strip(".,;:!?'’\"“”()")
        for lines_ in read.values()
        for ln in lines_
        for w in ln.text.split()
        if w[:1].islower()
    }
    if any(
        all(w.lower() in lower for w in line.text.split() if w not in _PARTICLES)
        for _, line in held
    ):
        return False
    return not _written_as_no_name({line.text for _, line in held}, read, headlines)


def _written_as_no_name(
    texts: set[str], read: dict[Element, list[Line]], headlines: dict[Element, str]
) -> bool:
    """Whether the blog's titles and posts write one of these lines whole after a word that a
    place, a team or an office takes and a person's name seldom does ("Shares in Hong Kong",
    "gegen Werder Bremen", "the Foreign Office"), or in capitals as a dateline ("BUENOS AIRES
    — …"), or, in German, where nouns are capitalised,
    a line's first word in lower case ("die erste Warnung" beside "Erste Reaktionen"): the
    lines say where, who plays or what comes, not who writes."""
    said = " ".join([*headlines.values(), *(normalise_text(raw_text(member)) for member in read)])
    phrases = "|".join(map(re.escape, sorted(texts, key=len, reverse=True)))
    if re.search(rf"(?<!\w)(?i:{_BEFORE_NO_NAME})\s+(?:{phrases})(?!\w)", said):
        return True
    # A line the blog writes in capitals before a dash or a comma, as a dateline opens a
    # post ("BUENOS AIRES — …", "HONG KONG, May 1"): a place, no writer.
    capitals = "|".join(re.escape(t.upper()) for t in sorted(texts, key=len, reverse=True))
    for dateline in re.finditer(rf"(?:{capitals})\s*(?:[{_DASHES}]|,)", said):
        before = said[dateline.start() - 1 : dateline.start()]  # (texts run on: "…AiresHONG")
        if not (before.isupper() or before.isdigit()):
            return True
    root = next(iter(read)).getroottree().getroot()
    if not (root.get("lang") or "").lower().startswith("de"):
        return False
    # (More than half the lines so: one writer's first name German writes in lower case too,
    # "Ernst Weber" beside "die Lage ist ernst", is no subtitle's.)
    firsts = {t.split()[0].lower() for t in texts} - {t.split()[0] for t in texts}
    if len(firsts) * 2 <= len(texts):
        return False
    found = set(re.findall(rf"(?<!\w)(?:{'|'.join(map(re.escape, firsts))})(?!\w)", said))
    return sum(1 for t in texts if t.split()[0].lower() in found) * 2 > len(texts)


def _author_label(label: str) -> bool:
    """Whether a field's label says it holds the author: "Autor", "Autorin", "Verfasst von",
    "Written by", as a byline opens, whatever the name after it looks like."""
    return any(_BYLINE_WORDS.match(f"{label}{after}") for after in (": ", " "))


def field_label(box: Element, member: Element) -> str | None:
    """The text of the label a field prints before the value in `box` (Drupal's
    `div.field__label`, beside the field's items or the box around them), if any."""
    node: Element | None = box
    while node is not None and node is not member:
        before = node.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()  # (a comment between them)
        if before is not None and FIELD_LABEL.search(before.get("class") or ""):
            return normalise_text(raw_text(before))
        node = node.getparent()
    return None


def byline_box(line: Element, member: Element, title: Element | None) -> Element:
    """The box around a byline's line that holds little else (the role beside a name), never
    the post's headline."""
    above = set() if title is None else set(title.iterancestors())
    own = walks.text_length(line)
    node = line
    for parent in line.iterancestors():
        if parent is member or parent in above or next(parent.iter(*HEADINGS), None) is not None:
            break
        if walks.text_length(parent, own + _ROLE_SLACK + 1) > own + _ROLE_SLACK:
            break
        node = parent
    return node


def is_name(text: str, least: int = 1) -> bool:
    """A person's name and no more: a few capitalised words ("Antony Clements-Thrower"), at
    least `least` of them, none a label's ("Breaking News", "Key Event"); the small words of a
    surname between them ("Sanne de Vries") are not counted."""
    words = text.split()
    if len(words) > 2 and any(word in _PARTICLES for word in words[1:-1]):
        words = [words[0], *(w for w in words[1:-1] if w not in _PARTICLES), words[-1]]
    return least <= len(words) <= _NAME_WORDS and all(
        word[0].isupper()
        and not any(c.isdigit() for c in word)
        and word.lower().strip(".:!") not in _LABEL_WORDS
        for word in words
    )


def _signing_line(text: str) -> tuple[str, ...] | None:
    """The writers' names a label or a byline's word and they alone give ("Autor: Sara Rossi",
    "Author: Ann Lee and Bo Li", "Tekst: PAP", "By Sara Rossi", "Von Max Muster"), without
    where each files from ("By Sara Rossi in Kyiv and Tom Reyes in Lviv"), if the line is
    such; not "From …", that opens where a post comes from as often ("From Los Angeles"). A
    wire's credit may run longer ("Reporting by …; additional reporting by …")."""
    if len(text) > _NAME_LENGTH and (len(text) > _CREDIT_LENGTH or not _CREDIT_ROLE.match(text)):
        return None
    lead = _BYLINE_WORDS.match(text)
    if lead is None or lead.group().split()[-1].lower() == "from" or not is_byline(text):
        return None
    name = unplaced(byline_name(unaffiliated(text)))
    if any(word.lower() in _PHRASE_WORDS for word in without_particles(name).split()):
        return None  # a section's title in title case: "By The Numbers", "By Order Of …"
    if is_desk(name):
        return (name,)
    writers = tuple(unplaced(n.strip()) for n in _joined(name))
    return writers if all(is_name(n, 2) for n in writers) else None


# The small words of a phrase that no name holds, capitalised in a title ("By The Numbers",
# "By Order Of The Mayor"); not "A", an initial, nor "Das", "El", "La", a surname's, nor
# "los" after a surname's "de" ("Ana de los Santos").
_PHRASE_WORDS = frozenset(
    {"the", "of", "an", "at", "on", "for", "to", "with", "after", "before", "into", "die",
     "mit", "los", "las", "les"}
)  # fmt: skip


def is_byline(text: str) -> bool:
    """A byline: "By Jane Smith and John Doe", "From CNN's Mary Gilbert", "Von Anna Weber",
    "Posted by Ann Lee", a wire's credit of several roles that names writers ("Reporting by
    Sara Rossi; Editing by Jane Doe")."""
    if ("," in text or ";" in text) and credited_writers(text) is not None:
        return True
    lead = _BYLINE_WORDS.match(text)
    if lead is None:
        return False
    # (an agency after them, "Von Anna Berg, dpa"; where each writer files from, "à Paris",
    # "Sara Rossi in Kyiv and Tom Reyes in Lviv")
    names = " ".join(map(unplaced, _joined(unplaced(unaffiliated(text[lead.end() :])))))
    words = [w for w in names.split() if w.lower() not in _NAME_JOINS]
    return 0 < len(words) <= _NAME_WORDS + 2 and all(w[0].isupper() for w in words)


_DASHES = "—–―-"
_HANDLE = re.compile(r"@?[^\W\d][\w.-]{1,39}")  # a user name, one token: "ana.ribeiro"
_LEADING_DASH = re.compile(rf"^\s*[{_DASHES}]+\s*")


# One role of a wire's credit ("Reporting by …", "Additional reporting by …", "Editing by …"),
# Reuters' way, and the roles that write the post: its reporters and its writer.
_CREDIT_ROLE = re.compile(
    r"(?i:(?:additional\s+)?(reporting|writing|editing|edited|compiled|compiling|production|research|"
    r"graphics|photos?|video|translation|fact-checking)\s+by)\s+(\S.*)"
)
# What sets a credit's roles apart: a semicolon, or a comma before the next role and its "by",
# as AP and smaller wires write them ("Reporting by Sara Rossi, editing by Jane Doe").
_CREDIT_PARTS = re.compile(
    r";|,\s*(?=(?i:(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|compiling|"
    r"production|research|graphics|photos?|video|translation|fact-checking)\s+by)\s)"
)
_WRITING_ROLES = frozenset({"reporting", "writing"})
_CREDIT_LENGTH = 200  # characters: a credit of a few roles, not a paragraph


def credited_writers(text: str) -> str | None:
    """The writers a wire's credit of several roles names, its reporters and its writer and
    not its editors ("Reporting by Sara Rossi and Omar Said in Kyiv; Writing by Lucy Marks;
    Editing by Jane Doe": "Sara Rossi, Omar Said, Lucy Marks"), or None where the line is no
    such credit: every part set apart by ";" (or a comma before a role) a role and its names,
    in brackets or not."""
    if len(text) > _CREDIT_LENGTH:
        return None
    if ";" not in text and ("," not in text or _CREDIT_PARTS.search(text) is None):
        return None  # (its parts are set apart by one or the other: most lines hold neither)
    names = _credited(text)
    return ", ".join(names) if names and all(is_name(n, 2) for n in names) else None


def _credited(text: str, all_named: bool = False) -> list[str] | None:
    """The writers a credit of roles names, none where its roles are editors' alone ("Editing
    by Jane Doe"), or None where a part of the line is no role and its names (`all_named`:
    every role's, "Editing by hand" no credit)."""
    if text[:1] == "(" and text[-1:] == ")":
        text = text[1:-1]
    writers: list[str] = []
    for part in _CREDIT_PARTS.split(text):
        role = _CREDIT_ROLE.fullmatch(part.strip())
        if role is None:
            return None
        names = [unplaced(name.strip()) for name in _joined(role[2].rstrip(". "))]
        if all_named and not all(is_name(name, 2) for name in names):
            return None
        if role[1].lower() in _WRITING_ROLES:
            writers += names
    return [name for name in writers if name]


def byline_name(text: str) -> str:
    """The names a byline gives, without the words it opens with ("From CNN's", "Von") or
    the dash that sets it off ("— Miles Parks, Pam Fessler"), and of a wire's credit of several
    roles its writers alone."""
    if text[:1] in _DASHES or text[:1].isspace():
        text = _LEADING_DASH.sub("", text)
    for opening, closing in _BRACKETS:  # "(Reporting by Sara Rossi)", "（山田太郎）"
        if text.startswith(opening) and text.endswith(closing):
            text = text[1:-1].strip()
    credit = credited_writers(text)
    if credit is not None:  # "Reporting by Sara Rossi; Editing by Jane Doe": the reporter
        return credit
    if len(text) <= _CREDIT_LENGTH and _CREDIT_ROLE.match(text):
        named = _credited(text, all_named=True)  # "Editing by Jane Doe": no writer
        if named is not None:
            return ", ".join(named)
    korean = _KOREAN_CREDIT.fullmatch(text) if _korean_titled(text) else None
    if korean:  # "김민수 기자": the name without the reporter's title
        return korean.group(1).strip(" ,·ㆍ")
    lead = _BYLINE_WORDS.match(text)
    if lead is None:
        return text
    text = _unposted(text)  # "Posted by Ann Lee at 14:05": the name
    if not is_byline(text):  # "Por ana.ribeiro": a user name (Plone's) after the word
        rest = text[lead.end() :].strip()
        return rest if _HANDLE.fullmatch(rest) else text
    words = text[lead.end() :].split()
    if len(words) > 1 and words[0].endswith(("'s", "’s")):  # the publisher's, then the names
        words = words[1:]
    return " ".join(words)


_CLOSING_DEPTH = 6  # boxes descended from a post's end to its last paragraph
_LISTS = frozenset({"ul", "ol", "dl", "table"})
# What closes a quotation or opens a letter's sign-off ("Yours sincerely,", "With best
# wishes,"): the line after it is the quote's attribution or the letter's signature.
_BEFORE_ATTRIBUTION = frozenset("\"”»“’'」』,")
# A Korean reporter's name and title closing a post ("김민수 기자", "김민수 이영희 기자",
# "김민수 특파원"), with an address after it or not.
_KOREAN_CREDIT = re.compile(r"((?:[가-힣]{2,4}[\s,·ㆍ]*){1,3}?)\s*(?:기자|특파원)(?:\s+\S+@\S+)?")


def _korean_titled(text: str) -> bool:
    """Whether a text holds a Korean reporter's title, as each _KOREAN_CREDIT does: a look for
    two words, where most bylines hold neither."""
    return "기자" in text or "특파원" in text


# A Japanese writer's name in brackets closing a post ("（山田太郎）"), as Japanese papers sign.
_BRACKETED_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u9fff々]{2,8}")
# A note in brackets that closes a Japanese post in place of a name: a word of a live page's
# notes ("（続報あり）" more to follow, "（随時更新）", "（速報）", "（詳細は追って）"), or a
# verb's or a copula's ending ("…します", "…です"), which no name holds.
_BRACKETED_NOTE = re.compile(
    r"更新|続報|速報|詳報|追記|訂正|配信|中継|予定|終了|以上|取材|詳細|記事|写真|動画|発表|おわり|終わり|つづく|"
    r"(?:あり|ます|です|って|ください)$"
)
_BRACKETS = (("(", ")"), ("（", "）"))
# The minute a closing byline says its post went up, after the names ("Posted by Ann Lee at
# 14:05", "… at 2:05 PM", "Geplaatst door … om 14.05", "Publié par … à 14h05").
_POSTED_AT = re.compile(
    r"\s+(?i:at|um|à|às|a\s+las?|alle|ore|om|o)\s+\d{1,2}[:.h]\d{2}(?:\s*(?i:uhr|h|[ap]\.?m\.?))?$"
)
# A desk's credit ("HT News Desk", "Web Desk") or a big wire named alone ("Reuters", "AFP").
_DESK = re.compile(r"(?:[A-Z][\w&.-]{0,15}\s+){0,2}(?:Web\s+|News\s+|Digital\s+|Online\s+)?Desk")
_WIRES = frozenset(
    {"reuters", "afp", "ap", "dpa", "pti", "ani", "ians", "efe", "ansa", "kyodo", "yonhap",
     "xinhua", "bloomberg", "apa", "belga", "anp", "pap", "tass", "sda", "ctk", "čtk", "mti",
     "agencias", "agences", "agenturen", "pa media", "aap", "epd", "kna", "europa press", "lusa",
     "keystone-sda", "tasr", "agerpres"}
)  # fmt: skip
# A wire's regional desk's code, or a writer's initials, after it and a slash ("dpa/lby").
_WIRE_CODE = re.compile(r"[a-z]{2,4}")


def is_desk(text: str) -> bool:
    """A desk's credit ("HT News Desk", "Web Desk") or a big wire named alone ("Reuters"),
    or wires and a regional desk's code set apart by slashes ("AFP/dpa", "dpa/lby")."""
    lowered = text.lower()
    if lowered in _WIRES:
        return True
    if "/" in text and len(text) <= _NAME_LENGTH:
        first, *rest = lowered.split("/")
        if first in _WIRES and all(
            part in _WIRES or _WIRE_CODE.fullmatch(orig)
            for part, orig in zip(rest, text.split("/")[1:], strict=True)
        ):
            return True
    return bool(_DESK.fullmatch(text))


def closing_line(member: Element) -> Element | None:
    """The box of the post's last paragraph, found from the post's end down its last boxes
    (a few at most), where a paragraph that follows another closes the post: None where text
    runs on after it, or it sits in a quote, a picture's caption or an embed."""
    node = member
    for _ in range(_CLOSING_DEPTH):
        last = None
        for child in reversed(node):
            if not isinstance(child.tag, str) or child.tag in _NO_LINES:
                if (child.tail or "").strip():
                    return None
                continue
            if (child.tail or "").strip():
                return None  # words run on after it: no box of its own
            cls = child.get("class") or ""
            if cls and is_chrome_class(cls) and not _WRITER_CLASS.search(cls):
                continue  # a share bar, an ad slot after the post's words
            if walks.text_length(child, 1):
                last = child
                break
        if last is None or last.tag in _QUOTED or _EMBED.search(last.get("class") or ""):
            return None
        if last.tag in _LISTS:
            return None  # a list's last item is the list's, no line of its own ("… AP, Reuters")
        if last.tag == "p" or not any(isinstance(c.tag, str) for c in last):
            before = last.getprevious()
            while before is not None and not isinstance(before.tag, str):
                before = before.getprevious()
            return last if before is not None else None
        node = last
    return None


def attributes(line: Element) -> bool:
    """Whether a closing line follows a quotation (a quote's box, or a paragraph that ends
    in a closing quotation mark) or a letter's greeting ("Yours sincerely,"): the name on it
    is the quote's author or the letter's, not the post's writer."""
    before = line.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    if before is None:
        return False
    if before.tag in ("blockquote", "q"):  # a quote's box, but an embedded post's (a tweet)
        return not _EMBED.search(before.get("class") or "")
    if before.tag in ("figure", "img", "picture", "video", "iframe"):
        return False  # a picture's caption is no quotation
    # (British and German stops fall after the closing mark: "“A disgrace”.", "„Nein“.")
    return normalise_text(raw_text(before)).rstrip(".")[-1:] in _BEFORE_ATTRIBUTION


def closing_name(text: str) -> tuple[str, bool] | None:
    """The name a post's closing line gives, and whether the line marks itself a credit
    ("By …", "Von …", "(Reporting by …)", "— …", "… 기자", a desk, a big wire), where a name
    in brackets alone ("（山田太郎）") does not. A wire's credit of several roles gives its
    writers ("(Reporting by Sara Rossi; Editing by Jane Doe)": "Sara Rossi")."""
    if len(text) > _NAME_LENGTH:  # but a wire's credit of several roles
        credit = credited_writers(text)
        return (credit, True) if credit is not None else None
    for opening, closing in _BRACKETS:
        if text.startswith(opening) and text.endswith(closing):
            inner = text[1:-1].strip()
            if _BRACKETED_NAME.fullmatch(inner):
                return None if _BRACKETED_NOTE.search(inner) else (inner, False)
            text = inner
            break
    credit = credited_writers(text)
    if credit is not None:
        return credit, True
    korean = _KOREAN_CREDIT.fullmatch(text) if _korean_titled(text) else None
    if korean:
        return korean.group(1).strip(" ,·ㆍ"), True
    if is_desk(text):
        return text, True
    if text[:1] in _DASHES:  # "— Jesse Pound", "— Reuters"
        name = byline_name(text)
        if name and (is_desk(name) or all(is_name(n.strip(), 2) for n in _joined(name))):
            return name, True
        return None
    text = _unposted(text)  # "Posted by Ann Lee at 14:05"
    if is_byline(text):
        name = byline_name(unaffiliated(text))  # one writer or two ("By Ann Lee and Bo Li")
        if name.lower() in _WIRES or all(is_name(n.strip(), 2) for n in _joined(name)):
            return name, True
    return None


def _unposted(text: str) -> str:
    """A byline without the minute it says its post went up ("Posted by Ann Lee at 14:05")."""
    if text[-1:].isdigit() or text[-1:] in "hmM.":
        posted = _POSTED_AT.search(text)
        if posted is not None:
            return text[: posted.start()]
    return text


def _joined(names: str) -> list[str]:
    """The names a line joins ("Pia Singh and Jeff Cox")."""
    return re.split(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*", names)


def closing_bylines(members: list[Element], posts: int) -> dict[Element, Element]:
    """The posts' closing lines that name their writers, where most posts of the blog close
    with one (`posts` of them in all, at least MIN_POSTS): a credit by its words ("By …",
    "— …", "김민수 기자", "HT News Desk", "Reuters"), or a name in brackets where the same few
    come again. None after a quotation or a letter's greeting, nor in a quote or a caption."""
    found: dict[Element, tuple[Element, str, bool]] = {}
    for member in members:
        line = closing_line(member)
        if line is None:
            continue
        if attributes(line):
            continue  # "— Winston Churchill" after the quote; "Jane Doe" after "Yours,"
        read = closing_name(normalise_text(raw_text(line)))
        if read is not None:
            found[member] = (line, *read)
    if len(found) < MIN_POSTS or len(found) * 2 < posts:
        return {}
    bracketed = [name for _, name, marked in found.values() if not marked]
    if bracketed and len(set(bracketed)) * 2 > len(bracketed):
        found = {m: f for m, f in found.items() if f[2]}  # names in brackets that differ
        if len(found) < MIN_POSTS or len(found) * 2 < posts:
            return {}
    return {member: line for member, (line, _, _) in found.items()}
