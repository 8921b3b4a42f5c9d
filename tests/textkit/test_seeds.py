"""The real-world texts in /work/shared/seeds (or $DEMO_TEXTS_DIR), when present."""

import os
import re
from pathlib import Path

import pytest

from archive.textkit.pipeline import clean_document


def seeds_dir() -> Path:
    override = os.environ.get("DEMO_TEXTS_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def seed(number: str):
    """Clean the seed file whose name starts with ``number``; skip if it isn't there."""
    folder = seeds_dir()
    matches = sorted(folder.glob(f"{number}_*")) if folder.is_dir() else []
    if not matches:
        pytest.skip(f"seed {number} not found in {folder} (set DEMO_TEXTS_DIR to point at it)")
    return clean_document(matches[0].read_bytes(), filename=matches[0].name)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def removed(result):
    return [(span.reason, span.text) for span in result.removed]


def paragraph_of(result, turn):
    return result.text[turn.start : turn.end].strip()


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_no_commentary_is_lost(number):
    """Every line not removed as a whole survives (spaces aside: glue repairs add some)."""
    result = seed(number)
    cleaned = squash(result.text)
    covered = set()
    for span in result.removed:
        covered.update(range(span.start, span.end))
    position = 0
    for line in result.raw_text.split("\n"):
        kept = "".join(ch for offset, ch in enumerate(line) if position + offset not in covered)
        position += len(line) + 1
        if squash(kept):
            assert squash(kept) in cleaned, kept[:80]
    for span in result.removed:
        assert result.raw_text[span.start : span.end] == span.text


def test_000_end_mark_removed_and_glue_repaired():
    result = seed("000")
    assert removed(result) == [("end mark", "♦")]
    assert "♦" not in result.text
    assert result.text.endswith("But, at the moment, he feels that the wind is in his sails.")
    repairs = {repair.original: repair.replacement for repair in result.repairs}
    assert repairs["inNATOwithout"] == "in NATO without"
    assert repairs["acoupleofarticlesinForeign"] == "a couple of articles in Foreign"
    assert repairs["Affairsover"] == "Affairs over"
    assert repairs["ofNATO"] == "of NATO"
    assert "the promise to have Ukraine in NATO without providing" in result.text
    assert "has published a couple of articles in Foreign Affairs over the past" in result.text


def test_000_is_an_interview_with_questions_and_answers():
    result = seed("000")
    turns = result.turns
    assert turns[0].role == "narration"
    assert paragraph_of(result, turns[0]).startswith("This week, Russia launched")
    by_opening = {}
    for turn in turns:
        by_opening.setdefault(paragraph_of(result, turn)[:40], turn.role)
    assert by_opening["Trump has been in office now for more th"] == "question"
    assert by_opening["I don’t think we have learned all that m"] == "answer"
    assert by_opening["And the reason you think Putin can hold "] == "question"
    assert by_opening["You make clear in the piece that this ne"] == "question"
    assert by_opening["Or perhaps they won’t get imposed at all"] == "question"
    assert by_opening["Well, if we accept that Putin does not w"] == "answer"
    questions = [t for t in turns if t.role == "question"]
    answers = [t for t in turns if t.role == "answer"]
    assert len(questions) >= 10 and len(answers) == len(questions)
    assert all(paragraph_of(result, t).count("\n") == 0 for t in questions)
    assert turns[-1].end == len(result.text)
    for before, after in zip(turns, turns[1:], strict=False):
        assert before.end == after.start


def test_001_unrelated_contributor_bio_is_removed():
    result = seed("001")
    assert [reason for reason, _ in removed(result)] == ["contributor bio"]
    assert "Meera" not in result.text
    assert "You clearly show in the article" in result.text


def test_002_leftovers_removed_and_essay_kept():
    result = seed("002")
    assert removed(result) == [
        ("share prompt", "Share This"),
        ("leftover", "Source"),
        ("comment prompt", "Leave a Comment"),
    ]
    assert result.text.startswith("Why Peace Talks Fail in Ukraine")
    assert result.text.endswith("failed negotiations could augur many more years of war.")
    for sentence in [
        "The primary goal for both Russia and Ukraine is ensuring long-term security.",
        "They repeat the slogan “Nothing about Ukraine without Ukraine.”",
        "FAR HORIZON",
        "A stalemate would make talks more attractive for both sides.",
    ]:
        assert sentence in result.text
    assert result.turns == []


def test_003_op_ed_is_untouched_apart_from_any_stray_bio():
    result = seed("003")
    assert all(reason == "contributor bio" for reason, _ in removed(result))
    assert "Putin is not yet ready to stop fighting." in result.text
    assert result.text.rstrip().endswith("he shouldn’t let this window of opportunity pass.")
    assert result.turns == []


def test_004_donation_appeal_removed():
    result = seed("004")
    assert [reason for reason, _ in removed(result)] == ["donation appeal"]
    appeal = result.removed[0].text
    assert appeal.startswith("A Message from The Moscow Times:")
    assert appeal.endswith("Remind me later.")
    assert "Moscow Times" not in result.text
    assert result.text.endswith("But today, who can tell?")
    assert "Putin’s demands are clear" in result.text
    assert result.turns == []


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_no_glue_left_behind(number):
    result = seed(number)
    assert not re.search(r"\b(?:in|of|the)(?:NATO|Ukraine|Foreign)", result.text)
