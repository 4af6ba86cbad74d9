"""Politeness against a real local server: Retry-After, back-off, robots.txt, User-Agent, limits."""

from __future__ import annotations

import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from crawler.process import crawl
from crawler.sample import TITLE, UPDATES, render_page
from crawler.sample.site import LocalServer
from tests.helpers import crawl_local
from tests.hosts import Host

pytestmark = pytest.mark.slow  # crawls that wait as a server asks

PATH = "/live"


class Site:
    """A one-page blog whose answers the test scripts: statuses to send first, robots rules."""

    def __init__(self) -> None:
        self.script: list[tuple[int, dict[str, str]]] = []
        self.robots = "User-agent: *\nAllow: /\n"
        self.hits: list[tuple[float, str, str]] = []
        self.big = False
        handler = self._handler()
        self.server = LocalServer(handler)
        self.origin = self.server.origin
        self.server.start()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.hits.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
                if self.path == "/robots.txt":
                    return self._send(200, site.robots.encode(), {})
                if self.path != PATH:
                    return self._send(404, b"no", {})
                if site.script:
                    status, headers = site.script.pop(0)
                    return self._send(status, b"busy", headers)
                body = render_page(TITLE, PATH, site.origin, UPDATES, page=1, page_size=10) or b""
                if site.big:
                    body = body.replace(b"</body>", b"<!--" + b"x" * 3_000_000 + b"--></body>")
                return self._send(200, body, {"Content-Type": "text/html; charset=utf-8"})

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                """Quiet."""

        return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.server.stop()


def run(site: Site, db: Path, **settings: Any) -> Any:
    base = {"AUTOTHROTTLE_START_DELAY": 0, "DOWNLOAD_DELAY": 0, "LIVEBLOG_BACKOFF_BASE": 0.2}
    [result] = crawl([site.origin + PATH], db, settings={**base, **settings}, timeout=120)
    return result


def page_hits(site: Site) -> list[float]:
    return [t for t, path, _ in site.hits if path == PATH]


def test_503_with_retry_after_is_retried_after_the_pause_it_asks(site: Site, db_path: Path) -> None:
    site.script = [(503, {"Retry-After": "1"}), (429, {"Retry-After": "1"})]
    result = run(site, db_path)
    assert result.ok and result.new == 5
    hits = page_hits(site)
    assert len(hits) == 3
    assert hits[1] - hits[0] >= 0.9 and hits[2] - hits[1] >= 0.9


def test_without_retry_after_the_pause_doubles(site: Site, db_path: Path) -> None:
    site.script = [(502, {}), (502, {})]
    result = run(site, db_path, LIVEBLOG_BACKOFF_BASE=0.4)
    assert result.ok
    hits = page_hits(site)
    assert hits[1] - hits[0] >= 0.35 and hits[2] - hits[1] >= 0.75


def test_a_long_retry_after_fails_the_pass_now(site: Site, db_path: Path) -> None:
    site.script = [(503, {"Retry-After": "3600"})]
    started = time.monotonic()
    result = run(site, db_path)
    assert not result.ok and result.error.startswith("HTTP 503 from")
    assert len(page_hits(site)) == 1 and time.monotonic() - started < 30


def test_robots_txt_disallow_is_obeyed_and_reported(site: Site, db_path: Path) -> None:
    site.robots = "User-agent: *\nDisallow: /live\n"
    result = run(site, db_path)
    assert not result.ok and "robots.txt" in result.error
    assert page_hits(site) == []


def test_user_agent_names_the_project_and_the_contact(site: Site, db_path: Path) -> None:
    run(site, db_path, LIVEBLOG_CONTACT="mailto:archive@example.org")
    agents = {ua for _, path, ua in site.hits if path == PATH}
    assert len(agents) == 1
    [agent] = agents
    assert agent.startswith("liveblog-archive/") and agent.endswith("(+mailto:archive@example.org)")


def test_responses_over_the_size_limit_fail_the_pass(site: Site, db_path: Path) -> None:
    site.big = True
    result = run(site, db_path, DOWNLOAD_MAXSIZE=1_000_000, DOWNLOAD_WARNSIZE=0)
    assert not result.ok and "size limit" in result.error


def test_robots_txt_holds_for_every_blog_of_a_host_crawled_together(tmp_path: Path) -> None:
    """Requests that wait together for one host's robots.txt are each checked against it."""
    host = Host()
    host.server.start()
    try:
        paths = ["/live/1", "/live/2", "/private/blog", "/live/3"]
        results = {r.url: r for r in crawl_local([host.url(p) for p in paths], tmp_path / "a.db")}
    finally:
        host.server.stop()
    assert "robots.txt" in (results[host.url("/private/blog")].error or "")
    assert all(results[host.url(p)].ok for p in paths if p != "/private/blog")
    assert [p for _, p, _ in host.log if p.startswith("/private/")] == []
