"""The quote verifier: verdicts, normalisations with offsets into the original, elisions, fuzzy
diffs, flags. Plain functions, no database."""

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.quotes.verifier import VERSION, Verification, compare_wording, normalize, verify

ARTICLE = (
    "The city council voted on Tuesday to build a new storm surge barrier. "
    "Engineers have warned for a decade that the old barrier was designed for a lower sea.\n\n"
    "“We have been living on borrowed time,” said Ana Lindqvist, a hydraulic engineer who "
    "advised the council. She added that the council’s decision was overdue—but welcome. "
    "The new gates should close twice as fast as the old ones – in under an hour.\n"
    "Not everyone is convinced that the money is well spent. Farmers argue that higher dikes "
    "upstream would protect more land for less money. The council has promised that one "
    "navigation channel will stay open at all times. The e\ufb03cient design uses floating "
    "sector gates stored in dry docks.\u00a0The sensors report every ten\u2009seconds."
)


def check(v: Verification, text: str, expected: str):
    assert v.start is not None and v.end is not None
    assert text[v.start : v.end] == expected
    assert v.source_wording == expected


def test_unverified_without_text():
    v = verify("anything", "")
    assert v.verdict == "unverified"
    assert v.start is None and not v.verified


def test_exact():
    quote = "Farmers argue that higher dikes upstream would protect more land for less money."
    v = verify(quote, ARTICLE)
    assert v.verdict == "exact" and v.verified and v.score == 1.0
    check(v, ARTICLE, quote)
    assert v.normalizations == [] and v.flags == []
    assert v.parts == [(v.start, v.end)]
    assert v.prefix == ARTICLE[v.start - 32 : v.start]
    assert v.suffix == ARTICLE[v.end : v.end + 32]
    assert v.version == VERSION


def test_exact_prefers_whole_words():
    text = "She said no. He said yes."
    v = verify("he said", text.lower())
    assert v.verdict == "exact"
    assert v.start == text.lower().index("he said", 5)


REPEATED = (
    "The council met in March. The plan was approved. "
    "The council met in June. The plan was rejected. "
    "The council met in May. The plan was postponed."
)


def test_several_occurrences_without_context_are_ambiguous():
    v = verify("The council met", REPEATED)
    assert v.verdict == "exact"
    assert "ambiguous" in v.flags
    assert v.occurrences == 3


@pytest.mark.parametrize(
    ("prefix", "suffix", "expected_month"),
    [
        ("The plan was approved. ", "", "June"),
        ("", " in May.", "May"),
        ("rejected. ", " in May. The plan", "May"),
        ("", " in March. The plan was", "March"),
    ],
)
def test_prefix_and_suffix_choose_the_occurrence(prefix, suffix, expected_month):
    v = verify("The council met", REPEATED, prefix=prefix, suffix=suffix)
    assert v.verdict == "exact"
    assert "ambiguous" not in v.flags
    assert REPEATED[v.end : v.end + 4 + len(expected_month)] == f" in {expected_month}"


@pytest.mark.parametrize(
    ("quote", "original", "kind"),
    [
        (
            '"We have been living on borrowed time," said Ana Lindqvist',
            "“We have been living on borrowed time,” said Ana Lindqvist",
            "quotes",
        ),
        (
            "She added that the council's decision",
            "She added that the council’s decision",
            "apostrophes",
        ),
        ("decision was overdue - but welcome", "decision was overdue—but welcome", "dashes"),
        ("decision was overdue -- but welcome", "decision was overdue—but welcome", "dashes"),
        ("as the old ones - in under an hour", "as the old ones – in under an hour", "dashes"),
        ("as the old ones—in under an hour", "as the old ones – in under an hour", "dashes"),
        (
            "for a lower sea. “We have been",
            "for a lower sea.\n\n“We have been",
            "spaces",
        ),
        ("stored in dry docks. The sensors", "stored in dry docks.\u00a0The sensors", "spaces"),
        ("report every ten seconds", "report every ten\u2009seconds", "spaces"),
        ("The  council has   promised", "The council has promised", "spaces"),
        ("The efficient design", "The e\ufb03cient design", "unicode"),
    ],
)
def test_normalized_kinds_map_back_to_the_original(quote, original, kind):
    assert quote not in ARTICLE
    v = verify(quote, ARTICLE)
    assert v.verdict == "normalized", v
    assert v.verified
    assert kind in v.normalizations
    check(v, ARTICLE, original)
    assert v.start == ARTICLE.index(original)


