"""``manage.py import_source``: cleaning, repairs, turns, copies, bad input — our own documents."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from archive.authors.models import Author
from archive.quotes.models import Quote
from archive.sources.models import Contribution, Outlet, Source, SourceFingerprint

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).parent / "docs"


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_source", *map(str, args), stdout=out, stderr=err)
    except CommandError as exc:
        return 1, out.getvalue(), err.getvalue() + str(exc)
    return 0, out.getvalue(), err.getvalue()


def run_json(*args):
    code, out, err = run(*args, "--json")
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Source, Outlet, Author, Contribution, SourceFingerprint, Quote)
    }


def test_import_cleans_and_reports_as_json(tmp_path):
    code, [row], _ = run_json(
        DOCS / "oped.txt",
        "--outlet",
        "Daily Paper",
        "--published",
        "2024-02",
        "--author",
        "Ben Economist:author",
    )
    assert code == 0
    source = Source.objects.get(pk=row["source"]["id"])
    assert row["source"] == {"id": source.pk, "slug": source.slug, "title": source.title}
    assert source.title == "The Slow Squeeze on the Russian Economy"
    assert {(r["reason"], r["text"]) for r in row["removed"]} == {
        (
            "donation appeal",
            "Support independent journalism: donate today and help us keep reporting.",
        ),
        ("share prompt", "Share This"),
        ("comment prompt", "Leave a Comment"),
    }
    for removed in row["removed"]:
        assert source.raw_text[removed["start"] : removed["end"]] == removed["text"]
        assert removed["text"] not in source.text
    assert "Western governments should resist the temptation" in source.text
    assert row["copy_of"] is None and row["repairs"] == []
    assert source.outlet.name == "Daily Paper"
    assert source.date_display == "February 2024"
    assert source.status == "draft"  # imports wait for an editor
    assert source.contributions.get().author.name == "Ben Economist"
    assert source.fingerprints.exists()


def test_glued_words_are_repaired_and_logged(tmp_path):
    path = tmp_path / "glued.txt"
    path.write_text(
        "Glued words\n\nHe wrote acoupleofarticlesinForeign Affairs about it. "
        "Ukraine will not be inNATOwithout a deal, and nevertheless the understanding holds.\n"
    )
    _, [row], _ = run_json(path, "--published", "2025-01-01")
    assert {"from": "inNATOwithout", "to": "in NATO without"} in row["repairs"]
    text = Source.objects.get(pk=row["source"]["id"]).text
    assert "a couple of articles in Foreign Affairs" in text
    assert "nevertheless the understanding holds" in text


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("latin-1", b"")],
)
def test_encodings_and_line_endings(tmp_path, encoding, prefix):
    words = "Café talks\r\n\r\nThe minister’s “plan” — déjà vu — failed.\r\n"
    if encoding == "latin-1":
        words = words.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-")
    path = tmp_path / "doc.txt"
    path.write_bytes(prefix + words.encode(encoding))
    code, [row], _ = run_json(path, "--published", "2025-01-01")
    assert code == 0
    source = Source.objects.get(pk=row["source"]["id"])
    assert "\r" not in source.text and "\ufeff" not in source.text
    assert "déjà vu" in source.text and source.title == "Café talks"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"   \n\n ", "the file is empty"),
        (b"%PDF-1.7\n\x00\x01\x02binary", "the file is binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "the file is binary"),
    ],
)
def test_bad_files_name_the_file_and_the_reason_and_write_nothing(tmp_path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    before = counts()
    code, out, err = run(bad)
    assert code == 1
    assert f"{bad}: not imported: {reason}" in err
    assert counts() == before


def test_a_file_over_5_mb_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Words and more words. " * 250_000)
    code, _, err = run(big)
    assert code == 1 and "larger than 5 MB" in err
    assert not Source.objects.exists()


def test_undecodable_text_is_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)
    code, _, err = run(path)
    assert code == 1 and f"{path}: not imported:" in err
    assert not Source.objects.exists()


def test_a_duplicate_is_refused_and_the_other_files_still_import(tmp_path):
    run(DOCS / "oped.txt", "--published", "2024-02")
    before = counts()
    code, [dup, ok], err = run_json(
        DOCS / "oped.txt", DOCS / "interview.txt", "--published", "2025-05"
    )
    assert code == 1
    assert "already stored as source" in dup["error"] and dup["file"].endswith("oped.txt")
    assert ok["source"]["slug"]
    assert counts()["Source"] == before["Source"] + 1


def test_missing_file(tmp_path):
    code, _, err = run(tmp_path / "nope.txt")
    assert code == 1 and "no such file" in err


def test_dry_run_writes_nothing_but_reports(tmp_path):
    before = counts()
    code, [row], _ = run_json(DOCS / "oped.txt", "--dry-run", "--author", "Ben Economist:author")
    assert code == 0 and row["removed"]
    assert counts() == before


def test_bad_options_are_refused_before_anything_is_written():
    for args in (["--author", "Ben:wizard"], ["--published", "May 2025"], ["--author", ":author"]):
        code, _, err = run(DOCS / "oped.txt", *args)
        assert code == 1, args
    assert not Source.objects.exists()


def test_interview_turns_are_recorded(tmp_path):
    _, [row], _ = run_json(
        DOCS / "interview.txt",
        "--author",
        "Ian Asker:interviewer",
        "--author",
        "Ada Historian:interviewee",
        "--published",
        "2025-05-30",
    )
    source = Source.objects.get(pk=row["source"]["id"])
    assert source.kind == "interview"
    roles = [turn["role"] for turn in source.turns]
    assert roles.count("question") == 5 and roles.count("answer") == 5
    question = next(t for t in source.turns if t["role"] == "question")
    assert source.text[question["start"] : question["end"]].startswith("What has the latest round")
    assert Contribution.objects.get(source=source, role="interviewee").attribution == "byline"
    assert (
        Contribution.objects.get(source=source, role="interviewer").attribution == "editor_inferred"
    )


def test_html_import_takes_title_byline_date_and_outlet_from_the_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        """<!doctype html><html><head><title>Talks | The Review</title>
        <meta property="og:title" content="Why the talks stall">
        <meta property="og:site_name" content="The Review">
        <meta name="author" content="Ada Historian">
        <meta property="article:published_time" content="2025-05-30T09:00:00Z">
        </head><body><nav><a href="/">Home</a></nav><article><h1>Why the talks stall</h1>
        <p>Neither side believes the other will keep its word, and so the talks stall again and
        again, whatever the mediators try.</p>
        <p>A ceasefire without guarantees would not last a season, and everyone at the table
        knows it.</p></article><footer>Share This</footer></body></html>""",
        encoding="utf-8",
    )
    _, [row], _ = run_json(page)
    source = Source.objects.get(pk=row["source"]["id"])
    assert source.title == "Why the talks stall"
    assert str(source.published_on) == "2025-05-30"
    assert source.outlet.name == "The Review"
    assert source.contributions.get().author.name == "Ada Historian"
    assert "would not last a season" in source.text and "<p>" not in source.text
    # The command line wins over the page.
    page2 = tmp_path / "page2.html"
    page2.write_text(page.read_text().replace("again and\n", "again and yet\n"), encoding="utf-8")
    _, [row], _ = run_json(page2, "--title", "Our title", "--outlet", "Other Outlet")
    source = Source.objects.get(pk=row["source"]["id"])
    assert source.title == "Our title" and source.outlet.name == "Other Outlet"


# --- copies ------------------------------------------------------------------------------------


def test_syndicated_copy(tmp_path):
    run(DOCS / "oped.txt", "--published", "2024-02-01", "--outlet", "Daily Paper")
    copy = tmp_path / "copy.txt"
    copy.write_text((DOCS / "oped.txt").read_text().replace("Share This\n", "Read more\n"))
    _, [row], _ = run_json(copy, "--published", "2024-02-03", "--outlet", "Spun News")
    assert row["copy_of"]["kind"] == "syndicated"
    copy_source = Source.objects.get(pk=row["source"]["id"])
    assert copy_source.copy_of.slug == row["copy_of"]["slug"]
    assert copy_source.copy_kind == "syndicated" and copy_source.copy_score >= 0.9


def test_truncated_copy(tmp_path):
    run(DOCS / "interview.txt", "--published", "2025-05-30")
    text = (DOCS / "interview.txt").read_text()
    cut = tmp_path / "cut.txt"
    cut.write_text(text[: int(len(text) * 0.6)])
    _, [row], _ = run_json(cut, "--published", "2025-06-01")
    assert row["copy_of"]["kind"] == "truncated"


@pytest.mark.parametrize("copy_first", [False, True])
def test_paraphrased_copy_whichever_is_imported_first(copy_first):
    files = [DOCS / "interview.txt", DOCS / "interview_spun.txt"]
    if copy_first:
        files.reverse()
    for path in files:
        code, _, _ = run(path, "--published", "2025-05")
        assert code == 0
    original = Source.objects.get(title="Why Ceasefires Collapse in Eastern Europe")
    copy = Source.objects.get(title="Why Ceasefires Crumble in Eastern Europe")
    assert copy.copy_of == original and copy.copy_kind == "paraphrased"
    assert original.copy_of is None


def test_independent_texts_are_not_copies():
    run(DOCS / "interview.txt", "--published", "2025-05-30")
    _, [row], _ = run_json(DOCS / "oped.txt", "--published", "2024-02")
    assert row["copy_of"] is None


SEEDS = Path(settings.DEMO_TEXTS_DIR)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the founding texts are not at {SEEDS}")
@pytest.mark.parametrize("reverse", [False, True], ids=["original_first", "copy_first"])
def test_the_seeds_import_and_classify(tmp_path, reverse):
    files = sorted(SEEDS.glob("*.txt"))
    if reverse:
        files.reverse()
    for path in files:
        shutil.copy(path, tmp_path / path.name)
    code, rows, err = run_json(*[tmp_path / p.name for p in files])
    assert code == 0, err
    by_file = {Path(row["file"]).name[:3]: row for row in rows}
    sources = {k: Source.objects.get(pk=row["source"]["id"]) for k, row in by_file.items()}
    assert sources["001"].copy_of == sources["000"]
    assert sources["001"].copy_kind == "paraphrased"
    for key in ("000", "002", "003", "004"):
        assert sources[key].copy_of is None, key
    assert not Source.objects.filter(
        copy_of__in=[sources[k] for k in ("002", "003", "004")]
    ).exists()
    # Each seed's boilerplate is gone.
    assert "A Message from The Moscow Times" not in sources["004"].text
    assert "Remind me later." not in sources["004"].text
    assert "Leave a Comment" not in sources["002"].text
    assert "♦" not in sources["000"].text
    assert "in NATO without" in sources["000"].text
    assert [t["role"] for t in sources["000"].turns].count("question") >= 8
