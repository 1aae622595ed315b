"""Whatever a client sends, the backend answers with a problem document and a 4xx, never a 500,
and a command's checks come in the order a client can act on."""

from __future__ import annotations

import json
import uuid

import pytest
import requests

from tests.support.contract import an_open_case, standby_team


def is_problem(response: requests.Response, status: int) -> bool:
    return response.status_code == status and response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("if_match", ['"\xb2"', '"' + "9" * 5000 + '"', 'W/"1"', "*", "1", '"1', '"-1"', '"1.0"'])
def test_an_if_match_that_names_no_version_is_refused(backend, if_match):
    headers = {**backend.auth(), "Idempotency-Key": uuid.uuid4().hex, "If-Match": if_match}
    response = requests.post(backend.api("tasks/W000001/cancel"), json={}, headers=headers, timeout=10)
    assert is_problem(response, 422)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("audit", {"page_token": "9999999999999999999"}),
        ("audit", {"page_token": "-1"}),
        ("audit", {"page_token": "99999999"}),
        ("audit", {"page_token": "000001"}),
        ("cases", {"page_token": "!!"}),
        ("cases", {"page_token": "K999999"}),
        ("tasks", {"page_token": "99999999999999999999999"}),
        ("teams", {"page_token": "T9999"}),
        ("teams", {"status": "bogus"}),
    ],
)
def test_a_page_token_or_filter_this_backend_never_issued_is_refused(backend, path, params):
    assert is_problem(requests.get(backend.api(path), params=params, headers=backend.auth(), timeout=10), 422)


def test_pages_are_keyed_by_the_last_object_shown(backend):
    court_id = backend.get("tasks", page_size=1)["items"][0]["court_id"]  # a court with a task
    every = backend.get("tasks", court_id=court_id, page_size=1000)["items"]
    assert every and {t["court_id"] for t in every} == {court_id}
    first = backend.get("tasks", court_id=court_id, page_size=1)
    if len(every) > 1:
        assert first["next_page_token"] == every[0]["id"]
        assert backend.get("tasks", court_id=court_id, page_size=1000, page_token=every[0]["id"])["items"] == every[1:]


def test_an_observer_is_refused_before_anything_else_is_checked(backend):
    response = requests.post(
        backend.api("tasks"),
        json={"case_id": "K000001", "team_id": "T0001", "kind": "notice"},
        headers=backend.auth("observer"),
        timeout=10,
    )
    assert is_problem(response, 403)


def test_the_same_json_however_written_is_the_same_request(stepped_backend):
    team = standby_team(stepped_backend)
    key = uuid.uuid4().hex
    first = stepped_backend.command(f"teams/{team['id']}/messages", {"text": "原地待命"}, key=key)
    headers = {**stepped_backend.auth(), "Idempotency-Key": key, "Content-Type": "application/json"}
    again = requests.post(
        stepped_backend.api(f"teams/{team['id']}/messages"),
        data='{ "text" : "原地待命" }'.encode(),
        headers=headers,
        timeout=10,
    )
    reordered = {"case_id": an_open_case(stepped_backend)["id"], "channel": "national", "categories": ["bank"]}
    query_key = uuid.uuid4().hex
    launched = stepped_backend.command("queries", reordered, key=query_key)
    relaunched = requests.post(
        stepped_backend.api("queries"),
        data=json.dumps(dict(reversed(reordered.items()))).encode(),
        headers={**headers, "Idempotency-Key": query_key},
        timeout=10,
    )
    assert launched.status_code == relaunched.status_code == 201 and relaunched.json()["id"] == launched.json()["id"]
    assert first.status_code == again.status_code == 201 and again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"


def test_a_body_too_large_is_413_before_it_is_read(backend):
    headers = {**backend.auth(), "Idempotency-Key": uuid.uuid4().hex, "Content-Type": "application/json"}
    body = b'{"text": "' + b"x" * 2_000_000 + b'"}'
    declared = requests.post(backend.api("teams/T0001/messages"), data=body, headers=headers, timeout=30)
    chunked = requests.post(
        backend.api("teams/T0001/messages"), data=iter([body[:100_000], body[100_000:]]), headers=headers, timeout=30
    )  # a generator: sent in chunks, no length declared
    assert is_problem(declared, 413) and is_problem(chunked, 413)


def test_a_chunked_body_within_the_limit_is_read_whole(stepped_backend):
    headers = {**stepped_backend.auth(), "Idempotency-Key": uuid.uuid4().hex, "Content-Type": "application/json"}
    response = requests.post(
        stepped_backend.api("teams/T0001/messages"),
        data=iter([b'{"text": ', rb'"\u5206\u5757"}']),
        headers=headers,
        timeout=10,
    )
    assert response.status_code == 201 and response.json()["text"] == "分块"


@pytest.mark.parametrize(
    ("path", "allowed"), [("tasks", "GET, POST"), ("teams", "GET"), ("tasks/W000001/cancel", "POST")]
)
def test_a_method_not_allowed_names_every_method_of_the_path(backend, path, allowed):
    response = requests.delete(backend.api(path), headers=backend.auth(), timeout=10)
    assert is_problem(response, 405) and response.headers["allow"] == allowed
