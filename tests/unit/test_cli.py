import json

import pytest

from streams.cli import build_parser, main


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for command in ("broker", "worker", "publish", "tail", "extract", "eval", "demo"):
        assert command in out


@pytest.mark.parametrize("argv", [[], ["tail"], ["publish"], ["tail", "x", "--max", "0"], ["nope"]])
def test_bad_arguments_exit_with_usage_error(argv):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2


def test_tail_options_parse():
    args = build_parser().parse_args(["tail", "agreements", "--from-beginning", "--max", "3", "--timeout", "1.5"])
    assert (args.topic, args.from_beginning, args.max, args.timeout) == ("agreements", True, 3, 1.5)


def test_missing_input_path_is_a_usage_error(capsys, tmp_path):
    assert main(["extract", str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_invalid_setting_is_reported_and_exits_2(capsys, monkeypatch):
    monkeypatch.setenv("STREAMS_PARTITIONS", "many")
    assert main(["publish", "x.jsonl"]) == 2
    assert "STREAMS_PARTITIONS" in capsys.readouterr().err


def test_broker_refuses_to_start_when_streams_broker_points_elsewhere(capsys, monkeypatch):
    monkeypatch.setenv("STREAMS_BROKER", "kafka.internal:9092")
    assert main(["broker"]) == 2
    assert "STREAMS_BROKER is set" in capsys.readouterr().err


def test_extract_prints_one_json_line_per_article_and_reports_invalid_ones(capsys, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "c-1", "body": "한빛시와 난징시는 12일 우호도시 협약을 체결했다.", "published_at": "2025-09-13"}, ensure_ascii=False)
        + "\n" + json.dumps({"id": "c-2"}) + "\n",
        encoding="utf-8",
    )
    assert main(["extract", str(path)]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line["article_id"] for line in lines] == ["c-1"]
    assert set(lines[0]) == {"article_id", "agreements", "entities"}
    assert "c-2" not in captured.out and "missing_field" in captured.err
