"""The search page: full-text hits made for reading, with work bounded on the commonest words.

A search never counts or sorts every match. It first counts the word's matches in the whole
archive, up to LIST_LIMIT + 1 (cheap: the full-text index alone), and picks a plan by that:
- at most SORT_ALL matches: they are all fetched and sorted;
- at most LIST_LIMIT: their ids are gathered once and SQLite walks the updates newest first
  (by publication time, within a blog when one is asked for), keeping those in the list;
- more: the walk asks the full-text index about each update it passes, which costs more per
  update but stops within a few dozen of them, as most updates match.
Matches within the filters are counted up to COUNT_CAP + 1 ("more than 1,000"), except with
filters on a word in more than LIST_LIMIT updates, where they are not counted at all. Best
match ranks only the RANK_LIMIT most recently archived matches (bm25 over a million matches
takes seconds), and says so.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from datasette.database import QueryInterrupted
from datasette.utils.asgi import NotFound, Request, Response
from markupsafe import Markup, escape

from archive.web.render import media_html, media_items, safe_href
from archive.web.timeline import PAGE_SIZE as TIMELINE_PAGE_SIZE
from archive.web.timeline import find_blog

if TYPE_CHECKING:
    from datasette.app import Datasette
    from datasette.database import Database

HITS_PER_PAGE = 20
# Matches of the whole archive up to which they are all fetched and sorted.
SORT_ALL = 2_000
# Matches up to which their ids are gathered into one list that the walk looks up.
LIST_LIMIT = 50_000
# Matches counted at most: beyond it the page says "more than 1,000".
COUNT_CAP = 1_000
# Best match ranks at most this many matches (the most recently archived): bm25 over a
# million matches takes seconds.
RANK_LIMIT = 1_000
# The deepest offset best-match paging reaches (it pages through RANK_LIMIT at most).
MAX_OFFSET = RANK_LIMIT
ORDERS = ("newest", "best")
# The marks snippet() puts around matched words: private-use characters no text should hold.
OPEN, CLOSE = "\ue000", "\ue001"
SNIPPET_TOKENS = 32
OPERATORS = ("AND", "OR", "NOT")

_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+)')
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CURSOR = re.compile(r"^(?:t(?P<time>[0-9T:.+Z-]{10,40})|n)~(?P<id>[0-9]{1,19})$")


class QueryError(ValueError):
    """A search the page cannot run, with a message saying why, for the reader."""


def fts_query(text: str) -> str:
    """The reader's words as an FTS5 query: every term quoted, so none is FTS5 syntax.

    Words and "quoted phrases" must all match; OR between two terms matches either; a word
    ending in * matches as a prefix. AND, OR and NOT are kept as words only when lower-case.
    """
    if text.count('"') % 2:
        raise QueryError('A quotation mark is not closed: put a " at the end of the phrase.')
    parts: list[str] = []
    for match in _TOKEN.finditer(text):
        word = match.group("word")
        if word in OPERATORS:
            parts.append(word)
            continue
        raw = match.group("phrase") if word is None else word
        prefix = word is not None and word.endswith("*")
        term = raw.rstrip("*") if prefix else raw
        if not any(ch.isalnum() for ch in term):
            continue
        quoted = '"' + term.replace('"', '""') + '"'
        parts.append(quoted + " *" if prefix else quoted)
    return _join(parts)


def _join(parts: list[str]) -> str:
    """Terms and operators as one query; an operator without a term on each side is an error."""
    out: list[str] = []
    for part in parts:
        if part == "AND":
            continue
        if part in ("OR", "NOT") and (not out or out[-1] in ("OR", "NOT")):
            raise QueryError(f"{part} needs a word before it and a word after it.")
        out.append(part)
    if not out:
        joined = "; AND, OR and NOT only join words" if parts else ""
        raise QueryError(f"Nothing to search for{joined}: type a word, or a phrase in quotes.")
    if out[-1] in ("OR", "NOT"):
        raise QueryError(f"{out[-1]} needs a word before it and a word after it.")
    return " ".join(out)


def marked(text: str | None) -> Markup:
    """Text from snippet()/highlight(): everything escaped, only the marks become <mark>."""
    out: list[str] = []
    inside = False
    for piece in re.split(f"([{OPEN}{CLOSE}])", text or ""):
        if piece == OPEN and not inside:
            out.append("<mark>")
            inside = True
        elif piece == CLOSE and inside:
            out.append("</mark>")
            inside = False
        elif piece not in (OPEN, CLOSE):
            out.append(str(escape(piece)))
    if inside:
        out.append("</mark>")
    return Markup("".join(out))  # noqa: S704 - escaped above, <mark> only


@dataclass
class Search:
    """What the reader asked for, read from the query string."""

    q: str = ""
    blog: int | None = None  # the blog's id, once blog_asked is found in the archive
    blog_asked: str = ""  # the blog as the query string names it: its URL or its id
    publisher: str = ""
    since: str = ""  # YYYY-MM-DD, inclusive
    until: str = ""  # YYYY-MM-DD, inclusive
    order: str = "newest"
    after: str = ""  # newest first: the cursor of the previous page's last hit
    offset: int = 0  # best match: hits skipped
    problems: list[str] = field(default_factory=list)

    def args(self, **changes: Any) -> str:
        """This search's query string, with some arguments changed (empty ones left out)."""
        values = {
            "q": self.q,
            "blog": "" if self.blog is None else str(self.blog),
            "publisher": self.publisher,
            "from": self.since,
            "to": self.until,
            "order": "" if self.order == "newest" else self.order,
            **{k: "" if v in (None, 0) else str(v) for k, v in changes.items()},
        }
        return urlencode({k: v for k, v in values.items() if v})


