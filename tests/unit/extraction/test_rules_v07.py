"""Rules added in extractor 0.7.0, on sentences written for these tests (invented names)."""

import pytest

from streams.extraction import rules
from streams.extraction.repairs import _cut_name_with_hanzi, _unknown_company
from streams.extraction.grouping import _two_places
from streams.extraction.money import amounts
from streams.extraction.words import Word


def _by_type(result, type_):
    return {e.name: e for e in result.entities if e.type == type_}


def _signed(result):
    return sorted(sorted(p.name for p in a.parties) for a in result.agreements if a.status == "signed")


def test_a_full_name_does_not_join_another_full_name_through_their_shared_short_form(extract):
    body = ("혁신센터는 행사를 열었다. 가람창조경제혁신센터와 누리창조경제혁신센터가 참가했다. "
            "누리창조경제혁신센터는 다시 밝혔다.")
    orgs = _by_type(extract(body), "ORG")
    assert "가람창조경제혁신센터" in orgs and "누리창조경제혁신센터" in orgs
    assert "누리창조경제혁신센터" not in orgs["가람창조경제혁신센터"].aliases


def test_a_short_form_still_joins_its_full_name(extract):
    orgs = _by_type(extract("미르연구개발특구진흥재단은 밝혔다. 특구진흥재단은 또 말했다."), "ORG")
    assert "특구진흥재단" in orgs["미르연구개발특구진흥재단"].aliases


def test_a_place_in_parentheses_after_a_body_is_where_it_is_not_its_other_name(extract):
    result = extract("가람 혁신센터(칭다오) 건설에 참여했다.")
    assert all("칭다오" not in e.aliases for e in result.entities if e.type == "ORG")
    assert "칭다오" in _by_type(result, "LOC")


def test_a_remark_in_brackets_gives_the_original_name_title_and_bodies(extract):
    result = extract("왕다밍[王大明, 미르전략연구소(米尔战略研究所) 원장]은 보고서를 발표했다.")
    person = _by_type(result, "PERSON")["왕다밍"]
    assert "王大明" in person.aliases
    assert (person.title, person.affiliation) == ("원장", "미르전략연구소")
    orgs = _by_type(result, "ORG")
    assert "米尔战略研究所" in orgs["미르전략연구소"].aliases
    assert not any("원장" in name or name == "王大明" for name in orgs)


def test_a_remark_with_two_roles_names_both_bodies(extract):
    result = extract("류하이[刘海, 가람과학원(加蓝科学院) 원사·누리대학(努力大学) 총장]은 말했다.")
    person = _by_type(result, "PERSON")["류하이"]
    assert (person.title, person.affiliation) == ("총장", "누리대학")
    assert {"가람과학원", "누리대학"} <= set(_by_type(result, "ORG"))


def test_a_remark_without_a_known_title_names_no_body(extract):
    result = extract("왕다밍[王大明, 미르전략연구소 출신]은 보고서를 발표했다.")
    assert "미르전략연구소" not in _by_type(result, "ORG")
    assert "王大明" not in _by_type(result, "ORG")


@pytest.mark.parametrize(
    "body, name, original, title",
    [
        ("가람테크 부회장 쑹다웨이(宋大伟)는 연설했다.", "쑹다웨이", "宋大伟", "부회장"),
        ("가람테크 부총경리 류썽(刘成)은 발표했다.", "류썽", "刘成", "부총경리"),
        ("왕하이(王海) 회장은 말했다.", "왕하이", "王海", "회장"),
    ],
)
def test_a_name_with_its_chinese_characters_next_to_its_title(extract, body, name, original, title):
    person = _by_type(extract(body), "PERSON")[name]
    assert original in person.aliases and person.title == title


def test_a_name_kiwi_cut_in_pieces_before_its_chinese_characters():
    # Kiwi reads 명 as the counter noun after some words: 명/NNB 난/NNG (孟楠) 회장
    text = "명하(孟夏)는"
    w = Word(start=0, end=len(text), rest=[("명", "NNB"), ("하", "NNG"), ("(", "SSO"), ("孟夏", "SH"), (")", "SSC"),
                                            ("는", "JX")])
    _cut_name_with_hanzi(w, text)
    assert (w.noun, w.paren, w.proper, w.josa, w.rest) == ("명하", "孟夏", True, "는", [("는", "JX")])


