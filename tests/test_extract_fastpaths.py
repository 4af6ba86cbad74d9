"""The shortcuts extraction takes for speed give exactly what the long way gives.

Each fast path is checked against the plain composition it replaces, on every saved page and on
made-up text built to hit the edge cases: markup written without nh3 against nh3 itself, runs of
paragraphs read together against one paragraph at a time, the generic extractor's pass over
the page against the XPath it replaced, the UTC shortcut of to_utc against the datetime route.
"""

from __future__ import annotations

import importlib.util
import os
import random
from datetime import UTC, datetime, timedelta, timezone
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest
from lxml import etree

from archive.times import format_utc, to_utc
from crawler.extract import _native, check_build, clean, entries, generic, media
from crawler.extract.clean import (
    BR_MARK,
    escape_attribute,
    escape_text,
    finish_html,
    is_boilerplate,
    is_plain_url,
    normalise_text,
    paragraph_texts,
    sanitise_html,
    strip_placeholders,
)
from crawler.extract.dom import raw_text
from crawler.extract.entries import BodyWriter, prepare
from crawler.extract.html import parse
from tests.helpers import saved_pages

TESTS = Path(__file__).resolve().parent
PAGES = [p for p in saved_pages() if p.suffix == ".html"]
BASE = "https://www.itv.com/news/2016-10-24/calais-jungle-live"


