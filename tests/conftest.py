"""Shared test configuration.

Integration tests start a real Tansu broker (extra ``embedded``) and real
``streams worker`` processes; they are part of ``make test`` and never skipped
silently: if the broker binary is missing they fail with the install hint.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "gold"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


class ApiContract:
    """Validates query API responses against schemas/query-api.openapi.json."""

    def __init__(self, schemas: Path) -> None:
        import json

        import jsonschema
        from referencing import Registry, Resource

        self.doc = json.loads((schemas / "query-api.openapi.json").read_text())
        registry = Registry()
        for path in schemas.glob("*.schema.json"):
            registry = registry.with_resource(path.name, Resource.from_contents(json.loads(path.read_text())))
        self._registry = registry.with_resource("api", Resource.from_contents(
            {"$schema": "https://json-schema.org/draft/2020-12/schema", **self.doc}))
        self._jsonschema = jsonschema

    def response_schema(self, path: str, status: int) -> dict:
        response = self.doc["paths"][path]["get"]["responses"][str(status)]
        return response["content"]["application/json"]["schema"]

    def validate(self, path: str, status: int, body: object) -> None:
        """``path`` as in the OpenAPI file (``/agreements/{id}``); raises on a mismatch."""
        ref = self.response_schema(path, status)["$ref"]
        target = ref if not ref.startswith("#") else f"api{ref}"
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": target}
        validator = self._jsonschema.Draft202012Validator(schema, registry=self._registry,
                                                          format_checker=self._jsonschema.FormatChecker())
        validator.validate(body)


@pytest.fixture(scope="session")
def api_contract() -> ApiContract:
    return ApiContract(REPO / "schemas")
