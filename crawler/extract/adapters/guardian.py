"""The Guardian live blogs: `article.block#block-<id>` in `#liveblog-body`, and the page data.

The JSON-LD lists only the current page's blocks, each with the page's headline and dates
and a body cut at 1,000 characters: the HTML block (or the page data's elements) is the
update. Two markups are read: 2021's (`h2.block-title`, `div.block-elements`) and today's
(a `header` with the time, the title `h2` on a few blocks and the byline, then the body's
elements, then a `footer` with the "Updated at" time), whose pinned block is repeated at the
top in `#pinned-post` without an id. Older blocks are on `?page=with:block-<id>` pages. The
page data that `<page>.json?dcr=true` returns holds the same blocks as structured elements;
it is turned into the markup the page would show and read by the same body walker, so an
update reads the same from either.
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from archive.records import FIDELITY_HTML, Page, Update
from archive.times import edited_at
from crawler.extract.adapters.survey import Survey
from crawler.extract.clean import author_names, optional_text
from crawler.extract.dom import Element, absolute, text_of, without_fragment
from crawler.extract.endpoints import GUARDIAN_PAGE_DATA, Endpoint
from crawler.extract.endpoints.markup import count, items, mapping, string
from crawler.extract.entries import html_update, prepare, render_body
from crawler.extract.html import parse_fragment
from crawler.extract.instant import machine_time
from crawler.extract.jsonld import read_data
from crawler.extract.media import embed_record
from crawler.extract.merge import merge

DOMAINS = ("theguardian.com", "guardian.co.uk")
SOURCE = "pagedata"

# A block is `article.block#block-<id>` (the 2021 markup wraps its parts in `div`s too); the
# pinned copy at the top of today's markup is an `article.block` without an id, its id in its
# permalink.
_BLOCKS = etree.XPath(
    "//*[@id='liveblog-body']//*[(self::article or self::div) and (starts-with(@id, 'block-')"
    " or (self::article and ancestor::*[@id='pinned-post' or @data-gu-marker='pinned-post']))]"
)
_DETECT = etree.XPath("boolean(//*[@id='liveblog-body']//*[starts-with(@id, 'block-')])")
_OLDER = etree.XPath("//a[contains(@href, 'page=with:block-')]")


def present(page: Survey) -> bool:
    """Whether the page has the live-blog body and an id that could be a block's."""
    return "liveblog-body" in page.ids and page.id_starting("block-")


def detect(root: Element) -> bool:
    """Whether the page carries Guardian live-blog blocks."""
    return bool(_DETECT(root))


def extract(root: Element, url: str) -> list[Update]:
    """Every block of the page, in page order (pinned copy and stream copy both kept)."""
    return [
        _update(block, url) for block in _BLOCKS(root) if "block" in block.get("class", "").split()
    ]


def older(root: Element, url: str) -> list[str]:
    """The "older" then "oldest" page links: `?page=with:block-<id>`."""
    found: list[tuple[int, str]] = []
    for link in _OLDER(root):
        text = text_of(link).lower()
        label = " ".join((link.get("class") or "", link.get("data-link-name") or "", text)).lower()
        # Today's markup says "Next" for the older page ("Previous" is the newer one).
        rank = 0 if "older" in label or text == "next" else 1 if "oldest" in label else -1
        target = absolute(link.get("href"), url)
        if rank >= 0 and target:
            found.append((rank, without_fragment(target)))
    ordered: list[str] = []
    for _, target in sorted(found, key=lambda item: item[0]):
        if target not in ordered and target != without_fragment(url):
            ordered.append(target)
    return ordered


def _update(block: Element, url: str) -> Update:
    """One block, in the 2021 markup (`h2.block-title`, `div.block-elements`) or today's (a
    `header` with the permalinked time, the title `h2` and the byline; the body's elements
    after it; a `footer` with share links and the "Updated at" time)."""
    header = footer = headline_el = body = None
    published = modified = permalink = shown = None
    for child in block.iter("header", "footer", "h2", "div", "time"):
        cls = child.get("class") or ""
        tag = child.tag
        if tag == "header" and header is None:
            header = child
        elif tag == "footer" and footer is None:
            footer = child
        elif tag == "h2" and headline_el is None and _is_title(child, cls, header):
            headline_el = child
        elif tag == "div" and body is None and "block-elements" in cls:
            body = child
        elif tag == "time":
            if _is_update_time(child, footer):
                modified = modified or machine_time(child.get("datetime"))
            else:
                published = published or machine_time(child.get("datetime"))
                shown = child if shown is None else shown
                parent = child.getparent()
                if parent is not None and parent.tag == "a" and permalink is None:
                    permalink = absolute(parent.get("href"), url)
    if permalink is None and header is not None:  # the pinned copy's header shows no <time>
        link = next((a for a in header.iter("a") if "#block-" in (a.get("href") or "")), None)
        permalink = absolute(link.get("href"), url) if link is not None else None
    classes = (block.get("class") or "").split()
    skip = [e for e in (header, footer, headline_el) if e is not None]
    return html_update(
        page_url=url,
        body=body if body is not None else block,
        source_id=block.get("id") or _block_id(permalink),
        headline=text_of(headline_el) or None,
        skip=skip,
        published_at=published,
        shown=shown,
        modified_at=modified,
        authors=_authors(block, header),
        pinned="is-pinned" in classes or "block--pinned" in classes or _in_pinned_post(block),
        key_event="is-key-event" in classes,
        permalink=permalink,
    )


