"""Scale-out past one machine: workers and one archive writer sharing passes through Redis. Only
this package imports redis (not this file), so `liveblog crawl` and `watch` run without it."""


class ClusterError(Exception):
    """One sentence for the user: Redis cannot be reached, or its URL is wrong."""
