"""Types of the compiled walks in _native.pyx."""

from collections.abc import Callable, Iterable
from typing import Any

from lxml import etree

def mark(
    root: etree._Element,
) -> tuple[list[etree._Element], list[etree._Element], list[etree._Element]]: ...
def text(element: etree._Element) -> str: ...
def text_length(element: etree._Element, enough: int = -1) -> int: ...
def sibling_groups(
    elements: Iterable[etree._Element], smallest: int = 1
) -> list[list[etree._Element]]: ...
def classes_up(element: etree._Element, levels: int) -> list[str]: ...
def headline(
    member: etree._Element,
    skip: Iterable[etree._Element],
    budget: int,
    headings: frozenset[str],
    is_headline_class: Callable[[str], bool],
    headline_text: Callable[[etree._Element], str],
    has_text: Callable[[etree._Element], bool],
) -> tuple[etree._Element | None, str]: ...
def owners(
    elements: Iterable[etree._Element], members: Iterable[etree._Element]
) -> list[etree._Element | None]: ...
def double_space(text: str) -> bool: ...
def contains(text: str, needle: str) -> bool: ...

class WalkRules:
    def __init__(
        self,
        *,
        ignored: frozenset[str],
        inline: frozenset[str],
        text_blocks: frozenset[str],
        classified: frozenset[str],
        rich: frozenset[str],
        is_chrome: Callable[[str], bool],
        classify: Callable[[etree._Element, str, str], str | None],
    ) -> None: ...

def node_ids(elements: Iterable[etree._Element]) -> set[int]: ...
def figure_parts(
    element: etree._Element, role: Callable[[str], int]
) -> tuple[
    etree._Element | None,
    etree._Element | None,
    etree._Element | None,
    etree._Element | None,
    list[etree._Element],
]: ...
def first(element: etree._Element, tags: frozenset[str]) -> etree._Element | None: ...
def holds(element: etree._Element, tags: frozenset[str]) -> bool: ...
def walk(writer: Any, container: etree._Element, rules: WalkRules) -> None: ...
