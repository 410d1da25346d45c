"""Rules added in extractor 0.16.0, on sentences written for these tests (invented names)."""

import pytest


@pytest.mark.parametrize("sentence, person", [
    # (빈 is a Korean family name: 빈푹성 read as a three-syllable name before the title)
    ("이날 쩐즈엉 빈푹성 인민위원장이 환영사를 했다.", ("쩐즈엉", "인민위원장", "빈푹성")),
    ("이날 레반탄 하노이시 인민위원장이 환영사를 했다.", ("레반탄", "인민위원장", "하노이시")),
])
def test_a_vietnamese_name_of_three_syllables_before_a_vietnamese_place_is_a_person(extract, people, names,
                                                                                 sentence, person):
    result = extract(sentence)
    assert person in people(result), people(result)
    assert person[2] in names(result, "LOC")
    assert person[0] not in names(result, "ORG")


def test_a_known_place_with_its_ending_is_no_part_of_a_name(extract, people):
    found = people(extract("이날 쩐즈엉 빈푹성 인민위원장이 환영사를 했다."))
    assert not any("빈푹성" in name for name, _, _ in found), found


@pytest.mark.parametrize("sentence, person", [
    ("협약에는 에브라힘 알 하즈리 칼리파대 총장이 서명했다.", ("에브라힘 알 하즈리", "총장", "칼리파대")),
    ("협약에는 칼리파대 에브라힘 알 하즈리 총장이 서명했다.", ("에브라힘 알 하즈리", "총장", "칼리파대")),
])
def test_an_arabic_name_keeps_its_given_name_and_particle(extract, people, names, sentence, person):
    result = extract(sentence)
    assert person in people(result), people(result)
    assert "하즈리 칼리파대" not in names(result, "ORG")


@pytest.mark.parametrize("sentence", [
    "협약식에는 김도현 시장과 시의회 의원 등 12명이 참석했다.",
    "협약식에는 김도현 지사와 시의회 의원, 도의회 의장 등이 참석했다.",
])
def test_a_council_before_its_members_title_is_no_person(extract, people, sentence):
    assert {name for name, _, _ in people(extract(sentence))} == {"김도현"}


@pytest.mark.parametrize("short, country", [("인니", "인도네시아"), ("우즈벡", "우즈베키스탄"), ("카자흐", "카자흐스탄")])
def test_a_countrys_short_name_is_that_country(extract, names, short, country):
    result = extract(f"가온전자는 {short} 국영기업과 공급 계약을 체결했다.")
    assert names(result, "LOC") == {short}
    assert short not in names(result, "ORG")
    both = extract(f"가온전자는 {country}에 공장을 세운다. {short} 정부도 지원한다.")
    assert [{e.name, *e.aliases} for e in both.entities if e.type == "LOC"] == [{country, short}]


def test_an_unknown_name_kiwi_cuts_into_common_nouns_after_a_company_noun_is_a_partner(extract, signed):
    # (in this sentence Kiwi reads 개발+사 and 하이+롱)
    result = extract("LS전선은 대만 해상풍력 개발사 하이롱과 1천억원 규모의 해저케이블 공급 계약을 체결했다고 "
                     "20일 공시했다.")
    assert signed(result) == [["LS전선", "하이롱"]]


@pytest.mark.parametrize("sentence", [
    "정부는 중소기업 예비액이 늘도록 지원한다.",
    "중소기업 수출축진을 위해 자금을 융자한다.",
])
def test_common_nouns_after_a_company_noun_outside_a_partner_slot_stay_common(extract, names, sentence):
    assert names(extract(sentence), "ORG") == set()


@pytest.mark.parametrize("subject", ["LS전선은", "가람스틸은", "한빛제지는", "새별시멘트는", "KM약품은"])
def test_industry_endings_make_a_named_company(extract, names, subject):
    result = extract(f"{subject} 올해 공장을 증설한다.")
    assert subject[:-1] in names(result, "ORG"), names(result, "ORG")


def test_common_nouns_with_an_industry_ending_in_a_party_slot_are_a_company(extract, signed):
    # (누리/NNG 전선/NNG)
    assert signed(extract("누리전선은 베트남 기업 비나텍과 공급 계약을 맺었다.")) == [["누리전선", "비나텍"]]


