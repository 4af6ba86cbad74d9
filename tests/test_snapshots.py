"""Raw snapshots on real WARC files: round trips, exact offsets, two writers, crashes, warcio."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import multiprocessing
import os
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive.db import ArchiveError
from archive.snapshots import Snapshot, SnapshotError, SnapshotRef, SnapshotStore
from tests.helpers import saved_page

URL = "https://news.example/live/election?page=2"
AT = "2024-05-01T12:00:00.123456Z"
REQUEST = [("User-Agent", "liveblog-archive (+mailto:ops@example.org)"), ("Accept", "*/*")]
HEADERS = [
    ("Content-Type", "text/html; charset=windows-1252"),
    ("Set-Cookie", "a=1; Path=/"),
    ("Set-Cookie", "b=2; Path=/"),
    ("Vary", "Accept-Encoding"),
    ("Vary", "Cookie"),
    ("ETag", '"v1"'),
]


@pytest.fixture
def store(db_path: Path) -> SnapshotStore:
    return SnapshotStore(db_path)


def warcio_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """warcio's own command line, the tool others will point at these files."""
    return subprocess.run(
        [sys.executable, "-m", "warcio.cli", *args], capture_output=True, text=True, check=False
    )


def index(path: Path) -> list[dict[str, str]]:
    out = warcio_cli("index", "-f", "offset,length,warc-type,warc-target-uri", str(path))
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def payload_digest(body: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(body, usedforsecurity=False).digest()).decode()


def test_round_trip_of_several_records(store: SnapshotStore, db_path: Path) -> None:
    page = saved_page("express-royals-2024-07-18.html").read_bytes()
    cases = [
        ("https://news.example/live/a", 200, HEADERS, page, "2024-05-01T12:00:00Z"),
        (URL, 200, [("Content-Type", "text/html")], b"caf\xe9 \xff\xfe\x00 \x80", AT),
        ("https://news.example/live/a?page=9", 404, [], b"", "2024-05-01T12:00:01.5Z"),
        ("https://news.example/live/b", 503, [("Retry-After", "120")], b"busy", AT),
    ]
    refs = [store.write(url, status, h, body, REQUEST, at) for url, status, h, body, at in cases]

    assert store.folder == db_path.parent / "archive.db.warc"
    assert [p.name for p in store.files()] == [refs[0].file]
    assert {r.file for r in refs} == {refs[0].file}
    assert [r.offset for r in refs] == sorted(r.offset for r in refs)
    got = [store.read(r) for r in refs]
    assert got == [
        Snapshot(url, status, h, body, at.replace("12:00:01.5Z", "12:00:01.500000Z"))
        for url, status, h, body, at in cases
    ]
    # Every response, once, in offset order; requests and the warcinfo are not snapshots.
    assert list(store.iter_all()) == list(zip(refs, got, strict=True))


def test_fetched_at_is_stored_in_utc(store: SnapshotStore) -> None:
    ref = store.write(URL, 200, [], b"x", [], "2024-05-01T14:00:00+02:00")
    assert store.read(ref).fetched_at == "2024-05-01T12:00:00Z"
    with pytest.raises(ValueError, match="ISO 8601"):
        store.write(URL, 200, [], b"x", [], "yesterday")


def test_a_body_of_several_megabytes(store: SnapshotStore) -> None:
    body = os.urandom(2_000_000) + b"<li>update</li>" * 300_000
    before = store.write(URL, 200, HEADERS, b"small", REQUEST, AT)
    big = store.write(URL, 200, HEADERS, body, REQUEST, AT)
    after = store.write(URL, 200, HEADERS, b"after", REQUEST, AT)
    assert store.read(big).body == body
    assert store.read(before).body == b"small"
    assert store.read(after).body == b"after"


