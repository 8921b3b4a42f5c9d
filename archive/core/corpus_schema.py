"""The shape of the founding corpus file, checked before anything is written."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from archive.authors.models import Author
from archive.claims.models import ClaimRelation
from archive.core.models import DatePrecision, Status
from archive.quotes.models import Quote
from archive.sources.models import Contribution, Outlet, Source


class CorpusError(ValueError):
    """The data file is malformed; nothing was written."""


def read_corpus(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CorpusError(f"{path}: no such file") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: not valid UTF-8 JSON ({exc})") from exc
    validate_corpus(data)
    return data


def _choices(choices) -> set[str]:
    return {value for value, _label in choices}


def validate_corpus(data) -> None:
    """Check shapes, allowed values and references before anything is written."""
    errors: list[str] = []
    if not isinstance(data, dict) or data.get("version") != 1:
        raise CorpusError('the corpus must be a JSON object with "version": 1')

    def check(kind, rows, key, required, enums=None):
        seen = set()
        if not isinstance(rows, list):
            errors.append(f"{kind}: expected a list")
            return seen
        for i, row in enumerate(rows):
            where = f"{kind}[{i}]"
            if not isinstance(row, dict):
                errors.append(f"{where}: expected an object")
                continue
            for name in required:
                if row.get(name) in (None, ""):
                    errors.append(f"{where}: {name!r} is required")
            for name, allowed in (enums or {}).items():
                value = row.get(name)
                if value not in (None, "") and value not in allowed:
                    errors.append(f"{where}: {name}={value!r} is not one of {sorted(allowed)}")
            if key and row.get(key) in seen:
                errors.append(f"{where}: duplicate {key} {row.get(key)!r}")
            seen.add(row.get(key))
        return seen

    statuses = _choices(Status.choices)
    outlets = check(
        "outlets",
        data.get("outlets", []),
        "slug",
        ["slug", "name", "kind"],
        {"kind": _choices(Outlet.Kind.choices)},
    )
    authors = check(
        "authors",
        data.get("authors", []),
        "slug",
        ["slug", "name", "sort_name"],
        {"kind": _choices(Author.Kind.choices)},
    )
    themes = check("themes", data.get("themes", []), "slug", ["slug", "name"])
    claims = check(
        "claims", data.get("claims", []), "slug", ["slug", "statement"], {"status": statuses}
    )
    sources = check(
        "sources",
        data.get("sources", []),
        "slug",
        ["slug", "title", "kind"],
        {
            "kind": _choices(Source.Kind.choices),
            "status": statuses,
            "date_precision": _choices(DatePrecision.choices),
            "copy_kind": _choices(Source.CopyKind.choices),
        },
    )
    check(
        "quotes",
        data.get("quotes", []),
        None,
        ["source", "speaker", "speaker_role", "text"],
        {
            "speaker_role": _choices(Quote.SpeakerRole.choices),
            "status": statuses,
            "said_on_precision": _choices(DatePrecision.choices),
        },
    )
    if errors:
        raise CorpusError("; ".join(errors))

    def ref(where, value, known, kind):
        if value not in known:
            errors.append(f"{where}: unknown {kind} {value!r}")

    for theme in data["themes"]:
        if theme.get("parent"):
            ref(f"theme {theme['slug']}", theme["parent"], themes, "theme")
    for claim in data["claims"]:
        for slug in claim.get("themes", []):
            ref(f"claim {claim['slug']}", slug, themes, "theme")
        for relation in claim.get("relations", []):
            ref(f"claim {claim['slug']}", relation.get("to"), claims, "claim")
            if relation.get("kind") not in _choices(ClaimRelation.Kind.choices):
                errors.append(f"claim {claim['slug']}: bad relation kind {relation.get('kind')!r}")
    roles = _choices(Contribution.Role.choices)
    attributions = _choices(Contribution.Attribution.choices)
    for source in data["sources"]:
        where = f"source {source['slug']}"
        if source.get("outlet"):
            ref(where, source["outlet"], outlets, "outlet")
        if source.get("copy_of"):
            ref(where, source["copy_of"], sources, "source")
        if bool(source.get("copy_of")) != bool(source.get("copy_kind")):
            errors.append(f"{where}: copy_of and copy_kind go together")
        for contribution in source.get("contributions", []):
            ref(where, contribution.get("author"), authors, "author")
            if contribution.get("role") not in roles:
                errors.append(f"{where}: bad contribution role {contribution.get('role')!r}")
            if contribution.get("attribution", "byline") not in attributions:
                errors.append(f"{where}: bad attribution {contribution.get('attribution')!r}")
        for date_field in ("published_on",):
            _check_date(errors, where, source.get(date_field))
    for i, quote in enumerate(data["quotes"]):
        where = f"quotes[{i}]"
        ref(where, quote["source"], sources, "source")
        ref(where, quote["speaker"], authors, "author")
        for slug in quote.get("themes", []):
            ref(where, slug, themes, "theme")
        for slug in quote.get("claims", []):
            ref(where, slug, claims, "claim")
        _check_date(errors, where, quote.get("said_on"))
    if errors:
        raise CorpusError("; ".join(errors))


def _check_date(errors, where, value):
    if value in (None, ""):
        return
    try:
        datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        errors.append(f"{where}: {value!r} is not an ISO date")
