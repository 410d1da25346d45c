"""Rules added in extractor 0.9.0, on sentences written for these tests (invented names)."""


def _signed(result):
    return sorted(sorted(p.name for p in a.parties) for a in result.agreements if a.status == "signed")


def test_a_title_with_no_name_signs_for_the_place_before_it(extract):
    result = extract("김해시장과 베트남 다온시 인민위원장은 우호협력 의향서에 서명했다.")
    assert _signed(result) == [["김해시", "다온시"]]
    assert [a.kind for a in result.agreements] == ["loi"]


def test_a_mayor_written_apart_from_the_city_signs_for_it(extract):
    result = extract("김해시장은 다온시 시장과 우호협력 의향서에 서명했다.")
    assert _signed(result) == [["김해시", "다온시"]]


def test_a_minister_written_apart_from_the_ministry_is_not_made_a_party_by_that_rule(extract):
    # only a place is taken from right before a bare title: a ministry's minister at a ceremony
    # is usually an attendee listed after the signing was reported
    result = extract("체결식에는 가람 측에서 누리부 장관이 참석했다.")
    assert _signed(result) == []


def test_a_passive_signing_between_two_parties_with_sai(extract):
    result = extract("이번 협약은 가람도와 누리바이오 사이에 체결됐으며 총 500억원 규모의 투자가 포함됐다.")
    assert _signed(result) == [["가람도", "누리바이오"]]


def test_sai_as_relationship_is_no_signing(extract):
    assert extract("두 도시 사이의 교류는 활발하다.").agreements == ()


def test_a_renewed_agreement_is_signed(extract):
    result = extract("가람도는 중국 하이난성과 지난 2일 우호교류 협약을 갱신했다.")
    assert _signed(result) == [["가람도", "하이난성"]]
    assert result.agreements[0].signed_on is not None


def test_a_renewal_being_pursued_is_planned(extract):
    result = extract("가람도는 하이난성과의 협약 갱신을 추진하고 있다.")
    assert [a.status for a in result.agreements] == ["planned"]


def test_a_province_and_its_governor_under_the_short_name_are_one_party(extract):
    result = extract("경상북도는 18일 도청에서 이철우 경북도지사와 쉬쿤린 장쑤성 성장이 참석한 가운데 "
                     "이차전지 협력 양해각서를 체결했다.\n이 지사는 \"경북 산업의 전기가 될 것\"이라고 말했다.")
    assert _signed(result) == [["경상북도", "장쑤성"]]


def test_a_ministry_fused_with_jang_is_a_chinese_ministers_title():
    from streams.extraction import rules
    from streams.extraction.entities import classify
    from streams.extraction.words import Word

    data = rules.load()
    assert classify(Word(start=0, end=4, noun="상무부장"), data) == "T"


def test_sojae_after_a_place_means_based_in_not_materials(extract):
    result = extract("가람시는 미국 애틀랜타 소재 바이오 기업 누리랩스와 투자협약을 체결했다.")
    assert result.agreements[0].sectors == ("바이오",)


def test_sojae_as_materials_is_a_sector(extract):
    result = extract("가람시는 배터리 소재 기업 누리켐과 투자협약을 체결했다.")
    assert "소재" in result.agreements[0].sectors


def test_hyeobui_as_the_object_of_a_signing_is_an_agreement(extract):
    result = extract("중국 광둥성 선전시 정부는 지난 10일 가람그룹과 스마트시티 협력 기본협의를 체결했다.")
    assert [(a.kind, sorted(p.name for p in a.parties)) for a in result.agreements] == [
        ("agreement", ["가람그룹", "선전시 정부"])]


def test_hyeobuiseo_is_an_agreement_document(extract):
    result = extract("가람시와 다온시는 관광 협력 협의서에 서명했다.")
    assert [a.kind for a in result.agreements] == ["agreement"]


def test_hyeobui_as_a_consultation_does_not_name_the_kind(extract):
    result = extract("가람시는 누리시와 오랜 협의를 거쳐 공급 계약을 맺었다.")
    assert [a.kind for a in result.agreements] == ["contract"]


