import base64
import json

import pytest

from streams.errors import Reason, RejectedArticle
from streams.extraction import Agreement, Extraction, Party
from streams.records import DEADLETTER_PAYLOAD_LIMIT, agreement_records, deadletter_record, decode_article

LIMIT = 10_000


def enc(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode()


@pytest.mark.parametrize(
    "raw, key, reason",
    [
        (b"", None, Reason.NOT_JSON),
        (None, None, Reason.NOT_JSON),
        (b"\xff\xfe{}", None, Reason.NOT_UTF8),
        (b"{not json", None, Reason.NOT_JSON),
        (b"[1, 2]", None, Reason.NOT_OBJECT),
        (b'"just a string"', None, Reason.NOT_OBJECT),
        (enc({"body": "본문"}), None, Reason.MISSING_FIELD),
        (enc({"id": "a", "body": None}), None, Reason.MISSING_FIELD),
        (enc({"id": "", "body": "본문"}), None, Reason.EMPTY_FIELD),
        (enc({"id": "a", "body": " \n "}), None, Reason.EMPTY_FIELD),
        (enc({"id": 7, "body": "본문"}), None, Reason.WRONG_TYPE),
        (enc({"id": "a", "body": "본문", "title": ["x"]}), None, Reason.WRONG_TYPE),
        (enc({"id": "a", "body": "본문", "published_at": "어제"}), None, Reason.BAD_DATE),
        (enc({"id": "a", "body": "본문", "crawled_at": "2025-13-01"}), None, Reason.BAD_DATE),
        (enc({"id": "a", "body": "가" * 5000}), None, Reason.TOO_LARGE),
        (enc({"id": "a", "body": "본문"}), b"b", Reason.KEY_MISMATCH),
    ],
)
def test_bad_messages_are_rejected_with_a_stable_reason(raw, key, reason):
    with pytest.raises(RejectedArticle) as caught:
        decode_article(raw, key, max_bytes=LIMIT)
    assert caught.value.reason is reason
    assert caught.value.message


def test_valid_article_keeps_its_fields_and_ignores_unknown_ones():
    raw = enc({"id": "a-1", "body": "본문", "title": "제목", "published_at": "2025-09-13T08:00:00+09:00",
               "crawled_at": "2025-09-13T08:01:00Z", "extra": {"anything": 1}})
    article = decode_article(raw, b"a-1", max_bytes=LIMIT)
    assert (article.id, article.title, article.published_at) == ("a-1", "제목", "2025-09-13T08:00:00+09:00")
    assert article.for_extraction().title == "제목"


def test_deadletter_keeps_the_original_bytes_losslessly():
    raw = b"\xff not utf8"
    record = deadletter_record(raw, None, RejectedArticle(Reason.NOT_UTF8, "x"), topic="articles",
                               partition=1, offset=9, failed_at="2025-01-01T00:00:00Z")
    assert base64.b64decode(record["payload_base64"]) == raw
    assert record["payload_text"] is None
    assert record["stage"] == "decode" and record["source"] == {"topic": "articles", "partition": 1, "offset": 9, "key": None}


def test_the_same_agreement_twice_in_one_article_is_one_record_with_details_merged():
    article = decode_article(enc({"id": "a", "body": "본문", "published_at": "2025-03-02"}), max_bytes=LIMIT)
    parties = (Party("한빛전자", "ORG"), Party("난징시", "LOC"))
    extraction = Extraction("a", agreements=(
        Agreement(parties, "mou", "signed", "제목 문장"),
        Agreement(tuple(reversed(parties)), "mou", "signed", "본문 문장", signed_on="2025-03-01", venue="시청"),
    ))
    records = agreement_records(article, extraction, "2025-03-02T00:00:00Z")
    assert len(records) == 1
    assert records[0]["signed_on"] == "2025-03-01" and records[0]["venue"] == "시청"
    assert records[0]["evidence"] == "제목 문장"


def test_agreement_ids_meet_across_outlets_with_and_without_a_date():
    parties = (Party("한빛전자", "ORG"), Party("난징시", "LOC"))
    dated = decode_article(enc({"id": "x", "body": "b", "published_at": "2025-03-03"}), max_bytes=LIMIT)
    undated = decode_article(enc({"id": "y", "body": "b", "crawled_at": "2025-03-05T10:00:00Z"}), max_bytes=LIMIT)
    a = agreement_records(dated, Extraction("x", agreements=(Agreement(parties, "mou", "signed", "e", signed_on="2025-03-01"),)), "t")
    b = agreement_records(undated, Extraction("y", agreements=(Agreement(parties, "mou", "signed", "e"),)), "t")
    assert a[0]["agreement_id"] == b[0]["agreement_id"]


def test_deadletter_of_a_huge_message_keeps_its_first_bytes_and_says_it_was_cut():
    raw = b"{" + b"x" * (DEADLETTER_PAYLOAD_LIMIT * 2)
    record = deadletter_record(raw, b"k", RejectedArticle(Reason.TOO_LARGE, "big"), topic="articles",
                               partition=0, offset=1, failed_at="2025-01-01T00:00:00Z")
    assert record["payload_truncated"] is True and record["payload_bytes"] == len(raw)
    assert base64.b64decode(record["payload_base64"]) == raw[:DEADLETTER_PAYLOAD_LIMIT]
    assert record["payload_text"] is None
