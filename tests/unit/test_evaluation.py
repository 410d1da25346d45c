"""The scorer on tiny hand-made gold/prediction pairs."""

from streams.evaluation import Counts, Report, match_agreements, norm, score_article, score_entities, score_pairs
from streams.extraction.model import Agreement, Entity, Extraction, Party


def _pred(*names, kind="mou", status="signed", signed_on=None):
    return Agreement(parties=tuple(Party(n, "ORG") for n in names), kind=kind, status=status,
                     evidence="", signed_on=signed_on)


def _gold(*parties, kind="mou", either=False):
    entry = {"parties": [list(p) for p in parties], "kind": kind, "signed_on": None}
    if either:
        entry["either"] = True
    return entry


def test_norm_drops_legal_markers_whitespace_and_width():
    assert norm("㈜ 두산") == norm("(주)두산") == norm("두산") == "두산"
    assert norm("ＮＹ Creates") == "NYCreates"


def test_any_listed_spelling_matches():
    matched, missed, extra = match_agreements([_gold(["장가항시", "张家港市"], ["스맥"])], [_pred("张家港市", "스맥")])
    assert len(matched) == 1 and not missed and not extra


def test_parties_map_one_to_one():
    gold = [_gold(["한국", "대한민국"], ["중국"])]
    matched, _, _ = match_agreements(gold, [_pred("한국", "대한민국")])  # both name the same party
    assert not matched


def test_party_count_must_agree():
    matched, missed, extra = match_agreements([_gold(["A"], ["B"])], [_pred("A", "B", "C")])
    assert not matched and len(missed) == 1 and len(extra) == 1


def test_planned_predictions_are_not_scored():
    matched, missed, extra = match_agreements([_gold(["A"], ["B"])], [_pred("A", "B", status="planned")])
    assert not matched and not extra and len(missed) == 1


def test_either_entry_accepts_one_n_party_agreement():
    gold = [_gold(["허브"], ["갑"], ["을"], either=True)]
    matched, missed, extra = match_agreements(gold, [_pred("허브", "갑", "을")])
    assert len(matched) == 1 and not extra


def test_either_entry_accepts_hub_pairs_as_one_agreement():
    gold = [_gold(["허브"], ["갑"], ["을"], either=True)]
    matched, missed, extra = match_agreements(gold, [_pred("허브", "갑"), _pred("을", "허브")])
    assert len(matched) == 1 and len(matched[0][1]) == 2 and not extra and not missed


def test_right_kind_wins_over_wrong_kind_for_the_same_parties():
    gold = [_gold(["A"], ["B"], kind="mou"), _gold(["A"], ["B"], kind="sister_city")]
    preds = [_pred("A", "B", kind="sister_city"), _pred("A", "B", kind="mou")]
    matched, _, _ = match_agreements(gold, preds)
    assert all(p.kind == e["kind"] for e, ps in matched for p in ps)


def test_pairs_of_either_entry_ignore_partner_pairs():
    gold = [_gold(["허브"], ["갑"], ["을"], either=True)]
    counts = score_pairs(gold, [_pred("허브", "갑", "을")])
    assert (counts.tp, counts.fp, counts.fn) == (2, 0, 0)


def test_pairs_of_joint_entry():
    counts = score_pairs([_gold(["A"], ["B"], ["C"])], [_pred("A", "B")])
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 2)


def test_entity_matches_group_by_any_alias():
    gold = {"ORG": [["한중과학기술협력센터", "KCICT"]], "PERSON": [], "LOC": [["서울"]]}
    entities = [Entity("ORG", "KCICT"), Entity("LOC", "부산"), Entity("LOC", "서울", aliases=("서울시",))]
    scores = score_entities(gold, entities)
    org, loc = scores["ORG"][0], scores["LOC"][0]
    assert (org.tp, org.fp, org.fn) == (1, 0, 0)
    assert (loc.tp, loc.fp, loc.fn) == (1, 1, 0)


def test_counts_f1():
    c = Counts(tp=3, fp=1, fn=2)
    assert round(c.precision, 3) == 0.75 and round(c.recall, 3) == 0.6 and round(c.f1, 3) == 0.667


def test_an_article_whose_only_error_is_a_date_is_listed_with_its_errors():
    record = {"id": "a1", "agreements": [{**_gold(["A"], ["B"]), "signed_on": "2024-01-02"}], "entities": {}}
    report = Report()
    score_article(record, Extraction("a1", agreements=(_pred("A", "B", signed_on="2024-01-03"),)), report)
    assert report.date_accuracy == 0.0
    assert [e["wrong_kind_or_date"] for e in report.errors] == [
        [{"parties": ["A", "B"], "gold": ["mou", "2024-01-02"], "pred": [["mou", "2024-01-03"]]}]]
