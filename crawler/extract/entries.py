"""One HTML entry to one Update: body text, sanitised body HTML and media from a single walk.

Adapters find the entries and say where the headline, times, byline and body are; this module
does the rest the same way for every publisher. The walk touches only a body's blocks: plain
paragraphs in a row are read together (clean.paragraph_texts), other blocks are serialised by
libxml2 in one call each, and only figures, quotes and embeds are looked into element by
element. Markup written here from text needs no sanitiser pass (clean.finish_html): only a
body that copies some of the page's own markup goes through nh3.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Set
from contextlib import contextmanager
from contextvars import ContextVar
from copy import deepcopy
from functools import lru_cache
from typing import Any

from lxml import etree

from archive.records import FIDELITY_HTML, TIME_AGO, TIME_CLOCK, Update
from crawler.extract import instant, media, walks
from crawler.extract.clean import (
    BR_MARK,
    REACTIONS_CLASS,
    clean_attribution,
    clean_credit,
    escape_attribute,
    escape_text,
    finish_html,
    is_boilerplate,
    is_call_to_follow,
    is_chrome_class,
    is_plain_url,
    is_reaction_counts,
    is_share_href,
    is_teaser_label,
    normalise_lines,
    normalise_text,
    paragraph_texts,
    split_credit,
    strip_placeholders,
)
from crawler.extract.clock import PageClock
from crawler.extract.completeness import is_stub
from crawler.extract.dom import (
    HEADINGS,
    Element,
    drop_tree,
    outer_html,
    raw_text,
    text_of,
    without_fragment,
)

# Removed (with their content) before entries are read: never text, never media. Not <form>
# or <nav>: some sites wrap a whole page in a form. Not <meta>: microdata lives there.
STRIP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "button",
    "input",
    "select",
    "textarea",
    "canvas",
    "map",
)
# Skipped where the walk meets them.
_SKIP_TAGS = frozenset({"nav", "form", "hr", "meta", "link", "aside", "menu", "dialog"})
_TEXT_BLOCKS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "address",
        "dt",
        "dd",
        "ul",
        "ol",
        "dl",
        "table",
        "caption",
    }
)
_IGNORED_TAGS = _SKIP_TAGS | frozenset(STRIP_TAGS)
# Text blocks that may hold blocks of their own (a <dd> with a heading and paragraphs): those
# are read one by one.
_HOLDING_BLOCKS = frozenset({"dd", "dt"})
_KEEP_BLOCK_TAG = frozenset({"p", "h2", "h3", "h4", "ul", "ol"})
_INLINE = frozenset(
    {
        "a",
        "span",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "small",
        "sup",
        "sub",
        "mark",
        "abbr",
        "cite",
        "code",
        "q",
        "s",
        "time",
        "font",
        "br",
        "wbr",
        "label",
        "bdi",
        "bdo",
        "del",
        "ins",
        "kbd",
        "var",
        "data",
        "tt",
        "big",
        "strike",
    }
)
# Under an inline element, tags that make it more than a run of text.
_BREAKING_TAGS = media.RICH_TAGS | {"br"}


class BodyWriter:
    """Accumulates an update body's paragraphs, HTML parts and media while walking it.

    Most of the markup is written here from text (plain paragraphs, figures, quotes): it is
    already what the sanitiser returns (clean.finish_html), so a body made only of it skips
    nh3. Markup copied from the page (a paragraph with links, a list) sets `copied`, and the
    whole body is sanitised.
    """

    def __init__(self, base_url: str, skip: Iterable[Element] = (), headline: str | None = None):
        self.base_url = base_url
        self._skipped = list(skip)
        self.skip_nodes = walks.node_ids(self._skipped)
        # The boxes around a skipped element, looked for once a block asks: a paragraph among
        # them is read part by part.
        self._skip_holders: Set[object] | None = None
        self.headline = headline
        self.paragraphs: list[str] = []
        self.html: list[str] = []
        self.media: list[dict[str, Any]] = []
        self.copied = False  # some of self.html is the page's own markup
        # The last block was a teaser's label ("See also"): a list of links after it is the
        # teaser's, no word of the post. After a run of plain paragraphs, the run's last one,
        # asked only if a list comes next.
        self._teaser_label = False
        self._last_plain: str | None = None
        # Inline text not yet closed as a paragraph; the walk holds this very list, so it
        # is cleared, never rebound.
        self._text: list[str] = []
        self._markup: list[str] = []
        self._markup_copied = False  # an inline element's markup is in self._markup
        # (paragraphs, media) as they stood after a video without a caption: a line that
        # opens with "Media caption, " right after it is its caption.
        self._video_at: tuple[int, int] | None = None

    # The walk -------------------------------------------------------------------------------

    def walk(self, container: Element) -> None:
        """Read a container's text and children in document order.

        The walk itself is walks.walk: it gathers runs of plain paragraphs (a <p> of text
        alone) for _plain_paragraphs, text and tails for _add_text, and passes over comments,
        the ignored tags, the skipped elements and chrome classes; every other element comes
        back here, to _media, _inline or _block, or is walked into.
        """
        walks.walk(self, container, _RULES)

    def _media(self, child: Element, kind: str) -> None:
        self._teaser_label, self._last_plain = False, None
        if kind == media.QUOTE:
            self._quote(child)
        elif kind == media.IMAGE:
            self._image(child)
        elif kind == media.GALLERY:
            self._gallery(child)
        else:
            record = media.embed_media(child, self.base_url)
            if record:
                self.media.append(record)
                if record["type"] == "video" and not record["text"]:
                    self._video_at = (len(self.paragraphs), len(self.media))

    def _inline(self, child: Element, tag: str) -> None:
        if tag == "a" and (
            is_share_href(child.get("href")) or (_is_teaser_card(child) and not self._leads_on())
        ):
            return
        if tag == "a" and 0 < len(self._text) <= 3 and is_teaser_label("".join(self._text)):
            self._text.clear()  # "<span>Lesen Sie auch</span> <a>…</a>" walked in a box: the
            self._markup.clear()  # teaser's label and its link are no words
            self._markup_copied = False
            return
        if tag == "br":
            self._text.append(BR_MARK)
            self._markup.append("<br>")
            return
        if self._text and tag in _BAR_ITEM_TAGS and _glued_to_previous(child):
            self._text.append(BR_MARK)  # a bar's next control: a line of its own
            self._markup.append("<br>")
        if walks.holds(child, _BREAKING_TAGS):
            self.walk(child)  # its images, embeds or line breaks need the slow path
        else:
            self._text.append(raw_text(child))
            self._markup.append(outer_html(child))
            self._markup_copied = True

    def _after_teaser_label(self) -> bool:
        if self._last_plain is not None:
            return is_teaser_label(self._last_plain)
        return self._teaser_label

    def _leads_on(self) -> bool:
        """Whether the words so far end by pointing to what follows ("Read the preview:")."""
        last = (
            "".join(self._text).rstrip()
            if self._text
            else (self.paragraphs[-1] if self.paragraphs else "")
        )
        return last.endswith(":")

    # Paragraphs -----------------------------------------------------------------------------

    def _add_text(self, text: str) -> None:
        self._text.append(text)
        self._markup.append(escape_text(text))

    def flush(self) -> None:
        """Close the run of inline content gathered so far as one paragraph."""
        if not self._text:
            return
        text = strip_placeholders(normalise_lines("".join(self._text)))
        markup = "".join(self._markup)
        copied = self._markup_copied
        self._text.clear()
        self._markup.clear()
        self._markup_copied = False
        if not text:
            return
        embed = media.bare_url_embed(text)
        if embed is not None:
            self.media.append(embed)
            return
        self._paragraph(text, "<p>" + markup + "</p>", copied)

    def _plain_paragraphs(self, raws: list[str]) -> None:
        """Plain paragraphs in a row, read as one: what _paragraph does to each, in bulk."""
        kept, to_escape = paragraph_texts(raws)
        self._teaser_label, self._last_plain = False, raws[-1]
        if kept and any(text[:1] in "IiMmVv" for text in kept):
            labelled = []
            for n, text in enumerate(kept):
                if n:
                    self._video_at = None  # (past the line right after a video)
                if rest := self._media_label(text):
                    labelled.append(rest)
            kept = labelled
        if self.headline and not self.paragraphs:
            while kept and kept[0] == self.headline:
                del kept[0]  # the headline repeated
        if not kept:
            return
        markup = [escape_text(text) for text in kept] if to_escape else kept
        self.paragraphs.extend(kept)
        self.html += ("<p>", "</p><p>".join(markup), "</p>")

    def _block(self, element: Element, tag: str) -> None:
        if tag in _HOLDING_BLOCKS and any(child.tag in _TEXT_BLOCKS for child in element):
            self.walk(element)  # a definition's heading and paragraphs: each its own
            self.flush()
            return
        if self._skipped and walks.node_id(element) in self._holders():
            self.walk(element)  # a block holding a skipped time or byline: its words alone
            self.flush()
            return
        if len(element):
            links = list(element.iter("a"))
            shares = [link for link in links if is_share_href(link.get("href"))]
            if tag in ("ul", "ol") and len(shares) >= 2 and len(shares) * 2 >= len(links):
                return  # a share bar (its "Copy link" and "Email" items are no words either)
            for link in shares:
                drop_tree(link)
        if len(element) and _labelled_teaser(element):
            return  # "<span>Lesen Sie auch</span> <a>…</a>": a teaser's label and its link
        if len(element) and next(element.iter("button"), None) is not None:
            element = _without_buttons(element)
        if tag in ("ul", "ol"):
            if self._after_teaser_label() and _links_alone(element):
                self._teaser_label, self._last_plain = False, None
                return  # the links a "See also" heads
            items = [_item_text(li) for li in element.iterchildren("li")]
            text = "\n".join(t for t in items if t) or text_of(element)
        elif tag == "table":  # a row a line, its cells apart
            rows = [_row_text(row) for row in element.iter("tr")]
            text = "\n".join(r for r in rows if r) or text_of(element)
        elif tag == "p" and _glued_bar(element):
            text = "\n".join(text_of(item) for item in element)
        else:
            text = text_of(element)
        cleaned = strip_placeholders(text)
        if tag in _KEEP_BLOCK_TAG and cleaned == text:
            if len(element):
                self._paragraph(cleaned, outer_html(element), copied=True)
            else:  # what the sanitiser makes of the element: its tag and its text
                inner = escape_text(element.text or "")
                self._paragraph(cleaned, f"<{tag}>{inner}</{tag}>", copied=False)
        else:
            markup = "<p>" + escape_text(cleaned).replace("\n", "<br>") + "</p>"
            self._paragraph(cleaned, markup, copied=False)

    def _holders(self) -> Set[object]:
        if self._skip_holders is None:
            self._skip_holders = walks.node_ids(a for e in self._skipped for a in e.iterancestors())
        return self._skip_holders

    def _paragraph(self, text: str, markup: str, copied: bool) -> None:
        self._last_plain = None
        if not text or is_boilerplate(text):
            self._teaser_label = bool(text) and is_teaser_label(text)
            return
        self._teaser_label = False
        if text[:1] in "IiMmVv" and (rest := self._media_label(text)) != text:
            if not rest:
                return
            text, markup, copied = rest, "<p>" + escape_text(rest) + "</p>", False
        if not self.paragraphs and self.headline and text == self.headline and "<a " not in markup:
            return  # the headline repeated; a link to the story it names is content
        self.paragraphs.append(text)
        self.html.append(markup)
        self.copied = self.copied or copied

    def _media_label(self, text: str) -> str:
        """What is left of a line that opens with one of the BBC's labels for screen readers
        beside media, out of the media's box. "Image source, Getty Images" is the credit of
        the picture before it, if it has none, and never a word of the post (""). "Media
        caption, …" right after a video without a caption is that caption (""), elsewhere
        the line's words without the label. A line whose words after the label open with no
        capital, or run longer than a credit or end as a sentence does, is a sentence, kept as
        it is, as is any other line."""
        if label := media.CREDIT_LABEL.match(text):
            rest = text[label.end() :].strip()
            if (
                not _opens_as_named(rest)
                or len(rest.split()) > _CREDIT_WORDS
                or (rest[-1:] in ".!?" and " " in rest)
            ):
                return text  # a sentence that opens with the words ("Image source, the …")
            last = self.media[-1] if self.media else None
            if last is not None and last["type"] == media.IMAGE and not last["credit"]:
                self.media[-1] = {**last, "credit": clean_credit(rest)}
            return ""
        label = media.VIDEO_CAPTION_LABEL.match(text)
        if label is None:
            return text
        caption = text[label.end() :].strip()
        if not _opens_as_named(caption):
            return text  # a sentence that opens with the words ("Media caption, as …")
        if caption and self._video_at == (len(self.paragraphs), len(self.media)):
            self.media[-1] = {**self.media[-1], "text": caption}
            self._video_at = None
            return ""
        return caption

    # Media ----------------------------------------------------------------------------------

    def _gallery(self, box: Element) -> None:
        """Each picture of a gallery once (a looping carousel's copies of its slides are no
        more pictures), its own caption or else the gallery's."""
        caption_el = media.gallery_caption(box) if box.tag == "figure" else None
        first = len(self.media)
        if caption_el is not None:
            self.skip_nodes.add(walks.node_id(caption_el))
        self.walk(box)
        self.flush()
        caption, credit = ("", None)
        if caption_el is not None:
            caption, credit = split_credit(text_of(caption_el))
        seen: set[str] = set()
        given = []
        for record in self.media[first:]:
            url = record.get("url") if record["type"] == media.IMAGE else None
            if url and url in seen:
                continue  # (a carousel's copy of a slide)
            if url:
                seen.add(url)
            if record["type"] == media.IMAGE and not record["caption"] and caption:
                record = media.image_record(url, caption, record["credit"] or credit)
            given.append(record)
        self.media[first:] = given

    def _image(self, element: Element) -> None:
        record = media.image_media(element, self.base_url)
        if record is None:
            return
        if not record["caption"] and element.tag == "img":
            beside = media.caption_beside(element)
            if beside is not None:  # its caption in the line after it: no word of the post's
                caption, credit = split_credit(text_of(beside))
                record = media.image_record(record["url"], caption, record["credit"] or credit)
                self.skip_nodes.add(walks.node_id(beside))
        self.media.append(record)
        url = record["url"]
        if url:
            caption = escape_text(record["caption"] or "")  # as text; as an attribute, below
            alt = caption.replace('"', "&quot;")  # what escape_attribute makes of it
            self.html.append(
                f'<figure><img src="{escape_attribute(url)}" alt="{alt}">'
                + (f"<figcaption>{caption}</figcaption>" if caption else "")
                + "</figure>"
            )
            self.copied = self.copied or not is_plain_url(url)

    def _quote(self, element: Element) -> None:
        texts, paragraphs, attribution = media.quote_parts(element)
        if not texts:
            return
        if attribution is None and (beside := media.attribution_beside(element)) is not None:
            attribution = clean_attribution(text_of(beside))
            self.skip_nodes.add(walks.node_id(beside))  # no word of the post's
        # A quotation's call to follow ("Follow us on Instagram") is its speaker's, not the paper's.
        kept = [
            (t, p)
            for t, p in zip(texts, paragraphs, strict=True)
            if not is_boilerplate(t) or is_call_to_follow(t)
        ]
        if not kept:
            return
        self.paragraphs.extend(t for t, _ in kept)
        inner = []
        for text, paragraph in kept:
            if paragraph.tag != "p":
                inner.append("<p>" + escape_text(text) + "</p>")
            elif len(paragraph):
                inner.append(outer_html(paragraph))
                self.copied = True
            else:  # what the sanitiser makes of a paragraph of text: its text, unchanged
                inner.append("<p>" + escape_text(paragraph.text or "") + "</p>")
        self.html.append("<blockquote>" + "".join(inner) + "</blockquote>")
        self.media.append(
            {"type": "quote", "text": "\n\n".join(t for t, _ in kept), "attribution": attribution}
        )

    # Result ---------------------------------------------------------------------------------

    def body_text(self) -> str:
        """Paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)

    def body_html(self) -> str:
        """The body's markup, sanitised against the allow-list."""
        markup = "".join(self.html)
        if BR_MARK in markup:  # text_of marks <br> tails in the tree it serialises
            markup = markup.replace(BR_MARK, "")
        return finish_html(markup, self.base_url, own=not self.copied)


