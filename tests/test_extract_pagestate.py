"""Live posts kept in a page's JSON state: Arc XP's ANS story with its posts nested as stories.

The pages are BUILT here, in the structure the Washington Post's live pages keep their posts
(`__NEXT_DATA__` → `props.pageProps.globalContent.content_elements`, as a public feed reader of
the Post reads them: m4rk4/BuoyantUnrealisticModule `feedhandlers/fusion.py`) and the fields the
ANS schema defines (washingtonpost/ans-schema); the words are invented.
"""

from __future__ import annotations

import html
import json
from typing import Any

import pytest

from archive.records import Page
from crawler.extract import extract_page
from crawler.extract.html import parse
from crawler.extract.jsliteral import nuxt_state
from crawler.extract.pagestate import _devalued, read_page_state, read_state_stream
from tests.helpers import counted_calls, devalue

URL = "https://www.washingtonpost.example/world/2024/09/18/israel-lebanon-live-updates/"


def _post(n: int, shown: str, body: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "_id": f"POST{n}ABCDEF",
        "type": "story",
        "headlines": {"basic": f"Post <i>{n}</i> of the day"},
        "display_date": shown,
        "first_publish_date": "2024-09-18T09:00:00.000Z",
        "last_updated_date": shown,
        "credits": {"by": [{"type": "author", "name": "Susannah George"}]},
        "content_elements": body,
    }


def _text(words: str) -> dict[str, Any]:
    return {"type": "text", "content": words}


POSTS = [
    _post(
        3,
        "2024-09-18T16:05:00.000Z",
        [_text("What the third post reports, <a href='/x'>linked</a>.")],
    ),
    _post(
        2,
        "2024-09-18T15:40:00.000Z",
        [
            _text("What the second post reports."),
            {"type": "list", "items": [{"content": "One point"}, {"content": "Another"}]},
            {
                "type": "image",
                "url": "https://images.example/beirut.jpg",
                "caption": "Smoke over Beirut.",
                "credits": {"by": [{"name": "Bilal Hussein"}]},
            },
        ],
    ),
    _post(
        1,
        "2024-09-18T15:10:00.000Z",
        [
            _text("What the first post reports."),
            {
                "type": "oembed_response",
                "raw_oembed": {"url": "https://twitter.com/reporter/status/1836430842031206466"},
            },
        ],
    ),
]
STORY = {
    "_id": "LIVESTORY",
    "type": "story",
    "headlines": {"basic": "Israel-Lebanon live updates"},
    "content_elements": [_text("The intro paragraph of the live page."), *POSTS],
}


def _page(script: str) -> bytes:
    return (
        "<html lang='en'><head><title>Israel-Lebanon live updates - The Washington Post</title>"
        f"</head><body><main><h1>Israel-Lebanon live updates</h1><p>The intro.</p></main>{script}"
        "</body></html>"
    ).encode()


NEXT_DATA = (
    '<script id="__NEXT_DATA__" type="application/json">'
    + json.dumps({"props": {"pageProps": {"globalContent": STORY}}})
    + "</script>"
)
FUSION = (
    '<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{};'
    f"Fusion.globalContent={json.dumps(STORY)};Fusion.contentCache={{}};</script>"
)


@pytest.mark.parametrize("script", [NEXT_DATA, FUSION], ids=["next-data", "fusion"])
def test_the_posts_a_page_keeps_in_its_arc_story_are_its_updates(script: str) -> None:
    """A page whose posts are only in its JSON state: each nested story an update, with its
    id, headline (its markup dropped), the time its readers see, author and body; the intro's
    paragraph is none; the page is a live blog."""
    page = extract_page(_page(script), URL, fetched_at="2024-09-18T17:00:00Z")
    assert page.live_blog
    assert [(u.source_id, u.headline, u.published_at, u.authors) for u in page.updates] == [
        ("POST3ABCDEF", "Post 3 of the day", "2024-09-18T16:05:00Z", ["Susannah George"]),
        ("POST2ABCDEF", "Post 2 of the day", "2024-09-18T15:40:00Z", ["Susannah George"]),
        ("POST1ABCDEF", "Post 1 of the day", "2024-09-18T15:10:00Z", ["Susannah George"]),
    ]
    assert [u.body_text for u in page.updates] == [
        "What the third post reports, linked.",
        "What the second post reports.\n\nOne point\nAnother",
        "What the first post reports.",
    ]
    assert page.updates[1].media == [
        {
            "type": "image",
            "url": "https://images.example/beirut.jpg",
            "caption": "Smoke over Beirut.",
            "credit": "Bilal Hussein",
        }
    ]
    assert [m["url"] for m in page.updates[2].media] == [
        "https://twitter.com/reporter/status/1836430842031206466"
    ]


def test_a_post_of_a_picture_or_a_list_alone_is_a_post() -> None:
    """The Chicago Tribune's Arc pages post a photo alone ("Photos: Storm damage…") or a list
    alone ("What we know"): posts all the same, as a related story's card without any content
    is not; an embed's address may stand in its oEmbed's `_id` (as fusion.py reads it)."""
    photo = _post(
        5,
        "2024-09-18T16:40:00.000Z",
        [{"type": "image", "url": "https://images.example/lakefront.jpg", "caption": "Waves."}],
    )
    listed = _post(
        4, "2024-09-18T16:20:00.000Z", [{"type": "list", "items": [{"content": "Roads shut"}]}]
    )
    embedded = _post(
        6,
        "2024-09-18T16:50:00.000Z",
        [{"type": "oembed_response", "raw_oembed": {"_id": "https://twitter.com/a/status/1"}}],
    )
    story = {**STORY, "content_elements": [_text("The intro."), embedded, photo, listed, *POSTS]}
    script = (
        '<script id="__NEXT_DATA__" type="application/json">'
        + json.dumps({"props": {"pageProps": {"globalContent": story}}})
        + "</script>"
    )
    page = extract_page(_page(script), URL, fetched_at="2024-09-18T17:00:00Z")
    assert [u.source_id for u in page.updates] == [
        "POST6ABCDEF", "POST5ABCDEF", "POST4ABCDEF", "POST3ABCDEF", "POST2ABCDEF", "POST1ABCDEF"
    ]  # fmt: skip
    assert [m["url"] for m in page.updates[0].media] == ["https://twitter.com/a/status/1"]
    assert [m["url"] for m in page.updates[1].media] == ["https://images.example/lakefront.jpg"]
    assert page.updates[2].body_text == "Roads shut"


def test_a_video_posts_stream_and_title_are_its_media() -> None:
    """The Washington Post's video posts: an ANS `video` element, its streams (an HLS
    playlist, then the mp4 a browser plays) and its title. The mp4 is the post's video, its
    title the video's words, not the post's."""
    video = {
        "type": "video",
        "headlines": {"basic": "Video shows the aftermath in Beirut"},
        "streams": [
            {"url": "https://videos.example/beirut/master.m3u8", "stream_type": "ts"},
            {"url": "https://videos.example/beirut/720.mp4", "stream_type": "mp4"},
        ],
        "promo_image": {"url": "https://images.example/beirut-video.jpg"},
    }
    watch = _post(7, "2024-09-18T16:55:00.000Z", [video, _text("Footage verified by us.")])
    story = {**STORY, "content_elements": [_text("The intro."), watch, *POSTS]}
    script = (
        '<script id="__NEXT_DATA__" type="application/json">'
        + json.dumps({"props": {"pageProps": {"globalContent": story}}})
        + "</script>"
    )
    post = extract_page(_page(script), URL, fetched_at="2024-09-18T17:00:00Z").updates[0]
    assert post.source_id == "POST7ABCDEF" and post.body_text == "Footage verified by us."
    assert post.media == [
        {
            "type": "video",
            "url": "https://videos.example/beirut/720.mp4",
            "provider": None,
            "text": "Video shows the aftermath in Beirut",
        }
    ]


def test_a_posts_table_pasted_markup_correction_and_embed_are_read() -> None:
    """ANS elements a live post may hold beside its paragraphs, as fusion.py reads them: a
    `table` (its header and rows), the `raw_html` an editor pasted (a tweet's blockquote: a
    post of that alone is a post), a `correction`'s text and a `custom_embed`'s address; a
    `raw_html` of a newsletter form's script alone shows nothing and makes no post."""
    table = {
        "type": "table",
        "header": [{"type": "text", "content": "County"}, {"type": "text", "content": "Outages"}],
        "rows": [
            [{"type": "text", "content": "Norfolk"}, {"type": "text", "content": "1,204"}],
            ["Essex", "877"],
        ],
    }
    tweet = (
        '<blockquote class="twitter-tweet"><p>Gusts of 70 mph at the harbor.</p>&mdash; NWS'
        ' <a href="https://twitter.com/nws/status/1785612345678901234">May 1</a></blockquote>'
    )
    posts = [
        _post(9, "2024-09-18T16:58:00.000Z", [_text("Outages by county."), table]),
        _post(8, "2024-09-18T16:56:00.000Z", [{"type": "raw_html", "content": tweet}]),
        _post(
            7, "2024-09-18T16:54:00.000Z", [{"type": "raw_html", "content": "<script>s()</script>"}]
        ),
        _post(
            6,
            "2024-09-18T16:52:00.000Z",
            [
                _text("Schools stay shut."),
                {"type": "correction", "correction_type": "clarification", "text": "Fixed a name."},
                {
                    "type": "custom_embed",
                    "subtype": "datawrapper",
                    "embed": {"url": "https://dw.example/AbC/1/"},
                },
            ],
        ),
    ]
    story = {**STORY, "content_elements": [_text("The intro."), *posts, *POSTS]}
    data = json.dumps({"props": {"pageProps": {"globalContent": story}}})
    script = (  # ("</" escaped, as Next.js does, lest a pasted "</script>" end the script)
        '<script id="__NEXT_DATA__" type="application/json">'
        + data.replace("</", "<\\/")
        + "</script>"
    )
    page = extract_page(_page(script), URL, fetched_at="2024-09-18T17:00:00Z")
    updates = {u.source_id: u for u in page.updates}
    assert list(updates)[:3] == ["POST9ABCDEF", "POST8ABCDEF", "POST6ABCDEF"]
    assert updates["POST9ABCDEF"].body_text == (
        "Outages by county.\n\nCounty Outages\nNorfolk 1,204\nEssex 877"
    )
    assert [m["url"] for m in updates["POST8ABCDEF"].media] == [
        "https://twitter.com/nws/status/1785612345678901234"
    ]
    assert updates["POST6ABCDEF"].body_text == "Schools stay shut.\n\nFixed a name."
    assert [m["url"] for m in updates["POST6ABCDEF"].media] == ["https://dw.example/AbC/1/"]


