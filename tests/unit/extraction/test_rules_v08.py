"""Rules added in extractor 0.8.0, on sentences written for these tests (invented names)."""

from streams.extraction import rules
from streams.extraction.repairs import _unknown_company
from streams.extraction.words import Word


def _signed(result):
    return sorted(sorted(p.name for p in a.parties) for a in result.agreements if a.status == "signed")


def _people(result):
    return {e.name: e for e in result.entities if e.type == "PERSON"}


def test_a_verb_stem_cut_from_a_company_ending_is_part_of_the_name():
    # Kiwi reads 누리 as the verb 누리다 before 그룹; a verb stem never takes a noun without an ending
    text = "누리그룹과"
    w = Word(start=0, end=5, rest=[("누리", "VV"), ("그룹", "NNG"), ("과", "JC")])
    _unknown_company(w, text, rules.load())
    assert (w.noun, w.proper, w.josa) == ("누리그룹", True, "과")


def test_a_company_whose_name_kiwi_reads_as_a_verb_signs(extract):
    result = extract("가람시는 2일 시청 접견실에서 누리그룹과 1조원 규모 투자협약식을 가졌다.")
    assert _signed(result) == [["가람시", "누리그룹"]]


def test_the_company_named_before_its_signatory_is_the_employer_and_the_party(extract):
    result = extract("한빛전자 박서준 사장과 다온물산 이도윤 회장은 이날 협약서에 서명했다.")
    people = _people(result)
    assert (people["박서준"].title, people["박서준"].affiliation) == ("사장", "한빛전자")
    assert people["이도윤"].affiliation == "다온물산"
    assert _signed(result) == [["다온물산", "한빛전자"]]


def test_a_reporter_is_not_employed_by_the_word_before_the_byline(extract):
    result = extract("가람일보 홍길동 기자는 전했다. 가람시는 다온시와 협약을 체결했다.")
    reporter = _people(result)["홍길동"]
    assert (reporter.title, reporter.affiliation) == ("기자", None)


def test_an_unknown_name_before_a_unit_that_signs_for_its_body_is_that_body(extract):
    result = extract("가람대 산학협력단은 지난 10일 누리병원과 의료기기 개발 협약을 체결했다.")
    assert _signed(result) == [["가람대", "누리병원"]]


def test_attendees_listed_with_wa_are_the_subjects_partners(extract):
    result = extract("충청남도는 17일 도청에서 김태흠 지사와 누리소재 박민수 대표 등이 참석한 가운데 "
                     "2000억원 규모의 투자협약을 체결했다.")
    assert _signed(result) == [["누리소재", "충청남도"]]


def test_attendees_with_nobody_named_before_them_sign_for_their_companies(extract):
    result = extract("가람전자 김민수 대표와 누리소재 이수진 대표가 참석한 가운데 협약식이 열렸다.")
    assert _signed(result) == [["가람전자", "누리소재"]]


def test_a_signing_after_de_ieo_is_a_further_signing(extract):
    result = extract("포항시는 지난해 가람전자와 협약을 맺은 데 이어 올해 누리소재와도 협약을 맺었다.")
    assert _signed(result) == [["가람전자", "포항시"], ["누리소재", "포항시"]]


def test_each_pair_keeps_the_document_named_after_its_partner(extract):
    result = extract("누리소재는 포항시와 1,200억 원 규모의 투자협약을, 가람전자와는 공급계약을 각각 체결했다.")
    kinds = {tuple(sorted(p.name for p in a.parties)): a.kind for a in result.agreements}
    assert kinds == {("누리소재", "포항시"): "mou", ("가람전자", "누리소재"): "contract"}


def test_a_countrys_one_syllable_short_name_before_a_hyphen_signs_as_the_country(extract):
    result = extract("한-베트남 양국 정부는 이날 에너지 협력 MOU 2건을 교환했다.")
    assert _signed(result) == [["베트남", "한국"]]


def test_two_short_names_fused_before_yangguk_are_both_countries(extract):
    result = extract("한중 양국은 이날 경제협력 MOU를 체결했다.")
    assert _signed(result) == [["중국", "한국"]]
    assert {"한국", "중국"} <= {e.name for e in result.entities if e.type == "LOC"}


def test_a_country_before_yangguk_pairs_with_the_country_before_it(extract):
    result = extract("한국과 베트남 양국 정부는 이날 에너지 협력 MOU를 교환했다.")
    assert _signed(result) == [["베트남", "한국"]]


def test_a_short_name_that_describes_a_topic_names_no_signatory(extract):
    result = extract("한·중 중소기업간 교류를 위한 업무협약을 체결했다.")
    assert _signed(result) == []


def test_a_date_before_the_market_close_of_a_disclosed_signing_dates_the_disclosure(extract):
    result = extract("제룡산업은 이달 10일 장 마감 후 한국전기공업협동조합과 222억원 규모의 공급계약을 "
                     "체결했다고 공시했다.", published_at="2025-01-13")
    assert [a.signed_on for a in result.agreements] == [None]


