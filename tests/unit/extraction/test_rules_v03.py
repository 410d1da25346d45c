"""Rules added in 0.3: each row is a sentence written for these tests (no article text)."""

import datetime as dt

import pytest

from streams.extraction.dates import announcement_date, infer_reference, last_date, signing_date


def _signed(result):
    return sorted(sorted(p.name for p in a.parties) for a in result.agreements if a.status == "signed")


def _names(result, type_):
    return {n for e in result.entities if e.type == type_ for n in (e.name, *e.aliases)}


# -- dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("행사는 2023.03.08 열렸다. 2022년 실적이 좋았다.", dt.date(2023, 3, 8)),  # latest full date
        ("CES 2024 참관. 2024 전시. 지난 1월 7일 출국했다.", dt.date(2024, 1, 31)),  # recurring year, month end
        ("회사는 2009년 설립됐다. 11일 협약을 맺었다.", None),  # a year named once is an earlier event
        ("연도가 없는 기사다.", None),
    ],
)
def test_reference_date_of_an_undated_article(text, expected):
    assert infer_reference(text) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("시는 지난 3일 협약서에 서명했다고 8일 밝혔다.", dt.date(2024, 6, 3)),  # 8일 dates the announcement
        ("시는 12일 도착했다.", dt.date(2024, 6, 12)),
    ],
)
def test_last_date_skips_announcement_dates(sentence, expected):
    assert last_date(sentence, dt.date(2024, 6, 20)) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("회사는 공급계약을 체결했다고 3일 공시했다.", True),
        ("회사는 3일 공급계약을 체결했다.", False),
    ],
)
def test_announcement_date_after_the_verb(sentence, expected):
    assert announcement_date(sentence, sentence.index("체결")) is expected


def test_date_before_an_announcement_verb_is_not_the_signing_date():
    s = "회사는 공급계약을 맺고 3일 공시했다."
    assert signing_date(s, s.index("공시") + 2, dt.date(2024, 6, 20)) is None


def test_undated_article_takes_its_year_from_the_text(extract):
    body = ("2024년 전시회에 이어 2024년 설명회가 열렸다. "
            "진주시는 지난 5월 20일 한빛테크와 업무협약(MOU)을 체결했다.")
    result = extract(body, published_at=None)
    assert [a.signed_on for a in result.agreements] == ["2024-05-20"]


def test_reported_signing_without_own_date_has_no_date(extract):
    body = "7일 시장이 열렸다. 가온엘에스티도 대만의 빅선에너지와 장기공급계약을 맺었다고 밝혔다."
    result = extract(body)
    assert [a.signed_on for a in result.agreements] == [None]


# -- agreement patterns ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "body, expected",
    [
        # "등 N개 기업과 각각": the count closes the list of partners
        ("포산시는 한국의 누리오토텍, 다솜푸드, 미래ICT솔루션 등 3개 기업과 각각 투자협약을 체결했다.",
         [["누리오토텍", "포산시"], ["다솜푸드", "포산시"], ["미래ICT솔루션", "포산시"]]),
        # "등 3개 기관이": the count closes the list of signatories
        ("인천경제자유구역청과 한중기술협력센터, 한국산업기술진흥원 등 3개 기관이 13일 협약을 체결했다.",
         [["인천경제자유구역청", "한국산업기술진흥원", "한중기술협력센터"]]),
        # "A와 B 간" with 간 written apart
        ("이 업무협약(MOU)은 올해 줄어든 양국 간 교역 규모를 다시 늘리기 위해 산업부와 베트남 산업무역부 간 체결된 협력이다.",
         [["베트남 산업무역부", "산업부"]]),  # a generic ministry keeps its country
        # "X 역시 Y와": 역시 marks the subject
        ("코미랩 역시 조달청과 백신 공급계약을 체결했다.", [["조달청", "코미랩"]]),
        # "…에 이어 N번째": earlier ties of the subject
        ("이번 결연으로 영천시는 마포구, 강서구, 부안군에 이어 네 번째 국내 자매결연을 맺게 됐다.",
         [["마포구", "영천시"], ["강서구", "영천시"], ["부안군", "영천시"]]),
    ],
)
def test_new_party_patterns(extract, body, expected):
    assert _signed(extract(body)) == sorted(sorted(p) for p in expected)


def test_paren_person_after_partner(extract):
    body = "서울진흥재단은 지난 2월 26일 국내 로펌 세종(대표 변호사 홍길동)과 업무협약을 체결한 바 있다."
    assert _signed(extract(body)) == [["서울진흥재단", "세종"]]


