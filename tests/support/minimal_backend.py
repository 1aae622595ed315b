"""A second court backend, small and separate: written from the published contract
(`court_backend/openapi.json`, `docs/api.md`), not from the reference backend's code, so that the
console's tests show it directs any backend that keeps the contract, not only our own.

One basic court under the high court, two teams, two cases and an open escalation; a team that
moves (a `team.position` event every 0.2 s); dispatch, instruct and acknowledge, with
Idempotency-Key and If-Match as the contract says; the event stream with Last-Event-ID, a keep-alive
comment, and 410 once the events asked for are no longer held. No indicators: `GET /kpis` is
optional, and it answers 404. Standard library only.
"""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TOKEN = "minimal-token"
PASSWORD = "a password for the minimal backend"
KEEP_ALIVE_S = 5.0
MOVE_EVERY_S = 0.2


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _position(lon: float) -> dict:
    return {"lon": lon, "lat": 30.64, "heading": 90.0, "speed_kmh": 30.0, "at": now_iso()}


def _party(name: str) -> dict:
    return {
        "type": "person",
        "name": name,
        "id_number": "510***********0011",
        "phone": "138****0000",
        "address": "四川省****",
    }


class MinimalBackend:
    def __init__(self) -> None:
        stamp = now_iso()
        self.lock = threading.Condition()
        self.courts = {
            "C510000": {"id": "C510000", "name": "四川省高级人民法院", "level": "high", "adcode": "510000"},
            "C510104": {"id": "C510104", "name": "锦江区人民法院", "level": "basic", "adcode": "510104"},
        }
        self.courts["C510000"].update(parent_id=None, lon=104.07, lat=30.66, version=1)
        self.courts["C510104"].update(parent_id="C510000", lon=104.08, lat=30.65, version=1)
        self.teams = {
            team_id: {
                "id": team_id,
                "name": f"锦江区人民法院执行{n}组",
                "court_id": "C510104",
                "members": ["甲", "乙"],
                "vehicle": f"川A·0000{n}警",
                "status": "standby",
                "status_since": stamp,
                "task_id": None,
                "position": _position(104.08 + n / 100),
                "version": 1,
            }
            for n, team_id in ((1, "T1"), (2, "T2"))
        }
        self.cases = {
            case_id: {
                "id": case_id,
                "number": f"（2026）川0104执{n}号",
                "court_id": "C510104",
                "kind": "first",
                "track": "simple",
                "applicant": _party("张三"),
                "respondent": _party("李四"),
                "amount_sought": 100000.0,
                "amount_realised": 0.0,
                "officer": "王五",
                "filed_at": stamp,
                "deadline": "2027-06-01T00:00:00.000Z",
                "status": "open",
                "node": "assignment",
                "node_entered_at": stamp,
                "node_deadline": None,
                "overdue": False,
                "tags": [],
                "flags": [],
                "location": {"lon": 104.09, "lat": 30.65},
                "version": 1,
            }
            for n, case_id in ((1, "K1"), (2, "K2"))
        }
        self.escalations = {
            "E1": {
                "id": "E1",
                "kind": "sos",
                "title": "SOS 紧急求助",
                "severity": "P2",
                "state": "open",
                "source": "team",
                "court_id": "C510104",
                "case_id": "K1",
                "team_id": "T1",
                "location": {"lon": 104.09, "lat": 30.65},
                "raised_at": stamp,
                "ack_deadline": "2030-01-01T00:00:00.000Z",
                "owner": None,
                "escalated_to": None,
                "resolved_at": None,
                "outcome": None,
                "timeline": [{"at": stamp, "actor": "T1", "action": "raised", "state": "open", "note": ""}],
                "version": 1,
            }
        }
        self.tasks: dict[str, dict] = {}
        self.messages: dict[str, dict] = {}
        self.answers: dict[str, tuple[int, dict]] = {}  # by Idempotency-Key
        self.events: list[tuple[int, str, str]] = []
        self.last_id = 0
        self.generation = 0  # a stream of an older generation ends
        self.snapshots = 0  # GET /teams asked
        self.stopped = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> None:
        threading.Thread(target=self.server.serve_forever, name="minimal-backend", daemon=True).start()
        threading.Thread(target=self._do_move, name="minimal-backend-move", daemon=True).start()

    def stop(self) -> None:
        self.stopped.set()
        with self.lock:
            self.lock.notify_all()
        self.server.shutdown()
        self.server.server_close()

    def emit(self, kind: str, data: dict) -> None:
        """Call holding the lock."""
        self.last_id += 1
        self.events.append((self.last_id, kind, json.dumps(data, ensure_ascii=False)))
        self.lock.notify_all()

    def forget_events(self) -> None:
        """Ends every stream and holds only the events from now on: a client resuming from
        before them is told 410, and takes a new snapshot."""
        with self.lock:
            self.events.clear()
            self.last_id += 10  # events a client missed, and that are gone with the rest
            self.generation += 1
            self.emit(
                "team.position",
                {"team_id": "T1", **self.teams["T1"]["position"], "version": self.teams["T1"]["version"]},
            )

    def _do_move(self) -> None:
        while not self.stopped.wait(MOVE_EVERY_S):
            with self.lock:
                team = self.teams["T1"]
                team["position"] = _position(team["position"]["lon"] + 0.0005)
                team["version"] += 1
                self.emit("team.position", {"team_id": "T1", **team["position"], "version": team["version"]})