def _is_title(h2: Element, cls: str, header: Element | None) -> bool:
    """The 2021 `h2.block-title`, or today's `h2` inside the block's header."""
    if "block-title" in cls:
        return True
    return header is not None and any(a is header for a in h2.iterancestors("header"))


def _is_update_time(time: Element, footer: Element | None) -> bool:
    """The "Updated at" time: in an `updated` holder (2021) or the block's footer (today)."""
    if footer is not None and any(a is footer for a in time.iterancestors("footer")):
        return True
    parent = time.getparent()
    holder = parent.getparent() if parent is not None and parent.tag == "a" else parent
    return holder is not None and "updated" in (holder.get("class") or "")


def _authors(block: Element, header: Element | None) -> list[str]:
    """`data-block-contributor` (2021), else the contributor's avatar and name in the header."""
    contributors = block.get("data-block-contributor") or ""
    if contributors.strip():
        return author_names([name for name in contributors.split(",") if name.strip()])
    if header is None:
        return []
    return author_names([img.get("alt") for img in header.iter("img") if img.get("alt")])


def _block_id(permalink: str | None) -> str | None:
    """`block-<id>` from a block's permalink (`…?page=with:block-<id>#block-<id>`)."""
    fragment = (permalink or "").partition("#")[2]
    return fragment if fragment.startswith("block-") else None


def _in_pinned_post(block: Element) -> bool:
    return any(
        a.get("id") == "pinned-post" or a.get("data-gu-marker") == "pinned-post"
        for a in block.iterancestors()
    )


# The page data (`<page>.json?dcr=true`) ---------------------------------------------------------


def detect_json(data: Any) -> bool:
    """Whether a JSON body is the Guardian's page data for a live blog."""
    if not isinstance(data, dict) or not isinstance(data.get("blocks"), list):
        return False
    return any(isinstance(b, dict) and "blockFirstPublished" in b for b in data["blocks"])


def read_page_data(data: Any, url: str) -> Page:
    """A Page from the page data: blocks, the page's JSON-LD, and its older-page links."""
    canonical = string(data.get("webURL")) or string(data.get("canonicalUrl")) or url
    canonical = without_fragment(canonical).partition("?")[0]
    updates = [
        _block_update(block, canonical, url)
        for block in items(data.get("blocks"))
        if block.get("id")
    ]
    linked = data.get("linkedData")
    ld = read_data(linked if isinstance(linked, list) else [linked] if linked else [], canonical)
    pagination = mapping(data.get("pagination"))
    next_urls: list[str] = []
    for key in ("older", "oldest"):
        target = _page_url(string(pagination.get(key)), url)
        if target and target not in next_urls:
            next_urls.append(target)
    return Page(
        url=url,
        title=optional_text(string(data.get("headline")) or string(data.get("webTitle")))
        or ld.title,
        publisher=ld.publisher or "The Guardian",
        coverage_start=ld.coverage_start,
        coverage_end=ld.coverage_end,
        updates=merge(updates, [ld.updates], canonical),
        next_urls=next_urls,
        canonical_url=string(data.get("webURL")) or string(data.get("canonicalUrl")) or ld.url,
        updates_expected=expected_blocks(data),
    )


def expected_blocks(data: dict[str, Any]) -> int | None:
    """The blog's block count, by the Guardian's own paging (frontend's LiveBlogCurrentPage):
    `totalPages` is count // size, every older page holds `size` blocks and the first the
    rest; size is 30 on a sport blog, else 10. Known on the first page only (None elsewhere,
    and when the first page does not hold what that rule says)."""
    pagination = mapping(data.get("pagination"))
    if pagination.get("currentPage", 1) != 1:
        return None
    blocks = items(data.get("blocks"))
    shown = len(blocks) + _pinned_apart(data, blocks)
    pages = pagination.get("totalPages")
    if not pagination or not isinstance(pages, int) or pages < 2:
        return shown
    tags = [t.get("id") for t in items(data.get("tags"))]
    size = 30 if "sport/sport" in tags else 10
    return shown + size * (pages - 1) if size <= shown < 2 * size else None