def test_both_companies_refers_back_to_the_last_parties(extract):
    body = ("세진케미칼은 미국의 배터리 제조사 다라배터리와 공급계약을 체결했다. "
            "두 회사는 2023년 3월 7일 공동 개발 양해각서(MOU)를 맺은 바 있다.")
    result = extract(body)
    kinds = sorted((a.kind, a.signed_on) for a in result.agreements)
    assert kinds == [("contract", None), ("mou", "2023-03-07")]
    assert _signed(result) == [["다라배터리", "세진케미칼"]] * 2


def test_earlier_tie_between_the_same_parties_is_kept(extract):
    body = ("양산시는 지난 12일 중국 린이시와 자매결연을 체결했다. "
            "양산시와 린이시는 지난 2010년 우호 교류 협정을 체결한 뒤 교류해 왔다.")
    result = extract(body)
    assert sorted(a.signed_on or "" for a in result.agreements) == ["", "2024-06-12"]


@pytest.mark.parametrize(
    "body, kind",
    [
        ("8일 빈서개발구관리위원회는 한국산업단지관리공단과 협력운영 협약을 체결했다.", "agreement"),
        ("8일 빈서개발구관리위원회는 한국산업단지관리공단과 업무협약을 체결했다.", "mou"),
    ],
)
def test_operation_agreement_kind(extract, body, kind):
    assert [a.kind for a in extract(body).agreements] == [kind]


# -- entities ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "body, type_, name",
    [
        ("(서울=연합뉴스) 김민수 기자 = 시는 협약을 맺었다.", "ORG", "연합뉴스"),
        ("(서울=연합뉴스) 김민수 기자 = 시는 협약을 맺었다.", "LOC", "서울"),
        ("(서울=연합뉴스) 김민수 기자 = 시는 협약을 맺었다.", "PERSON", "김민수"),
        ("박지훈기자 = 시는 협약을 맺었다.", "PERSON", "박지훈"),  # byline without a space
        ("왕리밍(王立明) 웨이팡시장과 시장은 협약에 서명했다.", "PERSON", "王立明"),  # Hanja original
        ("안산시는 테리 벨(Terry Bell) 시장과 의향서를 체결했다.", "PERSON", "테리 벨"),  # Latin original
        ("진안군은 베트남 꼰뚬(KONTUM)성과 협약을 체결했다.", "LOC", "꼰뚬성"),  # 성과 = 성 + 과
        ("대·중소기업·농어업협력재단과 특구재단은 협약을 체결했다.", "ORG", "대·중소기업·농어업협력재단"),
        ("가온엘에스티도 대만의 빅선에너지와 공급계약을 맺었다.", "ORG", "가온엘에스티"),  # 도 is a particle
    ],
)
def test_new_entity_rules(extract, body, type_, name):
    assert name in _names(extract(body), type_)


@pytest.mark.parametrize(
    "body, type_, name",
    [
        ("박지훈기자 = 시는 협약을 맺었다.", "ORG", "박지훈기자"),
        ("가온엘에스티도 대만의 빅선에너지와 공급계약을 맺었다.", "LOC", "가온엘에스티도"),
        ("흥옌성·건설부와 협약을 체결했다.", "ORG", "흥옌성·건설부"),  # a place and a ministry stay apart
    ],
)
def test_new_entity_rules_do_not_over_fire(extract, body, type_, name):
    assert name not in _names(extract(body), type_)


def test_known_body_is_not_grouped_as_short_form_of_another(extract):
    body = "산업부와 베트남 산업무역부는 협약을 체결했다."
    result = extract(body)
    orgs = [e for e in result.entities if e.type == "ORG"]
    assert len(orgs) == 2


@pytest.mark.parametrize(
    "body, name",
    [
        ("시는 25일 서울 롯데호텔에서 협약을 체결했다.", "롯데호텔"),
        ("협약식은 정부세종청사에서 열렸다.", "정부세종청사"),
        ("공장은 완주테크노밸리에 들어선다.", "완주테크노밸리"),
    ],
)
def test_venues_are_places_not_organisations(extract, body, name):
    result = extract(body)
    assert name in _names(result, "LOC")
    assert name not in _names(result, "ORG")


def test_city_hall_is_not_an_alias_of_the_city(extract):
    body = "경북 구미시와 중국 우시시는 25일 구미시청 대회의실에서 업무협약을 체결했다."
    result = extract(body)
    assert _signed(result) == [["구미시", "우시시"]]


@pytest.mark.parametrize("body", ["URL복사 페이스북 트위터", "기사 원문은 news.example.com 에 있다."])
def test_page_chrome_is_not_an_organisation(extract, body):
    assert not _names(extract(body), "ORG") & {"URL복사", "페이스북", "news.example.com"}


