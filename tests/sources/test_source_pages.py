"""Sources and outlets, as the public sees them."""

import pytest

from tests.conftest import page_text

pytestmark = pytest.mark.django_db


def listed(client, **params):
    response = client.get("/sources/", params)
    assert response.status_code == 200
    return [source.slug for source in response.context["page"]]


def test_source_list_newest_first_published_only(client, world):
    assert listed(client) == ["what-might-finish", "what-could-end-the-war", "the-slow-squeeze"]


def test_source_filters(client, world):
    assert listed(client, author="ben-economist") == ["the-slow-squeeze"]
    assert listed(client, author="ada-historian", role="interviewee") == ["what-could-end-the-war"]
    assert listed(client, author="ada-historian", role="author") == []
    assert listed(client, outlet="spun-news") == ["what-might-finish"]
    assert listed(client, kind="republication") == ["what-might-finish"]
    assert listed(client, theme="war") == ["what-could-end-the-war"]
    assert listed(client, date_after="2025-06-01") == ["what-might-finish"]
    assert listed(client, date_before="2024-02-29") == ["the-slow-squeeze"]
    assert listed(client, q="Kremlin budget") == ["the-slow-squeeze"]
    assert listed(client, order="oldest") == [
        "the-slow-squeeze",
        "what-could-end-the-war",
        "what-might-finish",
    ]


def test_source_search_shows_a_highlighted_snippet(client, world):
    body = client.get("/sources/", {"q": "deficit"}).content.decode()
    assert "<mark>deficit</mark>" in body


def test_source_page_shows_people_roles_quotes_in_order_and_claims(client, world):
    response = client.get("/sources/what-could-end-the-war/")
    text = page_text(response)
    assert "Ian Asker (interviewer)" in text and "Ada Historian (interviewee)" in text
    assert "The Review" in text and "30 May 2025" in text
    order = [q.pk for q in response.context["quotes"]]
    assert order == [
        world.q_question.pk,
        world.q_trust.pk,
        world.q_ceasefire.pk,
        world.q_nato.pk,
        world.q_president.pk,
    ]
    assert "Talks fail for lack of trust." in text
    assert "Copies of this source exist elsewhere" in text and "What might finish" in text
    # Quotes with context, not the whole article.
    assert "Is NATO membership still on the table?" not in text


def test_a_copy_says_so_and_links_to_its_original(client, world):
    response = client.get("/sources/what-might-finish/")
    text = page_text(response)
    assert "Paraphrased (reworded; not the author’s words) copy of What could end the war?" in text
    assert "Its wording is not the author’s" in text
    assert 'href="/sources/what-could-end-the-war/"' in response.content.decode()


def test_month_precise_dates_are_shown_as_months(client, world):
    text = page_text(client.get("/sources/the-slow-squeeze/"))
    assert "February 2024" in text and "1 February 2024" not in text


def test_drafts_are_not_public(client, world):
    assert client.get("/sources/unpublished-draft/").status_code == 404
    assert "An unpublished draft" not in page_text(client.get("/outlets/daily-paper/"))


def test_outlet_page(client, world):
    text = page_text(client.get("/outlets/spun-news/"))
    assert "What might finish the conflict?" in text
    assert "republishes other people’s work" in text
