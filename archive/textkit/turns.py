"""Recognise the question and answer turns of an interview in plain text.

Two layouts are understood:

* labelled: paragraphs start with "Q:", "A:", "Q.", "Interviewer:" or a speaker's name
  ("RADCHENKO:", "Isaac Chotiner:"); unlabelled paragraphs continue the previous speaker;
* unlabelled (The New Yorker style): an introduction that says an interview took place,
  then the interviewer's paragraphs, which end in "?", address the interviewee ("you
  write", "your piece"), or are echoed by the answer, each followed by the answer.

Essays and op-eds get ``[]``. Turns are merged runs of paragraphs with one role, in order;
they tile the text: each turn runs from the start of its first paragraph to the start of
the next turn (the last to the end of the text), so no text falls between turns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Turn:
    start: int
    end: int
    role: str  # "question", "answer" or "narration"


@dataclass(frozen=True)
class _Paragraph:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


_LABEL = re.compile(
    r"^(?:\*\*|__)?(?P<label>Q|A|Question|Answer|Interviewer|"
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?:\*\*|__)?\s*(?P<sep>[:.])(?:\*\*|__)?\s+\S"
)
_QUESTION_LABELS = {"q", "question", "interviewer"}
_ANSWER_LABELS = {"a", "answer"}
# "Fourth: …", "Update: …" and the like are not speakers.
_NOT_SPEAKERS = frozenset(
    re.split(
        r",\s*",
        "note, update, correction, source, sources, photo, image, caption, credit, related, "
        "disclosure, warning, example, tip, summary, background, context, tags, topics, first, "
        "second, third, fourth, fifth, sixth, finally, transcript, read more, bottom line, "
        "editor's note, editor’s note",
    )
)
# Said by the interviewer: "I recently spoke by phone with…", "edited for length and
# clarity", "our conversation". ("Trump spoke with Putin" in an op-ed is not a cue.)
_INTERVIEW_CUE = re.compile(
    r"\bedited (?:for (?:length|clarity)|and condensed)|\bcondensed (?:and|for)\b|"
    r"\b(?:I|we)\b[^.]{0,30}\b(?:spoke|talked|sat down|caught up|chatted)\b[^.]{0,40}\bwith\b|"
    r"\bI interviewed\b|\b(?:our|this|the following) (?:conversation|interview)\b|"
    r"\bQ\s?(?:&|and)\s?A\b"
)
# The interviewer quoting or addressing the interviewee: "you write", "your piece",
# "I saw you tweet"; weaker verbs ("you said") count only where "you" opens a clause, so
# that an answer's "the aspect you mentioned" doesn't.
_ADDRESSING = re.compile(
    r"\b(?:(?P<strong>you (?:write|wrote|argue|argued|make clear|were saying|have written|"
    r"have argued)|you(?:’|')ve (?:written|argued)|i saw you|your (?:piece|pieces|article|"
    r"articles|book|essay|op-ed|column|paper|research|follow-up|tweet|argument|new book))|"
    r"you (?:say|said|mention|mentioned|note|noted|suggest|suggested|claim|claimed|describe|"
    r"described|predicted|warned|point out|pointed out|make the case|make the point|"
    r"have said))\b"
)
_CLAUSE_END = re.compile(r"(?:^|[.!?,;:]|\b(?:and|but|so|now))\s*$")
_CLOSERS = "”\"’')]*_ "
_MAX_QUESTION_WORDS = 150
_INTERJECTION_WORDS = 12
_LONG_ANSWER_WORDS = 40


def find_turns(text: str) -> list[Turn]:
    """The interview turns in ``text``, or [] when it is not an interview."""
    paragraphs = _paragraphs(text)
    if len(paragraphs) < 4:
        return []
    roles = _labelled_roles(paragraphs) or _unlabelled_roles(paragraphs)
    if not roles or roles.count("question") < 2 or roles.count("answer") < 2:
        return []
    return _tile(text, paragraphs, roles)


def _paragraphs(text: str) -> list[_Paragraph]:
    """Non-blank lines, or blank-line-separated blocks when the text is hard-wrapped."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    if _hard_wrapped(text):
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    else:
        spans = lines
    out = []
    for start, end in spans:
        raw = text[start:end]
        start += len(raw) - len(raw.lstrip())
        end -= len(raw) - len(raw.rstrip())
        out.append(_Paragraph(start, end, " ".join(text[start:end].split())))
    return out


