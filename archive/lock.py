"""One writer run at a time per archive: overlapping cron passes wait, or leave with a message."""

from __future__ import annotations

import contextlib
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
    """The lock file beside the archive's real file: one archive has one lock, whether it is
    reached through a symlink or its own path."""
    return Path(f"{Path(db_path).expanduser().resolve()}.lock")


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
    with us, so it stays held while that process lives, even if we are killed. The file
    names the holders' pids, one a line; a file naming only dead ones is simply taken over,
    since the kernel released their lock when they died.
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


def add_holder(fd: int) -> None:
    """Name this process in the lock file too: it holds the lock through an inherited `fd`."""
    # Should this fail, the lock holds all the same; only the busy message names fewer holders.
    with contextlib.suppress(OSError):
        os.pwrite(fd, f"{os.getpid()}\n".encode(), os.fstat(fd).st_size)


def _holder(fd: int) -> str:
    """The live processes the lock file names, as the busy message shows them."""
    try:
        text = os.pread(fd, 4096, 0).decode(errors="replace")
    except OSError:
        return ""
    pids = [int(word) for word in text.split() if word.isdigit() and int(word) > 0]
    live = [str(pid) for pid in dict.fromkeys(pids) if _alive(pid)]
    if not live:
        return ""
    return f" (pid {live[0]})" if len(live) == 1 else f" (pids {', '.join(live)})"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    except (OverflowError, ValueError):
        return False
    return True
