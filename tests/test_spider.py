"""The spider at two levels: its callback on a saved response, and `scrapy crawl` for real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse
from sqlite_utils import Database

from archive.records import ENDPOINT_MISSING, BlogPass
from crawler.extract.endpoints import Endpoint
from crawler.middlewares import FetchBoundaryMiddleware, PassStopped
from crawler.process import crawl_settings
from crawler.sample import PATH, TITLE, UPDATES, render_page
from crawler.sample.site import SampleBlog
from crawler.spiders import liveblog
from crawler.spiders.liveblog import ENDPOINT, LiveblogSpider, PassState
from tests.helpers import ROOT, env_with_root

ORIGIN = "https://www.itv.com"


def response_for(page: int, state: PassState) -> HtmlResponse:
    url = ORIGIN + PATH + ("" if page == 1 else f"?page={page}")
    body = render_page(TITLE, PATH, ORIGIN, UPDATES, page=page)
    assert body is not None
    return HtmlResponse(
        url=url, body=body, encoding="utf-8", request=Request(url, meta={"pass": state})
    )


def test_parse_follows_load_more_then_yields_one_complete_pass() -> None:
    spider = LiveblogSpider(url=ORIGIN + PATH, max_pages=5)
    state = PassState(
        BlogPass(url=ORIGIN + PATH, started_at="t0", finished_at=""),
        max_pages=5,
        visited={ORIGIN + PATH},
    )
    [request] = list(spider.parse_page(response_for(1, state)))
    assert isinstance(request, Request) and request.url == ORIGIN + PATH + "?page=2"
    [item] = list(spider.parse_page(response_for(2, state)))
    assert isinstance(item, BlogPass) and item.complete and item.error is None
    assert [u.headline for u in item.updates] == [u.headline for u in UPDATES]
    assert [p.updates for p in item.pages] == [3, 2]
    assert item.publisher == "ITV News"


def test_parse_stops_at_the_page_limit_as_an_incomplete_pass() -> None:
    spider = LiveblogSpider(url=ORIGIN + PATH, max_pages=1)
    state = PassState(BlogPass(url=ORIGIN + PATH, started_at="t0", finished_at=""), max_pages=1)
    [item] = list(spider.parse_page(response_for(1, state)))
    assert isinstance(item, BlogPass) and not item.complete and len(item.updates) == 3


def test_an_older_link_to_another_site_is_refused_with_a_sentence() -> None:
    """Not dropped in silence: the pages behind it would be missing from a "complete" pass."""
    body = render_page(TITLE, PATH, ORIGIN, UPDATES, page=1)
    assert body is not None
    hostile = body.replace(
        f'href="{PATH}?page=2"'.encode(), b'href="https://elsewhere.example/next"'
    )
    spider = LiveblogSpider(url=ORIGIN + PATH)
    state = PassState(BlogPass(url=ORIGIN + PATH, started_at="t0", finished_at=""), max_pages=5)
    url = ORIGIN + PATH
    response = HtmlResponse(
        url=url, body=hostile, encoding="utf-8", request=Request(url, meta={"pass": state})
    )
    [request] = list(spider.parse_page(response))
    assert isinstance(request, Request) and request.url == "https://elsewhere.example/next"
    with pytest.raises(PassStopped) as refused:
        FetchBoundaryMiddleware().process_request(request)
    assert str(refused.value) == (
        "refused to follow a link to https://elsewhere.example/next, off the blog's site "
        "https://www.itv.com: only http and https pages on the blog's own site are fetched"
    )


def _broken(*args: object, **kwargs: object) -> None:
    raise ValueError("a fault planted by the test")


def test_a_fault_in_extraction_fails_that_pass_with_a_sentence_and_keeps_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Extraction that raises on a page (a bug, whatever the page holds) fails that blog's
    pass with one sentence, as a failed fetch does; the page's bytes stay for its snapshot,
    without the validators that would let the next pass skip it as unchanged."""
    monkeypatch.setattr(liveblog, "extract_reading", _broken)
    spider = LiveblogSpider(url=ORIGIN + PATH, max_pages=5)
    state = PassState(BlogPass(url=ORIGIN + PATH, started_at="t0", finished_at=""), max_pages=5)
    [item] = list(spider.parse_page(response_for(1, state)))
    assert isinstance(item, BlogPass) and not item.complete and item.updates == []
    assert item.error == (
        f"could not read {ORIGIN + PATH}: ValueError: a fault planted by the test (a fault in "
        "liveblog-archive's extraction; the page is kept as a snapshot, and the next pass "
        "reads it again)"
    )
    [page] = item.pages
    assert page.body and page.body.startswith(b"<!DOCTYPE html>")
    assert page.body_sha256 is None and page.etag is None and page.last_modified is None


