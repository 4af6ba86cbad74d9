"""Polling: one round of due passes (`liveblog crawl`), and rounds until interrupted or until
every blog has ended (`liveblog watch`)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import FrameType

from archive.db import check_room, disk_errors, open_archive
from archive.lock import archive_lock
from archive.records import PassResult, blog_url
from archive.times import now_utc, parse_utc
from archive.watchlist import (
    BlogSettings,
    Policy,
    blog_settings,
    due_blogs,
    reschedule,
    rewatch,
    watched,
)
from crawler import render as browser
from crawler.notify import Alerts
from crawler.process import crawl
from crawler.words import counted

TICK = 0.5  # seconds between checks for a signal while sleeping


class PassAbandoned(KeyboardInterrupt):
    """A second signal: stop now, and abandon the pass in flight whole."""


@dataclass
class Interrupts:
    """SIGINT/SIGTERM/SIGHUP: the first lets the pass in flight finish, the second abandons it."""

    count: int = 0
    child: subprocess.Popen[bytes] | None = None
    previous: dict[int, object] = field(default_factory=dict)
    # The first signal stops at once while no crawl has started (`crawl` waiting for the
    # archive's lock): there is no pass in flight to finish.
    at_once: bool = False

    def handle(self, signum: int, frame: FrameType | None) -> None:
        # Only signal the child here: the main thread may be inside its wait(), and waiting
        # again from a handler would deadlock on Popen's lock. SIGKILL, not Scrapy's clean
        # stop, which would let the pass in flight finish and be written.
        self.count += 1
        if self.count < 2:
            if self.at_once and self.child is None:
                raise KeyboardInterrupt
            return
        self.abandon()
        if self.count == 2:
            raise PassAbandoned

    def started(self, proc: subprocess.Popen[bytes]) -> None:
        self.child = proc
        if self.count >= 2:
            self.abandon()

    def abandon(self) -> None:
        """Kill the crawl in flight: a pass is one transaction, so nothing of it is written."""
        child = self.child
        if child is not None and child.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGKILL)

    def install(self) -> None:
        for sig in (signal.SIGINT, signal.SIGTERM):
            self.previous[sig] = signal.signal(sig, self.handle)
        # The hangup of the terminal or ssh session the command runs in, as one more signal
        # to stop by; one that nohup (or a shell's disown) set to be ignored stays ignored.
        hangup = getattr(signal, "SIGHUP", None)
        if hangup is not None and signal.getsignal(hangup) is not signal.SIG_IGN:
            self.previous[hangup] = signal.signal(hangup, self.handle)

    def restore(self) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]


def run_due_passes(
    db_path: Path,
    policy: Policy,
    *,
    urls: list[str] | None = None,
    among: list[str] | None = None,
    max_pages: int | None = None,
    wait: bool = True,
    settings: dict[str, object] | None = None,
    verbose: bool = False,
    on_wait: Callable[[str], None] | None = None,
    on_start: Callable[[subprocess.Popen[bytes]], None] | None = None,
    render: bool = False,
    alerts: Alerts | None = None,
) -> list[PassResult]:
    """One round of polling, as `crawl` and `watch` both run it: under the archive's lock, a
    pass over each of `urls`, or over every blog that is due (of `among`, when given), then
    each blog's next pass scheduled by `policy`. No blog due: no crawl, and [].

    Each blog is fetched with its own settings (`liveblog add`); `render` renders them all.
    A blog to render without the `render` extra installed fails with what to install.
    With `alerts`, each blog's notifiers are told what changed once the lock is released.
    """
    check_room(db_path)
    with disk_errors(db_path), archive_lock(db_path, wait=wait, on_wait=on_wait) as fd:
        db = open_archive(db_path)
        try:
            if urls is None:
                urls = due_blogs(db, now_utc(), among)
            else:
                rewatch(db, urls)  # a blog crawled by name is on the watchlist (again)
        finally:
            db.close()
        if not urls:
            return []
        own = _settings(db_path, urls, render)
        cannot = {url for url, chosen in own.items() if chosen.render and not browser.available()}
        crawled = [u for u in urls if blog_url(u) not in cannot]
        done = (
            crawl(
                crawled,
                db_path,
                max_pages=max_pages,
                settings=settings,
                verbose=verbose,
                on_start=on_start,
                lock_fd=fd,
                blogs=own,
            )
            if crawled
            else []
        )
        by_url = {r.url: r for r in done}
        results = [
            by_url.get(blog_url(u))
            or PassResult(
                url=blog_url(u), blog_id=0, fetch_id=0, pages=0, error=browser.MISSING_EXTRA
            )
            for u in dict.fromkeys(urls)
        ]
        db = open_archive(db_path)
        try:
            for result in results:
                reschedule(db, result, policy, now_utc())
        finally:
            db.close()
    if alerts is not None:
        alerts.after(results)
    return results


def _settings(db_path: Path, urls: list[str], render: bool) -> dict[str, BlogSettings]:
    """Each blog's own settings from the watchlist, rendered when the command says so."""
    db = open_archive(db_path)
    try:
        own = blog_settings(db, urls)
    finally:
        db.close()
    for chosen in own.values():
        chosen.render = chosen.render or render
    return own


def watch(
    db_path: Path,
    urls: list[str] | None,
    policy: Policy,
    *,
    max_pages: int | None,
    wait: bool,
    echo: Callable[[str], None],
    settings: dict[str, object] | None = None,
    max_passes: int | None = None,
    status: Callable[[str], None] | None = None,
    alerts: Alerts | None = None,
) -> int:
    """Poll due blogs until a signal or until none is left live; returns the failed-pass count."""
    interrupts = Interrupts()
    interrupts.install()
    failures = passes = 0
    try:
        while interrupts.count == 0 and (max_passes is None or passes < max_passes):
            db = open_archive(db_path)
            try:
                live = watched(db, urls)
                due = due_blogs(db, now_utc(), urls)
            finally:
                db.close()
            if not live:
                echo("every watched blog has ended: nothing left to poll.")
                break
            if not due:
                _sleep_until(min(_due_times(live)), interrupts, len(live), status)
                continue
            try:
                results = run_due_passes(
                    db_path,
                    policy,
                    among=urls,
                    max_pages=max_pages,
                    wait=wait,
                    settings=settings,
                    on_wait=lambda m: print(m, file=sys.stderr),
                    on_start=interrupts.started,
                    alerts=alerts,
                )
            finally:
                interrupts.child = None
            passes += 1
            for result in results:
                failures += 0 if result.ok else 1
                echo(
                    f"{now_utc():%Y-%m-%d %H:%M:%S}  {'ok  ' if result.ok else 'FAIL'}  {result.url}: {result.summary()}"
                )
        if interrupts.count:
            echo("interrupted: stopped after the last whole pass.")
    except PassAbandoned:
        echo("interrupted again: stopped at once; a pass not yet written was abandoned whole.")
    finally:
        interrupts.restore()
    return failures


def _due_times(live: list[dict[str, object]]) -> list[datetime]:
    return [parse_utc(str(b["next_due_at"] or "")) or now_utc() for b in live]


def _sleep_until(
    moment: datetime, interrupts: Interrupts, watching: int, status: Callable[[str], None] | None
) -> None:
    while interrupts.count == 0:
        left = (moment - now_utc()).total_seconds()
        if left <= 0:
            return
        if status is not None:
            status(f"watching {counted(watching, 'blog')}; next pass in {left:.0f} s")
        time.sleep(min(TICK, left))
