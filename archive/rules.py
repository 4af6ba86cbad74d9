"""Identity and versioning rules: pure functions, so dedup is tested without a database."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from archive.records import Update
from archive.times import is_newer, same_instant

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


def similar_bodies(a: str, b: str) -> bool:
    """Openings alike enough that a changed headline is a correction, not another update."""
    na = normalise_headline(a)[:BODY_COMPARE_CHARS]
    nb = normalise_headline(b)[:BODY_COMPARE_CHARS]
    if not na or not nb:
        return na == nb
    return na == nb or SequenceMatcher(None, na, nb, autojunk=False).ratio() >= SIMILAR_BODY


def match_corrections(
    keys: Sequence[str], updates: Sequence[Update], stored: Mapping[str, StoredIdentity]
) -> list[str]:
    """Re-key id-less updates whose headline was corrected onto the update they already are.

    Without a publisher id the headline hash is the identity, so a corrected headline
    would read as a removal plus a new update. An unknown headline-hash key is mapped to
    a stored id-less update that this pass does not otherwise show, when it has the same
    publish time and a similar body (or the stored row already carries this hash from an
    earlier correction).
    """
    present = set(keys)
    free = {k: s for k, s in stored.items() if k.startswith("h:") and k not in present}
    by_hash = {s.headline_hash: k for k, s in free.items()}
    result = list(keys)
    for i, (key, update) in enumerate(zip(keys, updates, strict=True)):
        if not key.startswith("h:") or key in stored:
            continue
        current = key[2:].split("@", 1)[0]
        match = by_hash.get(current)
        if match is None and update.published_at:
            match = next(
                (
                    k
                    for k, s in free.items()
                    if s.published_at
                    and same_instant(s.published_at, update.published_at)
                    and similar_bodies(s.body_start, update.body_text)
                ),
                None,
            )
        if match is not None and match in free:
            del free[match]
            result[i] = match
    return result
