"""Walks over lxml's tree in pure Python: the reference that _speedups.pyx repeats in C.

Extraction calls them through crawler/extract/walks.py, which runs the compiled twins when they
are built and these otherwise; both give the same results, which the tests check on every
saved page. The walks carry the order of a pass over the tree (what comes next, what is passed
over, where a run of plain paragraphs ends); the word lists, expressions and tag sets they
consult belong to the modules that call them, which pass them in (WalkRules, headline()), but
for the few substrings mark() looks for, which its docstring names. Tags and attribute names
are compared as lxml gives them: the HTML parser gives them no namespace.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass
from itertools import chain, islice
from typing import Protocol, TypeAlias

from lxml import etree

Element: TypeAlias = etree._Element


def mark(root: Element) -> tuple[list[Element], list[Element], list[Element]]:
    """(timed, metas, bylines): the elements of the page's body, in page order, that may say
    when a post was written or by whom.

    timed: a <time>, or an element with an attribute whose name holds "time" or "date";
    metas: a <meta> whose content holds a ":"; bylines: a class (or, where classes are hashed,
    a data-testid) holding "uthor", "yline" or "ontributor". Every element below a <body>
    counts once, nested bodies included.
    """
    timed: list[Element] = []
    metas: list[Element] = []
    bylines: list[Element] = []
    ancestors = list(root.iterancestors())
    top = ancestors[-1] if ancestors else root  # the page is read from any of its elements
    for body in top.iter("body"):
        if next(body.iterancestors("body"), None) is not None:
            continue  # read with the body that holds it
        _mark_below(body, timed, metas, bylines)
    return timed, metas, bylines


_BYLINE_NAMES = ("class", "data-testid")


def _mark_below(
    body: Element, timed: list[Element], metas: list[Element], bylines: list[Element]
) -> None:
    """mark()'s three lists, extended with the elements below one body."""
    for element in body.iterdescendants(etree.Element):
        names = element.keys()
        if not names:
            if element.tag == "time":
                timed.append(element)
            continue
        joined = " ".join(names)  # names hold no space: no match spans two of them
        if "time" in joined or "date" in joined or element.tag == "time":
            timed.append(element)
        for name in _BYLINE_NAMES:  # the class, or a test id where classes are hashed
            value = element.get(name) if name in names else None
            if value and ("uthor" in value or "yline" in value or "ontributor" in value):
                bylines.append(element)
                break
        if "content" in names and element.tag == "meta" and ":" in element.get("content"):
            metas.append(element)


def short_texts(body: Element, limit: int) -> list[tuple[Element, str, bool]]:
    """(node, text, is tail) of the texts and tails shorter than `limit` characters that hold
    a decimal digit of any script, and of the texts of any length that open with an ASCII
    digit after blanks and a ticker's plus signs ("18.05 Uhr: Die Bahn…", "+++ 07:20 …"), of
    the body and every node below it in page order (comments too, as iter() gives them), the
    body's own tail left out."""
    found: list[tuple[Element, str, bool]] = []
    for node in body.iter():
        text = node.text
        if text and ((len(text) < limit and _DIGIT.search(text)) or _OPENS_WITH_DIGIT.match(text)):
            found.append((node, text, False))
        tail = node.tail
        if tail and len(tail) < limit and node is not body and _DIGIT.search(tail):
            found.append((node, tail, True))
    return found


_DIGIT = re.compile(r"\d")
_OPENS_WITH_DIGIT = re.compile(r"[ \t\n\r\f\v+]*[0-9]")


def survey(
    root: Element, sourced: frozenset[str]
) -> tuple[set[str], set[tuple[str, str]], set[str], list[tuple[str, str]]]:
    """(tags, classes, ids, sources) of the whole document `root` belongs to, head included:
    the tags of its elements, their (tag, class attribute) pairs, their id attributes, and the
    (tag, src) of the elements with a src whose tag is one of `sourced`, in page order."""
    return survey_gathering(root, sourced, frozenset())[:4]


def text(element: Element) -> str:
    """The text and CDATA below an element, joined in document order, without its tail."""
    return str(etree.tostring(element, method="text", encoding="unicode", with_tail=False))


