"""Rules added in extractor 0.4.0, on sentences written for these tests (invented names)."""

import datetime as dt

import pytest

from streams.extraction.dates import infer_reference
from streams.extraction.document import compose


def _signed(result):
    return [sorted(p.name for p in a.parties) for a in result.agreements if a.status == "signed"]


@pytest.mark.parametrize(
    "title, body, expected",
    [
        ("가람시, 나래테크와 협약", "가람시, 나래테크와 협약\n본문이다.", ("가람시, 나래테크와 협약\n본문이다.", 13)),
        ("가람시", "가람시는 협약을 맺었다.", ("가람시는 협약을 맺었다.", 0)),  # no headline line
        ("", "본문이다.", ("본문이다.", 0)),
    ],
)
def test_body_that_repeats_the_headline_keeps_it_as_headline(title, body, expected):
    assert compose(title, body) == expected


def test_headline_summary_of_body_agreements_is_not_a_separate_agreement(extract):
    title = "다온시, 중국 한빛성·미르성과 MOU 체결"
    body = title + "\n다온시는 3일 한빛성과 MOU를 체결했다. 다온시는 4일 미르성과 MOU를 체결했다."
    assert sorted(_signed(extract(body, title=title))) == [["다온시", "미르성"], ["다온시", "한빛성"]]


@pytest.mark.parametrize(
    "body, status",
    [
        ("다온시와 미르전자가 업무협약을 체결하며 협력을 강화한다.", "signed"),
        ("다온시와 미르전자가 업무협약을 체결하면서 협력에 나선다.", "signed"),
        ("다온시와 미르전자가 26일 업무협약을 체결하고 기술 협력을 넓힌다.", "planned"),
        ("다온시와 미르전자가 오는 26일 업무협약을 체결하며 협력을 강화한다.", "planned"),
    ],
)
def test_connective_signing_with_present_tense_main_clause(extract, body, status):
    assert [a.status for a in extract(body).agreements] == [status]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("가람시는 2031년 기준 인구 40만 명이다. 5월 3일 설명회를 열었다.", dt.date(2032, 5, 31)),
        ("가람시는 2031년 말 기준 수출 1조원이다. 12월 3일 설명회를 열었다.", dt.date(2032, 12, 31)),
        ("2030년 설립된 회사다.", None),  # a single year is an earlier event
        ("울산시는 1921억원 규모의 투자를 받았다. 총 1921억원이다.", None),  # amounts are not years
    ],
)
def test_closed_year_figures_date_an_undated_article_after_that_year(text, expected):
    assert infer_reference(text) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # an unqualified 대통령 is the Korean president; the other leader's country is named
        ("박하늘 대통령과 로렌 카스텔 프랑스 총리는 3일 양해각서를 교환했다.", [["프랑스", "한국"]]),
        # a minister's title fused with the ministry (and the ministry's country before it)
        ("고민준 미래교통부장관과 에밀 두아르 벨기에 교통부장관은 협정에 서명했다.", [["미래교통부", "벨기에 교통부"]]),
        # an ambassador to Korea signs for the country they represent
        ("정다온 외교통상부 장관과 한스 베버 주한독일대사가 10일 협정에 서명했다.", [["독일", "외교통상부"]]),
    ],
)
def test_state_signatories_stand_for_their_country_or_ministry(extract, body, expected):
    assert _signed(extract(body)) == expected


def test_counted_documents_between_two_states_are_separate_agreements(extract):
    body = "박하늘 대통령과 로렌 카스텔 프랑스 총리는 총 2건의 양해각서와 1건의 계약서를 교환했다."
    kinds = sorted(a.kind for a in extract(body).agreements)
    assert kinds == ["contract", "mou", "mou"]


def test_count_after_a_list_does_not_multiply_the_summary(extract):
    body = "울산시는 하노이시와 '관광 협력'과 '물류 협력' 등 2건의 양해각서를 체결했다."
    assert len(extract(body).agreements) == 1


def test_two_pairs_of_signatories_in_one_sentence(extract):
    body = ("고민준 미래교통부장관과 에밀 두아르 벨기에 교통부장관은 '항공협정'에, "
            "나서연 해양수산부장관과 루크 반담 벨기에 해양부장관은 '항만 협력 약정'에 각각 서명했다.")
    assert sorted(_signed(extract(body))) == [["미래교통부", "벨기에 교통부"], ["벨기에 해양부", "해양수산부"]]