def test_normalized_reports_only_the_kinds_that_differed():
    quote = "borrowed time,” said Ana Lindqvist, a hydraulic engineer who advised the council. "
    quote += "She added that the council's decision"
    v = verify(quote, ARTICLE)
    # curly quotes on both sides are no difference; the straight apostrophe is
    assert v.verdict == "normalized"
    assert v.normalizations == ["apostrophes"]


def test_normalized_with_several_kinds_and_combining_accents():
    text = "Le caf\u00e9\u00a0\u2014 d\u2019apr\u00e8s lui \u2014 est ferm\u00e9."
    quote = "cafe\u0301 - d'apre\u0300s lui - est"
    v = verify(quote, text)
    assert v.verdict == "normalized"
    assert set(v.normalizations) == {"apostrophes", "dashes", "unicode"}
    check(v, text, "caf\u00e9\u00a0\u2014 d\u2019apr\u00e8s lui \u2014 est")


def test_case_difference_is_fuzzy_not_normalized():
    v = verify("the city council voted on tuesday to build a new storm surge barrier", ARTICLE)
    assert v.verdict == "fuzzy"
    assert not v.verified
    assert v.score < 1.0
    assert v.source_wording == (
        "The city council voted on Tuesday to build a new storm surge barrier."
    )
    changed = [d for d in v.diff if d["op"] != "equal"]
    assert {"op": "replace", "quote": "the", "source": "The"} in changed
    assert {"op": "replace", "quote": "tuesday", "source": "Tuesday"} in changed


@pytest.mark.parametrize("ellipsis", ["…", "...", "[...]", "[…]", ". . ."])
def test_elided_in_order(ellipsis):
    first = "Engineers have warned for a decade"
    second = "designed for a lower sea"
    quote = f"{first} {ellipsis} {second}."
    v = verify(quote, ARTICLE)
    assert v.verdict == "elided", v
    assert v.verified
    assert [ARTICLE[a:b] for a, b in v.parts] == [first, second]
    assert v.start == ARTICLE.index(first)
    assert v.end == ARTICLE.index(second) + len(second)
    assert v.source_wording == ARTICLE[v.start : v.end]


def test_elided_across_paragraphs_with_normalisation():
    quote = "\"We have been living on borrowed time … the council's decision was overdue"
    v = verify(quote, ARTICLE)
    assert v.verdict == "elided"
    assert [ARTICLE[a:b] for a, b in v.parts] == [
        "“We have been living on borrowed time",
        "the council’s decision was overdue",
    ]
    assert v.normalizations == ["quotes", "apostrophes"]


def test_elided_out_of_order_is_not_elided():
    quote = "designed for a lower sea … Engineers have warned for a decade"
    v = verify(quote, ARTICLE)
    assert v.verdict != "elided"
    assert not v.verified


def test_elided_part_too_short_is_no_evidence():
    v = verify("The city council voted … the", ARTICLE)
    assert v.verdict != "elided"


def test_elided_parts_too_far_apart():
    filler = " ".join(["Nothing of interest happened."] * 200)
    text = f"The talks began in Istanbul. {filler} They collapsed in April."
    assert verify("The talks began … collapsed in April", text).verdict != "elided"
    near = "The talks began in Istanbul. They collapsed in April."
    v = verify("The talks began … collapsed in April", near)
    assert v.verdict == "elided"


def test_fuzzy_gives_the_source_wording_and_a_word_diff():
    quote = "Farmers say that taller dikes upstream would protect more land for less money."
    v = verify(quote, ARTICLE)
    assert v.verdict == "fuzzy"
    assert 0.75 <= v.score < 1.0
    assert v.source_wording == (
        "Farmers argue that higher dikes upstream would protect more land for less money."
    )
    assert v.diff == [
        {"op": "equal", "quote": "Farmers", "source": "Farmers"},
        {"op": "replace", "quote": "say", "source": "argue"},
        {"op": "equal", "quote": "that", "source": "that"},
        {"op": "replace", "quote": "taller", "source": "higher"},
        {
            "op": "equal",
            "quote": "dikes upstream would protect more land for less money.",
            "source": "dikes upstream would protect more land for less money.",
        },
    ]


