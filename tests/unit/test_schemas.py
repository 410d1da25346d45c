"""Schemas in schemas/ with their pass/fail examples, and code that must agree with them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from streams.errors import Reason, RejectedArticle
from streams.extraction import Agreement, Entity, Extraction, Party
from streams.records import (
    agreement_records,
    deadletter_record,
    decode_article,
    entities_record,
    now_iso,
)

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
EXAMPLES = sorted((SCHEMAS / "examples").glob("*.json"))


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text())


def validator(name: str) -> jsonschema.Draft202012Validator:
    s = schema(name)
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(s, format_checker=jsonschema.FormatChecker())


def test_every_schema_has_pass_and_fail_examples():
    names = {p.name.split(".schema.json")[0] for p in SCHEMAS.glob("*.schema.json")}
    assert {"article.v1", "entities.v1", "agreement.v1", "deadletter.v1"} <= names
    for name in names:
        assert any(p.name.startswith(f"{name}.pass") for p in EXAMPLES), name
        assert any(p.name.startswith(f"{name}.fail") for p in EXAMPLES), name


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_validates_as_its_name_says(example: Path):
    name, verdict = example.name.split(".")[0:2], example.name.split(".")[2]
    errors = list(validator(".".join(name)).iter_errors(json.loads(example.read_text())))
    if verdict == "pass":
        assert errors == []
    else:
        assert errors, f"{example.name} should fail its schema"


@pytest.mark.parametrize("example", [p for p in EXAMPLES if p.name.startswith("article.v1")], ids=lambda p: p.name)
def test_worker_validation_agrees_with_the_article_schema(example: Path):
    raw = example.read_bytes()
    if ".pass" in example.name:
        decode_article(raw, max_bytes=1 << 20)
    else:
        with pytest.raises(RejectedArticle):
            decode_article(raw, max_bytes=1 << 20)


def _extraction() -> Extraction:
    return Extraction(
        article_id="a-1",
        entities=(
            Entity("ORG", "한빛전자", ("한빛",), 3),
            Entity("PERSON", "김민수", (), 1, title="대표", affiliation="한빛전자"),
            Entity("DATE", "12일", (), 1, value="2025-09-12"),
        ),
        agreements=(
            Agreement(
                parties=(Party("한빛전자", "ORG", ("한빛",)), Party("난징시", "LOC")),
                kind="mou", status="signed", evidence="두 기관은 협약을 맺었다.", signed_on="2025-09-12",
                venue="난징시청", sectors=("반도체",),
            ),
        ),
    )


def test_records_built_by_the_worker_validate():
    article = decode_article(
        json.dumps({"id": "a-1", "body": "본문", "url": "https://x.example/1", "published_at": "2025-09-13"}).encode(),
        max_bytes=1 << 20,
    )
    at = now_iso()
    validator("entities.v1").validate(entities_record(article, _extraction(), at))
    for record in agreement_records(article, _extraction(), at):
        validator("agreement.v1").validate(record)
    dead = deadletter_record(b"\xff\xfe", b"k", RejectedArticle(Reason.NOT_UTF8, "bad bytes"),
                             topic="articles", partition=0, offset=5, failed_at=at)
    validator("deadletter.v1").validate(dead)


def test_every_reason_code_is_in_the_deadletter_schema():
    assert set(schema("deadletter.v1")["properties"]["reason"]["enum"]) == {r.value for r in Reason}
