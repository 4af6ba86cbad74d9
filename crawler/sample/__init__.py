"""The sample live blog bundled with the package: the seed's five updates, served locally."""

from __future__ import annotations

from crawler.sample.calais import CANONICAL, PATH, TITLE, UPDATES, demo_states
from crawler.sample.site import SampleBlog, SampleUpdate, render_page


def calais_blog(updates: list[SampleUpdate] | None = None, port: int = 0) -> SampleBlog:
    """The seed blog as a server (not started), showing `updates` or the final five; its pages
    name ITV News's address as their canonical one."""
    return SampleBlog(
        UPDATES if updates is None else updates,
        title=TITLE,
        path=PATH,
        port=port,
        canonical=CANONICAL,
    )


__all__ = [
    "CANONICAL",
    "PATH",
    "TITLE",
    "UPDATES",
    "SampleBlog",
    "SampleUpdate",
    "calais_blog",
    "demo_states",
    "render_page",
]
