"""A real Prometheus server scrapes a real worker on the real (Tansu) broker.

The server loads the repo's alert rules, scrapes the worker every second under
the job name of deploy/prometheus/prometheus.yml, and is asked through its HTTP
API what ops would see: counts by kind and reason, latency, lag, and every query
of the Grafana dashboard. The ``prometheus`` binary comes from Debian's package
(``make test`` installs it); without it the test fails with that hint.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

import orjson
import pytest
import yaml

from streams.broker import free_port
from streams.errors import Reason
from streams.extraction import Extractor
from streams.extraction.model import AGREEMENT_KINDS, ENTITY_TYPES
from streams.records import agreement_records, decode_article

from conftest import article

REPO = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = REPO / "deploy" / "prometheus"
DASHBOARD = REPO / "deploy" / "grafana" / "dashboards" / "streams.json"
INSTALL_HINT = (
    "the `prometheus` server binary is missing: `make deps-system` installs Debian's "
    "prometheus package (or: apt-get install -y prometheus)"
)


def worker_job_name() -> str:
    """The job the alert rules and the dashboard select (the compose scrape config's)."""
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    [job] = [j["job_name"] for j in config["scrape_configs"] if "dns_sd_configs" in j]
    return job


class PrometheusServer:
    """A ``prometheus`` process on a free loopback port, config and TSDB under ``workdir``."""

    def __init__(self, binary: str, workdir: Path, job: str, targets: list[str]) -> None:
        self.binary, self.workdir, self.job, self.targets = binary, workdir, job, targets
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = workdir / "prometheus.log"

    def start(self, timeout: float = 30.0) -> "PrometheusServer":
        self.workdir.mkdir(parents=True, exist_ok=True)
        config = {
            "global": {"scrape_interval": "1s", "scrape_timeout": "1s", "evaluation_interval": "1s"},
            "rule_files": [str(PROMETHEUS_DIR / "rules" / "*.yml")],
            "scrape_configs": [{"job_name": self.job, "static_configs": [{"targets": self.targets}]}],
        }
        config_path = self.workdir / "prometheus.yml"
        config_path.write_text(yaml.safe_dump(config))
        self.port = free_port()
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [self.binary, f"--config.file={config_path}", f"--storage.tsdb.path={self.workdir / 'tsdb'}",
             f"--web.listen-address=127.0.0.1:{self.port}", "--storage.tsdb.retention.time=1h"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"prometheus exited with {self.proc.returncode}:\n{self.log()}")
            if self._get("/-/ready")[0] == 200:
                return self
            time.sleep(0.2)
        raise AssertionError(f"prometheus not ready after {timeout}s:\n{self.log()}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path.exists() else ""

    def _get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=5) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()
        except OSError:
            return 0, b""

    def api(self, path: str, **params: str) -> Any:
        status, body = self._get(f"/api/v1/{path}?{urllib.parse.urlencode(params)}")
        reply = json.loads(body) if body else {}
        assert status == 200 and reply.get("status") == "success", f"{path} {params}: {status} {body[:500]!r}"
        return reply["data"]

    def query(self, promql: str) -> list[dict[str, Any]]:
        return self.api("query", query=promql)["result"]

    def vector(self, promql: str, label: str | None = None) -> dict[str | None, float]:
        """An instant vector as {value of ``label`` (None without one): sample value}."""
        return {(r["metric"].get(label) if label else None): float(r["value"][1]) for r in self.query(promql)}

    def wait_for(self, promql: str, expected: Any, label: str | None = None, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        got: Any = None
        while time.monotonic() < deadline:
            got = self.vector(promql, label)
            if got == expected:
                return
            time.sleep(0.5)
        raise AssertionError(f"{promql}\n  expected {expected}\n  got      {got}")

    def wait_until(self, what: str, check: Callable[[], bool], timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.5)
        raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def prometheus(tmp_path) -> Callable[[list[str]], PrometheusServer]:
    binary = shutil.which("prometheus")
    if binary is None:
        pytest.fail(INSTALL_HINT)
    servers: list[PrometheusServer] = []

    def start(targets: list[str]) -> PrometheusServer:
        server = PrometheusServer(binary, tmp_path / "prometheus", worker_job_name(), targets)
        servers.append(server)  # stopped below even when start() fails half-way
        return server.start()

    yield start
    for server in servers:
        server.stop()


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


BODIES = {
    "prom-mou": "가나전자와 다라시는 12일 업무협약을 체결했다. 양측은 반도체 부품 공동 개발에 협력하기로 했다.",
    "prom-sister": "마바시와 중국 사아시는 지난 3일 자매결연 협정을 맺었다. 두 도시는 관광과 문화 교류를 늘리기로 했다.",
    "prom-invest": "자차물산은 베트남 카타그룹과 5일 하노이에서 투자 양해각서(MOU)를 체결했다고 밝혔다.",
    "prom-planned": "파하건설과 가나은행은 다음 달 물류센터 건립을 위한 업무협약을 맺을 예정이다.",
    "prom-weather": "오늘 서울의 날씨는 맑고 기온은 영상 5도로 예상된다.",
}


def grafana_to_promql(expr: str) -> str:
    for variable, value in (("$__rate_interval", "1m"), ("$__interval", "1m"), ("$__range", "5m"),
                            ("${instance}", ".*"), ("$instance", ".*")):
        expr = expr.replace(variable, value)
    return expr


def test_prometheus_scrapes_the_worker_and_sees_what_the_traffic_implies(deployment, prometheus):
    job = worker_job_name()
    crawled = iso(datetime.now(timezone.utc) - timedelta(seconds=2))
    valid = [article(id_, body, title=id_, published_at="2025-05-12T09:00:00+09:00", crawled_at=crawled)
             for id_, body in BODIES.items()]
    invalid = (None, orjson.dumps({"id": "prom-no-body", "title": "본문 없는 기사", "crawled_at": crawled}))

    # What the offline extractor says about the same articles is what the counters must say.
    extractor = Extractor(num_workers=1)
    agreements_by_kind: Counter[str] = Counter()
    entities_by_type: Counter[str] = Counter()
    for _, raw in valid:
        a = decode_article(raw, max_bytes=1 << 20)
        result = extractor.extract(a.for_extraction())
        agreements_by_kind.update(r["kind"] for r in agreement_records(a, result, "t"))
        entities_by_type.update(e.type for e in result.entities)
    assert sum(agreements_by_kind.values()) >= 3, "the articles must contain agreements"

    worker = deployment.worker().start()
    server = prometheus([f"127.0.0.1:{worker.web_port}"])
    sel = f'job="{job}"'
    server.wait_for(f"up{{{sel}}}", {None: 1.0})
    # Labelled series exist at zero before any traffic, so panels show 0, not "no data".
    server.wait_for(f'streams_deadletters_total{{{sel}, reason="extraction_failed"}}', {None: 0.0})

    deployment.publish([invalid] + valid)
    t = deployment.topics
    seen = deployment.collect(
        [t.entities, t.deadletter],
        until=lambda s: len(s[t.entities]) >= len(valid) and len(s[t.deadletter]) >= 1,
    )
    assert len(seen[t.entities]) == len(valid) and len(seen[t.deadletter]) == 1

    server.wait_for(f"sum(streams_articles_consumed_total{{{sel}}})", {None: float(len(valid) + 1)})
    server.wait_for(f"sum(streams_articles_processed_total{{{sel}}})", {None: float(len(valid))})
    server.wait_for(f"sum by (kind) (streams_agreements_emitted_total{{{sel}}})",
                    {kind: float(agreements_by_kind[kind]) for kind in AGREEMENT_KINDS}, label="kind")
    server.wait_for(f"sum by (type) (streams_entities_emitted_total{{{sel}}})",
                    {type_: float(entities_by_type[type_]) for type_ in ENTITY_TYPES}, label="type")
    server.wait_for(f"sum by (reason) (streams_deadletters_total{{{sel}}})",
                    {r.value: 1.0 if r is Reason.MISSING_FIELD else 0.0 for r in Reason}, label="reason")
    server.wait_for(f"sum(streams_end_to_end_latency_seconds_count{{{sel}}})", {None: float(len(valid))})
    [mean_latency] = server.vector(
        f"sum(streams_end_to_end_latency_seconds_sum{{{sel}}}) / sum(streams_end_to_end_latency_seconds_count{{{sel}}})"
    ).values()
    assert 2.0 <= mean_latency < 120.0, f"crawled 2 s before publishing, got a mean of {mean_latency}s"
    # One worker owns every partition of the articles topic; once committed, no lag.
    server.wait_for(f'max by (partition) (streams_consumer_lag_messages{{{sel}, topic="{t.articles}"}})',
                    {str(p): 0.0 for p in range(deployment.settings.partitions)}, label="partition")

    # The repo's alert rules load and evaluate against real series without errors.
    def rules_evaluated() -> bool:
        rules = [r for g in server.api("rules")["groups"] for r in g["rules"]]
        return bool(rules) and all(not r["lastEvaluation"].startswith("0001") for r in rules)

    server.wait_until("every alert rule to be evaluated", rules_evaluated)
    rules = [r for g in server.api("rules")["groups"] for r in g["rules"]]
    for rule in rules:
        assert rule["health"] == "ok" and not rule.get("lastError"), rule
    assert {r["name"] for r in rules} >= {"StreamsWorkerDown", "StreamsConsumerLagGrowing",
                                         "StreamsDeadLetterRateHigh", "StreamsNoArticlesProcessed",
                                         "StreamsLatencyP99High"}
    firing = [a for a in server.api("alerts")["alerts"] if a["state"] == "firing"]
    assert firing == [], "a healthy worker with a handful of articles must not fire anything"

    # Every dashboard query runs, and every panel has something to draw.
    dashboard = json.loads(DASHBOARD.read_text())
    empty = []
    for panel in dashboard["panels"]:
        for target in panel.get("targets", ()):
            if not server.query(grafana_to_promql(target["expr"])):
                empty.append(f"{panel['title']} {target['refId']}: {target['expr']}")
    assert empty == [], "dashboard queries without data:\n" + "\n".join(empty)