def test_partners_listed_by_the_copula_include_those_joined_by_wa(extract, signed):
    result = extract("가람도는 12일 기업 3곳과 2조원 규모의 투자협약을 체결했다. 협약 기업은 덴마크 베스타스코리아, "
                     "국내 기업인 씨에스윈드와 대한전선이다.")
    assert signed(result) == [["가람도", "대한전선", "베스타스코리아", "씨에스윈드"]], signed(result)


def test_one_signing_reported_with_a_places_short_and_full_name_is_one_agreement(extract, signings):
    result = extract("충청남도와 일본 구마모토현은 반도체 인재 교류를 위한 협약을 8일 구마모토현청에서 맺었다. "
                     "김민재 충남지사와 가와구치 료 구마모토현 지사가 협약서에 서명했다.")
    assert signings(result) == [("mou", ["구마모토현", "충청남도"], "2024-06-08", "구마모토현청")]


def test_a_headline_naming_a_partner_with_its_country_is_the_signing_of_the_body(extract, signings):
    result = extract("가온건설은 지난 3일 다란에서 아람코와 공사 계약을 체결했다고 5일 밝혔다.",
                     title="가온건설, 사우디 아람코와 50억 달러 규모 플랜트 계약")
    assert signings(result) == [("contract", ["가온건설", "아람코"], "2024-06-03", "다란")]


def test_a_ceremony_held_with_its_guests_named_dates_the_signing(extract, signings):
    result = extract("가온방산은 루마니아 국방부와 자주포 공급 계약을 맺었다고 9일 밝혔다. 계약식은 지난 8일(현지시간) "
                     "부쿠레슈티에서 김태오 가온방산 대표와 앙겔 미하이 루마니아 국방장관 등 양측 관계자 30여 명이 "
                     "참석한 가운데 열렸다.")
    assert signings(result) == [("contract", ["가온방산", "루마니아 국방부"], "2024-06-08", "부쿠레슈티")]


def test_a_bare_delegation_signs_for_the_body_it_was_named_with(extract, signings):
    result = extract("가람시 대표단은 지난 5일부터 9일까지 베트남 닌빈성을 방문했다. 대표단은 7일 닌빈성 인민위원회를 "
                     "찾아 인민위원장과 면담하고 관광 교류협력 의향서에 서명했다.")
    assert signings(result) == [("loi", ["가람시", "닌빈성 인민위원회"], "2024-06-07", None)], signings(result)


@pytest.mark.parametrize("listing", [
    "주요 MOU로는 한빛에너지와 페트로베트남의 LNG 발전 협력, 가람물산과 빈그룹의 유통망 구축 협력 등이 있다.",
    "이날 체결된 MOU는 한빛에너지와 페트로베트남의 LNG 발전 협력, 가람물산과 빈그룹의 유통망 구축 협력 등이다.",
])
def test_documents_listed_by_their_pairs_with_wa_and_ui_are_each_signed(extract, signings, listing):
    result = extract("한국과 베트남 기업들이 14일 하노이에서 열린 비즈니스 포럼에서 모두 15건의 양해각서를 체결했다. "
                     + listing)
    assert signings(result) == [("mou", ["가람물산", "빈그룹"], "2024-06-14", None),
                                ("mou", ["페트로베트남", "한빛에너지"], "2024-06-14", None)], signings(result)


def test_a_document_said_to_be_between_two_bodies_is_no_list_of_pairs(extract, signed):
    result = extract("가람시는 다낭시와 협약을 맺었다. 이번 협약은 가람시와 다낭시의 교류를 넓히려는 것이다.")
    assert signed(result) == [["가람시", "다낭시"]]


@pytest.mark.parametrize("sentence, venue", [
    ("가람시는 누리전자와 협약을 맺었다고 21일 밝혔다. 협약식은 전날 가람시청 대회의실에서 열렸다.", "가람시청 대회의실"),
    ("가람시는 누리전자와 다음 달 중순 가람에서 업무협약을 체결할 계획이다.", "가람"),
])
def test_a_time_word_is_no_part_of_a_venue(extract, sentence, venue):
    assert [a.venue for a in extract(sentence).agreements] == [venue]


