"""`court-backend conformance URL`: checks any backend against the contract, as a client sees it.

Read-only: it signs in, reads every list a page or two deep (the optional ones when the backend
has them), one object of each kind, the KPIs, the warning counts, the indicators (each rate made
of its counts) and the audit log when the backend has them (they are optional), the problems a client
relies on (an oversized body included, refused before it is read), and the event stream (framing,
ids, types, keep-alive, resume and retention), and validates every record against the schemas the
published document is made of (`schemas`). Each check is passed or failed with its evidence;
any failure exits 1. It is the vendor's proof, and the reference backend's own test.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import requests
from pydantic import BaseModel, ValidationError

from court_backend import audit, schemas
from court_backend.catalogue import API_VERSION
from court_backend.indicators import RATES

LISTS: dict[str, type[BaseModel]] = {
    "courts": schemas.Court,
    "cases": schemas.Case,
    "teams": schemas.Team,
    "tasks": schemas.Task,
    "messages": schemas.Message,
    "queries": schemas.Query,
    "measures": schemas.Measure,
    "approvals": schemas.Approval,
    "escalations": schemas.Escalation,
}
# Lists added after 1.0, which a backend may not have (404): each with the field its items are known by.
OPTIONAL_LISTS: dict[str, tuple[type[BaseModel], str]] = {
    "warnings": (schemas.CaseWarning, "case_id"),
    "supervision-orders": (schemas.SupervisionOrder, "id"),
    "findings": (schemas.SupervisionFinding, "id"),
    "campaigns": (schemas.Campaign, "id"),
}
RATE_SLACK = 1e-4  # a rate may be rounded to four places
PROBLEM_TYPE = re.compile(r"^urn:court-api:problem:[a-z-]+$")
EVENT_ID = re.compile(r"^[0-9]{1,18}$")
KEEP_ALIVE_S = 15.0  # the contract's promise: something on an idle stream at least this often
KEEP_ALIVE_SLACK_S = 2.0  # for the time on the wire
WATCH_S = 20.0  # how long the stream is watched for it
TIMEOUT_S = 10.0


class Failed(Exception):
    """A check that does not hold; the message is its evidence."""


@dataclass(frozen=True)
class Result:
    name: str
    ok: bool
    evidence: str

    def as_json(self) -> dict:
        return {"check": self.name, "ok": self.ok, "evidence": self.evidence}


def _valid(model: type[BaseModel], record: object, what: str) -> None:
    try:
        model.model_validate(record)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise Failed(f"{what}: {where}: {first['msg']}") from None


def _problem(response: requests.Response, status: int, what: str) -> dict:
    """The answer as the problem `status` the contract promises, or Failed."""
    if response.status_code != status:
        raise Failed(f"{what}: HTTP {response.status_code}, not {status}")
    if not response.headers.get("content-type", "").startswith("application/problem+json"):
        raise Failed(f"{what}: content type {response.headers.get('content-type')!r}, not application/problem+json")
    body = response.json()
    if not isinstance(body, dict) or not PROBLEM_TYPE.match(str(body.get("type"))) or body.get("status") != status:
        raise Failed(f"{what}: not a problem of this API: {str(body)[:200]}")
    return body


class Conformance:
    def __init__(self, url: str, username: str, password: str, commands: bool = False) -> None:
        """`commands`: also dispatch a team, instruct it and acknowledge an escalation (they change
        the backend: for a test backend, or a test case)."""
        self.api = url.rstrip("/") + "/api/v1/"
        self._username, self._password = username, password
        self._http = requests.Session()
        self._http.trust_env = False
        self._token = ""
        self._cursor = 0  # of the newest page read
        self._event_types: set[str] = set()  # as the served document publishes them
        self.checks: list[tuple[str, Callable[[], str]]] = [
            ("health and version", self._health),
            ("sign-in", self._sign_in),
            ("no token, no answer", self._unauthenticated),
            ("who am I", self._me),
            *((f"list {name}", self._lister(name, model)) for name, model in LISTS.items()),
            *((f"list {name}", self._lister(name, model, key, True)) for name, (model, key) in OPTIONAL_LISTS.items()),
            ("one object and its ETag", self._objects),
            ("filters", self._filters),
            ("kpis", self._kpis),
            ("warning counts", self._warning_counts),
            ("indicators", self._indicators),
            ("audit chain", self._audit),
            ("problems", self._problems),
            ("body size limit", self._body_limit),
            ("event stream", self._events),
            ("keep-alive", self._keep_alive),
            ("resume and retention", self._retention),
        ]
        if commands:
            self.checks += [
                ("dispatch, once per key", self._dispatch),
                ("instruct a team", self._instruct),
                ("acknowledge at a version", self._acknowledge),
            ]

    def run(self, only: set[str] | None = None) -> list[Result]:
        """Every check, or only those named (after the sign-in, which the others need)."""
        results = []
        for name, check in self.checks:
            if only is not None and name not in only and name not in ("health and version", "sign-in"):
                continue
            try:
                results.append(Result(name, True, check()))
            except Failed as failure:
                results.append(Result(name, False, str(failure)))
            except Exception as error:  # an answer the kit could not even read is a failure too
                results.append(Result(name, False, f"{type(error).__name__}: {error}"[:300]))
        return results

    # the requests

    def _get(self, path: str, **options) -> requests.Response:
        headers = {"Authorization": f"Bearer {self._token}", **options.pop("headers", {})}
        options.setdefault("timeout", TIMEOUT_S)
        return self._http.get(self.api + path, headers=headers, **options)

    def _json(self, path: str, **params) -> dict:
        response = self._get(path, params=params)
        if response.status_code != 200:
            raise Failed(f"GET {path}: HTTP {response.status_code}: {response.text[:200]}")
        if not response.headers.get("content-type", "").startswith("application/json"):
            raise Failed(f"GET {path}: content type {response.headers.get('content-type')!r}")
        return response.json()

    # the checks; each returns its evidence or raises Failed

    def _health(self) -> str:
        response = self._http.get(self.api + "health", timeout=TIMEOUT_S)
        if response.status_code not in (200, 503):
            raise Failed(f"GET health: HTTP {response.status_code}")
        body = response.json()
        _valid(schemas.Health, body, "health")
        major = API_VERSION.split(".")[0]
        if body["api_version"].split(".")[0] != major:
            raise Failed(f"api_version {body['api_version']!r}: this kit checks {major}.x")
        document = self._http.get(self.api + "openapi.json", timeout=TIMEOUT_S).json()
        self._event_types = set(document.get("x-event-types", {}))
        if not self._event_types:
            raise Failed("the served document lists no x-event-types")
        return f"api_version {body['api_version']}, {len(self._event_types)} event types published"

    def _sign_in(self) -> str:
        response = self._http.post(
            self.api + "auth/token", json={"username": self._username, "password": self._password}, timeout=TIMEOUT_S
        )
        if response.status_code != 200:
            raise Failed(f"sign-in as {self._username}: HTTP {response.status_code}: {response.text[:200]}")
        body = response.json()
        _valid(schemas.Token, body, "token")
        self._token = body["access_token"]
        refused = self._http.post(
            self.api + "auth/token",
            json={"username": self._username, "password": self._password + "-not"},
            timeout=TIMEOUT_S,
        )
        _problem(refused, 401, "a wrong password")
        return f"signed in as {self._username} ({body['role']}); a wrong password is 401"

    def _unauthenticated(self) -> str:
        response = self._http.get(self.api + "me", timeout=TIMEOUT_S)
        _problem(response, 401, "GET me without a token")
        return "401 problem"

    def _me(self) -> str:
        me = self._json("me")
        _valid(schemas.Me, me, "me")
        return f"{len(me['permissions'])} permissions, limits {sorted(me['limits'])}"

    def _lister(self, name: str, model: type[BaseModel], key: str = "id", optional: bool = False) -> Callable[[], str]:
        def check() -> str:
            first = self._optional(name, page_size=2) if optional else self._json(name, page_size=2)
            if first is None:
                return f"none published (GET {name} is optional)"
            _valid(schemas.Page[model], first, f"{name}, page 1")
            ids = [item[key] for item in first["items"]]
            if len(ids) > 2 or len(set(ids)) != len(ids):
                raise Failed(f"{name}: page 1 holds {ids}: at most 2, each once")
            self._cursor = max(self._cursor, first["cursor"])
            if first["next_page_token"] is None:
                return f"{len(ids)} on one page"
            second = self._json(name, page_size=2, page_token=first["next_page_token"])
            _valid(schemas.Page[model], second, f"{name}, page 2")
            more = [item[key] for item in second["items"]]
            if set(more) & set(ids) or (not more and second["next_page_token"] is not None):
                raise Failed(f"{name}: page 2 holds {more} after {ids}: a page again, or an empty page that goes on")
            return f"pages of 2 ({ids} then {more})"

        return check

    def _objects(self) -> str:
        seen = []
        for name in ("teams", "cases", "escalations"):
            items = self._json(name, page_size=1)["items"]
            if not items:
                continue
            response = self._get(f"{name}/{items[0]['id']}")
            if response.status_code != 200:
                raise Failed(f"GET {name}/{items[0]['id']}: HTTP {response.status_code}")
            doc = response.json()
            if response.headers.get("etag") != f'"{doc["version"]}"':
                raise Failed(f"{name}/{doc['id']}: ETag {response.headers.get('etag')!r}, version {doc['version']}")
            seen.append(f"{name}/{doc['id']}")
        if not seen:
            raise Failed("no object to read")
        return ", ".join(seen) + ": ETag is the version"

    def _filters(self) -> str:
        teams = self._json("teams", page_size=1)["items"]
        if not teams:
            raise Failed("no team to filter by")
        status = teams[0]["status"]
        filtered = self._json("teams", status=status, page_size=50)["items"]
        if not filtered or any(team["status"] != status for team in filtered):
            raise Failed(f"teams?status={status} answered {[t['status'] for t in filtered][:5]}")
        return f"teams?status={status}: {len(filtered)}, all {status}"

    def _optional(self, path: str, **params) -> dict | None:
        """What an optional endpoint answers, or None when the backend has it not (404)."""
        response = self._get(path, params=params)
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise Failed(f"GET {path}: HTTP {response.status_code}: {response.text[:200]}")
        return response.json()

    def _kpis(self) -> str:
        kpis = self._optional("kpis")
        if kpis is None:
            return "none published (GET kpis is optional): a client shows no indicators"
        _valid(schemas.Kpis, kpis, "kpis")
        days = [point["date"] for point in kpis["cases_received_per_day"]]
        if days != sorted(days) or len(set(days)) != len(days):
            raise Failed(f"cases_received_per_day: dates {days[:3]}…: one point a day, oldest first")
        return f"{len(days)} days, {kpis['open_cases']} open cases"

    def _warning_counts(self) -> str:
        counts = self._optional("warnings/counts")
        if counts is None:
            return "none published (GET warnings/counts is optional)"
        _valid(schemas.WarningCounts, counts, "warnings/counts")
        return f"{len(counts['courts'])} courts, {len(counts['officers'])} officers"

    def _indicators(self) -> str:
        figures = self._optional("indicators")
        if figures is None:
            return "none published (GET indicators is optional)"
        _valid(schemas.Indicators, figures, "indicators")
        courts = [court["court_id"] for court in figures["courts"]]
        if len(set(courts)) != len(courts):
            raise Failed(f"indicators: a court listed twice in {courts[:10]}…")
        for court in figures["courts"]:
            for name, (part, whole) in RATES.items():
                made = court[part] / court[whole] if court[whole] else None
                given = court["rates"][name]
                if (given is None) != (made is None) or (made is not None and abs(given - made) > RATE_SLACK):
                    raise Failed(f"indicators of {court['court_id']}: {name} {given}, not {part}/{whole} = {made}")
        return f"{len(courts)} courts, each rate made of its counts"

    def _audit(self) -> str:
        page = self._optional("audit", page_size=50)
        if page is None:
            return "no audit log published (GET audit is optional)"
        _valid(schemas.AuditPage, page, "audit")
        entries = page["items"]
        for before, entry in zip([None, *entries], entries, strict=False):
            if entry["hash"] != audit.entry_hash(entry):
                raise Failed(f"audit entry {entry['id']}: its hash is not the SHA-256 of its canonical JSON")
            if before is not None and entry["prev_hash"] != before["hash"]:
                raise Failed(f"audit entry {entry['id']}: prev_hash is not the hash of entry {before['id']}")
        verification = self._optional("audit/verification")
        if verification is not None:
            _valid(schemas.AuditVerification, verification, "audit verification")
        return f"{len(entries)} entries chained, each hash its entry's"

    def _body_limit(self) -> str:
        oversized = {"case_id": "x", "team_id": "x", "kind": "service", "note": "x" * 70_000}
        refused = self._post("tasks", oversized, f"conformance-{time.time_ns()}")
        _problem(refused, 413, "a command body above 64 KiB")
        return "413 before the body is read"

    def _problems(self) -> str:
        _problem(self._get("no-such-collection"), 404, "an unknown path")
        _problem(self._get("teams", params={"no_such_filter": "1"}), 422, "an unknown query parameter")
        _problem(self._get("teams", params={"page_size": "0"}), 422, "page_size 0")
        return "404 and 422 as problems"

    def _stream(self, last_event_id: str, seconds: float) -> Iterator[tuple[float, str, dict[str, str]]]:
        """(when, what) as the stream gives them for `seconds`: ("comment", {}) or ("event", fields)."""
        headers = {"Last-Event-ID": last_event_id, "Accept": "text/event-stream"}
        with self._get("events", headers=headers, stream=True, timeout=(TIMEOUT_S, seconds + 5)) as response:
            if response.status_code != 200:
                yield time.monotonic(), f"status {response.status_code}", {"body": response.text[:200]}
                return
            if not response.headers.get("content-type", "").startswith("text/event-stream"):
                raise Failed(f"events: content type {response.headers.get('content-type')!r}")
            yield time.monotonic(), "open", {}
            deadline, fields = time.monotonic() + seconds, {}
            for line in response.iter_lines(decode_unicode=True):
                if line.startswith(":"):
                    yield time.monotonic(), "comment", {}
                elif line == "":
                    if fields:
                        yield time.monotonic(), "event", fields
                    fields = {}
                else:
                    key, _, value = line.partition(":")
                    fields[key] = value.removeprefix(" ")
                if time.monotonic() > deadline:
                    return

    def _events(self) -> str:
        start = self._cursor
        events, pings = [], 0
        for _, kind, fields in self._stream(str(start), 20.0):
            if kind.startswith("status"):
                raise Failed(f"events after {start}: {kind}: {fields['body']}")
            pings += kind == "comment"
            if kind == "event":
                events.append(fields)
                if len(events) >= 5:
                    break
        if not events:
            if pings:
                return f"no event in 20 s after {start} (a quiet backend), {pings} keep-alive comments"
            raise Failed(f"neither an event nor a keep-alive comment in 20 s after {start}")
        previous = start
        for fields in events:
            event_id, event_type = fields.get("id", ""), fields.get("event", "")
            if not EVENT_ID.match(event_id) or int(event_id) <= previous:
                raise Failed(f"event id {event_id!r} after {previous}: ids are digits and strictly increase")
            if event_type not in self._event_types:
                raise Failed(f"event type {event_type!r} is not in the document's x-event-types")
            if not isinstance(json.loads(fields.get("data", "null")), dict):
                raise Failed(f"event {event_id}: its data is not a JSON object")
            previous = int(event_id)
        return f"{len(events)} events after {start}, ids {events[0]['id']}…{events[-1]['id']}, types published"

    def _keep_alive(self) -> str:
        last, longest = None, 0.0
        for at, kind, fields in self._stream(str(self._newest()), WATCH_S):
            if kind.startswith("status"):
                raise Failed(f"events: {kind}: {fields['body']}")
            if kind == "open":
                last = at
                continue
            longest, last = max(longest, at - last), at
        longest = max(longest, time.monotonic() - last) if last is not None else WATCH_S
        if longest > KEEP_ALIVE_S + KEEP_ALIVE_SLACK_S:
            raise Failed(f"{longest:.1f} s without a byte on the stream (at most {KEEP_ALIVE_S:.0f} s)")
        return f"at most {longest:.1f} s of silence in {WATCH_S:.0f} s"

    def _newest(self) -> int:
        """The newest event's id, as /health says (a stalled backend's 503 says it too)."""
        response = self._http.get(self.api + "health", timeout=TIMEOUT_S)
        return int(response.json()["last_event_id"])

    def _retention(self) -> str:
        last = self._newest()
        for asked, status, what in (
            (str(last + 10**9), 410, "resuming after an event that never was"),
            ("abc", 422, "a Last-Event-ID that is not digits"),
        ):
            with self._get("events", headers={"Last-Event-ID": asked}, stream=True) as answer:
                if answer.status_code == 200:
                    raise Failed(f"{what}: HTTP 200, a stream, not {status}")
                _problem(answer, status, what)
        oldest = self._json("health").get("oldest_event_id")  # how far back it says it reaches (1.6)
        if oldest is not None and oldest <= last:
            for _, kind, fields in self._stream(str(oldest - 1), 5.0):
                if kind == "status 410":
                    raise Failed(f"resuming after {oldest - 1}, just before the oldest event health names: 410")
                if kind == "event":
                    if int(fields.get("id", "0")) != oldest:
                        raise Failed(f"resuming after {oldest - 1}: event {fields.get('id')} first, not {oldest}")
                    break
        for _, kind, fields in self._stream("0", 5.0):
            if kind == "status 410":
                return "410 after an unknown id; from 0: 410 (the oldest events are no longer held)"
            if kind == "event":
                if int(fields.get("id", "0")) < 1:
                    raise Failed(f"from 0, the first event has id {fields.get('id')!r}")
                return f"410 after an unknown id; from 0: event {fields['id']} first"
        return "410 after an unknown id; from 0: no event held yet"

    # commands: each names what it changed

    def _post(self, path: str, body: dict, key: str | None, if_match: str | None = None) -> requests.Response:
        headers = {"Authorization": f"Bearer {self._token}"}
        if key is not None:
            headers["Idempotency-Key"] = key
        if if_match is not None:
            headers["If-Match"] = if_match
        return self._http.post(self.api + path, json=body, headers=headers, timeout=TIMEOUT_S)

    def _dispatch(self) -> str:
        teams = self._json("teams", status="standby", page_size=50)["items"]
        team = next((t for t in teams if t["task_id"] is None), None)
        cases = self._json("cases", status="open", page_size=1)["items"]
        if team is None or not cases:
            raise Failed("no standby team, or no open case, to dispatch")
        body = {"case_id": cases[0]["id"], "team_id": team["id"], "kind": "service", "note": "conformance"}
        _problem(self._post("tasks", body, None), 400, "a command without Idempotency-Key")
        key = f"conformance-{time.time_ns()}"
        first = self._post("tasks", body, key)
        if first.status_code != 201:
            raise Failed(f"dispatch {team['id']} to {cases[0]['id']}: HTTP {first.status_code}: {first.text[:200]}")
        _valid(schemas.Task, first.json(), "the task")
        again = self._post("tasks", body, key)
        if again.status_code != 201 or again.json()["id"] != first.json()["id"]:
            raise Failed(f"the same key again: HTTP {again.status_code}, {again.text[:120]}: not the first answer")
        if again.headers.get("idempotent-replayed") != "true":
            raise Failed("the same key again: no Idempotent-Replayed: true")
        _problem(self._post("tasks", {**body, "kind": "investigation"}, key), 422, "the same key for another request")
        task = first.json()["id"]
        return f"task {task}: {team['id']} to case {cases[0]['id']}; replayed once, the key refused for another"

    def _instruct(self) -> str:
        team = self._json("teams", page_size=1)["items"][0]
        sent = self._post(
            f"teams/{team['id']}/messages", {"text": "conformance check"}, f"conformance-{time.time_ns()}"
        )
        if sent.status_code != 201:
            raise Failed(f"a message to {team['id']}: HTTP {sent.status_code}: {sent.text[:200]}")
        _valid(schemas.Message, sent.json(), "the message")
        return f"message {sent.json()['id']} to {team['id']}"

    def _acknowledge(self) -> str:
        escalations = self._json("escalations", state="open", page_size=50)["items"]
        if not escalations:
            raise Failed("no open escalation to acknowledge")
        escalation = escalations[0]
        path, version = f"escalations/{escalation['id']}/acknowledge", escalation["version"]
        _problem(self._post(path, {"note": ""}, f"conformance-{time.time_ns()}"), 428, "acknowledging without If-Match")
        stale = f'"{version + 1000}"'
        _problem(self._post(path, {"note": ""}, f"conformance-{time.time_ns()}", stale), 412, "an If-Match not current")
        done = self._post(path, {"note": "conformance"}, f"conformance-{time.time_ns()}", f'"{version}"')
        if done.status_code != 200:
            raise Failed(
                f"acknowledging {escalation['id']} at version {version}: HTTP {done.status_code}: {done.text[:200]}"
            )
        _valid(schemas.Escalation, done.json(), "the escalation")
        if done.json()["owner"] != self._username or done.json()["version"] <= version:
            raise Failed(
                f"acknowledged, {escalation['id']} is owned by {done.json()['owner']!r} at {done.json()['version']}"
            )
        return f"{escalation['id']}: 428 without If-Match, 412 with a stale one, then acknowledged at {version}"


def report(results: list[Result]) -> str:
    width = max(len(result.name) for result in results)
    lines = [f"{'ok  ' if r.ok else 'FAIL'}  {r.name.ljust(width)}  {r.evidence}" for r in results]
    failed = sum(not r.ok for r in results)
    lines.append(f"{len(results) - failed} passed, {failed} failed")
    return "\n".join(lines)
