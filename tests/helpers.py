"""What several test modules use: the checkout's paths, the saved pages (the project's own and
the shared corpus's), local crawls, `liveblog serve` in a subprocess and a pass built by hand.
Fixtures live in conftest.py; test modules import helpers from here, never from each other.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from archive.records import BlogPass, PageFetch, PassResult, Update
from crawler.process import crawl
from crawler.sample import SampleUpdate
from crawler.sample.site import Para

ROOT = Path(__file__).resolve().parent.parent
# Pages the project built from documented markup (each says so at its top), and the labels of
# every page the tests score, built or saved.
PAGES = ROOT / "tests" / "pages"
LABELS = ROOT / "tests" / "labels"

# Third parties' saved pages are never copied into the repository: tests read them where the
# shared corpus keeps them, beside the checkout unless LIVEBLOG_CORPUS says where.
CORPUS_ENV = "LIVEBLOG_CORPUS"
# The corpus pages the project has labelled and its tests read.
CORPUS_PAGES = (
    "corkbeo-level3-2020-10-06.html",
    "express-royals-2024-07-18.html",
    "guardian-mars-perseverance-2021-02-19.dcr.json",
    "guardian-ukraine-2023-05-15.html",
    "independent-wwc-2023-08-14.html",
    "mirror-uk-riots-2024-08-05.html",
    "ndtv-cwc2023-ind-sl.html",
    "nyt-business-briefing-2020-09-25.html",
    "sportowefakty-falubaz.html",
)


def corpus_dir() -> Path:
    """The shared corpus folder; a test that needs it and cannot find it fails, saying where to."""
    configured = os.environ.get(CORPUS_ENV)
    folder = Path(configured) if configured else ROOT.parent / "shared" / "corpus"
    if not folder.is_dir():
        where = f"${CORPUS_ENV}" if configured else "beside the checkout"
        pytest.fail(
            f"the corpus of saved real pages is not at {folder} ({where}): run the tests with "
            f"{CORPUS_ENV}=/path/to/shared/corpus set to the folder that holds "
            f"{CORPUS_PAGES[0]} and the other saved pages",
            pytrace=False,
        )
    return folder


def page_folders() -> list[Path]:
    """Where saved pages are looked up, in turn: the project's built pages, then the corpus."""
    return [PAGES, corpus_dir()]


def saved_page_names() -> list[str]:
    """Every page the tests read, built or saved, by file name (no folder is opened)."""
    return sorted([p.name for p in PAGES.iterdir()] + list(CORPUS_PAGES))


def saved_page(name: str) -> Path:
    """The page `name`, from the project's own pages or else from the corpus."""
    own = PAGES / name
    if own.is_file() or name not in CORPUS_PAGES:
        return own
    path = corpus_dir() / name
    if not path.is_file():
        pytest.fail(f"{name} is not in the corpus at {path.parent}", pytrace=False)
    return path


def saved_pages() -> list[Path]:
    """Every page the tests read, from both places, in file-name order."""
    return [saved_page(name) for name in saved_page_names()]


# The sample blog is local: no reason to wait between its pages.
LOCAL = {"AUTOTHROTTLE_START_DELAY": 0, "DOWNLOAD_DELAY": 0, "RETRY_TIMES": 0}
# The same, as `liveblog crawl` and `watch` take settings on their command line.
LOCAL_ARGS = [arg for name, value in LOCAL.items() for arg in ("-s", f"{name}={value}")]


def crawl_local(urls: list[str], db: Path, **kwargs: object) -> list[PassResult]:
    """One pass through the real Scrapy process, without the polite delays."""
    return crawl(urls, db, settings=dict(LOCAL), timeout=120, **kwargs)  # type: ignore[arg-type]


# A test's passes written as the test would run them, each `crawl_local(urls, db)` made a
# `yield urls` that receives the pass's results; a `yield None` waits for every other test's
# passes to end and receives what their `at_end` returned (`liveblog reparse`'s output, say).
Passes = Generator[list[str] | None, Any, None]


