"""Rules added in extractor 0.15.0, on sentences written for these tests (invented names)."""

import pytest


def _people(result):
    return {(e.name, e.title, e.affiliation) for e in result.entities if e.type == "PERSON"}


@pytest.mark.parametrize("sentence, person", [
    # 왕 is a Korean family name too: four syllables need a foreign place after them
    ("이날 행사에는 왕샤오밍 옌청시 당서기가 함께했다.", ("왕샤오밍", "당서기", "옌청시")),
    # 자오/NNP 샤오/NNP 화: a two-syllable family name and three syllables of given name
    ("중국 측에서는 자오샤오화 산둥성 상무청장이 참석했다.", ("자오샤오화", "상무청장", "산둥성")),
])
def test_a_long_chinese_name_before_a_chinese_place_and_its_title_is_a_person(extract, sentence, person):
    people = _people(extract(sentence))
    assert person in people, people


@pytest.mark.parametrize("sentence, person", [
    ("협정 체결식에는 응우옌반훙 하노이국립대 총장이 참석했다.", ("응우옌반훙", "총장", "하노이국립대")),
    ("이날 호앙민쭝 베트남 기획투자부 차관은 축사를 했다.", ("호앙민쭝", "차관", "베트남 기획투자부")),
])
def test_a_vietnamese_name_written_as_one_word_is_a_person(extract, sentence, person):
    people = _people(extract(sentence))
    assert person in people, people
    assert not any(e.type == "ORG" and e.name.startswith(person[0]) for e in extract(sentence).entities)


def test_a_company_named_like_a_vietnamese_family_name_is_no_person(extract):
    # (팜 is a family name, but 팜한농 before a title is the employer)
    people = _people(extract("팜한농 대표는 신제품을 소개했다."))
    assert not any(name == "팜한농" for name, _, _ in people), people


def _org_forms(result):
    return [{e.name, *e.aliases} for e in result.entities if e.type == "ORG"]


def test_a_foreign_ministry_named_again_without_its_country_is_one_organisation(extract):
    forms = _org_forms(extract("가온모터스가 인도네시아 투자부와 투자의향서를 체결했다. "
                               "김하준 가온모터스 대표와 바흐릴 라하달리아 투자부 장관이 서명했다."))
    assert {"인도네시아 투자부", "투자부"} in forms, forms


@pytest.mark.parametrize("sentence", [
    "협정식에는 니암바타르 울란바토르시장이 참석했다.",
    "협정식에는 니암바타르 울란바토르 시장이 참석했다.",
])
def test_a_single_foreign_name_right_before_a_places_head_is_that_head(extract, sentence):
    people = _people(extract(sentence))
    assert ("니암바타르", "시장", "울란바토르") in people, people


def test_a_japanese_given_name_like_a_city_stays_in_the_name(extract):
    # (다카 is Dhaka, but 이시카와 다카시 is one name)
    people = _people(extract("이날 이시카와 다카시 시장은 환영사를 했다."))
    assert {name for name, _, _ in people} == {"이시카와 다카시"}, people


@pytest.mark.parametrize("text, expected", [
    ("누리도는 몽골 울란바토르시와 우호교류 협정을 체결했다. 협정식에는 최영수 누리도지사와 니암바타르 "
     "울란바토르시장이 참석해 협정서에 서명했다.", ("sister_city", ["누리도", "울란바토르시"], None, None)),
    ("누리도는 몽골 울란바토르시와 우호교류 협정을 체결했다고 17일 밝혔다. 협정식은 지난 15일 울란바토르시청에서 "
     "열렸으며 최영수 누리도지사와 니암바타르 울란바토르시장이 협정서에 서명했다.",
     ("sister_city", ["누리도", "울란바토르시"], "2024-06-15", "울란바토르시청")),
])
def test_a_city_tie_read_from_its_document_is_not_another_signing_when_the_document_is_signed(
        extract, text, expected, signings):
    assert signings(extract(text)) == [expected]


