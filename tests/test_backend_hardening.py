"""A backend that holds up: idle and slow connections (headers or body) are closed rather than held, the world's tick
goes on through hundreds of them and through its own errors, and `/health` tells whether it does."""

from __future__ import annotations

import socket
import threading

import pytest
import requests
import uvicorn

from court_backend import cli
from court_backend.app import MAX_TICK_AGE_S, create_app
from court_backend.world import Config
from tests.support.backends import CASES, SEED

IDLE_SOCKETS = 300


def health(url: str) -> requests.Response:
    return requests.get(f"{url}/api/v1/health", timeout=10)


def closed_by_the_server(connection: socket.socket) -> bool:
    connection.setblocking(False)
    try:
        return connection.recv(1) == b""
    except BlockingIOError:
        return False
    except ConnectionError:
        return True


def test_idle_and_slow_connections_neither_stop_the_world_nor_stay_open(qtbot, backend):
    host, port = backend.url.removeprefix("http://").rsplit(":", 1)
    idle = [socket.create_connection((host, int(port)), timeout=10) for _ in range(IDLE_SOCKETS)]
    slow = socket.create_connection((host, int(port)), timeout=10)
    slow.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")  # and never the rest of its headers
    no_body = socket.create_connection((host, int(port)), timeout=10)
    no_body.sendall(b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n{")
    try:
        first = health(backend.url).json()
        assert first["status"] == "ok" and first["tick_age_s"] < MAX_TICK_AGE_S

        def moved_on() -> bool:
            now = health(backend.url).json()
            return now["last_event_id"] > first["last_event_id"] and now["tick_age_s"] < 2

        qtbot.waitUntil(moved_on, timeout=15_000)
        closed = [*idle, slow, no_body]
        qtbot.waitUntil(
            lambda: all(closed_by_the_server(s) for s in closed), timeout=int((cli.REQUEST_TIMEOUT_S + 20) * 1000)
        )
    finally:
        for connection in [*idle, slow, no_body]:
            connection.close()


@pytest.fixture
def served(qtbot, tmp_path):
    """A backend served in this process, as `court-backend` serves it, so that the test can break
    its world's tick."""
    app = create_app(Config(tmp_path / "data", seed=SEED, cases=CASES))
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, http=cli._RequestDeadline, log_level="critical"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listening.getsockname()[1]}"
    qtbot.waitUntil(lambda: server.started, timeout=60_000)
    yield app.state.backend, url
    server.should_exit = True
    thread.join(30)


def test_a_failing_tick_is_logged_health_says_so_and_the_world_goes_on_when_it_passes(qtbot, served, caplog):
    backend, url = served
    qtbot.waitUntil(lambda: health(url).json()["tick_age_s"] < 2, timeout=15_000)
    world_tick = backend.world.tick
    failing = threading.Event()
    failing.set()

    def tick(dt: float, now: float) -> None:
        if failing.is_set():
            raise RuntimeError("a broken tick")
        world_tick(dt, now)

    backend.world.tick = tick
    qtbot.waitUntil(lambda: health(url).status_code == 503, timeout=int((MAX_TICK_AGE_S + 15) * 1000))
    stalled = health(url)
    assert stalled.json()["status"] == "stalled" and stalled.json()["tick_age_s"] > MAX_TICK_AGE_S
    assert "the world's tick failed" in caplog.text and "a broken tick" in caplog.text

    failing.clear()
    qtbot.waitUntil(lambda: health(url).status_code == 200, timeout=15_000)
    assert health(url).json()["tick_age_s"] < 2
