"""The shortcuts extraction takes for speed give exactly what the long way gives.

Each fast path is checked against the plain composition it stands for, on every saved page and
on made-up text built to hit the edge cases: markup written without nh3 against nh3 itself, runs
of paragraphs read together against one paragraph at a time, the generic extractor's pass over
the page against XPath, the UTC shortcut of to_utc against the datetime route. The walks run on
each backend (tests/conftest.py), and the one in use is checked function by function against
_walks.py, the pure-Python reference, and as a whole: extract_page gives the same Page.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import pkgutil
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from lxml import etree

from archive.times import format_utc, to_utc
from crawler.extract import _walks, completeness, extract_page, generic, lines, media, walks
from crawler.extract.adapters import REGISTRY
from crawler.extract.adapters.survey import SOURCED, survey
from crawler.extract.clean import (
    _CONTROL,
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
from crawler.extract.dom import HEADINGS, raw_text
from crawler.extract.entries import BodyWriter, prepare
from crawler.extract.evaluate import load_labels
from crawler.extract.html import parse
from tests.helpers import saved_pages

TESTS = Path(__file__).resolve().parent
PAGES = [p for p in saved_pages() if p.suffix == ".html"]
BASE = "https://www.itv.com/news/2016-10-24/calais-jungle-live"


def _benchmark() -> ModuleType:
    # Loaded from its file: putting benchmarks/ on sys.path would let benchmarks/datasette.py
    # shadow the datasette package for every later import.
    spec = importlib.util.spec_from_file_location(
        "liveblog_benchmark_extract", TESTS.parent / "benchmarks" / "extract.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


BENCH = _benchmark()
_MARKUPS = ("itv", "reach", "other")
BODIES = [p.read_bytes() for p in PAGES] + [
    BENCH.generate(12, markup, structured=False) for markup in _MARKUPS
]
IDS = [p.name for p in PAGES] + [f"bench-{m}" for m in _MARKUPS]
# Every block that could be an update body, or hold one.
_BLOCKS = ("div", "article", "section", "li", "blockquote", "figure", "main", "body")
_TREES: dict[bytes, etree._Element] = {}


def _tree(body: bytes) -> etree._Element:
    """The page parsed once for every test that reads its tree and changes nothing in it (the
    walks, lxml's own iter() and XPath): the same tree that a fresh parse gives, for fourteen tests."""
    root = _TREES.get(body)
    if root is None:
        root = _TREES[body] = parse(body)
    assert root is not None
    return root


@pytest.mark.slow
@pytest.mark.parametrize("body", BODIES, ids=IDS)
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


@pytest.mark.slow
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


@pytest.mark.slow
def test_escaped_text_and_attributes_are_what_nh3_writes() -> None:
    rng = random.Random(5)
    for _ in range(5000):  # 15,000 documents: each piece in every neighbourhood many times
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


@pytest.mark.slow
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


# mark() as XPath expressions.
_TIMED = etree.XPath(
    "//body//*[@*[contains(name(), 'time') or contains(name(), 'date')]] | //body//time"
)
_METAS = etree.XPath("//body//meta[@content and contains(@content, ':')]")
_BYLINES = etree.XPath(
    "//body//*[contains(@class, 'uthor') or contains(@class, 'yline') or contains(@class, 'ontributor')]"
)


@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_one_pass_finds_what_the_xpath_found(body: bytes) -> None:
    root = _tree(body)
    marks = generic.mark(root)
    assert marks.timed == _TIMED(root)
    assert marks.metas == _METAS(root)
    assert marks.bylines == _BYLINES(root)


@pytest.mark.slow
@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_text_and_its_length_are_what_the_text_serialiser_writes(body: bytes) -> None:
    root = _tree(body)
    elements = list(root.iter(etree.Element))
    assert len(elements) > 50
    for element in elements:
        text = etree.tostring(element, method="text", encoding="unicode", with_tail=False)
        assert raw_text(element) == text
        assert walks.text_length(element) == len(text)
        for enough in (0, 1, 30, 200):
            assert walks.text_length(element, enough) == min(len(text), enough)


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


_SOURCES = etree.XPath("//*[self::iframe or self::amp-iframe or self::script][@src]")


@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_the_survey_finds_what_the_xpath_found(body: bytes) -> None:
    root = _tree(body)
    elements = root.xpath("//*")
    found = survey(root.find(".//body") if root.find(".//body") is not None else root)
    assert found.tags == {e.tag for e in elements}
    assert {(tag, cls) for tag, classes in found.classes.items() for cls in classes} == {
        (e.tag, e.get("class")) for e in root.xpath("//*[@class]")
    }
    assert sum(map(len, found.classes.values())) == len(
        {(e.tag, e.get("class")) for e in root.xpath("//*[@class]")}
    )
    assert found.ids == {e.get("id") for e in root.xpath("//*[@id]")}
    assert found.sources == tuple((e.tag, e.get("src")) for e in _SOURCES(root))


@pytest.mark.slow
@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_the_survey_never_hides_an_adapters_markup(body: bytes) -> None:
    """An adapter's `present` may let a page through that it does not know; it never keeps
    out one that its detection or its embeds would find."""
    root = parse(body)
    assert root is not None
    page = survey(root)
    for adapter in REGISTRY:
        if not adapter.present(page):
            assert not adapter.detect(root), adapter.name
            assert adapter.embeds is None or not adapter.embeds(root, BASE), adapter.name


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


def test_extraction_modules_run_from_their_source() -> None:
    """Only the accelerator is compiled: a binary left beside a module would run instead of it."""
    import crawler.extract

    names = [m.name for m in pkgutil.walk_packages(crawler.extract.__path__, "crawler.extract.")]
    assert "crawler.extract._walks" in names
    for name in names:
        if name != "crawler.extract._speedups":
            path = importlib.import_module(name).__file__
            assert path is not None and path.endswith(".py"), path


_CHOOSE = """
import json, sys, warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from crawler.extract import extract_page, walks
page = extract_page(open(sys.argv[1], "rb").read(), sys.argv[2])
print(json.dumps({
    "backend": walks.BACKEND,
    "file": walks.__file__,
    "warnings": [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)],
    "updates": len(page.updates),
}))
"""
_ITV_PAGE = TESTS / "pages" / "itv-calais-sample-2016-10-24.html"
_ITV_URL = "https://www.itv.com/news/2016-10-24/calais-jungle-live"


def _fresh_import(path: list[Path], env: dict[str, str]) -> dict[str, Any]:
    """What a new Python importing crawler from `path` chooses and warns, LIVEBLOG_NO_EXTENSIONS
    set only as `env` says; it extracts a page as this one does."""
    environment = {k: v for k, v in os.environ.items() if k != "LIVEBLOG_NO_EXTENSIONS"}
    environment.update(env, PYTHONPATH=os.pathsep.join(map(str, path)))
    out = subprocess.run(
        [sys.executable, "-c", _CHOOSE, str(_ITV_PAGE), _ITV_URL],
        cwd=path[0],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    found: dict[str, Any] = json.loads(out.stdout)
    assert found["updates"] == len(extract_page(_ITV_PAGE.read_bytes(), _ITV_URL).updates)
    return found


def _package_root() -> Path:
    """The folder that holds the crawler package this process imported."""
    return Path(walks.__file__).resolve().parents[2]


@pytest.mark.own_backends
def test_the_expected_backend_is_chosen() -> None:
    """LIVEBLOG_EXPECT_BACKEND names the backend a fresh import must choose ("compiled" unless
    said otherwise; a run without a compiler says "python"): a missing accelerator fails here."""
    expected = os.environ.get("LIVEBLOG_EXPECT_BACKEND", walks.COMPILED)
    switch = {k: v for k, v in os.environ.items() if k == "LIVEBLOG_NO_EXTENSIONS"}
    found = _fresh_import([_package_root()], switch)
    assert found["backend"] == expected, found["warnings"]
    assert walks.AVAILABLE[0] == expected


_GARBAGE = b"not a shared object"  # what a binary for another platform looks like to this one
_BINARY = "_speedups" + EXTENSION_SUFFIXES[0]
_BUILT = (
    importlib.util.find_spec("crawler.extract._speedups")
    if walks.COMPILED in walks.AVAILABLE
    else None
)
_NOT_BUILT = r"accelerator \(_speedups\.pyx\) is not built"
_STALE = r"_speedups\S* was built before _speedups\.pyx last changed"
_UNLOADABLE = r"_speedups\S* does not load \(.+\)"
# (binary: none, garbage or the real one; its mtime; the source's mtime or None for no .pyx;
# LIVEBLOG_NO_EXTENSIONS; the backend chosen; the one warning, or None for silence)
_CHOICES = {
    "checkout-never-built": (None, 0, 2000, None, walks.PYTHON, _NOT_BUILT),
    "checkout-binary-older": (_GARBAGE, 1000, 2000, None, walks.PYTHON, _STALE),
    "binary-does-not-load": (_GARBAGE, 3000, 2000, None, walks.PYTHON, _UNLOADABLE),
    "binary-does-not-load-installed": (_GARBAGE, 3000, None, None, walks.PYTHON, _UNLOADABLE),
    "switched-off": (_GARBAGE, 1000, 2000, "1", walks.PYTHON, None),
    "switched-off-any-value": (_GARBAGE, 3000, 2000, "yes", walks.PYTHON, None),
    "zero-is-not-off": (_GARBAGE, 1000, 2000, "0", walks.PYTHON, _STALE),
    "installed-without-compiler": (None, 0, None, None, walks.PYTHON, None),
}
if _BUILT is not None and _BUILT.origin is not None:
    _REAL = Path(_BUILT.origin).read_bytes()
    _CHOICES |= {
        "checkout-built": (_REAL, 3000, 2000, None, walks.COMPILED, None),
        "installed-built": (_REAL, 3000, None, None, walks.COMPILED, None),
        "built-switched-off": (_REAL, 3000, 2000, "1", walks.PYTHON, None),
        "built-empty-switch": (_REAL, 3000, 2000, "", walks.COMPILED, None),
    }


@pytest.mark.slow
@pytest.mark.own_backends
@pytest.mark.parametrize("case", list(_CHOICES))
def test_the_backend_chosen_at_import(case: str, tmp_path: Path) -> None:
    """A copy of the package with or without a binary and a source: never an ImportError, one
    RuntimeWarning saying why and what to do when a binary should run and cannot."""
    binary, binary_time, source_time, switch, backend, warning = _CHOICES[case]
    package = tmp_path / "crawler"
    # The bytecode goes with the sources (their times copied, it stays valid): compiling the
    # copy anew took half of each fresh Python's CPU.
    shutil.copytree(
        Path(walks.__file__).resolve().parents[1],
        package,
        ignore=shutil.ignore_patterns("*.so", "*.c", "*.pyx"),
    )
    extract = package / "extract"
    if source_time is not None:
        (extract / "_speedups.pyx").write_text("")
        os.utime(extract / "_speedups.pyx", (source_time, source_time))
    if binary is not None:
        (extract / _BINARY).write_bytes(binary)
        os.utime(extract / _BINARY, (binary_time, binary_time))
    env = {} if switch is None else {"LIVEBLOG_NO_EXTENSIONS": switch}
    found = _fresh_import([tmp_path, _package_root()], env)
    assert found["file"] == str(extract / "walks.py")
    assert found["backend"] == backend, found["warnings"]
    if warning is None:
        assert found["warnings"] == []
    else:
        (message,) = found["warnings"]
        assert re.search(warning, message), message
        assert "pure Python" in message and "pip install -e ." in message, message
        assert "LIVEBLOG_NO_EXTENSIONS=1" in message, message


@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_owners_and_sibling_groups_climb_as_lxml_does(body: bytes) -> None:
    root = _tree(body)
    elements = list(root.iter(etree.Element))
    members = {e for e in elements[::7] if e.tag != "html"}
    expected = []
    for element in elements:
        owner = element if element in members else None
        for ancestor in element.iterancestors():
            if owner is None and ancestor in members:
                owner = ancestor
        expected.append(owner)
    assert walks.owners(elements, members) == expected
    # The climbs as the reference (_walks.py) writes them, with iterancestors().
    assert walks.sibling_groups(elements[::5]) == _walks.sibling_groups(elements[::5])


@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_first_and_holds_find_what_iter_finds(body: bytes) -> None:
    root = _tree(body)
    tags = frozenset({"img", "blockquote", "br", "iframe"})
    for element in list(root.iter(etree.Element))[:3000]:
        expected = next((e for e in element.iter() if e.tag in tags), None)
        assert walks.first(element, tags) is expected
        assert walks.holds(element, tags) is (expected is not None)


def _python_figure_parts(element: etree._Element) -> tuple[object, ...]:
    """media.image_media's pass over a figure, written as a loop over iter()."""
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


@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_figure_parts_are_what_the_python_pass_found(body: bytes) -> None:
    root = _tree(body)
    blocks = [
        e for e in root.iter("figure", "picture", "div", "p") if walks.holds(e, media.IMAGE_TAGS)
    ]
    for block in blocks[:500]:
        assert walks.figure_parts(block, media._caption_role) == _python_figure_parts(block)
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
        assert walks.double_space(text) == ("  " in text), repr(text)
        needle = rng.choice(["a", " a", "é", "漢", "a\xa0", "", text[1:4]])
        assert walks.contains(text, needle) == (needle in text), (text, needle)


def _python_headline(member: etree._Element, skip: set[etree._Element]) -> tuple[object, str]:
    """The generic extractor's headline search, written with a set of the nodes passed over."""
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
        if tag in HEADINGS or (cls and generic._is_headline_class(cls)):
            text = generic._own_headline_text(element)
            if 2 <= len(text) <= 300:
                return element, text
        elif tag in ("p", "div") and generic._has_text(element):
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
    # Body text in a <div> of its own, no <p>: a card's heading after it is no headline...
    "<div><div><div>"
    + "Words of the post's body, written without a paragraph. " * 3
    + "<br>More.</div><aside><h3>A related story</h3></aside></div></div>",
    # ... but a line too short for a paragraph (a byline) comes before the headline.
    "<div><div>By Jo Writer</div><h2>The headline after the byline</h2><div>Body</div></div>",
]


@pytest.mark.parametrize("markup", _HEADLINE_CASES)
def test_headline_scan_on_odd_markup(markup: str) -> None:
    root = parse(f"<html><body>{markup}</body></html>".encode())
    assert root is not None
    member = root.find("body/div")
    skip = set(member.iter("time")) | set(member.iter("header"))
    assert generic._headline(member, skip) == _python_headline(member, skip)


@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_headline_scan_finds_what_the_python_loop_found(body: bytes) -> None:
    root = _tree(body)
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


# Every backend against _walks.py, the reference ----------------------------------------------
#
# These tests switch backends themselves: they run once, not once per backend.

# The compiled twin of _walks.py, when this Python can run it.
_COMPILED = (
    [importlib.import_module("crawler.extract._speedups")]
    if walks.COMPILED in walks.AVAILABLE
    else []
)


def _agree(name: str, *args: Any) -> None:
    """Every backend gives what _walks.py gives (the same elements: lxml hands out one object
    per node while something holds it)."""
    expected = getattr(_walks, name)(*args)
    for module in _COMPILED:
        assert getattr(module, name)(*args) == expected, (name, args)


@pytest.mark.slow
@pytest.mark.own_backends
@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_each_walk_gives_what_the_reference_gives(body: bytes) -> None:
    root = _tree(body)
    elements = list(root.iter(etree.Element))
    _agree("mark", root)
    _agree("mark", elements[-1])
    for limit in (0, 5, generic._SHORT_TEXT, 10**6):
        _agree("short_texts", root, limit)
        _agree("short_texts", elements[-1], limit)
    _agree("survey", root, SOURCED)
    _agree("survey", elements[-1], frozenset({"script", "img", "p"}))
    tags = frozenset({"img", "blockquote", "br", "iframe", "p"})
    for element in elements[:3000]:
        _agree("text", element)
        for enough in (-1, 0, 1, 30):
            _agree("text_length", element, enough)
        for levels in (0, 1, 3):
            _agree("classes_up", element, levels)
        _agree("first", element, tags)
        _agree("first", element, frozenset())
        _agree("holds", element, tags)
        _agree("figure_parts", element, media._caption_role)
        text = _walks.text(element)
        _agree("double_space", text)
        _agree("contains", text, "vailable on your device")
    for smallest in (1, 2, 5):
        _agree("sibling_groups", elements[::3], smallest)
    _agree("owners", elements, elements[::11])
    _agree("owners", elements, [])
    for block in list(root.iter(*_BLOCKS))[:400]:
        skip = set(block.iter("time", "header")) | {
            e for e in block.iter() if "byline" in (e.get("class") or "")
        }
        for budget in (0, 5, generic._HEADLINE_BUDGET):
            _agree(
                "headline",
                block,
                skip,
                budget,
                HEADINGS,
                generic._is_headline_class,
                generic._own_headline_text,
                generic._PARAGRAPHS,
                generic._has_text,
            )


@contextmanager
def _running(backend: str) -> Iterator[None]:
    previous = walks.BACKEND
    walks.use(backend)
    try:
        yield
    finally:
        walks.use(previous)


def _on_every_backend(read: Callable[[], object]) -> None:
    """read() gives on every other backend what it gives on pure Python, and something (pure
    Python is read once: a second run of it, against itself, compared no backends)."""
    with _running(walks.PYTHON):
        expected = read()
    for backend in walks.AVAILABLE:
        if backend == walks.PYTHON:
            continue
        with _running(backend):
            assert read() == expected, backend
    assert expected


def _bodies(body: bytes) -> list[tuple[object, ...]]:
    """Every block of the page read by BodyWriter (paragraphs, markup, media), times skipped."""
    root = parse(body)
    assert root is not None
    read: list[tuple[object, ...]] = []
    for element in prepare(root).iter(*_BLOCKS):
        writer = BodyWriter(BASE, element.iter("time"), headline="Live")
        writer.walk(element)
        writer.flush()
        read.append((writer.paragraphs, writer.html, writer.media, writer.copied))
    return read


@pytest.mark.slow
@pytest.mark.own_backends
@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_the_body_walk_reads_the_same_on_every_backend(body: bytes) -> None:
    _on_every_backend(lambda: _bodies(body))


_NEUTRAL = "http://127.0.0.1:8000/live"  # no adapter's host: the markup alone decides
_SAVED = sorted((TESTS / "pages").iterdir())
_WHOLE = [
    *((path.name, load_labels(TESTS / "labels" / f"{path.name}.json").url) for path in _SAVED),
    *((path.name, _NEUTRAL) for path in _SAVED),
    *((f"bench-{m}", BENCH.URL) for m in _MARKUPS),
    *((f"bench-{m}-bare", BENCH.URL) for m in _MARKUPS),
    ("bench-other-bare", BENCH.GENERIC_URL),
]


def _saved(name: str) -> bytes:
    if name.startswith("bench-"):
        markup = name.split("-")[1]
        return bytes(BENCH.generate(200, markup, structured=not name.endswith("-bare")))
    return (TESTS / "pages" / name).read_bytes()


@pytest.mark.slow
@pytest.mark.own_backends
@pytest.mark.parametrize(("name", "url"), _WHOLE)
def test_extract_page_gives_the_same_page_on_every_backend(name: str, url: str) -> None:
    body = _saved(name)
    # One fetch time for both: relative times ("il y a 5 minutes") count from it, and "now"
    # may tick between the two runs.
    _on_every_backend(lambda: extract_page(body, url, fetched_at="2024-06-01T12:00:00Z"))


@pytest.mark.own_backends
def test_short_texts_read_comments_and_wide_digits_as_lxml_does() -> None:
    root = parse(
        "<html><body>x1<!-- 2023 --> t9 <p>٣ مارس</p><?pi 5?>&amp; 12<p>no</p>7"
        "<b>ab<![CDATA[1]]></b><p>é 45 é</p></body></html>".encode()
    )
    assert root is not None
    body = root.find("body")
    assert ("٣ مارس", False) in [(t, tail) for _, t, tail in _walks.short_texts(body, 100)]
    for limit in (0, 3, 7, 100):
        _agree("short_texts", body, limit)


@pytest.mark.own_backends
def test_a_byline_is_marked_by_its_class_or_by_its_test_id() -> None:
    """Where a build hashes its classes, its test ids still say what a box is (the NYT's
    `data-testid="live-blog-byline"`)."""
    root = parse(
        b'<html><body><div class="css-1x"><div data-testid="live-blog-byline">Ann Lee</div>'
        b'<span class="author-name">Bo Li</span><p data-testid="body">Words</p></div></body></html>'
    )
    assert root is not None
    _, _, bylines = _walks.mark(root)
    assert [e.text for e in bylines] == ["Ann Lee", "Bo Li"]
    _agree("mark", root)


@pytest.mark.own_backends
def test_short_texts_keep_a_text_of_any_length_that_opens_with_a_digit() -> None:
    """A ticker's line may run long after its time ("18.05 Uhr: Die Bahn…"): a text that opens
    with an ASCII digit after blanks and plus signs is kept at any length; a tail, or one that
    opens with anything else (a no-break space, a wide digit, a word), only when short."""
    long = " und so fort" * 20
    root = parse(
        f"<html><body><p>18.05 Uhr:{long}</p><p> \n+++ 7:20{long}</p><p>Um 18.05{long}</p>"
        f"<p>\u00a018.05{long}</p><p>٣ مارس{long}</p><br>18.05{long}<p>9<b>{long}</b>x</p>"
        f"<p>1<!-- a -->2{long}</p></body></html>".encode()
    )
    assert root is not None
    body = root.find("body")
    assert body is not None
    kept = [(text[:10], tail) for _, text, tail in _walks.short_texts(body, 100)]
    assert kept == [
        ("18.05 Uhr:", False),
        (" \n+++ 7:20", False),
        ("9", False),
        ("1", False),
    ]
    for limit in (0, 1, 3, 100):
        _agree("short_texts", body, limit)


@pytest.mark.own_backends
def test_control_checks_agree_with_the_class_of_characters_xml_cannot_carry() -> None:
    """Every Latin-1 character (which the compiled twin reads byte by byte) in ASCII and in
    Latin-1 text, and wide text with controls, surrogates and noncharacters."""
    wide = ["漢", "😀", "\ud800", "\ufdd0", "\ufffe", "\U0001fffe", "\u2028", "\x85", "\x00"]
    texts = ["", "plain", "é"]
    for code in range(0x100):
        texts += [f"ab{chr(code)}c", f"é{chr(code)}", chr(code)]
    rng = random.Random(11)
    for _ in range(500):
        texts.append("".join(rng.choice(["a", "\n", "\t", "é", *wide]) for _ in range(8)))
    for text in texts:
        expected = _CONTROL.search(text) is not None
        assert _walks.controls(text, _CONTROL) == expected, repr(text)
        _agree("controls", text, _CONTROL)


@pytest.mark.own_backends
def test_control_checks_agree_on_every_code_point_in_wide_text() -> None:
    """Each code point of the first plane in text stored two bytes a character, and in text
    stored four; the ends of every other plane in the latter."""
    astral = [
        plane + low
        for plane in range(0x10000, 0x110000, 0x10000)
        for low in (0, 0xFFFD, 0xFFFE, 0xFFFF)
    ]
    for code in [*range(0x10000), *astral]:
        for text in (f"漢{chr(code)}", f"😀{chr(code)}a"):
            expected = _CONTROL.search(text) is not None
            assert _walks.controls(text, _CONTROL) == expected, hex(code)
            _agree("controls", text, _CONTROL)


def _climbs(module: ModuleType, seeds: list[list[etree._Element]]) -> list[dict[object, None]]:
    """marked_up() of each list of seeds, the first two into one dict (as generic's times)."""
    first: dict[object, None] = {}
    module.marked_up(seeds[0], first)
    module.marked_up(seeds[1], first)
    found = [first]
    for elements in seeds[2:]:
        marked: dict[object, None] = {}
        module.marked_up(elements, marked)
        found.append(marked)
    return found


@pytest.mark.own_backends
@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_the_survey_gathers_what_a_walk_by_tag_finds(body: bytes) -> None:
    root = _tree(body)
    for gathered in (frozenset(), frozenset({"script", "time", "link", "a", "button"})):
        *surveyed, elements = _walks.survey_gathering(root, SOURCED, gathered)
        assert surveyed == list(_walks.survey(root, SOURCED))
        assert elements == (list(root.iter(*gathered)) if gathered else [])
        _agree("survey_gathering", root, SOURCED, gathered)


@pytest.mark.own_backends
@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_marks_climb_and_group_as_the_reference_does(body: bytes) -> None:
    root = _tree(body)
    elements = list(root.iter(etree.Element))
    seeds = [elements[::13], elements[5::17], list(root.iter("h2", "h3")), elements[-40:]]
    expected = _climbs(_walks, seeds)
    for tags in (frozenset({"h2", "h3"}), frozenset(), frozenset({"html", "p", "div", "a"})):
        marked: dict[object, None] = {}
        _walks.marked_up_tags(root, tags, marked)
        assert set(marked) == {
            a for e in elements if e.tag in tags for a in (e, *e.iterancestors())
        }
        for module in _COMPILED:
            theirs: dict[object, None] = {}
            module.marked_up_tags(root, tags, theirs)
            assert list(theirs) == [module.node_id(e) for e in marked]
    # The reference climbs as getparent() does, to the document's root.
    for marked, elements_of in zip(expected, [seeds[0] + seeds[1], *seeds[2:]], strict=True):
        assert set(marked) == {a for e in elements_of for a in (e, *e.iterancestors())}
    union = {k: None for marked in expected for k in marked}
    excluded = generic._SHAPELESS
    shapes = _walks.shapes(root, union, expected[0].keys(), excluded, generic._first_class)
    for parent, tag, kinds, siblings in shapes:
        assert siblings == [generic._first_class(c.get("class")) for c in parent if c.tag == tag]
        assert len(set(kinds)) == len(kinds) and set(kinds) <= set(siblings)
    for module in _COMPILED:
        found = _climbs(module, seeds)
        for mine, theirs in zip(found, expected, strict=True):
            assert list(mine) == [module.node_id(e) for e in theirs]
        tokens = {k: None for marked in found for k in marked}
        assert list(tokens) == [module.node_id(e) for e in union]
        timed = found[0].keys()
        assert module.shapes(root, tokens, timed, excluded, generic._first_class) == shapes


@pytest.mark.slow
@pytest.mark.own_backends
@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_a_members_links_and_buttons_read_as_the_reference_reads_them(body: bytes) -> None:
    root = _tree(body)
    tags = frozenset({"a", "button", "span", "p"})
    for element in list(root.iter(etree.Element))[:3000]:
        _agree("linked_length", element)
        for limit in (0, 20, 10**6):
            _agree("own_texts", element, tags, limit)
        _agree("own_texts", element, frozenset(), 10**6)
        _agree("attribute_values", element, "a", "href", "#")
        _agree("attribute_values", element, "div", "class", "")
        _agree("holding", element, "a", "href", generic._SHARE_HINTS)
        _agree("holding", element, "div", "class", ("post", "entry", "é"))
    assert _walks.linked_length(root) == sum(len(_walks.text(a)) for a in root.iter("a"))


@pytest.mark.own_backends
def test_own_texts_end_where_lxml_ends_text() -> None:
    root = parse(b"<html><body><span>Re<!-- c -->ply</span><a></a><a>Quote</a></body></html>")
    assert root is not None
    _agree("own_texts", root, frozenset({"span", "a"}), 20)
    assert _walks.own_texts(root, frozenset({"span", "a"}), 20) == ["Re", "Quote"]


@pytest.mark.slow
@pytest.mark.own_backends
@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_one_walk_of_the_body_reads_what_the_generic_extractors_walks_read(body: bytes) -> None:
    root = _tree(body)
    elements = list(root.iter(etree.Element))
    for top in (root.find("body"), elements[-1]):
        if top is None:
            continue
        for limit in (0, generic._SHORT_TEXT, 10**6):
            _agree("body_marks", top, limit, HEADINGS, generic._SHARE_HINTS)
        _agree("body_marks", top, 5, frozenset(), ("é", "#"))
    only = generic._only_body(root)
    if only is None:
        return
    walked = generic._walk_page(root)
    assert walked.texts == generic.short_texts(root)
    assert walked.marks == generic.mark(root)
    assert walked.headings == list(root.iter(*HEADINGS))
    assert walked.links == generic._share_candidates(root)


def test_a_tree_whose_body_does_not_hold_all_is_walked_step_by_step() -> None:
    heading_in_head = parse(b"<html><head><h2>12:30</h2></head><body><p>1</p></body></html>")
    assert heading_in_head is not None
    heading_in_head.insert(0, etree.Element("h2"))  # a tree not from the parser
    assert generic._only_body(heading_in_head) is None
    walked = generic._walk_page(heading_in_head)
    assert walked.headings is None and walked.texts == generic.short_texts(heading_in_head)
    page = parse(b"<html><body><div><h2>Title 1</h2><p>Text 2</p></div></body></html>")
    assert page is not None
    assert generic._only_body(page) is page.find("body")
    assert generic._only_body(page.find("body")) is None


@pytest.mark.own_backends
@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_controls_stating_a_count_read_as_the_reference_reads_them(body: bytes) -> None:
    root = _tree(body)
    elements = list(root.iter())  # comments and instructions among them
    for tags in (frozenset({"a", "button"}), frozenset({"li", "span", "p", "div"})):
        for limit in (0, 3, 240):
            _agree("digit_texts", elements, tags, limit)


@pytest.mark.own_backends
def test_controls_stating_a_count_in_any_script() -> None:
    root = parse(
        "<html><body><a>Load more (12)</a><button>٣ more</button><a>Share</a>"
        "<a>Show <b>4</b> more</a><a>é</a><a><!-- 5 --></a><a>1234</a><a></a></body></html>".encode()
    )
    assert root is not None
    tags = frozenset({"a", "button"})
    found = _walks.digit_texts(root.iter(), tags, 6)
    assert [text for _, text in found] == ["٣ more", "1234"]
    for limit in (0, 4, 5, 6, 14, 240):
        _agree("digit_texts", list(root.iter()), tags, limit)


_LINK_WORDS = ("more", "older", "next", "previous", "earlier")
_LINK_NAMES = ("rel", "class", "aria-label")


@pytest.mark.own_backends
@pytest.mark.parametrize("body", BODIES, ids=IDS)
def test_links_that_may_lead_on_read_as_the_reference_reads_them(body: bytes) -> None:
    root = _tree(body)
    elements = list(root.iter())  # comments and instructions among them
    _agree("link_candidates", elements, frozenset({"a", "link"}), _LINK_NAMES, _LINK_WORDS)
    _agree("link_candidates", elements, frozenset({"a", "span"}), ("href",), ("the",))


@pytest.mark.own_backends
def test_links_that_may_lead_on() -> None:
    root = parse(
        '<html><head><link rel="next" href="/2"><link rel="" href="/x"></head><body>'
        '<a href="/a">Load MORE</a><a href="/b">Share</a><a class="" href="/c">Home</a>'
        '<a aria-label="Older" href="/d"> </a><a href="/e"><span>x</span></a>'
        '<a href="/f"><!-- c --></a><a href="/g">Zurück</a><a href="/h">  </a>'
        '<a href="/i">Nex&amp;t</a><a href="/j"></a><a href="/k">PREVIOUSLY</a>'
        # Texts longer than the compiled walk's buffer for a lowered text: the word at the end.
        f'<a href="/l">{"x" * 300} EarLIER</a><a href="/m">{"Y" * 300}</a></body></html>'.encode()
    )
    assert root is not None
    tags = frozenset({"a", "link"})
    found = _walks.link_candidates(root.iter(), tags, _LINK_NAMES, _LINK_WORDS)
    hrefs = [e.get("href") for e in found]
    assert hrefs == ["/2", "/a", "/d", "/e", "/f", "/g", "/k", "/l"]
    _agree("link_candidates", list(root.iter()), tags, _LINK_NAMES, _LINK_WORDS)


@pytest.mark.own_backends
def test_comments_marked_beside_each_other_are_no_group() -> None:
    """A page's comments are nodes of the tree but no posts: sibling comments climbed to by
    the marks give no shape on either backend (pure Python once grouped them, and failed)."""
    root = parse(
        b"<html><body><main><!-- a --><!-- b --><div class='p'>One 10:00</div>"
        b"<div class='p'>Two 11:00</div></main></body></html>"
    )
    assert root is not None
    main = root.find(".//main")
    assert main is not None
    comments = [c for c in main if not isinstance(c.tag, str)]
    posts = [c for c in main if c.tag == "div"]
    assert len(comments) == 2
    for module in [_walks, *_COMPILED]:
        marked: dict[object, None] = {}
        module.marked_up(comments + posts, marked)
        timed = {_token(module, p): None for p in posts}.keys()
        found = module.shapes(root, marked, timed, generic._SHAPELESS, generic._first_class)
        assert [(parent.tag, tag, kinds) for parent, tag, kinds, _ in found] == [
            ("main", "div", ["p"])
        ]


def _token(module: ModuleType, element: etree._Element) -> object:
    """The element as `module`'s marks hold it: itself in pure Python, a node id compiled."""
    return element if module is _walks else module.node_id(element)


_MARK_TEXTS = [
    *("Lap 23/57", "lap 23 of 57:", "L23", "Runde 12", "Okrążenie 3/44 –", "120 km to go"),
    *("Noch 45 km", "À 45 km de l'arrivée", "-45 km", "Set 2, 4-3", "SATZ 2: 4:3", "Q4 2:11"),
    *("q4 2:11", "4th Qtr 2:11", "OT 2:31", "Over 34.2", "34.2 ov", "Km 30", "Kilómetro 30"),
    *("Section 2", "Tour de France", "Sport 4", "12:40", "Page 3", "Km", "-", "Lap 23/57 :"),
    *("\u212aM 30", "ſet 2, 4-3", "Lap\u00a023", " \t Over 3.1 - ", "L 2", "P3 2:11", "p3 2:11"),
]


@pytest.mark.parametrize("text", _MARK_TEXTS)
def test_the_one_look_for_a_race_mark_is_any_of_the_six(text: str) -> None:
    """_race_mark asks one pattern whether a text is any of its marks before asking each:
    it matches exactly where one of the six does, so every answer is the same."""
    stripped = generic._LABEL_END.sub("", text.strip())
    marks = (
        generic._SET_SCORE,
        generic._LAP,
        generic._TO_GO,
        generic._GAME_LABEL,
        generic._OVER,
        generic._KM_AT,
    )
    any_of_six = any(mark.fullmatch(stripped) for mark in marks)
    assert (generic._RACE_MARK.fullmatch(stripped) is not None) == any_of_six


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "14:50",
        " 14:50",
        "Updated 14:50",
        "  updated",
        "\u00a0Edited",
        "Zuletzt aktualisiert",
        "LAST  UPDATED",
        "Mis à jour",
        "(Updated)",
        "Upd",
        "edited2",
        "\u212aast updated",
        "İst edited",
        "· Updated",
        "Posted 14:50",
    ],
)
def test_the_edit_label_is_asked_only_of_a_text_opening_with_a_letter(text: str | None) -> None:
    """_says_edit looks for the last edit's label only where a text opens with a letter, as
    every word of the label does: the answer is _EDIT_LABEL's."""
    assert generic._says_edit(text) == (generic._EDIT_LABEL.match(text or "") is not None)


