"""A page's links to its older updates, best first; the spider decides which to follow."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from archive.addresses import same_document
from crawler.extract import walks
from crawler.extract.clean import normalise_text
from crawler.extract.completeness import LOAD_MORE, POSTS
from crawler.extract.dom import Element, absolute, document_base, raw_text, without_fragment

# Anchor texts that mean "older updates", with how much each is trusted, in the languages
# read here: the whole text says it ("Load more updates", "Weitere Einträge laden", "Charger
# plus", "Carica altri", "Cargar más", "Carregar mais", "Meer laden", "Pokaż więcej"); a text
# that only opens with "more" ("Mehr zum Thema", "Ver más noticias") is a link to elsewhere.
_OLDER = (
    r"(?:older|earlier|previous|ältere|vorherige|frühere|précédents|précédentes|plus\s+anciens|"
    r"plus\s+anciennes|precedenti|anteriores|antigas|antigos|oudere|eerdere|vorige|starsze|"
    r"wcześniejsze|poprzednie)"
)
_NEXT_PAGE = (
    r"(?:next|older) page|nächste seite|page suivante|pagina successiva|página siguiente|"
    r"próxima página|volgende pagina|następna strona"
)
# The next page's link as a pager prints it, the word alone ("Nächste »", "Suivante",
# "Następna", 444's Hungarian "Következő »"): a link that goes on ("Nächste Woche…",
# "Suivant les experts…") leads elsewhere.
_NEXT_ALONE = r"nächste|suivante?|successiv[ao]|siguiente|próxim[ao]|volgende|następn[ae]|következő"
# What a "Next …" link to another page names ("Next story: …", "Next article", a WordPress
# theme's "Next post: …"), not a page ("Next posts" is a pager's).
_STORY = r"stor(?:y|ies)|articles?|post|read|up|videos?|episodes?|galler(?:y|ies)"
_TEXT_SCORES: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern, re.I), score)
    for pattern, score in (
        (rf"^(?:{LOAD_MORE}|load|show|see|view)(?:\s+(?:more|older|earlier|previous))?"
         rf"(?:\s+(?:de|di|of))?(?:\s+{_OLDER})?\s+(?:{POSTS})(?:\s+(?:laden|anzeigen))?$", 80),
        (rf"^(?:{_OLDER}\s+(?:{POSTS})|(?:{POSTS})\s+{_OLDER})(?:\s+(?:laden|anzeigen))?$", 80),
        (rf"^(?:weitere|mehr)\s+(?:{POSTS})\s+(?:laden|anzeigen)$", 80),
        (rf"^(?:{LOAD_MORE})$", 60),
        (rf"^(?:{_NEXT_PAGE})$", 60),
        (rf"^(?:older|earlier)\b|^next\b(?!\W*(?:{_STORY})\b)", 40),
        (rf"^(?:{_NEXT_ALONE})\W*$", 40),
        (r"\b(?:older|earlier) (?:updates|posts|entries)\b", 40),
        (r"^(?:load|show) more\b", 30),
    )
)  # fmt: skip
# The words one of those texts holds, for the walk's first look (lower-case ASCII; it lets
# through every text beyond ASCII) and for this module's (any script): most of a page's links
# say none of them.
_KEYWORDS = (
    "more", "older", "next", "previous", "earlier", "mehr", "weitere", "laden", "anzeigen",
    "seite", "plus", "page", "altri", "altre", "altro", "precedenti", "successiv", "carica", "mas",
    "anteriores", "siguiente", "mais", "antig", "meer", "oudere", "eerdere", "vorige",
    "volgende", "starsze", "strona", "poprzednie", "suivant", "fler", "jos", "vise", "vec",
    "starejse", "multe", "dalsi", "vice", "dalsie", "viac", "fazla", "lebih", "lainnya",
)  # fmt: skip
_BEYOND_ASCII = (
    "ältere", "frühere", "vorherige", "précédent", "più", "más", "próxima", "więcej",
    "wcześniejsze", "następn", "nächste", "próxim", "starejše", "još", "više", "več", "још",
    "више", "další", "více", "ďalšie", "още", "ще", "більше", "ещё", "еще", "больше", "lisää",
    "betöltése", "περισσότερων", "következő",
)  # fmt: skip
_WORDS = (*_KEYWORDS, *_BEYOND_ASCII)


def _may_say_older(text: str) -> bool:
    """Whether a link's text holds one of the words: substring looks in C, a few times faster
    than one regex of so many alternatives."""
    lowered = text.lower()
    return any(word in lowered for word in _WORDS)


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
    base = document_base(root, page_url)
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
        if score <= 0 or (element.tag == "a" and _of_comments(element, href or "")):
            continue  # (the next page of readers' comments shows the blog again)
        url = absolute(href, base)
        if url is None or not _readable(url) or _data_address(url):
            continue
        url = without_fragment(url)
        if url == here:
            continue
        if score < _SAYS_OLDER and (
            _in_gallery(element) or (_one_word(element) and not same_document(url, here))
        ):
            # A pager's word alone ("Next »", "Következő »", "Nächste") vouches for a page of
            # this document only, and no link in a photo gallery does (`?kep=2`): the next
            # article's "Next »" and a slideshow's lead to no older updates.
            continue
        if (score >= _REL_NEXT or score == _CLASS_ALONE) and not same_document(url, here):
            # A theme's "Next post" (rel=next) to another article, a button styled "load
            # more" that leads elsewhere ("Sign in"): no older page of this document, unless
            # its words say so ("Load more updates", "Older posts"; the spider refuses it
            # with a sentence where it leaves the blog's site).
            score = _score(element, rel=False)
            if score < _SAYS_OLDER:
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
    return _may_say_older(text)


# What a photo gallery, slideshow or carousel calls itself, in the languages read here: its
# "Next »" turns its pictures. (Not "slider" or "lightbox": a pager's `slider-nav`, a page's
# `has-lightbox` wrapper.)
_GALLERY = re.compile(
    r"galler|galeri|slideshow|carousel|karussell|carrousel|diashow|diaporama|fotostrecke",
    re.I,
)
_GALLERY_DEPTH = 4  # the link's own attributes and this many of its ancestors'


def _in_gallery(element: Element) -> bool:
    """Whether a link sits in a photo gallery, slideshow or carousel: a box among the link and
    its nearest ancestors whose class or id calls it one, and which holds a picture."""
    node: Element | None = element
    for _ in range(_GALLERY_DEPTH + 1):
        if node is None:
            return False
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if (
            names.strip()
            and _GALLERY.search(names)
            and next(node.iter("img", "picture"), None) is not None
        ):
            return True
        node = node.getparent()
    return False


def _one_word(element: Element) -> bool:
    """Whether a link's text is one word and signs ("Next »", "Suivante")."""
    return _ONE_WORD.fullmatch(raw_text(element)) is not None


