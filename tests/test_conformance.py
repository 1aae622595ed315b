"""The conformance kit: it passes the reference backend, and each check fails on a backend that
breaks what it checks (the reference backend behind a proxy that breaks one thing)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from court_backend.conformance import Conformance
from tests.support.contract import open_escalation

SILENCE_S = 17.0  # beyond the 15 s a client may be left without a byte on a stream
PASSED_THROUGH = ("content-type", "etag", "www-authenticate", "retry-after", "idempotent-replayed")


class Breaking(BaseHTTPRequestHandler):
    """Forwards to the reference backend, and breaks what `fault` says."""

    upstream = ""
    fault = ""
    last_token = ""
    hung_up = threading.Event()  # set as the proxy closes: a silent stream ends with it

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if Breaking.fault == "any body taken" and len(body) > 64 * 1024:
            self._answer(201, {"content-type": "application/json"}, b"{}")
            return
        self._forward("POST", body)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path == "/api/v1/events" and Breaking.fault in ("ids go back", "unknown event type", "silent stream"):
            self._canned_stream()
        elif path.startswith("/api/v1/no-such") and Breaking.fault == "plain 404":
            self._answer(404, {"content-type": "text/plain"}, b"not found")
        elif (
            path == "/api/v1/events"
            and Breaking.fault == "no 410"
            and int(self.headers.get("Last-Event-ID", "0")) > 10**8
        ):
            self._answer(200, {"content-type": "text/event-stream"}, b": nothing\n\n")
        else:
            self._forward("GET", None)

    def _forward(self, method: str, body: bytes | None) -> None:
        forwarded = ("authorization", "content-type", "last-event-id", "idempotency-key", "if-match")
        if Breaking.fault == "keys dropped":
            forwarded = tuple(name for name in forwarded if name != "idempotency-key")
        if Breaking.fault == "if-match ignored":
            forwarded = tuple(name for name in forwarded if name != "if-match")
        headers = {k: v for k, v in self.headers.items() if k.lower() in forwarded}
        if "authorization" in (k.lower() for k in headers):
            Breaking.last_token = self.headers["Authorization"]
        elif Breaking.fault == "anyone in" and Breaking.last_token:
            headers["Authorization"] = Breaking.last_token  # the last caller's token, for one with none
        path = self.path
        if Breaking.fault == "filter ignored" and path.startswith("/api/v1/teams?") and "status=" in path:
            path = re.sub(
                r"status=\w+", lambda m: "status=standby" if "emergency" in m[0] else "status=emergency", path
            )
        if Breaking.fault == "pages repeat" and "page_token=" in path and path.startswith("/api/v1/teams"):
            path = path.split("page_token=")[0]  # page 2 is page 1 again
        answer = requests.request(method, Breaking.upstream + path, data=body, headers=headers, stream=True, timeout=30)
        kept = {k: v for k, v in answer.headers.items() if k.lower() in PASSED_THROUGH}
        if Breaking.fault == "no etag":
            kept.pop("etag", None)
            kept.pop("ETag", None)
        if answer.headers.get("content-type", "").startswith("text/event-stream"):
            self._relay(answer, kept)
            return
        content = answer.content
        if path.startswith("/api/v1/health") and Breaking.fault == "old major":
            content = json.dumps({**json.loads(content), "api_version": "2.0"}).encode()
        if path.startswith("/api/v1/me") and Breaking.fault == "me without permissions" and answer.status_code == 200:
            content = json.dumps({k: v for k, v in json.loads(content).items() if k != "permissions"}).encode()
        if path == "/api/v1/auth/token" and Breaking.fault == "any password" and answer.status_code == 401:
            token = {"access_token": "let-in", "token_type": "bearer", "role": "observer", "expires_in": 60}
            answer.status_code, content, kept = 200, json.dumps(token).encode(), {"content-type": "application/json"}
        if path.startswith("/api/v1/kpis") and Breaking.fault == "kpis without a field":
            content = json.dumps({k: v for k, v in json.loads(content).items() if k != "open_cases"}).encode()
        if path.startswith("/api/v1/findings?") and Breaking.fault == "a finding out of the catalogue":
            page = json.loads(content)
            page["items"][0]["situation"] = 26
            content = json.dumps(page).encode()
        if path.startswith("/api/v1/indicators") and Breaking.fault == "a rate not its counts":
            figures = json.loads(content)
            rates = figures["courts"][0]["rates"]
            rates["overall_closure"] = 0.5 if rates["overall_closure"] is None else None
            content = json.dumps(figures).encode()
        if path.startswith("/api/v1/audit?") and Breaking.fault == "audit rewritten" and answer.status_code == 200:
            page = json.loads(content)
            page["items"][0]["actor"] = "someone else"
            content = json.dumps(page).encode()
        if "/messages" in path and Breaking.fault == "message unreadable" and answer.status_code == 201:
            content = json.dumps({k: v for k, v in json.loads(content).items() if k != "text"}).encode()
        self._answer(answer.status_code, kept, content)

    def _answer(self, status: int, headers: dict, content: bytes) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def _relay(self, answer: requests.Response, headers: dict) -> None:
        self.send_response(answer.status_code)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        try:
            for chunk in answer.iter_content(chunk_size=None):
                self.wfile.write(chunk)
                self.wfile.flush()
        except OSError:
            pass  # the kit hung up
        finally:
            answer.close()

    def _canned_stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        if Breaking.fault == "silent stream":
            Breaking.hung_up.wait(SILENCE_S)  # says nothing for longer than a client may be left
            return
        unknown = Breaking.fault == "unknown event type"
        kind = "team.teleported" if unknown else "team.position"
        for offset in (5, 6, 7, 8, 9) if unknown else (5, 4, 6, 7, 8):
            event_id = 10**9 + offset
            self.wfile.write(f"event: {kind}\ndata: {{}}\nid: {event_id}\n\n".encode())
        self.wfile.flush()


@pytest.fixture(scope="module")
def breaking(backend):
    Breaking.upstream = backend.url
    server = ThreadingHTTPServer(("127.0.0.1", 0), Breaking)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="breaking-proxy", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    Breaking.hung_up.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_the_reference_backend_passes_every_check(backend, tmp_path):
    secret = tmp_path / "password"
    secret.write_text(backend.password_of("supervisor"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "court_backend", "conformance", backend.url, "--user", "supervisor"]
        + ["--password-file", str(secret), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0, done.stdout
    assert lines[-1] == {"passed": len(lines) - 1, "failed": 0} and len(lines) > 15


@pytest.mark.parametrize(
    ("fault", "check", "evidence"),
    [
        ("old major", "health and version", "'2.0'"),
        ("me without permissions", "who am I", "permissions"),
        ("pages repeat", "list teams", "a page again"),
        ("no etag", "one object and its ETag", "ETag None"),
        ("plain 404", "problems", "text/plain"),
        ("ids go back", "event stream", "strictly increase"),
        ("unknown event type", "event stream", "team.teleported"),
        ("silent stream", "keep-alive", "without a byte"),
        ("no 410", "resume and retention", "not 410"),
        ("keys dropped", "dispatch, once per key", "HTTP 400"),
        ("any password", "sign-in", "a wrong password: HTTP 200, not 401"),
        ("anyone in", "no token, no answer", "HTTP 200, not 401"),
        ("filter ignored", "filters", "teams?status="),
        ("message unreadable", "instruct a team", "the message: text"),
        ("kpis without a field", "kpis", "kpis: open_cases"),
        ("a finding out of the catalogue", "list findings", "situation"),
        ("a rate not its counts", "indicators", "overall_closure"),
        ("audit rewritten", "audit chain", "its hash is not the SHA-256"),
        ("any body taken", "body size limit", "HTTP 201, not 413"),
    ],
)
def test_each_check_fails_on_a_backend_that_breaks_it(backend, breaking, fault, check, evidence):
    Breaking.fault = fault
    try:
        kit = Conformance(breaking, "supervisor", backend.password_of("supervisor"), commands=True)
        results = {r.name: r for r in kit.run({check})}
    finally:
        Breaking.fault = ""
    assert not results[check].ok and evidence in results[check].evidence, results[check]
    assert all(result.ok for name, result in results.items() if name != check), results


def test_the_reference_backend_passes_the_command_checks(stepped_backend):
    open_escalation(stepped_backend)
    commands = {"dispatch, once per key", "instruct a team", "acknowledge at a version"}
    kit = Conformance(stepped_backend.url, "supervisor", stepped_backend.password_of("supervisor"), commands=True)
    results = {r.name: r for r in kit.run(commands)}
    assert commands <= set(results) and all(result.ok for result in results.values()), results


def test_acknowledging_fails_on_a_backend_that_ignores_if_match(stepped_backend, breaking):
    open_escalation(stepped_backend)
    upstream, Breaking.upstream, Breaking.fault = Breaking.upstream, stepped_backend.url, "if-match ignored"
    try:
        kit = Conformance(breaking, "supervisor", stepped_backend.password_of("supervisor"), commands=True)
        results = {r.name: r for r in kit.run({"acknowledge at a version"})}
    finally:
        Breaking.upstream, Breaking.fault = upstream, ""
    check = results["acknowledge at a version"]
    assert not check.ok and "an If-Match not current: HTTP 428, not 412" in check.evidence, check
