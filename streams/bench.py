"""``streams bench``: what the pipeline costs next to Kiwi, measured in one run.

Three figures on the same corpus and the same machine, never two at once so they do
not compete for cores, each the best of RUNS runs:

1. Kiwi alone: the pipeline's analyser (same user words), one batched ``tokenize``
   over the whole corpus, with as many Kiwi threads as the pipeline gets cores
   (one per worker).
2. Extraction alone: ``Extractor.extract_many`` in batches of STREAMS_BATCH_SIZE,
   no broker.
3. The pipeline: W ``streams worker`` processes on a fresh embedded broker (or
   fresh topics on STREAMS_BROKER). Throughput runs from the first publish to the
   last entities/agreements record a consumer receives; latency is measured at a
   fixed offered load, each article carrying ``crawled_at`` = its send time.

The cores of this kind of VM speed up and slow down by tens of percent over minutes,
so every extraction and pipeline run has a Kiwi run right before it, and the ratios
are the median over runs of run / that Kiwi run (the best run over the best Kiwi run
is reported too). Each stage also reports CPU time per article (load-independent)
and how many cores other processes kept busy meanwhile.

The corpus is the bundled samples (or ``--input``) repeated to N articles; each
copy gets a unique id and a numbered sentence, since the pipeline drops the same
text under a new id as a duplicate.
"""

from __future__ import annotations

import contextlib
import gc
import math
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable

import orjson

from .errors import StreamsError
from .settings import Settings, Topics

WARMUP_PER_PARTITION = 4
# Each throughput figure is the best of this many runs: the cores are shared, and the
# best run is the one least disturbed by other processes.
RUNS = 3


class BenchError(StreamsError):
    """The bench could not produce its figures (a worker died, results never came)."""


# -- corpus ------------------------------------------------------------------------
def load_source(input_path: str | None = None) -> tuple[list[dict[str, Any]], str]:
    """The articles to repeat, and where they came from."""
    from .demo import sample_paths
    from .errors import RejectedArticle
    from .io import read_records
    from .records import validate_article

    path = Path(input_path) if input_path else sample_paths()[0]
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    articles = []
    for _, raw in read_records(path):
        try:
            obj = orjson.loads(raw)
            validate_article({**obj, "id": "bench"})  # ids are replaced; the rest must be valid
        except (orjson.JSONDecodeError, TypeError, RejectedArticle):
            continue
        articles.append(obj)
    if not articles:
        raise BenchError(f"{path}: no valid articles")
    return articles, str(path)


def make_corpus(source: list[dict[str, Any]], n: int, prefix: str, min_chars: int = 0) -> list[dict[str, Any]]:
    """``n`` articles cycling through ``source``, each with a unique id and unique text.

    With ``min_chars``, a body shorter than that goes on with the next sources' bodies,
    cut at the first sentence end past ``min_chars``: the targets are stated for
    2,000-character articles, and per-article costs weigh more on short ones. The bodies
    joined are cleaned first: a page's chrome after a copyright notice in the middle of a
    joined body would be cut by the cleaning, and the article with it. The numbered
    sentence that makes each copy unique comes first for the same reason.
    """
    from .extraction.text import clean

    bodies = [clean(a["body"]) for a in source] if min_chars else [a["body"].strip() for a in source]
    corpus = []
    for i in range(n):
        article = dict(source[i % len(source)])
        body = bodies[i % len(source)]
        j = 1
        while len(body) < min_chars and j <= len(source):
            body = f"{body}\n{bodies[(i + j) % len(source)]}"
            j += 1
            if len(body) >= min_chars:
                end = min((k for k in (body.find(". ", min_chars), body.find(".\n", min_chars)) if k >= 0),
                          default=len(body) - 1)
                body = body[: end + 1]
        article["id"] = f"{prefix}-{i:06d}"
        article["body"] = f"이 기사는 {prefix} 측정용 사본 {i}번이다.\n{body}"
        article.pop("crawled_at", None)
        corpus.append(article)
    return corpus


def _chars(article: dict[str, Any]) -> int:
    return len(article.get("title") or "") + len(article["body"])


