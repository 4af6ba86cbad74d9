"""Types of the compiled walks in _native.pyx."""

from lxml import etree

def mark(
    root: etree._Element,
) -> tuple[list[etree._Element], list[etree._Element], list[etree._Element]]: ...
def text_length(element: etree._Element) -> int: ...