def test_a_date_before_the_market_close_of_a_signing_reported_plainly_dates_the_signing(extract):
    result = extract("한빛정밀은 10일 장 마감 후 한국전기공업협동조합과 공급계약을 체결했다.",
                     published_at="2025-01-13")
    assert [a.signed_on for a in result.agreements] == ["2025-01-10"]


def test_a_date_before_a_disclosure_through_which_a_signing_is_reported_is_not_the_signing(extract):
    from streams.extraction.dates import signing_date
    import datetime as dt
    text = "한빛정밀은 전일 장 마감후 공시를 통해 세미머티리얼즈와 공급계약을 체결했다고 밝혔다."
    assert signing_date(text, text.index("체결"), dt.date(2011, 1, 4)) is None


def _places(result):
    return {e.name for e in result.entities if e.type == "LOC"}


def test_a_kind_of_site_after_a_place_is_named_with_the_place(extract):
    places = _places(extract("누리전자는 홍성 일반산업단지에 공장을 짓는다."))
    assert "홍성 일반산업단지" in places
    assert "홍성" not in places and "일반산업단지" not in places


def test_a_kind_of_site_after_a_venue_is_named_with_the_venue(extract):
    places = _places(extract("누리전자는 가람테크노밸리 제2일반산업단지에 750억원을 투자한다."))
    assert places == {"가람테크노밸리 제2일반산업단지"}


def test_a_kind_of_site_alone_is_no_place_but_a_numbered_one_is(extract):
    assert _places(extract("누리전자는 국가산업단지에 공장을 짓는다.")) == set()
    assert _places(extract("누리전자는 제5일반산업단지에 공장을 짓는다.")) == {"제5일반산업단지"}


def test_a_joint_statement_of_agreement_and_a_bare_loi_are_agreements(extract):
    statement = extract("대구시와 경북도는 이날 신공항 건설을 위한 공동합의문에 서명했다.")
    assert [(a.kind, sorted(p.name for p in a.parties)) for a in statement.agreements] == [
        ("agreement", ["경북도", "대구시"])]
    loi = extract("가람시는 누리파워와 5억달러 규모 LOI를 체결했다.")
    assert [a.kind for a in loi.agreements] == ["loi"]


def test_an_unknown_county_kiwi_reads_as_name_and_honorific_is_a_county(extract):
    result = extract("가람군은 지난달 30일 제천시와 자매결연을 맺었다.")
    assert _signed(result) == [["가람군", "제천시"]]


def test_a_provinces_short_name_is_the_same_place_as_its_full_name(extract):
    result = extract("경상남도는 선전시와 양해각서를 체결했다. 박완수 경남지사는 도청에서 협약서에 서명했다.")
    provinces = [e for e in result.entities if e.type == "LOC" and e.name in ("경상남도", "경남")]
    assert [(e.name, "경남" in e.aliases) for e in provinces] == [("경상남도", True)]
    assert _signed(result) == [["경상남도", "선전시"]]


def test_an_amount_repeated_in_the_headline_is_one_entity(extract):
    result = extract("가람시는 누리파워와 5억달러 규모의 투자협약을 체결했다.", title="가람시, 누리파워와 5억달러 투자협약")
    assert [e.name for e in result.entities if e.type == "MONEY"] == ["5억달러"]


def test_a_japanese_name_in_two_words_with_its_characters_before_an_employer_and_title(extract):
    people = _people(extract("사토 다카시(佐藤隆) 가람전자 사장은 말했다."))
    assert list(people) == ["사토 다카시"]
    person = people["사토 다카시"]
    assert (person.title, person.affiliation, "佐藤隆" in person.aliases) == ("사장", "가람전자", True)


def test_a_foreign_name_kiwi_keeps_whole_with_its_characters_names_its_unknown_employer(extract):
    result = extract("시장은 오사카 본사를 찾아 모리타 신지(森田真司) 간사이정밀화학 사장과 의향서에 서명했다.")
    person = _people(result)["모리타 신지"]
    assert (person.title, person.affiliation) == ("사장", "간사이정밀화학")
    assert "간사이정밀화학" in {e.name for e in result.entities if e.type == "ORG"}


def test_the_unknown_word_before_a_mayors_title_is_a_place_not_an_employer(extract):
    result = extract("로버트 하먼(Robert Harmon) 가람빌 시장이 참석했다.")
    assert _people(result)["로버트 하먼"].affiliation == "가람빌"
    assert "가람빌" in _places(result)
    assert "가람빌" not in {e.name for e in result.entities if e.type == "ORG"}


def test_a_place_ending_written_apart_names_the_place_with_the_name_before_it(extract):
    result = extract("충청남도가 베트남 타이빈 성과 부품 산업 협력 협약을 맺었습니다.")
    assert _signed(result) == [["충청남도", "타이빈 성"]]
    places = {e.name: e for e in result.entities if e.type == "LOC"}
    assert "베트남" in places and "타이빈" not in places


def test_a_captions_credit_in_parentheses_names_its_body(extract):
    result = extract("양해각서 체결식 현장. (하이난성 외사판공실 제공)")
    assert "하이난성 외사판공실" in {e.name for e in result.entities if e.type == "ORG"}


