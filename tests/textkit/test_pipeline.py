"""clean_document end to end on small hand-made files, plus the speed requirement."""

import time

import pytest

from archive.textkit.decode import ImportProblem
from archive.textkit.pipeline import Cleaned, clean_document

from .test_html import PAGE, PARAGRAPHS

INTERVIEW = "\n".join(
    [
        "Share This",
        "Last week the talks collapsed. I spoke with Jane Historian, who has written "
        "acoupleofarticlesinForeign Affairs. Our conversation has been edited for length.",
        "Why did the talks collapse?",
        "Mostly because of trust. Neither side believes the other, and the promise to have "
        "Ukraine inNATOwithout a path toward it made things worse for everybody involved.",
        "What happens next?",
        "More fighting, I fear, until one side decides that time is no longer on its side, "
        "which could take months or years. ♦",
        "Advertisement",
    ]
)


def test_plain_text_interview():
    data = INTERVIEW.encode("utf-8-sig").replace(b"\n", b"\r\n")
    result = clean_document(data, filename="interview.txt")
    assert isinstance(result, Cleaned)
    assert result.metadata["encoding"] == "utf-8-sig"
    assert result.metadata["filename"] == "interview.txt"
    assert result.metadata["format"] == "text"
    assert result.raw_text == INTERVIEW
    assert [(s.reason, s.text) for s in result.removed] == [
        ("share prompt", "Share This"),
        ("end mark", "♦"),
        ("leftover", "Advertisement"),
    ]
    for span in result.removed:
        assert result.raw_text[span.start : span.end] == span.text
    assert [(r.original, r.replacement) for r in result.repairs] == [
        ("acoupleofarticlesinForeign", "a couple of articles in Foreign"),
        ("inNATOwithout", "in NATO without"),
    ]
    assert "a couple of articles in Foreign Affairs" in result.text
    assert "Share This" not in result.text and "♦" not in result.text
    assert [t.role for t in result.turns] == [
        "narration",
        "question",
        "answer",
        "question",
        "answer",
    ]
    question = result.turns[1]
    assert result.text[question.start : question.end].strip() == "Why did the talks collapse?"


def test_cp1252_file_with_smart_quotes():
    text = "He called it a “deal” – Trump’s word – and theUkrainians disagreed…"
    result = clean_document(text.encode("cp1252"))
    assert result.metadata["encoding"] == "windows-1252"
    assert result.text == text.replace("theUkrainians", "the Ukrainians")


def test_repair_offsets_point_into_the_text_after_boilerplate_removal():
    from archive.textkit.boilerplate import remove_spans

    result = clean_document(INTERVIEW.encode("utf-8"))
    intermediate = remove_spans(result.raw_text, result.removed)
    for repair in result.repairs:
        assert intermediate[repair.start : repair.end] == repair.original


def test_html_document():
    result = clean_document(PAGE.encode("utf-8"), filename="talks.html")
    assert result.metadata["format"] == "html"
    assert result.metadata["title"] == "Why Talks Fail"
    assert result.metadata["authors"] == ["Jane Doe"]
    assert result.metadata["date"] == "2025-04-28"
    assert result.metadata["sitename"] == "Example Review"
    assert result.raw_text == "\n\n".join(PARAGRAPHS)
    assert result.text == "\n\n".join(PARAGRAPHS)
    assert result.turns == []


def test_html_is_recognised_without_a_filename():
    assert clean_document(PAGE.encode("utf-8")).metadata["format"] == "html"


def test_authors_are_used_for_the_bio_check():
    text = (
        "Europe must decide what it is willing to guarantee before any talks begin.\n"
        "Washington has to decide too, and soon, or the window will close.\n"
        "Jane Roe is a senior fellow at the Example Institute and the author of two books."
    )
    kept = clean_document(text.encode(), authors=["Jane Roe"])
    assert kept.removed == []
    removed = clean_document(text.encode(), authors=["John Smith"])
    assert [s.reason for s in removed.removed] == ["contributor bio"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"%PDF-1.4 binary", "the file is binary, not text"),
        (b"Share This\nLeave a Comment\n", "boilerplate"),
    ],
)
def test_problems(data, reason):
    with pytest.raises(ImportProblem) as problem:
        clean_document(data)
    assert reason in problem.value.reason


def test_twenty_thousand_words_in_well_under_a_second():
    paragraph = (
        "Putin is interested in a better relationship with the United States, but not at any "
        "price. He wants Trump to help him get there by arm-twisting Volodymyr Zelensky, and "
        "the Europeans, inNATOwithout a real plan, look on while the Kremlin waits it out."
    )
    words_per_paragraph = len(paragraph.split())
    document = "\n\n".join([paragraph] * (20_000 // words_per_paragraph + 1))
    data = document.encode("utf-8")
    clean_document(data)  # warm up: the word list is loaded once per process
    started = time.perf_counter()
    result = clean_document(data)
    elapsed = time.perf_counter() - started
    assert len(result.text.split()) >= 20_000
    assert elapsed < 0.5, f"took {elapsed:.3f}s"
