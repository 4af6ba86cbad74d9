"""Live posts a page keeps in its own JSON state rather than in its markup: Arc XP's stories.

Arc XP pages carry their story as ANS (the Washington Post's schema, washingtonpost/ans-schema):
in `<script id="__NEXT_DATA__">` at `props.pageProps.globalContent` (the Washington Post's
Next.js pages), or after `Fusion.globalContent=` (classic Fusion pages). A live page's posts
are whole stories nested in that story's `content_elements`, among its intro's paragraphs, as a
public feed reader of the Post reads them (m4rk4/BuoyantUnrealisticModule,
`feedhandlers/fusion.py`): each with its `_id`, `headlines.basic`, `credits.by[].name`, the
`display_date` its readers see (`first_publish_date` where it gives none),
`last_updated_date`, and its own `content_elements`: `text` and `header` (their `content` in
HTML), `list` (`items[].content`), `quote`, `image` (`url`, `caption`, `credits.by[].name`),
`video` (its `streams[].url`, an mp4 first, and `headlines.basic`), `oembed_response`
(`raw_oembed.url`), `raw_html` (the markup an editor pasted: a tweet's blockquote, a chart;
nothing where, read as a post's body, it shows no words, picture or embed: a newsletter
form's script, an ad slot's label), `table` (`header` and `rows` of cells), `correction`
(its `text`), `custom_embed` (`embed.url`) and `gallery` (its `image` elements).

GOAL's live pages (Footballco's Next.js build) keep theirs in `__NEXT_DATA__` at
`props.pageProps.content.liveBlog.posts`, as the same feed reader reads them
(`feedhandlers/goal.py`): each with its `id`, `headline`, `updateTime`, `media` (an `Image`'s
`image.src` and `credit` or `source`, or a `YoutubeVideo`'s `embed`) and `details.body` in HTML,
whose scripts are its ads' and polls' placeholders.

The posts are read as structured data is (a StructuredUpdate each, merged with the HTML's
reading of the same post); a story with fewer than two nested stories is no live page's.

Any other build's state is read only where the page says it is live and shows no post, or
shows a few its state holds with more (read_state_stream, below).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any
from urllib.parse import urlsplit

from crawler.extract.clean import author_names, escape_attribute, escape_text, normalise_text
from crawler.extract.dom import Element
from crawler.extract.html import parse_fragment
from crawler.extract.instant import EARLIEST, MAX_AHEAD, machine_time, seconds
from crawler.extract.jsliteral import nuxt_state
from crawler.extract.structured import StructuredUpdate, article_body

SOURCE = "pagedata"
_NEXT_DATA = "__NEXT_DATA__"
_FUSION = "Fusion.globalContent="
_MIN_POSTS = 2  # nested stories that make a story a live page's
_NEEDLE = '"content_elements"'  # what a script's text must hold before it is parsed
_GOAL_NEEDLE = '"liveBlog"'  # ...or, for GOAL's


@dataclass
class PageState:
    """The live posts a page's own JSON state holds."""

    updates: list[StructuredUpdate] = field(default_factory=list)
    live: bool = False


def read_page_state(scripts: Iterable[Element]) -> PageState:
    """The posts of the first Arc XP story among the page's scripts that nests two or more."""
    for script in scripts:
        if script.tag != "script":
            continue
        text = script.text or ""
        if script.get("id") == _NEXT_DATA and _GOAL_NEEDLE in text:
            posts = _goal_posts(_loads(text))
            if len(posts) >= _MIN_POSTS:
                return PageState([_goal_post(post) for post in posts], live=True)
        if _NEEDLE not in text:
            continue
        story = _story(script.get("id"), text)
        nested = [e for e in _elements(story) if e.get("type") == "story"]
        if sum(1 for e in nested if _has_words(e)) >= _MIN_POSTS:
            # Among posts with words, a dated one of a picture or a list alone is a post too
            # (the Chicago Tribune's "Photos: …", "What we know"), not a related story's card.
            posts = [e for e in nested if _has_words(e) or (_dated(e) and _has_content(e))]
            return PageState([_post(post) for post in posts], live=True)
    return PageState()


def _story(script_id: str | None, text: str) -> dict[str, Any]:
    """The page's ANS story, from Next.js's data or Fusion's assignment; {} when neither."""
    data: Any = None
    if script_id == _NEXT_DATA:
        data = _loads(text)
        for key in ("props", "pageProps", "globalContent"):
            data = data.get(key) if isinstance(data, dict) else None
    elif _FUSION in text:
        data = _loads_at(text, text.index(_FUSION) + len(_FUSION))
    return data if isinstance(data, dict) else {}


def _goal_posts(data: Any) -> list[dict[str, Any]]:
    """GOAL's live posts, from its Next.js data; [] for any other shape."""
    for key in ("props", "pageProps", "content", "liveBlog", "posts"):
        data = data.get(key) if isinstance(data, dict) else None
    return [post for post in data if isinstance(post, dict)] if isinstance(data, list) else []


def _goal_post(post: dict[str, Any]) -> StructuredUpdate:
    details = post.get("details")
    body = _string(details.get("body")) if isinstance(details, dict) else None
    return StructuredUpdate(
        source=SOURCE,
        source_id=_string(post.get("id")),
        headline=_plain(post.get("headline")) or None,
        published_at=machine_time(
            _string(post.get("publishTime")) or _string(post.get("updateTime"))
        ),
        modified_at=machine_time(_string(post.get("updateTime"))),
        article_body=_goal_media(post.get("media")) + (body or ""),
    )