def test_parentheses_written_apart_after_a_name_still_belong_to_it(extract):
    result = extract("누리바이오 (대표 김민준)와 가람대학교는 협약을 맺었다.")
    assert _signed(result) == [["가람대학교", "누리바이오"]]
    assert _people(result)["김민준"].affiliation == "누리바이오"


def test_latin_executive_titles_are_titles(extract):
    people = _people(extract("존 밀러 누리파워 CEO가 참석했다. 조주완 LG전자 CEO는 협력을 강조했다."))
    assert {(n, p.title, p.affiliation) for n, p in people.items()} == {
        ("존 밀러", "CEO", "누리파워"), ("조주완", "CEO", "LG전자")}


def test_a_zones_management_committee_is_named_with_the_zone(extract):
    result = extract("부산시는 상하이 자유무역시범구 관리위원회와 물류 협력 MOU를 체결했다.")
    assert _signed(result) == [["부산시", "자유무역시범구 관리위원회"]]


def test_a_kind_of_zone_starting_with_a_generic_word_alone_is_no_place(extract):
    assert _places(extract("가람시는 국가녹색발전시범구로 지정됐다. 누리전자는 첨단산업단지에 입주한다.")) == {"가람시"}


def test_a_bio_company_kiwi_reads_as_common_nouns_signs_in_a_party_slot(extract):
    result = extract("가람시는 지난 5일 누리바이오와 업무협약을 체결하고, 6일에는 다온전자와 투자협약을 맺었다.")
    assert _signed(result) == [["가람시", "누리바이오"], ["가람시", "다온전자"]]


def test_a_known_latin_name_begins_a_longer_latin_party_name(extract):
    result = extract("SK온은 미국 Ford Motor Company와 배터리 합작 계약을 체결했다.")
    assert _signed(result) == [["Ford Motor Company", "SK온"]]


def test_a_title_fused_with_a_known_place_signs_as_that_place(extract):
    assert _signed(extract("포항시장은 후쿠야마시와 자매도시 협약을 체결했다.")) == [["포항시", "후쿠야마시"]]
    assert _signed(extract("울산시는 산둥성장과 우호협정을 체결했다.")) == [["산둥성", "울산시"]]


def test_a_title_fused_with_an_unknown_word_names_no_party(extract):
    assert _signed(extract("가람시장은 누리시와 협약을 체결했다.")) == []


def test_attendees_are_guests_when_the_partner_is_named_after_them(extract):
    for body in ("충청남도는 17일 김태흠 지사와 박민수 한빛건설 대표 등이 참석한 가운데 누리소재와 투자협약을 체결했다.",
                 "충청남도는 17일 김태흠 지사, 박민수 한빛건설 대표가 참석한 가운데 누리소재와 투자협약을 체결했다."):
        assert _signed(extract(body)) == [["누리소재", "충청남도"]]


def test_a_subject_that_is_itself_the_attendee_does_not_sign(extract):
    assert _signed(extract("포항시장이 참석한 가운데 울산시와 경주시가 협약을 체결했다.")) == [["경주시", "울산시"]]


def test_a_known_place_fused_with_the_genitive_particle_is_the_place(extract):
    result = extract("울산시와 포항시의 협약 체결식이 10일 시청에서 열렸다.", published_at="2025-06-12")
    assert [(sorted(p.name for p in a.parties), a.signed_on) for a in result.agreements] == [
        (["울산시", "포항시"], "2025-06-10")]


def test_wa_joins_the_first_name_to_a_counted_list(extract):
    result = extract("울산시와 포항시, 경주시 3개 시는 상생협력 협약을 맺었다.")
    assert _signed(result) == [["경주시", "울산시", "포항시"]]


def test_a_hyphen_pair_in_a_headline_joins_an_unknown_name_kiwi_reads_as_common(extract):
    result = extract("포항시는 12일 설명회를 열었다.", title="포항시-에코프로, 2천억원 규모 투자협약 체결")
    assert _signed(result) == [["에코프로", "포항시"]]


def test_a_sub_headline_under_the_headline_is_read_as_a_headline(extract):
    from streams.extraction.document import compose
    body = "- 포항시-에코프로, 2천억원 규모 투자협약 체결\n- 연간 500명 고용\n포항시는 12일 설명회를 열었다."
    text, title_end = compose("", body)
    assert text[:title_end].endswith("연간 500명 고용")
    assert _signed(extract(body)) == [["에코프로", "포항시"]]


def test_a_dashed_line_ending_like_a_sentence_is_body(extract):
    from streams.extraction.document import compose
    assert compose("", "- 포항시는 에코프로와 투자협약을 체결했다.\n본문")[1] == 0


def test_names_joined_by_a_middle_dot_in_a_headline_are_partners_without_a_subject(extract):
    assert _signed(extract("본문이다.", title="태국 방문해 푸젠성·미르전자와 협약 체결")) == []
    assert _signed(extract("본문이다.", title="청주시, 다온전자와 투자협약 체결")) == [["다온전자", "청주시"]]
