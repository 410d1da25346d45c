"""Rules added in extractor 0.14.0, on sentences written for these tests (invented names)."""

import pytest


def _orgs(result):
    return {e.name for e in result.entities if e.type == "ORG"}


@pytest.mark.parametrize("sentence, words", [
    # Kiwi reads 수소에너지 and 바이오에너지 as proper nouns; the list after them had become companies
    ("한빛연구원은 서울기술거래소와 협력하여 수소에너지, 바이오에너지, 마이크로그리드, 업사이클링 등을 비롯한 "
     "친환경산업 상담회를 열기로 했다.", {"수소에너지", "바이오에너지", "마이크로그리드", "업사이클링"}),
    ("솔빛그룹은 국유기업과 벤처캐피털 기관을 유치했다.", {"벤처캐피털"}),  # 벤처/NNG 캐피털/NNP: a kind of business
    ("양측은 서울시 전략산업 글로벌 기업 유치에 협력한다.", {"전략산업"}),  # 전략산업/NNP: strategic industries
    ("가람시는 전북 특장차산업 클러스터 구축에 나선다.", {"특장차산업"}),  # 특장차/NNP 산업/NNG: a field's industry
])
def test_a_field_or_a_kind_of_business_before_a_company_word_is_no_company(extract, sentence, words):
    orgs = _orgs(extract(sentence))
    assert not orgs & words, orgs


@pytest.mark.parametrize("company", ["한빛에너지", "바이오랩스", "가온캐피털", "제룡산업"])
def test_a_name_before_a_company_word_still_is_a_company(extract, company):
    # (바이오 is a field, but 랩스 is no field: 바이오랩스 is a name)
    assert company in _orgs(extract(f"누리전자는 {company}와 함께 신제품을 개발한다."))


@pytest.mark.parametrize("text, expected", [
    ("충청북도는 베트남 빈푹성과 농업 분야 협력에 관한 양해각서를 체결했다. 협약은 지난 10일 청주 도청 대회의실에서 진행됐다.",
     ("mou", ["빈푹성", "충청북도"], "2024-06-10", "청주 도청 대회의실")),
    # (서명 reads as a signing of its own, with no parties)
    ("한빛정밀은 일본 미쓰비시상사와 합작법인 설립 계약을 체결했다고 8일 공시했다. 합작법인 지분은 한빛정밀이 60%를 갖는다. "
     "계약 서명은 지난 7일 도쿄 미쓰비시상사 본사에서 이뤄졌다.",
     ("contract", ["미쓰비시상사", "한빛정밀"], "2024-06-07", "도쿄 미쓰비시상사 본사")),
    ("한빛중공업은 인도 국영 조선사인 코친조선소와 선박 건조 협력을 위한 양해각서를 맺었다고 21일 밝혔다. "
     "이번 협약은 지난 20일 뭄바이에서 열린 해양 주간 행사에서 체결됐다.",
     ("mou", ["코친조선소", "한빛중공업"], "2024-06-20", "뭄바이")),
    # (the subject's signing told again, with no partner named)
    ("충주시가 중국 산둥성 웨이하이시와 자매결연을 맺었다. 충주시는 지난 16일 웨이하이시 인민정부 청사에서 자매결연 "
     "협정 체결식을 갖고 관광 분야 교류에 합의했다고 18일 밝혔다.",
     ("sister_city", ["웨이하이시", "충주시"], "2024-06-16", "웨이하이시 인민정부 청사")),
])
def test_the_signing_held_in_a_later_sentence_gives_its_date_and_venue(extract, text, expected, signings):
    assert signings(extract(text)) == [expected]


def test_an_agreement_that_is_carried_out_later_is_not_its_signing_held(extract, signings):
    result = extract("충청북도는 베트남 빈푹성과 농업 분야 협력에 관한 양해각서를 체결했다. "
                     "협약은 다음 달 10일부터 2년간 진행된다.")
    assert signings(result) == [("mou", ["빈푹성", "충청북도"], None, None)]


