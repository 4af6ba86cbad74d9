"""Scrapy settings for the liveblog crawler: polite by default.

Read by `scrapy crawl liveblog` (through scrapy.cfg) and by `liveblog crawl`. Nothing
here reads files or depends on the working directory; the archive path comes from the
ARCHIVE_DB setting, else the LIVEBLOG_DB environment variable, else the default path.
"""

from __future__ import annotations

from scrapy.settings import default_settings


def _scrapy_base_without(setting: str, component: str) -> dict[str, int]:
    """Scrapy's own base list `setting`, without one component: what stays follows Scrapy."""
    base: dict[str, int] = getattr(default_settings, setting)
    return {path: order for path, order in base.items() if path != component}


BOT_NAME = "liveblog-archive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Who we are and how to reach us: publishers read this in their logs. The User-Agent is
# "liveblog-archive/<version> (+<LIVEBLOG_CONTACT>)" unless USER_AGENT is set.
LIVEBLOG_CONTACT = "https://github.com/liveblog-archive/liveblog-archive"

ROBOTSTXT_OBEY = True

# One blog is a chain of pages fetched one after another; be gentle with each site.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
# Seconds before the first retry of a 429/5xx/timeout, doubled each time, unless the server
# says Retry-After; a Retry-After longer than LIVEBLOG_RETRY_AFTER_MAX fails the pass now.
LIVEBLOG_BACKOFF_BASE = 2.0
LIVEBLOG_RETRY_AFTER_MAX = 120.0
# Seconds a pass over one blog may take, all its pages and retries included: then it fails.
LIVEBLOG_PASS_TIMEOUT = 600.0

# Only http and https are fetched: Scrapy's handlers for file:, ftp:, s3: and data: are off,
# so no link or redirect can read a local file or hang on an FTP server. What remains (the
# HTTP/1.1 handler, for both) holds every response to DOWNLOAD_MAXSIZE.
DOWNLOAD_HANDLERS = {"file": None, "ftp": None, "s3": None, "data": None}

DOWNLOADER_MIDDLEWARES = {
    # First of all: nothing outside the blog's own site is fetched, not even its robots.txt.
    "crawler.middlewares.FetchBoundaryMiddleware": 40,
    # Every request waiting for a host's robots.txt is checked against it (Scrapy's own lets
    # all but the first through while it is in flight).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.SharedRobotsTxtMiddleware": 100,
    # After robots.txt is read and DOWNLOAD_TIMEOUT is set: the time left is what counts.
    "crawler.middlewares.PassDeadlineMiddleware": 360,
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "crawler.middlewares.ContactUserAgentMiddleware": 500,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
}
# Cookies are off (below), and their middleware is not even loaded: its module imports
# tldextract and requests, a tenth of a second of every crawl process's start. Scrapy imports
# each class that DOWNLOADER_MIDDLEWARES or EXTENSIONS names, even to turn it off (None), so
# it is left out of Scrapy's own base list instead, which Scrapy reads without importing.
DOWNLOADER_MIDDLEWARES_BASE = _scrapy_base_without(
    "DOWNLOADER_MIDDLEWARES_BASE", "scrapy.downloadermiddlewares.cookies.CookiesMiddleware"
)

# Every pass is fresh: no HTTP cache, no duplicate filter across passes.
HTTPCACHE_ENABLED = False
COOKIES_ENABLED = False
# No consoles: a cron pass needs no telnet or HTTP server (Scrapy 2.19's remote control runs
# code sent to it, and writes a job file into the user's profile) listening while it crawls.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# Nor is the remote control loaded: its module imports aiohttp, a sixth of a second of every
# crawl process's start for an extension that then stays off.
EXTENSIONS_BASE = _scrapy_base_without(
    "EXTENSIONS_BASE", "scrapy.extensions.remote_control.RemoteControl"
)

ITEM_PIPELINES = {"crawler.pipelines.ArchivePipeline": 300}

# The archive: a path to the SQLite file ("" means LIVEBLOG_DB, else the default path).
ARCHIVE_DB = ""
# How many pages of one blog a pass fetches at most (the first page included).
LIVEBLOG_MAX_PAGES = 20
# Send each page's stored ETag / Last-Modified, and skip extraction of unchanged pages.
LIVEBLOG_CONDITIONAL = True
# Keep every response's raw bytes as WARC records next to the archive (re-extraction).
LIVEBLOG_SNAPSHOTS = True
# Where `liveblog crawl` asks the pipeline to write one JSON line per blog pass.
LIVEBLOG_RESULTS = ""

LOG_LEVEL = "INFO"

# The scale-out's workers (`liveblog worker`, crawler/cluster/): passes one worker does at
# once, and seconds a pass stays leased without its worker's heartbeat before another worker
# may take it over.
LIVEBLOG_WORKER_PASSES = 8
LIVEBLOG_LEASE_TIMEOUT = 120.0
# Requests in flight to one publisher host across the whole cluster.
LIVEBLOG_HOST_CONCURRENCY = 2
