"""An update as schema.org data describes it; its body is read only if no HTML entry has one."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from archive.records import FIDELITY_STRUCTURED, Update
from crawler.extract.clean import (
    escape_text,
    finish_html,
    is_boilerplate,
    normalise_text,
    strip_controls,
    strip_placeholders,
)
from crawler.extract.clock import leading_clock
from crawler.extract.entries import prepare, render_body
from crawler.extract.html import parse_fragment

# The length at which publishers cut articleBody (the Guardian's JSON-LD: 1,000 characters).
CUT_LENGTH = 1000
_MARKUP = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9-]*|/[a-zA-Z])[^>]*>")
# The Reach CMS appends "Read more: <b><a>…</a></b>" to articleBody: a teaser, not content.
_INLINE_TEASER = re.compile(
    r"(?:<(?:b|strong)>\s*)?(?:read more|read next|related)\s*:\s*(?:<(?:b|strong)>\s*)?"
    r"<a\b[^>]*>.*?</a>(?:\s*</(?:b|strong)>){0,2}",
    re.I | re.S,
)


@dataclass
class StructuredUpdate:
    """One liveBlogUpdate from JSON-LD or microdata, its strings normalised except the body."""

    source: str  # "jsonld" or "microdata"
    source_id: str | None = None
    permalink: str | None = None
    headline: str | None = None
    published_at: str | None = None
    modified_at: str | None = None
    authors: list[str] = field(default_factory=list)
    # Authors that are organisations (the publisher, "BBC News"): a post's author only where
    # no person is named, in the markup or here.
    organisations: list[str] = field(default_factory=list)
    article_body: str = ""  # raw: entities and, sometimes, markup left in
    sources: list[str] = field(default_factory=list)
    pinned: bool = False  # a copy of it stands pinned above the stream (`block-<id>-pinned`)
    media: list[dict[str, Any]] = field(default_factory=list)  # its `image` and `video`

    def __post_init__(self) -> None:
        if not self.sources:
            self.sources = [self.source]

    def absorb(self, other: StructuredUpdate) -> None:
        """Fill what this record lacks from another reading of the same update."""
        self.source_id = self.source_id or other.source_id
        self.permalink = self.permalink or other.permalink
        self.headline = self.headline or other.headline
        self.published_at = self.published_at or other.published_at
        self.modified_at = self.modified_at or other.modified_at
        self.authors += [a for a in other.authors if a not in self.authors]
        self.organisations += [a for a in other.organisations if a not in self.organisations]
        if len(other.article_body) > len(self.article_body):
            self.article_body = other.article_body
        self.sources += [s for s in other.sources if s not in self.sources]
        self.pinned = self.pinned or other.pinned
        self.media += [m for m in other.media if m not in self.media]

    @property
    def titled_only(self) -> bool:
        """A headline and no words: a post the page may show as its bold first line."""
        return bool(self.headline) and not self.article_body.strip()

    def headline_cut(self, body: str) -> bool:
        """Whether the headline is only the start of the words, cut (see cuts): of the body
        as read, or of articleBody's words, a picture's caption among them."""
        if not self.headline or cuts(self.headline, body):
            return bool(self.headline)
        opening = self.article_body[:_OPENING]  # (a headline's length and a caption's)
        return cuts(self.headline, normalise_text(_MARKUP.sub(" ", html.unescape(opening))))

    @property
    def cut(self) -> bool:
        """Whether articleBody is known to be cut: the Guardian's stops at 1,000 characters."""
        return len(self.article_body) == CUT_LENGTH

    def body(self, base_url: str) -> tuple[str, str, list[dict[str, Any]]]:
        """(body_text, body_html, media) from articleBody, without the headline or teasers."""
        return article_body(self.article_body, base_url, self.headline)

    def to_update(self, base_url: str) -> Update:
        """The update as structured data alone shows it. A headline cut short ("…") over no
        words is the words' start, cut: Automattic's Liveblog 1.9 gives every entry its first
        ten words as its headline and an empty articleBody."""
        text, markup, found = self.body(base_url)
        shown = {m.get("url") for m in found}
        found += [dict(m) for m in self.media if m.get("url") not in shown]
        headline = None if self.headline_cut(text) else self.headline
        cut = self.cut
        if headline and not text and not found and headline.endswith(("…", "...")):
            text, markup, headline, cut = headline, f"<p>{html.escape(headline)}</p>", None, True
        return Update(
            source_id=self.source_id,
            headline=headline,
            body_text=text,
            body_html=markup,
            published_at=self.published_at,
            modified_at=self.modified_at,
            authors=list(self.authors or self.organisations),
            media=found,
            permalink=self.permalink,
            pinned=self.pinned,
            fidelity=FIDELITY_STRUCTURED,
            sources=list(self.sources),
            truncated=cut,
        )


