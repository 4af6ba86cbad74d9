"""A version compared with the one before it, once, when it is stored, and never beyond a budget.

A word diff costs little on ordinary posts and without bound on hostile ones (20,000 identical
paragraphs), so each comparison has a size and a work budget: above the word budget it goes
by paragraph, and above the paragraph budget it marks everything between the common opening
and closing paragraphs as replaced; only a field beyond MAX_CHARS is not compared at all. The
work is counted, not timed, so the same archive always gets the same diffs.

The result is JSON an analyst can read: per changed field, how it was compared ("word",
"paragraph" or "too large") and its operations, in order, over the new version's text:
``["=", n]`` n characters kept, ``["+", n]`` n characters added, ``["-", "text"]`` text removed.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

WORD = "word"
PARAGRAPH = "paragraph"
TOO_LARGE = "too large"
FIELDS = ("headline", "body")

# Either side longer than this is not compared at all (two million characters, some 300,000
# words: far beyond any post a reader scrolls through).
MAX_CHARS = 2_000_000
# Word by word only while the differing stretches (common opening and closing paragraphs
# aside) hold at most this many characters between them.
WORD_CHARS = 200_000
# Steps one attempt may take: about 0.2 s of the matcher on a laptop's CPU for a rewrite
# that exhausts it, while an ordinary edit of a long post needs a few thousand.
WORK = 200_000

_TOKEN = re.compile(r"\s+|\S+")

Op = list[Any]  # ["=", n] | ["+", n] | ["-", "text"]


@dataclass(frozen=True)
class FieldDiff:
    """How one field of a version differs from the one before it."""

    by: str  # WORD, PARAGRAPH or TOO_LARGE
    ops: list[Op]

    def to_json(self) -> dict[str, Any]:
        return {"by": self.by, "ops": self.ops}


def _edit_script(a: Sequence[str], b: Sequence[str], budget: int) -> tuple[list[str] | None, int]:
    """The shortest edit turning `a` into `b` (Myers), one move per piece: "=", "-" or "+",
    and the steps it took.

    Its work grows with the size of the change, not with how often pieces repeat: few edits
    to a long post stay cheap, and a rewrite runs out of budget instead of running for
    minutes. No moves when the work would exceed the budget.
    """
    n, m = len(a), len(b)
    frontier = {1: 0}  # furthest x reached on each diagonal k = x - y
    history: list[dict[int, int]] = []
    work = 0
    for d in range(n + m + 1):
        history.append(dict(frontier))
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and frontier[k - 1] < frontier[k + 1]):
                x = frontier[k + 1]
            else:
                x = frontier[k - 1] + 1
            y = x - k
            start = x
            while x < n and y < m and a[x] == b[y]:
                x, y = x + 1, y + 1
            frontier[k] = x
            work += 1 + x - start
            if x >= n and y >= m:
                return _moves(history, n, m), work
        if work > budget:
            return None, work
    return None, work


def _moves(history: list[dict[int, int]], n: int, m: int) -> list[str]:
    """The moves of the path Myers' search found, walked back from the end, in order."""
    moves: list[str] = []
    x, y = n, m
    for d in range(len(history) - 1, -1, -1):
        frontier = history[d]
        k = x - y
        down = k == -d or (k != d and frontier[k - 1] < frontier[k + 1])
        prev_k = k + 1 if down else k - 1
        prev_x = frontier[prev_k]
        prev_y = prev_x - prev_k
        while x > prev_x and y > prev_y:
            moves.append("=")
            x, y = x - 1, y - 1
        if d > 0:
            moves.append("+" if down else "-")
        x, y = prev_x, prev_y
    moves.reverse()
    return moves


