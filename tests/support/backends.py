"""Reference backends for the tests, each in its own process on loopback, as a black-box client
sees it; a stepped one moves only when a test steps its clock (`RunningBackend.step`)."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

import requests

from console.catalogue import PHASE_OF
from console.embedded import EmbeddedBackend
from console.sse import SseEvent, SseParser

SEED = 7
CASES = 3000  # a small book: generating the default 50,000 takes seconds at every start
T = TypeVar("T")


class RunningBackend:
    def __init__(self, process: EmbeddedBackend, url: str) -> None:
        self.process = process
        self.url = url
        self._tokens: dict[str, str] = {}  # by username: a login each, not one per request
        self._passwords: dict[str, str] = {}  # of the accounts a test made

    def password_of(self, username: str = "operator") -> str:
        """An account's password: a demo account's (each has its own), or one that `add_user` made."""
        return self._passwords.get(username) or self.process.password_of(username)

    def add_user(self, username: str, role: str, court_id: str) -> None:
        """Makes an account with `court-backend users add`, on the running backend's data directory."""
        password = f"{username} has a long password"
        made = subprocess.run(
            [sys.executable, "-m", "court_backend", "users", "add", username, "--role", role, "--court", court_id]
            + ["--data", str(self.process.data_dir)],
            input=password + "\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert made.returncode == 0, made.stderr
        self._passwords[username] = password

    def api(self, path: str) -> str:
        return f"{self.url}/api/v1/{path.lstrip('/')}"

    def token(self, username: str = "operator") -> str:
        if username not in self._tokens:
            response = requests.post(
                self.api("auth/token"), json={"username": username, "password": self.password_of(username)}, timeout=10
            )
            response.raise_for_status()
            self._tokens[username] = response.json()["access_token"]
        return self._tokens[username]

    def auth(self, username: str = "operator") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(username)}"}

    def get(self, path: str, username: str = "operator", **params) -> dict:
        response = requests.get(self.api(path), params=params, headers=self.auth(username), timeout=10)
        assert response.status_code == 200, response.text
        return response.json()

    def command(
        self,
        path: str,
        body: dict | None = None,
        *,
        username: str = "operator",
        key: str | None = None,
        version: int | None = None,
    ) -> requests.Response:
        """POSTs a command with a fresh Idempotency-Key (or the one given) and If-Match when a version is given."""
        headers = self.auth(username)
        headers["Idempotency-Key"] = key or uuid.uuid4().hex
        if version is not None:
            headers["If-Match"] = f'"{version}"'
        return requests.post(self.api(path), json=body or {}, headers=headers, timeout=10)

    def newest_event(self) -> int:
        return self.get("health")["last_event_id"]

    def step(self, seconds: float) -> int:
        """Moves a stepped backend's clock on by `seconds`; returns the id of its newest event then."""
        response = requests.post(f"{self.url}/_test/clock", json={"seconds": seconds}, timeout=60)
        assert response.status_code == 200, response.text
        return self.newest_event()

    def events(self, since: int, until: int) -> list[SseEvent]:
        """The events after `since` up to `until`, each once, in order."""
        return read_events(self, self.auth(), until - since, last_event_id=since) if until > since else []

    def step_until(self, check: Callable[[], T | None], every_s: float = 10.0, at_most_s: float = 1800.0) -> T:
        """Steps the clock `every_s` at a time until `check()` (which asks the backend) answers;
        returns the answer. Fails after `at_most_s` of the backend's time."""
        stepped = 0.0
        while not (answer := check()):
            if stepped >= at_most_s:
                raise AssertionError(f"not so after {at_most_s:.0f} s of the backend's time")
            self.step(every_s)
            stepped += every_s
        return answer

    def step_until_event(
        self, found: Callable[[str, dict], T | None], every_s: float = 10.0, at_most_s: float = 1800.0
    ) -> T:
        """Steps the clock `every_s` at a time until an event makes `found(type, data)` answer; returns
        the answer. Fails after `at_most_s` of the backend's time."""
        since, stepped = self.newest_event(), 0.0
        while stepped < at_most_s:
            until = self.step(every_s)
            stepped += every_s
            for event in self.events(since, until):
                answer = found(event.type, json.loads(event.data))
                if answer is not None:
                    return answer
            since = until
        raise AssertionError(f"nothing of the kind happened in {at_most_s:.0f} s of the backend's time")


