"""Rules added in extractor 0.10.0, on sentences written for these tests (invented names)."""

import pytest


def test_the_head_of_a_known_organisation_signs_for_it_without_a_name(extract, signed):
    result = extract("수원시는 16일 누리전자 대표와 투자협약을 체결했다.")
    assert signed(result) == [["누리전자", "수원시"]]


def test_heads_of_unknown_organisations_sign_for_them(extract, signed):
    result = extract("수원시장은 16일 누리전자 대표, 다온화학 대표와 투자협약을 체결했다.")
    assert signed(result) == [["누리전자", "다온화학", "수원시"]]


def test_a_family_name_before_a_title_is_no_organisation(extract):
    result = extract("김 사장은 2일 가람시 시장과 양해각서를 체결했다.")
    assert all("김" not in [p.name for p in a.parties] for a in result.agreements)


@pytest.mark.parametrize(
    "body",
    [
        "가람시는 16일 시청에서 누리전자와 투자 업무협약을 진행했다.",
        "가람시는 16일 누리전자와 업무협약(MOU)을 진행하였다고 밝혔다.",
        "가람시는 16일 누리전자와 협약서에 사인했다.",
    ],
)
def test_an_agreement_carried_out_or_signed_in_the_loanword_is_signed(extract, signed, body):
    result = extract(body)
    assert signed(result) == [["가람시", "누리전자"]]
    assert result.agreements[0].signed_on == "2024-06-16"


@pytest.mark.parametrize(
    "body",
    [
        "가람시는 다음달 누리전자와 업무협약을 진행할 예정이다.",
        "가람시는 누리전자와 업무협약을 진행할 계획이라고 밝혔다.",
    ],
)
def test_an_agreement_still_to_be_carried_out_is_planned(extract, body):
    assert [a.status for a in extract(body).agreements] == ["planned"]


@pytest.mark.parametrize(
    "body",
    [
        "가람시는 16일 누리전자와 협의를 진행했다.",  # consultations
        "가람시는 협약에 따라 누리전자와 공동사업을 진행했다.",  # work under an earlier agreement
    ],
)
def test_carrying_out_something_else_is_no_signing(extract, body):
    assert extract(body).agreements == ()


def test_a_project_carried_out_after_a_signing_leaves_it_signed(extract):
    result = extract("가람시는 16일 누리전자와 협약을 체결했으며, 공동사업을 진행할 계획이다.")
    assert [a.status for a in result.agreements] == ["signed"]


def _places(result):
    return {e.name for e in result.entities if e.type == "LOC"}


@pytest.mark.parametrize(
    "body, venue, place",
    [
        ("세종시는 11일 시청 세종실에서 누리전자와 투자협약을 체결했다.", "시청 세종실", "세종실"),
        ("가람군은 27일 자연생태공원 세미나실에서 누리상회와 협약을 체결했다.", "자연생태공원 세미나실", "자연생태공원"),
    ],
)
def test_the_place_a_signing_venue_names_is_a_place(extract, body, venue, place):
    result = extract(body)
    assert [a.venue for a in result.agreements] == [venue]
    assert place in _places(result)


def test_an_event_venue_is_no_place(extract):
    result = extract("가람시는 16일 한중 경제협력 포럼에서 누리전자와 MOU를 체결했다.")
    assert [a.venue for a in result.agreements] == ["한중 경제협력 포럼"]
    assert _places(result) == {"가람시"}


@pytest.mark.parametrize("body", ["가람시는 16일 상생 차원에서 누리전자와 협약을 체결했다.",
                                  "가람시는 16일 기술 분야에서 누리전자와 협약을 체결했다."])
def test_an_abstract_noun_before_eseo_is_no_venue(extract, body):
    result = extract(body)
    assert [a.venue for a in result.agreements] == [None]
    assert _places(result) == {"가람시"}


def test_a_known_organisations_short_name_stays_one_word(extract):
    # without the known names as Kiwi words, 중진공은 read as 중 + 진공 (a vacuum)
    result = extract("이번 협약은 1호 사례로 중진공은 공장부지 구입 자금을 지원한다.")
    assert "중진공" in {e.name for e in result.entities if e.type == "ORG"}


def test_a_known_name_does_not_cut_a_longer_word(extract):
    result = extract("기사 공유하기 | 페이스북 | 트위터 | 카카오톡\n가람시는 누리전자와 협약을 체결했다.")
    assert "카카오" not in {e.name for e in result.entities}


def _people(result):
    return {e.name for e in result.entities if e.type == "PERSON"}


def test_a_name_kiwi_reads_syllable_by_syllable_before_si_jang_is_a_mayor(extract):
    # 엄태영 -> 엄/XR 태/NNG 영/NNG; 시장 is also "market", so this needed single-syllable pieces
    assert _people(extract("이날 조인식에는 엄태영 시장이 참석했다.")) == {"엄태영"}


@pytest.mark.parametrize("body", ["한중일 시장이 커졌다.", "유럽권 시장이 커졌다.", "전세계 시장에서 팔린다."])
def test_a_market_named_by_countries_is_no_mayor(extract, body):
    assert _people(extract(body)) == set()


def test_a_name_beginning_like_a_county_before_si_jang_is_still_a_mayor(extract):
    assert _people(extract("고성호 시장이 왔다.")) == {"고성호"}


def test_partners_named_in_the_next_sentence_join_a_signing_that_named_none(extract, signed):
    result = extract("가람시는 16일 바이오 산업 육성을 위한 업무협약을 체결했다. "
                     "이번 협약에는 누리바이오, 다온제약, 미르헬스케어가 참여했다.")
    assert signed(result) == [["가람시", "누리바이오", "다온제약", "미르헬스케어"]]
    assert result.agreements[0].signed_on == "2024-06-16"


def test_an_attendee_of_the_ceremony_is_no_partner(extract):
    result = extract("가람시는 16일 시청에서 업무협약을 체결했다. 이날 협약식에는 홍길동 누리전자 대표가 참석했다.")
    assert result.agreements == ()


def test_partners_joining_a_signing_too_far_back_are_not_its_parties(extract):
    result = extract("가람시는 16일 업무협약을 체결했다. 시는 기업 유치에 나섰다. 시는 예산을 늘렸다. "
                     "시는 인력을 뽑았다. 이번 협약에는 누리바이오가 참여했다.")
    assert result.agreements == ()


def test_a_chemical_company_kiwi_reads_as_a_department_keeps_its_particle(extract, signed):
    # 다온화학과 300억원: Kiwi read 다온 + 화학과 (a chemistry department)
    result = extract("가람시는 16일 누리전자와 500억원, 다온화학과 300억원 규모의 투자협약을 각각 체결했다.")
    assert signed(result) == [["가람시", "누리전자"], ["가람시", "다온화학"]]


def test_chemical_industries_are_no_company(extract):
    assert extract("가람시는 16일 석유화학과 정밀화학 분야 기업들과 협약을 체결했다.").agreements == ()
