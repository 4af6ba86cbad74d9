"""Hostile sites: links and redirects out of the blog's site, local files, servers that never
finish, and callers killed mid-crawl. Each pass fails with one sentence (or stops at the
boundary), nothing of another site or of the local disk reaches the archive, and every crawl
ends in bounded time.

A local server on 127.0.0.1 plays the sample blog's markup (`crawler.sample.render_page`) with
its older-updates link, or that link's redirect, pointed at each hostile target. The crawls are
real Scrapy runs through `crawler.process.crawl` or the `liveblog` command.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import os
import shutil
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request

from archive.lock import ArchiveBusyError, add_holder, archive_lock
from archive.records import PassResult
from crawler.boundary import endpoint_host, refusal
from crawler.middlewares import (
    DEADLINE,
    SITE,
    FetchBoundaryMiddleware,
    OffSite,
    PassDeadlineMiddleware,
    PassStopped,
    _within_deadline,
    late,
)
from crawler.process import crawl
from crawler.sample import TITLE, UPDATES, render_page
from crawler.sample.site import LocalServer, send
from tests.helpers import LOCAL, ROOT, crawl_local, env_with_root, terminal_signals

LIVEBLOG = [sys.executable, "-m", "crawler"]
HTML = "text/html; charset=utf-8"
ONLY_OWN = "only http and https pages on the blog's own site are fetched"
# Text that only the hostile targets hold: none of it may reach the archive.
BAIT = "BAIT-7f3a: a local file posing as the blog"
STRANGER = "STRANGER-51c2: another site's update"


def blog_page(origin: str, path: str, older: str, marker: str = "") -> bytes:
    """Page 1 of the sample blog at `path`, its older-updates link pointing at `older`."""
    page = render_page(TITLE, path, origin, UPDATES, page=1, page_size=3)
    assert page is not None
    html = page.decode().replace(escape(f"{path}?page=2"), escape(older))
    if marker:
        html = html.replace("Live updates</p>", f"Live updates</p><p>{marker}</p>")
    return html.encode()


def stranger_page(origin: str, path: str) -> bytes:
    """A whole blog of its own, on another site: what an off-site link or redirect leads to."""
    updates = [u.replace(headline=f"{STRANGER} {u.id}") for u in UPDATES]
    page = render_page("Another blog", path, origin, updates, page=1, page_size=10)
    assert page is not None
    return page


class BlackHole:
    """A TCP server that accepts connections and never answers (an FTP server that hangs)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.connections:
            conn.close()


@dataclass
class Site:
    """The hostile server: blog pages whose older link or its redirect leads to `targets`."""

    targets: dict[str, str] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    server: LocalServer | None = None
    gate: Path | None = None  # a folder where /gate waits for the file `go`

    @property
    def origin(self) -> str:
        assert self.server is not None
        return self.server.origin

    def url(self, path: str) -> str:
        return self.origin + path


def hostile_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.hits.append(self.path)
            kind, _, case = self.path.strip("/").partition("/")
            if self.path == "/robots.txt":
                send(self, 200, b"User-agent: *\nAllow: /\n", "text/plain")
            elif kind == "live":  # page 1 links straight to the target
                send(self, 200, blog_page(site.origin, self.path, site.targets[case]), HTML)
            elif kind == "moved":  # page 1 links to an older page that redirects to the target
                send(self, 200, blog_page(site.origin, self.path, f"/hop/{case}"), HTML)
            elif kind == "hop":
                send(self, 302, b"", headers={"Location": site.targets[case]})
            elif kind == "gate":
                self._gate()
            elif kind == "busy":
                send(self, 429, b"slow down\n", "text/plain", headers={"Retry-After": "99999"})
            elif kind == "later":
                send(self, 503, b"busy\n", "text/plain", headers={"Retry-After": "60"})
            elif kind == "dribble":
                self._dribble()
            elif kind == "stall":
                time.sleep(20)
            elif kind == "endless":
                self._endless()
            else:
                send(self, 404, b"no\n", "text/plain")

        def _gate(self) -> None:
            """The blog's page, once the file `go` appears in `site.gate` (`arrived` says we wait)."""
            assert site.gate is not None
            (site.gate / "arrived").touch()
            deadline = time.monotonic() + 60
            while not (site.gate / "go").exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            page = render_page(TITLE, self.path, site.origin, UPDATES, page=1, page_size=10)
            send(self, 200, page or b"", HTML)

        def _dribble(self) -> None:
            """A page promised at 10 MB that arrives a byte at a time, forever."""
            self.send_response(200)
            self.send_header("Content-Type", HTML)
            self.send_header("Content-Length", str(10_000_000))
            self.end_headers()
            for _ in range(600):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.05)

        def _endless(self) -> None:
            """/dev/zero over HTTP: no length, no end."""
            self.send_response(200)
            self.send_header("Content-Type", HTML)
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            chunk = b"\0" * 65536
            for _ in range(100_000):
                try:
                    self.wfile.write(chunk)
                except OSError:
                    return

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet: the hits are in `site.hits`."""

    return Handler


def other_handler(hits: list[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            host = f"http://{self.headers.get('Host', '127.0.0.1')}"
            send(self, 200, stranger_page(host, self.path), HTML)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet."""

    return Handler


