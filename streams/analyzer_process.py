"""The worker's analyser process: stage 1 of extraction (clean text, Kiwi) in a child process.

Kiwi holds the GIL while it analyses (kiwipiepy 0.24): in a thread of the worker it
kept Faust's event loop waiting for the GIL on every socket call, so the loop, not
the cores, capped throughput. In a child process Kiwi has a core of its own. The
child returns plain-data ``Analysis`` values (about 0.7 ms per article to build and
pickle); the rules (stage 2, pure Python) run in the worker, on a thread, while the
child analyses the next batch.

The child ignores SIGINT and SIGTERM — the worker decides when to stop and drains
its batches first — and exits when the worker exits (concurrent.futures joins it at
interpreter exit) or dies. A child that dies fails its batches, which crashes the
worker (the agents' CrashingSupervisor), and the restarted worker redelivers them;
a child that dies while idle, or halfway through writing a result, is noticed by the
``watch_analyser`` timer.
"""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Sequence

from .extraction import Analysis, Analyzer, Article

_analyzer: Analyzer | None = None  # the child's, loaded by _start


def _start(num_workers: int, parent: int) -> None:
    global _analyzer
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _analyzer = Analyzer(num_workers=num_workers)


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _analyse(articles: Sequence[Article]) -> tuple[list[Analysis], float]:
    """In the child: one batch, and the seconds it took (without time spent queued)."""
    assert _analyzer is not None
    started = time.perf_counter()
    analyses = _analyzer.analyse(articles)
    return analyses, time.perf_counter() - started


PIPE_BYTES = 1 << 20  # Linux lets any process grow a pipe up to 1 MiB (fs.pipe-max-size)


def _enlarge_pipe(connection: Any) -> None:
    """Grow the pipe under a multiprocessing connection, where the OS allows it."""
    try:
        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (AttributeError, OSError):  # not Linux, or a lower limit: the default pipe still works
        pass


class AnalyzerProcess:
    """The child process with Kiwi loaded; ``submit`` a batch, await its future."""

    def __init__(self, num_workers: int) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            # Not fork: the worker has threads (Faust's consumer thread) by the time it starts.
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(num_workers, os.getpid()),
        )
        # A batch's analyses pickle to about 25 kB an article, several hundred kB a
        # batch, and a pipe holds 64 kB: the child then blocks on its write until the
        # worker's reader thread gets the GIL for every 64 kB, which the rules thread
        # and the event loop hold most of the time. The child sat idle about 8% of the
        # time that way; with pipes that hold a whole batch, about 1%.
        _enlarge_pipe(self._pool._result_queue._reader)  # concurrent.futures keeps no public accessor
        _enlarge_pipe(self._pool._call_queue._reader)

    def submit(self, articles: Sequence[Article]) -> Future[tuple[list[Analysis], float]]:
        return self._pool.submit(_analyse, list(articles))

    def analyse(self, articles: Sequence[Article]) -> list[Analysis]:
        return self.submit(articles).result()[0]

    @property
    def broken(self) -> str | None:
        """Why the child is gone, once it died (even while idle), else None."""
        pool = self._pool  # concurrent.futures keeps no public accessors
        if pool._broken:
            return pool._broken
        dead = [p.exitcode for p in (pool._processes or {}).values() if p.exitcode is not None]
        if not dead:
            return None
        # Dead, and the pool has not noticed. Killed in the middle of writing a result, the
        # child leaves the pool's reader thread waiting for the rest of it, which never
        # comes and never ends: this process holds the pipe's other write end. Closing it
        # ends that read; the pool then breaks and fails the batches in flight.
        pool._result_queue._writer.close()
        return f"the analyser process exited with {dead[0]}"
