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


def test_a_university_short_name_with_its_industry_cooperation_foundation_signs(extract):
    result = extract("가람대 산학협력단은 지난 10일 누리병원과 의료기기 개발 협약을 체결했다.")
    assert _signed(result) == [["가람대 산학협력단", "누리병원"]]


def test_attendees_listed_with_wa_are_the_subjects_partners(extract):
    result = extract("충청남도는 17일 도청에서 김태흠 지사와 누리소재 박민수 대표 등이 참석한 가운데 "
                     "2000억원 규모의 투자협약을 체결했다.")
    assert _signed(result) == [["누리소재", "충청남도"]]


def test_attendees_with_nobody_named_before_them_sign_for_their_companies(extract):
    result = extract("가람전자 김민수 대표와 누리소재 이수진 대표가 참석한 가운데 협약식이 열렸다.")
    assert _signed(result) == [["가람전자", "누리소재"]]
