"""The generic extractor: a live blog nobody wrote an adapter for is still a list of posts.

Whatever the markup, a live blog repeats one kind of block: siblings of one tag and class,
each a box of its own (not a paragraph), with text, and most of them with the marks of a post
(a time of any kind, a heading, an id, a byline, a share bar). The extractor finds such
groups of siblings, scores them on those marks, and keeps the best, unless it looks like what
a page repeats that is not a live blog's stream: comments, a forum thread, a list of teasers
or related links, a menu. A ticker that gives its entries no box of their own ("<h2>12.31 Uhr:
…</h2>" and paragraphs) is first cut into entries at each line that starts with a time.

Each post then gives its time (an attribute, a visible time: a date and clock, a bare clock,
"2 hours ago", or none; a match minute is not an instant), id, headline, authors and body,
the body read by the same walker as every adapter's. Whether the page is a live blog at all is
decided by crawler/extract/evidence.py, which weighs the stream found here with what else the
page says.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import chain, islice, pairwise
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from archive.records import TIME_CLOCK, Update
from archive.times import JS_DATE, format_utc, parse_utc
from crawler.extract import instant, lines, walks
from crawler.extract.clean import (
    AD_LABELS,
    FIELD_LABEL,
    KEY_EVENT_LABELS,
    PINNED_LABELS,
    TEASER_OPENINGS,
    author_names,
    is_boilerplate,
    is_chrome,
    is_post_label,
    is_share_href,
    is_teaser_label,
    is_template,
    names_part,
    normalise_text,
)
from crawler.extract.clock import (
    CLOCK_LEADS,
    DAY_LINE,
    EDIT_WORDS,
    GAME_MARK,
    MONTHS,
    STAMP_JOINS,
    PageClock,
    Reading,
    ago_words,
    ball_reading,
    day_of_line,
    game_clock_reading,
    in_date_order,
    is_date_line,
    leading_clock,
    minute_reading,
    mostly_rising,
    named_region,
    names_zone,
    next_day,
    on_day_near,
    western_digits,
)
from crawler.extract.completeness import says_read_more
from crawler.extract.dom import (
    HEADINGS,
    Element,
    absolute,
    counts_places,
    document_base,
    fragment_of,
    ids_from_queries,
    in_tree,
    page_of,
    raw_text,
    set_tail,
    set_text,
    text_of,
    without_fragment,
)
from crawler.extract.entries import TIME_NAMES, html_update
from crawler.extract.instant import machine_time

# A post may be a picture or an embedded post and a few words.
_HAS_MEDIA = etree.XPath(
    "boolean(.//img | .//amp-img | .//video | .//iframe | .//blockquote | .//amp-twitter"
    " | .//*[@data-url or @data-embed-url])"
)
# What a link's address holds when it may be a share intent (clean.is_share_href decides), or
# ask a forum to reply or quote (_REPLY_HREF decides).
_SHARE_HINTS = (
    "share", "intent", "wa.me", "whatsapp", "mailto:", "submit", "pin/create", "reply", "quote",
)  # fmt: skip
# Lines that may open a ticker's entry with a time, and what may hold the time at their start.
_LINE_TAGS = frozenset({"h2", "h3", "h4", "h5", "p", "div", "dt"})
_INLINE_LEADS = frozenset({"strong", "b", "em", "i", "a", "span", "time"})
# Blocks a ticker's lines stand between, and the most elements a line broken by <br> holds.
_LINE_ELEMENTS = 8
_INLINE_DEPTH = 3  # inline elements around a time that opens them all ("<b><em><span>19:30")
# Boxes a build wraps each block of a stream in, how deep, and how many children (comments
# included) such a box is looked through for its one element.
_WRAPPERS = frozenset({"div", "section", "article"})
_WRAPPER_DEPTH = 3
_WRAPPER_CHILDREN = 4
_BLOCKS = _LINE_TAGS | {"h1", "h6", "ul", "ol", "figure", "blockquote", "table", "section"}
_SHORT_TEXT = 100  # characters: longer texts are paragraphs, not a time's label
_MODIFIED_NAME = re.compile(r"updat|modif|edit", re.I)
_MODIFIED_CLASS = re.compile(r"updated|modified|edited|last-?mod", re.I)
# A line that says the time after it is the last edit's, in the languages read here.
_EDIT_LABEL = re.compile(rf"\s*(?:last\s+|zuletzt\s+)?(?:{EDIT_WORDS})\b", re.I)
# What a post's stamp says before its clock, in the languages read here: "Posted at 14:05".
# The words that say when a post went up or was edited, in the languages read here.
_POSTED_WORDS = (
    r"posted|published|filed|added|veröffentlicht|publié|pubblicato|publicado|"
    rf"gepubliceerd|geplaatst|opublikowano|dodano|{EDIT_WORDS}"
)
_POSTED = re.compile(rf"\W*(?:sent|{_POSTED_WORDS})\b", re.I)
# What a post's stamp says before the time it went up, beside its last edit's: "Updated 14:50
# · First published 13:05".
_FIRST_POSTED = re.compile(
    r"\b(?:posted|published|veröffentlicht|erschienen|publié|pubblicato|publicado|"
    r"gepubliceerd|geplaatst|opublikowano|dodano)\b",
    re.I,
)
_ZONED_ISO = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)$")
_NAIVE_ISO = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")
# data-id, data-post-id, data-postid; a plugin's prefix before a post's own word too
# (Easy Liveblogs' data-elb-post-id, Liveticker's data-sclt-tick-id); a custom element's own
# attribute without "data-" (django-bulbs' `<bulbs-liveblog-entry entry-id>`).
_ID_ATTR = re.compile(  # (not data-testid, data-test-id…: a test's handle on a kind of box)
    r"^data-(?!(?:test|testing|qa|cy|e2e|automation)-?id$)(?:[a-z]+-?)?id$|"
    r"^data-[a-z]+-(?:post|entry|tick|item|update)-?id$|"
    r"^(?:post|entry|item|update)-id$|"
    r"^data-(?:fullname|tickeritem)$"  # Reddit's things, Contao's liveticker items
)
_RDFA_SUBJECTS = ("resource", "about")
_HEADLINE_CLASS = re.compile(r"title|headline|heading|ttl", re.I)
_PICTURE_CLASS = re.compile(r"media|image|img|photo|picture|gallery|caption", re.I)
_AUTHOR_CLASS = re.compile(r"author|contributor", re.I)
# "comment" as a word of a class ("comment-author", "comments__author"), not a commentary's
# ("commentary__author") or a commentator's.
_COMMENT_WORD = re.compile(r"(?:^|[\s_-])comments?(?:$|[\s_-])", re.I)
# Blocks that hold text, not posts: a paragraph is never one post of a stream by itself.
_TEXT_TAGS = frozenset(
    {"p", "span", "a", "b", "strong", "em", "i", "small", "time", "img", "br", "hr", "h1",
     "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "td", "th", "option",
     "meta", "link", "label", "button", "input", "svg", "path", "script", "style", "noscript"}
)  # fmt: skip
_LINK_ATTRS = ("href", "data-url", "data-share-url", "data-href", "data-permalink")
_PICTURES = frozenset({"img", "picture", "figure"})
# Ranks of time evidence, best first.
EPOCH, ZONED, META, VISIBLE, NAIVE, CLOCK = range(6)
_MIN_TEXT = 30  # characters a member must say to be a post, not a timestamped link
_SHORT_POST = 12  # characters a timed member must say, its time's among them, not in a link
_PLAY_POST = 4  # characters a member a match minute times must say: "80'" and a sign, "⚽"
# A run of boxes this long needs a time on only this share of them (_long_and_timed).
_LONG_RUN = 8
_SOME_TIMED = 0.25
_TIMETABLE_LINE = 120  # characters of a timetable's line: a label and a time
# A label, a colon and a time that ends the line: "España: 18:30 horas", "Kick-off: 8.00pm (ET)".
_LABELLED_TIME = re.compile(
    r"[^:]{2,100}:\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d\s*"
    r"(?:h|hs|hrs?|horas?|uhr|heures?|ore|godz\.?|[ap]\.?m\.?)?\.?\s*"
    r"(?:\(?[A-Z]{2,5}\)?)?\.?$",
    re.I,
)
_HEADLINE_BUDGET = 80  # elements looked at for a headline before the body starts
_HEADER_SLACK = 60  # text beside a time in the header that holds it (a byline, a label)
_LABEL_SLACK = 20  # text beside a time in the box that holds it and a title ("published at")
_TIME_ONLY = 3  # text beside a time in a line that says nothing else (" :", a space)
_PLAY = 10  # text beside a match minute in its line that tells a play ("Kilkenny 2-21 Galway")
_SENTENCE_WORDS = 4  # words beside a time in a paragraph that make it a sentence, not a label
_SEGMENT_CLASS = "lba-entry"  # the box given to each entry of a ticker that has none
_TICKER_LINES = 3  # lines opening with a time, among one box's children, that make a ticker
_PINNED_LEVELS = 2  # boxes around the stream's box in which posts pinned above it are looked for
_PINNED_MOST = 3  # posts a page pins above its stream
_FEW_LINKS = 0.5  # the most of a post's text that links may be, in a stream of two
_COMMENTS_TIMED = 0.8  # the share of boxes named comments that a time must date to be posts

# What a page repeats that is not a live blog's stream, as its boxes name themselves.
_COMMENT = r"comment|kommentar|commentaire|commento|comentario|comentário|reactie|komentarz"
_CHAT = r"(?:^|[\s_-])chat(?:s|box|room|lines?|-?msgs?|-?messages?)?(?:$|[\s_-])"
_NOT_A_STREAM = re.compile(
    rf"{_COMMENT}|"
    r"disqus|discussion|reply|replies|respond|forum|thread|postbit|"
    # A chat's messages beside a player ("chat-message", "chat__line", "chatbox").
    rf"{_CHAT}|"
    r"related|recommend|teaser|promo|sponsor|advert|outbrain|taboola|"
    r"most-?read|popular|trending|read-?more|more-?(?:news|stories|from)|also|"
    r"sidebar|widget|newsletter|breadcrumb|pagination|menu|navigation|(?:^|[\s_-])nav(?:$|[\s_-])|"
    r"footer|masthead|carousel|slider|gallery|tags?(?:$|[\s_-])|author-?box",
    re.I,
)
# What the boxes of a stream may call themselves all the same: La Vanguardia's posts are
# `div.comment`s (the publisher's comments on the news), which a reply button or a time
# missing from some tells from readers' (_score).
_COMMENT_NAME = re.compile(_COMMENT, re.I)
# ...and what a live blog's stream calls itself.
_A_STREAM = re.compile(
    r"live|ticker|stream|feed|timeline|coverage|updates|entries|events|posts|blog|"
    r"cronaca|commentary|direct|diretta|vivo|minute|chrono|verslag|relacja",
    re.I,
)
# The page's own boxes: never a post.
_PAGE_TAGS = frozenset({"html", "head", "body", "main"})
# Boxes a stream never sits in.
_OUTSIDE = frozenset({"aside", "nav", "footer", "header", "menu"})
# The labels in-stream promotions open with ("WATCH VIDEO", "read also", "advertisement").
_PROMO_LABEL = re.compile(
    rf"\s*(?:{'|'.join(TEASER_OPENINGS)}|zobacz wideo|sponsored|advertisement|anzeige|werbung|"
    r"reklama|publicidad|publicité|pubblicità)\b",
    re.I,
)
# What a list of teasers is titled, beyond the promotions' labels, in the languages read here.
_TEASER_TITLES = re.compile(
    _PROMO_LABEL.pattern
    + r"|\s*(?:most (?:read|popular)|more (?:on this|stories|news|from)|you may also like|"
    r"recommended|trending|meistgelesen|les plus lus|i più letti|lo más leído|mais lidas|"
    r"meest gelezen|najczęściej czytane|najpopularniejsze)\b"
    # A channel's schedule beside its player, the title alone ("Today's schedule", "Later on
    # News 24"): programmes, not posts.
    r"|\s*(?:(?:today['’]s |tonight['’]s )?(?:tv[ -]?guide|(?:tv[ -]?)?(?:schedule|listings))|"
    r"schedule for (?:today|tonight)|programme guide|coming up|up next|(?:later|next) on .+|"
    r"(?:tv-)?programm|sendeplan|programme tv|grille des programmes|palinsesto|programación|"
    r"programação|tv-gids|ramówka|műsor(?:újság)?)\s*:?\s*$",
    re.I,
)
_TEASER_TITLE = 60  # characters: a list's title, not a post's first line
# Words on a forum post or a comment's buttons, in the languages read here ("Report", "Melden"
# alone is no reply: a live blog's posts may carry it too).
_REPLY_WORDS = re.compile(
    r"^\s*(?:reply|antworten|répondre|repondre|rispondi|responder|reageer|reageren|odpowiedz|"
    r"zitieren|quote|citer|cita|رد|回复|回覆|返信|답글|پاسخ)\s*$",
    re.I,
)


@dataclass(slots=True)
class _Time:
    element: Element
    value: str
    rank: int
    modified: bool
    text: str = ""
    reading: Reading | None = None
    # What the reader sees: a `datetime` the page renders, or a time printed in its text;
    # data-* attributes and <meta> are the machine's.
    shown: bool = False


@dataclass
class _Marks:
    """What one pass over the page's body finds, in page order."""

    # Elements with an attribute whose name speaks of time ("datetime", "data-timestamp",
    # "data-date"; which of them hold a time is decided later), and <time> elements.
    timed: list[Element] = field(default_factory=list)
    metas: list[Element] = field(default_factory=list)  # <meta content> with a ':' in it
    bylines: list[Element] = field(default_factory=list)  # a class that may name a byline


@dataclass
class Stream:
    """The posts the generic extractor found, and how sure it is that they are a stream."""

    updates: list[Update] = field(default_factory=list)
    # Share of the posts that carry a time of some kind (a match minute included).
    timed: float = 0.0
    # Share of the posts with the other marks of a post: a heading, an id, a byline, a share bar.
    marked: float = 0.0
    # The class and id of the stream's box and of its first post: what they call themselves.
    names: str = ""
    # Share of the posts stamped with a match minute ("45+2'"): a commentary's.
    minuted: float = 0.0
    # The id() of each update whose time is a relative one it shows ("2h ago"): the hour or
    # minute it went up, which an exact time of its structured data may state (merge).
    rough: frozenset[int] = frozenset()
    # The posts' match minutes run down the page, as a live commentary's do, newest first: not
    # a report's key moments in the order they came, nor a recipe's steps, each with how long
    # it takes ("30'").
    minutes_fall: bool = False
    # Every post a card that leads to a page of its own: its headline a link there, its words
    # a summary's ("Latest news" beside a channel's player). Only a page that says in its
    # structured data or a vendor's markup that it is a live blog vouches for such a list.
    linked: bool = False
    # Every post a card that leads to a page under this one (Libération's, CNN's): "story"
    # where this page's address is a story's (`/world/live/ukraine-war-live`), "section"
    # where it is a section's (`/politics/`, `/direct/`), whose stories lie under it too.
    carded: str = ""
    # The day alone that a post's `<time datetime="2024-04-27">` gives, of each post that
    # shows one, on a stream none of whose posts has a time: an archive's entries (a band's
    # past shows) are dated so.
    days: tuple[str, ...] = ()
    # Every post one short line in a box named a ticker but not a live one (`div.news-ticker`,
    # `ul.ticker`), beside an article whose running text, elsewhere on the page, is longer: a
    # site's bar of its latest headlines. Only a title that says live vouches for such lines.
    marquee: bool = False
    # The id() of each update whose time is its last edit's, the only one it shows ("Updated
    # 14:40"): structured data's earlier time is when it went up (merge).
    edited: frozenset[int] = frozenset()
    # No post has a time, and the posts read as entries of another kind: a Q&A's questions,
    # a recipe's numbered steps, cards each leading to a page of their own (a podcast's
    # episodes, "Listen"; a concert hall's events, "Book tickets"). Only a page that says in
    # its structured data or a vendor's markup that it is a live blog vouches for them.
    entries: bool = False
    # The posts are a short timeline's, a few untitled lines whose times rise down the page,
    # read as a ticker's only because they all fall between the page's start and its last
    # change: only the page's address or title saying live vouches for them (not a box's
    # name, `div.market-ticker-report`, nor a badge).
    happened: bool = False


def extract(
    root: Element,
    url: str,
    clock: PageClock | None = None,
    classes: Iterable[str] | None = None,
) -> Stream:
    """The posts of the page's best stream, with how strongly they look like one.

    `classes`: the page's distinct class attributes, where a survey has them (page.py's):
    without one a pin's word, no post's box is looked at for a pin's badge."""
    walked = _walk_page(root)
    texts, marks = walked.texts, walked.marks
    headings = walked.headings if walked.headings is not None else root.iter(*HEADINGS)
    worded = _segment_tickers(texts, clock, headings, root)
    by_element: dict[Element, list[_Time]] = defaultdict(list)
    labelled: dict[Element, bool] = {}  # a <time> holds both a machine and a shown time
    for reading in find_times(marks, labelled):
        by_element[reading.element].append(reading)
    if clock is not None:
        _bare_times_in_words(by_element, clock)
        clock = in_date_order(clock, ((element, text) for element, text, _ in texts))
    shown = visible_times(texts, clock, labelled)
    features = _Features.of(root, by_element, shown, walked)
    walks.marked_up(worded, features.timed)  # (entries dated by how long ago in words alone)
    features.scheduled = _titled_schedule(root)
    if classes is not None:
        named = list(classes)
        features.badged = any(_PIN_WORD.search(cls) is not None for cls in named)
        features.highlighted = any(
            "--highlight" in cls or "--essential" in cls or "--key" in cls for cls in named
        )
    # The best group whose boxes say something as posts: an index of the posts, each line a
    # link to one of them, may outrank the stream on a page that shows only its first posts.
    ranked = _ranked_groups(_candidates(root, features), features, clock)
    base = document_base(root, url)  # what the posts' links are relative to: <base href>
    stamps = set(by_element).union(time.element for time in shown)
    for best in ranked:
        read = _Openings(stamps, by_element)  # (each box read once by the passes below)
        group = _with_flat_days(_with_its_parts(best, ranked, root), ranked, read)
        group = _with_trailing_blocks(group, clock)
        group = _with_posts_boxed_together(group, read)
        stream = _stream(group, features, by_element, shown, marks, url, clock, base)
        if stream.updates:
            return stream
    return Stream()


def _with_its_parts(best: _Group, ranked: list[_Group], root: Element) -> _Group:
    """The group and the other parts of its stream: a build that splits a long stream into
    stages (boxes of one tag and class, an aside or an ad between them) holds timed posts of
    one kind in each; read together, in page order, they are one stream."""
    if not best.timed:
        return best
    kind = _kind(best)
    parts = [
        group
        for group in ranked
        if group.container is not best.container  # (a subset of its boxes, by one class)
        and group.timed
        and _kind(group) == kind
        and not _nested(group.container, best.container)
    ]
    if not parts:
        return best
    order = {box: n for n, box in enumerate(_in_page_order(root, [best, *parts]))}
    groups = sorted([best, *parts], key=lambda group: order[group.container])
    members = [member for group in groups for member in group.members]
    shares = {box: share for group in groups for box, share in group.link_shares.items()}
    return replace(best, members=members, link_shares=shares)


@dataclass
class _Openings:
    """What the passes over a stream's boxes (_with_flat_days, _with_posts_boxed_together)
    read of each box, read once: its opening's shape, its time, and the order of a run of
    boxes. Read afresh for each candidate stream, as _with_posts_boxed_together cuts boxes."""

    stamps: set[Element]
    by_element: dict[Element, list[_Time]]
    shapes: dict[Element, tuple[str, str] | None] = field(default_factory=dict)
    times: dict[Element | None, datetime | None] = field(default_factory=lambda: {None: None})
    directions: dict[tuple[Element, ...], int] = field(default_factory=dict)


def _shapes(members: list[Element], read: _Openings) -> list[tuple[str, str] | None]:
    """Each box's _opening_shape, read once."""
    known = read.shapes
    for member in members:
        if member not in known:
            known[member] = _opening_shape(member, read.stamps)
    return [known[member] for member in members]


def _times(members: Sequence[Element | None], read: _Openings) -> list[datetime | None]:
    """Each box's _box_time (None for no box), read once."""
    known = read.times
    for member in members:
        if member not in known:
            known[member] = _box_time(member, read.by_element)
    return [known[member] for member in members]


def _with_flat_days(best: _Group, ranked: list[_Group], read: _Openings) -> _Group:
    """A stream of boxes of one post each that opens each with a time and a title, and a box
    among them holding several posts set flat, shaped as the boxes open (one of its boxes, a
    box of their tag and first class beside them, `<div class="post pinned">`, or a box of
    their day's tag and class beside their day, `<div class="day"><time>…</time><h2>…</h2><p>…
    <time>…`): the flat posts, each with words and in the stream's order among themselves,
    are the stream's too, where the page sets them."""
    members = best.members
    if len(members) < 2 or not best.timed:
        return best
    stamps = read.stamps
    opening = Counter(_shapes(members, read))
    shape, count = opening.most_common(1)[0]
    if shape is None or count * 2 <= len(members):
        return best  # (boxes that open otherwise)
    boxes = set(members)
    outer = best.container.getparent()
    day = (best.container.tag, best.container.get("class") or "")
    post = (members[0].tag, _first_class(members[0].get("class")))
    direction: int | None = None  # (read where a box of flat posts asks)
    flat: dict[Element, _Group] = {}
    titles: dict[str, Element] | None = None
    level: list[tuple[str, int]] = []
    for group in ranked:
        box = group.container
        if box is best.container or len(group.members) < 2 or group.members[0] in boxes:
            continue  # (a part of the stream already: a day's box of flat posts beside another)
        parent = box.getparent()
        if not (
            box in boxes
            or (parent is best.container and (box.tag, _first_class(box.get("class"))) == post)
            or (parent is outer and (box.tag, box.get("class") or "") == day)
        ):
            continue
        if not _flat_posts(group, shape, stamps):
            continue
        if titles is None:
            headings = {member: _title_of(member) for member in members}
            level = Counter(h.tag for h in headings.values() if h is not None).most_common(1)
            titles = {_words_of(h): m for m, h in headings.items() if h is not None}
        heads = [_title_of(member) for member in group.members]
        if any(
            h is None or h.tag != level[0][0] or titles.get(_words_of(h), box) is not box
            for h in heads
        ):  # (a reader's comments under a lesser heading, key events repeating the titles)
            continue
        if direction is None:
            direction = _direction(members, read)
        if _direction(group.members, read) not in (0, direction):
            continue  # (a box's own order against the stream's: a timeline, teasers)
        flat[box] = group
    if not flat:
        return best
    posts = [
        m for member in members for m in (flat.pop(member).members if member in flat else [member])
    ]
    for parent in (best.container, outer):  # (boxes beside: their posts where the page sets them)
        extras = [group for box, group in flat.items() if box.getparent() is parent]
        if not extras or parent is None:
            continue
        place = {box: n for n, box in enumerate(parent)}
        extended = [*posts, *(m for group in extras for m in group.members)]
        keys = {m: place.get(_under(m, parent)) for m in extended}
        if None not in keys.values():  # (a stream whose parts lie elsewhere: its boxes alone)
            posts = sorted(extended, key=lambda m: keys[m] or 0)
    shares = {box: _link_share(box) for box in posts}
    return replace(best, members=posts, link_shares=shares)


def _under(element: Element, parent: Element) -> Element | None:
    """The element's ancestor (or itself) whose parent is `parent`."""
    node: Element | None = element
    while node is not None and node.getparent() is not parent:
        node = node.getparent()
    return node


def _flat_posts(group: _Group, shape: tuple[str, str], stamps: set[Element]) -> bool:
    """Whether a group's boxes are a ticker's own (the boxes this module gives a flat ticker's
    entries), each opening as the stream's boxes do and holding words of its own."""
    return all(
        member.get("class") == _SEGMENT_CLASS
        and _opening_shape(member, stamps) == shape
        and _holds_words(member)
        and not _titled_by_link(member)
        for member in group.members
    )


def _titled_by_link(member: Element) -> bool:
    """Whether a box's title is a link and nothing else, as a teaser's is ("Latest news",
    "Most read", a key event's)."""
    heading = _title_of(member)
    if heading is None:
        return False
    text = _words_of(heading)
    return bool(text) and " ".join(_words_of(a) for a in heading.iter("a")) == text


def _title_of(member: Element) -> Element | None:
    """A box's title: the first heading in (or as) its first two children."""
    for child in member[:2]:
        if isinstance(child.tag, str):
            heading = child if child.tag in HEADINGS else next(child.iter(*HEADINGS), None)
            if heading is not None:
                return heading
    return None


def _words_of(element: Element) -> str:
    return " ".join(raw_text(element).split())


def _box_time(member: Element, by_element: dict[Element, list[_Time]]) -> datetime | None:
    """The time a box's first child (or the first time within it) says, where the page's
    markup gives one."""
    first = next((child for child in member if isinstance(child.tag, str)), None)
    if first is None:
        return None
    for element in (first, *first.iterdescendants()):
        readings = by_element.get(element)
        if readings:
            return parse_utc(readings[0].value)
    return None


def _direction(members: list[Element], read: _Openings) -> int:
    """-1 where the boxes' opening times fall down the page (newest first), 1 where they
    rise, 0 where they do not say."""
    key = tuple(members)
    if key in read.directions:
        return read.directions[key]
    times = [t for t in _times(members, read) if t is not None]
    falls = sum(a > b for a, b in pairwise(times))
    rises = sum(a < b for a, b in pairwise(times))
    read.directions[key] = direction = -1 if falls > rises else 1 if rises > falls else 0
    return direction


def _with_trailing_blocks(group: _Group, clock: PageClock | None) -> _Group:
    """A stream whose boxes hold only a post's header (its time, its title) and whose words
    are the blocks after each box, up to the next (`<div class="liveblog--anchor">` with the
    time and an `<h2>`, then `<p>`s): each box and its blocks boxed as one post."""
    members = group.members
    parent = members[0].getparent() if members else None
    if parent is None or len(members) < _TICKER_LINES:
        return group
    if any(m.getparent() is not parent or _holds_words(m) for m in members):
        return group  # the posts' boxes hold their words
    boxes = set(members)
    followed = 0
    for member in members:
        node = member.getnext()
        while node is not None and node not in boxes:
            if node.tag in _TRAILING_BLOCKS and walks.text_length(node, _MIN_TEXT) >= _MIN_TEXT:
                followed += 1
                break
            node = node.getnext()
    if followed * 2 < len(members):
        return group
    _wrap(parent, members, clock)
    entries = [member.getparent() for member in members]
    shares = {entry: _link_share(entry) for entry in entries}
    return replace(group, members=entries, link_shares=shares)


def _with_posts_boxed_together(group: _Group, read: _Openings) -> _Group:
    """A stream whose boxes each open with a time and a title (`<div class="post"><time>…
    </time><h2>…</h2><p>…`), most holding one such opening, where a box holds two or more, as
    a CMS that wraps the posts it publishes together does: each opening and the blocks after
    it, up to the next, a box of its own, of the box's tag and class. An opening whose time
    breaks the stream's order (later than its box's own in a stream that runs newest first, or
    past the next box's) is a later addition of the post's own, no post."""
    members = group.members
    if len(members) < _TICKER_LINES:
        return group
    stamps = read.stamps
    shapes = {
        m: shape
        for m, shape in zip(members, _shapes(members, read), strict=True)
        if shape is not None
    }
    if len(shapes) * 2 <= len(members) or len(set(shapes.values())) > 1:
        return group  # (boxes that open otherwise: no opening to cut at)
    shape = next(iter(shapes.values()))
    boxed: list[Element] = []
    for preceding, member, following in zip(
        [None, *members[:-1]], members, [*members[1:], None], strict=True
    ):
        starts = [
            n
            for n, child in enumerate(member)
            if n and (child.tag, child.get("class") or "") == shape and _opens_post(child, stamps)
        ]
        if starts and (direction := _direction(members, read)):
            starts = _in_order(member, starts, (preceding, following), direction, read)
        boxed.append(member)
        if member not in shapes or not starts:
            continue
        children = list(member)
        after = member
        for n, end in zip(starts, [*starts[1:], len(children)], strict=True):
            box = etree.Element(member.tag, {"class": member.get("class") or ""})
            box.text = "\n"
            for part in children[n:end]:
                box.append(part)
            after.addnext(box)
            after = box
            boxed.append(box)
    if len(boxed) == len(members):
        return group
    shares = {box: _link_share(box) for box in boxed}
    return replace(group, members=boxed, link_shares=shares)


def _in_order(
    member: Element,
    starts: list[int],
    neighbours: tuple[Element | None, Element | None],
    direction: int,
    read: _Openings,
) -> list[int]:
    """The openings within a box whose times keep the stream's order: each no later (in a
    stream newest first, unless no later than the box above either: a post an editor backdated
    by minutes; no earlier oldest first) than the opening before it, and not past the next
    box's where the box itself keeps the order (a pinned box of earlier posts on top). An
    opening that says no time keeps its place."""
    last, above, below = _times([member, *neighbours], read)
    by_element = read.by_element
    if last is not None and below is not None and (below - last).total_seconds() * direction < 0:
        below = None  # (the box out of the stream's order itself: pinned on top)
    kept = []
    for n in starts:
        child = member[n]
        readings = by_element.get(child) or next(
            (by_element[e] for e in child.iterdescendants() if e in by_element), None
        )
        moment = parse_utc(readings[0].value) if readings else None
        if moment is not None:
            if (
                last is not None
                and (moment - last).total_seconds() * direction < 0
                and (direction > 0 or above is None or moment > above)
            ):
                continue  # (written after the post's opening and the post above: its addition)
            if below is not None and (below - moment).total_seconds() * direction < 0:
                continue
            last = moment
        kept.append(n)
    return kept


def _opening_shape(member: Element, stamps: set[Element]) -> tuple[str, str] | None:
    """The tag and class of the box's first child, where it opens a post: a time and a title.
    A box of no class around them is none: a bare box is any box (a picture's, a card's)."""
    first = next((child for child in member if isinstance(child.tag, str)), None)
    if first is None or not (first in stamps or first.get("class")):
        return None
    if not _opens_post(first, stamps):
        return None
    return (first.tag, first.get("class") or "")


def _opens_post(child: Element, stamps: set[Element]) -> bool:
    """Whether a box's child is a time (or a box holding one) with a title after or in it."""
    if child not in stamps and not any(element in stamps for element in child.iterdescendants()):
        return False
    after = child.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    return (after is not None and after.tag in HEADINGS) or next(
        child.iter(*HEADINGS), None
    ) is not None


# The blocks after a post's header box that hold its words.
_TRAILING_BLOCKS = frozenset({"p", "ul", "ol", "blockquote", "figure"})


def _holds_words(box: Element) -> bool:
    """Whether a box holds a paragraph of words of its own (a post's body, not its header)."""
    return any(walks.text_length(p, _MIN_TEXT) >= _MIN_TEXT for p in box.iter("p"))


def _kind(group: _Group) -> tuple[str, str, str, str]:
    """What the parts of one stream share: their boxes' tag and class, their posts' tag and
    first class."""
    first = group.members[0]
    box = group.container
    return (box.tag, box.get("class") or "", first.tag, _first_class(first.get("class")))


def _nested(one: Element, other: Element) -> bool:
    return any(a is other for a in one.iterancestors()) or any(
        a is one for a in other.iterancestors()
    )


def _in_page_order(root: Element, groups: list[_Group]) -> list[Element]:
    """The groups' boxes in the order the page gives them (one walk, until all are met)."""
    wanted = {group.container for group in groups}
    found = []
    for element in root.iter(etree.Element):
        if element in wanted:
            found.append(element)
            if len(found) == len(wanted):
                break
    return found


def _stream(
    best: _Group,
    features: _Features,
    by_element: dict[Element, list[_Time]],
    shown: list[_Time],
    marks: _Marks,
    url: str,
    clock: PageClock | None,
    base: str,
) -> Stream:
    """The group's posts, read; their links resolved against `base`."""
    pinned = _pinned_above(best, features)
    for box in pinned:
        best.link_shares[box] = _link_share(box)
    members = pinned + best.members
    if clock is not None:
        _drop_opening_times(best.members, clock)
    times = _member_times(members, by_element, shown, url, clock)
    if clock is not None:
        _ago_in_words(members, times, clock)
    _phase_marks(members, times)
    bylines = _bylines(marks, set(members))
    above = _headings_above(best.members)
    posts: list[tuple[Element, Update]] = []
    for member in members:
        update = _update(
            member, times[member], url, bylines.get(member, []), above.get(member), base
        )
        if (
            (update.headline or update.body_text or update.media)
            and not _is_promo(member, update, best.link_shares[member])
            and not is_template(update.headline, update.body_text)
        ):
            posts.append((member, update))
    timed = [reading for readings in by_element.values() for reading in readings] + shown
    posts = _read_by_shape(posts, times, timed, url, bylines, base, clock)
    targets = _cards_elsewhere(posts, url)
    if targets and not _in_stream_order([u.published_at for _, u in posts]):
        return Stream()  # a section's index of its live blogs, by interest or days apart
    linked = bool(targets) and not all(_post_page(target, url) for target in targets)
    if targets and not linked:
        _ids_from_post_pages(posts, targets)
    # Cards to pages under this one: a live page's own posts, unless the page is a section's
    # (`/politics/`, `/live/`), whose stories lie under it too; there a picture that links to
    # the card's page as its title does makes it a teaser.
    section = bool(targets) and not linked and _section_path(url)
    if section and (
        _thumbnails(posts, targets, url) or not all(_post_page_below(t, url) for t in targets)
    ):
        linked = True
    carded = ("section" if section else "story") if targets and not linked else ""
    posts = _without_intro_and_outro(posts, times, set(pinned))
    updates = _unpinned(posts, set(pinned), features.badged, features.highlighted)
    ids = [u.source_id for u in updates if u.source_id]
    if len(ids) != len(set(ids)):
        updates = _without_copies(updates)
        ids = [u.source_id for u in updates if u.source_id]
    if len(ids) == len(updates) and counts_places(
        [(u.source_id, u.published_at) for u in updates], True
    ):
        for update in updates:  # `article#post-1` on the newest: places, renumbered by each post
            update.source_id = update.permalink = None
        ids = []
    if len(ids) != len(set(ids)):  # ids repeated across posts are layout, not identity
        for update in updates:
            update.source_id = update.permalink = None
    if not ids and len(posts) >= 2:
        _ids_from_shares(posts, url)
        _ids_from_time_links(posts, times, url)
    if not _speaks(updates):
        return Stream()
    readings = [times[member] for member, _ in posts]
    happened = _timeline(updates, [member for member, _ in posts], readings)
    if happened and not _written_as_it_happened(updates, readings, clock):
        return Stream()
    if _place_bare_clocks(posts, times, clock, features.scheduled):
        return Stream()  # a recording's chapters, or a programme of what is to come today
    if clock is not None and (
        _to_come(updates, clock) or _listed_ahead(updates, clock) or _dated_ahead(updates, clock)
    ):
        return Stream()
    minuted = sum(1 for member, _ in posts if _minute_stamped(times[member])) / max(len(posts), 1)
    if (not minuted and _a_boards_rows(updates)) or _a_scores_list(updates):
        return Stream()  # a line status board's rows ("Good service"), a live scores page's
    rough = frozenset(id(u) for member, u in posts if _relative_time(u, times[member]))
    edited = frozenset(id(u) for member, u in posts if _edited_time(u, times[member]))
    fall = _minutes_fall([times[member] for member, u in posts if not u.pinned])
    days = (
        ()
        if any(update.published_at for update in updates)
        else tuple(day for member, _ in posts if (day := _day_alone(member)) is not None)
    )  # (read where no post has a time: only then does an archive's day matter)
    marquee = not minuted and _a_marquee(best.container, updates)  # (not a match's minutes)
    entries = not best.timed and _entries_of_another_kind(posts, url)
    return Stream(
        updates,
        best.timed,
        best.marked,
        best.names,
        minuted,
        rough,
        fall,
        linked,
        carded,
        days,
        marquee,
        edited,
        entries,
        happened,
    )


def _a_boards_rows(updates: list[Update]) -> bool:
    """Whether the posts are a board's rows: three or more say one thing word for word (a
    line's "Good service", a component's "Operational") and no two show different times (none
    has one, or each the board's one minute), where none shows a match's minute either (a
    commentary's, whose posts come at minutes of their own). A live blog's posts each say
    something of their own, at a time of their own."""
    if len(updates) < lines.MIN_POSTS or len({u.published_at for u in updates}) > 1:
        return False  # (at times of their own, read on: a commentary's "Goal!" thrice)
    if any(u.headline and _words(u.headline) > _BOARD_NAME for u in updates):
        return False  # (a blog's news titled by a sentence, beside its "Good service restored")
    said = Counter(u.body_text for u in updates if u.body_text)
    return bool(said) and said.most_common(1)[0][1] >= _BOARD_REPEATS


_BOARD_REPEATS = 3  # rows that say one status word for word
_BOARD_NAME = 3  # words at most in a board's row's name ("Hammersmith & City line", "API")


