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
