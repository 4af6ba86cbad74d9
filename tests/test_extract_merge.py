"""One update per post across sources, and the instant a reader saw (the README's "Times").

Each rule of merge.py and instant.py on a small page or a few readings built here, then on the
corpus pages that showed the need: the Independent's AMP live list (ad slots, raw epochs, JSON-LD
creation times), the Guardian's 2023 markup (titles on three blocks, a pinned copy, JSON-LD that
lends every update the page's headline and time), the Mirror's 428 JSON-LD updates.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from archive.records import FIDELITY_HTML, FIDELITY_STRUCTURED, Page, Update
from crawler.extract import extract_page, instant, merge
from crawler.extract.adapters import candidates, html_updates
from crawler.extract.clean import sanitise_html
from crawler.extract.html import parse
from crawler.extract.jsonld import read_jsonld
from crawler.extract.microdata import read_microdata
from crawler.extract.structured import StructuredUpdate, article_body
from tests.helpers import corpus_dir

BASE = "https://news.example/live/blog"


def page_with(head: str = "", body: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def blog(updates: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "The blog",
        "liveBlogUpdate": updates,
        **extra,
    }


def html(body: str, **fields: Any) -> Update:
    return Update(body_text=body, body_html=f"<p>{body}</p>", sources=["html"], **fields)


def reading(**fields: Any) -> StructuredUpdate:
    return StructuredUpdate(source="jsonld", **fields)


LONG = (
    "The council confirmed on Tuesday evening that the bridge will stay closed to traffic "
    "until the engineers have finished their inspection of the damaged supports."
)
OTHER = (
    "Firefighters were called to a warehouse fire on the industrial estate shortly after "
    "midnight, and three crews remained at the scene this morning."
)


# Times: the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("2024-05-01T12:00:00Z", "2024-05-01T12:00:59Z", "same"),
        ("2024-05-01T12:00:00Z", "2024-05-01T13:00:20Z", "hours"),  # BST written as UTC
        ("2024-05-01T12:00:00Z", "2024-05-01T07:00:00Z", "hours"),  # New York written as UTC
        ("2024-05-01T12:00:00Z", "2024-05-01T12:30:00Z", "apart"),  # not a zone's whole hours
        ("2024-05-01T12:00:00Z", "2024-05-03T12:00:00Z", "apart"),  # 48 hours: no zone is that far
        ("2024-05-01T12:00:00Z", None, None),
    ],
)
def test_how_two_readings_of_a_time_relate(
    first: str, second: str | None, expected: str | None
) -> None:
    assert instant.agreement(first, second) == expected
    assert instant.agreement(second, first) == expected


def test_a_machine_time_within_a_minute_of_the_shown_one_is_used_for_its_seconds() -> None:
    # "12.50 BST" on the page; the <time datetime> says 11:50:54Z.
    assert instant.seen("2023-05-15T11:50:00Z", "2023-05-15T11:50:54Z") == "2023-05-15T11:50:54Z"


def test_a_local_time_labelled_utc_loses_to_the_shown_time() -> None:
    # "14:32 BST" shown (13:32Z); the machine time is the local clock with a Z.
    assert instant.seen("2023-10-08T13:32:00Z", "2023-10-08T14:32:00Z") == "2023-10-08T13:32:00Z"
    assert instant.seen("2023-10-08T13:32:00Z", "2023-10-08T08:32:30Z") == "2023-10-08T13:32:00Z"


def test_a_creation_time_earlier_than_the_shown_one_loses() -> None:
    # The Independent: shown 10:01 BST (amp-timeago 09:01:52Z), created at 04:20:06Z.
    assert instant.seen("2023-08-14T09:01:52Z", "2023-08-14T04:20:06Z") == "2023-08-14T09:01:52Z"


def test_without_a_shown_time_the_machine_time_is_used() -> None:
    assert instant.seen(None, "2023-08-14T04:20:06Z") == "2023-08-14T04:20:06Z"
    assert instant.seen("2023-08-14T09:01:52Z", None) == "2023-08-14T09:01:52Z"
    assert instant.seen(None, None) is None


def test_what_cannot_be_a_time_is_none() -> None:
    fetched = "2024-05-01T12:00:00.123456Z"
    assert instant.plausible("1970-01-01T00:00:00Z") is None  # an epoch of 0
    assert instant.plausible("1989-12-31T23:59:59Z") is None
    assert instant.plausible("1990-01-01T00:00:00Z") == "1990-01-01T00:00:00Z"
    assert instant.plausible("2024-05-02T11:00:00Z", fetched) == "2024-05-02T11:00:00Z"
    assert instant.plausible("2024-05-02T13:00:00Z", fetched) is None  # over a day ahead
    assert instant.plausible("2024-05-02T13:00:00Z") == "2024-05-02T13:00:00Z"  # no fetch time
    # A shown time that is no time leaves the machine time.
    assert instant.seen("1970-01-01T00:00:00Z", "2024-05-01T10:00:00Z") == "2024-05-01T10:00:00Z"
    assert instant.seen("2024-05-01T10:00:00Z", "2031-01-01T00:00:00Z", fetched) == (
        "2024-05-01T10:00:00Z"
    )


def test_html_and_structured_times_meet_by_the_same_rule() -> None:
    """merged: the HTML time stands for what the page shows; a zone's whole hours apart, the
    HTML `datetime` attribute is the local time labelled UTC and structured data is right."""
    assert instant.merged("2024-01-01T11:00:00Z", "2024-01-01T11:00:30Z") == "2024-01-01T11:00:30Z"
    assert instant.merged("2023-10-08T14:32:00Z", "2023-10-08T13:32:00Z") == "2023-10-08T13:32:00Z"
    assert instant.merged("2023-08-14T09:01:52Z", "2023-08-14T04:20:06Z") == "2023-08-14T09:01:52Z"
    assert instant.merged(None, "2023-08-14T04:20:06Z") == "2023-08-14T04:20:06Z"
    assert instant.merged("1970-01-01T00:00:00Z", None) is None


@pytest.mark.parametrize(
    ("shown", "listed", "expected"),
    [
        # "2h ago" (15:45 from a fetch at 17:45) is the 15:40:12 the JSON-LD lists, in its hour.
        ("2h ago", "2024-04-14T15:40:12Z", "2024-04-14T15:40:12Z"),
        ("4h ago", "2024-04-14T13:02:00Z", "2024-04-14T13:02:00Z"),
        ("4h ago", "2024-04-14T14:02:00Z", "2024-04-14T14:02:00Z"),  # (a script that rounds)
        ("5 minutes ago", "2024-04-14T17:39:30Z", "2024-04-14T17:39:30Z"),
        # A listed time the relative one rules out (a creation time hours before) loses.
        ("2h ago", "2024-04-14T11:00:00Z", "2024-04-14T15:45:00Z"),
        ("5 minutes ago", "2024-04-14T17:30:00Z", "2024-04-14T17:40:00Z"),
        # A day's word with a clock says the minute: "Today at 3:40 PM" is 15:40, not its hour.
        ("Today at 3:40 PM", "2024-04-14T15:10:00Z", "2024-04-14T15:40:00Z"),
        ("Today at 3:40 PM", "2024-04-14T15:40:30Z", "2024-04-14T15:40:30Z"),
    ],
)
def test_a_relative_time_shown_is_the_listed_time_it_rounds(
    shown: str, listed: str, expected: str
) -> None:
    """NBC's live blog cards (their times as "2h ago", the JSON-LD's exact): a relative time
    says the hour, or the minute, a post went up, no more; the structured time within it is
    the instant, and one that time rules out is not."""
    cards = "".join(
        f"<article class='card' id='rcrd{n}'><span class='ago'>{shown if n == 4 else f'{n + 5}h ago'}"
        f"</span><h2>Card {n}</h2><p>What card {n} reports, in more than a few words.</p>"
        "</article>"
        for n in (4, 3, 2, 1)
    )
    data = blog([{"@type": "BlogPosting", "headline": "Card 4", "url": f"{BASE}#rcrd4",
                  "datePublished": listed, "articleBody": "What card 4 reports."}])  # fmt: skip
    page = page_with(ld(data), f"<main><div class='feed'>{cards}</div></main>")
    first = extract_page(page, BASE, fetched_at="2024-04-14T17:45:00Z").updates[0]
    assert (first.source_id, first.published_at) == ("rcrd4", expected)


def test_easy_liveblogs_posts_keep_their_ids_and_people_beside_structured_data() -> None:
    """Easy Liveblogs (a WordPress plugin): each post an `li[data-elb-post-id]` with its
    writer's byline; its JSON-LD lists the posts without ids (their addresses `?entry=N`)
    and names the publisher, an Organization, as every post's author. The posts keep the
    markup's ids, take the JSON-LD's addresses, and their writers alone are their authors."""
    posts = "".join(
        f"<li data-elb-post-datetime='17145693{n}0' data-elb-post-id='9051{n}' class='elb-"
        f"liveblog-post'><p class='elb-liveblog-post-time'><time datetime='2024-05-01 15:1{n}'>"
        f"{n} minuten geleden</time></p><p class='elb-liveblog-post-author'>Door Sanne de Vries"
        f"</p><h2 class='elb-liveblog-post-heading'>Bericht {n}</h2><div class='elb-liveblog-"
        f"post-content'><p>Wat bericht {n} meldt, in een paar woorden meer.</p></div></li>"
        for n in (3, 2, 1)
    )
    data = blog([{"@type": "BlogPosting", "headline": f"Bericht {n}", "url": f"{BASE}?entry=9051{n}",
                  "datePublished": f"2024-05-01T13:1{n}:00+00:00", "articleBody": f"Wat bericht {n} "
                  "meldt, in een paar woorden meer.", "author": {"@type": "Organization",
                  "name": "Example Omroep"}} for n in (3, 2, 1)])  # fmt: skip
    page = page_with(ld(data), f"<main><ul class='elb-liveblog-list'>{posts}</ul></main>")
    updates = extract_page(page, BASE, fetched_at="2024-05-01T13:20:00Z").updates
    assert [(u.source_id, u.permalink, u.authors) for u in updates] == [
        (f"9051{n}", f"{BASE}?entry=9051{n}", ["Sanne de Vries"]) for n in (3, 2, 1)
    ]
    # Alone, the JSON-LD's organisation is the posts' author.
    alone = extract_page(page_with(ld(data)), BASE, fetched_at="2024-05-01T13:20:00Z").updates
    assert [u.authors for u in alone] == [["Example Omroep"]] * 3


def test_a_post_keeps_the_markups_id_where_structured_data_spells_its_number_otherwise() -> None:
    """The Independent's markup names a post `post-2001908`, its JSON-LD `#liveblogPost2001908`:
    one post number, so the markup's id stands, as on its AMP page and on a page whose JSON-LD
    lists only its newest posts (else a post would change its id as it left that list)."""
    words = "what the count says now, in a few more words."
    posts = "".join(
        f"<div id='post-200190{n}' class='post'><a href='#post-200190{n}'>Link</a><h3>Update "
        f"{n}</h3><p>Update {n}: {words}</p></div>"
        for n in (4, 3, 2, 1)
    )
    data = blog([{"@type": "BlogPosting", "headline": f"Update {n}", "url": f"{BASE}/#liveblogPost200190{n}",
                  "datePublished": f"2024-06-12T1{n}:00:00+01:00", "articleBody": f"Update {n}: {words}"}
                 for n in (4, 3, 2, 1)])  # fmt: skip
    page = page_with(ld(data), f"<main><div id='live-blog-posts'>{posts}</div></main>")
    updates = extract_page(page, BASE, fetched_at="2024-06-12T15:00:00Z").updates
    assert [u.source_id for u in updates] == [f"post-200190{n}" for n in (4, 3, 2, 1)]
    # Microdata listing the same posts again is no second post of each number: the stream's
    # posts are still confirmed by it, and their words are the page's, not the teasers'.
    items = "".join(
        f"<div id='liveblogPost200190{n}' class='post' itemprop='liveBlogUpdate' itemscope "
        f"itemtype='https://schema.org/BlogPosting' itemid='#post-200190{n}'><meta "
        f"itemprop='articleBody' content='Teaser {n}.'><time datetime='2024-06-12T1{n}:00:00Z'>"
        f"1{n}:00</time><p>What the count says now in post {n}, in a good few more words.</p></div>"
        for n in (4, 3, 2, 1)
    )
    teasers = blog([{"@type": "BlogPosting", "url": f"{BASE}#post-200190{n}",
                     "datePublished": f"2024-06-12T1{n}:00:00Z", "articleBody": f"Teaser {n}."}
                    for n in (4, 3, 2, 1)])  # fmt: skip
    listed = (
        "<main><div itemscope itemtype='https://schema.org/LiveBlogPosting'><div id='live-blog-"
        f"posts'>{items}</div></div></main>"
    )
    updates = extract_page(
        page_with(ld(teasers), listed), BASE, fetched_at="2024-06-12T15:00:00Z"
    ).updates
    assert [u.body_text[:16] for u in updates] == ["What the count s"] * 4
    # A pinned copy that spells the number a third way names no post by it: each post once.
    pinned = f"<div id='pinned-post-2001904' class='post pinned'><h3>Update 4</h3><p>Update 4: {words}</p></div>"
    page = page_with(ld(data), f"<main><div id='live-blog-posts'>{pinned}{posts}</div></main>")
    updates = extract_page(page, BASE, fetched_at="2024-06-12T15:00:00Z").updates
    assert [u.headline for u in updates] == [f"Update {n}" for n in (4, 3, 2, 1)]


def test_an_untitled_post_whose_json_ld_headline_is_its_first_words_stays_in_its_place() -> None:
    """A CMS that titles an untitled post in JSON-LD with the start of its body (the first
    sixty characters, cut mid-word): the page's post is that one, known by its words, and
    keeps its place in the stream rather than coming last."""
    words = [
        "The UN refugee agency says it is preparing an emergency airlift of tents.",
        "Rescue boats reached the flooded outskirts of the town late on Wednesday.",
        "The weather agency warned that more rain is expected across the region overnight.",
    ]
    titles = ["Refugee agency prepares airlift", None, "More rain expected overnight"]
    posts = "".join(
        f"<li class='card' id='card-{n}'><time datetime='2024-05-01T1{5 - n}:00:00Z'>"
        f"1{5 - n}:00</time>{f'<h2>{title}</h2>' if title else ''}<p>{text}</p></li>"
        for n, (title, text) in enumerate(zip(titles, words, strict=True))
    )
    data = blog([{"@type": "BlogPosting", "headline": title or text[:60],
                  "datePublished": f"2024-05-01T1{5 - n}:00:00Z", "articleBody": text,
                  "url": f"{BASE}?update=28710{n}"}
                 for n, (title, text) in enumerate(zip(titles, words, strict=True))])  # fmt: skip
    page = page_with(ld(data), f"<main><ul class='posts'>{posts}</ul></main>")
    updates = extract_page(page, BASE, fetched_at="2024-05-01T16:00:00Z").updates
    assert [u.body_text for u in updates] == words
    assert [u.headline for u in updates] == titles


@pytest.mark.parametrize("pinned", [True, False])
def test_a_post_pinned_above_the_listed_ones_is_kept(pinned: bool) -> None:
    """JSON-LD lists the newest posts; the page pins an older one on top ("Key points"): that
    post is the stream's, kept and flagged pinned. A post on top that nothing pins, and
    structured data does not list, is still no update (a block guessed wrong)."""
    mark = ("pinned", "<span class='pinnedLabel'>Pinned</span>") if pinned else ("", "")
    top = (
        f"<div class='liveBlogPost {mark[0]}' id='post-100'>{mark[1]}<time datetime="
        "'2025-03-14T10:00:00Z'>6:00 AM ET</time><h3>Key points</h3><p>Polls close at 7 p.m. "
        "local time in most of the country, results riding by riding.</p></div>"
    )
    posts = "".join(
        f"<div class='liveBlogPost' id='post-10{n}'><time datetime='2025-03-14T1{n}:30:00Z'>"
        f"{n}:30 PM</time><h3>Result {n}</h3><p>What riding {n} decided tonight, in a few more "
        "words.</p></div>"
        for n in (5, 4, 3, 2, 1)
    )
    data = blog([{"@type": "BlogPosting", "headline": f"Result {n}", "url": f"{BASE}#post-10{n}",
                  "datePublished": f"2025-03-14T1{n}:30:00Z",
                  "articleBody": f"What riding {n} decided tonight, in a few more words."}
                 for n in (5, 4, 3)])  # fmt: skip
    page = page_with(ld(data), f"<main><div class='story liveBlog'>{top}{posts}</div></main>")
    updates = extract_page(page, BASE, fetched_at="2025-03-14T23:55:00Z").updates
    # (JSON-LD lists the newest three: the older posts below them are the stream's too.)
    results = ["Result 5", "Result 4", "Result 3", "Result 2", "Result 1"]
    if pinned:
        assert [u.headline for u in updates] == ["Key points", *results]
        assert [u.pinned for u in updates] == [True, False, False, False, False, False]
    else:
        assert [u.headline for u in updates] == results


def test_an_easy_liveblogs_post_without_a_title_or_a_body_in_its_json_ld_is_kept() -> None:
    """The plugin's JSON-LD names each post by its address alone (`?entry=N`) and gives its
    `articleBody` as an object with no text (`{"@type": "Text"}`): an untitled post is known by
    nothing there but the entry its address names, which is its id, as the markup's is."""
    titles = {3: "Bericht 3", 2: "", 1: "Bericht 1"}
    posts = "".join(
        f"<li data-elb-post-id='9051{n}' class='elb-liveblog-post'><p class='elb-liveblog-post-"
        f"time'><time datetime='2024-05-01 15:1{n}'>{n} minuten geleden</time></p><h2 class="
        f"'elb-liveblog-post-heading'>{title}</h2><div class='elb-liveblog-post-content'><p>Wat "
        f"bericht {n} meldt, in een paar woorden meer.</p></div></li>"
        for n, title in titles.items()
    )
    data = blog([{"@type": "BlogPosting", "headline": title, "url": f"{BASE}?entry=9051{n}",
                  "datePublished": f"2024-05-01T13:1{n}:00+00:00",
                  "articleBody": {"@type": "Text"}} for n, title in titles.items()])  # fmt: skip
    page = page_with(ld(data), f"<main><ul class='elb-liveblog-list'>{posts}</ul></main>")
    updates = extract_page(page, BASE, fetched_at="2024-05-01T13:20:00Z").updates
    assert [(u.source_id, u.headline, u.published_at) for u in updates] == [
        (f"9051{n}", title or None, f"2024-05-01T13:1{n}:00Z") for n, title in titles.items()
    ]


