"""A backend that breaks the contract in every way we could think of: the console drops each bad
record, counts it, says so in the Connection panel and the log, and keeps what is good."""

from __future__ import annotations

import json
import logging
import queue
import threading
from http.server import ThreadingHTTPServer

import pytest

from console.store import Store
from console.sync import LinkState
from tests.support.links import new_link, pump
from tests.support.records import ESCALATION, TEAM
from tests.support.stand_in import StandIn, event, position

COURTS = [
    {
        "id": "C1",
        "name": "成都市锦江区人民法院",
        "level": "basic",
        "adcode": "510104",
        "parent_id": None,
        "lon": 104.1,
        "lat": 30.6,
        "version": 1,
    },
    {
        "id": "C2",
        "name": "坏法院",
        "level": "supreme",
        "adcode": "x",
        "parent_id": None,
        "lon": 1,
        "lat": 1,
        "version": 1,
    },
    {
        "id": "C3",
        "name": "坏坐标",
        "level": "basic",
        "adcode": "x",
        "parent_id": None,
        "lon": "104",
        "lat": 1,
        "version": 1,
    },
]
ESCALATIONS = [ESCALATION, {**ESCALATION, "id": "E2", "severity": "P0"}]
TEAMS = [
    TEAM,
    {**TEAM, "id": "T2"},
    {**TEAM, "id": "T3", "status": "teleporting"},
    "not a team",
    {**TEAM, "id": "T4", "position": None},
]


FIRST_STREAM = b"".join(
    [
        event(1, "team.position", position("T1", 104.2)),
        event(2, "team.position", '{"team_id": "T1", "lon": '),  # malformed JSON
        event(
            3,
            "team.status",
            json.dumps({"team_id": "T2", "status": "dancing", "since": "2024-11-27T03:05:00Z", "version": 2}),
        ),
        event(
            4,
            "team.position",
            json.dumps(
                {"team_id": "T2", "lon": True, "lat": 30.6, "heading": 0, "speed_kmh": 0, "at": "2024-11-27T03:05:00Z"}
            ),
        ),
        b"id: 5\nevent: team.position\ndata: " + b"x" * (1 << 21) + b"\n\n",  # oversized
        event(None, "team.position", position("T1", 104.3)),  # no id of its own: cannot be resumed from
        event(6, "something.new", "{}"),  # a type from a newer backend: passed over, not dropped
        event(7, "team.position", position("T2", 104.4)),
        b'id: 8\nevent: team.position\ndata: {"team_id": "T1", "lo',  # and the connection drops mid-event
    ]
)


class Misbehaving(StandIn):
    streams = 0
    stop = threading.Event()

    def do_GET(self) -> None:
        if self.answered_health():
            return
        if self.path.startswith("/api/v1/courts"):
            self._json({"items": COURTS, "cursor": 0, "next_page_token": None})
        elif self.path.startswith("/api/v1/escalations"):
            items = ESCALATIONS if "state=open" in self.path else []
            self._json({"items": items, "cursor": 0, "next_page_token": None})
        elif self.path.startswith("/api/v1/teams"):
            self._json({"items": TEAMS, "cursor": 0, "next_page_token": None})
        elif self.path.startswith(
            ("/api/v1/cases", "/api/v1/tasks", "/api/v1/queries", "/api/v1/measures", "/api/v1/approvals")
        ):
            self._json({"items": [], "cursor": 0, "next_page_token": None})
        elif self.path.startswith("/api/v1/kpis"):
            self._json({"computed_at": "yesterday"})
        elif self.path.startswith("/api/v1/events"):
            Misbehaving.streams += 1
            if Misbehaving.streams == 2:  # the second time: not an event stream at all
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<html>maintenance</html>")
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            if Misbehaving.streams == 1:
                self.wfile.write(FIRST_STREAM)
                return
            self.wfile.write(event(9, "team.position", position("T2", 104.5)))
            self.wfile.flush()
            while not Misbehaving.stop.wait(0.2):
                self.wfile.write(b": ping\n\n")
                self.wfile.flush()
        else:
            self._json({"type": "urn:x:not-found", "title": "no", "status": 404}, 404)


@pytest.fixture
def misbehaving():
    Misbehaving.streams = 0
    Misbehaving.stop.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Misbehaving)
    thread = threading.Thread(target=server.serve_forever, name="misbehaving-backend", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    Misbehaving.stop.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_bad_records_are_dropped_counted_and_told_and_the_good_ones_flow(misbehaving, caplog):
    sink: queue.SimpleQueue = queue.SimpleQueue()
    link = new_link("bad", misbehaving, "operator", "x", sink, seed=1)
    store = Store()
    with caplog.at_level(logging.INFO):
        link.start()
        try:
            pump(sink, store, lambda s: (p := s.position("bad", "T2")) is not None and p.lon == 104.5)
        finally:
            link.stop()
    assert not link.running  # the stream ends with the connection (HTTP/1.0), yet stop() still wakes it
    assert {team.id for _, team in store.teams} == {"T1", "T2"}
    assert [court.id for _, court in store.courts] == ["C1"]
    assert [escalation.id for _, escalation in store.escalations] == ["E1"]
    assert store.position("bad", "T1").lon == 104.2  # the good event before the bad ones
    health = store.health["bad"]
    # 2 courts, 3 teams, 1 escalation, the KPIs, then malformed JSON, an unknown status, a boolean
    # longitude, an oversized event and an event without an id; the truncated last one was never whole.
    assert health.dropped == 12
    assert health.state == LinkState.LIVE
    assert Misbehaving.streams == 3  # resumed after the cut, and again after the wrong content type
    assert caplog.text.count("dropped a record") == 12
    assert "content type 'text/html'" in caplog.text
