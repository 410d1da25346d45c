"""HTTP endpoints served by every worker on STREAMS_WEB_PORT: metrics and health."""

from __future__ import annotations

from typing import Any

from aiohttp.web import Response
from faust import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from .app import app, settings
from .runtime import metrics, pipeline


@app.page("/metrics")
async def metrics_view(self: web.View, request: web.Request) -> Any:
    return Response(body=generate_latest(metrics.registry), headers={"Content-Type": CONTENT_TYPE_LATEST})


@app.page("/health")
async def health_view(self: web.View, request: web.Request) -> Any:
    """200 once the app is running (and, on extract workers, the extractor is loaded); 503 before."""
    ready = (pipeline.ready or not settings.runs_extract) and not app.should_stop
    body = {"status": "ok" if ready else "starting", "role": settings.role, "extractor_loaded": pipeline.ready}
    return self.json(body, status=200 if ready else 503)
