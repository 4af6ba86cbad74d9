"""Extraction measured against labelled pages: precision, recall, body similarity, coverage.

A labels file (`<labels folder>/<page file>.json`) names its page's file and says what a
reader of the page sees:
`{"url", "file", "fetched_at", "notes", "updates": [{"id", "headline", "published_at",
"body_start"}, …]}`, with `"removed": true` on updates the page marks as deleted and
`"in_html": false` on those only its structured data lists. `fetched_at` (optional) is when
the page was saved, which its relative and bare times count from; `notes` are for people.
An extracted update matches a
labelled one by publisher id, else by normalised headline and time (within a minute), else,
for updates without a headline, by time and the start of the body. The pages may be spread
over several folders (the project's own and a corpus of saved third-party pages): each is
looked up in them in turn. `liveblog eval` prints `format_table(evaluate(folders, labels))`.

Two more measures: `evaluate(…, strip=True)` scores the HTML path alone (JSON-LD and
microdata removed, only the updates the HTML shows expected), and `extract_ordinary(folder)` runs
extraction on pages that are not live blogs, where every update found is an invented one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import TypeAlias
from urllib.parse import quote

from lxml import etree

from archive.records import Page, Update
from archive.times import parse_utc
from crawler.extract.dom import set_tail, set_text
from crawler.extract.html import parse, unpacked
from crawler.extract.merge import fold, id_key
from crawler.extract.page import extract_page

# Seconds two times may differ and still be one time: pages print clocks to the minute.
TIME_TOLERANCE = 60
# How alike the starts of two bodies must be to pair headline-less updates by body.
_BODY_MATCH = 0.6
FIELDS = ("headline", "time", "id", "body")
# The attributes that make microdata (the HTML standard's "Microdata" section).
MICRODATA_ATTRIBUTES = ("itemscope", "itemprop", "itemtype", "itemid", "itemref")
# Elements that carry any of them, and JSON-LD scripts (the type compared case-blind).
_MICRODATA_XPATH = "//*[" + " or ".join(f"@{name}" for name in MICRODATA_ATTRIBUTES) + "]"
_JSONLD_XPATH = "//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"
# The host given to an ordinary page that names no URL of its own (RFC 2606: never resolves).
_NOWHERE = "article.invalid"
# How much of an invented update the table quotes.
_QUOTE = 60

# Extraction as evaluate() calls it: the page's bytes, its URL and when it was saved.
Extract: TypeAlias = Callable[[bytes, str, str | None], Page | list[Update]]


@dataclass(frozen=True)
class UpdateLabel:
    """One update as a reader of the page sees it."""

    id: str | None
    headline: str | None
    published_at: str | None
    body_start: str = ""
    removed: bool = False
    in_html: bool = True  # False: only the page's structured data lists it


@dataclass(frozen=True)
class PageLabels:
    """The labelled truth for one saved page."""

    url: str
    file: str
    updates: tuple[UpdateLabel, ...]
    fetched_at: str | None = None  # when the page was saved: relative and bare times count from it

    def html_only(self) -> PageLabels:
        """The updates the page's HTML shows: what extraction can find without structured data."""
        return replace(self, updates=tuple(u for u in self.updates if u.in_html))


@dataclass
class PageScore:
    """How extraction did on one page (or, for the "overall" row, on all of them)."""

    page: str
    labelled: int
    extracted: int
    matched: int
    body_similarity: float = 0.0  # mean over matched updates with a labelled body start
    # Share of matched updates (whose label has the field) for which extraction has it.
    coverage: dict[str, float] = field(default_factory=dict)
    # Share of matched updates whose headline / time is the labelled one.
    headline_accuracy: float = 1.0
    time_accuracy: float = 1.0

    @property
    def precision(self) -> float:
        """Extracted updates that are labelled ones."""
        return (
            self.matched / self.extracted if self.extracted else 1.0 if not self.labelled else 0.0
        )

    @property
    def recall(self) -> float:
        """Labelled updates that extraction found."""
        return self.matched / self.labelled if self.labelled else 1.0


