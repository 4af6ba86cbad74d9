"""Alerts: Apprise messages after a pass reach a webhook on 127.0.0.1 and say what changed.

Real passes over an evolving blog (tests/evolving.py) or passes recorded by hand, real
Apprise, and a real HTTP server that keeps what it was sent. A notifier that fails costs one
line on stderr, never the pass; the rate limit folds changes into the next message.
"""

from __future__ import annotations

import socket
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from archive.alerts import BlogChanges, Change
from archive.db import open_archive
from archive.records import Update
from archive.store import record_pass
from archive.watchlist import Policy
from crawler.cli import cli
from crawler.notify import HEADLINES, Alerts, AlertSettings, body, send, title, valid_url, where
from crawler.watch import run_due_passes
from crawler.words import counted
from tests.evolving import TITLE, EvolvingBlog, make_update
from tests.helpers import LOCAL, LOCAL_ARGS, URL, bpass, free_port
from tests.webhook import Webhook


def closed_port_url() -> str:
    """An Apprise URL whose port nothing listens on."""
    return f"json://127.0.0.1:{free_port()}/hook"


def timeline(blog_id: int, db: str = "archive") -> str:
    return f"http://127.0.0.1:8001/{db}/-/timeline/{blog_id}"


# --- what a message says -------------------------------------------------------------------


def test_counts_read_as_words() -> None:
    assert [counted(n, "blog") for n in (0, 1, 2)] == ["0 blogs", "1 blog", "2 blogs"]
    assert counted(1, "pass") == "1 pass" and counted(3, "pass") == "3 passes"


def test_a_message_names_the_first_headlines_counts_the_rest_and_links_the_timeline() -> None:
    changes = BlogChanges(1, URL, "Election live", 0, 3)
    changes.changes = [Change("new", f"Result {n}", n) for n in range(HEADLINES + 3)]
    changes.changes.append(Change("edited", "Turnout revised", 99))
    assert title(changes) == f"Election live: {HEADLINES + 3} new, 1 edited"
    text = body(changes, timeline(1))
    lines = text.splitlines()
    assert lines[:HEADLINES] == [f"new: Result {n}" for n in range(HEADLINES)]
    assert lines[HEADLINES] == "and 4 more"
    assert lines[-1] == f"Timeline: {timeline(1)}"
    assert title(changes, restored=1).endswith("1 edited, 1 restored")


def test_a_notifier_is_named_without_its_secrets() -> None:
    assert where("mailto://user:secret@example.org/?to=a@b.c") == "mailto://example.org"
    assert where("ntfy://my-topic") == "ntfy://my-topic"


# --- failing notifiers ---------------------------------------------------------------------


def test_a_notifier_that_never_answers_costs_the_timeout_not_more() -> None:
    """The send stops waiting at its timeout: the failure says so, where a send that waited for
    the notifier would report the notifier's own error."""
    assert valid_url("json://127.0.0.1/hook")  # Apprise loads its plugins once, at first use
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts, never answers
        url = f"json://127.0.0.1:{silent.getsockname()[1]}/hook"
        failures = send([url], "t", "b", timeout=0.5)
    assert failures == ["no answer within 0.5 s"]


def test_a_url_apprise_cannot_read_is_one_failure() -> None:
    assert send(["nosuchscheme://x"], "t", "b", timeout=1) == [
        "nosuchscheme://x is not a URL Apprise can send to"
    ]


def test_the_command_refuses_a_notify_url_apprise_cannot_read(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["watch", "http://127.0.0.1:9/live", "--db", str(tmp_path / "a.db"), "--notify", "x"]
    )
    assert result.exit_code == 2
    assert "is not an Apprise URL" in result.output and "Traceback" not in result.output


# --- passes recorded by hand: the rate limit ------------------------------------------------


def story(n: int, headline: str | None = None) -> Update:
    return Update(
        source_id=str(n),
        headline=headline or f"Update {n}",
        body_text=f"The body of update {n}.",
        published_at=f"2024-05-01T11:{n:02d}:00Z",
    )


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_the_rate_limit_folds_two_passes_into_one_message(db_path: Path, webhook: Webhook) -> None:
    db: sqlite_utils.Database = open_archive(db_path)
    clock = Clock()
    alerts = Alerts(db_path, AlertSettings([webhook.url], every=300), clock=clock)
    minute = 0

    def poll(updates: list[Update]) -> None:
        nonlocal minute
        minute += 1
        at = f"2024-05-01T12:{minute:02d}:00Z"
        alerts.after([record_pass(db, bpass(updates, at=at))])

    poll([story(1)])
    assert [m["title"] for m in webhook.wait(1)] == [f"{URL}: 1 new"]
    clock.now += timedelta(seconds=60)
    poll([story(2), story(1, "Update 1, corrected")])  # too soon: waits
    clock.now += timedelta(seconds=60)
    poll([story(3), story(2), story(1, "Update 1, corrected")])  # still too soon
    time.sleep(0.2)
    assert len(webhook.messages) == 1
    clock.now += timedelta(seconds=300)
    poll([story(3), story(2), story(1, "Update 1, corrected")])  # nothing new, but due
    messages = webhook.wait(2)
    assert len(messages) == 2, messages
    folded = messages[1]
    assert folded["title"] == f"{URL}: 2 new, 1 edited"
    assert folded["message"].splitlines()[:3] == [
        "new: Update 3",
        "new: Update 2",
        "edited: Update 1, corrected",
    ]
    assert folded["message"].endswith(f"Timeline: {timeline(1)}")
    # Told once: the next pass with nothing new sends nothing.
    clock.now += timedelta(seconds=600)
    poll([story(3), story(2), story(1, "Update 1, corrected")])
    time.sleep(0.2)
    assert len(webhook.messages) == 2
    db.close()


