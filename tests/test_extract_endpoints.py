"""The endpoints that complete a pass, read against local servers of their documented shapes.

Each blog's page names its endpoint (`extract_reading`); reading that endpoint page after page
(`readers.read`, `follow`), as a pass does, must give every post of the blog, whole, at each of
three passes: more posts than the page or the first answer shows, an edit, a deletion. The
servers and their truth are tests/endpoint_servers.py; the crawl through Scrapy comes later.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from archive.records import Page, Update
from crawler.extract import extract_page, extract_reading, walks
from crawler.extract.adapters.survey import survey_gathering
from crawler.extract.adapters.vendor import VendorEmbed
from crawler.extract.completeness import is_stub, stated_more
from crawler.extract.endpoints import (
    BBC_STREAM,
    GUARDIAN_DELTA,
    GUARDIAN_PAGE_DATA,
    Endpoint,
    allowed_hosts,
    follow,
    lists_all,
)
from crawler.extract.endpoints import guardian as guardian_endpoints
from crawler.extract.endpoints.readers import READERS, read
from crawler.extract.endpoints.vendors import from_embeds
from crawler.extract.entries import prepare
from crawler.extract.html import parse
from crawler.extract.jsonld import read_jsonld
from tests.endpoint_servers import (
    BLOGS,
    DELETED,
    EDITED,
    PASSES,
    ArenaBlog,
    BbcBlog,
    Blog,
    EndpointSite,
    Expected,
    GuardianBlog,
    Liveblog24Blog,
    SourcefabricBlog,
    TickarooBlog,
    WordpressBlog,
    ZdfBlog,
)

KINDS = {
    GuardianBlog: GUARDIAN_PAGE_DATA,
    BbcBlog: BBC_STREAM,
    Liveblog24Blog: "24liveblog",
    TickarooBlog: "tickaroo",
    SourcefabricBlog: "sourcefabric",
    ArenaBlog: "arena",
    ZdfBlog: "zdf",
    WordpressBlog: "wp-liveblog",
}
# Where the endpoint's shape states how many posts the blog has.
COUNTED = {GuardianBlog, BbcBlog, Liveblog24Blog, SourcefabricBlog, ZdfBlog}
VENDORS = {Liveblog24Blog, TickarooBlog, SourcefabricBlog, ArenaBlog, ZdfBlog}
# Where the endpoint answers a page at a time.
PAGED = {GuardianBlog, BbcBlog, Liveblog24Blog, SourcefabricBlog, ZdfBlog, WordpressBlog}


@pytest.fixture(scope="module")
def site() -> Iterator[EndpointSite]:
    with EndpointSite() as served:
        yield served


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        body: bytes = response.read()
        return body


def page_reading(site: EndpointSite, blog: Blog) -> tuple[Page, list[Endpoint]]:
    reading = extract_reading(fetch(blog.page_url), blog.page_url)
    return reading.page, reading.endpoints


def read_whole(site: EndpointSite, endpoint: Endpoint) -> list[Page]:
    """Every page of an endpoint, following the first next page each names, as a pass does."""
    pages: list[Page] = []
    todo = [endpoint]
    while todo and len(pages) < 20:
        current = todo.pop(0)
        page = read(current.kind, fetch(site.local(current.url)), current.url)
        pages.append(page)
        todo = follow(current, page)[:1]
    return pages


def key(update: Update) -> str:
    return update.source_id or update.headline or ""


def as_read(updates: list[Update]) -> dict[str, Expected]:
    return {
        key(u): Expected(u.headline, u.body_text, u.published_at or "", u.modified_at)
        for u in updates
    }


Whole = tuple[Blog, Page, list[Page]]
_READ: dict[tuple[str, type[Blog], int], Whole] = {}


def whole(site: EndpointSite, kind: type[Blog], pass_no: int) -> Whole:
    """The blog's page and its endpoint read whole at a pass (once per backend of the walks)."""
    site.set_pass(pass_no)
    cached = _READ.get((walks.BACKEND, kind, pass_no))
    if cached is not None:
        return cached
    blog = site.blog(kind)
    page, endpoints = page_reading(site, blog)
    assert [e.kind for e in endpoints] == [KINDS[kind]]
    _READ[(walks.BACKEND, kind, pass_no)] = found = (blog, page, read_whole(site, endpoints[0]))
    return found


