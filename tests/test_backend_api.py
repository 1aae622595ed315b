"""The reference backend over HTTP, as any client sees it: auth, courts, teams, the event stream."""

from __future__ import annotations

import json

import pytest
import requests

from court_backend.geography import load_divisions
from tests.support.backends import read_events

SICHUAN = (97.3, 26.0, 108.6, 34.4)  # west, south, east, north


def test_health_needs_no_token(backend):
    response = requests.get(backend.api("health"), timeout=10)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.parametrize("path", ["courts", "teams", "events"])
@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic b3BlcmF0b3I6eA==", "Bearer"])
def test_every_other_endpoint_needs_a_valid_token(backend, path, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    response = requests.get(backend.api(path), headers=headers, timeout=10)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["type"].endswith(":unauthorized")


@pytest.mark.parametrize("username", ["operator", "supervisor", "president", "observer", "admin"])
def test_demo_accounts_log_in_with_their_role(backend, username):
    response = requests.post(
        backend.api("auth/token"), json={"username": username, "password": backend.password_of(username)}, timeout=10
    )
    body = response.json()
    assert response.status_code == 200
    assert body["token_type"] == "bearer" and body["role"] == username
    assert body["expires_in"] > 0 and len(body["access_token"]) >= 32


@pytest.mark.parametrize(
    "credentials",
    [
        {"username": "operator", "password": "wrong"},
        {"username": "nobody", "password": "whatever"},
    ],
)
def test_wrong_credentials_are_refused(backend, credentials):
    response = requests.post(backend.api("auth/token"), json=credentials, timeout=10)
    assert response.status_code == 401
    assert response.json()["type"].endswith(":invalid-credentials")


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"username": "operator"}', b'{"username": 1, "password": 2}'])
def test_a_malformed_login_is_a_422_problem(backend, body):
    response = requests.post(
        backend.api("auth/token"), data=body, headers={"content-type": "application/json"}, timeout=10
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_courts_are_sichuans_211_on_their_divisions(backend):
    body = requests.get(backend.api("courts"), headers=backend.auth(), timeout=10).json()
    courts = body["items"]
    assert isinstance(body["cursor"], int)
    assert len(courts) == 211
    levels = [c["level"] for c in courts]
    assert levels.count("high") == 1 and levels.count("intermediate") == 22 and levels.count("basic") == 188
    divisions = load_divisions()
    for court in courts:
        if court["level"] == "basic" and court["id"] == f"C{court['adcode']}":
            assert divisions[court["adcode"]].contains(court["lon"], court["lat"]), court["name"]
    assert "四川省高级人民法院" in {c["name"] for c in courts}


def test_teams_page_through_the_whole_list(backend):
    headers = backend.auth("observer")
    everything = requests.get(backend.api("teams"), params={"page_size": 1000}, headers=headers, timeout=10).json()
    assert len(everything["items"]) == 200
    pages, token = [], None
    while True:
        params = {"page_size": 64, **({"page_token": token} if token else {})}
        body = requests.get(backend.api("teams"), params=params, headers=headers, timeout=10).json()
        pages.append(body["items"])
        token = body["next_page_token"]
        if token is None:
            break
    assert [len(p) for p in pages] == [64, 64, 64, 8]
    assert [t["id"] for p in pages for t in p] == [t["id"] for t in everything["items"]]
    statuses = {"standby", "en_route", "on_scene", "operating", "returning", "off_duty", "emergency"}
    for team in everything["items"]:
        assert team["status"] in statuses
        assert SICHUAN[0] < team["position"]["lon"] < SICHUAN[2] and SICHUAN[1] < team["position"]["lat"] < SICHUAN[3]


def test_events_have_increasing_ids_types_and_json(backend):
    events = read_events(backend, backend.auth(), 50)
    ids = [int(e.id) for e in events]
    assert ids == sorted(set(ids))
    published = set(requests.get(backend.api("openapi.json"), timeout=10).json()["x-event-types"])
    for event in events:
        assert event.type in published
        assert isinstance(json.loads(event.data), dict)
        if event.type.startswith("team."):
            assert isinstance(json.loads(event.data)["team_id"], str)


def test_resume_from_last_event_id_loses_and_repeats_nothing(backend):
    headers = backend.auth()
    first = read_events(backend, headers, 120)
    resume_from = int(first[39].id)
    resumed = read_events(backend, headers, 200, last_event_id=resume_from)
    resumed_ids = [int(e.id) for e in resumed]
    # Every event after the resume point, once and in order: ids are consecutive from there.
    assert resumed_ids == list(range(resume_from + 1, resume_from + 201))
    # And they are the same events as the first reading saw, not new ones with the same numbers.
    assert [(e.type, e.data) for e in resumed[:80]] == [(e.type, e.data) for e in first[40:120]]


def test_an_empty_last_event_id_is_no_resume_point(backend):
    headers = {**backend.auth(), "Last-Event-ID": ""}
    with requests.get(backend.api("events"), headers=headers, stream=True, timeout=10) as response:
        assert response.status_code == 200


@pytest.mark.parametrize(
    ("last_event_id", "status"),
    [("abc", 422), ("-3", 422), ("+5", 422), ("1_000", 422), ("\xb2", 422), ("9" * 5000, 422), ("999999999", 410)],
)
def test_a_resume_point_the_backend_cannot_honour_is_refused(backend, last_event_id, status):
    headers = {**backend.auth(), "Last-Event-ID": last_event_id}
    response = requests.get(backend.api("events"), headers=headers, timeout=10)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"


def test_unknown_paths_are_problems_too(backend):
    response = requests.get(backend.api("nowhere"), timeout=10)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
