"""The evaluation library and the labels: every page labelled, every page read almost perfectly."""

from __future__ import annotations

import pytest

from archive.records import Update
from crawler.extract.evaluate import (
    PageLabels,
    UpdateLabel,
    evaluate,
    format_table,
    load_labels,
    overall,
    score_page,
)
from tests.helpers import LABELS, page_folders, saved_pages


def test_every_page_has_labels() -> None:
    pages = sorted(p.name for p in saved_pages())
    labelled = sorted(load_labels(p).file for p in LABELS.glob("*.json"))
    assert pages == labelled
    for path in LABELS.glob("*.json"):
        labels = load_labels(path)
        assert path.name == labels.file + ".json"
        assert labels.updates and labels.url.startswith("https://")
        assert all(u.published_at is None or u.published_at.endswith("Z") for u in labels.updates)


@pytest.fixture(scope="module")
def scores(walks_backend: str) -> list:  # type: ignore[type-arg]
    return evaluate(page_folders(), LABELS)


def test_precision_and_recall_on_every_page(scores: list) -> None:  # type: ignore[type-arg]
    print("\n" + format_table(scores))
    for score in scores:
        assert score.precision >= 0.98, score
        assert score.recall >= 0.98, score
        assert score.body_similarity >= 0.95, score
        assert score.time_accuracy >= 0.98, score
        assert score.headline_accuracy >= 0.98, score


def test_table_has_a_row_per_page_and_overall(scores: list) -> None:  # type: ignore[type-arg]
    table = format_table(scores).splitlines()
    assert table[0].split()[:3] == ["page", "labelled", "found"]
    assert len(table) == len(scores) + 3
    assert table[-1].startswith("overall")
    assert overall(scores).labelled == sum(s.labelled for s in scores)


def test_matching_by_id_then_headline_and_time_then_body() -> None:
    labels = PageLabels(
        url="https://x.example/live",
        file="x.html",
        updates=(
            UpdateLabel("block-1", "One", "2024-01-01T10:00:00Z", "First body"),
            UpdateLabel(None, "Two", "2024-01-01T11:00:00Z", "Second body"),
            UpdateLabel(None, None, "2024-01-01T12:00:00Z", "Third body has words"),
            UpdateLabel("4", "Four", "2024-01-01T13:00:00Z", "Fourth"),
        ),
    )
    updates = [
        Update(
            source_id="1",
            headline="One",
            published_at="2024-01-01T10:00:00Z",
            body_text="First body",
        ),
        Update(headline="two ", published_at="2024-01-01T11:00:30Z", body_text="Second bodies"),
        Update(published_at="2024-01-01T12:00:00Z", body_text="Third body has words, more"),
        Update(source_id="9", headline="Stray", published_at="2024-01-01T09:00:00Z"),
    ]
    score = score_page(updates, labels)
    assert (score.matched, score.extracted, score.labelled) == (3, 4, 4)
    assert (score.precision, score.recall) == (0.75, 0.75)
    assert score.coverage["id"] == 1.0 and score.coverage["headline"] == 1.0
    assert 0.9 < score.body_similarity <= 1.0
