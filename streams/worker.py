"""``streams worker``: one Faust worker process."""

from __future__ import annotations

import logging
import os
import threading
import time

from .broker import create_topics, wait_for_broker
from .settings import Settings

log = logging.getLogger(__name__)

# A crashed worker stops like a stopping one, and Faust's stop first waits for every event
# in flight to be acknowledged; after a crash (the analyser process killed mid-batch) some
# never will be, and the worker hung there instead of exiting. It gets this long to stop,
# then exits anyway: nothing it did not send was committed, so the restarted worker
# processes those events again (at-least-once).
CRASH_EXIT_S = 20.0
EXIT_CRASHED = 70  # EX_SOFTWARE


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

    class Worker(faust.Worker):
        def on_worker_shutdown(self) -> None:
            if self.crash_reason is not None:
                log.error("the worker crashed (%r); stopping, for %.0f s at most", self.crash_reason, CRASH_EXIT_S)
                exit_after(CRASH_EXIT_S, "the worker crashed")

    Worker(app, loglevel=settings.log_level.upper(), redirect_stdouts=False).execute_from_commandline()


def exit_after(seconds: float, why: str) -> threading.Thread:
    """Exit the process with EXIT_CRASHED unless it has exited within ``seconds``."""
    def deadline() -> None:
        time.sleep(seconds)
        log.critical("%s and did not stop within %.0f s; exiting", why, seconds)
        logging.shutdown()
        os._exit(EXIT_CRASHED)

    thread = threading.Thread(target=deadline, name="crash-exit", daemon=True)
    thread.start()
    return thread
