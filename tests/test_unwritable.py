"""Archives that cannot be written: one sentence and exit 1, nothing left behind, nothing lost;
and reading (export, serve) an archive that lies in a read-only folder.

Read-only folders and full disks are real: a read-only bind mount or a small tmpfs, made in a
mount namespace of the command's own (`unshare`), with the real `liveblog` command inside.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from archive.db import open_archive
from archive.records import BlogPass, PageFetch, Update
from archive.store import record_pass
from crawler.sample import SampleBlog, demo_states
from tests.helpers import LOCAL_ARGS, crawl_local, env_with_root, free_port

BLOG = "http://127.0.0.1:9/live"  # nothing listens there: no command may get that far
LIVEBLOG = [sys.executable, "-m", "crawler"]


def tool(name: str) -> str:
    """A system tool's full path (util-linux and e2fsprogs are in every Debian)."""
    path = shutil.which(name) or next(
        (f"{d}/{name}" for d in ("/usr/sbin", "/sbin") if Path(f"{d}/{name}").exists()), None
    )
    assert path is not None, f"{name} is not installed: these tests need it"
    return path


def namespace(script: str) -> list[str]:
    """argv running the shell script in a mount namespace of its own."""
    return [tool("unshare"), "--map-root-user", "--mount", "sh", "-c", script]


