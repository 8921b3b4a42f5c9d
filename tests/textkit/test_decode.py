"""decode_bytes: encodings, line endings, NFC, and the plain-English refusals."""

import codecs
import unicodedata

import pytest

from archive.textkit.decode import MAX_BYTES, Decoded, ImportProblem, decode_bytes

SAMPLE = "Putin’s “red lines” — and Zelensky’s reply… café"


def test_plain_utf8():
    result = decode_bytes(SAMPLE.encode("utf-8"))
    assert result == Decoded(SAMPLE, "utf-8", [])


def test_plain_ascii_is_reported_as_utf8():
    assert decode_bytes(b"Just ASCII.\n").encoding == "utf-8"


def test_utf8_bom_is_stripped():
    result = decode_bytes(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"))
    assert result.encoding == "utf-8-sig"
    assert result.text == SAMPLE


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    data = SAMPLE.encode(codec)
    if codec != "utf-16":
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    result = decode_bytes(data)
    assert result.encoding == "utf-16"
    assert result.text == SAMPLE


def test_utf16_without_bom_is_recognised_rather_than_called_binary():
    result = decode_bytes("A plain English sentence, twice. ".encode("utf-16-le") * 2)
    assert result.encoding == "utf-16"
    assert result.text.startswith("A plain English sentence")


def test_windows_1252_smart_punctuation():
    text = "The “deal” – Trump’s idea… costs €5"
    result = decode_bytes(text.encode("cp1252"))
    assert result.encoding == "windows-1252"
    assert result.text == text


def test_latin1_without_cp1252_punctuation():
    text = "Déjà vu in Köln: naïve señor, 5 °C"
    result = decode_bytes(text.encode("latin-1"))
    assert result.encoding == "latin-1"
    assert result.text == text


def test_crlf_and_cr_become_lf():
    result = decode_bytes(b"one\r\ntwo\rthree\n")
    assert result.text == "one\ntwo\nthree\n"


def test_crlf_in_cp1252_file():
    result = decode_bytes("“Quote”\r\nNext line\r\n".encode("cp1252"))
    assert result.text == "“Quote”\nNext line\n"
    assert result.encoding == "windows-1252"


def test_text_is_nfc_normalised():
    decomposed = unicodedata.normalize("NFD", "café naïve")
    result = decode_bytes(decomposed.encode("utf-8"))
    assert result.text == "café naïve"
    assert unicodedata.is_normalized("NFC", result.text)


def test_mostly_utf8_with_one_bad_byte_is_kept_with_a_warning():
    data = ("“Quoted” text, ‘more’ — dashes… " * 5).encode("utf-8") + b"\xff end"
    result = decode_bytes(data)
    assert result.encoding == "utf-8"
    assert "\ufffd" in result.text
    assert result.warnings and "replaced" in result.warnings[0]


def test_stray_control_characters_are_removed_with_a_warning():
    result = decode_bytes(b"Hello\x07 world, this is a long enough line of text to be text.")
    assert result.text.startswith("Hello world")
    assert any("control" in warning for warning in result.warnings)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty(data):
    with pytest.raises(ImportProblem) as problem:
        decode_bytes(data)
    assert problem.value.reason == "the file is empty"


def test_bom_only_is_empty():
    with pytest.raises(ImportProblem, match="empty"):
        decode_bytes(codecs.BOM_UTF8 + b"  \n")


def test_oversize():
    with pytest.raises(ImportProblem) as problem:
        decode_bytes(b"a" * (MAX_BYTES + 1))
    assert problem.value.reason == "the file is larger than 5 MB"


def test_exactly_max_bytes_is_fine():
    assert decode_bytes(b"a" * MAX_BYTES).encoding == "utf-8"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"GIF89a\x01\x00\x01\x00",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        b"text with a NUL \x00 in it and more text",
        bytes(range(1, 9)) * 50 + b"some text",
    ],
    ids=["pdf", "zip", "png", "gif", "jpeg", "gzip", "nul", "controls"],
)
def test_binary(data):
    with pytest.raises(ImportProblem) as problem:
        decode_bytes(data)
    assert problem.value.reason == "the file is binary, not text"


@pytest.mark.parametrize(
    "data",
    [
        "日本語のテキストです。これは長い文章です。".encode("shift_jis"),
        "Это русский текст в старой кодировке.".encode("cp1251") * 3,
        "这是一个中文句子，用来测试编码。".encode("gbk"),
    ],
    ids=["shift-jis", "cp1251", "gbk"],
)
def test_undecodable(data):
    with pytest.raises(ImportProblem) as problem:
        decode_bytes(data)
    assert "encoding" in problem.value.reason


def test_invalid_bytes_after_utf8_bom():
    with pytest.raises(ImportProblem, match="UTF-8"):
        decode_bytes(codecs.BOM_UTF8 + b"caf\xe9")


def test_import_problem_is_a_value_error_with_reason():
    problem = ImportProblem("the file is empty")
    assert isinstance(problem, ValueError)
    assert problem.reason == str(problem) == "the file is empty"
