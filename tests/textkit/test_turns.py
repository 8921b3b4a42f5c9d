"""find_turns on hand-made interviews and essays."""

from archive.textkit.turns import Turn, find_turns

LONG = (
    "I think the answer has to do with leverage, with time, and with the patience of the "
    "people involved, because none of them believes the other side is negotiating in good "
    "faith, and all of them think they can still win something on the battlefield."
)

NEW_YORKER = "\n".join(
    [
        "Last week the talks collapsed again. The war goes on, and nobody knows for how long.",
        "To understand why, I spoke by phone with Jane Historian, who has written widely on "
        "Cold War diplomacy. Our conversation has been edited for length and clarity.",
        "Why did the talks collapse?",
        LONG,
        "So the problem is trust. " + LONG,
        "You write in your new book that both sides were close to a deal in 2022. How close?",
        LONG,
        "Or perhaps neither side wanted it.",
        "Or perhaps neither side wanted it. " + LONG,
        "In your piece last year, you argue that guarantees matter more than borders.",
        LONG,
        "What happens next?",
        LONG,
    ]
)


def roles(text):
    return [turn.role for turn in find_turns(text)]


def check_tiling(text, turns):
    assert turns[-1].end == len(text)
    for before, after in zip(turns, turns[1:], strict=False):
        assert before.end == after.start
        assert before.role != after.role
    for turn in turns:
        assert text[turn.start : turn.end].strip()


def test_unlabelled_new_yorker_interview():
    turns = find_turns(NEW_YORKER)
    assert [t.role for t in turns] == [
        "narration",
        "question",
        "answer",  # two answer paragraphs make one turn
        "question",
        "answer",
        "question",  # echoed by the answer
        "answer",
        "question",  # a statement addressed to the interviewee
        "answer",
        "question",
        "answer",
    ]
    check_tiling(NEW_YORKER, turns)
    assert NEW_YORKER[turns[1].start : turns[1].end].strip() == "Why did the talks collapse?"
    assert NEW_YORKER[turns[0].start :].startswith("Last week")


def test_blank_line_separated_interview():
    text = NEW_YORKER.replace("\n", "\n\n")
    assert roles(text) == roles(NEW_YORKER)


def test_q_and_a_labels():
    text = (
        "An interview with a diplomat about the war.\n\n"
        "Q: Why did the talks fail?\n\n"
        f"A: {LONG}\n\n"
        f"{LONG}\n\n"
        "Q: What should Europe do?\n\n"
        f"A: {LONG}\n"
    )
    turns = find_turns(text)
    assert [t.role for t in turns] == [
        "narration",
        "question",
        "answer",
        "question",
        "answer",
    ]
    check_tiling(text, turns)
    assert text[turns[2].start : turns[2].end].count(LONG) == 2


def test_q_dot_labels():
    text = "\n".join(["Q. Why?", f"A. {LONG}", "Q. And then what happened?", f"A. {LONG}"])
    assert roles(text) == ["question", "answer", "question", "answer"]


def test_interviewer_and_name_labels():
    text = "\n".join(
        [
            "Interviewer: Why did the talks fail?",
            f"Radchenko: {LONG}",
            "Interviewer: Could they succeed now?",
            f"Radchenko: {LONG}",
        ]
    )
    assert roles(text) == ["question", "answer", "question", "answer"]


def test_speaker_name_labels_in_capitals():
    text = "\n\n".join(
        [
            "This transcript was lightly edited.",
            "CHOTINER: What has Trump's return told us?",
            f"RADCHENKO: {LONG}",
            "CHOTINER: And Putin? What does he want?",
            f"RADCHENKO: {LONG}",
            f"{LONG}",
        ]
    )
    assert roles(text) == ["narration", "question", "answer", "question", "answer"]


def test_essay_with_rhetorical_questions_is_not_an_interview():
    text = "\n".join(
        [
            "Putin would relish a summit with Trump. " + LONG,
            "But what would such an agreement look like? " + LONG,
            "Would Trump agree to such a framework?",
            LONG,
            "First: the territories. " + LONG,
            "Second: neutrality. " + LONG,
            "During the Cold War, policymakers were far too clever. But today, who can tell?",
        ]
    )
    assert find_turns(text) == []


def test_op_ed_reporting_a_phone_call_is_not_an_interview():
    text = "\n".join(
        [
            "Trump spoke with Putin by phone on Tuesday, and the call lasted two hours.",
            "What did they agree? " + LONG,
            "Will Europe accept it?",
            LONG,
            "And what of Kyiv?",
            LONG,
            "The answer matters for everyone. " + LONG,
        ]
    )
    assert find_turns(text) == []


def test_essay_with_numbered_points_is_not_labelled_interview():
    text = "\n".join(
        [
            "Putin has four demands.",
            f"First: {LONG}",
            f"Second: {LONG}",
            f"Third: {LONG}",
            f"Fourth: {LONG}",
            f"Note: {LONG}",
            f"Note: {LONG}",
        ]
    )
    assert find_turns(text) == []


def test_short_or_empty_texts():
    assert find_turns("") == []
    assert find_turns("Why?\nBecause.") == []


def test_turn_is_frozen_dataclass():
    assert Turn(0, 3, "question") == Turn(0, 3, "question")
