"""The extract agent's two stages: batches that overlap but finish in order, and a
rule that fails on one article dead-letters that article alone."""

import asyncio
import fcntl
import sys
from multiprocessing.reduction import ForkingPickler

import orjson
import pytest

from streams.extraction import Analysis, RuleExtractor
from streams.extraction.model import Extraction
from streams.metrics import build_metrics
from streams.pipeline import Message, Pipeline
from streams.records import ArticleIn
from streams.runtime import InOrder
from streams.settings import Settings


async def _batch(log: list, name: str, delay: float, fail: bool = False) -> None:
    log.append(("start", name))
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"batch {name} failed")
    log.append(("done", name))


def test_batches_overlap_but_finish_in_the_order_they_started():
    log: list = []

    async def agent():
        batches = InOrder(depth=2)
        try:
            await batches.add(_batch(log, "a", 0.05))
            await batches.add(_batch(log, "b", 0.0))  # quicker, but must finish after a
            await batches.add(_batch(log, "c", 0.0))
        finally:
            await batches.drain()

    asyncio.run(agent())
    assert [e for e in log if e[0] == "done"] == [("done", "a"), ("done", "b"), ("done", "c")]


def test_add_waits_while_depth_batches_are_unfinished():
    async def agent():
        gate = asyncio.Event()
        batches = InOrder(depth=2)
        await batches.add(gate.wait())  # one unfinished: returns at once
        second = asyncio.ensure_future(batches.add(asyncio.sleep(0)))
        await asyncio.sleep(0.05)
        blocked = not second.done()
        gate.set()
        await asyncio.wait_for(second, 1)
        await batches.drain()
        return blocked

    assert asyncio.run(agent()) is True


def test_a_failed_batch_cancels_its_agent_and_later_batches_send_nothing():
    log: list = []

    async def agent():
        batches = InOrder(depth=3)
        try:
            await batches.add(_batch(log, "a", 0.01, fail=True))
            await batches.add(_batch(log, "b", 0.0))
            await asyncio.sleep(10)  # waiting for the next batch: the failure must still surface
        finally:
            await batches.drain()

    with pytest.raises(ValueError, match="batch a failed"):
        asyncio.run(asyncio.wait_for(agent(), 5))
    assert ("start", "b") not in log


def test_stopping_the_agent_drains_the_batches_it_started():
    log: list = []

    async def main():
        async def agent():
            batches = InOrder(depth=3)
            try:
                await batches.add(_batch(log, "a", 0.05))
                await batches.add(_batch(log, "b", 0.01))
                await asyncio.sleep(10)
            finally:
                await batches.drain()

        task = asyncio.ensure_future(agent())
        await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert ("done", "a") in log and ("done", "b") in log


def test_a_rule_failure_dead_letters_only_its_article_with_the_original_payload():
    articles = [ArticleIn(id="ok", body="가람시와 미르군은 업무협약을 맺었다."), ArticleIn(id="bad", body="x")]
    good = Analysis("가람시와 미르군은 업무협약을 맺었다.", 0, [])
    broken = Analysis("x", 0, [("x",)])  # a token that is not a token: the rules raise
    results = RuleExtractor().extract_many([a.for_extraction() for a in articles], [good, broken],
                                           return_exceptions=True)
    assert isinstance(results[0], Extraction) and isinstance(results[1], Exception)

    settings = Settings()
    pipeline = Pipeline(settings, build_metrics())
    payloads = [orjson.dumps({"id": a.id, "body": a.body}) for a in articles]
    batch = [(Message(a.id.encode(), p, settings.topics.articles, 0, i), a)
             for i, (a, p) in enumerate(zip(articles, payloads))]
    outs = pipeline.outputs(batch, results, 0.1)
    assert [o.topic for o in outs] == [settings.topics.entities, settings.topics.deadletter]
    dead = orjson.loads(outs[1].value)
    assert dead["reason"] == "extraction_failed" and dead["stage"] == "extract"
    assert dead["message"].startswith("ValueError")
    assert dead["source"]["offset"] == 1 and dead["source"]["key"] == "bad"
    assert dead["payload_text"] == payloads[1].decode()
    assert pipeline.metrics.deadletters.labels(reason="extraction_failed", stage="extract")._value.get() == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pipe sizes are set on Linux only")
def test_the_analyser_pipes_hold_a_whole_batch_of_2000_character_articles():
    # A batch that does not fit makes the child wait on its write for the worker's GIL.
    from streams.analyzer_process import AnalyzerProcess
    from streams.bench import load_source, make_corpus
    from streams.extraction import Analyzer
    from streams.records import validate_article

    settings = Settings()
    corpus = make_corpus(load_source()[0], settings.batch_size, "pipe", min_chars=2000)
    articles = [validate_article(a).for_extraction() for a in corpus]
    result = ForkingPickler.dumps((Analyzer(num_workers=1).analyse(articles), 0.5))
    process = AnalyzerProcess(num_workers=1)  # the child starts on the first submit, not here
    try:
        for queue in (process._pool._result_queue, process._pool._call_queue):
            assert fcntl.fcntl(queue._reader.fileno(), fcntl.F_GETPIPE_SZ) >= len(result)
    finally:
        process._pool.shutdown()


def test_a_child_killed_halfway_through_writing_a_result_breaks_the_pool_instead_of_hanging_it():
    # The pool's reader thread reads a result's length, then waits for that many bytes;
    # a child killed in between left it waiting for ever (the worker hung, neither
    # crashing nor exiting). Here the length is written and the child killed by hand.
    import os
    import signal
    import struct
    import time
    from concurrent.futures.process import BrokenProcessPool

    from streams.analyzer_process import AnalyzerProcess
    from streams.records import validate_article

    article = validate_article({"id": "x", "title": "협약", "body": "두 기관이 협약을 맺었다."}).for_extraction()
    process = AnalyzerProcess(num_workers=1)
    pool = process._pool
    try:
        process.analyse([article])  # the child is up
        child = next(iter(pool._processes.values()))
        os.write(pool._result_queue._writer.fileno(), struct.pack("!i", 1 << 16))
        time.sleep(0.5)  # the reader thread takes the length and waits for the rest
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        assert process.broken
        pool._executor_manager_thread.join(10)
        assert not pool._executor_manager_thread.is_alive()
        with pytest.raises(BrokenProcessPool):
            process.analyse([article])
    finally:
        if not pool._result_queue._writer.closed:
            pool._result_queue._writer.close()  # never leave the reader thread waiting
        pool.shutdown(wait=False)
