"""Images, embeds and quotes inside an update, as media records of their own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml import etree

from archive.records import EMBED_HOSTS
from crawler.extract import walks
from crawler.extract.clean import (
    clean_attribution,
    clean_credit,
    is_boilerplate,
    normalise_text,
    split_credit,
    strip_placeholders,
)
from crawler.extract.dom import Element, absolute, host_of, text_of

IMAGE_TAGS = frozenset({"img", "amp-img", "picture", "figure"})
EMBED_TAGS = frozenset(
    {
        "iframe",
        "video",
        "audio",
        "embed",
        "object",
        "amp-twitter",
        "amp-youtube",
        "amp-instagram",
        "amp-facebook",
        "amp-iframe",
        "amp-video",
        "amp-video-iframe",
        "amp-vimeo",
        "amp-tiktok",
        "video-js",  # Brightcove's player
        "lite-youtube",  # (lite-youtube-embed: the player drawn once the reader clicks)
        "lite-vimeo",
    }
)
# Tags under which a paragraph is not plain text and must be walked, not copied.
RICH_TAGS = frozenset({"img", "amp-img", "picture", "figure", "blockquote"}) | EMBED_TAGS
PICTURE_TAGS = frozenset({"img", "amp-img", "picture"})
_BLOCKQUOTE = frozenset({"blockquote"})
_VIDEO_TAGS = frozenset(
    {
        "video",
        "amp-video",
        "amp-youtube",
        "amp-vimeo",
        "amp-video-iframe",
        "video-js",
        "lite-youtube",
        "lite-vimeo",
    }
)
_EMBED_CLASS = re.compile(r"tweet|instagram-media|tiktok|fb-post|fb-video|bluesky|embed", re.I)
EMBED_CLASS = _EMBED_CLASS
# A box that names a picture, or its caption (WordPress's `div.wp-caption` holds both).
_IMAGE_CLASS = re.compile(r"image|photo|picture|gallery|caption", re.I)
# A box of a picture and its caption that calls itself a visual (La Presse's `div.visual`): the
# class word, or one that ends in it (`article__visual`), not `post-visual-text-row`.
_VISUAL_CLASS = re.compile(r"(?:^|\s)(?:\S*[-_])?visual(?:$|\s)", re.I)
# A box that holds a video: a player, or a thumbnail linked to the video's page, and its title
# at most (NOS's `div.block_video`, BFMTV's `div.video_block`, franceinfo's
# `media-embed--video`).
_VIDEO_CLASS = re.compile(r"video|brightcove", re.I)  # ("player" names footballers too)
_VIDEO_BOX_WORDS = 200  # characters a video's box may say: its title, a "Watch" link
# What names a video's title in its box; the blocks of a post's words beside it.
_TITLE_CLASS = re.compile(r"caption|title|headline", re.I)
_WORDS_TAGS = ("p", "h2", "h3", "h4", "ul", "ol", "blockquote")
# Elements that may stand for an image, an embed or a quote through their class or attributes.
_CONTAINER_TAGS = frozenset({"div", "section", "aside", "span", "p", "blockquote", "article", "dl"})
# The tags classify() may say something of: for any other it answers None.
CLASSIFIED_TAGS = EMBED_TAGS | IMAGE_TAGS | _CONTAINER_TAGS
_EMBED_URL_ATTRS = (
    "data-embed-url",
    "data-embedded-content-path",
    "data-canonical-url",
    "data-url",
    "data-href",
    "data-instgrm-permalink",
    "data-text-post-permalink",  # (Threads' embed code)
    "data-video-url",
    "data-src",
    "data-lazy-src",  # (WP Rocket's and Future's lazy iframes, no `src` until scrolled to)
    "cite",
    "src",
)
_VIDEO_PROVIDERS = frozenset({"youtube", "vimeo", "dailymotion"})
_ATTRIBUTION_CLASS = re.compile(r"attribution|author|source|cite", re.I)
_NOT_CAPTION = re.compile(r"without|no-?caption")
_BARE_URL = re.compile(r"^https?://\S+$")
_STATUS = re.compile(r"/status(?:es)?/\d+")
# A link to one post on a platform: a tweet's status, a Bluesky or Threads post, a Reddit thread.
_POST_LINK = re.compile(r"/status(?:es)?/\d+|/post/[\w-]+|/comments/\w+")

IMAGE, EMBED, QUOTE = "image", "embed", "quote"
GALLERY = "gallery"  # a box of several pictures: each of them, once
# The one shape of each kind of media record, whichever adapter or source made it: analysts
# query these keys in the archive's JSON column, so every record carries all of them.
MEDIA_KEYS: dict[str, tuple[str, ...]] = {
    "image": ("type", "url", "caption", "credit"),
    "embed": ("type", "url", "provider", "text"),
    "video": ("type", "url", "provider", "text"),
    "quote": ("type", "text", "attribution"),
}


def image_record(url: str | None, caption: str | None, credit: str | None) -> dict[str, Any]:
    """{"type": "image", "url", "caption", "credit"}."""
    if caption and caption[:1] in "IiMmVv" and (label := _CAPTION_LABEL.match(caption)):
        caption = caption[label.end() :]
    return {"type": "image", "url": url, "caption": caption or None, "credit": credit or None}


# What the BBC prints before a caption for screen readers alone ("Image caption, Crowds…"), in
# sight where its class is gone: no word of the caption.
_CAPTION_LABEL = re.compile(r"(?:image|media|video) caption,\s*", re.I)
# The BBC's labels for screen readers before a picture's credit ("Image source, Getty
# Images", bbc/simorgh's `Copyright`) and a video's caption ("Media caption, …"): the words
# after them are the credit, the caption, whether a class hides the label or was hashed away.
CREDIT_LABEL = re.compile(r"\s*image source,\s*", re.I)
VIDEO_CAPTION_LABEL = re.compile(r"\s*(?:media|video) caption,\s*", re.I)


def is_media_label(text: str) -> bool:
    """Whether words for screen readers open with the BBC's label of a credit or a video's
    caption."""
    return text.lstrip()[:1] in "IiMmVv" and (
        CREDIT_LABEL.match(text) is not None or VIDEO_CAPTION_LABEL.match(text) is not None
    )


def labelled_words(box: Element, label: re.Pattern[str]) -> str | None:
    """The words after a label inside a box: the rest of the element whose text opens with
    it, else of that element's parent (`<p><span>Image source, </span>Getty Images</p>`)."""
    for node in box.iter(etree.Element):
        text = node.text
        if not text or label.match(text) is None:
            continue
        for holder in (node, node.getparent()):
            if holder is None:
                break
            words = text_of(holder)
            found = label.match(words)
            rest = words[found.end() :].strip() if found else ""
            if rest:
                return rest
        return None
    return None


