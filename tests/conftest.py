"""Shared fixtures: a fresh archive file per test, the sample blog on 127.0.0.1, the archive
(and its `liveblog serve`) that the reading tests share, and each backend of extraction's
walks for extraction's tests."""

from __future__ import annotations

import compileall
import fcntl
import itertools
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.db import open_archive
from archive.times import now_utc
from archive.watchlist import add_blog
from crawler.extract import walks
from crawler.sample import PATH, TITLE, SampleBlog, calais_blog, demo_states
from tests.helpers import ELECTION, DemoArchive, Server, crawl_local, serving
from tests.redis_server import RedisServer
from tests.webhook import Webhook, start_webhook


def pytest_configure(config: pytest.Config) -> None:
    """Declares the marker pytest_generate_tests reads; compiles the checkout's sources once
    and lets pytest keep the test modules it rewrites."""
    config.addinivalue_line(
        "markers",
        "own_backends: chooses the backends of the walks itself (compares them, or starts a "
        "Python of its own), so runs once rather than once per backend",
    )
    if not hasattr(config, "workerinput"):  # once, in the process that starts the workers
        compile_checkout()
    # pytest keeps the test modules it rewrites (for its assert messages) only where Python
    # may write bytecode; rewritten anew in every run, they took 5 s of each worker's start.
    sys.dont_write_bytecode = False


def compile_checkout() -> None:
    """Write the bytecode of the checkout's packages, once, when Python is told to write none
    (PYTHONDONTWRITEBYTECODE): the tests start some 200 Pythons (a crawl process per pass,
    `liveblog` commands, servers), and each compiled the project's sources anew, a quarter
    of a second of every crawl process's start. Python still reads the bytecode it finds, and
    passes over any that a later edit made stale. An installed package has its own already."""
    if not sys.dont_write_bytecode:
        return  # each Python writes what it compiles
    root = Path(__file__).resolve().parent.parent
    for package in ("archive", "crawler"):
        if (root / package).is_dir():
            compileall.compile_dir(root / package, quiet=1)


def tested_backends() -> tuple[str, ...]:
    """The backends of the walks each extraction test runs on: the compiled walks alone where
    the accelerator is built, pure Python alone where it is not, and every one this Python
    can run when $LIVEBLOG_TEST_BACKENDS is `all`. The own_backends tests compare the two
    page by page either way, and CI's install without a compiler runs every extraction test
    on the Python walks; a second run of each on them here doubled extraction's tests' CPU."""
    if os.environ.get("LIVEBLOG_TEST_BACKENDS") == "all":
        return walks.AVAILABLE
    return walks.AVAILABLE[:1]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Extraction's tests (test_extract_*.py) run once on each of tested_backends()."""
    module = metafunc.module.__name__.rpartition(".")[2]
    if module.startswith("test_extract_") and not metafunc.definition.get_closest_marker(
        "own_backends"
    ):
        metafunc.parametrize("walks_backend", tested_backends(), indirect=True, scope="module")


@pytest.fixture(scope="module", autouse=True)
def walks_backend(request: pytest.FixtureRequest) -> Iterator[str]:
    """The backend of the walks the tests run on; switched back when they are done."""
    previous = walks.BACKEND
    backend = getattr(request, "param", previous)
    walks.use(backend)
    yield backend
    walks.use(previous)


_UNSHARED = itertools.count()