def _frontend_block(
    n: int, title: str | None, body: str, suffix: str = "", byline: bool = True
) -> str:
    """A block as the Guardian's older frontend renders it (guardian/frontend's
    `liveBlogBlock.scala.html`): microdata that lends the page's headline to an untitled
    block and names the publisher, by its address, as the author; a share box whose modal
    is headed "Share this post"; a block without a byline says so in its body's class."""
    page_title = "PMQs – UK politics live"
    return (
        f'<div id="block-{n}abc{suffix}" class="block block--content" itemprop="liveBlogUpdate" '
        f'itemscope itemtype="http://schema.org/BlogPosting"><meta itemprop="headline" content='
        f'"{title or page_title}"><span itemprop="author" itemscope itemtype="http://schema.org/'
        'Organization"><meta itemprop="name" content="https://www.theguardian.com#publisher">'
        f'</span><p class="block-time"><a itemprop="url" href="?page=with:block-{n}abc{suffix}#block-'
        f'{n}abc{suffix}"><time '
        f'datetime="2023-06-14T1{n}:41:07.000Z" itemprop="datePublished">{n}.41pm</time></a></p>'
        + (f'<h2 class="block-title">{title}</h2>' if title else "")
        + (
            '<p class="byline" itemprop="author">Andrew Sparrow</p><div class="block-elements"'
            if byline
            else '<div class="block-elements block-elements--no-byline"'
        )
        + f' itemprop="articleBody">{body}</div><div class="block-share"><div class="share-modal">'
        '<h2 class="share-modal__title">Share this post</h2><a href="https://twitter.com/intent/'
        'tweet?url=x">Twitter</a></div></div></div>'
    )


