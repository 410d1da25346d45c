"""One frozen settings object, read from the environment once.

Every knob the product has is here, with the environment variable that sets it.
``Settings.from_env()`` is the only place that reads ``os.environ``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Mapping

from .errors import ConfigError

DEFAULT_EMBEDDED_PORT = 9092
ROLES = ("all", "extract", "index")


def _number(env: Mapping[str, str], name: str, default: float, cast: type, minimum: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = cast(raw)
    except ValueError:
        kind = "an integer" if cast is int else "a number"
        raise ConfigError(f"{name} must be {kind}, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be >= {minimum}, got {value}")
    return value


def _int(env: Mapping[str, str], name: str, default: int, *, minimum: int = 0) -> int:
    return int(_number(env, name, default, int, minimum))


def _float(env: Mapping[str, str], name: str, default: float, *, minimum: float = 0.0) -> float:
    return float(_number(env, name, default, float, minimum))


def _str(env: Mapping[str, str], name: str, default: str) -> str:
    raw = env.get(name)
    return default if raw is None or raw.strip() == "" else raw.strip()


def normalize_broker_url(url: str) -> str:
    """``host:port`` or ``kafka://host:port[;host2:port2]`` -> ``kafka://...``."""
    url = url.strip()
    if not url:
        raise ConfigError("broker URL is empty")
    if "://" not in url:
        url = "kafka://" + url
    scheme, _, rest = url.partition("://")
    if scheme != "kafka":
        raise ConfigError(f"broker URL must use kafka://, got {url!r}")
    for host_port in rest.replace(",", ";").split(";"):
        host, sep, port = host_port.rpartition(":")
        if not sep or not host or not port.isdigit():
            raise ConfigError(f"broker address must be host:port, got {host_port!r}")
    return url


@dataclass(frozen=True, slots=True)
class Topics:
    articles: str = "articles"
    entities: str = "entities"
    agreements: str = "agreements"
    deadletter: str = "articles.deadletter"
    merged: str = "agreements.merged"

    def all(self) -> tuple[str, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True, slots=True)