def test_the_year_of_an_earlier_document_does_not_date_its_renewal(extract, signings):
    result = extract("제주특별자치도는 싱가포르 누리항공그룹과 2021년 체결한 관광 마케팅 협력 양해각서를 3년 연장하는 "
                     "협약을 19일 맺었다고 밝혔다. 김민호 제주지사와 리섹 누리항공그룹 회장은 이날 도청에서 연장 "
                     "협약서에 서명했다.")
    renewal = [a for a in result.agreements if a.signed_on == "2024-06-19"]
    assert [(a.kind, a.venue) for a in renewal] == [("mou", "도청")], result.agreements


def test_a_place_fused_with_a_shorter_title_is_read_before_a_longer_title(extract, people):
    # (제주지사: 제주 and 지사, not 제 and 주지사)
    assert ("김민호", "지사", "제주") in people(extract("김민호 제주지사는 환영사를 했다."))


def test_a_public_bodys_short_name_is_that_body(extract, signed):
    result = extract("가온중공업은 한국수력원자력과 주기기 공급 계약을 맺었다. 한수원은 앞서 체코 기업과도 계약했다.")
    assert [e.name for e in result.entities if e.type == "ORG" and "한수원" in e.aliases] == ["한국수력원자력"]


def test_a_list_goes_on_past_an_appositive_copula(extract, signed):
    result = extract("강원특별자치도는 18일 춘천시청에서 춘천시, 호텔 개발사인 ㈜누리디앤씨와 1500억원 규모의 "
                     "투자협약을 맺었다.")
    assert signed(result) == [["강원특별자치도", "누리디앤씨", "춘천시"]], signed(result)


def test_a_governor_heads_the_one_province_named_by_its_short_and_full_names(extract, people):
    result = extract("강원특별자치도는 춘천시와 협약을 맺었다. 협약식에는 김민호 지사가 참석했다.", title="강원도, 춘천시와 협약")
    assert ("김민호", "지사", "강원도") in people(result), people(result)


def test_a_related_articles_heading_and_title_on_one_line_is_dropped(extract):
    result = extract("가람시는 누리전자와 500억원 규모의 투자협약을 체결했다.\n▶ 관련기사: 가람시, 투자유치 1조원 돌파\n")
    assert [e.name for e in result.entities if e.type == "MONEY"] == ["500억원"]


@pytest.mark.parametrize("article, title, expected", [
    ("가람시는 18일 누리전자와 투자협약을 맺었다. 다온화학도 이날 협약서에 서명했다.", "",
     [["가람시", "누리전자"], ["가람시", "다온화학"]]),
    ("이날 가람정밀은 쑤저우공업원구 관리위원회와 반도체 장비 공장 투자 협약을 맺었다. 누리케미칼도 1억5천만 위안을 "
     "투자해 소재 공장을 세우기로 하고 협약서에 서명했다.", "쑤저우공업원구 한국 투자설명회",
     [["가람정밀", "쑤저우공업원구 관리위원회"], ["누리케미칼", "쑤저우공업원구 관리위원회"]]),
])
def test_a_subject_that_also_signs_signs_with_the_partner_of_the_signing_just_reported(extract, signed, article,
                                                                                     title, expected):
    assert signed(extract(article, title=title)) == expected


@pytest.mark.parametrize("sentence, person", [
    ("박민수(55) 누리전자 대표는 말했다.", ("박민수", "대표", "누리전자")),
    ("누리전자 박민수(55) 대표는 말했다.", ("박민수", "대표", "누리전자")),
])
def test_a_persons_age_in_parentheses_keeps_the_name_with_its_title(extract, people, sentence, person):
    assert person in people(extract(sentence)), people(extract(sentence))


def test_a_units_fused_title_after_a_bodys_parentheses_is_the_persons(extract, people, names):
    result = extract("다나카 히로시 일본무역진흥기구(JETRO) 서울사무소장이 축사를 했다.")
    assert ("다나카 히로시", "서울사무소장", "일본무역진흥기구") in people(result), people(result)
    assert names(result, "LOC") == set()