def _goal_media(media: Any) -> str:
    """A GOAL post's picture or video, as the HTML a page would show for it."""
    if not isinstance(media, dict):
        return ""
    if media.get("type") == "Image":
        image = media.get("image")
        url = _string(image.get("src")) if isinstance(image, dict) else None
        if not url:
            return ""
        credit = _plain(media.get("credit")) or _plain(media.get("source"))
        credit_html = f'<span class="credit">{escape_text(credit)}</span>' if credit else ""
        return f'<figure><img src="{escape_attribute(url)}" alt=""><figcaption>{credit_html}</figcaption></figure>'
    if media.get("type") == "YoutubeVideo":
        return _string(media.get("embed")) or ""  # (its <iframe>)
    return ""


def _loads_at(text: str, start: int) -> Any:
    """The JSON value a script's text holds from `start` on (after an assignment's "=")."""
    try:
        return json.JSONDecoder().raw_decode(text, start)[0]
    except (ValueError, RecursionError):  # a broken or hostile page
        return None


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # a broken or hostile page
        return None


def _has_words(story: dict[str, Any]) -> bool:
    """Whether a nested story holds words of its own (a post), not only a reference to another
    page's (a card of a related story carries no body)."""
    return any(
        e.get("type") in ("text", "paragraph") and e.get("content") for e in _elements(story)
    )


def _dated(story: dict[str, Any]) -> bool:
    return bool(_string(story.get("display_date")) or _string(story.get("first_publish_date")))


def _has_content(story: dict[str, Any]) -> bool:
    """Whether a nested story shows something of its own (a post: words, a list, a picture,
    an embed), not only a reference to another page's (a card of a related story carries no
    body)."""
    return any(_block(e) for e in _elements(story))


def _elements(node: dict[str, Any]) -> list[dict[str, Any]]:
    found = node.get("content_elements")
    return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []


def _post(post: dict[str, Any]) -> StructuredUpdate:
    headlines = post.get("headlines")
    headline = _plain(headlines.get("basic")) if isinstance(headlines, dict) else None
    shown = _string(post.get("display_date")) or _string(post.get("first_publish_date"))
    return StructuredUpdate(
        source=SOURCE,
        source_id=_string(post.get("_id")),
        headline=headline or None,
        published_at=machine_time(shown),
        modified_at=machine_time(_string(post.get("last_updated_date"))),
        authors=author_names(_names(post.get("credits"))),
        article_body="".join(_block(e) for e in _elements(post)),
    )


def _block(element: dict[str, Any], depth: int = 0) -> str:
    """One content element as the HTML a page would show for it ("" for what is not read, and
    for a quote nested in quotes past a few levels: a hostile page's)."""
    kind = element.get("type")
    content = _string(element.get("content")) or ""
    if kind in ("text", "paragraph") and content:
        return f"<p>{content}</p>"
    if kind == "header" and content:
        return f"<h3>{content}</h3>"
    if kind == "quote":
        if depth >= _MAX_NODE_DEPTH:
            return ""
        inner = "".join(_block(e, depth + 1) for e in _elements(element))
        return f"<blockquote>{inner}</blockquote>" if inner else ""
    if kind == "list":
        items = element.get("items")
        rows = [
            f"<li>{_string(i.get('content')) or ''}</li>"
            for i in (items if isinstance(items, list) else [])
            if isinstance(i, dict)
        ]
        return f"<ul>{''.join(rows)}</ul>" if rows else ""
    if kind == "image":
        url = _string(element.get("url"))
        if not url:
            return ""
        caption = escape_text(_plain(element.get("caption")) or "")
        credit = ", ".join(_names(element.get("credits")))
        credit_html = f' <span class="credit">{escape_text(credit)}</span>' if credit else ""
        return (
            f'<figure><img src="{escape_attribute(url)}" alt="">'
            f"<figcaption>{caption}{credit_html}</figcaption></figure>"
        )
    if kind == "video":
        url = _stream(element.get("streams"))
        if not url:
            return ""
        headlines = element.get("headlines")
        title = _plain(headlines.get("basic")) if isinstance(headlines, dict) else ""
        return (
            f'<figure class="video"><video src="{escape_attribute(url)}"></video>'
            f'<figcaption class="video-title">{escape_text(title)}</figcaption></figure>'
        )
    if kind == "gallery":  # its pictures, each as an `image` element
        return "".join(_block(e) for e in _elements(element) if e.get("type") == "image")
    if kind == "raw_html":
        return content if _shows(content) else ""
    if kind == "table":
        return _table(element)
    if kind == "correction":
        text = _plain(element.get("text"))
        return f"<p>{escape_text(text)}</p>" if text else ""
    if kind == "custom_embed":
        embed = element.get("embed")
        url = _web(_string(embed.get("url"))) if isinstance(embed, dict) else None
        return f'<div class="embed" data-embed-url="{escape_attribute(url)}"></div>' if url else ""
    if kind == "oembed_response":
        oembed = element.get("raw_oembed")
        url = None
        if isinstance(oembed, dict):  # its address as `url`, or as `_id` (a feed reader's note)
            url = _string(oembed.get("url")) or _web(_string(oembed.get("_id")))
        return f'<div class="embed" data-embed-url="{escape_attribute(url)}"></div>' if url else ""
    return ""


def _shows(markup: str) -> bool:
    """Whether an element's own HTML (ANS `raw_html`) shows words, a picture or an embed to a
    reader, read as a post's body is: a newsletter form's script, a style sheet, an ad slot's
    label or a newsletter's sign-up box alone shows nothing."""
    if not markup.strip():
        return False
    text, _, found = article_body(markup, _ANY_BASE)
    return bool(text) or bool(found)


