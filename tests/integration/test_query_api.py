"""The agreement index and its query API, through a real broker and real workers."""

from __future__ import annotations

import time
import urllib.parse
from collections import Counter
from typing import Callable

import orjson
import pytest

from conftest import Deployment, Worker, article

# Three outlets' reports of one signing (only the first gives its date), and two unrelated articles.
REPORTS = [
    article("qa-1",
            "한솔시는 4일 시청 대회의실에서 청운전자(靑雲電子)와 2차전지 소재 공장 건립을 위한 업무협약(MOU)을 "
            "체결했다고 밝혔다. 청운전자는 2027년까지 한솔 일반산업단지에 1200억원을 들여 공장을 짓는다. "
            "박서윤 한솔시장은 \"지역 일자리가 늘어날 것\"이라고 말했다.",
            title="한솔시, 청운전자와 2차전지 소재 공장 유치 협약", published_at="2025-03-05T10:00:00+09:00"),
    article("qa-2",
            "(주)청운전자는 한솔시와 2차전지 소재 공장 건립을 위한 투자 양해각서를 체결했다. 회사는 한솔 "
            "일반산업단지에 양극재 공장을 세우고 직원 300명을 새로 뽑을 계획이다.",
            title="청운전자, 한솔에 새 공장", published_at="2025-03-06T08:30:00+09:00"),
    article("qa-3",
            "한솔시와 청운전자가 2차전지 소재 분야 협력을 위한 업무협약을 체결했다. 협약에 따라 청운전자는 공장을 "
            "새로 짓고, 한솔시는 행정 지원을 맡는다.",
            title="한솔시-청운전자 MOU", published_at="2025-03-05T15:00:00+09:00"),
    article("qa-4",
            "미루군은 10일 (주)가람물산과 물류센터 건립을 위한 업무협약을 체결했다. 가람물산은 미루군 농공단지에 "
            "물류센터를 짓는다.", published_at="2025-03-11T09:00:00+09:00"),
    article("qa-5",
            "한솔시는 올해 봄꽃 축제를 다음 달 열기로 했다. 축제 기간에는 한솔천 일대에서 공연이 열린다.",
            published_at="2025-03-07T09:00:00+09:00"),
]


def get(worker: Worker, path: str) -> tuple[int, dict]:
    status, body = worker.http(urllib.parse.quote(path, safe="/?&="))
    return status, orjson.loads(body) if body else {}


