"""The console reads nothing the document does not declare: every field its decoders look at, in
every record, answer and event they decode, is a property of that record's schema in the
published document, nested objects and lists included. (A backend written from the document
alone then gives the console all it reads.)"""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone

import pytest

from console.api import check_version
from console.case_detail import decode_audit_entry
from console.casework import decode_case, decode_kpis, decode_message, decode_query, decode_task
from console.domain import decode_court, decode_escalation, decode_team
from console.records import EVENT_DECODERS
from console.sync import _rights
from court_backend.openapi import DOCUMENT
from tests.support.backends import read_events

SCHEMAS = json.loads(DOCUMENT.read_text("utf-8"))["components"]["schemas"]


class Reading(dict):
    """A record that notes each field read from it (and from the objects inside it) as a path."""

    def __init__(self, value: dict, read: set[str], prefix: str = "") -> None:
        super().__init__(value)
        self._read, self._prefix = read, prefix

    def _noted(self, key, value):
        path = f"{self._prefix}{key}"
        self._read.add(path)
        if isinstance(value, dict):
            return Reading(value, self._read, f"{path}.")
        if isinstance(value, list):
            return [Reading(item, self._read, f"{path}[].") if isinstance(item, dict) else item for item in value]
        return value

    def __getitem__(self, key):
        return self._noted(key, super().__getitem__(key))

    def get(self, key, default=None):
        return self._noted(key, super().get(key, default)) if key in self else default

    def __contains__(self, key) -> bool:
        self._read.add(f"{self._prefix}{key}")
        return super().__contains__(key)


def _resolve(schema: dict) -> dict:
    """A schema with its $ref followed and its nullable anyOf unwrapped."""
    while True:
        if "$ref" in schema:
            schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
        elif "anyOf" in schema:
            schema = next(s for s in schema["anyOf"] if s.get("type") != "null")
        else:
            return schema


def declared(schema_name: str, path: str) -> dict | None:
    """The schema the document gives the value at `path` of a record (None: free-form, a dict of
    counts or a problem's extras, where any key is declared); KeyError when it declares no such field."""
    schema = SCHEMAS[schema_name]
    for part in path.replace("[]", ".[]").split("."):
        schema = _resolve(schema)
        if part == "[]":
            schema = schema.get("items", {})
            continue
        if "properties" not in schema:
            return None
        schema = schema["properties"][part]
    return _resolve(schema)


def undeclared(schema_name: str, read: set[str]) -> list[str]:
    """The paths read that the schema does not declare."""
    missing = []
    for path in sorted(read):
        try:
            declared(schema_name, path)
        except KeyError:
            missing.append(path)
    return missing


def reads(decode, record: dict) -> set[str]:
    read: set[str] = set()
    decode(Reading(record, read))
    return read


@pytest.fixture(scope="module")
def records(backend) -> dict[str, tuple[str, object, dict]]:
    """One record of each kind, as the reference backend serves it: (schema, decoder, record)."""
    sent = backend.command("teams/T0001/messages", {"text": "原地待命"})
    case = backend.get("cases", page_size=1, status="open")["items"][0]
    query = backend.command("queries", {"case_id": case["id"], "channel": "national", "categories": ["bank"]})
    assert sent.status_code == 201 and query.status_code == 201
    escalations = backend.get("escalations", page_size=1)["items"]
    audit = backend.get("audit", username="supervisor", page_size=1000)["items"]
    found = {
        "court": ("Court", decode_court, backend.get("courts", page_size=1)["items"][0]),
        "team": ("Team", decode_team, backend.get("teams", page_size=1)["items"][0]),
        "case": ("Case", decode_case, case),
        "task": ("Task", decode_task, backend.get("tasks", page_size=1)["items"][0]),
        "message": ("Message", decode_message, sent.json()),
        "query": ("Query", decode_query, query.json()),
        "kpis": ("Kpis", decode_kpis, backend.get("kpis")),
        "me": ("Me", _rights, backend.get("me")),
        "health": ("Health", check_version, backend.get("health")),
        "audit entry": ("AuditEntry", decode_audit_entry, next(e for e in audit if e["action"] == "message")),
    }
    if escalations:
        found["escalation"] = ("Escalation", decode_escalation, escalations[0])
    return found


@pytest.mark.parametrize(
    "kind", ["court", "team", "case", "task", "message", "query", "kpis", "me", "health", "audit entry"]
)
def test_each_field_the_console_reads_of_a_record_is_in_its_schema(records, kind):
    schema, decode, record = records[kind]
    read = reads(decode, record)
    assert read and not undeclared(schema, read), undeclared(schema, read)


