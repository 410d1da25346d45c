"""The extract role's Faust agents: thin loops that move bytes between Kafka and ``Pipeline``.

    articles ──validate──▶ articles-by-content ──extract──▶ entities, agreements
        └──────────────▶ articles.deadletter ◀──────────────┘

``validate`` decodes, dead-letters bad input and drops re-published ids; it re-keys
each new article by a hash of its text so ``extract`` can drop the same story under
another id. ``extract`` keeps two batches in flight (Kiwi in the analyser process on
one, the rules and sends on the other). Both acknowledge a batch only after its
outputs are sent, and Faust flushes the producer before committing: at-least-once
with idempotent keys.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Iterable

import faust
from faust.types import EventT

from . import topics
from .app import app, settings
from .pipeline import Message, Out, content_hash
from .records import ArticleIn
from .runtime import AGENT_OPTIONS, InOrder, current, drained, message_of, metrics, pipeline

log = logging.getLogger(__name__)

# Internal hop: valid, new articles re-keyed by a hash of their normalised text, so
# the same story under another id lands on the partition that has seen it.
validated = app.topic(f"{settings.group_id}-articles-by-content", partitions=settings.partitions, internal=True, **topics.RAW)

# Dedup memory; entries expire after STREAMS_DEDUP_TTL (see expire_seen).
_json = {"schema": faust.Schema(key_type=str, key_serializer="json", value_serializer="json")}
# article id -> [partition, offset, seen_at] of the message that was let through
seen_ids = app.Table("seen-article-ids", partitions=settings.partitions, **_json)
# content hash -> [article id, partition, seen_at]
seen_content = app.Table("seen-article-content", partitions=settings.partitions, **_json)

# Batches started and not yet acknowledged, per extract agent: one being analysed
# while the one before goes through the rules and out.
IN_FLIGHT = 2

Batch = list[tuple[Message, ArticleIn]]

_outputs = {t.get_topic_name(): t for t in (topics.entities, topics.agreements, topics.deadletter)}

ORIGIN_PARTITION = "origin-partition"
ORIGIN_OFFSET = "origin-offset"
ORIGIN_TIMESTAMP = "origin-timestamp"


def _origin(event: EventT) -> Message:
    """The ``articles`` message a re-keyed event came from (for dead letters)."""
    headers = dict(event.message.headers or ())
    def header(name: str) -> Any:
        raw = headers.get(name)
        return None if raw is None else raw.decode("ascii")
    partition, offset, timestamp = header(ORIGIN_PARTITION), header(ORIGIN_OFFSET), header(ORIGIN_TIMESTAMP)
    return Message(
        key=None,
        value=event.message.value,
        topic=settings.topics.articles,
        partition=None if partition is None else int(partition),
        offset=None if offset is None else int(offset),
        timestamp=None if timestamp is None else float(timestamp),
    )


async def _send(outs: Iterable[Out]) -> None:
    for out in outs:
        await _outputs[out.topic].send(key=out.key, value=out.value)


@app.task
async def load_extractor() -> None:
    """Start the analyser process and load Kiwi at start-up, not on the first article."""
    await asyncio.get_running_loop().run_in_executor(None, pipeline.load)


@app.agent(topics.articles, **AGENT_OPTIONS)
async def validate(stream: Any) -> None:
    async for events in stream.take_events(settings.batch_size, within=settings.batch_timeout_s):
        await drained(_validate_batch(events))


async def _validate_batch(events: list[EventT]) -> None:
    for event in events:
        message = message_of(event)
        metrics.articles_consumed.inc()
        result = pipeline.decode(message)
        if isinstance(result, Out):
            await _send([result])
            continue
        with current(event):
            seen = seen_ids.get(result.id)
            if seen is not None and seen[:2] != [message.partition, message.offset]:
                # Re-published id. A redelivery after a crash has the same offset and goes on.
                metrics.duplicates_skipped.labels(match="id").inc()
                continue
            seen_ids[result.id] = [message.partition, message.offset, time.time()]
        await validated.send(
            key=content_hash(result).encode("ascii"),
            value=message.value,
            headers={
                ORIGIN_PARTITION: str(message.partition).encode(),
                ORIGIN_OFFSET: str(message.offset).encode(),
                ORIGIN_TIMESTAMP: str(message.timestamp or time.time()).encode(),
            },
        )


@app.agent(validated, **AGENT_OPTIONS)
async def extract(stream: Any) -> None:
    """Two batches in flight: the analyser process reads the next batch while this one
    goes through the rules and out. Events are acknowledged by their batch (InOrder)."""
    batches = InOrder(depth=IN_FLIGHT)
    try:
        async for events in stream.noack_take(settings.batch_size, within=settings.batch_timeout_s):
            batch, analysis = await drained(_start_batch(events))
            await batches.add(_finish_batch(stream, events, batch, analysis))
    finally:
        await batches.drain()


async def _start_batch(events: list[EventT]) -> tuple[Batch, "asyncio.Future | None"]:
    """Drop repeated stories and start analysing the rest in the analyser process."""
    batch: Batch = []
    for event in events:
        message = _origin(event)
        article = pipeline.decode(message)
        if isinstance(article, Out):  # validated upstream; only a schema change gets here
            await _send([article])
            continue
        content = event.message.key.decode("ascii")
        with current(event):
            seen = seen_content.get(content)
            if seen is not None and seen[0] != article.id:
                metrics.duplicates_skipped.labels(match="content").inc()
                continue
            seen_content[content] = [article.id, event.message.partition, time.time()]
        batch.append((message, article))
    if not batch:
        return batch, None
    if not pipeline.ready:  # articles waiting at start-up: wait for load_extractor
        await asyncio.get_running_loop().run_in_executor(None, pipeline.load)
    return batch, asyncio.wrap_future(pipeline.analyse(batch))


async def _finish_batch(stream: Any, events: list[EventT], batch: Batch, analysis: "asyncio.Future | None") -> None:
    """Rules, outputs, then acknowledge the batch's events (its duplicates' too)."""
    if analysis is not None:
        analyses, analysed_s = await analysis
        started = time.perf_counter()
        results = await asyncio.wrap_future(pipeline.apply_rules(batch, analyses))
        await _send(pipeline.outputs(batch, results, analysed_s + time.perf_counter() - started))
        pipeline.sent(batch)
    for event in events:
        await stream.ack(event)


@app.timer(interval=2.0)
async def watch_analyser() -> None:
    """Crash the worker when its analyser process died while no batch was in flight
    (a batch in flight fails by itself). The restarted worker starts a new one."""
    pipeline.check_analyser()


@app.timer(interval=5.0)
async def report_lag() -> None:
    """Lag of the partitions this worker owns, on the input and the internal topic.

    The gauge is rebuilt each time so partitions lost in a rebalance stop being reported here.
    """
    consumer = app.consumer
    watched = {settings.topics.articles, validated.get_topic_name()}
    lag = {}
    for tp in consumer.assignment():
        if tp.topic not in watched:
            continue
        committed = consumer._committed_offset.get(tp) or 0  # Faust keeps no public accessor
        try:
            highwater = consumer.highwater(tp)
        except Exception:  # not fetched yet
            continue
        lag[(tp.topic, str(tp.partition))] = max(0, (highwater or 0) - committed)
    metrics.consumer_lag.clear()
    for (topic, partition), value in lag.items():
        metrics.consumer_lag.labels(topic=topic, partition=partition).set(value)


@app.timer(interval=max(60.0, settings.dedup_ttl_s / 10))
async def expire_seen() -> None:
    """Keep the dedup tables bounded: forget entries older than STREAMS_DEDUP_TTL."""
    cutoff = time.time() - settings.dedup_ttl_s
    for table, partition_at in ((seen_ids, 0), (seen_content, 1)):
        expired = [(k, v[partition_at]) for k, v in list(table.data.items()) if v[2] < cutoff]
        for key, partition in expired:
            del table.data[key]
            table.send_changelog(partition, key, None)
        if expired:
            log.info("forgot %d entries older than %.0fs from %s", len(expired), settings.dedup_ttl_s, table.name)
