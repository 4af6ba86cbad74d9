"""`liveblog watch`: passes until interrupted or until every blog has ended."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

from archive.db import open_archive
from archive.lock import archive_lock
from archive.records import PassResult
from archive.watchlist import Policy, due_blogs, parse_iso, reschedule, watched
from crawler.runner import CrawlError, crawl

TICK = 0.5  # seconds between checks for a signal while sleeping


@dataclass
class Interrupts:
    """SIGINT/SIGTERM: the first lets the pass in flight finish, the second abandons it."""

    count: int = 0
    child: subprocess.Popen[bytes] | None = None
    previous: dict[int, object] = field(default_factory=dict)

    def handle(self, signum: int, frame: FrameType | None) -> None:
        # Only signal the child here: the main thread is inside its wait(), and waiting
        # again from a handler would deadlock on Popen's lock.
        self.count += 1
        child = self.child
        if self.count >= 2 and child is not None and child.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGTERM if self.count == 2 else signal.SIGKILL)

    def install(self) -> None:
        for sig in (signal.SIGINT, signal.SIGTERM):
            self.previous[sig] = signal.signal(sig, self.handle)

    def restore(self) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]


def now_utc() -> datetime:
    return datetime.now(UTC)


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
            results = _pass(db_path, due, policy, max_pages, wait, settings, interrupts)
            passes += 1
            for result in results:
                failures += 0 if result.ok else 1
                echo(
                    f"{now_utc():%Y-%m-%d %H:%M:%S}  {'ok  ' if result.ok else 'FAIL'}  {result.url}: {result.summary()}"
                )
        if interrupts.count:
            echo("interrupted: stopped after the last whole pass.")
    finally:
        interrupts.restore()
    return failures


def _pass(
    db_path: Path,
    due: list[str],
    policy: Policy,
    max_pages: int | None,
    wait: bool,
    settings: dict[str, object] | None,
    interrupts: Interrupts,
) -> list[PassResult]:
    def started(proc: subprocess.Popen[bytes]) -> None:
        interrupts.child = proc

    with archive_lock(db_path, wait=wait, on_wait=lambda m: print(m, file=sys.stderr)) as fd:
        try:
            results = crawl(
                due, db_path, max_pages=max_pages, settings=settings, on_start=started, lock_fd=fd
            )
        except CrawlError:
            if interrupts.count >= 2:
                return []  # abandoned on purpose: nothing of the pass was written
            raise
        finally:
            interrupts.child = None
        db = open_archive(db_path)
        try:
            for result in results:
                reschedule(db, result, policy, now_utc())
        finally:
            db.close()
    return results


def _due_times(live: list[dict[str, object]]) -> list[datetime]:
    return [parse_iso(str(b["next_due_at"])) if b["next_due_at"] else now_utc() for b in live]


def _sleep_until(
    moment: datetime, interrupts: Interrupts, watching: int, status: Callable[[str], None] | None
) -> None:
    while interrupts.count == 0:
        left = (moment - now_utc()).total_seconds()
        if left <= 0:
            return
        if status is not None:
            status(
                f"watching {watching} blog{'s' if watching != 1 else ''}; next pass in {left:.0f} s"
            )
        time.sleep(min(TICK, left))