def classify(element: Element, tag: str, cls: str) -> str | None:
    """Whether an element inside an update is an image, an embed, a quote, or plain content."""
    if tag in EMBED_TAGS:
        return EMBED
    if tag == "figure":
        return _figure_kind(element)
    if tag in IMAGE_TAGS:
        return IMAGE
    if tag not in _CONTAINER_TAGS:
        return None
    if (
        element.get("data-embed-url")
        or element.get("data-embedded-content-path")
        or element.get("data-text-post-permalink")
    ):
        return EMBED
    # (A build that names its boxes for its tests alone names a picture's box all the same:
    # Nine's `div[data-testid=image]`; not a post's body, "post-with-image".)
    hint = cls or _media_testid(element.get("data-testid"))
    embed_class, image_class, video_class = _class_hints(hint) if hint else (False, False, False)
    if embed_class and (
        _has_embed_source(element) or (tag == "blockquote" and _links_to_platform(element))
    ):
        return IMAGE if image_class and _a_picture(element) else EMBED
    if video_class and _is_video_box(element):
        return EMBED
    if tag == "blockquote":
        return QUOTE
    if image_class and walks.holds(element, PICTURE_TAGS):
        return GALLERY if several_pictures(element) else IMAGE
    if cls and _VISUAL_CLASS.search(cls) and _captioned_picture(element):
        return IMAGE
    return None


def _media_testid(value: str | None) -> str:
    """A test id that names a picture's, a video's or an embed's box and nothing else
    ("image", "photo-block", "video-wrapper"), else ""."""
    if not value:
        return ""
    words = set(_TESTID_WORDS.split(value.lower()))
    return value if words <= _MEDIA_TESTID and words & _MEDIA_WORDS else ""


_TESTID_WORDS = re.compile(r"[-_\s]+")
_MEDIA_WORDS = frozenset({"image", "img", "photo", "picture", "figure", "video", "embed"})
_MEDIA_TESTID = _MEDIA_WORDS | {"media", "caption", "block", "box", "wrapper", "container", ""}


