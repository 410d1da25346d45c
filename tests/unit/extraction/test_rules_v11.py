"""Rules added in extractor 0.11.0, on sentences written for these tests (invented names, and
real names only where the rule is about a real name)."""

import pytest


def test_two_names_joined_by_gwa_are_both_organisations_and_the_pair_later_signs(extract, signed):
    result = extract("누리전자와 다온로보틱스가 협력을 위해 손을 잡았다. 양사는 26일 본사에서 협약을 맺었다.")
    assert ("ORG", "다온로보틱스") in {(e.type, e.name) for e in result.entities}
    assert signed(result) == [["누리전자", "다온로보틱스"]]


@pytest.mark.parametrize("word", ["KLM협력", "Hanbit"])
def test_a_name_joined_to_an_organisation_inside_a_longer_phrase_is_not_promoted(extract, word):
    result = extract(f"누리전자는 누리연구원과 {word} 사업에 대한 양해각서를 체결했다.")
    assert word not in {e.name for e in result.entities}


def test_a_word_of_a_partys_name_is_no_sector(extract):
    result = extract("가람시와 한빛에너지는 16일 상생 협약을 체결했다.")
    assert [a.sectors for a in result.agreements] == [()]


def test_a_sector_named_outside_the_partys_name_still_counts(extract):
    result = extract("가람시와 한빛에너지는 16일 태양광 협약을 체결했다.")
    assert [a.sectors for a in result.agreements] == [("에너지",)]


def test_a_party_is_an_entity_even_when_its_name_is_also_a_share_button(extract, signed):
    result = extract("누리전자와 네이버는 26일 협약을 맺었다.")
    assert signed(result) == [["네이버", "누리전자"]]
    assert ("ORG", "네이버") in {(e.type, e.name) for e in result.entities}


def test_a_share_button_is_still_no_entity(extract):
    result = extract("가람시는 16일 누리전자와 협약을 체결했다.\n공유하기 네이버 카카오톡 페이스북")
    assert "네이버" not in {e.name for e in result.entities}


def test_a_foreign_governor_belongs_to_the_place_named_before_the_name(extract):
    result = extract("이철우 경북도지사는 시마네현 마루야마 다쓰야 지사와 만났다.")
    people = {e.name: e.affiliation for e in result.entities if e.type == "PERSON"}
    assert people["마루야마 다쓰야"] == "시마네현"


def test_a_companys_short_and_legal_names_are_one_entity(extract):
    result = extract("한국전력-미국 웨스팅하우스 MOU\n한국전력공사는 미국 웨스팅하우스와 업무협약을 맺었다.")
    assert [e.name for e in result.entities if e.type == "ORG" and e.name.startswith("한국전력")] == ["한국전력공사"]


@pytest.mark.parametrize("particle", ["와는", "와도"])
def test_an_unknown_company_read_as_one_word_with_its_particle_signs_in_a_second_clause(extract, signed, particle):
    result = extract(f"가람시는 누리전자와 투자협약을 체결했으며, 한빛바이오{particle} 업무협약을 맺었다.")
    assert signed(result) == [["가람시", "누리전자"], ["가람시", "한빛바이오"]]


@pytest.mark.parametrize("listing", ["누리전자, 한빛바이오, 다온텍이다", "누리전자, 한빛바이오, 다온텍 등이다"])
def test_a_counted_group_is_filled_by_the_names_a_later_copula_lists(extract, signed, listing):
    result = extract(f"가람시는 16일 3개 기업과 투자협약을 체결했다. 참여 기업은 {listing}.")
    assert signed(result) == [["가람시", "누리전자", "다온텍", "한빛바이오"]]


def test_a_copula_list_of_another_size_fills_no_group(extract, signed):
    result = extract("가람시는 16일 3개 기업과 투자협약을 체결했다. 대상 기업은 누리전자, 한빛바이오다.")
    assert signed(result) == []


def test_a_hyphened_pair_before_the_agreement_noun_signs_in_the_body_too(extract, signed):
    result = extract("가람시-누리전자 투자협약 체결식이 16일 가람시청에서 열렸다.")
    assert signed(result) == [["가람시", "누리전자"]]


def test_a_hyphened_name_without_an_agreement_noun_after_it_stays_one_name(extract):
    result = extract("가람시는 16일 중국-이스라엘 혁신단지에서 누리전자와 협약을 체결했다.")
    assert "이스라엘" not in {e.name for e in result.entities}


