"""Anchor a quote in the stored text of its source (W3C TextQuoteSelector + TextPositionSelector).

This is the exact-match step only: it finds where the words occur verbatim and records the offsets
and the text around them. Anything short of a verbatim match is left unanchored and ``not_found``;
finer verdicts (typography, ellipses, near misses) belong to the verifier.
"""

from django.utils import timezone

CONTEXT_CHARS = 32
ANCHOR_VERSION = "anchor-1"


def find_occurrences(text: str, needle: str) -> list[int]:
    positions, start = [], text.find(needle)
    while start != -1:
        positions.append(start)
        start = text.find(needle, start + 1)
    return positions


def choose_occurrence(text: str, needle: str, positions, prefix: str, suffix: str):
    """Pick the occurrence whose surroundings match the recorded prefix/suffix best."""
    if len(positions) <= 1:
        return positions[0] if positions else None

    def score(pos):
        before = text[max(0, pos - len(prefix)) : pos]
        after = text[pos + len(needle) : pos + len(needle) + len(suffix)]
        return _common_suffix(before, prefix) + _common_prefix(after, suffix)

    return max(positions, key=score)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def anchor_quote(quote, source) -> None:
    """Set offsets, prefix/suffix and an exact/not-found verdict from ``source.text``."""
    if not source.text:
        quote.start_offset = quote.end_offset = None
        quote.verdict = quote.Verdict.UNVERIFIED
        quote.verification = {}
        quote.verified_at = None
        quote.verified_sha256 = ""
        quote.verifier_version = ""
        return
    text = source.text
    positions = find_occurrences(text, quote.text)
    start = choose_occurrence(text, quote.text, positions, quote.prefix, quote.suffix)
    if start is None:
        quote.start_offset = quote.end_offset = None
        quote.verdict = quote.Verdict.NOT_FOUND
        quote.verification = {"occurrences": 0}
    else:
        end = start + len(quote.text)
        quote.start_offset, quote.end_offset = start, end
        quote.prefix = text[max(0, start - CONTEXT_CHARS) : start]
        quote.suffix = text[end : end + CONTEXT_CHARS]
        quote.verdict = quote.Verdict.EXACT
        quote.verification = {"occurrences": len(positions)}
    quote.verified_at = timezone.now()
    quote.verified_sha256 = source.text_sha256
    quote.verifier_version = ANCHOR_VERSION