def test_the_guardians_older_blocks_keep_their_own_headlines_authors_and_pinned_copy() -> None:
    """The Guardian's pages of 2016–2021 (guardian/frontend): each block's microdata carries
    the page's headline where the block has none and the publisher's address as its author,
    and the pinned block is repeated above the stream as `block-<id>-pinned`. A block's
    headline is its own or none, its authors its writers, a share modal's heading no title,
    the pinned copy the same update, flagged pinned, and the body of a block without a byline
    (`block-elements--no-byline`) no byline: a picture alone there stays the block's, in its
    place."""
    picture = (
        '<figure class="element element-image"><img src="https://i.guim.co.uk/s.jpg" alt="">'
        "<figcaption>Rishi Sunak at PMQs. Photograph: House of Commons/PA</figcaption></figure>"
    )
    words = "<p>What block {} reports from the chamber, in some more words than that.</p>".format
    blocks = [
        _frontend_block(4, None, words("four")),
        _frontend_block(3, None, picture, byline=False),
        _frontend_block(2, "What to expect at PMQs", words("two")),
        _frontend_block(1, "Morning summary", words("one")),
    ]
    copy = _frontend_block(2, "What to expect at PMQs", words("two"), "-pinned")
    pinned = f"<div class='pinned-block'>{copy}</div>"
    body = (
        "<main itemscope itemtype='http://schema.org/LiveBlogPosting'><meta itemprop='headline' "
        f"content='PMQs – UK politics live'>{pinned}<div class='blocks'>{''.join(blocks)}</div></main>"
    )
    updates = extract_page(page_with("<title>PMQs – UK politics live</title>", body), BASE,
                           fetched_at="2023-06-14T15:45:00Z").updates  # fmt: skip
    assert [(u.source_id, u.headline, u.authors, u.pinned) for u in updates] == [
        ("block-4abc", None, ["Andrew Sparrow"], False),
        ("block-3abc", None, [], False),
        ("block-2abc", "What to expect at PMQs", ["Andrew Sparrow"], True),
        ("block-1abc", "Morning summary", ["Andrew Sparrow"], False),
    ]
    assert [m["type"] for m in updates[1].media] == ["image"]


@pytest.mark.parametrize("shown", [True, False])
def test_a_headline_that_is_the_bodys_start_cut_short_is_none(shown: bool) -> None:
    """A CMS that must give every liveBlogUpdate a headline fills an untitled post's with the
    start of its words, cut where the length runs out ("…as he takes que"): no headline, and
    the body keeps its start, with the HTML (`shown`) and in structured data alone. A
    headline the body repeats as its first line is the post's own, and not its words."""
    posts = [
        ("Powell has taken the podium. Follow along for the key lines as he takes questions.",
         "Powell has taken the podium. Follow along for the key lines as he takes que", None),
        ("Stocks slip as the press conference starts, after a strong morning rally.",
         "Stocks slip as the press conference starts…", None),
        ("Rates held. The Fed left its benchmark rate unchanged for a seventh meeting.",
         "Rates held", "Rates held"),
        ("Apple unveils iPhone 16 at its event in Cupertino, with a bigger screen.",
         "Apple unveils iPhone", None),
    ]  # fmt: skip
    data = blog([{"@type": "BlogPosting", "headline": title, "url": f"{BASE}#card-{n}",
                  "datePublished": f"2024-06-12T18:4{n}:00Z", "articleBody": words}
                 for n, (words, title, _) in enumerate(posts)])  # fmt: skip
    cards = "".join(
        f"<div class='card' id='card-{n}'><time datetime='2024-06-12T18:4{n}:00Z'>2:4{n} PM"
        f"</time>{f'<h3>{own}</h3>' if own else ''}<p>{words.removeprefix(f'{own}. ') if own else words}</p></div>"
        for n, (words, _, own) in enumerate(posts)
    )
    body = f"<main><div class='feed'>{cards}</div></main>" if shown else ""
    updates = extract_page(
        page_with(ld(data), body), BASE, fetched_at="2024-06-12T19:00:00Z"
    ).updates
    assert [(u.headline, u.body_text) for u in updates] == [
        (None, posts[0][0]),
        (None, posts[1][0]),
        ("Rates held", "The Fed left its benchmark rate unchanged for a seventh meeting."),
        (None, posts[3][0]),
    ]