def test_fuzzy_with_insertions_and_deletions():
    quote = "The council has promised that one channel will stay open at all times."
    v = verify(quote, ARTICLE)
    assert v.verdict == "fuzzy"
    assert {"op": "insert", "quote": "", "source": "navigation"} in v.diff
    assert ARTICLE[v.start : v.end] == v.source_wording


def test_not_found():
    v = verify("The mayor resigned after the referendum on the new airport.", ARTICLE)
    assert v.verdict == "not_found"
    assert v.start is None and v.end is None
    assert v.source_wording == "" and v.diff == []
    assert not v.verified


def test_as_dict_is_json_serialisable():
    v = verify("The efficient design", ARTICLE)
    data = json.loads(json.dumps(v.as_dict()))
    for key in ("verdict", "start", "end", "source_wording", "normalizations", "diff", "flags"):
        assert key in data
    assert data["verdict"] == "normalized"
    assert data["parts"] == [[v.start, v.end]]


INTERVIEW = (
    "Ana Lindqvist advises the council on flood defence.\n"
    "Was the barrier worth the money?\n"
    "It was worth every cent, because the old barrier was failing.\n"
    "Some say the money would protect more land if spent on dikes. Is that wrong?\n"
    "Dikes protect land, but they do not protect the port.\n"
)


def _turns(text):
    lines = text.splitlines(keepends=True)
    roles = ["narration", "question", "answer", "question", "answer"]
    turns, pos = [], 0
    for line, role in zip(lines, roles, strict=True):
        turns.append((pos, pos + len(line), role))
        pos += len(line)
    return turns


@dataclass
class Turn:
    start: int
    end: int
    role: str


def test_interviewee_quoted_from_the_question_is_flagged():
    turns = _turns(INTERVIEW)
    quote = "the money would protect more land if spent on dikes"
    v = verify(quote, INTERVIEW, turns=turns, speaker_role="interviewee")
    assert v.verdict == "exact"
    assert "in_other_speakers_turn" in v.flags
    # objects with attributes work too, and the interviewer may be quoted from a question
    objs = [Turn(*t) for t in turns]
    v = verify(quote, INTERVIEW, turns=objs, speaker_role="interviewer")
    assert "in_other_speakers_turn" not in v.flags


def test_interviewer_quoted_from_the_answer_is_flagged():
    turns = _turns(INTERVIEW)
    quote = "Dikes protect land, but they do not protect the port."
    v = verify(quote, INTERVIEW, turns=turns, speaker_role="interviewer")
    assert "in_other_speakers_turn" in v.flags
    v = verify(quote, INTERVIEW, turns=turns, speaker_role="interviewee")
    assert v.flags == []
    v = verify(quote, INTERVIEW, turns=turns, speaker_role="quoted")
    assert v.flags == []


def test_fuzzy_match_in_the_other_turn_is_flagged():
    turns = _turns(INTERVIEW)
    quote = "It was worth every single cent, because the old barrier was failing."
    v = verify(quote, INTERVIEW, turns=turns, speaker_role="interviewer")
    assert v.verdict == "fuzzy"
    assert "in_other_speakers_turn" in v.flags


RAW = (
    "Subscribe now: get a year of Delta Review for the price of a coffee a week!\n"
    + ARTICLE
    + "\nAna Lindqvist is a hydraulic engineer and a regular contributor to Delta Review."
)


def test_quote_only_in_removed_boilerplate_is_flagged():
    bio = "Ana Lindqvist is a hydraulic engineer and a regular contributor to Delta Review."
    promo = "Subscribe now: get a year of Delta Review for the price of a coffee a week!"
    removed = [
        (0, len(promo) + 1, "promotion"),
        (RAW.index(bio), len(RAW), "author bio"),
    ]
    v = verify("a regular contributor to Delta Review", ARTICLE, raw_text=RAW, removed=removed)
    assert v.verdict == "not_found"
    assert "in_removed_boilerplate" in v.flags
    assert v.removed_reason == "author bio"
    assert RAW[v.raw_span[0] : v.raw_span[1]] == "a regular contributor to Delta Review"


