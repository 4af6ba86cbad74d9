"""The evaluation library and the labels: every page labelled, every label well formed, the
pages extraction already reads held to the bar, and the two harder measures: the HTML alone
(`--strip-structured`) and ordinary pages, on which every update is an invented one."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from archive.records import Update
from archive.times import parse_utc
from crawler.cli import cli
from crawler.extract.evaluate import (
    PageLabels,
    PageScore,
    UpdateLabel,
    evaluate,
    extract_ordinary,
    format_invented,
    format_table,
    hash_classes,
    load_labels,
    overall,
    page_url,
    score_page,
    strip_structured,
)
from crawler.extract.html import parse
from crawler.extract.merge import id_key
from crawler.extract.page import extract_page
from tests.helpers import LABELS, corpus_dir, page_folders, saved_page, saved_pages

LABEL_FILES = sorted(LABELS.glob("*.json"))
_FILE_KEYS = {"url", "file", "fetched_at", "notes", "updates"}
_UPDATE_KEYS = {"id", "headline", "published_at", "body_start", "removed", "in_html"}
_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")
_FIRST_TIME = parse_utc("1990-01-01T00:00:00Z")


def test_every_page_has_labels() -> None:
    pages = sorted(p.name for p in saved_pages())
    labelled = sorted(load_labels(p).file for p in LABEL_FILES)
    assert pages == labelled


@pytest.mark.parametrize("path", LABEL_FILES, ids=[p.name for p in LABEL_FILES])
def test_labels_are_well_formed(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"url", "file", "updates"} <= set(data) <= _FILE_KEYS
    assert path.name == data["file"] + ".json" and data["url"].startswith("https://")
    assert all(isinstance(note, str) and note for note in data.get("notes", []))
    fetched = _utc(data["fetched_at"]) if "fetched_at" in data else None
    # A page that shows no post (a vendor's embed, drawn in the browser) says why in its notes.
    assert data["updates"] or data.get("notes")
    for item in data["updates"]:
        assert {"id", "headline", "published_at", "body_start"} <= set(item) <= _UPDATE_KEYS
        assert item["headline"] is None or item["headline"].strip()
        assert isinstance(item["body_start"], str) and len(item["body_start"]) <= 80
        if item["published_at"] is not None:
            published = _utc(item["published_at"])
            # The time rule's fifth point: nothing before 1990 or a day after the fetch.
            assert _FIRST_TIME is not None and published >= _FIRST_TIME
            assert fetched is None or published <= fetched + timedelta(days=1), item
    ids = [id_key(item["id"]) for item in data["updates"] if item["id"]]
    assert len(ids) == len(set(ids))


ORDERED = [p for p in LABEL_FILES if load_labels(p).updates]

# The text between a page's tags, outside its scripts and styles.
_MARKUP = re.compile(rb"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<[^>]*>)", re.S | re.I)
# What no XML document may hold; written out here, not taken from the code under test.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


HTML_PAGES = [p for p in ORDERED if not load_labels(p).file.endswith(".json")]


@pytest.mark.slow
@pytest.mark.parametrize("path", HTML_PAGES, ids=[p.name for p in HTML_PAGES])
def test_control_characters_in_a_pages_words_cost_no_update(path: Path) -> None:
    """A page's words may hold control characters (an escape, a vertical tab pasted in): the
    tree keeps them and lxml refuses them in the text an extractor rewrites (a time cut from
    its line, a dropped element's tail moved up). Every post is still read, without them."""
    labels = load_labels(path)
    clean = saved_page(labels.file).read_bytes()
    pieces = _MARKUP.split(clean)
    dirty = b"".join(
        piece
        if piece.startswith(b"<")
        else piece.replace(b"e ", b"e\x1b ").replace(b"n ", b"n\x0b ")
        for piece in pieces
    )
    assert dirty.count(b"\x1b") > 5
    before = extract_page(clean, labels.url, fetched_at=labels.fetched_at).updates
    after = extract_page(dirty, labels.url, fetched_at=labels.fetched_at).updates
    assert len(after) == len(before)
    assert {u.headline for u in after} == {u.headline for u in before}
    for update in after:
        for text in (update.headline or "", update.body_text, update.body_html):
            assert not _CONTROLS.search(text)


@pytest.mark.parametrize("path", ORDERED, ids=[p.name for p in ORDERED])
def test_labels_follow_page_order(path: Path) -> None:
    labels = load_labels(path)
    body = saved_page(labels.file).read_bytes()
    # What the HTML shows; on a page whose posts only its structured data lists, those.
    listed = [label for label in labels.updates if label.in_html] or list(labels.updates)
    shown = [label.id for label in listed if label.id]
    if not shown:  # a page whose posts carry no ids: their headlines, as the page prints them
        titles = [label.headline for label in listed if label.headline]
        assert len(titles) > 1, "page order is checked by the ids or the headlines of the posts"
        at = [body.decode("utf-8").find(title) for title in titles]
        assert -1 not in at and at == sorted(at), titles
        return
    assert in_page_order(body, shown)
    assert not in_page_order(body, shown[::-1])


def in_page_order(body: bytes, ids: list[str]) -> bool:
    """Each id occurs in the page (in an attribute, a fragment or a path) after the one before."""
    at = -1
    for ident in ids:
        spellings = b"|".join(re.escape(s.encode()) for s in {ident, id_key(ident)})
        found = [
            m.start() for m in re.finditer(rb"[\"'#/=](?:%s)(?![0-9A-Za-z-])" % spellings, body)
        ]
        after = bisect_right(found, at)
        if after == len(found):
            return False
        at = found[after]
    return True


def test_labels_keep_times_only_a_reader_sees() -> None:
    sport = load_labels(LABELS / "sportowefakty-falubaz.html.json")
    # A bare clock in Polish summer time; a post without one has no time at all.
    times = {label.id: label.published_at for label in sport.updates}
    assert times["904241"] == "2020-09-28T17:30:00Z" and times["904253"] is None
    assert sport.fetched_at == "2020-09-28T17:30:00Z"
    # The Independent's JSON-LD time is the post's creation, hours before the time it shows.
    independent = load_labels(LABELS / "independent-wwc-2023-08-14.html.json")
    assert independent.updates[0].published_at == "2023-08-14T09:01:52Z"
    assert load_labels(LABELS / "express-royals-2024-07-18.html.json").fetched_at is not None


def _utc(value: Any) -> Any:
    assert isinstance(value, str) and _UTC.fullmatch(value), value
    parsed = parse_utc(value)
    assert parsed is not None
    return parsed


@pytest.fixture(scope="module")
def scores(walks_backend: str) -> list[PageScore]:
    return evaluate(page_folders(), LABELS)


def test_precision_and_recall_on_every_page(scores: list[PageScore]) -> None:
    print("\n" + format_table(scores))
    for score in scores:
        assert score.precision >= 0.98, score
        assert score.recall >= 0.98, score
        assert score.body_similarity >= 0.95, score
        assert score.time_accuracy >= 0.98, score
        assert score.headline_accuracy >= 0.98, score


def test_table_has_a_row_per_page_and_overall(scores: list[PageScore]) -> None:
    table = format_table(scores).splitlines()
    assert table[0].split()[:3] == ["page", "labelled", "found"]
    assert len(table) == len(scores) + 3
    assert table[-1].startswith("overall")
    assert overall(scores).labelled == sum(s.labelled for s in scores)


def test_matching_by_id_then_headline_and_time_then_body() -> None:
    labels = PageLabels(
        url="https://x.example/live",
        file="x.html",
        updates=(
            UpdateLabel("block-1", "One", "2024-01-01T10:00:00Z", "First body"),
            UpdateLabel(None, "Two", "2024-01-01T11:00:00Z", "Second body"),
            UpdateLabel(None, None, "2024-01-01T12:00:00Z", "Third body has words"),
            UpdateLabel("4", "Four", "2024-01-01T13:00:00Z", "Fourth"),
        ),
    )
    updates = [
        Update(
            source_id="1",
            headline="One",
            published_at="2024-01-01T10:00:00Z",
            body_text="First body",
        ),
        Update(headline="two ", published_at="2024-01-01T11:00:30Z", body_text="Second bodies"),
        Update(published_at="2024-01-01T12:00:00Z", body_text="Third body has words, more"),
        Update(source_id="9", headline="Stray", published_at="2024-01-01T09:00:00Z"),
    ]
    score = score_page(updates, labels)
    assert (score.matched, score.extracted, score.labelled) == (3, 4, 4)
    assert (score.precision, score.recall) == (0.75, 0.75)
    assert score.coverage["id"] == 1.0 and score.coverage["headline"] == 1.0
    assert 0.9 < score.body_similarity <= 1.0


def test_extraction_is_told_when_the_page_was_saved(tmp_path: Path) -> None:
    _live_blog(tmp_path, in_html=True)
    data = json.loads((tmp_path / "labels" / "storm.html.json").read_text())
    data["fetched_at"] = "2024-03-01T11:00:00Z"
    (tmp_path / "labels" / "storm.html.json").write_text(json.dumps(data))
    seen: list[str | None] = []

    def extract(body: bytes, url: str, fetched_at: str | None) -> list[Update]:
        seen.append(fetched_at)
        return extract_page(body, url, fetched_at=fetched_at).updates

    evaluate([tmp_path / "pages"], tmp_path / "labels", extract=extract)
    assert seen == ["2024-03-01T11:00:00Z"]


# --strip-structured -----------------------------------------------------------------------------

STORM = "https://news.example/live/storm"
_STORM_LD: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    "headline": "Storm live",
    "url": STORM,
    "liveBlogUpdate": [
        {
            "@type": "BlogPosting",
            "url": f"{STORM}#post-2",
            "headline": "Bridge closed",
            "datePublished": "2024-03-01T10:30:00Z",
            "articleBody": "The bridge is closed to traffic until the wind drops.",
        },
        {
            "@type": "BlogPosting",
            "url": f"{STORM}#post-1",
            "headline": "Warning issued",
            "datePublished": "2024-03-01T09:00:00Z",
            "articleBody": "An amber warning for wind covers the whole coast today.",
        },
    ],
}
# The live blog's two updates are in its JSON-LD only; its HTML shows none of them.
STORM_PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>Storm live</title>'
    f'<script type="application/ld+json">{json.dumps(_STORM_LD)}</script></head>'
    '<body><main itemscope itemtype="https://schema.org/LiveBlogPosting">'
    '<h1 itemprop="headline">Storm live</h1><p>Follow the storm as it happens.</p>'
    "</main></body></html>"
).encode()


