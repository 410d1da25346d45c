"""Faust agents that keep the index tables the query API reads.

    agreements ──index_agreements──▶ agreement-index table, agreements.merged
                       └──▶ <app>-party-updates ──index_parties──▶ party-index table
    entities ──count_mentions──▶ <app>-entity-mentions ──tally_mentions──▶ entity-activity table

Every hop goes to the partition of the table key it feeds (keyed by it, or, for
mention counts batched per partition, sent to that partition), so each table's
partitions live with the agent that writes them and Faust's table routing finds them.
All merging is in ``index.py``; these loops only read, write and forward.

Delivery is at-least-once. A report re-delivered after a crash merges to the same
agreement (sources are keyed by article id), and the index remembers the offset
it last applied, so a replay re-sends the merged agreement and the party updates
that the crash may have cut off. Mention counts can count a replayed article twice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta
from typing import Any, Iterator

import faust
from aiokafka.partitioner import DefaultPartitioner
from faust.types import EventT

from . import topics
from .app import app, settings
from .errors import RejectedArticle
from .index import DAY_S, activity_mentions, activity_timestamp, day_start, add_to_party, canonical_key, merge_report, party_summary, copy_targets
from .records import decode_record, dumps
from .runtime import AGENT_OPTIONS, drained, message_of, metrics, pipeline

# Internal hops re-keyed by party key and by entity, JSON values.
_keyed_json = {"key_type": bytes, "key_serializer": "raw", "value_serializer": "json"}
party_updates = app.topic(f"{settings.group_id}-party-updates", partitions=settings.partitions, internal=True, **_keyed_json)
entity_mentions = app.topic(f"{settings.group_id}-entity-mentions", partitions=settings.partitions, internal=True, **_keyed_json)

# Bytes keys: Faust serialises a table's keys by their type (bytes raw, anything else
# JSON), and Faust's table routing hashes the serialised key. Raw UTF-8 bytes are what
# the source topics are keyed by, so routing finds the worker that owns the key.
_by_key = {"key_type": bytes}
# agreement_id -> {"agreement": agreement-merged.v1, "applied": [partition, offset]}
agreement_index = app.Table("agreement-index", partitions=settings.partitions, **_by_key)
# party key -> {canonical key: party record}: the party whose own key it is, and copies
# of parties that have it as another spelling (index.add_to_party, index_parties)
party_index = app.Table("party-index", partitions=settings.partitions, **_by_key)
# (TYPE:name, KST day window) -> mentions; windows older than STREAMS_ENTITY_WINDOW_DAYS expire
entity_activity = app.Table(
    "entity-activity",
    default=int,
    partitions=settings.partitions,
    schema=faust.Schema(key_serializer="json", value_serializer="json"),
).tumbling(DAY_S, expires=timedelta(days=settings.entity_window_days)).relative_to(lambda event: event.value["at"])

_AGREEMENT_FIELDS = ("agreement_id", "article_id", "parties", "kind", "status", "signed_on", "venue", "sectors", "extracted_at")
_ENTITIES_FIELDS = ("article_id", "entities")
_partitioner = DefaultPartitioner()  # what producers use for keyed messages
_all_partitions = list(range(settings.partitions))


async def _decoded(event: EventT, required: tuple[str, ...]) -> dict[str, Any] | None:
    """The record, or None after dead-lettering a message that is not one."""
    try:
        return decode_record(event.message.value, required, max_bytes=settings.max_body_bytes * 4)
    except RejectedArticle as exc:
        out = pipeline.dead_letter(message_of(event), exc)
        await topics.deadletter.send(key=out.key, value=out.value)
        return None


@app.agent(topics.agreements, **AGENT_OPTIONS)
async def index_agreements(stream: Any) -> None:
    async for event in stream.events():
        report = await _decoded(event, _AGREEMENT_FIELDS)
        if report is not None:
            await _index_agreement(event, report)


async def _index_agreement(event: EventT, report: dict[str, Any]) -> None:
    key = report["agreement_id"].encode("utf-8")
    entry = agreement_index.get(key)
    offset = event.message.offset
    if entry is not None and entry["applied"][1] >= offset:
        merged, change = entry["agreement"], "replayed"
    else:
        merged = merge_report(entry["agreement"] if entry else None, report)
        if entry is not None and merged == entry["agreement"]:
            return  # another outlet with nothing new
        change = "new" if entry is None else "updated"
        agreement_index[key] = {"agreement": merged, "applied": [event.message.partition, offset]}
    await topics.merged.send(key=key, value=dumps(merged))
    metrics.merged_emitted.labels(change=change).inc()
    for party in merged["parties"]:
        update = {"op": "agreement", "party": party, "agreement": party_summary(merged, party)}
        await party_updates.send(key=canonical_key(party).encode("utf-8"), value=update)


@app.agent(party_updates, **AGENT_OPTIONS)
async def index_parties(stream: Any) -> None:
    """Party-index values are ``{canonical key: party record}``: the key's own party and
    copies of the parties that have it as another spelling."""
    async for event in stream.events():
        key, update = event.key, event.value
        records = dict(party_index.get(key) or {})
        if update["op"] == "agreement":
            record = add_to_party(records.get(key.decode("utf-8")), update["party"], update["agreement"])
            for target in sorted(copy_targets(record)):
                await party_updates.send(key=target.encode("utf-8"), value={"op": "copy", "record": record})
        else:
            record = update["record"]
        records[record["key"]] = record
        party_index[key] = records


@app.agent(topics.entities, **AGENT_OPTIONS)
async def count_mentions(stream: Any) -> None:
    async for events in stream.take_events(settings.batch_size, within=settings.batch_timeout_s):
        await drained(_count_batch(events))


async def _count_batch(events: list[EventT]) -> None:
    """One message per partition and day of the batch's mentions, not one per name:
    each goes to the partition its names hash to, where their counters live."""
    counts: dict[tuple[int, float], Counter[str]] = defaultdict(Counter)
    for event in events:
        record = await _decoded(event, _ENTITIES_FIELDS)
        if record is None:
            continue
        at = day_start(activity_timestamp(record.get("published_at"), event.message.timestamp))
        for key, mentions in activity_mentions(record):
            counts[(partition_of(key.encode("utf-8")), at)][key] += mentions
    for (partition, at), mentions in counts.items():
        await entity_mentions.send(partition=partition, value={"at": at, "mentions": mentions})


@app.agent(entity_mentions, **AGENT_OPTIONS)
async def tally_mentions(stream: Any) -> None:
    async for event in stream.events():
        for key, mentions in event.value["mentions"].items():
            entity_activity[key] += mentions  # the window of event.value["at"]


def partition_of(key: bytes) -> int:
    """The partition a keyed message with this key goes to (the producers' default partitioner)."""
    every = _all_partitions
    return _partitioner(key, every, every)


def local_items(table: Any) -> Iterator[tuple[Any, Any]]:
    """Items of the partitions this worker owns; standby copies of others' are left out.

    A windowed table's key is ``(key, window)``; its partition is the key's.
    """
    changelog = table.changelog_topic.get_topic_name()
    mine = {tp.partition for tp in app.assignor.assigned_actives() if tp.topic == changelog}
    for key, value in list(table.data.items()):
        raw = key[0].encode("utf-8") if isinstance(key, (tuple, list)) else key  # windowed: (str, window)
        if partition_of(raw) in mine:
            yield key, value


@app.timer(interval=15.0)
async def report_table_sizes() -> None:
    for table in (agreement_index, party_index, entity_activity.table):
        metrics.table_keys.labels(table=table.name).set(sum(1 for _ in local_items(table)))
