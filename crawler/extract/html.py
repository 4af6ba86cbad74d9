"""Bytes to an lxml tree: parse once, with libxml2, never with BeautifulSoup's tree builder.

UTF-8 pages (nearly all) go to libxml2 as bytes: no Python decode, no second copy of the page.
libxml2 reports bytes that are not UTF-8; only then, or when the page declares another
charset or starts with a byte order mark, is the page decoded in Python and parsed from text.
The encoding is chosen as browsers choose it (the WHATWG Encoding Standard): a byte order
mark first, then the HTTP header, then the page's meta charset, each label read as browsers
read it. A page that says nothing and is not UTF-8 is read as windows-1252, the web's
commonest legacy encoding, when the letters that makes are one western European language's,
else as charset-normalizer's detector guesses.

A page libxml2 misreads (it stops at a limit, or a foreign element's raw text swallows the
rest) is repaired and parsed once more (crawler/extract/repair.py).
"""

from __future__ import annotations

import codecs
import functools
import re
import threading
import zlib
from collections.abc import Iterable

from charset_normalizer import from_bytes
from lxml import etree

from crawler.extract import repair
from crawler.extract.clean import strip_controls

# Where an HTML page declares its charset; only the head is searched (the spec's 1024 bytes,
# with room for long preambles such as the Mirror's comment and inline scripts).
_SNIFF_BYTES = 4096
# Searched in the lower-cased head: a case-blind pattern loses sre's fast search for "<meta".
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""")
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# Byte order marks and their codecs, the longer first (UTF-32 LE's starts as UTF-16 LE's).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels browsers read as a wider encoding (the Encoding Standard's table of labels): a page
# that says latin-1 or ascii is read as windows-1252, whose curly quotes latin-1 would make
# control characters, and so on for the other legacy encodings that have a superset.
_AS_BROWSERS_READ = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}
# The codecs of the encodings browsers decode pages with (the WHATWG Encoding Standard's),
# by Python's names for them, and of the labels they read as one of those ("us-ascii",
# "iso-8859-1", "gb2312"). A label of any other codec names nothing a browser knows and is
# passed over as browsers pass it over: "utf-7", "base64", "rot13", "idna" name Python codecs.
_WEB_CODECS = frozenset(
    {"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
     "utf-32-be", "ascii", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874",
     "tis-620", "gb2312", "gbk", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp",
     "shift_jis", "cp932", "euc_kr", "cp949"}
    | {f"cp{n}" for n in range(1250, 1259)}
    | {f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)}
)  # fmt: skip
# The Encoding Standard's labels that Python's codecs do not know, by the codec they name
# ("windows-874" on Thai pages, "ks_c_5601-1989" on Korean ones, "x-sjis", "x-gbk").
_LABELS = {
    label: codec
    for codec, labels in {
        "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 x-unicode20utf8",
        "iso8859-1": "iso88591",
        "iso8859-2": "iso88592",
        "iso8859-6": "csiso88596e csiso88596i iso-8859-6-e iso-8859-6-i",
        "iso8859-7": "sun_eu_greek",
        "iso8859-8": "csiso88598e csiso88598i iso-8859-8-e iso-8859-8-i logical visual",
        "iso8859-11": "iso885911",
        "iso8859-13": "iso885913",
        "iso8859-14": "iso885914",
        "iso8859-15": "csisolatin9",
        "koi8-r": "koi koi8",
        "koi8-u": "koi8-ru",
        "mac-roman": "csmacintosh mac x-mac-roman",
        "mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
        "cp874": "dos-874 windows-874",
        "gb18030": "csgb2312 gb_2312 gb_2312-80 x-gbk",
        "big5hkscs": "cn-big5 x-x-big5",
        "euc_jp": "cseucpkdfmtjapanese x-euc-jp",
        "cp932": "windows-31j x-sjis",
        "cp949": "cseuckr csksc56011987 iso-ir-149 ks_c_5601-1989 ksc_5601 windows-949",
        "utf-16-be": "unicodefffe",
        "utf-16-le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff",
    }.items()
    for label in labels.split()
} | {f"x-cp{n}": f"cp{n}" for n in range(1250, 1259)}
# A meta tag read in an ASCII-compatible page cannot truly say UTF-16 or UTF-32: browsers
# take it for UTF-8.
_WIDE = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
# The web's commonest legacy encoding. Western European text decodes cleanly in several code
# pages (windows-1250 makes "Naïve" "Naďve", windows-1257 "déjà" "déją"), which the
# detector's measures cannot tell apart; so windows-1252 is chosen whenever the detector
# finds its reading plausible and every accented letter of it belongs to one western
# language's alphabet. A page in another code page read as windows-1252 mixes letters no
# language mixes: Czech's "ř", "ě" and "ů" become the Danish "ø" and the Italian "ì", "ù".
_PREFERRED = "cp1252"
_ALPHABETS = tuple(
    frozenset(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüßé",  # German
        "áéíñóúü",  # Spanish, Galician, Basque
        "àáâãçéêíóôõúü",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "áäèéëíïóöúü",  # Dutch
        "æøåéóàü",  # Danish, Norwegian
        "åäöéü",  # Swedish
        "äöåšžé",  # Finnish
        "áðéíóúýþæö",  # Icelandic, Faroese
        "àçèéíïòóúü·",  # Catalan
        "áéíóúàèìòù",  # Irish, Scottish Gaelic
        "äöõüšž",  # Estonian
        "çë",  # Albanian
        "áäéèêëíîïóôöúûü",  # Afrikaans
    )
)
# Code pages that share their letters' bytes but a few, which the detector cannot tell apart on
# a page that names none: windows-1250 and ISO-8859-2 write "ą", "ś" and "ź" at bytes the
# other writes "±", "¶" and "Ľ" at (a Polish page in ISO-8859-2 read "będ±"), and windows-1252
# writes "¿" and "³" at the bytes of their "ż" and "ł", and "½" at ISO-8859-15's "œ". Where
# the detector guesses one of the Latin code pages, the reading (the guess or one of these)
# with fewest signs inside words wins.
_LATIN_TWINS = ("cp1252", "cp1250", "iso8859-2", "iso8859-15")
_LATIN = frozenset(
    {*_LATIN_TWINS, "iso8859-1", "iso8859-3", "iso8859-4", "iso8859-9", "iso8859-13",
     "iso8859-16", "cp1254", "cp1257"}
)  # fmt: skip
_ASCII_BYTES = bytes(range(128))
# The characters a UTF-8 page of a Latin alphabet holds beyond ASCII (Latin-1's and Latin
# Extended-A's letters and signs, Romanian's "ș" and "ț", typographic punctuation, "€", "™",
# emoji): a legacy page's bytes that happen to make a UTF-8 character make other ones ("͊" of
# a Czech "ÍŠ"), and an emoji's four bytes never.
_LATIN_UTF8 = re.compile(
    "[\u00a0-\u017f\u0218-\u021b\u2010-\u203a\u20ac\u2100-\u215f\U00010000-\U0010ffff]"
)
_STRAY_AS_WINDOWS_1252 = "liveblog-stray-as-windows-1252"
# The nesting a repaired page is flattened to, and lower if libxml2 still finds it too deep:
# well under libxml2's limit of 256, and shallow enough for the body walk's recursion.
_FLAT_DEPTHS = (200, 100, 50)
# A page saved or served as its gzip bytes with no Content-Encoding to say so (a ".html" that is
# a ".html.gz"), and the most such a page is unpacked to: what a crawl takes of one response
# (DOWNLOAD_MAXSIZE), so that a few kilobytes of gzip cannot make gigabytes.
_GZIP = b"\x1f\x8b\x08"
_UNPACKED_LIMIT = 32 * 1024 * 1024
_local = threading.local()


def parse(body: bytes, encoding: str | None = None) -> etree._Element | None:
    """The document's root element, or None for an empty or unparseable body.

    `encoding` is what the HTTP response said (Scrapy's resolved encoding); without it the
    bytes and the page's own meta charset decide.
    """
    body = unpacked(body)
    if not body or body.isspace():
        return None
    bom = _bom(body)
    if bom is not None:  # a byte order mark outranks any label
        marked, size = bom
        if marked == "utf-8":
            return _parse_utf8(body[size:])[0]
        return parse_text(body[size:].decode(marked, "replace"))
    codec = _as_browsers_read(_codec(encoding))
    if codec is not None:
        if codec == "utf-8":
            root, valid = _parse_utf8(body)
            if valid:
                return root
            text = body.decode("utf-8", "replace")
            return root if _mostly_utf8(text) else parse_text(_not_utf8(body, text))
        return parse_text(body.decode(codec, "replace"))
    declared = meta_charset(body)
    if declared in (None, "utf-8"):
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
    """The page as text, without a label from HTTP: by its byte order mark; as UTF-8 if it is
    valid UTF-8 (whatever its meta tag says: text that validates as UTF-8 is UTF-8); by its
    meta charset; else by the detector's guess. A page that says UTF-8 (or nothing) whose
    bytes are mostly not UTF-8's is read by the guess; one mostly UTF-8 stays UTF-8."""
    bom = _bom(body)
    if bom is not None:
        return body[bom[1] :].decode(bom[0], "replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = meta_charset(body)
    if declared is None or declared == "utf-8" or declared in _WIDE:
        text = body.decode("utf-8", "replace")
        return text if _mostly_utf8(text) else _not_utf8(body, text)
    return body.decode(_as_browsers_read(declared) or guess_codec(body), "replace")


def _not_utf8(body: bytes, text: str) -> str:
    """A body said (or taken) to be UTF-8 that mostly is not, `text` its reading as UTF-8:
    UTF-8 with pasted windows-1252 bytes if so (see _pasted), else read by the guess."""
    pasted = _pasted(body, text)
    return pasted if pasted is not None else body.decode(guess_codec(body), "replace")


def _mostly_utf8(text: str) -> bool:
    """Whether more of a page's letters beyond ASCII are UTF-8's than are bytes no UTF-8
    character holds (`text` is the page read as UTF-8, each such byte a U+FFFD): a stray byte
    in a UTF-8 page, not a legacy page under a UTF-8 label."""
    bad = text.count("\ufffd")
    beyond_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return beyond_ascii - bad > bad


def _pasted(body: bytes, text: str) -> str | None:
    """A UTF-8 page whose stray bytes are text pasted in from a word processor (its quotes
    windows-1252's 0x93 and 0x94): each UTF-8 character read as UTF-8 and each stray byte as
    windows-1252, where the page holds UTF-8 characters and all of them are Latin letters or
    punctuation (a legacy page's bytes seldom make one, and never only such); else None.
    `text` is the page read as UTF-8."""
    beyond = {c for c in set(text) if not c.isascii()} - {"\ufffd"}
    if not beyond or not all(_LATIN_UTF8.match(c) for c in beyond):
        return None
    return body.decode("utf-8", _STRAY_AS_WINDOWS_1252)


def _stray_as_windows_1252(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("cp1252", "replace"), error.end


codecs.register_error(_STRAY_AS_WINDOWS_1252, _stray_as_windows_1252)


def unpacked(body: bytes) -> bytes:
    """The page in a body of gzip bytes (a saved ".html" that is gzipped, a server that sends
    a ".html.gz" with no Content-Encoding), as far as it unpacks; any other body as it is."""
    if not body.startswith(_GZIP):
        return body
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, _UNPACKED_LIMIT)
    except zlib.error:
        return body


def guess_codec(body: bytes) -> str:
    """The encoding of a page that names none: windows-1252 where it reads as one western
    European language (see _PREFERRED), else charset-normalizer's best guess; of a Latin
    code page's twins, the one whose reading has no signs inside words (see _LATIN_TWINS)."""
    matches = from_bytes(body)
    best = matches.best()
    plausible = any(_PREFERRED in (m.encoding, *m.could_be_from_charset) for m in matches)
    if best is None:
        guess = _PREFERRED  # nothing decodes cleanly: the web's default for a legacy page
    elif plausible and _one_alphabet(_kinds_beyond_ascii(body).decode(_PREFERRED, "replace")):
        guess = _PREFERRED
    else:
        guess = _as_browsers_read(_codec(best.encoding)) or "utf-8"
    if guess not in _LATIN:
        return guess
    if body.isascii():
        return guess  # every reading is the same ASCII
    # The guess's own reading wins a tie: a western page reads alike in all three twins.
    return min((guess, *_LATIN_TWINS), key=lambda c: (_signs_in_words(body, c), c != guess))


def _kinds_beyond_ascii(body: bytes) -> bytes:
    """Each byte beyond ASCII the body holds, once: all a code page reads as other than
    ASCII, one character a byte."""
    return bytes(sorted(set(body.translate(None, _ASCII_BYTES))))


def _signs_in_words(body: bytes, codec: str) -> int:
    """How many characters beyond ASCII that are no letter (a "¶", a "»", a control) stand
    between two letters in the body read in a code page: the marks of a page read in the
    wrong one ("gę¶lą", "lu»oučký"); a "¿" or a "«" before a word is in its place."""
    # A code page reads one character a byte, so its bytes are told letter ("a"), sign ("s")
    # or other (" ") by a table, and the page is never decoded: the signs after a letter,
    # less those followed by a sign, by another character or by the end.
    classes = body.translate(_byte_classes(codec))
    if b"s" not in classes:
        return 0
    after_letter = classes.count(b"as") - classes.count(b"ass") - classes.count(b"as ")
    return after_letter - classes.endswith(b"as")


@functools.cache
def _byte_classes(codec: str) -> bytes:
    """A table of a code page's bytes: "a" for a letter, "s" for a character beyond ASCII
    that is no letter (one the code page lacks reads as a "\ufffd", a sign too), " " else."""
    read = [bytes([byte]).decode(codec, "replace") for byte in range(256)]
    return bytes(
        ord("a") if c.isalpha() else ord("s") if not c.isascii() else ord(" ") for c in read
    )


def _one_alphabet(text: str) -> bool:
    """Whether every accented letter of the text belongs to one alphabet of _ALPHABETS."""
    letters = {c for c in set(text.lower()) if not c.isascii() and c.isalpha()}
    return any(letters <= alphabet for alphabet in _ALPHABETS)


def ends_document(body: bytes, tail: int = 65536) -> bool:
    """Whether the page's last `tail` bytes hold its </body> or </html>, read in the encoding
    its byte order mark names (a UTF-16 page's tags are not ASCII bytes): a page cut short by
    a dropped connection does not."""
    body = unpacked(body)
    bom = _bom(body)
    if bom is None or bom[0] == "utf-8":
        last = body[-tail:].lower()
        return b"</body" in last or b"</html" in last
    codec, size = bom
    unit = 4 if "32" in codec else 2
    start = max(size, len(body) - tail)
    start -= (start - size) % unit  # on a character's first byte
    text = body[start:].decode(codec, "ignore").lower()
    return "</body" in text or "</html" in text


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
    parser = _parser(None)
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return _repaired(root, parser, text)


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
    valid = not any(entry.type == invalid for entry in parser.error_log)
    return _repaired(root, parser, body), valid


def _repaired(
    root: etree._Element | None, parser: etree.HTMLParser, source: str | bytes
) -> etree._Element | None:
    """The tree, or the tree of the repaired markup where libxml2 misread it: it stopped at a
    limit (a depth of 256, a text of 10 MB) and dropped the rest, or a raw-text element inside
    <svg> or <math> swallowed what followed."""
    stopped = _stopped(parser)
    if root is not None and _closed_heading_early(parser):
        repair.headings_holding_paragraphs(root)
    swallowed = root is not None and repair.swallowed(root)
    if not stopped and not swallowed:
        return root
    text = source if isinstance(source, str) else source.decode("utf-8", "replace")
    if swallowed:
        text = repair.contain_foreign(text)
        root, parser = _reparsed(text, _parser(None))
        stopped = _stopped(parser)
    for depth in _FLAT_DEPTHS:
        if not stopped:
            break
        # Flat enough for libxml2's depth limit; its other limits (a text node of 10 MB)
        # are lifted, but a deeper tree is not, which the body walk's recursion could not read.
        root, parser = _reparsed(repair.flatten(text, depth), _parser(None, huge=True))
        stopped = _stopped(parser)
    return root


def _reparsed(
    text: str, parser: etree.HTMLParser
) -> tuple[etree._Element | None, etree.HTMLParser]:
    try:
        return etree.fromstring(text, parser), parser
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, parser


def _closed_heading_early(parser: etree.HTMLParser) -> bool:
    """Whether libxml2 met a heading's end tag after it had closed that heading itself: at a
    <p> inside it (repair.headings_holding_paragraphs)."""
    mismatch = etree.ErrorTypes.ERR_TAG_NAME_MISMATCH
    return any(
        entry.type == mismatch and _STRAY_HEADING_END.match(entry.message)
        for entry in parser.error_log
    )


_STRAY_HEADING_END = re.compile(r"Unexpected end tag : h[1-6]$")


def _stopped(parser: etree.HTMLParser) -> bool:
    """Whether libxml2 gave up on the document at one of its limits (a fatal error, the last)."""
    last = parser.error_log.last_error
    return last is not None and last.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT


def _bom(body: bytes) -> tuple[str, int] | None:
    """The codec a byte order mark at the start of the body names, and the mark's length."""
    for mark, codec in _BOMS:
        if body.startswith(mark):
            return codec, len(mark)
    return None


def _as_browsers_read(codec: str | None) -> str | None:
    """The codec browsers decode a page labelled `codec` with."""
    return _AS_BROWSERS_READ.get(codec, codec) if codec else None


def _codec(name: str | None) -> str | None:
    """Python's canonical name for an encoding label, or None if it names nothing known."""
    if not name:
        return None
    label = name.strip().lower()
    try:
        canonical = codecs.lookup(_LABELS.get(label, label)).name
    except LookupError:
        return None
    if canonical not in _WEB_CODECS:
        return None  # no encoding of the web's ("utf-7", "idna"), or no text encoding ("base64")
    return "utf-8" if canonical in ("utf-8", "utf-8-sig") else canonical


def _parser(encoding: str | None, huge: bool = False) -> etree.HTMLParser:
    """One parser per thread and encoding: lxml parsers must not be shared between threads.

    `huge` lifts libxml2's limits but its depth limit, which it raises to 2048 (repaired
    pages only, after flattening)."""
    parsers: dict[tuple[str | None, bool], etree.HTMLParser] | None = getattr(
        _local, "parsers", None
    )
    if parsers is None:
        parsers = _local.parsers = {}
    parser = parsers.get((encoding, huge))
    if parser is None:
        # No table of ids: nothing here looks elements up by id, and building it costs.
        parser = parsers[encoding, huge] = etree.HTMLParser(
            encoding=encoding, default_doctype=False, collect_ids=False, huge_tree=huge
        )
    return parser
