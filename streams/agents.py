"""Faust agents: thin loops that move bytes between Kafka and ``Pipeline``.

    articles ──validate──▶ articles-by-content ──extract──▶ entities, agreements
        └──────────────▶ articles.deadletter ◀──────────────┘

``validate`` decodes, dead-letters bad input and drops re-published ids; it re-keys
each new article by a hash of its text so ``extract`` can drop the same story under
another id. Both acknowledge a batch only after its outputs are sent, and Faust
flushes the producer before committing: at-least-once with idempotent keys.
"""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from faust.streams import _current_event
from faust.types import EventT
from mode import CrashingSupervisor

from . import topics
from .app import app, settings
from .metrics import build_metrics
from .pipeline import Message, Out, Pipeline, content_hash

log = logging.getLogger(__name__)

metrics = build_metrics()
pipeline = Pipeline(settings, metrics)
# One thread: Kiwi is not shared between threads, and the event loop stays free.
_extraction_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract")
_outputs = {t.get_topic_name(): t for t in (topics.entities, topics.agreements, topics.deadletter)}

ORIGIN_PARTITION = "origin-partition"
ORIGIN_OFFSET = "origin-offset"
ORIGIN_TIMESTAMP = "origin-timestamp"


def message_of(event: EventT) -> Message:
    m = event.message
    return Message(m.key, m.value, m.topic, m.partition, m.offset, m.timestamp)


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


@contextmanager
def _current(event: EventT) -> Iterator[None]:
    """Make ``event`` Faust's current event while a batch handles it.

    Tables find the partition from the current event: the RocksDB store reads and
    writes that partition's database, and the changelog gets that partition. A
    batch from ``take_events`` has no current event of its own, so each event is
    made current in turn (Faust keeps it in a context variable with no public setter).
    """
    token = _current_event.set(weakref.ref(event))
    try:
        yield
    finally:
        _current_event.reset(token)


async def _send(outs: Iterable[Out]) -> None:
    for out in outs:
        await _outputs[out.topic].send(key=out.key, value=out.value)


async def drained(coro: Any) -> Any:
    """Run one batch to the end even when the worker is stopping (SIGTERM).

    Stopping cancels the agent; without this the half-done batch's outputs could be
    cut off while its offsets still get acknowledged. The batch finishes and sends,
    then the cancellation goes on and Faust commits.
    """
    task = asyncio.ensure_future(coro)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        await task
        raise


@app.task
async def load_extractor() -> None:
    """Load Kiwi at start-up, not on the first article."""
    await asyncio.get_running_loop().run_in_executor(_extraction_thread, pipeline.load)


# A crashed agent that Faust restarts in place resumes *after* the batch it was
# processing, and that batch's offsets get committed with the next one: lost
# articles. So any crash takes the whole worker down instead, and the restarted
# worker resumes from the last committed offset (at-least-once).
AGENT_OPTIONS = {"supervisor_strategy": CrashingSupervisor}


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
        with _current(event):
            seen = topics.seen_ids.get(result.id)
            if seen is not None and seen[:2] != [message.partition, message.offset]:
                # Re-published id. A redelivery after a crash has the same offset and goes on.
                metrics.duplicates_skipped.labels(match="id").inc()
                continue
            topics.seen_ids[result.id] = [message.partition, message.offset, time.time()]
        await topics.validated.send(
            key=content_hash(result).encode("ascii"),
            value=message.value,
            headers={
                ORIGIN_PARTITION: str(message.partition).encode(),
                ORIGIN_OFFSET: str(message.offset).encode(),
                ORIGIN_TIMESTAMP: str(message.timestamp or time.time()).encode(),
            },
        )


@app.agent(topics.validated, **AGENT_OPTIONS)
async def extract(stream: Any) -> None:
    async for events in stream.take_events(settings.batch_size, within=settings.batch_timeout_s):
        await drained(_extract_batch(events))


async def _extract_batch(events: list[EventT]) -> None:
    batch = []
    for event in events:
        message = _origin(event)
        article = pipeline.decode(message)
        if isinstance(article, Out):  # validated upstream; only a schema change gets here
            await _send([article])
            continue
        content = event.message.key.decode("ascii")
        with _current(event):
            seen = topics.seen_content.get(content)
            if seen is not None and seen[0] != article.id:
                metrics.duplicates_skipped.labels(match="content").inc()
                continue
            topics.seen_content[content] = [article.id, event.message.partition, time.time()]
        batch.append((message, article))
    if not batch:
        return
    outs = await asyncio.get_running_loop().run_in_executor(_extraction_thread, pipeline.extract, batch)
    await _send(outs)
    pipeline.sent(batch)


@app.timer(interval=5.0)
async def report_lag() -> None:
    """Lag of the partitions this worker owns, on the input and the internal topic.

    The gauge is rebuilt each time so partitions lost in a rebalance stop being reported here.
    """
    consumer = app.consumer
    watched = {settings.topics.articles, topics.validated.get_topic_name()}
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
    for table, partition_at in ((topics.seen_ids, 0), (topics.seen_content, 1)):
        expired = [(k, v[partition_at]) for k, v in list(table.data.items()) if v[2] < cutoff]
        for key, partition in expired:
            del table.data[key]
            table.send_changelog(partition, key, None)
        if expired:
            log.info("forgot %d entries older than %.0fs from %s", len(expired), settings.dedup_ttl_s, table.name)
