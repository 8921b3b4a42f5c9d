"""A small, known archive for the page tests: every filter has something to include and exclude."""

import datetime
from dataclasses import dataclass, field

from archive.core.models import DatePrecision, Status
from archive.quotes.models import Quote
from archive.sources.models import Contribution, Outlet, Source
from tests.factories import (
    AuthorFactory,
    ClaimFactory,
    ClaimRelationFactory,
    OutletFactory,
    SourceFactory,
    ThemeFactory,
)

INTERVIEW_TEXT = """What could end the war?

Why do the talks keep stalling?

Neither side believes the other will keep its word on security guarantees. A ceasefire without guarantees would not last a season.

Is NATO membership still on the table?

NATO membership is off the table for now, and everyone in Kyiv knows it. As the president said, “We will fight on until the end.”
"""
OPED_TEXT = """Sanctions are slowly strangling the Russian economy. The central bank cannot hold rates this high forever.

Oil revenue has fallen, and the budget deficit is growing faster than the Kremlin admits.
"""


@dataclass
class World:
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def quote(source, speaker, role, text, **extra):
    return Quote.objects.create(
        source=source,
        speaker=speaker,
        speaker_role=role,
        text=text,
        status=extra.pop("status", Status.PUBLISHED),
        **extra,
    )


def build_world() -> World:
    w = World()
    o = w.objects
    o["magazine"] = OutletFactory(name="The Review", slug="the-review")
    o["paper"] = OutletFactory(name="Daily Paper", slug="daily-paper", kind=Outlet.Kind.NEWSPAPER)
    o["farm"] = OutletFactory(name="Spun News", slug="spun-news", kind=Outlet.Kind.CONTENT_FARM)
    o["ada"] = AuthorFactory(name="Ada Historian", sort_name="Historian, Ada", slug="ada-historian")
    o["ben"] = AuthorFactory(name="Ben Economist", sort_name="Economist, Ben", slug="ben-economist")
    o["ian"] = AuthorFactory(name="Ian Asker", sort_name="Asker, Ian", slug="ian-asker")
    o["pol"] = AuthorFactory(name="Pol President", sort_name="President, Pol", slug="pol-president")
    o["hidden"] = AuthorFactory(name="Hidden Drafter", sort_name="Drafter, Hidden", slug="hidden")
    o["war"] = ThemeFactory(name="War", slug="war")
    o["talks"] = ThemeFactory(name="Peace talks", slug="talks", parent=o["war"])
    o["economy"] = ThemeFactory(name="Economy", slug="economy")
    o["c_trust"] = ClaimFactory(statement="Talks fail for lack of trust.", slug="talks-fail")
    o["c_trust"].themes.set([o["talks"]])
    o["c_nato"] = ClaimFactory(statement="NATO membership is not on offer.", slug="no-nato")
    o["c_nato"].themes.set([o["war"]])
    o["c_sanctions"] = ClaimFactory(statement="Sanctions are working.", slug="sanctions-work")
    o["c_sanctions"].themes.set([o["economy"]])
    o["c_draft"] = ClaimFactory(statement="A draft claim.", slug="draft-claim", status=Status.DRAFT)
    ClaimRelationFactory(from_claim=o["c_trust"], to_claim=o["c_nato"])

    interview = SourceFactory(
        title="What could end the war?",
        slug="what-could-end-the-war",
        outlet=o["magazine"],
        kind=Source.Kind.INTERVIEW,
        published_on=datetime.date(2025, 5, 30),
        text=INTERVIEW_TEXT,
    )
    Contribution.objects.create(source=interview, author=o["ian"], role="interviewer")
    Contribution.objects.create(source=interview, author=o["ada"], role="interviewee", order=2)
    oped = SourceFactory(
        title="The slow squeeze",
        slug="the-slow-squeeze",
        outlet=o["paper"],
        kind=Source.Kind.OP_ED,
        published_on=datetime.date(2024, 2, 1),
        date_precision=DatePrecision.MONTH,
        text=OPED_TEXT,
    )
    Contribution.objects.create(source=oped, author=o["ben"], role="author")
    copy = SourceFactory(
        title="What might finish the conflict?",
        slug="what-might-finish",
        outlet=o["farm"],
        kind=Source.Kind.REPUBLICATION,
        published_on=datetime.date(2025, 6, 2),
        copy_of=interview,
        copy_kind=Source.CopyKind.PARAPHRASED,
    )
    draft = SourceFactory(
        title="An unpublished draft",
        slug="unpublished-draft",
        status=Status.DRAFT,
        outlet=o["paper"],
    )
    Contribution.objects.create(source=draft, author=o["hidden"], role="author")
    o.update(interview=interview, oped=oped, copy=copy, draft=draft)

    o["q_question"] = quote(interview, o["ian"], "interviewer", "Why do the talks keep stalling?")
    o["q_trust"] = quote(
        interview,
        o["ada"],
        "interviewee",
        "Neither side believes the other will keep its word on security guarantees.",
    )
    o["q_ceasefire"] = quote(
        interview,
        o["ada"],
        "interviewee",
        "A ceasefire without guarantees would not last a season.",
    )
    o["q_nato"] = quote(
        interview,
        o["ada"],
        "interviewee",
        "NATO membership is off the table for now, and everyone in Kyiv knows it.",
    )
    o["q_president"] = quote(
        interview,
        o["pol"],
        "quoted",
        "We will fight on until the end.",
        said_on=datetime.date(2025, 5, 1),
    )
    o["q_sanctions"] = quote(
        oped, o["ben"], "author", "Sanctions are slowly strangling the Russian economy."
    )
    o["q_oil"] = quote(
        oped,
        o["ben"],
        "author",
        "Oil revenue has fallen, and the budget deficit is growing faster than the Kremlin admits.",
    )
    o["q_unpublished"] = quote(
        interview,
        o["ada"],
        "interviewee",
        "A ceasefire without guarantees would not last a season",
        status=Status.DRAFT,
    )
    o["q_in_draft_source"] = quote(draft, o["hidden"], "author", "Secret words of a draft.")
    o["q_trust"].themes.set([o["talks"]])
    o["q_ceasefire"].themes.set([o["talks"]])
    o["q_nato"].themes.set([o["war"]])
    o["q_sanctions"].themes.set([o["economy"]])
    o["q_oil"].themes.set([o["economy"]])
    o["q_trust"].claims.set([o["c_trust"]])
    o["q_nato"].claims.set([o["c_nato"]])
    o["q_sanctions"].claims.set([o["c_sanctions"]])
    o["q_oil"].claims.set([o["c_sanctions"]])
    return w