_ANY_BASE = "https://base.invalid/"  # (only whether something shows is asked: no address kept)


def _table(element: dict[str, Any]) -> str:
    """An ANS `table` (its `header` cells and `rows` of cells, each a string or a `text`
    element) as the HTML table a page shows."""

    def cell(value: Any, tag: str) -> str:
        content = value.get("content") if isinstance(value, dict) else value
        return f"<{tag}>{_string(content) or ''}</{tag}>"

    header = element.get("header")
    given = element.get("rows")
    rows = [row for row in given if isinstance(row, list)] if isinstance(given, list) else []
    lines = (
        ["<tr>" + "".join(cell(value, "th") for value in header) + "</tr>"]
        if isinstance(header, list) and header
        else []
    )
    lines += ["<tr>" + "".join(cell(value, "td") for value in row) + "</tr>" for row in rows]
    return f"<table>{''.join(lines)}</table>" if rows else ""


def _stream(streams: Any) -> str | None:
    """A video's address among its ANS `streams`: a file a browser plays (mp4) before a
    playlist (HLS, its `ts` streams)."""
    found = [s for s in streams if isinstance(s, dict)] if isinstance(streams, list) else []
    found.sort(key=lambda s: s.get("stream_type") != "mp4")
    return next((url for s in found if (url := _string(s.get("url")))), None)


def _names(credited: Any) -> list[str]:
    """The names in an ANS `credits.by` list."""
    by = credited.get("by") if isinstance(credited, dict) else None
    if not isinstance(by, list):
        return []
    names = (_plain(person.get("name")) for person in by if isinstance(person, dict))
    return [name for name in names if name]


def _plain(value: Any) -> str:
    """A string that may hold markup (a headline in HTML), as its text."""
    text = _string(value) or ""
    if "<" in text:
        fragment = parse_fragment(text)
        text = "".join(fragment.itertext()) if fragment is not None else text
    return normalise_text(text)


def _web(value: str | None) -> str | None:
    """A value that is a web address, else None."""
    return value if value and value.startswith(("https://", "http://")) else None


