"""The published contract: the OpenAPI 3.1 document the backend serves, with the event types.

The event stream's types and the JSON schema of each one's data are listed under `x-event-types`,
their schemas among the document's components. The repository keeps a copy (`openapi.json` beside
this file) that a test holds equal to the served one; after changing the API, rewrite it with

    python -m court_backend.openapi
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema

from court_backend import problems, schemas

DOCUMENT = Path(__file__).resolve().parent / "openapi.json"
MISSING_HEADER = {
    "idempotency-key": "Every command needs one: without it, 400 `idempotency-key-missing` (it is optional to"
    " this schema only so that its absence is answered by that 400, not by a validation error)",
    "if-match": "Needed to change a shared object: without it, 428 `precondition-required` (optional to this"
    " schema only so that its absence is answered by that 428)",
}
PROBLEM = {"$ref": "#/components/schemas/Problem"}
HEADERS = {
    "ETag": 'The object\'s version, as a strong entity tag: `"3"`; send it back as If-Match to change it',
    "Idempotent-Replayed": "`true` on the first answer to this Idempotency-Key given again (no new effect)",
    "Retry-After": "Seconds, or an HTTP date: wait at least that long before trying again",
    "WWW-Authenticate": "`Bearer`, with the error when a token was sent and refused",
}


def install(app: FastAPI) -> None:
    def document() -> dict:
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            models = [(model, "serialization") for model, _ in schemas.EVENT_TYPES.values()]
            _, definitions = models_json_schema(models, ref_template="#/components/schemas/{model}")
            components = spec.setdefault("components", {}).setdefault("schemas", {})
            for name, schema in definitions.get("$defs", {}).items():
                components.setdefault(name, schema)
            spec["x-event-types"] = {
                event_type: {"description": description, "data": {"$ref": f"#/components/schemas/{model.__name__}"}}
                for event_type, (model, description) in schemas.EVENT_TYPES.items()
            }
            spec["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
            spec["security"] = [{"bearer": []}]
            for operation in (op for item in spec["paths"].values() for op in item.values()):
                for parameter in operation.get("parameters", []):
                    missing = MISSING_HEADER.get(parameter["name"].lower()) if parameter["in"] == "header" else None
                    if missing is not None:
                        # Required by this API, which answers its absence itself (400, 428: the
                        # operation's responses list them), not by the framework's validation (422);
                        # so optional to the document's schema, and said so. Never null, never empty.
                        parameter["required"] = False
                        parameter["description"] = f"{parameter.get('description', '')}. {missing}".lstrip(". ")
                        schema = parameter["schema"]
                        schema.update(next(s for s in schema.pop("anyOf", [schema]) if s.get("type") == "string"))
                        schema.setdefault("minLength", 1)
            for path in ("/api/v1/health", "/api/v1/auth/token"):
                for operation in spec["paths"][path].values():
                    operation["security"] = []  # the only ways in without a token
            for path, item in spec["paths"].items():
                for method, operation in item.items():
                    _describe_answers(path, method, operation)
            for framework_only in ("HTTPValidationError", "ValidationError"):
                spec["components"]["schemas"].pop(framework_only, None)
            spec["x-problem-types"] = {
                name: {"status": status, "title": title, "fields": list(fields)}
                for name, (status, title, fields) in problems.PROBLEM_TYPES.items()
            }
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = document


def _describe_answers(path: str, method: str, operation: dict) -> None:
    """Every refusal as the problem document it is, only the refusals an operation can give, and
    the headers each answer carries."""
    headers = {p["name"].lower() for p in operation.get("parameters", []) if p["in"] == "header"}
    responses = operation["responses"]
    for status in list(responses):
        code = int(status)
        if (code in (400, 409) and "idempotency-key" not in headers) or (
            code in (412, 428) and "if-match" not in headers
        ):
            # The router's list of a command's refusals, for an operation without that header (the
            # reveal: a read with a reason, it changes nothing that could conflict).
            del responses[status]
            continue
        answer = responses[status]
        if code >= 400 and not (path.endswith("/health") and code == 503):
            answer["content"] = {problems.MEDIA_TYPE: {"schema": PROBLEM}}
        said = (
            {"ETag"}
            if code < 300 and _versioned(answer) and (method == "get" or "idempotency-key" in headers)
            else set()
        )
        if code < 300 and "idempotency-key" in headers:
            said.add("Idempotent-Replayed")
        said |= {429: {"Retry-After"}, 503: {"Retry-After"}}.get(code, set())
        if code == 401 and operation.get("security") != []:
            said.add("WWW-Authenticate")  # a bearer token refused (signing in refuses a password, not a token)
        if said:
            answer["headers"] = {
                name: {"description": HEADERS[name], "schema": {"type": "string"}} for name in sorted(said)
            }


def _versioned(answer: dict) -> bool:
    """Whether an answer is one object with a version (not a page of them)."""
    schema = answer.get("content", {}).get("application/json", {}).get("schema", {})
    name = schema.get("$ref", "").rsplit("/", 1)[-1]
    model = getattr(schemas, name, None)
    return model is not None and "version" in getattr(model, "model_fields", {})


def render(app: FastAPI) -> str:
    return json.dumps(app.openapi(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> None:
    from court_backend.app import Config, create_app

    with tempfile.TemporaryDirectory() as data:
        app = create_app(Config(Path(data), cases=10, teams=2))
        DOCUMENT.write_text(render(app), "utf-8")
        app.state.backend.world.close()
    print(f"wrote {DOCUMENT}")


if __name__ == "__main__":
    main()
