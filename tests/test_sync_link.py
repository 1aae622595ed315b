"""One sync link against a real backend: snapshot, live events, stopping, refused credentials."""

from __future__ import annotations

import queue

import pytest

from console.records import CASE_WORK, Collection
from console.session import Credentials
from console.store import Store
from console.sync import EventReceived, HealthChanged, LinkState, RowsLoaded, SnapshotLoaded
from tests.support.backends import CASES
from tests.support.links import new_link, pump


@pytest.fixture
def link_to(backend):
    links = []

    def make(username: str = "operator", password: str | None = None):
        sink: queue.SimpleQueue = queue.SimpleQueue()
        made = new_link("b1", backend.url, username, password or backend.password_of(username), sink)
        links.append(made)
        made.start()
        return made, sink

    yield make
    for link in links:
        link.stop()


def test_a_link_snapshots_then_applies_the_stream_from_the_cursor(link_to):
    link, sink = link_to()
    store = Store()
    seen = pump(sink, store, lambda s: s.health.get("b1") is not None and s.health["b1"].events_received >= 100)
    kinds = [type(m) for m in seen]
    snapshot = next(m for m in seen if isinstance(m, SnapshotLoaded))
    first_event = next(m for m in seen if isinstance(m, EventReceived))
    assert kinds.index(SnapshotLoaded) < kinds.index(EventReceived)
    assert first_event.event_id == snapshot.cursor + 1
    ids = [m.event_id for m in seen if isinstance(m, EventReceived)]
    assert ids == list(range(ids[0], ids[0] + len(ids)))
    assert len(store.teams) == 200 and store.health["b1"].state == LinkState.LIVE
    assert store.health["b1"].role == "operator"


def test_the_case_work_arrives_page_by_page_after_the_first_sight(link_to, backend):
    link, sink = link_to()
    store = Store()
    # A new backend files its book on after it listens: the cases come in pages and as events.
    seen = pump(sink, store, lambda s: len(s.cases) == CASES and not s.health["b1"].loading)
    first_sight = next(i for i, m in enumerate(seen) if isinstance(m, SnapshotLoaded))
    pages = [m for m in seen if isinstance(m, RowsLoaded)]
    assert pages and all(seen.index(page) > first_sight for page in pages)
    assert {m.collection for m in pages if m.final} == set(CASE_WORK)
    assert store.cases.backends() == {"b1"}


def test_stopping_a_live_link_wakes_its_blocked_reader(link_to):
    link, sink = link_to()
    pump(sink, Store(), lambda s: s.health.get("b1") is not None and s.health["b1"].state == LinkState.LIVE)
    # stop() waits 5 s at most, far less than the stream's read timeout: a reader still blocked
    # in its read would still be running afterwards.
    link.stop()
    assert not link.running


def test_a_wrong_password_ends_in_auth_failed_with_the_reason(link_to):
    link, sink = link_to(password="not-the-password")
    store = Store()
    pump(sink, store, lambda s: s.health.get("b1") is not None and s.health["b1"].state == LinkState.AUTH_FAILED)
    assert "401" in store.health["b1"].detail
    assert not store.teams


def test_the_password_never_shows_in_health_messages(link_to, backend):
    link, sink = link_to()
    seen = pump(sink, Store(), lambda s: s.health.get("b1") is not None and s.health["b1"].state == LinkState.LIVE)
    assert all(backend.password_of("operator") not in repr(m) for m in seen if isinstance(m, HealthChanged))
    assert backend.password_of("operator") not in repr(Credentials("operator", backend.password_of("operator")))


def test_messages_sent_before_the_link_came_are_in_its_case_work(link_to, backend):
    """A message's state (sent, delivered, read) is in the snapshot, as every collection the
    console shows is: a link that starts over after a 410 does not lose them."""
    sent = backend.command("teams/T0002/messages", {"text": "原地待命"})
    assert sent.status_code == 201, sent.text
    link, sink = link_to()
    store = Store()
    seen = pump(sink, store, lambda s: s.health.get("b1") is not None and s.health["b1"].state == LinkState.LIVE)
    seen += pump(sink, store, lambda s: Collection.MESSAGES not in s.health["b1"].loading)
    assert any(isinstance(m, RowsLoaded) and m.collection == Collection.MESSAGES and m.final for m in seen)
    assert store.messages.get("b1", sent.json()["id"]).text == "原地待命"
