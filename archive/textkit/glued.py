"""Put back the spaces lost when links and italics were stripped from HTML.

"acoupleofarticlesinForeign" -> "a couple of articles in Foreign", "inNATOwithout" ->
"in NATO without", "wants.So" -> "wants. So". A token is split only when it is not itself
a known word (wordfreq's English list, about 320,000 words and names), the best split
found by dynamic programming uses only common words (or an acronym / capitalised name
right after a lower-case function word, as in "inNATO"), and the split passes guards
against cutting compounds ("counterthreats"), brand names ("iPhone", "YouTube") and
surnames ("McDonald"). URLs, e-mail addresses, handles, hashtags, numbers and hyphenated
or apostrophised words are never touched.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache


@dataclass(frozen=True)
class Repair:
    start: int
    end: int
    original: str
    replacement: str


_TOKEN = re.compile(r"[^\W\d_]+")
_LONG_TOKEN = re.compile(r"[^\W\d_]{4,}")  # 4 = _MIN_CAMEL_LENGTH, the shortest we split
_SKIP_CHUNK = re.compile(
    r"://|^www\.|@|^#|[/\\_=&<>{}]|\.(?:com|org|net|edu|gov|io|co|uk|ru|ua|de|fr|html?|pdf)\b",
    re.IGNORECASE,
)
_WORD_JOINERS = "'’‘-‐‑–\u00ad"
_POSSESSIVE = re.compile(r"['’]s?(?![^\W\d_])")
# Punctuation glued to the next sentence ("wants.So", "thought,Oh"), and curly quotes glued
# to their neighbours ("impediment.”What", "wascalled“The", "this:“The").
_PUNCTUATION_GLUE = re.compile(
    r"(?<=[a-z]{2})[.,;:!?](?=[A-Z][a-z])|”(?=[^\W\d_])|(?<=[^\W\d_]|[:;,.!?])(?=“)"
)

_MIN_PLAIN_LENGTH = 6  # "inthe"-style glue shorter than this is left alone
_MIN_CAMEL_LENGTH = 4  # "ofUS"
_MAX_TOKEN_LENGTH = 60
_MAX_PART_LENGTH = 24
_UNKNOWN_NAME_COST = 7.5  # as rare as a word of Zipf frequency 1.5
_UNKNOWN_ACRONYM_COST = 7.0


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TWO_LETTER = _wordset(
    """
    am an as at be by do go he if in is it me my no of on or so to up us we
    """
)
# Words after which a capitalised word or acronym may follow without a space ("inNATO").
_CAMEL_LEFT = _wordset(
    """
    a an the of in on at to for by with from into onto about over under after before
    between against across around during without within through toward towards via per
    and or but nor as than is was were are be been had has have his her its their our my
    your this that these those
    """
)
_FUNCTION = _CAMEL_LEFT | _wordset(
    """
    he she it they we you who whom whose which what when where how why not no so if then
    there here would could should do does did also just very more most some any all up
    out off down i me him them us
    """
)
# What may follow a capitalised word it was glued to ("Journalhad", "Affairsover").
_AFTER_NAME = _wordset(
    """
    had has have was were over from with into about after before which that this the and
    for said says will would could should than then when where who did does also not
    """
)
_PRONOUNS = _wordset("he she it we they him her hers them i me us its")
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ize", "izes", "ise", "ises")
# Bound prefixes and suffixes: "counter|threats", "Kremlin|like" are words, not glue.
_PREFIXES = _wordset(
    """
    counter anti non re pre post multi inter intra sub super hyper mini micro macro mega
    semi co de dis un self geo bio eco neo pro mis tri bi uni ultra trans extra pseudo
    quasi proto infra mid auto cyber tele under out over
    """
)
_SUFFIXES = _wordset(
    """
    ism isms ist ists ize izes ized izing ise ised ising ness less ship ships hood like
    wide wise ward wards able ible ful ment ments ation ations ity ly ing ed er ers est
    ish dom proof style type led based fold
    """
)


def repair_glued_words(text: str) -> tuple[str, list[Repair]]:
    """Return ``text`` with glued words split, and the repairs (offsets into ``text``)."""
    repairs: list[Repair] = []
    pieces: list[str] = []
    done = 0
    for chunk_start, chunk_end in _suspect_chunks(text):
        chunk = text[chunk_start:chunk_end]
        if _SKIP_CHUNK.search(chunk):
            continue
        inserts = _insertions(chunk)
        if not inserts:
            continue
        start, end = _region(chunk, inserts)
        original = chunk[start:end]
        replacement = _apply(original, [i - start for i in inserts])
        start += chunk_start
        end += chunk_start
        repairs.append(Repair(start, end, original, replacement))
        pieces.append(text[done:start])
        pieces.append(replacement)
        done = end
    pieces.append(text[done:])
    return "".join(pieces), repairs


def _suspect_chunks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the whitespace-delimited chunks that may need a repair, in order.

    A quick pass over the whole text (split_token is cached) so that the careful per-chunk
    work is done only where something looks glued.
    """
    positions = [m.start() for m in _PUNCTUATION_GLUE.finditer(text)]
    positions += [m.start() for m in _LONG_TOKEN.finditer(text) if len(split_token(m[0])) > 1]
    chunks = {}
    for position in positions:
        start = end = position
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        chunks[start] = end
    return sorted(chunks.items())