def _words(text: str) -> int:
    """How many words a title has, a mark between them ("&", "–") none."""
    return sum(1 for word in text.split() if any(c.isalpha() for c in word))


def _a_scores_list(updates: list[Update]) -> bool:
    """Whether the posts are a live scores page's matches: none at a time of the day, four in
    five titled by two sides and their score alone ("Arsenal 2-0 Chelsea", "Köln 0:0
    Mainz"), no two the same sides. A blog's posts say what happened ("GOAL! Arsenal 1-0
    Chelsea"), at times of their own, and its match's sides come again."""
    if len(updates) < lines.MIN_POSTS or any(u.published_at for u in updates):
        return False
    if sum(len(u.body_text) > _SCORE_LINE for u in updates) * 2 >= len(updates):
        return False  # (a blog's posts of every match, each a paragraph of what happened)
    sides = [
        (found.group(1).casefold(), found.group(2).casefold())
        for u in updates
        if u.headline and (found := _SCORE_TITLE.fullmatch(u.headline.strip()))
    ]
    return len(sides) * 5 >= len(updates) * 4 and len(set(sides)) == len(sides)


_SCORE_LINE = 60  # characters at most under a scores page's score ("Kane scores twice.")

# A title that is two sides and their score alone: "Arsenal 2-0 Chelsea", "Köln 0:0 Mainz".
_SCORE_TITLE = re.compile(r"([^\W\d][^\d]*?)\s+\d{1,2}\s?[-–:]\s?\d{1,2}\s+([^\W\d][^\d]*)")


def _entries_of_another_kind(posts: list[tuple[Element, Update]], url: str) -> bool:
    """Whether untimed posts read as entries of another kind than a blog's: four in five
    titled as questions (a Q&A's, an FAQ's), their titles numbered 1, 2, 3 in order (a
    recipe's steps, "Step 1", a list's items), each box with an audio player of its own (a
    podcast's episodes), or each leading by a link of its own, outside its words, to a page
    of its own on the site (a podcast's "Listen", an event's "Book tickets"). A live blog's
    posts, untimed, run newest first under titles of news, and link out, if at all, from
    their words or to be shared."""
    if len(posts) < lines.MIN_POSTS:
        return False
    headlines = [update.headline or "" for _, update in posts]
    if sum(1 for h in headlines if h.rstrip().endswith(_QUESTION_MARKS)) * 5 >= len(posts) * 4:
        return True
    numbered = [
        int(found.group(2)) if (found := _NUMBERED.match(h)) and not _a_day(found.group(1)) else 0
        for h in headlines
    ]
    if numbered == list(range(1, len(numbered) + 1)):
        return True
    if all(next(member.iter("audio"), None) is not None for member, _ in posts):
        return True  # each its own player: a podcast's episodes, a radio's programmes
    return _each_leads_away(posts, url)


_QUESTION_MARKS = ("?", "？", "؟")
# A number that opens a title, alone or after a word ("1.", "Step 1", "Schritt 2", "Tip 3").
_NUMBERED = re.compile(r"\W*(?:([^\W\d]+)\s+)?(\d{1,3})(?![\d:,]|\.\d)")
# Words of a day that a diary's posts are numbered by ("Day 3 – Talks"), no step's.
_DAY_WORDS = frozenset({"day", "tag", "jour", "día", "dia", "dag", "giorno", "dzień", "päivä"})


def _a_day(word: str | None) -> bool:
    return word is not None and word.casefold() in _DAY_WORDS


def _each_leads_away(posts: list[tuple[Element, Update]], url: str) -> bool:
    """Whether each post, none with a post's own marks (an id, a byline, a share bar),
    holds a link of a few words outside its words (no paragraph's, list item's, quote's or
    heading's) to a page of the site that is neither this one nor one under it, a different
    one for each."""
    host = urlsplit(url).netloc.lower()
    here = without_fragment(url)
    targets = set()
    for member, update in posts:
        if update.authors or _member_id_attribute(member):
            return False
        target = None
        for link in member.iter("a"):
            href = link.get("href")
            if is_share_href(href):
                return False
            address = absolute(href, url) if href else None
            if (
                target is None
                and address is not None
                and urlsplit(address).netloc.lower() == host
                and without_fragment(address) != here
                and not _post_page(address, url)
                and len(text_of(link).split()) <= _CALL_WORDS
                and not _in_words(link, member)
            ):
                target = without_fragment(address)
        if target is None:
            return False
        targets.add(target)
    return len(targets) == len(posts)


def _in_words(element: Element, member: Element) -> bool:
    """Whether an element stands in a paragraph, a list's item, a quote or a heading of the
    post."""
    for above in element.iterancestors():
        if above is member:
            return False
        if above.tag in _WORDS_BOXES:
            return True
    return False


_CALL_WORDS = 3  # words of a call to action's link at most ("Listen", "Book tickets")
_WORDS_BOXES = frozenset(
    {"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption"}
)


def _a_marquee(container: Element, updates: list[Update]) -> bool:
    """Whether the posts are a site's bar of its latest headlines beside an article: each an
    untitled line of a sentence, in a box named a ticker, or within a few boxes of one, that
    names no live ticker or blog (`div.news-ticker`, `ul.ticker`, `div.newsticker`), where the
    page's running text (one box's paragraphs) lies outside it and says more than its lines.
    A ticker that is the page's main text says more than its standfirst."""
    if any(u.headline or len(u.body_text) > _MARQUEE_LINE or "\n" in u.body_text for u in updates):
        return False
    boxes = list(islice(chain((container,), container.iterancestors()), _MARQUEE_DEPTH))
    names = " ".join(f"{node.get('class') or ''} {node.get('id') or ''}" for node in boxes)
    if not _TICKER_NAME.search(names) or _YOUNG_BLOG_BOX.search(names) is not None:
        return False
    if any(_YOUNG_BLOG_BOX.search(_box_heading(node)) for node in boxes):
        return False  # headed "Liveticker", "Live blog": the box's own heading says live
    said = sum(len(u.body_text) for u in updates)
    inside = set(container.iter("p"))
    running: dict[Element, int] = defaultdict(int)
    counted: dict[Element, int] = defaultdict(int)
    for paragraph in container.getroottree().getroot().iter("p"):
        parent = paragraph.getparent()
        if paragraph in inside or parent is None:
            continue
        running[parent] += walks.text_length(paragraph, said + 1)
        counted[parent] += 1
        if running[parent] > said and counted[parent] >= _ARTICLE_PARAGRAPHS:
            return True  # (a standfirst of a paragraph or two is no article)
    return False


def _box_heading(box: Element) -> str:
    """The text of the heading that opens a box or stands just before it, if any."""
    for node in (box[0] if len(box) else None, box.getprevious()):
        if node is not None and node.tag in HEADINGS:
            return walks.text(node)
    return ""


# A box's name that calls it a ticker: "ticker", "news-ticker"; French sites' "fil info"
# (`div.fil-info`, `ul.fil_info`, `div.filinfo`), their stream of one-line news.
_TICKER_NAME = re.compile(r"ticker|(?<![a-z])fil[-_]?info(?![a-z])", re.I)
_MARQUEE_LINE = 200  # characters a line of a bar of headlines runs to at most
_MARQUEE_DEPTH = 3  # the box and the boxes around it that may name it a ticker
_ARTICLE_PARAGRAPHS = 3  # paragraphs of an article's running text at least, in one box


def _day_alone(member: Element) -> str | None:
    """The day a post's first `<time>` gives machines, where it gives a day alone."""
    for element in member.iter("time"):
        value = (element.get("datetime") or "").strip()
        return value if _DAY_ALONE.fullmatch(value) else None
    return None


_DAY_ALONE = re.compile(r"\d{4}-\d\d-\d\d")


def _ago_in_words(
    members: list[Element], times: dict[Element, list[_Time]], clock: PageClock
) -> None:
    """A post of a stream whose posts say how long ago, that shows no time, may say it in
    words alone ("an hour ago", "منذ ساعة", "یک ساعت پیش"): short texts without a digit,
    which the walk for times passes over (short_texts), are read in such posts only, where a
    box holds that phrase and a label at most ("Updated an hour ago"), no sentence around it
    ("As we reported <a>a year ago</a>, …"), no heading ("Πριν από ένα χρόνο", a year ago),
    no quote or embed. A `<time>` that gives machines no time ("<time>an hour ago</time>")
    is such a box: its post shows no time yet. A ticker's entry cut at a title line that
    says so (_segment_tickers: "<h3>vor einer Stunde</h3>") is dated by it, in any stream,
    before any time shown in its words."""
    ago = any(_ago(t) for member in members for t in times[member])
    for member in members:
        if member.get("class") == _SEGMENT_CLASS and (lead := _worded_lead(member, clock)):
            times[member].insert(0, lead)  # (before a time its words show: a tweet's card)
            continue
        if not ago or any(t.value for t in times[member]):
            continue
        for element in member.iter(etree.Element):
            text = element.text or ""
            reading = None if len(element) else _words_ago(text, clock)
            if (
                reading is not None
                and not _in_sentence(element)
                and element.tag not in HEADINGS
                and not _quoted_in(element, member)
            ):
                times[member].append(
                    _Time(element, reading.utc or "", VISIBLE, False, text, reading, True)
                )
                break


def _bare_times_in_words(by_element: dict[Element, list[_Time]], clock: PageClock) -> None:
    """A `<time>` that gives machines no time and says how long ago in words alone, nothing
    else ("<time>half an hour ago</time>"), not in a sentence, shows its post's time as its
    figured forms do ("2 hours ago", which the walk for times reads): a blog begun an hour
    ago shows no figure yet."""
    for element, readings in by_element.items():
        if element.tag != "time" or len(readings) != 1 or readings[0].rank != CLOCK:
            continue
        text = walks.text(element).strip()
        reading = _words_ago(text, clock)
        if reading is not None and not _in_sentence(element):
            readings[0] = _Time(element, reading.utc or "", VISIBLE, False, text, reading, True)


def _words_ago(text: str, clock: PageClock) -> Reading | None:
    """How long ago in words alone, a label at most beside it ("an hour ago", "Updated an
    hour ago", "vor einer Stunde"), as a short box of its own says it; else None."""
    if not text or len(text) > _AGO_LINE or _HAS_DIGIT.search(text):
        return None
    reading = clock.read(text)
    if (
        reading is not None
        and reading.kind == "relative"
        and reading.clock is None
        and len(text.replace(reading.text, " ").split()) <= _AGO_LABEL_WORDS
    ):
        return reading
    return None


def _worded_lead(member: Element, clock: PageClock) -> _Time | None:
    """The time of a ticker's entry whose title line (its first or second line: after a
    title, "<h3>Titel</h3><h4>vor einer Stunde</h4>") says how long ago in words alone."""
    for line in member[:2]:
        if not isinstance(line.tag, str):
            continue
        unit = _boxed_line(line)
        if not (_heading_alone(unit) or _title_line(unit)):
            continue
        if walks.text_length(unit, _AGO_LINE + 1) > _AGO_LINE:
            continue
        text = text_of(unit)
        reading = _ago_alone(text, clock, worded=True)
        if reading is not None and reading.clock is None:
            node = unit
            while len(node) == 1 and not (node.text or "").strip() and isinstance(node[0].tag, str):
                node = node[0]
            return _Time(node, reading.utc or "", VISIBLE, False, text, reading, True)
    return None


_HAS_DIGIT = re.compile(r"\d")
_AGO_LABEL_WORDS = 2  # words beside how long ago in its box: a label, "Updated", "نشر"


def _quoted_in(element: Element, member: Element) -> bool:
    """Whether an element stands in a quote, a figure, an aside or a heading of the post: an
    embedded tweet's card ("منذ يومين"), a headline's words, not the post's own stamp."""
    return any(a.tag in _QUOTED or a.tag in HEADINGS for a in _until(element, member))


def _minutes_fall(times: list[list[_Time]]) -> bool:
    """Whether the posts' match minutes, in page order, fall three times as often as they rise
    at least (a minute corrected may rise; the posts pinned on top are left out, the goals a
    commentary pins there rising as they came)."""
    minutes = [m for readings in times if (m := _match_minute(readings)) is not None]
    rising = sum(1 for above, below in pairwise(minutes) if below > above)
    falling = sum(1 for above, below in pairwise(minutes) if below < above)
    return falling > 0 and falling >= _MINUTES_FALL * rising


_MINUTES_FALL = 3


def _match_minute(readings: list[_Time]) -> tuple[int, int] | None:
    """A post's match minute as (minute, added): "45+2'" is (45, 2); a cricket ball's as
    (over, ball): "19.4" is (19, 4)."""
    for t in readings:
        label = t.reading.minute if t.reading is not None else None
        if label and label.startswith(_PHASE_MARK):
            continue  # ("HT": a match's phase, which the page orders)
        if label and label.startswith(GAME_MARK):  # "G3 08:41": the later, the less time left
            period, _, left = label[len(GAME_MARK) :].partition(" ")
            minutes, _, seconds = left.partition(":")
            return int(period), -(int(minutes) * 60 + int(seconds))
        if label:
            minute, _, added = label.rstrip("'").replace(".", "+").partition("+")
            return int(minute), int(added or 0)
    return None


def _relative_time(update: Update, readings: list[_Time]) -> bool:
    """Whether the post's time is how long ago it went up, as it shows ("2h ago"), no
    machine's."""
    return update.published_at is not None and any(
        t.shown and _ago(t) and t.value == update.published_at for t in readings
    )


def _ago(time: _Time) -> bool:
    """Whether a time shown says how long ago ("2 hours ago"): its hour or minute, no more
    ("Today at 8:20 AM", a day's word and a clock, says its minute)."""
    reading = time.reading
    return reading is not None and reading.kind == "relative" and reading.clock is None


def _to_come(updates: list[Update], clock: PageClock) -> bool:
    """Whether most timed posts are dated after the fetch, by more than a zone's hours: a
    programme of what is to come (concerts, fixtures), which no live blog's posts are."""
    fetched = clock.fetched_at.timestamp()
    moments = [m for u in updates if (m := instant.seconds(u.published_at)) is not None]
    ahead = sum(1 for moment in moments if moment > fetched + _AHEAD)
    return ahead >= lines.MIN_POSTS and ahead * 2 > len(moments)


_AHEAD = 14 * 3600  # seconds a time may run ahead of the fetch in a wrongly guessed zone


def _dated_ahead(updates: list[Update], clock: PageClock) -> bool:
    """Whether untimed posts are mostly dated by a line of words that states a day alone, as
    their title or their first line ("Saturday 10 May"), days after the fetch: a concert
    hall's programme, which no live blog's posts are, untimed or not. A programme lists its
    days soonest first; a blog's news about days to come (a festival's tickets for each day)
    names them in no order."""
    if len(updates) < lines.MIN_POSTS or any(u.published_at for u in updates):
        return False
    today = clock.fetched_at.date()
    days: list[date] = []
    for update in updates:
        first = update.body_text.split("\n", 1)[0]
        for line in (update.headline, first):
            if line and len(line) <= DAY_LINE and (day := day_of_line(line, today)) is not None:
                days.append(day)
                break
    ahead = sum((day - today).days > 1 for day in days)  # (not tomorrow, in a zone ahead)
    in_order = all(earlier <= later for earlier, later in pairwise(days))
    return in_order and ahead >= lines.MIN_POSTS and ahead * 2 > len(updates)


def _listed_ahead(updates: list[Update], clock: PageClock) -> bool:
    """Whether the posts' times rise down the page and run on past the fetch: a programme
    (a channel's schedule, a departures board) whose later items are to come. (A live blog
    whose machine times label local clocks as UTC runs ahead at its newest posts, the top
    of a stream that runs newest first.)"""
    fetched = clock.fetched_at.timestamp() + _SOON
    moments = [m for u in updates if (m := instant.seconds(u.published_at)) is not None]
    if len(moments) < lines.MIN_POSTS or moments[-1] <= fetched:
        return False
    return mostly_rising(moments) and sum(1 for m in moments if m > fetched) >= _AHEAD_LEAST


_SOON = 15 * 60  # seconds a post's time may run ahead of the fetch (a server's clock)
_AHEAD_LEAST = 2  # items of a programme after the fetch


def _timeline(updates: list[Update], members: list[Element], readings: list[list[_Time]]) -> bool:
    """Whether the posts are a short timeline of what happened: a few untitled lines, each
    dated, or each stamped with a match minute, in the order things happened (an article's
    "What we know" or "Key events" list, a match report's key moments, "12' Goal! …", "27'
    Yellow card…"), which no live blog is. A live blog runs newest first, or long, or its markup calls each
    post an update, a post or an entry, in an id or a data attribute that ids it (a Django
    live blog's `div#live-update-301[data-update-id]`, oldest first; not a list's
    `li#event-3`, nor a programme's `div#sendung-50211[data-id]`)."""
    if len(updates) >= _LONG_RUN or any(u.headline or "\n" in u.body_text for u in updates):
        return False
    if members and all(_called_a_post(member) for member in members):
        return False
    clocks = [c for times in readings if (c := _bare_clock(times)) is not None]
    if len(clocks) == len(readings) == len(updates):
        if _in_a_blog(members):
            return False  # a young blog's first lines, read oldest first, whenever they fall
        if not _named_posts(members):
            return all(b > a for a, b in pairwise(clocks))  # (a funeral's order of the day)
    moments = [m for u in updates if (m := instant.seconds(u.published_at)) is not None]
    if len(moments) == len(updates):
        return all(b > a for a, b in pairwise(moments))
    minutes = [n for times in readings if (n := _match_minute(times)) is not None]
    return len(readings) == len(updates) == len(minutes) and all(
        b > a for a, b in pairwise(minutes)
    )


def _written_as_it_happened(
    updates: list[Update], readings: list[list[_Time]], clock: PageClock | None
) -> bool:
    """Whether every post's time falls between the time its page went up and its last change,
    both stated in its markup, less than a day and a half apart: the page was written while
    its lines happened, a ticker read oldest first ("zum Nachlesen", "as it happened"). An
    article's timeline tells of things before it went up, a programme of things after its
    last change, and a page changed days after it went up tells nothing of when; a
    programme's items, clocks alone, all fall on the hour or the half hour, as no ticker's
    posts do (times shown as "2 hours ago" may)."""
    if clock is None or clock.opened is None or clock.changed is None:
        return False
    opened, changed = clock.opened.timestamp(), clock.changed.timestamp()
    if not 0 < changed - opened <= _WRITING_SPAN:
        return False
    moments = [m for u in updates if (m := instant.seconds(u.published_at)) is not None]
    if len(moments) != len(updates) or len(moments) < lines.MIN_POSTS:
        return False
    clocks = [c for times in readings if (c := _bare_clock(times)) is not None]
    if len(clocks) == len(updates) and all(minute % 30 == 0 for _, minute in clocks):
        return False  # a programme's items, all on the hour or the half hour ("14:00", "15:30")
    return all(opened - _START_EARLY <= m <= changed + _SOON for m in moments)


_WRITING_SPAN = 36 * 3600  # seconds from a ticker page's start to its last change, at most
_START_EARLY = 30 * 60  # seconds a ticker's first post may come before its page's start


def _named_posts(members: list[Element]) -> bool:
    """Whether the boxes, or the box that holds them, name themselves a blog's or its posts
    (`div.liveblog` > `div.storm-update`): a young blog read oldest first, each post a line."""
    parent = members[0].getparent() if members else None
    around = "" if parent is None else f"{parent.get('class') or ''} {parent.get('id') or ''}"
    return _BLOG_BOX.search(around) is not None or all(
        _POST_WORD.search(member.get("class") or "") is not None for member in members
    )


def _in_a_blog(members: list[Element]) -> bool:
    """Whether the box that holds the posts names itself a live blog or a live ticker
    (`div.liveblog`, `div.live-ticker`), and no teaser: a ticker alone (`div.news-ticker`,
    `ul.ticker`) is a site's marquee of headlines or prices as often as a blog."""
    parent = members[0].getparent() if members else None
    around = "" if parent is None else f"{parent.get('class') or ''} {parent.get('id') or ''}"
    return _YOUNG_BLOG_BOX.search(around) is not None and _NOT_A_STREAM.search(around) is None


# A box that names itself a live blog: "liveblog", "live-ticker", "liveticker", "blog".
_YOUNG_BLOG_BOX = re.compile(r"live[\s_-]?(?:blog|ticker)|(?<![a-z])blog(?![a-z])", re.I)


def _bare_clock(readings: list[_Time]) -> tuple[int, int] | None:
    """The clock a post shows where nothing else dates it ("10:30"): each one, read alone, is
    put on the day that keeps it before the fetch, and only the clocks tell their order."""
    if any(time.value and not time.shown for time in readings):
        return None  # (its markup dates it)
    for time in readings:
        if time.reading is not None and time.reading.kind == "clock" and not time.modified:
            return time.reading.clock
    return None


def _called_a_post(member: Element) -> bool:
    """Whether a box's id, or a data attribute that ids it, calls it an update, a post or an
    entry: the box's own, or, where the stream was cut into lines (_segment_tickers), its
    first line's box."""
    node = member[0] if member.get("class") == _SEGMENT_CLASS and len(member) else member
    if not isinstance(node.tag, str):
        return False
    return any(
        (name == "id" or _ID_ATTR.match(name)) and _POST_WORD.search(f"{name} {value}")
        for name, value in node.items()
    )  # ("live-update-301", "data-update-id"; not "event-6", nor a programme's "data-id")


def _words_between_non_letters(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{'|'.join(words)})(?![a-z])", re.I)


# The words by which a box calls itself a post, each between other than letters ("live-update-
# 301", "data-entry-id", "post_12", `div.storm-update`): in an id, a data attribute or a class.
_POST_WORDS = ("update", "post", "entry")
_POST_WORD = _words_between_non_letters(_POST_WORDS)
# With those by which any listing's box, a blog's or a site's teasers', calls itself one
# (microformats' "hentry", "article-item"): a post's own name only in a class beside the tags
# it is filed under (_unfiled), where ids and data attributes name every teaser an article.
_A_POSTS_NAME = _words_between_non_letters((*_POST_WORDS, "hentry", "article"))


def _speaks(updates: list[Update]) -> bool:
    """Whether enough of the posts say a sentence (five words in a row) or show something
    (a video, an embed, a quote, a captioned picture): rows of figures and names (a
    departures board, share prices, results by district) are a table's, not a live blog's
    posts, whose words run on even where they are few."""
    needed = -(-len(updates) // _PROSE_LEAST)  # (a stream of prose is done with at its first posts)
    for update in updates:
        words = (
            f"{update.headline}\n{update.body_text[:_SAY]}"
            if update.headline
            else update.body_text[:_SAY]
        ).translate(_VOWEL_SIGNS)
        if (
            _a_sentence(words)
            or _a_short_sentence(words)
            or _a_run_on_sentence(words)
            or any(m.get("type") != "image" or m.get("caption") for m in update.media)
        ):
            needed -= 1
            if needed <= 0:
                return True
    return needed <= 0


# Five words in a row on one line (a table's cells are lines apart), punctuation after one
# too ("says, in a few words"); a figure breaks the run.
_SENTENCE = re.compile(r"(?:[^\W\d_][\w'’.-]*[,;:!?)\]\"”»]*[ \t\u00a0]+){4}[^\W\d_]")
_SAY = 600  # characters of a post's words in which a sentence is looked for


def _a_sentence(words: str) -> bool:
    """Five words in a row, and two words of three letters or more that no capital opens
    (a sentence's "voted", "from", "über"; any word of a script without capitals): not a data
    row's place, "10 km SW of Town A" (an earthquake's), whose words are names and units."""
    return _SENTENCE.search(words) is not None and _two_common_words(words)


def _a_short_sentence(words: str) -> bool:
    """A post that is wholly one short sentence of three words or more, no figure in it,
    ending in its full stop, and two words of three letters or more that no capital opens: a
    match ticker's "Yellow card for Hummels.", not a board's row of names and figures."""
    return _SHORT_SENTENCE.fullmatch(words.strip()) is not None and _two_common_words(words)


def _two_common_words(words: str) -> bool:
    common = (m for m in _WORD.finditer(words) if not m.group()[0].isupper())
    return next(common, None) is not None and next(common, None) is not None


def _a_run_on_sentence(words: str) -> bool:
    """A sentence of a script that runs its words together (Chinese, Japanese): a dozen of its
    letters or more on one line, ended by its full stop ("…観測しました。"), not a name's or
    a figure's row; or two dozen letters in a row of a script that runs its words together
    and ends its sentences with a space or nothing (Thai, Lao, Burmese, Khmer), longer than a
    name or a title's few words."""
    return ("。" in words and _RUN_ON_SENTENCE.search(words) is not None) or (
        _UNSPACED_SENTENCE.search(words) is not None
    )


# Thai, Lao, Burmese and Khmer letters (their vowel signs taken out first: _VOWEL_SIGNS).
_UNSPACED_SENTENCE = re.compile(
    r"[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e\u0e81-\u0edf"
    r"\u1000-\u103f\u1780-\u17d3]{24,}"
)
# The vowel signs and other marks of the scripts of India and South-East Asia (Devanagari to
# Sinhala, Thai, Lao, Tibetan, Burmese, Khmer): "राजधानी" is one word, but its signs are no
# letters to a regular expression's `\w`, so a sentence is read with them taken out.
_VOWEL_SIGNS = {
    code: None
    for low, high in ((0x0900, 0x0DFF), (0x0E00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF))
    for code in range(low, high + 1)
    if unicodedata.category(chr(code)) in ("Mn", "Mc")
}


_RUN_ON_SENTENCE = re.compile(
    r"(?:[\u3040-\u30ff\u3400-\u9fff][^\n。\u3040-\u30ff\u3400-\u9fff]{0,3}){12}[^\n。]*。"
)  # (its letters, a figure or a comma between them: "東京23区で", "すぎ、東京")
_SHORT_SENTENCE = re.compile(r"(?:[^\W\d_][\w'’-]*[,;:]?[ \t\u00a0]+){2,}[^\W\d_][\w'’-]*[.!?]")
_WORD = re.compile(r"[^\W\d_]{3,}")
_PROSE_LEAST = 3  # one post in this many at least says a sentence


def _without_intro_and_outro(
    posts: list[tuple[Element, Update]], times: dict[Element, list[_Time]], pinned: set[Element]
) -> list[tuple[Element, Update]]:
    """The posts without the stream's opening and closing words, where they sit in boxes of
    the posts' shape (NU.nl's "In dit liveblog houden we je op de hoogte…" and "Volg ook…"):
    a first or last box with neither a time nor a title, where every other post, four or
    more, has both; or one whose class calls it the stream's introduction (CBS's
    `post-update content__post--intro`, "What to know…"), where every other post, two or
    more (a young blog's), has a time. A first box right after the introduction's own paragraph above it, in the stream's box
    ("…Here are the live updates:"), is no second introduction but the stream's first post,
    untimed."""
    if len(posts) <= _NAMED_LEAST:
        return posts

    def bare(member: Element, update: Update) -> bool:
        return not times[member] and not update.headline and member not in pinned

    edges = {i for i in (0, len(posts) - 1) if bare(*posts[i])}
    if 0 in edges and _introduced(posts[0][0]):
        edges.discard(0)
    if not edges:
        return posts
    rest = [post for i, post in enumerate(posts) if i not in edges]
    if len(rest) < _NAMED_LEAST or not all(times[m] for m, _ in rest):
        return posts
    if len(rest) >= _EDGE_LEAST and all(u.headline for _, u in rest):
        return rest
    named = {i for i in edges if _INTRO_CLASS.search(posts[i][0].get("class") or "")}
    return [post for i, post in enumerate(posts) if i not in named]


_EDGE_LEAST = 4  # timed and titled posts beside which an edge box without either is none
_NAMED_LEAST = 2  # timed posts beside which a box its class calls the introduction is none

_INTRO_CLASS = re.compile(r"intro|summary|overview|what-?to-?know", re.I)


def _introduced(member: Element) -> bool:
    """Whether a paragraph of words that announces what follows stands right before the post
    in its box: the stream's introduction, above its posts (The Hindu's lead paragraphs,
    ending "Here are the live updates:"). A lead that ends its sentence may stand above a
    box that introduces the blog (NU.nl's "In dit liveblog…")."""
    before = member.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()  # (a comment between them)
    if before is None or before.tag != "p":
        return False
    words = text_of(before).strip()
    return words.endswith(":") and len(words.split()) >= _INTRO_WORDS


_INTRO_WORDS = 3  # words of a paragraph that introduces the stream, at least


def _without_copies(updates: list[Update]) -> list[Update]:
    """The posts without a second showing of one (a "Key events" tab repeating rows of the
    commentary): a post whose id an earlier one has, and whose headline and words are that
    one's, is that post again."""
    seen: dict[str, tuple[str | None, str]] = {}
    kept = []
    for update in updates:
        key = update.source_id
        if key and seen.get(key) == (update.headline, update.body_text):
            continue
        if key and key not in seen:
            seen[key] = (update.headline, update.body_text)
        kept.append(update)
    return kept


def _ids_from_shares(posts: list[tuple[Element, Update]], url: str) -> None:
    """Posts that no markup names, whose share links each pass on the post's own address,
    the page's with one query parameter naming it (Al Jazeera's `?update=2871109`, inside
    Facebook's, X's and WhatsApp's links): that value is each post's id, that address its
    permalink (dom.ids_from_queries)."""
    addresses: list[str] = []
    for member, _ in posts:
        own = {
            address
            for href in walks.attribute_values(member, "a", "href", "?")
            if is_share_href(href)
            for address in _passed_on(href)
        }
        if len(own) != 1:
            return
        addresses.append(own.pop())
    pages = {page_of(url)}
    own_pages = [address for address in addresses if page_of(address) in pages]
    values = ids_from_queries(own_pages, pages) if len(own_pages) == len(addresses) else None
    for (_, update), value, address in zip(posts, values or (), addresses, strict=False):
        update.source_id, update.permalink = value, address


def _ids_from_time_links(
    posts: list[tuple[Element, Update]], times: dict[Element, list[_Time]], url: str
) -> None:
    """Posts that no markup names, whose time links to the post's own page on this site, the
    link holding the time alone (the Times of Israel's `/liveblog_entry/<slug>/` around its
    clock): each page's number, else its last step, is the post's id, and its address the
    post's permalink, where more than half the posts have one. Each post's own: a post
    without one (a new post on top), or a page or an id two posts share (two entries that
    sum up one story), names no post, and the others keep theirs, so that no such post
    changes every post's identity from one fetch to the next."""
    here = without_fragment(url)
    host = urlsplit(url).netloc.lower()
    links: list[str | None] = []
    for member, update in posts:
        if update.source_id is not None:
            return
        target = next(
            (link for time in times[member] if (link := _time_link(time, member, url))), None
        )
        try:
            parts = urlsplit(target) if target is not None and target != here else None
        except ValueError:  # ("https://[www.example.com/…": no address at all)
            parts = None
        ours = parts is not None and parts.netloc.lower() == host and bool(parts.path.strip("/"))
        links.append(target if ours else None)
    found = [link for link in links if link is not None]
    if len(found) < 2 or 2 * len(found) <= len(posts):
        return
    ids = [_own_page_id(link) if link is not None else None for link in links]
    shared, taken = Counter(found), Counter(own for own in ids if own is not None)
    for (_, update), link, own in zip(posts, links, ids, strict=True):
        if link is not None and own is not None and shared[link] == 1 and taken[own] == 1:
            update.source_id, update.permalink = own, link


def _own_page_id(address: str) -> str | None:
    """A post's own page's number, else its last step; a slug's (the step with words) where
    the number is short enough to be the slug's year or count ("…-held-in-2024",
    "…-to-1200"), not a CMS's id."""
    number, last = _page_number(address), _last_step(address)
    if number is not None and len(number) < _ID_DIGITS and last and not last.isdigit():
        return last
    return number or last


_ID_DIGITS = 5  # a CMS's id after a slug has this many at least ("…-110327441")


def _time_link(time: _Time, member: Element, url: str) -> str | None:
    """The address of the link around a post's time that holds that time alone, without its
    fragment."""
    written = time.reading.text if time.reading is not None else raw_text(time.element)
    shown = normalise_text(written)
    for node in (time.element, *time.element.iterancestors()):
        if node is member:
            return None
        if node.tag == "a":
            href = node.get("href")
            if not href or not shown or normalise_text(raw_text(node)) != shown:
                return None
            address = absolute(href, url)
            return without_fragment(address) if address else None
    return None


def _passed_on(share: str) -> list[str]:
    """The addresses a share link passes on in its query (`?u=…`, `?url=…`, a message's
    `text=…` that ends with one)."""
    try:
        values = [value for _, value in parse_qsl(urlsplit(share).query)]
    except ValueError:
        return []
    return [m.group() for value in values for m in _ADDRESS.finditer(value)]


_ADDRESS = re.compile(r"https?://\S+")


def _cards_elsewhere(posts: list[tuple[Element, Update]], url: str) -> list[str]:
    """The pages the posts lead to, where they are cards (a section's index of its live
    blogs, a channel's "latest news" rail): every post's headline a link to another page, a
    different one for each, its words no more than a summary's, none with a post's own marks
    (an id, a byline, a share bar). A live blog's posts whose titles link to their own pages
    (the Times of Israel's) carry those marks or say more. In the posts' order; empty where
    they are not."""
    if len(posts) < lines.MIN_POSTS:
        return []
    here = without_fragment(url)
    targets: list[str] = []
    for member, update in posts:
        links = [(link, link.get("href")) for link in member.iter("a") if link.get("href")]
        if (
            not update.headline
            or update.authors
            or _member_id_attribute(member)
            or any(is_share_href(href) for _, href in links)
        ):
            return []
        target = next(
            (href for link, href in links if normalise_text(raw_text(link)) == update.headline),
            None,
        )
        address = absolute(target, url) if target else None
        if address is None or without_fragment(address) == here:
            return []
        # Its words a summary's: a line or two, or as many as a "Continue reading" link to
        # the same page says are the start of that page's.
        if len(update.body_text) > _SUMMARY and not any(
            href == target and says_read_more(text_of(link)) for link, href in links
        ):
            return []
        targets.append(without_fragment(address))
    return targets if len(set(targets)) == len(posts) else []


def _post_page(target: str, url: str) -> bool:
    """Whether a card's link leads to a page under this one, as a post's own page does: this
    page's path with a query of its own ("?update=123"), or a path below it
    (`/world/live/ukraine-war-live/post-300123`, Libération's `/direct/element/…_91873/`)."""
    try:
        page, card = urlsplit(url), urlsplit(target)
    except ValueError:  # ("https://[news.example.com/…": no address at all)
        return False
    if card.netloc.lower() != page.netloc.lower() or not page.path.strip("/"):
        return False  # (a front page's links lead to the site's stories, no post's own)
    if card.path == page.path:
        return bool(card.query)
    base = page.path.rstrip("/") + "/"
    return card.path.startswith(base) and len(card.path) > len(base)


def _post_page_below(target: str, url: str) -> bool:
    """Whether a card's link leads two steps or more below a section's address to a numbered
    page (Libération's `/direct/element/…_91873/` from `/direct/`), not a step below, where a
    hub's blogs stand (`/live/…/`)."""
    base = urlsplit(url).path.rstrip("/") + "/"
    path = urlsplit(target).path
    steps = [step for step in path[len(base) :].split("/") if step]
    return len(steps) >= 2 and _page_number(target) is not None


def _thumbnails(posts: list[tuple[Element, Update]], targets: list[str], url: str) -> bool:
    """Whether a card shows a picture that links to its page, as its title does: a teaser's
    thumbnail."""
    for (member, _), target in zip(posts, targets, strict=True):
        for link in member.iter("a"):
            href = link.get("href")
            if href and walks.holds(link, _PICTURES):
                address = absolute(href, url)
                if address is not None and without_fragment(address) == target:
                    return True
    return False


def _section_path(url: str) -> bool:
    """Whether an address is a section's, its steps a word or two each without a story's
    slug or number (`/`, `/politics/`, `/news/live`, `/live-updates/`, `/us-news/`,
    `/direct/`), not a story's (`/world/live/ukraine-war-live`, `/budget-live-2/`,
    `…/2024/05/14/…`, `…/article.html`)."""
    steps = [step for step in urlsplit(url).path.split("/") if step]
    return not any(_STORY_STEP.search(step) for step in steps)


_STORY_STEP = re.compile(r"\d|[-_][^-_]+[-_]|\.\w+$")


def _ids_from_post_pages(posts: list[tuple[Element, Update]], targets: list[str]) -> None:
    """Posts whose titles link to their own pages: each page's number, else its last step,
    is the post's id (Libération's `/direct/element/…_91873/`, `/post/123459`, "?update=123",
    `/post/663f1c2ae4b0a1d0f`), and its address the post's permalink, where every post has
    one and no two share it."""
    ids = [_page_number(target) or _last_step(target) for target in targets]
    if None in ids or len(set(ids)) != len(ids):
        return
    for (_, update), own, target in zip(posts, ids, targets, strict=True):
        if update.source_id is None:
            update.source_id, update.permalink = own, target


def _last_step(address: str) -> str | None:
    ends = _address_ends(address)
    return ends[0] if ends else None


def _page_number(address: str) -> str | None:
    """The number that ends a page's address: its query's last value's or its last step's."""
    for text in _address_ends(address):
        found = _PAGE_NUMBER.search(text)
        if found is not None:
            return found.group(1)
    return None


def _address_ends(address: str) -> list[str]:
    """What ends a page's address, as it names the page: its query's last value, then its
    path's last step (those it has)."""
    parts = urlsplit(address)
    values = [value for _, value in parse_qsl(parts.query)]
    steps = [step for step in parts.path.split("/") if step]
    return [end for end in (values[-1] if values else "", steps[-1] if steps else "") if end]


_PAGE_NUMBER = re.compile(r"(?:^|[_-])(\d{3,})(?:\.\w+)?$")
_SUMMARY = 250  # characters of a card's summary: a post of a live blog says more


def _in_stream_order(times: list[str | None]) -> bool:
    """Whether times run as a stream's do: newest first or oldest first, within a day."""
    known = [t for t in times if t]
    if len(known) < 2:
        return True
    newest_first = all(a >= b for a, b in pairwise(known))
    oldest_first = all(a <= b for a, b in pairwise(known))
    first, last = parse_utc(min(known)), parse_utc(max(known))
    within_a_day = first is None or last is None or last - first <= timedelta(days=1)
    return (newest_first or oldest_first) and within_a_day


def _minute_stamped(times: list[_Time]) -> bool:
    return _match_minute(times) is not None


def _headings_above(members: list[Element]) -> dict[Element, Element]:
    """Headings printed just before the posts' boxes, outside them (`<h2>…</h2><div
    class="post">…</div>`, again and again): each post's title, where most posts have one."""
    found: dict[Element, Element] = {}
    for member in members:
        before = member.getprevious()
        while before is not None and not isinstance(before.tag, str):  # a comment
            before = before.getprevious()
        if before is not None and before.tag in HEADINGS and not (before.tail or "").strip():
            found[member] = before
    return found if len(found) >= 2 and len(found) * 5 >= len(members) * 4 else {}


def _pinned_above(best: _Group, features: _Features) -> list[Element]:
    """Posts pinned above the stream in a box of their own (a "sticky" section before the
    list): boxes of the stream's posts' tag and first class, each with a time, that come
    before the stream's box inside the box around it."""
    first = best.members[0]
    cls = _first_class(first.get("class"))
    if not cls:
        return []
    scope = best.container
    for _ in range(_PINNED_LEVELS):
        parent = scope.getparent()
        if parent is None or parent.tag in _PAGE_TAGS:
            if parent is not None and parent.tag == "main":
                scope = parent  # (the sticky box beside the list in <main>, the page's box)
            break
        scope = parent
    above = set(best.container.iterancestors())
    named = _id_name(best.members) if all(map(features.is_timed, best.members)) else None
    found = []
    for element in scope.iter():
        if element is best.container:
            break  # what follows is the stream, and after it
        if (
            element.tag == first.tag
            and element not in above
            and (
                (_first_class(element.get("class")) == cls and features.is_timed(element))
                or (named is not None and _moved_on_top(element, best, named, scope))
            )
            and walks.text_length(element, _MIN_TEXT) >= _MIN_TEXT
            and not _titled_elsewhere(element, best.members)  # (a teaser beside the list)
        ):
            found.append(element)
    found += _pinned_inside(best, features, cls)
    return found if len(found) <= _PINNED_MOST else []  # more are a list of teasers


def _id_name(members: list[Element]) -> str | None:
    """The attribute that gives each of the stream's posts an id of its own, in one shape
    (`data-post-id="urn:newsml:…"`): the name, where every post has one."""
    first = members[0]
    for name in first.attrib:
        if name in ("class", "style") or not (name == "id" or _ID_ATTR.match(name)):
            continue
        values = [m.get(name) for m in members]
        if all(values) and len(set(values)) == len(values):
            shapes = {_id_shape(v or "") for v in values}
            if len(shapes) == 1:
                return name
    return None


def _id_shape(value: str) -> str:
    """An id's words before its first digit ("urn:newsml:localhost:", "post-"): its shape."""
    return re.split(r"\d", value, maxsplit=1)[0]


def _moved_on_top(element: Element, best: _Group, name: str, scope: Element) -> bool:
    """Whether an untimed box above a stream whose posts all have a time is a post a template
    moved on top, without its header (Zeit Online's Live Blog theme renders a pinned post so,
    `article.lb-sticky-top-post` in a list of its own, its class names hashed or not): it has
    the posts' id, in their shape, a class of theirs, and stands in a list of the stream's
    tag that shares a class with the stream's list."""
    value = element.get(name)
    first = best.members[0]
    if not value or _id_shape(value) != _id_shape(first.get(name) or ""):
        return False
    if not set((element.get("class") or "").split()) & set((first.get("class") or "").split()):
        return False
    lists = set((best.container.get("class") or "").split())
    for box in element.iterancestors():
        if box is scope:
            return False
        if box.tag == best.container.tag and set((box.get("class") or "").split()) & lists:
            return True
    return False


def _pinned_inside(best: _Group, features: _Features, cls: str) -> list[Element]:
    """Posts pinned at the top of the stream's own box, each in a box of its own before the
    first post (`<div class="pinned"><span>Pinned</span><article class="post">…`): of the
    posts' tag and first class, with a time, or in a box that says it is pinned."""
    first = best.members[0]
    found = []
    for child in best.container:
        if child is first:
            break
        if not isinstance(child.tag, str):
            continue
        marked = _pinned_class(child.get("class")) or bool(_labels(child) & PINNED_LABELS)
        for element in child.iter(first.tag):
            if (
                element is not child
                and _first_class(element.get("class")) == cls
                and (
                    (marked and not _titled_elsewhere(element, best.members))
                    or features.is_timed(element)
                )
                and walks.text_length(element, _MIN_TEXT) >= _MIN_TEXT
            ):
                found.append(element)
    return found


def _titled_elsewhere(element: Element, members: list[Element]) -> bool:
    """Whether a box leads to a page of its own, not to a place on this one (`#post-12`,
    `?update=12`), by its heading, or by its picture or a "Read more" of its own to the story
    its heading names (`/news/storm-day-2` under "The storm, day 2"), where the stream's posts
    link out so none (Tagesschau's "mehr" under each): a teaser of another story, as a box of
    featured stories holds under a pinned post's label ("In evidenza", the Italian sites' word
    for both). A pinned summary's "Read more on our explainer" or picture opening a gallery
    leads elsewhere, to no story of its heading's."""
    heading = next(element.iter(*HEADINGS), None)
    if heading is None:
        return False
    link = heading.find(".//a[@href]")
    if link is not None:
        return _elsewhere(link)
    named = set(_WORDS.findall(text_of(heading).lower()))
    return any(
        _leads_out(link) and _names_heading(link, named) for link in element.iter("a")
    ) and not any(map(_links_out, members[:_MANNER]))


def _leads_out(link: Element) -> bool:
    """Whether a link leads to a page of its own by a picture or a "Read more"."""
    return _elsewhere(link) and (walks.holds(link, _PICTURES) or says_read_more(text_of(link)))


def _links_out(post: Element) -> bool:
    """Whether a post holds a picture or a "Read more" that leads to a page of its own."""
    return any(_leads_out(link) for link in post.iter("a"))


def _names_heading(link: Element, named: set[str]) -> bool:
    """Whether a link's address ends in the words of a heading, two or more and most of its
    own (`/news/storm-day-2` under "The storm, day 2: as it happened")."""
    path = urlsplit((link.get("href") or "").strip()).path.rstrip("/")
    words = _WORDS.findall(path.rsplit("/", 1)[-1].lower())
    shared = sum(word in named for word in words)
    return shared >= _SLUG_WORDS and 2 * shared >= len(words)


_WORDS = re.compile(r"[^\W_]+")
_SLUG_WORDS = 2  # words of a heading an address names, at least, to be its story's
_MANNER = 3  # the stream's first posts whose links out make such links the blog's manner


def _elsewhere(link: Element) -> bool:
    """Whether a link leads to a page of its own: not to a place on this one, nor to a
    picture's file (a photo opened larger)."""
    href = (link.get("href") or "").strip()
    return (
        bool(href)
        and "#" not in href
        and not href.startswith("?")
        and _PICTURE_FILE.search(href) is None
    )


_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|\?)", re.I)


