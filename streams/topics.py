"""The product's external topics, declared with explicit partition counts.

Each role declares its own internal topics and tables next to its agents
(``agents.py``: extract, ``index_agents.py``: index).
"""

from __future__ import annotations

from .app import app, settings

# Bytes in, bytes out: the agents decode and encode JSON themselves (records.py).
RAW = {"key_type": bytes, "value_type": bytes, "key_serializer": "raw", "value_serializer": "raw"}

articles = app.topic(settings.topics.articles, partitions=settings.partitions, **RAW)
entities = app.topic(settings.topics.entities, partitions=settings.partitions, **RAW)
agreements = app.topic(
    settings.topics.agreements, partitions=settings.partitions, compacting=True, **RAW
)
deadletter = app.topic(settings.topics.deadletter, partitions=settings.partitions, **RAW)
merged = app.topic(settings.topics.merged, partitions=settings.partitions, compacting=True, **RAW)
