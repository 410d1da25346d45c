"""Extraction quality on the team's shared gold files must not fall below what was reached."""

from pathlib import Path

import pytest

from streams.evaluation import evaluate, load_gold
from streams.extraction import Extractor

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold"

# agreement F1 reached when these floors were set, minus a small margin
FLOORS = {"seeds.jsonl": 0.71, "dev.jsonl": 0.46}

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason=f"no shared gold files at {GOLD}")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(num_workers=1)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_agreement_f1_stays_above_floor(extractor, name):
    report = evaluate(load_gold(GOLD / name), extractor)
    assert report.agreements.f1 >= FLOORS[name], f"{name}: agreement F1 {report.agreements.f1:.3f}"