def test_removed_spans_given_as_text_and_reason():
    @dataclass(frozen=True)
    class Removal:
        text: str
        reason: str

    promo = "Subscribe now: get a year of Delta Review for the price of a coffee a week!"
    v = verify(
        "get a year of Delta Review",
        ARTICLE,
        raw_text=RAW,
        removed=[Removal(promo, "promotion")],
    )
    assert v.verdict == "not_found"
    assert v.flags == ["in_removed_boilerplate"]
    assert v.removed_reason == "promotion"


def test_quote_in_the_text_is_not_blamed_on_boilerplate():
    removed = [(0, 10, "promotion")]
    v = verify("The efficient design", ARTICLE, raw_text=RAW, removed=removed)
    assert v.verdict == "normalized"
    assert "in_removed_boilerplate" not in v.flags


def test_compare_wording_is_verify_against_the_original():
    v = compare_wording("Engineers have cautioned for a decade that the old barrier", ARTICLE)
    assert v.verdict == "fuzzy"
    assert v.source_wording == "Engineers have warned for a decade that the old barrier"


_alphabet = st.sampled_from(list("abcde fgh.,’“”—\n") + ["ﬁ", "\u00a0", "é"])


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=_alphabet, min_size=1, max_size=300),
    data=st.data(),
)
def test_any_verbatim_substring_is_exact(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end].strip()
    if not quote:
        return
    v = verify(quote, text)
    assert v.verdict == "exact"
    assert text[v.start : v.end] == quote


_PLAIN = str.maketrans({"“": '"', "”": '"', "’": "'", "—": " - ", "\u00a0": " ", "ﬁ": "fi"})


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=_alphabet, min_size=1, max_size=300),
    data=st.data(),
)
def test_any_substring_retyped_plainly_is_found_with_offsets_into_the_original(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end].translate(_PLAIN).strip()
    if not quote or not normalize(quote).strip():
        return
    v = verify(quote, text)
    assert v.verdict in ("exact", "normalized")
    assert normalize(text[v.start : v.end]).strip() == normalize(quote).strip()


# --------------------------------------------------------------------------------------------
# The real texts, when they are around
# --------------------------------------------------------------------------------------------


def _seeds_dir() -> Path:
    env = os.environ.get("DEMO_TEXTS_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def _seed(prefix: str) -> str:
    directory = _seeds_dir()
    if not directory.is_dir():
        pytest.skip(f"seed texts not found in {directory} (set DEMO_TEXTS_DIR)")
    matches = sorted(directory.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"no {prefix}_*.txt in {directory}")
    return matches[0].read_text(encoding="utf-8")


def test_seed_sentence_exact_in_the_original_and_fuzzy_as_reworded_in_the_copy():
    original, copy = _seed("000"), _seed("001")
    sentence = (
        "Recently, Trump has expressed annoyance with Putin’s unwillingness to make a deal to "
        "end the war, accusing the Russian President of “playing with fire.”"
    )
    reworded = (
        "Recently, Trump has been upset by Putin’s unwillingness to reach a deal to end the war, "
        "accusing the Russian president of “playing with fire."
    )
    assert sentence in original and reworded in copy

    v = verify(sentence, original)
    assert v.verdict == "exact"
    assert original[v.start : v.end] == sentence

    v = compare_wording(reworded, original)
    assert v.verdict == "fuzzy"
    assert v.source_wording.startswith("Recently, Trump has expressed annoyance with Putin’s")
    assert v.source_wording.rstrip("”") == sentence.rstrip("”")
    changed = {(d["quote"], d["source"]) for d in v.diff if d["op"] != "equal"}
    assert ("reach", "make") in changed
    assert ("president", "President") in changed


def test_seed_mangled_book_title_compares_with_the_original_wording():
    original, copy = _seed("000"), _seed("001")
    mangled = "Host the World: The Kremlin’s Cold War Bidding Global Power."
    assert mangled in copy
    v = compare_wording(mangled, original)
    assert v.verdict == "fuzzy"
    assert "the World: The Kremlin’s Cold War Bid for Global Power" in v.source_wording
    assert {"op": "replace", "quote": "Host", "source": "Run"} in v.diff