@pytest.fixture(autouse=True)
def _isolated_default_db(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No test may touch the user's real archive through the default path: each has a data
    folder of its own, in its tmp_path when it has one, else a name no other test has, made
    only if written. A tmp_path made for each of the thousands of extraction tests that
    never look there was a millisecond and a half of each one's CPU."""
    if "tmp_path" in request.fixturenames:
        home = request.getfixturevalue("tmp_path") / "xdg"
    else:
        home = tmp_path_factory.getbasetemp() / "xdg" / str(next(_UNSHARED))
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.delenv("LIVEBLOG_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def sample_blog() -> Iterator[SampleBlog]:
    with calais_blog() as blog:
        yield blog


@pytest.fixture(scope="session")
def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> DemoArchive:
    """The seed blog through the demo's passes (one update edited) and a second blog.

    Crawled once for the export, feed, Datasette and browser tests, which only read it. Both
    blogs go on the watchlist first, so the seed blog is blog 1 whichever pass ends first.
    Under xdist the workers share one, named in the run's folder: the first to ask crawls it
    while the others wait on a lock, where each worker crawled its own, all at once.
    """
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return crawl_demo(tmp_path_factory.mktemp("demo") / "archive.db")
    shared = tmp_path_factory.getbasetemp().parent  # the run's, one folder per worker below
    with (shared / "demo.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # let go when the file closes
        made = shared / "demo.json"
        if made.exists():
            held = json.loads(made.read_text())
            return DemoArchive(Path(held["db"]), held["url"], held["other"])
        demo = crawl_demo(tmp_path_factory.mktemp("demo") / "archive.db")
        made.write_text(json.dumps({"db": str(demo.db), "url": demo.url, "other": demo.other}))
        return demo


def crawl_demo(db: Path) -> DemoArchive:
    """The demo archive crawled into db (see demo_archive)."""
    with (
        SampleBlog([], title=TITLE, path=PATH) as seed,
        SampleBlog(ELECTION, title="Election", path="/election") as other,
    ):
        archive = open_archive(db)
        try:
            for url in (seed.url, other.url):
                add_blog(archive, url, None, now_utc())
        finally:
            archive.close()
        for state in demo_states():
            seed.show(state)
            results = crawl_local([seed.url, other.url], db)
            assert all(r.ok for r in results), results
    return DemoArchive(db, seed.url, other.url)


@pytest.fixture(scope="session")
def demo_server(
    demo_archive: DemoArchive, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """`liveblog serve` over the demo archive, for every test that only reads pages."""
    with serving(demo_archive.db, tmp_path_factory.mktemp("demo-serve")) as server:
        yield server


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A browser test is a slow test: `-m "not slow"` leaves it out (this runs before -m).

    Then the files are put in the order the workers take them (pyproject's
    `--no-loadscope-reorder` keeps it): the files of slow tests first, fewest tests first,
    then the files of quick tests, most tests first. A worker takes its next file while it
    still has two tests to run, so files of one long test each (the cluster, the install),
    left to the end, all went to one worker while the others stood idle; quick files at the
    end even them out instead.

    Where the accelerator is built and both backends are asked for (LIVEBLOG_TEST_BACKENDS=all),
    an extraction test's second run, on the pure-Python walks, is slow too: the inner loop reads
    each page once, on the compiled walks the install uses; the inner loop's own_backends tests
    still compare the two walk by walk."""
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.slow)
    by_file: dict[str, list[pytest.Item]] = {}
    for item in items:
        by_file.setdefault(item.nodeid.split("::", 1)[0], []).append(item)

    def cost(tests: list[pytest.Item]) -> tuple[bool, int]:
        slow = any(item.get_closest_marker("slow") is not None for item in tests)
        return (not slow, len(tests) if slow else -len(tests))

    ordered = sorted(by_file.values(), key=cost)  # before the second runs are marked slow
    if len(walks.AVAILABLE) > 1:
        for item in items:
            callspec = getattr(item, "callspec", None)
            if callspec is not None and callspec.params.get("walks_backend") == walks.PYTHON:
                item.add_marker(pytest.mark.slow)
    items[:] = [item for tests in ordered for item in tests]


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    """Where the alerts' tests send: a webhook on 127.0.0.1 that keeps every message."""
    hook = start_webhook()
    try:
        yield hook
    finally:
        hook.server.stop()


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A redis-server of the module's own on 127.0.0.1, without persistence, stopped at the end."""
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server.url
    finally:
        server.stop()