def test_an_unknown_county_with_its_head_in_parentheses_is_a_place(extract, signed):
    # 가람/NNP 군/NNB ( …: Kiwi's honorific 군, then the parenthesis
    result = extract("가람군(군수 김도윤)은 지난 15일 중국 옌청시와 우호교류 의향서를 체결했다.")
    assert signed(result) == [["가람군", "옌청시"]]
    person = next(e for e in result.entities if e.type == "PERSON")
    assert (person.name, person.title, person.affiliation) == ("김도윤", "군수", "가람군")


@pytest.mark.parametrize("earlier", [
    "앞서 도는 지난해 텍사스주와 에너지 분야 MOU를 체결한 바 있다.",
    "도는 지난해 텍사스주와 에너지 분야 MOU를 체결했다.",
    "앞서 도는 텍사스주와 에너지 분야 MOU를 체결했다.",
    "도는 텍사스주와 에너지 분야 MOU를 체결한 바 있다.",
])
def test_an_earlier_signing_does_not_take_the_date_of_the_one_before_it(extract, earlier):
    result = extract("경상남도는 11일 애틀랜타에서 미국 조지아주와 수소산업 협력 양해각서에 서명했다. " + earlier)
    dates = {tuple(p.name for p in a.parties)[-1]: a.signed_on for a in result.agreements}
    assert dates == {"조지아주": "2024-06-11", "텍사스주": None}, dates


def test_last_year_keeps_an_undated_signing_apart_from_this_years(extract):
    # the same two parties, signed last year and again now: two agreements
    result = extract("가람시는 지난해 누리시와 관광 분야 업무협약을 맺었다. "
                     "가람시는 21일 누리시와 관광 분야 업무협약을 다시 맺었다.")
    assert len(result.agreements) == 2


@pytest.mark.parametrize("pair", ["두 지자체는", "양 지자체는", "두 자치단체는", "양 시는"])
def test_the_two_local_governments_just_named_sign_together(extract, pair):
    result = extract(f"미르시는 일본 사가현과 경제교류 협정을 맺었다고 5일 밝혔다. {pair} 2015년 우호교류 의향서를 교환했다.")
    assert sorted((a.kind, sorted(p.name for p in a.parties)) for a in result.agreements) == [
        ("agreement", ["미르시", "사가현"]), ("loi", ["미르시", "사가현"])]


def test_a_party_named_by_its_alias_in_the_next_sentence_is_the_same_agreement(extract, signings):
    result = extract("부산항만공사(BPA)는 네덜란드 로테르담항만공사와 스마트항만 업무협약(MOU)을 체결했다고 밝혔다. "
                     "강준석 BPA 사장과 부드베인 시베르스 로테르담항만공사 사장은 지난 12일(현지시간) 로테르담에서 "
                     "협약서에 서명했다.")
    assert signings(result) == [("mou", ["로테르담항만공사", "부산항만공사"], "2024-06-12", "로테르담")]


def test_both_sides_after_a_visit_are_the_visitor_and_the_visited(extract, signings):
    result = extract("중국 광시좡족자치구 대표단이 16일 전라남도를 방문해 농업 분야 협력 방안을 논의했다. "
                     "양측은 이날 우호교류 협력 강화를 위한 의향서에 서명했다.")
    assert signings(result) == [("loi", ["광시좡족자치구", "전라남도"], "2024-06-16", None)]


def test_a_mayor_named_again_heads_the_city_an_earlier_mention_gave_them(extract, signings):
    # the second city named (콜럼버스시) had become the signer for both mayors
    result = extract("누리시(시장 정하윤)는 미국 오하이오주 콜럼버스시와 경제협력 양해각서를 체결했다고 14일 밝혔다. "
                     "정하윤 시장은 지난 12일(현지 시각) 콜럼버스 시청에서 앤드루 진서 콜럼버스 시장과 협약서에 서명했다.")
    assert signings(result) == [("mou", ["누리시", "콜럼버스시"], "2024-06-12", "콜럼버스 시청")]
    assert not _orgs(result)


