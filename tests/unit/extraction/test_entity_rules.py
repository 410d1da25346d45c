"""Entities: organisations by suffix, places, people with titles, money, aliases."""

import pytest

from streams.extraction.grouping import is_short_form
from streams.extraction.money import amounts


def _by_type(result, type_):
    return {e.name: e for e in result.entities if e.type == type_}


def test_person_with_title_and_affiliation(extract):
    result = extract("김민수 청주시 부시장과 박지영 다온솔루션 대표가 행사에 참석했다.")
    people = _by_type(result, "PERSON")
    assert people["김민수"].title == "부시장" and people["김민수"].affiliation == "청주시"
    assert people["박지영"].title == "대표" and people["박지영"].affiliation == "다온솔루션"
    assert "다온솔루션" in _by_type(result, "ORG")


def test_person_named_in_parentheses_after_the_organisation(extract):
    people = _by_type(extract("한국디자인진흥원(원장 이서준)은 전시회를 열었다."), "PERSON")
    assert people["이서준"].affiliation == "한국디자인진흥원"


@pytest.mark.parametrize(
    "body, org",
    [
        ("한국해양진흥공사는 설명회를 열었다.", "한국해양진흥공사"),
        ("충북과학기술혁신원은 성과를 발표했다.", "충북과학기술혁신원"),
        ("한국관광협회는 성명을 냈다.", "한국관광협회"),
        ("미래에너지재단은 지원을 약속했다.", "미래에너지재단"),
        ("(주)세진테크는 공장을 지었다.", "세진테크"),
    ],
)
def test_organisations_by_suffix_or_legal_marker(extract, body, org):
    assert org in _by_type(extract(body), "ORG")


@pytest.mark.parametrize(
    "body, place",
    [
        ("대표단은 중국 산둥성을 방문했다.", "산둥성"),
        ("행사는 전주시에서 열렸다.", "전주시"),
        ("그는 베트남 하노이를 찾았다.", "하노이"),
    ],
)
def test_places(extract, body, place):
    assert place in _by_type(extract(body), "LOC")


def test_parenthesised_name_is_an_alias(extract):
    body = "쑤저우시(苏州市)는 한국바이오협회(KBIA)와 협력한다. 쑤저우시는 투자를 늘린다."
    result = extract(body)
    assert "苏州市" in _by_type(result, "LOC")["쑤저우시"].aliases
    assert "KBIA" in _by_type(result, "ORG")["한국바이오협회"].aliases


def test_later_short_form_links_to_the_full_name(extract):
    body = "지역산업진흥재단은 협약을 맺었다. 산업진흥재단은 내년에도 사업을 이어간다."
    orgs = _by_type(extract(body), "ORG")
    assert "산업진흥재단" in orgs["지역산업진흥재단"].aliases


@pytest.mark.parametrize(
    "short, full, expected",
    [
        ("특구진흥재단", "연구개발특구진흥재단", True),
        ("고양시", "고양특례시", True),
        ("나노종기원", "나노종합기술원", True),
        ("서울시립대", "서울시립대학교", True),
        ("한국", "한국전력공사", False),
        ("산업부", "산업통상자원부", True),
    ],
)
def test_short_forms(short, full, expected):
    assert is_short_form(short, full) is expected


@pytest.mark.parametrize(
    "text, value",
    [
        ("GDP 64조원", "6.4e13 KRW"),
        ("20억 달러 규모", "2e9 USD"),
        ("1400만 위안을", "1.4e7 CNY"),
        ("1억7천만 달러의", "1.7e8 USD"),
        ("2천억원 규모의", "2e11 KRW"),
        ("1조 2천억원을", "1.2e12 KRW"),
        ("3백억 원", "3e10 KRW"),
    ],
)
def test_money(text, value):
    assert [v for *_, v in amounts(text)] == [value]


def test_money_entities_are_reported(extract):
    money = [e for e in extract("총 20억 달러를 투자한다.").entities if e.type == "MONEY"]
    assert [(e.name, e.value) for e in money] == [("20억 달러", "2e9 USD")]