def _pinned_apart(data: dict[str, Any], blocks: list[dict[str, Any]]) -> int:
    """1 when the pinned block is the newest one, which the first page then shows only on
    top (`pinnedPost`, its id suffixed `-pinned`) and not among its blocks."""
    pinned = mapping(data.get("pinnedPost"))
    block_id = str(pinned.get("id") or "").removesuffix("-pinned")
    if not block_id or any(str(b.get("id")) == block_id for b in blocks):
        return 0
    newest = max((_millis(b.get("blockFirstPublished")) for b in blocks), default=0)
    return 1 if _millis(pinned.get("blockFirstPublished")) >= newest else 0


def _millis(value: Any) -> float:
    """An epoch in milliseconds, as the page data gives its blocks' times; 0 for anything else."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _page_url(query: str | None, url: str) -> str | None:
    """`?page=with:block-<id>` against the URL fetched, keeping `dcr=true` for the JSON."""
    if not query:
        return None
    target = urljoin(url, query)
    if "dcr=true" in urlsplit(url).query and "dcr=true" not in target:
        target += ("&" if "?" in target else "?") + "dcr=true"
    return target


def _block_update(block: dict[str, Any], canonical: str, url: str) -> Update:
    block_id = "block-" + str(block["id"])
    headline = optional_text(string(block.get("title")))
    markup = "".join(_element_html(e) for e in items(block.get("elements")))
    fragment = parse_fragment(markup) if markup else None
    text, body_html, media = (
        render_body(prepare(fragment), canonical, headline=headline)
        if fragment is not None
        else ("", "", [])
    )
    attributes = mapping(block.get("attributes"))
    contributors = block.get("contributors") if isinstance(block.get("contributors"), list) else []
    published = machine_time(block.get("blockFirstPublished") or block.get("blockCreatedOn"))
    modified = machine_time(block.get("blockLastUpdated"))
    return Update(
        source_id=block_id,
        headline=headline,
        body_text=text,
        body_html=body_html,
        published_at=published,
        modified_at=edited_at(published, modified),
        authors=author_names(contributors),
        media=media,
        permalink=f"{canonical}?page=with:{block_id}#{block_id}",
        pinned=bool(attributes.get("pinned")),
        key_event=bool(attributes.get("keyEvent")),
        fidelity=FIDELITY_HTML,
        sources=[SOURCE],
    )


def _element_html(element: dict[str, Any]) -> str:
    """One block element as the markup the page shows for it."""
    kind = str(element.get("_type") or "").rpartition(".")[2]
    if kind in ("TextBlockElement", "SubheadingBlockElement", "BlockquoteBlockElement"):
        return string(element.get("html")) or ""
    if kind == "ImageBlockElement":
        found = _image_url(element)
        info = mapping(element.get("data"))
        caption = escape(string(info.get("caption")) or "", quote=False)
        credit = escape(string(info.get("credit")) or "", quote=False)
        return (
            f'<figure class="element element-image"><img src="{escape(found or "")}" alt="">'
            f'<figcaption><span class="element-image__caption">{caption}</span> '
            f'<span class="element-image__credit">{credit}</span></figcaption></figure>'
        )
    if kind == "TweetBlockElement" or kind == "EmbedBlockElement":
        target = escape(string(element.get("url")) or "")
        return f'<figure class="element element-tweet" data-canonical-url="{target}">' + (
            (string(element.get("html")) or "") + "</figure>"
        )
    if kind == "YoutubeBlockElement" and element.get("assetId"):
        record = embed_record(f"https://www.youtube.com/embed/{element['assetId']}", "youtube")
        return f'<figure class="element element-atom"><iframe src="{escape(record["url"])}"></iframe></figure>'
    if kind == "PullquoteBlockElement":
        words = escape(string(element.get("html")) or "", quote=False)
        who = escape(string(element.get("attribution")) or "", quote=False)
        return f"<blockquote><p>{words}</p><footer>{who}</footer></blockquote>"
    return ""


def _image_url(element: dict[str, Any]) -> str | None:
    """The master image, else the widest."""
    media = mapping(element.get("media"))
    images = [i for i in items(media.get("allImages")) if string(i.get("url"))]
    for image in images:
        if mapping(image.get("fields")).get("isMaster"):
            return str(image["url"])
    widths = [(count(mapping(i.get("fields")).get("width")) or 0, str(i["url"])) for i in images]
    return max(widths)[1] if widths else None


# Endpoints ----------------------------------------------------------------------------------


def endpoints(root: Element, url: str) -> list[Endpoint]:
    """The page data of the page shown: the same blocks with their bodies whole (the JSON-LD
    cuts them at 1,000 characters), and its pagination to the older pages' page data."""
    if not detect(root):
        return []
    return [Endpoint(page_data_url(url), GUARDIAN_PAGE_DATA)]


def page_data_url(url: str) -> str:
    """`<page>.json?dcr=true`, keeping the `page=with:block-<id>` of an older page."""
    parts = urlsplit(without_fragment(url))
    page = parse_qs(parts.query).get("page", [])[:1]
    query = urlencode([("page", p) for p in page] + [("dcr", "true")], safe=":")
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + ".json", query, ""))
