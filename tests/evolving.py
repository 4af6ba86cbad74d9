"""An evolving live blog served on 127.0.0.1, and the truth of what it showed the crawler.

`EvolvingBlog` plays the sample blog's ITV markup (`crawler.sample.render_page`) while the
test edits it between passes: updates added on top (pushing older ones to later pages; or,
paginated oldest first, onto the last page), edited, deleted, pinned to the top (oldest
first: flagged where they stand), pagination dropped, and faults armed for the next
request(s) of a page: a 503, a consent wall, a truncated document, an empty page. It
answers If-None-Match with 304 and logs every request.

`Truth` is what a perfect archive would hold, derived from what the server actually sent:
after each pass the test tells the blog whether the pass succeeded, and the contents of every
page served whole during a successful pass become versions the archive must have. Deletions
of updates standing inside the window the next pass reads are the removals it must record.
`assert_archive_matches` checks a database against it.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

from crawler.sample.site import LocalServer, Para, SampleUpdate, ServedBlog, render_page, send

FaultKind = Literal["503", "consent", "truncated", "empty"]

TITLE = "Storm Ciarán: Live updates"
PATH = "/news/2023-11-02/storm-ciaran-live-updates"

CONSENT_WALL = b"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>ITV News</title></head><body>
<div class="consent"><h1>We value your privacy</h1>
<p>We and our partners store and access information on your device to show you news.</p>
<form method="post" action="/consent"><button name="accept" value="1">Accept all</button>
<button name="accept" value="0">Reject all</button></form></div>
</body></html>
"""

_NEXT_LINK = re.compile(r'\n<link rel="next" href="[^"]*">')
_LOAD_MORE = re.compile(r'\n<a class="live-blog__load-more"[^>]*>Load more updates</a>')


def content_key(update: SampleUpdate) -> str:
    """What makes a version: headline, body blocks, modified and publish times (not pinning,
    not place): a post the publisher re-dated is a version too."""
    return repr((update.headline, update.blocks, update.modified, update.published))


def make_update(n: int, *, paras: int = 2, words: int = 30) -> SampleUpdate:
    """Update number n: ids and publish times grow with n (a minute apart), text is distinct."""
    minute = n % 60
    hour = 6 + n // 60
    day = 2 + hour // 24
    when = f"2023-11-{day:02d}T{hour % 24:02d}:{minute:02d}:00+00:00"
    text = " ".join(f"word{(n * 7 + i) % 97}" for i in range(words))
    return SampleUpdate(
        id=f"u{n:04d}",
        headline=f"Update {n}: the storm reaches point {n}",
        published=when,
        blocks=[Para(f"Paragraph {p} of update {n}. {text}.") for p in range(1, paras + 1)],
        author="ITV News",
    )


@dataclass(frozen=True)
class Fault:
    """A fault armed for the next `times` requests of page `page`."""

    kind: FaultKind
    page: int = 1
    times: int = 1


@dataclass
class Served:
    """One request the blog answered: what it sent, and for a whole page which updates."""

    page: int
    status: int
    kind: str  # "page", "304", "404", or a fault kind
    if_none_match: str | None
    shown: list[SampleUpdate] = field(default_factory=list)


@dataclass
class Truth:
    """What the archive must hold: per update, every distinct content a successful pass read."""

    contents: dict[str, list[SampleUpdate]] = field(default_factory=dict)
    published: dict[str, str] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)  # removals the archive must have recorded
    pending_deleted: set[str] = field(default_factory=set)  # awaiting a successful pass
    passes: int = 0
    failed: int = 0

    def observe(self, served: list[Served], ok: bool | None) -> None:
        """Fold one pass in: what it was served counts only if the pass succeeded.

        None: the pass left no trace at all (killed before it committed).
        """
        if ok is None:
            return
        self.passes += 1
        if not ok:
            self.failed += 1
            return
        for answer in served:
            if answer.kind != "page":
                continue
            for update in answer.shown:
                seen = self.contents.setdefault(update.id, [])
                if all(content_key(s) != content_key(update) for s in seen):
                    seen.append(update)
                self.published[update.id] = update.published
        self.deleted |= self.pending_deleted
        self.pending_deleted = set()


