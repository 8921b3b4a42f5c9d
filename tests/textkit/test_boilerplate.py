"""find_boilerplate / remove_spans on small hand-made documents."""

import pytest

from archive.textkit.boilerplate import REASONS, Span, find_boilerplate, remove_spans

BODY = (
    "The sanctions have not worked as their designers hoped, and the reasons are political.\n"
    "\n"
    "Europe must decide what it is willing to guarantee before any talks begin in earnest.\n"
)


def removed(text, **kwargs):
    spans, _ = find_boilerplate(text, **kwargs)
    return [(span.reason, span.text) for span in spans]


def check_offsets(text, spans):
    previous_end = -1
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.start >= previous_end
        previous_end = span.end


def test_span_is_frozen():
    span = Span(0, 1, "end mark", "♦")
    with pytest.raises(AttributeError):
        span.start = 3


def test_clean_text_has_nothing_to_remove():
    assert find_boilerplate(BODY) == ([], [])


def test_donation_appeal_block_at_the_end():
    appeal = (
        "A Message from The Daily Example:\n"
        "Dear readers,\n"
        "We are under pressure as never before, and our newsroom is small.\n"
        "Your support, however small, keeps independent journalism alive. "
        "Please donate monthly from just $3.\n"
        "Remind me later."
    )
    text = BODY + appeal + "\n"
    spans, warnings = find_boilerplate(text)
    assert [(s.reason, s.text) for s in spans] == [("donation appeal", appeal)]
    assert warnings == []
    check_offsets(text, spans)
    assert remove_spans(text, spans) == BODY.strip()


def test_subscription_appeal_block_and_lines():
    text = (
        BODY
        + "Subscribe to our newsletter\n"
        + "Get the best analysis delivered to your inbox every morning. Sign up now.\n"
    )
    spans, _ = find_boilerplate(text)
    assert [s.reason for s in spans] == ["subscription appeal"]
    assert spans[0].text.startswith("Subscribe to our newsletter")


def test_one_line_subscription_prompt_in_the_middle():
    text = "First paragraph of commentary.\nSign up for our daily newsletter\nSecond paragraph."
    assert removed(text) == [("subscription appeal", "Sign up for our daily newsletter")]


@pytest.mark.parametrize(
    "line",
    [
        "Share This",
        "Share this article",
        "Share on Facebook",
        "Share on Twitter",
        "Facebook | Twitter | LinkedIn | Email",
        "Tweet",
        "Print",
        "Copy link",
    ],
)
def test_share_prompts(line):
    assert removed(f"{BODY}{line}\n") == [("share prompt", line)]


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Comment",
        "Leave a reply",
        "Join the conversation",
        "Join the discussion",
        "12 Comments",
        "View comments",
        "Be the first to comment",
        "Comments are closed.",
    ],
)
def test_comment_prompts(line):
    assert removed(f"{BODY}{line}\n") == [("comment prompt", line)]


@pytest.mark.parametrize(
    "line",
    [
        "Source",
        "Sources:",
        "Advertisement",
        "ADVERTISEMENT",
        "Read more",
        "Read More »",
        "Related",
        "Related Articles",
        "Read more: Why the talks in Istanbul failed",
        "Story continues below advertisement",
        "Continue reading",
    ],
)
def test_leftover_labels(line):
    text = f"First paragraph of commentary.\n{line}\n{BODY}"
    assert removed(text) == [("leftover", line)]


@pytest.mark.parametrize(
    "line", ["Skip to main content", "Back to top", "Home › Opinion › Europe", "Menu"]
)
def test_navigation(line):
    assert removed(f"{line}\n{BODY}") == [("navigation", line)]


@pytest.mark.parametrize("mark", ["♦", "■", "###", "# # #", "-30-"])
def test_lone_end_marks(mark):
    assert removed(f"{BODY}{mark}\n") == [("end mark", mark)]


def test_end_mark_at_the_end_of_the_last_paragraph():
    text = "Intro.\nBut, at the moment, he feels that the wind is in his sails. ♦"
    spans, _ = find_boilerplate(text)
    assert [(s.reason, s.text) for s in spans] == [("end mark", "♦")]
    check_offsets(text, spans)
    assert (
        remove_spans(text, spans)
        == "Intro.\nBut, at the moment, he feels that the wind is in his sails."
    )


BIO_LABEL = "Health & Wellness Contributor"
BIO = (
    "A wellness enthusiast and certified nutrition advisor, Meera covers everything from "
    "healthy living tips to medical breakthroughs."
)
OWN_BIO = "Sergey Radchenko is a professor at Johns Hopkins and the author of a book on Moscow."


