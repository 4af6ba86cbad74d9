"""What the web pages show of stored content: re-sanitised HTML, stored diffs, the updates chart.

Nothing from the archive reaches a page unescaped except HTML that went through `safe_html`
here, whatever the crawler's sanitiser did when it was written (defence in depth).
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import nh3
from markupsafe import Markup, escape

from archive.diff import TOO_LARGE, WORD, FieldDiff, compare, parse, read_field

# What a page may render of body_html: text markup and links, nothing that runs or loads.
RENDER_TAGS = frozenset(
    {"p", "br", "a", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "h2", "h3", "h4",
     "figure", "figcaption"}
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


def _image_link(match: re.Match[str], captions: str) -> str:
    """An <img> (already sanitised) as a link to the picture, so the page loads nothing."""
    attrs = {name: html.unescape(value) for name, value in _ATTR.findall(match.group(1))}
    src = attrs.get("src")
    if not src:
        return ""
    alt = attrs.get("alt", "").strip()
    # The alt text often repeats the figure's caption: then "Image" says enough.
    label = f"Image: {alt}" if alt and alt not in captions else "Image"
    return f'<a href="{escape(src)}">{escape(label)}</a>'


def safe_html(fragment: str | None) -> Markup:
    """Stored body_html made safe to render: an allow-list, images as links (no hotlinking)."""
    if not fragment:
        return Markup("")
    # Images become links: the archive keeps no image bytes, and an analyst's browser should
    # not fetch (and tell the publisher about) every picture of a page it reads offline.
    cleaned = _WITH_IMAGES.clean(fragment)
    captions = html.unescape(" ".join(_CAPTION.findall(cleaned)))
    once = _IMG.sub(lambda m: _image_link(m, captions), cleaned)
    return Markup(_FINAL.clean(once))  # noqa: S704 - nh3 allow-list output


def safe_href(url: str | None) -> str | None:
    """A URL fit for an href attribute: http(s) only, else None (no javascript:, data:...)."""
    if not url:
        return None
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else None


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
