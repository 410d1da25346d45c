"""Topics and tables, declared with explicit partition counts."""

from __future__ import annotations

import faust

from .app import app, settings

_raw = {"key_type": bytes, "value_type": bytes, "key_serializer": "raw", "value_serializer": "raw"}

articles = app.topic(settings.topics.articles, partitions=settings.partitions, **_raw)
# Internal hop: valid, new articles re-keyed by a hash of their normalised text, so
# the same story under another id lands on the partition that has seen it.
validated = app.topic(f"{settings.app_id}-articles-by-content", partitions=settings.partitions, internal=True, **_raw)
entities = app.topic(settings.topics.entities, partitions=settings.partitions, **_raw)
agreements = app.topic(
    settings.topics.agreements, partitions=settings.partitions, compacting=True, **_raw
)
deadletter = app.topic(settings.topics.deadletter, partitions=settings.partitions, **_raw)

# Dedup memory; entries expire after STREAMS_DEDUP_TTL (see agents.expire_seen).
_json = {"schema": faust.Schema(key_type=str, key_serializer="json", value_serializer="json")}
# article id -> [partition, offset, seen_at] of the message that was let through
seen_ids = app.Table("seen-article-ids", partitions=settings.partitions, **_json)
# content hash -> [article id, partition, seen_at]
seen_content = app.Table("seen-article-content", partitions=settings.partitions, **_json)
