"""Sync links made by hand, without a window: the store fed as the GUI thread would feed it."""

from __future__ import annotations

import queue
import random
import time

from console.session import BackendSession, Credentials, Endpoint
from console.store import Store
from console.sync import BackendLink


def new_link(
    name: str, url: str, username: str, password: str, sink: queue.SimpleQueue, seed: int = 3, **endpoint
) -> BackendLink:
    """A link to `url` signed in as `username` (`endpoint` options: verify, cert, allow_insecure_http),
    its jitter seeded."""
    session = BackendSession(name, Endpoint(url, Credentials(username, password), **endpoint))
    return BackendLink(session, sink, rng=random.Random(seed))


def pump(sink: queue.SimpleQueue, store: Store, until, timeout: float = 20.0) -> list:
    """Applies messages to the store as the GUI thread would, until `until(store)` holds."""
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            message = sink.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(message)
        store.apply([message])
        if until(store):
            return seen
    raise AssertionError(f"condition not met within {timeout} s; last messages: {seen[-3:]}")
