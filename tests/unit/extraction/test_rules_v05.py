"""Rules added in extractor 0.5.0, on sentences written for these tests (invented names)."""

import pytest

from streams.extraction.grouping import is_short_form


def _signed(result):
    return sorted(sorted(p.name for p in a.parties) for a in result.agreements if a.status == "signed")


def _orgs(result):
    return {e.name for e in result.entities if e.type == "ORG"}


def _org_forms(result):
    return {form for e in result.entities if e.type == "ORG" for form in (e.name, *e.aliases)}


def test_word_after_a_closing_bracket_is_a_new_word(extract):
    body = "[가람일보 홍길동 기자]미르대학교(총장 김하늘)와 한빛연구원(원장 이도윤)이 업무협약을 체결했다."
    assert _signed(extract(body)) == [["미르대학교", "한빛연구원"]]


@pytest.mark.parametrize(
    "body, org",
    [
        ("행사에는 다온랩(대표 이수진), 누리솔(대표 박서연)이 참석했다.", "다온랩"),
        ("가온웍스(회장 최가온)는 새 공장을 열었다.", "가온웍스"),
    ],
)
def test_name_with_its_head_in_parentheses_is_an_organisation(extract, body, org):
    assert org in _orgs(extract(body))


def test_counted_member_group_is_the_list_of_as_many_names_given_later(extract):
    body = (
        "미르대학교와 한빛협회 3개 회원사가 업무협약을 체결했다. 협약식은 본관에서 열렸다. "
        "협약기업 가온랩(대표 김민준), 누리솔(대표 박서연), 다솜웍스(대표 최지우) 등 3곳은 한빛협회 회원사다."
    )
    assert _signed(extract(body)) == [["가온랩", "누리솔", "다솜웍스", "미르대학교"]]


def test_counted_group_without_a_matching_list_stays_unresolved(extract):
    body = (
        "미르대학교와 한빛협회 3개 회원사가 업무협약을 체결했다. "
        "협약기업 가온랩(대표 김민준), 누리솔(대표 박서연) 등 2곳은 한빛협회 회원사다."
    )
    assert all("가온랩" not in names for names in _signed(extract(body)))


def test_these_parties_refers_to_the_parties_last_named(extract):
    body = "미르대학교와 한빛연구원이 가족회사 협약을 맺고 협력한다. 이들은 20일 업무협약을 체결했다."
    result = extract(body)
    assert [(a.status, sorted(p.name for p in a.parties)) for a in result.agreements if a.signed_on] == [
        ("signed", ["미르대학교", "한빛연구원"])]


def test_party_after_a_relative_signing_verb_is_its_subject(extract):
    body = "지난 2020년 미르대와 교류협정을 체결했던 한빛연구원은 올해 가족회사가 됐다."
    assert _signed(extract(body)) == [["미르대", "한빛연구원"]]


@pytest.mark.parametrize(
    "short, full, expected",
    [
        ("한빛여대", "한빛여자대학교", True),
        ("가람대", "가람대학교", True),
        ("한빛여대", "한빛여자고등학교", False),
    ],
)
def test_dae_abbreviates_daehakgyo(short, full, expected):
    assert is_short_form(short, full) is expected


def test_counted_documents_between_states_give_way_to_their_bodies_signings(extract):
    body = (
        "한국과 태국은 정상회담을 계기로 5건의 양해각서를 체결했다. "
        "가람부는 태국 미르부와 교역 협력 MOU를 체결했다."
    )
    signed = _signed(extract(body))
    assert ["태국", "한국"] not in signed
    assert len(signed) == 1


def test_counted_documents_between_states_alone_are_kept(extract):
    body = "한국과 태국은 정상회담을 계기로 총 2건의 양해각서와 1건의 계약서를 교환했다."
    assert len(_signed(extract(body))) == 3


def test_acronym_spelled_out_in_parentheses_is_an_organisation_named_again_later(extract):
    body = (
        "QMX(Quantum Mobility Xpress, 上海量子移动有限公司)\n"
        "QMX 는 2015 년에 설립된 기업이다.\n"
        "QMX 는 디스플레이 분야를 키우고 있다.\n"
        "또한 핀란드 기업 Lumera 와 장기적인 파트너십을 체결했다."
    )
    result = extract(body)
    assert "QMX" in _org_forms(result)
    (parties,) = _signed(result)
    assert "Lumera" in parties and len(parties) == 2


