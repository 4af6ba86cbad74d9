"""What travels through Redis: a pass order (scheduler to worker, text) and a finished pass
(worker to writer, bytes). JSON both ways, never pickle: a Redis shared by machines must not
be able to run code in the writer. Raw page bodies travel base64-encoded, compressed."""

from __future__ import annotations

import base64
import dataclasses
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from archive.records import BlogPass, PageFetch, PageState, Update
from archive.watchlist import BlogSettings, Policy

FORMAT = 1
_BYTES = ("body", "rendered")
_PAIRS = ("headers", "request_headers")


class CodecError(ValueError):
    """A message in Redis that this version cannot read (another version's, or damaged)."""


@dataclass
class PassOrder:
    """One pass to do, as the scheduler hands it out: everything a worker needs, so workers
    never read the archive."""

    pass_id: str
    url: str
    settings: BlogSettings = field(default_factory=BlogSettings)
    max_pages: int | None = None  # None: the worker's LIVEBLOG_MAX_PAGES
    # Validators and older links of each page from the blog's last successful pass.
    known: list[PageState] = field(default_factory=list)
    newest_block: str | None = None  # the newest archived Guardian block: a delta's start
    # How the writer reschedules the blog after this pass (the scheduler's policy).
    policy: Policy = field(default_factory=Policy)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "pass_id": self.pass_id,
                "url": self.url,
                "settings": self.settings.as_json(),
                "max_pages": self.max_pages,
                "known": [dataclasses.asdict(k) for k in self.known],
                "newest_block": self.newest_block,
                "policy": dataclasses.asdict(self.policy),
            }
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> PassOrder:
        data = _loads(text)
        try:
            return cls(
                pass_id=str(data["pass_id"]),
                url=str(data["url"]),
                settings=BlogSettings.from_json(data.get("settings") or {}),
                max_pages=data.get("max_pages"),
                known=[PageState(**k) for k in data.get("known") or []],
                newest_block=data.get("newest_block"),
                policy=Policy(**(data.get("policy") or {})),
            )
        except (KeyError, TypeError) as exc:
            raise CodecError(f"a pass order this version cannot read: {exc}") from exc


def encode_pass(order: PassOrder, item: BlogPass) -> bytes:
    """A finished pass with its order, for the writer: compressed JSON."""
    data = {"format": FORMAT, "order": order.to_json(), "pass": _pass_data(item)}
    return zlib.compress(json.dumps(data).encode("utf-8"), 6)


def decode_pass(blob: bytes) -> tuple[PassOrder, BlogPass]:
    """The order and the pass a worker finished; CodecError when it cannot be read."""
    try:
        text = zlib.decompress(blob)
    except zlib.error as exc:
        raise CodecError(f"a finished pass that is not compressed JSON: {exc}") from exc
    data = _loads(text)
    try:
        order = PassOrder.from_json(data["order"])
        item = _blog_pass(data["pass"])
    except (KeyError, TypeError, ValueError) as exc:
        raise CodecError(f"a finished pass this version cannot read: {exc}") from exc
    return order, item


def _loads(text: str | bytes) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CodecError(f"not JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise CodecError(f"format {found!r}, this version reads format {FORMAT}")
    return data


def _pass_data(item: BlogPass) -> dict[str, Any]:
    data = dataclasses.asdict(item)
    for page in data["pages"]:
        for name in _BYTES:
            raw = page[name]
            page[name] = None if raw is None else base64.b64encode(raw).decode("ascii")
    return data


def _blog_pass(data: dict[str, Any]) -> BlogPass:
    pages = []
    for page in data.pop("pages"):
        for name in _BYTES:
            raw = page[name]
            page[name] = None if raw is None else base64.b64decode(raw)
        for name in _PAIRS:
            page[name] = [(str(k), str(v)) for k, v in page[name]]
        pages.append(PageFetch(**page))
    updates = [Update(**u) for u in data.pop("updates")]
    return BlogPass(**data, pages=pages, updates=updates)
