"""Fast paths and caches of the extraction give what the plain computation gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.extraction import mojibake
from streams.extraction.words import _LEGAL_MARKS, legal_marks

_MARKED = st.text(alphabet=st.sampled_from(list("(주)㈜株 가나A")), max_size=40)


@given(_MARKED)
def test_legal_marks_are_every_position_a_marker_starts_at(text):
    expected = {}
    for i in range(len(text)):
        for mark in _LEGAL_MARKS:
            if text.startswith(mark, i):
                expected[i] = i + len(mark)
    assert legal_marks(text) == expected


def _mojibake(korean: str) -> str:
    """What the crawler makes of a CP949 page: bytes read as Latin-1, 0xAD dropped."""
    return korean.encode("cp949").replace(b"\xad", b"").decode("latin-1")


_KOREAN = st.lists(st.sampled_from(["협약을", "체결했다", "서울시와", "부산시는", "강화", "에서", "1일", "MOU", "산업"]),
                   min_size=4, max_size=12).map(" ".join)


@settings(max_examples=15, deadline=None)
@given(_KOREAN)
def test_mojibake_repair_does_not_depend_on_what_is_cached(korean):
    text = _mojibake(korean)
    warm = mojibake.repair_mojibake(text)
    mojibake._repair_word.cache_clear()
    mojibake._model().steps.clear()
    assert mojibake.repair_mojibake(text) == warm


def test_mojibake_step_table_stays_bounded(monkeypatch):
    monkeypatch.setattr(mojibake, "_MAX_STEPS", 5)
    mojibake._repair_word.cache_clear()
    korean = "서울시와 부산시는 1일 업무협약을 체결했다 협력을 강화한다"
    text = _mojibake(korean)
    repaired = mojibake.repair_mojibake(text)
    assert repaired == korean
    assert len(mojibake._model().steps) <= 5
    mojibake._repair_word.cache_clear()
    monkeypatch.undo()
    mojibake._model().steps.clear()
    assert mojibake.repair_mojibake(text) == repaired


# -- date scans: the narrower scans find exactly the matches of their kinds that the full scan finds
_DATE_PIECES = st.lists(st.sampled_from(["2024", "20", "19", "5", "12", "0", "년", "월", "일", ".", "-", "/", " ",
                                         "이날", "오늘", "금일", "전일", "어제", "전날", "지난달", "지난 달", "지난",
                                         "전월", "올해", "작년", "금년", "지난해", "간", "째", "가", "기자"]),
                        max_size=16).map("".join)


def _spans(matches):
    return [(m.span(), m.group(0)) for m in matches]


@given(_DATE_PIECES)
def test_narrow_date_scans_match_the_full_scan(text):
    from streams.extraction import dates

    full = list(dates._DATE.finditer(text))
    assert _spans(dates._MONTH_DATE.finditer(text)) == _spans(
        m for m in full if m.group("ymd") or m.group("md") or m.group("lm"))
    assert _spans(dates._NUMBERED_DATE.finditer(text)) == _spans(
        m for m in full if not m.group("today") and not m.group("yday"))


@given(st.text(alphabet=st.sampled_from(list("가 \t\n\u3000\u00a0\x1cA·")), max_size=12))
def test_norm_drops_what_the_whitespace_regex_drops(name):
    import re

    from streams.extraction.grouping import norm

    assert norm(name) == re.sub(r"\s+", "", name)


def test_phrases_carry_the_index_of_their_first_word(extractor):
    from streams.extraction.document import analyse, compose

    text, title_end = compose("가람시-미르군, 우호협력 MOU 체결",
                              "가람시와 미르군은 3일 (주)다온테크 본사에서 업무협약(MOU)을 체결했다.\n"
                              "홍길동 가람시장과 김영수 미르군수, 스맥·메타팩 대표 등이 참석했다.")
    doc = analyse(text, title_end, "2024-06-20", extractor.analyzer.tokenize([text])[0])
    assert doc.phrases
    for first, run in doc.phrases:
        assert all(a is b for a, b in zip(doc.words[first:first + len(run)], run, strict=True))
    assert doc.sentences[0][0] == 0 and all(a[1] <= b[0] for a, b in zip(doc.sentences, doc.sentences[1:]))
