"""Clean one uploaded file: decode -> (extract HTML) -> remove boilerplate -> repair glued
words -> find interview turns.

Offsets in the result refer to different stages, so each can be shown against its text:
``removed`` into ``raw_text``; ``repairs`` into the text after boilerplate removal;
``turns`` into the final ``text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .boilerplate import Span, find_boilerplate, remove_spans
from .decode import ImportProblem, decode_bytes
from .glued import Repair, repair_glued_words
from .html import extract_html, looks_like_html
from .turns import Turn, find_turns

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


@dataclass(frozen=True)
class Cleaned:
    raw_text: str
    text: str
    removed: list[Span] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)


def clean_document(
    data: bytes,
    *,
    filename: str = "",
    authors: Sequence[str] = (),
    removals: Sequence[tuple[str, str]] = (),
) -> Cleaned:
    """Run the whole cleaning pipeline on the bytes of one uploaded file.

    ``removals`` are ``(text, reason)`` pairs an editor listed as not the author's: each must
    occur exactly once in the received text, and is removed along with what was detected.
    """
    decoded = decode_bytes(data)
    warnings = list(decoded.warnings)
    metadata: dict = {"filename": filename, "encoding": decoded.encoding, "format": "text"}
    raw_text = decoded.text
    authors = [name for name in authors if name.strip()]

    if filename.lower().endswith(_HTML_SUFFIXES) or looks_like_html(raw_text):
        page = extract_html(raw_text)
        raw_text = page.text
        metadata.update(
            format="html",
            title=page.title,
            authors=page.authors,
            date=page.date,
            sitename=page.sitename,
            url=page.url,
        )
        authors += [name for name in page.authors if name not in authors]

    removed, found = find_boilerplate(raw_text, authors=authors)
    warnings += found
    removed = _merge(removed, _listed_spans(raw_text, removals))
    without_boilerplate = remove_spans(raw_text, removed)
    if not without_boilerplate:
        raise ImportProblem("the file has no text left once the boilerplate is removed")
    text, repairs = repair_glued_words(without_boilerplate)
    turns = find_turns(text)
    return Cleaned(
        raw_text=raw_text,
        text=text,
        removed=removed,
        repairs=repairs,
        turns=turns,
        warnings=warnings,
        metadata=metadata,
    )


def _listed_spans(raw_text: str, removals: Sequence[tuple[str, str]]) -> list[Span]:
    spans = []
    for text, reason in removals:
        count = raw_text.count(text)
        if count != 1:
            raise ImportProblem(
                f"a listed boilerplate span ({reason}) must occur exactly once, found {count}: "
                f"{text[:60]!r}"
            )
        start = raw_text.index(text)
        spans.append(Span(start, start + len(text), reason, text))
    return spans


def _merge(detected: list[Span], listed: list[Span]) -> list[Span]:
    """Detected and listed spans together; a span inside another is dropped, overlaps are joined."""
    merged: list[Span] = []
    for span in sorted([*detected, *listed], key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                text = last.text + span.text[last.end - span.start :]
                merged[-1] = Span(last.start, span.end, last.reason, text)
            continue
        merged.append(span)
    return merged