def _insertions(chunk: str) -> list[int]:
    """Offsets in ``chunk`` before which a space belongs."""
    inserts = {m.end() if m.group() else m.start() for m in _PUNCTUATION_GLUE.finditer(chunk)}
    for token in _TOKEN.finditer(chunk):
        before = chunk[token.start() - 1] if token.start() else " "
        after = chunk[token.end()] if token.end() < len(chunk) else " "
        possessive = _POSSESSIVE.match(chunk, token.end())
        if before in _WORD_JOINERS or before.isdigit() or after.isdigit():
            continue
        if after in _WORD_JOINERS and not possessive:
            continue
        parts = split_token(token.group())
        offset = token.start()
        for part in parts[:-1]:
            offset += len(part)
            inserts.add(offset)
    return sorted(inserts)


def _region(chunk: str, inserts: list[int]) -> tuple[int, int]:
    """The stretch of the chunk a repair covers: the chunk minus unaffected outer punctuation."""
    start, end = 0, len(chunk)
    while start < inserts[0] - 1 and not chunk[start].isalnum():
        start += 1
    while end > inserts[-1] + 1 and not chunk[end - 1].isalnum():
        end -= 1
    return start, end


def _apply(text: str, inserts: list[int]) -> str:
    out, previous = [], 0
    for index in inserts:
        out.append(text[previous:index])
        previous = index
    out.append(text[previous:])
    return " ".join(out)


@lru_cache(maxsize=65536)
def split_token(token: str) -> tuple[str, ...]:
    """The parts a single letters-only token should be split into (just itself if none)."""
    camel = any(a.islower() and b.isupper() for a, b in zip(token, token[1:], strict=False))
    too_short = len(token) < (_MIN_CAMEL_LENGTH if camel else _MIN_PLAIN_LENGTH)
    if too_short or len(token) > _MAX_TOKEN_LENGTH or token.isupper():
        return (token,)
    if not camel and _known(token.lower()):
        return (token,)  # a known word or name, however rare: never split
    parts = _best_split(token)
    if parts is None or len(parts) < 2 or not _plausible(parts):
        return (token,)
    return parts


