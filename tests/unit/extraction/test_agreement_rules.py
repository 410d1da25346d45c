"""Party patterns, kinds and signed-vs-planned, on sentences written for these tests."""

import pytest


def _parties(result):
    return [sorted(p.name for p in a.parties) for a in result.agreements if a.status == "signed"]


@pytest.mark.parametrize(
    "body, expected",
    [
        # A와 B가 … 체결
        ("부산항만공사와 한국해양진흥공사가 18일 항만 물류 협력을 위한 업무협약을 체결했다.",
         [["부산항만공사", "한국해양진흥공사"]]),
        # A는 B와 … 체결
        ("대전시는 19일 한국기계연구원과 로봇산업 육성을 위한 업무협약을 체결했다.",
         [["대전시", "한국기계연구원"]]),
        # (주) marker before the partner
        ("춘천시는 12일 시청에서 (주)가나다테크와 투자협약을 체결했다.",
         [["가나다테크", "춘천시"]]),
        # three parties, A와 B는 C와
        ("강원도와 원주시는 15일 도청에서 한국광물자원공사와 투자협약을 체결했다고 밝혔다.",
         [["강원도", "원주시", "한국광물자원공사"]]),
    ],
)
def test_parties_follow_particles(extract, body, expected):
    assert _parties(extract(body)) == expected


def test_hub_signing_separately_with_each_listed_company(extract):
    body = ("설명회에서 4개 기업이 포산시와 업무협약(MOU)을 체결했다. "
            "협약을 체결한 기업은 다온솔루션, 미래파워텍, 한빛메디칼로, 공동 연구를 추진한다.")
    pairs = sorted(_parties(extract(body)))
    assert pairs == [["다온솔루션", "포산시"], ["미래파워텍", "포산시"], ["포산시", "한빛메디칼"]]


def test_subject_carries_over_to_the_next_sentence(extract):
    body = "울산시는 20일 대표단을 파견했다. 또한 하노이시와는 우호교류 양해각서를 체결했다."
    assert _parties(extract(body)) == [["울산시", "하노이시"]]


@pytest.mark.parametrize(
    "body, status",
    [
        ("대구시는 한국가스공사와 다음 달 업무협약을 체결할 예정이다.", "planned"),
        ("대구시는 한국가스공사와 업무협약을 체결할 계획이라고 밝혔다.", "planned"),
        ("대구시와 한국가스공사가 오는 25일 업무협약을 체결한다.", "planned"),
        ("대구시는 18일 한국가스공사와 업무협약을 체결했다.", "signed"),
        ("대구시는 한국가스공사와 맺은 업무협약에 따라 사업을 시작했다.", "signed"),
    ],
)
def test_planned_and_signed(extract, body, status):
    agreements = extract(body).agreements
    assert [a.status for a in agreements] == [status]


@pytest.mark.parametrize(
    "body, kind",
    [
        ("광주시는 한국전력공사와 업무협약을 체결했다.", "mou"),
        ("광주시는 한국전력공사와 양해각서(MOU)를 체결했다.", "mou"),
        ("광주시는 한국전력공사와 투자의향서를 체결했다.", "loi"),
        ("광주시는 한국전력공사와 협력 협정을 체결했다.", "agreement"),
        ("세진전자는 한국전력공사와 120억원 규모의 공급계약을 체결했다.", "contract"),
        ("광주시는 일본 센다이시와 자매결연 협약을 맺었다.", "sister_city"),
    ],
)
def test_kind_comes_from_the_trigger_word(extract, body, kind):
    assert [a.kind for a in extract(body).agreements] == [kind]


def test_evidence_is_the_signing_sentence(extract):
    body = "첫 문장이다. 청주시는 21일 충북대학교와 업무협약을 체결했다. 마지막 문장이다."
    (agreement,) = extract(body).agreements
    assert agreement.evidence == "청주시는 21일 충북대학교와 업무협약을 체결했다."


def test_no_agreement_without_a_named_counterparty(extract):
    assert extract("경남도는 해외 바이어들과 수출 업무협약을 맺었다.").agreements == ()


def test_a_quoted_name_is_read_as_a_party(extract):
    result = extract("미르시는 14일 베트남 ‘빈푹성’과 전자부품 협력 협약을 체결했다. 회장은 “장쑤성과 협력하겠다”고 말했다.")
    assert _parties(result) == [["미르시", "빈푹성"]]
    assert {"빈푹성", "장쑤성"} <= {e.name for e in result.entities if e.type == "LOC"}


def test_the_home_ministry_signing_for_the_state_is_the_same_agreement(extract):
    result = extract("한국과 미국이 14일 ‘전략적 투자에 관한 양해각서(MOU)’를 체결했다. 김도윤 산업통상자원부 장관은 "
                     "14일 정부서울청사에서 하워드 블레이크 미국 상무장관과 함께 MOU에 서명했다고 밝혔다.",
                     published_at="2025-11-15")
    assert _parties(result) == [["미국", "한국"]]


