"""Find and cut the page furniture that comes along with copied or scraped commentary.

Only whole lines (or whole trailing blocks) are removed, plus a lone end mark such as the
"♦" that closes New Yorker pieces. Anything doubtful is kept and reported as a warning, so
that no sentence of the author's commentary is ever lost.

Kinds (``Span.reason``): "donation appeal", "subscription appeal", "share prompt",
"comment prompt", "leftover", "contributor bio", "end mark", "navigation".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

REASONS = (
    "donation appeal",
    "subscription appeal",
    "share prompt",
    "comment prompt",
    "leftover",
    "contributor bio",
    "end mark",
    "navigation",
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    reason: str
    text: str


@dataclass(frozen=True)
class _Line:
    index: int
    start: int  # first non-space character
    end: int  # just after the last non-space character
    text: str  # the stripped line

    @property
    def words(self) -> int:
        return len(self.text.split())


def _exact(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(alternatives) + r")$", re.IGNORECASE)


_SOCIAL = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|e-?mail|mail|"
    r"print|copy link|flipboard|bluesky|threads|messenger|sms)"
)
_SHARE_ITEM = re.compile(
    rf"(?:(?:share|tweet|e-?mail|print|send)(?: this(?: article| story| page| post)?)?"
    rf"(?: (?:on|via|to) {_SOCIAL})?|{_SOCIAL}|link copied)",
    re.IGNORECASE,
)
_SHARE_SEPARATORS = re.compile(r"[\s|•·/,:]+")
_COMMENT = _exact(
    r"(?:leave|post|add|write|submit) (?:a |your )?(?:comment|reply|response)s?",
    r"join the (?:conversation|discussion|debate)",
    r"(?:\d+ )?comments?(?: \(\d+\))?",
    r"(?:show|view|hide|read|see|load) (?:all |more )?(?:\d+ )?comments?",
    r"be the first to comment(?: on this (?:article|story|post))?",
    r"comment on this (?:article|story|post)",
    r"have your say",
    r"comments are closed",
    r"you must be logged in to (?:post a )?comment",
)
_LEFTOVER = _exact(
    r"sources?",
    r"advertisement",
    r"advertising",
    r"sponsored(?: content)?",
    r"read more",
    r"read next",
    r"related(?: articles| stories| posts| content| coverage| reading| topics)?",
    r"more on this(?: topic| story)?",
    r"recommended(?: for you| reading)?",
    r"you (?:may|might) also like",
    r"most (?:read|popular|viewed)",
    r"trending(?: now)?",
    r"continue reading(?: below)?",
    r"(?:story|article) continues below(?: advertisement)?",
    r"click here",
    r"listen to (?:this )?(?:article|story)",
    r"tags",
    r"topics",
    r"image",
    r"photo",
    r"video",
    r"loading",
    r"show more",
    r"load more",
    r"see also",
    r"also read",
)
# "Read more: <headline>" style lines pointing at other articles.
_LEFTOVER_PREFIX = re.compile(
    r"^(?:read more|read next|also read|see also|related|recommended|more from [\w .]{1,30})"
    r"\s*[:»›>|–—-]\s*\S",
    re.IGNORECASE,
)
_NAVIGATION = _exact(
    r"skip to (?:main )?(?:content|navigation)",
    r"back to top",
    r"(?:main )?menu",
    r"open menu",
    r"toggle navigation",
    r"search",
    r"home",
    r"(?:next|previous) (?:article|story|post)",
    r"next",
    r"previous",
    r"close",
    r"log ?in",
    r"sign in(?: / register)?",
    r"my account",
    r"go to (?:the )?homepage",
    r"top of page",
)
_BREADCRUMB_SEPARATOR = re.compile(r"\s+[›»>|]\s+")
_END_MARK = _exact(r"[♦◆■∎□]", r"#\s?#\s?#", r"[-–—]\s?30\s?[-–—]", r"-ends?-")
_TRAILING_END_MARK = re.compile(r"(?<=\S)[ \t]*([♦◆■∎])[ \t]*$")

_DONATION_VOCAB = re.compile(
    r"\bdonat\w*|\bcontribut\w*|\bsupport(?:ing)? (?:us|our (?:work|journalism|reporting|"
    r"newsroom)|independent (?:journalism|media|reporting))\b|"
    r"\bpatreon\b|\bpaypal\b|\bmonthly\b|\bone-(?:off|time)\b|\breader-funded\b|"
    r"\bfund(?:ing)? (?:our|us)\b|\bindependent journalism\b|\bmembership\b|"
    r"\bbecome a (?:member|supporter|patron)\b|\bneed your (?:help|support)\b|"
    r"[$€£]\s?\d",
    re.IGNORECASE,
)
_SUBSCRIPTION_VOCAB = re.compile(
    r"\bsubscri\w*|\bnewsletter\b|\binbox\b|\bsign up\b|\bpaywall\b|\bunlimited access\b|"
    r"\bfree trial\b",
    re.IGNORECASE,
)
# An appeal asks the reader directly; commentary about aid "contributions" does not.
_DIRECT_APPEAL = re.compile(
    r"\byour (?:support|help|contribution|donation|gift|subscription)\b|\bsupport us\b|"
    r"\bdonate\b|\bsubscribe\b|\bsign up\b|\bbecome a (?:member|supporter|patron)\b|"
    r"\bhelp us\b|\bremind me later\b|\bwe need your\b",
    re.IGNORECASE,
)
_APPEAL_HEADER = re.compile(
    r"^(?:a (?:message|note|word|request) from\b|dear (?:readers?|friends?|subscribers?)\b|"
    r"(?:we|i) (?:have a small favou?r|need your (?:help|support))|before you go\b|"
    r"support (?:us|our|independent|quality)\b|help us (?:keep|fund|continue)\b|donate\b|"
    r"become a (?:member|supporter|patron|subscriber)\b|"
    r"if you (?:value|appreciate|enjoyed|liked?) (?:this (?:article|story|piece|newsletter)|"
    r"our (?:work|journalism|reporting)|what we do|reading)\b|"
    r"thank you for reading\b|(?:sign up|subscribe) (?:for|to)\b|"
    r"get (?:our|the) .{0,40}newsletter|enjoyed this (?:article|piece|story)|"
    r"like what you(?:'|’)?re reading)",
    re.IGNORECASE,
)
_APPEAL_LINE = re.compile(
    r"^(?:please )?(?:donate|support (?:us|our|independent)|make a (?:donation|contribution)|"
    r"contribute|become a (?:member|subscriber|supporter|patron)|subscribe|sign up|"
    r"get (?:our|the) .{0,40}newsletter|already a subscriber|enter your e-?mail|"
    r"join our (?:mailing list|newsletter)|never miss)\b",
    re.IGNORECASE,
)
_APPEAL_BUTTON = _exact(
    r"remind me later", r"maybe later", r"not now", r"no,? thanks", r"donate(?: now)?"
)
_SUBSCRIBE_BUTTON = _exact(r"subscribe(?: now| today)?", r"sign up(?: now)?")
_APPEAL_MAX_WORDS = 400
_APPEAL_WINDOW_LINES = 15

_BIO_LABEL = re.compile(
    r"^(?:about the authors?|(?:[\w&'’,.-]+ ){0,4}(?:contributor|contributing (?:writer|editor)|"
    r"columnist|correspondent|(?:staff |senior |guest )?writer|reporter|editor|author))\s*:?$",
    re.IGNORECASE,
)
_BIO_SIGNALS = (
    re.compile(
        r"\b(?:is|was|has been|serves as) (?:a|an|the)\b[^.]{0,80}?\b(?:fellow|professor|"
        r"journalist|writer|editor|columnist|correspondent|contributor|analyst|researcher|"
        r"director|author|lecturer|reporter|scholar|historian|economist|diplomat|ambassador|"
        r"advis[eo]r|consultant|expert|enthusiast|founder|strategist)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\bis the author of\b|\bauthor of\b", re.IGNORECASE),
    re.compile(
        r"\b(?:covers|writes about|reports on|writes on|specializes in|specialises in)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\bfollow (?:him|her|them) on\b|(?<!\w)@\w{2,}", re.IGNORECASE),
    re.compile(r"\b(?:his|her|their) (?:articles|writing|work|research|reporting)\b", re.I),
    re.compile(r"\b(?:certified|enthusiast|nonresident|senior fellow|visiting fellow)\b", re.I),
    re.compile(r"^(?:An?|The) [\w -]{3,60}, [A-Z][a-z]+ "),  # "A wellness writer, Meera …"
)
_BIO_MAX_WORDS = 90
_ROLE_WORDS = frozenset(
    [
        "about",
        "the",
        "author",
        "authors",
        "contributor",
        "contributing",
        "writer",
        "editor",
        "columnist",
        "correspondent",
        "staff",
        "senior",
        "guest",
        "reporter",
        "and",
        "of",
        "&",
        "for",
    ]
)
_TRAILING_SPACE = re.compile(r"[^\S\n]+(?=\n|$)")
_EXTRA_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n){2,}")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SUSPICIOUS_INLINE = re.compile(
    r"share (?:this|on facebook|on twitter)|leave a (?:comment|reply)|"
    r"subscribe to (?:our|the)|sign up for (?:our|the)|donate (?:now|today)|"
    r"remind me later|advertisement"  # matched against lower-cased text: faster
)


def find_boilerplate(text: str, *, authors: Sequence[str] = ()) -> tuple[list[Span], list[str]]:
    """Return (spans to remove, warnings) for ``text``; spans are sorted and don't overlap."""
    lines = _split_lines(text)
    spans: dict[int, Span] = {}  # keyed by the index of the first line they cover
    warnings: list[str] = []

    for line in lines:
        reason = _classify_line(line.text)
        if reason:
            spans[line.index] = Span(line.start, line.end, reason, line.text)
            continue
        mark = _TRAILING_END_MARK.search(line.text)
        if mark:
            start = line.start + mark.start(1)
            spans[line.index] = Span(start, start + 1, "end mark", mark.group(1))

    _find_tail_appeal(text, lines, spans, warnings)
    _find_tail_bio(text, lines, spans, warnings, authors)
    _warn_inline(lines, spans, warnings)
    return sorted(spans.values(), key=lambda span: span.start), warnings