def _string(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


# Any other build's state ---------------------------------------------------------------------
#
# Pages whose posts stand only in their JSON state, in a shape no reader here knows (DR's
# `viewProps.article.liveBlog.items`): read only where the page says it is live and neither
# its markup nor its structured data gives a post. A list is a stream's when its name says
# posts ("posts", "items", "updates", "entries") under or in a name that says live, ticker or
# blog (_stream_name), nearly every item has a time and words of its own ("content", "body",
# "html", "text"; the time may lack only under a name that says live blog), and most have no
# link to a page of their own: a teaser's summary, a hub's list of blogs, a sidebar's latest
# stories, comments, a chat's messages, a schedule or a line-up are none. A list under a plain
# name ("blocks", "events") is a stream's only where every item is a post's by its own fields
# (_plain_stream).

# `window.__STATE__ = {`, `__PRELOADED_STATE__={`, or a window's state by its name in any
# case, in brackets too: ESPN's `window['__espnfitt__']={`; Arc XP's `Fusion.globalContent={`.
# A name is of at most 64 characters, so a long run of capitals and underscores ("__A__A…")
# is tried a few characters on from each of its "__", in a time of its length.
_STATE_ASSIGNMENT = re.compile(
    r"(?:(?:window\.)?__[A-Z][A-Z_]{0,64}__|window\.__\w{1,64}__"
    r"|window\[(['\"])__\w{1,64}__\1\]|Fusion\.globalContent)\s*=\s*(?=\{)"
)
# A stream's list is named for its posts ("posts", "items", "liveUpdates", "tickerEntries")
# under, or in, a name that says live, ticker or blog ("liveBlog.items", "ticker.entries");
# not a list of latest, related or teased stories, nor of comments, except in a live blog's
# own name ("liveBlog.latestUpdates"; "liveCommentary" is no list of comments).
_LIST_NAME = re.compile(r"\w*?(?:posts|updates|entries|items)", re.I)
_LIVE_NAME = re.compile(r"live|ticker|blog", re.I)
# The lists a GraphQL connection keeps its nodes in, under the name of what they are
# (`liveBlog.posts.items`, a Relay connection's `posts.edges[].node`).
_CONNECTION = frozenset({"items", "edges", "nodes"})
# An Apollo cache (its `ROOT_QUERY` beside objects under `<__typename>:<id>`) types its
# posts by name: a live stream's ("LiveBlogPost", "LiveUpdate", "TickerEntry"), not a blog's
# ("BlogPost") nor comments ("LiveComment").
_APOLLO_ROOT = "ROOT_QUERY"
_TYPE_NAME = re.compile(r"\w*?(?:post|update|entry|item)s?", re.I)
_LIVE_TYPE = re.compile(r"live|ticker", re.I)
_OTHER_WORDS = frozenset(
    {"latest", "related", "recommended", "recommendations", "popular", "trending", "teaser",
     "teasers", "sidebar", "more", "hub", "hubs"}
)  # fmt: skip
_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_COMMENTS = re.compile(r"comment(?!ary|ator)", re.I)
# A name that says live blog: only its posts may lack a time (DR's items give none).
# A name of many blogs or tickers ("liveBlogs", "liveTickers"): its list is of blogs.
_BLOGS = re.compile(r"(?:blog|ticker)s$", re.I)
_BLOG_NAME = re.compile(r"live-?blog|liveticker", re.I)
# Keys of a teaser's link to its own page: a list whose items mostly link to other pages is
# an index.
# An item's link's fields, as _fields folds them ("webUrl", "web_url", "URL").
_LINK_KEYS = ("url", "href", "link", "slug", "path", "canonicalurl", "permalink", "weburl",
              "articleurl", "pageurl", "fullurl", "uri", "seopath", "canonicalpath")  # fmt: skip
_ID_KEYS = ("id", "_id", "postId", "post_id", "uuid", "guid", "entryId", "key")
# The names of an item's fields, as _fields folds them (case and underscores aside): a time
# ("publishedAt", "published_at", the Financial Times' "publishedDate": a time shown or
# published before a draft's creation, ANS's `created_date`), an edit ("updatedAt", ANS's
# `last_updated_date`), words ("body", its "bodyHTML"), a title, authors, a pin.
_TIME_KEYS = (
    "publishedat", "datepublished", "publishtime", "published", "publisheddate",
    "publicationdate", "displaydate", "firstpublishedat", "firstpublished", "firstpublishdate",
    "pubdate", "createdat", "created", "createddate", "datecreated", "date", "time",
    "timestamp", "blockfirstpublished", "updatedat", "updatetime", "modified",
)  # fmt: skip
_EDIT_KEYS = (
    "lastupdateddate", "updatedat", "updatetime", "updated", "updateddate", "lastmodified",
    "modifiedat", "modified", "datemodified", "blocklastupdated",
)  # fmt: skip
# A schedule's slot ends ("endTime", "ends_at"); a post does not.
_END_KEYS = frozenset({"end", "endtime", "enddate", "endsat", "endat", "enddatetime"})
# Markup's names first: a post's "bodyHTML" is whole where a "text" beside it is its excerpt.
_BODY_KEYS = (
    "bodyhtml", "contenthtml", "html", "content", "body", "text", "bodytext", "details",
    "elements", "contents",
)  # fmt: skip
_TITLE_KEYS = ("title", "headline", "heading", "header")
_AUTHOR_KEYS = ("authors", "author", "byline")
_PIN_KEYS = ("pinned", "ispinned", "sticky", "issticky")
# Rich text's own nodes: Portable Text's blocks of `children` spans, Contentful's and
# ProseMirror's `content` nodes, their words in `text` or `value`.
_NODE_WORDS = ("text", "value", "content", "html")
_NODE_CHILDREN = ("children", "content")
_MAX_NODE_DEPTH = 8
_MIN_STATE_POSTS = 3
# A live list under a plain name ("blocks", "events", "messages"), read only where each of its
# items is a post's: an item of these fields is a reader's comment ("user", "likes",
# "replyTo"), a card of another page ("image", "thumbnail", "summary", "teaser", a "slug"
# naming its own page), or a slot of a schedule; a sentence is five words or more and a stop.
_PLAIN_LIST = re.compile(r"blocks|events|messages|feed|entries|items|updates|posts|results", re.I)
_NOT_POST_KEYS = frozenset(
    {"user", "username", "userid", "commenter", "replyto", "inreplyto", "parentid", "likes",
     "likecount", "upvotes", "votes", "image", "thumbnail", "thumbnailurl", "teaser", "summary",
     "excerpt", "standfirst", "label", "slug", "end", "endtime", "enddate", "endsat", "endat",
     "sender", "senderid", "avatar", "rating", "stars", "snippet"}
)  # fmt: skip
_SENTENCE = re.compile(r"\w+(?:[ ,;:'’-]+\w+){4,}[.!?…]")
# A post its state keeps but its page does not show: deleted, a draft, scheduled or hidden.
_GONE_FLAGS = frozenset({"deleted", "isdeleted", "removed", "isremoved", "hidden", "ishidden"})
_SHOWN_FLAGS = frozenset({"visible", "isvisible", "published", "ispublished"})
_STATUS_KEYS = ("status", "poststatus", "publicationstatus", "state")
_NOT_SHOWN = frozenset(
    {"draft", "scheduled", "deleted", "trash", "trashed", "unpublished", "pending", "private",
     "hidden", "removed"}
)  # fmt: skip
_POST_WORDS = 40  # characters of words that make an item's body a post's
_MAX_NODES = 200_000  # of a page's state walked in search of its stream


def read_state_stream(
    scripts: Iterable[Element],
    root: Element | None = None,
    url: str = "",
    fetched_at: str | None = None,
) -> list[StructuredUpdate]:
    """The posts of the longest list in the page's JSON state that reads as a live stream: in
    its scripts, or in a custom element's attribute (Sky TG24's `<ed-liveblog-container-widget
    model='{…}'>`, named by its element); a post its state flags deleted, a draft or hidden
    is left out."""
    states = [(_state_of(script), "") for script in scripts if script.tag == "script"]
    if root is not None:
        states += _attribute_states(root)
    best: list[dict[str, Any]] = []
    for data, name in states:
        if data is None:
            continue
        budget = [_MAX_NODES]
        for posts in _streams(data, name, budget, _page_path(url), seconds(fetched_at)):
            if len(posts) > len(best):
                best = posts
    return [_state_post(post) for post in best if not _withdrawn(post)]


def _withdrawn(item: dict[str, Any]) -> bool:
    """Whether a state's post is one its page does not show: flagged deleted or hidden, not
    visible or not published, or of a draft's, a schedule's or the bin's status."""
    fields = _fields(item)
    if any(fields.get(key) is True for key in _GONE_FLAGS):
        return True
    if any(fields.get(key) is False for key in _SHOWN_FLAGS):
        return True
    status = next((fields[k] for k in _STATUS_KEYS if isinstance(fields.get(k), str)), "")
    return status.strip().lower() in _NOT_SHOWN


def _attribute_states(root: Element) -> list[tuple[Any, str]]:
    """The JSON objects custom elements (a web component's `<x-y>`) carry in attributes, each
    with its element's name."""
    found = []
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str) or "-" not in tag:
            continue
        for value in element.attrib.values():
            if len(value) >= _STATE_ATTRIBUTE and value.lstrip()[:1] == "{":
                found.append((_loads(value), tag))
    return found


