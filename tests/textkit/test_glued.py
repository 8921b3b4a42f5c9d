"""repair_glued_words: glue left by stripped links is repaired; real words never split."""

import pytest

from archive.textkit.glued import Repair, repair_glued_words

GLUED = [
    ("acoupleofarticlesinForeign", "a couple of articles in Foreign"),
    ("Affairsover", "Affairs over"),
    ("inNATOwithout", "in NATO without"),
    ("ofNATO", "of NATO"),
    ("theUkrainians", "the Ukrainians"),
    ("ofUkraine", "of Ukraine"),
    ("youtweetrecently", "you tweet recently"),
    ("TheWall", "The Wall"),
    ("Journalhad", "Journal had"),
    ("apiecethis", "a piece this"),
    ("wascalled", "was called"),
    ("thecountry", "the country"),
    ("withRadchenko", "with Radchenko"),
    ("intheKremlin", "in the Kremlin"),
    ("byTrump", "by Trump"),
    ("theEU", "the EU"),
    ("anIPO", "an IPO"),
]

PUNCTUATION_GLUED = [
    ("I thought,Oh, he wants.So", "I thought, Oh, he wants. So"),
    ("not credible.Where the", "not credible. Where the"),
    ("is this:“The lack", "is this: “The lack"),
    ("an impediment.”What I", "an impediment.” What I"),
    ("pieces wascalled“The Talks”", "pieces was called “The Talks”"),
]

MUST_STAY = str.split(
    """
understanding nevertheless counteroffensive Zelensky Zelenskyy Radchenko Kissinger
denuclearization McDonald McConnell MacArthur iPhone iPad eBay YouTube PowerPoint LinkedIn
JavaScript DeSantis BlackRock WhatsApp PayPal LaGuardia DiCaprio InDesign Foreign
notwithstanding therapist Brexit together nowhere altogether whatsoever inasmuch insofar
counterthreats counterproposals reexamining nonnegotiable multipoint postwar blowup Charap
Witkoff Byman Theroux Orban Macron Kallas Zaporizhzhia Avdiivka Bakhmut Pokrovsk Surovikin
Nabiullina Kremlinology Putinversteher Trumpworld friendshoring geoeconomics minilateralism
saberrattling handwringing dealmaking reinvaded Finlandisation NATOs CEOs mRNA ATACMS
Robertina Reynoldson Bellisan Freshour Grabher parenthesize formatters hashers
"""
)

MUST_STAY_TOKENS = [
    "https://www.example.com/inNATOwithout",
    "www.foreignaffairs.com/articles/theUkrainians",
    "editor@newyorker.com",
    "someone@inNATOwithout.org",
    "#inNATOwithout",
    "@theUkrainians",
    "2025",
    "2022thecountry",
    "fast-forward",
    "long-standing",
    "well-orchestrated",
    "collective-security",
    "inNATO-style",
    "don’t",
    "Putin’s",
    "U.S.",
    "e.g.",
    "i.e.,",
    "Node.js",
    "NATO",
    "UNESCO",
]


@pytest.mark.parametrize(("glued", "fixed"), GLUED)
def test_glued_words_are_split(glued, fixed):
    text, repairs = repair_glued_words(f"He said {glued} today.")
    assert text == f"He said {fixed} today."
    assert repairs == [Repair(8, 8 + len(glued), glued, fixed)]


@pytest.mark.parametrize(("glued", "fixed"), PUNCTUATION_GLUED)
def test_punctuation_glue_is_spaced(glued, fixed):
    assert repair_glued_words(glued)[0] == fixed


def test_at_least_twelve_glued_cases():
    assert len(GLUED) >= 12


@pytest.mark.parametrize("word", MUST_STAY)
def test_real_words_and_names_are_never_split(word):
    assert repair_glued_words(word) == (word, [])


def test_must_stay_list_is_long():
    assert len(MUST_STAY) >= 40


@pytest.mark.parametrize("token", MUST_STAY_TOKENS)
def test_urls_emails_hashtags_numbers_hyphens_are_left_alone(token):
    assert repair_glued_words(f"See {token} now") == (f"See {token} now", [])


def test_repairs_keep_offsets_into_the_input_and_leave_the_rest_alone():
    text = "Radchenko published acoupleofarticlesinForeign Affairsover the years; inNATOwithout."
    fixed, repairs = repair_glued_words(text)
    assert fixed == (
        "Radchenko published a couple of articles in Foreign Affairs over the years; "
        "in NATO without."
    )
    assert [r.original for r in repairs] == [
        "acoupleofarticlesinForeign",
        "Affairsover",
        "inNATOwithout",
    ]
    for repair in repairs:
        assert text[repair.start : repair.end] == repair.original


def test_possessive_after_glue():
    assert repair_glued_words("inZelensky’s office")[0] == "in Zelensky’s office"


def test_outer_punctuation_is_not_part_of_the_repair():
    _, repairs = repair_glued_words("(theUkrainians),")
    assert [(r.original, r.replacement) for r in repairs] == [("theUkrainians", "the Ukrainians")]


def test_clean_prose_is_untouched():
    prose = (
        "Trump rolled into office with the expectation that he would be able to put an end "
        "to this war in no time. I think he ignored the complexity of the conflict—people, "
        "in particular, like Steve Witkoff—don’t seem to have the necessary experience."
    )
    assert repair_glued_words(prose) == (prose, [])