def _handler(backend: MinimalBackend) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def _send(self, status: int, body: dict, headers: dict | None = None) -> None:
            payload = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(status)
            kind = "application/problem+json" if status >= 400 else "application/json"
            self.send_header("Content-Type", kind)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def _problem(self, status: int, name: str, detail: str) -> None:
            self._send(status, _problem_body(status, name, detail))

        def _signed_in(self) -> bool:
            if self.headers.get("Authorization") == f"Bearer {TOKEN}":
                return True
            self._problem(401, "unauthorized", "A bearer token is required.")
            return False

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            path = parts.path.removeprefix("/api/v1/")
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            if path == "health":
                self._send(
                    200, {"status": "ok", "api_version": "1.0", "last_event_id": backend.last_id, "tick_age_s": 0.2}
                )
                return
            if not self._signed_in():
                return
            if path == "events":
                self._stream()
                return
            if path == "me":
                self._send(
                    200,
                    {
                        "username": "duty",
                        "display_name": "值班员",
                        "role": "operator",
                        "court_id": "C510104",
                        "court_name": "锦江区人民法院",
                        "api_version": "1.0",
                        "permissions": ["read", "task.dispatch", "team.message", "escalation.handle"],
                        "limits": {"approval_threshold_yuan": 1000000, "max_detention_days": 15},
                    },
                )
                return
            collections = {
                "courts": backend.courts,
                "teams": backend.teams,
                "cases": backend.cases,
                "escalations": backend.escalations,
                "tasks": backend.tasks,
                "messages": backend.messages,
                "queries": {},
                "measures": {},
                "approvals": {},
            }
            if path in collections:
                with backend.lock:
                    backend.snapshots += path == "teams"
                    items = sorted(collections[path].values(), key=lambda item: item["id"])
                    if query.get("state"):
                        items = [item for item in items if item.get("state") == query["state"]]
                    self._send(200, {"items": items, "cursor": backend.last_id, "next_page_token": None})
                return
            self._problem(404, "not-found", f"There is no {path}.")

        def _stream(self) -> None:
            asked = self.headers.get("Last-Event-ID", "")
            with backend.lock:
                cursor = int(asked) if asked.isdigit() else backend.last_id
                oldest = backend.events[0][0] if backend.events else backend.last_id + 1
                if cursor < oldest - 1 or cursor > backend.last_id:
                    self._problem(410, "events-gone", f"The events after {cursor} are no longer held.")
                    return
                generation = backend.generation
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Connection", "close")  # a stream that ends, ends its connection too
            self.end_headers()
            self.close_connection = True
            last_sent = time.monotonic()
            try:
                while True:
                    with backend.lock:
                        if not any(event[0] > cursor for event in backend.events):
                            backend.lock.wait(1.0)
                        if backend.stopped.is_set() or backend.generation != generation:
                            return
                        due = [event for event in backend.events if event[0] > cursor]
                    for event_id, kind, data in due:
                        self.wfile.write(f"id: {event_id}\nevent: {kind}\ndata: {data}\n\n".encode())
                        cursor = event_id
                    if not due and time.monotonic() - last_sent >= KEEP_ALIVE_S:
                        self.wfile.write(b": keep-alive\n\n")
                    if due or time.monotonic() - last_sent >= KEEP_ALIVE_S:
                        last_sent = time.monotonic()
                    self.wfile.flush()
            except OSError:
                return  # the client hung up

        def do_POST(self) -> None:
            path = urlsplit(self.path).path.removeprefix("/api/v1/")
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            if path == "auth/token":
                if body.get("password") != PASSWORD:
                    self._problem(401, "invalid-credentials", "The username or password is wrong.")
                    return
                self._send(
                    200, {"access_token": TOKEN, "token_type": "bearer", "role": "operator", "expires_in": 28800}
                )
                return
            if not self._signed_in():
                return
            if path == "auth/logout":
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            key = self.headers.get("Idempotency-Key")
            if not key:
                self._problem(400, "idempotency-key-missing", "Commands need an Idempotency-Key header.")
                return
            with backend.lock:
                if key in backend.answers:
                    status, answer = backend.answers[key]
                    self._send(status, answer, {"Idempotent-Replayed": "true"})
                    return
                status, answer = self._command(path, body)
                if status < 500:
                    backend.answers[key] = (status, answer)
            headers = {"ETag": f'"{answer["version"]}"'} if status < 400 else {}
            self._send(status, answer, headers)

        def _command(self, path: str, body: dict) -> tuple[int, dict]:
            """Runs a command, holding the lock: (status, answer)."""
            parts = path.split("/")
            stamp = now_iso()
            if path == "tasks":
                team = backend.teams.get(body.get("team_id", ""))
                case = backend.cases.get(body.get("case_id", ""))
                if team is None or case is None:
                    return 404, _problem_body(404, "not-found", "No such team or case.")
                if team["status"] != "standby":
                    return 409, _problem_body(409, "team-unavailable", f"{team['name']} is not available.")
                task_id = f"W{len(backend.tasks) + 1}"
                task = {
                    "id": task_id,
                    "case_id": case["id"],
                    "team_id": team["id"],
                    "court_id": case["court_id"],
                    "kind": body.get("kind", "service"),
                    "state": "assigned",
                    "target": case["location"],
                    "created_by": "duty",
                    "created_at": stamp,
                    "updated_at": stamp,
                    "note": body.get("note", ""),
                    "history": [{"state": "assigned", "at": stamp, "by": "duty"}],
                    "version": 1,
                }
                backend.tasks[task_id] = task
                team.update(status="en_route", status_since=stamp, task_id=task_id, version=team["version"] + 1)
                backend.emit("task.created", task)
                team_status = {"team_id": team["id"], "status": "en_route", "task_id": task_id, "since": stamp}
                backend.emit("team.status", {**team_status, "version": team["version"]})
                return 201, task
            if len(parts) == 3 and parts[0] == "teams" and parts[2] == "messages":
                if parts[1] not in backend.teams:
                    return 404, _problem_body(404, "not-found", f"There is no team {parts[1]}.")
                message_id = f"M{len(backend.messages) + 1}"
                message = {
                    "id": message_id,
                    "team_id": parts[1],
                    "text": body.get("text", ""),
                    "from": "duty",
                    "sent_at": stamp,
                    "state": "sent",
                    "delivered_at": None,
                    "read_at": None,
                    "version": 1,
                }
                backend.messages[message_id] = message
                backend.emit("team.message", message)
                return 201, message
            if len(parts) == 3 and parts[0] == "escalations" and parts[2] == "acknowledge":
                escalation = backend.escalations.get(parts[1])
                if escalation is None:
                    return 404, _problem_body(404, "not-found", f"There is no escalation {parts[1]}.")
                match = self.headers.get("If-Match")
                if not match:
                    return 428, _problem_body(428, "precondition-required", "Send If-Match with the version.")
                if match != f'"{escalation["version"]}"':
                    return 412, _problem_body(412, "stale-version", "The escalation changed since that version.")
                entry = {
                    "at": stamp,
                    "actor": "duty",
                    "action": "acknowledged",
                    "state": "acknowledged",
                    "note": body.get("note", ""),
                }
                escalation.update(state="acknowledged", owner="duty", version=escalation["version"] + 1)
                escalation["timeline"] = [*escalation["timeline"], entry]
                backend.emit("escalation.updated", escalation)
                return 200, dict(escalation)
            return 404, _problem_body(404, "not-found", f"There is no command {path}.")

    return Handler


def _problem_body(status: int, name: str, detail: str) -> dict:
    return {"type": f"urn:court-api:problem:{name}", "title": name, "status": status, "detail": detail}