def _opens_as_named(words: str) -> bool:
    """Whether words open as a caption or a credit the BBC labels does: a capital, a digit."""
    return words[:1].isupper() or words[:1].isdigit()


# Words of a picture's credit, at most ("Ministry of Defence of Ukraine/Handout via Reuters").
_CREDIT_WORDS = 10


def _glued_to_previous(item: Element) -> bool:
    """Whether an inline element follows its sibling with no space between, in a bar of
    controls (`_glued_bar`)."""
    before = item.getprevious()
    if before is None or before.tail:
        return False
    box = item.getparent()
    return box is not None and _glued_bar(box)


def _glued_bar(box: Element) -> bool:
    """Whether a box holds nothing but a few short links, buttons or spans side by side with
    no space between, each after the first opening with a capital (`<span>Teilen</span><span>
    Link kopieren</span>`): a bar of controls or labels that CSS sets apart, each a line of its
    own, where their words read together make one word ("TeilenLink kopieren"). An item of one
    character with another after it is a drop cap, a word's letter or a number's digit, no
    bar's."""
    if not 2 <= len(box) <= _BAR_ITEMS or (box.text and not box.text.isspace()):
        return False
    last = len(box) - 1
    ended = ended_item = ""
    for n, item in enumerate(box):
        if item.tag not in _BAR_ITEM_TAGS or (n < last and item.tail):
            return False
        words = raw_text(item)
        if not words or len(words) > _BAR_ITEM_LENGTH or words.isspace():
            return False
        if n and (ended.isspace() or not (words[0].isupper() or words[0].isdigit())):
            return False
        if n and len(ended_item) == 1:
            return False  # a drop cap, a word a letter a box, a number a digit a box: one word
        ended, ended_item = words[-1], words
    return True


