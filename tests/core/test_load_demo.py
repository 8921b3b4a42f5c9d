"""``manage.py load_demo``: the founding corpus loads, twice, with or without its texts."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from archive.authors.models import Affiliation, Author
from archive.claims.models import Claim, ClaimRelation, Theme
from archive.core.demo import DEFAULT_CORPUS
from archive.quotes.models import Quote
from archive.sources.models import Contribution, Outlet, Source

pytestmark = pytest.mark.django_db

MINI = Path(__file__).parent / "data" / "mini_corpus.json"
MINI_TEXT = """Why the Talks Stall

An interview with Ada Expert.

Why do the talks keep stalling?

Neither side believes the other will keep its word. As the leader put it, “We will fight on.”

Support our journalism: donate today!
"""
MODELS = [Outlet, Author, Affiliation, Theme, Claim, ClaimRelation, Source, Contribution, Quote]


def snapshot():
    """Every row of every model the corpus writes, as plain values."""
    rows = {}
    for model in MODELS:
        values = model.objects.order_by("pk").values()
        rows[model.__name__] = [
            {k: v for k, v in row.items() if k not in {"created_at", "updated_at", "verified_at"}}
            for row in values
        ]
    rows["quote themes"] = list(Quote.themes.through.objects.order_by("pk").values())
    rows["quote claims"] = list(Quote.claims.through.objects.order_by("pk").values())
    return rows


def load(*args):
    out, err = StringIO(), StringIO()
    call_command("load_demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def mini_texts(tmp_path):
    (tmp_path / "mini.txt").write_text(MINI_TEXT, encoding="utf-8")
    return tmp_path


def test_loading_twice_gives_the_same_rows(mini_texts):
    load("--file", str(MINI), "--texts", str(mini_texts))
    first = snapshot()
    out, _ = load("--file", str(MINI), "--texts", str(mini_texts))
    assert snapshot() == first
    assert "quotes 0 new" in out
    assert len(first["Quote"]) == 3 and len(first["Source"]) == 3


def test_texts_are_attached_cleaned_and_every_quote_anchored(mini_texts):
    load("--file", str(MINI), "--texts", str(mini_texts))
    source = Source.objects.get(slug="why-talks-stall")
    assert "donate" not in source.text
    assert "donate today" in source.raw_text
    for quote in source.quotes.all():
        assert quote.verdict == Quote.Verdict.EXACT
        assert source.text[quote.start_offset : quote.end_offset] == quote.text
    politician = Quote.objects.get(speaker__slug="pol-leader")
    assert politician.speaker_role == "quoted"
    assert str(politician.said_on) == "2025-05-01"
    question = Quote.objects.get(speaker__slug="ian-asker")
    assert question.speaker_role == "interviewer"
    assert str(question.said_on) == "2025-05-30"  # inherited from the source


def test_the_corpus_loads_without_its_texts(tmp_path):
    out, _ = load("--file", str(MINI), "--texts", str(tmp_path / "absent"))
    assert "loaded without them" in out
    source = Source.objects.get(slug="why-talks-stall")
    assert source.text == ""
    assert set(source.quotes.values_list("verdict", flat=True)) == {"unverified"}


def test_a_copy_is_linked_to_its_original_and_carries_no_quotes(tmp_path):
    load("--file", str(MINI), "--texts", str(tmp_path))
    copy = Source.objects.get(slug="why-talks-halt")
    assert copy.copy_of.slug == "why-talks-stall"
    assert copy.copy_kind == Source.CopyKind.PARAPHRASED
    assert not copy.quotes.exists()


def test_a_broken_corpus_loads_nothing(tmp_path):
    data = json.loads(MINI.read_text())
    data["quotes"][0]["speaker"] = "nobody"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="unknown author 'nobody'"):
        load("--file", str(broken))
    assert not Source.objects.exists() and not Author.objects.exists()


def test_a_quote_missing_from_its_text_is_reported(mini_texts):
    (mini_texts / "mini.txt").write_text(
        MINI_TEXT.replace("keep its word", "keep to its word"), encoding="utf-8"
    )
    _, err = load("--file", str(MINI), "--texts", str(mini_texts))
    assert "does not verify in why-talks-stall (fuzzy)" in err


# --- The founding corpus itself ------------------------------------------------------------------


def corpus():
    return json.loads(DEFAULT_CORPUS.read_text(encoding="utf-8"))


def test_the_founding_corpus_is_rich_enough():
    data = corpus()
    quoted = {s["slug"] for s in data["sources"] if s.get("copy_of")}
    assert len(data["claims"]) >= 15
    assert len(data["quotes"]) >= 30
    assert not [q for q in data["quotes"] if q["source"] in quoted], "no quotes from a copy"
    roles = {q["speaker_role"] for q in data["quotes"]}
    assert {"interviewer", "interviewee", "quoted", "author"} <= roles
    evidenced = {c for q in data["quotes"] for c in q.get("claims", [])}
    assert {c["slug"] for c in data["claims"]} <= evidenced


def test_the_founding_corpus_loads_twice_without_its_texts(tmp_path):
    load("--texts", str(tmp_path))
    first = snapshot()
    load("--texts", str(tmp_path))
    assert snapshot() == first
    assert Quote.objects.published().count() >= 30
    copy = Source.objects.get(copy_kind=Source.CopyKind.PARAPHRASED)
    assert copy.copy_of is not None and not copy.quotes.exists()


@pytest.mark.skipif(
    not Path(settings.DEMO_TEXTS_DIR).is_dir(),
    reason=f"the founding texts are not at {settings.DEMO_TEXTS_DIR} (set DEMO_TEXTS_DIR)",
)
def test_with_the_founding_texts_every_quote_is_verbatim_and_boilerplate_is_gone(tmp_path):
    texts = tmp_path / "seeds"
    shutil.copytree(settings.DEMO_TEXTS_DIR, texts)
    _, err = load("--texts", str(texts))
    assert "warning" not in err
    data = corpus()
    for quote in Quote.objects.select_related("source"):
        assert quote.verdict == Quote.Verdict.EXACT, quote
        assert quote.source.text[quote.start_offset : quote.end_offset] == quote.text
    for row in data["sources"]:
        source = Source.objects.get(slug=row["slug"])
        if row.get("seed"):
            assert source.has_text, row["slug"]
        for span in row.get("boilerplate", []):
            assert span["text"] not in source.text
            assert span["text"] in source.raw_text