def test_a_post_of_a_gallery_alone_is_a_post_of_its_pictures() -> None:
    """An ANS `gallery` (fusion.py reads its `content_elements`' first picture): its pictures
    are the post's, and a dated post of a gallery alone is a post, as one of a picture is."""
    pictures = [
        {"type": "image", "url": f"https://images.example/flood-{n}.jpg", "caption": f"Flood {n}."}
        for n in (1, 2)
    ]
    gallery = {"type": "gallery", "headlines": {"basic": "Photos"}, "content_elements": pictures}
    photos = _post(8, "2024-09-18T16:56:00.000Z", [gallery])
    story = {**STORY, "content_elements": [_text("The intro."), photos, *POSTS]}
    script = (
        '<script id="__NEXT_DATA__" type="application/json">'
        + json.dumps({"props": {"pageProps": {"globalContent": story}}})
        + "</script>"
    )
    post = extract_page(_page(script), URL, fetched_at="2024-09-18T17:00:00Z").updates[0]
    assert post.source_id == "POST8ABCDEF"
    assert [(m["url"], m["caption"]) for m in post.media] == [
        ("https://images.example/flood-1.jpg", "Flood 1."),
        ("https://images.example/flood-2.jpg", "Flood 2."),
    ]


def test_pasted_markup_that_shows_only_what_a_body_drops_makes_no_post() -> None:
    """A `raw_html` an editor pasted that shows a reader only what a post's body leaves out,
    an ad slot's label or a newsletter's sign-up box, is nothing: a post of that alone is no
    post, as a newsletter form's script alone is none; a chart's words beside it stay."""
    ad = "<div class='ad-slot'><span>Advertisement</span><div id='gpt-ad-1'></div></div>"
    signup = (
        "<div class='newsletter-signup'><p>Sign up for our storm newsletter</p><form>"
        "<input type='email' name='email'><button type='submit'>Sign up</button></form></div>"
    )
    chart = (
        "<style>.chart{width:100%}</style><div class='chart'><p>Wind speed by hour</p></div>"
        "<script>draw()</script>"
    )
    posts = [
        _post(9, "2024-09-18T16:58:00.000Z", [_text("Winds pick up."), _raw(chart)]),
        _post(8, "2024-09-18T16:56:00.000Z", [_raw(ad)]),
        _post(7, "2024-09-18T16:54:00.000Z", [_raw(signup)]),
    ]
    story = {**STORY, "content_elements": [_text("The intro."), *posts, *POSTS]}
    data = json.dumps({"props": {"pageProps": {"globalContent": story}}})
    script = (
        '<script id="__NEXT_DATA__" type="application/json">'
        + data.replace("</", "<\\/")
        + "</script>"
    )
    page = extract_page(_page(script), URL, fetched_at="2024-09-18T17:00:00Z")
    updates = {u.source_id: u for u in page.updates}
    assert list(updates) == ["POST9ABCDEF", "POST3ABCDEF", "POST2ABCDEF", "POST1ABCDEF"]
    assert updates["POST9ABCDEF"].body_text == "Winds pick up.\n\nWind speed by hour"


def _raw(markup: str) -> dict[str, Any]:
    return {"type": "raw_html", "content": markup}


def test_a_story_with_one_nested_story_is_no_live_page_and_broken_state_is_nothing() -> None:
    """An article that embeds one related story, or cards of several, is an article; a script
    whose JSON is broken or nests itself beyond reason is read as nothing, without an error."""
    one = {**STORY, "content_elements": [_text("An article."), POSTS[0]]}
    pictured = {  # related stories' cards with a picture, a "Key points" list: no posts
        **STORY,
        "content_elements": [
            _text("An article."),
            {"type": "story", "_id": "CARD1", "content_elements": [
                {"type": "image", "url": "https://images.example/card.jpg"}]},
            {"type": "story", "_id": "KEYS", "content_elements": [
                {"type": "list", "items": [{"content": "Roads shut"}]}]},
        ],
    }  # fmt: skip
    cards = {  # related stories' cards: headlines and links, no words of their own
        **STORY,
        "content_elements": [
            _text("An article."),
            *(
                {"type": "story", "_id": f"CARD{n}", "headlines": {"basic": "Read"}}
                for n in range(3)
            ),
        ],
    }
    article = '<script id="__NEXT_DATA__">' + json.dumps(
        {"props": {"pageProps": {"globalContent": one}}}
    )
    for script in (
        article + "</script>",
        '<script id="__NEXT_DATA__">'
        + json.dumps({"props": {"pageProps": {"globalContent": cards}}})
        + "</script>",
        '<script id="__NEXT_DATA__">'
        + json.dumps({"props": {"pageProps": {"globalContent": pictured}}})
        + "</script>",
        '<script id="__NEXT_DATA__">{"content_elements": [</script>',
        '<script id="__NEXT_DATA__">' + '{"content_elements":' * 100_000 + "</script>",
    ):
        root = parse(_page(script))
        assert root is not None
        state = read_page_state(root.iter("script"))
        assert (state.updates, state.live) == ([], False)
        assert extract_page(_page(script), URL).updates == []


def test_quotes_nested_beyond_reason_in_a_post_are_nothing_without_an_error() -> None:
    """A post's quote in a quote, four hundred deep (a hostile page's, within what JSON reads),
    is read as nothing past a few levels; the page's posts are read, and nothing raises."""
    quote: dict[str, Any] = _text("The innermost words.")
    for _ in range(400):
        quote = {"type": "quote", "content_elements": [quote]}
    deep = [{**post, "content_elements": [*post["content_elements"], quote]} for post in POSTS]
    story = {**STORY, "content_elements": [_text("The intro."), *deep]}
    script = f"<script>Fusion.globalContent={json.dumps(story)};</script>"
    read = extract_page(_page(script), URL)
    assert [u.source_id for u in read.updates] == [
        "POST3ABCDEF", "POST2ABCDEF", "POST1ABCDEF"
    ]  # fmt: skip
    assert "innermost" not in read.updates[0].body_text


def test_posts_the_html_shows_too_are_one_update_each() -> None:
    """Where the page renders the posts as well, each post is one update: the state's reading
    and the HTML's merge."""
    shown = "".join(
        f"<article class='post'><time datetime='{p['display_date']}'>x</time>"
        f"<h2>Post {p['_id'][4]} of the day</h2><p>{p['content_elements'][0]['content']}</p>"
        "</article>"
        for p in POSTS
    )
    page = extract_page(
        _page(f"<div class='feed'>{shown}</div>{NEXT_DATA}"), URL, fetched_at="2024-09-18T17:00:00Z"
    )
    assert [u.headline for u in page.updates] == [f"Post {n} of the day" for n in (3, 2, 1)]
    assert all({"html", "pagedata"} <= set(u.sources) for u in page.updates)


# GOAL's live pages -------------------------------------------------------------------------

GOAL = "https://www.goal.com/en/lists/man-utd-vs-liverpool-live-premier-league/blt5a1b2c3d4e5f"


def _goal_post(n: int, body: str, media: dict[str, Any] | None = None) -> dict[str, Any]:
    post: dict[str, Any] = {
        "id": f"blt0{n}",
        "headline": f"Goal number {n}",
        "updateTime": f"2024-04-07T16:{n}0:00Z",
        "details": {"body": body, "embeds": {}},
    }
    if media:
        post["media"] = media
    return post


def test_goals_live_posts_are_read_from_its_next_data() -> None:
    """GOAL's live pages keep their posts in Next.js's data (`pageProps.content.liveBlog`, as
    m4rk4/BuoyantUnrealisticModule's `feedhandlers/goal.py` reads them), escaped as Next.js
    escapes "<": each post's headline, time, picture with its credit, and words, without the
    script that holds a bookmaker's odds."""
    posts = [
        _goal_post(3, "<p>Salah sends Onana the wrong way from the spot.</p>"
                   '<script data-placement="betting-e2">{"odds": 2}</script>'),
        _goal_post(2, "<p>What a finish from the teenager, into the top corner.</p>",
                   {"type": "Image", "image": {"src": "https://assets.goal.com/mainoo.jpg"},
                    "credit": "Getty Images"}),
        _goal_post(1, "<p>Diaz pokes in the rebound after Onana parries the header.</p>"),
    ]  # fmt: skip
    data = {"props": {"pageProps": {"content": {"liveBlog": {"id": "blt5a1b2c3d4e5f",
            "headline": "Man Utd vs Liverpool LIVE", "pinned": [], "posts": posts}}}}}  # fmt: skip
    script = json.dumps(data).replace("<", "\\u003c")
    page = _page(f'<script id="__NEXT_DATA__" type="application/json">{script}</script>')
    read = extract_page(page, GOAL, fetched_at="2024-04-07T17:40:00Z")
    assert [(u.source_id, u.headline, u.published_at) for u in read.updates] == [
        (f"blt0{n}", f"Goal number {n}", f"2024-04-07T16:{n}0:00Z") for n in (3, 2, 1)
    ]
    assert read.updates[0].body_text == "Salah sends Onana the wrong way from the spot."
    assert read.updates[1].media == [
        {"type": "image", "url": "https://assets.goal.com/mainoo.jpg", "caption": None,
         "credit": "Getty Images"}
    ]  # fmt: skip


# Any other build's state: pages built here in the shape DR's Next.js data holds its live blog
# (foxtrut/beosound5c `services/sources/dr_news.py`: `viewProps.article.liveBlog.items`, each
# with `id`, `title` and `content` in HTML, no time), and in a `window.__INITIAL_STATE__`
# assignment; the words are invented.

DR = "https://www.dr.dk/sporten/fodbold/superligaen/live-sidste-spillerunde"


def _state_page(title: str, script: str) -> bytes:
    return (
        f"<html lang='da'><head><title>{title}</title></head><body><main><h1>{title}</h1>"
        "<div class='dre-liveblog'><p>Indlæser…</p></div></main>"
        f"{script}</body></html>"
    ).encode()


def _storm_live(script: str) -> Page:
    """The page a live blog's address serves, its posts only in `script`, read an afternoon
    after its start."""
    return extract_page(
        _state_page("Storm – live", script),
        "https://www.example.com/live/storm",
        fetched_at="2024-06-01T16:00:00Z",
    )


def _next_data(data: dict[str, Any]) -> str:
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


DR_ITEMS = [
    {"id": "12440107", "title": "Slutfløjt: Mesterskabet er afgjort",
     "content": "<p>Dommeren fløjter af efter fire minutters tillægstid, og hjemmeholdet kan fejre"
                " guldet.</p>"},
    {"id": "12440088", "title": "",
     "content": "<p>Udeholdets fans har tændt blus på langsiden, og kampen er kortvarigt"
                " afbrudt.</p>"},
    {"id": "12440061", "title": "Mål! 2-1 til hjemmeholdet",
     "content": "<p>Et hovedstød på bagerste stolpe efter et hjørnespark sender hjemmeholdet"
                " foran igen.</p>"},
]  # fmt: skip


def test_a_live_pages_posts_only_in_its_state_under_a_live_name_are_its_updates() -> None:
    """A page that says it is live and shows no post: the list its Next.js data keeps under
    `liveBlog` is its stream, each item a post with its id, title and words (DR gives no
    time: the posts keep none, in the list's order)."""
    data = {"props": {"pageProps": {"viewProps": {"article": {
        "title": "LIVE Sidste spillerunde", "liveBlog": {"id": "drsport/4711", "items": DR_ITEMS},
        "related": [{"id": "1", "title": "Andet", "url": "/a"}]}}}}}  # fmt: skip
    page = _state_page("LIVE Sidste spillerunde: Følg kampene her", _next_data(data))
    read = extract_page(page, DR, fetched_at="2024-06-01T16:00:00Z")
    assert [(u.source_id, u.headline, u.published_at) for u in read.updates] == [
        ("12440107", "Slutfløjt: Mesterskabet er afgjort", None),
        ("12440088", None, None),
        ("12440061", "Mål! 2-1 til hjemmeholdet", None),
    ]
    assert read.updates[1].body_text.startswith("Udeholdets fans har tændt blus")