def test_a_named_document_for_a_city_tie_still_wins_over_the_tie(extract):
    # (the letter of intent is what was signed that day)
    result = extract("가람시는 미국 누리카운티와 우호협력도시 협약 체결을 위한 우호협력의향서를 체결했다.")
    assert [a.kind for a in result.agreements if a.status == "signed"] == ["loi"]


def test_a_long_central_asian_family_name_is_in_the_name_not_the_employer(extract):
    people = _people(extract("협약식에는 우마르 샤이흐메토프 할릭은행 회장이 참석했다."))
    assert ("우마르 샤이흐메토프", "회장", "할릭은행") in people, people


@pytest.mark.parametrize("title", ["KOTRA, 베트남서 소비재 수출상담회 열어", "가온식품, 호찌민서 공급 계약"])
def test_a_place_with_the_short_particle_seo_is_the_place(extract, title):
    result = extract("가온식품은 현지 유통기업 윈커머스와 공급 계약을 맺었다.", title=title)
    orgs = {e.name for e in result.entities if e.type == "ORG"}
    places = {e.name for e in result.entities if e.type == "LOC"}
    assert not any(o.endswith("서") for o in orgs), orgs
    assert places & {"베트남", "호찌민"}, places


def test_a_title_that_kiwi_reads_as_former_and_a_noun_is_the_title(extract):
    # 전무가 (전/MM 무가/NNG) before a comma
    people = _people(extract("한빛전자 측에서는 오세훈 전무가, 누리물산에서는 정다은 상무가 참석했다."))
    assert {name for name, _, _ in people} == {"오세훈", "정다은"}, people
    assert any(p[:2] == ("오세훈", "전무") for p in people), people


@pytest.mark.parametrize("text, expected", [
    ("가온전자는 폴란드 경제특구청과 투자계약을 체결했다고 지난달 28일 밝혔다. 계약은 같은 달 27일 바르샤바에서 서명됐다.",
     ("contract", "2024-05-27", "바르샤바")),
    ("다온바이오는 가람제약과 기술이전 계약을 맺었다고 12일 공시했다. 계약금은 300억원이다. 계약일은 2024년 6월 11일이다.",
     ("contract", "2024-06-11", None)),
    ("다온바이오는 가람제약과 기술이전 계약을 맺었다고 12일 공시했다. 협약 체결일은 지난 10일이다.",
     ("contract", "2024-06-10", None)),
])
def test_the_contract_signed_or_its_signing_day_told_in_a_later_sentence_dates_it(extract, text, expected):
    assert [(a.kind, a.signed_on, a.venue) for a in extract(text).agreements] == [expected]


def test_a_contract_carried_out_is_not_its_signing_day(extract):
    result = extract("다온바이오는 가람제약과 기술이전 계약을 맺었다. 계약 기간은 2030년 6월 11일까지다.")
    assert [a.signed_on for a in result.agreements] == [None]


def test_a_zones_agency_is_an_organisation_not_a_district_office(extract):
    # 경제특구청 ends with 구청 (a district office, a venue), but 특구청 is the zone's agency
    result = extract("가온전자는 폴란드 경제특구청과 투자계약을 체결했다.")
    assert any(e.name.endswith("경제특구청") for e in result.entities if e.type == "ORG"), result.entities
    assert [p.type for a in result.agreements for p in a.parties] == ["ORG", "ORG"]


def _all_agreements(result):
    return sorted((a.kind, a.status, sorted(p.name for p in a.parties), a.signed_on) for a in result.agreements)


def test_a_lead_that_reads_as_a_preview_of_the_signing_reported_after_it_is_that_signing(extract):
    result = extract("가람시가 한빛전자와 업무협약을 체결하고 반도체 인재 양성에 나선다. 시는 지난 10일 시청 접견실에서 "
                     "한빛전자와 반도체 인재 양성을 위한 업무협약을 체결했다고 12일 밝혔다.")
    assert _all_agreements(result) == [("mou", "signed", ["가람시", "한빛전자"], "2024-06-10")]


def test_a_plan_told_after_a_signing_stays_a_plan(extract):
    result = extract("가람시는 지난 10일 한빛전자와 업무협약을 체결했다. 시는 내년에 한빛전자와 두 번째 업무협약을 "
                     "체결할 계획이다.")
    assert [a.status for a in result.agreements] == ["signed", "planned"]


