"""Scale-out past one machine: workers and one archive writer sharing passes through Redis. Only
this package imports redis (not this file), so `liveblog crawl` and `watch` run without it."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


class ClusterError(Exception):
    """One sentence for the user: Redis cannot be reached, or its URL is wrong."""


def shown_url(url: str) -> str:
    """A Redis URL as messages and logs show it: its password (in the address or its query)
    replaced by ***, so a log shared to ask for help gives away no credentials."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return "the Redis URL given"
    netloc = parts.netloc
    if password is not None:
        user, _, host = netloc.rpartition("@")
        name = user.partition(":")[0]
        netloc = f"{name}:***@{host}"
    query = parts.query
    if "password=" in query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode([(k, "***" if k == "password" else v) for k, v in pairs], safe="*")
    if (netloc, query) == (parts.netloc, parts.query):
        return url
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
