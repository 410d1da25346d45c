"""Articles in, entities and agreements out, through a real broker and a real worker."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import orjson
import pytest

from streams.demo import sample_paths
from streams.extraction import Extractor
from streams.records import agreement_records, decode_article

from conftest import article

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((SCHEMAS / f"{name}.schema.json").read_text()))


def _comparable(record: dict) -> tuple:
    return (record["agreement_id"], record["article_id"], record["kind"], record["status"], record["signed_on"],
            tuple(p["name"] for p in record["parties"]), record["evidence"])


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(num_workers=1)


def test_sample_articles_flow_through_to_entities_agreements_and_dead_letters(deployment, extractor):
    valid_path, invalid_path = sample_paths()
    valid = [line for line in valid_path.read_bytes().splitlines() if line.strip()]
    invalid = [line for line in invalid_path.read_bytes().splitlines() if line.strip()]
    assert len(valid) >= 15 and len(invalid) == 1

    # What the offline extractor says about the same articles is what must arrive.
    expected = set()
    for raw in valid:
        a = decode_article(raw, max_bytes=1 << 20)
        for record in agreement_records(a, extractor.extract(a.for_extraction()), "t"):
            expected.add(_comparable(record))
    assert expected, "the samples must contain agreements"

    deployment.worker().start()
    # The invalid message comes first: the worker must keep going after it.
    messages = [(None, invalid[0])] + [(orjson.loads(v)["id"].encode(), v) for v in valid]
    deployment.publish(messages)

    t = deployment.topics
    seen = deployment.collect(
        [t.entities, t.agreements, t.deadletter],
        until=lambda s: len(s[t.entities]) >= len(valid) and len(s[t.deadletter]) >= 1
        and len({r["agreement_id"] for _, r in s[t.agreements]}) >= len({e[0] for e in expected}),
    )
    entity_ids = sorted(r["article_id"] for _, r in seen[t.entities])
    assert entity_ids == sorted(orjson.loads(v)["id"] for v in valid)
    entities_schema, agreement_schema, dead_schema = (validator(n) for n in ("entities.v1", "agreement.v1", "deadletter.v1"))
    for key, record in seen[t.entities]:
        entities_schema.validate(record)
        assert key.decode() == record["article_id"]
    for key, record in seen[t.agreements]:
        agreement_schema.validate(record)
        assert key.decode() == record["agreement_id"]
    assert {_comparable(r) for _, r in seen[t.agreements]} == expected

    [(_, dead)] = seen[t.deadletter]
    dead_schema.validate(dead)
    assert dead["reason"] == "missing_field" and dead["stage"] == "validate"
    assert dead["payload_text"] == invalid[0].decode()
    assert dead["source"]["topic"] == t.articles and dead["source"]["offset"] is not None


def test_worker_keeps_processing_after_bad_input(deployment):
    deployment.worker().start()
    deployment.publish([
        (None, b"\xff\xfe not utf-8"),
        article("after-bad-1", "가나전자와 다라시는 협약을 체결했다."),
        (b"x", b"[1, 2, 3]"),
        article("after-bad-2", "두 번째 기사 본문입니다."),
    ])
    t = deployment.topics
    seen = deployment.collect([t.entities, t.deadletter],
                              until=lambda s: len(s[t.entities]) >= 2 and len(s[t.deadletter]) >= 2)
    assert sorted(r["article_id"] for _, r in seen[t.entities]) == ["after-bad-1", "after-bad-2"]
    assert sorted(r["reason"] for _, r in seen[t.deadletter]) == ["not_object", "not_utf8"]
    status, body = deployment.workers[0].http("/metrics")
    assert status == 200
    assert b'streams_deadletters_total{reason="not_utf8",stage="decode"} 1.0' in body
