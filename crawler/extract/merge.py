"""Readings of the same update from several sources, merged into one record per update.

A structured reading (JSON-LD, microdata) and an HTML entry are paired as a reader would pair
them. First by the publisher's id: a structured update whose URL ends in #X and an HTML entry
with id X are one update (`post-12` and `#12`, `post-1288914` and `#liveblogPost1288914`
too). Then, for what is left, by likeness: the same start of the body, the same headline, the
same time (within a minute, or whole hours apart: a zone mislabelled). A different headline
or a different body start says two posts; a pairing two candidates could claim is not made.

The HTML entry knows the body, its markup, its media and the time the page shows; structured
data adds the seconds of that time and what the HTML lacks. Where the two times disagree,
instant.merged decides. Every step is a dict lookup per reading: no reading is compared with
all the others.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from archive.records import FIDELITY_HTML, TIME_AGO, TIME_CLOCK, Update
from crawler.extract import instant
from crawler.extract.completeness import says_read_more
from crawler.extract.structured import StructuredUpdate


def merge(
    html_updates: list[Update],
    structured: Iterable[list[StructuredUpdate]],
    base_url: str,
    fetched_at: str | None = None,
    rough: AbstractSet[int] = frozenset(),
    edited: AbstractSet[int] = frozenset(),
) -> list[Update]:
    """Page order for HTML entries, then updates only structured data has, in its order.

    `rough`: the id() of each HTML entry whose time is a relative one shown ("2h ago");
    `edited`: of each whose time is its last edit's, the only one it shows ("Updated 14:40")."""
    for update in html_updates:
        if id(update) in rough and update.published_at is not None:
            update.published_from = TIME_AGO
    readings = combine_structured(structured)
    entries = dedupe_html(html_updates)
    pairs = pair(entries, readings)
    merged: list[Update] = []
    for i, update in enumerate(entries):
        j = pairs.get(i)
        if j is None:
            merged.append(_checked(update, fetched_at))
        else:
            merged.append(
                enrich(
                    update,
                    readings[j],
                    base_url,
                    fetched_at,
                    id(update) in rough,
                    id(update) in edited,
                )
            )
    used = set(pairs.values())
    merged.extend(
        _checked(reading.to_update(base_url), fetched_at)
        for j, reading in enumerate(readings)
        if j not in used
    )
    return merged


# Ids ------------------------------------------------------------------------------------------

# "block-6030…" in the HTML is "6030…" in the Guardian's JSON-LD; "post-12" and "#12" too.
_ID_PREFIX = re.compile(r"^(?:block|post|update|entry|item|event|lb|p)[-_](?=.*\d)", re.I)
# The post number at the end of an id, however the markup spells the rest.
_NUMBER = re.compile(r"(?<!\d)(\d{4,})$")


def id_key(source_id: str) -> str:
    """A publisher id without the word its markup puts before it, nor the mark of a pinned
    copy after it (the Guardian's older `block-<id>-pinned`): the spellings meet."""
    return _ID_PREFIX.sub("", _copy_of(source_id) or source_id, count=1)


_PINNED_COPY = re.compile(r"[-_]pinned$", re.I)


def _copy_of(source_id: str) -> str | None:
    """The id a pinned copy's id repeats (`block-<id>-pinned`: `block-<id>`); None for any
    other id (a look at its end before the expression)."""
    if source_id[-6:].lower() != "pinned":
        return None
    original = _PINNED_COPY.sub("", source_id, count=1)
    return original if original != source_id else None


def number_key(source_id: str) -> str | None:
    """The post number an id ends with (four digits or more): `post-12345`, `liveblogPost12345`."""
    found = _NUMBER.search(source_id)
    return found.group(1) if found else None


# Structured sources and HTML copies -----------------------------------------------------------