def _day(value: str, label: str, problems: list[str]) -> str:
    """A YYYY-MM-DD date from the form; anything else is reported and ignored."""
    value = value.strip()
    if not value:
        return ""
    # The whole value, in this one form: fromisoformat alone also takes 20240501 and 2024-W18.
    if _DAY.fullmatch(value):
        with suppress(ValueError):  # 2024-02-30
            return date.fromisoformat(value).isoformat()
    problems.append(f"The {label} date {value!r} is not a date like 2024-05-01: ignored.")
    return ""


def read_args(args: Any) -> Search:
    """The search the query string asks for; bad filters are reported, never an error page."""
    problems: list[str] = []
    order = args.get("order") or "newest"
    if order not in ORDERS:
        problems.append(f"Order {order!r} is unknown: newest first.")
        order = "newest"
    try:
        offset = min(max(0, int(args.get("offset") or 0)), MAX_OFFSET)
    except ValueError:
        offset = 0
    after = args.get("after") or ""
    if after and not _CURSOR.match(after):
        problems.append("The page to continue from is not understood: the first page.")
        after = ""
    return Search(
        q=(args.get("q") or "").strip(),
        blog_asked=(args.get("blog") or "").strip(),
        publisher=(args.get("publisher") or "").strip(),
        since=_day(args.get("from") or "", "from", problems),
        until=_day(args.get("to") or "", "to", problems),
        order=order,
        after=after,
        offset=offset,
        problems=problems,
    )


async def resolve_filters(db: Database, search: Search) -> None:
    """The blog the search asks for, by its URL or its id as the feeds take it, and its
    publisher; one the archive does not hold is reported, and its filter ignored."""
    if search.blog_asked:
        search.blog = await find_blog(db, search.blog_asked)
        if search.blog is None:
            search.problems.append(
                f"There is no blog {search.blog_asked!r} in this archive: the blog filter is "
                "ignored."
            )
    if search.publisher:
        known = await db.execute(
            "select 1 from blogs where publisher = ? limit 1", [search.publisher]
        )
        if not known.rows:
            search.problems.append(
                f"There is no publisher {search.publisher!r} in this archive: the publisher "
                "filter is ignored."
            )
            search.publisher = ""


def _filters(search: Search) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on `u` (the updates) for the search's filters, and their parameters."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if search.blog is not None:
        where.append("u.blog_id = :blog")
        params["blog"] = search.blog
    if search.publisher:
        # The unary + keeps SQLite walking publication times, not sorting these blogs' rows.
        where.append("+u.blog_id in (select id from blogs where publisher = :publisher)")
        params["publisher"] = search.publisher
    if search.since:
        where.append("u.published_at >= :since")
        params["since"] = search.since
    if search.until:
        # Times are ISO 8601, so every time of the day sorts before its hour 24: a bound the
        # last day a date can name (9999-12-31) has too, where it has no day after it.
        where.append("u.published_at < :until")
        params["until"] = f"{search.until}T24"
    return where, params