def _unpinned(
    posts: list[tuple[Element, Update]],
    pinned: set[Element],
    badged: bool = True,
    highlighted: bool = True,
) -> list[Update]:
    """The updates, those pinned above the stream flagged so; a pinned copy of a post the
    stream also shows is that post, flagged pinned where the stream shows it. A post shown
    first because the address linked to it (Easy Liveblogs' `?entry=`, highlighted), then in
    its place, is that post, where the stream shows it, not pinned."""
    updates: list[Update] = []
    copies: dict[object, Update] = {}
    shared: dict[str, Update] = {}
    shown = Counter(update.source_id for _, update in posts if update.source_id)
    badges = _pin_badged([member for member, _ in posts]) if badged else set()
    if 2 * len(badges) >= len(posts):
        badges = set()  # a box most posts have: the template's, shown or hidden by a style
    marked = {member for member, _ in posts if _highlighted_post(member)} if highlighted else set()
    if _templates_modifier(marked, [member for member, _ in posts], pinned):
        marked = set()  # a modifier (nearly) every post has is the template's: it sets none apart
    for member, update in posts:
        labels = _labels(member)
        if _pinned_class(member.get("class")) or labels & PINNED_LABELS:  # "is-pinned", "Pinned"
            update.pinned = True
        if member in badges:  # El Comercio's `div.fijado` icon
            update.pinned = True
        if labels & KEY_EVENT_LABELS or member in marked:
            update.key_event = True
        key = _PINNED_COPY.sub("", update.source_id or "") or (update.headline, update.body_text)
        if member in pinned:
            update.pinned = True
            copies[key] = update
        elif twin := copies.pop(key, None):
            updates.remove(twin)
            update.pinned = True
        elif update.source_id and shown[update.source_id] > 1:
            if _highlighted_class(member.get("class")):
                shared[update.source_id] = update  # (shown again where the stream has it)
            elif twin := shared.pop(update.source_id, None):
                updates.remove(twin)
        updates.append(update)
    return updates


# The mark a pinned copy's id adds to its post's (the Guardian's older `block-<id>-pinned`).
_PINNED_COPY = re.compile(r"[-_]pinned$", re.I)


def _highlighted_class(cls: str | None) -> bool:
    """Whether a post's class calls it highlighted by a word of its own
    (`elb-liveblog-highlighted-post`), not "unhighlighted" or "not-highlighted"."""
    return any(_HIGHLIGHTED.search(name) for name in (cls or "").lower().split())


_HIGHLIGHTED = re.compile(r"(?:^|[-_])(?<!not-)(?<!non-)(?<!no-)highlighted(?:$|[-_])")


def _highlighted_post(member: Element) -> bool:
    """Whether the post's class, or that of the one box its member wraps (a Drupal view's
    `div.views-row` around each post's `article`), marks it a highlight."""
    box: Element | None = member
    for _ in range(_WRAPPED_DEPTH):
        if box is None:
            break
        if _highlight_modifier(box.get("class")):
            return True
        children = [child for child in box if isinstance(child.tag, str)]
        box = children[0] if len(children) == 1 else None
    return False


_WRAPPED_DEPTH = 2  # a post's box and the one box its member wraps it in
_TEMPLATE_MOST = 3  # posts, at least, that a modifier on every one shows is the template's
_TEMPLATE_NEARLY = 5  # posts, at least, that a modifier on nearly every one shows is
_TEMPLATE_SHARE = 0.8  # of them: the posts without it are of another kind (a reader's question)


def _templates_modifier(marked: set[Element], members: list[Element], pinned: set[Element]) -> bool:
    """Whether a key event's modifier on the `marked` posts is the template's: on every post of
    three or more but one pinned (which the template draws otherwise), or on four in five of
    five or more where each post without it is of another kind, with a class of its own (a
    reader's question answered). An editor sets a few posts apart, or on a short busy page
    most: the posts left unmarked are then of the marked posts' kind."""
    if not marked:
        return False
    rest = [
        member
        for member in members
        if member not in marked
        and member not in pinned
        and not (_pinned_class(member.get("class")) or _labels(member) & PINNED_LABELS)
    ]
    if not rest:
        return len(marked) >= _TEMPLATE_MOST
    kinds = {name for member in marked for name in _wrapped_classes(member)}
    return (
        len(members) >= _TEMPLATE_NEARLY
        and len(marked) >= _TEMPLATE_SHARE * len(members)
        and all(_wrapped_classes(member) - kinds for member in rest)
    )


def _wrapped_classes(member: Element) -> set[str]:
    """The class names of a post's box and of the one box its member wraps it in."""
    names: set[str] = set()
    box: Element | None = member
    for _ in range(_WRAPPED_DEPTH):
        if box is None:
            break
        names.update((box.get("class") or "").split())
        children = [child for child in box if isinstance(child.tag, str)]
        box = children[0] if len(children) == 1 else None
    return names


@lru_cache(maxsize=1024)
def _highlight_modifier(cls: str | None) -> bool:
    """Whether a post's class marks it a highlight by the platform's own modifier: Drupal
    Liveblog's `liveblog-post--highlight-breaking-news` (the module's highlight, a term an
    editor picks to set the post apart where it stands), Tickaroo's `tik4-event--highlight`,
    or any post's own modifier that says it is essential or a key event, Le Monde's
    `post__live-container--essential`: a key event. Not another theme's `--highlight-new` (an
    unread post) or `--highlight-sponsored`, nor Easy Liveblogs'
    `elb-liveblog-highlighted-post`, the post an address linked to (_unpinned)."""
    return any(_HIGHLIGHT_MODIFIER.search(name) for name in (cls or "").lower().split())


_HIGHLIGHT_MODIFIER = re.compile(
    r"^(?:liveblog-post|tik4-event)--highlight(?:$|-)|^[\w-]+--(?:essential|key-?event)$"
)


@lru_cache(maxsize=1024)
def _pinned_class(cls: str | None) -> bool:
    """Whether a post's class attribute flags it pinned, by a name of its own."""
    for name in (cls or "").lower().split():
        if "pinned" in name or name.rsplit("-", 1)[-1] in ("sticky", "pin"):
            return True
    return False


def _pin_badged(members: list[Element]) -> set[Element]:
    """The posts one of whose first boxes is a pin's badge by its class: "fijado", "pinned",
    "post-pinned" (not a share bar's Pinterest "pin")."""
    found: set[Element] = set()
    for member in members:
        for node in islice(member.iterdescendants(), _BADGE_ELEMENTS):
            cls = node.get("class") if isinstance(node.tag, str) else None
            if cls and _PIN_WORD.search(cls) is not None and _pin_badge_class(cls):
                found.add(member)
                break
    return found


def _pin_badge_class(cls: str) -> bool:
    return any(
        _PIN_BADGE.fullmatch(name) and not _UNPINNED.search(name) for name in cls.lower().split()
    )


_BADGE_ELEMENTS = 6  # a post's first boxes, where its badges are
_PIN_WORDS = r"pinned|fijado|fissato|fixado|angepinnt|epingle|vastgezet|festet"
_PIN_BADGE = re.compile(rf"(?:[a-z0-9]+[-_]+)*(?:{_PIN_WORDS})(?:[-_]+[a-z0-9]+)*")
_PIN_WORD = re.compile(_PIN_WORDS, re.I)  # the first look: most classes hold none
_UNPINNED = re.compile(r"(?:^|[-_])(?:not|non|no|un)[-_]?(?:pinned|fijado|fissato|fixado)")


def _labels(member: Element) -> set[str]:
    """A post's first short texts, folded: where its labels are ("Pinned", "Key event")."""
    found: set[str] = set()
    for seen, node in enumerate(member.iter(*_LABEL_TAGS)):
        text = node.text
        if text and len(text) < _LABEL_LENGTH and text.strip():
            found.add(text.strip().rstrip(":").casefold())
        if len(found) >= _LABEL_TEXTS or seen >= _LABEL_ELEMENTS:
            break
    return found


_LABEL_TAGS = ("span", "div", "p", "strong", "b", "em")
_LABEL_LENGTH = 24  # characters of a label
_LABEL_TEXTS = 3  # a post's first short texts, where its labels are
_LABEL_ELEMENTS = 12  # elements of a post looked at for them


def mark(root: Element) -> _Marks:
    """The elements of the page's body that may carry times or bylines, in one pass."""
    timed, metas, bylines = walks.mark(root)
    return _Marks(timed, metas, bylines)


@dataclass
class _PageWalk:
    """What the extractor reads of the whole page before it cuts tickers into entries: the
    short texts (where times written for people are), the marks, the headings and the links
    that may be share intents, each in page order. Cutting moves no element across another."""

    texts: list[tuple[Element, str, bool]]
    marks: _Marks
    headings: list[Element] | None  # None: found after the cutting, on an unusual tree
    links: list[Element]


def _walk_page(root: Element) -> _PageWalk:
    """One walk of the page's body when it holds all that is read; one walk each otherwise."""
    body = _only_body(root)
    if body is None:
        return _PageWalk(short_texts(root), mark(root), None, _share_candidates(root))
    texts, timed, metas, bylines, headings, links = walks.body_marks(
        body, _SHORT_TEXT, HEADINGS, _SHARE_HINTS
    )
    return _PageWalk(texts, _Marks(timed, metas, bylines), headings, links)


def _only_body(root: Element) -> Element | None:
    """The root's <body> when it is the page's only one and no heading lies outside it (a
    parsed page's head holds none): the body that each step would read."""
    if root.getparent() is not None or root.tag == "body":
        return None
    body = root.find("body")
    if body is None:
        return None
    for child in root:
        if child is not body and next(child.iter("body", *HEADINGS), None) is not None:
            return None
    return body


# Times in the markup --------------------------------------------------------------------------


def find_times(marks: _Marks, labelled: dict[Element, bool] | None = None) -> list[_Time]:
    """Every time the page's markup states in attributes, with how sure each reading is;
    `labelled` keeps what _modified_class() says of each element asked."""
    found: list[_Time] = []
    labelled = {} if labelled is None else labelled
    read: dict[str, tuple[str, int] | None] = {}
    for element in marks.timed:
        before = len(found)
        for name, value in element.items():
            if name != "datetime" and not name.startswith("data-"):
                continue
            reading = _attribute_time(element, name, value, read, labelled)
            if reading is not None:
                found.append(reading)
        if len(found) == before and element.tag == "time":  # "21:22": read from its text later
            found.append(_Time(element, "", CLOCK, False))
    for meta in marks.metas:
        value = meta.get("content", "").strip()
        if _ZONED_ISO.match(value):
            utc = machine_time(value)
            if utc:
                found.append(_Time(meta, utc, META, False))
    return found


def _attribute_time(
    element: Element,
    name: str,
    value: str,
    read: dict[str, tuple[str, int] | None],
    labelled: dict[Element, bool],
) -> _Time | None:
    """A reading of one attribute; `read` keeps the values this page already gave (a post's
    published and modified times are often one value)."""
    # A data attribute must speak of time; whether it is the last edit's, its name says.
    edited = None if name == "datetime" else _data_time_name(name)
    if edited is None and name != "datetime":
        return None
    value = value.strip()
    if len(value) < 10 or not (value[0].isdigit() or JS_DATE.match(value)):  # (every form below)
        return None
    if value in read:
        parsed = read[value]
    else:
        parsed = read[value] = _value_time(value)
    if parsed is None:
        return None
    modified = _modified_class(element, labelled) if edited is None else edited
    return _Time(element, parsed[0], parsed[1], modified, shown=name == "datetime")


def _value_time(value: str) -> tuple[str, int] | None:
    """(UTC, rank) of an attribute's value that states a time, or None."""
    if len(value) in (10, 13) and value.isdecimal():  # epoch seconds or milliseconds
        utc = machine_time(value)
        return (utc, EPOCH) if utc and "2000" <= utc <= "2100" else None
    if _ZONED_ISO.match(value) or JS_DATE.match(value):  # ("Tue Oct 01 2024 19:19:49 GMT-0400")
        rank = ZONED
    elif _NAIVE_ISO.match(value):
        rank = NAIVE
    else:
        return None
    utc = machine_time(value)
    return (utc, rank) if utc else None


@lru_cache(maxsize=1024)
def _data_time_name(name: str) -> bool | None:
    """None for a data attribute that holds no time; else whether it is the last edit's."""
    lowered = name.lower()
    if not any(k in lowered for k in TIME_NAMES):
        return None
    return bool(_MODIFIED_NAME.search(lowered[5:]))


def _modified_class(element: Element, labelled: dict[Element, bool]) -> bool:
    """A time whose element (or the two around it) is labelled as the last edit, or that says
    so to a screen reader or a pointer alone: its `aria-label` or `title` ("Updated"), or an
    icon before its text, a pencil's (`<i class="icon-pencil">`, `<svg aria-label="Edited">`);
    `labelled` keeps the answers."""
    known = labelled.get(element)
    if known is None:
        classes = walks.classes_up(element, 3)
        known = labelled[element] = any(
            cls and _is_modified_class(cls) for cls in classes
        ) or _edit_icon(element)
    return known


# An icon's class that draws a pencil: "icon-pencil", "fa-edit", "i-pen".
_EDIT_ICON_CLASS = re.compile(r"(?:^|[\s_-])(?:pencil|pen|edit)(?:$|[\s_-])", re.I)
_LABELS = ("aria-label", "title")


def _edit_icon(element: Element) -> bool:
    """Whether a time's element says it is the last edit's by an attribute or by the icon that
    opens it, an element with no text of its own before the time's."""
    if any(_says_edit(element.get(name)) for name in _LABELS):
        return True
    if (element.text or "").strip() or not len(element):
        return False
    icon = element[0]
    if not isinstance(icon.tag, str) or "".join(icon.itertext()).strip():
        return False
    return _EDIT_ICON_CLASS.search(icon.get("class") or "") is not None or any(
        _says_edit(icon.get(name)) for name in (*_LABELS, "alt")
    )


@lru_cache(maxsize=4096)
def _is_modified_class(cls: str) -> bool:
    return _MODIFIED_CLASS.search(cls) is not None


# Tickers without boxes -----------------------------------------------------------------------


def short_texts(root: Element) -> list[tuple[Element, str, bool]]:
    """(element, text, is tail) of the body's short texts with a digit, in page order: where
    times written for people are."""
    body = root.find("body")
    return [] if body is None else walks.short_texts(body, _SHORT_TEXT)


def _segment_tickers(
    texts: list[tuple[Element, str, bool]],
    clock: PageClock | None,
    headings: Iterable[Element] = (),
    root: Element | None = None,
) -> list[Element]:
    """Give each entry of a ticker that has no box of its own one: from each line that opens
    with a time ("12.31 Uhr: …", "<p><b>19:30</b> …") to the next, at least three of them
    among the children of one element. The page's headings, and its bold texts below `root`,
    are where a ticker's title lines that say how long ago in words alone ("vor einer
    Stunde") are looked for, as the short texts hold only those with a digit. Returns those
    title lines that opened an entry: the entries' times, which no short text holds."""
    worded: list[Element] = []
    if clock is None:
        return worded
    units: dict[Element, list[Element]] = defaultdict(list)

    def add(unit: Element) -> None:
        unit = _boxed_alone(unit)
        holder = unit.getparent()
        if holder is not None and not (units[holder] and units[holder][-1] is unit):
            units[holder].append(unit)

    worded_titles = _worded_titles(headings, root, clock)
    for lead, text, is_tail in chain(texts, worded_titles):
        if is_tail or not (
            _BEFORE_TIME.match(text)
            or (_in_title_line(lead) and _ago_alone(text, clock, worded=True) is not None)
            or _race_label(text) is not None
        ):  # (how long ago titles an entry as a title line: a comment's stamp is no title)
            continue
        if lead.tag not in _LINE_TAGS and lead.tag not in _INLINE_LEADS:
            continue
        if any(a.tag in _OUTSIDE for a in lead.iterancestors()):
            continue
        unit = lead
        if lead.tag in _INLINE_LEADS:
            found = _line_of(lead)
            if found is None:
                continue
            unit = found
        add(unit)
        opened = unit.getparent() if unit.tag in _INLINE_LEADS else None
        if (
            opened is not None
            and opened.tag in _LINE_TAGS
            and _opens_line(unit)
            and not _holds_blocks(opened)
        ):
            # "<p><b>14.05 Uhr: Titel</b><br>Die Bahn…</p>": the first of the box's broken
            # lines; the box is a line of its own holder's ticker as well. (Not a box of
            # blocks that the time opens, `<div><time>…</time><h3>…</h3><p>…`: a post's box.)
            add(opened)
    if worded_titles:  # (read after the short texts: each holder's lines in page order)
        for holder, lines_of in units.items():
            chosen = set(lines_of)
            units[holder] = [child for child in holder if child in chosen]
    wrapped: set[Element] = set()
    for holder, lines_of in units.items():
        if len(lines_of) < _TICKER_LINES:  # a post's own time, not a ticker's (and no reading)
            continue
        leads = [
            line
            for line in lines_of
            if line not in wrapped and _opening_time(line, clock) is not None
        ]
        if len(leads) < _TICKER_LINES:
            leads = _dotted_leads(lines_of, wrapped, texts) or leads
        if len(leads) < _TICKER_LINES:
            leads = _bold_mark_leads(lines_of, wrapped) or leads
        if not leads:  # (beside a clock written otherwise, "<time>16:05</time>", "1914" is a year)
            leads = _compact_clock_leads(lines_of, wrapped, texts)
        if len(leads) < _TICKER_LINES:
            told = [
                line
                for line in lines_of
                if line not in wrapped and _opening_time(line, clock, told=True) is not None
            ]
            if len(told) >= _TICKER_LINES and _clocks_fall(told, clock):
                leads = told  # (sentences that open with a clock, newest first: a ticker's)
        if worded_titles and len(leads) >= _TICKER_LINES:
            leads = _worded_in_order(leads, clock)
        if len(leads) >= _TICKER_LINES:
            leads = _marked_over_plain(_clocked_over_marks(leads, clock), clock)
        if len(leads) >= _TICKER_LINES:  # (a box cut into its own lines is no line of another)
            leads = _with_boxed_posts(holder, leads, units, clock)
            leads = _with_their_phases(holder, _with_their_kin(holder, leads), clock)
            _wrap(holder, leads, clock)
            wrapped.add(holder)
            worded.extend(
                line
                for line in leads
                if walks.text_length(line, _AGO_LINE + 1) <= _AGO_LINE
                and not _HAS_DIGIT.search(text_of(line))
            )
    return worded


def _dotted_leads(
    lines_of: list[Element], wrapped: set[Element], texts: list[tuple[Element, str, bool]]
) -> list[Element]:
    """The lines that open with a bare clock written with a dot, bold or plain, set apart by a
    dash, a colon or a sentence in capitals ("<b>14.05</b> – …", "14.05: …", "14.05 Il…"),
    where three or more do and their clocks run down the page as a ticker's, newest first
    (_times_run_down), a day's minutes among them (a list of dates, "14.05", "13.05", has
    none past twelve) and not one apart each (versions, "10.15", "10.14", "10.13"). The
    clock a line's own text opens with is given a box of its own, in `texts` too, as bold
    clocks have, where the entry's time is read: alone, "14.05" is a clock. Lines that follow
    one another and open with a dotted figure the same way, one of which no clock could be
    ("17.86 Pichardo", "17.54 Zango", "16.95 Hess": a list of results), are measures, not
    clocks, each of them."""
    runs: list[list[tuple[Element, re.Match[str]]]] = []
    kinds: list[tuple[bool, str]] = []  # each run's way of writing its figures
    for line in lines_of:
        if line in wrapped:
            continue
        match = _DOTTED_OPENING.match(text_of(line)[:_DOTTED_START])
        if match is None:
            continue
        figure = f"{match.group(1)}.{match.group(2)}"
        after = match.group(0)[match.end(2) - match.start(0) :]
        kind = (
            (line.text or "").lstrip().startswith(figure),
            "word" if match.group(3) else ":" if ":" in after else "–",
        )
        if runs and kinds[-1] == kind and line.getprevious() is runs[-1][-1][0]:
            runs[-1].append((line, match))
        else:
            runs.append([(line, match)])
            kinds.append(kind)
    found: list[tuple[Element, re.Match[str]]] = []
    for run in runs:
        if any(int(m.group(1)) > _LAST_HOUR or int(m.group(2)) > _CLOCK_MINUTE for _, m in run):
            continue  # (results, "17.86", "16.95": no clocks)
        for line, match in run:
            word = match.group(3)
            if word and (not word[0].isupper() or word.casefold() in _UNIT_WORDS):
                continue  # ("1.30 hours", "12.50 Euro": a timing, a price)
            found.append((line, match))
    if len(found) < _TICKER_LINES:
        return []
    times = [int(m.group(1)) * 60 + int(m.group(2)) for _, m in found]
    if (
        not _times_run_down(times)
        or all(int(m.group(2)) <= _MONTHS for _, m in found)
        or all(a - b == 1 for a, b in pairwise(times))
        or sum(len(m.group(1)) == 2 for _, m in found) * 2 < len(found)
    ):
        return []
    own = [
        (line, shown)
        for line, m in found
        if (line.text or "").lstrip().startswith(shown := f"{m.group(1)}.{m.group(2)}")
    ]
    if own:
        _box_clocks(own, texts)
    return [line for line, _ in found]


def _bold_mark_leads(lines_of: list[Element], wrapped: set[Element]) -> list[Element]:
    """The lines that open with a match's minute as its language writes it, or a cricket ball,
    alone in bold ("<p><b>80.</b> Lewandowski…", "<b>90.+2</b>", "<b>34.6</b> Starc to
    Kohli, …"), where three or more do and their marks run down the page as a commentary's,
    newest first: minutes to the end of extra time, not one apart each (a countdown's ranks,
    "10.", "9.", "8."), nor each before the same word (birthdays, "80. Geburtstag") or a
    month's name (a chronology's "14. Mai"); balls each of an over's six, falling, the
    bowler's and the batter's names opening the words ("Starc to Kohli,"), not ratings
    ("9.2", "8.8"). Each bold box is given a class that names its mark, where the entry's
    mark is read (_bare_minute), as a commentary's boxed minutes and balls are."""
    found: list[tuple[Element, Element, re.Match[str], str]] = []
    for line in lines_of:
        if line in wrapped or len(line) == 0 or (line.text or "").strip():
            continue
        bold = line[0]
        if bold.tag not in ("b", "strong") or len(bold) or bold.get("class"):
            continue
        match = _BOLD_MARK.fullmatch(bold.text or "")
        if match is None:
            continue
        found.append((line, bold, match, (bold.tail or "").strip()))
    if len(found) < _TICKER_LINES:
        return []
    if all(m.group("b") is not None for _, _, m, _ in found):
        balls = [int(m.group("o")) * 10 + int(m.group("b")) for _, _, m, _ in found]
        if (
            not all(1 <= int(m.group("b")) <= _BALLS for _, _, m, _ in found)
            or not all(a > b for a, b in pairwise(balls))
            or sum(_BOWLED.match(after) is not None for *_, after in found) * 2 < len(found)
        ):
            return []
        name = "lba-over"
    elif all(m.group("b") is None for _, _, m, _ in found):
        minutes = [int(m.group("o")) for _, _, m, _ in found]
        firsts = [
            after.split(maxsplit=1)[0].strip(".,:").casefold() for *_, after in found if after
        ]
        if (
            max(minutes) > _LAST_MINUTE
            or not _times_run_down(minutes)
            or all(a - b == 1 for a, b in pairwise(minutes))
            or len(firsts) < len(found)
            or len(set(firsts)) == 1
            or any(word in MONTHS for word in firsts)
        ):
            return []
        name = "lba-minute"
    else:
        return []
    for _, bold, _, _ in found:
        bold.set("class", name)
    return [line for line, *_ in found]


def _compact_clock_leads(
    lines_of: list[Element], wrapped: set[Element], texts: list[tuple[Element, str, bool]]
) -> list[Element]:
    """The lines that open with a 24-hour clock in four digits and no mark between, alone in
    bold or in a box whose class says time, as the BBC's live text of 2008-2013 printed it
    ("<p><strong>1742:</strong> The minister…", "<span class='time'>0912</span>"), where
    three or more do and their clocks run down the page as a ticker's, newest first, one of
    them no year of the last two centuries (not "19" or "20" before its minutes: a
    chronology's "<b>2016:</b>", "<b>2011:</b>" is years) unless it names its zone ("2005
    GMT:", as the BBC World's did), and not one apart each, nor all on the quarter hour (an
    agenda's "1700", "1530"); never where such figures, one of them no clock ("1865", a
    build's "1198"), fall down the page all together, as a chronology's do. Each
    clock is written with a colon ("17:42"), in `texts` too, where the entry's time is
    read."""
    found: list[tuple[Element, re.Match[str]]] = []
    opened: list[Element] = []
    printed: list[int] = []  # every four-digit figure the lines open with, a clock or not
    clockless = False
    for line in lines_of:
        if line in wrapped or len(line) == 0 or (line.text or "").strip():
            continue
        mark = line[0]
        if len(mark) or not (
            (mark.tag in ("b", "strong") and not mark.get("class"))
            or (mark.tag == "span" and "time" in (mark.get("class") or "").casefold())
        ):
            continue
        match = _COMPACT_CLOCK.fullmatch(mark.text or "")
        if match is not None:
            found.append((mark, match))
            opened.append(line)
        elif _FOUR_DIGITS.fullmatch(mark.text or ""):
            clockless = True  # (a year, "1865", or a number no clock could be)
        else:
            continue
        printed.append(int((mark.text or "").strip()[:4]))
    if len(found) < _TICKER_LINES or (
        clockless and all(a > b for a, b in pairwise(printed))
    ):  # (a chronology's years, a list of builds, falling all together: no clocks)
        return []
    figures = [int(m.group(1) + m.group(2)) for _, m in found]
    if (
        all(m.group(1) in ("19", "20") and m.group(3) is None for _, m in found)
        or all(a - b == 1 for a, b in pairwise(figures))
        or all(int(m.group(2)) % 15 == 0 for _, m in found)  # (an agenda's, a model's)
        or not _times_run_down([int(m.group(1)) * 60 + int(m.group(2)) for _, m in found])
    ):
        return []
    written: dict[Element, str] = {}
    for mark, match in found:
        zone = f" {match.group(3)}" if match.group(3) else ""
        mark.text = written[mark] = f"{match.group(1)}:{match.group(2)}{zone}{match.group(4)}"
    for n, (element, _, is_tail) in enumerate(texts):
        if not is_tail and element in written:
            texts[n] = (element, written[element], False)
    return opened


# Four digits, the whole text of a box, a clock or not ("1865:", "1742").
_FOUR_DIGITS = re.compile(r"\s*\d{4}:?\s*", re.ASCII)
# A 24-hour clock in four digits, the whole text of a box ("1742", "0912:", "2005 GMT:").
_COMPACT_CLOCK = re.compile(r"\s*([01]\d|2[0-3])([0-5]\d)(?:\s?(GMT|BST|UTC))?(:?)\s*", re.ASCII)


# A match's minute as a language writes it ("80.", "90.+2", "72e", "45°") or a cricket ball ("34.6"), the
# whole text of a bold box.
_BOLD_MARK = re.compile(
    r"\s*(?P<o>\d{1,3})(?:\.(?P<b>\d)|(?:\.|e|re|er|°|['’′´])(?:\s?\+\s?\d{1,2})?)\s*"
)
_BALLS = 6  # balls of an over
# A cricket commentary's ball opening its words: the bowler's name to the batter's, and a comma.
_BOWLED = re.compile(r"[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)?\sto\s[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)?,")


def _box_clocks(lines: list[tuple[Element, str]], texts: list[tuple[Element, str, bool]]) -> None:
    """Put the clock each line's own text opens with in a `<span>` of its own, and the span's
    text and tail in `texts` in place of the line's text."""
    boxed = {}
    for line, shown in lines:
        text = line.text or ""
        at = text.index(shown)
        span = etree.Element("span")
        span.text, span.tail = shown, text[at + len(shown) :]
        line.text = text[:at]
        line.insert(0, span)
        boxed[line] = span
    for n in range(len(texts) - 1, -1, -1):  # (from the end: each replaced by two)
        element, _, is_tail = texts[n]
        span = None if is_tail else boxed.get(element)
        if span is not None:
            texts[n : n + 1] = [(span, span.text or "", False), (span, span.tail or "", True)]