def article_body(
    raw: str, base_url: str, headline: str | None = None
) -> tuple[str, str, list[dict[str, Any]]]:
    """articleBody as text, sanitised HTML and media; markup inside it is parsed, not shown."""
    if not raw or not raw.strip():
        return "", "", []
    raw = strip_controls(raw)  # a lone surrogate from JSON would cut the parse short
    if "&lt;" in raw and "<" not in raw:  # markup escaped once more by the CMS
        unescaped = html.unescape(raw)
        if _MARKUP.search(unescaped):
            raw = unescaped
    if "<" in raw and _MARKUP.search(raw):
        if _may_hold_teaser(raw):
            raw = _INLINE_TEASER.sub("", raw)
        fragment = parse_fragment(raw)
        if fragment is not None:
            text, markup, found = render_body(prepare(fragment), base_url, headline=headline)
            return _without_headline(text, headline), markup, found
    paragraphs = []
    for part in raw.splitlines():
        text = strip_placeholders(normalise_text(part))
        if text and not is_boilerplate(text):
            paragraphs.append(text)
    text = _without_headline("\n\n".join(paragraphs), headline)
    markup = "".join(f"<p>{escape_text(p)}</p>" for p in text.split("\n\n") if p)
    return text, finish_html(markup, base_url, own=True), []


def clockless_headline(headline: str | None, published: str | None, body: str) -> str | None:
    """A headline without the clock a CMS put before it ("19:02(IST) TOSS: …"), when that
    clock is the update's own publication time as the data writes it; none when what is left
    is only the start of the body, which that CMS copies as the headline."""
    if not headline or not published:
        return headline
    stamp = _ISO_CLOCK.search(published)
    lead = leading_clock(headline)
    if stamp is None or lead is None:
        return headline
    hour, minute, end = lead
    if (f"{hour:02d}", f"{minute:02d}") != stamp.groups():
        return headline
    rest = headline[end:].lstrip(_AFTER_CLOCK).strip()
    if not rest:
        return None
    start = _folded(_MARKUP.sub(" ", html.unescape(body)))
    return None if start.startswith(_folded(rest)) else rest


_OPENING = 2000  # characters of articleBody in which a cut headline's words are looked for
# The wall clock in an ISO 8601 time, as written: "2020-10-02T19:02:32+05:30" → 19, 02.
_ISO_CLOCK = re.compile(r"T(\d\d):(\d\d)")
# What separates a headline's opening clock from its words: "19:02 – …", "12.31 Uhr: …".
_AFTER_CLOCK = " \t\n:|–—-"


def _may_hold_teaser(raw: str) -> bool:
    """Whether _INLINE_TEASER could match: its words are looked for first, as plain text."""
    lowered = raw.lower()
    return "read more" in lowered or "read next" in lowered or "related" in lowered


def _without_headline(text: str, headline: str | None) -> str:
    """Some publishers start articleBody with the headline; the body should not repeat it.
    A headline that is only the body's start, cut, leaves the body whole (see cuts)."""
    if headline and text.startswith(headline) and len(text) > len(headline):
        if cuts(headline, text):
            return text
        return text[len(headline) :].lstrip(" \n:.-–—")
    return text