def combine_structured(sources: Iterable[list[StructuredUpdate]]) -> list[StructuredUpdate]:
    """JSON-LD first, then microdata; the same update from both becomes one record, and so
    does an update and its pinned copy (`block-<id>-pinned`), which flags it pinned."""
    combined: list[StructuredUpdate] = []
    by_id: dict[str, StructuredUpdate] = {}
    for updates in sources:
        for update in updates:
            if update.source_id and (original := _copy_of(update.source_id)):  # a pinned copy's
                update.source_id, update.permalink, update.pinned = original, None, True
            known = by_id.get(update.source_id) if update.source_id else None
            if known is not None:
                known.absorb(update)
                continue
            if update.source_id:
                by_id[update.source_id] = update
            combined.append(update)
    return combined


def dedupe_html(updates: list[Update]) -> list[Update]:
    """A pinned copy and the stream copy of one entry are one update, where the first stood.

    The copies meet by id; a pinned copy without one meets the single entry whose headline
    and body start are its own.
    """
    kept: list[Update] = []
    by_id: dict[str, Update] = {}
    for update in updates:
        if update.source_id:
            if original := _copy_of(update.source_id):  # the copy pinned above, by its id
                update.source_id, update.permalink, update.pinned = original, None, True
            first = by_id.get(update.source_id)
            if first is not None:
                _absorb_copy(first, update)
                continue
            by_id[update.source_id] = update
        kept.append(update)
    if any(u.pinned and not u.source_id for u in kept):
        kept = _pinned_copies_folded(kept)
    if any(u.pinned and u.source_id and number_key(u.source_id) for u in kept):
        kept = _pinned_copies_by_number(kept)
    if any(u.pinned and u.source_id for u in kept):
        kept = _pinned_copies_folded(kept, drawn=True)
    return kept


def _pinned_copies_by_number(updates: list[Update]) -> list[Update]:
    """Each pinned copy whose id spells the post's otherwise (`pinned-<id>`, `sticky_<id>`)
    folded into the one other entry whose id ends with the same post number and whose
    headline or body start is its own; the post's id stands."""
    numbers = unique_numbers((i, u.source_id) for i, u in enumerate(updates) if not u.pinned)
    gone: set[int] = set()
    for i, update in enumerate(updates):
        number = number_key(update.source_id) if update.pinned and update.source_id else None
        j = numbers.get(number) if number else None
        if j is None or j in gone:
            continue
        post = updates[j]
        if Likeness.of_entry(update).likeness(Likeness.of_entry(post)) <= 0:
            continue
        update.source_id, update.permalink = post.source_id, post.permalink
        first, second = sorted((i, j))
        _absorb_copy(updates[first], updates[second])
        gone.add(second)
    return [u for i, u in enumerate(updates) if i not in gone]


def _pinned_copies_folded(updates: list[Update], drawn: bool = False) -> list[Update]:
    """Each id-less pinned copy folded into the one other entry it repeats; with `drawn`,
    each pinned copy under an id of its own (React's `useId`, `:r4:`, drawn again at each
    render) folded into the one unpinned entry whose words and headline or time are its own
    and whose words it repeats whole (or the start of: a copy cut short), that entry's id
    standing."""
    features = [Likeness.of_entry(u) for u in updates]
    by_mark: dict[tuple[str, str], list[int]] = {}
    for i, found in enumerate(features):
        for mark in found.marks():
            by_mark.setdefault(mark, []).append(i)
    gone: set[int] = set()
    for i, update in enumerate(updates):
        if not update.pinned or bool(update.source_id) != drawn or i in gone:
            continue
        others = {j for mark in features[i].marks() for j in by_mark[mark] if j not in gone}
        if drawn:
            others = {j for j in others if not updates[j].pinned}
        least = _DRAWN_ALIKE if drawn else 1
        same = [j for j in others - {i} if features[i].likeness(features[j]) >= least]
        if drawn and len(same) == 1 and not _repeats(update, updates[same[0]]):
            continue  # (another post that opens as it does: a recurring "Here's the latest")
        if len(same) == 1:
            if drawn:
                update.source_id = updates[same[0]].source_id
                update.permalink = updates[same[0]].permalink
            first, second = sorted((i, same[0]))
            _absorb_copy(updates[first], updates[second])
            gone.add(second)
    return [u for i, u in enumerate(updates) if i not in gone]


