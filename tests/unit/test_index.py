"""Merging reports into agreements, filing them under parties, naming activity counters."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.identity import agreement_id
from streams.index import (
    MAX_SOURCES,
    activity_mentions,
    activity_timestamp,
    add_to_party,
    agreement_day,
    canonical_key,
    copy_targets,
    merge_report,
    party_summary,
    spellings,
    window_day,
)

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
MERGED = jsonschema.Draft202012Validator(
    json.loads((SCHEMAS / "agreement-merged.v1.schema.json").read_text()), format_checker=jsonschema.FormatChecker()
)

AID = agreement_id("mou", [("한솔시", "LOC"), ("청운전자", "ORG")], 2025)


def report(article: str, *, signed_on=None, venue=None, status="signed", published="2025-03-05T10:00:00+09:00",
           sectors=(), city="한솔시", city_aliases=()) -> dict:
    return {
        "agreement_id": AID,
        "article_id": article,
        "source_url": f"https://news.example/{article}",
        "published_at": published,
        "parties": [{"name": city, "type": "LOC", "aliases": list(city_aliases)},
                    {"name": "청운전자", "type": "ORG", "aliases": []}],
        "kind": "mou",
        "status": status,
        "signed_on": signed_on,
        "venue": venue,
        "sectors": list(sectors),
        "evidence": f"{article}: 한솔시와 청운전자가 협약을 맺었다.",
        "extracted_at": "2025-03-06T00:00:00.000Z",
        "extractor_version": "test",
    }


def merge_all(*reports: dict) -> dict:
    merged = None
    for r in reports:
        merged = merge_report(merged, r)
    return merged


def test_three_reports_merge_and_the_dated_one_fills_in_the_date():
    merged = merge_all(report("a"), report("b", signed_on="2025-03-04", venue="한솔시청", sectors=["반도체"]),
                       report("c", published="2025-03-07T08:00:00+09:00", sectors=["물류"]))
    MERGED.validate(merged)
    assert merged["mention_count"] == 3
    assert [s["article_id"] for s in merged["sources"]] == ["a", "b", "c"]
    assert merged["signed_on"] == "2025-03-04" and merged["venue"] == "한솔시청"
    assert merged["sectors"] == ["물류", "반도체"]
    assert merged["first_seen"] == "2025-03-05T01:00:00Z" and merged["last_seen"] == "2025-03-06T23:00:00Z"
    assert agreement_day(merged) == "2025-03-04"


def test_a_redelivered_report_changes_nothing():
    once = merge_all(report("a"), report("b", signed_on="2025-03-04"))
    assert merge_report(once, report("b", signed_on="2025-03-04")) == once
    assert merge_report(once, report("a")) == once


def test_signed_wins_over_planned_and_the_majority_date_wins():
    merged = merge_all(report("a", status="planned", signed_on="2025-03-01"),
                       report("b", signed_on="2025-03-04"), report("c", signed_on="2025-03-04"))
    assert merged["status"] == "signed"
    assert merged["signed_on"] == "2025-03-04"
    tie = merge_all(report("a", signed_on="2025-03-01", published="2025-03-02"), report("b", signed_on="2025-03-04"))
    assert tie["signed_on"] == "2025-03-01"  # earliest report wins a tie


def test_other_spellings_of_a_party_become_aliases():
    merged = merge_all(report("a"), report("b", city="한솔", city_aliases=["韓松市"]))
    city = merged["parties"][0]
    assert city["name"] == "한솔시" and city["aliases"] == ["한솔", "韓松市"]


def test_sources_are_capped_but_mentions_go_on_counting():
    merged = merge_all(*(report(f"a{i}", published=f"2025-03-05T{i % 24:02d}:00:00Z") for i in range(MAX_SOURCES + 5)))
    assert len(merged["sources"]) == MAX_SOURCES and merged["mention_count"] == MAX_SOURCES + 5
    MERGED.validate(merged)


def test_reports_without_publication_time_use_extraction_time():
    merged = merge_report(None, report("a", published=None))
    assert merged["first_seen"] == "2025-03-06T00:00:00Z"
    assert agreement_day(merged) == "2025-03-06"


@settings(max_examples=50, deadline=None)
@given(st.permutations(["a", "b", "c", "d"]), st.lists(st.sampled_from([None, "2025-03-04", "2025-03-05"]), min_size=4, max_size=4))
def test_merging_is_order_free_for_counts_and_sources(order, dates):
    reports = {a: report(a, signed_on=d, published=f"2025-03-0{i + 1}") for i, (a, d) in enumerate(zip("abcd", dates))}
    merged = merge_all(*(reports[a] for a in order))
    assert merged["mention_count"] == 4
    assert [s["article_id"] for s in merged["sources"]] == ["a", "b", "c", "d"]
    assert merged["signed_on"] == merge_all(*(reports[a] for a in "abcd"))["signed_on"]


# -- parties ---------------------------------------------------------------------------

def test_spellings_cover_names_aliases_and_place_suffixes():
    city = {"name": "한솔시", "type": "LOC", "aliases": ["韓松市"]}
    assert spellings(city) == {"한솔시", "한솔", "韓松市"}
    assert canonical_key(city) == "한솔"
    org = {"name": "(주)청운 전자", "type": "ORG", "aliases": ["Chungwoon"]}
    assert spellings(org) == {"청운전자", "chungwoon"}


def test_a_province_is_found_by_any_of_its_names():
    province = {"name": "경상남도", "type": "LOC", "aliases": []}
    assert {"경상남도", "경남", "경남도"} <= spellings(province)
    assert {"경상남도", "경남"} <= spellings({"name": "경남", "type": "LOC", "aliases": []})
    assert "경남" not in spellings({"name": "경상남도", "type": "ORG", "aliases": []})


def test_a_party_record_collects_agreements_and_aliases():
    merged = merge_all(report("a", signed_on="2025-03-04"), report("b", city_aliases=["韓松市"]))
    city, company = merged["parties"]
    record = add_to_party(None, city, party_summary(merged, city))
    assert record["key"] == "한솔" and record["aliases"] == ["韓松市"]
    assert record["agreements"][AID]["counterparties"] == [{"name": "청운전자", "type": "ORG"}]
    assert copy_targets(record) == {"한솔시", "韓松市"}
    again = add_to_party(record, city, party_summary(merged, city))
    assert again == record  # refiling the same agreement changes nothing
    assert add_to_party(None, company, party_summary(merged, company))["agreements"][AID]["counterparties"][0]["name"] == "한솔시"


# -- activity ----------------------------------------------------------------------------

def test_activity_counts_names_not_dates_or_amounts():
    record = {"entities": [
        {"type": "ORG", "name": "청운전자", "count": 3}, {"type": "DATE", "name": "4일", "count": 1},
        {"type": "PERSON", "name": "김하늘", "count": 1}, {"type": "MONEY", "name": "5억원", "count": 2},
    ]}
    assert activity_mentions(record) == [("ORG:청운전자", 3), ("PERSON:김하늘", 1)]


@pytest.mark.parametrize("published, day", [
    ("2025-03-05T23:30:00+09:00", "2025-03-05"),  # late evening in Korea is still the 5th
    ("2025-03-05T16:00:00Z", "2025-03-06"),       # 01:00 on the 6th in Korea
    ("2025-03-05", "2025-03-05"),
])
def test_activity_days_are_korean_calendar_days(published, day):
    ts = activity_timestamp(published, fallback=0.0)
    assert window_day(ts - ts % 86400) == day


def test_activity_without_publication_time_uses_the_message_time():
    ts = activity_timestamp(None, fallback=1_741_000_000.0)
    assert ts == 1_741_000_000.0 + 9 * 3600
