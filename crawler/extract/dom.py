"""Small, fast lxml helpers: text read by the walks and libxml2's serialiser, not by Python loops."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from html import escape
from itertools import pairwise
from typing import TypeAlias
from urllib.parse import parse_qsl, urljoin, urlsplit

from lxml import etree

from crawler.extract import walks
from crawler.extract.clean import BR_MARK, normalise_lines, normalise_text, strip_controls

Element: TypeAlias = etree._Element
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def raw_text(element: Element) -> str:
    """All text inside the element, without its tail (what lxml's text serialiser writes)."""
    return walks.text(element)


def text_of(element: Element | None) -> str:
    """The element's text, normalised; <br> becomes a line break when there is one."""
    if element is None:
        return ""
    if not len(element):
        return normalise_text(element.text)
    if _has_br(element):
        for br in element.iter("br"):
            if not (br.tail or "").startswith(BR_MARK):
                set_tail(br, BR_MARK + (br.tail or ""))
        return normalise_lines(raw_text(element))
    return normalise_text(raw_text(element))


_BR = frozenset({"br"})


def _has_br(element: Element) -> bool:
    return walks.holds(element, _BR)


def outer_html(element: Element) -> str:
    """The element's markup without its tail."""
    return str(etree.tostring(element, method="html", encoding="unicode", with_tail=False))


def inner_html(element: Element) -> str:
    """The markup inside an element: its text and its children, without the element's own tag."""
    parts = [escape(element.text, quote=False)] if element.text else []
    parts.extend(etree.tostring(child, method="html", encoding="unicode") for child in element)
    return "".join(parts)


def scripts_saying(root: Element, needle: str) -> Iterator[str]:
    """The text of each of the document's scripts that holds `needle` (a cheap look before
    reading it: the settings or page data a publisher's script is given)."""
    for script in root.iter("script"):
        text = script.text or ""
        if needle in text:
            yield text


def drop_tree(element: Element) -> None:
    """Remove an element and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            set_tail(previous, (previous.tail or "") + tail)
        else:
            set_text(parent, (parent.text or "") + tail)
    parent.remove(element)


def set_text(element: Element, text: str | None) -> None:
    """`element.text = text`, where a page's own text may hold what lxml refuses in a new one
    (a control character): then without those characters."""
    try:
        element.text = text
    except ValueError:
        element.text = strip_controls(text or "")


def set_tail(element: Element, tail: str | None) -> None:
    """`element.tail = tail`, as set_text."""
    try:
        element.tail = tail
    except ValueError:
        element.tail = strip_controls(tail or "")


def absolute(url: str | None, base: str) -> str | None:
    """A link resolved against the page, or None for nothing, a script or a bare fragment."""
    if not url:
        return None
    url = url.strip()
    if url.startswith(("https://", "http://")) and " " not in url:
        return url  # already absolute: urljoin would only spend time saying so
    if not url or url.startswith(("javascript:", "data:", "blob:", "about:")):
        return None
    try:
        return urljoin(base, url)
    except ValueError:
        return None


def fragment_of(url: str | None) -> str | None:
    """The #fragment of a URL: the publisher's id for an update."""
    if not url or "#" not in url:
        return None
    return url.partition("#")[2].strip() or None


def without_fragment(url: str) -> str:
    """The page a permalink points into."""
    return url.partition("#")[0]


def page_of(url: str) -> str:
    """A URL without its query and fragment, nor a slash at its end."""
    return without_fragment(url).partition("?")[0].rstrip("/")


def ids_from_queries(addresses: Iterable[str], pages: set[str]) -> list[str] | None:
    """The value each address's one query parameter gives, where every address is one of the
    pages (page_of) with one parameter, of one name, whose values differ from address to
    address (Easy Liveblogs' `?entry=5508`, Al Jazeera's `?update=2871109`): each post's id.
    None otherwise: a page number or a tracking tag (`?page=2`, `?utm_content=…`) names no
    post."""
    names: set[str] = set()
    values: list[str] = []
    for address in addresses:
        query = one_query(address)
        if query is None or page_of(address) not in pages:
            return None
        names.add(query[0].lower())
        values.append(query[1])
    if len(names) != 1 or _NO_ID_QUERY.match(names.pop()) or len(set(values)) != len(values):
        return None
    return values


# Query names that page, track or sort: no post's name.
_NO_ID_QUERY = re.compile(r"(?:p|pg|page|paged|offset|start|sort|order|ref|src|source|utm_\w*)$")


def one_query(url: str) -> tuple[str, str] | None:
    """(name, value) of a URL's one query parameter, where it has one with a value."""
    try:
        query = parse_qsl(urlsplit(url).query)
    except ValueError:
        return None
    return query[0] if len(query) == 1 and query[0][1] else None


def host_of(url: str) -> str:
    """The lower-case host name of a URL, without a leading www."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def in_tree(element: Element, root: Element) -> bool:
    """Whether the element is the root or still below it: not removed from the tree since it
    was gathered (an lxml element outlives its removal while something holds it)."""
    return element is root or any(parent is root for parent in element.iterancestors())


def document_base(root: Element, page_url: str) -> str:
    """What the page's relative links are relative to: its <base href> when it sets one
    (Contao's and TYPO3's pages do), else its own URL."""
    base = root.find("head/base")
    href = absolute(base.get("href"), page_url) if base is not None else None
    return href or page_url


def counts_places(posts: Sequence[tuple[str | None, str | None]], from_top: bool = False) -> bool:
    """Whether the ids of a stream's posts (id, publish time; newest first) count places from
    the top (La Nación's `#parrafo_N`, a CMS's `article#post-1` on its newest post): where the
    posts run newest first and the numbers their ids end in grow down the list, a new post
    renumbers every one, so none is a post's id. A publisher's serial numbers grow with time,
    up the list. (A pinned post listed first, older than the next, and posts of one minute
    do not hide the order.) With `from_top`, the numbers must be the places themselves,
    0 or 1 on top and one more each post down (`post-1001`, `post-1002`… is no count)."""
    if len(posts) < _POSITIONS_SEEN:
        return False
    numbers, times, stems = [], [], set()
    for source_id, published_at in posts:
        found = _ID_NUMBER.search(source_id or "")
        if found is None or not published_at:
            return False
        numbers.append(int(found.group(1)))
        times.append(published_at)
        stems.add((source_id or "")[: found.start()])
    falling = times[1:] if len(times) > _POSITIONS_SEEN and times[0] < times[1] else times
    if from_top and (numbers[0] > 1 or numbers[-1] - numbers[0] != len(numbers) - 1):
        return False
    return (
        len(stems) == 1
        and all(a < b for a, b in pairwise(numbers))
        and all(a >= b for a, b in pairwise(falling))
        and falling[0] > falling[-1]
    )


_POSITIONS_SEEN = 2  # posts whose ids must count places before they are taken for places
_ID_NUMBER = re.compile(r"(\d{1,9})$")
