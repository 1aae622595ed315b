"""Backends that misbehave in ways an outside audit found: redirects, tokens refused after login, a
410 after every snapshot, pages that go round in a circle, numbers too big for a float, ids that go
back, duplicates in a snapshot. The console keeps its secrets, backs off, and keeps what is good."""

from __future__ import annotations

import json
import logging
import queue
import random
import socket
import threading
import time
from http.server import ThreadingHTTPServer

import pytest

from console.commands import Action, CommandChanged, CommandState, Subject
from console.outbox import CommandSender, Outbox, new_command
from console.paths import data_dir
from console.records import Collection
from console.session import BackendSession, Credentials, Endpoint
from console.store import Store
from console.sync import HealthChanged, LinkState, RecordDropped
from tests.support.links import new_link, pump
from tests.support.records import TEAM
from tests.support.stand_in import StandIn, event, position

EMPTY = {"items": [], "cursor": 0, "next_page_token": None}
ME = {"username": "operator", "role": "operator", "permissions": ["task.dispatch"], "limits": {}}


class Hostile(StandIn):
    """Answers as the test's `scenario` says; counts what it was asked."""

    scenario = ""
    asked: list[str] = []
    asked_elsewhere: list[str] = []  # of the server a redirect points to
    stop = threading.Event()

    def do_POST(self) -> None:
        if self.server.server_address[1] == Hostile.elsewhere_port:
            Hostile.asked_elsewhere.append(self.path)
        Hostile.asked.append("login")
        if Hostile.scenario == "redirect" and self.server.server_address[1] != Hostile.elsewhere_port:
            self.send_response(307)
            self.send_header("Location", f"http://127.0.0.1:{Hostile.elsewhere_port}/api/v1/auth/token")
            self.end_headers()
            return
        super().do_POST()

    def do_GET(self) -> None:
        if self.answered_health():
            return
        path = self.path.split("?")[0].removeprefix("/api/v1/")
        Hostile.asked.append(path)
        scenario = Hostile.scenario
        if path == "me":
            if scenario == "token refused":
                self._json({"title": "no"}, 401)
            elif scenario == "me fails once" and Hostile.asked.count("me") == 1:
                self._json({"title": "busy"}, 503)
            elif scenario == "me times out once" and Hostile.asked.count("me") == 1:
                Hostile.stop.wait(30.0)  # far beyond the client's read timeout
                self._json(ME)
            else:
                self._json(ME)
        elif path == "teams":
            if scenario == "busy" and Hostile.asked.count("teams") == 1:
                payload = json.dumps({"title": "busy"}).encode()
                self.send_response(503)
                self.send_header("Retry-After", "2")
                self.send_header("Content-Type", "application/problem+json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            elif scenario == "drip":
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                while not Hostile.stop.wait(0.2):  # a byte at a time, each well within the read timeout
                    self.wfile.write(b" ")
                    self.wfile.flush()
            elif scenario == "pages in a circle":
                self._json({"items": [TEAM], "cursor": 0, "next_page_token": "again"})
            elif scenario == "duplicates":
                self._json(
                    {
                        "items": [
                            {**TEAM, "version": 3},
                            {**TEAM, "version": 5, "status": "en_route"},
                            {**TEAM, "version": 4},
                        ],
                        "cursor": 0,
                        "next_page_token": None,
                    }
                )
            elif scenario == "poison":
                huge = {**TEAM, "id": "T9", "position": {**TEAM["position"], "lon": 10**400}}
                self._json({"items": [TEAM, huge], "cursor": 0, "next_page_token": None})
            else:
                self._json({"items": [TEAM, {**TEAM, "id": "T2"}], "cursor": 0, "next_page_token": None})
        elif path == "kpis":
            self._json({"computed_at": "yesterday"})  # dropped, and left out of the counts below
        elif path == "indicators":
            self._json({"title": "no such thing"}, 404)  # a backend before 1.5
        elif path == "events":
            self._events(scenario)
        else:
            self._json(EMPTY)

    def _events(self, scenario: str) -> None:
        if scenario == "gone":
            self._json({"title": "gone"}, 410)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        if scenario == "ids go back" and Hostile.asked.count("events") == 1:
            self.wfile.write(
                event(10**17, "team.position", position("T1", 104.2)) + event(5, "team.position", position("T1", 104.3))
            )
            return
        self.wfile.write(event(1, "team.position", position("T1", 104.5)))
        self.wfile.flush()
        while not Hostile.stop.wait(0.2):
            self.wfile.write(b": ping\n\n")
            self.wfile.flush()


def serve() -> tuple[ThreadingHTTPServer, threading.Thread]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    thread = threading.Thread(target=server.serve_forever, name="hostile-backend", daemon=True)
    thread.start()
    return server, thread


@pytest.fixture
def hostile():
    Hostile.asked, Hostile.asked_elsewhere, Hostile.stop = [], [], threading.Event()
    Hostile.api_version, Hostile.health_status = StandIn.api_version, StandIn.health_status
    servers = [serve(), serve()]  # the second is "another host" that a redirect points to
    Hostile.elsewhere_port = servers[1][0].server_address[1]
    sink: queue.SimpleQueue = queue.SimpleQueue()
    link = new_link("h", f"http://127.0.0.1:{servers[0][0].server_address[1]}", "operator", "s3cret", sink)
    store = Store()

    def run(scenario: str, until, timeout: float = 20.0) -> tuple[Store, list]:
        """Follows the stand-in as `scenario` until `until(store)`; the store, and the messages seen."""
        Hostile.scenario = scenario
        link.start()
        return store, pump(sink, store, until, timeout)

    yield run
    link.stop()
    Hostile.stop.set()
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(5)


def detail(store: Store) -> str:
    return store.health["h"].detail if "h" in store.health else ""


def drops(seen: list) -> list[str]:
    return [m.reason for m in seen if isinstance(m, RecordDropped) and not m.reason.startswith("kpis")]


def test_a_redirect_is_not_followed_so_the_password_goes_nowhere_else(hostile):
    store, _ = hostile("redirect", lambda s: "redirects are not followed" in detail(s))
    assert store.health["h"].state in (LinkState.RECONNECTING, LinkState.OFFLINE)
    assert Hostile.asked_elsewhere == []  # the host redirected to was never asked


def test_a_token_refused_just_after_login_is_retried_with_backoff_not_in_a_loop(hostile):
    store, seen = hostile("token refused", lambda s: Hostile.asked.count("login") >= 3)
    assert "refused the token it had just issued" in detail(store)
    # Every login after the first follows a reported, backed-off failure: none in a tight loop.
    retries = [m for m in seen if getattr(m, "state", None) in (LinkState.RECONNECTING, LinkState.OFFLINE)]
    assert Hostile.asked.count("login") <= len(retries) + 1


def test_a_410_just_after_a_snapshot_is_retried_with_backoff(hostile):
    store, _ = hostile("gone", lambda s: "are gone" in detail(s))
    assert store.health["h"].state in (LinkState.RECONNECTING, LinkState.OFFLINE)


def test_a_backend_of_another_major_version_is_refused_before_the_password_is_sent(hostile):
    Hostile.api_version = "2.0"
    store, _ = hostile("", lambda s: s.health.get("h") is not None and s.health["h"].state == LinkState.FAILED)
    assert "'2.0'" in detail(store) and "1.x" in detail(store)
    assert "login" not in Hostile.asked


def test_a_stalled_backend_that_says_its_version_is_followed(hostile):
    Hostile.health_status = 503
    store, _ = hostile("", lambda s: s.health.get("h") is not None and s.health["h"].state == LinkState.LIVE)
    assert [team.id for _, team in store.teams] == ["T1", "T2"]


def test_a_newer_minor_version_is_followed(hostile):
    Hostile.api_version = "1.9"
    store, _ = hostile("", lambda s: s.health.get("h") is not None and s.health["h"].state == LinkState.LIVE)
    assert [team.id for _, team in store.teams] == ["T1", "T2"]


def test_pages_that_go_round_in_a_circle_are_refused(hostile):
    store, _ = hostile("pages in a circle", lambda s: "round in a circle" in detail(s))
    assert not store.teams


def test_a_number_too_big_for_a_float_drops_its_record_only(hostile):
    store, seen = hostile("poison", lambda s: s.health.get("h") is not None and s.health["h"].state == LinkState.LIVE)
    assert [team.id for _, team in store.teams] == ["T1"] and len(drops(seen)) == 1


def test_a_passing_failure_of_me_is_retried_and_the_rights_arrive(hostile):
    store, _ = hostile("me fails once", lambda s: s.may("h", "task.dispatch"))
    # The token still holds: /me is asked again, no second login.
    assert Hostile.asked.count("login") == 1 and Hostile.asked.count("me") == 2


def test_a_timeout_on_me_asks_again(hostile, monkeypatch):
    monkeypatch.setattr("console.api.READ_TIMEOUT_S", 1.0)
    store, _ = hostile("me times out once", lambda s: s.may("h", "task.dispatch"))
    assert Hostile.asked.count("login") == 1 and Hostile.asked.count("me") == 2


def test_an_answer_that_drips_in_is_cut_off(hostile, monkeypatch):
    monkeypatch.setattr("console.api.MAX_ANSWER_S", 1.0)
    store, _ = hostile("drip", lambda s: "teams: an answer still arriving after 1 s" in detail(s))
    assert store.health["h"].state in (LinkState.RECONNECTING, LinkState.OFFLINE)


def test_a_busy_backend_is_left_alone_as_long_as_it_asks(hostile, caplog):
    with caplog.at_level(logging.INFO, logger="console.sync"):
        store, _ = hostile("busy", lambda s: s.health.get("h") is not None and s.health["h"].state == LinkState.LIVE)
    waits = [
        float(r.getMessage().rsplit(" in ", 1)[1].removesuffix(" s"))
        for r in caplog.records
        if "reconnecting in" in r.getMessage()
    ]
    assert len(waits) == 1 and waits[0] >= 2.0 and Hostile.asked.count("teams") == 2


def test_ids_that_go_back_are_told_and_a_fresh_snapshot_is_taken(hostile):
    store, seen = hostile("ids go back", lambda s: (p := s.position("h", "T1")) is not None and p.lon == 104.5)
    assert drops(seen) == ["team.position #5: not after #100000000000000000"] and Hostile.asked.count("teams") == 2


def test_an_object_listed_twice_in_a_snapshot_is_kept_once_at_its_newest(hostile):
    store, _ = hostile("duplicates", lambda s: s.health.get("h") is not None and s.health["h"].state == LinkState.LIVE)
    assert [(team.id, team.version, team.status.value) for _, team in store.teams] == [("T1", 5, "en_route")]


def test_a_backend_that_stays_unreachable_is_shown_offline_and_still_tried():
    sink: queue.SimpleQueue = queue.SimpleQueue()
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{closed.getsockname()[1]}"  # bound, not listening: refused at once
        link = new_link("h", url, "operator", "s3cret", sink)
        store = Store()
        link.start()
        try:
            seen = pump(sink, store, lambda s: "h" in s.health and s.health["h"].state == LinkState.OFFLINE, timeout=90)
        finally:
            link.stop()
    states = [m.state for m in seen if isinstance(m, HealthChanged)]
    assert states[:2] == [LinkState.CONNECTING, LinkState.RECONNECTING] and states.count(LinkState.RECONNECTING) == 5


def until_delivered(sink: queue.SimpleQueue, command_id: str, timeout: float = 60.0):
    while True:
        message = sink.get(timeout=timeout)
        command = message.command if isinstance(message, CommandChanged) else None
        if command is not None and command.id == command_id and command.state == CommandState.DELIVERED:
            return command


class Busy(StandIn):
    """Takes commands, but the first one only after it asked to be left alone for two seconds."""

    tries = 0
    at: list[float] = []  # when each command was tried
    tried = threading.Event()  # set at the first

    def do_GET(self) -> None:
        if not self.answered_health():
            self._json({"title": "nothing here"}, 404)

    def do_POST(self) -> None:
        if not self.path.endswith("/messages"):
            super().do_POST()
            return
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Busy.tries += 1
        Busy.at.append(time.monotonic())
        Busy.tried.set()
        if Busy.tries == 1:
            self.send_response(503)
            self.send_header("Retry-After", "2")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._json({"id": "M1", "version": 1}, 201)


@pytest.fixture
def busy():
    """A sender of commands to the Busy stand-in: (its outbox, its sink), started."""
    Busy.tries, Busy.at, Busy.tried = 0, [], threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Busy)
    thread = threading.Thread(target=server.serve_forever, name="busy-backend", daemon=True)
    thread.start()
    sink = queue.SimpleQueue()
    outbox = Outbox(data_dir(), sink)
    session = BackendSession(
        "b", Endpoint(f"http://127.0.0.1:{server.server_address[1]}", Credentials("operator", "s3cret"))
    )
    sender = CommandSender(outbox, session, sink, rng=random.Random(2))
    sender.start()
    yield outbox, sink
    Busy.api_version = StandIn.api_version
    sender.stop()
    outbox.close()
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_a_command_to_a_busy_backend_waits_as_long_as_it_asks_even_when_another_comes(busy, caplog):
    outbox, sink = busy
    with caplog.at_level(logging.INFO, logger="console.outbox"):
        command = new_command("b", Action.MESSAGE, Subject(Collection.TEAMS, "T0001"), {"text": "稍后再试"}, "指令")
        outbox.submit(command)
        assert Busy.tried.wait(10)  # the backend has said how long to leave it alone
        # A new command meanwhile does not cut that wait short: it goes after it, in order.
        outbox.submit(new_command("b", Action.MESSAGE, Subject(Collection.TEAMS, "T0002"), {"text": "也等"}, "指令"))
        delivered = until_delivered(sink, command.id)
    waits = [
        float(r.getMessage().rsplit(" in ", 1)[1].removesuffix(" s"))
        for r in caplog.records
        if "next try in" in r.getMessage()
    ]
    assert delivered.status == 201 and len(waits) == 1 and waits[0] >= 2.0
    assert Busy.at[1] - Busy.at[0] >= 2.0


def test_no_command_goes_to_a_backend_of_another_major_version(busy):
    outbox, sink = busy
    Busy.api_version = "2.0"
    outbox.submit(new_command("b", Action.MESSAGE, Subject(Collection.TEAMS, "T0001"), {"text": "别发"}, "指令"))
    deadline, said = time.monotonic() + 20, ""
    while "API version" not in said and time.monotonic() < deadline:
        try:
            message = sink.get(timeout=1)
        except queue.Empty:
            continue
        said = getattr(getattr(message, "command", None), "last_error", "") or said
    assert "'2.0'" in said and Busy.tries == 0  # never sent, and the operator is told why