class Settings:
    # Kafka
    broker_url: str = f"kafka://127.0.0.1:{DEFAULT_EMBEDDED_PORT}"
    broker_is_external: bool = False  # True when STREAMS_BROKER was given
    embedded_port: int = DEFAULT_EMBEDDED_PORT
    topics: Topics = field(default_factory=Topics)
    partitions: int = 4
    replication_factor: int = 1
    # Faust
    app_id: str = "korea-coop-streams"
    # What a worker runs (ROLES): "extract" (articles -> entities, agreements: Kiwi, CPU-bound),
    # "index" (agreements, entities -> index tables, agreements.merged, the query API), or
    # "all" of it in one process. The index's per-key table writes cost an extract worker
    # more than Faust's whole share of the extraction path, so production scales the two
    # apart; each role is its own consumer group (group_id).
    role: str = "all"
    store: str = "rocksdb://"
    data_dir: str = "./var/streams"
    web_host: str = "127.0.0.1"  # address the HTTP server binds
    web_port: int = 6066
    # Address other workers use to reach this one (query API routing); default: web_host,
    # or this host's own IP when web_host binds every interface (0.0.0.0).
    web_advertised_host: str | None = None
    # Group joins on a fresh broker wait for the rebalance timeout; small values make
    # the first join take seconds instead of ~30 s (see README, "Tuning").
    rebalance_timeout_s: float = 5.0
    session_timeout_s: float = 6.0
    heartbeat_interval_s: float = 1.0
    # Kafka answers a fetch as soon as data arrives; the embedded broker holds it for the
    # whole wait, which Faust fixes at 1.5 s: up to 1.5 s per hop. 0.1 s costs an idle
    # worker and the embedded broker ~2% of a core together (0.05 s: ~6%).
    fetch_max_wait_s: float = 0.1
    broker_wait_s: float = 60.0  # give up starting when Kafka is unreachable this long
    # Producer batch size in bytes (aiokafka's max_batch_size). The embedded Tansu broker
    # advances a partition's high watermark by one per record *batch*, and serves a fetch
    # only below it: after batched writes, a consumer resuming from a committed offset in
    # the middle of a batch sees nothing more, and a RocksDB worker stops with a
    # ConsistencyError on restart. One record per batch (1) keeps Tansu right; it is the
    # default on the embedded broker, aiokafka's 16384 with STREAMS_BROKER (real Kafka).
    producer_batch_bytes: int = 16384
    # Processing
    batch_size: int = 32
    # Faust's take waits this long for a full batch even when events are already waiting,
    # so under live load every batch pays it, amplified by queueing: at 20 articles/s on one
    # worker, 0.05 s gave p99 0.8-1.3 s end to end, 0.01 s gave 0.35-0.65 s. Backfills fill
    # batches at once and do not notice; an idle worker spends ~4% of a core more polling.
    batch_timeout_s: float = 0.01
    max_body_bytes: int = 1024 * 1024
    kiwi_workers: int = 1
    dedup_ttl_s: float = 7 * 24 * 3600.0
    entity_window_days: int = 30
    log_level: str = "info"

    @property
    def group_id(self) -> str:
        """The Faust app id: consumer group, and prefix of internal topics and changelogs."""
        return f"{self.app_id}-index" if self.role == "index" else self.app_id

    @property
    def runs_extract(self) -> bool:
        return self.role in ("all", "extract")

    @property
    def runs_index(self) -> bool:
        return self.role in ("all", "index")

    @property
    def broker_bootstrap(self) -> list[str]:
        """``host:port`` list for kafka-python clients."""
        rest = self.broker_url.partition("://")[2]
        return [hp for hp in rest.replace(",", ";").split(";") if hp]

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        d = cls()  # the defaults
        embedded_port = _int(env, "STREAMS_EMBEDDED_PORT", DEFAULT_EMBEDDED_PORT, minimum=1)
        external = _str(env, "STREAMS_BROKER", "")
        broker_url = (
            normalize_broker_url(external) if external else f"kafka://127.0.0.1:{embedded_port}"
        )
        store = _str(env, "STREAMS_STORE", d.store)
        if not store.startswith(("memory://", "rocksdb://")):
            raise ConfigError(f"STREAMS_STORE must be memory:// or rocksdb://, got {store!r}")
        role = _str(env, "STREAMS_ROLE", d.role).lower()
        if role not in ROLES:
            raise ConfigError(f"STREAMS_ROLE must be one of {', '.join(ROLES)}, got {role!r}")
        log_level = _str(env, "STREAMS_LOG_LEVEL", d.log_level).lower()
        if log_level not in {"debug", "info", "warning", "error", "critical"}:
            raise ConfigError(f"STREAMS_LOG_LEVEL must be a logging level, got {log_level!r}")
        return cls(
            broker_url=broker_url,
            broker_is_external=bool(external),
            embedded_port=embedded_port,
            topics=Topics(
                articles=_str(env, "STREAMS_TOPIC_ARTICLES", "articles"),
                entities=_str(env, "STREAMS_TOPIC_ENTITIES", "entities"),
                agreements=_str(env, "STREAMS_TOPIC_AGREEMENTS", "agreements"),
                deadletter=_str(env, "STREAMS_TOPIC_DEADLETTER", "articles.deadletter"),
                merged=_str(env, "STREAMS_TOPIC_MERGED", "agreements.merged"),
            ),
            partitions=_int(env, "STREAMS_PARTITIONS", d.partitions, minimum=1),
            replication_factor=_int(env, "STREAMS_REPLICATION_FACTOR", d.replication_factor, minimum=1),
            app_id=_str(env, "STREAMS_APP_ID", d.app_id),
            role=role,
            store=store,
            data_dir=_str(env, "STREAMS_DATA_DIR", d.data_dir),
            web_host=_str(env, "STREAMS_WEB_HOST", d.web_host),
            web_port=_int(env, "STREAMS_WEB_PORT", d.web_port, minimum=1),
            web_advertised_host=_str(env, "STREAMS_WEB_ADVERTISED_HOST", "") or None,
            rebalance_timeout_s=_float(env, "STREAMS_REBALANCE_TIMEOUT", d.rebalance_timeout_s, minimum=1),
            session_timeout_s=_float(env, "STREAMS_SESSION_TIMEOUT", d.session_timeout_s, minimum=1),
            heartbeat_interval_s=_float(env, "STREAMS_HEARTBEAT_INTERVAL", d.heartbeat_interval_s, minimum=0.1),
            fetch_max_wait_s=_float(env, "STREAMS_FETCH_MAX_WAIT", d.fetch_max_wait_s, minimum=0.001),
            broker_wait_s=_float(env, "STREAMS_BROKER_WAIT", d.broker_wait_s),
            producer_batch_bytes=_int(env, "STREAMS_PRODUCER_BATCH_BYTES", d.producer_batch_bytes if external else 1, minimum=1),
            batch_size=_int(env, "STREAMS_BATCH_SIZE", d.batch_size, minimum=1),
            # 0 would make Faust's take wait for a full batch forever
            batch_timeout_s=_float(env, "STREAMS_BATCH_TIMEOUT", d.batch_timeout_s, minimum=0.001),
            max_body_bytes=_int(env, "STREAMS_MAX_BODY_BYTES", d.max_body_bytes, minimum=1),
            kiwi_workers=_int(env, "STREAMS_KIWI_WORKERS", d.kiwi_workers, minimum=1),
            dedup_ttl_s=_float(env, "STREAMS_DEDUP_TTL", d.dedup_ttl_s, minimum=1),
            entity_window_days=_int(env, "STREAMS_ENTITY_WINDOW_DAYS", d.entity_window_days, minimum=1),
            log_level=log_level,
        )