def test_a_title_alone_in_structured_data_is_the_bold_first_line_of_its_post() -> None:
    """TechCrunch's LiveBlogPosting (as a public extractor's tests quote it) gives some updates
    a headline and nothing else; the page shows that headline as the post's bold first
    paragraph, over a picture or more words. The post and its title are one update, in its
    place, with its id and picture, the title not repeated as its words."""
    posts = [
        (811, "The Watch ships April 24", "Prices start at $349 for the Sport model."),
        (809, "Battery life: up to 18 hours in typical use, Apple says.", ""),
        (806, "Here is the gold model.", "<img src='/gold.jpg' alt=''>"),
        (793, "Tim Cook is on stage.", ""),
    ]
    data = blog([{"@type": "BlogPosting", "headline": title,
                  "datePublished": f"2015-03-09T20:{n % 60:02d}:00Z",
                  **({"articleBody": words} if words.startswith("Prices") else {})}
                 for n, title, words in posts])  # fmt: skip
    entries = "".join(
        f"<div class='live-blog-entry' id='live-blog-entry-{n}'><time datetime='2015-03-09T20:"
        f"{n % 60:02d}:00Z'>{n % 60}</time><div class='entry-content'><p><strong>{title}</strong>"
        f"</p>{f'<p>{words}</p>' if words.startswith('Prices') else words}</div></div>"
        for n, title, words in posts
    )
    page = page_with(ld(data), f"<main><div class='live-blog'>{entries}</div></main>")
    updates = extract_page(page, BASE, fetched_at="2015-03-09T21:00:00Z").updates
    assert [(u.headline, u.body_text, len(u.media)) for u in updates] == [
        ("The Watch ships April 24", "Prices start at $349 for the Sport model.", 0),
        ("Battery life: up to 18 hours in typical use, Apple says.", "", 0),
        ("Here is the gold model.", "", 1),
        ("Tim Cook is on stage.", "", 0),
    ]
    assert "<strong>" not in updates[1].body_html


def test_an_updates_own_image_and_video_in_structured_data_are_its_media() -> None:
    """A liveBlogUpdate names its picture or video beside its body (`image`: an address, an
    ImageObject, or a list of one picture's crops; `video`: a VideoObject): the media of an
    update the page does not render (one it renders shows its own), never a `javascript:`
    address, and never the page's own picture, which Reach and the Guardian lend to every
    update."""
    lead = {"@type": "ImageObject", "url": "https://cdn.example/lead.jpg"}
    data = blog([
        {"@type": "BlogPosting", "headline": "Gold model", "url": f"{BASE}#p3",
         "datePublished": "2015-03-09T20:28:00Z", "image": "/gold.jpg"},
        {"@type": "BlogPosting", "headline": "Demo", "url": f"{BASE}#p2",
         "datePublished": "2015-03-09T20:21:00Z", "image": lead, "video": {
             "@type": "VideoObject", "embedUrl": "https://www.youtube.com/embed/abc123"}},
        {"@type": "BlogPosting", "headline": "On stage", "url": f"{BASE}#p1",
         "datePublished": "2015-03-09T20:05:00Z", "image": [
             {"@type": "ImageObject", "contentUrl": "https://cdn.example/cook-16x9.jpg",
              "caption": "Tim Cook on stage"}, "https://cdn.example/cook-1x1.jpg"]},
        {"@type": "BlogPosting", "headline": "Doors open", "url": f"{BASE}#p0",
         "datePublished": "2015-03-09T19:55:00Z", "image": ["javascript:alert(1)"],
         "video": [{"@type": "VideoObject", "embedUrl": "http://[oops/v"}]},
    ], image=lead)  # fmt: skip
    alone = extract_page(page_with(ld(data)), BASE, fetched_at="2015-03-09T21:00:00Z").updates
    assert [u.media for u in alone] == [
        [{"type": "image", "url": "https://news.example/gold.jpg", "caption": None, "credit": None}],
        [{"type": "video", "url": "https://www.youtube.com/embed/abc123", "provider": "youtube",
          "text": None}],
        [{"type": "image", "url": "https://cdn.example/cook-16x9.jpg",
          "caption": "Tim Cook on stage", "credit": None}],
        [],
    ]  # fmt: skip
    # The page's picture on its one update is the page's too.
    single = blog([{**data["liveBlogUpdate"][1], "video": None}], image=lead)
    alone = extract_page(page_with(ld(single)), BASE, fetched_at="2015-03-09T21:00:00Z").updates
    assert [u.media for u in alone] == [[]]
    # Rendered, the posts show their own pictures, or none.
    posts = "".join(
        f"<article id='p{n}'><time datetime='2015-03-09T20:{m}:00Z'>{m}</time><h2>{title}</h2>"
        f"<p>What post {n} shows from the hall, in a few more words.</p>{picture}</article>"
        for n, m, title, picture in [
            (3, 28, "Gold model", ""),
            (2, 21, "Demo", ""),
            (1, 5, "On stage", "<figure><img src='/own.jpg' alt=''></figure>"),
        ]
    )
    page = page_with(ld(data), f"<main><div class='feed'>{posts}</div></main>")
    shown = extract_page(page, BASE, fetched_at="2015-03-09T21:00:00Z").updates
    assert [[m["url"] for m in u.media] for u in shown[:3]] == [
        [],
        [],
        ["https://news.example/own.jpg"],
    ]


def test_an_edit_before_the_post_went_up_is_no_edit() -> None:
    published = "2023-08-14T09:01:52Z"
    assert instant.edited(published, "2023-08-14T04:20:06Z") is None
    assert instant.edited(published, "2023-08-14T09:01:51Z") == "2023-08-14T09:01:51Z"  # a clock
    assert instant.edited(published, "2023-08-14T09:30:00Z") == "2023-08-14T09:30:00Z"
    assert instant.edited(None, "2023-08-14T04:20:06Z") == "2023-08-14T04:20:06Z"


def test_times_that_meet_in_merge_follow_the_rule() -> None:
    entries = [
        html(LONG, source_id="a", published_at="2024-01-01T10:00:00Z"),
        html(OTHER, source_id="b", published_at="2024-01-01T09:30:00Z"),
        html("Short.", source_id="c", published_at="1970-01-01T00:00:00Z"),
    ]
    readings = [
        reading(source_id="a", published_at="2024-01-01T10:00:41Z"),  # the seconds
        reading(source_id="b", published_at="2024-01-01T05:12:00Z"),  # created earlier
        reading(source_id="c", published_at="2024-01-01T08:00:00Z"),
    ]
    a, b, c = merge.merge(entries, [readings], BASE)
    assert a.published_at == "2024-01-01T10:00:41Z"
    assert b.published_at == "2024-01-01T09:30:00Z"
    assert c.published_at == "2024-01-01T08:00:00Z"  # 1970 is no time


def _zoneless_ticker(shown: bool, microdata: bool = False) -> bytes:
    """A German live page whose machine times carry no zone: local times, as the page's clocks."""
    posts = [
        ("p3", "2024-05-19T17:40:00", "Dritte Meldung aus dem Landtag", LONG),
        ("p2", "2024-05-19 16:05:00", "Zweite Meldung zur Wahl", OTHER),
    ]
    updates = [
        {"@type": "BlogPosting", "headline": h, "datePublished": t, "articleBody": b}
        for _, t, h, b in posts
    ]
    head = "<title>Landtagswahl im Liveticker</title>"
    if not microdata:
        head += ld(blog(updates, datePublished="2024-05-19T08:00:00"))
    entries = "".join(
        f'<article class="post" id="{i}"'
        + (
            ' itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">'
            if microdata
            else ">"
        )
        + (f'<meta itemprop="datePublished" content="{t}">' if microdata else "")
        + (f'<span class="zeit">{t[11:16]} Uhr</span>' if shown else "")
        + (
            f'<h2 itemprop="headline">{h}</h2><p itemprop="articleBody">{b}</p>'
            if microdata
            else f"<h2>{h}</h2><p>{b}</p>"
        )
        + "</article>"
        for i, t, h, b in posts
    )
    blog_type = ' itemscope itemtype="https://schema.org/LiveBlogPosting"' if microdata else ""
    return page_with(
        head,
        f'<h1>Landtagswahl im Liveticker</h1><div class="stream"{blog_type}>{entries}</div>',
    )


