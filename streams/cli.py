"""``streams``: the command line.

    streams broker            run the embedded Kafka-protocol broker
    streams worker            run a Faust worker
    streams publish PATH...   send articles (JSON/JSONL files or folders) to the articles topic
    streams tail TOPIC        print a topic's messages as JSON lines
    streams extract PATH...   offline extraction, no broker
    streams eval GOLD.jsonl   score extraction against a gold file
    streams demo              broker + worker + sample articles, end to end
    streams bench             pipeline throughput, latency and memory next to Kiwi alone
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import time
from typing import Sequence

import orjson

from . import __version__
from .errors import ConfigError, RejectedArticle, StreamsError
from .settings import Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="streams",
        description="Entities and signed agreements from Korean economic-cooperation news, on Kafka.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("broker", help="run the embedded Kafka-protocol broker (Tansu) and create the topics")
    p.add_argument("--port", type=_positive_int, help="port on 127.0.0.1 (default: STREAMS_EMBEDDED_PORT, 9092)")

    sub.add_parser("worker", help="run a Faust worker (configured by STREAMS_* environment variables)")

    p = sub.add_parser("publish", help="send articles from JSON/JSONL files or folders to the articles topic")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--raw", action="store_true",
                   help="send records as they are, without local validation (invalid ones go to the dead-letter topic)")

    p = sub.add_parser("tail", help="print a topic's messages as JSON lines")
    p.add_argument("topic")
    p.add_argument("--from-beginning", action="store_true", help="start at the oldest message, not the newest")
    p.add_argument("--max", type=_positive_int, help="stop after this many messages")
    p.add_argument("--timeout", type=float, default=None, help="stop after this many seconds without a message")
    p.add_argument("--meta", action="store_true", help="wrap each value with its topic, partition, offset and key")

    p = sub.add_parser("extract", help="offline extraction of articles in JSON/JSONL files (no broker)")
    p.add_argument("paths", nargs="+", metavar="PATH")

    p = sub.add_parser("eval", help="score extraction against a gold file (../shared/gold/FORMAT.md)")
    from . import evaluation

    evaluation.add_arguments(p)

    p = sub.add_parser("demo", help="run broker, worker and the bundled sample articles end to end")
    p.add_argument("--keep-running", action="store_true", help="leave broker and worker running until Ctrl-C")
    p.add_argument("--timeout", type=float, default=120.0, help="give up waiting for results after this many seconds")

    p = sub.add_parser("bench", help="measure pipeline throughput, latency and memory next to Kiwi alone")
    p.add_argument("--articles", type=_positive_int, default=400, help="corpus size for throughput (default 400)")
    p.add_argument("--input", metavar="FILE", help="JSONL of articles to repeat (default: the bundled samples)")
    p.add_argument("--workers", type=_positive_int, default=1, help="worker processes, one core each (default 1)")
    p.add_argument("--rate", type=float, default=20.0, help="offered load in articles/s for latency (default 20)")
    p.add_argument("--latency-articles", type=_positive_int, default=200,
                   help="articles sent at --rate for latency (default 200)")
    p.add_argument("--chars", type=int, default=2000, metavar="N",
                   help="lengthen shorter articles to about N characters with the next ones' text (default 2000; 0: as they are)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        logging.getLogger("kafka").setLevel(logging.WARNING)  # kafka-python is chatty at INFO
        return COMMANDS[args.command](args, settings)
    except ConfigError as exc:
        print(f"streams: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FileNotFoundError as exc:
        print(f"streams: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StreamsError as exc:
        print(f"streams: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


def cmd_broker(args: argparse.Namespace, settings: Settings) -> int:
    from .broker import EmbeddedBroker, create_topics

    if settings.broker_is_external:
        print(f"streams: STREAMS_BROKER is set ({settings.broker_url}); not starting the embedded broker", file=sys.stderr)
        return EXIT_USAGE
    port = args.port or settings.embedded_port
    broker = EmbeddedBroker(port).start()
    stop = False

    def on_signal(signum: int, frame: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        created = create_topics(_with_port(settings, port))
        print(f"embedded broker on {broker.bootstrap}; topics created: {', '.join(created) or 'none (already there)'}", flush=True)
        print("data is kept in memory only; Ctrl-C stops the broker", flush=True)
        while not stop and broker.running():
            time.sleep(0.2)
    finally:
        broker.stop()
    return EXIT_OK if stop else EXIT_FAILED


def _with_port(settings: Settings, port: int) -> Settings:
    from dataclasses import replace

    return replace(settings, broker_url=f"kafka://127.0.0.1:{port}", embedded_port=port)


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from .worker import run_worker

    run_worker(settings)
    return EXIT_OK


def cmd_publish(args: argparse.Namespace, settings: Settings) -> int:
    from .io import Progress, article_files, producer, read_records
    from .records import decode_article

    started = time.monotonic()
    records: list[tuple[str, bytes]] = []
    failed = 0
    for path in article_files(args.paths):
        try:
            records.extend(read_records(path))
        except (orjson.JSONDecodeError, UnicodeDecodeError) as exc:
            print(f"{path}: not a JSON file: {exc}", file=sys.stderr)
            failed += 1
    kafka = producer(settings)
    progress = Progress(len(records), "publishing")
    pending = []
    for where, raw in records:
        key = None
        try:
            key = decode_article(raw, None, max_bytes=settings.max_body_bytes).id.encode("utf-8")
        except RejectedArticle as exc:
            if not args.raw:
                print(f"{where}: not sent: {exc}", file=sys.stderr)
                failed += 1
                progress.step()
                continue
        pending.append((where, kafka.send(settings.topics.articles, key=key, value=raw)))
        progress.step()
    kafka.flush()
    sent = 0
    for where, future in pending:
        try:
            future.get(timeout=30)
            sent += 1
        except Exception as exc:  # kafka-python raises KafkaError subclasses
            print(f"{where}: send failed: {exc}", file=sys.stderr)
            failed += 1
    kafka.close()
    print(f"sent {sent}, failed {failed} to {settings.topics.articles} in {time.monotonic() - started:.1f}s")
    return EXIT_OK if failed == 0 else EXIT_FAILED


def cmd_tail(args: argparse.Namespace, settings: Settings) -> int:
    from .io import consumer

    timeout_ms = int(args.timeout * 1000) if args.timeout else float("inf")
    c = consumer(settings, [args.topic], from_beginning=args.from_beginning, timeout_ms=timeout_ms)
    count = 0
    try:
        for message in c:
            value = _as_json(message.value)
            if args.meta:
                key = None if message.key is None else message.key.decode("utf-8", "replace")
                value = {"topic": message.topic, "partition": message.partition, "offset": message.offset,
                         "key": key, "value": value}
            sys.stdout.buffer.write(orjson.dumps(value) + b"\n")
            sys.stdout.flush()
            count += 1
            if args.max and count >= args.max:
                break
    finally:
        c.close()
    return EXIT_OK


def _as_json(raw: bytes | None) -> object:
    if raw is None:
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return raw.decode("utf-8", "replace")


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from .extraction import Extractor
    from .io import article_files, read_records
    from .records import agreement_records, entity_dict, now_iso, decode_article

    extractor = Extractor(num_workers=settings.kiwi_workers)
    failed = 0
    for path in article_files(args.paths):
        for where, raw in read_records(path):
            try:
                article = decode_article(raw, None, max_bytes=settings.max_body_bytes)
            except RejectedArticle as exc:
                print(f"{where}: skipped: {exc}", file=sys.stderr)
                failed += 1
                continue
            result = extractor.extract(article.for_extraction())
            line = {
                "article_id": article.id,
                "agreements": agreement_records(article, result, now_iso()),
                "entities": [entity_dict(e) for e in result.entities],
            }
            sys.stdout.buffer.write(orjson.dumps(line) + b"\n")
    sys.stdout.flush()
    return EXIT_OK if failed == 0 else EXIT_FAILED


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from . import evaluation

    return evaluation.command(args)


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from .demo import run_demo

    return run_demo(settings, keep_running=args.keep_running, timeout=args.timeout)


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    from .bench import format_table, run_bench

    if args.rate <= 0:
        print("streams: --rate must be > 0", file=sys.stderr)
        return EXIT_USAGE
    result = run_bench(settings, articles=args.articles, input_path=args.input, workers=args.workers,
                       rate=args.rate, latency_articles=args.latency_articles, min_chars=max(0, args.chars))
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(result, option=orjson.OPT_INDENT_2) + b"\n")
    else:
        print(format_table(result))
    return EXIT_OK


COMMANDS = {
    "broker": cmd_broker,
    "worker": cmd_worker,
    "publish": cmd_publish,
    "tail": cmd_tail,
    "extract": cmd_extract,
    "eval": cmd_eval,
    "demo": cmd_demo,
    "bench": cmd_bench,
}
