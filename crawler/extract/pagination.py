"""A page's links to its older updates, best first; the spider decides which to follow."""

from __future__ import annotations

import re
from collections.abc import Sequence

from crawler.extract import walks
from crawler.extract.clean import normalise_text
from crawler.extract.dom import Element, absolute, raw_text, without_fragment

# Anchor texts that mean "older updates", with how much each is trusted.
_TEXT_SCORES: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern, re.I), score)
    for pattern, score in (
        (r"^(?:load|show|see|view) (?:more|older|earlier|previous) (?:updates|posts|entries)$", 80),
        (r"^(?:older|earlier|previous) (?:updates|posts|entries|page)$", 80),
        (r"^(?:load|show|see|view) more$", 60),
        (r"^(?:next|older) page$", 60),
        (r"^(?:older|next|earlier)\b", 40),
        (r"\b(?:older|earlier) (?:updates|posts|entries)\b", 40),
        (r"^(?:load|show) more\b", 30),
    )
)
_KEYWORDS = ("more", "older", "next", "previous", "earlier")
# Finds every text that holds a keyword in any case (and a few more, such as "ſ" for "s"):
# one C-level look instead of lower() and five substring tests for each of a page's links.
_MAY_HOLD_KEYWORD = re.compile("|".join(_KEYWORDS), re.I)
_CLASS_HINTS = ("load-more", "loadmore", "pagination__next", "older")
_MAX_TEXT = 60  # a longer anchor text is an article link that happens to say "more"
_LINK_TAGS = frozenset({"a", "link"})
# The attributes _may_be_older trusts without a look at the text.
_LOOKED_AT = ("rel", "class", "aria-label")


def next_urls(root: Element, page_url: str, gathered: Sequence[Element] | None = None) -> list[str]:
    """Absolute URLs of older-updates links: rel=next first, then by how sure the text is.

    `gathered`: the page's elements of several tags in page order, all its <link> and <a>
    among them (survey_gathering), read instead of a walk of the tree.
    """
    base = _base_url(root, page_url)
    here = without_fragment(page_url)
    scored: dict[str, tuple[int, int]] = {}
    # Most links are dismissed by a look at their rel and own text before any scoring: in
    # the walk (which lets through all _may_be_older would), then here.
    elements = root.iter("link", "a") if gathered is None else gathered
    candidates = walks.link_candidates(elements, _LINK_TAGS, _LOOKED_AT, _KEYWORDS)
    for position, element in enumerate(candidates):  # in page order, as the sort needs
        if not _may_be_older(element):
            continue
        href = element.get("href")
        score = _score(element) if href else 0
        if score <= 0:
            continue
        url = absolute(href, base)
        if url is None:
            continue
        url = without_fragment(url)
        if url == here:
            continue
        best = scored.get(url)
        if best is None or score > best[0]:
            scored[url] = (score, best[1] if best else position)
    ordered = sorted(scored.items(), key=lambda item: (-item[1][0], item[1][1]))
    return [url for url, _ in ordered]


def _may_be_older(element: Element) -> bool:
    """A cheap first look: rel, a pagination class, or a keyword in the link's own text."""
    if element.get("rel") or element.get("class"):
        return True
    text = element.text
    if text is None or text.isspace():
        return len(element) > 0 or bool(element.get("aria-label"))
    if _MAY_HOLD_KEYWORD.search(text) is None:
        return False
    lowered = text.lower()
    return any(k in lowered for k in _KEYWORDS)


def _score(element: Element) -> int:
    rel = element.get("rel")
    if rel and "next" in rel.lower().split():
        return 100 if element.tag == "link" else 90
    if element.tag != "a":
        return 0
    text = raw_text(element) if len(element) else (element.text or "")
    if not text.strip():
        text = element.get("aria-label") or element.get("title") or ""
    score = 0
    lowered = text.lower()
    if len(text) <= _MAX_TEXT * 4 and any(k in lowered for k in _KEYWORDS):
        text = normalise_text(text)
        if len(text) <= _MAX_TEXT:
            score = next((value for pattern, value in _TEXT_SCORES if pattern.search(text)), 0)
    cls = element.get("class")
    if cls and any(hint in cls.lower() for hint in _CLASS_HINTS):
        score = max(score, 50) if score else 35
    return score


def _base_url(root: Element, page_url: str) -> str:
    """<base href> when the page sets one, else the page's own URL."""
    base = root.find("head/base")
    href = absolute(base.get("href"), page_url) if base is not None else None
    return href or page_url
