import datetime as dt

import pytest

from streams.extraction.dates import signing_date

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
