"""The deployment files agree with the code and with each other.

No Docker, Kubernetes or Grafana here: the files are parsed and their invariants
checked (names the code reads, metric names the worker exports, ports, start
order), and Prometheus' own ``promtool`` checks the config, the rules and the
rules' unit tests. ``promtool`` comes from Debian's ``prometheus`` package, which
``make test`` installs; when it is missing these tests fail with that hint.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from streams.metrics import build_metrics
from streams.settings import Settings

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
PROMETHEUS_DIR = DEPLOY / "prometheus"
RULE_FILES = sorted((PROMETHEUS_DIR / "rules").glob("*.yml"))
RULE_TESTS = sorted((PROMETHEUS_DIR / "tests").glob("*.yml"))
DASHBOARDS = sorted((DEPLOY / "grafana" / "dashboards").glob("*.json"))
K8S = DEPLOY / "k8s"
COMPOSE = REPO / "docker-compose.yml"
WORKER_JOB = "streams-worker"
INSTALL_HINT = (
    "promtool is missing: `make deps-system` installs Debian's prometheus package "
    "(or: apt-get install -y prometheus)"
)


# --- what the code defines ------------------------------------------------------------

@lru_cache(maxsize=None)
def settings_env_names() -> frozenset[str]:
    """Every STREAMS_* variable streams/settings.py reads."""
    names = set(re.findall(r"STREAMS_[A-Z_]+", (REPO / "streams" / "settings.py").read_text()))
    assert len(names) > 20, "parsing settings.py found too few STREAMS_* names"
    return frozenset(names)


class Exported:
    """Series names (with the suffixes Prometheus sees) and their labels."""

    def __init__(self) -> None:
        self.labels: dict[str, set[str]] = {}
        self.values: dict[str, dict[str, set[str]]] = {}
        metrics = build_metrics()
        for field in metrics._fields:
            collector = getattr(metrics, field)
            if field == "registry":
                continue
            label_names = set(getattr(collector, "_labelnames", ()))
            for family in collector.collect():
                suffixes = {
                    "counter": ("_total", "_created"),
                    "histogram": ("_bucket", "_sum", "_count", "_created"),
                    "summary": ("", "_sum", "_count", "_created"),
                    "info": ("_info",),
                }.get(family.type, ("",))
                for suffix in suffixes:
                    name = family.name + suffix
                    self.labels[name] = set(label_names) | ({"le"} if suffix == "_bucket" else set())
                    self.values.setdefault(name, {})
                for sample in family.samples:
                    self.labels.setdefault(sample.name, set()).update(sample.labels)
                    for key, value in sample.labels.items():
                        self.values.setdefault(sample.name, {}).setdefault(key, set()).add(value)

    @property
    def names(self) -> set[str]:
        return set(self.labels)


@pytest.fixture(scope="module")
def exported() -> Exported:
    return Exported()


# --- PromQL, just enough to find names ----------------------------------------------------

# Labels every scraped series carries; `up` is written by Prometheus per target.
TARGET_LABELS = {"job", "instance"}
PROMETHEUS_SERIES = {"up": TARGET_LABELS}
_KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or",
             "unless", "offset", "Inf", "NaN", "inf", "nan"}
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_SELECTOR = re.compile(r"(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}")
_MATCHER = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"')
_GROUPING = re.compile(r"\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)")


def metric_names(expr: str) -> set[str]:
    e = _STRING.sub('""', expr)
    e = re.sub(r"\{[^}]*\}", "", e)
    e = re.sub(r"\[[^\]]*\]", "", e)  # ranges, subqueries, durations
    e = _GROUPING.sub("", e)
    names = set()
    for m in re.finditer(r"(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*", e):
        if e[m.end():].lstrip().startswith("(") or m.group() in _KEYWORDS:
            continue  # a function or aggregation, or a keyword
        names.add(m.group())
    return names


def selectors(expr: str) -> Iterator[tuple[str, list[tuple[str, str, str]]]]:
    for m in _SELECTOR.finditer(expr):
        yield m.group(1), _MATCHER.findall(m.group(2))


def grouping_labels(expr: str) -> set[str]:
    return {label.strip() for m in _GROUPING.finditer(expr) for label in m.group(2).split(",") if label.strip()}


def test_promql_name_finder_on_known_expressions():
    expr = ('histogram_quantile(0.99, sum by (le) (rate(streams_x_bucket{job="a", reason=~"b|c"}[5m]))) > 1e3 '
            'and on() absent(up{job="w"} == 1) or deriv(sum(foo)[10m:1m]) > 0 unless bar offset 5m')
    assert metric_names(expr) == {"streams_x_bucket", "up", "foo", "bar"}
    assert grouping_labels(expr) == {"le"}
    assert dict(selectors(expr))["streams_x_bucket"] == [("job", "=", "a"), ("reason", "=~", "b|c")]


# --- the queries the ops people see --------------------------------------------------------

def alert_rules() -> list[dict[str, Any]]:
    rules = []
    for path in RULE_FILES:
        for group in yaml.safe_load(path.read_text())["groups"]:
            rules.extend(group["rules"])
    return rules


def dashboard_panels(dashboard: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for panel in dashboard["panels"]:
        yield panel
        yield from panel.get("panels", ())  # a collapsed row keeps its panels inside


def dashboard_queries(dashboard: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, PromQL) for every panel target and every query variable."""
    for panel in dashboard_panels(dashboard):
        for target in panel.get("targets", ()):
            yield f"panel {panel['id']} {panel['title']!r} {target['refId']}", target["expr"]
    for variable in dashboard["templating"]["list"]:
        if variable["type"] == "query":
            query = variable["query"]["query"] if isinstance(variable["query"], dict) else variable["query"]
            m = re.fullmatch(r"\s*label_values\((.*),\s*([a-zA-Z_]\w*)\)\s*", query)
            yield f"variable {variable['name']}", m.group(1) if m else query