_BAR_ITEM_TAGS = frozenset({"a", "span", "button"})
_BAR_ITEMS = 8  # controls in a bar, at most
_BAR_ITEM_LENGTH = 40  # characters of a control's words, at most


@lru_cache(maxsize=4096)
def _is_chrome(cls: str) -> bool:
    """A class that names chrome (a share bar, an ad) and not an embedded post."""
    return is_chrome_class(cls) and not media.is_embed_class(cls)


_RULES = walks.WalkRules(
    ignored=_IGNORED_TAGS,
    inline=_INLINE,
    text_blocks=_TEXT_BLOCKS,
    classified=media.CLASSIFIED_TAGS,
    rich=media.RICH_TAGS,
    is_chrome=_is_chrome,
    classify=media.classify,
)


def _without_buttons(element: Element) -> Element:
    """A copy of a block without its buttons, whose labels are controls, never words (a
    reddit live update's "report" and "strike" in its list of buttons): prepare() keeps
    buttons in the tree, and the walk passes over those it meets, not those in a block."""
    element = deepcopy(element)
    for button in list(element.iter("button")):
        drop_tree(button)
    return element


def _item_text(item: Element) -> str:
    """A list item's text; paragraphs inside it apart, not run together."""
    if not any(child.tag in _TEXT_BLOCKS for child in item):
        return text_of(item)
    parts = [normalise_text(item.text)]
    for child in item:
        if isinstance(child.tag, str):
            parts.append(text_of(child))
        parts.append(normalise_text(child.tail))
    return " ".join(part for part in parts if part)