# -- CPU accounting: wall-clock figures on a shared machine are noisy; CPU seconds
# per article are not, and the machine's busy cores show how much others used.
_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _process_tree(pid: int) -> list[int]:
    """``pid`` and its live descendants (a worker and its analyser process)."""
    tree, i = [pid], 0
    while i < len(tree):
        try:
            for task in Path(f"/proc/{tree[i]}/task").iterdir():
                tree += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
        i += 1
    return tree


def _cpu_seconds(pid: int, descendants: bool = False) -> float:
    """User + system CPU of a process (and its descendants), all threads (0 when gone)."""
    total = 0
    for p in _process_tree(pid) if descendants else [pid]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / _TICK


def _machine_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all cores, from /proc/stat."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0, 0
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values[:8]) - idle, sum(values[:8])


class _CpuWindow:
    """CPU used by given processes and by the whole machine between start and stop.

    Names in ``trees`` count their descendants too (a worker and its analyser process).
    """

    def __init__(self, pids: dict[str, int], trees: Iterable[str] = ()) -> None:
        self.pids, self.trees = pids, set(trees)
        self._cpu = {name: _cpu_seconds(pid, name in self.trees) for name, pid in pids.items()}
        self._own = {name: _cpu_seconds(pid) for name, pid in pids.items() if name in self.trees}
        self._machine = _machine_ticks()
        self._wall = time.monotonic()

    def stop(self) -> dict[str, Any]:
        wall = time.monotonic() - self._wall
        used = {name: _cpu_seconds(pid, name in self.trees) - self._cpu[name] for name, pid in self.pids.items()}
        busy, total = (b - a for a, b in zip(self._machine, _machine_ticks()))
        cores = os.cpu_count() or 1
        machine_cores = cores * busy / total if total else None
        ours = sum(used.values()) / wall if wall else 0.0
        # the root process alone: a worker without its analyser (its share of the tree's CPU)
        own = {name: _cpu_seconds(self.pids[name]) - start for name, start in self._own.items()}
        return {"seconds": wall, "cpu_s": used, "cpu_own_s": own, "machine_busy_cores": machine_cores,
                "others_busy_cores": None if machine_cores is None else max(0.0, machine_cores - ours)}


# -- 1 and 2: no broker ------------------------------------------------------------
def _extraction_inputs(corpus: list[dict[str, Any]]):
    from .records import validate_article

    return [validate_article(a).for_extraction() for a in corpus]


class Alone:
    """Kiwi alone and extraction alone on the corpus, in the bench process, run on demand.

    Kiwi alone is one batched ``tokenize`` over the texts Kiwi sees in the pipeline;
    extraction is ``Extractor.extract_many`` in batches of STREAMS_BATCH_SIZE. The
    cores of a shared machine speed up and slow down over a bench, so every figure
    that is compared with Kiwi gets a Kiwi run right before it (``kiwi`` then the
    other), and ratios are taken pair by pair.
    """

    def __init__(self, corpus: list[dict[str, Any]], cores: int, batch_size: int) -> None:
        from .extraction import Extractor
        from .extraction.analyzer import text_of

        self.cores, self.batch_size = cores, batch_size
        self._articles = _extraction_inputs(corpus)
        self._texts = [text_of(a)[0] for a in self._articles]
        self._kiwi_chars, self._chars = sum(map(len, self._texts)), sum(map(_chars, corpus))
        self._extractor = Extractor(num_workers=cores)
        self._extractor.extract_many(self._articles[:4])  # the first call warms Kiwi up for a second or two

    def kiwi(self) -> dict[str, Any]:
        window = _CpuWindow({"bench": os.getpid()})
        self._extractor.analyzer.kiwi_tokenize(self._texts)
        return _figures(window.stop(), len(self._texts), self._kiwi_chars)

    def extraction(self) -> dict[str, Any]:
        window = _CpuWindow({"bench": os.getpid()})
        failed = 0
        for i in range(0, len(self._articles), self.batch_size):
            batch = self._extractor.extract_many(self._articles[i:i + self.batch_size], return_exceptions=True)
            failed += sum(isinstance(r, Exception) for r in batch)
        return {**_figures(window.stop(), len(self._articles), self._chars), "failed": failed}

    def close(self) -> None:
        del self._extractor
        gc.collect()