def grafana_to_promql(expr: str) -> str:
    """Replace Grafana's variables with values Prometheus accepts."""
    for variable, value in (("$__rate_interval", "1m"), ("$__interval", "1m"), ("$__range", "1h"),
                            ("${instance}", ".*"), ("$instance", ".*")):
        expr = expr.replace(variable, value)
    assert "$" not in expr, f"unhandled Grafana variable in {expr!r}"
    return expr


def all_queries() -> list[tuple[str, str]]:
    queries = [(f"alert {r['alert']}", r["expr"]) for r in alert_rules()]
    for path in DASHBOARDS:
        queries += [(f"{path.name} {where}", expr) for where, expr in dashboard_queries(json.loads(path.read_text()))]
    return queries


def test_every_queried_metric_is_exported_by_the_worker(exported):
    known = exported.names | set(PROMETHEUS_SERIES)
    used = set()
    for where, expr in all_queries():
        names = metric_names(expr)
        assert names, f"{where}: no metric found in {expr!r}"
        unknown = names - known
        assert not unknown, f"{where}: {sorted(unknown)} not exported by streams.metrics.build_metrics()"
        used |= names
    # The families the dashboard exists to show are all on it.
    for required in ("streams_articles_consumed_total", "streams_articles_processed_total",
                     "streams_deadletters_total", "streams_agreements_emitted_total",
                     "streams_end_to_end_latency_seconds_bucket", "streams_consumer_lag_messages",
                     "streams_extraction_duration_seconds_bucket"):
        assert required in used, f"{required} is not queried anywhere"


def test_every_label_in_a_query_belongs_to_its_metric(exported):
    labels = dict(exported.labels, **PROMETHEUS_SERIES)
    for where, expr in all_queries():
        for name, matchers in selectors(expr):
            allowed = labels[name] | TARGET_LABELS
            for label, op, value in matchers:
                assert label in allowed, f"{where}: {name} has no label {label!r} (has {sorted(allowed)})"
                known_values = exported.values.get(name, {}).get(label)
                if op == "=" and known_values:  # pre-created label sets: a typo finds nothing
                    assert value in known_values, f"{where}: {name}{{{label}={value!r}}} never exists"
        usable = set().union(*(labels[n] for n in metric_names(expr))) | TARGET_LABELS
        unknown = grouping_labels(expr) - usable
        assert not unknown, f"{where}: grouping by {sorted(unknown)}, which no metric in {expr!r} has"


