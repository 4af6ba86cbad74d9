"""Rendering a blog in a headless browser, when its posts appear only after script runs and a
click on "Load more": scrapy-playwright driving the system's chromium, off by default.

Only requests a pass marks with `render_meta()` go through the browser; every other request
keeps Scrapy's own HTTP handler. The fetch boundary holds inside the browser too: each page
aborts its sub-requests that leave the blog's site (crawler/boundary.py) and closes every
WebSocket, so a rendered page fetches nothing from third parties. A page's route never sees
the hops of a redirect the browser follows, so the route fetches each request itself without
following redirects, checks every hop, and hands the browser only a chain that stays on the
site. The page's raw response is
kept beside the rendered DOM, for the WARC snapshot.

scrapy-playwright is the optional extra `render`: it is imported only when a blog renders.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import lxml.html

from crawler.boundary import refusal

MISSING_EXTRA = (
    "this blog is marked --render, which needs the browser extra: "
    "pip install 'liveblog-archive[render]' (and Debian's chromium, or LIVEBLOG_CHROMIUM)"
)
# The browser binary: Debian's chromium unless LIVEBLOG_CHROMIUM names another; Playwright's
# own browser download is never used.
CHROMIUM_ENV = "LIVEBLOG_CHROMIUM"
DEBIAN_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Request meta: the pass's RenderLog, which the browser fills in and the spider reads.
RENDER_LOG = "liveblog_render"
# Redirect hops the route checks before it gives up on a request.
MAX_HOPS = 10
# Milliseconds a click on "Load more" has to make the page grow before the pass stops clicking.
CLICK_WAIT_MS = 5000

# The words of a "Load more" control in the languages live blogs are written in; a control
# whose whole text (60 characters at most) contains one of them is clicked. "Read more" is
# not among them: it opens one post, not older ones.
LOAD_MORE_WORDS = (
    # English
    "load more", "show more", "see more", "view more", "more posts", "more updates",
    "more entries", "older posts", "older updates", "older entries", "earlier posts",
    "load older", "show older", "show earlier",
    # German
    "mehr laden", "mehr anzeigen", "weitere laden", "weitere beiträge", "weitere einträge",
    "mehr beiträge", "ältere beiträge", "ältere einträge",
    # French
    "charger plus", "afficher plus", "voir plus", "charger la suite", "afficher la suite",
    "plus de messages", "plus d'articles", "messages précédents", "billets précédents",
    # Spanish, Portuguese, Italian
    "cargar más", "ver más", "mostrar más", "más entradas", "entradas anteriores",
    "carregar mais", "ver mais", "mostrar mais", "posts anteriores",
    "carica altri", "mostra altri", "carica di più", "mostra di più", "vedi altri",
    "post precedenti", "aggiornamenti precedenti",
    # Dutch, Scandinavian, Finnish
    "meer laden", "laad meer", "toon meer", "bekijk meer", "meer berichten", "oudere berichten",
    "ladda fler", "visa fler", "visa mer", "äldre inlägg", "indlæs flere", "vis flere",
    "vis mere", "last flere", "se flere", "eldre innlegg", "näytä lisää", "lataa lisää",
    # Polish, Czech, Turkish, Greek
    "pokaż więcej", "załaduj więcej", "wczytaj więcej", "starsze wpisy", "načíst další",
    "zobrazit více", "zobrazit další", "starší příspěvky", "daha fazla", "devamını yükle",
    "περισσότερα",
    # Russian, Ukrainian
    "загрузить ещё", "загрузить еще", "показать ещё", "показать еще", "показать больше",
    "завантажити ще", "показати ще", "показати більше",
    # Arabic, Hebrew, Hindi
    "تحميل المزيد", "عرض المزيد", "טען עוד", "הצג עוד", "और देखें", "और लोड करें",
    # Chinese, Japanese, Korean
    "加载更多", "載入更多", "查看更多", "显示更多", "顯示更多", "もっと見る", "さらに表示",
    "さらに読み込む", "더보기", "더 보기",
)  # fmt: skip
# One pattern for Python and the page's JavaScript alike: words, spaces and apostrophes only.
LOAD_MORE_PATTERN = "|".join(w.replace(" ", r"\s+") for w in LOAD_MORE_WORDS)
LOAD_MORE = re.compile(LOAD_MORE_PATTERN, re.IGNORECASE)
MAX_CONTROL_TEXT = 60
# Controls a script acts on: a link with a real address is a page the spider follows instead.
_CONTROLS = "//button | //*[@role='button'] | //input[@type='button'] | //a"
_SCRIPT_HREF = re.compile(r"^\s*(#|javascript:|$)", re.IGNORECASE)

# In the page: click the blog's "Load more" (the adapter's selector, else the generic rule)
# until `maxClicks`, or until a click makes nothing new appear; say whether one is left.
_CLICK_LOAD_MORE = """
async ([maxClicks, selector, pattern, maxText, waitMs]) => {
  const words = new RegExp(pattern, "iu");
  const shown = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const scripted = (el) => el.tagName !== "A" || /^\\s*(#|javascript:|$)/i.test(el.getAttribute("href") || "");
  const label = (el) => (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
  const find = () => {
    const found = selector
      ? [...document.querySelectorAll(selector)]
      : [...document.querySelectorAll('button, [role="button"], input[type="button"], a')]
          .filter((el) => scripted(el) && label(el).length <= maxText && words.test(label(el)));
    return found.find((el) => shown(el) && !el.disabled) || null;
  };
  const size = () => document.getElementsByTagName("*").length;
  const pause = (ms) => new Promise((done) => setTimeout(done, ms));
  let clicks = 0;
  for (;;) {
    const control = find();
    if (!control) return { clicks, more: false };
    if (clicks >= maxClicks) return { clicks, more: true };
    const before = size();
    control.click();
    clicks += 1;
    const start = Date.now();
    while (size() <= before && Date.now() - start < waitMs) await pause(50);
    if (size() <= before) return { clicks, more: false };
    let settled = size();
    for (;;) { await pause(150); if (size() === settled) break; settled = size(); }
  }
}
"""


@dataclass
class RenderLog:
    """What the browser did for one rendered request: the raw response, clicks, refusals."""

    guarded: bool = False  # the boundary's route was installed before the page loaded
    status: int | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    raw: bytes | None = None  # the navigation response's body, as the server sent it
    clicks: int = 0
    more: bool = False  # a "Load more" was still there when the clicks ran out
    refused: list[str] = field(default_factory=list)  # sub-requests aborted at the boundary
    # Why a redirect was not followed, one sentence each (crawler/boundary.py's refusal).
    redirects: list[str] = field(default_factory=list)
    navigation: Any = field(default=None, repr=False)


def available() -> bool:
    """Whether the `render` extra is installed (without importing it: that takes seconds)."""
    try:
        return importlib.util.find_spec("scrapy_playwright") is not None
    except (ImportError, ValueError):
        return False


def chromium() -> str:
    """The browser binary: LIVEBLOG_CHROMIUM, else Debian's chromium, else one on PATH."""
    chosen = os.environ.get(CHROMIUM_ENV)
    if chosen:
        return chosen
    if os.path.exists(DEBIAN_CHROMIUM):
        return DEBIAN_CHROMIUM
    return shutil.which("chromium") or DEBIAN_CHROMIUM


def render_settings() -> dict[str, Any]:
    """Scrapy settings that install the browser handler (for http and https) for this run."""
    handler = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
    return {
        "DOWNLOAD_HANDLERS": {
            "file": None,
            "ftp": None,
            "s3": None,
            "data": None,
            "http": handler,
            "https": handler,
        },
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {
            "executable_path": chromium(),
            "args": CHROMIUM_ARGS,
            "headless": True,
        },
        # No service worker may fetch behind the page's routes.
        "PLAYWRIGHT_CONTEXTS": {"default": {"service_workers": "block"}},
        "PLAYWRIGHT_ABORT_REQUEST": "crawler.render.other_scheme",
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
    }


def other_scheme(request: Any) -> bool:
    """Any browser request but http(s) is aborted, whatever page made it."""
    return not request.url.lower().startswith(("http://", "https://"))


def render_meta(max_clicks: int, selector: str | None = None) -> dict[str, Any]:
    """Request meta that sends one page of a pass through the browser and clicks "Load more"."""
    from scrapy_playwright.page import PageMethod

    log = RenderLog()
    return {
        "playwright": True,
        RENDER_LOG: log,
        "playwright_page_init_callback": guard_page,
        "playwright_page_goto_kwargs": {"wait_until": "load"},
        "playwright_page_methods": [
            PageMethod(keep_raw, log),
            PageMethod(
                "evaluate",
                _CLICK_LOAD_MORE,
                [max(0, max_clicks), selector, LOAD_MORE_PATTERN, MAX_CONTROL_TEXT, CLICK_WAIT_MS],
            ),
        ],
    }


async def guard_page(page: Any, request: Any) -> None:
    """Before the page loads: abort what leaves the blog's site, close every WebSocket, and
    watch for the navigation's own response."""
    from playwright.async_api import Error as PlaywrightError

    from crawler.middlewares import HOSTS, SITE

    log: RenderLog = request.meta[RENDER_LOG]
    site = request.meta.get(SITE) or request.url
    hosts = request.meta.get(HOSTS, ())

    async def route(route: Any, sub: Any) -> None:
        if refusal(sub.url, site, hosts) is not None:
            log.refused.append(sub.url)
            await route.abort("blockedbyclient")
            return
        try:
            response = await route.fetch(max_redirects=0)
            why = await _off_site_hop(page, route.request.url, response, site, hosts)
        except PlaywrightError:
            await route.abort("failed")
            return
        if why is not None:
            log.refused.append(sub.url)
            log.redirects.append(why)
            await route.abort("blockedbyclient")
        else:
            await route.fulfill(response=response)

    async def no_socket(socket: Any) -> None:
        await socket.close()

    def seen(response: Any) -> None:
        navigation = response.request.is_navigation_request()
        if log.navigation is None and navigation and response.frame == page.main_frame:
            log.navigation = response

    cookies = _cookies(request.headers.get(b"Cookie"), site)
    if cookies:
        await page.context.add_cookies(cookies)
    await page.route("**/*", route)
    await page.route_web_socket("**", no_socket)
    page.on("response", seen)
    log.guarded = True


async def _off_site_hop(page: Any, url: str, response: Any, site: str, hosts: Any) -> str | None:
    """Why a response's redirect chain may not be followed, hop by hop, each fetched (with the
    page's cookies) without following it; None when every hop stays on the blog's site, which
    the browser then follows."""
    for _ in range(MAX_HOPS):
        location = response.headers.get("location")
        if not 300 <= response.status < 400 or not location:
            return None
        target = urljoin(url, location)
        why = refusal(target, site, hosts, redirected_from=url)
        if why is not None:
            return why
        url = target
        response = await page.context.request.get(url, max_redirects=0)
    return f"{url}: more than {MAX_HOPS} redirects, not followed"


def _cookies(header: bytes | None, site: str) -> list[dict[str, str]]:
    """A Cookie header the blog's settings send, as browser cookies for the blog's site:
    Chromium ignores a Cookie header set on an intercepted request."""
    pairs = (part.partition("=") for part in (header or b"").decode("latin-1").split(";"))
    return [
        {"name": name.strip(), "value": value.strip(), "url": site}
        for name, equals, value in pairs
        if equals and name.strip()
    ]


async def keep_raw(page: Any, log: RenderLog) -> None:
    """After navigation: the raw response's status, headers and bytes, for the snapshot."""
    from playwright.async_api import Error as PlaywrightError

    response = log.navigation
    if response is None:
        return
    log.status = response.status
    log.headers = [(h["name"], h["value"]) for h in await response.headers_array()]
    try:
        log.raw = await response.body()
    except PlaywrightError:
        log.raw = None


def clicked(meta: dict[str, Any]) -> RenderLog | None:
    """The RenderLog of a rendered response, with the click script's answer read in."""
    log: RenderLog | None = meta.get(RENDER_LOG)
    if log is None:
        return None
    methods = meta.get("playwright_page_methods") or []
    answer = methods[-1].result if methods else None
    if isinstance(answer, dict):
        log.clicks = int(answer.get("clicks") or 0)
        log.more = bool(answer.get("more"))
    return log


def load_more_selector(url: str) -> str | None:
    """The "Load more" selector the adapter of the blog's publisher names, if any."""
    from crawler.extract.adapters import REGISTRY
    from crawler.extract.dom import host_of

    host = host_of(url)
    return next((a.load_more for a in REGISTRY if a.load_more and a.serves(host)), None)


def needs_render(text: str) -> bool:
    """Whether the page (its decoded text) shows a "Load more" that only script can follow: a
    button, or a link without an address, whose text says so."""
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError):
        return False
    for control in root.xpath(_CONTROLS):
        if control.tag == "a" and not _SCRIPT_HREF.match(control.get("href") or ""):
            continue
        if control.xpath("ancestor::noscript | ancestor::template"):
            continue
        text = " ".join((control.text_content() or control.get("value") or "").split())
        if text and len(text) <= MAX_CONTROL_TEXT and LOAD_MORE.search(text):
            return True
    return False