_DRAWN_ALIKE = 6  # Likeness.likeness: the body's start and the headline or the minute shared


def _repeats(copy: Update, post: Update) -> bool:
    """Whether one reading's words, in letters and digits only, are the other's or their start."""
    a = _letters(copy.body_text, len(copy.body_text))
    b = _letters(post.body_text, len(post.body_text))
    return a.startswith(b) if len(a) > len(b) else b.startswith(a)


def _absorb_copy(first: Update, other: Update) -> None:
    """Fill one HTML copy of an update from another: flags, missing fields, a fuller body."""
    first.pinned = first.pinned or other.pinned
    first.key_event = first.key_event or other.key_event
    first.source_id = first.source_id or other.source_id
    first.headline = first.headline or other.headline
    first.published_at = first.published_at or other.published_at
    first.modified_at = first.modified_at or other.modified_at
    first.permalink = first.permalink or other.permalink
    first.authors += [a for a in other.authors if a not in first.authors]
    if len(other.body_text) > len(first.body_text):  # a pinned copy may be cut short
        first.body_text, first.body_html = other.body_text, other.body_html
        first.media = other.media or first.media
    first.sources += [s for s in other.sources if s not in first.sources]


# Pairing --------------------------------------------------------------------------------------


def pair(entries: list[Update], readings: list[StructuredUpdate]) -> dict[int, int]:
    """Which structured reading (by index) is which HTML entry's (by index); one each at most."""
    pairs = _by_id(entries, readings)
    # Ids that met at least once are one namespace: two ids that did not are two posts.
    ids_meet = bool(pairs)
    pairs.update(_by_number(entries, readings, pairs))
    used = set(pairs.values())
    loose_entries = [i for i in range(len(entries)) if i not in pairs]
    loose_readings = [j for j in range(len(readings)) if j not in used]
    if loose_entries and loose_readings:
        pairs.update(_by_likeness(entries, readings, loose_entries, loose_readings, ids_meet))
    return pairs


def _by_id(entries: list[Update], readings: list[StructuredUpdate]) -> dict[int, int]:
    """Pairs by the publisher's id, as either spells it (id_key)."""
    by_id: dict[str, int] = {}
    for j, reading in enumerate(readings):
        if reading.source_id:
            by_id.setdefault(id_key(reading.source_id), j)
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, entry in enumerate(entries):
        match = by_id.get(id_key(entry.source_id)) if entry.source_id else None
        if match is not None and match not in used:
            pairs[i] = match
            used.add(match)
    return pairs


def _by_number(
    entries: list[Update], readings: list[StructuredUpdate], pairs: dict[int, int]
) -> dict[int, int]:
    """Pairs of the still unpaired by the post number both ids end with, where one has it."""
    entry_numbers = unique_numbers(
        (i, e.source_id) for i, e in enumerate(entries) if i not in pairs
    )
    if not entry_numbers:
        return {}
    used = set(pairs.values())
    reading_numbers = unique_numbers(
        (j, r.source_id) for j, r in enumerate(readings) if j not in used
    )
    return {
        i: reading_numbers[number]
        for number, i in entry_numbers.items()
        if number in reading_numbers
    }


def unique_numbers(ids: Iterable[tuple[int, str | None]]) -> dict[str, int]:
    """Post numbers that name one record only."""
    found: dict[str, int | None] = {}
    for index, source_id in ids:
        number = number_key(source_id) if source_id else None
        if number is not None:
            found[number] = None if number in found else index
    return {number: index for number, index in found.items() if index is not None}


# Likeness -------------------------------------------------------------------------------------