def _captioned_picture(element: Element) -> bool:
    """A picture, and paragraphs only as its caption and credit (by their class): no post's
    words, which a box of a post's that calls itself visual may hold."""
    return walks.holds(element, PICTURE_TAGS) and all(
        _caption_role(box.get("class") or "")
        for box in element.iter("p", "div")
        if box is not element and (box.tag == "p" or (box.text or "").strip())
    )  # (a `div` that wraps the picture says nothing of its own)


def _figure_kind(figure: Element) -> str | None:
    """A figure wraps a player, a quoted post (the Guardian's element-tweet) or a picture."""
    if figure.get("data-canonical-url") or walks.holds(figure, EMBED_TAGS):
        return EMBED
    if walks.holds(figure, PICTURE_TAGS):
        return GALLERY if several_pictures(figure) else IMAGE
    quoted = first_of(figure, _BLOCKQUOTE)
    return EMBED if quoted is not None and _has_embed_source(quoted) else None


def several_pictures(box: Element) -> bool:
    """Whether a picture's box shows two pictures or more (a gallery: WordPress's figure of
    figures), each the post's, where one picture's sources (`<picture>`, its `<img>`) or a
    placeholder without an address are one or none."""
    seen = None
    for img in box.iter("img", "amp-img"):
        parent = img.getparent()
        if parent is not None and parent.tag == "amp-img":
            continue  # (an amp-img's fallback)
        src = None if is_pixel(img) else _image_src(img)
        if src is None or src == seen:
            continue
        if seen is not None:
            return True
        seen = src
    return False


def gallery_caption(figure: Element) -> Element | None:
    """A gallery's own caption: its figure's figcaption, a child of it (WordPress's
    figcaption.blocks-gallery-caption after the pictures' figures)."""
    for child in figure:
        if child.tag == "figcaption":
            return child
    return None


def is_pixel(img: Element) -> bool:
    """A picture one pixel wide or high, or none, its other side no more, that no lazy loader
    replaces: a tracker's, not what a post shows (`width="100%" height="1"` is a picture CSS
    sizes; a placeholder's size is no size of the picture put in its place)."""
    width, height = img.get("width"), img.get("height")
    if width not in _PIXEL and height not in _PIXEL:
        return False  # (most pictures: early)
    if width not in _PIXEL_OR_NONE or height not in _PIXEL_OR_NONE:
        return False
    return not img.get("data-srcset") and not any(img.get(attr) for attr in LAZY_SOURCES)


_PIXEL = frozenset({"0", "1", "0px", "1px"})
_PIXEL_OR_NONE = _PIXEL | {None}


@lru_cache(maxsize=4096)
def _class_hints(cls: str) -> tuple[bool, bool, bool]:
    """Whether a class names an embedded post, a picture, a video."""
    return (
        _EMBED_CLASS.search(cls) is not None,
        _IMAGE_CLASS.search(cls) is not None,
        _VIDEO_CLASS.search(cls) is not None,
    )


def _a_picture(element: Element) -> bool:
    """Whether an embed's box that says image holds a picture and no player or quoted post
    (NPR's `div.embed-image[data-src]`, its `<img>` filled by a script)."""
    return walks.holds(element, PICTURE_TAGS) and not walks.holds(element, _PLAYERS_OR_QUOTES)


_PLAYERS_OR_QUOTES = EMBED_TAGS | _BLOCKQUOTE


def _is_video_box(element: Element) -> bool:
    """A video's box: a player or a link to the video's page, and a title at most (no words
    of a post's beside them: a paragraph that no class calls a title or caption)."""
    if walks.text_length(element, _VIDEO_BOX_WORDS) >= _VIDEO_BOX_WORDS:
        return False
    if any(
        not _TITLE_CLASS.search(p.get("class") or "") and not is_boilerplate(text_of(p))
        for p in element.iter(*_WORDS_TAGS)
    ):  # (a player's notice is no word: "Please use Chrome browser for a more accessible…")
        return False
    if walks.holds(element, EMBED_TAGS) or _named_video(element) is not None:
        return True
    return any(a.get("href") for a in element.iter("a"))


def _named_video(element: Element) -> Element | None:
    """The box in a video's box that names the video a script plays there: Brightcove's
    account and video ids, on Sky's `div.sdc-site-video` (_embed_url reads them)."""
    return next(
        (
            node
            for node in element.iter("div", "span", "section", "figure")
            if node.get("data-video-id")
            and (node.get("data-account") or node.get("data-account-id"))
        ),
        None,
    )