def _is_teaser_card(link: Element) -> bool:
    """A link of a card's or teaser's class holding a picture and a title (Sky TG24's
    `a.c-inline-card`): another story's teaser, no word or picture of the post, unless the
    post's words lead to it ("Przeczytaj zapowiedź tego spotkania:", BodyWriter._leads_on)."""
    cls = link.get("class")
    href = (link.get("href") or "").strip()
    return (
        bool(cls)
        and _CARD_CLASS.search(cls) is not None
        and bool(href)
        and not href.startswith("#")  # another page's, not a picture's of this one
        and not _PICTURE_FILE.search(href)
        and walks.holds(link, media.PICTURE_TAGS)
    )


_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.I)


_CARD_CLASS = re.compile(r"card|teaser", re.I)


def _labelled_teaser(element: Element) -> bool:
    """Whether a block says a teaser's label and, beside it, links alone (no colon between:
    "Lesen Sie auch Blinken in Kiew…", the title a link)."""
    links = [text_of(a) for a in element.iter("a")]
    if not any(links):
        return False
    label = text_of(element)
    for text in links:
        label = label.replace(text, " ", 1)
    return is_teaser_label(label.strip())


def _links_alone(element: Element) -> bool:
    """Whether every word of the element is a link's (a bullet or a bar aside)."""
    linked = sum(_visible(a) for a in element.iter("a"))
    return linked > 0 and _visible(element) - linked <= _LINKS_SLACK