@pytest.mark.parametrize("shown", [True, False])
@pytest.mark.parametrize("microdata", [False, True])
def test_a_machine_time_without_a_zone_is_the_publishers_local_time(
    shown: bool, microdata: bool
) -> None:
    """JSON-LD's or microdata's "2024-05-19T17:40:00" on a German page is 17:40 in Berlin, as
    its clock "17:40 Uhr" is: not 17:40 UTC, which would also win over the clock as a
    structured time a zone's whole hours from the HTML's."""
    body = _zoneless_ticker(shown, microdata).replace(b"<html>", b'<html lang="de">')
    page = extract_page(body, "https://www.example.de/live/wahl", fetched_at="2024-05-19T18:30:00Z")
    times = {u.headline: u.published_at for u in page.updates}
    assert times == {
        "Dritte Meldung aus dem Landtag": "2024-05-19T15:40:00Z",
        "Zweite Meldung zur Wahl": "2024-05-19T14:05:00Z",
    }


def test_a_time_attribute_without_a_zone_is_the_publishers_local_time() -> None:
    """`<time datetime="2023-11-08 23:30:59">` on an American page whose own offsets say
    Central time (St. Paul's): 11:30 p.m. there, the next day in UTC."""
    entries = "".join(
        f'<div class="entry"><time datetime="2023-11-08 {clock}">Nov. 8, 2023</time>'
        f"<h3>{headline}</h3><p>{body}</p></div>"
        for clock, headline, body in (
            ("23:30:59", "Results are in", LONG),
            ("22:10:00", "Polls closed", OTHER),
        )
    )
    head = (
        "<title>Election night live updates</title>"
        '<meta property="article:published_time" content="2023-11-08T19:00:00-06:00">'
    )
    body = page_with(head, f"<main>{entries}</main>")
    body = body.replace(b"<html>", b'<html lang="en-US">')
    page = extract_page(body, "https://www.example.us/live/election", "utf-8", "2023-11-09T07:00Z")
    assert [u.published_at for u in page.updates] == [
        "2023-11-09T05:30:59Z",
        "2023-11-09T04:10:00Z",
    ]


# What structured data lends every update --------------------------------------------------------


def test_page_headline_and_time_on_nearly_every_update_are_the_pages() -> None:
    own = {"headline": "Another day of talks", "datePublished": "2024-01-01T09:12:00Z"}
    items = [
        {
            "@type": "BlogPosting",
            "url": f"{BASE}#p{i}",
            "headline": "The blog",
            "datePublished": "2024-01-01T12:00:00Z",
            "articleBody": f"Body {i}",
        }
        | (own if i == 9 else {})
        for i in range(10)
    ]
    data = blog(items, datePublished="2024-01-01T08:00:00Z", dateModified="2024-01-01T12:00:00Z")
    found = read_jsonld(parse(page_with(ld(data))))  # type: ignore[arg-type]
    assert [(u.headline, u.published_at) for u in found.updates] == [(None, None)] * 9 + [
        ("Another day of talks", "2024-01-01T09:12:00Z")
    ]


def test_a_titled_post_meets_its_untitled_reading_by_the_start_of_its_body() -> None:
    """Structured data that lends every update the page's headline and names no id (Sporza's
    match pages): the HTML's titled posts are still those updates, known by the start of
    their bodies. Each keeps its title and takes its reading's time."""
    texts = [LONG, OTHER, "Romero heads in the third goal from a corner taken by Messi."]
    items = [
        {
            "headline": "The blog",
            "datePublished": f"2024-01-01T12:0{i}:00+02:00",
            "articleBody": text,
        }
        for i, text in enumerate(texts)
    ]
    posts = "".join(
        f"<div class='x1'><span class='x2'>12{i}'</span><h3>Title {i}</h3><p>{text}</p></div>"
        for i, text in enumerate(texts)
    )
    page = extract_page(
        page_with(ld(blog(items)), f"<main><div class='x0'>{posts}</div></main>"),
        BASE,
        fetched_at="2024-01-01T12:30:00Z",
    )
    assert [(u.headline, u.published_at, u.body_text) for u in page.updates] == [
        (f"Title {i}", f"2024-01-01T10:0{i}:00Z", text) for i, text in enumerate(texts)
    ]


def test_a_headline_every_update_shares_but_the_page_does_not_is_theirs() -> None:
    """The Independent's "Women's World Cup" on nine of ten posts is what the page shows."""
    items = [
        {"@type": "BlogPosting", "url": f"{BASE}#p{i}", "headline": "Women’s World Cup"}
        for i in range(10)
    ]
    found = read_jsonld(parse(page_with(ld(blog(items)))))  # type: ignore[arg-type]
    assert {u.headline for u in found.updates} == {"Women’s World Cup"}


def test_microdata_lends_the_page_headline_and_time_no_more() -> None:
    item = """<article itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">
      <meta itemprop="url" content="#u{i}"><meta itemprop="headline" content="Election live">
      <meta itemprop="datePublished" content="2024-07-04T22:00:00Z">
      <div itemprop="articleBody">Result {i}</div></article>"""
    body = f"""<div itemscope itemtype="https://schema.org/LiveBlogPosting">
      <meta itemprop="headline" content="Election live">
      <meta itemprop="datePublished" content="2024-07-04T22:00:00Z">
      {"".join(item.format(i=i) for i in range(3))}</div>"""
    found = read_microdata(parse(page_with(body=body)))  # type: ignore[arg-type]
    assert [(u.source_id, u.headline, u.published_at) for u in found.updates] == [
        ("u0", None, None),
        ("u1", None, None),
        ("u2", None, None),
    ]


# Pairing without a shared id --------------------------------------------------------------------


def test_the_start_of_the_body_pairs_readings_without_an_id() -> None:
    """Other quotes, spacing and case; a JSON-LD teaser cut with "…"; a creation time."""
    entry = html(
        LONG.replace("Tuesday", "“Tuesday”") + " More words the teaser leaves out.",
        headline="Bridge stays shut",
        published_at="2024-01-01T10:00:00Z",
    )
    teaser = reading(
        source_id="https://news.example/p/991",
        headline="Bridge stays shut",
        published_at="2024-01-01T06:47:00Z",
        article_body=LONG.upper().replace(" ", "  ")[:120] + "…",
    )
    unrelated = reading(source_id="992", article_body=OTHER, published_at="2024-01-01T10:00:10Z")
    first, second = merge.merge([entry], [[teaser, unrelated]], BASE)
    assert first.sources == ["jsonld", "html"] and first.fidelity == FIDELITY_HTML
    assert first.body_text == entry.body_text  # the HTML body, never the teaser
    assert first.published_at == "2024-01-01T10:00:00Z"  # the creation time loses
    assert (second.source_id, second.sources) == ("992", ["jsonld"])


def test_a_short_posts_one_sentence_pairs_its_readings() -> None:
    """A body shorter than a key's 40 letters ("Polls have closed in the east.") is its key
    whole: the JSON-LD reading that gives the page's headline and its own creation time pairs
    with the HTML entry, whose body has an embed's words after it, and no post is read twice."""
    entries = [
        html("Polls have closed in the east.\nA tweet embedded below it.", source_id=None),
        html(LONG, headline="Counting begins"),
    ]
    readings = [
        reading(article_body="Polls have closed in the east.", published_at="2024-01-01T06:47:00Z"),
        reading(article_body=LONG, headline="Counting begins"),
    ]
    merged = merge.merge(entries, [readings], BASE)
    assert [(u.body_text[:30], u.sources) for u in merged] == [
        ("Polls have closed in the east.", ["jsonld", "html"]),
        (LONG[:30], ["jsonld", "html"]),
    ]


def test_a_time_within_a_minute_pairs_a_post_with_nothing_else_to_compare() -> None:
    entry = html("Goal!", published_at="2024-01-01T20:14:00Z")
    found = reading(source_id="77", published_at="2024-01-01T20:14:37Z")
    (update,) = merge.merge([entry], [[found]], BASE)
    assert (update.source_id, update.published_at) == ("77", "2024-01-01T20:14:37Z")


def test_whole_hours_apart_the_headline_pairs_and_structured_data_has_the_time() -> None:
    entry = html("Goal!", headline="Kane scores", published_at="2024-01-01T21:14:00Z")
    found = reading(source_id="77", headline="Kane scores", published_at="2024-01-01T20:14:05Z")
    (update,) = merge.merge([entry], [[found]], BASE)
    assert update.published_at == "2024-01-01T20:14:05Z"


