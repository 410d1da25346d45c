"""Rules added in extractor 0.13.0, on sentences written for these tests (invented names)."""

import pytest


def _orgs(result):
    return {e.name for e in result.entities if e.type == "ORG"}


@pytest.mark.parametrize("company", ["한빛화학", "미르항공", "가온케미칼", "LG디스플레이", "누리랩스"])
def test_a_name_before_an_industry_word_is_a_company(extract, company):
    assert company in _orgs(extract(f"누리전자는 {company}와 함께 신제품을 개발한다."))


@pytest.mark.parametrize("sentence, word", [
    ("농가들은 록색식품 인증을 받았다.", "록색식품"),  # Kiwi: 록/NNG 색/NNG 식품/NNG
    ("주력 산업은 반도체, 바이오메디컬, 식품 분야다.", "바이오메디컬"),  # two industry words: a field
    ("가람전선은 초고압직류송전기(HVDC) 부품을 납품한다.", "초고압직류송전기"),  # a long name: a machine
])
def test_an_industry_word_after_no_company_name_is_no_company(extract, sentence, word):
    assert word not in _orgs(extract(sentence))


def test_a_count_of_partners_detailed_one_by_one_is_one_agreement_per_partner(extract, signed):
    result = extract("가람시는 21일 기업 3곳과 투자협약을 맺었다. 협약을 맺은 기업은 누리전자(대표 김민준), "
                     "한빛화학(대표 이서연), 미르바이오(대표 박지훈)다.")
    assert signed(result) == [["가람시", "누리전자"], ["가람시", "미르바이오"], ["가람시", "한빛화학"]]


def test_a_joint_signing_stays_whole_beside_pairs_from_other_sentences(extract, signed):
    result = extract("가람시와 누리전자, 한빛화학은 3자 협약을 체결했다. 가람시는 누리전자와 별도로 공급 계약을 맺었다. "
                     "가람시는 한빛화학과도 공급 계약을 맺었다.")
    assert ["가람시", "누리전자", "한빛화학"] in signed(result)


def test_an_object_before_a_comma_is_no_list_item_beside_the_next_clauses_subject(extract):
    result = extract("산업통상자원부는 베트남 산업무역부와 공급망 MOU를, 환경부는 베트남 자원환경부와 기후 MOU를 각각 맺었다.")
    assert "MOU" not in _orgs(result)
    assert {"산업통상자원부", "환경부"} <= _orgs(result)


@pytest.mark.parametrize("company", ["Acme Corp.", "Sakura Co., Ltd."])
def test_a_latin_company_name_with_its_legal_form_signs_whole(extract, signed, company):
    # Kiwi reads 과 after "Corp." as a noun (a department); the comma of "Co., Ltd." is no list
    result = extract(f"누리전자는 미국 {company}{'과' if company.endswith('Corp.') else '와'} 기술협력 MOU를 체결했다.")
    assert signed(result) == [sorted(["누리전자", company])]


def _agreements(result):
    return sorted((a.kind, sorted(p.name for p in a.parties), a.signed_on) for a in result.agreements
                  if a.status == "signed")


def test_the_subject_of_a_signing_with_an_earlier_tie_between_keeps_signing(extract):
    # a year and an adnominal clause ("2008년 우호관계를 맺은 후 … 이어온") between the subject and its
    # partner made the subject another predicate's, and the sentence signed nothing
    result = extract("가람시는 21일 2008년 우호관계를 맺은 후 교류를 이어온 누리시와 경제협력 MOU를 체결했다.")
    assert _agreements(result) == [("mou", ["가람시", "누리시"], "2024-06-21"),
                                   ("sister_city", ["가람시", "누리시"], None)]


@pytest.mark.parametrize("sentence, mou", [
    ("가람시와 누리시는 24일 자매결연 30주년을 맞아 청소년 교류 협약을 맺었다.", True),
    ("자매결연 30주년을 맞은 가람시와 누리시는 24일 청소년 교류 협약을 체결했다.", True),
    ("가람시는 이날 누리시와 우호도시 체결 10주년 기념식을 열었다.", False),
    ("가람시는 올해 누리시와 자매결연 20주년을 맞는다.", False),
])
def test_a_city_ties_anniversary_reports_the_tie_undated(extract, sentence, mou):
    expected = [("sister_city", ["가람시", "누리시"], None)]
    if mou:
        expected.insert(0, ("mou", ["가람시", "누리시"], "2024-05-24"))
    assert _agreements(extract(sentence)) == expected


def test_an_anniversary_without_a_partner_named_reports_no_tie(extract):
    assert _agreements(extract("가람시 대표단은 누리시를 방문해 자매결연 30주년 기념식에 참석했다.")) == []


