"""Bytes to an lxml tree: parse once, with libxml2, never with BeautifulSoup's tree builder.

UTF-8 pages (nearly all) go to libxml2 as bytes: no Python decode, no second copy of the page.
libxml2 reports bytes that are not UTF-8; only then, or when the page declares another
charset, is the page decoded in Python, by UnicodeDammit, and parsed from text.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Iterable

from bs4 import UnicodeDammit
from lxml import etree

from crawler.extract.clean import strip_controls

# Where an HTML page declares its charset; only the head is searched (the spec's 1024 bytes,
# with room for long preambles such as the Mirror's comment and inline scripts).
_SNIFF_BYTES = 4096
# Searched in the lower-cased head: a case-blind pattern loses sre's fast search for "<meta".
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""")
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_local = threading.local()


def parse(body: bytes, encoding: str | None = None) -> etree._Element | None:
    """The document's root element, or None for an empty or unparseable body.

    `encoding` is what the HTTP response said (Scrapy's resolved encoding); without it the
    bytes and the page's own meta charset decide.
    """
    if not body or body.isspace():
        return None
    codec = _codec(encoding)
    if codec is not None:
        if codec == "utf-8":
            return _parse_utf8(body)[0]
        return parse_text(body.decode(codec, "replace"))
    declared = meta_charset(body)
    if declared in (None, "utf-8") and not body.startswith(_BOMS):
        root, valid = _parse_utf8(body)
        if valid:
            return root
    return parse_text(decode(body))


def header_charset(headers: Iterable[tuple[str, str]]) -> str | None:
    """The codec a Content-Type header names, if Python knows it, so that crawls and
    re-extraction from snapshots decode a page alike."""
    for name, value in headers:
        match = _HEADER_CHARSET.search(value) if name.lower() == "content-type" else None
        if match:
            return _codec(match.group(1))
    return None


def meta_charset(body: bytes) -> str | None:
    """The codec a page's meta tag names, if Python knows it: a hint, not the truth."""
    head = body[:_SNIFF_BYTES].lower()
    match = _META_CHARSET.search(head) if b"charset" in head else None
    return _codec(match.group(1).decode("ascii", "replace")) if match else None


def decode(body: bytes) -> str:
    """The page as text, for pages that are not plain UTF-8: UnicodeDammit's careful guess."""
    dammit = UnicodeDammit(body, known_definite_encodings=["utf-8"], is_html=True)
    if dammit.unicode_markup is not None:
        return str(dammit.unicode_markup)
    return body.decode("utf-8", "replace")


def parse_text(text: str) -> etree._Element | None:
    """Parse decoded HTML with libxml2's HTML parser, the one lxml.html wraps.

    Plain lxml elements, not lxml.html's HtmlElement: its class lookup makes every element
    proxy several times dearer, and extraction touches many of them.
    """
    if not text or text.isspace():
        return None
    # lxml refuses str input that carries an XML encoding declaration.
    if text.lstrip().startswith("<?xml"):
        text = _XML_DECL.sub("", text, count=1)
    try:
        return etree.fromstring(text, _parser(None))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def parse_fragment(markup: str) -> etree._Element | None:
    """An HTML fragment (articleBody with markup in it) under a <body> element.

    Its control characters go first: a fragment from JSON may hold a lone surrogate (an
    escape), at which libxml2 would stop reading (a page decoded from bytes never does)."""
    root = parse_text("<html><body>" + strip_controls(markup) + "</body></html>")
    return root.find("body") if root is not None else None


def _parse_utf8(body: bytes) -> tuple[etree._Element | None, bool]:
    """The tree, and whether every byte was valid UTF-8 (libxml2 logs the ones that are not)."""
    if body.startswith(codecs.BOM_UTF8):
        body = body[len(codecs.BOM_UTF8) :]
    parser = _parser("utf-8")
    try:
        root = etree.fromstring(body, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, True
    invalid = etree.ErrorTypes.ERR_INVALID_ENCODING
    return root, not any(entry.type == invalid for entry in parser.error_log)


def _codec(name: str | None) -> str | None:
    """Python's canonical name for an encoding label, or None if it names nothing known."""
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return "utf-8" if canonical in ("utf-8", "utf-8-sig") else canonical


def _parser(encoding: str | None) -> etree.HTMLParser:
    """One parser per thread and encoding: lxml parsers must not be shared between threads."""
    parsers: dict[str | None, etree.HTMLParser] | None = getattr(_local, "parsers", None)
    if parsers is None:
        parsers = _local.parsers = {}
    parser = parsers.get(encoding)
    if parser is None:
        # No table of ids: nothing here looks elements up by id, and building it costs.
        parser = parsers[encoding] = etree.HTMLParser(
            encoding=encoding, default_doctype=False, collect_ids=False
        )
    return parser
