"""``streams eval GOLD.jsonl``: score extraction against a gold file (see shared gold/FORMAT.md).

Agreements match when their parties map one-to-one onto the gold parties (any
listed spelling counts, compared after NFKC, whitespace removal and dropping a
(주)/㈜ marker). A gold entry marked ``either`` is also matched by the set of
predicted hub–partner pairs. Only predictions with status 'signed' are scored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from .extraction import Article, Extraction, Extractor

_LEGAL = re.compile(r"\(주\)|㈜|주식회사")
_SPACE = re.compile(r"\s+")
ENTITY_TYPES = ("ORG", "PERSON", "LOC")


def norm(name: str) -> str:
    return _SPACE.sub("", _LEGAL.sub("", unicodedata.normalize("NFKC", name)))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    agreements: Counts = field(default_factory=Counts)
    pairs: Counts = field(default_factory=Counts)
    kind_ok: int = 0
    date_ok: int = 0
    matched: int = 0
    entities: dict = field(default_factory=lambda: {t: Counts() for t in ENTITY_TYPES})
    errors: list = field(default_factory=list)

    @property
    def kind_accuracy(self) -> float:
        return self.kind_ok / self.matched if self.matched else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.date_ok / self.matched if self.matched else 1.0


# ---- matching -------------------------------------------------------------------------------

def _gold_parties(entry: dict) -> list[set[str]]:
    return [{norm(f) for f in forms} for forms in entry["parties"]]


def _one_to_one(pred: list[str], gold: list[set[str]]) -> bool:
    """Each predicted party names a distinct gold party and every gold party is named."""
    if len(pred) != len(gold):
        return False
    return _assign(pred, gold, 0, set())


def _assign(pred: list[str], gold: list[set[str]], i: int, used: set[int]) -> bool:
    if i == len(pred):
        return True
    for j, forms in enumerate(gold):
        if j not in used and pred[i] in forms and _assign(pred, gold, i + 1, used | {j}):
            return True
    return False


def _pred_names(agreement) -> list[str]:
    return [norm(p.name) for p in agreement.parties]


def match_agreements(gold: list[dict], pred: list) -> tuple[list[tuple[dict, list]], list[dict], list]:
    """(gold entry, the predictions matched to it), missed gold, unmatched predictions.

    Greedy in two passes: first only predictions of the gold kind, then any kind, so a
    wrong-kind prediction cannot take the place of a right one.
    """
    pred = [p for p in pred if p.status == "signed"]
    free = list(range(len(pred)))
    matched: dict[int, list] = {}
    for same_kind in (True, False):
        for g, entry in enumerate(gold):
            if g in matched:
                continue
            ok = [i for i in free if not same_kind or pred[i].kind == entry["kind"]]
            hit = _match_entry(entry, pred, ok)
            if hit:
                for i in hit:
                    free.remove(i)
                matched[g] = [pred[i] for i in hit]
    pairs = [(gold[g], preds) for g, preds in sorted(matched.items())]
    missed = [e for g, e in enumerate(gold) if g not in matched]
    return pairs, missed, [pred[i] for i in free]


def _match_entry(entry: dict, pred: list, candidates: list[int]) -> list[int]:
    gparties = _gold_parties(entry)
    hit = next((i for i in candidates if _one_to_one(_pred_names(pred[i]), gparties)), None)
    if hit is not None:
        return [hit]
    if not entry.get("either") or len(gparties) <= 2:
        return []
    hub, partners = gparties[0], gparties[1:]
    chosen: list[int] = []
    for forms in partners:
        i = next((i for i in candidates if i not in chosen
                  and _one_to_one(_pred_names(pred[i]), [hub, forms])), None)
        if i is None:
            return []
        chosen.append(i)
    return chosen


def _pair_set_gold(entries: list[dict]) -> list[tuple[set[str], set[str]]]:
    out = []
    for e in entries:
        parties = _gold_parties(e)
        if e.get("either"):
            out.extend((parties[0], p) for p in parties[1:])
        else:
            out.extend(combinations(parties, 2))
    return out


def score_pairs(gold: list[dict], pred: list) -> Counts:
    """Unordered party pairs, matched one-to-one; partner–partner pairs inside an either entry are ignored."""
    gold_pairs = _pair_set_gold(gold)
    either = [_gold_parties(e) for e in gold if e.get("either")]
    pred_pairs = []
    for a in pred:
        if a.status != "signed":
            continue
        for x, y in combinations(_pred_names(a), 2):
            if any(_in_partners(x, g) and _in_partners(y, g) for g in either):
                continue
            pred_pairs.append((x, y))
    counts = Counts()
    free = list(range(len(gold_pairs)))
    for x, y in pred_pairs:
        hit = next((i for i in free if (x in gold_pairs[i][0] and y in gold_pairs[i][1])
                    or (y in gold_pairs[i][0] and x in gold_pairs[i][1])), None)
        if hit is None:
            counts.fp += 1
        else:
            counts.tp += 1
            free.remove(hit)
    counts.fn = len(free)
    return counts


def _in_partners(name: str, parties: list[set[str]]) -> bool:
    return any(name in forms for forms in parties[1:])


def score_entities(gold: dict, entities) -> dict[str, tuple[Counts, list, list]]:
    out = {}
    for t in ENTITY_TYPES:
        groups = [{norm(f) for f in forms} for forms in gold.get(t, [])]
        preds = [e for e in entities if e.type == t]
        counts = Counts()
        found = set()
        false_pos = []
        for e in preds:
            names = {norm(n) for n in (e.name, *e.aliases)}
            hit = next((i for i, g in enumerate(groups) if i not in found and names & g), None)
            if hit is None:
                if not any(names & g for g in groups):
                    counts.fp += 1
                    false_pos.append(e.name)
            else:
                counts.tp += 1
                found.add(hit)
        missed = [sorted(g)[0] for i, g in enumerate(gold.get(t, [])) if i not in found]
        counts.fn = len(missed)
        out[t] = (counts, missed, false_pos)
    return out


def score_article(record: dict, extraction: Extraction, report: Report) -> None:
    gold = record.get("agreements", [])
    matched, missed, extra = match_agreements(gold, list(extraction.agreements))
    report.agreements.add(Counts(tp=len(matched), fp=len(extra), fn=len(missed)))
    report.pairs.add(score_pairs(gold, list(extraction.agreements)))
    for entry, preds in matched:
        report.matched += 1
        report.kind_ok += all(p.kind == entry["kind"] for p in preds)
        report.date_ok += all(p.signed_on == entry.get("signed_on") for p in preds)
    ent_missed = {}
    ent_fp = {}
    for t, (counts, m, fp) in score_entities(record.get("entities", {}), extraction.entities).items():
        report.entities[t].add(counts)
        ent_missed[t], ent_fp[t] = m, fp
    wrong = [{"parties": [p[0] for p in e["parties"]], "gold": [e["kind"], e.get("signed_on")],
              "pred": [[p.kind, p.signed_on] for p in ps]}
             for e, ps in matched if any(p.kind != e["kind"] or p.signed_on != e.get("signed_on") for p in ps)]
    if missed or extra or wrong or any(ent_missed.values()) or any(ent_fp.values()):
        report.errors.append({
            "id": record["id"],
            "missed": [{"parties": [p[0] for p in e["parties"]], "kind": e["kind"],
                        "signed_on": e.get("signed_on")} for e in missed],
            "false_positives": [{"parties": [p.name for p in a.parties], "kind": a.kind,
                                 "signed_on": a.signed_on, "evidence": a.evidence[:120]} for a in extra],
            "wrong_kind_or_date": wrong,
            "entities_missed": ent_missed,
            "entities_false_positive": ent_fp,
        })


# ---- running ----------------------------------------------------------------------------------

def load_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def to_article(record: dict) -> Article:
    return Article(id=record["id"], body=record.get("body") or "", title=record.get("title") or "",
                   published_at=record.get("published_at"), url=record.get("url"))


def evaluate(records: list[dict], extractor: Extractor) -> Report:
    report = Report()
    results = extractor.extract_many([to_article(r) for r in records])
    for record, extraction in zip(records, results):
        score_article(record, extraction, report)
    return report


def summary(report: Report) -> dict:
    return {
        "agreements": report.agreements.as_dict(),
        "pairs": report.pairs.as_dict(),
        "kind_accuracy": round(report.kind_accuracy, 4),
        "date_accuracy": round(report.date_accuracy, 4),
        "matched_agreements": report.matched,
        "entities": {t: c.as_dict() for t, c in report.entities.items()},
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", type=Path, help="gold file in FORMAT.md form (JSON Lines)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--show-errors", action="store_true", help="list misses and false positives per article")
    parser.add_argument("--workers", type=int, default=1, help="Kiwi worker threads")


def command(args: argparse.Namespace) -> int:
    try:
        records = load_gold(args.gold)
    except (OSError, ValueError) as exc:
        print(f"cannot read gold file {args.gold}: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    report = evaluate(records, Extractor(num_workers=args.workers))
    elapsed = time.perf_counter() - started
    figures = summary(report)
    if args.json:
        figures["articles"] = len(records)
        figures["seconds"] = round(elapsed, 2)
        if args.show_errors:
            figures["errors"] = report.errors
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    if args.show_errors:
        _print_errors(report.errors)
    a, p, e = report.agreements, report.pairs, report.entities
    print(f"{len(records)} articles from {args.gold} in {elapsed:.1f}s")
    print(f"agreements P={a.precision:.3f} R={a.recall:.3f} F1={a.f1:.3f} (tp={a.tp} fp={a.fp} fn={a.fn})"
          f" | pairs F1={p.f1:.3f}")
    print(f"kind acc={report.kind_accuracy:.3f} date acc={report.date_accuracy:.3f} (over {report.matched} matched)")
    print("entity F1 " + " ".join(f"{t}={e[t].f1:.3f}" for t in ENTITY_TYPES))
    return 0


def _print_errors(errors: list[dict]) -> None:
    for err in errors:
        print(f"== {err['id']}")
        for m in err["missed"]:
            print(f"  MISSED  {m['kind']} {m['signed_on']} {m['parties']}")
        for f in err["false_positives"]:
            print(f"  FALSE+  {f['kind']} {f['signed_on']} {f['parties']}  «{f['evidence']}»")
        for w in err["wrong_kind_or_date"]:
            print(f"  WRONG   {w['parties']} gold={w['gold']} pred={w['pred']}")
        for t in ENTITY_TYPES:
            if err["entities_missed"][t] or err["entities_false_positive"][t]:
                print(f"  {t:6s} missed={err['entities_missed'][t]} fp={err['entities_false_positive'][t]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="streams eval", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return command(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
