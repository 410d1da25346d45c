"""Message contracts in code: decode input articles, build output records.

Pure functions over bytes and dicts; the JSON Schemas in ``schemas/`` describe the
same shapes and ``tests/unit/test_schemas.py`` keeps the two from drifting apart.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

import orjson

from .errors import Reason, RejectedArticle
from .extraction import EXTRACTOR_VERSION, Agreement, Article, Entity, Extraction
from .identity import agreement_id, year_of

_OPTIONAL_TEXT = ("title", "url", "source", "lang")
_OPTIONAL_DATES = ("published_at", "crawled_at")


@dataclass(frozen=True, slots=True)
class ArticleIn:
    """A validated ``article.v1`` message."""

    id: str
    body: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = None
    published_at: str | None = None
    crawled_at: str | None = None

    def for_extraction(self) -> Article:
        return Article(
            id=self.id,
            body=self.body,
            title=self.title or "",
            published_at=self.published_at,
            url=self.url,
            source=self.source,
        )


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(value: str) -> datetime | date:
    """ISO 8601 date or date-time (``Z`` accepted); raises ValueError."""
    text = value.strip()
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def decode_article(value: bytes | None, key: bytes | None = None, *, max_bytes: int) -> ArticleIn:
    """Decode and validate one raw ``articles`` message or raise RejectedArticle."""
    return validate_article(_json_object(value, max_bytes), key)


def decode_record(value: bytes | None, required: tuple[str, ...], *, max_bytes: int) -> dict[str, Any]:
    """Decode one of the product's own records (read back by the index) or raise RejectedArticle."""
    obj = _json_object(value, max_bytes)
    missing = [name for name in required if name not in obj]
    if missing:
        raise RejectedArticle(Reason.MISSING_FIELD, f"field {missing[0]!r} is missing")
    return obj


