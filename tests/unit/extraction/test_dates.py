import datetime as dt

import pytest

from streams.extraction.dates import infer_reference, signing_date

PUBLISHED = dt.date(2024, 6, 20)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("시는 18일 협약을 체결했다.", dt.date(2024, 6, 18)),
        ("시는 지난 12일(현지시간) 협약을 체결했다.", dt.date(2024, 6, 12)),
        ("시는 올해 5월 23일 협약을 체결했다.", dt.date(2024, 5, 23)),
        ("시는 2023년 2월 26일 협약을 체결했다.", dt.date(2023, 2, 26)),
        ("시는 지난달 30일 협약을 체결했다.", dt.date(2024, 5, 30)),
        ("시는 28일 협약을 체결했다.", dt.date(2024, 5, 28)),  # later than the 20th: last month
        ("시는 이날 협약을 체결했다.", PUBLISHED),
        ("시는 협약을 체결했다고 18일 밝혔다.", None),  # the date of the announcement
        ("시는 제2일반산업단지 협약을 체결했다.", None),
    ],
)
def test_signing_date_resolves_against_publication(sentence, expected):
    verb = sentence.index("체결")
    assert signing_date(sentence, verb, PUBLISHED) == expected


def test_relative_day_without_publication_date_is_unknown():
    assert signing_date("시는 18일 협약을 체결했다.", 8, None) is None


def test_year_less_date_uses_context_for_today():
    assert signing_date("이날 서명했다.", 3, PUBLISHED, dt.date(2024, 6, 12)) == dt.date(2024, 6, 12)


@pytest.mark.parametrize(
    "sentence",
    [
        "4일 금융감독원 전자공시시스템에 따르면 회사는 공급계약을 체결했다.",
        "7일 가람시 투자유치과에 의하면 시는 협약을 체결했다.",
    ],
)
def test_a_day_dating_the_source_of_the_report_is_not_the_signing_date(sentence):
    assert signing_date(sentence, sentence.index("체결"), PUBLISHED) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # 23 August is a Thursday in 2029, a Friday in 2030: the weekday picks the year named once
        ("가람공사는 2029년 출범했다. 2030년 목표다. 8월 23일(목) 협약을 체결했다.", dt.date(2029, 8, 31)),
        # no year fits the weekday: the recurring year stands
        ("2030년 계획. 2030년 예산. 8월 23일(월) 협약을 체결했다.", dt.date(2030, 8, 31)),
        # a year but no month: a bare "5일" cannot be dated
        ("2030년 행사. 2030년 계획. 시는 5일 협약을 체결했다.", None),
    ],
)
def test_reference_date_of_an_undated_article(text, expected):
    assert infer_reference(text) == expected


def test_a_pages_labelled_date_line_outranks_a_later_widget_date():
    text = "맑음 서울 20℃ 2031.09.16 (화) 기사승인 : 2030-01-10 11:25:47 가람시는 5일 협약을 체결했다."
    assert infer_reference(text) == dt.date(2030, 1, 10)