_ONE_WORD = re.compile(r"\W*\w+\W*")


def _readable(url: str) -> bool:
    """Whether an address can be read at all ("http://[oops/page/2", a port of letters: no)."""
    try:
        urlsplit(url).port  # noqa: B018 (what raises)
    except ValueError:
        return False
    return True


def _data_address(url: str) -> bool:
    """Whether a link leads to data for a script, not a page: an API's path (`/api/…`, VG's
    `/api/ab/newsflow/…/entries?offset=6` behind "Vis flere") or a JSON file. Followed, it
    would show no update, as a broken page does."""
    path = urlsplit(url).path.lower()
    return "/api/" in f"{path}/" or path.endswith(".json")


_REL_NEXT = 90  # the score of a rel=next link
_CLASS_ALONE = 35  # of a link only its class calls "load more"
_SAYS_OLDER = 60  # of a link whose words alone say older updates ("Load more", "Next page")


def _score(element: Element, rel: bool = True) -> int:
    names = element.get("rel") if rel else None
    if names and "next" in names.lower().split():
        return 100 if element.tag == "link" else _REL_NEXT
    if element.tag != "a":
        return 0
    score = _text_score(element)
    cls = element.get("class")
    if cls and any(hint in cls.lower() for hint in _CLASS_HINTS):
        score = max(score, 50) if score else _CLASS_ALONE
    return score