def test_titles_fused_with_their_unit_after_a_name(extract):
    people = _by_type(extract("협약식에는 한도윤 기획처장, 문서진 산학협력단장, 배유나 제천시의회의장, "
                              "정하람 통상차관보가 참석했다."), "PERSON")
    assert people["한도윤"].title == "기획처장" and people["한도윤"].affiliation is None
    assert people["문서진"].title == "산학협력단장"
    assert (people["배유나"].title, people["배유나"].affiliation) == ("의장", "제천시의회")  # (a council is a body)
    assert people["정하람"].title == "통상차관보"


def test_a_rank_before_a_title_is_part_of_the_title(extract):
    people = _by_type(extract("상공회에서 김도훈 회장, 최연우 상근부회장이 참석했다."), "PERSON")
    assert people["최연우"].title == "상근부회장" and people["최연우"].affiliation is None


def test_a_name_kiwi_cut_into_pieces_before_a_title(extract):
    # Kiwi reads 이/MM 항/NNG 민/NNG and 이/MM 솔/NNG 채/NNG here
    people = _by_type(extract("이날 협약식에는 이항민 군수를 비롯해 이솔채 부회장, 박미란 이사가 참석했다."), "PERSON")
    assert people["이항민"].title == "군수"
    assert people["이솔채"].title == "부회장"


@pytest.mark.parametrize("body", [
    "우리 기업은 전세계 시장을 겨냥한다.",
    "전세계 대표 기업들이 한자리에 모였다.",
    "김도훈 경제성장 전략을 발표했다.",
])
def test_common_nouns_ending_in_a_title_make_no_person(extract, body):
    assert _by_type(extract(body), "PERSON") == {}


@pytest.mark.parametrize("body, outlet", [
    ("[가람일보 홍민호 기자] 미르시는 5일 협약을 맺었다.", "가람일보"),
    ("[하노이(베트남)=가람경제 김도윤 기자] 양국은 협정을 맺었다.", "가람경제"),
    ("[누리타임즈 = 박서연 기자] 미르시는 협약을 맺었다.", "누리타임즈"),
    ("[다솜신보] 최정민 기자\n미르시는 협약을 맺었다.", "다솜신보"),
    ("(구미=한결뉴스) 정다인 기자 = 미르시는 협약을 맺었다.", "한결뉴스"),
    ("(서울 뉴욕=한결뉴스) 정다인 기자 옥민철 특파원 = 미르시는 협약을 맺었다.", "한결뉴스"),
    ("한빛경제 윤재민 기자\n\n미르시는 협약을 맺었다.", "한빛경제"),
    ("2026.01.29 08:00 | 미래모빌리티리포트 유세진 기자\n미르시는 협약을 맺었다.", "미래모빌리티리포트"),
    ("다솜물류신문 | 2026.01.20 10:00 | 정우진 기자\n미르시는 협약을 맺었다.", "다솜물류신문"),
    ("[데일리미르경제] 미르시, 가람시와 협약\n미르시는 협약을 맺었다.", "데일리미르경제"),
    ("현지 한인매체 미르포스트에 따르면 주지사는 투자를 발표했다.", "미르포스트"),
    ("서울--(한누리와이어)--미르시가 26일 설명회를 열었다.", "한누리와이어"),
    ("미르시는 협약을 맺었습니다.\n한결방송 뉴스 김다은입니다.", "한결방송"),
])
def test_the_outlet_of_a_byline_dateline_or_attribution_is_an_organisation(extract, body, outlet):
    assert outlet in _by_type(extract(body), "ORG")


@pytest.mark.parametrize("body", [
    "미르시는 협약을 맺었다.\n사진 홍민호 기자",
    "[포토 홍민호 기자] 미르시는 협약을 맺었다.",
    "미르시는 협약을 맺었다.\n산업부 홍민호 기자",
    "[경제부 김도윤 기자] 미르시는 협약을 맺었다.",
    "미르시는 협약을 맺었다.\n온라인뉴스팀 박서연 기자",
    "미르시는 협약을 맺었다.\n세종=전희진 기자 jin@example.com",
    "[리포트]\n미르시는 협약을 맺었습니다.",
    "미르시는 협약을 맺었다.\n저작권자 © 가람일보 무단전재 및 재배포 금지",
])
def test_no_organisation_from_credit_words_desks_a_dateline_city_or_a_copyright_line(extract, body):
    assert _by_type(extract(body), "ORG") == {}