def load_labels(path: Path | str) -> PageLabels:
    """A labels file, as written by hand (or drafted, then checked by hand)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    updates = tuple(
        UpdateLabel(
            id=item.get("id"),
            headline=item.get("headline"),
            published_at=item.get("published_at"),
            body_start=item.get("body_start") or "",
            removed=bool(item.get("removed", False)),
            in_html=bool(item.get("in_html", True)),
        )
        for item in data["updates"]
    )
    return PageLabels(
        url=data["url"], file=data["file"], updates=updates, fetched_at=data.get("fetched_at")
    )


def read_page(body: bytes, url: str, fetched_at: str | None = None) -> Page:
    """extract_page told when the page was saved, so that relative and bare times resolve."""
    return extract_page(body, url, fetched_at=fetched_at)


def score_page(
    page: Page | list[Update], labels: PageLabels, tolerance: int = TIME_TOLERANCE
) -> PageScore:
    """Pair extracted updates with labelled ones and measure the pairs."""
    updates = page.updates if isinstance(page, Page) else page
    pairs = match(updates, labels.updates, tolerance)
    score = PageScore(
        page=labels.file, labelled=len(labels.updates), extracted=len(updates), matched=len(pairs)
    )
    similarities = [
        body_similarity(u.body_text, label.body_start) for u, label in pairs if label.body_start
    ]
    score.body_similarity = sum(similarities) / len(similarities) if similarities else 1.0
    present = {
        "headline": [bool(u.headline) for u, label in pairs if label.headline],
        "time": [bool(u.published_at) for u, label in pairs if label.published_at],
        "id": [bool(u.source_id) for u, label in pairs if label.id],
        "body": [bool(u.body_text) for u, label in pairs if label.body_start],
    }
    score.coverage = {name: _share(flags) for name, flags in present.items()}
    score.headline_accuracy = _share(
        [fold(u.headline or "") == fold(label.headline or "") for u, label in pairs]
    )
    score.time_accuracy = _share(
        [
            _close(u.published_at, label.published_at, tolerance)
            for u, label in pairs
            if label.published_at
        ]
    )
    return score


def match(
    updates: Iterable[Update], labels: Iterable[UpdateLabel], tolerance: int = TIME_TOLERANCE
) -> list[tuple[Update, UpdateLabel]]:
    """One-to-one pairs: by id, else headline and time, else time and body start."""
    free = list(labels)
    by_id = {id_key(label.id): label for label in free if label.id}
    pairs: list[tuple[Update, UpdateLabel]] = []
    rest: list[Update] = []
    for update in updates:
        label = by_id.pop(id_key(update.source_id), None) if update.source_id else None
        if label is not None:
            pairs.append((update, label))
            free.remove(label)
        else:
            rest.append(update)
    for update in rest:
        label = next((lb for lb in free if _same_by_content(update, lb, tolerance)), None)
        if label is not None:
            pairs.append((update, label))
            free.remove(label)
    return pairs


def _same_by_content(update: Update, label: UpdateLabel, tolerance: int) -> bool:
    if not _close(update.published_at, label.published_at, tolerance):
        return False
    if label.headline or update.headline:
        return fold(update.headline or "") == fold(label.headline or "")
    return body_similarity(update.body_text, label.body_start) >= _BODY_MATCH


def body_similarity(body: str, start: str) -> float:
    """difflib's ratio of the labelled start of a body and as much of the extracted body."""
    if not start:
        return 1.0 if not body else 0.0
    return SequenceMatcher(None, " ".join(body.split())[: len(start)], start).ratio()


class MissingPageError(FileNotFoundError):
    """A labels file names a page that none of the page folders holds."""


def find_page(file: str, folders: Sequence[Path | str], labels_path: Path | str = "") -> Path:
    """The labelled page `file` from the first of `folders` that holds it."""
    for folder in folders:
        path = Path(folder) / file
        if path.is_file():
            return path
    named = f"{Path(labels_path).name} names the page {file}" if labels_path else f"the page {file}"
    raise MissingPageError(
        f"{named}, which is in none of the page folders ({', '.join(map(str, folders))})"
    )


def evaluate(
    pages: Path | str | Sequence[Path | str],
    labels_dir: Path | str,
    extract: Extract = read_page,
    tolerance: int = TIME_TOLERANCE,
    strip: bool = False,
    hashed: bool = False,
) -> list[PageScore]:
    """Every labelled page extracted and scored, in file-name order.

    `pages` is a folder or several, searched in turn for the file each labels file names.
    With `strip`, each page loses its JSON-LD and microdata first and is scored against the
    updates its HTML shows: how far the HTML path gets on its own. With `hashed`, its class
    names are made meaningless first (hash_classes).
    """
    folders = [pages] if isinstance(pages, str | os.PathLike) else list(pages)
    scores = []
    for path in sorted(Path(labels_dir).glob("*.json")):
        labels = load_labels(path)
        body = _prepared(find_page(labels.file, folders, path).read_bytes(), strip, hashed)
        if strip:
            labels = labels.html_only()
        scores.append(score_page(extract(body, labels.url, labels.fetched_at), labels, tolerance))
    return scores


