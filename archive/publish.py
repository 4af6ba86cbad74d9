"""Publishing the archive with Datasette: the metadata it reads and the options it runs with."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

# The database key metadata.yml documents its tables under: Datasette names a database
# after its file's stem, and the default archive is archive.db.
METADATA_DB_KEY = "archive"

DATASETTE_SETTINGS = {
    # Suggested facets cost ~700 ms on every table page of a 100k-row archive.
    "suggest_facets": "off",
    # Analysts' ad-hoc SQL gets a bound, so one query cannot stall the server.
    "sql_time_limit_ms": "3000",
    "default_page_size": "50",
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
    argv = ["serve", str(db_path), "--metadata", meta_file, "--host", host, "--port", str(port)]
    for key, value in DATASETTE_SETTINGS.items():
        argv += ["--setting", key, value]
    return argv


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette on the archive until interrupted."""
    from datasette.cli import cli as datasette_cli

    datasette_cli.main(args=datasette_argv(db_path, host, port), prog_name="datasette")