def test_a_chinese_districts_head_is_titled(extract):
    people = _people(extract("이날 설명회에는 리밍 우장구 당서기, 장웨이 우장구 구장 등 중국 측 대표단이 참석했다."))
    assert ("장웨이", "구장", "우장구") in people, people


def test_a_companys_local_subsidiary_signs_named_with_the_company(extract):
    result = extract("누리테크는 지멘스 현지법인과 공급 계약을 맺었다.")
    assert [sorted(p.name for p in a.parties) for a in result.agreements] == [["누리테크", "지멘스 현지법인"]]


def test_a_subsidiary_named_without_a_company_is_no_organisation(extract):
    result = extract("가온전자는 모리슨시에 현지법인을 이날 개소했다. 현재 5개 해외지사가 있다.")
    assert not {e.name for e in result.entities if e.type == "ORG"} & {"현지법인", "해외지사"}


def test_a_japanese_prefectures_office_is_a_venue(extract):
    result = extract("가람도는 일본 후쿠오카현과 교류협력 각서를 체결했다. 체결식은 지난 8일 후쿠오카현청에서 열렸다.")
    assert "후쿠오카현청" not in {e.name for e in result.entities if e.type == "ORG"}
    assert [a.venue for a in result.agreements] == ["후쿠오카현청"]


@pytest.mark.parametrize("last", ["누리배터리다", "누리배터리이다"])
def test_the_partners_a_copula_lists_after_a_signing_with_others_sign_it(extract, last, signed):
    result = extract("가람시가 한빛전자 등 3개사와 1000억원 규모의 투자 양해각서를 체결했다. "
                     f"협약 기업은 한빛전자, 가온모터스, {last}.")
    assert signed(result) == [["가람시", "가온모터스", "누리배터리", "한빛전자"]]


def test_partners_signed_one_after_another_are_separate_agreements(extract, signed):
    result = extract("한빛전자는 이날 가온모터스, 누리배터리와 잇따라 업무협약을 맺었다.")
    assert signed(result) == [["가온모터스", "한빛전자"], ["누리배터리", "한빛전자"]]


def test_a_countrys_armed_service_is_an_organisation_that_signs(extract, signed):
    result = extract("한빛중공업은 필리핀 해군과 3000억원 규모의 초계함 2척 건조 계약을 체결했다.")
    assert signed(result) == [["필리핀 해군", "한빛중공업"]]


_MISSION = ("가람시는 지난 3~7일 베트남 하노이와 박닌성에 경제협력 사절단을 파견해 모두 4건의 업무협약을 체결했다고 9일 "
            "밝혔다. 주요 협약은 ▲가람시-박닌성 인민위원회 경제교류 협력 ▲가람상공회의소-베트남상공회의소 기업 교류 "
            "▲가람대-하노이국립대 학술교류 ▲가람산업진흥원-박닌성 산업단지관리위원회 투자 협력 등이다.")


def test_a_missions_listed_signings_are_its_agreements_undated_within_a_visit_of_several_days(extract):
    assert _all_agreements(extract(_MISSION)) == [
        ("mou", "signed", ["가람대", "하노이국립대"], None),
        ("mou", "signed", ["가람산업진흥원", "박닌성 산업단지관리위원회"], None),
        ("mou", "signed", ["가람상공회의소", "베트남상공회의소"], None),
        ("mou", "signed", ["가람시", "박닌성 인민위원회"], None),
    ]


def test_places_a_mission_visits_are_not_its_partners(extract):
    result = extract("가람시는 베트남 하노이와 박닌성에 경제협력 사절단을 파견해 업무협약을 체결했다.")
    assert not any("하노이" in [p.name for p in a.parties] for a in result.agreements), result.agreements


def test_a_ceremony_read_with_its_bound_noun_is_no_venue(extract):
    # 투자협약식에서: 투자협약/NNG 식/NNB
    result = extract("13일 가람시청 접견실에서 열린 투자협약식에서 정하윤 가람시장과 김태양 한빛전자 대표가 협약서에 서명했다.",
                     title="가람시-한빛전자 투자협약")
    assert [a.venue for a in result.agreements] == ["가람시청 접견실"]


