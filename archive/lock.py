"""One writer run at a time per archive: overlapping cron passes wait, or leave with a message."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from archive.db import ArchiveError


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
    fd, created = _open(path)
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
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError as e:
            if created:
                path.unlink(missing_ok=True)
            raise ArchiveError(
                f"cannot write the lock file {path} ({e.strerror}): free some space, or give "
                "--db a path on a disk you can write to."
            ) from e
        yield fd
    finally:
        os.close(fd)


def _open(path: Path) -> tuple[int, bool]:
    """The lock file's descriptor, and whether this call created the file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644), True
        except FileExistsError:
            return os.open(path, os.O_RDWR), False
    except OSError as e:
        raise ArchiveError(
            f"cannot open the lock file {path} ({e.strerror}): give --db an archive path in a "
            "folder you can write to."
        ) from e


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""
