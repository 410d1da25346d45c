"""Prometheus metrics, declared once.

Names follow Prometheus conventions: ``streams_`` prefix, base units (seconds),
``_total`` on counters, and labels with a small fixed set of values (reason codes,
entity types, agreement kinds) — never article ids or party names.
"""

from __future__ import annotations

import time
from typing import NamedTuple

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info, PlatformCollector, ProcessCollector

from . import __version__
from .errors import Reason
from .extraction import EXTRACTOR_VERSION
from .extraction.model import AGREEMENT_KINDS, ENTITY_TYPES, STATUSES

# Extraction of one batch takes a few ms (one short article) to a few hundred ms.
EXTRACTION_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
# Crawl-to-emission latency: sub-second when live, minutes to days in a backfill.
LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 3600.0, 86400.0)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256)
# Label values known in advance (pre-created below): the query API's endpoints as the
# OpenAPI file names them, the statuses it answers with, and the index tables.
API_ENDPOINTS = ("/agreements/{id}", "/agreements", "/parties/{name}", "/entities/top")
API_STATUSES = ("200", "400", "404", "503")
INDEX_TABLES = ("agreement-index", "party-index", "entity-activity")


class Metrics(NamedTuple):
    registry: CollectorRegistry
    articles_consumed: Counter
    articles_processed: Counter
    deadletters: Counter
    duplicates_skipped: Counter
    offsets_skipped: Counter
    entities_emitted: Counter
    agreements_emitted: Counter
    extraction_duration: Histogram
    end_to_end_latency: Histogram
    batch_size: Histogram
    consumer_lag: Gauge
    last_processed_timestamp: Gauge
    last_message_age: Gauge
    kiwi_load_duration: Gauge
    merged_emitted: Counter
    table_keys: Gauge
    api_requests: Counter
    worker_info: Info

    def mark_processed(self, message_timestamp: float | None) -> None:
        self.last_processed_timestamp.set(time.time())
        if message_timestamp is not None:
            self.last_message_age.set(max(0.0, time.time() - message_timestamp))


def build_metrics(registry: CollectorRegistry | None = None) -> Metrics:
    registry = CollectorRegistry(auto_describe=True) if registry is None else registry
    m = Metrics(
        registry=registry,
        articles_consumed=Counter(
            "streams_articles_consumed_total", "Messages read from the articles topic.", registry=registry
        ),
        articles_processed=Counter(
            "streams_articles_processed_total", "Valid articles extracted and emitted.", registry=registry
        ),
        deadletters=Counter(
            "streams_deadletters_total", "Messages sent to the dead-letter topic.", ["reason", "stage"],
            registry=registry,
        ),
        duplicates_skipped=Counter(
            "streams_duplicates_skipped_total", "Articles skipped as already processed.", ["match"],
            registry=registry,
        ),
        offsets_skipped=Counter(
            "streams_offsets_skipped_total",
            "Offsets of a topic that is not compacted committed without their record being delivered.",
            registry=registry,
        ),
        entities_emitted=Counter(
            "streams_entities_emitted_total", "Entities emitted, by type.", ["type"], registry=registry
        ),
        agreements_emitted=Counter(
            "streams_agreements_emitted_total", "Agreement records emitted.", ["kind", "status"],
            registry=registry,
        ),
        extraction_duration=Histogram(
            "streams_extraction_duration_seconds", "Wall time of extraction for one batch (analysis plus rules, not queueing).",
            buckets=EXTRACTION_BUCKETS, registry=registry,
        ),
        end_to_end_latency=Histogram(
            "streams_end_to_end_latency_seconds", "From an article's crawled_at to its outputs being sent.",
            buckets=LATENCY_BUCKETS, registry=registry,
        ),
        batch_size=Histogram(
            "streams_batch_size", "Articles per processed batch.", buckets=BATCH_BUCKETS, registry=registry
        ),
        consumer_lag=Gauge(
            "streams_consumer_lag_messages", "Messages not yet processed, per assigned partition.",
            ["topic", "partition"], registry=registry,
        ),
        last_processed_timestamp=Gauge(
            "streams_last_processed_timestamp_seconds", "Unix time when the last article was processed.",
            registry=registry,
        ),
        last_message_age=Gauge(
            "streams_last_message_age_seconds",
            "Age (now minus Kafka timestamp) of the last processed message when it was processed.",
            registry=registry,
        ),
        kiwi_load_duration=Gauge(
            "streams_kiwi_load_seconds", "Time it took to load the Kiwi analyser.", registry=registry
        ),
        merged_emitted=Counter(
            "streams_merged_agreements_emitted_total",
            "Merged agreements sent to agreements.merged: new, updated by a report, or re-sent after a crash.",
            ["change"], registry=registry,
        ),
        table_keys=Gauge(
            "streams_table_keys", "Keys in this worker's active partitions of each index table.", ["table"],
            registry=registry,
        ),
        api_requests=Counter(
            "streams_api_requests_total", "Query API requests answered by this worker, by endpoint and status.",
            ["endpoint", "status"], registry=registry,
        ),
        worker_info=Info("streams_worker", "Versions of this worker.", registry=registry),
    )
    m.worker_info.info({"version": __version__, "extractor_version": EXTRACTOR_VERSION})
    # process_resident_memory_bytes, process_start_time_seconds (restarts), python_info
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    # Pre-create labelled series so dashboards show 0 instead of "no data".
    for reason in Reason:
        m.deadletters.labels(reason=reason.value, stage=reason.stage.value)
    for entity_type in ENTITY_TYPES:
        m.entities_emitted.labels(type=entity_type)
    for kind in AGREEMENT_KINDS:
        for status in STATUSES:
            m.agreements_emitted.labels(kind=kind, status=status)
    for match in ("id", "content"):
        m.duplicates_skipped.labels(match=match)
    for change in ("new", "updated", "replayed"):
        m.merged_emitted.labels(change=change)
    for endpoint in API_ENDPOINTS:
        for status in API_STATUSES:
            m.api_requests.labels(endpoint=endpoint, status=status)
    for table in INDEX_TABLES:
        m.table_keys.labels(table=table)
    return m
