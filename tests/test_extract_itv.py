"""The ITV-style "Live updates" markup the bundled sample blog serves, written out by hand."""

from __future__ import annotations

import json

import pytest

from archive.records import FIDELITY_HTML, FIDELITY_STRUCTURED, Page
from crawler.extract import extract_page

HOST = "http://127.0.0.1:8765"
URL = f"{HOST}/news/calais-jungle-live"
UNAVAILABLE = "Sorry, this content isn't available on your device."

JSON_LD = {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    "headline": "Calais 'Jungle' camp clearance: Live updates",
    "url": URL,
    "coverageStartTime": "2016-10-24T06:00:00+01:00",
    "publisher": {"@type": "Organization", "name": "ITV News"},
    "liveBlogUpdate": [
        {
            "@type": "BlogPosting",
            "headline": "Migrants not sure of final destination as Calais camp shuts",
            "url": f"{URL}#update-5",
            "datePublished": "2016-10-24T11:45:00+01:00",
            "dateModified": "2016-10-24T11:50:00+01:00",
            "articleBody": "The mass exodus of refugees and migrants &amp; more.",
            "author": {"@type": "Person", "name": "Ellie Swinton"},
        },
        {
            "@type": "BlogPosting",
            "headline": "Belgium says it will not approve EU-Canada trade deal",
            "url": f"{URL}#update-4",
            "datePublished": "2016-10-24T10:30:00+01:00",
            "articleBody": "Belgium said it had been unable to clear the way.",
        },
        {
            "@type": "BlogPosting",
            "headline": "MP demands border security boost after &#39;Jungle&#39; closure",
            "url": f"{URL}#update-3",
            "datePublished": "2016-10-24T09:15:00+01:00",
            "articleBody": "Britain should boost its border security, an MP has warned.",
        },
    ],
}

PAGE = f"""<html><head><title>Calais 'Jungle' camp clearance: Live updates - ITV News</title>
<meta property="og:site_name" content="ITV News">
<link rel="next" href="/news/calais-jungle-live?page=2">
<script type="application/ld+json">{json.dumps(JSON_LD)}</script>
</head><body><main class="live-blog"><h1>Live updates</h1>
<div class="live-blog__updates">
 <article class="update" id="update-5" data-update-id="5">
  <header><h2 class="update__title">Migrants not sure of final destination as Calais camp shuts
  </h2>
   <time class="update__time" datetime="2016-10-24T11:45:00+01:00">11:45am</time>
   <p class="update__byline">By <span class="update__author">Ellie Swinton</span></p></header>
  <div class="update__body">
   <p>The mass exodus of refugees and migrants from the so-called 'Jungle' camp in Calais is under
   way, with buses starting to disperse hundreds of its residents across France.</p>
   <p>Crowds carrying rucksacks &amp; holdalls surged towards the warehouse.</p>
  </div>
  <footer class="update__share"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Share on Facebook</a><a href="https://twitter.com/intent/tweet?url=x">Share on Twitter</a></footer>
 </article>
 <article class="update" id="update-4" data-update-id="4">
  <header><h2 class="update__title">Belgium says it will not approve EU-Canada trade deal</h2>
   <time class="update__time" datetime="2016-10-24T10:30:00+01:00">10:30am</time></header>
  <div class="update__body">
   <figure class="update__image"><img src="https://images.example/michel.jpg" alt="Charles Michel"><figcaption>Prime Minister Charles Michel said he would continue talks aimed at reviving the deal <span class="update__credit">Credit: Reuters</span></figcaption></figure>
   <p>Belgium said it had been unable to clear the way to approve an EU-Canada trade deal.</p>
  </div>
  <footer class="update__share"><a href="https://www.facebook.com/sharer/sharer.php?u=y">Share on Facebook</a><a href="https://twitter.com/intent/tweet?url=y">Share on Twitter</a></footer>
 </article>
 <article class="update" id="update-3" data-update-id="3">
  <header><h2 class="update__title">MP demands border security boost after 'Jungle' closure</h2>
   <time class="update__time" datetime="2016-10-24T09:15:00+01:00">9:15am</time>
   <p class="update__byline">By <span class="update__author">Political Team</span></p></header>
  <div class="update__body">
   <p>Britain should boost its border security, an MP has warned.</p>
   <blockquote class="update__quote"><p>People will be more desperate than ever to see if they can break into Britain...</p><p>We need to take control.</p><footer>– Conservative MP Charlie Elphicke</footer></blockquote>
   <p>ITV News Producer Ellie Swinton is in Calais:</p>
   <div class="update__embed" data-embed-url="https://twitter.com/ellieswinton/status/790462164489539584" data-provider="twitter"><p>{UNAVAILABLE}</p></div>
   <p>On Tuesday 60 buses filled with residents will leave the camp.</p>
  </div>
  <footer class="update__share"><a href="https://www.facebook.com/sharer/sharer.php?u=z">Share on Facebook</a><a href="https://twitter.com/intent/tweet?url=z">Share on Twitter</a></footer>
 </article>
</div>
<a class="live-blog__load-more" rel="next" href="/news/calais-jungle-live?page=2">Load more updates</a>
</main></body></html>"""


