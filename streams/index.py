"""The agreement index, the party index and entity activity, without Faust.

Pure functions over plain dicts (the values stored in the Faust tables of
``index_agents.py``):

* ``merge_report`` folds one ``agreement.v1`` report into the merged agreement
  (``agreement-merged.v1``): one entry per source article, so a re-delivered report
  replaces itself instead of counting twice; fields the reports disagree on are
  decided by majority, earlier reports winning ties; a later report fills in what
  earlier ones lacked (a date, a venue, sectors, another spelling of a party).
* ``add_to_party`` files a merged agreement under one of its parties. A party's
  record lives under its canonical key; every other spelling of it (aliases, the
  name with or without its place suffix) holds a copy, so a lookup by any spelling
  is one key lookup. A key holds every party record that claims it (충남 is both
  충남도's own key and an alias of 충청남도), and a lookup shows them merged.
* ``mention_key`` / ``split_mention_key`` name the entity-activity counters.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable

from .identity import name_key, party_key, place_names
from .records import parse_iso

# Sources kept per merged agreement; mention_count goes on counting past it.
MAX_SOURCES = 100
# Entity types counted for activity: names, not dates or amounts.
ACTIVITY_TYPES = ("ORG", "PERSON", "LOC")

_SOURCE_FIELDS = ("article_id", "source_url", "published_at", "status", "signed_on", "venue", "evidence", "extracted_at")


def _instant(value: str | None) -> str | None:
    """An ISO date or date-time as a UTC date-time string (dates at midnight UTC)."""
    if not value:
        return None
    try:
        parsed = parse_iso(value)
    except ValueError:
        return None
    if not isinstance(parsed, datetime):
        parsed = datetime(parsed.year, parsed.month, parsed.day)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _seen_at(source: dict[str, Any]) -> str:
    return _instant(source.get("published_at")) or _instant(source["extracted_at"]) or source["extracted_at"]


def _vote(sources: list[dict[str, Any]], field: str) -> Any:
    """The most common non-null value; ties go to the earliest source."""
    values = [s[field] for s in sources if s.get(field)]
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def _merge_parties(parties: list[dict[str, Any]], more: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Parties matched by key; other spellings of a party become its aliases."""
    merged = [dict(p, aliases=list(p["aliases"])) for p in parties]
    by_key = {party_key(p["name"], p["type"]): p for p in merged}
    for party in more:
        known = by_key.get(party_key(party["name"], party["type"]))
        if known is None:
            continue  # same agreement id means same party keys; nothing else can arrive
        for spelling in (party["name"], *party["aliases"]):
            if spelling != known["name"] and spelling not in known["aliases"]:
                known["aliases"].append(spelling)
    return merged


def merge_report(merged: dict[str, Any] | None, report: dict[str, Any]) -> dict[str, Any]:
    """The merged agreement after one more ``agreement.v1`` report (inputs unchanged)."""
    source = {field: report.get(field) for field in _SOURCE_FIELDS}
    if merged is None:
        sources = [source]
        parties = _merge_parties(report["parties"], ())
        mentions = 1
        sectors: set[str] = set()
    else:
        sources = list(merged["sources"])
        parties = _merge_parties(merged["parties"], report["parties"])
        sectors = set(merged["sectors"])
        ids = [s["article_id"] for s in sources]
        if source["article_id"] in ids:
            sources[ids.index(source["article_id"])] = source
            mentions = merged["mention_count"]
        else:
            mentions = merged["mention_count"] + 1
            if len(sources) < MAX_SOURCES:
                sources.append(source)
    sources.sort(key=_seen_at)
    sectors.update(report.get("sectors") or ())
    seen = [_seen_at(s) for s in sources]
    first_seen, last_seen = min(seen), max(seen)
    if merged is not None:
        first_seen = min(first_seen, merged["first_seen"])
        last_seen = max(last_seen, merged["last_seen"])
    return {
        "agreement_id": report["agreement_id"],
        "parties": parties,
        "kind": report["kind"],
        "status": "signed" if any(s["status"] == "signed" for s in sources) else "planned",
        "signed_on": _vote(sources, "signed_on"),
        "venue": _vote(sources, "venue"),
        "sectors": sorted(sectors),
        "sources": sources,
        "mention_count": mentions,
        "first_seen": first_seen,
        "last_seen": last_seen,
        "extractor_version": report.get("extractor_version"),
    }


