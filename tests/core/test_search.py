"""``/search/?q=`` across quotes, claims, sources and people; and the home page."""

import pytest

from tests.conftest import page_text

pytestmark = pytest.mark.django_db


def test_search_finds_each_kind_of_thing(client, world):
    response = client.get("/search/", {"q": "sanctions"})
    assert response.status_code == 200
    assert [q.pk for q in response.context["quotes"]] == [world.q_sanctions.pk]
    assert [c.slug for c in response.context["claims"]] == ["sanctions-work"]
    assert [s.slug for s in response.context["sources"]] == ["the-slow-squeeze"]
    people = client.get("/search/", {"q": "Economist"}).context["authors"]
    assert [a.slug for a in people] == ["ben-economist"]


def test_search_highlights_and_escapes(client, world):
    body = client.get("/search/", {"q": "sanctions"}).content.decode()
    assert "<mark>Sanctions</mark>" in body
    body = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_search_uses_web_search_syntax_safely(client, world):
    for q in ["NATO & | !", "'", "a:*", '"unclosed', "(((", "!!", "-", "or or"]:
        assert client.get("/search/", {"q": q}).status_code == 200, q


def test_empty_search_shows_the_form(client, world):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Search quotes, claims, sources and people" in page_text(response)


def test_home_page_has_search_latest_sources_themes_people_and_counts(client, world):
    response = client.get("/")
    text = page_text(response)
    assert 'action="/search/"' in response.content.decode()
    assert "What could end the war?" in text and "An unpublished draft" not in text
    assert "War" in text and "Economy" in text
    assert [a.name for a in response.context["top_authors"]][:2] == [
        "Ada Historian",
        "Ben Economist",
    ]
    assert "7 quotes from 3 sources" in text
    assert "7 found word for word in the stored text of their source." in text


def test_not_found_page_is_friendly(client, world):
    response = client.get("/claims/no-such-claim/")
    assert response.status_code == 404
    assert "There is no such page" in page_text(response)