@pytest.fixture(scope="module")
def page(walks_backend: str) -> Page:
    return extract_page(PAGE.encode("utf-8"), URL)


def test_blog_record(page: Page) -> None:
    assert page.title == "Calais 'Jungle' camp clearance: Live updates"
    assert page.publisher == "ITV News"
    assert page.coverage_start == "2016-10-24T05:00:00Z"
    assert page.next_urls == [f"{HOST}/news/calais-jungle-live?page=2"]


def test_updates_in_page_order_merged_with_json_ld(page: Page) -> None:
    assert [u.source_id for u in page.updates] == ["update-5", "update-4", "update-3"]
    for update in page.updates:
        assert update.fidelity == FIDELITY_HTML
        assert update.sources == ["jsonld", "html"]
        assert update.permalink == f"{URL}#{update.source_id}"
    first = page.updates[0]
    assert first.headline == "Migrants not sure of final destination as Calais camp shuts"
    assert (first.published_at, first.modified_at) == (
        "2016-10-24T10:45:00Z",
        "2016-10-24T10:50:00Z",
    )
    assert first.authors == ["Ellie Swinton"]
    assert first.body_text == (
        "The mass exodus of refugees and migrants from the so-called 'Jungle' camp in Calais is under "
        "way, with buses starting to disperse hundreds of its residents across France.\n\n"
        "Crowds carrying rucksacks & holdalls surged towards the warehouse."
    )


def test_no_chrome_in_bodies(page: Page) -> None:
    for update in page.updates:
        for field in (update.body_text, update.body_html):
            for chrome in (
                "Share on",
                "Facebook",
                "Twitter",
                UNAVAILABLE,
                "Sorry",
                "11:45am",
                "By ",
                update.headline,
            ):
                assert chrome not in field, (update.source_id, chrome)


def test_image_caption_and_credit_are_media(page: Page) -> None:
    belgium = page.updates[1]
    assert belgium.media == [
        {
            "type": "image",
            "url": "https://images.example/michel.jpg",
            "caption": "Prime Minister Charles Michel said he would continue talks aimed at reviving the deal",
            "credit": "Reuters",
        }
    ]
    assert (
        belgium.body_text
        == "Belgium said it had been unable to clear the way to approve an EU-Canada trade deal."
    )
    assert "Credit" not in belgium.body_html
    assert '<img src="https://images.example/michel.jpg"' in belgium.body_html


def test_quote_attribution_and_embed_are_media(page: Page) -> None:
    border = page.updates[2]
    assert border.headline == "MP demands border security boost after 'Jungle' closure"
    assert border.authors == ["Political Team"]
    assert border.body_text == (
        "Britain should boost its border security, an MP has warned.\n\n"
        "People will be more desperate than ever to see if they can break into Britain...\n\n"
        "We need to take control.\n\n"
        "ITV News Producer Ellie Swinton is in Calais:\n\n"
        "On Tuesday 60 buses filled with residents will leave the camp."
    )
    assert "Elphicke" not in border.body_text and "Elphicke" not in border.body_html
    assert border.media == [
        {
            "type": "quote",
            "text": "People will be more desperate than ever to see if they can break into Britain..."
            "\n\nWe need to take control.",
            "attribution": "Conservative MP Charlie Elphicke",
        },
        {
            "type": "embed",
            "url": "https://twitter.com/ellieswinton/status/790462164489539584",
            "provider": "twitter",
            "text": None,
        },
    ]
    assert "<blockquote><p>People will be more desperate" in border.body_html