def test_common_nouns_with_an_acronym_after_a_country_are_a_body(extract):
    result = extract("가람보험공사는 사우디아라비아 국부펀드(PIF)와 금융 협력 MOU를 체결했다.")
    assert _signed(result) == [["가람보험공사", "사우디아라비아 국부펀드"]]


def test_common_nouns_with_an_acronym_alone_are_no_party(extract):
    assert extract("가람시는 인공지능(AI)과 관련한 협약을 체결했다.").agreements == ()


def test_a_chinese_city_known_without_si_is_read_with_si(extract):
    # the gazetteer lists 싼야; Kiwi then cut 싼야시와 into 싼야 + 시와
    result = extract("중국 하이난성 싼야시와 가람시는 관광 협력 협약을 체결했다.")
    assert _signed(result) == [["가람시", "싼야시"]]


def _people(result):
    return {e.name: e for e in result.entities if e.type == "PERSON"}


def test_a_japanese_given_name_ending_in_si_is_no_city(extract):
    result = extract("가람화학 김민수 부회장과 미르케미칼 사토 다케시 사장은 합작사 설립 합의서에 서명했다.")
    person = _people(result)["사토 다케시"]
    assert (person.title, person.affiliation) == ("사장", "미르케미칼")
    assert _signed(result) == [["가람화학", "미르케미칼"]]
    assert "다케시" not in {e.name for e in result.entities if e.type == "LOC"}


def test_a_city_before_a_mayors_title_stays_the_city(extract):
    result = extract("프레드 정 다온시 시장은 가람시와 협약을 체결했다.")
    assert _people(result)["프레드 정"].affiliation == "다온시"


def test_a_foreign_leader_named_with_the_country_and_a_state_title(extract):
    result = extract("이날 서명식에는 트럼프 미국 대통령과 가람시 관계자들이 참석했다.")
    assert (_people(result)["트럼프"].title, _people(result)["트럼프"].affiliation) == ("대통령", "미국")


def test_a_company_before_a_country_and_a_plain_title_is_no_person(extract):
    result = extract("가람전자 미국 대표는 협력을 강조했다.")
    assert _people(result) == {}


def test_a_date_written_month_dot_day_with_the_weekday(extract):
    result = extract("가람시는 6.10(화) 누리전자와 협약을 체결했다.", published_at="2025-06-16")
    assert result.agreements[0].signed_on == "2025-06-10"


def test_a_decimal_before_a_parenthesis_is_no_date(extract):
    result = extract("성장률은 3.5(%)였다. 가람시는 누리전자와 협약을 체결했다.", published_at="2025-06-16")
    assert result.agreements[0].signed_on is None


def test_a_time_of_day_is_not_part_of_the_venue(extract):
    result = extract("가람시는 지난 13일 오후 시청 대회의실에서 누리전자와 투자협약식을 가졌다.")
    assert result.agreements[0].venue == "시청 대회의실"


def test_the_ceremony_after_an_undated_signing_dates_it(extract):
    result = extract("가람시는 누리전자와 투자협약을 체결했다고 16일 밝혔다.\n협약식은 15일 시청에서 열렸다.",
                     published_at="2025-06-16")
    assert [(a.signed_on, a.venue) for a in result.agreements] == [("2025-06-15", "시청")]


def test_a_ceremony_still_ahead_dates_nothing(extract):
    result = extract("가람시는 누리전자와 투자협약을 체결했다고 16일 밝혔다. 협약식은 20일 열릴 예정이다.",
                     published_at="2025-06-16")
    assert result.agreements[0].signed_on is None


def test_an_attempt_reported_as_not_done_is_no_signing(extract):
    assert extract("가람시는 누리전자와 협약을 체결하려 했으나 무산됐다.").agreements == ()
    assert extract("가람시는 누리전자와 협약을 체결하려다 보류했다.").agreements == ()