_STATE_ATTRIBUTE = 200  # characters of an attribute that may hold a stream's state


def _state_of(script: Element) -> Any:
    """A script's JSON state: Next.js's data, a JSON script, or `window.__STATE__ = {…}`
    (`window['__espnfitt__']={…}`)."""
    text = script.text or ""
    kind = (script.get("type") or "").lower()
    if script.get("id") == _NUXT_DATA:
        return _devalued(_loads(text))
    if script.get("id") == _NEXT_DATA or kind == "application/json":
        return _loads(text)
    if kind not in ("", "text/javascript", "application/javascript", "module"):
        return None
    found = _STATE_ASSIGNMENT.search(text)
    state = _loads_at(text, found.end()) if found is not None else None
    return nuxt_state(text) if state is None and _NUXT in text else state


# Nuxt 3's payload, as devalue flattens it (Rich-Harris/devalue, `parse.js`): one array whose
# first value is the root; an object's or an array's members are indices into the array (a
# negative one a value JSON has not: undefined, a hole, NaN); an array that opens with a name
# is a special value: `["Date", iso]`, `["Set", …]`, `["Map", key, value, …]`, `["null", key,
# value, …]` (an object without a prototype), or a wrapper of one value, Nuxt's
# `["ShallowReactive", i]`, `["Reactive", i]`, `["Ref", i]` among them.
_NUXT_DATA = "__NUXT_DATA__"
_NUXT = "__NUXT__"  # (Nuxt 2's state, in JavaScript's syntax: jsliteral)
_MAX_DEVALUE_DEPTH = 64
# A payload read back is at most this many times its own size, or a million characters: one
# whose values refer to one another over and over (a "billion laughs" of references, a long
# post referred to by thousands of items) is no page's state.
_MAX_EXPANSION = 10
_MIN_EXPANDED = 1_000_000


class _ExpandedError(Exception):
    """A devalue payload that reads back far larger than it is."""


def _devalued(values: Any) -> Any:
    """A devalue payload's root as plain JSON values, each index read once (a value met twice
    is one object), a reference back to a value being read (a cycle) or past the depth read
    as None; None for what is no payload, or for one that reads back far larger than it is."""
    if not isinstance(values, list) or not values:
        return None
    limit = max(_MAX_EXPANSION * sum(_flat_size(value) for value in values), _MIN_EXPANDED)
    done: dict[int, Any] = {}
    sizes: dict[int, int] = {}  # (each value's size as plain JSON, its members' counted in)
    reading: set[int] = set()

    def value_at(index: Any, depth: int) -> Any:
        if (
            not isinstance(index, int)
            or isinstance(index, bool)
            or not 0 <= index < len(values)
            or index in reading
            or depth > _MAX_DEVALUE_DEPTH
        ):
            return None
        if index in done:
            return done[index]
        reading.add(index)
        size = _flat_size(values[index])

        def member(at: Any) -> Any:
            nonlocal size
            found = value_at(at, depth + 1)
            size += sizes.get(at, 1) if type(at) is int else 1  # (True is no index)
            if size > limit:
                raise _ExpandedError
            return found

        done[index] = found = _devalue_one(values[index], member)
        sizes[index] = size
        reading.discard(index)
        return found

    try:
        return value_at(0, 0)
    except _ExpandedError:
        return None


def _flat_size(value: Any) -> int:
    """About the characters a value of the payload holds, its members' indices aside."""
    if isinstance(value, str):
        return len(value) + 2
    if isinstance(value, dict):
        return 1 + sum(len(key) + 2 if isinstance(key, str) else 1 for key in value)
    return 1 + len(value) if isinstance(value, list) else 1


def _devalue_one(value: Any, member: Any) -> Any:
    """One value of a devalue payload, its members read by `member(index)`."""
    if isinstance(value, dict):
        return {key: member(index) for key, index in value.items()}
    if not isinstance(value, list):
        return value
    if not value or not isinstance(value[0], str):
        return [member(index) for index in value if index != -2]  # (-2: a hole)
    kind, rest = value[0], value[1:]
    if kind == "Date":
        return rest[0] if rest and isinstance(rest[0], str) else None
    if kind == "Set":
        return [member(index) for index in rest]
    if kind in ("Map", "null"):
        pairs = zip(rest[::2], rest[1::2], strict=False)
        keyed = ((member(k) if kind == "Map" else k, v) for k, v in pairs)
        return {str(k): member(v) for k, v in keyed if isinstance(k, str | int)}
    if kind in ("Object", "BigInt", "EmptyRef", "EmptyShallowRef", "RegExp"):
        return None  # (a boxed value, a number, an empty ref, a pattern: no state of posts)
    return member(rest[0]) if len(rest) == 1 else None  # (Nuxt's wrappers: "Reactive", …)


def _page_path(url: str) -> str:
    try:
        return urlsplit(url).path.rstrip("/")
    except ValueError:
        return ""


def _elsewhere(item: dict[str, Any], page_path: str) -> bool:
    """Whether an item links to a page of its own, not to itself on this page (its permalink:
    "#post-12", "?post=12", this page's address, or one under it that names the item's id; a
    hub's items link under its address to pages of their own)."""
    fields = _fields(item)
    for key in _LINK_KEYS:
        value = fields.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        link = value.strip()
        if link.startswith(("#", "?")):
            return False
        try:
            path = urlsplit(link).path.rstrip("/")
        except ValueError:
            return True
        if page_path and path == page_path:
            return False
        if page_path and path.startswith(page_path + "/"):
            own = _item_id(item)
            return not (own and own in path.rsplit("/", 1)[-1])
        return "/" in link  # (a slug alone, its page's or its own, says nothing)
    return False