def crawl_together(
    tests: dict[str, Passes],
    db: Path,
    at_end: Callable[[], Any] | None = None,
    crawl: Callable[[list[str], Path], list[Any]] = crawl_local,
) -> dict[str, Exception | None]:
    """The passes of several tests, each over blogs of its own, run in step in one archive:
    one crawl process a round for all of them, as cron runs one over all its blogs, where each
    test started its own. `crawl` runs a round and gives what each address's test is sent, in
    order (`crawl_local`'s results; a test of the command's words gives `liveblog crawl`'s line
    of each). What each test raised (None: it ended), by its key."""
    raised: dict[str, Exception | None] = {}
    waiting: dict[str, list[str] | None] = {}

    def resume(key: str, sent: Any) -> None:
        try:
            waiting[key] = tests[key].send(sent)
        except StopIteration:
            raised[key] = None
        except Exception as error:  # an assertion of the test's: its own test reports it
            raised[key] = error

    for key in tests:
        resume(key, None)
    while waiting:
        crawling = {key: urls for key, urls in waiting.items() if urls is not None}
        if not crawling:  # every test still running waits for the others' passes to end
            ended = at_end() if at_end else None
            for key in list(waiting):
                del waiting[key]
                resume(key, ended)
            continue
        results = crawl([url for urls in crawling.values() for url in urls], db)
        for key, urls in crawling.items():
            del waiting[key]
            mine, results = results[: len(urls)], results[len(urls) :]
            resume(key, mine)
    return raised


def read_only(db: Path) -> sqlite3.Connection:
    """A connection that cannot write: for archives that several tests share."""
    return sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)


def copy_archive(db: Path, folder: Path) -> Path:
    """A copy of a closed archive (its WAL and its snapshot folder too) for a test that writes."""
    target = folder / db.name
    for path in db.parent.glob(db.name + "*"):
        if path.is_dir():
            shutil.copytree(path, folder / path.name)
        elif not path.name.endswith(("-shm", ".lock")):
            shutil.copy2(path, folder / path.name)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cp_over(source: Path, target: Path) -> None:
    """`cp SOURCE TARGET`, as a user restores a backup: the target keeps its inode."""
    cp = shutil.which("cp")
    assert cp is not None
    subprocess.run([cp, str(source), str(target)], check=True)


def terminal_signals(nohup: bool = False) -> Callable[[], None]:
    """For `subprocess.Popen(preexec_fn=…)`: the command starts with Ctrl-C and the hangup as
    a terminal gives them, or (`nohup`) with the hangup ignored as nohup starts a command,
    whatever the test run inherited: a run started in the background or under nohup ignores
    them, and the commands it starts would too."""

    def reset() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGHUP, signal.SIG_IGN if nohup else signal.SIG_DFL)

    return reset


def env_with_root() -> dict[str, str]:
    """The environment for child processes that must import this checkout."""
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


# A second blog beside the seed one, in the archive the export, feed and browser tests share.
ELECTION = [
    SampleUpdate(
        id="o-2",
        headline="Second blog: polls close",
        published="2016-10-24T12:30:00+01:00",
        blocks=[Para("Counting begins across the region.")],
        author="Jo Reporter",
    ),
    SampleUpdate(
        id="o-1",
        headline="Second blog: polls open",
        published="2016-10-24T07:00:00+01:00",
        blocks=[Para("Queues formed, “early”, before dawn.\nA second line, with a comma.")],
        author="Jo Reporter",
    ),
]


@dataclass(frozen=True)
class DemoArchive:
    """An archive crawled once for many tests, which only read it."""

    db: Path
    url: str  # the seed blog, through the demo's three passes: blog 1
    other: str  # the second blog (ELECTION): blog 2


# --- `liveblog serve` ---------------------------------------------------------------------


@dataclass
class Server:
    """A running `liveblog serve`: its base URL, and its log once it has stopped."""

    base: str
    log: list[str] = field(default_factory=list)

    def get(self, path: str, timeout: float = 30) -> bytes:
        with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
            return bytes(response.read())

    def json(self, path: str) -> Any:
        return json.loads(self.get(path))


