"""A real Tansu broker for the session and real ``streams worker`` processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Callable, Iterator

import orjson
import pytest

from streams.broker import EmbeddedBroker, create_topics, free_port
from streams.settings import Settings, Topics


@pytest.fixture(scope="session")
def broker(tmp_path_factory) -> Iterator[EmbeddedBroker]:
    log = tmp_path_factory.mktemp("broker") / "tansu.log"
    with EmbeddedBroker(free_port(), log_file=log) as b:
        yield b


class Worker:
    """A ``streams worker`` subprocess with its own log file."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env, self.log_path = env, log_path
        self.web_port = int(env["STREAMS_WEB_PORT"])
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, ready_timeout: float = 60.0) -> "Worker":
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "streams", "worker"], env=self.env,
                                     stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited with {self.proc.returncode}:\n{self.log()}")
            if self.http("/health")[0] == 200:
                return self
            time.sleep(0.3)
        raise AssertionError(f"worker not healthy after {ready_timeout}s:\n{self.log()}")

    def http(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}{path}", timeout=2) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()
        except OSError:
            return 0, b""

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30.0) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError(f"worker ignored signal {sig} for {timeout}s:\n{self.log()}")
        return self.proc.returncode

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-6000:]


class Deployment:
    """One isolated set of topics and app id on the session broker."""

    def __init__(self, broker: EmbeddedBroker, workdir: Path, **overrides: str) -> None:
        tag = uuid.uuid4().hex[:8]
        self.workdir = workdir
        self.env = dict(os.environ)
        self.env.update(
            STREAMS_BROKER=broker.bootstrap,
            STREAMS_APP_ID=f"test-{tag}",
            STREAMS_STORE="memory://",
            STREAMS_DATA_DIR=str(workdir / "data"),
            STREAMS_LOG_LEVEL="info",
            STREAMS_TOPIC_ARTICLES=f"articles-{tag}",
            STREAMS_TOPIC_ENTITIES=f"entities-{tag}",
            STREAMS_TOPIC_AGREEMENTS=f"agreements-{tag}",
            STREAMS_TOPIC_DEADLETTER=f"deadletter-{tag}",
            STREAMS_TOPIC_MERGED=f"merged-{tag}",
            STREAMS_PRODUCER_BATCH_BYTES="1",  # the session broker is Tansu (see Settings)
        )
        self.env.update(overrides)
        self.settings = Settings.from_env(self.env)
        create_topics(self.settings)
        self.workers: list[Worker] = []

    @property
    def topics(self) -> Topics:
        return self.settings.topics

    def worker(self, **overrides: str) -> Worker:
        env = dict(self.env, STREAMS_WEB_PORT=str(free_port()), **overrides)
        w = Worker(env, self.workdir / f"worker-{len(self.workers)}.log")
        self.workers.append(w)
        return w

    def publish(self, messages: list[tuple[bytes | None, bytes]]) -> None:
        from kafka import KafkaProducer

        # one record per batch, like the workers here: Tansu serves fetches only below a
        # high watermark it advances once per batch (see Settings.producer_batch_bytes)
        p = KafkaProducer(bootstrap_servers=self.settings.broker_bootstrap, acks="all", max_request_size=8 << 20,
                          batch_size=self.settings.producer_batch_bytes)
        for key, value in messages:
            p.send(self.topics.articles, key=key, value=value)
        p.flush()
        p.close()

    def collect(self, topics: list[str], until: Callable[[dict[str, list]], bool], timeout: float = 60.0) -> dict[str, list]:
        """Read ``topics`` from the beginning until ``until(seen)`` holds or the timeout passes."""
        from kafka import KafkaConsumer, TopicPartition

        c = KafkaConsumer(bootstrap_servers=self.settings.broker_bootstrap, enable_auto_commit=False)
        tps = [TopicPartition(t, p) for t in topics for p in sorted(c.partitions_for_topic(t) or ())]
        c.assign(tps)
        c.seek_to_beginning(*tps)
        seen: dict[str, list] = {t: [] for t in topics}
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline and not until(seen):
                for records in c.poll(timeout_ms=300).values():
                    for r in records:
                        seen[r.topic].append((r.key, orjson.loads(r.value)))
        finally:
            c.close()
        return seen


@pytest.fixture
def deployment(broker, tmp_path) -> Iterator[Deployment]:
    d = Deployment(broker, tmp_path)
    yield d
    for w in d.workers:
        if w.proc is not None and w.proc.poll() is None:
            w.stop(signal.SIGKILL)


def article(id_: str, body: str, **fields) -> tuple[bytes, bytes]:
    return id_.encode(), orjson.dumps({"id": id_, "body": body, **fields})