def test_an_unknown_word_between_a_name_and_a_mayors_title_is_a_place(extract):
    result = extract("앤드루 진서 콜럼버스 시장은 이날 누리시를 찾았다.")
    assert "콜럼버스" not in _orgs(result)
    person = next(e for e in result.entities if e.type == "PERSON")
    assert (person.name, person.title, person.affiliation) == ("앤드루 진서", "시장", "콜럼버스")


def test_two_signers_with_bodies_not_named_are_no_pair(extract):
    result = extract("경상북도와 구미시는 20일 대만 타이베이에서 반도체 장비 기업 3곳과 투자 양해각서를 체결했다.")
    assert result.agreements == ()


def test_two_signers_with_bodies_named_in_the_next_sentence_sign_with_them(extract, signed):
    result = extract("경상북도와 구미시는 20일 대만 타이베이에서 반도체 장비 기업 3곳과 투자 양해각서를 체결했다. "
                     "협약 기업은 윈텍, 포모사테크, 한빛칩스다.")
    assert signed(result) == [["경상북도", "구미시", "윈텍", "포모사테크", "한빛칩스"]]


def _people(result):
    return {(e.name, e.title, e.affiliation) for e in result.entities if e.type == "PERSON"}


def test_a_one_syllable_word_before_the_employer_is_part_of_the_name(extract):
    result = extract("협약식에는 팜 떤 꽁 VCCI 회장이 참석했다.")
    assert ("팜 떤 꽁", "회장", "VCCI") in _people(result)


def test_the_trade_associations_short_name_is_its_employer(extract):
    result = extract("협약식에는 윤진식 무협 회장이 참석했다.")
    assert ("윤진식", "회장", "무협") in _people(result)


def test_a_company_known_only_as_a_signer_is_the_topic_of_the_next_signing(extract, signed):
    # (누리에너지 is read as a party only for its slot; "회사는" then stood for nobody)
    result = extract("누리에너지는 호주 퀸즐랜드주 정부와 그린수소 협약을 체결했다고 2일 밝혔다. "
                     "앞서 회사는 지난달 28일 브리즈번에서 퀸즐랜드주 산하 에너지공기업 스탠웰과 공동개발협약(JDA)을 맺었다.")
    assert signed(result) == [["누리에너지", "스탠웰"], ["누리에너지", "퀸즐랜드주 정부"]]


def test_a_field_alone_is_no_organisation(extract):
    result = extract("미르테크, 다온소프트, 가온AI 등 3개사는 업무협약을 체결했다.", title="미르테크·다온소프트·가온AI, AI 데이터 동맹")
    assert _orgs(result) == {"미르테크", "다온소프트", "가온AI"}


def test_a_friendship_agreement_named_after_its_verb_between_cities_is_a_city_tie(extract):
    result = extract("울산시와 함부르크시는 2019년 체결한 우호협력 협약을 바탕으로 수소 항만 분야로 협력을 넓히기로 했다.")
    assert [(a.kind, a.status) for a in result.agreements] == [("sister_city", "signed")]


def test_a_short_name_with_its_country_before_it_still_joins_the_full_name(extract):
    result = extract("가람테크노파크는 반둥공과대학과 MOU를 체결했다.", title="가람테크노파크, 인도네시아 반둥공대와 기술협력")
    assert _orgs(result) == {"가람테크노파크", "반둥공과대학"}


@pytest.mark.parametrize("ceremony", ["'소상공인 특별보증 협약식'을 가졌다", "“특별보증 협약식”을 가졌다"])
def test_a_quoted_ceremony_held_is_a_signing(extract, ceremony, signings):
    result = extract(f"가람시는 21일 시청 대회의실에서 누리은행과 {ceremony}.")
    assert signings(result) == [("mou", ["가람시", "누리은행"], "2024-06-21", "시청 대회의실")]


