"""Anonymous pages are cacheable: no cookie, no Vary: Cookie, explicit Cache-Control, 304s."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/quotes/",
    "/quotes/?q=guarantees&theme=war",
    "/claims/",
    "/claims/talks-fail/",
    "/sources/",
    "/sources/what-could-end-the-war/",
    "/authors/",
    "/authors/ada-historian/",
    "/themes/",
    "/themes/war/",
    "/outlets/the-review/",
    "/search/?q=nato",
]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_pages_are_cacheable(client, world, url):
    if "{" in url:
        url = url.format(**world.objects)
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert response.has_header("ETag")
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_quote_page_is_cacheable(client, world):
    response = client.get(world.q_trust.get_absolute_url())
    assert not response.cookies and "public" in response["Cache-Control"]
    assert (
        client.get(
            world.q_trust.get_absolute_url(), HTTP_IF_NONE_MATCH=response["ETag"]
        ).status_code
        == 304
    )


def test_error_pages_also_say_how_long_to_cache(client, world):
    response = client.get("/quotes/", {"date_after": "x"})
    assert response.status_code == 400 and "max-age=60" in response["Cache-Control"]