def _prepared(body: bytes, strip: bool, hashed: bool) -> bytes:
    """The page as evaluate() and extract_ordinary() were asked to read it: parsed and
    written once, whichever of the two changes are asked for."""
    changes = [
        c for c, asked in ((_remove_structured, strip), (_hash_class_names, hashed)) if asked
    ]
    return _rewritten(body, *changes) if changes else body


def strip_structured(body: bytes) -> bytes:
    """The page without JSON-LD scripts or microdata attributes, as UTF-8 HTML that says so.

    A body that is not HTML (a publisher's JSON page data) has neither and is returned as is.
    """
    return _rewritten(body, _remove_structured)


def hash_classes(body: bytes) -> bytes:
    """The page with each class name replaced by a meaningless one, the same name always by
    the same, as a site whose build hashes its CSS serves it; ids and every other attribute
    are kept. A body that is not HTML (a publisher's JSON page data) is returned as is."""
    return _rewritten(body, _hash_class_names)


def _rewritten(body: bytes, *changes: Callable[[etree._Element], None]) -> bytes:
    """The HTML page with each change made to its tree, as UTF-8 HTML that says so; a body
    that is not HTML, as it is."""
    root = None if _is_json(body) else parse(body)
    if root is None:
        return body
    for change in changes:
        change(root)
    _declare_utf8(root)
    return etree.tostring(root, method="html", encoding="utf-8")


def _remove_structured(root: etree._Element) -> None:
    for script in root.xpath(_JSONLD_XPATH):
        _drop(script)
    for element in root.xpath(_MICRODATA_XPATH):
        for name in MICRODATA_ATTRIBUTES:
            element.attrib.pop(name, None)


def _hash_class_names(root: etree._Element) -> None:
    for element in root.iter(etree.Element):
        names = element.get("class")
        if names:
            element.set("class", " ".join(_hashed(name) for name in names.split()))


def _hashed(name: str) -> str:
    return "c" + hashlib.blake2s(name.encode(), digest_size=4).hexdigest()


