"""What the agents of every role share: metrics, the pipeline and event helpers."""

from __future__ import annotations

import asyncio
import weakref
from collections import deque
from contextlib import contextmanager
from typing import Any, Coroutine, Iterator

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


class InOrder:
    """Batches that overlap but finish in the order they started, at most ``depth`` at once.

    The extract agent starts a batch (its analysis runs in the analyser process) while
    the one before it is still going through the rules and out, so the analyser
    never waits for the event loop. Each batch acknowledges its own events once its
    outputs are sent; finishing in order keeps that at-least-once.

    A batch that fails cancels the agent that owns them, so the failure surfaces even
    when no new batch arrives, and ``drain`` raises it: the agent crashes and the
    worker with it (AGENT_OPTIONS). Stopping drains the batches already started.
    """

    def __init__(self, depth: int) -> None:
        self._depth = depth
        self._tasks: deque[asyncio.Task] = deque()
        self._owner = asyncio.current_task()
        self._failure: BaseException | None = None

    async def add(self, batch: Coroutine[Any, Any, None]) -> None:
        """Start ``batch`` after the ones before it; return once fewer than ``depth`` run."""
        previous = self._tasks[-1] if self._tasks else None
        task = asyncio.ensure_future(self._after(previous, batch))
        task.add_done_callback(self._on_done)
        self._tasks.append(task)
        while len(self._tasks) >= self._depth:
            await asyncio.wait({self._tasks[0]})
            self._tasks.popleft()
        if self._failure is not None:
            raise self._failure

    async def _after(self, previous: asyncio.Task | None, batch: Coroutine[Any, Any, None]) -> None:
        if previous is not None:
            await asyncio.wait({previous})
            if self._failure is not None:  # the worker is going down; do not send past a failed batch
                batch.close()
                return
        await batch

    def _on_done(self, task: asyncio.Task) -> None:
        if task.cancelled() or task.exception() is None or self._failure is not None:
            return
        self._failure = task.exception()
        if self._owner is not None:
            self._owner.cancel()

    async def drain(self) -> None:
        """Wait for every started batch, even through cancellation; raise a batch's failure."""
        cancelled = False
        while self._tasks:
            try:
                await asyncio.wait({self._tasks[0]})
            except asyncio.CancelledError:
                cancelled = True
                continue
            self._tasks.popleft()
        if self._failure is not None:
            raise self._failure
        if cancelled:
            raise asyncio.CancelledError
