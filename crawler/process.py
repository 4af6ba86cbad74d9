"""The crawl process: one Scrapy run over the given blogs, in a child process of its own.

crawl() is the door the `liveblog` CLI, watch, the demo and the tests use: it starts
`python -P -m crawler.process` and returns what the archive made of each blog's pass; main()
is what that child runs. Twisted's reactor cannot restart, so keeping Scrapy in a child lets
one caller run pass after pass. Scrapy is imported only in the child.

The child ends with its caller: on Linux the kernel signals it when the caller dies
(PR_SET_PDEATHSIG), and everywhere a thread of the child watches a pipe the caller holds
open, so a killed `liveblog crawl` leaves no crawl behind holding the archive's lock.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import logging
import os
import select
import signal
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from archive.db import short_of_room
from archive.lock import add_holder
from archive.records import PassResult, blog_url
from archive.watchlist import BlogSettings

if TYPE_CHECKING:
    from scrapy.settings import Settings


ENDED_EARLY = "the crawl ended before this blog's pass finished"
# Seconds an orphaned crawl has to stop cleanly before it exits at once: well under the 5 s
# after which a killed caller's next run expects the archive's lock to be free.
ORPHAN_GRACE = 2.0
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class CrawlError(Exception):
    """The crawl process itself failed (not one blog's pass): the message says why."""


def crawl(
    urls: Sequence[str],
    db_path: str | os.PathLike[str],
    *,
    max_pages: int | None = None,
    settings: dict[str, object] | None = None,
    verbose: bool = False,
    timeout: float | None = None,
    on_start: Callable[[subprocess.Popen[bytes]], None] | None = None,
    lock_fd: int | None = None,
    blogs: dict[str, BlogSettings] | None = None,
) -> list[PassResult]:
    """One pass over each blog, archived into db_path; one PassResult per URL, in order.

    `blogs` holds each blog's own settings (`liveblog add`), by URL.

    `lock_fd`, the archive lock held by the caller, is inherited by the crawl process so
    the lock outlives the caller if it is killed while the crawl still writes.
    """
    folder = Path(db_path).expanduser().resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    # Beside the archive, not in the shared temp folder: a crawl killed with SIGKILL leaves
    # its few files where the archive's owner will see them.
    with tempfile.TemporaryDirectory(prefix=".liveblog-run-", dir=folder) as tmp:
        results_path = Path(tmp) / "results.jsonl"
        log_path = Path(tmp) / "scrapy.log"
        overrides = dict(settings or {})
        overrides.setdefault("LOG_LEVEL", "INFO" if verbose else "WARNING")
        argv = [
            sys.executable,
            # -P: the current directory is not searched first, so a checkout's sources never
            # shadow the installed package the caller runs.
            "-P",
            "-m",
            "crawler.process",
            "--db",
            str(db_path),
            "--results",
            str(results_path),
            "--settings",
            json.dumps(overrides),
            *(["--max-pages", str(max_pages)] if max_pages is not None else []),
            "--blogs",
            json.dumps({url: own.as_json() for url, own in (blogs or {}).items()}),
        ]
        env = _child_environment()
        # The child reads end-of-file from this pipe once no one holds its write end: we hold
        # it (not inheritable) until the crawl is over, and the kernel closes it if we die.
        alive_r, alive_w = os.pipe()
        argv += ["--parent-pipe", str(alive_r)]
        if lock_fd is not None:
            argv += ["--lock-fd", str(lock_fd)]
        try:
            with log_path.open("wb") as log:
                try:
                    # Its own session: a Ctrl-C at the terminal reaches the caller, which
                    # decides whether the pass in flight finishes or is abandoned.
                    proc = subprocess.Popen(
                        [*argv, "--", *urls],
                        stdout=log,
                        stderr=None if verbose else log,
                        env=env,
                        start_new_session=True,
                        pass_fds=(alive_r,) if lock_fd is None else (alive_r, lock_fd),
                    )
                finally:
                    os.close(alive_r)
                if on_start is not None:
                    on_start(proc)
                _wait(proc, timeout)
        finally:
            os.close(alive_w)
        results = _read_results(results_path)
        if proc.returncode != 0 and not results:
            tail = log_path.read_text(errors="replace").strip().splitlines()[-15:]
            raise CrawlError("the crawl process failed:\n" + "\n".join(tail))
    by_url = {r.url: r for r in results}
    ended_early = _ended_early(Path(db_path).expanduser())
    return [by_url.get(url) or _missing(url, ended_early) for url in _normalise(urls)]


def _ended_early(db_path: Path) -> str:
    """Why a pass has no result: a disk too full to take it (or the result itself) says so."""
    full = short_of_room(db_path)
    return ENDED_EARLY if full is None else str(full)


def _wait(proc: subprocess.Popen[bytes], timeout: float | None) -> None:
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        proc.kill()
        proc.wait()
        raise CrawlError(f"the crawl did not finish within {timeout:.0f} s") from exc
    except BaseException:
        # Interrupted: Scrapy stops cleanly on SIGTERM; a pass in flight is abandoned
        # whole, since each pass is written in one transaction.
        stop(proc)
        raise


def stop(proc: subprocess.Popen[bytes], grace: float = 15.0) -> None:
    """Ask the crawl process to stop (SIGTERM), and kill it if it does not within `grace` s."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _child_environment() -> dict[str, str]:
    """The caller's environment; the child imports this same code wherever it comes from.

    An installed package is found in site-packages as it is; code imported from elsewhere
    (a checkout on sys.path) is put on the child's PYTHONPATH.
    """
    env = dict(os.environ)
    root = Path(__file__).resolve().parent.parent
    installed = {Path(sysconfig.get_path(name)).resolve() for name in ("purelib", "platlib")}
    if root not in installed:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    return env


def _normalise(urls: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(blog_url(u) for u in urls if u.strip()))


def _read_results(path: Path) -> list[PassResult]:
    if not path.exists():
        return []
    return [
        PassResult(**json.loads(line)) for line in path.read_text().splitlines() if line.strip()
    ]


def _missing(url: str, error: str = ENDED_EARLY) -> PassResult:
    return PassResult(url=url, blog_id=0, fetch_id=0, pages=0, error=error)


def crawl_settings(overrides: dict[str, object] | None = None) -> Settings:
    """The project's settings with the caller's overrides on top, whatever the working directory."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def main(argv: list[str] | None = None) -> int:
    """The child: crawl the URLs into the archive, one JSON line per pass into --results."""
    parser = argparse.ArgumentParser(prog="python -m crawler.process")
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--db", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--max-pages", type=int, default=None)
    parser.add_argument("--settings", default="{}", help="JSON object of Scrapy setting overrides")
    parser.add_argument("--parent-pipe", type=int, default=None, help="end with whoever holds it")
    parser.add_argument("--lock-fd", type=int, default=None, help="the archive lock, inherited")
    parser.add_argument("--blogs", default="{}", help="JSON object: each blog's own settings")
    args = parser.parse_args(argv)
    if args.parent_pipe is not None:
        die_with_parent(args.parent_pipe)
    if args.lock_fd is not None:
        add_holder(args.lock_fd)
    # Scrapy only now: its imports take seconds on a busy machine, and the caller may die
    # meanwhile.
    from scrapy.crawler import CrawlerProcess

    from crawler.spiders.liveblog import LiveblogSpider

    overrides = json.loads(args.settings)
    overrides.update({"ARCHIVE_DB": args.db, "LIVEBLOG_RESULTS": args.results})
    if args.max_pages is not None:
        overrides["LIVEBLOG_MAX_PAGES"] = args.max_pages
    blogs = json.loads(args.blogs)
    if any(own.get("render") for own in blogs.values()):
        from crawler.render import render_settings

        overrides.update(render_settings())
    process = CrawlerProcess(crawl_settings(overrides))
    process.crawl(LiveblogSpider, urls=args.urls, blogs=blogs)
    process.start()
    return 0