# A bare clock written with a dot (or a figure written as one, "17.86") that opens a line,
# and a dash, a colon or a word after it.
_DOTTED_OPENING = re.compile(r"\s*(\d{1,2})\.(\d\d)(?:\s*[–—-]\s|\s*:\s|\s+[«\"“„]?(\w+))")
_DOTTED_START = 60  # characters of a line read for the clock that opens it
_LAST_HOUR = 23
_CLOCK_MINUTE = 59  # a clock's last minute
_MONTHS = 12  # a dotted clock's minutes, at most, that may be a date's month ("14.05")
# Words after a dotted number that say it is an amount, a price or a timing, in capitals as
# German writes its nouns ("1.30 Stunden", "12.50 Euro"); in lower case no word follows a
# ticker's clock.
_UNIT_WORDS = frozenset(
    {"stunden", "stunde", "std", "minuten", "sekunden", "euro", "eur", "franken", "chf",
     "dollar", "usd", "pln", "zł", "gbp", "prozent", "procent", "punkte", "punkten",
     "millionen", "milliarden", "mio", "mrd", "kilometer", "meter", "km", "kg", "uhr",
     "h", "min"}
)  # fmt: skip


def _clocked_over_marks(leads: list[Element], clock: PageClock) -> list[Element]:
    """A ticker's lines, less those that open with a race's or a match's mark where a clock
    opens others (`<p><b>16:40</b></p><p>45 km to go: …</p>`: the clock marks the post, the
    distance is its words); none where every mark is a fifth ball ("Over 2.5:", "Over 9.5:"):
    a betting preview's goal lines, which are halves, not a cricket commentary's balls."""
    marks: dict[Element, str] = {}
    for line in leads:
        text = _opening_time(line, clock)
        if text is not None and _race_label(text) is not None:
            marks[line] = text
    if not marks:
        return leads  # (most tickers: their clocks alone)
    if len(marks) < len(leads):
        return [line for line in leads if line not in marks]
    if all((ball := _BALL_IN.search(mark)) and ball.group(2) == "5" for mark in marks.values()):
        return []
    return leads


def _marked_over_plain(leads: list[Element], clock: PageClock) -> list[Element]:
    """A ticker's lines, less those that open with a clock or a match's minute in plain text
    where three or more open with one marked out, in bold or as a heading (`<p><strong>13.20
    Uhr:</strong> …</p>`, `<h2>13.20 Uhr: …</h2>`, `<p><b>67'</b> …</p>`), and run down the
    page, newest first, as the lines with them do not: the plain ones are a post's words, a
    day's programme ("14.30 Uhr: Anpfiff", "09:00 – Gates open"), a recap of the morning or
    of the goals so far, in its own order, two or more lines in a row. Where every line runs
    down, a line an editor left plain is a post all the same, and so is one that stands alone
    between marked ones (a second editor's post, a few minutes out of order)."""
    if len(leads) <= _TICKER_LINES:
        return leads
    marked = {line for line in leads if _marked_lead(line, clock)}
    if len(marked) < _TICKER_LINES or len(marked) == len(leads):
        return leads  # (most tickers: every clock written alike)
    marks: dict[Element, int] = {}
    kinds = set()
    for line in leads:
        reading = clock.read(text_of(line)[:40])
        if reading is None:
            return leads
        if reading.clock is not None:
            marks[line] = reading.clock[0] * 60 + reading.clock[1]
        elif reading.kind == "minute" and (minute := _MINUTE_FIGURE.match(reading.minute or "")):
            marks[line] = int(minute.group())  # (added time, "45+2'", as the half's end)
        else:
            return leads
        kinds.add(reading.clock is None)
    last = len(leads) - 1
    kept = [
        line
        for n, line in enumerate(leads)
        if line in marked
        or ((n == 0 or leads[n - 1] in marked) and (n == last or leads[n + 1] in marked))
    ]  # (a programme or a recap is a run of lines: a plain line alone is a post)
    if (
        len(kept) == len(leads)
        or len(kinds) > 1
        or _times_run_down([marks[line] for line in leads])
        or not _times_run_down([marks[line] for line in kept])
    ):
        return leads
    return kept


_MINUTE_FIGURE = re.compile(r"\d+")


def _marked_lead(line: Element, clock: PageClock) -> bool:
    """Whether a line is a heading, or opens with its clock or minute alone in bold."""
    if line.tag in HEADINGS:
        return True
    if len(line) == 0 or (line.text or "").strip() or line[0].tag not in ("b", "strong"):
        return False
    reading = clock.read(text_of(line[0]).strip()[:40])
    return reading is not None and (reading.clock is not None or reading.kind == "minute")


def _with_boxed_posts(
    holder: Element,
    leads: list[Element],
    units: dict[Element, list[Element]],
    clock: PageClock,
) -> list[Element]:
    """The ticker's lines and the boxes beside them of a line's tag and class whose own first
    line opens with a time: a stream of boxed posts, each opening with its time
    (`<div class="entry"><p><b>14h28</b> : …</p><p>…</p></div>`), whose posts of one
    paragraph are lines boxed alone (_boxed_alone) and the longer ones are not; each box
    opens an entry of its own, not the words of the short post above it."""
    kinds = {(lead.tag, lead.get("class")) for lead in leads}
    chosen = set(leads)
    added = False
    for child in holder:
        if child in chosen or (child.tag, child.get("class")) not in kinds:
            continue
        own = units.get(child)
        first = next((c for c in child if isinstance(c.tag, str)), None)
        if own and own[0] is first and _opening_time(first, clock) is not None:
            chosen.add(child)
            added = True
    return [child for child in holder if child in chosen] if added else leads


def _worded_in_order(leads: list[Element], clock: PageClock) -> list[Element]:
    """A ticker's lines, less its title lines in words alone ("an hour ago") unless how long
    ago its lines say falls down the page, newest first, the newest in words under a week
    old: sub-headings so worded that rise (a countdown), go back and forth (a poem's, a TV
    guide's films) or look back years (a feature's "A year ago", "Five years ago") title no
    ticker's entries. One first line older than the next, under a week old, over three or
    more that fall, is an entry pinned above the newest ("vor drei Stunden" over "gerade
    eben")."""
    times: list[str] = []
    worded: dict[Element, str] = {}
    first = ""
    for line in leads:
        text = _opening_time(line, clock)
        reading = _ago_alone(text, clock, worded=True) if text else None
        if reading is None or not reading.utc:
            continue
        if line is leads[0]:
            first = reading.utc
        times.append(reading.utc)
        if not _HAS_DIGIT.search(text or ""):
            worded[line] = reading.utc
    if not worded:
        return leads
    week = format_utc(clock.fetched_at - timedelta(days=_WORDED_AGE_DAYS)) or ""
    if max(worded.values()) <= week or _days_apart(list(worded.values()), times, clock):
        return [line for line in leads if line not in worded]
    if len(times) > _TICKER_LINES and week < first < times[1]:
        times = times[1:]  # (a pinned entry on top, the oldest above the newest)
    if all(a >= b for a, b in pairwise(times)):
        return leads
    return [line for line in leads if line not in worded]


_WORDED_AGE_DAYS = 7  # days old a ticker's newest stamp in words is, less than


def _days_apart(stamps: list[str], times: list[str], clock: PageClock) -> bool:
    """Whether stamps in words, three or more, are each a day or more old and on a day of their
    own ("vor einem Tag", "vor zwei Tagen", "vor drei Tagen"), and so is every stamp of the
    lines (`times`, in figures too): an article's story so far, as a ticker's entries, hours
    apart, never are (a ticker a day old says "vor einem Tag" on each; a slow one's newest say
    "vor 5 Stunden" above its days in words)."""
    day = format_utc(clock.fetched_at - timedelta(days=1)) or ""
    return len(stamps) >= _DAYS_APART and max(times) <= day and len(set(stamps)) == len(stamps)


_DAYS_APART = 3  # stamps in words a day or more apart each that make a story so far


def _worded_titles(
    headings: Iterable[Element], root: Element | None, clock: PageClock
) -> list[tuple[Element, str, bool]]:
    """(element, text, False) of each heading, and each bold text that is a line of its own
    (`<p><strong>godzinę temu</strong></p>`), that says how long ago in words alone and
    nothing else ("vor einer Stunde", "an hour ago", "Just now"): the short texts, those with
    a digit, leave them out, and each may title a flat ticker's entry (_segment_tickers puts
    them in their place among its lines)."""
    found = [
        (heading, text, False)
        for heading in headings
        if heading.tag != "h1" and (text := _worded_ago(heading, clock))
    ]
    bold = [
        (element, text, False)
        for element in (() if root is None else root.iter(*lines.BOLD))
        if _in_title_line(element) and (text := _worded_ago(element, clock))
    ]
    return found + bold


def _worded_ago(element: Element, clock: PageClock) -> str:
    """An element's text where it says how long ago in words alone and nothing else."""
    if len(element):  # (mostly a bold text of its own: its text is all its words)
        if walks.text_length(element, _AGO_LINE + 1) > _AGO_LINE:
            return ""
        text = text_of(element)
    else:
        text = element.text or ""
    if (
        not text
        or len(text) > _AGO_LINE
        or _HAS_DIGIT.search(text)
        or _ago_alone(text, clock, worded=True) is None
    ):
        return ""
    return text


def _boxed_line(box: Element) -> Element:
    """The one line a build's boxes wrap (`<div><p><strong>…</strong></p></div>`), or the box."""
    line = box
    for _ in range(_WRAPPER_DEPTH):
        if line.tag not in _WRAPPERS or len(line) != 1 or (line.text or "").strip():
            break
        if not isinstance(line[0].tag, str):
            break
        line = line[0]
    return line


def _with_their_kin(holder: Element, leads: list[Element]) -> list[Element]:
    """The leads, and the header boxes beside them of a lead header box's tag and class (a
    time and a title, nothing else) whose time could not be read ("Just now"): each opens an
    entry all the same. A box of paragraphs of that class is no header."""
    kinds = {(lead.tag, lead.get("class")) for lead in leads if _header_box(lead)}
    return _with_kin(holder, leads, kinds, _header_box) if kinds else leads


def _with_their_phases(holder: Element, leads: list[Element], clock: PageClock) -> list[Element]:
    """The leads, and the lines beside them of a lead's tag and class that a match's phase
    opens as a label ("<strong>HT:</strong> Spurs 1-0 Villa"), where three leads or more open
    with a match's minute: each opens an entry of the commentary too (_phase_marks reads it)."""
    kinds: Counter[tuple[str, str | None]] = Counter()
    for lead in leads:
        reading = clock.read(text_of(lead)[:_PHASE_LENGTH])
        if reading is not None and reading.kind == "minute":
            kinds[(lead.tag, lead.get("class"))] += 1
    shapes = {kind for kind, count in kinds.items() if count >= _PHASE_PEERS}
    if not shapes:
        return leads  # (most tickers: stamped by the clock)
    return _with_kin(holder, leads, shapes, _phase_labelled)


def _phase_labelled(line: Element) -> bool:
    """A line that a match's phase opens as a label ("HT: Spurs 1-0 Villa")."""
    return _PHASE_LABEL.match(text_of(line)[:_PHASE_LENGTH].lower()) is not None


def _with_kin(
    holder: Element,
    leads: list[Element],
    kinds: Collection[tuple[str, str | None]],
    fits: Callable[[Element], bool],
) -> list[Element]:
    """The leads, and the children of `holder` beside them of a tag and class in `kinds` that
    `fits`, in the page's order."""
    chosen = set(leads)
    return [
        child
        for child in holder
        if child in chosen
        or (isinstance(child.tag, str) and (child.tag, child.get("class")) in kinds and fits(child))
    ]


def _header_box(box: Element) -> bool:
    """A classed box of an entry's header: inline elements and a heading, no paragraphs, a
    few words (Arc XP's timestamp power-up)."""
    return (
        box.tag in _WRAPPERS
        and bool(box.get("class"))
        and all(
            child.tag in _INLINE_LEADS or child.tag in HEADINGS
            for child in box
            if isinstance(child.tag, str)
        )
        and walks.text_length(box, _SHORT_TEXT) < _SHORT_TEXT
    )


def _holds_blocks(box: Element) -> bool:
    """Whether a box holds blocks (a heading, paragraphs) among its first elements: a post's
    box, no line of a ticker."""
    for n, child in enumerate(box):
        if n == _LINE_ELEMENTS:
            break
        if child.tag in _BLOCKS:
            return True
    return False


def _boxed_alone(unit: Element) -> Element:
    """The outermost box that holds a line and nothing else, a few levels up: a build that
    wraps each block of a stream in a box of its own (`<div><p>8.12 Uhr: …</p></div>`, then
    `<div><h3>…</h3></div>`) keeps the lines of its ticker side by side all the same."""
    for _ in range(_WRAPPER_DEPTH):
        parent = unit.getparent()
        if (
            parent is None
            or parent.tag not in _WRAPPERS
            or (parent.text or "").strip()
            or (unit.tail or "").strip()
            or not _holds_only(parent, unit)
        ):
            break
        unit = parent
    return unit


def _holds_only(box: Element, child: Element) -> bool:
    """Whether the child is the box's one element (comments aside), looked at cheaply: never
    by len(box), which counts every child (a stream's box of thousands, once per post)."""
    for n, node in enumerate(box):
        if n == _WRAPPER_CHILDREN or (node is not child and isinstance(node.tag, str)):
            return False
    return True


def _heading_alone(box: Element) -> bool:
    """A heading, or a box that holds a heading and nothing else (`<div><h3>…</h3></div>`)."""
    node = box
    for _ in range(_WRAPPER_DEPTH + 1):
        if node.tag in HEADINGS:
            return True
        if len(node) != 1 or (node.text or "").strip() or not isinstance(node[0].tag, str):
            return False
        node = node[0]
    return False


def _line_of(lead: Element) -> Element | None:
    """The line an inline time leads, if it opens one: itself, between blocks ("<h3>…</h3>
    <time>19:30</time><p>…") or after a line break ("<b>19:30</b> …<br><b>19:10</b> …");
    the line box it opens ("<p><b>19:30</b> …", "<h2><a>12.31 Uhr: …"); else None. A time
    that opens the inline element around it leads what that element leads
    ("<p><b><span>19:30</span> – …</b>")."""
    parent = lead.getparent()
    for _ in range(_INLINE_DEPTH):
        if (
            parent is None
            or parent.tag not in _INLINE_LEADS
            or (parent.text or "").strip()
            or lead.getprevious() is not None
        ):
            break
        lead, parent = parent, parent.getparent()
    if parent is None:
        return None
    if _time_and_title(lead, parent):
        return parent  # an entry's header box: its time, then its title (Arc XP's power-up)
    if _between_blocks(lead, parent) or _opens_broken_line(lead, parent):
        return lead
    if parent.tag not in _LINE_TAGS or (parent.text or "").strip() or _holds_blocks(parent):
        return None  # (a box of blocks that the time opens is a post's, no line)
    return parent if lead.getprevious() is None else None  # (not index(): a walk of them all)


def _time_and_title(lead: Element, box: Element) -> bool:
    """Whether a box holds a time and the heading after it, and nothing else
    (`<div class="timestamp-powerup"><time>8:15 PM EDT</time><h2>…</h2></div>`)."""
    if box.tag not in _WRAPPERS or (box.text or "").strip() or (lead.tail or "").strip():
        return False
    title = lead.getnext()
    return (
        lead.getprevious() is None
        and title is not None
        and title.tag in HEADINGS
        and title.getnext() is None
        and not (title.tail or "").strip()
    )


def _opens_broken_line(inline: Element, parent: Element) -> bool:
    """Whether an inline element opens a line of a box whose lines are broken by <br>: after
    a <br>, or first in the box with a <br> closing its line (a few elements on at most: a
    box of thousands of children is not searched)."""
    before = inline.getprevious()
    if before is not None:
        return before.tag == "br" and not (before.tail or "").strip()
    if (parent.text or "").strip():
        return False
    after = inline.getnext()
    for _ in range(_LINE_ELEMENTS):
        if after is None or after.tag in _BLOCKS:
            return False
        if after.tag == "br":
            return True
        after = after.getnext()
    return False


def _between_blocks(inline: Element, parent: Element) -> bool:
    """Whether an inline element stands on a line of its own among its parent's blocks: no
    text beside it, a block (or nothing) before it and a block after it."""
    if (inline.tail or "").strip():
        return False
    before, after = inline.getprevious(), inline.getnext()
    if before is None:
        if (parent.text or "").strip():
            return False
    elif before.tag not in _BLOCKS or (before.tail or "").strip():
        return False
    return after is not None and after.tag in _BLOCKS


def _in_title_line(element: Element) -> bool:
    """Whether a text's element is, or is set in, a title line: a heading (`<h3><span>…`), or
    a line all in bold (`<p><strong>vor 9 Minuten</strong></p>`)."""
    if _heading_of(element) is not None:
        return True
    parent = element.getparent()
    return element.tag in lines.BOLD and parent is not None and _title_line(parent)


def _ago_alone(text: str, clock: PageClock, worded: bool = False) -> Reading | None:
    """How long ago a short line says, where it says nothing else ("vor 9 Minuten", "9 minutes
    ago"): the title of a ticker's entry where the newest are stamped so (the WAZ's); with
    `worded`, in words alone too ("vor einer Stunde", "an hour ago", "gerade eben")."""
    if len(text) > _AGO_LINE or not (worded or any(c.isdigit() for c in text)):
        return None
    if "?" in text or "؟" in text:  # (a question asks when: "An hour ago?")
        return None
    reading = clock.read(text)
    if (
        reading is None
        or reading.kind != "relative"
        or len(text.strip(_TIME_MARKS)) > len(reading.text.strip()) + _TIME_ONLY
    ):
        return None
    return reading


_AGO_LINE = 30  # characters of a line that says how long ago and nothing else, at most
_TIME_MARKS = " \t\n\r+:–—-|"


def _opening_time(unit: Element, clock: PageClock, told: bool = False) -> str | None:
    """The time of day or date-and-time a line starts with (not a count, not a score), as
    printed; a ticker's marks and a word or two of label may stand before it ("+++ 07:20",
    "Ore 18.05", "Godz. 14:05"); or how long ago, where the line says nothing else. A clock
    a sentence tells ("At 9.30pm, the court heard…") is none, unless `told`."""
    start = text_of(unit)[:40]
    if (_heading_alone(unit) or _title_line(_boxed_line(unit))) and (
        ago := _ago_alone(start, clock, worded=True)
    ):
        return ago.text.strip()
    before = _BEFORE_TIME.match(start)
    if before is None:
        return _race_label(start) or _opening_mark(unit)
    reading = clock.read(start)  # with its label: "ore 18.05" is a clock, "18.05" may be a day
    if reading is not None and reading.kind == "relative" and _clock_after(start, reading):
        return reading.text.strip()  # (a stamp whose clock disagrees: how long ago stood)
    if reading is None:
        return _opening_mark(unit) or _race_label(start)
    if reading.kind not in ("clock", "full", "minute"):
        return None
    if not start.startswith(reading.text.lstrip()[:2], before.end()) and not _ago_before(
        start, reading, clock
    ):
        return None
    if not told and _told_in_a_sentence(unit, start, before.group(), reading.text.strip()):
        return None
    return reading.text.strip()


def _clocks_fall(lines: list[Element], clock: PageClock) -> bool:
    """Whether the clocks that open lines fall down the page, each earlier than the one above:
    a ticker's lines, newest first, where a report tells a night in the order it went."""
    clocks = []
    for line in lines:
        reading = clock.read(text_of(line)[:40])
        if reading is None or reading.clock is None:
            return False
        clocks.append(reading.clock)
    return all(later > earlier for later, earlier in pairwise(clocks))


def _told_in_a_sentence(unit: Element, start: str, label: str, shown: str) -> bool:
    """Whether a line's clock is a sentence's, not a stamp's: after a preposition, in the
    line's own running text (no box of its own), the sentence going on after it with a comma
    or a word in lower case ("At 9.30pm, the court heard…", "Um 21.30 Uhr habe der Anrufer…",
    a report's account of a night), where a ticker's label sets its clock apart ("Um 16.40
    Uhr: …", "<b>Ore 18.05</b> – …")."""
    if not _PREPOSITIONS.intersection(label.lower().replace(".", " ").split()):
        return False
    if not (unit.text or "").lstrip().startswith(start[: len(label) + len(shown)].lstrip()):
        return False  # (the clock in a box of its own: a label set apart)
    at = start.find(shown, len(label))
    after = start[at + len(shown) :] if at >= 0 else ""
    return after[:1] == "," or (after[:1].isspace() and after.lstrip()[:1].islower())


# The words of CLOCK_LEADS that are prepositions, which a sentence puts before a clock ("at",
# "um", "à", "alle", "a las", "om", "o"), not a stamp's labels ("Updated", "Godz.", "Ore").
_PREPOSITIONS = frozenset(
    {"at", "by", "um", "gegen", "à", "a", "vers", "dès", "alle", "dalle", "verso", "las", "la",
     "às", "pelas", "om", "rond", "o", "około"}
)  # fmt: skip


def _opening_mark(unit: Element) -> str | None:
    """The match mark that opens a line in a box of its own whose class says what it is, as
    a commentary's boxed posts show it (_bare_minute): a cricket ball, "<p><span
    class='over'>19.4</span> Siraj to Jadeja…</p>"; a minute, "<span class='minute'>71</span>"."""
    node = unit
    while len(node) and not (node.text or "").strip() and isinstance(node[0].tag, str):
        node = node[0]
    text = node.text
    if node is unit or not text or len(text) > _RACE_LABEL_LENGTH:
        return None
    reading = (
        _bare_minute(node, text) if len(text) <= _BARE_MINUTE_LENGTH else None
    ) or _race_mark(node, text)
    return None if reading is None else text.strip()


def _clock_after(line: str, reading: Reading) -> bool:
    """Whether how long ago opens the line and a clock ends it, the stamp's other half ("12
    minutes ago · 7:38 PM", where the two disagree and clock.read kept how long ago): a clock
    that says so (am or pm, a zone, "Uhr"), not a video's length ("2 hours ago · 2:34")."""
    at = line.find(reading.text)
    if at < 0 or line[:at].strip():
        return False
    rest = line[at + len(reading.text) :].lstrip(_JOINS)
    found = leading_clock(rest)
    if found is None or rest[found[2] :].strip():
        return False
    return any(c.isalpha() for c in rest[: found[2]])  # "7:38 PM", not a video's "2:34"


def _ago_before(line: str, reading: Reading, clock: PageClock) -> bool:
    """Whether what stands before a line's clock is how long ago, the stamp's other half ("8
    minutes ago / 9:42 PM CDT": clock.read took the clock)."""
    at = line.find(reading.text)
    return at > 0 and _ago_alone(line[:at].rstrip(_JOINS), clock) is not None


_JOINS = " " + "".join(STAMP_JOINS)


# The words of a ticker's stamp before its date ("Update vom 14. Mai, 16.12 Uhr", "Erstmeldung
# vom …": Ippen's news tickers; "Stand: 14.05.2024, 16:12 Uhr"), which say no clock follows on
# their own; an update's word in other languages ("Mise à jour, 16h40", "Actualización").
_UPDATE_NOUNS = frozenset({"mise à jour", "actualización", "aggiornamento", "atualização"})
_STAMP_LEADS = (
    frozenset({"update", "aktualisierung", "erstmeldung", "vom", "stand"}) | _UPDATE_NOUNS
)
# An update's word that may set the clock after it in brackets ("Update (4:40 p.m.)",
# "UPDATED [16:05]"), as a story updated live marks each update; a preposition may not ("at (3").
_BRACKET_LEADS = (
    frozenset({"update", "updated", "aktualisierung", "aktualisiert", "posted"}) | _UPDATE_NOUNS
)
# What may stand before the time that opens a ticker's line: blanks, the ticker's plus signs
# and a word or two that say a clock follows ("um", "ore", "godz.", "a las", "Update,"…), and
# after an update's word a bracket ("Update (4:40 p.m.)"). (The walks keep
# a long text when it opens with a digit after blanks and plus signs alone: a long line's
# label is not looked for.)
_BEFORE_TIME = re.compile(
    r"\s*(?:\++\s*)?(?:(?:"
    + "|".join(sorted(map(re.escape, CLOCK_LEADS | _STAMP_LEADS), key=len, reverse=True))
    + r")[.:,]?\s+){0,2}(?:(?:"
    + "|".join(rf"(?<={re.escape(lead)}\s)" for lead in sorted(_BRACKET_LEADS))
    + r")[(\[])?(?=\d)",
    re.I,
)
_TICKER_MARKS = re.compile(r"\s*\+{2,}\s*$")  # "… +++": the ticker's marks closing a line


def _drop_opening_times(entries: list[Element], clock: PageClock) -> None:
    """The ticker's entries that are the stream's posts, their lead lines read: a time that
    opens a line's own text is the entry's, read before, not its words (_drop_opening_time).
    A ticker cut inside a post (its timeline, "09:00 – Polls open…") keeps its words whole."""
    for entry in entries:
        if entry.get("class") != _SEGMENT_CLASS:
            continue
        for line in entry[:2]:  # its title, then its lead; or its lead
            shown = _opening_time(line, clock) if isinstance(line.tag, str) else None
            if not shown and isinstance(line.tag, str) and line is entry[0]:
                shown = _phase_label(line)  # (a commentary cut at its phase: _with_their_phases)
            if shown:
                _drop_opening_time(line, shown)
                break


def _phase_entry(member: Element) -> bool:
    """Whether the member is a commentary's entry that a match's phase opens as a label (cut
    so by _with_their_phases: "HT: Spurs 1-0 Villa", a post however short)."""
    return (
        member.get("class") == _SEGMENT_CLASS
        and len(member) > 0
        and isinstance(member[0].tag, str)
        and _phase_label(member[0]) is not None
    )


def _phase_label(line: Element) -> str | None:
    """The match's phase that opens a line as its label ("HT:" in "HT: Spurs 1-0 Villa")."""
    start = text_of(line)[:_PHASE_LENGTH]
    label = _PHASE_LABEL.match(start.lower())
    return start[: label.end()].strip() if label is not None else None


def _drop_opening_time(unit: Element, shown: str) -> None:
    """A lead line whose own text opens with the entry's time and goes on with words
    ("<p>18.05 Uhr: Die Bahn…</p>", "<p>+++ 18:05 Die Bahn … +++</p>") keeps the words alone.
    A heading keeps it here; its headline is read without it (_after_time)."""
    line = unit
    for _ in range(_WRAPPER_DEPTH):  # down through the boxes _boxed_alone() went up
        if len(line) != 1 or (line.text or "").strip() or not isinstance(line[0].tag, str):
            break
        line = line[0]
    text = line.text
    if line.tag not in _LEAD_LINES or not text or not shown:
        return
    rest = _after_time(text, shown)
    if rest == text.strip() or not (len(line) or any(c.isalpha() for c in rest)):
        return  # the time is not in the line's own text, or the line says nothing else
    set_text(line, rest + text[len(text.rstrip()) :] if len(line) and rest else rest)


def _wrap(holder: Element, leads: list[Element], clock: PageClock | None) -> None:
    """Move each lead and the siblings after it, up to the next lead, into a box of its own.
    An entry whose title comes before its time ("<h3>Title</h3><p>14:04</p>") starts at the
    title: a heading just before a lead opens the lead's entry. A line that names a day and
    nothing else ("Dienstag, 12. März 2024") is the ticker's heading between its days and no
    entry's part: it stays between the boxes, where _place_bare_clocks reads it."""
    children = [c for c in holder if isinstance(c.tag, str)]
    days = (
        {}
        if clock is None
        else {c: named for c in children if (named := _day_line(c, clock)) is not None}
    )
    starts = set(leads)
    for lead in leads:
        before = lead.getprevious()
        while before is not None and not isinstance(before.tag, str):  # a comment
            before = before.getprevious()
        if (
            before is not None
            and before not in days
            and _heading_alone(before)
            and before not in starts
            and before.tag != "h1"  # the page's title
            and not (lead is leads[0] and _names_the_stream(before))  # "Latest updates" above it
            and next(lead.iter(*HEADINGS), None) is None  # a lead with its own title keeps it
        ):
            starts.discard(lead)
            starts.add(before)
    last = max(n for n, child in enumerate(children) if child in starts)
    boxes: list[tuple[Element, list[Element]]] = []
    for n, child in enumerate(children):
        if child in starts:
            boxes.append((child, [child]))
        elif child in days:
            continue
        elif boxes and not _closes_ticker(child):
            boxes[-1][1].append(child)
        elif boxes and n > last and any(_holds_body(part) for part in boxes[-1][1]):
            break  # the ticker ended: a box of another kind (more on the topic, a share bar)
        # A box of another kind between two entries (a teaser), or inside one before its words
        # (an ad between the last entry's title and its paragraphs), stays outside the boxes.
    for lead, parts in boxes:
        box = etree.Element("div", {"class": _SEGMENT_CLASS})
        lead.addprevious(box)
        box.text = "\n"
        for part in parts:
            box.append(part)


def _names_the_stream(heading: Element) -> bool:
    """Whether a heading names the ticker under it ("Latest updates", "Liveticker", "En
    direct"), no entry's title."""
    return text_of(heading).casefold().strip(" :.!") in _STREAM_NAMES


_STREAM_NAMES = frozenset(
    {"latest updates", "live updates", "latest", "updates", "live", "live blog", "liveblog",
     "live coverage", "the latest", "latest news", "key updates", "liveticker", "live-ticker",
     "ticker", "newsticker", "news-ticker", "alle updates", "le direct", "en direct", "en vivo",
     "en directo", "in diretta", "la diretta", "ao vivo", "na żywo", "relacja na żywo"}
)  # fmt: skip


def _holds_body(part: Element) -> bool:
    """Whether an entry's part holds words of its body: a paragraph of words, not a title
    line set in bold ("<p><strong>Bahn meldet Ausfälle im Süden</strong></p>")."""
    return any(
        walks.text_length(p, _MIN_TEXT) >= _MIN_TEXT and not _title_line(p) for p in part.iter("p")
    )


def _day_line(child: Element, clock: PageClock) -> date | None:
    """The day a ticker's line between its days names ("<h2>Dienstag, 12. März 2024</h2>")."""
    if walks.text_length(child, DAY_LINE * 2) >= DAY_LINE * 2:  # (blanks around it aside)
        return None
    return clock.day_named(text_of(child).strip())


def _day_above(member: Element, members: set[Element], clock: PageClock) -> date | None:
    """The day a line just above a post names, between it and the post before: a stream's
    heading between its days ("<h2>Dienstag, 12. März 2024</h2>", then the day's posts)."""
    node = member.getprevious()
    for _ in range(_DAY_LOOKBACK):
        if node is None or node in members:
            return None
        if isinstance(node.tag, str):
            return _day_line(node, clock)
        node = node.getprevious()
    return None


_DAY_LOOKBACK = 3  # siblings looked at above a post for its day's heading (comments aside)


def _closes_ticker(child: Element) -> bool:
    """A box after a ticker's last entry that is not part of it (a link list, a share bar, a
    heading that names teasers: the WAZ's "Auch interessant" over a list of links)."""
    if child.tag in HEADINGS and is_teaser_label(text_of(child)):
        return True
    if child.tag in ("p", "figure", "blockquote", "ul", "ol", "h3", "h4", "h5", "table"):
        return False
    cls = (child.get("class") or "") + " " + (child.get("id") or "")
    return bool(cls.strip()) and _NOT_A_STREAM.search(cls) is not None


# Candidate streams ---------------------------------------------------------------------------


@dataclass
class _Group:
    container: Element
    members: list[Element]
    timed: float = 0.0
    marked: float = 0.0
    names: str = ""
    score: float = 0.0
    # The part of each member's text that is the text of links: scored, then asked again
    # of each post (is it a teaser?).
    link_shares: dict[Element, float] = field(default_factory=dict)
    ided: int = 0  # members with an id of their own
    replies: int = 0  # members with a reply button
    commented: bool = False  # its members name themselves comments


def _candidates(root: Element, features: _Features) -> list[_Group]:
    """Groups of siblings that could be a stream: boxes of one tag and first class, one of
    them at least holding a mark of a post (a time, a heading, a byline, a share link).

    Boxes that hold a time but differ in their first class ("pinned post" beside "post",
    WordPress's "post-12 post") also form one group together, with the siblings that share
    one of those first classes, when they are alike (_alike).
    """
    groups = []
    shapes = walks.shapes(root, features.marked(), features.timed.keys(), _SHAPELESS, _first_class)
    for parent, tag, classes, firsts in shapes:
        boxes = [c for c in parent if c.tag == tag]
        by_class: dict[str, list[Element]] = defaultdict(list)
        for box, first in zip(boxes, firsts, strict=True):
            by_class[first].append(box)
        for cls in classes:
            if len(by_class[cls]) >= 2:
                groups.append(_Group(parent, by_class[cls]))
        timed = [c for c in classes if any(features.is_timed(m) for m in by_class[c])]
        if len(timed) > 1:
            wanted = set(timed)
            mixed = [box for box, first in zip(boxes, firsts, strict=True) if first in wanted]
            if _alike(mixed):
                groups.append(_Group(parent, mixed))
    return groups


def _alike(boxes: list[Element]) -> bool:
    """Whether boxes whose first classes differ are posts of one stream: one class names them
    all ("post" in "pinned post" and "post-12 post"), or, their classes hashed one by one,
    they are built alike (the same tags in them, in the same order). Not an article's
    byline, its related links and its text side by side."""
    return _share_a_class(boxes) or len({_child_tags(box) for box in boxes}) == 1


def _share_a_class(boxes: list[Element]) -> bool:
    common: set[str] | None = None
    for box in boxes:
        names = set((box.get("class") or "").split())
        common = names if common is None else common & names
        if not common:
            return False
    return True


def _child_tags(box: Element) -> tuple[str, ...]:
    return tuple(child.tag for child in box if isinstance(child.tag, str))


_SHAPELESS = _TEXT_TAGS | _PAGE_TAGS  # a mark's box of these tags is no post
_BODY = frozenset({"body"})


@lru_cache(maxsize=4096)
def _first_class(cls: str | None) -> str:
    """Cached: a page repeats a handful of class strings on every box."""
    parts = cls.split(None, 1) if cls else None
    return parts[0] if parts else ""


@dataclass
class _Features:
    """Which boxes of the page hold a time, a heading, a byline or a share link: each such
    element marks itself and its ancestors once (as walks.node_id() tokens, in the order
    reached), so a member's marks are lookups."""

    timed: dict[object, None]
    headed: dict[object, None]
    bylined: dict[object, None]
    shared: dict[object, None]
    replied: dict[object, None]  # the boxes that hold a link that asks to reply or quote
    titled: frozenset[object]  # the boxes that hold the page's one <h1>, its title
    # Whether a class on the page may be a pin's badge (_pin_badged): most pages have none.
    badged: bool = True
    # Whether a class on the page may mark a highlight (_highlighted_post): most have none.
    highlighted: bool = True
    # Whether the page's title names a channel's schedule as its subject (_titled_schedule).
    scheduled: bool = False
    # The boxes that show a match's minute or an over's ball ("86'", "19.5"): a commentary's.
    played: dict[object, None] = field(default_factory=dict)

    def marked(self) -> dict[object, None]:
        return self.timed | self.headed | self.bylined | self.shared

    def is_timed(self, element: Element) -> bool:
        return walks.node_id(element) in self.timed

    def is_played(self, element: Element) -> bool:
        return walks.node_id(element) in self.played

    @classmethod
    def of(
        cls,
        root: Element,
        by_element: dict[Element, list[_Time]],
        shown: list[_Time],
        walked: _PageWalk,
    ) -> _Features:
        timed = _marked_up(e for e, r in by_element.items() if any(t.rank != CLOCK for t in r))
        walks.marked_up([t.element for t in shown], timed)
        headed: dict[object, None] = {}
        if walked.headings is None:
            walks.marked_up_tags(root, HEADINGS, headed)
        else:
            walks.marked_up(walked.headings, headed)
        bylines = walked.marks.bylines
        bylined = _marked_up(e for e in bylines if _is_author_class(e.get("class", "")))
        shared = _marked_up(a for a in walked.links if is_share_href(a.get("href")))
        replied = _marked_up(a for a in walked.links if _asks_reply(a.get("href") or ""))
        headings = walked.headings if walked.headings is not None else list(root.iter("h1"))
        h1s = [h for h in headings if h.tag == "h1"]
        title = h1s[0] if len(h1s) == 1 else None  # (posts headed by an <h1> each: no title)
        titled = frozenset(
            walks.node_id(box)
            for box in ([title, *title.iterancestors()] if title is not None else [])
        )
        played = _marked_up(
            t.element for t in shown if t.reading is not None and t.reading.kind == "minute"
        )
        return cls(timed, headed, bylined, shared, replied, titled, played=played)


def _share_candidates(root: Element) -> list[Element]:
    """The body's links that may be share intents (clean.is_share_href decides)."""
    body = walks.first(root, _BODY)  # iter() would look on for a second <body>
    return [] if body is None else walks.holding(body, "a", "href", _SHARE_HINTS)


def _marked_up(elements: Iterable[Element]) -> dict[object, None]:
    marked: dict[object, None] = {}
    walks.marked_up(elements, marked)
    return marked


def _phase_score(member: Element) -> bool:
    """Whether a member says a match's phase and the score and nothing else ("HT: 1-0", "FT
    2-1", "HT: Spurs 1-0 Villa"): a commentary's post where its others show their minute (_phase_marks reads it)."""
    return _PHASE_SCORE.fullmatch(" ".join(text_of(member).split()).lower()) is not None