@pytest.mark.parametrize("pass_no", PASSES)
@pytest.mark.parametrize("kind", BLOGS, ids=lambda k: k.__name__)
def test_the_endpoint_read_whole_is_the_blog(
    site: EndpointSite, kind: type[Blog], pass_no: int
) -> None:
    """Every post, its headline, whole body and times, and nothing else, at every pass; and
    the count of posts where the publisher states one."""
    blog, page, pages = whole(site, kind, pass_no)
    read_posts = as_read([u for p in pages for u in p.updates])
    assert read_posts == blog.truth()
    assert all(not u.truncated for p in pages for u in p.updates)
    # More posts than the page shows; where the endpoint pages, more than its first answer.
    assert len(blog.truth()) > len(page.updates)
    if kind in PAGED:
        assert len(pages) > 1 and len(blog.truth()) > len(pages[0].updates)
    stated = {p.updates_expected for p in pages} - {None}
    assert stated == ({len(blog.truth())} if kind in COUNTED else set())


@pytest.mark.parametrize("kind", BLOGS, ids=lambda k: k.__name__)
def test_the_three_passes_bring_new_posts_an_edit_and_a_deletion(
    site: EndpointSite, kind: type[Blog]
) -> None:
    seen = []
    for pass_no in PASSES:
        _, _, pages = whole(site, kind, pass_no)
        seen.append(as_read([u for p in pages for u in p.updates]))
    first, second, third = seen
    assert len(second) == len(first) + 4 and set(first) < set(second)
    edited = next(k for k, v in first.items() if v.published_at.endswith(f"08:{EDITED:02d}:00Z"))
    assert second[edited].body_text.startswith("Correction:")
    assert not first[edited].body_text.startswith("Correction:")
    if kind not in (Liveblog24Blog, ZdfBlog):  # their shapes carry no modified time
        assert second[edited].modified_at is not None and first[edited].modified_at is None
    deleted = next(k for k, v in second.items() if v.published_at.endswith(f"08:{DELETED:02d}:00Z"))
    assert deleted not in third and len(third) == len(second)


def test_vendor_endpoints_may_leave_the_site_and_the_publishers_may_not(
    site: EndpointSite,
) -> None:
    site.set_pass(1)
    hosts: set[str] = set()
    for kind in BLOGS:
        _, endpoints = page_reading(site, site.blog(kind))
        assert all(e.host_allowed == (kind in VENDORS) for e in endpoints)
        hosts |= allowed_hosts(endpoints)
    assert hosts == {"data.24liveplus.com", "cdn.tickaroo.com", "cached-api.arena.im", "127.0.0.1"}


# The Guardian -------------------------------------------------------------------------------


def test_guardian_json_ld_cuts_bodies_that_the_page_data_has_whole(site: EndpointSite) -> None:
    site.set_pass(1)
    blog = site.blog(GuardianBlog)
    root = parse(fetch(blog.page_url))
    assert root is not None
    structured = [s.to_update(blog.page_url) for s in read_jsonld(root, blog.page_url).updates]
    cut = [u for u in structured if u.truncated]
    assert cut, "the long posts' JSON-LD bodies are cut at 1,000 characters"
    truth = blog.truth()
    for update in cut:
        whole_body = truth[update.source_id or ""].body_text
        assert len(update.body_text) < len(whole_body)
    # The page data has them whole: the endpoint's reading is the truth (see above), and the
    # page itself, whose HTML blocks are whole too, marks none cut.
    assert not any(u.truncated for u in extract_page(fetch(blog.page_url), blog.page_url).updates)


