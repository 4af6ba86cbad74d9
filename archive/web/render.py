"""What the web pages show of stored content: re-sanitised HTML, media as links, stored diffs,
the updates chart.

Nothing from the archive reaches a page unescaped except HTML that went through `safe_html`
here, whatever the crawler's sanitiser did when it was written (defence in depth).
"""

from __future__ import annotations

import html
import itertools
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import nh3
from markupsafe import Markup, escape

from archive.diff import TOO_LARGE, WORD, FieldDiff, compare, parse, read_field
from archive.records import EMBED_HOSTS

# What a page may render of body_html: text markup and links, nothing that runs or loads.
RENDER_TAGS = frozenset(
    {"p", "br", "a", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "h2", "h3", "h4",
     "figure", "figcaption", "ins", "del"}
)  # fmt: skip
# Removed together with everything inside them, not unwrapped into text.
DROP_WITH_CONTENT = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
     "textarea", "select", "button", "title"}
)  # fmt: skip
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener noreferrer"

# First pass: images kept (src, alt) so they can become links; second pass: no images at all.
_WITH_IMAGES = nh3.Cleaner(
    tags=set(RENDER_TAGS | {"img"}),
    clean_content_tags=set(DROP_WITH_CONTENT),
    attributes={"a": {"href"}, "img": {"src", "alt"}},
    url_schemes=set(URL_SCHEMES),
    link_rel=LINK_REL,
    strip_comments=True,
    url_relative="deny",
)
_FINAL = nh3.Cleaner(
    tags=set(RENDER_TAGS),
    clean_content_tags=set(DROP_WITH_CONTENT),
    attributes={"a": {"href"}},
    url_schemes=set(URL_SCHEMES),
    link_rel=LINK_REL,
    strip_comments=True,
    url_relative="deny",
)
_IMG = re.compile(r"<img\b([^>]*)>")
_ATTR = re.compile(r'([a-z]+)="([^"]*)"')
_CAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)


def _image_link(
    match: re.Match[str], captions: str, by_url: dict[str, str], shown: set[str]
) -> str:
    """An <img> (already sanitised) as a link to the picture, so the page loads nothing; its
    credit (from the update's media) follows it."""
    attrs = {name: html.unescape(value) for name, value in _ATTR.findall(match.group(1))}
    src = attrs.get("src")
    if not src:
        return ""
    shown.add(src)
    alt = attrs.get("alt", "").strip()
    # The alt text often repeats the figure's caption: then "Image" says enough.
    label = f"Image: {alt}" if alt and alt not in captions else "Image"
    credit = by_url.get(src)
    after = f" (Credit: {escape(credit)})" if credit else ""
    return f'<a href="{escape(src)}">{escape(label)}</a>{after}'


def _clean(fragment: str, by_url: dict[str, str], shown: set[str]) -> str:
    """The two sanitising passes; the image URLs turned into links are added to `shown`."""
    # Images become links: the archive keeps no image bytes, and an analyst's browser should
    # not fetch (and tell the publisher about) every picture of a page it reads offline.
    cleaned = _WITH_IMAGES.clean(fragment)
    captions = html.unescape(" ".join(_CAPTION.findall(cleaned)))
    once = _IMG.sub(lambda m: _image_link(m, captions, by_url, shown), cleaned)
    return str(_FINAL.clean(once))


def safe_html(fragment: str | None) -> Markup:
    """Stored body_html made safe to render: an allow-list, images as links (no hotlinking)."""
    if not fragment:
        return Markup("")
    return Markup(_clean(fragment, {}, set()))  # noqa: S704 - nh3 allow-list output


def safe_href(url: str | None) -> str | None:
    """A URL fit for an href attribute: http(s) only, else None (no javascript:, data:...)."""
    if not url:
        return None
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else None


# Media ------------------------------------------------------------------------------------
# An update's `media` column (archive/records.py: image {url, caption, credit}, embed and
# video {url, provider, text}, quote {text, attribution}) shown as links and text: a page
# never loads a publisher's image, player or script.

