"""Run crawl passes from plain Python: the door the `liveblog` CLI and the tests use.

Each call starts one Scrapy process (see crawler/run.py) and returns what the archive
made of each blog's pass. This module imports no Scrapy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from archive.records import PassResult, blog_url


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
) -> list[PassResult]:
    """One pass over each blog, archived into db_path; one PassResult per URL, in order.

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
            "-m",
            "crawler.run",
            "--db",
            str(db_path),
            "--results",
            str(results_path),
            "--settings",
            json.dumps(overrides),
            *(["--max-pages", str(max_pages)] if max_pages is not None else []),
            *urls,
        ]
        env = {
            **os.environ,
            "PYTHONPATH": _import_root() + os.pathsep + os.environ.get("PYTHONPATH", ""),
        }
        with log_path.open("wb") as log:
            # Its own session: a Ctrl-C at the terminal reaches the caller, which decides
            # whether the pass in flight finishes or is abandoned.
            proc = subprocess.Popen(
                argv,
                stdout=log,
                stderr=None if verbose else log,
                env=env,
                start_new_session=True,
                pass_fds=(lock_fd,) if lock_fd is not None else (),
            )
            if on_start is not None:
                on_start(proc)
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
        results = _read_results(results_path)
        if proc.returncode != 0 and not results:
            tail = log_path.read_text(errors="replace").strip().splitlines()[-15:]
            raise CrawlError("the crawl process failed:\n" + "\n".join(tail))
    by_url = {r.url: r for r in results}
    return [by_url.get(url) or _missing(url) for url in _normalise(urls)]


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


def _import_root() -> str:
    """The folder holding the crawler package, so the child imports this same code."""
    return str(Path(__file__).resolve().parent.parent)


def _normalise(urls: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(blog_url(u) for u in urls if u.strip()))


def _read_results(path: Path) -> list[PassResult]:
    if not path.exists():
        return []
    return [
        PassResult(**json.loads(line)) for line in path.read_text().splitlines() if line.strip()
    ]


def _missing(url: str) -> PassResult:
    return PassResult(
        url=url,
        blog_id=0,
        fetch_id=0,
        pages=0,
        error="the crawl ended before this blog's pass finished",
    )
