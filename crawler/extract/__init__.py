"""Extraction: one response's bytes and URL to a Page of updates (archive.records). No Scrapy,
no I/O."""

from __future__ import annotations

from crawler.extract.page import Reading, extract_page, extract_reading

__all__ = ["Reading", "extract_page", "extract_reading"]