def test_alerts_select_the_worker_job_the_scrape_config_defines():
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    assert WORKER_JOB in {job["job_name"] for job in config["scrape_configs"]}
    for where, expr in all_queries():
        for name, matchers in selectors(expr):
            for label, _, value in matchers:
                if label == "job":
                    assert value == WORKER_JOB, f"{where}: job={value!r}"


# --- promtool ------------------------------------------------------------------------------

def promtool(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("promtool")
    if binary is None:
        pytest.fail(INSTALL_HINT)
    return subprocess.run([binary, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_promtool_check_config():
    result = promtool("check", "config", PROMETHEUS_DIR / "prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    # rule_files resolve relative to the config: the check must have found the rules.
    assert f"{len(RULE_FILES)} rule files found" in result.stdout + result.stderr


def test_promtool_check_rules():
    assert RULE_FILES
    result = promtool("check", "rules", *RULE_FILES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_rule_unit_tests_pass():
    assert RULE_TESTS
    result = promtool("test", "rules", *RULE_TESTS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dashboard_queries_are_valid_promql(tmp_path):
    # promtool has no bare PromQL checker, but it parses recording rules.
    rules = [{"record": f"dashboard:query_{i}", "expr": grafana_to_promql(expr)}
             for i, (_, expr) in enumerate(all_queries()) if not _.startswith("alert ")]
    assert rules
    path = tmp_path / "dashboard_queries.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    result = promtool("check", "rules", path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_has_a_firing_and_a_quiet_unit_test():
    fires, quiet = set(), set()
    for path in RULE_TESTS:
        spec = yaml.safe_load(path.read_text())
        assert all((path.parent / f).resolve() in {p.resolve() for p in RULE_FILES} for f in spec["rule_files"])
        for case in spec["tests"]:
            for check in case.get("alert_rule_test", ()):
                (fires if check.get("exp_alerts") else quiet).add(check["alertname"])
    alerts = {r["alert"] for r in alert_rules()}
    assert alerts - fires == set(), "alerts never shown to fire"
    assert alerts - quiet == set(), "alerts never shown to stay quiet"


def test_alert_rules_cover_what_ops_asked_for():
    rules = {r["alert"]: r for r in alert_rules()}
    # worker down, lag growing, dead-letter rate, no articles, latency p99
    assert "up{" in rules["StreamsWorkerDown"]["expr"]
    assert "streams_consumer_lag_messages" in rules["StreamsConsumerLagGrowing"]["expr"]
    assert "streams_deadletters_total" in rules["StreamsDeadLetterRateHigh"]["expr"]
    assert "streams_articles_processed_total" in rules["StreamsNoArticlesProcessed"]["expr"]
    assert "histogram_quantile(0.99" in rules["StreamsLatencyP99High"]["expr"]
    for name, rule in rules.items():
        assert rule["labels"]["severity"] in {"warning", "critical"}, name
        assert {"summary", "description"} <= set(rule["annotations"]), name


# --- Prometheus scrape config --------------------------------------------------------------

def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def test_prometheus_discovers_the_scaled_worker_service_by_dns():
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    [job] = [j for j in config["scrape_configs"] if j["job_name"] == WORKER_JOB]
    assert job.get("metrics_path", "/metrics") == "/metrics"
    assert "static_configs" not in job, "a static target list does not follow --scale"
    [sd] = job["dns_sd_configs"]
    services = compose()["services"]
    assert sd["names"] == ["worker", "indexer"] and {"worker", "indexer"} <= set(services)
    assert sd["type"] == "A"
    for name in sd["names"]:
        assert sd["port"] == int(services[name]["environment"]["STREAMS_WEB_PORT"])
    assert config["rule_files"] == ["rules/*.yml"]


# --- Grafana -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dashboard() -> dict[str, Any]:
    [path] = DASHBOARDS
    return json.loads(path.read_text())


def test_dashboard_has_the_rows_ops_expect(dashboard):
    rows = [p["title"] for p in dashboard["panels"] if p["type"] == "row"]
    for wanted in ("Throughput", "Dead letters", "Agreements", "Latency", "Lag", "Extraction"):
        assert any(r.startswith(wanted) for r in rows), f"no row {wanted!r} in {rows}"

    def row_exprs(title: str) -> str:
        exprs, current = [], None
        for panel in dashboard["panels"]:
            if panel["type"] == "row":
                current = panel["title"]
                exprs += [t["expr"] for p in panel.get("panels", ()) for t in p.get("targets", ()) if current.startswith(title)]
            elif current and current.startswith(title):
                exprs += [t["expr"] for t in panel.get("targets", ())]
        return "\n".join(exprs)

    assert "streams_articles_consumed_total" in row_exprs("Throughput")
    assert "streams_articles_processed_total" in row_exprs("Throughput")
    assert "by (stage, reason)" in row_exprs("Dead letters")
    assert "by (kind)" in row_exprs("Agreements")
    latency = row_exprs("Latency")
    for q in ("0.5", "0.95", "0.99"):
        assert f"histogram_quantile({q}, sum by (le) (rate(streams_end_to_end_latency_seconds_bucket" in latency
    assert "streams_consumer_lag_messages" in row_exprs("Lag")
    assert "streams_extraction_duration_seconds" in row_exprs("Extraction")


def test_dashboard_is_well_formed(dashboard):
    assert dashboard["uid"] and dashboard["title"] and dashboard.get("id") is None
    panels = list(dashboard_panels(dashboard))
    ids = [p["id"] for p in panels]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource" and variables["datasource"]["query"] == "prometheus"
    occupied: set[tuple[int, int]] = set()
    for panel in panels:
        g = panel["gridPos"]
        assert 0 <= g["x"] and g["x"] + g["w"] <= 24, panel["title"]
        cells = {(g["x"] + dx, g["y"] + dy) for dx in range(g["w"]) for dy in range(g["h"])}
        assert not cells & occupied, f"{panel['title']!r} overlaps another panel"
        occupied |= cells
        if panel["type"] == "row":
            continue
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, panel["title"]
        assert panel["targets"], panel["title"]
        for target in panel["targets"]:
            assert target["datasource"] == panel["datasource"]


def test_grafana_provisioning_points_at_the_compose_prometheus_and_dashboards(dashboard):
    provisioning = DEPLOY / "grafana" / "provisioning"
    [datasource] = yaml.safe_load((provisioning / "datasources" / "prometheus.yml").read_text())["datasources"]
    services = compose()["services"]
    assert datasource["type"] == "prometheus"
    assert datasource["url"] == "http://prometheus:9090"
    assert "9090:9090" in services["prometheus"]["ports"]
    # The dashboard's datasource variable defaults to the provisioned one.
    default = next(v for v in dashboard["templating"]["list"] if v["name"] == "datasource")["current"]["value"]
    assert default == datasource["uid"]

    [provider] = yaml.safe_load((provisioning / "dashboards" / "streams.yml").read_text())["providers"]
    mounts = dict(volume.split(":")[:2] for volume in services["grafana"]["volumes"])
    assert mounts["./deploy/grafana/dashboards"] == provider["options"]["path"]
    assert mounts["./deploy/grafana/provisioning"] == "/etc/grafana/provisioning"
    home = services["grafana"]["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert home == f"{provider['options']['path']}/{DASHBOARDS[0].name}"


# --- docker-compose.yml ----------------------------------------------------------------------

def test_compose_images_and_kraft_kafka():
    services = compose()["services"]
    assert set(services) == {"kafka", "topics", "worker", "indexer", "prometheus", "grafana"}
    assert not any("zookeeper" in name or "zookeeper" in str(s.get("image", "")) for name, s in services.items())
    kafka = services["kafka"]
    assert kafka["image"].startswith("apache/kafka:") and not kafka["image"].endswith(":latest")
    assert services["topics"]["image"] == kafka["image"], "topic creation uses kafka-topics.sh from the same image"
    env = kafka["environment"]
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{env['KAFKA_NODE_ID']}@kafka:9093"
    assert len(base64.urlsafe_b64decode(env["CLUSTER_ID"] + "==")) == 16, "CLUSTER_ID must be a base64 UUID"
    assert "PLAINTEXT://kafka:9092" in env["KAFKA_ADVERTISED_LISTENERS"].split(",")
    assert services["prometheus"]["image"].startswith("prom/prometheus:v")
    assert services["grafana"]["image"].startswith("grafana/grafana:")
    for name, service in services.items():
        assert not service.get("image", "").endswith(":latest"), name


def test_compose_kafka_accepts_the_largest_message_the_worker_produces():
    app = (REPO / "streams" / "app.py").read_text()
    m = re.search(r"producer_max_request_size=([\d\s*]+),", app)
    assert m, "producer_max_request_size not found in streams/app.py"
    producer_max = 1
    for factor in m.group(1).split("*"):
        producer_max *= int(factor)
    broker_max = int(compose()["services"]["kafka"]["environment"]["KAFKA_MESSAGE_MAX_BYTES"])
    assert broker_max >= producer_max


def test_compose_kafka_host_listener_is_published_on_its_advertised_port():
    kafka = compose()["services"]["kafka"]
    advertised = dict(item.split("://") for item in kafka["environment"]["KAFKA_ADVERTISED_LISTENERS"].split(","))
    host, port = advertised["HOST"].rsplit(":", 1)
    assert host == "localhost"
    assert f"{port}:{port}" in kafka["ports"]


def test_compose_worker_is_built_from_the_repo_and_scales():
    services = compose()["services"]
    worker = services["worker"]
    assert worker["build"]["context"] == "."
    assert (REPO / worker["build"]["dockerfile"]).is_file()
    assert "ports" not in worker, "a fixed host port breaks --scale worker=N"
    assert "container_name" not in worker, "a fixed container name breaks --scale worker=N"
    env = worker["environment"]
    assert set(env) <= settings_env_names(), f"unknown settings: {set(env) - settings_env_names()}"
    assert env["STREAMS_BROKER"] == "kafka:9092"
    assert env["STREAMS_WEB_HOST"] == "0.0.0.0"
    assert str(env["STREAMS_WEB_PORT"]) in [str(p) for p in worker["expose"]]
    assert f":{env['STREAMS_WEB_PORT']}/health" in " ".join(worker["healthcheck"]["test"])
    settings = Settings.from_env({k: str(v) for k, v in env.items()})  # the worker accepts them
    assert settings.broker_is_external and settings.web_port == 6066
    # Grace for draining a batch, committing and leaving the group.
    assert int(worker["stop_grace_period"].rstrip("s")) >= 30


def test_compose_runs_the_extract_and_index_roles_apart():
    services = compose()["services"]
    worker, indexer = services["worker"], services["indexer"]
    assert worker["environment"]["STREAMS_ROLE"] == "extract"
    assert indexer["environment"]["STREAMS_ROLE"] == "index"
    assert indexer["image"] == worker["image"]
    env = {k: str(v) for k, v in indexer["environment"].items()}
    assert set(env) <= settings_env_names()
    index, extract = Settings.from_env(env), Settings.from_env({k: str(v) for k, v in worker["environment"].items()})
    assert index.partitions == extract.partitions and index.group_id != extract.group_id
    assert f"{index.web_port}:{index.web_port}" in indexer["ports"], "the query API is reachable from the host"


def test_compose_topic_step_creates_every_topic_with_the_workers_partitions():
    services = compose()["services"]
    script = "\n".join(services["topics"]["command"])
    created = {m.group(1): m for m in re.finditer(
        r"--create --if-not-exists --topic (\S+) --partitions (\d+) --replication-factor (\d+)(.*)", script)}
    defaults = Settings.from_env({}).topics
    assert set(created) == set(defaults.all())
    partitions = int(services["worker"]["environment"]["STREAMS_PARTITIONS"])
    for name, m in created.items():
        assert int(m.group(2)) == partitions, name
        assert int(m.group(3)) == int(services["worker"]["environment"]["STREAMS_REPLICATION_FACTOR"]), name
        compacted = "cleanup.policy=compact" in m.group(4)
        assert compacted == (name in (defaults.agreements, defaults.merged)), name
    assert "--bootstrap-server kafka:9092" in script


def test_compose_start_order():
    services = compose()["services"]

    def condition(service: str, dependency: str) -> str:
        return services[service]["depends_on"][dependency]["condition"]

    assert condition("topics", "kafka") == "service_healthy"
    assert condition("worker", "kafka") == "service_healthy"
    assert condition("worker", "topics") == "service_completed_successfully"
    assert condition("grafana", "prometheus") == "service_healthy"
    assert services["topics"].get("restart", "no") == "no"
    for name in ("kafka", "worker", "prometheus", "grafana"):
        assert services[name]["healthcheck"]["test"], f"{name} needs a health check for depends_on"
    # No cycles: a topological order exists.
    order, pending = [], dict.fromkeys(services)
    while pending:
        ready = [s for s in pending if set(services[s].get("depends_on", {})) <= set(order)]
        assert ready, f"dependency cycle among {sorted(pending)}"
        order += ready
        for s in ready:
            del pending[s]
    assert order.index("kafka") < order.index("topics") < order.index("worker")


def test_compose_mounts_exist_and_host_ports_are_unique():
    services = compose()["services"]
    published = []
    for name, service in services.items():
        for volume in service.get("volumes", ()):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (REPO / source).exists(), f"{name}: {source} is missing"
        published += [str(p).split(":")[0] for p in service.get("ports", ())]
    assert len(published) == len(set(published)), published
    prometheus = services["prometheus"]
    assert "./deploy/prometheus:/etc/prometheus:ro" in prometheus["volumes"]
    assert "--config.file=/etc/prometheus/prometheus.yml" in prometheus["command"]


# --- deploy/Dockerfile -------------------------------------------------------------------------

def test_dockerfile_installs_the_package_without_the_embedded_broker():
    text = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim\s*$", text, re.M)
    assert re.search(r"^RUN pip install \.(\s|$)", text, re.M)
    assert "embedded" not in re.sub(r"#.*", "", text), "the image must not install the embedded extra"
    for source in re.findall(r"^COPY (.+?) \S+$", text, re.M):
        for path in source.split():
            assert (REPO / path).exists(), f"COPY {path}: missing"
    assert 'CMD ["streams", "worker"]' in text
    assert re.search(r"^EXPOSE 6066$", text, re.M)
    assert re.search(r"^USER (?!root)\S+$", text, re.M), "run as a non-root user"
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text().split()
    for path in ("pyproject.toml", "README.md", "streams/"):
        assert f"!{path}" in ignore


# --- deploy/k8s ------------------------------------------------------------------------------------

# Kinds the roles have one of each: name -> object. Every other kind: the one object.
PER_ROLE = {"Deployment", "Service", "PodDisruptionBudget"}
EXTRACT, INDEX = "streams-worker", "streams-index"


@pytest.fixture(scope="module")
def manifests() -> dict[str, Any]:
    """kind -> the one object of that kind, or for PER_ROLE kinds name -> object."""
    objects: dict[str, Any] = {}
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            assert doc["apiVersion"] and doc["kind"], path.name
            kind = doc["kind"]
            if kind == "Kustomization":
                continue
            name = doc["metadata"]["name"]
            assert name, path.name
            if kind in PER_ROLE:
                assert name not in objects.setdefault(kind, {}), f"two {kind} {name}"
                objects[kind][name] = doc
            else:
                assert kind not in objects, f"two {kind} objects"
                objects[kind] = doc
    return objects


def test_k8s_manifests_parse_and_kustomization_lists_them_all(manifests):
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    files = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == files
    namespace = manifests["Namespace"]["metadata"]["name"]
    for kind, obj in manifests.items():
        for o in obj.values() if kind in PER_ROLE else [obj]:
            if kind != "Namespace":
                assert o["metadata"]["namespace"] == namespace, kind
    assert set(manifests) >= {"Deployment", "ConfigMap", "Service", "PodMonitor", "ScaledObject"}
    assert set(manifests["Deployment"]) == {EXTRACT, INDEX}


def worker_container(deployment: dict[str, Any]) -> dict[str, Any]:
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    return container


def test_k8s_configmap_sets_only_settings_the_code_reads(manifests):
    data = manifests["ConfigMap"]["data"]
    assert set(data) <= settings_env_names(), f"unknown settings: {set(data) - settings_env_names()}"
    assert all(isinstance(v, str) for v in data.values()), "ConfigMap values must be strings"
    settings = Settings.from_env(data)  # valid for the worker
    assert settings.broker_is_external, "pods must point STREAMS_BROKER at a real Kafka"
    assert settings.web_host == "0.0.0.0"
    assert settings.store.startswith("rocksdb://")


def pod_labels(deployment: dict[str, Any]) -> dict[str, str]:
    return deployment["spec"]["template"]["metadata"]["labels"]


def role_env(deployment: dict[str, Any]) -> dict[str, str]:
    return {e["name"]: e["value"] for e in worker_container(deployment).get("env", ()) if "value" in e}


def test_k8s_runs_the_extract_and_index_roles_apart(manifests):
    extract, index = manifests["Deployment"][EXTRACT], manifests["Deployment"][INDEX]
    assert role_env(extract)["STREAMS_ROLE"] == "extract" and role_env(index)["STREAMS_ROLE"] == "index"
    assert "replicas" not in extract["spec"], "KEDA owns the extract worker count"
    assert index["spec"]["replicas"] >= 2, "the query API stays up through a rolling restart"
    assert pod_labels(extract) != pod_labels(index)
    # Only index pods forward queries, at their pod IP.
    [advertised] = [e for e in worker_container(index)["env"] if e["name"] == "STREAMS_WEB_ADVERTISED_HOST"]
    assert advertised["valueFrom"]["fieldRef"]["fieldPath"] == "status.podIP"
    api = manifests["Service"]["streams-api"]["spec"]
    assert api["selector"].items() <= pod_labels(index).items()
    assert not api["selector"].items() <= pod_labels(extract).items(), "queries must not reach extract pods"
    for name, pdb in manifests["PodDisruptionBudget"].items():
        matched = [d for d in manifests["Deployment"].values()
                   if pdb["spec"]["selector"]["matchLabels"].items() <= pod_labels(d).items()]
        assert len(matched) == 1, name


@pytest.mark.parametrize("name", [EXTRACT, INDEX])
def test_k8s_deployment(manifests, name):
    deployment, config = manifests["Deployment"][name], manifests["ConfigMap"]
    spec, pod = deployment["spec"], deployment["spec"]["template"]["spec"]
    assert spec["selector"]["matchLabels"].items() <= spec["template"]["metadata"]["labels"].items()
    container = worker_container(deployment)
    compose_image = compose()["services"]["worker"]["image"]
    assert container["image"] == compose_image
    version = re.search(r'^version = "([^"]+)"', (REPO / "pyproject.toml").read_text(), re.M).group(1)
    assert container["image"].endswith(f":{version}"), "image tag follows the package version"
    assert container["envFrom"] == [{"configMapRef": {"name": config["metadata"]["name"]}}]
    for env in container.get("env", ()):
        assert env["name"] in settings_env_names(), env["name"]

    web_port = int(config["data"]["STREAMS_WEB_PORT"])
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports == {"web": web_port}
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        get = container[probe]["httpGet"]
        assert get["path"] == "/health" and get["port"] in ("web", web_port), probe
    # Start-up may wait STREAMS_BROKER_WAIT for Kafka before /health exists.
    startup = container["startupProbe"]
    broker_wait = float(config["data"].get("STREAMS_BROKER_WAIT", Settings().broker_wait_s))
    assert startup["periodSeconds"] * startup["failureThreshold"] > broker_wait

    resources = container["resources"]
    assert resources["requests"]["cpu"] and resources["requests"]["memory"] and resources["limits"]["memory"]
    pre_stop = container["lifecycle"]["preStop"]["exec"]["command"]
    assert pre_stop[0] == "sleep"
    grace = pod["terminationGracePeriodSeconds"]
    assert grace >= int(pre_stop[1]) + 30, "grace must cover the pause plus draining a batch"
    assert pod["securityContext"]["runAsNonRoot"] is True
    data_dir = config["data"]["STREAMS_DATA_DIR"]
    mounts = [m["mountPath"] for m in container.get("volumeMounts", ())]
    assert any(data_dir == m or data_dir.startswith(m.rstrip("/") + "/") for m in mounts), \
        "the RocksDB data dir must be a writable volume (the root filesystem is read-only)"


@pytest.mark.parametrize("name", [EXTRACT, INDEX])
def test_k8s_services_and_podmonitor_select_the_worker_pods(manifests, name):
    labels = pod_labels(manifests["Deployment"][name])
    container = worker_container(manifests["Deployment"][name])
    port_names = {p["name"] for p in container["ports"]}
    for service in manifests["Service"].values():
        if service["spec"]["selector"].items() <= labels.items():
            assert {p["targetPort"] for p in service["spec"]["ports"]} <= port_names
    monitor = manifests["PodMonitor"]["spec"]
    assert monitor["selector"]["matchLabels"].items() <= labels.items(), "both roles are scraped"
    [endpoint] = monitor["podMetricsEndpoints"]
    assert endpoint["port"] in port_names and endpoint["path"] == "/metrics"
    # Alerts and dashboard select job="streams-worker".
    assert {"targetLabel": "job", "replacement": WORKER_JOB} in endpoint["relabelings"]


def test_k8s_autoscaling_follows_consumer_lag_and_never_exceeds_partitions(manifests):
    scaled, config = manifests["ScaledObject"], manifests["ConfigMap"]["data"]
    settings = Settings.from_env(config)
    spec = scaled["spec"]
    assert spec["scaleTargetRef"]["name"] == EXTRACT
    assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"] <= settings.partitions
    topics = set()
    for trigger in spec["triggers"]:
        assert trigger["type"] == "kafka"
        meta = trigger["metadata"]
        assert meta["bootstrapServers"].split(",") == settings.broker_bootstrap
        assert meta["consumerGroup"] == settings.app_id, "Faust's consumer group is the app id"
        assert int(meta["lagThreshold"]) > 0
        assert meta.get("allowIdleConsumers", "false") == "false"
        topics.add(meta["topic"])
    # The internal hop's name as streams/agents.py builds it; the group is the extract role's.
    assert 'f"{settings.group_id}-articles-by-content"' in (REPO / "streams" / "agents.py").read_text()
    extract = Settings.from_env({**config, **role_env(manifests["Deployment"][EXTRACT])})
    assert extract.role == "extract" and extract.group_id == settings.app_id
    assert topics == {settings.topics.articles, f"{settings.group_id}-articles-by-content"}


def test_k8s_prometheusrule_matches_the_rules_file(manifests):
    groups = []
    for path in RULE_FILES:
        groups += yaml.safe_load(path.read_text())["groups"]
    assert manifests["PrometheusRule"]["spec"] == {"groups": groups}, \
        "deploy/k8s/prometheusrule.yaml differs from deploy/prometheus/rules: copy the groups over"


# --- Makefile ------------------------------------------------------------------------------------

def test_make_test_installs_prometheus_when_missing():
    makefile = (REPO / "Makefile").read_text()
    prerequisites = {m.group(1): m.group(2).split() for m in re.finditer(r"^([\w-]+):([^=\n]*)$", makefile, re.M)}
    assert "deps-system" in prerequisites["test"]
    assert "deps-system" in prerequisites["install-dev"]
    recipe = makefile.split("\ndeps-system:", 1)[1].split("\n\n", 1)[0]
    assert "command -v prometheus" in recipe and "command -v promtool" in recipe
    assert "apt-get install" in recipe and " prometheus" in recipe
    assert "systemctl start" not in recipe
    dry_run = subprocess.run(["make", "-n", "deps-system"], cwd=REPO, capture_output=True, text=True, timeout=30)
    assert dry_run.returncode == 0, dry_run.stderr
