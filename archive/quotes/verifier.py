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

import difflib
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import accumulate

VERSION = "verify-1"

CONTEXT_CHARS = 32
FUZZY_THRESHOLD = 0.75
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
# Typography normalisation with a map back to the original offsets
# --------------------------------------------------------------------------------------------

_KIND_ORDER = ("quotes", "apostrophes", "dashes", "spaces", "unicode")
_ALL_KINDS = frozenset(_KIND_ORDER)

_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2036\u3003\uff02\u275d\u275e"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u0060\u00b4\u02bc\u02bb\uff07\u275b\u275c"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) != " ")
#: Soft hyphen, zero-width spaces and joiners, BOM: dropped (a "unicode" difference).
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

#: One-for-one replacements: character -> (replacement, kind). Lengths are kept, so offsets are.
_ONE_TO_ONE = {
    **{c: ('"', "quotes") for c in _DOUBLE_QUOTES},
    **{c: ("'", "apostrophes") for c in _SINGLE_QUOTES},
    **{c: ("-", "dashes") for c in _DASHES},
    **{c: (" ", "spaces") for c in _SPACES},
}
_ASCII_SPACES = [c for c in _SPACES if c.isascii()]
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NON_ASCII_OTHER = re.compile(
    "[^\\x00-\\x7f" + "".join(re.escape(c) for c in _ONE_TO_ONE if not c.isascii()) + "]+"
)
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_DASH_RUN = re.compile(r"\s*-[\s-]*")
_SPACE_RUN = re.compile(r"\s+")


def _one_to_one(s: str, kinds=_ALL_KINDS) -> str:
    if s.isascii():
        if "spaces" in kinds:
            for c in _ASCII_SPACES:
                if c in s:
                    s = s.replace(c, " ")
        return s
    for c, (rep, kind) in _ONE_TO_ONE.items():
        if kind in kinds and c in s:
            s = s.replace(c, rep)
    return s


def _unicode_fold(run: str) -> str:
    folded = unicodedata.normalize("NFKC", run)
    if _INVISIBLE_RE.search(folded):
        folded = _INVISIBLE_RE.sub("", folded)
    return _one_to_one(folded)


class _Normalized:
    """``text`` with its typography normalised, and the length-changing replacements made.

    First every character with a one-for-one replacement (curly quotes, apostrophes, dashes,
    odd spaces and line breaks) is replaced, which keeps offsets; then runs of non-ASCII
    characters are put in NFKC form (ligatures, composed accents, "…"), dashes swallow the
    spaces around them ("a — b", "a—b", "a - b" and "a -- b" all become "a-b") and runs of
    spaces become one. Only those last replacements change lengths; they are recorded as
    segments ``[ns, ne)`` of the normalised text standing for ``[os, oe)`` of the original.
    """

    __slots__ = ("text", "norm", "ns", "ne", "os", "oe")

    def __init__(self, text: str):
        self.text = text
        s = _one_to_one(text)
        segs: list[tuple[int, int, str]] = []
        if not s.isascii():
            for m in _NON_ASCII.finditer(s):
                a, b = m.span()
                if unicodedata.combining(s[a]) and a > 0 and s[a - 1] not in " -":
                    a -= 1  # a combining mark composes with the character before it
                run = s[a:b]
                if unicodedata.is_normalized("NFKC", run) and not _INVISIBLE_RE.search(run):
                    continue
                # Character by character (with any combining marks), for fine offsets.
                i = a
                while i < b:
                    j = i + 1
                    while j < b and unicodedata.combining(s[j]):
                        j += 1
                    cluster = s[i:j]
                    folded = _unicode_fold(cluster)
                    if folded != cluster:
                        segs.append((i, j, folded))
                    i = j
        dash_segs: list[tuple[int, int, str]] = []
        n = len(s)
        i = s.find("-")
        while i != -1:
            a, b = i, i + 1
            while b < n and s[b] in " -":  # "a - b", "a -- b", "a - - b": all one dash
                b += 1
            while a > 0 and s[a - 1] == " ":
                a -= 1
            if b - a > 1:
                dash_segs.append((a, b, "-"))
            i = s.find("-", b)
        i = s.find("  ")
        while i != -1:
            b = i + 2
            while b < n and s[b] == " ":
                b += 1
            if not ((i > 0 and s[i - 1] == "-") or (b < n and s[b] == "-")):
                segs.append((i, b, " "))
            i = s.find("  ", b)
        if dash_segs:
            segs.extend(dash_segs)
        segs.sort()
        pieces: list[str] = []
        ns: list[int] = []
        ne: list[int] = []
        os_: list[int] = []
        oe: list[int] = []
        last = 0
        npos = 0
        for a, b, new in segs:
            if a < last:  # overlapping (a non-ASCII run next to a dash): keep the first
                continue
            pieces.append(s[last:a])
            npos += a - last
            pieces.append(new)
            ns.append(npos)
            ne.append(npos + len(new))
            os_.append(a)
            oe.append(b)
            npos += len(new)
            last = b
        pieces.append(s[last:])
        self.norm = "".join(pieces)
        self.ns, self.ne, self.os, self.oe = ns, ne, os_, oe

    def orig_start(self, p: int) -> int:
        """Original offset of normalised position ``p`` used as a span start."""
        k = bisect_right(self.ns, p) - 1
        if k < 0:
            return p
        if p < self.ne[k]:
            if self.ne[k] - self.ns[k] == self.oe[k] - self.os[k]:
                return self.os[k] + (p - self.ns[k])
            return self.os[k]
        return p - self.ne[k] + self.oe[k]

    def orig_end(self, p: int) -> int:
        """Original offset of normalised position ``p`` used as an (exclusive) span end."""
        if p <= 0:
            return self.orig_start(p)
        q = p - 1
        k = bisect_right(self.ns, q) - 1
        if k < 0:
            return p
        if q < self.ne[k]:
            if self.ne[k] - self.ns[k] == self.oe[k] - self.os[k]:
                return self.os[k] + (q - self.ns[k]) + 1
            return self.oe[k]
        return q - self.ne[k] + self.oe[k] + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.orig_start(start), self.orig_end(end)


