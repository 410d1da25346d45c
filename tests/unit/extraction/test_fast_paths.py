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