def text_length(element: Element, enough: int = -1) -> int:
    """len(text(element)); with `enough`, at most `enough` (whether the text is that long is
    all a caller asks, and the compiled twin stops counting there)."""
    length = len(text(element))
    return length if enough < 0 else min(length, enough)


def classes_up(element: Element, levels: int) -> list[str]:
    """The class attributes of an element and its ancestors, nearest first, `levels` deep
    (those with none left out)."""
    found = []
    for node in islice(chain((element,), element.iterancestors()), max(levels, 0)):
        cls = node.get("class")
        if cls is not None:
            found.append(cls)
    return found


def headline(
    member: Element,
    skip: Iterable[Element],
    budget: int,
    headings: frozenset[str],
    is_headline_class: Callable[[str], bool],
    headline_text: Callable[[Element], str],
    paragraphs: frozenset[str],
    has_text: Callable[[Element], bool],
) -> tuple[Element | None, str]:
    """(element, text) of a post's headline, or (None, ""): the first heading or element of a
    headline class whose headline_text() is 2 to 300 characters long, unless a paragraph (an
    element of a `paragraphs` tag that has_text() says is one) comes first.

    Nodes are read in document order, the member first, at most `budget` after it; the skipped
    elements (a time, a byline) are passed over with all they hold, and so is a paragraph
    that holds one of them (a dateline).
    """
    skipped = node_ids(skip)
    nodes = member.iter()  # elements, comments, processing instructions, entities
    next(nodes)  # the member itself
    count = 0
    for node in nodes:
        count += 1
        if count > budget:
            return None, ""
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if node not in skipped:
            cls = node.get("class")
            if tag in headings or (cls and is_headline_class(cls)):
                found = headline_text(node)
                if 2 <= len(found) <= 300:
                    return node, found
                continue
            if tag not in paragraphs or not has_text(node):
                continue
            if not any(inner in skipped for inner in node.iterdescendants()):
                return None, ""
        # Passed over with what it holds (a dateline, a time's box): those nodes count too.
        held = sum(1 for _ in islice(node.iterdescendants(), budget - count + 1))
        count += held
        if count > budget:
            return None, ""
        next(islice(nodes, held, held), None)
    return None, ""


def sibling_groups(elements: Iterable[Element], smallest: int = 1) -> list[list[Element]]:
    """The groups of siblings of one tag that climbs from the elements pass through, those of
    at least `smallest` members.

    From each element up to (not into) <body>, every node joins the group of its parent and
    tag; a climb stops at a node an earlier climb passed, whose groups it has already joined.
    Groups come in the order they were first reached, their members in the order they joined.
    """
    groups: dict[tuple[Element, str], dict[Element, None]] = {}
    climbed: set[Element] = set()
    for element in elements:
        node = element
        for parent in element.iterancestors():
            if node.tag == "body" or node in climbed:
                break
            climbed.add(node)
            groups.setdefault((parent, node.tag), {})[node] = None
            node = parent
    return [list(members) for members in groups.values() if len(members) >= smallest]


def owners(elements: Iterable[Element], members: Iterable[Element]) -> list[Element | None]:
    """For each element, the first of the members that is the element or holds it, or None."""
    wanted = set(members)
    return [
        next((node for node in chain((e,), e.iterancestors()) if node in wanted), None)
        for e in elements
    ]


def double_space(text: str) -> bool:
    """Whether the text holds two spaces in a row."""
    return "  " in text


def contains(text: str, needle: str) -> bool:
    """Whether the needle is in the text."""
    return needle in text


def node_ids(elements: Iterable[Element]) -> set[object]:
    """Tokens that stand for the elements' nodes, for headline() and walk() to test whether
    they meet one; here the elements themselves (lxml hands out one object per node while
    something holds it)."""
    return set(elements)


def first(element: Element, tags: frozenset[str]) -> Element | None:
    """The element, or the first element inside it in document order, with one of the tags;
    or None."""
    # A loop, not element.iter(*tags): lxml's matcher of several tags costs more to set up
    # than most of the blocks asked about take to walk.
    for node in element.iter():
        if node.tag in tags:
            return node
    return None