@lru_cache(maxsize=16)
def _normalize(text: str) -> _Normalized:
    return _Normalized(text)


def normalize(text: str) -> str:
    """The typography-normalised form of ``text`` (what the ``normalized`` verdict compares)."""
    return _Normalized(text).norm


def _plain(s: str, kinds=_ALL_KINDS) -> str:
    """``normalize`` restricted to some kinds of normalisation (no offset map)."""
    s = _one_to_one(s, kinds)
    if "unicode" in kinds and not s.isascii():
        s = _NON_ASCII_OTHER.sub(lambda m: _unicode_fold(m.group()), s)
        s = unicodedata.normalize("NFC", s)
    if "dashes" in kinds and "-" in s:
        s = _DASH_RUN.sub("-", s)
    if "spaces" in kinds:
        s = _SPACE_RUN.sub(" ", s)
    return s.strip()


def _fold(text: str) -> str:
    return _plain(text).casefold()


def _differences(quote: str, source: str) -> list[str]:
    """Which normalisations were needed to make ``quote`` and ``source`` (its match) equal."""
    if quote == source:
        return []
    needed = [
        k
        for k in _KIND_ORDER
        if _plain(quote, _ALL_KINDS - {k}) != _plain(source, _ALL_KINDS - {k})
    ]
    if needed:
        return needed
    # Differences that either of two normalisations would remove (rare): name all that apply.
    return [
        k
        for k in _KIND_ORDER
        if _plain(quote, {k}) != quote.strip() or _plain(source, {k}) != source.strip()
    ] or ["spaces"]


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
# Fuzzy matching: anchors on rare words, then difflib on a window
# --------------------------------------------------------------------------------------------

_PUNCT = "".join(chr(c) for c in range(0x80) if not chr(c).isalnum() and not chr(c).isspace())


class _Tokens:
    """Whitespace-separated words of a normalised text: surface forms and loose keys (case and
    edge punctuation folded), with their positions computed on demand."""

    __slots__ = ("norm", "surface", "keys", "counts", "_starts", "_positions")

    def __init__(self, norm: str):
        self.norm = norm
        self.surface = norm.split()
        self.keys = [w.strip(_PUNCT) for w in norm.lower().split()]
        self.counts = Counter(self.keys)
        self._starts: list[int] | None = None
        self._positions: dict[str, list[int]] = {}

    def positions(self, key: str) -> list[int]:
        """Indices of the words with this key (cached: a text is checked for many quotes)."""
        if key in self._positions:
            return self._positions[key]
        out, keys = [], self.keys
        try:
            i = keys.index(key)
            while True:
                out.append(i)
                i = keys.index(key, i + 1)
        except ValueError:
            pass
        self._positions[key] = out
        return out

    def span(self, i: int) -> tuple[int, int]:
        """Offsets of word ``i`` in the normalised text."""
        if self._starts is None:
            # Normalised text separates words by single spaces, so positions add up...
            lead = len(self.norm) - len(self.norm.lstrip())
            starts = list(accumulate((len(w) + 1 for w in self.surface[:-1]), initial=lead))
            self._starts = starts
        start = self._starts[i]
        word = self.surface[i]
        if self.norm.startswith(word, start):
            return start, start + len(word)
        # ...unless an odd character made two spaces: count the slow way.
        self._starts = [m.start() for m in re.finditer(r"\S+", self.norm)]
        start = self._starts[i]
        return start, start + len(word)


@lru_cache(maxsize=16)
def _tokens(text: str) -> _Tokens:
    return _Tokens(_normalize(text).norm)