@contextmanager
def serving(db: Path, cwd: Path) -> Iterator[Server]:
    """`liveblog serve --db DB` on a free port until the block ends; its log goes to a file."""
    port = free_port()
    log_path = cwd / f"serve-{port}.log"
    server = Server(f"http://127.0.0.1:{port}")
    # A file, not a pipe: nobody reads a pipe while the test runs, and a full one would
    # block the server on its access log.
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "crawler", "serve", "--db", str(db), "--port", str(port)],
            env=env_with_root(),
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server.get("/-/versions.json", timeout=5)
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    proc.wait()
                    pytest.fail(f"liveblog serve did not start:\n{log_path.read_text()}")
                time.sleep(0.2)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        server.log.extend(log_path.read_text(errors="replace").splitlines())


# --- a pass built by hand, for the archive's rules ------------------------------------------

URL = "https://news.example/live/election"


def bpass(
    updates: list[Update],
    *,
    at: str = "2024-05-01T12:00:00Z",
    pages: int = 1,
    complete: bool = True,
    error: str | None = None,
    status: int = 200,
    not_modified: bool = False,
    **kw: Any,
) -> BlogPass:
    """A pass over the blog at URL, started `at`, that read `updates` on `pages` pages."""
    return BlogPass(
        url=URL,
        started_at=at,
        finished_at=at.replace(":00Z", ":30Z"),
        pages=[
            PageFetch(
                url=URL if i == 0 else f"{URL}?page={i + 1}",
                status=304 if not_modified else status,
                size=1000,
                not_modified=not_modified,
                etag=f'"e{i}"',
                updates=len(updates) if i == 0 else 0,
            )
            for i in range(pages)
        ],
        updates=updates,
        complete=complete,
        error=error,
        **kw,
    )


def assert_samples(updates: dict[str, Update], samples: dict[str, dict[str, Any]]) -> None:
    """Each sampled update holds what its sample says: fields equal, body starts, contains or
    lacks texts (in its text and its HTML), authors include names, media include items."""
    for source_id, expected in samples.items():
        update = updates[source_id]
        for key, value in expected.items():
            if key == "body_start":
                assert update.body_text.startswith(value), source_id
            elif key == "body_contains":
                assert all(text in update.body_text for text in value), source_id
            elif key == "body_lacks":
                for text in value:
                    assert text not in update.body_text and text not in update.body_html, text
            elif key == "authors_include":
                assert set(value) <= set(update.authors)
            elif key == "media":
                for item in value:
                    assert any(all(m.get(k) == v for k, v in item.items()) for m in update.media), (
                        source_id,
                        update.media,
                    )
            else:
                assert getattr(update, key) == value, (source_id, key, getattr(update, key))


# The columns the updates table's page opens with (metadata.yml's default_columns).
UPDATES_COLUMNS = [
    "id",
    "blog_id",
    "published_at",
    "headline",
    "body_text",
    "version",
    "removed_at",
]


def devalue(root: Any) -> str:
    """A value as devalue's flat array: a tuple ("Reactive", value) is Nuxt's wrapper, ("Date",
    iso) a date; a value met twice is stored once."""
    values: list[Any] = []
    seen: dict[int, int] = {}

    def flatten(value: Any) -> int:
        if id(value) in seen:
            return seen[id(value)]
        index = len(values)
        values.append(None)
        if isinstance(value, (dict, list, tuple)):
            seen[id(value)] = index
        if isinstance(value, dict):
            values[index] = {key: flatten(member) for key, member in value.items()}
        elif isinstance(value, list):
            values[index] = [flatten(member) for member in value]
        elif isinstance(value, tuple) and value[0] == "Date":
            values[index] = list(value)
        elif isinstance(value, tuple):
            values[index] = [value[0], flatten(value[1])]
        else:
            values[index] = value
        return index

    flatten(root)
    return json.dumps(values)


def counted_calls(run: Callable[[], Any], limit: int) -> tuple[Any, int]:
    """What `run` returns and the function calls it made (Python's and built-ins'): its work,
    counted the same on a loaded machine as on an idle one. Past `limit` calls the test fails
    there, so work without a bound fails rather than hangs."""
    calls = 0

    def count(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1
            if calls > limit:
                sys.setprofile(None)
                pytest.fail(f"more than {limit} calls")

    before = sys.getprofile()
    sys.setprofile(count)
    try:
        found = run()
    finally:
        sys.setprofile(before)
    return found, calls


def ended(raised: Exception | None) -> None:
    """A test run by crawl_together fails as it would have failed alone."""
    if raised is not None:
        raise raised