def test_a_counter_before_chinese_characters_is_left_alone():
    text = "열 명(名)"
    w = Word(start=2, end=len(text), rest=[("명", "NNB"), ("(", "SSO"), ("名", "SH"), (")", "SSC")])
    _cut_name_with_hanzi(w, text)
    assert w.noun == ""


@pytest.mark.parametrize(
    "body, org, original",
    [
        ("Blue Orchid(蓝色兰花)은 디지털 콘텐츠 회사다.", "Blue Orchid", "蓝色兰花"),
        ("광저우시와 GARAM GROUP(加蓝集团)이 단지를 건설한다.", "GARAM GROUP", "加蓝集团"),
        ("NURITECH(努力科技)는 상장했다.", "NURITECH", "努力科技"),
    ],
)
def test_a_latin_name_glossed_in_chinese_is_a_company(extract, body, org, original):
    orgs = _by_type(extract(body), "ORG")
    assert original in orgs[org].aliases


def test_a_common_noun_before_growth_is_no_governor(extract):
    assert not _by_type(extract("산업은 단계적 성장을 이뤘다."), "PERSON")


def test_a_foreign_mayor_named_with_a_latin_spelling_stands_for_the_place_visited(extract):
    body = ("가람시는 밝혔다. 지난 12일 미국 오하이오주 누리카운티를 방문해 존 벨(John Bell) 시장과 만나 "
            "교류협력의향서를 체결했다.")
    assert _signed(extract(body)) == [["가람시", "누리카운티"]]


@pytest.mark.parametrize("title", ["총재", "동사장", "총경리"])
def test_more_titles(extract, title):
    person = _by_type(extract(f"박민호 한빛은행 {title}는 말했다."), "PERSON")["박민호"]
    assert person.title == title


def test_a_bullet_glued_to_a_name_does_not_hide_it(extract):
    result = extract("일정은 ▲샌프란시스코 산업체 시찰 ■가람전자 방문 ※누리테크 간담회로 진행됐다.")
    assert "샌프란시스코" in _by_type(result, "LOC")
    assert {"가람전자", "누리테크"} <= set(_by_type(result, "ORG"))


def test_bullets_separate_the_signatories_they_list(extract):
    body = "가람시는 ▲한빛전자 ▲누리테크 ▲다온바이오와 각각 업무협약을 체결했다."
    assert _signed(extract(body)) == [["가람시", "누리테크"], ["가람시", "다온바이오"], ["가람시", "한빛전자"]]


def test_places_listed_in_parentheses(extract):
    result = extract("배터리 기지(청두·쑤이닝)와 북방 지역(산둥•허난)에 공장을 짓는다.")
    assert {"청두", "쑤이닝", "산둥", "허난"} <= set(_by_type(result, "LOC"))
    assert all("·" not in name and "•" not in name for name in _by_type(result, "LOC"))


def test_a_us_county_is_a_place_and_signs_as_one(extract):
    result = extract("가람시는 미국 오하이오주 누리카운티와 교류의향서를 체결했다.")
    assert "누리카운티" in _by_type(result, "LOC") and "누리카운티" not in _by_type(result, "ORG")
    assert _signed(result) == [["가람시", "누리카운티"]]


def test_two_places_run_together_are_not_a_long_form_of_the_second():
    data = rules.load()
    assert _two_places("샌프란시스코누리카운티", "누리카운티", data)
    assert not _two_places("가람누리카운티", "누리카운티", data)


@pytest.mark.parametrize("county", ["예산군", "음성군", "영광군", "기장군"])
def test_counties_whose_bare_name_is_a_common_word(extract, county):
    body = f"{county}은 12일 군청 상황실에서 ㈜한빛푸드와 200억원 규모의 투자협약을 체결했다."
    assert _signed(extract(body)) == [sorted([county, "한빛푸드"])]


@pytest.mark.parametrize(
    "body, org",
    [
        ("보스턴의 바이오기업 누리아 테라퓨틱스에서는 운영현황을 살폈다.", "누리아 테라퓨틱스"),
        ("국내 스타트업 가람랩은 투자를 유치했다.", "가람랩"),
        ("시는 현지 업체 라반트와 협력한다.", "라반트"),
    ],
)
def test_an_unknown_name_after_a_common_noun_for_a_company_is_that_company(extract, body, org):
    assert org in _by_type(extract(body), "ORG")