def die_with_parent(pipe_fd: int) -> None:
    """End this process soon after its caller ends: nobody would read its results, and it
    would hold the archive's lock against every later run."""
    armed = sys.platform.startswith("linux") and _parent_death_signal(signal.SIGTERM)
    # A caller that died before the kernel was asked sends no signal: the pipe tells.
    signalled = armed and not _closed(pipe_fd)
    threading.Thread(
        target=_watch_parent, args=(pipe_fd, signalled), name="parent-watch", daemon=True
    ).start()


def _parent_death_signal(signum: int) -> bool:
    """Ask Linux to send `signum` when the parent dies; whether it agreed."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _closed(pipe_fd: int) -> bool:
    """Whether the caller's end of the pipe is already closed (it never writes to it)."""
    readable, _, _ = select.select([pipe_fd], [], [], 0)
    return bool(readable)


def _watch_parent(pipe_fd: int, signalled: bool) -> None:
    """Block until the parent's end of the pipe closes, then stop: cleanly first, then at once."""
    while True:
        try:
            if not os.read(pipe_fd, 1):
                break
        except InterruptedError:
            continue
        except OSError:
            break
    if not signalled:
        os.kill(os.getpid(), signal.SIGTERM)  # Scrapy's own clean stop, as on Linux
    time.sleep(ORPHAN_GRACE)
    os._exit(1)


def exit_now(code: int) -> None:
    """End the crawl process once its work is done and written, without tearing down its
    interpreter: freeing Scrapy's, Twisted's and lxml's thousands of objects one by one took
    0.4 s of every 2 s pass, longer than the crawl of a small blog itself.

    Nothing is lost: each pass is committed and its result line closed as it ends, the
    archive is closed when the spider closes, and the log and output are flushed here.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    exit_now(main())