@dataclass
class World:
    """Everything the module's crawls meet: the hostile site, another site, an FTP black hole."""

    site: Site
    other: str
    other_hits: list[str]
    ftp: BlackHole
    bait: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    bait = tmp_path_factory.mktemp("local") / "bait.html"
    site = Site()
    site.server = LocalServer(hostile_handler(site))
    other_hits: list[str] = []
    other = LocalServer(other_handler(other_hits))
    ftp = BlackHole()
    bait.write_bytes(blog_page("http://127.0.0.1", "/live", "/live?page=2", marker=BAIT))
    # Small, as a redirect's Location header must be to reach the client at all.
    data = base64.b64encode(f"<html><body><article><h2>{STRANGER}</h2></article>".encode())
    port = site.origin.rsplit(":", 1)[1]
    site.targets = {
        "passwd": f"file://127.0.0.1:{port}/etc/passwd",
        "zero": "file:///dev/zero",
        "bait": f"file://{bait}",
        "ftp": f"ftp://127.0.0.1:{ftp.port}/x",
        "gopher": f"gopher://127.0.0.1:{port}/1x",
        "data": f"data:text/html;base64,{data.decode()}",
        "offsite": f"{other.origin}/live",
        "otherhost": f"http://localhost:{port}/live/offsite",
    }
    site.server.start()
    other.start()
    try:
        yield World(site, other.origin, other_hits, ftp, bait)
    finally:
        site.server.stop()
        other.stop()
        ftp.close()


def by_url(results: list[PassResult]) -> dict[str, PassResult]:
    return {r.url: r for r in results}


@dataclass(frozen=True)
class Crawled:
    """One crawl of several hostile blogs, which the tests then only read."""

    db: Path
    results: dict[str, PassResult]
    seconds: float


def crawl_timed(urls: list[str], db: Path) -> Crawled:
    started = time.monotonic()
    results = by_url(crawl_local(urls, db))
    return Crawled(db, results, time.monotonic() - started)


def archive_text(db: Path) -> str:
    """Every text the archive keeps, rows and snapshots alike, to search for what must not be."""
    conn = sqlite3.connect(db)
    try:
        rows = [
            repr(row)
            for table in ("updates", "update_versions", "fetches", "fetch_pages")
            for row in conn.execute(f"SELECT * FROM {table}")
        ]
    finally:
        conn.close()
    warcs = [
        gzip.decompress(path.read_bytes()).decode("latin-1")
        for path in Path(f"{db}.warc").glob("*.warc.gz")
    ]
    return "\n".join(rows + warcs)


def updates_count(db: Path, but: str = "") -> int:
    """How many updates the archive holds, those of the blog at `but` aside."""
    conn = sqlite3.connect(db)
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM updates JOIN blogs ON blogs.id = updates.blog_id "
                "WHERE blogs.url != ?",
                (but,),
            ).fetchone()[0]
        )
    finally:
        conn.close()


def assert_nothing_hostile(db: Path) -> None:
    text = archive_text(db)
    passwd = Path("/etc/passwd").read_text().splitlines()[0]
    for leak in (BAIT, STRANGER, passwd, "\0" * 16):
        assert leak not in text