@pytest.mark.parametrize(
    "text",
    [
        "Load more (143)",
        "Load more updates [143]",
        "Mehr laden (12)\n",
        "Show 143 more posts",
        "143 weitere Beiträge laden",
        "Section 2",
        "Load more (143) ",
        "Load more (143",
        "",
    ],
)
def test_a_control_is_asked_for_a_count_in_brackets_only_where_it_closes_on_one(text: str) -> None:
    """stated_more asks the first of its patterns only of a text that ends as it ends."""
    if completeness._COUNTED[0].match(text):
        assert text.endswith(completeness._BRACKETED_ENDS)


@pytest.mark.parametrize(
    "text",
    [
        "김민수 기자",
        "김민수 이영희 기자",
        "김민수 특파원 kim@example.kr",
        "Ellie Swinton",
        "Reporting by Sara Rossi, editing by Jane Doe",
        "Reporting by Sara Rossi; Writing by Lucy Marks",
        "Sara Rossi, Omar Said",
        "기자",
    ],
)
def test_bylines_are_asked_for_a_credit_only_where_they_hold_its_marks(text: str) -> None:
    """A Korean reporter's credit holds a title, a wire's credit of roles a ";" or a ",": the
    looks before each pattern pass over no text either pattern matches."""
    if lines._KOREAN_CREDIT.fullmatch(text):
        assert lines._korean_titled(text)
    if lines._CREDIT_PARTS.search(text):
        assert ";" in text or "," in text


@pytest.mark.parametrize(
    "text",
    [
        "9:03",
        " 9.03 ",
        "\u0669:\u0660\u0663",
        "78 mins",
        "45+2 min",
        "\u00a078 MINS.",
        "Section 2",
        "Page 3",
        "12:40",
        "\u00a09:03",
        "٩:٠٣",
        "Ｋ9:03",
        "1 min",
        "",
    ],
)
def test_a_short_clock_and_minutes_alone_are_asked_only_of_a_text_opening_with_a_digit(
    text: str,
) -> None:
    """visible_times asks whether an unread text is a short clock or minutes alone only where
    it opens with a digit (and holds a clock's mark): both patterns' matches all do."""
    if generic._SHORT_CLOCK_SHAPE.fullmatch(generic.western_digits(text)):
        assert text.lstrip()[:1].isdecimal() and ("." in text or ":" in text)
    if generic._MINS_ALONE.fullmatch(text):
        assert text.lstrip()[:1].isdecimal()