# What a reader calls one embed of each provider (as extraction names providers).
EMBED_NAMES = {
    "twitter": "Tweet",
    "youtube": "YouTube video",
    "instagram": "Instagram post",
    "facebook": "Facebook post",
    "tiktok": "TikTok video",
    "vimeo": "Vimeo video",
    "dailymotion": "Dailymotion video",
    "bluesky": "Bluesky post",
    "threads": "Threads post",
    "truthsocial": "Truth Social post",
    "soundcloud": "SoundCloud audio",
    "spotify": "Spotify audio",
    "reddit": "Reddit post",
    "telegram": "Telegram post",
    "linkedin": "LinkedIn post",
    "mastodon": "Mastodon post",
}
# Where a provider's addresses name the account that posted (twitter.com/i/status/… names none).
_AUTHOR_PATHS = {
    "twitter": re.compile(r"^/(?!i/)([A-Za-z0-9_]{1,15})/status(?:es)?/"),
    "instagram": re.compile(r"^/(?!p/|reel/|tv/)([A-Za-z0-9_.]{1,30})/(?:p|reel|tv)/"),
    "tiktok": re.compile(r"^/@([A-Za-z0-9_.]{1,30})/"),
    "threads": re.compile(r"^/@([A-Za-z0-9_.]{1,30})/"),
    "truthsocial": re.compile(r"^/@([A-Za-z0-9_]{1,30})/"),
    "mastodon": re.compile(r"^/@([A-Za-z0-9_]{1,30})/"),
    "bluesky": re.compile(r"^/profile/([A-Za-z0-9_.:-]{1,100})/post/"),
}
_LINK = '<a href="{}" rel="' + LINK_REL + '">{}</a>'


def media_items(media: str | list[Any] | None) -> list[dict[str, Any]]:
    """The media JSON (or its parsed list) as its items; anything unreadable is no media."""
    if isinstance(media, str):
        try:
            media = json.loads(media)
        except ValueError:
            return []
    if not isinstance(media, list):
        return []
    return [item for item in media if isinstance(item, dict)]


def _text(item: dict[str, Any], key: str) -> str:
    """One field of an item as text to show ("" when absent or not text)."""
    value = item.get(key)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _provider(item: dict[str, Any], host: str) -> str:
    """The platform an embed is from: as stored, else from its type or its host."""
    provider = _text(item, "provider").lower()
    if provider:
        return provider
    kind = _text(item, "type").lower()
    if kind in ("tweet", "twitter"):
        return "twitter"
    for domain, name in EMBED_HOSTS:  # a host says which, as extraction would have said
        if host == domain or host.endswith("." + domain):
            return name
    return kind if kind in EMBED_NAMES else ""


def embed_label(item: dict[str, Any]) -> str:
    """What an embed is, as a reader says it: "Tweet by @user", "YouTube video"."""
    url = _text(item, "url")
    parts = urlsplit(url) if url else None
    host = (parts.hostname or "") if parts else ""
    provider = _provider(item, host)
    kind = _text(item, "type").lower() or "embed"
    name = EMBED_NAMES.get(provider)
    if name is None:
        what = "content" if kind in ("embed", "") else kind
        source = provider or host.removeprefix("www.")
        name = f"Embedded {what}" + (f" from {source}" if source else "")
    author = _text(item, "author")
    if not author and parts and provider in _AUTHOR_PATHS:
        found = _AUTHOR_PATHS[provider].match(parts.path)
        author = f"@{found.group(1)}" if found else ""
    return f"{name} by {author}" if author else name


def _link(url: str, label: str) -> str:
    """A link to a web address, or the label alone when the address is not one (javascript:)."""
    href = safe_href(url)
    return _LINK.format(escape(href), escape(label)) if href else str(escape(label))


def _paragraphs(text: str) -> str:
    """Text with blank lines between its paragraphs as <p> elements, escaped."""
    paras = [" ".join(p.split()) for p in text.split("\n\n")]
    return "".join(f"<p>{escape(p)}</p>" for p in paras if p)


def _attribution(name: str) -> str:
    return f'<p class="lb-attribution">– {escape(name)}</p>'


def _image_item(item: dict[str, Any]) -> str:
    caption, credit = _text(item, "caption"), _text(item, "credit")
    out = _link(_text(item, "url"), f"Image: {caption}" if caption else "Image")
    return out + (f' <span class="lb-credit">(Credit: {escape(credit)})</span>' if credit else "")


def _quote_item(item: dict[str, Any]) -> str:
    raw = item.get("text")
    body = _paragraphs(raw) if isinstance(raw, str) else ""
    who = _text(item, "attribution")
    return "<blockquote>" + body + (_attribution(who) if who else "") + "</blockquote>"


def _embed_item(item: dict[str, Any]) -> str:
    out = _link(_text(item, "url"), embed_label(item))
    raw = item.get("text")
    words = _paragraphs(raw) if isinstance(raw, str) else ""
    return out + (f"<blockquote>{words}</blockquote>" if words else "")


def _item_html(item: dict[str, Any]) -> str:
    """One media item as escaped HTML: nothing in it loads anything."""
    kind = _text(item, "type").lower()
    if kind == "image":
        return _image_item(item)
    if kind == "quote":
        return _quote_item(item)
    return _embed_item(item)