def _says_video(element: Element) -> bool:
    cls = element.get("class")
    return bool(cls) and _class_hints(cls)[2]


def _video_title(box: Element) -> str | None:
    """The title a video's box prints beside the player (a caption's or a title's class)."""
    for node in box.iter():
        cls = node.get("class") if isinstance(node.tag, str) else None
        if node is not box and cls and _TITLE_CLASS.search(cls):
            title = text_of(node)
            if title:
                return title
    return None


def first_of(element: Element, tags: frozenset[str]) -> Element | None:
    """The element, or the first element inside it, with one of the tags."""
    return walks.first(element, tags)


def is_embed_class(cls: str) -> bool:
    """Whether a class names an embedded post or player (not a button that shares the page)."""
    return _EMBED_CLASS.search(cls) is not None and "share" not in cls.lower()


def _has_embed_source(element: Element) -> bool:
    """An explicit URL attribute, an embedded player, or a quoted post's status link."""
    if any(element.get(attr) for attr in _EMBED_URL_ATTRS):
        return True
    if element.get("data-tweet-id") or walks.holds(element, EMBED_TAGS):
        return True
    return any(_STATUS.search(a.get("href") or "") for a in element.iter("a"))


def _links_to_platform(element: Element) -> bool:
    """A link to a social platform, as the blockquote its embed code leaves for the script
    holds one (Bluesky's, Reddit's `reddit-embed-bq`)."""
    return any(provider_of(a.get("href") or "") for a in element.iter("a"))


def is_embed_standin(element: Element) -> bool:
    """A box whose class names an embed, holding no link, picture, frame or address of the
    embed and a short line at most: what stands in for the embed until its script draws it
    ("Loading tweet…", "Please enable JavaScript to view this content."). Not a quote's
    blockquote, which says a post's own words, nor a part of an embed's box (a link card's
    `item--embed__description`), nor a picture's caption that says it is embedded in the post
    (the Mirror's `figcaption.image__caption--embedded`, its photographer's credit)."""
    classes = element.get("class") or ""
    return (
        element.tag not in ("blockquote", "figcaption")
        and is_embed_class(classes)
        and not _IMAGE_CLASS.search(classes)
        and not _has_embed_source(element)
        and not walks.holds(element, _STANDIN_KEEPS)
        and walks.text_length(element, _STANDIN_WORDS) < _STANDIN_WORDS
        and _says_what_a_standin_says(element)
        and not any(is_embed_class(box.get("class") or "") for box in element.iterancestors())
    )


def _says_what_a_standin_says(element: Element) -> bool:
    """Whether a box's short line is nothing, or says that its embed loads or needs
    JavaScript: what a stand-in says, where a line marked for readers to tweet
    (`span.tweetable`) or an embed's title or credit beside its box (`p.embed-credit`) says
    the post's words."""
    line = walks.text(element).strip()
    return not line or _STANDIN_LINE.search(line) is not None


_STANDIN_KEEPS = RICH_TAGS | frozenset({"a", "video", "audio"})
_STANDIN_WORDS = 120  # characters of a stand-in's line, at most
# What a stand-in's line says, in the languages read here: that its embed loads ("Loading
# tweet…", "Tweet wird geladen…", "Chargement…", "Trwa ładowanie...", "Yükleniyor...",
# "Завантаження…", "読み込み中…") or needs JavaScript.
_STANDIN_LINE = re.compile(
    r"\b(?:loading|load|geladen|lädt|laden|chargement|caricamento|cargando|carregando|"
    r"ładowanie|laddar|indlæser|laster|ladataan|yükleniyor|betöltés|memuat|načítání|načítám|"
    r"načítava|încarcă|φόρτωση|загрузка|загружается|завантаження|javascript)\b|読み込み中|"
    r"로딩|加载中|載入中",
    re.I,
)


def provider_of(url: str) -> str | None:
    """The platform an embed comes from, by its host."""
    host = host_of(url)
    for domain, name in EMBED_HOSTS:
        if host == domain or host.endswith("." + domain):
            return name
    return None


def bare_url_embed(text: str) -> dict[str, Any] | None:
    """A paragraph that is only a URL is an oEmbed the page did not render."""
    if not _BARE_URL.match(text):
        return None
    return embed_record(text)


