"""MinHash signatures of a text and their LSH band keys (see the package docstring)."""

from __future__ import annotations

import hashlib

from .words import _content, _fold, _sentences, _words, word_tokens

SIGNATURE_VERSION = "copies-1"

NUM_PERM = 192
BANDS = 64
ROWS = 3
KINDS = ("verbatim", "content")

SHINGLE_WORDS = 5
LEAD_WORDS = 500
PAIR_WINDOW = 10

# --------------------------------------------------------------------------------------------
# MinHash signatures and LSH band keys
# --------------------------------------------------------------------------------------------


def _verbatim_features(text: str) -> set[str]:
    words = word_tokens(text)
    if not words:
        return set()
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)}
    shifted = (words[i:] for i in range(SHINGLE_WORDS))
    return {" ".join(s) for s in zip(*shifted, strict=False)}


def _content_features(text: str) -> set[str]:
    features: set[str] = set()
    seen = 0
    for sentence in _sentences(_fold(text)):
        words = _words(sentence)
        stems = _content(words)
        for i, a in enumerate(stems):
            for b in stems[i + 1 : i + PAIR_WINDOW]:
                if a != b:
                    features.add(f"{a}|{b}" if a < b else f"{b}|{a}")
        seen += len(words)
        if seen >= LEAD_WORDS:
            break
    return features


_VALUE_BITS = 56
_EMPTY_STEP = 1 << (_VALUE_BITS - 7)  # > any value (2**56 / NUM_PERM), leaves room for 191 steps


def _hash(feature: str) -> int:
    return int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=7).digest(), "big")


def _minhash(features: set[str]) -> list[int]:
    """One-permutation MinHash with rotation densification (Shrivastava & Li, 2014).

    Each feature is hashed once; the hash picks one of NUM_PERM bins and the rest of it is the
    value whose minimum the bin keeps. An empty bin borrows the next non-empty bin's minimum
    (plus a step per bin skipped), which keeps the collision probability of each position close
    to the Jaccard similarity, as with NUM_PERM independent permutations, at the cost of one.
    """
    if not features:
        return []
    sig = [-1] * NUM_PERM
    for feature in features:
        h = _hash(feature)
        b, v = h % NUM_PERM, h // NUM_PERM
        if sig[b] < 0 or v < sig[b]:
            sig[b] = v
    if min(sig) < 0:
        out = list(sig)
        for i in range(NUM_PERM):
            if sig[i] < 0:
                d = 1
                while sig[(i + d) % NUM_PERM] < 0:
                    d += 1
                out[i] = sig[(i + d) % NUM_PERM] + d * _EMPTY_STEP
        sig = out
    return sig


def signature(text: str, *, kind: str) -> list[int]:
    """MinHash signature (NUM_PERM non-negative ints < 2**63) of ``text``; [] for an empty text.

    ``kind="verbatim"``: word 5-shingles of the whole text. ``kind="content"``: sentence-level
    pairs of content-word stems over the lead (see the module docstring).
    """
    if kind == "verbatim":
        return _minhash(_verbatim_features(text))
    if kind == "content":
        return _minhash(_content_features(text))
    raise ValueError(f"unknown signature kind {kind!r}; expected one of {KINDS}")


def band_keys(sig: list[int], *, kind: str) -> list[int]:
    """One key per LSH band: a signed 63-bit integer (fits a PostgreSQL bigint), distinct per
    band index and kind. Two texts are candidates when they share any key."""
    if kind not in KINDS:
        raise ValueError(f"unknown signature kind {kind!r}; expected one of {KINDS}")
    if not sig:
        return []
    if len(sig) != NUM_PERM:
        raise ValueError(f"signature has {len(sig)} values, expected {NUM_PERM}")
    keys = []
    for band in range(BANDS):
        rows = ",".join(str(v) for v in sig[band * ROWS : (band + 1) * ROWS])
        digest = hashlib.blake2b(f"{kind}/{band}/{rows}".encode(), digest_size=8).digest()
        keys.append((int.from_bytes(digest, "big") >> 1) - (1 << 62))
    return keys


def jaccard(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures of the same kind."""
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
