"""People pages: who they are, what they said, over time."""

import datetime

import pytest

from archive.authors.models import Affiliation
from tests.conftest import page_text

pytestmark = pytest.mark.django_db


def test_author_list_shows_people_with_published_work_only(client, world):
    response = client.get("/authors/")
    names = [a.name for a in response.context["page"]]
    assert names == ["Ian Asker", "Ben Economist", "Ada Historian", "Pol President"]
    assert "Hidden Drafter" not in page_text(response)
    assert client.get("/authors/hidden/").status_code == 404


def test_author_list_most_quoted_and_search(client, world):
    response = client.get("/authors/", {"order": "quoted"})
    assert [a.name for a in response.context["page"]][0] == "Ada Historian"
    response = client.get("/authors/", {"q": "economist"})
    assert [a.name for a in response.context["page"]] == ["Ben Economist"]


def test_author_page(client, world):
    Affiliation.objects.create(
        author=world.ada,
        organisation="Example University",
        title="Professor",
        start_date=datetime.date(2019, 1, 1),
    )
    response = client.get("/authors/ada-historian/")
    text = page_text(response)
    assert "Ada Historian" in text and "Professor of history" in text
    assert "Professor, Example University" in text
    assert "What could end the war?" in text  # the source they were interviewed in
    assert "Talks fail for lack of trust." in text and "NATO membership is not on offer." in text
    assert [(t["theme__name"], t["n"]) for t in response.context["themes"]] == [
        ("Peace talks", 2),
        ("War", 1),
    ]
    assert "May 2025" in text  # the month heading of their commentary over time
    assert world.q_unpublished.pk not in {q.pk for q in response.context["quotes"]}


def test_a_politician_quoted_has_a_page_without_sources(client, world):
    text = page_text(client.get("/authors/pol-president/"))
    assert "We will fight on until the end." in text
    assert "they are quoted by others" in text