def test_guardian_html_pages_walk_to_the_oldest_through_next(site: EndpointSite) -> None:
    """Today's markup calls the older page "Next": following it reaches every block."""
    site.set_pass(2)
    blog = site.blog(GuardianBlog)
    url, found = blog.page_url, {}
    for _ in range(10):
        page = extract_page(fetch(url), url)
        found.update(as_read(page.updates))
        if not page.next_urls:
            break
        url = page.next_urls[0]
    assert found == blog.truth()


def test_guardian_delta_brings_the_blocks_since_the_last_pass(site: EndpointSite) -> None:
    blog, _, pages = whole(site, GuardianBlog, 1)
    newest = guardian_endpoints.newest_block([u for p in pages for u in p.updates])
    assert newest == "block-" + GuardianBlog.block_id(blog.posts[0])
    delta = guardian_endpoints.delta(blog.page_url, newest)
    assert delta.kind == GUARDIAN_DELTA and not lists_all(delta.kind)
    assert delta.url == f"{blog.page_url}.json?lastUpdate={newest}&isLivePage=true"
    site.set_pass(2)
    page = read(delta.kind, fetch(delta.url), delta.url)
    truth = blog.truth()
    new = [k for k in truth if k not in as_read([u for p in pages for u in p.updates])]
    assert as_read(page.updates) == {k: truth[k] for k in new} and len(new) == 4
    assert all(
        u.permalink and u.permalink.startswith(blog.page_url + "?page=") for u in page.updates
    )
    site.set_pass(1)
    assert read(delta.kind, fetch(delta.url), delta.url).updates == []


def test_guardian_page_data_count_follows_its_paging() -> None:
    def data(blocks: int, pages: int, tags: tuple[str, ...] = ()) -> dict[str, object]:
        return {
            "blocks": [{"id": f"b{i}", "blockFirstPublished": 1000 - i} for i in range(blocks)],
            "pagination": {"currentPage": 1, "totalPages": pages} if pages > 1 else {},
            "tags": [{"id": t} for t in tags],
        }

    from crawler.extract.adapters.guardian import expected_blocks

    assert expected_blocks(data(13, 4)) == 43
    assert expected_blocks(data(7, 1)) == 7
    assert expected_blocks(data(45, 3, ("sport/sport",))) == 105
    assert expected_blocks(data(25, 3)) is None  # not what a 10-block paging gives
    older = data(10, 4)
    older["pagination"] = {"currentPage": 2, "totalPages": 4}
    assert expected_blocks(older) is None
    pinned = data(10, 2) | {"pinnedPost": {"id": "new-pinned", "blockFirstPublished": 2000}}
    assert expected_blocks(pinned) == 21


# The BBC ----------------------------------------------------------------------------------------


def test_bbc_page_shows_twenty_and_keys_the_stream(site: EndpointSite) -> None:
    site.set_pass(1)
    blog = site.blog(BbcBlog)
    page, endpoints = page_reading(site, blog)
    assert len(page.updates) == 20 < len(blog.truth())
    assert [u.source_id for u in page.updates] == list(blog.truth())[:20]
    assert endpoints == [
        Endpoint(
            f"{site.origin}/wc-data/container/stream?assetId=world-68000001&liveTextStreamId="
            f"{BbcBlog.stream_id}&pageUrl=%2Fnews%2Flive%2Fworld-68000001&pageNumber=1"
            "&pageSize=20",
            BBC_STREAM,
        )
    ]


def test_bbc_stream_in_the_page_datas_wrapper_reads_the_same(site: EndpointSite) -> None:
    site.set_pass(1)
    blog = site.blog(BbcBlog)
    assert isinstance(blog, BbcBlog)
    stream = blog.stream(1)
    url = f"{site.origin}/wc-data/container/stream?liveTextStreamId=x&pageNumber=1&pageSize=20"
    direct = read(BBC_STREAM, json.dumps(stream).encode(), url)
    wrapped = read(BBC_STREAM, json.dumps({"data": stream}).encode(), url)
    assert as_read(direct.updates) == as_read(wrapped.updates) != {}
    assert direct.next_urls == wrapped.next_urls != []


