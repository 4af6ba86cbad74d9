"""`liveblog demo`: the sample blog changes over three passes and the archive keeps up."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from archive.db import ArchiveError, NoHomeError, check_room, default_db_path, open_archive
from archive.queries import blog_updates, counts
from archive.records import PassResult
from crawler.process import crawl
from crawler.sample import calais_blog, demo_states
from crawler.words import counted

# For the sample blog on 127.0.0.1 the polite delays only slow the demo down.
LOCAL_SETTINGS: dict[str, object] = {"AUTOTHROTTLE_START_DELAY": 0, "DOWNLOAD_DELAY": 0}

STORY = [
    "the blog as first seen: four updates, older ones behind 'Load more updates'",
    "a new update at the top pushes the others down",
    "the Belgium update is edited (a paragraph added)",
]


def demo_db_path() -> Path:
    """Where the demo archive goes unless told: demo/archive.db beside the default archive."""
    return default_db_path().parent / "demo" / "archive.db"


def fresh_db(path: Path) -> None:
    """The demo writes a new archive; it replaces only its own default file."""
    if path.exists():
        try:
            own = path.resolve() == demo_db_path().resolve()
        except NoHomeError:  # --db given without a home folder: no default file to replace
            own = False
        if not own:
            raise ArchiveError(
                f"{path} exists: the demo needs a new file; remove it or give another --db."
            )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def run_demo(path: Path, echo: Callable[[str], None]) -> list[PassResult]:
    """Serve the sample blog locally, change it between passes, crawl each time, show the archive."""
    fresh_db(path)
    open_archive(path).close()  # a path it cannot write is one sentence now, not after a crawl
    check_room(path)
    results: list[PassResult] = []
    with calais_blog() as blog:
        echo(f"Sample live blog (ITV News, Calais, 24 October 2016) at {blog.url}")
        echo(f"Archive: {path}\n")
        for number, (state, story) in enumerate(zip(demo_states(), STORY, strict=True), start=1):
            blog.show(state)
            result = crawl([blog.url], path, settings=LOCAL_SETTINGS)[0]
            results.append(result)
            echo(f"pass {number}: {story}")
            echo("  " + result.summary())
            if not result.ok:
                raise ArchiveError(f"the demo's pass {number} failed: {result.error}")
        db = open_archive(path)
        try:
            echo("\nThe archive now holds:")
            for row in blog_updates(db, blog.url):
                media = ", ".join(sorted({m["type"] for m in json.loads(row["media"] or "[]")}))
                versions = counted(row["version"], "version")
                echo(
                    f"  {row['published_at']}  {versions:<10}  {row['headline']}"
                    + (f"  [{media}]" if media else "")
                )
            totals = counts(db)
            echo(
                f"\n{counted(totals['blogs'], 'blog')}, {counted(totals['updates'], 'update')}, "
                f"{counted(totals['update_versions'], 'version')}, "
                f"{counted(totals['fetches'], 'pass')} in the fetch log."
            )
        finally:
            db.close()
    return results