def _streams(
    node: Any, path: str, budget: list[int], page_path: str = "", fetched: float | None = None
) -> Iterable[list[dict[str, Any]]]:
    """The lists under `node` whose items read as a stream's posts, walked within a budget."""
    # Each node with its name, its holder's and that one's holder's, no more: a deep state's
    # paths would grow with its depth.
    stack: list[tuple[Any, str, str, str]] = [(node, "", path, "")]
    while stack and budget[0] > 0:
        value, holder, name, outer = stack.pop()
        budget[0] -= 1
        if isinstance(value, dict):
            if _APOLLO_ROOT in value and (posts := _cached_stream(value, page_path)):
                yield posts
                continue
            stack.extend((child, name, str(key), holder) for key, child in value.items())
        elif isinstance(value, list):
            items = [item for item in value if isinstance(item, dict)]
            blog = None
            if len(items) >= _MIN_STATE_POSTS:
                blog = _stream_name(holder, name)
                if blog is None and name.lower() in _CONNECTION and _LIST_NAME.fullmatch(holder):
                    blog = _stream_name(outer, holder)  # (`liveBlog.posts.items`)
                    if name.lower() == "edges":  # (a Relay connection's `edges[].node`)
                        items = [e["node"] if isinstance(e.get("node"), dict) else e for e in items]
            if blog is not None and (posts := _stream_of(items, blog, page_path)):
                yield posts
                continue
            if blog is None and (posts := _plain_stream(items, holder, name, page_path, fetched)):
                yield posts
                continue
            stack.extend((child, holder, name, outer) for child in value)


def _stream_of(items: list[dict[str, Any]], blog: bool, page_path: str) -> list[dict[str, Any]]:
    """A named list's posts, if nearly all its items read as posts and most link nowhere else;
    [] when it is no stream."""
    posts = [item for item in items if _reads_as_post(item, blog)]
    linked = sum(1 for item in items if _elsewhere(item, page_path))
    if (
        len(posts) >= _MIN_STATE_POSTS
        and len(posts) * 10 >= len(items) * 9
        and linked * 2 <= len(items)
    ):
        return posts
    return []


def _plain_stream(
    items: list[dict[str, Any]],
    holder: str,
    name: str,
    page_path: str,
    fetched: float | None = None,
) -> list[dict[str, Any]]:
    """A list under a plain name ("blocks", "events", "messages") whose items read as posts:
    each its own id, a time, sentences, and nothing of a card's, a comment's or a link's; []
    when any item carries a card's, a comment's or a link's field, when more than one in four
    lacks an id, a time or a sentence (an ad slot's placeholder or a pinned header among
    posts is left out), or where their times are not a stream's (_stream_times)."""
    if (
        len(items) < _MIN_STATE_POSTS
        or not _PLAIN_LIST.fullmatch(name)
        or _COMMENTS.search(holder)
        or _BLOGS.search(holder)
        or {w.lower() for w in _NAME_WORDS.findall(holder)} & _OTHER_WORDS
    ):
        return []
    ids: set[str] = set()
    posts: list[dict[str, Any]] = []
    odd = 0
    for item in items:
        if _fields(item).keys() & _NOT_POST_KEYS or _elsewhere(item, page_path):
            return []
        own = _item_id(item)
        if own is not None and own in ids:
            return []
        if own is not None and _plain_post(item):
            ids.add(own)
            posts.append(item)
            continue
        odd += 1
        if odd * _ODD_SHARE > len(items):
            return []
    if len(posts) < _MIN_STATE_POSTS or _fans(posts):
        return []
    return posts if _stream_times(posts, fetched) else []


def _fans(posts: list[dict[str, Any]]) -> bool:
    """Whether a plain list's posts are readers' (a fan feed, a social wall), by their
    authors: half or more a social account's (a `handle`, a `screenName`, a `profileImage`,
    an "@name"), or five posts or more nearly each by a name of its own, untitled, no name
    with a role, where a blog's few editors write one post after another (a newsroom's
    rotating desk titles its posts or names its writers' roles; a headshot's `avatarUrl` or a
    staff page's `profileUrl` is any author's)."""
    names: list[str] = []
    accounts = titled = staff = 0
    for post in posts:
        fields = _fields(post)
        titled += any(isinstance(fields.get(k), str) and fields[k].strip() for k in _TITLE_KEYS)
        author = next((fields[k] for k in _AUTHOR_KEYS if fields.get(k)), None)
        people = author if isinstance(author, list) else [author] if author else []
        for person in people[:1]:
            if isinstance(person, dict):
                keys = _fields(person).keys()
                accounts += bool(keys & _ACCOUNT_KEYS)
                staff += bool(keys & _STAFF_KEYS)
                name = person.get("name")
            else:
                name = person
            if isinstance(name, str) and name.strip():
                accounts += name.strip().startswith("@")
                names.append(name.strip().casefold())
    if accounts * 2 >= len(posts):
        return True
    if titled * 2 >= len(posts) or staff:
        return False
    return len(names) >= _FAN_POSTS and len(set(names)) * 4 > len(names) * 3


_ACCOUNT_KEYS = frozenset(
    {"handle", "screenname", "nickname", "profileimage", "profileimageurl", "profilepicture",
     "followers", "followerscount"}
)  # fmt: skip
_STAFF_KEYS = frozenset({"jobtitle", "role", "position", "title", "bio", "description"})
_FAN_POSTS = 5  # posts of a plain list at least, before their authors' names tell fans'


