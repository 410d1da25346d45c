"""Rules added in extractor 0.12.0, on sentences written for these tests (invented names, and
real names only where the rule is about how Kiwi reads a real name)."""

import pytest


def _people(result):
    return {e.name: e.affiliation for e in result.entities if e.type == "PERSON"}


def test_a_name_kiwi_cuts_into_pieces_before_an_employer_and_a_title_is_a_person(extract):
    # Kiwi reads 한종희 as 한/MM 종/NNG 희/NNG
    result = extract("협약식에는 한종희 누리전자 부회장과 가람시 관계자가 참석했다.")
    assert _people(result) == {"한종희": "누리전자"}


def test_pieces_before_a_proper_noun_without_a_title_are_no_person(extract):
    result = extract("협약식에는 한종희 누리전자 관계자가 참석했다.")
    assert _people(result) == {}


def test_a_known_company_written_with_latin_initials_stays_one_word(extract):
    # without it Kiwi read SK온 as SK + 오/VV + ㄴ/ETM, and the person before it was lost
    result = extract("이날 행사에는 이석희 SK온 사장이 참석했다.")
    assert _people(result) == {"이석희": "SK온"}
    assert "SK온" in {e.name for e in result.entities if e.type == "ORG"}


@pytest.mark.parametrize("name, body", [("왕원타오", "중국 상무부"), ("마자오쉬", "중국 외교부")])
def test_a_four_syllable_chinese_name_with_a_family_name_korean_too_before_a_country(extract, name, body):
    result = extract(f"이날 행사에는 {name} {body} 부장이 참석했다.")
    assert _people(result) == {name: body}
    assert body in {e.name for e in result.entities if e.type == "ORG"}


def test_a_four_syllable_company_before_a_country_and_a_title_is_no_person(extract):
    result = extract("신한금융 미국 법인장이 참석했다.")
    assert _people(result) == {}


@pytest.mark.parametrize("sentence, name", [
    ("이날 회담에는 팜 민 찐 베트남 총리가 참석했다.", "팜 민 찐"),  # 찐: 찌/VV + ㄴ/ETM
    ("이날 행사에는 응우옌 찌 중 베트남 기획투자부 장관이 참석했다.", "응우옌 찌 중"),
    ("이날 행사에는 응우옌 홍 지엔 산업무역부 장관이 참석했다.", "응우옌 홍 지엔"),  # 지엔: 지 + 에/JKB + ㄴ
    ("쩐 르우 꽝 부총리는 이날 서울에 도착했다.", "쩐 르우 꽝"),
])
def test_a_vietnamese_name_cut_by_kiwi_before_a_title_is_one_person(extract, sentence, name):
    assert list(_people(extract(sentence))) == [name]


def test_a_vietnamese_family_name_without_a_title_after_it_names_no_one(extract):
    assert _people(extract("쩐 씨는 이날 서울에 도착했다.")) == {}


@pytest.mark.parametrize("ministry", ["공공사업주택부", "기획투자부", "내무부"])
def test_a_foreign_ministry_made_of_common_nouns_is_an_organisation_and_signs(extract, signed, ministry):
    result = extract(f"한국수자원공사는 지난달 28일 {ministry}와 물관리 협력 양해각서를 맺었다.")
    assert signed(result) == [sorted(["한국수자원공사", ministry])]


def test_a_headline_naming_a_party_by_its_acronym_is_the_bodys_agreement(extract):
    result = extract("누리전자는 제너럴모터스(GM)와 배터리 합작공장 건설 계약을 체결했다고 2일 밝혔다.",
                     title="누리전자-GM, 배터리 합작공장 계약")
    assert [sorted(p.name for p in a.parties) for a in result.agreements] == [["누리전자", "제너럴모터스"]]


def test_a_metropolitan_city_and_its_short_name_are_one_place(extract):
    result = extract("광주광역시는 일본 센다이시와 지난 10일 우호도시 협정을 체결했다.",
                     title="광주시, 일본 센다이시와 우호도시 체결")
    assert [e.name for e in result.entities if e.type == "LOC" and e.name.startswith("광주")] == ["광주광역시"]


@pytest.mark.parametrize("later, status", [
    ("양 도시는 이날 수소산업 협력 양해각서를 체결했다.", "signed"),
    ("양 도시는 연내 업무협약을 맺기로 합의했다.", "planned"),
])
def test_both_stands_for_a_subject_and_the_partner_it_met(extract, later, status):
    result = extract(f"가람시는 지난 15일 미국 휴스턴시와 간담회를 가졌다. {later}")
    assert [(a.status, sorted(p.name for p in a.parties)) for a in result.agreements] == [
        (status, ["가람시", "휴스턴시"])]


