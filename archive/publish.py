"""Publishing the archive with Datasette: the metadata it reads and the options it runs with.

Datasette opens a mutable database file with `mode=ro` and the archive is in WAL mode, so the
server only ever reads, and reads the last committed state while a crawl writes.
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import tempfile
from pathlib import Path
from types import FrameType
from typing import Any

import yaml

from archive.db import read_only_uri

# The database key metadata.yml documents its tables under: Datasette names a database
# after its file's stem, and the default archive is archive.db.
METADATA_DB_KEY = "archive"

DATASETTE_SETTINGS = {
    # Suggested facets cost ~700 ms on every table page of a 100k-row archive.
    "suggest_facets": "off",
    # Analysts' ad-hoc SQL gets a bound, so one query cannot stall the server.
    "sql_time_limit_ms": "3000",
    "default_page_size": "50",
    # A facet on a million updates (by day, say) needs ~300 ms; the default 200 ms cut it off.
    "facet_time_limit_ms": "1000",
    # A table page shows the start of a long body, not the whole of it, in each row.
    "truncate_cells_html": "300",
}


def metadata_path() -> Path:
    """metadata.yml: inside the installed package, else at the repository root."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "metadata.yml", here.parent / "metadata.yml"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("metadata.yml is missing from the installation")


def metadata_for(db_path: Path) -> dict[str, Any]:
    """metadata.yml with its table documentation keyed to this database's name."""
    data: dict[str, Any] = yaml.safe_load(metadata_path().read_text(encoding="utf-8")) or {}
    databases = data.get("databases") or {}
    name = db_path.stem
    if METADATA_DB_KEY in databases and name != METADATA_DB_KEY:
        databases[name] = databases.pop(METADATA_DB_KEY)
    return data


def datasette_argv(db_path: Path, host: str, port: int) -> list[str]:
    """The `datasette serve` arguments for this archive (the metadata is written to a temp file)."""
    fd, meta_file = tempfile.mkstemp(prefix="liveblog-metadata-", suffix=".yml")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        yaml.safe_dump(metadata_for(db_path), out, sort_keys=False, allow_unicode=True)
    # Datasette reads a mutable file with mode=ro; in a read-only folder it must be told the
    # archive is immutable (read_only_uri says when; a -wal there is read from a copy, which
    # checked_archive makes).
    database = ["-i", str(db_path)] if "immutable=1" in read_only_uri(db_path) else [str(db_path)]
    argv = ["serve", *database, "--metadata", meta_file, "--host", host, "--port", str(port)]
    for key, value in DATASETTE_SETTINGS.items():
        argv += ["--setting", key, value]
    return argv


class ListenError(Exception):
    """Datasette could not listen where it is asked to: the message says what to give instead."""


def check_port(host: str, port: int, command: str) -> None:
    """Before serving (and before the demo's crawls): Datasette can listen on host:port, else
    which --host or --port `liveblog COMMAND` should be given."""
    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ListenError(
            f"cannot listen on {host!r}, which names no address ({exc.strerror}): give "
            f"`liveblog {command} --host` an address of this machine, e.g. 127.0.0.1."
        ) from exc
    try:
        with socket.create_server((host, port), family=family):
            return
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            # create_server's own message repeats the address: the reason alone is enough.
            reason = os.strerror(exc.errno) if exc.errno else str(exc)
            raise ListenError(f"cannot listen on {host}:{port} ({reason}).") from exc
        with socket.create_server((host, 0), family=family) as spare:
            free = spare.getsockname()[1]
        raise ListenError(
            f"port {port} on {host} is taken: give another, e.g. `liveblog {command} --port {free}`."
        ) from exc


def ensure_plugin() -> None:
    """The archive's Datasette plugin, loaded even when no entry point registered it (a checkout)."""
    from datasette.plugins import pm

    import archive.web

    if not pm.is_registered(archive.web):
        pm.register(archive.web, name="liveblog-archive")


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette on the archive until interrupted (`checked_archive` gives the path)."""
    from datasette.cli import cli as datasette_cli

    ensure_plugin()
    argv = datasette_argv(db_path, host, port)
    # Uvicorn shuts down on SIGTERM, then raises it again; exiting through SystemExit instead
    # lets the temporary metadata file go.
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        datasette_cli.main(args=argv, prog_name="datasette")
    finally:
        signal.signal(signal.SIGTERM, previous)
        Path(argv[argv.index("--metadata") + 1]).unlink(missing_ok=True)


def _exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    """SIGTERM after the server has stopped: a normal end (status 0), with cleanup run."""
    raise SystemExit(0)
