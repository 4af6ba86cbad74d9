"""Raw snapshots: every archived HTTP response kept as WARC records, so updates can be re-extracted.

Records live in `<database file name>.warc/` next to the database, one gzip member per record,
in files named `liveblog-YYYYMMDD-HHMMSSffffff-<pid>.warc.gz`: one file per writer process and day,
so two processes writing at once never share a file. A `SnapshotRef` (file, offset, length)
points at one response record and is stored in the database as `"<file>#<offset>:<length>"`.
A page a browser rendered keeps its DOM as a `conversion` record that refers to the raw
response; its reference points at the conversion, which is what was extracted.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.recordbuilder import RecordBuilder
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.db import ArchiveError
from archive.times import now_utc, parse_utc

logger = logging.getLogger(__name__)

FOLDER_SUFFIX = ".warc"
FILE_PREFIX = "liveblog-"
FILE_SUFFIX = ".warc.gz"
WARC_VERSION = "1.1"
COMPRESS_LEVEL = 6  # warcio's own writer uses 9: far slower on MB pages for a few % of size
READ_CHUNK = 1 << 20
# A plain file name of ours: a reference read from the database must not reach outside the folder.
_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.warc\.gz")
_REF = re.compile(r"(?P<file>[^#]+)#(?P<offset>\d+):(?P<length>\d+)")


class SnapshotError(ArchiveError):
    """A snapshot that cannot be written or read back; the message says where and what to do."""


@dataclass(frozen=True, order=True)
class SnapshotRef:
    """Where one response record lives: a file in the snapshot folder, its offset and length."""

    file: str
    offset: int
    length: int

    def __str__(self) -> str:
        return f"{self.file}#{self.offset}:{self.length}"

    @classmethod
    def parse(cls, text: str) -> SnapshotRef:
        """Read back the database column form, refusing anything that could point elsewhere."""
        match = _REF.fullmatch(text.strip())
        if match is None or not _FILE_NAME.fullmatch(match["file"]) or int(match["length"]) == 0:
            raise SnapshotError(
                f"{text!r} is not a snapshot reference: expected "
                "'<file>.warc.gz#<offset>:<length>'; the database column holding it is damaged."
            )
        return cls(match["file"], int(match["offset"]), int(match["length"]))


@dataclass(frozen=True)
class Snapshot:
    """One archived HTTP response, as the extractor needs it to read the page again."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: str  # the WARC-Date: ISO 8601 UTC, "Z"


class _Utf8Headers(StatusAndHeaders):
    """HTTP headers written as UTF-8, so any str value reads back unchanged (warcio %-encodes)."""

    def compute_headers_buffer(self, header_filter: Any = None) -> None:
        self.headers_buff = self.to_bytes(header_filter, encoding="utf-8")