# Vendors --------------------------------------------------------------------------------------


def test_sourcefabric_endpoint_from_the_embed_address() -> None:
    blog = "6542f0c1e2a4b5001c9d8e7f"
    embeds = [
        VendorEmbed("sourcefabric", {"public_url": f"https://lb.example.org/embed/{blog}"}),
        VendorEmbed("sourcefabric", {"public_url": f"https://s.example.net/t/blogs/{blog}/"}),
        VendorEmbed("sourcefabric", {"public_url": "https://cdn.example.org/themes/page.html"}),
        VendorEmbed("scribblelive", {"type": "event", "id": "1"}),
    ]
    found = from_embeds(embeds)
    assert [e.url.partition("?")[0] for e in found] == [
        f"https://lb.example.org/api/client_blogs/{blog}/posts",
        f"https://s.example.net/api/client_blogs/{blog}/posts",
    ]
    assert all(e.host_allowed and e.kind == "sourcefabric" for e in found)


def test_the_themes_options_name_the_api(site: EndpointSite) -> None:
    script = (
        'window.LB = {blog: {"_id": "6542f0c1e2a4b5001c9d8e7f", "title": "Storm"}, '
        "settings: {}, api_host: 'https://lb.example.org/'};"
    )
    body = f"<html><body><div class='lb-timeline'></div><script>{script}</script></body></html>"
    reading = extract_reading(body.encode(), "https://news.example.org/live")
    assert [(e.kind, e.host) for e in reading.endpoints] == [("sourcefabric", "lb.example.org")]


# Readers, alone ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(READERS))
def test_a_reader_given_what_is_not_its_json_reads_nothing(kind: str) -> None:
    for body in (b"not json", b"[]", b'{"unrelated": true}', b"null"):
        assert read(kind, body, "https://example.org/x.json").updates == []


UTC_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
# What a publisher's JSON may hold where a reader expects another type.
_ODD_VALUES: tuple[Any, ...] = (
    None, True, 0, -1, 3.5, 1e308, "", "x" * 2000, [], {}, [None, 1, "a"], {"a": {"b": 1}},
    "javascript:alert(1)", "2024-02-30T10:00", "\x00\x1b<b>", [[[]]], "NaN",
)  # fmt: skip


def _poisoned(node: Any, offset: int, seen: list[int]) -> Any:
    """The JSON with every seventh value (from `offset` on) swapped for an odd one."""
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            seen[0] += 1
            if seen[0] % 7 == offset:
                result[key] = _ODD_VALUES[seen[0] % len(_ODD_VALUES)]
            else:
                result[key] = _poisoned(value, offset, seen)
        return result
    if isinstance(node, list):
        return [_poisoned(value, offset, seen) for value in node]
    return node


@pytest.mark.parametrize("kind", BLOGS, ids=[b.__name__ for b in BLOGS])
def test_a_reader_given_odd_values_in_its_json_reads_what_it_can(
    site: EndpointSite, kind: type[Blog]
) -> None:
    """An object where a string was, a number where a list was, at any depth: each reader
    reads its endpoint's response without an exception, and what it reads is well-formed."""
    site.set_pass(1)
    _, endpoints = page_reading(site, site.blog(kind))
    endpoint = endpoints[0]
    data = json.loads(fetch(site.local(endpoint.url)))
    for offset in range(7):
        body = json.dumps(_poisoned(data, offset, [0])).encode()
        page = read(endpoint.kind, body, endpoint.url, "2024-01-16T00:00:00Z")
        for update in page.updates:
            assert isinstance(update.body_text, str) and isinstance(update.body_html, str)
            assert update.headline is None or isinstance(update.headline, str)
            assert update.published_at is None or UTC_TIME.match(update.published_at)


def test_an_unknown_kind_reads_nothing() -> None:
    assert read("nobody", b'{"results": []}', "https://example.org/x").updates == []