def media_html(media: str | list[Any] | None) -> Markup:
    """An update's media (the `media` column's JSON, or its list) as safe HTML: a list of links.

    Embeds are links named by kind and author ("Tweet by @user", "YouTube video", "Instagram
    post", else "Embedded video from …"), images links with their caption and credit, quotes
    blockquotes with their attribution. No <img>, no <iframe>, only http(s) links: nothing is
    fetched from publishers. Empty when there is no media.
    """
    items = [_item_html(item) for item in media_items(media)]
    if not items:
        return Markup("")
    return Markup(  # noqa: S704 - every piece is escaped in _item_html
        '<ul class="lb-media">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    )


_BLOCKQUOTE = re.compile(r"<blockquote>(.*?)</blockquote>", re.S)
_TAG = re.compile(r"<[^>]*>")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _attribute_quotes(body: str, quotes: dict[int, dict[str, Any]]) -> tuple[str, set[int]]:
    """The body's blockquotes with their quote item's attribution; the items they show."""
    shown: set[int] = set()

    def attribute(match: re.Match[str]) -> str:
        said = _flat(html.unescape(_TAG.sub(" ", match.group(1))))
        for index, item in quotes.items():
            words = _flat(item["text"] if isinstance(item.get("text"), str) else "")
            if index in shown or not words or words[:80] not in said:
                continue
            shown.add(index)
            who = _text(item, "attribution")
            if who:
                return f"<blockquote>{match.group(1)}{_attribution(who)}</blockquote>"
            break
        return match.group(0)

    return _BLOCKQUOTE.sub(attribute, body), shown


def update_html(body_html: str | None, media: str | list[Any] | None) -> Markup:
    """An update's body made safe (safe_html) with every media item shown once.

    Images and quotes the body holds stay in place, with their credit and attribution; the
    media the body does not show (embeds, above all) follow it as media_html's links.
    """
    items = media_items(media)
    by_url = {
        _text(i, "url"): _text(i, "credit")
        for i in items
        if _text(i, "type") == "image" and _text(i, "credit")
    }
    shown_images: set[str] = set()
    body = _clean(body_html, by_url, shown_images) if body_html else ""
    quotes = {n: item for n, item in enumerate(items) if _text(item, "type") == "quote"}
    body, shown_quotes = _attribute_quotes(body, quotes)
    rest = [
        item
        for n, item in enumerate(items)
        if n not in shown_quotes
        and not (_text(item, "type") == "image" and _text(item, "url") in shown_images)
    ]
    return Markup(body) + media_html(rest)  # noqa: S704 - nh3 output, escaped additions


def render_ops(text: str | None, found: FieldDiff) -> Markup:
    """Escaped `text` with what a diff says was removed in <del> and added in <ins>."""
    text = text or ""
    if found.by == TOO_LARGE:
        return escape(text)
    out: list[str] = []
    at = 0
    for kind, value in found.ops:
        if kind == "-":
            out.append(f"<del>{escape(value)}</del>")
            continue
        piece = escape(text[at : at + value])
        at += value
        out.append(str(piece) if kind == "=" else f"<ins>{piece}</ins>")
    return Markup("".join(out))  # noqa: S704 - every piece above is escaped


def word_diff(before: str | None, after: str | None) -> Markup:
    """Escaped text of `after` with words removed since `before` in <del> and added in <ins>."""
    found = compare(before, after)
    if found is None:
        return escape(after or "")
    return render_ops(after, found)


def _field(
    stored: dict[str, Any] | None, name: str, before: str | None, after: str | None
) -> FieldDiff:
    """One field's diff as stored with the version, else computed (within its budget)."""
    if stored is not None:
        found = read_field(stored, name, after)
        if found is not None:
            return found
    return compare(before, after) or FieldDiff(WORD, [["=", len(after)]] if after else [])


@dataclass(frozen=True)
class Change:
    """How one version differs from the one before it, ready for a template."""

    version: int
    seen_at: str
    headline_changed: bool
    body_changed: bool
    markup_changed: bool
    modified_changed: bool
    media_changed: bool
    modified_before: str | None
    modified_after: str | None
    headline_diff: Markup
    body_diff: Markup
    body_by: str = WORD  # how the body was compared: WORD, PARAGRAPH or TOO_LARGE

    @property
    def fields(self) -> list[str]:
        """The names of what changed, as the page lists them."""
        names = [
            ("headline", self.headline_changed),
            ("body", self.body_changed),
            ("modified time", self.modified_changed),
            ("media", self.media_changed),
            ("markup only", self.markup_changed and not self.body_changed),
        ]
        return [name for name, changed in names if changed]


def changes(versions: list[dict[str, Any]]) -> list[Change]:
    """Each version after the first compared with its predecessor (versions sorted by number).

    The diffs stored with the versions are used; one missing (an archive a read-only server
    could not migrate) is computed, within the diff budget.
    """
    out: list[Change] = []
    for prev, cur in itertools.pairwise(versions):
        stored = parse(cur.get("diff"))
        headline, body = _str(cur["headline"]), _str(cur["body_text"])
        headline_diff = _field(stored, "headline", _str(prev["headline"]), headline)
        body_diff = _field(stored, "body", _str(prev["body_text"]), body)
        out.append(
            Change(
                version=int(str(cur["version"])),
                seen_at=str(cur["seen_at"] or ""),
                headline_changed=prev["headline"] != cur["headline"],
                body_changed=prev["body_text"] != cur["body_text"],
                markup_changed=prev["body_html"] != cur["body_html"],
                modified_changed=prev["modified_at"] != cur["modified_at"],
                media_changed=prev.get("media") != cur.get("media"),
                modified_before=_str(prev["modified_at"]),
                modified_after=_str(cur["modified_at"]),
                headline_diff=render_ops(headline, headline_diff),
                body_diff=render_ops(body, body_diff),
                body_by=body_diff.by,
            )
        )
    return out


def _str(value: object) -> str | None:
    """None stays None: a missing headline is not the headline "None"."""
    return None if value is None else str(value)


# Bar widths the chart may use, in seconds: the smallest that keeps it under MAX_BARS bars.
BUCKETS = [60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800]
MAX_BARS = 72


def bucket_seconds(first: datetime, last: datetime) -> int:
    """The bar width for a span of coverage: minutes for an afternoon, days for a month."""
    span = max((last - first).total_seconds(), 1.0)
    for size in BUCKETS:
        if span / size <= MAX_BARS:
            return size
    return int(-(-span // MAX_BARS))


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    y: float
    height: float
    removed_y: float
    removed_height: float
    label: str


@dataclass(frozen=True)
class Chart:
    """An SVG bar chart of updates over time, drawn on the server (no script, no CDN)."""

    width: int
    height: int
    bars: list[Bar]
    peak: int
    start_label: str
    end_label: str
    bucket_label: str
    total: int


def _bucket_label(seconds: int) -> str:
    """A bar width in words, for the caption: "5 minutes", "hour", "day"."""
    if seconds % 86400 == 0:
        days = seconds // 86400
        return "day" if days == 1 else f"{days} days"
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return "hour" if hours == 1 else f"{hours} hours"
    if seconds % 60 == 0:
        return f"{seconds // 60} minutes" if seconds != 60 else "minute"
    return f"{seconds} s"


def _clock(moment: datetime, bucket: int) -> str:
    """A bar's start, to the precision its width makes meaningful."""
    return moment.strftime("%Y-%m-%d" if bucket >= 86400 else "%Y-%m-%d %H:%M") + " UTC"


def chart(counts: dict[int, tuple[int, int]], bucket: int, width: int = 720) -> Chart | None:
    """Bars from {bucket index: (updates, removed)}, bucket index = unix time // bucket."""
    if not counts:
        return None
    height, top, bottom = 140, 12, 24
    first, last = min(counts), max(counts)
    slots = last - first + 1
    slot_width = width / slots
    peak = max(total for total, _ in counts.values())
    scale = (height - top - bottom) / peak
    bars = []
    for index, (total, removed) in sorted(counts.items()):
        h = total * scale
        rh = removed * scale
        start = datetime.fromtimestamp(index * bucket, UTC)
        label = f"{_clock(start, bucket)}: {total} update{'s' if total != 1 else ''}"
        if removed:
            label += f" ({removed} removed)"
        bars.append(
            Bar(
                x=round((index - first) * slot_width, 2),
                width=round(max(slot_width - 1, 1), 2),
                y=round(height - bottom - h, 2),
                height=round(h, 2),
                removed_y=round(height - bottom - rh, 2),
                removed_height=round(rh, 2),
                label=label,
            )
        )
    begin = datetime.fromtimestamp(first * bucket, UTC)
    end = datetime.fromtimestamp(last * bucket, UTC) + timedelta(seconds=bucket)
    return Chart(
        width=width,
        height=height,
        bars=bars,
        peak=peak,
        start_label=_clock(begin, bucket),
        end_label=_clock(end, bucket),
        bucket_label=_bucket_label(bucket),
        total=sum(total for total, _ in counts.values()),
    )