def _benchmark_pages() -> list[bytes]:
    # Loaded from its file: putting benchmarks/ on sys.path would let benchmarks/datasette.py
    # shadow the datasette package for every later import.
    spec = importlib.util.spec_from_file_location(
        "liveblog_benchmark_extract", TESTS.parent / "benchmarks" / "extract.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return [bench.generate(12, markup, structured=False) for markup in ("itv", "reach")]


BODIES = [p.read_bytes() for p in PAGES] + _benchmark_pages()
# Every block that could be an update body, or hold one.
_BLOCKS = ("div", "article", "section", "li", "blockquote", "figure", "main", "body")


@pytest.mark.parametrize("body", BODIES, ids=[p.name for p in PAGES] + ["bench-itv", "bench-reach"])
def test_markup_written_from_text_is_what_nh3_returns(body: bytes) -> None:
    root = parse(body)
    assert root is not None
    own = 0
    for element in prepare(root).iter(*_BLOCKS):
        writer = BodyWriter(BASE)
        writer.walk(element)
        writer.flush()
        markup = "".join(writer.html).replace(BR_MARK, "")
        if not writer.copied:
            own += 1
            assert finish_html(markup, BASE, own=True) == sanitise_html(markup, BASE), markup
    assert own  # the shortcut was taken


_PIECES = (
    "a", "word", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\xa0", "\u200b", "\ufeff",
    "&", "&amp;", "&amp;amp;", "&nbsp;", "&lt;b&gt;", "&#39;", "<", ">", '"', "'", "é", "€",
    "\U0001f600", "\ue000", "\x00", "ſee also", "Read more", "Share", "Advertisement",
    "Sorry, this content isn't available on your device.", "vailable on your device",
)  # fmt: skip


def _made_up_texts(rng: random.Random) -> list[str]:
    return [
        "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 8)))
        for _ in range(rng.randint(1, 5))
    ]


def test_paragraph_runs_read_as_one_paragraph_at_a_time() -> None:
    rng = random.Random(4)
    for _ in range(20000):
        raws = [t for t in _made_up_texts(rng) if t]
        expected = []
        for raw in raws:
            text = strip_placeholders(normalise_text(raw))
            if not is_boilerplate(text):
                expected.append(text)
        kept, to_escape = paragraph_texts(raws)
        assert kept == expected, raws
        if not to_escape:
            assert all(escape_text(t) == t for t in kept)


def test_escaped_text_and_attributes_are_what_nh3_writes() -> None:
    rng = random.Random(5)
    for _ in range(20000):
        text, other = "".join(_made_up_texts(rng)), "".join(_made_up_texts(rng))
        for markup in (
            f"<p>{escape_text(text)}</p><p>{escape_text(other)}<br>{escape_text(text)}</p>",
            f'<figure><img src="https://x.example/a.jpg" alt="{escape_attribute(text)}">'
            f"<figcaption>{escape_text(other)}</figcaption></figure>",
            f"<blockquote><p>{escape_text(text)}</p></blockquote><h3>{escape_text(other)}</h3>",
        ):
            assert finish_html(markup, BASE, own=True) == sanitise_html(markup, BASE), markup


@pytest.mark.parametrize(
    ("url", "plain"),
    [
        ("https://images.example/200.jpg", True),
        ("http://a-b.c.example:8080/p/a/t/h?q=1&r='2'#f", True),
        ("https://EXAMPLE.com/a%20b", True),
        ("https://example.com", True),
        ("https://example.com/a b", False),  # kept by nh3, but not a URL to vouch for
        ("ftp://example.com/a.jpg", False),
        ("/relative.jpg", False),
        ("https://xn--bcher-kva.example/a.jpg", False),
        ("https://1.2.3.999/a.jpg", False),
        ("https://example.123/a.jpg", False),
        ("https://example.com:99999/a.jpg", False),
        ("https://exa_mple.com/a.jpg", False),
        ('https://example.com/"a"', False),
    ],
)
def test_plain_urls(url: str, plain: bool) -> None:
    assert is_plain_url(url) is plain
    if plain:
        markup = f'<figure><img src="{escape_attribute(url)}" alt=""></figure>'
        assert sanitise_html(markup, BASE) == markup


def test_plain_urls_are_kept_by_nh3_as_they_are() -> None:
    rng = random.Random(6)
    label = "abcxyzABC019-"
    path = "".join(chr(c) for c in range(0x21, 0x7F))
    found = 0
    for _ in range(20000):
        host = ".".join(
            "".join(rng.choice(label) for _ in range(rng.randint(1, 6)))
            for _ in range(rng.randint(1, 3))
        )
        port = rng.choice(["", "", ":80", f":{rng.randint(0, 99999)}"])
        tail = rng.choice("/?#") + "".join(rng.choice(path) for _ in range(rng.randint(0, 20)))
        url = rng.choice(["http", "https"]) + "://" + host + port + tail
        if is_plain_url(url):
            found += 1
            markup = f'<figure><img src="{escape_attribute(url)}" alt="x"></figure>'
            assert finish_html(markup, BASE, own=True) == sanitise_html(markup, BASE), url
    assert found > 1000


# The XPath expressions the generic extractor's pass over the page replaced.
_TIMED = etree.XPath(
    "//body//*[@*[contains(name(), 'time') or contains(name(), 'date')]] | //body//time"
)
_METAS = etree.XPath("//body//meta[@content and contains(@content, ':')]")
_BYLINES = etree.XPath(
    "//body//*[contains(@class, 'uthor') or contains(@class, 'yline') or contains(@class, 'ontributor')]"
)


@pytest.mark.parametrize("body", BODIES, ids=[p.name for p in PAGES] + ["bench-itv", "bench-reach"])
def test_one_pass_finds_what_the_xpath_found(body: bytes) -> None:
    root = parse(body)
    assert root is not None
    marks = generic.mark(root)
    assert marks.timed == _TIMED(root)
    assert marks.metas == _METAS(root)
    assert marks.bylines == _BYLINES(root)


@pytest.mark.parametrize("body", BODIES, ids=[p.name for p in PAGES] + ["bench-itv", "bench-reach"])
def test_text_and_its_length_are_what_the_text_serialiser_writes(body: bytes) -> None:
    root = parse(body)
    assert root is not None
    elements = list(root.iter(etree.Element))
    assert len(elements) > 50
    for element in elements:
        text = etree.tostring(element, method="text", encoding="unicode", with_tail=False)
        assert raw_text(element) == text
        assert _native.text_length(element) == len(text)


def test_one_pass_reads_odd_markup_as_the_xpath_does() -> None:
    markup = (
        "<html><head><meta content='12:00'><time>head</time></head><body>"
        "<!-- a comment --><div class='by-&quot;author&quot;' data-x-date='1'>"
        "<meta content='2020-01-01T00:00:00Z'><p datetime=''>é</p></div>"
        "<?pi x?><span class='BYLINE'>not a match: case counts</span></body></html>"
    )
    root = parse(markup.encode())
    assert root is not None
    marks = generic.mark(root.find("body/div/p"))  # from any element: the page is read
    assert marks.timed == _TIMED(root) and len(marks.timed) == 2
    assert marks.metas == _METAS(root) and len(marks.metas) == 1
    assert marks.bylines == _BYLINES(root) and len(marks.bylines) == 1


@pytest.mark.parametrize(
    "value",
    [
        "2016-10-24T16:00:00+00:00",
        "2016-10-24T16:00:00Z",
        "2016-10-24T16:00:00-00:00",
        " 2016-10-24T16:00:00+00:00 ",
        "2016-10-24T16:00:00.5+00:00",
        "2016-10-24T16:00:00+01:00",
        "2016-10-24 16:00:00+00:00",
        "2016-02-30T10:00:00Z",
        "2016-10-24T24:00:00Z",
        "0999-01-01T00:00:00Z",
    ],
)
def test_utc_shortcut(value: str) -> None:
    try:
        expected = format_utc(datetime.fromisoformat(value.strip()))
    except ValueError:
        expected = None
    assert to_utc(value) == expected


def test_extraction_runs_compiled() -> None:
    """setup.py compiles extraction: the tests run what an install runs."""
    for module in (generic, entries, clean, media):
        assert module.__file__ is not None and module.__file__.endswith(".so"), module.__name__


def test_a_binary_older_than_its_source_is_refused(tmp_path: Path) -> None:
    suffix = EXTENSION_SUFFIXES[0]
    binary = tmp_path / "adapters" / f"mod{suffix}"
    source = tmp_path / "adapters" / "mod.py"
    binary.parent.mkdir()
    (tmp_path / "_native.pyx").write_text("")  # a source tree never built
    with pytest.raises(ImportError, match=r"is not built for this Python .* `pip install -e \.`"):
        check_build(tmp_path)
    (tmp_path / f"_native{suffix}").write_bytes(b"")
    binary.write_bytes(b"")
    source.write_text("")
    os.utime(binary, (1000, 1000))
    os.utime(source, (2000, 2000))
    with pytest.raises(ImportError, match=r"was built before mod\.py last changed: rebuild"):
        check_build(tmp_path)
    os.utime(binary, (3000, 3000))
    check_build(tmp_path)


@pytest.mark.parametrize("body", BODIES, ids=[p.name for p in PAGES] + ["bench-itv", "bench-reach"])
def test_owners_and_sibling_groups_climb_as_lxml_does(body: bytes) -> None:
    root = parse(body)
    assert root is not None
    elements = list(root.iter(etree.Element))
    members = {e for e in elements[::7] if e.tag != "html"}
    expected = []
    for element in elements:
        owner = element if element in members else None
        for ancestor in element.iterancestors():
            if owner is None and ancestor in members:
                owner = ancestor
        expected.append(owner)
    assert _native.owners(elements, members) == expected
    # The climbs, as the generic extractor made them before they moved to C.
    groups: dict[tuple[object, str], dict[object, None]] = {}
    climbed: set[object] = set()
    for element in elements[::5]:
        node = element
        for parent in element.iterancestors():
            if node.tag == "body" or node in climbed:
                break
            climbed.add(node)
            groups.setdefault((parent, node.tag), {})[node] = None
            node = parent
    assert _native.sibling_groups(elements[::5]) == [list(g) for g in groups.values()]


@pytest.mark.parametrize("body", BODIES, ids=[p.name for p in PAGES] + ["bench-itv", "bench-reach"])
def test_first_and_holds_find_what_iter_finds(body: bytes) -> None:
    root = parse(body)
    assert root is not None
    tags = frozenset({"img", "blockquote", "br", "iframe"})
    for element in list(root.iter(etree.Element))[:3000]:
        expected = next((e for e in element.iter() if e.tag in tags), None)
        assert _native.first(element, tags) is expected
        assert _native.holds(element, tags) is (expected is not None)


def _python_figure_parts(element: etree._Element) -> tuple[object, ...]:
    """media.image_media's pass over a figure as it was written in Python."""
    img = source = figcaption = credit = None
    captions = []
    for node in element.iter():
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if tag in ("img", "amp-img"):
            img = node if img is None else img
            continue
        if tag == "source":
            source = node if source is None else source
            continue
        if tag == "figcaption" and figcaption is None:
            figcaption = node
        cls = node.get("class")
        if cls:
            role = media._caption_role(cls)
            if role == media._CREDIT:
                credit = node if credit is None else credit
            elif role == media._CAPTION:
                captions.append(node)
    return img, source, figcaption, credit, captions


@pytest.mark.parametrize("body", BODIES, ids=[p.name for p in PAGES] + ["bench-itv", "bench-reach"])
def test_figure_parts_are_what_the_python_pass_found(body: bytes) -> None:
    root = parse(body)
    assert root is not None
    blocks = [
        e for e in root.iter("figure", "picture", "div", "p") if _native.holds(e, media.IMAGE_TAGS)
    ]
    for block in blocks[:500]:
        assert _native.figure_parts(block, media._caption_role) == _python_figure_parts(block)
    assert blocks or b"<img" not in body.lower()


def test_format_utc_writes_what_isoformat_wrote() -> None:
    rng = random.Random(11)
    zones = [None, UTC, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=11))]
    for _ in range(3000):
        moment = datetime(
            rng.randint(1, 9998), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
            rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999999), rng.choice(zones),
        )  # fmt: skip
        if moment.tzinfo is not None:
            expected = moment.astimezone(UTC).isoformat()[:19] + "Z"
        else:
            expected = moment.isoformat()[:19] + "Z"
        assert format_utc(moment) == expected, moment


