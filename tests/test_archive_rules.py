"""The identity rules without a database: what must be one update and what must stay apart."""

from __future__ import annotations

import pytest

from archive.records import FIDELITY_HTML, FIDELITY_STRUCTURED, Update
from archive.rules import (
    assign_keys,
    content_hash,
    headline_hash,
    is_newer,
    merge_duplicates,
    normalise_headline,
    update_key,
)


@pytest.mark.parametrize(
    "variant",
    [
        "Minister says \u201cwe will not resign\u201d \u2013 live",
        'Minister says "we will not resign" - live',
        "  MINISTER   says \u201ewe will not resign\u201f \u2014 Live ",
        "Minister says \u00abwe will not resign\u00bb \u2212 live",
        "Minister\u00a0says \u2033we will not resign\u2033 \u2011 live",
        "Minister says \uff02we will not resign\uff02 \u2012 live\n",
    ],
)
def test_headline_variants_normalise_alike(variant: str) -> None:
    assert normalise_headline(variant) == 'minister says "we will not resign" - live'


def test_single_quotes_and_apostrophes_fold() -> None:
    assert normalise_headline("Biden\u2019s \u2018plan\u2019") == normalise_headline(
        "biden's 'plan'"
    )


def test_soft_hyphens_and_zero_width_spaces_are_ignored() -> None:
    assert normalise_headline("Bundes\u00adregierung\u200b tagt") == "bundesregierung tagt"


def test_normalise_empty() -> None:
    assert normalise_headline(None) == ""
    assert normalise_headline("  \n ") == ""


def test_headline_hash_ignores_time_and_body_when_there_is_a_headline() -> None:
    a = headline_hash("Breaking: vote passes", "2024-05-01T10:00:00Z", "one")
    b = headline_hash("breaking:  VOTE passes", "2024-05-01T11:00:00Z", "two")
    assert a == b
    assert len(a) == 16
    int(a, 16)


def test_headline_less_hash_uses_time_and_body_start() -> None:
    body = "The count is in. " + "x" * 300
    a = headline_hash(None, "2024-05-01T10:00:00Z", body)
    assert a == headline_hash("", "2024-05-01T10:00:00Z", body.upper() + " extra words past 200")
    assert a != headline_hash(None, "2024-05-01T10:05:00Z", body)
    assert a != headline_hash(None, "2024-05-01T10:00:00Z", "A different start " + body)


def test_update_key_prefers_source_id() -> None:
    assert update_key(Update(source_id="p-1", headline="x")) == "id:p-1"
    key = update_key(Update(headline="x"))
    assert key == "h:" + headline_hash("x", None, "")


def test_content_hash_covers_content_not_metadata() -> None:
    u = Update(source_id="1", headline="h", body_text="b", body_html="<p>b</p>")
    base = content_hash(u)
    assert (
        content_hash(
            Update(
                source_id="2",
                headline="h",
                body_text="b",
                body_html="<p>b</p>",
                authors=["someone"],
                pinned=True,
                permalink="x",
            )
        )
        == base
    )
    for change in (
        {"headline": "h2"},
        {"body_text": "c"},
        {"body_html": "<p>c</p>"},
        {"modified_at": "2024-01-01T00:00:00Z"},
        {"media": [{"type": "image", "url": "u"}]},
    ):
        assert content_hash(Update(**{**u.__dict__, **change})) != base, change


def test_is_newer_compares_instants() -> None:
    assert is_newer("2024-05-01T10:00:01Z", "2024-05-01T10:00:00+00:00")
    assert not is_newer("2024-05-01T12:00:00+02:00", "2024-05-01T10:00:00Z")
    assert not is_newer(None, "2024-05-01T10:00:00Z")
    assert is_newer("2024-05-01T10:00:00Z", None)


def test_merge_keeps_richer_reading_and_pinned_flag() -> None:
    jsonld = Update(
        source_id="1",
        body_text="short",
        fidelity=FIDELITY_STRUCTURED,
        pinned=True,
        permalink="https://x/#1",
    )
    html = Update(
        source_id="1", body_text="short", body_html="<p>short</p>", fidelity=FIDELITY_HTML
    )
    merged = merge_duplicates([jsonld, html], ["id:1", "id:1"])
    assert list(merged) == ["id:1"]
    kept = merged["id:1"]
    assert kept.body_html == "<p>short</p>"
    assert kept.pinned is True
    assert kept.permalink == "https://x/#1"


def test_merge_keeps_first_when_equally_rich() -> None:
    first = Update(source_id="1", body_text="first")
    second = Update(source_id="1", body_text="second")
    assert merge_duplicates([first, second], ["id:1", "id:1"])["id:1"].body_text == "first"


def test_same_headline_different_times_in_one_pass_stay_apart() -> None:
    later = Update(headline="Goal!", published_at="2024-05-01T10:30:00Z")
    earlier = Update(headline="goal!", published_at="2024-05-01T10:05:00Z")
    keys = assign_keys([later, earlier], {})
    base = update_key(earlier)
    assert keys == [base + "@2024-05-01T10:30:00Z", base]


def test_stored_owner_of_a_headline_hash_keeps_it() -> None:
    base = update_key(Update(headline="Goal!"))
    stored = {base: "2024-05-01T10:05:00Z", base + "@2024-05-01T10:30:00Z": "2024-05-01T10:30:00Z"}
    later = Update(headline="Goal!", published_at="2024-05-01T10:30:00Z")
    earlier = Update(headline="Goal!", published_at="2024-05-01T10:05:00Z")
    newest = Update(headline="Goal!", published_at="2024-05-01T11:00:00Z")
    assert assign_keys([later], stored) == [base + "@2024-05-01T10:30:00Z"]
    assert assign_keys([earlier], stored) == [base]
    assert assign_keys([newest], stored) == [base + "@2024-05-01T11:00:00Z"]


def test_same_headline_same_time_is_one_update() -> None:
    a = Update(headline="Goal!", published_at="2024-05-01T10:05:00Z")
    b = Update(headline="GOAL!", published_at="2024-05-01T10:05:00+00:00")
    keys = assign_keys([a, b], {})
    assert keys[0] == keys[1]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("", ""),
        ("", "storm"),
        ("a yellow card for smith", "a yellow card for jones"),
        ("the bank held rates at 5.25%", "markets fell sharply in early trade"),
        ("gusts of 80mph hit the coast", "gusts of 80mph hit the coast"),
        ("abcabcabc", "cbacbacba"),
    ],
)
def test_a_likeness_bounded_first_is_the_likeness_where_it_reaches_its_floor(
    a: str, b: str
) -> None:
    """The longest common subsequence bounds SequenceMatcher's matches from above, so a pair
    set aside by it could not have reached the floor, and one not set aside gets its ratio."""
    from difflib import SequenceMatcher

    from archive.rules import _common_length, _ratio_at_least

    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = (
                table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
            )
    assert _common_length(a, b) == table[-1][-1]
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    for floor in (0.0, 0.3, 0.6, 0.8, 1.0):
        bounded = _ratio_at_least(a, b, floor)
        assert bounded == ratio if ratio >= floor else bounded < floor
