"""Signs that a page does not show the whole blog, or the whole of a post.

- A load-more control that says how many posts it holds ("Load more (143)", "Show 143 more
  posts", "143 weitere Beiträge laden"): those posts are not on the page yet, so the blog has
  the page's own and that many more.
- A post that ends in a "Read more" control opening the post in place (a button, or a link to
  nothing, to the page itself or to the post's own anchor): the page shows its start only. A
  "Read more" link to another page is a teaser for an article, not a cut post.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from crawler.extract import walks
from crawler.extract.clean import normalise_text
from crawler.extract.dom import (
    Element,
    absolute,
    in_tree,
    text_of,
    without_fragment,
)

# What a load-more control says, and what it loads (posts), in the languages read here: the
# counted controls below and the older-updates links (pagination.py) read the same words.
LOAD_MORE = (
    r"(?:load|show|see|view)\s+more|(?:mehr|weitere)\s+(?:laden|anzeigen)|"
    r"(?:charger|voir|afficher)\s+plus|(?:carica|mostra|vedi)\s+(?:altri|altre|altro|di\s+più)|"
    r"(?:cargar|ver|mostrar)\s+más|(?:carregar|ver|mostrar)\s+mais|meer\s+laden|laad\s+meer|"
    r"toon\s+meer|(?:załaduj|pokaż|wczytaj|zobacz)\s+więcej|"
    # Beyond the languages read: Nordic, Finnish, Croatian/Serbian/Bosnian (both scripts),
    # Slovenian, Romanian, Czech and Slovak, Bulgarian, Ukrainian, Russian, Hungarian,
    # Turkish, Indonesian and Malay, Greek.
    r"(?:vis|visa|se|hent)\s+(?:flere|fler)|last\s+inn\s+flere|ladda\s+fler|indlæs\s+flere|"
    r"(?:näytä|lataa)\s+lisää|(?:učitaj|ucitaj|prikaži|prikazi)\s+(?:još|jos|više|vise)|"
    r"(?:учитај|прикажи)\s+(?:још|више)|(?:naloži|nalozi)\s+(?:več|vec|starejše|starejse)|"
    r"(?:vezi|încarcă|incarca|afișează|afiseaza|arată|arata)\s+mai\s+multe|"
    r"(?:načíst|nacist|zobrazit|načítať|nacitat|zobraziť)\s+(?:další|dalsi|více|vice|ďalšie|"
    r"dalsie|viac)|(?:зареди|покажи)\s+още|(?:завантажити|показати)\s+(?:ще|більше)|"
    r"(?:загрузить|показать)\s+(?:ещё|еще|больше)|(?:további(?:ak)?|több)\s+betöltése|"
    r"daha\s+fazla\s+(?:yükle|göster|goster)|(?:muat|tampilkan)\s+(?:lebih\s+banyak|lainnya)|"
    r"(?:φόρτωση|εμφάνιση)\s+περισσότερων"
)
_MORE = r"more|weitere|autres|más|altri|meer|więcej|mais"
POSTS = (
    r"updates?|posts?|entries|beiträge|einträge|meldungen|messages|billets|mises\s+à\s+jour|"
    r"publications|actualizaciones|publicaciones|entradas|aggiornamenti|notizie|berichten|"
    r"wpisy|wpisów|aktualizacje|atualizações"
)
# "Load more (143)", "Load more updates [143]", "Show 143 more posts", "143 more updates",
# "143 weitere Beiträge laden".
_COUNTED = (
    re.compile(
        rf"^(?:{LOAD_MORE})(?:\s+(?:de|di|of))?(?:\s+(?:{POSTS}))?\s*[(\[](\d{{1,6}})[)\]]$", re.I
    ),
    re.compile(
        rf"^(?:(?:load|show|see|view)\s+)?(\d{{1,6}})\s+(?:{_MORE})\s+(?:{POSTS})"
        r"(?:\s+(?:laden|anzeigen|charger|cargar|caricare))?$",
        re.I,
    ),
)
_MAX_CONTROL_TEXT = 60
_BRACKETED_ENDS = (")", "]", ")\n", "]\n")  # how _COUNTED's first ends, "$" before a last newline

_READ_MORE = re.compile(
    r"^(?:read|show|see|view)\s+(?:more|full\s+post|the\s+full\s+post)|^continue\s+reading|"
    r"^expand|^weiterlesen|^mehr\s+(?:lesen|anzeigen)|^lire\s+la\s+suite|^(?:voir|afficher)\s+plus|"
    r"^(?:leer|ver)\s+más|^seguir\s+leyendo|^leggi\s+(?:tutto|di\s+più)|^continua\s+a\s+leggere|"
    r"^mostra\s+di\s+più|^lees\s+(?:meer|verder)|^toon\s+meer|^czytaj\s+(?:więcej|dalej)|"
    r"^pokaż\s+więcej|^(?:leia|ler|ver)\s+mais",
    re.I,
)
_IN_PLACE = ("", "#")
_CONTROLS = frozenset({"a", "button"})


def stated_more(root: Element, gathered: Sequence[Element] | None = None) -> int | None:
    """How many posts a load-more control says it holds besides those the page shows.

    `gathered`: the page's elements of several tags in page order, all its <a> and <button>
    among them (survey_gathering), taken before entries were read: read instead of a walk
    of the tree, those that reading removed from it passed over. (Reading an entry removes
    elements and wraps runs of siblings in a box; it moves no control across another.)
    """
    controls: Iterable[Element] = root.iter("a", "button") if gathered is None else gathered
    for control, text in walks.digit_texts(controls, _CONTROLS, _MAX_CONTROL_TEXT * 4):
        text = normalise_text(text)
        if len(text) > _MAX_CONTROL_TEXT:
            continue
        # (the first closes on its count in brackets, which most controls' texts do not)
        for pattern in _COUNTED if text.endswith(_BRACKETED_ENDS) else _COUNTED[1:]:
            match = pattern.match(text)
            if match and (gathered is None or in_tree(control, root)):
                return int(match.group(1))
    return None


def says_read_more(text: str) -> bool:
    """Whether a control's text is a "Read more" ("Continue reading", "Weiterlesen", "Lire la
    suite"…), in the languages read here."""
    return len(text) <= _CONTROL_TEXT and _READ_MORE.match(text.strip(_AROUND)) is not None


_CONTROL_TEXT = 40  # characters of a control's text: a longer one is a link's words
_AROUND = " .…»›>→"  # the marks around a control's words ("Read more »")


def is_stub(body: Element | None, page_url: str, permalink: str | None = None) -> bool:
    """Whether a post's body ends in a "Read more" that opens the post where it stands."""
    if body is None or not walks.holds(body, _CONTROLS):  # most posts hold no control at all
        return False
    here = without_fragment(page_url)
    own = without_fragment(permalink) if permalink else here
    for control in body.iter("a", "button"):
        text = text_of(control)
        if not text or not says_read_more(text):
            continue
        if control.tag == "button":
            return True
        href = (control.get("href") or "").strip()
        if href in _IN_PLACE or href.lower().startswith("javascript:"):
            return True
        target = absolute(href, page_url)
        if target is not None and without_fragment(target) in (here, own):
            return True
    return False
