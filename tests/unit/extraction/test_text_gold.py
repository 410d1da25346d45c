"""clean() on the real crawler pages of ../shared/gold (skipped when that folder is absent).

The article text stays in ../shared: this test only reads it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from streams.extraction.text import clean, looks_mojibaked, repair_mojibake

GOLD = Path(__file__).resolve().parents[3] / ".." / "shared" / "gold"
FILES = ("dev.jsonl", "seeds.jsonl")

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold not present")


def _records():
    if not GOLD.is_dir():
        return []
    recs = []
    for name in FILES:
        path = GOLD / name
        if path.exists():
            with open(path, encoding="utf-8") as f:
                recs.extend(json.loads(line) for line in f if line.strip())
    return recs


RECORDS = _records()
IDS = [r["id"] for r in RECORDS]


def _squash(s: str) -> str:
    """NFKC and no whitespace: evidence may span a line break that clean() joined."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _annotated_strings(rec) -> list[str]:
    out = []
    for a in rec.get("agreements", []) + rec.get("planned", []):
        out.append(a["evidence"])
        out.extend(form for party in a["parties"] for form in party)
    return out


# Junk that must not survive (independent of the module's own rule files).
JUNK_LINE_RES = [
    re.compile(r"^\W*(?:맑음|흐림|구름\s?많음|구름\s?조금|안개)\S{1,12}\s?-?\d+(?:\.\d+)?\s?°C$"),
    re.compile(r"무단\s?전재|재배포\s?금지|All rights reserved|^Copyright"),
    re.compile(r"^(?:공유|댓글|인쇄|프린트|클린뷰|기사 스크랩|이 기사를 공유합니다|메뉴|AD|Share\.)$"),
    re.compile(r"댓글을 작성|댓글 바로가기|Comments are closed|--comment--|고지 없이 삭제|이내로 써주세요"),
    re.compile(r"뷰어를 제어|사진을 넣으세요|@include|\$docRoot"),
    re.compile(r"^\[?email protected\]?$|^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+$"),
    re.compile(r"^관련기사$|읽는 시간\d+분"),
]


@pytest.mark.parametrize("rec", RECORDS, ids=IDS)
def test_annotated_strings_survive_cleaning(rec):
    cleaned = _squash(clean(rec["body"]))
    lost = [s for s in _annotated_strings(rec) if _squash(s) not in cleaned]
    assert lost == []


@pytest.mark.parametrize("rec", RECORDS, ids=IDS)
def test_junk_is_gone(rec):
    lines = clean(rec["body"]).split("\n")
    left = [ln for ln in lines if any(rx.search(ln) for rx in JUNK_LINE_RES)]
    assert left == []


@pytest.mark.parametrize("rec", RECORDS, ids=IDS)
def test_idempotent_on_real_pages(rec):
    once = clean(rec["body"])
    assert clean(once) == once
    if rec.get("title"):
        title = clean(rec["title"])
        assert title and clean(title) == title


@pytest.mark.parametrize("rec", RECORDS, ids=IDS)
def test_mojibake_detection_matches_the_annotation(rec):
    assert looks_mojibaked(rec["body"]) == bool(rec.get("mojibake"))
    if rec.get("title"):
        assert not looks_mojibaked(rec["title"])


MOJIBAKE = [r for r in RECORDS if r.get("mojibake")]


@pytest.mark.parametrize("rec", MOJIBAKE, ids=[r["id"] for r in MOJIBAKE])
def test_repair_restores_the_annotated_strings_verbatim(rec):
    repaired = repair_mojibake(rec["body"])
    assert "\ufffd" not in repaired
    strings = _annotated_strings(rec) + [f for groups in rec["entities"].values() for g in groups for f in g]
    assert [s for s in strings if s not in repaired] == []