def test_substring_tests_are_substring_tests() -> None:
    rng = random.Random(5)
    alphabet = [" ", "a", "\n", "\xa0", "é", "漢", "😀", "  "]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert _native.double_space(text) == ("  " in text), repr(text)
        needle = rng.choice(["a", " a", "é", "漢", "a\xa0", "", text[1:4]])
        assert _native.contains(text, needle) == (needle in text), (text, needle)


def _python_headline(member: etree._Element, skip: set[etree._Element]) -> tuple[object, str]:
    """The generic extractor's headline search as it was written in Python."""
    skipped_inside: set[etree._Element] = set()
    for count, element in enumerate(member.iter()):
        if count > generic._HEADLINE_BUDGET:
            return None, ""
        tag = element.tag
        if not isinstance(tag, str) or element is member:
            continue
        if element in skip or element in skipped_inside:
            skipped_inside.update(element.iterdescendants())
            continue
        cls = element.get("class")
        if tag in generic._HEADINGS or (cls and generic._is_headline_class(cls)):
            text = generic._own_headline_text(element)
            if 2 <= len(text) <= 300:
                return element, text
        elif tag == "p" and normalise_text(raw_text(element)):
            if any(e in skip for e in element.iterdescendants()):
                skipped_inside.update(element.iterdescendants())
                continue
            return None, ""
    return None, ""