def test_agreeing_to_sign_is_planned(extract):
    result = extract("가람시는 누리전자와 협약 체결에 합의했다.")
    assert [a.status for a in result.agreements] == ["planned"]


def test_agreeing_to_sign_and_signing_is_signed(extract):
    result = extract("가람시는 누리전자와 MOU 체결에 합의하고 협약서에 서명했다.")
    assert [a.status for a in result.agreements] == ["signed"]


def test_an_amount_in_parentheses_is_no_other_name_of_the_party(extract):
    result = extract("가람시는 누리전자(500억원), 미르소재(300억원)와 각각 투자협약을 체결했다.")
    assert _signed(result) == [["가람시", "누리전자"], ["가람시", "미르소재"]]


def test_each_partner_with_its_own_document_is_its_own_agreement(extract):
    result = extract("가람시는 누리전자와 MOU를, 미르소재와는 공급계약을 맺었다.")
    assert sorted((a.kind, sorted(p.name for p in a.parties)) for a in result.agreements) == [
        ("contract", ["가람시", "미르소재"]), ("mou", ["가람시", "누리전자"])]


def test_a_genitive_place_before_each_listed_partner_keeps_the_list(extract):
    result = extract("가람시는 미국의 누리테크, 일본의 미르전자와 각각 협약을 체결했다.")
    assert _signed(result) == [["가람시", "누리테크"], ["가람시", "미르전자"]]


def test_an_embassy_is_an_organisation_and_its_diplomat_a_person(extract):
    result = extract("이 자리에는 주한중국대사관 싱하이밍 대사가 참석했다.")
    assert "주한중국대사관" in {e.name for e in result.entities if e.type == "ORG"}
    assert (_people(result)["싱하이밍"].title, _people(result)["싱하이밍"].affiliation) == ("대사", "주한중국대사관")


def test_a_given_name_and_a_family_name_of_one_syllable(extract):
    result = extract("이 자리에는 가람상공회의소 제임스 김 회장이 참석했다.")
    assert _people(result)["제임스 김"].title == "회장"


def test_a_bare_venue_word_keeps_the_name_before_it(extract):
    result = extract("가람시는 미국 캘리포니아주 샌디에이고 카운티를 방문했다.")
    assert "샌디에이고 카운티" in {e.name for e in result.entities if e.type == "LOC"}


def test_a_body_with_an_acronym_after_a_county_is_named_with_the_county(extract):
    result = extract("미국 캘리포니아주 샌디에이고 카운티 경제개발공사(EDC)와 가람시는 바이오 협력 MOU를 체결했다.")
    assert _signed(result) == [["가람시", "샌디에이고 카운티 경제개발공사"]]


def test_a_port_hinterland_complex_is_a_place(extract):
    result = extract("가람시 웅동배후단지에서 열린 행사에 홍길동 시장이 참석했다.")
    assert "웅동배후단지" in {e.name for e in result.entities if e.type == "LOC"}


def test_two_cities_named_just_before_sign_as_du_dosi(extract):
    result = extract("춘천시와 데이턴시가 자매도시가 됐다. 두 도시는 16일 자매결연 협정서에 서명했다.",
                     published_at="2025-06-16")
    assert [(a.kind, a.signed_on, sorted(p.name for p in a.parties)) for a in result.agreements] == [
        ("sister_city", "2025-06-16", ["데이턴시", "춘천시"])]


def test_du_dosi_far_from_any_pair_signs_nothing(extract):
    result = extract("춘천시와 데이턴시가 교류를 시작했다. 행사가 열렸다. 공연이 이어졌다. 축제도 열렸다. "
                     "두 도시는 협정서에 서명했다.")
    assert result.agreements == ()


def test_a_chinese_zones_committee_is_named_with_the_zone_and_its_city(extract):
    result = extract("이 자리에서 옌타이 경제기술개발구 관리위원회는 누리화학과 투자협약을 맺었다.")
    assert _signed(result) == [["누리화학", "옌타이 경제기술개발구 관리위원회"]]


