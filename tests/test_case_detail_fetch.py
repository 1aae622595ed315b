"""Fetching a case's detail (node history and audit trail) as a followed backend's link would."""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer

import pytest

from console.api import ApiError, AuthFailed
from console.case_detail import fetch_case_detail
from console.profiles import InsecureTransport
from console.session import BackendSession, Credentials, Endpoint
from tests.support.stand_in import StandIn


def session_of(running, password: str | None = None, name: str = "b") -> BackendSession:
    return BackendSession(
        name, Endpoint(running.url, Credentials("operator", password or running.password_of("operator")))
    )


def stand_in_session(url: str) -> BackendSession:
    return BackendSession("g", Endpoint(url, Credentials("operator", "x")))


def first_case(running, **filters) -> dict:
    return running.get("cases", page_size=1, **filters)["items"][0]


def test_a_case_detail_holds_the_node_history_as_the_backend_gives_it(backend):
    record = first_case(backend, status="open")
    detail = fetch_case_detail(session_of(backend), record["id"])
    expected = backend.get(f"cases/{record['id']}")
    assert detail.backend == "b"
    assert detail.case.number == expected["number"]
    assert [v.node for v in detail.history] == [v["node"] for v in expected["history"]]
    assert [v.overdue for v in detail.history] == [v["overdue"] for v in expected["history"]]
    current = detail.history[-1]
    assert current.node == detail.case.node and current.left_at is None


def test_the_audit_trail_shows_a_command_on_the_case(stepped_backend):
    case_id = first_case(stepped_backend, status="open")["id"]
    launched = stepped_backend.command("queries", {"case_id": case_id, "channel": "national", "categories": ["bank"]})
    assert launched.status_code == 201, launched.text
    detail = fetch_case_detail(session_of(stepped_backend, name="stepped"), case_id)
    entry = next(e for e in detail.audit if e.object_id == launched.json()["id"])
    assert (entry.actor, entry.action, entry.object_type, entry.case_id) == (
        "operator",
        "launch_query",
        "query",
        case_id,
    )
    assert entry.request["channel"] == "national"
    assert [e.id for e in detail.audit] == sorted(e.id for e in detail.audit)


def test_one_login_serves_every_fetch_until_its_token_is_refused(backend):
    session = session_of(backend)
    for record in backend.get("cases", page_size=3)["items"]:
        fetch_case_detail(session, record["id"])
    assert session.logins == 1
    client = session.client()
    token, fresh = session.sign_in(client)
    client.close()
    assert not fresh
    session.forget(token)  # as when the backend refuses it
    fetch_case_detail(session, first_case(backend)["id"])
    assert session.logins == 2


def test_refusals_come_out_as_errors_that_say_why(backend):
    with pytest.raises(ApiError) as unknown:
        fetch_case_detail(session_of(backend), "no-such-case")
    assert unknown.value.status == 404
    with pytest.raises(AuthFailed) as refused:
        fetch_case_detail(session_of(backend, "wrong password"), first_case(backend)["id"])
    assert "wrong password" not in str(refused.value)
    with pytest.raises(InsecureTransport):
        fetch_case_detail(stand_in_session("http://192.0.2.1:8000"), "c")


VERIFIED = {
    "ok": True,
    "entries": 0,
    "verified_to": None,
    "broken_id": None,
    "head": "0" * 64,
    "checked_at": "2026-11-27T03:00:00.000Z",
}


class Garbling(StandIn):
    """Answers a login, and a case detail as `body` says."""

    body: dict = {}

    def do_GET(self) -> None:
        if self.answered_health():
            return
        if self.path.startswith("/api/v1/audit/verification"):
            self._json(self.body.get("verification", VERIFIED))
        elif self.path.startswith("/api/v1/audit"):
            self._json({"items": self.body.get("audit", []), "next_page_token": None})
        else:
            self._json(self.body["case"])


@pytest.fixture
def garbling():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Garbling)
    thread = threading.Thread(target=server.serve_forever, name="garbling-backend", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.mark.parametrize(
    "garble",
    [
        lambda case: {**case, "history": [{**case["history"][0], "entered_at": "yesterday"}]},
        lambda case: {**case, "history": "none"},
        lambda case: {key: value for key, value in case.items() if key != "history"},
        lambda case: {**case, "status": "pending"},
        lambda case: {**case, "id": "another-case"},
    ],
)
def test_a_malformed_detail_is_refused_with_a_clear_error(backend, garbling, garble):
    case = backend.get(f"cases/{first_case(backend)['id']}")
    Garbling.body = {"case": garble(case)}
    with pytest.raises(ApiError, match=f"case {case['id']}"):
        fetch_case_detail(stand_in_session(garbling), case["id"])


def test_an_audit_entry_of_another_case_is_refused(backend, garbling):
    case = backend.get(f"cases/{first_case(backend)['id']}")
    stranger = {
        "id": 1,
        "at": "2026-11-27T03:00:00Z",
        "actor": "operator",
        "action": "launch_query",
        "object_type": "query",
        "object_id": "Q1",
        "case_id": "another-case",
        "before": None,
        "after": {},
        "request": {},
    }
    Garbling.body = {"case": case, "audit": [stranger]}
    with pytest.raises(ApiError, match="another-case"):
        fetch_case_detail(stand_in_session(garbling), case["id"])
    Garbling.body = {"case": case, "audit": [{**stranger, "case_id": case["id"], "request": "launch"}]}
    with pytest.raises(ApiError, match="request"):
        fetch_case_detail(stand_in_session(garbling), case["id"])


def test_a_malformed_audit_verification_is_refused_and_a_tampered_entry_is_named(backend, garbling):
    case = backend.get(f"cases/{first_case(backend)['id']}")
    Garbling.body = {"case": case, "verification": {**VERIFIED, "ok": "yes"}}
    with pytest.raises(ApiError, match="'ok'"):
        fetch_case_detail(stand_in_session(garbling), case["id"])
    entry = backend.get("audit", username="supervisor", page_size=1)["items"][0]
    Garbling.body = {"case": case, "audit": [{**entry, "case_id": case["id"], "actor": "someone-else"}]}
    assert fetch_case_detail(stand_in_session(garbling), case["id"]).mismatch == entry["id"]
