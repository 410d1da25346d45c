"""Extraction quality on the gold files must not fall below what was reached.

Floors are the figures reached when they were set, minus 0.03. The shared gold
files (../shared/gold) are skipped when absent; the team's own annotated samples
(tests/fixtures/samples_gold.jsonl) always run.
"""

from pathlib import Path

import pytest

from streams.evaluation import evaluate, load_gold
from streams.extraction import Extractor

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "gold"
SAMPLES = ROOT / "tests" / "fixtures" / "samples_gold.jsonl"

# path -> {metric: floor}
FLOORS = {  # set with extractor 0.15.0
    GOLD / "seeds.jsonl": {"agreement_f1": 0.97, "pair_f1": 0.97, "date_acc": 0.89, "kind_acc": 0.97,
                           "ORG_f1": 0.82, "PERSON_f1": 0.92, "LOC_f1": 0.79},
    GOLD / "dev.jsonl": {"agreement_f1": 0.95, "pair_f1": 0.93, "date_acc": 0.94, "kind_acc": 0.97,
                         "ORG_f1": 0.91, "PERSON_f1": 0.94, "LOC_f1": 0.91},
    SAMPLES: {"agreement_f1": 0.97, "pair_f1": 0.97, "date_acc": 0.97, "kind_acc": 0.97,
              "ORG_f1": 0.97, "PERSON_f1": 0.96, "LOC_f1": 0.94},
}


def _metrics(report) -> dict[str, float]:
    return {
        "agreement_f1": report.agreements.f1,
        "pair_f1": report.pairs.f1,
        "date_acc": report.date_accuracy,
        "kind_acc": report.kind_accuracy,
        **{f"{t}_f1": c.f1 for t, c in report.entities.items()},
    }


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(num_workers=1)


@pytest.mark.parametrize("path", sorted(FLOORS), ids=lambda p: p.name)
def test_quality_stays_above_floor(extractor, path):
    if not path.is_file():
        pytest.skip(f"no gold file at {path}")
    got = _metrics(evaluate(load_gold(path), extractor))
    low = {k: round(got[k], 3) for k, floor in FLOORS[path].items() if got[k] < floor}
    assert not low, f"{path.name}: below floor {low} (floors {FLOORS[path]})"