@pytest.mark.parametrize(
    "assignment", ["window['__espnfitt__']=", 'window["__espnfitt__"] = ', "window.__espnfitt__="]
)
def test_a_state_assigned_by_its_name_in_brackets_or_lower_case_is_read(assignment: str) -> None:
    """ESPN keeps its page's state as `window['__espnfitt__']={…}` (as public scrapers of its
    pages read it, at `page.content`): a live page's stream there is read as one in
    `window.__STATE__ = {…}` is. The names below `page.content` are invented."""
    posts = [
        {"id": f"p{n}", "date": f"2024-06-01T15:{n}0:00Z", "headline": f"Update {n}",
         "body": f"<p>The words of update number {n}, more than a few of them here.</p>"}
        for n in (3, 2, 1)
    ]  # fmt: skip
    state = {"page": {"content": {"liveBlog": {"posts": posts}}}}
    script = f"<script>{assignment}{json.dumps(state)};</script>"
    read = extract_page(
        _state_page("Live: the final", script), DR, fetched_at="2024-06-01T16:00:00Z"
    )
    assert [(u.source_id, u.published_at) for u in read.updates] == [
        (f"p{n}", f"2024-06-01T15:{n}0:00Z") for n in (3, 2, 1)
    ]


def test_a_script_of_many_names_like_a_states_is_read_at_once() -> None:
    """A script of thousands of capitals between double underscores ("__A__A__A…"), each one
    a state's name that is never assigned, is no state, and is read in a time its length
    sets, not its square."""
    names = "__A" * 100_000
    for script in (f"<script>{names}</script>", f"<script>{names}__ = {{}}</script>"):
        root = parse(_state_page("Kampen – live", script))
        assert root is not None
        assert read_state_stream(root.iter("script"), root, DR) == []


def test_a_state_assignments_dated_posts_are_its_updates() -> None:
    """`window.__INITIAL_STATE__ = {…};` with the stream under `ticker.entries`: a name that
    does not say live blog needs each post's time."""
    posts = [
        {"id": n, "publishedAt": f"2024-06-01T15:{n}0:00Z", "headline": f"Indlæg {n}",
         "body": [{"type": "paragraph", "text": f"Ordene i indlæg nummer {n}, flere end blot et par få."}],
         "author": {"name": "Mette Holm"}}
        for n in (3, 2, 1)
    ]  # fmt: skip
    script = f"<script>window.__INITIAL_STATE__ = {json.dumps({'page': {'ticker': {'entries': posts}}})};</script>"
    read = extract_page(_state_page("Valget – live", script), DR, fetched_at="2024-06-01T16:00:00Z")
    assert [(u.source_id, u.published_at, u.authors) for u in read.updates] == [
        (str(n), f"2024-06-01T15:{n}0:00Z", ["Mette Holm"]) for n in (3, 2, 1)
    ]
    assert read.updates[0].body_text == "Ordene i indlæg nummer 3, flere end blot et par få."
    undated = [{k: v for k, v in post.items() if k != "publishedAt"} for post in posts]
    script = f"<script>window.__INITIAL_STATE__ = {json.dumps({'page': {'ticker': {'entries': undated}}})};</script>"
    assert extract_page(_state_page("Valget – live", script), DR).updates == []


@pytest.mark.parametrize(
    ("title", "name", "item"),
    [
        # A live page's related stories: a summary and a link, no words of their own.
        ("LIVE Sidste spillerunde", "liveBlog",
         {"title": "Læs også", "summary": "En anden historie, med flere ord end et par stykker.",
          "url": "/sporten/andet"}),
        # Comments under a live title hang under their own name.
        ("LIVE Sidste spillerunde", "comments",
         {"content": "Hvilken kamp! Jeg har fulgt med hele eftermiddagen her.",
          "createdAt": "2024-06-01T15:10:00Z"}),
        # A page's related live blogs, and readers' comments under a live name.
        ("LIVE Sidste spillerunde", "relatedLiveblogs",
         {"content": "<p>En anden liveblog om en anden kamp, med flere ord end få.</p>",
          "createdAt": "2024-06-01T15:10:00Z"}),
        ("LIVE Sidste spillerunde", "livecomments",
         {"content": "Hvilken kamp! Jeg har fulgt med hele eftermiddagen her.",
          "createdAt": "2024-06-01T15:10:00Z"}),
        # A page nothing says is live keeps its lists to itself.
        ("Sidste spillerunde i Superligaen", "liveBlog",
         {"content": "<p>Dommeren fløjter af efter fire minutters tillægstid i dag.</p>",
          "createdAt": "2024-06-01T15:10:00Z"}),
    ],
)  # fmt: skip
def test_state_lists_that_are_no_stream_give_no_updates(
    title: str, name: str, item: dict[str, Any]
) -> None:
    items = [{**item, "id": str(n)} for n in range(5)]
    page = _state_page(title, _next_data({"props": {"pageProps": {name: {"items": items}}}}))
    url = "https://www.dr.dk/sporten/fodbold/superligaen/sidste-spillerunde"
    assert extract_page(page, url, fetched_at="2024-06-01T16:00:00Z").updates == []


def test_a_custom_elements_json_attribute_holds_the_stream() -> None:
    """Sky TG24's live pages (as Yoddikko/Mercury's saved pages show them) hand their posts to
    a web component, `<ed-liveblog-container-widget model='{…}'>`, with `posts[]` each with
    its `postId`, `timestamp`, `title` and `content`: where the markup shows none, those are
    the page's posts, the element's name saying live blog."""
    posts = [
        {"postId": f"3f6a2c1e-000{n}", "timestamp": f"2026-03-14T09:{n}2:10.112Z",
         "title": f"Aggiornamento {n}",
         "content": f"<p>Le parole dell'aggiornamento numero {n}, più di qualche parola.</p>"}
        for n in (5, 4, 3)
    ]  # fmt: skip
    model = html.escape(json.dumps({"labellive": "LIVE", "pinnedPosts": [], "posts": posts}))
    page = (
        "<html lang='it'><head><title>Maltempo, allerta rossa. LIVE</title></head><body><main>"
        f"<ed-liveblog-container-widget model='{model}'></ed-liveblog-container-widget>"
        "</main></body></html>"
    ).encode()
    url = "https://tg24.sky.it/cronaca/2026/03/14/maltempo-diretta"
    read = extract_page(page, url, fetched_at="2026-03-14T10:00:00Z")
    assert [(u.source_id, u.headline, u.published_at) for u in read.updates] == [
        (f"3f6a2c1e-000{n}", f"Aggiornamento {n}", f"2026-03-14T09:{n}2:10Z") for n in (5, 4, 3)
    ]


@pytest.mark.parametrize(
    ("holder", "name", "link"),
    [
        ("liveBlog", "latestUpdates", None),  # a live blog's own latest posts
        ("liveCommentary", "entries", None),  # commentary, no comments
        ("newsticker", "items", None),  # German "Newsticker": a live blog
        ("ticker", "posts", "#post-{n}"),  # each post's own permalink
        ("ticker", "posts", "https://www.example.de/live/storm?post={n}"),
        ("ticker", "posts", "/live/storm/p{n}"),  # its own address, under the page's
    ],
)
def test_state_streams_under_their_names_with_their_own_permalinks(
    holder: str, name: str, link: str | None
) -> None:
    posts = [
        {"id": f"p{n}", "publishedAt": f"2024-06-01T15:{n}0:00Z", "title": f"Eintrag {n}",
         "body": f"<p>Die Worte des Eintrags Nummer {n}, mehr als nur ein paar.</p>"}
        | ({"url": link.format(n=n)} if link else {})
        for n in (3, 2, 1)
    ]  # fmt: skip
    page = _state_page("Unwetter – live", _next_data({"props": {holder: {name: posts}}}))
    url = "https://www.example.de/live/storm"
    read = extract_page(page, url, fetched_at="2024-06-01T16:00:00Z")
    assert [u.source_id for u in read.updates] == ["p3", "p2", "p1"]


def test_a_hubs_live_blogs_under_its_address_are_no_posts() -> None:
    """A section of live blogs at `/liveblog`, its state listing them under `liveBlog.items`,
    each linking to its own page under the section's address: pages of their own, no posts."""
    items = [
        {"id": f"{n}", "publishedAt": f"2024-06-01T15:{n}0:00Z", "title": f"Liveblog {n}",
         "text": f"Følg med i liveblog nummer {n} om dagens store begivenheder.",
         "url": f"/liveblog/dagens-begivenheder-{n * 7}"}
        for n in (3, 2, 1, 0)
    ]  # fmt: skip
    page = _state_page("Liveblogs – live", _next_data({"props": {"liveBlog": {"items": items}}}))
    url = "https://www.example.dk/liveblog"
    assert extract_page(page, url, fetched_at="2024-06-01T16:00:00Z").updates == []


# Bodies and fields of other documented shapes: rich text as Sanity's Portable Text
# (portabletext/portabletext: blocks of `children` spans, each with its `text`) and
# Contentful's (contentful/rich-text: a `document` whose `content` nodes hold `text` nodes'
# `value`), and a post as the Financial Times' live blog component takes it
# (Financial-Times/x-dash `components/x-live-blog-post`: `id`, `title`, `bodyHTML`,
# `publishedDate`); the words are invented.

_WORDS = "The words of update number {n}, more than a few of them written here."


def _shaped(n: int, shape: str) -> dict[str, Any]:
    words = _WORDS.format(n=n)
    time = f"2024-06-01T15:{n}0:00Z"
    if shape == "portable":
        spans = [{"_type": "span", "text": words[:20]}, {"_type": "span", "text": words[20:]}]
        return {"_id": f"p{n}", "publishedAt": time, "title": f"Update {n}",
                "body": [{"_type": "block", "style": "normal", "children": spans}]}  # fmt: skip
    if shape == "contentful":
        text = {"nodeType": "text", "value": words, "marks": []}
        paragraph = {"nodeType": "paragraph", "content": [text]}
        return {"id": f"p{n}", "createdAt": time, "title": f"Update {n}",
                "body": {"nodeType": "document", "content": [paragraph]}}  # fmt: skip
    return {"id": f"p{n}", "publishedDate": time, "title": f"Update {n}",
            "bodyHTML": f"<p>{words}</p>", "isBreakingNews": False}  # fmt: skip


