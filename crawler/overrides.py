"""`-s NAME=VALUE`: a Scrapy setting for one run, checked as Scrapy and this project read it.

A value that Scrapy would fail to read as a number or a boolean (`DOWNLOAD_DELAY=abc`,
`ROBOTSTXT_OBEY=maybe`) is refused here, with the setting's name, before a crawl starts:
in the crawl process it would only end the pass without saying why. No Scrapy import: the
command line stays quick to start.
"""

from __future__ import annotations

import math

from archive.watchlist import LONGEST, MOST_PAGES


def _names(text: str) -> frozenset[str]:
    """Setting names, written a few to a line."""
    return frozenset(text.split())


# Read with Settings.getint, by Scrapy or by this project.
WHOLE_NUMBERS = _names(
    """
    AWS_MAX_POOL_CONNECTIONS CLOSESPIDER_ERRORCOUNT CLOSESPIDER_ITEMCOUNT CLOSESPIDER_PAGECOUNT
    CLOSESPIDER_PAGECOUNT_NO_ITEM CLOSESPIDER_TIMEOUT_NO_ITEM CONCURRENT_ITEMS
    CONCURRENT_REQUESTS CONCURRENT_REQUESTS_PER_DOMAIN CONCURRENT_REQUESTS_PER_IP DEPTH_LIMIT
    DEPTH_PRIORITY DNSCACHE_SIZE DOWNLOAD_MAXSIZE DOWNLOAD_WARNSIZE FEED_EXPORT_BATCH_ITEM_COUNT
    FEED_EXPORT_INDENT HTTP2_MAX_FRAME_SIZE HTTPCACHE_EXPIRATION_SECS MAIL_PORT
    MEMUSAGE_LIMIT_MB MEMUSAGE_WARNING_MB METAREFRESH_MAXDELAY REACTOR_THREADPOOL_MAXSIZE
    REDIRECT_MAX_TIMES REDIRECT_PRIORITY_ADJUST RETRY_PRIORITY_ADJUST RETRY_TIMES
    SCRAPER_SLOT_MAX_ACTIVE_SIZE URLLENGTH_LIMIT
    """
)
# Read with Settings.getfloat: seconds, or AutoThrottle's concurrency.
NUMBERS = _names(
    """
    AUTOTHROTTLE_MAX_DELAY AUTOTHROTTLE_START_DELAY AUTOTHROTTLE_TARGET_CONCURRENCY
    CLOSESPIDER_TIMEOUT DNS_TIMEOUT DOWNLOAD_DELAY DOWNLOAD_DELAY_JITTER DOWNLOAD_TIMEOUT
    LOGSTATS_INTERVAL MEMUSAGE_CHECK_INTERVAL_SECONDS
    LIVEBLOG_BACKOFF_BASE LIVEBLOG_PASS_TIMEOUT LIVEBLOG_RETRY_AFTER_MAX
    """
)
# Read with Settings.getbool.
SWITCHES = _names(
    """
    AJAXCRAWL_ENABLED AUTOTHROTTLE_DEBUG AUTOTHROTTLE_ENABLED COMPRESSION_ENABLED COOKIES_DEBUG
    COOKIES_ENABLED DEPTH_STATS_VERBOSE DNSCACHE_ENABLED DOWNLOADER_STATS
    DOWNLOAD_FAIL_ON_DATALOSS DOWNLOAD_VERIFY_CERTIFICATES DUPEFILTER_DEBUG HTTPCACHE_ALWAYS_STORE
    HTTPCACHE_ENABLED HTTPCACHE_GZIP HTTPCACHE_IGNORE_MISSING HTTPERROR_ALLOW_ALL
    HTTPPROXY_ENABLED LOG_ENABLED LOG_FILE_APPEND LOG_SHORT_NAMES LOG_STDOUT MEMDEBUG_ENABLED
    MEMUSAGE_ENABLED METAREFRESH_ENABLED RANDOMIZE_DOWNLOAD_DELAY REDIRECT_ENABLED
    REFERER_ENABLED RETRY_ENABLED ROBOTSTXT_OBEY STATS_DUMP TELNETCONSOLE_ENABLED
    LIVEBLOG_CONDITIONAL LIVEBLOG_SNAPSHOTS
    """
)
# Whole numbers whose example is not a small count: sizes in bytes.
EXAMPLES = {"DOWNLOAD_MAXSIZE": str(32 * 1024 * 1024), "DOWNLOAD_WARNSIZE": str(8 * 1024 * 1024)}
# What Settings.getbool reads besides a whole number.
SWITCH_WORDS = ("True", "true", "False", "false")
# A number with bounds of its own: the page limit, as --max-pages takes it.
PAGE_LIMITS = frozenset({"LIVEBLOG_MAX_PAGES"})
# The scale-out worker's own: counts of passes and requests (1 or more), and the seconds
# without a heartbeat after which another worker takes a pass over (more than none).
COUNTS = _names("LIVEBLOG_WORKER_PASSES LIVEBLOG_HOST_CONCURRENCY")
LEASES = _names("LIVEBLOG_LEASE_TIMEOUT")


class OverrideError(ValueError):
    """A -s value that the setting cannot take; the message names the setting."""


def parse_override(text: str) -> tuple[str, str]:
    """NAME=VALUE as (NAME, VALUE), the value checked as Scrapy or the project reads it."""
    name, equals, value = text.partition("=")
    name = name.strip()
    if not equals or not name:
        raise OverrideError(f"{text!r} is not NAME=VALUE: give e.g. -s DOWNLOAD_DELAY=5")
    wanted = _wanted(name, value)
    if wanted is not None:
        kind, example = wanted
        raise OverrideError(f"{name} is {kind}, not {value!r}: give e.g. -s {name}={example}")
    return name, value


def _wanted(name: str, value: str) -> tuple[str, str] | None:
    """What the setting `name` takes and an example, where `value` is not that; None when it
    reads as Scrapy reads it (or the setting is not read as a number or a switch)."""
    if name in PAGE_LIMITS:
        if not _whole(value) or not 1 <= int(value) <= MOST_PAGES:
            return f"a number of pages from 1 to {MOST_PAGES}", "20"
    elif name in COUNTS:
        if not _whole(value) or int(value) < 1:
            return "a whole number, 1 or more", "8"
    elif name in LEASES:
        if not 0 < _seconds(value) <= LONGEST:
            return f"a number of seconds above 0, up to {LONGEST}", "120"
    elif name in WHOLE_NUMBERS:
        if not _whole(value):
            return "a whole number", EXAMPLES.get(name, "2")
    elif name in NUMBERS:
        if not 0 <= _seconds(value) <= LONGEST:  # NaN too
            return f"a number of seconds from 0 to {LONGEST}", "5"
    elif name in SWITCHES and not _whole(value) and value not in SWITCH_WORDS:
        return "True or False (or 1 or 0)", "True"
    return None


def _seconds(value: str) -> float:
    """The number Settings.getfloat reads, NaN where it reads none."""
    try:
        return float(value)
    except ValueError:
        return math.nan


def _whole(value: str) -> bool:
    """Whether Settings.getint reads `value`."""
    try:
        int(value)
    except ValueError:
        return False
    return True
