"""The Faust application: one per worker process, configured from ``Settings``."""

from __future__ import annotations

import logging
import socket
import threading
from collections import Counter
from typing import Any, AsyncIterator, Iterable, Mapping

import faust
from faust.transport.drivers import aiokafka as kafka_driver

from .settings import Settings

log = logging.getLogger(__name__)


class _ConsumerThread(kafka_driver.AIOKafkaConsumerThread):
    """Faust's aiokafka thread; every seek and every fetch is reported to ``_Consumer``
    in the same step of this thread's loop as the seek or the fetch itself."""

    consumer: "_Consumer"

    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # Faust passes a fixed fetch_max_wait_ms=1500 with no setting for it; aiokafka
        # reads this attribute when the consumer starts, so replacing it here is enough.
        consumer._fetch_max_wait_ms = int(transport.fetch_max_wait_s * 1000)
        return consumer

    async def _fetch_records(self, consumer: Any, active_partitions: Any, timeout: float | None = None,
                             max_records: int | None = None) -> Any:
        records = await super()._fetch_records(consumer, active_partitions, timeout=timeout, max_records=max_records)
        self.consumer.fetched(records)
        return records

    async def seek_to_committed(self) -> Mapping[Any, int | None]:
        return await self.call_thread(self._seek_to_committed)

    async def _seek_to_committed(self) -> dict[Any, int | None]:
        """aiokafka's ``seek_to_committed``, but with every seek in one step once all the
        committed offsets are known, and a stream partition with no committed offset
        sought to its first offset (where ``auto_offset_reset=earliest`` starts it):
        left where it was, records fetched and skipped before would never come again."""
        consumer = self._ensure_consumer()
        committed = {tp: await consumer.committed(tp) for tp in consumer.assignment()}
        acking = self.consumer.app.topics.acks_enabled_for  # stream topics; not changelogs
        fresh = [tp for tp, offset in committed.items() if not offset and acking(tp.topic)]
        targets = {tp: offset for tp, offset in committed.items() if offset and offset > 0}
        if fresh:
            targets.update(await consumer.beginning_offsets(fresh))
        for tp, offset in targets.items():
            self.consumer.sought(tp)
            consumer.seek(tp, offset)
        return committed

    def seek(self, partition: Any, offset: int) -> None:
        self.consumer.sought(partition)
        super().seek(partition, offset)

    async def _seek_wait(self, consumer: Any, partitions: Mapping[Any, int]) -> None:
        for tp in partitions:  # the seeks run before the first await below: the same step
            self.consumer.sought(tp)
        await super()._seek_wait(consumer, partitions)


def is_compacted(declared: Iterable[Any], topic: str) -> bool:
    """Whether ``topic`` was declared compacted among the app's subscribed topics."""
    return any(t.compacting and topic in t.topics for t in declared)


