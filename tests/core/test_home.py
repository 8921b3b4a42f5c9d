"""The home page lists the published sources with their people and dates."""

import datetime

import pytest
from django.urls import reverse

from archive.core.models import Status
from archive.sources.models import Source
from tests.factories import ContributionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_home_lists_published_sources_with_authors_and_dates(client):
    contribution = ContributionFactory(
        source__title="What the war taught us", source__published_on=datetime.date(2025, 5, 30)
    )
    SourceFactory(title="A draft nobody may see", status=Status.DRAFT)
    SourceFactory(title="A withdrawn piece", status=Status.WITHDRAWN)

    response = client.get(reverse("home"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "What the war taught us" in page
    assert contribution.author.name in page
    assert "30 May 2025" in page
    assert "A draft nobody may see" not in page
    assert "A withdrawn piece" not in page
    assert reverse("admin:index") in page


def test_a_copy_is_labelled_as_such_on_the_home_page(client):
    original = SourceFactory(title="The original interview")
    SourceFactory(
        title="A reworded copy",
        copy_of=original,
        copy_kind=Source.CopyKind.PARAPHRASED,
        kind=Source.Kind.REPUBLICATION,
    )
    page = client.get(reverse("home")).content.decode()
    assert "A reworded copy" in page
    assert "Its wording is not the author’s" in page


def test_home_query_count_does_not_grow_with_the_sources(client, django_assert_max_num_queries):
    for _ in range(3):
        ContributionFactory()
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("home"))
    for _ in range(20):
        ContributionFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("home"))


def test_home_does_not_claim_quotes_are_verified_when_they_are_not(client):
    source = SourceFactory(text="")  # no stored text: nothing can be checked
    from archive.quotes.models import Quote

    Quote.objects.create(
        source=source,
        speaker=ContributionFactory(source=source).author,
        speaker_role="author",
        text="Words we cannot check yet.",
        status="published",
    )
    text = " ".join(client.get(reverse("home")).content.decode().split())
    assert "1 quote from 1 source" in text
    assert "0 found word for word in the stored text of their source, the others marked" in text