@pytest.mark.parametrize("sentence, person, place", [
    ("가람군 김민준 군수는 협약서에 서명했다.", "김민준", "가람군"),  # 가람군 reads as a name too (가 + 람군)
    ("가람시 홍길동 시장은 누리시를 방문했다.", "홍길동", "가람시"),
    ("누리시 박서연 부시장이 참석했다.", "박서연", "누리시"),  # a deputy of the place's head
])
def test_an_unknown_place_before_a_name_and_its_head_title_is_the_persons_place(extract, sentence, person, place):
    result = extract(sentence)
    people = {e.name: e.affiliation for e in result.entities if e.type == "PERSON"}
    assert people == {person: place}
    assert place in {e.name for e in result.entities if e.type == "LOC"}
    assert person not in _orgs(result)


@pytest.mark.parametrize("sentence, venue", [
    ("가람시는 20일 서울 롯데호텔에서 열린 투자유치 설명회에서 누리전자와 투자협약을 체결했다.", "서울 롯데호텔"),
    ("가람시는 20일 투자유치 설명회에서 누리전자와 투자협약을 체결했다.", "투자유치 설명회"),  # no place named
])
def test_the_venue_of_a_signing_at_an_event_is_where_the_event_was_held(extract, sentence, venue):
    [agreement] = extract(sentence).agreements
    assert agreement.venue == venue


def test_a_bodys_branch_abroad_is_named_with_the_body_and_signs(extract, signed):
    # 미국지사 read as a governor's title fused with a place made "미국도" sign
    result = extract("한국보건산업진흥원 미국지사는 누리병원과 MOU를 체결했다.")
    assert signed(result) == [["누리병원", "한국보건산업진흥원 미국지사"]]
    branch = next(e for e in result.entities if e.name == "한국보건산업진흥원 미국지사")
    assert "한국보건산업진흥원" in branch.aliases


def test_a_bodys_branch_in_a_province_signs_for_the_body_not_the_province(extract, signed):
    assert signed(extract("한국전력 경북지사는 누리전자와 협약을 맺었다.")) == [["누리전자", "한국전력"]]


@pytest.mark.parametrize("sentence, person, place", [
    ("김동연 경기지사는 협약서에 서명했다.", "김동연", "경기"),  # 경기 "a match" is a province too
    ("이철우 경북지사는 협약서에 서명했다.", "이철우", "경북"),
])
def test_a_governor_of_a_province_named_short(extract, sentence, person, place):
    people = {e.name: (e.title, e.affiliation) for e in extract(sentence).entities if e.type == "PERSON"}
    assert people == {person: ("지사", place)}


def _people_full(result):
    return {e.name: (e.title, e.affiliation) for e in result.entities if e.type == "PERSON"}


def test_a_name_in_original_script_before_a_mayors_title_fused_with_the_city(extract):
    result = extract("협약식에는 탕페이(汤飞) 닝보시장을 비롯한 관계자가 참석했다.")
    assert _people_full(result) == {"탕페이": ("시장", "닝보")}


def test_a_name_in_original_script_before_a_company_kiwi_reads_as_common_nouns_and_a_title(extract):
    result = extract("협약식에는 왕하이(王海) 가람그룹 회장이 참석했다.")  # 가람/NNG 그룹/NNG here
    assert _people_full(result) == {"왕하이": ("회장", "가람그룹")}
    assert "가람그룹" in _orgs(result)


def test_a_signing_during_a_visit_of_several_days_is_dated_by_the_ceremony_held_on_one(extract):
    result = extract("가람시 대표단은 지난 18일부터 21일까지 누리시를 방문해 누리시와 MOU를 맺었다. "
                     "19일 누리시청에서 열린 협약식에는 양 도시 관계자 30여 명이 참석했다.")
    [agreement] = result.agreements
    assert (agreement.signed_on, agreement.venue) == ("2024-06-19", "누리시청")


def test_a_signing_during_a_visit_of_several_days_without_its_day_is_undated(extract):
    [agreement] = extract("가람시 대표단은 지난 18일부터 21일까지 누리시를 방문해 누리시와 MOU를 맺었다.").agreements
    assert agreement.signed_on is None


def test_a_persons_body_named_in_a_later_mention_is_their_affiliation(extract):
    result = extract("누리시와 가람시의 교류 행사에 홍길동 시장이 참석했다. "  # (two cities before him)
                     "협약식에는 홍길동 가람시장과 김철수 누리시장이 참석했다.")
    assert _people_full(result)["홍길동"] == ("시장", "가람")


def test_a_counted_group_and_a_body_between_which_the_agreement_is_all_sign(extract, signed):
    result = extract("가람시는 누리해운과 한빛로지스틱스 등 지역 기업 2곳과 미르항만공사 간 물류협력 업무협약 체결을 지원했다.")
    assert signed(result) == [["누리해운", "미르항만공사", "한빛로지스틱스"]]