# A body start is compared on this many letters and digits of a paragraph: enough to tell two
# posts apart, short enough for a teaser or a cut articleBody to still carry it.
KEY_LENGTH = 40
# A paragraph shorter than KEY_LENGTH is a key whole from this many letters and digits on:
# a short post's one sentence ("Polls have closed in the east."), which both readings hold
# whole, still pairs them.
KEY_SHORTEST = 24
# Paragraphs looked at: a byline or a caption line before the text does not hide it.
KEY_PARAGRAPHS = 3
# A key, headline or minute more readings share than this tells none of them apart.
CROWD = 16
_NOT_WORD = re.compile(r"[\W_]+")
_BLOCK_TAG = re.compile(
    r"<(?:/?(?:p|div|h[1-6]|li|blockquote|figure|ul|ol|tr)\b[^>]*|br\s*/?)>", re.I
)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Likeness:
    """What a reader compares two readings of a post by: headline, body start, time."""

    headline: str | None
    keys: frozenset[str]
    seconds: float | None
    has_id: bool
    # A reading of a headline alone: its words are the keys an untitled entry's body shares
    # (a post whose title the page shows as its bold first paragraph).
    titled_only: bool = False

    @classmethod
    def of_entry(cls, update: Update) -> Likeness:
        return cls(
            headline=fold(update.headline) if update.headline else None,
            keys=body_keys(update.body_text, update.headline),
            seconds=instant.seconds(update.published_at),
            has_id=bool(update.source_id),
        )

    @classmethod
    def of_reading(cls, reading: StructuredUpdate) -> Likeness:
        titled_only = reading.titled_only
        return cls(
            headline=fold(reading.headline) if reading.headline else None,
            keys=body_keys(reading.headline or "")
            if titled_only
            else body_keys(raw_text(reading.article_body), reading.headline),
            seconds=instant.seconds(reading.published_at),
            has_id=bool(reading.source_id),
            titled_only=titled_only,
        )

    def marks(self) -> list[tuple[str, str]]:
        """The headline and body starts, as keys another reading of the post shares."""
        found = [("body", key) for key in self.keys]
        return [*found, ("headline", self.headline)] if self.headline else found

    def likeness(self, other: Likeness) -> int:
        """0 when anything says two posts; else the weight of what the two share."""
        score = 0
        if self.headline and other.headline:
            if self.headline != other.headline:
                return 0
            score += 2
        titled = (self.titled_only and other.headline) or (other.titled_only and self.headline)
        if self.keys and other.keys and not titled:  # (a title alone meets a titled post above)
            if not self.keys & other.keys:
                return 0
            score += 4
        if self.seconds is not None and other.seconds is not None:
            gap = abs(self.seconds - other.seconds)
            if gap <= instant.MINUTE:
                score += 2
            elif score and _whole_hours(gap):
                score += 1
        return score


def _whole_hours(gap: float) -> bool:
    hours = round(gap / instant.HOUR)
    return 0 < hours <= instant.MAX_ZONE_HOURS and abs(gap - hours * instant.HOUR) <= instant.MINUTE


def body_keys(text: str, headline: str | None = None) -> frozenset[str]:
    """The starts of a body's first paragraphs in letters and digits only (case folded): two
    readings of one post share one, whatever their quotes, spacing or where one was cut."""
    keys: set[str] = set()
    lead = _letters(headline, KEY_LENGTH * 4) if headline else ""
    start = ""  # the body's start across paragraphs: one source may run them together
    for line in text.split("\n"):
        letters = _letters(line, KEY_LENGTH * 8)
        if lead and not start and letters.startswith(lead):
            # A body that starts by repeating the headline, or whose start the headline is (a
            # CMS that titles an untitled post with its first words): known by both starts.
            if len(letters) >= KEY_SHORTEST:
                keys.add(letters[:KEY_LENGTH])
            letters = letters[len(lead) :]
        if len(start) < KEY_LENGTH:
            start += letters
        if len(letters) >= KEY_SHORTEST:
            keys.add(letters[:KEY_LENGTH])
            if len(keys) == KEY_PARAGRAPHS:
                break
    if len(start) >= KEY_LENGTH:
        keys.add(start[:KEY_LENGTH])
    return frozenset(keys)