@pytest.mark.parametrize("sentence, fund", [
    ("이 사업에는 창저우산업투자펀드가 500억원을 출자했다.", "창저우산업투자펀드"),
    ("이 사업에는 무바달라투자펀드도 참여했다.", "무바달라투자펀드"),
])
def test_a_named_fund_is_an_organisation(extract, sentence, fund):
    assert fund in {e.name for e in extract(sentence).entities if e.type == "ORG"}


def test_a_kind_of_fund_is_no_organisation(extract):
    orgs = {e.name for e in extract("정부는 모태펀드와 국부펀드 운용 계획을 발표했다.").entities if e.type == "ORG"}
    assert not orgs & {"모태펀드", "국부펀드"}, orgs


@pytest.mark.parametrize("sentence, person", [
    ("가온모터스 최고경영자(CEO)인 존 스미스는 인사말을 했다.", ("존 스미스", "최고경영자", "가온모터스")),
    ("한빛전자 대표인 김민준 씨는 인사말을 했다.", ("김민준", "대표", "한빛전자")),
])
def test_a_name_after_a_title_and_the_copula_is_that_titles_holder(extract, sentence, person):
    people = _people(extract(sentence))
    assert person in people, people


def test_a_title_and_the_copula_before_a_company_names_no_person(extract):
    assert not _people(extract("협약 당사자인 한빛전자는 설비를 증설한다."))


def test_stationed_in_korea_written_apart_is_part_of_the_diplomats_title(extract):
    people = _people(extract("이날 행사에는 필립 골드버그 주한 미국대사가 참석했다."))
    assert [(name, title) for name, title, _ in people] == [("필립 골드버그", "대사")], people


def test_a_mayors_fused_title_with_its_particle_and_a_japanese_mayors_two_part_name(extract):
    # 나래시장과/NNP: the title and the particle read as one name; 나오토 looks like a Korean name, but
    # no company employs a mayor
    people = _people(extract("나래시는 지난 20일 도요하시시청에서 김나래 나래시장과 나가사카 나오토 도요하시시장이 "
                             "참석한 가운데 우호도시 협정 체결식을 가졌다."))
    assert {name for name, _, _ in people} == {"김나래", "나가사카 나오토"}, people


def test_a_citys_ties_held_now_are_one_per_city_and_undated(extract):
    result = extract("나래시는 지난 20일 도요하시시와 우호도시 협정을 체결했다. 한편 나래시는 현재 중국 웨이팡시, "
                     "미국 어바인시 등 5개국 7개 도시와 자매·우호도시 관계를 맺고 있다.")
    assert _all_agreements(result) == [
        ("sister_city", "signed", ["나래시", "도요하시시"], "2024-06-20"),
        ("sister_city", "signed", ["나래시", "어바인시"], None),
        ("sister_city", "signed", ["나래시", "웨이팡시"], None),
    ]


def _places(result):
    return {e.name for e in result.entities if e.type == "LOC"}


def test_an_unknown_name_before_located_in_is_a_place_in_any_sentence(extract):
    result = extract("경제사절단은 11일 테네시주 네슈빌 소재 호텔에서 투자유치 설명회를 열었다.")
    assert "네슈빌" in _places(result)


def test_material_is_not_located_in(extract):
    # 소재 "material" takes its own particle
    assert "한국산" not in _places(extract("북미 셀 업체들이 한국산 소재를 찾고 있다."))


def test_a_venue_named_in_latin_letters_is_a_place(extract):
    result = extract("경제사절단은 11일 현지 Omni Nashville Hotel에서 투자유치 설명회를 열었다.")
    assert "Omni Nashville Hotel" in _places(result)


@pytest.mark.parametrize("text, value", [
    ("USD 50 million 규모의 투자", "5e7 USD"),
    ("$1.2 billion 규모", "1.2e9 USD"),
    ("US$ 300만을 투자한다", "3e6 USD"),
])
def test_dollars_written_the_latin_way_are_amounts(text, value):
    from streams.extraction.money import amounts
    assert [v for *_, v in amounts(text)] == [value]


