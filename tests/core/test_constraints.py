"""Integrity the database itself enforces: a violating write fails in PostgreSQL, whatever the
code path (admin, import, a raw UPDATE)."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from archive.authors.models import Affiliation, Author
from archive.claims.models import ClaimRelation, Theme
from archive.quotes.models import Quote
from archive.sources.models import Contribution, Source
from tests.factories import (
    AffiliationFactory,
    AuthorFactory,
    ClaimFactory,
    ClaimRelationFactory,
    ContributionFactory,
    QuoteFactory,
    SourceFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def violates(constraint_name, write):
    with pytest.raises(IntegrityError) as excinfo, transaction.atomic():
        write()
    assert constraint_name in str(excinfo.value)


def test_a_source_is_never_a_copy_of_itself():
    source = SourceFactory()
    violates(
        "source_not_copy_of_itself",
        lambda: Source.objects.filter(pk=source.pk).update(copy_of=source, copy_kind="syndicated"),
    )


def test_a_copy_always_says_what_kind_of_copy_and_only_a_copy_does():
    original, copy = SourceFactory(), SourceFactory()
    violates(
        "source_copy_kind_iff_copy_of",
        lambda: Source.objects.filter(pk=copy.pk).update(copy_of=original),
    )
    violates(
        "source_copy_kind_iff_copy_of",
        lambda: Source.objects.filter(pk=copy.pk).update(copy_kind="paraphrased"),
    )
    Source.objects.filter(pk=copy.pk).update(copy_of=original, copy_kind="paraphrased")


def test_copy_score_is_between_zero_and_one():
    original, copy = SourceFactory(), SourceFactory()
    violates(
        "source_copy_score_range",
        lambda: Source.objects.filter(pk=copy.pk).update(
            copy_of=original, copy_kind="paraphrased", copy_score=1.5
        ),
    )


def test_stored_text_always_carries_its_sha256():
    source = SourceFactory()
    violates(
        "source_text_sha256_present",
        lambda: Source.objects.filter(pk=source.pk).update(text="Words.", text_sha256=""),
    )
    source.text = "Words."
    source.save()
    source.refresh_from_db()
    assert source.text_sha256 == Source.compute_sha256("Words.")


def test_a_month_precise_date_is_stored_as_the_first_of_the_month():
    source = SourceFactory()
    violates(
        "source_date_matches_precision",
        lambda: Source.objects.filter(pk=source.pk).update(
            published_on=datetime.date(2025, 5, 30), date_precision="month"
        ),
    )
    Source.objects.filter(pk=source.pk).update(
        published_on=datetime.date(2025, 5, 1), date_precision="month"
    )
    violates(
        "source_date_matches_precision",
        lambda: Source.objects.filter(pk=source.pk).update(date_precision="year"),
    )


def test_one_contribution_per_author_role_and_source():
    contribution = ContributionFactory(role=Contribution.Role.INTERVIEWER)
    violates(
        "contribution_unique_author_role",
        lambda: Contribution.objects.create(
            source=contribution.source, author=contribution.author, role="interviewer"
        ),
    )
    # The same person in another role of the same source is fine.
    Contribution.objects.create(
        source=contribution.source, author=contribution.author, role="author"
    )


def test_quote_offsets_are_ordered_and_come_in_pairs():
    quote = QuoteFactory()
    violates(
        "quote_offsets_ordered",
        lambda: Quote.objects.filter(pk=quote.pk).update(start_offset=10, end_offset=5),
    )
    violates(
        "quote_offsets_ordered",
        lambda: Quote.objects.filter(pk=quote.pk).update(start_offset=10, end_offset=10),
    )
    violates(
        "quote_offsets_ordered",
        lambda: Quote.objects.filter(pk=quote.pk).update(start_offset=10, end_offset=None),
    )


def test_a_quote_has_words():
    quote = QuoteFactory()
    violates("quote_text_not_blank", lambda: Quote.objects.filter(pk=quote.pk).update(text=""))


def test_verified_hash_is_a_sha256():
    quote = QuoteFactory()
    violates(
        "quote_verified_sha256_format",
        lambda: Quote.objects.filter(pk=quote.pk).update(verified_sha256="not-a-hash"),
    )


def test_a_theme_is_not_its_own_parent():
    theme = ThemeFactory()
    violates("theme_not_own_parent", lambda: Theme.objects.filter(pk=theme.pk).update(parent=theme))


def test_a_claim_does_not_relate_to_itself_and_relations_are_unique():
    claim, other = ClaimFactory(), ClaimFactory()
    violates(
        "claim_relation_not_to_itself",
        lambda: ClaimRelation.objects.create(from_claim=claim, to_claim=claim, kind="supports"),
    )
    ClaimRelationFactory(from_claim=claim, to_claim=other, kind="supports")
    violates(
        "claim_relation_unique",
        lambda: ClaimRelation.objects.create(from_claim=claim, to_claim=other, kind="supports"),
    )


def test_affiliation_ends_after_it_starts():
    affiliation = AffiliationFactory(start_date=datetime.date(2020, 1, 1))
    violates(
        "affiliation_dates_ordered",
        lambda: Affiliation.objects.filter(pk=affiliation.pk).update(
            end_date=datetime.date(2019, 1, 1)
        ),
    )


def test_author_identifiers_are_well_formed():
    author = AuthorFactory()
    violates(
        "author_wikidata_qid_format",
        lambda: Author.objects.filter(pk=author.pk).update(wikidata_qid="12345"),
    )
    violates(
        "author_orcid_format",
        lambda: Author.objects.filter(pk=author.pk).update(orcid="0000-0002"),
    )
    Author.objects.filter(pk=author.pk).update(wikidata_qid="Q42", orcid="0000-0002-1825-0097")


def test_slugs_are_unique():
    source = SourceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(slug=source.slug)