def test_a_listed_company_is_named_without_its_description(extract, signed):
    result = extract("코스닥 상장사 누리텍은 일본 미르세미컨덕터와 이미지센서 부품 공급계약을 맺었다고 18일 공시했다.")
    assert signed(result) == [["누리텍", "미르세미컨덕터"]]


def test_a_governor_heads_one_place_and_the_proper_noun_before_it_is_in_the_name(extract):
    result = extract("사무엘 가르시아 누에보레온 주지사는 가온전자의 투자를 환영한다고 말했다.")
    assert ("사무엘 가르시아", "주지사", "누에보레온") in _people(result)


def test_a_mayors_title_fused_with_a_city_the_article_names_is_that_citys(extract, signings):
    # 세부시장: Kiwi reads one proper noun, and 세부 is no known place
    result = extract("가람시가 필리핀 세부시와 관광교류 업무협약(MOU)을 체결했다. 가람시는 지난 8일 세부시청에서 "
                     "마이클 라마 세부시장과 협약을 맺고 관광 상품 공동 개발에 합의했다고 10일 밝혔다.")
    assert signings(result) == [("mou", ["가람시", "세부시"], "2024-06-08", "세부시청")]
    assert ("마이클 라마", "시장", "세부시") in _people(result)


def test_a_governor_named_without_the_province_is_the_partner_of_a_later_sentence(extract, signed):
    # (the province stood where it was named, in the sentence before, and fell out of the clause)
    result = extract("가람도는 투자 유치에 나섰다. 누리전자는 이날 홍길동 지사와 투자협약을 맺었다.")
    assert signed(result) == [["가람도", "누리전자"]]


@pytest.mark.parametrize("short, full", [("한빛銀", "한빛은행"), ("가온重", "가온중공업"), ("미르證", "미르증권")])
def test_a_headlines_hanja_ending_is_the_companys_short_form(extract, short, full):
    result = extract(f"{full}은 몽골 칸은행과 외환 결제망 연계를 위한 업무협약을 맺었다고 15일 밝혔다.",
                     title=f"{short}, 몽골 칸은행과 협약")
    assert [sorted(p.name for p in a.parties) for a in result.agreements] == [sorted([full, "칸은행"])]
    assert short not in _orgs(result) and full in _orgs(result)


def test_partners_listed_each_after_its_own_year_are_separate_agreements(extract, signed):
    result = extract("한빛은행은 지난 2022년 카자흐스탄 할릭은행, 2023년 우즈베키스탄 타슈켄트은행과도 같은 협약을 맺은 바 있다.")
    assert signed(result) == [["타슈켄트은행", "한빛은행"], ["한빛은행", "할릭은행"]]


def test_partners_listed_each_after_its_own_day_are_dated_by_it(extract, signings):
    result = extract("가람군이 베트남 중부 지역 3개 성과 잇따라 업무협약을 체결했다. 군은 지난 5일 꽝남성, 6일 다낭시, "
                     "7일 후에시와 각각 농업 기술 교류 협약을 맺었다고 10일 밝혔다.", title="가람군, 베트남 3개 성과 잇따라 MOU")
    assert signings(result) == [("mou", ["가람군", "꽝남성"], "2024-06-05", None),
                                   ("mou", ["가람군", "다낭시"], "2024-06-06", None),
                                   ("mou", ["가람군", "후에시"], "2024-06-07", None)]


@pytest.mark.parametrize("sentence, statuses", [
    ("가람시는 누리시와 MOU를 체결하고자 했으나 무산됐다.", []),
    ("가람시는 누리시와 MOU를 체결하고자 노력했다.", ["planned"]),
    ("가람시는 누리시와 MOU를 맺고자 한다.", ["planned"]),
])
def test_a_signing_aimed_at_is_not_signed(extract, sentence, statuses):
    assert [a.status for a in extract(sentence).agreements] == statuses


