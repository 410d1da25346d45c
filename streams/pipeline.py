"""What a worker does with a batch of messages, without Faust.

The agents in ``agents.py`` only move bytes between Kafka and these methods:
``decode`` runs on the event loop (cheap). Extraction runs in two stages: ``analyse``
in the worker's analyser process (``analyzer_process.py``: Kiwi is CPU-bound and
holds the GIL) and ``apply_rules`` on the worker's rules thread, so the child can
analyse the next batch meanwhile. ``outputs`` turns the results into records on the
event loop.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .analyzer_process import AnalyzerProcess
from .errors import RejectedArticle
from .extraction import Analysis, Extraction, RuleExtractor
from .extraction.text import clean
from .metrics import Metrics
from .records import (
    ArticleIn,
    agreement_records,
    deadletter_record,
    decode_article,
    dumps,
    entities_record,
    extraction_failure,
    now_iso,
    parse_iso,
)
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Message:
    """A raw input message and where it came from (kept for dead letters)."""

    key: bytes | None
    value: bytes | None
    topic: str
    partition: int | None
    offset: int | None
    timestamp: float | None = None  # Kafka timestamp, seconds


@dataclass(frozen=True, slots=True)
class Out:
    topic: str
    key: bytes | None
    value: bytes


def content_hash(article: ArticleIn) -> str:
    """Hash of the article's cleaned text: the same story under another id meets it."""
    text = clean(article.body)
    normalised = "".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


def crawl_latency(article: ArticleIn, now: float) -> float | None:
    if not article.crawled_at:
        return None
    crawled = parse_iso(article.crawled_at)
    if not isinstance(crawled, datetime):
        return None
    if crawled.tzinfo is None:
        crawled = crawled.replace(tzinfo=timezone.utc)
    return max(0.0, now - crawled.timestamp())


class Pipeline:
    def __init__(self, settings: Settings, metrics: Metrics) -> None:
        self.settings = settings
        self.metrics = metrics
        self._analyzer: AnalyzerProcess | None = None
        self._rules: RuleExtractor | None = None
        # One thread: batches go through the rules one at a time, in order.
        self._rules_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rules")
        self._loading = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._analyzer is not None

    # -- setup -----------------------------------------------------------------
    def load(self) -> None:
        """Start the analyser process, load Kiwi in it (a few seconds) and the rules here;
        call off the event loop. Safe to call from several threads: one loads, the others wait."""
        with self._loading:
            if self._analyzer is not None:
                return
            started = time.perf_counter()
            analyzer = AnalyzerProcess(num_workers=self.settings.kiwi_workers)
            rules = RuleExtractor()
            rules.extract_many([_WARMUP], analyzer.analyse([_WARMUP]))
            self.metrics.kiwi_load_duration.set(time.perf_counter() - started)
            self._rules = rules
            self._analyzer = analyzer
        log.info("extractor loaded in %.1fs", time.perf_counter() - started)

    def check_analyser(self) -> None:
        """Raise if the analyser process died (the worker must restart to get a new one)."""
        if self._analyzer is not None and self._analyzer.broken:
            raise BrokenProcessPool(f"the analyser process died: {self._analyzer.broken}")

    # -- stage 1: decode and validate --------------------------------------------
    def decode(self, message: Message) -> ArticleIn | Out:
        """A valid article, or the dead-letter record that replaces it."""
        try:
            return decode_article(message.value, message.key, max_bytes=self.settings.max_body_bytes)
        except RejectedArticle as exc:
            return self.dead_letter(message, exc)

    def dead_letter(self, message: Message, error: RejectedArticle) -> Out:
        self.metrics.deadletters.labels(reason=error.reason.value, stage=error.stage.value).inc()
        log.warning(
            "dead-lettered %s[%s]@%s: %s", message.topic, message.partition, message.offset, error
        )
        record = deadletter_record(
            message.value,
            message.key,
            error,
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            failed_at=now_iso(),
        )
        return Out(self.settings.topics.deadletter, message.key, dumps(record))

    # -- stage 2: extract ----------------------------------------------------------
    def analyse(self, batch: list[tuple[Message, ArticleIn]]) -> "Future[tuple[list[Analysis], float]]":
        """Start analysing a batch of valid articles in the analyser process; the future
        gives the analyses and the seconds the child spent on them."""
        if self._analyzer is None:
            raise RuntimeError("Pipeline.load() has not run")
        return self._analyzer.submit([article.for_extraction() for _, article in batch])

    def apply_rules(self, batch: list[tuple[Message, ArticleIn]],
                    analyses: list[Analysis]) -> "Future[list[Extraction | Exception]]":
        """Start the rules on an analysed batch, on the rules thread (pure Python: it
        shares the GIL with the event loop in 5 ms slices). A rule raising on one article
        fails only that article: its slot holds the exception."""
        if self._rules is None:
            raise RuntimeError("Pipeline.load() has not run")
        articles = [article.for_extraction() for _, article in batch]
        return self._rules_thread.submit(self._rules.extract_many, articles, analyses, return_exceptions=True)

    def outputs(self, batch: list[tuple[Message, ArticleIn]], results: list[Extraction | Exception],
                duration_s: float) -> list[Out]:
        """Output records for a batch and what ``apply_rules`` gave for it; ``duration_s``
        is the batch's extraction time (analysis plus rules, without time spent queued)."""
        self.metrics.extraction_duration.observe(duration_s)
        self.metrics.batch_size.observe(len(batch))
        extracted_at = now_iso()
        outs: list[Out] = []
        for (message, article), result in zip(batch, results):
            if not isinstance(result, Extraction):
                log.error("extraction failed on %s", article.id, exc_info=result)
                outs.append(self.dead_letter(message, extraction_failure(result)))
                continue
            outs.extend(self._outputs(article, result, extracted_at))
        return outs

    def _outputs(self, article: ArticleIn, extraction: Extraction, extracted_at: str) -> list[Out]:
        topics = self.settings.topics
        key = article.id.encode("utf-8")
        outs = [Out(topics.entities, key, dumps(entities_record(article, extraction, extracted_at)))]
        for entity in extraction.entities:
            self.metrics.entities_emitted.labels(type=entity.type).inc()
        for record in agreement_records(article, extraction, extracted_at):
            outs.append(Out(topics.agreements, record["agreement_id"].encode("ascii"), dumps(record)))
            self.metrics.agreements_emitted.labels(kind=record["kind"], status=record["status"]).inc()
        self.metrics.articles_processed.inc()
        return outs

    def sent(self, batch: list[tuple[Message, ArticleIn]]) -> None:
        """Record latency once a batch's outputs are handed to the producer."""
        now = time.time()
        for message, article in batch:
            latency = crawl_latency(article, now)
            if latency is not None:
                self.metrics.end_to_end_latency.observe(latency)
            self.metrics.mark_processed(message.timestamp)


_WARMUP = ArticleIn(id="warmup", body="서울시와 부산시는 1일 업무협약을 체결했다.").for_extraction()
