"""What the worker's consumer commits: never past a record at the head not yet processed.

These run the real consumer class (streams.app._Consumer) on its acknowledgement
bookkeeping; no broker is needed for it. The loss they guard against is reproduced end
to end by tests/integration/test_reliability.py (kill -9 tests).
"""

from __future__ import annotations

import pytest
from faust.types import TP

from streams.app import create_app
from streams.settings import Settings

TOPIC = TP("articles", 0)


@pytest.fixture
def consumer():
    return create_app(Settings.from_env()).consumer


def handed_out_from(consumer, offset: int) -> None:
    """The partition was sought, and the first record fetched from there was ``offset``."""
    consumer.sought(TOPIC)
    consumer._sought_from[TOPIC] = (consumer._seeks[TOPIC], offset)


def test_a_partition_never_committed_commits_nothing_while_its_first_record_is_unprocessed(consumer):
    handed_out_from(consumer, 3)  # sought to where its log starts; 3 and 4 not yet acked
    consumer._acked[TOPIC] = [5, 6, 7]
    assert consumer._new_offset(TOPIC) is None


def test_a_partition_never_committed_commits_nothing_before_a_record_is_fetched_from_its_start(consumer):
    consumer.sought(TOPIC)  # records processed before the seek were acked; 0.. not fetched again yet
    consumer._acked[TOPIC] = [5, 6, 7]
    assert consumer._new_offset(TOPIC) is None


def test_a_partition_never_committed_commits_the_run_from_its_first_record(consumer):
    handed_out_from(consumer, 5)
    consumer._acked[TOPIC] = [5, 6, 7, 9]
    assert consumer._new_offset(TOPIC) == 8


def test_one_unprocessed_record_after_the_last_commit_holds_the_commit_back(consumer):
    # Faust alone lets a head gap of exactly one record through.
    consumer._committed_offset[TOPIC] = 4
    consumer._acked[TOPIC] = [5, 6]
    assert consumer._new_offset(TOPIC) is None


def test_a_run_that_starts_at_the_committed_offset_is_committed(consumer):
    consumer._committed_offset[TOPIC] = 4
    consumer._acked[TOPIC] = [4, 5, 6]
    assert consumer._new_offset(TOPIC) == 7


def test_a_head_offset_that_holds_no_record_does_not_hold_the_commit_back(consumer):
    # A Kafka transaction marker takes an offset and is never delivered: the first record
    # fetched from the committed offset 4 is 5.
    consumer._committed_offset[TOPIC] = 4
    handed_out_from(consumer, 5)
    consumer._acked[TOPIC] = [5, 6]
    assert consumer._new_offset(TOPIC) == 7


def test_where_an_earlier_seek_started_does_not_count_after_a_new_seek(consumer):
    consumer._committed_offset[TOPIC] = 4
    handed_out_from(consumer, 5)
    consumer.sought(TOPIC)  # sought again; nothing fetched from there yet
    consumer._acked[TOPIC] = [5, 6]
    assert consumer._new_offset(TOPIC) is None


def test_a_jump_on_a_topic_that_is_not_compacted_is_logged_and_counted(consumer, caplog):
    import asyncio

    from streams.runtime import metrics

    before = metrics.offsets_skipped._value.get()
    # 457 was delivered, then 459: 458 never was (a broker that skipped it)
    asyncio.run(consumer._add_gap(TOPIC, 458, 459))
    assert metrics.offsets_skipped._value.get() - before == 1
    assert "offsets 458..458 of articles[0] were never delivered" in caplog.text