def test_japanese_prefectures_regions_and_ports_are_places(extract):
    places = _by_type(extract("미르시는 돗토리현, 오사카부와 교류하고 규슈 하카타항과 부산항을 잇는 항로를 연다."), "LOC")
    assert {"돗토리현", "오사카부", "규슈", "하카타항", "부산항"} <= set(places)


def test_a_company_named_after_a_japanese_region_is_a_party(extract):
    result = extract("경남 김해시는 4일 부품 제조사 간사이미래화학(関西未来化学)과 300억원 규모의 투자의향서를 체결했다.")
    assert [sorted(p.name for p in a.parties) for a in result.agreements] == [["간사이미래화학", "김해시"]]


def test_foreign_names_of_three_words_and_chinese_family_names(extract):
    people = _by_type(extract("3일에는 응우엔 반 뚜언 베트남 건설부차관과 쑹하이린 중국 산둥성 부성장, "
                              "마에카와 나오유키 서울사무소장이 협약식에 참석했다."), "PERSON")
    assert {"응우엔 반 뚜언", "쑹하이린", "마에카와 나오유키"} <= set(people)
    assert "나오유키" not in people and "반 뚜언" not in people


def test_a_name_before_a_place_fused_with_its_title(extract):
    people = _by_type(extract("한도윤 서울시장과 정하람 전북특별자치도 경제부지사, 박소율 미르연구원 연구위원이 참석했다."),
                      "PERSON")
    assert people["한도윤"].title == "시장" and people["한도윤"].affiliation == "서울"
    assert people["정하람"].title == "경제부지사"
    assert people["박소율"].title == "연구위원"


@pytest.mark.parametrize("body", ["스위스 대통령과 리비아 총리가 만났다.", "빈현 현위상무위원이 말했다."])
def test_places_before_a_title_are_no_people(extract, body):
    assert _by_type(extract(body), "PERSON") == {}


def test_regional_blocks_and_townships_are_places(extract):
    places = _by_type(extract("호남권과 충청권의 수출이 늘었다. 미르바이오는 전동면 산업단지에 공장을 짓는다."), "LOC")
    assert {"호남권", "충청권", "전동면"} <= set(places)


def test_a_city_bureau_is_an_organisation_but_not_a_countrys_allies(extract):
    result = extract("미르해운, 베트남 호찌민시 교통운수국, 다온물류 등 3개 기관은 16일 업무협약을 체결했다. "
                     "미국 동맹국의 반응도 나왔다.")
    orgs = _by_type(result, "ORG")
    assert "호찌민시 교통운수국" in orgs and not any("동맹국" in name for name in orgs)
    assert _by_type(result, "LOC").keys() >= {"호찌민시", "미국"}
    assert [sorted(p.name for p in a.parties) for a in result.agreements] == [
        ["다온물류", "미르해운", "호찌민시 교통운수국"]]


def test_a_bare_venue_word_after_a_name_is_a_named_place(extract):
    result = extract("행사는 돗토리현 요나고 컨벤션센터에서 열렸고 만찬은 로터스 호텔에서 했다. "
                     "기업들은 장가항시 산업단지 내 진출을 추진한다.")
    places = _by_type(result, "LOC")
    assert {"요나고 컨벤션센터", "로터스 호텔"} <= set(places)
    assert not any(name.endswith("산업단지") for name in places) and "요나고 컨벤션센터" not in _by_type(result, "ORG")


def test_a_places_region_is_the_place_and_middle_dot_lookalikes_separate(extract):
    result = extract("서울지역의 수출 비중과 대구‧경북지역 정부 부처의 협력이 늘었다.")
    assert {"서울", "대구", "경북"} <= set(_by_type(result, "LOC"))
    assert _by_type(result, "ORG") == {}


def test_parties_and_overseas_korean_associations_are_organisations(extract):
    orgs = _by_type(extract("미르시는 미국 버지니아 한인회, 이우시 한국상회와 교류한다. 한나라당과 공화당도 논평을 냈다.\n"
                            "출처:가람망 한국어판"), "ORG")
    assert {"버지니아 한인회", "이우시 한국상회", "한나라당", "공화당", "가람망"} <= set(orgs)