def embed_record(
    url: str, provider: str | None = None, kind: str | None = None, text: str | None = None
) -> dict[str, Any]:
    """{"type": "embed"|"video", "url", "provider", "text"}: text is a quoted post's words."""
    provider = provider or provider_of(url)
    if provider is None and "/embed" in url and _MASTODON_FRAME.match(url):
        provider = "mastodon"
    if kind is None:
        video = provider in _VIDEO_PROVIDERS or "/video" in url or "/av/" in url
        kind = "video" if video else "embed"
    return {"type": kind, "url": url, "provider": provider, "text": text or None}


# The path Mastodon gives a post's frame on any server (`/@user/ID/embed`).
_MASTODON_FRAME = re.compile(r"https?://[^/?#]+/@\w[\w.]*/\d+/embed/?(?:[?#]|$)")


def embed_media(element: Element, base_url: str) -> dict[str, Any] | None:
    """The URL of an embedded tweet, video or post (its placeholder text is not content)."""
    target = element if element.tag in EMBED_TAGS else _first_embed(element)
    if target is None:
        target = element
    url = absolute(_embed_url(target) or _embed_url(element), base_url)
    if not url:
        return None
    tag = target.tag if isinstance(target.tag, str) else ""
    provider = normalise_text(element.get("data-provider")) or None
    words = None
    video = tag in _VIDEO_TAGS
    quoted = first_of(element, _BLOCKQUOTE)
    if quoted is not None:  # a tweet or post quoted in full: keep its words
        lines = (text_of(p) for p in quoted.iter("p"))
        words = next((line for line in lines if not _EMBED_LABEL.match(line)), None) or None
    elif element.tag not in EMBED_TAGS and _says_video(element):  # a video's box: its title
        words, video = _video_title(element), True
    if words is None and element.tag not in EMBED_TAGS:
        words = labelled_words(element, VIDEO_CAPTION_LABEL)
        if words is None and element.tag == "figure":  # a player's figure: its caption
            caption = next(element.iter("figcaption"), None)
            words = text_of(caption) or None if caption is not None else None
    if provider is None and "mastodon-embed" in (element.get("class") or "").split():
        provider = "mastodon"  # (its code's class: any server's)
    return embed_record(url, provider, "video" if video else None, words)


# What Instagram's embed code says of its post until its script draws it, in the languages it
# writes: the post's label, no word of it ("A post shared by Team (@team)").
_EMBED_LABEL = re.compile(
    r"\s*(?:a post shared by|view this post on instagram|ein beitrag geteilt von|"
    r"une publication partagée par|una publicación compartida|un post condiviso da|"
    r"een bericht gedeeld door|uma publicação compartilhada)",
    re.I,
)


# The chart or story Flourish's embed code names by a path on its host ("visualisation/12340").
_FLOURISH_PATH = re.compile(r"\s*/?((?:visualisation|story)/\d+)")


def _first_embed(element: Element) -> Element | None:
    return first_of(element, EMBED_TAGS)


def _embed_url(element: Element) -> str | None:
    tag = element.tag
    account = element.get("data-account") or element.get("data-account-id")
    if account and element.get("data-video-id"):
        return (  # Brightcove's player page for the video (`<video-js>`, Sky's `sdc-site-video`)
            f"https://players.brightcove.net/{account}/"
            f"{element.get('data-player') or 'default'}_{element.get('data-embed') or 'default'}"
            f"/index.html?videoId={element.get('data-video-id')}"
        )
    if tag == "amp-twitter" and element.get("data-tweetid"):
        return "https://twitter.com/i/status/" + element.get("data-tweetid", "")
    if tag == "lite-youtube" and element.get("videoid"):
        return "https://www.youtube.com/watch?v=" + element.get("videoid", "")
    if tag == "lite-vimeo" and element.get("videoid"):
        return "https://vimeo.com/" + element.get("videoid", "")
    if tag == "amp-youtube" and element.get("data-videoid"):
        return "https://www.youtube.com/watch?v=" + element.get("data-videoid", "")
    if element.get("data-tweet-id"):
        return "https://twitter.com/i/status/" + element.get("data-tweet-id", "")
    flourish = element.get("data-src") if "flourish-embed" in (element.get("class") or "") else None
    chart = _FLOURISH_PATH.match(flourish) if flourish else None
    if chart:  # (a path its script resolves on its host; a query after it no part of it)
        return f"https://public.flourish.studio/{chart.group(1)}/"
    for attr in _EMBED_URL_ATTRS:
        value = element.get(attr)
        if value and value.strip() and not value.startswith(("data:", "blob:", "about:")):
            return value.strip()
    if tag in ("video", "audio", "amp-video"):
        source = next(element.iter("source"), None)
        if source is not None and source.get("src"):
            return source.get("src")
    if (
        tag in _CONTAINER_TAGS
        and (named := _named_video(element)) is not None
        and named is not element
    ):
        return _embed_url(named)
    links = [a.get("href") for a in element.iter("a") if a.get("href")]
    statuses = [h for h in links if h and _POST_LINK.search(h)]
    if statuses:
        return statuses[-1]
    return links[-1] if links else None