def _is_json(body: bytes) -> bool:
    """A publisher's JSON page data, told apart from HTML as extract_page does."""
    return body[:64].lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _drop(element: etree._Element) -> None:
    """Remove an element but not the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            set_tail(previous, (previous.tail or "") + element.tail)
        else:
            set_text(parent, (parent.text or "") + element.tail)
    parent.remove(element)


def _declare_utf8(root: etree._Element) -> None:
    """Serialised as UTF-8, the page must not keep a meta tag naming its old charset."""
    declared = (
        "//meta[@charset or translate(@http-equiv, 'CONTENT-YP', 'content-yp')='content-type']"
    )
    for meta in root.xpath(declared):
        _drop(meta)
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    head.insert(0, etree.Element("meta", charset="utf-8"))


@dataclass(frozen=True)
class Invented:
    """What extraction made of a page that is not a live blog: every update on it is invented."""

    page: str
    updates: tuple[Update, ...]


def extract_ordinary(
    folder: Path | str, extract: Extract = read_page, strip: bool = False, hashed: bool = False
) -> list[Invented]:
    """Every page of a folder of ordinary pages (articles, forums, recipes) extracted.

    The right answer on each is no update at all. Each page is read at the URL it gives
    itself, as a crawl would have fetched it, so host-bound adapters meet it too.
    """
    results = []
    for path in sorted(p for p in Path(folder).iterdir() if p.is_file()):
        if path.name.startswith("."):
            continue
        body = path.read_bytes()
        url = page_url(body, path.name)
        page = extract(_prepared(body, strip, hashed), url, None)
        results.append(Invented(path.name, tuple(page.updates if isinstance(page, Page) else page)))
    return results


def page_url(body: bytes, name: str) -> str:
    """The page's own canonical (or og:url) address, else the one a browser or SingleFile noted
    it was saved from; a made-up one under a never-resolving host."""
    root = None if _is_json(body) else parse(body)
    if root is not None:
        named = root.xpath(
            "//link[translate(@rel, 'CANONIL', 'canonil')='canonical']/@href"
            " | //meta[@property='og:url']/@content"
        )
        for value in (str(v).strip() for v in named):
            if value.startswith(("https://", "http://")):
                return value
    saved = _SAVED_FROM.search(unpacked(body)[:_SAVED_NOTE_BYTES])
    if saved:
        return saved.group(1).decode("ascii", "replace")
    return f"https://{_NOWHERE}/{quote(name)}"


# The address a browser's "Save Page As" (`<!-- saved from url=(0034)https://… -->`) or
# SingleFile (`url: https://…` in its opening comment, after its name) notes at the top of a
# saved page; another comment that names an address (an image's) is no such note.
_SAVED_FROM = re.compile(
    rb"<!--(?:\s*saved from url=\(\d+\)|[^>]*?SingleFile[^>]*?\burl: )(https?://[^\s<>]+)"
)
_SAVED_NOTE_BYTES = 2048


def overall(scores: list[PageScore]) -> PageScore:
    """All pages as one: counts summed, shares weighted by matched updates."""
    total = PageScore(
        page="overall",
        labelled=sum(s.labelled for s in scores),
        extracted=sum(s.extracted for s in scores),
        matched=sum(s.matched for s in scores),
    )
    weight = total.matched or 1
    total.body_similarity = sum(s.body_similarity * s.matched for s in scores) / weight
    total.headline_accuracy = sum(s.headline_accuracy * s.matched for s in scores) / weight
    total.time_accuracy = sum(s.time_accuracy * s.matched for s in scores) / weight
    total.coverage = {
        name: sum(s.coverage.get(name, 1.0) * s.matched for s in scores) / weight for name in FIELDS
    }
    return total


def format_table(scores: list[PageScore]) -> str:
    """A plain-text table: one row per page and an "overall" row."""
    header = (
        "page",
        "labelled",
        "found",
        "matched",
        "precision",
        "recall",
        "body",
        "headline ok",
        "time ok",
        *(f"{name} cov" for name in FIELDS),
    )
    rows: list[tuple[str, ...]] = [header]
    for score in [*scores, overall(scores)]:
        rows.append(
            (
                score.page,
                str(score.labelled),
                str(score.extracted),
                str(score.matched),
                f"{score.precision:.3f}",
                f"{score.recall:.3f}",
                f"{score.body_similarity:.3f}",
                f"{score.headline_accuracy:.3f}",
                f"{score.time_accuracy:.3f}",
                *(f"{score.coverage.get(name, 1.0):.3f}" for name in FIELDS),
            )
        )
    return _render(rows, left={0})


def format_invented(results: list[Invented]) -> str:
    """A plain-text table: one row per ordinary page that yields updates, and a total row."""
    header = ("ordinary page", "updates", "timed", "headed", "first update")
    rows: list[tuple[str, ...]] = [header]
    inventing = [r for r in results if r.updates]
    for result in inventing:
        rows.append(_invented_row(result.page, result.updates, _quoted(result.updates[0])))
    every = tuple(u for r in results for u in r.updates)
    total = f"total ({len(inventing)} of {len(results)} pages)"
    rows.append(_invented_row(total, every, ""))
    return _render(rows, left={0, len(header) - 1})


def _invented_row(page: str, updates: Sequence[Update], quoted: str) -> tuple[str, ...]:
    timed = sum(1 for u in updates if u.published_at)
    headed = sum(1 for u in updates if u.headline)
    return (page, str(len(updates)), str(timed), str(headed), quoted)


def _quoted(update: Update) -> str:
    """The start of an update, as a person would recognise it: its headline, else its body."""
    words = " ".join((update.headline or update.body_text or "").split())
    return words if len(words) <= _QUOTE else words[: _QUOTE - 1] + "…"


def _render(rows: Sequence[Sequence[str]], left: set[int]) -> str:
    """Columns padded to their widest cell, text left and numbers right, a rule under the header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            cell.ljust(width) if i in left else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 1.0


def _close(found: str | None, expected: str | None, tolerance: int) -> bool:
    if found is None or expected is None:
        return found is None and expected is None
    first, second = parse_utc(found), parse_utc(expected)
    if first is None or second is None:
        return False
    return abs((first - second).total_seconds()) <= tolerance
