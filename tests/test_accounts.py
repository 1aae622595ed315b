"""Accounts, as the people who run a backend meet them: made with `court-backend users` on the data
directory of a running backend, each with a password of its own, disabled and reset there with
immediate effect on the sessions already open."""

from __future__ import annotations

import http.client
import json
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from court_backend.accounts import DEMO_ACCOUNTS, DEMO_FILE, FIRST_LOCK_S, FREE_FAILURES, MAX_LOCK_S, Accounts
from court_backend.problems import Problem
from court_backend.storage import DATABASE_FILE, connect
from tests.support.backends import start_backend

PASSWORD = "correct horse battery staple"


def users(data: Path, *args: str, password: str | None = None) -> subprocess.CompletedProcess:
    """`court-backend users ARGS --data DATA`, with `password` on standard input."""
    return subprocess.run(
        [sys.executable, "-m", "court_backend", "users", *args, "--data", str(data)],
        input=f"{password}\n" if password is not None else "",
        capture_output=True,
        text=True,
        timeout=60,
    )


def login(backend, username: str, password: str) -> requests.Response:
    return requests.post(backend.api("auth/token"), json={"username": username, "password": password}, timeout=10)


@pytest.fixture(scope="module")
def own_backend(tmp_path_factory):
    """A backend on a data directory whose accounts the CLI made before it started, and makes while it runs."""
    data = tmp_path_factory.mktemp("accounts") / "data"
    made = users(data, "add", "wang.fang", "--role", "operator", "--court", "C510100", password=PASSWORD)
    assert made.returncode == 0, made.stderr
    running = start_backend(data_dir=data)
    running.data = data
    yield running
    running.process.close()


def test_a_user_made_with_the_cli_signs_in_with_their_own_password(own_backend):
    answer = login(own_backend, "wang.fang", PASSWORD)
    assert answer.status_code == 200, answer.text
    me = requests.get(
        own_backend.api("me"), headers={"Authorization": f"Bearer {answer.json()['access_token']}"}, timeout=10
    ).json()
    assert (me["username"], me["role"], me["court_id"]) == ("wang.fang", "operator", "C510100")


def test_the_cli_lists_the_accounts_and_refuses_what_is_not_valid(own_backend):
    listed = users(own_backend.data, "list")
    assert listed.returncode == 0 and "wang.fang\twang.fang\toperator\tC510100" in listed.stdout
    assert "enabled" in listed.stdout
    for args, password, why in (
        (("add", "wang.fang", "--role", "operator"), PASSWORD, "already an account wang.fang"),
        (("add", "li.ming", "--role", "operator"), "too short", "15 to 256 characters"),
        (("add", "li.ming", "--role", "operator", "--court", "C999999"), PASSWORD, "no court C999999"),
        (("add", "-bad name", "--role", "observer"), PASSWORD, "a username has"),
        (("disable", "nobody"), None, "no account nobody"),
    ):
        refused = users(own_backend.data, *args, password=password)
        assert refused.returncode != 0 and why in refused.stderr, (args, refused.stderr)
        assert PASSWORD not in refused.stdout + refused.stderr
    assert "li.ming" not in users(own_backend.data, "list").stdout
    courts = subprocess.run(
        [sys.executable, "-m", "court_backend", "users", "courts"], capture_output=True, text=True, timeout=60
    )
    assert "C510100\tintermediate\t四川省成都市中级人民法院" in courts.stdout and len(courts.stdout.splitlines()) == 211


def test_one_users_password_does_not_open_another_account(own_backend):
    assert users(own_backend.data, "add", "zhao.lei", "--role", "observer", password=PASSWORD + "!").returncode == 0
    refused = login(own_backend, "zhao.lei", PASSWORD)
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"].endswith(":invalid-credentials")
    assert login(own_backend, "nobody", PASSWORD).json()["type"].endswith(":invalid-credentials")
    assert login(own_backend, "zhao.lei", PASSWORD + "!").status_code == 200


