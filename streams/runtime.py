"""What the agents of every role share: metrics, the pipeline and event helpers."""

from __future__ import annotations

import asyncio
import weakref
from contextlib import contextmanager
from typing import Any, Iterator

from faust.streams import _current_event
from faust.types import EventT
from mode import CrashingSupervisor

from .app import settings
from .metrics import build_metrics
from .pipeline import Message, Pipeline

metrics = build_metrics()
# Kiwi loads only when an extract worker calls ``pipeline.load``; index workers use the
# pipeline for dead letters alone.
pipeline = Pipeline(settings, metrics)

# A crashed agent that Faust restarts in place resumes *after* the batch it was
# processing, and that batch's offsets get committed with the next one: lost
# articles. So any crash takes the whole worker down instead, and the restarted
# worker resumes from the last committed offset (at-least-once).
AGENT_OPTIONS = {"supervisor_strategy": CrashingSupervisor}


def message_of(event: EventT) -> Message:
    m = event.message
    return Message(m.key, m.value, m.topic, m.partition, m.offset, m.timestamp)


@contextmanager
def current(event: EventT) -> Iterator[None]:
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