def remove_spans(text: str, spans: Iterable[Span]) -> str:
    """Cut ``spans`` out of ``text``; drop lines left empty; at most one blank line in a row."""
    pieces, done = [], 0
    for start, end in _whole_line_cuts(text, spans):
        pieces.append(text[done:start])
        done = max(done, end)
    pieces.append(text[done:])
    tidy = _TRAILING_SPACE.sub("", "".join(pieces))
    return _EXTRA_BLANK_LINES.sub("\n\n", tidy).strip()


def _whole_line_cuts(text: str, spans: Iterable[Span]) -> list[tuple[int, int]]:
    """The spans as (start, end) cuts, merged, and widened to take along their line's
    newline when nothing else is left on the line (so no new blank line appears)."""
    merged: list[list[int]] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span.end)
        else:
            merged.append([span.start, span.end])
    cuts = []
    for start, end in merged:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        if not text[line_start:start].strip() and not text[end:line_end].strip():
            start, end = line_start, min(line_end + 1, len(text))
        cuts.append((start, end))
    return cuts


def _split_lines(text: str) -> list[_Line]:
    lines = []
    position = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            lines.append(_Line(index, start, start + len(stripped), stripped))
        else:
            lines.append(_Line(index, position, position, ""))
        position += len(raw) + 1
    return lines