def test_disabling_an_account_ends_its_sessions_at_once(own_backend):
    assert users(own_backend.data, "add", "sun.li", "--role", "operator", password=PASSWORD).returncode == 0
    token = login(own_backend, "sun.li", PASSWORD).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert requests.get(own_backend.api("me"), headers=headers, timeout=10).status_code == 200

    assert users(own_backend.data, "disable", "sun.li").returncode == 0
    assert requests.get(own_backend.api("me"), headers=headers, timeout=10).status_code == 401
    refused = login(own_backend, "sun.li", PASSWORD)
    assert refused.status_code == 403 and refused.json()["type"].endswith(":account-disabled")
    assert "sun.li\tsun.li\toperator\tC510000" in users(own_backend.data, "list").stdout
    assert "disabled" in users(own_backend.data, "list").stdout

    assert users(own_backend.data, "enable", "sun.li").returncode == 0
    assert login(own_backend, "sun.li", PASSWORD).status_code == 200
    assert requests.get(own_backend.api("me"), headers=headers, timeout=10).status_code == 401  # ended for good


def test_a_new_password_ends_the_sessions_and_the_old_password(own_backend):
    assert users(own_backend.data, "add", "zhou.yu", "--role", "supervisor", password=PASSWORD).returncode == 0
    token = login(own_backend, "zhou.yu", PASSWORD).json()["access_token"]

    reset = users(own_backend.data, "reset-password", "zhou.yu", password=PASSWORD + " two")
    assert reset.returncode == 0, reset.stderr
    assert (
        requests.get(own_backend.api("me"), headers={"Authorization": f"Bearer {token}"}, timeout=10).status_code == 401
    )
    assert login(own_backend, "zhou.yu", PASSWORD).status_code == 401
    assert login(own_backend, "zhou.yu", PASSWORD + " two").status_code == 200


def test_an_admin_manages_accounts_and_reads_no_casework(backend):
    headers = backend.auth("admin")
    assert requests.get(backend.api("me"), headers=headers, timeout=10).json()["permissions"] == []
    for path in ("cases", "teams", "escalations", "audit", "events"):
        refused = requests.get(backend.api(path), headers=headers, timeout=10)
        assert refused.status_code == 403, path
        assert refused.headers["content-type"] == "application/problem+json"


def test_the_demo_accounts_each_have_a_password_of_their_own_that_only_the_owner_reads(backend):
    data = backend.process.data_dir
    passwords = json.loads((data / DEMO_FILE).read_text(encoding="utf-8"))
    assert sorted(passwords) == sorted(username for username, _, _ in DEMO_ACCOUNTS)
    assert len(set(passwords.values())) == len(passwords)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for name in (DEMO_FILE, DATABASE_FILE):
        assert stat.S_IMODE((data / name).stat().st_mode) == 0o600, name


def login_from(backend, address: str, username: str, password: str) -> tuple[int, Message, dict]:
    """Signs in from `address` (any of loopback's 127.0.0.0/8): the status, headers and body."""
    where = urlsplit(backend.url)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=10, source_address=(address, 0))
    try:
        body = json.dumps({"username": username, "password": password})
        connection.request("POST", "/api/v1/auth/token", body=body, headers={"Content-Type": "application/json"})
        answer = connection.getresponse()
        return answer.status, answer.headers, json.loads(answer.read())
    finally:
        connection.close()


def test_an_account_that_fails_five_times_waits_from_any_address(own_backend):
    for name in ("qian.bo", "kong.yi"):
        assert users(own_backend.data, "add", name, "--role", "operator", password=PASSWORD).returncode == 0
    for attempt in range(FREE_FAILURES):
        assert login_from(own_backend, f"127.0.1.{attempt + 1}", "qian.bo", "guess")[0] == 401
    status, headers, body = login_from(own_backend, "127.0.1.99", "qian.bo", PASSWORD)
    assert status == 429 and body["type"].endswith(":throttled")
    assert 0 < int(headers["Retry-After"]) <= FIRST_LOCK_S
    assert login_from(own_backend, "127.0.1.99", "kong.yi", PASSWORD)[0] == 200