def test_a_general_bureau_is_an_organisation(extract, signed):
    result = extract("같은 날 한국광해광업공단과 베트남 광물지질총국도 기술협력 MOU를 맺었다.")
    assert signed(result) == [["베트남 광물지질총국", "한국광해광업공단"]]


def test_a_headlines_hanja_country_before_a_body_is_the_country(extract):
    result = extract("한국 산업통상자원부와 중국 상무부는 20일 베이징에서 수출통제 대화 채널을 신설하는 합의서에 서명했다.",
                     title="中 상무부-韓 산업부, 수출통제 대화채널 신설 합의")
    assert _orgs(result) == {"중국 상무부", "산업통상자원부"}


def test_a_venue_near_a_place_is_two_places(extract):
    result = extract("KOTRA는 미국 투자유치기관 SelectUSA와 MOU를 체결했다. 협약식은 4일(현지시간) 워싱턴DC 인근 "
                     "내셔널하버에서 열린 투자서밋 현장에서 진행됐다.")
    assert {"워싱턴DC", "내셔널하버"} <= {e.name for e in result.entities if e.type == "LOC"}
    assert not any("인근" in e.name for e in result.entities)


def test_a_venue_located_in_a_city_is_the_venue_and_the_city_a_place(extract, signings):
    result = extract("가람시는 11일(현지시간) 테네시주 내슈빌 소재 Omni Nashville Hotel에서 현지 기업 누리텍과 투자협약을 맺었다.")
    assert signings(result) == [("mou", ["가람시", "누리텍"], "2024-06-11", "Omni Nashville Hotel")]
    assert {"내슈빌", "Omni Nashville Hotel"} <= {e.name for e in result.entities if e.type == "LOC"}


@pytest.mark.parametrize("written", ["워싱턴D.C.", "워싱턴DC"])
def test_washington_dc_is_a_place(extract, written):
    result = extract(f"가람시는 {written}에서 한인회 신년하례식에 참석했다.")
    assert written in {e.name for e in result.entities if e.type == "LOC"}


@pytest.mark.parametrize("sentence, company", [
    ("비영리 바이오 창업지원기관인 랩센트럴이 상징적 시설이다.", "랩센트럴"),
    ("반도체 장비 기업인 론스타세미는 공장을 짓는다.", "론스타세미"),
    ("현지 업체인 텍솔루션과 협력한다.", "텍솔루션"),
])
def test_an_unknown_name_after_which_is_a_company_is_one(extract, sentence, company):
    assert company in _orgs(extract(sentence))


def test_a_place_after_which_is_a_company_stays_a_place(extract):
    result = extract("주요 거점 기관인 서울에 사무소를 둔다.")
    assert "서울" not in _orgs(result)


def test_the_names_a_copula_lists_after_the_companies_are_organisations(extract):
    result = extract("협약 기업은 윈텍, 포모사테크, 하이칩이다. 참여 업체는 누리소재, 한빛정밀 등이다. "
                     "참여 기업은 반도체, 배터리 기업이다.")
    assert _orgs(result) == {"윈텍", "포모사테크", "하이칩", "누리소재", "한빛정밀"}


def test_a_delegation_led_by_a_person_signs_for_the_persons_body(extract, signings):
    result = extract("왕하이펑(王海峰) 옌청시 당서기가 이끄는 대표단이 12일 가람시를 방문해 경제 협력 방안을 논의했다. "
                     "양측은 이날 시청 회의실에서 신에너지 산업 협력을 위한 양해각서를 교환했다.")
    assert signings(result) == [("mou", ["가람시", "옌청시"], "2024-06-12", "시청 회의실")]


def test_a_long_foreign_given_name_is_part_of_the_name(extract):
    result = extract("협약식에는 미에치스와프 스트루크 주지사가 참석했다.")
    assert ("미에치스와프 스트루크", "주지사", None) in _people(result)