def _candidate_offsets(qkeys: list[str], tokens: _Tokens, limit: int = 6) -> list[int]:
    """Likely alignments (text index of the quote's first word), voted by its rarest words."""
    n = len(qkeys)
    counts = tokens.counts
    freq = sorted((counts[k], i) for i, k in enumerate(qkeys) if k and counts[k])
    if not freq:
        return []
    budget = 2000
    anchors = []
    for count, i in freq:
        if len(anchors) >= 3 and (budget < count or len(anchors) >= 12):
            break
        anchors.append(i)
        budget -= count
    width = max(4, n // 3)
    votes: dict[int, set[int]] = defaultdict(set)
    for i in anchors:
        for p in tokens.positions(qkeys[i]):
            votes[(p - i) // width].add(i)
    ranked = sorted(votes.items(), key=lambda kv: -len(kv[1]))[:limit]
    return [b * width for b, _ in ranked]


def _ratio(matches: int, a: int, b: int) -> float:
    return 2.0 * matches / (a + b) if a + b else 0.0


def _fuzzy(quote: str, text: str):
    """Best near-verbatim window of ``text``: ((start, end, diff, score) or None, best score)."""
    qtok = _Tokens(_Normalized(quote).norm)
    if "" in qtok.keys:  # punctuation on its own ("...", "-"): nothing to match
        kept = [i for i, k in enumerate(qtok.keys) if k]
        qtok.surface = [qtok.surface[i] for i in kept]
        qtok.keys = [qtok.keys[i] for i in kept]
    qkeys = qtok.keys
    n = len(qkeys)
    if not n:
        return None, 0.0
    tokens = _tokens(text)
    total = len(tokens.keys)
    best = None
    best_score = 0.0
    seen: set[tuple[int, int]] = set()
    slack = max(4, n // 3)
    for d in _candidate_offsets(qkeys, tokens):
        lo = max(0, d - n // 2 - slack)
        hi = min(total, d + n + n // 2 + 2 * slack)
        if (lo, hi) in seen or lo >= hi:
            continue
        seen.add((lo, hi))
        sm = difflib.SequenceMatcher(None, qkeys, tokens.keys[lo:hi], autojunk=False)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        if not blocks:
            continue
        b0 = blocks[0].b
        b1 = blocks[-1].b + blocks[-1].size
        score = _ratio(sum(b.size for b in blocks), n, b1 - b0)
        if score > best_score:
            # Unmatched words at the quote's edges may pair with the source's words there.
            lead = min(blocks[0].a, b0)
            tail = min(n - (blocks[-1].a + blocks[-1].size), (hi - lo) - b1)
            best_score = score
            best = (lo + b0, lo + b1, lo + b0 - lead, lo + b1 + tail)
    if best is None or best_score < FUZZY_THRESHOLD:
        return None, best_score
    s0, s1, e0, e1 = best
    sm = difflib.SequenceMatcher(None, qkeys, tokens.keys[e0:e1], autojunk=False)
    ext_score = _ratio(sum(b.size for b in sm.get_matching_blocks()), n, e1 - e0)
    if ext_score >= FUZZY_THRESHOLD:
        s0, s1, best_score = e0, e1, ext_score
    else:
        sm = difflib.SequenceMatcher(None, qkeys, tokens.keys[s0:s1], autojunk=False)
    tn = _normalize(text)

    def src(i: int, j: int) -> str:
        if i >= j:
            return ""
        a = tn.orig_start(tokens.span(s0 + i)[0])
        b = tn.orig_end(tokens.span(s0 + j - 1)[1])
        return text[a:b]

    def quo(i: int, j: int) -> str:
        return " ".join(qtok.surface[i:j])

    diff = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            diff.append({"op": op, "quote": quo(i1, i2), "source": src(j1, j2)})
            continue
        # Equal on the loose key (case and punctuation folded): show surface differences.
        k = 0
        while k < i2 - i1:
            same = qtok.surface[i1 + k] == tokens.surface[s0 + j1 + k]
            m = k
            while m < i2 - i1 and (qtok.surface[i1 + m] == tokens.surface[s0 + j1 + m]) == same:
                m += 1
            diff.append(
                {
                    "op": "equal" if same else "replace",
                    "quote": quo(i1 + k, i1 + m),
                    "source": src(j1 + k, j1 + m),
                }
            )
            k = m
    start = tn.orig_start(tokens.span(s0)[0])
    end = tn.orig_end(tokens.span(s1 - 1)[1])
    # Not verbatim, so never a perfect score even when only case or punctuation differ.
    score = round(min(best_score, 0.99), 3)
    return (start, end, _merge_ops(diff), score), score


def _merge_ops(diff: list[dict]) -> list[dict]:
    out: list[dict] = []
    for item in diff:
        if out and out[-1]["op"] == item["op"]:
            prev = out[-1]
            prev["quote"] = " ".join(x for x in (prev["quote"], item["quote"]) if x)
            prev["source"] = " ".join(x for x in (prev["source"], item["source"]) if x)
        else:
            out.append(dict(item))
    return out


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