def test_a_fault_in_an_endpoints_reader_leaves_the_pass_incomplete(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spider = LiveblogSpider(url=ORIGIN + PATH, max_pages=5)
    state = PassState(BlogPass(url=ORIGIN + PATH, started_at="t0", finished_at=""), max_pages=5)
    list(spider.parse_page(response_for(1, state)))  # the blog's first page, read
    monkeypatch.setattr(liveblog, "read", _broken)
    url = "https://data.example/api/posts.json"
    response = TextResponse(
        url=url,
        body=b'{"posts": []}',
        encoding="utf-8",
        request=Request(url, meta={"pass": state, ENDPOINT: Endpoint(url, "24liveblog")}),
    )
    [item] = list(spider.parse_endpoint(response))
    assert isinstance(item, BlogPass) and not item.complete and item.error is None
    assert item.incomplete_reason == ENDPOINT_MISSING
    assert item.pages[0].body_sha256 is None  # the next pass reads the first page again


@pytest.mark.slow
def test_scrapy_crawl_command_archives_from_the_repository_root(
    sample_blog: SampleBlog, tmp_path: Path
) -> None:
    db = tmp_path / "via-scrapy.db"
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "liveblog",
            "-a",
            f"url={sample_blog.url}",
            "-s",
            f"ARCHIVE_DB={db}",
            "-s",
            "AUTOTHROTTLE_START_DELAY=0",
            "-s",
            "LOG_LEVEL=INFO",
        ],
        cwd=ROOT,
        env=env_with_root(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    assert "'archive/new': 5" in out.stderr
    assert Database(db)["updates"].count == 5


@pytest.mark.slow
def test_no_console_and_no_cookie_middleware_is_even_loaded() -> None:
    """No telnet or remote-control console listens while a pass crawls, and what is off is not
    imported either: the remote control's aiohttp and the cookie middleware's tldextract were
    a third of a second of every crawl process's start."""
    settings = crawl_settings()
    extensions = settings.getwithbase("EXTENSIONS")
    assert "scrapy.extensions.remote_control.RemoteControl" not in extensions
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")
    middlewares = settings.getwithbase("DOWNLOADER_MIDDLEWARES")
    assert "scrapy.downloadermiddlewares.cookies.CookiesMiddleware" not in middlewares
    assert not settings.getbool("COOKIES_ENABLED")
    # What stays is Scrapy's own list otherwise: statistics, the throttle, compression.
    assert "scrapy.extensions.throttle.AutoThrottle" in extensions
    assert "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware" in middlewares
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            # What Scrapy does with the lists when a crawl starts: read them (which imports
            # every class named to override Scrapy's own) and load each class in them.
            "import sys\n"
            "from scrapy.utils.conf import build_component_list\n"
            "from scrapy.utils.misc import load_object\n"
            "from crawler.process import crawl_settings\n"
            "settings = crawl_settings()\n"
            "for name in ('EXTENSIONS', 'DOWNLOADER_MIDDLEWARES', 'SPIDER_MIDDLEWARES'):\n"
            "    for path in build_component_list(settings.getwithbase(name)):\n"
            "        load_object(path)\n"
            "print(sorted(m for m in ('aiohttp', 'tldextract') if m in sys.modules))",
        ],
        env=env_with_root(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert loaded.stdout.strip() == "[]", loaded.stderr