def test_an_address_that_fails_five_times_waits_for_any_account(own_backend):
    assert users(own_backend.data, "add", "tang.wei", "--role", "operator", password=PASSWORD).returncode == 0
    for attempt in range(FREE_FAILURES):
        assert login_from(own_backend, "127.0.2.1", f"guess{attempt}", "guess")[0] == 401
    assert login_from(own_backend, "127.0.2.1", "tang.wei", PASSWORD)[0] == 429
    status, _, body = login_from(own_backend, "127.0.2.2", "tang.wei", PASSWORD)
    assert status == 200
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    entries = requests.get(own_backend.api("audit"), params={"actor": "tang.wei"}, headers=headers, timeout=10).json()
    throttled = [entry for entry in entries["items"] if entry["outcome"] == "throttled"]
    assert [entry["request"] for entry in throttled] == [{"address": "127.0.2.1"}]


def test_guesses_sent_all_at_once_are_counted_at_once(own_backend):
    assert users(own_backend.data, "add", "burst.target", "--role", "operator", password=PASSWORD).returncode == 0
    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(
            pool.map(lambda n: login_from(own_backend, "127.0.3.1", "burst.target", f"guess{n}")[0], range(20))
        )
    assert statuses.count(401) == FREE_FAILURES and statuses.count(429) == 20 - FREE_FAILURES


def test_each_new_failure_after_a_wait_doubles_the_next_up_to_an_hour(tmp_path, monkeypatch):
    accounts = Accounts(connect(tmp_path))
    wall = [1_000_000.0]
    monkeypatch.setattr(time, "time", lambda: wall[0])

    def attempt() -> int | None:
        """An attempt that fails (or the wait it is told)."""
        try:
            accounts.attempt("someone", "10.0.0.1")
        except Problem as refused:
            return int(refused.headers["Retry-After"])
        return None

    assert [attempt() for _ in range(FREE_FAILURES)] == [None] * FREE_FAILURES
    waits = []
    for _ in range(12):
        waits.append(attempt())
        wall[0] += waits[-1]
        assert attempt() is None  # waited out: this one is counted, and the next wait doubles
    assert waits[:4] == [FIRST_LOCK_S, 2 * FIRST_LOCK_S, 4 * FIRST_LOCK_S, 8 * FIRST_LOCK_S]
    assert waits[-1] == MAX_LOCK_S


def test_signing_out_refuses_the_token_and_ends_its_streams(backend):
    token = login(backend, "operator2", backend.password_of("operator2")).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    with requests.get(backend.api("events"), headers=headers, stream=True, timeout=(5, 30)) as stream:
        assert stream.status_code == 200
        assert requests.post(backend.api("auth/logout"), headers=headers, timeout=10).status_code == 204
        for _ in stream.iter_content(chunk_size=None):
            pass  # the backend ends the stream within seconds: a hang fails on the read timeout
    refused = requests.get(backend.api("me"), headers=headers, timeout=10)
    assert refused.status_code == 401 and refused.headers["content-type"] == "application/problem+json"


def test_a_forged_or_tampered_token_is_refused_and_audited_without_flooding_the_log(own_backend):
    assert users(own_backend.data, "add", "audit.reader", "--role", "observer", password=PASSWORD).returncode == 0
    token = login_from(own_backend, "127.0.4.1", "audit.reader", PASSWORD)[2]["access_token"]
    where = urlsplit(own_backend.url)
    for forged in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "x" * 43, "y" * 43):
        connection = http.client.HTTPConnection(where.hostname, where.port, timeout=10, source_address=("127.0.4.2", 0))
        connection.request("GET", "/api/v1/me", headers={"Authorization": f"Bearer {forged}"})
        refused = connection.getresponse()
        assert refused.status == 401 and json.loads(refused.read())["type"].endswith(":unauthorized")
        connection.close()
    headers = {"Authorization": f"Bearer {token}"}
    entries = requests.get(own_backend.api("audit"), params={"actor": "unknown"}, headers=headers, timeout=10).json()
    from_there = [e for e in entries["items"] if e["request"]["address"] == "127.0.4.2"]
    assert [(e["outcome"], e["request"]["refused_since_last_entry"]) for e in from_there] == [("invalid-token", 0)]