def _paired_ratio(runs: list[dict[str, Any]]) -> float:
    """Median over runs of the run's rate over the Kiwi run just before it."""
    return statistics.median(r["articles_per_s"] / r["kiwi_before"]["articles_per_s"] for r in runs)


def _figures(window: dict[str, Any], articles: int, chars: int, cpu_of: Iterable[str] | None = None) -> dict[str, Any]:
    """Rates and CPU per article of one run, from a stopped ``_CpuWindow``."""
    seconds = window["seconds"]
    cpu = sum(v for k, v in window["cpu_s"].items() if cpu_of is None or k in cpu_of)
    return {"seconds": seconds, "articles_per_s": articles / seconds, "chars_per_s": chars / seconds,
            "cpu_ms_per_article": 1000 * cpu / articles, "cpu_s": window["cpu_s"],
            "cpu_own_s": window["cpu_own_s"],
            "others_busy_cores": window["others_busy_cores"]}


def _best(results: list[dict[str, Any]]) -> dict[str, Any]:
    best = max(results, key=lambda r: r["articles_per_s"])
    best = {k: v for k, v in best.items() if k != "kiwi_before"}
    return {**best, "runs_articles_per_s": [r["articles_per_s"] for r in results]}


# -- 3: the pipeline -----------------------------------------------------------------
class _Receiver(threading.Thread):
    """Reads the output topics and notes when each article's records arrive."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(name="bench-receiver", daemon=True)
        from kafka import KafkaConsumer, TopicPartition

        t = settings.topics
        # The embedded broker holds a fetch for its whole wait, so this wait is added to
        # measured latency (up to 50 ms); shorter costs the shared cores noticeably more.
        self._consumer = KafkaConsumer(bootstrap_servers=settings.broker_bootstrap, enable_auto_commit=False,
                                       fetch_max_wait_ms=50, client_id="streams-bench")
        tps = [TopicPartition(topic, p) for topic in (t.entities, t.agreements, t.deadletter)
               for p in sorted(self._consumer.partitions_for_topic(topic) or ())]
        self._consumer.assign(tps)
        self._consumer.seek_to_end(*tps)
        for tp in tps:
            self._consumer.position(tp)  # resolve "end" now, before anything is published
        self._entities_topic, self._deadletter_topic = t.entities, t.deadletter
        self.settings = settings
        self.entities_at: dict[str, float] = {}  # article id -> first entities record received
        self.deadlettered: set[str] = set()  # counted as done, so a failure cannot stall the run
        self.last_at: dict[str, float] = {}  # article id -> last entities/agreements record received
        self._lock = threading.Lock()
        self._halt = threading.Event()

    def run(self) -> None:
        try:
            while not self._halt.is_set():
                polled = self._consumer.poll(timeout_ms=100)
                now = time.time()
                with self._lock:
                    for records in polled.values():
                        for r in records:
                            record = orjson.loads(r.value)
                            if r.topic == self._deadletter_topic:
                                self.deadlettered.add((record.get("source") or {}).get("key"))
                                continue
                            article_id = record.get("article_id")
                            if r.topic == self._entities_topic:
                                self.entities_at.setdefault(article_id, now)
                            self.last_at[article_id] = now
        finally:
            self._consumer.close()

    def count(self, ids: Iterable[str]) -> int:
        with self._lock:
            return sum(1 for i in ids if i in self.entities_at or i in self.deadlettered)

    def done(self, article_id: str) -> bool:
        with self._lock:
            return article_id in self.entities_at or article_id in self.deadlettered

    def wait_for(self, ids: list[str], timeout: float, workers: list["_Worker"]) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.count(ids) >= len(ids):
                return True
            for w in workers:
                w.check()
            time.sleep(0.02)
        return False

    def stop(self) -> None:
        self._halt.set()
        self.join(10)


class _Worker:
    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        from .demo import start_worker

        self.log_path = log_path
        self.web_port = int(env["STREAMS_WEB_PORT"])
        self.proc = start_worker(env, log_path)

    def check(self) -> None:
        if self.proc.poll() is not None:
            tail = self.log_path.read_text(errors="replace")[-3000:]
            raise BenchError(f"worker {self.proc.pid} exited with {self.proc.returncode}:\n{tail}")

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}{path}", timeout=2) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as exc:
            return exc.code, b""
        except OSError:
            return 0, b""

    def metric(self, name: str) -> float:
        """Sum of a metric's samples named exactly ``name`` (all label sets)."""
        _, body = self.get("/metrics")
        total = 0.0
        for line in body.decode("utf-8", "replace").splitlines():
            if line.startswith(name) and line[len(name):len(name) + 1] in ("{", " "):
                total += float(line.rsplit(" ", 1)[1])
        return total

    def peak_rss_mb(self) -> float | None:
        """Peak RSS of the worker plus its analyser process (each one's VmHWM, summed)."""
        peaks = []
        for pid in _process_tree(self.proc.pid):
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks.append(int(line.split()[1]) / 1024)
            except OSError:
                pass
        return sum(peaks) if peaks else None