def _text_score(element: Element) -> int:
    """How surely a control's words (else its label) say it leads to older updates."""
    text = raw_text(element) if len(element) else (element.text or "")
    if not text.strip():
        text = element.get("aria-label") or element.get("title") or ""
    if len(text) > _MAX_TEXT * 4 or not _may_say_older(text):
        return 0
    text = normalise_text(text)
    if len(text) > _MAX_TEXT:
        return 0
    return next((value for pattern, value in _TEXT_SCORES if pattern.search(text)), 0)


_CONTROL_TAGS = frozenset({"a", "button"})


def loads_in_place(root: Element, gathered: Sequence[Element] | None = None) -> bool:
    """Whether a control that leads to no page (a button, a link to nothing, to the page
    itself or to a script) says it loads older updates ("Load more updates", "Weitere
    Einträge laden"): the page shows the newest posts, a script the ones before them.

    `gathered`: as next_urls reads it, all the page's <a> and <button> among them."""
    elements = root.iter("a", "button") if gathered is None else gathered
    for element in walks.link_candidates(elements, _CONTROL_TAGS, ("aria-label",), _KEYWORDS):
        if element.tag == "a":
            href = (element.get("href") or "").strip()
            if href not in ("", "#") and not href.lower().startswith("javascript:"):
                continue
        score = _text_score(element)
        if score >= _NAMES_POSTS or (score >= _SAYS_OLDER and not _loads_other(element)):
            return True
    return False


_NAMES_POSTS = 80  # the score of a control whose words name posts ("Load more updates")
# A box whose class or id says it holds what is not the blog's: readers' comments (not a
# match's commentary or its commentator, "commentaar"), other stories, a sidebar.
_COMMENTS = r"[ck]omm?ent(?!ary|ator|aar)|reactie"
_COMMENTS_BOX = re.compile(_COMMENTS, re.I)
_OTHER_BOX = re.compile(
    rf"{_COMMENTS}|related|popular|most-?read|recommend|(?:^|\s)sidebar(?:$|\s)", re.I
)
# ...but a name that says what a box has or shows, not what it is: a layout's `has-sidebar`,
# an article's `comments-open`, `with-comments`.
_SAYS_IT_HAS = re.compile(
    r"(?:--|(?<![\w-]))(?:with|has|no|show|hide)[-_][\w-]*|\S*comments?-(?:open|closed)\S*", re.I
)
# A sidebar anywhere; the page's own footer and menus, outside the main column and any article
# or section: the stream's own <footer> or pager <nav> holds its "Load more".
_OTHER_TAGS = frozenset({"aside"})
_PAGE_TAGS = frozenset({"nav", "footer"})
_SECTIONS = frozenset({"main", "article", "section"})


def _of_comments(element: Element, href: str) -> bool:
    """Whether a link pages readers' comments: its address names them (WordPress's
    `/comment-page-2/#comments`, `?cpage=2`), or it stands in a box whose class or id does
    and its words name no posts (La Vanguardia calls its live posts comments)."""
    if _COMMENTS_ADDRESS.search(href):
        return True
    return any(_names(node, _COMMENTS_BOX) for node in element.iterancestors()) and (
        _text_score(element) < _NAMES_POSTS
    )


_COMMENTS_ADDRESS = re.compile(r"#(?:comments|respond)$|/comment-page-\d+|[?&]cpage=", re.I)


def _names(node: Element, pattern: re.Pattern[str]) -> bool:
    """Whether a box's class or id says what the pattern does, but for what it only has."""
    names = f"{node.get('class') or ''} {node.get('id') or ''}".strip()
    return bool(names) and pattern.search(_SAYS_IT_HAS.sub(" ", names)) is not None


def _loads_other(element: Element) -> bool:
    """Whether a control that says only "Load more" ("Mehr laden", "Voir plus") loads what is
    no post of the blog: it opens a box in place (`aria-expanded`), or stands in a sidebar,
    readers' comments, a list of other stories or the page's footer or menu (not the stream's
    own <footer> or pager <nav>, in the main column, an article or a section)."""
    if element.get("aria-expanded") is not None:
        return True
    ancestors = list(element.iterancestors())
    if any(node.tag in _OTHER_TAGS or _names(node, _OTHER_BOX) for node in ancestors):
        return True
    return any(node.tag in _PAGE_TAGS for node in ancestors) and not any(
        node.tag in _SECTIONS for node in ancestors
    )