_ODD_SHARE = 4  # (one in this many items of a plain list may be of another kind)


def _stream_times(items: list[dict[str, Any]], fetched: float | None) -> bool:
    """Whether a plain list's times are a live stream's: instants since 1990 and before the
    fetch (a transcript's offsets from its start, 37 seconds, read as 1970; a concert's date
    is to come), most of them apart (an article's blocks share its time), and several on one
    day (a chronology's years, a shop's reviews or a changelog's entries come a day apart or
    more), or else a slow blog's (_daily)."""
    moments = [seconds(_state_time(item)) for item in items]
    latest = fetched + MAX_AHEAD if fetched is not None else None
    if any(m is None or m < EARLIEST or (latest is not None and m > latest) for m in moments):
        return False
    times = [_state_time(item) or "" for item in items]
    days = {when[:10] for when in times}
    if len(set(times)) * 2 <= len(times):
        return False
    if len(days) < len(times):
        return True
    return _daily(times, [m for m in moments if m is not None], fetched) and not _issues(items)


def _daily(times: list[str], moments: list[float], fetched: float | None) -> bool:
    """Whether times each on a day of its own are a slow live blog's (a post or so a day):
    the newest within two days of the fetch, none more than two days after the one before,
    and at clocks of the day mostly apart (a shop's reviews or a newsletter's issues, all at
    one clock, and a changelog's days apart are none)."""
    if fetched is None or fetched - max(moments) > _SLOW_GAP:
        return False
    ordered = sorted(moments)
    if any(later - earlier > _SLOW_GAP for earlier, later in pairwise(ordered)):
        return False
    return len({when[11:16] for when in times}) * 2 > len(times)


_SLOW_GAP = 2 * 86_400  # seconds: a slow blog's post or so a day, its newest recent


def _issues(items: list[dict[str, Any]]) -> bool:
    """Whether half or more of a daily list's items are titled by their own day of the month
    ("Your horoscope for June 6", "Notes, 6 June", "Briefing 6/6/2024"): a series' issues,
    where a slow blog's posts are titled by their news or a trial's day ("Day 9")."""
    named = 0
    for item in items:
        fields = _fields(item)
        title = next((fields[k] for k in _TITLE_KEYS if isinstance(fields.get(k), str)), "")
        day = (_state_time(item) or "")[8:10].lstrip("0")
        if day and re.search(rf"(?<!\d)0?{day}(?!\d)", title):
            named += 1
    return named * 2 >= len(items)


def _plain_post(item: dict[str, Any]) -> bool:
    """Whether an item of a plainly named list, with no field of a reader's comment, a card or
    a schedule's and no address of its own, reads as a live post: a time and a sentence."""
    if _state_time(item) is None:
        return False
    words = _state_words(item)
    return len(words) >= _POST_WORDS and _SENTENCE.search(words[:600]) is not None


def _cached_stream(cache: dict[str, Any], page_path: str) -> list[dict[str, Any]]:
    """The live posts of an Apollo cache: its objects of one type whose name says a live
    stream's posts ("LiveBlogPost", "LiveUpdate", "TickerEntry"), in the cache's order."""
    kinds: dict[str, list[dict[str, Any]]] = {}
    for key, entry in cache.items():
        if isinstance(entry, dict) and ":" in key:
            kind = entry.get("__typename")
            if isinstance(kind, str) and _TYPE_NAME.fullmatch(kind):
                kinds.setdefault(kind, []).append(entry)
    best: list[dict[str, Any]] = []
    for kind, entries in kinds.items():
        words = {w.lower() for w in _NAME_WORDS.findall(kind)}
        if not _LIVE_TYPE.search(kind) or _COMMENTS.search(kind) or words & _OTHER_WORDS:
            continue
        posts = _stream_of(entries, _BLOG_NAME.search(kind) is not None, page_path)
        if len(posts) > len(best) and len(_blogs_of(posts)) <= 1:
            best = posts
    return [_with_authors(post, cache) for post in best]


def _blogs_of(posts: list[dict[str, Any]]) -> set[str]:
    """The blogs cached posts refer to (`"liveBlog": {"__ref": "LiveBlog:2"}`): a hub's latest
    updates of several blogs refer to several, one blog's posts to one at most."""
    return {
        value["__ref"]
        for post in posts
        for value in post.values()
        if isinstance(value, dict)
        and isinstance(value.get("__ref"), str)
        and _BLOG_NAME.search(value["__ref"].split(":", 1)[0])
    }


def _with_authors(post: dict[str, Any], cache: dict[str, Any]) -> dict[str, Any]:
    """A cached post with its authors' objects where it refers to them (`{"__ref":
    "Author:1"}`), as the cache keeps each once."""
    found: dict[str, Any] = {}
    for key, value in post.items():
        if key.replace("_", "").lower() in _AUTHOR_KEYS:
            people = value if isinstance(value, list) else [value]
            found[key] = [_referred(person, cache) for person in people]
    return post | found if found else post


def _referred(value: Any, cache: dict[str, Any]) -> Any:
    ref = value.get("__ref") if isinstance(value, dict) else None
    return cache.get(ref, value) if isinstance(ref, str) else value