@pytest.mark.parametrize("shape", ["portable", "contentful", "ft"])
def test_state_posts_in_rich_text_or_under_other_documented_names_are_read(shape: str) -> None:
    posts = [_shaped(n, shape) for n in (3, 2, 1)]
    page = _state_page("Storm – live", _next_data({"props": {"liveBlog": {"posts": posts}}}))
    read = extract_page(
        page, "https://www.example.com/live/storm", fetched_at="2024-06-01T16:00:00Z"
    )
    assert [(u.source_id, u.published_at) for u in read.updates] == [
        (f"p{n}", f"2024-06-01T15:{n}0:00Z") for n in (3, 2, 1)
    ]
    assert read.updates[0].body_text == _WORDS.format(n=3)


# A GraphQL page's posts one list down: The Athletic's live blog query asks for
# `liveBlog { posts(page: …) { pageInfo items { … on LiveBlogPost } } }` (theathletic's public
# Android client, `LiveBlogPosts`), and a Relay connection gives `posts { edges { node } }`
# (the GraphQL Cursor Connections specification); the words are invented.


@pytest.mark.parametrize("wrap", ["items", "edges"])
def test_a_state_streams_posts_in_a_connection_under_its_name_are_read(wrap: str) -> None:
    posts = [
        {"id": f"p{n}", "publishedAt": f"2024-06-01T15:{n}0:00Z", "title": f"Update {n}",
         "body": f"<p>{_WORDS.format(n=n)}</p>"}
        for n in (3, 2, 1)
    ]  # fmt: skip
    listed = [{"node": post} for post in posts] if wrap == "edges" else posts
    connection = {"pageInfo": {"hasNextPage": True}, wrap: listed}
    page = _state_page("Storm – live", _next_data({"props": {"liveBlog": {"posts": connection}}}))
    read = extract_page(
        page, "https://www.example.com/live/storm", fetched_at="2024-06-01T16:00:00Z"
    )
    assert [(u.source_id, u.published_at) for u in read.updates] == [
        (f"p{n}", f"2024-06-01T15:{n}0:00Z") for n in (3, 2, 1)
    ]


@pytest.mark.parametrize("holder", ["comments", "teasers"])
def test_a_connection_under_a_live_name_of_no_posts_gives_no_updates(holder: str) -> None:
    """Readers' comments, or teasers, as a connection on a live page are no stream."""
    items = [
        {"node": {"id": f"c{n}", "createdAt": f"2024-06-01T15:{n}0:00Z",
                  "text": f"A reader's comment number {n}, with more than a few words in it."}}
        for n in (3, 2, 1)
    ]  # fmt: skip
    data = {"props": {"liveBlog": {holder: {"edges": items}}}}
    page = _state_page("Storm – live", _next_data(data))
    url = "https://www.example.com/live/storm"
    assert extract_page(page, url, fetched_at="2024-06-01T16:00:00Z").updates == []


# Apollo Client's normalized cache, as a page hands it to the browser (`window.__APOLLO_STATE__`
# or Next.js's `pageProps.__APOLLO_STATE__`): every object under `<__typename>:<id>` with its
# `__typename`, lists of `{"__ref": "<__typename>:<id>"}` in their holders, `ROOT_QUERY` the
# queries' root (Apollo Client's documentation, "Caching in Apollo Client"); the type and
# field names below are invented.


