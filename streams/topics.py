"""Topics and tables, declared with explicit partition counts."""

from __future__ import annotations

from datetime import timedelta

import faust

from .app import app, settings
from .index import DAY_S

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

# -- the index (see index_agents.py) --------------------------------------------------
merged = app.topic(settings.topics.merged, partitions=settings.partitions, compacting=True, **_raw)
# Internal hops re-keyed by party key and by entity, JSON values.
_keyed_json = {"key_type": bytes, "key_serializer": "raw", "value_serializer": "json"}
party_updates = app.topic(f"{settings.app_id}-party-updates", partitions=settings.partitions, internal=True, **_keyed_json)
entity_mentions = app.topic(f"{settings.app_id}-entity-mentions", partitions=settings.partitions, internal=True, **_keyed_json)

# Bytes keys: Faust serialises a table's keys by their type (bytes raw, anything else
# JSON), and Faust's table routing hashes the serialised key. Raw UTF-8 bytes are what
# the source topics are keyed by, so routing finds the worker that owns the key.
_by_key = {"key_type": bytes}
# agreement_id -> {"agreement": agreement-merged.v1, "applied": [partition, offset]}
agreement_index = app.Table("agreement-index", partitions=settings.partitions, **_by_key)
# party key -> {canonical key: party record}: the party whose own key it is, and copies
# of parties that have it as another spelling (index.add_to_party, index_agents.index_parties)
party_index = app.Table("party-index", partitions=settings.partitions, **_by_key)
# (TYPE:name, KST day window) -> mentions; windows older than STREAMS_ENTITY_WINDOW_DAYS expire
entity_activity = app.Table(
    "entity-activity",
    default=int,
    partitions=settings.partitions,
    schema=faust.Schema(key_serializer="json", value_serializer="json"),
).tumbling(DAY_S, expires=timedelta(days=settings.entity_window_days)).relative_to(lambda event: event.value["at"])
