"""Finding copies: MinHash/LSH band keys and the syndicated/truncated/paraphrased classifier.
Plain functions, no database."""

import itertools
import os
from pathlib import Path

import pytest

from archive.sources import copies
from archive.sources.copies import (
    BANDS,
    NUM_PERM,
    ROWS,
    CopyMatch,
    band_keys,
    classify,
    signature,
    word_tokens,
)

ORIGINAL = """\
The city council of Rotterdam voted on Tuesday to spend 2.4 billion euros on a new storm surge \
barrier at the mouth of the Nieuwe Waterweg. Engineers have warned for a decade that the Maeslant \
barrier, completed in 1997, was designed for a sea level that the North Sea will exceed well \
before the end of the century. Ana Lindqvist, a hydraulic engineer at Delft University of \
Technology who advised the council, said the decision was overdue but welcome. “We have been \
living on borrowed time since the 2018 stress test,” she said. The new barrier will be built \
about four kilometres downstream and should close twice as fast as the old one.
Not everyone is convinced that the money is well spent. Farmers along the river delta argue that \
higher dikes upstream would protect more land for less money. Shipping companies fear that \
construction will disrupt traffic to the port, which handles more than 400 million tonnes of \
cargo a year. The council has promised that at least one navigation channel will stay open at \
all times. Lindqvist believes the disruption can be kept to a few weeks spread over six years of \
work.
The technical challenge is considerable. The gates must resist waves of up to seven metres while \
resting on soft clay that settles by several centimetres every year. The design team plans to use \
floating sector gates that are stored in dry docks on either bank and swung into place when a \
storm approaches. Sensors in the riverbed will report the height of the water every ten seconds \
to a control room in Hoek van Holland.
Climate scientists say the barrier buys time rather than safety. Even the most optimistic \
projections show sea levels rising by more than half a metre by 2100, and some models predict \
twice that. Lindqvist argues that the Netherlands will eventually have to let some low-lying \
polders flood in a controlled way. “A barrier is a promise to the next generation, not a \
guarantee,” she said. The council expects to award the construction contract early next year."""

# The first two paragraphs, reworded sentence by sentence the way a paraphrasing tool does it:
# odd synonyms, dropped specifics, the same order.
PARAPHRASE = """\
The municipal assembly of Rotterdam decided on Tuesday to allocate 2.4 billion euros for a fresh \
tempest surge barricade at the mouth of the Nieuwe Waterweg. Technicians have cautioned for ten \
years that the Maeslant barricade, finished in 1997, was conceived for a sea level that the North \
Sea will surpass well ahead of the close of the century. Ana Lindqvist, a hydraulic technician \
who counselled the council, stated the verdict was belated but welcome. “We have been residing on \
loaned time since the stress examination,” she stated. The fresh barricade will be erected \
roughly four kilometres downstream and ought to shut twice as rapidly as the previous one.
Not everybody is persuaded that the cash is well expended. Growers along the river delta contend \
that loftier dikes upstream would safeguard more terrain for less cash. Freight firms dread that \
the building will disturb traffic to the harbour, which manages over 400 million tonnes of goods \
annually. The council has vowed that a minimum of one navigation channel will remain open at \
every moment. Lindqvist reckons the disturbance can be restricted to a few weeks dispersed over \
six years of labour."""

# Same author, same city, same subject, different article.
SAME_TOPIC = """\
Ana Lindqvist has spent twenty years studying how Dutch cities live with water. In her new book \
she argues that the Netherlands relies too heavily on engineering and too little on planning. \
Rotterdam, she writes, should stop building houses in the deepest polders and turn some of them \
into water storage parks. The city has already built squares that fill with rainwater during \
heavy storms and drain slowly afterwards. Lindqvist calls them a modest start. She also \
criticises the national government for funding new barriers while cutting the budget for the \
maintenance of old dikes. Many of those dikes were built in the 1950s after the great flood of \
1953 and have not been inspected for years. A failure inland, she warns, would be as dangerous as \
a storm surge from the sea. Her proposals have found support among younger council members but \
resistance from developers and from the port. Farmers in the delta, she adds, will have to be \
paid for land that is allowed to flood. The port authority declined to comment on the book."""

SYNDICATED = (
    "Delta Review | Opinion\n"
    + ORIGINAL
    + "\nThis article is republished from Delta Review under a Creative Commons licence."
)
TRUNCATED = ORIGINAL[: ORIGINAL.rfind(" ", 0, int(len(ORIGINAL) * 0.6))]