_LINKS_SLACK = 3  # characters beside the links: bullets, bars


def _visible(element: Element) -> int:
    return sum(not c.isspace() for c in raw_text(element))


def _row_text(row: Element) -> str:
    """A table row's cells, each its own text, apart."""
    cells = [text_of(cell) for cell in row if cell.tag in ("td", "th")]
    return " ".join(c for c in cells if c)


def render_body(
    container: Element,
    base_url: str,
    skip: Iterable[Element] = (),
    headline: str | None = None,
) -> tuple[str, str, list[dict[str, Any]]]:
    """(body_text, body_html, media) of an update body."""
    writer = BodyWriter(base_url, skip, headline)
    writer.walk(container)
    writer.flush()
    return writer.body_text(), writer.body_html(), writer.media


# Buttons stay in the tree (the walk skips them): CNN puts a post's URL on its share button.
_PREPARE_TAGS = tuple(tag for tag in STRIP_TAGS if tag != "button")


def prepare(entry: Element, tags: Set[str] | None = None) -> Element:
    """Remove scripts, styles and form controls from a tree (or an entry) before it is read.

    `tags`, when known (the page's survey), are those the tree holds: a walk of a big page
    costs however little it finds, and none is taken for a tag the tree lacks.
    """
    # An embed held back until the reader consents to its provider (Sourcefabric Live Blog's
    # `lb_consent--awaiting`) is content, not a template of the page's own. A walk by tag
    # costs nothing on a page without the tag, where a `//` XPath walks the whole tree.
    if tags is None or "template" in tags:
        for template in list(entry.iterdescendants("template")):
            if "consent" in (template.get("class") or ""):
                template.tag = "div"
    if tags is None or "noscript" in tags:
        for noscript in list(entry.iterdescendants("noscript")):
            _lend_picture(noscript)
    stripped = _PREPARE_TAGS if tags is None else [tag for tag in _PREPARE_TAGS if tag in tags]
    if stripped:
        etree.strip_elements(entry, *stripped, with_tail=False)
    return entry


def _lend_picture(noscript: Element) -> None:
    """A lazy-loaded picture's real source, kept in the `<noscript>` beside it for browsers
    without scripts (`<img src="grey.gif"><noscript><img src="real.jpg"></noscript>`): given
    to the image the page shows, as the lazy loader would, before the `<noscript>` goes.
    Where the page shows no image in its place but a placeholder a script replaces
    (react-datocms: a blurred `div`, then `<noscript><picture>…</picture></noscript>`), the
    `<noscript>`'s picture is the one the page shows."""
    shown = noscript.getprevious()
    inner = next(noscript.iter("img"), None)
    if inner is None or not inner.get("src"):
        return
    if shown is not None and shown.tag == "img":
        if not any(shown.get(name) for name in media.LAZY_SOURCES):
            shown.set("data-src", inner.get("src") or "")
        return
    parent = noscript.getparent()
    if (
        parent is not None
        and "1" not in (inner.get("width"), inner.get("height"))  # (a tracker's pixel)
        and not raw_text(noscript).strip()
        and next(parent.iterchildren("img"), None) is None  # (no picture shown beside it)
    ):
        noscript.tag = "div"  # (kept, where every <noscript> goes)


def drop_screen_reader_labels(root: Element, classes: Iterable[str]) -> None:
    """Remove the words a page prints for screen readers alone ("Posted at", "Update:",
    "(opens in a new window)", "Copy link to this post": `visually-hidden`, `sr-only`,
    `screen-reader-text`): no reader of the page sees them, so they are no word of a post or
    its headline. The BBC's "Image source, " and "Media caption, " stay, for the media to
    read their credit and caption by. One holding a digit stays: the full date a page gives screen readers beside
    "2 hours ago" is a time, and a score a page shows as a graphic ("Arsenal 2, Chelsea 1",
    "2–1") is the post's; but a lone number that states no time where a page clock reads one,
    a zone's offset in minutes ("-330"), goes. `classes` are the page's class attributes (its
    survey): only those that name such words are looked for."""
    clock = _PAGE_CLOCK.get()
    for element in _classed(root, classes, _SCREEN_READER_CLASS):
        text = raw_text(element)
        if media.is_media_label(text):
            continue  # (what it labels is read by it: a picture's credit, a video's caption)
        if not any(c.isdigit() for c in text) or (
            clock is not None and _LONE_NUMBER.match(text) and not _states_time(clock, text)
        ):
            drop_tree(element)


