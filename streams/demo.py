"""``streams demo``: the embedded broker, one worker and the bundled samples, end to end."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from importlib import resources
from pathlib import Path

import orjson

from .broker import EmbeddedBroker, create_topics, free_port, port_open
from .errors import BrokerError
from .settings import Settings


def sample_paths() -> tuple[Path, Path]:
    """(valid sample articles, the one invalid message)."""
    folder = Path(str(resources.files("streams") / "samples"))
    return folder / "articles.jsonl", folder / "invalid.jsonl"


def worker_env(settings: Settings, *, data_dir: str, web_port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        STREAMS_BROKER=settings.broker_url,
        STREAMS_STORE="memory://",
        STREAMS_DATA_DIR=data_dir,
        STREAMS_WEB_PORT=str(web_port),
        STREAMS_PARTITIONS=str(settings.partitions),
        STREAMS_APP_ID=settings.app_id,
        STREAMS_PRODUCER_BATCH_BYTES=str(settings.producer_batch_bytes),
    )
    return env


def start_worker(env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    log = open(log_path, "ab")
    return subprocess.Popen(
        [sys.executable, "-m", "streams", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )


def stop_process(proc: subprocess.Popen[bytes], timeout: float = 30.0) -> int:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


def _publish(settings: Settings, records: list[bytes]) -> None:
    from .io import producer

    kafka = producer(settings)
    for raw in records:
        obj = orjson.loads(raw)
        key = obj.get("id") if isinstance(obj, dict) and isinstance(obj.get("id"), str) else None
        kafka.send(settings.topics.articles, key=None if key is None else key.encode(), value=raw)
    kafka.flush()
    kafka.close()


def _describe(agreement: dict) -> str:
    parties = " + ".join(p["name"] for p in agreement["parties"])
    date = agreement["signed_on"] or "date n/a"
    return f"  {agreement['kind']:<11} {agreement['status']:<7} {date:<10}  {parties}   [{agreement['article_id']}]"


def run_demo(settings: Settings, *, keep_running: bool = False, timeout: float = 120.0) -> int:
    from .io import consumer

    valid_path, invalid_path = sample_paths()
    valid = [line for line in valid_path.read_bytes().splitlines() if line.strip()]
    invalid = [line for line in invalid_path.read_bytes().splitlines() if line.strip()]
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="streams-demo-"))
    broker = None
    if not settings.broker_is_external:
        broker = EmbeddedBroker(free_port(), log_file=workdir / "broker.log").start()
        settings = replace(settings, broker_url=broker.url)
        print(f"embedded broker on {broker.bootstrap}")
    web_port = settings.web_port if keep_running and not port_open("127.0.0.1", settings.web_port) else free_port()
    worker = None
    try:
        create_topics(settings)
        worker = start_worker(worker_env(settings, data_dir=str(workdir / "data"), web_port=web_port), workdir / "worker.log")
        print(f"worker started (pid {worker.pid}, http://127.0.0.1:{web_port}, log {workdir / 'worker.log'})")
        topics = settings.topics
        tail = consumer(settings, [topics.agreements, topics.entities, topics.deadletter],
                        from_beginning=False, timeout_ms=1000)
        _publish(settings, valid + invalid)
        print(f"published {len(valid)} sample articles and {len(invalid)} invalid message\n")
        print("agreements as they arrive:")
        counts = {topics.agreements: 0, topics.entities: 0, topics.deadletter: 0}
        entity_count = 0
        deadline = time.monotonic() + timeout
        settle_until = None
        while time.monotonic() < deadline:
            if worker.poll() is not None:
                raise BrokerError(f"worker exited with code {worker.returncode}; see {workdir / 'worker.log'}")
            batch = tail.poll(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    value = orjson.loads(record.value)
                    counts[record.topic] += 1
                    if record.topic == topics.agreements:
                        print(_describe(value), flush=True)
                    elif record.topic == topics.entities:
                        entity_count += len(value["entities"])
                    else:
                        print(f"  dead letter: {value['reason']} ({value['message']})", flush=True)
            if counts[topics.entities] >= len(valid) and counts[topics.deadletter] >= len(invalid):
                # the agreements of the last batch may trail its entities record
                if batch or settle_until is None:
                    settle_until = time.monotonic() + 1.0
                elif time.monotonic() > settle_until:
                    break
        tail.close()
        elapsed = time.monotonic() - started
        ok = counts[topics.entities] >= len(valid) and counts[topics.deadletter] >= len(invalid)
        print(
            f"\nsummary: articles {len(valid) + len(invalid)} ({len(valid)} valid), "
            f"entities records {counts[topics.entities]} ({entity_count} entities), "
            f"agreements {counts[topics.agreements]}, dead letters {counts[topics.deadletter]}, "
            f"elapsed {elapsed:.1f}s"
        )
        if not ok:
            print(f"streams demo: timed out after {timeout:.0f}s; see {workdir / 'worker.log'}", file=sys.stderr)
            return 1
        if keep_running:
            api = f"http://127.0.0.1:{web_port}"
            print(f"\nkept running: broker {settings.broker_url}, worker {api} — Ctrl-C to stop")
            print(f"query API (schemas/query-api.openapi.json), e.g.:\n"
                  f"  curl -s '{api}/agreements?limit=3'\n"
                  f"  curl -s '{api}/parties/충청남도'   (URL-encode names outside a shell)\n"
                  f"  curl -s '{api}/entities/top?type=ORG&days=30'", flush=True)
            while worker.poll() is None:
                time.sleep(0.5)
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        if worker is not None:
            stop_process(worker)
        if broker is not None:
            broker.stop()
