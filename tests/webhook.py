"""A webhook on 127.0.0.1 that keeps what Apprise posts to it: the alerts' tests read it."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from crawler.sample.site import LocalServer


@dataclass
class Webhook:
    """An HTTP endpoint on 127.0.0.1 that keeps every JSON message posted to it."""

    server: LocalServer
    messages: list[dict[str, Any]] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The Apprise URL that posts to it (json:// is Apprise's plain JSON webhook)."""
        return self.server.origin.replace("http://", "json://") + "/hook"

    def wait(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return list(self.messages)


def start_webhook() -> Webhook:
    """A webhook listening on a port of its own; stop it with `hook.server.stop()`."""
    hook: Webhook

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            hook.messages.append(json.loads(self.rfile.read(length) or b"{}"))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet: the test reads `messages`."""

    hook = Webhook(LocalServer(Handler))
    hook.server.start()
    return hook