def test_generic_facilities_are_not_organisations(extract):
    orgs = _by_type(extract("미르시는 물류센터와 데이터센터를 짓고 실무협의회를 꾸린다. 다온캐피털도 투자한다."), "ORG")
    assert set(orgs) == {"다온캐피털"}


def test_editors_translators_and_graphics_credits_are_people(extract):
    people = _by_type(extract("편집: 朴明花\n[한도윤 제작] 일러스트\n미르시는 협약을 맺었다.\n편역: 진종민"), "PERSON")
    assert {"朴明花", "한도윤", "진종민"} <= set(people)


def test_places_inside_a_remark_in_parentheses(extract):
    places = _by_type(extract("응우엔 반 뚜언 성장(한국의 도지사급)이 왔다. 공장 설립(1억5,000만 달러, 캐나다)을 추진한다."),
                      "LOC")
    assert {"한국", "캐나다"} <= set(places)


def test_a_company_ending_written_apart_after_the_name(extract):
    orgs = _by_type(extract("브이네스토 캐피털과 서울 상공회의소가 참여하고 송도 바이오 기업들이 함께한다."), "ORG")
    assert {"브이네스토 캐피털", "서울 상공회의소"} <= set(orgs) and not any("바이오" in o for o in orgs)


def test_a_name_ending_like_a_place_is_only_a_person(extract):
    result = extract("협약식에는 정성주 김제시장과 관악구 상공회 관계자가 참석했다.")
    assert "정성주" in _by_type(result, "PERSON") and "정성주" not in _by_type(result, "LOC")
    assert "관악구" in _by_type(result, "LOC")


def test_a_title_fused_with_a_latin_acronym(extract):
    result = extract("김현준 LH사장은 베트남 흥옌성 성장과 양해각서를 체결했다.")
    assert _by_type(result, "PERSON")["김현준"].affiliation == "LH"
    assert "LH사장" not in _by_type(result, "ORG")


def test_a_pair_of_countries_abbreviated_is_not_a_place(extract):
    places = _by_type(extract("한중 양국은 한미 동맹과 한일 관계를 논의했다. 한국과 중국은 협력한다."), "LOC")
    assert not {"한중", "한미", "한일"} & set(places) and {"한국", "중국"} <= set(places)


def test_a_known_bodys_unit_is_named_with_it(extract):
    orgs = _by_type(extract("올해 코트라 디지털무역종합지원센터 2곳을 유치했다."), "ORG")
    assert {"코트라", "코트라 디지털무역종합지원센터"} <= set(orgs) and "디지털무역종합지원센터" not in orgs


def test_well_known_companies_without_an_ending(extract):
    orgs = _by_type(extract("미르시는 엔비디아, 텐센트와 협력하고 화이자의 투자를 유치했다."), "ORG")
    assert {"엔비디아", "텐센트", "화이자"} <= set(orgs)


def test_spelling_variants_of_chinese_cities_and_more_cities(extract):
    places = _by_type(extract("미르시는 총칭, 텐진, 타이베이, LA에 사무소를 연다."), "LOC")
    assert {"총칭", "텐진", "타이베이", "LA"} <= set(places)


def test_a_foreign_minister_named_without_a_family_name(extract):
    people = _by_type(extract("오영교 행자부장관과 로메로 공공행정부장관은 협력약정에 서명했다."), "PERSON")
    assert people["로메로"].title == "장관" and people["로메로"].affiliation == "공공행정부"


def test_arabic_names_and_royal_titles(extract):
    people = _by_type(extract("백운규 장관은 알 하마디 UAE 교육부 장관과 만났다. 무함마드 빈 살만 왕세자가 방한했다."), "PERSON")
    assert {"알 하마디", "무함마드 빈 살만"} <= set(people) and "하마디" not in people


def test_a_three_word_foreign_name_with_its_latin_spelling_before_a_former_title(extract):
    people = _by_type(extract("위원장은 쯔엉 떤 상(Truong Tan Sang) 전 베트남 주석이 전한 인사를 전했다."), "PERSON")
    assert "Truong Tan Sang" in people["쯔엉 떤 상"].aliases
