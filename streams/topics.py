"""The product's external topics, declared with explicit partition counts.

Each role declares its own internal topics and tables next to its agents
(``agents.py``: extract, ``index_agents.py``: index).
"""

from __future__ import annotations

from .app import app, settings

_raw = {"key_type": bytes, "value_type": bytes, "key_serializer": "raw", "value_serializer": "raw"}

articles = app.topic(settings.topics.articles, partitions=settings.partitions, **_raw)
entities = app.topic(settings.topics.entities, partitions=settings.partitions, **_raw)
agreements = app.topic(
    settings.topics.agreements, partitions=settings.partitions, compacting=True, **_raw
)
deadletter = app.topic(settings.topics.deadletter, partitions=settings.partitions, **_raw)
merged = app.topic(settings.topics.merged, partitions=settings.partitions, compacting=True, **_raw)
