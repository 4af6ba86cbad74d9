"""Extraction: one response's bytes and URL to a Page of updates (archive.records). No Scrapy,
no I/O."""

from __future__ import annotations

from crawler.extract.page import extract_page

__all__ = ["extract_page"]