@pytest.mark.parametrize("mark", ["(사)", "(재)"])
def test_an_association_or_foundation_mark_makes_the_name_an_organisation(extract, signed, mark):
    result = extract(f"{mark}가람교류협회와 ㈜누리전자는 MOU를 체결했다.")
    assert signed(result) == [["가람교류협회", "누리전자"]]


def test_a_foreign_given_and_family_name_before_a_body_and_its_title_is_one_person(extract):
    result = extract("이 자리에는 마이클 스미스 주한미국상공회의소 회장이 참석했다.")
    people = {e.name: e.affiliation for e in result.entities if e.type == "PERSON"}
    assert people == {"마이클 스미스": "주한미국상공회의소"}


def test_a_countrys_one_hanja_short_name_is_that_country(extract):
    result = extract("누리전자, 美 한빛테크와 공급 계약\n누리전자는 미국 한빛테크와 공급 계약을 체결했다.")
    places = {e.name: e.aliases for e in result.entities if e.type == "LOC"}
    assert places == {"미국": ("美",)}


def test_a_chamber_of_commerce_by_its_short_name_is_one_with_its_full_name(extract, signed):
    result = extract("원주상의, 日 요나고상의와 경제교류 업무협약\n"
                     "원주상공회의소는 16일 요나고상공회의소와 경제교류 업무협약을 체결했다.")
    assert signed(result) == [["요나고상공회의소", "원주상공회의소"]]
    orgs = {e.name: e.aliases for e in result.entities if e.type == "ORG"}
    assert orgs["원주상공회의소"] == ("원주상의",)


def test_a_country_named_only_by_its_hanja_is_named_in_hangul(extract):
    result = extract("가람시, 日 누리현과 우호교류 협약\n가람시는 누리현과 우호교류 협약을 맺었다.")
    places = {e.name: e.aliases for e in result.entities if e.type == "LOC"}
    assert places["일본"] == ("日",)


def test_a_family_name_ending_like_a_province_after_a_given_name_is_part_of_the_name(extract):
    result = extract("마리아 러몬도 장관과 회담했다.")
    assert [(e.type, e.name) for e in result.entities] == [("PERSON", "마리아 러몬도")]


@pytest.mark.parametrize("clause", ["MOU를 체결할 가능성이 높다고 내다봤다", "협약을 체결할 수도 있다"])
def test_a_signing_that_may_come_is_planned(extract, clause):
    result = extract(f"가람시는 누리전자와 {clause}.")
    assert [a.status for a in result.agreements] == ["planned"]


@pytest.mark.parametrize("clause", ["체결했다는 보도를 부인했다", "체결했다는 보도는 사실이 아니라고 밝혔다"])
def test_a_denied_signing_is_no_agreement(extract, clause):
    result = extract(f"가람시는 누리전자와 협약을 {clause}.")
    assert result.agreements == ()


def test_a_reported_signing_is_still_signed(extract, signed):
    result = extract("가람시는 누리전자와 협약을 체결했다는 소식을 전했다.")
    assert signed(result) == [["가람시", "누리전자"]]


def test_an_anniversary_of_an_agreement_is_no_signing(extract):
    assert extract("가람시와 누리시는 16일 협약 체결 10주년 기념행사를 열었다.").agreements == ()


def test_an_anniversary_of_a_city_tie_is_no_signing_that_day_but_the_tie_made_then(extract):
    # (since 0.13.0: the gold sets count a tie the text mentions as made, undated)
    [tie] = extract("가람시와 누리시는 16일 자매결연 30주년 기념식을 가졌다.").agreements
    assert (tie.kind, tie.status, tie.signed_on) == ("sister_city", "signed", None)


@pytest.mark.parametrize("body", ["가람시를 비롯해 누리전자, 다온대학교 등 3개 기관이 협약을 체결했다.",
                                  "가람시를 비롯한 누리전자, 다온대학교 등 3개 기관이 협약을 체결했다."])
def test_the_body_named_before_including_is_one_of_the_listed_signers(extract, signed, body):
    assert signed(extract(body)) == [["가람시", "누리전자", "다온대학교"]]


def test_a_partner_named_before_including_signs_with_the_others(extract, signed):
    result = extract("가람시는 누리전자를 비롯해 다온텍, 한빛바이오와 협약을 체결했다.")
    assert signed(result) == [["가람시", "누리전자", "다온텍", "한빛바이오"]]


@pytest.mark.parametrize("body", ["가람시와 누리전자의 투자협약식이 16일 시청에서 거행됐다.",
                                  "가람시와 누리전자는 16일 시청에서 투자협약식을 거행했다."])