def test_each_field_the_console_reads_of_an_event_is_in_its_schema(backend):
    published = json.loads(DOCUMENT.read_text("utf-8"))["x-event-types"]
    since = backend.newest_event()
    case = backend.get("cases", page_size=1, status="open")["items"][0]
    assert backend.command("teams/T0002/messages", {"text": "收到请回复"}).status_code == 201
    launched = backend.command("queries", {"case_id": case["id"], "channel": "national", "categories": ["bank"]})
    assert launched.status_code == 201
    events = read_events(backend, backend.auth(), 300, last_event_id=since)
    seen = set()
    for event in events:
        if event.type in EVENT_DECODERS and event.type not in seen:
            seen.add(event.type)
            schema = published[event.type]["data"]["$ref"].rsplit("/", 1)[1]
            data = json.loads(event.data)
            read = reads(EVENT_DECODERS[event.type], data)
            assert not undeclared(schema, read), (event.type, undeclared(schema, read))
            assert bounds_broken(schema, EVENT_DECODERS[event.type], data) == ([], []), event.type
    assert {"team.message", "query.created"} <= seen and len(seen) >= 3, seen


def unbounded(schema: dict) -> bool:
    """Whether a value of this schema may be any length or size: a client could not know what to keep."""
    if "enum" in schema or "const" in schema or "pattern" in schema or schema.get("format") in ("date-time", "date"):
        return False
    kind = schema.get("type")
    if kind == "string":
        return "maxLength" not in schema
    if kind in ("number", "integer"):
        return "maximum" not in schema or not ("minimum" in schema or "exclusiveMinimum" in schema)
    if kind == "array":
        return "maxItems" not in schema or unbounded(_resolve(schema.get("items", {})))
    if kind == "object" and "properties" not in schema:
        return "maxProperties" not in schema
    return False


def extremes(schema: dict, value) -> list:
    """The values at the edges of what `schema` allows, shaped like `value`."""
    if "enum" in schema or "const" in schema or "pattern" in schema or not isinstance(value, (str, int, float, list)):
        return []
    if schema.get("format") == "date-time":
        moment = datetime.fromisoformat(value)
        return [moment.astimezone(timezone(timedelta(hours=8))).isoformat()]  # another offset
    kind = schema.get("type")
    if kind == "string" and "format" not in schema:
        return ["执" * schema["maxLength"], "x" * schema.get("minLength", 0)]
    if kind in ("number", "integer") and not isinstance(value, bool):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0) + 0.01)
        return [schema["maximum"], low]
    if kind == "array" and value:
        items = _resolve(schema.get("items", {}))
        inner = [[edge] * len(value) for edge in extremes(items, value[0])] if items.get("type") != "object" else []
        return [value[:1] * schema["maxItems"], *inner]
    return []


def replaced(record: dict, path: str, value) -> dict:
    """A deep copy of `record` with `value` at `path` (in every item of a list on the way)."""
    changed = copy.deepcopy(record)

    def put(node, parts):
        if isinstance(node, list):
            for item in node:
                put(item, parts)
        elif isinstance(node, dict) and parts[0] in node and node[parts[0]] is not None:
            if len(parts) == 1:
                node[parts[0]] = value
            else:
                put(node[parts[0]], parts[1:])

    put(changed, path.replace("[]", "").split("."))
    return changed


def bounds_broken(schema_name: str, decode, record: dict) -> tuple[list[str], list[str]]:
    """The fields the console reads whose length or range the document leaves open, and the values
    at the document's edges that the console refuses."""
    read = reads(decode, record)
    open_ended, refused = [], []
    for path in sorted(read):
        schema = declared(schema_name, path)
        if schema is None:
            continue
        if unbounded(schema):
            open_ended.append(path)
            continue
        value = record
        for part in path.replace("[]", ".0").split("."):
            value = value[int(part)] if isinstance(value, list) and part.isdigit() and value else value
            value = value.get(part) if isinstance(value, dict) else value
        for edge in extremes(schema, value):
            try:
                decode(replaced(record, path, edge))
            except ValueError as error:
                refused.append(f"{path}={str(edge)[:30]!r}: {error}")
    return open_ended, refused


@pytest.mark.parametrize(
    "kind", ["court", "team", "case", "task", "message", "query", "kpis", "me", "health", "audit entry"]
)
def test_the_console_takes_every_value_the_document_allows_and_the_document_bounds_each(records, kind):
    """Every string the console reads has a length in the document, every number a range, every list
    a size; and a record with each at its edge (a CJK string at its maxLength, a number at its
    maximum and minimum, a list at its maxItems, a time at another offset) is read, not dropped."""
    schema, decode, record = records[kind]
    open_ended, refused = bounds_broken(schema, decode, record)
    assert not open_ended, f"the document bounds none of: {open_ended}"
    assert not refused, refused
