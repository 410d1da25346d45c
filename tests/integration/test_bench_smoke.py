"""``streams bench`` runs end to end on a tiny corpus and reports every figure.

Benchmarks are figures, not tests: nothing here is timed or compared to a target.
"""

from __future__ import annotations

import subprocess
import sys

import orjson
from conftest import article

from streams.bench import trace_missing


def _positive(result: dict, *path: str) -> None:
    value = result
    for key in path:
        assert key in value, f"missing {'.'.join(path)}"
        value = value[key]
    assert isinstance(value, (int, float)) and value > 0, f"{'.'.join(path)} = {value!r}"


def test_bench_json_has_every_figure(repo):
    proc = subprocess.run(
        [sys.executable, "-m", "streams", "bench", "--articles", "20", "--workers", "1", "--rate", "10",
         "--latency-articles", "10", "--json"],
        cwd=repo, capture_output=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-4000:]
    result = orjson.loads(proc.stdout)

    for stage in ("kiwi", "extraction", "pipeline"):
        _positive(result, stage, "articles_per_s")
        _positive(result, stage, "chars_per_s")
        _positive(result, stage, "cpu_ms_per_article")
    _positive(result, "ratios", "pipeline_over_kiwi")
    _positive(result, "ratios", "extraction_over_kiwi")
    _positive(result, "ratios", "best_pipeline_over_best_kiwi")
    assert result["pipeline"]["articles"] == 20 and result["pipeline"]["workers"] == 1
    latency = result["pipeline"]["latency"]
    assert latency["received"] == latency["articles"] == 10
    for p in ("p50_s", "p95_s", "p99_s"):
        _positive(result, "pipeline", "latency", p)
    assert latency["p50_s"] <= latency["p95_s"] <= latency["p99_s"]
    assert result["pipeline"]["peak_rss_mb"] and all(r > 0 for r in result["pipeline"]["peak_rss_mb"])
    # the worker's own CPU (without its analyser process) is part of its tree's
    own, tree = result["pipeline"]["cpu_own_s"], result["pipeline"]["cpu_s"]
    assert set(own) == {"worker-0"} and 0 < own["worker-0"] < tree["worker-0"]


def test_trace_missing_tells_where_an_article_stopped(deployment):
    deployment.publish([article("trace-1", "가람시는 누리전자와 협약을 체결했다.")])
    told = trace_missing(deployment.settings, ["trace-1", "never-sent"])
    articles = deployment.topics.articles
    assert f"trace-1 in {articles}[" in told and "]@0" in told  # published, and nothing after it
    assert "never-sent in no topic" in told
    assert f"{articles}[0] committed None of" in told  # no worker ever committed