@pytest.mark.parametrize("sentence, name", [
    ("이날 행사에는 주한 베트남 대사 응우옌 부 뚱과 김민재 대표가 함께했다.", "응우옌 부 뚱"),
    ("이날 행사에는 주한 베트남 대사 응우옌부뚱과 김민재 대표가 함께했다.", "응우옌부뚱"),
])
def test_a_vietnamese_name_after_a_diplomats_title_is_a_person(extract, people, sentence, name):
    assert (name, "대사", "베트남") in people(extract(sentence)), people(extract(sentence))


@pytest.mark.parametrize("sentence, parties", [
    ("가온전자는 미국 애플에 디스플레이 패널을 공급하는 계약을 체결했다고 공시했다.", ["가온전자", "애플"]),
    ("누리제약이 미국 바이오기업 젠테라퓨틱스에 비만 치료 후보물질을 기술이전하는 계약을 맺었다.", ["누리제약", "젠테라퓨틱스"]),
])
def test_a_contract_to_supply_a_body_is_with_that_body(extract, signed, sentence, parties):
    assert signed(extract(sentence)) == [parties]


@pytest.mark.parametrize("sentence", ["가온전자는 베트남에 공장을 짓는 계약을 체결했다.",
                                      "가온전자는 가람시에 부지를 제공하는 계약을 맺었다."])
def test_a_place_given_something_is_no_buyer(extract, signed, sentence):
    assert signed(extract(sentence)) == []


def test_a_boards_decision_to_sign_neither_dates_the_signing_nor_ends_its_report(extract, signings):
    result = extract("누리제약이 미국 바이오기업 젠테라퓨틱스에 후보물질을 기술이전하는 계약을 맺었다. 계약 규모는 최대 "
                     "1조원이다. 누리제약은 8일 이사회를 열고 이 같은 내용의 계약 체결을 의결했다고 공시했다. 계약은 "
                     "7일(현지시간) 미국 보스턴에서 서명됐다.")
    assert signings(result) == [("contract", ["누리제약", "젠테라퓨틱스"], "2024-06-07", "미국 보스턴")]


def test_a_delegation_signs_for_the_longest_body_named_with_it(extract, signed):
    result = extract("미국 조지아주 경제개발부 대표단이 26일 가람시를 방문해 배터리 협력 양해각서를 체결했다.")
    assert signed(result) == [["가람시", "조지아주 경제개발부"]], signed(result)


def test_a_department_between_a_name_and_a_ministers_title_is_the_ministers(extract, people, names):
    result = extract("팻 윌슨 경제개발부 장관이 이끄는 대표단은 가람시장과 면담했다.")
    assert ("팻 윌슨", "장관", "경제개발부") in people(result), people(result)


def test_a_foreign_department_is_named_with_its_place(extract, names):
    result = extract("미국 조지아주 경제개발부 대표단이 가람시를 방문했다. 팻 윌슨 경제개발부 장관은 지원을 약속했다.")
    assert names(result, "ORG") == {"조지아주 경제개발부"}


@pytest.mark.parametrize("sentence, company", [
    ("테스토닉 관계자는 '현지 공장 가동률이 높다'고 말했다.", "테스토닉"),
    ("서울에 본사를 둔 다온랩은 올해 매출 500억원을 기록했다.", "다온랩"),
])
def test_an_unknown_name_with_an_official_or_a_head_office_is_a_company(extract, names, sentence, company):
    assert company in names(extract(sentence), "ORG")


@pytest.mark.parametrize("sentence", ["홍길동 관계자는 말했다.", "하이먼 산업단지 관계자가 발표했다."])
def test_a_persons_name_or_a_site_before_an_official_is_no_company(extract, names, sentence):
    assert names(extract(sentence), "ORG") == set()


def test_bodies_visited_in_turn_each_on_its_own_day_each_sign(extract, signings):
    result = extract("가람시 대표단은 2일 웨이하이시, 3일 옌타이시를 차례로 방문해 각각 우호교류 의향서에 서명했다.")
    assert signings(result) == [("loi", ["가람시", "옌타이시"], "2024-06-03", None),
                                ("loi", ["가람시", "웨이하이시"], "2024-06-02", None)], signings(result)


