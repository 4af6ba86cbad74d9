"""extract_page: one response's bytes to a Page, every source read from a single parse."""

from __future__ import annotations

from crawler.extract import adapters
from crawler.extract.clean import optional_text
from crawler.extract.dom import Element
from crawler.extract.html import parse
from crawler.extract.jsonld import read_jsonld
from crawler.extract.merge import merge
from crawler.extract.microdata import Microdata, read_microdata
from crawler.extract.model import Page
from crawler.extract.pagination import next_urls


def extract_page(body: bytes, url: str, encoding: str | None = None) -> Page:
    """The blog record and updates of one fetched page; pure, so a saved page is a test."""
    root = parse(body, encoding)
    if root is None:
        return Page(url=url)
    # Read-only sources first: adapters prune the entries they read. A page whose bytes
    # never say "itemprop" has no microdata: no need to scan its tree for some.
    ld = read_jsonld(root, url)
    md = read_microdata(root, url) if b"itemprop" in body or b"\x00" in body else Microdata()
    meta = page_meta(root)
    older = next_urls(root, url)
    _, html = adapters.html_updates(root, url)
    return Page(
        url=url,
        title=ld.title or md.title or meta.get("og:title") or _title(root),
        publisher=ld.publisher or optional_text(meta.get("og:site_name")),
        coverage_start=ld.coverage_start or md.coverage_start,
        coverage_end=ld.coverage_end or md.coverage_end,
        updates=merge(html, [ld.updates, md.updates], url),
        next_urls=older,
    )


def page_meta(root: Element) -> dict[str, str]:
    """OpenGraph and named meta tags of the head, first value of each kept."""
    head = root.find("head")
    found: dict[str, str] = {}
    for meta in (head if head is not None else root).iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key and key not in found and meta.get("content"):
            found[key] = optional_text(meta.get("content")) or ""
    return {k: v for k, v in found.items() if v}


def _title(root: Element) -> str | None:
    title = root.find("head/title")
    return optional_text(title.text) if title is not None else None
