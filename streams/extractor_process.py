"""The worker's extraction process: Kiwi and the rules run in a child process.

Kiwi holds the GIL while it analyses (kiwipiepy 0.24), and the rules are pure
Python: in a thread of the worker they kept Faust's event loop waiting for the GIL
on every socket call, so the loop, not the cores, capped throughput. In a child
process extraction has a core of its own and the event loop stays responsive.

One child per worker, one batch in flight: the agent awaits each batch, so the
child's queue never grows. Articles go in and ``Extraction`` results come back
pickled (well under a millisecond per article). The child ignores SIGINT and
SIGTERM — the worker decides when to stop and drains its batch first — and exits
when the worker exits (concurrent.futures joins it at interpreter exit) or dies. A
child that dies fails the batch, which crashes the worker (the agents'
CrashingSupervisor) and the restarted worker redelivers it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Sequence

from .errors import ExtractionError
from .extraction import Article, Extraction, Extractor

log = logging.getLogger(__name__)

_extractor: Extractor | None = None  # the child's, loaded by _start


def _start(num_workers: int, parent: int) -> None:
    global _extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _extractor = Extractor(num_workers=num_workers)


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _extract(articles: Sequence[Article]) -> list[Extraction | ExtractionError]:
    """In the child: one batch. A rule failing on one article fails only that article."""
    assert _extractor is not None
    results: list[Extraction | ExtractionError] = []
    for article, result in zip(articles, _extractor.extract_many(articles, return_exceptions=True)):
        if isinstance(result, Exception):
            log.error("extraction failed on %s", article.id, exc_info=result)
            # The exception itself may not pickle; its type and message are what dead letters keep.
            result = ExtractionError(f"{type(result).__name__}: {result}")
        results.append(result)
    return results


class ExtractorProcess:
    """The child process with the loaded extractor; ``submit`` a batch, await its future."""

    def __init__(self, num_workers: int) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            # Not fork: the worker has threads (Faust's consumer thread) by the time it starts.
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(num_workers, os.getpid()),
        )

    def submit(self, articles: Sequence[Article]) -> Future[list[Extraction | ExtractionError]]:
        return self._pool.submit(_extract, list(articles))

    def extract(self, articles: Sequence[Article]) -> list[Extraction | ExtractionError]:
        return self.submit(articles).result()
