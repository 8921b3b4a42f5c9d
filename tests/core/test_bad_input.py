"""A researcher will paste anything into a URL: never a 500."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import page_text

pytestmark = pytest.mark.django_db

LISTS = ["/quotes/", "/claims/", "/sources/", "/authors/", "/search/"]


@pytest.mark.parametrize("url", LISTS[:3])
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_after": "notadate"}, "Enter a valid date"),
        ({"date_before": "2025-13-45"}, "Enter a valid date"),
        ({"date_after": "2025-06-01", "date_before": "2025-01-01"}, "before the start date"),
        ({"author": "nobody-at-all"}, "Select a valid choice"),
        ({"theme": "no-such-theme"}, "Select a valid choice"),
        ({"outlet": "nowhere"}, "Select a valid choice"),
        ({"kind": "poem"}, "Select a valid choice"),
        ({"role": "ghost"}, "Select a valid choice"),
        ({"order": "random"}, "Select a valid choice"),
        ({"q": "x" * 5000}, "at most 300 characters"),
        ({"q": "war\x00"}, "Null characters are not allowed"),
        ({"page": "abc"}, "page must be a whole number"),
    ],
)
def test_invalid_values_answer_400_saying_what_is_wrong(client, world, url, params, message):
    response = client.get(url, params)
    assert response.status_code == 400
    assert message in page_text(response)


@pytest.mark.parametrize("url", ["/quotes/", "/sources/"])
def test_a_malformed_position_answers_400(client, world, url):
    for params in ({"after": "yesterday"}, {"before": "2025-05-30.x"}):
        response = client.get(url, params)
        assert response.status_code == 400
        assert "not a valid position" in page_text(response)


@pytest.mark.parametrize("url", LISTS[:4])
def test_a_page_beyond_the_end_is_404(client, world, url):
    assert client.get(url, {"page": "999999"}).status_code == 404
    assert client.get(url, {"page": "0"}).status_code == 404


def test_unknown_parameters_are_ignored(client, world):
    response = client.get("/quotes/", {"utm_source": "x", "fbclid": "y"})
    assert response.status_code == 200
    assert len(response.context["page"]) == 7


def test_everything_echoed_is_escaped(client, world):
    evil = '"><script>alert(1)</script>'
    for url in LISTS:
        body = client.get(url, {"q": evil}).content.decode()
        assert "<script>alert(1)</script>" not in body, url
    body = client.get("/quotes/", {"author": evil}).content.decode()
    assert "<script>alert(1)</script>" not in body


def test_search_page_rejects_null_bytes_and_overlong_queries(client, world):
    assert client.get("/search/", {"q": "\x00"}).status_code == 400
    assert client.get("/search/", {"q": "y" * 5000}).status_code == 400


PARAMS = st.sampled_from(
    [
        "q",
        "author",
        "theme",
        "outlet",
        "kind",
        "role",
        "date_after",
        "date_before",
        "order",
        "page",
        "after",
        "before",
        "junk",
    ]
)
VALUES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "ada-historian",
            "war",
            "talks",
            "the-review",
            "op_ed",
            "interviewee",
            "2025-05-30",
            "newest",
            "relevance",
            "2025-05-30.1",
            "-1",
            "99999999999999999999",
            "0001-01-01",
            "9999-12-31",
            "%00",
            "\x00",
            "'; DROP TABLE quotes_quote; --",
        ]
    ),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(url=st.sampled_from(LISTS), params=st.lists(st.tuples(PARAMS, VALUES), max_size=6))
def test_no_query_string_makes_a_list_fail(client, world, url, params):
    response = client.get(f"{url}?{urlencode(params)}")
    assert response.status_code < 500
