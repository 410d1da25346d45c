"""Extraction never raises and is deterministic, whatever the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streams.extraction import Article, Extraction, Extractor

_EXTRACTOR = Extractor(num_workers=1)  # one Kiwi for every example: loading it is slow

_korean = st.text(
    alphabet=st.sampled_from(list("가나다라마바사아자차카타파하협약체결했다와과는은이가 ,.()㈜(주)MOU123일월년\n")),
    max_size=200,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.one_of(st.text(max_size=200), _korean), title=st.one_of(st.just(""), _korean))
def test_extraction_never_raises_and_is_deterministic(body, title):
    article = Article(id="p", body=body, title=title, published_at="2024-01-31")
    first = _EXTRACTOR.extract(article)
    second = _EXTRACTOR.extract(article)
    assert isinstance(first, Extraction)
    assert first == second


def test_batch_keeps_slots_aligned_with_return_exceptions():
    articles = [Article(id=str(i), body=b) for i, b in enumerate(["", "시는 협약을 체결했다.", "\x00"])]
    results = _EXTRACTOR.extract_many(articles, return_exceptions=True)
    assert [r.article_id for r in results] == ["0", "1", "2"]