def test_alerts_start_with_the_first_pass_they_watch(db_path: Path, webhook: Webhook) -> None:
    """What an archive held before alerts were asked for is not news."""
    db = open_archive(db_path)
    record_pass(db, bpass([story(2), story(1)], at="2024-05-01T12:00:00Z"))
    alerts = Alerts(db_path, AlertSettings([webhook.url], every=0))
    alerts.after(
        [record_pass(db, bpass([story(3), story(2), story(1)], at="2024-05-01T12:05:00Z"))]
    )
    [message] = webhook.wait(1)
    assert message["title"] == f"{URL}: 1 new"
    assert message["message"].startswith("new: Update 3\n\nTimeline:")
    db.close()


def test_a_removal_is_told(db_path: Path, webhook: Webhook) -> None:
    db = open_archive(db_path)
    alerts = Alerts(db_path, AlertSettings([webhook.url], every=0))
    alerts.after(
        [record_pass(db, bpass([story(3), story(2), story(1)], at="2024-05-01T12:00:00Z"))]
    )
    alerts.after([record_pass(db, bpass([story(3), story(1)], at="2024-05-01T12:05:00Z"))])
    messages = webhook.wait(2)
    assert [m["title"] for m in messages] == [f"{URL}: 3 new", f"{URL}: 1 removed"]
    assert messages[1]["message"].startswith("removed: Update 2\n")
    db.close()


# --- real passes ---------------------------------------------------------------------------


@pytest.mark.slow
def test_a_pass_with_an_edit_sends_one_message_with_its_headline_and_timeline(
    db_path: Path, webhook: Webhook
) -> None:
    with EvolvingBlog([make_update(n) for n in range(4, 0, -1)]) as blog:
        run_due_passes(db_path, Policy(), urls=[blog.url], settings=dict(LOCAL))
        blog.edit("u0003", headline="Update 3: the storm turns north")
        alerts = Alerts(db_path, AlertSettings([webhook.url], public_url="http://127.0.0.1:8001/"))
        [result] = run_due_passes(
            db_path, Policy(), urls=[blog.url], settings=dict(LOCAL), alerts=alerts
        )
    assert result.ok and result.changed == 1
    [message] = webhook.wait(1)
    time.sleep(0.2)
    assert len(webhook.messages) == 1
    assert message["title"] == f"{TITLE}: 1 edited"
    assert message["message"] == (
        f"edited: Update 3: the storm turns north\n\nTimeline: {timeline(result.blog_id)}"
    )


@pytest.mark.slow
def test_a_failing_notifier_does_not_fail_the_pass(db_path: Path) -> None:
    with EvolvingBlog([make_update(n) for n in range(3, 0, -1)]) as blog:
        result = CliRunner().invoke(
            cli,
            ["crawl", blog.url, "--db", str(db_path), "--notify", closed_port_url(), *LOCAL_ARGS],
        )
    assert result.exit_code == 0, result.output
    assert f"ok    {blog.url}: 1 page, 3 new" in result.output
    failures = [line for line in result.output.splitlines() if "not sent" in line]
    assert len(failures) == 1, result.output
    assert failures[0].startswith(f"alert for {blog.url} not sent: "), failures
    assert "Connection" in failures[0] or "refused" in failures[0], failures
    assert "Traceback" not in result.output
    assert sqlite_utils.Database(db_path)["updates"].count == 3


@pytest.mark.slow
def test_a_blogs_own_notify_url_from_the_watchlist(db_path: Path, webhook: Webhook) -> None:
    runner = CliRunner()
    db = str(db_path)
    with EvolvingBlog([make_update(n) for n in range(2, 0, -1)]) as blog:
        added = runner.invoke(cli, ["add", blog.url, "--db", db, "--notify", webhook.url])
        assert added.exit_code == 0, added.output
        listed = runner.invoke(cli, ["list", "--db", db]).output
        assert f"settings: --notify '{webhook.url}'" in listed
        watched = runner.invoke(
            cli,
            ["watch", "--db", db, "--interval", "1", "--idle-after", "1", *LOCAL_ARGS],
        )
    assert watched.exit_code == 0, watched.output
    assert watched.output.rstrip().endswith("every watched blog has ended: nothing left to poll.")
    [message] = webhook.wait(1)
    assert message["title"] == f"{TITLE}: 2 new"
    assert message["message"].splitlines()[:2] == [
        "new: Update 2: the storm reaches point 2",
        "new: Update 1: the storm reaches point 1",
    ]


def test_the_webhook_fixture_counts_what_it_is_sent(webhook: Webhook) -> None:
    """The fixture the assertions above rest on: one POST, one message."""
    assert send([webhook.url], "Title", "Body", timeout=5) == []
    [message] = webhook.wait(1)
    assert (message["title"], message["message"]) == ("Title", "Body")
