"""What every JSON reader needs: the payload's data, and a body read as the page would show it.

A vendor's post arrives as HTML parts or as structured blocks; each reader writes the markup
the page would show for them and hands it to the body walker the HTML adapters use, so a
post reads the same (text, sanitised markup, media) whichever door it came through.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from crawler.extract.entries import prepare, render_body
from crawler.extract.html import parse_fragment


def data_of(payload: bytes) -> Any | None:
    """The parsed JSON of a response body, or None when it is not JSON."""
    try:
        return json.loads(payload.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError):
        return None


def body_of(
    markup: str, base_url: str, headline: str | None = None
) -> tuple[str, str, list[dict[str, Any]]]:
    """(body_text, body_html, media) of a post's markup, read by the HTML body walker."""
    fragment = parse_fragment(markup) if markup.strip() else None
    if fragment is None:
        return "", "", []
    return render_body(prepare(fragment), base_url, headline=headline)


def figure(url: str | None, caption: str | None = None, credit: str | None = None) -> str:
    """An image as a page shows it: the picture, its caption, its credit."""
    if not url:
        return ""
    parts = escape(caption or "", quote=False)
    if credit:
        parts += f' <span class="credit">{escape(credit, quote=False)}</span>'
    caption_html = f"<figcaption>{parts}</figcaption>" if parts.strip() else ""
    return f'<figure><img src="{escape(url)}" alt="">{caption_html}</figure>'


def paragraph(text: str | None) -> str:
    """Plain text as a paragraph (escaped)."""
    return f"<p>{escape(text, quote=False)}</p>" if text and text.strip() else ""


def mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def items(value: Any) -> list[dict[str, Any]]:
    """The objects of a JSON array (anything else in it left out)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def count(value: Any) -> int | None:
    """A non-negative whole number, or None."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    try:
        number = int(value)
    except ValueError:
        return None
    return number if number >= 0 else None