def _ranked_groups(
    groups: list[_Group], features: _Features, clock: PageClock | None
) -> list[_Group]:
    """The groups that are like a stream of posts at all, the most like one first."""
    scored = []
    for group in groups:
        if not _could_be_stream(group, features) or _holds_the_title(group, features):
            continue
        _read_members(group, features)
        if len(group.members) < 2:
            continue
        _score(group, features, clock)
        if group.score > 0:
            scored.append(group)
    return sorted(scored, key=lambda group: group.score, reverse=True)


def _read_members(group: _Group, features: _Features) -> None:
    """Keep the members that say enough to be posts (or show a picture), with what _score()
    asks of each: one member at a time, all of it, while its nodes are in cache. A timed
    member says enough in a few words of its own, not a link's ("59' Corner for Inter."), and
    so does one with an id of its own ("First Half begins.", a commentary's line without its
    minute), and one a match's minute or an over's ball times in a word or a sign beside it
    ("86' GOAL!", "19.5 FOUR", "80' ⚽"): a commentary's play."""
    posts = []
    ids = []
    timed = 0
    scores: list[Element] = []  # "HT: 1-0" alone: kept where three timed posts are or more
    for member in group.members:
        length = walks.text_length(member, _MIN_TEXT)
        if length < _MIN_TEXT and _phase_score(member):
            scores.append(member)
            posts.append(member)
            group.link_shares[member] = _link_share(member)
            continue
        if (
            length >= _MIN_TEXT
            or _HAS_MEDIA(member)
            or (
                length >= _SHORT_POST
                and (features.is_timed(member) or _member_id_attribute(member))
                and _link_share(member) < 0.5
            )
            or (length >= _PLAY_POST and features.is_played(member) and _link_share(member) < 0.5)
            or (length >= _SHORT_POST and _phase_entry(member))
        ):
            posts.append(member)
            timed += features.is_timed(member)
            member_id = _member_id_attribute(member)
            if member_id:
                ids.append(member_id)
            group.replies += (
                _in_discussion(member)
                or walks.node_id(member) in features.replied
                or _has_reply_button(member)
            )
            group.link_shares[member] = _link_share(member)
    if scores and timed < _PHASE_PEERS:
        chosen = set(scores)
        posts = [member for member in posts if member not in chosen]
    group.members = posts
    group.ided = len(ids) if _serial(ids) else 0


def _holds_the_title(group: _Group, features: _Features) -> bool:
    """Whether a box of the group holds the page's title (its one `<h1>`): the blocks an
    article is built of (the BBC's headline, byline, text and image blocks), not posts."""
    return bool(features.titled) and any(
        walks.node_id(member) in features.titled for member in group.members
    )


def _could_be_stream(group: _Group, features: _Features) -> bool:
    """Not inside what pages repeat besides streams: asides, menus, comments, teasers, a
    discussion's posts (_in_discussion)."""
    node: Element | None = group.container
    depth = 0
    while node is not None and node.tag != "body":
        if node.tag in _OUTSIDE:
            return False
        if depth < 6 and (_around_no_stream(node) or _in_discussion(node)):
            if not _commentary_of_comentarios(node, group, features):
                return False
            group.commented = True  # (_score: each dated, none with a reply button)
        node = node.getparent()
        depth += 1
    if len(group.members) <= _REGIONS_MOST and any(_is_region(m) for m in group.members):
        return False  # the page's own regions side by side: its header, content and footer
    if _set_in_prose(group.container):
        return False  # a box of other stories between an article's paragraphs: its aside
    if _titled_comments(group.container):
        return False  # readers' comments under their heading ("6 Comments"), however classed
    if all(_data_row(member) for member in group.members):
        return False  # a table's data: an arrivals board, results by district, share prices
    first = group.members[0]
    if all(
        _REVIEW.search(f"{member.get('class') or ''} {member.get('id') or ''}") is not None
        for member in group.members
    ):
        return False  # readers' reviews of an app, a product, a place (each box's own name)
    if _names_not_a_stream(first):
        named = f"{first.get('class') or ''} {first.get('id') or ''}"
        if _NOT_A_STREAM.search(_COMMENT_NAME.sub(" ", named)) is not None and not (
            _chat_in_a_blog(group.container, named)
        ):
            return False
        group.commented = True  # only the word comment: _score decides
    return not _titled_as_teasers(group.container, first)


def _commentary_of_comentarios(node: Element, group: _Group, features: _Features) -> bool:
    """Whether a box named "comentarios", "comentários" or "commenti" holds a Spanish,
    Portuguese or Italian match commentary, as sports papers call its entries: nearly each box
    shows its match minute, and none a reader's marks (a user name, an avatar, likes, a reply
    button), which readers' comments on the match show."""
    named = f"{node.get('class') or ''} {node.get('id') or ''}"
    if _COMENTARIOS.search(named) is None or _in_discussion(node):
        return False
    if _NOT_A_STREAM.search(_COMMENT_NAME.sub(" ", named)) is not None:
        return False  # (a name that says more than comments: "comentarios-respuestas")
    members = group.members
    played = sum(1 for member in members if features.is_played(member))
    if len(members) < _THREAD or played < _COMMENTS_TIMED * len(members):
        return False
    return not any(_shows_a_reader(member) for member in members)


def _shows_a_reader(member: Element) -> bool:
    for element in islice(member.iter(etree.Element), _READER_ELEMENTS):
        if _READER.search(element.get("class") or "") is not None or (
            element.tag in _BUTTON_TAGS and _REPLY_WORDS.match(text_of(element))
        ):
            return True
    return False


# The words of a commentary's boxes in Spanish, Portuguese and Italian ("comentario",
# "comentários", "commento", "commenti"), which the English "comments" are not.
_COMENTARIOS = re.compile(r"coment[aá]ri|comment[oi](?:$|[\s_-])", re.I)
# A reader's marks on a comment: the user's name and picture, likes and votes, a reply.
_READER = re.compile(
    r"avatar|user|usuario|usuário|utente|utilizador|nick|perfil|profile|"
    r"like|gusta|gosto|piace|vot[eo]|reply|respuesta|resposta|rispost",
    re.I,
)
_READER_ELEMENTS = 40  # elements of a box looked at for a reader's marks


def _data_row(member: Element) -> bool:
    """Whether a box is a table's row of four cells or more that each hold words (a flight's
    time, number, origin and status; a district, its hour, its turnout and a note): a table's
    data, where a ticker set in a table gives its time, maybe an icon, and its words, and a
    match's commentary a cell to its minute ("88'") among its clock, score and line."""
    if member.tag != "tr":
        return False
    cells, minute, clock = 0, False, False
    for cell in member:
        if cell.tag in ("td", "th") and walks.text_length(cell, 1):
            if walks.text_length(cell, 8) < 8:
                short = text_of(cell).strip()
                minute = minute or _CELL_MINUTE.fullmatch(short) is not None
                clock = clock or _CELL_CLOCK.fullmatch(short) is not None
            cells += 1
    return cells >= _DATA_CELLS and not (minute and clock)  # (a commentary's clock and minute)


_DATA_CELLS = 4  # cells of words in a table's row of data, at least
# A cell that is a match's minute alone: "88'", "45+2'", "90.+3", "12. Min."
_CELL_MINUTE = re.compile(
    r"\d{1,3}(?:(?:\s?\+\s?\d{1,2})?\s?['’′´]|\.\s?(?:\+\s?\d{1,2}\.?|min(?:ute)?\.?))", re.I
)
# ...and one that is the day's clock alone ("11:48", "20.03"): a commentary's beside its
# minute, which a report's table of its events by minute does without.
_CELL_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")


def _set_in_prose(container: Element) -> bool:
    """Whether the group's box, titled by a heading of its own ("Latest"), stands between two
    paragraphs of an article's running text, each a sentence: a box of the latest stories set
    in an article, no stream, which a page runs on after, unless the box names itself a stream
    (a post's `div.liveblog-feed` and the line that closes the blog below it). A live blog's
    stream between its introduction and a note that closes it ("This live blog has now
    ended…") is titled by neither; a box titled by no heading of its own, above which an
    article's paragraph goes on (a "Latest" heading above the box, an aria-label), is an
    aside as a titled one is."""
    named = f"{container.get('class') or ''} {container.get('id') or ''}"
    below, above = _element_beside(container, 1), _element_beside(container, -1)
    if above is not None and above.tag in HEADINGS:
        above = _element_beside(above, -1)  # (the box's heading set above it: "Latest")
    if _A_STREAM.search(named) is not None or not all(
        around is not None
        and around.tag == "p"
        and walks.text_length(around, _PROSE_AROUND) >= _PROSE_AROUND
        and _a_sentence(text_of(around))
        for around in (above, below)
    ):
        return False
    heading = _element_beside(container[0], 0) if len(container) else None
    if heading is not None and heading.tag in HEADINGS:
        return True
    return below is None or _CLOSES_A_BLOG.search(text_of(below)[:_CLOSING_NOTE]) is None


_PROSE_AROUND = 80  # characters of an article's paragraph on either side of a box set in it
_CLOSING_NOTE = 200  # characters of the paragraph below a stream where its closing note is read
# A note that closes a live blog: "This live blog has now ended", "We're pausing our live
# coverage", "Der Liveticker ist beendet", "Relacja została zakończona", "Ce direct est
# terminé", "La diretta si chiude qui".
_CLOSES_A_BLOG = re.compile(
    r"\b(?:live\s?blog|blog|live|coverage|ticker|liveticker|newsblog|relacj\w*|direct|diretta"
    r"|directo|vivo|minuto)\b[^.!?]{0,60}?\b(?:ended|ends|closed|closing|over|paus\w*"
    r"|wrapp?\w*|conclud\w*|beendet|geschlossen|zako[nń]cz\w*|termin\w*|finali\w*|chius\w*"
    r"|chiude|encerr\w*|cerr\w*|afgelopen|gesloten)\b"
    r"|\b(?:thank(?:s| you) for (?:following|reading|joining)|danke (?:fürs|für ihr) \w+"
    r"|merci de nous avoir suivi|dziękujemy za)",
    re.I,
)


def _titled_comments(container: Element) -> bool:
    """Whether the group's box is titled, by its first element or the one before it, with a
    heading that says comments and nothing else but their count ("6 Comments", "Kommentare
    (6)", "Commentaires"): readers' comments below an article, in boxes a build named with
    hashes, where a live blog's stream is titled by no such word."""
    for heading in (_element_beside(container[0], 0) if len(container) else None,
                    _element_beside(container, -1)):  # fmt: skip
        if heading is not None and heading.tag in HEADINGS:
            return _COMMENTS_TITLE.fullmatch(text_of(heading)) is not None
    return False


_COMMENTS_TITLE = re.compile(
    rf"(?:\d+\s+)?(?:readers?['’]?\s+|your\s+)?(?:{_COMMENT})(?:e|s|es|i|en|y|ze)?"
    r"\s*(?:\(\d+\)|\d+)?\s*:?",
    re.I,
)


def _element_beside(element: Element, step: int) -> Element | None:
    """The element before (-1) or after (1) this one among its siblings, comments passed (0:
    this one, or the first after it)."""
    beside = element if step == 0 else element.getprevious() if step < 0 else element.getnext()
    step = step or 1
    while beside is not None and not isinstance(beside.tag, str):
        beside = beside.getprevious() if step < 0 else beside.getnext()
    return beside


def _chat_in_a_blog(container: Element, named: str) -> bool:
    """Whether boxes that name themselves a chat's messages ("chat-message") stand in a box
    that names itself a live blog or a ticker (`div.liveblog`): a chat tool's posts put to use
    as a blog, where a viewers' chat beside a player is a "chatbox", "stream-chat", "messages"."""
    if _NOT_A_STREAM.search(_CHAT_NAME.sub(" ", named)) is not None:
        return False  # (named no stream for more than a chat)
    around = f"{container.get('class') or ''} {container.get('id') or ''}"
    return _CHAT_NAME.search(around) is None and _BLOG_BOX.search(around) is not None


_CHAT_NAME = re.compile(_CHAT, re.I)
_BLOG_BOX = re.compile(r"blog|ticker", re.I)


# A box that names itself a review, a word of its class ("review", "user-review",
# "review__item"; not a "preview"): of the boxes themselves only, and of every one of them, a
# live blog in a site's reviews section is a live blog, and so is one whose CMS marks a post
# that is a review (`live-post--review`) among its news.
_REVIEW = re.compile(r"(?:^|[\s_-])reviews?(?:$|[\s_-])", re.I)


def _is_region(member: Element) -> bool:
    """Whether a box's id names a region of the page's layout ("header", "content",
    Plone's "portal-footer-wrapper"): no number, as a post's id has."""
    name = member.get("id")
    return bool(name) and _REGION.search(name) is not None and not any(c.isdigit() for c in name)


_REGIONS_MOST = 6  # regions a page's layout sets side by side
_REGION = re.compile(
    r"(?:^|[-_])(?:header|footer|content|main|sidebar|nav|globalnav|navigation|masthead|"
    r"columns|wrapper|container)(?:$|[-_])",
    re.I,
)


def _titled_as_teasers(container: Element, first: Element) -> bool:
    """A list whose title, the heading above its first box, names teasers ("Lees ook",
    "Read more", "Most read"): what a page's classes would say, for pages whose classes
    say nothing (hashed by their build). A title set in a bold line of its own
    (`<p><strong>Lees ook</strong></p>`) names them as well as a heading."""
    for child in container:
        if child is first:
            return False
        if not isinstance(child.tag, str):
            continue
        if child.tag in HEADINGS:
            title = text_of(child)
            return len(title) <= _TEASER_TITLE and _TEASER_TITLES.match(title) is not None
        if child.tag in _LINE_TAGS and walks.text_length(child, _TEASER_TITLE + 1) <= _TEASER_TITLE:
            label = _TEASER_TITLES.match(text_of(child))
            # A title ("More from Reading Festival", "Related stories"), not a teaser of the
            # page's text, the label then a mark and its link's words ("ALSO READ | <a>…</a>").
            if label is not None and not _TEASER_AFTER.match(text_of(child), label.end()):
                return True
    return False


_TEASER_AFTER = re.compile(r"\s*[:|–—-]\s*\w")


def _names_not_a_stream(element: Element) -> bool:
    filed = f"{element.get('class') or ''} {element.get('id') or ''}".strip()
    named = _unfiled(filed)
    if named != filed and _titled_by_a_link(element):
        named = filed  # the WordPress loop's teaser on an archive, each titled by its link
    return bool(named) and _not_a_stream_name(named)


def _titled_by_a_link(element: Element) -> bool:
    """Whether a box's first heading, among its children or theirs, is a link to another page
    (`h2.entry-title > a[href]`), as an archive's teaser is titled, where a post's is its own."""
    for child in itertools.chain.from_iterable((c, *c) for c in element):
        if isinstance(child.tag, str) and child.tag in HEADINGS:
            link = child.find("a")
            href = (link.get("href") if link is not None else None) or ""
            return bool(href) and not href.startswith("#")
    return False


def _unfiled(named: str) -> str:
    """A box's name without the tags and categories WordPress's post_class files it under
    ("tag-departures", "category-news"), where the box names itself a post beside them
    (`div.post.tag-departures`, `article.hentry`): where a post is filed, no box of tags."""
    if "tag-" not in named and "category-" not in named:
        return named
    unfiled = _WORDPRESS_TERMS.sub(" ", named)
    return unfiled if _A_POSTS_NAME.search(unfiled) is not None else named


@lru_cache(maxsize=4096)
def _not_a_stream_name(named: str) -> bool:
    lowered = named.lower()
    return _NOT_A_STREAM.search(lowered) is not None and _A_STREAM.search(lowered) is None


def _around_no_stream(element: Element) -> bool:
    """Whether a box around a group names what is no stream ("sidebar", "comments"), where
    WordPress's post_class, naming the single post's tags and categories ("tag-elections",
    "category-news"), says where the post is filed, not that it is a box of tags, and Drupal's
    `node--promoted` that the node is promoted to the front page, no promotion. (A list's
    boxes so named are posts of a listing, the WordPress loop's: _names_not_a_stream.)"""
    named = _unfiled(f"{element.get('class') or ''} {element.get('id') or ''}".strip())
    if "--" in named:  # Drupal's node states: `node--promoted` to the front page, `node--sticky`
        named = _NODE_STATES.sub(" ", named)
    if "sidebar" in named:  # a layout's parts beside its sidebar: El Comercio's
        named = _SIDEBAR_LAYOUT.sub(" ", named)  # `div.st-sidebar__container`, `__main`
    return bool(named.strip()) and _not_a_stream_name(named)


_WORDPRESS_TERMS = re.compile(r"(?:^|\s)(?:tag|category)-\S+")
# The parts of a layout with a sidebar that are not the sidebar: `st-sidebar__main`,
# `st-sidebar__content`, `sidebar-layout__container` (BEM's element after the block).
_SIDEBAR_LAYOUT = re.compile(
    r"(?:^|\s)\S*sidebar(?:__|-)(?:main|content|container|wrapper|layout|page)(?=\s|$)", re.I
)
_NODE_STATES = re.compile(r"(?:^|\s)node--(?:promoted|sticky|unpublished)(?=\s|$)")


def _score(group: _Group, features: _Features, clock: PageClock | None) -> None:
    """How much a group looks like a live blog's stream; 0 when not at all.

    Its posts should carry the marks of posts (a time, a heading, an id, a byline, a share
    bar), say more than their links do (teasers are mostly a link to another page), and not
    carry a reply button each (comments and forum posts do).
    """
    members = group.members
    count = len(members)
    ids = [walks.node_id(m) for m in members]
    timed = sum(1 for i in ids if i in features.timed)
    headed = sum(1 for i in ids if i in features.headed)
    signed = sum(1 for i in ids if i in features.bylined)
    shared = sum(1 for i in ids if i in features.shared)
    ided = group.ided
    group.timed = timed / count
    group.marked = max(headed, ided, signed, shared) / count
    if group.replies * 2 >= count:
        return
    if group.commented and (group.replies or group.timed < _COMMENTS_TIMED):
        return  # readers' comments: some say "Reply", some are undated
    links = sum(group.link_shares.values()) / count
    if links > 0.6:
        return
    group.names = " ".join(
        filter(
            None, (group.container.get("class"), group.container.get("id"), members[0].get("class"))
        )
    )
    named = _A_STREAM.search(group.names) is not None
    marks = group.timed + 0.5 * headed / count + 0.3 * (ided + signed + shared) / count
    if group.timed < 0.5 and group.marked < 0.5 and not _long_and_timed(count, group.timed):
        return  # boxes with text and nothing else: paragraphs, cards, a layout grid
    if count < 3 and (
        group.timed < 1
        or max(group.link_shares.values()) > _FEW_LINKS
        or any(_holds_comments(member) for member in members)
    ):
        return  # two boxes: each a post, with a time, saying more than its links, no thread
    if _timetable(members):
        return
    group.score = count * (1 + marks + (0.5 if named else 0)) * (1 - links)
    if group.commented:
        group.score /= 2  # posts that do not call themselves comments come first


def _holds_comments(member: Element) -> bool:
    """Whether a box holds readers' comments: three boxes or more side by side, of one tag,
    each naming itself a comment and saying something (a channel's "Komentari gledalaca"
    beside its player), a thread, no post. (Not a post's `comment-count` and `comment-link`
    beside each other, nor two readers it quotes.)"""
    for element in member.iterdescendants():
        if not isinstance(element.tag, str) or not _a_comment(element):
            continue
        run, after = 1, element.getnext()
        while after is not None and after.tag == element.tag and _a_comment(after):
            run += 1
            if run >= _THREAD:
                return True
            after = after.getnext()
    return False


_THREAD = 3  # comments side by side that make a thread
_COMMENT_TEXT = 15  # characters a comment says at least


def _a_comment(element: Element) -> bool:
    cls = element.get("class")
    return (
        bool(cls)
        and _COMMENT_WORD.search(cls) is not None
        and walks.text_length(element, _COMMENT_TEXT) >= _COMMENT_TEXT
    )


def _timetable(members: list[Element]) -> bool:
    """Lines that each end on a time after a label ("Perú, Ecuador y México: 11:30 horas",
    "Doors open: 7.30pm"): a timetable, such as a match's kick-off in each country, whose
    times are values, not the times of posts."""
    for member in members:
        if walks.text_length(member, _TIMETABLE_LINE + 1) > _TIMETABLE_LINE:
            return False
        if _LABELLED_TIME.match(normalise_text(raw_text(member))) is None:
            return False
    return True


def _long_and_timed(count: int, timed: float) -> bool:
    """A long run of boxes of one shape with a time on some: a sports ticker, whose heats,
    scores and pauses carry no time of their own between the posts that do."""
    return count >= _LONG_RUN and timed >= _SOME_TIMED


def _is_promo(member: Element, update: Update, link_share: float) -> bool:
    """A box in the stream that advertises instead of reporting: a teaser card and nothing
    else (a link to another article), or a short item opening with a promotion's label."""
    if link_share >= 0.9 and member.find(".//a[@href]") is not None:
        return True
    # A card whose only words, its title or its line, are a link's (a photo beside it): a teaser.
    words = "" if update.headline and update.body_text else update.headline or update.body_text
    if words:
        for link in member.iter("a"):
            if link.get("href") and words in normalise_text(raw_text(link)):
                return True
    text = update.headline or update.body_text
    if len(update.body_text) < 300:
        label = _PROMO_LABEL.match(text)
        if label is not None and not _runs_on(text, label.end()):
            return True
    # An untimed box whose first line is an advertisement's label, which the body leaves out.
    if update.published_at is None:
        first = lines.lines(member, set(), most=1)
        return bool(first) and first[0].text.casefold().strip(" :.") in AD_LABELS
    return False


def _runs_on(text: str, end: int) -> bool:
    """Whether a teaser's words open a sentence of the post's own: they run on in small
    letters to a full stop ("Read more about this in our explainer, which…", "Related talks
    broke down…"), where a promotion's label stands alone before its title ("READ MORE Why…",
    "Read more: …"); an ad's label never does ("Sponsored content from…")."""
    rest = text[end:].lstrip()
    return (
        rest[:1].islower()
        and text.rstrip()[-1:] in ".!?"
        and text[:end].strip().casefold() not in AD_LABELS
    )


def _member_id_attribute(member: Element) -> str:
    """The id a member carries (`id`, `data-id`, `data-post-id`…, a number in `rel`); empty
    when none."""
    if member.get("id"):
        return member.get("id") or ""
    return next((value for name, value in member.items() if _ID_ATTR.match(name)), "") or (
        _rel_id(member)
    )


def _rel_id(element: Element) -> str:
    """The number a box keeps in `rel`, which links and not boxes take (Onet's entries'
    `div.messageItem[rel="1650735540"]`): the box's id."""
    rel = (element.get("rel") or "").strip()
    return rel if rel.isdigit() and element.tag not in _LINK_TAGS else ""


_LINK_TAGS = frozenset({"a", "link", "area", "form"})


def _serial(ids: list[str]) -> bool:
    """Whether members' ids are the ids a CMS gives its posts: numbered (post-12, p3, a uuid
    each, 80_parent) or made alike (a common start), not the names of a layout's boxes side by
    side ("share", "wrap_illu", "commentaires")."""
    if not ids:
        return False
    numbered = sum(1 for value in ids if any(c.isdigit() for c in value))
    if numbered * 2 >= len(ids):
        return True
    first, last = min(ids), max(ids)  # what these two share, all the ids share
    return first[:_ID_PREFIX] == last[:_ID_PREFIX] and len(first) >= _ID_PREFIX


_ID_PREFIX = 3  # characters the ids of posts not numbered at least share ("entry-", "post-")


def _has_reply_button(member: Element) -> bool:
    """Whether the box holds a comment's "Reply" (or "Report", "Quote") control: the word as
    a link's or button's whole text, not a link inside a sentence ("the <a>report</a> will
    be published"). (A link that asks a forum to reply or quote, its words an icon's, marks
    its boxes: _Features.replied.)"""
    if not any(_REPLY_WORDS.match(text) for text in walks.own_texts(member, _BUTTON_TAGS, 20)):
        return False
    return any(
        _REPLY_WORDS.match(node.text or "") and not _in_sentence(node)
        for node in member.iter(*_BUTTON_TAGS)
    )


def _asks_reply(href: str) -> bool:
    """Whether a link asks a forum to reply or quote (_REPLY_HREF): most links a page
    shares say neither word (in the lower case forums write them), a look in C."""
    return ("reply" in href or "quote" in href) and _REPLY_HREF.search(href) is not None


# A link that asks a forum to reply or quote: phpBB's `posting.php?mode=quote`, MyBB's
# `newreply.php`, WordPress's `?replytocom=`.
_REPLY_HREF = re.compile(
    r"[?&](?:mode=(?:reply|quote)|replytocom=|replyto=|action=reply)|newreply\.php|"
    r"multiquote|/reply(?:/|\?|$)",
    re.I,
)


def _in_discussion(member: Element) -> bool:
    """Whether schema.org's words make the box a discussion's: an answer, a question or a
    forum post (Stack Exchange's `itemprop=acceptedAnswer`), or a comment on a forum post
    (Discourse's `itemtype=Comment` in its DiscussionForumPosting). A comment in a blog
    posting may be a live blog's update: Plone's collective.liveblog marks them so."""
    itemtype, itemprop = member.get("itemtype"), member.get("itemprop")
    if (itemtype and _DISCUSSION_TYPE.search(itemtype)) or (
        itemprop and _ANSWER_PROP.search(itemprop)
    ):
        return True
    if not (itemtype and _COMMENT_TYPE.search(itemtype)):
        return False
    return any(_DISCUSSION_TYPE.search(box.get("itemtype") or "") for box in member.iterancestors())


_DISCUSSION_TYPE = re.compile(r"/(?:Answer|Question|DiscussionForumPosting)$", re.I)
_COMMENT_TYPE = re.compile(r"/Comment$", re.I)
_ANSWER_PROP = re.compile(r"\b(?:suggestedAnswer|acceptedAnswer)\b", re.I)


def _in_sentence(node: Element) -> bool:
    """Whether words run on beside an element, before or after it: a link in a sentence."""
    previous = node.getprevious()
    parent = node.getparent()
    before = previous.tail if previous is not None else parent.text if parent is not None else ""
    return any(c.isalnum() for c in (before or "") + (node.tail or ""))


_BUTTON_TAGS = frozenset({"a", "button", "span"})


def _link_share(member: Element) -> float:
    """The part of a member's text that is the text of links."""
    total = walks.text_length(member)
    if total == 0:
        return 1.0
    return min(walks.linked_length(member) / total, 1.0)


# Times written for people --------------------------------------------------------------------


def visible_times(
    texts: list[tuple[Element, str, bool]],
    clock: PageClock | None,
    labelled: dict[Element, bool] | None = None,
) -> list[_Time]:
    """Times printed for people, in page order: "19:30", "5:32 p.m. ET, October 8, 2023",
    "il y a 5 minutes", "45+2'" (a match minute: no instant, but a post's mark); `labelled`
    keeps what _modified_class() says of each element asked."""
    if clock is None:
        return []
    labelled = {} if labelled is None else labelled
    found: list[tuple[int, Element, str, Reading]] = []
    read: dict[str, Reading | None] = {}
    clocks_in: Counter[tuple[object, ...]] = Counter()  # two-digit clocks by their box's shape
    afternoon: set[tuple[object, ...]] = set()  # the shapes of boxes that hold "16:42"
    day_clocks: list[tuple[int, tuple[object, ...], int]] = []  # (where, shape, minutes)
    short: list[tuple[int, Element, str]] = []  # "9:03" alone: a clock in such a box
    mins: list[tuple[int, Element, str, re.Match[str]]] = []  # "78 mins" alone in a stamp's box
    for at, (element, text, is_tail) in enumerate(texts):
        if text in read:
            reading = read[text]
        else:
            reading = read[text] = _posted_after_edit(clock.read(text), text, clock)
        if reading is not None and reading.kind == "clock" and _stepped_back(reading, clock):
            reading = _with_its_date(texts, at, reading, clock)
        if reading is None:
            if not is_tail and len(text) > _RACE_MARK_LENGTH:
                reading = _race_line(element, text)
                if reading is None and len(text) <= _RACE_LABEL_LENGTH:
                    reading = _race_mark(element, text)  # ("À 45 km de l'arrivée")
                if reading is not None:
                    found.append((at, element, text, reading))
                continue
            if is_tail:
                continue
            after = texts[at + 1][1] if at + 1 < len(texts) else ""
            reading = _bare_minute(element, text, after, clock) or _race_mark(element, text)
            if reading is None and text.lstrip()[:1].isdecimal():  # (both open with a digit)
                if ("." in text or ":" in text) and _SHORT_CLOCK_SHAPE.fullmatch(
                    western_digits(text)
                ):
                    short.append((at, element, text))
                elif (alone := _MINS_ALONE.fullmatch(text)) is not None and _mins_box(
                    element, text
                ):
                    mins.append((at, element, text, alone))
            if reading is None:
                continue
        elif (
            not is_tail
            and reading.kind == "clock"
            and reading.clock is not None
            and (game := _game_clock_box(element, text, reading)) is not None
        ):
            reading = game
        elif (
            not is_tail
            and reading.kind == "clock"
            and _TWO_DIGIT_CLOCK.fullmatch(western_digits(text))
            and _length_shape(_box_shape(element))
        ):
            continue  # (a video's length, `span.duration` "12:40": no clock of the day)
        elif (
            not is_tail
            and reading.kind == "clock"
            and reading.clock is not None
            and _TWO_DIGIT_CLOCK.fullmatch(western_digits(text))
        ):
            shape = _box_shape(element)
            clocks_in[shape] += 1
            if reading.clock[0] >= 13:
                afternoon.add(shape)
            day_clocks.append((at, shape, reading.clock[0] * 60 + reading.clock[1]))
        elif not is_tail and reading.kind == "relative" and reading.clock is None:
            reading = _titled_stamp(element, reading, clock) or reading
        holder = element.getparent() if is_tail else element
        if holder is not None:
            found.append((at, holder, text, reading))
    if short and clocks_in:
        found += _short_clocks(short, clock, clocks_in, afternoon, day_clocks)
        found.sort(key=lambda item: item[0])
    if len(mins) >= _TICKER_LINES:
        found += _falling_mins(mins)
        found.sort(key=lambda item: item[0])
    return [
        _Time(
            holder,
            reading.utc or "",
            VISIBLE,
            _modified_class(holder, labelled),
            text,
            reading,
            True,
        )
        for _, holder, text, reading in found
    ]


def _titled_stamp(element: Element, ago: Reading, clock: PageClock) -> Reading | None:
    """The exact time a stamp that shows how long ago ("2h ago") gives its reader on hover, in
    its `title` ("May 1, 2024 8:00 PM AEST", the abbr design pattern's "2024-05-01T20:00+10:00"):
    a date and a clock within a day of how long ago says, no later than the fetch, that no
    label calls an edit's; else None."""
    title = element.get("title")
    if not title or len(title) > _TITLE_STAMP or not _HAS_DIGIT.search(title):
        return None  # (most stamps: no title)
    if _says_edit(title):
        return None  # ("Updated May 1, 2024 9:10 PM": the last edit's, as _edit_icon reads it)
    exact = clock.read(title)
    if exact is None or exact.kind != "full" or exact.clock is None or not exact.utc:
        utc = machine_time(title.strip()) if _ZONED_ISO.match(title.strip()) else None
        exact = None if utc is None else Reading("full", utc, title, None)
    if exact is None or exact.utc is None or ago.utc is None:
        return None
    apart = instant.seconds(exact.utc), instant.seconds(ago.utc)
    if apart[0] is None or apart[1] is None or abs(apart[0] - apart[1]) > _TITLE_AGREES:
        return None
    if apart[0] > clock.fetched_at.timestamp():
        return None  # (no post went up after the fetch)
    return Reading("full", exact.utc, ago.text, exact.clock)


_TITLE_STAMP = 60  # characters: a date, a clock and a zone, a weekday's name before them
_TITLE_AGREES = 86_400  # seconds: how long ago in days rounds by up to one


def _mins_box(element: Element, text: str) -> bool:
    """Whether "78 mins" is all a box whose class says stamp, time or minute holds (not how
    long something takes, `span.cook-time`), no word of how long ago beside it ("vor", "il y
    a" before; "ago", "fa" after)."""
    cls = element.get("class")
    if not cls or not (_TIME_CLASS.search(cls) or _MINUTE_CLASS.search(cls)):
        return False
    if _DURATION_CLASS.search(cls):
        return False  # (a recipe's `span.cook-time`, a story's `span.read-time`)
    if len(element) and text_of(element).strip() != text.strip():
        return False  # ("<span class='stamp'>5 mins <span>ago</span></span>")
    previous, parent = element.getprevious(), element.getparent()
    before = (
        text_of(previous) + (previous.tail or "")
        if previous is not None
        else (parent.text or "")
        if parent is not None
        else ""
    )
    after, following = element.tail or "", element.getnext()
    if not after.strip() and following is not None:
        after = text_of(following)
    return _AGO_BEFORE.search(before) is None and _AGO_AFTER.match(after) is None


def _falling_mins(
    mins: list[tuple[int, Element, str, re.Match[str]]],
) -> list[tuple[int, Element, str, Reading]]:
    """The minutes written with their word alone in stamps' boxes ("78 mins", "90+2 mins"),
    read as a match's where three boxes of a shape or more hold them and they run down the
    page from no more than a match runs, newest first: how long ago ("5 mins", "12 mins",
    "25 mins") grows down the page instead."""
    shapes: defaultdict[tuple[object, ...], list[tuple[int, Element, str, re.Match[str]]]] = (
        defaultdict(list)
    )
    for item in mins:
        shapes[_box_shape(item[1])].append(item)
    read: list[tuple[int, Element, str, Reading]] = []
    for items in shapes.values():
        marks = [(int(m.group(1)), int(m.group(2) or 0)) for *_, m in items]
        if (
            len(items) < _TICKER_LINES
            or max(minute for minute, _ in marks) > _LAST_MINUTE
            or any(later < earlier for later, earlier in pairwise(marks))
            or len(set(marks)) == 1
        ):
            continue
        for at, element, text, m in items:
            reading = minute_reading(text.strip(), int(m.group(1)), m.group(2))
            if reading is not None:
                read.append((at, element, text, reading))
    return read


# A match's minute with its word and nothing else ("78 mins", "90+2 min"); how long ago may
# be written so too ("5 mins"), told apart by the order the page gives them (_falling_mins).
_MINS_ALONE = re.compile(r"\s*(\d{1,3})(?:\s?\+\s?(\d{1,2}))?\s?mins?\.?\s*", re.I)
# A box whose class says how long a thing runs (a video's length), and one whose class says
# how long something takes: those, a recipe's, a story's, a video's.
_LENGTH_CLASS = re.compile(r"duration|length|runtime|laufzeit|dauer|dur[ée]e", re.I)
_DURATION_CLASS = re.compile(rf"cook|prep|read|total|video|{_LENGTH_CLASS.pattern}", re.I)
# The words of how long ago that clock.py reads, in every language: before the amount ("vor",
# "il y a", "před", "acum") or after it ("ago", "fa", "atrás", "sitten").
_AGO_BEFORE = re.compile(rf"\b(?:{'|'.join(map(re.escape, ago_words()[0]))})\s*$", re.I)
_AGO_AFTER = re.compile(rf"\s*(?:{'|'.join(map(re.escape, ago_words()[1]))})\b", re.I)


def _posted_after_edit(reading: Reading | None, text: str, clock: PageClock) -> Reading | None:
    """The time a stamp says its post went up, where it gives the last edit's first ("Updated
    14:50 · First published 13:05", "Aktualisiert 14:50, veröffentlicht 13:05"): the second,
    as where the edit comes after (README, Times); else the first time the text holds."""
    if reading is None or reading.kind == "relative" or not _says_edit(text):
        return reading
    at = text.find(reading.text)
    rest = text[at + len(reading.text) :] if at >= 0 else ""
    posted = _FIRST_POSTED.search(rest)
    if posted is None:
        return reading
    later = clock.read(rest[posted.end() :])
    if later is not None and later.kind == "relative" and later.utc is not None:
        return later  # "Updated 14:50 · Posted 2 hours ago"
    if later is None or later.kind not in ("clock", "full") or later.clock is None:
        return reading
    return later


# A morning's one-digit clock ("9:03") beside the day's "16:42": read where the page prints its
# afternoon clocks on 24 hours in boxes of the same tag and class, within a parent of the same.
# (A game's clock, "4:51" below "11:39", counts down from 12 or 15 minutes.)
_SHORT_CLOCK_SHAPE = re.compile(r"\s*\d[:.][0-5]\d\s*", re.ASCII)
_TWO_DIGIT_CLOCK = re.compile(r"\s*\d\d[:.][0-5]\d\s*", re.ASCII)