def test_ambiguous_candidates_are_not_paired() -> None:
    # Two HTML posts with one headline and no time: which one the reading is, nobody can say.
    entries = [html("Hm.", headline="Half time"), html("Hmm.", headline="Half time")]
    found = reading(source_id="h", headline="Half time", published_at="2024-01-01T20:45:00Z")
    merged = merge.merge(entries, [[found]], BASE)
    assert [u.sources for u in merged] == [["html"], ["html"], ["jsonld"]]
    # Two readings one HTML post is equally like.
    entry = html("Hm.", published_at="2024-01-01T20:45:00Z")
    twins = [
        reading(source_id="x", published_at="2024-01-01T20:45:10Z"),
        reading(source_id="y", published_at="2024-01-01T20:45:20Z"),
    ]
    assert [u.sources for u in merge.merge([entry], [twins], BASE)] == [
        ["html"],
        ["jsonld"],
        ["jsonld"],
    ]


def test_a_different_body_or_headline_says_two_posts() -> None:
    entries = [
        html(LONG, published_at="2024-01-01T20:45:00Z"),
        html("Short.", headline="Red card", published_at="2024-01-01T20:50:00Z"),
    ]
    readings = [
        reading(source_id="1", article_body=OTHER, published_at="2024-01-01T20:45:00Z"),
        reading(source_id="2", headline="Yellow card", published_at="2024-01-01T20:50:00Z"),
    ]
    assert len(merge.merge(entries, [readings], BASE)) == 4


def test_one_reading_pairs_with_one_html_entry_at_most() -> None:
    entries = [html(LONG, source_id="a"), html(LONG + " Again.", source_id="b")]
    found = reading(article_body=LONG)
    merged = merge.merge(entries, [[found]], BASE)
    assert sum("jsonld" in u.sources for u in merged) == 1
    assert len(merged) == 3  # neither claims it alone: it stays a post of its own


def test_ids_that_meet_elsewhere_keep_two_posts_with_one_headline_apart() -> None:
    """The Mirror has distinct updates sharing a headline: their ids tell them apart."""
    entries = [
        html(LONG, source_id="751105", headline="Public warned"),
        html(OTHER, source_id="751090", headline="Sunderland riot"),
    ]
    readings = [
        reading(source_id="751105", headline="Public warned"),
        reading(source_id="749001", headline="Sunderland riot"),
    ]
    merged = merge.merge(entries, [readings], BASE)
    assert [(u.source_id, u.sources) for u in merged] == [
        ("751105", ["jsonld", "html"]),
        ("751090", ["html"]),
        ("749001", ["jsonld"]),
    ]


def test_a_post_number_spelled_two_ways_is_one_id() -> None:
    entries = [
        html(LONG, source_id="post-1288914"),
        html("", source_id="ad-1288913"),
        html(OTHER, source_id="post-1288913"),
    ]
    readings = [
        reading(source_id="liveblogPost1288913"),
        reading(source_id="liveblogPost1288914", published_at="2023-08-14T04:20:06Z"),
    ]
    merged = merge.merge(entries, [readings], BASE)
    assert [(u.source_id, u.sources) for u in merged] == [
        ("post-1288914", ["jsonld", "html"]),
        ("ad-1288913", ["html"]),  # 1288913 names two HTML entries: no pair by number
        ("post-1288913", ["html"]),
        ("liveblogPost1288913", ["jsonld"]),
    ]
    assert merge.number_key("liveblogPost1288914") == "1288914"
    assert merge.number_key("post-12") is None  # too short to be anyone's post number


def test_an_article_body_cut_short_loses_to_the_html_body() -> None:
    """The Guardian cuts articleBody at 1,000 characters; the HTML block has it all."""
    full = "\n\n".join([LONG] * 9)
    entry = html(full, source_id="block-6462", published_at="2023-05-15T11:50:54Z")
    cut = reading(source_id="6462", article_body=full.replace("\n\n", " ")[:1000])
    (update,) = merge.merge([entry], [[cut]], BASE)
    assert (update.body_text, update.fidelity) == (full, FIDELITY_HTML)
    # Without the id, the cut body still finds its post: one update, not two.
    entry = html(full, published_at="2023-05-15T11:50:54Z")
    cut = reading(source_id="https://news.example/b/6462", article_body=full[:1000])
    (update,) = merge.merge([entry], [[cut]], BASE)
    assert update.body_text == full


def test_a_pinned_copy_is_the_same_update_flagged_pinned() -> None:
    pinned = html(LONG, headline="Sunak on jets", pinned=True, modified_at="2023-05-15T11:08:24Z")
    stream = [
        html(OTHER, source_id="block-1", published_at="2023-05-15T11:50:54Z"),
        html(
            LONG,
            source_id="block-2",
            headline="Sunak on jets",
            published_at="2023-05-15T11:05:09Z",
            modified_at="2023-05-15T11:08:24Z",
        ),
    ]
    merged = merge.merge([pinned, *stream], [], BASE)
    assert [(u.source_id, u.pinned, u.published_at) for u in merged] == [
        ("block-2", True, "2023-05-15T11:05:09Z"),
        ("block-1", False, "2023-05-15T11:50:54Z"),
    ]
    # A body too short to compare: the headline finds the stream copy.
    short = [
        html("Jets.", headline="Sunak on jets", pinned=True),
        html("Jets.", source_id="block-2", headline="Sunak on jets"),
    ]
    assert [(u.source_id, u.pinned) for u in merge.dedupe_html(short)] == [("block-2", True)]
    # With an id on both copies, the same.
    copies = [
        html(LONG, source_id="block-2", pinned=True),
        html(LONG + " More.", source_id="block-2"),
    ]
    (update,) = merge.dedupe_html(copies)
    assert update.pinned and update.body_text == LONG + " More."  # the fuller copy's body


def test_merging_is_linear_in_the_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    """No reading is compared with all the others: each with the few its keys name."""
    compared = 0
    likeness = merge.Likeness.likeness

    def counted(self: merge.Likeness, other: merge.Likeness) -> int:
        nonlocal compared
        compared += 1
        return likeness(self, other)

    monkeypatch.setattr(merge.Likeness, "likeness", counted)
    size = 1500
    entries = [
        html(
            f"Post {i}.",
            headline=f"Headline {i}",
            published_at=f"2024-01-01T{i // 60 % 24:02d}:{i % 60:02d}:00Z",
        )
        for i in range(size)
    ]
    readings = [reading(source_id=f"r{i}", headline=f"Headline {i}") for i in range(size)]
    merged = merge.merge(entries, [readings], BASE)
    assert len(merged) == size and all(u.sources == ["jsonld", "html"] for u in merged)
    assert compared <= 2 * size


# AMP live lists ---------------------------------------------------------------------------------

# An AMP live list the way the Independent's is built (amp-live-list, amp-timeago whose text is
# the raw epoch before the runtime renders it, a footer with byline and time, ad slots between
# posts); the words are made up.
AMP_ITEM = """<div data-sort-time="{sort}" data-update-time="{sort}" id="post-{n}">
  <a href="#post-{n}"><amp-timeago datetime="{shown}" locale="en">{epoch}</amp-timeago></a>
  <div><h3>Match day</h3><div><p>{text}</p></div>{extra}</div>
  <div><div><span class="x1">Jo Writer</span><span class="x2">14 August 2023 {clock}</span></div></div>
</div>"""
AMP_POST_2 = AMP_ITEM.format(
    n=2,
    sort=1691986806000,
    shown="2023-08-14T09:01:52Z",
    epoch=1692003712,
    text=LONG,
    clock="10:01",
    extra="",
)
AMP_POST_1 = AMP_ITEM.format(
    n=1,
    sort=1691986780000,
    shown="2023-08-14T08:01:52Z",
    epoch=1692000112,
    text=OTHER,
    clock="09:01",
    extra='<p>Kickoff at 20:00</p><amp-embed type="taboola">Sponsored</amp-embed>',
)
AMP_ADS = """<div class="mobile-only" data-sort-time="1691986805" id="ad-2">
  <div content="Advertisement"><div data-mpu="true" data-ad-unit-path="/1/blog_mpu"></div></div>
</div>
<div data-sort-time="1691986804000" id="slot-9">
  <amp-ad type="doubleclick" data-slot="/1/x" width="300" height="250"></amp-ad></div>
<div class="live-ad" id="ad-1"><div>Advertisement</div><div>Top offers this week</div></div>"""
AMP_PAGE = (
    '<amp-live-list id="live" data-max-items-per-page="10"><div items>'
    + AMP_POST_2
    + AMP_ADS
    + AMP_POST_1
    + '<div data-sort-time="1691986000000" data-tombstone id="post-0"></div></div></amp-live-list>'
)


