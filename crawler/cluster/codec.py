"""What travels through Redis: a pass order (scheduler to worker, text) and a finished pass
(worker to writer, bytes). JSON both ways, never pickle: a Redis shared by machines must not
be able to run code in the writer.

A finished pass is `LBP2`, the length of its compressed JSON head (4 bytes, big-endian), that
head, then the raw byte segments the head refers to by number (its pages' WARC records, which
are gzip already, or raw bodies): no base64, nothing compressed twice."""

from __future__ import annotations

import dataclasses
import json
import struct
import zlib
from dataclasses import dataclass, field
from typing import Any

from archive.records import BlogPass, PageFetch, PageState, Update
from archive.watchlist import BlogSettings, Policy

FORMAT = 2
MAGIC = b"LBP2"
_HEAD = struct.Struct(">I")
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
    title: str | None = None  # the blog's title in the archive (None: a scheduler before it)
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
                "title": self.title,
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
                title=data.get("title"),
                policy=Policy(**(data.get("policy") or {})),
            )
        except (KeyError, TypeError) as exc:
            raise CodecError(f"a pass order this version cannot read: {exc}") from exc


def encode_pass(order: PassOrder, item: BlogPass) -> bytes:
    """A finished pass with its order, for the writer."""
    segments: list[bytes] = []
    data = {"format": FORMAT, "order": order.to_json(), "pass": _pass_data(item, segments)}
    data["segments"] = [len(segment) for segment in segments]
    head = zlib.compress(json.dumps(data).encode("utf-8"), 1)
    return b"".join([MAGIC, _HEAD.pack(len(head)), head, *segments])


def decode_pass(blob: bytes) -> tuple[PassOrder, BlogPass]:
    """The order and the pass a worker finished; CodecError when it cannot be read."""
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + _HEAD.size:
        raise CodecError(f"not a finished pass of format {FORMAT}")
    (size,) = _HEAD.unpack_from(blob, len(MAGIC))
    start = len(MAGIC) + _HEAD.size
    try:
        data = _loads(zlib.decompress(blob[start : start + size]))
    except zlib.error as exc:
        raise CodecError(f"a finished pass whose head is damaged: {exc}") from exc
    try:
        segments = _segments(blob, start + size, data["segments"])
        order = PassOrder.from_json(data["order"])
        item = _blog_pass(data["pass"], segments)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise CodecError(f"a finished pass this version cannot read: {exc}") from exc
    return order, item


def _segments(blob: bytes, offset: int, sizes: list[int]) -> list[bytes]:
    segments = []
    for size in sizes:
        if size < 0 or offset + size > len(blob):
            raise ValueError("a segment runs past the end")
        segments.append(blob[offset : offset + size])
        offset += size
    if offset != len(blob):
        raise ValueError("bytes after the last segment")
    return segments


def _loads(text: str | bytes) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CodecError(f"not JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise CodecError(f"format {found!r}, this version reads format {FORMAT}")
    return data


def _pass_data(item: BlogPass, segments: list[bytes]) -> dict[str, Any]:
    data = dataclasses.asdict(item)
    for page in data["pages"]:
        for name in _BYTES:
            page[name] = _segment(page[name], segments)
        if page["warc"] is not None:
            page["warc"] = [_segment(record, segments) for record in page["warc"]]
    return data


def _segment(raw: bytes | None, segments: list[bytes]) -> int | None:
    if raw is None:
        return None
    segments.append(raw)
    return len(segments) - 1


def _take(segments: list[bytes], index: object) -> bytes:
    if not isinstance(index, int) or not 0 <= index < len(segments):
        raise ValueError(f"no segment {index!r}")
    return segments[index]


def _blog_pass(data: dict[str, Any], segments: list[bytes]) -> BlogPass:
    pages = []
    for page in data.pop("pages"):
        for name in _BYTES:
            page[name] = None if page[name] is None else _take(segments, page[name])
        if page["warc"] is not None:
            page["warc"] = [_take(segments, i) for i in page["warc"]]
        for name in _PAIRS:
            page[name] = [(str(k), str(v)) for k, v in page[name]]
        pages.append(PageFetch(**page))
    updates = [Update(**u) for u in data.pop("updates")]
    return BlogPass(**data, pages=pages, updates=updates)