def _short_clocks(
    short: list[tuple[int, Element, str]],
    clock: PageClock,
    clocks_in: Counter[tuple[object, ...]],
    afternoon: set[tuple[object, ...]],
    day_clocks: list[tuple[int, tuple[object, ...], int]],
) -> list[tuple[int, Element, str, Reading]]:
    """The one-digit clocks read as clocks, in boxes of a shape that holds no "0:42" (a
    video's or a transcript's time codes, "0:00", "4:05", "11:12", "14:30", run from nought
    and are mostly one-digit), and either afternoon clocks, more of them than of these, or,
    written with a dot as no game's clock or time code is, two-digit clocks or more that run
    down the page with these, as a morning's newest-first ticker does ("11.40", "10.15",
    "9.30", "7.05"; one may stand out of order, a summary kept on top, and the night's may
    cross midnight, "0.50" above "23.40"); or, written with a colon, two-digit clocks or more
    that run down the page with these, every one of them between the time the page says its
    blog began that day and its last change or the fetch (a Toronto paper's "11:45", "10:30",
    "9:15" on 12 hours: a game's clock, read as hours, "14:20" to "7:30", fits no such
    window)."""
    shapes = [_box_shape(element) for _, element, _ in short]
    counts = Counter(shapes)
    codes: set[tuple[object, ...]] = set()
    dotted: dict[tuple[object, ...], bool] = {}
    for shape, (_, _, text) in zip(shapes, short, strict=True):
        written = western_digits(text).strip()
        dot = "." in written
        dotted[shape] = dotted.get(shape, True) and dot
        if written[0] == "0" and not dot:
            codes.add(shape)
    clocked: dict[tuple[object, ...], bool] = {}  # whether a shape's one-digit texts are clocks
    hours = _blog_hours(clock)
    periods: set[tuple[object, ...]] = set()  # shapes of boxes beside a game's period ("Q4")
    if hours is not None:
        periods = {
            shape
            for shape, (_, element, _) in zip(shapes, short, strict=True)
            if _beside_period(element)
        }
    for shape in counts:
        clocked[shape] = (
            shape not in codes
            and not _length_shape(shape)
            and (
                (shape in afternoon and clocks_in[shape] > counts[shape])
                or (
                    (dotted[shape] or (hours is not None and shape not in periods))
                    and clocks_in[shape] >= 2
                    and _run_down(shape, short, day_clocks, None if dotted[shape] else hours)
                )
            )
        )
    found = []
    for shape, (at, element, text) in zip(shapes, short, strict=True):
        if clocked[shape]:
            reading = clock.read_short_clock(text)
            if reading is not None:
                found.append((at, element, text, reading))
    return found


def _run_down(
    shape: tuple[object, ...],
    short: list[tuple[int, Element, str]],
    day_clocks: list[tuple[int, tuple[object, ...], int]],
    hours: tuple[int, int] | None = None,
) -> bool:
    """Whether the clocks of boxes of a shape, two-digit and one-digit, run down the page: they
    rise nowhere but across midnight, or at one that stands out of their order; and, where
    `hours` are given (minutes of the day), fall between them, all of them."""
    marks = [(at, minutes) for at, other, minutes in day_clocks if other == shape]
    for at, element, text in short:
        if _box_shape(element) == shape:
            hour, minute = _SHORT_CLOCK_SHAPE_PARTS.split(western_digits(text).strip())
            marks.append((at, int(hour) * 60 + int(minute)))
    if hours is not None and not all(hours[0] <= minutes <= hours[1] for _, minutes in marks):
        return False
    return _times_run_down([minutes for _, minutes in sorted(marks)])


def _length_shape(shape: tuple[object, ...]) -> bool:
    """Whether boxes of a shape hold a length by their class or their parent's
    (`span.duration` "9:30" below "12:40", a video's): no clock of the day."""
    return any(isinstance(cls, str) and _LENGTH_CLASS.search(cls) for cls in shape[1::2])


# A game's quarter or period named alone or opening a line: "Q4", "4th Qtr", "P3", "OT",
# "2nd quarter", "Q4: a three from the corner".
_GAME_PERIOD = re.compile(
    r"\s*(?:(?-i:Q[1-4]|[1-4]Q|OT[1-9]?|P[1-3])|[1-4](?:st|nd|rd|th)\s+(?:qtr|quarter|period))\b",
    re.I,
)
_PERIOD_LINE = 80  # characters of a box beside a clock read for its period


def _beside_period(element: Element) -> bool:
    """Whether the box next to a clock's, before or after it, opens with a game's period
    ("Q4" then "9:15", "9:15" then "Q4: a three from the corner"): a game's clock."""
    for other in (element.getprevious(), element.getnext()):
        if other is None or not isinstance(other.tag, str):
            continue
        text = ""
        for part in other.itertext():  # (its opening words only: a long box is a post's)
            text += part
            if len(text) > _PERIOD_LINE:
                break
        if _GAME_PERIOD.match(text):
            return True
    return False


def _blog_hours(clock: PageClock) -> tuple[int, int] | None:
    """The minutes of the day between the time the page says its blog began and its last
    change, or the fetch where it states no change, both on one day in its zone; None where the
    page states no start (only its last change) or the two are on different days."""
    if clock.opened is not None and clock.changed is not None:
        start, end = clock.opened, clock.changed
    elif clock.stamp is not None and not clock.stamp_changed:
        start, end = clock.stamp, clock.fetched_at
    else:
        return None
    start, end = start.astimezone(clock.zone), end.astimezone(clock.zone)
    if start.date() != end.date():
        return None
    return start.hour * 60 + start.minute, end.hour * 60 + end.minute


def _times_run_down(times: list[int]) -> bool:
    """Whether clocks, in minutes, run down the page: they rise nowhere but across midnight,
    or at one that stands out of their order."""
    rises = [i for i in range(len(times) - 1) if times[i + 1] > times[i]]
    if not rises:
        return True
    if len(rises) > 1:
        return False
    rise = rises[0]
    if times[rise + 1] - times[rise] >= _MIDNIGHT_JUMP:
        return True  # (the night's clocks above the evening's)
    return any(
        _falls(times[:lone] + times[lone + 1 :]) for lone in (rise, rise + 1)
    )  # one out of order


def _falls(times: list[int]) -> bool:
    return all(later <= earlier for earlier, later in itertools.pairwise(times))


_MIDNIGHT_JUMP = 12 * 60  # minutes a day's clock jumps up the page, newest first, at midnight
_SHORT_CLOCK_SHAPE_PARTS = re.compile(r"[:.]")


def _box_shape(element: Element) -> tuple[object, ...]:
    parent = element.getparent()
    if parent is None:
        return (element.tag, element.get("class"))
    return (element.tag, element.get("class"), parent.tag, parent.get("class"))


def _stepped_back(reading: Reading, clock: PageClock) -> bool:
    """Whether a clock was put on the day before the page's, as on it it would come after the
    fetch."""
    moment = parse_utc(reading.utc)
    if clock.day is None or moment is None:
        return False
    return moment.astimezone(clock.zone).date() < clock.day


_DATE_APART = 2  # texts from a clock its stamp's date may be, a separator's between


def _with_its_date(
    texts: list[tuple[Element, str, bool]], at: int, reading: Reading, clock: PageClock
) -> Reading:
    """A clock read with the date its stamp shows in a box of its own beside it ("<span>15:20
    </span> <span>14 June 2024</span>", the two a level apart at most): on that date, where the
    clock alone stepped back a day; else the clock as read."""
    element, text, is_tail = texts[at]
    holder = element.getparent() if is_tail else element
    if holder is None:
        return reading
    for step in (1, -1):
        other = at + step
        while 0 <= other < len(texts) and abs(other - at) <= _DATE_APART:
            neighbour, words, tail = texts[other]
            other += step
            if not any(c.isdigit() for c in words):
                continue  # a separator, "·"
            near = neighbour.getparent() if tail else neighbour
            if near is None or not _one_stamp(holder, near) or clock.read(words) is not None:
                break
            pair = f"{text} {words}" if step > 0 else f"{words} {text}"
            dated = clock.read(pair)
            if dated is not None and dated.kind == "full" and dated.clock == reading.clock:
                return replace(dated, text=reading.text)
            break
    return reading


def _one_stamp(first: Element, second: Element) -> bool:
    """Whether two boxes are parts of one stamp: their parents the same, or one's parent the
    other's grandparent."""
    up, other_up = first.getparent(), second.getparent()
    if up is None or other_up is None:
        return False
    return up is other_up or up is other_up.getparent() or other_up is up.getparent()


def _game_clock_box(element: Element, text: str, reading: Reading) -> Reading | None:
    """A clock alone in a box whose class names a game's clock, quarter or period
    (`span.game-clock` "08:41", `div.period-clock`): the time left in the period, a match mark
    like a minute, never a clock of the day."""
    cls = element.get("class")
    if not cls or _GAME_CLOCK_CLASS.search(cls) is None or reading.clock is None:
        return None
    if reading.text.strip() != text.strip():
        return None
    return game_clock_reading(text.strip(), "", *reading.clock)


# A game's, a quarter's or a period's clock: a class that says period or quarter alone
# ("time-period", "quarter-hour", "period") may be a clock of the day's box.
_GAME_CLOCK_CLASS = re.compile(r"(?:game|match|play|quarter|qtr|period)[-_]?clock", re.I)


def _bare_minute(
    element: Element, text: str, after: str = "", clock: PageClock | None = None
) -> Reading | None:
    """A match minute printed as bare digits ("71", "45+2") in a box whose class says minute
    (Sportschau's `div.liveticker-minute`), or as its language writes it ("89.", "72e", "45°")
    in one whose class says minute or time (`span.live-post__time`), unless the text the page
    shows `after` it is a month's name or a clock (a day's "14." then "Mai", a place's "2e"
    then "18h10"); or a cricket ball ("19.4") in one whose class says over or ball (Cricbuzz's
    `div.cb-ovr-num`), which no reading of the text alone finds."""
    cls = element.get("class")
    if not cls:
        return None
    if (match := _BARE_MINUTE.fullmatch(text.strip())) is not None:
        minute = int(match.group(1))
        if not minute or not (
            _MINUTE_CLASS.search(cls)
            or (
                match.group("sign")
                and minute <= _LAST_MINUTE
                and _TIME_CLASS.search(cls)
                and not _dated_after(element, after, clock)
            )
        ):
            return None
        return minute_reading(text.strip(), minute, match.group("x"))
    if (match := _BALL.fullmatch(text.strip())) is not None and _OVER_CLASS.search(cls):
        return ball_reading(text.strip(), int(match.group(1)), int(match.group(2)))
    return None


def _dated_after(element: Element, after: str, clock: PageClock | None) -> bool:
    """Whether a number in a time box ("14.", "2e") goes on with a date or a clock: a month's
    name opens the words beside it ("<span>14.</span> <span>Mai</span>"), or the next text the
    page shows with a digit, `after`, is a clock ("20.31 Uhr")."""
    beside = (element.tail or "").strip()
    if not beside and (next_box := element.getnext()) is not None:
        beside = (next_box.text or "").strip()
    words = beside.split(maxsplit=1)
    if words and words[0].strip(".,").lower() in MONTHS:
        return True
    if clock is None or not after or len(after) > _RACE_MARK_LENGTH:
        return False
    reading = clock.read(after)
    return reading is not None and reading.kind != "minute"


def _race_line(element: Element, text: str) -> Reading | None:
    """The race's or the match's mark that opens a line of a ticker cut at such lines
    (_segment_tickers: "Lap 23/57: Hamilton pits", "45 km to go: …", "Over 34.2: …", the line
    an entry's lead), or a post's box's first paragraph: the entry's mark, as a minute opening
    a line is. A line of any other text that opens so is none."""
    parent = element.getparent()
    if parent is None or parent[0] is not element or (parent.text or "").strip():
        return None
    if parent.get("class") != _SEGMENT_CLASS and element.tag not in _LEAD_LINES:
        return None  # (a post's own box: its first paragraph, `div.post > p`)
    mark = _race_label(text)
    if mark is None:
        return None
    if (run := _KM_AT.fullmatch(mark)) is not None:  # ("Km 30:": the label says what it is)
        return Reading("minute", None, mark, minute=str(int(run.group("n"))))
    return _race_mark(element, mark)


def _first_number(text: str) -> int:
    return int(re.search(r"\d+", text).group())  # type: ignore[union-attr]


def _race_lead(time: _Time) -> bool:
    """Whether a post's first time is a race's or a match's label opening its first paragraph
    (_race_line: "<p>Lap 1: chaos…</p>"), no instant: a clock of the day the post shows below
    it is its time, the label its words."""
    reading = time.reading
    return (
        not time.value
        and reading is not None
        and reading.kind == "minute"
        and time.element.tag in _LEAD_LINES
        and _race_label(text_of(time.element)) is not None
    )


def _race_label(text: str) -> str | None:
    """The race's or the match's mark that opens a line as its label, before a colon or a
    dash, or all its text ("Lap 23/57:", "45 km to go –", "Noch 45 km:", "Over 34.2:", "Set 2:
    4-3 –"), as printed."""
    if not text or not (text.lstrip()[:1].isdigit() or text.lstrip()[:1] in _RACE_OPENERS):
        return None  # (most texts: cheap first)
    label = _RACE_LABEL.match(text[: _RACE_LABEL_LENGTH + 2])
    return None if label is None else label.group("mark")


def _race_mark(element: Element, text: str) -> Reading | None:
    """A race's lap or distance standing alone in a box of its own, as a post's stamp: "Lap
    23/57", "Lap 23", "Runde 23", "120 km to go", and "L23" or "km 45" in a box whose class
    says lap or distance; or a tennis match's set and its games ("Set 2, 4-3", "Satz 2, 4:3");
    a match mark like a minute (a later lap, fewer kilometres to go, a later set or more
    games in one is later)."""
    stripped = text.strip()
    if stripped.endswith(_LABEL_ENDS):
        stripped = _LABEL_END.sub("", stripped)
    if not stripped or not (stripped[0].isdigit() or stripped[0] in _RACE_OPENERS):
        return None  # (most texts: cheap first)
    if _RACE_MARK.fullmatch(stripped) is None:
        return None  # (a nav link's "Section 2": one match where each mark's would be six)
    if (match := _SET_SCORE.fullmatch(stripped)) is not None:
        games = int(match.group("a")) + int(match.group("b"))
        return Reading("minute", None, stripped, minute=str(int(match.group("n")) * 100 + games))
    if (match := _LAP.fullmatch(stripped)) is not None:
        boxed = match.group("word") or _RACE_CLASS.search(element.get("class") or "")
        lap = int(match.group("n"))
        if not boxed or not 0 < lap <= _MOST_LAPS:
            return None
        return Reading("minute", None, stripped, minute=str(lap))
    if _TO_GO.fullmatch(stripped) is not None:
        return Reading("minute", None, stripped, minute=str(-_first_number(stripped)))
    if (game := _GAME_LABEL.fullmatch(stripped)) is not None:  # ("Q4 2:11:", a line's label)
        minutes, seconds = int(game.group("m")), int(game.group("s"))
        return game_clock_reading(stripped, game.group("period"), minutes, seconds)
    if _OVER.fullmatch(stripped) is not None:
        over, ball = _BALL_IN.search(stripped).groups()  # type: ignore[union-attr]
        return ball_reading(stripped, int(over), int(ball))
    if (match := _KM_AT.fullmatch(stripped)) is not None and (
        _RACE_CLASS.search(element.get("class") or "")
        or (element.tag in ("b", "strong") and _opens_line(element))
    ):  # (or in bold opening a line, as a label: "<p><b>Km 30</b> – …")
        return Reading("minute", None, stripped, minute=str(int(match.group("n"))))
    return None


# A lap in the languages read ("Lap 23/57", "Runde 23/57", "Tour 23/57", "Giro 23 di 57",
# "Vuelta 23/57", "Volta 23/57", "Ronde 23/57", "Okrążenie 23/57"), a label's colon or dash
# after it where it opens a line ("Lap 23/57:").
_LAP_WORDS = r"lap|runde|tour|giro|vuelta|volta|ronde|okrążenie"
_LAP = re.compile(
    rf"(?:(?P<word>{_LAP_WORDS})\s*|L)(?P<n>\d{{1,3}})"
    r"(?:\s*(?:/|of|von|sur|di|de|van|z)\s*\d{1,3})?(?:\s?[:–—-])?",
    re.I,
)
# A race's distance to go in the languages read: "45 km to go", "Noch 45 km", "45 km vor dem
# Ziel", "À 45 km de l'arrivée", "A 45 km dall'arrivo", "-45 km", "A 45 km de meta", "Faltam 45
# km", "Nog 45 km", "45 km do mety".
_KM_N = r"\d{1,3}(?:[.,]\d)?\s?km"
_ARRIVAL = (
    r"de l[’']arrivée|dall[’']arrivo|al traguardo|(?:de|para)(?: la)? meta|"
    r"(?:da|para a) (?:meta|chegada)"
)
_TO_GO = re.compile(
    rf"{_KM_N}\s+(?:to go|remaining|left|vor dem ziel|bis zum ziel|{_ARRIVAL}|"
    r"tot de finish|voor de finish|do mety|do końca)|"
    rf"(?:noch|nog|faltam|a falta de|jeszcze)\s+{_KM_N}|(?:à|a)\s+{_KM_N}\s+(?:{_ARRIVAL})|"
    rf"[-–]\s?{_KM_N}",
    re.I,
)
# A cricket ball as a commentary's line labels it: "Over 34.2", "34.2 ov".
_OVER = re.compile(r"(?:over|ov\.?)\s*\d{1,3}\.\d|\d{1,3}\.\d\s?ov", re.I)
# The kilometre a race has reached, a marathon's: "Km 30", "Kilometre 30", "Kilómetro 30".
_KM_AT = re.compile(r"(?:km|kil[oó]m[eéè]t(?:er|re|ro))\s?(?P<n>\d{1,3})(?:[.,]\d)?", re.I)
_SET_SCORE = re.compile(
    r"(?:set|satz)\s*(?P<n>[1-5])\s*[,:]?\s*(?P<a>\d{1,2})\s*[-–:]\s*(?P<b>\d{1,2})", re.I
)
# An American game's quarter or period and the time left in it, as a line's label: "Q4 2:11",
# "4th Qtr 2:11", a hockey game's "P3 2:11", "OT 2:31".
_GAME_LABEL = re.compile(
    r"(?P<period>(?-i:Q[1-4]|[1-4]Q|OT[1-9]?|P[1-3])|[1-4](?:st|nd|rd|th)\s+(?:qtr|quarter|period))"
    r"\s*[-–—,|·•]?\s*(?P<m>[0-5]?\d):(?P<s>[0-5]\d)",
    re.I,
)
_RACE_CLASS = re.compile(r"lap|runde|km|distance|kilomet", re.I)
_MOST_LAPS = 500  # laps a race may run (an oval's)
_BALL_IN = re.compile(r"(\d{1,3})\.(\d)")
_RACE_MARK_LENGTH = 16  # characters of a text that may be a race's lap or distance
_RACE_LABEL_LENGTH = (
    28  # characters of a race's or a match's mark in words ("À 45 km de l'arrivée")
)
_RACE_OPENERS = frozenset("LlKkRrSsTtGgVvOoNnFfJjAaÀàQqPp-–")  # what such a mark may open with
_LABEL_END = re.compile(r"\s?[:–—-]$")  # a label's colon or dash after a mark
_LABEL_ENDS = (":", "–", "—", "-")
# Any of the marks _race_mark reads, each as its own pattern matches it (all six ignore case,
# but for _GAME_LABEL's periods, which say so inside): one look before the six.
_RACE_MARK = re.compile(
    "|".join(
        "(?:" + re.sub(r"\(\?P<\w+>", "(?:", mark.pattern) + ")"
        for mark in (_SET_SCORE, _LAP, _TO_GO, _GAME_LABEL, _OVER, _KM_AT)
    ),
    re.I,
)
_RACE_LABEL = re.compile(
    r"\s*(?P<mark>(?:"
    + _LAP_WORDS
    + r")\s*\d{1,3}(?:\s*(?:/|of|von|sur|di|de|van|z)\s*\d{1,3})?|"
    + _TO_GO.pattern
    + r"|"
    + _OVER.pattern
    + r"|(?:set|satz)\s*[1-5]\s*[,:]?\s*\d{1,2}\s*[-–:]\s*\d{1,2}|"
    + _KM_AT.pattern
    + r"|"
    + _GAME_LABEL.pattern
    + r")\s?(?:[:–—-](?:\s|$)|$)",
    re.I,
)

_BARE_MINUTE = re.compile(r"(\d{1,3})(?P<sign>\.|e|re|er|°)?(?:\s*\+\s*(?P<x>\d{1,2}))?")
_BALL = re.compile(r"(\d{1,3})\.(\d)")
_OVER_CLASS = re.compile(r"(?:^|[\s_:-])(?:ovr|overs?|balls?)(?=$|[\s_:-])", re.I)
_BARE_MINUTE_LENGTH = 12  # characters of a text that may be a minute and its added time
_MINUTE_CLASS = re.compile(r"minute|minuto|minuut|minuta|(?:^|[\s_-])min(?:$|[\s_-])", re.I)
# A box whose class says time or its stamp: where its language's sign beside the digits ("89.",
# "72e", "45°") says they are a match's minute, up to the end of extra time and its added time.
_TIME_CLASS = re.compile(r"time|zeit|temps|tempo|tiempo|stamp", re.I)
_LAST_MINUTE = 130


def _phase_marks(members: list[Element], times: dict[Element, list[_Time]]) -> None:
    """A match's phase in words ("KO", "HT", "FT", "Halbzeit", "Mi-temps", "Descanso") alone
    in the box where other posts show their minute, of a post that shows no time: the post's
    mark, as a minute is, neither its title nor its words; the page orders it. (The box is
    where theirs is, in a box of the same tag: a results table's "Final" inside a post's
    words is none.)"""
    boxes: Counter[tuple[str, str | None, object]] = Counter()
    for member in members:
        for t in times[member]:
            if t.reading is not None and t.reading.kind == "minute" and t.element is not member:
                boxes[_phase_box(t.element)] += 1
    shapes = {shape for shape, count in boxes.items() if count >= _PHASE_PEERS}
    if not shapes:
        return  # (most streams: no match's minutes)
    for member in members:
        if times[member]:
            continue
        for element in islice(member.iter(etree.Element), _LABEL_ELEMENTS):
            if len(element) or _phase_box(element) not in shapes:
                continue
            text = (element.text or "").strip()
            if not _PHASE.fullmatch(text.lower()) and (label := _PHASE_LABEL.match(text.lower())):
                text = text[: label.end()].strip()  # (a line it opens: "HT: Spurs 1-0 Villa")
            if len(text) <= _PHASE_LENGTH and _PHASE.fullmatch(text.lower()):
                reading = Reading("minute", None, text, minute=f"{_PHASE_MARK}{text}")
                times[member].append(_Time(element, "", VISIBLE, False, text, reading, True))
            break


def _phase_box(element: Element) -> tuple[str, str | None, object]:
    parent = element.getparent()
    return element.tag, element.get("class"), parent.tag if parent is not None else None


# A match's phases in words, in the languages read: before it, its start, the break, the
# second half, extra time, penalties and its end; a cricket day's breaks, an American game's
# quarters' ends, a race's start and finish.
_PHASE_WORDS = (
    r"(?:ko|kick[- ]?off|ht|half[- ]?time|ft|full[- ]?time|pre[- ]?(?:match|game)|"
    r"post[- ]?match|aet|et|extra[- ]time|penalties|pens|(?:penalty )?shoot[- ]?out|"
    r"(?:second|2nd) half|"
    r"anstoß|anpfiff|halbzeit(?:pause)?|pause|abpfiff|schlusspfiff|spielende|"
    r"vor dem spiel|nach dem spiel|verlängerung|elfmeterschießen|"
    r"coup d[’']envoi|mi-temps|fin d[ue] match|avant-match|après-match|prolongations?|"
    r"tirs au but|début du match|"
    r"inicio|descanso|final|fin del partido|final del partido|previa|entretiempo|"
    r"prórroga|penaltis|"
    r"calcio d[’']inizio|inizio|intervallo|fischio finale|fine partita|pre-?partita|"
    r"supplementari|rigori|"
    r"início|intervalo|fim de jogo|apito final|pré-jogo|"
    r"aftrap|rust|einde|einde wedstrijd|voorbeschouwing|nabeschouwing|"
    r"początek|przerwa|koniec|koniec meczu|przed meczem|po meczu|"
    r"toss|drinks|lunch|tea|stumps|innings break|rain delay|bad light|"
    r"post-?game|ot|intermission|end of regulation|end of q[1-4]|"
    r"end of (?:the )?(?:1st|2nd|3rd|4th|first|second|third|fourth)(?: quarter| period| qtr)?|"
    r"formation lap|lights out|red flag|chequered flag|checkered flag|pre-race|post-race|"
    r"start|finish)"
)
_PHASE = re.compile(_PHASE_WORDS + r"(?:[.!:]|\s?[–—-])?")
# A phase that opens a line as a label, before a colon or a dash ("HT: Spurs 1-0 Villa"): "HT"
# in running words is none.
_PHASE_LABEL = re.compile(r"\s*" + _PHASE_WORDS + r"\s?[:–—-](?:\s|$)")
# A match's phase and the score and nothing else ("HT: 1-0", "FT 2-1"): a commentary's post.
_PHASE_SCORE = re.compile(
    _PHASE_WORDS + r"\s?[:–—-]?\s?(?:\D{2,30}\s)?\d{1,2}\s?[-–:]\s?\d{1,2}(?:\s\D{2,30})?"
)
_PHASE_MARK = "P:"  # what opens a phase's mark, "P:HT", where a minute's is a number
_PHASE_PEERS = 3  # posts of the stream whose minute stands in the box a phase's would
_PHASE_LENGTH = 28  # characters of a text that may be a match's phase


def _member_times(
    members: list[Element],
    by_element: dict[Element, list[_Time]],
    shown: list[_Time],
    url: str,
    clock: PageClock | None,
) -> dict[Element, list[_Time]]:
    """Each member's time readings: its markup's, then the first it shows (not an update's
    inside its words: _inside_words), or the clock it shows after how long ago ("2 hours
    ago", "12.21pm"), which says the minute where the other says the hour. Where the post
    shows its own time to the minute, a time in its link to another page is that page's (a
    share price's "As of 2:29 PM"), not the post's.

    Where the markup dates the post, the time it shows on a line of its own is its header's
    (passed over in the body) and, being what its reader sees, its time (README "Times"): a
    clock alone is put on the day of the markup's time nearest to it. A time inside a
    sentence is the body's words, not the post's time.
    """
    found: dict[Element, list[_Time]] = {m: [] for m in members}
    elements = list(by_element)
    for element, owner in zip(elements, walks.owners(elements, members), strict=True):
        if owner is not None:
            found[owner].extend(by_element[element])
    first_shown: dict[Element, _Time] = {}
    edits: dict[Element, list[_Time]] = {}
    ago: dict[Element, list[_Time]] = {}  # how long ago, where a clock beside it says more
    fetched = format_utc(clock.fetched_at) if clock is not None else None
    page_path = urlsplit(url).path
    holders = [t.element for t in shown]
    for reading, owner in zip(shown, walks.owners(holders, members), strict=True):
        if owner is None:
            continue
        first = first_shown.get(owner)
        if first is None:
            if not _inside_words(reading, owner) and not _in_title_sentence(reading):
                first_shown[owner] = reading
        elif _posted_beside_edit(first, reading) and not _inside_words(reading, owner):
            first_shown[owner] = reading  # "<span>Updated 14:50</span> <span>Published 13:05"
            edits.setdefault(owner, []).append(first)
            found[owner] = [  # (and the edit's `<time datetime>` is the edit's)
                replace(t, modified=True) if t.element is first.element and t.value else t
                for t in found[owner]
            ]
        elif _race_lead(first) and reading.value and not _inside_words(reading, owner):
            first_shown[owner] = reading  # "<p>Lap 1: chaos…</p><p class=time>12:40</p>"
        elif (reading.modified or _says_edit(reading.text)) and not _inside_words(reading, owner):
            edits.setdefault(owner, []).append(reading)  # "Edited on: …", after the post's time
        elif clock is not None and _ago(first) and not _dated(found[owner]):
            if _inside_words(reading, owner):
                continue
            value = _shown_near(reading, first.value)
            if value and (
                _stamp_beside(reading, value, first, owner, page_path, clock)
                or instant.rounds_to(first.value, value, fetched)
            ):
                # A clock on the day the other states: dated, not a bare clock to place. A
                # date and a clock of the post's own beat how long ago, hours apart: a page
                # served from a cache says "8 minutes ago" of when it was drawn, not of the
                # fetch.
                dated = (
                    replace(reading.reading, kind="full", utc=value) if reading.reading else None
                )
                first_shown[owner] = replace(reading, value=value, reading=dated)
                ago.setdefault(owner, []).append(replace(first, value=""))  # (a header still)
    for member, passed in ago.items():
        found[member].extend(passed)
    for member, shown_edits in edits.items():
        near = first_shown[member].value or _best(found[member])
        found[member].extend(
            replace(t, modified=True, value=t.value or _shown_near(t, near)) for t in shown_edits
        )
    for member, readings in found.items():
        first = first_shown.get(member)
        if first is None:
            continue
        if (
            any(t.element is not first.element for t in readings)  # (most read one <time>)
            and not _ago(first)
            and not _linked_elsewhere(first.element, member, page_path)
        ):
            readings[:] = [
                t for t in readings if not _linked_elsewhere(t.element, member, page_path)
            ]
        if all(t.element is not first.element for t in readings):
            readings.extend(_own_data_times(first.element))
        machine = [t for t in readings if _machine_dated(t)]
        if not machine:
            readings.append(first)
            if first.modified and _edit_icon(first.element):
                # labelled the edit's to a screen reader or a pointer alone, nothing else
                # dated: the post's time too, as "Updated 14:40" alone is
                readings.append(replace(first, modified=False))
            if _edit_alone(first):  # the edit's too, and structured data's time may say more
                readings.append(replace(first, modified=True))
        elif _edit_alone(first):
            # "Updated 14:40" alone over the markup's 14:05: the edit's time, the markup's stands
            readings.append(replace(first, modified=True, value=_shown_near(first, _best(machine))))
        elif all(t.element is not first.element for t in readings) and _stands_alone(first):
            # (A `<time>` whose text and `datetime` say one time is read already.)
            readings.append(replace(first, value=_shown_near(first, _best(machine))))
        elif any(_utc_label_on_local(first, t.value, clock) for t in machine):
            readings.append(first)  # its `datetime` a local time labelled UTC: _shown_time
        elif any(_edited_datetime(first, t) for t in machine):
            readings.append(first)  # its `datetime` an edit's, minutes off: _shown_time
    return found


def _edit_alone(time: _Time) -> bool:
    """Whether a time shown is labelled its post's last edit's ("Updated 14:40"), and its
    line gives no time the post went up."""
    return _says_edit(time.text) and _FIRST_POSTED.search(time.text) is None


def _says_edit(text: str | None) -> bool:
    """Whether a text opens with the last edit's label (_EDIT_LABEL: "Updated", "Zuletzt
    aktualisiert"). Its words all open with a letter, and most texts asked (a stamp's clock,
    an attribute a time lacks) open with none: those cost a look, not a match."""
    if not text or not text.lstrip()[:1].isalpha():
        return False
    return _EDIT_LABEL.match(text) is not None


def _edited_time(update: Update, readings: list[_Time]) -> bool:
    """Whether the post's time is its last edit's, the only time it shows ("Updated 14:40", or
    a clock whose `aria-label`, `title` or pencil's icon says so)."""
    return update.published_at is not None and any(
        t.shown
        and not t.modified
        and t.value == update.published_at
        and (_edit_alone(t) or _edit_icon(t.element))
        for t in readings
    )


def _own_data_times(element: Element) -> list[_Time]:
    """The times a shown time's own element holds in data attributes whose names say neither
    time nor date, which the markup's walk passes over (`data-published`, `data-updated`)."""
    read: dict[str, tuple[str, int] | None] = {}
    found = (
        _attribute_time(element, name, value, read, {})
        for name, value in element.items()
        if name.startswith("data-")
    )
    return [t for t in found if t is not None]


def _posted_beside_edit(first: _Time, reading: _Time) -> bool:
    """Whether a post's stamp, after a time it labels its last edit's ("Updated 14:50"),
    shows when the post went up ("First published 13:05", "Posted 2 hours ago"): that is the
    post's time."""
    return (
        (first.modified or _says_edit(first.text))
        and not reading.modified
        and reading.reading is not None
        and (reading.reading.kind in ("clock", "full") or _ago(reading))
        and not _says_edit(reading.text)
        and _FIRST_POSTED.search(reading.text) is not None
    )


def _edited_datetime(shown: _Time, machine: _Time) -> bool:
    """Whether a `<time>`'s `datetime` is minutes off the clock its text prints, under an
    hour and no zone's whole hours ("14:55" over 14:58Z, an edit's time): the clock the reader
    sees stands."""
    if machine.element is not shown.element or shown.reading is None:
        return False
    if shown.reading.kind not in ("clock", "full") or shown.reading.clock is None:
        return False
    a, b = instant.seconds(shown.value), instant.seconds(machine.value)
    return (
        a is not None
        and b is not None
        and instant.MINUTE < abs(a - b) < instant.HOUR
        and instant.agreement(shown.value, machine.value) == "apart"
    )


def _stamp_beside(
    shown: _Time, value: str, ago: _Time, member: Element, page_path: str, clock: PageClock
) -> bool:
    """Whether a date and clock a post shows after how long ago is the post's own stamp
    (the Independent's footer, "12 June 2024 16:42"): a date, not in a link to another page,
    a quote, a picture or an embed, no later than the fetch, and within a day of what how long
    ago says, or half of how long ago where that is weeks (a cache's hours, "2 weeks ago"'s
    days, not a linked story's years). So is a clock up to a cache's hours before what how long
    ago says where it names its zone (Al Jazeera's "7 minutes ago (15:42 GMT)"), or where it
    is all its line says and how long ago counts minutes, the two no zone's hours apart
    (instant.drawn_earlier), not "at 10am" in a picture's caption."""
    reading = shown.reading
    if reading is None or reading.kind not in ("full", "clock"):
        return False
    moment, then = instant.seconds(value), instant.seconds(ago.value)
    if moment is None or then is None or moment > clock.cutoff.timestamp():
        return False
    ago_seconds = clock.fetched_at.timestamp() - then  # ("2 weeks ago" says its week only)
    if reading.kind == "clock":
        named = names_zone(reading.text)  # (else a stamp: all its line says, no sentence's)
        fetched = format_utc(clock.fetched_at)
        near = (named or _stands_alone(shown)) and instant.drawn_earlier(
            ago.value, value, fetched, named, clock.stated
        )
    else:
        near = abs(moment - then) <= max(instant.DAY, ago_seconds / 2)
    if not near or _linked_elsewhere(shown.element, member, page_path):
        return False
    return not any(a.tag in _QUOTED for a in _until(shown.element, member))


_QUOTED = frozenset({"blockquote", "figure", "figcaption", "iframe", "aside"})


def _until(element: Element, member: Element) -> Iterable[Element]:
    """The element's ancestors below the member."""
    for ancestor in element.iterancestors():
        if ancestor is member:
            return
        yield ancestor


def _dated(readings: list[_Time]) -> bool:
    """Whether the markup dates a post."""
    return any(map(_machine_dated, readings))


def _machine_dated(time: _Time) -> bool:
    """Whether a reading is a time of the machine's for the post, not an edit's."""
    return time.rank != CLOCK and not time.modified and bool(time.value)


def _linked_elsewhere(element: Element, member: Element, page_path: str) -> bool:
    """Whether the element sits in a post's link to another page: not the page itself, nor a
    post's own page under it."""
    for ancestor in element.iterancestors():
        if ancestor is member:
            return False
        if ancestor.tag == "a":
            href = (ancestor.get("href") or "").strip()
            if not href or href.startswith(("#", "?")):
                return False
            return not _same_page(href, page_path) and _sub_page(href, page_path) is None
    return False


def _inside_words(time: _Time, member: Element) -> bool:
    """Whether a time a post shows opens a paragraph of words after its body's first one
    ("<p><b>Update 18:41:</b> Police say …</p>" at a post's end): an update within the post,
    not the post's time. (A time in a footer of its own, after the words, is the post's.)"""
    line: Element | None = time.element
    while line is not None and line is not member and line.tag != "p":
        line = line.getparent()
    if line is None or line is member:
        return False
    if line is time.element:  # the paragraph is the time's own text: "Throw-in is at 4.30pm, …"
        shown = time.reading.text if time.reading is not None else ""
        before = text_of(line).partition(shown)[0] if shown else ""
        if not before.strip() or _POSTED.match(before) or not _says_more(line, line, shown):
            return False  # a line the time opens, or the post's stamp: "Posted at 14:05 by …"
    elif not _says_more(line, time.element):
        return False
    for block in member.iter("p", "div"):
        if block is line:
            return False
        words = walks.text_length(block, _MIN_TEXT) if block.tag == "p" else len(block.text or "")
        if words >= _MIN_TEXT:
            return True  # words of the body came first (a <p>, or a <div>'s own text)
    return False