def test_follow_keeps_an_endpoints_pages_on_its_host() -> None:
    endpoint = Endpoint("https://api.example.org/posts?page=1", "sourcefabric", True)
    page = Page(
        url=endpoint.url,
        next_urls=["https://api.example.org/posts?page=2", "https://elsewhere.example/posts"],
    )
    assert follow(endpoint, page) == [
        Endpoint("https://api.example.org/posts?page=2", "sourcefabric", True)
    ]


def test_times_out_of_bounds_are_dropped() -> None:
    body = json.dumps(
        {"data": {"news": [{"nid": 1, "newstitle": "Old", "contents": "<p>x</p>", "created": 5}]}}
    ).encode()
    page = read("24liveblog", body, "https://data.24liveplus.com/x?limit=10")
    assert [(u.headline, u.published_at) for u in page.updates] == [("Old", None)]


# Completeness signs in a page ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("control", "more"),
    [
        ("<button>Load more (143)</button>", 143),
        ('<a href="?p=2">Show 12 more posts</a>', 12),
        ("<button>143 weitere Beiträge laden</button>", 143),
        ("<button>Voir plus (7)</button>", 7),
        # The words the older-updates links read, in each language read here.
        ("<button>Afficher plus de messages (21)</button>", 21),
        ("<button>Afficher plus (21)</button>", 21),
        ("<button>Mostra altre (4)</button>", 4),
        ("<button>Wczytaj więcej [30]</button>", 30),
        ("<button>Weitere anzeigen (9)</button>", 9),
        ("<button>Load more</button>", None),
        ("<button>Show 5 more comments</button>", None),
        ('<a href="/page/3">Page 3 of 9</a>', None),
    ],
)
def test_a_load_more_control_states_how_many_it_holds(control: str, more: int | None) -> None:
    root = parse(f"<html><body>{control}</body></html>".encode())
    assert root is not None
    assert stated_more(root) == more


def test_the_stated_count_is_the_pages_posts_and_the_rest() -> None:
    posts = "".join(
        f'<article class="post" id="post-{i}"><h2>Post {i}</h2><time datetime="2024-01-15T0{i}:00:00Z">'
        f"0{i}:00</time><p>Text of post {i} with words enough to be a post body.</p></article>"
        for i in range(1, 5)
    )
    body = (
        "<html><head><title>Storm live</title></head><body><h1>Storm live updates</h1>"
        f'<div class="live-blog">{posts}</div><button class="load-more">Load more (20)</button>'
        "</body></html>"
    )
    page = extract_page(body.encode(), "https://news.example.org/live/storm")
    assert len(page.updates) == 4
    assert page.updates_expected == 24


@pytest.mark.parametrize(
    ("control", "stub"),
    [
        ("<button>Read more</button>", True),
        ('<a href="#">Continue reading</a>', True),
        ('<a href="https://news.example.org/live#post-1">Weiterlesen</a>', True),
        ('<a href="https://news.example.org/article/full-story">Read more</a>', False),
        ('<a href="#">Read more: the full story of the storm and its cost</a>', False),
        ("<p>No control at all.</p>", False),
    ],
)
def test_a_read_more_stub_is_a_cut_post(control: str, stub: bool) -> None:
    root = parse(
        f"<html><body><div><p>The start of a post.</p>{control}</div></body></html>".encode()
    )
    assert root is not None
    body = root.find(".//div")
    assert is_stub(body, "https://news.example.org/live", None) is stub


def test_a_gathered_control_removed_with_its_noscript_is_not_counted() -> None:
    """The controls gathered before entries are read, less those reading removed: what a walk
    of the tree after reading finds."""
    root = parse(
        b"<html><body><noscript><a>Load more (5)</a></noscript><p>Post</p>"
        b"<button>Load more (7)</button></body></html>"
    )
    assert root is not None
    _, gathered = survey_gathering(root, frozenset({"a", "button"}))
    assert stated_more(root, gathered) == 5
    prepare(root)
    assert stated_more(root, gathered) == stated_more(root) == 7
