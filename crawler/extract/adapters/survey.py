"""What a page is made of, noted in one pass, so that an adapter looks for its markup only on
a page that could hold it.

Detecting a publisher's or a vendor's markup with `//` XPath walks the whole tree, several
times for a union, and libxml2's descendant axis is slow on a big page: the fourteen adapters'
detections and the vendors' embeds cost several times the parse on a page none of them knows.
walks.survey notes, in one pass and before scripts are removed, the page's tags, its (tag,
class) pairs, its ids and the addresses its frames and scripts load. Each adapter's `present`
asks the survey whether its markup (or its embed) could be on the page: a necessary condition,
never a sufficient one, so the adapter's own detection still decides.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from crawler.extract import walks
from crawler.extract.dom import Element

# The elements whose src names a vendor's embed: frames and scripts.
SOURCED = frozenset({"iframe", "amp-iframe", "script"})


@dataclass(frozen=True)
class Survey:
    """The page's tags, class attributes by tag, ids, and the src of its frames and scripts."""

    tags: frozenset[str]
    classes: dict[str, tuple[str, ...]]  # each tag's distinct class attributes
    ids: frozenset[str]
    sources: tuple[tuple[str, str], ...]  # (tag, src), in page order

    def classed(self, tag: str | None, *needles: str) -> bool:
        """Whether an element of the tag (of any tag, for None) has a class attribute that
        holds one of the needles, as XPath's contains(@class, …) tests."""
        lists = self.classes.values() if tag is None else (self.classes.get(tag, ()),)
        return any(needle in cls for classes in lists for cls in classes for needle in needles)

    def id_starting(self, prefix: str) -> bool:
        """Whether an element's id starts with the prefix."""
        return any(own.startswith(prefix) for own in self.ids)

    def loads(self, needle: str, *tags: str) -> bool:
        """Whether an element of one of the tags (of SOURCED) has a src that holds the needle."""
        return any(tag in tags and needle in src for tag, src in self.sources)


def survey(root: Element) -> Survey:
    """The survey of the document `root` belongs to (read it before scripts are removed)."""
    return _survey(*walks.survey(root, SOURCED))


def survey_gathering(root: Element, gathered: frozenset[str]) -> tuple[Survey, list[Element]]:
    """The survey, and the document's elements whose tag is one of `gathered`, in page order,
    from the same walk: readers that look for a few tags read those instead of a walk each."""
    tags, pairs, ids, sources, elements = walks.survey_gathering(root, SOURCED, gathered)
    return _survey(tags, pairs, ids, sources), elements


def _survey(
    tags: set[str], pairs: set[tuple[str, str]], ids: set[str], sources: list[tuple[str, str]]
) -> Survey:
    classes: dict[str, list[str]] = defaultdict(list)
    for tag, cls in pairs:
        classes[tag].append(cls)
    return Survey(
        frozenset(tags),
        {tag: tuple(found) for tag, found in classes.items()},
        frozenset(ids),
        tuple(sources),
    )
