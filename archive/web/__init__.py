"""The archive's Datasette plugin: blog timelines, version diffs, and HTML cells made safe.

Registered through the `datasette` entry point (pyproject.toml), so `liveblog serve` and a
plain `datasette archive.db -m metadata.yml` both load it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound, Request, Response
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape

from archive.times import parse_utc
from archive.web import columns, search
from archive.web import timeline as queries
from archive.web.changes import change_rows
from archive.web.feeds import atom
from archive.web.limits import bound
from archive.web.render import safe_html
from archive.web.routing import database_named

if TYPE_CHECKING:
    # Not at run time: Datasette imports this module while datasette.app is still loading.
    from datasette.app import Datasette
    from datasette.database import Database

TEMPLATES = Path(__file__).resolve().parent / "templates"
# The columns holding stored HTML: rendered only after safe_html, never as stored.
HTML_COLUMNS = {("updates", "body_html"), ("update_versions", "body_html")}


def format_time(value: str | None) -> str:
    """An archive time as analysts read it: '2016-10-24 09:30 UTC' (minutes are enough)."""
    moment = parse_utc(value)
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else (value or "")


def _database(datasette: Datasette, request: Request) -> Database:
    """The database named in the URL (routing.database_named)."""
    db = database_named(datasette, request.url_vars["database"])
    if db is None:
        raise NotFound(f"Database not found: {tilde_decode(request.url_vars['database'])}")
    return db


async def _archive_db(datasette: Datasette, request: Request) -> Database:
    """The database named in the URL, if the actor may read it and it holds an archive."""
    db = _database(datasette, request)
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (db.name, "updates")), ("view-database", db.name), "view-instance"],
    )
    if not await queries.is_archive(db):
        raise NotFound(f"{db.name} is not a liveblog archive")
    return db


async def _links(datasette: Datasette, db: Database, actor: Any) -> dict[str, str | None]:
    """Links to the canned queries metadata.yml defines, when this Datasette has them."""
    canned = await datasette.get_canned_queries(db.name, actor)
    base = datasette.urls.database(db.name)
    return {name: f"{base}/{name}" if name in canned else None for name in ("blog_feed", "feed")}


async def timelines_view(datasette: Datasette, request: Request) -> Response:
    """Every archived blog in every archive database, each linking to its timeline."""
    await datasette.ensure_permissions(request.actor, ["view-instance"])
    archives = []
    for db in datasette.databases.values():
        if not await queries.is_archive(db):
            continue
        if not await datasette.permission_allowed(
            request.actor, "view-database", resource=db.name, default=True
        ):
            continue
        archives.append(
            {
                "name": db.name,
                "url": datasette.urls.database(db.name),
                "blogs": await queries.blog_list(db),
            }
        )
    html = await datasette.render_template(
        "liveblog_timelines.html", {"archives": archives}, request=request
    )
    return Response.html(html)


# SQLite's largest integer: an id or an offset beyond it names nothing (404, not an error).
MAX_SQL_INT = 2**63 - 1


def _id(request: Request, name: str) -> int:
    """An id from the URL; one beyond any SQLite integer is a page that does not exist."""
    value = int(request.url_vars[name])
    if value > MAX_SQL_INT:
        raise NotFound(f"There is no {name.removesuffix('_id')} {value}")
    return value


def _page(request: Request) -> int:
    """?page=N, where anything that is not a page number means the first page."""
    try:
        page = max(1, int(request.args.get("page") or 1))
    except ValueError:
        return 1
    if page > MAX_SQL_INT // queries.PAGE_SIZE:
        raise NotFound(f"There is no page {page}")
    return page


async def timeline_view(datasette: Datasette, request: Request) -> Response:
    """One blog as a reader saw it, newest first, with edits, removals and a chart."""
    db = await _archive_db(datasette, request)
    blog_id = _id(request, "blog_id")
    context = await queries.timeline(db, blog_id, _page(request))
    if context is None:
        raise NotFound(f"There is no blog {blog_id} in {db.name}")
    context.update(database=db.name, links=await _links(datasette, db, request.actor))
    html = await datasette.render_template("liveblog_timeline.html", context, request=request)
    return Response.html(html)


async def update_view(datasette: Datasette, request: Request) -> Response:
    """Every version of one update, each compared word by word with the one before."""
    db = await _archive_db(datasette, request)
    update_id = _id(request, "update_id")
    context = await queries.update_page(db, update_id)
    if context is None:
        raise NotFound(f"There is no update {update_id} in {db.name}")
    context["database"] = db.name
    html = await datasette.render_template("liveblog_update.html", context, request=request)
    return Response.html(html)


def _archive_author(datasette: Datasette, db: Database) -> str:
    """Who a feed of every blog is by: the archive, by the title its metadata gives it."""
    return str(datasette.metadata("title", database=db.name) or "liveblog-archive")


def _blog_author(blog: dict[str, Any]) -> str:
    """Who a feed of one blog is by: its publisher, else the blog itself."""
    return str(blog["publisher"] or blog["title"] or blog["url"])


async def feed_view(datasette: Datasette, request: Request) -> Response:
    """The `feed` and `blog_feed` queries as Atom; an unknown blog is a 404, an empty one a feed."""
    name = request.url_vars["query"]
    db = _database(datasette, request)
    await datasette.ensure_permissions(
        request.actor,
        [("view-query", (db.name, name)), ("view-database", db.name), "view-instance"],
    )
    query = (await datasette.get_canned_queries(db.name, request.actor)).get(name)
    if query is None or not await queries.is_archive(db):
        raise NotFound(f"{db.name} has no {name} query")
    params, author = {}, _archive_author(datasette, db)
    if name == "blog_feed":
        blog = request.args.get("blog", "")
        row = await _blog_or_404(db, blog)
        params["blog"], author = str(row["id"]), _blog_author(row)
    rows = await db.execute(query["sql"], params)
    body = atom(query.get("title") or name, request.url, [dict(r) for r in rows.rows], author)
    return Response(body, content_type="application/atom+xml; charset=utf-8")


async def _blog_or_404(db: Database, blog: str) -> dict[str, Any]:
    """The blog a feed's ?blog= names, by its URL or its id, or the page is not found."""
    blog_id = await queries.find_blog(db, blog)
    row = await queries.blog_row(db, blog_id) if blog_id is not None else None
    if row is None:
        raise NotFound(f"There is no blog {blog!r} in {db.name}")
    return row


