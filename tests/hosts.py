"""One publisher's host for politeness tests: several live blogs, a busy one, a forbidden one."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler
from typing import Any

from crawler.sample.site import LocalServer, render_page, send
from tests.evolving import make_update

DELAY = 0.3  # seconds each page takes: long enough for requests to overlap without a limit
RETRY_AFTER = 2


class Host:
    """One publisher: live blogs at /live/N, one at /live/busy that first answers 503 with a
    Retry-After, one under /private/ that robots.txt forbids; every request logged in order."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most = 0
        # (monotonic time the request arrived, path, status), in the order answered.
        self.log: list[tuple[float, str, int]] = []
        self.answered_503: list[float] = []  # monotonic times 503s were sent
        self.busy_once = True
        self.server = LocalServer(self._handler())

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                arrived = time.monotonic()
                with host.lock:
                    host.in_flight += 1
                    host.most = max(host.most, host.in_flight)
                try:
                    status, body, headers = host.answer(self.path)
                    if self.path != "/robots.txt":
                        time.sleep(DELAY)
                    with host.lock:
                        host.log.append((arrived, self.path, status))
                        if status == 503:
                            host.answered_503.append(time.monotonic())
                    send(self, status, body, "text/html; charset=utf-8", headers=headers)
                finally:
                    with host.lock:
                        host.in_flight -= 1

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

        return Handler

    def answer(self, path: str) -> tuple[int, bytes, dict[str, str]]:
        if path == "/robots.txt":
            return 200, b"User-agent: *\nDisallow: /private/\n", {}
        if path == "/live/busy":
            with self.lock:
                busy, self.busy_once = self.busy_once, False
            if busy:
                return 503, b"busy", {"Retry-After": str(RETRY_AFTER)}
        n = sum(map(ord, path)) % 50 + 1
        body = render_page(f"Blog {path}", path, self.server.origin, [make_update(n)], 1, 3)
        assert body is not None
        return 200, body, {}

    def url(self, path: str) -> str:
        return f"{self.server.origin}{path}"