def test_a_ministry_signing_alone_stays_a_party(extract):
    result = extract("김도윤 산업통상자원부 장관은 14일 하워드 블레이크 미국 상무장관과 양해각서에 서명했다.")
    assert _parties(result) == [["미국", "산업통상자원부"]]


@pytest.mark.parametrize("body", [
    "청주시·천안시·아산시 3개 시는 5일 공동 관광 협약을 체결했다.",
    "청주시, 천안시, 아산시 3개 기관은 5일 3자 간 업무협약을 체결했다.",
    "청주시, 천안시, 아산시 등 3개 시는 5일 관광 협약을 체결했다.",
])
def test_a_count_of_cities_closes_the_list_of_signatories(extract, body):
    assert _parties(extract(body)) == [["아산시", "천안시", "청주시"]]


def test_a_count_of_members_does_not_make_their_association_a_party(extract):
    assert _parties(extract("미르대학교와 한국여성벤처협회 6개 회원사가 협약을 맺었다.")) == []


@pytest.mark.parametrize("body", [
    "가람시 측은 중국 칭다오시와 우호교류 의향서를 교환했다.",
    "가람시는 중국 칭다오시와 우호교류 의향서를 주고받았다.",
])
def test_a_side_and_an_exchange_of_letters(extract, body):
    assert _parties(extract(body)) == [["가람시", "칭다오시"]]


@pytest.mark.parametrize("body, status", [
    ("미르시와 다온전자는 5일 시청에서 투자협약식을 가졌다.", "signed"),
    ("미르시는 5일 다온전자와 투자 협약식을 개최했다.", "signed"),
    ("미르시는 다온전자와 업무협약식을 열고 협력하기로 했다.", "signed"),
    ("미르시와 다온전자는 오는 10일 투자협약식을 가질 예정이다.", "planned"),
    ("미르시는 다온전자와 협약식을 갖기로 했다.", "planned"),
    ("미르시는 다온전자와 협약을 맺기로 합의했다.", "planned"),
])
def test_a_signing_ceremony_held_or_planned(extract, body, status):
    result = extract(body)
    assert [(a.status, sorted(p.name for p in a.parties)) for a in result.agreements] == [
        (status, ["다온전자", "미르시"])]


def test_a_headline_subject_before_a_comma(extract):
    result = extract("양측은 공장 건립에 협력하기로 했다.", title="청주시, 다온전자와 투자협약 체결")
    assert _parties(result) == [["다온전자", "청주시"]]


def test_a_universitys_industry_cooperation_foundation_signs_for_it(extract):
    assert _parties(extract("미르대학교 산학협력단은 한빛전자와 기술이전 계약을 체결했다.")) == [["미르대학교", "한빛전자"]]


def test_a_headline_pair_joined_by_a_hyphen(extract):
    result = extract("양측은 공장 건립에 협력하기로 했다.", title="청주시-SK하이닉스, 투자협약 체결")
    assert _parties(result) == [["SK하이닉스", "청주시"]]


def test_a_hyphen_in_the_body_stays_inside_one_name(extract):
    result = extract("미르시는 중국-이스라엘 혁신단지에 사무소를 열었다.")
    assert "이스라엘" not in {e.name for e in result.entities}


def test_a_places_department_or_agency_keeps_the_place_in_its_name(extract):
    assert _parties(extract("현대차는 미국 조지아주 경제개발부와 협약을 맺었다.")) == [["조지아주 경제개발부", "현대차"]]
    assert _parties(extract("코트라는 미국 텍사스주 경제개발청과 투자유치 협력 MOU를 맺었다.")) == [
        ["코트라", "텍사스주 경제개발청"]]
    assert not [e for e in extract("공장은 중국 동남부 지역에 있다.").entities if e.type == "ORG"]


def test_a_chinese_governor_with_a_four_syllable_name_signs_for_the_province(extract):
    result = extract("김영록 전남지사는 19일 중국 광둥성 광저우시에서 왕웨이중 광둥성장과 우호협력 협약을 체결했다.")
    assert _parties(result) == [["광둥성", "전남"]]
    assert "왕웨이중" in {e.name for e in result.entities if e.type == "PERSON"}
    # a four-syllable word before an ordinary title is no name (한빛경제 is an outlet)
    assert not [e for e in extract("한빛경제 대표가 왔다.").entities if e.type == "PERSON"]


def test_a_country_before_an_unknown_company_describes_it(extract):
    assert _parties(extract("SK온은 미국 포드와 배터리 합작투자계약(JVA)을 체결했다.")) == [["SK온", "포드"]]


@pytest.mark.parametrize("title", ["장가항시와 미르텍 MOU 체결", "충청남도-한빛전자 MOU 체결", "충청남도·한빛전자 투자협약 체결"])
def test_a_headline_names_its_parties_right_before_the_agreement_noun(extract, title):
    result = extract("양측은 공장 건립에 협력하기로 했다.", title=title)
    assert len(_parties(result)) == 1 and len(_parties(result)[0]) == 2


def test_a_count_written_with_its_group_noun_closes_the_list_too(extract):
    assert _parties(extract("한국, 일본, 중국 3국은 사무국 설립 각서를 채택했다.")) == [["일본", "중국", "한국"]]