def image_media(element: Element, base_url: str) -> dict[str, Any] | None:
    """{"type": "image", "url", "caption", "credit"} from a figure or an image container."""
    img, source, figcaption, credit_el, captions = walks.figure_parts(element, _caption_role)
    # A figcaption that is the credit (CNN's `figcaption.image__credit`) is not the caption.
    caption = text_of(figcaption) if figcaption is not None and figcaption is not credit_el else ""
    if not caption:
        caption = next((text for text in map(text_of, captions) if text), "")
    if not caption and figcaption is None and element.tag != "figure":
        # A picture's box whose caption is a plain paragraph after it, its credit in a
        # `<cite>` in it or beside it (Nine's "…Wednesday morning.<cite>Credit: Alex
        # Ellinghausen</cite>").
        line = next((c for c in element if c.tag == "p"), None)
        if line is not None:
            caption = text_of(line)
            cited = next(element.iter("cite"), None)
            if credit_el is None and cited is not None:
                credit_el = cited
    credit = None
    if credit_el is not None:
        credit_text = text_of(credit_el)
        if credit_text and caption.endswith(credit_text):
            caption = caption[: -len(credit_text)].strip()
        credit = clean_credit(credit_text)
    if credit is None:
        credit = clean_credit(labelled_words(element, CREDIT_LABEL))
    if credit is None and caption:
        caption, credit = split_credit(caption)
    caption = strip_placeholders(caption)
    # A pixel is a tracker's, unless a caption says it is a picture whose size CSS sets.
    pixel = img is not None and not caption and is_pixel(img)
    url = absolute(_image_src(img), base_url) if img is not None and not pixel else None
    if url is not None and img is not None and (wider := _wider_rendition(img)) is not None:
        url = absolute(wider, base_url)
    if url is None and img is not None and img is not element and not pixel:
        url = absolute(_image_src(element), base_url)  # the box's, its script's to lend the img
    if url is None and source is not None:
        url = absolute(largest_in_srcset(source.get("srcset")), base_url)
    if url is None and not caption:
        return None
    if url is not None and ("/_next/" in url or "/_vercel/" in url or "/_ipx/" in url):
        url = absolute(unproxied(url), url)  # (a path on the proxy's host)
    return image_record(url, caption, credit)


def _wider_rendition(img: Element) -> str | None:
    """The widest rendition a `<picture>` offers of its `<img>`'s picture, where a width
    descriptor says it is wider than the `<img>` says it is (its own widest candidate, else
    its `width`): a `<source>` with no media query is the picture in another format, one
    whose query is a minimum width alone the picture for wide screens; one for narrow screens
    or a colour scheme is another crop or another picture, and a data URL a lazy loader's
    placeholder."""
    picture = img.getparent()
    while picture is not None and picture.tag == "source":  # (libxml2 reads none as void)
        picture = picture.getparent()
    if picture is None or picture.tag != "picture":
        return None
    best_width, best = _own_width(img), None
    for source in picture.iter("source"):
        media_query = source.get("media")
        if media_query and not _WIDE_SCREENS.fullmatch(media_query):
            continue
        srcset = source.get("data-srcset") or source.get("srcset") or ""
        for candidate, descriptor in _srcset_candidates(srcset):
            width = _width(descriptor)
            if width > best_width and not candidate.startswith("data:"):  # (a placeholder)
                best_width, best = width, candidate
    return best


# A media query that asks only for a screen at least so wide ("(min-width: 1024px)").
_WIDE_SCREENS = re.compile(
    r"\s*(?:(?:only\s+)?(?:screen|all)\s+and\s+)?\(\s*min-width\s*:\s*[\d.]+\s*(?:px|em|rem)\s*\)\s*",
    re.I,
)