def test_a_person_after_a_company_noun_keeps_their_title(extract):
    people = _by_type(extract("이 회사 김철수 대표는 말했다."), "PERSON")
    assert people["김철수"].title == "대표"


@pytest.mark.parametrize(
    "body, name, title",
    [("한빛기술인협회 윤한빛회장은 말했다.", "윤한빛", "회장"), ("박지훈사장은 밝혔다.", "박지훈", "사장")],
)
def test_a_name_written_without_a_space_before_its_title(extract, body, name, title):
    assert _by_type(extract(body), "PERSON")[name].title == title


def test_a_known_body_fused_with_a_title_is_no_name(extract):
    assert not _by_type(extract("전경련회장은 말했다."), "PERSON")


@pytest.mark.parametrize(
    "body, name, title, affiliation",
    [
        ("대표단은 서울에서 박민호 전 대통령을 예방했다.", "박민호", "대통령", None),
        ("홍길동 전 가람전자 대표는 말했다.", "홍길동", "대표", "가람전자"),
    ],
)
def test_former_between_a_name_and_its_title(extract, body, name, title, affiliation):
    person = _by_type(extract(body), "PERSON")[name]
    assert (person.title, person.affiliation) == (title, affiliation)


def test_an_organisation_after_former_does_not_take_the_name_before_it(extract):
    orgs = _by_type(extract("John Garam 전 가람 미국 총영사관 참사관이 사회를 봤다."), "ORG")
    assert not any("Garam" in name for name in orgs)


@pytest.mark.parametrize("employer", ["다온", "명지"])
def test_a_typical_name_before_a_title_is_the_person_and_the_short_word_before_it_the_employer(extract, employer):
    result = extract(f"시장은 “투자를 결정해준 {employer} 양민호 대표에 감사드린다”고 말했다.")
    person = _by_type(result, "PERSON")["양민호"]
    assert (person.title, person.affiliation) == ("대표", employer)
    assert employer in _by_type(result, "ORG") and employer not in _by_type(result, "PERSON")


def test_a_photo_credited_to_a_city_is_no_person(extract):
    result = extract("(사진=가람시)\n가람시는 누리시와 협약을 체결했다.")
    assert "가람시" not in _by_type(result, "PERSON")


@pytest.mark.parametrize(
    "body, name, title",
    [
        ("이날 김민수 가람시장과 토머스 하먼(Thomas Harmon) 클락스빌 시장이 서명했다.", "토머스 하먼", "시장"),
        ("행사에는 박지훈 통상실장과 자오리(趙力) 외사판공실 주임이 참석했다.", "자오리", "주임"),
    ],
)
def test_a_name_with_its_original_spelling_takes_the_title_after_its_body(extract, body, name, title):
    person = _by_type(extract(body), "PERSON")[name]
    assert person.title == title


def test_a_word_tried_as_a_party_but_never_signing_is_no_entity(extract):
    body = ("총 3개 기업이 가람시와 업무협약을 체결했다. 협약을 체결한 기업은 한빛전자, 누리테크, 다온바이오로, "
            "공동 연구를 추진한다. 가람시는 인구 100만 명의 도시다. 반도체, 바이오, 스마트장비 산업을 중심으로 한 "
            "하이테크 클러스터가 조성돼 있다.")
    result = extract(body)
    assert set(_by_type(result, "ORG")) == {"한빛전자", "누리테크", "다온바이오"}
    assert _signed(result) == [["가람시", "누리테크"], ["가람시", "다온바이오"], ["가람시", "한빛전자"]]


def test_the_outlet_before_a_reporter_is_not_made_an_employer_and_does_not_sign(extract):
    body = "가람경제 홍길동 기자 | 누리과학관(관장 김하늘)은 3일 다온박물관과 업무협약을 체결했다."
    assert _signed(extract(body)) == [["누리과학관", "다온박물관"]]


