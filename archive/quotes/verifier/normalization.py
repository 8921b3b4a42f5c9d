"""Typography normalisation that keeps a map back to the original offsets."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

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