def _clean(headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """A CR or LF inside a header would end the header block early and corrupt the record."""
    return [(_one_line(name), _one_line(value)) for name, value in headers]


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def _warc_date(fetched_at: str) -> str:
    """WARC-Date in UTC with the precision given: whole seconds stay whole, fractions keep 6."""
    text = fetched_at.strip()
    moment = parse_utc(text.replace("z", "Z"))
    if moment is None:
        raise ValueError(f"fetched_at {fetched_at!r} is not an ISO 8601 time")
    moment = moment.astimezone(UTC)
    has_fraction = "." in text or "," in text
    spec = "microseconds" if has_fraction else "seconds"
    return moment.replace(tzinfo=None).isoformat(timespec=spec) + "Z"


def _status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _request_target(url: str) -> tuple[str, str]:
    """The origin-form target and Host of the request line, as the client sent them."""
    parts = urlsplit(url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return target, parts.netloc


def _gzip_member(data: bytes, level: int) -> bytes:
    """One record, one gzip member: what lets a reader seek straight to it."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    return compressor.compress(data) + compressor.flush()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_folder(folder: Path) -> None:
    """Make a new file's name durable too, not only its bytes."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a directory; the file itself is synced
    finally:
        os.close(fd)


class _DamagedError(Exception):
    """A record that is not whole; read() turns it into a SnapshotError, iter_all() stops at it."""


def _parse_response(data: bytes, kinds: tuple[str, ...] = ("response",)) -> Snapshot | None:
    """The response (or rendered page) in one uncompressed record, digests verified; None for
    record types not in `kinds`."""
    try:
        iterator = ArchiveIterator(io.BytesIO(data), check_digests=True)
        record = next(iter(iterator), None)
        if record is None:
            raise _DamagedError("holds no WARC record")
        if record.rec_type not in kinds:
            return None
        body = record.raw_stream.read()
    except Exception as e:  # warcio reports garbage in many types, AttributeError among them
        raise _DamagedError(f"is not a valid WARC record ({str(e)[:120]!r})") from e
    # Our records always carry digests: unchecked means the block was cut short.
    if record.digest_checker.passed is not True:
        problems = "; ".join(record.digest_checker.problems) or "record shorter than declared"
        raise _DamagedError(f"fails its digest check ({problems})")
    if record.rec_type == "conversion":
        return Snapshot(
            url=record.rec_headers.get_header("WARC-Target-URI") or "",
            status=200,
            headers=[("Content-Type", record.rec_headers.get_header("Content-Type") or "")],
            body=body,
            fetched_at=record.rec_headers.get_header("WARC-Date") or "",
        )
    if record.http_headers is None:
        raise _DamagedError("has no HTTP headers")
    try:
        status = int(record.http_headers.get_statuscode())
    except ValueError:
        raise _DamagedError("has no HTTP status") from None
    return Snapshot(
        url=record.rec_headers.get_header("WARC-Target-URI") or "",
        status=status,
        headers=list(record.http_headers.headers),
        body=body,
        fetched_at=record.rec_headers.get_header("WARC-Date") or "",
    )


def _inflate(data: bytes) -> bytes:
    """Exactly one whole gzip member, its CRC checked; anything less or more is damage."""
    decompressor = zlib.decompressobj(zlib.MAX_WBITS + 16)
    try:
        out = decompressor.decompress(data)
    except zlib.error as e:
        raise _DamagedError(f"is not a whole gzip member ({e})") from e
    if not decompressor.eof:
        raise _DamagedError("is cut short (a gzip member without its end)")
    if decompressor.unused_data:
        raise _DamagedError("is longer than its gzip member")
    return out


def _members(stream: BinaryIO) -> Iterator[tuple[int, int, bytes]]:
    """(offset, length, inflated bytes) per gzip member: read on until one breaks, then raise."""
    pending = b""
    position = 0  # file offset of pending[0]
    while True:
        if not pending:
            pending = stream.read(READ_CHUNK)
            if not pending:
                return
        start = position
        decompressor = zlib.decompressobj(zlib.MAX_WBITS + 16)
        parts: list[bytes] = []
        while True:
            try:
                parts.append(decompressor.decompress(pending))
            except zlib.error as e:
                raise _DamagedError(f"at offset {start} is not a whole gzip member ({e})") from e
            if decompressor.eof:
                position += len(pending) - len(decompressor.unused_data)
                pending = decompressor.unused_data
                yield start, position - start, b"".join(parts)
                break
            position += len(pending)
            pending = stream.read(READ_CHUNK)
            if not pending:
                raise _DamagedError(
                    f"at offset {start} is cut short (a gzip member without its end)"
                )


def warc_records(
    url: str,
    status: int,
    response_headers: Sequence[tuple[str, str]],
    body: bytes,
    request_headers: Sequence[tuple[str, str]],
    fetched_at: str,
    method: str = "GET",
    rendered: bytes | None = None,
    *,
    compress_level: int = COMPRESS_LEVEL,
) -> tuple[bytes, bytes, bytes]:
    """The gzip members: the response first, then the request that points at it, then the
    rendered page that refers to it (b"" without one). A pure function of its arguments
    (and fresh record ids): a worker of the scale-out makes them, the writer appends them."""
    builder = RecordBuilder(warc_version=WARC_VERSION)
    date = _warc_date(fetched_at)
    http = _Utf8Headers(_status_line(status), _clean(response_headers), protocol="HTTP/1.1")
    response = builder.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )
    target, host = _request_target(url)
    sent = _clean(request_headers)
    if host and not any(name.lower() == "host" for name, _ in sent):
        sent.insert(0, ("Host", host))
    request = builder.create_warc_record(
        url,
        "request",
        payload=io.BytesIO(b""),
        length=0,
        http_headers=_Utf8Headers(f"{method} {target} HTTP/1.1", sent, is_http_request=True),
        warc_headers_dict={
            "WARC-Date": date,
            "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
        },
    )
    if rendered is None:
        return _member(response, compress_level), _member(request, compress_level), b""
    conversion = builder.create_warc_record(
        url,
        "conversion",
        payload=io.BytesIO(rendered),
        length=len(rendered),
        warc_content_type="text/html; charset=utf-8",
        warc_headers_dict={
            "WARC-Date": date,
            "WARC-Refers-To": response.rec_headers.get_header("WARC-Record-ID"),
        },
    )
    return (
        _member(response, compress_level),
        _member(request, compress_level),
        _member(conversion, compress_level),
    )


def _member(record: Any, level: int) -> bytes:
    buffer = io.BytesIO()
    WARCWriter(buffer, gzip=False, warc_version=WARC_VERSION).write_record(record)
    return _gzip_member(buffer.getvalue(), level)


class SnapshotStore:
    """The WARC files beside one archive database: append-only writes, reads by reference."""

    def __init__(self, db_path: str | Path, *, compress_level: int = COMPRESS_LEVEL) -> None:
        # Named after the archive's real file: a crawl through a symlink to it keeps its
        # snapshots with everyone else's. One named after the link, as earlier versions
        # made, is still read.
        typed = Path(db_path).expanduser().absolute()
        real = typed.resolve()
        self.folder = real.with_name(real.name + FOLDER_SUFFIX)
        self._linked = typed.with_name(typed.name + FOLDER_SUFFIX)
        self.compress_level = compress_level
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._file = ""
        self._end = 0  # where our last write ended: anything else means the file was damaged
        self._pid = 0
        self._day = ""

    def __enter__(self) -> SnapshotStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the current file; the next write starts a new one."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            # A forked child closes only its own copy of the descriptor.
            with contextlib.suppress(OSError):
                os.close(fd)

    def path(self, ref: SnapshotRef) -> Path:
        """The file a reference points into, refusing names that would leave the folder."""
        if not _FILE_NAME.fullmatch(ref.file):
            raise SnapshotError(
                f"{str(ref)!r} does not name a snapshot file: the reference is damaged."
            )
        path = self.folder / ref.file
        if not path.exists() and (self._linked / ref.file).exists():
            return self._linked / ref.file
        return path

    # -- writing -----------------------------------------------------------------------------

    def write(
        self,
        url: str,
        status: int,
        response_headers: Sequence[tuple[str, str]],
        body: bytes,
        request_headers: Sequence[tuple[str, str]],
        fetched_at: str,
        *,
        method: str = "GET",
        rendered: bytes | None = None,
    ) -> SnapshotRef:
        """Append the request and response, durably, before the database row that points at them;
        with `rendered` (the DOM a browser made of the page), a conversion record after them,
        and the reference points at it."""
        made = warc_records(
            url,
            status,
            response_headers,
            body,
            request_headers,
            fetched_at,
            method,
            rendered,
            compress_level=self.compress_level,
        )
        return self.append(url, made)

    def append(self, url: str, made: Sequence[bytes]) -> SnapshotRef:
        """Append records made by `records` (here, or by a scale-out worker), durably; the
        reference points at the conversion record when there is one, else the response."""
        response, request, conversion = made
        with self._lock:
            fd, name, offset = self._current_file()
            try:
                _write_all(fd, response + request + conversion)
                os.fsync(fd)
            except OSError as e:
                self._abandon(offset)
                raise SnapshotError(
                    f"Cannot write the snapshot of {url} to {self.folder / name} ({e.strerror}): "
                    "check the free space and permissions of that folder."
                ) from e
            self._end = offset + len(response) + len(request) + len(conversion)
        if conversion:
            return SnapshotRef(name, offset + len(response) + len(request), len(conversion))
        return SnapshotRef(name, offset, len(response))

    def _current_file(self) -> tuple[int, str, int]:
        """This process's file for today, whole as we left it; otherwise a new one."""
        pid = os.getpid()
        now = now_utc()
        day = now.strftime("%Y%m%d")
        if self._fd is not None and self._pid == pid and self._day == day:
            try:
                size = os.fstat(self._fd).st_size
            except OSError:
                size = -1
            if size == self._end:
                return self._fd, self._file, size
            # Truncated or written to by someone else: what follows would be unreachable.
            logger.warning(
                "%s changed under this writer (%d bytes, expected %d): starting a new file",
                self.folder / self._file,
                size,
                self._end,
            )
        self._close()
        return self._open_new(pid, now)

    def _open_new(self, pid: int, now: datetime) -> tuple[int, str, int]:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise SnapshotError(
                f"Cannot create the snapshot folder {self.folder} ({e.strerror}): "
                "check that you may write in the folder of the database."
            ) from e
        # Microseconds, so that one process's files sort in the order it wrote them.
        stem = f"{FILE_PREFIX}{now:%Y%m%d-%H%M%S%f}-{pid}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
        for attempt in range(1000):
            name = stem + (f"-{attempt}" if attempt else "") + FILE_SUFFIX
            try:
                fd = os.open(self.folder / name, flags, 0o644)
            except FileExistsError:
                continue  # a new file within the same second, or a recycled pid
            except OSError as e:
                raise SnapshotError(
                    f"Cannot create the snapshot file {self.folder / name} ({e.strerror}): "
                    "check the free space and permissions of that folder."
                ) from e
            break
        else:
            raise SnapshotError(f"Cannot find a free snapshot file name in {self.folder}.")
        info = RecordBuilder(warc_version=WARC_VERSION).create_warcinfo_record(
            name,
            {"software": "liveblog-archive (warcio)", "format": f"WARC File Format {WARC_VERSION}"},
        )
        member = _member(info, self.compress_level)
        try:
            _write_all(fd, member)
            os.fsync(fd)
        except OSError as e:
            os.close(fd)
            raise SnapshotError(
                f"Cannot write the snapshot file {self.folder / name} ({e.strerror}): "
                "check the free space and permissions of that folder."
            ) from e
        fsync_folder(self.folder)
        self._fd, self._file, self._end = fd, name, len(member)
        self._pid, self._day = pid, now.strftime("%Y%m%d")
        return fd, name, len(member)

    def _abandon(self, offset: int) -> None:
        """After a failed write: cut the partial record off and leave this file behind."""
        if self._fd is not None:
            # If this fails the damaged tail stays: readers stop at it, and we never append to it.
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, offset)
        self._close()

    # -- reading -----------------------------------------------------------------------------

    def read(self, ref: SnapshotRef) -> Snapshot:
        """The response a reference points at, whole and digest-checked, or a SnapshotError."""
        path = self.path(ref)
        try:
            with path.open("rb") as stream:
                stream.seek(ref.offset)
                data = stream.read(ref.length)
        except FileNotFoundError:
            raise SnapshotError(
                f"The snapshot file {path} is missing (needed for {ref}): restore the folder "
                f"{self.folder} from a backup of the archive, or re-fetch the blog."
            ) from None
        except OSError as e:
            raise SnapshotError(
                f"Cannot read the snapshot file {path} ({e.strerror}): check its permissions."
            ) from e
        try:
            if len(data) < ref.length:
                raise _DamagedError(f"ends after {ref.offset + len(data)} bytes")
            snapshot = _parse_response(_inflate(data), ("response", "conversion"))
            if snapshot is None:
                raise _DamagedError("is not a response or conversion record")
        except _DamagedError as e:
            raise SnapshotError(
                f"The snapshot {ref} in {path} {e}: the file is damaged or the reference is "
                "wrong; restore the file from a backup, or re-fetch the blog."
            ) from None
        return snapshot

    def files(self) -> list[Path]:
        """Every snapshot file, in name order: oldest first within one writer."""
        if not self.folder.is_dir():
            return []
        return sorted(
            (p for p in self.folder.iterdir() if _FILE_NAME.fullmatch(p.name) and p.is_file()),
            key=lambda p: p.name,
        )

    def iter_all(self) -> Iterator[tuple[SnapshotRef, Snapshot]]:
        """Every readable response, file by file; a damaged file is read up to the damage."""
        for path in self.files():
            try:
                with path.open("rb") as stream:
                    for offset, length, data in _members(stream):
                        ref = SnapshotRef(path.name, offset, length)
                        try:
                            snapshot = _parse_response(data)
                        except _DamagedError as e:
                            raise _DamagedError(f"at offset {offset} {e}") from None
                        if snapshot is not None:
                            yield ref, snapshot
            except _DamagedError as e:
                logger.warning("%s: the record %s; the rest of this file is skipped", path, e)
            except OSError as e:
                logger.warning("%s: cannot be read (%s); skipped", path, e.strerror)
