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
