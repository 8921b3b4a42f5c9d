"""Query counts per page are constant as data grows: lists and search at most 5 statements,
detail pages at most 3, plus the facets (each in its own savepoint under a time budget)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.quotes.models import Quote
from archive.sources.models import Contribution
from tests.factories import AuthorFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _generous_facet_budget(settings):
    """Counting statements, not time: no facet may be skipped for a slow machine here."""
    settings.ARCHIVE_FACET_BUDGET_MS = 60_000


def split(sql):
    """The page's own statements, and the facets' (the block from the first SAVEPOINT to its
    RELEASE: facets run there, each in its own savepoint under the time budget)."""
    if not any(s.startswith("SAVEPOINT") for s in sql):
        return sql, []
    first = next(i for i, s in enumerate(sql) if s.startswith("SAVEPOINT"))
    outer = sql[first].split()[1]
    last = next(i for i, s in enumerate(sql) if s == f"RELEASE SAVEPOINT {outer}")
    return sql[:first] + sql[last + 1 :], sql[first : last + 1]


def page_queries(client, url):
    client.get(url)  # warm per-process caches (content types, compiled templates)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    sql = [q["sql"] for q in ctx.captured_queries]
    main, facets = split(sql)
    facet_queries = [s for s in facets if s.startswith("SELECT") and "set_config" not in s]
    # At most one sample plus one statement per facet.
    assert len(facet_queries) <= 5, "\n".join(facets)
    return len(main), len(facets), sql


def grow(world, n=30):
    """More of everything: more sources, people, quotes, themes per quote."""
    for i in range(n):
        author = AuthorFactory()
        source = SourceFactory(
            outlet=world.magazine, published_on=datetime.date(2023, 1, 1) + datetime.timedelta(i)
        )
        Contribution.objects.create(source=source, author=author, role="author")
        quote = Quote.objects.create(
            source=source,
            speaker=author,
            speaker_role="author",
            text=f"Security guarantees matter, point {i}.",
            status="published",
        )
        quote.themes.set([world.war, world.talks, world.economy])
        quote.claims.set([world.c_trust, world.c_nato])


LISTS = [
    "/quotes/",
    "/quotes/?q=guarantees",
    "/quotes/?author=ada-historian&theme=war&outlet=the-review&kind=interview&role=interviewee"
    "&date_after=2020-01-01&date_before=2030-01-01&q=guarantees",
    "/quotes/?order=oldest&after=2024-01-01.1",
    "/claims/",
    "/claims/?author=ada-historian&theme=war&outlet=the-review&q=trust",
    "/sources/",
    "/sources/?author=ada-historian&theme=war&outlet=the-review&q=war",
    "/authors/",
    "/authors/?order=quoted",
    "/search/?q=guarantees",
    "/",
]
DETAILS = [
    "/claims/talks-fail/",
    "/sources/what-could-end-the-war/",
    "/authors/ada-historian/",
    "/themes/war/",
    "/outlets/the-review/",
    "/themes/",
]


@pytest.mark.parametrize("url", LISTS)
def test_list_pages_use_at_most_five_statements_whatever_the_data(client, world, url):
    before, _, sql = page_queries(client, url)
    assert before <= 5, "\n".join(sql)
    grow(world)
    after, _, sql = page_queries(client, url)
    assert after == before, "\n".join(sql)


@pytest.mark.parametrize("url", DETAILS)
def test_detail_pages_use_at_most_three_statements_whatever_the_data(client, world, url):
    before, _, sql = page_queries(client, url)
    assert before <= 3, "\n".join(sql)
    grow(world)
    after, _, sql = page_queries(client, url)
    assert after == before, "\n".join(sql)


def test_quote_page_query_count(client, world):
    url = world.q_trust.get_absolute_url()
    before, _, sql = page_queries(client, url)
    assert before <= 3, "\n".join(sql)
    grow(world)
    for i in range(10):
        Quote.objects.create(
            source=world.interview,
            speaker=world.ada,
            speaker_role="interviewee",
            text=f"More words {i}.",
            status="published",
        ).themes.set([world.war])
    assert page_queries(client, url)[0] == before