def _best_split(token: str) -> tuple[str, ...] | None:
    """Cheapest segmentation into valid parts (cost = -log10 word probability)."""
    n = len(token)
    best: list[tuple[float, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0.0, ())
    for i in range(n):
        if best[i] is None:
            continue
        cost_so_far, parts = best[i]
        for j in range(i + 1, min(n, i + _MAX_PART_LENGTH) + 1):
            cost = _part_cost(token, i, j)
            if cost is None:
                continue
            total = cost_so_far + cost
            if best[j] is None or total < best[j][0]:
                best[j] = (total, (*parts, token[i:j]))
    return best[n][1] if best[n] else None


def _part_cost(token: str, i: int, j: int) -> float | None:
    part = token[i:j]
    after_lower = i > 0 and token[i - 1].islower()
    if part.islower():
        return _common_cost(part)
    if part.isupper() and len(part) >= 2:
        if (i == 0 or after_lower) and (j == len(token) or token[j].islower()):
            zipf = _zipf(part.lower())
            return 9 - zipf if zipf >= 3 else _UNKNOWN_ACRONYM_COST
        return None
    if part[0].isupper() and part[1:].islower() and (i == 0 or after_lower):
        cost = _common_cost(part.lower())
        if cost is None and after_lower and len(part) >= 3:
            return _UNKNOWN_NAME_COST
        return cost
    return None


def _common_cost(word: str) -> float | None:
    """Cost of a common word, or None if the word is too rare (or too short) to trust."""
    if len(word) == 1:
        return 9 - _zipf(word) if word == "a" else None
    if len(word) == 2:
        return 9 - _zipf(word) if word in _TWO_LETTER else None
    zipf = _zipf(word)
    needed = 4.0 if len(word) == 3 and word not in _FUNCTION else 3.0
    return 9 - zipf if zipf >= needed else None


def _plausible(parts: tuple[str, ...]) -> bool:
    """Guards on the boundaries of a split; see the module docstring."""
    cluster = [parts[0]]
    for index, (left, right) in enumerate(zip(parts, parts[1:], strict=False)):
        if left[-1].islower() and right[0].isupper():
            capital_the = index == 0 and left == "The"
            if not (left.islower() or capital_the) or left.lower() not in _CAMEL_LEFT:
                return False
        if right[0].islower() and not left.isupper():
            cluster.append(right)
            continue
        if not _plausible_cluster(cluster, at_end=False):
            return False
        cluster = [right]
    return _plausible_cluster(cluster, at_end=True)


def _plausible_cluster(parts: list[str], *, at_end: bool) -> bool:
    """Parts glued without any change of case, e.g. ["a", "couple", "of"] or ["Journal", "had"]."""
    if len(parts) < 2:
        return True
    lowered = [part.lower() for part in parts]
    # (For a token with no case change the whole token was already checked against the
    # word list; inside "intheKremlin" a junk entry like "inthe" must not block the split.)
    if _zipf("".join(lowered)) >= 3 or not any(word in _FUNCTION for word in lowered):
        return False
    if any(word in _PREFIXES for word in lowered[:-1]):
        return False
    if any(word in _SUFFIXES for word in lowered[1:]):
        return False
    if at_end and len(lowered[-1]) < 3:
        return False  # "Robert|in|a", "Reynolds|on": names end like this, glue rarely does
    if any(a == "a" and len(b) < 3 for a, b in zip(lowered, lowered[1:], strict=False)):
        return False
    if any(word in _PRONOUNS for word in lowered[1:]):
        return False  # "parent|he|size", "in|it|groups"
    short = [word for word in lowered if len(word) <= 4 and word not in _FUNCTION]
    if any(_zipf(word) < 4.5 for word in short):
        return False  # "is|lice", "as|is|tent"
    head = parts[0]
    if head[0].isupper():  # "Journal|had" yes; "Bell|is|an", "By|man", "Fresh|our" no
        return (
            len(head) >= 5
            and lowered[0] not in _FUNCTION
            and _zipf(lowered[0]) >= 3.5
            and all(word in _AFTER_NAME for word in lowered[1:])
        )
    return True


def _known(word: str) -> bool:
    """In the word list, directly or as an inflection ("formatters", "parenthesized")."""
    if _zipf(word) > 0:
        return True
    for suffix in _INFLECTIONS:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 4 and (_zipf(stem) > 0 or _zipf(stem + "e") > 0):
            return True
    return False


@cache
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="large")


def _zipf(word: str) -> float:
    """Zipf frequency (log10 per billion words) of a lower-case word; 0 when unknown."""
    frequency = _frequencies().get(word)
    return math.log10(frequency) + 9 if frequency else 0.0