def _json_object(value: bytes | None, max_bytes: int) -> dict[str, Any]:
    if value is None or len(value) == 0:
        raise RejectedArticle(Reason.NOT_JSON, "empty message")
    if len(value) > max_bytes:
        raise RejectedArticle(Reason.TOO_LARGE, f"message is {len(value)} bytes, limit is {max_bytes}")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RejectedArticle(Reason.NOT_UTF8, f"not UTF-8: {exc.reason} at byte {exc.start}") from None
    try:
        obj = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise RejectedArticle(Reason.NOT_JSON, f"not JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise RejectedArticle(Reason.NOT_OBJECT, f"expected a JSON object, got {type(obj).__name__}")
    return obj


def _required_text(obj: dict[str, Any], name: str) -> str:
    if name not in obj or obj[name] is None:
        raise RejectedArticle(Reason.MISSING_FIELD, f"field {name!r} is missing")
    value = obj[name]
    if not isinstance(value, str):
        raise RejectedArticle(Reason.WRONG_TYPE, f"field {name!r} must be a string, got {type(value).__name__}")
    if not value.strip():
        raise RejectedArticle(Reason.EMPTY_FIELD, f"field {name!r} is empty")
    return value


def validate_article(obj: dict[str, Any], key: bytes | None = None) -> ArticleIn:
    article_id = _required_text(obj, "id")
    body = _required_text(obj, "body")
    optional: dict[str, str | None] = {}
    for name in _OPTIONAL_TEXT + _OPTIONAL_DATES:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise RejectedArticle(Reason.WRONG_TYPE, f"field {name!r} must be a string or null, got {type(value).__name__}")
        optional[name] = value if value else None
    for name in _OPTIONAL_DATES:
        if optional[name] is not None:
            try:
                parse_iso(optional[name])
            except ValueError:
                raise RejectedArticle(Reason.BAD_DATE, f"field {name!r} is not an ISO 8601 date: {optional[name]!r}") from None
    if key is not None and key.decode("utf-8", "replace") != article_id:
        raise RejectedArticle(Reason.KEY_MISMATCH, f"message key {key!r} does not match id {article_id!r}")
    return ArticleIn(id=article_id, body=body, **optional)


def entity_dict(entity: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": entity.type,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "count": entity.count,
    }
    for optional in ("title", "affiliation", "value"):
        value = getattr(entity, optional)
        if value is not None:
            out[optional] = value
    return out


def entities_record(article: ArticleIn, extraction: Extraction, extracted_at: str) -> dict[str, Any]:
    """One ``entities.v1`` message per processed article."""
    return {
        "article_id": article.id,
        "source_url": article.url,
        "published_at": article.published_at,
        "entities": [entity_dict(e) for e in extraction.entities],
        "extracted_at": extracted_at,
        "extractor_version": EXTRACTOR_VERSION,
    }


def agreement_record(article: ArticleIn, agreement: Agreement, extracted_at: str) -> dict[str, Any]:
    year = year_of(agreement.signed_on, article.published_at, article.crawled_at, extracted_at)
    return {
        "agreement_id": agreement_id(agreement.kind, ((p.name, p.type) for p in agreement.parties), year),
        "article_id": article.id,
        "source_url": article.url,
        "published_at": article.published_at,
        "parties": [{"name": p.name, "type": p.type, "aliases": list(p.aliases)} for p in agreement.parties],
        "kind": agreement.kind,
        "status": agreement.status,
        "signed_on": agreement.signed_on,
        "venue": agreement.venue,
        "sectors": list(agreement.sectors),
        "evidence": agreement.evidence,
        "extracted_at": extracted_at,
        "extractor_version": EXTRACTOR_VERSION,
    }


def agreement_records(article: ArticleIn, extraction: Extraction, extracted_at: str) -> list[dict[str, Any]]:
    """``agreement.v1`` messages, one per agreement id.

    An article that reports the same agreement twice (headline and body, say) yields
    one record: the first mention, with a date or venue filled in from a later one.
    """
    merged: dict[str, dict[str, Any]] = {}
    for agreement in extraction.agreements:
        record = agreement_record(article, agreement, extracted_at)
        seen = merged.get(record["agreement_id"])
        if seen is None:
            merged[record["agreement_id"]] = record
            continue
        if seen["status"] == "planned" and record["status"] == "signed":
            seen["status"] = "signed"
        for field in ("signed_on", "venue"):
            if seen[field] is None:
                seen[field] = record[field]
        seen["sectors"] = sorted(set(seen["sectors"]) | set(record["sectors"]))
    return list(merged.values())


# A dead letter must fit in a Kafka message itself: a payload above this is cut, and
# the record says so; the whole original stays in the source topic at source.offset.
DEADLETTER_PAYLOAD_LIMIT = 256 * 1024


def deadletter_record(
    payload: bytes | None,
    key: bytes | None,
    error: RejectedArticle,
    *,
    topic: str,
    partition: int | None,
    offset: int | None,
    failed_at: str,
) -> dict[str, Any]:
    """``deadletter.v1``: the original bytes (base64) and why they were rejected."""
    size = 0 if payload is None else len(payload)
    kept = None if payload is None else payload[:DEADLETTER_PAYLOAD_LIMIT]
    text = None
    if kept is not None and size <= DEADLETTER_PAYLOAD_LIMIT:
        try:
            text = kept.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return {
        "reason": error.reason.value,
        "message": error.message,
        "stage": error.stage.value,
        "source": {
            "topic": topic,
            "partition": partition,
            "offset": offset,
            "key": None if key is None else key.decode("utf-8", "replace"),
        },
        "payload_base64": None if kept is None else base64.b64encode(kept).decode("ascii"),
        "payload_text": text,
        "payload_bytes": size,
        "payload_truncated": size > DEADLETTER_PAYLOAD_LIMIT,
        "failed_at": failed_at,
        "extractor_version": EXTRACTOR_VERSION,
    }


def extraction_failure(exc: BaseException) -> RejectedArticle:
    """Turn an unexpected exception inside extraction into a dead-letter reason."""
    message = f"{type(exc).__name__}: {exc}"
    return RejectedArticle(Reason.EXTRACTION_FAILED, message[:500])


def dumps(record: dict[str, Any]) -> bytes:
    return orjson.dumps(record)

