"""Find and classify copies of stored sources: syndicated, truncated or paraphrased.

Pure functions, no Django. Finding candidates must not compare a new source with every stored
one, so each text gets MinHash signatures of two kinds, cut into LSH bands:

* ``verbatim`` – word 5-shingles of the whole text: syndicated and truncated copies;
* ``content`` – pairs of content-word stems that occur near each other in the same sentence, over
  the first ``LEAD_WORDS`` words. A machine paraphrase swaps words but mostly keeps which content
  words go together in a sentence, while another article on the same topic, even by the same
  author, puts them together in other ways. The lead is used because copies nearly always keep
  the beginning, so a copy cut short still shares the original's first sentences.

``band_keys(signature(text, kind=k), kind=k)`` gives one signed 63-bit integer per band; the
importer stores them (source, kind, key) with an index on key, and a new text's candidates are the
stored sources sharing at least one key of either kind. Each candidate is then checked with
``classify(stored, new)``. With ``NUM_PERM = 192`` values in ``BANDS = 64`` bands of ``ROWS = 3``,
two texts whose feature sets have Jaccard similarity J share a band with probability
``1 - (1 - J**3)**64``: 0.83 at J = 0.3, 0.99 at J = 0.45, 0.008 at J = 0.05, 0.0005 at 0.02.

``SIGNATURE_VERSION`` changes whenever signatures or keys would; stored keys must then be rebuilt.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from .signatures import (
    BANDS,
    KINDS,
    NUM_PERM,
    ROWS,
    SHINGLE_WORDS,
    SIGNATURE_VERSION,
    band_keys,
    jaccard,
    signature,
)
from .words import _PROPER, STOPWORDS, _content, _fold, _sentences, _stem, _words, word_tokens

__all__ = [
    "BANDS",
    "KINDS",
    "NUM_PERM",
    "ROWS",
    "SIGNATURE_VERSION",
    "CopyMatch",
    "band_keys",
    "classify",
    "jaccard",
    "signature",
    "word_tokens",
]


#: Minimum words for either text before anything is classified.
MIN_WORDS = 20
#: Syndicated / truncated: share of the shorter text's 5-shingles found in the longer one.
CONTAINMENT = 0.9
#: Below this ratio of word counts a contained copy is "truncated", above it "syndicated".
TRUNCATED_RATIO = 0.85
#: Paraphrase: two sentences align when their IDF-weighted content-stem Dice similarity is at
#: least ALIGN_SIMILARITY; the copy's share of aligned sentences must reach PARAPHRASE_SHARE,
#: with at least PARAPHRASE_MIN_SENTENCES of them.
ALIGN_SIMILARITY = 0.3
PARAPHRASE_SHARE = 0.5
PARAPHRASE_MIN_SENTENCES = 3
#: ...and the aligned sentences must be at similar relative positions: between the first and
#: the last aligned pair, at least this share of either text's sentences must be aligned (a
#: chance chain of similar sentences strung across a long text is sparse; a paraphrase is not).
PARAPHRASE_DENSITY = 0.4
#: An aligned pair is "verbatim" when its word 3-gram Dice similarity reaches this; when most
#: aligned pairs are verbatim the copy is a (noisy) syndicated/truncated copy, not a paraphrase.
VERBATIM_PAIR = 0.8
VERBATIM_SHARE = 0.7

COPY_OUTLET_KINDS = frozenset({"aggregator", "content_farm"})

# --------------------------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CopyMatch:
    kind: str  # "syndicated" | "truncated" | "paraphrased"
    score: float  # 0..1
    original_is: str  # "a" | "b"
    evidence: dict = field(default_factory=dict)


def _shingles(words: list[str], k: int) -> set[tuple[str, ...]]:
    if len(words) < k:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(k)), strict=False))


def _date_key(value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value or "").strip()[:10]


def _meta_direction(a_meta: dict | None, b_meta: dict | None) -> tuple[str | None, str]:
    """Which side is the original according to the metadata: outlet kind, then publication."""
    a_meta, b_meta = a_meta or {}, b_meta or {}
    a_kind = (a_meta.get("kind") or a_meta.get("outlet_kind") or "").lower()
    b_kind = (b_meta.get("kind") or b_meta.get("outlet_kind") or "").lower()
    a_copyish, b_copyish = a_kind in COPY_OUTLET_KINDS, b_kind in COPY_OUTLET_KINDS
    if a_copyish != b_copyish:
        return ("b" if a_copyish else "a"), "outlet_kind"
    a_date = _date_key(a_meta.get("published") or a_meta.get("published_on"))
    b_date = _date_key(b_meta.get("published") or b_meta.get("published_on"))
    if a_date and b_date:
        n = min(len(a_date), len(b_date))  # compare at the coarser precision ("2025-05")
        if a_date[:n] != b_date[:n]:
            return ("a" if a_date[:n] < b_date[:n] else "b"), "published"
    return None, ""


class _Doc:
    def __init__(self, text: str):
        self.sentences = _sentences(_fold(text))
        self.sentence_words = [_words(s) for s in self.sentences]
        self.words = [w for words in self.sentence_words for w in words]
        self.stems = [set(_content(w)) for w in self.sentence_words]
        self.units = [i for i, s in enumerate(self.stems) if len(s) >= 3]


def _align(a: _Doc, b: _Doc) -> list[tuple[int, int, float]]:
    """Sentences of ``a`` and ``b`` aligned in order: the heaviest chain of similar pairs."""
    # Document frequency within each text, not pooled: pooled, every word the two texts share
    # would count twice and weigh less than the words a paraphrase swapped.
    df_a: Counter[str] = Counter()
    df_b: Counter[str] = Counter()
    for i in a.units:
        df_a.update(a.stems[i])
    for j in b.units:
        df_b.update(b.stems[j])
    n = max(len(a.units), len(b.units))
    df = {w: max(df_a[w], df_b[w]) for w in df_a.keys() | df_b.keys()}
    idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    common = max(3, n // 5)  # stems in more sentences than this do not propose candidates
    index: dict[str, list[int]] = defaultdict(list)
    for j in b.units:
        for w in b.stems[j]:
            index[w].append(j)
    weight_b = {j: sum(idf[w] for w in b.stems[j]) for j in b.units}
    pairs = []
    for i in a.units:
        sa = a.stems[i]
        cand: Counter[int] = Counter()
        for w in sa:
            if df[w] <= common:
                cand.update(index.get(w, ()))
        if not cand:
            continue
        wa = sum(idf[w] for w in sa)
        for j, shared in cand.items():
            if shared < 2:
                continue
            sim = 2 * sum(idf[w] for w in sa & b.stems[j]) / (wa + weight_b[j])
            if sim >= ALIGN_SIMILARITY:
                pairs.append((i, j, sim))
    if not pairs:
        return []
    # Heaviest chain increasing in both i and j: pairs by i, then j descending, so that a
    # Fenwick tree of prefix maxima over j never chains two pairs of the same sentence of a.
    pairs.sort(key=lambda p: (p[0], -p[1]))
    size = max(j for _, j, _ in pairs) + 2
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)

    def query(j: int) -> tuple[float, int]:
        best = (0.0, -1)
        j += 1
        while j > 0:
            if tree[j][0] > best[0]:
                best = tree[j]
            j -= j & -j
        return best

    def update(j: int, value: tuple[float, int]) -> None:
        j += 1
        while j <= size:
            if value[0] > tree[j][0]:
                tree[j] = value
            j += j & -j

    score = [0.0] * len(pairs)
    back = [-1] * len(pairs)
    for k, (_i, j, sim) in enumerate(pairs):
        prev_score, prev = query(j - 1)
        score[k], back[k] = prev_score + sim, prev
        update(j, (score[k], k))
    k = max(range(len(pairs)), key=score.__getitem__)
    chain = []
    while k != -1:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _dice(x: set, y: set) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x or y else 0.0


def _zipf():
    try:
        from wordfreq import zipf_frequency  # optional: better evidence when installed
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    return lambda word: zipf_frequency(word, "en")


def _names(sentence: str) -> set[str]:
    """Capitalised words (not the first) and numbers: the specifics of a sentence."""
    rest = sentence.split(None, 1)
    return set(_PROPER.findall(rest[1])) if len(rest) > 1 else set()


def _direction_evidence(a: _Doc, b: _Doc, chain, share_a: float, share_b: float) -> dict:
    """Text evidence on which side is the original; positive votes for "a", negative for "b"."""
    signals: dict[str, dict] = {}
    # 1. Coverage: a copy that reproduces only part of the other text is the derivative.
    if max(share_a, share_b) >= 1.3 * min(share_a, share_b) and abs(share_a - share_b) >= 0.15:
        vote = 2 if share_b > share_a else -2
    else:
        vote = 0
    signals["coverage"] = {"share_a": round(share_a, 3), "share_b": round(share_b, 3), "vote": vote}

    # Words that differ between aligned sentences.
    only_a: list[str] = []
    only_b: list[str] = []
    names_a = names_b = 0
    for i, j, _ in chain:
        wa = {w for w in a.sentence_words[i] if len(w) >= 3 and w not in STOPWORDS}
        wb = {w for w in b.sentence_words[j] if len(w) >= 3 and w not in STOPWORDS}
        sa, sb = {_stem(w) for w in wa}, {_stem(w) for w in wb}
        only_a += [w for w in wa if _stem(w) not in sb]
        only_b += [w for w in wb if _stem(w) not in sa]
        pa, pb = _names(a.sentences[i]), _names(b.sentences[j])
        names_a += len(pa - pb)
        names_b += len(pb - pa)

    # 2. Lost specifics: paraphrasers drop names and numbers far more often than they add any.
    diff = names_a - names_b
    vote = 0
    if abs(diff) >= 3 and max(names_a, names_b) >= 1.5 * max(1, min(names_a, names_b)):
        vote = 1 if diff > 0 else -1
    signals["names_and_numbers"] = {"only_a": names_a, "only_b": names_b, "vote": vote}

    # 3. Consistent vocabulary: an author reuses words; a paraphraser's substitutes are one-offs.
    count_a, count_b = Counter(a.words), Counter(b.words)
    hapax_a = sum(count_a[w] == 1 for w in only_a) / len(only_a) if only_a else 0.0
    hapax_b = sum(count_b[w] == 1 for w in only_b) / len(only_b) if only_b else 0.0
    vote = 0
    if only_a and only_b and abs(hapax_a - hapax_b) >= 0.1:
        vote = 1 if hapax_b > hapax_a else -1
    signals["one_off_words"] = {"share_a": round(hapax_a, 3), "share_b": round(hapax_b, 3)}
    signals["one_off_words"]["vote"] = vote

    # 4. Word frequency (wordfreq, when installed): paraphrasers pick rarer synonyms.
    zipf = _zipf()
    if zipf is not None and only_a and only_b:
        za = sum(map(zipf, only_a)) / len(only_a)
        zb = sum(map(zipf, only_b)) / len(only_b)
        vote = 0 if abs(za - zb) < 0.2 else (1 if za > zb else -1)
        signals["word_frequency"] = {"zipf_a": round(za, 2), "zipf_b": round(zb, 2), "vote": vote}
    else:
        signals["word_frequency"] = {"available": zipf is not None, "vote": 0}
    return signals


def classify(
    a: str, b: str, *, a_meta: dict | None = None, b_meta: dict | None = None
) -> CopyMatch | None:
    """Is one of ``a`` (the stored source) and ``b`` (the new one) a copy of the other?

    ``a_meta``/``b_meta`` may give ``published`` (ISO date string) and ``kind`` (the outlet's
    kind; ``aggregator`` and ``content_farm`` copy). Returns None when the texts are independent.
    """
    da, db = _Doc(a), _Doc(b)
    na, nb = len(da.words), len(db.words)
    if min(na, nb) < MIN_WORDS:
        return None
    meta_side, meta_basis = _meta_direction(a_meta, b_meta)
    sa, sb = _shingles(da.words, SHINGLE_WORDS), _shingles(db.words, SHINGLE_WORDS)
    shared = len(sa & sb)
    jac = shared / len(sa | sb)
    containment = shared / min(len(sa), len(sb))
    ratio = min(na, nb) / max(na, nb)
    evidence = {
        "words_a": na,
        "words_b": nb,
        "length_ratio": round(ratio, 3),
        "jaccard": round(jac, 3),
        "containment": round(containment, 3),
    }
    longer = "a" if na >= nb else "b"
    if containment >= CONTAINMENT:
        if ratio >= TRUNCATED_RATIO:
            side = meta_side or "a"
            evidence["direction_basis"] = meta_basis or "default"
            return CopyMatch("syndicated", round(jac, 3), side, evidence)
        evidence["direction_basis"] = "length"
        evidence["starts_at"] = _starts_at(da.words if longer == "a" else db.words, sa, sb, longer)
        return CopyMatch("truncated", round(containment, 3), longer, evidence)

    chain = _align(da, db)
    aligned = len(chain)
    share_a = aligned / len(da.units) if da.units else 0.0
    share_b = aligned / len(db.units) if db.units else 0.0
    share = max(share_a, share_b)
    density = 0.0
    if chain:
        region_a = sum(chain[0][0] <= i <= chain[-1][0] for i in da.units)
        region_b = sum(chain[0][1] <= j <= chain[-1][1] for j in db.units)
        density = aligned / max(region_a, region_b)
    evidence.update(
        aligned_sentences=aligned,
        sentences_a=len(da.units),
        sentences_b=len(db.units),
        share_a=round(share_a, 3),
        share_b=round(share_b, 3),
        density=round(density, 3),
    )
    if (
        aligned < PARAPHRASE_MIN_SENTENCES
        or share < PARAPHRASE_SHARE
        or density < PARAPHRASE_DENSITY
    ):
        return None
    verbatim = [
        _dice(_shingles(da.sentence_words[i], 3), _shingles(db.sentence_words[j], 3))
        for i, j, _ in chain
    ]
    verbatim_share = sum(v >= VERBATIM_PAIR for v in verbatim) / aligned
    evidence["mean_similarity"] = round(sum(s for _, _, s in chain) / aligned, 3)
    evidence["verbatim_share"] = round(verbatim_share, 3)
    evidence["examples"] = [
        {"a": da.sentences[i][:200], "b": db.sentences[j][:200], "similarity": round(s, 3)}
        for i, j, s in chain[:3]
    ]
    if verbatim_share >= VERBATIM_SHARE:
        # The same words with some noise (boilerplate, edits): a verbatim copy after all.
        copy_is = "b" if share_b >= share_a else "a"
        if min(share_a, share_b) >= TRUNCATED_RATIO:
            evidence["direction_basis"] = meta_basis or "default"
            return CopyMatch("syndicated", round(share, 3), meta_side or "a", evidence)
        evidence["direction_basis"] = "coverage"
        return CopyMatch("truncated", round(share, 3), "a" if copy_is == "b" else "b", evidence)

    signals = _direction_evidence(da, db, chain, share_a, share_b)
    evidence["direction_signals"] = signals
    if meta_side:
        side, basis = meta_side, meta_basis
    else:
        votes = sum(s["vote"] for s in signals.values())
        side = "a" if votes >= 0 else "b"
        basis = "text" if votes else "default"
    evidence["direction_basis"] = basis
    return CopyMatch("paraphrased", round(share, 3), side, evidence)


def _starts_at(longer_words: list[str], sa: set, sb: set, longer: str) -> float | None:
    """Where the shorter text begins in the longer one, as a share of the longer's length."""
    shorter = sb if longer == "a" else sa
    for i in range(len(longer_words) - SHINGLE_WORDS + 1):
        if tuple(longer_words[i : i + SHINGLE_WORDS]) in shorter:
            return round(i / len(longer_words), 3)
    return None
