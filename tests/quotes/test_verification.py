"""Every saved quote is checked against its source's stored text; the verdict shows everywhere."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from archive.quotes.models import Quote
from archive.sources import services
from archive.sources.importer import ImportOptions, import_bytes
from tests.conftest import page_text
from tests.factories import AuthorFactory, SourceFactory

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[1] / "sources" / "docs"

TEXT = (
    "The war will end in stages. “We will not give up an inch,” the minister said — "
    "and he meant it.\n\nA ceasefire without guarantees would not last a season, "
    "and everyone at the table knows it."
)


@pytest.fixture
def source(db):
    return SourceFactory(text=TEXT)


def save(source, text, role="author", **extra):
    return Quote.objects.create(
        source=source,
        speaker=extra.pop("speaker", None) or AuthorFactory(),
        speaker_role=role,
        text=text,
        status="published",
        **extra,
    )


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The war will end in stages.", "exact"),
        ('"We will not give up an inch," the minister said - and he meant it.', "normalized"),
        ("The war will end in stages. … A ceasefire without guarantees would not last", "elided"),
        ("A truce without guarantees would not last a season", "fuzzy"),
        ("Peace is at hand, said nobody.", "not_found"),
    ],
)
def test_each_verdict_is_recorded_with_its_anchor_and_checksum(source, text, verdict):
    quote = save(source, text)
    assert quote.verdict == verdict
    assert quote.verified_sha256 == source.text_sha256
    assert quote.verifier_version.startswith("verify-")
    if verdict == "exact":
        assert TEXT[quote.start_offset : quote.end_offset] == text
        assert quote.suffix.startswith(" “We will not")
    if verdict == "normalized":
        assert set(quote.verification["normalizations"]) >= {"quotes", "dashes"}
    if verdict == "fuzzy":
        assert quote.verification["source_wording"].startswith("A ceasefire without guarantees")
        assert {"op": "replace", "quote": "truce", "source": "ceasefire"} in quote.verification[
            "diff"
        ]
        assert not quote.is_verified
    if verdict == "not_found":
        assert quote.start_offset is None


def test_a_quote_without_stored_text_is_unverified(db):
    quote = save(SourceFactory(text=""), "Anything at all.")
    assert quote.verdict == "unverified" and quote.verified_sha256 == ""


def test_changing_the_text_reverifies_the_quotes(source):
    quote = save(source, "The war will end in stages.")
    source.text = TEXT.replace("will end in stages", "will end soon")
    services.save_source(source)
    quote.refresh_from_db()
    assert quote.verdict == "fuzzy"
    assert quote.verified_sha256 == source.text_sha256


def interview():
    result = import_bytes(
        (DOCS / "interview.txt").read_bytes(),
        ImportOptions(authors=[("Ian Asker", "interviewer"), ("Ada Historian", "interviewee")]),
    )
    assert result.ok, result.error
    return result.source


def test_an_interviewers_question_given_to_the_expert_is_flagged(db):
    source = interview()
    expert = source.contributions.get(role="interviewee").author
    asker = source.contributions.get(role="interviewer").author
    wrong = save(source, "Why are guarantees so important to Kyiv?", "interviewee", speaker=expert)
    assert wrong.verdict == "exact" and "in_other_speakers_turn" in wrong.flags
    right = save(source, "Why are guarantees so important to Kyiv?", "interviewer", speaker=asker)
    assert right.flags == []
    answer = save(
        source,
        "Because the memory of the Budapest Memorandum is still fresh.",
        "interviewee",
        speaker=expert,
    )
    assert answer.flags == []


def test_words_from_removed_boilerplate_are_flagged(db):
    result = import_bytes((DOCS / "oped.txt").read_bytes(), ImportOptions())
    quote = save(result.source, "Support independent journalism: donate today")
    assert quote.verdict == "not_found"
    assert "in_removed_boilerplate" in quote.flags
    assert quote.verification["removed_reason"] == "donation appeal"


def test_a_quote_from_a_copy_is_flagged_and_shows_the_originals_wording(db):
    original = interview()
    copy_result = import_bytes((DOCS / "interview_spun.txt").read_bytes(), ImportOptions())
    copy = copy_result.source
    assert copy.copy_of == original
    quote = save(copy, "Why Ceasefires Crumble in Eastern Europe")
    assert quote.verdict == "exact" and "in_copy" in quote.flags
    assert quote.verification["original"]["wording"] == "Why Ceasefires Collapse in Eastern Europe"


def test_check_quote_prints_a_verdict_without_saving(source):
    out = StringIO()
    call_command(
        "check_quote", "--source", source.slug, "A truce without guarantees", "--json", stdout=out
    )
    data = json.loads(out.getvalue())
    assert set(data) >= {
        "verdict",
        "start",
        "end",
        "source_wording",
        "normalizations",
        "diff",
        "flags",
    }
    assert data["verdict"] == "fuzzy" and data["source_wording"] == "A ceasefire without guarantees"
    assert not Quote.objects.exists()
    with pytest.raises(CommandError, match="No source"):
        call_command("check_quote", "--source", "nope", "x")


def test_check_quote_knows_whose_turn_it_is(db):
    source = interview()
    out = StringIO()
    call_command(
        "check_quote",
        "--source",
        source.slug,
        "--speaker",
        "ada-historian",
        "Why are guarantees so important to Kyiv?",
        "--json",
        stdout=out,
    )
    assert json.loads(out.getvalue())["flags"] == ["in_other_speakers_turn"]


def test_verify_quotes_reports_counts_by_verdict(source):
    save(source, "The war will end in stages.")
    save(source, "Peace is at hand, said nobody.")
    Quote.objects.update(verdict="unverified")  # as if the verifier had changed
    out = StringIO()
    call_command("verify_quotes", "--source", source.slug, stdout=out)
    assert "Verified 2 quotes." in out.getvalue()
    assert "exact: 1" in out.getvalue() and "not_found: 1" in out.getvalue()
    assert set(Quote.objects.values_list("verdict", flat=True)) == {"exact", "not_found"}


def test_the_quote_page_explains_the_verdict_and_shows_the_difference(client, source):
    fuzzy = save(source, "A truce without guarantees would not last a season")
    text = page_text(client.get(fuzzy.get_absolute_url()))
    assert "Wording differs" in text and "an editor must check it" in text
    assert (
        "The source actually says: A ceasefire without guarantees would not last a season" in text
    )
    body = client.get(fuzzy.get_absolute_url()).content.decode()
    assert "<del" in body and "<ins" in body
    exact = save(source, "The war will end in stages.")
    assert "character for character" in page_text(client.get(exact.get_absolute_url()))


def test_lists_filter_by_verified(client, source):
    exact = save(source, "The war will end in stages.")
    fuzzy = save(source, "A truce without guarantees would not last a season")
    shown = [q.pk for q in client.get("/quotes/", {"verified": "yes"}).context["page"]]
    assert shown == [exact.pk]
    shown = [q.pk for q in client.get("/quotes/", {"verified": "no"}).context["page"]]
    assert shown == [fuzzy.pk]
    assert client.get("/quotes/", {"verified": "maybe"}).status_code == 400


def test_the_admin_lists_quotes_needing_attention_with_the_diff(editor_client, source):
    save(source, "The war will end in stages.")
    fuzzy = save(source, "A truce without guarantees would not last a season")
    response = editor_client.get(reverse("admin:quotes_quotetoreview_changelist"))
    assert [q.pk for q in response.context["cl"].result_list] == [fuzzy.pk]
    page = editor_client.get(reverse("admin:quotes_quote_change", args=[fuzzy.pk])).content.decode()
    assert "The source says" in page and "<del" in page
    listed = editor_client.get(reverse("admin:quotes_quote_changelist"), {"attention": "yes"})
    assert [q.pk for q in listed.context["cl"].result_list] == [fuzzy.pk]


def test_the_admin_shows_what_cleaning_removed(editor_client, db):
    result = import_bytes((DOCS / "oped.txt").read_bytes(), ImportOptions())
    page = page_text(
        editor_client.get(reverse("admin:sources_source_change", args=[result.source.pk]))
    )
    assert "Removed (donation appeal)" in page and "Removed (share prompt)" in page


def test_saving_a_quote_that_does_not_verify_in_the_admin_warns_the_editor(editor_client, source):
    speaker = AuthorFactory()
    response = editor_client.post(
        reverse("admin:quotes_quote_add"),
        {
            "source": source.pk,
            "speaker": speaker.pk,
            "speaker_role": "quoted",
            "text": "A truce without guarantees would not last a season",
            "status": "draft",
            "said_on_precision": "day",
            "prefix": "",
            "suffix": "",
        },
        follow=True,
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "Wording differs" in text and "an editor must check it" in text
    assert Quote.objects.get().verdict == "fuzzy"