_LONE_NUMBER = re.compile(r"\s*[-+\u2212]?\d+\s*$")


def drop_hidden(root: Element) -> None:
    """Remove the short words a page keeps out of sight by its markup: an element with the
    `hidden` attribute or an inline style of `display: none` or `visibility: hidden` (a zone's
    offset a script reads, "-330"; a "Link copied" that shows once the link is copied), where
    they are a label's few words, hold no link, picture or embed and state no time (a script's
    epoch or date for "2 hours ago" stays, and so does any attribute that names a time). Longer
    words hidden so are a post's rest behind "Read more", a reader's to open, and stay; so do
    words `aria-hidden` hides from screen readers alone, which every reader of the page sees,
    and `hidden="until-found"`, which a search of the page opens; and so do a paragraph, a
    heading, a list's item or a quote kept hidden (a quiz's answer behind "Reveal answer"),
    and what a control names as the words it opens (`aria-controls`: a spoiler behind "Show
    spoiler"): a reader opens them."""
    clock = _PAGE_CLOCK.get()
    opened: set[str] | None = None  # the ids controls open, looked up at the first hidden box
    for element in dict.fromkeys(attribute.getparent() for attribute in _HIDDEN_PATH(root)):
        if element.getparent() is None or not _out_of_sight(element):
            continue
        if opened is None:
            opened = {name for named in _CONTROLS_PATH(root) for name in str(named).split()}
        if element.get("id") in opened or walks.holds(element, _HIDDEN_PASSAGES):
            continue
        text = raw_text(element)
        if (
            len(text.split()) <= _HIDDEN_WORDS
            and len(text) <= _HIDDEN_CHARACTERS
            and not walks.holds(element, _HIDDEN_KEEPS)
            and not _names_time(element)
            and not (clock is not None and _states_time(clock, text))
            and not (clock is None and any(c.isdigit() for c in text))
        ):
            drop_tree(element)


def _out_of_sight(element: Element) -> bool:
    """Whether the element's own markup keeps it out of sight: `hidden` (not "until-found"),
    or the last `display` of its inline style `none`, or its `visibility` hidden."""
    hidden = element.get("hidden")
    if hidden is not None and hidden.strip().lower() != "until-found":
        return True
    style = element.get("style")
    if not style:
        return False
    shown: dict[str, str] = {}
    for declaration in style.lower().split(";"):
        name, colon, value = declaration.partition(":")
        if colon:
            shown[name.strip()] = value.replace("!important", "").strip()
    return shown.get("display") == "none" or shown.get("visibility") in ("hidden", "collapse")


def _names_time(element: Element) -> bool:
    """Whether the element or one inside it names a time in an attribute (`datetime`, a
    `data-timestamp`): what a script shows as the post's time."""
    for node in element.iter(etree.Element):
        for name in node.attrib:
            if name == "datetime" or (
                name.startswith("data-") and any(k in name for k in TIME_NAMES)
            ):
                return True
    return False


def _states_time(clock: PageClock, text: str) -> bool:
    """Whether a short text states a time the page clock reads (a date, a clock, how long
    ago), or is an epoch a script reads."""
    plain = text.strip()
    return (plain.isdecimal() and len(plain) in (10, 13)) or clock.read(
        plain[:_SHOWN_TEXT]
    ) is not None


# The attributes, each found on its own axis (a few times quicker on a big page than
# `//*[@hidden or @style]`, which tests every element), whose elements may be out of sight.
# `//*/@…` walks the elements alone (libxml2 reads it as one descendant axis), where `//@…`
# steps through every text node too: a third fewer instructions, the same attributes.
_HIDDEN_PATH = etree.XPath("//*/@hidden | //*/@style")
_CONTROLS_PATH = etree.XPath("//*/@aria-controls")
_HIDDEN_PASSAGES = HEADINGS | frozenset({"p", "li", "dd", "blockquote"})
_HIDDEN_WORDS = 4  # words of a hidden label at most: a post's hidden rest says more
_HIDDEN_CHARACTERS = 40
_HIDDEN_KEEPS = media.RICH_TAGS | frozenset({"a", "img", "picture", "video", "iframe"})
# What a data attribute that holds a time names (`data-timestamp`, `data-published`).
TIME_NAMES = ("time", "date", "stamp", "updated", "published")


def drop_reaction_counts(root: Element, classes: Iterable[str]) -> None:
    """Remove readers' reactions under a post (a box whose class names a post's reactions or
    a reaction's or a like's count: "❤️ 37", "12 likes"), no word of it; a box of that class
    whose line is sentences holds the reactions the post reports, its words. `classes` as for
    drop_screen_reader_labels."""
    for element in _classed(root, classes, REACTIONS_CLASS):
        if (
            element.getparent() is not None
            and walks.text_length(element, _REACTIONS_MOST) < _REACTIONS_MOST
            and is_reaction_counts(raw_text(element))
        ):
            drop_tree(element)


_REACTIONS_MOST = 200  # characters of a row of reactions' names and counts, at most


