"""The archive's record types: what extraction reads from a page, what one pass over a blog
brings, and what the archive made of it. Plain data: no Scrapy, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag

# How much of an update a source carries. The archive never lets a poorer
# reading of an update (JSON-LD text only) replace a richer one (the HTML
# entry with its markup and media) as a new version: see archive/store.py.
FIDELITY_STRUCTURED = 1
FIDELITY_HTML = 2

# Where an update's published_at came from, when it is not an instant the page states.
TIME_AGO = "ago"  # "2 hours ago": the fetch less how long ago, good to its unit
TIME_CLOCK = "clock"  # "12:20": a clock alone, put on the day the page's other times suggest
# A time an archive held before it kept where times came from (migration 15): any of them.
TIME_UNKNOWN = "unknown"

# Why a pass stopped short of a blog's oldest post (fetches.incomplete_reason).
PAGE_LIMIT = "page limit"
ENDPOINT_MISSING = "endpoint missing"
RENDER_NEEDED = "render needed"
OLDER_PAGE_FAILED = "older page failed"
REPEATED_PAGE = "repeated page"  # an older page showed the pages above again
OTHER_STORY_PAGE = "another story's page"  # an older page was another story's
INCOMPLETE_REASONS = (
    PAGE_LIMIT,
    ENDPOINT_MISSING,
    RENDER_NEEDED,
    OLDER_PAGE_FAILED,
    REPEATED_PAGE,
    OTHER_STORY_PAGE,
)

# Endpoint kinds (crawler/extract/endpoints/) whose pages list only what changed since a known
# post, such as the Guardian's lastUpdate delta: no evidence that a post they omit is gone.
PARTIAL_KINDS = frozenset({"guardian-delta"})

# The platform an embed (an update's media record of type embed or video) comes from, by the
# host of its address: what extraction stores as its `provider`, and what the archive's pages
# read from an address when a record names none.
EMBED_HOSTS: tuple[tuple[str, str], ...] = (
    ("twitter.com", "twitter"),
    ("x.com", "twitter"),
    ("youtube.com", "youtube"),
    ("youtu.be", "youtube"),
    ("youtube-nocookie.com", "youtube"),
    ("facebook.com", "facebook"),
    ("fb.watch", "facebook"),
    ("instagram.com", "instagram"),
    ("tiktok.com", "tiktok"),
    ("vimeo.com", "vimeo"),
    ("dailymotion.com", "dailymotion"),
    ("bsky.app", "bluesky"),
    ("threads.net", "threads"),
    ("threads.com", "threads"),
    ("truthsocial.com", "truthsocial"),
    ("soundcloud.com", "soundcloud"),
    ("spotify.com", "spotify"),
    ("reddit.com", "reddit"),
    ("t.me", "telegram"),
    ("linkedin.com", "linkedin"),
    ("dwcdn.net", "datawrapper"),  # (Datawrapper's charts)
    ("datawrapper.de", "datawrapper"),
    ("flourish.studio", "flourish"),
)


@dataclass
class Update:
    """One post of a live blog as one page showed it."""

    source_id: str | None = None
    headline: str | None = None
    body_text: str = ""
    body_html: str = ""
    published_at: str | None = None  # ISO 8601, UTC, "YYYY-MM-DDTHH:MM:SSZ"
    # How the page gave published_at: None, as an instant (markup, a date and a clock);
    # TIME_AGO, as how long ago, resolved against the fetch; TIME_CLOCK, a clock alone put on
    # a day. The last two are read again each pass and may move without any edit.
    published_from: str | None = None
    modified_at: str | None = None
    authors: list[str] = field(default_factory=list)
    # One shape per type, whatever the source (see media.MEDIA_KEYS): image {type, url,
    # caption, credit}; embed and video {type, url, provider, text}; quote {type, text,
    # attribution}. Absent values are None, never missing keys.
    media: list[dict[str, Any]] = field(default_factory=list)
    permalink: str | None = None
    pinned: bool = False
    # The publisher flags the update as a key event (the Guardian's keyEvent).
    key_event: bool = False
    # The page says the update was deleted (an AMP live-list tombstone): a removal the
    # publisher announced, not one inferred from absence.
    removed: bool = False
    fidelity: int = FIDELITY_HTML
    # Where the record came from, e.g. ["jsonld", "html"].
    sources: list[str] = field(default_factory=list)
    # The body is known to be cut (a 1,000-character JSON-LD body, a "Read more" stub).
    truncated: bool = False


@dataclass
class Page:
    """What one fetched page of a live blog holds."""

    url: str
    title: str | None = None
    publisher: str | None = None
    coverage_start: str | None = None
    coverage_end: str | None = None
    # Newest first, in the order the page shows them.
    updates: list[Update] = field(default_factory=list)
    # Absolute URLs of the page's older-updates links (rel=next, "Load more
    # updates", "Older posts"), best first; the spider keeps same-site ones.
    next_urls: list[str] = field(default_factory=list)
    # Whether the page gave evidence of being a live blog (crawler/extract/evidence.py): with
    # no updates, a page that did is broken or empty, one that did not is no live blog.
    live_blog: bool = False
    # The address of the story the page says it belongs to: its canonical link, else its
    # LiveBlogPosting's own url. The archive refuses the updates of a page that names
    # another story than the blog's (archive/store.py).
    canonical_url: str | None = None
    # How many updates the publisher says the blog has, where the page states a count.
    updates_expected: int | None = None


@dataclass
class PageFetch:
    """One HTTP response of a pass, as the fetch log records it."""

    url: str
    status: int
    size: int = 0  # bytes of the body received (the fetch log's `bytes` column)
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    body_sha256: str | None = None
    updates: int = 0  # updates extracted from this page (or last extracted, when skipped)
    next_url: str | None = None  # the older-updates link followed from this page
    # True when the body was byte-identical to this page's last one: not re-extracted.
    unchanged: bool = False
    snapshot: str | None = None  # "<warc file>#<offset>:<length>" of the kept response
    oldest_at: str | None = None  # the oldest (non-pinned) update time the page showed
    newest_at: str | None = None  # and the newest
    # A lone post the page's own order says is misdated (a typo'd year), or at its first or
    # last post the order of the pages beside it (evidence.misdated_ends): out of the stretch
    # oldest_at..newest_at, which it would widen, and kept out of the evidence on its own.
    outlier_at: str | None = None
    # How many pinned posts the page showed (None: not counted, an archive made before).
    pinned: int | None = None
    canonical_url: str | None = None  # the story the page named: Page.canonical_url
    # The title the page showed (Page.title): an older page whose title is the blog's is the
    # blog's wherever it stands (archive/evidence.py). None: not read, or a message older
    # than titles, which tells nothing.
    title: str | None = None
    # The endpoint kind whose reader read the page (crawler/extract/endpoints/); None: HTML.
    kind: str | None = None
    # Why an older page failed (an HTTP error, a timeout, a truncated or empty page): the
    # pass ends there, incomplete, and nothing is taken from the page.
    failed: str | None = None
    # The raw exchange, kept until the pipeline writes the snapshot; never stored in SQL.
    body: bytes | None = field(default=None, repr=False)
    headers: list[tuple[str, str]] = field(default_factory=list, repr=False)
    request_headers: list[tuple[str, str]] = field(default_factory=list, repr=False)
    fetched_at: str | None = None
    # The DOM a headless browser rendered from `body` (a rendered blog): what was extracted,
    # kept beside the raw response as a WARC conversion record; never stored in SQL.
    rendered: bytes | None = field(default=None, repr=False)
    # The page's WARC records (response, request, conversion or b""), already made by a
    # scale-out worker from `body` and `rendered`: the writer only appends them.
    warc: list[bytes] | None = field(default=None, repr=False)

    @property
    def skipped(self) -> bool:
        """Not extracted this pass (304, or the same bytes): its updates were not looked at."""
        return self.not_modified or self.unchanged

    @property
    def partial(self) -> bool:
        """Read from an endpoint that lists only what is new: it proves nothing removed."""
        return self.kind in PARTIAL_KINDS


@dataclass
class BlogPass:
    """One pass over one blog: every page fetched, every update read, or the error."""

    url: str  # the blog's URL as the user gave it (fragment removed)
    started_at: str  # ISO 8601 UTC
    finished_at: str
    pages: list[PageFetch] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    coverage_start: str | None = None
    coverage_end: str | None = None
    updates: list[Update] = field(default_factory=list)  # all pages, in page order
    # True when the pass followed older-updates links until there were none;
    # False when it stopped short of the oldest post (see incomplete_reason) or failed.
    complete: bool = False
    error: str | None = None
    # Why a pass that did not fail stopped short: one of INCOMPLETE_REASONS.
    incomplete_reason: str | None = None
    # How many posts the publisher says the blog has, where a page states a count.
    updates_expected: int | None = None
    # The scale-out's id for this pass (crawler/cluster/): the writer records it with the
    # pass, so a pass delivered twice is written once. None for a single-machine crawl.
    pass_id: str | None = None

    @property
    def http_status(self) -> int | None:
        return self.pages[0].status if self.pages else None


@dataclass
class PassResult:
    """What the archive did with a pass; the CLI prints it, stats count it."""

    url: str
    blog_id: int
    fetch_id: int
    pages: int
    seen: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    not_modified: int = 0  # pages answered 304 or with unchanged bytes: not re-read
    restored: int = 0  # updates marked removed earlier that this pass found again
    # Removals held back: the pass would have marked more than half the blog's standing
    # updates removed at once. It failed with `error`; the next pass may confirm them.
    quarantined: int = 0
    # Removals held back by a pass that read an old copy of the page (a cache's, that lacks
    # only the newest posts): the pass is fine, and the next pass may confirm them.
    held: int = 0
    error: str | None = None
    seconds: float = 0.0  # the pass's duration, from its first request to its last response
    # Why the pass stopped short of the blog's oldest post: one of INCOMPLETE_REASONS; and
    # what went wrong, where there is more to say (the older page that failed, and how).
    incomplete_reason: str | None = None
    incomplete_detail: str | None = None
    # The archive already held this pass (its pass_id): nothing was written again.
    duplicate: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None

    def summary(self) -> str:
        """One line for people: what the pass found, or why it failed."""
        if self.quarantined:
            return f"quarantined: {self.error}"
        if not self.ok:
            return f"failed: {self.error}"
        skipped = f" ({self.not_modified} not modified)" if self.not_modified else ""
        short = f"; incomplete: {self.incomplete_reason}" if self.incomplete_reason else ""
        if self.incomplete_reason and self.incomplete_detail:
            short += f" ({self.incomplete_detail})"
        back = f", {self.restored} back" if self.restored else ""
        back += f", {self.held} held (old copy)" if self.held else ""
        return (
            f"{self.pages} page{'s' if self.pages != 1 else ''}{skipped}, {self.new} new, "
            f"{self.changed} changed, {self.unchanged} unchanged, {self.removed} removed{back} "
            f"({self.seconds:.1f} s){short}"
        )


def blog_url(raw: str) -> str:
    """A blog's identity in the archive: the URL as given, trimmed, without its #fragment,
    its scheme and host in lower case (they ignore case, RFC 3986; its path and query do not).
    """
    url = urldefrag(raw.strip())[0]
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    end = next((i for i, c in enumerate(rest) if c in "/?"), len(rest))
    user, at, host = rest[:end].rpartition("@")
    return f"{scheme.lower()}://{user}{at}{host.lower()}{rest[end:]}"


@dataclass
class PageState:
    """What the archive knows of a page from its last successful pass: for conditional requests."""

    url: str
    etag: str | None
    last_modified: str | None
    body_sha256: str | None
    next_url: str | None
    updates: int
    snapshot: str | None
    oldest_at: str | None
    kind: str | None = None  # the endpoint kind the page was read as; None: an HTML page
    newest_at: str | None = None  # the newest update time it showed (oldest_at's pair)
    outlier_at: str | None = None  # a lone post out of the page's order (PageFetch's)
    pinned: int | None = None  # how many pinned posts it showed (PageFetch's)