class _Consumer(kafka_driver.Consumer):
    """Faust's consumer, minus the races that lost records after a restart.

    On assignment Faust's recovery resumes the stream partitions, so the fetcher starts
    handing out records, and only then seeks them to their committed offsets. Four
    things went wrong around that seek (tests/integration/test_reliability.py, kill -9):

    - Faust's ``getmany`` went on handing out records fetched before the seek; the first
      after it jumped past the new read offset, Faust took the jump for a compaction gap
      and committed it as processed. Here every seek of a partition is counted, the
      count at the last fetch is kept with its records (``_ConsumerThread`` reports
      both), and a record fetched before a seek of its partition is dropped: the fetch
      from the sought position delivers it again.
    - That fetch was itself dropped as "already read" when a record handed out just
      before the seek moved the read offset after the seek had reset it; the read offset
      is reset again when the first record from the sought position is handed out.
    - A partition never committed was not sought at all, so records fetched before a
      rebalance and skipped by the stream never came again; it is sought to its start,
      and nothing of it is committed before a record from there is handed out.
    - A commit could pass records at the head that were never processed (see
      ``_new_offset``).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._seeks: Counter[Any] = Counter()
        self._seeks_lock = threading.Lock()  # seeks are counted on two threads
        self._fetched_at: dict[Any, int] = {}  # partition -> its seek count when last fetched
        # partition -> (its seek count, the first offset handed out since that seek)
        self._sought_from: dict[Any, tuple[int, int]] = {}

    def sought(self, tp: Any) -> None:
        with self._seeks_lock:
            self._seeks[tp] += 1

    def fetched(self, records: Mapping[Any, Any]) -> None:
        # Faust drains one fetch's records before it fetches again: one map is enough.
        self._fetched_at = {tp: self._seeks[tp] for tp in records}

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[Any, Any]]:
        stale = 0
        async for tp, message in super().getmany(timeout):
            if self._fetched_at.get(tp, 0) != self._seeks[tp]:
                stale += 1
                continue
            seeks = self._seeks[tp]
            if seeks and self._sought_from.get(tp, (0,))[0] != seeks:
                # The first record from where the partition was sought. Faust drops a
                # record below the partition's last read offset as already read; a record
                # handed out just before the seek can set that offset after the seek
                # reset it, and the records fetched again would be dropped unprocessed.
                self._sought_from[tp] = (seeks, message.offset)
                self._read_offset[tp] = None
            yield tp, message
        if stale:
            log.info("dropped %d records fetched before their partition was sought; they are fetched again", stale)

    def _new_offset(self, tp: Any) -> int | None:
        # Faust commits the first run of consecutive acked offsets, and checks that the run
        # starts where the last commit ended only loosely: not at all for a partition
        # never committed, and one offset too leniently otherwise. A record not yet
        # processed at the head must hold the commit back. (On a compacted topic the
        # offsets have gaps, which Faust accounts for itself.)
        acked = self._acked[tp]
        if acked and not is_compacted(self.app.topics, tp.topic):
            head = self._head(tp)
            if head is None or min(acked) > head:
                return None
        return super()._new_offset(tp)

    def _head(self, tp: Any) -> int | None:
        """The first offset of ``tp`` a commit must not pass unprocessed: the committed
        offset, or the first record fetched from the last seek when that is further on (a
        Kafka transaction marker takes an offset and is never delivered). None while a
        partition never committed has had nothing fetched since it was sought."""
        committed = self._committed_offset[tp]
        seeks, first = self._sought_from.get(tp, (0, None))
        if first is None or seeks != self._seeks[tp]:
            return committed
        return first if committed is None else max(committed, first)

    def _new_consumer_thread(self) -> _ConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    async def _add_gap(self, tp: Any, offset_from: int, offset_to: int) -> None:
        # Faust takes a jump in the offsets it receives for a compaction gap and counts the
        # missing offsets as processed. On a topic that is not compacted that means records
        # skipped unprocessed: say so loudly, and count them (StreamsOffsetsSkipped).
        # ``offset_to`` is the offset that was delivered after the jump.
        if not is_compacted(self.app.topics, tp.topic) and offset_to > offset_from:
            from .runtime import metrics  # (runtime imports this module)
            log.error("offsets %d..%d of %s[%d] were never delivered and will be committed unprocessed",
                      offset_from, offset_to - 1, tp.topic, tp.partition)
            metrics.offsets_skipped.inc(offset_to - offset_from)
        await super()._add_gap(tp, offset_from, offset_to)


class _Transport(kafka_driver.Transport):
    Consumer = _Consumer
    fetch_max_wait_s = 1.5


def advertised_url(settings: Settings) -> str:
    """How other workers reach this one's web server (Faust's canonical URL)."""
    host = settings.web_advertised_host or settings.web_host
    if host in ("0.0.0.0", "::", ""):
        host = socket.gethostbyname(socket.gethostname())
    return f"http://{host}:{settings.web_port}"


def create_app(settings: Settings) -> faust.App:
    app = faust.App(
        settings.group_id,
        broker=settings.broker_url,
        store=settings.store,
        datadir=settings.data_dir,
        autodiscover=False,
        web_enabled=True,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        # Table routing forwards a query to the owning worker at its canonical URL.
        canonical_url=advertised_url(settings),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        key_serializer="raw",
        value_serializer="raw",
        consumer_auto_offset_reset="earliest",
        broker_rebalance_timeout=settings.rebalance_timeout_s,
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=settings.heartbeat_interval_s,
        # Offsets are committed only after a batch's outputs are flushed (Faust
        # flushes the producer before each commit): at-least-once, idempotent keys.
        processing_guarantee="at_least_once",
        broker_commit_every=100,
        broker_commit_interval=1.0,
        # Outputs of a 1 MiB article (entities, dead letters) can exceed Kafka's 1 MB default.
        producer_max_request_size=4 * 1024 * 1024,
        producer_max_batch_size=settings.producer_batch_bytes,  # see Settings
        logging_config=None,
    )
    # See Settings.fetch_max_wait_s.
    transport = _Transport(app.conf.broker_consumer, app)
    transport.fetch_max_wait_s = settings.fetch_max_wait_s
    app.transport = transport
    return app


settings = Settings.from_env()
app = create_app(settings)