def holds(element: Element, tags: frozenset[str]) -> bool:
    """Whether the element, or an element inside it, has one of the tags."""
    return first(element, tags) is not None


def figure_parts(
    element: Element, role: Callable[[str], int]
) -> tuple[Element | None, Element | None, Element | None, Element | None, list[Element]]:
    """(img, source, figcaption, credit, captions) of a figure or an image container, in one
    walk: the first <img> or <amp-img>, the first <source>, the first <figcaption>, the first
    element whose class role() calls a credit (1), and those it calls captions (2), in page
    order. Images and sources are not asked about their class."""
    img = source = figcaption = credit = None
    captions = []
    for node in element.iter(etree.Element):
        tag = node.tag
        if tag == "img" or tag == "amp-img":
            if img is None:
                img = node
        elif tag == "source":
            if source is None:
                source = node
        else:
            if figcaption is None and tag == "figcaption":
                figcaption = node
            cls = node.get("class")
            if cls:
                kind = role(cls)
                if kind == 1:
                    if credit is None:
                        credit = node
                elif kind == 2:
                    captions.append(node)
    return img, source, figcaption, credit, captions


# The body walk --------------------------------------------------------------------------------
#
# entries.BodyWriter keeps every rule of reading an update's body; the walk only takes it
# through the body in page order, child by child with their text and tails, and hands it what
# it must judge: runs of plain paragraphs as text, other elements one by one.


@dataclass(frozen=True, slots=True, kw_only=True)
class WalkRules:
    """The tag sets and the tests the body walk consults, all of them owned by its callers."""

    ignored: frozenset[str]  # passed over with all they hold
    inline: frozenset[str]  # handed to the writer's _inline
    text_blocks: frozenset[str]  # handed to _block, unless they hold a rich tag
    classified: frozenset[str]  # the tags classify() may call media
    rich: frozenset[str]
    is_chrome: Callable[[str], bool]  # a class that makes an element chrome (a share bar)
    classify: Callable[[Element, str, str], str | None]  # (element, tag, class) to a media kind


class Writer(Protocol):
    """What the body walk reads into (entries.BodyWriter)."""

    @property
    def _text(self) -> list[str]:
        """Inline text not yet closed as a paragraph: the walk flushes only when there is some."""

    @property
    def skip_nodes(self) -> Set[object]:
        """node_ids() of the elements to pass over."""

    def flush(self) -> None: ...
    def _add_text(self, text: str) -> None: ...
    def _plain_paragraphs(self, raws: list[str]) -> None: ...
    def _media(self, element: Element, kind: str) -> None: ...
    def _inline(self, element: Element, tag: str) -> None: ...
    def _block(self, element: Element, tag: str) -> None: ...


def walk(writer: Writer, container: Element, rules: WalkRules) -> None:
    """Read a container's text and children into the writer, in document order."""
    _Walk(writer, rules).walk(container)


class _Walk:
    """One walk: the writer, its pending inline text and the nodes it skips, looked up once."""

    __slots__ = ("pending", "rules", "skip", "writer")

    def __init__(self, writer: Writer, rules: WalkRules) -> None:
        self.writer = writer
        self.rules = rules
        self.pending = writer._text  # cleared in place by flush(), never rebound
        self.skip = writer.skip_nodes

    def walk(self, container: Element) -> None:
        writer, pending = self.writer, self.pending
        run: list[str] = []  # the texts of consecutive plain paragraphs, read together
        text = container.text
        if text and (pending or not text.isspace()):
            writer._add_text(text)
        skip = self.skip
        for child in container:
            if (
                child.tag == "p"
                and child.get("class") is None
                and not len(child)
                and not (skip and child in skip)
            ):
                if pending:
                    writer.flush()
                text = child.text
                if text:
                    run.append(text)
            else:
                if run:
                    writer._plain_paragraphs(run)
                    run = []
                self.visit(child)
            tail = child.tail
            # Layout whitespace between blocks is not text; between inline elements it is.
            if tail and (pending or not tail.isspace()):
                if run:
                    writer._plain_paragraphs(run)
                    run = []
                writer._add_text(tail)
        if run:
            writer._plain_paragraphs(run)

    def visit(self, element: Element) -> None:
        tag = element.tag
        rules, writer = self.rules, self.writer
        if not isinstance(tag, str) or tag in rules.ignored:
            return  # comments and processing instructions too
        if self.skip and element in self.skip:
            return
        cls = element.get("class") or ""
        if cls and rules.is_chrome(cls):
            return  # a share bar or an ad
        if tag in rules.classified:
            kind = rules.classify(element, tag, cls)
            if kind is not None:
                if self.pending:
                    writer.flush()
                writer._media(element, kind)
                return
        if tag in rules.inline:
            writer._inline(element, tag)
            return
        if self.pending:
            writer.flush()
        if tag in rules.text_blocks and not holds(element, rules.rich):
            writer._block(element, tag)
        else:
            self.walk(element)
            if self.pending:
                writer.flush()