@pytest.fixture
def no_wordfreq(monkeypatch):
    """Run as if wordfreq were not installed."""
    monkeypatch.setattr(copies, "_zipf", lambda: None)


def keys(text: str, kind: str) -> set[int]:
    return set(band_keys(signature(text, kind=kind), kind=kind))


# --------------------------------------------------------------------------------------------
# Tokens, signatures, band keys
# --------------------------------------------------------------------------------------------


def test_word_tokens_fold_typography_case_and_punctuation():
    assert word_tokens("“Putin’s ﬁnal offer—isn't it?” he asked.") == [
        "putin",
        "final",
        "offer",
        "isnt",
        "it",
        "he",
        "asked",
    ]
    assert word_tokens("Putin's") == word_tokens("PUTIN’S")


@pytest.mark.parametrize("kind", copies.KINDS)
def test_signature_shape_and_determinism(kind):
    sig = signature(ORIGINAL, kind=kind)
    assert len(sig) == NUM_PERM
    assert all(isinstance(v, int) and 0 <= v < 2**63 for v in sig)
    assert sig == signature(ORIGINAL, kind=kind)
    assert signature("", kind=kind) == []
    assert band_keys([], kind=kind) == []


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        signature(ORIGINAL, kind="semantic")
    with pytest.raises(ValueError):
        band_keys(signature(ORIGINAL, kind="content"), kind="semantic")


def test_band_keys_fit_bigint_and_differ_by_band_and_kind():
    assert NUM_PERM >= BANDS * ROWS
    sig = signature(ORIGINAL, kind="verbatim")
    verbatim = band_keys(sig, kind="verbatim")
    as_content = band_keys(sig, kind="content")
    assert len(verbatim) == BANDS
    assert all(-(2**62) <= k < 2**62 for k in verbatim + as_content)
    assert len(set(verbatim)) == BANDS
    assert not set(verbatim) & set(as_content)
    # identical rows in two bands still give two keys
    flat = [7] * NUM_PERM
    assert len(set(band_keys(flat, kind="verbatim"))) == BANDS


def test_copies_share_band_keys_and_an_independent_text_does_not():
    assert len(keys(ORIGINAL, "verbatim") & keys(SYNDICATED, "verbatim")) >= BANDS // 2
    assert keys(ORIGINAL, "verbatim") & keys(TRUNCATED, "verbatim")
    assert keys(ORIGINAL, "content") & keys(TRUNCATED, "content")
    for kind in copies.KINDS:
        assert not keys(ORIGINAL, kind) & keys(SAME_TOPIC, kind)
        assert not keys(PARAPHRASE, kind) & keys(SAME_TOPIC, kind)


def test_signature_similarity_estimates_jaccard():
    a, b = signature(ORIGINAL, kind="verbatim"), signature(SYNDICATED, kind="verbatim")
    assert copies.jaccard(a, b) > 0.85
    c = signature(SAME_TOPIC, kind="verbatim")
    assert copies.jaccard(a, c) < 0.05


# --------------------------------------------------------------------------------------------
# classify
# --------------------------------------------------------------------------------------------


def test_syndicated_defaults_to_the_stored_text_as_original():
    match = classify(ORIGINAL, SYNDICATED)
    assert isinstance(match, CopyMatch)
    assert match.kind == "syndicated"
    assert match.score >= 0.9
    assert match.original_is == "a"
    assert match.evidence["containment"] == 1.0
    assert match.evidence["direction_basis"] == "default"


def test_syndicated_direction_from_metadata():
    match = classify(
        ORIGINAL,
        SYNDICATED,
        a_meta={"published": "2025-06-03"},
        b_meta={"published": "2025-06-01"},
    )
    assert match.kind == "syndicated" and match.original_is == "b"
    assert match.evidence["direction_basis"] == "published"
    match = classify(
        SYNDICATED,
        ORIGINAL,
        a_meta={"published": "2025-06-01", "kind": "aggregator"},
        b_meta={"published": "2025-06-03", "kind": "newspaper"},
    )
    assert match.original_is == "b"
    assert match.evidence["direction_basis"] == "outlet_kind"
    # the same month at month precision decides nothing
    match = classify(
        ORIGINAL, SYNDICATED, a_meta={"published": "2025-06"}, b_meta={"published": "2025-06-01"}
    )
    assert match.original_is == "a" and match.evidence["direction_basis"] == "default"


@pytest.mark.parametrize("order", ["original_first", "copy_first"])
def test_truncated_longer_is_the_original(order):
    a, b = (ORIGINAL, TRUNCATED) if order == "original_first" else (TRUNCATED, ORIGINAL)
    match = classify(a, b)
    assert match.kind == "truncated"
    assert match.original_is == ("a" if order == "original_first" else "b")
    assert match.score >= 0.9
    assert 0.55 < match.evidence["length_ratio"] < 0.65
    assert match.evidence["starts_at"] == 0.0