def _in_title_sentence(time: _Time) -> bool:
    """Whether a clock is part of what a heading says, after a preposition ("Turnout at 25
    per cent by 1 pm", "Polls close at 10pm"): no time of the post, which a clock opening its
    heading is ("12.31 Uhr: Bahn fährt wieder")."""
    heading = _heading_of(time.element)
    if heading is None or time.reading is None:
        return False
    before = text_of(heading).partition(time.reading.text)[0]
    preposition = _BEFORE_CLOCK.search(before)
    return (
        preposition is not None
        and any(c.isalpha() for c in before[: preposition.start()])  # ("Um 14.05 Uhr": a stamp)
        and _STAMP_WORDS.fullmatch(before[: preposition.start()]) is None  # "Last updated at"
    )


# All the words before the preposition of a heading that says when its post went up or was
# updated ("Posted at 14:05", "Last updated at", "Aktualizacja o", "Ultimo aggiornamento alle",
# "Dernière mise à jour à"; not "Turnout update: 40 per cent by 3 pm", nor "Results will be
# published by 10 pm").
_STAMP_WORDS = re.compile(
    r"\W*(?:(?:last|latest|dernière|ultimo|ultima|última|zuletzt|laatst|ostatnia)\s+)?"
    rf"(?:{_POSTED_WORDS}|update|mise\s+à\s+jour|aktualisierung|stand|aktualizacja|"
    r"aggiornamento|actualización|atualização)\W*",
    re.I,
)
# The words before a clock in a sentence, in the languages read here: "by 3 pm", "um 14 Uhr",
# "à 18h", "a las 20:00", "alle 15", "às 10h", "om 12.00", "o 19:30".
_BEFORE_CLOCK = re.compile(
    r"(?:^|\s)(?:by|at|until|till|before|after|from|since|around|um|ab|bis|gegen|seit|à|vers|"
    r"dès|avant|après|jusqu'à|a las|hasta las|desde las|alle|dalle|entro le|fino alle|às|"
    r"até às|om|tot|vanaf|o|do|od|przed)\s*$",
    re.I,
)


def _utc_label_on_local(shown: _Time, machine: str, page: PageClock | None = None) -> bool:
    """Whether a `<time>`'s `datetime` is its printed clock labelled UTC (instant.labelled_utc);
    not where the clock, read in the page's zone, is after the fetch and the `datetime` is not:
    then the zone was guessed wrong (a server that prints UTC's clocks on an American page)."""
    if page is not None:
        cutoff = format_utc(page.cutoff) or ""
        if shown.value > cutoff >= machine:
            return False
    clock = shown.reading.clock if shown.reading is not None else None
    return instant.labelled_utc(shown.value, clock, machine)


def _stands_alone(time: _Time) -> bool:
    """Whether a time printed for people is all its line says (a clock in its own span)."""
    if time.reading is None:
        return False
    return len(text_of(time.element)) <= len(time.reading.text.strip()) + _TIME_ONLY


def _shown_near(time: _Time, machine: str | None) -> str:
    """The instant a shown time states beside the markup's (clock.on_day_near)."""
    return "" if time.reading is None else on_day_near(time.reading, machine)


def _place_bare_clocks(
    posts: list[tuple[Element, Update]],
    times: dict[Element, list[_Time]],
    clock: PageClock | None,
    scheduled: bool = False,
) -> bool:
    """Bare clocks, where nothing else dates the post: placed on days down the stream, from
    the page's day (a stream that runs past midnight steps back a day), not each on that day;
    the posts under a line that names their day, on that day. True, and nothing placed, where
    every post's clock is a place in a recording: shown to the second, they rise from 00:00
    ("00:00:00", "00:04:10"), as a podcast's or a video's chapters do; or where they are a
    programme of today (`scheduled`: on a page whose title names a schedule, rising)."""
    if clock is None:
        return False
    bare: list[tuple[Element, Update, tuple[int, int], date | None]] = []
    seconds = 0  # bare clocks shown to the second ("00:04:10")
    members = {member for member, _ in posts}
    for member, update in posts:
        readings = times[member]
        if any(t.value and not t.shown and t.rank != CLOCK for t in readings):
            continue  # its markup dates it
        shown = next((t for t in readings if t.reading is not None and not t.modified), None)
        # (an edit's clock, "Updated at 12.36", places no post)
        if shown is not None and any(_dates_shown(t, shown) for t in readings):
            continue  # the `<time datetime>` that shows the clock dates it
        reading = shown.reading if shown is not None else None
        if reading is not None and reading.kind == "clock" and reading.clock is not None:
            moment = _in_page_zone(reading, clock)
            bare.append((member, update, moment, _day_above(member, members, clock)))
            seconds += reading.text.count(":") == 2
    if not bare:
        return False
    clocks = [c for _, _, c, _ in bare]
    if seconds == len(bare) == len(posts) and clocks[0] == (0, 0) and mostly_rising(clocks):
        return True
    named = all(names_zone(t.reading.text) for m, _ in posts for t in times[m] if t.reading)
    if _programme_of_today(clocks, clock, named) or _grid_of_hours(clocks, clock):
        return True
    if _on_air_before_rows_to_come([m for m, _, _, _ in bare], clocks, clock):
        return True
    if scheduled and _rising_today(clocks, clock):
        return True  # the schedule the title names, whether its rows are past or to come
    if (
        len(clocks) >= lines.MIN_POSTS
        and mostly_rising(clocks)
        and (
            (
                _programme_rows(posts)
                and (_on_fives(clocks) or _guide_rows(posts) or _rows_to_come(clocks, clock))
            )
            or _board_rows(posts)
        )
    ):
        return True  # rows the markup names a programme's or a board's, whatever day they fall on
    # A pinned post on top, older than the one below it, is no step of the stream: placed
    # on its own (flagged, or only by a pin icon: La Nación's).
    below = bare[1][3] if bare[1:] else None
    pinned = bare[:1] if _older_on_top(clocks, below, clock, bare[0][1].pinned) else []
    stream = bare[len(pinned) :]
    for _, update, moment, _ in pinned:
        update.published_at = clock.place_clocks([moment])[0]
        update.published_from = TIME_CLOCK
    clocks, days = [c for _, _, c, _ in stream], [d for _, _, _, d in stream]
    placed = clock.place_clocks(clocks, days)
    if len(_local_days(placed, clock)) > 1:  # over midnight: what its tweets say counts too
        floors = [_quoted_day(member, clock) for member, _, _, _ in stream]
        placed = clock.place_clocks(clocks, days, floors)
    if not any(days):
        placed = _after_dated_below(
            posts, times, [m for m, _, _, _ in stream], clocks, placed, clock
        )
    for (_, update, _, _), utc in zip(stream, placed, strict=True):
        update.published_at, update.published_from = utc, TIME_CLOCK
    return False


