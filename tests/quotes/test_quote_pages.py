"""The public quote list and quote pages, on real PostgreSQL."""

import pytest
from django.urls import reverse

from tests.conftest import page_text

pytestmark = pytest.mark.django_db

LIST = "/quotes/"


def listed(client, **params):
    """The ids of the quotes a list URL shows, in order."""
    response = client.get(LIST, params)
    assert response.status_code == 200, response.content.decode()[:2000]
    return [quote.pk for quote in response.context["page"]]


def ids(*quotes):
    return [q.pk for q in quotes]


def test_the_list_shows_published_quotes_newest_first(client, world):
    w = world
    assert listed(client) == ids(
        w.q_nato, w.q_ceasefire, w.q_trust, w.q_question, w.q_president, w.q_oil, w.q_sanctions
    )


def test_unpublished_quotes_and_quotes_of_unpublished_sources_are_invisible(client, world):
    shown = listed(client)
    assert world.q_unpublished.pk not in shown
    assert world.q_in_draft_source.pk not in shown
    for hidden in (world.q_unpublished, world.q_in_draft_source):
        assert client.get(hidden.get_absolute_url()).status_code == 404
    assert "Secret words" not in page_text(client.get("/search/", {"q": "secret"}))


def test_filter_by_author(client, world):
    assert listed(client, author="ben-economist") == ids(world.q_oil, world.q_sanctions)


def test_author_is_repeatable(client, world):
    shown = listed(client, author=["ben-economist", "pol-president"])
    assert set(shown) == set(ids(world.q_oil, world.q_sanctions, world.q_president))


def test_a_parent_theme_includes_its_sub_themes(client, world):
    assert set(listed(client, theme="war")) == set(
        ids(world.q_nato, world.q_trust, world.q_ceasefire)
    )
    assert set(listed(client, theme="talks")) == set(ids(world.q_trust, world.q_ceasefire))


def test_theme_is_repeatable_and_a_quote_in_two_matching_themes_shows_once(client, world):
    world.q_trust.themes.add(world.war)
    shown = listed(client, theme=["war", "talks", "economy"])
    assert sorted(shown) == sorted(
        ids(world.q_nato, world.q_trust, world.q_ceasefire, world.q_oil, world.q_sanctions)
    )


def test_the_forms_any_option_is_ignored(client, world):
    # A <select> left at "Any" submits an empty value; it is not an invalid choice.
    shown = listed(client, author=["ben-economist", ""], outlet="", theme="", verified="")
    assert shown == ids(world.q_oil, world.q_sanctions)


def test_filter_by_outlet(client, world):
    assert listed(client, outlet="daily-paper") == ids(world.q_oil, world.q_sanctions)


def test_filter_by_kind_of_source(client, world):
    assert listed(client, kind="op_ed") == ids(world.q_oil, world.q_sanctions)


def test_filter_by_role(client, world):
    assert listed(client, role="interviewer") == ids(world.q_question)
    assert listed(client, role="quoted") == ids(world.q_president)


def test_date_range_is_inclusive_on_the_date_said(client, world):
    # The president's words were said on 1 May 2025, before the interview was published.
    assert listed(client, date_after="2025-05-01", date_before="2025-05-01") == ids(
        world.q_president
    )
    assert listed(client, date_before="2024-12-31") == ids(world.q_oil, world.q_sanctions)
    assert world.q_nato.pk in listed(client, date_after="2025-05-30")


def test_free_text_search_with_stemming_and_web_syntax(client, world):
    assert listed(client, q="guarantee") == ids(world.q_trust, world.q_ceasefire) or set(
        listed(client, q="guarantee")
    ) == set(ids(world.q_trust, world.q_ceasefire))
    assert listed(client, q='"security guarantees"') == ids(world.q_trust)
    assert listed(client, q="guarantees -ceasefire") == ids(world.q_trust)
    assert set(listed(client, q="sanctions or NATO")) == set(ids(world.q_sanctions, world.q_nato))


def test_relevance_ranks_the_better_match_first(client, world):
    from archive.quotes.models import Quote

    Quote.objects.create(
        source=world.interview,
        speaker=world.ada,
        speaker_role="interviewee",
        text="Guarantees, guarantees, guarantees: security guarantees are everything.",
        status="published",
    )
    shown = listed(client, q="guarantees")
    assert client.get(LIST, {"q": "guarantees"}).context["ordering"] == "relevance"
    assert Quote.objects.get(pk=shown[0]).text.startswith("Guarantees, guarantees")


def test_matches_are_highlighted_and_the_text_escaped_first(client, world):
    from archive.quotes.models import Quote

    Quote.objects.create(
        source=world.interview,
        speaker=world.ada,
        speaker_role="interviewee",
        text="<b>Ceasefire</b> & <script>alert(1)</script> talk",
        status="published",
    )
    body = client.get(LIST, {"q": "ceasefire"}).content.decode()
    assert "<mark>ceasefire</mark>" in body
    assert "&lt;b&gt;<mark>Ceasefire</mark>&lt;/b&gt; &amp; &lt;script&gt;" in body
    assert "<script>alert(1)</script>" not in body