def test_i_jarieseo_takes_the_venue_of_the_event_before(extract):
    result = extract("대표단은 이날 가람컨벤션센터에서 투자설명회를 개최했다. "
                     "이 자리에서 가람시는 누리화학과 투자협약을 맺었다.")
    assert [a.venue for a in result.agreements] == ["가람컨벤션센터"]


def test_two_pairs_with_gan_in_one_sentence_are_two_agreements(extract):
    result = extract("행사에서는 가람시와 누리전자 간 투자협약, 가람도와 다온화학 간 업무협약이 각각 체결됐다.")
    assert _signed(result) == [["가람도", "다온화학"], ["가람시", "누리전자"]]


def test_a_mayor_named_without_a_city_belongs_to_the_city_named_before(extract):
    result = extract("가람시는 16일 누리전자와 투자협약을 체결했다. 홍길동 시장은 환영의 뜻을 밝혔다.")
    assert (_people(result)["홍길동"].title, _people(result)["홍길동"].affiliation) == ("시장", "가람시")


def test_a_partnership_agreement_named_hyeobyak_is_a_mou(extract):
    result = extract("가람시는 누리전자와 전략적 파트너십 협약을 체결했다.")
    assert [a.kind for a in result.agreements] == ["mou"]


def test_a_city_and_its_mayors_fused_title_are_one_party(extract):
    result = extract("군산시는 오는 30일 강현우 군산시장과 쑨리밍 웨이하이시장이 참석한 가운데 "
                     "우호도시 협약을 체결할 예정이다. 군산 지역 기업들도 기대하고 있다.")
    assert [sorted(p.name for p in a.parties) for a in result.agreements] == [["군산시", "웨이하이시"]]


def test_a_chinese_minister_named_with_the_country(extract):
    result = extract("이날 포럼에는 왕원타오 중국 상무부장이 참석했다.")
    assert (_people(result)["왕원타오"].title, _people(result)["왕원타오"].affiliation) == ("상무부장", "중국")


def test_a_known_company_begins_the_name_of_its_unknown_company(extract):
    result = extract("가람시는 독일 지멘스 헬시니어스와 의료기기 산업 협력 양해각서를 체결했다.")
    assert _signed(result) == [["가람시", "지멘스 헬시니어스"]]


def test_a_known_company_listed_before_another_stays_apart(extract):
    result = extract("가람시는 삼성전자, 누리소재와 협약을 체결했다.")
    assert _signed(result) == [["가람시", "누리소재", "삼성전자"]]


def test_an_exchange_is_an_organisation(extract):
    result = extract("가람증권은 누리증권거래소와 상장 협력 협약을 체결했다.")
    assert _signed(result) == [["가람증권", "누리증권거래소"]]


def test_a_foreign_trade_agency_is_one_organisation_with_its_acronym(extract):
    result = extract("가람시는 일본무역진흥기구(JETRO)와 협약을 맺었다. JETRO는 기업 진출을 돕는다.")
    orgs = [e for e in result.entities if e.type == "ORG"]
    assert [(e.name, "JETRO" in e.aliases) for e in orgs] == [("일본무역진흥기구", True)]


def test_a_dated_signing_closed_by_a_comma_is_signed(extract):
    result = extract("가람시는 16일 누리전자와 투자협약을 체결, 공장 건립에 나선다.")
    assert [a.status for a in result.agreements] == ["signed"]


def test_a_signing_in_a_list_of_plans_is_planned(extract):
    result = extract("가람시는 16일 누리전자와 협약 체결, 투자 유치 등을 추진할 계획이다.")
    assert [a.status for a in result.agreements] == ["planned"]


def test_a_bare_mayor_has_no_city_when_the_article_names_two(extract):
    result = extract("가람시는 다온시를 방문했다. 가람시는 다온시와 협약을 체결했다. 존 리 시장은 환영했다.")
    assert _people(result)["존 리"].affiliation is None