def _apollo(post_type: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    cache: dict[str, Any] = {
        "ROOT_QUERY": {"__typename": "Query", "liveBlog": {"__ref": "LiveBlog:9"}}
    }
    for n in (3, 2, 1):
        cache[f"{post_type}:p{n}"] = {
            "__typename": post_type, "id": f"p{n}", "publishedAt": f"2024-06-01T15:{n}0:00Z",
            "title": f"Update {n}", "body": f"<p>{_WORDS.format(n=n)}</p>",
        } | (extra or {})  # fmt: skip
    cache["LiveBlog:9"] = {
        "__typename": "LiveBlog", "id": "9", "title": "Storm live",
        "posts": [{"__ref": f"{post_type}:p{n}"} for n in (3, 2, 1)],
    }  # fmt: skip
    return cache


@pytest.mark.parametrize("where", ["window", "next"])
def test_the_live_posts_in_an_apollo_cache_are_read(where: str) -> None:
    cache = _apollo("LiveBlogPost")
    script = (
        f"<script>window.__APOLLO_STATE__={json.dumps(cache)};</script>"
        if where == "window"
        else _next_data({"props": {"pageProps": {"__APOLLO_STATE__": cache}}})
    )
    read = _storm_live(script)
    assert [(u.source_id, u.published_at) for u in read.updates] == [
        (f"p{n}", f"2024-06-01T15:{n}0:00Z") for n in (3, 2, 1)
    ]


@pytest.mark.parametrize(
    ("post_type", "extra"),
    [
        ("Comment", None),  # readers' comments
        ("LiveComment", None),
        ("BlogPost", None),  # a blog's posts, no live blog's
        ("Article", {"url": "https://www.example.com/news/other-story"}),  # teasers
        ("LiveBlogPost", {"url": "https://www.example.com/live/other-storm"}),  # other blogs
    ],
)
def test_an_apollo_caches_other_objects_are_no_posts(
    post_type: str, extra: dict[str, Any] | None
) -> None:
    script = f"<script>window.__APOLLO_STATE__={json.dumps(_apollo(post_type, extra))};</script>"
    read = _storm_live(script)
    assert read.updates == []


def test_a_fusion_assignments_live_list_is_read() -> None:
    """Arc XP's classic pages assign their content as `Fusion.globalContent={…};` (as the
    feed reader above reads it): a content source of a build's own shape, its live posts
    under a live name, is read as `window.__STATE__` is."""
    posts = [
        {"id": f"p{n}", "date": f"2024-06-01T15:{n}0:00Z", "headline": f"Update {n}",
         "body": f"<p>{_WORDS.format(n=n)}</p>"}
        for n in (3, 2, 1)
    ]  # fmt: skip
    state = {"_id": "ABC", "type": "live", "live_posts": posts}
    script = (
        f"<script>Fusion=window.Fusion||{{}};Fusion.globalContent={json.dumps(state)};</script>"
    )
    read = _storm_live(script)
    assert [u.source_id for u in read.updates] == ["p3", "p2", "p1"]


# An ordinary article's state at an address and under a title that say live: its body's
# blocks, its related stories, readers' comments and a sidebar's latest stories, each with an
# id, a title or words and a date, in Next.js's data and in an Apollo cache.
_DATED = [f"2024-06-01T1{n}:00:00Z" for n in range(5)]
_ORDINARY = {
    "article": {
        "id": "a1", "title": "Live music returns to the park", "publishedAt": _DATED[0],
        "body": [{"type": "paragraph", "text": _WORDS.format(n=n) + " Concert."} for n in range(5)],
        "related": [{"id": f"r{n}", "title": f"Story {n}", "publishedAt": d,
                     "text": _WORDS.format(n=n), "url": f"/news/story-{n}"}
                    for n, d in enumerate(_DATED)],
        "comments": [{"id": f"c{n}", "createdAt": d, "text": _WORDS.format(n=n)}
                     for n, d in enumerate(_DATED)],
    },
    "latestItems": [{"id": f"l{n}", "date": d, "title": f"Latest {n}", "body": _WORDS.format(n=n)}
                    for n, d in enumerate(_DATED)],
}  # fmt: skip
_ORDINARY_CACHE = {
    "ROOT_QUERY": {"__typename": "Query"},
    **{f"Comment:{n}": {"__typename": "Comment", "id": n, "createdAt": d,
                        "text": _WORDS.format(n=n)} for n, d in enumerate(_DATED)},
    **{f"LiveEventTeaser:{n}": {"__typename": "LiveEventTeaser", "id": n, "date": d,
                                "body": _WORDS.format(n=n), "url": f"/live/other-{n}"}
       for n, d in enumerate(_DATED)},
}  # fmt: skip


@pytest.mark.parametrize("where", ["next", "apollo"])
def test_an_ordinary_articles_state_at_a_live_address_gives_no_updates(where: str) -> None:
    state = (
        _next_data({"props": {"pageProps": _ORDINARY}})
        if where == "next"
        else f"<script>window.__APOLLO_STATE__={json.dumps(_ORDINARY_CACHE)};</script>"
    )
    page = _state_page("Live music returns to the park – live review", state)
    url = "https://www.example.com/live/2024/06/01/live-music-returns"
    assert extract_page(page, url, fetched_at="2024-06-01T16:00:00Z").updates == []


# Lists of other pages under a live name, whose items give a slug alone for their address (as
# Next.js builds' teasers often do), a time and words: a hub's or a sidebar's list of live
# blogs (`liveBlogs.items`, its name plural) and a live blog's own related stories
# (`liveBlog.relatedPosts`); the names and words are invented.


@pytest.mark.parametrize(("holder", "name"), [("liveBlogs", "items"), ("liveBlog", "relatedPosts")])
def test_other_pages_listed_under_a_live_blogs_name_are_no_posts(holder: str, name: str) -> None:
    items = [
        {"id": f"b{n}", "title": f"Other story {n}", "publishedAt": f"2024-06-01T15:{n}0:00Z",
         "slug": f"other-story-{n}", "body": _WORDS.format(n=n)}
        for n in (3, 2, 1)
    ]  # fmt: skip
    page = _state_page(
        "Storm – live", _next_data({"props": {"pageProps": {holder: {name: items}}}})
    )
    url = "https://www.example.com/live/storm"
    assert extract_page(page, url, fetched_at="2024-06-01T16:00:00Z").updates == []


def test_a_state_posts_markup_wins_over_its_plain_excerpt() -> None:
    """A post that gives its words twice, a plain `text` excerpt (a teaser's first lines)
    beside its `bodyHTML`, is read from its markup, whole."""
    posts = [
        {"id": f"p{n}", "publishedDate": f"2024-06-01T15:{n}0:00Z", "text": _WORDS.format(n=n),
         "bodyHTML": f"<p>{_WORDS.format(n=n)}</p><p>And a second paragraph.</p>"}
        for n in (3, 2, 1)
    ]  # fmt: skip
    page = _state_page("Storm – live", _next_data({"props": {"liveBlog": {"posts": posts}}}))
    read = extract_page(
        page, "https://www.example.com/live/storm", fetched_at="2024-06-01T16:00:00Z"
    )
    assert read.updates[0].body_text == _WORDS.format(n=3) + "\n\nAnd a second paragraph."


def _contentful_text(value: str) -> dict[str, Any]:
    return {"nodeType": "text", "value": value, "marks": [], "data": {}}


def _contentful_paragraph(*nodes: dict[str, Any]) -> dict[str, Any]:
    return {"nodeType": "paragraph", "data": {}, "content": list(nodes)}


def test_a_state_posts_rich_text_keeps_its_links_words_and_its_lists_items_apart() -> None:
    """Contentful's rich text (contentful/rich-text: a `hyperlink` node holds its own `text`
    nodes among a paragraph's, an `unordered-list` its `list-item`s of paragraphs): a link's
    words run on with the words around it as the page shows them, and a list's items are
    lines of their own, not one run of words."""
    link = {"nodeType": "hyperlink", "data": {"uri": "https://www.example.com/pm"},
            "content": [_contentful_text("the Prime Minister")]}  # fmt: skip
    items = [
        {
            "nodeType": "list-item",
            "data": {},
            "content": [_contentful_paragraph(_contentful_text(w))],
        }
        for w in ("Roads shut", "Trains cancelled")
    ]
    posts = [
        {"id": f"p{n}", "createdAt": f"2024-06-01T15:{n}0:00Z",
         "body": {"nodeType": "document", "data": {}, "content": [
             _contentful_paragraph(_contentful_text("He met "), link,
                                   _contentful_text(f", who spoke of update {n} at length.")),
             {"nodeType": "unordered-list", "data": {}, "content": items}]}}
        for n in (3, 2, 1)
    ]  # fmt: skip
    page = _state_page("Storm – live", _next_data({"props": {"liveBlog": {"posts": posts}}}))
    read = extract_page(
        page, "https://www.example.com/live/storm", fetched_at="2024-06-01T16:00:00Z"
    )
    assert read.updates[0].body_text == (
        "He met the Prime Minister, who spoke of update 3 at length."
        "\n\nRoads shut\n\nTrains cancelled"
    )


def test_an_apollo_cache_posts_authors_by_reference_are_named() -> None:
    """An Apollo cache keeps a post's author once, as its own object, and the post refers to
    it (`{"__ref": "Author:1"}`): the post's author is that object's name."""
    cache = _apollo("LiveBlogPost", {"authors": [{"__ref": "Author:1"}]})
    cache["Author:1"] = {"__typename": "Author", "id": "1", "name": "Jane Roe"}
    script = f"<script>window.__APOLLO_STATE__={json.dumps(cache)};</script>"
    read = _storm_live(script)
    assert [u.authors for u in read.updates] == [["Jane Roe"]] * 3


@pytest.mark.parametrize(
    ("created", "shown", "edited"),
    [
        # ANS's dates (washingtonpost/ans-schema): a draft's `created_date`, the
        # `display_date` readers see, the `last_updated_date` of its edit.
        ("created_date", "display_date", "last_updated_date"),
        # A headless CMS's (Strapi's, Sanity's): `createdAt`, `publishedAt`, `updatedAt`.
        ("createdAt", "publishedAt", "updatedAt"),
    ],
)
def test_a_state_posts_shown_time_is_its_time_and_its_last_edit_its_edit(
    created: str, shown: str, edited: str
) -> None:
    posts = [
        {"id": f"p{n}", created: f"2024-06-01T14:{n}0:00Z", shown: f"2024-06-01T15:{n}0:00Z",
         edited: "2024-06-01T15:55:00Z", "body": f"<p>{_WORDS.format(n=n)}</p>"}
        for n in (3, 2, 1)
    ]  # fmt: skip
    page = _state_page("Storm – live", _next_data({"props": {"liveBlog": {"posts": posts}}}))
    read = extract_page(
        page, "https://www.example.com/live/storm", fetched_at="2024-06-01T16:00:00Z"
    )
    assert [(u.published_at, u.modified_at) for u in read.updates] == [
        (f"2024-06-01T15:{n}0:00Z", "2024-06-01T15:55:00Z") for n in (3, 2, 1)
    ]


# Nuxt 3 hands its payload to the browser in `<script type="application/json"
# id="__NUXT_DATA__">` as devalue serialises it (Rich-Harris/devalue's README and its
# `parse.js`; nuxt's `revive-payload` plugins): one flat array whose first value is the root,
# every object's and array's members the indices of their values in it, a negative index a
# value JSON has not (-1 undefined), and special values as arrays that open with their type:
# `["Date", iso]`, `["Set", …]`, `["Map", key, value, …]`, and Nuxt's wrappers of Vue's
# state, `["ShallowReactive", index]`, `["Reactive", index]`. `tests.helpers.devalue` writes
# that form; the names under `data` and the words are invented.


def test_a_nuxt_3_pages_posts_in_its_devalued_payload_are_its_updates() -> None:
    author = {"name": "Jane Roe"}
    posts = [
        {"id": f"p{n}", "publishedAt": ("Date", f"2024-06-01T15:{n}0:00.000Z"),
         "title": f"Update {n}", "content": f"<p>{_WORDS.format(n=n)}</p>", "author": author,
         "tags": ("Reactive", ["storm"])}
        for n in (3, 2, 1)
    ]  # fmt: skip
    blog: dict[str, Any] = {"id": "storm", "title": "Storm – live", "posts": posts}
    blog["self"] = blog  # (devalue keeps a cycle as an index to its holder)
    payload = ("ShallowReactive", {"data": ("ShallowReactive", {"liveblog-storm": blog}),
                                   "state": {}, "serverRendered": True})  # fmt: skip
    script = (
        f'<script type="application/json" id="__NUXT_DATA__" data-ssr="true">'
        f"{devalue(payload)}</script>"
    )
    read = _storm_live(script)
    assert [(u.source_id, u.published_at, u.authors) for u in read.updates] == [
        (f"p{n}", f"2024-06-01T15:{n}0:00Z", ["Jane Roe"]) for n in (3, 2, 1)
    ]
    assert read.updates[0].body_text == _WORDS.format(n=3)


@pytest.mark.parametrize(
    "payload",
    ["[]", "[0]", "[[0]]", '[{"a": 0}]', '[["Reactive", 0]]', '[{"a": 99}]', '[["Date"]]', "{}"],
)
def test_a_broken_or_self_referring_nuxt_payload_is_nothing(payload: str) -> None:
    script = f'<script type="application/json" id="__NUXT_DATA__">{payload}</script>'
    read = _storm_live(script)
    assert read.updates == []


def test_a_nuxt_payload_that_expands_beyond_its_size_is_nothing() -> None:
    """A payload whose values refer to one another over and over (a list of two references to
    a list of two references, sixty deep; one long post referred to by thousands of items)
    would expand far past its own size: it is read as no state, at once."""
    laughs = [[n + 1, n + 1] for n in range(60)] + ["words"]
    assert _devalued(laughs) is None
    post = {"id": 4, "title": 5, "content": 6, "publishedAt": 7}
    shared = [{"liveblog": 1}, {"posts": 2}, [3] * 2000, post, "p1", "Update",
              "<p>" + _WORDS.format(n=1) * 300 + "</p>", "2024-06-01T15:00:00.000Z"]  # fmt: skip
    assert _devalued(shared) is None
    script = f'<script type="application/json" id="__NUXT_DATA__">{json.dumps(shared)}</script>'
    read = _storm_live(script)
    assert read.updates == []


def test_a_state_posts_body_as_a_list_of_markup_is_read_as_markup() -> None:
    """A post whose body is a list of its paragraphs' markup (`["<p>…</p>", …]`) shows their
    words and links, not their tags as words."""
    posts = [
        {"id": f"p{n}", "publishedAt": f"2024-06-01T15:{n}0:00Z",
         "body": [f"<p>{_WORDS.format(n=n)}</p>",
                  '<p>Read <a href="https://www.example.com/report">the report</a> &amp; more.</p>']}
        for n in (3, 2, 1)
    ]  # fmt: skip
    page = _state_page("Storm – live", _next_data({"props": {"liveBlog": {"posts": posts}}}))
    read = extract_page(
        page, "https://www.example.com/live/storm", fetched_at="2024-06-01T16:00:00Z"
    )
    assert read.updates[0].body_text == _WORDS.format(n=3) + "\n\nRead the report & more."


@pytest.mark.parametrize("end", ["endTime", "end_date", "endsAt"])
def test_a_schedules_slots_under_a_live_name_are_no_posts(end: str) -> None:
    """A TV guide's or a fixture list's slots under a live name (`liveTv.items`) carry a time
    and words, but an end too: a post has none."""
    slots = [
        {"id": f"s{n}", "time": f"2024-06-01T1{n}:00:00Z", end: f"2024-06-01T1{n}:59:00Z",
         "title": f"Programme {n}", "text": _WORDS.format(n=n)}
        for n in (7, 8, 9)
    ]  # fmt: skip
    page = _state_page("Storm – live", _next_data({"props": {"liveTv": {"items": slots}}}))
    url = "https://www.example.com/live/storm"
    assert extract_page(page, url, fetched_at="2024-06-01T16:00:00Z").updates == []


def test_an_apollo_caches_latest_updates_of_several_blogs_are_no_posts() -> None:
    """A hub's cache of the latest update of each of several live blogs: each update refers
    to its own blog (`"liveBlog": {"__ref": "LiveBlog:2"}`), so they are no one blog's posts."""
    cache = _apollo("LiveUpdate")
    for n in (3, 2, 1):
        cache[f"LiveUpdate:p{n}"]["liveBlog"] = {"__ref": f"LiveBlog:{n}"}
        cache[f"LiveBlog:{n}"] = {"__typename": "LiveBlog", "id": str(n), "title": f"Blog {n}"}
    script = f"<script>window.__APOLLO_STATE__={json.dumps(cache)};</script>"
    read = extract_page(
        _state_page("Live", script),
        "https://www.example.com/live",
        fetched_at="2024-06-01T16:00:00Z",
    )
    assert read.updates == []


def test_an_apollo_caches_posts_of_one_blog_referring_to_it_are_read() -> None:
    cache = _apollo("LiveUpdate", {"liveBlog": {"__ref": "LiveBlog:9"}})
    script = f"<script>window.__APOLLO_STATE__={json.dumps(cache)};</script>"
    read = _storm_live(script)
    assert [u.source_id for u in read.updates] == ["p3", "p2", "p1"]


# Live lists under names that are not live's: a page's state whose stream stands as `blocks`,
# `events`, `messages`, `feed` or `results` under a key that says nothing live. The shapes
# follow what public code documents: the Guardian's dotcom-rendering blocks (`id`, `title`,
# `blockFirstPublished` in epoch milliseconds, `elements` of `TextBlockElement`s with their
# `html`, guardian/dotcom-rendering `fixtures`), Tickaroo's events (`_id`, `created_at` in
# epoch seconds, `contents` of `Tik::Model::Content::Text`s with their `text`), and a plain
# message feed (`id`, `publishedAt`, `text`); the words are invented.


def _block(n: int) -> dict[str, Any]:
    html = f"<p>{_WORDS.format(n=n)} The minister spoke to reporters outside.</p>"
    return {"id": f"blk-{n}", "title": f"Block {n}", "blockFirstPublished": 1717254000000 + n * 600_000,
            "elements": [{"_type": "model.dotcomrendering.pageElements.TextBlockElement",
                          "elementId": f"el-{n}", "html": html}]}  # fmt: skip


def _event(n: int) -> dict[str, Any]:
    text = f"{_WORDS.format(n=n)} The minister spoke to reporters outside."
    return {"_id": f"ev{n}", "created_at": 1717254000 + n * 600,
            "contents": [{"_type": "Tik::Model::Content::Text", "text": text}]}  # fmt: skip


def _message(n: int) -> dict[str, Any]:
    text = f"{_WORDS.format(n=n)} The minister spoke to reporters outside."
    return {"id": n, "publishedAt": f"2024-06-01T15:{n}0:00Z", "text": text}


@pytest.mark.parametrize(
    ("holder", "name", "item"),
    [("article", "blocks", _block), ("data", "events", _event), ("page", "messages", _message),
     ("page", "feed", _message), ("content", "results", _message)],
)  # fmt: skip
def test_a_live_pages_posts_under_a_name_not_live_are_read(
    holder: str, name: str, item: Any
) -> None:
    """A page that says it is live and shows no post, its state holding three or more
    objects, each with an id, a time and sentences of its own and no address of its own, keeps
    them as its posts, whatever their list is called."""
    data = {"props": {"pageProps": {holder: {name: [item(n) for n in (3, 2, 1)]}}}}
    read = _storm_live(_next_data(data))
    assert len(read.updates) == 3
    assert all(u.published_at and u.source_id for u in read.updates)
    assert "The minister spoke to reporters outside." in read.updates[0].body_text


# What an ordinary page's state lists under such names, each object with an id, a title and
# a date: related stories (an address and a picture of their own), readers' comments (a user,
# likes, a reply's parent), navigation (labels), and objects without a time or an id.
_ORDINARY_LISTS = {
    "related": [
        {"id": f"r{n}", "title": f"Story {n}", "publishedAt": f"2024-06-01T15:{n}0:00Z",
         "text": _WORDS.format(n=n), "url": f"https://www.example.com/news/story-{n}",
         "image": {"src": f"https://img.example.com/{n}.jpg"}}
        for n in (3, 2, 1)],
    "cards": [
        {"id": f"r{n}", "title": f"Story {n}", "publishedAt": f"2024-06-01T15:{n}0:00Z",
         "summary": _WORDS.format(n=n), "slug": f"story-{n}",
         "thumbnail": f"https://img.example.com/{n}.jpg"}
        for n in (3, 2, 1)],
    "comments": [
        {"id": f"c{n}", "createdAt": f"2024-06-01T15:{n}0:00Z", "text": _WORDS.format(n=n),
         "user": {"name": f"reader{n}"}, "likes": n}
        for n in (3, 2, 1)],
    "replies": [
        {"id": f"c{n}", "createdAt": f"2024-06-01T15:{n}0:00Z", "text": _WORDS.format(n=n),
         "replyTo": "c0"}
        for n in (3, 2, 1)],
    "undated": [{"id": f"u{n}", "text": _WORDS.format(n=n)} for n in (3, 2, 1)],
    "anonymous": [{"publishedAt": f"2024-06-01T15:{n}0:00Z", "text": _WORDS.format(n=n)}
                  for n in (3, 2, 1)],
    "wordless": [{"id": f"w{n}", "publishedAt": f"2024-06-01T15:{n}0:00Z",
                  "text": "GOAL! 1-0 " * 6} for n in (3, 2, 1)],
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(_ORDINARY_LISTS))
@pytest.mark.parametrize("name", ["items", "events", "blocks", "messages", "feed"])
def test_an_ordinary_pages_lists_under_plain_names_at_a_live_address_are_no_posts(
    kind: str, name: str
) -> None:
    data = {"props": {"pageProps": {"page": {name: _ORDINARY_LISTS[kind]}}}}
    assert _storm_live(_next_data(data)).updates == []


# Nuxt 2's state, as its server writes it (nuxt/nuxt 2.x `vue-renderer`, through devalue's
# older output): `window.__NUXT__=(function(a,b,…){return {layout:"default",data:[{…}],
# state:{…}}}(…))`, an object literal in JavaScript's syntax whose repeated values are the
# function's arguments; unquoted keys, single-quoted strings, `void 0`, `!0` and `!1`,
# `Array(n)`. The names under `data` are invented.


def _nuxt2_posts() -> str:
    posts = ",".join(
        f"{{id:'n{n}',publishedAt:\"2024-06-01T15:{n}0:00Z\",title:b,pinned:!1,"
        f"author:{{name:a}},body:'<p>{_WORDS.format(n=n)} It\\'s windy.</p>',video:void 0,"
        f"tags:Array(0)}}"
        for n in (3, 2, 1)
    )
    return (
        '<script>window.__NUXT__=(function(a,b,c){return {layout:"default",'
        f"data:[{{liveBlog:{{id:c,posts:[{posts}]}}}}],fetch:{{}},error:null,"
        'serverRendered:!0,routePath:"\\u002Flive\\u002Fstorm"}}'
        '("Mette Holm","Update",4711));</script>'
    )


def test_a_nuxt_2_pages_state_written_as_a_function_is_read() -> None:
    read = _storm_live(_nuxt2_posts())
    assert [(u.source_id, u.headline, u.authors) for u in read.updates] == [
        (f"n{n}", "Update", ["Mette Holm"]) for n in (3, 2, 1)
    ]
    assert read.updates[0].body_text.endswith("It's windy.")


@pytest.mark.parametrize(
    "script",
    [
        "window.__NUXT__=(function(a){return {data:[" + "[" * 100_000 + "]}}(1));",
        "window.__NUXT__=(function(a){return {data:['" + "x" * 1_500_000 + "}}(1));",
        "window.__NUXT__=(function(a){return {data:[{id:a,text:'un" + "\\'" * 500_000,
        "window.__NUXT__=(function(a){a.b=1;return {data:[{id:a}]}}(1));",
        "window.__NUXT__=(function(a){return {data:[{id:d}]}}(1));",
        "window.__NUXT__=(function(a){return {data:[{id:new Date(1)}]}}(1));",
        "window.__NUXT__=(function(" + "a," * 200_000 + "b){return {}}());",
    ],
)
def test_a_nuxt_2_state_of_unknown_or_hostile_syntax_is_nothing_at_once(script: str) -> None:
    """Nesting past reason, a huge or unterminated string, a statement before the return, a
    name no argument binds, a constructor: no state, refused within a thousand calls (the
    reading of a few dozen values), whatever the script's length."""
    root = parse(_state_page("Storm – live", f"<script>{script}</script>"))
    assert root is not None
    found, _ = counted_calls(lambda: read_state_stream(root.iter("script"), root, DR), 1_000)
    assert found == []


def test_an_ordinary_nuxt_2_pages_state_at_a_live_address_gives_no_updates() -> None:
    """An article's Nuxt 2 state, its related stories each with an id, a date, words and an
    address of its own, is read and yields no post."""
    related = ",".join(
        f"{{id:{n},publishedAt:a,title:'Story {n}',text:'{_WORDS.format(n=n)}',"
        f"url:'https:\\u002F\\u002Fwww.example.com\\u002Fnews\\u002Fstory-{n}'}}"
        for n in (3, 2, 1)
    )
    script = (
        "<script>window.__NUXT__=(function(a){return {data:[{article:{title:'Live music',"
        f"related:{{items:[{related}]}}}}}}]}}}}('2024-06-01T15:00:00Z'));</script>"
    )
    assert nuxt_state(script)["data"][0]["article"]["related"]["items"][0]["id"] == 3
    assert _storm_live(script).updates == []


# A live page whose markup shows its newest posts, each an <article> with its id, <time>,
# title and words, while its Next.js data holds the whole stream under `liveBlog.posts` (as
# the builds above keep it); the words are invented.


def _state_stream_post(n: int) -> dict[str, Any]:
    return {"id": f"p{n}", "publishedAt": f"2024-06-01T1{n}:00:00Z", "title": f"Update {n}",
            "author": {"name": "Mette Holm"},
            "body": f"<p>{_WORDS.format(n=n)}</p>"}  # fmt: skip


def _shown_posts(numbers: tuple[int, ...]) -> str:
    return "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-06-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Update {n}</h2><p>{_WORDS.format(n=n)}</p><p>As the markup shows it.</p></article>"
        for n in numbers
    )