def test_offsets_point_exactly_at_one_gzip_member(store: SnapshotStore) -> None:
    refs = [
        store.write(f"{URL}&n={n}", 200, HEADERS, b"body %d" % n, REQUEST, AT) for n in range(5)
    ]
    data = (store.folder / refs[0].file).read_bytes()
    for ref in refs:
        member = data[ref.offset : ref.offset + ref.length]
        decompressor = zlib.decompressobj(zlib.MAX_WBITS + 16)
        record = decompressor.decompress(member)
        assert decompressor.eof and not decompressor.unused_data
        assert record.startswith(b"WARC/1.1\r\n")
        assert b"WARC-Type: response\r\n" in record

    # warcio agrees on where each response starts and how long it is.
    responses = [r for r in index(store.folder / refs[0].file) if r["warc-type"] == "response"]
    assert [(int(r["offset"]), int(r["length"])) for r in responses] == [
        (ref.offset, ref.length) for ref in refs
    ]
    assert [r["warc-target-uri"] for r in responses] == [f"{URL}&n={n}" for n in range(5)]


def test_request_and_response_are_linked(store: SnapshotStore) -> None:
    body = b"<html>hello</html>"
    ref = store.write(URL, 200, HEADERS, body, REQUEST, AT)
    with (store.folder / ref.file).open("rb") as stream:
        stream.seek(ref.offset)
        records = []
        for record in ArchiveIterator(stream):
            records.append((record.rec_type, record.rec_headers, record.http_headers))
    response, request = records
    assert response[0] == "response" and request[0] == "request"
    assert response[1]["WARC-Target-URI"] == request[1]["WARC-Target-URI"] == URL
    assert response[1]["WARC-Date"] == request[1]["WARC-Date"] == AT
    assert response[1]["WARC-Payload-Digest"] == payload_digest(body)
    assert request[1]["WARC-Concurrent-To"] == response[1]["WARC-Record-ID"]
    assert request[2].protocol == "GET"
    assert request[2].statusline == "/live/election?page=2 HTTP/1.1"
    assert request[2].get_header("Host") == "news.example"
    assert request[2].get_header("User-Agent") == REQUEST[0][1]


def test_warcio_check_verifies_every_digest(store: SnapshotStore) -> None:
    for n in range(3):
        store.write(URL, 200, HEADERS, b"\x00\xffpage %d" % n, REQUEST, AT)
    (path,) = store.files()
    out = warcio_cli("check", "-v", str(path))
    assert out.returncode == 0, out.stdout
    # warcinfo + 3 × (response, request), each with its digests verified.
    assert out.stdout.count("digest pass") == 7, out.stdout


def test_a_corrupted_record_fails_warcio_check_and_read(store: SnapshotStore) -> None:
    ref = store.write(URL, 200, HEADERS, b"the original body", REQUEST, AT)
    path = store.folder / ref.file
    data = path.read_bytes()
    record = zlib.decompress(data[ref.offset : ref.offset + ref.length], zlib.MAX_WBITS + 16)
    forged = record.replace(b"the original body", b"the modified body")
    compressor = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    member = compressor.compress(forged) + compressor.flush()
    path.write_bytes(data[: ref.offset] + member + data[ref.offset + ref.length :])

    assert warcio_cli("check", str(path)).returncode == 1
    with pytest.raises(SnapshotError, match="digest"):
        store.read(SnapshotRef(ref.file, ref.offset, len(member)))


def _write_many(
    db_path: str, worker: int, count: int, barrier: Any, queue: multiprocessing.Queue[Any]
) -> None:
    """One writer process: waits for the other, then writes as fast as it can."""
    barrier.wait()
    store = SnapshotStore(db_path)
    refs = []
    for n in range(count):
        body = (b"worker %d record %d " % (worker, n)) * (100 + 50 * n)
        refs.append(str(store.write(f"{URL}&w={worker}&n={n}", 200, HEADERS, body, REQUEST, AT)))
    store.close()
    queue.put((worker, refs))


