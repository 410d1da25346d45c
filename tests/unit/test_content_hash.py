from streams.pipeline import content_hash, crawl_latency
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