def test_a_state_agency_keeps_its_state_even_when_kiwi_calls_it_a_proper_noun(extract):
    # (before a comma Kiwi tags 경제개발청 a proper noun, before 과 a common one)
    result = extract("가람시는 18일 미국 조지아주 경제개발청, 앨라배마주 상무부와 각각 투자유치 협력 MOU를 체결했다.")
    assert [sorted(p.name for p in a.parties) for a in result.agreements] == [
        ["가람시", "조지아주 경제개발청"], ["가람시", "앨라배마주 상무부"]]


@pytest.mark.parametrize("short, full", [("사우디", "사우디아라비아"), ("터키", "튀르키예"), ("한국", "대한민국")])
def test_a_countrys_short_or_former_name_is_the_same_place(extract, short, full):
    result = extract(f"{short}는 이날 누리전자와 협약을 맺었다. {full} 정부는 이를 환영했다.")
    places = [e for e in result.entities if e.type == "LOC"]
    assert len(places) == 1 and {places[0].name, *places[0].aliases} == {short, full}


def test_a_place_is_named_by_its_canonical_name_when_the_article_writes_it(extract):
    result = extract("중화인민공화국과 누리전자는 협약을 맺었다. 중국 정부는 이를 환영했다.")
    assert [e.name for e in result.entities if e.type == "LOC"] == ["중국"]


def test_the_country_in_parentheses_after_a_city_is_another_place_not_its_alias(extract):
    result = extract("가람시는 하노이(베트남)에서 누리전자와 협약을 맺었다.")
    places = {e.name: e.aliases for e in result.entities if e.type == "LOC"}
    assert places["하노이"] == () and "베트남" in places


@pytest.mark.parametrize("sentence, name, affiliation", [
    ("이날 협약식에는 ‘홍길동’ 군수가 참석했다.", "홍길동", None),
    ("이날 협약식에는 ‘응우옌 반 웃’ 롱안성 인민위원장이 참석했다.", "응우옌 반 웃", "롱안성"),
    ("이날 회담에는 ‘팜 민 찐’ 베트남 총리가 참석했다.", "팜 민 찐", "베트남"),
    ('이날 행사에는 "응우옌 홍 지엔" 산업무역부 장관이 참석했다.', "응우옌 홍 지엔", "산업무역부"),
])
def test_a_name_in_quotes_before_its_title_is_a_person(extract, sentence, name, affiliation):
    assert _people(extract(sentence)) == {name: affiliation}


def test_a_quoted_party_keeps_its_particle(extract, signed):
    assert signed(extract("가람시는 20일 ‘누리전자’와 투자협약을 체결했다.")) == [["가람시", "누리전자"]]


@pytest.mark.parametrize("sentence, name, title, affiliation", [
    ("이날 협약식에는 누리전자 대표 김민준과 가람시 관계자가 참석했다.", "김민준", "대표", "누리전자"),
    ("이날 협약식에는 누리전자 CEO 존 스미스와 가람시 관계자가 참석했다.", "존 스미스", "CEO", "누리전자"),
    ("이날 협약식에는 가람시 시장 홍길동이 참석했다.", "홍길동", "시장", "가람시"),
])
def test_a_name_after_its_title_is_the_person(extract, sentence, name, title, affiliation):
    result = extract(sentence)
    people = [(e.name, e.title, e.affiliation) for e in result.entities if e.type == "PERSON"]
    assert people == [(name, title, affiliation)]
    assert name not in {e.name for e in result.entities if e.type != "PERSON"}


@pytest.mark.parametrize("signer", ["누리전자 대표 김민준은", "누리전자 CEO 존 스미스는"])
def test_a_person_named_after_their_title_signs_for_the_body_before_it(extract, signed, signer):
    assert signed(extract(f"{signer} 20일 가람시와 협약을 체결했다.")) == [["가람시", "누리전자"]]


@pytest.mark.parametrize("words, sector", [("클라우드 기술", "AI·디지털"), ("게임 산업", "문화"), ("스마트팜 조성", "농식품")])
def test_more_industry_words_name_a_sector(extract, words, sector):
    result = extract(f"가람시는 20일 누리전자와 {words} 협력 협약을 체결했다.")
    assert [a.sectors for a in result.agreements] == [(sector,)]


@pytest.mark.parametrize("text, value", [
    ("50억 엔과", "5e9 JPY"), ("10억 루피", "1e9 INR"), ("200억 동 규모", "2e10 VND"), ("300만 파운드", "3e6 GBP"),
    ("5조 루피아", "5e12 IDR"),
])
def test_more_currencies(text, value):
    from streams.extraction.money import amounts
    assert [a[3] for a in amounts(f"투자액은 {text}이다.")] == [value]


