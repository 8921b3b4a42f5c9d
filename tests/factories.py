import datetime

import factory
from django.contrib.auth import get_user_model

from archive.authors.models import Affiliation, Author
from archive.claims.models import Claim, ClaimRelation, Theme
from archive.core.models import Status
from archive.quotes.models import Quote
from archive.sources.models import Contribution, Outlet, Source


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"editor{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Expert Number{n}")
    sort_name = factory.LazyAttribute(lambda o: ", ".join(reversed(o.name.split(" ", 1))))
    slug = factory.Sequence(lambda n: f"expert-{n}")
    description = "Professor of history"
    kind = Author.Kind.EXPERT


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    author = factory.SubFactory(AuthorFactory)
    organisation = "Johns Hopkins SAIS"
    title = "Professor"


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.Sequence(lambda n: f"outlet-{n}")
    kind = Outlet.Kind.MAGAZINE


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"On the war, part {n}")
    slug = factory.Sequence(lambda n: f"on-the-war-{n}")
    outlet = factory.SubFactory(OutletFactory)
    kind = Source.Kind.ESSAY
    published_on = datetime.date(2025, 5, 30)
    status = Status.PUBLISHED


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    source = factory.SubFactory(SourceFactory)
    author = factory.SubFactory(AuthorFactory)
    role = Contribution.Role.AUTHOR


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    statement = factory.Sequence(lambda n: f"Negotiations fail for reason {n}.")
    slug = factory.Sequence(lambda n: f"claim-{n}")
    status = Status.PUBLISHED


class ClaimRelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClaimRelation

    from_claim = factory.SubFactory(ClaimFactory)
    to_claim = factory.SubFactory(ClaimFactory)
    kind = ClaimRelation.Kind.SUPPORTS


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    source = factory.SubFactory(SourceFactory)
    speaker = factory.SubFactory(AuthorFactory)
    speaker_role = Quote.SpeakerRole.QUOTED
    text = factory.Sequence(lambda n: f"Time is not on his side, number {n}.")
    status = Status.PUBLISHED