def _live_blog(folder: Path, in_html: bool) -> None:
    """The storm page and its labels: both updates, marked as shown in the HTML or not."""
    (folder / "pages").mkdir()
    (folder / "labels").mkdir()
    (folder / "pages" / "storm.html").write_bytes(STORM_PAGE)
    updates = [
        {
            "id": f"post-{n}",
            "headline": item["headline"],
            "published_at": item["datePublished"],
            "body_start": item["articleBody"],
            "in_html": in_html,
        }
        for n, item in zip((2, 1), _STORM_LD["liveBlogUpdate"], strict=True)
    ]
    labels = {"url": STORM, "file": "storm.html", "updates": updates}
    (folder / "labels" / "storm.html.json").write_text(json.dumps(labels))


def test_stripping_removes_json_ld_and_microdata_and_keeps_the_rest() -> None:
    page = (
        b'<html><head><script type="Application/LD+JSON">{"@type": "LiveBlogPosting"}</script>'
        b"<script>var kept = 1;</script></head><body><div itemscope itemtype=x itemid=y>"
        b'<p itemprop="articleBody">Text <script type="application/ld+json">{}</script>'
        b"after the script.</p></div></body></html>"
    )
    stripped = strip_structured(page)
    assert b"ld+json" not in stripped.lower() and b"LiveBlogPosting" not in stripped
    root = parse(stripped)
    assert root is not None and not root.xpath(
        "//*[@itemscope or @itemtype or @itemid or @itemprop]"
    )
    assert b"var kept = 1;" in stripped and b"Text after the script." in stripped
    # A JSON body (a publisher's page data) is not HTML: it is left as it is.
    assert strip_structured(b'{"blocks": []}') == b'{"blocks": []}'


