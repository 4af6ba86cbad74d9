"""Extraction: one response's bytes and URL to a Page of updates. No Scrapy, no I/O."""

from __future__ import annotations

from crawler.extract.model import FIDELITY_HTML, FIDELITY_STRUCTURED, Page, Update
from crawler.extract.page import extract_page

__all__ = ["FIDELITY_HTML", "FIDELITY_STRUCTURED", "Page", "Update", "extract_page"]