def test_a_wire_name_between_dashes_is_no_alias_of_the_word_before_it(extract):
    result = extract("가람, 중국--(가람와이어)--중국 장쑤성의 도시 가람시가 설명회를 개최했다.")
    assert "가람와이어" in _by_type(result, "ORG")
    assert all("가람와이어" not in (e.name, *e.aliases) for e in result.entities if e.type == "LOC")


def test_a_known_place_before_a_title_is_no_person(extract):
    result = extract("회사는 2년 전부터 동남아 시장을 두드려 왔다.")
    assert not _by_type(result, "PERSON") and "동남아" in _by_type(result, "LOC")


@pytest.mark.parametrize(
    "body, name, original",
    [
        ("협약식에는 사토 다카시(佐藤隆) 이즈모시장이 참석했다.", "사토 다카시", "佐藤隆"),
        ("행사에는 다나카 히로시(田中宏) 사장이 참석했다.", "다나카 히로시", "田中宏"),
    ],
)
def test_a_japanese_name_with_its_chinese_characters(extract, body, name, original):
    person = _by_type(extract(body), "PERSON")[name]
    assert original in person.aliases


def test_a_word_kiwi_cut_at_a_genitive_is_no_unknown_company():
    # 창의/creative read as 창 + 의 before 디자인산업: not a company named 창의디자인산업
    text = "창의디자인산업을"
    w = Word(start=0, end=len(text), noun="창", noun_start=0, noun_end=1, pieces=1,
             rest=[("의", "JKG"), ("디자인", "NNG"), ("산업", "NNG"), ("을", "JKO")])
    _unknown_company(w, text, rules.load())
    assert (w.noun, w.proper) == ("창", False)


def test_a_particle_read_inside_an_unknown_company_name_still_joins_it():
    text = "가나다로문화산업은"
    w = Word(start=0, end=len(text), noun="가나다", noun_start=0, noun_end=3,
             rest=[("로", "JKB"), ("문화", "NNG"), ("산업", "NNG"), ("은", "JX")])
    _unknown_company(w, text, rules.load())
    assert (w.noun, w.proper, w.josa) == ("가나다로문화산업", True, "은")


def test_a_place_glossed_in_chinese_and_its_bureau_sign_as_one(extract):
    body = "가람경제청과 중국 톈진시 누리신구(努力新区) 투자촉진국 등 2개 기관이 13일 협약을 체결했다."
    result = extract(body)
    assert _signed(result) == [["가람경제청", "누리신구 투자촉진국"]]
    assert "努力新区" in _by_type(result, "LOC")["누리신구"].aliases


def test_a_title_after_a_body_glossed_in_parentheses(extract):
    person = _by_type(extract("박하늘 가람혁신센터(GIC 서울) 센터장이 참석했다."), "PERSON")["박하늘"]
    assert (person.title, person.affiliation) == ("센터장", "가람혁신센터")


@pytest.mark.parametrize("partner", ["누리은행", "누리증권", "누리그룹"])
def test_common_nouns_ending_with_a_company_form_sign_as_a_company(extract, partner):
    assert _signed(extract(f"가람공사는 23일 {partner}과 MOU를 체결했다.")) == [sorted(["가람공사", partner])]


def test_a_generic_compound_with_a_company_form_does_not_sign(extract):
    assert _signed(extract("가람시는 시중은행과 협약을 체결했다.")) == []


@pytest.mark.parametrize(
    "body, venue",
    [
        ("가람시는 19일 시청 대회의실에서 누리전자와 투자협약을 체결했다.", "시청 대회의실"),
        ("가람공사는 이날 서울 누리호텔에서 한빛은행과 MOU를 체결했다.", "서울 누리호텔"),
        ("가람시는 방문 기간 동안 로스앤젤레스에서 누리전자와 협약을 체결했다.", "로스앤젤레스"),
    ],
)
def test_the_venue_is_named_with_the_nouns_before_it(extract, body, venue):
    agreements = extract(body).agreements
    assert [a.venue for a in agreements] == [venue]


def test_a_ceremony_is_no_venue(extract):
    agreements = extract("가람시와 누리시는 12일 서명식에서 협정을 체결했다.").agreements
    assert [a.venue for a in agreements] == [None]


