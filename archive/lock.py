"""One writer run at a time per archive: overlapping cron passes wait, or leave with a message."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class ArchiveBusyError(Exception):
    """Another liveblog run holds the archive and we were told not to wait (or waited too long)."""


def lock_path(db_path: Path) -> Path:
    return Path(f"{db_path}.lock")


@contextmanager
def archive_lock(
    db_path: Path,
    *,
    wait: bool = True,
    timeout: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[int]:
    """Hold the archive's lock file (flock: released by the kernel even on SIGKILL).

    Yields the lock's file descriptor: a crawl process that inherits it holds the lock
    with us, so it stays held while that process lives, even if we are killed.
    """
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = None if timeout is None else time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(fd)
                if not wait or (deadline is not None and time.monotonic() >= deadline):
                    raise ArchiveBusyError(
                        f"another liveblog run{holder} is writing to {db_path}; "
                        "try again when it has finished, or use --wait."
                    ) from None
                if on_wait is not None and not told:
                    on_wait(f"another liveblog run{holder} is writing to {db_path}; waiting…")
                    told = True
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield fd
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""
