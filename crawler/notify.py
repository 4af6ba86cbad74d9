"""Alerts after a pass: one Apprise message per blog that changed, at most one per blog per
`every` seconds; changes not told yet wait for the next message. A notifier that fails costs
one line on stderr and at most `timeout` seconds: the pass is archived before any is sent."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from archive.alerts import (
    AlertState,
    BlogChanges,
    alert_state,
    changes_since,
    mark_notified,
    start_alerts,
)
from archive.db import ArchiveError, open_archive
from archive.records import PassResult
from archive.times import now_utc
from crawler.words import counted

DEFAULT_EVERY = 300  # seconds: at most one message per blog this often
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8001"  # where `liveblog serve` publishes by default
DEFAULT_TIMEOUT = 10.0  # seconds one message may take, every notifier included
HEADLINES = 10  # headlines a message names; the rest are counted
# Apprise's own per-request limits (seconds to connect, to read), below the message's own.
SOCKET_TIMEOUTS = {"cto": "4", "rto": "4"}


@dataclass
class AlertSettings:
    """Where alerts go besides each blog's own, how often, and where the archive is read."""

    urls: list[str] = field(default_factory=list)  # told of every blog (--notify)
    every: int = DEFAULT_EVERY
    public_url: str = DEFAULT_PUBLIC_URL
    timeout: float = DEFAULT_TIMEOUT


def valid_url(url: str) -> bool:
    """Whether Apprise knows the URL's scheme and can read it."""
    import apprise  # loads every notifier plugin (0.15 s): only when alerts are asked for

    return apprise.Apprise().add(url)


def where(url: str) -> str:
    """A notifier named without its secrets: scheme and host only."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return f"{parts.scheme}://{host}" if parts.scheme else "a URL without a scheme"


def title(changes: BlogChanges, restored: int = 0) -> str:
    """ "<blog>: 2 new, 1 edited": what changed, counted."""
    parts = [
        f"{changes.count(kind)} {kind}"
        for kind in ("new", "edited", "removed")
        if changes.count(kind)
    ]
    if restored:
        parts.append(f"{restored} restored")
    return f"{changes.title}: {', '.join(parts)}"


def body(changes: BlogChanges, timeline: str, restored: int = 0) -> str:
    """The headlines (the first HEADLINES, the rest counted) and the blog's timeline."""
    lines = [f"{c.kind}: {c.headline}" for c in changes.changes[:HEADLINES]]
    more = len(changes.changes) - HEADLINES
    if more > 0:
        lines.append(f"and {more} more")
    if restored:
        lines.append(f"{counted(restored, 'update')} removed earlier shown again")
    return "\n".join([*lines, "", f"Timeline: {timeline}"])


def timeline_url(public_url: str, db_path: Path, blog_id: int) -> str:
    """The blog's timeline in the published archive: Datasette names the database after its file."""
    return f"{public_url.rstrip('/')}/{db_path.stem}/-/timeline/{blog_id}"


def with_timeouts(url: str) -> str:
    """The URL with Apprise's socket timeouts, unless it sets its own."""
    query = urlsplit(url).query
    extra = [f"{k}={v}" for k, v in SOCKET_TIMEOUTS.items() if f"{k}=" not in query]
    if not extra:
        return url
    return url + ("&" if query else ("" if url.endswith("?") else "?")) + "&".join(extra)


class _Capture(logging.Handler):
    """Apprise's own warnings during one send: the last says why a notifier failed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def send(urls: list[str], subject: str, text: str, timeout: float) -> list[str]:
    """Send one message to every URL; the reason each failure, one short line each."""
    import apprise

    failures: list[str] = []
    notifier = apprise.Apprise()
    for url in urls:
        if not notifier.add(with_timeouts(url)):
            failures.append(f"{where(url)} is not a URL Apprise can send to")
    if not len(notifier):
        return failures
    outcome: dict[str, object] = {}
    capture = _Capture()
    log = logging.getLogger("apprise")
    log.addHandler(capture)
    propagate, log.propagate = log.propagate, False

    def run() -> None:
        try:
            outcome["ok"] = bool(
                notifier.notify(title=subject, body=text, body_format=apprise.NotifyFormat.TEXT)
            )
        except Exception as exc:  # any notifier's failure is one line, never a crash
            outcome["error"] = f"{type(exc).__name__}: {exc}"

    worker = threading.Thread(target=run, name="liveblog-alert", daemon=True)
    try:
        worker.start()
        worker.join(timeout)
    finally:
        log.removeHandler(capture)
        log.propagate = propagate
    if worker.is_alive():
        failures.append(f"no answer within {timeout:g} s")
    elif "error" in outcome:
        failures.append(str(outcome["error"]))
    elif not outcome.get("ok"):
        reason = capture.messages[-1] if capture.messages else "the notifier refused it"
        failures.append(reason.splitlines()[0][:200])
    return failures


class Alerts:
    """After each round of passes: tell each changed blog's notifiers, within the rate limit."""

    def __init__(
        self,
        db_path: Path,
        settings: AlertSettings | None = None,
        warn: Callable[[str], None] | None = None,
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        self.db_path = db_path
        self.settings = settings or AlertSettings()
        self.warn = warn or (lambda line: None)
        self.clock = clock
        # Updates shown again after a removal: the archive keeps no trace of which, so the
        # count waits here for the blog's next message.
        self.restored: dict[int, int] = {}

    def after(self, results: list[PassResult]) -> None:
        """Each blog's message, for the passes just archived."""
        for result in results:
            if not result.blog_id:
                continue
            try:
                self._blog(result)
            except (ArchiveError, sqlite3.Error) as exc:  # the pass is archived: say, go on
                self.warn(f"alert for {result.url} not sent: the archive could not be read: {exc}")

    def _blog(self, result: PassResult) -> None:
        db = open_archive(self.db_path)
        try:
            state = alert_state(db, result.blog_id)
            if state is None:
                return
            urls = list(dict.fromkeys([*self.settings.urls, *state.notify]))
            if not urls:
                return
            if state.notified_fetch_id is None:
                # Alerts start with this pass: what was archived before is not news.
                start_alerts(db, state.blog_id, result.fetch_id - 1)
                state.notified_fetch_id = result.fetch_id - 1
            if result.ok:
                self.restored[state.blog_id] = self.restored.get(state.blog_id, 0) + result.restored
            if self._too_soon(state):
                return
            changes = changes_since(db, state, state.notified_fetch_id, result.fetch_id)
            restored = self.restored.get(state.blog_id, 0)
            if not changes.changes and not restored:
                return
            mark_notified(db, state.blog_id, result.fetch_id, self.clock())
        finally:
            db.close()
        self.restored.pop(state.blog_id, None)
        self._send(urls, changes, restored)

    def _too_soon(self, state: AlertState) -> bool:
        last = state.notified_at
        return last is not None and (self.clock() - last).total_seconds() < self.settings.every

    def _send(self, urls: list[str], changes: BlogChanges, restored: int) -> None:
        subject = title(changes, restored)
        link = timeline_url(self.settings.public_url, self.db_path, changes.blog_id)
        text = body(changes, link, restored)
        for failure in send(urls, subject, text, self.settings.timeout):
            self.warn(f"alert for {changes.url} not sent: {failure}")