@pytest.mark.parametrize(
    "noun_paren, expected",
    [("QMX(Quantum Mobility Xpress)", True), ("QMX(세계 최대 기업)", False), ("AI(인공지능)", False)],
)
def test_acronym_needs_its_spelling_or_a_company_gloss(extract, noun_paren, expected):
    result = extract(f"{noun_paren} 관련 소식이다.")
    assert (noun_paren.split("(")[0] in _org_forms(result)) is expected


def test_line_heading_before_a_colon_is_the_subject_of_its_line(extract):
    body = (
        "가람시는 인재 정책을 발표했다.\n"
        "- 한빛창업항(韩光创业港): 가람시 미르구에 위치. 2022 년 3 월 2 일, 다온연구소와 협약을 체결하며 출범"
    )
    assert _signed(extract(body)) == [["다온연구소", "한빛창업항"]]


def test_body_qualified_in_parentheses_and_its_unit_are_one_name(extract):
    body = "가람시는 미르대학교(다온) 미래혁신연구소와 협약을 체결했다."
    result = extract(body)
    assert _signed(result) == [["가람시", "미르대학교(다온) 미래혁신연구소"]]
    assert "미르대학교" not in _orgs(result)


def test_date_named_many_sentences_earlier_does_not_date_a_signing(extract):
    filler = " ".join(f"가람시는 {n}번째 사업을 소개했다." for n in range(1, 15))
    body = f"가람시는 2024년 3월 5일 설명회를 열었다. {filler} 가람시는 미르전자와 협약을 체결했다."
    (agreement,) = extract(body).agreements
    assert agreement.signed_on is None


def test_date_named_a_few_sentences_earlier_dates_the_signing(extract):
    body = "가람시는 2024년 3월 5일 설명회를 열었다. 설명회는 성황이었다. 가람시는 미르전자와 협약을 체결했다."
    (agreement,) = extract(body).agreements
    assert agreement.signed_on == "2024-03-05"


@pytest.mark.parametrize(
    "body, expected",
    [
        # "B, C와의 협약을 시작으로": the agreements with B and C are done, one per partner
        ("가람시는 미르시, 한빛고등학교와의 협약을 시작으로 교육 특구를 추진할 계획이다.",
         [["가람시", "미르시"], ["가람시", "한빛고등학교"]]),
        # a pair already reported by a signing sentence is not added again under another kind
        ("가람시는 미르시와 우호협력의향서를 체결했다. 가람시는 미르시, 한빛고등학교와의 협약을 시작으로 교류를 넓힐 계획이다.",
         [["가람시", "미르시"], ["가람시", "한빛고등학교"]]),
        ("이번 협약을 시작으로 교류를 넓힐 계획이다.", []),  # no partner named
    ],
)
def test_agreement_referred_to_as_a_starting_point_is_concluded(extract, body, expected):
    assert _signed(extract(body)) == expected


def test_reference_word_far_from_an_agreement_noun_is_not_a_signing(extract):
    assert _signed(extract("가람시는 미르시와 교류를 시작으로 협약 논의를 이어 갈 계획이다.")) == []


@pytest.mark.parametrize(
    "body, expected",
    [
        ("새별전자가 한결물산과 기술 협력에 관한 양해각서를 맺었다.", [["새별전자", "한결물산"]]),  # 새/MM 별/XSN 전자
        ("청솔바이오는 하람제약과 공동연구 협약을 체결했다.", [["청솔바이오", "하람제약"]]),  # 청/솔/바이오
        ("가람전자는 태국 방콕에서 동방물산과 수출 협약을 체결했다.", [["가람전자", "동방물산"]]),  # 물산 is a company
        ("한빛협회는 서울에서 일대일로문화교류촉진회, 미르그룹과 MOU를 체결했다.",
         [["미르그룹", "일대일로문화교류촉진회", "한빛협회"]]),  # a particle read inside a name
    ],
)
def test_unknown_company_cut_into_pieces_is_one_name(extract, body, expected):
    assert _signed(extract(body)) == expected



