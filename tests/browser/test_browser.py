"""The public site in a real browser: headless Debian Chromium, driven by Playwright.

Each test builds its own small archive, serves it with pytest-django's ``live_server`` and walks
through it as a reader would: searching from the home page, filtering the quote list through its
form, opening a quote, on a desktop and on a phone, with the mouse and with the keyboard.
Screenshots of every step land in ``test-artifacts/browser/`` (git-ignored).
"""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from archive.core.models import Status
from archive.quotes.models import Quote
from archive.sources.models import Source
from tests.factories import (
    AuthorFactory,
    ContributionFactory,
    OutletFactory,
    SourceFactory,
    ThemeFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INTERVIEW = (
    "Where do things stand?\n\n"
    "A ceasefire now would freeze the front line where it is. "
    "Sanctions bite slowly, but they bite.\n"
)
ESSAY = (
    "An armistice is not a peace treaty, and nobody in the region mistakes one for the other. "
    "Every truce since 1953 teaches the same lesson: guarantees matter more than maps.\n"
)
COSTS = (
    "A ceasefire that nobody enforces is only a pause for rearmament. "
    "The oil price cap has leaked like a sieve.\n"
)
SUMMIT = "The summit produced a ceasefire on paper and nothing else.\n"


def make_source(title, slug, kind, published_on, text, outlet):
    return SourceFactory(
        title=title,
        slug=slug,
        kind=kind,
        published_on=published_on,
        text=text,
        outlet=outlet,
        status=Status.PUBLISHED,
    )


def make_quote(source, speaker, role, text, *themes, said_on=None):
    assert text in source.text, "a quote must be copied from its source"
    quote = Quote.objects.create(
        source=source,
        speaker=speaker,
        speaker_role=role,
        text=text,
        status=Status.PUBLISHED,
        said_on=said_on,  # None: the source's date
    )
    quote.themes.set(themes)
    return quote


def build_archive():
    """Two people, two themes, four sources and seven quotes said on six different dates.

    Alice's ceasefire quotes fall before, inside (twice) and after the range 2024-06-01..2025-03-31;
    Bruno's are inside it; so an author, a theme and a date range each exclude something.
    """
    outlet = OutletFactory(name="The Quarterly", slug="the-quarterly")
    alice = AuthorFactory(name="Alice Archer", sort_name="Archer, Alice", slug="alice-archer")
    bruno = AuthorFactory(
        name="Bruno Castellan", sort_name="Castellan, Bruno", slug="bruno-castellan"
    )
    ceasefire = ThemeFactory(name="Ceasefire", slug="ceasefire")
    sanctions = ThemeFactory(name="Sanctions", slug="sanctions")

    interview = make_source(
        "Talking to Alice Archer",
        "talking-to-alice-archer",
        Source.Kind.INTERVIEW,
        datetime.date(2024, 3, 15),
        INTERVIEW,
        outlet,
    )
    ContributionFactory(source=interview, author=alice, role="interviewee")
    essay = make_source(
        "The long armistice",
        "the-long-armistice",
        Source.Kind.ESSAY,
        datetime.date(2024, 9, 10),
        ESSAY,
        outlet,
    )
    ContributionFactory(source=essay, author=alice, role="author")
    costs = make_source(
        "Counting the cost",
        "counting-the-cost",
        Source.Kind.ESSAY,
        datetime.date(2025, 2, 20),
        COSTS,
        outlet,
    )
    ContributionFactory(source=costs, author=bruno, role="author")
    summit = make_source(
        "After the summit",
        "after-the-summit",
        Source.Kind.OP_ED,
        datetime.date(2025, 6, 1),
        SUMMIT,
        outlet,
    )
    ContributionFactory(source=summit, author=alice, role="author")

    quotes = {
        "early": make_quote(
            interview,
            alice,
            "interviewee",
            "A ceasefire now would freeze the front line where it is.",
            ceasefire,
        ),
        "alice_sanctions": make_quote(
            interview, alice, "interviewee", "Sanctions bite slowly, but they bite.", sanctions
        ),
        "armistice": make_quote(
            essay,
            alice,
            "author",
            "An armistice is not a peace treaty, and nobody in the region mistakes one for the "
            "other.",
            ceasefire,
        ),
        "truce": make_quote(
            essay,
            alice,
            "author",
            "Every truce since 1953 teaches the same lesson: guarantees matter more than maps.",
            ceasefire,
            said_on=datetime.date(2024, 7, 1),  # said in a lecture before the essay came out
        ),
        "bruno_ceasefire": make_quote(
            costs,
            bruno,
            "author",
            "A ceasefire that nobody enforces is only a pause for rearmament.",
            ceasefire,
        ),
        "bruno_sanctions": make_quote(
            costs,
            bruno,
            "author",
            "The oil price cap has leaked like a sieve.",
            sanctions,
            said_on=datetime.date(2025, 1, 10),
        ),
        "late": make_quote(
            summit,
            alice,
            "author",
            "The summit produced a ceasefire on paper and nothing else.",
            ceasefire,
        ),
    }
    for quote in quotes.values():
        assert quote.verdict == Quote.Verdict.EXACT, quote.verification
    return {"alice": alice, "bruno": bruno, "essay": essay, **quotes}


def squash(text):
    return " ".join(text.split())


def texts(locator):
    return [squash(text) for text in locator.all_inner_texts()]


def assert_styled(page):
    """The stylesheet arrived (a page without it would still pass every text check)."""
    rules = page.evaluate(
        "() => Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0)"
    )
    assert rules > 20, "site.css did not load"


def assert_accepted(page):
    """The list took the filters (an invalid form shows a .form-errors box instead of results)."""
    errors = page.locator(".form-errors")
    assert errors.count() == 0, f"the filter form was refused: {squash(errors.inner_text())}"


def query(page):
    return parse_qs(urlsplit(page.url).query)


def test_search_from_the_home_page(page, live_server, shot):
    archive = build_archive()
    page.goto(live_server.url + "/")
    assert_styled(page)
    assert page.locator("h1").inner_text().startswith("What experts said")
    shot(page, "1-home")

    box = page.get_by_role("searchbox", name="Search the archive").and_(page.locator("#home-q"))
    box.fill("armistice")
    shot(page, "2-home-typed")
    with page.expect_navigation():
        page.locator(".big-search").get_by_role("button", name="Search").click()

    assert urlsplit(page.url).path == "/search/"
    assert query(page)["q"] == ["armistice"]
    shot(page, "3-search-results")
    assert page.locator("h1").inner_text() == "Search"
    assert page.locator("#site-q").input_value() == "armistice"
    found = texts(page.locator("#q-quotes ~ .quote-list a.quote-link"))
    assert found == [archive["armistice"].text]
    assert [m.lower() for m in texts(page.locator(".quote-list mark"))] == ["armistice"]
    assert "Alice Archer" in page.locator(".quote-list .quote-meta").inner_text()
    sources = texts(page.locator(".source-list .source-title"))
    assert sources == [archive["essay"].title]
    for other in ("early", "bruno_ceasefire", "late"):
        assert archive[other].text not in page.content()


def test_filter_the_quote_list_and_open_a_quote(page, live_server, shot):
    archive = build_archive()
    page.goto(live_server.url + "/quotes/")
    assert_styled(page)
    assert squash(page.locator(".result-count").text_content()).startswith("7 quote")
    shot(page, "1-quotes")

    form = page.locator("form.filter-form")
    form.locator("#add-author").select_option("alice-archer")
    form.locator("#add-theme").select_option("ceasefire")
    form.locator("input[name=date_after]").fill("2024-06-01")
    form.locator("input[name=date_before]").fill("2025-03-31")
    shot(page, "2-filters-chosen")
    with page.expect_navigation():
        form.get_by_role("button", name="Apply filters").click()

    params = query(page)
    assert urlsplit(page.url).path == "/quotes/"
    assert params["author"] == ["alice-archer"]
    assert params["theme"] == ["ceasefire"]
    assert params["date_after"] == ["2024-06-01"]
    assert params["date_before"] == ["2025-03-31"]
    shot(page, "3-filtered")
    assert_accepted(page)

    expected = [archive["armistice"].text, archive["truce"].text]  # newest first
    assert texts(page.locator(".results a.quote-link")) == expected
    assert squash(page.locator(".result-count").text_content()).startswith("2 quote")
    results = page.locator("section.results").inner_text()
    for excluded in ("early", "alice_sanctions", "bruno_ceasefire", "bruno_sanctions", "late"):
        assert archive[excluded].text not in results, excluded
    # The form remembers the choices: chips to remove them, dates still filled in.
    chips = " ".join(texts(page.locator(".filter-form .chip")))
    assert "Alice Archer" in chips and "Ceasefire" in chips
    assert page.locator("input[name=date_after]").input_value() == "2024-06-01"
    assert page.locator("input[name=date_before]").input_value() == "2025-03-31"

    quote = archive["armistice"]
    with page.expect_navigation():
        page.locator("a.quote-link", has_text="An armistice is not").click()
    assert urlsplit(page.url).path == quote.get_absolute_url()
    shot(page, "4-quote-page")

    hero = page.locator(".quote-hero")
    assert hero.is_visible()
    assert squash(hero.locator("blockquote").inner_text()) == quote.text
    assert hero.locator(".person").inner_text() == "Alice Archer"
    assert hero.locator("cite").inner_text() == "The long armistice"
    assert "September 2024" in hero.inner_text()
    badge = page.locator(".verification .verdict")
    assert badge.inner_text() == "Verbatim"
    assert "verdict--exact" in badge.get_attribute("class")
    assert page.locator(".context-text .the-quote").inner_text() == quote.text
    assert archive["truce"].text in page.locator(".quote-list--compact").inner_text()


def test_the_filters_are_usable_on_a_phone(phone, live_server, shot):
    archive = build_archive()
    phone.goto(live_server.url + "/quotes/")
    assert_styled(phone)
    shot(phone, "1-quotes-phone")

    width = phone.viewport_size["width"]
    overflow = phone.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= width, f"the page scrolls sideways on a phone ({overflow}px > {width}px)"

    form = phone.locator("form.filter-form")
    assert form.is_visible()
    filters = phone.locator("aside.filters").bounding_box()
    results = phone.locator("section.results").bounding_box()
    assert filters["y"] < results["y"], "on a phone the filters come before the results"
    assert filters["width"] <= width

    for control in ("#add-author", "#add-theme", "input[name=date_after]"):
        box = form.locator(control).bounding_box()
        assert box["height"] >= 44, f"{control} is too small to tap ({box['height']}px)"
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{control} is off screen"

    submit = form.get_by_role("button", name="Apply filters")
    submit.scroll_into_view_if_needed()
    assert submit.is_visible() and submit.is_enabled()
    box = submit.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44, f"submit too small to tap: {box}"
    assert box["x"] >= 0 and box["x"] + box["width"] <= width

    form.locator("#add-author").select_option("bruno-castellan")
    shot(phone, "2-author-chosen-phone")
    with phone.expect_navigation():
        submit.tap()
    shot(phone, "3-filtered-phone")
    assert query(phone)["author"] == ["bruno-castellan"]
    assert_accepted(phone)
    expected = [archive["bruno_ceasefire"].text, archive["bruno_sanctions"].text]
    assert texts(phone.locator(".results a.quote-link")) == expected


def test_the_keyboard_reaches_the_search_box(page, live_server, shot):
    archive = build_archive()
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("() => document.activeElement.className") == "skip-link"
    assert skip.is_visible()
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["x"] >= 0, "the skip link is shown when it has the focus"
    shot(page, "1-skip-link-focused")

    for _ in range(20):
        if page.evaluate("() => document.activeElement.id") == "site-q":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the search box in the header")
    focused = page.locator("#site-q")
    outline = focused.evaluate(
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2, outline
    shot(page, "2-search-box-focused")

    page.keyboard.type("truce")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert query(page)["q"] == ["truce"]
    found = texts(page.locator("#q-quotes ~ .quote-list a.quote-link"))
    assert found == [archive["truce"].text]
    shot(page, "3-search-by-keyboard")