def _stream_page(shown: str, script: str, more: str = "") -> Page:
    """What extract_page reads from a live page whose stream shows `shown`, then `more` (a
    "Load more" button), with its state in `script`, fetched at 16:00 on 1 June 2024."""
    page = (
        "<html lang='en'><head><title>Storm – live</title></head><body><main>"
        f"<h1>Storm – live</h1><div class='stream'>{shown}</div>"
        f"{more}</main>{script}</body></html>"
    ).encode()
    return extract_page(
        page, "https://www.example.com/live/storm", fetched_at="2024-06-01T16:00:00Z"
    )


def _shown_page(numbers: tuple[int, ...], script: str) -> Page:
    return _stream_page(_shown_posts(numbers), script, more="<button>Load more</button>")


def test_a_live_pages_state_holding_more_posts_than_its_markup_shows_adds_them() -> None:
    """The markup's three newest posts stay as the markup reads them (its second paragraph
    kept), the state's older ones follow, and none is read twice."""
    posts = [_state_stream_post(n) for n in (5, 4, 3, 2, 1)]
    read = _shown_page((5, 4, 3), _next_data({"props": {"liveBlog": {"posts": posts}}}))
    assert [u.source_id for u in read.updates] == ["p5", "p4", "p3", "p2", "p1"]
    assert read.updates[0].body_text.endswith("As the markup shows it.")
    assert read.updates[0].authors == ["Mette Holm"]
    assert read.updates[4].body_text == _WORDS.format(n=1)


@pytest.mark.parametrize("state", ["others", "related"])
def test_a_live_pages_state_of_other_posts_than_its_markups_adds_none(state: str) -> None:
    """A state whose stream holds none of the posts the markup shows (another blog's), or
    whose lists are an article's related stories, leaves the markup's posts alone."""
    if state == "others":
        posts = [_state_stream_post(n) | {"id": f"x{n}", "title": f"Other {n}",
                 "body": f"<p>Another blog's post number {n}, with words of its own here.</p>"}
                 for n in (5, 4, 3, 2, 1)]  # fmt: skip
        data = {"props": {"liveBlog": {"posts": posts}}}
    else:
        data = {"props": {"pageProps": _ORDINARY}}
    read = _shown_page((5, 4, 3), _next_data(data))
    assert [u.source_id for u in read.updates] == ["p5", "p4", "p3"]


# Posts a state keeps that its page does not show: deleted, drafts, scheduled or hidden ones,
# as CMSs flag them (`deleted`, `isDeleted`, `status: "draft"`, `visible: false`,
# `published: false`); the words are invented.
_WITHDRAWN = [
    {"deleted": True}, {"isDeleted": True}, {"status": "draft"}, {"status": "SCHEDULED"},
    {"visible": False}, {"isPublished": False}, {"hidden": True},
]  # fmt: skip


@pytest.mark.parametrize("flag", _WITHDRAWN, ids=lambda flag: json.dumps(flag))
def test_a_states_withdrawn_posts_are_no_posts(flag: dict[str, Any]) -> None:
    """Beside a page's shown posts or alone in its state, a post its state flags deleted,
    drafted, scheduled or hidden is not read."""
    posts = [_state_stream_post(n) for n in (5, 4, 3, 2)] + [_state_stream_post(1) | flag]
    data = {"props": {"liveBlog": {"posts": posts}}}
    shown = _shown_page((5, 4, 3), _next_data(data))
    assert [u.source_id for u in shown.updates] == ["p5", "p4", "p3", "p2"]
    alone = _storm_live(_next_data(data))
    assert [u.source_id for u in alone.updates] == ["p5", "p4", "p3", "p2"]