@pytest.mark.parametrize(
    "body, sectors",
    [
        ("구미시는 반도체 기업 유치에 나섰다. 구미시는 25일 우시시와 이차전지 협력 업무협약을 체결했다.",
         ("반도체", "이차전지")),
        ("구미시는 25일 우시시와 업무협약을 체결했다.", ()),
        ("구미시는 25일 우시시와 AI 협력 업무협약을 체결했다. MAIN 행사가 이어졌다.", ("AI·디지털",)),
    ],
)
def test_sectors_from_the_signing_sentence_and_its_neighbours(extract, body, sectors):
    assert [a.sectors for a in extract(body).agreements] == [sectors]


def test_several_documents_between_the_same_two_parties(extract):
    body = ("우선 국토교통부는 ▲ 도시개발 협력 ▲ 철도 기술지원에 대한 MOU를 "
            "베트남 건설부와 각각 체결했다.")
    result = extract(body)
    assert len(result.agreements) == 2
    assert {frozenset(p.name for p in a.parties) for a in result.agreements} == {
        frozenset({"국토교통부", "베트남 건설부"})}


def test_one_document_is_not_multiplied_without_each(extract):
    body = "국토교통부는 베트남 건설부와 도시개발 등 2건의 협력을 위한 MOU를 체결했다."
    assert len(extract(body).agreements) == 1


def test_party_list_inside_parentheses(extract):
    body = ("국립대구과학관(관장 홍길동)은 3일 지역 국립기관(국립낙동강생물자원관, "
            "대구지방기상청(국립대구기상과학관), 국립대구박물관)과 다자간 업무협약을 체결했다.")
    parties = _signed(extract(body))
    assert len(parties) == 1 and len(parties[0]) == 4
    assert {"국립대구과학관", "국립낙동강생물자원관", "국립대구박물관"} <= set(parties[0])


def test_title_after_a_genitive_body_stands_for_that_body(extract):
    body = "고양시는 미국을 방문했다. 이 시장은 풀러턴시의 프레드정 부시장과 우호협력의향서를 체결했다."
    result = extract(body)
    assert _signed(result) == [["고양시", "풀러턴시"]]
    assert [a.kind for a in result.agreements] == ["loi"]


@pytest.mark.parametrize(
    "body, type_, name",
    [
        ("행사는 핑후(平湖)에서 열렸다.", "LOC", "핑후"),  # a Chinese place name, not a person
        ("알 하마디 UAE 교육부 장관과 협약을 체결했다.", "ORG", "UAE 교육부"),  # generic ministry keeps its country
    ],
)
def test_foreign_places_and_ministries(extract, body, type_, name):
    assert name in _names(extract(body), type_)


def test_company_name_ending_in_title_letters_is_not_a_title(extract):
    body = "한국반도체산업협회와 UAE 무바달라테크놀로지사는 기업협력 MOU를 체결했다."
    assert _signed(extract(body)) == [["무바달라테크놀로지사", "한국반도체산업협회"]]


@pytest.mark.parametrize(
    "nouns, proper, classes, expected",
    [
        (["응우옌", "반", "롱"], [True, False, False], "PNN", True),  # foreign name, partly proper
        (["앤드루", "그렉슨"], [True, True], "PP", True),
        (["베트남", "협력사업"], [True, False], "PN", False),  # a long common noun is not a name part
        (["국립", "기관"], [False, False], "NN", False),  # no proper noun at all
    ],
)
def test_multiword_person_names(nouns, proper, classes, expected):
    from streams.extraction import rules
    from streams.extraction.entities import _is_person_name
    from streams.extraction.words import Word

    words = [Word(start=0, end=0, noun=n, proper=p) for n, p in zip(nouns, proper)]
    assert _is_person_name(words, classes, rules.load()) is expected


@pytest.mark.parametrize(
    "body, expected",
    [
        ("이재준 고양시장은 미국을 방문했다. 이 시장은 풀러턴시와 우호협력의향서를 체결했다.", [["고양시", "풀러턴시"]]),
    ],
)
def test_bare_title_subject_stands_for_the_title_holders_body(extract, body, expected):
    assert _signed(extract(body)) == expected


@pytest.mark.parametrize("body", ["캘리포니아 교육도시 풀러턴과 우호협력도시 체결", "관광도시 여수를 찾았다."])
def test_common_noun_city_is_not_a_place_name(extract, body):
    result = extract(body)
    assert not {"교육도시", "관광도시"} & (_names(result, "LOC") | _names(result, "ORG"))