def _normalise_label(line: str) -> str:
    """A short line without bullets, arrows and closing punctuation (patterns ignore case)."""
    line = line.strip("*_#>•·|–—-:.…!?»›→()[] \t").strip()
    return re.sub(r"\s+", " ", line)


def _classify_line(line: str) -> str | None:
    if not line:
        return None
    if _END_MARK.match(line.strip()):
        return "end mark"
    if len(line.split()) > 30:
        return None
    label = _normalise_label(line)
    if not label:
        return None
    if _is_share_prompt(label):
        return "share prompt"
    if _COMMENT.match(label):
        return "comment prompt"
    if _APPEAL_BUTTON.match(label):
        return "donation appeal"
    if _SUBSCRIBE_BUTTON.match(label):
        return "subscription appeal"
    sentence = line.endswith((".", "?", "!"))  # "Next." may be someone speaking
    if not sentence and _LEFTOVER.match(label):
        return "leftover"
    if _LEFTOVER_PREFIX.match(line) and len(line.split()) <= 20:
        return "leftover"
    if (not sentence and _NAVIGATION.match(label)) or _is_breadcrumb(line):
        return "navigation"
    return _appeal_line_reason(line)


def _is_share_prompt(label: str) -> bool:
    """A line made only of share buttons: "Share This", "Share on Facebook", "Twitter | Email"."""
    return not _SHARE_SEPARATORS.sub("", _SHARE_ITEM.sub(" ", label))


def _is_breadcrumb(line: str) -> bool:
    parts = _BREADCRUMB_SEPARATOR.split(line)
    return len(parts) >= 3 and all(
        0 < len(part.split()) <= 4 and not part.endswith((".", "?", "!")) for part in parts
    )


def _appeal_line_reason(line: str) -> str | None:
    """Short one-line appeals like "Subscribe to our newsletter" or "Support us: donate"."""
    words = len(line.split())
    if words > 25 or not _APPEAL_LINE.match(line):
        return None
    donation, subscription = _appeal_vocabulary(line)
    if len(donation) + len(subscription) < (1 if words <= 8 else 2):
        return None
    return "donation appeal" if len(donation) >= len(subscription) else "subscription appeal"