def _own_width(img: Element) -> float:
    """How wide an `<img>` says its picture is: its widest width descriptor, else `width`."""
    widest = 0.0
    for attr in ("data-srcset", "srcset"):
        for _, descriptor in _srcset_candidates(img.get(attr) or ""):
            widest = max(widest, _width(descriptor))
    if widest:
        return widest
    width = img.get("width") or ""
    return float(width) if width.isdigit() else 0.0


def _width(descriptor: str) -> float:
    """A srcset candidate's width descriptor ("1600w"), 0 where it gives none."""
    if descriptor[-1:] != "w":
        return 0.0
    try:
        return float(descriptor[:-1])
    except ValueError:
        return 0.0


def unproxied(url: str) -> str:
    """The picture an image proxy's address wraps: Next.js's `/_next/image?url=…&w=…` (and
    Vercel's `/_vercel/image`), Nuxt's IPX `/_ipx/<modifiers>/<picture>`; any other address,
    or a proxy's without one, as it is. A picture on the site's own host is a path."""
    parts = urlsplit(url)
    path = parts.path
    if path.endswith(("/_next/image", "/_vercel/image")):
        wrapped = next((v for k, v in parse_qsl(parts.query) if k == "url"), "").strip()
        return _picture_address(wrapped) or url
    at = path.find("/_ipx/")
    if at < 0:
        return url
    _, _, picture = path[at + len("/_ipx/") :].partition("/")  # (past its modifiers)
    if picture.lower().startswith(("http%3a", "https%3a")):
        picture = unquote(picture)  # (an address the page encoded)
    if not picture:
        return url
    if picture.startswith(("http:/", "https:/")):
        scheme, _, rest = picture.partition(":/")
        return f"{scheme}://{rest.lstrip('/')}"
    return "/" + picture


def _picture_address(wrapped: str) -> str | None:
    """What a proxy wraps, where it is a picture's address on the web (a path, or an http(s)
    address), decoded once more where the page encoded it twice ("https%3A%2F%2F…",
    "%2Fimg%2F…"); None where it is none (empty, a script's, a data URL)."""
    for _ in range(2):
        if wrapped.startswith(("/", "http://", "https://")) and not wrapped.startswith("/%2"):
            return wrapped
        if not wrapped.lower().startswith(("http%3a", "https%3a", "%2f", "/%2f")):
            return None
        wrapped = unquote(wrapped)
    return None


_CREDIT, _CAPTION = 1, 2  # what _caption_role answers, as walks.figure_parts reads it
_CAPTION_WORDS = re.compile(r"caption|description|legend")


@lru_cache(maxsize=4096)
def _caption_role(cls: str) -> int:
    """Whether a class inside a figure names its credit, its caption, or neither (0)."""
    lowered = cls.lower()
    if "credit" in lowered or "copyright" in lowered:
        return _CREDIT
    if _CAPTION_WORDS.search(lowered) is not None and not _NOT_CAPTION.search(lowered):
        return _CAPTION  # (La Presse's `p.description`, a French `légende`)
    return 0


def _image_src(img: Element) -> str | None:
    """The picture an image shows: what a lazy loader will put in `src` (its `data-src`, the
    largest of its `data-srcset`, as lazysizes has it; the `src` it replaces is a
    placeholder), else `src`, else the largest of its `srcset`."""
    for attr in LAZY_SOURCES:
        value = img.get(attr)
        if value and not value.startswith(("data:", "blob:")):
            return value
    lazy = largest_in_srcset(img.get("data-srcset"))
    if lazy:
        return lazy
    for attr in ("src", "content"):
        value = img.get(attr)
        if value and not value.startswith(("data:", "blob:")):
            return value
    return largest_in_srcset(img.get("srcset"))


# Where a lazy loader keeps an <img>'s picture until it puts it in `src`.
LAZY_SOURCES = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-hi-res-src",
    "data-full-src",
)


def largest_in_srcset(srcset: str | None) -> str | None:
    """The largest picture a `srcset` offers: the greatest width ("800w"), else density
    ("2x"), else the first. URLs may hold commas ("w_400,h_300"), as HTML reads them."""
    best: tuple[float, str] | None = None
    for url, descriptor in _srcset_candidates(srcset or ""):
        size = 1.0  # no descriptor: "1x"
        if descriptor[-1:] in ("w", "x"):
            try:
                size = float(descriptor[:-1])
            except ValueError:
                size = 0.0
        if best is None or size > best[0]:
            best = (size, url)
    return best[1] if best else None


