"""Reading article files and talking to Kafka from the command line (kafka-python)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import orjson

from .settings import Settings

_SUFFIXES = (".json", ".jsonl", ".ndjson")


def article_files(paths: list[str]) -> list[Path]:
    """Files named on the command line, and JSON/JSONL files under named folders."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in _SUFFIXES and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {raw}")
    return files


def read_records(path: Path) -> Iterator[tuple[str, bytes]]:
    """``(where, raw JSON bytes)`` per record: one per line for JSONL, each element of a
    top-level array or the single object for ``.json``."""
    data = path.read_bytes()
    if path.suffix == ".json":
        obj = orjson.loads(data)
        items = obj if isinstance(obj, list) else [obj]
        for i, item in enumerate(items):
            yield f"{path}[{i}]", orjson.dumps(item)
        return
    for lineno, line in enumerate(data.splitlines(), 1):
        if line.strip():
            yield f"{path}:{lineno}", line.strip()


def producer(settings: Settings):
    from kafka import KafkaProducer

    return KafkaProducer(
        bootstrap_servers=settings.broker_bootstrap,
        acks="all",
        linger_ms=5,
        batch_size=settings.producer_batch_bytes,
        max_request_size=8 * 1024 * 1024,
        client_id=f"{settings.app_id}-cli",
    )


def consumer(settings: Settings, topics: list[str], *, from_beginning: bool, timeout_ms: int):
    """A group-less consumer assigned every partition of ``topics``."""
    from kafka import KafkaConsumer, TopicPartition

    c = KafkaConsumer(
        bootstrap_servers=settings.broker_bootstrap,
        enable_auto_commit=False,
        consumer_timeout_ms=timeout_ms,
        client_id=f"{settings.app_id}-tail",
    )
    partitions = []
    for topic in topics:
        ids = c.partitions_for_topic(topic) or set()
        partitions.extend(TopicPartition(topic, p) for p in sorted(ids))
    c.assign(partitions)
    if from_beginning:
        c.seek_to_beginning(*partitions)
    else:
        c.seek_to_end(*partitions)
    return c


class Progress:
    """A one-line progress bar on stderr, drawn only on a terminal."""

    def __init__(self, total: int, label: str) -> None:
        self.total, self.label, self.done = total, label, 0
        self.enabled = sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // max(1, self.total)
            sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
            if self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()