def agreement_day(merged: dict[str, Any]) -> str:
    """The date an agreement is listed under: its signing date, else when it was first reported."""
    return merged["signed_on"] or merged["first_seen"][:10]


# -- parties ------------------------------------------------------------------------

def spellings(party: dict[str, Any]) -> set[str]:
    """Every key a lookup may use for this party: its names, with and without a place suffix,
    and for a province or metropolitan city every name it is known by (경남, 경상남도)."""
    keys = set()
    for name in (party["name"], *party["aliases"]):
        keys.add(name_key(name))
        keys.add(party_key(name, party["type"]))
        if party["type"] == "LOC":
            keys.update(name_key(other) for other in place_names(name))
    keys.discard("")
    return keys


def canonical_key(party: dict[str, Any]) -> str:
    return party_key(party["name"], party["type"])


def party_summary(merged: dict[str, Any], party: dict[str, Any]) -> dict[str, Any]:
    """What a party's record keeps about one of its agreements."""
    me = canonical_key(party)
    return {
        "agreement_id": merged["agreement_id"],
        "kind": merged["kind"],
        "status": merged["status"],
        "signed_on": merged["signed_on"],
        "first_seen": merged["first_seen"],
        "counterparties": [
            {"name": p["name"], "type": p["type"]} for p in merged["parties"] if canonical_key(p) != me
        ],
    }


def add_to_party(record: dict[str, Any] | None, party: dict[str, Any], summary: dict[str, Any]) -> dict[str, Any]:
    """The party's own record with one agreement filed (or refreshed) in it."""
    if record is None:
        record = {"key": canonical_key(party), "name": party["name"], "type": party["type"],
                  "aliases": [], "agreements": {}}
    aliases = [a for a in (party["name"], *party["aliases"]) if a != record["name"]]
    return dict(
        record,
        aliases=sorted(set(record["aliases"]) | set(aliases)),
        agreements={**record["agreements"], summary["agreement_id"]: summary},
    )


def copy_targets(record: dict[str, Any]) -> set[str]:
    """Keys other than the party's own where a lookup must find it too."""
    return spellings({"name": record["name"], "type": record["type"], "aliases": record["aliases"]}) - {record["key"]}


# -- entity activity ------------------------------------------------------------------

def mention_key(type_: str, name: str) -> str:
    return f"{type_}:{name}"


def split_mention_key(key: str) -> tuple[str, str]:
    type_, _, name = key.partition(":")
    return type_, name


def activity_mentions(entities_record: dict[str, Any]) -> list[tuple[str, int]]:
    """(mention key, count) for the names an ``entities.v1`` record reports."""
    return [
        (mention_key(e["type"], e["name"]), int(e["count"]))
        for e in entities_record.get("entities", ())
        if e["type"] in ACTIVITY_TYPES
    ]


# Activity is counted per calendar day in Korea (UTC+9), the news' own day.
KST_OFFSET_S = 9 * 3600
DAY_S = 24 * 3600
_EPOCH = date(1970, 1, 1)


def activity_timestamp(published_at: str | None, fallback: float) -> float:
    """Seconds on the KST-shifted clock that daily windows are cut from."""
    instant = _instant(published_at)
    ts = datetime.fromisoformat(instant.replace("Z", "+00:00")).timestamp() if instant else fallback
    return ts + KST_OFFSET_S


def day_start(timestamp: float) -> float:
    """Start of the (KST-shifted) day a timestamp falls in: one daily window per value."""
    return timestamp - timestamp % DAY_S


def window_day(window_start: float) -> str:
    return (_EPOCH + timedelta(days=int(window_start // DAY_S))).isoformat()