def _srcset_candidates(srcset: str) -> Iterator[tuple[str, str]]:
    """(url, descriptor) of each candidate: a URL is a run of non-blanks (commas at its end
    close it), its descriptor what follows up to the next comma."""
    pos, end = 0, len(srcset)
    while pos < end:
        while pos < end and (srcset[pos].isspace() or srcset[pos] == ","):
            pos += 1
        start = pos
        while pos < end and not srcset[pos].isspace():
            pos += 1
        url = srcset[start:pos]
        if not url:
            break
        if url.endswith(","):
            yield url.rstrip(","), ""
            continue
        comma = srcset.find(",", pos)
        comma = end if comma == -1 else comma
        yield url, srcset[pos:comma].strip()
        pos = comma + 1


def quote_parts(element: Element) -> tuple[list[str], list[Element], str | None]:
    """A pulled quote's paragraphs (texts and elements) and its attribution."""
    attribution_el = None
    paragraphs: list[Element] = []
    for node in element.iter():
        tag = node.tag
        if tag.__class__ is not str or node is element:
            continue
        if attribution_el is not None and _inside(node, attribution_el):
            continue
        if tag == "p":
            paragraphs.append(node)
        elif attribution_el is None and (
            tag in ("footer", "cite", "figcaption") or _is_attribution_class(node.get("class"))
        ):
            attribution_el = node
    texts = [text_of(p) for p in paragraphs]
    attribution = clean_attribution(text_of(attribution_el)) if attribution_el is not None else None
    if attribution is None and len(texts) > 1 and texts[-1][:1] in ("–", "—", "-", "―"):
        attribution = clean_attribution(texts.pop())
        paragraphs.pop()
    if not paragraphs:
        whole = text_of(element)
        if attribution_el is not None:
            tail = text_of(attribution_el)
            if tail and whole.endswith(tail):
                whole = whole[: -len(tail)].strip()
        return ([whole], [element], attribution) if whole else ([], [], attribution)
    kept = [(t, p) for t, p in zip(texts, paragraphs, strict=True) if t]
    return [t for t, _ in kept], [p for _, p in kept], attribution


@lru_cache(maxsize=4096)
def _is_attribution_class(cls: str | None) -> bool:
    return bool(cls) and _ATTRIBUTION_CLASS.search(cls or "") is not None


def attribution_beside(quote: Element) -> Element | None:
    """The box right after a quote that names whom it quotes, where the quote holds none (Le
    Monde's reader question: `blockquote` then `span.…comment-author`): a class that says
    so, a name's few words."""
    after = quote.getnext()
    if (
        after is None
        or not isinstance(after.tag, str)
        or not _is_attribution_class(after.get("class"))
    ):
        return None
    if len(after) or walks.text_length(after, _NAME_LENGTH) >= _NAME_LENGTH:
        return None
    return after


_NAME_LENGTH = 80


def caption_beside(img: Element) -> Element | None:
    """The line right after a picture that a class calls its caption, where the picture has
    no box of its own, bare or alone in its paragraph (`<p><img …></p><p class="caption">…</p>`,
    as a rich-text editor leaves it): a short text, no boxes and no clock in it."""
    line = img
    parent = img.getparent()
    if (
        parent is not None
        and parent.tag == "p"
        and len(parent) == 1
        and not (parent.text or "").strip()
        and not (img.tail or "").strip()
    ):
        line = parent  # (the picture alone in its paragraph)
    after = line.getnext()
    if after is None or not isinstance(after.tag, str) or after.tag not in ("p", "div", "span"):
        return None
    cls = (after.get("class") or "").lower()
    if "caption" not in cls or _caption_role(cls) != _CAPTION or len(after):
        return None  # (not "description": a post's text is often called so)
    if walks.text_length(after, _CAPTION_LENGTH) >= _CAPTION_LENGTH:
        return None
    return None if _A_CLOCK.search(after.text or "") else after


_CAPTION_LENGTH = 400
# A clock in the line: a post's stamp set in a class of the type scale ("text-caption": "14:05
# Uhr · Lena Vogt"), not a picture's caption.
_A_CLOCK = re.compile(r"(?<![\d.,£$€])\d{1,2}[:.]\d\d(?![\d.])")  # (not "05.08.2024", "£3.50")


def _inside(element: Element, ancestor: Element) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())