def _appeal_vocabulary(text: str) -> tuple[set[str], set[str]]:
    """The distinct donation words and subscription words used in ``text``."""
    donation = {m.group(0).lower() for m in _DONATION_VOCAB.finditer(text)}
    subscription = {m.group(0).lower() for m in _SUBSCRIPTION_VOCAB.finditer(text)}
    return donation, subscription


def _tail(lines: list[_Line], spans: dict[int, Span]) -> list[_Line]:
    """The non-blank lines not already marked, in order."""
    covered = set()
    for span in spans.values():
        covered.update(line.index for line in lines if span.start <= line.start < span.end)
    return [line for line in lines if line.text and line.index not in covered]


def _find_tail_appeal(
    text: str, lines: list[_Line], spans: dict[int, Span], warnings: list[str]
) -> None:
    """A trailing appeal block: starts at a header ("A Message from…", "Dear readers,")."""
    remaining = _tail(lines, spans)
    window: list[_Line] = []
    words = 0
    for line in reversed(remaining):
        words += line.words
        if len(window) >= _APPEAL_WINDOW_LINES or words > _APPEAL_MAX_WORDS:
            break
        window.insert(0, line)
    for header in window:
        if header.words > 25 or not _APPEAL_HEADER.match(_normalise_label(header.text)):
            continue
        block_lines = [line for line in lines if line.index >= header.index and line.text]
        end = block_lines[-1].end
        block = text[header.start : end]
        donation, subscription = _appeal_vocabulary(block)
        if len(donation) + len(subscription) < 2 or not _DIRECT_APPEAL.search(block):
            warnings.append(
                f"kept the end of the text, which may be an appeal: {_preview(header.text)}"
            )
            return
        reason = "donation appeal" if len(donation) >= len(subscription) else "subscription appeal"
        for index in [i for i in spans if i >= header.index]:
            del spans[index]
        spans[header.index] = Span(header.start, end, reason, block)
        return
    if any(s.text.lower().startswith("remind me later") for s in spans.values()):
        warnings.append("found 'Remind me later' but not the start of the appeal it closes")


def _find_tail_bio(
    text: str,
    lines: list[_Line],
    spans: dict[int, Span],
    warnings: list[str],
    authors: Sequence[str],
) -> None:
    """A contributor bio at the very end: remove it only when it is someone else's."""
    remaining = _tail(lines, spans)
    if len(remaining) < 3:
        return
    bio = remaining[-1]
    label = remaining[-2] if _BIO_LABEL.match(remaining[-2].text) else None
    if bio.words > _BIO_MAX_WORDS or _BIO_LABEL.match(bio.text):
        return
    signals = sum(1 for pattern in _BIO_SIGNALS if pattern.search(bio.text))
    if signals < (1 if label else 2):
        return

    first = label or bio
    block = text[first.start : bio.end]
    body = text[: first.start]
    names = _person_names(bio.text, label.text if label else "")
    author_tokens = {token for name in authors for token in name.split() if len(token) >= 3}
    if author_tokens & set(re.findall(r"[\w’'-]+", block)):
        return  # the bio of one of the piece's own authors
    if authors:
        spans[first.index] = Span(first.start, bio.end, "contributor bio", block)
        return
    topic = _label_topic(label.text) if label else set()
    lowered_body = body.lower()
    unrelated = (
        topic
        and not any(re.search(rf"\b{re.escape(word)}\b", lowered_body) for word in topic)
        and not any(name in body for name in names)
    )
    if unrelated:
        spans[first.index] = Span(first.start, bio.end, "contributor bio", block)
        warnings.append(
            f"removed a contributor bio whose subject is not in the piece: {_preview(block)}"
        )
    else:
        warnings.append(
            "kept what looks like a contributor bio at the end (no authors given to check it "
            f"against): {_preview(block)}"
        )


def _label_topic(label: str) -> set[str]:
    words = re.findall(r"[a-z]+", label.lower())
    return {word for word in words if word not in _ROLE_WORDS and len(word) > 2}


def _person_names(bio: str, label: str) -> set[str]:
    skip = {"The", "His", "Her", "Their", "She", "And", "For", "With", "From"}
    skip |= set(label.split())
    return {name for name in _CAPITALISED.findall(bio) if name not in skip}


def _warn_inline(lines: list[_Line], spans: dict[int, Span], warnings: list[str]) -> None:
    for line in _tail(lines, spans):
        match = _SUSPICIOUS_INLINE.search(line.text.lower())
        if match:
            warnings.append(
                f"kept a paragraph mentioning '{match.group(0)}': {_preview(line.text)}"
            )


def _preview(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