@pytest.mark.parametrize(
    "text, value",
    [("총 4천500억원", "4.5e11 KRW"), ("3천 500만원", "3.5e7 KRW"), ("1억7천만 달러", "1.7e8 USD"),
     ("1조 2천억원", "1.2e12 KRW"), ("5천 달러", "5000 USD")],
)
def test_thousands_count_inside_a_korean_number_group(text, value):
    assert [a[3] for a in amounts(text)] == [value]


def _found(result):
    return [(a.status, a.signed_on, sorted(p.name for p in a.parties)) for a in result.agreements]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("가람시와 누리전자의 투자협약이 체결됐다.", [("signed", None, ["가람시", "누리전자"])]),
        ("가람시와 누리전자의 투자협약 체결식이 19일 시청에서 열렸다.", [("signed", "2024-06-19", ["가람시", "누리전자"])]),
        ("가람시와 누리전자의 협약식이 지난 3일 개최됐다.", [("signed", "2024-06-03", ["가람시", "누리전자"])]),
        ("가람시와 누리전자의 협약식이 오는 23일 열릴 예정이다.", [("planned", None, ["가람시", "누리전자"])]),
        ("김민수 가람시장(오른쪽)과 박지훈 누리전자 대표가 투자협약을 체결하고 있다.", [("signed", None, ["가람시", "누리전자"])]),
    ],
)
def test_more_ways_of_reporting_a_signing(extract, body, expected):
    assert _found(extract(body)) == expected


@pytest.mark.parametrize(
    "body",
    ["가람시는 누리전자의 투자협약 체결을 환영했다.", "한편 협약식이 열린 시청 앞에서는 시위가 있었다.",
     "가람시는 누리전자와 협약 체결을 추진하고 있다."],
)
def test_no_signing_is_read_into_these(extract, body):
    assert [a for a in extract(body).agreements if a.status == "signed"] == []


@pytest.mark.parametrize(
    "body, name, title, affiliation",
    [
        ("홍길동 가람무역협회장은 만났다.", "홍길동", "회장", "가람무역협회"),
        ("김민수 가람혁신센터장은 말했다.", "김민수", "센터장", "가람혁신센터"),
    ],
)
def test_the_head_of_a_named_body_fused_with_the_title(extract, body, name, title, affiliation):
    result = extract(body)
    person = _by_type(result, "PERSON")[name]
    assert (person.title, person.affiliation) == (title, affiliation)
    assert affiliation in _by_type(result, "ORG")


@pytest.mark.parametrize(
    "body, name, title",
    [
        ("존 스미스 텍사스 주지사는 말했다.", "존 스미스", "주지사"),
        ("다나카 후미오 일본 총리가 말했다.", "다나카 후미오", "총리"),
    ],
)
def test_a_foreign_name_in_two_words_before_a_place_and_title(extract, body, name, title):
    assert _by_type(extract(body), "PERSON")[name].title == title


@pytest.mark.parametrize(
    "body, name, title",
    [
        ("가람전자 베트남 법인장 김민수 씨는 말했다.", "김민수", "법인장"),
        ("주민 박영희씨는 말했다.", "박영희", None),
    ],
)
def test_a_name_before_the_honorific_ssi(extract, body, name, title):
    assert _by_type(extract(body), "PERSON")[name].title == title


def test_a_company_kind_is_no_given_name(extract):
    people = _by_type(extract("회견에는 한국기업 현지 법인장과 김영수 총영사가 참석했다."), "PERSON")
    assert set(people) == {"김영수"}


def test_a_country_short_name_before_a_hyphen(extract):
    assert "베트남" in _by_type(extract("한-베트남 비즈니스 포럼이 열렸다."), "LOC")


def test_a_place_with_and_without_its_ending_is_one_place(extract):
    locs = _by_type(extract("누리성 대표단이 왔다. 한-누리 교역액은 늘었다. 중국 산둥성과 산둥은 가깝다."), "LOC")
    assert "산둥" in locs["산둥성"].aliases


def test_three_countries_counted_after_their_agreement_are_its_parties(extract):
    body = ("박민호 외교부 장관과 다나카 주한일본대사, 왕하이 주한중국대사가 지난 16일 사무국 설립 협정에 서명했다. "
            "17일 외교부에 따르면 올 5월 정상회의에서 3국은 사무국 설립에 관한 각서를 채택한 바 있다.")
    found = _found(extract(body, published_at="2024-12-17"))
    assert ("signed", None, ["일본", "중국", "한국"]) in found