LINKS = ("passwd", "zero", "bait", "ftp", "gopher", "offsite", "otherhost")


@pytest.fixture(scope="module")
def link_crawl(world: World, tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    """One crawl of every blog whose older-updates link leaves the site (and one data: link)."""
    db = tmp_path_factory.mktemp("links") / "archive.db"
    return crawl_timed([world.site.url(f"/live/{case}") for case in (*LINKS, "data")], db)


def test_a_blog_on_a_host_of_non_ascii_letters_stays_on_its_own_site() -> None:
    """Scrapy asks for `bücher.example` as `xn--bcher-kva.example`: one host, in either
    spelling, for the fetch boundary; another host is still refused."""
    site = "http://bücher.example/live"
    boundary = FetchBoundaryMiddleware()
    for url in (site, "http://xn--bcher-kva.example/live?page=2", "http://WWW.Bücher.example/x"):
        request = Request(url, meta={SITE: site})
        assert request.url.startswith(("http://xn--bcher-kva.example/", "http://www.xn--bcher-kva"))
        assert boundary.process_request(request) is None
    assert refusal("http://bucher.example/live", site) == (
        "refused to follow a link to http://bucher.example/live, off the blog's site "
        "http://bücher.example: only http and https pages on the blog's own site are fetched"
    )
    with pytest.raises(OffSite):
        boundary.process_request(Request("http://xn--bcher-kva.example.org/", meta={SITE: site}))
    assert endpoint_host("https://xn--bcher-kva.example/api", ["Bücher.example"])


@pytest.mark.slow
@pytest.mark.parametrize("case", LINKS)
def test_a_link_off_the_site_fails_the_pass_with_a_sentence(
    world: World, link_crawl: Crawled, case: str
) -> None:
    result = link_crawl.results[world.site.url(f"/live/{case}")]
    target = world.site.targets[case]
    assert not result.ok
    if case in ("offsite", "otherhost"):
        assert result.error == (
            f"refused to follow a link to {target}, off the blog's site {world.site.origin}: "
            f"{ONLY_OWN}"
        )
    else:
        assert result.error == f"refused to follow a link to {target}: {ONLY_OWN}"


@pytest.mark.slow
def test_links_off_the_site_leave_nothing_in_the_archive(world: World, link_crawl: Crawled) -> None:
    # Every pass failed (but the data: link's): nothing written to updates.
    assert updates_count(link_crawl.db, but=world.site.url("/live/data")) == 0
    assert_nothing_hostile(link_crawl.db)
    assert world.other_hits == [] and world.ftp.connections == []
    assert link_crawl.seconds < 30


@pytest.mark.slow
def test_a_data_link_is_no_older_page(world: World, link_crawl: Crawled) -> None:
    """Extraction reads no data: link as a link at all: the pass ends at its one page."""
    result = link_crawl.results[world.site.url("/live/data")]
    assert result.ok and result.pages == 1 and result.new == 3
    assert_nothing_hostile(link_crawl.db)


REDIRECTS = ("passwd", "zero", "bait", "ftp", "gopher", "data", "offsite", "otherhost")


@pytest.fixture(scope="module")
def redirect_crawl(world: World, tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    """One crawl of every blog whose older page redirects off the site."""
    db = tmp_path_factory.mktemp("redirects") / "archive.db"
    return crawl_timed([world.site.url(f"/moved/{case}") for case in REDIRECTS], db)


@pytest.mark.slow
@pytest.mark.parametrize("case", REDIRECTS)
def test_a_redirect_off_the_site_fails_the_pass_with_a_sentence(
    world: World, redirect_crawl: Crawled, case: str
) -> None:
    result = redirect_crawl.results[world.site.url(f"/moved/{case}")]
    hop = world.site.url(f"/hop/{case}")
    target = world.site.targets[case]
    assert not result.ok
    if case in ("offsite", "otherhost"):
        assert result.error == (
            f"{hop} redirected to {target}, off the blog's site {world.site.origin}: not followed"
        )
    else:
        shown = target if len(target) <= 200 else target[:199] + "…"
        assert result.error == f"{hop} redirected to {shown}: {ONLY_OWN}"


@pytest.mark.slow
def test_redirects_off_the_site_leave_nothing_in_the_archive(
    world: World, redirect_crawl: Crawled
) -> None:
    assert updates_count(redirect_crawl.db) == 0
    assert_nothing_hostile(redirect_crawl.db)
    assert world.other_hits == [] and world.ftp.connections == []


@pytest.mark.slow
def test_a_retry_after_too_long_says_how_long(world: World, db_path: Path) -> None:
    started = time.monotonic()
    [result] = crawl_local([world.site.url("/busy")], db_path)
    assert result.error == (
        f"HTTP 429 from {world.site.url('/busy')} asks to retry in 99999 s (Retry-After), longer "
        "than LIVEBLOG_RETRY_AFTER_MAX (120 s): the next pass tries again"
    )
    assert time.monotonic() - started < 20


@pytest.mark.slow
def test_every_pass_ends_at_its_deadline(world: World, db_path: Path) -> None:
    """A page that dribbles forever, a server that never answers, a Retry-After (under the
    maximum) longer than the time left: each pass fails at LIVEBLOG_PASS_TIMEOUT."""
    urls = [world.site.url(p) for p in ("/dribble", "/stall", "/later")]
    settings = {
        **LOCAL,
        "RETRY_TIMES": 2,
        "LIVEBLOG_PASS_TIMEOUT": 3,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    }
    started = time.monotonic()
    results = by_url(crawl(urls, db_path, settings=settings, timeout=60))
    seconds = time.monotonic() - started
    for url in urls:
        assert results[url].error == (
            f"the pass took longer than LIVEBLOG_PASS_TIMEOUT (3 s) and was stopped at {url}"
        )
    assert seconds < 45  # a hang guard: how the deadline holds is the next test's
    assert updates_count(db_path) == 0


def test_a_pass_deadline_caps_each_download_and_pause_at_the_time_left() -> None:
    """What holds a pass to LIVEBLOG_PASS_TIMEOUT, read without timing a crawl: a request is
    downloaded for no longer than the time left, a pause (a Retry-After, a back-off) is cut
    where the deadline falls, and past the deadline no request starts."""
    deadline = PassDeadlineMiddleware(3)
    request = Request("http://127.0.0.1/dribble", meta={DEADLINE: time.monotonic() + 3})
    request.meta["download_timeout"] = 180
    deadline.process_request(request)
    assert 0 < request.meta["download_timeout"] <= 3
    assert 0 < _within_deadline(request, 3600) <= 3
    over = Request("http://127.0.0.1/later", meta={DEADLINE: time.monotonic() - 1})
    with pytest.raises(PassStopped) as stopped:
        deadline.process_request(over)
    assert str(stopped.value) == late(3, "http://127.0.0.1/later")


def crawl_measured(urls: list[str], db: Path, settings: dict[str, object]) -> tuple[Any, int]:
    """A crawl from a fresh Python, which reports the results and the crawl process's peak
    memory (KiB): the largest child it waited for is the crawl."""
    script = (
        "import json, resource, sys\n"
        "from crawler.process import crawl\n"
        "results = crawl(sys.argv[3:], sys.argv[1], settings=json.loads(sys.argv[2]), timeout=60)\n"
        "print(json.dumps([r.error for r in results]))\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(db), json.dumps(settings), *urls],
        capture_output=True,
        text=True,
        env=env_with_root(),
        timeout=90,
        check=True,
    )
    errors, peak = out.stdout.strip().splitlines()
    return json.loads(errors), int(peak)


@pytest.mark.slow
def test_endless_bodies_stop_at_the_size_limit_in_bounded_memory(
    world: World, db_path: Path
) -> None:
    """/dev/zero behind a link or a redirect is never opened; over HTTP it is cut at
    DOWNLOAD_MAXSIZE, and the crawl process stays small."""
    urls = [world.site.url(p) for p in ("/live/zero", "/moved/zero", "/endless")]
    settings = {**LOCAL, "DOWNLOAD_MAXSIZE": 4_000_000, "DOWNLOAD_WARNSIZE": 0}
    errors, peak_kib = crawl_measured(urls, db_path, settings)
    assert errors[0].startswith("refused to follow a link to file:///dev/zero")
    assert errors[1].endswith(f"redirected to file:///dev/zero: {ONLY_OWN}")
    assert errors[2].startswith(f"the response from {urls[2]} is over the size limit")
    assert peak_kib < 400_000, f"the crawl took {peak_kib // 1024} MiB"
    assert updates_count(db_path) == 0


# --- https: the other scheme's handler holds the same size limit ---------------------------


def self_signed(folder: Path) -> ssl.SSLContext:
    """A TLS context with a throwaway certificate for 127.0.0.1 (Scrapy does not verify)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    pem = folder / "tls.pem"
    pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        + cert.public_bytes(serialization.Encoding.PEM)
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pem)
    return context


@pytest.mark.slow
def test_https_responses_are_held_to_the_size_limit_too(tmp_path: Path, db_path: Path) -> None:
    site = Site()
    server = LocalServer(hostile_handler(site))
    raw = server._server.socket
    server._server.socket = self_signed(tmp_path).wrap_socket(raw, server_side=True)
    site.server = server
    server.start()
    try:
        url = site.origin.replace("http://", "https://") + "/endless"
        settings = {**LOCAL, "DOWNLOAD_MAXSIZE": 2_000_000, "DOWNLOAD_WARNSIZE": 0}
        [result] = crawl([url], db_path, settings=settings, timeout=60)
    finally:
        server.stop()
    assert result.error is not None
    assert result.error.startswith(f"the response from {url} is over the size limit"), result
    assert "/endless" in site.hits


# --- the crawl process ends with its caller; the lock names who holds it -------------------


def crawl_processes(db: Path) -> list[int]:
    """Pids of crawl processes writing to `db`, from /proc."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"crawler.process" in argv and str(db).encode() in argv:
            pids.append(int(entry.name))
    return pids


@pytest.mark.slow
@pytest.mark.parametrize("when", ["starting", "mid-pass"])
def test_a_crawl_killed_with_sigkill_leaves_no_crawl_and_frees_the_lock(
    world: World, db_path: Path, when: str
) -> None:
    url = world.site.url("/stall")
    local = [arg for name, value in LOCAL.items() for arg in ("-s", f"{name}={value}")]
    stalls = world.site.hits.count("/stall")
    cli = subprocess.Popen(
        [*LIVEBLOG, "crawl", url, "--db", str(db_path), *local],
        env=env_with_root(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    # Killed as the crawl process starts, or mid-pass, as it waits on the server.
    while not crawl_processes(db_path) or (
        when == "mid-pass" and world.site.hits.count("/stall") == stalls
    ):
        assert time.monotonic() < deadline, "the crawl never started"
        time.sleep(0.05)
    cli.kill()
    cli.wait()
    killed = time.monotonic()
    while crawl_processes(db_path) and time.monotonic() - killed < 5:
        time.sleep(0.05)
    assert crawl_processes(db_path) == [], "a crawl process outlived its caller by 5 s"
    again = subprocess.run(
        [
            *LIVEBLOG,
            "crawl",
            world.site.url("/live/data"),
            "--db",
            str(db_path),
            "--no-wait",
            *local,
        ],
        env=env_with_root(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.startswith(f"ok    {world.site.url('/live/data')}: 1 page, 3 new")


HOLD = """
import os, sys, time
from archive.lock import add_holder
add_holder(int(sys.argv[1]))
print("ready", flush=True)
time.sleep(60)
"""


def test_the_busy_message_names_the_live_holder_not_the_dead_parent(db_path: Path) -> None:
    """A parent that took the lock died; the crawl it started holds it: that crawl is named."""
    with archive_lock(db_path) as fd:
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(fd)],
            pass_fds=(fd,),
            env=env_with_root(),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        mine = os.getpid()
    try:
        # Our own pid stands for the parent: it is alive, so the file names it with a dead
        # pid instead, as a parent killed after taking the lock leaves it.
        text = Path(f"{db_path}.lock").read_text()
        assert text.split() == [str(mine), str(holder.pid)]
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        Path(f"{db_path}.lock").write_text(f"{dead.pid}\n{holder.pid}\n")
        with pytest.raises(ArchiveBusyError) as busy, archive_lock(db_path, wait=False):
            pass
        assert f"another liveblog run (pid {holder.pid}) is writing to {db_path}" in str(busy.value)
    finally:
        holder.kill()
        holder.wait()
    # The holder is gone: its lock went with it, whatever the file says.
    with archive_lock(db_path, wait=False):
        assert Path(f"{db_path}.lock").read_text().split() == [str(os.getpid())]


def test_a_lock_file_naming_a_dead_process_is_taken_over(db_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    Path(f"{db_path}.lock").write_text(f"{dead.pid}\n")
    with archive_lock(db_path, wait=False) as fd:
        add_holder(fd)
        assert Path(f"{db_path}.lock").read_text().split() == [str(os.getpid())] * 2


# --- a full disk: one sentence, from `crawl` and `add` -------------------------------------

# Runs in a mount namespace of its own (`unshare`), where it mounts a 12 MiB tmpfs: a real
# filesystem, which fills up while each crawl waits for the blog's page. Prints, as JSON, what
# each pass came to (through `crawl()`, the crawl process's own word) and what each liveblog
# command said.
FULL_DISK = r"""
import json, os, subprocess, sys, threading, time
from crawler.process import crawl
folder, gate, blog, other, settings = sys.argv[1:]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", folder], check=True)
db = os.path.join(folder, "archive.db")
filler = os.path.join(folder, "filler")

def liveblog(*args):
    done = subprocess.run(
        [sys.executable, "-m", "crawler", *args, "--db", db], capture_output=True, text=True
    )
    return {"code": done.returncode, "out": done.stdout, "err": done.stderr}

def leave(room):
    if os.path.exists(filler):
        os.remove(filler)
    fs = os.statvfs(folder)
    with open(filler, "wb") as f:
        f.write(bytes(max(0, fs.f_bavail * fs.f_frsize - room)))

def fill_when_asked():
    while not os.path.exists(os.path.join(gate, "arrived")):
        time.sleep(0.05)
    leave(0)
    open(os.path.join(gate, "go"), "w").close()

def during_a_pass(run):
    leave(16 * 1024 * 1024)
    for name in ("arrived", "go"):
        if os.path.exists(os.path.join(gate, name)):
            os.remove(os.path.join(gate, name))
    threading.Thread(target=fill_when_asked, daemon=True).start()
    return run()

runs = {"add": liveblog("add", blog)}
local = json.loads(settings)
for name, extra in (("snapshot", {}), ("rows", {"LIVEBLOG_SNAPSHOTS": False})):
    [result] = during_a_pass(lambda: crawl([blog], db, settings={**local, **extra}, timeout=120))
    runs[name] = result.error
cli = [f"{k}={v}" for k, v in local.items()]
runs["crawl"] = during_a_pass(lambda: liveblog("crawl", blog, *(a for s in cli for a in ("-s", s))))
leave(0)
runs["full add"] = liveblog("add", other)
print(json.dumps(runs))
"""


@pytest.mark.slow
def test_a_full_disk_is_one_sentence_from_crawl_and_add(world: World, tmp_path: Path) -> None:
    """Needs `unshare` and user namespaces (or root) to mount the small filesystem."""
    folder, world.site.gate = tmp_path / "small", tmp_path / "gate"
    folder.mkdir()
    world.site.gate.mkdir()
    blog = world.site.url("/gate")
    script = [sys.executable, "-c", FULL_DISK, str(folder), str(world.site.gate), blog]
    done = subprocess.run(
        [
            shutil.which("unshare") or "/usr/bin/unshare",
            "--user",
            "--map-root-user",
            "--mount",
            *script,
            world.site.url("/live/data"),
            json.dumps(LOCAL),
        ],
        capture_output=True,
        text=True,
        env=env_with_root(),
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    runs = json.loads(done.stdout)
    assert runs["add"]["code"] == 0, runs["add"]
    full = (
        f"the disk holding {folder} is full: free some space, or give --db a path on another disk."
    )
    # The pass fails for want of room, whether its snapshot or its rows meet the full disk.
    assert runs["snapshot"] == full
    assert runs["rows"] == full
    # The command says so in one sentence: the pass's, or (as here, with no room left at all)
    # that of scheduling the next pass, which then stands alone.
    assert runs["crawl"]["code"] == 1
    assert runs["crawl"]["out"] in ("", f"FAIL  {blog}: failed: {full}\n")
    assert runs["crawl"]["err"] in ("1 of 1 blogs failed.\n", f"Error: {full}\n")
    assert runs["full add"] == {"code": 1, "out": "", "err": f"Error: {full}\n"}


def crawl_interrupted(
    world: World, db_path: Path, folder: Path, signals: list[int], nohup: bool = False
) -> tuple[int, str, str]:
    """`liveblog crawl` of the gated page, sent `signals` while the page is in flight; then the
    page is let through. `nohup`: started with SIGHUP ignored, as nohup starts a command."""
    world.site.gate = folder / "gate"
    world.site.gate.mkdir()
    local = [arg for name, value in LOCAL.items() for arg in ("-s", f"{name}={value}")]
    cli = subprocess.Popen(
        [*LIVEBLOG, "crawl", world.site.url("/gate/now"), "--db", str(db_path), *local],
        env=env_with_root(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=terminal_signals(nohup),
    )
    deadline = time.monotonic() + 30
    while not (world.site.gate / "arrived").exists():
        assert time.monotonic() < deadline, "the crawl never asked for the page"
        time.sleep(0.05)
    for signum in signals:
        cli.send_signal(signum)
        time.sleep(0.3)
    (world.site.gate / "go").touch()
    out, err = cli.communicate(timeout=60)
    return cli.returncode, out, err


@pytest.mark.slow
@pytest.mark.parametrize(
    "signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["SIGINT", "SIGTERM", "SIGHUP"]
)
def test_a_crawl_interrupted_once_finishes_the_pass_in_flight_and_says_so(
    world: World, db_path: Path, tmp_path: Path, signum: int
) -> None:
    """Ctrl-C (or a cron's `timeout`, SIGTERM, or the hangup of the terminal or ssh session it
    runs in, SIGHUP) mid-pass: the pass in flight is written whole, its line printed, and the
    command says it was interrupted; no traceback, nothing left."""
    status, out, err = crawl_interrupted(world, db_path, tmp_path, [signum])
    url = world.site.url("/gate/now")
    assert status == 130, out + err
    assert out.startswith(f"ok    {url}: 1 page, 5 new"), out + err
    assert err.strip() == "interrupted: stopped once the passes in flight were written.", err
    assert updates_count(db_path) == 5
    assert not list(db_path.parent.glob(".liveblog-run-*"))


@pytest.mark.slow
def test_a_crawl_started_under_nohup_goes_on_through_a_hangup(
    world: World, db_path: Path, tmp_path: Path
) -> None:
    """nohup's ignored SIGHUP stays ignored: the pass is written and the command exits 0."""
    status, out, err = crawl_interrupted(world, db_path, tmp_path, [signal.SIGHUP], nohup=True)
    assert (status, err) == (0, ""), out + err
    assert out.startswith(f"ok    {world.site.url('/gate/now')}: 1 page, 5 new"), out
    assert updates_count(db_path) == 5


@pytest.mark.slow
def test_a_crawl_interrupted_twice_abandons_the_pass_in_flight_whole(
    world: World, db_path: Path, tmp_path: Path
) -> None:
    status, out, err = crawl_interrupted(world, db_path, tmp_path, [signal.SIGINT] * 2)
    assert status == 130, out + err
    assert out == ""
    assert err.strip() == (
        "interrupted again: stopped at once; the passes not yet written were abandoned whole."
    ), err
    assert updates_count(db_path) == 0
    assert not list(db_path.parent.glob(".liveblog-run-*"))


@pytest.mark.slow
def test_a_crawl_interrupted_while_it_waits_for_the_archive_stops_at_once(db_path: Path) -> None:
    """No crawl has started, so no pass is in flight to finish: the first Ctrl-C stops it."""
    with archive_lock(db_path, wait=False):
        cli = subprocess.Popen(
            [*LIVEBLOG, "crawl", "http://127.0.0.1:9/live", "--db", str(db_path)],
            env=env_with_root(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=terminal_signals(),
        )
        assert cli.stderr is not None
        assert "waiting" in cli.stderr.readline()
        cli.send_signal(signal.SIGINT)
        out, err = cli.communicate(timeout=30)
    assert cli.returncode == 130
    assert (out, err) == ("", "interrupted: stopped before any pass began; nothing was written.\n")