def trace_missing(settings: Settings, missing: list[str]) -> str:
    """Where articles that never came out are, read again from the start of every topic on
    their path: in the input, in the repartition topic, in an output the receiver missed, and
    the group's committed offsets against each partition's end (a record committed but not
    processed, or never delivered, is told apart from one still waiting)."""
    from kafka import KafkaConsumer, TopicPartition

    t = settings.topics
    path = [t.articles, f"{settings.group_id}-articles-by-content", t.entities, t.agreements, t.deadletter]
    consumer = KafkaConsumer(bootstrap_servers=settings.broker_bootstrap, group_id=settings.group_id,
                             enable_auto_commit=False, client_id="streams-bench-trace")
    try:
        tps = [TopicPartition(topic, p) for topic in path for p in sorted(consumer.partitions_for_topic(topic) or ())]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        ends = consumer.end_offsets(tps)
        found: dict[str, list[str]] = {i: [] for i in missing}
        deadline = time.monotonic() + 30
        while any(consumer.position(tp) < ends[tp] for tp in tps) and time.monotonic() < deadline:
            for tp, records in consumer.poll(timeout_ms=500).items():
                for r in records:
                    try:
                        value = orjson.loads(r.value)
                    except orjson.JSONDecodeError:
                        continue
                    key = value.get("id") or value.get("article_id") or (value.get("source") or {}).get("key")
                    if key in found:
                        found[key].append(f"{tp.topic}[{tp.partition}]@{r.offset}")
        committed = ", ".join(f"{tp.topic}[{tp.partition}] committed {consumer.committed(tp)} of {ends[tp]}"
                              for tp in tps if tp.topic in path[:2])
    finally:
        consumer.close()
    where = "; ".join(f"{i} in {', '.join(places) or 'no topic'}" for i, places in found.items())
    return f"missing {where}; {committed}"


def _percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def _iso_ms(ts: float) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _ms_floor(ts: float) -> float:
    return math.floor(ts * 1000) / 1000


def _metric_totals(workers: list[_Worker]) -> tuple[float, float, float]:
    """Extraction seconds, articles in batches and batches, summed over the workers."""
    names = ("streams_extraction_duration_seconds_sum", "streams_batch_size_sum", "streams_batch_size_count")
    return tuple(sum(w.metric(name) for w in workers) for name in names)  # type: ignore[return-value]


def _throughput_run(corpus: list[dict[str, Any]], publish: Any, kafka: Any, receiver: _Receiver,
                    workers: list[_Worker], pids: dict[str, int], timeout: float) -> dict[str, Any]:
    ids = [a["id"] for a in corpus]
    before = _metric_totals(workers)
    window = _CpuWindow({**pids, "bench": os.getpid()}, trees=[name for name in pids if name.startswith("worker")])
    t0 = time.time()
    publish(corpus)
    kafka.flush()
    published_s = time.time() - t0
    if not receiver.wait_for(ids, timeout + len(corpus) / 2, workers):
        missing = [i for i in ids if not receiver.done(i)]
        raise BenchError(f"only {len(ids) - len(missing)}/{len(ids)} articles came out; "
                         + trace_missing(receiver.settings, missing[:5]))
    cpu = window.stop()
    time.sleep(0.5)  # agreements of the last batch may trail its entities record
    with receiver._lock:
        t_end = max((receiver.last_at[i] for i in ids if i in receiver.last_at), default=time.time())
        deadlettered = sum(1 for i in ids if i in receiver.deadlettered)
    extraction_s, batched, batches = (a - b for a, b in zip(_metric_totals(workers), before))
    cpu["seconds"] = t_end - t0
    figures = _figures(cpu, len(corpus), sum(map(_chars, corpus)), cpu_of=[k for k in pids])
    return {**figures, "publish_s": published_s, "deadlettered": deadlettered,
            "extraction_busy": extraction_s / (figures["seconds"] * len(workers)),
            "mean_batch": batched / batches if batches else None}


