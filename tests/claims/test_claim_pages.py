"""Claims and themes, as the public sees them."""

import pytest

from tests.conftest import page_text

pytestmark = pytest.mark.django_db


def listed(client, **params):
    response = client.get("/claims/", params)
    assert response.status_code == 200
    return {claim.slug for claim in response.context["page"]}


def test_claim_list_shows_published_claims_only(client, world):
    assert listed(client) == {"talks-fail", "no-nato", "sanctions-work"}
    assert client.get("/claims/draft-claim/").status_code == 404


def test_claims_filter_by_who_argues_them_and_where(client, world):
    assert listed(client, author="ben-economist") == {"sanctions-work"}
    assert listed(client, outlet="the-review") == {"talks-fail", "no-nato"}
    assert listed(client, kind="op_ed") == {"sanctions-work"}
    assert listed(client, role="interviewee") == {"talks-fail", "no-nato"}
    assert listed(client, role="interviewer") == set()
    assert listed(client, date_before="2024-12-31") == {"sanctions-work"}


def test_claims_filter_by_theme_including_sub_themes(client, world):
    assert listed(client, theme="war") == {"talks-fail", "no-nato"}
    assert listed(client, theme="talks") == {"talks-fail"}


def test_claims_search_their_statements(client, world):
    assert listed(client, q="trust") == {"talks-fail"}


def test_evidence_filters_hold_for_one_and_the_same_quote(client, world):
    # Ada argues talks-fail in The Review; nobody argues it in the Daily Paper.
    assert listed(client, author="ada-historian", outlet="daily-paper") == set()


def test_claim_facets_count_claims(client, world):
    facets = {f.name: f for f in client.get("/claims/").context["facets"]}
    assert {(i.label, i.count) for i in facets["author"].items} == {
        ("Ada Historian", 2),
        ("Ben Economist", 1),
    }
    assert [(i.label, i.count) for i in facets["year"].items] == [("2024", 1), ("2025", 2)]


def test_claim_page_shows_evidence_in_date_order_who_argues_it_and_relations(client, world):
    world.q_sanctions.claims.add(world.c_trust)
    response = client.get("/claims/talks-fail/")
    text = page_text(response)
    assert response.status_code == 200
    assert "Talks fail for lack of trust." in text
    assert [q.pk for q in response.context["quotes"]] == [world.q_sanctions.pk, world.q_trust.pk]
    assert "Ada Historian (1)" in text and "Ben Economist (1)" in text
    assert "This claim supports" in text and "NATO membership is not on offer." in text
    assert "Peace talks" in text
    other = page_text(client.get("/claims/no-nato/"))
    assert "Supports this claim" in other and "Talks fail for lack of trust." in other


def test_theme_pages(client, world):
    text = page_text(client.get("/themes/"))
    assert "War" in text and "Peace talks" in text and "Economy" in text
    response = client.get("/themes/war/")
    text = page_text(response)
    assert "Peace talks" in text  # a sub-theme
    assert "NATO membership is not on offer." in text
    shown = {q.pk for q in response.context["quotes"]}
    assert shown == {world.q_nato.pk, world.q_trust.pk, world.q_ceasefire.pk}
    assert response.context["top_authors"][0]["name"] == "Ada Historian"
    assert client.get("/themes/nope/").status_code == 404
