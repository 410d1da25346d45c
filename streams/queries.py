"""The query API's logic without Faust: parameters, filters, rankings, views.

Each function takes plain values, so every rule the HTTP API applies (what a
bad parameter is, which agreements match, how entities rank) is tested without
a worker; ``api.py`` only routes requests and gathers answers from workers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Iterable, Mapping

from .extraction.model import AGREEMENT_KINDS
from .identity import name_key
from .index import ACTIVITY_TYPES, agreement_day, spellings

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
DEFAULT_DAYS = 7


class BadParameter(ValueError):
    """A query parameter the API answers with 400."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


def _date(params: Mapping[str, str], name: str) -> str | None:
    raw = params.get(name)
    if raw is None or raw == "":
        return None
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise BadParameter(name, f"expected a date YYYY-MM-DD, got {raw!r}") from None


def _int(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(name, f"expected an integer, got {raw!r}") from None
    if not low <= value <= high:
        raise BadParameter(name, f"must be between {low} and {high}, got {value}")
    return value


def _choice(params: Mapping[str, str], name: str, choices: Iterable[str]) -> str | None:
    raw = params.get(name)
    if raw is None or raw == "":
        return None
    choices = tuple(choices)
    if raw not in choices:
        raise BadParameter(name, f"must be one of {', '.join(choices)}, got {raw!r}")
    return raw


def _no_unknown(params: Mapping[str, str], known: set[str]) -> None:
    unknown = sorted(set(params) - known)
    if unknown:
        raise BadParameter(unknown[0], f"unknown parameter; known: {', '.join(sorted(known))}")


# -- GET /agreements -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class AgreementQuery:
    party: str | None = None  # name key of any spelling
    kind: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = DEFAULT_LIMIT

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> "AgreementQuery":
        _no_unknown(params, {"party", "kind", "since", "until", "limit", "scope"})
        party = params.get("party") or None
        query = cls(
            party=name_key(party) if party else None,
            kind=_choice(params, "kind", AGREEMENT_KINDS),
            since=_date(params, "since"),
            until=_date(params, "until"),
            limit=_int(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
        )
        if query.party == "":
            raise BadParameter("party", "is blank")
        if query.since and query.until and query.since > query.until:
            raise BadParameter("since", f"{query.since} is after until {query.until}")
        return query

    def matches(self, merged: dict[str, Any]) -> bool:
        if self.kind and merged["kind"] != self.kind:
            return False
        day = agreement_day(merged)
        if (self.since and day < self.since) or (self.until and day > self.until):
            return False
        if self.party:
            return any(self.party in spellings(p) for p in merged["parties"])
        return True


def newest_first(agreements: Iterable[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    return sorted(agreements, key=lambda a: (agreement_day(a), a["agreement_id"]), reverse=True)[:limit]


# -- GET /parties/{name} -------------------------------------------------------------------

def party_view(records: dict[str, dict[str, Any]], key: str) -> dict[str, Any]:
    """The party records found under one key, merged as the API shows them:
    agreements newest first, counterparties ranked by how often they signed."""
    primary = records.get(key) or max(records.values(), key=lambda r: (len(r["agreements"]), r["key"]))
    merged: dict[str, dict[str, Any]] = {}
    names: set[str] = set()
    for record in records.values():
        merged.update(record["agreements"])
        names.update((record["name"], *record["aliases"]))
    agreements = newest_first(merged.values(), len(merged))
    counter: dict[tuple[str, str], dict[str, Any]] = {}
    for a in agreements:
        for cp in a["counterparties"]:
            entry = counter.setdefault((cp["name"], cp["type"]), {"name": cp["name"], "type": cp["type"], "agreements": 0, "kinds": set()})
            entry["agreements"] += 1
            entry["kinds"].add(a["kind"])
    counterparties = sorted(counter.values(), key=lambda c: (-c["agreements"], c["name"]))
    kinds: dict[str, int] = defaultdict(int)
    for a in agreements:
        kinds[a["kind"]] += 1
    dates = sorted(a["signed_on"] for a in agreements if a["signed_on"])
    return {
        "key": primary["key"],
        "name": primary["name"],
        "type": primary["type"],
        "aliases": sorted(names - {primary["name"]}),
        "agreement_count": len(agreements),
        "kinds": dict(sorted(kinds.items())),
        "first_signed_on": dates[0] if dates else None,
        "last_signed_on": dates[-1] if dates else None,
        "counterparties": [dict(c, kinds=sorted(c["kinds"])) for c in counterparties],
        "agreements": agreements,
    }


# -- GET /entities/top ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class TopQuery:
    type: str | None = None
    days: int = DEFAULT_DAYS
    until: str | None = None  # last day counted; default: the newest day with any mention
    limit: int = 10

    @classmethod
    def parse(cls, params: Mapping[str, str], max_days: int) -> "TopQuery":
        _no_unknown(params, {"type", "days", "until", "limit", "scope"})
        return cls(
            type=_choice(params, "type", ACTIVITY_TYPES),
            days=_int(params, "days", min(DEFAULT_DAYS, max_days), 1, max_days),
            until=_date(params, "until"),
            limit=_int(params, "limit", 10, 1, MAX_LIMIT),
        )


def top_entities(rows: Iterable[dict[str, Any]], query: TopQuery) -> dict[str, Any]:
    """Rank entities by mentions over ``query.days`` days ending at ``query.until``
    (or at the newest day in ``rows``). Rows: ``{type, name, day, mentions}``."""
    rows = [r for r in rows if query.type is None or r["type"] == query.type]
    until = query.until or max((r["day"] for r in rows), default=None)
    if until is None:
        return {"type": query.type, "since": None, "until": None, "days": query.days, "entities": []}
    since = (date.fromisoformat(until) - timedelta(days=query.days - 1)).isoformat()
    totals: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        if since <= r["day"] <= until:
            t = totals.setdefault((r["type"], r["name"]), {"type": r["type"], "name": r["name"], "mentions": 0, "days_active": 0})
            t["mentions"] += r["mentions"]
            t["days_active"] += 1
    ranked = sorted(totals.values(), key=lambda t: (-t["mentions"], t["type"], t["name"]))
    return {"type": query.type, "since": since, "until": until, "days": query.days, "entities": ranked[: query.limit]}