def cuts(headline: str | None, body: str) -> bool:
    """Whether a headline is only the start of the body, cut where a required headline's
    length runs out ("…as he takes que"): the body goes on mid-word or mid-sentence after it
    (a small letter or a figure: "Apple unveils iPhone" of "Apple unveils iPhone 16 …"), or
    after what it leaves off at an ellipsis. A headline the body repeats as its first line
    ("Headline\n\nThe mayor …", "Headline. The mayor …") is the post's own."""
    if not headline or not body:
        return False
    start = headline.rstrip("…").removesuffix("...").rstrip()
    if start != headline:  # it says it leaves off: its words open the body's, whatever spaces
        words, opening = start.split(), body.split(maxsplit=len(start.split()))
        return (
            len(opening) > len(words) > 0
            and opening[: len(words) - 1] == words[:-1]
            and opening[len(words) - 1].startswith(words[-1])
        )
    if len(body) <= len(start) or not body.startswith(start):
        return False
    after, then = body[len(start)], body[len(start) + 1 : len(start) + 2]
    return after.isalnum() or (after == " " and (then.islower() or then.isdigit()))


# A value counts as lent when at least this share of the updates repeat the page's own.
NEARLY_ALL = 0.8


def drop_lent(
    updates: list[StructuredUpdate],
    headline: str | None,
    times: Iterable[str | None],
    images: Iterable[str] = (),
) -> None:
    """Values (nearly) every update repeats from the page itself are the page's, not theirs,
    and the page's own headline and picture are never an update's.

    The Guardian gives each liveBlogUpdate the page's headline and dates, Reach and the
    Guardian its picture, and Quintype the whole story's words: taken at their word, ten
    blocks would share one headline, one time, one picture and one body. An update whose own value differs keeps it. Authors stay: a blog's
    byline on each update (the Mirror's) is still a byline the publisher gave it.
    """
    _drop_lent_pictures(updates, set(images))
    if len(updates) < 2:
        return
    _drop_lent_body(updates)
    if headline:  # (the Guardian's older pages lend it to their untitled blocks alone)
        own = _folded(headline)
        for update in updates:  # (most headlines differ in their first letters: a look)
            title = update.headline
            if title and title[:1].casefold() == own[:1] and _folded(title) == own:
                update.headline = None
    own_times = {t for t in times if t}
    if own_times:
        _drop_if_lent(updates, "published_at", own_times, str)
        _drop_if_lent(updates, "modified_at", own_times, str)


def _drop_lent_body(updates: list[StructuredUpdate]) -> None:
    """A body (nearly) every update of three or more repeats is the story's, not theirs:
    Quintype's live pages give each liveBlogUpdate the whole story's words
    (quintype/quintype-node-seo `structured-data-tags.js`)."""
    if len(updates) < _LENT_BODY_UPDATES:
        return
    bodies = Counter(body for u in updates if (body := u.article_body.strip()))
    if not bodies:
        return
    lent, count = bodies.most_common(1)[0]
    if count >= NEARLY_ALL * len(updates):
        for update in updates:
            if update.article_body.strip() == lent:
                update.article_body = ""


_LENT_BODY_UPDATES = 3


def _drop_lent_pictures(updates: list[StructuredUpdate], own: set[str]) -> None:
    """The page's own picture, and one (nearly) every update of two or more names, off every
    update."""
    named = Counter(url for update in updates for url in {m.get("url") for m in update.media})
    lent = own | {
        url for url, n in named.items() if len(updates) > 1 and n >= NEARLY_ALL * len(updates)
    }
    if lent:
        for update in updates:
            update.media = [m for m in update.media if m.get("url") not in lent]


def _drop_if_lent(
    updates: list[StructuredUpdate],
    name: str,
    own: set[str],
    key: Callable[[str], str],
) -> None:
    counts = Counter(k for u in updates if (value := getattr(u, name)) and (k := key(value)) in own)
    if not counts:
        return
    lent, count = counts.most_common(1)[0]
    if count < max(2.0, NEARLY_ALL * len(updates)):
        return
    for update in updates:
        value = getattr(update, name)
        if value and key(value) == lent:
            setattr(update, name, None)


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())