def test_a_korean_name_with_a_bare_mayors_title_signs_for_the_city_the_article_is_about(extract, signed):
    result = extract("나래시 대표단은 지난 10일 중국 옌청시를 방문했다. 이날 김도윤 시장과 천민얼 옌청시장이 "
                     "우호교류 협약서에 서명했다.")
    assert signed(result) == [["나래시", "옌청시"]]


def test_a_convention_is_an_event_not_the_venue(extract):
    result = extract("인천경제자유구역청은 미국 보스턴에서 열린 '바이오 인터내셔널 컨벤션'에서 현지 기업 젠바이오텍과 "
                     "투자유치 업무협약을 체결했다.")
    assert [a.venue for a in result.agreements] == ["미국 보스턴"]
    assert "바이오 인터내셔널 컨벤션" not in _places(result)


def test_an_unknown_name_right_after_a_company_noun_is_a_company(extract):
    result = extract("가람전자는 이날 반도체 기업 론스타세미와 공동개발을 논의했다.")
    assert "론스타세미" in {e.name for e in result.entities if e.type == "ORG"}


def test_a_common_noun_after_a_company_noun_is_no_company(extract):
    result = extract("정부는 중소기업 수출촉진을 위해 육성자금을 융자한다.")
    assert not {e.name for e in result.entities if e.type == "ORG"}


def test_the_reporters_name_in_brackets_at_the_end_is_a_person(extract):
    result = extract("가람시와 한빛전자는 투자협약을 체결했다. 한빛전자는 공장을 짓는다... [박용주]")
    assert "박용주" in {e.name for e in result.entities if e.type == "PERSON"}


def test_a_photo_credited_to_a_city_names_no_person(extract):
    result = extract("가람시와 한빛전자는 투자협약을 체결했다. (사진=양주시)")
    assert not {e.name for e in result.entities if e.type == "PERSON"}


def test_partners_listed_line_by_line_after_a_signing_with_unnamed_others_sign_it_on_their_days(extract):
    result = extract("충청북도는 이달 들어 기업 3곳과 잇따라 투자협약을 맺었다고 28일 밝혔다.\n"
                     "- 한빛정밀: 가람일반산단에 300억원 투자 (협약일 6월 5일)\n"
                     "- 가온소재: 누리산단에 450억원 투자 (협약일 6월 12일)\n"
                     "도는 협약 기업에 행정 지원을 아끼지 않을 계획이다.")
    assert _all_agreements(result) == [
        ("mou", "signed", ["가온소재", "충청북도"], "2024-06-12"),
        ("mou", "signed", ["충청북도", "한빛정밀"], "2024-06-05"),
    ]


def test_a_line_heading_with_no_signing_before_it_signs_nothing(extract):
    result = extract("충청북도는 지역 기업 현황을 발표했다.\n- 한빛정밀: 가람일반산단에 300억원 투자\n")
    assert not result.agreements


def test_documents_listed_after_white_triangles_are_agreements_of_their_pairs(extract, signed):
    result = extract("가람시는 베트남 하노이에서 모두 3건의 업무협약을 체결했다고 9일 밝혔다. 협약은 △가람시-하노이시 "
                     "인민위원회 행정교류 △가람상공회의소-하노이상공회의소 기업 교류 △가람대-하노이국립대 학술교류 등이다.")
    assert signed(result) == [["가람대", "하노이국립대"], ["가람상공회의소", "하노이상공회의소"],
                                       ["가람시", "하노이시 인민위원회"]]


def test_a_chinese_new_area_is_a_place_that_signs(extract, signed):
    result = extract("서울 마포구는 중국 상하이시 푸둥신구와 우호교류 양해각서를 체결했다.")
    assert "푸둥신구" in _places(result)
    assert signed(result) == [["마포구", "푸둥신구"]]


def test_a_state_before_its_premiers_title_is_not_part_of_the_name(extract):
    people = _people(extract("협약식에는 부펜드라 파텔 구자라트주 총리와 이정훈 가온에너지 대표가 참석했다."))
    assert not any("구자라트주" in name for name, _, _ in people), people