def _common_ends(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """How many elements the two sequences share at their start, and then at their end."""
    limit = min(len(a), len(b))
    head = 0
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def _push(ops: list[Op], kind: str, value: int | str) -> None:
    """Append an operation, merged into the last one when both are of the same kind."""
    if not value:
        return
    if ops and ops[-1][0] == kind:
        ops[-1][1] += value
    else:
        ops.append([kind, value])


def _match(a: Sequence[str], b: Sequence[str], budget: int) -> tuple[list[Op] | None, int]:
    """The operations turning the pieces of `a` into those of `b` (None over the budget), and
    the matcher's steps."""
    head, tail = _common_ends(a, b)
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    moves, steps = _edit_script(middle_a, middle_b, budget)
    if moves is None:
        return None, steps
    ops: list[Op] = []
    _push(ops, "=", sum(map(len, b[:head])))
    i = j = 0
    removed: list[str] = []
    added = 0
    for move in [*moves, "="]:
        if move == "-":
            removed.append(middle_a[i])
            i += 1
        elif move == "+":
            added += len(middle_b[j])
            j += 1
        else:
            # A change is shown as what went, then what came, whatever order the path took.
            _push(ops, "-", "".join(removed))
            _push(ops, "+", added)
            removed, added = [], 0
            if j < len(middle_b):
                _push(ops, "=", len(middle_b[j]))
                i, j = i + 1, j + 1
    _push(ops, "=", sum(map(len, b[len(b) - tail :])))
    return ops, steps


def compare(before: str | None, after: str | None, budget: int = WORK) -> FieldDiff | None:
    """`after` against `before`: by word, else by paragraph, else too large; None when equal."""
    return counted(before, after, budget)[0]


def counted(
    before: str | None, after: str | None, budget: int = WORK
) -> tuple[FieldDiff | None, int]:
    """compare's answer and the matcher's steps it took, all attempts together: the work the
    budget bounds, counted the same on any machine."""
    old, new = before or "", after or ""
    if old == new:
        return None, 0
    if len(old) > MAX_CHARS or len(new) > MAX_CHARS:
        return FieldDiff(TOO_LARGE, []), 0
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    head, tail = _common_ends(old_lines, new_lines)
    old_middle = "".join(old_lines[head : len(old_lines) - tail])
    new_middle = "".join(new_lines[head : len(new_lines) - tail])
    steps = 0
    if len(old_middle) + len(new_middle) <= WORD_CHARS:
        words, steps = _match(_TOKEN.findall(old_middle), _TOKEN.findall(new_middle), budget)
        if words is not None:
            ops: list[Op] = []
            _push(ops, "=", sum(map(len, new_lines[:head])))
            for kind, value in words:
                _push(ops, kind, value)
            _push(ops, "=", sum(map(len, new_lines[len(new_lines) - tail :])))
            return FieldDiff(WORD, ops), steps
    paragraphs, more = _match(old_lines, new_lines, budget)
    steps += more
    if paragraphs is None:
        # Over budget, the changed stretch is shown whole: removed, then added.
        paragraphs = []
        _push(paragraphs, "=", sum(map(len, new_lines[:head])))
        _push(paragraphs, "-", old_middle)
        _push(paragraphs, "+", len(new_middle))
        _push(paragraphs, "=", sum(map(len, new_lines[len(new_lines) - tail :])))
    return FieldDiff(PARAGRAPH, paragraphs), steps


def version_diff(
    headline_before: str | None,
    body_before: str | None,
    headline_after: str | None,
    body_after: str | None,
) -> str:
    """The stored form of a version's changes: JSON, a field missing when it did not change."""
    found = {
        "headline": compare(headline_before, headline_after),
        "body": compare(body_before, body_after),
    }
    changed = {name: diff.to_json() for name, diff in found.items() if diff is not None}
    return json.dumps(changed, ensure_ascii=False, separators=(",", ":"))


def read_field(stored: Any, name: str, after: str | None) -> FieldDiff | None:
    """One field of a stored diff, checked against the text it describes; None if unusable.

    A field the diff does not name did not change: that is FieldDiff(WORD, all kept).
    """
    if not isinstance(stored, dict):
        return None
    text = after or ""
    entry = stored.get(name)
    if entry is None:
        return FieldDiff(WORD, [["=", len(text)]] if text else [])
    if not isinstance(entry, dict):
        return None
    if entry.get("by") == TOO_LARGE:
        return FieldDiff(TOO_LARGE, [])
    ops: Any = entry.get("ops")
    if entry.get("by") not in (WORD, PARAGRAPH) or not _covers(ops, len(text)):
        return None
    return FieldDiff(entry["by"], ops)


def _covers(ops: Any, length: int) -> bool:
    """Whether the operations are well formed and walk exactly through a text of `length`."""
    if not isinstance(ops, list):
        return False
    walked = 0
    for op in ops:
        if not (isinstance(op, list) and len(op) == 2):
            return False
        kind, value = op
        if kind == "-" and isinstance(value, str):
            continue
        if kind not in ("=", "+") or not isinstance(value, int) or value < 0:
            return False
        walked += value
    return walked == length


def parse(stored: str | None) -> dict[str, Any] | None:
    """A stored diff as JSON, or None when there is none or it cannot be read."""
    if not stored:
        return None
    try:
        value = json.loads(stored)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


_PAIR = """SELECT prev.headline, prev.body_text, cur.headline, cur.body_text
  FROM update_versions cur JOIN update_versions prev
    ON prev.update_id = cur.update_id AND prev.version = cur.version - 1
 WHERE cur.update_id = ? AND cur.version = ?"""


def store_diffs(conn: sqlite3.Connection, versions: Iterable[Sequence[Any]]) -> None:
    """Write the diff of each new version (rows starting update_id, version) once, in its row.

    Called in the transaction that inserts them, so a page never has to compute one.
    """
    for row in versions:
        update_id, version = row[0], row[1]
        found = conn.execute(_PAIR, [update_id, version]).fetchone()
        if found is None:
            continue
        conn.execute(
            "UPDATE update_versions SET diff = ? WHERE update_id = ? AND version = ?",
            [version_diff(*found), update_id, version],
        )


def backfill(conn: sqlite3.Connection) -> None:
    """The diffs of versions written before diffs were stored (migration 7)."""
    missing = conn.execute(
        "SELECT update_id, version FROM update_versions WHERE version > 1 AND diff IS NULL"
    ).fetchall()
    store_diffs(conn, missing)