def measure_pipeline(
    settings: Settings,
    corpora: list[list[dict[str, Any]]],
    latency_corpus: list[dict[str, Any]],
    *,
    workers: int,
    rate: float,
    timeout: float,
    workdir: Path,
    kiwi_turn: Callable[[], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The pipeline's figures; with ``kiwi_turn``, each throughput run is preceded by a
    Kiwi-alone run (the workers idle meanwhile), kept in the run as ``kiwi_before``."""
    from .broker import EmbeddedBroker, create_topics, free_port, free_ports
    from .demo import stop_process, worker_env
    from .io import producer

    tag = uuid.uuid4().hex[:8]
    partitions = max(workers, 2)
    broker = None
    if not settings.broker_is_external:
        broker = EmbeddedBroker(free_port(), log_file=workdir / "broker.log").start()
        settings = replace(settings, broker_url=broker.url)
    settings = replace(
        settings,
        app_id=f"bench-{tag}",
        partitions=partitions,
        topics=Topics(articles=f"articles-{tag}", entities=f"entities-{tag}", agreements=f"agreements-{tag}",
                      deadletter=f"deadletter-{tag}", merged=f"merged-{tag}"),
    )
    started: list[_Worker] = []
    receiver = None
    kafka = None
    try:
        create_topics(settings)
        t = settings.topics
        base_env = worker_env(settings, data_dir=str(workdir / "data"), web_port=0)
        base_env.update(
            STREAMS_TOPIC_ARTICLES=t.articles, STREAMS_TOPIC_ENTITIES=t.entities,
            STREAMS_TOPIC_AGREEMENTS=t.agreements, STREAMS_TOPIC_DEADLETTER=t.deadletter,
            STREAMS_TOPIC_MERGED=t.merged, STREAMS_KIWI_WORKERS="1",
            # The measured path is articles -> entities, agreements: extract workers, as
            # deployed (the index role runs in its own workers and group).
            STREAMS_ROLE="extract",
        )
        for i, port in enumerate(free_ports(workers)):
            env = dict(base_env, STREAMS_WEB_PORT=str(port), STREAMS_DATA_DIR=str(workdir / f"data-{i}"))
            started.append(_Worker(env, workdir / f"worker-{i}.log"))
        deadline = time.monotonic() + timeout
        for w in started:
            while w.get("/health")[0] != 200:
                w.check()
                if time.monotonic() > deadline:
                    raise BenchError(f"worker {w.proc.pid} not healthy after {timeout:.0f}s; see {w.log_path}")
                time.sleep(0.2)

        receiver = _Receiver(settings)
        receiver.start()
        kafka = producer(settings)

        def publish(articles: list[dict[str, Any]]) -> None:
            for a in articles:
                kafka.send(t.articles, key=a["id"].encode(), value=orjson.dumps(a))

        # Warm up until every worker has processed articles: that is also when the
        # group has settled (the second worker's join rebalances the first).
        warm_source = corpora[0][: WARMUP_PER_PARTITION * partitions]
        for round_ in range(10):
            warm = make_corpus(warm_source, len(warm_source), f"warm{round_}-{tag}")  # already long enough
            publish(warm)
            kafka.flush()
            if not receiver.wait_for([a["id"] for a in warm], max(1.0, deadline - time.monotonic()), started):
                raise BenchError(f"warm-up articles not processed within {timeout:.0f}s; see {workdir}")
            if all(w.metric("streams_articles_processed_total") > 0 for w in started):
                break
        else:
            raise BenchError("some workers got no partitions during warm-up")

        # Throughput: everything at once, best of a few runs.
        pids = {f"worker-{i}": w.proc.pid for i, w in enumerate(started)}
        broker_proc = getattr(broker, "_proc", None)  # EmbeddedBroker has no public pid
        if broker_proc is not None:
            pids["broker"] = broker_proc.pid
        runs = []
        for corpus in corpora:
            kiwi_before = kiwi_turn() if kiwi_turn is not None else None
            run = _throughput_run(corpus, publish, kafka, receiver, started, pids, timeout)
            runs.append(run if kiwi_before is None else {**run, "kiwi_before": kiwi_before})
        throughput = {"articles": len(corpora[0]), **_best(runs),
                      "paired_over_kiwi": _paired_ratio(runs) if kiwi_turn is not None else None}

        # Latency at a fixed offered load.
        sent_at: dict[str, float] = {}
        t0 = time.time()
        for i, a in enumerate(latency_corpus):
            pause = t0 + i / rate - time.time()
            if pause > 0:
                time.sleep(pause)
            now = time.time()
            a = dict(a, crawled_at=_iso_ms(now))
            sent_at[a["id"]] = _ms_floor(now)
            kafka.send(t.articles, key=a["id"].encode(), value=orjson.dumps(a))
        kafka.flush()
        lat_ids = list(sent_at)
        receiver.wait_for(lat_ids, timeout, started)
        with receiver._lock:
            latencies = [receiver.entities_at[i] - sent_at[i] for i in lat_ids if i in receiver.entities_at]
        latency = {
            "rate": rate, "articles": len(lat_ids), "received": len(latencies),
            "p50_s": _percentile(latencies, 50), "p95_s": _percentile(latencies, 95),
            "p99_s": _percentile(latencies, 99), "max_s": max(latencies) if latencies else None,
            "mean_chars": sum(map(_chars, latency_corpus)) / max(1, len(latency_corpus)),
        }
        rss = [w.peak_rss_mb() for w in started]
        return {"workers": workers, "partitions": partitions, **throughput, "latency": latency,
                "peak_rss_mb": rss, "peak_rss_mb_max": max((r for r in rss if r is not None), default=None)}
    finally:
        # Every step runs even when one fails: a leftover worker or broker would skew the next run.
        with contextlib.ExitStack() as stack:
            if broker is not None:
                stack.callback(broker.stop)
            for w in started:
                stack.callback(stop_process, w.proc)
            if receiver is not None:
                stack.callback(receiver.stop)
            if kafka is not None:
                stack.callback(kafka.close)


# -- all of it -------------------------------------------------------------------------
def run_bench(
    settings: Settings,
    *,
    articles: int = 400,
    input_path: str | None = None,
    workers: int = 1,
    rate: float = 20.0,
    latency_articles: int = 200,
    min_chars: int = 2000,
    runs: int = RUNS,
    timeout: float = 180.0,
    keep_workdir: bool = False,
) -> dict[str, Any]:
    """Kiwi alone, extraction alone and the full pipeline on one corpus; a JSON-able dict."""
    source, source_name = load_source(input_path)
    corpora = [make_corpus(source, articles, f"bench{r}", min_chars) for r in range(runs)]
    corpus = corpora[0]
    latency_corpus = make_corpus(source, latency_articles, "latency", min_chars)
    load_start = os.getloadavg()
    alone = Alone(corpus, workers, settings.batch_size)
    kiwi_runs: list[dict[str, Any]] = []
    extraction_runs = []
    for _ in range(runs):
        kiwi_runs.append(alone.kiwi())
        extraction_runs.append({**alone.extraction(), "kiwi_before": kiwi_runs[-1]})

    def kiwi_turn() -> dict[str, Any]:
        kiwi_runs.append(alone.kiwi())
        return kiwi_runs[-1]

    workdir = Path(tempfile.mkdtemp(prefix="streams-bench-"))
    try:
        pipeline = measure_pipeline(settings, corpora, latency_corpus, workers=workers, rate=rate,
                                    timeout=timeout, workdir=workdir, kiwi_turn=kiwi_turn)
    except BaseException:
        keep_workdir = True  # the worker logs explain the failure
        raise
    finally:
        alone.close()
        if not keep_workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    kiwi = {"cores": workers, **_best(kiwi_runs)}
    extraction = {"cores": workers, **_best(extraction_runs)}
    return {
        "machine": {"cores": os.cpu_count(), "loadavg_start": list(load_start), "loadavg_end": list(os.getloadavg()),
                    "python": sys.version.split()[0]},
        "corpus": {"source": source_name, "source_articles": len(source), "articles": len(corpus), "min_chars": min_chars,
                   "mean_chars": sum(map(_chars, corpus)) / len(corpus)},
        "config": {"workers": workers, "partitions": pipeline["partitions"], "rate": rate,
                   "latency_articles": latency_articles, "batch_size": settings.batch_size,
                   "batch_timeout_s": settings.batch_timeout_s},
        "kiwi": kiwi,
        "extraction": extraction,
        "pipeline": pipeline,
        # Each run over the Kiwi run just before it, median over runs (see Alone); the
        # best runs' ratios are there too.
        "ratios": {
            "pipeline_over_kiwi": pipeline.pop("paired_over_kiwi"),
            "extraction_over_kiwi": _paired_ratio(extraction_runs),
            "best_pipeline_over_best_kiwi": pipeline["articles_per_s"] / kiwi["articles_per_s"],
            "best_extraction_over_best_kiwi": extraction["articles_per_s"] / kiwi["articles_per_s"],
        },
    }


def format_table(result: dict[str, Any]) -> str:
    c, k, e, p, r = result["corpus"], result["kiwi"], result["extraction"], result["pipeline"], result["ratios"]
    lat, m = p["latency"], result["machine"]
    w = p["workers"]

    def row(name: str, cores: int, fig: dict[str, Any], ratio: float) -> str:
        return (f"{name:<34} {cores:>5} {fig['articles_per_s']:>11.1f} {fig['chars_per_s']:>11,.0f} "
                f"{ratio:>8.2f} {fig['cpu_ms_per_article']:>9.1f} {_fmt(fig['others_busy_cores'], '.2f'):>7}")

    def secs(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.3f} s"

    rss = ", ".join(_fmt(r, ".0f") for r in p["peak_rss_mb"])
    cpu = ", ".join(f"{name} {v:.1f}" + (f" (own {p['cpu_own_s'][name]:.1f})" if name in p["cpu_own_s"] else "")
                    for name, v in p["cpu_s"].items())
    lines = [
        f"streams bench: {c['articles']} articles (mean {c['mean_chars']:,.0f} chars) from {c['source']}",
        f"{m['cores']} cores, load average {m['loadavg_start'][0]:.2f} at start, {m['loadavg_end'][0]:.2f} at end",
        "",
        f"{'stage':<34} {'cores':>5} {'articles/s':>11} {'chars/s':>11} {'vs Kiwi':>8} {'CPU ms/a':>9} {'others':>7}",
        row("Kiwi alone (batched tokenize)", k["cores"], k, 1.0),
        row("extraction alone (no broker)", e["cores"], e, result["ratios"]["extraction_over_kiwi"]),
        row(f"pipeline ({w} worker{'s' if w > 1 else ''}, {p['partitions']} partitions)", w, p,
            result["ratios"]["pipeline_over_kiwi"]),
        "  best run of: " + ", ".join(f"{name} {'/'.join(f'{r:.1f}' for r in x['runs_articles_per_s'])}"
                                    for name, x in (("Kiwi", k), ("extraction", e), ("pipeline", p))) + " articles/s",
        "  vs Kiwi: each run over the Kiwi run just before it, median over runs (best over best: extraction "
        f"{r['best_extraction_over_best_kiwi']:.2f}, pipeline {r['best_pipeline_over_best_kiwi']:.2f})",
        "  CPU ms/a: CPU time per article (pipeline: workers + broker); others: cores other processes kept busy",
        "",
        f"pipeline: {p['seconds']:.1f} s first publish to last record; extraction busy {p['extraction_busy']:.0%}, "
        f"mean batch {_fmt(p['mean_batch'], '.1f')}; CPU s: {cpu}",
        f"end-to-end latency at {lat['rate']:g} articles/s ({lat['received']}/{lat['articles']} received, "
        f"mean {lat['mean_chars']:,.0f} chars): p50 {secs(lat['p50_s'])}  p95 {secs(lat['p95_s'])}  "
        f"p99 {secs(lat['p99_s'])}  max {secs(lat['max_s'])}",
        f"peak RSS per worker (VmHWM, worker + its analyser process): {rss} MB",
    ]
    return "\n".join(lines)


def _fmt(value: float | None, spec: str) -> str:
    return "n/a" if value is None else format(value, spec)
