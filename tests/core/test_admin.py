"""The editors' admin: every page answers, and a source can be curated in one form."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from archive.core.models import Status
from archive.quotes.models import Quote, QuoteToReview
from archive.sources.models import Contribution, Source
from tests.factories import (
    AffiliationFactory,
    AuthorFactory,
    ClaimFactory,
    ClaimRelationFactory,
    ContributionFactory,
    OutletFactory,
    QuoteFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.fixture
def one_of_everything():
    contribution = ContributionFactory()
    QuoteFactory(source=contribution.source, speaker=contribution.author, speaker_role="author")
    AffiliationFactory(author=contribution.author)
    ClaimRelationFactory()
    ThemeFactory(parent=ThemeFactory())
    Group.objects.create(name="Editors")


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_changelist_add_search_and_change_pages_answer(editor_client, one_of_everything, model):
    assert editor_client.get(admin_url(model, "changelist")).status_code == 200
    response = editor_client.get(admin_url(model, "changelist"), {"q": "war <script>"})
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"</head>")[1]
    assert editor_client.get(admin_url(model, "add")).status_code == 200
    obj = model.objects.first()
    if model is QuoteToReview:  # only quotes that need an editor are listed there
        quote = Quote.objects.first()
        obj = Quote.objects.create(
            source=quote.source, speaker=quote.speaker, speaker_role="quoted", text="Never said."
        )
        assert obj.verdict in ("not_found", "unverified")
        obj.verification = {"flags": ["ambiguous"]}
        Quote.objects.filter(pk=obj.pk).update(verdict="not_found", verification=obj.verification)
    assert editor_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_admin_requires_a_login(client):
    response = client.get(reverse("admin:sources_source_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_changelist_filters_and_date_hierarchy(editor_client, one_of_everything):
    url = admin_url(Source, "changelist")
    for params in ({"status__exact": "published"}, {"published_on__year": "2025"}):
        assert editor_client.get(url, params).status_code == 200
    assert (
        editor_client.get(admin_url(Quote, "changelist"), {"verdict": "exact"}).status_code == 200
    )


def formset(prefix, rows, initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


def source_form(outlet, **overrides):
    data = {
        "title": "Why Talks Fail",
        "slug": "why-talks-fail",
        "outlet": outlet.pk,
        "kind": "interview",
        "status": "published",
        "published_on": "2025-05-30",
        "date_precision": "day",
        "language": "en",
        "text": "What has his return told us?\nI don’t think we have learned all that much.",
    }
    data.update(overrides)
    return data


def test_an_editor_adds_a_source_with_its_people_and_quotes_in_one_form(editor_client):
    outlet, expert, interviewer = OutletFactory(), AuthorFactory(), AuthorFactory()
    theme, claim = ThemeFactory(), ClaimFactory()
    data = source_form(outlet)
    data |= formset(
        "contributions",
        [
            {"author": interviewer.pk, "role": "interviewer", "order": 1, "attribution": "byline"},
            {"author": expert.pk, "role": "interviewee", "order": 2, "attribution": "byline"},
        ],
    )
    data |= formset(
        "quotes",
        [
            {
                "speaker": expert.pk,
                "speaker_role": "interviewee",
                "status": "published",
                "text": "I don’t think we have learned all that much.",
                "said_on_precision": "day",
                "themes": [theme.pk],
                "claims": [claim.pk],
            },
            {
                "speaker": interviewer.pk,
                "speaker_role": "interviewer",
                "status": "published",
                "text": "What has his return told us?",
                "said_on_precision": "day",
            },
        ],
    )
    response = editor_client.post(admin_url(Source, "add"), data)
    assert response.status_code == 302, response.context["errors"]

    source = Source.objects.get(slug="why-talks-fail")
    assert source.text_sha256 == Source.compute_sha256(source.text)
    assert set(source.contributions.values_list("author", "role")) == {
        (interviewer.pk, "interviewer"),
        (expert.pk, "interviewee"),
    }
    answer = source.quotes.get(speaker=expert)
    assert answer.verdict == Quote.Verdict.EXACT
    assert source.text[answer.start_offset : answer.end_offset] == answer.text
    assert str(answer.said_on) == "2025-05-30"  # the date said defaults to the source's date
    assert list(answer.themes.all()) == [theme]
    assert list(answer.claims.all()) == [claim]


def test_a_quote_cannot_be_given_to_someone_not_credited_in_that_role(editor_client):
    outlet, expert, interviewer = OutletFactory(), AuthorFactory(), AuthorFactory()
    data = source_form(outlet)
    data |= formset(
        "contributions",
        [{"author": interviewer.pk, "role": "interviewer", "order": 1, "attribution": "byline"}],
    )
    data |= formset(
        "quotes",
        [
            {
                # The interviewer's question, wrongly given to the expert as an interviewee.
                "speaker": expert.pk,
                "speaker_role": "interviewee",
                "status": "published",
                "text": "What has his return told us?",
                "said_on_precision": "day",
            }
        ],
    )
    response = editor_client.post(admin_url(Source, "add"), data)
    assert response.status_code == 200
    assert "is not credited as interviewee" in response.content.decode()
    assert not Source.objects.filter(slug="why-talks-fail").exists()


def test_quote_admin_checks_the_speaker_against_saved_contributions(editor_client):
    contribution = ContributionFactory(role=Contribution.Role.INTERVIEWER)
    stranger = AuthorFactory()
    data = {
        "source": contribution.source.pk,
        "speaker": stranger.pk,
        "speaker_role": "interviewer",
        "text": "A question.",
        "status": "draft",
        "said_on_precision": "day",
    }
    response = editor_client.post(admin_url(Quote, "add"), data)
    assert response.status_code == 200
    assert "is not credited as interviewer" in response.content.decode()
    data["speaker"] = contribution.author.pk
    assert editor_client.post(admin_url(Quote, "add"), data).status_code == 302


def test_publishing_actions_change_status(editor_client):
    quote = QuoteFactory(status=Status.DRAFT)
    response = editor_client.post(
        admin_url(Quote, "changelist"), {"action": "publish", "_selected_action": [quote.pk]}
    )
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.status == Status.PUBLISHED


def test_a_theme_cannot_become_its_own_ancestor(editor_client):
    from archive.claims.models import Theme

    war = Theme.objects.create(name="War", slug="war")
    talks = Theme.objects.create(name="Talks", slug="talks", parent=war)
    response = editor_client.post(
        admin_url(Theme, "change", war.pk),
        {"name": "War", "slug": "war", "description": "", "parent": talks.pk},
    )
    assert response.status_code == 200
    assert "its own ancestor" in response.content.decode()
    war.refresh_from_db()
    assert war.parent is None
