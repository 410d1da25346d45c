"""Query API rules without a worker: parameters, filters, rankings, party views."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from streams.identity import agreement_id
from streams.index import add_to_party, merge_report, party_summary
from streams.queries import AgreementQuery, BadParameter, TopQuery, newest_first, party_view, top_entities

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def agreement(kind: str, parties: list[tuple[str, str, list[str]]], signed_on: str | None, article: str,
              published: str = "2025-06-01T09:00:00+09:00") -> dict:
    return merge_report(None, {
        "agreement_id": agreement_id(kind, [(n, t) for n, t, _ in parties], int((signed_on or published)[:4])),
        "article_id": article, "source_url": None, "published_at": published,
        "parties": [{"name": n, "type": t, "aliases": a} for n, t, a in parties],
        "kind": kind, "status": "signed", "signed_on": signed_on, "venue": None, "sectors": [],
        "evidence": "…", "extracted_at": "2025-06-01T00:00:00.000Z", "extractor_version": "test",
    })


A = agreement("mou", [("한솔시", "LOC", ["韓松市"]), ("청운전자", "ORG", [])], "2025-05-20", "a")
B = agreement("sister_city", [("한솔시", "LOC", []), ("미루현", "LOC", [])], None, "b", "2025-04-02T10:00:00+09:00")
C = agreement("contract", [("청운전자", "ORG", []), ("(주)가람물산", "ORG", [])], "2024-11-30", "c")


@pytest.mark.parametrize("params, expected", [
    ({}, [A, B, C]),
    ({"party": "한솔"}, [A, B]),
    ({"party": "한솔시"}, [A, B]),
    ({"party": "韓松市"}, [A]),
    ({"party": "가람 물산"}, [C]),
    ({"kind": "mou"}, [A]),
    ({"since": "2025-01-01"}, [A, B]),
    ({"until": "2025-04-30"}, [B, C]),
    ({"since": "2025-04-02", "until": "2025-04-02"}, [B]),  # undated: listed under its first report's day
    ({"party": "청운전자", "limit": "1"}, [A]),
])
def test_agreement_filters(params, expected):
    q = AgreementQuery.parse(params)
    assert newest_first([x for x in (C, B, A) if q.matches(x)], q.limit) == expected


@pytest.mark.parametrize("params, name", [
    ({"kind": "treaty"}, "kind"),
    ({"since": "2025-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"limit": "0"}, "limit"),
    ({"limit": "501"}, "limit"),
    ({"limit": "ten"}, "limit"),
    ({"since": "2025-05-02", "until": "2025-05-01"}, "since"),
    ({"party": "  "}, "party"),
    ({"partner": "x"}, "partner"),
])
def test_bad_agreement_parameters_name_the_parameter(params, name):
    with pytest.raises(BadParameter) as err:
        AgreementQuery.parse(params)
    assert err.value.name == name


def test_party_view_merges_every_record_under_a_key(api_contract):
    own = add_to_party(None, A["parties"][0], party_summary(A, A["parties"][0]))
    own = add_to_party(own, B["parties"][0], party_summary(B, B["parties"][0]))
    # another party that reports also call 한솔: its copy is filed under this key too
    other = add_to_party(None, {"name": "한솔특구", "type": "ORG", "aliases": ["한솔"]},
                         party_summary(C, C["parties"][1]))
    view = party_view({own["key"]: own, other["key"]: other}, own["key"])
    api_contract.validate("/parties/{name}", 200, view)
    assert view["name"] == "한솔시" and view["aliases"] == ["韓松市", "한솔", "한솔특구"]
    assert [a["agreement_id"] for a in view["agreements"]] == [A["agreement_id"], B["agreement_id"], C["agreement_id"]]
    assert view["kinds"] == {"contract": 1, "mou": 1, "sister_city": 1}
    assert view["first_signed_on"] == "2024-11-30" and view["last_signed_on"] == "2025-05-20"
    assert {c["name"] for c in view["counterparties"]} == {"청운전자", "미루현"}


ROWS = [
    {"type": "ORG", "name": "청운전자", "day": "2025-05-20", "mentions": 4},
    {"type": "ORG", "name": "청운전자", "day": "2025-05-14", "mentions": 9},
    {"type": "ORG", "name": "가람물산", "day": "2025-05-19", "mentions": 5},
    {"type": "LOC", "name": "한솔시", "day": "2025-05-18", "mentions": 6},
    {"type": "PERSON", "name": "김하늘", "day": "2025-05-20", "mentions": 1},
]


def test_top_entities_ranks_over_the_days_ending_at_the_newest(api_contract):
    top = top_entities(ROWS, TopQuery.parse({"days": "7"}, max_days=30))
    api_contract.validate("/entities/top", 200, top)
    assert (top["since"], top["until"]) == ("2025-05-14", "2025-05-20")
    assert [(e["name"], e["mentions"]) for e in top["entities"]] == [
        ("청운전자", 13), ("한솔시", 6), ("가람물산", 5), ("김하늘", 1)]
    assert top["entities"][0]["days_active"] == 2


def test_top_entities_by_type_window_and_limit():
    top = top_entities(ROWS, TopQuery.parse({"type": "ORG", "days": "3", "limit": "1"}, max_days=30))
    assert [(e["name"], e["mentions"]) for e in top["entities"]] == [("가람물산", 5)]
    until = top_entities(ROWS, TopQuery.parse({"until": "2025-05-18", "days": "1"}, max_days=30))
    assert [e["name"] for e in until["entities"]] == ["한솔시"]
    assert top_entities([], TopQuery())["entities"] == []


@pytest.mark.parametrize("params, name", [
    ({"type": "DATE"}, "type"), ({"days": "31"}, "days"), ({"days": "0"}, "days"), ({"until": "5/20"}, "until"),
])
def test_bad_top_parameters(params, name):
    with pytest.raises(BadParameter) as err:
        TopQuery.parse(params, max_days=30)
    assert err.value.name == name


def test_openapi_document_is_valid_and_its_schemas_check():
    doc = json.loads((SCHEMAS / "query-api.openapi.json").read_text())
    assert doc["openapi"].startswith("3.1")
    assert set(doc["paths"]) == {"/agreements/{id}", "/agreements", "/parties/{name}", "/entities/top", "/health"}
    for name, schema in doc["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_merged_agreements_and_errors_validate_against_the_contract(api_contract):
    api_contract.validate("/agreements/{id}", 200, A)
    api_contract.validate("/agreements", 200, {"count": 3, "limit": 50, "agreements": [A, B, C]})
    api_contract.validate("/agreements", 400, {"error": "bad_parameter", "message": "kind: …", "parameter": "kind"})
    with pytest.raises(jsonschema.ValidationError):
        api_contract.validate("/agreements/{id}", 404, {"error": "missing", "message": "…"})


def test_metrics_pre_create_every_endpoint_and_status_the_contract_names():
    from streams.metrics import API_ENDPOINTS, API_STATUSES

    doc = json.loads((SCHEMAS / "query-api.openapi.json").read_text())
    assert set(API_ENDPOINTS) == set(doc["paths"]) - {"/health"}
    for path in API_ENDPOINTS:
        assert set(doc["paths"][path]["get"]["responses"]) <= set(API_STATUSES), path
