"""extract_html and looks_like_html on small hand-made pages."""

import pytest

from archive.textkit.decode import ImportProblem
from archive.textkit.html import Extracted, extract_html, looks_like_html

PARAGRAPHS = [
    "The first paragraph of the essay explains why negotiations between the two sides have "
    "repeatedly failed, and what the mediators could do about it next time.",
    "The second paragraph argues, citing an earlier article, that guarantees matter more "
    "than territory in any lasting settlement between Russia and Ukraine.",
    "The third paragraph concludes that a stalemate would make talks more attractive for "
    "both sides, and that diplomacy should start now rather than later.",
]

LINK = '<a href="https://x.org">an earlier article</a>'
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Why Talks Fail | Example Review</title>
<meta property="og:title" content="Why Talks Fail">
<meta property="og:site_name" content="Example Review">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-04-28T10:00:00Z">
<link rel="canonical" href="https://example.org/why-talks-fail">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Why Talks Fail</h1>
<p class="byline">By Jane Doe</p>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1].replace("an earlier article", LINK)}</p>
<p>{PARAGRAPHS[2]}</p>
</article>
<footer>Copyright 2025 Example Review. All rights reserved.</footer>
</body></html>
"""


def test_extracts_text_with_blank_lines_between_paragraphs():
    result = extract_html(PAGE)
    assert isinstance(result, Extracted)
    assert result.text == "\n\n".join(PARAGRAPHS)


def test_extracts_metadata():
    result = extract_html(PAGE)
    assert result.title == "Why Talks Fail"
    assert result.authors == ["Jane Doe"]
    assert result.date == "2025-04-28"
    assert result.sitename == "Example Review"
    assert result.url == "https://example.org/why-talks-fail"


def test_several_authors():
    page = PAGE.replace('content="Jane Doe"', 'content="Samuel Charap; Sergey Radchenko"')
    assert extract_html(page).authors == ["Samuel Charap", "Sergey Radchenko"]


def test_page_without_article_text():
    with pytest.raises(ImportProblem) as problem:
        extract_html(
            "<html><head><title>Nothing</title></head>"
            "<body><div></div><script>var x = 1;</script></body></html>"
        )
    assert problem.value.reason == "no article text found in the HTML"


@pytest.mark.parametrize(
    "text",
    [
        PAGE,
        "<html><body><p>Hi</p></body></html>",
        "  <!-- saved page -->\n<!doctype html><p>x</p>",
        "<div><p>One</p><p>Two</p></div>",
    ],
)
def test_looks_like_html(text):
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "Plain text about NATO <and> Russia.",
        "He wrote that a < b and b > c, which is obvious.",
        "Use the <p> tag for paragraphs, he said.",
        "",
    ],
)
def test_plain_text_does_not_look_like_html(text):
    assert not looks_like_html(text)
