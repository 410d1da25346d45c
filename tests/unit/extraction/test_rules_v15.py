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