async def changes_view(datasette: Datasette, request: Request) -> Response:
    """Edits (with their diffs) and removals as Atom: every blog's, or one blog's (?blog=)."""
    db = await _archive_db(datasette, request)
    blog_id, title = None, "Changes in the liveblog archive"
    author = _archive_author(datasette, db)
    if request.url_vars["feed"] == "blog_changes":
        row = await _blog_or_404(db, request.args.get("blog", ""))
        blog_id = row["id"]
        title, author = f"Changes to {row['title'] or row['url']}", _blog_author(row)
    timeline = datasette.urls.database(db.name) + "/-/timeline"

    def link(blog: int, update: int) -> str:
        return datasette.absolute_url(request, f"{timeline}/{blog}#update-{update}")

    body = atom(title, request.url, await change_rows(db, blog_id, link), author)
    return Response(body, content_type="application/atom+xml; charset=utf-8")


async def search_view(datasette: Datasette, request: Request) -> Response:
    """The search page made for reading (archive.web.search), as HTML or .json."""
    db = await _archive_db(datasette, request)
    return await search.respond(datasette, request, db)


async def search_anywhere_view(datasette: Datasette, request: Request) -> Response:
    """/-/search: the first archive's search page, with the same query (a link made for a
    search across tables keeps working)."""
    await datasette.ensure_permissions(request.actor, ["view-instance"])
    for db in datasette.databases.values():
        if await queries.is_archive(db):
            query = f"?{request.query_string}" if request.query_string else ""
            return Response.redirect(datasette.urls.database(db.name) + "/-/search" + query)
    raise NotFound("No liveblog archive is served here")


