"""The Faust application: one per worker process, configured from ``Settings``."""

from __future__ import annotations

import logging
import socket
from typing import Any, Iterable

import faust
from faust.transport.drivers import aiokafka as kafka_driver

from .settings import Settings

log = logging.getLogger(__name__)


class _ConsumerThread(kafka_driver.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # Faust passes a fixed fetch_max_wait_ms=1500 with no setting for it; aiokafka
        # reads this attribute when the consumer starts, so replacing it here is enough.
        consumer._fetch_max_wait_ms = int(transport.fetch_max_wait_s * 1000)
        return consumer


def is_compacted(declared: Iterable[Any], topic: str) -> bool:
    """Whether ``topic`` was declared compacted among the app's subscribed topics."""
    return any(t.compacting and topic in t.topics for t in declared)


class _Consumer(kafka_driver.Consumer):
    def _new_consumer_thread(self) -> _ConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    async def _add_gap(self, tp: Any, offset_from: int, offset_to: int) -> None:
        # Faust takes a jump in the offsets it receives for a compaction gap and counts the
        # missing offsets as processed. On a topic that is not compacted that means records
        # skipped unprocessed (seen after restarts on the embedded broker): say so loudly.
        if not is_compacted(self.app.topics, tp.topic):
            log.error("offsets %d..%d of %s[%d] were never delivered and will be committed unprocessed",
                      offset_from, offset_to, tp.topic, tp.partition)
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
