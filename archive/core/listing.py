"""What every public list shares: capped counts, facets within a time budget, keyset pagination,
safe highlighting of search matches, and URLs that keep the active filters."""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe

COUNT_CAP = 10_000
# Markers PostgreSQL's ts_headline puts around matches; text is escaped before they become <mark>.
START_SEL, STOP_SEL = "\x02", "\x03"
MIN_DATE = datetime.date(1, 1, 1)


@dataclass
class Count:
    """A row count that stops at ``COUNT_CAP``: shown as "10,000+" beyond it."""

    value: int
    capped: bool

    def __str__(self):
        return f"{self.value:,}+" if self.capped else f"{self.value:,}"


def capped_count(queryset, cap: int | None = None) -> Count:
    cap = cap or COUNT_CAP
    n = queryset.order_by().values("pk")[: cap + 1].count()
    return Count(min(n, cap), n > cap)


def capped_counts_sql(querysets: dict, cap: int | None = None) -> dict[str, Count]:
    """Several capped counts in one statement."""
    cap = cap or COUNT_CAP
    parts, params = [], []
    for queryset in querysets.values():
        sql, p = queryset.order_by().values("pk")[: cap + 1].query.sql_with_params()
        parts.append(f"(SELECT count(*) FROM ({sql}) AS sub)")  # noqa: S608 - ORM-built SQL
        params.extend(p)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)  # noqa: S608
        row = cursor.fetchone()
    return {name: Count(min(n, cap), n > cap) for name, n in zip(querysets, row, strict=True)}


def highlight(marked: str) -> str:
    """Escape text that PostgreSQL marked with START_SEL/STOP_SEL, then add <mark> elements."""
    safe = escape(marked.replace("<", "<").replace(">", ">"))
    opened = safe.count(START_SEL)
    safe = safe.replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>")
    closed = marked.count(STOP_SEL)
    if opened > closed:
        safe += "</mark>" * (opened - closed)
    return mark_safe(safe)  # noqa: S308 - escaped above; only our own markup added


# --- Facets --------------------------------------------------------------------------------------


class Sample:
    """The ids of (at most) the first ``COUNT_CAP`` rows of a result, fetched once, inside the
    facets' time budget; facets then count over ``ANY(ids)`` with simple, predictable plans
    instead of re-running the whole filtered query inside each of them."""

    def __init__(self, queryset):
        self.queryset = queryset
        self._ids = None

    @property
    def ids(self) -> list[int]:
        if self._ids is None:
            self._ids = list(self.queryset.order_by().values_list("pk", flat=True)[:COUNT_CAP])
        return self._ids

    def subquery(self):
        """For ``pk__in=`` / ``source__in=``: the sample's ids as a one-parameter subquery."""
        from django.db.models.expressions import RawSQL

        return RawSQL("SELECT unnest(%s::bigint[])", [self.ids])


@dataclass
class FacetItem:
    label: str
    count: int
    url: str
    selected: bool = False
    value: str = ""


@dataclass
class Facet:
    name: str
    label: str
    items: list[FacetItem] = field(default_factory=list)
    omitted: bool = False


def run_within_budget(jobs, budget_ms: int | None = None):
    """Run ``jobs`` (name → callable returning rows) with a shared time budget.

    Each job runs in a savepoint under a PostgreSQL ``statement_timeout`` of what is left of the
    budget; a job that would exceed it is cancelled and reported as ``None``, and the page still
    answers.
    """
    budget_ms = budget_ms if budget_ms is not None else settings.ARCHIVE_FACET_BUDGET_MS
    results = {}
    deadline = time.monotonic() + budget_ms / 1000
    with transaction.atomic():
        for name, job in jobs.items():
            left = int((deadline - time.monotonic()) * 1000)
            if left <= 0:
                results[name] = None
                continue
            try:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(left)])
                    results[name] = job()
            except DatabaseError:
                results[name] = None
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', '0', true)")
    return results


FACET_LABELS = {"author": "People", "theme": "Themes", "outlet": "Outlets", "year": "Years"}