def test_a_states_posts_not_shown_keep_the_markups_spelling_of_their_ids() -> None:
    """Where the markup spells a post's id `post-5` and its state `5`, the state's older posts
    are spelled as the markup spells them: the same post keeps one id as it leaves the
    markup for the state alone on a later poll."""
    posts = [_state_stream_post(n) | {"id": 1000 + n} for n in (5, 4, 3, 2, 1)]
    page = _shown_posts((5, 4, 3)).replace("id='p", "id='post-100")
    read = _stream_page(page, _next_data({"props": {"liveBlog": {"posts": posts}}}))
    assert [u.source_id for u in read.updates] == [f"post-100{n}" for n in (5, 4, 3, 2, 1)]


# Ordinary lists under plain names at a live address, each item with an id, a time and a
# sentence: a speech's transcript timed from its start, a chronology's dates years apart, a
# shop's reviews a day apart, an article's body blocks all of the article's time, a support
# chat's messages, search results with their snippets.
def _plain_items(kind: str) -> list[dict[str, Any]]:
    line = "We are here tonight to talk about the state of our union and its future."
    if kind == "transcript":
        return [{"id": f"b{n}", "timestamp": n * 37, "text": line} for n in range(1, 8)]
    if kind == "chronology":
        return [{"id": f"t{n}", "date": f"{1990 + n}-01-01", "text": line} for n in range(1, 6)]
    if kind == "reviews":
        return [{"id": f"r{n}", "createdAt": f"2024-05-1{n}T15:00:00Z", "text": line}
                for n in range(1, 6)]  # fmt: skip
    if kind == "article":
        return [{"id": f"blk{n}", "createdAt": "2024-05-30T10:00:00Z", "html": f"<p>{line}</p>"}
                for n in range(1, 8)]  # fmt: skip
    if kind == "future":
        return [{"id": f"g{n}", "date": f"2024-06-0{n + 4}T19:30:00", "text": line}
                for n in range(1, 4) for _ in (0,)]  # fmt: skip
    timed = [{"id": f"m{n}", "createdAt": f"2024-06-01T15:{n}0:00Z", "text": line}
             for n in range(1, 5)]  # fmt: skip
    field = {"chat": {"sender": {"name": "Sam"}}, "rated": {"rating": 4},
             "search": {"snippet": "…the state of our union…"}}[kind]  # fmt: skip
    return [item | field for item in timed]


@pytest.mark.parametrize(
    "kind", ["transcript", "chronology", "reviews", "article", "future", "chat", "rated", "search"]
)
def test_plain_lists_not_of_a_streams_posts_at_a_live_address_are_no_posts(kind: str) -> None:
    for name in ("blocks", "items", "messages", "results"):
        data = {"props": {"pageProps": {"page": {name: _plain_items(kind)}}}}
        assert _storm_live(_next_data(data)).updates == [], name


def test_a_nuxt_2_states_escaped_characters_read_as_javascript_reads_them() -> None:
    """A pair of surrogates escaped is one character (an emoji); a name no argument binds,
    in a literal alone, is syntax not read; a call of thousands of arguments, or returning
    its literal with no space after `return`, is read."""
    assert nuxt_state("window.__NUXT__={a:'\\ud83d\\ude00 \\u00e9'}") == {"a": "\U0001f600 é"}
    assert nuxt_state("window.__NUXT__={a:Infinity}") is None
    assert nuxt_state("window.__NUXT__=(function(a){return{x:a}}(1));") == {"x": 1}
    names = [f"a{n}" for n in range(8000)]
    script = (
        f"window.__NUXT__=(function({','.join(names)}){{return {{x:a7999}}}}"
        f"({','.join(str(n) for n in range(8000))}));"
    )
    assert nuxt_state(script) == {"x": 7999}


def test_a_nuxt_2_state_of_many_arrays_of_holes_is_no_state() -> None:
    """`Array(n)` over and over (a few characters each, thousands of holes each) would read
    back to millions of values from a script of a few kilobytes: no page's state."""
    holes = ",".join(["Array(10000)"] * 200)
    assert nuxt_state(f"window.__NUXT__={{a:[{holes}]}}") is None
    assert nuxt_state("window.__NUXT__={a:[Array(3),Array(2)]}") == {"a": [[None] * 3, [None] * 2]}


def test_a_nuxt_2_state_reading_back_far_larger_than_its_script_is_no_state() -> None:
    """A long post's words bound to a name that a thousand posts refer to would read back to
    twenty megabytes from a script of some fifty kilobytes (as a devalue payload, above):
    no page's state; a name a few posts share is read."""
    words = "The words of a long post, written over and over here. " * 400
    posts = ",".join(f"{{id:'p{n}',body:a}}" for n in range(1000))
    script = f"window.__NUXT__=(function(a){{return {{posts:[{posts}]}}}}('{words}'));"
    assert nuxt_state(script) is None
    few = ",".join(f"{{id:'p{n}',body:a}}" for n in range(3))
    state = nuxt_state(f"window.__NUXT__=(function(a){{return {{posts:[{few}]}}}}('{words}'));")
    assert [post["body"] for post in state["posts"]] == [words] * 3


def test_a_nuxt_2_states_argument_that_is_a_name_is_no_state() -> None:
    """An argument that names a value (`Infinity`, a global) is code, not a value."""
    assert nuxt_state("window.__NUXT__=(function(a){return {x:a}}(Infinity));") is None


# A plain list whose posts sit beside an object or two of another kind: an ad slot's
# placeholder (an id, no time, no words), a pinned header (a title, no id), a post too short
# to read (an id and a time, "GOAL!"), as live pages' states keep them between posts.
_ODD_ITEMS = {
    "ad slot": {"id": "ad-mpu-1", "type": "ad", "slot": "mpu"},
    "header": {"title": "Key events", "type": "header"},
    "short post": {"id": "blk-9", "blockFirstPublished": 1717255000000, "html": "<p>GOAL!</p>"},
}


@pytest.mark.parametrize("odd", sorted(_ODD_ITEMS))
@pytest.mark.parametrize("name", ["blocks", "items", "feed"])
def test_a_plain_lists_posts_beside_an_item_of_another_kind_are_read(odd: str, name: str) -> None:
    """Four posts and an object that is none (an ad slot, a header, a post without a
    sentence): the four are read, the object left out."""
    items = [_block(n) for n in (4, 3)] + [_ODD_ITEMS[odd]] + [_block(n) for n in (2, 1)]
    data = {"props": {"pageProps": {"article": {name: items}}}}
    read = _storm_live(_next_data(data))
    assert [u.source_id for u in read.updates] == ["blk-4", "blk-3", "blk-2", "blk-1"]


def test_a_plain_list_of_items_many_without_a_time_or_an_id_is_no_stream() -> None:
    """Where two of five objects lack a time or an id, the list is not a stream's (a
    page's sections, a few of them dated): nothing is read."""
    items = [_block(n) for n in (3, 2, 1)] + [
        {"id": "s1", "html": f"<p>{_WORDS.format(n=8)}</p>"},
        {"blockFirstPublished": 1717255000000, "html": f"<p>{_WORDS.format(n=9)}</p>"},
    ]
    data = {"props": {"pageProps": {"article": {"blocks": items}}}}
    assert _storm_live(_next_data(data)).updates == []


# A live page whose markup shows each post cut short, "…" and a "Read more" link after it,
# while its state holds the whole post (the markup and state of the shown-posts pages above).
_WHOLE = (
    "<p>{words} The minister spoke to reporters outside the building for ten minutes.</p>"
    "<p>She said the roads would stay closed until the morning at the earliest.</p>"
)


@pytest.mark.parametrize("cut", ["…", "... <a href='#p{n}'>Read more</a>", " …"])
def test_a_post_the_markup_cuts_short_takes_its_whole_body_from_the_state(cut: str) -> None:
    posts = [
        _state_stream_post(n) | {"body": _WHOLE.format(words=_WORDS.format(n=n))}
        for n in (5, 4, 3, 2, 1)
    ]
    shown = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-06-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Update {n}</h2><p>{_WORDS.format(n=n)} The minister spoke to rep"
        f"{cut.format(n=n)}</p></article>"
        for n in (5, 4, 3)
    )
    read = _stream_page(shown, _next_data({"props": {"liveBlog": {"posts": posts}}}))
    assert [u.source_id for u in read.updates] == ["p5", "p4", "p3", "p2", "p1"]
    for update in read.updates:
        assert update.body_text.endswith("until the morning at the earliest."), update.body_text
        assert "Read more" not in update.body_text


def test_a_shown_post_whose_words_differ_from_the_states_keeps_the_markups() -> None:
    """A shown post ending "…" whose words are not the opening of its state's (an editor's
    later change, a different excerpt) keeps what the markup shows."""
    posts = [
        _state_stream_post(n) | {"body": _WHOLE.format(words=_WORDS.format(n=n))}
        for n in (5, 4, 3, 2, 1)
    ]
    shown = "".join(
        f"<article class='post' id='p{n}'><time datetime='2024-06-01T1{n}:00:00Z'>1{n}:00</time>"
        f"<h2>Update {n}</h2><p>{_WORDS.format(n=n)} The mayor said little more…</p></article>"
        for n in (5, 4, 3)
    )
    read = _stream_page(shown, _next_data({"props": {"liveBlog": {"posts": posts}}}))
    assert read.updates[0].body_text.endswith("The mayor said little more…")


# A slow live blog (a war's or an election's, a post or so a day) under a plain name: each
# post on a day of its own, at a clock of its own, the newest the day of the fetch.
def _daily(n: int, clock: str) -> dict[str, Any]:
    return {"id": f"d{n}", "publishedAt": f"2024-06-0{n}T{clock}:00Z",
            "text": f"{_WORDS.format(n=n)} The minister spoke to reporters outside."}  # fmt: skip


def test_a_slow_live_blogs_posts_a_day_apart_under_a_plain_name_are_read() -> None:
    clocks = {1: "14:05", 2: "09:12", 3: "17:40", 4: "11:03"}
    items = [_daily(n, clocks[n % 4 + 1]) for n in (1, 2, 3, 4, 5, 6)][::-1]
    data = {"props": {"pageProps": {"page": {"messages": items}}}}
    read = extract_page(
        _state_page("War in the north – live", _next_data(data)),
        "https://www.example.com/live/war-north",
        fetched_at="2024-06-06T20:00:00Z",
    )
    assert [u.source_id for u in read.updates] == [f"d{n}" for n in (6, 5, 4, 3, 2, 1)]


@pytest.mark.parametrize("shape", ["one clock", "days apart", "long ago"])
def test_plain_lists_of_posts_a_day_apart_not_a_slow_blogs_are_no_posts(shape: str) -> None:
    """Items a day apart each at one clock (a shop's reviews, a newsletter's issues), days
    apart (a changelog's entries), or a day apart ending weeks before the fetch (an old
    chronology's days) are not a slow blog's posts."""
    clocks = ["14:05", "09:12", "17:40", "11:03", "08:30", "19:45"]
    if shape == "one clock":
        items = [_daily(n, "15:00") for n in (6, 5, 4, 3, 2, 1)]
    elif shape == "days apart":
        items = [_daily(n, clocks[n - 1]) | {"publishedAt": f"2024-05-{n * 4 + 2:02}T{clocks[n - 1]}:00Z"}
                 for n in (6, 5, 4, 3, 2, 1)]  # fmt: skip
    else:
        items = [_daily(n, clocks[n - 1]) for n in (6, 5, 4, 3, 2, 1)]
    fetched = "2024-07-01T20:00:00Z" if shape == "long ago" else "2024-06-06T20:00:00Z"
    data = {"props": {"pageProps": {"page": {"messages": items}}}}
    read = extract_page(
        _state_page("War in the north – live", _next_data(data)),
        "https://www.example.com/live/war-north",
        fetched_at=fetched,
    )
    assert read.updates == []


