"""Verify a quote against the stored text of its source, and record what was found.

Runs every time a quote is saved (admin, import, services, ``load_demo``) and from
``verify_quotes``. The verdict, the anchor (offsets with the text just before and after), the
SHA-256 of the text checked and the verifier's version are stored on the quote.
"""

from __future__ import annotations

from django.utils import timezone

from archive.quotes import verifier

# A quote's words are checked against the turns of an interview: whose turn they fall in.
ROLE_FOR_TURNS = {"interviewee": "interviewee", "interviewer": "interviewer"}

FLAG_EXPLANATIONS = {
    "in_other_speakers_turn": "The words fall in another speaker’s turn of the interview "
    "(an interviewer’s question is not the expert’s answer).",
    "in_removed_boilerplate": "The words are in text removed as boilerplate, not the author’s "
    "commentary.",
    "in_copy": "The source is a copy; quote its original instead.",
    "ambiguous": "The words occur several times in the source.",
}


def check(text: str, source, *, speaker_role: str | None = None, prefix="", suffix=""):
    """The verifier's result for ``text`` in ``source``, with the copy check: nothing is saved."""
    if not source.text:
        return _unverified()
    result = verifier.verify(
        text,
        source.text,
        prefix=prefix,
        suffix=suffix,
        turns=source.turns or (),
        speaker_role=ROLE_FOR_TURNS.get(speaker_role or ""),
        raw_text=source.raw_text,
        removed=source.removed_spans or (),
    )
    details = result.as_dict()
    flags = list(result.flags)
    if source.copy_of_id:
        flags.append("in_copy")
        original = source.copy_of
        if original.text:
            theirs = verifier.compare_wording(text, original.text)
            details["original"] = {
                "slug": original.slug,
                "title": original.title,
                "verdict": theirs.verdict,
                "wording": theirs.source_wording,
                "diff": theirs.diff,
            }
    details["flags"] = flags
    return result, details


def _unverified():
    return None, {"verdict": "unverified", "flags": []}


def verify_quote(quote, source) -> None:
    """Set the quote's verdict, anchor and verification record from ``source`` (not saved)."""
    result, details = check(
        quote.text,
        source,
        speaker_role=quote.speaker_role,
        prefix=quote.prefix,
        suffix=quote.suffix,
    )
    if result is None:
        quote.start_offset = quote.end_offset = None
        quote.verdict = quote.Verdict.UNVERIFIED
        quote.verification = {}
        quote.verified_at = None
        quote.verified_sha256 = ""
        quote.verifier_version = ""
        return
    anchored = result.start is not None and result.end is not None and result.end > result.start
    quote.start_offset = result.start if anchored else None
    quote.end_offset = result.end if anchored else None
    if anchored:
        quote.prefix, quote.suffix = result.prefix[:200], result.suffix[:200]
    quote.verdict = result.verdict
    quote.verification = details
    quote.verified_at = timezone.now()
    quote.verified_sha256 = source.text_sha256
    quote.verifier_version = verifier.VERSION
