"""The bench's corpus: as many distinct articles as asked for, each about the length the targets name."""

from streams.bench import load_source, make_corpus
from streams.extraction.text import clean
from streams.pipeline import content_hash
from streams.records import validate_article


def test_every_copy_is_a_distinct_story_of_at_least_the_length_asked_for():
    source = load_source()[0]
    corpus = make_corpus(source, 3 * len(source) + 1, "c", min_chars=2000)
    # the pipeline drops a story it has seen under another id: every copy must differ after cleaning
    assert len({content_hash(validate_article(a)) for a in corpus}) == len(corpus)
    assert min(len(clean(a["body"])) for a in corpus) >= 2000
