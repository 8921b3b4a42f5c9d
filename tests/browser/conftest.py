"""Fixtures for the browser tests: headless Debian Chromium driven by Playwright.

The tests skip when ``/usr/bin/chromium`` is absent; Playwright never downloads a browser here.
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM would refuse to run beside
# it ("You cannot call this from an async context") although every call here is synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 15_000


class _DjangoServesStatic:
    """A pass-through "static handler" for the live server.

    Pages link stylesheets by their hashed, collected names (``css/site.<hash>.css``), which the
    default static handler cannot find with the finders; passing every request to Django lets
    WhiteNoise serve them from ``STATIC_ROOT``, exactly as in production.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        return self.application(environ, start_response)


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, on plain HTTP, serving the collected static files.

    The server thread builds its middleware once, as it starts, before any test's ``settings``
    fixture runs: ``SecurityMiddleware`` would keep the production ``SECURE_SSL_REDIRECT`` and send
    Chromium to https://localhost. So the server starts with plain HTTP settings, which its
    middleware keeps for the session.
    """
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = _DjangoServesStatic
    with override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=0):
        server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(
            "Browser tests need /usr/bin/chromium: install Debian's chromium package: "
            "apt-get install chromium"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield browser
        browser.close()


def _new_page(browser, viewport, **extra):
    context = browser.new_context(viewport=viewport, locale="en-GB", **extra)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser):
    context, page = _new_page(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context, page = _new_page(browser, PHONE, is_mobile=True, has_touch=True)
    yield page
    context.close()


@pytest.fixture
def shot(request):
    """``shot(page, "step")`` saves a full-page PNG in test-artifacts/browser/<test>--<step>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    test_name = re.sub(r"[^\w-]+", "_", request.node.name)

    def save(page, step):
        path = ARTIFACTS / f"{test_name}--{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
