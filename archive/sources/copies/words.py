"""Words, stems and sentences of a text, folded so that typography does not matter."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_STOPWORDS_TEXT = """
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst an and another any anyhow anyone anything anyway anywhere
    are around as at be became because become becomes been before beforehand behind being below
    beside besides between beyond both but by can cannot could did do does doing done down
    during each either else elsewhere enough etc even ever every everyone everything everywhere
    except few for former formerly from further had has have having he hence her here hereafter
    hereby herein hers herself him himself his how however i ie if in indeed into is it its
    itself just last latter least less many may me meanwhile might mine more moreover most
    mostly much must my myself namely neither never nevertheless next no nobody none noone nor
    not nothing now nowhere of off often on once one only onto or other others otherwise our
    ours ourselves out over own per perhaps rather re same seem seemed seeming seems several she
    should since so some somehow someone something sometime sometimes somewhere still such than
    that the their theirs them themselves then thence there thereafter thereby therefore therein
    thereupon these they this those though through throughout thru thus to together too toward
    towards under until up upon us very via was we well were what whatever when whence whenever
    where whereafter whereas whereby wherein whereupon wherever whether which while whither who
    whoever whole whom whose why will with within without would yet you your yours yourself
    yourselves s t d ll m ve re don doesn didn isn aren wasn weren won wouldn shouldn couldn
    """
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

_FOLD = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
}
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"'s\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_PROPER = re.compile(r"\b[A-Z][a-zA-Z]+|\b\d[\d,.]*\d\b|\b\d\b")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ed", "es", "s", "ly")


# --------------------------------------------------------------------------------------------
# Words and sentences
# --------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        for char, replacement in _FOLD.items():
            if char in text:
                text = text.replace(char, replacement)
    return text


def _words(folded: str) -> list[str]:
    lower = folded.lower()
    if "'" in lower:
        lower = _POSSESSIVE.sub("", lower).replace("'", "")
    return _WORD.findall(lower)


def word_tokens(text: str) -> list[str]:
    """Lower-case words, typography normalised, punctuation stripped ("Putin’s" -> "putin")."""
    return _words(_fold(text))


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A crude stem that is good enough to match inflections: strip a suffix, keep 5 letters."""
    if word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:5]


def _content(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if len(w) < 3 or w in STOPWORDS:
            continue
        stem = _stem(w)
        if not out or out[-1] != stem:
            out.append(stem)
    return out


def _sentences(folded: str) -> list[str]:
    out = []
    for para in folded.splitlines():
        for sentence in _SENTENCE_END.split(para.strip()):
            if sentence.strip():
                out.append(sentence.strip())
    return out