class EvolvingBlog(ServedBlog):
    """A live blog the test changes between passes, with faults, validators and a request log."""

    def __init__(
        self,
        updates: list[SampleUpdate],
        *,
        page_size: int = 3,
        title: str = TITLE,
        path: str = PATH,
        delay: float = 0.0,
        oldest_first: bool = False,
    ) -> None:
        self.chronological = list(updates)  # newest first
        self.oldest_first = oldest_first  # page 1 holds the oldest updates
        self.page_size = page_size
        self.title = title
        self.path = path
        self.delay = delay  # seconds before answering each page request
        self.pinned: list[str] = []
        self.paginate = True
        self.validators = True  # send ETags and answer If-None-Match with 304
        self.faults: list[Fault] = []
        self.served: list[Served] = []
        self.begun = 0  # page requests the blog has begun to answer (before any delay)
        self.truth = Truth()
        self._observed = 0
        self._lock = threading.Lock()
        self._server = LocalServer(_handler_for(self))

    # --- what the blog shows ------------------------------------------------------------

    def display(self) -> list[SampleUpdate]:
        """Every update in page order: the pinned ones on top, then newest first; or oldest
        first, the pinned ones flagged where they stand."""
        with self._lock:
            return self._display()

    def _display(self) -> list[SampleUpdate]:
        if self.oldest_first:
            return self.chronological[::-1]
        by_id = {u.id: u for u in self.chronological}
        top = [by_id[i] for i in self.pinned if i in by_id]
        return top + [u for u in self.chronological if u.id not in self.pinned]

    def pages(self) -> list[list[SampleUpdate]]:
        """The updates of each page the blog links to (only the first when not paginating)."""
        shown = self.display()
        chunks = [shown[i : i + self.page_size] for i in range(0, len(shown), self.page_size)]
        chunks = chunks or [[]]
        return chunks if self.paginate else chunks[:1]

    def page_of(self, update_id: str) -> int | None:
        for number, chunk in enumerate(self.pages(), start=1):
            if any(u.id == update_id for u in chunk):
                return number
        return None

    def add(self, *updates: SampleUpdate) -> None:
        """New updates on top (give them newest first)."""
        with self._lock:
            self.chronological = [*updates, *self.chronological]

    def edit(self, update_id: str, **changes: Any) -> SampleUpdate:
        with self._lock:
            for i, u in enumerate(self.chronological):
                if u.id == update_id:
                    self.chronological[i] = u.replace(**changes)
                    return self.chronological[i]
        raise KeyError(update_id)

    def delete(
        self, update_id: str, *, window_pages: int | None = None, expect_removed: bool | None = None
    ) -> None:
        """Take an update down; the truth expects its removal when the next pass reads past it.

        It must stand on the first `window_pages` linked pages (all by default) with an older
        update after it, so that a pass reading those pages sees beyond where it stood.
        """
        pages = self.pages()
        window = pages if window_pages is None else pages[:window_pages]
        visible = [u.id for chunk in window for u in chunk]
        everything = [u.id for u in self.display()]
        if expect_removed is None:
            expect_removed = update_id in visible and update_id != everything[-1]
        with self._lock:
            self.chronological = [u for u in self.chronological if u.id != update_id]
            self.pinned = [i for i in self.pinned if i != update_id]
        if expect_removed:
            self.truth.pending_deleted.add(update_id)

    def pin(self, update_id: str) -> None:
        with self._lock:
            self.pinned.append(update_id)

    def unpin(self, update_id: str) -> None:
        with self._lock:
            self.pinned.remove(update_id)

    def fault(self, kind: FaultKind, page: int = 1, times: int = 1) -> None:
        with self._lock:
            self.faults.append(Fault(kind, page, times))

    # --- what was served ----------------------------------------------------------------

    def mark(self) -> int:
        """A point in the request log: `since(mark)` is what came after."""
        with self._lock:
            return len(self.served)

    def since(self, mark: int) -> list[Served]:
        with self._lock:
            return list(self.served[mark:])

    def observe(self, ok: bool | None) -> list[Served]:
        """Tell the truth how the pass ended (None: not logged at); returns what it was served."""
        with self._lock:
            answers = list(self.served[self._observed :])
            self._observed = len(self.served)
        self.truth.observe(answers, ok)
        return answers

    def wait_for_requests(self, count: int, timeout: float = 30.0) -> bool:
        """Block until `count` page requests have been answered (or begun, with a delay)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.served) >= count:
                return True
            time.sleep(0.005)
        return False

    # --- rendering ----------------------------------------------------------------------

    def render(self, number: int) -> tuple[bytes | None, list[SampleUpdate]]:
        """Page `number` as the blog shows it now, and the updates on it."""
        with self._lock:
            shown = self._display()
            pinned = list(self.pinned)
            paginate = self.paginate
        if not paginate and number != 1:
            return None, []
        body = render_page(self.title, self.path, self.origin, shown, number, self.page_size)
        if body is None:
            return None, []
        on_page = shown[(number - 1) * self.page_size : number * self.page_size]
        html = body.decode("utf-8")
        for update_id in pinned:
            html = html.replace(
                f'<article class="update" id="{update_id}"',
                f'<article class="update update--pinned" id="{update_id}"',
            )
        if not paginate:
            html = _LOAD_MORE.sub("", _NEXT_LINK.sub("", html))
        return html.encode("utf-8"), on_page

    def empty_page(self) -> bytes:
        """A well-formed page of the blog listing no updates at all."""
        body = render_page(self.title, self.path, self.origin, [], 1, self.page_size)
        assert body is not None
        return body

    def _take_fault(self, number: int) -> FaultKind | None:
        with self._lock:
            for i, f in enumerate(self.faults):
                if f.page == number:
                    if f.times <= 1:
                        del self.faults[i]
                    else:
                        self.faults[i] = Fault(f.kind, f.page, f.times - 1)
                    return f.kind
        return None

    def _log(self, answer: Served) -> None:
        with self._lock:
            self.served.append(answer)


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:20] + '"'


def truncate_mid_update(body: bytes) -> bytes:
    """The document cut inside an update's body, past the middle: no closing tags at all."""
    start = body.find(b'<div class="update__body">', len(body) // 2)
    if start < 0:
        start = body.find(b'<div class="update__body">')
    assert start > 0, "the page has no update to cut"
    return body[: start + 40]


def _handler_for(blog: EvolvingBlog) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "EvolvingLiveBlog/1.0"

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if parts.path == "/robots.txt":
                self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
                return
            try:
                number = int(parse_qs(parts.query).get("page", ["1"])[0])
            except ValueError:
                number = 0
            inm = self.headers.get("If-None-Match")
            if parts.path != blog.path:
                blog._log(Served(number, 404, "404", inm))
                self._send(404, b"not found\n", "text/plain")
                return
            with blog._lock:
                blog.begun += 1
            if blog.delay:
                time.sleep(blog.delay)
            fault = blog._take_fault(number)
            if fault == "503":
                blog._log(Served(number, 503, fault, inm))
                self._send(503, b"busy\n", "text/plain", extra={"Retry-After": "0"})
                return
            if fault == "consent":
                blog._log(Served(number, 200, fault, inm))
                self._send(200, CONSENT_WALL, "text/html; charset=utf-8", etag_of(CONSENT_WALL))
                return
            if fault == "empty":
                body = blog.empty_page()
                blog._log(Served(number, 200, fault, inm))
                self._send(200, body, "text/html; charset=utf-8", etag_of(body))
                return
            page, shown = blog.render(number)
            if page is None:
                blog._log(Served(number, 404, "404", inm))
                self._send(404, b"no such page\n", "text/plain")
                return
            etag = etag_of(page) if blog.validators else None
            if fault == "truncated":
                # The full page's ETag and a Content-Length matching the cut body: only a
                # look at the document itself can tell.
                blog._log(Served(number, 200, fault, inm))
                self._send(200, truncate_mid_update(page), "text/html; charset=utf-8", etag)
                return
            if etag is not None and inm == etag:
                blog._log(Served(number, 304, "304", inm))
                self._send(304, b"", None, etag)
                return
            blog._log(Served(number, 200, "page", inm, shown))
            self._send(200, page, "text/html; charset=utf-8", etag)

        def _send(
            self,
            status: int,
            body: bytes,
            ctype: str | None,
            etag: str | None = None,
            extra: dict[str, str] | None = None,
        ) -> None:
            send(self, status, body, ctype, etag, extra)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet: the request log is `blog.served`."""

    return Handler


# --- checking an archive against the truth ----------------------------------------------


def snapshot_tables(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of `updates` and `update_versions`: a failed pass must leave them equal."""
    conn = sqlite3.connect(db_path, timeout=30)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in ("updates", "update_versions")
        }
    finally:
        conn.close()