def test_quoted_documents_after_a_pair_are_separate_agreements(extract):
    body = "울산시와 하노이시는 3일 시청에서 '관광 협력 협정', '물류 협력 협정'에 서명했다."
    found = [a for a in extract(body).agreements if a.status == "signed"]
    assert [sorted(p.name for p in a.parties) for a in found] == [["울산시", "하노이시"]] * 2


def test_ceremony_noun_is_not_the_signing_verb(extract):
    body = "협정서명식에서 울산시와 하노이시는 '관광 협력 협정'에 서명했다."
    assert _signed(extract(body)) == [["울산시", "하노이시"]]


def test_signatories_joined_by_and_sign_together(extract):
    body = "정다온 외교통상부 장관과 한스 베버 주한독일대사 및 마르코 로시 주한이탈리아대사가 협정에 서명했다."
    assert _signed(extract(body)) == [["독일", "외교통상부", "이탈리아"]]


def test_names_inside_a_quoted_document_title_are_not_extra_parties(extract):
    body = ("정다온 외교통상부 장관과 한스 베버 주한독일대사가 '대한민국과 독일연방공화국 정부 간 과학기술 협정"
            "(Agreement on Science and Technology Cooperation)'에 서명했다.")
    assert _signed(extract(body)) == [["독일", "외교통상부"]]


def test_second_signing_clause_of_a_sentence(extract):
    body = "미르전자는 2일 울산시와 양해각서를 체결했으며, 3일에는 하노이시와 업무협약을 체결했다."
    assert sorted(_signed(extract(body))) == [["미르전자", "울산시"], ["미르전자", "하노이시"]]


def test_subject_of_an_earlier_predicate_is_not_a_party(extract):
    body = "'제3회 가람박람회'가 12일 하노이에서 개막한 가운데 울산시와 하노이시가 하노이에서 양해각서를 체결했다."
    assert _signed(extract(body)) == [["울산시", "하노이시"]]


def test_anniversary_of_an_old_tie_has_no_signing_date(extract):
    body = "올해는 울산시와 하노이시가 자매결연을 맺은 지 20주년이 되는 해다."
    (agreement,) = extract(body).agreements
    assert agreement.status == "signed" and agreement.signed_on is None


@pytest.mark.parametrize(
    "body, kind",
    [
        ("울산시는 하노이시와 우호교류 협정을 체결했다.", "sister_city"),
        ("울산시는 하노이시와 우호협력 강화를 위한 양해각서를 체결했다.", "mou"),
    ],
)
def test_friendship_must_name_the_document(extract, body, kind):
    assert [a.kind for a in extract(body).agreements] == [kind]


@pytest.mark.parametrize(
    "body, partner",
    [
        ("미르전자는 중국의 선전 퍼시픽 블루 세미트로닉과 공급 계약을 체결했다.", "선전 퍼시픽 블루 세미트로닉"),
        ("미르전자는 미국 기업 세미트로닉과 공급 계약을 체결했다.", "세미트로닉"),
        ("울산시는 캘리포니아 교육도시 벨마운트와 업무협약을 체결했다.", "벨마운트"),
    ],
)
def test_multiword_unknown_company_names(extract, body, partner):
    names = {p.name for a in extract(body).agreements for p in a.parties}
    assert partner in names


def test_company_marker_with_particle_and_based_in(extract):
    body = ("울산시 투자 유치단이 미국 기업과 투자 협약을 체결했다. 설명회 결과 울산시는 노바 스카이 사와는 기술 제휴를, "
            "시카고소재 한솔무역과는 물류사업을 포함해 모두 2건의 양해각서를 체결했다.")
    assert sorted(_signed(extract(body))) == [["노바 스카이 사", "울산시"], ["울산시", "한솔무역"]]


def test_delegation_signs_for_the_body_that_sent_it(extract):
    body = "울산시 경제사절단은 3일 하노이시와 업무협약을 체결했다."
    assert _signed(extract(body)) == [["울산시", "하노이시"]]


