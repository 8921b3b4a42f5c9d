import pytest
from django.test import Client

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """The suite talks plain HTTP to the test client; production redirects to HTTPS."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture
def editor(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture(scope="session", autouse=True)
def _collected_static(django_db_blocker):
    """Pages link static files by their hashed names, which needs ``collectstatic`` once."""
    from django.conf import settings
    from django.core.management import call_command

    if not (settings.STATIC_ROOT / "staticfiles.json").exists():
        call_command("collectstatic", "--no-input", verbosity=0)


@pytest.fixture
def world(db):
    from tests.world import build_world

    return build_world()


def page_text(response) -> str:
    """The visible text of a response, roughly: tags removed, whitespace collapsed."""
    import html
    import re

    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