def test_a_stripped_page_says_it_is_utf8_whatever_it_was() -> None:
    page = (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        b"<title>Caf\xe9</title></head><body><p>Caf\xe9 cr\xe8me \x80 5</p></body></html>"
    )
    stripped = strip_structured(page)
    assert b"windows-1252" not in stripped and b'<meta charset="utf-8">' in stripped
    assert "<p>Café crème € 5</p>" in stripped.decode("utf-8")


def test_stripping_a_page_without_structured_data_changes_no_update() -> None:
    body = saved_page("bbc-storm-francis-2020-08-25.html").read_bytes()
    url = load_labels(LABELS / "bbc-storm-francis-2020-08-25.html.json").url
    assert b"ld+json" not in body and b"itemprop" not in body
    assert extract_page(strip_structured(body), url).updates == extract_page(body, url).updates


def test_a_stripped_page_loses_its_json_ld_only_updates(tmp_path: Path) -> None:
    _live_blog(tmp_path, in_html=False)
    folders, labels = [tmp_path / "pages"], tmp_path / "labels"
    (whole,) = evaluate(folders, labels)
    assert (whole.labelled, whole.extracted, whole.matched) == (2, 2, 2)
    (html,) = evaluate(folders, labels, strip=True)
    assert (html.labelled, html.extracted) == (0, 0) and html.precision == html.recall == 1.0


