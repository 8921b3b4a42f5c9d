"""Turn the bytes of an uploaded file into clean Unicode text, or say plainly why not.

Detection order: byte-order marks (UTF-8, UTF-16), refusals (too big, empty, binary),
strict UTF-8, UTF-8 with a few damaged bytes, UTF-16 without a BOM, Windows-1252 (when
bytes 0x80-0x9F are cp1252 punctuation such as smart quotes and dashes), then Latin-1.
The result has LF line endings and is in Unicode NFC.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

MAX_BYTES = 5 * 1024 * 1024

_MAGIC_NUMBERS = (
    b"%PDF-",  # PDF
    b"PK\x03\x04",  # ZIP, and so DOCX/ODT/EPUB
    b"PK\x05\x06",  # empty ZIP
    b"\x89PNG\r\n\x1a\n",  # PNG
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"\x1f\x8b",  # gzip
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # old MS Office (DOC/XLS)
    b"Rar!\x1a\x07",
    b"7z\xbc\xaf\x27\x1c",
    b"\x7fELF",
    b"{\\rtf",  # RTF is text, but full of markup we cannot clean
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"
# Control bytes that plain text may legitimately contain: tab, LF, vertical tab, FF, CR, ESC.
_ALLOWED_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _ALLOWED_CONTROLS) + b"\x7f"
_MAX_CONTROL_SHARE = 0.02
# Bytes that Windows-1252 leaves undefined: a text with them is not cp1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# A decoded text whose non-space characters are more than this share non-ASCII is gibberish
# (e.g. Chinese or Cyrillic in a legacy code page read as Latin-1).
_MAX_NON_ASCII_SHARE = 0.3


class ImportProblem(ValueError):
    """The upload cannot be imported; ``reason`` says why in plain English."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes) -> Decoded:
    """Decode uploaded bytes to NFC text with LF line endings; raise ImportProblem if we can't."""
    if len(data) > MAX_BYTES:
        raise ImportProblem("the file is larger than 5 MB")
    if not data.strip():
        raise ImportProblem("the file is empty")

    warnings: list[str] = []
    if data.startswith(_UTF8_BOM):
        text, encoding = _strict(data[len(_UTF8_BOM) :], "utf-8"), "utf-8-sig"
    elif data.startswith(_UTF16_BOMS):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    else:
        text, encoding = _decode_without_bom(data, warnings)

    text = _normalise(text, warnings)
    if not text.strip():
        raise ImportProblem("the file is empty")
    return Decoded(text=text, encoding=encoding, warnings=warnings)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ImportProblem(
            f"the file says it is {encoding.upper()} but its bytes are not valid {encoding.upper()}"
        ) from None


def _decode_without_bom(data: bytes, warnings: list[str]) -> tuple[str, str]:
    if data.startswith(_MAGIC_NUMBERS):
        raise ImportProblem("the file is binary, not text")
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise ImportProblem("the file is binary, not text")
        return utf16, "utf-16"
    if _control_share(data) > _MAX_CONTROL_SHARE:
        raise ImportProblem("the file is binary, not text")

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        bad = mostly_utf8.count("\ufffd")
        warnings.append(f"{bad} byte(s) were not valid UTF-8 and were replaced with �")
        return mostly_utf8, "utf-8"

    high_c1 = {b for b in data if 0x80 <= b <= 0x9F}
    if high_c1:
        if high_c1 & _CP1252_UNDEFINED:
            raise ImportProblem("the text is in an encoding we cannot recognise")
        return _sensible(data.decode("cp1252")), "windows-1252"
    return _sensible(data.decode("latin-1")), "latin-1"


def _control_share(data: bytes) -> float:
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls / len(data)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a handful of damaged bytes (at most 1 per 20 valid multi-byte sequences)."""
    valid = len(_UTF8_MULTIBYTE.findall(data))
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if valid >= 5 and bad * 20 <= valid:
        return text
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows up as NULs in every other byte of mostly-ASCII text."""
    if len(data) % 2:
        return None
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd_nuls > 0.4 * half and even_nuls == 0:
        encoding = "utf-16-le"
    elif even_nuls > 0.4 * half and odd_nuls == 0:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _looks_binary_text(text) else text


def _looks_binary_text(text: str) -> bool:
    controls = len(_STRAY_CONTROLS.findall(text))
    return controls > _MAX_CONTROL_SHARE * len(text)


def _sensible(text: str) -> str:
    """Refuse single-byte decodings that produce gibberish rather than Western text."""
    visible = [ch for ch in text if not ch.isspace()]
    non_ascii = sum(1 for ch in visible if ord(ch) > 127)
    if visible and non_ascii / len(visible) > _MAX_NON_ASCII_SHARE:
        raise ImportProblem("the text is in an encoding we cannot recognise")
    if _looks_binary_text(text):
        raise ImportProblem("the file is binary, not text")
    return text


def _normalise(text: str, warnings: list[str]) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = unicodedata.normalize("NFC", text)
    if text.startswith("\ufeff"):
        text = text[1:]
    stray = _STRAY_CONTROLS.findall(text)
    if stray:
        if _looks_binary_text(text):
            raise ImportProblem("the file is binary, not text")
        text = _STRAY_CONTROLS.sub("", text)
        warnings.append(f"{len(stray)} stray control character(s) were removed")
    return text