def test_truncated_with_boilerplate_is_still_truncated():
    half = ORIGINAL[: ORIGINAL.rfind(" ", 0, len(ORIGINAL) // 2)]
    copy = half + "\nRead the full story with a subscription. Subscribers get unlimited access."
    match = classify(ORIGINAL, copy)
    assert match.kind == "truncated" and match.original_is == "a"


@pytest.mark.parametrize("wordfreq", [True, False], ids=["with_wordfreq", "without_wordfreq"])
def test_paraphrase_is_found_and_points_at_the_original(wordfreq, monkeypatch):
    if not wordfreq:
        monkeypatch.setattr(copies, "_zipf", lambda: None)
    for a, b, original in [(ORIGINAL, PARAPHRASE, "a"), (PARAPHRASE, ORIGINAL, "b")]:
        match = classify(a, b)
        assert match is not None
        assert match.kind == "paraphrased"
        assert match.original_is == original
        assert match.score >= 0.7
        assert match.evidence["direction_basis"] == "text"
        assert match.evidence["verbatim_share"] < 0.5
        assert match.evidence["aligned_sentences"] >= 7
        assert match.evidence["examples"][0]["a"].startswith(
            "The city council" if original == "a" else "The municipal assembly"
        )


def test_paraphrase_of_the_same_extent_uses_the_words_themselves(no_wordfreq):
    extent = "\n".join(ORIGINAL.split("\n")[:2])  # the two paragraphs that were reworded
    match = classify(PARAPHRASE, extent)
    assert match.kind == "paraphrased"
    assert match.original_is == "b"
    signals = match.evidence["direction_signals"]
    assert signals["coverage"]["vote"] == 0  # both cover each other
    assert signals["names_and_numbers"]["only_b"] > signals["names_and_numbers"]["only_a"]


def test_paraphrase_direction_from_metadata_wins():
    match = classify(
        ORIGINAL,
        PARAPHRASE,
        a_meta={"kind": "content_farm", "published": "2025-01-01"},
        b_meta={"kind": "magazine", "published": "2025-02-01"},
    )
    assert match.kind == "paraphrased"
    assert match.original_is == "b"
    assert match.evidence["direction_basis"] == "outlet_kind"


def test_same_topic_same_author_is_independent():
    assert classify(ORIGINAL, SAME_TOPIC) is None
    assert classify(SAME_TOPIC, PARAPHRASE) is None


def test_tiny_texts_are_not_classified():
    assert classify("Putin wants a deal.", "Putin wants a deal.") is None


# --------------------------------------------------------------------------------------------
# The real texts, when they are around
# --------------------------------------------------------------------------------------------


def _seeds() -> dict[str, str]:
    env = os.environ.get("DEMO_TEXTS_DIR")
    directory = (
        Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
    )
    if not directory.is_dir():
        pytest.skip(f"seed texts not found in {directory} (set DEMO_TEXTS_DIR)")
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))}
    if not {"000", "001", "002", "003", "004"} <= texts.keys():
        pytest.skip(f"seed texts 000-004 incomplete in {directory}")
    return texts


@pytest.mark.parametrize("wordfreq", [True, False], ids=["with_wordfreq", "without_wordfreq"])
def test_seed_001_is_a_paraphrase_of_000_in_both_orders(wordfreq, monkeypatch):
    seeds = _seeds()
    if not wordfreq:
        monkeypatch.setattr(copies, "_zipf", lambda: None)
    match = classify(seeds["000"], seeds["001"])
    assert match.kind == "paraphrased" and match.original_is == "a"
    assert match.score >= 0.8
    match = classify(seeds["001"], seeds["000"])
    assert match.kind == "paraphrased" and match.original_is == "b"


def test_seed_000_and_001_are_lsh_candidates():
    seeds = _seeds()
    assert keys(seeds["000"], "content") & keys(seeds["001"], "content")


def test_other_seed_pairs_are_independent_and_not_candidates():
    seeds = _seeds()
    for x, y in itertools.combinations(sorted(seeds), 2):
        if {x, y} == {"000", "001"}:
            continue
        assert classify(seeds[x], seeds[y]) is None, (x, y)
        assert classify(seeds[y], seeds[x]) is None, (y, x)
        for kind in copies.KINDS:
            assert not keys(seeds[x], kind) & keys(seeds[y], kind), (x, y, kind)
