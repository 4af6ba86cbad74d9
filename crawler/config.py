"""Settings the spider and the pipeline both read, resolved in one place."""

from __future__ import annotations

from pathlib import Path

from scrapy.settings import BaseSettings

from archive.db import default_db_path


def archive_path(settings: BaseSettings) -> Path:
    """ARCHIVE_DB, else $LIVEBLOG_DB, else the default archive path."""
    configured = settings.get("ARCHIVE_DB") or ""
    return Path(configured).expanduser() if configured else default_db_path()