def _amp_page(jsonld: str = "") -> Page:
    return extract_page(page_with(jsonld, AMP_PAGE), "https://news.example/live.amp")


def test_amp_ad_slots_are_not_posts_and_epochs_not_text() -> None:
    page = _amp_page()
    assert [(u.source_id, u.removed) for u in page.updates] == [
        ("post-2", False),
        ("post-1", False),
        ("post-0", True),
    ]
    post2, post1, _ = page.updates
    assert post2.body_text == LONG  # no epoch, byline, footer clock or ad
    assert post1.body_text == OTHER + "\n\nKickoff at 20:00"  # a clock in the text is text
    assert "Sponsored" not in post1.body_html and "1692003712" not in post2.body_html
    assert (post2.headline, post2.authors) == ("Match day", ["Jo Writer"])


# The page's header and a pinned summary, each in a live list of one item of its own (kept
# fresh by the runtime), around the list of posts: the way CBS News builds its pages.
AMP_FURNITURE = """<amp-live-list id="title" data-max-items-per-page="1"><div items>
  <div id="article-header" data-sort-time="1692090000000"><header><h1>Match day live</h1>
  <p>By Jo Writer</p><time datetime="2023-08-14T12:00:00Z">Updated 14 August 2023</time>
  </header></div></div></amp-live-list>
<amp-live-list id="first" data-max-items-per-page=" 1 "><div items>
  <section id="post-intro" data-sort-time="1692090000000"><h2>What to know</h2>
  <ul><li>The match starts at 20:00.</li><li>Tickets are sold out.</li></ul></section>
</div></amp-live-list>"""


@pytest.mark.parametrize("size", ["10", "", "all"], ids=["shows-ten", "unsaid", "not-a-number"])
def test_a_live_list_of_one_item_beside_the_posts_is_the_pages_furniture(size: str) -> None:
    """A list that shows one item at a time, beside a list that shows more (or does not say
    how many), holds the page's header or summary: not posts. Alone, its item is a post."""
    posts = AMP_PAGE.replace('data-max-items-per-page="10"', f'data-max-items-per-page="{size}"')
    page = extract_page(page_with("", AMP_FURNITURE + posts), "https://news.example/live.amp")
    assert [u.source_id for u in page.updates] == ["post-2", "post-1", "post-0"]
    alone = extract_page(page_with("", AMP_FURNITURE), "https://news.example/live.amp")
    assert [u.source_id for u in alone.updates] == ["article-header", "post-intro"]


def test_amp_time_is_the_one_shown_not_the_creation_time() -> None:
    post2, post1, gone = _amp_page().updates
    assert (post2.published_at, post1.published_at) == (
        "2023-08-14T09:01:52Z",
        "2023-08-14T08:01:52Z",
    )
    assert post2.modified_at is None  # data-update-time is the draft's, hours earlier
    assert gone.published_at == "2023-08-14T04:06:40Z"  # a tombstone shows no time: its sort time


def test_amp_post_and_its_jsonld_creation_time_are_one_update() -> None:
    items = [
        {
            "@type": "BlogPosting",
            "headline": "Match day",
            "url": "https://news.example/live.html/#liveblogPost2",
            "datePublished": "2023-08-14T04:20:06.000Z",
            "dateModified": "2023-08-14T04:20:06.000Z",
            "articleBody": LONG,
        },
        {
            "@type": "BlogPosting",
            "headline": "Match day",
            "url": "https://news.example/live.html/#liveblogPost1",
            "datePublished": "2023-08-14T04:19:40.000Z",
            "articleBody": OTHER,
        },
    ]
    page = _amp_page(ld(blog(items)))
    assert [(u.source_id, u.sources, u.published_at, u.modified_at) for u in page.updates] == [
        ("post-2", ["jsonld", "html"], "2023-08-14T09:01:52Z", None),
        ("post-1", ["jsonld", "html"], "2023-08-14T08:01:52Z", None),
        ("post-0", ["html"], "2023-08-14T04:06:40Z", None),
    ]


# The Guardian's markup of 2023 ---------------------------------------------------------------

# The block markup of theguardian.com's live blogs as of 2023 (header with the permalinked time,
# an h2 title on some blocks, the contributor's avatar; body elements; footer with share links
# and "Updated at"; the pinned block repeated at the top in #pinned-post without an id); the
# words are made up.
GUARDIAN_BLOCK = """<article {ident} class="block dcr-1">
  <header><div><a href="{url}?page=with:block-{n}#block-{n}">{time}<span>12.0{n} BST</span></a></div>
  {title}{avatar}</header>
  <p class="dcr-p"><strong>{text}</strong></p>
  <footer><ul><li><a href="https://www.facebook.com/dialog/share?app_id=1">Share</a></li></ul>
  {updated}</footer>
</article>"""
GUARDIAN_URL = "https://www.theguardian.com/world/live/2023/may/15/russia-ukraine-war"


def _guardian_block(n: int, text: str, pinned: bool = False, title: str = "", who: str = "") -> str:
    return GUARDIAN_BLOCK.format(
        ident="" if pinned else f'id="block-{n}"',
        url=GUARDIAN_URL,
        n=n,
        time="" if pinned else f'<time dateTime="2023-05-15T11:0{n}:09.000Z">{n}m ago</time>',
        title=f"<h2>{title}</h2>" if title else "",
        avatar=f'<div><img src="https://i.guim.co.uk/a.png" alt="{who}"><span>{who}</span></div>'
        if who
        else "",
        text=text,
        updated='<div><time dateTime="2023-05-15T11:08:24.000Z">Updated at 12.08 BST</time></div>',
    )


GUARDIAN_PAGE = f"""<div id="liveblog-body"><div id="pinned-post" data-gu-marker="pinned-post">
{_guardian_block(5, LONG, pinned=True, title="Sunak: not straightforward")}</div>
{_guardian_block(7, OTHER, who="Jennifer Rankin")}
{_guardian_block(5, LONG, title="Sunak: not straightforward")}
</div>"""


def test_guardian_2023_blocks_from_the_html() -> None:
    root = parse(page_with(body=GUARDIAN_PAGE))
    assert root is not None and next(candidates(root, BASE)).name == "guardian"
    page = extract_page(page_with(body=GUARDIAN_PAGE), GUARDIAN_URL)
    assert [(u.source_id, u.headline, u.pinned) for u in page.updates] == [
        ("block-5", "Sunak: not straightforward", True),
        ("block-7", None, False),
    ]
    pinned, untitled = page.updates
    assert pinned.body_text == LONG and "<strong>" in pinned.body_html
    assert (pinned.published_at, pinned.modified_at) == (
        "2023-05-15T11:05:09Z",
        "2023-05-15T11:08:24Z",
    )
    assert pinned.permalink == f"{GUARDIAN_URL}?page=with:block-5#block-5"
    assert (untitled.body_text, untitled.authors) == (OTHER, ["Jennifer Rankin"])
    assert "Share" not in untitled.body_text and "Updated" not in untitled.body_text


# The corpus -------------------------------------------------------------------------------------


@cache
def corpus_page(name: str, url: str) -> Page:
    return extract_page((corpus_dir() / name).read_bytes(), url)


INDEPENDENT = "independent-wwc-2023-08-14.html"
INDEPENDENT_URL = (
    "https://www.independent.co.uk/sport/football/"
    "womens-world-cup-england-news-latest-australia-b2392480.html"
)
GUARDIAN = "guardian-ukraine-2023-05-15.html"
GUARDIAN_2023_URL = (
    "https://www.theguardian.com/world/live/2023/may/15/russia-ukraine-war-latest-g7-"
    "reportedly-set-to-tighten-russia-sanctions-france-to-send-kyiv-military-aid-live"
)
MIRROR = "mirror-uk-riots-2024-08-05.html"
MIRROR_URL = "https://www.mirror.co.uk/news/uk-news/uk-riots-live-hotel-rotherham-33386398"