def _and(conditions: list[str]) -> str:
    return " and ".join(conditions) if conditions else "1"


async def total_matches(db: Database, match: str) -> int:
    """The archive's matches, counted in the full-text index alone up to LIST_LIMIT + 1."""
    row = (
        await db.execute(
            "select count(*) from (select 1 from updates_fts where updates_fts match :match "
            "limit :cap)",
            {"match": match, "cap": LIST_LIMIT + 1},
        )
    ).first()
    return int(row[0])


def plan(total: int) -> str:
    """How to find the matches among the updates: 'sort', 'list' or 'walk' (see above)."""
    if total <= SORT_ALL:
        return "sort"
    return "list" if total <= LIST_LIMIT else "walk"


def _matches(how: str) -> str:
    """The SQL condition that update `u` matches, written for the plan."""
    if how == "walk":
        return (
            "exists (select 1 from updates_fts f where updates_fts match :match and f.rowid = u.id)"
        )
    # The unary + keeps SQLite walking the updates in order and looking ids up in the list,
    # rather than fetching every match and sorting them.
    column = "u.id" if how == "sort" else "+u.id"
    return f"{column} in (select rowid from updates_fts where updates_fts match :match)"


async def count_matches(db: Database, match: str, search: Search, total: int) -> int | None:
    """Matches within the filters, counted up to COUNT_CAP + 1; None when not counted."""
    where, params = _filters(search)
    if not where:
        return min(total, COUNT_CAP + 1)
    how = plan(total)
    if how == "walk":
        return None
    row = (
        await db.execute(
            f"select count(*) from (select 1 from updates u where {_matches(how)} and "
            f"{_and(where)} limit :cap)",
            {**params, "match": match, "cap": COUNT_CAP + 1},
        )
    ).first()
    return int(row[0])


def cursor(published_at: str | None, update_id: int) -> str:
    """Where newest-first paging continues after this hit."""
    return f"t{published_at}~{update_id}" if published_at else f"n~{update_id}"


def _after(after: str) -> tuple[str | None, int] | None:
    """A cursor read back: (publication time or None, id)."""
    found = _CURSOR.match(after)
    if not found:
        return None
    return found.group("time"), int(found.group("id"))


async def _newest_ids(db: Database, match: str, search: Search, how: str) -> list[int]:
    """Up to HITS_PER_PAGE + 1 matching ids after the cursor, newest first, untimed ones last."""
    where, params = _filters(search)
    params["match"] = match
    matches = _matches(how)
    start = _after(search.after) if search.after else None
    want = HITS_PER_PAGE + 1
    ids: list[int] = []
    if start is None or start[0] is not None:
        timed = ["u.published_at is not null", matches, *where]
        if start is not None:
            timed.append("u.published_at <= :at and (u.published_at < :at or u.id < :id)")
            params.update(at=start[0], id=start[1])
        rows = await db.execute(
            f"select u.id from updates u where {_and(timed)} "
            "order by u.published_at desc, u.id desc limit :want",
            {**params, "want": want},
        )
        ids = [r[0] for r in rows.rows]
    if len(ids) < want and not (search.since or search.until):
        untimed = ["u.published_at is null", matches, *where]
        if start is not None and start[0] is None:
            untimed.append("u.id < :id")
            params["id"] = start[1]
        rows = await db.execute(
            f"select u.id from updates u where {_and(untimed)} order by u.id desc limit :want",
            {**params, "want": want - len(ids)},
        )
        ids += [r[0] for r in rows.rows]
    return ids


async def _best_ids(db: Database, match: str, search: Search) -> list[int]:
    """Up to HITS_PER_PAGE + 1 ids by bm25, among the RANK_LIMIT most recently archived matches."""
    where, params = _filters(search)
    source = "updates_fts f"
    if where:
        source += f" join updates u on u.id = f.rowid and {_and(where)}"
    rows = await db.execute(
        "select id from (select f.rowid as id, bm25(updates_fts) as score "
        f"from {source} where updates_fts match :match order by f.rowid desc limit :rank) "
        "order by score, id desc limit :want offset :offset",
        {
            **params,
            "match": match,
            "rank": RANK_LIMIT,
            "want": HITS_PER_PAGE + 1,
            "offset": search.offset,
        },
    )
    return [r[0] for r in rows.rows]


