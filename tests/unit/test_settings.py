import pytest

from streams.errors import ConfigError
from streams.settings import Settings, normalize_broker_url


def test_defaults_use_the_embedded_broker():
    s = Settings.from_env({})
    assert s.broker_url == "kafka://127.0.0.1:9092"
    assert not s.broker_is_external
    assert s.topics.articles == "articles" and s.topics.deadletter == "articles.deadletter"
    assert s.partitions == 4 and s.max_body_bytes == 1024 * 1024


def test_streams_broker_points_every_command_at_a_real_kafka():
    s = Settings.from_env({"STREAMS_BROKER": "kafka-1:9092;kafka-2:9092"})
    assert s.broker_is_external
    assert s.broker_bootstrap == ["kafka-1:9092", "kafka-2:9092"]


def test_embedded_port_changes_the_default_broker_url():
    assert Settings.from_env({"STREAMS_EMBEDDED_PORT": "19092"}).broker_url == "kafka://127.0.0.1:19092"


@pytest.mark.parametrize(
    "env, message",
    [
        ({"STREAMS_PARTITIONS": "zero"}, "STREAMS_PARTITIONS must be an integer"),
        ({"STREAMS_PARTITIONS": "0"}, "STREAMS_PARTITIONS must be >= 1"),
        ({"STREAMS_BATCH_TIMEOUT": "soon"}, "STREAMS_BATCH_TIMEOUT must be a number"),
        ({"STREAMS_STORE": "redis://"}, "STREAMS_STORE must be memory:// or rocksdb://"),
        ({"STREAMS_BROKER": "http://kafka:9092"}, "must use kafka://"),
        ({"STREAMS_BROKER": "kafka"}, "must be host:port"),
        ({"STREAMS_LOG_LEVEL": "loud"}, "STREAMS_LOG_LEVEL"),
        ({"STREAMS_ROLE": "both"}, "STREAMS_ROLE must be one of all, extract, index"),
    ],
)
def test_invalid_environment_raises_config_error_naming_the_variable(env, message):
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env)


def test_settings_are_frozen():
    s = Settings.from_env({})
    with pytest.raises(AttributeError):
        s.partitions = 8  # type: ignore[misc]


def test_topic_names_come_from_the_environment():
    s = Settings.from_env({"STREAMS_TOPIC_ARTICLES": "raw.articles", "STREAMS_TOPIC_AGREEMENTS": "agr"})
    assert s.topics.articles == "raw.articles"
    assert s.topics.agreements == "agr"
    assert "raw.articles" in s.topics.all()


@pytest.mark.parametrize("raw, url", [("h:1", "kafka://h:1"), ("kafka://h:1", "kafka://h:1"), (" h:1 ", "kafka://h:1")])
def test_normalize_broker_url(raw, url):
    assert normalize_broker_url(raw) == url


def test_advertised_web_address_for_query_routing():
    from streams.app import advertised_url

    assert advertised_url(Settings.from_env({"STREAMS_WEB_PORT": "7001"})) == "http://127.0.0.1:7001"
    pod = Settings.from_env({"STREAMS_WEB_HOST": "0.0.0.0", "STREAMS_WEB_ADVERTISED_HOST": "10.1.2.3"})
    assert advertised_url(pod) == "http://10.1.2.3:6066"
    # binding every interface advertises this host's own address, never 0.0.0.0
    assert "0.0.0.0" not in advertised_url(Settings.from_env({"STREAMS_WEB_HOST": "0.0.0.0"}))


@pytest.mark.parametrize(
    "role, extract, index, group",
    [("all", True, True, "app"), ("extract", True, False, "app"), ("INDEX", False, True, "app-index")],
)
def test_roles_choose_the_agents_and_give_the_index_its_own_group(role, extract, index, group):
    s = Settings.from_env({"STREAMS_ROLE": role, "STREAMS_APP_ID": "app"})
    assert (s.runs_extract, s.runs_index, s.group_id) == (extract, index, group)


def test_one_worker_runs_everything_by_default():
    s = Settings.from_env({})
    assert s.role == "all" and s.group_id == s.app_id


def test_only_topics_declared_compacted_may_have_offset_gaps():
    # streams.app logs an error when Faust skips offsets of any other topic.
    from streams import topics
    from streams.app import is_compacted

    declared = [topics.articles, topics.entities, topics.agreements, topics.merged]
    assert is_compacted(declared, topics.agreements.get_topic_name())
    assert is_compacted(declared, topics.merged.get_topic_name())
    assert not is_compacted(declared, topics.articles.get_topic_name())
    assert not is_compacted(declared, topics.entities.get_topic_name())
    assert not is_compacted([], topics.agreements.get_topic_name())