def test_last_page_has_no_next_url() -> None:
    last = PAGE.replace('<link rel="next" href="/news/calais-jungle-live?page=2">', "").replace(
        '<a class="live-blog__load-more" rel="next" href="/news/calais-jungle-live?page=2">Load more updates</a>',
        "",
    )
    assert extract_page(last.encode(), URL).next_urls == []


def test_update_missing_from_html_keeps_structured_data() -> None:
    """An update JSON-LD lists but the HTML does not show: structured fidelity, articleBody text."""
    without_three = (
        PAGE.split(' <article class="update" id="update-3"')[0] + "</div></main></body></html>"
    )
    page = extract_page(without_three.encode(), URL)
    last = page.updates[-1]
    assert (last.source_id, last.fidelity, last.sources) == (
        "update-3",
        FIDELITY_STRUCTURED,
        ["jsonld"],
    )
    assert last.headline == "MP demands border security boost after 'Jungle' closure"
    assert last.body_text == "Britain should boost its border security, an MP has warned."
    assert last.published_at == "2016-10-24T08:15:00Z"


ITV_URL = "https://www.itv.com/news/2016-10-24/calais-jungle-live"
SHOWN = ["2016-10-24T10:45:00Z", "2016-10-24T09:30:00Z", "2016-10-24T08:15:00Z"]


def test_an_adapters_post_without_a_time_in_its_markup_has_the_time_it_shows() -> None:
    """Where the publisher's markup gives a post no time, the clock it prints is its time, on
    the page's day, in the page's zone ("11:45am" in London's summer)."""
    bare = PAGE.replace(f'<script type="application/ld+json">{json.dumps(JSON_LD)}</script>', "")
    page = bare.replace("<html>", '<html lang="en-GB">').replace(
        ' datetime="2016-10-24T', ' data-x="'
    )
    updates = extract_page(page.encode(), ITV_URL, fetched_at="2016-10-24T12:00:00Z").updates
    assert [u.published_at for u in updates] == SHOWN


def test_a_shown_time_does_not_outrank_the_markups() -> None:
    """A relative time ("2 hours ago"), a clock in another zone, or the markup's UTC clock
    printed as it is (as a server that renders in UTC prints it) leave the markup's time."""
    bare = PAGE.replace(f'<script type="application/ld+json">{json.dumps(JSON_LD)}</script>', "")
    page = (
        bare.replace("<html>", '<html lang="en-GB">')
        .replace(">11:45am<", ">2 hours ago<")
        .replace(">10:30am<", ">9:30am<")
        .replace('datetime="2016-10-24T10:30:00+01:00"', 'datetime="2016-10-24T09:30:00Z"')
        .replace(">9:15am<", ">4:15am ET<")
        .replace('datetime="2016-10-24T09:15:00+01:00"', 'datetime="2016-10-24T08:15:00Z"')
    )
    updates = extract_page(page.encode(), ITV_URL, fetched_at="2016-10-24T12:00:00Z").updates
    assert [u.published_at for u in updates] == SHOWN


def test_the_markup_off_itvs_domain_needs_the_page_to_say_live() -> None:
    """`article.update` with a header, a title and a time is every changelog's markup too: on
    another site, an ordinary page in it (a product's release notes at `/whats-new`) yields no
    updates; the same markup whose page says live in its title or address is read."""
    releases = "".join(
        f'<article class="update" id="v2-{n}"><header><h2>Kassa Pro 2.{n}</h2><time '
        f'datetime="2024-05-{10 + n:02d}">2024-05-{10 + n:02d}</time></header><div '
        f'class="update__body"><p>What release 2.{n} brings, in more than a few words.</p>'
        "<ul><li>A fix.</li></ul></div></article>"
        for n in (9, 8, 7, 6)
    )
    page = "<html><head><title>{}</title></head><body><main>" + releases + "</main></body></html>"
    ordinary = extract_page(
        page.format("Kassa Pro – Nouveautés").encode(), "https://kassa.example.fr/whats-new"
    )
    assert (ordinary.updates, ordinary.live_blog) == ([], False)
    live = extract_page(
        page.format("Kassa Pro launch: live updates").encode(), "https://kassa.example.fr/launch"
    )
    assert [u.source_id for u in live.updates] == ["v2-9", "v2-8", "v2-7", "v2-6"]