def build_facets(request, results):
    """Turn facet rows into links that add (or remove) that value from the current filters."""
    facets = []
    for name, rows in results.items():
        facet = Facet(name, FACET_LABELS[name], omitted=rows is None)
        for row in rows or []:
            if name == "year":
                year = row["year"]
                after, before = f"{year}-01-01", f"{year}-12-31"
                selected = (
                    request.GET.get("date_after") == after
                    and request.GET.get("date_before") == before
                )
                url = (
                    url_with(request, date_after=None, date_before=None)
                    if selected
                    else url_with(request, date_after=after, date_before=before)
                )
                facet.items.append(FacetItem(str(year), row["n"], url, selected))
                continue
            slug, label = (value for key, value in row.items() if key != "n")
            if slug is None:
                continue
            url, selected = toggle(request, name, slug)
            facet.items.append(FacetItem(label, row["n"], url, selected, slug))
        facets.append(facet)
    return facets


# --- Query strings ---------------------------------------------------------------------------


def url_with(request, drop=("page", "after", "before"), **changes) -> str:
    """The current URL's query string with some parameters replaced (None removes them)."""
    params = request.GET.copy()
    for name in drop:
        params.pop(name, None)
    for name, value in changes.items():
        params.pop(name, None)
        if value is None:
            continue
        if isinstance(value, list | tuple):
            params.setlist(name, [str(v) for v in value])
        else:
            params[name] = str(value)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def toggle(request, name: str, value: str) -> tuple[str, bool]:
    """URL adding ``value`` to the repeatable parameter ``name``, or removing it if present."""
    values = request.GET.getlist(name)
    selected = value in values
    new = [v for v in values if v != value] if selected else [*values, value]
    return url_with(request, **{name: new or None}), selected


# --- Keyset pagination -----------------------------------------------------------------------


class BadParameter(ValueError):
    """A pagination parameter that makes no sense (the page answers 400 and says why)."""


class BadCursor(BadParameter):
    pass


def parse_cursor(value: str) -> tuple[datetime.date, int]:
    """A cursor is ``YYYY-MM-DD.ID``: the sort date and id of a row, readable and stable."""
    try:
        day, _, pk = value.partition(".")
        return datetime.date.fromisoformat(day), int(pk)
    except ValueError as exc:
        raise BadCursor(f"{value[:40]!r} is not a valid position") from exc


def make_cursor(day, pk) -> str:
    return f"{(day or MIN_DATE).isoformat()}.{pk}"


@dataclass
class Page:
    """One page of a list, with links that keep the filters."""

    object_list: list
    number: int | None = None
    num_pages: int | None = None
    next_url: str | None = None
    previous_url: str | None = None
    first_url: str | None = None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def has_other_pages(self):
        return bool(self.next_url or self.previous_url)


# --- Shared annotations ------------------------------------------------------------------------


def json_list(queryset, **fields):
    """The rows of a correlated ``queryset`` as a JSON array, in the outer row's own statement:
    e.g. a page of sources with their people, in one query."""
    from django.contrib.postgres.expressions import ArraySubquery
    from django.db.models.functions import JSONObject

    return ArraySubquery(queryset.values(json=JSONObject(**fields)))


def theme_list(queryset):
    return json_list(queryset.order_by("name"), name="name", slug="slug")


def claim_list(queryset):
    return json_list(queryset.order_by("statement"), statement="statement", slug="slug")


def count_of(queryset, relation: str):
    """How many rows of ``queryset`` point at the outer row through ``relation``, as a subquery
    annotation (0 when none): e.g. ``count_of(Quote.objects.published(), "themes")``."""
    from django.db.models import Count, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    counted = (
        queryset.filter(**{relation: OuterRef("pk")})
        .order_by()
        .values(relation)
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(counted), 0)


def headline(field: str, text: str, **options):
    """PostgreSQL's ``ts_headline`` of ``field`` for the user's words, with our safe markers (see
    ``highlight``); annotate only the rows on the page with it."""
    from django.contrib.postgres.search import SearchHeadline

    from archive.core.filters import search_query

    return SearchHeadline(
        field,
        search_query(text),
        config="english",
        start_sel=START_SEL,
        stop_sel=STOP_SEL,
        **options,
    )