@pytest.mark.slow
def test_two_processes_write_at_once(store: SnapshotStore, db_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    count = 20
    barrier = context.Barrier(2)
    queue: multiprocessing.Queue[Any] = context.Queue()
    workers = [
        context.Process(target=_write_many, args=(str(db_path), w, count, barrier, queue))
        for w in (0, 1)
    ]
    for process in workers:
        process.start()
    written = dict(queue.get(timeout=120) for _ in workers)
    for process in workers:
        process.join(30)
        assert process.exitcode == 0

    files = store.files()
    assert len(files) == 2
    for worker, refs in written.items():
        assert len({SnapshotRef.parse(r).file for r in refs}) == 1
        for n, text in enumerate(refs):
            snapshot = store.read(SnapshotRef.parse(text))
            assert snapshot.url == f"{URL}&w={worker}&n={n}"
            assert snapshot.body.startswith(b"worker %d record %d " % (worker, n))
    assert sorted(str(ref) for ref, _ in store.iter_all()) == sorted(
        r for refs in written.values() for r in refs
    )
    for path in files:
        assert warcio_cli("check", str(path)).returncode == 0


def _write_in_child(store: SnapshotStore, queue: multiprocessing.Queue[str]) -> None:
    queue.put(str(store.write(URL, 200, HEADERS, b"from the child", REQUEST, AT)))


@pytest.mark.skipif(sys.platform == "win32", reason="fork is POSIX")
def test_a_forked_child_does_not_share_the_parent_file(store: SnapshotStore) -> None:
    parent = store.write(URL, 200, HEADERS, b"from the parent", REQUEST, AT)
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[str] = context.Queue()
    child = context.Process(target=_write_in_child, args=(store, queue))
    child.start()
    from_child = SnapshotRef.parse(queue.get(timeout=60))
    child.join(60)
    later = store.write(URL, 200, HEADERS, b"parent again", REQUEST, AT)
    assert from_child.file != parent.file and later.file == parent.file
    assert store.read(from_child).body == b"from the child"
    assert [s.body for _, s in store.iter_all()] == [
        b"from the parent",
        b"parent again",
        b"from the child",
    ]


def test_a_truncated_last_member(
    store: SnapshotStore, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    refs = [
        store.write(f"{URL}&n={n}", 200, HEADERS, b"page %d " % n * 500, REQUEST, AT)
        for n in range(3)
    ]
    path = store.folder / refs[0].file
    # A crash in the middle of writing the third response: half of it reached the disk.
    with path.open("r+b") as stream:
        stream.truncate(refs[2].offset + refs[2].length // 2)

    assert store.read(refs[0]).body == b"page 0 " * 500
    assert store.read(refs[1]).body == b"page 1 " * 500
    with pytest.raises(SnapshotError, match="damaged"):
        store.read(refs[2])
    with caplog.at_level(logging.WARNING, logger="archive.snapshots"):
        assert [ref for ref, _ in store.iter_all()] == refs[:2]
    assert f"offset {refs[2].offset}" in caplog.text

    # The next write goes on after the damage, and every reader finds it.
    damaged_size = path.stat().st_size
    again = store.write(URL, 200, HEADERS, b"after the crash", REQUEST, AT)
    assert again.file != path.name and path.stat().st_size == damaged_size
    assert store.read(again).body == b"after the crash"
    restarted = SnapshotStore(db_path).write(URL, 200, HEADERS, b"next process", REQUEST, AT)
    assert store.read(restarted).body == b"next process"
    assert [ref for ref, _ in store.iter_all()] == sorted([*refs[:2], again, restarted])
    for other in store.files():
        if other != path:
            assert warcio_cli("check", str(other)).returncode == 0


def test_a_crash_between_the_two_records_leaves_the_response_readable(
    store: SnapshotStore,
) -> None:
    ref = store.write(URL, 200, HEADERS, b"whole", REQUEST, AT)
    path = store.folder / ref.file
    with path.open("r+b") as stream:
        stream.truncate(ref.offset + ref.length + 10)  # the request record cut short
    assert store.read(ref).body == b"whole"
    assert [r for r, _ in store.iter_all()] == [ref]


def test_a_missing_file_is_a_sentence(store: SnapshotStore) -> None:
    ref = store.write(URL, 200, HEADERS, b"x", REQUEST, AT)
    (store.folder / ref.file).unlink()
    with pytest.raises(SnapshotError) as caught:
        store.read(ref)
    message = str(caught.value)
    assert message.startswith("The snapshot file ") and message.endswith(".")
    assert ref.file in message and "missing" in message and "restore" in message
    assert isinstance(caught.value, ArchiveError)  # so the CLI shows it without a traceback


def test_a_reference_past_the_record_is_refused(store: SnapshotStore) -> None:
    ref = store.write(URL, 200, HEADERS, b"x", REQUEST, AT)
    for wrong in (
        SnapshotRef(ref.file, ref.offset + 1, ref.length),
        SnapshotRef(ref.file, ref.offset, ref.length - 1),
        SnapshotRef(ref.file, ref.offset, ref.length + 1),
        SnapshotRef(ref.file, 10**9, ref.length),
        SnapshotRef(ref.file, 0, ref.offset),  # the warcinfo record, not a response
    ):
        with pytest.raises(SnapshotError):
            store.read(wrong)


def test_ref_round_trips_through_a_string() -> None:
    ref = SnapshotRef("liveblog-20240501-120000123456-4242.warc.gz", 1234, 567)
    assert str(ref) == "liveblog-20240501-120000123456-4242.warc.gz#1234:567"
    assert SnapshotRef.parse(str(ref)) == ref
    for bad in (
        "",
        "liveblog.warc.gz",
        "liveblog.warc.gz#12",
        "liveblog.warc.gz#-1:5",
        "liveblog.warc.gz#1:0",
        "../../etc/passwd.warc.gz#0:10",
        "sub/liveblog.warc.gz#0:10",
        "liveblog.txt#0:10",
    ):
        with pytest.raises(SnapshotError, match="not a snapshot reference"):
            SnapshotRef.parse(bad)


def test_nothing_is_created_before_the_first_write(store: SnapshotStore) -> None:
    assert list(store.iter_all()) == []
    assert not store.folder.exists()
    store.write(URL, 200, [], b"x", [], AT)
    assert store.folder.is_dir()


def test_a_closed_store_writes_a_new_file(store: SnapshotStore) -> None:
    with store:
        first = store.write(URL, 200, [], b"one", [], AT)
    second = store.write(URL, 200, [], b"two", [], AT)
    assert first.file != second.file
    assert [s.body for _, s in store.iter_all()] == [b"one", b"two"]


def test_header_lines_cannot_be_injected(store: SnapshotStore) -> None:
    ref = store.write(URL, 200, [("X-Evil", "a\r\n\r\nHTTP/1.1 200 OK")], b"body", [], AT)
    snapshot = store.read(ref)
    assert snapshot.body == b"body"
    assert snapshot.headers == [("X-Evil", "a    HTTP/1.1 200 OK")]


def test_records_read_with_plain_warcio(store: SnapshotStore) -> None:
    """Another tool given only the file and an offset finds the same response."""
    ref = store.write(URL, 200, HEADERS, b"plain", REQUEST, AT)
    with (store.folder / ref.file).open("rb") as stream:
        stream.seek(ref.offset)
        record = next(iter(ArchiveIterator(stream)))
        assert record.rec_type == "response"
        assert record.content_stream().read() == b"plain"


def test_garbage_in_a_whole_gzip_member_is_a_snapshot_error(store: SnapshotStore) -> None:
    store.write(URL, 200, [], b"x", [], AT)
    (path,) = store.files()
    offset = path.stat().st_size
    for garbage in (
        b"\xff\xfe" * 50,
        b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\n",
    ):
        compressor = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        member = compressor.compress(garbage) + compressor.flush()
        path.write_bytes(path.read_bytes()[:offset] + member)
        with pytest.raises(SnapshotError, match="not a valid WARC record"):
            store.read(SnapshotRef(path.name, offset, len(member)))
        assert [s.body for _, s in store.iter_all()] == [b"x"]


def test_an_archive_reached_through_a_symlink_keeps_its_snapshots_in_one_folder(
    db_path: Path,
) -> None:
    """Crawls through a link to the archive and through its own path write to the folder
    named after its real file, so reparse finds every snapshot by either path; a folder an
    earlier version named after the link is still read."""
    db_path.touch()
    link = db_path.parent / "link.db"
    link.symlink_to(db_path)
    with SnapshotStore(link) as through_link:
        ref = through_link.write(URL, 200, HEADERS, b"<p>one</p>", REQUEST, AT)
    assert through_link.folder == db_path.parent / "archive.db.warc"
    assert not (db_path.parent / "link.db.warc").exists()
    with SnapshotStore(db_path) as direct:
        assert direct.read(ref).body == b"<p>one</p>"
    # An archive whose snapshots an earlier version kept beside the link.
    old = db_path.parent / "archive.db.warc"
    old.rename(db_path.parent / "link.db.warc")
    with SnapshotStore(link) as through_link:
        assert through_link.read(ref).body == b"<p>one</p>"
