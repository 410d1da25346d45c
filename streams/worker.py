"""``streams worker``: one Faust worker process."""

from __future__ import annotations

import logging

from .broker import create_topics, wait_for_broker
from .settings import Settings

log = logging.getLogger(__name__)


def run_worker(settings: Settings) -> None:
    """Wait for Kafka (with backoff, up to STREAMS_BROKER_WAIT), make sure the topics
    exist, then run the worker until SIGTERM/SIGINT, which drains the current batch,
    commits and exits 0."""
    import faust

    wait_for_broker(settings.broker_bootstrap, settings.broker_wait_s)
    created = create_topics(settings)
    if created:
        log.info("created topics %s", ", ".join(created))
    # Importing a role's modules registers its agents, tables, timers and pages on the app.
    from . import web  # noqa: F401
    if settings.runs_extract:
        from . import agents  # noqa: F401
    if settings.runs_index:
        from . import api, index_agents  # noqa: F401
    log.info("worker role %s, group %s", settings.role, settings.group_id)
    from .app import app

    faust.Worker(app, loglevel=settings.log_level.upper(), redirect_stdouts=False).execute_from_commandline()
