"""Shared fixtures: a fresh archive file per test, the sample blog on 127.0.0.1, and each
backend of extraction's walks for extraction's tests."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.records import PassResult
from crawler.extract import walks
from crawler.process import crawl
from crawler.sample import SampleBlog, calais_blog

ROOT = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).resolve().parent / "pages"

# The sample blog is local: no reason to wait between its pages.
LOCAL = {"AUTOTHROTTLE_START_DELAY": 0, "DOWNLOAD_DELAY": 0, "RETRY_TIMES": 0}
# The same, as `liveblog crawl` and `watch` take settings on their command line.
LOCAL_ARGS = [arg for name, value in LOCAL.items() for arg in ("-s", f"{name}={value}")]


def pytest_configure(config: pytest.Config) -> None:
    """Declares the marker pytest_generate_tests reads."""
    config.addinivalue_line(
        "markers",
        "own_backends: chooses the backends of the walks itself (compares them, or starts a "
        "Python of its own), so runs once rather than once per backend",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Extraction's tests (test_extract_*.py) run once on each backend of the walks that this
    Python can run: compiled and pure Python, or pure Python alone without the accelerator."""
    module = metafunc.module.__name__.rpartition(".")[2]
    if module.startswith("test_extract_") and not metafunc.definition.get_closest_marker(
        "own_backends"
    ):
        metafunc.parametrize("walks_backend", walks.AVAILABLE, indirect=True, scope="module")


@pytest.fixture(scope="module", autouse=True)
def walks_backend(request: pytest.FixtureRequest) -> Iterator[str]:
    """The backend of the walks the tests run on; switched back when they are done."""
    previous = walks.BACKEND
    backend = getattr(request, "param", previous)
    walks.use(backend)
    yield backend
    walks.use(previous)


@pytest.fixture(autouse=True)
def _isolated_default_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the user's real archive through the default path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("LIVEBLOG_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def sample_blog() -> Iterator[SampleBlog]:
    with calais_blog() as blog:
        yield blog


def crawl_local(urls: list[str], db: Path, **kwargs: object) -> list[PassResult]:
    """One pass through the real Scrapy process, without the polite delays."""
    return crawl(urls, db, settings=dict(LOCAL), timeout=120, **kwargs)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def env_with_root() -> dict[str, str]:
    """The environment for child processes that must import this checkout."""
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
