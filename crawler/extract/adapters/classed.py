"""Posts whose parts carry a class each (title, body, author) and a <time>: Sky, Telegraph."""

from __future__ import annotations

from dataclasses import dataclass

from archive.records import Update
from crawler.extract.clean import author_names
from crawler.extract.dom import Element, text_of
from crawler.extract.entries import html_update
from crawler.extract.instant import machine_time


@dataclass(frozen=True)
class PostClasses:
    """The class names that mark a publisher's post parts."""

    title: str
    body: str
    author: str | tuple[str, ...]  # (several names for it: any one)
    # Only a <time datetime="…"> counts (a bare <time> may be a label).
    time_needs_datetime: bool = False


def classed_post(post: Element, url: str, classes: PostClasses, source_id: str | None) -> Update:
    """One post read by its parts' classes, the first of each kind winning."""
    title = body = author = time_el = None
    for element in post.iter():
        if not isinstance(element.tag, str):
            continue
        cls = element.get("class") or ""
        if element.tag == "time" and time_el is None:
            if element.get("datetime") or not classes.time_needs_datetime:
                time_el = element
        elif classes.title in cls and title is None:
            title = element
        elif classes.body in cls and body is None:
            body = element
        elif author is None and _names(classes.author, cls):
            author = element
    return html_update(
        page_url=url,
        body=body,
        source_id=source_id,
        headline=text_of(title) or None,
        published_at=machine_time(time_el.get("datetime")) if time_el is not None else None,
        shown=time_el,
        authors=author_names(text_of(author)) if author is not None else [],
        pinned="pinned" in (post.get("class") or ""),
    )


def _names(names: str | tuple[str, ...], cls: str) -> bool:
    """Whether a class attribute holds the name, or one of the names."""
    if isinstance(names, str):
        return names in cls
    return any(name in cls for name in names)
