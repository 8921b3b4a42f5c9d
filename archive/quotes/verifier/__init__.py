"""Check that a quote really is in the text of its source, and say how closely.

Pure functions, no Django: ``verify(quote, text)`` returns a :class:`Verification` whose verdict is

* ``exact`` – the quote occurs verbatim;
* ``normalized`` – it occurs once typography is normalised on both sides (curly/straight quotes,
  apostrophes, dashes and their spacing, odd spaces and line breaks, Unicode compatibility forms);
  case differences are *not* typography;
* ``elided`` – the quote has ellipses and every part occurs, in order, close together;
* ``fuzzy`` – close wording but not verbatim (word-level similarity >= ``FUZZY_THRESHOLD``); the
  result carries the source's own wording and a word-level diff;
* ``not_found`` / ``unverified`` (no text to check against).

All offsets are code-point offsets into the *original* ``text`` (normalised matches are mapped back
through the replacements that the normalisation made).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from .fuzzy import FUZZY_THRESHOLD, _fuzzy
from .normalization import _KIND_ORDER, _differences, _fold, _normalize, _Normalized, normalize

__all__ = [
    "FUZZY_THRESHOLD",
    "VERSION",
    "Verification",
    "compare_wording",
    "normalize",
    "verify",
]

VERSION = "verify-1"

CONTEXT_CHARS = 32
#: An elided quote's parts must all lie within ``ELISION_FACTOR * len(quote) + ELISION_SLACK``
#: characters of the source.
ELISION_FACTOR = 3
ELISION_SLACK = 2000
#: Each part of an elided quote needs at least this many words to count as evidence.
ELISION_MIN_WORDS = 2
#: Stop collecting occurrences after this many (a quote such as "the war" in a long text).
MAX_OCCURRENCES = 1000

EXACT, NORMALIZED, ELIDED, FUZZY = "exact", "normalized", "elided", "fuzzy"
NOT_FOUND, UNVERIFIED = "not_found", "unverified"
VERIFIED = (EXACT, NORMALIZED, ELIDED)

FLAG_AMBIGUOUS = "ambiguous"
FLAG_OTHER_SPEAKER = "in_other_speakers_turn"
FLAG_BOILERPLATE = "in_removed_boilerplate"

#: The turn role that belongs to the *other* party, by the quoted speaker's role.
_OTHER_TURN = {"interviewee": "question", "interviewer": "answer"}


@dataclass(frozen=True)
class Verification:
    """The outcome of ``verify``.

    ``start``/``end``: offsets of the matched span in ``text`` (for ``elided``, from the first
    part's start to the last part's end; ``parts`` has each part). ``source_wording`` is
    ``text[start:end]``. ``normalizations`` lists the typography differences that had to be
    normalised away (``quotes``, ``apostrophes``, ``dashes``, ``spaces``, ``unicode``). For
    ``fuzzy``: ``diff`` is a word-level diff (``op`` equal/replace/delete/insert, the ``quote``'s
    words, the ``source``'s words as written there) and ``score`` the word-level similarity
    (below 1: never verbatim); for ``not_found`` ``score`` is the best similarity seen.
    ``occurrences``: how many places matched equally well. ``removed_reason``/``raw_span``:
    where in ``raw_text`` a quote was found inside removed boilerplate.
    """

    verdict: str
    start: int | None = None
    end: int | None = None
    source_wording: str = ""
    normalizations: list[str] = field(default_factory=list)
    diff: list[dict] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    score: float = 0.0
    parts: list[tuple[int, int]] = field(default_factory=list)
    prefix: str = ""
    suffix: str = ""
    occurrences: int = 0
    removed_reason: str = ""
    raw_span: tuple[int, int] | None = None
    version: str = VERSION

    @property
    def verified(self) -> bool:
        return self.verdict in VERIFIED

    def as_dict(self) -> dict:
        data = asdict(self)
        data["parts"] = [list(part) for part in self.parts]
        data["raw_span"] = list(self.raw_span) if self.raw_span else None
        data["verified"] = self.verified
        return data


# --------------------------------------------------------------------------------------------
# Choosing among occurrences
# --------------------------------------------------------------------------------------------


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the (folded) prefix and suffix agree with the text around a span."""
    score = 0
    if prefix:
        before = _fold(text[max(0, start - len(prefix) - 16) : start])
        score += _common_prefix(before[::-1], prefix[::-1])
    if suffix:
        after = _fold(text[end : end + len(suffix) + 16])
        score += _common_prefix(after, suffix)
    return score


def _choose(text: str, spans: list[tuple[int, int]], prefix: str, suffix: str) -> tuple[int, bool]:
    """Index of the span whose surroundings best match prefix/suffix, and whether it's a toss-up."""
    if len(spans) == 1:
        return 0, False
    prefix, suffix = _fold(prefix), _fold(suffix)
    scores = [_context_score(text, a, b, prefix, suffix) for a, b in spans]
    best = max(scores)
    ambiguous = best == 0 or scores.count(best) > 1
    return scores.index(best), ambiguous


def _find_all(haystack: str, needle: str, start: int = 0) -> list[int]:
    """Occurrences of ``needle``; only those on word boundaries when there are any (so that
    "he said" is found as such rather than inside "she said")."""
    out = []
    pos = haystack.find(needle, start)
    while pos != -1 and len(out) < MAX_OCCURRENCES:
        out.append(pos)
        pos = haystack.find(needle, pos + 1)
    if len(out) > 1:
        whole = [p for p in out if _on_boundaries(haystack, p, p + len(needle))]
        if whole:
            return whole
    return out


def _on_boundaries(text: str, start: int, end: int) -> bool:
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        return False
    return not (end < len(text) and text[end].isalnum() and text[end - 1].isalnum())


# --------------------------------------------------------------------------------------------
# Turns and removed boilerplate
# --------------------------------------------------------------------------------------------


def _field(item, name: str, index: int, default=None):
    if isinstance(item, dict):
        return item.get(name, default)
    if isinstance(item, (tuple, list)):
        return item[index] if len(item) > index else default
    return getattr(item, name, default)


def _in_other_turn(parts: list[tuple[int, int]], turns: Sequence, speaker_role: str | None) -> bool:
    other = _OTHER_TURN.get(speaker_role or "")
    if not other or not turns or not parts:
        return False
    total = sum(b - a for a, b in parts) or 1
    inside = 0
    for turn in turns:
        if _field(turn, "role", 2) != other:
            continue
        t0, t1 = _field(turn, "start", 0), _field(turn, "end", 1)
        if t0 is None or t1 is None:
            continue
        for a, b in parts:
            inside += max(0, min(b, t1) - max(a, t0))
    return inside * 2 > total


def _removed_spans(raw_text: str, removed: Sequence) -> list[tuple[int, int, str]]:
    spans = []
    for item in removed:
        if isinstance(item, (tuple, list)) and len(item) == 2 and isinstance(item[0], str):
            item = {"text": item[0], "reason": item[1]}  # (removed text, reason)
        reason = _field(item, "reason", 2, "") or ""
        start = _field(item, "start", 0)
        end = _field(item, "end", 1)
        if not isinstance(start, int) or not isinstance(end, int):
            # services.Removal style: the removed text itself rather than offsets.
            chunk = _field(item, "text", 0)
            if not isinstance(chunk, str) or not chunk:
                continue
            pos = raw_text.find(chunk)
            if pos == -1:
                continue
            start, end = pos, pos + len(chunk)
        spans.append((start, end, str(reason)))
    return spans


# --------------------------------------------------------------------------------------------
# The stages
# --------------------------------------------------------------------------------------------

_ELLIPSIS = re.compile(
    r"\s*(?:\[\s*(?:\.\s*){3}\]|\[\s*\u2026\s*\]|\(\s*(?:\.\s*){3}\)|\(\s*\u2026\s*\)"
    r"|\u2026|\.\s?\.\s?\.)\s*"
)
_PART_EDGE = " \t\n.,;:"


@dataclass
class _Match:
    verdict: str
    parts: list[tuple[int, int]]
    normalizations: list[str] = field(default_factory=list)
    occurrences: int = 1
    ambiguous: bool = False

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _exact(quote: str, text: str, prefix: str, suffix: str, *, all_: bool = False):
    positions = _find_all(text, quote)
    if not positions:
        return []
    spans = [(p, p + len(quote)) for p in positions]
    if all_:
        return [_Match(EXACT, [s], occurrences=len(spans)) for s in spans]
    i, ambiguous = _choose(text, spans, prefix, suffix)
    return [_Match(EXACT, [spans[i]], occurrences=len(spans), ambiguous=ambiguous)]


def _normalized(quote: str, text: str, prefix: str, suffix: str, *, all_: bool = False):
    tn = _normalize(text)
    nq = _Normalized(quote).norm.strip()
    if not nq:
        return []
    positions = _find_all(tn.norm, nq)
    if not positions:
        return []
    spans = [tn.span(p, p + len(nq)) for p in positions]
    chosen = range(len(spans))
    ambiguous = False
    if not all_:
        i, ambiguous = _choose(text, spans, prefix, suffix)
        chosen = [i]
    out = []
    for i in chosen:
        a, b = spans[i]
        out.append(
            _Match(
                NORMALIZED,
                [spans[i]],
                normalizations=_differences(quote, text[a:b]),
                occurrences=len(spans),
                ambiguous=ambiguous,
            )
        )
    return out


def _split_elided(quote: str) -> list[str] | None:
    if not _ELLIPSIS.search(quote):
        return None
    parts = [p.strip(_PART_EDGE) for p in _ELLIPSIS.split(quote)]
    return [p for p in parts if p]


def _elided(quote: str, text: str, prefix: str, suffix: str, *, all_: bool = False):
    raw_parts = _split_elided(quote)
    if not raw_parts:
        return []
    parts = []
    for raw in raw_parts:
        pn = _Normalized(raw)
        norm = pn.norm.strip()
        if len(norm.split()) < ELISION_MIN_WORDS:
            return []  # a lone "the" is no evidence
        parts.append((raw, norm))
    tn = _normalize(text)
    limit = ELISION_FACTOR * len(_Normalized(quote).norm) + ELISION_SLACK
    candidates: list[list[int]] = []
    first = parts[0][1]
    for s0 in _find_all(tn.norm, first):
        starts = [s0]
        pos = s0 + len(first)
        for _raw, norm in parts[1:]:
            nxt = tn.norm.find(norm, pos)
            if nxt == -1:
                break
            starts.append(nxt)
            pos = nxt + len(norm)
        if len(starts) < len(parts):
            break  # later starts cannot find the missing part either
        if pos - s0 <= limit:
            candidates.append(starts)
    if not candidates:
        return []

    def build(starts: list[int]) -> _Match:
        spans, kinds = [], set()
        for (raw, norm), s in zip(parts, starts, strict=True):
            a, b = tn.span(s, s + len(norm))
            spans.append((a, b))
            kinds.update(_differences(raw, text[a:b]))
        return _Match(ELIDED, spans, normalizations=[k for k in _KIND_ORDER if k in kinds])

    if all_:
        return [build(c) for c in candidates]
    # Several starts may lead to the same last part: keep the tightest for each.
    tightest: dict[int, list[int]] = {}
    for c in candidates:
        tightest[c[-1]] = c
    distinct = sorted(tightest.values())
    last_len = len(parts[-1][1])
    spans = [tn.span(c[0], c[-1] + last_len) for c in distinct]
    i, ambiguous = _choose(text, spans, prefix, suffix)
    if ambiguous:  # no help from the context: prefer the tightest span
        i = min(range(len(distinct)), key=lambda k: distinct[k][-1] - distinct[k][0])
    match = build(distinct[i])
    match.occurrences = len(distinct)
    match.ambiguous = ambiguous
    return [match]


def _verified_match(quote: str, text: str, prefix: str, suffix: str) -> _Match | None:
    for stage in (_exact, _normalized, _elided):
        found = stage(quote, text, prefix, suffix)
        if found:
            return found[0]
    return None


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def verify(
    quote: str,
    text: str,
    *,
    prefix: str = "",
    suffix: str = "",
    turns: Sequence = (),
    speaker_role: str | None = None,
    raw_text: str = "",
    removed: Sequence = (),
) -> Verification:
    """Verify ``quote`` against ``text`` (see the module docstring for the verdicts).

    ``prefix``/``suffix`` (the text recorded around the quote) choose among several occurrences.
    ``turns`` are ``(start, end, role)`` items (tuples, dicts or objects; role ``question``,
    ``answer`` or ``narration``) used with ``speaker_role`` to flag a quote that lies in the other
    party's turn. ``raw_text`` and ``removed`` (``(start, end[, reason])`` spans of ``raw_text``,
    or objects with ``text``/``reason``) explain a quote that is only in removed boilerplate.
    """
    if not text:
        return Verification(UNVERIFIED)
    quote = (quote or "").strip()
    flags: list[str] = []
    match = _verified_match(quote, text, prefix, suffix) if quote else None
    if match is not None:
        if match.ambiguous:
            flags.append(FLAG_AMBIGUOUS)
        if _in_other_turn(match.parts, turns, speaker_role):
            flags.append(FLAG_OTHER_SPEAKER)
        start, end = match.start, match.end
        return Verification(
            match.verdict,
            start=start,
            end=end,
            source_wording=text[start:end],
            normalizations=list(match.normalizations),
            flags=flags,
            score=1.0,
            parts=list(match.parts),
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            occurrences=match.occurrences,
        )

    fuzzy, best = _fuzzy(quote, text) if quote else (None, 0.0)
    removed_reason, raw_span = "", None
    if quote and raw_text and removed:
        removed_reason, raw_span = _find_in_removed(quote, raw_text, removed)
        if raw_span is not None:
            flags.append(FLAG_BOILERPLATE)
    if fuzzy is None:
        return Verification(
            NOT_FOUND,
            flags=flags,
            score=round(best, 3),
            removed_reason=removed_reason,
            raw_span=raw_span,
            occurrences=0,
        )
    start, end, diff, score = fuzzy
    if _in_other_turn([(start, end)], turns, speaker_role):
        flags.append(FLAG_OTHER_SPEAKER)
    return Verification(
        FUZZY,
        start=start,
        end=end,
        source_wording=text[start:end],
        diff=diff,
        flags=flags,
        score=score,
        parts=[(start, end)],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        removed_reason=removed_reason,
        raw_span=raw_span,
        occurrences=0,
    )


def _find_in_removed(quote: str, raw_text: str, removed: Sequence):
    spans = _removed_spans(raw_text, removed)
    if not spans:
        return "", None
    for stage in (_exact, _normalized, _elided):
        for match in stage(quote, raw_text, "", "", all_=True):
            length = match.end - match.start or 1
            for r0, r1, reason in spans:
                overlap = max(0, min(match.end, r1) - max(match.start, r0))
                if overlap * 2 > length:
                    return reason, (match.start, match.end)
    return "", None


def compare_wording(quote: str, original_text: str) -> Verification:
    """How ``quote`` (taken from a copy) reads in the original: ``verify`` against the original.

    A fuzzy result's ``source_wording`` is the original's wording, its ``diff`` the changes.
    """
    return verify(quote, original_text)