_HEADLINE_CASES = [
    # A dateline paragraph holding the time: passed over, the heading after it is found.
    "<div><p>Paris, <time>10:00</time></p><h3>Found after the dateline</h3><p>Body</p></div>",
    # A paragraph of text first: no headline.
    "<div><p>Body first</p><h3>Too late</h3></div>",
    # A heading too short, then a classed title.
    "<div><h2>x</h2><span class='post-title'>The title</span><p>Body</p></div>",
    # Inside a skipped box, nothing counts; comments count towards the budget.
    "<div><header><time>10:00</time><h2>In the time's box</h2></header><!--c--><h4>Next</h4></div>",
    # Past the budget.
    "<div>" + "<span></span>" * 90 + "<h2>Far away</h2></div>",
    # An empty paragraph is not the body.
    "<div><p> </p><h2>After an empty paragraph</h2></div>",
]


@pytest.mark.parametrize("markup", _HEADLINE_CASES)
def test_headline_scan_on_odd_markup(markup: str) -> None:
    root = parse(f"<html><body>{markup}</body></html>".encode())
    assert root is not None
    member = root.find("body/div")
    skip = set(member.iter("time")) | set(member.iter("header"))
    assert generic._headline(member, skip) == _python_headline(member, skip)


@pytest.mark.parametrize("body", BODIES, ids=[p.name for p in PAGES] + ["bench-itv", "bench-reach"])
def test_headline_scan_finds_what_the_python_loop_found(body: bytes) -> None:
    root = parse(body)
    assert root is not None
    blocks = [e for e in root.iter(*_BLOCKS)][:400]
    found = 0
    for block in blocks:
        skip = set(block.iter("time")) | {
            e for e in block.iter() if "byline" in (e.get("class") or "")
        }
        expected = _python_headline(block, skip)
        assert generic._headline(block, skip) == expected
        found += expected[0] is not None
    assert found or not blocks