@dataclass
class Hit:
    """One matching update as the search page shows it."""

    id: int
    blog_id: int
    blog_title: str | None
    blog_url: str | None
    publisher: str | None
    headline: Markup
    snippet: Markup
    published_at: str | None
    version: int
    removed_at: str | None
    permalink: str | None
    # The update's media as links and text (nothing fetched from publishers).
    media: Markup = field(default_factory=Markup)
    media_list: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self, base: str) -> dict[str, Any]:
        """The hit as the .json page gives it: HTML fields escaped except for <mark>."""
        return {
            "id": self.id,
            "blog_id": self.blog_id,
            "blog_title": self.blog_title,
            "blog_url": self.blog_url,
            "publisher": self.publisher,
            "headline_html": str(self.headline),
            "snippet_html": str(self.snippet),
            "published_at": self.published_at,
            "version": self.version,
            "edited": self.version > 1,
            "removed_at": self.removed_at,
            "permalink": self.permalink,
            "media": self.media_list,
            "media_html": str(self.media),
            "timeline_url": f"{base}/-/in-timeline/{self.id}",
        }


async def _hits(db: Database, match: str, ids: list[int]) -> list[Hit]:
    """The page's hits, in the order of `ids`, with the matched words marked."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = await db.execute(
        "select f.rowid as id, u.blog_id, b.title as blog_title, b.url as blog_url, "
        "b.publisher, u.published_at, u.version, u.removed_at, u.permalink, u.headline, u.media, "
        f"highlight(updates_fts, 0, '{OPEN}', '{CLOSE}') as headline_marked, "
        f"snippet(updates_fts, 1, '{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS}) as snippet "
        "from updates_fts f join updates u on u.id = f.rowid join blogs b on b.id = u.blog_id "
        f"where updates_fts match ? and f.rowid in ({marks})",
        [match, *ids],
    )
    by_id = {row["id"]: row for row in rows.rows}
    return [_hit(by_id[i]) for i in ids if i in by_id]


def _hit(row: Any) -> Hit:
    return Hit(
        id=row["id"],
        blog_id=row["blog_id"],
        blog_title=row["blog_title"],
        blog_url=safe_href(row["blog_url"]),
        publisher=row["publisher"],
        headline=marked(row["headline_marked"]) if row["headline"] else Markup(""),
        snippet=marked(row["snippet"]),
        published_at=row["published_at"],
        version=row["version"],
        removed_at=row["removed_at"],
        media=media_html(row["media"]),
        media_list=media_items(row["media"]),
        permalink=safe_href(row["permalink"]),
    )


@dataclass
class Result:
    """One page of a search, or why there is none."""

    search: Search
    match: str = ""
    error: str = ""
    count: int | None = 0  # at most COUNT_CAP + 1; None when not counted
    hits: list[Hit] = field(default_factory=list)
    next_args: str | None = None
    previous_args: str | None = None
    ranked_part: bool = False  # best match ranked only the RANK_LIMIT newest matches
    ms: float = 0.0

    @property
    def more_than_cap(self) -> bool:
        return self.count is None or self.count > COUNT_CAP

    @property
    def count_label(self) -> str:
        if self.count is None:
            return f"Too many to count (over {LIST_LIMIT:,} in the archive)"
        if self.count > COUNT_CAP:
            return f"More than {COUNT_CAP:,} updates"
        return f"{self.count:,} update{'' if self.count == 1 else 's'}"


async def run(db: Database, search: Search) -> Result:
    """Run a search: a message for a query that cannot run, never an error page."""
    result = Result(search)
    if not search.q:
        return result
    started = asyncio.get_running_loop().time()
    try:
        result.match = fts_query(search.q)
        total = await total_matches(db, result.match)
        result.count = await count_matches(db, result.match, search, total)
        if search.order == "best":
            ids = await _best_ids(db, result.match, search)
            result.ranked_part = result.more_than_cap
        else:
            ids = await _newest_ids(db, result.match, search, plan(total))
        result.hits = await _hits(db, result.match, ids[:HITS_PER_PAGE])
    except QueryError as exc:
        result.error = str(exc)
        return result
    except QueryInterrupted:
        result.error = "The search took too long: narrow it with a blog, a publisher or dates."
        return result
    except sqlite3.OperationalError as exc:
        result.error = f"The search could not be run ({exc}): try plain words."
        return result
    _pages(result, has_more=len(ids) > HITS_PER_PAGE)
    result.ms = (asyncio.get_running_loop().time() - started) * 1000
    return result


def _pages(result: Result, has_more: bool) -> None:
    """Links to the next page (and back to the first or previous one)."""
    search = result.search
    if search.order == "best":
        if has_more and search.offset + HITS_PER_PAGE < MAX_OFFSET:
            result.next_args = search.args(offset=search.offset + HITS_PER_PAGE)
        if search.offset:
            result.previous_args = search.args(offset=max(0, search.offset - HITS_PER_PAGE))
        return
    if has_more and result.hits:
        last = result.hits[-1]
        result.next_args = search.args(after=cursor(last.published_at, last.id))
    if search.after:
        result.previous_args = search.args()


async def choices(db: Database) -> dict[str, list[Any]]:
    """The blogs and publishers the filters offer."""
    blogs = await db.execute("select id, title, url from blogs order by title, id")
    publishers = await db.execute(
        "select distinct publisher from blogs where publisher is not null and publisher != '' "
        "order by publisher"
    )
    return {
        "blogs": [dict(r) for r in blogs.rows],
        "publishers": [r[0] for r in publishers.rows],
    }


async def timeline_page(db: Database, update_id: int) -> tuple[int, int] | None:
    """(blog id, page) of the blog's timeline that shows this update, in the timeline's order:
    standing pinned updates on the first page, then newest first, untimed ones last."""
    row = (
        await db.execute(
            "select blog_id, published_at, pinned, removed_at from updates where id = ?",
            [update_id],
        )
    ).first()
    if row is None:
        return None
    if row["pinned"] == 1 and row["removed_at"] is None:
        return row["blog_id"], 1
    if row["published_at"] is None:
        newer = "(published_at is not null or id > :id)"
    else:
        newer = "(published_at > :at or (published_at = :at and id > :id))"
    before = (
        await db.execute(
            "select count(*) from updates where blog_id = :blog "
            f"and not (pinned = 1 and removed_at is null) and {newer}",
            {"blog": row["blog_id"], "at": row["published_at"], "id": update_id},
        )
    ).first()[0]
    return row["blog_id"], before // TIMELINE_PAGE_SIZE + 1


async def respond(datasette: Datasette, request: Request, db: Database) -> Response:
    """The search page, as HTML or (with .json) as data; a query that cannot run is a 400."""
    search = read_args(request.args)
    await resolve_filters(db, search)
    result = await run(db, search)
    base = datasette.urls.database(db.name)
    status = 400 if result.error else 200
    if request.url_vars.get("format"):
        return Response.json(
            {
                "q": search.q,
                "fts_query": result.match,
                "order": search.order,
                "error": result.error or None,
                "problems": search.problems,
                "count": None if result.more_than_cap else result.count,
                "more_than": None
                if not result.more_than_cap
                else (COUNT_CAP if result.count else LIST_LIMIT),
                "ranked_only": RANK_LIMIT if result.ranked_part else None,
                "hits": [hit.as_json(base) for hit in result.hits],
                "next_url": f"{base}/-/search.json?{result.next_args}"
                if result.next_args
                else None,
            },
            status=status,
        )
    context = {
        "database": db.name,
        "search": search,
        "result": result,
        "choices": await choices(db),
        "base": base,
        "cap": COUNT_CAP,
        "rank_limit": RANK_LIMIT,
        "table_url": datasette.urls.table(db.name, "updates"),
    }
    html = await datasette.render_template("liveblog_search.html", context, request=request)
    return Response.html(html, status=status)


async def in_timeline(datasette: Datasette, db: Database, update_id: int) -> Response:
    """A redirect to the update on its blog's timeline page, at its anchor."""
    found = await timeline_page(db, update_id)
    if found is None:
        raise NotFound(f"There is no update {update_id} in {db.name}")
    blog_id, page = found
    query = f"?page={page}" if page > 1 else ""
    base = datasette.urls.database(db.name)
    return Response.redirect(f"{base}/-/timeline/{blog_id}{query}#update-{update_id}")