def _hard_wrapped(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 6 or "\n\n" not in text:
        return False
    wrapped = sum(1 for line in lines if 40 <= len(line) <= 90 and not _LABEL.match(line))
    return wrapped >= 0.6 * len(lines)


def _labelled_roles(paragraphs: list[_Paragraph]) -> list[str] | None:
    labels = [_label_of(p.text) for p in paragraphs]
    counts: dict[str, int] = {}
    for label in labels:
        if label:
            counts[label] = counts.get(label, 0) + 1
    speakers = {label for label, count in counts.items() if count >= 2}
    labelled = [label for label in labels if label in speakers]
    switches = sum(1 for a, b in zip(labelled, labelled[1:], strict=False) if a != b)
    if len(speakers) < 2 or len(labelled) < 4 or switches < len(labelled) / 2:
        return None

    interviewer = _interviewer(paragraphs, labels, speakers)
    roles, current = [], "narration"
    for paragraph, label in zip(paragraphs, labels, strict=True):
        if label in speakers:
            asking = label in _QUESTION_LABELS or label == interviewer
            current = "question" if asking and label not in _ANSWER_LABELS else "answer"
        elif current != "narration" and _INTERVIEW_CUE.search(paragraph.text):
            current = "narration"  # "This interview has been edited…" after the Q&A
        roles.append(current)
    return roles


def _label_of(text: str) -> str | None:
    """The lower-cased speaker label opening a paragraph ("q", "radchenko"), if any."""
    match = _LABEL.match(text)
    if not match:
        return None
    label = match.group("label")
    folded = label.lower()
    if match.group("sep") == "." and folded not in ("q", "a"):
        return None
    if folded in _NOT_SPEAKERS or " ".join(folded.split()[:2]) in _NOT_SPEAKERS:
        return None
    return folded


def _interviewer(
    paragraphs: list[_Paragraph], labels: list[str | None], speakers: set[str]
) -> str | None:
    """The named speaker who asks: most paragraphs ending in "?", else whoever speaks first."""
    if speakers & (_QUESTION_LABELS | _ANSWER_LABELS):
        return None
    asks: dict[str, float] = {}
    for paragraph, label in zip(paragraphs, labels, strict=True):
        if label in speakers:
            asks[label] = asks.get(label, 0) + (1 if _ends_with_question(paragraph.text) else 0)
    totals = {label: labels.count(label) for label in speakers}
    first = next(label for label in labels if label in speakers)
    return max(speakers, key=lambda s: (asks.get(s, 0) / totals[s], s == first))


def _unlabelled_roles(paragraphs: list[_Paragraph]) -> list[str] | None:
    cue = next((i for i, p in enumerate(paragraphs[:4]) if _INTERVIEW_CUE.search(p.text)), None)
    first_possible = 0 if cue is None else cue + 1
    asking = [  # paragraphs ending in "?" that are followed by a longer one
        i
        for i, p in enumerate(paragraphs[:-1])
        if i >= first_possible
        and _ends_with_question(p.text)
        and p.words <= _MAX_QUESTION_WORDS
        and paragraphs[i + 1].words > p.words
    ]
    if cue is not None:
        interview = len(asking) >= 2
    else:
        interview = len(asking) >= 4 and len(asking) >= 0.2 * len(paragraphs)
    if not interview:
        return None

    start = asking[0]
    roles = ["narration"] * start + ["question"]
    for k in range(start + 1, len(paragraphs)):
        following = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        if roles[-1] == "question":
            roles.append("answer")
        elif following is None and _INTERVIEW_CUE.search(paragraphs[k].text):
            roles.append("narration")
        elif _asks(paragraphs[k], following):
            roles.append("question")
        else:
            roles.append("answer")
    return roles


def _asks(paragraph: _Paragraph, following: _Paragraph | None) -> bool:
    """Does this paragraph (after an answer) read as the interviewer speaking?"""
    if following is None:
        return False
    if _ends_with_question(paragraph.text) and paragraph.words <= _MAX_QUESTION_WORDS:
        return True
    if paragraph.words <= 200 and _addresses(paragraph.text):
        return True
    if paragraph.words <= _LONG_ANSWER_WORDS and _echoed(paragraph.text, following.text):
        return True
    return (
        paragraph.words <= _INTERJECTION_WORDS
        and following.words >= _LONG_ANSWER_WORDS
        and not paragraph.text.endswith(":")
    )


def _addresses(text: str) -> bool:
    """Does the paragraph speak to the interviewee about their work ("you write", …)?"""
    lowered = text.lower()
    for match in _ADDRESSING.finditer(lowered):
        if match["strong"] or _CLAUSE_END.search(lowered, 0, match.start()):
            return True
    return False


def _ends_with_question(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith("?")


def _echoed(question: str, answer: str) -> bool:
    """The answer opens by repeating the interviewer ("Or perhaps…" / "Or perhaps…")."""
    opening = _words(re.split(r"(?<=[.!?])\s", answer, maxsplit=1)[0])
    said = _words(question)
    if len(opening) < 3 or len(opening) > len(said):
        return False
    return any(said[i : i + len(opening)] == opening for i in range(len(said) - len(opening) + 1))


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’']+", text.lower())


def _tile(text: str, paragraphs: list[_Paragraph], roles: list[str]) -> list[Turn]:
    starts: list[tuple[int, str]] = []
    for paragraph, role in zip(paragraphs, roles, strict=True):
        if not starts or starts[-1][1] != role:
            starts.append((paragraph.start, role))
    ends = [start for start, _ in starts[1:]] + [len(text)]
    return [Turn(start, end, role) for (start, role), end in zip(starts, ends, strict=True)]