def test_stripped_scores_expect_what_the_html_shows(walks_backend: str) -> None:
    stripped = {s.page: s for s in evaluate(page_folders(), LABELS, strip=True)}
    for path in LABEL_FILES:
        labels = load_labels(path)
        assert stripped[labels.file].labelled == len(labels.html_only().updates)
    assert stripped["mirror-uk-riots-2024-08-05.html"].labelled == 30
    ndtv = parse(strip_structured(saved_page("ndtv-cwc2023-ind-sl.html").read_bytes()))
    assert ndtv is not None and not ndtv.xpath("//*[@itemprop or @itemscope or @itemtype]")


def test_hashing_classes_leaves_no_name_and_hashes_a_name_alike_everywhere() -> None:
    page = (
        b'<html><head><meta charset="latin-1"></head><body><div class="live-post post" id="p1">'
        b'<h2 class="post__title">Caf\xe9</h2></div><div class="post" data-id="2"></div>'
        b"<!-- a comment --></body></html>"
    )
    root = parse(hash_classes(page))
    assert root is not None
    classes = [el.get("class").split() for el in root.iter("div", "h2")]
    assert len(classes) == 3 and not {"live-post", "post", "post__title"} & {
        name for names in classes for name in names
    }
    assert classes[0][1] == classes[2][0] != classes[0][0]  # "post" twice, the same name
    assert root.xpath("//div[@id='p1'] and //div[@data-id='2']")
    assert root.findtext(".//h2") == "Café"
    assert hash_classes(b'{"blocks": []}') == b'{"blocks": []}'


@pytest.mark.slow
def test_hashed_class_names_cost_little_and_invent_nothing(walks_backend: str) -> None:
    """Class names are not what extraction stands on: with them made meaningless, every page
    (an adapter's too, then read by the generic extractor) keeps precision and recall of 0.98
    or more, and still no ordinary page yields an update. Titles and bylines that only their
    classes named are found by the shape of the posts: the bodies start where the labels say."""
    scores = evaluate(page_folders(), LABELS, hashed=True)
    for score in scores:
        assert min(score.precision, score.recall) >= 0.98, format_table(scores)
    total = overall(scores)
    assert min(total.precision, total.recall) >= 0.98, format_table(scores)
    assert total.body_similarity >= 0.98, format_table(scores)
    assert total.headline_accuracy >= 0.99, format_table(scores)
    invented = extract_ordinary(corpus_dir() / "articles", hashed=True)
    assert not [r for r in invented if r.updates], format_invented(invented)


# Ordinary pages ---------------------------------------------------------------------------------

ARTICLE = (
    b'<html><head><link rel="canonical" href="https://blog.example/cafe-review">'
    b"<title>Cafe review</title></head><body><article><h1>Cafe review</h1>"
    b"<p>The cafe serves good coffee.</p><p>Prices are fair.</p></article></body></html>"
)


@pytest.mark.parametrize(
    "mark",
    [
        "<!-- saved from url=(0034)https://example.org/news/cafe-review -->\n",
        "<!-- saved from url=(0034)https://example.org/news/cafe-review -->\r\n",
        "<!--\n Page saved with SingleFile \n url: https://example.org/news/cafe-review \n-->",
    ],
    ids=["browser", "browser-crlf", "singlefile"],
)
def test_a_page_saved_by_a_browser_is_read_at_the_address_it_was_saved_from(mark: str) -> None:
    """A browser's "Save Page As" and SingleFile note the page's address at its top: with no
    canonical link, an ordinary page is read there, as a crawl would have read it (it was read
    at a made-up address)."""
    body = ARTICLE.replace(b'<link rel="canonical" href="https://blog.example/cafe-review">', b"")
    assert page_url(mark.encode() + body, "cafe.html") == "https://example.org/news/cafe-review"
    assert page_url(body, "cafe.html").endswith("/cafe.html")
    # A canonical link still outranks the note.
    assert page_url(mark.encode() + ARTICLE, "cafe.html") == "https://blog.example/cafe-review"