def _after_dated_below(
    posts: list[tuple[Element, Update]],
    times: dict[Element, list[_Time]],
    stream: list[Element],
    clocks: list[tuple[int, int]],
    placed: list[str | None],
    clock: PageClock,
) -> list[str | None]:
    """A newest-first stream's bare clocks above the first post below them that its own words
    date ("gisteren 23:40", "Yesterday 23:40", as NOS writes the posts of the day before) are
    newer than that post: placed before it (the page's day, a page published at that post),
    they are placed as many days later as puts the oldest of them after it, never past the
    fetch; bare clocks below it stay. Only a day or a date the
    post shows in words counts: a machine time alone may be the page's last change."""
    if not stream or mostly_rising(clocks):
        return placed
    at = {member: n for n, (member, _) in enumerate(posts)}
    bare = {member: n for n, member in enumerate(stream)}
    above = 0  # the bare clocks above the dated post
    dated = None
    for member, update in posts[at[stream[0]] :]:
        if member in bare:
            above = bare[member] + 1
            continue
        if update.published_from != TIME_CLOCK and any(
            t.reading is not None and t.reading.kind in _WORDED for t in times[member]
        ):
            dated = parse_utc(update.published_at or "")
            break
    oldest = parse_utc(placed[above - 1] or "") if above else None
    if dated is None or oldest is None or oldest >= dated - _OUT_OF_ORDER:
        return placed
    days = -((oldest - dated) // timedelta(days=1))
    newest = parse_utc(placed[0] or "")
    while days and newest is not None and _later(newest, days, clock) > clock.fetched_at:
        days -= 1  # never past the fetch
    if not days:
        return placed
    later = [
        format_utc(_later(moment, days, clock)) if (moment := parse_utc(utc or "")) else utc
        for utc in placed[:above]
    ]
    return later + placed[above:]


def _later(moment: datetime, days: int, clock: PageClock) -> datetime:
    """An instant as many days later on the page's clock (its wall time kept)."""
    return (moment.astimezone(clock.zone) + timedelta(days=days)).astimezone(UTC)


# How far a post may stand before the dated post below it and still be in order: an hour.
_OUT_OF_ORDER = timedelta(hours=1)
_WORDED = frozenset({"full", "relative"})  # a day's word or a date, shown


def _grid_of_hours(clocks: list[tuple[int, int]], clock: PageClock) -> bool:
    """Whether bare clocks are a forecast's hours, a grid's rows: five or more, each on the
    hour, rising by one step of an hour to three, the last still to come on a page of today
    (or of no day), more than two hours on where the page writes no offset of its own, more
    than a fast clock's minutes on where it does. No live blog posts on the hour every hour,
    nor ahead of its fetch by more than a zone guessed wrong or a fast clock puts it."""
    if len(clocks) < _GRID_ROWS or any(minute for _, minute in clocks):
        return False
    steps = {(later - hour) % 24 for (hour, _), (later, _) in pairwise(clocks)}
    if len(steps) != 1 or not 1 <= min(steps) <= _GRID_STEP:
        return False
    local = clock.fetched_at.astimezone(clock.zone)
    if clock.day is not None and clock.day != local.date():
        return False  # (a page of another day: its clocks are that day's, all past)
    now = local.hour * 60 + local.minute
    ahead = _GRID_FAST if clock.zone_stated else _GRID_AHEAD
    return clocks[0][0] < clocks[-1][0] and clocks[-1][0] * 60 > now + ahead


_GRID_ROWS = 5  # rows of a forecast's hours at least
_GRID_STEP = 3  # hours between its rows at most
# Minutes past the fetch its last row runs at least on a page that writes no offset of its
# own: further than a zone guessed wrong moves an hourly blog's clocks (a page at UTC+2 read
# in UTC), as a forecast runs on to the evening.
_GRID_AHEAD = 120
# ... where it writes one: further than a publisher's clock runs fast, which stamps its post
# of 15:00 at 14:58 (a clock read as today's that far after the fetch, PageClock's skew).
_GRID_FAST = 2


def _in_page_zone(reading: Reading, clock: PageClock) -> tuple[int, int]:
    """A bare clock as the page's zone shows it: one that names another zone ("16.40 WITA"
    on a page in Jakarta's time) is the hour and minute that instant is there. One that names
    the page's own zone, in winter or in summer, is the page's clock as printed: US pages print
    "EST" all year. (On a page that gives no day, the clock is read on the fetch's: its zone's
    offset is all it tells.)"""
    assert reading.clock is not None
    shown = reading
    if reading.utc is None and any(c.isalpha() for c in reading.text):
        today = replace(clock, day=clock.fetched_at.astimezone(clock.zone).date())
        shown = today.read(reading.text) or reading
    moment = parse_utc(shown.utc)
    if moment is None:
        return reading.clock
    if named_region(reading.text) == getattr(clock.zone, "key", None):
        return reading.clock
    local = moment.astimezone(clock.zone)
    return (local.hour, local.minute)


def _programme_of_today(
    clocks: list[tuple[int, int]], clock: PageClock, named: bool = False
) -> bool:
    """Whether bare clocks that rise down a page dated today (or not dated) run on far past
    the fetch: a channel's schedule or a day's fixtures, whose later items are still to come
    (placed, they would step back a day and hide it from _listed_ahead). Its last clock is more
    than six hours ahead of the fetch, another more than an hour and a half, within half a
    day: a ticker read
    oldest first that crossed midnight ends before the fetch (23:55 is yesterday's at 00:20),
    and one whose zone was guessed a few hours wrong runs ahead by those hours at most. A lost
    stream costs more than a misdated one. Clocks that each name their zone ("16.50 WIB": a
    train's departures) are guessed in no zone: their last a quarter of an hour ahead of the
    fetch, another ten minutes, are still to come."""
    if len(clocks) < lines.MIN_POSTS or not mostly_rising(clocks):
        return False
    local = clock.fetched_at.astimezone(clock.zone)
    if clock.day is not None and clock.day != local.date():
        return False  # (a page of another day: its clocks are that day's, all past)
    now = local.hour * 60 + local.minute

    def ahead(hour: int, minute: int) -> int:
        return (hour * 60 + minute - now) % _DAY_MINUTES

    if named:
        later = sum(1 for hour, minute in clocks if _NAMED_LATER < ahead(hour, minute) < _HALF_DAY)
        return later >= _AHEAD_LEAST and _NAMED_AHEAD < ahead(*clocks[-1]) < _HALF_DAY
    later = sum(1 for hour, minute in clocks if _LATER < ahead(hour, minute) < _HALF_DAY)
    return later >= _AHEAD_LEAST and _PROGRAMME_AHEAD < ahead(*clocks[-1]) < _HALF_DAY


_PROGRAMME_AHEAD = 6 * 60  # minutes past the fetch of a programme's last item, at least
_LATER = 90  # minutes past the fetch of its items to come
_HALF_DAY = 12 * 60
_DAY_MINUTES = 24 * 60
_NAMED_AHEAD = 15  # ... of clocks that name their zone: no zone's guess can be hours off
_NAMED_LATER = 10


def _on_air_before_rows_to_come(
    members: list[Element], clocks: list[tuple[int, int]], clock: PageClock
) -> bool:
    """Whether one row of bare clocks rising down a page dated today (or not dated) says it is
    on air now ("On now", "Jetzt läuft", "Ora in onda"), its clock no later than the fetch and
    every row below it later: a channel's schedule, its later rows still to come, however few
    hours they run on. The page itself says where now falls among its rows, and the zone its
    clocks were read in agrees; no live blog marks a post as on now above posts yet to come (a
    ticker's "On now" clip, its zone guessed hours off, has its newer posts' clocks past it)."""
    if not _rising_today(clocks, clock):
        return False
    local = clock.fetched_at.astimezone(clock.zone)
    marked = [at for at, member in enumerate(members) if _marked_on_air(member)]
    if len(marked) != 1 or marked[0] + 1 == len(clocks):
        return False
    now = local.hour * 60 + local.minute

    def since(hour: int, minute: int) -> int:  # minutes from the fetch, within half a day
        return (hour * 60 + minute - now + _HALF_DAY) % _DAY_MINUTES - _HALF_DAY

    on, *rest = (since(*c) for c in clocks[marked[0] :])
    return on <= _ON_AIR_SKEW and all(s > 0 for s in rest) and rest[-1] > _ON_AIR_SKEW


_ON_AIR_SKEW = 15  # minutes a clock may run ahead of the fetch (a server's clock)


def _rising_today(clocks: list[tuple[int, int]], clock: PageClock) -> bool:
    """Whether bare clocks, enough of them, mostly rise down a page dated today or not dated."""
    if len(clocks) < lines.MIN_POSTS or not mostly_rising(clocks):
        return False
    return clock.day is None or clock.day == clock.fetched_at.astimezone(clock.zone).date()


def _on_fives(clocks: list[tuple[int, int]]) -> bool:
    """Whether three clocks in four at least fall on the hour's fives (08:00, 10:30, 13:15),
    as a programme's start times do: a broadcaster's blog of its show, its boxes named after
    the programme, posts at whatever minute a thing happened (20:03, 20:11, 20:26)."""
    return sum(1 for _, minute in clocks if minute % 5 == 0) >= _ON_FIVES * len(clocks)


_ON_FIVES = 0.75  # of a programme's start times, at least, on the hour's fives


def _rows_to_come(clocks: list[tuple[int, int]], clock: PageClock) -> bool:
    """Whether two rows or more start more than an hour and a half after the fetch, its last
    among them, on a page dated today or not dated: a guide's shows still to come (a regional
    channel's, at odd minutes: 18:03, 19:47), where a blog's posts all fall before it."""
    local = clock.fetched_at.astimezone(clock.zone)
    if clock.day is not None and clock.day != local.date():
        return False
    now = local.hour * 60 + local.minute
    ahead = [(hour * 60 + minute - now) % _DAY_MINUTES for hour, minute in clocks]
    later = sum(1 for minutes in ahead if _LATER < minutes < _HALF_DAY)
    return later >= _AHEAD_LEAST and _LATER < ahead[-1] < _HALF_DAY


def _guide_rows(posts: list[tuple[Element, Update]]) -> bool:
    """Whether every post's box names itself a guide's or a schedule's row (`li.epg-item`,
    `div.schedule-row`, `li.tv-listing`, `div.guide-row`), no programme a broadcaster's blog is filed under
    (`div.sendung-entry`): a station's or a line's, whatever minutes its rows start at."""
    return all(
        _GUIDE_ROW.search(f"{member.get('class') or ''} {member.get('id') or ''}") is not None
        for member, _ in posts
    )


_GUIDE_ROW = re.compile(
    r"(?:^|[\s_-])(?:epg|schedules?|listings?|(?:tv-?)?guide|tv-?gids|palinsesto|ram[oó]wka)"
    r"(?:$|[\s_-])",
    re.I,
)


def _board_rows(posts: list[tuple[Element, Update]]) -> bool:
    """Whether every post's box names itself a row of a board of flights or trains (`div.flight`,
    `li.departure`, `div.timetable-row`, `li.przylot`, `div.abfahrt`): an airport's arrivals or
    a station's departures, landed and to come, at whatever minutes; no blog's CMS names its
    posts so. Not boxes that name themselves posts too, or sit in a blog's or a ticker's
    (`div.post.flight`, `div.ticker` > `div.abfahrt`): an airport strike's blog read oldest
    first, the word its topic's."""
    return all(
        _BOARD_ROW.search(f"{member.get('class') or ''} {member.get('id') or ''}") is not None
        for member, _ in posts
    ) and not _named_posts([member for member, _ in posts])


# A board's row, a flight's, an arrival's or a departure's, a word of a box's class or id, in
# the languages read here (the word alone, or before a part's, maybe its board's, list's or
# table's, "departure-board__row", "flight-list__item": not a "flight-deals" teaser's,
# nor a topic's, WordPress's "category-flights", a modifier's "update--flights").
_BOARD_ROW = re.compile(
    r"(?:^|\s|(?<!-)(?<!category)(?<!tag)(?<!topic)(?<!thema)[_-])"
    r"(?:flights?|departures?|arrivals?|timetables?|abfahrt(?:en)?|ankunft|abfl[uü]ge?|"
    r"d[ée]parts?|arriv[ée]es?|partenz[ae]|arriv[oi]|vuelos?|salidas?|llegadas?|partidas?|"
    r"chegadas?|vertrek(?:ken)?|aankomst(?:en)?|vlucht(?:en)?|odloty?|przyloty?|odlety?|"
    r"p[rř][ií]lety?|avg[aå]ng(?:ar|er)?|afgange?|ankomst(?:er)?|trains?(?=-(?:row|item|entry)))"
    r"(?:-(?:board|list|table))?(?:$|[\s_]|-(?:item|row|entry|line|card)\b|-\d)",
    re.I,
)


def _programme_rows(posts: list[tuple[Element, Update]]) -> bool:
    """Whether every post's box names itself a row of a programme, a channel's (`li.epg-item`,
    `div.schedule-row`, `li.program-item`, `div.sendung`) or an event's (`li.programmpunkt`,
    `div.agenda-item`), as a review's names itself one."""
    return all(
        _PROGRAMME_ROW.search(f"{member.get('class') or ''} {member.get('id') or ''}") is not None
        for member, _ in posts
    )


# A programme's row, a channel's or an event's, a word of a box's class or id, in the
# languages read here (not a "programmatic" ad's, nor a blog's "program-update": the word
# alone, or before a part's).
_PROGRAMME_ROW = re.compile(
    r"(?:^|[\s_-])(?:epg|programm?e?s?|programmpunkte?|agenda|schedules?|listings?|(?:tv-?)?guide|"
    r"sendung(?:en)?|emissions?|palinsesto|programa(?:s|cao|ção|ci[oó]n)?|ram[oó]wka|tv-?gids|broadcasts?)"
    r"(?:$|[\s_]|-(?:item|row|entry|slot|line|list|cell|event|show|card)\b|-\d)",
    re.I,
)


def _titled_schedule(root: Element) -> bool:
    """Whether a part of the page's title (between its marks, ":", "|", "–") is wholly the
    name of a channel's schedule, maybe of its day ("today's schedule", "Sendeplan",
    "la programmazione di oggi", "program TV dziś"): the page's subject, its live words the
    channel's stream. Not a title that speaks of a schedule ("Live: schedule changes as
    strike hits trains")."""
    head = root.find("head")
    if head is None:
        return False
    titles = [head.findtext("title") or ""] + [
        meta.get("content") or ""
        for meta in head.iter("meta")
        if meta.get("property") == "og:title"
    ]
    return any(
        _SCHEDULE_NAME.fullmatch(part) is not None
        for title in titles
        for part in _TITLE_PARTS.split(title)
    )


_TITLE_PARTS = re.compile(r"\s*[:|]\s*|\s+[–—-]\s+")
# A channel's schedule named, maybe with its day, in the languages read here.
_SCHEDULE_NAME = re.compile(
    r"\s*(?:(?:(?:today|tonight)['’]s\s+)?(?:the\s+)?(?:full\s+)?(?:(?:tv|radio)\s+guide|"
    r"(?:(?:tv|radio|programme|program)\s+)?(?:schedule|listings)|programme guide)"
    r"(?:\s+(?:for\s+)?(?:today|tonight|this evening))?|"
    r"(?:das\s+)?(?:tv-|radio-)?programm(?:\s+(?:für\s+|von\s+)?heute(?:\s+abend)?)?|"
    r"sendeplan|(?:le\s+|la\s+)?(?:programmes?(?:\s+tv)?|grille des programmes)"
    r"(?:\s+(?:du jour|de la soirée|de ce soir|ce soir|d['’]aujourd['’]hui))?|"
    r"(?:la\s+|il\s+)?(?:programmazione|palinsesto|guida tv)(?:\s+(?:di oggi|di stasera))?|"
    r"(?:la\s+)?(?:programación|parrilla)(?:\s+de\s+(?:hoy|esta noche))?|"
    r"(?:a\s+)?(?:programação|grade da programação)(?:\s+(?:de hoje|desta noite))?|"
    r"(?:de\s+)?(?:tv-gids|programmering)(?:\s+(?:vandaag|vanavond))?|"
    r"(?:program(?:\s+telewizyjny|\s+tv)?|ramówka)(?:\s+(?:na\s+)?(?:dziś|dzisiaj))?)\s*",
    re.I,
)


def _marked_on_air(member: Element) -> bool:
    """Whether a box of the row says nothing but that it is on air now, a badge."""
    return any(
        not len(element) and element.text and _ON_AIR.fullmatch(element.text) is not None
        for element in member.iter(etree.Element)
    )


# A badge on the programme on air now, in the languages read here.
_ON_AIR = re.compile(
    r"\s*(?:on now|now on(?: air)?|now playing|playing now|on air(?: now)?|now showing|"
    r"airing now|jetzt läuft|läuft (?:jetzt|gerade)|jetzt im (?:tv|radio)|auf sendung|"
    r"en ce moment|actuellement|à l['’]antenne|(?:ora |adesso )?in onda(?: ora| adesso)?|"
    r"ahora(?: en antena| en emisión)?|en emisión|en antena|(?:agora )?no ar(?: agora)?|"
    r"nu op (?:tv|de radio)|nu te (?:zien|horen)|teraz(?: na antenie| w tv)?|na antenie)"
    r"\s*[:!.]?\s*",
    re.I,
)


def _older_on_top(
    clocks: list[tuple[int, int]], day: date | None, clock: PageClock, flagged: bool
) -> bool:
    """Whether a newest-first stream's top clock is a pinned post's, older than the post below
    it by an hour or more (to half a day where the post is not `flagged` pinned), where that
    post, on the page's day, is no later than the fetch: a stream that crossed midnight would
    put it after the fetch, or rise by most of a day (00:10 above 23:50)."""
    if len(clocks) < _PINNED_STREAM or day is not None or mostly_rising(clocks[1:]):
        return False
    (top_hour, top_minute), (hour, minute) = clocks[0], clocks[1]
    rise = (hour - top_hour) * 60 + minute - top_minute
    if not next_day(clocks[1], clocks[0]) or (rise >= _PINNED_RISE and not flagged):
        return False  # (a rise of most of a day is midnight passed: 01:12 above 23:38)
    top, below = (
        _local_days(clock.place_clocks([clocks[0]]), clock),
        _local_days(clock.place_clocks([clocks[1]]), clock),
    )
    return bool(top) and top == below


_PINNED_STREAM = 3  # bare clocks of a stream whose top one may be a pinned post's
_PINNED_RISE = 12 * 60  # minutes the post below a pinned one is newer, less than


def _dates_shown(machine: _Time, shown: _Time) -> bool:
    """Whether a `datetime` is the one of the element that shows the clock: the `<time>`
    itself, or one around the `<span>` that prints it (Tickaroo's renderer), not a time
    elsewhere in the post (a linked story's, a quote's)."""
    if not machine.value or machine.rank in (VISIBLE, CLOCK) or not machine.shown:
        return False
    return machine.element is shown.element or any(
        ancestor is machine.element for ancestor in shown.element.iterancestors()
    )


def _local_days(placed: list[str | None], clock: PageClock) -> set[date]:
    """The days, in the page's zone, that placed times fall on."""
    return {
        moment.astimezone(clock.zone).date()
        for utc in placed
        if (moment := parse_utc(utc)) is not None
    }


def _quoted_day(member: Element, clock: PageClock) -> date | None:
    """The latest date of the posts a post quotes: an embedded tweet's, in its last link
    ("— Name (@name) January 18, 2024")."""
    if member.find(".//blockquote") is None:
        return None  # (most posts quote none: a look in C)
    days = []
    for quote in member.iter("blockquote"):
        links = list(quote.iter("a"))
        if links and (day := clock.day_stated(text_of(links[-1]))) is not None:
            days.append(day)
    return max(days, default=None)


# Members to updates --------------------------------------------------------------------------


def _bylines(marks: _Marks, members: set[Element]) -> dict[Element, list[Element]]:
    """Byline elements of each member, among those the pass over the page noted."""
    found: dict[Element, list[Element]] = defaultdict(list)
    bylines = [
        e
        for e in marks.bylines
        if (_is_author_class(e.get("class") or "") or _is_author_class(e.get("data-testid") or ""))
        and not _in_figure(e)
    ]
    for element, owner in zip(bylines, walks.owners(bylines, members), strict=True):
        if owner is not None and owner is not element:
            found[owner].append(element)
    return found


def _in_figure(element: Element) -> bool:
    """Whether the element is a picture's (its caption's `span.author` names the
    photographer, not the post's author)."""
    node = element.getparent()
    for _ in range(_FIGURE_DEPTH):
        if node is None:
            return False
        if node.tag in _FIGURE_TAGS:
            return True
        node = node.getparent()
    return False


_FIGURE_TAGS = frozenset({"figure", "figcaption"})
_FIGURE_DEPTH = 3  # boxes between a credit and its figure, at most


@lru_cache(maxsize=4096)
def _is_author_class(cls: str) -> bool:
    """A class naming a post's author: not a comment's, whose writer (a reader whose question
    a post quotes, "post__live-container--comment-author") is no author of the post.
    Cached: a page repeats a handful of class strings on every post."""
    return (
        _AUTHOR_CLASS.search(cls) is not None or names_part(cls, "byline")
    ) and _COMMENT_WORD.search(cls) is None


def _update(
    member: Element,
    times: list[_Time],
    url: str,
    bylines: list[Element],
    title: Element | None = None,
    base: str | None = None,
) -> Update:
    """The member's update; `title` is its headline when no heading or title class names one
    (_read_by_shape found it, or it is printed just above the box: _headings_above); its
    links resolved against `base` (the page's <base href>), else the page's URL."""
    published_readings: list[_Time] = []
    modified_readings: list[_Time] = []
    for reading in times:
        if reading.rank != CLOCK and reading.value:
            (modified_readings if reading.modified else published_readings).append(reading)
    # Times are passed over in the search for a headline, but for a heading that opens with one;
    # so are bylines ("<p class=author>By …</p>" above the heading is no paragraph of the body).
    passed = {t.element for t in times if t.rank != VISIBLE or _heading_of(t.element) is None}
    passed.update(bylines)
    lines_of = _meta_lines(times, member, bylines)
    meta = set(lines_of.values())
    passed.update(meta)
    passed.update(_byline_headings(member, bylines))
    headline_el, headline = _headline(member, passed)
    if headline_el is not None and (
        (passed and _after_its_words(member, headline_el, times)) or is_chrome(headline)
    ):  # (a share box's "Share this post" heads no post)
        headline_el, headline = None, ""
    visible = next(
        (
            t.reading
            for t in times
            if t.reading is not None
            and headline_el is not None
            and _heading_of(t.element) is headline_el
        ),
        None,
    )
    if visible is not None and headline_el is not None:
        headline = _after_time(headline, visible.text)  # "12.31 Uhr: Bahn meldet…"
        if not headline:  # a heading of the time alone: "<h3>12.31 Uhr</h3><h4>Bahn meldet…"
            headline_el, headline = _headline(member, passed | {headline_el})
    elif headline_el is not None and headline[:1].isdigit():
        # A `<time>` inside the heading read for its `datetime` alone: its text opens the
        # heading all the same ("<h2><time datetime=…>20:16</time> Bahn meldet…</h2>").
        inside = (t.element for t in times if t.element is not headline_el)
        shown = next((e for e in inside if _heading_of(e) is headline_el), None)
        if shown is not None:
            headline = _after_time(headline, text_of(shown)) or headline
    if headline_el is None and title is not None:
        headline_el, headline = title, text_of(title)
        for t in times:  # a ticker's line, "14.05 Uhr: Bahn meldet…"; a header's, "14:05 | Tor!"
            if t.reading is not None and in_tree(t.element, title):
                headline = _after_time(headline, t.reading.text)
                break
    if headline_el is None:
        headline_el, headline = _titled_beside_time(times)
    if headline_el is None:
        headline_el, headline = _bold_title(member, times)
    if (
        headline_el is not None
        and meta
        and (headline_el in meta or any(a in meta for a in headline_el.iterancestors()))
    ):
        headline_el, headline = None, ""  # (a header line's label: "Zuschauer: 240")
    # A header box may hold the time and a byline, but never the headline.
    stops: set[Element] = set()
    if headline_el is not None:
        for ancestor in headline_el.iterancestors():
            if ancestor is member:
                break
            stops.add(ancestor)
    boxes: dict[Element, Element] = {}  # a <time>'s datetime and its text: one header
    headers = []
    for t in times:
        if t.element is headline_el or _opens_entry_with_words(t, member) or _minute_line(t):
            continue
        if t.element not in boxes:
            line = lines_of.get(t.element)
            own = line is not None and line not in stops and line is not headline_el
            boxes[t.element] = line if own else _header_of(t.element, member, stops)
        headers.append((t, boxes[t.element]))
    skip: set[Element] = {header for _, header in headers}
    for header in skip:  # "<p><strong>8.12 Uhr</strong>: Die Hisbollah…": from "Die" on
        if header.tag in _INLINE_LEADS and header.tail and _opens_line(header):
            set_tail(header, _TIME_SEPARATOR.sub("", header.tail))
    authors: list[str] = []
    if bylines:  # "contributor-name" inside "contributor" (beside a role): the name alone
        linked = _writers_pages(bylines)  # a role run into the name beside its link
        named = [e for e in bylines if "name" in e.get("class", "").lower()]
        name = lines.byline_name(_first_line(named[0] if named else bylines[0]))
        if linked:
            authors = linked
        elif name and len(name) <= 80:
            authors = author_names(name)
        skip.update(bylines)
    else:
        authors = _header_author(headers, member, headline)
        if not authors:
            authors = _linked_authors(member, skip)
        if not authors:
            authors = _rdfa_people(member, skip)
        if not authors:
            authors = _signed_at_end(member, skip)
    if headline_el is not None:
        tail = headline_el.tail or ""
        if headline_el.tag in lines.BOLD and lines.MARK_BEFORE_WORDS.match(tail):
            set_tail(headline_el, _TIME_SEPARATOR.sub("", tail))  # "<b>Title</b> – Words…"
        header = _post_header(headline_el, member)
        skip.add(headline_el if header is None else header)
        skip.update(_kickers(member, headline_el, skip))
    source_id = _member_id(member, url, headline_el)
    own_page = _own_page(member, source_id, base or url)
    permalink = None
    if own_page is not None:
        skip.add(own_page)  # (its label, "Link", "#", is no word of the post)
        permalink = absolute(own_page.get("href"), base or url)
    return html_update(
        page_url=url,
        base_url=base,
        body=member,
        source_id=source_id,
        headline=headline or None,
        skip=skip,
        published_at=_seen(published_readings),
        modified_at=_best(modified_readings),
        authors=authors,
        permalink=permalink,
    )


def _own_page(member: Element, source_id: str | None, base: str) -> Element | None:
    """The link to the post's own page: one that calls itself the post's permalink (its class
    or `rel=bookmark`, or its words: "Link", "Permalink", "#") and leads to an address on the
    site whose last step is the post's id (444's `a.report__permalink` "Link" to
    `/post/<id>`). None: the post's permalink is the blog's page at its anchor (a link to a
    full story, a photo or an author's page is no permalink)."""
    if not source_id or len(source_id) < _OWN_PAGE_ID:
        return None
    for link in member.iter("a"):
        href = link.get("href")
        if not href or source_id not in href:
            continue
        named = "permalink" in (link.get("class") or "").lower() or link.get("rel") == "bookmark"
        if not named and text_of(link).strip().casefold() not in _PERMALINK_WORDS:
            continue
        address = absolute(href, base)
        if address is None:
            continue
        parts = urlsplit(address)
        own = parts.path.rstrip("/").rsplit("/", 1)[-1] == source_id and not parts.fragment
        if own and parts.netloc == urlsplit(base).netloc:
            return link
    return None


_OWN_PAGE_ID = 6  # characters of an id at least, to name a page: not "p1", "12"
_PERMALINK_WORDS = frozenset({"link", "permalink", "#", "🔗", "link to this post"})


def _seen(readings: list[_Time]) -> str | None:
    """The instant a reader saw (instant.seen), but where the markup states it as an epoch
    (`data-posted-date-timestamp="1714570200000"`), which no zone can shift: a shown clock
    a zone's whole hours from it was read in a zone guessed wrong, and the epoch stands."""
    shown = _shown_time([t for t in readings if t.shown])
    hidden = [t for t in readings if not t.shown]
    machine = _best(hidden)
    if (
        shown is not None
        and machine is not None
        and min(t.rank for t in hidden) == EPOCH
        and instant.agreement(shown, machine) == "hours"
    ):
        return machine
    return instant.seen(shown, machine)


def _writers_pages(bylines: list[Element]) -> list[str]:
    """The names of the links to writers' pages in a post's bylines, in order."""
    names = [
        name
        for byline in bylines
        if byline.find(".//a") is not None  # (most bylines link nowhere: a look in C)
        for name in _writers_named(byline)
    ]
    return list(dict.fromkeys(n for n in names if n and len(n) <= _NAME_CHARS)) if names else []


def _writers_named(element: Element) -> list[str]:
    """The names each link to a writer's page inside the element gives, in order (one link
    may name two: India Today's "Sahil Sinha , Nitya Raman")."""
    return [
        name for a in element.iter("a") if lines.to_writer(a) for name in author_names(text_of(a))
    ]


_NAME_CHARS = 80


def _linked_authors(member: Element, skip: set[Element]) -> list[str]:
    """The names of a line that is nothing but links to writers' pages ("/auteur/…",
    "/author/…"), joined by "and" or a comma at most: a byline no class names (Libération's
    hashed builds). The line joins `skip`. A writer's page linked in a sentence is a word, and
    one in a quote or a picture's caption (a photographer's profile) names no writer."""
    for link in member.iter("a"):
        if not lines.to_writer(link) or any(
            a.tag in _QUOTING for a in _ancestors_below(link, member)
        ):
            continue
        line = link.getparent()
        if line is None or line is member:
            line = link
        names = _writers_named(line)
        rest = text_of(line)
        for name in names:
            rest = rest.replace(name, " ", 1)
        if all(names) and len(names) <= _MOST_NAMES and _NAME_JOINERS.fullmatch(rest):
            skip.add(line)
            return list(dict.fromkeys(names))
        return []  # the first writer's link is in a sentence: no byline
    return []


def _rdfa_people(member: Element, skip: set[Element]) -> list[str]:
    """The names of a line that is nothing but people in RDFa (`typeof="schema:Person"`,
    `foaf:Person`; the name its `property="schema:name"` gives), joined by "and" or a comma at
    most: the byline Drupal's RDF module writes around a user's name, a link or not (the
    Liveblog module's post author field), the person the account it names (`about="/user/7"`)
    or one a box around calls the author (`rel="schema:author"`). The line joins `skip`. A
    person named in a sentence, a quote, a picture's caption or a field of people the post is
    about is a word of the post."""
    if member.find(".//*[@typeof]") is None:
        return []  # (most posts type nothing: a look in C)
    for person in _TYPED(member):
        if not _PERSON_TYPE.search(person.get("typeof") or ""):
            continue
        around = list(_ancestors_below(person, member))
        if any(a.tag in _QUOTING for a in around):
            continue
        if not (
            person.get("about")
            or any(
                _AUTHOR_RELATION.search(f"{a.get('rel') or ''} {a.get('property') or ''}")
                for a in around
            )
        ):
            continue  # (a person the post names, not its writer's account)
        line = person.getparent()
        if line is None or line is member:
            line = person
        names = [
            name
            for typed in (line, *_TYPED(line))
            if _PERSON_TYPE.search(typed.get("typeof") or "")
            for name in author_names(_person_name(typed))
        ]
        rest = text_of(line)
        for name in names:
            rest = rest.replace(name, " ", 1)
        if names and len(names) <= _MOST_NAMES and _NAME_JOINERS.fullmatch(rest):
            skip.add(line)
            return list(dict.fromkeys(n for n in names if len(n) <= _NAME_CHARS))
    return []


def _person_name(person: Element) -> str:
    """The name RDFa gives a person: the text (or `content`) of its `…:name` property, the
    person's own or a box's inside it; else the person's text."""
    for element in (person, *person.iterdescendants()):
        if _NAME_PROPERTY.search(element.get("property") or ""):
            return element.get("content") or text_of(element)
    return text_of(person)


def _ancestors_below(element: Element, top: Element) -> Iterable[Element]:
    for ancestor in element.iterancestors():
        if ancestor is top:
            return
        yield ancestor


_TYPED = etree.XPath(".//*[@typeof]")
_AUTHOR_RELATION = re.compile(r"(?:^|[\s:/#])(?:author|creator)(?:$|\s)", re.I)
_PERSON_TYPE = re.compile(r"(?:^|[\s:/#])Person(?:$|\s)")
_NAME_PROPERTY = re.compile(r"(?:^|[\s:/#])name(?:$|\s)")
_QUOTING = frozenset({"blockquote", "q", "figure", "figcaption"})


def _signed_at_end(member: Element, skip: set[Element]) -> list[str]:
    """The names a post's last paragraph gives after a dash and nothing else ("— Jesse
    Pound", "— Ann Lee and Tom Roe"): its writers, as CNBC signs its posts. The paragraph
    joins `skip`. One after a quote is the quote's attribution, one alone is the post's words."""
    last = None
    count = 0
    for paragraph in member.iter("p"):
        if paragraph.text or len(paragraph):
            last, count = paragraph, count + 1
    if last is None or count < 2 or (last.text or "").lstrip()[:1] not in _DASHES:
        return []  # (most posts end on words: a look at one character)
    if lines.attributes(last):  # after a quote, or a letter's "Yours sincerely,"
        return []
    if any(a.tag in ("blockquote", "figure", "figcaption") for a in last.iterancestors()):
        return []
    names = author_names(lines.byline_name(text_of(last)))
    if not names or len(names) > _MOST_NAMES or not all(lines.is_name(n, 2) for n in names):
        return []
    skip.add(last)
    return names


_DASHES = "—–―"  # what sets a signature off (not "-", which a list's line opens with)


# What a byline of links says besides the names: "Par", "et", a comma, a bar.
_NAME_JOINERS = re.compile(
    r"[\s,&·|/]*(?:(?:by|par|von|por|door|di|przez|and|et|und|y|e|en|i|oraz)[\s,&·|/]+)*",
    re.I,
)
_MOST_NAMES = 4


def _after_its_words(member: Element, headline: Element, times: list[_Time]) -> bool:
    """Whether the title the headline search found comes after the paragraph that opens the
    post with its time and its words ("<p><b>14.49 Uhr – Bahn meldet…</b><br>Die Strecke…</p>",
    then a video's "video-title"). The search passes over a paragraph that holds a time, as a
    dateline; one that says this much is the post's own opening, and a title after it is a
    box's in the post, not the post's."""
    for t in times:
        line = t.element
        while line is not member and line.tag != "p":
            line = line.getparent()
            if line is None:
                break
        if line is None or line is member or any(a is line for a in headline.iterancestors()):
            continue
        if (
            next(line.iter("br"), None) is not None
            or walks.text_length(line, _SHORT_TEXT) >= _SHORT_TEXT
        ) and _says_more(line, t.element):
            for element in member.iter(etree.Element):
                if element is line:
                    return True
                if element is headline:
                    break
    return False


def _kickers(member: Element, headline: Element, skip: set[Element]) -> list[Element]:
    """The short lines above a post's headline that label it, no words of its body: a topic
    ("Politik", "Ukraine"), a kicker. Only what comes before the headline is looked at (the
    boxes before it and before each box that holds it), where a post's words never stand:
    pictures, longer lines and dates ("14 March 2024") stay."""
    found: list[Element] = []
    node = headline
    while node is not member:
        before = node.getprevious()
        while before is not None:
            if isinstance(before.tag, str) and before not in skip:
                _gather_kickers(before, skip, found)
            before = before.getprevious()
        parent = node.getparent()
        if parent is None:
            return []
        node = parent
    return found


def _gather_kickers(box: Element, skip: set[Element], found: list[Element]) -> None:
    """A box above a headline that is a kicker, or the kickers among the lines of a longer
    one; a picture's box is none."""
    if box.tag in _PICTURES or walks.holds(box, _PICTURES):
        return
    if walks.text_length(box, lines.KICKER + 1) <= lines.KICKER:
        if lines.is_kicker(text_of(box)):
            found.append(box)
        return
    for child in box:
        if isinstance(child.tag, str) and child not in skip:
            _gather_kickers(child, skip, found)


def _first_line(byline: Element) -> str:
    """A byline's name: its text, or its first line where it holds lines of their own (the
    name, then "Reporting from Beirut"), never its field's label ("Autor" above the name)."""
    for box in byline.iter("p", "div"):
        if box is not byline and next(box.iterdescendants("p", "div"), None) is None:  # a line
            text = text_of(box)
            if text and not FIELD_LABEL.search(box.get("class") or ""):
                return text
    return text_of(byline)


def _titled_beside_time(times: list[_Time]) -> tuple[Element | None, str]:
    """A title-classed box beside the post's time, in the line that holds them both
    (`<p><span class="tick_time">20:55</span><span class="tick-title">Ausgleich 1:1</span>`,
    the WordPress Liveticker's): the headline."""
    for time in times:
        line = time.element.getparent()
        if line is None:
            continue
        for box in line:
            cls = box.get("class") if isinstance(box.tag, str) else None
            if box is not time.element and cls and _is_headline_class(cls):
                title = text_of(box)
                if title and len(title) <= _TITLE_BESIDE_TIME:
                    return box, title
    return None, ""


_TITLE_BESIDE_TIME = 200  # characters a title set beside a time may run to


def _header_author(
    headers: list[tuple[_Time, Element]], member: Element, headline: str = ""
) -> list[str]:
    """The name printed beside a post's time in the box that holds them, where no class names
    a byline: "7 min ago · Jane Doe", "14:05 | By Ann Lee", "Posted by Ann Lee at 14:05";
    not the post's headline set there ("20:55 Die Aufstellungen")."""
    for time, header in headers:
        if header is member:
            continue
        shown = (time.reading.text if time.reading is not None else text_of(time.element)).strip()
        text = text_of(header)
        if headline and headline in text:
            text = text.replace(headline, " ", 1)
        if not shown or shown not in text:
            continue
        rest = _TRAILING_SEPARATOR.sub("", _TIME_SEPARATOR.sub("", text.replace(shown, " ", 1)))
        rest = _TIME_PREPOSITION.sub("", rest)  # "Posted by Ann Lee at"
        if lines.is_byline(rest):
            return author_names(lines.byline_name(rest))
        if lines.is_name(rest, 2):
            return author_names(rest)
    return []


def _read_by_shape(
    posts: list[tuple[Element, Update]],
    times: dict[Element, list[_Time]],
    timed: list[_Time],
    url: str,
    bylines: dict[Element, list[Element]],
    base: str,
    clock: PageClock | None = None,
) -> list[tuple[Element, Update]]:
    """Posts read again with the titles and bylines that their lines' shapes show, where no
    heading tag or class names them (crawler/extract/lines.py). `timed` holds every time the
    page gives.

    The lines are read after the box that holds a post's time and little else (a byline
    beside it); when no title shows that way, after the time and its label alone ("published
    at"), for a title that shares the time's box.
    """
    untitled = [member for member, update in posts if not update.headline]
    want_titles = len(untitled) >= lines.MIN_POSTS
    want_bylines = not bylines and len(posts) >= lines.MIN_POSTS
    if not (want_titles or want_bylines):
        return posts
    members = [member for member, _ in posts]
    inside: dict[Element, list[_Time]] = defaultdict(list)
    holders = [t.element for t in timed]
    for time, owner in zip(timed, walks.owners(holders, members), strict=True):
        if owner is not None and owner is not time.element:
            inside[owner].append(time)

    def read(member: Element, slack: int) -> list[lines.Line]:
        skip = {
            _header_of(t.element, member, set(), slack)
            for t in inside[member]
            if not _opens_entry_with_words(t, member)
        }
        skip.update(bylines.get(member, []))
        return lines.lines(member, skip)

    first_read = {m: read(m, _HEADER_SLACK) for m in (members if want_bylines else untitled)}
    headlines = {member: update.headline for member, update in posts if update.headline}
    signed = lines.bylines(first_read, headlines) if want_bylines else {}
    titles: dict[Element, Element] = {}
    # After the time's header box; after the time and its label; after the time alone (a
    # title of a few words beside it in one box: `<header><time/><div>Pegel steigt</div>`).
    # The reading that titles the most posts wins (a label beside some posts' times keeps
    # their header apart from the time, and a first reading titles those alone).
    for slack in (_HEADER_SLACK, _LABEL_SLACK, 0) if want_titles else ():
        unsigned = {}
        for member in untitled:
            found = read(member, slack) if slack != _HEADER_SLACK else first_read[member]
            unsigned[member] = [ln for ln in found if ln.box not in signed.get(member, ())]
        found_titles = lines.titles(
            lines.without_kickers(unsigned), slack != _HEADER_SLACK, _HAS_MEDIA
        )
        if len(found_titles) > len(titles):
            titles = found_titles
        if len(titles) == len(untitled):
            break
    if want_titles and len(titles) < len(untitled):
        beside = _titles_beside_times([m for m in untitled if m not in titles], inside, clock)
        if len(beside) > len(titles):
            titles.update(beside)
    closing: dict[Element, Element] = {}
    # (After the titles, which read each post's lines whole.)
    if want_bylines and not signed:  # "By Emanuel Fabian", "김민수 기자" closing most posts
        closing = lines.closing_bylines(members, len(members))
        signed = {member: [line] for member, line in closing.items()}
    if not (titles or signed):
        return posts
    for member, boxes in signed.items():
        boxes += [lines.byline_box(box, member, titles.get(member)) for box in boxes]
    read_again = [
        (
            member,
            _update(
                member,
                times[member],
                url,
                signed.get(member) or bylines.get(member, []),
                titles.get(member),
                base,
            )
            if member in titles or member in signed
            else update,
        )
        for member, update in posts
    ]
    # A closing byline names its post's writer and nothing more: a post whose headline a new
    # reading would lose or change keeps its first reading (the byline its words).
    return [
        (member, before if again.headline != before.headline and member not in titles else again)
        if member in closing
        else (member, again)
        for (member, again), (_, before) in zip(read_again, posts, strict=True)
    ]


def _titles_beside_times(
    members: list[Element], inside: dict[Element, list[_Time]], clock: PageClock | None
) -> dict[Element, Element]:
    """Each post's header box where it opens with the post's time and then holds its title,
    in one text or beside it ("14:05 | Tor!", "<span>19:25</span> – Abpfiff"), no box of its
    own around the title for its lines to find: a few words after the time, a different one
    in most posts (a label, "Bundesliga", comes again), neither a byline nor a name ("14:05 |
    Jan Roth"), a line of fields ("13:41 | Frank Weber | Zuschauer: 212") nor a sentence.
    None where any post's says what a header's label does: a label ("Breaking news"), an
    edit's or another time ("Updated 11:55", how long ago: "14:05 · vor 5 Minuten"), an
    agency ("WASHINGTON (AP)", "Quelle: dpa")."""
    found: dict[Element, Element] = {}
    said: list[str] = []
    for member in members:
        time = next((t for t in inside[member] if t.shown and t.reading is not None), None)
        if time is None or time.reading is None or _opens_entry_with_words(time, member):
            continue
        header = _header_of(time.element, member, set())
        line = text_of(header)
        before = _BEFORE_TIME.match(line)
        if header is member or not line.startswith(
            time.reading.text.strip(), 0 if before is None else before.end()
        ):
            continue  # (a time at the line's end: "ansel pushed to main … 11:35")
        words = _after_time(line, time.reading.text)
        if (
            is_post_label(words.strip(" +*"))
            or _AGENCY.search(words)
            or (
                _only_a_time(words, clock)
                if clock is not None
                else _CLOCK_IN_WORDS.search(words) is not None
            )
            or any(
                t.element is not time.element and in_tree(t.element, header) for t in inside[member]
            )
        ):
            return {}  # (a match minute beside the clock: "18:52 90+4'")
        if (
            not _WORD.search(words)
            or len(words) > _HEADER_SLACK
            or words.endswith(".")
            or _FIELDS.search(words)
            or lines.is_byline(words)
            or lines.is_name(words, 2)
        ):
            continue
        found[member] = header
        said.append(words)
    if (
        len(found) < lines.MIN_POSTS
        or len(found) * 2 < len(members)
        or len(set(said)) < _TITLES_DIFFER * len(said)
    ):
        return {}
    return found


def _only_a_time(words: str, clock: PageClock) -> bool:
    """Whether the words after a header's time say another time and nothing else, but its
    label ("vor 5 Minuten", "Updated 2 hours ago", "mis à jour il y a 3 heures"): a header's
    label, where a title may name a time among its words ("Polls close at 10pm", "Dam broke
    two hours ago")."""
    reading = clock.read(words)
    if reading is None:
        return False
    rest = words.replace(reading.text, " ").strip(_TRIM_LABEL).lower()
    if not _WORD.search(rest):
        return True
    # An edit's word or a post's label, then what leads a clock: "Mis à jour à 19h20",
    # "Zaktualizowano o 19:20", "Update 19:20", "Stand: 19.20 Uhr", "Aggiornamento ore 19.20".
    leads = CLOCK_LEADS | _LABEL_WORDS
    left = [word for word in _EDITED.sub(" ", rest).split() if word not in leads]
    label = rest.split()
    while label and label[-1] in leads:
        label.pop()  # ("Mise à jour à": a label, then what leads the clock)
    while label and label[0] in _LAST:
        del label[0]  # ("Dernière mise à jour", "Letzte Aktualisierung": the edit's label)
    return not left or is_post_label(" ".join(left)) or is_post_label(" ".join(label))


_TRIM_LABEL = " \t·•|:,;()[]-–—"
_EDITED = re.compile(EDIT_WORDS)
# The words of a stamp's label beside an edit's words and a clock's leads, in the languages
# read here: "Last updated", "Stand:", "Nachtrag", "MAJ", "ore", "Uhr".
# A word that says the label's edit was the last, before it: "Letzte Aktualisierung".
_LAST = frozenset(
    {"last", "latest", "letzte", "letzter", "zuletzt", "dernière", "dernier", "última", "último",
     "ultima", "ultimo", "ostatnia", "ostatnie", "laatst", "laatste"}
)  # fmt: skip
_LABEL_WORDS = _LAST | frozenset(
    {"stand", "stand:", "nachtrag", "maj", "ore", "uhr", "uur", "h", "hs", "heures", "horas"}
)  # fmt: skip


# What a header's label says beside a post's time, and no title: another clock (an edit's,
# "Updated 11:55", where no page's clock reads the words), a news agency ("WASHINGTON (AP)",
# "Quelle: dpa/AFP", "Reuters und AFP").
_CLOCK_IN_WORDS = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[:.h][0-5]\d(?![\d])")
_AGENCY = re.compile(
    r"\b(?:AP|AFP|DPA|dpa|Reuters|ANP|ANSA|EFE|PAP|AAP|UPI|KNA|APA|SDA|Associated Press)\b"
)
_FIELDS = re.compile(r"\s[|·•]\s")  # a mark between a header's fields (a byline, a count)
_WORD = re.compile(r"[^\W\d_]{3}")  # a title's word: not a score alone, nor a hall's "HS 1"
_TITLES_DIFFER = 0.6  # share of distinct titles among the posts' ("Tor!" comes again)


def _post_header(headline: Element, member: Element) -> Element | None:
    """The post's header that holds its headline (a <header>, a "…header" box): title and
    meta, never body."""
    found = None
    for ancestor in headline.iterancestors():
        if ancestor is member:
            break
        if ancestor.tag == "header" or "header" in (ancestor.get("class") or "").lower():
            found = ancestor
    return found


_TIME_SEPARATOR = re.compile(r"^[\s:–—\-|·•.,]+")
# The word a byline puts before its time ("Posted by Ann Lee at 14:05"), the time taken away.
_TIME_PREPOSITION = re.compile(r"\s+(?:at|on|um|am|à|a\s+las?|alle|ore|às|as|om|o)$", re.I)
_TRAILING_SEPARATOR = re.compile(r"[\s:–—\-|·•,(]+$")


def _heading_of(element: Element) -> Element | None:
    """The heading a time is printed in: the element itself, or the heading whose line it
    opens ("<h2><a>12.31 Uhr: …</a></h2>")."""
    if element.tag in HEADINGS:
        return element
    parent = element.getparent()
    if element.tag in _INLINE_LEADS and parent is not None and parent.tag in HEADINGS:
        return parent
    return None


def _bold_title(member: Element, times: list[_Time]) -> tuple[Element | None, str]:
    """The title a post's first shown time opens, where the whole line is bold in a box of its
    own (`<p><strong>14.05 Uhr: Bahn meldet…</strong></p>`), as a heading would hold it; not a
    bold time before the post's words (`<p><strong>14.05 Uhr:</strong> Die Bahn…</p>`)."""
    shown = next((t for t in times if t.shown and t.reading is not None), None)
    if shown is None or shown.reading is None:
        return None, ""
    line: Element | None = shown.element
    while line is not None and line is not member and line.tag not in _TITLE_LINES:
        line = line.getparent()
    if line is None or line is member:
        return None, ""
    inner = line  # down through boxes that hold one element and no text of their own
    while len(inner) == 1 and not (inner.text or "").strip() and not (inner[0].tail or "").strip():
        inner = inner[0]
        if inner.tag in lines.BOLD:
            return _bold_line_title(line, shown.reading.text)
    first = line[0] if len(line) and not (line.text or "").strip() else None
    if (
        first is not None
        and _bold_within(first)
        and (_ends_its_line(first) or _between_blocks(first, line))
    ):
        # The bold first line of a box whose lines are broken ("<p><b>14.05 Uhr: Bahn
        # meldet…</b><br>Die Bahn…") or that blocks follow (20 Minutes' "<span
        # style="color:…"><strong>14h28 : Des grêlons…</strong></span><p>…"): the title, the
        # rest of the box the post's words.
        return _bold_line_title(first, shown.reading.text)
    if first is not None and _bold_within(first) and shown.reading.kind != "minute":
        return _bold_title_after_time(first, shown.reading.text)
    return None, ""


def _bold_title_after_time(first: Element, time_text: str) -> tuple[Element | None, str]:
    """The bold title after a bold time alone, a mark between them, that its line's break, a
    dash before the post's words or a full stop before a capital closes (`<b>19:50</b> –
    <b>Treni sospesi</b> – Trenitalia…`, `<b>19:50</b> | <b>Treni sospesi</b><br>…`,
    `<b>19h50</b> : <b>Trafic perturbé</b>. Les trains…`); not a bold name that opens a sentence
    (`<b>19:50</b> <b>Draghi</b> ha detto…`, `… <b>Draghi</b> – ha detto…`), a speaker's
    before a colon or a quote (`<b>Draghi</b> – «…»`), nor a dateline in capitals
    (`<b>ROMA</b> – …`)."""
    second = first.getnext()
    if (
        second is None
        or not _bold_within(second)
        or _after_time(text_of(first), time_text)  # the first bold run is the time alone
        or _TIME_SEPARATOR.sub("", first.tail or "")
    ):
        return None, ""
    tail = second.tail or ""
    dash = None if _ends_its_line(second) else lines.DASH_BEFORE_WORDS.match(tail)
    if dash is None:
        dash = _FULL_STOP_BEFORE_WORDS.match(tail)  # "<b>Trafic perturbé</b>. Les trains…"
        if dash is not None and not dash.group(1).isupper():
            return None, ""
    if dash is None and not _ends_its_line(second):
        return None, ""
    if dash is not None and not lines.stands_before(dash.group(1)):  # "– ha detto…", "– «…»"
        return None, ""
    title = text_of(second).strip()
    if not _WORD.search(title) or len(title) > lines.TITLE_LENGTH or title.isupper():
        return None, ""
    return second, title


_FULL_STOP_BEFORE_WORDS = re.compile(r"\.\s+(\S)")


def _bold_within(inline: Element) -> bool:
    """Whether an inline element is bold, or a `<span>` (a colour, a class) that holds
    nothing but one bold element."""
    while inline.tag == "span" and len(inline) == 1 and not (inline.text or "").strip():
        inline = inline[0]
        if (inline.tail or "").strip():
            return False
    return inline.tag in lines.BOLD


def _bold_line_title(line: Element, time_text: str) -> tuple[Element | None, str]:
    """A bold line's title after the time it opens with; none for a time alone or a line too
    long to be a title."""
    text = text_of(line)
    title = _after_time(text, time_text)  # "" for a time alone
    if title != text and len(title) <= lines.TITLE_LENGTH:
        return (line, title) if title else (None, "")
    return None, ""


def _ends_its_line(inline: Element) -> bool:
    """Whether a line break follows an inline element, nothing but blanks between."""
    after = inline.getnext()
    return after is not None and after.tag == "br" and not (inline.tail or "").strip()


_TITLE_LINES = frozenset({"p", "div"})  # the boxes a bold title line stands in


def _after_time(headline: str, time_text: str) -> str:
    """A headline without the time it opens with ("12.31 Uhr: …", "19:30 – …", "+++ 07:20 …
    +++", "Ore 18.05") or ends with ("… 14:04", "… (14:04)"); none when the heading says
    nothing but the time, or the time and an update's word ("4:40 p.m. update")."""
    time_text = time_text.strip()
    before = _BEFORE_TIME.match(headline)
    start = before.end() if before is not None else 0
    opens = bool(time_text) and headline.startswith(time_text, start)
    if time_text and not opens and headline.lstrip().startswith(time_text):
        start, opens = len(headline) - len(headline.lstrip()), True  # ("À 45 km de l'arrivée")
    closed = headline.rstrip(" )]")  # "… (14:04)"
    if time_text and closed.endswith(time_text) and not opens:
        return _TRAILING_SEPARATOR.sub("", closed[: -len(time_text)]).strip()
    if not opens:
        return headline
    rest = _TIME_WORD.sub("", headline[start + len(time_text) :])
    if headline[start - 1 : start] in ("(", "["):  # "Update (4:40 p.m.)": its brackets too
        rest = rest.lstrip().removeprefix(_CLOSING[headline[start - 1]])
    if "+" in headline[:start]:  # "+++ 18:05 Uhr +++ Die Bahn…", "+++ 07:20 Die Bahn… +++"
        rest = _TICKER_MARKS.sub("", rest.lstrip().lstrip("+"))
    rest = _TIME_SEPARATOR.sub("", rest).strip()
    return "" if rest.rstrip(":.").lower() in _BRACKET_LEADS else rest  # "4:40 p.m. update"


_TIME_WORD = re.compile(r"^\s*(?:uhr|h|hrs?|godz\.?)(?![^\W\d_])", re.I)
_CLOSING = {"(": ")", "[": "]"}


def _shown_time(readings: list[_Time]) -> str | None:
    """The surest time shown, but for a local time labelled UTC: a `<time>` whose `datetime`
    says 16:56Z and whose text, read in the page's zone, says 16:56 an hour off. Its clock
    printed for the reader wins, as the times rule has it (README, Times)."""
    best = _best(readings)
    if best is None:
        return best
    for time in readings:  # only _member_times puts a <time>'s text beside its datetime
        if time.rank == VISIBLE and any(
            t is not time and t.element is time.element and t.value == best for t in readings
        ):
            return time.value
    return best


def _best(readings: list[_Time]) -> str | None:
    """The surest reading; of several page-data times (meta) the earliest is the publication."""
    if not readings:
        return None
    rank = min(t.rank for t in readings)
    values = [t.value for t in readings if t.rank == rank]
    return min(values) if rank == META else values[0]


def _header_of(
    element: Element, member: Element, stops: set[Element], slack: int = _HEADER_SLACK
) -> Element:
    """The largest box around a time that holds little else (a label, a byline): not body.

    `stops` are the boxes that hold the headline (those inside the member); `slack` is how
    much text beside the time is little.
    """
    if element is member:
        return element
    own = -1
    node = element
    for parent in element.iterancestors():
        if parent is member or parent in stops:
            break
        if own < 0:
            own = walks.text_length(element)
        # An entry's opening line keeps its words after the time, unless it has none.
        limit = own + (_TIME_ONLY if _leads_entry(parent, member) else slack)
        if walks.text_length(parent, limit + 1) > limit:
            break
        if _says_more(parent, node):
            break  # "<p><b>21:05</b> The mayor says …": a short first paragraph, not a header
        if any(child is not node and _beside_header(child, node) for child in parent):
            break
        node = parent
    return node


def _meta_lines(
    times: list[_Time], member: Element, bylines: list[Element]
) -> dict[Element, Element]:
    """Each time's header line (_meta_line), where the post has a byline: the box around the
    time that holds a byline too, looked at once for all the post's times."""
    if not bylines:
        return {}
    holders: dict[Element, list[Element]] = defaultdict(list)
    for byline in bylines:
        for box in byline.iterancestors():
            if box is member:
                break
            holders[box].append(byline)
    found: dict[Element, Element] = {}
    looked: dict[Element, bool] = {}
    for time in times:
        for box in time.element.iterancestors():
            if box is member:
                break
            held = holders.get(box)
            if held is None:
                continue
            if box not in looked:
                looked[box] = _meta_line(box, time.element, held)
            if looked[box]:
                found[time.element] = box
            break
    return found


def _meta_line(box: Element, time: Element, held: list[Element]) -> bool:
    """Whether the smallest box that holds a post's time and its byline holds little else, no
    sentence among it ("01.05.2024 13:41 | Frank Weber | Zuschauer: 212 (max. 388 am
    01.05.2024 13:44)", as Contao's liveticker prints it): the post's header line, whose words
    are neither its headline nor its body, though they run past a header's slack beside a
    time alone. Not where a title's box or a heading stands among them."""
    side_by_side = len(box) <= len(held) + 1 and all(c is time or c in held for c in box)
    if side_by_side and not any(_has_words(t) for t in (box.text, *(c.tail for c in box))):
        return True  # the time and the byline alone: the common case, looked at no further
    parts = walks.text_length(time) + sum(walks.text_length(b) for b in held)
    limit = parts + _HEADER_SLACK
    if walks.text_length(box, 4 * limit) > 4 * limit:
        return False  # (counted as written first: a template's tabs and line breaks too)
    if any(
        e.tag in HEADINGS or _HEADLINE_CLASS.search(e.get("class") or "")
        for e in box.iter(etree.Element)
    ):
        return False  # a title's box beside them: "<strong class=ticker-item__title>"
    rest = text_of(box)
    if len(rest) > limit:
        return False
    for part in (time, *held):
        rest = rest.replace(text_of(part), " ", 1)
    words = [w for w in rest.split() if any(c.isalpha() for c in w)]
    return len(words) < _SENTENCE_WORDS  # (else a short post's words or title beside them)


def _beside_header(box: Element, header: Element) -> bool:
    """Whether a box beside a time's header is no part of it: a short title
    ("<p><strong>Pegel steigt</strong></p>"), or a short post's words (its one paragraph)."""
    return _title_line(box) or any(_says_more(p, header) for p in box.iter("p", "div"))


def _title_line(box: Element) -> bool:
    """A heading, or a line whose words are all bold: what a post's title is set in."""
    if box.tag in HEADINGS:
        return True
    if box.tag not in _LEAD_LINES or (box.text or "").strip() or len(box) != 1:
        return False
    inner = box[0]
    return inner.tag in lines.BOLD and not (inner.tail or "").strip() and bool(text_of(inner))


def _says_more(line: Element, time: Element, shown: str = "") -> bool:
    """Whether a paragraph, or a box's own text beside the time (not its boxes' text: a
    title's), says more than the time and a label or byline: a few words of a sentence (a
    lower-case word among them). `shown`, where the paragraph is the time's own element: the
    time as its text prints it."""
    if line.tag == "p":
        rest = text_of(line).replace(shown or text_of(time), " ", 1)
    else:
        rest = " ".join([line.text or ""] + [child.tail or "" for child in line])
    if len(rest.strip()) < _SENTENCE_WORDS * 3:  # too short for a sentence (the common case)
        return False
    words = [w for w in rest.split() if any(c.isalpha() for c in w)]
    if len(words) < _SENTENCE_WORDS or lines.is_byline(
        _TIME_PREPOSITION.sub("", rest.strip(" |·–—-:,"))
    ):
        return False
    return any(w[0].islower() for w in words)


def _opens_entry_with_words(time: _Time, member: Element) -> bool:
    """The line that opens a ticker's entry with its time, then words ("14.04 Uhr: Bahn
    fährt wieder"): the words are the entry's, so the line stays in its body."""
    if time.reading is None or not _leads_entry(time.element, member):
        return False
    text, shown = text_of(time.element), time.reading.text.strip()
    if shown not in text:  # taken out of the line (_drop_opening_time): what is left is words
        return bool(text.strip())
    return len(text) > len(shown) + _TIME_ONLY


def _minute_line(time: _Time) -> bool:
    """A paragraph a match minute opens or stands in, with the play it tells ("70+2 mins:
    Kilkenny 2-21 Galway 1-20", "GOAL! 63': …"): the commentary's words, not a header."""
    return (
        time.reading is not None
        and time.reading.kind == "minute"
        and time.element.tag in _LEAD_LINES
        and len(text_of(time.element)) > len(time.reading.text.strip()) + _PLAY
    )


def _opens_line(inline: Element) -> bool:
    """Whether an inline element is the first thing in the box around it."""
    parent = inline.getparent()
    return parent is not None and not (parent.text or "").strip() and inline.getprevious() is None


def _leads_entry(line: Element, member: Element) -> bool:
    """The paragraph (or line box) that opens a ticker entry cut by _segment_tickers: its
    words after the time are the entry's, not a header's."""
    return (
        line.tag in _LEAD_LINES
        and member.get("class") == _SEGMENT_CLASS
        and line.getparent() is member
    )


_LEAD_LINES = frozenset({"p", "div", "dt"})


def _byline_headings(member: Element, bylines: list[Element]) -> list[Element]:
    """Headings that hold a byline and nothing else: the Sydney Morning Herald's `<h5><span
    data-testid="byline">…</span></h5>` above its post's `<h3>` names the author, not the
    post. (Told by the tree alone: each box up to the heading holds the one below, no words
    of its own beside it.)"""
    found = []
    for byline in bylines:
        node, parent = byline, byline.getparent()
        while parent is not None and parent is not member:
            if len(parent) != 1 or _has_words(parent.text) or _has_words(node.tail):
                break
            if parent.tag in HEADINGS:
                found.append(parent)
                break
            node, parent = parent, parent.getparent()
    return found


def _has_words(text: str | None) -> bool:
    return bool(text and not text.isspace())


def _headline(member: Element, skip: set[Element]) -> tuple[Element | None, str]:
    """A heading (or a title-classed element) before the body's first paragraph, and its text.

    The text comes with it: reading it again would cost as much as finding it. The walk is
    walks.headline; what counts as a heading, a headline and text is decided here.
    """
    return walks.headline(
        member,
        skip,
        _HEADLINE_BUDGET,
        HEADINGS,
        _is_headline_class,
        _own_headline_text,
        _PARAGRAPHS,
        _has_text,
    )


_PARAGRAPHS = frozenset({"p", "div"})


def _has_text(element: Element) -> bool:
    """A paragraph of the body: a <p> with text (not a label or a date), or a <div> that
    opens with a paragraph's worth of words of its own (a CMS that writes its posts without
    <p>): a heading after it is the post's subheading or a card's, not its headline."""
    if element.tag == "p":  # nor is a label ("Breaking") or a date alone ("14 March 2024")
        text = normalise_text(raw_text(element))
        return bool(text) and not is_boilerplate(text) and not is_date_line(text)
    return len(normalise_text(element.text)) >= _SHORT_TEXT


@lru_cache(maxsize=4096)
def _is_headline_class(cls: str) -> bool:
    """A class that names a title, but not a picture's title (Tickaroo's
    `tik4-media-body__title` is an image's caption). (A video's title may be its post's:
    NU.nl's video blocks; and Bootstrap's `media-heading` heads a post.)"""
    return any(
        _HEADLINE_CLASS.search(name) is not None
        and ("title" not in name.lower() or _PICTURE_CLASS.search(name) is None)
        for name in cls.split()
    )


def _own_headline_text(element: Element) -> str:
    return text_of(element) if element.tag in HEADINGS or len(element) < 8 else ""


def _member_id(member: Element, url: str, headline: Element | None = None) -> str | None:
    """The post's own id: the anchor its own permalink names, the block's, a data-*-id, its
    heading's or headline box's (`div#post12` holding the title), or a link to it on this
    page."""
    anchor = _permalink_anchor(member, urlsplit(url).path)
    if anchor is not None:
        return anchor
    if member.get("class") == _SEGMENT_CLASS and len(member) and isinstance(member[0].tag, str):
        lead = _member_id_attribute(member[0])  # the box the cutting put the post's words beside
        if lead:
            return lead
    node = member
    while True:  # through wrappers: `li > article#post_…`
        own = node.get("id")
        if own:
            return own
        for name, value in node.items():
            if _ID_ATTR.match(name) and value.strip() and " " not in value.strip():
                return value.strip()  # (not a name a theme keeps there: "Anna Kowalski")
        if rel := _rel_id(node):
            return rel
        for name in _RDFA_SUBJECTS:  # RDFa's `resource="#post-12"`: the post's own address
            fragment = fragment_of(node.get(name))
            if fragment:
                return fragment
        # (Past an empty box beside the post's: Labrador's `span.timeline-marker` before its
        # `div.notice#notice-3401187`.)
        children = [c for c in node if isinstance(c.tag, str) and (len(c) or _not_blank(c))]
        if len(children) != 1:
            break
        node = children[0]
    page_path = urlsplit(url).path
    for element in member.iter():
        if not isinstance(element.tag, str):
            continue
        if (element.tag in HEADINGS or element is headline) and element.get("id"):
            return element.get("id")
        if element.tag == "a" and walks.holds(element, _PICTURES):
            continue  # a picture's link to its viewer ("#focus-0"), not to the post
        for attr in _LINK_ATTRS:
            link = element.get(attr)
            if not link:
                continue
            if "#" not in link:
                segment = _sub_page(link, page_path)
                if segment:
                    return segment
                continue
            base, _, fragment = link.partition("#")
            if fragment and (not base or base.startswith("?") or _same_page(base, page_path)):
                return fragment
    return None


def _not_blank(element: Element) -> bool:
    return bool(element.text and not element.text.isspace())


def _permalink_anchor(member: Element, page_path: str) -> str | None:
    """The fragment of a link inside the post to this page when the post holds that anchor:
    the id a reader's link to the post uses (the NYT's slug, not its CMS number)."""
    fragments = []
    for href in walks.attribute_values(member, "a", "href", "#"):
        base, _, fragment = href.partition("#")
        if fragment and (not base or base.startswith("?") or _same_page(base, page_path)):
            fragments.append(fragment)
    if not fragments:  # most posts link nowhere on the page: no need to gather their ids
        return None
    ids = {e.get("id") for e in member.iter(etree.Element) if e.get("id")}
    return next((fragment for fragment in fragments if fragment in ids), None)


def _sub_page(link: str, page_path: str) -> str | None:
    """A post's own URL under the page's (CNN's `…/live-news/story/h_1a2b`): its last segment."""
    try:
        path = urlsplit(link).path.rstrip("/")
    except ValueError:
        return None
    head, _, segment = path.rpartition("/")
    return segment if segment and head == page_path.rstrip("/") else None


def _same_page(link: str, page_path: str) -> bool:
    try:
        path = urlsplit(without_fragment(link)).path
    except ValueError:
        return False
    return bool(path) and path.rstrip("/") == page_path.rstrip("/")