def emoji_as_text(root: Element, classes: Iterable[str]) -> None:
    """Put an emoji a script draws as a picture back as its character (WordPress's and
    Twemoji's `<img class="emoji" alt="⚽">`, WordPress's `img.wp-smiley`): the reader sees a
    character of the line, no picture of the post. `classes` as for
    drop_screen_reader_labels."""
    for element in _classed(root, classes, _EMOJI_CLASS):
        if element.tag == "img" and element.getparent() is not None:
            alt = element.get("alt") or ""
            smiley = "wp-smiley" in (element.get("class") or "")  # (":D", ":mrgreen:")
            if not smiley and not _is_emoji(alt, element.get("src") or ""):
                continue  # (a picture a theme classes "emoji": the post's)
            element.tail = alt + (element.tail or "")
            drop_tree(element)


def _is_emoji(alt: str, src: str) -> bool:
    """Whether an img's alt is an emoji's character (no letter in it), or, where it has none,
    its address an emoji set's: what a script draws in a line."""
    if not alt.strip():
        return "emoji" in src.lower() or "smilies" in src.lower()
    return len(alt) <= _EMOJI_MOST and not any(char.isalpha() for char in alt)


_EMOJI_CLASS = re.compile(r"(?:^|\s)(?:emoji|wp-smiley)(?:$|\s)")
_EMOJI_MOST = 16  # characters of an emoji's alt, at most (a family, a flag with its marks)


def drop_icon_ligatures(root: Element, classes: Iterable[str]) -> None:
    """Remove the names an icon font draws as glyphs (Google's Material Icons and Symbols:
    "schedule", "share", "open_in_new" in `span.material-icons`): the reader sees an icon, no
    word. Only a name is dropped, one word of small letters, digits and underscores; other
    words in such a box stay. `classes` as for drop_screen_reader_labels."""
    for element in _classed(root, classes, _ICON_FONT_CLASS):
        if element.getparent() is not None and _LIGATURE.match(raw_text(element)):
            drop_tree(element)


# Classes of the icon fonts whose glyphs are named by ligatures (Material Icons' `material-icons`,
# `material-icons-outlined`, Material Symbols' `material-symbols-rounded`).
_ICON_FONT_CLASS = re.compile(r"(?:^|\s)material-(?:icons|symbols)(?:-[a-z]+)?(?:$|\s)")
_LIGATURE = re.compile(r"\s*[a-z0-9_]{1,40}\s*$")


def drop_embed_standins(root: Element, classes: Iterable[str]) -> None:
    """Remove what an embed's box says until its script draws the embed ("Loading tweet…",
    "Please enable JavaScript to view this content.": media.is_embed_standin), and make Getty
    Images' link that its script replaces with the picture's frame (`a.gie-single`, "Embed
    from Getty Images") that frame: an embed of the picture's page, no word. `classes` as for
    drop_screen_reader_labels."""
    for element in _classed(root, classes, media.EMBED_CLASS):
        if element.getparent() is not None and media.is_embed_standin(element):
            drop_tree(element)
    for element in _classed(root, classes, _GETTY_CLASS):
        href = element.get("href")
        if element.tag == "a" and href:
            for child in list(element):
                element.remove(child)
            element.tag, element.text = "iframe", None
            element.set("src", href)


# The class of Getty Images' embed code's link (gie: its widget's name), one picture or several.
_GETTY_CLASS = re.compile(r"(?:^|\s)gie-(?:single|slideshow)(?:$|\s)")


def drop_consent_placeholders(root: Element, classes: Iterable[str]) -> None:
    """Remove what stands in for an embed until the reader agrees to its provider's cookies
    (NU.nl's `consent_required`: "Deze inhoud kan helaas niet worden getoond…", a link to the
    cookie settings): a box whose class says consent, holding no embed or picture of its own,
    a few sentences at most and the control that asks (a link or a button). `classes` as for
    drop_screen_reader_labels."""
    for element in _classed(root, classes, _CONSENT_CLASS):
        if element.getparent() is None:
            continue  # (inside one dropped already)
        if walks.holds(element, _CONSENT_KEEPS):
            continue  # the embed itself, shown once the reader agrees
        if walks.text_length(element, _CONSENT_WORDS) < _CONSENT_WORDS and walks.holds(
            element, _CONSENT_CONTROLS
        ):
            drop_tree(element)


def _classed(root: Element, classes: Iterable[str], pattern: re.Pattern[str]) -> list[Element]:
    """The elements whose class attribute is one of `classes` that `pattern` finds."""
    found: list[Element] = []
    for cls in {c for c in classes if pattern.search(c)}:
        if '"' in cls and "'" in cls:
            continue  # no XPath literal holds both; no class of a real page does
        try:
            found += root.iterfind(f".//*[@class={_xpath_string(cls)}]")
        except (SyntaxError, ValueError):  # a class no path can name (a control character)
            continue
    return found


# Classes that hide words from sight and leave them to screen readers.
_SCREEN_READER_CLASS = re.compile(
    r"(?:^|[\s_-])(?:visually-?hidden|sr-only|sr-text|screen-?reader(?:-text|-only)?|"
    r"a11y-hidden|hidden-visually|element-invisible|u-vh)(?:$|[\s_-])",
    re.I,
)
# Classes of what stands in for an embed until the reader consents to its cookies.
_CONSENT_CLASS = re.compile(r"consent|cookie-?wall|privacy-?(?:wall|placeholder)", re.I)
_CONSENT_KEEPS = media.RICH_TAGS
_CONSENT_WORDS = 400  # characters a placeholder says at most: a notice and a button
_CONSENT_CONTROLS = frozenset({"a", "button"})