def assert_whole_passes(conn: sqlite3.Connection) -> None:
    """The database opens, is intact, and every logged pass wrote all of its versions."""
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # Every update has versions 1..version, the last one being its current content.
    gaps = conn.execute(
        """SELECT u.id, u.version, count(v.version), min(v.version), max(v.version)
           FROM updates u LEFT JOIN update_versions v ON v.update_id = u.id
           GROUP BY u.id
           HAVING count(v.version) != u.version OR min(v.version) != 1
               OR max(v.version) != u.version"""
    ).fetchall()
    assert gaps == [], f"updates whose versions are not 1..version: {gaps[:5]}"
    stale = conn.execute(
        """SELECT u.id FROM updates u JOIN update_versions v
             ON v.update_id = u.id AND v.version = u.version
           WHERE v.content_hash != u.content_hash"""
    ).fetchall()
    assert stale == [], f"updates whose current content is not their last version: {stale[:5]}"
    # Each pass's counts match the versions it wrote: no pass is half there.
    torn = conn.execute(
        """SELECT f.id, f.error, f.updates_new, f.updates_changed,
                  (SELECT count(*) FROM update_versions v WHERE v.fetch_id = f.id),
                  (SELECT count(*) FROM update_versions v WHERE v.fetch_id = f.id
                     AND v.version = 1)
           FROM fetches f"""
    ).fetchall()
    for fetch_id, error, new, changed, versions, firsts in torn:
        if error is not None:
            assert versions == 0, f"failed pass {fetch_id} wrote {versions} versions"
        else:
            assert (versions, firsts) == (new + changed, new), (
                f"pass {fetch_id}: {new} new + {changed} changed, {versions} versions written"
            )
    orphans = conn.execute(
        "SELECT count(*) FROM update_versions WHERE fetch_id NOT IN (SELECT id FROM fetches)"
    ).fetchone()[0]
    assert orphans == 0
    created = conn.execute(
        "SELECT coalesce(sum(updates_new), 0) FROM fetches WHERE error IS NULL"
    ).fetchone()[0]
    assert created == conn.execute("SELECT count(*) FROM updates").fetchone()[0]