def test_independent_ten_posts_no_ads_times_as_shown() -> None:
    page = corpus_page(INDEPENDENT, INDEPENDENT_URL)
    numbers = [1288914, 1288919, 1288913, 1288922, 1288912, 1288930, 1288910, 1288908, 1288907]
    assert [u.source_id for u in page.updates] == [f"post-{n}" for n in [*numbers, 1288906]]
    # The footer of each post shows "14 August 2023 10:01", … in BST; amp-timeago has seconds.
    assert [u.published_at for u in page.updates] == [
        "2023-08-14T09:01:52Z",
        "2023-08-14T08:01:52Z",
        "2023-08-14T07:01:52Z",
        "2023-08-14T06:01:52Z",
        "2023-08-14T05:01:52Z",
        "2023-08-14T04:45:52Z",
        "2023-08-14T04:17:16Z",
        "2023-08-14T04:16:41Z",
        "2023-08-14T04:16:20Z",
        "2023-08-14T04:15:52Z",
    ]
    assert all(u.sources == ["jsonld", "html"] for u in page.updates)
    headlines = [u.headline for u in page.updates]
    assert headlines.count("Women’s World Cup") == 9
    assert (
        headlines[4] == "Who and when do England play next? Lionesses route to the World Cup final"
    )
    for update in page.updates:
        assert not any(line.isdigit() for line in update.body_text.split("\n\n"))
        assert "14 August 2023" not in update.body_text
        assert update.authors == ["Jamie Braidwood"]
    assert page.updates[0].body_text.startswith("The Lionesses will be ready to face Australia")


def test_guardian_2023_ten_updates_pinned_once_titles_and_bodies_from_html() -> None:
    root = parse((corpus_dir() / GUARDIAN).read_bytes())
    assert root is not None and next(candidates(root, BASE)).name == "guardian"  # by markup
    page = corpus_page(GUARDIAN, GUARDIAN_2023_URL)
    assert len(page.updates) == 10
    assert len({u.source_id for u in page.updates}) == 10
    pinned = [u for u in page.updates if u.pinned]
    assert [u.source_id for u in pinned] == ["block-646210cc8f0822aea831dd91"]
    assert pinned[0].published_at == "2023-05-15T11:05:09Z"  # from its stream copy
    assert [u.headline for u in page.updates if u.headline] == [
        "Sunak: 'not a straightforward thing' to supply fighter jets to Ukraine",
        "Stoltenberg: no point discussing how Ukraine can join Nato if it does not prevail "
        "in war first",
        "Zelenskiy discussed 'coalition of jets' with Sunak on UK visit",
    ]
    assert all(
        u.fidelity == FIDELITY_HTML and u.sources == ["jsonld", "html"] for u in page.updates
    )
    by_id = {u.source_id: u for u in page.updates}
    rankin = by_id["block-646219928f08e408b758af95"]
    # The JSON-LD articleBody stops at 1,000 characters; the block goes on to its end.
    assert len(rankin.body_text) > 1000 and rankin.body_text.endswith("peace formula.")
    assert rankin.body_text.startswith("Jennifer Rankin reports from Brussels\n\nThe EU is ready")
    assert "Jennifer Rankin" in rankin.authors
    # Times are each block's, not the page's own 11:50:54 the JSON-LD gives all ten.
    assert len({u.published_at for u in page.updates}) == 10
    assert by_id["block-646218558f08e408b758af8d"].modified_at == "2023-05-15T11:36:34Z"


def test_guardian_2023_jsonld_lends_its_updates_nothing_of_the_page() -> None:
    root = parse((corpus_dir() / GUARDIAN).read_bytes())
    found = read_jsonld(root, GUARDIAN_2023_URL)  # type: ignore[arg-type]
    assert len(found.updates) == 10
    assert all(u.headline is None and u.published_at is None for u in found.updates)
    assert found.title is not None and found.title.startswith("Russia-Ukraine war live")


def test_mirror_still_428_with_the_30_html_posts_enriched() -> None:
    page = corpus_page(MIRROR, MIRROR_URL)
    assert len(page.updates) == 428
    assert len({u.source_id for u in page.updates}) == 428
    sources = [tuple(u.sources) for u in page.updates]
    assert sources[:30] == [("jsonld", "html")] * 30
    assert set(sources[30:]) == {("jsonld",)}
    assert all(u.fidelity == FIDELITY_HTML for u in page.updates[:30])
    assert all(u.fidelity == FIDELITY_STRUCTURED for u in page.updates[30:])


@pytest.mark.parametrize("name", [INDEPENDENT, MIRROR, "corkbeo-level3-2020-10-06.html"])
def test_plain_article_body_markup_is_what_nh3_returns(name: str) -> None:
    """article_body writes a plain articleBody's paragraphs without nh3: the same markup."""
    found = read_jsonld(parse((corpus_dir() / name).read_bytes()), BASE)  # type: ignore[arg-type]
    plain = [u.article_body for u in found.updates if "<" not in u.article_body]
    assert plain
    for raw in plain:
        _, markup, _ = article_body(raw, BASE)
        assert markup == sanitise_html(markup, BASE)


@pytest.mark.parametrize(
    ("name", "html_posts"),
    [
        (MIRROR, 30),
        ("express-royals-2024-07-18.html", 9),
        ("corkbeo-level3-2020-10-06.html", 26),
        (GUARDIAN, 10),  # its JSON-LD runs a block's paragraphs together
        (INDEPENDENT, 10),
    ],
)
def test_without_any_id_every_html_post_still_finds_its_structured_reading(
    name: str, html_posts: int
) -> None:
    root = parse((corpus_dir() / name).read_bytes())
    assert root is not None
    structured = read_jsonld(root, BASE).updates
    _, entries = html_updates(root, BASE)
    own_ids = {id(e): e.source_id or "" for e in entries}
    for entry in entries:
        entry.source_id = None
    merged = merge.merge(entries, [structured], BASE)
    assert len(merged) == len(structured)
    paired = [u for u in merged if u.sources == ["jsonld", "html"]]
    assert len(paired) == html_posts
    for update in paired:  # each took the reading its own id names
        own, taken = own_ids[id(update)], update.source_id or ""
        assert merge.id_key(own) == merge.id_key(taken) or (
            merge.number_key(own) is not None and merge.number_key(own) == merge.number_key(taken)
        ), (own, taken)


@pytest.mark.parametrize("date", ["20.10.2023 07:12", "2023-10-20 07:12", "20 Oct 2023 07:12"])
def test_an_amp_posts_date_and_the_name_boxed_beside_it_are_not_its_body(date: str) -> None:
    """A footer or header line that is only a date and a clock (dotted and ISO dates too),
    and the name in a box of its own beside it: neither is body, the name is the author."""
    item = (
        '<article id="p1" data-sort-time="1697778760"><div class="x1"></div>'
        f'<div class="x2">{date}</div><div class="x3"><div class="x4">Lena Hoffmann</div>'
        '<div class="x5"></div></div><div class="x6"><article><h2>Sturmflut</h2>'
        "<p>Der Wasserstand lag am Abend mehr als zwei Meter über dem Mittel.</p></article>"
        "</div></article>"
    )
    body = f'<amp-live-list id="live"><div items>{item}</div></amp-live-list>'
    (update,) = extract_page(page_with("", body), "https://news.example/live.amp").updates
    assert update.body_text == "Der Wasserstand lag am Abend mehr als zwei Meter über dem Mittel."
    assert update.authors == ["Lena Hoffmann"]


def test_an_amp_posts_title_in_a_box_its_class_names_is_its_headline() -> None:
    """No heading in the item: the box whose class says title, before the first paragraph,
    is the headline and not the body's first line."""
    items = "".join(
        f'<div id="p{n}" data-sort-time="{1707559200 + n * 600}"><div class="post-meta">'
        f'<amp-timeago datetime="2024-02-10T1{n}:00:00Z" layout="fixed" width="160" height="20">'
        f'1707559200</amp-timeago></div><div class="post-title">Ferries stop at {n}</div>'
        f'<div class="post-body"><p>Body of post {n} with enough words in it.</p></div></div>'
        for n in (3, 2, 1)
    )
    body = f'<amp-live-list id="live"><div items>{items}</div></amp-live-list>'
    updates = extract_page(page_with("", body), "https://news.example/live.amp").updates
    assert [(u.headline, u.body_text) for u in updates] == [
        (f"Ferries stop at {n}", f"Body of post {n} with enough words in it.") for n in (3, 2, 1)
    ]