def _xpath_string(value: str) -> str:
    """A string as an XPath literal: in the quotes it does not hold."""
    return f'"{value}"' if '"' not in value else f"'{value}'"


# The clock of the page the adapters are reading (page.py sets it around them): what their
# posts' shown times are read with.
_PAGE_CLOCK: ContextVar[PageClock | None] = ContextVar("page_clock", default=None)
# The id() of each post an adapter dated by how long ago it shows ("2 hours ago"): a time good
# to its hour, which a precise one of structured data within it refines (instant.merged).
# (The posts themselves are held: an id() stays theirs while they live, even those of an
# adapter whose reading was set aside.)
_ROUGH: ContextVar[list[Update] | None] = ContextVar("rough_times", default=None)


@contextmanager
def reading_times(clock: PageClock) -> Iterator[None]:
    """While this holds, adapters' html_update calls read the times their posts show, and a
    machine time without a zone is read in the page's (instant.machine_time)."""
    token = _PAGE_CLOCK.set(clock)
    rough = _ROUGH.set([])
    try:
        with instant.page_zone(clock.zone):
            yield
    finally:
        _ROUGH.reset(rough)
        _PAGE_CLOCK.reset(token)


def rough_times() -> frozenset[int]:
    """The id() of each post html_update dated by how long ago it shows, while reading_times
    holds."""
    return frozenset(id(update) for update in _ROUGH.get() or ())


def seen_time(shown: Element | None, machine: str | None) -> str | None:
    """A post's time from its markup (`machine`), or, where the markup gives none, the one it
    shows its readers (the text of `shown`, read in the page's zone; a clock alone on the
    page's day). A shown clock never overrides the markup's time here: a server that renders
    its clocks in UTC (Tickaroo's) prints the digits a local time labelled UTC would."""
    return _seen(shown, machine)[0]


def _seen(shown: Element | None, machine: str | None) -> tuple[str | None, str | None]:
    """seen_time, and where it came from (Update.published_from): how long ago the post
    shows (good to its hour), a clock alone put on a day, or (None) an instant."""
    clock = _PAGE_CLOCK.get()
    if machine is not None or shown is None or clock is None:
        return machine, None
    reading = clock.read(text_of(shown)[:_SHOWN_TEXT])
    if reading is None:
        return None, None
    if reading.utc:
        ago = reading.kind == "relative" and reading.clock is None
        return reading.utc, TIME_AGO if ago else None
    if not reading.clock:
        return None, None
    return clock.place_clocks([reading.clock])[0], TIME_CLOCK


_SHOWN_TEXT = 100  # characters of a time's element read: a label and a time, not a paragraph


def _printed_instant(shown: Element | None) -> str | None:
    """The instant an element prints whole, a date and a clock ("23. Februar 2025 19:50"), as
    a post's edit line does: none for how long ago, a clock alone or a date alone."""
    clock = _PAGE_CLOCK.get()
    if shown is None or clock is None:
        return None
    reading = clock.read(text_of(shown)[:_SHOWN_TEXT])
    if reading is None or reading.kind != "full" or reading.clock is None:
        return None
    return reading.utc


def html_update(
    *,
    page_url: str,
    body: Element | None,
    source_id: str | None = None,
    headline: str | None = None,
    skip: Iterable[Element] = (),
    published_at: str | None = None,
    shown: Element | None = None,
    modified_at: str | None = None,
    modified_shown: Element | None = None,
    authors: list[str] | None = None,
    pinned: bool = False,
    base_url: str | None = None,
    permalink: str | None = None,
    key_event: bool = False,
    removed: bool = False,
    source: str = "html",
) -> Update:
    """The Update an adapter describes: it found the parts, this reads the body, and, where
    `shown` prints the post's time, the time its readers see (seen_time); where only
    `modified_shown` prints its last edit, the instant it prints."""
    published_from = None
    if modified_at is None:
        modified_at = _printed_instant(modified_shown)
    if shown is not None:
        published_at, published_from = _seen(shown, published_at)
    text, markup, found = (
        ("", "", []) if body is None else render_body(body, base_url or page_url, skip, headline)
    )
    if permalink is None and source_id:
        permalink = f"{without_fragment(page_url)}#{source_id}"
    truncated = is_stub(body, page_url, permalink)
    update = Update(
        source_id=source_id,
        headline=headline or None,
        body_text=text,
        body_html=markup,
        published_at=published_at,
        published_from=published_from if published_at else None,
        modified_at=modified_at,
        authors=authors or [],
        media=found,
        permalink=permalink,
        pinned=pinned,
        key_event=key_event,
        removed=removed,
        fidelity=FIDELITY_HTML,
        sources=[source],
        truncated=truncated,
    )
    if published_from == TIME_AGO and (dated := _ROUGH.get()) is not None:
        dated.append(update)
    return update
