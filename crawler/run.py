"""The crawl process that `liveblog crawl` starts: one Scrapy run over the given blogs.

Running Scrapy in a child process keeps Twisted's reactor (which cannot restart) out of
the CLI, so the demo, the watch loop and the tests can run pass after pass.
"""

from __future__ import annotations

import argparse
import json

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.spiders.liveblog import LiveblogSpider


def crawl_settings(overrides: dict[str, object] | None = None) -> Settings:
    """The project's settings with the caller's overrides on top, whatever the working directory."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.run")
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--db", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--max-pages", type=int, default=None)
    parser.add_argument("--settings", default="{}", help="JSON object of Scrapy setting overrides")
    args = parser.parse_args(argv)
    overrides = json.loads(args.settings)
    overrides.update({"ARCHIVE_DB": args.db, "LIVEBLOG_RESULTS": args.results})
    if args.max_pages is not None:
        overrides["LIVEBLOG_MAX_PAGES"] = args.max_pages
    process = CrawlerProcess(crawl_settings(overrides))
    process.crawl(LiveblogSpider, urls=args.urls)
    process.start()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
