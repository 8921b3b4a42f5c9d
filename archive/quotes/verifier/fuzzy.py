"""Near-verbatim matching: anchors on the quote's rare words, then difflib on a window."""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import accumulate

from .normalization import _normalize, _Normalized

# A word-level similarity at or above this is a near miss ("fuzzy"), below it "not found".
FUZZY_THRESHOLD = 0.75

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
