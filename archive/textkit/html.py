"""Pull the article text and its metadata (title, byline, date, site) out of an HTML page.

Uses trafilatura (which needs lxml_html_clean). Paragraphs come back separated by blank
lines; a first line repeating the title is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .decode import ImportProblem

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|article|section|h[1-6]|ul|ol|li|em|strong|b|i|table|td|tr|"
    r"blockquote|figure|img|meta|script|style|header|footer|nav|main)\b[^>]*>",
    re.IGNORECASE,
)
_MIN_TAGS = 3


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str = ""
    authors: list[str] = field(default_factory=list)
    date: str | None = None  # ISO 8601, e.g. "2025-04-28"
    sitename: str = ""
    url: str = ""


def looks_like_html(text: str) -> bool:
    """True for an HTML document or fragment (a doctype/<html> start, or several tags)."""
    head = text[:20000]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= _MIN_TAGS


def extract_html(html: str) -> Extracted:
    """The main text of ``html`` with its metadata; ImportProblem if there is no article text."""
    import trafilatura  # imported here: it is slow to import and only needed for HTML

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    raw = getattr(document, "text", None) if document is not None else None
    title = (getattr(document, "title", None) or "").strip()
    paragraphs = [line.strip() for line in (raw or "").split("\n") if line.strip()]
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise ImportProblem("no article text found in the HTML")
    authors = [name.strip() for name in re.split(r";|\band\b", document.author or "")]
    return Extracted(
        text="\n\n".join(paragraphs),
        title=title,
        authors=[name for name in authors if name],
        date=document.date or None,
        sitename=(document.sitename or "").strip(),
        url=(document.url or "").strip(),
    )