def controls(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether the text holds a character XML cannot carry: one the pattern (clean's class of
    them) finds. The compiled twin reads the text itself, by the same class spelt out there
    (the C0 controls but tab and newline, DEL and the C1 controls, the surrogates and the
    noncharacters)."""
    if text.isascii():  # translate() copies ASCII text faster than the expression searches it
        return "\x00" in text.translate(_ASCII_CONTROLS)
    return pattern.search(text) is not None


# The ASCII controls XML cannot carry, each mapped to NUL for controls()' look over ASCII text.
_ASCII_CONTROLS = {c: 0 for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F)}


def survey_gathering(
    root: Element, sourced: frozenset[str], gathered: frozenset[str]
) -> tuple[set[str], set[tuple[str, str]], set[str], list[tuple[str, str]], list[Element]]:
    """survey()'s (tags, classes, ids, sources), and the elements whose tag is one of
    `gathered`, in page order: the readers that look for a few tags read them without a walk
    of their own (a walk of a big page costs however little it finds)."""
    tags: set[str] = set()
    classes: set[tuple[str, str]] = set()
    ids: set[str] = set()
    sources: list[tuple[str, str]] = []
    elements: list[Element] = []
    ancestors = list(root.iterancestors())
    top = ancestors[-1] if ancestors else root
    for element in top.iter(etree.Element):
        tag = element.tag
        tags.add(tag)
        if tag in gathered:
            elements.append(element)
        if not element.attrib:
            continue
        cls = element.get("class")
        if cls is not None:
            classes.add((tag, cls))
        own = element.get("id")
        if own is not None:
            ids.add(own)
        if tag in sourced:
            src = element.get("src")
            if src is not None:
                sources.append((tag, src))
    return tags, classes, ids, sources, elements


# Marks of posts, climbed up the tree ----------------------------------------------------------


def node_id(element: Element) -> object:
    """The token node_ids() gives for one element."""
    return element


def marked_up(elements: Iterable[Element], marked: dict[object, None]) -> None:
    """Add to `marked` the node_id() of each element and of every element above it, in the
    order first reached. A climb stops at a node `marked` holds: built only by this function,
    it holds that node's ancestors too."""
    for element in elements:
        node: Element | None = element
        while node is not None and node not in marked:
            marked[node] = None
            node = node.getparent()


def shapes(
    root: Element,
    marked: Iterable[object],
    timed: Set[object],
    excluded: frozenset[str],
    key: Callable[[str | None], str],
) -> list[tuple[Element, str, list[str], list[str]]]:
    """(parent, tag, kinds, sibling kinds) for each parent and tag of the marked elements
    (node_id() tokens of `root`'s document) whose tag is not excluded, in the order first met:
    the distinct key()s of those elements' class attributes, in the order met, and the key()s
    of all the parent's children of that tag, in page order.

    Left out: a parent and tag under which no two children share one of the kinds and fewer
    than two kinds are those of `timed` elements (tokens too), which can form no group."""
    found: dict[tuple[Element, str], dict[str, bool]] = {}
    for element in marked:
        assert isinstance(element, etree._Element)
        tag = element.tag
        if not isinstance(tag, str) or tag in excluded:  # a comment is no post
            continue
        parent = element.getparent()
        if parent is not None:
            kinds = found.setdefault((parent, tag), {})
            kind = key(element.get("class"))
            kinds[kind] = kinds.get(kind, False) or element in timed
    result = []
    for (parent, tag), kinds in found.items():
        siblings = [key(c.get("class")) for c in parent if c.tag == tag]
        if sum(kinds.values()) > 1 or any(siblings.count(kind) > 1 for kind in kinds):
            result.append((parent, tag, list(kinds), siblings))
    return result


# What a member of a stream says --------------------------------------------------------------


def linked_length(element: Element) -> int:
    """The length of the text of each <a> at or below the element, added up."""
    return sum(text_length(a) for a in element.iter("a"))


def own_texts(element: Element, tags: frozenset[str], limit: int) -> list[str]:
    """The .text of the element and of each element below it with one of the tags, in page
    order, those not empty and shorter than `limit` characters."""
    if not tags:
        return []  # iter() without tags would give every element
    return [text for node in element.iter(*tags) if (text := node.text) and len(text) < limit]


def attribute_values(element: Element, tag: str, name: str, needle: str) -> list[str]:
    """The values of the attribute `name` of the element and of each element below it with
    the tag, in page order, those that hold the needle."""
    return [
        value
        for node in element.iter(tag)
        if (value := node.get(name)) is not None and needle in value
    ]


def holding(element: Element, tag: str, name: str, needles: tuple[str, ...]) -> list[Element]:
    """The element and each element below it with the tag whose attribute `name` holds one
    of the needles, in page order."""
    return [
        node
        for node in element.iter(tag)
        if (value := node.get(name)) is not None and any(n in value for n in needles)
    ]


def marked_up_tags(root: Element, tags: frozenset[str], marked: dict[object, None]) -> None:
    """marked_up() of the root and each element below it with one of the tags."""
    if tags:
        marked_up(root.iter(*tags), marked)


# What the generic extractor reads of a page's body, in one walk -----------------------------

BodyMarks: TypeAlias = tuple[
    list[tuple[Element, str, bool]],
    list[Element],
    list[Element],
    list[Element],
    list[Element],
    list[Element],
]


def body_marks(
    body: Element, limit: int, headings: frozenset[str], needles: tuple[str, ...]
) -> BodyMarks:
    """(texts, timed, metas, bylines, headings, links) of one body, each in page order: its
    short_texts(body, limit); mark()'s three lists of the elements below it (a body nested in
    it read with it); the body and the elements below it with one of the heading tags; and
    holding(body, "a", "href", needles)."""
    timed: list[Element] = []
    metas: list[Element] = []
    bylines: list[Element] = []
    _mark_below(body, timed, metas, bylines)
    found = list(body.iter(*headings)) if headings else []
    links = holding(body, "a", "href", needles)
    return short_texts(body, limit), timed, metas, bylines, found, links


# Controls that may state a count ---------------------------------------------------------------


def digit_texts(
    elements: Iterable[Element], tags: frozenset[str], limit: int
) -> list[tuple[Element, str]]:
    """(element, text()) of each of the elements with one of the tags whose text holds a
    decimal digit of any script and is at most `limit` characters long, in their order: the
    few controls of a page that may state a count, read without its thousands of others."""
    found = []
    for element in elements:
        if element.tag in tags:
            value = text(element) if len(element) else element.text  # a leaf's is its .text
            if value and len(value) <= limit and _DIGIT.search(value):
                found.append((element, value))
    return found


def link_candidates(
    elements: Iterable[Element],
    tags: frozenset[str],
    names: tuple[str, ...],
    words: tuple[str, ...],
) -> list[Element]:
    """The elements with one of the tags that may lead to more of a page, in their order: one
    with one of the attributes `names` not empty, with a child node, or whose own text
    (.text) holds one of the words (lower-case ASCII) in any case or a character beyond
    ASCII. A page's links are thousands; most say none of this."""
    found = []
    for element in elements:
        if element.tag not in tags:
            continue
        if any(element.get(name) for name in names) or len(element):
            found.append(element)
            continue
        text = element.text
        if text and (not text.isascii() or any(word in text.lower() for word in words)):
            found.append(element)
    return found
