import gc

import orjson

from streams.extraction import clean
from streams.pipeline import CleanBodies, cleaned_bodies, content_hash, crawl_latency
from streams.records import ArticleIn


def test_content_hash_ignores_whitespace_and_crawler_junk_but_not_words():
    a = ArticleIn(id="a", body="가나전자와 다라시는 12일 업무협약을 체결했다.")
    b = ArticleIn(id="b", body="  가나전자와   다라시는 12일\n업무협약을 체결했다.  ")
    c = ArticleIn(id="c", body="가나전자와 마바시는 12일 업무협약을 체결했다.")
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(c)


def test_crawl_latency_from_crawled_at():
    article = ArticleIn(id="a", body="x", crawled_at="2025-01-01T00:00:00Z")
    assert crawl_latency(article, 1735689600.0 + 2.5) == 2.5
    assert crawl_latency(ArticleIn(id="a", body="x"), 0.0) is None
    assert crawl_latency(ArticleIn(id="a", body="x", crawled_at="2025-01-01"), 0.0) is None


def test_content_hash_keeps_the_cleaned_body_for_extraction_once():
    body = "<p>가나전자와 다라시는 12일 업무협약을 체결했다.</p>\n무단전재 및 재배포 금지"
    content_hash(ArticleIn(id="k", body=body))
    assert cleaned_bodies.take(body) == clean(body)
    assert cleaned_bodies.take(body) is None  # taken: the next one cleans again


def test_clean_bodies_are_bounded_by_characters_oldest_out():
    kept = CleanBodies(max_chars=20)
    kept.put("a" * 5, "a" * 5)
    kept.put("b" * 5, "b" * 5)
    kept.put("c" * 5, "c" * 5)  # 30 characters: the oldest goes
    assert len(kept) == 2 and kept.take("a" * 5) is None and kept.take("c" * 5) == "c" * 5
    kept.put("d" * 30, "d")  # larger than the whole budget: not kept
    assert kept.take("d" * 30) is None and len(kept) == 1


def test_pipeline_extraction_is_the_same_with_a_body_cleaned_by_validation():
    from streams.metrics import build_metrics
    from streams.pipeline import Message, Pipeline
    from streams.settings import Settings

    pipeline = Pipeline(Settings.from_env({}), build_metrics())
    article = ArticleIn(id="p1", body="<b>가나전자와</b> 다라시는 12일 업무협약을 체결했다.\n▶ 관련기사\n- 다른 기사", title="협약")
    message = Message(key=b"p1", value=b"{}", topic="articles", partition=0, offset=0)

    def values():
        return [(out.topic, out.key, orjson.loads(out.value)) for out in pipeline.extract([(message, article)])]

    without = values()
    assert gc.get_freeze_count() > 0  # load() took what lives as long as the process out of the collector
    content_hash(article)
    with_cleaned = values()
    assert cleaned_bodies.take(article.body) is None  # extraction took it
    strip = lambda outs: [(t, k, {f: v for f, v in r.items() if f != "extracted_at"}) for t, k, r in outs]
    assert strip(with_cleaned) == strip(without) and len(without) >= 2
