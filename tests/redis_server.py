"""A real redis-server on 127.0.0.1 for the scale-out's tests: no persistence, a port of its own,
and a restart that comes back empty on the same port (what a crashed Redis does)."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import threading
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


class RedisProxy:
    """A TCP proxy on 127.0.0.1 in front of a redis-server. `cut` is a network partition (Redis
    keeps its data: connections dropped, new ones refused); `heal` listens again on the same
    port. With `cut_after_ping`, it cuts itself at the first command after the first PING:
    Redis lost just after a command checked that it answers."""

    def __init__(self, target_port: int, *, cut_after_ping: bool = False) -> None:
        self.target_port = target_port
        self.cut_after_ping = cut_after_ping
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.pinged = False
        self.listener: socket.socket | None = None
        self.open: list[socket.socket] = []
        self.lock = threading.Lock()

    def heal(self) -> None:
        """Listens (again) on the proxy's port."""
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    start = heal

    def cut(self) -> None:
        """Every connection dropped, and none taken until `heal`."""
        with self.lock:
            listener, self.listener = self.listener, None
            sockets, self.open = self.open, []
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    stop = cut

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self.lock:
                if self.listener is not listener:
                    client.close()
                    server.close()
                    return
                self.open += [client, server]
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, asked: bool) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                with contextlib.suppress(OSError):
                    target.shutdown(socket.SHUT_WR)
                return
            if asked and self.cut_after_ping:
                if self.pinged:
                    self.cut()
                    return
                self.pinged = b"PING" in data.upper()
            try:
                target.sendall(data)
            except OSError:
                return
