"""The query API, served by index workers (role all or index) on STREAMS_WEB_PORT
(schemas/query-api.openapi.json).

Any index worker answers any request:

* lookups by key (``/agreements/{id}``, ``/parties/{name}``) go through Faust's
  table routing to the worker that owns the key's partition;
* listings (``/agreements``, ``/entities/top``) ask every worker that owns a part
  of the table for its matches (``scope=local``) and merge them.

Parameter rules, filters and rankings are in ``queries.py``.
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable

from faust import web
from faust.exceptions import SameNode
from faust.web.exceptions import ServiceUnavailable
from yarl import URL

from .app import app, settings
from .identity import name_key
from .index import split_mention_key, window_day
from .index_agents import agreement_index, entity_activity, local_items, party_index
from .queries import AgreementQuery, BadParameter, TopQuery, newest_first, party_view, top_entities
from .runtime import metrics

PEER_TIMEOUT_S = 5.0
AGREEMENT_ID_LENGTH = len("agr-") + 24


def _reply(view: web.View, endpoint: str, body: Any, status: int = 200) -> web.Response:
    metrics.api_requests.labels(endpoint=endpoint, status=str(status)).inc()
    return view.json(body, status=status)


def _error(view: web.View, endpoint: str, status: int, error: str, message: str, **extra: Any) -> web.Response:
    return _reply(view, endpoint, {"error": error, "message": message, **extra}, status)


def _bad(view: web.View, endpoint: str, exc: BadParameter) -> web.Response:
    return _error(view, endpoint, 400, "bad_parameter", str(exc), parameter=exc.name)


def _unavailable(view: web.View, endpoint: str, why: str) -> web.Response:
    return _error(view, endpoint, 503, "unavailable", f"{why}; retry shortly")


async def _lookup(view: web.View, request: web.Request, endpoint: str, table: Any, key: str,
                  missing: str, render: Callable[[Any], Any]) -> web.Response:
    """``render(table[key])``, answered by the worker that owns ``key`` (Faust table routing)."""
    raw = key.encode("utf-8")  # the tables' keys are the raw bytes their topics are keyed by
    try:
        return await app.router.route_req(table.name, raw, view.web, request)
    except SameNode:
        pass
    except ServiceUnavailable:
        return _unavailable(view, endpoint, "partitions are being assigned")
    value = table.get(raw)
    if not value:
        return _error(view, endpoint, 404, "not_found", missing)
    return _reply(view, endpoint, render(value))


def _same_worker(url: URL) -> bool:
    me = URL(str(app.conf.canonical_url))
    return (url.host, url.port) == (me.host, me.port)


async def _gather(request: web.Request, table: Any, local: Callable[[], list[Any]]) -> list[Any]:
    """This worker's part plus every other owner's (asked with ``scope=local``)."""
    if request.query.get("scope") == "local":
        return local()
    owners = [URL(url) for url, parts in app.router.table_metadata(table.name).items() if any(parts.values())]
    if not owners:
        raise ServiceUnavailable("the table has no assigned partitions yet")
    params = dict(request.query, scope="local")

    async def ask(url: URL) -> list[Any]:
        async with app.http_client.get(url.with_path(request.path).with_query(params),
                                       timeout=PEER_TIMEOUT_S) as response:
            if response.status != 200:
                raise ServiceUnavailable(f"worker {url} answered {response.status}")
            return (await response.json())["items"]

    parts = await asyncio.gather(*(ask(url) for url in owners if not _same_worker(url)))
    return local() + [item for part in parts for item in part]


async def _listing(view: web.View, request: web.Request, endpoint: str, table: Any,
                   local: Callable[[], list[Any]], answer: Callable[[list[Any]], Any]) -> web.Response:
    try:
        items = await _gather(request, table, local)
    except (ServiceUnavailable, OSError, asyncio.TimeoutError) as exc:
        return _unavailable(view, endpoint, f"could not ask every worker: {exc}")
    if request.query.get("scope") == "local":
        return _reply(view, endpoint, {"items": items})
    return _reply(view, endpoint, answer(items))


@app.page("/agreements/{agreement_id}")
async def agreement_page(self: web.View, request: web.Request, agreement_id: str) -> web.Response:
    endpoint = "/agreements/{id}"
    if not agreement_id.startswith("agr-") or len(agreement_id) != AGREEMENT_ID_LENGTH:
        return _error(self, endpoint, 400, "bad_parameter", f"not an agreement id: {agreement_id!r}", parameter="id")
    return await _lookup(self, request, endpoint, agreement_index, agreement_id,
                         f"no agreement {agreement_id}", lambda entry: entry["agreement"])


@app.page("/agreements")
async def agreements_page(self: web.View, request: web.Request) -> web.Response:
    endpoint = "/agreements"
    try:
        query = AgreementQuery.parse(request.query)
    except BadParameter as exc:
        return _bad(self, endpoint, exc)

    def local() -> list[Any]:
        found = (v["agreement"] for _, v in local_items(agreement_index) if query.matches(v["agreement"]))
        return newest_first(found, query.limit)

    def answer(items: list[Any]) -> Any:
        agreements = newest_first(items, query.limit)
        return {"count": len(agreements), "limit": query.limit, "agreements": agreements}

    return await _listing(self, request, endpoint, agreement_index, local, answer)


@app.page("/parties/{name}")
async def party_page(self: web.View, request: web.Request, name: str) -> web.Response:
    endpoint = "/parties/{name}"
    key = name_key(name)
    if not key:
        return _error(self, endpoint, 400, "bad_parameter", "party name is blank", parameter="name")
    return await _lookup(self, request, endpoint, party_index, key,
                         f"no agreements known for party {name!r}", lambda records: party_view(records, key))


@app.page("/entities/top")
async def top_entities_page(self: web.View, request: web.Request) -> web.Response:
    endpoint = "/entities/top"
    try:
        query = TopQuery.parse(request.query, max_days=settings.entity_window_days)
    except BadParameter as exc:
        return _bad(self, endpoint, exc)

    def local() -> list[Any]:
        rows = []
        for (key, window), mentions in local_items(entity_activity.table):
            type_, name = split_mention_key(key)
            if query.type is None or type_ == query.type:
                rows.append({"type": type_, "name": name, "day": window_day(window[0]), "mentions": mentions})
        return rows

    return await _listing(self, request, endpoint, entity_activity.table, local,
                          lambda rows: top_entities(rows, query))