def assert_archive_matches(db_path: Path, blog: EvolvingBlog) -> None:
    """The archive holds exactly the truth: one row per update, its versions, its removals."""
    truth = blog.truth
    conn = sqlite3.connect(db_path, timeout=30)
    try:
        assert_whole_passes(conn)
        blog_id = conn.execute("SELECT id FROM blogs WHERE url = ?", [blog.url]).fetchone()[0]
        rows = conn.execute(
            """SELECT source_id, count(*) FROM updates WHERE blog_id = ?
               GROUP BY source_id ORDER BY source_id""",
            [blog_id],
        ).fetchall()
        doubled = [(sid, n) for sid, n in rows if n != 1]
        assert doubled == [], f"updates stored more than once: {doubled}"
        assert {sid for sid, _ in rows} == set(truth.contents), "updates invented or lost"

        versions: dict[str, list[tuple[int, str | None, str]]] = {}
        for sid, version, headline, body in conn.execute(
            """SELECT u.source_id, v.version, v.headline, v.body_text
               FROM update_versions v JOIN updates u ON u.id = v.update_id
               WHERE u.blog_id = ? ORDER BY u.source_id, v.version""",
            [blog_id],
        ):
            versions.setdefault(sid, []).append((version, headline, body))
        for sid, seen in truth.contents.items():
            got = versions.get(sid, [])
            assert len(got) == len(seen), (
                f"{sid}: {len(got)} versions stored, {len(seen)} distinct contents served"
            )
            for (_, headline, body), content in zip(got, seen, strict=True):
                assert headline == content.headline, f"{sid}: version headline {headline!r}"
                for block in content.blocks:
                    if isinstance(block, Para):
                        assert block.text in body, f"{sid}: version lacks {block.text[:40]!r}"

        removed = {
            sid
            for (sid,) in conn.execute(
                "SELECT source_id FROM updates WHERE blog_id = ? AND removed_at IS NOT NULL",
                [blog_id],
            )
        }
        assert removed == truth.deleted, (
            f"removed_at on {sorted(removed)}, deleted inside the window: {sorted(truth.deleted)}"
        )

        # Order: the archive's chronology is the publish times, whatever the page order was.
        ordered = [
            sid
            for (sid,) in conn.execute(
                "SELECT source_id FROM updates WHERE blog_id = ? ORDER BY published_at DESC",
                [blog_id],
            )
        ]
        assert ordered == sorted(truth.published, key=truth.published.__getitem__, reverse=True)

        passes = conn.execute(
            "SELECT count(*), count(error) FROM fetches WHERE blog_id = ?", [blog_id]
        ).fetchone()
        assert passes == (truth.passes, truth.failed), f"fetch rows {passes}"
    finally:
        conn.close()