def test_filters_combine(client, world):
    shown = listed(
        client,
        author="ada-historian",
        theme="war",
        outlet="the-review",
        kind="interview",
        role="interviewee",
        date_after="2025-01-01",
        date_before="2025-12-31",
        q="guarantees",
    )
    assert set(shown) == set(ids(world.q_trust, world.q_ceasefire))
    assert listed(client, author="ada-historian", outlet="daily-paper") == []


def test_orders(client, world):
    newest = listed(client)
    assert listed(client, order="oldest") == list(reversed(newest))


def test_facet_counts_follow_the_result_set(client, world):
    response = client.get(LIST, {"theme": "war"})
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert [(i.label, i.count) for i in facets["author"].items] == [("Ada Historian", 3)]
    assert {(i.label, i.count) for i in facets["theme"].items} == {("Peace talks", 2), ("War", 1)}
    assert [(i.label, i.count) for i in facets["outlet"].items] == [("The Review", 3)]

    everything = {f.name: f for f in client.get(LIST).context["facets"]}
    assert [(i.label, i.count) for i in everything["year"].items] == [("2024", 2), ("2025", 5)]
    authors = [(i.label, i.count) for i in everything["author"].items]
    assert authors[0] == ("Ada Historian", 3)
    assert ("Ben Economist", 2) in authors and ("Hidden Drafter", 1) not in authors


def test_facet_links_add_the_value_and_keep_the_other_filters(client, world):
    response = client.get(LIST, {"theme": "war", "q": "guarantees"})
    facets = {facet.name: facet for facet in response.context["facets"]}
    link = facets["author"].items[0].url
    assert "theme=war" in link and "q=guarantees" in link and "author=ada-historian" in link
    year = {f.name: f for f in client.get(LIST).context["facets"]}["year"].items[0]
    assert "date_after=2024-01-01" in year.url and "date_before=2024-12-31" in year.url


def test_a_facet_over_its_time_budget_is_left_out_and_the_page_answers(client, world, settings):
    settings.ARCHIVE_FACET_BUDGET_MS = 0
    response = client.get(LIST)
    assert response.status_code == 200
    assert all(facet.omitted for facet in response.context["facets"])
    assert "Not counted" in page_text(response)
    assert len(response.context["page"]) == 7


def test_counts_stop_at_ten_thousand(client, world, monkeypatch):
    from archive.core import listing

    monkeypatch.setattr(listing, "COUNT_CAP", 3)
    response = client.get(LIST)
    assert str(response.context["total"]) == "3+"
    assert "3+ quotes" in page_text(response)


def test_pagination_keeps_the_filters_and_walks_every_row_once(client, world, monkeypatch):
    from archive.quotes.views import QuoteListView

    people = ["ada-historian", "ian-asker", "pol-president"]
    expected = listed(client, author=people, theme="war")
    assert len(expected) == 3
    monkeypatch.setattr(QuoteListView, "paginate_by", 2)
    seen, url = [], f"{LIST}?theme=war&author=ada-historian&author=ian-asker&author=pol-president"
    while url:
        response = client.get(url)
        assert response.status_code == 200
        seen += [q.pk for q in response.context["page"]]
        next_url = response.context["page"].next_url
        if next_url:
            assert "theme=war" in next_url and "author=ian-asker" in next_url
        url = f"{LIST}{next_url}" if next_url else None
    assert seen == expected


def test_keyset_pages_go_back_and_forth(client, world, monkeypatch):
    from archive.quotes.views import QuoteListView

    everything = listed(client)
    monkeypatch.setattr(QuoteListView, "paginate_by", 3)
    first = client.get(LIST)
    second = client.get(LIST + first.context["page"].next_url)
    assert [q.pk for q in second.context["page"]] == everything[3:6]
    back = client.get(LIST + second.context["page"].previous_url)
    assert [q.pk for q in back.context["page"]] == everything[:3]
    assert back.context["page"].previous_url is None
    numbered = client.get(LIST, {"page": 3})
    assert [q.pk for q in numbered.context["page"]] == everything[6:]


def test_quote_page_shows_words_speaker_role_source_context_and_verdict(client, world):
    response = client.get(reverse("quotes:detail", args=[world.q_trust.pk]))
    text = page_text(response)
    assert response.status_code == 200
    assert "Neither side believes the other will keep its word on security guarantees." in text
    assert "Ada Historian" in text and "Interviewee in What could end the war?" in text
    assert "The Review" in text and "30 May 2025" in text
    assert "Why do the talks keep stalling?" in text  # the sentence before, from the stored text
    assert "would not last a season" in text  # the sentence after
    assert "Verbatim" in text and "character for character" in text
    assert "Peace talks" in text and "Talks fail for lack of trust." in text
    others = [q.pk for q in response.context["others"]]
    assert world.q_question.pk in others and world.q_trust.pk not in others
    assert world.q_unpublished.pk not in others


def test_a_politician_quoted_is_shown_as_quoted_by_the_author(client, world):
    text = page_text(client.get(world.q_president.get_absolute_url()))
    assert "Pol President" in text and "Third party quoted by the author" in text
    assert "1 May 2025" in text and "(published 30 May 2025)" in text


def test_unknown_quote_is_404(client, world):
    assert client.get("/quotes/999999/").status_code == 404