def raw_text(article_body: str) -> str:
    """articleBody as lines of text, quickly: enough to compare its start, not to store."""
    if "&lt;" in article_body and "<" not in article_body:
        article_body = html.unescape(article_body)
    if "<" in article_body:
        article_body = _TAG.sub("", _BLOCK_TAG.sub("\n", article_body))
    return html.unescape(article_body) if "&" in article_body else article_body


def _letters(text: str, limit: int) -> str:
    return _NOT_WORD.sub("", text[:limit].casefold())


def _by_likeness(
    entries: list[Update],
    readings: list[StructuredUpdate],
    loose_entries: list[int],
    loose_readings: list[int],
    ids_meet: bool,
) -> dict[int, int]:
    """Pairs by headline, body start and time, where one candidate clearly wins both ways."""
    features = {j: Likeness.of_reading(readings[j]) for j in loose_readings}
    by_mark: dict[tuple[str, str], list[int]] = {}
    by_minute: dict[int, list[int]] = {}
    for j, found in features.items():
        for mark in found.marks():
            by_mark.setdefault(mark, []).append(j)
        if found.seconds is not None:
            by_minute.setdefault(int(found.seconds // 60), []).append(j)
    scored: list[tuple[int, int, int]] = []
    for i in loose_entries:
        entry = Likeness.of_entry(entries[i])
        groups = [by_mark.get(mark) for mark in entry.marks()]
        if entry.seconds is not None:
            minute = int(entry.seconds // 60)
            groups += [by_minute.get(m) for m in (minute - 1, minute, minute + 1)]
        candidates = {j for group in groups if group and len(group) <= CROWD for j in group}
        for j in candidates:
            reading = features[j]
            if ids_meet and entry.has_id and reading.has_id:
                continue
            score = entry.likeness(reading)
            if score >= 2:
                scored.append((score, i, j))
    return _clear_winners(scored)


def _clear_winners(scored: list[tuple[int, int, int]]) -> dict[int, int]:
    """The pairs each of whose sides likes the other best, and nothing else as much."""
    best_entry: dict[int, tuple[int, int | None]] = {}
    best_reading: dict[int, tuple[int, int | None]] = {}
    for score, i, j in scored:
        for best, mine, theirs in ((best_entry, i, j), (best_reading, j, i)):
            known = best.get(mine)
            if known is None or score > known[0]:
                best[mine] = (score, theirs)
            elif score == known[0]:
                best[mine] = (score, None)  # a tie: ambiguous
    return {
        i: j
        for score, i, j in scored
        if best_entry[i] == (score, j) and best_reading[j] == (score, i)
    }


# One record -----------------------------------------------------------------------------------


def enrich(
    update: Update,
    reading: StructuredUpdate,
    base_url: str,
    fetched_at: str | None = None,
    rough: bool = False,
    edited: bool = False,
) -> Update:
    """The HTML entry, with what structured data knows better or the HTML lacks.

    The HTML body stays whenever there is one: an articleBody cut short (the Guardian's
    1,000 characters, a teaser ending in "…") never replaces it. `rough`: the entry's time
    is a relative one shown (instant.merged); `edited`: it is the last edit's, shown alone
    ("Updated 14:40"), and structured data's earlier time is when the post went up.
    """
    update.source_id = update.source_id or reading.source_id
    if not update.headline and not reading.headline_cut(update.body_text):
        update.headline = reading.headline
        _without_opening(update, reading.headline)
    shown = update.published_at
    posted = instant.plausible(reading.published_at, fetched_at)
    if edited and posted is not None and shown is not None and posted < shown:
        update.published_at = posted
    else:
        alone = update.published_from == TIME_CLOCK
        update.published_at = instant.merged(shown, reading.published_at, fetched_at, rough, alone)
    if update.published_at != shown:  # structured data's instant, no longer the one shown
        update.published_from = None
    modified = instant.merged(update.modified_at, reading.modified_at, fetched_at)
    update.modified_at = instant.edited(update.published_at, modified)
    named = reading.authors or ([] if update.authors else reading.organisations)
    update.authors = update.authors + [a for a in named if a not in update.authors]
    update.permalink = reading.permalink or update.permalink
    update.pinned = update.pinned or reading.pinned
    if not update.body_text and reading.article_body.strip():
        text, markup, _ = reading.body(base_url)
        if text:  # an entry whose body the page did not render: never lose the words
            update.body_text, update.body_html = text, update.body_html or markup
    elif _STATE in reading.sources and (opening := _cut_opening(update)) is not None:
        text, markup, _ = reading.body(base_url)
        if len(text) > len(opening) and fold(text).startswith(fold(opening)):
            update.body_text, update.body_html = text, markup  # (the whole post the page cut)
            update.truncated = False
    update.fidelity = FIDELITY_HTML
    update.sources = reading.sources + [s for s in update.sources if s not in reading.sources]
    return update


# The page's own state (crawler.extract.pagestate): the post as its editors wrote it, where
# the markup may show an excerpt of it.
_STATE = "pagedata"
# A post shown cut short: its words end in "…" or "...", a "Read more" after them or not.
_CUT = re.compile(r"(?:…|\.\.\.)\s*([^…]{0,40})$")
_SHORTEST_OPENING = 40  # characters of a cut post's words that must open the state's


def _cut_opening(update: Update) -> str | None:
    """The words a post the markup shows cut short opens with (before its "…" and a "Read
    more" after it, or before a "Read more" that opens the post in place); None for a post
    not cut, or cut too short to know by its opening."""
    text = update.body_text
    found = _CUT.search(text[-_CUT_TAIL:])
    if found is not None and (not found.group(1) or says_read_more(found.group(1))):
        opening = text[: len(text) - len(found.group())]
    elif update.truncated:  # (a "Read more" alone after the words)
        tail = len(text) - _CUT_TAIL
        starts = [m.start() + max(tail, 0) for m in _WORD.finditer(text[-_CUT_TAIL:])]
        opening = next((text[:i] for i in starts if says_read_more(text[i:])), "")
    else:
        return None
    opening = opening.rstrip()
    return opening if len(opening) >= _SHORTEST_OPENING else None


_CUT_TAIL = 48  # characters at the end of a post's words that may hold its cut
_WORD = re.compile(r"(?<!\w)\w")


def _without_opening(update: Update, headline: str | None) -> None:
    """The body without its first paragraph where that is the headline structured data gives
    (a bold first line, `<p><strong>…</strong></p>`, as the page shows its title)."""
    first, _, rest = update.body_text.partition("\n\n")
    if not headline or fold(first) != fold(headline):
        return
    block = _FIRST_BLOCK.match(update.body_html)
    if block is None or fold(_TAG.sub("", html.unescape(block.group()))) != fold(headline):
        return
    update.body_text, update.body_html = rest, update.body_html[block.end() :].lstrip()


# The first block of a body's markup: a paragraph or heading and what it holds.
_FIRST_BLOCK = re.compile(r"\s*<(p|h[1-6])\b[^>]*>.*?</\1>", re.S)


def _checked(update: Update, fetched_at: str | None) -> Update:
    """An update from one source alone: only its times that can be times (instant.plausible)."""
    update.published_at = instant.plausible(update.published_at, fetched_at)
    modified = instant.plausible(update.modified_at, fetched_at)
    update.modified_at = instant.edited(update.published_at, modified)
    return update


_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def fold(headline: str) -> str:
    """A headline compared without case, spacing or quote style."""
    return " ".join(headline.casefold().translate(_FOLD).split())