@pytest.mark.parametrize("sentence, parties", [
    ("가온건설은 사우디 아람코로부터 1조원 규모의 공사를 수주하고 계약을 체결했다.", ["가온건설", "사우디 아람코"]),
    ("가온건설은 가람시로부터 하수처리장 공사를 수주하고 계약을 맺었다.", ["가람시", "가온건설"]),
])
def test_a_contract_for_an_order_from_a_body_is_with_that_body(extract, signed, sentence, parties):
    assert signed(extract(sentence)) == [parties]


def test_a_generic_document_told_again_after_a_city_tie_is_that_tie(extract, signings):
    result = extract("가람시는 지난 15일 하이퐁시 인민위원회 청사에서 하이퐁시와 자매결연 협정을 체결했다고 17일 밝혔다. "
                     "협정서에는 이도윤 가람시장과 레 응옥 쩌우 하이퐁시 인민위원장이 서명했다.")
    assert signings(result) == [("sister_city", ["가람시", "하이퐁시"], "2024-06-15", "하이퐁시 인민위원회 청사")]


@pytest.mark.parametrize("name", ["텍사스A&M대학교", "AT&T"])
def test_an_ampersand_between_latin_letters_is_inside_a_name(extract, signed, name):
    assert signed(extract(f"누리대학교는 {name}와 협약을 체결했다.")) == [sorted(["누리대학교", name])]


def test_an_ampersand_between_hangul_words_joins_no_name(extract, names):
    assert names(extract("가람시는 스마트커넥티드&신에너지자동차산업을 육성한다."), "ORG") == set()


def test_a_district_heads_fused_title_stays_whole(extract, people):
    assert ("이태훈", "구청장", "달서") in people(extract("협약식에는 이태훈 달서구청장이 참석했다."))


def test_a_field_before_the_agreement_noun_in_a_headline_is_no_party(extract, signed):
    result = extract("누리AI는 미국 Microsoft와 클라우드 서비스 협력을 위한 양해각서를 체결했다.",
                     title="누리AI, Microsoft와 클라우드 파트너십 MOU")
    assert signed(result) == [["Microsoft", "누리AI"]], signed(result)


def test_an_indonesian_province_before_its_governors_title_is_no_part_of_the_name(extract, people):
    result = extract("경상남도는 인도네시아 중부자바주와 협약을 맺었다. 이날 응가트만 중부자바 주지사가 서명했다.")
    assert ("응가트만", "주지사", "중부자바") in people(result), people(result)


def test_bodies_visited_together_each_sign(extract, signed):
    result = extract("가람시 대표단은 웨이하이시와 옌타이시를 방문해 우호교류 의향서에 서명했다.")
    assert signed(result) == [["가람시", "옌타이시"], ["가람시", "웨이하이시"]], signed(result)


def test_the_stops_of_a_planned_trip_are_no_partners(extract):
    result = extract("가람도 사절단은 오는 29일 미국 세인트루이스와 로스앤젤레스를 방문해 투자협약을 체결할 예정이다.")
    assert not any(p.name == "세인트루이스" for a in result.agreements for p in a.parties)


def test_a_ceremony_that_will_be_held_is_a_planned_signing(extract):
    result = extract("가람시와 누리전자의 협약식이 25일 시청에서 열린다.")
    assert [(a.status, sorted(p.name for p in a.parties)) for a in result.agreements] == [
        ("planned", ["가람시", "누리전자"])]


def test_days_told_after_each_partner_date_the_ties_just_reported(extract, signings):
    result = extract("가람시는 중국 허난성 정저우시, 후베이성 우한시와 잇따라 우호협력 양해각서를 체결했다고 12일 "
                     "밝혔다. 정저우시와는 9일, 우한시와는 10일 각각 협약을 맺었다.")
    assert signings(result) == [("sister_city", ["가람시", "우한시"], "2024-06-10", None),
                                ("sister_city", ["가람시", "정저우시"], "2024-06-09", None)], signings(result)
