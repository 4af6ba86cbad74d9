"""Debian's headless chromium for the tests that check pages in a real browser, launched the
way the crawler's own rendering launches it (crawler/render.py's flags)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright import sync_api

from crawler.render import CHROMIUM_ARGS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@contextmanager
def chromium(profile: Path) -> Iterator[Any]:
    """A browser context with a fresh profile (Playwright's own browser download is not used)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Debian's chromium is not at {CHROMIUM}: install it (apt-get install chromium, as "
            ".ci/run does), or leave the browser tests out with -m 'not browser'."
        )
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield context
        finally:
            context.close()
