"""Markup repaired before a second parse, for the pages libxml2 misreads as a browser would not.

libxml2 stops at a depth of 256 elements and drops the rest of the page; a browser keeps
reading (Blink stops nesting at 512 and makes deeper elements siblings). libxml2 reads a
<style> or <script> inside <svg> or <math> as raw text, so one left open swallows every post
after it; a browser reads foreign content as markup. html.py parses every page once, as it
is, and calls on these repairs only when the tree shows one of those faults.

A scan over tags, not a parser: comments and raw text (a script's code) are passed over,
a start tag is any `<name …>`. It only needs to be as good as the repair it serves.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeAlias

from lxml import etree

from crawler.extract.dom import HEADINGS

Element: TypeAlias = etree._Element

# A comment (unterminated: to the end) or a start or end tag: (slash, name).
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][^\s/>]*)[^>]*>", re.S)
# Elements whose content libxml2 reads as text up to their end tag.
RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "iframe", "xmp", "noembed", "noframes", "plaintext"}
)
_FOREIGN = frozenset({"svg", "math"})
# Start tags that end foreign content in a browser (the HTML standard's "in foreign content").
_BREAKOUT = frozenset(
    {
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "center",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "i",
        "img",
        "li",
        "listing",
        "menu",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "ruby",
        "s",
        "small",
        "span",
        "strong",
        "strike",
        "sub",
        "sup",
        "table",
        "tt",
        "u",
        "ul",
        "var",
    }
)
_FOREIGN_END = re.compile(
    r"</(?:svg|math)\s*>|<(?:" + "|".join(sorted(_BREAKOUT, key=len, reverse=True)) + r")[\s/>]",
    re.I,
)
_VOID = frozenset(
    {
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# Start tags that close an open <p> (the HTML standard's list, less the rare ones).
_CLOSES_P = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    }
)
# Start tags that close an open element of the same kind (a list item, a cell, a term).
_CLOSES_SIBLING = {
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "tr": frozenset({"tr", "td", "th"}),
    "option": frozenset({"option"}),
}


def headings_holding_paragraphs(root: Element) -> None:
    """Put back in its heading the paragraph that libxml2 took out of it.

    `<h2><p>Title</p></h2>` (a CMS's rich-text title): a browser keeps the paragraph in the
    heading; libxml2 closes the heading at the <p>, leaves it empty and reads the paragraph
    after it (then drops the stray `</h2>`). Called when the parse reported such a stray end
    tag, this moves the paragraph that follows an empty heading, with nothing between them,
    back into it.
    """
    for heading in list(root.iter(*HEADINGS)):
        if len(heading) or (heading.text or "").strip() or (heading.tail or "").strip():
            continue
        after = heading.getnext()
        if after is not None and after.tag == "p":
            heading.append(after)


def swallowed(root: Element) -> bool:
    """Whether a raw-text element inside <svg> or <math> holds the end tag of an element it
    sits in: left open, it ran past its own element, and took what followed as its text."""
    for raw in root.iter(*RAW_TEXT):  # fewer than the elements of a page's inline icons
        if next(raw.iterancestors(*_FOREIGN), None) is None:
            continue  # (a page's own scripts: their text, often long, is not read)
        text = raw.text
        if not text or "</" not in text:
            continue
        names = {a.tag for a in raw.iterancestors() if isinstance(a.tag, str)}
        if any(_end_tag(name).search(text) for name in names):
            return True
    return False


def contain_foreign(markup: str) -> str:
    """The markup without the raw-text start tags inside <svg> or <math> that are not closed
    before their foreign element ends: what they held is read as markup, as a browser does."""
    cuts: list[tuple[int, int]] = []
    foreign = 0  # how many <svg>/<math> are open
    pos = 0
    while (match := _TAG.search(markup, pos)) is not None:
        pos = match.end()
        slash, name = match.groups()
        if name is None:
            continue  # a comment
        name = name.lower()
        if name in _FOREIGN:
            if slash:
                foreign = max(foreign - 1, 0)
            elif not match.group().endswith("/>"):
                foreign += 1
        elif slash:
            continue
        elif foreign and name in _BREAKOUT:
            foreign = 0
        elif name in RAW_TEXT:
            end = _end_tag(name).search(markup, pos)
            if foreign:
                bound = _FOREIGN_END.search(markup, pos)
                if end is None or (bound is not None and bound.start() < end.start()):
                    cuts.append(match.span())
                    continue
            pos = end.end() if end else len(markup)
    return _without(markup, cuts)


def flatten(markup: str, limit: int) -> str:
    """The markup without the tags of elements nested deeper than `limit`, their text kept.

    Depth is counted as a browser builds the tree, roughly: void elements and raw text are
    leaves, an end tag closes what is open above its element, and a new paragraph, list item
    or cell closes the one before it.
    """
    cuts: list[tuple[int, int]] = []
    stack: list[tuple[str, bool]] = []  # open elements: name, whether its tags are kept
    open_count: dict[str, int] = {}
    pos = 0
    while (match := _TAG.search(markup, pos)) is not None:
        pos = match.end()
        slash, name = match.groups()
        if name is None:
            continue
        name = name.lower()
        if slash:
            if open_count.get(name):
                index = len(stack) - 1
                while stack[index][0] != name:
                    index -= 1
                if not stack[index][1]:
                    cuts.append(match.span())
                _pop(stack, open_count, index)
            continue
        if name in RAW_TEXT:
            end = _end_tag(name).search(markup, pos)
            pos = end.end() if end else len(markup)
            continue
        if name in _VOID or match.group().endswith("/>"):
            continue
        _close_implied(stack, open_count, name)
        kept = len(stack) < limit
        if not kept:
            cuts.append(match.span())
        stack.append((name, kept))
        open_count[name] = open_count.get(name, 0) + 1
    return _without(markup, cuts)


def _close_implied(stack: list[tuple[str, bool]], open_count: dict[str, int], name: str) -> None:
    """Close the element a new start tag ends without an end tag of its own."""
    if not stack:
        return
    if name in _CLOSES_P and stack[-1][0] == "p":
        _pop(stack, open_count, len(stack) - 1)
    siblings = _CLOSES_SIBLING.get(name)
    if stack and siblings and stack[-1][0] in siblings:
        _pop(stack, open_count, len(stack) - 1)


def _pop(stack: list[tuple[str, bool]], open_count: dict[str, int], index: int) -> None:
    for name, _ in stack[index:]:
        open_count[name] -= 1
    del stack[index:]


@lru_cache(maxsize=64)
def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}\s*>", re.I)


def _without(markup: str, cuts: list[tuple[int, int]]) -> str:
    """The markup with the spans cut out (in order, not overlapping)."""
    if not cuts:
        return markup
    parts = []
    last = 0
    for start, end in cuts:
        parts.append(markup[last:start])
        last = end
    parts.append(markup[last:])
    return "".join(parts)