def test_a_date_before_according_to_is_when_it_was_reported(extract):
    body = "17일 가람일보에 따르면 가람시와 누리시는 자매결연 협정을 체결했다."
    assert [a.signed_on for a in extract(body).agreements] == [None]


def test_a_count_written_as_one_word_closes_the_list(extract):
    body = "가람도는 19일 도청에서 (주)누리테크, (주)한빛소재, 다온케미칼(주) 등 3개사와 투자협약을 체결했다."
    assert _found(extract(body)) == [("signed", "2024-06-19", ["가람도", "누리테크", "다온케미칼", "한빛소재"])]


def test_a_dateline_in_lenticular_brackets(extract):
    result = extract("【서울=가람뉴스】 홍길동 특파원 = 누리시는 발표했다.")
    assert "가람뉴스" in _by_type(result, "ORG") and "서울" in _by_type(result, "LOC")


def test_a_department_head_after_a_body_and_its_division(extract):
    result = extract("행사에는 한민호 ㈜누리테크 전자BG 사업본부장 등이 참석했다.")
    person = _by_type(result, "PERSON")["한민호"]
    assert person.title == "사업본부장" and person.affiliation.startswith("누리테크")
    assert not any("한민호" in name for name in _by_type(result, "ORG"))


def test_a_diplomat_posted_in_a_place_has_no_employer_named_after_it(extract):
    result = extract("행사에는 김영준 주애틀랜타 총영사가 참석했다.")
    assert _by_type(result, "PERSON")["김영준"].title == "총영사"
    assert "주애틀랜타" not in _by_type(result, "ORG")


def test_both_before_a_body_word_is_no_name(extract):
    assert "양 세관" not in _by_type(extract("가람 세관과 누리 세관, 양 세관은 협력한다."), "ORG")


@pytest.mark.parametrize(
    "body, name, title",
    [
        ('[인터뷰] 한민호 / 가람도지사 "가람 기업들이 납품처를 찾도록 돕겠다."', "한민호", "도지사"),
        ('[인터뷰] 마쓰다 겐지 / 누리수소협의회 사무국장 "협력을 늘리겠다"', "마쓰다 겐지", "사무국장"),
    ],
)
def test_a_broadcast_caption_names_the_speaker_and_their_title(extract, body, name, title):
    assert _by_type(extract(body), "PERSON")[name].title == title


def test_a_slash_between_words_is_no_caption(extract):
    assert not _by_type(extract('화면 확대 / 축소 버튼 "누르세요"'), "PERSON")


def test_a_dateline_with_two_cities(extract):
    locs = _by_type(extract("(서울 로스앤젤레스=가람뉴스) 김호준 기자 = 미국 테네시주가 발표했다."), "LOC")
    assert {"서울", "로스앤젤레스"} <= set(locs)


@pytest.mark.parametrize("place", ["판교", "송도", "새만금", "남대문"])
def test_business_districts_are_places(extract, place):
    assert place in _by_type(extract(f"가람전자는 {place}에 새 사옥을 짓는다."), "LOC")


def test_a_council_is_an_organisation(extract):
    assert "가람도의회" in _by_type(extract("누리영은 가람도의회 의장이 참석했다."), "ORG")


@pytest.mark.parametrize(
    "body",
    ["가람시는 누리전자와 협약을 체결하지 못했다.", "가람시와 누리전자의 협약 체결이 무산됐다.",
     "가람시와 누리전자의 MOU 체결은 끝내 결렬됐다."],
)
def test_a_signing_that_did_not_happen_is_no_agreement(extract, body):
    assert extract(body).agreements == ()


def test_a_signing_that_is_only_a_purpose_is_planned(extract):
    assert _found(extract("가람시는 누리전자와 협약 체결을 위한 협의를 진행했다.")) == [
        ("planned", None, ["가람시", "누리전자"])]


def test_a_purpose_before_a_reported_signing_does_not_hide_it(extract):
    body = "가람시는 누리시와 협약 체결을 위해 누리시를 방문해 MOU를 체결했다."
    assert _found(extract(body)) == [("signed", None, ["가람시", "누리시"])]