@pytest.mark.parametrize("sentence, pairs", [
    ("가람시와 누리시, 한빛군과 미르군이 각각 자매결연 협약을 체결했다.", [["가람시", "누리시"], ["미르군", "한빛군"]]),
    ("누리전자와 한빛화학, 미르바이오와 가온텍이 각각 공급계약을 맺었다.", [["가온텍", "미르바이오"], ["누리전자", "한빛화학"]]),
])
def test_two_pairs_joined_by_a_comma_sign_two_agreements(extract, signed, sentence, pairs):
    assert signed(extract(sentence)) == pairs


def test_a_hub_with_listed_partners_still_signs_with_all(extract, signed):
    result = extract("가람시는 누리전자와 한빛화학, 미르바이오와 협약을 체결했다.")
    assert signed(result) == [["가람시", "누리전자", "미르바이오", "한빛화학"]]


@pytest.mark.parametrize("last", ["미르바이오가", "가온텍이"])  # Kiwi: 미르바이오가/NNG; 가온/NNG 텍/NNG 이/MM
def test_the_subject_particle_kiwi_reads_into_an_unknown_name(extract, signed, last):
    result = extract(f"누리전자와 한빛화학, {last} 협약을 체결했다.")
    assert signed(result) == [sorted(["누리전자", "한빛화학", last[:-1]])]


def test_documents_listed_by_their_pairs_after_bullets_are_one_agreement_each(extract):
    result = extract("한국과 베트남은 22일 하노이에서 경제협력 MOU 3건을 체결했다. 이날 체결된 MOU는 ▲가람전력-누리전력공사 "
                     "에너지 협력 ▲누리전자-미르그룹 반도체 협력 ▲가람시-다낭시 스마트시티 협력 등이다.")
    got = {tuple(sorted(p.name for p in a.parties)): (a.kind, a.status, a.signed_on, a.sectors) for a in result.agreements}
    assert got[("가람전력", "누리전력공사")] == ("mou", "signed", "2024-05-22", ("에너지",))
    assert got[("누리전자", "미르그룹")] == ("mou", "signed", "2024-05-22", ("반도체",))
    assert got[("가람시", "다낭시")][:3] == ("mou", "signed", "2024-05-22")


def test_bullets_of_a_programme_are_no_agreements(extract):
    assert extract("주요 일정은 ▲개회식-기조연설 ▲오찬-네트워킹 순이다.").agreements == ()


def test_a_company_whose_name_starts_with_a_country_is_no_short_form_of_the_country(extract, signed):
    result = extract("한국과 베트남은 MOU를 체결했다. 한국전력은 베트남전력공사와 에너지 협력 MOU를 체결했다.")
    assert signed(result) == [["베트남", "한국"], ["베트남전력공사", "한국전력"]]


def test_a_tie_modified_by_its_signing_verb_some_words_before_it(extract):
    # "체결한 우호협력 협정": the agreement noun seven characters after the verb (since 0.14.0 a
    # friendship agreement between places named there is their tie, as one named before the verb is)
    [agreement] = extract("가람도는 누리성과 2023년 체결한 우호협력 협정에 따라 교류를 이어가고 있다.").agreements
    assert (agreement.kind, agreement.status, sorted(p.name for p in agreement.parties)) == (
        "sister_city", "signed", ["가람도", "누리성"])


def test_a_friendly_exchange_anniversary_of_two_provinces_is_their_tie_and_of_two_countries_none(extract):
    result = extract("가람도와 누리성은 25일 도청에서 우호교류 30주년 기념 경제협력 강화 MOU를 체결했다.")
    assert _agreements(result) == [("mou", ["가람도", "누리성"], "2024-05-25"), ("sister_city", ["가람도", "누리성"], None)]
    tie = next(a for a in result.agreements if a.kind == "sister_city")
    assert tie.venue is None
    assert [a.kind for a in extract("한국과 중국은 우호협력 30주년을 맞아 MOU를 체결했다.").agreements] == ["mou"]


def test_a_bare_mayor_heads_the_one_city_named_before_them_in_their_sentence(extract):
    result = extract("가람시는 홍길동 시장이 22일 누리시를 방문해 교류 확대에 합의했다고 밝혔다.")
    assert _people_full(result) == {"홍길동": ("시장", "가람시")}
    result = extract("가람시 대표단은 누리시를 방문해 홍길동 시장과 면담했다.")  # two cities before: left open
    assert _people_full(result) == {"홍길동": ("시장", None)}


def test_a_name_kiwi_cuts_into_pieces_before_an_industry_word_signs_in_a_party_slot(extract, signed):
    # Kiwi: 솔/NNG 빛/NNG 반도체/NNG (no company outside a party slot: 록+색+식품 is "green food")
    assert signed(extract("솔빛반도체는 충청남도와 공급계약을 체결했다.")) == [["솔빛반도체", "충청남도"]]