# A live page's fan feed (a social wall: readers' posts, each with its author) beside a blog
# whose posts stand elsewhere, and a blog's own posts under the same names, each with its
# editor: the fields a social wall's items carry (an author's `handle`, `screenName`,
# `profileImage`), the names invented.
def _fan(n: int, author: Any) -> dict[str, Any]:
    return {"id": f"f{n}", "publishedAt": f"2024-06-01T15:0{n}:00Z", "author": author,
            "text": f"{_WORDS.format(n=n)} What a day it has been for all of us here!"}  # fmt: skip


_FANS = {
    "handles": lambda n: {"name": f"Fan {n}", "handle": f"@fan{n}"},
    "screen names": lambda n: {"screenName": f"fan_{n}", "profileImage": f"/a/{n}.png"},
    "at names": lambda n: f"@fan{n}",
    "many names": lambda n: {"name": ["Kim Berg", "Ola Dahl", "Per Lund", "Eva Moe",
                                      "Ida Holt", "Jon Vik"][n - 1]},
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(_FANS))
@pytest.mark.parametrize("name", ["feed", "messages", "items"])
def test_a_fan_feeds_posts_with_their_authors_are_no_posts(kind: str, name: str) -> None:
    """Six readers' posts, each author a social account (a handle, a screen name, an "@"
    name) or each post by another name, are a fan feed's, not the blog's."""
    items = [_fan(n, _FANS[kind](n)) for n in (6, 5, 4, 3, 2, 1)]
    data = {"props": {"pageProps": {"page": {name: items}}}}
    assert _storm_live(_next_data(data)).updates == []


def test_a_blogs_posts_by_its_few_editors_under_a_plain_name_are_read() -> None:
    editors = ["Mette Holm", "Anders Lie"]
    items = [_fan(n, {"name": editors[n % 2]}) for n in (6, 5, 4, 3, 2, 1)]
    data = {"props": {"pageProps": {"page": {"feed": items}}}}
    read = _storm_live(_next_data(data))
    assert [u.source_id for u in read.updates] == [f"f{n}" for n in (6, 5, 4, 3, 2, 1)]
    assert read.updates[0].authors == ["Mette Holm"]


# Nuxt 2's state where posts share an object or a list: devalue's older output (as Nuxt 2
# writes it) binds each to an argument, `{}` or `Array(n)`, and sets its members in
# statements before the `return` (`c.name="…"`, `d[0]=…`, `c["x-y"]=…`).
def _nuxt2_shared_posts() -> str:
    posts = ",".join(
        f"{{id:'n{n}',publishedAt:\"2024-06-01T15:{n}0:00Z\",title:b,author:c,tags:d,"
        f"body:'<p>{_WORDS.format(n=n)} It\\'s windy.</p>'}}"
        for n in (3, 2, 1)
    )
    return (
        '<script>window.__NUXT__=(function(a,b,c,d){c.name=a;c["image-url"]="\\u002Fm.png";'
        'd[0]="storm";d[1]="weather";'
        f'return {{layout:"default",data:[{{liveBlog:{{posts:[{posts}]}}}}]}}}}'
        '("Mette Holm","Update",{},Array(2)));</script>'
    )


def test_a_nuxt_2_states_members_set_before_its_return_are_read() -> None:
    read = _storm_live(_nuxt2_shared_posts())
    assert [(u.source_id, u.headline, u.authors) for u in read.updates] == [
        (f"n{n}", "Update", ["Mette Holm"]) for n in (3, 2, 1)
    ]


_CHAIN = "".join(f"a{n}.x=[a{n + 1},a{n + 1},a{n + 1},a{n + 1}];" for n in range(30))


@pytest.mark.parametrize(
    "script",
    [
        "window.__NUXT__=(function(a){a.self=a;return {data:[{id:a}]}}({}));",
        "window.__NUXT__=(function(a,b){a.b=b;b.a=a;return {data:[a]}}({},{}));",
        f"window.__NUXT__=(function({','.join(f'a{n}' for n in range(31))}){{{_CHAIN}"
        f"return {{data:[a0]}}}}({','.join(['{}'] * 31)}));",
        "window.__NUXT__=(function(a){a.b=1;a.c=f(1);return {data:[a]}}({}));",
        "window.__NUXT__=(function(a){a[5]=1;return {data:[a]}}(Array(2)));",
        "window.__NUXT__=(function(a){c.b=1;return {data:[a]}}({}));",
        "window.__NUXT__=(function(a){a.add(1);return {data:[a]}}({}));",
    ],
)
def test_a_nuxt_2_states_statements_not_read_safely_are_no_state_at_once(script: str) -> None:
    """A value that holds itself, members that hold one another over and over (four times
    each, thirty deep), a call, a member past an array's end, a name no argument binds, a
    method: no state, within ten thousand calls (each object measured once, not each time it
    is named: the chain's 4**30)."""
    assert counted_calls(lambda: nuxt_state(script), limit=10_000)[0] is None


@pytest.mark.slow
def test_nuxt_2_statements_past_twenty_thousand_are_refused_at_the_first_past() -> None:
    """40,000 statements before the `return` cost what 20,001 do: the reader stops at the
    first past twenty thousand."""

    def state(statements: int) -> str:
        return "window.__NUXT__=(function(a){" + "a.b=1;" * statements + "return {data:[a]}}({}));"

    # What is made on first use (a pattern compiled once, on the way that reads and on the
    # way that refuses) is not counted: run alone, the first refusal made one call more.
    nuxt_state(state(1))
    nuxt_state(state(20_001))
    few, calls = counted_calls(lambda: nuxt_state(state(20_001)), limit=2_000_000)
    many, more_calls = counted_calls(lambda: nuxt_state(state(40_000)), limit=2_000_000)
    assert few is None and many is None
    assert more_calls == calls


# A big newsroom's blog under a plain name, its posts each by another of its writers (a
# rotating desk: a headline over each post, the writer named with a role), and a blog whose
# few editors' author objects carry a headshot and a staff page of the site (`avatarUrl`,
# `profileUrl`), as newsroom CMSs' authors do: the names invented.
_DESK = ["Kim Berg", "Ola Dahl", "Per Lund", "Eva Moe", "Ida Holt", "Jon Vik"]
_EDITORS = {
    "headlines": lambda n: ({"name": _DESK[n - 1]}, f"Update {n}: the storm moves north"),
    "roles": lambda n: ({"name": _DESK[n - 1], "jobTitle": "Reporter"}, None),
    "headshots": lambda n: (
        {"name": ["Mette Holm", "Anders Lie"][n % 2], "avatarUrl": f"/staff/{n % 2}.jpg",
         "profileUrl": f"/staff/{n % 2}"}, None),
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(_EDITORS))
@pytest.mark.parametrize("name", ["feed", "items"])
def test_a_blogs_posts_by_its_writers_under_a_plain_name_are_read(kind: str, name: str) -> None:
    """A blog's posts each by another writer of its desk, titled or named with a role, or by
    its editors with a headshot and a staff page, are the blog's, not a fan feed's."""
    items = []
    for n in (6, 5, 4, 3, 2, 1):
        author, title = _EDITORS[kind](n)
        item = _fan(n, author)
        if title:
            item["headline"] = title
        items.append(item)
    data = {"props": {"pageProps": {"page": {name: items}}}}
    read = _storm_live(_next_data(data))
    assert [u.source_id for u in read.updates] == [f"f{n}" for n in (6, 5, 4, 3, 2, 1)]


# A series' daily issues under a plain name at an address that says live (a horoscope's, a
# columnist's notes), each titled by its own day, at clocks apart, the newest the day of the
# fetch: the titles invented.
_ISSUES = {
    "horoscope": "Your horoscope for June {n}",
    "column": "Notes from the square, {n} June",
    "dated": "Morning briefing {n}/6/2024",
}


@pytest.mark.parametrize("kind", sorted(_ISSUES))
def test_a_series_daily_issues_titled_by_their_days_are_no_slow_blog(kind: str) -> None:
    """Items a day apart at clocks apart, each titled by its own day of the month, are a
    series' issues, not a slow blog's posts."""
    clocks = {1: "14:05", 2: "09:12", 3: "17:40", 4: "11:03"}
    items = [
        _daily(n, clocks[n % 4 + 1]) | {"title": _ISSUES[kind].format(n=n)}
        for n in (6, 5, 4, 3, 2, 1)
    ]
    data = {"props": {"pageProps": {"page": {"items": items}}}}
    read = extract_page(
        _state_page("Daily – live", _next_data(data)),
        "https://www.example.com/live/daily",
        fetched_at="2024-06-06T20:00:00Z",
    )
    assert read.updates == []


def test_a_slow_blogs_posts_titled_by_a_trials_days_are_read() -> None:
    """A slow blog's posts titled by the trial's day ("Day 3"), not the month's, are read."""
    clocks = {1: "14:05", 2: "09:12", 3: "17:40", 4: "11:03"}
    items = [
        _daily(n, clocks[n % 4 + 1]) | {"title": f"Day {n + 8}: the court hears a witness"}
        for n in (6, 5, 4, 3, 2, 1)
    ]
    data = {"props": {"pageProps": {"page": {"items": items}}}}
    read = extract_page(
        _state_page("Trial – live", _next_data(data)),
        "https://www.example.com/live/trial",
        fetched_at="2024-06-06T20:00:00Z",
    )
    assert [u.source_id for u in read.updates] == [f"d{n}" for n in (6, 5, 4, 3, 2, 1)]


# A live page's related stories in its state under a plain name beside an ad slot, each
# leading to its own article by a field of another name than `url` (`webUrl`, `articleUrl`,
# `pageUrl`, `uri`, `seoPath`, `URL`), each with an id, a time, a headline and a sentence.
@pytest.mark.parametrize("key", ["webUrl", "articleUrl", "pageUrl", "uri", "seoPath", "URL"])
def test_related_stories_linking_by_a_field_of_any_links_name_are_no_posts(key: str) -> None:
    def story(n: int) -> dict[str, Any]:
        return {"id": f"r{n}", "publishedAt": f"2024-06-01T1{n}:2{n}:00Z", "headline": f"Story {n}",
                "body": f"The council has approved plan {n} for new homes and a park by the river.",
                key: f"https://www.example.com/news/story-{n}"}  # fmt: skip

    items = [story(6), story(5), story(4), {"type": "ad", "slot": "mpu-1"}, story(3), story(2)]
    data = {"props": {"pageProps": {"page": {"items": items}}}}
    assert _storm_live(_next_data(data)).updates == []