async def in_timeline_view(datasette: Datasette, request: Request) -> Response:
    """One update on its blog's timeline: a redirect to the page and anchor that show it."""
    db = await _archive_db(datasette, request)
    return await search.in_timeline(datasette, db, _id(request, "update_id"))


@hookimpl
def register_routes() -> list[tuple[str, Callable[..., Awaitable[Response]]]]:
    """The plugin's pages; they come before Datasette's own routes, so /db/-/... is ours."""
    return [
        (r"^/-/timelines$", timelines_view),
        (r"^/(?P<database>[^/.]+)/-/timeline/(?P<blog_id>[0-9]+)$", timeline_view),
        (r"^/(?P<database>[^/.]+)/-/update/(?P<update_id>[0-9]+)$", update_view),
        (r"^/(?P<database>[^/.]+)/(?P<query>feed|blog_feed)\.atom$", feed_view),
        (r"^/(?P<database>[^/.]+)/(?P<feed>changes|blog_changes)\.atom$", changes_view),
        (r"^/(?P<database>[^/.]+)/-/search(?P<format>\.json)?$", search_view),
        (r"^/(?P<database>[^/.]+)/-/in-timeline/(?P<update_id>[0-9]+)$", in_timeline_view),
        (r"^/-/search$", search_anywhere_view),
    ]


@hookimpl
def asgi_wrapper(datasette: Datasette) -> Callable[[columns.App], columns.App]:
    """Wide tables' pages open with the columns metadata.yml chose (archive.web.columns)."""
    return lambda app: columns.wrap(datasette, app)


# How much of a database file the server's connections read through a memory map: SQLite's
# own ceiling, 2 GB. Reading mapped pages skips a system call and a copy per page: counting
# a million updates' index takes 3 ms instead of 14 ms, and the map is the OS's page cache,
# not SQLite's heap (which archive.web.limits bounds).
MMAP_BYTES = 2**31


@hookimpl
def prepare_connection(conn: Any) -> None:
    """Every connection is bounded in memory (archive.web.limits) and reads through a map."""
    bound(conn)
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")


@hookimpl
def prepare_jinja2_environment(env: Any) -> None:
    """`lb_time` for the templates; and this plugin's templates looked up first."""
    env.filters["lb_time"] = format_time
    # Datasette orders plugins' template folders as a set orders them: first here, this
    # plugin's pages are its own whatever else is installed.
    env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), env.loader])


@hookimpl
def extra_template_vars(template: str, database: str | None, datasette: Datasette) -> Any:
    """The archives' search pages, for the search box of the home page and a database's page."""
    if template not in ("index.html", "database.html"):
        return None

    async def inner() -> dict[str, Any]:
        pages = [
            {"name": db.name, "url": datasette.urls.database(db.name) + "/-/search"}
            for db in datasette.databases.values()
            if (template == "index.html" or db.name == database) and await queries.is_archive(db)
        ]
        return {"liveblog_searches": pages}

    return inner


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Datasette
) -> Any:
    """Stored HTML shown sanitised (never as stored); a blog's title links to its timeline."""
    if (table, column) in HTML_COLUMNS and isinstance(value, str):
        return Markup('<div class="lb-html" style="max-height:14em;overflow:auto">{}</div>').format(
            safe_html(value)
        )
    if table == "blogs" and column == "title" and isinstance(value, str):

        async def title_link() -> Markup | None:
            try:
                blog_id = int(row["id"])
            except (IndexError, KeyError, TypeError, ValueError):
                return None
            if not await queries.is_archive(datasette.get_database(database)):
                return None
            href = f"{datasette.urls.database(database)}/-/timeline/{blog_id}"
            return Markup('<a href="{}" title="This blog\'s timeline">{}</a>').format(
                href, escape(value)
            )

        return title_link()
    return None


@hookimpl
def menu_links(datasette: Datasette) -> Callable[[], Awaitable[list[dict[str, str]] | None]]:
    """The timelines in Datasette's menu, on every page, when some database is an archive."""

    async def inner() -> list[dict[str, str]] | None:
        for db in datasette.databases.values():
            if await queries.is_archive(db):
                return [{"href": datasette.urls.path("/-/timelines"), "label": "Blog timelines"}]
        return None

    return inner