def test_a_comment_naming_a_url_is_no_note_of_where_a_page_was_saved_from() -> None:
    """A template's comment at the top that names some address (`<!-- og image url: https://…
    -->`) is no SingleFile note: the page is not read there (it was)."""
    body = ARTICLE.replace(b'<link rel="canonical" href="https://blog.example/cafe-review">', b"")
    mark = b"<!-- og image url: https://cdn.example/cafe.jpg -->\n"
    assert page_url(mark + body, "cafe.html").endswith("/cafe.html")


def test_an_ordinary_page_that_yields_an_update_is_reported(tmp_path: Path) -> None:
    (tmp_path / "cafe.html").write_bytes(ARTICLE)
    (tmp_path / "storm.html").write_bytes(STORM_PAGE)  # stands for an article that fools it
    results = extract_ordinary(tmp_path)
    assert [(r.page, len(r.updates)) for r in results] == [("cafe.html", 0), ("storm.html", 2)]
    table = format_invented(results).splitlines()
    assert table[0].split() == ["ordinary", "page", "updates", "timed", "headed", "first", "update"]
    assert table[2].split()[:4] == ["storm.html", "2", "2", "2"]
    assert table[2].endswith("Bridge closed")
    assert table[-1].split()[:7] == ["total", "(1", "of", "2", "pages)", "2", "2"]
    assert len(table) == 4  # header, rule, the page that invents, the total
    # Stripped, the JSON-LD that fooled it is gone.
    assert all(not r.updates for r in extract_ordinary(tmp_path, strip=True))


def test_an_ordinary_page_is_read_at_its_own_url() -> None:
    assert page_url(ARTICLE, "cafe.html") == "https://blog.example/cafe-review"
    og = b'<html><head><meta property="og:url" content="https://x.example/a"></head></html>'
    assert page_url(og, "a.html") == "https://x.example/a"
    assert page_url(b"<html><body><p>x</p></body></html>", "a b.html") == (
        "https://article.invalid/a%20b.html"
    )


@pytest.mark.slow
def test_no_update_is_invented_on_the_corpus_articles() -> None:
    """120 ordinary pages (articles, recipes, forums, blogs with comments), each read at its
    own address: the issue's bar is at most one page with an update; none has one."""
    folder = corpus_dir() / "articles"
    results = extract_ordinary(folder)
    assert len(results) == len(list(folder.glob("*.html"))) >= 120
    inventing = [r for r in results if r.updates]
    total = format_invented(results).splitlines()[-1]
    assert total.startswith(f"total ({len(inventing)} of {len(results)} pages)")
    assert inventing == [], format_invented(results)


# The command ------------------------------------------------------------------------------------


def _eval(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["eval", *map(str, args)])


def test_eval_exit_status_with_stripped_pages_and_articles(tmp_path: Path) -> None:
    _live_blog(tmp_path, in_html=True)  # labelled as shown, though only its JSON-LD has them
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "cafe.html").write_bytes(ARTICLE)
    where: list[str | Path] = ["--labels", tmp_path / "labels", "--pages", tmp_path / "pages"]
    plain = _eval(*where)
    assert plain.exit_code == 0, plain.output
    stripped = _eval(*where, "--strip-structured")
    assert stripped.exit_code == 1 and "below 0.98: storm.html" in stripped.output
    clean = _eval(*where, "--articles", articles)
    assert clean.exit_code == 0 and "total (0 of 1 pages)" in clean.output
    (articles / "fooled.html").write_bytes(STORM_PAGE)
    one = _eval(*where, "--articles", articles)
    assert one.exit_code == 0 and "total (1 of 2 pages)" in one.output
    strict = _eval(*where, "--articles", articles, "--max-invented-pages", "0")
    assert strict.exit_code == 1
    assert "1 ordinary page yields updates (more than 0): fooled.html" in strict.output
    both = _eval(*where, "--articles", articles, "--strip-structured", "--max-invented-pages", "0")
    assert both.exit_code == 1 and "total (0 of 2 pages)" in both.output
    assert "yields updates" not in both.output and "yield updates" not in both.output
