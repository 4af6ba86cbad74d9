"""The `liveblog` command: a thin layer over the archive and crawler libraries."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import click

from archive.db import ArchiveError, default_db_path, open_archive
from archive.records import PassResult
from crawler.runner import CrawlError, crawl

DB_HELP = "The archive's SQLite file (default: $LIVEBLOG_DB, else ~/.local/share/liveblog-archive/archive.db)."

# For the sample blog on 127.0.0.1 the polite delays only slow the demo down.
LOCAL_SETTINGS: dict[str, object] = {"AUTOTHROTTLE_START_DELAY": 0, "DOWNLOAD_DELAY": 0}


def db_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=DB_HELP,
    )(func)


def resolve_db(db_path: Path | None) -> Path:
    return (db_path or default_db_path()).expanduser()


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise click.ClickException(
            f"{url!r} is not a web address: give the live blog's http(s) URL."
        )
    return url.strip()


def format_result(result: PassResult) -> str:
    return f"{'ok  ' if result.ok else 'FAIL'}  {result.url}: {result.summary()}"


def run_crawl(
    urls: list[str],
    db_path: Path,
    max_pages: int | None,
    verbose: bool,
    settings: dict[str, object] | None = None,
) -> list[PassResult]:
    """Check the archive opens, then crawl; errors a user can fix become ClickExceptions."""
    try:
        open_archive(db_path).close()
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        return crawl(urls, db_path, max_pages=max_pages, verbose=verbose, settings=settings)
    except CrawlError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group()
@click.version_option(package_name="liveblog-archive")
def cli() -> None:
    """Archive news live blogs faithfully over time, and publish the archive with Datasette."""


@cli.command(name="crawl")
@click.argument("urls", nargs=-1, required=True)
@db_option
@click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    default=None,
    help="Fetch at most this many pages of each blog (default 20).",
)
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log.")
def crawl_command(
    urls: tuple[str, ...], db_path: Path | None, max_pages: int | None, verbose: bool
) -> None:
    """One pass over each blog at URLS: fetch its pages, extract, archive.

    Prints one line per blog; exits 1 when any blog could not be archived.
    """
    checked = [check_url(u) for u in urls]
    results = run_crawl(checked, resolve_db(db_path), max_pages, verbose)
    for result in results:
        click.echo(format_result(result))
    failed = [r for r in results if not r.ok]
    if failed:
        click.echo(f"{len(failed)} of {len(results)} blogs failed.", err=True)
        raise SystemExit(1)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8001,
    show_default=True,
    help="Port to listen on.",
)
def serve(db_path: Path | None, host: str, port: int) -> None:
    """Publish the archive with Datasette (read-only; crawls may write meanwhile)."""
    from archive.publish import serve as serve_archive

    path = resolve_db(db_path)
    if not path.is_file():
        raise click.ClickException(
            f"there is no archive at {path}: run `liveblog crawl URL --db {path}` first."
        )
    try:
        open_archive(path).close()
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    serve_archive(path, host=host, port=port)


@cli.command()
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where the demo archive goes (default: demo/archive.db beside the default archive; replaced).",
)
@click.option(
    "--serve/--no-serve",
    "serve_after",
    default=True,
    show_default=True,
    help="Serve the archive with Datasette after the crawls.",
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address Datasette listens on."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8001,
    show_default=True,
    help="Port Datasette listens on.",
)
def demo(db_path: Path | None, serve_after: bool, host: str, port: int) -> None:
    """Crawl the bundled sample blog as it changes over three passes, then publish the archive."""
    from archive.demo import run_demo

    path = (db_path or default_db_path().parent / "demo" / "archive.db").expanduser()
    try:
        run_demo(
            path,
            echo=click.echo,
            crawl_pass=lambda url: run_crawl([url], path, None, False, LOCAL_SETTINGS)[0],
        )
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    if serve_after:
        from archive.publish import serve as serve_archive

        click.echo(
            f"\nServing the archive with Datasette at http://{host}:{port}/  (Ctrl-C to stop)"
        )
        serve_archive(path, host=host, port=port)