def test_a_ceremony_performed_is_a_signing_at_its_venue(extract, body):
    result = extract(body)
    assert [(sorted(p.name for p in a.parties), a.status, a.venue) for a in result.agreements] == [
        (["가람시", "누리전자"], "signed", "시청")]


def test_a_ceremony_to_be_performed_is_planned(extract):
    result = extract("가람시와 누리전자의 투자협약식이 오는 16일 시청에서 거행될 예정이다.")
    assert [a.status for a in result.agreements] == ["planned"]


def test_a_deputy_mayor_after_an_unknown_city_belongs_to_it(extract):
    result = extract("협약식에는 홍길동 가람시 부시장이 참석했다.")
    assert [(e.name, e.title, e.affiliation) for e in result.entities if e.type == "PERSON"] == [
        ("홍길동", "부시장", "가람시")]


def test_a_universitys_short_name_is_an_organisation_not_part_of_a_name(extract):
    result = extract("협약식에는 성춘향 경북대 산학협력단장이 참석했다.")
    assert {(e.type, e.name) for e in result.entities} == {("PERSON", "성춘향"), ("ORG", "경북대")}


@pytest.mark.parametrize("body", ["장가항시 대표단이 포항시를 찾아 자매결연을 맺었다.",
                                  "장가항시 대표단은 16일 포항시를 방문해 자매결연을 맺었다."])
def test_a_delegation_signs_with_the_body_it_visited_when_no_partner_is_named(extract, signed, body):
    assert signed(extract(body)) == [["장가항시", "포항시"]]


def test_a_visit_does_not_name_the_partner_of_a_signing_with_someone_else(extract, signed):
    assert signed(extract("포항시는 16일 장가항시를 방문해 현지 기업과 협약을 체결했다.")) == []


@pytest.mark.parametrize("clause", ["자매결연 체결을 제안했다", "협약 체결 방안을 논의했다"])
def test_a_signing_proposed_or_discussed_is_planned(extract, clause):
    result = extract(f"포항시는 장가항시와 {clause}.")
    assert [a.status for a in result.agreements] == ["planned"]


def test_a_count_in_parentheses_is_no_alias_and_joins_no_two_bodies(extract):
    result = extract("보건복지부(1건), 과학기술정보통신부(1건), 국토교통부(2건) 등이 협력한다.")
    orgs = {e.name: e.aliases for e in result.entities if e.type == "ORG"}
    assert set(orgs) == {"보건복지부", "과학기술정보통신부", "국토교통부"}
    assert not any(a.endswith("건") for aliases in orgs.values() for a in aliases)


def test_an_embassy_in_korea_and_one_abroad_are_two_bodies(extract):
    result = extract("주한베트남대사관 상무관과 주베트남대사관 상무관이 참석했다.")
    assert {e.name for e in result.entities if e.type == "ORG"} == {"주한베트남대사관", "주베트남대사관"}


def test_three_capitalised_words_before_a_title_are_one_name(extract):
    result = extract("Nguyen Van Truong 회장은 말했다.")
    assert [(e.type, e.name, e.affiliation) for e in result.entities] == [("PERSON", "Nguyen Van Truong", None)]


@pytest.mark.parametrize("title", ["가람시, 누리전자와 스마트시티 MOU", "가람시-누리전자, 스마트시티 업무협약",
                                   "가람시, 누리전자와 ‘스마트시티 협약’"])
def test_a_headline_ending_on_its_agreement_noun_reports_a_signing(extract, signed, title):
    assert signed(extract("본문에는 다른 이야기만 있다.", title=title)) == [["가람시", "누리전자"]]


@pytest.mark.parametrize("title", ["가람시, 누리전자와 MOU 추진", "가람시-누리전자 MOU 1년…성과는",
                                   "가람시, 누리전자 등과 업무협약"])
def test_a_headline_planning_reviewing_or_summing_up_signings_reports_none(extract, signed, title):
    assert signed(extract("본문에는 다른 이야기만 있다.", title=title)) == []


def test_the_bodys_first_signing_naming_no_one_else_dates_the_headlines(extract):
    result = extract("시는 16일 시청에서 협약식을 가졌다고 밝혔다.", title="가람시-누리전자, 스마트시티 업무협약")
    assert [(sorted(p.name for p in a.parties), a.signed_on, a.venue) for a in result.agreements] == [
        (["가람시", "누리전자"], "2024-06-16", "시청")]