def wait_for(worker: Worker, path: str, ok: Callable[[dict], bool], timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    status, body = 0, {}
    while time.monotonic() < deadline:
        status, body = get(worker, path)
        if status == 200 and ok(body):
            return body
        time.sleep(0.5)
    raise AssertionError(f"GET {path} never got there: {status} {body}\n{worker.log()}")


def the_merged_agreement(worker: Worker) -> dict:
    listing = wait_for(worker, "/agreements?party=청운전자",
                       lambda b: b["count"] == 1 and b["agreements"][0]["mention_count"] == 3)
    return listing["agreements"][0]


@pytest.mark.parametrize("store", ["memory://", "rocksdb://"])
def test_three_reports_merge_into_one_agreement_served_by_every_endpoint(deployment: Deployment, api_contract, store):
    worker = deployment.worker(STREAMS_STORE=store).start()
    deployment.publish(REPORTS)

    merged = the_merged_agreement(worker)
    assert sorted(s["article_id"] for s in merged["sources"]) == ["qa-1", "qa-2", "qa-3"]
    assert merged["signed_on"] == "2025-03-04"  # filled in from the one report that gives it
    assert merged["kind"] == "mou" and merged["status"] == "signed"
    assert {p["name"] for p in merged["parties"]} == {"한솔시", "청운전자"}
    api_contract.validate("/agreements", 200, get(worker, "/agreements")[1])

    status, by_id = get(worker, f"/agreements/{merged['agreement_id']}")
    assert status == 200 and by_id == merged
    api_contract.validate("/agreements/{id}", 200, by_id)

    # every spelling of each party finds it
    for name in ("한솔시", "한솔", "청운전자", "靑雲電子", "(주)청운전자"):
        party = wait_for(worker, f"/parties/{name}", lambda b: merged["agreement_id"] in {a["agreement_id"] for a in b["agreements"]})
        api_contract.validate("/parties/{name}", 200, party)
    company = get(worker, "/parties/청운전자")[1]
    assert [c["name"] for c in company["counterparties"]] == ["한솔시"] and company["kinds"] == {"mou": 1}

    # the merged agreement is on its topic, keyed by its id
    t = deployment.topics
    seen = deployment.collect([t.merged, t.entities], until=lambda s: len(s[t.entities]) >= len(REPORTS)
                              and any(r["mention_count"] == 3 for _, r in s[t.merged]))
    assert {key.decode() for key, _ in seen[t.merged]} == {r["agreement_id"] for _, r in seen[t.merged]}
    assert [r for _, r in seen[t.merged] if r["agreement_id"] == merged["agreement_id"]][-1] == merged

    # top entities rank what the entities topic reported, per name, over the days asked
    expected = Counter()
    for _, record in seen[t.entities]:
        for e in record["entities"]:
            if e["type"] == "ORG":
                expected[e["name"]] += e["count"]
    top = get(worker, "/entities/top?type=ORG&days=30&limit=50")[1]
    api_contract.validate("/entities/top", 200, top)
    assert top["until"] == "2025-03-11"
    assert {e["name"]: e["mentions"] for e in top["entities"]} == dict(expected)
    assert top["entities"][0]["name"] == "청운전자"
    assert [e["mentions"] for e in top["entities"]] == sorted((e["mentions"] for e in top["entities"]), reverse=True)

    # clear errors
    for path, template, wanted in [("/agreements?kind=treaty", "/agreements", 400),
                                   ("/agreements?limit=0", "/agreements", 400),
                                   ("/entities/top?days=365", "/entities/top", 400),
                                   ("/agreements/not-an-id", "/agreements/{id}", 400),
                                   ("/agreements/agr-000000000000000000000000", "/agreements/{id}", 404),
                                   ("/parties/아무도없음", "/parties/{name}", 404)]:
        status, body = get(worker, path)
        assert status == wanted, (path, body)
        api_contract.validate(template, status, body)

    # tables come back from their changelogs after a restart
    assert worker.stop() == 0
    restarted = deployment.worker(STREAMS_STORE=store).start()
    assert the_merged_agreement(restarted) == merged
    assert get(restarted, "/parties/靑雲電子")[1]["agreements"] == company["agreements"]
    assert get(restarted, "/entities/top?type=ORG&days=30&limit=50")[1] == top


def test_any_worker_answers_for_keys_and_listings_it_does_not_own(deployment: Deployment):
    first, second = deployment.worker().start(), deployment.worker().start()
    deployment.publish(REPORTS)
    merged = the_merged_agreement(first)
    paths = [f"/agreements/{merged['agreement_id']}", "/agreements", "/agreements?party=한솔",
             "/parties/한솔시", "/parties/가람물산", "/entities/top?days=30"]
    deadline = time.monotonic() + 60
    while True:  # the second worker may still be joining the group
        answers = [(get(first, p), get(second, p)) for p in paths]
        if all(a == b and a[0] == 200 for a, b in answers) or time.monotonic() > deadline:
            break
        time.sleep(1)
    for path, (a, b) in zip(paths, answers):
        assert a[0] == 200 and a == b, (path, a, b)
    # exactly one worker holds the agreement; the other answered through table routing
    holders = [w for w in (first, second)
               if merged["agreement_id"] in {x["agreement_id"] for x in get(w, "/agreements?scope=local")[1]["items"]}]
    assert len(holders) == 1


def test_extract_and_index_roles_in_separate_workers(deployment: Deployment):
    """The production layout: extract workers (Kiwi) and index workers (tables, API) apart."""
    extractor = deployment.worker(STREAMS_ROLE="extract").start()
    indexer = deployment.worker(STREAMS_ROLE="index").start()
    deployment.publish(REPORTS)
    merged = the_merged_agreement(indexer)
    assert merged["mention_count"] == 3 and merged["signed_on"] == "2025-03-04"
    # the party index is fed through its own topic (party-updates): it may trail the agreement
    assert wait_for(indexer, "/parties/가람물산", lambda b: True)
    # each does only its part: no query API on the extractor, no Kiwi in the indexer
    assert extractor.http("/agreements")[0] == 404
    assert get(extractor, "/health")[1] == {"status": "ok", "role": "extract", "extractor_loaded": True}
    assert get(indexer, "/health")[1] == {"status": "ok", "role": "index", "extractor_loaded": False}
    # separate consumer groups, so neither takes the other's partitions
    app_id = deployment.env["STREAMS_APP_ID"]
    assert f"worker role extract, group {app_id}\n" in extractor.log_path.read_text()
    assert f"worker role index, group {app_id}-index\n" in indexer.log_path.read_text()
