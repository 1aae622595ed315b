"""The backend's time. Running, it is the wall clock; started with a stepped clock (for tests), the
simulation stands still until a test steps it on, and its time runs that far ahead of the wall
clock, so that what takes minutes or days in the simulation happens at once, and the same way each
time for a seed."""

from __future__ import annotations

import time
from datetime import UTC, datetime


class Clock:
    def __init__(self, stepped: bool = False) -> None:
        self.stepped = stepped
        self.ahead_s = 0.0  # how far the simulation has been stepped beyond the wall clock

    def now(self) -> float:
        return time.time() + self.ahead_s


def utc_iso(epoch_s: float) -> str:
    """A time as the API writes it: ISO 8601 in UTC, to the millisecond (2026-11-27T03:00:00.000Z)."""
    return datetime.fromtimestamp(epoch_s, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def epoch_of(iso: str) -> float:
    """A time the API wrote (`utc_iso`), in seconds since the epoch."""
    return datetime.fromisoformat(iso).timestamp()