def liveblog(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The `liveblog` command, run as a user runs it (with `env` added), its output kept."""
    return subprocess.run(
        [*LIVEBLOG, *args],
        capture_output=True,
        text=True,
        env={**env_with_root(), **env},
        check=False,
    )


def lock_down(path: Path, locked: bool) -> None:
    """Make a file read-only, or writable again: root writes through file modes, so for root
    it is made immutable (chattr) instead."""
    if os.geteuid() == 0:
        subprocess.run([tool("chattr"), "+i" if locked else "-i", str(path)], check=True)
    else:
        path.chmod(0o444 if locked else 0o644)


def in_namespace(setup: str, *commands: list[str]) -> subprocess.CompletedProcess[str]:
    """Run `setup` (shell), then each command, in a mount namespace of their own; each
    command's output follows a line `== <exit status>`."""
    script = [f"{{ {setup}; }} || exit 97"] + [
        f'{shlex.join(argv)} 2>&1; echo "== $?"' for argv in commands
    ]
    out = subprocess.run(
        namespace("\n".join(script)),
        capture_output=True,
        text=True,
        env=env_with_root(),
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, (
        "could not make a mount namespace with unshare (util-linux, user namespaces): " + out.stderr
    )
    return out


def read_only(folder: Path) -> str:
    """Shell that makes `folder` a read-only bind mount of itself."""
    where = shlex.quote(str(folder))
    return f"mount --bind {where} {where} && mount -o remount,bind,ro {where}"


def small_disk(folder: Path, size: str = "1m") -> str:
    where = shlex.quote(str(folder))
    return f"mount -t tmpfs -o size={size} tmpfs {where}"


def archive_of(path: Path, updates: list[Update]) -> None:
    """An archive holding one pass over the blog that read `updates`, closed."""
    db = open_archive(path)
    record_pass(
        db,
        BlogPass(
            url=BLOG,
            started_at="2024-05-01T12:00:00Z",
            finished_at="2024-05-01T12:00:01Z",
            pages=[PageFetch(url=BLOG, status=200, size=100, updates=len(updates))],
            updates=updates,
            complete=True,
        ),
    )
    db.close()


def archive_with_updates(path: Path) -> bytes:
    """An archive holding one pass of two updates, checkpointed into its file; its bytes."""
    archive_of(
        path,
        [
            Update(source_id="a", headline="First", body_text="One.", body_html="<p>One.</p>"),
            Update(source_id="b", headline="Second", body_text="Two.", body_html="<p>Two.</p>"),
        ],
    )  # closed by the last connection: SQLite checkpoints and removes the -wal and -shm
    assert not Path(f"{path}-wal").exists()
    return path.read_bytes()


def copy_with_its_wal(path: Path) -> bytes:
    """A copy of an archive made while it was open (`cp archive.db archive.db-wal`, no -shm):
    its first update checkpointed into the file, its second in the -wal alone; its bytes."""
    scratch = path.parent.parent / "live"
    scratch.mkdir()
    db = open_archive(scratch / path.name)
    first = Update(source_id="a", headline="First", body_text="One.", body_html="<p>One.</p>")
    second = Update(source_id="b", headline="Second", body_text="Two.", body_html="<p>Two.</p>")
    for n, updates in enumerate(([first], [first, second])):
        record_pass(
            db,
            BlogPass(
                url=BLOG,
                started_at=f"2024-05-01T12:0{n}:00Z",
                finished_at=f"2024-05-01T12:0{n}:01Z",
                pages=[PageFetch(url=BLOG, status=200, size=100, updates=len(updates))],
                updates=updates,
                complete=True,
            ),
        )
        if n == 0:
            db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for name in (path.name, f"{path.name}-wal"):
        shutil.copyfile(scratch / name, path.parent / name)
    db.close()
    # Read as the file alone, as SQLite reads it when told it is immutable, it has one update.
    immutable = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)
    try:
        assert immutable.execute("select headline from updates").fetchall() == [("First",)]
    finally:
        immutable.close()
    return path.read_bytes()


# How the archive in the read-only folder was left: closed, or copied while open.
LEFT = {"checkpointed": archive_with_updates, "copied with its -wal": copy_with_its_wal}


def left_in(folder: Path, left: str) -> dict[str, bytes]:
    """The archive left in `folder` as `left` says; the folder's files and their bytes."""
    folder.mkdir()
    LEFT[left](folder / "archive.db")
    return files(folder)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def one_error_line(output: str, expected: str) -> None:
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and expected in lines[0], output
    assert "Traceback" not in output


@pytest.mark.slow
def test_crawl_into_a_read_only_folder_says_so_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    kept = archive_with_updates(folder / "archive.db")
    out = in_namespace(
        read_only(folder),
        [*LIVEBLOG, "crawl", BLOG, "--db", str(folder / "archive.db")],
        [*LIVEBLOG, "crawl", BLOG, "--db", str(folder / "new.db")],
    )
    existing, new = out.stdout.split("== ")[0], out.stdout.split("== ")[1].split("\n", 1)[1]
    assert out.stdout.count("== 1") == 2, out.stdout
    one_error_line(existing, f"cannot write to the folder {folder} (Read-only file system)")
    one_error_line(new, "give --db an archive path in a folder you can write to")
    assert sorted(p.name for p in folder.iterdir()) == ["archive.db"]
    assert (folder / "archive.db").read_bytes() == kept


def test_crawl_into_a_read_only_archive_says_so_and_leaves_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    kept = archive_with_updates(path)
    lock_down(path, True)
    try:
        out = liveblog("crawl", BLOG, "--db", str(path))
    finally:
        lock_down(path, False)
    assert out.returncode == 1
    one_error_line(out.stderr, f"cannot write to the archive {path}: it is read-only or immutable")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.db"]
    assert path.read_bytes() == kept


def test_a_path_under_a_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder")
    out = liveblog("crawl", BLOG, "--db", str(tmp_path / "notes.txt" / "archive.db"))
    assert out.returncode == 1
    one_error_line(out.stderr, f"{tmp_path / 'notes.txt'} is a file, not a folder")
    assert (tmp_path / "notes.txt").read_text() == "not a folder"


@pytest.mark.slow
def test_a_full_disk_says_so_before_the_crawl_and_leaves_no_lock(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    archive = disk / "archive.db"
    make = f"{shlex.join([sys.executable, '-c', 'import sys; from archive.db import open_archive; open_archive(sys.argv[1]).close()', str(archive)])}"
    out = in_namespace(
        f"{small_disk(disk)}\n{make}",
        [*LIVEBLOG, "crawl", BLOG, "--db", str(archive)],
        ["ls", "-A", str(disk)],
        # Then the disk is filled to the last byte: even a new archive cannot be made.
        ["sh", "-c", f"cat /dev/zero > {shlex.quote(str(disk / 'filler'))}"],
        [*LIVEBLOG, "crawl", BLOG, "--db", str(disk / "new.db")],
        ["ls", "-A", str(disk)],
    )
    parts = out.stdout.split("== ")
    crawl, listing = parts[0], parts[1].split("\n", 1)[1]
    assert parts[1].startswith("1\n"), out.stdout
    one_error_line(crawl, f"the disk holding {disk} is full (")
    assert listing.split() == ["archive.db"]  # no lock file, no -wal left behind
    new_crawl, last_listing = parts[3].split("\n", 1)[1], parts[4].split("\n", 1)[1]
    assert parts[4].startswith("1\n"), out.stdout
    one_error_line(new_crawl, f"the disk holding {disk} is full")
    assert last_listing.split() == ["archive.db", "filler"]


@pytest.mark.slow
def test_a_pass_whose_writes_fail_fails_with_the_reason_and_changes_nothing(
    sample_blog: SampleBlog, db_path: Path
) -> None:
    """The snapshots' folder turns read-only between passes: the archive opens, the pass
    fetches and reads its pages, then cannot keep them; it fails with the reason."""
    states = demo_states()
    sample_blog.show(states[0])
    [first] = crawl_local([sample_blog.url], db_path)
    assert first.ok
    sample_blog.show(states[1])  # a new update: this pass has something to write
    before = archive_rows(db_path)
    warc = Path(f"{db_path}.warc")
    out = in_namespace(
        read_only(warc),
        [*LIVEBLOG, "crawl", sample_blog.url, "--db", str(db_path), *LOCAL_ARGS],
    )
    report, status = out.stdout.rsplit("== ", 1)
    assert status.strip() == "1", out.stdout
    line = report.splitlines()[0]
    assert line.startswith(
        f"FAIL  {sample_blog.url}: failed: Cannot create the snapshot file {warc}/"
    ), report
    assert line.endswith(
        "(Read-only file system): check the free space and permissions of that folder."
    ), report
    assert "Traceback" not in report
    assert archive_rows(db_path) == before


def archive_rows(path: Path) -> tuple[int, ...]:
    db = open_archive(path)
    try:
        return tuple(db[t].count for t in ("blogs", "fetches", "fetch_pages", "updates"))
    finally:
        db.close()


def test_an_export_that_fills_the_disk_says_so_and_keeps_the_file_it_would_replace(
    tmp_path: Path,
) -> None:
    """The disk fills half way through: yesterday's export is still there, and nothing else."""
    archive = tmp_path / "archive.db"
    words = "The minister said border security would be stepped up as lorries queued. " * 10
    archive_of(
        archive,
        [
            Update(source_id=str(n), headline=f"Update {n}", body_text=words, body_html=words)
            for n in range(100)
        ],
    )
    disk = tmp_path / "disk"
    disk.mkdir()
    kept = disk / "updates.ndjson"
    out = in_namespace(
        f"{small_disk(disk, '64k')} && echo yesterday > {shlex.quote(str(kept))}",
        [*LIVEBLOG, "export", "--db", str(archive), "-o", str(kept)],
        ["cat", str(kept)],
        ["ls", "-A", str(disk)],
    )
    parts = out.stdout.split("== ")
    assert parts[1].startswith("1\n"), out.stdout
    one_error_line(parts[0], f"cannot write the export to {kept} (No space left on device)")
    assert parts[1].split("\n", 1)[1] == "yesterday\n", out.stdout
    assert parts[2].split("\n", 1)[1].split() == ["updates.ndjson"], out.stdout


@pytest.mark.parametrize("link", [False, True])
@pytest.mark.parametrize("left", LEFT)
def test_export_reads_an_archive_in_a_read_only_folder(
    tmp_path: Path, left: str, link: bool
) -> None:
    """All of it: a -wal that SQLite cannot index there (no -shm) is read from a copy; and
    through a symlink in a folder that can be written, whose folder is not the archive's."""
    folder, scratch = tmp_path / "ro", tmp_path / "scratch"
    kept = left_in(folder, left)
    scratch.mkdir()
    given = folder / "archive.db"
    if link:
        given = tmp_path / "link.db"
        given.symlink_to(folder / "archive.db")
    out = in_namespace(
        read_only(folder),
        ["env", f"TMPDIR={scratch}", *LIVEBLOG, "export", "--db", str(given)],
    )
    body, status = out.stdout.rsplit("== ", 1)
    assert status.strip() == "0", out.stdout
    assert [json.loads(line)["headline"] for line in body.splitlines()] == ["First", "Second"]
    assert files(folder) == kept
    assert not list(scratch.iterdir())  # the copy is gone


@pytest.mark.parametrize("left", LEFT)
def test_list_reads_an_archive_in_a_read_only_folder(tmp_path: Path, left: str) -> None:
    """`list` only reads: it opens the archive as export does, all of it, writing nothing."""
    folder, scratch = tmp_path / "ro", tmp_path / "scratch"
    kept = left_in(folder, left)
    scratch.mkdir()
    out = in_namespace(
        read_only(folder),
        ["env", f"TMPDIR={scratch}", *LIVEBLOG, "list", "--db", str(folder / "archive.db")],
    )
    body, status = out.stdout.rsplit("== ", 1)
    assert status.strip() == "0", out.stdout
    assert body.splitlines()[:2] == [
        f"live     {BLOG}",
        "         last pass 2024-05-01 12:0"
        + ("0:01" if left == "checkpointed" else "1:01")
        + f", {'1 pass' if left == 'checkpointed' else '2 passes'}, 2 updates (0 removed)",
    ]
    assert files(folder) == kept
    assert not list(scratch.iterdir())


def test_list_reads_a_read_only_archive_and_makes_no_archive_of_an_empty_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "archive.db"
    kept = archive_with_updates(path)
    lock_down(path, True)
    try:
        listed = liveblog("list", "--db", str(path))
    finally:
        lock_down(path, False)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith(f"live     {BLOG}\n")
    assert path.read_bytes() == kept  # beside it, at most the -shm SQLite reads it with
    empty = tmp_path / "empty.db"
    empty.touch()
    nothing = liveblog("list", "--db", str(empty))
    assert nothing.returncode == 1
    one_error_line(nothing.stderr, f"{empty} is not a SQLite database")
    assert empty.read_bytes() == b""
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("empty.db") and p != empty]


@pytest.mark.slow
@pytest.mark.parametrize("left", LEFT)
def test_a_read_only_archive_in_a_writable_folder_is_read_whole_and_nothing_left_beside_it(
    tmp_path: Path, left: str
) -> None:
    """chmod 444 (which root writes through, but liveblog does not): list and export read it
    all without a -wal or -shm made beside it, and a crawl refuses it."""
    folder, scratch = tmp_path / "archive", tmp_path / "scratch"
    kept = left_in(folder, left)
    scratch.mkdir()
    path = folder / "archive.db"
    path.chmod(0o444)
    listed = liveblog("list", "--db", str(path), TMPDIR=str(scratch))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith(f"live     {BLOG}\n") and "2 updates" in listed.stdout
    exported = liveblog("export", "--db", str(path), TMPDIR=str(scratch))
    assert exported.returncode == 0, exported.stderr
    assert [json.loads(line)["headline"] for line in exported.stdout.splitlines()] == [
        "First",
        "Second",
    ]
    assert files(folder) == kept
    assert not list(scratch.iterdir())
    crawled = liveblog("crawl", BLOG, "--db", str(path))
    assert crawled.returncode == 1
    one_error_line(crawled.stderr, f"cannot write to the archive {path}: it is read-only")
    assert files(folder) == kept


def test_an_archive_that_cannot_be_copied_to_be_read_whole_says_why(tmp_path: Path) -> None:
    folder, scratch = tmp_path / "ro", tmp_path / "scratch"
    kept = left_in(folder, "copied with its -wal")
    scratch.mkdir()
    assert (folder / "archive.db").stat().st_size > 64 * 1024
    out = in_namespace(
        f"{read_only(folder)} && {small_disk(scratch, '64k')}",
        ["env", f"TMPDIR={scratch}", *LIVEBLOG, "export", "--db", str(folder / "archive.db")],
        ["ls", "-A", str(scratch)],
    )
    parts = out.stdout.split("== ")
    assert parts[1].startswith("1\n"), out.stdout
    one_error_line(
        parts[0],
        f"cannot read the archive {folder / 'archive.db'} whole: it lies in a read-only folder "
        "with its -wal file but no -shm, so it is read from a copy, and copying it to "
        f"{scratch}/liveblog-read-",
    )
    assert "(No space left on device): set TMPDIR to a folder with room for it" in parts[0]
    assert parts[2] == "0\n", out.stdout  # nothing left on the scratch disk
    assert files(folder) == kept


@pytest.mark.slow
@pytest.mark.parametrize("left", LEFT)
def test_serve_publishes_an_archive_in_a_read_only_folder(tmp_path: Path, left: str) -> None:
    folder, scratch = tmp_path / "ro", tmp_path / "scratch"
    kept = left_in(folder, left)
    scratch.mkdir()
    port = free_port()
    argv = ["env", f"TMPDIR={scratch}", *LIVEBLOG]
    argv += ["serve", "--db", str(folder / "archive.db"), "--port", str(port)]
    script = f"{read_only(folder)} && exec {shlex.join(argv)}"
    with (tmp_path / "serve.log").open("w") as log:
        proc = subprocess.Popen(
            namespace(script),
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env_with_root(),
        )
    try:
        url = f"http://127.0.0.1:{port}/archive/updates.json?_shape=array&_sort=id"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    rows = json.loads(response.read())
                break
            except OSError:
                assert proc.poll() is None, (tmp_path / "serve.log").read_text()
                assert time.monotonic() < deadline, "liveblog serve did not answer in 30 s"
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert [row["headline"] for row in rows] == ["First", "Second"]
    assert files(folder) == kept
    assert not list(scratch.iterdir())  # the copy went with the server
