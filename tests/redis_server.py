"""A real redis-server on 127.0.0.1 for the scale-out's tests: no persistence, a port of its own,
and a restart that comes back empty on the same port (what a crashed Redis does)."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from tests.helpers import free_port


class RedisServer:
    """Debian's redis-server, started and stopped by the test."""

    def __init__(self, folder: Path) -> None:
        server = shutil.which("redis-server")
        assert server, "redis-server is missing: install Debian's (apt-get install redis-server)."
        self.argv = [server, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        argv = [*self.argv, "--port", str(self.port), "--dir", str(self.folder)]
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
        # Imported here: conftest loads this module in runs without the cluster extra too.
        import redis

        client = redis.Redis.from_url(self.url)
        try:
            for _ in range(200):
                try:
                    client.ping()
                    return
                except redis.ConnectionError:
                    time.sleep(0.05)
            raise AssertionError(f"redis-server did not answer on port {self.port}")
        finally:
            client.close()

    def kill(self) -> None:
        """Gone at once, with everything it held (no persistence)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def restart(self) -> None:
        self.kill()
        self.start()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