def _stream_name(holder: str, name: str) -> bool | None:
    """Whether a list is named as a stream's: None if not, else whether its name or its
    holder's says live blog."""
    if not _LIST_NAME.fullmatch(name):
        return None
    if not (_LIVE_NAME.search(name) or _LIVE_NAME.search(holder)):
        return None
    if _COMMENTS.search(holder) or _COMMENTS.search(name):
        return None  # ("livecomments", "liveComments": readers', not the blog's)
    holder_words = {w.lower() for w in _NAME_WORDS.findall(holder)}
    name_words = {w.lower() for w in _NAME_WORDS.findall(name)}
    if holder_words & _OTHER_WORDS or _BLOGS.search(holder):
        return None  # ("liveBlogs.items": a hub's list of blogs, not one blog's posts)
    blog = _BLOG_NAME.search(holder) is not None
    other = name_words & _OTHER_WORDS
    if other and not (blog and other == {"latest"}):  # (a live blog's own "latestUpdates"
        return None  # are its posts; its "relatedPosts", a page's "relatedLiveblogs", not)
    return blog or _BLOG_NAME.search(name) is not None


def _reads_as_post(item: dict[str, Any], blog: bool) -> bool:
    """Words of its own, and a time unless its list's name says live blog (DR's items give
    none), but no end: a schedule's slot (a TV guide's programme) has one, a post none."""
    if _fields(item).keys() & _END_KEYS:
        return False
    return (blog or _state_time(item) is not None) and len(_state_words(item)) >= _POST_WORDS


def _fields(item: dict[str, Any]) -> dict[str, Any]:
    """An item's fields by their names folded: "publishedDate", "published_date" and
    "publishedAt" are found as their kind's names, whatever their case."""
    return {key.replace("_", "").lower(): value for key, value in item.items()}


def _state_time(item: dict[str, Any], keys: tuple[str, ...] = _TIME_KEYS) -> str | None:
    fields = _fields(item)
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            found = machine_time(value if not isinstance(value, str) else value.strip())
            if found is not None:
                return found
    return None


def _state_body(item: dict[str, Any]) -> str:
    """An item's words as HTML: a string of markup or text, or the words of its blocks (rich
    text's too: Portable Text's spans, a Contentful document's text nodes)."""
    fields = _fields(item)
    for key in _BODY_KEYS:
        value = fields.get(key)
        if isinstance(value, dict):
            value = next(
                (value[k] for k in _BODY_KEYS if isinstance(value.get(k), str | list)), None
            )
        if isinstance(value, str) and value.strip():
            return value if "<" in value else f"<p>{escape_text(value)}</p>"
        if isinstance(value, list):
            shown = "".join(_shown_block(block) for block in value)
            if shown:
                return shown
    return ""


def _shown_block(block: Any) -> str:
    """A block of a body's list as HTML: its own markup (`"<p>…</p>"`), or its words'
    paragraphs."""
    if isinstance(block, str) and "<" in block:
        return block
    return "".join(f"<p>{escape_text(p)}</p>" for p in _paragraphs(block) if p)


def _paragraphs(block: Any, depth: int = 0) -> list[str]:
    """A block's words as paragraphs: its own string; a paragraph of text nodes (a span, a
    text node, a link's own text nodes among them), run together as the page shows them; else
    its blocks' (a list's items), each apart."""
    if isinstance(block, str):
        return [normalise_text(block)]
    if not isinstance(block, dict) or depth > _MAX_NODE_DEPTH:
        return []
    for key in _NODE_WORDS:
        if isinstance(block.get(key), str):
            return [_plain(block[key])]
    for key in _NODE_CHILDREN:
        children = block.get(key)
        if not isinstance(children, list):
            continue
        if any(_words_of(child) is not None for child in children):  # (a paragraph)
            return [normalise_text("".join(_inline(child, depth + 1) for child in children))]
        return [p for child in children for p in _paragraphs(child, depth + 1)]
    return []


def _words_of(node: Any) -> str | None:
    """A text node's own words, spaces kept (the next span runs on); None for another node."""
    if isinstance(node, dict):
        return next((node[k] for k in _NODE_WORDS if isinstance(node.get(k), str)), None)
    return None


def _inline(node: Any, depth: int) -> str:
    """The words of a paragraph's node: a span's own, or its text nodes' (a link's)."""
    words = _words_of(node)
    if words is not None or not isinstance(node, dict) or depth > _MAX_NODE_DEPTH:
        return words or ""
    children: list[Any] = next(
        (node[k] for k in _NODE_CHILDREN if isinstance(node.get(k), list)), []
    )
    return "".join(_inline(child, depth + 1) for child in children)


def _state_words(item: dict[str, Any]) -> str:
    body = _state_body(item)
    return _plain(body) if body else ""


def _item_id(item: dict[str, Any]) -> str | None:
    identity = next((item[k] for k in _ID_KEYS if isinstance(item.get(k), str | int)), None)
    return str(identity) if identity is not None and not isinstance(identity, bool) else None


def _state_post(item: dict[str, Any]) -> StructuredUpdate:
    fields = _fields(item)
    title = next((_plain(fields[k]) for k in _TITLE_KEYS if isinstance(fields.get(k), str)), None)
    return StructuredUpdate(
        source=SOURCE,
        source_id=_item_id(item),
        headline=title or None,
        published_at=_state_time(item),
        modified_at=_state_time(item, _EDIT_KEYS),
        authors=author_names(_state_authors(item)),
        article_body=_state_body(item),
        pinned=any(fields.get(key) is True for key in _PIN_KEYS),
    )


def _state_authors(item: dict[str, Any]) -> list[str]:
    fields = _fields(item)
    for key in _AUTHOR_KEYS:
        value = fields.get(key)
        people = value if isinstance(value, list) else [value]
        names = [
            _plain(p)
            if isinstance(p, str)
            else _plain(p.get("name"))
            if isinstance(p, dict)
            else ""
            for p in people
        ]
        if any(names):
            return [name for name in names if name]
    return []
