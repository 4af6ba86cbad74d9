"""The published archive in a real browser: Debian's headless Chromium driven by Playwright.

The archive the reading tests share (the sample blog through its demo passes, so one update
has an edit, beside a second blog) is served by `liveblog serve`; the tests open the index, a
blog's timeline, a search and a version diff with no console errors, and show that a hostile
update runs no script.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from crawler.sample import TITLE, UPDATES, SampleBlog, SampleUpdate
from crawler.sample.site import Para
from tests.browser import chromium
from tests.helpers import Server, crawl_local, serving

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Debian's chromium with a fresh profile."""
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


@dataclass
class Tab:
    """A page of the browser that keeps every console error and uncaught exception."""

    page: Any
    base: str
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, (path, response)
        self.page.wait_for_load_state("networkidle")
        return self.page


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    page = browser.new_page()
    opened = Tab(page, "")
    page.on("console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: opened.errors.append(f"uncaught: {exc}"))
    try:
        yield opened
    finally:
        page.close()


@pytest.fixture
def archive(demo_server: Server) -> Server:
    """The sample blog crawled over the demo's three passes, then served (read-only here)."""
    return demo_server


def test_index_links_to_the_timelines(archive: Server, tab: Tab) -> None:
    tab.base = archive.base
    page = tab.open("/")
    assert page.inner_text("h1") == "liveblog-archive"
    page.click("section.content a:text-is('Blog timelines')")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/-/timelines")
    assert page.is_visible(f"text={TITLE}")
    assert tab.errors == []


def test_timeline_shows_updates_newest_first_with_edits_and_a_chart(
    archive: Server, tab: Tab, tmp_path: Path
) -> None:
    tab.base = archive.base
    # From the blogs table: the blog's title links to its timeline.
    page = tab.open("/archive/blogs")
    page.click(f"td a:text-is({TITLE!r})")
    page.wait_for_load_state("networkidle")
    assert "/archive/-/timeline/" in page.url
    assert page.inner_text("h1") == TITLE
    headlines = page.locator(".lb-update .lb-headline").all_inner_texts()
    assert headlines == [u.headline for u in UPDATES]
    edited = page.locator(".lb-update:has(.lb-mark-edited) .lb-headline").all_inner_texts()
    assert edited == [UPDATES[1].headline]
    assert page.locator(".lb-chart svg rect.bar").count() == len(UPDATES)
    assert page.locator(".lb-chart svg g title").first.text_content().endswith("1 update")
    for details in page.locator("details.lb-changes").all():
        details.locator("summary").click()
    shot = tmp_path / "timeline.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert tab.errors == []


def test_search_finds_an_update_in_the_table_and_across_the_archive(
    archive: Server, tab: Tab
) -> None:
    tab.base = archive.base
    page = tab.open("/archive/updates?_search=wristband")
    assert page.locator("table.rows-and-columns tbody tr").count() == 1
    assert UPDATES[3].headline in page.inner_text("table.rows-and-columns")
    # The index's search box leads to the archive's search page.
    page = tab.open("/")
    page.fill(".lb-search-box input[name=q]", "wristband")
    page.click(".lb-search-box input[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator(".lb-hit .lb-headline").all_inner_texts() == [UPDATES[3].headline]
    # A link to a search across the server leads to the archive's search page.
    page = tab.open("/-/search?q=wristband")
    assert page.url.endswith("/archive/-/search?q=wristband")
    assert page.locator(".lb-hit .lb-headline").all_inner_texts() == [UPDATES[3].headline]
    assert tab.errors == []


def test_version_diff_marks_the_added_paragraph(archive: Server, tab: Tab) -> None:
    tab.base = archive.base
    page = tab.open("/archive/-/timeline/1")
    page.click(".lb-mark-edited")
    page.wait_for_load_state("networkidle")
    assert "/archive/-/update/" in page.url
    assert page.inner_text("h1") == UPDATES[1].headline
    change = page.locator(".lb-change").first
    assert "body, modified time changed" in change.inner_text()
    added = change.locator(".lb-diff-body ins").all_inner_texts()
    assert len(added) == 1 and "challenges faced by Theresa May" in added[0]
    assert change.locator(".lb-diff-body del").count() == 0
    assert "none → 2016-10-24 09:52 UTC" in change.inner_text()
    assert page.locator(".lb-version").count() == 2
    assert tab.errors == []


# Raw markup a hacked or careless CMS might put inside an update.
HOSTILE_HTML = (
    "<script>window.__pwned=1</script>"
    '<img src=x onerror="window.__pwned=2">'
    '<a href="javascript:window.__pwned=3">x</a>'
)
HOSTILE_HEADLINE = '<img src=x onerror="window.__pwned=4"> Statement'
MARKER = "Officials issued a statement."


class HostileBlog(SampleBlog):
    """The sample blog, with hostile markup served raw inside one update's body."""

    def page(self, number: int) -> bytes | None:
        body = super().page(number)
        if body is None:
            return None
        return body.replace(f"<p>{MARKER}</p>".encode(), f"<p>{MARKER}</p>{HOSTILE_HTML}".encode())


HOSTILE_UPDATE = SampleUpdate(
    id="update-evil",
    headline=HOSTILE_HEADLINE,
    published="2016-10-24T12:00:00+01:00",
    blocks=[Para(MARKER), Para("Nothing else happened.")],
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, int]]:
    """A crawled hostile update; then its stored HTML made raw, as if never sanitised."""
    tmp = tmp_path_factory.mktemp("hostile")
    db = tmp / "archive.db"
    with HostileBlog([HOSTILE_UPDATE, *UPDATES[:2]], title="Hostile", path="/live") as blog:
        assert crawl_local([blog.url], db)[0].ok
    conn = sqlite3.connect(db)
    try:
        (update_id, stored) = conn.execute(
            "select id, body_html from updates where source_id = ?", ["update-evil"]
        ).fetchone()
        # What the crawler's sanitiser kept: the link's text, not the script or the handlers.
        assert MARKER in stored and "script" not in stored and "javascript" not in stored
        # Defence in depth: pages must stay inert even when the stored HTML is hostile.
        with conn:
            conn.execute(
                "update updates set body_html = body_html || ? where id = ?",
                [HOSTILE_HTML, update_id],
            )
            conn.execute(
                "update update_versions set body_html = body_html || ? where update_id = ?",
                [HOSTILE_HTML, update_id],
            )
    finally:
        conn.close()
    with serving(db, tmp) as server:
        yield server, update_id


INERT = """() => {
  const bodies = document.querySelectorAll('.lb-body, .lb-html');
  const bad = [];
  for (const el of bodies) {
    for (const node of el.querySelectorAll('*')) {
      if (['SCRIPT', 'IMG', 'IFRAME'].includes(node.tagName)) bad.push(node.outerHTML);
      for (const attr of node.attributes) {
        if (attr.name.startsWith('on') || /^\\s*javascript:/i.test(attr.value)) {
          bad.push(node.outerHTML);
        }
      }
    }
  }
  return {bodies: bodies.length, bad, pwned: typeof window.__pwned};
}"""


@pytest.mark.parametrize(
    "path",
    [
        "/archive/-/timeline/1",
        "/archive/-/update/{id}",
        "/archive/updates?_wide=1",
        "/archive/updates/{id}",
        "/archive/update_versions?_wide=1",
    ],
)
def test_hostile_update_runs_no_script(hostile: tuple[Server, int], tab: Tab, path: str) -> None:
    server, update_id = hostile
    tab.base = server.base
    page = tab.open(path.format(id=update_id))
    state = page.evaluate(INERT)
    assert state["bodies"] >= 1
    assert state["bad"] == []
    assert state["pwned"] == "undefined"
    links = page.locator(".lb-body a:text-is('x'), .lb-html a:text-is('x')")
    assert links.count() >= 1
    for link in links.all():
        link.click()
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # The hostile headline is text to read, not markup.
    if "/-/" in path:
        assert HOSTILE_HEADLINE in page.inner_text("body")
    assert tab.errors == []