def test_someone_elses_bio_is_removed_when_authors_are_given():
    text = f"{BODY}{BIO_LABEL}\n{BIO}\n"
    spans, _ = find_boilerplate(text, authors=["Sergey Radchenko"])
    assert [(s.reason, s.text) for s in spans] == [("contributor bio", f"{BIO_LABEL}\n{BIO}")]
    assert remove_spans(text, spans) == BODY.strip()


def test_own_authors_bio_is_kept():
    text = f"{BODY}{OWN_BIO}\n"
    assert find_boilerplate(text, authors=["Sergey Radchenko"]) == ([], [])


def test_unlabelled_bio_of_a_stranger_is_removed_when_authors_are_given():
    text = f"{BODY}{OWN_BIO}\n"
    assert removed(text, authors=["Jane Doe"]) == [("contributor bio", OWN_BIO)]


def test_bio_without_authors_is_kept_with_a_warning():
    text = f"{BODY}{OWN_BIO}\n"
    spans, warnings = find_boilerplate(text)
    assert spans == []
    assert any("contributor bio" in warning for warning in warnings)


def test_bio_on_an_unrelated_topic_is_removed_even_without_authors():
    text = f"{BODY}{BIO_LABEL}\n{BIO}\n"
    spans, warnings = find_boilerplate(text)
    assert [s.reason for s in spans] == ["contributor bio"]
    assert any("Health & Wellness" in warning for warning in warnings)


def test_commentary_that_merely_mentions_these_words_is_kept():
    text = (
        "Share prices fell in Moscow.\n"
        "The source of the problem is that nobody trusts the guarantees.\n"
        "Support for Ukraine is waning in Washington, and donations to charities are down.\n"
        "Related questions about sanctions will have to wait.\n"
        "Comments from the Kremlin were dismissive.\n"
        "Subscribe to that view and you will misread the war entirely, as many did.\n"
        "Home is where the front line now runs for millions of Ukrainians.\n"
    )
    spans, _ = find_boilerplate(text)
    assert spans == []
    assert remove_spans(text, spans) == text.strip()


def test_appeal_like_ending_without_appeal_words_is_kept_with_a_warning():
    text = BODY + "Dear readers,\nThis is the last of my columns on the war. Thank you.\n"
    spans, warnings = find_boilerplate(text)
    assert spans == []
    assert any("appeal" in warning for warning in warnings)


def test_inline_mentions_are_kept_and_warned_about():
    text = BODY + "Read the full text and share this article with friends, if you like it.\n"
    spans, warnings = find_boilerplate(text)
    assert spans == []
    assert any("share this" in warning for warning in warnings)


def test_several_kinds_together_sorted_and_non_overlapping():
    text = (
        "Skip to content\nShare This\n\n"
        + BODY
        + "\nAdvertisement\n\n"
        + BODY
        + "\nSource\n\nLeave a Comment\n"
    )
    spans, _ = find_boilerplate(text)
    assert [s.reason for s in spans] == [
        "navigation",
        "share prompt",
        "leftover",
        "leftover",
        "comment prompt",
    ]
    check_offsets(text, spans)
    assert remove_spans(text, spans) == (BODY + "\n" + BODY).strip()


def test_one_word_sentences_are_not_taken_for_navigation():
    text = "What comes after the ceasefire?\nNext.\nClose.\nHome.\n" + BODY
    assert find_boilerplate(text) == ([], [])


def test_end_mark_glued_to_the_last_sentence():
    assert removed("First.\nThe end of the war is not in sight.♦") == [("end mark", "♦")]


def test_commentary_about_support_and_money_at_the_end_is_kept():
    text = BODY + (
        "If you value what the alliance has built, support the Ukrainians now.\n"
        "Western governments should support the Ukrainian budget monthly, with $5 billion "
        "in contributions from Europe and more from the United States.\n"
    )
    spans, _ = find_boilerplate(text)
    assert spans == []


def test_reasons_are_the_documented_ones():
    text = (
        "Skip to content\nShare This\n" + BODY + "Advertisement\nLeave a Comment\n♦\n"
        "Subscribe to our newsletter\n"
    )
    spans, _ = find_boilerplate(text)
    assert {span.reason for span in spans} <= set(REASONS)


def test_remove_spans_tidies_blank_lines_and_trailing_spaces():
    text = "One.  \n\n\n\nTwo.\nCUT\nThree.\n\n\n"
    start = text.index("CUT")
    assert remove_spans(text, [Span(start, start + 3, "leftover", "CUT")]) == (
        "One.\n\nTwo.\nThree."
    )


def test_remove_spans_with_no_spans_only_tidies():
    assert remove_spans("  a  \n\n\n\nb\n", []) == "a\n\nb"