@pytest.mark.parametrize("text", ["100엔진", "3동 주민", "100억동남아"])
def test_words_starting_like_a_currency_are_no_amount(text):
    from streams.extraction.money import amounts
    assert amounts(f"이번 {text}이다.") == []


@pytest.mark.parametrize("sentence, name, affiliation", [
    ("이날 협약식에는 류하나 다온바이오텍 대표 등이 참석했다.", "류하나", "다온바이오텍"),  # 류하/NNP 나/JC
    ("백승훈 그린셀에너지 대표는 수요가 늘 것이라고 말했다.", "백승훈", "그린셀에너지"),  # 백 승 후 ᆫ/JX
    ("레 반 민 호찌민시 교통운수국장은 환영한다고 말했다.", "레 반 민", "호찌민시"),
])
def test_more_names_kiwi_cuts_before_an_employer_or_a_place_and_a_title(extract, sentence, name, affiliation):
    assert _people(extract(sentence)) == {name: affiliation}


def test_a_word_with_a_topic_particle_before_a_country_and_a_title_is_no_name(extract):
    assert _people(extract("투자사업 선정은 미국 대통령이 결정한다.")) == {}


@pytest.mark.parametrize("text, name", [("유럽연합(EU) 기준에 맞췄다", "유럽연합"), ("UN 산하 기구와 협력한다", "UN"),
                                        ("세계무역기구(WTO) 규정을 따른다", "세계무역기구")])
def test_international_organisations_are_organisations(extract, text, name):
    assert name in {e.name for e in extract(f"누리전자는 {text}.").entities if e.type == "ORG"}


@pytest.mark.parametrize("sentence", [
    "회의 후에 협약을 맺었다.", "누리전자의 매출은 30% 신장했다.", "진흥원은 저장 탱크 사업자를 선정한다.",
    "그는 마라톤을 완주했다.", "행사에는 이천 명이 참석했다.", "그는 고성을 질렀다.",
])
def test_a_place_name_that_is_an_everyday_word_is_no_place_in_everyday_use(extract, sentence):
    assert [e.name for e in extract(sentence).entities if e.type == "LOC"] == []


@pytest.mark.parametrize("sentence, place", [
    ("가람시는 베트남 후에와 협약을 맺었다.", "후에"), ("누리전자는 중국 선전에서 공장을 세웠다.", "선전"),
    ("중국 저장성과 신장위구르자치구가 참여했다.", "저장성"),
])
def test_such_a_place_is_still_a_place_where_it_names_one(extract, sentence, place):
    assert place in {e.name for e in extract(sentence).entities if e.type == "LOC"}


def test_a_weather_widget_that_starts_with_the_temperature_is_no_text(extract):
    result = extract("서울 12.3℃ 맑음 미세먼지 좋음\n가람시는 20일 누리전자와 협약을 맺었다.")
    assert "서울" not in {e.name for e in result.entities}


@pytest.mark.parametrize("sentence, status", [
    ("가람시는 올해 한빛바이오와 투자협약을 맺는 등 기업 유치에 힘쓰고 있다.", "signed"),
    ("가람시는 앞으로 누리전자와 협약을 체결하는 등 협력을 강화할 계획이다.", "planned"),  # (a plan follows)
])
def test_a_signing_listed_among_deeds_takes_the_main_verbs_time(extract, sentence, status):
    assert [a.status for a in extract(sentence).agreements] == [status]


@pytest.mark.parametrize("tie", ["우호관계", "자매관계"])
def test_a_friendship_tie_between_places_is_a_sister_city_agreement(extract, tie):
    result = extract(f"가람시는 2008년 중국 산둥성과 {tie}를 맺었다.")
    assert [(a.kind, sorted(p.name for p in a.parties)) for a in result.agreements] == [
        ("sister_city", ["가람시", "산둥성"])]


def test_keeping_up_a_friendship_is_no_agreement(extract):
    assert extract("두 회사는 오랜 우호관계를 유지해 왔다.").agreements == ()


def test_a_later_signing_of_the_sentence_counts_when_the_first_tie_names_no_partner(extract, signed):
    result = extract("가람시는 지난 6일 중국 쓰촨성과 MOU를 체결했다. "
                     "지난 7일에는 2008년 우호관계를 맺은 후 교류해 온 중국 산둥성과 MOU를 체결했다.")
    # (since 0.13.0 with the 2008 tie too)
    assert signed(result) == [["가람시", "산둥성"], ["가람시", "산둥성"], ["가람시", "쓰촨성"]]
    assert {a.kind for a in result.agreements} == {"mou", "sister_city"}
