"""Arena's live blog data: `cached-api.arena.im/v1/liveblog/<site>/<blog>`.

The shape Arena's WordPress plugin and public clients read from it
(common-repository/arena-liveblog-and-chat-tool `fetch_arena_widget_metadata`, a server-side
renderer of the same data): `eventInfo` (`name`, `createdAt`, `modifiedAt`) and `posts`,
newest first, each with its `message` (`title`, `text`), `createdAt` and `updatedAt` in epoch
milliseconds, and its key. The cached answer names no further page.
"""

from __future__ import annotations

from typing import Any

from archive.records import FIDELITY_HTML, Page, Update
from archive.times import edited_at, to_utc
from crawler.extract.clean import optional_text
from crawler.extract.endpoints.markup import body_of, items, mapping, string

SOURCE = "arena"


def read_blog(data: Any, url: str) -> Page:
    """The blog's posts."""
    blog = mapping(data)
    info = mapping(blog.get("eventInfo"))
    return Page(
        url=url,
        title=optional_text(string(info.get("name"))),
        updates=[u for u in (_post(p, url) for p in items(blog.get("posts"))) if u is not None],
        live_blog=True,
    )


def _post(post: dict[str, Any], url: str) -> Update | None:
    key = next((post[k] for k in ("key", "_id", "id") if isinstance(post.get(k), str | int)), None)
    if key is None or isinstance(key, bool):
        return None
    message = mapping(post.get("message"))
    headline = optional_text(string(message.get("title")))
    text, markup, found = body_of(string(message.get("text")) or "", url, headline)
    published = to_utc(post.get("createdAt"))
    modified = to_utc(post.get("updatedAt"))
    return Update(
        source_id=str(key),
        headline=headline,
        body_text=text,
        body_html=markup,
        published_at=published,
        modified_at=edited_at(published, modified),
        media=found,
        fidelity=FIDELITY_HTML,
        sources=[SOURCE],
    )
