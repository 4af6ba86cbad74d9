"""Identity and versioning rules: pure functions, so dedup is tested without a database."""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import TypeVar

from archive.records import TIME_AGO, TIME_CLOCK, TIME_UNKNOWN, Update
from archive.times import is_newer, parse_utc, same_instant

T = TypeVar("T")

# Quote and dash variants publishers (and their CMS "smart quotes") use
# interchangeably in one headline from one edit to the next.
_QUOTES = {c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟«»″"}
_DASHES = {c: "-" for c in "‐‑‒–—―−﹘﹣－"}
# Invisible characters that CMSs insert or drop at will (soft hyphen,
# zero-width space/joiners, word joiner, BOM): they never change meaning.
_INVISIBLE = {c: None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"}
_FOLD = str.maketrans(_QUOTES | _DASHES | _INVISIBLE)

HASH_CHARS = 16
BODY_PREFIX_CHARS = 200


def normalise_headline(s: str | None) -> str:
    """Fold what changes between renderings of one headline but not its meaning."""
    if not s:
        return ""
    # Fold before NFKC too: NFKC turns a double prime into two primes.
    folded = unicodedata.normalize("NFKC", s.translate(_FOLD)).casefold()
    return " ".join(folded.translate(_FOLD).split())


def _sha16(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


def headline_hash(headline: str | None, published_at: str | None, body_text: str | None) -> str:
    """Identify an update without a publisher id; headline-less ones by time and opening words."""
    norm = normalise_headline(headline)
    if norm:
        return _sha16(norm)
    body = normalise_headline(body_text)[:BODY_PREFIX_CHARS]
    return _sha16(f"{published_at or ''}\n{body}")


def update_key(update: Update) -> str:
    """The identity of an update within its blog: the publisher's id when there is one."""
    if update.source_id:
        return "id:" + update.source_id
    return "h:" + headline_hash(update.headline, update.published_at, update.body_text)


def content_hash(update: Update) -> str:
    """Hash what makes a new version, so an unchanged re-poll is one comparison."""
    canonical = json.dumps(
        {
            "headline": update.headline or "",
            "body_text": update.body_text or "",
            "body_html": update.body_html or "",
            "modified_at": update.modified_at or "",
            "media": update.media or [],
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# Two readings of one stated instant a minute apart are one time written twice (the shown
# minute and the markup's second); how long ago is good to its unit, which grows with the age.
MINUTE = 60
DAY = 24 * 3600
_AGO_UNITS = (
    (3600, MINUTE),
    (DAY, 3600),
    (7 * DAY, DAY),
    (30 * DAY, 7 * DAY),
    (365 * DAY, 30 * DAY),
)


def _leeway(published: float, published_from: str | None, seen: float) -> float:
    """How far from its instant a reading of a publish time may lie without any edit."""
    if published_from not in (TIME_AGO, TIME_UNKNOWN):
        return MINUTE
    age = seen - published
    unit = next((unit for below, unit in _AGO_UNITS if age < below), 365 * DAY)
    return unit + MINUTE


def redated(
    before: str | None,
    before_from: str | None,
    after: str | None,
    after_from: str | None,
    seen: str,
) -> bool:
    """Whether the publisher changed a post's publish time, not a reading of it that moved.

    A time stated as an instant that moves is a re-date. How long ago ("2 hours ago", the
    fetch less two hours, `seen` the latest fetch) moves with every pass by up to its unit,
    and a clock alone ("12:20") may be put on another day: a change they can explain is none.
    A time an older archive held without its source (TIME_UNKNOWN) may be either. A time that
    appears or disappears is no re-date either.
    """
    a, b, now = parse_utc(before), parse_utc(after), parse_utc(seen)
    if a is None or b is None or now is None:
        return False
    gap = b.timestamp() - a.timestamp()
    if {TIME_CLOCK, TIME_UNKNOWN} & {before_from, after_from}:
        gap -= round(gap / DAY) * DAY
    return abs(gap) > _leeway(a.timestamp(), before_from, now.timestamp()) + _leeway(
        b.timestamp(), after_from, now.timestamp()
    )


def merge_duplicates(updates: Sequence[Update], keys: Sequence[str]) -> dict[str, Update]:
    """One record per key: the richest reading, pinned if any reading was pinned."""
    merged: dict[str, Update] = {}
    for update, key in zip(updates, keys, strict=True):
        kept = merged.get(key)
        if kept is None:
            merged[key] = update
            continue
        richer, poorer = (update, kept) if update.fidelity > kept.fidelity else (kept, update)
        merged[key] = replace(
            richer,
            pinned=richer.pinned or poorer.pinned,
            key_event=richer.key_event or poorer.key_event,
            permalink=richer.permalink or poorer.permalink,
            published_at=richer.published_at or poorer.published_at,
            published_from=(richer if richer.published_at else poorer).published_from,
        )
    return merged


def assign_keys(updates: Sequence[Update], stored_published: Mapping[str, str | None]) -> list[str]:
    """Key each update; id-less ones sharing a headline but not a publish time stay apart.

    `stored_published` maps the keys already stored for the blog to their
    published_at. A headline-hash key `h:<hash>` belongs to one publish time:
    the stored one, else the earliest in the pass; another update with that
    hash and a different known publish time gets `h:<hash>@<published_at>`.
    """
    base = [update_key(u) for u in updates]
    owner: dict[str, str | None] = {}
    for key, update in zip(base, updates, strict=True):
        if not key.startswith("h:"):
            continue
        if key in stored_published:
            owner.setdefault(key, stored_published[key])
            continue
        current = owner.get(key)
        if update.published_at and (current is None or is_newer(current, update.published_at)):
            owner[key] = update.published_at
    keys = []
    for key, update in zip(base, updates, strict=True):
        pub = update.published_at
        if key.startswith("h:") and pub:
            claimed = owner.get(key)
            specific = f"{key}@{pub}"
            if specific in stored_published or (claimed and not same_instant(claimed, pub)):
                key = specific
        keys.append(key)
    return keys


# How alike the opening of two bodies must be for a retitled update to be the same one.
SIMILAR_BODY = 0.8
BODY_COMPARE_CHARS = 300


@dataclass(frozen=True)
class StoredIdentity:
    """What the archive holds of an id-less update, enough to recognise it under a new headline."""

    headline_hash: str
    published_at: str | None
    body_start: str
    published_from: str | None = None  # how the time was read (Update.published_from)
    headless: bool = False  # no headline: the identity holds the publish time
    seen_at: str | None = None  # when a pass last showed it


def similar_bodies(a: str, b: str) -> bool:
    """Openings alike enough that a changed headline is a correction, not another update."""
    na = normalise_headline(a)[:BODY_COMPARE_CHARS]
    nb = normalise_headline(b)[:BODY_COMPARE_CHARS]
    if not na or not nb:
        return na == nb
    return na == nb or _ratio_at_least(na, nb, SIMILAR_BODY) >= SIMILAR_BODY


def _common_length(a: str, b: str) -> int:
    """The length of the longest subsequence two texts share, by bit-parallel rows (Hyyrö):
    no fewer characters than SequenceMatcher's blocks match, at a cost of one big-integer
    step per character of `b`."""
    masks: dict[str, int] = {}
    for i, c in enumerate(a):
        masks[c] = masks.get(c, 0) | 1 << i
    full = (1 << len(a)) - 1
    row = full
    for c in b:
        u = row & masks.get(c, 0)
        row = ((row + u) | (row - u)) & full
    return len(a) - row.bit_count()


def _ratio_at_least(a: str, b: str, floor: float) -> float:
    """SequenceMatcher's ratio of two texts where it may reach `floor`, 0 where their longest
    common subsequence says it cannot: most pairs of posts compared are not alike, and the
    bound costs a fraction of the match."""
    if not a and not b:
        return 1.0
    if 2 * _common_length(a, b) < floor * (len(a) + len(b)):
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def group_key(key: str) -> str:
    """An id-less key without its twin ordinal: `h:<hash>` or `h:<hash>@<time>`."""
    return key.split("~", 1)[0] if key.startswith("h:") else key


def identity_base(key: str) -> str:
    """What a key says of the update itself: the publisher's id, or the headline hash alone."""
    return key.split("@", 1)[0].split("~", 1)[0] if key.startswith("h:") else key


def _ordinal(key: str) -> int:
    """A twin's place among the updates sharing its headline and time, oldest first."""
    _, tilde, n = key.partition("~")
    return int(n) if tilde and n.isdigit() else 1


def _body_start(text: str | None) -> str:
    return normalise_headline(text)[:BODY_PREFIX_CHARS]


def _posts(
    members: Sequence[int], updates: Sequence[Update], places: Sequence[int]
) -> list[list[int]]:
    """The distinct posts among readings that share headline and time, the lowest on the page first.

    Readings at the group's best fidelity that are not pinned copies are posts: those with
    different bodies are different posts, and those alike in body too are told apart by
    their place on their page (the n-th from the bottom of one page is the n-th of another,
    so a post that slid from page 1 to page 2 mid-pass stays one). Poorer readings and
    pinned copies join the post whose body they share or resemble.
    """
    top = max(updates[i].fidelity for i in members)
    bodies = {i: _body_start(updates[i].body_text) for i in members}
    unpinned = {bodies[i] for i in members if updates[i].fidelity == top and not updates[i].pinned}
    leaders = [
        i
        for i in members
        if updates[i].fidelity == top and not (updates[i].pinned and bodies[i] in unpinned)
    ]
    by_identity: dict[tuple[str, int], list[int]] = {}
    counted: dict[tuple[int, str], int] = {}
    for i in reversed(leaders):
        n = counted.get((places[i], bodies[i]), 0)
        counted[(places[i], bodies[i])] = n + 1
        by_identity.setdefault((bodies[i], n), []).append(i)
    posts = list(by_identity.values())
    for i in members:
        if i in leaders:
            continue
        text = updates[i].body_text
        home = next((p for p in posts if bodies[p[0]] == bodies[i]), None) or next(
            (p for p in posts if similar_bodies(updates[p[0]].body_text, text)), posts[0]
        )
        home.append(i)
    return posts


def _name_posts(
    key: str,
    posts: Sequence[Sequence[int]],
    updates: Sequence[Update],
    held: Sequence[str],
    stored: Mapping[str, StoredIdentity],
) -> list[str]:
    """Each post's key: the stored twin with its body, else a like one, else a new twin key.

    A post whose body resembles none of the stored twins' is a rewrite of a stored twin
    only when that twin is not shown this pass and stood where the post stands among the
    twins that are; otherwise it is a new twin (a new update listed above an older one
    never takes its place).
    """
    free = sorted(held, key=_ordinal)
    names: list[str | None] = [None] * len(posts)
    texts = [updates[post[0]].body_text for post in posts]
    for alike in (
        lambda a, b: _body_start(a) == _body_start(b),
        similar_bodies,
    ):
        for j, text in enumerate(texts):
            if names[j] is None:
                match = next((k for k in free if alike(stored[k].body_start, text)), None)
                if match is not None:
                    names[j] = match
                    free.remove(match)
    for j in range(len(posts)):
        if names[j] is not None:
            continue
        below = max((_ordinal(n) for n in names[:j] if n is not None), default=0)
        above = min((_ordinal(n) for n in names[j + 1 :] if n is not None), default=None)
        match = next(
            (k for k in free if below < _ordinal(k) and (above is None or _ordinal(k) < above)),
            None,
        )
        if match is not None:
            names[j] = match
            free.remove(match)
    taken = set(held) | {n for n in names if n is not None}
    result = []
    for name in names:
        if name is None:
            name = key
            n = 1
            while name in taken:
                n += 1
                name = f"{key}~{n}"
            taken.add(name)
        result.append(name)
    return result


def separate_twins(
    keys: Sequence[str],
    updates: Sequence[Update],
    stored: Mapping[str, StoredIdentity],
    pages: Sequence[int] | None = None,
) -> list[str]:
    """Tell apart id-less updates that share headline and publish time: by body, then by place.

    `keys` come from assign_keys; `stored` holds the blog's id-less updates; `pages` gives
    the page each reading came from (None: each its own, so identical readings are one).
    The lowest of new twins takes the group's key, the others `<key>~2`, `<key>~3`...,
    and each post keeps the stored twin its body matches whatever its place this time.
    """
    places = list(pages) if pages is not None else list(range(len(updates)))
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key.startswith("h:"):
            groups.setdefault(key, []).append(i)
    held: dict[str, list[str]] = {}
    for key in stored:
        if key.startswith("h:"):
            held.setdefault(group_key(key), []).append(key)
    result = list(keys)
    for key, members in groups.items():
        twins = held.get(key, [])
        if len(members) == 1 and twins in ([], [key]):
            continue
        posts = _posts(members, updates, places)
        for post, name in zip(posts, _name_posts(key, posts, updates, twins, stored), strict=True):
            for i in post:
                result[i] = name
    return result


def match_corrections(
    keys: Sequence[str],
    updates: Sequence[Update],
    stored: Mapping[str, StoredIdentity],
    seen: str | None = None,
    times: Mapping[str, tuple[str | None, str | None]] | None = None,
) -> list[str]:
    """Re-key id-less updates whose headline was corrected onto the update they already are.

    Without a publisher id the headline hash is the identity, so a corrected headline
    would read as a removal plus a new update. An unknown headline-hash key is mapped to
    a stored id-less update that this pass does not otherwise show, when it has the same
    publish time and a similar body, or when the stored row already carries this hash
    from an earlier correction and is the same update by time or body. A new twin of a
    stored headline is no correction: the twins' rule (separate_twins) has placed it.

    A headline-less post, whose identity holds its time, shown "2 hours ago" and then "3
    hours ago" is one post, not a removal and a new one each pass: an unknown key of one is
    mapped to a stored headline-less post that opens with the same words, where the times
    the two readings allow overlap (_moved, `seen` the pass's end); posts of the same words
    pair in the order of their times, then of the page. A clock alone put on another day is
    the post of its words and clock where the page's day moved (_day_moved; `times` holds
    every stored key's published_at and published_from). Words edited, or a headline given,
    are the post they plainly edit where it stood (_edited).
    """
    present = set(keys)
    moving: list[int] = []  # readings of unknown keys: their time may have moved
    free = {k: s for k, s in stored.items() if k.startswith("h:") and k not in present}
    by_hash: dict[str, list[str]] = {}
    by_instant: dict[object, list[str]] = {}  # (same_instant: its moment, or its text)
    for k, s in free.items():
        by_hash.setdefault(s.headline_hash, []).append(k)
        if s.published_at:
            by_instant.setdefault(_instant(s.published_at), []).append(k)
    groups = {group_key(k) for k in stored}
    result = list(keys)
    read: dict[str, int] = {}  # each unknown key's first reading
    for i, (key, update) in enumerate(zip(keys, updates, strict=True)):
        if not key.startswith("h:") or key in stored or group_key(key) in groups:
            continue
        if key in read:
            result[i] = result[read[key]]  # (a post read twice is matched once)
            continue
        read[key] = i
        match = next(
            (
                k
                for k in by_hash.get(identity_base(key)[2:], [])
                if k in free and _same_update(free[k], update)
            ),
            None,
        )
        if match is None and update.published_at:
            match = next(
                (
                    k
                    for k in by_instant.get(_instant(update.published_at), [])
                    if k in free and similar_bodies(free[k].body_start, update.body_text)
                ),
                None,
            )
        if match is None and update.published_at:
            moving.append(i)
        if match is not None:
            del free[match]
            result[i] = match
    if seen is None or not moving:
        return result
    _rekey(result, keys, free, _moved(moving, updates, free, seen))
    left = [i for i in moving if result[i] == keys[i]]
    _rekey(result, keys, free, _day_moved(left, updates, free, result, times or {}))
    left = [i for i in left if result[i] == keys[i]]
    _rekey(result, keys, free, _edited(left, updates, free, stored, result, seen))
    return result


def reused_ids(
    keys: Sequence[str],
    updates: Sequence[Update],
    stored: Mapping[str, StoredIdentity],
    seen: str | None = None,
) -> set[str]:
    """Stored posts whose publisher id the pass shows on another post (a CMS that recycles
    the ids of deleted posts): under another headline (a headline-less one: other opening
    words), its words unlike (REUSED_LIKENESS), and either at a time neither reading allows
    by more than REUSED_GAP, or with the stored post's headline and words shown under an
    id the archive does not hold. A reading of the key that could be the post, one pinned
    copy of two, keeps it. Only readings under a new name are compared, so a pass costs a
    look-up per post."""
    moment = parse_utc(seen)
    at = moment.timestamp() if moment is not None else None
    other: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        s = stored.get(key) if key.startswith("id:") else None
        if s is not None and _name(updates[i]) != _stored_name(s):
            other.setdefault(key, []).append(i)
    if not other:
        return set()
    shown = Counter(keys)
    elsewhere = {
        (_name(u), _words(u.body_text))
        for key, u in zip(keys, updates, strict=True)
        if key.startswith("id:") and key not in stored
    }
    found: set[str] = set()
    for key, readings in other.items():
        if shown[key] != len(readings):
            continue  # (another reading of the key keeps the post's name)
        s = stored[key]
        words = _words(s.body_start)
        moved = (_stored_name(s), words) in elsewhere
        if all(_another_post(s, words, updates[i], at, moved) for i in readings):
            found.add(key)
    return found


# How alike, at most, the openings of a post and of another put up under its id are, and
# how far apart, at least, beyond what their readings allow, their times lie.
REUSED_LIKENESS = 0.3
REUSED_GAP = 3600
# Between a reused id's key and the row's id, the key a post gives up its id for (reused_ids).
REUSED_MARK = "#reused-"


def returned_ids(
    keys: Sequence[str], updates: Sequence[Update], stored: Mapping[str, StoredIdentity]
) -> list[str]:
    """Readings under an id a stored post gave up (reused_ids) that show that post again,
    its name and its words (a cache's copy from before the id was given again, a site that
    puts the post back): the key of that post's row, the latest of them, where the post that
    now holds the id is not the one shown. Only ids given up are looked at."""
    gave: dict[str, list[str]] = {}
    for k in stored:
        if REUSED_MARK in k:
            gave.setdefault(k.partition(REUSED_MARK)[0], []).append(k)
    if not gave:
        return list(keys)
    result = list(keys)
    for i, key in enumerate(keys):
        if key not in gave:
            continue
        name = _name(updates[i])
        holder = stored.get(key)
        if holder is not None and _stored_name(holder) == name:
            continue
        words = _words(updates[i].body_text)
        for k in sorted(gave[key], key=lambda k: int(k.partition(REUSED_MARK)[2]), reverse=True):
            if _stored_name(stored[k]) == name and not _unlike(_words(stored[k].body_start), words):
                result[i] = k
                break
    return result


def _unlike(words: str, new: str) -> bool:
    """Two openings fewer than REUSED_LIKENESS alike, word by word (one empty: not the same)."""
    if words and new:
        # (word by word: two unrelated sentences share a third of their letters)
        matcher = SequenceMatcher(None, words.split(), new.split(), autojunk=False)
        return matcher.quick_ratio() < REUSED_LIKENESS or matcher.ratio() < REUSED_LIKENESS
    return words != new


def _name(update: Update) -> str:
    """A reading's name as renames match it: its headline, else its opening words."""
    if normalise_headline(update.headline):
        return headline_hash(update.headline, None, None)
    return _body_start(update.body_text)


def _stored_name(s: StoredIdentity) -> str:
    return _body_start(s.body_start) if s.headless else s.headline_hash


def _another_post(
    s: StoredIdentity, words: str, update: Update, at: float | None, moved: bool
) -> bool:
    """Whether a reading under a stored post's id is another post (reused_ids): its opening
    words, word by word, unlike the post's, and its time far from it, or the post shown
    under another id."""
    if not _unlike(words, _words(update.body_text)):
        return False
    if moved:
        return True
    held = _allowed(s.published_at, s.published_from, at)
    span = _allowed(update.published_at, update.published_from, at)
    if held is None or span is None:
        return False
    return held[0] > span[1] + REUSED_GAP or span[0] > held[1] + REUSED_GAP


def match_renamed_ids(
    keys: Sequence[str],
    updates: Sequence[Update],
    stored: Mapping[str, StoredIdentity],
    seen: str | None = None,
) -> list[str]:
    """Re-key posts whose publisher id changed while the post did not (a site's redesign):
    an unknown id's reading is the stored post of another id that this pass does not show,
    under the same headline (a headline-less one: of the same opening words), at a time both
    readings allow (_stretch, a minute's leeway) and alike in body, its numbers kept; the
    same words first, then the likest of the nearest in time (RENAME_LOOKS), each stored
    post taken once. Stored posts are looked up by name and words, then by time within their
    name (bisect), so a redesign of thousands of posts under one headline costs no pair of
    them each."""
    present = set(keys)
    moment = parse_utc(seen)
    at = moment.timestamp() if moment is not None else None
    leeway = MINUTE if at is not None else 0
    # Each free stored post's name, the instants its time allows (None: untimed) and words.
    held: dict[str, tuple[str, tuple[float, float] | None, str]] = {}
    for k, s in stored.items():
        if k.startswith("id:") and k not in present:
            name = _body_start(s.body_start) if s.headless else s.headline_hash
            held[k] = (name, _allowed(s.published_at, s.published_from, at), _words(s.body_start))
    result = list(keys)
    if not held:
        return result
    by_words: dict[tuple[str, str], list[str]] = {}
    # (each name's timed posts by the middle of their stretch; untimed ones as stored)
    by_time: dict[str, list[tuple[float, str]]] = {}
    untimed: dict[str, list[str]] = {}
    for k, (name, span, words) in held.items():
        by_words.setdefault((name, words), []).append(k)
        if span is None:
            untimed.setdefault(name, []).append(k)
        else:
            by_time.setdefault(name, []).append(((span[0] + span[1]) / 2, k))
    for spans in by_time.values():
        spans.sort()

    def agree(span: tuple[float, float] | None, k: str) -> float | None:
        """How far apart in time a reading and a stored post are, None where no instant
        both allow."""
        other = held[k][1]
        if span is None or other is None:
            return 0.0 if span is None and other is None else None
        if other[0] > span[1] + leeway or span[0] > other[1] + leeway:
            return None
        return abs(sum(other) - sum(span))

    # Each unknown id once (a pinned copy reads it twice): its first reading.
    readings: dict[str, tuple[int, str, tuple[float, float] | None, str]] = {}
    for i, (key, update) in enumerate(zip(keys, updates, strict=True)):
        if not key.startswith("id:") or key in stored or key in readings:
            continue
        if normalise_headline(update.headline):
            name = headline_hash(update.headline, None, None)
        else:
            name = _body_start(update.body_text)
        span = _allowed(update.published_at, update.published_from, at)
        readings[key] = (i, name, span, _words(update.body_text))
    same: list[tuple[float, int, str]] = []
    for i, name, span, words in readings.values():
        for k in by_words.get((name, words), []):
            gap = agree(span, k)
            if gap is not None:
                same.append((gap, i, k))
    paired = dict(_each_once((i, k) for _, i, k in sorted(same)))
    taken = set(paired.values())
    alike: list[tuple[float, float, int, str]] = []
    for i, name, span, words in readings.values():
        if i in paired or not words:
            continue
        if span is None:
            nearby = untimed.get(name, [])[:RENAME_LOOKS]
        else:
            nearby = _nearest(by_time.get(name, []), (span[0] + span[1]) / 2)
        for k in nearby:
            gap = agree(span, k)
            if k in taken or gap is None or not held[k][2]:
                continue
            matcher = SequenceMatcher(None, held[k][2], words, autojunk=False)
            if matcher.real_quick_ratio() < SIMILAR_BODY or matcher.quick_ratio() < SIMILAR_BODY:
                continue
            ratio = matcher.ratio()
            if ratio >= SIMILAR_BODY and _same_figures(held[k][2], words):
                alike.append((-ratio, gap, i, k))
    paired.update(_each_once((i, k) for _, _, i, k in sorted(alike) if k not in taken))
    paired.update(_retitled(readings, held, set(paired), set(paired.values()), agree))
    index = {i: key for key, (i, *_) in readings.items()}
    found = {index[i]: k for i, k in paired.items()}
    return [found.get(key, result[j]) for j, key in enumerate(result)]


def match_turned_ids(
    keys: Sequence[str],
    updates: Sequence[Update],
    stored: Mapping[str, StoredIdentity],
    seen: str | None = None,
) -> list[str]:
    """Re-key posts whose reading gained or lost its publisher id while the post did not (ids
    an extractor took for places from the top in one pass and not in another, the young
    stream showing no order yet): a reading under an unknown id is the standing id-less post
    the pass does not show of its headline (a headline-less one: its time and opening words)
    and time, and a reading without an id is the standing post under an id the pass does not
    show of those; only where one reading and one stored post share them. A headline-less
    reading whose time moved from its post's (how long ago, read again) is the post of its
    opening words whose time allows it, as match_corrections finds it (_turned_moved, `seen`
    the pass's end). `stored`: the standing posts, id or not."""
    present = set(keys)
    free: dict[tuple[bool, str], list[str]] = {}
    for k, s in stored.items():
        if k not in present:
            free.setdefault((k.startswith("id:"), s.headline_hash), []).append(k)
    result = list(keys)
    if not free:
        return result
    wanted: dict[tuple[bool, str], dict[str, list[int]]] = {}
    for i, (key, update) in enumerate(zip(keys, updates, strict=True)):
        if key in stored or not key.startswith(("id:", "h:")):
            continue
        mark = (
            key.startswith("h:"),
            headline_hash(update.headline, update.published_at, update.body_text),
        )
        if mark in free:  # (a pinned copy reads a post twice under one key)
            wanted.setdefault(mark, {}).setdefault(key, []).append(i)
    for mark, found in wanted.items():
        for k, places in _turned_pairs(found, free[mark], updates, stored):
            then, now = stored[k].published_at, updates[places[0]].published_at
            if then and now and not same_instant(then, now):
                continue
            # (a post without a time has no time to show it: its opening words must)
            words = updates[places[0]].body_text or ""
            if not (then and now) and not similar_bodies(stored[k].body_start, words):
                continue
            for i in places:
                result[i] = k
    if seen is not None:
        _turned_moved(result, keys, updates, stored, seen)
    return result


def _turned_moved(
    result: list[str],
    keys: Sequence[str],
    updates: Sequence[Update],
    stored: Mapping[str, StoredIdentity],
    seen: str,
) -> None:
    """Give each headline-less reading left under an unknown key the stored headline-less
    post of the other side (one under an id for a reading without one, and the reverse) that
    no reading took, of its opening words, where the times the two readings allow overlap
    (_moved: how long ago read again may fall on another minute), else the one its words
    plainly edit there (_edited), as match_corrections pairs id-less posts."""
    moving: dict[bool, list[int]] = {}  # readings without an id, and under one
    read: set[str] = set()
    for i, (key, update) in enumerate(zip(keys, updates, strict=True)):
        if result[i] != key or key in stored or key in read or not key.startswith(("id:", "h:")):
            continue
        read.add(key)  # (a post read twice is matched once)
        if update.published_at and not normalise_headline(update.headline):
            moving.setdefault(key.startswith("h:"), []).append(i)
    if not moving:
        return
    taken = set(result)
    for without_id, readings in moving.items():
        free = {
            k: s
            for k, s in stored.items()
            if s.headless and k.startswith("id:") == without_id and k not in taken
        }
        if not free:
            continue
        _rekey(result, keys, free, _moved(readings, updates, free, seen))
        left = [i for i in readings if result[i] == keys[i]]
        _rekey(result, keys, free, _edited(left, updates, free, stored, result, seen))


def _turned_pairs(
    found: Mapping[str, list[int]],
    free: Sequence[str],
    updates: Sequence[Update],
    stored: Mapping[str, StoredIdentity],
) -> list[tuple[str, list[int]]]:
    """The stored post each reading of one headline is, taken at its time (two "Goal!" posts
    of other minutes are two): the one post and the one reading, else, among twins (two
    goals under "Goal!" in one minute), the one of its own opening words, and the one left
    to the one reading left; and where one side shows no time, the one left of the headline."""
    if len(found) == 1 and len(free) == 1:
        return [(free[0], next(iter(found.values())))]
    at: dict[object, tuple[list[list[int]], list[str]]] = {}
    for places in found.values():
        t = updates[places[0]].published_at
        at.setdefault(_instant(t) if t else None, ([], []))[0].append(places)
    for k in free:
        t = stored[k].published_at
        at.setdefault(_instant(t) if t else None, ([], []))[1].append(k)
    pairs = [
        pair for shown, held in at.values() for pair in _twin_pairs(shown, held, updates, stored)
    ]
    taken = {k for k, _ in pairs}
    paired = {id(places) for _, places in pairs}
    left = [k for k in free if k not in taken]
    rest = [places for places in found.values() if id(places) not in paired]
    untimed = len(left) == 1 and len(rest) == 1
    if untimed and not (stored[left[0]].published_at and updates[rest[0][0]].published_at):
        pairs.append((left[0], rest[0]))
    return pairs


def _twin_pairs(
    found: Sequence[list[int]],
    free: Sequence[str],
    updates: Sequence[Update],
    stored: Mapping[str, StoredIdentity],
) -> list[tuple[str, list[int]]]:
    """Readings and stored posts of one headline and time paired: each the one of its own
    opening words no other of them has, and the one reading left the one stored post left
    whose words are alike (a twin edited meanwhile; one taken down and another put up are
    two)."""
    if len(found) == 1 and len(free) == 1:
        return [(free[0], found[0])]
    readings: dict[str, list[list[int]]] = {}
    for places in found:
        readings.setdefault(_body_start(updates[places[0]].body_text), []).append(places)
    held: dict[str, list[str]] = {}
    for k in free:
        held.setdefault(_body_start(stored[k].body_start), []).append(k)
    pairs = [
        (held[opening][0], shown[0])
        for opening, shown in readings.items()
        if len(shown) == 1 and len(held.get(opening, [])) == 1
    ]
    taken = {k for k, _ in pairs}
    paired = {id(places) for _, places in pairs}
    left = [k for k in free if k not in taken]
    rest = [places for places in found if id(places) not in paired]
    if len(rest) == 1:  # (its twin may stand on a page the pass did not read)
        words = updates[rest[0][0]].body_text or ""
        alike = [k for k in left if similar_bodies(stored[k].body_start, words)]
        if len(alike) == 1:
            pairs.append((alike[0], rest[0]))
    return pairs


def _retitled(
    readings: Mapping[str, tuple[int, str, tuple[float, float] | None, str]],
    held: Mapping[str, tuple[str, tuple[float, float] | None, str]],
    paired: set[int],
    taken: set[str],
    agree: Callable[[tuple[float, float] | None, str], float | None],
) -> Iterator[tuple[int, str]]:
    """Readings renamed and retitled at once (a redesign that rewrites headlines too): the
    one free stored post whose opening words (RETITLED_WORDS or more) are the reading's, at a
    time both allow, where no other reading of the pass shows those words; only in a pass
    that renamed other posts under their own headlines (`paired`), a redesign's."""
    if not paired:
        return
    by_words: dict[str, list[str]] = {}
    for k, (_, span, words) in held.items():
        if k not in taken and span is not None and len(words.split()) >= RETITLED_WORDS:
            by_words.setdefault(words, []).append(k)
    if not by_words:
        return
    shown: dict[str, list[tuple[int, tuple[float, float] | None]]] = {}
    for i, _, span, words in readings.values():
        if words in by_words:
            shown.setdefault(words, []).append((i, span))
    for words, found in shown.items():
        if len(found) == 1 and len(by_words[words]) == 1:
            (i, span), k = found[0], by_words[words][0]
            if i not in paired and agree(span, k) is not None:
                yield i, k


# How many words a renamed and retitled post's opening must keep to be known by them alone.
RETITLED_WORDS = 6


# How many stored posts of its name, the nearest in time first, a renamed post whose words
# changed is compared with: a redesign keeps each post's time, so its own is among them.
RENAME_LOOKS = 16


def _nearest(spans: Sequence[tuple[float, str]], middle: float) -> list[str]:
    """The RENAME_LOOKS stored posts whose stretches' middles lie nearest a moment."""
    right = bisect_left(spans, (middle,))
    left = right - 1
    found: list[str] = []
    while len(found) < RENAME_LOOKS and (left >= 0 or right < len(spans)):
        if right >= len(spans) or (
            left >= 0 and middle - spans[left][0] <= spans[right][0] - middle
        ):
            found.append(spans[left][1])
            left -= 1
        else:
            found.append(spans[right][1])
            right += 1
    return found


def _same_figures(a: str, b: str) -> bool:
    """Whether two openings hold the same numbers in the same order, but for numbers added
    or cut: a price, a toll or a score changed under a new id is another post."""
    n = min(len(a), len(b))
    x, y = _figures(a, n), _figures(b, n)
    return _subsequence(x, y) or _subsequence(y, x)


def _words(text: str | None) -> str:
    """The opening words two readings of a post compare (similar_bodies)."""
    return normalise_headline(text)[:BODY_COMPARE_CHARS]


def _allowed(
    published: str | None, published_from: str | None, seen: float | None
) -> tuple[float, float] | None:
    """The instants a reading of a publish time allows (_stretch), its instant alone where
    the pass's time is unknown; None for no time."""
    moment = parse_utc(published)
    if moment is None:
        return None
    if seen is None:
        return moment.timestamp(), moment.timestamp()
    return _stretch(moment.timestamp(), published_from, seen)


def _instant(t: str) -> object:
    """What same_instant compares of a time: its moment, or its text where it reads none."""
    moment = parse_utc(t)
    return t if moment is None else moment


def _rekey(
    result: list[str],
    keys: Sequence[str],
    free: dict[str, StoredIdentity],
    pairs: Iterable[tuple[int, str]],
) -> None:
    """Give each paired reading, and every other reading of its key (the post in structured
    data too, a pinned copy), its stored post's key; that post is no longer free."""
    paired = list(pairs)
    if not paired:
        return
    readings: dict[str, list[int]] = {}
    for j, key in enumerate(keys):
        readings.setdefault(key, []).append(j)
    for i, k in paired:
        for j in readings[keys[i]]:
            result[j] = k
        del free[k]


def _moved(
    moving: Sequence[int],
    updates: Sequence[Update],
    free: Mapping[str, StoredIdentity],
    seen: str,
) -> Iterator[tuple[int, str]]:
    """The headline-less readings whose time moved from a stored post's, paired with it: the
    same opening words, and the stretches of time the two readings allow overlap (_stretch).
    Posts of the same words pair in the order of their times, as the page shows them, and
    twins read alike from the lowest on the page up, as separate_twins numbers them."""
    now = parse_utc(seen)
    if now is None:
        return
    openings: dict[str, list[int]] = {}
    for i in moving:
        openings.setdefault(_body_start(updates[i].body_text), []).append(i)
    stored: dict[str, list[tuple[tuple[float, float], int, str]]] = {}
    for k, s in free.items():
        moment = parse_utc(s.published_at)
        if s.headless and moment is not None:
            span = _stretch(moment.timestamp(), s.published_from, now.timestamp())
            stored.setdefault(_body_start(s.body_start), []).append((span, _ordinal(k), k))
    for opening, readings in openings.items():
        held = sorted(stored.get(opening, []))
        if not held:
            continue
        spans = []
        for i in readings:
            moment = parse_utc(updates[i].published_at)
            if moment is not None:
                from_ = updates[i].published_from
                spans.append((_stretch(moment.timestamp(), from_, now.timestamp()), -i))
        at = 0
        for (low, high), lower in sorted(spans):
            while at < len(held) and held[at][0][1] + MINUTE < low:
                at += 1  # (older than this reading allows, and than every later one)
            if at < len(held) and held[at][0][0] <= high + MINUTE:
                yield -lower, held[at][2]
                at += 1


def _whole_days(before: str | None, after: str | None) -> int:
    """How many whole days (to the minute) one reading of a clock lies from another; 0 for
    none, or for a move no day explains."""
    a, b = parse_utc(before), parse_utc(after)
    if a is None or b is None:
        return 0
    gap = b.timestamp() - a.timestamp()
    days = round(gap / DAY)
    return days if abs(gap - days * DAY) <= MINUTE else 0


def _day_moved(
    moving: Sequence[int],
    updates: Sequence[Update],
    free: Mapping[str, StoredIdentity],
    keys: Sequence[str],
    times: Mapping[str, tuple[str | None, str | None]],
) -> Iterator[tuple[int, str]]:
    """A reading of a clock alone that the page put on another day than the stored
    headline-less post of its words and clock is that post where the page's day moved, not
    the post: another post of the page, known by its id or headline, moved as many days on
    its clock, or another such reading did, where the page's known posts (their held times)
    have the stored post between them and, for a later day, contradict the reading. One
    alone on another day is another day's post ("Good morning" each morning), and so are
    posts put up again each morning ("Good morning", "What you need to know"): later, and
    where their readings fit the page's order."""
    clocks = (TIME_CLOCK, TIME_UNKNOWN)
    shown: set[int] = set()  # the whole days known posts' clocks moved
    for key, update in zip(keys, updates, strict=True):
        held = times.get(key)
        if held is not None and update.published_from == TIME_CLOCK and held[1] in clocks:
            shown.add(_whole_days(held[0], update.published_at))
    newest_first = _newest_first(updates)
    candidates: dict[int, list[tuple[int, str]]] = {}
    for i in moving:
        update = updates[i]
        if update.published_from != TIME_CLOCK:
            continue
        opening = _body_start(update.body_text)
        newer, older = _around(
            i, updates, keys, lambda j: (times.get(keys[j]) or (None,))[0], newest_first
        )
        for k, s in sorted(free.items()):
            days = _whole_days(s.published_at, update.published_at)
            if (
                days
                and s.headless
                and s.published_from in clocks
                and _body_start(s.body_start) == opening
            ):
                if days not in shown and not (
                    _between(s.published_at, newer, older)
                    and (days < 0 or not _between(update.published_at, newer, older))
                ):
                    continue  # (the page's order shows no day moved, or a later post)
                candidates.setdefault(days, []).append((i, k))
    yield from _each_once(
        pair
        for days, pairs in sorted(candidates.items())
        if days in shown or min(len({i for i, _ in pairs}), len({k for _, k in pairs})) >= 2
        for pair in pairs
    )


def _each_once(pairs: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The pairs, best first, whose reading and stored post no pair before took."""
    paired: set[int | str] = set()
    for i, k in pairs:
        if i not in paired and k not in paired:
            paired.update((i, k))
            yield i, k


def _around(
    i: int,
    updates: Sequence[Update],
    keys: Sequence[str],
    value: Callable[[int], T | None],
    newest_first: bool,
) -> tuple[T | None, T | None]:
    """What `value` says of the readings of other posts nearest reading i on its page, newer
    and older: the nearest unpinned ones either side that it says something of (the held
    time of a stored post, where it stood when last read; a reading's stretch of time)."""

    def nearest(indexes: Iterable[int]) -> T | None:
        for j in indexes:
            if not updates[j].pinned and keys[j] != keys[i] and (found := value(j)):
                return found
        return None

    before, after = nearest(range(i - 1, -1, -1)), nearest(range(i + 1, len(updates)))
    return (before, after) if newest_first else (after, before)


def _between(t: str | None, newer: str | None, older: str | None) -> bool:
    """Whether a time fits between the times of the posts above and below it (a minute's
    leeway, as a clock's)."""
    moment = parse_utc(t)
    if moment is None:
        return False
    top, bottom = parse_utc(newer), parse_utc(older)
    return (top is None or moment.timestamp() <= top.timestamp() + MINUTE) and (
        bottom is None or bottom.timestamp() <= moment.timestamp() + MINUTE
    )


def _figures(text: str, length: int) -> list[str]:
    """The numbers the first `length` characters of a text hold, none cut in two."""
    head = text[:length]
    if length < len(text) and text[length].isdigit():
        head = head.rstrip("0123456789")
    return re.findall(r"\d+", head)


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    rest = iter(long)
    return all(item in rest for item in short)


# What ends a sentence, so that words after it are a sentence added, not the same one run on.
_SENTENCE_ENDS = (".", "!", "?", "…")


def _ends_sentence(text: str) -> bool:
    """Whether words end a sentence (a quote or bracket closed after its stop)."""
    return text.rstrip("\"')]").endswith(_SENTENCE_ENDS)


def _edit_likeness(old: str | None, new: str | None) -> float:
    """How plainly new words are an edit of old ones, 0 when they are not: openings alike
    (similar_bodies) or one opening the other at a sentence's end (a sentence added or cut)
    or, ending a sentence, alike its opening (a sentence added or cut beside a typo fixed) or
    its end (at the top),
    the numbers the same in the same order, but for those of a sentence added or cut (a score,
    a toll or a time changed is news, not a typo fixed), and no word made another (a name
    changed: "a yellow card for Smith", then for Jones, is another card) but for a typo's."""
    a = normalise_headline(old)[:BODY_COMPARE_CHARS]
    b = normalise_headline(new)[:BODY_COMPARE_CHARS]
    if not a or not b:
        return 0.0
    short, long = sorted((a, b), key=len)
    # A sentence added or cut at the end: the shorter ends one, or the longer one there.
    ends = _ends_sentence(short) or long[len(short) :].startswith(_SENTENCE_ENDS)
    opens = long.startswith(short) and not long[len(short) : len(short) + 1].isalnum() and ends
    ratio = _ratio_at_least(a, b, 0.0 if opens else SIMILAR_BODY)
    top_added = False
    if ratio < SIMILAR_BODY and not opens:
        # A sentence added or cut beside a typo fixed: the shorter, ending a sentence, alike
        # the longer's opening, or, where neither is cut, its end (a sentence added or cut at
        # the top).
        n = len(short)
        ratio = _ratio_at_least(short, long[:n], SIMILAR_BODY)
        if not _ends_sentence(short):
            ratio = 0.0
        if ratio < SIMILAR_BODY and len(long) < BODY_COMPARE_CHARS:
            ratio = _ratio_at_least(short, long[-n:], SIMILAR_BODY)
            # (the words above the shorter's a sentence of their own, not theirs quoted)
            words = long.split()
            top = len(words) - len(short.split())
            if top < 1 or not _ends_sentence(words[top - 1]):
                ratio = 0.0
            top_added = True
        if ratio < SIMILAR_BODY:
            return 0.0
    # The numbers of as many characters as the shorter holds (but where its words end the
    # longer's), and of the whole words where neither is cut ("scores. 2-1." made "scores
    # again. 2-2." is another goal).
    lengths = {len(long)} if top_added else {len(short)}
    if len(long) < BODY_COMPARE_CHARS:
        lengths.add(len(long))
    for n in lengths:
        x, y = _figures(a, n), _figures(b, n)
        if not (_subsequence(x, y) or _subsequence(y, x)):
            return 0.0
    if not opens and not _words_kept(a, b):
        return 0.0
    return ratio


# How alike a word and the word that replaced it must be for a typo fixed ("expeted").
TYPO_LIKENESS = 0.6


def _words_kept(a: str, b: str) -> bool:
    """Whether the words of one text are those of the other, but for words added or cut and
    typos fixed: every word replaced reads like the one it replaced. A text cut at
    BODY_COMPARE_CHARS may end mid-word: its last word is not compared."""
    old, new = a.split(), b.split()
    if len(a) >= BODY_COMPARE_CHARS:
        old = old[:-1]
    if len(b) >= BODY_COMPARE_CHARS:
        new = new[:-1]
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        gone, put = " ".join(old[i1:i2]), " ".join(new[j1:j2])
        if _ratio_at_least(gone, put, TYPO_LIKENESS) < TYPO_LIKENESS:
            return False
    return True


def _newest_first(updates: Sequence[Update]) -> bool:
    """Whether the pass lists its posts newest first, as most blogs do, by its times' order."""
    moments = [parse_utc(u.published_at) for u in updates if not u.pinned]
    steps = [(a, b) for a, b in itertools.pairwise(m for m in moments if m is not None)]
    return sum(a < b for a, b in steps) <= sum(a > b for a, b in steps)


def _edited(
    moving: Sequence[int],
    updates: Sequence[Update],
    free: Mapping[str, StoredIdentity],
    stored: Mapping[str, StoredIdentity],
    keys: Sequence[str],
    seen: str,
) -> Iterator[tuple[int, str]]:
    """Readings whose words were edited (or given a headline) paired with the headline-less
    post they edit: words plainly an edit of its words (_edit_likeness), which no reading of
    the pass still shows, in a stretch of time both readings allow (_stretch) and between the
    posts the reading stands between on its page; the likest first. Words a stored post
    holds are that post's, or a new one's."""
    now = parse_utc(seen)
    if now is None:
        return
    at = now.timestamp()

    def stretch(published: str | None, source: str | None) -> tuple[float, float] | None:
        moment = parse_utc(published)
        return None if moment is None else _stretch(moment.timestamp(), source, at)

    spans = [stretch(u.published_at, u.published_from) for u in updates]
    shown = {_body_start(u.body_text) for u in updates}
    known = {_body_start(s.body_start) for s in stored.values() if s.headless}
    newest_first = _newest_first(updates)
    # The free posts that may be edited, by the width of the stretch their time allows (a
    # few units: a minute, an hour, a day), each sorted by its start: a reading looks only at
    # those whose stretch may meet its own, not at every free post.
    widths: dict[float, list[tuple[float, float, str]]] = {}
    for k, s in free.items():
        held = stretch(s.published_at, s.published_from)
        if s.headless and held is not None and _body_start(s.body_start) not in shown:
            widths.setdefault(held[1] - held[0], []).append((held[0], held[1], k))
    for held_by_start in widths.values():
        held_by_start.sort()
    found: list[tuple[float, float, int, str]] = []
    for i in moving:
        span = spans[i]
        if span is None or _body_start(updates[i].body_text) in known:
            continue
        newer, older = _around(i, updates, keys, lambda j: spans[j], newest_first)
        for width, held_by_start in widths.items():
            low = bisect_left(held_by_start, (span[0] - MINUTE - width - 1,))
            high = bisect_right(held_by_start, (span[1] + MINUTE, math.inf))
            for start, end, k in held_by_start[low:high]:
                held = (start, end)
                s = free[k]
                if held[1] + MINUTE < span[0] or span[1] + MINUTE < held[0]:
                    continue  # (no instant both readings allow)
                if newer is not None and held[0] > newer[1] + MINUTE:
                    continue  # (newer than the post now above it)
                if older is not None and held[1] + MINUTE < older[0]:
                    continue
                likeness = (
                    _edit_likeness(s.body_start, updates[i].body_text)
                    or _number_changed(s.body_start, updates[i].body_text, held, span)
                    or _changed_unseen(s, updates[i].body_text, held, span)
                )
                if likeness:
                    gap = abs(sum(held) - sum(span))
                    found.append((-likeness, gap, i, k))
    yield from _each_once((i, k) for _, _, i, k in sorted(found))


def _number_changed(
    old: str, new: str, held: tuple[float, float], span: tuple[float, float]
) -> float:
    """How alike words are whose numbers alone changed ("1-0" made "2-0"), 0 where they are
    not or where the two readings do not keep the post's minute: each good to a minute, and
    sharing some of it (a post read "5 minutes ago", then "15 minutes ago" ten minutes on). A
    score corrected in place is a version; a goal a minute later is another post."""
    if max(held[1] - held[0], span[1] - span[0]) > MINUTE:
        return 0.0
    if max(held[0], span[0]) >= min(held[1], span[1]):
        return 0.0
    a = normalise_headline(old)[:BODY_COMPARE_CHARS]
    b = normalise_headline(new)[:BODY_COMPARE_CHARS]
    if a == b or _NUMBER.sub("0", a) != _NUMBER.sub("0", b):
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


_NUMBER = re.compile(r"\d+")


def _changed_unseen(
    s: StoredIdentity, new: str | None, held: tuple[float, float], span: tuple[float, float]
) -> float:
    """How alike words are whose name or number changed ("Smith" made "Jones", "1-0" made
    "2-0"), four in five of their opening characters alike, 0 where the reading does not say
    it went up before the last pass that showed the stored post (its time, "1 hour ago", no
    later than that pass), in a time both allow: a post the last pass would have shown, and
    did not, is no post put up since but that post edited, however coarse its time."""
    last = parse_utc(s.seen_at)
    if last is None or span[1] > last.timestamp():
        return 0.0
    if max(held[0], span[0]) >= min(held[1], span[1]):
        return 0.0
    a = normalise_headline(s.body_start)[:BODY_COMPARE_CHARS]
    b = normalise_headline(new)[:BODY_COMPARE_CHARS]
    if not a or not b or a == b:
        return 0.0
    ratio = _ratio_at_least(a, b, SIMILAR_BODY)
    return ratio if ratio >= SIMILAR_BODY else 0.0


def _stretch(published: float, published_from: str | None, seen: float) -> tuple[float, float]:
    """The instants a reading of a publish time allows: "5 minutes ago" was the fetch less
    five minutes or up to a minute before; a clock, its minute; a time an older archive held
    without its source, its unit either side; an instant stated, itself."""
    if published_from == TIME_CLOCK:
        return published, published + MINUTE
    if published_from not in (TIME_AGO, TIME_UNKNOWN):
        return published, published
    age = seen - published
    unit = next((unit for below, unit in _AGO_UNITS if age < below), 365 * DAY)
    return published - unit, published + (unit if published_from == TIME_UNKNOWN else 0)


def _same_update(stored: StoredIdentity, update: Update) -> bool:
    """Under one headline, the same update: at the same time (or one unknown), or alike in body.

    A relative time ("2 hours ago") read on two passes can land on two instants; the body
    still says it is one update.
    """
    a, b = stored.published_at, update.published_at
    if not a or not b or same_instant(a, b):
        return True
    return similar_bodies(stored.body_start, update.body_text)