JOINT_SIGNING = (
    "가람도가 7개 기업으로부터 투자를 유치했다.\n"
    "가람도는 5일 도청에서 김철수 미르시장, 박영희 ㈜한빛텍 대표 등 4개 기업 대표이사와 합동 투자협약을 맺었다.\n"
    "협약에 따라 기업들은 공장을 짓는다.\n"
    "로봇 전문기업인 ㈜누리로보는 2027년까지 미르 산업단지에 공장을 세운다.\n"
    "소재 업체인 다온소재㈜는 100억원을 투자한다.\n"
)


def test_joint_signing_with_counted_companies_takes_the_companies_described_next(extract):
    (parties,) = _signed(extract(JOINT_SIGNING))
    assert parties == sorted(["가람도", "미르시", "한빛텍", "누리로보", "다온소재"])


def test_companies_described_after_a_non_joint_signing_are_not_parties(extract):
    body = JOINT_SIGNING.replace("합동 투자협약", "투자협약")
    assert all("누리로보" not in parties for parties in _signed(extract(body)))


def test_companies_described_after_another_signing_are_not_taken(extract):
    body = JOINT_SIGNING.replace("협약에 따라 기업들은 공장을 짓는다.", "가람도는 같은 날 미르대학과 협약을 체결했다.")
    assert all("누리로보" not in parties for parties in _signed(extract(body)))


@pytest.mark.parametrize(
    "body, expected",
    [
        # a governor named without a province heads the province last named
        ("가람도는 올해 투자 유치에 힘썼다. 홍길동 지사는 미르전자와 투자협약을 체결했다.", [["가람도", "미르전자"]]),
        # the mayor's city is named elsewhere in the article
        ("미르시장 김영수는 인사했다. 가람도는 김영수 미르시장과 협약을 체결했다.", [["가람도", "미르시"]]),
    ],
)
def test_title_holder_signs_for_the_place_they_head(extract, body, expected):
    assert _signed(extract(body)) == expected


def test_place_head_title_does_not_take_a_place_of_another_kind(extract):
    body = "다온전자는 미르시에 공장을 세웠다. 홍길동 지사는 다온전자와 투자협약을 체결했다."
    assert _signed(extract(body)) == []


def test_titles_joined_by_a_middle_dot_are_not_a_party(extract):
    body = "가람시는 3개 시 군 시장ㆍ군수, 한빛텍과 협약을 체결했다."
    assert _signed(extract(body)) == [["가람시", "한빛텍"]]


def test_area_figure_is_never_an_organisation(extract):
    body = "가람시는 미르전자와 협약을 체결했다. ㈜미르전자는 부지 3만5,306m2에 공장을 세운다."
    assert not any(name[0].isdigit() for name in _orgs(extract(body)))


def test_caption_naming_the_parties_by_short_forms_is_the_same_signing(extract):
    body = (
        "푸젠성 정부와 강원특별자치도가 12일 교류 협력 강화를 위한 양해각서를 체결했다.\n"
        "푸젠과 강원도의 교류 협력 강화를 위한 양해각서 체결식 현장.\n"
    )
    assert len(extract(body).agreements) == 1


def test_different_bodies_sharing_a_first_syllable_stay_apart(extract):
    body = "한빛공사는 12일 가람시와 협약을 체결했다. 한빛전력공사는 13일 가람시와 협약을 체결했다."
    assert len(extract(body).agreements) == 2


@pytest.mark.parametrize(
    "body, expected",
    [
        ("- 태국 방문해 푸젠성·미르전자와 협약 체결", []),  # the hub is not named: no agreement among the partners
        ("푸젠성과 미르전자 간 협약을 체결했다.", [["미르전자", "푸젠성"]]),  # A와 B 간: exactly these two
        ("가람시는 미르부, 한빛청과 협약을 체결했다.", [["가람시", "미르부", "한빛청"]]),
    ],
)
def test_partners_without_a_hub_are_not_an_agreement(extract, body, expected):
    assert _signed(extract(body)) == expected