def at(iso: str) -> float:
    """A time the API wrote (RFC 3339), in epoch seconds."""
    return datetime.fromisoformat(iso).timestamp()


def every_case(backend: RunningBackend) -> list[dict]:
    """Every case the backend holds, page by page."""
    cases, token = [], None
    while True:
        page = backend.get("cases", page_size=1000, **({"page_token": token} if token else {}))
        cases += page["items"]
        token = page["next_page_token"]
        if not token:
            return cases


# Nodes of a case with no property under control or disposal (法〔2016〕373号 art. 1(3)).
NOTHING_TO_DISPOSE = {node for node, phase in PHASE_OF.items() if phase not in ("control", "disposal")}


def unmet(detail: dict) -> list[str]:
    """The 终本 conditions a case's detail says are unmet."""
    return [item["condition"] for item in detail["termination"]["checklist"] if item["state"] == "unmet"]


def owing(case: dict) -> bool:
    """Whether a case still owes: what credit punishment and 终本 are for."""
    return case["amount_sought"] > case["amount_realised"]


def meet_what_an_operator_can(backend, case_id: str) -> None:
    """Does each unmet condition but time: a national network query, or the act recorded."""
    for condition in unmet(backend.get(f"cases/{case_id}")):
        if condition == "network_investigation":
            body = {"case_id": case_id, "channel": "national", "categories": ["bank"]}
            assert backend.command("queries", body).status_code == 201
        elif condition != "three_months_since_filing":
            act = "applicant_interview" if condition == "applicant_interviewed" else condition
            assert backend.command(f"cases/{case_id}/acts", {"act": act}).status_code == 201


def open_enforcement_cases(backend) -> list[dict]:
    return [c for c in every_case(backend) if c["status"] == "open" and c["kind"] != "preservation"]


def read_events(backend: RunningBackend, headers: dict, count: int, last_event_id: int | None = None) -> list[SseEvent]:
    """Reads `count` events from the stream (blocking on the live feed), then hangs up."""
    if last_event_id is not None:
        headers = {**headers, "Last-Event-ID": str(last_event_id)}
    parser, events = SseParser(), []
    with requests.get(backend.api("events"), headers=headers, stream=True, timeout=(5, 30)) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        for chunk in response.iter_content(chunk_size=None):
            events.extend(parser.feed(chunk))
            if len(events) >= count:
                return events[:count]
    raise AssertionError(f"the stream ended after {len(events)} events")


def start_backend(*options: str, **settings) -> RunningBackend:
    """A reference backend of its own (`court-backend` `options` and `EmbeddedBackend` `settings`)."""
    process = EmbeddedBackend(options=options, **{"seed": SEED, "cases": CASES, **settings})
    process.start()
    return RunningBackend(process, process.wait_ready())


def start_stepped_backend(*options: str, **settings) -> RunningBackend:
    return start_backend("--stepped-clock", *options, **settings)


# What any client holds of the teams: a snapshot, then the stream applied to it.


def snapshot(backend, headers) -> tuple[dict[str, dict], int]:
    body = requests.get(backend.api("teams"), params={"page_size": 1000}, headers=headers, timeout=10).json()
    return {t["id"]: t for t in body["items"]}, body["cursor"]


def apply(teams: dict[str, dict], events) -> None:
    """What any client does with the stream: positions and statuses replace the old values."""
    for event in events:
        payload = json.loads(event.data)
        if event.type == "team.position":
            team = teams[payload["team_id"]]
            team["position"] = {key: payload[key] for key in ("lon", "lat", "heading", "speed_kmh", "at")}
            team["version"] = payload["version"]
        elif event.type == "team.status":
            team = teams[payload["team_id"]]
            team["status"], team["status_since"], team["version"] = (
                payload["status"],
                payload["since"],
                payload["version"],
            )
            team["task_id"] = payload["task_id"]