def test_this_mayor_stands_for_the_mayors_city(extract):
    body = ("김하늘 울산시장은 5일 미국 출장길에 올랐다. "
            "이 시장은 벨마운트시의 존 리 부시장과 우호협력의향서를 체결했다.")
    assert _signed(extract(body)) == [["벨마운트시", "울산시"]]


def test_city_tie_and_its_signed_document_are_one_signing(extract):
    body = ("김하늘 울산광역시장은 미국을 방문했다. 이 시장은 벨마운트시와 첫 우호협력도시 협약을 맺었다. "
            "이 시장은 벨마운트시의 존 리 부시장과 우호협력의향서를 체결했다.")
    assert [a.kind for a in extract(body).agreements if a.status == "signed"] == ["loi"]


def test_visited_body_of_a_named_title_holder(extract):
    body = "울산시는 지난 12일 미국 벨마운트시를 방문해 존 리 시장과 만나 교류협력의향서를 체결했다."
    assert _signed(extract(body)) == [["벨마운트시", "울산시"]]


def test_counted_partners_listed_in_the_next_sentence(extract):
    body = ("울산시가 11일 시청에서 유망기업 3곳과 투자협약을 체결했다. "
            "협약에 따라 다온솔루션·미래파워텍·한빛메디칼 등 3개 기업은 공장을 신설한다.")
    (agreement,) = [a for a in extract(body).agreements if a.status == "signed"]
    assert sorted(p.name for p in agreement.parties) == ["다온솔루션", "미래파워텍", "울산시", "한빛메디칼"]


def test_counted_partners_need_the_same_count(extract):
    body = ("울산시가 11일 시청에서 유망기업 4곳과 투자협약을 체결했다. "
            "협약에 따라 다온솔루션·미래파워텍·한빛메디칼 등 3개 기업은 공장을 신설한다.")
    assert _signed(extract(body)) == []


@pytest.mark.parametrize(
    "body, expected",
    [
        ("울산시는 5일 중국 허난성 정부에서 양 시·성간 교류협력을 위한 양해각서를 체결했다.", [["울산시", "허난성"]]),
        ("울산시는 5일 하노이에서 교류협력을 위한 양해각서를 체결했다.", []),  # a venue, no mutual marker
    ],
)
def test_host_government_of_a_mutual_signing_is_the_partner(extract, body, expected):
    assert _signed(extract(body)) == expected


def test_place_office_title_is_a_title_not_a_party(extract):
    body = ("울산세관은 지난 2012년 베트남 하노이 세관과 MOU를 체결했다. "
            "김하늘 울산본부세관장은 \"주요 세관과 MOU 체결을 추진할 계획\"이라고 밝혔다.")
    names = {p.name for a in extract(body).agreements for p in a.parties}
    assert not any("세관장" in n for n in names)


def test_sum_up_of_detailed_documents_is_not_another_agreement(extract):
    body = ("미래교통부는 벨기에와 '항만 협력'과 '물류 협력' 등 2건의 양해각서를 체결했다고 밝혔다. "
            "고민준 미래교통부 장관은 에밀 두아르 벨기에 해양부 장관과 항만 협력 MOU를 체결했다. "
            "울산항만공사와 벨기에 앤트워프항만청은 물류 협력 MOU를 체결했다.")
    found = sorted(_signed(extract(body)))
    assert ["미래교통부", "벨기에"] not in found and len(found) == 2


@pytest.mark.parametrize(
    "body, person",
    [
        ("김하늘 산업부 통상협력국장은 회의를 열었다.", "김하늘"),
        ("박도윤 중소기업중앙회 정책개발1본부장은 말했다.", "박도윤"),
    ],
)
def test_department_head_title_after_an_organisation(extract, body, person):
    people = [e.name for e in extract(body).entities if e.type == "PERSON"]
    orgs = [e.name for e in extract(body).entities if e.type == "ORG"]
    assert people == [person] and not any(person in o for o in orgs)


def test_a_known_place_is_not_the_short_form_of_another_known_place():
    from streams.extraction import Article, Extractor

    extraction = Extractor().extract(Article(id="t", body="멕시코 정부는 멕시코시티에서 한국 기업과 협약을 맺었다. 멕시코 측은 투자를 늘린다."))
    names = {e.name for e in extraction.entities if e.type == "LOC"}
    assert {"멕시코", "멕시코시티"} <= names
